/* sched.h - run the engine over many packages on threads, within a memory
 * budget
 *
 * Owns: scanning the packages file discovery found (files.h): reading each
 * package's files (refusing one larger than a limit, skipping a binary one),
 * judging it (scan.h), applying the source's suppressions to the files that
 * have findings (suppress.h); spreading the packages over N threads, largest
 * first, with only as many in memory at once as fit a byte budget; and
 * gathering the results in package order, so they are the same byte for
 * byte whatever N is.  Not: discovery (files.h), options and output
 * (mg-scan), the rules (scan.h).
 */
#ifndef MG_SCHED_H
#define MG_SCHED_H

#include <stddef.h>

#include "stream/finding.h"

struct scan_opts;
struct files_result;

struct sched_opts {
	const struct scan_opts *so;	/* borrowed */
	long jobs;			/* threads, the caller's included (>= 1) */
	size_t max_file_size;		/* a larger file is an error */
	unsigned long long budget;	/* estimated bytes of packages in flight */
	int stats;			/* estimate costs even with one job */
	int quiet;			/* print no messages (a second round) */
};

/* What a run did (mg-scan --stats). */
struct sched_stats {
	long files;			/* read and judged */
	size_t bytes;			/* their size */
	double t_read, t_engine, t_suppress;	/* thread CPU seconds, summed */
	size_t most;			/* packages in flight at most */
	unsigned long long peak;	/* estimated bytes in flight at most */
};

/* Scans every package of w on o->jobs threads.  The findings are appended
 * to out in package order (each package's sorted by path, line, column; the
 * caller sorts the whole); the messages (a file that cannot be read, a
 * binary file, a bad directive) are printed with mg_error()/mg_warn() in
 * package order once all are done.  Fills *st.  Returns how many files could
 * not be read (errors, already printed). */
int sched_run(const struct sched_opts *o, const struct files_result *w,
	      struct finding_list *out, struct sched_stats *st);

/* The module phase's second round (engine/module.h): judges again the
 * packages of w in dirs[0..nd) (cleaned, sorted), replacing their
 * findings in out; prints nothing. */
void sched_rerun(const struct sched_opts *o, const struct files_result *w,
		 char *const *dirs, size_t nd, struct finding_list *out);

#endif
