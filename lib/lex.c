/* lex.c - the Go tokenizer (see lex.h); one pass over the bytes */
#include "lex.h"
#include "util.h"

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

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       c >= 0x80;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Where each first byte's keywords start in keywords[] (sorted by first
 * byte) and how many there are: an identifier costs one or two compares. */
static const unsigned char kw_first[26][2] = {
	['b' - 'a'] = { 0, 1 }, ['c' - 'a'] = { 1, 4 }, ['d' - 'a'] = { 5, 2 },
	['e' - 'a'] = { 7, 1 }, ['f' - 'a'] = { 8, 3 }, ['g' - 'a'] = { 11, 2 },
	['i' - 'a'] = { 13, 3 }, ['m' - 'a'] = { 16, 1 }, ['p' - 'a'] = { 17, 1 },
	['r' - 'a'] = { 18, 2 }, ['s' - 'a'] = { 20, 3 }, ['t' - 'a'] = { 23, 1 },
	['v' - 'a'] = { 24, 1 },
};

static int keyword(const char *s, size_t n)
{
	size_t i, end;

	if (n < 2 || n > 11 || s[0] < 'b' || s[0] > 'v')
		return LEX_IDENT;
	i = kw_first[s[0] - 'a'][0];
	end = i + kw_first[s[0] - 'a'][1];
	for (; i < end; i++)
		if (keywords[i].len == n && !memcmp(keywords[i].s, s, n))
			return keywords[i].kind;
	return LEX_IDENT;
}

/* After which tokens does a newline become a semicolon? */
static int ends_stmt(const struct token *t, const char *src)
{
	switch (t->kind) {
	case LEX_IDENT: case LEX_INT: case LEX_FLOAT: case LEX_IMAG:
	case LEX_CHAR: case LEX_STRING: case LEX_BREAK: case LEX_CONTINUE:
	case LEX_FALLTHROUGH: case LEX_RETURN:
		return 1;
	case LEX_OP:
		if (t->len == 1)
			return t->op == ')' || t->op == ']' || t->op == '}';
		return tok_is(t, src, "++") || tok_is(t, src, "--");
	default:
		return 0;
	}
}

struct lexstate {
	struct lexed *out;
	const char *src;
	size_t len, i;
	uint32_t line;
	size_t line_start;
};

static struct token *push(struct lexstate *s, int kind, size_t start,
			  uint32_t line, size_t line_start)
{
	struct lexed *o = s->out;
	struct token *t;

	ARRAY_GROW(o->tok, o->ntok + 1, o->atok);
	t = &o->tok[o->ntok++];
	t->off = (uint32_t)start;
	t->len = (uint32_t)(s->i - start);
	t->line = line;
	t->col = (uint32_t)(start - line_start + 1);
	t->kind = (uint8_t)kind;
	t->op = kind == LEX_OP ? (uint8_t)s->src[start] : 0;
	return t;
}

static void semi_if_needed(struct lexstate *s)
{
	struct lexed *o = s->out;
	struct token *t;

	if (!o->ntok || !ends_stmt(&o->tok[o->ntok - 1], s->src))
		return;
	t = push(s, LEX_SEMI, s->i, s->line, s->line_start);
	t->len = 0;
}

static void newline(struct lexstate *s)
{
	s->line++;
	s->line_start = s->i + 1;
}

/* Skips a quoted literal ending in q; stops at a newline for '"' and '\''. */
static void skip_quoted(struct lexstate *s, char q)
{
	const char *p = s->src;

	s->i++;
	while (s->i < s->len) {
		char c = p[s->i];

		if (c == q) {
			s->i++;
			return;
		}
		if (c == '\n')
			return;	/* unterminated: stop at the line end */
		if (c == '\\' && s->i + 1 < s->len && p[s->i + 1] != '\n')
			s->i++;
		s->i++;
	}
}

static int lex_number(struct lexstate *s)
{
	const char *p = s->src;
	int kind = LEX_INT;

	if (p[s->i] == '0' && s->i + 1 < s->len &&
	    (p[s->i + 1] == 'x' || p[s->i + 1] == 'X' || p[s->i + 1] == 'b' ||
	     p[s->i + 1] == 'B' || p[s->i + 1] == 'o' || p[s->i + 1] == 'O'))
		s->i += 2;
	while (s->i < s->len) {
		unsigned char c = (unsigned char)p[s->i];

		if (c == '.' || ((c == 'e' || c == 'E' || c == 'p' || c == 'P') &&
				 kind != LEX_IMAG)) {
			/* hex digits 'e' are fine: only floats care */
			if (c == '.')
				kind = LEX_FLOAT;
			else if (!(p[s->i - 1] == 'x' || p[s->i - 1] == 'X')) {
				if (s->i + 1 < s->len &&
				    (p[s->i + 1] == '+' || p[s->i + 1] == '-'))
					s->i++;
			}
			s->i++;
		} else if (c == 'i') {
			s->i++;
			return LEX_IMAG;
		} else if (is_digit(c) || is_letter(c) || c == '_') {
			if (c >= 0x80)
				break;
			s->i++;
		} else {
			break;
		}
	}
	return kind;
}

void lex_file(struct lexed *out, const char *src, size_t len)
{
	struct lexstate s = { out, src, len, 0, 1, 0 };

	/* offsets are 32-bit: callers bound file sizes well below 4 GiB */
	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3))
		s.i = 3, s.line_start = 0;
	while (s.i < len) {
		unsigned char c = (unsigned char)src[s.i];
		size_t start = s.i;
		uint32_t line = s.line;
		size_t ls = s.line_start;

		if (c == '\n') {
			semi_if_needed(&s);
			newline(&s);
			s.i++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
			   c == '\v') {
			s.i++;
		} else if (c == '/' && s.i + 1 < len && src[s.i + 1] == '/') {
			const char *nl = memchr(src + s.i, '\n', len - s.i);

			s.i = nl ? (size_t)(nl - src) : len;
			ARRAY_GROW(out->com, out->ncom + 1, out->acom);
			out->com[out->ncom++] = (struct comment){
				(uint32_t)start, (uint32_t)(s.i - start), line,
				(uint32_t)(start - ls + 1), line };
		} else if (c == '/' && s.i + 1 < len && src[s.i + 1] == '*') {
			int had_nl = 0;

			s.i += 2;
			while (s.i < len && !(src[s.i] == '*' && s.i + 1 < len &&
					      src[s.i + 1] == '/')) {
				if (src[s.i] == '\n') {
					if (!had_nl)
						semi_if_needed(&s);
					had_nl = 1;
					newline(&s);
				}
				s.i++;
			}
			s.i = s.i < len ? s.i + 2 : len;
			ARRAY_GROW(out->com, out->ncom + 1, out->acom);
			out->com[out->ncom++] = (struct comment){
				(uint32_t)start, (uint32_t)(s.i - start), line,
				(uint32_t)(start - ls + 1), s.line };
		} else if (is_letter(c)) {
			while (s.i < len && (is_letter((unsigned char)src[s.i]) ||
					     is_digit((unsigned char)src[s.i])))
				s.i++;
			push(&s, keyword(src + start, s.i - start), start, line, ls);
		} else if (is_digit(c) ||
			   (c == '.' && s.i + 1 < len &&
			    is_digit((unsigned char)src[s.i + 1]))) {
			int k = lex_number(&s);

			push(&s, k, start, line, ls);
		} else if (c == '"' || c == '\'') {
			skip_quoted(&s, (char)c);
			push(&s, c == '"' ? LEX_STRING : LEX_CHAR, start, line, ls);
		} else if (c == '`') {
			s.i++;
			while (s.i < len && src[s.i] != '`') {
				if (src[s.i] == '\n')
					newline(&s);
				s.i++;
			}
			s.i = s.i < len ? s.i + 1 : len;
			push(&s, LEX_STRING, start, line, ls);
		} else if (c == ';') {
			s.i++;
			push(&s, LEX_SEMI, start, line, ls);
		} else if (c && strchr("+-*/%&|^<>=!:.,(){}[]~", c)) {
			s.i += op_len(src + s.i, len - s.i);
			push(&s, LEX_OP, start, line, ls);
		} else {
			/* NUL, control bytes, '#', '$', '?', '@', '\\' */
			s.i++;
			push(&s, LEX_ILLEGAL, start, line, ls);
		}
	}
	semi_if_needed(&s);
	ARRAY_GROW(out->tok, out->ntok + 1, out->atok);
	out->tok[out->ntok] = (struct token){ (uint32_t)len, 0, s.line,
		(uint32_t)(len - s.line_start + 1), LEX_EOF, 0 };
	out->ntok++;
	out->nlines = s.line;
}

void lex_release(struct lexed *lx)
{
	free(lx->tok);
	free(lx->com);
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
