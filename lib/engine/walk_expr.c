/* walk_expr.c - one function body to its summary: expressions and literals
 *
 * Owns: the walk of an expression (map reads and writes through index
 * expressions, calls, function literals stored or returned, method values
 * that escape, receives, composite literals' elements) and what a
 * composite literal stores: functions in a hook field of a struct of ours
 * (called where the field is), callbacks in a field of function type that
 * a goroutine calls, parameters stored in such fields or handed on to a
 * callee (walk_param_go()), weight-1 semaphores.
 * Not: statements, assignments and the function's summary (walk.c),
 * resolution (scope.c), calls and literals run (calls.c).
 */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "engine/walk_int.h"
#include "util/util.h"

/* The function of this package that v names (f, s.m), or -1. */
static int func_named(struct walker *w, uint32_t v)
{
	uint32_t recv;
	int k = ast_kind(w->a, v);

	if (k == AST_IDENT && !wk_lookup(w, wk_ident(w, v)))
		return facts_func_index(w->p, -1, wk_ident(w, v));
	return k == AST_SELECTOR_EXPR ? wk_callee_of(w, v, &recv) : -1;
}

/* T{hooks: []Hook{parseURL, parseBody}} or T{done: finish}: functions
 * stored in an unexported field of a struct of ours are called where the
 * field is (struct hook), under the locks held there, not escaped.  Walks
 * the element and returns 1, or 0 when it is no such store. */
static int hook_store(struct walker *w, uint32_t lit, uint32_t el)
{
	const struct ast_node *kv = wk_N(w, el), *v;
	struct ty t;
	loc_t f;
	const char *name;
	size_t len, i, nv;
	const uint32_t *vals;
	uint32_t one;

	if (kv->kind != AST_KEY_VALUE_EXPR || ast_kind(w->a, kv->a) != AST_IDENT)
		return 0;
	t = facts_under(w->p, facts_type_expr(w->p, w->file, wk_N(w, lit)->a));
	if (t.kind != TY_NAMED)
		return 0;
	f = facts_field(w->p, t.named, wk_ident(w, kv->a));
	name = ast_ident(w->a, kv->a, &len);
	if (f < 0 || !len || (name[0] >= 'A' && name[0] <= 'Z'))
		return 0;
	v = wk_N(w, kv->b);
	if (v->kind == AST_COMPOSITE_LIT) {
		vals = ast_list(w->a, v->b);
		nv = ast_list_len(w->a, v->b);
	} else {
		one = kv->b;
		vals = &one;
		nv = 1;
	}
	for (i = 0; i < nv; i++)
		if (func_named(w, vals[i]) < 0)
			return 0;	/* not functions only: as before */
	for (i = 0; i < nv && w->pass == 1; i++) {
		struct hook *h = VEC_PUSH(w->p->hooks);

		h->field = f;
		h->fn = func_named(w, vals[i]);
	}
	return 1;
}

/* Where the functions stored in field f run: 0 nowhere concurrent (no
 * call of f in a goroutine), 1 in one goroutine's code (*file, *ctx name
 * it: its literal, or -1 - the function a go statement runs), 2 in
 * several. */
static int field_runs(struct pkg *p, loc_t f, int *file, int64_t *ctx)
{
	size_t i;
	int n = 0;

	for (i = 0; i < p->fcalls.n; i++) {
		const struct fcall *c = &p->fcalls.v[i];
		int64_t k = c->lit ? (int64_t)c->lit : -1 - (int64_t)c->fn;

		if (c->field != f || (!c->lit && !p->funcs.v[c->fn].go_target))
			continue;
		if (n && (*file != c->file || *ctx != k))
			return 2;
		*file = c->file, *ctx = k, n = 1;
	}
	return n;
}

/* T{visit: fn} with fn a parameter of function type: noted for
 * walk_param_go() (first walk). */
static void param_store(struct walker *w, uint32_t lit, uint32_t el)
{
	const struct ast_node *kv = wk_N(w, el);
	struct local *pl;
	struct phand *h;
	struct ty t;
	loc_t f;

	if (w->pass != 1 || kv->kind != AST_KEY_VALUE_EXPR ||
	    ast_kind(w->a, kv->a) != AST_IDENT ||
	    ast_kind(w->a, kv->b) != AST_IDENT ||
	    !(pl = wk_lookup(w, wk_ident(w, kv->b))) || pl->param < 0 ||
	    pl->param >= 8)
		return;
	t = facts_under(w->p, facts_type_expr(w->p, w->file, wk_N(w, lit)->a));
	if (t.kind != TY_NAMED ||
	    (f = facts_field(w->p, t.named, wk_ident(w, kv->a))) < 0 ||
	    w->p->fields.v[f].ty.kind != TY_FUNC)
		return;
	h = VEC_PUSH(w->p->phands);
	h->fn = w->fn, h->callee = -1, h->field = f;
	h->param = (int8_t)pl->param, h->arg = -1;
}

/* T{sem: semaphore.NewWeighted(1)} (first walk) */
static void sem_store(struct walker *w, uint32_t lit, uint32_t el)
{
	const struct ast_node *kv = wk_N(w, el);
	struct ty t;

	if (w->pass != 1 || kv->kind != AST_KEY_VALUE_EXPR ||
	    ast_kind(w->a, kv->a) != AST_IDENT)
		return;
	t = facts_under(w->p, facts_type_expr(w->p, w->file, wk_N(w, lit)->a));
	if (t.kind == TY_NAMED)
		wk_note_sem(w, facts_field(w->p, t.named, wk_ident(w, kv->a)),
			    kv->b);
}

/* f(fn) with parameter fn of ours: where f runs its argument i, fn runs
 * (walk_param_go(), once every callee is walked; first walk). */
void wk_hand_on(struct walker *w, uint32_t arg, int callee, int i)
{
	struct local *pl;
	struct phand *h;

	if (w->pass != 1 || i >= 8 || !(pl = wk_lookup(w, wk_ident(w, arg))) ||
	    pl->param < 0 || pl->param >= 8)
		return;
	h = VEC_PUSH(w->p->phands);
	h->fn = w->fn, h->callee = callee, h->field = -1;
	h->param = (int8_t)pl->param, h->arg = (int8_t)i;
}

/* A parameter stored in a field of function type runs where the field
 * is called: in a goroutine when a goroutine calls it (several at once
 * when that goroutine is started in a loop); a parameter handed on to
 * such a parameter of a callee runs there too.  Calls the first walk
 * saw, whatever order the functions were walked in. */
void walk_param_go(struct pkg *p)
{
	size_t i, k;
	int round, changed = 1;

	for (round = 0; changed && round < 12; round++) {
		changed = 0;
		for (i = 0; i < p->phands.n; i++) {
			const struct phand *h = &p->phands.v[i];
			struct func *f = &p->funcs.v[h->fn];
			uint8_t bit = (uint8_t)(1u << h->param), go = 0, many = 0;

			if (h->callee >= 0) {
				const struct func *c = &p->funcs.v[h->callee];

				go = (c->param_go >> h->arg) & 1;
				many = (c->param_many >> h->arg) & 1;
			}
			for (k = 0; h->field >= 0 && k < p->fcalls.n; k++) {
				const struct fcall *c = &p->fcalls.v[k];

				if (c->field != h->field || (!c->lit &&
				    !p->funcs.v[c->fn].go_target))
					continue;
				go = 1;
				many |= c->many;
			}
			if (go && !(f->param_go & bit))
				f->param_go |= bit, changed = 1;
			if (many && !(f->param_many & bit))
				f->param_many |= bit, changed = 1;
		}
	}
}

/* T{OnAdd: func(...) {...}, OnDelete: c.remove}: a function stored in
 * a field of function type that this package calls from a goroutine runs
 * in that goroutine, a callback (MG004); the functions of one literal
 * whose fields the same goroutine calls share one site.  Returns 1 when
 * the element was walked so. */
struct cb_site {
	int file, site;
	int64_t ctx;
};

static int field_callback(struct walker *w, uint32_t lit, uint32_t el,
			  struct cb_site *cs, int *ncs)
{
	const struct ast_node *kv = wk_N(w, el), *v;
	struct ty t;
	loc_t f;
	int file = -1, many, i, fn, site = -1;
	int64_t ctx = 0;
	struct lockset none;

	if (w->pass != 2 || kv->kind != AST_KEY_VALUE_EXPR ||
	    ast_kind(w->a, kv->a) != AST_IDENT || !w->p->fcalls.n)
		return 0;
	v = wk_N(w, kv->b);
	if (v->kind != AST_FUNC_LIT && v->kind != AST_IDENT &&
	    v->kind != AST_SELECTOR_EXPR)
		return 0;
	t = facts_under(w->p, facts_type_expr(w->p, w->file, wk_N(w, lit)->a));
	if (t.kind != TY_NAMED ||
	    (f = facts_field(w->p, t.named, wk_ident(w, kv->a))) < 0 ||
	    w->p->fields.v[f].ty.kind != TY_FUNC ||
	    !(many = field_runs(w->p, f, &file, &ctx)))
		return 0;
	memset(&none, 0, sizeof(none));
	if (v->kind == AST_FUNC_LIT) {
		for (i = 0; i < *ncs && many == 1; i++)
			if (cs[i].file == file && cs[i].ctx == ctx)
				site = cs[i].site;
		if (site < 0)
			site = wk_start_site(w, -1, kv->b, 1, many == 2);
		if (site >= 0 && many == 1 && *ncs < 8) {
			cs[*ncs].file = file, cs[*ncs].ctx = ctx;
			cs[(*ncs)++].site = site;
		}
		wk_func_lit_at(w, kv->b, &none, 1, 0, site);
		return 1;
	}
	if ((v->kind != AST_IDENT && v->kind != AST_SELECTOR_EXPR) ||
	    (fn = func_named(w, kv->b)) < 0)
		return 0;
	wk_start_site(w, fn, kv->b, 1, many == 2);
	wk_expr(w, kv->b, RD);
	return 1;
}

/* Do nodes x and y spell the same expression (blanks aside)? */
static int same_text(const struct walker *w, uint32_t x, uint32_t y)
{
	const struct ast_node *a = wk_N(w, x), *b = wk_N(w, y);
	const char *s = w->a->src;
	uint32_t i = a->pos, j = b->pos;

	for (;;) {
		while (i < a->end && isspace((unsigned char)s[i]))
			i++;
		while (j < b->end && isspace((unsigned char)s[j]))
			j++;
		if (i >= a->end || j >= b->end)
			return i >= a->end && j >= b->end;
		if (s[i++] != s[j++])
			return 0;
	}
}

/* x[k] = v inside `for key := range x` over a shared map:
 * an insertion while ranging (MG006), unless k is the range's own key */
static void range_mut(struct walker *w, const struct ast_node *ix)
{
	int i;

	for (i = w->nranging - 1; i >= 0; i--) {
		const struct ast_node *r = wk_N(w, w->ranging[i]);
		uint32_t b = wk_chain_base(w, ix->a);
		const struct local *bl = b ? wk_lookup(w, wk_ident(w, b)) : NULL;
		loc_t l = wk_map_loc(w, ix->a);
		struct rangemut *m;

		if (!same_text(w, ix->a, r->c))
			continue;
		if (r->a && ix->b && wk_N(w, r->a)->kind == AST_IDENT &&
		    wk_N(w, ix->b)->kind == AST_IDENT && same_text(w, r->a, ix->b))
			return;	/* the current key: the spec allows it */
		/* shared: a field, a package variable, a parameter, a map a
		 * goroutine's literal captured; not a work list of our own */
		if (wk_owned(w, ix->a) ||
		    !((l >= 0 && (size_t)l < w->p->fields.n + w->p->vars.n) ||
		      (bl && (bl->param >= 0 || (w->in_go &&
			(size_t)(bl - w->locals.v) < w->go_base)))))
			return;
		m = VEC_PUSH(w->p->rangemuts);
		m->fn = w->fn;
		m->file = (uint16_t)w->file;
		m->node = ix->a;
		m->stmt = w->ranging[i];
		return;
	}
}

void wk_expr(struct walker *w, uint32_t n, int mode)
{
	const struct ast_node *nd;
	struct ast_iter it;
	uint32_t c;

	if (!n || w->depth > 400)
		return;
	nd = wk_N(w, n);
	switch (nd->kind) {
	case AST_INDEX_EXPR:
		/* x.f["key"]: a string index only maps take */
		if (ast_kind(w->a, nd->b) == AST_BASIC_LIT &&
		    wk_N(w, nd->b)->op == T_STRING)
			wk_learn_map(w, nd->a);
		if (w->pass == 2)	/* the first pass records no access */
			wk_access(w, nd->a, wk_map_loc(w, nd->a),
				  mode == WR ? AC_WRITE : 0);
		if (w->pass == 2 && mode == WR && w->nranging)
			range_mut(w, nd);
		wk_expr(w, nd->a, RD);
		wk_expr(w, nd->b, RD);
		return;
	case AST_CALL_EXPR:
		w->depth++;
		wk_call_expr(w, n, 0, 0);
		w->depth--;
		return;
	case AST_FUNC_LIT: {
		/* stored or returned: it runs later, with no lock we know;
		 * an HTTP handler's shape: many at once */
		struct lockset none = { 0 };

		if (wk_handler_lit(w, n))
			wk_func_lit_at(w, n, &none, 1, 0,
				       wk_start_site(w, -1, n, 1, 1));
		else
			wk_func_lit(w, n, &none, 0, 1);
		return;
	}
	case AST_SELECTOR_EXPR: {
		uint32_t recv;
		int fn;

		/* a method value (x.M not called) escapes (a call the first
		 * pass does not record) */
		fn = mode != 2 && w->pass == 2 ? wk_callee_of(w, n, &recv) : -1;
		if (fn >= 0)
			wk_call(w, fn, n, CALL_VALUE, 0);
		wk_expr(w, nd->a, RD);
		return;
	}
	case AST_IDENT: {
		int fn;
		struct local *l;

		if (mode == 2)
			return;
		if ((l = wk_lookup(w, wk_ident(w, n)))) {
			wk_note_capture(w, l);
			return;
		}
		fn = w->pass == 2 ?
		     facts_func_index(w->p, -1, wk_ident(w, n)) : -1;
		if (fn >= 0)
			wk_call(w, fn, n, CALL_VALUE, 0);
		return;
	}
	case AST_UNARY_EXPR: {
		loc_t l;

		if (nd->op == T_ARROW && (l = wk_chan_sem(w, nd->a, 0)) >= 0) {
			/* <-x.sem: the slot given back, an unlock */
			if (w->defer_into)
				ls_lock(w->defer_into, l, LS_EXCL);
			ls_unlock(&w->ls, l);
		} else if (nd->op == T_ARROW)
			wk_add_join(w, n);	/* <-ch: a hand-off, or a join */
		wk_expr(w, nd->a, RD);
		return;
	}
	case AST_COMPOSITE_LIT: {
		struct cb_site cs[8];
		int ncs = 0;

		/* the type is no value; the elements are */
		for (c = 0; c < ast_list_len(w->a, nd->b); c++) {
			param_store(w, n, ast_list(w->a, nd->b)[c]);
			sem_store(w, n, ast_list(w->a, nd->b)[c]);
		}
		for (c = 0; c < ast_list_len(w->a, nd->b); c++)
			if (!field_callback(w, n, ast_list(w->a, nd->b)[c],
					    cs, &ncs) &&
			    !hook_store(w, n, ast_list(w->a, nd->b)[c]))
				wk_expr(w, ast_list(w->a, nd->b)[c], RD);
		return;
	}
	case AST_KEY_VALUE_EXPR:
		if (ast_kind(w->a, nd->a) != AST_IDENT)
			wk_expr(w, nd->a, RD);
		wk_expr(w, nd->b, RD);
		return;
	case AST_BINARY_EXPR:	/* the default's order, without the iterator */
	case AST_PAREN_EXPR:
	case AST_STAR_EXPR:
		w->depth++;
		wk_expr(w, nd->a, RD);
		if (nd->kind == AST_BINARY_EXPR)
			wk_expr(w, nd->b, RD);
		w->depth--;
		return;
	case AST_BASIC_LIT:
	case AST_MAP_TYPE:
	case AST_ARRAY_TYPE:
	case AST_CHAN_TYPE:
	case AST_FUNC_TYPE:
	case AST_STRUCT_TYPE:
	case AST_INTERFACE_TYPE:
		return;
	default:
		w->depth++;
		ast_iter_init(&it, w->a, n);
		while ((c = ast_iter_next(&it)))
			wk_expr(w, c, RD);
		w->depth--;
	}
}
