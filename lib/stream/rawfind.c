/* rawfind.c - fast validating reader of finding streams (see rawfind.h) */
#include "stream/rawfind.h"
#include "stream/finding.h"
#include "util/utf8.h"
#include "util/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

struct cur {
	const char *p, *end;
	const char *err;	/* why it failed */
};

static void ws(struct cur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' ||
				 *c->p == '\n'))
		c->p++;
}

static int fail(struct cur *c, const char *why)
{
	if (!c->err)
		c->err = why;
	return -1;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static int hex4(const char *p, const char *end, unsigned *v)
{
	int i, h;

	if (end - p < 4)
		return -1;
	for (*v = 0, i = 0; i < 4; i++) {
		if ((h = hexval(p[i])) < 0)
			return -1;
		*v = *v << 4 | (unsigned)h;
	}
	return 0;
}

/* plain[ch]: ASCII that stands for itself inside a string */
/* (0x20..0x7f except '"' and '\\'; 16 per row) */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* A string at c->p ('"'); with out, its unescaped value. */
static int string(struct cur *c, struct buf *out)
{
	const char *p = c->p + 1, *run;

	for (;;) {
		run = p;
		while (p < c->end && plain[(unsigned char)*p])
			p++;
		if (out && p > run)
			buf_add(out, run, (size_t)(p - run));
		if (p >= c->end)
			return fail(c, "unterminated string");
		if (*p == '"')
			break;
		if ((unsigned char)*p < 0x20)
			return fail(c, "control character in string");
		if (*p == '\\') {
			unsigned u, lo;

			if (p + 1 >= c->end)
				return fail(c, "unterminated string");
			switch (p[1]) {
			case '"': case '\\': case '/':
				if (out)
					buf_addc(out, p[1]);
				p += 2;
				continue;
			case 'b': if (out) buf_addc(out, '\b'); p += 2; continue;
			case 'f': if (out) buf_addc(out, '\f'); p += 2; continue;
			case 'n': if (out) buf_addc(out, '\n'); p += 2; continue;
			case 'r': if (out) buf_addc(out, '\r'); p += 2; continue;
			case 't': if (out) buf_addc(out, '\t'); p += 2; continue;
			case 'u':
				if (hex4(p + 2, c->end, &u) < 0)
					return fail(c, "invalid \\u escape");
				p += 6;
				if (u >= 0xd800 && u <= 0xdbff) {
					if (c->end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
					    hex4(p + 2, c->end, &lo) < 0 ||
					    lo < 0xdc00 || lo > 0xdfff)
						return fail(c, "invalid surrogate pair");
					u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
					p += 6;
				} else if (u >= 0xdc00 && u <= 0xdfff) {
					return fail(c, "invalid surrogate pair");
				}
				if (!u)
					return fail(c, "\\u0000 in string");
				if (out)
					utf8_put(out, u);
				continue;
			default:
				return fail(c, "invalid escape");
			}
		}
		/* a multi-byte character */
		{
			size_t n = utf8_len((const unsigned char *)p,
					    (size_t)(c->end - p));

			if (!n)
				return fail(c, "invalid UTF-8 in string");
			if (out)
				buf_add(out, p, n);
			p += n;
		}
	}
	c->p = p + 1;
	return 0;
}

/* A number; *is_int and *iv when it is an integer that fits. */
static int number(struct cur *c, int *is_int, long long *iv)
{
	const char *p = c->p, *digits;
	int neg = 0, frac = 0, over = 0;
	long long v = 0;

	if (*p == '-')
		neg = 1, p++;
	digits = p;
	if (p < c->end && *p == '0') {
		p++;
	} else {
		while (p < c->end && *p >= '0' && *p <= '9') {
			if (v > (0x7fffffffffffffffLL - 9) / 10)
				over = 1;
			else
				v = v * 10 + (*p - '0');
			p++;
		}
	}
	if (p == digits)
		return fail(c, "invalid number");
	if (p < c->end && *p == '.') {
		frac = 1;
		if (++p >= c->end || *p < '0' || *p > '9')
			return fail(c, "invalid number");
		while (p < c->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < c->end && (*p == 'e' || *p == 'E')) {
		frac = 1;
		p++;
		if (p < c->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= c->end || *p < '0' || *p > '9')
			return fail(c, "invalid number");
		while (p < c->end && *p >= '0' && *p <= '9')
			p++;
	}
	c->p = p;
	*is_int = !frac && !over;
	*iv = neg ? -v : v;
	return 0;
}

static int lit(struct cur *c, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n))
		return fail(c, "invalid literal");
	c->p += n;
	return 0;
}

enum kind { K_NONE, K_STR, K_INT, K_NUM, K_OBJ, K_ARR, K_LIT };

/* Skips (validates) any value; returns its kind. */
static int value(struct cur *c, int depth)
{
	int is_int;
	long long iv;

	ws(c);
	if (c->p >= c->end)
		return fail(c, "unexpected end of line");
	if (depth > MAX_DEPTH)
		return fail(c, "nested too deeply");
	switch (*c->p) {
	case '"':
		return string(c, NULL) < 0 ? -1 : K_STR;
	case '{':
	case '[': {
		char close = *c->p == '{' ? '}' : ']';
		int obj = close == '}';

		c->p++;
		ws(c);
		if (c->p < c->end && *c->p == close) {
			c->p++;
			return obj ? K_OBJ : K_ARR;
		}
		for (;;) {
			ws(c);
			if (obj) {
				if (c->p >= c->end || *c->p != '"')
					return fail(c, "expected a key");
				if (string(c, NULL) < 0)
					return -1;
				ws(c);
				if (c->p >= c->end || *c->p != ':')
					return fail(c, "expected ':'");
				c->p++;
			}
			if (value(c, depth + 1) < 0)
				return -1;
			ws(c);
			if (c->p < c->end && *c->p == ',') {
				c->p++;
				continue;
			}
			if (c->p < c->end && *c->p == close) {
				c->p++;
				return obj ? K_OBJ : K_ARR;
			}
			return fail(c, obj ? "expected ',' or '}'" : "expected ',' or ']'");
		}
	}
	case 't': return lit(c, "true") < 0 ? -1 : K_LIT;
	case 'f': return lit(c, "false") < 0 ? -1 : K_LIT;
	case 'n': return lit(c, "null") < 0 ? -1 : K_LIT;
	default:
		if (number(c, &is_int, &iv) < 0)
			return -1;
		return is_int ? K_INT : K_NUM;
	}
}

/* One member of an object being read: its key and value span. */
struct member {
	const char *key;	/* raw key bytes, between the quotes */
	size_t klen;
	const char *v, *vend;
	int kind;
};

/* Reads an object at c->p into up to max members (the rest are validated
 * and dropped).  Returns the member count or -1. */
static int object(struct cur *c, struct member *m, int max, int depth)
{
	int n = 0;

	ws(c);
	if (c->p >= c->end || *c->p != '{')
		return fail(c, "not a JSON object");
	c->p++;
	ws(c);
	if (c->p < c->end && *c->p == '}') {
		c->p++;
		return 0;
	}
	for (;;) {
		const char *k;
		struct member cur;

		ws(c);
		if (c->p >= c->end || *c->p != '"')
			return fail(c, "expected a key");
		k = c->p + 1;
		if (string(c, NULL) < 0)
			return -1;
		cur.key = k;
		cur.klen = (size_t)(c->p - 1 - k);
		ws(c);
		if (c->p >= c->end || *c->p != ':')
			return fail(c, "expected ':'");
		c->p++;
		ws(c);
		cur.v = c->p;
		if ((cur.kind = value(c, depth + 1)) < 0)
			return -1;
		cur.vend = c->p;
		if (n < max)
			m[n++] = cur;
		ws(c);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '}') {
			c->p++;
			return n;
		}
		return fail(c, "expected ',' or '}'");
	}
}

static const struct member *get(const struct member *m, int n, const char *key)
{
	size_t kl = strlen(key);
	int i;
	const struct member *r = NULL;

	for (i = 0; i < n; i++)	/* the last one wins, as in jansson */
		if (m[i].klen == kl && !memcmp(m[i].key, key, kl))
			r = &m[i];
	return r;
}

static char *str_of(const struct member *m)
{
	struct cur c = { m->v, m->vend, NULL };
	struct buf b = BUF_INIT;

	string(&c, &b);
	if (!b.p)
		buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static long long int_of(const struct member *m)
{
	struct cur c = { m->v, m->vend, NULL };
	int is_int;
	long long v = 0;

	number(&c, &is_int, &v);
	return v;
}

/* Keeps the first error (no output here: see rawfind.h). */
static int seterr(struct rawfind_set *s, const char *fmt, ...) MG_PRINTF(2, 3);
static int seterr(struct rawfind_set *s, const char *fmt, ...)
{
	va_list ap;
	char tmp[512];

	if (s->error)
		return -1;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	s->error = xstrdup(tmp);
	return -1;
}

struct input {
	struct rawfind_set *s;
	const char *name;
	long lineno;
	int flags;
	int any, last_trailer;
	long since;
};

static int invalid(const struct input *in, const char *why)
{
	return seterr(in->s, "%s:%ld: invalid finding: %s", in->name, in->lineno,
		      why);
}

#define MAXM 64

static int trailer(struct rawfind_set *s, struct input *in,
		   const struct member *m, int n)
{
	const struct member *st = get(m, n, "status"), *tool = get(m, n, "tool");
	const struct member *nf = get(m, n, "findings"), *fl = get(m, n, "files");
	char *status, *tn;
	int r = 0;

	if (!st || st->kind != K_STR || (tool && tool->kind != K_STR) ||
	    (nf && nf->kind != K_INT) || (fl && fl->kind != K_INT))
		return seterr(s, "%s:%ld: invalid trailer: 'status' must be a "
			      "string, counts integers", in->name, in->lineno);
	status = str_of(st);
	tn = tool ? str_of(tool) : xstrdup("?");
	if (strcmp(status, "ok"))
		r = seterr(s, "%s:%ld: %s reported status '%s': the upstream stage "
			   "failed, refusing to judge a partial result", in->name,
			   in->lineno, tn, status);
	else if (nf && int_of(nf) >= 0 && int_of(nf) != in->since)
		r = seterr(s, "%s:%ld: damaged stream: trailer counts %lld findings, "
			   "%ld were read", in->name, in->lineno, int_of(nf),
			   in->since);
	free(status);
	free(tn);
	if (r < 0)
		return -1;
	if (fl)
		s->files += (long)int_of(fl);
	in->since = 0;
	in->last_trailer = 1;
	return 0;
}

static int evidence(struct rawfind *f, const struct input *in,
		    const struct member *ev)
{
	struct cur c = { ev->v + 1, ev->vend, NULL };
	size_t alloc = 0;

	ws(&c);
	if (*c.p == ']')
		return 0;
	for (;;) {
		struct member m[MAXM];
		const struct member *p, *l;
		int n = object(&c, m, MAXM, 1);

		if (n < 0 || !(p = get(m, n, "path")) || p->kind != K_STR ||
		    !(l = get(m, n, "line")) || l->kind != K_INT)
			return invalid(in, "evidence: each entry needs a string "
				       "'path' and an integer 'line'");
		ARRAY_GROW(f->ev, f->nev + 1, alloc);
		f->ev[f->nev].path = str_of(p);
		f->ev[f->nev].line = (long)int_of(l);
		f->nev++;
		ws(&c);
		if (*c.p == ',') {
			c.p++;
			continue;
		}
		return 0;
	}
}

static int record(struct rawfind_set *s, struct input *in, const char *p,
		  size_t len)
{
	struct cur c = { p, p + len, NULL };
	struct member m[MAXM];
	const struct member *k;
	struct rawfind *f;
	int n = object(&c, m, MAXM, 0);
	static const char *const strs[] = { "rule", "severity", "path", "message",
					    NULL };
	size_t i;

	if (n >= 0) {
		ws(&c);
		if (c.p != c.end)
			n = fail(&c, "end of file expected");
	}
	if (n < 0)
		return invalid(in, c.err);
	if (get(m, n, "mapguard"))
		return trailer(s, in, m, n);
	if (in->last_trailer && !(in->flags & FINDING_NO_TRAILER))
		in->last_trailer = 0;	/* concatenated streams */
	for (i = 0; strs[i]; i++)
		if (!(k = get(m, n, strs[i])) || k->kind != K_STR) {
			char why[80];

			snprintf(why, sizeof(why), "'%s' must be a string", strs[i]);
			return invalid(in, why);
		}
	if (!(k = get(m, n, "line")) || k->kind != K_INT || int_of(k) < 1)
		return invalid(in, "'line' must be an integer >= 1");
	k = get(m, n, "severity");
	if (!((k->vend - k->v == 7 && !memcmp(k->v, "\"error\"", 7)) ||
	      (k->vend - k->v == 9 && !memcmp(k->v, "\"warning\"", 9)) ||
	      (k->vend - k->v == 6 && !memcmp(k->v, "\"note\"", 6))))
		return invalid(in, "'severity' must be error, warning or note");
	k = get(m, n, "path");
	if (k->vend - k->v <= 2)
		return invalid(in, "empty 'path' or 'rule'");
	k = get(m, n, "rule");
	if (k->vend - k->v <= 2)
		return invalid(in, "empty 'path' or 'rule'");
	ARRAY_GROW(s->v, s->n + 1, s->alloc);
	f = &s->v[s->n++];
	memset(f, 0, sizeof(*f));
	f->bytes = p;
	f->len = len;
	f->path = str_of(get(m, n, "path"));
	f->line = (long)int_of(get(m, n, "line"));
	if ((k = get(m, n, "fingerprint")) && k->kind == K_STR)
		f->fingerprint = str_of(k);
	if ((k = get(m, n, "evidence"))) {
		if (k->kind != K_ARR)
			return invalid(in, "'evidence' is not an array");
		if (evidence(f, in, k) < 0)
			return -1;
	}
	in->since++;
	return 0;
}

/* Reads a whole file or stdin into memory (NUL-terminated). */
static int slurp(struct rawfind_set *s, const char *path, const char *name,
		 char **out, size_t *len)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct buf b = BUF_INIT;
	size_t n;
	int bad;

	*out = NULL;
	if (!fp)
		return seterr(s, "%s: cannot open: %s", path, strerror(errno));
	do {
		buf_grow(&b, 1 << 16);
		n = fread(b.p + b.len, 1, b.alloc - b.len - 1, fp);
		b.len += n;
		b.p[b.len] = '\0';
	} while (n);
	bad = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (bad) {
		buf_release(&b);
		return seterr(s, "%s: read error", name);
	}
	*out = buf_detach(&b, len);
	return 0;
}

static int read_one(struct rawfind_set *s, const char *path, int flags)
{
	struct input in = { 0 };
	char *data;
	size_t len;
	const char *p, *end;

	in.s = s;
	in.name = strcmp(path, "-") ? path : "<stdin>";
	in.flags = flags;
	if (slurp(s, path, in.name, &data, &len) < 0)
		return -1;
	ARRAY_GROW(s->bufs, s->nbufs + 1, s->abufs);
	s->bufs[s->nbufs++] = data;
	for (p = data, end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *q;

		in.lineno++;
		for (q = p; q < le && (*q == ' ' || *q == '\t' || *q == '\r'); q++)
			;
		if (q < le) {
			if (memchr(p, '\0', (size_t)(le - p)))
				return invalid(&in, "NUL byte in line");
			in.any = 1;
			if (record(s, &in, p, (size_t)(le - p)) < 0)
				return -1;
		}
		p = nl ? nl + 1 : end;
	}
	if (flags & FINDING_NO_TRAILER)
		return 0;
	if (!in.any)
		return seterr(s, "%s: empty input: no findings stream (did the "
			      "upstream stage fail?)", in.name);
	if (!in.last_trailer)
		return seterr(s, "%s: incomplete stream: no mapguard trailer at the "
			      "end (upstream stage crashed or was cut off; "
			      "--no-trailer accepts hand-written input)", in.name);
	return 0;
}

int rawfind_read(struct rawfind_set *s, char *const *paths, int flags)
{
	size_t i;

	if (!paths || !paths[0])
		return read_one(s, "-", flags);
	for (i = 0; paths[i]; i++)
		if (read_one(s, paths[i], flags) < 0)
			return -1;
	return 0;
}

void rawfind_release(struct rawfind_set *s)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].path);
		free(s->v[i].fingerprint);
		for (j = 0; j < s->v[i].nev; j++)
			free(s->v[i].ev[j].path);
		free(s->v[i].ev);
	}
	for (i = 0; i < s->nbufs; i++)
		free(s->bufs[i]);
	free(s->bufs);
	free(s->v);
	free(s->error);
	memset(s, 0, sizeof(*s));
}

static const struct member *member_of(const struct rawfind *f, const char *key,
				      struct member *m, int *n)
{
	struct cur c = { f->bytes, f->bytes + f->len, NULL };

	*n = object(&c, m, MAXM, 0);
	return *n > 0 ? get(m, *n, key) : NULL;
}

char *rawfind_str(const struct rawfind *f, const char *key)
{
	struct member m[MAXM];
	const struct member *k;
	int n;

	k = member_of(f, key, m, &n);
	return k && k->kind == K_STR ? str_of(k) : NULL;
}

long rawfind_int(const struct rawfind *f, const char *key)
{
	struct member m[MAXM];
	const struct member *k;
	int n;

	k = member_of(f, key, m, &n);
	return k && k->kind == K_INT ? (long)int_of(k) : 0;
}
