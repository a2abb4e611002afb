/* module.h - the module phase: what the packages of one module say of each
 * other, gathered while they are judged one at a time
 *
 * Owns: the index of exported names each package's code refers to (`x.Name`
 * in its non-test files, the cheap stand-in for "some code of this module
 * calls Name"), the findings whose concurrency rests on such a call
 * (conditions, added by the judge) and their resolution once every package
 * is done: a finding one side of which no code of the module reaches, or
 * neither side of which a goroutine of the module reaches, is a contract
 * finding (the API's users could race it; nothing here does) and drops to
 * a note; the graph of calls across packages (goroutines' calls into
 * other packages, exported functions calling on, package-level maps they
 * reach), the go.mod of each directory, and the plan of the second round
 * (which packages to judge again with other packages' goroutines as
 * roots).  Thread-safe: packages are judged on several threads.
 * Not: the judgement itself (judge.c, xpkg.c), the scheduling (sched.c).
 */
#ifndef MG_MODULE_H
#define MG_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "stream/finding.h"

struct module;

struct module *module_new(void);
void module_free(struct module *m);

/* Records the exported names `.Name` that src (one non-test file) refers
 * to: a method or another package's function some code calls. */
void module_add_refs(struct module *m, const char *src, size_t len);
/* The same; with blind, src is a file whose bodies are not walked (a
 * package skipped, a generated file): any name it refers to may be
 * called with no lock we know (module_xlock()). */
void module_add_refs_ex(struct module *m, const char *src, size_t len,
			int blind);

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

struct module_entry {		/* its strings are the module's */
	const char *dir;	/* the callee's package directory (cleaned) */
	const char *name;	/* the exported function, ".Name" a method */
	const char *path;	/* where the goroutine's package calls in */
	long line, col;
	const char *why;	/* "worker, which runs in a goroutine ..." */
	const char *via;	/* the function path calls, whose code calls
				 * on to name (".Name" a method), or NULL:
				 * path calls name itself */
	unsigned char many;	/* several of those run at once */
	const char *go_path;	/* where that goroutine starts (a go
				 * statement, a callback's registration),
				 * or NULL when not known */
	long go_line, go_col;
	unsigned char go_callback;
	unsigned char go_sole;	/* that goroutine is the only one known to
				 * run the calling code */
};

/* Where a calling goroutine starts (module_add_entry()). */
struct module_site {
	uint32_t path;		/* module_intern() id; 0 with line 0: none */
	long line, col;
	unsigned char callback;
	unsigned char sole;	/* the only goroutine known to run the call */
};

/* The module around the cleaned directory dir (its nearest go.mod): its
 * root directory and module path, new strings; 0 (both NULL) if none. */
int module_locate(struct module *m, const char *dir, char **root,
		  char **path);
/* The directory that import path ipath names in the module at root with
 * path modpath, cleaned and new; NULL when it is not in that module. */
char *module_import_dir(const char *root, const char *modpath,
			const char *ipath);
/* The module path of the cleaned directory dir's module (its nearest
 * go.mod), or NULL; the caller frees it. */
char *module_path_of(struct module *m, const char *dir);
/* The id of string s in the module's table (dirs, names, paths). */
uint32_t module_intern(struct module *m, const char *s);
/* A goroutine or callback of another package calls dir's exported
 * function name ("Name", or a method ".Name") at path:line:col; why says
 * which goroutine (ids of module_intern(); first round only).  many: 1
 * several such goroutines at once, 2 only the calling package's reach
 * says it runs in one (counts for module_resolve(), starts nothing).
 * go: where the goroutine starts, or NULL. */
void module_add_entry(struct module *m, uint32_t dir, uint32_t name,
		      int many, uint32_t path, long line, long col,
		      uint32_t why, const struct module_site *go);
/* Code of package dir0 that its exported name0 reaches calls dir1's
 * exported name1 (a function "Name", or any method ".Name" there): a
 * goroutine that calls name0 runs name1 too (ids; first round only). */
void module_add_edge(struct module *m, uint32_t dir0, uint32_t name0,
		     uint32_t dir1, uint32_t name1);
/* dir's exported function name reaches one of its package-level maps
 * (first round only). */
void module_add_candidate(struct module *m, const char *dir, const char *name);
/* After the first round (one thread): carries the entries on along the
 * edges, keeps those that reach a candidate; *dirs (borrowed strings, the
 * array freed by the caller) are the packages to judge again, sorted;
 * returns how many.  Starts the second round. */
size_t module_plan(struct module *m, char ***dirs);
/* In the second round: the entries into the package in dir. */
size_t module_entries(const struct module *m, const char *dir,
		      const struct module_entry **v);
int module_rerun(const struct module *m);

/* ---- locks held across packages (module_xlock.c) ----
 * First round: every call of dir's exported function name ("Name", or
 * ".Name" a method of any package: dir is then not used) that a package
 * of the module makes outside its tests, with the locks held at the call
 * in the callee's terms, '\n'-separated ("^Mu": the receiver's field Mu,
 * "^": the receiver's own Lock, "=Mu": the callee package's variable Mu;
 * "" none). */
void module_add_xlock(struct module *m, const char *dir, const char *name,
		      const char *locks);
/* First round: dir's exported name reaches a map: judge dir again if
 * every call of name holds a lock. */
void module_add_want(struct module *m, const char *dir, const char *name);
/* Second round: the locks every call of dir's name holds (as above), or
 * NULL when none, when some code may reach it without a call we see, or
 * when nothing calls it. */
const char *module_xlock(const struct module *m, const char *dir,
			 const char *name);
/* Second round: is dir judged again for module_xlock()'s sake? */
int module_xlock_dir(const struct module *m, const char *dir);

/* module_xlock.c's table, for module.c only */
struct xlocks;
struct xlocks *xlocks_new(void);
void xlocks_free(struct xlocks *x);
void xlocks_add(struct xlocks *x, const char *dir, const char *name,
		const char *locks);
void xlocks_want(struct xlocks *x, const char *dir, const char *name);
/* names v[i][0..nv[i]) into the blind set (module_add_refs(): those not
 * called right there, x.Name handed on as a value), and the packages
 * dsrc (a file's text, NULL when it has no `. "`) imports with `.` */
void xlocks_blind(struct xlocks *x, const char *const *v, const size_t *nv,
		  size_t n, const char *dsrc, size_t len);
void xlocks_plan(struct xlocks *x);
const char *xlocks_get(const struct xlocks *x, const char *dir, size_t dlen,
		       const char *name);
int xlocks_dir(const struct xlocks *x, const char *dir);
size_t xlocks_dirs(const struct xlocks *x, char ***dirs);

#endif
