/* jsonl.c - the one reader of a finding-stream line (see jsonl.h) */
#include "stream/jsonl.h"
#include "stream/finding.h"
#include "util/utf8.h"
#include "util/util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the tokenizer ---- */

static void ws(struct jsonl_cur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' ||
				 *c->p == '\n'))
		c->p++;
}

static int fail(struct jsonl_cur *c, const char *why)
{
	if (!c->err) {
		c->err = why;
		c->at = c->p;
	}
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

/* A string at c->p ('"'); with out, its unescaped value appended. */
static int string(struct jsonl_cur *c, struct buf *out)
{
	const char *p = c->p + 1, *run;

	for (;;) {
		run = p;
		while (p < c->end && plain[(unsigned char)*p])
			p++;
		if (out && p > run)
			buf_add(out, run, (size_t)(p - run));
		c->p = p;
		if (p >= c->end)
			return fail(c, "unterminated string");
		if (*p == '"')
			break;
		if ((unsigned char)*p < 0x20)
			return fail(c, "control character in string");
		if (*p == '\\') {
			unsigned u, lo;

			c->esc = 1;
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
				if (u >= 0xd800 && u <= 0xdbff) {
					if (c->end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
					    hex4(p + 8, c->end, &lo) < 0 ||
					    lo < 0xdc00 || lo > 0xdfff)
						return fail(c, "invalid surrogate pair");
					u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
					p += 6;
				} else if (u >= 0xdc00 && u <= 0xdfff) {
					return fail(c, "invalid surrogate pair");
				}
				if (!u)
					return fail(c, "\\u0000 in string");
				p += 6;
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

/* A number; its kind (JSONL_INT: an integer within 64 bits). */
static int number(struct jsonl_cur *c)
{
	const char *p = c->p, *digits;
	unsigned long long v = 0, lim = 0x7fffffffffffffffULL;
	int frac = 0;

	if (*p == '-')
		lim++, p++;
	digits = p;
	if (p < c->end && *p == '0') {
		p++;
	} else {
		while (p < c->end && *p >= '0' && *p <= '9') {
			unsigned d = (unsigned)(*p - '0');

			if (v > (lim - d) / 10)
				return fail(c, "integer out of range");
			v = v * 10 + d;
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
	if (frac) {
		/* a real must fit a double (one that does not is an error
		 * for jansson, which keeps unknown keys) */
		char small[64], *s = small;
		size_t n = (size_t)(p - c->p);
		double d;

		if (n >= sizeof(small))
			s = xmalloc(n + 1);
		memcpy(s, c->p, n);
		s[n] = '\0';
		d = strtod(s, NULL);
		if (s != small)
			free(s);
		if (isinf(d))
			return fail(c, "number out of range");
	}
	c->p = p;
	return frac ? JSONL_NUM : JSONL_INT;
}

static int lit(struct jsonl_cur *c, const char *w, size_t n, int kind)
{
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n))
		return fail(c, "invalid literal");
	c->p += n;
	return kind;
}

int jsonl_value(struct jsonl_cur *c, int depth)
{
	ws(c);
	if (c->p >= c->end)
		return fail(c, "unexpected end of line");
	if (depth > JSONL_MAX_DEPTH)
		return fail(c, "nested too deeply");
	switch (*c->p) {
	case '"':
		return string(c, NULL) < 0 ? -1 : JSONL_STR;
	case '{':
	case '[': {
		char close = *c->p == '{' ? '}' : ']';
		int obj = close == '}';

		c->p++;
		ws(c);
		if (c->p < c->end && *c->p == close) {
			c->p++;
			return obj ? JSONL_OBJ : JSONL_ARR;
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
			if (jsonl_value(c, depth + 1) < 0)
				return -1;
			ws(c);
			if (c->p < c->end && *c->p == ',') {
				c->p++;
				continue;
			}
			if (c->p < c->end && *c->p == close) {
				c->p++;
				return obj ? JSONL_OBJ : JSONL_ARR;
			}
			return fail(c, obj ? "expected ',' or '}'" : "expected ',' or ']'");
		}
	}
	case 't': return lit(c, "true", 4, JSONL_TRUE);
	case 'f': return lit(c, "false", 5, JSONL_FALSE);
	case 'n': return lit(c, "null", 4, JSONL_NULL);
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return number(c);
	default:
		return fail(c, "invalid value");
	}
}

int jsonl_object(struct jsonl_cur *c, struct jsonl_members *m, int depth)
{
	m->n = 0;
	ws(c);
	if (c->p >= c->end || *c->p != '{')
		return fail(c, "not a JSON object");
	if (depth > JSONL_MAX_DEPTH)
		return fail(c, "nested too deeply");
	c->p++;
	ws(c);
	if (c->p < c->end && *c->p == '}') {
		c->p++;
		return 0;
	}
	for (;;) {
		struct jsonl_member *cur;
		const char *k;

		ws(c);
		if (c->p >= c->end || *c->p != '"')
			return fail(c, "expected a key");
		k = c->p + 1;
		c->esc = 0;
		if (string(c, NULL) < 0)
			return -1;
		ARRAY_GROW(m->v, m->n + 1, m->alloc);
		cur = &m->v[m->n++];
		cur->key = k;
		cur->klen = (size_t)(c->p - 1 - k);
		cur->known = -1;
		cur->kesc = (unsigned char)c->esc;
		ws(c);
		if (c->p >= c->end || *c->p != ':')
			return fail(c, "expected ':'");
		c->p++;
		ws(c);
		cur->v = c->p;
		c->esc = 0;
		if ((cur->kind = jsonl_value(c, depth + 1)) < 0)
			return -1;
		cur->vend = c->p;
		cur->vesc = (unsigned char)c->esc;
		ws(c);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '}') {
			c->p++;
			return 0;
		}
		return fail(c, "expected ',' or '}'");
	}
}

int jsonl_element(const char **p, const char *vend, struct jsonl_member *el)
{
	struct jsonl_cur c = { *p, vend, NULL, NULL, 0 };

	if (c.p >= vend || *c.p == ']')
		return 0;
	c.p++;			/* '[' or ',' */
	ws(&c);
	if (c.p >= vend || *c.p == ']')
		return 0;
	memset(el, 0, sizeof(*el));
	el->known = -1;
	el->v = c.p;
	el->kind = jsonl_value(&c, 1);
	el->vend = c.p;
	el->vesc = (unsigned char)c.esc;
	ws(&c);
	*p = c.p;
	return el->kind > 0;
}

void jsonl_unescape(const char *v, const char *vend, struct buf *out)
{
	struct jsonl_cur c = { v, vend, NULL, NULL, 0 };

	string(&c, out);
}

char *jsonl_strdup(const struct jsonl_member *m)
{
	struct buf b = BUF_INIT;

	if (!m->vesc)
		return xstrndup(m->v + 1, (size_t)(m->vend - m->v - 2));
	jsonl_unescape(m->v, m->vend, &b);
	if (!b.p)
		buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

int jsonl_str_is(const struct jsonl_member *m, const char *s)
{
	size_t n = strlen(s), len = (size_t)(m->vend - m->v);
	char *u;
	int eq;

	if (m->kind != JSONL_STR)
		return 0;
	if (!m->vesc)
		return len == n + 2 && !memcmp(m->v + 1, s, n);
	u = jsonl_strdup(m);
	eq = !strcmp(u, s);
	free(u);
	return eq;
}

long long jsonl_int(const struct jsonl_member *m)
{
	const char *p = m->v;
	int neg = p < m->vend && *p == '-';
	unsigned long long v = 0;

	for (p += neg; p < m->vend && *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (unsigned)(*p - '0');
	return neg ? (long long)(0 - v) : (long long)v;
}

char *jsonl_key(const struct jsonl_member *m)
{
	struct jsonl_member k = { NULL, 0, m->key - 1, m->key + m->klen + 1,
				  JSONL_STR, -1, 0, m->kesc };

	return jsonl_strdup(&k);
}

/* ---- records ---- */

/* The known keys by name, in order, for a lookup by first byte. */
static const struct { const char *name; size_t len; int key; } keys[] = {
	{ "base", 4, JK_BASE },
	{ "column", 6, JK_COLUMN },
	{ "count", 5, JK_COUNT },
	{ "downgrade_reason", 16, JK_DOWNGRADE_REASON },
	{ "downgraded_from", 15, JK_DOWNGRADED_FROM },
	{ "end_column", 10, JK_END_COLUMN },
	{ "end_line", 8, JK_END_LINE },
	{ "evidence", 8, JK_EVIDENCE },
	{ "files", 5, JK_FILES },
	{ "findings", 8, JK_FINDINGS },
	{ "fingerprint", 11, JK_FINGERPRINT },
	{ "line", 4, JK_LINE },
	{ "mapguard", 8, JK_MAPGUARD },
	{ "message", 7, JK_MESSAGE },
	{ "path", 4, JK_PATH },
	{ "rule", 4, JK_RULE },
	{ "severity", 8, JK_SEVERITY },
	{ "shard", 5, JK_SHARD },
	{ "source", 6, JK_SOURCE },
	{ "status", 6, JK_STATUS },
	{ "suppress_reason", 15, JK_SUPPRESS_REASON },
	{ "suppressed", 10, JK_SUPPRESSED },
	{ "suppressed_by", 13, JK_SUPPRESSED_BY },
	{ "suppressions", 12, JK_SUPPRESSIONS },
	{ "symbol", 6, JK_SYMBOL },
	{ "tool", 4, JK_TOOL },
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

static const char *const key_names[JK_N] = {
	"rule", "severity", "path", "line", "column", "end_line", "end_column",
	"message", "symbol", "source", "evidence", "fingerprint", "suppressed",
	"suppress_reason", "count", "suppressed_by", "downgraded_from",
	"downgrade_reason", "mapguard", "tool", "status", "files", "findings",
	"shard", "base", "suppressions",
};

/* The first entry of keys[] starting with ch, or NKEYS. */
static size_t first_key(char ch)
{
	switch (ch) {
	case 'b': return 0;
	case 'c': return 1;
	case 'd': return 3;
	case 'e': return 5;
	case 'f': return 8;
	case 'l': return 11;
	case 'm': return 12;
	case 'p': return 14;
	case 'r': return 15;
	case 's': return 16;
	case 't': return 25;
	default: return NKEYS;
	}
}

static int lookup(const char *k, size_t n)
{
	size_t i;

	if (!n)
		return -1;
	for (i = first_key(*k); i < NKEYS && keys[i].name[0] == *k; i++)
		if (keys[i].len == n && !memcmp(keys[i].name, k, n))
			return keys[i].key;
	return -1;
}

/* Which known key m's key is (escapes undone), or -1. */
static int known_key(const struct jsonl_member *m)
{
	char *u;
	int k;

	if (!m->kesc)
		return lookup(m->key, m->klen);
	u = jsonl_key(m);
	k = lookup(u, strlen(u));
	free(u);
	return k;
}

/* The lookup of an evidence entry's or a suppression's member. */
static const struct jsonl_member *member(const struct jsonl_members *m,
					 const char *key)
{
	const struct jsonl_member *r = NULL;
	size_t i, n = strlen(key);

	for (i = 0; i < m->n; i++) {	/* the last one wins, as in jansson */
		const struct jsonl_member *x = &m->v[i];

		if (x->kesc) {
			char *u = jsonl_key(x);

			if (!strcmp(u, key))
				r = x;
			free(u);
		} else if (x->klen == n && !memcmp(x->key, key, n)) {
			r = x;
		}
	}
	return r;
}

void jsonl_record_release(struct jsonl_record *r)
{
	free(r->m.v);
	free(r->sub.v);
	free(r->ev);
	memset(r, 0, sizeof(*r));
}

/* ---- streams ---- */

void jsonl_stream_begin(struct jsonl_stream *st, const char *name, int flags)
{
	st->name = name;
	st->lineno = 0;
	st->flags = flags;
	st->any = st->last_trailer = 0;
	st->since = 0;
}

static int stream_vfail(struct jsonl_stream *st, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	if (st->error)
		return -1;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	st->error = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	if (n > 0)
		vsnprintf(st->error, (size_t)n + 1, fmt, ap);
	else
		st->error[0] = '\0';
	return -1;
}

int jsonl_stream_fail(struct jsonl_stream *st, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = stream_vfail(st, fmt, ap);
	va_end(ap);
	return r;
}

int jsonl_stream_invalid(struct jsonl_stream *st, const char *why)
{
	return jsonl_stream_fail(st, "%s:%ld: invalid finding: %s", st->name,
				 st->lineno, why);
}

void jsonl_stream_release(struct jsonl_stream *st)
{
	free(st->error);
	st->error = NULL;
}

static int trailer_invalid(struct jsonl_stream *st, const char *why)
{
	return jsonl_stream_fail(st, "%s:%ld: invalid trailer: %s", st->name,
				 st->lineno, why);
}

static int bad_type(struct jsonl_stream *st, int key, const char *want,
		    int trailer)
{
	char why[80];

	snprintf(why, sizeof(why), "'%s' must be %s", key_names[key], want);
	return trailer ? trailer_invalid(st, why) : jsonl_stream_invalid(st, why);
}

static int check_trailer(struct jsonl_stream *st, struct jsonl_record *r)
{
	const struct jsonl_member *const *k = r->k;
	static const int strs[] = { JK_TOOL, JK_SHARD }, ints[] = { JK_FILES,
								  JK_FINDINGS };
	size_t i;

	if (!k[JK_STATUS])
		return trailer_invalid(st, "'status' is missing");
	if (k[JK_STATUS]->kind != JSONL_STR)
		return bad_type(st, JK_STATUS, "a string", 1);
	for (i = 0; i < 2; i++) {
		if (k[strs[i]] && k[strs[i]]->kind != JSONL_STR)
			return bad_type(st, strs[i], "a string", 1);
		if (k[ints[i]] && k[ints[i]]->kind != JSONL_INT)
			return bad_type(st, ints[i], "an integer", 1);
	}
	if (!jsonl_str_is(k[JK_STATUS], "ok")) {
		char *status = jsonl_strdup(k[JK_STATUS]);
		char *tool = k[JK_TOOL] ? jsonl_strdup(k[JK_TOOL]) : xstrdup("?");

		jsonl_stream_fail(st, "%s:%ld: %s reported status '%s': the "
				  "upstream stage failed, refusing to judge a "
				  "partial result", st->name, st->lineno, tool,
				  status);
		free(status);
		free(tool);
		return -1;
	}
	if (k[JK_FINDINGS] && jsonl_int(k[JK_FINDINGS]) >= 0 &&
	    jsonl_int(k[JK_FINDINGS]) != st->since)
		return jsonl_stream_fail(st, "%s:%ld: damaged stream: trailer "
					 "counts %lld findings, %ld were read",
					 st->name, st->lineno,
					 jsonl_int(k[JK_FINDINGS]), st->since);
	st->since = 0;
	st->last_trailer = 1;
	return JSONL_TRAILER;
}

/* Which of an evidence entry's keys m is: 0 path, 1 line, 2 column, 3 note,
 * -1 another. */
static int evidence_key(const struct jsonl_member *m)
{
	static const char *const names[] = { "path", "line", "column", "note" };
	char *u = m->kesc ? jsonl_key(m) : NULL;
	const char *k = u ? u : m->key;
	size_t n = u ? strlen(u) : m->klen;
	int i, r = -1;

	for (i = 0; i < 4 && r < 0; i++)
		if (n == strlen(names[i]) && !memcmp(k, names[i], n))
			r = i;
	free(u);
	return r;
}

/* One evidence entry, el: {path: string, line: integer, column?: integer,
 * note?: string}; other keys are allowed and dropped. */
static int check_evidence(struct jsonl_stream *st, struct jsonl_record *r,
			  size_t i, const struct jsonl_member *el)
{
	static const char *const what[] = { "'path' must be a string",
		"'line' must be an integer", "'column' must be an integer",
		"'note' must be a string" };
	static const int kinds[] = { JSONL_STR, JSONL_INT, JSONL_INT, JSONL_STR };
	struct jsonl_cur c = { el->v, el->vend, NULL, NULL, 0 };
	struct jsonl_member *slot[4] = { NULL, NULL, NULL, NULL };
	struct jsonl_evidence *e;
	char why[100];
	size_t j;
	int k;

	if (el->kind != JSONL_OBJ || jsonl_object(&c, &r->sub, 1) < 0) {
		snprintf(why, sizeof(why), "evidence[%zu] is not an object", i);
		return jsonl_stream_invalid(st, why);
	}
	ARRAY_GROW(r->ev, r->nev + 1, r->aev);
	e = &r->ev[r->nev++];
	memset(e, 0, sizeof(*e));
	slot[0] = &e->path, slot[1] = &e->line;
	slot[2] = &e->column, slot[3] = &e->note;
	for (j = 0; j < r->sub.n; j++)	/* the last one wins, as in jansson */
		if ((k = evidence_key(&r->sub.v[j])) >= 0)
			*slot[k] = r->sub.v[j];
	for (k = 0; k < 4; k++)
		if ((k < 2 || slot[k]->kind) && slot[k]->kind != kinds[k]) {
			snprintf(why, sizeof(why), "evidence[%zu]: %s", i, what[k]);
			return jsonl_stream_invalid(st, why);
		}
	return 0;
}

static int severity_of(const struct jsonl_member *m)
{
	static const char *const names[] = { "note", "warning", "error" };
	int i;

	for (i = 0; i <= 2; i++)
		if (jsonl_str_is(m, names[i]))
			return i;
	return -1;
}

static int check_finding(struct jsonl_stream *st, struct jsonl_record *r)
{
	const struct jsonl_member *const *k = r->k, *x;
	static const int strs[] = { JK_RULE, JK_SEVERITY, JK_PATH, JK_MESSAGE };
	static const int ints[] = { JK_COLUMN, JK_END_LINE, JK_END_COLUMN,
				    JK_COUNT };
	size_t i;
	char why[80];

	r->severity = r->downgraded = r->by_config = 0;
	for (i = 0; i < 4; i++) {
		if (!k[strs[i]]) {
			snprintf(why, sizeof(why), "'%s' is missing",
				 key_names[strs[i]]);
			return jsonl_stream_invalid(st, why);
		}
		if (k[strs[i]]->kind != JSONL_STR)
			return bad_type(st, strs[i], "a string", 0);
	}
	if (!k[JK_LINE])
		return jsonl_stream_invalid(st, "'line' is missing");
	if (k[JK_LINE]->kind != JSONL_INT)
		return bad_type(st, JK_LINE, "an integer", 0);
	for (i = 0; i < 4; i++)
		if (k[ints[i]] && k[ints[i]]->kind != JSONL_INT)
			return bad_type(st, ints[i], "an integer", 0);
	if (k[JK_SUPPRESSED] && k[JK_SUPPRESSED]->kind != JSONL_TRUE &&
	    k[JK_SUPPRESSED]->kind != JSONL_FALSE)
		return bad_type(st, JK_SUPPRESSED, "true or false", 0);
	if ((r->severity = severity_of(k[JK_SEVERITY])) < 0)
		return jsonl_stream_invalid(st, "'severity' must be error, "
					    "warning or note");
	if (jsonl_int(k[JK_LINE]) < 1 ||
	    (k[JK_COLUMN] && jsonl_int(k[JK_COLUMN]) < 0) ||
	    (k[JK_END_LINE] && jsonl_int(k[JK_END_LINE]) < 0) ||
	    (k[JK_END_COLUMN] && jsonl_int(k[JK_END_COLUMN]) < 0))
		return jsonl_stream_invalid(st, "'line' must be >= 1 and "
					    "columns >= 0");
	if (k[JK_PATH]->vend - k[JK_PATH]->v <= 2 ||
	    k[JK_RULE]->vend - k[JK_RULE]->v <= 2)
		return jsonl_stream_invalid(st, "empty 'path' or 'rule'");
	if ((x = k[JK_SUPPRESSED_BY])) {
		if (!jsonl_str_is(x, "config") && !jsonl_str_is(x, "source"))
			return jsonl_stream_invalid(st, "'suppressed_by' must be "
						    "config or source");
		r->by_config = jsonl_str_is(x, "config");
	}
	if ((x = k[JK_DOWNGRADED_FROM])) {
		int s = severity_of(x);

		if (s < 0)
			return jsonl_stream_invalid(st, "'downgraded_from' must be "
						    "error, warning or note");
		r->downgraded = s + 1;
	}
	r->nev = 0;
	if ((x = k[JK_EVIDENCE])) {
		const char *p = x->v;
		struct jsonl_member el;

		if (x->kind != JSONL_ARR)
			return jsonl_stream_invalid(st, "'evidence' is not an array");
		for (i = 0; jsonl_element(&p, x->vend, &el); i++)
			if (check_evidence(st, r, i, &el) < 0)
				return -1;
	}
	if (st->last_trailer && !(st->flags & FINDING_NO_TRAILER))
		st->last_trailer = 0;	/* concatenated streams */
	st->since++;
	return JSONL_FINDING;
}

int jsonl_stream_line(struct jsonl_stream *st, struct jsonl_record *r,
		      const char *p, size_t len)
{
	struct jsonl_cur c = { p, p + len, NULL, NULL, 0 };
	size_t i;

	st->lineno++;
	for (i = 0; i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'); i++)
		;
	if (i == len)
		return JSONL_BLANK;
	if (memchr(p, '\0', len))
		return jsonl_stream_invalid(st, "NUL byte in line");
	st->any = 1;
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		return jsonl_stream_invalid(st, "a byte order mark (U+FEFF) "
					    "starts the line");
	if (jsonl_object(&c, &r->m, 0) == 0) {
		ws(&c);
		if (c.p != c.end)
			fail(&c, "more after the object");
	}
	if (c.err) {
		char why[120];

		snprintf(why, sizeof(why), "%s at column %ld", c.err,
			 (long)(c.at - p) + 1);
		return jsonl_stream_invalid(st, why);
	}
	for (i = 0; i < JK_N; i++)
		r->k[i] = NULL;
	for (i = 0; i < r->m.n; i++) {
		struct jsonl_member *m = &r->m.v[i];

		if ((m->known = known_key(m)) >= 0)
			r->k[m->known] = m;	/* the last one wins */
	}
	if (r->k[JK_MAPGUARD]) {
		/* a trailer's finding keys are not a finding's */
		for (i = 0; i < r->m.n; i++)
			if (r->m.v[i].known >= 0 && r->m.v[i].known < JK_NFINDING)
				r->m.v[i].known = -1;
		for (i = 0; i < JK_NFINDING; i++)
			r->k[i] = NULL;
		return check_trailer(st, r);
	}
	for (i = 0; i < r->m.n; i++)	/* a finding's trailer keys are unknown */
		if (r->m.v[i].known >= JK_NFINDING)
			r->m.v[i].known = -1;
	for (i = JK_NFINDING; i < JK_N; i++)
		r->k[i] = NULL;
	return check_finding(st, r);
}

int jsonl_stream_end(struct jsonl_stream *st)
{
	if (st->flags & FINDING_NO_TRAILER)
		return 0;
	if (!st->any)
		return jsonl_stream_fail(st, "%s: empty input: no findings stream "
					 "(did the upstream stage fail?)", st->name);
	if (!st->last_trailer)
		return jsonl_stream_fail(st, "%s: incomplete stream: no mapguard "
					 "trailer at the end (upstream stage "
					 "crashed or was cut off; --no-trailer "
					 "accepts hand-written input)", st->name);
	return 0;
}

long jsonl_trailer_files(const struct jsonl_record *r)
{
	return r->k[JK_FILES] ? (long)jsonl_int(r->k[JK_FILES]) : 0;
}

char *jsonl_trailer_shard(const struct jsonl_record *r)
{
	return r->k[JK_SHARD] ? jsonl_strdup(r->k[JK_SHARD]) : NULL;
}

/* One entry of a trailer's "suppressions": {path, line, rules?, reason?}. */
static void add_suppression(const struct jsonl_member *e, struct change_info *ci)
{
	struct jsonl_cur c = { e->v, e->vend, NULL, NULL, 0 };
	struct jsonl_members m = { NULL, 0, 0 };
	const struct jsonl_member *p, *l, *why, *rs;
	struct buf rules = BUF_INIT;

	if (e->kind != JSONL_OBJ || jsonl_object(&c, &m, 1) < 0 ||
	    !(p = member(&m, "path")) || p->kind != JSONL_STR ||
	    !(l = member(&m, "line")) || l->kind != JSONL_INT)
		goto out;
	if ((rs = member(&m, "rules")) && rs->kind == JSONL_ARR) {
		const char *q = rs->v;
		struct jsonl_member x;

		while (jsonl_element(&q, rs->vend, &x)) {
			if (x.kind != JSONL_STR)
				continue;
			if (rules.len)
				buf_addc(&rules, ',');
			jsonl_unescape(x.v, x.vend, &rules);
		}
	}
	why = member(&m, "reason");
	{
		char *path = jsonl_strdup(p);
		char *reason = why && why->kind == JSONL_STR ? jsonl_strdup(why) : NULL;

		change_info_add(ci, path, (long)jsonl_int(l), rules.p ? rules.p : "",
				reason);
		free(path);
		free(reason);
	}
out:
	buf_release(&rules);
	free(m.v);
}

void jsonl_trailer_change(const struct jsonl_record *r, struct change_info *ci)
{
	const struct jsonl_member *tool = r->k[JK_TOOL], *base = r->k[JK_BASE];
	const struct jsonl_member *a = r->k[JK_SUPPRESSIONS];

	if ((tool && jsonl_str_is(tool, "mg-diff")) || base || a)
		ci->known = 1;
	if (!ci->base && base && base->kind == JSONL_STR)
		ci->base = jsonl_strdup(base);
	if (a && a->kind == JSONL_ARR) {
		const char *q = a->v;
		struct jsonl_member e;

		while (jsonl_element(&q, a->vend, &e))
			add_suppression(&e, ci);
	}
}
