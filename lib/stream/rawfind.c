/* rawfind.c - the pass-through front end of jsonl.h (see rawfind.h) */
#include "stream/rawfind.h"
#include "stream/finding.h"
#include "stream/jsonl.h"
#include "util/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The stream's error into s; -1. */
static int stream_err(struct rawfind_set *s, struct jsonl_stream *st)
{
	if (!s->error) {
		s->error = st->error;
		st->error = NULL;
	}
	return -1;
}

/* One line through jsonl.h; a finding is kept with its bytes. */
static int record(struct rawfind_set *s, struct jsonl_stream *st,
		  struct jsonl_record *r, const char *p, size_t len)
{
	const struct jsonl_member *k;
	struct rawfind *f;
	size_t i;

	switch (jsonl_stream_line(st, r, p, len)) {
	case JSONL_BLANK:
		return 0;
	case JSONL_TRAILER:
		s->files += jsonl_trailer_files(r);
		return 0;
	case JSONL_FINDING:
		break;
	default:
		return stream_err(s, st);
	}
	ARRAY_GROW(s->v, s->n + 1, s->alloc);
	f = &s->v[s->n++];
	memset(f, 0, sizeof(*f));
	f->bytes = p;
	f->len = len;
	f->path = jsonl_strdup(r->k[JK_PATH]);
	f->line = (long)jsonl_int(r->k[JK_LINE]);
	if ((k = r->k[JK_FINGERPRINT]) && k->kind == JSONL_STR)
		f->fingerprint = jsonl_strdup(k);
	if (r->nev) {
		f->ev = xcalloc(r->nev, sizeof(*f->ev));
		for (i = 0; i < r->nev; i++) {
			f->ev[i].path = jsonl_strdup(&r->ev[i].path);
			f->ev[i].line = (long)jsonl_int(&r->ev[i].line);
		}
		f->nev = r->nev;
	}
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
	struct jsonl_stream st = { 0 };
	struct jsonl_record rec;
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	char *data;
	size_t len;
	const char *p, *end;
	int r = 0;

	if (slurp(s, path, name, &data, &len) < 0)
		return -1;
	ARRAY_GROW(s->bufs, s->nbufs + 1, s->abufs);
	s->bufs[s->nbufs++] = data;
	memset(&rec, 0, sizeof(rec));
	jsonl_stream_begin(&st, name, flags);
	for (p = data, end = data + len; p < end && r == 0;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;

		r = record(s, &st, &rec, p, (size_t)(le - p));
		p = nl ? nl + 1 : end;
	}
	if (r == 0 && jsonl_stream_end(&st) < 0)
		r = stream_err(s, &st);
	jsonl_record_release(&rec);
	jsonl_stream_release(&st);
	return r;
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

/* The last member key of the record's object (m: scratch), or NULL. */
static const struct jsonl_member *member_of(const struct rawfind *f,
					    const char *key,
					    struct jsonl_members *m)
{
	struct jsonl_cur c = { f->bytes, f->bytes + f->len, NULL, NULL, 0 };
	const struct jsonl_member *r = NULL;
	size_t i;

	if (jsonl_object(&c, m, 0) < 0)
		return NULL;
	for (i = 0; i < m->n; i++) {
		char *k = jsonl_key(&m->v[i]);

		if (!strcmp(k, key))
			r = &m->v[i];
		free(k);
	}
	return r;
}

char *rawfind_str(const struct rawfind *f, const char *key)
{
	struct jsonl_members m = { NULL, 0, 0 };
	const struct jsonl_member *k = member_of(f, key, &m);
	char *r = k && k->kind == JSONL_STR ? jsonl_strdup(k) : NULL;

	free(m.v);
	return r;
}

long rawfind_int(const struct rawfind *f, const char *key)
{
	struct jsonl_members m = { NULL, 0, 0 };
	const struct jsonl_member *k = member_of(f, key, &m);
	long r = k && k->kind == JSONL_INT ? (long)jsonl_int(k) : 0;

	free(m.v);
	return r;
}
