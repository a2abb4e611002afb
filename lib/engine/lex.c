/* lex.c - the Go tokenizer (see lex.h); one pass over the bytes */
#include "engine/lex.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *s;
	int kind;
	size_t len;
} keywords[] = {
	{ "break", LEX_BREAK, 5 }, { "case", LEX_CASE, 4 }, { "chan", LEX_CHAN, 4 },
	{ "const", LEX_CONST, 5 }, { "continue", LEX_CONTINUE, 8 },
	{ "default", LEX_DEFAULT, 7 }, { "defer", LEX_DEFER, 5 }, { "else", LEX_ELSE, 4 },
	{ "fallthrough", LEX_FALLTHROUGH, 11 }, { "for", LEX_FOR, 3 },
	{ "func", LEX_FUNC, 4 }, { "go", LEX_GO, 2 }, { "goto", LEX_GOTO, 4 },
	{ "if", LEX_IF, 2 }, { "import", LEX_IMPORT, 6 },
	{ "interface", LEX_INTERFACE, 9 }, { "map", LEX_MAP, 3 },
	{ "package", LEX_PACKAGE, 7 }, { "range", LEX_RANGE, 5 },
	{ "return", LEX_RETURN, 6 }, { "select", LEX_SELECT, 6 },
	{ "struct", LEX_STRUCT, 6 }, { "switch", LEX_SWITCH, 6 }, { "type", LEX_TYPE, 4 },
	{ "var", LEX_VAR, 3 },
};

/* The length of the operator at p (n >= 1 bytes left): longest match. */
static size_t op_len(const char *p, size_t n)
{
	char a = p[0], b = n > 1 ? p[1] : 0, c = n > 2 ? p[2] : 0;

	switch (a) {
	case '(': case ')': case '[': case ']': case '{': case '}': case ',':
	case ';': case '~':
		return 1;
	case '.':
		return b == '.' && c == '.' ? 3 : 1;
	case ':':
		return b == '=' ? 2 : 1;
	case '<':
		if (b == '<')
			return c == '=' ? 3 : 2;
		return b == '=' || b == '-' ? 2 : 1;
	case '>':
		if (b == '>')
			return c == '=' ? 3 : 2;
		return b == '=' ? 2 : 1;
	case '&':
		if (b == '^')
			return c == '=' ? 3 : 2;
		return b == '&' || b == '=' ? 2 : 1;
	case '|':
		return b == '|' || b == '=' ? 2 : 1;
	case '+':
		return b == '+' || b == '=' ? 2 : 1;
	case '-':
		return b == '-' || b == '=' ? 2 : 1;
	default:	/* * / % ^ = ! */
		return b == '=' ? 2 : 1;
	}
}

/* Byte classes: one table lookup per byte in the hot loops. */
enum { C_ILL = 0, C_WS, C_NL, C_ID, C_DIG, C_SLASH, C_DQ, C_SQ, C_BQ, C_SEMI,
       C_DOT, C_OP };
/* generated: cls[c] is c's class, idc[c] says whether c may continue an
 * identifier (letters, '_', digits, and every byte >= 0x80) */
static const unsigned char cls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 1, 1, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 11, 6, 0, 0, 11, 11, 7, 11, 11, 11, 11, 11, 11, 10, 5,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 11, 9, 11, 11, 11, 0,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 11, 0, 11, 11, 3,
	8, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 11, 11, 11, 11, 0,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};
static const unsigned char idc[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};


static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* keywords[i] + 1 at slot (h >> 18) & 127 of its mg_hash() h, the hash
 * the lexer takes of every identifier anyway: one table read rules out
 * most identifiers (the 25 keywords' slots are distinct; generated) */
static const unsigned char kw_slot[128] = {
	 0,  0,  0,  9,  0,  0,  0,  0,  6,  0,  0,  0,  0,  0,  0,  0,
	 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  2,  0,
	 0,  0,  0, 19,  0,  0, 22,  0,  0,  0,  0,  0, 23,  0,  0,  0,
	 7,  0,  0,  0, 25,  0, 10,  0,  0,  0, 13,  0,  0,  0,  0,  0,
	 0, 11,  0,  0,  0,  0,  5,  0,  0,  0,  0,  0,  8,  0,  0, 12,
	 0,  0, 15,  0,  0,  0,  3, 14,  0,  0, 16, 17,  0,  0,  0, 20,
	 0,  0,  0, 21,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
	 0,  1,  0, 18,  0,  0,  0,  0,  4,  0,  0,  0,  0,  0, 24,  0,
};

/* The kind of the identifier s[0..n) whose mg_hash() is h. */
static inline int keyword(const char *s, size_t n, unsigned long long h)
{
	int k = kw_slot[(h >> 18) & 127];

	if (k && keywords[k - 1].len == n && !memcmp(keywords[k - 1].s, s, n))
		return keywords[k - 1].kind;
	return LEX_IDENT;
}

/* Does a newline after an identifier or keyword of this kind end a
 * statement? */
static const unsigned char word_ends[LEX_VAR + 1] = {
	[LEX_IDENT] = 1, [LEX_BREAK] = 1, [LEX_CONTINUE] = 1,
	[LEX_FALLTHROUGH] = 1, [LEX_RETURN] = 1,
};

/* After which tokens does a newline become a semicolon? */
static inline int ends_stmt(int kind, const char *p, size_t n)
{
	switch (kind) {
	case LEX_IDENT: case LEX_INT: case LEX_FLOAT: case LEX_IMAG:
	case LEX_CHAR: case LEX_STRING: case LEX_BREAK: case LEX_CONTINUE:
	case LEX_FALLTHROUGH: case LEX_RETURN:
		return 1;
	case LEX_OP:
		if (n == 1)
			return p[0] == ')' || p[0] == ']' || p[0] == '}';
		return n == 2 && (p[0] == '+' || p[0] == '-') && p[1] == p[0];
	default:
		return 0;
	}
}

/* The lexer's state lives in locals of lex_file(); these helpers take what
 * they need and return the new position. */
struct lexstate {
	struct lexed *out;
	const char *src;
	size_t len;
	int ends;		/* the last token ends a statement */
	/* LEX_SKIP_BODIES: where the last token stands */
	int skip;
	long depth, pdepth;	/* open braces; open parens and brackets */
	int hdr;		/* in a top-level func's header */
	size_t seen;		/* tokens looked at so far */
};

/* Room for two more tokens (an inserted semicolon and one more): checked
 * once per loop turn, so push() itself never checks. */
static void grow(struct lexstate *s, size_t at)
{
	struct lexed *o = s->out;

	/* Go averages about 4.5 bytes a token: guess the rest of the file */
	o->atok = o->atok * 2 > o->ntok + (s->len - at) / 4 + 64 ?
		  o->atok * 2 : o->ntok + (s->len - at) / 4 + 64;
	o->tok = xrealloc(o->tok, o->atok * sizeof(*o->tok));
}

static inline void reserve(struct lexstate *s, size_t at)
{
	if (s->out->ntok + 2 > s->out->atok)
		grow(s, at);
}

static inline void push(struct lexstate *s, int kind, size_t start, size_t end)
{
	struct token *t = &s->out->tok[s->out->ntok++];

	t->off = (uint32_t)start;
	t->len = (uint32_t)(end - start);
	t->aux = -1;
	t->kind = (uint8_t)kind;
	t->op = kind == LEX_OP ? (uint8_t)s->src[start] : 0;
	s->ends = ends_stmt(kind, s->src + start, end - start);
}

/* A newline at offset at: a semicolon if the last token ends a statement. */
static void semi_if_needed(struct lexstate *s, size_t at)
{
	if (!s->ends)
		return;
	push(s, LEX_SEMI, at, at);
	s->ends = 0;
}

static void grow_lines(struct lexed *o, uint32_t line)
{
	ARRAY_GROW(o->line_off, (size_t)line + 1, o->nline_off);
}

/* A line starts at offset next: the growth out of line, the common case
 * inline (once a line of every file). */
static inline void newline(struct lexstate *s, uint32_t *line, size_t next)
{
	struct lexed *o = s->out;

	if ((size_t)*line + 1 > o->nline_off)
		grow_lines(o, *line);
	o->line_off[*line] = (uint32_t)next;
	(*line)++;
}

/* Skips a quoted literal at i ending in q; stops at a newline. */
static size_t skip_quoted(const char *p, size_t len, size_t i, char q)
{
	i++;
	while (i < len) {
		char c = p[i];

		if (c == q)
			return i + 1;
		if (c == '\n')
			return i;	/* unterminated: stop at the line end */
		if (c == '\\' && i + 1 < len && p[i + 1] != '\n')
			i++;
		i++;
	}
	return i;
}

/* *sign is set when the number takes an exponent's sign into it */
static size_t lex_number(const char *p, size_t len, size_t i, int *kind,
			 uint8_t *sign)
{
	size_t j = i;

	*kind = LEX_INT;
	/* most numbers are decimal digits and end there: what the loop
	 * below would make of them, sooner */
	while (j < len && is_digit((unsigned char)p[j]))
		j++;
	if (j > i && (j == len || (p[j] != '.' && !((unsigned char)p[j] < 0x80 &&
						   idc[(unsigned char)p[j]]))))
		return j;
	if (p[i] == '0' && i + 1 < len &&
	    (p[i + 1] == 'x' || p[i + 1] == 'X' || p[i + 1] == 'b' ||
	     p[i + 1] == 'B' || p[i + 1] == 'o' || p[i + 1] == 'O'))
		i += 2;
	while (i < len) {
		unsigned char c = (unsigned char)p[i];

		if (c == '.' || ((c == 'e' || c == 'E' || c == 'p' || c == 'P') &&
				 *kind != LEX_IMAG)) {
			/* hex digits 'e' are fine: only floats care */
			if (c == '.')
				*kind = LEX_FLOAT;
			else if (!(p[i - 1] == 'x' || p[i - 1] == 'X')) {
				if (i + 1 < len && (p[i + 1] == '+' || p[i + 1] == '-')) {
					i++;
					*sign = 1;
				}
			}
			i++;
		} else if (c == 'i') {
			*kind = LEX_IMAG;
			return i + 1;
		} else if (c < 0x80 && idc[c]) {
			i++;
		} else {
			break;
		}
	}
	return i;
}

static void add_comment(struct lexed *out, size_t start, size_t end,
			uint32_t line, size_t line_start, uint32_t end_line)
{
	ARRAY_GROW(out->com, out->ncom + 1, out->acom);
	out->com[out->ncom++] = (struct comment){ (uint32_t)start,
		(uint32_t)(end - start), line, (uint32_t)(start - line_start + 1),
		end_line };
}

/* The bytes skip_body() must look at. */
static const unsigned char body_stop[256] = {
	['{'] = 1, ['}'] = 1, ['\n'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1,
	['/'] = 1,
};

/* Skips the body whose '{' ends at i, to its matching '}' (or EOF), by the
 * tokenizer's own rules for strings, runes, raw strings and comments; keeps
 * counting lines.  Returns the offset of the '}' (len if none). */
static size_t skip_body(struct lexstate *s, size_t i, uint32_t *line,
			size_t *ls)
{
	const char *src = s->src;
	size_t len = s->len;
	long depth = 1;

	while (i < len) {
		/* most bytes matter not: run over them */
		while (i < len && !body_stop[(unsigned char)src[i]])
			i++;
		if (i == len)
			break;
		switch (src[i]) {
		case '{':
			depth++;
			i++;
			break;
		case '}':
			if (!--depth)
				return i;
			i++;
			break;
		case '\n':
			i++;
			newline(s, line, i);
			*ls = i;
			break;
		case '"': case '\'':
			i = skip_quoted(src, len, i, src[i]);
			break;
		case '`':
			for (i++; i < len && src[i] != '`'; i++)
				if (src[i] == '\n') {
					newline(s, line, i + 1);
					*ls = i + 1;
				}
			i = i < len ? i + 1 : len;
			break;
		case '/':
			if (i + 1 < len && src[i + 1] == '/') {
				const char *nl = memchr(src + i, '\n', len - i);

				i = nl ? (size_t)(nl - src) : len;
			} else if (i + 1 < len && src[i + 1] == '*') {
				for (i += 2; i < len && !(src[i] == '*' && i + 1 < len &&
							 src[i + 1] == '/'); i++)
					if (src[i] == '\n') {
						newline(s, line, i + 1);
						*ls = i + 1;
					}
				i = i < len ? i + 2 : len;
			} else {
				i++;
			}
			break;
		default:
			i++;
			break;
		}
	}
	return len;
}

/* LEX_SKIP_BODIES: follows the tokens pushed since the last call; when the
 * last one opens a top-level function's body, skips to its end and pushes
 * the closing brace.  Returns the new position. */
static size_t track(struct lexstate *s, size_t i, uint32_t *line, size_t *ls)
{
	struct lexed *o = s->out;

	for (; s->seen < o->ntok; s->seen++) {
		const struct token *t = &o->tok[s->seen];

		if (t->kind == LEX_FUNC && !s->depth && !s->pdepth) {
			s->hdr = 1;
		} else if (t->kind == LEX_SEMI && !s->depth && !s->pdepth) {
			s->hdr = 0;
		} else if (t->kind == LEX_OP && t->len == 1) {
			switch (t->op) {
			case '(': case '[':
				s->pdepth++;
				break;
			case ')': case ']':
				s->pdepth -= s->pdepth > 0;
				break;
			case '}':
				s->depth -= s->depth > 0;
				break;
			case '{':
				if (s->hdr && !s->depth && !s->pdepth &&
				    s->seen == o->ntok - 1 && s->seen > 0 &&
				    t[-1].kind != LEX_STRUCT &&
				    t[-1].kind != LEX_INTERFACE) {
					size_t e = skip_body(s, i, line, ls);

					s->hdr = 0;
					s->seen = o->ntok;
					if (e < s->len) {
						reserve(s, e);
						push(s, LEX_OP, e, e + 1);
						s->seen = o->ntok;
						return e + 1;
					}
					return e;
				}
				s->depth++;
				break;
			}
		}
	}
	return i;
}

void lex_file(struct lexed *out, const char *src, size_t len)
{
	lex_file_ex(out, src, len, 0);
}

/* A token at t (the main loop's own copy of the array, out of reach of
 * the byte stores that would make the compiler reload it). */
static inline void put(struct token *t, int kind, size_t start, size_t end,
		       int32_t aux, unsigned char op)
{
	t->off = (uint32_t)start;
	t->len = (uint32_t)(end - start);
	t->aux = aux;
	t->kind = (uint8_t)kind;
	t->op = op;
}

/* Does the operator p[0..n) end a statement (')', ']', '}', "++", "--")? */
static inline int op_ends(const char *p, size_t n)
{
	if (n == 1)
		return p[0] == ')' || p[0] == ']' || p[0] == '}';
	return n == 2 && (p[0] == '+' || p[0] == '-') && p[1] == p[0];
}

void lex_file_ex(struct lexed *out, const char *src, size_t len, int flags)
{
	struct lexstate s = { out, src, len, 0, 0, 0, 0, 0, 0 };
	size_t i = 0, ls = 0;
	uint32_t line = 1;
	/* the token array and the last token's "ends a statement" live in
	 * locals in the loop; out and s see them around the calls that use
	 * them (the out-of-line growth, the LEX_SKIP_BODIES tracking) */
	struct token *tok = out->tok;
	size_t ntok = out->ntok, atok = out->atok;
	int ends = 0;
	const int skip = (flags & LEX_SKIP_BODIES) != 0;

	s.skip = skip;
	/* offsets are 32-bit: callers bound file sizes well below 4 GiB;
	 * Go averages about 30 bytes a line: room for most files at once */
	ARRAY_GROW(out->line_off, len / 32 + 8, out->nline_off);
	out->line_off[0] = 0;
	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len) {
		unsigned char c = (unsigned char)src[i];
		size_t start = i;

		if (ntok + 2 > atok) {	/* room for two: a ';' and one */
			out->ntok = ntok;
			grow(&s, i);
			tok = out->tok;
			atok = out->atok;
		}
		switch (cls[c]) {
		case C_WS:
			i++;
			while (i < len && cls[(unsigned char)src[i]] == C_WS)
				i++;
			break;
		case C_NL:
			if (ends) {
				put(&tok[ntok++], LEX_SEMI, i, i, -1, 0);
				ends = 0;
			}
			i++;
			newline(&s, &line, i);
			ls = i;
			/* and the next line's indentation */
			while (i < len && cls[(unsigned char)src[i]] == C_WS)
				i++;
			break;
		case C_ID: {
			/* hashed here, while the bytes are at hand: index.c
			 * interns the name from it (lex_hash()) */
			unsigned long long h = (MG_HASH_SEED ^ c) * MG_HASH_PRIME;
			int k;

			i++;
			while (i < len && idc[(unsigned char)src[i]])
				h = (h ^ (unsigned char)src[i++]) * MG_HASH_PRIME;
			k = i - start < 2 || i - start > 11 ? LEX_IDENT :
			    keyword(src + start, i - start, h);
			/* an identifier's aux as lex_hash() */
			put(&tok[ntok++], k, start, i, k == LEX_IDENT ?
			    (int32_t)(h & 0x7fffffff) : -1, 0);
			ends = word_ends[k];
			/* and the blank after most words, without a turn of
			 * the loop */
			if (i < len && src[i] == ' ')
				i++;
			break;
		}
		case C_DIG: {
			int k;

			i = lex_number(src, len, i, &k, &out->num_sign);
			put(&tok[ntok++], k, start, i, -1, 0);
			ends = 1;
			break;
		}
		case C_DQ: case C_SQ:
			i = skip_quoted(src, len, i, (char)c);
			put(&tok[ntok++], c == '"' ? LEX_STRING : LEX_CHAR,
			    start, i, -1, 0);
			ends = 1;
			break;
		case C_BQ: {
			i++;
			while (i < len && src[i] != '`') {
				if (src[i] == '\n') {
					newline(&s, &line, i + 1);
					ls = i + 1;
				}
				i++;
			}
			i = i < len ? i + 1 : len;
			put(&tok[ntok++], LEX_STRING, start, i, -1, 0);
			ends = 1;
			break;
		}
		case C_SEMI:
			i++;
			put(&tok[ntok++], LEX_SEMI, start, i, -1, 0);
			ends = 0;
			break;
		case C_SLASH:
			if (i + 1 < len && src[i + 1] == '/') {
				const char *nl = memchr(src + i, '\n', len - i);

				i = nl ? (size_t)(nl - src) : len;
				add_comment(out, start, i, line, ls, line);
				break;
			}
			if (i + 1 < len && src[i + 1] == '*') {
				uint32_t l0 = line;
				size_t ls0 = ls;
				int had_nl = 0;

				i += 2;
				while (i < len && !(src[i] == '*' && i + 1 < len &&
						    src[i + 1] == '/')) {
					if (src[i] == '\n') {
						if (!had_nl && ends) {
							put(&tok[ntok++], LEX_SEMI,
							    i, i, -1, 0);
							ends = 0;
						}
						had_nl = 1;
						newline(&s, &line, i + 1);
						ls = i + 1;
					}
					i++;
				}
				i = i < len ? i + 2 : len;
				add_comment(out, start, i, l0, ls0, line);
				break;
			}
			/* fall through: the division operator */
			/* FALLTHROUGH */
		case C_OP:	/* brackets and ',' stand alone: no call */
			if (c == '(' || c == '{' || c == '[' || c == ',') {
				i++;
				ends = 0;
			} else if (c == ')' || c == '}' || c == ']') {
				i++;
				ends = 1;
			} else {
				i += op_len(src + i, len - i);
				ends = op_ends(src + start, i - start);
			}
			put(&tok[ntok++], LEX_OP, start, i, -1, c);
			if (c != '{' && i < len && src[i] == ' ')
				i++;	/* as after a word */
			break;
		case C_DOT:
			if (i + 1 < len && is_digit((unsigned char)src[i + 1])) {
				int k;

				i = lex_number(src, len, i, &k, &out->num_sign);
				put(&tok[ntok++], k, start, i, -1, 0);
				ends = 1;
			} else {
				i += op_len(src + i, len - i);
				put(&tok[ntok++], LEX_OP, start, i, -1, c);
				ends = 0;
			}
			break;
		default:
			/* NUL, control bytes, '#', '$', '?', '@', '\\' */
			i++;
			put(&tok[ntok++], LEX_ILLEGAL, start, i, -1, 0);
			ends = 0;
			break;
		}
		if (skip) {
			out->ntok = ntok;
			s.ends = ends;
			i = track(&s, i, &line, &ls);
			tok = out->tok;
			ntok = out->ntok;
			atok = out->atok;
			ends = s.ends;
		}
	}
	out->ntok = ntok;
	s.ends = ends;
	reserve(&s, len);
	semi_if_needed(&s, len);
	push(&s, LEX_EOF, len, len);
	out->nlines = line;
}

int lex_is_generated(const char *src, size_t len)
{
	static const char pre[] = "// Code generated ", post[] = " DO NOT EDIT.";
	const size_t npre = sizeof(pre) - 1, npost = sizeof(post) - 1;
	size_t i = len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3) ? 3 : 0;

	/* the comments before the package clause (go/ast.IsGenerated) */
	while (i < len) {
		const char *e;
		size_t n;

		if (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' ||
		    src[i] == '\n') {
			i++;
		} else if (i + 1 < len && src[i] == '/' && src[i + 1] == '/') {
			e = memchr(src + i, '\n', len - i);
			n = (e ? (size_t)(e - src) : len) - i;
			if (n && src[i + n - 1] == '\r')
				n--;
			if (n >= npre + npost && !memcmp(src + i, pre, npre) &&
			    !memcmp(src + i + n - npost, post, npost))
				return 1;
			i += n;
		} else if (i + 1 < len && src[i] == '/' && src[i + 1] == '*') {
			for (i += 2; i + 1 < len && !(src[i] == '*' && src[i + 1] == '/');)
				i++;
			i += 2;
		} else {
			return 0;	/* the package clause, or anything else */
		}
	}
	return 0;
}

uint32_t lex_hash(const char *s, size_t n)
{
	return (uint32_t)(mg_hash(MG_HASH_SEED, s, n) & 0x7fffffff);
}

uint32_t lex_line(const struct lexed *lx, uint32_t off)
{
	size_t lo = 0, hi = lx->nlines;

	if (!lx->line_off || !hi)
		return 1;
	/* the last line starting at or before off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (lx->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo + 1;
}

uint32_t lex_col(const struct lexed *lx, uint32_t off)
{
	if (!lx->line_off)
		return 1;
	return off - lx->line_off[lex_line(lx, off) - 1] + 1;
}

void lex_release(struct lexed *lx)
{
	free(lx->tok);
	free(lx->com);
	free(lx->line_off);
	memset(lx, 0, sizeof(*lx));
}

int tok_is(const struct token *t, const char *src, const char *s)
{
	size_t n = strlen(s);

	return t->len == n && !memcmp(src + t->off, s, n);
}

const char *lex_kind_name(int kind)
{
	static const char *const names[] = { "EOF", "IDENT", "INT", "FLOAT",
		"IMAG", "CHAR", "STRING", "OP", "SEMI", "ILLEGAL" };
	size_t i;

	if (kind >= 0 && kind < (int)(sizeof(names) / sizeof(names[0])))
		return names[kind];
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (keywords[i].kind == kind)
			return keywords[i].s;
	return "?";
}
