/* util.h - messages, exit codes, allocation and growable buffers
 *
 * Owns: the program name in messages, the exit-code convention, the x-allocators
 * (the only lib/ code that may exit), struct buf and ARRAY_GROW.  Not: any I/O
 * beyond stderr messages and the final stdout flush in mg_exit().
 */
#ifndef MG_UTIL_H
#define MG_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* the release, from the top-level VERSION file (the Makefile passes it) */
#ifndef MG_VERSION
#error "MG_VERSION is not defined: build with make, which reads the VERSION file"
#endif

enum {
	MG_EXIT_OK = 0,		/* ran; gate passed */
	MG_EXIT_FOUND = 1,	/* findings (--exit-code) or gate failed */
	MG_EXIT_ERROR = 2	/* usage or runtime error */
};

#if defined(__GNUC__)
#define MG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define MG_NORETURN __attribute__((noreturn))
#else
#define MG_PRINTF(a, b)
#define MG_NORETURN
#endif

/* Names our messages ("mg-scan: ..."). */
void mg_start(const char *name);
const char *mg_name(void);
/* Prints "name: msg" on stderr; returns -1 so lib code can `return mg_error()`.
 * Counts as an error: mg_errors() > 0 afterwards. */
int mg_error(const char *fmt, ...) MG_PRINTF(1, 2);
/* Prints "name: warning: msg"; returns 0; not counted. */
int mg_warn(const char *fmt, ...) MG_PRINTF(1, 2);
/* How many mg_error() calls so far (fail-closed bookkeeping). */
unsigned mg_errors(void);
/* Writes s for line-oriented text that people and CI runners read: C0 and C1
 * control characters (but tab) become '?', so s never breaks the line and
 * no escape sequence reaches a terminal.  The tree's one control-character
 * sanitiser: mg_error() and mg_warn(), mg-scan's and mg-diff's text output
 * and the text report write through it.  flags: MG_TEXT_LEAD (s starts a
 * line, e.g. a path): "./" goes first when s starts with ':' or a blank,
 * so no hostile file name can begin a GitHub workflow command
 * ("::add-mask::...");  MG_TEXT_TAB: a tab becomes '?' too. */
enum { MG_TEXT_LEAD = 1, MG_TEXT_TAB = 2 };
void mg_put_text(FILE *fp, const char *s, int flags);
/* Prints the error and exits 2: for cmd/ only. */
MG_NORETURN void mg_die(const char *fmt, ...) MG_PRINTF(1, 2);
/* Prints "name: msg" and the usage's first line on stderr; returns 2. */
int mg_usage(const char *usage, const char *fmt, ...) MG_PRINTF(2, 3);
/* Flushes stdout; a write error turns rc into 2.  Returns the exit code. */
int mg_exit(int rc);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) MG_PRINTF(1, 2);

/* Grows array p (of *alloc elements) to hold at least n elements. */
#define ARRAY_GROW(p, n, alloc)                                              \
	do {                                                                 \
		if ((size_t)(n) > (alloc)) {                                 \
			size_t na_ = (alloc) ? (alloc) * 2 : 8;              \
			while (na_ < (size_t)(n))                            \
				na_ *= 2;                                    \
			(p) = xrealloc((p), na_ * sizeof(*(p)));             \
			(alloc) = na_;                                       \
		}                                                            \
	} while (0)

/* A growable byte buffer; p is always NUL-terminated when non-NULL. */
struct buf {
	char *p;
	size_t len, alloc;
};
#define BUF_INIT { NULL, 0, 0 }
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...) MG_PRINTF(2, 3);
void buf_reset(struct buf *b);
/* Hands the buffer's bytes to the caller (never NULL); b is empty after. */
char *buf_detach(struct buf *b, size_t *len);
void buf_release(struct buf *b);

/* Reads a whole file (or stdin for "-") into out and len; the data is
 * NUL-terminated (not counted in len).  Returns 0, or -1 after mg_error(). */
int mg_read_file(const char *path, char **out, size_t *len);

/* 64-bit FNV-1a over n bytes, continuing from h (start with MG_HASH_SEED). */
#define MG_HASH_SEED 0xcbf29ce484222325ULL
#define MG_HASH_PRIME 0x100000001b3ULL	/* one step: h = (h ^ byte) * PRIME */
unsigned long long mg_hash(unsigned long long h, const void *p, size_t n);

#endif
