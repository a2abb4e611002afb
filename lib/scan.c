/* scan.c - the MGnnn rules over one package held in memory (see scan.h)
 *
 * Walking skeleton: MG001 for a map declared in an enclosing function and
 * written inside a `go func(){...}()` literal with no lock held.
 */
#include "scan.h"
#include "lex.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct rule_info rules[] = {
	{ "MG001", SEV_ERROR, "unlocked-goroutine-write",
	  "shared map written in a goroutine with no lock held" },
	{ "MG002", SEV_ERROR, "write-under-rlock",
	  "map written while only a read lock (RLock) is held" },
	{ "MG003", SEV_WARNING, "goroutine-read-concurrent-write",
	  "map read in a goroutine while it is written elsewhere without a common lock" },
	{ "MG004", SEV_WARNING, "concurrent-callback-write",
	  "map written in a callback that runs concurrently (HTTP handler, errgroup, AfterFunc, parallel subtest)" },
	{ "MG005", SEV_WARNING, "inconsistent-guard",
	  "map guarded by a mutex elsewhere but written without it here" },
	{ "MG006", SEV_NOTE, "mutate-while-ranging",
	  "map mutated while ranging over it" },
	{ "MG100", SEV_ERROR, "race-report",
	  "race detector or runtime crash report" },
	/* emitted by lib/suppress.c (mg-scan --require-reason), not the engine */
	{ "MG000", SEV_WARNING, "suppression-without-reason",
	  "//mg:ignore or //nolint without a reason" },
};

const struct rule_info *scan_rules(size_t *n)
{
	*n = sizeof(rules) / sizeof(rules[0]);
	return rules;
}

int scan_rule_index(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (!strcmp(rules[i].id, id))
			return (int)i + 1;
	return -1;
}

void scan_opts_init(struct scan_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->rules = ~0u;
	for (i = 0; i < SCAN_MAX_RULES; i++)
		o->severity[i] = -1;
}

/* One file being judged. */
struct fctx {
	const struct scan_opts *o;
	const struct scan_file *file;
	const char *src;
	struct lexed lx;
	long *match;		/* index of the matching bracket, or -1 */
	struct finding_list *out;
};

/* Matches (), [] and {} with an explicit stack: deep nesting cannot overflow
 * ours.  Unbalanced brackets get -1. */
static void match_brackets(struct fctx *c)
{
	size_t i, sp = 0, cap = 0;
	long *stack = NULL;

	c->match = xmalloc(c->lx.ntok * sizeof(long));
	for (i = 0; i < c->lx.ntok; i++) {
		const struct token *t = &c->lx.tok[i];

		c->match[i] = -1;
		if (t->kind != LEX_OP || t->len != 1)
			continue;
		if (t->op == '(' || t->op == '[' || t->op == '{') {
			ARRAY_GROW(stack, sp + 1, cap);
			stack[sp++] = (long)i;
		} else if (t->op == ')' || t->op == ']' || t->op == '}') {
			char want = t->op == ')' ? '(' : t->op == ']' ? '[' : '{';

			/* drop unmatched openers of another kind */
			while (sp && c->lx.tok[stack[sp - 1]].op != want)
				sp--;
			if (sp) {
				c->match[i] = stack[--sp];
				c->match[stack[sp]] = (long)i;
			}
		}
	}
	free(stack);
}

static const struct token *T(const struct fctx *c, size_t i)
{
	return &c->lx.tok[i < c->lx.ntok ? i : c->lx.ntok - 1];
}

static int same_ident(const struct fctx *c, size_t a, size_t b)
{
	const struct token *x = T(c, a), *y = T(c, b);

	return x->kind == LEX_IDENT && y->kind == LEX_IDENT && x->len == y->len &&
	       !memcmp(c->src + x->off, c->src + y->off, x->len);
}

/* Does a map value start at token i: `make(map[`, `map[...]{...}`? */
static int map_value_at(const struct fctx *c, size_t i)
{
	if (T(c, i)->kind == LEX_MAP)
		return 1;
	return tok_is(T(c, i), c->src, "make") && TOK_OP1(T(c, i + 1), '(') &&
	       T(c, i + 2)->kind == LEX_MAP;
}

/* Is token i (an identifier) declared as a map here?  Returns 1 for
 * `i := make(map...`, `i := map[...]{`, `var i map[`, `var i = make(map`. */
static int map_decl_at(const struct fctx *c, size_t i)
{
	const struct token *prev = i ? T(c, i - 1) : NULL;

	if (T(c, i)->kind != LEX_IDENT)
		return 0;
	if (tok_is(T(c, i + 1), c->src, ":="))
		return map_value_at(c, i + 2);
	if (prev && prev->kind == LEX_VAR) {
		if (T(c, i + 1)->kind == LEX_MAP)
			return 1;
		return TOK_OP1(T(c, i + 1), '=') && map_value_at(c, i + 2);
	}
	return 0;
}

/* Is the identifier at i (a map name) written here?  Returns the token index
 * of the write's operator, or 0. */
static size_t write_at(const struct fctx *c, size_t i)
{
	size_t j;
	const struct token *t;

	if (!TOK_OP1(T(c, i + 1), '[') || c->match[i + 1] < 0)
		return 0;
	if (i && TOK_OP1(T(c, i - 1), '.'))
		return 0;	/* x.m[k]: a field, not this local */
	j = (size_t)c->match[i + 1] + 1;
	t = T(c, j);
	if (t->kind != LEX_OP)
		return 0;
	if (TOK_OP1(t, '=') || tok_is(t, c->src, "++") || tok_is(t, c->src, "--"))
		return j;
	if (t->len >= 2 && c->src[t->off + t->len - 1] == '=' &&
	    !tok_is(t, c->src, "==") && !tok_is(t, c->src, "!=") &&
	    !tok_is(t, c->src, "<=") && !tok_is(t, c->src, ">=") &&
	    !tok_is(t, c->src, ":="))
		return j;
	if (TOK_OP1(t, ',')) {
		/* m[a], x = ...: a tuple assignment if an '=' ends the list */
		for (; j < c->lx.ntok && T(c, j)->kind != LEX_SEMI; j++) {
			if (TOK_OP1(T(c, j), '=') || tok_is(T(c, j), c->src, ":="))
				return TOK_OP1(T(c, j), '=') ? j : 0;
			if (T(c, j)->kind == LEX_OP && c->match[j] > (long)j)
				j = (size_t)c->match[j];
		}
	}
	return 0;
}

static void emit(struct fctx *c, int rule, int sev, size_t at, const char *name,
		 size_t decl, size_t go, int in_loop)
{
	struct finding *f;
	const struct token *t = T(c, at);
	const char *ls, *le, *end = c->src + c->file->len;
	char *msg;

	if (!(c->o->rules & (1u << rule)))
		return;
	if (c->o->severity[rule] >= 0)
		sev = c->o->severity[rule];
	f = finding_list_add(c->out);
	f->rule = xstrdup(rules[rule - 1].id);
	f->severity = sev;
	f->path = xstrdup(c->file->path);
	f->line = t->line;
	f->column = t->col;
	f->end_line = t->line;
	f->end_column = t->col + t->len;
	msg = xasprintf("map %s is written in a goroutine without a lock%s", name,
			in_loop ? "; the goroutine is started in a loop, so "
				  "several instances write it at once" : "");
	f->message = msg;
	f->symbol = xstrdup(name);
	f->source = xstrdup("static");
	finding_add_evidence(f, c->file->path, T(c, decl)->line, T(c, decl)->col,
			     "map declared here");
	finding_add_evidence(f, c->file->path, T(c, go)->line, T(c, go)->col,
			     in_loop ? "goroutine started here, in a loop"
				     : "goroutine started here");
	ls = c->src + t->off;
	while (ls > c->src && ls[-1] != '\n')
		ls--;
	le = memchr(ls, '\n', (size_t)(end - ls));
	finding_fingerprint_base(f, ls, le ? (size_t)(le - ls) : (size_t)(end - ls));
}

/* Is token i inside the body of a `for` loop within [lo, i)?  Walks back,
 * skipping closed blocks, and looks at the statement opening each block that
 * encloses i. */
static int in_loop(const struct fctx *c, size_t lo, size_t i)
{
	size_t j, k;

	for (j = i; j-- > lo;) {
		if (TOK_OP1(T(c, j), '}') && c->match[j] >= 0) {
			j = (size_t)c->match[j];
			continue;
		}
		if (!TOK_OP1(T(c, j), '{'))
			continue;
		/* the statement opening this block: back to the previous block
		 * boundary (a for header has semicolons of its own) */
		for (k = j; k > lo; k--) {
			const struct token *p = T(c, k - 1);

			if ((TOK_OP1(p, ')') || TOK_OP1(p, ']')) && c->match[k - 1] >= 0) {
				k = (size_t)c->match[k - 1] + 1;
				continue;
			}
			if (TOK_OP1(p, '{') || TOK_OP1(p, '}'))
				break;
			if (p->kind == LEX_FOR)
				return 1;
		}
	}
	return 0;
}

/* Judges one `go func(...) {...}(...)` at token g: writes to maps declared in
 * the enclosing function [fn_lo, g) inside the literal's body. */
static void judge_go_literal(struct fctx *c, size_t fn_lo, size_t g)
{
	size_t lp = g + 2, body, end, i;
	int loop;

	if (c->match[lp] < 0)
		return;
	body = (size_t)c->match[lp] + 1;
	while (body < c->lx.ntok && !TOK_OP1(T(c, body), '{') &&
	       T(c, body)->kind != LEX_SEMI)
		body = T(c, body)->kind == LEX_OP && c->match[body] > (long)body
			       ? (size_t)c->match[body] + 1 : body + 1;
	if (!TOK_OP1(T(c, body), '{') || c->match[body] < 0)
		return;
	end = (size_t)c->match[body];
	loop = in_loop(c, fn_lo, g);
	for (i = body + 1; i < end; i++) {
		size_t d, k, w = 0;
		int locked = 0, shadowed = 0, is_delete = 0;
		char *name;

		if (tok_is(T(c, i), c->src, "delete") && TOK_OP1(T(c, i + 1), '(') &&
		    T(c, i + 2)->kind == LEX_IDENT && TOK_OP1(T(c, i + 3), ',')) {
			is_delete = 1;
			w = i + 2;
		} else if (T(c, i)->kind == LEX_IDENT && write_at(c, i)) {
			w = i;
		}
		if (!w)
			continue;
		/* declared in the enclosing function before the go statement? */
		for (d = fn_lo; d < g; d++)
			if (same_ident(c, d, w) && map_decl_at(c, d))
				break;
		if (d == g)
			continue;
		/* redeclared inside the literal (parameter or local)? */
		for (k = lp; k < w; k++)
			if (same_ident(c, k, w) &&
			    (k < body || tok_is(T(c, k + 1), c->src, ":=") ||
			     (k && T(c, k - 1)->kind == LEX_VAR)))
				shadowed = 1;
		if (shadowed)
			continue;
		/* a lock taken before the write in the literal and not released */
		for (k = body + 1; k < w; k++) {
			const struct token *t = T(c, k);

			if (!TOK_OP1(t, '.') || T(c, k + 1)->kind != LEX_IDENT ||
			    !TOK_OP1(T(c, k + 2), '('))
				continue;
			if (tok_is(T(c, k + 1), c->src, "Lock"))
				locked = 1;
			else if (tok_is(T(c, k + 1), c->src, "Unlock") &&
				 !(k >= 2 && T(c, k - 2)->kind == LEX_DEFER))
				locked = 0;
		}
		if (locked)
			continue;
		name = xstrndup(c->src + T(c, w)->off, T(c, w)->len);
		emit(c, 1, loop ? SEV_ERROR : SEV_WARNING, is_delete ? i : w, name,
		     d, g, loop);
		free(name);
	}
}

static void scan_file(const struct scan_opts *o, const struct scan_file *file,
		      struct finding_list *out)
{
	struct fctx c = { 0 };
	size_t i, fn_lo = 0;

	c.o = o;
	c.file = file;
	c.src = file->data;
	c.out = out;
	lex_file(&c.lx, file->data, file->len);
	match_brackets(&c);
	for (i = 0; i < c.lx.ntok; i++) {
		const struct token *t = T(&c, i);

		/* a top-level func declaration starts a new enclosing function */
		if (t->kind == LEX_FUNC && (i == 0 || T(&c, i - 1)->kind == LEX_SEMI))
			fn_lo = i;
		if (t->kind == LEX_GO && T(&c, i + 1)->kind == LEX_FUNC &&
		    TOK_OP1(T(&c, i + 2), '('))
			judge_go_literal(&c, fn_lo, i);
	}
	free(c.match);
	lex_release(&c.lx);
}

void scan_package(const struct scan_opts *o, const struct scan_file *files,
		  size_t n, struct finding_list *out)
{
	size_t i, first = out->n;

	for (i = 0; i < n; i++)
		scan_file(o, &files[i], out);
	if (out->n == first)
		return;	/* out->v may still be NULL: no pointer arithmetic on it */
	finding_fingerprint_assign(out->v + first, out->n - first);
	finding_sort(out->v + first, out->n - first);
}
