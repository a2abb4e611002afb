/* gitdiff.c - added lines between revisions with libgit2 (see gitdiff.h) */
#include "gitdiff.h"
#include "util.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

struct gitdiff {
	git_repository *repo;
	struct lineset *ls;
	char *workdir;
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
					"git fetch --unshallow, or pass --patch)", rev);
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

static int on_file(const git_diff_delta *d, float progress, void *payload)
{
	struct lineset *ls = payload;

	(void)progress;
	if (d->status == GIT_DELTA_DELETED || d->status == GIT_DELTA_UNMODIFIED)
		return 0;
	lineset_add_file(ls, d->new_file.path, d->old_file.path);
	return 0;
}

static int on_line(const git_diff_delta *d, const git_diff_hunk *h,
		   const git_diff_line *l, void *payload)
{
	(void)h;
	if (l->origin == GIT_DIFF_LINE_ADDITION && l->new_lineno > 0)
		lineset_add(payload, d->new_file.path, l->new_lineno);
	return 0;
}

int gitdiff_open(struct gitdiff **out, const struct gitdiff_opts *o)
{
	struct gitdiff *g = xcalloc(1, sizeof(*g));
	git_commit *base = NULL, *head = NULL, *mb = NULL;
	git_tree *base_tree = NULL, *head_tree = NULL;
	git_diff *diff = NULL;
	git_diff_options dopt;
	git_diff_find_options fopt;
	git_oid mb_oid;
	const char *wd;
	int rc = -1, r;

	*out = NULL;
	git_libgit2_init();
	g->ls = lineset_new();
	if (git_repository_open_ext(&g->repo, o->dir, 0, NULL) < 0) {
		mg_error("%s: not a git repository (or any parent): %s", o->dir,
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
	if (commit_of(&base, g->repo, o->base) < 0)
		goto out;
	if (commit_of(&head, g->repo, o->head ? o->head : "HEAD") < 0)
		goto out;
	if (o->no_merge_base) {
		mb = base;
		base = NULL;
	} else {
		r = git_merge_base(&mb_oid, g->repo, git_commit_id(base),
				   git_commit_id(head));
		if (r == GIT_ENOTFOUND) {
			mg_error("%s: no merge base with %s%s", o->base,
				 o->head ? o->head : "HEAD",
				 git_repository_is_shallow(g->repo) == 1
				 ? " (shallow clone: history is missing; use "
				   "fetch-depth: 0, git fetch --deepen=N, or --patch)"
				 : " (unrelated histories?)");
			goto out;
		}
		if (r < 0 || git_commit_lookup(&mb, g->repo, &mb_oid) < 0) {
			mg_error("%s: cannot compute merge base: %s", o->base, git_msg());
			goto out;
		}
	}
	if (git_commit_tree(&base_tree, mb) < 0 ||
	    (o->head && git_commit_tree(&head_tree, head) < 0)) {
		mg_error("%s: cannot read tree: %s", o->base, git_msg());
		goto out;
	}
	git_diff_options_init(&dopt, GIT_DIFF_OPTIONS_VERSION);
	dopt.context_lines = 0;
	dopt.interhunk_lines = 0;
	if (!o->head)
		dopt.flags |= GIT_DIFF_INCLUDE_UNTRACKED |
			      GIT_DIFF_RECURSE_UNTRACKED_DIRS |
			      GIT_DIFF_SHOW_UNTRACKED_CONTENT;
	r = o->head ? git_diff_tree_to_tree(&diff, g->repo, base_tree, head_tree, &dopt)
		    : git_diff_tree_to_workdir_with_index(&diff, g->repo, base_tree,
							  &dopt);
	if (r < 0) {
		mg_error("%s: cannot diff: %s", o->base, git_msg());
		goto out;
	}
	if (!o->no_renames) {
		git_diff_find_options_init(&fopt, GIT_DIFF_FIND_OPTIONS_VERSION);
		fopt.flags = GIT_DIFF_FIND_RENAMES;
		if (git_diff_find_similar(diff, &fopt) < 0) {
			mg_error("%s: rename detection failed: %s", o->base, git_msg());
			goto out;
		}
	}
	if (git_diff_foreach(diff, on_file, NULL, NULL, on_line, g->ls) < 0) {
		mg_error("%s: cannot read diff: %s", o->base, git_msg());
		goto out;
	}
	rc = 0;
out:
	git_diff_free(diff);
	git_tree_free(base_tree);
	git_tree_free(head_tree);
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

void gitdiff_free(struct gitdiff *g)
{
	if (!g)
		return;
	lineset_free(g->ls);
	git_repository_free(g->repo);
	free(g->workdir);
	free(g);
	git_libgit2_shutdown();
}
