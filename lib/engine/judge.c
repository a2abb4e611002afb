/* judge.c - from summaries to findings: the guard rule
 *
 * Owns: the order of the judging steps for one package (judge_package():
 * what holds at each function's entry, the roots, the constructors'
 * phases, then each map location); the guard of each map location (an
 * annotation, or the lock held at most of its accesses, from at least two
 * functions); and the findings: an access to a guarded map without its
 * guard, when another access (a write, if this one reads) holds it:
 * MG005, a pair whose second side is named in the evidence; a write under
 * only a read lock: MG002.
 * Not: lock-set operations (lockset.c); walking bodies (walk.c); the
 * locks every caller holds at a function's entry, fresh receivers and
 * parameters, init-only, test-only and constructor-phase code
 * (judge_entry.c); goroutine roots and the pair rule for maps that no
 * lock guards (roots.c, roots_pair.c, roots_order.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/module.h"
#include "util/util.h"

/* ---- the guard rule ---- */

/* Is access a judged at all: not owned, not a test's or an init's, not in
 * a function that declares the lock held, not in a generated file? */
int judge_counts(const struct pkg *p, const struct access *a)
{
	const struct func *f = &p->funcs.v[a->fn];

	/* init-only code runs before sharing, not the goroutines init()
	 * starts: they run beside each other and what follows init */
	if (f->is_test || f->generated || f->test_only ||
	    (f->init_only && !((a->flags & AC_IN_GO) && judge_is_init(p, f))) ||
	    (a->flags & (AC_ONCE | AC_ESCAPE)))
		return 0;
	if ((a->flags & AC_RECV) && f->recv_fresh && !(a->flags & (AC_IN_GO |
								    AC_LATER | AC_SHARED)))
		return 0;
	if (a->param >= 0 && (f->fresh_params & (1u << a->param)) &&
	    !(a->flags & (AC_IN_GO | AC_LATER | AC_SHARED)))
		return 0;	/* every caller hands it a new object */
	/* a field filled while the constructor runs, before it starts a
	 * goroutine that touches it */
	if (judge_before_publish(p, a))
		return 0;
	return 1;
}

/* The lock every call of fn (tests' left out) hands it as parameter i,
 * through its callers' own parameters three calls up; -1 when they differ
 * or one cannot be named. */
static loc_t param_lock_of(const struct pkg *p, int fn, int i, int depth)
{
	loc_t r = -1;
	size_t k;

	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		loc_t l;

		if (c->callee != fn || p->funcs.v[c->caller].is_test)
			continue;
		l = c->arg_lock[i];
		if (IS_PARAM_LOCK(l))
			l = depth < 3 ? param_lock_of(p, c->caller, -2 - l,
						      depth + 1) : -1;
		if (l < 0 || (r >= 0 && l != r))
			return -1;
		r = l;
	}
	return r;
}

struct lockset judge_abs_ls(const struct pkg *p, const struct access *a)
{
	struct lockset ls = p->funcs.v[a->fn].entry;

	struct lockset rel = a->ls;
	int i;

	if (a->go >= 0)		/* none of its launcher's locks */
		memset(&ls, 0, sizeof(ls));
	/* a lock taken through a parameter: the one its callers hand it */
	for (i = 0; i < rel.n; i++)
		if (IS_PARAM_LOCK(rel.h[i].loc) && a->go < 0) {
			loc_t l = param_lock_of(p, a->fn, -2 - rel.h[i].loc, 0);

			if (l >= 0)
				rel.h[i].loc = l;
		}
	ls_apply(&ls, &rel);
	return ls;
}

struct cand {
	loc_t lock;
	int count, nfn, lastfn;
};

static int by_loc(const void *x, const void *y)
{
	const struct access *a = x, *b = y;

	if (a->loc != b->loc)
		return a->loc < b->loc ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

void judge_text(const struct pkg *p, int file, uint32_t n, char *buf,
		size_t len)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *nd = ast_node(a, n);
	size_t k = nd->end > nd->pos ? nd->end - nd->pos : 0, i, o = 0;

	for (i = 0; i < k && o + 1 < len; i++) {
		char c = a->src[nd->pos + i];

		if (c == '\n' || c == '\t' || c == '\r')
			continue;
		buf[o++] = c;
	}
	buf[o] = '\0';
}

void judge_func_name(const struct pkg *p, int fn, char *buf, size_t len)
{
	const struct func *f = &p->funcs.v[fn];

	if (f->recv_type >= 0)
		snprintf(buf, len, "(*%s).%s",
			 names_str(&p->nm, p->types.v[f->recv_type].name),
			 names_str(&p->nm, f->name));
	else
		snprintf(buf, len, "%s", names_str(&p->nm, f->name));
}

void judge_emit(struct pkg *p, int rule, int sev, const struct access *a,
		char *msg, const char *sym)
{
	/* a map handed to a helper that touches it: the finding is at the
	 * call, or, when the race is that access against itself (two calls
	 * of the helper at once), where the helper touches it */
	const struct paccess *pv = a->via && p->at_helper
				   ? &p->pacc.v[a->via - 1] : NULL;
	const struct efile *ef = &p->files[pv ? pv->file : a->file];
	const struct ast *ast = ef->ast;
	const struct ast_node *nd = ast_node(ast, pv ? pv->node : a->node);
	struct finding *fd;
	const char *ls, *le, *end = ef->src + ef->len;
	size_t twin = pv ? 0 : judge_getter_finding(p, rule, sev, a, msg);

	p->at_helper = 0;	/* for this finding only */
	p->twin = 0;
	if (!(p->o->rules & (1u << rule)) ||
	    (ef->generated && !p->o->include_generated)) {
		free(msg);
		p->cur = 0;
		return;
	}
	if (rule < SCAN_MAX_RULES && p->o->severity[rule] >= 0)
		sev = p->o->severity[rule];
	fd = finding_list_add(p->out);
	fd->rule = xasprintf("MG%03d", rule);
	fd->severity = sev;
	fd->path = xstrdup(ef->path);
	fd->line = lex_line(&ast->lx, nd->pos);
	fd->column = lex_col(&ast->lx, nd->pos);
	fd->end_line = lex_line(&ast->lx, nd->end);
	fd->end_column = lex_col(&ast->lx, nd->end);
	if (fd->end_line != fd->line || fd->end_column <= fd->column)
		fd->end_line = fd->line, fd->end_column = fd->column + 1;
	fd->message = msg;
	fd->symbol = xstrdup(sym);
	fd->source = xstrdup("static");
	ls = ef->src + nd->pos;
	while (ls > ef->src && ls[-1] != '\n')
		ls--;
	le = memchr(ls, '\n', (size_t)(end - ls));
	finding_fingerprint_base(fd, ls, le ? (size_t)(le - ls)
					    : (size_t)(end - ls));
	p->cur = p->out->n;
	p->twin = twin;
	if (pv) {
		char fn[160], note[240];

		judge_func_name(p, pv->fn, fn, sizeof(fn));
		snprintf(note, sizeof(note), "the map handed here to %s, "
			 "which %s it", fn, pv->flags & AC_WRITE ? "writes" :
			 pv->flags & AC_RANGE ? "ranges over" : "reads");
		judge_evidence(p, a->file, a->node, note);
	} else if (a->via) {	/* the callee's access to the map handed to it */
		const struct paccess *pa = &p->pacc.v[a->via - 1];
		char fn[160], note[240];

		judge_func_name(p, pa->fn, fn, sizeof(fn));
		snprintf(note, sizeof(note), "%s here by %s, which the call "
			 "hands the map", pa->flags & AC_WRITE ? "written" :
			 pa->flags & AC_RANGE ? "ranged over" : "read", fn);
		judge_evidence(p, pa->file, pa->node, note);
	}
}

/* How code of this package runs fn, through its own calls: 2 in a
 * goroutine or a callback (a go statement, a function value handed out, a
 * handler, or an exported method of an unexported type nothing here calls:
 * an outside library's callback through its interface), 1 surely but not
 * concurrently (main, init) or by calls it cannot resolve, 0 only if other
 * packages call it: then b gets the names of the exported functions they
 * would call, '\n'-separated. */
static int name_exported(const struct pkg *p, int name);

static int fn_live(const struct pkg *p, int fn, struct buf *b)
{
	int q[32], nq = 0, i, names = 0, live = 0;
	size_t k;

	q[nq++] = fn;
	for (i = 0; i < nq; i++) {
		const struct func *f = &p->funcs.v[q[i]];
		const char *name = names_str(&p->nm, f->name);
		int callers = 0;

		if (f->is_test)
			continue;
		if (f->init_only && i) {	/* runs once, before sharing */
			live = 1;
			continue;
		}
		if (f->root || roots_in_go(p, q[i]))
			return 2;
		if (judge_is_init(p, f) || f->var_init || f->once ||
		    (f->recv_type < 0 && !strcmp(name, "main")))
			live = 1;
		for (k = 0; k < p->calls.n; k++) {
			const struct call *c = &p->calls.v[k];
			int j;

			if (c->callee != q[i])
				continue;
			if (c->flags & (CALL_GO | CALL_VALUE))
				return 2;
			if (p->funcs.v[c->caller].is_test)
				continue;
			callers++;
			for (j = 0; j < nq && q[j] != c->caller;)
				j++;
			if (j < nq)
				continue;
			if (nq == (int)(sizeof(q) / sizeof(q[0])))
				return 1;	/* reached from all over */
			q[nq++] = c->caller;
		}
		if (f->exported) {
			if (!callers && f->recv_type >= 0 &&
			    !name_exported(p, p->types.v[f->recv_type].name) &&
			    !judge_name_called(p, f->name))
				return 2;
			if (names++)
				buf_addc(b, '\n');
			buf_adds(b, name);
		} else if (!callers && judge_name_called(p, f->name)) {
			live = 1;	/* called in ways not resolved */
		}
	}
	return live;
}

/* A method an encoder or decoder calls (json.Marshal calls MarshalJSON):
 * its callers are the encoding sites, which the engine does not see. */
static int codec_method(const struct pkg *p, int fn)
{
	static const char *const hook[] = {
		"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText",
		"MarshalYAML", "UnmarshalYAML", "MarshalBinary",
		"UnmarshalBinary", "GobEncode", "GobDecode",
	};
	const struct func *f = &p->funcs.v[fn];
	size_t i;

	if (f->recv_type < 0)
		return 0;
	for (i = 0; i < sizeof(hook) / sizeof(*hook); i++)
		if (!strcmp(names_str(&p->nm, f->name), hook[i]))
			return 1;
	return 0;
}

/* A warning (the API is used concurrently, as the type's locks say) one
 * side of which is a function whose comments say it is never called
 * concurrently, or an encoding hook whose callers (the encoding sites)
 * the engine cannot see: that contract answers the warning's, so it is a
 * note. */
static int serial_note(struct pkg *p, int fa, int fb)
{
	struct finding *f = &p->out->v[p->cur - 1];
	int fn = p->funcs.v[fa].serial ? fa : fb;
	char name[160], *msg;

	if (f->severity != SEV_WARNING)
		return 0;
	if (!p->funcs.v[fn].serial)
		fn = codec_method(p, fa) ? fa : fb;
	if (!p->funcs.v[fn].serial && !codec_method(p, fn))
		return 0;
	judge_func_name(p, fn, name, sizeof(name));
	if (p->funcs.v[fn].serial)
		msg = xasprintf("%s; %s's comment says it is not called "
				"concurrently, so it races only if that contract "
				"is broken", f->message, name);
	else
		msg = xasprintf("%s; %s runs where an encoder or decoder "
				"(encoding/json, encoding/gob, ...) is handed the "
				"value, so it races only if that is done without "
				"the lock", f->message, name);
	free(f->message);
	f->message = msg;
	f->severity = SEV_NOTE;
	if (p->twin)
		p->out->v[p->twin - 1].severity = SEV_NOTE;
	return 1;
}

void judge_needs_callers(struct pkg *p, int fa, int fb)
{
	struct buf b[2];
	const struct finding *f;
	int la, lb, i;

	if (!p->cur || serial_note(p, fa, fb) || !p->o->mod)
		return;
	memset(b, 0, sizeof(b));
	la = fn_live(p, fa, &b[0]);
	lb = fa == fb ? la : fn_live(p, fb, &b[1]);
	f = &p->out->v[p->cur - 1];
	/* one side in a goroutine: the other need only run, once */
	/* (the getter's finding made with this one stands with it) */
	for (i = 0; la < 2 && lb < 2 && (!la || !lb) && i < 2; i++) {
		f = !i ? f : p->twin ? &p->out->v[p->twin - 1] : NULL;
		if (f)
			module_add_cond(p->o->mod, f->path, f->line, f->column,
				f->rule, la ? "" : b[0].p ? b[0].p : "-",
				lb || fa == fb ? "" : b[1].p ? b[1].p : "-");
	}
	buf_release(&b[0]);
	buf_release(&b[1]);
}

void judge_evidence(struct pkg *p, int file, uint32_t node, const char *note)
{
	const struct ast *a = p->files[file].ast;

	if (!p->cur)
		return;
	finding_add_evidence(&p->out->v[p->cur - 1], p->files[file].path,
			     ast_line(a, node), ast_col(a, node), note);
}

static const char *what(const struct access *a)
{
	if (a->flags & AC_STORE)
		return "replaced";
	if (a->flags & AC_LEN)
		return "measured (len)";
	if (a->flags & AC_WRITE)
		return "written";
	if (a->flags & AC_RANGE)
		return "ranged over";
	return "read";
}


/* Is some access of a[0..n) made under guard in a goroutine's code? */
static int guarded_in_go(const struct pkg *p, const struct access *a,
			 size_t n, loc_t guard)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct lockset ls = judge_abs_ls(p, &a[k]);

		if (((a[k].flags & AC_IN_GO) || p->funcs.v[a[k].fn].root ||
		     roots_in_go(p, a[k].fn)) && ls_holds(&ls, guard) >= 0)
			return 1;
	}
	return 0;
}

/* Does one function write the location under g and also access it
 * without g (before taking it, or after releasing it)? */
static int self_checked(const struct pkg *p, const struct access *a,
			size_t n, loc_t g)
{
	size_t k, j;

	for (k = 0; k < n; k++) {
		struct lockset ls;

		if (!(a[k].flags & AC_WRITE) || (a[k].flags & AC_STORE) ||
		    !judge_counts(p, &a[k]))
			continue;
		ls = judge_abs_ls(p, &a[k]);
		if (ls_holds(&ls, g) < 0 || ls.h[ls_holds(&ls, g)].shared)
			continue;
		for (j = 0; j < n; j++) {
			struct lockset lj;

			if (a[j].fn != a[k].fn || !judge_counts(p, &a[j]) ||
			    (a[j].flags & (AC_STORE | AC_LEN)))
				continue;
			lj = judge_abs_ls(p, &a[j]);
			if (ls_holds(&lj, g) < 0)
				return 1;
		}
	}
	return 0;
}

/* Does some access write the location holding g only for reading?  A read
 * lock says its holders run at once, even when one function takes it. */
static int rlocked_write(const struct pkg *p, const struct access *a,
			 size_t n, loc_t g)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct lockset ls;
		int h;

		if (!(a[k].flags & AC_WRITE) || (a[k].flags & AC_STORE) ||
		    !judge_counts(p, &a[k]))
			continue;
		ls = judge_abs_ls(p, &a[k]);
		h = ls_holds(&ls, g);
		if (h >= 0 && ls.h[h].shared == LS_SHARED)
			return 1;
	}
	return 0;
}

/* Is x a read in the map's only writer: every write of the location is
 * in x's function or in code only it calls, and that function runs on one
 * thread at a time?  Its reads follow its own writes in program order;
 * the lock it takes to write is for the readers elsewhere. */
static int sole_writer(const struct pkg *p, const struct access *a,
		       size_t n, const struct access *x)
{
	size_t k, j;
	int any;

	if ((x->flags & (AC_WRITE | AC_IN_GO | AC_LATER)) || x->go >= 0 ||
	    !roots_single(p, x->fn))
		return 0;
	for (k = 0; k < n; k++) {
		const struct access *w = &a[k];

		if (!(w->flags & AC_WRITE) || !judge_counts(p, w))
			continue;
		if (w->go >= 0 || (w->flags & (AC_IN_GO | AC_LATER)))
			return 0;
		if (w->fn == x->fn)
			continue;
		any = 0;
		for (j = 0; j < p->calls.n; j++) {
			const struct call *c = &p->calls.v[j];

			if (c->callee != w->fn || p->funcs.v[c->caller].is_test)
				continue;
			if (c->caller != x->fn || c->go >= 0 ||
			    (c->flags & (CALL_GO | CALL_VALUE | CALL_LATER)))
				return 0;
			any = 1;
		}
		if (!any)
			return 0;
	}
	return 1;
}

/* How many functions reach the location without lock g. */
static int unguarded_funcs(const struct pkg *p, const struct access *a,
			   size_t n, loc_t g)
{
	size_t k;
	int last = -1, count = 0;

	for (k = 0; k < n; k++) {
		struct lockset ls;

		if (!judge_counts(p, &a[k]))
			continue;
		ls = judge_abs_ls(p, &a[k]);
		if (ls_holds(&ls, g) < 0 && a[k].fn != last)
			count++, last = a[k].fn;
	}
	return count;
}

/* The struct type whose field l is, or -1 (a package variable). */
static int field_owner(const struct pkg *p, loc_t l)
{
	if (l < 0 || (size_t)l >= p->fields.n || !p->owner)
		return -1;
	return p->owner[l];
}

/* Does a method of type t call fn without holding guard? */
static int called_from_type(const struct pkg *p, int fn, int t, loc_t guard)
{
	size_t k;

	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		struct lockset ls;

		if (c->callee != fn || p->funcs.v[c->caller].recv_type != t)
			continue;
		ls = p->funcs.v[c->caller].entry;
		ls_apply(&ls, &c->ls);
		if (ls_holds(&ls, guard) < 0)
			return 1;
	}
	return 0;
}

/* Is x held to a guard that is a lock of type t (not the map's owner)?
 * In t's methods, and in the map owner's methods t calls on the map's
 * object without the lock (a.lookup() from c.assignments), not on every
 * value of the map's type (last.m of an older snapshot). */
static int held_to_other(const struct pkg *p, const struct access *x, int t,
			 loc_t guard)
{
	const struct func *f = &p->funcs.v[x->fn];

	if (f->recv_type == t)
		return 1;
	return (x->flags & AC_RECV) && called_from_type(p, x->fn, t, guard);
}

static int name_exported(const struct pkg *p, int name)
{
	const char *s = names_str(&p->nm, name);

	return s[0] >= 'A' && s[0] <= 'Z';
}

/* x returns the map guard guards (a getter): an exported method of an
 * exported type hands it to callers that cannot take the lock, while
 * other code writes its contents under the lock.  A map only ever
 * replaced whole under the lock (copy on write) is safe to hand out. */
static void handed_out(struct pkg *p, const struct access *a, size_t n,
		       const struct access *x, loc_t guard, const char *gname,
		       int guard_type)
{
	const struct func *f = &p->funcs.v[x->fn];
	const struct access *wr = NULL;
	char sym[160], fname[160], wname[160];
	size_t j;

	if (f->is_test || f->generated || f->test_only || f->annotated ||
	    f->init_only || !f->exported || f->recv_type < 0 ||
	    !name_exported(p, p->types.v[f->recv_type].name) ||
	    (guard_type >= 0 && !held_to_other(p, x, guard_type, guard)))
		return;
	for (j = 0; j < n && !wr; j++) {
		struct lockset lj;

		if (!(a[j].flags & AC_WRITE) || (a[j].flags & AC_STORE) ||
		    !judge_counts(p, &a[j]) || a[j].fn == x->fn)
			continue;
		lj = judge_abs_ls(p, &a[j]);
		if (ls_holds(&lj, guard) >= 0)
			wr = &a[j];
	}
	if (!wr)
		return;
	/* callers here: what they do with the map is judged where they do it */
	for (j = 0; j < p->calls.n; j++)
		if (p->calls.v[j].callee == x->fn &&
		    !p->funcs.v[p->calls.v[j].caller].is_test)
			return;
	judge_text(p, x->file, x->node, sym, sizeof(sym));
	judge_func_name(p, x->fn, fname, sizeof(fname));
	judge_func_name(p, wr->fn, wname, sizeof(wname));
	judge_emit(p, 5, SEV_WARNING, x, xasprintf(
		"%s returns map %s itself: its callers read it after %s is "
		"released, while %s writes it under the lock (%s:%u); return "
		"a copy", fname, sym, gname, wname, p->files[wr->file].path,
		ast_line(p->files[wr->file].ast, wr->node)), sym);
	judge_evidence(p, wr->file, wr->node,
		       "written here under the guard, concurrently");
}

/* x writes under guard's read lock: does x also hold a lock of its own
 * exclusively that every other access holds too (or that takes guard's
 * write lock)?  RLock(prio); Lock(mx); m[k] = v: writers are serialized
 * by mx, readers hold prio's write lock. */
static int second_lock(const struct pkg *p, const struct access *a, size_t n,
		       const struct access *x, const struct lockset *lx,
		       loc_t guard)
{
	int i;
	size_t j;

	for (i = 0; i < lx->n; i++) {
		loc_t l = lx->h[i].loc;
		int all = 1;

		if (l == guard || l < 0 || IS_FOREIGN_LOCK(l) ||
		    lx->h[i].shared != LS_EXCL)
			continue;
		for (j = 0; j < n && all; j++) {
			struct lockset lj;
			int g, k;

			if (&a[j] == x || !judge_counts(p, &a[j]) ||
			    (a[j].flags & AC_STORE))
				continue;
			lj = judge_abs_ls(p, &a[j]);
			g = ls_holds(&lj, guard);
			k = ls_holds(&lj, l);
			all = (g >= 0 && lj.h[g].shared == LS_EXCL) ||
			      (k >= 0 && lj.h[k].shared == LS_EXCL);
		}
		if (all)
			return 1;
	}
	return 0;
}

/* x skips the inferred guard: does it hold another lock that every
 * access it conflicts with holds too (one of the two exclusively)?  Then
 * that lock orders them: nc.subs read under subsMu, which every writer
 * takes, though mu is held at more places. */
static int alt_guard(const struct pkg *p, const struct access *a, size_t n,
		     const struct access *x, const struct lockset *lx)
{
	int i;
	size_t j;

	for (i = 0; i < lx->n; i++) {
		loc_t l = lx->h[i].loc;
		int all = 1, any = 0;

		if (l < 0 || IS_FOREIGN_LOCK(l) ||
		    lx->h[i].shared == LS_RELEASED)
			continue;
		for (j = 0; j < n && all; j++) {
			struct lockset lj;
			int k;

			if (&a[j] == x || !judge_counts(p, &a[j]) ||
			    (a[j].flags & AC_STORE) ||
			    !((x->flags | a[j].flags) & AC_WRITE))
				continue;
			lj = judge_abs_ls(p, &a[j]);
			k = ls_holds(&lj, l);
			all = k >= 0 && lj.h[k].shared != LS_RELEASED &&
			      (lj.h[k].shared == LS_EXCL ||
			       lx->h[i].shared == LS_EXCL);
			any = 1;
		}
		if (all && any)
			return 1;
	}
	return 0;
}

/* x writes a map under a read lock on guard that x's function does not
 * take: its callers hold it.  MG002 at each call made holding only the
 * read lock (the place to fix), the write as evidence.  Returns how many
 * were reported. */
static int rlocked_calls(struct pkg *p, const struct access *x, loc_t guard,
			 const char *gname, const char *sym, const char *fname)
{
	size_t k;
	int n = 0, last = -1, lastf = -1;

	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		struct lockset at;
		struct access site;
		int h, line;

		if (c->callee != x->fn || (c->flags & (CALL_GO | CALL_VALUE)) ||
		    p->funcs.v[c->caller].is_test || p->funcs.v[c->caller].test_only)
			continue;
		at = p->funcs.v[c->caller].entry;
		ls_apply(&at, &c->ls);
		h = ls_holds(&at, guard);
		if (h < 0 || at.h[h].shared != LS_SHARED)
			continue;
		line = (int)ast_line(p->files[c->file].ast, c->node);
		if (line == last && (int)c->file == lastf)
			continue;
		last = line, lastf = c->file;
		memset(&site, 0, sizeof(site));
		site.loc = x->loc;
		site.flags = AC_WRITE;
		site.file = c->file;
		site.node = c->node;
		site.fn = c->caller;
		site.go = c->go;
		site.param = -1;
		judge_emit(p, 2, SEV_ERROR, &site, xasprintf(
			"%s writes map %s, and it is called here with only a "
			"read lock on %s held: two readers can write it at once",
			fname, sym, gname), sym);
		judge_evidence(p, x->file, x->node, "written here");
		n++;
	}
	return n;
}

/* Judges the accesses a[0..n) of one location. */
static void judge_loc(struct pkg *p, struct access *a, size_t n)
{
	struct cand c[16];
	int nc = 0, i, best = -1, total = 0, guard_from_note = 0, guard_type;
	size_t k, j;
	loc_t l = a[0].loc, guard = -1;
	char lname[160], gname[160], sym[160], fname[160], where[200];
	char by[160];
	int last_line = -1, last_file = -1, rl_fn = -1;

	if ((size_t)l < p->fields.n && p->fields.v[l].guard >= 0)
		guard = p->fields.v[l].guard, guard_from_note = 1;
	for (k = 0; k < n; k++) {
		struct lockset ls;

		if (!judge_counts(p, &a[k]))
			continue;
		total++;
		ls = judge_abs_ls(p, &a[k]);
		for (i = 0; i < ls.n; i++) {
			int m;

			if (ls.h[i].shared == LS_RELEASED || ls.h[i].loc < 0 ||
			    IS_FOREIGN_LOCK(ls.h[i].loc))
				continue;
			for (m = 0; m < nc && c[m].lock != ls.h[i].loc;)
				m++;
			if (m == nc) {
				if (nc == 16)
					continue;
				c[nc].lock = ls.h[i].loc;
				c[nc].count = c[nc].nfn = 0;
				c[nc].lastfn = -1;
				nc++;
			}
			c[m].count++;
			if (c[m].lastfn != a[k].fn)
				c[m].nfn++, c[m].lastfn = a[k].fn;
		}
	}
	if (p->trace) {
		char ln[160], lk[160], fn[160];

		facts_loc_name(p, l, ln, sizeof(ln));
		fprintf(stderr, "trace: %s: %zu accesses, %d judged;", ln, n, total);
		for (i = 0; i < nc; i++)
			fprintf(stderr, " %s held at %d (%d funcs)",
				facts_loc_name(p, c[i].lock, lk, sizeof(lk)),
				c[i].count, c[i].nfn);
		fputc('\n', stderr);
		for (k = 0; k < n; k++) {
			struct lockset ls = judge_abs_ls(p, &a[k]);

			judge_func_name(p, a[k].fn, fn, sizeof(fn));
			fprintf(stderr, "trace:   %s:%u %s %s%s flags=%#x locks:",
				p->files[a[k].file].path,
				ast_line(p->files[a[k].file].ast, a[k].node),
				fn, what(&a[k]), judge_counts(p, &a[k]) ? "" : " (not counted)",
				a[k].flags);
			for (i = 0; i < ls.n; i++)
				fprintf(stderr, " %s%s", facts_loc_name(p,
					ls.h[i].loc, lk, sizeof(lk)),
					ls.h[i].shared == LS_SHARED ? "(r)" :
					ls.h[i].shared == LS_RELEASED ? "(-)" : "");
			fputc('\n', stderr);
		}
	}
	if (guard < 0) {
		/* the lock taken in the most functions, then at the most
		 * accesses: the discipline, not one function's habit */
		for (i = 0; i < nc; i++)
			if (best < 0 || c[i].nfn > c[best].nfn ||
			    (c[i].nfn == c[best].nfn &&
			     c[i].count > c[best].count))
				best = i;
		/* a guard: held at two functions' accesses or more, and at
		 * least at as many accesses as it is missing from */
		/* held at most accesses, or in at least as many functions
		 * as go without it (one function's many unguarded accesses
		 * do not outvote the type's discipline) */
		if (best < 0 || (c[best].count * 2 < total &&
				 c[best].nfn < unguarded_funcs(p, a, n,
							       c[best].lock))) {
			roots_judge(p, a, n);	/* no guard: pairs */
			return;
		}
		guard = c[best].lock;
		/* one function only: enough when that code is a goroutine's,
		 * or when the function locks around its own write and reads
		 * the map unlocked too (a double-checked lookup: the lock
		 * says the function runs concurrently with itself), or
		 * when it writes holding the lock only for reading */
		if (c[best].nfn < 2 && !guarded_in_go(p, a, n, guard) &&
		    !self_checked(p, a, n, guard) &&
		    !rlocked_write(p, a, n, guard)) {
			roots_judge(p, a, n);
			return;
		}
	}
	facts_loc_name(p, l, lname, sizeof(lname));
	facts_loc_name(p, guard, gname, sizeof(gname));
	/* a lock of another type (rs.mu around rs.report.m) guards the
	 * instances that type reaches, not every value of the map's type:
	 * only its own methods are held to it */
	guard_type = field_owner(p, guard);
	if (guard_type >= 0 && guard_type == field_owner(p, l))
		guard_type = -1;
	for (k = 0; k < n; k++) {
		struct access *x = &a[k], *other = NULL;
		struct lockset ls;
		int h, sev, line;
		char *msg;

		if (x->flags & AC_ESCAPE) {
			handed_out(p, a, n, x, guard, gname, guard_from_note ? -1 : guard_type);
			continue;
		}
		/* a store replaces the field, not the map's contents: it
		 * tells the guard, it is not one side of a map race */
		if (!judge_counts(p, x) || p->funcs.v[x->fn].annotated ||
		    (x->flags & AC_STORE))
			continue;
		ls = judge_abs_ls(p, x);
		h = ls_holds(&ls, guard);
		line = (int)ast_line(p->files[x->file].ast, x->node);
		if (h >= 0 && ls.h[h].shared == LS_SHARED &&
		    (x->flags & AC_WRITE) && !(x->flags & AC_STORE) &&
		    !second_lock(p, a, n, x, &ls, guard)) {
			if (line == last_line && (int)x->file == last_file)
				continue;
			last_line = line, last_file = x->file;
			judge_text(p, x->file, x->node, sym, sizeof(sym));
			judge_func_name(p, x->fn, fname, sizeof(fname));
			/* the read lock is the callers' and the writer a
			 * method of another type (a helper object the lock's
			 * owner keeps): the bug is where they call it holding
			 * only the read lock */
			if (ls_holds(&x->ls, guard) < 0 &&
			    p->funcs.v[x->fn].recv_type >= 0 &&
			    p->funcs.v[x->fn].recv_type != field_owner(p, guard) &&
			    (x->fn == rl_fn ||
			     rlocked_calls(p, x, guard, gname, sym, fname))) {
				rl_fn = x->fn;
				continue;
			}
			msg = xasprintf("map %s is written while only a read "
					"lock on %s is held: two readers can "
					"write it at once", sym, gname);
			judge_emit(p, 2, SEV_ERROR, x, msg, sym);
			judge_evidence(p, p->fields.n > (size_t)guard ?
				 p->fields.v[guard].file : x->file,
				 (size_t)guard < p->fields.n ?
				 p->fields.v[guard].node : x->node,
				 "the read-write mutex");
			continue;
		}
		if (h >= 0 || (guard_type >= 0 && !guard_from_note &&
			       !held_to_other(p, x, guard_type, guard)) ||
		    alt_guard(p, a, n, x, &ls) || sole_writer(p, a, n, x) ||
		    roots_one_thread(p, a, n, x))
			continue;
		/* the other side: a guarded access, a write if this reads */
		for (j = 0; j < n; j++) {
			struct lockset lj;

			if (j == k || !judge_counts(p, &a[j]) ||
			    (a[j].flags & AC_STORE))
				continue;
			if (!(x->flags & AC_WRITE) && !(a[j].flags & AC_WRITE))
				continue;
			lj = judge_abs_ls(p, &a[j]);
			if (ls_holds(&lj, guard) < 0)
				continue;
			if (!other || ((a[j].flags & AC_WRITE) &&
				       !(other->flags & AC_WRITE)))
				other = &a[j];
		}
		/* after the launcher waited for its goroutines: ordered
		 * with the guarded side if only they reach it */
		if (!other || ((roots_after_join(p, x) ||
				roots_before_launch(p, x)) &&
			       roots_joined(p, x, other)) ||
		    roots_after_phase(p, x, other) ||
		    roots_teardown(p, x))
			continue;
		if (line == last_line && (int)x->file == last_file)
			continue;
		last_line = line, last_file = x->file;
		judge_text(p, x->file, x->node, sym, sizeof(sym));
		judge_func_name(p, other->fn, fname, sizeof(fname));
		sev = (x->flags & AC_IN_GO) || p->funcs.v[x->fn].root ?
		      SEV_ERROR : SEV_WARNING;
		snprintf(where, sizeof(where), "%s:%u",
			 p->files[other->file].path,
			 ast_line(p->files[other->file].ast, other->node));
		if (x->via)
			judge_func_name(p, p->pacc.v[x->via - 1].fn, by,
					sizeof(by));
		msg = xasprintf("map %s is %s%s%s without %s, which guards it "
				"elsewhere: %s %s it under the lock (%s)",
				sym, what(x), x->via ? " by " : "",
				x->via ? by : "", gname, fname, other->flags &
				AC_WRITE ? "writes" : "reads", where);
		judge_emit(p, 5, sev, x, msg, sym);
		if (sev == SEV_WARNING)
			judge_needs_callers(p, x->fn, other->fn);
		judge_evidence(p, other->file, other->node,
			 other->flags & AC_WRITE
			 ? "written here under the guard, concurrently"
			 : "read here under the guard, concurrently");
		if ((size_t)l < p->fields.n)
			judge_evidence(p, p->fields.v[l].file, p->fields.v[l].node,
				 guard_from_note ? "map declared here, with "
				 "its guard named" : "map declared here");
	}
}

/* MG006: an insertion into a shared map while ranging over it (walk_expr.c
 * records them), once per site, in code that is judged. */
static void range_muts(struct pkg *p)
{
	size_t i, j;
	char sym[160];

	for (i = 0; i < p->rangemuts.n; i++) {
		const struct rangemut *m = &p->rangemuts.v[i];
		const struct func *f = &p->funcs.v[m->fn];
		struct access a;

		for (j = 0; j < i && (p->rangemuts.v[j].file != m->file ||
				      p->rangemuts.v[j].node != m->node);)
			j++;
		if (j < i || f->is_test || f->generated || f->test_only)
			continue;
		memset(&a, 0, sizeof(a));
		a.loc = -1;
		a.flags = AC_WRITE | AC_ESCAPE;	/* no getter's twin */
		a.file = m->file;
		a.node = m->node;
		a.fn = m->fn;
		a.go = -1;
		a.param = -1;
		judge_text(p, m->file, m->node, sym, sizeof(sym));
		judge_emit(p, 6, SEV_NOTE, &a, xasprintf("map %s is written "
			   "while ranging over it: inserting other keys makes "
			   "the iteration visit them or not at random", sym), sym);
		judge_evidence(p, m->file, m->stmt, "range loop over the map");
	}
}

void judge_package(struct pkg *p)
{
	size_t i, j;

	for (i = 0; i < p->calls.n; i++) {	/* ncallers for judge_init_only() */
		struct func *f = &p->funcs.v[p->calls.v[i].callee];

		if (f->ncallers < 255)
			f->ncallers++;
	}
	judge_init_only(p);
	judge_test_only(p);
	judge_entries(p);	/* and fresh_params(), fresh_receivers() */
	if (p->trace)
		judge_trace_calls(p);
	roots_compute(p);
	xpkg_export(p);
	range_muts(p);
	if (!p->acc.n) {
		roots_free(p);
		return;
	}
	judge_ctor_phase(p);
	p->owner = xmalloc((p->fields.n ? p->fields.n : 1) * sizeof(*p->owner));
	for (i = 0; i < p->fields.n; i++)
		p->owner[i] = -1;
	for (i = 0; i < p->types.n; i++)
		for (j = 0; p->types.v[i].is_struct && j < p->types.v[i].nf; j++)
			p->owner[p->types.v[i].f0 + j] = (int32_t)i;
	p->locking = xcalloc(p->types.n ? p->types.n : 1, 1);
	for (i = 0; i < p->acc.n; i++) {
		const struct access *x = &p->acc.v[i];
		const struct lockset *ls = &x->ls;
		int h;

		if (!judge_counts(p, x))
			continue;
		for (h = 0; h < ls->n; h++)
			if (ls->h[h].shared != LS_RELEASED &&
			    ls->h[h].loc >= 0 && (size_t)ls->h[h].loc < p->fields.n &&
			    p->owner[ls->h[h].loc] >= 0 &&
			    p->owner[ls->h[h].loc] == field_owner(p, x->loc))
				p->locking[p->owner[ls->h[h].loc]] = 1;
	}
	p->ctor_go = xcalloc(p->fields.n ? p->fields.n : 1,
			     sizeof(*p->ctor_go));
	roots_ctor_locs(p, p->ctor_go);
	if (p->trace)	/* constructors' phases */
		for (i = 0; i < p->funcs.n; i++)
			if (p->funcs.v[i].ctor_phase)
				fprintf(stderr, "trace: ctor phase: %s ctor=%d at=%u\n",
					names_str(&p->nm, p->funcs.v[i].name),
					p->funcs.v[i].ctor, p->funcs.v[i].ctor_at);
	qsort(p->acc.v, p->acc.n, sizeof(*p->acc.v), by_loc);
	for (i = 0; i < p->acc.n; i = j) {
		for (j = i + 1; j < p->acc.n && p->acc.v[j].loc == p->acc.v[i].loc;)
			j++;
		judge_loc(p, &p->acc.v[i], j - i);
	}
	free(p->ctor_go);
	p->ctor_go = NULL;
	free(p->owner);
	free(p->locking);
	p->owner = NULL;
	p->locking = NULL;
	roots_free(p);
}
