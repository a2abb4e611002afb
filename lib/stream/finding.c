/* finding.c - finding records, JSON Lines I/O, trailers, fingerprints */
#include "stream/finding.h"
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

/* ---- reading ---- */

struct finding_reader {
	char **paths;		/* owned copies; "-" for stdin */
	size_t npaths, cur;
	int flags;
	FILE *fp;
	const char *name;	/* current input's name for messages */
	long lineno;
	char *line;
	size_t linecap;
	int last_was_trailer;	/* in the current input */
	long since_trailer;	/* findings since the last trailer */
	int any_record;
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

static const char *input_name(const char *p)
{
	return strcmp(p, "-") ? p : "<stdin>";
}

/* Opens the next input; 1 opened, 0 none left, -1 error. */
static int next_input(struct finding_reader *rd)
{
	const char *p;

	if (rd->cur >= rd->npaths)
		return 0;
	p = rd->paths[rd->cur++];
	rd->name = input_name(p);
	rd->lineno = 0;
	rd->last_was_trailer = 0;
	rd->since_trailer = 0;
	rd->any_record = 0;
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
		return mg_error("%s: read error", rd->name);
	if (rd->flags & FINDING_NO_TRAILER)
		return 0;
	if (!rd->any_record)
		return mg_error("%s: empty input: no findings stream (did the "
				"upstream stage fail?)", rd->name);
	if (!rd->last_was_trailer)
		return mg_error("%s: incomplete stream: no mapguard trailer at the "
				"end (upstream stage crashed or was cut off; "
				"--no-trailer accepts hand-written input)",
				rd->name);
	return 0;
}

static int invalid(struct finding_reader *rd, const char *why)
{
	return mg_error("%s:%ld: invalid finding: %s", rd->name, rd->lineno, why);
}

/* The trailer's "base" and "suppressions" (mg-diff): informational, so a
 * malformed entry is skipped, never an error. */
static void read_change(struct finding_reader *rd, json_t *root)
{
	json_t *a = json_object_get(root, "suppressions"), *e, *b, *r;
	size_t i, k;

	b = json_object_get(root, "tool");
	if ((json_is_string(b) && !strcmp(json_string_value(b), "mg-diff")) ||
	    json_object_get(root, "base") || a)
		rd->change.known = 1;
	b = json_object_get(root, "base");
	if (!rd->change.base && json_is_string(b))
		rd->change.base = xstrdup(json_string_value(b));
	json_array_foreach(json_is_array(a) ? a : NULL, i, e) {
		json_t *p = json_object_get(e, "path"), *l = json_object_get(e, "line");
		json_t *why = json_object_get(e, "reason"), *x;
		struct buf rules = BUF_INIT;

		if (!json_is_string(p) || !json_is_integer(l))
			continue;
		r = json_object_get(e, "rules");
		json_array_foreach(json_is_array(r) ? r : NULL, k, x) {
			if (!json_is_string(x))
				continue;
			if (rules.len)
				buf_addc(&rules, ',');
			buf_adds(&rules, json_string_value(x));
		}
		change_info_add(&rd->change, json_string_value(p),
				(long)json_integer_value(l), rules.p ? rules.p : "",
				json_is_string(why) ? json_string_value(why) : NULL);
		buf_release(&rules);
	}
}

static int read_trailer(struct finding_reader *rd, json_t *root)
{
	json_error_t jerr;
	const char *status = NULL, *shard = NULL, *tool = "?";
	json_int_t files = 0, nfind = -1;

	if (json_unpack_ex(root, &jerr, 0, "{s?s, s:s, s?I, s?I, s?s}", "tool",
			   &tool, "status", &status, "files", &files, "findings",
			   &nfind, "shard", &shard) < 0)
		return mg_error("%s:%ld: invalid trailer: %s", rd->name, rd->lineno,
				jerr.text);
	if (strcmp(status, "ok"))
		return mg_error("%s:%ld: %s reported status '%s': the upstream stage "
				"failed, refusing to judge a partial result",
				rd->name, rd->lineno, tool, status);
	if (nfind >= 0 && nfind != rd->since_trailer)
		return mg_error("%s:%ld: damaged stream: trailer counts %lld findings, "
				"%ld were read", rd->name, rd->lineno,
				(long long)nfind, rd->since_trailer);
	rd->files += (long)files;
	if (shard) {
		ARRAY_GROW(rd->shards, rd->nshards + 1, rd->ashards);
		rd->shards[rd->nshards++] = xstrdup(shard);
	}
	read_change(rd, root);
	rd->since_trailer = 0;
	rd->last_was_trailer = 1;
	return 0;
}

static char *copy_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static int read_evidence(struct finding_reader *rd, struct finding *f, json_t *a)
{
	size_t i;
	json_t *e;

	if (!json_is_array(a))
		return invalid(rd, "'evidence' is not an array");
	json_array_foreach(a, i, e) {
		json_error_t jerr;
		const char *path, *note = NULL;
		json_int_t line, col = 0;

		if (json_unpack_ex(e, &jerr, 0, "{s:s, s:I, s?I, s?s}", "path", &path,
				   "line", &line, "column", &col, "note", &note) < 0) {
			char why[200];

			snprintf(why, sizeof(why), "evidence[%zu]: %s", i, jerr.text);
			return invalid(rd, why);
		}
		finding_add_evidence(f, path, (long)line, (long)col, note);
	}
	return 0;
}

static const char *const known_keys[] = { "rule", "severity", "path", "line",
	"column", "end_line", "end_column", "message", "symbol", "source",
	"evidence", "fingerprint", "suppressed", "suppress_reason", "count",
	"suppressed_by", "downgraded_from", "downgrade_reason", NULL };

static int is_known(const char *k)
{
	int i;

	for (i = 0; known_keys[i]; i++)
		if (!strcmp(known_keys[i], k))
			return 1;
	return 0;
}

static int parse_finding(struct finding_reader *rd, json_t *root,
			 struct finding *f)
{
	json_error_t jerr;
	const char *rule, *sev, *path, *msg;
	json_int_t line, col = 0, eline = 0, ecol = 0, count = 0;
	int supp = 0, s;
	json_t *ev = NULL, *val;
	const char *key;

	if (json_unpack_ex(root, &jerr, 0,
			   "{s:s, s:s, s:s, s:I, s?I, s?I, s?I, s:s, s?o, s?b, s?I}",
			   "rule", &rule, "severity", &sev, "path", &path, "line",
			   &line, "column", &col, "end_line", &eline, "end_column",
			   &ecol, "message", &msg, "evidence", &ev, "suppressed",
			   &supp, "count", &count) < 0)
		return invalid(rd, jerr.text);
	if ((s = severity_parse(sev)) < 0)
		return invalid(rd, "'severity' must be error, warning or note");
	if (line < 1 || col < 0 || eline < 0 || ecol < 0)
		return invalid(rd, "'line' must be >= 1 and columns >= 0");
	if (!*path || !*rule)
		return invalid(rd, "empty 'path' or 'rule'");
	f->rule = xstrdup(rule);
	f->severity = s;
	f->path = xstrdup(path);
	f->line = (long)line;
	f->column = (long)col;
	f->end_line = (long)eline;
	f->end_column = (long)ecol;
	f->message = xstrdup(msg);
	f->symbol = copy_str(root, "symbol");
	f->source = copy_str(root, "source");
	f->fingerprint = copy_str(root, "fingerprint");
	f->suppress_reason = copy_str(root, "suppress_reason");
	f->suppressed = supp;
	if ((val = json_object_get(root, "suppressed_by"))) {
		const char *by = json_is_string(val) ? json_string_value(val) : "";

		if (strcmp(by, "config") && strcmp(by, "source"))
			return invalid(rd, "'suppressed_by' must be config or source");
		f->suppress_config = supp && !strcmp(by, "config");
	}
	if ((val = json_object_get(root, "downgraded_from"))) {
		if (!json_is_string(val) ||
		    (s = severity_parse(json_string_value(val))) < 0)
			return invalid(rd, "'downgraded_from' must be error, "
					   "warning or note");
		f->downgraded = s + 1;
	}
	f->downgrade_reason = copy_str(root, "downgrade_reason");
	f->count = (long)count;
	if (ev && read_evidence(rd, f, ev) < 0)
		return -1;
	json_object_foreach(root, key, val) {
		if (is_known(key))
			continue;
		if (!f->extra)
			f->extra = json_object();
		json_object_set((json_t *)f->extra, key, val);
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
		json_error_t jerr;
		json_t *root;
		size_t i;
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
		rd->lineno++;
		for (i = 0; i < (size_t)n; i++)
			if (!strchr(" \t\r\n", rd->line[i]))
				break;
		if (i == (size_t)n)
			continue;	/* blank line */
		if (memchr(rd->line, '\0', (size_t)n)) {
			rd->failed = 1;
			return invalid(rd, "NUL byte in line");
		}
		rd->any_record = 1;
		root = json_loadb(rd->line, (size_t)n, 0, &jerr);
		if (!root || !json_is_object(root)) {
			char why[220];

			snprintf(why, sizeof(why), "%s",
				 root ? "not a JSON object" : jerr.text);
			json_decref(root);
			rd->failed = 1;
			return invalid(rd, why);
		}
		if (json_object_get(root, "mapguard")) {
			r = read_trailer(rd, root);
			json_decref(root);
			if (r < 0) {
				rd->failed = 1;
				return -1;
			}
			continue;
		}
		if (rd->last_was_trailer && !(rd->flags & FINDING_NO_TRAILER)) {
			/* concatenated streams: a new segment starts */
			rd->last_was_trailer = 0;
		}
		r = parse_finding(rd, root, f);
		json_decref(root);
		if (r < 0) {
			finding_release(f);
			rd->failed = 1;
			return -1;
		}
		rd->since_trailer++;
		return 1;
	}
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
