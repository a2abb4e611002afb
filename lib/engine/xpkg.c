/* xpkg.c - calls across the packages of one module
 *
 * Owns: what one package tells the module phase (module.h) of its calls
 * into other packages: a goroutine or callback here that calls imp.Name
 * or v.Name (a method, by name, in the packages the file imports), with
 * how many run at once and where the goroutine starts; looser calls that
 * only the contract rule counts (code the package's goroutines reach, a
 * method value handed on, a function used as a value); its exported
 * functions' calls on into other packages (edges); and its own exported
 * functions that reach a package-level map.  When the package is judged a
 * second time, its
 * entries: each call from another package's goroutines becomes a gosite
 * here (fn -1, ext set), so the pair rule sees Register run by the
 * loaders of package main.  Not: resolving across packages (module.c), the
 * pair rule (roots_pair.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/module.h"
#include "util/util.h"

void xpkg_note_call(struct pkg *p, int fn, int file, uint32_t call,
		    uint32_t fun, int go, int site, const struct lockset *ls,
		    int local, int deferred)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *f = ast_node(a, fun);
	int imp = -1;
	struct xcall *x;
	char c;

	if (module_rerun(p->o->mod))
		return;
	/* broken code: `x.` with no name, or a name past the end */
	if (f->kind != AST_SELECTOR_EXPR || !f->b ||
	    ast_node(a, f->b)->kind != AST_IDENT ||
	    ast_node(a, f->b)->pos >= a->len)
		return;
	c = a->src[ast_node(a, f->b)->pos];
	if (c < 'A' || c > 'Z')
		return;
	if (ast_node(a, f->a)->kind == AST_IDENT && !local) {
		imp = facts_ident(p, file, f->a);
		if (!facts_is_import(p, imp))
			imp = -1;
	}
	x = VEC_PUSH(p->xcalls);
	x->fn = fn;
	x->imp = imp;		/* -1: a method of another package's type */
	x->name = facts_ident(p, file, f->b);
	x->file = (uint16_t)file;
	x->node = call;
	x->go = go;
	x->site = site;
	x->ls = *ls;
	/* the lock set is the callee's only when it runs here and now */
	x->nolock = deferred || go == -2 || site >= 0;
	x->base = local ? facts_ident(p, file, f->a) : -1;
}

/* Does gosite s's literal call fn (go func() { p.load() }())? */
static int called_in(const struct pkg *p, int s, int fn)
{
	size_t i;

	for (i = 0; i < p->calls.n; i++)
		if (p->calls.v[i].go == s && p->calls.v[i].callee == fn &&
		    !(p->calls.v[i].flags & (CALL_GO | CALL_VALUE)))
			return 1;
	return 0;
}

/* Does x run in a goroutine or callback (1), and several at once?  2:
 * the package's reach says so, not the goroutine's own code.  -1: made
 * under a lock of this package (serialized by it), in tests or in code
 * that runs once. */
static int concurrent(struct pkg *p, const struct xcall *x, int *many,
		      const uint8_t *used, int *site, int *sole)
{
	const struct func *f = &p->funcs.v[x->fn];
	int s = x->site >= 0 ? x->site : x->go, k, n, v[8], direct, more;
	struct lockset ls = f->entry;

	*many = 0;
	if (f->is_test || f->test_only || f->init_only || f->once)
		return -1;	/* not the program's goroutines, or once */
	ls_apply(&ls, &x->ls);
	for (k = 0; k < ls.n; k++)
		if (ls.h[k].shared != LS_RELEASED &&
		    !IS_FOREIGN_LOCK(ls.h[k].loc))
			return -1;	/* serialized here: no edge either */
	if (x->go == -2)	/* a method value handed on: maybe run so */
		return 2;
	*site = s;
	*sole = 0;
	if (s >= 0) {
		*many = p->gos.v[s].many;
		*sole = 1;	/* in that goroutine's own code */
		return 1;
	}
	/* the goroutine's own function: deeper, the package's reach is
	 * too loose to carry into other packages (an Init its callbacks
	 * reach once) */
	n = roots_sites(p, x->fn, v, 8, &more);
	for (k = 0, direct = 0; k < n; k++)
		if (p->gos.v[v[k]].target == x->fn ||
		    ((used[x->fn] & 1) && called_in(p, v[k], x->fn))) {
			if (!direct++)
				*site = v[k];
			*many |= p->gos.v[v[k]].many;
		}
	if (!direct)	/* known to the module only as run by goroutines, or
			 * handed out as a value (to a dispatcher) */
		return n || more || (used[x->fn] & 2) ? 2 : 0;
	if (direct > 1)
		*many = 1;	/* two goroutines run it, or more */
	*sole = n == 1 && !more;
	return 1;
}

/* The module's packages file imports: their directories (cleaned). */
static size_t file_dirs(struct pkg *p, int file, char ***out)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *fl = ast_node(a, a->file);
	const uint32_t *decls = ast_list(a, fl->b);
	uint32_t i, k, nd = ast_list_len(a, fl->b);
	size_t n = 0, al = 0;
	char ipath[512];

	*out = NULL;
	for (i = 0; i < nd; i++) {
		const struct ast_node *d = ast_node(a, decls[i]);

		if (d->kind != AST_GEN_DECL || d->op != T_IMPORT)
			continue;
		for (k = 0; k < ast_list_len(a, d->a); k++) {
			const struct ast_node *pa = ast_node(a,
				ast_node(a, ast_list(a, d->a)[k])->b);
			size_t len = pa->end - pa->pos;
			char *dir;

			if (len < 2 || len - 2 >= sizeof(ipath) ||
			    strncmp(a->src + pa->pos + 1, p->mpath,
				    strlen(p->mpath)))
				continue;	/* not of this module */
			memcpy(ipath, a->src + pa->pos + 1, len - 2);
			ipath[len - 2] = '\0';
			dir = module_import_dir(p->mroot, p->mpath, ipath);
			if (!dir || !strcmp(dir, p->dir)) {
				free(dir);
				continue;
			}
			ARRAY_GROW(*out, n + 1, al);
			(*out)[n++] = dir;
		}
	}
	return n;
}

/* The exported functions of the package that reach fn through its calls
 * (fn too), three calls up: into src[0..max), their number. */
static size_t sources(const struct pkg *p, const uint32_t *roff,
		      const int *rv, int fn, int *src, size_t max,
		      uint8_t *seen)
{
	int q[64], depth[64];
	size_t nq = 0, h, n = 0;

	q[nq] = fn, depth[nq++] = 0, seen[fn] = 1;
	for (h = 0; h < nq; h++) {
		const struct func *f = &p->funcs.v[q[h]];
		uint32_t k;

		if (f->exported && !f->is_test && n < max)
			src[n++] = q[h];
		if (depth[h] >= 3)
			continue;
		for (k = roff[q[h]]; k < roff[q[h] + 1] && nq < 64; k++)
			if (!seen[rv[k]]) {
				seen[rv[k]] = 1;
				q[nq] = rv[k];
				depth[nq++] = depth[h] + 1;
			}
	}
	for (h = 0; h < nq; h++)
		seen[q[h]] = 0;
	return n;
}

/* A set of small tuples (kind, dir, name, function), to tell the module
 * each seed and edge once: a package calls x.String() a thousand times. */
struct tset {
	uint64_t *v;		/* key + 1, 0 empty */
	size_t n, cap;
};

static int tset_add(struct tset *t, unsigned kind, int dir, int name, int fn)
{
	uint64_t key = ((uint64_t)kind << 62 | (uint64_t)(dir & 0xfffff) << 42 |
			(uint64_t)(name & 0x1fffff) << 21 |
			(uint64_t)(fn & 0x1fffff)) + 1;
	size_t i;

	if ((t->n + 1) * 2 > t->cap) {
		uint64_t *old = t->v;
		size_t oc = t->cap, k;

		t->cap = oc ? oc * 2 : 256;
		t->v = xcalloc(t->cap, sizeof(*t->v));
		for (k = 0; k < oc; k++)
			if (old[k]) {
				i = (size_t)(old[k] * 0x9e3779b97f4a7c15ULL >> 20) &
				    (t->cap - 1);
				while (t->v[i])
					i = (i + 1) & (t->cap - 1);
				t->v[i] = old[k];
			}
		free(old);
	}
	i = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & (t->cap - 1);
	while (t->v[i]) {
		if (t->v[i] == key)
			return 0;
		i = (i + 1) & (t->cap - 1);
	}
	t->v[i] = key;
	t->n++;
	return 1;
}

/* The locks held at x that the callee can name ("^Mu", "^", "=Mu",
 * '\n'-separated, "(r)" after a read lock: module_add_xlock()) into b. */
static void held_for_callee(struct pkg *p, const struct xcall *x, char *b,
			    size_t nb)
{
	const struct func *f = &p->funcs.v[x->fn];
	struct lockset ls = f->entry;
	size_t o = 0;
	int k;

	b[0] = '\0';
	if (x->nolock)
		return;
	ls_apply(&ls, &x->ls);
	for (k = 0; k < ls.n; k++) {
		const struct flock *fl;
		int n;

		if (ls.h[k].shared == LS_RELEASED ||
		    !IS_FOREIGN_LOCK(ls.h[k].loc))
			continue;
		fl = &p->flocks.v[ls.h[k].loc - FOREIGN_LOCK0];
		/* g.Mu held at g.Name(): the receiver's; imp.Mu held at
		 * imp.Name(): that package's.  A local's lock counts only
		 * where it was taken (not carried in by an entry). */
		if (fl->fn >= 0 ? x->imp >= 0 || fl->fn != x->fn ||
				  fl->base != x->base ||
				  ls_holds(&x->ls, ls.h[k].loc) < 0
				: x->imp < 0 || fl->base != x->imp)
			continue;
		n = snprintf(b + o, nb - o, "%s%c%s%s", o ? "\n" : "",
			     fl->fn >= 0 ? '^' : '=',
			     fl->field >= 0 ? names_str(&p->nm, fl->field) : "",
			     ls.h[k].shared == LS_SHARED ? "(r)" : "");
		if (n < 0 || (size_t)n >= nb - o) {
			b[o] = '\0';	/* too long: what fits */
			return;
		}
		o += (size_t)n;
	}
}

/* Tells the module the locks held at each call of another package's
 * function from code that counts (not tests, not run-once set-up). */
static void export_xlocks(struct pkg *p, const struct xcall *x,
			  const char *dir, int dir_id, struct tset *once)
{
	const struct func *f = &p->funcs.v[x->fn];
	char locks[256], name[160];

	if (f->is_test || f->test_only || f->init_only || f->once ||
	    (x->imp >= 0 && !dir))
		return;
	held_for_callee(p, x, locks, sizeof(locks));
	/* a call that holds nothing: once per callee is enough */
	if (!locks[0] && !tset_add(once, 0, x->imp < 0 ? 0xfffff : dir_id,
				   x->name + (x->imp < 0 ? 0x100000 : 0), 0))
		return;
	snprintf(name, sizeof(name), "%s%s", x->imp < 0 ? "." : "",
		 names_str(&p->nm, x->name));
	module_add_xlock(p->o->mod, dir ? dir : "*", name, locks);
}

/* Module string ids by a small local key, asked of the module once. */
struct idcache {
	uint32_t *v;		/* id + 1, 0 unknown */
	size_t n;
};

static uint32_t mod_id(struct pkg *p, struct idcache *c, size_t key,
		       const char *s)
{
	if (key >= c->n) {
		size_t n = c->n ? c->n : 256;

		while (n <= key)
			n *= 2;
		c->v = xrealloc(c->v, n * sizeof(*c->v));
		memset(c->v + c->n, 0, (n - c->n) * sizeof(*c->v));
		c->n = n;
	}
	if (!c->v[key])
		c->v[key] = module_intern(p->o->mod, s) + 1;
	return c->v[key] - 1;
}

/* Has mod_id() an id for key?  (Then its text need not be built.) */
static int mod_id_known(const struct idcache *c, size_t key)
{
	return key < c->n && c->v[key];
}

/* The directory of a file's import (by the import's name id) in this
 * module, asked once per file and import: dir NULL when it is outside
 * the module or this package itself. */
struct impdir {
	int file, imp, id;
	char *dir;
};

struct impcache {
	struct impdir *v;
	size_t n, a;
};

static const struct impdir *import_dir(struct pkg *p, struct impcache *c,
				       int file, int imp)
{
	char ipath[512];
	struct impdir *e;
	size_t i;

	if (c->n && c->v[0].file != file) {	/* a new file: forget */
		for (i = 0; i < c->n; i++)
			free(c->v[i].dir);
		c->n = 0;
	}
	for (i = 0; i < c->n; i++)
		if (c->v[i].imp == imp)
			return &c->v[i];
	ARRAY_GROW(c->v, c->n + 1, c->a);
	e = &c->v[c->n++];
	e->file = file;
	e->imp = imp;
	e->id = -1;
	e->dir = facts_import_path(p, file, imp, ipath, sizeof(ipath))
		 ? module_import_dir(p->mroot, p->mpath, ipath) : NULL;
	if (e->dir && !strcmp(e->dir, p->dir)) {
		free(e->dir);
		e->dir = NULL;
	}
	if (e->dir)
		e->id = names_id(&p->nm, e->dir, strlen(e->dir));
	return e;
}

static void export_calls(struct pkg *p)
{
	struct tset once = { 0 }, xonce = { 0 };
	/* by name id * 2 (+1 a method's ".Name"), by file, by caller */
	struct idcache names = { 0 }, paths = { 0 }, whys = { 0 };
	struct impcache imps = { 0 };
	uint32_t pdir = module_intern(p->o->mod, p->dir);
	uint32_t any = module_intern(p->o->mod, "*");	/* every package */
	size_t nf = p->funcs.n, i, k, t, ns = 0, nd = 0;
	uint32_t *roff = xcalloc(nf + 1, sizeof(*roff));
	int *rv = xmalloc((p->calls.n ? p->calls.n : 1) * sizeof(*rv));
	uint8_t *seen = xcalloc(nf ? nf : 1, 1);
	char fname[256], tname[256], sname[256], **dirs = NULL;
	int src[16], dfile = -1, *dir_ids = NULL, one_id;

	/* bit 1: a goroutine's literal calls it; bit 2: used as a value */
	uint8_t *used = xcalloc(nf ? nf : 1, 1);

	/* callers of each function (calls, not go or values), and which
	 * functions a goroutine's literal calls */
	for (i = 0; i < p->calls.n; i++) {
		if (p->calls.v[i].go >= 0)
			used[p->calls.v[i].callee] |= 1;
		if (p->calls.v[i].flags & CALL_VALUE)
			used[p->calls.v[i].callee] |= 2;	/* a value */
	}
	for (i = 0; i < p->calls.n; i++)
		if (!(p->calls.v[i].flags & (CALL_GO | CALL_VALUE)))
			roff[p->calls.v[i].callee + 1]++;
	for (i = 0; i < nf; i++)
		roff[i + 1] += roff[i];
	{
		uint32_t *fill = xmalloc((nf + 1) * sizeof(*fill));

		memcpy(fill, roff, (nf + 1) * sizeof(*fill));
		for (i = 0; i < p->calls.n; i++)
			if (!(p->calls.v[i].flags & (CALL_GO | CALL_VALUE)))
				rv[fill[p->calls.v[i].callee]++] =
					p->calls.v[i].caller;
		free(fill);
	}
	for (i = 0; i < p->xcalls.n; i++) {
		const struct xcall *x = &p->xcalls.v[i];
		const struct ast *a = p->files[x->file].ast;
		char *one[1], **tv;
		int *tid;
		size_t nt;
		int many, site = -1, sole = 0,
		    conc = concurrent(p, x, &many, used, &site, &sole);

		if (x->imp < 0)
			export_xlocks(p, x, NULL, 0, &xonce);
		if (x->imp >= 0) {	/* imp.Name: one package */
			const struct impdir *e = import_dir(p, &imps, x->file,
							    x->imp);

			export_xlocks(p, x, e->dir, e->id, &xonce);
			if (!e->dir || conc < 0)
				continue;
			one[0] = e->dir;
			tv = one, nt = 1;
			one_id = e->id;
			tid = &one_id;
			if (!mod_id_known(&names, (size_t)x->name * 2))
				snprintf(tname, sizeof(tname), "%s",
					 names_str(&p->nm, x->name));
		} else {		/* v.Name(): any package the file imports */
			if (conc < 0)
				continue;
			if (x->file != dfile) {
				for (k = 0; k < nd; k++)
					free(dirs[k]);
				free(dirs);
				nd = file_dirs(p, x->file, &dirs);
				dfile = x->file;
				free(dir_ids);
				dir_ids = xmalloc((nd ? nd : 1) * sizeof(*dir_ids));
				for (k = 0; k < nd; k++)
					dir_ids[k] = names_id(&p->nm, dirs[k],
							      strlen(dirs[k]));
			}
			tv = dirs, nt = nd, tid = dir_ids;
			if (!mod_id_known(&names, (size_t)x->name * 2 + 1))
				snprintf(tname, sizeof(tname), ".%s",
					 names_str(&p->nm, x->name));
		}
		if (conc == 2)
			many = 2;	/* loose: for module_resolve() only */
		if (conc) {
			struct module_site gs;
			char *why = NULL;
			uint32_t wid, nid = mod_id(p, &names, (size_t)x->name * 2 +
						   (x->imp < 0), tname);
			size_t wkey = (size_t)x->fn * 2 + (x->site >= 0);

			memset(&gs, 0, sizeof(gs));
			if (site >= 0) {	/* where the goroutine starts */
				const struct gosite *g = &p->gos.v[site];
				const struct ast *ga = p->files[g->file].ast;

				gs.path = mod_id(p, &paths, g->file,
						 p->files[g->file].path);
				gs.line = ast_line(ga, g->node);
				gs.col = ast_col(ga, g->node);
				gs.callback = g->callback || g->fn < 0;
				gs.sole = (unsigned char)sole;
			}
			if (!mod_id_known(&whys, wkey)) {	/* built once */
				judge_func_name(p, x->fn, fname, sizeof(fname));
				why = x->site >= 0
				      ? xasprintf("a go statement in %s", fname)
				      : xasprintf("%s, which runs in a goroutine "
						  "or callback", fname);
			}
			wid = mod_id(p, &whys, wkey, why);
			for (t = 0; t < nt; t++)
				if (tset_add(&once, (unsigned)many, tid[t], x->name +
					     (x->imp < 0 ? 0x100000 : 0),
					     many == 2 ? 0 : x->fn))
					module_add_entry(p->o->mod,
						mod_id(p, &names, (size_t)tid[t] * 2,
						       tv[t]), nid, many,
						mod_id(p, &paths, x->file,
						       p->files[x->file].path),
						ast_line(a, x->node),
						ast_col(a, x->node), wid, &gs);
			/* v.Name() whose type the file may not import (a field
			 * chain, an interface of a third package): any package
			 * of the module, for module_resolve() only */
			if (x->imp < 0 && tset_add(&once, 2, 0xfffff, x->name +
						   0x100000, 0))
				module_add_entry(p->o->mod, any, nid, 2,
						 mod_id(p, &paths, x->file,
							p->files[x->file].path),
						 ast_line(a, x->node),
						 ast_col(a, x->node), wid, NULL);
			free(why);
		}
		if (conc != 1 && x->go == -1) {
			ns = sources(p, roff, rv, x->fn, src, 16, seen);
			for (k = 0; k < ns; k++) {
				const struct func *e = &p->funcs.v[src[k]];

				if (!mod_id_known(&names, (size_t)e->name * 2 +
						  (e->recv_type >= 0)))
					snprintf(sname, sizeof(sname), "%s%s",
						 e->recv_type >= 0 ? "." : "",
						 names_str(&p->nm, e->name));
				for (t = 0; t < nt; t++)
					if (tset_add(&once, 3, tid[t],
						     x->name + (x->imp < 0 ?
						     0x100000 : 0), src[k]))
						module_add_edge(p->o->mod, pdir,
							mod_id(p, &names,
							       (size_t)e->name * 2 +
							       (e->recv_type >= 0),
							       sname),
							mod_id(p, &names,
							       (size_t)tid[t] * 2,
							       tv[t]),
							mod_id(p, &names,
							       (size_t)x->name * 2 +
							       (x->imp < 0), tname));
			}
		}
	}
	for (k = 0; k < imps.n; k++)
		free(imps.v[k].dir);
	free(imps.v);
	for (k = 0; k < nd; k++)
		free(dirs[k]);
	free(dirs);
	free(dir_ids);
	free(once.v);
	free(xonce.v);
	free(names.v);
	free(paths.v);
	free(whys.v);
	free(roff);
	free(rv);
	free(seen);
	free(used);
}

/* Do several goroutines of this package run fn already (a handler)? */
static int many_here(const struct pkg *p, int fn)
{
	int v[8], more, n = roots_sites(p, fn, v, 8, &more), k;

	if (more)
		return 1;
	for (k = 0; k < n; k++)
		if (p->gos.v[v[k]].many)
			return 1;
	return 0;
}

/* touch[f] set: f reaches what touch marks; marks its callers too (eight
 * rounds of the package's direct calls, not go statements or values). */
static void touch_callers(const struct pkg *p, uint8_t *touch)
{
	int round, changed = 1;
	size_t i;

	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];

			if (!(c->flags & (CALL_GO | CALL_VALUE)) &&
			    touch[c->callee] && !touch[c->caller])
				touch[c->caller] = changed = 1;
		}
	}
}

/* Exported package functions that reach (through the package's calls) a
 * package-level map that some code outside init writes. */
static void export_candidates(struct pkg *p)
{
	size_t nf = p->funcs.n, i, v0 = p->fields.n, v1 = v0 + p->vars.n;
	uint8_t *written = xcalloc(p->vars.n ? p->vars.n : 1, 1);
	uint8_t *touch = xcalloc(nf ? nf : 1, 1);

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
	touch_callers(p, touch);
	for (i = 0; i < nf; i++) {
		const struct func *f = &p->funcs.v[i];

		char name[256];

		if (!touch[i] || !f->exported || f->is_test ||
		    many_here(p, (int)i))
			continue;
		snprintf(name, sizeof(name), "%s%s", f->recv_type >= 0 ? "." : "",
			 names_str(&p->nm, f->name));
		module_add_candidate(p->o->mod, p->dir, name);
	}
	free(written);
	free(touch);
}

/* Exported functions that reach (through the package's calls) a map of
 * a field or a package variable: judged again if every call from other
 * packages holds a lock (module_xlock()). */
static void export_wants(struct pkg *p)
{
	size_t nf = p->funcs.n, i, nv = p->fields.n + p->vars.n;
	uint8_t *touch = xcalloc(nf ? nf : 1, 1);
	char name[256];

	for (i = 0; i < p->acc.n; i++)
		if ((size_t)p->acc.v[i].loc < nv)
			touch[p->acc.v[i].fn] = 1;
	touch_callers(p, touch);
	for (i = 0; i < nf; i++) {
		const struct func *f = &p->funcs.v[i];

		if (!touch[i] || !f->exported || f->is_test)
			continue;
		snprintf(name, sizeof(name), "%s%s", f->recv_type >= 0 ? "." : "",
			 names_str(&p->nm, f->name));
		module_add_want(p->o->mod, p->dir, name);
	}
	free(touch);
}

void xpkg_export(struct pkg *p)
{
	if (!p->o->mod || !p->dir || module_rerun(p->o->mod))
		return;
	if (p->xcalls.n && module_locate(p->o->mod, p->dir, &p->mroot,
					 &p->mpath))
		export_calls(p);
	export_candidates(p);
	export_wants(p);
}

/* A token of module_xlock() ("^Mu", "^", "=Mu", "(r)" after a read
 * lock) as a lock of this package for fn, into *ls; 0 if it names none. */
static int xlock_token(struct pkg *p, const struct func *f, const char *s,
		       size_t n, struct lockset *ls)
{
	int shared = n > 3 && !memcmp(s + n - 3, "(r)", 3), id = -1;
	loc_t l = -1;

	if (shared)
		n -= 3;
	if (n > 1 && (id = names_find(&p->nm, s + 1, n - 1)) < 0)
		return 0;
	if (s[0] == '^' && f->recv_type >= 0 && n > 1) {
		l = facts_field(p, f->recv_type, id);
	} else if (s[0] == '^' && f->recv_type >= 0) {
		/* g.Lock(): the mutex g's type embeds, unless the type has
		 * a Lock method of its own */
		int lk = names_find(&p->nm, "Lock", 4);

		if (lk < 0 || facts_method(p, f->recv_type, lk) < 0)
			l = facts_embedded_mutex(p, f->recv_type);
	} else if (s[0] == '=' && n > 1 && (id = facts_var_index(p, id)) >= 0) {
		l = (loc_t)(p->fields.n + (size_t)id);
	}
	if (l < 0)
		return 0;
	ls_lock(ls, l, shared);
	return 1;
}

int xpkg_entry_locks(struct pkg *p, int fn, struct lockset *ls)
{
	const struct func *f = &p->funcs.v[fn];
	const char *locks, *s, *e;
	char name[256];
	int any = 0;

	memset(ls, 0, sizeof(*ls));
	if (!p->o->mod || !p->dir || !module_rerun(p->o->mod) ||
	    !f->exported || f->is_test)
		return 0;
	snprintf(name, sizeof(name), "%s%s", f->recv_type >= 0 ? "." : "",
		 names_str(&p->nm, f->name));
	if (!(locks = module_xlock(p->o->mod, p->dir, name)))
		return 0;
	for (s = locks; *s; s = *e ? e + 1 : e) {
		e = strchr(s, '\n');
		if (!e)
			e = s + strlen(s);
		any |= xlock_token(p, f, s, (size_t)(e - s), ls);
	}
	return any;
}

/* Starts gosite for function fi, run from another package (entry i). */
static void start(struct pkg *p, int fi, size_t i)
{
	const struct func *f = &p->funcs.v[fi];
	struct gosite *g;

	if (f->is_test)
		return;
	g = VEC_PUSH(p->gos);
	g->fn = -1;
	g->target = fi;
	g->node = f->node;
	g->file = (uint16_t)f->file;
	g->many = g->own_many = p->xin[i].many;
	/* whose receiver it runs on is not known: not one shared object */
	g->per_instance = f->recv_type >= 0;
	g->ext = (uint16_t)(i + 1);
}

void xpkg_entries(struct pkg *p)
{
	size_t i, k;

	if (!p->o->mod || !p->dir)
		return;
	p->nxin = module_entries(p->o->mod, p->dir, &p->xin);
	for (i = 0; i < p->nxin && i < 0xffff; i++) {
		const char *nm = p->xin[i].name;
		int method = nm[0] == '.';
		int name = names_find(&p->nm, nm + method, strlen(nm + method));

		if (name < 0)
			continue;
		for (k = 0; k < p->funcs.n; k++)
			if (p->funcs.v[k].name == name &&
			    (p->funcs.v[k].recv_type >= 0) == method &&
			    !p->funcs.v[k].once)
				start(p, (int)k, i);
	}
}

int xpkg_one_goroutine(const struct pkg *p, const struct gosite *a,
		       const struct gosite *b)
{
	const struct module_entry *x, *y;

	if (!a->ext || !b->ext)
		return 0;
	x = &p->xin[a->ext - 1];
	y = &p->xin[b->ext - 1];
	return x->go_sole && y->go_sole && x->go_path && y->go_path &&
	       !strcmp(x->go_path, y->go_path) && x->go_line == y->go_line &&
	       x->go_col == y->go_col;
}

void xpkg_evidence(struct pkg *p, const struct gosite *g)
{
	const struct module_entry *e = &p->xin[g->ext - 1];
	char *note;

	if (!p->cur)
		return;
	note = e->via ? xasprintf("reached through %s%s, called here by "
				  "%s%s", e->via + (e->via[0] == '.'),
				  e->via[0] == '.' ? " (a method)" : "", e->why,
				  e->many ? " (several at once)" : "")
		: xasprintf("called here by %s%s", e->why,
			    e->many ? " (several at once)" : "");
	finding_add_evidence(&p->out->v[p->cur - 1], e->path, e->line, e->col,
			     note);
	free(note);
	if (e->go_path && (strcmp(e->go_path, e->path) || e->go_line != e->line))
		finding_add_evidence(&p->out->v[p->cur - 1], e->go_path,
				     e->go_line, e->go_col, e->go_callback
				     ? "the callback that makes the call is "
				       "registered here"
				     : "the goroutine that makes the call "
				       "starts here");
}
