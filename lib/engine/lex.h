/* lex.h - the Go tokenizer
 *
 * Owns: turning the bytes of one Go file into tokens with exact line/column
 * (1-based, column in bytes, like go vet), inserting semicolons by Go's rule,
 * and keeping comments aside (for //mg: directives).  Never fails: junk becomes
 * LEX_ILLEGAL, an unterminated literal or comment ends at EOF.  Not: parsing.
 */
#ifndef MG_LEX_H
#define MG_LEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum lex_kind {
	LEX_EOF = 0,
	LEX_IDENT,
	LEX_INT, LEX_FLOAT, LEX_IMAG, LEX_CHAR, LEX_STRING,
	LEX_OP,		/* operator or punctuation; text says which */
	LEX_SEMI,	/* ';' written or inserted (len 0 when inserted) */
	LEX_ILLEGAL,
	/* keywords */
	LEX_BREAK, LEX_CASE, LEX_CHAN, LEX_CONST, LEX_CONTINUE, LEX_DEFAULT,
	LEX_DEFER, LEX_ELSE, LEX_FALLTHROUGH, LEX_FOR, LEX_FUNC, LEX_GO,
	LEX_GOTO, LEX_IF, LEX_IMPORT, LEX_INTERFACE, LEX_MAP, LEX_PACKAGE,
	LEX_RANGE, LEX_RETURN, LEX_SELECT, LEX_STRUCT, LEX_SWITCH, LEX_TYPE,
	LEX_VAR
};

/* 16 bytes: a package's tokens are most of mg-scan's memory.  The line and
 * column are not stored: lex_line() and lex_col() find them from the offset. */
struct token {
	uint32_t off, len;	/* bytes of the source */
	int32_t aux;		/* LEX_IDENT: lex_hash() of its text, until
				 * index.c replaces it with the interned name's
				 * id; a bracket: -1, or (index.c) the matching
				 * bracket's token index; else -1 */
	uint8_t kind;		/* enum lex_kind */
	uint8_t op;		/* LEX_OP: first byte; else 0 */
};

struct comment {
	uint32_t off, len;	/* including the // or slash-star */
	uint32_t line, col, end_line;
};

struct lexed {
	struct token *tok;	/* ends with one LEX_EOF token */
	size_t ntok, atok;
	struct comment *com;
	size_t ncom, acom;
	uint32_t nlines;
	uint8_t num_sign;	/* a number holds a sign (1e-9, 0x1p+3) */
	uint32_t *line_off;	/* [line - 1]: offset where that line starts */
	size_t nline_off;	/* allocated */
};

/* Tokenizes src[0..len) (a UTF-8 BOM at the start is skipped) into *out,
 * which must be zeroed or released before.  Token offsets point into src,
 * which the caller keeps alive while it uses the tokens. */
void lex_file(struct lexed *out, const char *src, size_t len);
/* The same, with flags: LEX_SKIP_BODIES leaves out the inside of every
 * top-level function's body (a '{' and its '}' stay; lines stay counted;
 * comments inside are dropped). */
enum { LEX_SKIP_BODIES = 1 };
void lex_file_ex(struct lexed *out, const char *src, size_t len, int flags);

/* Does src carry Go's generated-code marker, a line
 * "// Code generated ... DO NOT EDIT." before the package clause? */
int lex_is_generated(const char *src, size_t len);
void lex_release(struct lexed *lx);

/* The hash the lexer keeps in an identifier's aux: mg_hash() (64-bit
 * FNV-1a) cut to 31 bits. */
uint32_t lex_hash(const char *s, size_t n);

/* The 1-based line and byte column of offset off (binary search). */
uint32_t lex_line(const struct lexed *lx, uint32_t off);
uint32_t lex_col(const struct lexed *lx, uint32_t off);

/* Does token t (of source src) have exactly the text s? */
int tok_is(const struct token *t, const char *src, const char *s);
/* The same for a string literal s (anything else does not compile), without
 * strlen(). */
#define TOK_IS(t, src, s)                                                  \
	((t)->len == sizeof("" s) - 1 &&                                   \
	 !memcmp((src) + (t)->off, "" s, sizeof("" s) - 1))
/* Is t the one-byte operator c ('{', '(', '=', ...)? */
#define TOK_OP1(t, c) ((t)->kind == LEX_OP && (t)->len == 1 && (t)->op == (c))

const char *lex_kind_name(int kind);

#endif
