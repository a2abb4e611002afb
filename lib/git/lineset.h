/* lineset.h - which lines of which files a change added
 *
 * Owns: the set of (repository-relative path, line) pairs that a change added,
 * and the set of changed files, as built by gitdiff.c (libgit2) and patch.c
 * (a unified diff).  Not: computing diffs.
 */
#ifndef MG_LINESET_H
#define MG_LINESET_H

#include <stddef.h>

struct lineset;

struct lineset *lineset_new(void);
void lineset_free(struct lineset *ls);
/* Records that path changed (old_path: its name before a rename, or NULL). */
void lineset_add_file(struct lineset *ls, const char *path, const char *old_path);
/* Records an added line of path (the file is recorded too). */
void lineset_add(struct lineset *ls, const char *path, long line);
/* Queries; path is repository-relative with forward slashes. */
int lineset_has(const struct lineset *ls, const char *path, long line);
/* Is there an added line within [line - ctx, line + ctx]? */
int lineset_near(const struct lineset *ls, const char *path, long line, long ctx);
int lineset_has_file(const struct lineset *ls, const char *path);
/* The name path had before a rename, or path itself (borrowed). */
const char *lineset_old_path(const struct lineset *ls, const char *path);
/* Changed files in path order: *n entries, borrowed while ls lives. */
const char *const *lineset_files(const struct lineset *ls, size_t *n);
size_t lineset_count_lines(const struct lineset *ls);
/* Records that path was deleted (it is not a changed file: nothing of it is
 * left to hold a finding, but its package changed). */
void lineset_add_deleted(struct lineset *ls, const char *path);
/* Deleted files in the order recorded: *n entries, borrowed. */
const char *const *lineset_deleted(const struct lineset *ls, size_t *n);

#endif
