/* lineset.c - added-line sets: a hash of paths to sorted line arrays */
#include "git/lineset.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	char *path, *old_path;
	long *lines;
	size_t n, alloc;
	int sorted;
};

struct lineset {
	struct entry *e;	/* open addressing; path NULL = empty */
	size_t cap, used;
	char **names;		/* sorted file list, built on demand */
	size_t nnames;
	size_t nlines;
	char **del;		/* deleted files */
	size_t ndel, adel;
};

struct lineset *lineset_new(void)
{
	struct lineset *ls = xcalloc(1, sizeof(*ls));

	ls->cap = 64;
	ls->e = xcalloc(ls->cap, sizeof(struct entry));
	return ls;
}

void lineset_free(struct lineset *ls)
{
	size_t i;

	if (!ls)
		return;
	for (i = 0; i < ls->cap; i++) {
		free(ls->e[i].path);
		free(ls->e[i].old_path);
		free(ls->e[i].lines);
	}
	for (i = 0; i < ls->ndel; i++)
		free(ls->del[i]);
	free(ls->del);
	free(ls->e);
	free(ls->names);
	free(ls);
}

static size_t slot(const struct lineset *ls, const char *path)
{
	size_t i = (size_t)mg_hash(MG_HASH_SEED, path, strlen(path)) & (ls->cap - 1);

	while (ls->e[i].path && strcmp(ls->e[i].path, path))
		i = (i + 1) & (ls->cap - 1);
	return i;
}

static struct entry *get(struct lineset *ls, const char *path)
{
	size_t i;

	if ((ls->used + 1) * 2 > ls->cap) {
		struct entry *old = ls->e;
		size_t j, ocap = ls->cap;

		ls->cap *= 2;
		ls->e = xcalloc(ls->cap, sizeof(struct entry));
		for (j = 0; j < ocap; j++)
			if (old[j].path)
				ls->e[slot(ls, old[j].path)] = old[j];
		free(old);
	}
	i = slot(ls, path);
	if (!ls->e[i].path) {
		ls->e[i].path = xstrdup(path);
		ls->e[i].sorted = 1;
		ls->used++;
		free(ls->names);
		ls->names = NULL;
	}
	return &ls->e[i];
}

static const struct entry *find(const struct lineset *ls, const char *path)
{
	size_t i = slot(ls, path);

	return ls->e[i].path ? &ls->e[i] : NULL;
}

void lineset_add_file(struct lineset *ls, const char *path, const char *old_path)
{
	struct entry *e = get(ls, path);

	if (old_path && strcmp(old_path, path) && !e->old_path)
		e->old_path = xstrdup(old_path);
}

void lineset_add(struct lineset *ls, const char *path, long line)
{
	struct entry *e = get(ls, path);

	if (e->n && e->lines[e->n - 1] == line)
		return;
	if (e->n && e->lines[e->n - 1] > line)
		e->sorted = 0;
	ARRAY_GROW(e->lines, e->n + 1, e->alloc);
	e->lines[e->n++] = line;
	ls->nlines++;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* The first index whose line is >= line. */
static size_t lower(const struct entry *e, long line)
{
	size_t lo = 0, hi = e->n;

	if (!e->sorted) {
		/* sort lazily; the set is logically const to callers */
		struct entry *m = (struct entry *)e;

		qsort(m->lines, m->n, sizeof(long), cmp_long);
		m->sorted = 1;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e->lines[mid] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int lineset_has(const struct lineset *ls, const char *path, long line)
{
	return lineset_near(ls, path, line, 0);
}

int lineset_near(const struct lineset *ls, const char *path, long line, long ctx)
{
	const struct entry *e = find(ls, path);
	size_t i;

	if (!e || !e->n)
		return 0;
	i = lower(e, line - ctx);
	return i < e->n && e->lines[i] <= line + ctx;
}

int lineset_has_file(const struct lineset *ls, const char *path)
{
	return find(ls, path) != NULL;
}

const char *lineset_old_path(const struct lineset *ls, const char *path)
{
	const struct entry *e = find(ls, path);

	return e && e->old_path ? e->old_path : path;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const char *const *lineset_files(const struct lineset *ls, size_t *n)
{
	struct lineset *m = (struct lineset *)ls;
	size_t i;

	if (!m->names) {
		m->names = xcalloc(ls->used ? ls->used : 1, sizeof(char *));
		m->nnames = 0;
		for (i = 0; i < ls->cap; i++)
			if (ls->e[i].path)
				m->names[m->nnames++] = ls->e[i].path;
		qsort(m->names, m->nnames, sizeof(char *), cmp_names);
	}
	*n = m->nnames;
	return (const char *const *)m->names;
}

size_t lineset_count_lines(const struct lineset *ls)
{
	return ls->nlines;
}

void lineset_add_deleted(struct lineset *ls, const char *path)
{
	ARRAY_GROW(ls->del, ls->ndel + 1, ls->adel);
	ls->del[ls->ndel++] = xstrdup(path);
}

const char *const *lineset_deleted(const struct lineset *ls, size_t *n)
{
	*n = ls->ndel;
	return (const char *const *)ls->del;
}
