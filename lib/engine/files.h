/* files.h - file discovery: which Go files to scan, grouped into packages
 *
 * Owns: turning command-line paths (files, directories, `dir/...`) into a
 * sorted, de-duplicated list of packages (directories) and their .go files,
 * skipping what the go tool skips (vendor/, testdata/, .git/, dirs starting
 * with '.' or '_').  Symlinked directories are not followed (no loops).
 * Also: exclusions (a caller's predicate on each path) and sharding (a
 * package goes to shard K of N by the FNV-1a hash of its directory; K and N
 * also from the CI's variables).
 * Not: reading file contents.
 */
#ifndef MG_FILES_H
#define MG_FILES_H

#include <stddef.h>

struct files_pkg {
	char *dir;		/* "." or a relative/absolute directory */
	char **files;		/* paths as findings will name them, sorted */
	size_t n, alloc;
};

struct files_result {
	struct files_pkg *pkgs;	/* sorted by dir */
	size_t n, alloc;
	size_t nfiles;
};

struct files_opts {
	int no_tests;		/* skip *_test.go found in directories */
	/* when set and true for a path (as findings name it), the file is left
	 * out; applies to named files and walked ones alike */
	int (*exclude)(const void *arg, const char *path);
	const void *exclude_arg;
	unsigned shard_k, shard_n;	/* keep only shard k (1-based) of n; n 0: all */
};

/* Collects the Go files under args[0..nargs) into r (zeroed before).
 * Problems (missing path, unreadable directory) are reported with mg_error()
 * and skipped; returns how many there were (0: all read). */
int files_collect(struct files_result *r, char *const *args, size_t nargs,
		 const struct files_opts *o);
void files_release(struct files_result *r);

/* The shard (1..n) that the package in directory dir belongs to: FNV-1a of
 * the cleaned directory path, modulo n; stable across machines and runs. */
unsigned files_shard_of(const char *dir, unsigned n);

/* Parses "K/N" (1 <= K <= N <= FILES_MAX_SHARDS) into *k and *n; -1 if bad. */
#define FILES_MAX_SHARDS 4096
int files_parse_shard(const char *s, unsigned *k, unsigned *n);
/* --shard auto: the shard from GitLab's parallel: variables (CI_NODE_INDEX,
 * CI_NODE_TOTAL), else from MAPGUARD_SHARD and MAPGUARD_SHARDS.  Returns 0,
 * or -1 after an error naming the variables. */
int files_shard_auto(unsigned *k, unsigned *n);

/* Do args[0..nargs) cover whole modules: each a directory (or dir/...)
 * holding a go.mod?  The module phase (module.h) needs every package of
 * a module to judge across them; a tree without go.mod (GOPATH) or a
 * directory inside a module is not known to be whole. */
int files_cover_module(char *const *args, size_t nargs);

/* "./a//b/" -> "a/b"; "." stays "."; returns a new string. */
char *files_clean_path(const char *p);

#endif
