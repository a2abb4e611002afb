/* mg-diff.c - keep the findings that a change introduced */
#define _XOPEN_SOURCE 700	/* realpath() */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "stream/finding.h"
#include "git/gitdiff.h"
#include "git/lineset.h"
#include "git/patch.h"
#include "stream/rawfind.h"
#include "engine/scan.h"
#include "engine/suppress.h"
#include "util/util.h"

static const char usage[] =
	"usage: mg-diff (--base REV|auto [--head REV] | --patch FILE) [options] [FINDINGS...]\n"
	"       mg-diff --list-files [-0] [--packages] (--base REV | --patch FILE)\n"
	"\n"
	"Keep the findings (JSON Lines from mg-scan, standard input by default)\n"
	"that the change introduced.\n"
	"\n"
	"  --base REV       diff from the merge-base of REV and --head; `auto`: the\n"
	"                   CI's target branch (GitHub Actions, GitLab, origin/HEAD)\n"
	"  --head REV       the change's revision (default: the working tree)\n"
	"  --no-merge-base  diff from REV itself, not the merge-base\n"
	"  --no-renames     do not detect renames (a renamed file is all new)\n"
	"  --patch FILE     read a unified diff (`-`: stdin) instead of git\n"
	"  --mode MODE      which findings to keep:\n"
	"                     new        on an added line, with evidence on one, or\n"
	"                                absent from the merge-base's scan (default)\n"
	"                     added      on an added line (default with --patch)\n"
	"                     context=N  within N lines of an added line\n"
	"                     file       in a changed file\n"
	"                     all        every finding (paths are still checked)\n"
	"  --keep-unmapped  keep a finding whose path is outside the repository\n"
	"                   (default: exit 2)\n"
	"  --root DIR       with --base: the repository (default: the one holding\n"
	"                   the current directory); with --patch: the directory the\n"
	"                   diff's paths are relative to (default: .)\n"
	"  --list-files     print the changed .go files (relative to the current\n"
	"                   directory) instead of filtering findings\n"
	"  --packages       with --list-files: every .go file of each changed package\n"
	"  -0               with --list-files: end names with NUL, not newline\n"
	"  --format FMT     json (default: JSON Lines with a trailer) or text\n"
	"  --exit-code      exit 1 when a finding is kept\n"
	"  --no-trailer     accept input without mapguard's trailer record\n"
	"  -v, --verbose    print `kept K of N findings on M changed files` to stderr\n"
	"  -h, --help       show this help\n"
	"  --version        print the version\n"
	"\n"
	"Exit status: 0 ran, 1 findings kept (only with --exit-code), 2 error.\n"
	"\n"
	"Example:\n"
	"  mg-scan --format json . | mg-diff --base origin/main | mg-gate\n";

enum { OPT_BASE = 256, OPT_HEAD, OPT_MERGE_BASE, OPT_NO_MERGE_BASE,
       OPT_NO_RENAMES, OPT_PATCH, OPT_ROOT, OPT_FORMAT, OPT_EXIT_CODE,
       OPT_NO_TRAILER, OPT_VERSION, OPT_MODE, OPT_KEEP_UNMAPPED,
       OPT_LIST_FILES, OPT_PACKAGES };

static const struct option longopts[] = {
	{ "base", required_argument, NULL, OPT_BASE },
	{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "head", required_argument, NULL, OPT_HEAD },
	{ "help", no_argument, NULL, 'h' },
	{ "keep-unmapped", no_argument, NULL, OPT_KEEP_UNMAPPED },
	{ "list-files", no_argument, NULL, OPT_LIST_FILES },
	{ "merge-base", no_argument, NULL, OPT_MERGE_BASE },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "no-merge-base", no_argument, NULL, OPT_NO_MERGE_BASE },
	{ "no-renames", no_argument, NULL, OPT_NO_RENAMES },
	{ "no-trailer", no_argument, NULL, OPT_NO_TRAILER },
	{ "packages", no_argument, NULL, OPT_PACKAGES },
	{ "patch", required_argument, NULL, OPT_PATCH },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "verbose", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

enum mode { MODE_DEFAULT, MODE_NEW, MODE_ADDED, MODE_CONTEXT, MODE_FILE, MODE_ALL };

struct diff_cmd {
	enum mode mode;
	long context;
	int json, exit_code, verbose, keep_unmapped, list_files, packages, nul;
	int flags;		/* rawfind_read(): FINDING_NO_TRAILER */
	const char *patch, *root;
	const struct lineset *ls;
	struct gitdiff *g;	/* NULL with --patch */
	char cwd_abs[PATH_MAX], root_abs[PATH_MAX];
};

static int parse_mode(struct diff_cmd *o, const char *s)
{
	char *end;

	if (!strcmp(s, "new"))
		o->mode = MODE_NEW;
	else if (!strcmp(s, "added"))
		o->mode = MODE_ADDED;
	else if (!strcmp(s, "file"))
		o->mode = MODE_FILE;
	else if (!strcmp(s, "all"))
		o->mode = MODE_ALL;
	else if (!strncmp(s, "context=", 8)) {
		o->mode = MODE_CONTEXT;
		o->context = strtol(s + 8, &end, 10);
		if (end == s + 8 || *end || o->context < 0 || o->context > 1000000)
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
static char *map_path(const char *cwd_abs, const char *root_abs, const char *path)
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
static char *from_cwd(const char *cwd_abs, const char *root_abs, const char *rp)
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

/* --list-files: the changed .go files, or with --packages all .go files of
 * each changed package, relative to the current directory. */
static int list_files(const struct diff_cmd *o)
{
	const struct lineset *ls = o->ls;
	const char *const *v;
	char **out = NULL;
	size_t n, i, nout = 0, aout = 0;
	char end = o->nul ? '\0' : '\n';

	if (o->packages) {
		struct lineset *dirs = changed_dirs(ls);

		v = lineset_files(dirs, &n);
		for (i = 0; i < n; i++) {
			char *d = from_cwd(o->cwd_abs, o->root_abs, v[i]);

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
			out[nout++] = from_cwd(o->cwd_abs, o->root_abs, v[i]);
		}
	}
	if (nout)
		qsort(out, nout, sizeof(char *), cmp_str);
	for (i = 0; i < nout; i++) {
		if (!o->nul && strchr(out[i], '\n'))
			mg_warn("%s: name holds a newline: use -0", out[i]);
		fputs(out[i], stdout);
		putchar(end);
		free(out[i]);
	}
	free(out);
	return MG_EXIT_OK;
}

/* A finding read, with its root-relative path and verdict. */
struct item {
	const struct rawfind *f;
	char *rp;		/* NULL: unmapped */
	int keep;
	int check;		/* --mode new: decided by the merge-base's scan */
};

/* Is a line of the finding, or of its evidence, added? */
static int on_added(const struct diff_cmd *o, const struct item *it, int evidence)
{
	size_t i;
	int hit;

	if (lineset_has(o->ls, it->rp, it->f->line))
		return 1;
	for (i = 0; evidence && i < it->f->nev; i++) {
		char *ep = map_path(o->cwd_abs, o->root_abs, it->f->ev[i].path);

		hit = ep && lineset_has(o->ls, ep, it->f->ev[i].line);
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
static int judge_new(const struct diff_cmd *o, struct item *items, size_t n)
{
	struct lineset *forms = lineset_new();	/* root dir -> dir as in findings */
	struct lineset *renamed = lineset_new();	/* old path -> new path */
	struct lineset *bdirs = lineset_new();	/* merge-base dirs to scan */
	struct lineset *fps = lineset_new();	/* merge-base fingerprints */
	const char *const *v;
	size_t nv, i, j;
	struct scan_opts so;
	int rc = -1;

	v = lineset_files(o->ls, &nv);
	for (i = 0; i < nv; i++) {
		const char *old = lineset_old_path(o->ls, v[i]);

		if (old != v[i])
			lineset_add_file(renamed, old, v[i]);
	}
	for (i = 0; i < n; i++) {
		char *d, *fd;

		if (!items[i].check)
			continue;
		d = dir_of(items[i].rp);
		fd = dir_of(items[i].f->path);
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
		const char *old = lineset_old_path(o->ls, v[i]);
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

		if (gitdiff_base_dir(o->g, v[i], &b, &nb) < 0)
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
			items[i].keep = !items[i].f->fingerprint ||
					!lineset_has_file(fps, items[i].f->fingerprint);
	rc = 0;
out:
	lineset_free(forms);
	lineset_free(renamed);
	lineset_free(bdirs);
	lineset_free(fps);
	return rc;
}

/* Decides which of the findings read to keep.  Returns 0, or -1 after an
 * error. */
static int filter(struct diff_cmd *o, const struct rawfind_set *rs,
		  struct item **out, size_t *nout)
{
	struct item *items = xcalloc(rs->n ? rs->n : 1, sizeof(*items));
	struct lineset *dirs = o->mode == MODE_NEW ? changed_dirs(o->ls) : NULL;
	size_t n;
	int rc = -1, need_scan = 0;

	*out = items;
	for (n = 0; n < rs->n; n++) {
		struct item *it = &items[n];

		it->f = &rs->v[n];
		/* findings come grouped by file: map each path once */
		if (n && items[n - 1].rp && !strcmp(items[n - 1].f->path, it->f->path))
			it->rp = xstrdup(items[n - 1].rp);
		else
			it->rp = map_path(o->cwd_abs, o->root_abs, it->f->path);
		if (!it->rp) {
			if (!o->keep_unmapped) {
				mg_error("%s:%ld: path is outside the repository (%s); run "
					 "mg-diff where mg-scan ran, give --root, or "
					 "--keep-unmapped", it->f->path, it->f->line,
					 o->root_abs);
				goto out;
			}
			mg_warn("%s:%ld: path is outside the repository: kept",
				it->f->path, it->f->line);
			it->keep = 1;
			continue;
		}
		switch (o->mode) {
		case MODE_ALL: it->keep = 1; break;
		case MODE_FILE: it->keep = lineset_has_file(o->ls, it->rp); break;
		case MODE_CONTEXT:
			it->keep = lineset_near(o->ls, it->rp, it->f->line, o->context);
			break;
		case MODE_ADDED: it->keep = on_added(o, it, 0); break;
		default:
			it->keep = on_added(o, it, 1);
			if (!it->keep) {
				char *d = dir_of(it->rp);

				it->check = lineset_has_file(dirs, d);
				need_scan |= it->check;
				free(d);
			}
			break;
		}
	}
	if (need_scan && judge_new(o, items, n) < 0)
		goto out;
	rc = 0;
out:
	lineset_free(dirs);
	*nout = n;
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
static int added_suppressions(const struct diff_cmd *o, struct change_info *ci)
{
	const char *const *v;
	size_t n, i, k, nd;

	v = lineset_files(o->ls, &n);
	for (i = 0; i < n; i++) {
		struct suppress_directive *d;
		char *data = NULL, *p;
		size_t len;
		int r;

		if (!is_go(v[i]))
			continue;
		if (o->g) {
			r = gitdiff_head_file(o->g, v[i], &data, &len);
		} else {
			FILE *fp;

			p = xasprintf("%s/%s", o->root_abs, v[i]);
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

			if (!lineset_has(o->ls, v[i], d[k].line))
				continue;
			p = from_cwd(o->cwd_abs, o->root_abs, v[i]);
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

/* Computing the change (libgit2 or the patch) runs in a thread while the
 * findings are read: on a large diff and a large stream the two take about
 * as long.  Only this thread may print errors meanwhile (rawfind_read() keeps
 * its error for later). */
struct change_job {
	struct diff_cmd *o;
	const struct gitdiff_opts *go;
	struct lineset *patched;
	int rc;
};

static void *compute_change(void *arg)
{
	struct change_job *j = arg;

	j->rc = j->o->patch ? patch_added_lines(&j->patched, j->o->patch)
			    : gitdiff_open(&j->o->g, j->go);
	return NULL;
}

/* Do the findings come from standard input? */
static int findings_on_stdin(char *const *paths)
{
	size_t i;

	if (!paths[0])
		return 1;
	for (i = 0; paths[i]; i++)
		if (!strcmp(paths[i], "-"))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	struct diff_cmd o = { 0 };
	struct gitdiff_opts go = { ".", NULL, NULL, 0, 0 };
	struct lineset *patched = NULL;
	struct rawfind_set rs = RAWFIND_SET_INIT;
	struct change_job job = { NULL, NULL, NULL, -1 };
	pthread_t th;
	struct item *items = NULL;
	struct change_info ci = { 0 };
	char *auto_base = NULL;
	size_t nitems = 0, i;
	int c, rc = MG_EXIT_ERROR, read_ok = 0, read_tried = 0, rr = 0;
	long kept = 0;

	mg_start("mg-diff");
	o.json = 1;
	while ((c = getopt_long(argc, argv, "0hv", longopts, NULL)) != -1) {
		switch (c) {
		case '0': o.nul = 1; break;
		case OPT_BASE: go.base = optarg; break;
		case OPT_HEAD: go.head = optarg; break;
		case OPT_MERGE_BASE: go.no_merge_base = 0; break;
		case OPT_NO_MERGE_BASE: go.no_merge_base = 1; break;
		case OPT_NO_RENAMES: go.no_renames = 1; break;
		case OPT_PATCH: o.patch = optarg; break;
		case OPT_ROOT: o.root = optarg; break;
		case OPT_MODE:
			if (parse_mode(&o, optarg) < 0)
				return mg_usage(usage, "unknown mode '%s' (new, added, "
						"context=N, file or all)", optarg);
			break;
		case OPT_KEEP_UNMAPPED: o.keep_unmapped = 1; break;
		case OPT_LIST_FILES: o.list_files = 1; break;
		case OPT_PACKAGES: o.packages = 1; break;
		case OPT_FORMAT:
			if (!strcmp(optarg, "text"))
				o.json = 0;
			else if (strcmp(optarg, "json"))
				return mg_usage(usage, "unknown format '%s' (json or text)",
						optarg);
			break;
		case OPT_EXIT_CODE: o.exit_code = 1; break;
		case OPT_NO_TRAILER: o.flags |= FINDING_NO_TRAILER; break;
		case 'v': o.verbose = 1; break;
		case OPT_VERSION: printf("mg-diff %s\n", MG_VERSION); return 0;
		case 'h': fputs(usage, stdout); return mg_exit(MG_EXIT_OK);
		default: return mg_usage(usage, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (!go.base == !o.patch)
		return mg_usage(usage, "give one of --base and --patch");
	if (o.patch && (go.head || go.no_merge_base))
		return mg_usage(usage, "--head and --no-merge-base go with --base");
	if (o.patch && o.mode == MODE_NEW)
		return mg_usage(usage, "--mode new reads the merge-base from git: "
				"use --base, or --mode added with --patch");
	if ((o.packages || o.nul) && !o.list_files)
		return mg_usage(usage, "--packages and -0 go with --list-files");
	if (o.list_files && optind < argc)
		return mg_usage(usage, "--list-files reads no findings");
	if (o.patch && !strcmp(o.patch, "-") && !o.list_files &&
	    findings_on_stdin(argv + optind))
		return mg_usage(usage, "--patch - and the findings cannot both come "
				"from standard input");
	if (o.mode == MODE_DEFAULT)
		o.mode = o.patch ? MODE_ADDED : MODE_NEW;
	if (go.base && !strcmp(go.base, "auto")) {
		const char *why = NULL;

		if (!(auto_base = gitdiff_auto_base(&why)))
			goto out;
		fprintf(stderr, "mg-diff: --base auto: %s (%s)\n", auto_base, why);
		go.base = auto_base;
	}
	if (!o.patch && o.root)
		go.dir = o.root;
	job.o = &o;
	job.go = &go;
	if (o.list_files || pthread_create(&th, NULL, compute_change, &job)) {
		compute_change(&job);
	} else {
		rr = rawfind_read(&rs, argv + optind, o.flags);
		pthread_join(th, NULL);
		read_tried = 1;
	}
	patched = job.patched;
	if (job.rc < 0)
		goto out;
	if (o.patch) {
		o.ls = patched;
		if (!o.root)
			o.root = ".";
	} else {
		o.ls = gitdiff_lines(o.g);
		o.root = gitdiff_workdir(o.g);
	}
	if (!realpath(o.root, o.root_abs) || !realpath(".", o.cwd_abs)) {
		mg_error("%s: cannot resolve directory", o.root);
		goto out;
	}
	if (o.list_files) {
		rc = list_files(&o);
		goto out;
	}
	if (!read_tried)
		rr = rawfind_read(&rs, argv + optind, o.flags);
	if (rr < 0) {
		mg_error("%s", rs.error);
		goto out;
	}
	if (filter(&o, &rs, &items, &nitems) < 0 ||
	    added_suppressions(&o, &ci) < 0)
		goto out;
	if (o.g)
		ci.base = xstrdup(gitdiff_base_id(o.g));
	read_ok = 1;
	for (i = 0; i < nitems; i++) {
		const struct rawfind *f = items[i].f;

		if (!items[i].keep)
			continue;
		kept++;
		if (o.json) {
			/* passed on unchanged, byte for byte */
			fwrite(f->bytes, 1, f->len, stdout);
			putchar('\n');
		} else {
			char *msg = rawfind_str(f, "message");
			char *rule = rawfind_str(f, "rule");

			/* hostile paths and messages: one line, no "::" command */
			mg_put_text(stdout, f->path, MG_TEXT_LEAD);
			printf(":%ld:%ld: ", f->line, rawfind_int(f, "column"));
			mg_put_text(stdout, msg ? msg : "", 0);
			fputs(" (", stdout);
			mg_put_text(stdout, rule ? rule : "", 0);
			fputs(")\n", stdout);
			free(msg);
			free(rule);
		}
	}
	rc = o.exit_code && kept ? MG_EXIT_FOUND : MG_EXIT_OK;
out:
	if (o.json && !o.list_files) {
		struct trailer t = { "mg-diff", read_ok ? "ok" : "error",
				     rs.files,
				     read_ok ? kept : 0, NULL };

		finding_write_trailer_info(stdout, &t, read_ok ? &ci : NULL);
	}
	if (o.verbose && o.ls && read_ok) {
		size_t nfiles;

		lineset_files(o.ls, &nfiles);
		fprintf(stderr, "mg-diff: kept %ld of %zu findings on %zu changed files\n",
			kept, nitems, nfiles);
	}
	for (i = 0; i < nitems; i++)
		free(items[i].rp);
	free(items);
	rawfind_release(&rs);
	change_info_release(&ci);
	lineset_free(patched);
	gitdiff_free(o.g);
	free(auto_base);
	return mg_exit(rc);
}
