/* roots_pair.c - the pair rule for maps that no lock guards
 *
 * Owns: whether two accesses of one map, from the roots roots.c computed,
 * may run at once: a goroutine and its launcher after the go statement
 * and before a Wait or a receive, two gosites that overlap, several
 * instances of one gosite, a channel's close before a receive ordering
 * them, a lock in common (as the package's callers hold them and along
 * each goroutine's own calls), state shared through a receiver or a
 * parameter; and the findings MG001/MG003/MG004, with the API pair (a map
 * written with no lock in one exported method of a type that locks its
 * own mutex and used in another).
 * Not: computing the roots and the locks along a gosite's calls (roots.c),
 * the queries the guard rule asks (after a join, in a teardown, on one
 * thread at a time: roots_order.c), guarded maps (judge.c).
 */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/roots_int.h"
#include "util/util.h"

/* Is access x, made outside goroutine s, concurrent with it? */
/* Does g's launcher call x's function after the go statement, with no
 * Wait or receive in between?  go s.run(); s.ResetAll(). */
static int called_after_go(const struct pkg *p, const struct access *x,
			   int s)
{
	const struct gosite *g = &p->gos.v[s];
	uint32_t gs = roots_pos(p, g->file, g->node);
	size_t k, j;

	if (g->fn < 0 || x->go >= 0)
		return 0;
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		uint32_t cp;
		int joined = 0;

		if (c->caller != g->fn || c->callee != x->fn ||
		    c->file != g->file || c->go >= 0 ||
		    (c->flags & (CALL_GO | CALL_VALUE)))
			continue;
		cp = roots_pos(p, c->file, c->node);
		if (cp <= gs && !g->many)
			continue;
		for (j = 0; j < p->joins.n; j++)
			if (p->joins.v[j].fn == g->fn &&
			    p->joins.v[j].off > gs && p->joins.v[j].off < cp)
				joined = 1;
		if (!joined)
			return 1;
	}
	return 0;
}

/* Does x's function call g's launcher before x, the launcher returning
 * with the goroutine still running (no join after the go statement) and
 * no join between the call and x?  enrich(req.Tags) starts a goroutine
 * on the map and returns; handle then writes it. */
static int after_launch(const struct pkg *p, const struct access *x, int s)
{
	const struct gosite *g = &p->gos.v[s];
	uint32_t gs = roots_pos(p, g->file, g->node),
		 at = roots_pos(p, x->file, x->node);
	size_t k, j;

	if (g->fn < 0)
		return 0;
	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == g->fn && p->joins.v[j].off > gs)
			return 0;	/* the launcher waits for it */
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		uint32_t cp;
		int joined = 0;

		if (c->caller != x->fn || c->callee != g->fn ||
		    c->file != x->file || c->go != x->go ||
		    (c->flags & (CALL_GO | CALL_VALUE)))
			continue;
		cp = roots_pos(p, c->file, c->node);
		if (cp >= at)
			continue;
		for (j = 0; j < p->joins.n; j++)
			if (p->joins.v[j].fn == x->fn &&
			    p->joins.v[j].off > cp && p->joins.v[j].off < at)
				joined = 1;
		if (!joined)
			return 1;
	}
	return 0;
}

/* The receiver of call c as written (b in b.Update(...)): its text in
 * *s and its length, or 0 when c is no method call on a plain name. */
static size_t call_recv_text(const struct pkg *p, const struct call *c,
			     const char **s)
{
	const struct ast *a = p->files[c->file].ast;
	const struct ast_node *n = ast_node(a, c->node), *f, *r;

	if (n->kind != AST_CALL_EXPR)
		return 0;
	f = ast_node(a, n->a);
	if (f->kind != AST_SELECTOR_EXPR)
		return 0;
	r = ast_node(a, f->a);
	if (r->kind != AST_IDENT)
		return 0;
	*s = a->src + r->pos;
	return r->end - r->pos;
}

/* Does a function call g's launcher, which returns with the goroutine
 * still running (no join after the go statement), and then x's function,
 * with no join between the two calls?  r.startReporter(); r.apply(m): the
 * caller's later calls run while the goroutine does.  When x reaches its
 * map through its receiver, the later call is on the launcher's receiver
 * (the same name), or on the object a constructor that started the
 * goroutine returned (b := newB(); b.Update()). */
static int caller_after_launch(const struct pkg *p, const struct access *x,
			       int s)
{
	const struct gosite *g = &p->gos.v[s];
	uint32_t gs = roots_pos(p, g->file, g->node);
	size_t k, i, j;

	if (g->fn < 0 || x->go >= 0 || g->callback || g->ext ||
	    (x->param >= 0 && !(x->flags & AC_RECV)))
		return 0;
	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == g->fn && p->joins.v[j].off > gs)
			return 0;	/* the launcher waits for it */
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c1 = &p->calls.v[k];
		const char *r1 = NULL;
		size_t n1;

		if (c1->callee != g->fn || c1->go >= 0 ||
		    (c1->flags & (CALL_GO | CALL_VALUE | CALL_LATER)) ||
		    c1->caller == g->fn)
			continue;
		n1 = call_recv_text(p, c1, &r1);
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c2 = &p->calls.v[i];
			const char *r2 = NULL;
			size_t n2;
			uint32_t p1, p2;
			int joined = 0;

			if (c2->caller != c1->caller || c2->callee != x->fn ||
			    c2->file != c1->file || c2->go != c1->go ||
			    (c2->flags & (CALL_GO | CALL_VALUE | CALL_LATER)))
				continue;
			p1 = roots_pos(p, c1->file, c1->node);
			p2 = roots_pos(p, c2->file, c2->node);
			if (p2 <= p1)
				continue;
			if (x->flags & AC_RECV) {
				n2 = call_recv_text(p, c2, &r2);
				if (!n2)
					continue;
				if (n1 ? n1 != n2 || memcmp(r1, r2, n1)
				       : !(c2->flags & CALL_FRESH_RECV) ||
					 !p->funcs.v[g->fn].ctor_phase)
					continue;
			}
			for (j = 0; j < p->joins.n; j++)
				if (p->joins.v[j].fn == c1->caller &&
				    p->joins.v[j].off > p1 && p->joins.v[j].off < p2)
					joined = 1;
			if (!joined)
				return 1;
		}
	}
	return 0;
}

/* Is fn an exported method its package's users call: one of an exported
 * type, or one that no code here calls by name (an interface's method,
 * called from outside)? */
static int outside_method(const struct pkg *p, int fn)
{
	const struct func *f = &p->funcs.v[fn];
	const char *t;
	size_t k;

	if (!f->exported || f->is_test || f->recv_type < 0)
		return 0;
	t = names_str(&p->nm, p->types.v[f->recv_type].name);
	if (*t >= 'A' && *t <= 'Z')
		return 1;
	for (k = 0; k < p->calls.n; k++)
		if (p->calls.v[k].callee == fn &&
		    !p->funcs.v[p->calls.v[k].caller].is_test)
			return 0;
	return 1;
}

/* Is fn such a method of t, or a method of t one of them calls on its
 * receiver? */
static int outside_reached(const struct pkg *p, int fn, int t)
{
	size_t k;

	if (outside_method(p, fn))
		return 1;
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];

		if (c->callee == fn && p->funcs.v[c->caller].recv_type == t &&
		    (c->flags & (CALL_RECV_SELF | CALL_RECV_REACH)) &&
		    outside_method(p, c->caller))
			return 1;
	}
	return 0;
}

/* Does goroutine s outlive its launcher's call, running on while x, an
 * access through the receiver in the exported API of the map's type, is
 * made?  A go statement its launcher does not wait for after (no Wait or
 * receive after it: a constructor or Start that returns with the loop
 * running) leaves the goroutine running when the launcher returns; the
 * object's users then call its exported methods (outside_reached()),
 * nothing ordering them against it.  Not a callback, nor a method that waits first (a Close
 * that joins). */
static int outlives_launcher(const struct pkg *p, const struct access *x,
			     int s)
{
	const struct gosite *g = &p->gos.v[s];
	const struct func *f = &p->funcs.v[x->fn], *l;
	uint32_t gs;
	size_t j;

	if (g->fn < 0 || g->callback || g->ext || x->go >= 0)
		return 0;
	/* the object's own goroutine, started by its constructor (or a
	 * method of it only constructors call): what the caller does with
	 * the object after the constructor returns runs with it; not a
	 * goroutine started by a method, which exported calls made before
	 * it (set-up) do not overlap */
	l = &p->funcs.v[g->fn];
	if (!l->ctor_phase || l->starter ||
	    (l->recv_type >= 0 && l->recv_type != f->recv_type))
		return 0;
	if (
	    !(x->flags & AC_RECV) || (size_t)x->loc >= p->fields.n ||
	    !p->owner || f->recv_type < 0 ||
	    p->owner[x->loc] != f->recv_type || f->is_test || f->test_only ||
	    f->init_only || f->ctor_phase || p->funcs.v[g->fn].is_test ||
	    !outside_reached(p, x->fn, f->recv_type) ||
	    roots_join_before(p, x->fn, roots_pos(p, x->file, x->node)))
		return 0;
	gs = roots_pos(p, g->file, g->node);
	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == g->fn && p->joins.v[j].off > gs)
			return 0;	/* the launcher waits for it */
	return 1;
}

/* Is x, code that runs alongside goroutine s or its launcher, ordered
 * with s?  strict: only a Wait, a call that waits or a range over a
 * channel joins s (a bare receive may be a request's). */
static int with_site_ex(const struct pkg *p, const struct access *x, int s,
			int strict)
{
	const struct gosite *g = &p->gos.v[s];
	uint32_t at, gs;
	size_t j;

	if (x->go >= 0)
		return 1;	/* another goroutine's literal */
	if (x->fn != g->fn)	/* other code while it runs: a function the
				 * launcher calls after the go statement, a
				 * caller after the launcher returned, or a
				 * contract we cannot see the callers of */
		return called_after_go(p, x, s) || after_launch(p, x, s) ||
		       caller_after_launch(p, x, s) ||
		       outlives_launcher(p, x, s) || p->loose;
	at = roots_pos(p, x->file, x->node);
	gs = roots_pos(p, g->file, g->node);
	if (at < gs && !g->many)
		return 0;	/* before the go statement */
	if (at < g->loop_at && g->own_many && g->fn >= 0)
		return 0;	/* before the loop that starts them all */
	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == x->fn && p->joins.v[j].off > gs &&
		    p->joins.v[j].off < at && !(strict && p->joins.v[j].recv))
			return 0;	/* after a Wait or a receive */
	return at > gs || g->many;
}

static int with_site(const struct pkg *p, const struct access *x, int s)
{
	return with_site_ex(p, x, s, 0);
}

/* Does x happen before y through a channel: x's function closes x.ch
 * after x (or in a defer), and y's function receives from that channel
 * field before y?  (A loader that closes ready; readers that wait on it.) */
static int chan_ordered(const struct pkg *p, const struct access *x,
			const struct access *y)
{
	size_t k, j;
	uint32_t px = roots_pos(p, x->file, x->node),
		 py = roots_pos(p, y->file, y->node);

	for (k = 0; k < p->closes.n; k++) {
		const struct chclose *c = &p->closes.v[k];

		if (c->fn != x->fn || x->go >= 0 || (!c->deferred && c->off < px))
			continue;
		for (j = 0; j < p->joins.n; j++)
			if (p->joins.v[j].fn == y->fn && y->go < 0 &&
			    p->joins.v[j].chan == c->chan &&
			    p->joins.v[j].off < py)
				return 1;
	}
	return 0;
}

/* Two goroutines one function starts: concurrent unless it waits (a
 * Wait or a receive) between the two go statements. */
static int sites_concurrent(const struct pkg *p, int s, int t)
{
	const struct gosite *a = &p->gos.v[s], *b = &p->gos.v[t];
	uint32_t lo = roots_pos(p, a->file, a->node),
		 hi = roots_pos(p, b->file, b->node);
	size_t j;

	if (a->file != b->file)
		return 1;
	if (lo > hi) {
		uint32_t x = lo;

		lo = hi, hi = x;
	}
	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == a->fn && p->joins.v[j].off > lo &&
		    p->joins.v[j].off < hi)
			return 0;
	return 1;
}

/* go r.decay(0.5); go r.decay(0.9): two go statements of one launcher
 * that start the same function on the same receiver (as written), with
 * no Wait or receive between them, run two instances at once. */
static int twin_sites(const struct pkg *p, int s, int t)
{
	const struct gosite *a = &p->gos.v[s], *b = &p->gos.v[t];
	const struct ast *ast = p->files[a->file].ast;
	const struct ast_node *ca, *cb, *fa, *fb, *ra, *rb;

	/* one statement walked twice (a local literal called twice) is
	 * not two */
	if (s == t || a->node == b->node || a->fn < 0 || a->fn != b->fn ||
	    a->file != b->file ||
	    a->callback || b->callback || a->target < 0 ||
	    !sites_concurrent(p, s, t))
		return 0;
	ca = ast_node(ast, a->node), cb = ast_node(ast, b->node);
	if (ca->kind != AST_CALL_EXPR || cb->kind != AST_CALL_EXPR)
		return 0;
	fa = ast_node(ast, ca->a), fb = ast_node(ast, cb->a);
	if (fa->kind != AST_SELECTOR_EXPR || fb->kind != AST_SELECTOR_EXPR)
		return fa->kind == AST_IDENT && fb->kind == AST_IDENT;
	ra = ast_node(ast, fa->a), rb = ast_node(ast, fb->a);
	return ra->end - ra->pos == rb->end - rb->pos &&
	       !memcmp(ast->src + ra->pos, ast->src + rb->pos, ra->end - ra->pos);
}

static int common_lock(const struct lockset *a, const struct lockset *b)
{
	int i, j;

	for (i = 0; i < a->n; i++) {
		if (a->h[i].shared == LS_RELEASED || a->h[i].loc < 0 ||
		    IS_FOREIGN_LOCK(a->h[i].loc))
			continue;
		for (j = 0; j < b->n; j++)
			if (b->h[j].loc == a->h[i].loc &&
			    b->h[j].shared != LS_RELEASED)
				return 1;
	}
	return 0;
}

/* Is the object an access made in gosite s touches one the goroutine
 * shares with other code (and with its other instances)?  A package
 * variable, a variable the literal captured, a local map made outside it,
 * the receiver of `go x.m()` (or of a handler) handed down on the
 * receiver, unless x is new in each iteration.  A parameter or anything
 * made or looked up inside is the instance's own, as far as we can see. */
static int shared_across(const struct pkg *p, const struct access *a, int s)
{
	const struct gosite *g = &p->gos.v[s];
	size_t nv = p->fields.n + p->vars.n;

	if ((size_t)a->loc >= p->fields.n && (size_t)a->loc < nv)
		return 1;
	if ((size_t)a->loc >= nv && !p->llocs.v[(size_t)a->loc - nv].from_param)
		return p->llocs.v[(size_t)a->loc - nv].go != a->go;
	if (a->flags & (AC_CAPTURED | AC_GLOBAL | AC_HANDED))
		return 1;	/* captured, or reached from a package variable */
	if ((a->flags & AC_RECV) && a->go < 0 && !g->per_instance) {
		const struct roots *r = &p->self[a->fn];
		int i;

		for (i = 0; i < r->n; i++)
			if (r->id[i] == s)
				return 1;
	}
	if (a->param >= 0 && a->param < 4 && a->go < 0) {	/* p.m[k] */
		const struct roots *r = &p->pself[4 * a->fn + a->param];
		int i;

		for (i = 0; i < r->n; i++)
			if (r->id[i] == s)
				return 1;
	}
	return 0;
}

/* Does an access in gosite s reach shared state only through the
 * receiver of go x.m(), not a captured, global or parameter object? */
static int via_recv_only(const struct pkg *p, const struct access *a, int s)
{
	const struct roots *r = &p->self[a->fn];
	int i;

	if (!(a->flags & AC_RECV) || (a->flags & (AC_CAPTURED | AC_GLOBAL)) ||
	    a->go >= 0 || (size_t)a->loc >= p->fields.n)
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->id[i] == s)
			return 1;
	return 0;
}

/* Does an access in gosite s reach its map only through a parameter that
 * every goroutine is handed a new object in (go run(&job{})): the
 * instance's own, not another goroutine's? */
static int via_own_param(const struct pkg *p, const struct access *a, int s)
{
	const struct roots *r;
	int i;

	if (a->param < 0 || a->param >= 4 || a->go >= 0 ||
	    (a->flags & (AC_RECV | AC_CAPTURED | AC_GLOBAL | AC_HANDED)) ||
	    (size_t)a->loc >= p->fields.n ||
	    !(p->pown[a->fn] & (1u << a->param)))
		return 0;
	r = &p->pself[4 * a->fn + a->param];
	for (i = 0; i < r->n; i++)
		if (r->id[i] == s)
			return 1;
	return 0;
}

/* Is gosite t started only from the code of goroutine s, one instance of
 * it (no other goroutine reaches t's launcher)?  Then s's own code and t
 * are a launcher and its goroutine: ordered before the go statement and
 * after a Wait, as with_site() says.  Code outside goroutines may call
 * the launcher too (an exported method): two calls of it that overlap
 * write its maps together, a pair of their own. */
static int nested_in(const struct pkg *p, int t, int s)
{
	const struct gosite *g = &p->gos.v[t];
	const struct roots *r;

	if (s == t || g->fn < 0 || g->ext || p->gos.v[s].many)
		return 0;
	r = &p->roots[g->fn];
	return r->n == 1 && r->id[0] == s && !r->over;
}

/* Can x (a write) and y overlap?  *sx, *sy: the gosites that say so (-1:
 * main). */
static int overlap(const struct pkg *p, const struct access *x,
		   const struct access *y, int *sx, int *sy)
{
	struct roots rx = roots_access(p, x), ry = roots_access(p, y);
	int i, j;

	if (rx.over || ry.over)
		return 0;	/* too many to say which: stay quiet */
	for (i = 0; i < rx.n; i++) {
		int s = rx.id[i];

		for (j = 0; j < ry.n; j++) {
			int t = ry.id[j];
			int same = s == t || (p->gos.v[s].target >= 0 &&
					      p->gos.v[s].target ==
					      p->gos.v[t].target) ||
				   xpkg_one_goroutine(p, &p->gos.v[s],
						      &p->gos.v[t]);

			/* both sides must reach one object: state the
			 * goroutines share, not what each made or got (a
			 * map handed to a launcher is its caller's, and
			 * the launcher's own loop's goroutines') */
			if (!shared_across(p, x, s) || !shared_across(p, y, t) ||
			    (((x->flags | y->flags) & AC_HANDED) &&
			     !(s == t && p->gos.v[s].own_many)))
				continue;
			/* the same code started twice is one goroutine
			 * unless several instances run at once */
			if (same && !p->gos.v[s].many && !p->gos.v[t].many &&
			    !twin_sites(p, s, t))
				continue;
			/* a map the launcher made, not in a loop of its own
			 * around the go statement: each launcher call's
			 * goroutine has its own */
			/* ... or one made in the loop body that starts the
			 * goroutine: each iteration's goroutine its own */
			if (s == t && x->go == s && y->go == s &&
			    (size_t)x->loc >= p->fields.n + p->vars.n &&
			    p->llocs.v[(size_t)x->loc - p->fields.n -
				       p->vars.n].go < 0 &&
			    (!p->gos.v[s].own_many ||
			     (p->gos.v[s].loops > 0 &&
			      p->llocs.v[(size_t)x->loc - p->fields.n -
					 p->vars.n].loops >= p->gos.v[s].loops)))
				continue;
			/* go x.run() on an x its launcher made: the instances
			 * of several launcher calls have one x each */
			if (p->gos.v[s].fresh_recv && p->gos.v[t].fresh_recv &&
			    via_recv_only(p, x, s) && via_recv_only(p, y, t))
				continue;
			/* go run(&job{}) twice: each goroutine its own job */
			if (via_own_param(p, x, s) && via_own_param(p, y, t))
				continue;
			if (s != t && p->gos.v[s].fn == p->gos.v[t].fn &&
			    p->gos.v[s].fn >= 0 && !sites_concurrent(p, s, t))
				continue;
			/* a goroutine that goroutine s starts, after x in s's
			 * code, or joined before it */
			if ((x->go < 0 && nested_in(p, t, s) &&
			     !with_site_ex(p, x, t, 1)) ||
			    (y->go < 0 && nested_in(p, s, t) &&
			     !with_site_ex(p, y, s, 1)))
				continue;
			*sx = s, *sy = t;
			return 1;
		}
		if (ry.main && shared_across(p, x, s) && with_site(p, y, s)) {
			*sx = s, *sy = -1;
			return 1;
		}
	}
	for (j = 0; j < ry.n; j++)
		if (rx.main && shared_across(p, y, ry.id[j]) &&
		    with_site(p, x, ry.id[j])) {
			*sx = -1, *sy = ry.id[j];
			return 1;
		}
	return 0;
}

static void site_evidence(struct pkg *p, int s)
{
	const struct gosite *g = &p->gos.v[s];

	if (g->ext) {
		xpkg_evidence(p, g);
		return;
	}
	judge_evidence(p, g->file, g->node,
		       g->fn < 0 ? (g->target >= 0 &&
				    roots_is_collector(p, &p->funcs.v[g->target])
				    ? "a prometheus Collector's method: the "
				      "registry calls it on every scrape, and "
				      "scrapes run at once"
				    : "an HTTP handler: requests run at once") :
		       g->callback ? (g->many ? "callback registered here, "
				      "run concurrently" :
				      "callback registered here, run "
				      "concurrently with its caller") :
		       g->many ? "goroutine started here, in a loop" :
		       "goroutine started here");
}

/* The side outside goroutine s is the launcher's own code after the go
 * statement, a function the launcher calls there (go t.loop();
 * t.Reset()), or its caller's code on the object after the launcher
 * returned: both sides are named, not a contract. */
static int with_site_named(const struct pkg *p, const struct access *x, int s)
{
	return x->fn == p->gos.v[s].fn || called_after_go(p, x, s) ||
	       caller_after_launch(p, x, s);
}

/* Is fn an exported method of t, or a method of t one of them calls? */
static int api_reached(const struct pkg *p, int fn, int t)
{
	size_t k;

	if (p->funcs.v[fn].exported)
		return 1;
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		const struct func *from = &p->funcs.v[c->caller];

		if (c->callee == fn && from->recv_type == t && from->exported &&
		    !from->is_test && (c->flags & (CALL_RECV_SELF |
						   CALL_RECV_REACH)))
			return 1;
	}
	return 0;
}

/* The exported API of a type that locks its own mutex around its maps
 * is used concurrently: x, a write to another map of it with no lock at
 * all in one exported method, against y, an access of the same map in
 * another exported method, no lock in common.  A warning: it races if
 * callers use the API as its locks say. */
static void api_pair(struct pkg *p, struct access *a, size_t n,
		     struct access *x, const struct lockset *lx)
{
	const struct func *fx = &p->funcs.v[x->fn];
	const struct access *y = NULL;
	char sym[160], fname[160], tname[160], mname[160];
	size_t j;
	int t = (size_t)x->loc < p->fields.n ? p->owner[x->loc] : -1;

	if (t < 0 || !p->locking[t] || fx->recv_type != t || !fx->exported ||
	    !(x->flags & AC_RECV) || (x->flags & (AC_IN_GO | AC_LATER)))
		return;
	/* no lock of its own: a lock of another type's object (the caller
	 * that holds it) orders nothing against t's other callers */
	for (j = 0; j < lx->n; j++)
		if (lx->h[j].shared != LS_RELEASED &&
		    !IS_FOREIGN_LOCK(lx->h[j].loc) &&
		    !(lx->h[j].loc >= 0 && (size_t)lx->h[j].loc < p->fields.n &&
		      p->owner[lx->h[j].loc] >= 0 && p->owner[lx->h[j].loc] != t))
			return;
	for (j = 0; j < n && !y; j++) {
		const struct func *fy = &p->funcs.v[a[j].fn];
		struct lockset ly;

		if (a[j].fn == x->fn || (a[j].flags & AC_STORE) ||
		    !(a[j].flags & AC_RECV) || !judge_counts(p, &a[j]) ||
		    fy->recv_type != t || !api_reached(p, a[j].fn, t) ||
		    fy->annotated)
			continue;
		ly = judge_abs_ls(p, &a[j]);
		if (!common_lock(lx, &ly))
			y = &a[j];
	}
	if (!y)
		return;
	judge_text(p, x->file, x->node, sym, sizeof(sym));
	judge_func_name(p, y->fn, fname, sizeof(fname));
	judge_func_name(p, x->fn, mname, sizeof(mname));
	snprintf(tname, sizeof(tname), "%s",
		 names_str(&p->nm, p->types.v[t].name));
	judge_emit(p, 1, SEV_WARNING, x, xasprintf(
		"map %s is written in %s with no lock, while %s %s it (%s:%u): "
		"%s locks its own mutex around its other state, so its "
		"methods are called concurrently", sym, mname, fname,
		y->flags & AC_WRITE ? "writes" : "reads",
		p->files[y->file].path, ast_line(p->files[y->file].ast, y->node),
		tname), sym);
	judge_needs_callers(p, x->fn, y->fn);
	judge_evidence(p, y->file, y->node, y->flags & AC_WRITE
		       ? "also written here, by another caller"
		       : "read here, by another caller");
}

/* Is the line of a helper's access reported already? */
static int helper_reported(const struct pkg *p, const struct paccess *pa)
{
	long line = (long)ast_line(p->files[pa->file].ast, pa->node);
	size_t k;

	for (k = 0; k < p->out->n; k++)
		if (p->out->v[k].line == line &&
		    !strcmp(p->out->v[k].path, p->files[pa->file].path))
			return 1;
	return 0;
}

/* Is a's line reported already, or written too by a's function (the
 * read of delete(m, k), m[k]++, m[a][b] = v): one finding a line. */
static int reported(const struct pkg *p, const struct access *a,
		    const struct access *all, size_t n)
{
	long line = (long)ast_line(p->files[a->file].ast, a->node);
	size_t k;

	for (k = 0; k < n; k++)
		if ((all[k].flags & AC_WRITE) && all[k].fn == a->fn &&
		    all[k].file == a->file &&
		    (long)ast_line(p->files[a->file].ast, all[k].node) == line)
			return 1;
	for (k = 0; k < p->out->n; k++)
		if (p->out->v[k].line == line &&
		    !strcmp(p->out->v[k].path, p->files[a->file].path))
			return 1;
	return 0;
}

/* MG003's message: "with no lock" only when the read holds none */
static char *goroutine_read_msg(const struct pkg *p, const struct access *y,
				const char *sym, const char *fname,
				const char *where)
{
	if (judge_abs_ls(p, y).n)
		return xasprintf("map %s is read in a goroutine, while %s "
				 "writes it (%s) with no lock in common", sym,
				 fname, where);
	return xasprintf("map %s is read in a goroutine with no lock, while "
			 "%s writes it (%s)", sym, fname, where);
}

/* A race has two sides: a read a goroutine makes (MG003) is reported
 * as well as the write it races with, also when the write is in a
 * goroutine of its own (the write's MG001 names only one reader); not
 * when the write is the same code's (instances of one function). */
static void goroutine_reads(struct pkg *p, struct access *a, size_t cap)
{
	size_t k, j;
	char sym[160], fname[160], where[200];

	for (k = 0; k < cap; k++) {
		struct access *y = &a[k], *x = NULL;
		struct lockset lx, ly;
		int sx = -1, sy = -1;

		if ((y->flags & (AC_WRITE | AC_STORE | AC_LEN)) ||
		    !judge_counts(p, y) || p->funcs.v[y->fn].annotated)
			continue;
		ly = judge_abs_ls(p, y);
		for (j = 0; j < cap && !x; j++) {
			/* a write of the same code (another instance of it):
			 * the write's own finding names that race */
			if (!(a[j].flags & AC_WRITE) || (a[j].flags & AC_STORE) ||
			    (a[j].fn == y->fn && a[j].go == y->go) ||
			    !judge_counts(p, &a[j]) || p->funcs.v[a[j].fn].annotated)
				continue;
			lx = judge_abs_ls(p, &a[j]);
			if (!common_lock(&lx, &ly) &&
			    overlap(p, &a[j], y, &sx, &sy) && sy >= 0 &&
			    !chan_ordered(p, &a[j], y) && !chan_ordered(p, y, &a[j])) {
				struct lockset px = roots_site_ls(p, &a[j], sx, 0);
				struct lockset py = roots_site_ls(p, y, sy, 1);

				if (!common_lock(&px, &py))
					x = &a[j];
			}
		}
		if (!x || reported(p, y, a, cap))
			continue;
		judge_text(p, y->file, y->node, sym, sizeof(sym));
		judge_func_name(p, x->fn, fname, sizeof(fname));
		snprintf(where, sizeof(where), "%s:%u", p->files[x->file].path,
			 ast_line(p->files[x->file].ast, x->node));
		judge_emit(p, 3, sx >= 0 || with_site_named(p, x, sy)
		       ? SEV_ERROR : SEV_WARNING, y,
		       goroutine_read_msg(p, y, sym, fname, where), sym);
		judge_evidence(p, x->file, x->node, "written here, concurrently");
		site_evidence(p, sy);
		if (sx >= 0 && sx != sy)
			site_evidence(p, sx);
	}
}

void roots_judge(struct pkg *p, struct access *a, size_t n)
{
	size_t k, j, cap = n < 256 ? n : 256;
	char sym[160], fname[160], where[200];
	int last_line = -1, last_file = -1;

	for (k = 0; k < cap; k++) {
		struct access *x = &a[k], *y = NULL, *flag;
		struct lockset lx, ly;
		int sx = -1, sy = -1, rule, sev, line;
		char *msg;

		if (!(x->flags & AC_WRITE) || (x->flags & AC_STORE) ||
		    !judge_counts(p, x) || p->funcs.v[x->fn].annotated)
			continue;
		lx = judge_abs_ls(p, x);
		for (j = 0; j < cap && !y; j++) {
			if ((a[j].flags & AC_STORE) || !judge_counts(p, &a[j]) ||
			    p->funcs.v[a[j].fn].annotated)
				continue;
			ly = judge_abs_ls(p, &a[j]);
			if (common_lock(&lx, &ly))
				continue;
			if (overlap(p, x, &a[j], &sx, &sy) &&
			    !chan_ordered(p, x, &a[j]) &&
			    !chan_ordered(p, &a[j], x)) {
				/* the locks on the goroutines' own paths */
				struct lockset px = roots_site_ls(p, x, sx, 0);
				struct lockset py = roots_site_ls(p, &a[j], sy, 1);

				if (!common_lock(&px, &py))
					y = &a[j];
			}
		}
		if (!y) {
			if (p->owner && !p->loose)
				api_pair(p, a, cap, x, &lx);
			continue;
		}
		/* flag the side in the goroutine: the write, or the read
		 * a goroutine makes of a map written elsewhere */
		if (sx < 0 && (y->flags & AC_WRITE))
			continue;	/* y is flagged as the goroutine's write */
		flag = sx >= 0 ? x : y;
		line = (int)ast_line(p->files[flag->file].ast, flag->node);
		if (line == last_line && (int)flag->file == last_file)
			continue;
		last_line = line, last_file = flag->file;
		judge_text(p, flag->file, flag->node, sym, sizeof(sym));
		if (flag == x) {
			int s = sx >= 0 ? sx : sy;

			rule = s >= 0 && p->gos.v[s].callback ? 4 : 1;
			judge_func_name(p, y->fn, fname, sizeof(fname));
			snprintf(where, sizeof(where), "%s:%u",
				 p->files[y->file].path,
				 ast_line(p->files[y->file].ast, y->node));
			const char *in = sx >= 0 ? (p->gos.v[sx].callback ?
				"in a concurrent callback" : "in a goroutine")
				: "outside the goroutine";

			if (y == x)
				msg = xasprintf("map %s is written %s with no "
						"lock; several instances run at "
						"once, so two can write it "
						"together", sym, in);
			else if (judge_abs_ls(p, x).n)	/* a lock, not theirs */
				msg = xasprintf("map %s is written %s, while %s "
						"%s it (%s) with no lock in "
						"common", sym, in, fname,
						y->flags & AC_WRITE ? "writes"
						: "reads", where);
			else
				msg = xasprintf("map %s is written %s with no "
						"lock, while %s %s it (%s)", sym,
						in, fname, y->flags & AC_WRITE
						? "writes" : "reads", where);
		} else {
			rule = 3;
			judge_func_name(p, x->fn, fname, sizeof(fname));
			snprintf(where, sizeof(where), "%s:%u",
				 p->files[x->file].path,
				 ast_line(p->files[x->file].ast, x->node));
			msg = goroutine_read_msg(p, y, sym, fname, where);
		}
		sev = sx >= 0 && sy >= 0 ? SEV_ERROR :
		      (sx >= 0 ? with_site_named(p, y, sx)
			       : with_site_named(p, x, sy)) ? SEV_ERROR
							      : SEV_WARNING;
		/* mark(id, m) from two goroutines: the race is the
		 * helper's own access against itself */
		p->at_helper = x->via && (y == x || (y->via &&
			p->pacc.v[x->via - 1].file == p->pacc.v[y->via - 1].file &&
			p->pacc.v[x->via - 1].node == p->pacc.v[y->via - 1].node));
		if (p->at_helper && helper_reported(p, &p->pacc.v[x->via - 1])) {
			p->at_helper = 0;
			free(msg);
			continue;
		}
		judge_emit(p, rule, sev, flag, msg, sym);
		if (flag == x && y != x)
			judge_evidence(p, y->file, y->node, y->flags & AC_WRITE
				       ? "also written here, concurrently"
				       : "read here, concurrently");
		else if (flag == y)
			judge_evidence(p, x->file, x->node,
				       "written here, concurrently");
		if (sx >= 0)
			site_evidence(p, sx);
		if (sy >= 0 && sy != sx)
			site_evidence(p, sy);
	}
	goroutine_reads(p, a, cap);
}
