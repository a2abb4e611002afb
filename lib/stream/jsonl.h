/* jsonl.h - the one reader of a finding-stream line: tokenizer, record
 * checks, trailer and count rules
 *
 * Owns: the grammar of one JSON Lines record (strict JSON, RFC 8259: UTF-8
 * judged by util/utf8.h, escapes and \u surrogate pairs, no NUL byte and no
 * \u0000, nesting at most JSONL_MAX_DEPTH, integers within 64 bits, numbers
 * within a double), what makes a record a finding or a trailer and the keys
 * and types each needs (docs/format.md), and the stream rules: a complete
 * input ends in an ok trailer whose count matches the findings since the
 * previous trailer, and an empty input is an error.  Every message about a
 * malformed line is made here, one line with the input's name and line
 * number.  It does no I/O and prints nothing.  Its two front ends: the full
 * record (finding.c: finding_read) and the byte-exact pass-through
 * (rawfind.c: rawfind_read, mg-diff).  Not: reading files, building either
 * record, writing (finding.c).
 */
#ifndef MG_JSONL_H
#define MG_JSONL_H

#include <stddef.h>

#include "stream/finding.h"
#include "util/util.h"

#define JSONL_MAX_DEPTH 64

/* ---- the tokenizer ---- */

enum jsonl_kind { JSONL_STR = 1, JSONL_INT, JSONL_NUM, JSONL_OBJ, JSONL_ARR,
		  JSONL_TRUE, JSONL_FALSE, JSONL_NULL };

/* A value's bytes [v, vend) and kind; for a member of an object also its
 * key's raw bytes (between the quotes, escapes not undone) and, for a
 * record's member, which known key it is (enum jsonl_key, or -1). */
struct jsonl_member {
	const char *key;
	size_t klen;
	const char *v, *vend;
	int kind;		/* 0: absent */
	int known;
	unsigned char kesc, vesc;	/* a backslash in the key, the value */
};

/* A reusable vector of members (grown, never shrunk). */
struct jsonl_members {
	struct jsonl_member *v;
	size_t n, alloc;
};

/* A cursor over [p, end); err is the first error ("invalid escape"), at is
 * where it was found. */
struct jsonl_cur {
	const char *p, *end;
	const char *err, *at;
	int esc;		/* set when a string had an escape */
};

/* Validates any value at c->p (white space first); returns its kind or -1. */
int jsonl_value(struct jsonl_cur *c, int depth);
/* Reads the object at c->p into m (m->n reset); -1 on an error. */
int jsonl_object(struct jsonl_cur *c, struct jsonl_members *m, int depth);
/* The next element of the array value [*p, vend) (validated before: *p
 * starts at its '['); 1 with el set, 0 after the last one. */
int jsonl_element(const char **p, const char *vend, struct jsonl_member *el);

/* A string value's unescaped bytes appended to out (which may be NULL to
 * validate only); the value must be valid (read by the tokenizer). */
void jsonl_unescape(const char *v, const char *vend, struct buf *out);
/* The string value as a new NUL-terminated string. */
char *jsonl_strdup(const struct jsonl_member *m);
/* Whether the string value equals s (escapes undone). */
int jsonl_str_is(const struct jsonl_member *m, const char *s);
/* The integer value (kind JSONL_INT). */
long long jsonl_int(const struct jsonl_member *m);
/* The member's key, unescaped, as a new string. */
char *jsonl_key(const struct jsonl_member *m);

/* ---- records ---- */

/* The keys the format knows: a finding's, then a trailer's. */
enum jsonl_key {
	JK_RULE, JK_SEVERITY, JK_PATH, JK_LINE, JK_COLUMN, JK_END_LINE,
	JK_END_COLUMN, JK_MESSAGE, JK_SYMBOL, JK_SOURCE, JK_EVIDENCE,
	JK_FINGERPRINT, JK_SUPPRESSED, JK_SUPPRESS_REASON, JK_COUNT,
	JK_SUPPRESSED_BY, JK_DOWNGRADED_FROM, JK_DOWNGRADE_REASON,
	JK_NFINDING,		/* the trailer's, from here: */
	JK_MAPGUARD = JK_NFINDING, JK_TOOL, JK_STATUS, JK_FILES, JK_FINDINGS,
	JK_SHARD, JK_BASE, JK_SUPPRESSIONS,
	JK_N
};

/* One evidence entry of a finding: absent members have kind 0. */
struct jsonl_evidence {
	struct jsonl_member path, line, column, note;
};

/* One record as the checks left it: its members in line order and, for each
 * known key, the last member with it (NULL: absent), and a finding's
 * evidence entries.  Reused from line to line. */
struct jsonl_record {
	struct jsonl_members m;
	const struct jsonl_member *k[JK_N];
	struct jsonl_evidence *ev;
	size_t nev, aev;
	int severity;		/* a finding's: enum severity */
	int downgraded;		/* 1 + downgraded_from's severity; 0: none */
	int by_config;		/* "suppressed_by":"config" */
	struct jsonl_members sub;	/* scratch */
};
void jsonl_record_release(struct jsonl_record *r);

/* Whether a finding's member is one the format knows (else the full reader
 * keeps it for the round trip). */
static inline int jsonl_known_finding_key(const struct jsonl_member *m)
{
	return m->known >= 0 && m->known < JK_NFINDING;
}

/* ---- streams ---- */

/* One input's state under the stream rules; error holds the first error
 * ("NAME:LINE: invalid finding: why"), owned. */
struct jsonl_stream {
	const char *name;	/* "<stdin>" or the path (borrowed) */
	long lineno;
	int flags;		/* FINDING_NO_TRAILER */
	int any, last_trailer;
	long since;		/* findings since the last trailer */
	char *error;
};

enum { JSONL_BLANK = 0, JSONL_FINDING = 1, JSONL_TRAILER = 2 };

/* Starts an input (error is kept: the first one wins). */
void jsonl_stream_begin(struct jsonl_stream *st, const char *name, int flags);
/* Reads the next line (its bytes without the newline) into r: JSONL_BLANK,
 * JSONL_FINDING (checked: every key the format knows has its type and
 * range), JSONL_TRAILER (its status ok and its count matched), or -1 with
 * st->error set. */
int jsonl_stream_line(struct jsonl_stream *st, struct jsonl_record *r,
		      const char *p, size_t len);
/* At the end of the input: 0, or -1 (empty input, no final trailer). */
int jsonl_stream_end(struct jsonl_stream *st);
/* Sets st->error to "NAME:LINE: invalid finding: why" (a front end's own
 * finding), unless set; returns -1. */
int jsonl_stream_invalid(struct jsonl_stream *st, const char *why);
/* Sets st->error to what fmt says, unless set; returns -1. */
int jsonl_stream_fail(struct jsonl_stream *st, const char *fmt, ...)
	MG_PRINTF(2, 3);
void jsonl_stream_release(struct jsonl_stream *st);

/* A trailer's figures: files (0 when absent), the shard ("K/N", new, or
 * NULL), and its change information added to ci (docs/format.md: base,
 * suppressions; malformed entries are skipped). */
long jsonl_trailer_files(const struct jsonl_record *r);
char *jsonl_trailer_shard(const struct jsonl_record *r);
void jsonl_trailer_change(const struct jsonl_record *r, struct change_info *ci);

#endif
