/* mg-diff.c - keep the findings on lines that a change added */
#define _XOPEN_SOURCE 700	/* realpath() */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "gitdiff.h"
#include "lineset.h"
#include "patch.h"
#include "util.h"
#include "walk.h"

static const char usage[] =
	"usage: mg-diff (--base REV [--head REV] | --patch FILE) [options] [FINDINGS...]\n"
	"\n"
	"Keep the findings (JSON Lines from mg-scan, standard input by default)\n"
	"that lie on lines the change added, or whose evidence does.\n"
	"\n"
	"  --base REV       diff from the merge-base of REV and --head\n"
	"  --head REV       the change's revision (default: the working tree)\n"
	"  --no-merge-base  diff from REV itself, not the merge-base\n"
	"  --no-renames     do not detect renames (a renamed file is all new)\n"
	"  --patch FILE     read a unified diff (`-`: stdin) instead of git\n"
	"  --root DIR       the directory the diff's paths are relative to\n"
	"                   (default: the repository's work tree; with --patch, .)\n"
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

enum { OPT_BASE = 256, OPT_HEAD, OPT_NO_MERGE_BASE, OPT_NO_RENAMES, OPT_PATCH,
       OPT_ROOT, OPT_FORMAT, OPT_EXIT_CODE, OPT_NO_TRAILER, OPT_VERSION };

static const struct option longopts[] = {
	{ "base", required_argument, NULL, OPT_BASE },
	{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "head", required_argument, NULL, OPT_HEAD },
	{ "help", no_argument, NULL, 'h' },
	{ "no-merge-base", no_argument, NULL, OPT_NO_MERGE_BASE },
	{ "no-renames", no_argument, NULL, OPT_NO_RENAMES },
	{ "no-trailer", no_argument, NULL, OPT_NO_TRAILER },
	{ "patch", required_argument, NULL, OPT_PATCH },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "verbose", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* The current directory relative to root ("" when equal), or NULL when it
 * lies outside root. */
static char *cwd_prefix(const char *root)
{
	char cwd[PATH_MAX], rr[PATH_MAX];
	size_t n;

	if (!realpath(".", cwd) || !realpath(root, rr)) {
		mg_error("%s: cannot resolve directory", root);
		return NULL;
	}
	n = strlen(rr);
	while (n > 1 && rr[n - 1] == '/')
		rr[--n] = '\0';
	if (!strcmp(cwd, rr))
		return xstrdup("");
	if (strncmp(cwd, rr, n) || (cwd[n] != '/' && n > 1)) {
		mg_error("%s: the current directory is outside the repository", cwd);
		return NULL;
	}
	return xstrdup(cwd + n + (n > 1));
}

/* Maps a finding's path (relative to the current directory, or absolute) to
 * the diff's root; NULL when it leaves the root. */
static char *map_path(const char *prefix, const char *root_abs, const char *path)
{
	struct buf b = BUF_INIT;
	char *joined, *s, *tok, *save = NULL;
	char **parts = NULL;
	size_t np = 0, ap = 0, i;
	int bad = 0;

	if (path[0] == '/') {
		size_t n = strlen(root_abs);

		if (strncmp(path, root_abs, n) || (path[n] != '/' && path[n]))
			return NULL;
		joined = xstrdup(path + n);
	} else {
		joined = *prefix ? xasprintf("%s/%s", prefix, path) : xstrdup(path);
	}
	for (s = joined; (tok = strtok_r(s, "/", &save)); s = NULL) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (!np) {
				bad = 1;
				break;
			}
			np--;
			continue;
		}
		ARRAY_GROW(parts, np + 1, ap);
		parts[np++] = tok;
	}
	for (i = 0; !bad && i < np; i++) {
		if (i)
			buf_addc(&b, '/');
		buf_adds(&b, parts[i]);
	}
	free(parts);
	free(joined);
	if (bad || !b.len) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

int main(int argc, char **argv)
{
	struct gitdiff_opts go = { ".", NULL, NULL, 0, 0 };
	struct gitdiff *g = NULL;
	struct lineset *patched = NULL;
	const struct lineset *ls = NULL;
	struct finding_reader *rd = NULL;
	struct finding f = FINDING_INIT;
	const char *patch = NULL, *root = NULL;
	char *prefix = NULL, root_abs[PATH_MAX];
	int c, n = -1, json = 1, exit_code = 0, verbose = 0, flags = 0;
	int rc = MG_EXIT_ERROR;
	long kept = 0, total = 0;

	mg_start("mg-diff");
	while ((c = getopt_long(argc, argv, "hv", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_BASE: go.base = optarg; break;
		case OPT_HEAD: go.head = optarg; break;
		case OPT_NO_MERGE_BASE: go.no_merge_base = 1; break;
		case OPT_NO_RENAMES: go.no_renames = 1; break;
		case OPT_PATCH: patch = optarg; break;
		case OPT_ROOT: root = optarg; break;
		case OPT_FORMAT:
			if (!strcmp(optarg, "text"))
				json = 0;
			else if (strcmp(optarg, "json"))
				return mg_usage(usage, "unknown format '%s' (json or text)",
						optarg);
			break;
		case OPT_EXIT_CODE: exit_code = 1; break;
		case OPT_NO_TRAILER: flags |= FINDING_NO_TRAILER; break;
		case 'v': verbose = 1; break;
		case OPT_VERSION: printf("mg-diff %s\n", MG_VERSION); return 0;
		case 'h': fputs(usage, stdout); return mg_exit(MG_EXIT_OK);
		default: return mg_usage(usage, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (!go.base == !patch)
		return mg_usage(usage, "give one of --base and --patch");
	if (patch && (go.head || go.no_merge_base))
		return mg_usage(usage, "--head and --no-merge-base go with --base");
	if (patch) {
		if (patch_added_lines(&patched, patch) < 0)
			goto out;
		ls = patched;
		if (!root)
			root = ".";
	} else {
		if (gitdiff_open(&g, &go) < 0)
			goto out;
		ls = gitdiff_lines(g);
		if (!root)
			root = gitdiff_workdir(g);
	}
	if (!realpath(root, root_abs)) {
		mg_error("%s: cannot resolve directory", root);
		goto out;
	}
	if (!(prefix = cwd_prefix(root)))
		goto out;
	if (finding_reader_open(&rd, argv + optind, flags) < 0)
		goto out;
	while ((n = finding_read(rd, &f)) > 0) {
		char *rp = map_path(prefix, root_abs, f.path);
		int keep;
		size_t i;

		total++;
		if (!rp) {
			mg_error("%s:%ld: path is outside the repository (%s); run "
				 "mg-diff where mg-scan ran, or give --root", f.path,
				 f.line, root_abs);
			n = -1;
			break;
		}
		keep = lineset_has(ls, rp, f.line);
		for (i = 0; !keep && i < f.nev; i++) {
			char *ep = map_path(prefix, root_abs, f.ev[i].path);

			keep = ep && lineset_has(ls, ep, f.ev[i].line);
			free(ep);
		}
		free(rp);
		if (!keep)
			continue;
		kept++;
		if (json)
			finding_write(stdout, &f);
		else
			printf("%s:%ld:%ld: %s (%s)\n", f.path, f.line, f.column,
			       f.message, f.rule);
	}
	if (n == 0)
		rc = exit_code && kept ? MG_EXIT_FOUND : MG_EXIT_OK;
out:
	if (json && (rd || rc == MG_EXIT_ERROR)) {
		struct trailer t = { "mg-diff", rc == MG_EXIT_ERROR ? "error" : "ok",
				     rd ? finding_reader_files(rd) : 0, kept, NULL };

		finding_write_trailer(stdout, &t);
	}
	if (verbose && ls) {
		size_t nfiles;

		lineset_files(ls, &nfiles);
		fprintf(stderr, "mg-diff: kept %ld of %ld findings on %zu changed files\n",
			kept, total, nfiles);
	}
	finding_release(&f);
	finding_reader_free(rd);
	lineset_free(patched);
	gitdiff_free(g);
	free(prefix);
	return mg_exit(rc);
}
