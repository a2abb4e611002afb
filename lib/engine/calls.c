/* calls.c - calls and function literals in the walk
 *
 * Owns: a call's effects on the walk (Lock/Unlock, lock wrappers through
 * their summaries, delete/clear/len, go and defer, sync.Once), function
 * literals (run in place, later, or in a goroutine, with the lock set that
 * holds there), arguments (maps handed to unseen code, objects handed to a
 * goroutine).
 * Not: the records: map accesses, calls, gosites, joins (calls_record.c);
 * statements (walk.c), resolution (scope.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/walk_int.h"
#include "util/util.h"

/* runtime.SetFinalizer(x, func(...) {...}): the runtime calls the literal
 * once x is unreachable, so no other code holds x then */
static int is_set_finalizer(struct walker *w, uint32_t n)
{
	const struct ast_node *c = wk_N(w, n), *fun = wk_N(w, c->a);
	const char *s;
	size_t len;

	if (fun->kind != AST_SELECTOR_EXPR ||
	    ast_kind(w->a, fun->a) != AST_IDENT ||
	    ast_list_len(w->a, c->b) != 2 ||
	    wk_N(w, ast_list(w->a, c->b)[1])->kind != AST_FUNC_LIT ||
	    wk_lookup(w, wk_ident(w, fun->a)))
		return 0;
	s = ast_ident(w->a, fun->a, &len);
	if (len != 7 || memcmp(s, "runtime", 7))
		return 0;
	s = ast_ident(w->a, fun->b, &len);
	return len == 12 && !memcmp(s, "SetFinalizer", 12);
}

void wk_params(struct walker *w, uint32_t ftype, int top)
{
	const struct ast_node *ft = wk_N(w, ftype);
	const struct ast_node *pl;
	uint32_t i, j, n;
	int idx = 0;

	if (!ft->b)
		return;
	pl = wk_N(w, ft->b);
	n = ast_list_len(w->a, pl->a);
	for (i = 0; i < n; i++) {
		const struct ast_node *fd = wk_N(w, ast_list(w->a, pl->a)[i]);
		struct ty ty = facts_type_expr(w->p, w->file, fd->b);
		uint32_t nn = ast_list_len(w->a, fd->a);

		for (j = 0; j < nn; j++, idx++) {
			struct local *l = wk_declare(w, ast_list(w->a, fd->a)[j], ty);

			if (l && top)
				l->param = (int8_t)(idx < 127 ? idx : 127);
		}
		if (!nn)
			idx++;
	}
	/* named results are locals too */
	if (ft->c) {
		const struct ast_node *rl = wk_N(w, ft->c);

		for (i = 0; i < ast_list_len(w->a, rl->a); i++) {
			const struct ast_node *fd =
				wk_N(w, ast_list(w->a, rl->a)[i]);
			struct ty ty = facts_type_expr(w->p, w->file, fd->b);

			for (j = 0; j < ast_list_len(w->a, fd->a); j++)
				wk_declare(w, ast_list(w->a, fd->a)[j], ty);
		}
	}
}

/* Walks a literal's body with lock set ls in effect; the walker's own
 * state is restored after.  A goroutine's literal is a new gosite. */
void wk_func_lit(struct walker *w, uint32_t lit, const struct lockset *ls,
		     int in_go, int later)
{
	wk_func_lit_at(w, lit, ls, in_go, later, in_go ? wk_start_site(w, -1, lit, 0, 0)
						  : w->cur_go);
}

void wk_func_lit_at(struct walker *w, uint32_t lit,
			const struct lockset *ls, int in_go, int later, int site)
{
	const struct ast_node *fl = wk_N(w, lit);
	struct lockset save = w->ls, exit = w->exit, def = w->deferred;
	struct lockset *into = w->defer_into;
	size_t go_base = w->go_base, later_base = w->later_base;
	int cur_go = w->cur_go, loops = w->loops, gate = w->gate;
	uint32_t loop_at = w->loop_at;
	uint32_t go_lit = w->go_lit;
	int go_loops = w->go_loops, nranging = w->nranging;
	int term = w->terminated, have = w->have_exit, brk = w->breakable;
	size_t nloc = w->locals.n;

	if (w->depth > 200) {
		w->nlit_arg = 0;
		return;
	}
	w->depth++;
	w->ls = *ls;
	if (in_go)
		w->go_base = nloc;
	if (in_go)
		w->go_loops = w->loops;
	if (in_go)
		w->go_lit = lit;
	if (later)
		w->later_base = nloc;
	w->cur_go = site;
	w->loops = 0;
	w->nranging = 0;	/* a literal runs apart from the loop */
	w->gate = 0;
	w->in_go += in_go;
	w->later += later;
	w->terminated = 0;
	w->breakable = 0;
	memset(&w->deferred, 0, sizeof(w->deferred));
	if (into == &w->deferred)
		w->defer_into = &def;	/* the deferring function's set */
	wk_params(w, fl->a, 0);
	if (w->dying && nloc < w->locals.n)
		w->locals.v[nloc].fresh = 1;	/* the finalizer's object */
	w->dying = 0;
	if (w->nlit_arg) {	/* parameters bound to the call's maps */
		int i, n = w->nlit_arg;

		w->nlit_arg = 0;
		for (i = 0; i < n && nloc + (size_t)i < w->locals.n; i++)
			if (w->lit_arg[i] >= 0 &&
			    facts_under(w->p, w->locals.v[nloc + i].ty).kind == TY_MAP)
				w->locals.v[nloc + i].alias = w->lit_arg[i];
	}
	if (fl->b)
		wk_block(w, wk_N(w, fl->b)->a);
	wk_pop_locals(w, nloc);
	w->in_go -= in_go;
	w->go_base = go_base;
	w->later_base = later_base;
	w->cur_go = cur_go;
	w->go_lit = go_lit;
	w->loops = loops;
	w->loop_at = loop_at;
	w->gate = gate;
	w->go_loops = go_loops;
	w->nranging = nranging;
	w->later -= later;
	w->ls = save;
	w->exit = exit;
	w->have_exit = have;
	w->deferred = def;	/* with the unlocks a deferred literal added */
	w->defer_into = into;
	w->terminated = term;
	w->breakable = brk;
	w->depth--;
}

/* Locks held now that the literal's body unlocks without locking them:
 * `mu.Lock(); go func() { defer mu.Unlock(); ... }()` hands the lock to the
 * goroutine, which holds it on entry. */
void wk_handed_over(struct walker *w, uint32_t n, int depth,
			struct lockset *out)
{
	struct ast_iter it;
	uint32_t c;
	loc_t l;
	int h;

	if (!n || depth > 64)
		return;
	if (!depth) {	/* nothing held now: nothing to hand over */
		for (h = 0; h < w->ls.n && w->ls.h[h].shared == LS_RELEASED; h++)
			;
		if (h == w->ls.n)
			return;
	}
	if (ast_kind(w->a, n) == AST_CALL_EXPR &&
	    wk_lock_op(w, n, &l) == OP_UNLOCK && (h = ls_holds(&w->ls, l)) >= 0)
		ls_lock(out, l, w->ls.h[h].shared == LS_SHARED);
	ast_iter_init(&it, w->a, n);
	while ((c = ast_iter_next(&it)))
		wk_handed_over(w, c, depth + 1, out);
}

/* h.F with h an element ranged out of a slice of a struct type of ours
 * (for _, h := range s.handlers): field F of that type, or -1. */
static loc_t ranged_field(struct walker *w, const struct ast_node *fun)
{
	struct local *x;

	if (wk_N(w, fun->a)->kind != AST_IDENT ||
	    !(x = wk_lookup(w, wk_ident(w, fun->a))) || !x->elem1)
		return -1;
	return facts_field(w->p, x->elem1 - 1, wk_ident(w, fun->b));
}

/* The literal a local holds (f := func(){...}), or 0. */
uint32_t wk_local_lit(struct walker *w, uint32_t n)
{
	struct local *l;

	if (ast_kind(w->a, n) != AST_IDENT || !(l = wk_lookup(w, wk_ident(w, n))))
		return 0;
	return l->lit;
}

void wk_mark_walked(struct walker *w, uint32_t lit)
{
	size_t i;

	for (i = 0; i < w->lits.n; i++)
		if (w->lits.v[i].node == lit)
			w->lits.v[i].walked++;
}

int wk_times_walked(struct walker *w, uint32_t lit)
{
	size_t i;

	for (i = 0; i < w->lits.n; i++)
		if (w->lits.v[i].node == lit)
			return w->lits.v[i].walked;
	return 0;
}

/* Adds a callee's relative lock set to ls, its parameters' locks replaced
 * by the arguments' (list: the call's arguments). */
void wk_apply_summary(struct walker *w, struct lockset *ls,
			  const struct lockset *rel, uint32_t list)
{
	const struct lockset r = *rel;
	int i, k = 0;

	for (i = 0; i < r.n; i++) {
		loc_t l = r.h[i].loc;

		if (IS_PARAM_LOCK(l)) {
			uint32_t pi = (uint32_t)(-2 - l);

			l = pi < ast_list_len(w->a, list)
			    ? wk_lock_loc(w, ast_list(w->a, list)[pi]) : -1;
			if (l < 0 || IS_PARAM_LOCK(l))
				continue;
		}
		if (r.h[i].shared == LS_RELEASED)
			ls_unlock(ls, l);
		else
			ls_lock(ls, l, r.h[i].shared == LS_SHARED);
		k++;
	}
}

/* Every name a call uses, resolved or not (x.m() on an interface). */
void wk_note_called(struct walker *w, uint32_t fun)
{
	const struct ast_node *nd = wk_N(w, fun);
	int name = nd->kind == AST_SELECTOR_EXPR ? wk_ident(w, nd->b) :
		   nd->kind == AST_IDENT ? wk_ident(w, fun) : -1;
	struct pkg *p = w->p;

	if (name < 0)
		return;
	if ((size_t)name >= p->ncalled) {
		size_t n = p->ncalled ? p->ncalled : 256;

		while (n <= (size_t)name)
			n *= 2;
		p->called = xrealloc(p->called, n);
		memset(p->called + p->ncalled, 0, n - p->ncalled);
		p->ncalled = n;
	}
	p->called[name] = 1;
}

/* x.Do(f) of a sync.Once: f runs once, before sharing */
void wk_once_do(struct walker *w, uint32_t n)
{
	const struct ast_node *c = wk_N(w, n), *fun = wk_N(w, c->a);
	uint32_t recv, arg;
	int fn;

	if (fun->kind != AST_SELECTOR_EXPR ||
	    !(wk_kw_class(w, fun->b) & KC_DO) ||
	    ast_list_len(w->a, c->b) != 1)
		return;
	arg = ast_list(w->a, c->b)[0];
	if (wk_N(w, arg)->kind != AST_IDENT && wk_N(w, arg)->kind != AST_SELECTOR_EXPR)
		return;
	fn = wk_callee_of(w, arg, &recv);
	if (fn >= 0)
		w->p->funcs.v[fn].once = 1;
}

/* An argument that is an object made here. */
int wk_arg_fresh(struct walker *w, uint32_t v)
{
	const struct ast_node *nd = wk_N(w, v);
	struct local *l;

	if (wk_fresh_value(w, v))
		return 1;
	if (nd->kind == AST_UNARY_EXPR && nd->op == T_AND)
		nd = wk_N(w, v = nd->a);
	if (nd->kind != AST_IDENT || !(l = wk_lookup(w, wk_ident(w, v))) ||
	    !l->fresh)
		return 0;
	/* captured by a goroutine's or a later literal: shared with the
	 * code outside it */
	if ((w->in_go && (size_t)(l - w->locals.v) < w->go_base) ||
	    (w->later && (size_t)(l - w->locals.v) < w->later_base))
		return 0;
	return 1;
}

/* Is the text of node n exactly s, blanks aside? */
static int text_is(struct walker *w, uint32_t n, const char *s)
{
	const struct ast_node *nd = wk_N(w, n);
	uint32_t i;

	for (i = nd->pos; i < nd->end; i++) {
		if (w->a->src[i] == ' ' || w->a->src[i] == '\t')
			continue;
		if (*s++ != w->a->src[i])
			return 0;
	}
	return !*s;
}

/* func(w http.ResponseWriter, r *http.Request) {...}: a literal of an
 * HTTP handler's shape (or a web framework's: roots_framework_handler())
 * that is not called in place (returned, stored, handed to a router)
 * serves requests, many at once. */
int wk_handler_lit(struct walker *w, uint32_t lit)
{
	const struct ast_node *ft = wk_N(w, wk_N(w, lit)->a), *pl;
	const uint32_t *fl;

	if (ft->kind != AST_FUNC_TYPE || !ft->b)
		return 0;
	pl = wk_N(w, ft->b);
	if (ast_list_len(w->a, pl->a) == 1)
		return roots_framework_handler(w->a, ft->b);
	if (ast_list_len(w->a, pl->a) != 2)
		return 0;
	fl = ast_list(w->a, pl->a);
	return ast_list_len(w->a, wk_N(w, fl[0])->a) == 1 &&
	       ast_list_len(w->a, wk_N(w, fl[1])->a) == 1 &&
	       text_is(w, wk_N(w, fl[0])->b, "http.ResponseWriter") &&
	       text_is(w, wk_N(w, fl[1])->b, "*http.Request");
}

/* The arguments of a call: literals run here (or concurrently: async is
 * wk_async_api()'s kind, go_site the go statement's site), maps handed to
 * code we cannot see are read, functions handed to a concurrent API
 * start there. */
/* for _, c := range conns { go c.serve() }: each goroutine its own */
static void go_per_instance(struct walker *w, int site, uint32_t recv)
{
	struct local *rl;

	if (recv && wk_N(w, recv)->kind == AST_IDENT &&
	    (rl = wk_lookup(w, wk_ident(w, recv))) && w->loops > 0 &&
	    rl->loop >= w->loops)
		w->p->gos.v[site].per_instance = 1;
}

void wk_args(struct walker *w, uint32_t list, int callee, int async,
		 int go_site, int once_arg)
{
	uint32_t i, n = ast_list_len(w->a, list);
	const uint32_t *v = ast_list(w->a, list);

	for (i = 0; i < n; i++) {
		uint32_t lit = wk_local_lit(w, v[i]);
		const struct ast_node *x = wk_N(w, lit ? lit : v[i]);

		if (lit) {
			if (wk_times_walked(w, lit) > 2)
				continue;
			wk_mark_walked(w, lit);
		}
		/* a parameter handed on to where it runs in a goroutine */
		if (w->pass == 1 && x->kind == AST_IDENT && i < 8 &&
		    (async || go_site >= 0 || (callee >= 0 &&
		     (w->p->funcs.v[callee].param_go & (1u << i))))) {
			struct local *pl = wk_lookup(w, wk_ident(w, v[i]));

			if (pl && pl->param >= 0 && pl->param < 8)
				w->f->param_go |= (uint8_t)(1u << pl->param);
		}
		if (x->kind == AST_IDENT && callee >= 0 && !async && go_site < 0)
			wk_hand_on(w, v[i], callee, (int)i);
		if (x->kind == AST_FUNC_LIT) {
			uint32_t fl = lit ? lit : v[i];
			/* the callee starts it: run(func(){...}) */
			int started = callee >= 0 && i < 8 &&
				(w->p->funcs.v[callee].param_go & (1u << i));
			struct lockset ls = w->ls;
			const struct func *cf =
				callee >= 0 ? &w->p->funcs.v[callee] : NULL;
			int handler = go_site < 0 && callee < 0 &&
				      wk_handler_lit(w, fl);
			int many = started &&
				(w->p->funcs.v[callee].param_many & (1u << i));

			if (async || go_site >= 0 || started || handler) {
				memset(&ls, 0, sizeof(ls));
				wk_handed_over(w, fl, 0, &ls);
				wk_func_lit_at(w, fl, &ls, 1, 0, go_site >= 0 ?
					    go_site : wk_start_site(w, -1, fl,
						    async > 0 || handler,
						    async == 2 || handler ||
						    many));
				/* run(func(){...}) where run waits for the
				 * goroutines it starts before it returns:
				 * the call's end joins them */
				if (started && !async && go_site < 0 &&
				    w->pass == 2 && !w->in_go &&
				    cf->last_go_at &&
				    cf->last_join_at > cf->last_go_at) {
					struct join *j = VEC_PUSH(w->p->joins);

					j->fn = w->fn;
					j->off = wk_N(w, fl)->end;
					j->chan = -1;
				}
				continue;
			}
			/* sched(func(){...}) where sched sends its parameter
			 * on a channel and never calls it: as ch <- func(),
			 * the channel's receiver runs it, not this call */
			if (cf && i < 4 && (cf->param_sent & (1u << i)) &&
			    !((cf->param_called | cf->param_go) & (1u << i)))
				continue;
			if (cf && i < 4 && (cf->param_called & (1u << i)))
				wk_apply_summary(w, &ls, &cf->param_call[i], list);
			w->once += once_arg;
			wk_func_lit(w, fl, &ls, 0, 0);
			w->once -= once_arg;
			continue;
		}
		/* go wait.Until(c.worker, ...): a function of ours handed to
		 * the outside function a go statement runs is what runs */
		if (go_site >= 0 && w->pass == 2 &&
		    (x->kind == AST_IDENT || x->kind == AST_SELECTOR_EXPR)) {
			uint32_t recv;
			int fn = wk_callee_of(w, v[i], &recv), site = -1;
			struct call *rec;

			if (fn < 0)
				;
			else if (callee < 0 && w->p->gos.v[go_site].target < 0)
				w->p->gos.v[go_site].target = fn, site = go_site;
			else if (callee >= 0 && i < 4 &&
				 (w->p->funcs.v[callee].param_called & (1u << i)))
				/* go until(c.worker, ...) with until here */
				site = wk_start_site(w, fn, v[i], 0,
						     w->p->gos.v[go_site].many);
			/* as go c.worker() would: its receiver and all */
			if (site >= 0 && recv && !w->loops && wk_owned(w, recv))
				w->p->gos.v[site].fresh_recv = 1;
			if (site >= 0 &&
			    (rec = wk_call(w, fn, v[i], CALL_GO, recv))) {
				rec->site = site;
				go_per_instance(w, site, recv);
			}
		}
		if (async && (x->kind == AST_IDENT ||
			      x->kind == AST_SELECTOR_EXPR)) {
			uint32_t recv;
			int fn = wk_callee_of(w, v[i], &recv);

			if (fn >= 0)	/* g.Go(s.work), HandleFunc(p, h) */
				wk_start_site(w, fn, v[i], 1, async == 2);
		}
		if (async || go_site >= 0)
			wk_escape(w, v[i]);	/* go f(x), g.Go(x) */
		if (callee < 0 && w->pass == 2 && (wk_map_loc(w, v[i]) >= 0 ||
				   wk_param_map(w, v[i]) >= 0)) {
			/* a map handed to code we cannot see: a read of it
			 * (fmt, json, maps.Copy and sort range over it) */
			wk_access(w, v[i], wk_map_loc(w, v[i]), 0);
		}
		wk_expr(w, v[i], RD);
	}
}

/* func(m map[K]V, ...){...}(x.m, ...): each parameter is the map its
 * argument is (every goroutine started so gets the same one), when every
 * parameter is named and none is variadic. */
static void lit_params(struct walker *w, uint32_t lit, uint32_t args)
{
	const struct ast_node *ft = wk_N(w, wk_N(w, lit)->a), *pl;
	uint32_t i, k = 0, n = ast_list_len(w->a, args);

	w->nlit_arg = 0;
	if (!ft->b || w->pass == 1 || !n || n > 8)
		return;
	pl = wk_N(w, ft->b);
	for (i = 0; i < ast_list_len(w->a, pl->a); i++) {
		const struct ast_node *fd = wk_N(w, ast_list(w->a, pl->a)[i]);

		if (!ast_list_len(w->a, fd->a) ||
		    ast_kind(w->a, fd->b) == AST_ELLIPSIS)
			return;
		k += ast_list_len(w->a, fd->a);
	}
	if (k != n)
		return;
	for (i = 0; i < n; i++)
		w->lit_arg[i] = wk_map_loc(w, ast_list(w->a, args)[i]);
	w->nlit_arg = (int)n;
}

static int ends_with_wait(struct walker *w, uint32_t id)
{
	size_t len;
	const char *s = ast_ident(w->a, id, &len);

	return len >= 4 && !memcmp(s + len - 4, "Wait", 4);
}

/* What each argument of call rec is to its caller (c's args list). */
static void call_args(struct walker *w, struct call *rec, uint32_t args,
		      int go)
{
	uint32_t i, na = ast_list_len(w->a, args);

	for (i = 0; i < na && i < 8; i++) {
		uint32_t av = ast_list(w->a, args)[i];
		struct local *al = wk_N(w, av)->kind == AST_IDENT
				   ? wk_lookup(w, wk_ident(w, av)) : NULL;

		/* go f(x) in a loop with x made before it: every
		 * goroutine gets the same object */
		if (wk_arg_fresh(w, av) &&
		    !(go && w->loops > 0 && al && al->loop < w->loops))
			rec->fresh_args |= (uint8_t)(1u << i);
		/* go func() { sign(base) }(): base, a map parameter
		 * the literal captured, is this call's, shared */
		wk_captured_param(w, av);
		/* go f(m): the map goes to the goroutine, owned or not */
		if (!wk_owned(w, av) || go)
			rec->arg_loc[i] = wk_map_loc(w, av);
		if (i < 4)
			rec->arg_lock[i] = wk_lock_loc(w, av);
		/* an object the goroutine shares: captured by its
		 * literal, or handed to go f(x) from outside the loop */
		if (i < 4 && al && al->param < 0 &&
		    ((w->in_go && (size_t)(al - w->locals.v) < w->go_base &&
		      !(w->go_loops > 0 && al->loop >= w->go_loops)) ||
		     (go && !(w->loops > 0 && al->loop >= w->loops))))
			rec->shared_args |= (uint8_t)(1u << i);
		if (wk_is_recv(w, av))
			rec->arg_recv |= (uint8_t)(1u << i);
		if (al && al->param >= 0 && al->param <= PARAM_RECV)
			rec->arg_param[i] = al->param;
	}
}

/* The most implementing types an interface call is followed to: more, and
 * it is a call we cannot see (as an unknown callee is).  Measured on the
 * real-code sets: 2 flagged no more races and lowered precision on
 * held-out cases; 8 brought an event loop's router (three types) in as
 * several instances, every finding false (docs/engine.md). */
#ifndef IFACE_MAX
#define IFACE_MAX 1
#endif

/* x.M(...) on a value of an interface type the package declares: a call
 * of M of each of the package's types that implement it (CALL_IFACE),
 * never of a type a _test.go file declares. */
static void iface_calls(struct walker *w, uint32_t n, int go, int site)
{
	const struct ast_node *c = wk_N(w, n), *fun = wk_N(w, c->a);
	struct ty t = wk_type_of(w, fun->a);
	int impl[IFACE_MAX], k, i;
	struct call *rec;

	if (t.kind != TY_NAMED || !w->p->types.v[t.named].is_iface)
		return;
	k = facts_iface_impls(w->p, t.named, wk_ident(w, fun->b), impl,
			      IFACE_MAX);
	/* go x.M(): the site runs one function; several, none known */
	if (k <= 0 || (go && (k > 1 || site < 0)))
		return;
	if (go)
		w->p->gos.v[site].target = impl[0];
	for (i = 0; i < k; i++) {
		rec = wk_call(w, impl[i], n, (go ? CALL_GO : 0) | CALL_IFACE,
			      fun->a);
		if (!rec)
			continue;
		rec->site = site;
		call_args(w, rec, c->b, go);
		if (site >= 0)
			go_per_instance(w, site, fun->a);
	}
}

/* Is x a field whose type is one of sync's or sync/atomic's? */
static int std_recv(struct walker *w, uint32_t x)
{
	loc_t l;

	if (wk_N(w, x)->kind != AST_SELECTOR_EXPR)
		return 0;
	l = wk_loc_of(w, x);
	return l >= 0 && (size_t)l < w->p->fields.n &&
	       w->p->fields.v[l].std_value;
}

void wk_call_expr(struct walker *w, uint32_t n, int go, int deferred)
{
	const struct ast_node *c = wk_N(w, n), *fun = wk_N(w, c->a);
	uint32_t recv = 0;
	int callee, op, async, site = -1, builtin;
	struct call *rec;
	loc_t l;

	if (fun->kind == AST_FUNC_LIT) {	/* func(){...}() */
		struct lockset none, now = w->ls, *into = w->defer_into;

		memset(&none, 0, sizeof(none));
		if (go)		/* a lock handed over: the goroutine unlocks it */
			wk_handed_over(w, c->a, 0, &none);
		wk_args(w, c->b, -1, 0, -1, 0);
		lit_params(w, c->a, c->b);
		w->defer_into = deferred ? &w->deferred : NULL;
		wk_func_lit(w, c->a, go ? &none : &now, go, 0);
		w->defer_into = into;
		return;
	}
	if (fun->kind == AST_IDENT && wk_local_lit(w, c->a)) {	/* f() */
		uint32_t lit = wk_local_lit(w, c->a);
		struct lockset none, now = w->ls;

		memset(&none, 0, sizeof(none));
		wk_args(w, c->b, -1, 0, -1, 0);
		if (wk_times_walked(w, lit) > 2)
			return;
		wk_mark_walked(w, lit);
		if (go)
			wk_handed_over(w, lit, 0, &none);
		wk_func_lit(w, lit, go ? &none : &now, go, 0);
		return;
	}
	if ((op = wk_lock_op(w, n, &l)) != OP_NONE) {
		wk_expr(w, fun->a, RD);
		if (go)
			return;
		/* x.Lock() of a type we cannot see: still a call of its
		 * package's Lock method, for the module */
		if (IS_FOREIGN_LOCK(l) && w->pass == 2 && w->p->o->mod &&
		    !w->f->is_test)
			xpkg_note_call(w->p, w->fn, w->file, n, c->a, w->cur_go,
				       -1, &w->ls, wk_N(w, fun->a)->kind ==
				       AST_IDENT && wk_lookup(w, wk_ident(w,
				       fun->a)), deferred);
		if (deferred) {
			if (op == OP_UNLOCK)
				ls_lock(&w->deferred, l, LS_EXCL);
			return;
		}
		if (op == OP_UNLOCK && w->defer_into)
			ls_lock(w->defer_into, l, LS_EXCL);
		if (op == OP_UNLOCK)
			ls_unlock(&w->ls, l);
		else
			ls_lock(&w->ls, l, op == OP_RLOCK);
		return;
	}
	builtin = fun->kind == AST_IDENT ? wk_kw_class(w, c->a) : 0;
	if (fun->kind == AST_IDENT &&
	    (builtin & (KC_DELETE | KC_CLEAR)) &&
	    !wk_lookup(w, wk_ident(w, c->a)) && ast_list_len(w->a, c->b)) {
		uint32_t m = ast_list(w->a, c->b)[0];

		if (builtin & KC_DELETE)
			wk_learn_map(w, m);	/* only maps are deleted from */
		wk_access(w, m, wk_map_loc(w, m), AC_WRITE);
		wk_expr(w, m, RD);
		wk_args(w, c->b, -1, 0, -1, 0);
		return;
	}
	if (fun->kind == AST_IDENT && (builtin & KC_CLOSE) &&
	    !wk_lookup(w, wk_ident(w, c->a)) && ast_list_len(w->a, c->b) == 1 &&
	    w->pass == 2 && !w->in_go && !w->later) {
		uint32_t ch = ast_list(w->a, c->b)[0];
		loc_t cl = wk_N(w, ch)->kind == AST_SELECTOR_EXPR
			   ? wk_loc_of(w, ch) : -1;

		if (cl >= 0 && (size_t)cl < w->p->fields.n) {
			struct chclose *k = VEC_PUSH(w->p->closes);

			k->fn = w->fn;
			k->chan = cl;
			k->off = wk_N(w, n)->pos;
			k->deferred = (uint8_t)deferred;
		}
	}
	if (fun->kind == AST_IDENT && (builtin & KC_LEN) &&
	    !wk_lookup(w, wk_ident(w, c->a)) && ast_list_len(w->a, c->b) == 1) {
		uint32_t m = ast_list(w->a, c->b)[0];

		wk_access(w, m, wk_map_loc(w, m), AC_LEN);
		wk_expr(w, m, RD);
		return;
	}
	/* a call of a function-typed parameter: note the locks held */
	if (fun->kind == AST_IDENT && w->pass == 1) {
		struct local *pl = wk_lookup(w, wk_ident(w, c->a));

		/* go f() or a goroutine calling f: parameter f runs there */
		if (pl && pl->param >= 0 && pl->param < 8 && (go || w->in_go))
			w->f->param_go |= (uint8_t)(1u << pl->param);
		/* ... several at once when that goroutine is started in a
		 * loop (go walk(c) for each child) */
		if (pl && pl->param >= 0 && pl->param < 8 &&
		    (go ? w->loops > 0 : w->in_go && w->go_loops > 0))
			w->f->param_many |= (uint8_t)(1u << pl->param);

		if (pl && pl->param >= 0 && pl->param < 4 && !w->in_go &&
		    !w->later) {
			int i = pl->param;

			if (w->f->param_called & (1u << i))
				ls_meet(&w->f->param_call[i], &w->ls);
			else
				w->f->param_call[i] = w->ls;
			w->f->param_called |= (uint8_t)(1u << i);
		}
	}
	wk_note_called(w, c->a);
	callee = wk_callee_of(w, c->a, &recv);
	if (w->pass == 1 && go && callee >= 0)
		w->p->funcs.v[callee].go_target = 1;
	/* x.F() of a field of function type: where what F holds runs (x
	 * also an element ranged out of a slice of such structs) */
	if (w->pass == 1 && callee < 0 && fun->kind == AST_SELECTOR_EXPR &&
	    ((l = wk_loc_of(w, c->a)) >= 0 || (l = ranged_field(w, fun)) >= 0) &&
	    (size_t)l < w->p->fields.n &&
	    w->p->fields.v[l].ty.kind == TY_FUNC) {
		struct fcall *fc = VEC_PUSH(w->p->fcalls);

		fc->field = l;
		fc->fn = w->fn;
		fc->lit = go ? n : w->go_lit;	/* go x.F(): a goroutine */
		fc->file = (uint16_t)w->file;
		fc->many = go ? w->loops > 0 : w->in_go && w->go_loops > 0;
	}
	/* f(x) with f from s.hooks: each function stored there is called */
	if (callee < 0 && w->pass == 2 && (l = wk_hook_field(w, c->a)) >= 0) {
		size_t h;

		for (h = 0; h < w->p->hooks.n; h++)
			if (w->p->hooks.v[h].field == l)
				wk_call(w, w->p->hooks.v[h].fn, n,
					go ? CALL_GO : 0, 0);
	}
	/* maps.Copy(dst, src), maps.DeleteFunc(m, f): they write their
	 * first argument (the rest of a map handed over is read below) */
	if (callee < 0 && w->pass == 2 && fun->kind == AST_SELECTOR_EXPR &&
	    wk_N(w, fun->a)->kind == AST_IDENT && wk_id_is(w, fun->a, "maps") &&
	    facts_is_import(w->p, wk_ident(w, fun->a)) &&
	    (wk_id_is(w, fun->b, "Copy") || wk_id_is(w, fun->b, "DeleteFunc")) &&
	    ast_list_len(w->a, c->b)) {
		uint32_t m = ast_list(w->a, c->b)[0];

		wk_access(w, m, wk_map_loc(w, m), AC_WRITE);
	}
	async = wk_async_api(w, c->a);
	if (w->pass == 1)
		wk_once_do(w, n);
	if (go)
		site = wk_start_site(w, callee, n, 0, 0);
	/* go x.run() on an x made here, not in a loop: each call of this
	 * function starts an instance with its own x */
	if (site >= 0 && recv && !w->loops && wk_owned(w, recv))
		w->p->gos.v[site].fresh_recv = 1;
	/* imp.Name(...): another package's function, for the module (not
	 * x.f.Load() on a field of sync or sync/atomic's types) */
	if (callee < 0 && w->pass == 2 && w->p->o->mod && !w->f->is_test &&
	    fun->kind == AST_SELECTOR_EXPR && !std_recv(w, fun->a))
		xpkg_note_call(w->p, w->fn, w->file, n, c->a, w->cur_go, site,
			       &w->ls, wk_N(w, fun->a)->kind == AST_IDENT &&
			       wk_lookup(w, wk_ident(w, fun->a)), deferred);
	/* f(v.Method): a method value handed to other code (wait.Until,
	 * a router) may run in its goroutines: the module phase hears it */
	if (w->pass == 2 && w->p->o->mod && !w->f->is_test) {
		uint32_t k, na = ast_list_len(w->a, c->b);

		for (k = 0; k < na; k++) {
			uint32_t av = ast_list(w->a, c->b)[k], r;
			const struct ast_node *an = wk_N(w, av);

			if (an->kind == AST_SELECTOR_EXPR &&
			    wk_callee_of(w, av, &r) < 0)
				xpkg_note_call(w->p, w->fn, w->file, av, av,
					       -2, -1, &w->ls,
					       wk_N(w, an->a)->kind == AST_IDENT &&
					       wk_lookup(w, wk_ident(w, an->a)), 0);
		}
	}
	if (callee >= 0 && w->pass == 2) {
		const struct func *cf = &w->p->funcs.v[callee];
		uint32_t k, na = ast_list_len(w->a, c->b);

		/* s.start(): go func(){ s... }, unless start waits for
		 * the goroutines it starts before it returns */
		if (recv && (cf->go_captures & (1u << 8)) &&
		    cf->last_join_at <= cf->last_go_at)
			wk_escape(w, recv);
		for (k = 0; k < na && k < 8; k++)
			if (cf->go_captures & (1u << k)) {
				uint32_t b = wk_chain_base(w, ast_list(w->a, c->b)[k]);
				struct local *sl = b ? wk_lookup(w, wk_ident(w, b))
						     : NULL;

				wk_escape(w, ast_list(w->a, c->b)[k]);
				if (sl)	/* enrich(req.Tags): req's maps */
					sl->shared_go = 1;
			}
	}
	rec = wk_call(w, callee, n, go ? CALL_GO : 0, recv);
	if (rec) {
		rec->site = site;
		call_args(w, rec, c->b, go);
		if (site >= 0)
			go_per_instance(w, site, recv);
	}
	if (callee < 0 && w->pass == 2 && fun->kind == AST_SELECTOR_EXPR)
		iface_calls(w, n, go, site);
	if (fun->kind == AST_SELECTOR_EXPR) {
		wk_expr(w, fun->a, RD);
		if (!ast_list_len(w->a, c->b) && ends_with_wait(w, fun->b))
			wk_add_join(w, n);	/* wg.Wait(), closer.SignalAndWait() */
	} else if (fun->kind != AST_IDENT) {
		/* wrap(func() {...})(ctx), handlers[k](x): the function
		 * expression runs first, literals and all */
		wk_expr(w, c->a, RD);
	}
	w->dying = callee < 0 && !go && is_set_finalizer(w, n);
	wk_args(w, c->b, callee, async, go ? site : -1,
	     fun->kind == AST_SELECTOR_EXPR &&
	     (wk_kw_class(w, fun->b) & KC_DO) &&
	     ast_list_len(w->a, c->b) == 1);
	w->dying = 0;
	if (wk_no_return(w, n))
		w->terminated = 1;
	/* a lock wrapper's effect (its summary from the first pass) */
	if (callee >= 0 && !go && !deferred && w->pass == 2) {
		const struct func *cf = &w->p->funcs.v[callee];
		int i;

		struct lockset eff = cf->acquired;

		for (i = 0; i < cf->released.n; i++)
			ls_set_released(&eff, cf->released.h[i].loc);
		wk_apply_summary(w, &w->ls, &eff, c->b);
	}
}
