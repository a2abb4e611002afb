/* gitdiff.h - what a change added, read from a git repository (libgit2)
 *
 * Owns: opening the repository, resolving revisions (and `--base auto` from
 * the CI's variables), the merge-base, the added-line set of the diff between
 * it and the head (a commit, or the working tree with the index and untracked
 * files), and reading the merge-base's Go files straight from the object
 * database (no checkout).  libgit2 is used here and in gitblob.c (one file
 * of a revision); git2.h never appears in a header.  Not: reading unified
 * diffs (patch.h), scanning (engine/scan.h).
 */
#ifndef MG_GITDIFF_H
#define MG_GITDIFF_H

#include <stddef.h>

#include "git/lineset.h"

struct gitdiff_opts {
	const char *dir;	/* where to look for the repository ("." ) */
	const char *base;	/* revision, required */
	const char *head;	/* revision, or NULL for the working tree */
	int no_merge_base;	/* diff against base itself */
	int no_renames;		/* no rename or copy detection */
};

struct gitdiff;

/* Opens the repository above o->dir and computes the added lines: a renamed
 * or copied file's unchanged lines are not added; deleted files are recorded
 * as deleted; binary files and renames count as changed files without lines;
 * mode-only changes and submodules are no change to Go code.
 * Returns 0, or -1 after a one-line error naming the revision or path and,
 * in a shallow clone, the fix.  *out is NULL on error. */
int gitdiff_open(struct gitdiff **out, const struct gitdiff_opts *o);
/* The added lines and changed files (borrowed while g lives). */
const struct lineset *gitdiff_lines(const struct gitdiff *g);
/* The work tree's absolute path, with a trailing '/' (borrowed). */
const char *gitdiff_workdir(const struct gitdiff *g);
/* The compared-against commit (the merge-base), as hex (borrowed). */
const char *gitdiff_base_id(const struct gitdiff *g);

/* A file of the merge-base. */
struct gitdiff_blob {
	char *path;		/* repository-relative, owned */
	char *data;		/* bytes, NUL-terminated (not counted), owned */
	size_t len;
};
/* The .go files directly in directory dir ("" for the top) at the
 * merge-base, sorted by name, skipping names that start with '.' or '_', as
 * mg-scan does, and symlinks.  A missing directory gives none.
 * Returns 0 (*out owned, free with gitdiff_blobs_free), or -1 after an error
 * (a corrupt repository). */
int gitdiff_base_dir(const struct gitdiff *g, const char *dir,
		     struct gitdiff_blob **out, size_t *n);
void gitdiff_blobs_free(struct gitdiff_blob *v, size_t n);
/* A file of the head (--head's tree, or the working tree), path
 * repository-relative.  Returns 0 with *data (owned, NUL-terminated), 1 when
 * there is no such file, -1 after an error. */
int gitdiff_head_file(const struct gitdiff *g, const char *path, char **data,
		      size_t *len);

void gitdiff_free(struct gitdiff *g);

/* `--base auto`: the base revision the CI names.  GitHub Actions: the
 * pull_request.base.sha of $GITHUB_EVENT_PATH, else origin/$GITHUB_BASE_REF;
 * GitLab: $CI_MERGE_REQUEST_DIFF_BASE_SHA, else
 * origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME; else origin/HEAD.
 * Returns a new string (*why, static, says where it came from), or NULL
 * after an error (an unreadable or invalid event file). */
char *gitdiff_auto_base(const char **why);

#endif
