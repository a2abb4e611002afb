/* gitdiff.h - what a change added, read from a git repository (libgit2)
 *
 * Owns: opening the repository, resolving revisions, the merge-base, and the
 * added-line set of the diff between them.  The only libgit2 user; git2.h
 * never appears in a header.  Not: reading unified diffs (patch.h).
 */
#ifndef MG_GITDIFF_H
#define MG_GITDIFF_H

#include "lineset.h"

struct gitdiff_opts {
	const char *dir;	/* where to look for the repository ("." ) */
	const char *base;	/* revision, required */
	const char *head;	/* revision, or NULL for the working tree */
	int no_merge_base;	/* diff against base itself */
	int no_renames;
};

struct gitdiff;

/* Opens the repository above o->dir and computes the added lines.
 * Returns 0, or -1 after a one-line error naming the revision or path and,
 * in a shallow clone, the fix.  *out is NULL on error. */
int gitdiff_open(struct gitdiff **out, const struct gitdiff_opts *o);
/* The added lines and changed files (borrowed while g lives). */
const struct lineset *gitdiff_lines(const struct gitdiff *g);
/* The work tree's absolute path, with a trailing '/' (borrowed). */
const char *gitdiff_workdir(const struct gitdiff *g);
void gitdiff_free(struct gitdiff *g);

#endif
