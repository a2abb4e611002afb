/* gitdiff.c - added lines between revisions with libgit2 (see gitdiff.h) */
#include "git/gitdiff.h"
#include "util/util.h"

#include <git2.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct gitdiff {
	git_repository *repo;
	git_tree *base_tree;	/* the merge-base's tree */
	git_tree *head_tree;	/* --head's tree; NULL: the working tree */
	struct lineset *ls;
	char *workdir;
	char base_id[GIT_OID_HEXSZ + 1];
};

static const char *git_msg(void)
{
	const git_error *e = git_error_last();

	return e && e->message ? e->message : "unknown error";
}

static int resolve(git_object **out, git_repository *repo, const char *rev)
{
	int r = git_revparse_single(out, repo, rev);

	if (r == GIT_ENOTFOUND || r == GIT_EAMBIGUOUS || r == GIT_EINVALIDSPEC) {
		if (git_repository_is_shallow(repo) == 1)
			return mg_error("%s: unknown revision: this is a shallow clone "
					"and the history is missing (fetch-depth: 0, "
					"git fetch --deepen=N, or pass --patch)", rev);
		return mg_error("%s: unknown revision (not a branch, tag or commit "
				"here; fetch it first?)", rev);
	}
	if (r < 0)
		return mg_error("%s: cannot resolve revision: %s", rev, git_msg());
	return 0;
}

static int commit_of(git_commit **out, git_repository *repo, const char *rev)
{
	git_object *obj = NULL, *peeled = NULL;
	int r;

	*out = NULL;
	if (resolve(&obj, repo, rev) < 0)
		return -1;
	r = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (r < 0)
		return mg_error("%s: not a commit: %s", rev, git_msg());
	*out = (git_commit *)peeled;
	return 0;
}

static int is_submodule(const git_diff_delta *d)
{
	return d->new_file.mode == GIT_FILEMODE_COMMIT ||
	       d->old_file.mode == GIT_FILEMODE_COMMIT;
}

/* A file counts as changed when its content changed or it moved; a
 * modification is recorded at its first hunk (or as binary), so a mode-only
 * change records nothing. */
static int on_file(const git_diff_delta *d, float progress, void *payload)
{
	struct lineset *ls = payload;

	(void)progress;
	if (is_submodule(d))
		return 0;
	switch (d->status) {
	case GIT_DELTA_ADDED:
	case GIT_DELTA_UNTRACKED:
	case GIT_DELTA_COPIED:
		lineset_add_file(ls, d->new_file.path, NULL);
		break;
	case GIT_DELTA_RENAMED:
		lineset_add_file(ls, d->new_file.path, d->old_file.path);
		break;
	case GIT_DELTA_DELETED:
		lineset_add_deleted(ls, d->old_file.path);
		break;
	case GIT_DELTA_TYPECHANGE:
		/* a file became a symlink or back: its old self is gone */
		if (d->new_file.mode == GIT_FILEMODE_LINK)
			lineset_add_deleted(ls, d->old_file.path);
		else
			lineset_add_file(ls, d->new_file.path, NULL);
		break;
	default:
		break;
	}
	return 0;
}

static int on_binary(const git_diff_delta *d, const git_diff_binary *b,
		     void *payload)
{
	(void)b;
	if (!is_submodule(d) && d->status != GIT_DELTA_DELETED)
		lineset_add_file(payload, d->new_file.path,
				 d->status == GIT_DELTA_RENAMED ? d->old_file.path
								: NULL);
	return 0;
}

static int on_hunk(const git_diff_delta *d, const git_diff_hunk *h, void *payload)
{
	(void)h;
	if (!is_submodule(d) && d->status != GIT_DELTA_DELETED)
		lineset_add_file(payload, d->new_file.path,
				 d->status == GIT_DELTA_RENAMED ? d->old_file.path
								: NULL);
	return 0;
}

static int on_line(const git_diff_delta *d, const git_diff_hunk *h,
		   const git_diff_line *l, void *payload)
{
	(void)h;
	if (l->origin == GIT_DIFF_LINE_ADDITION && l->new_lineno > 0 &&
	    !is_submodule(d))
		lineset_add(payload, d->new_file.path, l->new_lineno);
	return 0;
}

/* Marks into seen every commit reachable from start whose object is here
 * (a shallow clone's boundary parents are missing: the walk stops there).
 * skip_start: do not mark start itself.  Returns 0 or -1 (reported). */
static int reach(git_repository *repo, const git_oid *start, int skip_start,
		 struct lineset *seen, const struct lineset *stop)
{
	git_oid *stack = NULL;
	size_t sp = 0, alloc = 0;
	char hex[GIT_OID_HEXSZ + 1];
	int first = skip_start;

	ARRAY_GROW(stack, sp + 1, alloc);
	stack[sp++] = *start;
	while (sp) {
		git_oid id = stack[--sp];
		git_commit *c = NULL;
		unsigned i, np;

		git_oid_tostr(hex, sizeof(hex), &id);
		if (!first && (lineset_has_file(seen, hex) ||
			       (stop && !lineset_has_file(stop, hex))))
			continue;
		if (git_commit_lookup(&c, repo, &id) < 0)
			continue;	/* beyond the shallow boundary */
		if (!first)
			lineset_add_file(seen, hex, NULL);
		first = 0;
		np = git_commit_parentcount(c);
		for (i = 0; i < np; i++) {
			ARRAY_GROW(stack, sp + 1, alloc);
			stack[sp++] = *git_commit_parent_id(c, i);
		}
		git_commit_free(c);
	}
	free(stack);
	git_error_clear();
	return 0;
}

/* The merge-base in a shallow clone, where libgit2 1.5 does not know the
 * boundary and fails on the first missing parent: the common ancestors of
 * both sides that no other common ancestor reaches.  A shallow history is
 * short, so plain sets do. */
static int shallow_merge_base(git_oid *out, git_repository *repo,
			      const git_oid *a, const git_oid *b)
{
	struct lineset *ra = lineset_new(), *rb = lineset_new();
	struct lineset *common = lineset_new(), *below = lineset_new();
	const char *const *v;
	size_t n, i;
	int r = GIT_ENOTFOUND;

	reach(repo, a, 0, ra, NULL);
	reach(repo, b, 0, rb, NULL);
	v = lineset_files(rb, &n);
	for (i = 0; i < n; i++)
		if (lineset_has_file(ra, v[i]))
			lineset_add_file(common, v[i], NULL);
	/* the ancestors of a common commit are common too */
	v = lineset_files(common, &n);
	for (i = 0; i < n; i++) {
		git_oid id;

		if (!lineset_has_file(below, v[i]) && !git_oid_fromstr(&id, v[i]))
			reach(repo, &id, 1, below, common);
	}
	for (i = 0; i < n && r; i++)
		if (!lineset_has_file(below, v[i]) && !git_oid_fromstr(out, v[i]))
			r = 0;
	lineset_free(ra);
	lineset_free(rb);
	lineset_free(common);
	lineset_free(below);
	return r;
}

static int merge_base(git_commit **mb, git_repository *repo, const char *base,
		      const char *head, const git_commit *b, const git_commit *h)
{
	git_oid oid;
	int shallow = git_repository_is_shallow(repo) == 1, r;

	*mb = NULL;
	r = shallow ? shallow_merge_base(&oid, repo, git_commit_id(b),
					 git_commit_id(h))
		    : git_merge_base(&oid, repo, git_commit_id(b), git_commit_id(h));
	if (r == GIT_ENOTFOUND) {
		if (shallow)
			return mg_error("%s: no merge base with %s: this is a shallow "
					"clone and the history is missing (use "
					"fetch-depth: 0, git fetch --deepen=N, or "
					"--patch)", base, head);
		return mg_error("%s: no merge base with %s (unrelated histories?)",
				base, head);
	}
	if (r < 0 || git_commit_lookup(mb, repo, &oid) < 0)
		return mg_error("%s: cannot compute the merge base: %s", base,
				git_msg());
	return 0;
}

int gitdiff_open(struct gitdiff **out, const struct gitdiff_opts *o)
{
	struct gitdiff *g = xcalloc(1, sizeof(*g));
	git_commit *base = NULL, *head = NULL, *mb = NULL;
	git_diff *diff = NULL;
	git_diff_options dopt;
	git_diff_find_options fopt;
	const char *wd, *hname = o->head ? o->head : "HEAD";
	int rc = -1, r;

	*out = NULL;
	git_libgit2_init();
	g->ls = lineset_new();
	r = git_repository_open_ext(&g->repo, o->dir, 0, NULL);
	if (r == GIT_ENOTFOUND) {
		mg_error("%s: not a git repository (or any parent)", o->dir);
		goto out;
	}
	if (r < 0) {
		mg_error("%s: cannot open the repository (corrupt?): %s", o->dir,
			 git_msg());
		goto out;
	}
	wd = git_repository_workdir(g->repo);
	if (!wd) {
		mg_error("%s: bare repository: no working tree to map paths to",
			 o->dir);
		goto out;
	}
	g->workdir = xstrdup(wd);
	if (commit_of(&base, g->repo, o->base) < 0 ||
	    commit_of(&head, g->repo, hname) < 0)
		goto out;
	if (o->no_merge_base) {
		mb = base;
		base = NULL;
	} else if (merge_base(&mb, g->repo, o->base, hname, base, head) < 0) {
		goto out;
	}
	git_oid_tostr(g->base_id, sizeof(g->base_id), git_commit_id(mb));
	if (git_commit_tree(&g->base_tree, mb) < 0 ||
	    (o->head && git_commit_tree(&g->head_tree, head) < 0)) {
		mg_error("%s: cannot read the tree (corrupt repository?): %s",
			 o->base, git_msg());
		goto out;
	}
	git_diff_options_init(&dopt, GIT_DIFF_OPTIONS_VERSION);
	dopt.context_lines = 0;
	dopt.interhunk_lines = 0;
	dopt.ignore_submodules = GIT_SUBMODULE_IGNORE_ALL;
	if (!o->head)
		dopt.flags |= GIT_DIFF_INCLUDE_UNTRACKED |
			      GIT_DIFF_RECURSE_UNTRACKED_DIRS |
			      GIT_DIFF_SHOW_UNTRACKED_CONTENT;
	r = o->head ? git_diff_tree_to_tree(&diff, g->repo, g->base_tree, g->head_tree,
					    &dopt)
		    : git_diff_tree_to_workdir_with_index(&diff, g->repo,
							  g->base_tree, &dopt);
	if (r < 0) {
		mg_error("%s: cannot diff (corrupt repository?): %s", o->base,
			 git_msg());
		goto out;
	}
	if (!o->no_renames) {
		/* git's defaults: 50% similarity; copies from modified files */
		git_diff_find_options_init(&fopt, GIT_DIFF_FIND_OPTIONS_VERSION);
		fopt.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES;
		if (!o->head)
			fopt.flags |= GIT_DIFF_FIND_FOR_UNTRACKED;
		if (git_diff_find_similar(diff, &fopt) < 0) {
			mg_error("%s: rename detection failed: %s", o->base, git_msg());
			goto out;
		}
	}
	if (git_diff_foreach(diff, on_file, on_binary, on_hunk, on_line, g->ls) < 0) {
		mg_error("%s: cannot read the diff (corrupt repository?): %s",
			 o->base, git_msg());
		goto out;
	}
	rc = 0;
out:
	git_diff_free(diff);
	git_commit_free(base);
	git_commit_free(head);
	git_commit_free(mb);
	if (rc < 0) {
		gitdiff_free(g);
		return -1;
	}
	*out = g;
	return 0;
}

const struct lineset *gitdiff_lines(const struct gitdiff *g)
{
	return g->ls;
}

const char *gitdiff_workdir(const struct gitdiff *g)
{
	return g->workdir;
}

const char *gitdiff_base_id(const struct gitdiff *g)
{
	return g->base_id;
}

static int is_go_name(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcmp(name + n - 3, ".go") && name[0] != '.' &&
	       name[0] != '_';
}

int gitdiff_base_dir(const struct gitdiff *g, const char *dir,
		     struct gitdiff_blob **out, size_t *n)
{
	git_tree_entry *te = NULL;
	git_tree *tree = NULL;
	const git_tree *t = g->base_tree;
	struct gitdiff_blob *v = NULL;
	size_t nv = 0, av = 0, i, cnt;
	int r;

	*out = NULL;
	*n = 0;
	if (*dir) {
		r = git_tree_entry_bypath(&te, g->base_tree, dir);
		if (r == GIT_ENOTFOUND)
			return 0;
		if (r < 0)
			return mg_error("%s: %s: cannot read the merge-base tree: %s",
					g->base_id, dir, git_msg());
		if (git_tree_entry_type(te) != GIT_OBJECT_TREE) {
			git_tree_entry_free(te);
			return 0;
		}
		r = git_tree_lookup(&tree, g->repo, git_tree_entry_id(te));
		git_tree_entry_free(te);
		if (r < 0)
			return mg_error("%s: %s: cannot read the merge-base tree "
					"(corrupt repository?): %s", g->base_id, dir,
					git_msg());
		t = tree;
	}
	cnt = git_tree_entrycount(t);
	for (i = 0; i < cnt; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		const char *name = git_tree_entry_name(e);
		git_filemode_t m = git_tree_entry_filemode(e);
		git_blob *blob = NULL;
		size_t len;

		if ((m != GIT_FILEMODE_BLOB && m != GIT_FILEMODE_BLOB_EXECUTABLE) ||
		    !is_go_name(name))
			continue;
		if (git_blob_lookup(&blob, g->repo, git_tree_entry_id(e)) < 0) {
			mg_error("%s: %s%s%s: cannot read the blob (corrupt "
				 "repository?): %s", g->base_id, dir, *dir ? "/" : "",
				 name, git_msg());
			git_tree_free(tree);
			gitdiff_blobs_free(v, nv);
			return -1;
		}
		len = (size_t)git_blob_rawsize(blob);
		ARRAY_GROW(v, nv + 1, av);
		v[nv].path = *dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
		v[nv].data = xmalloc(len + 1);
		memcpy(v[nv].data, git_blob_rawcontent(blob), len);
		v[nv].data[len] = '\0';
		v[nv].len = len;
		nv++;
		git_blob_free(blob);
	}
	git_tree_free(tree);
	*out = v;
	*n = nv;
	return 0;
}

int gitdiff_head_file(const struct gitdiff *g, const char *path, char **data,
		      size_t *len)
{
	git_tree_entry *te = NULL;
	git_blob *blob = NULL;
	char *p;
	int r;

	*data = NULL;
	*len = 0;
	if (!g->head_tree) {
		FILE *fp;

		p = xasprintf("%s%s", g->workdir, path);
		fp = fopen(p, "rb");
		if (fp)
			fclose(fp);
		r = fp ? mg_read_file(p, data, len) : 1;
		free(p);
		return r;
	}
	r = git_tree_entry_bypath(&te, g->head_tree, path);
	if (r == GIT_ENOTFOUND)
		return 1;
	if (r < 0)
		return mg_error("%s: cannot read the head tree (corrupt "
				"repository?): %s", path, git_msg());
	if (git_tree_entry_type(te) != GIT_OBJECT_BLOB) {
		git_tree_entry_free(te);
		return 1;	/* a directory or a submodule: not a file */
	}
	if (git_blob_lookup(&blob, g->repo, git_tree_entry_id(te)) < 0) {
		git_tree_entry_free(te);
		return mg_error("%s: cannot read the blob (corrupt repository?): "
				"%s", path, git_msg());
	}
	*len = (size_t)git_blob_rawsize(blob);
	*data = xmalloc(*len + 1);
	memcpy(*data, git_blob_rawcontent(blob), *len);
	(*data)[*len] = '\0';
	git_blob_free(blob);
	git_tree_entry_free(te);
	return 0;
}

void gitdiff_blobs_free(struct gitdiff_blob *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].data);
	}
	free(v);
}

void gitdiff_free(struct gitdiff *g)
{
	if (!g)
		return;
	lineset_free(g->ls);
	git_tree_free(g->base_tree);
	git_tree_free(g->head_tree);
	git_repository_free(g->repo);
	free(g->workdir);
	free(g);
	git_libgit2_shutdown();
}

static const char *env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

char *gitdiff_auto_base(const char **why)
{
	const char *ev = env("GITHUB_EVENT_PATH"), *v;

	if (ev) {
		json_error_t jerr;
		json_t *root = json_load_file(ev, 0, &jerr);
		const char *sha = NULL;
		char *r = NULL;

		if (!root) {
			mg_error("%s: cannot read the GitHub event (GITHUB_EVENT_PATH): "
				 "%s", ev, jerr.text);
			return NULL;
		}
		json_unpack(root, "{s:{s:{s:s}}}", "pull_request", "base", "sha", &sha);
		if (sha && *sha) {
			r = xstrdup(sha);
			*why = "GITHUB_EVENT_PATH pull_request.base.sha";
		}
		json_decref(root);
		if (r)
			return r;
	}
	if ((v = env("GITHUB_BASE_REF"))) {
		*why = "GITHUB_BASE_REF";
		return xasprintf("origin/%s", v);
	}
	if ((v = env("CI_MERGE_REQUEST_DIFF_BASE_SHA"))) {
		*why = "CI_MERGE_REQUEST_DIFF_BASE_SHA";
		return xstrdup(v);
	}
	if ((v = env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"))) {
		*why = "CI_MERGE_REQUEST_TARGET_BRANCH_NAME";
		return xasprintf("origin/%s", v);
	}
	*why = "no CI variables: the remote's default branch";
	return xstrdup("origin/HEAD");
}
