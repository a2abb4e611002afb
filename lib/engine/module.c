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

#include <stdint.h>

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

/* The graph of calls across packages, its strings interned (ids). */
struct cand {
	uint32_t dir, name;
};

/* code of package d0 reached through its exported n0 calls d1's exported
 * n1 ("Name" a function, ".Name" a method) */
struct edge {
	uint32_t d0, n0, d1, n1;
};

/* a call that a goroutine or callback makes into package dir */
struct seed {
	uint32_t dir, name, path, why;
	long line, col;
	unsigned char many;
	struct module_site go;	/* line 0: not known */
};

struct strtab {
	char **s;		/* [id] */
	size_t n, a;
	uint32_t *slot;		/* id + 1, 0 empty; cap a power of two */
	size_t cap;
};

struct module {
	pthread_mutex_t lock;
	struct modroot *roots;
	size_t nroots, aroots;
	struct strtab st;
	struct seed *seeds;
	size_t nseeds, aseeds;
	struct cand *cand;
	size_t ncand, acand;
	struct edge *edges;
	size_t nedges, aedges;
	uint64_t *reached;	/* after module_plan(): (dir id << 32 | id of
				 * a name without its '.'), sorted: what some
				 * goroutine of another package runs */
	size_t nreached;
	struct module_entry *ent;	/* after module_plan(), by dir */
	size_t nent;
	int rerun;			/* module_plan() has run */
	struct ref *refs;
	size_t nrefs, cap;	/* cap: a power of two */
	struct cond *conds;
	size_t nconds, aconds;
	struct xlocks *xl;	/* module_xlock.c */
};

struct module *module_new(void)
{
	struct module *m = xcalloc(1, sizeof(*m));

	pthread_mutex_init(&m->lock, NULL);
	m->cap = 4096;
	m->refs = xcalloc(m->cap, sizeof(*m->refs));
	m->xl = xlocks_new();
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
	for (i = 0; i < m->st.n; i++)
		free(m->st.s[i]);
	free(m->st.s);
	free(m->st.slot);
	free(m->seeds);
	free(m->reached);
	free(m->cand);
	free(m->edges);
	free(m->ent);
	free(m->roots);
	free(m->refs);
	free(m->conds);
	xlocks_free(m->xl);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

static uint32_t intern(struct strtab *t, const char *s);
static const struct strtab *sort_st;	/* for reach_cmp (one thread) */
static const struct seed *sort_seeds;

static unsigned long long name_hash(const char *s, size_t n)
{
	return mg_hash(0x9e3779b97f4a7c15ULL, s, n);
}

/* The slot of name s[0..n) in a table of cap slots (a power of two). */
static size_t slot(const struct ref *t, size_t cap, const char *s, size_t n)
{
	size_t i = (size_t)name_hash(s, n) & (cap - 1);

	/* len's low byte: module_add_refs_ex() keeps more above it */
	while (t[i].name && ((t[i].len & 0xff) != n ||
			     memcmp(t[i].name, s, n)))
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
	module_add_refs_ex(m, src, len, 0);
}

void module_add_refs_ex(struct module *m, const char *src, size_t len,
			int blind)
{
	/* the file's distinct names first, then one locked merge */
	struct { const char *s; size_t n; } *v = NULL;
	size_t nv = 0, av = 0, i, k;
	struct ref *seen;
	size_t scap = 64;	/* grows: most files name few */
	const char *p = src, *end = src + len, *q;
	/* names not called right there (x.Name as a value; all of them when
	 * blind), each once: for module_xlock.c */
	const char **vs = NULL;
	size_t *vn = NULL, nvs = 0, avs = 0, avn = 0;
	uint8_t *val = NULL;	/* [v index]: in vs already */
	int dot = 0;

	seen = xcalloc(scap, sizeof(*seen));
	while ((p = memchr(p, '.', (size_t)(end - p))) && ++p < end) {
		const char *s = p;
		int value;

		if (*p == ' ' && p + 1 < end && p[1] == '"')
			dot = 1;	/* import . "path", maybe */
		if (*p < 'A' || *p > 'Z')
			continue;
		while (p < end && ident_byte((unsigned char)*p))
			p++;
		if ((size_t)(p - s) > 128)
			continue;
		for (q = p; q < end && (*q == ' ' || *q == '\t'); q++)
			;
		value = blind || q == end || *q != '(';
		k = slot(seen, scap, s, (size_t)(p - s));
		if (seen[k].name) {
			/* a name seen before: its v index is in len's
			 * high bits (below) */
			size_t vi = seen[k].len >> 8;

			if (value && !val[vi]) {
				val[vi] = 1;
				ARRAY_GROW(vs, nvs + 1, avs);
				ARRAY_GROW(vn, nvs + 1, avn);
				vs[nvs] = s;
				vn[nvs++] = (size_t)(p - s);
			}
			continue;
		}
		/* the slot holds a borrowed pointer, never freed, and the
		 * length (< 256) with the name's index in v above it */
		seen[k].name = (char *)s;
		seen[k].len = (size_t)(p - s) | nv << 8;
		ARRAY_GROW(v, nv + 1, av);
		val = xrealloc(val, av);
		val[nv] = (uint8_t)value;
		if (value) {
			ARRAY_GROW(vs, nvs + 1, avs);
			ARRAY_GROW(vn, nvs + 1, avn);
			vs[nvs] = s;
			vn[nvs++] = (size_t)(p - s);
		}
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
						  o[j].len & 0xff)] = o[j];
			free(o);
		}
	}
	free(seen);
	free(val);
	xlocks_blind(m->xl, vs, vn, nvs, dot ? src : NULL, len);
	free(vs);
	free(vn);
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

static int u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint32_t strtab_find(const struct strtab *t, const char *s, size_t n)
{
	size_t i;

	if (!t->cap)
		return UINT32_MAX;
	i = (size_t)name_hash(s, n) & (t->cap - 1);
	while (t->slot[i]) {
		const char *x = t->s[t->slot[i] - 1];

		if (!strncmp(x, s, n) && !x[n])
			return t->slot[i] - 1;
		i = (i + 1) & (t->cap - 1);
	}
	return UINT32_MAX;
}

/* Does a goroutine of another package run one of need's names (its
 * '\n'-separated exported functions) in path's package? */
static int run_by_go(const struct module *m, const char *path,
		     const char *need)
{
	const char *sl = strrchr(path, '/'), *s, *e;
	char *raw, *dir;
	uint32_t d, any;

	if (!*need || !m->nreached)
		return 0;
	raw = sl ? xasprintf("%.*s", (int)(sl - path), path) : xstrdup(".");
	dir = files_clean_path(raw);
	d = strtab_find(&m->st, dir, strlen(dir));
	any = strtab_find(&m->st, "*", 1);
	free(raw);
	free(dir);
	for (s = need; *s; s = *e ? e + 1 : e) {
		uint32_t id;
		uint64_t key;

		e = strchr(s, '\n');
		if (!e)
			e = s + strlen(s);
		id = strtab_find(&m->st, s, (size_t)(e - s));
		if (id == UINT32_MAX)
			continue;
		key = (uint64_t)d << 32 | id;
		if (d != UINT32_MAX && bsearch(&key, m->reached, m->nreached,
					       sizeof(key), u64_cmp))
			return 1;
		key = (uint64_t)any << 32 | id;	/* a method, by name */
		if (any != UINT32_MAX && bsearch(&key, m->reached, m->nreached,
						 sizeof(key), u64_cmp))
			return 1;
	}
	return 0;
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

		int unrun = 0;

		if (!miss)
			miss = unmet(m, c->need[1]);
		/* called, but by no goroutine of the module: a contract */
		if (!miss && m->rerun && !run_by_go(m, c->path, c->need[0]) &&
		    !run_by_go(m, c->path, c->need[1]))
			miss = *c->need[0] ? c->need[0] : c->need[1], unrun = 1;
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
			msg = unrun && *c->need[0] && *c->need[1] &&
			      strcmp(c->need[0], c->need[1])
				? xasprintf("%s; no goroutine or callback of "
					    "this module calls %.*s or %.*s, so "
					    "it races only if the API's users "
					    "call them concurrently", f->message,
					    (int)strcspn(c->need[0], "\n"),
					    c->need[0],
					    (int)strcspn(c->need[1], "\n"),
					    c->need[1])
				: unrun ? xasprintf("%s; no goroutine or callback of "
						"this module calls %.*s, so it "
						"races only if the API's users "
						"call it concurrently",
						f->message, (int)nl, miss)
				: xasprintf("%s; no code of this module calls %.*s, "
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
	char *d;
	size_t i;

	for (i = 0; i < m->nroots; i++)
		if (!strcmp(m->roots[i].dir, dir))
			return &m->roots[i];
	d = xstrdup(dir);
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

char *module_import_dir(const char *root, const char *modpath,
			const char *ipath)
{
	size_t n = strlen(modpath);
	char *raw, *dir;

	if (strncmp(ipath, modpath, n) || (ipath[n] && ipath[n] != '/'))
		return NULL;
	raw = xasprintf("%s/%s", root, ipath[n] ? ipath + n + 1 : ".");
	dir = files_clean_path(raw);
	free(raw);
	return dir;
}

int module_locate(struct module *m, const char *dir, char **root,
		  char **path)
{
	const struct modroot *r;

	pthread_mutex_lock(&m->lock);
	r = modroot_of(m, dir);
	*root = r->root ? xstrdup(r->root) : NULL;
	*path = r->path ? xstrdup(r->path) : NULL;
	pthread_mutex_unlock(&m->lock);
	return *path != NULL;
}

char *module_path_of(struct module *m, const char *dir)
{
	const struct modroot *r;
	char *path;

	pthread_mutex_lock(&m->lock);
	r = modroot_of(m, dir);
	path = r->path ? xstrdup(r->path) : NULL;
	pthread_mutex_unlock(&m->lock);
	return path;
}

/* The id of s in the table (m->lock held). */
static uint32_t intern(struct strtab *t, const char *s)
{
	size_t n = strlen(s), i;

	if ((t->n + 1) * 2 > t->cap) {
		size_t k, cap = t->cap ? t->cap * 2 : 1024;

		free(t->slot);
		t->slot = xcalloc(cap, sizeof(*t->slot));
		t->cap = cap;
		for (k = 0; k < t->n; k++) {
			i = (size_t)name_hash(t->s[k], strlen(t->s[k])) &
			    (cap - 1);
			while (t->slot[i])
				i = (i + 1) & (cap - 1);
			t->slot[i] = (uint32_t)k + 1;
		}
	}
	i = (size_t)name_hash(s, n) & (t->cap - 1);
	while (t->slot[i]) {
		if (!strcmp(t->s[t->slot[i] - 1], s))
			return t->slot[i] - 1;
		i = (i + 1) & (t->cap - 1);
	}
	ARRAY_GROW(t->s, t->n + 1, t->a);
	t->s[t->n] = xstrdup(s);
	t->slot[i] = (uint32_t)++t->n;
	return (uint32_t)(t->n - 1);
}

uint32_t module_intern(struct module *m, const char *s)
{
	uint32_t id;

	pthread_mutex_lock(&m->lock);
	id = intern(&m->st, s);
	pthread_mutex_unlock(&m->lock);
	return id;
}

void module_add_entry(struct module *m, uint32_t dir, uint32_t name,
		      int many, uint32_t path, long line, long col,
		      uint32_t why, const struct module_site *go)
{
	struct seed *e;

	pthread_mutex_lock(&m->lock);
	if (!m->rerun) {
		ARRAY_GROW(m->seeds, m->nseeds + 1, m->aseeds);
		e = &m->seeds[m->nseeds++];
		e->dir = dir;
		e->name = name;
		e->path = path;
		e->why = why;
		e->line = line;
		e->col = col;
		e->many = (unsigned char)many;
		if (go && go->line)
			e->go = *go;
		else
			memset(&e->go, 0, sizeof(e->go));
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
		c->dir = intern(&m->st, dir);
		c->name = intern(&m->st, name);
	}
	pthread_mutex_unlock(&m->lock);
}

void module_add_edge(struct module *m, uint32_t dir0, uint32_t name0,
		     uint32_t dir1, uint32_t name1)
{
	struct edge *e;

	pthread_mutex_lock(&m->lock);
	if (!m->rerun) {
		ARRAY_GROW(m->edges, m->nedges + 1, m->aedges);
		e = &m->edges[m->nedges++];
		e->d0 = dir0;
		e->n0 = name0;
		e->d1 = dir1;
		e->n1 = name1;
	}
	pthread_mutex_unlock(&m->lock);
}

static int u32_cmp(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

/* strcmp() of two interned strings: one id is one string */
static int st_cmp(uint32_t x, uint32_t y)
{
	return x == y ? 0 : strcmp(sort_st->s[x], sort_st->s[y]);
}

static int edge_cmp(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	int c = u32_cmp(x->d0, y->d0);

	if (!c)
		c = u32_cmp(x->n0, y->n0);
	/* looked up by ids; within one caller, by strings: ids follow the
	 * order the threads told them in, the walk must not */
	if (!c)
		c = st_cmp(x->d1, y->d1);
	return c ? c : st_cmp(x->n1, y->n1);
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = u32_cmp(x->dir, y->dir);

	return c ? c : u32_cmp(x->name, y->name);
}

/* The first edge leaving (dir, name), or nedges. */
static size_t edges_from(const struct module *m, uint32_t dir, uint32_t name)
{
	size_t lo = 0, hi = m->nedges;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct edge *e = &m->edges[mid];
		int c = u32_cmp(e->d0, dir);

		if (!c)
			c = u32_cmp(e->n0, name);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The packages' functions as one table: which are reached, how. */
struct reach {
	uint32_t dir, name;
	int seed;		/* the seed that reached it first */
	unsigned char many, hops;
	uint32_t via;		/* the seed's callee it was reached
				 * through, UINT32_MAX: the seed's own */
};

static int reach_cmp(const void *a, const void *b)
{
	const struct reach *x = a, *y = b;
	int c = st_cmp(x->dir, y->dir);

	if (!c)
		c = st_cmp(x->name, y->name);
	if (!c)	/* then by the calling site, for stable output */
		c = st_cmp(sort_seeds[x->seed].path,
			   sort_seeds[y->seed].path);
	if (!c)
		c = sort_seeds[x->seed].line < sort_seeds[y->seed].line ? -1 :
		    sort_seeds[x->seed].line > sort_seeds[y->seed].line;
	if (!c)	/* the seeds are in one order (seed_cmp): their index */
		c = x->seed < y->seed ? -1 : x->seed > y->seed;
	if (!c)
		c = x->via == y->via ? 0 : x->via == UINT32_MAX ? -1 :
		    y->via == UINT32_MAX ? 1 :
		    st_cmp(x->via, y->via);
	if (!c)
		c = x->many - y->many;
	return c;
}

/* Seeds in one order whatever order the threads told them in: by their
 * strings, then place, then how many run. */
static int seed_cmp(const void *a, const void *b)
{
	const struct seed *x = a, *y = b;
	int c = st_cmp(x->dir, y->dir);

	if (!c)
		c = st_cmp(x->name, y->name);
	if (!c)
		c = st_cmp(x->path, y->path);
	if (!c)
		c = x->line < y->line ? -1 : x->line > y->line;
	if (!c)
		c = x->col < y->col ? -1 : x->col > y->col;
	if (!c)
		c = st_cmp(x->why, y->why);
	if (!c)
		c = x->many - y->many;
	if (!c)
		c = x->go.line < y->go.line ? -1 : x->go.line > y->go.line;
	return c;
}

/* Carries each seed (a call a goroutine makes into another package) on
 * through the exported functions the callee's code calls in turn: the
 * same goroutine runs them.  Breadth first, four hops at most; a
 * function is reached at most MODULE_ENTRIES_PER_FUNC times (by distinct
 * seeds), and again when a later seed runs several at once. */
#define MODULE_HOPS 4
/* *dirs (nd of them, sorted) and the packages module_xlock() judges
 * again, sorted, each once: their number. */
static size_t add_xlock_dirs(struct module *m, char ***dirs, size_t nd)
{
	char **xd, **out;
	size_t nx = xlocks_dirs(m->xl, &xd), i = 0, k = 0, n = 0;

	if (!nx)
		return nd;
	out = xmalloc((nd + nx) * sizeof(*out));
	while (i < nd || k < nx) {
		int c = i == nd ? 1 : k == nx ? -1 : strcmp((*dirs)[i], xd[k]);

		if (c <= 0)
			out[n++] = (*dirs)[i++];
		else
			out[n++] = xd[k];
		if (c >= 0)
			k++;
	}
	free(*dirs);
	*dirs = out;
	return n;
}

size_t module_plan(struct module *m, char ***dirs)
{
	struct reach *q = NULL;
	size_t nq = 0, aq = 0, head, i, k, nd = 0, ad = 0;
	uint32_t *count = NULL;

	*dirs = NULL;
	m->rerun = 1;
	xlocks_plan(m->xl);
	if (!m->nseeds)
		return add_xlock_dirs(m, dirs, 0);
	sort_st = &m->st;
	qsort(m->seeds, m->nseeds, sizeof(*m->seeds), seed_cmp);
	if (m->nedges)
		qsort(m->edges, m->nedges, sizeof(*m->edges), edge_cmp);
	if (m->ncand)
		qsort(m->cand, m->ncand, sizeof(*m->cand), cand_cmp);
	/* count[id * 2 + many]: times a (dir, name) by its name id was
	 * reached; names collide across dirs, which only stops early */
	count = xcalloc(m->st.n * 3 + 3, sizeof(*count));
	for (i = 0; i < m->nseeds; i++) {
		ARRAY_GROW(q, nq + 1, aq);
		q[nq].dir = m->seeds[i].dir;
		q[nq].name = m->seeds[i].name;
		q[nq].seed = (int)i;
		q[nq].many = m->seeds[i].many;
		q[nq].hops = 0;
		q[nq++].via = UINT32_MAX;
	}
	for (head = 0; head < nq && nq < 200000; head++) {
		struct reach r = q[head];

		if (r.hops >= MODULE_HOPS)
			continue;
		for (k = edges_from(m, r.dir, r.name); k < m->nedges &&
		     m->edges[k].d0 == r.dir && m->edges[k].n0 == r.name; k++) {
			const struct edge *g = &m->edges[k];
			uint32_t *c = &count[g->n1 * 3 + r.many];

			if (g->d1 == r.dir && g->n1 == r.name)
				continue;
			if (*c >= MODULE_ENTRIES_PER_FUNC * 4)
				continue;
			(*c)++;
			ARRAY_GROW(q, nq + 1, aq);
			q[nq].dir = g->d1;
			q[nq].name = g->n1;
			q[nq].seed = r.seed;
			q[nq].many = r.many;
			q[nq].hops = (unsigned char)(r.hops + 1);
			/* the first hop: what the seed's site calls */
			q[nq++].via = r.via == UINT32_MAX ? r.name : r.via;
		}
	}
	free(count);
	/* what goroutines reach, for module_resolve() */
	m->reached = xmalloc((nq ? nq : 1) * sizeof(*m->reached));
	for (i = 0; i < nq; i++) {
		const char *nm = m->st.s[q[i].name];

		m->reached[i] = (uint64_t)q[i].dir << 32 |
				intern(&m->st, nm + (nm[0] == '.'));
	}
	qsort(m->reached, nq, sizeof(*m->reached), u64_cmp);
	for (i = k = 0; i < nq; i++)
		if (!k || m->reached[k - 1] != m->reached[i])
			m->reached[k++] = m->reached[i];
	m->nreached = k;
	/* keep what reaches a candidate: a few calling sites for each
	 * (loose seeds start nothing) */
	for (i = k = 0; i < nq; i++)
		if (q[i].many != 2)
			q[k++] = q[i];
	nq = k;
	sort_st = &m->st;
	sort_seeds = m->seeds;
	if (nq)
		qsort(q, nq, sizeof(*q), reach_cmp);
	m->ent = xcalloc(nq ? nq : 1, sizeof(*m->ent));
	for (i = 0; i < nq; i = k) {
		struct cand key = { q[i].dir, q[i].name };
		size_t kept = 0, j;

		for (k = i + 1; k < nq && q[k].dir == q[i].dir &&
		     q[k].name == q[i].name; k++)
			;
		if (!m->ncand || !bsearch(&key, m->cand, m->ncand,
					  sizeof(*m->cand), cand_cmp))
			continue;
		for (j = i; j < k && kept < MODULE_ENTRIES_PER_FUNC; j++) {
			const struct seed *sd = &m->seeds[q[j].seed];
			struct module_entry *e = &m->ent[m->nent];

			if ((j > i && q[j].seed == q[j - 1].seed) ||
			    q[j].many == 2)
				continue;	/* loose: not a root to start */
			e->dir = m->st.s[q[j].dir];
			e->name = m->st.s[q[j].name];
			e->path = m->st.s[sd->path];
			e->why = m->st.s[sd->why];
			e->via = q[j].via == UINT32_MAX ? NULL
				 : m->st.s[q[j].via];
			e->line = sd->line;
			e->col = sd->col;
			e->many = q[j].many;
			e->go_path = sd->go.line ? m->st.s[sd->go.path] : NULL;
			e->go_line = sd->go.line;
			e->go_col = sd->go.col;
			e->go_callback = sd->go.callback;
			e->go_sole = sd->go.sole;
			m->nent++;
			kept++;
		}
		if (kept && getenv("MG_XDBG"))
			fprintf(stderr, "xpkg: rerun %s for %s\n", m->st.s[q[i].dir], m->st.s[q[i].name]);
		if (kept && (!nd || strcmp((*dirs)[nd - 1], m->st.s[q[i].dir]))) {
			ARRAY_GROW(*dirs, nd + 1, ad);
			(*dirs)[nd++] = m->st.s[q[i].dir];
		}
	}
	free(q);
	if (getenv("MG_XDBG"))
		fprintf(stderr, "xpkg: %zu seeds %zu edges %zu cands %zu "
			"entries %zu dirs\n", m->nseeds, m->nedges, m->ncand,
			m->nent, nd);
	return add_xlock_dirs(m, dirs, nd);
}

void module_add_xlock(struct module *m, const char *dir, const char *name,
		      const char *locks)
{
	xlocks_add(m->xl, dir, name, locks);
}

void module_add_want(struct module *m, const char *dir, const char *name)
{
	xlocks_want(m->xl, dir, name);
}

const char *module_xlock(const struct module *m, const char *dir,
			 const char *name)
{
	return xlocks_get(m->xl, dir, strlen(dir), name);
}

int module_xlock_dir(const struct module *m, const char *dir)
{
	return xlocks_dir(m->xl, dir);
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
