/* roots.c - which goroutines reach each function
 *
 * Owns: the concurrency roots of every function (the gosites that start
 * it, directly or through calls, and "main": code that runs outside any
 * goroutine this package starts, such as its exported API and main; a
 * gosite runs several instances when started in a loop, per request, or by
 * a launcher called in a loop), which gosites share the object in each
 * receiver and parameter, the locks held along each gosite's own calls,
 * and for each field the constructors whose phase starts a goroutine that
 * reaches it.  Not: the pair rule for maps that no lock guards
 * (roots_pair.c, which reads struct roots through roots_int.h), guarded
 * maps (judge.c), lock sets (lockset.c).
 */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/roots_int.h"
#include "util/util.h"

static int rs_add(struct roots *r, int id)
{
	int i;

	if (id < 0) {
		if (r->main)
			return 0;
		r->main = 1;
		return 1;
	}
	for (i = 0; i < r->n; i++)
		if (r->id[i] == id)
			return 0;
	if (r->n == RS_MAX) {
		if (r->over)
			return 0;
		r->over = 1;
		return 1;
	}
	r->id[r->n++] = id;
	return 1;
}

static int rs_union(struct roots *to, const struct roots *from)
{
	int i, ch = 0;

	if (from->main)
		ch |= rs_add(to, -1);
	for (i = 0; i < from->n; i++)
		ch |= rs_add(to, from->id[i]);
	if (from->over && !to->over)
		to->over = 1, ch = 1;
	return ch;
}

/* Is the text of node n exactly s (blanks aside)? */
static int text_is(const struct ast *a, uint32_t n, const char *s)
{
	const struct ast_node *nd = ast_node(a, n);
	uint32_t i;

	for (i = nd->pos; i < nd->end; i++) {
		if (a->src[i] == ' ' || a->src[i] == '\t')
			continue;
		if (*s++ != a->src[i])
			return 0;
	}
	return !*s;
}

/* A method of prometheus.Collector: Collect(ch chan<- prometheus.Metric)
 * or Describe(ch chan<- *prometheus.Desc).  The registry calls it on
 * every scrape (Gather), and scrapes overlap: the interface's contract is
 * that both may be called concurrently. */
int roots_is_collector(const struct pkg *p, const struct func *f)
{
	const struct ast *a = p->files[f->file].ast;
	const struct ast_node *ft = ast_node(a, ast_node(a, f->node)->c), *pl;
	const char *name = names_str(&p->nm, f->name), *want;
	const uint32_t *fl;

	if (!strcmp(name, "Collect"))
		want = "chan<-prometheus.Metric";
	else if (!strcmp(name, "Describe"))
		want = "chan<-*prometheus.Desc";
	else
		return 0;
	if (!ft->b)
		return 0;
	pl = ast_node(a, ft->b);
	if (ast_list_len(a, pl->a) != 1)
		return 0;
	fl = ast_list(a, pl->a);
	return ast_list_len(a, ast_node(a, fl[0])->a) <= 1 &&
	       text_is(a, ast_node(a, fl[0])->b, want);
}

int roots_is_handler(const struct pkg *p, const struct func *f)
{
	const struct ast *a = p->files[f->file].ast;
	const struct ast_node *ft = ast_node(a, ast_node(a, f->node)->c);

	if (f->recv_type < 0)
		return 0;
	return (!strcmp(names_str(&p->nm, f->name), "ServeHTTP") && ft->b &&
		ast_list_len(a, ast_node(a, ft->b)->a) == 2) ||
	       roots_is_collector(p, f);
}

/* func(w http.ResponseWriter, r *http.Request): an HTTP handler's shape;
 * or a web framework's (roots_framework_handler()) */
int roots_framework_handler(const struct ast *a, uint32_t params)
{
	static const char *const fw[] = {
		"*gin.Context", "echo.Context", "*fiber.Ctx",
	};
	const uint32_t *fl = ast_list(a, ast_node(a, params)->a);
	size_t k;

	if (ast_list_len(a, ast_node(a, params)->a) != 1 ||
	    ast_list_len(a, ast_node(a, fl[0])->a) > 1)
		return 0;
	for (k = 0; k < sizeof(fw) / sizeof(*fw); k++)
		if (text_is(a, ast_node(a, fl[0])->b, fw[k]))
			return 1;
	return 0;
}

static int handler_shaped(const struct pkg *p, const struct func *f)
{
	const struct ast *a = p->files[f->file].ast;
	const struct ast_node *ft = ast_node(a, ast_node(a, f->node)->c), *pl;
	const uint32_t *fl;

	if (!ft->b)
		return 0;
	pl = ast_node(a, ft->b);
	if (ast_list_len(a, pl->a) == 1)
		return roots_framework_handler(a, ft->b);
	if (ast_list_len(a, pl->a) != 2)
		return 0;
	fl = ast_list(a, pl->a);
	return ast_list_len(a, ast_node(a, fl[0])->a) == 1 &&
	       ast_list_len(a, ast_node(a, fl[1])->a) == 1 &&
	       text_is(a, ast_node(a, fl[0])->b, "http.ResponseWriter") &&
	       text_is(a, ast_node(a, fl[1])->b, "*http.Request");
}

/* The gosites whose target's receiver is f's receiver: handed on only by
 * calls on the caller's own receiver. */
static void self_roots(struct pkg *p)
{
	size_t i;
	int round, changed = 1;

	p->self = xcalloc(p->funcs.n ? p->funcs.n : 1, sizeof(*p->self));
	p->pself = xcalloc(4 * (p->funcs.n ? p->funcs.n : 1),
			   sizeof(*p->pself));
	p->pown = xmalloc(p->funcs.n ? p->funcs.n : 1);
	memset(p->pown, 0x0f, p->funcs.n ? p->funcs.n : 1);
	for (i = 0; i < p->gos.n; i++)
		if (p->gos.v[i].target >= 0)
			rs_add(&p->self[p->gos.v[i].target], (int)i);
	for (round = 0; changed && round < 12; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];
			int k;

			if (c->flags & CALL_VALUE)
				continue;
			/* objects handed on in parameters: shared with the
			 * goroutine that captured them, or started with them */
			for (k = 0; k < 4; k++) {
				struct roots *to = &p->pself[4 * c->callee + k];

				uint8_t own = p->pown[c->callee];

				if ((c->shared_args & (1u << k)) &&
				    (c->flags & CALL_GO) && c->site >= 0) {
					changed |= rs_add(to, c->site);
					if (!(c->fresh_args & (1u << k)))
						own &= (uint8_t)~(1u << k);
				} else if ((c->shared_args & (1u << k)) &&
					 c->go >= 0) {
					changed |= rs_add(to, c->go);
					own &= (uint8_t)~(1u << k);
				} else if (c->arg_param[k] >= 0 &&
					 c->arg_param[k] < 4 && c->go < 0 &&
					 !(c->flags & CALL_GO)) {
					changed |= rs_union(to, &p->pself[4 *
						c->caller + c->arg_param[k]]);
					if (!(p->pown[c->caller] &
					      (1u << c->arg_param[k])))
						own &= (uint8_t)~(1u << k);
				}
				if (own != p->pown[c->callee]) {
					p->pown[c->callee] = own;
					changed = 1;
				}
			}
			if (c->flags & CALL_GO)
				continue;
			if (c->recv_param >= 0 && c->recv_param < 4 &&
			    c->go < 0)	/* p.m() on parameter p */
				changed |= rs_union(&p->self[c->callee],
					&p->pself[4 * c->caller + c->recv_param]);
			if ((c->flags & CALL_CAPTURED_RECV) && c->go >= 0)
				changed |= rs_add(&p->self[c->callee], c->go);
			else if ((c->flags & (CALL_RECV_SELF | CALL_RECV_REACH)) &&
				 c->go < 0)
				changed |= rs_union(&p->self[c->callee],
						    &p->self[c->caller]);
		}
	}
}

/* Does g's launcher wait after the go statement or the g.Go(...) (a
 * Wait, a call that waits or a range over a channel later in the
 * function; a bare receive may be a request's), so that its goroutines
 * end before it returns?  Never a handler's: nothing waits for requests. */
static int joined_in_launcher(const struct pkg *p, const struct gosite *g)
{
	uint32_t at;
	size_t j;

	if (g->fn < 0 || g->api_many || g->ext)
		return 0;
	at = roots_pos(p, g->file, g->node);
	for (j = 0; j < p->joins.n; j++)
		if (p->joins.v[j].fn == g->fn && p->joins.v[j].off > at &&
		    !p->joins.v[j].recv)
			return 1;
	return 0;
}

void roots_compute(struct pkg *p)
{
	size_t i, n = p->funcs.n;
	uint8_t *target = xcalloc(n ? n : 1, 1), *ordinary = xcalloc(n ? n : 1, 1);
	uint8_t *waited;	/* [gosite]: its launcher, called in a loop,
				 * waits for it */
	int round, changed = 1;

	p->roots = xcalloc(n ? n : 1, sizeof(*p->roots));
	xpkg_entries(p);	/* other packages' goroutines calling in */
	for (i = 0; i < n; i++) {
		const struct func *f = &p->funcs.v[i];
		struct gosite *g;

		if (!roots_is_handler(p, f) || f->is_test)
			continue;
		g = VEC_PUSH(p->gos);	/* an HTTP handler: many at once */
		g->fn = -1;
		g->target = (int)i;
		g->node = f->node;
		g->file = (uint16_t)f->file;
		g->many = g->own_many = 1;
		g->callback = 1;
	}
	/* a function of a handler's shape handed out as a value (to a
	 * router: r.Get("/x", s.page)) serves requests, many at once */
	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];
		const struct func *f = &p->funcs.v[c->callee];
		struct gosite *g;
		size_t k;

		if (!(c->flags & CALL_VALUE) || p->funcs.v[c->caller].is_test ||
		    f->is_test || roots_is_handler(p, f) || !handler_shaped(p, f))
			continue;
		for (k = 0; k < p->gos.n; k++)
			if (p->gos.v[k].target == c->callee && p->gos.v[k].many)
				break;
		if (k < p->gos.n)
			continue;	/* one site per handler */
		g = VEC_PUSH(p->gos);
		g->fn = -1;
		g->target = c->callee;
		g->node = f->node;
		g->file = (uint16_t)f->file;
		g->many = g->own_many = 1;
		g->callback = 1;
	}
	/* a launcher called in a loop starts its goroutine once per call:
	 * several run at once (Send() in a loop, each with its AfterFunc),
	 * unless it waits for them before it returns (a Wait or a receive
	 * after the go statement): one call's goroutines at a time */
	waited = xcalloc(p->gos.n + 1, 1);
	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];
		size_t k;

		if (!(c->flags & CALL_IN_LOOP) || (c->flags & CALL_VALUE) ||
		    p->funcs.v[c->caller].is_test)
			continue;
		for (k = 0; k < p->gos.n; k++)
			if (p->gos.v[k].fn == c->callee &&
			    joined_in_launcher(p, &p->gos.v[k]))
				waited[k] = 1;
			else if (p->gos.v[k].fn == c->callee) {
				p->gos.v[k].many = 1;
				p->gos.v[k].loop_at = 0;  /* nothing precedes all */
			}
	}
	for (i = 0; i < p->gos.n; i++)
		if (p->gos.v[i].target >= 0) {
			rs_add(&p->roots[p->gos.v[i].target], (int)i);
			target[p->gos.v[i].target] = 1;
		}
	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];

		if (!(c->flags & (CALL_GO | CALL_VALUE)))
			ordinary[c->callee] = 1;
	}
	/* code run from outside: the exported API, main, functions no
	 * call here reaches (called through an interface or a value) */
	for (i = 0; i < n; i++) {
		const struct func *f = &p->funcs.v[i];

		if (f->is_test || f->test_only || f->init_only)
			continue;
		if ((f->exported && !target[i]) || (!ordinary[i] && !target[i]))
			rs_add(&p->roots[i], -1);
	}
	for (round = 0; changed && round < 12; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];
			const struct func *from = &p->funcs.v[c->caller];

			if (c->flags & (CALL_GO | CALL_VALUE))
				continue;
			if (from->is_test || from->test_only || from->init_only)
				continue;
			if (c->go >= 0)
				changed |= rs_add(&p->roots[c->callee], c->go);
			else
				changed |= rs_union(&p->roots[c->callee],
						    &p->roots[c->caller]);
		}
	}
	/* ... but a launcher that waits and runs in several goroutines at
	 * once (each scrape's gather) still starts several */
	for (i = 0; i < p->gos.n; i++) {
		const struct roots *r;
		int j;

		if (!waited[i])
			continue;
		r = &p->roots[p->gos.v[i].fn];
		for (j = 0; j < r->n; j++)
			if (p->gos.v[r->id[j]].many)
				break;
		if (r->over || j < r->n) {
			p->gos.v[i].many = 1;
			p->gos.v[i].loop_at = 0;
		}
	}
	free(waited);
	free(target);
	free(ordinary);
	self_roots(p);
}

int roots_in_go(const struct pkg *p, int fn)
{
	return p->roots && (p->roots[fn].n || p->roots[fn].over);
}

int roots_sites(const struct pkg *p, int fn, int *v, int n, int *more)
{
	const struct roots *r = &p->roots[fn];
	int i;

	for (i = 0; i < n && i < r->n; i++)
		v[i] = r->id[i];
	*more = r->over || r->n > n;
	return i;
}

/* The locks held at each function's entry when gosite s runs it: its
 * target starts with none, calls in its literal with the locks there,
 * and on through the calls it makes (a meet over them).  The package's
 * entry (judge.c) meets over every caller; this is the goroutine's own
 * path (a callback that takes b.mu before calling into pm). */
struct site_locks {
	int site;
	uint8_t *seen;
	struct lockset *e;
};

static void strip_released(struct lockset *ls)
{
	int k;

	for (k = 0; k < ls->n;)
		if (ls->h[k].shared == LS_RELEASED)
			ls->h[k] = ls->h[--ls->n];
		else
			k++;
}

static void site_meet(struct site_locks *c, int fn, struct lockset *at,
		      int *changed)
{
	strip_released(at);
	if (!c->seen[fn]) {
		c->seen[fn] = 1, c->e[fn] = *at, *changed = 1;
	} else {
		struct lockset old = c->e[fn];

		ls_meet(&c->e[fn], at);
		strip_released(&c->e[fn]);
		if (!ls_equal(&old, &c->e[fn]))
			*changed = 1;
	}
}

static const struct site_locks *site_locks(struct pkg *p, int s, int slot)
{
	struct site_locks *c = p->sl[slot];
	size_t n = p->funcs.n ? p->funcs.n : 1, k;
	int round, changed = 1, t = p->gos.v[s].target;

	if (!c) {
		c = p->sl[slot] = xcalloc(1, sizeof(*c));
		c->seen = xmalloc(n);
		c->e = xmalloc(n * sizeof(*c->e));
		c->site = -1;
	}
	if (c->site == s)
		return c;
	c->site = s;
	memset(c->seen, 0, n);
	if (t >= 0) {
		c->seen[t] = 1;
		memset(&c->e[t], 0, sizeof(c->e[t]));
	}
	for (k = 0; k < p->calls.n; k++) {
		const struct call *cl = &p->calls.v[k];
		struct lockset at = cl->ls;

		if (cl->go == s && !(cl->flags & (CALL_GO | CALL_VALUE)))
			site_meet(c, cl->callee, &at, &changed);
	}
	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (k = 0; k < p->calls.n; k++) {
			const struct call *cl = &p->calls.v[k];
			struct lockset at;

			if ((cl->flags & (CALL_GO | CALL_VALUE)) || cl->go >= 0 ||
			    !c->seen[cl->caller])
				continue;
			at = c->e[cl->caller];
			ls_apply(&at, &cl->ls);
			site_meet(c, cl->callee, &at, &changed);
		}
	}
	return c;
}

/* The locks held at access a when gosite s (-1: outside goroutines) runs
 * it; slot: which cache. */
struct lockset roots_site_ls(struct pkg *p, const struct access *a, int s,
			     int slot)
{
	const struct site_locks *c;
	struct lockset ls;

	if (s < 0)
		return judge_abs_ls(p, a);
	if (a->go == s) {
		ls = a->ls;
		return ls;
	}
	c = site_locks(p, s, slot);
	if (!c->seen[a->fn])
		return judge_abs_ls(p, a);
	ls = c->e[a->fn];
	ls_apply(&ls, &a->ls);
	return ls;
}

void roots_free(struct pkg *p)
{
	int i;

	for (i = 0; i < 2; i++)
		if (p->sl[i]) {
			free(p->sl[i]->seen);
			free(p->sl[i]->e);
			free(p->sl[i]);
			p->sl[i] = NULL;
		}
	free(p->roots);
	free(p->self);
	free(p->pself);
	free(p->pown);
	p->roots = p->self = p->pself = NULL;
	p->pown = NULL;
}

/* The roots of an access: its goroutine literal, or its function's. */
struct roots roots_access(const struct pkg *p, const struct access *a)
{
	struct roots r;

	memset(&r, 0, sizeof(r));
	if (a->go >= 0)
		rs_add(&r, a->go);
	else if ((size_t)a->loc >= p->fields.n + p->vars.n &&
		 !p->llocs.v[(size_t)a->loc - p->fields.n - p->vars.n].from_param)
		r.main = 1;	/* a local map: its function's own thread */
	else
		r = p->roots[a->fn];
	return r;
}

void roots_ctor_locs(const struct pkg *p, struct ctor_go *cg)
{
	size_t k;
	int i, m;

	for (k = 0; k < p->acc.n; k++) {
		const struct access *a = &p->acc.v[k];
		struct ctor_go *c;
		struct roots r;

		if ((size_t)a->loc >= p->fields.n)
			continue;
		c = &cg[a->loc];
		r = roots_access(p, a);
		if (r.over)
			c->over = 1;
		for (i = 0; i < r.n; i++) {
			const struct gosite *g = &p->gos.v[r.id[i]];
			const struct func *l;
			uint32_t t;
			int who;

			if (g->fn < 0 || !(l = &p->funcs.v[g->fn])->ctor_phase)
				continue;
			who = l->ctor;
			if (who == g->fn)
				t = roots_pos(p, g->file, g->node);
			else
				t = who >= 0 ? l->ctor_at : 0;
			if (who < 0) {		/* several, or not known */
				c->over = 1;
				continue;
			}
			for (m = 0; m < c->n && c->ctor[m] != who;)
				m++;
			if (m == c->n) {
				if (c->n == CTOR_GO) {
					c->over = 1;
					continue;
				}
				c->ctor[c->n] = who, c->at[c->n++] = t;
			} else if (t < c->at[m]) {
				c->at[m] = t;
			}
		}
	}
}

uint32_t roots_pos(const struct pkg *p, int file, uint32_t node)
{
	return ast_node(p->files[file].ast, node)->pos;
}
