/* walk.h - file discovery: which Go files to scan, grouped into packages
 *
 * Owns: turning command-line paths (files, directories, `dir/...`) into a
 * sorted, de-duplicated list of packages (directories) and their .go files,
 * skipping what the go tool skips (vendor/, testdata/, .git/, dirs starting
 * with '.' or '_').  Symlinked directories are not followed (no loops).
 * Not: reading file contents.
 */
#ifndef MG_WALK_H
#define MG_WALK_H

#include <stddef.h>

struct walk_pkg {
	char *dir;		/* "." or a relative/absolute directory */
	char **files;		/* paths as findings will name them, sorted */
	size_t n, alloc;
};

struct walk_result {
	struct walk_pkg *pkgs;	/* sorted by dir */
	size_t n, alloc;
	size_t nfiles;
};

struct walk_opts {
	int no_tests;		/* skip *_test.go found in directories */
};

/* Collects the Go files under args[0..nargs) into r (zeroed before).
 * Problems (missing path, unreadable directory) are reported with mg_error()
 * and skipped; returns how many there were (0: all read). */
int walk_collect(struct walk_result *r, char *const *args, size_t nargs,
		 const struct walk_opts *o);
void walk_release(struct walk_result *r);

/* "./a//b/" -> "a/b"; "." stays "."; returns a new string. */
char *walk_clean_path(const char *p);

#endif
