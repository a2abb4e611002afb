/* walk.c - one function body to its summary: statements and flow
 *
 * Owns: the flow-sensitive walk of a function's statements with the lock
 * set held: if/else, switch and select join by intersection, a branch
 * that returns, panics or breaks out ends, loops meet their entry, a
 * return meets the exit (less the deferred unlocks); assignments (map
 * writes, field stores, locals with their types, aliases, literals held
 * in locals, local maps and mutexes as locations), and the function's
 * summary after the first pass (lock effects, returns fresh).
 * Not: expressions and what composite literals store (walk_expr.c),
 * resolution (scope.c), calls and literals (calls.c), judging (judge.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/walk_int.h"
#include "util/util.h"

/* f := func(){...} or f = func(){...} with f a local (or being defined) */
int wk_lookup_or_define(struct walker *w, const struct ast_node *s,
			    uint32_t id)
{
	return s->op == T_DEFINE || wk_lookup(w, wk_ident(w, id));
}

void wk_hold_lit(struct walker *w, struct local *l, uint32_t r)
{
	struct lit_use *u;

	l->lit = 0;
	if (wk_N(w, r)->kind != AST_FUNC_LIT)
		return;
	l->lit = r;
	u = VEC_PUSH(w->lits);
	u->node = r;
}

/* md := fromContext(ctx): a map reached from a parameter, not made here
 * and no field's, is a location of its own, shared as the parameter's
 * object is (accesses through it name the parameter). */
static void param_map_local(struct walker *w, struct local *loc, uint32_t id,
			    uint32_t r)
{
	struct lloc *ll;

	loc->from_param = (int8_t)wk_param_value(w, r);
	if (w->pass == 1 || loc->alias >= 0 || loc->from_param < 0 ||
	    loc->from_param >= 4 || facts_under(w->p, loc->ty).kind != TY_MAP)
		return;
	ll = VEC_PUSH(w->p->llocs);
	ll->name = loc->name;
	ll->fn = w->fn;
	ll->file = w->file;
	ll->node = id;
	ll->go = w->cur_go;
	ll->from_param = 1;
	loc->alias = (loc_t)(w->p->fields.n + w->p->vars.n + w->p->llocs.n - 1);
}

/* lhs = rhs: writes, field stores, locals */
void wk_assign(struct walker *w, uint32_t n)
{
	const struct ast_node *s = wk_N(w, n);
	uint32_t i, nl = ast_list_len(w->a, s->a), nr = ast_list_len(w->a, s->b);
	const uint32_t *lhs = ast_list(w->a, s->a), *rhs = ast_list(w->a, s->b);

	for (i = 0; i < nr; i++)
		if (!(nl == nr && wk_N(w, rhs[i])->kind == AST_FUNC_LIT &&
		      wk_N(w, lhs[i])->kind == AST_IDENT && wk_lookup_or_define(w, s, lhs[i])))
			wk_expr(w, rhs[i], RD);
	for (i = 0; i < nl; i++) {
		const struct ast_node *l = wk_N(w, lhs[i]);
		/* x, err := f(): x is f's first result */
		uint32_t r = nl == nr ? rhs[i] : i == 0 && nr == 1 &&
			     (wk_N(w, rhs[0])->kind == AST_CALL_EXPR ||
			      wk_N(w, rhs[0])->kind == AST_TYPE_ASSERT_EXPR)
			     ? rhs[0] : 0;

		if (s->op == T_DEFINE && l->kind == AST_IDENT) {
			struct local *loc, *rl;
			struct ty ty = r ? wk_type_of(w, r) : wk_unknown();

			if (!r && nr == 1 && wk_N(w, rhs[0])->kind == AST_INDEX_EXPR &&
			    i == 0) {
				ty = wk_type_of(w, rhs[0]);	/* v, ok := m[k] */
				loc = wk_declare(w, lhs[i], ty);
				if (loc)	/* an inner map of a map of maps */
					loc->alias = wk_map_loc(w, rhs[0]);
				continue;
			}
			loc = wk_declare(w, lhs[i], ty);
			if (loc && r) {
				loc->alias = wk_map_loc(w, r);
				loc->fresh = (uint8_t)wk_fresh_value(w, r);
				loc->made = loc->fresh;
				loc->pooled = (uint8_t)wk_pool_value(w, r);
				loc->value_copy = (uint8_t)(wk_N(w, r)->kind ==
							    AST_STAR_EXPR);
				loc->global = (uint8_t)wk_global_value(w, r);
				loc->recv_reach = (uint8_t)(!loc->fresh &&
							    wk_recv_value(w, r));
				/* hdr := base: the map parameter itself */
				if (wk_N(w, r)->kind == AST_IDENT &&
				    (rl = wk_lookup(w, wk_ident(w, r))) &&
				    rl != loc && rl->param >= 0 &&
				    rl->param < PARAM_RECV && rl->alias < 0 &&
				    facts_under(w->p, rl->ty).kind == TY_MAP)
					loc->param = rl->param;
				wk_hold_lit(w, loc, r);
				wk_local_map(w, loc, lhs[i]);
				if (!loc->fresh && loc->param < 0)
					param_map_local(w, loc, lhs[i], r);
			}
			continue;
		}
		if (l->kind == AST_IDENT) {
			struct local *loc = wk_lookup(w, wk_ident(w, lhs[i]));

			if (loc && r) {
				loc_t was = loc->alias;

				loc->alias = wk_map_loc(w, r);
				loc->fresh = (uint8_t)wk_fresh_value(w, r);
				loc->pooled = (uint8_t)wk_pool_value(w, r);
				if (loc->fresh || !wk_id_is(w, r, "nil"))
					loc->made = loc->fresh;	/* x = nil keeps it */
				wk_hold_lit(w, loc, r);
				if (wk_type_of(w, r).kind != TY_UNKNOWN)
					loc->ty = wk_type_of(w, r);
				/* var m map[K]V; m = make(...): a map of its
				 * own, as m := make(...) declares one (the
				 * variable's loop, not the assignment's); not
				 * when it held a shared map's inner map */
				if (loc->alias < 0 && loc->fresh &&
				    (was < 0 || (size_t)was >= w->p->fields.n +
							      w->p->vars.n)) {
					wk_local_map(w, loc, lhs[i]);
					if (loc->alias >= 0)
						w->p->llocs.v[w->p->llocs.n - 1].loops =
							loc->loop;
				}
			} else if (!loc) {	/* a package variable replaced */
				wk_access(w, lhs[i], wk_map_loc(w, lhs[i]),
				       AC_WRITE | AC_STORE);
			}
			continue;
		}
		if (l->kind == AST_INDEX_EXPR) {
			struct local *v;

			wk_expr(w, lhs[i], WR);
			/* s.m[k] = inner: a map of maps now holds the local
			 * map, shared from here on like the others in it */
			if (r && wk_N(w, r)->kind == AST_IDENT &&
			    (v = wk_lookup(w, wk_ident(w, r))) && v->alias < 0 &&
			    wk_type_of(w, r).kind == TY_MAP) {
				loc_t o = wk_map_loc(w, l->a);

				if (o >= 0 && facts_under(w->p, wk_type_of(w, l->a)).depth) {
					v->alias = o;
					v->fresh = v->made = 0;
				}
			}
			continue;
		}
		if (l->kind == AST_SELECTOR_EXPR) {
			loc_t fl = wk_map_loc(w, lhs[i]), rv = r ? wk_map_loc(w, r) : -1;

			if (r && w->pass == 1)	/* x.sem = NewWeighted(1) */
				wk_note_sem(w, wk_loc_of(w, lhs[i]), r);

			if (fl >= 0 && (size_t)fl < w->p->fields.n &&
			    (size_t)rv >= w->p->fields.n &&
			    (size_t)rv < w->p->fields.n + w->p->vars.n)
				w->p->fields.v[fl].global_map = 1;

			if (fl >= 0 && !(r && wk_fresh_value(w, r) && wk_owned(w, lhs[i])))
				wk_access(w, lhs[i], fl, AC_WRITE | AC_STORE);
			if (fl >= 0 && wk_N(w, l->a)->kind == AST_IDENT) {
				struct local *v = wk_lookup(w, wk_ident(w, l->a));

				if (v && v->value_copy)	/* out.f = make(...) */
					v->own_field = r && wk_fresh_value(w, r)
						       ? fl + 1 : 0;
			}
			if (fl >= 0)
				wk_detach(w, fl);
			wk_expr(w, l->a, RD);
			continue;
		}
		wk_expr(w, lhs[i], RD);
	}
}

void wk_value_spec(struct walker *w, uint32_t spec)
{
	const struct ast_node *s = wk_N(w, spec);
	uint32_t j, nn = ast_list_len(w->a, s->a), nv = ast_list_len(w->a, s->c);
	const uint32_t *nms = ast_list(w->a, s->a), *vals = ast_list(w->a, s->c);
	struct ty decl = facts_type_expr(w->p, w->file, s->b);

	/* var f = func(){...}: run where f is called, as with f := */
	for (j = 0; j < nv; j++)
		if (!(nv == nn && wk_N(w, vals[j])->kind == AST_FUNC_LIT))
			wk_expr(w, vals[j], RD);
	for (j = 0; j < nn; j++) {
		struct ty ty = s->b ? decl : nv == nn ? wk_type_of(w, vals[j]) : wk_unknown();
		struct local *l = wk_declare(w, nms[j], ty);

		if (l && nv == nn) {
			l->alias = wk_map_loc(w, vals[j]);
			l->fresh = (uint8_t)wk_fresh_value(w, vals[j]);
			l->made = l->fresh;
			wk_hold_lit(w, l, vals[j]);
			wk_local_map(w, l, nms[j]);
		} else if (!l && nv == nn &&
			   wk_N(w, vals[j])->kind == AST_FUNC_LIT) {
			wk_expr(w, vals[j], RD);	/* var _ = func(){...} */
		} else if (l && !nv) {
			l->fresh = 1;	/* var x T: a zero value of our own */
			wk_local_map(w, l, nms[j]);
		}
	}
}

void wk_ret(struct walker *w)
{
	struct lockset at = w->ls;
	int i;

	for (i = 0; i < w->deferred.n; i++)
		ls_unlock(&at, w->deferred.h[i].loc);
	if (w->have_exit)
		ls_meet(&w->exit, &at);
	else
		w->exit = at, w->have_exit = 1;
	w->terminated = 1;
}

/* Walks body from lock set `in`; returns whether it terminated, leaving
 * its out state in *out. */
int wk_branch(struct walker *w, uint32_t body, const struct lockset *in,
		  struct lockset *out, int is_list)
{
	size_t nloc = w->locals.n;
	int t;

	w->ls = *in;
	w->terminated = 0;
	if (is_list)
		wk_block(w, body);
	else
		wk_stmt(w, body);
	wk_pop_locals(w, nloc);
	t = w->terminated;
	*out = w->ls;
	w->terminated = 0;
	return t;
}

void wk_join_add(struct meet *j, const struct lockset *ls)
{
	if (j->any)
		ls_meet(&j->ls, ls);
	else
		j->ls = *ls, j->any = 1;
}

void wk_join_end(struct walker *w, struct meet *j)
{
	if (j->any) {
		w->ls = j->ls;
		w->terminated = 0;
	} else {
		w->terminated = 1;
	}
}

/* A select case that receives: <-ch, v := <-ch, v, ok = <-ch. */
int wk_receives(struct walker *w, uint32_t comm)
{
	const struct ast_node *c = wk_N(w, comm);
	uint32_t x = c->kind == AST_EXPR_STMT ? c->a :
		     c->kind == AST_ASSIGN_STMT && ast_list_len(w->a, c->b) == 1
		     ? ast_list(w->a, c->b)[0] : 0;

	return x && wk_N(w, x)->kind == AST_UNARY_EXPR && wk_N(w, x)->op == T_ARROW;
}

void wk_clauses(struct walker *w, uint32_t body, int is_select)
{
	const struct ast_node *b = wk_N(w, body);
	uint32_t i, n = body ? ast_list_len(w->a, b->a) : 0;
	struct lockset in = w->ls;
	struct meet j;
	int has_default = 0, brk = w->breakable, gate;

	memset(&j, 0, sizeof(j));
	w->breakable = 1;
	for (i = 0; i < n; i++) {
		uint32_t cc = ast_list(w->a, b->a)[i];
		const struct ast_node *c = wk_N(w, cc);
		size_t nloc = w->locals.n;
		uint32_t k;

		w->ls = in;
		if (c->kind == AST_CASE_CLAUSE) {
			if (!c->a)
				has_default = 1;
			for (k = 0; k < ast_list_len(w->a, c->a); k++)
				wk_expr(w, ast_list(w->a, c->a)[k], 2);
		} else if (c->kind == AST_COMM_CLAUSE) {
			if (!c->a)
				has_default = 1;
			else
				wk_stmt(w, c->a);
		}
		w->terminated = 0;
		gate = w->gate;
		if (c->kind == AST_COMM_CLAUSE && c->a && wk_receives(w, c->a))
			w->gate = w->loops;
		wk_block(w, c->b);
		w->gate = gate;
		if (!w->terminated)
			wk_join_add(&j, &w->ls);
		w->terminated = 0;
		wk_pop_locals(w, nloc);
	}
	if (!has_default && !is_select)
		wk_join_add(&j, &in);
	if (!n)
		wk_join_add(&j, &in);
	w->breakable = brk;
	wk_join_end(w, &j);
}

/* `if p { x.mu.Lock(); defer x.mu.Unlock() }` at the top of the body,
 * p a parameter, no else, the branch falls through: the lock the branch
 * took and deferred the unlock of is held by the rest of the body when
 * p is true, and the callers say whether p is true or they hold it
 * already (judge_cond_locks()).  Notes it on the function; true when the
 * rest of the body may count the lock as held. */
static int cond_lock(struct walker *w, const struct ast_node *s,
		     const struct lockset *in, const struct lockset *out,
		     const struct lockset *def)
{
	const struct local *l;
	int i;

	if (s->a || s->d || w->depth != 1 || w->in_go || w->later ||
	    w->loops || wk_N(w, s->b)->kind != AST_IDENT)
		return 0;
	l = wk_lookup(w, wk_ident(w, s->b));
	if (!l || l->param < 0 || l->param >= PARAM_RECV)
		return 0;
	for (i = 0; i < out->n; i++) {
		loc_t k = out->h[i].loc;

		if (k < 0 || out->h[i].shared == LS_RELEASED ||
		    ls_holds(in, k) >= 0 || ls_holds(&w->deferred, k) < 0 ||
		    ls_holds(def, k) >= 0)
			continue;
		w->f->cond_param = (uint8_t)(l->param + 1);
		w->f->cond_lock = k;
		w->f->cond_shared = out->h[i].shared;
		w->f->cond_at = s->end;
		return 1;
	}
	return 0;
}

void wk_stmt(struct walker *w, uint32_t n)
{
	const struct ast_node *s;
	struct lockset in, o1, o2, def;
	size_t nloc;
	int t1, t2, brk, ranging;
	uint32_t i;
	loc_t sl;

	if (!n || w->terminated)
		return;
	if (w->depth > 300)
		return;
	w->depth++;
	s = wk_N(w, n);
	switch (s->kind) {
	case AST_EXPR_STMT:
		wk_expr(w, s->a, RD);
		break;
	case AST_ASSIGN_STMT:
		wk_assign(w, n);
		break;
	case AST_INC_DEC_STMT:
		wk_expr(w, s->a, WR);
		break;
	case AST_SEND_STMT:
		wk_expr(w, s->a, RD);
		if ((sl = wk_chan_sem(w, s->a, 1)) >= 0)
			ls_lock(&w->ls, sl, LS_EXCL);
		/* ch <- func() {...}: the receiver runs it, in its own
		 * goroutine (an event loop's eval channel), not this one */
		if (wk_N(w, s->b)->kind == AST_FUNC_LIT)
			break;
		/* ch <- f, f a parameter: so does what a caller hands in */
		if (w->pass == 1 && wk_N(w, s->b)->kind == AST_IDENT) {
			struct local *pl = wk_lookup(w, wk_ident(w, s->b));

			if (pl && pl->param >= 0 && pl->param < 8)
				w->f->param_sent |= (uint8_t)(1u << pl->param);
		}
		if (wk_local_lit(w, s->b)) {
			wk_mark_walked(w, wk_local_lit(w, s->b));
			break;
		}
		wk_expr(w, s->b, RD);
		break;
	case AST_GO_STMT:
		if (wk_N(w, s->a)->kind == AST_CALL_EXPR)
			wk_call_expr(w, s->a, 1, 0);
		break;
	case AST_DEFER_STMT:
		if (wk_N(w, s->a)->kind == AST_CALL_EXPR)
			wk_call_expr(w, s->a, 0, 1);
		break;
	case AST_RETURN_STMT:
		for (i = 0; i < ast_list_len(w->a, s->a); i++) {
			uint32_t r = ast_list(w->a, s->a)[i];
			loc_t rm = w->in_go || w->later || w->pass == 1
				   ? -1 : wk_map_loc(w, r);

			/* the map itself handed out (a getter); not an inner
			 * map of a map of maps, replaced whole by its writers */
			if (rm >= 0 &&
			    (size_t)rm < w->p->fields.n + w->p->vars.n &&
			    wk_N(w, r)->kind != AST_INDEX_EXPR)
				wk_access(w, r, rm, AC_ESCAPE);
			wk_expr(w, r, RD);
		}
		if (w->pass == 1 && !w->in_go && !w->later && w->depth < 2 + 64) {
			uint32_t r0 = ast_list_len(w->a, s->a)
				      ? ast_list(w->a, s->a)[0] : 0;
			struct local *rl = r0 && wk_N(w, r0)->kind == AST_IDENT
					   ? wk_lookup(w, wk_ident(w, r0)) : NULL;
			int k;

			loc_t rm = r0 ? wk_map_loc(w, r0) : -1;

			if (r0 && (wk_fresh_value(w, r0) || (rl && rl->fresh)))
				w->f->returns_fresh = 1;
			else if (!r0 || !wk_id_is(w, r0, "nil") || rl)
				w->f->returns_other = 1;
			if (r0 && wk_global_value(w, r0))
				w->f->returns_global = 1;
			if (r0 && !wk_fresh_value(w, r0) && wk_recv_value(w, r0))
				w->f->returns_recv = 1;
			if (r0 && !wk_fresh_value(w, r0) &&
			    (k = wk_param_value(w, r0)) >= 0 && k < 8)
				w->f->returns_param = (uint8_t)(k + 1);
			/* a constructor: returns what it made, or nil */
			if (r0 && (wk_fresh_value(w, r0) || (rl && rl->made)))
				w->f->returns_made = 1;
			else if (!r0 || !wk_id_is(w, r0, "nil") || rl)
				w->f->returns_unmade = 1;
			/* a getter handing out the map itself (S10) */
			if (rm >= 0 && (size_t)rm < w->p->fields.n + w->p->vars.n &&
			    (w->f->returns_loc < 0 || w->f->returns_loc == rm))
				w->f->returns_loc = rm;
			else if (r0)
				w->f->returns_loc = -2;	/* mixed: none */
		}
		wk_ret(w);
		break;
	case AST_BRANCH_STMT:
		/* break out of a switch falls through; the rest leave */
		if (!(s->op == T_BREAK && !s->a && w->breakable == 1) &&
		    s->op != T_FALLTHROUGH)
			w->terminated = 1;
		break;
	case AST_BLOCK_STMT:
		nloc = w->locals.n;
		wk_block(w, s->a);
		wk_pop_locals(w, nloc);
		break;
	case AST_LABELED_STMT:
		wk_stmt(w, s->b);
		break;
	case AST_DECL_STMT: {
		const struct ast_node *d = wk_N(w, s->a);

		if (d->kind == AST_GEN_DECL && d->op == T_VAR)
			for (i = 0; i < ast_list_len(w->a, d->a); i++)
				wk_value_spec(w, ast_list(w->a, d->a)[i]);
		break;
	}
	case AST_IF_STMT:
		if (!s->a && !s->d && wk_N(w, s->b)->kind == AST_IDENT &&
		    !wk_lookup(w, wk_ident(w, s->b)) &&
		    facts_false_const(w->p, wk_ident(w, s->b)))
			break;	/* if debugX { ... } with const debugX = false */
		nloc = w->locals.n;
		wk_stmt(w, s->a);
		wk_expr(w, s->b, RD);
		in = w->ls;
		def = w->deferred;
		t1 = wk_branch(w, s->c, &in, &o1, 0);
		t2 = s->d ? wk_branch(w, s->d, &in, &o2, 0) : 0;
		if (!s->d)
			o2 = in;
		wk_pop_locals(w, nloc);
		if (t1 && t2)
			w->terminated = 1;
		else if (t1)
			w->ls = o2;
		else if (t2)
			w->ls = o1;
		else if (cond_lock(w, s, &in, &o1, &def))
			w->ls = o1;	/* held, if the callers agree */
		else
			w->ls = o1, ls_meet(&w->ls, &o2);
		break;
	case AST_SWITCH_STMT:
	case AST_TYPE_SWITCH_STMT:
		nloc = w->locals.n;
		wk_stmt(w, s->a);
		if (s->kind == AST_SWITCH_STMT)
			wk_expr(w, s->b, RD);
		else
			wk_stmt(w, s->b);
		wk_clauses(w, s->c, 0);
		wk_pop_locals(w, nloc);
		break;
	case AST_SELECT_STMT:
		wk_clauses(w, s->a, 1);
		break;
	case AST_FOR_STMT:
	case AST_RANGE_STMT:
		nloc = w->locals.n;
		brk = w->breakable;
		if (s->kind == AST_FOR_STMT) {
			wk_stmt(w, s->a);
			wk_expr(w, s->b, RD);
		} else {
			loc_t ml = wk_map_loc(w, s->c);
			struct ty mt = facts_under(w->p, wk_type_of(w, s->c));

			wk_access(w, s->c, ml, AC_RANGE);
			wk_expr(w, s->c, RD);
			if (s->op == T_DEFINE) {
				struct ty vt = wk_map_elem(mt);

				struct local *k = NULL;

				/* per iteration (Go 1.22): the loop's own */
				if (s->a && wk_N(w, s->a)->kind == AST_IDENT &&
				    (k = wk_declare(w, s->a, wk_unknown())))
					k->loop = (uint8_t)(k->loop < 255 ?
							    k->loop + 1 : 255);
				if (s->b && wk_N(w, s->b)->kind == AST_IDENT) {
					struct local *v = wk_declare(w, s->b, vt);

					if (v)
						v->loop = (uint8_t)(v->loop < 255 ?
							v->loop + 1 : 255);

					/* for _, inner := range mapOfMaps */
					if (v && ml >= 0 && mt.kind == TY_MAP &&
					    mt.depth)
						v->alias = ml;
					/* for _, f := range s.hooks */
					if (v)
						v->hooks = wk_hook_field(w, s->c);
					/* for _, h := range s.handlers */
					if (v && mt.kind == TY_SLICE && mt.named >= 0)
						v->elem1 = mt.named + 1;
				}
			} else {
				wk_expr(w, s->a, WR);
				wk_expr(w, s->b, WR);
			}
		}
		in = w->ls;
		w->breakable = 2;
		if (!w->loops)
			w->loop_at = s->pos;
		w->loops++;
		ranging = s->kind == AST_RANGE_STMT && w->pass == 2 &&
			  w->nranging < 4 && facts_under(w->p,
				wk_type_of(w, s->c)).kind == TY_MAP;
		if (ranging)
			w->ranging[w->nranging++] = n;
		t1 = wk_branch(w, s->d, &in, &o1, 0);
		if (ranging)
			w->nranging--;
		w->loops--;
		if (s->kind == AST_FOR_STMT)
			wk_stmt(w, s->c);
		/* for range ch: it ends when the sender closes ch, a join */
		if (s->kind == AST_RANGE_STMT && w->pass == 2 && !w->in_go &&
		    facts_under(w->p, wk_type_of(w, s->c)).kind == TY_CHAN) {
			struct join *j = VEC_PUSH(w->p->joins);

			j->fn = w->fn;
			j->off = s->end;
			j->chan = -1;
		}
		w->breakable = brk;
		w->ls = in;
		if (!t1)
			ls_meet(&w->ls, &o1);
		w->terminated = 0;
		wk_pop_locals(w, nloc);
		break;
	default:
		break;
	}
	w->depth--;
}

/* x.f = &T{...} (or T{...}, new(T)), one selector, no lock held: the
 * selector, else 0.  A goroutine that read x.f meanwhile would race on
 * x.f itself, so the next statement's calls on x.f are on an object no
 * one else has yet. */
static uint32_t fresh_store(struct walker *w, uint32_t n)
{
	const struct ast_node *s = wk_N(w, n), *r;

	if (s->kind != AST_ASSIGN_STMT || s->op != T_ASSIGN || w->ls.n ||
	    w->in_go || w->later || ast_list_len(w->a, s->a) != 1 ||
	    ast_list_len(w->a, s->b) != 1 ||
	    wk_N(w, ast_list(w->a, s->a)[0])->kind != AST_SELECTOR_EXPR)
		return 0;
	r = wk_N(w, ast_list(w->a, s->b)[0]);
	if (r->kind == AST_UNARY_EXPR && r->op == T_AND)
		r = wk_N(w, r->a);
	if (r->kind != AST_COMPOSITE_LIT &&
	    !(r->kind == AST_CALL_EXPR && (wk_kw_class(w, r->a) & KC_NEW)))
		return 0;
	return ast_list(w->a, s->a)[0];
}

void wk_block(struct walker *w, uint32_t list)
{
	uint32_t i, n = ast_list_len(w->a, list), fs = 0;
	const uint32_t *v = ast_list(w->a, list);

	for (i = 0; i < n && !w->terminated; i++) {
		w->fresh_store = fs;
		fs = fresh_store(w, v[i]);
		wk_stmt(w, v[i]);
	}
	w->fresh_store = 0;
}

/* Is x the selector of the fresh store just before this statement, as
 * written? */
int wk_fresh_store(const struct walker *w, uint32_t x)
{
	const struct ast_node *a, *b;

	if (!w->fresh_store || !x)
		return 0;
	a = wk_N(w, x);
	b = wk_N(w, w->fresh_store);
	return a->kind == AST_SELECTOR_EXPR && a->end - a->pos == b->end - b->pos &&
	       !memcmp(w->a->src + a->pos, w->a->src + b->pos, a->end - a->pos);
}

/* Is the body's start an unsynchronized run-once guard on a package
 * variable, `if done { return }; done = true`?  Its code past the guard
 * runs once, on the first call; the flag is read and set without a lock,
 * so that call comes before the program shares anything (or the flag
 * itself races): the function runs like one sync.Once runs. */
static int once_guarded(struct walker *w, uint32_t list)
{
	const uint32_t *v = ast_list(w->a, list);
	const struct ast_node *g, *body, *set, *lhs, *rhs;
	int flag;

	if (ast_list_len(w->a, list) < 2)
		return 0;
	g = wk_N(w, v[0]);
	set = wk_N(w, v[1]);
	if (g->kind != AST_IF_STMT || g->a || g->d ||
	    wk_N(w, g->b)->kind != AST_IDENT || set->kind != AST_ASSIGN_STMT ||
	    set->op != T_ASSIGN || ast_list_len(w->a, set->a) != 1 ||
	    ast_list_len(w->a, set->b) != 1)
		return 0;
	body = wk_N(w, g->c);
	if (ast_list_len(w->a, body->a) != 1 ||
	    wk_N(w, ast_list(w->a, body->a)[0])->kind != AST_RETURN_STMT)
		return 0;
	flag = wk_ident(w, g->b);
	lhs = wk_N(w, ast_list(w->a, set->a)[0]);
	rhs = wk_N(w, ast_list(w->a, set->b)[0]);
	return flag >= 0 && !wk_lookup(w, flag) &&
	       facts_var_index(w->p, flag) >= 0 && lhs->kind == AST_IDENT &&
	       wk_ident(w, ast_list(w->a, set->a)[0]) == flag &&
	       rhs->kind == AST_IDENT && wk_id_is(w, ast_list(w->a, set->b)[0],
						  "true");
}

void walk_func(struct pkg *p, int fn, int pass)
{
	struct walker w;
	struct func *f = &p->funcs.v[fn];
	const struct ast *a = p->files[f->file].ast;
	const struct ast_node *d = ast_node(a, f->node);
	size_t k;
	int i;

	memset(&w, 0, sizeof(w));
	w.p = p;
	w.a = a;
	w.fn = fn;
	w.file = f->file;
	w.pass = pass;
	w.f = f;
	w.cur_go = -1;
	if (pass == 1) {
		f->param_called = 0;
		f->param_go = 0;
		f->param_many = 0;
		f->param_sent = 0;
		f->go_captures = 0;
		f->last_go_at = f->last_join_at = 0;
		f->cond_param = 0;
		memset(&f->acquired, 0, sizeof(f->acquired));
		memset(&f->released, 0, sizeof(f->released));
	}
	/* the receiver is locals[0] (wk_is_recv() relies on it) */
	if (d->a) {
		struct ty rt = wk_unknown();
		struct local *l;

		if (f->recv_type >= 0)
			rt.kind = TY_NAMED, rt.named = f->recv_type;
		l = VEC_PUSH(w.locals);
		l->name = f->recv_name;
		if (l->name >= 0)
			wk_push_local(&w, l);
		l->ty = rt;
		l->alias = -1;
		l->param = -1;
		if (facts_under(p, rt).kind == TY_MAP)
			l->param = PARAM_RECV;	/* the map is the receiver */
	}
	wk_params(&w, d->c, 1);
	if (pass == 1)
		f->returns_other = 0, f->returns_loc = -1,
		f->returns_made = 0, f->returns_unmade = 0,
		f->returns_global = 0, f->returns_recv = 0,
		f->returns_param = 0;
	if (pass == 1 && d->d && once_guarded(&w, ast_node(a, d->d)->a))
		f->once = 1;
	if (d->d)
		wk_block(&w, ast_node(a, d->d)->a);
	/* literals held in locals and never called here run later */
	for (k = 0; k < w.lits.n; k++) {
		struct lockset none;

		memset(&none, 0, sizeof(none));
		if (!w.lits.v[k].walked) {
			w.lits.v[k].walked = 1;
			w.terminated = 0;
			wk_func_lit(&w, w.lits.v[k].node, &none, 0, 1);
		}
	}
	if (pass == 1 && f->returns_other)
		f->returns_fresh = 0;
	if (!w.terminated)
		wk_ret(&w);
	if (pass == 1 && w.have_exit) {
		for (i = 0; i < w.exit.n; i++) {
			if (w.exit.h[i].shared == LS_RELEASED)
				ls_lock(&f->released, w.exit.h[i].loc, LS_EXCL);
			else
				ls_lock(&f->acquired, w.exit.h[i].loc,
					w.exit.h[i].shared);
		}
	}
	wk_pop_locals(&w, 0);	/* p->local_of all 0 again */
	free(w.locals.v);
	free(w.lits.v);
}
