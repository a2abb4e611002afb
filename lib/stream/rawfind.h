/* rawfind.h - finding streams as raw JSON lines, for filters (mg-diff)
 *
 * Owns: the pass-through front end of the one finding-stream reader
 * (jsonl.h): it reads whole inputs, keeps each record's bytes, so a filter
 * passes a finding on unchanged, and extracts only where it points: path,
 * line, evidence locations and fingerprint.  Whether a line is well-formed,
 * what a record needs and the stream rules (a complete stream ends in an ok
 * trailer whose count matches; FINDING_NO_TRAILER accepts hand-written input)
 * are jsonl.h's, the same as finding_read()'s, with the same messages
 * (tests/fuzz/fuzz_finding.c checks that the two agree).  Not: the full
 * record (finding.h), writing.
 */
#ifndef MG_RAWFIND_H
#define MG_RAWFIND_H

#include <stddef.h>

struct rawfind_loc {
	char *path;		/* unescaped, owned */
	long line;
};

struct rawfind {
	const char *bytes;	/* the record's line, without its newline */
	size_t len;		/* (borrowed while the set lives) */
	char *path;		/* unescaped, owned */
	long line;
	char *fingerprint;	/* owned, or NULL */
	struct rawfind_loc *ev;	/* evidence locations, owned */
	size_t nev;
};

struct rawfind_set {
	struct rawfind *v;	/* the findings in input order */
	size_t n, alloc;
	long files;		/* summed from the trailers */
	char **bufs;		/* the inputs' bytes */
	size_t nbufs, abufs;
	char *error;		/* the first error, without the program name */
};
#define RAWFIND_SET_INIT { NULL, 0, 0, 0, NULL, 0, 0, NULL }

/* Reads the inputs (NULL-terminated paths; none or "-": stdin) into s.
 * flags: FINDING_NO_TRAILER (finding.h).  Returns 0, or -1 with s->error set
 * ("NAME:LINE: invalid finding: why", a missing or failed trailer, an
 * unreadable file).  It prints nothing and touches no global state, so it
 * may run while another thread works (mg-diff computes the diff meanwhile);
 * the caller reports s->error.  s must be released either way. */
int rawfind_read(struct rawfind_set *s, char *const *paths, int flags);
void rawfind_release(struct rawfind_set *s);

/* A string member of the record ("message"), a new string, or NULL. */
char *rawfind_str(const struct rawfind *f, const char *key);
/* An integer member ("column"), or 0. */
long rawfind_int(const struct rawfind *f, const char *key);

#endif
