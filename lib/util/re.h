/* re.h - sets of regular expressions (pcre2), compiled once, matched many
 *
 * Owns: the only use of pcre2: compiling user patterns with UTF and
 * invalid-UTF matching, JIT when it is there, and matching a string against
 * a set.  Not: where the patterns come from (config.h) or what a match
 * means (the engine).
 */
#ifndef MG_RE_H
#define MG_RE_H

#include <stddef.h>

struct re_set;

/* Compiles pattern into *set (made on first use).  Returns 0, or -1 after
 * "WHAT: pattern 'P': why at offset N"; *set keeps what it had. */
int re_set_add(struct re_set **set, const char *pattern, const char *what);
/* Does some pattern of set (NULL: none) match somewhere in s[0..len)?
 * Safe from several threads at once. */
int re_set_match(const struct re_set *set, const char *s, size_t len);
void re_set_free(struct re_set *set);

#endif
