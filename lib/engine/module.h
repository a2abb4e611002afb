/* module.h - the module phase: what the packages of one module say of each
 * other, gathered while they are judged one at a time
 *
 * Owns: the index of exported names each package's code refers to (`x.Name`
 * in its non-test files, the cheap stand-in for "some code of this module
 * calls Name"), the findings whose concurrency rests on such a call
 * (conditions, added by the judge) and their resolution once every package
 * is done: a finding one side of which no code of the module reaches is a
 * contract finding (the API's users could race it; nothing here does) and
 * drops to a note.  Thread-safe: packages are judged on several threads.
 * Not: the judgement itself (judge.c), the scheduling (mg-scan).
 */
#ifndef MG_MODULE_H
#define MG_MODULE_H

#include <stddef.h>

#include "stream/finding.h"

struct module;

struct module *module_new(void);
void module_free(struct module *m);

/* Records the exported names `.Name` that src (one non-test file) refers
 * to: a method or another package's function some code calls. */
void module_add_refs(struct module *m, const char *src, size_t len);

/* The finding of rule id `rule` at path:line:col stands only if each side
 * is reached: need[0] and need[1] are '\n'-separated names of the exported
 * functions through which outside code reaches that side ("" when the
 * package itself runs it: a goroutine, a callback, main). */
void module_add_cond(struct module *m, const char *path, long line, long col,
		     const char *rule, const char *need0, const char *need1);

/* After every package: each conditioned finding of v[0..n) one side of
 * which no code refers to becomes a note saying so, unless
 * keep_rule(rule id) (a severity the user set). */
void module_resolve(struct module *m, struct finding *v, size_t n,
		    int (*keep_rule)(const char *rule, void *arg), void *arg);

/* ---- calls across packages ----
 * The first round judges every package and records, from each, the calls
 * its goroutines and callbacks make to exported functions of other
 * packages of the module (entries), and its own exported functions that
 * reach a package-level map (candidates).  module_plan() keeps the entries
 * that reach a candidate and names the packages to judge again; in that
 * second round each such package runs its entries as goroutines started
 * from outside (module_entries()). */
#define MODULE_ENTRIES_PER_FUNC 4

struct module_entry {
	char *dir;		/* the callee's package directory (cleaned) */
	char *name;		/* the exported function */
	char *path;		/* where the other package calls it */
	long line, col;
	char *why;		/* "the goroutine of (*Loader).run" */
	unsigned char many;	/* several of those run at once */
};

/* The directory that import path ipath names in the module around the
 * cleaned directory from_dir (the nearest go.mod), cleaned; NULL when the
 * path is not in that module.  The caller frees it. */
char *module_import_dir(struct module *m, const char *from_dir,
			const char *ipath);
/* A goroutine or callback of another package calls dir's exported
 * function name at path:line:col (first round only; a few per function). */
void module_add_entry(struct module *m, const char *dir, const char *name,
		      int many, const char *path, long line, long col,
		      const char *why);
/* dir's exported function name reaches one of its package-level maps
 * (first round only). */
void module_add_candidate(struct module *m, const char *dir, const char *name);
/* After the first round (one thread): *dirs (borrowed strings, the array
 * freed by the caller) are the packages to judge again, sorted; returns
 * how many.  Starts the second round. */
size_t module_plan(struct module *m, char ***dirs);
/* In the second round: the entries into the package in dir. */
size_t module_entries(const struct module *m, const char *dir,
		      const struct module_entry **v);
int module_rerun(const struct module *m);

#endif
