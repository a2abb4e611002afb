/* introduced.h - which findings a change introduced (mg-diff)
 *
 * Owns: the "introduced" analysis of DESIGN.md.  Given a change (the added
 * lines per root-relative path, lineset.h, from git or a patch) it maps each
 * finding's path into the repository and decides whether the change made
 * it, by mode: on an added line or with evidence on one, else absent from
 * the merge-base (new: the merge-base versions of the changed packages are
 * judged by the same engine, scan.h, and a finding whose fingerprint they
 * also yield is old); on an added line (added); within N lines of one
 * (context=N); in a changed file (file); every finding (all).  Also what
 * the change holds besides findings: its changed .go files, or every .go
 * file of its packages (--list-files), and the suppression directives it
 * added (suppress.h).  Not: computing the change (gitdiff.h, patch.h),
 * reading or writing the finding stream (stream/), options (mg-diff).
 */
#ifndef MG_INTRODUCED_H
#define MG_INTRODUCED_H

#include <stddef.h>
#include <stdio.h>

#include "stream/finding.h"

struct lineset;
struct gitdiff;

enum intro_mode { INTRO_NEW = 1, INTRO_ADDED, INTRO_CONTEXT, INTRO_FILE,
		  INTRO_ALL };

/* Parses "new", "added", "context=N" (0 <= N <= 1000000), "file" or "all";
 * -1 if bad. */
int introduced_parse_mode(const char *s, enum intro_mode *mode, long *context);

/* The change findings are judged against (everything borrowed). */
struct introduced {
	const struct lineset *ls;	/* added lines by root-relative path */
	struct gitdiff *g;		/* the merge-base and head; NULL with a
					 * patch (then INTRO_NEW is not allowed) */
	const char *cwd_abs;		/* where the findings' relative paths
					 * start (realpath) */
	const char *root_abs;		/* the repository (realpath) */
	enum intro_mode mode;
	long context;			/* INTRO_CONTEXT's N */
	int keep_unmapped;		/* keep a path outside the root (else an
					 * error) */
};

/* A location as the finding stream names it (borrowed). */
struct intro_loc {
	const char *path;		/* relative to cwd_abs, or absolute */
	long line;
};

/* One finding: what the analysis reads of it, and its verdict. */
struct intro_finding {
	const char *path;		/* in, borrowed */
	long line;
	const char *fingerprint;	/* NULL: none (never proven old) */
	const struct intro_loc *ev;	/* evidence locations */
	size_t nev;
	char *rp;			/* out, owned: the root-relative path;
					 * NULL: outside the root */
	int keep;			/* out: 1 the change introduced it */
	int check;			/* INTRO_NEW: left to the merge-base */
};

/* Decides keep (and rp) for v[0..n), findings grouped by path as a stream
 * is.  Returns 0, or -1 after an error (a path outside the root without
 * keep_unmapped, a merge-base package that cannot be read).  The caller
 * frees each rp, also after an error. */
int introduced_filter(const struct introduced *c, struct intro_finding *v,
		      size_t n);

/* The suppression directives (//mg:ignore, //nolint) on added lines of the
 * changed Go files, read from the head (with a patch: from the files under
 * the root), appended to ci with paths as seen from cwd_abs.  Returns 0, or
 * -1 after an error. */
int introduced_suppressions(const struct introduced *c, struct change_info *ci);

/* Writes the changed .go files, or with packages every .go file of each
 * changed package (also of deleted and renamed-away files), relative to
 * cwd_abs, sorted, each ended by end ('\n' or '\0').  With packages the
 * directories are listed from the current directory, which must be
 * cwd_abs. */
void introduced_list_files(const struct introduced *c, int packages, char end,
			   FILE *fp);

/* A finding's path (relative to cwd_abs, or absolute) made relative to
 * root_abs, lexically ("." and ".." resolved); a new string, NULL when it
 * lies outside the root. */
char *introduced_map_path(const char *cwd_abs, const char *root_abs,
			  const char *path);
/* A root-relative path as seen from cwd_abs ("../x", "."); a new string. */
char *introduced_from_root(const char *cwd_abs, const char *root_abs,
			   const char *rp);

#endif
