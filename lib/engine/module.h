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

#endif
