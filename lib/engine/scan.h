/* scan.h - the rules: judge one Go package held in memory
 *
 * Owns: the MGnnn rules over the files of one package (one directory), given
 * as in-memory (path, bytes) pairs so that mg-scan (files on disk) and mg-diff
 * (blobs of the merge-base read from git) run the very same engine.  Emits
 * struct finding with fingerprints; does no I/O and never fails on junk.
 * Not: discovery (files.h), output (stream/finding.h, report/report.h), the
 * rule catalogue (stream/rules.h).
 */
#ifndef MG_SCAN_H
#define MG_SCAN_H

#include <stddef.h>

#include "stream/finding.h"
#include "stream/rules.h"

struct re_set;
struct module;

struct scan_file {
	const char *path;	/* as findings should name it (borrowed) */
	const char *data;	/* the file's bytes (borrowed) */
	size_t len;
};

#define SCAN_MAX_RULES RULES_MAX	/* per-rule tables, by enum rule */
struct scan_opts {
	unsigned rules;		/* bit r set: rule r (enum rule) enabled */
	int severity[SCAN_MAX_RULES];	/* -1 keep, else enum severity */
	int require_reason;	/* suppression without a reason is a finding */
	int include_generated;	/* judge files marked "Code generated ... DO
				 * NOT EDIT." too; else their function bodies
				 * are not read and they get no findings */
	/* this project's concurrency APIs by pattern over a call's name
	 * (.mapguard.json; borrowed; NULL: none) */
	const struct re_set *concurrent_calls, *serial_calls;
	/* the module phase (engine/module.h): set when the
	 * scan covers a whole module, NULL otherwise (borrowed) */
	struct module *mod;
};
/* Fills o with the defaults: every rule on, no overrides, generated files
 * skipped. */
void scan_opts_init(struct scan_opts *o);

/* Judges the n files of one package and appends its findings to out, sorted
 * by path, line and column, fingerprinted.  Never fails. */
void scan_package(const struct scan_opts *o, const struct scan_file *files,
		  size_t n, struct finding_list *out);

#endif
