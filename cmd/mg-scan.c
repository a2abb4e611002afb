/* mg-scan.c - lint Go files for map races; emit findings
 *
 * Options, then the packages found (lib/engine/files.c) are judged on -j
 * threads (lib/engine/sched.c), the race logs read (lib/engine/racelog.c),
 * and the findings printed sorted by path, line, column: the same output
 * byte for byte whatever -j is.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/options.h"
#include "stream/config.h"
#include "stream/finding.h"
#include "engine/racelog.h"
#include "engine/sched.h"
#include "engine/scan.h"
#include "util/util.h"
#include "engine/files.h"
#include "engine/module.h"
#include "report/report.h"

static const char usage[] =
	"usage: mg-scan [OPTION...] [PATH...]\n"
	"\n"
	"Find Go maps written concurrently without a lock (token and pattern\n"
	"analysis; no Go toolchain needed).  PATH is a .go file, a directory\n"
	"(scanned recursively, skipping vendor/, testdata/ and dirs starting with\n"
	"'.' or '_'), `dir/...`, or `-` to read paths from standard input.\n"
	"Default: the current directory.  Findings waived in the source with\n"
	"`//mg:ignore [MG001,...] [// reason]` or `//nolint[:mapguard]` (on the\n"
	"line or alone on the line above) are kept, marked suppressed.\n"
	"\n"
	"  --config FILE        read FILE (default: .mapguard.json here, if any)\n"
	"  --trusted-config REV read the config from revision REV's tree, not the\n"
	"                       work tree (a PR cannot edit the rules that judge it)\n"
	"  --disable LIST       do not run these rules (MG001,MG006)\n"
	"  --exit-code          exit 1 when there is an unsuppressed finding\n"
	"  --format FMT         text (path:line:col: severity: msg, evidence indented\n"
	"                       below, as mg-gate's report) or json (JSON Lines)\n"
	"  --include-generated  also judge files marked `// Code generated ... DO NOT\n"
	"                       EDIT.` (default: their declarations count, their\n"
	"                       function bodies are not read, no findings there)\n"
	"  -j, --jobs N         scan N packages at once (default: number of CPUs)\n"
	"  --keep-going         exit 0 even if some files could not be read\n"
	"  --max-file-size SZ   skip larger files as an error (default 64M; K, M, G)\n"
	"  --max-memory SZ      scan at once only as many packages as fit in about\n"
	"                       SZ of memory (default 64M); a larger one runs alone\n"
	"  --no-tests           skip *_test.go files found in directories\n"
	"  --require-reason     a suppression without a reason is a finding (MG000)\n"
	"  --rules LIST         run only these rules (MG001,MG003)\n"
	"  --severity LIST      set rules' severities: RULE=LEVEL[,RULE=LEVEL...],\n"
	"                       LEVEL error, warning or note (repeatable)\n"
	"  --shard K/N|auto     only packages of shard K of N (auto: CI_NODE_INDEX...)\n"
	"  --stats              print where the time went on stderr (for tuning)\n"
	"  -0                   paths read from `-` are NUL-separated\n"
	"  --race-log FILE      also read a `go test -race` log or a crash trace as\n"
	"                       findings (MG100); `-`: stdin; repeatable; without\n"
	"                       PATHs only the logs are read, no source is scanned\n"
	"  --root DIR           make race-log paths relative to DIR (default: .)\n"
	"  -h, --help           show this help\n"
	"  --version            print the version\n"
	"\n"
	"Flags win over the config file.  Exit status: 0 ran, 1 findings (only\n"
	"with --exit-code), 2 error (also an unreadable or too large file, unless\n"
	"--keep-going).  How the engine decides: docs/engine.md.\n"
	"\n"
	"Example:\n"
	"  mg-scan --format json ./... | mg-diff --base origin/main | mg-gate\n"
	"  mg-scan --format json --shard 2/4 ./... > shard-2.jsonl\n";

/* mg-scan's own options; the shared ones are lib/cli/options.h's */
enum {
	OPT_EXIT_CODE = 256, OPT_FORMAT, OPT_KEEP_GOING, OPT_MAX_SIZE,
	OPT_NO_TESTS, OPT_REQUIRE_REASON, OPT_SHARD, OPT_STATS, OPT_RACE_LOG,
	OPT_ROOT, OPT_MAX_MEMORY, OPT_INCLUDE_GENERATED
};

static const struct option longopts[] = {
	CLI_OPTIONS,
	CLI_POLICY_OPTIONS,
	{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "include-generated", no_argument, NULL, OPT_INCLUDE_GENERATED },
	{ "jobs", required_argument, NULL, 'j' },
	{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
	{ "max-file-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "max-memory", required_argument, NULL, OPT_MAX_MEMORY },
	{ "no-tests", no_argument, NULL, OPT_NO_TESTS },
	{ "race-log", required_argument, NULL, OPT_RACE_LOG },
	{ "require-reason", no_argument, NULL, OPT_REQUIRE_REASON },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ NULL, 0, NULL, 0 }
};

#define DEFAULT_MAX_FILE_SIZE (64UL << 20)
/* the tokenizer's offsets are 32-bit: stay well below 4 GiB */
#define MAX_FILE_SIZE_LIMIT (1ULL << 30)	/* --max-file-size at most 1G */
#define MAX_MEMORY_LIMIT (1ULL << 40)	/* --max-memory at most 1024G */
#define MAX_JOBS 256
#define DEFAULT_MAX_MEMORY (64UL << 20)

struct scan_cmd {
	struct cli_opts cli;		/* --config, --rules, --severity... */
	int json, exit_code, keep_going, nul, require_reason, stats;
	int include_generated;
	long jobs;			/* 0: number of CPUs */
	size_t max_size;
	size_t max_memory;		/* budget for packages in flight */
	const char *shard;
	struct files_opts walk;
	const char **logs;		/* --race-log FILE... */
	size_t nlogs, alogs;
	const char *root;		/* --root DIR: what race-log paths are
					 * relative to */
};

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Did the user set rule id's severity (the module phase keeps it)? */
static int severity_set(const char *id, void *arg)
{
	const struct scan_opts *so = arg;
	int r = rules_index(id);

	return r >= 0 && so->severity[r] >= 0;
}

static int excluded(const void *arg, const char *path)
{
	return config_excluded(arg, path);
}

/* Config file, then flags over it.  Returns 0 or -1 (reported). */
static int setup(struct scan_cmd *o, struct config *cfg, struct scan_opts *so)
{
	unsigned off = 0;
	int r0 = rules_index("MG000");

	if (cli_load_config(&o->cli, cfg) < 0 ||
	    cli_apply_scan(&o->cli, cfg, so, &off) < 0)
		return -1;
	if (o->require_reason)
		so->require_reason = 1;
	if (o->include_generated)
		so->include_generated = 1;
	/* --require-reason means MG000, unless MG000 is disabled by name */
	if (so->require_reason && r0 > 0 && !(off & (1u << r0)))
		so->rules |= 1u << r0;
	if (cfg->nexclude) {
		o->walk.exclude = excluded;
		o->walk.exclude_arg = cfg;
	}
	if (o->shard && !strcmp(o->shard, "auto"))
		return files_shard_auto(&o->walk.shard_k, &o->walk.shard_n);
	if (o->shard && files_parse_shard(o->shard, &o->walk.shard_k,
					 &o->walk.shard_n) < 0)
		return mg_error("--shard: '%s': want K/N with 1 <= K <= N <= %d, "
				"or auto", o->shard, FILES_MAX_SHARDS);
	return 0;
}

int main(int argc, char **argv)
{
	struct scan_cmd o = { 0 };
	struct scan_opts so;
	struct config cfg;
	struct files_result w = { 0 };
	struct finding_list out = FINDING_LIST_INIT;
	struct sched_opts sched = { 0 };
	struct sched_stats st = { 0 };
	char **args = NULL, *shard = NULL;
	size_t nargs = 0, aargs = 0, i, j, counted = 0;
	long files = 0;
	int c, k, errors = 0, ok = 0, rc = MG_EXIT_ERROR, from_stdin = 0;
	double t_walk, t_scan;
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
	/* one malloc arena: packages come and go on every thread, and
	 * glibc's per-thread arenas keep what they freed (Go tree, -j2,
	 * engine 2: 69 -> 59 MB peak, same time) */
	mallopt(M_ARENA_MAX, 1);
#endif

	mg_start("mg-scan");
	cli_init(&o.cli, "mg-scan", usage);
	o.max_size = DEFAULT_MAX_FILE_SIZE;
	o.max_memory = DEFAULT_MAX_MEMORY;
	while ((c = getopt_long(argc, argv, "0hj:", longopts, NULL)) != -1) {
		switch (c) {
		case '0': o.nul = 1; break;
		case 'j':
			if (cli_parse_long(optarg, 1, MAX_JOBS, &o.jobs) < 0)
				return mg_usage(usage, "--jobs: '%s': want 1..%d",
						optarg, MAX_JOBS);
			break;
		case OPT_EXIT_CODE: o.exit_code = 1; break;
		case OPT_FORMAT:
			if (!strcmp(optarg, "json"))
				o.json = 1;
			else if (strcmp(optarg, "text"))
				return mg_usage(usage, "unknown format '%s' (text or json)",
						optarg);
			break;
		case OPT_INCLUDE_GENERATED: o.include_generated = 1; break;
		case OPT_KEEP_GOING: o.keep_going = 1; break;
		case OPT_MAX_SIZE:
			if (cli_parse_size(optarg, MAX_FILE_SIZE_LIMIT, &o.max_size) < 0)
				return mg_usage(usage, "--max-file-size: '%s': want a "
						"size up to 1G, like 1048576, 512K or 64M",
						optarg);
			break;
		case OPT_MAX_MEMORY:
			if (cli_parse_size(optarg, MAX_MEMORY_LIMIT, &o.max_memory) < 0)
				return mg_usage(usage, "--max-memory: '%s': want a "
						"size up to 1024G, like 512M or 4G",
						optarg);
			break;
		case OPT_NO_TESTS: o.walk.no_tests = 1; break;
		case OPT_RACE_LOG:
			ARRAY_GROW(o.logs, o.nlogs + 1, o.alogs);
			o.logs[o.nlogs++] = optarg;
			break;
		case OPT_ROOT: o.root = optarg; break;
		case OPT_REQUIRE_REASON: o.require_reason = 1; break;
		case OPT_SHARD: o.shard = optarg; break;
		case OPT_STATS: o.stats = 1; break;
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
	if (!o.jobs) {
		o.jobs = sysconf(_SC_NPROCESSORS_ONLN);
		if (o.jobs < 1)
			o.jobs = 1;
		if (o.jobs > MAX_JOBS)
			o.jobs = MAX_JOBS;
	}
	scan_opts_init(&so);
	if (setup(&o, &cfg, &so) < 0)
		goto out;
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "-")) {
			from_stdin = 1;
			cli_read_paths(stdin, o.nul, &args, &nargs, &aargs);
			continue;
		}
		ARRAY_GROW(args, nargs + 1, aargs);
		args[nargs++] = xstrdup(argv[i]);
	}
	if (optind == argc && !o.nlogs) {
		ARRAY_GROW(args, nargs + 1, aargs);
		args[nargs++] = xstrdup(".");
	}
	/* the module phase, when the scan sees every package of its modules */
	if (!o.walk.shard_n && !from_stdin &&
	    files_cover_module(args, nargs))
		so.mod = module_new();
	t_walk = wall_now();
	errors = files_collect(&w, args, nargs, &o.walk);
	sched.so = &so;
	sched.jobs = o.jobs;
	sched.max_file_size = o.max_size;
	sched.budget = o.max_memory;
	sched.stats = o.stats;
	t_scan = wall_now();
	t_walk = t_scan - t_walk;
	errors += sched_run(&sched, &w, &out, &st);
	t_scan = wall_now() - t_scan;
	files = st.files;
	if (o.stats)
		fprintf(stderr, "mg-scan: stats: %ld files, %zu packages, %.1f MB, "
			"-j%ld; wall: walk %.3fs, scan %.3fs; CPU: read %.3fs, "
			"engine %.3fs, suppress %.3fs\n", files, w.n,
			(double)st.bytes / 1e6, o.jobs, t_walk, t_scan, st.t_read,
			st.t_engine, st.t_suppress);
	if (o.stats)
		fprintf(stderr, "mg-scan: stats: memory: at most %zu "
			"package%s at once, estimated %.1f MB at the peak "
			"(--max-memory %.1f MB)\n", st.most,
			st.most == 1 ? "" : "s", (double)st.peak / 1048576,
			(double)o.max_memory / 1048576);
	if (so.mod) {	/* packages other packages' goroutines call into */
		char **dirs;
		size_t nd = module_plan(so.mod, &dirs);

		if (nd)
			sched_rerun(&sched, &w, dirs, nd, &out);
		free(dirs);
		module_resolve(so.mod, out.v, out.n, severity_set, &so);
	}
	if (o.nlogs)
		errors += racelog_read_files(o.root, o.logs, o.nlogs, &out,
					     &files);
	finding_sort(out.v, out.n);
	for (i = 0; i < out.n; i++) {
		const struct finding *f = &out.v[i];

		if (!f->suppressed)
			counted++;
		if (o.json)
			finding_write(stdout, f);
		else	/* as mg-gate's text report shows a finding */
			report_text_finding(stdout, f);
	}
	ok = 1;
out:
	if (o.json) {
		struct trailer t = { "mg-scan", "ok", files, (long)out.n, NULL };

		if (!ok || (errors && !o.keep_going))
			t.status = "error";
		if (o.walk.shard_n)
			t.shard = shard = xasprintf("%u/%u", o.walk.shard_k,
						    o.walk.shard_n);
		finding_write_trailer(stdout, &t);
	}
	if (ok && (!errors || o.keep_going))
		rc = o.exit_code && counted ? MG_EXIT_FOUND : MG_EXIT_OK;
	free(shard);
	finding_list_release(&out);
	module_free(so.mod);
	files_release(&w);
	config_release(&cfg);
	for (j = 0; j < nargs; j++)
		free(args[j]);
	free(args);
	free(o.logs);
	return mg_exit(rc);
}
