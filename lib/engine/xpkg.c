/* xpkg.c - calls across the packages of one module
 *
 * Owns: what one package tells the module phase (module.h) of its calls
 * into other packages (a goroutine or callback here that calls imp.Name,
 * with how many run at once) and of its own exported functions that reach
 * a package-level map; and, when the package is judged a second time, its
 * entries: each call from another package's goroutines becomes a gosite
 * here (fn -1, ext set), so the pair rule sees Register run by the
 * loaders of package main.  Not: resolving across packages (module.c), the
 * pair rule (roots.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/module.h"
#include "util/util.h"

void xpkg_note_call(struct pkg *p, int fn, int file, uint32_t call,
		    uint32_t fun, int go, int site, const struct lockset *ls)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *f = ast_node(a, fun);
	int imp = facts_ident(p, file, f->a), name;
	struct xcall *x;
	char c;

	if (module_rerun(p->o->mod) || !facts_is_import(p, imp))
		return;
	c = a->src[ast_node(a, f->b)->pos];
	if (c < 'A' || c > 'Z')
		return;
	name = facts_ident(p, file, f->b);
	x = VEC_PUSH(p->xcalls);
	x->fn = fn;
	x->imp = imp;
	x->name = name;
	x->file = (uint16_t)file;
	x->node = call;
	x->go = go;
	x->site = site;
	x->ls = *ls;
}

/* Does x run in a goroutine or callback, and several at once?  A call
 * made under a lock of this package is taken to be serialized by it. */
static int concurrent(const struct pkg *p, const struct xcall *x, int *many)
{
	const struct func *f = &p->funcs.v[x->fn];
	int s = x->site >= 0 ? x->site : x->go, k, n;
	struct lockset ls = f->entry;

	*many = 0;
	if (f->is_test || f->test_only || f->init_only)
		return 0;
	ls_apply(&ls, &x->ls);
	for (k = 0; k < ls.n; k++)
		if (ls.h[k].shared != LS_RELEASED)
			return 0;
	if (s >= 0) {
		*many = p->gos.v[s].many;
		return 1;
	}
	if (!roots_in_go(p, x->fn))
		return 0;
	n = roots_sites(p, x->fn, NULL, 0);
	if (n != 1)
		*many = 1;	/* two goroutines call it, or more */
	else {
		roots_sites(p, x->fn, &k, 1);
		*many = p->gos.v[k].many;
	}
	return 1;
}

static void export_calls(struct pkg *p)
{
	char ipath[512], fname[256], *why, *dir;
	size_t i;

	for (i = 0; i < p->xcalls.n; i++) {
		const struct xcall *x = &p->xcalls.v[i];
		const struct ast *a = p->files[x->file].ast;
		int many;

		if (!concurrent(p, x, &many) ||
		    !facts_import_path(p, x->file, x->imp, ipath, sizeof(ipath)))
			continue;
		dir = module_import_dir(p->o->mod, p->dir, ipath);
		if (!dir || !strcmp(dir, p->dir)) {
			free(dir);
			continue;
		}
		judge_func_name(p, x->fn, fname, sizeof(fname));
		why = x->site >= 0 ? xasprintf("a go statement in %s", fname)
			: xasprintf("%s, which runs in a goroutine or callback",
				    fname);
		module_add_entry(p->o->mod, dir, names_str(&p->nm, x->name),
				 many, p->files[x->file].path,
				 ast_line(a, x->node), ast_col(a, x->node), why);
		free(why);
		free(dir);
	}
}

/* Exported package functions that reach (through the package's calls) a
 * package-level map that some code outside init writes. */
static void export_candidates(struct pkg *p)
{
	size_t nf = p->funcs.n, i, v0 = p->fields.n, v1 = v0 + p->vars.n;
	uint8_t *written = xcalloc(p->vars.n ? p->vars.n : 1, 1);
	uint8_t *touch = xcalloc(nf ? nf : 1, 1);
	int round, changed = 1;

	for (i = 0; i < p->acc.n; i++) {
		const struct access *x = &p->acc.v[i];
		const struct func *f = &p->funcs.v[x->fn];

		if ((size_t)x->loc >= v0 && (size_t)x->loc < v1 &&
		    (x->flags & AC_WRITE) && !(x->flags & AC_ONCE) &&
		    !f->is_test && !f->init_only && !f->var_init)
			written[x->loc - v0] = 1;
	}
	for (i = 0; i < p->acc.n; i++) {
		const struct access *x = &p->acc.v[i];

		if ((size_t)x->loc >= v0 && (size_t)x->loc < v1 &&
		    written[x->loc - v0] && !p->funcs.v[x->fn].is_test)
			touch[x->fn] = 1;
	}
	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];

			if (!(c->flags & (CALL_GO | CALL_VALUE)) &&
			    touch[c->callee] && !touch[c->caller])
				touch[c->caller] = changed = 1;
		}
	}
	for (i = 0; i < nf; i++) {
		const struct func *f = &p->funcs.v[i];

		if (touch[i] && f->exported && f->recv_type < 0 && !f->is_test)
			module_add_candidate(p->o->mod, p->dir,
					     names_str(&p->nm, f->name));
	}
	free(written);
	free(touch);
}

void xpkg_export(struct pkg *p)
{
	if (!p->o->mod || !p->dir || module_rerun(p->o->mod))
		return;
	export_calls(p);
	export_candidates(p);
}

void xpkg_entries(struct pkg *p)
{
	size_t i;

	if (!p->o->mod || !p->dir)
		return;
	p->nxin = module_entries(p->o->mod, p->dir, &p->xin);
	for (i = 0; i < p->nxin; i++) {
		const struct module_entry *e = &p->xin[i];
		int name = names_find(&p->nm, e->name, strlen(e->name));
		int fi = name < 0 ? -1 : facts_func_index(p, -1, name);
		struct gosite *g;

		if (fi < 0 || p->funcs.v[fi].is_test)
			continue;
		g = VEC_PUSH(p->gos);
		g->fn = -1;
		g->target = fi;
		g->node = p->funcs.v[fi].node;
		g->file = (uint16_t)p->funcs.v[fi].file;
		g->many = g->own_many = e->many;
		g->ext = (uint16_t)(i + 1);
	}
}

void xpkg_evidence(struct pkg *p, const struct gosite *g)
{
	const struct module_entry *e = &p->xin[g->ext - 1];
	char *note;

	if (!p->cur)
		return;
	note = xasprintf("called here by %s%s", e->why,
			 e->many ? " (several at once)" : "");
	finding_add_evidence(&p->out->v[p->cur - 1], e->path, e->line, e->col,
			     note);
	free(note);
}
