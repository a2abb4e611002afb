/* scope.c - names, scopes and light types inside a function body
 *
 * Owns: identifiers and local scopes of the walk, the light type and the
 * abstract location of an expression (fields through embedding, package
 * variables, aliases of a map, local maps and mutexes), ownership of what
 * a function made, the function a call names, the lock an expression
 * names, and which calls run their function argument concurrently or do
 * not return.  Not: flow (walk.c), calls and records (calls.c,
 * calls_record.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/walk_int.h"
#include "util/re.h"
#include "util/util.h"

/* The name id of keyword literal s, interned once per package and kept by
 * the literal's address (callers pass string literals). */
static inline int kw_id(struct pkg *p, const char *s)
{
	/* literals lie bytes apart: a multiplicative hash spreads them */
	size_t h = (size_t)(((uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ULL) >>
			    57) & (KW_SLOTS - 1);

	while (p->kw_key[h] && p->kw_key[h] != s)
		h = (h + 1) & (KW_SLOTS - 1);
	if (!p->kw_key[h]) {
		p->kw_key[h] = s;
		p->kw_val[h] = names_id(&p->nm, s, strlen(s));
	}
	return p->kw_val[h];
}

int wk_id_is(const struct walker *w, uint32_t n, const char *s)
{
	int id;

	if (!n || ast_kind(w->a, n) != AST_IDENT)
		return 0;
	id = facts_ident(w->p, w->file, n);
	return id == kw_id(w->p, s);
}

void wk_push_local(struct walker *w, struct local *l)
{
	struct pkg *p = w->p;
	size_t name = (size_t)l->name;

	if (name >= p->nlocal_of) {	/* zeroed: no local of later names */
		size_t n = p->nlocal_of ? p->nlocal_of : 256;

		while (n <= name)
			n *= 2;
		p->local_of = xrealloc(p->local_of, n * sizeof(*p->local_of));
		memset(p->local_of + p->nlocal_of, 0,
		       (n - p->nlocal_of) * sizeof(*p->local_of));
		p->nlocal_of = n;
	}
	l->shadows = p->local_of[name];
	p->local_of[name] = (uint32_t)(l - w->locals.v) + 1;
}

void wk_pop_locals(struct walker *w, size_t n)
{
	while (w->locals.n > n) {
		const struct local *l = &w->locals.v[--w->locals.n];

		if (l->name >= 0)
			w->p->local_of[l->name] = l->shadows;
	}
}

struct local *wk_declare(struct walker *w, uint32_t id_node, struct ty ty)
{
	struct local *l;
	int name = wk_ident(w, id_node);

	if (name < 0)
		return NULL;
	l = VEC_PUSH(w->locals);
	l->name = name;
	wk_push_local(w, l);
	l->ty = ty;
	l->alias = -1;
	l->hooks = -1;
	l->param = -1;
	l->from_param = -1;
	l->loop = (uint8_t)(w->loops < 255 ? w->loops : 255);
	return l;
}

int wk_pvar_index(const struct walker *w, int name)
{
	return facts_var_index(w->p, name);
}

/* The base identifier of a selector/index chain, or 0. */
uint32_t wk_chain_base(const struct walker *w, uint32_t n)
{
	int d;

	for (d = 0; n && d < 64; d++) {
		const struct ast_node *nd = wk_N(w, n);

		switch (nd->kind) {
		case AST_IDENT:
			return n;
		case AST_SELECTOR_EXPR:
		case AST_INDEX_EXPR:
		case AST_PAREN_EXPR:
		case AST_STAR_EXPR:
			n = nd->a;
			continue;
		default:
			return 0;
		}
	}
	return 0;
}

struct ty wk_unknown(void)
{
	struct ty t = { TY_UNKNOWN, 0, -1 };

	return t;
}

/* The declared type of the first result of function fn. */
struct ty wk_result_type(struct walker *w, int fn)
{
	const struct func *f = &w->p->funcs.v[fn];
	const struct ast *a = w->p->files[f->file].ast;
	const struct ast_node *ft = ast_node(a, ast_node(a, f->node)->c);
	const struct ast_node *res;

	if (!ft->c)
		return wk_unknown();
	res = ast_node(a, ft->c);
	if (!ast_list_len(a, res->a))
		return wk_unknown();
	return facts_type_expr(w->p, f->file,
			       ast_node(a, ast_list(a, res->a)[0])->b);
}

/* The function a call's fun expression names in this package, or -1;
 * *recv_node: the receiver expression of a method call. */
int wk_callee_of(struct walker *w, uint32_t fun, uint32_t *recv_node)
{
	const struct ast_node *nd = wk_N(w, fun);

	*recv_node = 0;
	while (nd->kind == AST_PAREN_EXPR || nd->kind == AST_INDEX_EXPR ||
	       nd->kind == AST_INDEX_LIST_EXPR) {
		fun = nd->a;	/* (f)(x), f[T](x) */
		nd = wk_N(w, fun);
	}
	if (nd->kind == AST_IDENT) {
		int name = wk_ident(w, fun);

		if (wk_lookup(w, name))
			return -1;
		return facts_func_index(w->p, -1, name);
	}
	if (nd->kind == AST_SELECTOR_EXPR) {
		struct ty t0 = wk_type_of(w, nd->a), t = facts_under(w->p, t0);
		int m;

		/* a method of a named non-struct type: tags.Add() */
		if (t0.kind == TY_NAMED && t.kind != TY_NAMED &&
		    (m = facts_method(w->p, t0.named, wk_ident(w, nd->b))) >= 0) {
			*recv_node = nd->a;
			return m;
		}
		if (t.kind != TY_NAMED)
			return -1;
		*recv_node = nd->a;
		return facts_method(w->p, t.named, wk_ident(w, nd->b));
	}
	return -1;
}

/* The type of m[k] for a map type m. */
struct ty wk_map_elem(struct ty m)
{
	struct ty t = wk_unknown();

	if (m.kind != TY_MAP)
		return t;
	if (m.depth) {
		t = m;
		t.depth--;
	} else if (m.named >= 0) {
		t.kind = TY_NAMED;
		t.named = m.named;
	}
	return t;
}

struct ty wk_type_of(struct walker *w, uint32_t n)
{
	const struct ast_node *nd;
	struct ty t = wk_unknown();
	struct local *l;
	int d, i;

	for (d = 0; n && d < 64; d++) {
		nd = wk_N(w, n);
		switch (nd->kind) {
		case AST_IDENT:
			if ((l = wk_lookup(w, wk_ident(w, n))))
				return l->ty;
			if ((i = wk_pvar_index(w, wk_ident(w, n))) >= 0)
				return w->p->vars.v[i].ty;
			return t;
		case AST_PAREN_EXPR:
		case AST_STAR_EXPR:
			n = nd->a;
			continue;
		case AST_UNARY_EXPR:
			if (nd->op != T_AND)
				return t;
			n = nd->a;
			continue;
		case AST_SELECTOR_EXPR: {
			struct ty x = facts_under(w->p, wk_type_of(w, nd->a));
			int f;

			if (x.kind != TY_NAMED)
				return t;
			f = facts_field(w->p, x.named, wk_ident(w, nd->b));
			return f >= 0 ? w->p->fields.v[f].ty : t;
		}
		case AST_INDEX_EXPR: {
			struct ty x = facts_under(w->p, wk_type_of(w, nd->a));

			return wk_map_elem(x);
		}
		case AST_COMPOSITE_LIT:
			return facts_type_expr(w->p, w->file, nd->a);
		case AST_TYPE_ASSERT_EXPR:
			return nd->b ? facts_type_expr(w->p, w->file, nd->b) : t;
		case AST_CALL_EXPR: {
			uint32_t recv;
			int fn;

			if ((wk_kw_class(w, nd->a) & (KC_MAKE | KC_NEW)) &&
			    ast_list_len(w->a, nd->b))
				return facts_type_expr(w->p, w->file,
					ast_list(w->a, nd->b)[0]);
			fn = wk_callee_of(w, nd->a, &recv);
			if (fn >= 0)
				return wk_result_type(w, fn);
			/* a conversion T(x) */
			return facts_type_expr(w->p, w->file, nd->a);
		}
		default:
			return t;
		}
	}
	return t;
}

/* The abstract location expression n denotes (a field or a package
 * variable, or what a local aliases), or -1. */
loc_t wk_hook_field(struct walker *w, uint32_t x)
{
	const struct ast_node *nd = wk_N(w, x);
	struct local *l;
	loc_t f;
	size_t i;

	if (nd->kind == AST_IDENT)
		return (l = wk_lookup(w, wk_ident(w, x))) ? l->hooks : -1;
	if (nd->kind == AST_INDEX_EXPR)
		nd = wk_N(w, x = nd->a);
	if (nd->kind != AST_SELECTOR_EXPR || !w->p->hooks.n)
		return -1;
	f = wk_loc_of(w, x);
	for (i = 0; f >= 0 && (size_t)f < w->p->fields.n && i < w->p->hooks.n; i++)
		if (w->p->hooks.v[i].field == f)
			return f;
	return -1;
}

loc_t wk_loc_of(struct walker *w, uint32_t n)
{
	const struct ast_node *nd;
	struct local *l;
	int d, i;

	for (d = 0; n && d < 64; d++) {
		nd = wk_N(w, n);
		switch (nd->kind) {
		case AST_IDENT:
			if ((l = wk_lookup(w, wk_ident(w, n))))
				return l->alias;
			if ((i = wk_pvar_index(w, wk_ident(w, n))) >= 0)
				return (loc_t)(w->p->fields.n + (size_t)i);
			return -1;
		case AST_PAREN_EXPR:
			n = nd->a;
			continue;
		case AST_INDEX_EXPR: {
			/* m[k] of a map of maps: the inner maps are the
			 * outer's location (one abstract map, as instances
			 * of a field are) */
			struct ty x = facts_under(w->p, wk_type_of(w, nd->a));

			if (x.kind != TY_MAP || !x.depth)
				return -1;
			n = nd->a;
			continue;
		}
		case AST_SELECTOR_EXPR: {
			struct ty x = facts_under(w->p, wk_type_of(w, nd->a));

			if (x.kind != TY_NAMED)
				return -1;
			return facts_field(w->p, x.named, wk_ident(w, nd->b));
		}
		case AST_CALL_EXPR: {	/* s.Items(): a getter's map */
			uint32_t recv;
			int fn = wk_callee_of(w, nd->a, &recv);

			return fn >= 0 && w->p->funcs.v[fn].returns_loc >= 0
			       ? w->p->funcs.v[fn].returns_loc : -1;
		}
		default:
			return -1;
		}
	}
	return -1;
}

/* The map location of n, when n is a map. */
loc_t wk_map_loc(struct walker *w, uint32_t n)
{
	loc_t l = wk_loc_of(w, n);

	if (l < 0)
		return -1;
	if (facts_under(w->p, wk_type_of(w, n)).kind != TY_MAP)
		return -1;
	return l;
}

/* Is n, out.f, a map this function made and stored in a field of out, its
 * own copy of a struct (out := *in; out.f = make(...)): nobody else can
 * reach it until out is handed on? */
int wk_owned_field(struct walker *w, uint32_t n, loc_t l)
{
	const struct ast_node *s = wk_N(w, n);
	struct local *v;

	if (l < 0 || s->kind != AST_SELECTOR_EXPR ||
	    wk_N(w, s->a)->kind != AST_IDENT ||
	    !(v = wk_lookup(w, wk_ident(w, s->a))) || v->own_field != l + 1)
		return 0;
	/* captured by a goroutine, or by a callback run later */
	if ((w->in_go && (size_t)(v - w->locals.v) < w->go_base) ||
	    (w->later && (size_t)(v - w->locals.v) < w->later_base))
		return 0;
	return 1;
}

/* Is the object at the base of chain n one this function made? */
int wk_owned(struct walker *w, uint32_t n)
{
	uint32_t b = wk_chain_base(w, n);
	struct local *l = b ? wk_lookup(w, wk_ident(w, b)) : NULL;

	/* captured by a goroutine: shared from now on */
	if (l && w->in_go && (size_t)(l - w->locals.v) < w->go_base)
		l->fresh = 0;
	/* a stored callback runs when the object may be shared */
	if (l && w->later && (size_t)(l - w->locals.v) < w->later_base)
		return 0;
	return l && l->fresh;
}

int wk_is_recv(struct walker *w, uint32_t n)
{
	uint32_t b = wk_chain_base(w, n);

	return b && w->f->recv_name >= 0 && wk_ident(w, b) == w->f->recv_name &&
	       wk_lookup(w, w->f->recv_name) == &w->locals.v[0];
}

/* A value reached from a package variable: registry[k], cfg.items, a
 * local that holds one, or a call that returns one (l.find(name)). */
int wk_global_value(struct walker *w, uint32_t v)
{
	const struct ast_node *nd;
	struct local *l;
	int d;

	for (d = 0; v && d < 32; d++) {
		nd = wk_N(w, v);
		switch (nd->kind) {
		case AST_IDENT:
			if ((l = wk_lookup(w, wk_ident(w, v))))
				return l->global;
			return wk_pvar_index(w, wk_ident(w, v)) >= 0;
		case AST_PAREN_EXPR:
		case AST_STAR_EXPR:
		case AST_SELECTOR_EXPR:
		case AST_INDEX_EXPR:
			v = nd->a;
			continue;
		case AST_UNARY_EXPR:
			if (nd->op != T_AND)
				return 0;
			v = nd->a;
			continue;
		case AST_CALL_EXPR: {
			uint32_t recv;
			int fn = wk_callee_of(w, nd->a, &recv);

			return fn >= 0 && w->p->funcs.v[fn].returns_global;
		}
		default:
			return 0;
		}
	}
	return 0;
}

/* A value reached from the function's receiver: s.pods[k], a local that
 * holds one, s.lister.Get(k) of a method that returns one of its own.
 * Shared with whatever shares the receiver. */
int wk_recv_value(struct walker *w, uint32_t v)
{
	const struct ast_node *nd = wk_N(w, v);
	struct local *l;
	uint32_t recv;
	int fn;

	while (nd->kind == AST_PAREN_EXPR || nd->kind == AST_STAR_EXPR ||
	       (nd->kind == AST_UNARY_EXPR && nd->op == T_AND))
		nd = wk_N(w, v = nd->a);
	if (nd->kind == AST_CALL_EXPR) {
		fn = wk_callee_of(w, nd->a, &recv);
		return fn >= 0 && recv && w->p->funcs.v[fn].returns_recv &&
		       wk_recv_value(w, recv);
	}
	if (wk_is_recv(w, v))
		return 1;
	v = wk_chain_base(w, v);
	return v && (l = wk_lookup(w, wk_ident(w, v))) && l->recv_reach;
}

/* The parameter a value is reached from (p, p.f, p.Get(k), ctx.Value(k)
 * of a parameter of a type we cannot see, a local holding one, a
 * function of ours that returns what its parameter reaches), or -1. */
int wk_param_value(struct walker *w, uint32_t v)
{
	const struct ast_node *nd;
	struct local *l;
	uint32_t recv;
	int d, fn;

	for (d = 0; v && d < 16; d++) {
		nd = wk_N(w, v);
		switch (nd->kind) {
		case AST_IDENT:
			if (!(l = wk_lookup(w, wk_ident(w, v))))
				return -1;
			return l->param >= 0 && l->param < 8 ? l->param
							      : l->from_param;
		case AST_PAREN_EXPR:
		case AST_STAR_EXPR:
		case AST_SELECTOR_EXPR:
		case AST_INDEX_EXPR:
		case AST_TYPE_ASSERT_EXPR:
			v = nd->a;
			continue;
		case AST_CALL_EXPR:
			fn = wk_callee_of(w, nd->a, &recv);
			if (fn >= 0 && w->p->funcs.v[fn].returns_param &&
			    (uint32_t)w->p->funcs.v[fn].returns_param <=
			    ast_list_len(w->a, nd->b)) {
				v = ast_list(w->a, nd->b)[w->p->funcs.v[fn].returns_param - 1];
				continue;
			}
			if (fn < 0 && wk_N(w, nd->a)->kind == AST_SELECTOR_EXPR &&
			    wk_type_of(w, wk_N(w, nd->a)->a).kind == TY_UNKNOWN) {
				v = wk_N(w, nd->a)->a;	/* ctx.Value(k) */
				continue;
			}
			return -1;
		default:
			return -1;
		}
	}
	return -1;
}

/* pool.Get() on a package variable or a field that is a sync.Pool: the
 * object is the caller's alone (the pool hands each one to a single Get). */
static int pool_get(struct walker *w, uint32_t call)
{
	const struct ast_node *c = wk_N(w, call), *sel;
	loc_t l;
	int v;

	if (c->kind != AST_CALL_EXPR || ast_list_len(w->a, c->b))
		return 0;
	sel = wk_N(w, c->a);
	if (sel->kind != AST_SELECTOR_EXPR || !wk_id_is(w, sel->b, "Get"))
		return 0;
	if (wk_N(w, sel->a)->kind == AST_SELECTOR_EXPR) {
		l = wk_loc_of(w, sel->a);	/* e.ctxPool.Get() */
		return l >= 0 && (size_t)l < w->p->fields.n &&
		       w->p->fields.v[l].pool;
	}
	if (wk_N(w, sel->a)->kind != AST_IDENT ||
	    wk_lookup(w, wk_ident(w, sel->a)))
		return 0;
	v = wk_pvar_index(w, wk_ident(w, sel->a));
	return v >= 0 && w->p->vars.v[v].pool;
}

/* Is v pool.Get().(*T) (pool_get())? */
int wk_pool_value(struct walker *w, uint32_t v)
{
	const struct ast_node *nd = wk_N(w, v);

	return nd->kind == AST_TYPE_ASSERT_EXPR && pool_get(w, nd->a);
}

/* A value that is a new object: T{}, &T{}, new(T), make(...), NewX(),
 * pool.Get().(*T). */
int wk_fresh_value(struct walker *w, uint32_t v)
{
	const struct ast_node *nd = wk_N(w, v);

	if (nd->kind == AST_UNARY_EXPR && nd->op == T_AND)
		nd = wk_N(w, nd->a);
	if (nd->kind == AST_COMPOSITE_LIT)
		return 1;
	if (nd->kind == AST_TYPE_ASSERT_EXPR && pool_get(w, nd->a))
		return 1;
	if (nd->kind == AST_CALL_EXPR) {
		size_t len;
		const char *s;

		uint32_t recv;
		int fn;

		if (wk_kw_class(w, nd->a) & (KC_MAKE | KC_NEW))
			return 1;
		fn = wk_callee_of(w, nd->a, &recv);
		if (fn >= 0 && w->p->funcs.v[fn].returns_fresh)
			return 1;
		if (ast_kind(w->a, nd->a) == AST_IDENT) {
			s = ast_ident(w->a, nd->a, &len);
			return len > 3 && (!memcmp(s, "New", 3) ||
					   !memcmp(s, "new", 3));
		}
	}
	return 0;
}

/* g.Mu or g (g a local or parameter of a type we cannot see), or imp.Mu
 * (imp an import): the lock as FOREIGN_LOCK(i), interned per function
 * (per package for an import's variable); -1 for any other shape. */
static loc_t foreign_lock(struct walker *w, uint32_t x)
{
	const struct ast_node *nd = wk_N(w, x);
	struct flock k = { -1, -1, -1 };
	size_t i;

	if (nd->kind == AST_SELECTOR_EXPR && wk_N(w, nd->a)->kind == AST_IDENT) {
		k.base = wk_ident(w, nd->a);
		k.field = wk_ident(w, nd->b);
		if (wk_lookup(w, k.base))
			k.fn = w->fn;
		else if (!facts_is_import(w->p, k.base))
			return -1;
	} else if (nd->kind == AST_IDENT && wk_lookup(w, wk_ident(w, x))) {
		k.base = wk_ident(w, x);
		k.fn = w->fn;
	} else {
		return -1;
	}
	if (k.base < 0 || (k.fn >= 0 && wk_type_of(w, k.field >= 0 ? nd->a
							    : x).kind !=
			   TY_UNKNOWN))
		return -1;	/* a type of ours: its field is no lock */
	for (i = w->p->flocks.n; i-- > 0;)
		if (w->p->flocks.v[i].fn == k.fn &&
		    w->p->flocks.v[i].base == k.base &&
		    w->p->flocks.v[i].field == k.field)
			return FOREIGN_LOCK(i);
	if (w->p->flocks.n >= 0xffff)
		return -1;
	*VEC_PUSH(w->p->flocks) = k;
	return FOREIGN_LOCK(w->p->flocks.n - 1);
}

/* The lock location of x in x.Lock(): a mutex field or variable, or the
 * mutex embedded in x's type; -1 if unknown. */
loc_t wk_lock_loc(struct walker *w, uint32_t x)
{
	loc_t l;
	struct ty t;

	if (wk_N(w, x)->kind == AST_UNARY_EXPR && wk_N(w, x)->op == T_AND)
		x = wk_N(w, x)->a;	/* f(&mu) */
	l = wk_loc_of(w, x);
	t = wk_type_of(w, x);

	if (l < 0 && wk_N(w, x)->kind == AST_IDENT &&	/* a lock parameter:
							 * mu *sync.Mutex,
							 * lk sync.Locker */
	    facts_under(w->p, t).kind != TY_NAMED) {
		struct local *pl = wk_lookup(w, wk_ident(w, x));

		if (pl && pl->param >= 0 && pl->param < 4)
			return PARAM_LOCK(pl->param);
	}
	if (t.kind == TY_MUTEX || t.kind == TY_RWMUTEX)
		return l;
	/* a field or variable of a type that is not ours and has Lock and
	 * Unlock: another package's mutex (syncs.Mutex, deadlock.RWMutex) */
	if (l >= 0 && t.kind == TY_UNKNOWN)
		return l;
	t = facts_under(w->p, t);
	if (t.kind == TY_NAMED)
		return facts_embedded_mutex(w->p, t.named);
	return l < 0 ? foreign_lock(w, x) : -1;
}

/* The lists a call's name is looked up in, by name id: each name interned
 * once per package, so one array read says which list holds it. */
static const struct {
	const char *name;
	uint16_t k;
} kw_classes[] = {
	/* APIs that run a function argument concurrently, by the method's
	 * name: many instances at once for HTTP handlers */
	{ "Go", KC_ASYNC }, { "AfterFunc", KC_ASYNC },
	{ "HandleFunc", KC_ASYNC_MANY }, { "Handle", KC_ASYNC_MANY },
	{ "HandlerFunc", KC_ASYNC_MANY }, { "Submit", KC_ASYNC },
	{ "Subscribe", KC_ASYNC }, { "TryGo", KC_ASYNC },
	/* x.Name() does not return: os.Exit, log.Fatal*, t.Fatal* */
	{ "Exit", KC_NO_RETURN }, { "Fatal", KC_NO_RETURN },
	{ "Fatalf", KC_NO_RETURN }, { "Fatalln", KC_NO_RETURN },
	{ "Panic", KC_NO_RETURN }, { "Panicf", KC_NO_RETURN },
	{ "FailNow", KC_NO_RETURN }, { "Skip", KC_NO_RETURN },
	{ "Skipf", KC_NO_RETURN }, { "SkipNow", KC_NO_RETURN },
	{ "Goexit", KC_NO_RETURN },
	{ "Lock", KC_LOCK }, { "RLock", KC_RLOCK }, { "Unlock", KC_UNLOCK },
	{ "RUnlock", KC_UNLOCK },
	/* builtins (unless a local shadows them) and x.Do() of sync.Once */
	{ "delete", KC_DELETE }, { "clear", KC_CLEAR }, { "close", KC_CLOSE },
	{ "len", KC_LEN }, { "make", KC_MAKE }, { "new", KC_NEW },
	{ "panic", KC_PANIC }, { "Do", KC_DO },
	/* a weight-1 semaphore.Weighted: Acquire(ctx, 1), Release(1) */
	{ "Acquire", KC_ACQUIRE }, { "Release", KC_RELEASE },
};

/* The table, once per package (out of line: the lookup below is inlined
 * at every call's name) */
static void kw_class_init(struct pkg *p)
{
	size_t i, n = sizeof(kw_classes) / sizeof(kw_classes[0]);

	for (i = 0; i < n; i++)
		kw_id(p, kw_classes[i].name);
	p->nkw_class = p->nm.n;
	p->kw_class = xcalloc(p->nkw_class, sizeof(*p->kw_class));
	for (i = 0; i < n; i++)
		p->kw_class[kw_id(p, kw_classes[i].name)] |= kw_classes[i].k;
}

static inline int kw_class(struct pkg *p, int id)
{
	if (!p->kw_class)
		kw_class_init(p);
	return id >= 0 && (size_t)id < p->nkw_class ? p->kw_class[id] : 0;
}

int wk_kw_class(struct walker *w, uint32_t n)
{
	return n ? kw_class(w->p, wk_ident(w, n)) : 0;
}

/* Is n the integer literal 1? */
static int is_one(struct walker *w, uint32_t n)
{
	const struct ast_node *nd = wk_N(w, n);

	return nd->kind == AST_BASIC_LIT && nd->end == nd->pos + 1 &&
	       w->a->src[nd->pos] == '1';
}

void wk_note_sem(struct walker *w, loc_t field, uint32_t v)
{
	const struct ast_node *c = wk_N(w, v), *fun;
	size_t len;
	const char *s;

	if (w->pass != 1 || field < 0 || (size_t)field >= w->p->fields.n ||
	    c->kind != AST_CALL_EXPR)
		return;
	fun = wk_N(w, c->a);
	/* make(chan T, 1): a channel of one slot, a mutex when used so */
	if (w->p->fields.v[field].ty.kind == TY_CHAN &&
	    (kw_class(w->p, wk_ident(w, c->a)) & KC_MAKE)) {
		if (ast_list_len(w->a, c->b) == 2 &&
		    is_one(w, ast_list(w->a, c->b)[1]))
			w->p->fields.v[field].sem_one = 1;
		else
			w->p->fields.v[field].sem_wide = 1;
		return;
	}
	if (fun->kind != AST_SELECTOR_EXPR ||
	    !(s = ast_ident(w->a, fun->b, &len)) || len != 11 ||
	    memcmp(s, "NewWeighted", 11))
		return;
	if (ast_list_len(w->a, c->b) == 1 && is_one(w, ast_list(w->a, c->b)[0]))
		w->p->fields.v[field].sem_one = 1;
	else
		w->p->fields.v[field].sem_wide = 1;
}

/* x.Acquire(ctx, 1) / x.Release(1) on a field that only ever holds a
 * semaphore.NewWeighted(1): a mutex by another name (second walk, when
 * every constructor was seen) */
static int sem_op(struct walker *w, const struct ast_node *c,
		  const struct ast_node *fun, int k, loc_t *l)
{
	uint32_t n = ast_list_len(w->a, c->b);
	const struct field *f;

	if (w->pass != 2)
		return OP_NONE;
	if (!((k & KC_ACQUIRE) && n == 2 && is_one(w, ast_list(w->a, c->b)[1])) &&
	    !((k & KC_RELEASE) && n == 1 && is_one(w, ast_list(w->a, c->b)[0])))
		return OP_NONE;
	*l = wk_loc_of(w, fun->a);
	if (*l < 0 || (size_t)*l >= w->p->fields.n)
		return OP_NONE;
	f = &w->p->fields.v[*l];
	if (!f->sem_one || f->sem_wide)
		return OP_NONE;
	return k & KC_ACQUIRE ? OP_LOCK : OP_UNLOCK;
}

/* Does the subtree n receive from a channel written as the text s (len
 * bytes): <-d.sem? */
static int receives_text(struct walker *w, uint32_t n, const char *s,
			 size_t len, int depth)
{
	const struct ast_node *nd;
	struct ast_iter it;
	uint32_t c;

	if (!n || depth > 200)
		return 0;
	nd = wk_N(w, n);
	if (nd->kind == AST_UNARY_EXPR && nd->op == T_ARROW) {
		const struct ast_node *x = wk_N(w, nd->a);

		if (x->end - x->pos == len && !memcmp(w->a->src + x->pos, s, len))
			return 1;
	}
	ast_iter_init(&it, w->a, n);
	while ((c = ast_iter_next(&it)))
		if (receives_text(w, c, s, len, depth + 1))
			return 1;
	return 0;
}

/* x.sem <- v (send) or <-x.sem (receive) on a field that only ever holds
 * a channel of one slot, make(chan T, 1) (second walk, when every store
 * was seen): a send that its own function undoes with a receive from the
 * same channel (inline or deferred) takes the slot, a lock; a receive
 * while that lock is held gives it back.  The field, or -1. */
loc_t wk_chan_sem(struct walker *w, uint32_t ch, int send)
{
	const struct ast_node *x = wk_N(w, ch);
	const struct field *f;
	loc_t l;

	if (w->pass != 2 || x->kind != AST_SELECTOR_EXPR ||
	    (l = wk_loc_of(w, ch)) < 0 || (size_t)l >= w->p->fields.n)
		return -1;
	f = &w->p->fields.v[l];
	if (f->ty.kind != TY_CHAN || !f->sem_one || f->sem_wide)
		return -1;
	if (!send)
		return ls_holds(&w->ls, l) >= 0 ? l : -1;
	return receives_text(w, w->p->funcs.v[w->fn].node,
			     w->a->src + x->pos, x->end - x->pos, 0) ? l : -1;
}

/* Is x the call mu.RLocker(), the read side of an RWMutex as a Locker
 * (its Lock is RLock, its Unlock RUnlock)? */
static int rlocker(struct walker *w, uint32_t x)
{
	const struct ast_node *c = wk_N(w, x), *f;
	const char *t;
	size_t len;

	if (c->kind != AST_CALL_EXPR || ast_list_len(w->a, c->b))
		return 0;
	f = wk_N(w, c->a);
	if (f->kind != AST_SELECTOR_EXPR)
		return 0;
	t = ast_ident(w->a, f->b, &len);
	return len == 7 && !memcmp(t, "RLocker", 7);
}

int wk_lock_op(struct walker *w, uint32_t call_node, loc_t *l)
{
	const struct ast_node *c = wk_N(w, call_node), *fun = wk_N(w, c->a);
	int op, k;

	if (c->kind != AST_CALL_EXPR || fun->kind != AST_SELECTOR_EXPR)
		return OP_NONE;
	k = kw_class(w->p, wk_ident(w, fun->b));
	if (k & (KC_ACQUIRE | KC_RELEASE))
		return sem_op(w, c, fun, k, l);
	if (k & KC_LOCK)
		op = OP_LOCK;
	else if (k & KC_RLOCK)
		op = OP_RLOCK;
	else if (k & KC_UNLOCK)
		op = OP_UNLOCK;
	else
		return OP_NONE;
	if (op != OP_RLOCK && rlocker(w, fun->a)) {	/* mu.RLocker().Lock() */
		*l = wk_lock_loc(w, wk_N(w, wk_N(w, fun->a)->a)->a);
		return *l == -1 ? OP_NONE : op == OP_LOCK ? OP_RLOCK : op;
	}
	*l = wk_lock_loc(w, fun->a);
	return *l == -1 ? OP_NONE : op;
}

/* A call's names for the patterns of .mapguard.json: the qualified one
 * ("pkg.Func" through an import, "Type.Method" when the receiver's type is
 * known, "Func" for this package's function) into q, its length returned,
 * and the text as written, blanks removed ("s.pool.Submit"), into raw. */
static size_t call_names(struct walker *w, uint32_t fun, char *q, size_t nq,
			 char *raw, size_t nraw)
{
	const struct ast_node *nd = wk_N(w, fun);
	size_t len, i, o = 0;
	const char *t;

	q[0] = '\0';
	for (i = 0; i < nd->end - nd->pos && o + 1 < nraw; i++) {
		char c = w->a->src[nd->pos + i];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			raw[o++] = c;
	}
	raw[o] = '\0';
	if (nd->kind == AST_IDENT) {
		t = ast_ident(w->a, fun, &len);
		return (size_t)snprintf(q, nq, "%.*s", (int)len, t) < nq
		       ? strlen(q) : 0;
	}
	if (nd->kind == AST_SELECTOR_EXPR) {
		struct ty x = facts_under(w->p, wk_type_of(w, nd->a));
		const char *sel = ast_ident(w->a, nd->b, &len);
		size_t sl = len;

		if (x.kind == TY_NAMED)
			snprintf(q, nq, "%s.%.*s",
				 names_str(&w->p->nm, w->p->types.v[x.named].name),
				 (int)sl, sel);
		else if (wk_N(w, nd->a)->kind == AST_IDENT &&
			 !wk_lookup(w, wk_ident(w, nd->a)) &&
			 facts_is_import(w->p, wk_ident(w, nd->a))) {
			t = ast_ident(w->a, nd->a, &len);
			snprintf(q, nq, "%.*s.%.*s", (int)len, t, (int)sl, sel);
		}
	}
	return strlen(q);
}

/* An API that runs a function argument concurrently: 1, or 2 when many
 * instances run at once (HTTP handlers); 0 if fun is none. */
int wk_async_api(struct walker *w, uint32_t fun)
{
	const struct ast_node *nd = wk_N(w, fun);
	uint32_t name = nd->kind == AST_SELECTOR_EXPR ? nd->b :
			nd->kind == AST_IDENT ? fun : 0;
	const struct scan_opts *o = w->p->o;
	int id, k;

	if (name && (o->concurrent_calls || o->serial_calls)) {
		char q[256], raw[256];
		size_t nq = call_names(w, fun, q, sizeof(q), raw, sizeof(raw));

		/* the project's own APIs (.mapguard.json) win over the
		 * names below: a serializer runs its callbacks one at a
		 * time, in order with each other */
		if (re_set_match(o->serial_calls, q, nq) ||
		    re_set_match(o->serial_calls, raw, strlen(raw)))
			return 0;
		if (re_set_match(o->concurrent_calls, q, nq) ||
		    re_set_match(o->concurrent_calls, raw, strlen(raw)))
			return 2;
	}
	id = name ? wk_ident(w, name) : -1;
	k = kw_class(w->p, id);
	return k & KC_ASYNC_MANY ? 2 : k & KC_ASYNC ? 1 : 0;
}

/* A call that does not return: panic, os.Exit, log.Fatal*, t.Fatal*. */
int wk_no_return(struct walker *w, uint32_t call_node)
{
	const struct ast_node *c = wk_N(w, call_node), *fun;

	if (c->kind != AST_CALL_EXPR)
		return 0;
	fun = wk_N(w, c->a);
	if (fun->kind == AST_IDENT)
		return (wk_kw_class(w, c->a) & KC_PANIC) != 0;
	if (fun->kind == AST_SELECTOR_EXPR)
		return (kw_class(w->p, wk_ident(w, fun->b)) & KC_NO_RETURN) != 0;
	return 0;
}

/* s.m = ... replaced the map: a local that held the old one owns it now
 * (m := s.m; s.m = make(...) under the lock, then m used after) */
void wk_detach(struct walker *w, loc_t l)
{
	size_t i;

	for (i = 0; i < w->locals.n; i++)
		if (w->locals.v[i].alias == l) {
			w->locals.v[i].alias = -1;
			w->locals.v[i].fresh = 1;
		}
}

/* A local map made here (m := make(map...), var m = map...{}) is its own
 * location: owned while only this function's code touches it, shared once
 * a goroutine captures it. */
void wk_local_map(struct walker *w, struct local *l, uint32_t id)
{
	struct lloc *ll;
	int k = facts_under(w->p, l->ty).kind;

	if (w->pass == 1 || l->alias >= 0 || !l->fresh ||
	    (k != TY_MAP && k != TY_MUTEX && k != TY_RWMUTEX))
		return;	/* a local mutex is a location too: a lock to hold */
	ll = VEC_PUSH(w->p->llocs);
	ll->name = l->name;
	ll->fn = w->fn;
	ll->file = w->file;
	ll->node = id;
	ll->go = w->cur_go;
	ll->loops = (uint8_t)(w->loops < 255 ? w->loops : 255);
	l->alias = (loc_t)(w->p->fields.n + w->p->vars.n + w->p->llocs.n - 1);
}

/* A field or package variable of a type we cannot see (another package's
 * named type) used the way only a map is: it is a map from now on, for the
 * whole package (the first pass learns, the second uses it). */
void wk_learn_map(struct walker *w, uint32_t n)
{
	loc_t l = wk_loc_of(w, n);
	struct ty *t;

	if (l < 0 || wk_type_of(w, n).kind != TY_UNKNOWN)
		return;
	if ((size_t)l < w->p->fields.n)
		t = &w->p->fields.v[l].ty;
	else if ((size_t)l < w->p->fields.n + w->p->vars.n)
		t = &w->p->vars.v[(size_t)l - w->p->fields.n].ty;
	else
		return;
	t->kind = TY_MAP;
	t->depth = 0;
	t->named = -1;
}
