/* mg-diff.c - keep the findings that a change introduced
 *
 * Options, then the change (lib/git/gitdiff.c or patch.c) is computed in a
 * thread while the findings are read (lib/stream/rawfind.c), and the
 * "introduced" analysis (lib/git/introduced.c) decides which to keep.
 */
#define _XOPEN_SOURCE 700	/* realpath() */
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "stream/finding.h"
#include "git/gitdiff.h"
#include "git/introduced.h"
#include "git/lineset.h"
#include "git/patch.h"
#include "stream/rawfind.h"
#include "report/report.h"
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

/* mg-diff's own options; the shared ones are lib/cli/options.h's */
enum { OPT_BASE = 256, OPT_HEAD, OPT_MERGE_BASE, OPT_NO_MERGE_BASE,
       OPT_NO_RENAMES, OPT_PATCH, OPT_ROOT, OPT_FORMAT, OPT_EXIT_CODE,
       OPT_MODE, OPT_KEEP_UNMAPPED, OPT_LIST_FILES, OPT_PACKAGES };

static const struct option longopts[] = {
	CLI_OPTIONS,
	CLI_NO_TRAILER_OPTION,
	{ "base", required_argument, NULL, OPT_BASE },
	{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "head", required_argument, NULL, OPT_HEAD },
	{ "keep-unmapped", no_argument, NULL, OPT_KEEP_UNMAPPED },
	{ "list-files", no_argument, NULL, OPT_LIST_FILES },
	{ "merge-base", no_argument, NULL, OPT_MERGE_BASE },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "no-merge-base", no_argument, NULL, OPT_NO_MERGE_BASE },
	{ "no-renames", no_argument, NULL, OPT_NO_RENAMES },
	{ "packages", no_argument, NULL, OPT_PACKAGES },
	{ "patch", required_argument, NULL, OPT_PATCH },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "verbose", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 }
};

struct diff_cmd {
	struct cli_opts cli;		/* --no-trailer, --help, --version */
	struct introduced c;		/* the change and the mode */
	int json, exit_code, verbose, list_files, packages, nul;
	const char *patch, *root;
	struct gitdiff *g;	/* NULL with --patch */
	char cwd_abs[PATH_MAX], root_abs[PATH_MAX];
};

/* The findings read, as the analysis sees them (paths borrowed from rs);
 * one array for all their evidence locations.  Returns the array. */
static struct intro_finding *intro_items(const struct rawfind_set *rs,
					 struct intro_loc **locs)
{
	struct intro_finding *v = xcalloc(rs->n ? rs->n : 1, sizeof(*v));
	size_t i, j, nloc = 0;

	for (i = 0; i < rs->n; i++)
		nloc += rs->v[i].nev;
	*locs = xcalloc(nloc ? nloc : 1, sizeof(**locs));
	for (i = nloc = 0; i < rs->n; i++) {
		const struct rawfind *f = &rs->v[i];

		v[i].path = f->path;
		v[i].line = f->line;
		v[i].fingerprint = f->fingerprint;
		v[i].ev = *locs + nloc;
		v[i].nev = f->nev;
		for (j = 0; j < f->nev; j++, nloc++) {
			(*locs)[nloc].path = f->ev[j].path;
			(*locs)[nloc].line = f->ev[j].line;
		}
	}
	return v;
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

/* --format text: the kept records (in b) read back by the finding reader
 * and shown as mg-gate's text report shows a finding.  Returns 0, or -1
 * (reported). */
static int print_text(const struct buf *b)
{
	struct finding_reader *rd = NULL;
	struct finding f = FINDING_INIT;
	int n;

	finding_reader_open_mem(&rd, "mg-diff", b->p ? b->p : "", b->len,
				FINDING_NO_TRAILER);
	while ((n = finding_read(rd, &f)) > 0)
		report_text_finding(stdout, &f);
	finding_release(&f);
	finding_reader_free(rd);
	return n < 0 ? -1 : 0;
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
	struct intro_finding *items = NULL;
	struct intro_loc *locs = NULL;
	struct buf text = BUF_INIT;
	struct change_info ci = { 0 };
	char *auto_base = NULL;
	size_t nitems = 0, i;
	int c, k, rc = MG_EXIT_ERROR, read_ok = 0, read_tried = 0, rr = 0;
	long kept = 0;

	mg_start("mg-diff");
	cli_init(&o.cli, "mg-diff", usage);
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
			if (introduced_parse_mode(optarg, &o.c.mode,
						  &o.c.context) < 0)
				return mg_usage(usage, "unknown mode '%s' (new, added, "
						"context=N, file or all)", optarg);
			break;
		case OPT_KEEP_UNMAPPED: o.c.keep_unmapped = 1; break;
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
		case 'v': o.verbose = 1; break;
		default:
			if ((k = cli_option(&o.cli, c, optarg)) < 0)
				return MG_EXIT_ERROR;
			if (k == 2)
				return mg_exit(MG_EXIT_OK);
			if (!k)
				return mg_usage(usage, "bad option '%s'",
						argv[optind - 1]);
		}
	}
	if (!go.base == !o.patch)
		return mg_usage(usage, "give one of --base and --patch");
	if (o.patch && (go.head || go.no_merge_base))
		return mg_usage(usage, "--head and --no-merge-base go with --base");
	if (o.patch && o.c.mode == INTRO_NEW)
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
	if (!o.c.mode)
		o.c.mode = o.patch ? INTRO_ADDED : INTRO_NEW;
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
		rr = rawfind_read(&rs, argv + optind, o.cli.flags);
		pthread_join(th, NULL);
		read_tried = 1;
	}
	patched = job.patched;
	if (job.rc < 0)
		goto out;
	if (o.patch) {
		o.c.ls = patched;
		if (!o.root)
			o.root = ".";
	} else {
		o.c.ls = gitdiff_lines(o.g);
		o.root = gitdiff_workdir(o.g);
	}
	if (!realpath(o.root, o.root_abs) || !realpath(".", o.cwd_abs)) {
		mg_error("%s: cannot resolve directory", o.root);
		goto out;
	}
	o.c.g = o.g;
	o.c.cwd_abs = o.cwd_abs;
	o.c.root_abs = o.root_abs;
	if (o.list_files) {
		introduced_list_files(&o.c, o.packages, o.nul ? '\0' : '\n',
				      stdout);
		rc = MG_EXIT_OK;
		goto out;
	}
	if (!read_tried)
		rr = rawfind_read(&rs, argv + optind, o.cli.flags);
	if (rr < 0) {
		mg_error("%s", rs.error);
		goto out;
	}
	items = intro_items(&rs, &locs);
	nitems = rs.n;
	if (introduced_filter(&o.c, items, nitems) < 0 ||
	    introduced_suppressions(&o.c, &ci) < 0)
		goto out;
	if (o.g)
		ci.base = xstrdup(gitdiff_base_id(o.g));
	read_ok = 1;
	for (i = 0; i < nitems; i++) {
		if (!items[i].keep)
			continue;
		kept++;
		/* passed on unchanged, byte for byte */
		if (o.json) {
			fwrite(rs.v[i].bytes, 1, rs.v[i].len, stdout);
			putc('\n', stdout);
		} else {
			buf_add(&text, rs.v[i].bytes, rs.v[i].len);
			buf_addc(&text, '\n');
		}
	}
	if (!o.json && print_text(&text) < 0)
		goto out;
	rc = o.exit_code && kept ? MG_EXIT_FOUND : MG_EXIT_OK;
out:
	if (o.json && !o.list_files) {
		struct trailer t = { "mg-diff", read_ok ? "ok" : "error",
				     rs.files,
				     read_ok ? kept : 0, NULL };

		finding_write_trailer_info(stdout, &t, read_ok ? &ci : NULL);
	}
	if (o.verbose && o.c.ls && read_ok) {
		size_t nfiles;

		lineset_files(o.c.ls, &nfiles);
		fprintf(stderr, "mg-diff: kept %ld of %zu findings on %zu changed files\n",
			kept, nitems, nfiles);
	}
	for (i = 0; i < nitems; i++)
		free(items[i].rp);
	free(items);
	free(locs);
	rawfind_release(&rs);
	buf_release(&text);
	change_info_release(&ci);
	lineset_free(patched);
	gitdiff_free(o.g);
	free(auto_base);
	return mg_exit(rc);
}
