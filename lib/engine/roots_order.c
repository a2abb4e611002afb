/* roots_order.c - what orders an access of an unguarded map in time
 *
 * Owns: the queries the guard rule (judge.c) asks of the roots roots.c
 * computed: is an access after its function's goroutines were waited
 * for (a Wait or a receive after the last go statement), made only by
 * goroutines that were so waited for, before a launcher's first go
 * statement, after a launcher that waited returned (a phase), in a
 * teardown (Close, Stop, Shutdown) after a join, and do a function and
 * every access of a map run on one thread at a time.
 * Not: computing the roots (roots.c), the pair rule and its findings
 * (roots_pair.c), guarded maps (judge.c).
 */
#include <string.h>

#include "engine/engine_int.h"
#include "engine/roots_int.h"
#include "util/util.h"

int roots_joined(const struct pkg *p, const struct access *x,
		 const struct access *y)
{
	const struct roots *r = &p->roots[y->fn];
	int i;

	if (y->go >= 0)		/* in a literal x's function started */
		return p->gos.v[y->go].fn == x->fn;
	if (r->over || !r->n)
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->id[i] < 0 || p->gos.v[r->id[i]].fn != x->fn)
			return 0;
	return 1;
}

/* Does launcher fn return only after it waited for its goroutines: a
 * join in it after its last go statement? */
static int joins_before_return(const struct pkg *p, int fn)
{
	uint32_t last = 0;
	size_t i;
	int any = 0;

	for (i = 0; i < p->gos.n; i++)
		if (p->gos.v[i].fn == fn) {
			uint32_t gs = roots_pos(p, p->gos.v[i].file,
						p->gos.v[i].node);

			last = gs > last ? gs : last;
			any = 1;
		}
	for (i = 0; any && i < p->joins.n; i++)
		if (p->joins.v[i].fn == fn && p->joins.v[i].off > last)
			return 1;
	return 0;
}

/* Is every (non-test) call of fn made after a call of launcher l in the
 * same caller, or from a function that is so in turn (depth calls up)? */
static int called_after(const struct pkg *p, int fn, int l, int depth)
{
	size_t k, j;
	int n = 0;

	if (depth <= 0 || fn == l)
		return 0;
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];
		int ok = 0;

		if (c->callee != fn || p->funcs.v[c->caller].is_test)
			continue;
		if (c->go >= 0 || (c->flags & (CALL_GO | CALL_VALUE |
						CALL_LATER | CALL_IN_GO)))
			return 0;
		for (j = 0; !ok && j < p->calls.n; j++) {
			const struct call *b = &p->calls.v[j];

			ok = b->caller == c->caller && b->callee == l &&
			     b->go < 0 && !(b->flags & (CALL_GO | CALL_VALUE |
							 CALL_LATER)) &&
			     roots_pos(p, b->file, b->node) <
			     roots_pos(p, c->file, c->node);
		}
		if (!ok && !called_after(p, c->caller, l, depth - 1))
			return 0;
		n++;
	}
	return n > 0;
}

int roots_after_phase(const struct pkg *p, const struct access *x,
		      const struct access *y)
{
	const struct roots *r = &p->roots[y->fn];
	int l, i;

	if (x->go >= 0 || (x->flags & (AC_IN_GO | AC_LATER)) ||
	    p->roots[x->fn].n || p->roots[x->fn].over)
		return 0;
	if (y->go >= 0)
		l = p->gos.v[y->go].fn;
	else if (r->over || !r->n || r->id[0] < 0)
		return 0;
	else
		l = p->gos.v[r->id[0]].fn;
	for (i = 0; y->go < 0 && i < r->n; i++)
		if (r->id[i] < 0 || p->gos.v[r->id[i]].fn != l)
			return 0;
	return l >= 0 && !p->roots[l].n && !p->roots[l].over &&
	       joins_before_return(p, l) && called_after(p, x->fn, l, 3);
}

/* Is x reached through its method's receiver, and does every call of the
 * method (there is one) hand it an object the caller just made, directly,
 * not in a goroutine: two calls never share the receiver? */
static int fresh_recv_each_call(const struct pkg *p, const struct access *x)
{
	size_t k;
	int n = 0;

	if (!(x->flags & AC_RECV) || p->funcs.v[x->fn].recv_type < 0)
		return 0;
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];

		if (c->callee != x->fn || p->funcs.v[c->caller].is_test)
			continue;
		if (!(c->flags & CALL_FRESH_RECV) ||
		    (c->flags & (CALL_GO | CALL_VALUE | CALL_LATER)))
			return 0;
		n++;
	}
	return n > 0;
}

int roots_after_join(const struct pkg *p, const struct access *x)
{
	uint32_t at, last = 0, j_at = 0;
	size_t i;
	int any = 0;

	if (x->go >= 0)
		return 0;
	at = roots_pos(p, x->file, x->node);
	for (i = 0; i < p->gos.n; i++) {
		const struct gosite *g = &p->gos.v[i];
		uint32_t gs;

		if (g->fn != x->fn)
			continue;
		gs = roots_pos(p, g->file, g->node);
		if (gs > at)
			return 0;	/* a goroutine started after it */
		if (gs > last)
			last = gs;
		any = 1;
	}
	for (i = 0; i < p->joins.n; i++)
		if (p->joins.v[i].fn == x->fn && p->joins.v[i].off > last &&
		    p->joins.v[i].off < at)
			j_at = p->joins.v[i].off;
	/* a map the function made is its call's own, whoever runs it */
	if ((size_t)x->loc >= p->fields.n + p->vars.n)
		return any && j_at;
	return any && j_at && ((!p->roots[x->fn].n && !p->roots[x->fn].over) ||
			       fresh_recv_each_call(p, x));
}

int roots_before_launch(const struct pkg *p, const struct access *x)
{
	uint32_t at, first = UINT32_MAX;
	size_t i;

	if (x->go >= 0 || (x->flags & (AC_IN_GO | AC_LATER)) ||
	    p->funcs.v[x->fn].last_join_at <= p->funcs.v[x->fn].last_go_at)
		return 0;	/* no Wait() after its last go statement */
	at = roots_pos(p, x->file, x->node);
	for (i = 0; i < p->gos.n; i++)
		if (p->gos.v[i].fn == x->fn) {
			uint32_t gs = roots_pos(p, p->gos.v[i].file,
						p->gos.v[i].node);

			first = gs < first ? gs : first;
		}
	if (first == UINT32_MAX || at > first)
		return 0;
	if ((size_t)x->loc >= p->fields.n + p->vars.n)
		return 1;	/* the call's own map */
	return (!p->roots[x->fn].n && !p->roots[x->fn].over) ||
	       fresh_recv_each_call(p, x);
}

/* Close, Stop, Shutdown: by Go's convention the end of an object's life */
static int teardown_name(const struct pkg *p, int fn)
{
	static const char *const names[] = {
		"Close", "close", "Stop", "stop", "Shutdown", "shutdown",
	};
	const char *s = names_str(&p->nm, p->funcs.v[fn].name);
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i]))
			return 1;
	return 0;
}

int roots_join_before(const struct pkg *p, int fn, uint32_t at)
{
	size_t j;

	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == fn && p->joins.v[j].off < at)
			return 1;
	return 0;
}

int roots_teardown(const struct pkg *p, const struct access *x)
{
	size_t k;
	int n = 0;

	if (x->go >= 0 || (x->flags & AC_LATER) || roots_in_go(p, x->fn))
		return 0;
	if (teardown_name(p, x->fn) &&
	    roots_join_before(p, x->fn, roots_pos(p, x->file, x->node)))
		return 1;
	for (k = 0; k < p->calls.n; k++) {
		const struct call *c = &p->calls.v[k];

		if (c->callee != x->fn || p->funcs.v[c->caller].is_test)
			continue;
		if (c->go >= 0 || (c->flags & (CALL_GO | CALL_VALUE |
						CALL_LATER)) ||
		    !teardown_name(p, c->caller) ||
		    !roots_join_before(p, c->caller,
				       roots_pos(p, c->file, c->node)))
			return 0;
		n++;
	}
	return n > 0;
}

int roots_single(const struct pkg *p, int fn)
{
	const struct roots *r = &p->roots[fn];
	int q[32], nq = 0, i;
	size_t k;

	if (r->over || r->n + r->main != 1 ||
	    (r->n && p->gos.v[r->id[0]].many))
		return 0;
	q[nq++] = fn;
	for (i = 0; i < nq; i++) {
		const struct func *f = &p->funcs.v[q[i]];

		if (f->exported || roots_is_handler(p, f))
			return 0;
		for (k = 0; k < p->calls.n; k++) {
			const struct call *c = &p->calls.v[k];
			int j;

			if (c->callee != q[i] || p->funcs.v[c->caller].is_test ||
			    (c->flags & (CALL_GO | CALL_VALUE)))
				continue;
			for (j = 0; j < nq && q[j] != c->caller;)
				j++;
			if (j < nq)
				continue;
			if (nq == (int)(sizeof(q) / sizeof(q[0])))
				return 0;
			q[nq++] = c->caller;
		}
	}
	return 1;
}

int roots_one_thread(const struct pkg *p, const struct access *a, size_t n,
		     const struct access *x)
{
	struct roots rx = roots_access(p, x);
	size_t k;

	if (rx.over || rx.n + rx.main != 1 ||
	    (rx.n && p->gos.v[rx.id[0]].many))
		return 0;
	for (k = 0; k < n; k++) {
		const struct access *y = &a[k];
		struct roots ry;

		if (!judge_counts(p, y))
			continue;
		if (y->go >= 0 || (y->flags & (AC_IN_GO | AC_LATER)) ||
		    !roots_single(p, y->fn))
			return 0;
		ry = roots_access(p, y);
		if (ry.main != rx.main || ry.n != rx.n ||
		    (rx.n && ry.id[0] != rx.id[0]))
			return 0;
	}
	return 1;
}
