/* introduced.c - which findings a change introduced (introduced.h)
 *
 * Paths: a finding names its file as seen from where mg-scan ran (or
 * absolutely); the change names files relative to the repository's root.
 * Both are compared as lexically normalized absolute paths, never through
 * the file system, so a file the change deleted still maps.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/scan.h"
#include "engine/suppress.h"
#include "git/gitdiff.h"
#include "git/introduced.h"
#include "git/lineset.h"
#include "stream/rules.h"
#include "util/util.h"

int introduced_parse_mode(const char *s, enum intro_mode *mode, long *context)
{
	char *end;

	if (!strcmp(s, "new"))
		*mode = INTRO_NEW;
	else if (!strcmp(s, "added"))
		*mode = INTRO_ADDED;
	else if (!strcmp(s, "file"))
		*mode = INTRO_FILE;
	else if (!strcmp(s, "all"))
		*mode = INTRO_ALL;
	else if (!strncmp(s, "context=", 8)) {
		*mode = INTRO_CONTEXT;
		*context = strtol(s + 8, &end, 10);
		if (end == s + 8 || *end || *context < 0 || *context > 1000000)
			return -1;
	} else {
		return -1;
	}
	return 0;
}

/* Lexically normalizes an absolute path ("." and ".." resolved, no
 * trailing '/'); a new string. */
static char *norm_abs(const char *path)
{
	struct buf b = BUF_INIT;
	const char *s = path, *e;
	size_t n;

	while (*s) {
		while (*s == '/')
			s++;
		if (!*s)
			break;
		e = strchr(s, '/');
		n = e ? (size_t)(e - s) : strlen(s);
		if (n == 2 && !strncmp(s, "..", 2)) {
			while (b.len && b.p[b.len - 1] != '/')
				b.len--;
			if (b.len)
				b.len--;	/* the '/' itself */
			if (b.p)
				b.p[b.len] = '\0';
		} else if (!(n == 1 && *s == '.')) {
			buf_addc(&b, '/');
			buf_add(&b, s, n);
		}
		s += n;
	}
	if (!b.len)
		buf_addc(&b, '/');
	return buf_detach(&b, NULL);
}

/* Maps a finding's path (relative to the current directory, or absolute) to
 * the root; NULL when it lies outside the root. */
char *introduced_map_path(const char *cwd_abs, const char *root_abs,
			  const char *path)
{
	char *j = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", cwd_abs, path);
	char *a = norm_abs(j), *r = NULL;
	size_t n = strlen(root_abs);

	if (n == 1 && a[1])
		r = xstrdup(a + 1);
	else if (n > 1 && !strncmp(a, root_abs, n) && a[n] == '/' && a[n + 1])
		r = xstrdup(a + n + 1);
	free(j);
	free(a);
	return r;
}

/* A root-relative path as seen from the current directory. */
char *introduced_from_root(const char *cwd_abs, const char *root_abs,
			   const char *rp)
{
	struct buf b = BUF_INIT;
	char *j = *rp ? xasprintf("%s/%s", root_abs, rp) : xstrdup(root_abs);
	char *t = norm_abs(j);
	size_t i = 0, common = 0;
	const char *s;

	/* the longest common run of whole components */
	while (cwd_abs[i] && cwd_abs[i] == t[i]) {
		i++;
		if (cwd_abs[i] == '/' || !cwd_abs[i])
			if (t[i] == '/' || !t[i])
				common = i;
	}
	if (!strcmp(cwd_abs, "/"))
		common = 0;
	for (s = cwd_abs + common; *s && cwd_abs[1]; s++)
		if (*s == '/')
			buf_adds(&b, "../");
	s = t + common;
	while (*s == '/')
		s++;
	buf_adds(&b, s);
	if (!b.len)
		buf_addc(&b, '.');
	else if (b.p[b.len - 1] == '/')
		b.p[--b.len] = '\0';
	free(j);
	free(t);
	return buf_detach(&b, NULL);
}

/* The directory part of a path, "" for none (a new string). */
static char *dir_of(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? xstrndup(p, (size_t)(s - p)) : xstrdup("");
}

static const char *base_of(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static char *join(const char *dir, const char *name)
{
	return *dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
}

static int is_go(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcmp(name + n - 3, ".go");
}

/* The directories of changed packages: of changed, deleted and renamed-away
 * .go files.  A set (lineset used for its names). */
static struct lineset *changed_dirs(const struct lineset *ls)
{
	struct lineset *d = lineset_new();
	const char *const *v;
	size_t n, i;
	char *s;

	v = lineset_files(ls, &n);
	for (i = 0; i < n; i++) {
		const char *old = lineset_old_path(ls, v[i]);

		if (!is_go(v[i]) && !is_go(old))
			continue;
		lineset_add_file(d, s = dir_of(v[i]), NULL);
		free(s);
		lineset_add_file(d, s = dir_of(old), NULL);
		free(s);
	}
	v = lineset_deleted(ls, &n);
	for (i = 0; i < n; i++) {
		if (!is_go(v[i]))
			continue;
		lineset_add_file(d, s = dir_of(v[i]), NULL);
		free(s);
	}
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the .go files of directory dir (as seen from here) to v, sorted;
 * names starting with '.' or '_' are skipped as mg-scan skips them. */
static void list_dir(char ***v, size_t *n, size_t *alloc, const char *dir)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *de;
	size_t first = *n;

	if (!d)
		return;		/* the package is gone: nothing to scan */
	while ((de = readdir(d))) {
		struct stat st;
		char *p;

		if (!is_go(de->d_name) || de->d_name[0] == '.' || de->d_name[0] == '_')
			continue;
		p = join(dir, de->d_name);
		if (stat(p, &st) < 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		ARRAY_GROW(*v, *n + 1, *alloc);
		(*v)[(*n)++] = p;
	}
	closedir(d);
	qsort(*v + first, *n - first, sizeof(char *), cmp_str);
}

void introduced_list_files(const struct introduced *c, int packages, char end,
			   FILE *fp)
{
	const struct lineset *ls = c->ls;
	const char *const *v;
	char **out = NULL;
	size_t n, i, nout = 0, aout = 0;

	if (packages) {
		struct lineset *dirs = changed_dirs(ls);

		v = lineset_files(dirs, &n);
		for (i = 0; i < n; i++) {
			char *d = introduced_from_root(c->cwd_abs, c->root_abs, v[i]);

			list_dir(&out, &nout, &aout, strcmp(d, ".") ? d : "");
			free(d);
		}
		lineset_free(dirs);
	} else {
		v = lineset_files(ls, &n);
		for (i = 0; i < n; i++) {
			if (!is_go(v[i]))
				continue;
			ARRAY_GROW(out, nout + 1, aout);
			out[nout++] = introduced_from_root(c->cwd_abs, c->root_abs, v[i]);
		}
	}
	if (nout)
		qsort(out, nout, sizeof(char *), cmp_str);
	for (i = 0; i < nout; i++) {
		if (end != '\0' && strchr(out[i], '\n'))
			mg_warn("%s: name holds a newline: use -0", out[i]);
		fputs(out[i], fp);
		putc(end, fp);
		free(out[i]);
	}
	free(out);
}

/* Is a line of the finding, or of its evidence, added? */
static int on_added(const struct introduced *c, const struct intro_finding *it,
		    int evidence)
{
	size_t i;
	int hit;

	if (lineset_has(c->ls, it->rp, it->line))
		return 1;
	for (i = 0; evidence && i < it->nev; i++) {
		char *ep = introduced_map_path(c->cwd_abs, c->root_abs,
					       it->ev[i].path);

		hit = ep && lineset_has(c->ls, ep, it->ev[i].line);
		free(ep);
		if (hit)
			return 1;
	}
	return 0;
}

/* --mode new: scans the merge-base versions of the changed packages that hold
 * undecided findings, naming each file as mg-scan named the head's files (a
 * renamed file by its new name) so fingerprints compare, and keeps the
 * findings whose fingerprint the merge-base lacks. */
static int judge_new(const struct introduced *c, struct intro_finding *items,
		     size_t n)
{
	struct lineset *forms = lineset_new();	/* root dir -> dir as in findings */
	struct lineset *renamed = lineset_new();	/* old path -> new path */
	struct lineset *bdirs = lineset_new();	/* merge-base dirs to scan */
	struct lineset *fps = lineset_new();	/* merge-base fingerprints */
	const char *const *v;
	size_t nv, i, j;
	struct scan_opts so;
	int rc = -1;

	v = lineset_files(c->ls, &nv);
	for (i = 0; i < nv; i++) {
		const char *old = lineset_old_path(c->ls, v[i]);

		if (old != v[i])
			lineset_add_file(renamed, old, v[i]);
	}
	for (i = 0; i < n; i++) {
		char *d, *fd;

		if (!items[i].check)
			continue;
		d = dir_of(items[i].rp);
		fd = dir_of(items[i].path);
		if (!lineset_has_file(forms, d)) {
			/* lineset_old_path() gives back the path when equal */
			lineset_add_file(forms, d, fd);
			lineset_add_file(bdirs, d, NULL);
		}
		free(d);
		free(fd);
	}
	/* files renamed into a scanned directory come from their old package */
	for (i = 0; i < nv; i++) {
		const char *old = lineset_old_path(c->ls, v[i]);
		char *d = dir_of(v[i]), *od;

		if (old != v[i] && lineset_has_file(forms, d)) {
			lineset_add_file(bdirs, od = dir_of(old), NULL);
			free(od);
		}
		free(d);
	}
	scan_opts_init(&so);
	/* every finding the base has, generated files' too: a superset only
	 * takes more old findings away, whatever mg-scan's options were */
	so.include_generated = 1;
	v = lineset_files(bdirs, &nv);
	for (i = 0; i < nv; i++) {
		struct gitdiff_blob *b = NULL;
		struct scan_file *sf;
		struct finding_list out = FINDING_LIST_INIT;
		char **names;
		size_t nb, nf = 0;

		if (gitdiff_base_dir(c->g, v[i], &b, &nb) < 0)
			goto out;
		sf = xcalloc(nb ? nb : 1, sizeof(*sf));
		names = xcalloc(nb ? nb : 1, sizeof(char *));
		for (j = 0; j < nb; j++) {
			const char *fwd = lineset_old_path(renamed, b[j].path);
			char *d = dir_of(fwd);

			if (memchr(b[j].data, '\0', b[j].len)) {
				free(d);
				continue;	/* binary: mg-scan skips it too */
			}
			names[nf] = lineset_has_file(forms, d)
				? join(lineset_old_path(forms, d), base_of(fwd))
				: xstrdup(fwd);
			sf[nf].path = names[nf];
			sf[nf].data = b[j].data;
			sf[nf].len = b[j].len;
			nf++;
			free(d);
		}
		scan_package(&so, sf, nf, &out);
		for (j = 0; j < out.n; j++)
			if (out.v[j].fingerprint)
				lineset_add_file(fps, out.v[j].fingerprint, NULL);
		finding_list_release(&out);
		for (j = 0; j < nf; j++)
			free(names[j]);
		free(names);
		free(sf);
		gitdiff_blobs_free(b, nb);
	}
	/* no fingerprint: nothing proves the finding old, so it stays */
	for (i = 0; i < n; i++)
		if (items[i].check)
			items[i].keep = !items[i].fingerprint ||
					!lineset_has_file(fps, items[i].fingerprint);
	rc = 0;
out:
	lineset_free(forms);
	lineset_free(renamed);
	lineset_free(bdirs);
	lineset_free(fps);
	return rc;
}

int introduced_filter(const struct introduced *c, struct intro_finding *items,
		      size_t nitems)
{
	struct lineset *dirs = c->mode == INTRO_NEW ? changed_dirs(c->ls) : NULL;
	size_t n;
	int rc = -1, need_scan = 0;

	for (n = 0; n < nitems; n++) {
		struct intro_finding *it = &items[n];

		/* findings come grouped by file: map each path once */
		if (n && items[n - 1].rp && !strcmp(items[n - 1].path, it->path))
			it->rp = xstrdup(items[n - 1].rp);
		else
			it->rp = introduced_map_path(c->cwd_abs, c->root_abs,
						     it->path);
		if (!it->rp) {
			if (!c->keep_unmapped) {
				mg_error("%s:%ld: path is outside the repository "
					 "(%s); run mg-diff where mg-scan ran, "
					 "give --root, or --keep-unmapped",
					 it->path, it->line, c->root_abs);
				goto out;
			}
			mg_warn("%s:%ld: path is outside the repository: kept",
				it->path, it->line);
			it->keep = 1;
			continue;
		}
		switch (c->mode) {
		case INTRO_ALL: it->keep = 1; break;
		case INTRO_FILE: it->keep = lineset_has_file(c->ls, it->rp); break;
		case INTRO_CONTEXT:
			it->keep = lineset_near(c->ls, it->rp, it->line, c->context);
			break;
		case INTRO_ADDED: it->keep = on_added(c, it, 0); break;
		default:
			it->keep = on_added(c, it, 1);
			if (!it->keep) {
				char *d = dir_of(it->rp);

				it->check = lineset_has_file(dirs, d);
				need_scan |= it->check;
				free(d);
			}
			break;
		}
	}
	if (need_scan && judge_new(c, items, n) < 0)
		goto out;
	rc = 0;
out:
	lineset_free(dirs);
	return rc;
}

/* The rule ids of a directive's rule bits, "MG001,MG003"; "" for all. */
static char *rule_names(unsigned bits)
{
	struct buf b = BUF_INIT;
	size_t n = RULE_COUNT, r;
	const struct rule_info *ri = rules_catalogue;

	if (bits == ~0u)
		return xstrdup("");
	for (r = 1; r <= n && r < 32; r++) {
		if (!(bits & (1u << r)))
			continue;
		if (b.len)
			buf_addc(&b, ',');
		buf_adds(&b, ri[r - 1].id);
	}
	return b.p ? buf_detach(&b, NULL) : xstrdup("");
}

/* The suppression directives (//mg:ignore, //nolint: suppress.h) on added
 * lines of the changed Go files, read from the head (with --patch: from the
 * files under --root), into ci with paths as seen from here. */
int introduced_suppressions(const struct introduced *c, struct change_info *ci)
{
	const char *const *v;
	size_t n, i, k, nd;

	v = lineset_files(c->ls, &n);
	for (i = 0; i < n; i++) {
		struct suppress_directive *d;
		char *data = NULL, *p;
		size_t len;
		int r;

		if (!is_go(v[i]))
			continue;
		if (c->g) {
			r = gitdiff_head_file(c->g, v[i], &data, &len);
		} else {
			FILE *fp;

			p = xasprintf("%s/%s", c->root_abs, v[i]);
			r = (fp = fopen(p, "rb")) ? (fclose(fp), mg_read_file(p, &data, &len))
						  : 1;
			free(p);
		}
		if (r < 0)
			return -1;
		if (r > 0)
			continue;	/* gone (--patch of another tree) */
		nd = suppress_directives(data, len, &d);
		for (k = 0; k < nd; k++) {
			char *rules;

			if (!lineset_has(c->ls, v[i], d[k].line))
				continue;
			p = introduced_from_root(c->cwd_abs, c->root_abs, v[i]);
			rules = rule_names(d[k].rules);
			change_info_add(ci, p, d[k].line, rules, d[k].reason);
			free(rules);
			free(p);
		}
		suppress_directives_free(d, nd);
		free(data);
	}
	return 0;
}
