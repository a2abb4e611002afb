/* suppress.c - //mg:ignore and //nolint directives (see suppress.h) */
#define _GNU_SOURCE	/* memmem */
#include "engine/suppress.h"
#include "engine/lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct directive {
	uint32_t line, col, len;	/* of the comment */
	int own_line;			/* nothing but blanks before it */
	unsigned rules;			/* bit r: waives MG00r */
	const char *reason;		/* into the source, or NULL */
	size_t reason_len;
};

int suppress_maybe(const char *src, size_t len)
{
	return memmem(src, len, "mg:ignore", 9) || memmem(src, len, "nolint", 6);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

static int is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static int has_prefix(const char *s, const char *e, const char *p)
{
	size_t n = strlen(p);

	return (size_t)(e - s) >= n && !memcmp(s, p, n);
}

static const char *skip_blanks(const char *s, const char *e)
{
	while (s < e && is_blank(*s))
		s++;
	return s;
}

/* The reason in s..e: trimmed, after one optional separator. */
static void take_reason(struct directive *d, const char *s, const char *e)
{
	s = skip_blanks(s, e);
	if (has_prefix(s, e, "//") || has_prefix(s, e, "--"))
		s += 2;
	else if (s < e && (*s == ':' || *s == '-'))
		s++;
	s = skip_blanks(s, e);
	while (e > s && is_blank(e[-1]))
		e--;
	d->reason = e > s ? s : NULL;
	d->reason_len = (size_t)(e - s);
}

/* A word that looks like a rule id: "MG" (any case) and digits, then the end
 * of the word.  Returns its length, or 0. */
static size_t rule_at(const char *s, const char *e)
{
	const char *p = s + 2;

	if (e - s < 3 || (s[0] != 'M' && s[0] != 'm') || (s[1] != 'G' && s[1] != 'g'))
		return 0;
	while (p < e && *p >= '0' && *p <= '9')
		p++;
	if (p == s + 2 || (p < e && is_word(*p)))
		return 0;
	return (size_t)(p - s);
}

/* mg:ignore [RULE{,RULE}] [reason], from s (just after "mg:ignore"). */
static int parse_mg(struct directive *d, const char *s, const char *e,
		    const char *path, struct buf *log)
{
	size_t n;

	if (s < e && !is_blank(*s) && *s != '/')
		return 0;	/* "mg:ignored", "mg:ignore-x": not ours */
	s = skip_blanks(s, e);
	d->rules = ~0u;
	if (rule_at(s, e)) {
		d->rules = 0;
		while ((n = rule_at(s, e))) {
			char id[16];
			int r = -1;

			if (n == 5) {
				snprintf(id, sizeof(id), "MG%.3s", s + 2);
				r = rules_index(id);
			}
			if (r > 0)
				d->rules |= 1u << r;
			else
				buf_addf(log, "%s:%u: mg:ignore: unknown rule '%.*s'\n",
					 path, d->line, (int)(n < 12 ? n : 12), s);
			s += n;
			if (s < e && *s == ',' && rule_at(skip_blanks(s + 1, e), e))
				s = skip_blanks(s + 1, e);
			else
				break;
		}
	}
	take_reason(d, s, e);
	return 1;
}

/* nolint[:a,b] [reason]: ours when bare or naming all or mapguard. */
static int parse_nolint(struct directive *d, const char *s, const char *e)
{
	int ours = 1;

	if (s < e && *s == ':') {
		ours = 0;
		s++;
		while (s < e && is_word(*s)) {
			const char *w = s;

			while (s < e && is_word(*s))
				s++;
			if ((s - w == 3 && !memcmp(w, "all", 3)) ||
			    (s - w == 8 && !memcmp(w, "mapguard", 8)))
				ours = 1;
			if (s < e && *s == ',')
				s++;
		}
	} else if (s < e && !is_blank(*s) && *s != '/') {
		return 0;	/* "nolintx" */
	}
	if (!ours)
		return 0;
	d->rules = ~0u;
	take_reason(d, s, e);
	return 1;
}

/* Reads comment c as a directive; 1 if it is one. */
static int parse(struct directive *d, const char *src, const struct comment *c,
		 const char *path, struct buf *log)
{
	const char *s = src + c->off, *e = s + c->len, *b;

	if (c->len < 2 || s[0] != '/' || s[1] != '/')
		return 0;
	memset(d, 0, sizeof(*d));
	d->line = c->line;
	d->col = c->col;
	d->len = c->len;
	for (b = s; b > src && b[-1] != '\n' && (b[-1] == ' ' || b[-1] == '\t');)
		b--;
	d->own_line = b == src || b[-1] == '\n' ||
		      (b - src == 3 && !memcmp(src, "\xef\xbb\xbf", 3));
	s = skip_blanks(s + 2, e);
	if (has_prefix(s, e, "mg:ignore"))
		return parse_mg(d, s + 9, e, path, log);
	if (has_prefix(s, e, "nolint"))
		return parse_nolint(d, s + 6, e);
	return 0;
}

/* The first directive on a line >= line (v sorted by line), or n. */
static size_t lower_bound(const struct directive *v, size_t n, long line)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((long)v[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The directive that waives rule r on line, or NULL. */
static const struct directive *find(const struct directive *v, size_t n,
				    long line, int r)
{
	size_t i = lower_bound(v, n, line - 1);

	for (; i < n && (long)v[i].line <= line; i++) {
		if (!(v[i].rules & (1u << r)))
			continue;
		if ((long)v[i].line == line || v[i].own_line)
			return &v[i];
	}
	return NULL;
}

/* Where the walk over lines for MG000 fingerprints is (directives come in
 * line order, so the file is walked once). */
struct cursor {
	const char *ls;		/* start of line `line` */
	uint32_t line;
};

static void no_reason(const struct scan_opts *o, const struct scan_file *f,
		      const struct directive *d, int r, struct finding_list *out,
		      struct cursor *cur)
{
	const struct rule_info *ri = rules_catalogue;
	struct finding *x = finding_list_add(out);
	const char *end = f->data + f->len, *le;

	x->rule = xstrdup(ri[r - 1].id);
	x->severity = o->severity[r] >= 0 ? o->severity[r] : ri[r - 1].severity;
	x->path = xstrdup(f->path);
	x->line = d->line;
	x->column = d->col;
	x->end_line = d->line;
	x->end_column = d->col + d->len;
	x->message = xstrdup("suppression without a reason: say why after the "
			     "directive (//mg:ignore MG001 // why)");
	x->source = xstrdup("static");
	/* the directive's line, for the fingerprint */
	while (cur->line < d->line &&
	       (le = memchr(cur->ls, '\n', (size_t)(end - cur->ls)))) {
		cur->ls = le + 1;
		cur->line++;
	}
	le = memchr(cur->ls, '\n', (size_t)(end - cur->ls));
	finding_fingerprint_base(x, cur->ls, le ? (size_t)(le - cur->ls)
					       : (size_t)(end - cur->ls));
}

void suppress_apply(const struct scan_opts *o, const struct scan_file *f,
		    struct finding_list *out, size_t lo, size_t hi,
		    struct buf *log)
{
	struct lexed lx = { 0 };
	struct directive *d = NULL;
	size_t nd = 0, ad = 0, i, first;
	struct cursor cur = { f->data, 1 };
	int r0 = rules_index("MG000");
	int want = o->require_reason && r0 > 0 && (o->rules & (1u << r0));

	if (lo == hi && !want)
		return;
	lex_file(&lx, f->data, f->len);
	for (i = 0; i < lx.ncom; i++) {
		ARRAY_GROW(d, nd + 1, ad);
		if (parse(&d[nd], f->data, &lx.com[i], f->path, log))
			nd++;
	}
	for (i = lo; i < hi && nd; i++) {
		struct finding *x = &out->v[i];
		const struct directive *m;
		int r = rules_index(x->rule);

		if (r < 0 || x->suppressed || !(m = find(d, nd, x->line, r)))
			continue;
		x->suppressed = 1;
		free(x->suppress_reason);
		x->suppress_reason = m->reason ? xstrndup(m->reason, m->reason_len)
					       : NULL;
	}
	first = out->n;
	for (i = 0; want && i < nd; i++)
		if (!d[i].reason)
			no_reason(o, f, &d[i], r0, out, &cur);
	if (out->n > first)
		finding_fingerprint_assign(out->v + first, out->n - first);
	free(d);
	lex_release(&lx);
}

size_t suppress_directives(const char *src, size_t len,
			   struct suppress_directive **out)
{
	struct lexed lx = { 0 };
	struct directive d;
	struct buf log = BUF_INIT;	/* unknown rule ids: mg-scan warns */
	struct suppress_directive *v = NULL;
	size_t n = 0, a = 0, i;

	*out = NULL;
	if (!suppress_maybe(src, len))
		return 0;
	lex_file(&lx, src, len);
	for (i = 0; i < lx.ncom; i++) {
		if (!parse(&d, src, &lx.com[i], "", &log))
			continue;
		ARRAY_GROW(v, n + 1, a);
		v[n].line = d.line;
		v[n].rules = d.rules;
		v[n].reason = d.reason ? xstrndup(d.reason, d.reason_len) : NULL;
		n++;
	}
	buf_release(&log);
	lex_release(&lx);
	*out = v;
	return n;
}

void suppress_directives_free(struct suppress_directive *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].reason);
	free(v);
}
