/* calls_record.c - what the walk records: accesses, calls, gosites, joins
 *
 * Owns: the records one function's walk leaves in the package: map
 * accesses with the lock set held (a field's, a package variable's, a
 * local map's, a map parameter's, which the callers' calls carry on
 * (params.c), and a map parameter a goroutine's literal captured), maps
 * and locals that escape, calls with their lock sets, gosites (go
 * statements, callbacks, handlers: where, how many instances, in which
 * loop), and joins (a Wait, a receive).
 * Not: a call's effects on the walk, function literals and arguments
 * (calls.c), statements (walk.c), resolution (scope.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/walk_int.h"
#include "util/util.h"

/* The parameter index n names when n is a map parameter, else -1. */
int wk_param_map(struct walker *w, uint32_t n)
{
	const struct ast_node *nd = wk_N(w, n);
	struct local *l;

	while (nd->kind == AST_PAREN_EXPR)
		nd = wk_N(w, n = nd->a);
	if (nd->kind != AST_IDENT || !(l = wk_lookup(w, wk_ident(w, n))) ||
	    l->param < 0 || l->param > PARAM_RECV || l->alias >= 0 ||
	    facts_under(w->p, l->ty).kind != TY_MAP)
		return -1;
	return l->param;
}

/* A map parameter a goroutine's or callback's literal captured (handlers
 * sharing the map they were built with): a location of this call, shared
 * with them.  Its location, made on first use, or -1. */
loc_t wk_captured_param(struct walker *w, uint32_t n)
{
	const struct ast_node *nd = wk_N(w, n);
	struct local *l;
	struct lloc *ll;

	while (nd->kind == AST_PAREN_EXPR)
		nd = wk_N(w, n = nd->a);
	if (w->pass != 2 || !w->in_go || nd->kind != AST_IDENT ||
	    wk_param_map(w, n) < 0 || !(l = wk_lookup(w, wk_ident(w, n))) ||
	    l->alias >= 0 || (size_t)(l - w->locals.v) >= w->go_base)
		return -1;
	ll = VEC_PUSH(w->p->llocs);
	ll->name = l->name;
	ll->fn = w->fn;
	ll->file = w->file;
	ll->node = n;
	ll->go = -1;
	l->alias = (loc_t)(w->p->fields.n + w->p->vars.n + w->p->llocs.n - 1);
	return l->alias;
}

/* A real access at node n to the map in parameter param (params.c hands
 * it to the callers), in goroutine literal go or -1. */
static void push_pacc(struct walker *w, int param, int flags, uint32_t n,
		      int go)
{
	struct paccess *pa = VEC_PUSH(w->p->pacc);

	pa->fn = w->fn;
	pa->param = (int8_t)param;
	pa->flags = (uint16_t)(flags & (AC_WRITE | AC_RANGE | AC_LEN));
	pa->file = (uint16_t)w->file;
	pa->node = n;
	pa->ls = w->ls;
	pa->next = -1;
	pa->origin = (int)w->p->pacc.n - 1;
	pa->go = go;
}

/* An access to a map the caller handed in: kept on the function's list
 * (params.c hands it to the callers).  Only what runs during the call. */
static void param_access(struct walker *w, uint32_t n, int flags)
{
	int i = wk_param_map(w, n);

	if (i >= 0 && w->in_go && w->pass == 2 && !(flags & AC_STORE)) {
		loc_t cl = wk_captured_param(w, n);

		if (cl >= 0)
			wk_access(w, n, cl, flags);
		return;
	}
	if (i < 0 || w->in_go || w->later || w->once || (flags & AC_STORE))
		return;
	push_pacc(w, i, flags, n, -1);
}

/* enrich(tags) { go func() { tags[k] = v }() }: a goroutine's access to
 * the map parameter its literal captured is made, at each call, on the
 * map the caller hands (params.c), in that goroutine. */
static void go_param_access(struct walker *w, uint32_t n, int flags)
{
	const struct ast_node *nd = wk_N(w, n);
	struct local *l;

	while (nd->kind == AST_PAREN_EXPR)
		nd = wk_N(w, n = nd->a);
	if (w->pass != 2 || !w->in_go || w->cur_go < 0 || w->later ||
	    (flags & AC_STORE) || nd->kind != AST_IDENT ||
	    !(l = wk_lookup(w, wk_ident(w, n))) || l->param < 0 ||
	    l->param >= PARAM_RECV || (size_t)(l - w->locals.v) >= w->go_base ||
	    facts_under(w->p, l->ty).kind != TY_MAP)
		return;
	push_pacc(w, l->param, flags, n, w->cur_go);
}

/* A field that a package variable's map is stored in: every
 * object's may hold that one map. */
static int global_field(const struct walker *w, loc_t l)
{
	return l >= 0 && (size_t)l < w->p->fields.n && w->p->fields.v[l].global_map;
}

void wk_access(struct walker *w, uint32_t n, loc_t l, int flags)
{
	struct access *ac;

	if (w->pass == 1 || (wk_owned(w, n) && !global_field(w, l)) ||
	    wk_owned_field(w, n, l))
		return;
	go_param_access(w, n, flags);
	if (l < 0) {
		param_access(w, n, flags);
		return;
	}
	ac = VEC_PUSH(w->p->acc);
	ac->loc = l;
	ac->flags = (uint16_t)(flags | (w->in_go ? AC_IN_GO : 0) |
			       (w->once ? AC_ONCE : 0) |
			       (w->later ? AC_LATER : 0) |
			       (wk_is_recv(w, n) ? AC_RECV : 0));
	{	/* p := s.pods[k]; p.labels[x] = y: the receiver's too */
		uint32_t b = wk_chain_base(w, n);
		struct local *rl = b ? wk_lookup(w, wk_ident(w, b)) : NULL;

		if (rl && rl->recv_reach)
			ac->flags |= AC_RECV;
	}
	ac->file = (uint16_t)w->file;
	ac->node = n;
	ac->ls = w->ls;
	ac->fn = w->fn;
	ac->go = w->cur_go;
	ac->param = -1;
	if (global_field(w, l))
		ac->flags |= AC_GLOBAL;
	{
		uint32_t b = wk_chain_base(w, n);
		struct local *pl = b ? wk_lookup(w, wk_ident(w, b)) : NULL;

		if (pl && pl->param >= 0 && pl->param < 8)
			ac->param = pl->param;
		else if (pl && pl->from_param >= 0 && pl->from_param < 8 &&
			 (size_t)l >= w->p->fields.n + w->p->vars.n &&
			 w->p->llocs.v[(size_t)l - w->p->fields.n -
				       w->p->vars.n].from_param)
			ac->param = pl->from_param;
		if (pl && pl->made)
			ac->flags |= AC_MADE;
		if (pl && pl->global)
			ac->flags |= AC_GLOBAL;
		if (pl && pl->shared_go)
			ac->flags |= AC_SHARED;
		if (pl && w->in_go && (size_t)(pl - w->locals.v) < w->go_base &&
		    !(w->go_loops > 0 && pl->loop >= w->go_loops))
			ac->flags |= AC_CAPTURED;	/* not per iteration */
	}
}

void wk_note_capture(struct walker *w, const struct local *l)
{
	size_t i = (size_t)(l - w->locals.v);

	if (w->pass != 1 || !w->in_go || i >= w->go_base)
		return;
	if (i == 0 && w->f->recv_name >= 0 && l->name == w->f->recv_name)
		w->f->go_captures |= 1u << 8;
	else if (l->param >= 0 && l->param < 8)
		w->f->go_captures |= (uint16_t)(1u << l->param);
}

/* A fresh object handed to a goroutine, to another function or into
 * another object is shared from here on. */
void wk_escape(struct walker *w, uint32_t n)
{
	const struct ast_node *nd = wk_N(w, n);
	struct local *l;

	if (nd->kind == AST_UNARY_EXPR && nd->op == T_AND)
		nd = wk_N(w, n = nd->a);
	if (nd->kind == AST_PAREN_EXPR)
		return wk_escape(w, nd->a);
	if (nd->kind == AST_IDENT && (l = wk_lookup(w, wk_ident(w, n))))
		l->fresh = 0;
}

struct call *wk_call(struct walker *w, int callee, uint32_t node,
			 int flags, uint32_t recv)
{
	struct call *c;
	int i;

	if (recv && (flags & CALL_GO))
		wk_escape(w, recv);
	if (w->pass == 1 || callee < 0)
		return NULL;
	if (recv && !(flags & (CALL_GO | CALL_VALUE)) &&
	    (wk_fresh_store(w, recv) ||
	     (wk_N(w, recv)->kind == AST_IDENT && wk_owned(w, recv) &&
	      wk_lookup(w, wk_ident(w, recv))->pooled)))
		flags |= CALL_FRESH_RECV | CALL_STORED_NEW;
	else if (recv && wk_owned(w, recv))
		flags |= CALL_FRESH_RECV;
	else if (recv && wk_is_recv(w, recv) && wk_N(w, recv)->kind == AST_IDENT)
		flags |= CALL_RECV_SELF;
	else if (recv && wk_is_recv(w, recv))
		flags |= CALL_RECV_REACH;	/* s.tracker.Begin() */
	if (w->in_go)
		flags |= CALL_IN_GO;
	c = VEC_PUSH(w->p->calls);
	c->caller = w->fn;
	c->callee = callee;
	c->flags = (uint16_t)flags;
	c->file = (uint16_t)w->file;
	c->node = node;
	c->ls = w->ls;
	c->go = w->cur_go;
	c->site = -1;
	c->recv_param = -1;
	memset(c->arg_param, -1, sizeof(c->arg_param));
	for (i = 0; i < 8; i++)
		c->arg_loc[i] = -1;
	for (i = 0; i < 4; i++)
		c->arg_lock[i] = -1;
	c->recv_loc = -1;
	if (recv && (!wk_owned(w, recv) || (flags & CALL_GO)))
		c->recv_loc = wk_map_loc(w, recv);	/* t.Add() on a map */
	if (w->later)
		c->flags |= CALL_LATER;
	if (w->loops > 0)
		c->flags |= CALL_IN_LOOP;
	if (w->once)
		c->flags |= CALL_ONCE;
	if (recv && wk_chain_base(w, recv)) {
		struct local *rl = wk_lookup(w, wk_ident(w, wk_chain_base(w, recv)));

		if (rl && rl->param >= 0 && rl->param <= PARAM_RECV &&
		    wk_N(w, recv)->kind == AST_IDENT)
			c->recv_param = rl->param;
		/* captured from the launcher, unless declared in the loop
		 * that starts a goroutine per iteration (each its own) */
		if (rl && w->in_go && (size_t)(rl - w->locals.v) < w->go_base &&
		    !(w->go_loops > 0 && rl->loop >= w->go_loops))
			c->flags |= CALL_CAPTURED_RECV;
	}
	return c;
}

/* A new place where code starts to run concurrently (second pass only):
 * its index, or -1. */
int wk_start_site(struct walker *w, int target, uint32_t node,
		      int callback, int many)
{
	struct gosite *g;

	if (w->pass == 1 && !w->in_go && wk_N(w, node)->pos > w->f->last_go_at)
		w->f->last_go_at = callback && many ? UINT32_MAX /* a handler:
				   no Wait() ends its requests */
				   : wk_N(w, node)->pos;
	/* a test's goroutines exercise the code; they are not the program's */
	if (w->pass == 1 || w->f->is_test || w->f->test_only)
		return -1;
	g = VEC_PUSH(w->p->gos);
	g->fn = w->fn;
	g->target = target;
	g->node = node;
	g->file = (uint16_t)w->file;
	g->callback = (uint8_t)callback;
	g->many = (uint8_t)(many || w->loops > w->gate);
	g->own_many = g->many;
	g->api_many = (uint8_t)(many != 0);
	g->loops = (uint8_t)(w->loops < 255 ? w->loops : 255);
	g->loop_at = w->loops ? w->loop_at : wk_N(w, node)->pos;
	return (int)w->p->gos.n - 1;
}

void wk_add_join(struct walker *w, uint32_t n)
{
	struct join *j;

	/* a goroutine's own receive orders nothing in its launcher */
	if (w->pass == 1 && !w->in_go && wk_N(w, n)->kind == AST_CALL_EXPR &&
	    wk_N(w, n)->pos > w->f->last_join_at)
		w->f->last_join_at = wk_N(w, n)->pos;	/* a Wait() only */
	if (w->pass == 1 || w->in_go)
		return;
	j = VEC_PUSH(w->p->joins);
	j->fn = w->fn;
	j->off = wk_N(w, n)->pos;
	j->chan = -1;
	j->recv = wk_N(w, n)->kind == AST_UNARY_EXPR;
	if (wk_N(w, n)->kind == AST_UNARY_EXPR &&
	    wk_N(w, wk_N(w, n)->a)->kind == AST_SELECTOR_EXPR)
		j->chan = wk_loc_of(w, wk_N(w, n)->a);	/* <-x.ready */
}
