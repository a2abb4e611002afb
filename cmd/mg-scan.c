/* mg-scan.c - lint Go files for map races; emit findings */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>
#include "finding.h"
#include "racelog.h"
#include "scan.h"
#include "util.h"
#include "walk.h"

static const char usage[] =
	"usage: mg-scan [--format text|json] [--exit-code] [--no-tests] [-0] [PATH...]\n"
	"\n"
	"Find Go maps written concurrently without a lock (token and pattern\n"
	"analysis; no Go toolchain needed).  PATH is a .go file, a directory\n"
	"(scanned recursively, skipping vendor/, testdata/ and dirs starting with\n"
	"'.' or '_'), `dir/...`, or `-` to read paths from standard input.\n"
	"Default: the current directory.\n"
	"\n"
	"  --format FMT   text (default: path:line:col: message (rule)) or json\n"
	"                 (JSON Lines ending in a trailer record, for mg-diff/mg-gate)\n"
	"  --exit-code    exit 1 when there is at least one finding\n"
	"  --keep-going   exit 0 even if some files could not be read\n"
	"  --no-tests     skip *_test.go files found in directories\n"
	"  -0             paths read from `-` are NUL-separated, not one per line\n"
	"  --race-log FILE  also read a `go test -race` log or a crash trace as\n"
	"                 findings (MG100); `-`: stdin; repeatable; without PATHs\n"
	"                 only the logs are read, no Go source is scanned\n"
	"  --root DIR     make race-log paths relative to DIR (default: .)\n"
	"  -h, --help     show this help\n"
	"  --version      print the version\n"
	"\n"
	"Exit status: 0 ran, 1 findings (only with --exit-code), 2 error.\n"
	"\n"
	"Example:\n"
	"  mg-scan --format json ./... | mg-diff --base origin/main | mg-gate\n";

enum { OPT_FORMAT = 256, OPT_EXIT_CODE, OPT_KEEP_GOING, OPT_NO_TESTS, OPT_VERSION,
       OPT_RACE_LOG, OPT_ROOT };

static const struct option longopts[] = {
	{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
	{ "no-tests", no_argument, NULL, OPT_NO_TESTS },
	{ "race-log", required_argument, NULL, OPT_RACE_LOG },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

struct scan_cmd {
	int json, exit_code, keep_going, nul;
	struct walk_opts walk;
};

/* Appends the paths read from stdin (lines, or NUL-separated with -0). */
static void read_stdin_paths(char ***v, size_t *n, size_t *alloc, int nul)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getdelim(&line, &cap, nul ? '\0' : '\n', stdin)) > 0) {
		if (!nul)
			while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
				line[--len] = '\0';
		if (!len)
			continue;
		ARRAY_GROW(*v, *n + 1, *alloc);
		(*v)[(*n)++] = xstrndup(line, (size_t)len);
	}
	free(line);
}

/* --race-log FILE... and --root DIR: logs read by lib/racelog.h */
static struct {
	const char **logs;
	size_t n, alloc;
	const char *root;
} race;

/* Appends the findings of the --race-log files to out and counts the logs
 * in *files; returns how many could not be read (reported). */
static int race_logs(struct finding_list *out, long *files)
{
	struct racelog *rl = NULL;
	char *chunk = xmalloc(65536);
	size_t i, n;
	int errors = 0;

	if (racelog_new(&rl, race.root) < 0)
		errors++;
	for (i = 0; rl && i < race.n; i++) {
		int is_stdin = !strcmp(race.logs[i], "-");
		FILE *fp = is_stdin ? stdin : fopen(race.logs[i], "rb");

		if (!fp) {
			errors += mg_error("%s: cannot open: %s", race.logs[i],
					   strerror(errno)) < 0;
			continue;
		}
		racelog_begin(rl, race.logs[i]);
		while ((n = fread(chunk, 1, 65536, fp)) > 0)
			racelog_feed(rl, chunk, n);
		if (ferror(fp))
			errors += mg_error("%s: read error: %s", race.logs[i],
					   strerror(errno)) < 0;
		racelog_end(rl);
		if (!is_stdin)
			fclose(fp);
		(*files)++;
	}
	if (rl)
		racelog_finish(rl, out);
	racelog_free(rl);
	free(chunk);
	free(race.logs);
	return errors;
}

/* Reads one file; 1 ok, 0 skipped (binary), -1 unreadable (reported). */
static int load(const char *path, char **data, size_t *len)
{
	if (mg_read_file(path, data, len) < 0)
		return -1;
	if (memchr(*data, '\0', *len)) {
		mg_warn("%s: skipped: binary file (contains NUL bytes)", path);
		free(*data);
		*data = NULL;
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	struct scan_cmd o = { 0 };
	struct scan_opts so;
	struct walk_result w = { 0 };
	struct finding_list out = FINDING_LIST_INIT;
	char **args = NULL;
	size_t nargs = 0, aargs = 0, i, j;
	long files = 0;
	int c, errors, rc = MG_EXIT_ERROR;

	mg_start("mg-scan");
	while ((c = getopt_long(argc, argv, "0h", longopts, NULL)) != -1) {
		switch (c) {
		case '0': o.nul = 1; break;
		case OPT_EXIT_CODE: o.exit_code = 1; break;
		case OPT_FORMAT:
			if (!strcmp(optarg, "json"))
				o.json = 1;
			else if (strcmp(optarg, "text"))
				return mg_usage(usage, "unknown format '%s' (text or json)",
						optarg);
			break;
		case OPT_KEEP_GOING: o.keep_going = 1; break;
		case OPT_NO_TESTS: o.walk.no_tests = 1; break;
		case OPT_RACE_LOG:
			ARRAY_GROW(race.logs, race.n + 1, race.alloc);
			race.logs[race.n++] = optarg;
			break;
		case OPT_ROOT: race.root = optarg; break;
		case OPT_VERSION: printf("mg-scan %s\n", MG_VERSION); return 0;
		case 'h': fputs(usage, stdout); return mg_exit(MG_EXIT_OK);
		default: return mg_usage(usage, "bad option '%s'", argv[optind - 1]);
		}
	}
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "-")) {
			read_stdin_paths(&args, &nargs, &aargs, o.nul);
			continue;
		}
		ARRAY_GROW(args, nargs + 1, aargs);
		args[nargs++] = xstrdup(argv[i]);
	}
	if (optind == argc && !race.n) {
		ARRAY_GROW(args, nargs + 1, aargs);
		args[nargs++] = xstrdup(".");
	}
	scan_opts_init(&so);
	errors = walk_collect(&w, args, nargs, &o.walk);
	for (i = 0; i < w.n; i++) {
		struct walk_pkg *p = &w.pkgs[i];
		struct scan_file *sf = xcalloc(p->n, sizeof(*sf));
		char **bufs = xcalloc(p->n, sizeof(char *));
		size_t nf = 0;

		for (j = 0; j < p->n; j++) {
			int r = load(p->files[j], &bufs[nf], &sf[nf].len);

			if (r < 0)
				errors++;
			if (r <= 0)
				continue;
			sf[nf].path = p->files[j];
			sf[nf].data = bufs[nf];
			nf++;
		}
		scan_package(&so, sf, nf, &out);
		files += (long)nf;
		for (j = 0; j < nf; j++)
			free(bufs[j]);
		free(bufs);
		free(sf);
	}
	if (race.n)
		errors += race_logs(&out, &files);
	finding_sort(out.v, out.n);
	for (i = 0; i < out.n; i++) {
		if (o.json)
			finding_write(stdout, &out.v[i]);
		else
			printf("%s:%ld:%ld: %s (%s)\n", out.v[i].path, out.v[i].line,
			       out.v[i].column, out.v[i].message, out.v[i].rule);
	}
	if (o.json) {
		struct trailer t = { "mg-scan", errors && !o.keep_going ? "error" : "ok",
				     files, (long)out.n, NULL };

		finding_write_trailer(stdout, &t);
	}
	if (errors && !o.keep_going)
		rc = MG_EXIT_ERROR;
	else
		rc = o.exit_code && out.n ? MG_EXIT_FOUND : MG_EXIT_OK;
	finding_list_release(&out);
	walk_release(&w);
	for (i = 0; i < nargs; i++)
		free(args[i]);
	free(args);
	return mg_exit(rc);
}
