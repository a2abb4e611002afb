/* mg-scan.c - lint Go files for map races; emit findings
 *
 * Packages (directories) are spread over -j threads; each thread reads and
 * holds one package at a time, judges it (lib/engine/scan.c), applies the source's
 * suppressions to the files that have findings (lib/engine/suppress.c), and keeps
 * its findings and messages in the package's slot.  The main thread prints
 * messages in package order and the findings sorted by path, line, column, so
 * the output is the same byte for byte whatever -j is.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "stream/config.h"
#include "stream/finding.h"
#include "engine/lex.h"
#include "engine/racelog.h"
#include "engine/scan.h"
#include "engine/suppress.h"
#include "util/util.h"
#include "engine/files.h"
#include "engine/module.h"

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
	"  --format FMT         text (path:line:col: msg) or json (JSON Lines, trailer)\n"
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
	"  --severity ID=LEVEL  set a rule's severity: error, warning, note (repeat)\n"
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
	"--keep-going).  MAPGUARD_ENGINE=2 in the environment judges with the\n"
	"second engine, not yet the default (docs/engine.md).\n"
	"\n"
	"Example:\n"
	"  mg-scan --format json ./... | mg-diff --base origin/main | mg-gate\n"
	"  mg-scan --format json --shard 2/4 ./... > shard-2.jsonl\n";

enum {
	OPT_CONFIG = 256, OPT_DISABLE, OPT_EXIT_CODE, OPT_FORMAT, OPT_KEEP_GOING,
	OPT_MAX_SIZE, OPT_NO_TESTS, OPT_REQUIRE_REASON, OPT_RULES, OPT_SEVERITY,
	OPT_SHARD, OPT_STATS, OPT_VERSION, OPT_RACE_LOG, OPT_ROOT, OPT_MAX_MEMORY,
	OPT_INCLUDE_GENERATED
};

/* --trusted-config REV (docs/security.md): the config comes from REV's tree */
enum { OPT_TRUSTED_CONFIG = 512 };
static const char *trusted_rev;

static const struct option longopts[] = {
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "include-generated", no_argument, NULL, OPT_INCLUDE_GENERATED },
	{ "jobs", required_argument, NULL, 'j' },
	{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
	{ "max-file-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "max-memory", required_argument, NULL, OPT_MAX_MEMORY },
	{ "no-tests", no_argument, NULL, OPT_NO_TESTS },
	{ "race-log", required_argument, NULL, OPT_RACE_LOG },
	{ "require-reason", no_argument, NULL, OPT_REQUIRE_REASON },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "severity", required_argument, NULL, OPT_SEVERITY },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "trusted-config", required_argument, NULL, OPT_TRUSTED_CONFIG },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

#define DEFAULT_MAX_FILE_SIZE (64UL << 20)
/* the tokenizer's offsets are 32-bit: stay well below 4 GiB */
#define MAX_FILE_SIZE_LIMIT (1ULL << 30)	/* --max-file-size at most 1G */
#define MAX_MEMORY_LIMIT (1ULL << 40)	/* --max-memory at most 1024G */
#define MAX_JOBS 256
#define DEFAULT_MAX_MEMORY (64UL << 20)

struct scan_cmd {
	int json, exit_code, keep_going, nul, require_reason, stats;
	int include_generated;
	long jobs;			/* 0: number of CPUs */
	size_t max_size;
	size_t max_memory;		/* budget for packages in flight */
	const char *config;
	const char *rules, *disable;	/* flag values, NULL: not given */
	int severity[SCAN_MAX_RULES];	/* -1: not given */
	const char *shard;
	struct files_opts walk;
};

/* What one package yielded; filled by whichever thread took it. */
struct pkg_result {
	struct finding_list out;
	struct buf log;		/* messages "E..." (error) or "W..." (warning),
				 * each ended by a NUL: a file name may hold
				 * a newline */
	long files;
	int errors;
	double t_read, t_engine, t_suppress;	/* thread CPU seconds (--stats) */
	size_t bytes;
};

/* The work shared by the threads: which package to take next.  Packages go
 * largest first; a thread takes the largest one that still fits the memory
 * budget next to the packages in flight (any one, when none is in flight),
 * so two huge generated packages never sit in memory at once. */
struct work {
	const struct scan_cmd *o;
	const struct scan_opts *so;
	const struct files_result *w;
	struct pkg_result *res;
	size_t *order;		/* packages by cost, largest first */
	unsigned long long *cost;	/* by package: estimated bytes in memory */
	unsigned char *taken;	/* by package */
	size_t first;		/* order[first..]: where untaken ones start */
	size_t left;		/* packages not taken yet */
	unsigned long long inflight, budget;
	unsigned long long peak;	/* most estimated bytes in flight (--stats) */
	size_t running, most;	/* packages in flight now, and at most */
	pthread_mutex_t lock;
	pthread_cond_t done;	/* a package finished: inflight shrank */
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

/* --race-log FILE... and --root DIR: logs read by lib/engine/racelog.h */
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
			mg_error("%s: cannot open: %s", race.logs[i], strerror(errno));
			errors++;
			continue;
		}
		racelog_begin(rl, race.logs[i]);
		while ((n = fread(chunk, 1, 65536, fp)) > 0)
			racelog_feed(rl, chunk, n);
		if (ferror(fp)) {
			mg_error("%s: read error: %s", race.logs[i], strerror(errno));
			errors++;
		}
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

/* Appends one message for the main thread to print: kind 'E' (an error) or
 * 'W' (a warning), the text, and a NUL that ends it. */
static void log_msg(struct buf *log, char kind, const char *fmt, ...)
	MG_PRINTF(3, 4);
static void log_msg(struct buf *log, char kind, const char *fmt, ...)
{
	va_list ap;
	int n;

	buf_addc(log, kind);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		buf_grow(log, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(log->p + log->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		log->len += (size_t)n;
	}
	buf_addc(log, '\0');
}

/* Reads a whole file with (usually) one read() into a buffer sized by
 * fstat(), refusing more than max bytes.  Messages go to log, not stderr
 * (threads).  Returns 1 read, 0 skipped harmlessly (binary), -1 error. */
static int load(const char *path, size_t max, char **data, size_t *len,
		struct buf *log)
{
	struct stat st;
	size_t cap, n = 0;
	char *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*data = NULL;
	*len = 0;
	if (fd < 0) {
		log_msg(log, 'E', "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		log_msg(log, 'E', "%s: cannot stat: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		goto too_big;
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	p = xmalloc(cap + 1);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (cap > max)
				break;
			cap *= 2;
			p = xrealloc(p, cap + 1);
		}
		r = read(fd, p + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			log_msg(log, 'E', "%s: read error: %s", path, strerror(errno));
			free(p);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		free(p);
		goto too_big_closed;
	}
	p[n] = '\0';
	if (memchr(p, '\0', n)) {
		log_msg(log, 'W', "%s: skipped: binary file (contains NUL bytes)",
			 path);
		free(p);
		return 0;
	}
	*data = p;
	*len = n;
	return 1;
too_big:
	close(fd);
too_big_closed:
	log_msg(log, 'E', "%s: skipped: larger than %zu bytes (--max-file-size)",
		 path, max);
	return -1;
}

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int want_mg000(const struct scan_opts *so)
{
	int r = rules_index("MG000");

	return so->require_reason && r > 0 && (so->rules & (1u << r));
}

/* Reads, judges and applies suppressions to package i. */
static void scan_one(const struct work *wk, size_t i)
{
	const struct files_pkg *p = &wk->w->pkgs[i];
	struct pkg_result *r = &wk->res[i];
	struct scan_file *sf = xcalloc(p->n, sizeof(*sf));
	char **bufs = xcalloc(p->n, sizeof(char *));
	size_t nf = 0, j, lo = 0, n0;
	int mg000 = want_mg000(wk->so);
	struct buf slog = BUF_INIT;
	char *line, *nl;
	double t0 = cpu_now(), t1, t2;

	for (j = 0; j < p->n; j++) {
		int k = load(p->files[j], wk->o->max_size, &bufs[nf], &sf[nf].len,
			     &r->log);

		if (k < 0)
			r->errors++;
		if (k <= 0)
			continue;
		sf[nf].path = p->files[j];
		sf[nf].data = bufs[nf];
		r->bytes += sf[nf].len;
		nf++;
	}
	t1 = cpu_now();
	scan_package(wk->so, sf, nf, &r->out);
	t2 = cpu_now();
	r->files = (long)nf;
	/* findings come sorted by path, like the files: one merge walk */
	n0 = r->out.n;
	for (j = 1; j < n0; j++)
		if (strcmp(r->out.v[j - 1].path, r->out.v[j].path) > 0)
			break;
	if (j < n0)	/* scan.h promises sorted output; do not depend on it */
		finding_sort(r->out.v, n0);
	for (j = 0; j < nf; j++) {
		size_t hi;

		while (lo < n0 && strcmp(r->out.v[lo].path, sf[j].path) < 0)
			lo++;
		for (hi = lo; hi < n0 && !strcmp(r->out.v[hi].path, sf[j].path);)
			hi++;
		if (hi > lo || (mg000 && suppress_maybe(sf[j].data, sf[j].len) &&
				 (wk->so->include_generated ||
				  !lex_is_generated(sf[j].data, sf[j].len))))
			suppress_apply(wk->so, &sf[j], &r->out, lo, hi, &slog);
		lo = hi;
	}
	for (line = slog.p; line && (nl = strchr(line, '\n')); line = nl + 1)
		log_msg(&r->log, 'W', "%.*s", (int)(nl - line), line);
	buf_release(&slog);
	if (r->out.n > n0)
		finding_sort(r->out.v, r->out.n);
	for (j = 0; j < nf; j++)
		free(bufs[j]);
	free(bufs);
	free(sf);
	r->t_read = t1 - t0;
	r->t_engine = t2 - t1;
	r->t_suppress = cpu_now() - t2;
}

/* The next package for a thread, or (size_t)-1 when all are taken; waits
 * while none fits the budget.  Called with wk->lock held. */
static size_t pick(struct work *wk)
{
	for (;;) {
		size_t k;

		while (wk->first < wk->w->n && wk->taken[wk->order[wk->first]])
			wk->first++;
		if (!wk->left)
			return (size_t)-1;
		for (k = wk->first; k < wk->w->n; k++) {
			size_t i = wk->order[k];

			if (wk->taken[i])
				continue;
			if (wk->inflight && wk->inflight + wk->cost[i] > wk->budget)
				continue;
			wk->taken[i] = 1;
			wk->left--;
			wk->inflight += wk->cost[i];
			if (wk->inflight > wk->peak)
				wk->peak = wk->inflight;
			if (++wk->running > wk->most)
				wk->most = wk->running;
			return i;
		}
		pthread_cond_wait(&wk->done, &wk->lock);
	}
}

static void *worker(void *arg)
{
	struct work *wk = arg;

	pthread_mutex_lock(&wk->lock);
	for (;;) {
		size_t i = pick(wk);

		if (i == (size_t)-1)
			break;
		pthread_mutex_unlock(&wk->lock);
		scan_one(wk, i);
		pthread_mutex_lock(&wk->lock);
		wk->inflight -= wk->cost[i];
		wk->running--;
		pthread_cond_broadcast(&wk->done);
	}
	pthread_mutex_unlock(&wk->lock);
	return NULL;
}

static const struct work *sort_wk;	/* for by_cost (main thread) */

static int by_cost(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	unsigned long long cx = sort_wk->cost[x], cy = sort_wk->cost[y];

	if (cx != cy)
		return cx > cy ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* What scanning package i costs in memory, roughly: its bytes, and about
 * 16 bytes of token for each 4.6 bytes of Go, plus the
 * names and the walk's own tables; the second engine adds its syntax tree
 * (about 30 bytes a token).  Measured on the Go tree (make bench). */
static unsigned long long pkg_cost(const struct files_pkg *p, int engine)
{
	unsigned long long b = 0;
	size_t j;

	for (j = 0; j < p->n; j++) {
		struct stat st;

		if (!stat(p->files[j], &st) && S_ISREG(st.st_mode))
			b += (unsigned long long)st.st_size;
	}
	return b * (engine == 2 ? 12 : 7) + 65536;
}

/* Runs the packages on o->jobs threads (the calling one included), largest
 * first, so that one does not start last and run alone, and within the
 * memory budget. */
static void scan_all(struct work *wk, long jobs)
{
	pthread_t *th;
	long t, started = 0;
	size_t i, n = wk->w->n;

	wk->taken = xcalloc(n ? n : 1, 1);
	wk->left = n;
	wk->order = xcalloc(n ? n : 1, sizeof(size_t));
	wk->cost = xcalloc(n ? n : 1, sizeof(*wk->cost));
	if (jobs > (long)n)
		jobs = (long)n;
	/* costs are a stat() per file: only for the budget or --stats */
	for (i = 0; i < n; i++) {
		wk->order[i] = i;
		if (jobs > 1 || wk->o->stats)
			wk->cost[i] = pkg_cost(&wk->w->pkgs[i], wk->so->engine);
		if (wk->cost[i] > wk->peak)
			wk->peak = wk->cost[i];
	}
	if (jobs <= 1) {
		for (i = 0; i < n; i++)
			scan_one(wk, i);
		wk->most = n ? 1 : 0;
		goto out;
	}
	wk->peak = 0;
	sort_wk = wk;
	qsort(wk->order, n, sizeof(size_t), by_cost);
	th = xcalloc((size_t)jobs, sizeof(*th));
	pthread_mutex_init(&wk->lock, NULL);
	pthread_cond_init(&wk->done, NULL);
	for (t = 1; t < jobs; t++) {
		if (pthread_create(&th[t], NULL, worker, wk) != 0)
			break;	/* fewer threads: still correct */
		started++;
	}
	worker(wk);
	for (t = 1; t <= started; t++)
		pthread_join(th[t], NULL);
	pthread_cond_destroy(&wk->done);
	pthread_mutex_destroy(&wk->lock);
	free(th);
out:
	free(wk->order);
	free(wk->cost);
	free(wk->taken);
	wk->order = NULL;
	wk->cost = NULL;
}

/* Did the user set rule id's severity (the module phase keeps it)? */
static int severity_set(const char *id, void *arg)
{
	const struct scan_opts *so = arg;
	int r = rules_index(id);

	return r >= 0 && so->severity[r] >= 0;
}

/* "123", "64K", "64M", "1G" -> bytes; -1 if bad. */
static int parse_size(const char *s, unsigned long long limit, size_t *out)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end || v == 0 || v > limit >> shift || v << shift > limit)
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* --shard auto: GitLab's parallel: variables, else our own. */
static int shard_auto(unsigned *k, unsigned *n)
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

static int excluded(const void *arg, const char *path)
{
	return config_excluded(arg, path);
}

/* Config file, then flags over it.  Returns 0 or -1 (reported). */
static int setup(struct scan_cmd *o, struct config *cfg, struct scan_opts *so)
{
	unsigned bits, off = 0;
	int i, r0 = rules_index("MG000");

	if ((trusted_rev ? config_load_rev(cfg, trusted_rev, o->config)
			 : config_load(cfg, o->config)) < 0)
		return -1;
	config_apply_scan(cfg, so);
	off = cfg->rules_off;
	if (o->rules) {
		if (config_rule_list(&bits, o->rules, "--rules") < 0)
			return -1;
		so->rules = bits;
	}
	if (o->disable) {
		if (config_rule_list(&bits, o->disable, "--disable") < 0)
			return -1;
		so->rules &= ~bits;
		off |= bits;
	}
	for (i = 0; i < SCAN_MAX_RULES; i++)
		if (o->severity[i] >= 0)
			so->severity[i] = o->severity[i];
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
		return shard_auto(&o->walk.shard_k, &o->walk.shard_n);
	if (o->shard && files_parse_shard(o->shard, &o->walk.shard_k,
					 &o->walk.shard_n) < 0)
		return mg_error("--shard: '%s': want K/N with 1 <= K <= N <= %d, "
				"or auto", o->shard, FILES_MAX_SHARDS);
	return 0;
}

static int severity_flag(struct scan_cmd *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *id = xstrndup(arg, eq ? (size_t)(eq - arg) : strlen(arg));
	int r = rules_index(id), s = eq ? severity_parse(eq + 1) : -1;

	free(id);
	if (r < 0 || s < 0 || r >= SCAN_MAX_RULES)
		return -1;
	o->severity[r] = s;
	return 0;
}

int main(int argc, char **argv)
{
	struct scan_cmd o = { 0 };
	struct scan_opts so;
	struct config cfg;
	struct files_result w = { 0 };
	struct finding_list out = FINDING_LIST_INIT;
	struct pkg_result *res = NULL;
	struct work wk = { 0 };
	char **args = NULL, *shard = NULL;
	size_t nargs = 0, aargs = 0, i, j, total = 0, counted = 0;
	int from_stdin = 0;
	long files = 0;
	int c, errors = 0, ok = 0, rc = MG_EXIT_ERROR;
	double t_walk, t_scan, st[3] = { 0, 0, 0 };
	size_t bytes = 0;
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
	/* one malloc arena: packages come and go on every thread, and
	 * glibc's per-thread arenas keep what they freed (Go tree, -j2,
	 * engine 2: 69 -> 59 MB peak, same time) */
	mallopt(M_ARENA_MAX, 1);
#endif

	mg_start("mg-scan");
	o.max_size = DEFAULT_MAX_FILE_SIZE;
	o.max_memory = DEFAULT_MAX_MEMORY;
	for (i = 0; i < SCAN_MAX_RULES; i++)
		o.severity[i] = -1;
	while ((c = getopt_long(argc, argv, "0hj:", longopts, NULL)) != -1) {
		switch (c) {
		case '0': o.nul = 1; break;
		case 'j':
			if (parse_long(optarg, 1, MAX_JOBS, &o.jobs) < 0)
				return mg_usage(usage, "--jobs: '%s': want 1..%d",
						optarg, MAX_JOBS);
			break;
		case OPT_CONFIG: o.config = optarg; break;
		case OPT_DISABLE: o.disable = optarg; break;
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
			if (parse_size(optarg, MAX_FILE_SIZE_LIMIT, &o.max_size) < 0)
				return mg_usage(usage, "--max-file-size: '%s': want a "
						"size up to 1G, like 1048576, 512K or 64M",
						optarg);
			break;
		case OPT_MAX_MEMORY:
			if (parse_size(optarg, MAX_MEMORY_LIMIT, &o.max_memory) < 0)
				return mg_usage(usage, "--max-memory: '%s': want a "
						"size up to 1024G, like 512M or 4G",
						optarg);
			break;
		case OPT_NO_TESTS: o.walk.no_tests = 1; break;
		case OPT_RACE_LOG:
			ARRAY_GROW(race.logs, race.n + 1, race.alloc);
			race.logs[race.n++] = optarg;
			break;
		case OPT_ROOT: race.root = optarg; break;
		case OPT_REQUIRE_REASON: o.require_reason = 1; break;
		case OPT_RULES: o.rules = optarg; break;
		case OPT_SEVERITY:
			if (severity_flag(&o, optarg) < 0)
				return mg_usage(usage, "--severity: '%s': want RULE=LEVEL "
						"(MG003=error; error, warning or note)",
						optarg);
			break;
		case OPT_SHARD: o.shard = optarg; break;
		case OPT_STATS: o.stats = 1; break;
		case OPT_TRUSTED_CONFIG: trusted_rev = optarg; break;
		case OPT_VERSION: printf("mg-scan %s\n", MG_VERSION); return 0;
		case 'h': fputs(usage, stdout); return mg_exit(MG_EXIT_OK);
		default: return mg_usage(usage, "bad option '%s'", argv[optind - 1]);
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
	/* the module phase, when the scan sees every package of its modules */
	if (so.engine == 2 && !o.walk.shard_n && !from_stdin &&
	    files_cover_module(args, nargs))
		so.mod = module_new();
	t_walk = wall_now();
	errors = files_collect(&w, args, nargs, &o.walk);
	res = xcalloc(w.n ? w.n : 1, sizeof(*res));
	wk.o = &o;
	wk.so = &so;
	wk.w = &w;
	wk.res = res;
	wk.budget = o.max_memory;
	t_scan = wall_now();
	t_walk = t_scan - t_walk;
	scan_all(&wk, o.jobs);
	t_scan = wall_now() - t_scan;
	/* messages in package order; findings gathered, then sorted once */
	for (i = 0; i < w.n; i++) {
		struct pkg_result *r = &res[i];
		const char *line = r->log.p, *end = line + r->log.len;

		for (; line && line < end; line += strlen(line) + 1) {
			if (*line == 'E')
				mg_error("%s", line + 1);
			else
				mg_warn("%s", line + 1);
		}
		errors += r->errors;
		files += r->files;
		total += r->out.n;
		st[0] += r->t_read;
		st[1] += r->t_engine;
		st[2] += r->t_suppress;
		bytes += r->bytes;
	}
	if (o.stats)
		fprintf(stderr, "mg-scan: stats: %ld files, %zu packages, %.1f MB, "
			"-j%ld; wall: walk %.3fs, scan %.3fs; CPU: read %.3fs, "
			"engine %.3fs, suppress %.3fs\n", files, w.n,
			(double)bytes / 1e6, o.jobs, t_walk, t_scan, st[0], st[1],
			st[2]);
	if (o.stats)
		fprintf(stderr, "mg-scan: stats: memory: at most %zu "
			"package%s at once, estimated %.1f MB at the peak "
			"(--max-memory %.1f MB)\n", wk.most,
			wk.most == 1 ? "" : "s", (double)wk.peak / 1048576,
			(double)o.max_memory / 1048576);
	out.v = xcalloc(total ? total : 1, sizeof(*out.v));
	out.alloc = total ? total : 1;
	for (i = 0; i < w.n; i++) {
		if (res[i].out.n)
			memcpy(out.v + out.n, res[i].out.v,
			       res[i].out.n * sizeof(*out.v));
		out.n += res[i].out.n;
		free(res[i].out.v);	/* the findings moved to out */
		res[i].out.v = NULL;
		res[i].out.n = 0;
	}
	if (so.mod)
		module_resolve(so.mod, out.v, out.n, severity_set, &so);
	if (race.n)
		errors += race_logs(&out, &files);
	finding_sort(out.v, out.n);
	for (i = 0; i < out.n; i++) {
		const struct finding *f = &out.v[i];

		if (!f->suppressed)
			counted++;
		if (o.json)
			finding_write(stdout, f);
		else {
			/* hostile paths and messages: one line, no "::" command */
			mg_put_text(stdout, f->path, MG_TEXT_LEAD);
			if (f->column)
				printf(":%ld:%ld: ", f->line, f->column);
			else	/* race reports have no column */
				printf(":%ld: ", f->line);
			mg_put_text(stdout, f->message, 0);
			printf(" (%s)%s\n", f->rule,
			       f->suppressed ? " [suppressed]" : "");
		}
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
	for (i = 0; res && i < w.n; i++)
		buf_release(&res[i].log);
	free(res);
	free(shard);
	finding_list_release(&out);
	module_free(so.mod);
	files_release(&w);
	config_release(&cfg);
	for (j = 0; j < nargs; j++)
		free(args[j]);
	free(args);
	return mg_exit(rc);
}
