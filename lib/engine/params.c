/* params.c - what callees do to the maps their callers hand them
 *
 * Owns: turning a function's accesses to a map parameter (fill(m, k),
 * a helper that ranges over the map it is given) into accesses at each
 * call: on the argument's location when the caller passes a field or a
 * package variable (ReadDir(dir, m.hooks) writes m.hooks, with the locks
 * the caller holds at the call and those the callee takes; go f(m): in
 * f's goroutine, with only the locks f takes), or on the
 * caller's own parameter, which its callers get in turn (three calls
 * deep).  Not: the walk that finds the accesses (calls_record.c), the
 * judgement.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

#define PARAM_DEPTH 3

/* Does fn already have a parameter access like this one? */
static int known(const struct pkg *p, const int *head, int fn, int param,
		 int flags, const struct lockset *ls)
{
	int k;

	for (k = head[fn]; k >= 0; k = p->pacc.v[k].next)
		if (p->pacc.v[k].param == param &&
		    p->pacc.v[k].flags == flags &&
		    ls_equal(&p->pacc.v[k].ls, ls))
			return 1;
	return 0;
}

static void add_access(struct pkg *p, const struct call *c, int i,
		       const struct paccess *pa, int via,
		       const struct lockset *ls)
{
	const struct ast *a = p->files[c->file].ast;
	const struct ast_node *call = ast_node(a, c->node);
	struct access *ac;

	if (i != PARAM_RECV && i >= (int)ast_list_len(a, call->b))
		return;
	ac = VEC_PUSH(p->acc);
	ac->loc = i == PARAM_RECV ? c->recv_loc : c->arg_loc[i];
	ac->flags = (uint16_t)(pa->flags |
			       (c->flags & CALL_IN_GO ? AC_IN_GO : 0) |
			       (c->flags & CALL_LATER ? AC_LATER : 0) |
			       (c->flags & CALL_ONCE ? AC_ONCE : 0) |
			       (c->arg_recv & (1u << i) ? AC_RECV : 0));
	ac->file = c->file;
	/* the map itself: the argument, or the receiver of t.Add() */
	if (i == PARAM_RECV) {
		uint32_t f = call->a;

		while (ast_node(a, f)->kind == AST_PAREN_EXPR)
			f = ast_node(a, f)->a;
		ac->node = ast_node(a, f)->kind == AST_SELECTOR_EXPR
			   ? ast_node(a, f)->a : f;
	} else {
		ac->node = ast_list(a, call->b)[i];
	}
	ac->ls = *ls;
	ac->fn = c->caller;
	ac->go = c->go;
	ac->param = -1;
	ac->via = via + 1;
	if (pa->go >= 0) {	/* in the goroutine that captured it */
		ac->flags = (uint16_t)(pa->flags | AC_IN_GO | AC_HANDED);
		ac->fn = p->pacc.v[via].fn;
		ac->go = pa->go;
		ac->ls = pa->ls;
		ac->file = p->pacc.v[via].file;
		ac->node = p->pacc.v[via].node;
		ac->via = 0;
		return;
	}
	if (c->flags & CALL_GO) {	/* go f(m): made in f's goroutine, */
		ac->flags = (uint16_t)(pa->flags | AC_IN_GO | AC_CAPTURED);
		/* flagged where f makes it; ls: f's own locks */
		ac->fn = c->callee;
		ac->go = c->site;
		ac->file = p->pacc.v[via].file;
		ac->node = p->pacc.v[via].node;
		ac->via = 0;
	}
}

/* The callee's relative lock set rel, its parameters' locks replaced by
 * the call's arguments' (a lock the caller cannot name is dropped), on
 * top of ls. */
static void compose(struct lockset *ls, const struct call *c,
		    const struct lockset *rel)
{
	struct lockset r = *rel;
	int i;

	for (i = 0; i < r.n;) {
		loc_t l = r.h[i].loc;

		if (IS_PARAM_LOCK(l)) {
			/* the argument's lock: a location, or the caller's
			 * own parameter (its callers name it in turn) */
			l = c->arg_lock[-2 - l];
			if (l == -1) {
				r.h[i] = r.h[--r.n];
				continue;
			}
			r.h[i].loc = l;
		}
		i++;
	}
	ls_apply(ls, &r);
}

void params_propagate(struct pkg *p)
{
	int *head;
	size_t lo = 0, hi, k, ci;
	int round;

	if (!p->pacc.n)
		return;
	head = xmalloc(p->funcs.n * sizeof(*head));
	memset(head, -1, p->funcs.n * sizeof(*head));
	for (k = 0; k < p->pacc.n; k++) {
		p->pacc.v[k].next = head[p->pacc.v[k].fn];
		head[p->pacc.v[k].fn] = (int)k;
	}
	/* each round hands the accesses the last one made to the callers */
	for (round = 0; round <= PARAM_DEPTH && lo < p->pacc.n; round++) {
		hi = p->pacc.n;
		for (ci = 0; ci < p->calls.n; ci++) {
			const struct call *c = &p->calls.v[ci];
			int j;

			if (c->callee < 0 || (c->flags & CALL_VALUE) ||
			    ((c->flags & CALL_GO) && c->site < 0))
				continue;
			for (j = head[c->callee]; j >= 0; j = p->pacc.v[j].next) {
				struct paccess pa = p->pacc.v[j];
				struct lockset ls = c->ls;
				int i = pa.param, to;

				if ((size_t)j < lo || (size_t)j >= hi)
					continue;
				if (c->flags & CALL_GO)	/* a new goroutine */
					memset(&ls, 0, sizeof(ls));
				compose(&ls, c, &pa.ls);
				if ((i == PARAM_RECV ? c->recv_loc
						     : c->arg_loc[i]) >= 0) {
					add_access(p, c, i, &pa, pa.origin, &ls);
					continue;
				}
				if (i == PARAM_RECV)	/* p.Add() on parameter p */
					to = c->recv_param;
				else
					to = c->arg_param[i];
				/* go func() { sign(base) }() on the caller's own
				 * parameter: made in that goroutine */
				if (to >= 0 && to < PARAM_RECV && c->go >= 0 &&
				    !(c->flags & (CALL_GO | CALL_LATER | CALL_ONCE)) &&
				    pa.go < 0 && pa.depth < PARAM_DEPTH) {
					struct paccess *n = VEC_PUSH(p->pacc);

					*n = pa;
					n->fn = c->caller;
					n->param = (int8_t)to;
					n->depth = (uint8_t)(pa.depth + 1);
					n->ls = ls;
					n->go = c->go;
					n->next = head[c->caller];
					head[c->caller] = (int)(p->pacc.n - 1);
					continue;
				}
				if (to < 0 || pa.depth >= PARAM_DEPTH ||
				    c->flags & (CALL_GO | CALL_IN_GO | CALL_LATER |
						CALL_ONCE) ||
				    known(p, head, c->caller, to, pa.flags, &ls))
					continue;
				{
					struct paccess *n = VEC_PUSH(p->pacc);

					*n = pa;
					n->fn = c->caller;
					n->param = (int8_t)to;
					n->depth = (uint8_t)(pa.depth + 1);
					n->ls = ls;
					n->next = head[c->caller];
					head[c->caller] = (int)(p->pacc.n - 1);
				}
			}
		}
		lo = hi;
	}
	free(head);
}
