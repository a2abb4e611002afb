/* module_xlock.c - the locks callers in other packages hold (module.h)
 *
 * Owns: the module phase's table of calls into each package's exported
 * functions with the locks held at the call, in names that mean the same
 * thing in both packages ("^Mu" the callee's receiver's field Mu, "^" the
 * receiver's own Lock, "=Mu" the callee package's variable Mu); their
 * intersection over every call of the module; the names some code may
 * reach without a call we see (a method value, a file whose bodies are
 * not walked), for which nothing holds; and which packages to judge again
 * because a function of theirs that touches a map runs under such a lock.
 * Not: what a lock is in the caller (scope.c, xpkg.c) or in the callee
 * (judge_entry.c).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "util/util.h"

struct xl_ent {
	char *key;		/* "dir\nName" (dir "*" for ".Name") */
	char *locks;		/* the intersection so far */
	unsigned char want;	/* its package wants it (module_add_want) */
};

struct xlocks {
	pthread_mutex_t lock;
	struct xl_ent *v;	/* open addressing, cap a power of two */
	size_t n, cap;
	char **blind;		/* names without '.', open addressing */
	size_t nblind, cblind;
	char **dirs;		/* after xlocks_plan(): sorted */
	size_t ndirs;
	int planned;
	char **dots;		/* last elements of the import paths some
				 * file imports with `.`: its calls of their
				 * functions name no package, so nothing is
				 * known of those packages' functions */
	size_t ndots, adots;
};

static size_t hash_str(const char *s, size_t n)
{
	return (size_t)mg_hash(0x51ed270b27a4a4c9ULL, s, n);
}

struct xlocks *xlocks_new(void)
{
	struct xlocks *x = xcalloc(1, sizeof(*x));

	pthread_mutex_init(&x->lock, NULL);
	return x;
}

void xlocks_free(struct xlocks *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; i < x->cap; i++) {
		free(x->v[i].key);
		free(x->v[i].locks);
	}
	for (i = 0; i < x->cblind; i++)
		free(x->blind[i]);
	for (i = 0; i < x->ndots; i++)
		free(x->dots[i]);
	for (i = 0; i < x->ndirs; i++)
		free(x->dirs[i]);
	free(x->dots);
	free(x->v);
	free(x->blind);
	free(x->dirs);
	pthread_mutex_destroy(&x->lock);
	free(x);
}

/* The slot of key (present or where it goes); the table has room. */
static struct xl_ent *ent_slot(const struct xlocks *x, const char *key)
{
	size_t i;

	if (!x->cap)
		return NULL;
	i = hash_str(key, strlen(key)) & (x->cap - 1);
	while (x->v[i].key && strcmp(x->v[i].key, key))
		i = (i + 1) & (x->cap - 1);
	return &x->v[i];
}

static struct xl_ent *ent_add(struct xlocks *x, const char *key)
{
	struct xl_ent *e;

	if ((x->n + 1) * 2 > x->cap) {
		struct xl_ent *old = x->v;
		size_t oc = x->cap, k;

		x->cap = oc ? oc * 2 : 256;
		x->v = xcalloc(x->cap, sizeof(*x->v));
		for (k = 0; k < oc; k++)
			if (old[k].key)
				*ent_slot(x, old[k].key) = old[k];
		free(old);
	}
	e = ent_slot(x, key);
	if (!e->key) {
		e->key = xstrdup(key);
		x->n++;
	}
	return e;
}

/* Is token t[0..n) one of list's '\n'-separated tokens? */
static int has_token(const char *list, const char *t, size_t n)
{
	const char *s = list, *e;

	for (; *s; s = *e ? e + 1 : e) {
		e = strchr(s, '\n');
		if (!e)
			e = s + strlen(s);
		if ((size_t)(e - s) == n && !memcmp(s, t, n))
			return 1;
		if (!*e)
			break;
	}
	return 0;
}

/* *acc becomes the tokens of *acc that locks has too. */
static void meet(char **acc, const char *locks)
{
	char *s = *acc, *o = *acc, *e;

	while (*s) {
		size_t n;

		e = strchr(s, '\n');
		n = e ? (size_t)(e - s) : strlen(s);
		if (has_token(locks, s, n)) {
			if (o != *acc)
				*o++ = '\n';
			memmove(o, s, n);
			o += n;
		}
		s += n + (e != NULL);
	}
	*o = '\0';
}

static char *key_of(const char *dir, const char *name)
{
	return xasprintf("%s\n%s", name[0] == '.' ? "*" : dir, name);
}

void xlocks_add(struct xlocks *x, const char *dir, const char *name,
		const char *locks)
{
	char *key = key_of(dir, name);
	struct xl_ent *e;

	pthread_mutex_lock(&x->lock);
	if (!x->planned) {
		e = ent_add(x, key);
		if (!e->locks)
			e->locks = xstrdup(locks);
		else
			meet(&e->locks, locks);
	}
	pthread_mutex_unlock(&x->lock);
	free(key);
}

void xlocks_want(struct xlocks *x, const char *dir, const char *name)
{
	char *key = xasprintf("%s\n%s", dir, name);

	pthread_mutex_lock(&x->lock);
	if (!x->planned)
		ent_add(x, key)->want = 1;
	pthread_mutex_unlock(&x->lock);
	free(key);
}

static char **blind_slot(const struct xlocks *x, const char *s, size_t n)
{
	size_t i;

	if (!x->cblind)
		return NULL;
	i = hash_str(s, n) & (x->cblind - 1);
	while (x->blind[i] && (strncmp(x->blind[i], s, n) || x->blind[i][n]))
		i = (i + 1) & (x->cblind - 1);
	return &x->blind[i];
}

static void blind_add(struct xlocks *x, const char *s, size_t n)
{
	char **b;

	if ((x->nblind + 1) * 2 > x->cblind) {
		char **old = x->blind;
		size_t oc = x->cblind, k;

		x->cblind = oc ? oc * 2 : 1024;
		x->blind = xcalloc(x->cblind, sizeof(*x->blind));
		for (k = 0; k < oc; k++)
			if (old[k])
				*blind_slot(x, old[k], strlen(old[k])) = old[k];
		free(old);
	}
	b = blind_slot(x, s, n);
	if (!*b) {
		*b = xmalloc(n + 1);
		memcpy(*b, s, n);
		(*b)[n] = '\0';
		x->nblind++;
	}
}

/* The packages src imports as `.` (import . "path"): the last element
 * of each path into x->dots (x locked).  Only a filter: a string or a
 * comment that looks so counts too. */
static void dot_imports(struct xlocks *x, const char *src, size_t len)
{
	const char *p = src, *end = src + len, *b, *q, *e;

	while ((p = memchr(p, '.', (size_t)(end - p)))) {
		b = p++;
		if (end - p < 2 || p[0] != ' ' || p[1] != '"')
			continue;
		while (b > src && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (!(b == src || b[-1] == '\n' || b[-1] == '(' ||
		      (b - src >= 6 && !memcmp(b - 6, "import", 6))))
			continue;
		q = p + 2;
		e = memchr(q, '"', (size_t)(end - q));
		if (!e || e - q > 512)
			continue;
		for (b = e; b > q && b[-1] != '/'; b--)
			;
		ARRAY_GROW(x->dots, x->ndots + 1, x->adots);
		x->dots[x->ndots++] = xasprintf("%.*s", (int)(e - b), b);
	}
}

/* Is dir[0..dlen)'s last element one of x->dots? */
static int dot_imported(const struct xlocks *x, const char *dir, size_t dlen)
{
	const char *b = dir + dlen;
	size_t i;

	while (b > dir && b[-1] != '/')
		b--;
	for (i = 0; i < x->ndots; i++)
		if (strlen(x->dots[i]) == (size_t)(dir + dlen - b) &&
		    !memcmp(x->dots[i], b, (size_t)(dir + dlen - b)))
			return 1;
	return 0;
}

void xlocks_blind(struct xlocks *x, const char *const *v, const size_t *nv,
		  size_t n, const char *dsrc, size_t len)
{
	size_t i;

	if (!n && !dsrc)
		return;
	pthread_mutex_lock(&x->lock);
	if (dsrc && !x->planned)
		dot_imports(x, dsrc, len);
	for (i = 0; i < n && !x->planned; i++)
		blind_add(x, v[i], nv[i]);
	pthread_mutex_unlock(&x->lock);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void xlocks_plan(struct xlocks *x)
{
	size_t i, a = 0, k;

	x->planned = 1;
	for (i = 0; i < x->cap; i++) {
		const struct xl_ent *e = &x->v[i];
		const char *nl;

		if (!e->key || !e->want || !(nl = strchr(e->key, '\n')) ||
		    !xlocks_get(x, e->key, (size_t)(nl - e->key), nl + 1))
			continue;
		ARRAY_GROW(x->dirs, x->ndirs + 1, a);
		x->dirs[x->ndirs++] = xasprintf("%.*s", (int)(nl - e->key),
						e->key);
	}
	if (x->ndirs)
		qsort(x->dirs, x->ndirs, sizeof(*x->dirs), str_cmp);
	for (i = k = 0; i < x->ndirs; i++) {
		if (k && !strcmp(x->dirs[k - 1], x->dirs[i])) {
			free(x->dirs[i]);
			continue;
		}
		x->dirs[k++] = x->dirs[i];
	}
	x->ndirs = k;
	if (getenv("MG_XDBG"))
		fprintf(stderr, "xlock: %zu keys %zu blind %zu dirs\n", x->n, x->nblind, x->ndirs);
}

const char *xlocks_get(const struct xlocks *x, const char *dir, size_t dlen,
		       const char *name)
{
	const char *bare = name + (name[0] == '.');
	const struct xl_ent *e;
	char **b = blind_slot(x, bare, strlen(bare));
	char *key;

	if (!x->planned || (b && *b))
		return NULL;
	if (name[0] == '.')
		key = xasprintf("*\n%s", name);
	else if (dlen && !dot_imported(x, dir, dlen))
		key = xasprintf("%.*s\n%s", (int)dlen, dir, name);
	else
		return NULL;
	e = ent_slot(x, key);
	free(key);
	return e && e->key && e->locks && *e->locks ? e->locks : NULL;
}

int xlocks_dir(const struct xlocks *x, const char *dir)
{
	return x->planned && x->ndirs &&
	       bsearch(&dir, x->dirs, x->ndirs, sizeof(*x->dirs), str_cmp);
}

size_t xlocks_dirs(const struct xlocks *x, char ***dirs)
{
	*dirs = x->dirs;
	return x->ndirs;
}
