/* files.c - file discovery and grouping into packages (see files.h) */
#define _DEFAULT_SOURCE	/* DT_DIR, DT_REG: skip the lstat() when readdir knows */
#include "engine/files.h"
#include "util/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct flist {
	char **v;
	size_t n, alloc;
};

static void add(struct flist *l, char *path)
{
	ARRAY_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = path;
}

char *files_clean_path(const char *p)
{
	struct buf b = BUF_INIT;
	const char *s = p;
	int abs = *p == '/';

	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n && !(n == 1 && s[0] == '.')) {
			if (b.len || abs)
				buf_addc(&b, '/');
			buf_add(&b, s, n);
		}
		s += n;
		while (*s == '/')
			s++;
	}
	if (!b.len)
		buf_adds(&b, abs ? "/" : ".");
	return buf_detach(&b, NULL);
}

static char *join(const char *dir, const char *name)
{
	if (!strcmp(dir, "."))
		return xstrdup(name);
	if (!strcmp(dir, "/"))
		return xasprintf("/%s", name);
	return xasprintf("%s/%s", dir, name);
}

static int is_go(const char *name, const struct files_opts *o)
{
	size_t n = strlen(name);

	if (n < 4 || strcmp(name + n - 3, ".go") || name[0] == '.' ||
	    name[0] == '_')
		return 0;
	return !(o->no_tests && n >= 8 && !strcmp(name + n - 8, "_test.go"));
}

static int skip_dir(const char *name)
{
	return name[0] == '.' || name[0] == '_' || !strcmp(name, "vendor") ||
	       !strcmp(name, "testdata");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks dir iteratively (a work list, not recursion: deep trees are fine). */
static int files_dir(struct flist *out, const char *root, const struct files_opts *o)
{
	struct flist todo = { 0 };
	int errors = 0;

	add(&todo, xstrdup(root));
	while (todo.n) {
		char *dir = todo.v[--todo.n];
		DIR *d = opendir(dir);
		struct dirent *de;
		struct flist subs = { 0 };
		size_t i;

		if (!d) {
			errors++;
			mg_error("%s: cannot read directory: %s", dir, strerror(errno));
			free(dir);
			continue;
		}
		while ((de = readdir(d))) {
			struct stat st;
			char *p;

			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			if (de->d_type == DT_REG || de->d_type == DT_DIR) {
				if (de->d_type == DT_REG ? !is_go(de->d_name, o)
							 : skip_dir(de->d_name))
					continue;
				p = join(dir, de->d_name);
				add(de->d_type == DT_DIR ? &subs : out, p);
				continue;
			}
			p = join(dir, de->d_name);
			if (lstat(p, &st) < 0) {
				errors++;
				mg_error("%s: cannot stat: %s", p, strerror(errno));
				free(p);
				continue;
			}
			if (S_ISDIR(st.st_mode) && !skip_dir(de->d_name)) {
				add(&subs, p);
				continue;
			}
			if (S_ISLNK(st.st_mode) && is_go(de->d_name, o) &&
			    stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
				add(out, p);
				continue;
			}
			if (S_ISREG(st.st_mode) && is_go(de->d_name, o)) {
				add(out, p);
				continue;
			}
			free(p);
		}
		closedir(d);
		/* push in reverse so subdirectories come out in name order */
		if (subs.n)
			qsort(subs.v, subs.n, sizeof(char *), cmp_str);
		for (i = subs.n; i-- > 0;)
			add(&todo, subs.v[i]);
		free(subs.v);
		free(dir);
	}
	free(todo.v);
	return errors;
}

/* Orders by directory, then file name, so a package's files are adjacent. */
static int cmp_path(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	const char *sx = strrchr(x, '/'), *sy = strrchr(y, '/');
	size_t dx = sx ? (size_t)(sx - x) : 0, dy = sy ? (size_t)(sy - y) : 0;
	int c = strncmp(x, y, dx < dy ? dx : dy);

	if (c)
		return c;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(x, y);
}

static char *dir_of(const char *path)
{
	const char *sl = strrchr(path, '/');

	if (!sl)
		return xstrdup(".");
	if (sl == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(sl - path));
}

static void pkg_free(struct files_pkg *p)
{
	size_t j;

	for (j = 0; j < p->n; j++)
		free(p->files[j]);
	free(p->files);
	free(p->dir);
}

unsigned files_shard_of(const char *dir, unsigned n)
{
	return (unsigned)(mg_hash(MG_HASH_SEED, dir, strlen(dir)) % n) + 1;
}

/* Drops the packages of other shards (whole packages: never split). */
static void keep_shard(struct files_result *r, unsigned k, unsigned n)
{
	size_t i, kept = 0;

	r->nfiles = 0;
	for (i = 0; i < r->n; i++) {
		if (files_shard_of(r->pkgs[i].dir, n) != k) {
			pkg_free(&r->pkgs[i]);
			continue;
		}
		r->nfiles += r->pkgs[i].n;
		r->pkgs[kept++] = r->pkgs[i];
	}
	r->n = kept;
}

static int parse_uint(const char *s, const char *end, unsigned *v)
{
	unsigned long x = 0;

	if (s == end || end - s > 9)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		x = x * 10 + (unsigned long)(*s - '0');
	}
	*v = (unsigned)x;
	return 0;
}

int files_parse_shard(const char *s, unsigned *k, unsigned *n)
{
	const char *sl = strchr(s, '/');

	if (!sl || parse_uint(s, sl, k) < 0 ||
	    parse_uint(sl + 1, sl + strlen(sl), n) < 0 || *k < 1 || *n < 1 ||
	    *k > *n || *n > FILES_MAX_SHARDS)
		return -1;
	return 0;
}

int files_collect(struct files_result *r, char *const *args, size_t nargs,
		 const struct files_opts *o)
{
	struct flist files = { 0 };
	int errors = 0;
	size_t i;

	for (i = 0; i < nargs; i++) {
		char *a = files_clean_path(args[i]);
		size_t n = strlen(a);
		struct stat st;

		if (n >= 3 && !strcmp(a + n - 3, "...") &&
		    (n == 3 || a[n - 4] == '/')) {
			char *d = n == 3 ? xstrdup(".") : xstrndup(a, n - 4);

			free(a);
			a = files_clean_path(*d ? d : ".");
			free(d);
		}
		if (stat(a, &st) < 0) {
			errors++;
			mg_error("%s: cannot open: %s", a, strerror(errno));
			free(a);
		} else if (S_ISDIR(st.st_mode)) {
			errors += files_dir(&files, a, o);
			free(a);
		} else {
			add(&files, a);
		}
	}
	if (o->exclude) {
		size_t k = 0;

		for (i = 0; i < files.n; i++) {
			if (o->exclude(o->exclude_arg, files.v[i]))
				free(files.v[i]);
			else
				files.v[k++] = files.v[i];
		}
		files.n = k;
	}
	if (files.n)
		qsort(files.v, files.n, sizeof(char *), cmp_path);
	for (i = 0; i < files.n; i++) {
		char *d;
		struct files_pkg *p;

		if (i && !strcmp(files.v[i], files.v[i - 1])) {
			free(files.v[i]);
			continue;
		}
		d = dir_of(files.v[i]);
		p = r->n ? &r->pkgs[r->n - 1] : NULL;
		if (!p || strcmp(p->dir, d)) {
			ARRAY_GROW(r->pkgs, r->n + 1, r->alloc);
			p = &r->pkgs[r->n++];
			memset(p, 0, sizeof(*p));
			p->dir = d;
		} else {
			free(d);
		}
		ARRAY_GROW(p->files, p->n + 1, p->alloc);
		p->files[p->n++] = files.v[i];
		r->nfiles++;
	}
	free(files.v);
	if (o->shard_n)
		keep_shard(r, o->shard_k, o->shard_n);
	return errors;
}

void files_release(struct files_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		pkg_free(&r->pkgs[i]);
	free(r->pkgs);
	memset(r, 0, sizeof(*r));
}

int files_shard_auto(unsigned *k, unsigned *n)
{
	static const char *const vars[][2] = {
		{ "CI_NODE_INDEX", "CI_NODE_TOTAL" },
		{ "MAPGUARD_SHARD", "MAPGUARD_SHARDS" },
	};
	size_t i;

	for (i = 0; i < 2; i++) {
		const char *a = getenv(vars[i][0]), *b = getenv(vars[i][1]);
		char *s;
		int r;

		if (!a || !b || !*a || !*b)
			continue;
		s = xasprintf("%s/%s", a, b);
		r = files_parse_shard(s, k, n);
		free(s);
		if (r < 0)
			return mg_error("--shard auto: %s=%s, %s=%s: want 1 <= %s <= "
					"%s <= %d", vars[i][0], a, vars[i][1], b,
					vars[i][0], vars[i][1], FILES_MAX_SHARDS);
		return 0;
	}
	return mg_error("--shard auto: set CI_NODE_INDEX and CI_NODE_TOTAL "
			"(GitLab parallel:) or MAPGUARD_SHARD and MAPGUARD_SHARDS");
}

static int has_gomod(const char *dir)
{
	struct stat st;
	char *p = xasprintf("%s/go.mod", dir);
	int r = !stat(p, &st) && S_ISREG(st.st_mode);

	free(p);
	return r;
}

int files_cover_module(char *const *args, size_t nargs)
{
	size_t i;

	for (i = 0; i < nargs; i++) {
		char *d = xstrdup(args[i]);
		size_t n = strlen(d);
		struct stat st;
		int ok;

		if (n >= 4 && !strcmp(d + n - 4, "/..."))
			d[n - 4] = '\0';
		else if (!strcmp(d, "..."))
			d[0] = '.', d[1] = '\0';
		ok = !stat(d, &st) && S_ISDIR(st.st_mode) && has_gomod(d);
		free(d);
		if (!ok)
			return 0;
	}
	return nargs > 0;
}
