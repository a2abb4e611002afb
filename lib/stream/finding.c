/* finding.c - finding records, JSON Lines I/O, trailers, fingerprints */
#include "stream/finding.h"
#include "stream/jsonl.h"
#include "util/utf8.h"
#include "util/util.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static const char *const sevnames[] = { "note", "warning", "error" };

const char *severity_name(int sev)
{
	return sev >= 0 && sev <= 2 ? sevnames[sev] : "error";
}

int severity_parse(const char *s)
{
	int i;

	for (i = 0; i <= 2; i++)
		if (!strcmp(s, sevnames[i]))
			return i;
	return -1;
}

void finding_init(struct finding *f)
{
	memset(f, 0, sizeof(*f));
}

void finding_release(struct finding *f)
{
	size_t i;

	free(f->rule);
	free(f->path);
	free(f->message);
	free(f->symbol);
	free(f->source);
	free(f->fingerprint);
	free(f->suppress_reason);
	free(f->downgrade_reason);
	for (i = 0; i < f->nev; i++) {
		free(f->ev[i].path);
		free(f->ev[i].note);
	}
	free(f->ev);
	json_decref(f->extra);
	finding_init(f);
}

static char *dup0(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void finding_copy(struct finding *dst, const struct finding *src)
{
	size_t i;

	*dst = *src;
	dst->rule = dup0(src->rule);
	dst->path = dup0(src->path);
	dst->message = dup0(src->message);
	dst->symbol = dup0(src->symbol);
	dst->source = dup0(src->source);
	dst->fingerprint = dup0(src->fingerprint);
	dst->suppress_reason = dup0(src->suppress_reason);
	dst->downgrade_reason = dup0(src->downgrade_reason);
	dst->extra = src->extra ? json_deep_copy(src->extra) : NULL;
	dst->ev = NULL;
	dst->nev = dst->aev = 0;
	for (i = 0; i < src->nev; i++)
		finding_add_evidence(dst, src->ev[i].path, src->ev[i].line,
				     src->ev[i].column, src->ev[i].note);
}

void finding_add_evidence(struct finding *f, const char *path, long line,
			  long column, const char *note)
{
	struct evidence *e;

	ARRAY_GROW(f->ev, f->nev + 1, f->aev);
	e = &f->ev[f->nev++];
	e->path = xstrdup(path);
	e->line = line;
	e->column = column;
	e->note = dup0(note);
}

/* A JSON string for any bytes: invalid UTF-8 becomes U+FFFD, so a hostile
 * path or message can never make us write broken JSON or drop a finding. */
static json_t *jstr(const char *s)
{
	json_t *j = json_string(s);
	struct buf b = BUF_INIT;

	if (j)
		return j;
	utf8_add_valid(&b, s);
	j = json_string(b.p ? b.p : "");
	buf_release(&b);
	return j ? j : json_string("");
}

void finding_write(FILE *fp, const struct finding *f)
{
	json_t *o = json_object();
	const char *key;
	json_t *val;
	size_t i;

	json_object_set_new(o, "rule", jstr(f->rule ? f->rule : ""));
	json_object_set_new(o, "severity", json_string(severity_name(f->severity)));
	json_object_set_new(o, "path", jstr(f->path ? f->path : ""));
	json_object_set_new(o, "line", json_integer(f->line));
	if (f->column)
		json_object_set_new(o, "column", json_integer(f->column));
	if (f->end_line)
		json_object_set_new(o, "end_line", json_integer(f->end_line));
	if (f->end_column)
		json_object_set_new(o, "end_column", json_integer(f->end_column));
	json_object_set_new(o, "message", jstr(f->message ? f->message : ""));
	if (f->symbol)
		json_object_set_new(o, "symbol", jstr(f->symbol));
	if (f->source)
		json_object_set_new(o, "source", jstr(f->source));
	if (f->nev) {
		json_t *a = json_array();

		for (i = 0; i < f->nev; i++) {
			json_t *e = json_object();

			json_object_set_new(e, "path", jstr(f->ev[i].path));
			json_object_set_new(e, "line", json_integer(f->ev[i].line));
			if (f->ev[i].column)
				json_object_set_new(e, "column",
						    json_integer(f->ev[i].column));
			if (f->ev[i].note)
				json_object_set_new(e, "note", jstr(f->ev[i].note));
			json_array_append_new(a, e);
		}
		json_object_set_new(o, "evidence", a);
	}
	if (f->fingerprint)
		json_object_set_new(o, "fingerprint", jstr(f->fingerprint));
	if (f->count > 1)
		json_object_set_new(o, "count", json_integer(f->count));
	if (f->suppressed) {
		json_object_set_new(o, "suppressed", json_true());
		if (f->suppress_reason)
			json_object_set_new(o, "suppress_reason",
					    jstr(f->suppress_reason));
		if (f->suppress_config)
			json_object_set_new(o, "suppressed_by",
					    json_string("config"));
	}
	if (f->downgraded > 0 && f->downgraded <= 3) {
		json_object_set_new(o, "downgraded_from",
				    json_string(severity_name(f->downgraded - 1)));
		if (f->downgrade_reason)
			json_object_set_new(o, "downgrade_reason",
					    jstr(f->downgrade_reason));
	}
	if (f->extra)
		json_object_foreach((json_t *)f->extra, key, val)
			if (!json_object_get(o, key))
				json_object_set(o, key, val);
	json_dumpf(o, fp, JSON_COMPACT);
	fputc('\n', fp);
	json_decref(o);
}

void finding_write_trailer(FILE *fp, const struct trailer *t)
{
	finding_write_trailer_info(fp, t, NULL);
}

void finding_write_trailer_info(FILE *fp, const struct trailer *t,
				const struct change_info *ci)
{
	json_t *o = json_object();
	size_t i;

	json_object_set_new(o, "mapguard", json_string("end"));
	json_object_set_new(o, "tool", json_string(t->tool));
	json_object_set_new(o, "version", json_string(MG_VERSION));
	json_object_set_new(o, "status", json_string(t->status));
	json_object_set_new(o, "files", json_integer(t->files));
	json_object_set_new(o, "findings", json_integer(t->findings));
	if (t->shard)
		json_object_set_new(o, "shard", json_string(t->shard));
	if (ci && ci->base)
		json_object_set_new(o, "base", json_string(ci->base));
	if (ci && ci->nsupp) {
		json_t *a = json_array();

		for (i = 0; i < ci->nsupp; i++) {
			const struct suppression *s = &ci->supp[i];
			json_t *e = json_object(), *r = json_array();
			char *rules = xstrdup(s->rules), *tok, *save = NULL, *p;

			for (p = rules; (tok = strtok_r(p, ",", &save)); p = NULL)
				json_array_append_new(r, json_string(tok));
			free(rules);
			json_object_set_new(e, "path", jstr(s->path));
			json_object_set_new(e, "line", json_integer(s->line));
			json_object_set_new(e, "rules", r);
			if (s->reason)
				json_object_set_new(e, "reason", jstr(s->reason));
			json_array_append_new(a, e);
		}
		json_object_set_new(o, "suppressions", a);
	}
	json_dumpf(o, fp, JSON_COMPACT);
	fputc('\n', fp);
	json_decref(o);
}

/* ---- reading: the full front end of jsonl.h ---- */

struct finding_reader {
	char **paths;		/* owned copies; "-" for stdin */
	const char *mem;	/* finding_reader_open_mem(): the one input */
	size_t memlen;
	size_t npaths, cur;
	int flags;
	FILE *fp;
	char *line;
	size_t linecap;
	struct jsonl_stream st;	/* the current input under the stream rules */
	struct jsonl_record rec;
	char **shards;
	size_t nshards, ashards;
	long files;
	int failed;
	struct change_info change;
};

int finding_reader_open(struct finding_reader **out, char *const *paths,
			int flags)
{
	struct finding_reader *rd = xcalloc(1, sizeof(*rd));
	size_t n = 0;

	while (paths && paths[n])
		n++;
	rd->paths = xcalloc(n ? n : 1, sizeof(char *));
	if (!n)
		rd->paths[n++] = xstrdup("-");
	else
		for (rd->npaths = 0; rd->npaths < n; rd->npaths++)
			rd->paths[rd->npaths] = xstrdup(paths[rd->npaths]);
	rd->npaths = n;
	rd->flags = flags;
	*out = rd;
	return 0;
}

int finding_reader_open_mem(struct finding_reader **out, const char *name,
			    const char *buf, size_t len, int flags)
{
	char *paths[2] = { (char *)name, NULL };

	finding_reader_open(out, paths, flags);
	(*out)->mem = buf;
	(*out)->memlen = len;
	return 0;
}

static const char *input_name(const char *p)
{
	return strcmp(p, "-") ? p : "<stdin>";
}

/* Reports the stream's first error; -1. */
static int failed(struct finding_reader *rd)
{
	rd->failed = 1;
	return mg_error("%s", rd->st.error);
}

/* Opens the next input; 1 opened, 0 none left, -1 error. */
static int next_input(struct finding_reader *rd)
{
	const char *p;

	if (rd->cur >= rd->npaths)
		return 0;
	p = rd->paths[rd->cur++];
	jsonl_stream_begin(&rd->st, input_name(p), rd->flags);
	if (rd->mem)	/* fmemopen() may refuse a size of 0 */
		rd->fp = rd->memlen ? fmemopen((void *)rd->mem, rd->memlen, "r")
				    : fopen("/dev/null", "r");
	else
		rd->fp = strcmp(p, "-") ? fopen(p, "r") : stdin;
	if (!rd->fp)
		return mg_error("%s: cannot open: %s", p, strerror(errno));
	return 1;
}

static int close_input(struct finding_reader *rd)
{
	int bad = ferror(rd->fp);

	if (rd->fp != stdin)
		fclose(rd->fp);
	rd->fp = NULL;
	if (bad)
		return mg_error("%s: read error", rd->st.name);
	return jsonl_stream_end(&rd->st) < 0 ? failed(rd) : 0;
}

static char *copy_str(const struct jsonl_member *m)
{
	return m && m->kind == JSONL_STR ? jsonl_strdup(m) : NULL;
}

/* The checked record rd->rec into *f; unknown keys are kept (jansson values,
 * for the round trip). */
static int build_finding(struct finding_reader *rd, struct finding *f)
{
	const struct jsonl_record *r = &rd->rec;
	const struct jsonl_member *const *k = r->k;
	size_t i;

	f->rule = jsonl_strdup(k[JK_RULE]);
	f->severity = r->severity;
	f->path = jsonl_strdup(k[JK_PATH]);
	f->line = (long)jsonl_int(k[JK_LINE]);
	f->column = k[JK_COLUMN] ? (long)jsonl_int(k[JK_COLUMN]) : 0;
	f->end_line = k[JK_END_LINE] ? (long)jsonl_int(k[JK_END_LINE]) : 0;
	f->end_column = k[JK_END_COLUMN] ? (long)jsonl_int(k[JK_END_COLUMN]) : 0;
	f->message = jsonl_strdup(k[JK_MESSAGE]);
	f->symbol = copy_str(k[JK_SYMBOL]);
	f->source = copy_str(k[JK_SOURCE]);
	f->fingerprint = copy_str(k[JK_FINGERPRINT]);
	f->suppress_reason = copy_str(k[JK_SUPPRESS_REASON]);
	f->suppressed = k[JK_SUPPRESSED] && k[JK_SUPPRESSED]->kind == JSONL_TRUE;
	f->suppress_config = f->suppressed && r->by_config;
	f->downgraded = r->downgraded;
	f->downgrade_reason = copy_str(k[JK_DOWNGRADE_REASON]);
	f->count = k[JK_COUNT] ? (long)jsonl_int(k[JK_COUNT]) : 0;
	for (i = 0; i < r->nev; i++) {
		const struct jsonl_evidence *e = &r->ev[i];
		char *path = jsonl_strdup(&e->path);
		char *note = e->note.kind ? jsonl_strdup(&e->note) : NULL;

		finding_add_evidence(f, path, (long)jsonl_int(&e->line),
				     e->column.kind ? (long)jsonl_int(&e->column) : 0,
				     note);
		free(path);
		free(note);
	}
	for (i = 0; i < r->m.n; i++) {
		const struct jsonl_member *m = &r->m.v[i];
		json_error_t jerr;
		json_t *v;
		char *key;

		if (jsonl_known_finding_key(m))
			continue;
		v = json_loadb(m->v, (size_t)(m->vend - m->v), JSON_DECODE_ANY,
			       &jerr);
		key = jsonl_key(m);
		if (!v) {
			char why[300];

			snprintf(why, sizeof(why), "'%s': %s", key, jerr.text);
			free(key);
			return jsonl_stream_invalid(&rd->st, why);
		}
		if (!f->extra)
			f->extra = json_object();
		json_object_set_new((json_t *)f->extra, key, v);
		free(key);
	}
	return 0;
}

int finding_read(struct finding_reader *rd, struct finding *f)
{
	finding_release(f);
	if (rd->failed)
		return -1;
	for (;;) {
		ssize_t n;
		char *shard;
		int r;

		if (!rd->fp) {
			r = next_input(rd);
			if (r <= 0) {
				rd->failed = r < 0;
				return r;
			}
		}
		errno = 0;
		n = getline(&rd->line, &rd->linecap, rd->fp);
		if (n < 0) {
			if (close_input(rd) < 0) {
				rd->failed = 1;
				return -1;
			}
			continue;
		}
		if (n > 0 && rd->line[n - 1] == '\n')
			n--;
		r = jsonl_stream_line(&rd->st, &rd->rec, rd->line, (size_t)n);
		if (r < 0)
			return failed(rd);
		if (r == JSONL_BLANK)
			continue;
		if (r == JSONL_TRAILER) {
			rd->files += jsonl_trailer_files(&rd->rec);
			if ((shard = jsonl_trailer_shard(&rd->rec))) {
				ARRAY_GROW(rd->shards, rd->nshards + 1, rd->ashards);
				rd->shards[rd->nshards++] = shard;
			}
			jsonl_trailer_change(&rd->rec, &rd->change);
			continue;
		}
		if (build_finding(rd, f) < 0) {
			finding_release(f);
			return failed(rd);
		}
		return 1;
	}
}

const char *finding_reader_error(const struct finding_reader *rd)
{
	return rd->st.error;
}

size_t finding_reader_shards(const struct finding_reader *rd,
			     const char *const **shards)
{
	*shards = (const char *const *)rd->shards;
	return rd->nshards;
}

long finding_reader_files(const struct finding_reader *rd)
{
	return rd->files;
}

const struct change_info *finding_reader_change(const struct finding_reader *rd)
{
	return &rd->change;
}

void change_info_add(struct change_info *ci, const char *path, long line,
		     const char *rules, const char *reason)
{
	struct suppression *s;

	ARRAY_GROW(ci->supp, ci->nsupp + 1, ci->asupp);
	s = &ci->supp[ci->nsupp++];
	s->path = xstrdup(path);
	s->line = line;
	s->rules = xstrdup(rules);
	s->reason = reason ? xstrdup(reason) : NULL;
}

void change_info_release(struct change_info *ci)
{
	size_t i;

	for (i = 0; i < ci->nsupp; i++) {
		free(ci->supp[i].path);
		free(ci->supp[i].rules);
		free(ci->supp[i].reason);
	}
	free(ci->supp);
	free(ci->base);
	memset(ci, 0, sizeof(*ci));
}

void finding_reader_free(struct finding_reader *rd)
{
	size_t i;

	if (!rd)
		return;
	change_info_release(&rd->change);
	if (rd->fp && rd->fp != stdin)
		fclose(rd->fp);
	for (i = 0; i < rd->npaths; i++)
		free(rd->paths[i]);
	for (i = 0; i < rd->nshards; i++)
		free(rd->shards[i]);
	free(rd->shards);
	free(rd->paths);
	free(rd->line);
	jsonl_record_release(&rd->rec);
	jsonl_stream_release(&rd->st);
	free(rd);
}

/* ---- fingerprints and ordering ---- */

void finding_fingerprint_base(struct finding *f, const char *line, size_t len)
{
	unsigned long long h = MG_HASH_SEED;
	size_t i;

	h = mg_hash(h, f->rule, strlen(f->rule) + 1);
	h = mg_hash(h, f->path, strlen(f->path) + 1);
	if (f->symbol)
		h = mg_hash(h, f->symbol, strlen(f->symbol));
	h = mg_hash(h, "", 1);
	for (i = 0; i < len; i++)
		if (!strchr(" \t\r\n\f\v", line[i]) || !line[i])
			h = mg_hash(h, line + i, 1);
	f->fp_base = h;
}

static int cmp_base(const void *a, const void *b)
{
	const struct finding *const *x = a, *const *y = b;

	if ((*x)->fp_base != (*y)->fp_base)
		return (*x)->fp_base < (*y)->fp_base ? -1 : 1;
	return finding_cmp(*x, *y);
}

void finding_fingerprint_number(struct finding **p, size_t n)
{
	size_t i, occ = 0;

	qsort(p, n, sizeof(*p), cmp_base);
	for (i = 0; i < n; i++) {
		unsigned long long h;

		occ = i && p[i]->fp_base == p[i - 1]->fp_base ? occ + 1 : 0;
		h = mg_hash(p[i]->fp_base, &occ, sizeof(occ));
		free(p[i]->fingerprint);
		p[i]->fingerprint = xasprintf("%016llx", h);
	}
}

void finding_fingerprint_assign(struct finding *v, size_t n)
{
	struct finding **p = xcalloc(n ? n : 1, sizeof(*p));
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = &v[i];
	finding_fingerprint_number(p, n);
	free(p);
}

static int strcmp0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

int finding_cmp(const struct finding *a, const struct finding *b)
{
	int c;

	if ((c = strcmp0(a->path, b->path)))
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if ((c = strcmp0(a->rule, b->rule)))
		return c;
	return strcmp0(a->message, b->message);
}

static int cmp_qsort(const void *a, const void *b)
{
	return finding_cmp(a, b);
}

void finding_sort(struct finding *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_qsort);
}

struct finding *finding_list_add(struct finding_list *l)
{
	ARRAY_GROW(l->v, l->n + 1, l->alloc);
	finding_init(&l->v[l->n]);
	return &l->v[l->n++];
}

void finding_list_release(struct finding_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		finding_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}
