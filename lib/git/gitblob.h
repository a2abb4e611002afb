/* gitblob.h - one file as it is in a revision's tree (libgit2)
 *
 * Owns: reading a file's bytes from the tree of a revision, without a
 * checkout, for a privileged run that must judge a change by rules the change
 * cannot edit: --trusted-config REV reads .mapguard.json and the baseline
 * from the base revision (docs/security.md).  Not: diffs (gitdiff.h).
 * git2.h never appears in a header.
 */
#ifndef MG_GITBLOB_H
#define MG_GITBLOB_H

#include <stddef.h>

/* Reads path (relative to the current directory, which must be inside the
 * repository's work tree; no "..", not absolute) from the tree of revision
 * rev of the repository above the current directory.  Returns 0 with *data
 * (owned, NUL-terminated, len bytes before the NUL); 1 when rev's tree has no
 * such file (*data NULL, nothing printed); -1 after a one-line error
 * ("REV: unknown revision", "REV:PATH: not a file").  *data is NULL unless 0
 * is returned. */
int gitblob_read(const char *rev, const char *path, char **data, size_t *len);
/* The same, printing nothing (and counting no error) when it fails: for
 * information that may be unavailable (mg-gate's policy-edit line). */
int gitblob_read_quiet(const char *rev, const char *path, char **data,
		       size_t *len);

#endif
