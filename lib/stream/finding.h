/* finding.h - the finding record, its JSON Lines form, trailers, fingerprints
 *
 * Owns: struct finding and struct evidence, writing them as JSON Lines
 * (docs/format.md) with the end-of-stream trailer that tells a complete
 * stream from a crashed stage, the full reader (finding_read: a front end of
 * jsonl.h, which owns the grammar, the record checks, the trailer and count
 * rules and their messages), and fingerprints.  Not: judging (mg-gate),
 * rendering reports (report/report.h), mg-diff's pass-through reader
 * (rawfind.h).  jansson is used here (writing; unknown keys kept for the
 * round trip) and in baseline.c, config.c, git/gitdiff.c and the JSON reports
 * (report/report_escape.c and the JSON formats' files); its types never
 * appear in headers.
 */
#ifndef MG_FINDING_H
#define MG_FINDING_H

#include <stddef.h>
#include <stdio.h>

enum severity { SEV_NOTE = 0, SEV_WARNING = 1, SEV_ERROR = 2 };

/* "error", "warning", "note"; parse returns -1 on anything else. */
const char *severity_name(int sev);
int severity_parse(const char *s);

struct evidence {
	char *path;		/* owned */
	long line, column;	/* column 0: not known */
	char *note;		/* owned */
};

struct finding {
	char *rule;		/* "MG001" ... owned, like every string here */
	int severity;		/* enum severity */
	char *path;		/* relative, forward slashes */
	long line, column, end_line, end_column;
	char *message;
	char *symbol;		/* may be NULL */
	char *source;		/* "static" or "race"; may be NULL */
	struct evidence *ev;
	size_t nev, aev;
	char *fingerprint;	/* 16 hex digits; may be NULL until assigned */
	int suppressed;		/* waived in source by //mg:ignore */
	char *suppress_reason;	/* may be NULL */
	int suppress_config;	/* suppressed by a .mapguard.json exclude
				 * rule (mg-gate), not in the source */
	int downgraded;		/* 1 + the severity before an exclude rule
				 * downgraded it; 0: not downgraded */
	char *downgrade_reason;	/* that rule's reason; may be NULL */
	long count;		/* how many reports collapsed into this; 0: 1 */
	void *extra;		/* unknown keys kept for the round trip (opaque) */
	unsigned long long fp_base;	/* see finding_fingerprint_base() */
};
#define FINDING_INIT { 0 }

void finding_init(struct finding *f);
void finding_release(struct finding *f);
/* Deep copy of src into *dst (dst uninitialized or released). */
void finding_copy(struct finding *dst, const struct finding *src);
/* Appends an evidence entry (strings copied; path may not be NULL). */
void finding_add_evidence(struct finding *f, const char *path, long line,
			  long column, const char *note);

/* Writes one JSON line (keys in docs/format.md order, then unknown keys). */
void finding_write(FILE *fp, const struct finding *f);

/* The end-of-stream record. */
struct trailer {
	const char *tool;	/* "mg-scan", "mg-diff" */
	const char *status;	/* "ok" or "error" */
	long files, findings;
	const char *shard;	/* "K/N" or NULL */
};
void finding_write_trailer(FILE *fp, const struct trailer *t);

/* What mg-diff learns about a change besides its findings, carried in its
 * trailer (docs/format.md; readers that predate it ignore the keys): the
 * commit compared with and the suppression directives the change added. */
struct suppression {
	char *path;		/* as the findings name it */
	long line;		/* of the directive */
	char *rules;		/* "MG001,MG003"; "": every rule */
	char *reason;		/* NULL: none given */
};
struct change_info {
	char *base;		/* commit hex; NULL: unknown (--patch) */
	struct suppression *supp;
	size_t nsupp, asupp;
	int known;		/* read: a trailer came from mg-diff, or had the keys */
};
/* The trailer with ci's keys ("base", "suppressions") added when set. */
void finding_write_trailer_info(FILE *fp, const struct trailer *t,
				const struct change_info *ci);
/* Appends a copy (reason may be NULL). */
void change_info_add(struct change_info *ci, const char *path, long line,
		     const char *rules, const char *reason);
void change_info_release(struct change_info *ci);

/* A reader over JSON Lines files (or stdin).  Each input file must end in an
 * ok trailer whose count matches the findings before it, unless
 * FINDING_NO_TRAILER is given. */
struct finding_reader;
enum { FINDING_NO_TRAILER = 1 };
/* paths: NULL-terminated; none (or "-") means standard input.
 * Returns 0, or -1 (nothing to free). */
int finding_reader_open(struct finding_reader **out, char *const *paths,
			int flags);
/* The same over buf[0..len) (borrowed while the reader lives), named name
 * in messages. */
int finding_reader_open_mem(struct finding_reader **out, const char *name,
			    const char *buf, size_t len, int flags);
/* Reads the next finding into *f (its old contents are released first).
 * Returns 1 for a finding, 0 at the end of a complete input, -1 on an error
 * already reported ("FILE:LINE: invalid finding: why", a missing or failed
 * trailer). */
int finding_read(struct finding_reader *rd, struct finding *f);
/* After finding_read() returned -1 for a malformed input: that message
 * (without the program name), borrowed while rd lives; NULL for an I/O
 * error. */
const char *finding_reader_error(const struct finding_reader *rd);
/* After the end: the shards named by the trailers read ("K/N" strings, borrowed
 * while rd lives), and totals. */
size_t finding_reader_shards(const struct finding_reader *rd,
			     const char *const **shards);
long finding_reader_files(const struct finding_reader *rd);
/* After the end: the change information of every trailer read (the first
 * base seen; the suppressions of all), borrowed while rd lives. */
const struct change_info *finding_reader_change(const struct finding_reader *rd);
void finding_reader_free(struct finding_reader *rd);

/* Fingerprints: finding_fingerprint_base() hashes rule, path, symbol and the
 * flagged line's text with white space removed (line/len: that line's bytes,
 * no newline); finding_fingerprint_assign() then numbers findings with the same
 * base in (path, line, column) order and sets f->fingerprint. */
void finding_fingerprint_base(struct finding *f, const char *line, size_t len);
void finding_fingerprint_assign(struct finding *v, size_t n);
/* The one numbering: the n findings p points to, whose fp_base is set
 * (however it was computed: baseline_fingerprint_missing() hashes the
 * message instead of the line), get the hash of their base and their
 * occurrence index among equal bases in finding_cmp() order as fingerprint
 * (a previous one is freed).  Reorders p. */
void finding_fingerprint_number(struct finding **p, size_t n);

/* Sorts by path, line, column, rule, message. */
void finding_sort(struct finding *v, size_t n);
int finding_cmp(const struct finding *a, const struct finding *b);

/* A growable list of findings that owns them. */
struct finding_list {
	struct finding *v;
	size_t n, alloc;
};
#define FINDING_LIST_INIT { NULL, 0, 0 }
/* Returns a new zeroed finding at the end of the list (borrowed). */
struct finding *finding_list_add(struct finding_list *l);
void finding_list_release(struct finding_list *l);

#endif
