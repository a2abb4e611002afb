/* sched.c - the engine over many packages, on threads, within a budget
 *
 * Packages (directories) are spread over the threads; each thread reads and
 * holds one package at a time, judges it (scan.c), applies the source's
 * suppressions to the files that have findings (suppress.c), and keeps its
 * findings and messages in the package's slot.  Once all are done the
 * messages are printed in package order and the findings gathered in
 * package order, so the output is the same byte for byte whatever the
 * number of threads is.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine/files.h"
#include "engine/lex.h"
#include "engine/sched.h"
#include "engine/scan.h"
#include "engine/suppress.h"
#include "util/util.h"

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
	const struct sched_opts *o;
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
		int k = load(p->files[j], wk->o->max_file_size, &bufs[nf], &sf[nf].len,
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

/* What scanning package i costs in memory, roughly: its bytes, about 16
 * bytes of token for each 4.6 bytes of Go, its syntax tree (about 30 bytes
 * a token), names and facts.  Measured on the Go tree (make bench). */
static unsigned long long pkg_cost(const struct files_pkg *p)
{
	unsigned long long b = 0;
	size_t j;

	for (j = 0; j < p->n; j++) {
		struct stat st;

		if (!stat(p->files[j], &st) && S_ISREG(st.st_mode))
			b += (unsigned long long)st.st_size;
	}
	return b * 12 + 65536;
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
			wk->cost[i] = pkg_cost(&wk->w->pkgs[i]);
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

int sched_run(const struct sched_opts *o, const struct files_result *w,
	      struct finding_list *out, struct sched_stats *st)
{
	struct pkg_result *res = xcalloc(w->n ? w->n : 1, sizeof(*res));
	struct work wk = { 0 };
	size_t i, total = out->n;
	int errors = 0;

	wk.o = o;
	wk.so = o->so;
	wk.w = w;
	wk.res = res;
	wk.budget = o->budget;
	scan_all(&wk, o->jobs);
	memset(st, 0, sizeof(*st));
	/* messages in package order; findings gathered, then sorted once */
	for (i = 0; i < w->n; i++) {
		struct pkg_result *r = &res[i];
		const char *line = r->log.p, *end = line + r->log.len;

		for (; line && line < end && !o->quiet;
		     line += strlen(line) + 1) {
			if (*line == 'E')
				mg_error("%s", line + 1);
			else
				mg_warn("%s", line + 1);
		}
		errors += r->errors;
		st->files += r->files;
		total += r->out.n;
		st->t_read += r->t_read;
		st->t_engine += r->t_engine;
		st->t_suppress += r->t_suppress;
		st->bytes += r->bytes;
	}
	st->most = wk.most;
	st->peak = wk.peak;
	if (total > out->alloc || !out->v) {
		out->alloc = total ? total : 1;
		out->v = xrealloc(out->v, out->alloc * sizeof(*out->v));
	}
	for (i = 0; i < w->n; i++) {
		if (res[i].out.n)
			memcpy(out->v + out->n, res[i].out.v,
			       res[i].out.n * sizeof(*out->v));
		out->n += res[i].out.n;
		free(res[i].out.v);	/* the findings moved to out */
		buf_release(&res[i].log);
	}
	free(res);
	return errors;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void sched_rerun(const struct sched_opts *o, const struct files_result *w,
		 char *const *dirs, size_t nd, struct finding_list *out)
{
	struct files_result sub = { 0 };
	struct finding_list again = FINDING_LIST_INIT;
	struct sched_opts q = *o;
	struct sched_stats st;
	char **paths = NULL;
	size_t i, k, np = 0, ap = 0;

	for (i = 0; i < w->n; i++) {
		char *d = files_clean_path(w->pkgs[i].dir);

		if (bsearch(&d, dirs, nd, sizeof(*dirs), str_cmp)) {
			ARRAY_GROW(sub.pkgs, sub.n + 1, sub.alloc);
			sub.pkgs[sub.n++] = w->pkgs[i];	/* borrowed */
			sub.nfiles += w->pkgs[i].n;
			for (k = 0; k < w->pkgs[i].n; k++) {
				ARRAY_GROW(paths, np + 1, ap);
				paths[np++] = w->pkgs[i].files[k];
			}
		}
		free(d);
	}
	q.quiet = 1;	/* what reading said, it said the first time */
	/* a file that cannot be read now (changed under us) keeps the
	 * package's first-round findings: nothing is lost */
	if (!sub.n || sched_run(&q, &sub, &again, &st)) {
		finding_list_release(&again);
		free(sub.pkgs);
		free(paths);
		return;
	}
	if (np)
		qsort(paths, np, sizeof(*paths), str_cmp);
	for (i = k = 0; i < out->n; i++) {	/* their first round's findings */
		if (np && bsearch(&out->v[i].path, paths, np, sizeof(*paths),
				  str_cmp)) {
			finding_release(&out->v[i]);
			continue;
		}
		out->v[k++] = out->v[i];
	}
	out->n = k;
	for (i = 0; i < again.n; i++)	/* moved, not copied */
		*finding_list_add(out) = again.v[i];
	again.n = 0;
	finding_list_release(&again);
	free(sub.pkgs);
	free(paths);
}
