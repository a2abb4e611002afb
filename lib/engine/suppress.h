/* suppress.h - waivers written in the source: //mg:ignore and //nolint
 *
 * Owns: reading suppression directives from the comments of one Go file (the
 * tokenizer's comment list, so a directive inside a string literal is not
 * one) and applying them to that file's findings: a suppressed finding is
 * kept, marked `suppressed` with the directive's reason.  With require_reason,
 * a directive without a reason becomes an MG000 finding of its own.
 * Not: finding the races (scan.h), reading files, output.
 *
 * Grammar (docs/man/mg-scan.1, README):
 *
 *   directive := "//" [" "] ( mgignore | nolint )
 *   mgignore  := "mg:ignore" [ SP rules ] [ reason ]
 *   nolint    := "nolint" [ ":" linters ] [ reason ]
 *   rules     := RULE { "," [SP] RULE }          RULE := "MG" 3 digits (any
 *                                                case; "MG" + other digits:
 *                                                warned, waives nothing)
 *   linters   := NAME { "," NAME }               honored if bare, "all" or
 *                                                "mapguard" is among them
 *   reason    := [SP] [ "//" | "--" | ":" | "-" ] text   (trimmed; empty: none)
 *
 * `//mg:ignore` with no rule list waives every rule.  A directive applies to
 * findings on its own line; when the comment is the first thing on its line,
 * also to the line below it.  Only // comments count.
 */
#ifndef MG_SUPPRESS_H
#define MG_SUPPRESS_H

#include <stddef.h>

#include "stream/finding.h"
#include "engine/scan.h"
#include "util/util.h"

/* Could src hold a directive at all?  A byte search (no tokenizing), to skip
 * files cheaply when require_reason makes every file worth a look. */
int suppress_maybe(const char *src, size_t len);

/* Applies the directives of file f to out->v[lo..hi) (findings whose path is
 * f->path), setting suppressed and suppress_reason.  With o->require_reason
 * and rule MG000 enabled in o->rules, appends an MG000 finding to out for
 * each directive without a reason (fingerprinted; out is then unsorted).
 * Problems in directives (an unknown rule id) are appended to log as lines
 * "path:line: why\n" for the caller to print as warnings.  Thread-safe. */
void suppress_apply(const struct scan_opts *o, const struct scan_file *f,
		    struct finding_list *out, size_t lo, size_t hi,
		    struct buf *log);

/* A directive as written, for reporting the ones a change adds (mg-diff). */
struct suppress_directive {
	long line;
	unsigned rules;		/* bit r: waives MG00r; ~0u: every rule */
	char *reason;		/* owned, NULL: none */
};

/* Lists the directives of Go source src (the same grammar as
 * suppress_apply()), in line order.  Returns their number; *out is owned
 * (free with suppress_directives_free), NULL when there are none. */
size_t suppress_directives(const char *src, size_t len,
			   struct suppress_directive **out);
void suppress_directives_free(struct suppress_directive *v, size_t n);

#endif
