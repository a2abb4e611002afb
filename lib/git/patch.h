/* patch.h - what a change added, read from a unified diff
 *
 * Owns: parsing git's and diff -u's unified diffs (a/ b/ prefixes or none,
 * quoted paths, /dev/null, renames, "\ No newline") into a struct lineset.
 * Not: git repositories (gitdiff.h).
 */
#ifndef MG_PATCH_H
#define MG_PATCH_H

#include <stddef.h>

#include "git/lineset.h"

/* Parses the diff in data[0..len) (name: for messages) into a new set.
 * Returns 0, or -1 after "NAME:LINE: malformed diff: why"; *out NULL then. */
int patch_parse(struct lineset **out, const char *name, const char *data,
		size_t len);
/* Reads path ("-": stdin) and parses it. */
int patch_added_lines(struct lineset **out, const char *path);

#endif
