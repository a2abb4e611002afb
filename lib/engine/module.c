/* module.c - the module phase: references across packages, and the
 * findings that rest on them (module.h) */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "util/util.h"

struct ref {
	char *name;		/* NULL: empty slot */
	size_t len;
};

struct cond {
	char *path, *rule, *need[2];
	long line, col;
};

struct module {
	pthread_mutex_t lock;
	struct ref *refs;
	size_t nrefs, cap;	/* cap: a power of two */
	struct cond *conds;
	size_t nconds, aconds;
};

struct module *module_new(void)
{
	struct module *m = xcalloc(1, sizeof(*m));

	pthread_mutex_init(&m->lock, NULL);
	m->cap = 4096;
	m->refs = xcalloc(m->cap, sizeof(*m->refs));
	return m;
}

void module_free(struct module *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->refs[i].name);
	for (i = 0; i < m->nconds; i++) {
		free(m->conds[i].path);
		free(m->conds[i].rule);
		free(m->conds[i].need[0]);
		free(m->conds[i].need[1]);
	}
	free(m->refs);
	free(m->conds);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

static unsigned long long name_hash(const char *s, size_t n)
{
	return mg_hash(0x9e3779b97f4a7c15ULL, s, n);
}

/* The slot of name s[0..n) in a table of cap slots (a power of two). */
static size_t slot(const struct ref *t, size_t cap, const char *s, size_t n)
{
	size_t i = (size_t)name_hash(s, n) & (cap - 1);

	while (t[i].name && (t[i].len != n || memcmp(t[i].name, s, n)))
		i = (i + 1) & (cap - 1);
	return i;
}

static void grow(struct module *m)
{
	struct ref *old = m->refs;
	size_t i, ocap = m->cap;

	m->cap *= 2;
	m->refs = xcalloc(m->cap, sizeof(*m->refs));
	for (i = 0; i < ocap; i++)
		if (old[i].name)
			m->refs[slot(m->refs, m->cap, old[i].name,
				     old[i].len)] = old[i];
	free(old);
}

static int ident_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

void module_add_refs(struct module *m, const char *src, size_t len)
{
	/* the file's distinct names first, then one locked merge */
	struct { const char *s; size_t n; } *v = NULL;
	size_t nv = 0, av = 0, i, k;
	struct ref *seen;
	size_t scap = 1024;
	const char *p = src, *end = src + len;

	seen = xcalloc(scap, sizeof(*seen));
	while ((p = memchr(p, '.', (size_t)(end - p))) && ++p < end) {
		const char *s = p;

		if (*p < 'A' || *p > 'Z')
			continue;
		while (p < end && ident_byte((unsigned char)*p))
			p++;
		if ((size_t)(p - s) > 128)
			continue;
		k = slot(seen, scap, s, (size_t)(p - s));
		if (seen[k].name)
			continue;
		/* the slot holds a borrowed pointer, never freed */
		seen[k].name = (char *)s;
		seen[k].len = (size_t)(p - s);
		ARRAY_GROW(v, nv + 1, av);
		v[nv].s = s;
		v[nv++].n = (size_t)(p - s);
		if (nv * 2 > scap) {	/* rehash the borrowed table */
			struct ref *o = seen;
			size_t ocap = scap, j;

			scap *= 2;
			seen = xcalloc(scap, sizeof(*seen));
			for (j = 0; j < ocap; j++)
				if (o[j].name)
					seen[slot(seen, scap, o[j].name,
						  o[j].len)] = o[j];
			free(o);
		}
	}
	free(seen);
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < nv; i++) {
		struct ref *r;

		if ((m->nrefs + 1) * 2 > m->cap)
			grow(m);
		r = &m->refs[slot(m->refs, m->cap, v[i].s, v[i].n)];
		if (!r->name) {
			r->name = xmalloc(v[i].n + 1);
			memcpy(r->name, v[i].s, v[i].n);
			r->name[v[i].n] = '\0';
			r->len = v[i].n;
			m->nrefs++;
		}
	}
	pthread_mutex_unlock(&m->lock);
	free(v);
}

void module_add_cond(struct module *m, const char *path, long line, long col,
		     const char *rule, const char *need0, const char *need1)
{
	struct cond *c;

	pthread_mutex_lock(&m->lock);
	ARRAY_GROW(m->conds, m->nconds + 1, m->aconds);
	c = &m->conds[m->nconds++];
	c->path = xstrdup(path);
	c->rule = xstrdup(rule);
	c->need[0] = xstrdup(need0);
	c->need[1] = xstrdup(need1);
	c->line = line;
	c->col = col;
	pthread_mutex_unlock(&m->lock);
}

/* need, when none of its names is referred to; NULL when one is. */
static const char *unmet(const struct module *m, const char *need)
{
	const char *s = need, *e;

	if (!*need)
		return NULL;
	for (; *s; s = *e ? e + 1 : e) {
		const struct ref *r;

		e = strchr(s, '\n');
		if (!e)
			e = s + strlen(s);
		r = &m->refs[slot(m->refs, m->cap, s, (size_t)(e - s))];
		if (r->name)
			return NULL;
	}
	return need;
}

static const struct finding *sort_v;	/* for by_place (one thread) */

static int place_cmp(const struct finding *f, const char *path, long line,
		     long col)
{
	int c = strcmp(f->path, path);

	if (c)
		return c;
	if (f->line != line)
		return f->line < line ? -1 : 1;
	return f->column < col ? -1 : f->column > col;
}

static int by_place(const void *a, const void *b)
{
	const struct finding *y = &sort_v[*(const size_t *)b];

	return place_cmp(&sort_v[*(const size_t *)a], y->path, y->line,
			 y->column);
}

void module_resolve(struct module *m, struct finding *v, size_t n,
		    int (*keep_rule)(const char *rule, void *arg), void *arg)
{
	size_t i, k, *ix = xcalloc(n ? n : 1, sizeof(*ix));

	/* the findings by place, so that each condition finds its own */
	for (i = 0; i < n; i++)
		ix[i] = i;
	sort_v = v;
	qsort(ix, n, sizeof(*ix), by_place);
	for (k = 0; k < m->nconds; k++) {
		const struct cond *c = &m->conds[k];
		const char *miss = unmet(m, c->need[0]);
		size_t lo = 0, hi = n, nl;

		if (!miss)
			miss = unmet(m, c->need[1]);
		if (!miss || (keep_rule && keep_rule(c->rule, arg)))
			continue;
		nl = strcspn(miss, "\n");
		while (lo < hi) {	/* the first finding at c's place */
			size_t mid = lo + (hi - lo) / 2;

			if (place_cmp(&v[ix[mid]], c->path, c->line, c->col) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (i = lo; i < n && !place_cmp(&v[ix[i]], c->path, c->line,
						 c->col); i++) {
			struct finding *f = &v[ix[i]];
			char *msg;

			if (strcmp(f->rule, c->rule) || f->severity == SEV_NOTE)
				continue;
			f->severity = SEV_NOTE;
			msg = xasprintf("%s; no code of this module calls %.*s, "
					"so it races only if the API's users "
					"call it concurrently", f->message,
					(int)nl, miss);
			free(f->message);
			f->message = msg;
		}
	}
	free(ix);
}
