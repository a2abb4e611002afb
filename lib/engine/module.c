/* module.c - the module phase: references across packages, and the
 * findings that rest on them (module.h) */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/files.h"
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

/* a directory's module: the nearest go.mod at or above it */
struct modroot {
	char *dir, *root, *path;	/* root, path: NULL when none */
};

struct cand {
	char *dir, *name;
};

struct module {
	pthread_mutex_t lock;
	struct modroot *roots;
	size_t nroots, aroots;
	struct module_entry *ent;	/* sorted by dir once planned */
	size_t nent, aent;
	struct cand *cand;
	size_t ncand, acand;
	int rerun;			/* module_plan() has run */
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
	for (i = 0; i < m->nroots; i++) {
		free(m->roots[i].dir);
		free(m->roots[i].root);
		free(m->roots[i].path);
	}
	for (i = 0; i < m->nent; i++) {
		free(m->ent[i].dir);
		free(m->ent[i].name);
		free(m->ent[i].path);
		free(m->ent[i].why);
	}
	for (i = 0; i < m->ncand; i++) {
		free(m->cand[i].dir);
		free(m->cand[i].name);
	}
	free(m->roots);
	free(m->ent);
	free(m->cand);
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

/* ---- calls across packages ---- */

/* The module path in go.mod's text ("module example.com/x"), or NULL. */
static char *gomod_path(const char *file)
{
	char line[4096];
	FILE *fp = fopen(file, "r");
	char *path = NULL;

	if (!fp)
		return NULL;
	while (!path && fgets(line, sizeof(line), fp)) {
		char *s = line, *e;

		while (isspace((unsigned char)*s))
			s++;
		if (strncmp(s, "module", 6) || !isspace((unsigned char)s[6]))
			continue;
		s += 6;
		while (isspace((unsigned char)*s) || *s == '"' || *s == '`')
			s++;
		for (e = s; *e && !isspace((unsigned char)*e) && *e != '"' &&
		     *e != '`' && strncmp(e, "//", 2); e++)
			;
		if (e > s)
			path = xasprintf("%.*s", (int)(e - s), s);
	}
	fclose(fp);
	return path;
}

/* dir's parent ("a/b" -> "a", "a" -> "."), or NULL at the top. */
static char *parent(const char *dir)
{
	const char *sl = strrchr(dir, '/');

	if (!strcmp(dir, ".") || !strcmp(dir, "/") || !strcmp(dir, "..") ||
	    (sl && !strcmp(sl, "/..")))
		return NULL;
	if (!sl)
		return xstrdup(".");
	if (sl == dir)
		return xstrdup("/");
	return xasprintf("%.*s", (int)(sl - dir), dir);
}

/* The module of the cleaned directory dir (m->lock held). */
static const struct modroot *modroot_of(struct module *m, const char *dir)
{
	struct modroot *r;
	char *d = xstrdup(dir);
	size_t i;

	for (i = 0; i < m->nroots; i++)
		if (!strcmp(m->roots[i].dir, dir))
			return &m->roots[i];
	ARRAY_GROW(m->roots, m->nroots + 1, m->aroots);
	r = &m->roots[m->nroots++];
	r->dir = xstrdup(dir);
	r->root = r->path = NULL;
	while (d) {
		char *gm = strcmp(d, "/") ? xasprintf("%s/go.mod", d)
					  : xstrdup("/go.mod");
		char *mp = gomod_path(gm), *up;

		free(gm);
		if (mp) {
			r->root = d;
			r->path = mp;
			return r;
		}
		up = parent(d);
		free(d);
		d = up;
	}
	return r;
}

char *module_import_dir(struct module *m, const char *from_dir,
			const char *ipath)
{
	const struct modroot *r;
	char *dir = NULL, *raw;
	size_t n;

	pthread_mutex_lock(&m->lock);
	r = modroot_of(m, from_dir);
	if (r->path && (n = strlen(r->path), !strncmp(ipath, r->path, n)) &&
	    (!ipath[n] || ipath[n] == '/')) {
		raw = xasprintf("%s/%s", r->root, ipath[n] ? ipath + n + 1 : ".");
		dir = files_clean_path(raw);
		free(raw);
	}
	pthread_mutex_unlock(&m->lock);
	return dir;
}

void module_add_entry(struct module *m, const char *dir, const char *name,
		      int many, const char *path, long line, long col,
		      const char *why)
{
	struct module_entry *e;
	size_t i, same = 0;

	pthread_mutex_lock(&m->lock);
	for (i = 0; i < m->nent; i++)	/* a few calls of one function do */
		if (!strcmp(m->ent[i].dir, dir) && !strcmp(m->ent[i].name, name) &&
		    ++same >= MODULE_ENTRIES_PER_FUNC)
			break;
	if (!m->rerun && i == m->nent) {
		ARRAY_GROW(m->ent, m->nent + 1, m->aent);
		e = &m->ent[m->nent++];
		e->dir = xstrdup(dir);
		e->name = xstrdup(name);
		e->path = xstrdup(path);
		e->why = xstrdup(why);
		e->line = line;
		e->col = col;
		e->many = (unsigned char)!!many;
	}
	pthread_mutex_unlock(&m->lock);
}

void module_add_candidate(struct module *m, const char *dir, const char *name)
{
	struct cand *c;

	pthread_mutex_lock(&m->lock);
	if (!m->rerun) {
		ARRAY_GROW(m->cand, m->ncand + 1, m->acand);
		c = &m->cand[m->ncand++];
		c->dir = xstrdup(dir);
		c->name = xstrdup(name);
	}
	pthread_mutex_unlock(&m->lock);
}

static int ent_cmp(const void *a, const void *b)
{
	const struct module_entry *x = a, *y = b;
	int c = strcmp(x->dir, y->dir);

	if (c)
		return c;
	if ((c = strcmp(x->name, y->name)))
		return c;
	if ((c = strcmp(x->path, y->path)))
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = strcmp(x->dir, y->dir);

	return c ? c : strcmp(x->name, y->name);
}

size_t module_plan(struct module *m, char ***dirs)
{
	size_t i, k = 0, nd = 0, ad = 0;

	*dirs = NULL;
	m->rerun = 1;
	qsort(m->cand, m->ncand, sizeof(*m->cand), cand_cmp);
	qsort(m->ent, m->nent, sizeof(*m->ent), ent_cmp);
	for (i = 0; i < m->nent; i++) {	/* keep the entries that matter */
		struct module_entry *e = &m->ent[i];
		struct cand key = { e->dir, e->name };

		if (!bsearch(&key, m->cand, m->ncand, sizeof(*m->cand),
			     cand_cmp)) {
			free(e->dir);
			free(e->name);
			free(e->path);
			free(e->why);
			continue;
		}
		m->ent[k++] = *e;
		if (!nd || strcmp((*dirs)[nd - 1], e->dir)) {
			ARRAY_GROW(*dirs, nd + 1, ad);
			(*dirs)[nd++] = e->dir;
		}
	}
	m->nent = k;
	return nd;
}

size_t module_entries(const struct module *m, const char *dir,
		      const struct module_entry **v)
{
	size_t lo = 0, hi = m->nent, e;

	*v = NULL;
	if (!m->rerun)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(m->ent[mid].dir, dir) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (e = lo; e < m->nent && !strcmp(m->ent[e].dir, dir); e++)
		;
	*v = m->ent + lo;
	return e - lo;
}

int module_rerun(const struct module *m)
{
	return m->rerun;
}
