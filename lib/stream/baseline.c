/* baseline.c - baseline files (see baseline.h) */
#include "stream/baseline.h"
#include "git/gitblob.h"
#include "util/util.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define BASELINE_KEY "mapguard_baseline"

struct baseline {
	char **fp;		/* sorted, unique */
	unsigned char *used;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int bad(const char *path, const char *why)
{
	return mg_error("%s: baseline: %s", path, why);
}

int baseline_load(struct baseline **out, const char *path)
{
	char *data;
	size_t len;
	int rc;

	*out = NULL;
	if (mg_read_file(path, &data, &len) < 0)
		return -1;
	rc = baseline_parse(out, path, data, len);
	free(data);
	return rc;
}

int baseline_load_rev(struct baseline **out, const char *rev, const char *path)
{
	char *data, *name;
	size_t len;
	int rc = gitblob_read(rev, path, &data, &len);

	*out = NULL;
	if (rc == 1)
		return mg_error("%s:%s: baseline: no such file in the trusted "
				"revision", rev, path);
	if (rc < 0)
		return -1;
	name = xasprintf("%s:%s", rev, path);
	rc = baseline_parse(out, name, data, len);
	free(name);
	free(data);
	return rc;
}

int baseline_parse(struct baseline **out, const char *path, const char *data,
		   size_t len)
{
	struct baseline *b = xcalloc(1, sizeof(*b));
	json_error_t jerr;
	json_t *root = NULL, *arr, *e;
	size_t i, k;
	int rc = -1;

	*out = NULL;
	root = json_loadb(data, len, 0, &jerr);
	if (!root) {
		mg_error("%s:%d: baseline: invalid JSON: %s", path, jerr.line,
			 jerr.text);
		goto out;
	}
	if (!json_is_object(root) || !json_is_integer(json_object_get(root, BASELINE_KEY))) {
		bad(path, "not a mapguard baseline (no \"" BASELINE_KEY "\" version)");
		goto out;
	}
	if (json_integer_value(json_object_get(root, BASELINE_KEY)) != 1) {
		bad(path, "unsupported version (this mg-gate reads version 1)");
		goto out;
	}
	arr = json_object_get(root, "findings");
	if (!json_is_array(arr)) {
		bad(path, "'findings' must be an array");
		goto out;
	}
	b->fp = xcalloc(json_array_size(arr) + 1, sizeof(char *));
	json_array_foreach(arr, i, e) {
		json_t *f = json_object_get(e, "fingerprint");

		if (!json_is_string(f) || !*json_string_value(f)) {
			char *why = xasprintf("findings[%zu]: no 'fingerprint' string", i);

			bad(path, why);
			free(why);
			goto out;
		}
		b->fp[b->n++] = xstrdup(json_string_value(f));
	}
	qsort(b->fp, b->n, sizeof(char *), cmp_str);
	for (i = k = 0; i < b->n; i++) {	/* duplicates: one entry */
		if (k && !strcmp(b->fp[k - 1], b->fp[i]))
			free(b->fp[i]);
		else
			b->fp[k++] = b->fp[i];
	}
	b->n = k;
	b->used = xcalloc(b->n + 1, 1);
	rc = 0;
out:
	json_decref(root);
	if (rc < 0)
		baseline_free(b);
	else
		*out = b;
	return rc;
}

int baseline_match(struct baseline *b, const char *fp)
{
	size_t lo = 0, hi = b ? b->n : 0;

	if (!fp)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(fp, b->fp[mid]);

		if (!c) {
			b->used[mid] = 1;
			return 1;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

size_t baseline_stale(const struct baseline *b)
{
	size_t i, s = 0;

	for (i = 0; b && i < b->n; i++)
		s += !b->used[i];
	return s;
}

size_t baseline_size(const struct baseline *b)
{
	return b ? b->n : 0;
}

void baseline_free(struct baseline *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++)
		free(b->fp[i]);
	free(b->fp);
	free(b->used);
	free(b);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;
	int c;

	if ((c = strcmp(x->path, y->path)) || (c = strcmp(x->rule, y->rule)))
		return c;
	return strcmp(x->fingerprint, y->fingerprint);
}

/* jansson refuses invalid UTF-8: such bytes become U+FFFD here (the
 * fingerprint, not the message, is what matches). */
static json_t *jstr_lossy(const char *s)
{
	json_t *j = json_string(s);
	char *c, *p;

	if (j)
		return j;
	c = xstrdup(s);
	for (p = c; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	j = json_string(c);
	free(c);
	return j ? j : json_string("");
}

int baseline_write(FILE *fp, const char *name, const struct finding *v,
		   size_t n)
{
	const struct finding **p = xcalloc(n ? n : 1, sizeof(*p));
	json_t *root = json_object(), *arr = json_array();
	size_t i, k = 0;
	int rc = 0;

	for (i = 0; i < n; i++)
		if (!v[i].suppressed && v[i].fingerprint)
			p[k++] = &v[i];
	qsort(p, k, sizeof(*p), cmp_entry);
	json_object_set_new(root, BASELINE_KEY, json_integer(1));
	json_object_set_new(root, "tool", json_string("mg-gate " MG_VERSION));
	for (i = 0; i < k; i++) {
		json_t *e;

		if (i && !strcmp(p[i]->fingerprint, p[i - 1]->fingerprint) &&
		    !cmp_entry(&p[i], &p[i - 1]))
			continue;
		e = json_object();
		json_object_set_new(e, "fingerprint", jstr_lossy(p[i]->fingerprint));
		json_object_set_new(e, "rule", jstr_lossy(p[i]->rule));
		json_object_set_new(e, "path", jstr_lossy(p[i]->path));
		json_object_set_new(e, "message", jstr_lossy(p[i]->message));
		json_array_append_new(arr, e);
	}
	json_object_set_new(root, "findings", arr);
	errno = 0;
	if (json_dumpf(root, fp, JSON_INDENT(2)) < 0 || fputc('\n', fp) == EOF)
		rc = mg_error("%s: cannot write: %s", name,
			      errno ? strerror(errno) : "write error");
	json_decref(root);
	free(p);
	return rc;
}

void baseline_fingerprint_missing(struct finding *v, size_t n)
{
	struct finding **p = xcalloc(n ? n : 1, sizeof(*p));
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		unsigned long long h = MG_HASH_SEED;
		struct finding *f = &v[i];

		if (f->fingerprint)
			continue;
		h = mg_hash(h, f->rule, strlen(f->rule) + 1);
		h = mg_hash(h, f->path, strlen(f->path) + 1);
		if (f->symbol)
			h = mg_hash(h, f->symbol, strlen(f->symbol));
		h = mg_hash(h, "", 1);
		h = mg_hash(h, f->message, strlen(f->message));
		f->fp_base = h;
		p[k++] = f;
	}
	finding_fingerprint_number(p, k);
	free(p);
}
