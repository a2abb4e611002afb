/* gitblob.c - a file from a revision's tree (see gitblob.h) */
#define _XOPEN_SOURCE 700	/* realpath() */
#include "git/gitblob.h"
#include "util/util.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *git_why(void)
{
	const git_error *e = git_error_last();	/* NULL is possible before 1.8 */

	return e && e->message ? e->message : "unknown error";
}

/* The repository-relative path of path, given the work tree wt (absolute,
 * ending in '/') and the current directory; NULL when it leaves the tree. */
static char *tree_path(const char *wt, const char *path)
{
	char cwd[PATH_MAX], *joined, *s, *tok, *save = NULL;
	struct buf b = BUF_INIT;
	size_t wl = strlen(wt);
	const char **parts = NULL;
	size_t np = 0, ap = 0, i;
	int bad = 0;

	if (*path == '/' || !realpath(".", cwd))
		return NULL;
	/* cwd is inside wt: "wt/sub" or wt itself ("wt" without the slash) */
	if (strncmp(cwd, wt, wl - 1) || (cwd[wl - 1] && cwd[wl - 1] != '/'))
		return NULL;
	joined = xasprintf("%s/%s", cwd + wl - 1, path);
	for (s = joined; (tok = strtok_r(s, "/", &save)); s = NULL) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (!np) {
				bad = 1;
				break;
			}
			np--;
			continue;
		}
		ARRAY_GROW(parts, np + 1, ap);
		parts[np++] = tok;
	}
	for (i = 0; !bad && i < np; i++) {
		if (i)
			buf_addc(&b, '/');
		buf_adds(&b, parts[i]);
	}
	free(parts);
	free(joined);
	if (bad || !b.len) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* quiet: no message on an error (the caller only wants to know) */
#define FAIL(...) (quiet ? -1 : mg_error(__VA_ARGS__))

static int read_blob(const char *rev, const char *path, char **data,
		     size_t *len, int quiet)
{
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_tree *tree = NULL;
	git_tree_entry *ent = NULL;
	git_blob *blob = NULL;
	const char *wt;
	char *tp = NULL;
	int r, rc = -1;

	*data = NULL;
	*len = 0;
	git_libgit2_init();
	if (git_repository_open_ext(&repo, ".", 0, NULL) < 0) {
		FAIL("%s: not in a git repository (--trusted-config): %s", rev,
			 git_why());
		goto out;
	}
	if (!(wt = git_repository_workdir(repo))) {
		FAIL("%s: bare repository: no work tree to place %s in", rev,
			 path);
		goto out;
	}
	if (!(tp = tree_path(wt, path))) {
		FAIL("%s: %s: not a path inside the repository", rev, path);
		goto out;
	}
	if (git_revparse_single(&obj, repo, rev) < 0) {
		FAIL("%s: unknown revision (shallow clone? fetch the base "
			 "first): %s", rev, git_why());
		goto out;
	}
	if (git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
		FAIL("%s: not a commit or tree: %s", rev, git_why());
		goto out;
	}
	r = git_tree_entry_bypath(&ent, tree, tp);
	if (r == GIT_ENOTFOUND) {
		rc = 1;
		goto out;
	}
	if (r < 0) {
		FAIL("%s:%s: cannot read: %s", rev, tp, git_why());
		goto out;
	}
	if (git_tree_entry_type(ent) != GIT_OBJECT_BLOB ||
	    git_tree_entry_filemode(ent) == GIT_FILEMODE_LINK) {
		FAIL("%s:%s: not a file", rev, tp);
		goto out;
	}
	if (git_blob_lookup(&blob, repo, git_tree_entry_id(ent)) < 0) {
		FAIL("%s:%s: cannot read: %s", rev, tp, git_why());
		goto out;
	}
	*len = (size_t)git_blob_rawsize(blob);
	*data = xmalloc(*len + 1);
	memcpy(*data, git_blob_rawcontent(blob), *len);
	(*data)[*len] = '\0';
	rc = 0;
out:
	git_blob_free(blob);
	git_tree_entry_free(ent);
	git_tree_free(tree);
	git_object_free(obj);
	git_repository_free(repo);
	free(tp);
	git_libgit2_shutdown();
	return rc;
}

int gitblob_read(const char *rev, const char *path, char **data, size_t *len)
{
	return read_blob(rev, path, data, len, 0);
}

int gitblob_read_quiet(const char *rev, const char *path, char **data,
		       size_t *len)
{
	return read_blob(rev, path, data, len, 1);
}
