/* walk.c - one function body to its summary
 *
 * Owns: the flow-sensitive walk of a function's statements with the lock
 * set held (Lock/RLock/Unlock on fields and package variables, deferred
 * unlocks, lock wrappers through their summaries; if/else, switch and
 * select join by intersection, a branch that returns or panics ends),
 * local scopes with light types (receiver, parameters, := from literals,
 * make, new, &T{}, fields and calls with declared results), aliases of a
 * map location (m := s.items), ownership of objects made here, and the
 * records it leaves: map accesses with their lock set, calls with theirs,
 * the function's lock effects and the locks held where it calls a function
 * parameter.  Function literals: a go statement's runs with no lock, one
 * handed to an API that runs it concurrently likewise, one called in place
 * or handed to an ordinary call runs with the lock set of that point.
 * Not: judging (judge.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util.h"

struct local {
	int name;
	struct ty ty;
	loc_t alias;		/* a map location it refers to, or -1 */
	uint8_t fresh;		/* an object made here, not shared yet */
	uint32_t lit;		/* f := func() {...}: the literal, run where
				 * f is called (or handed on) */
	int8_t param;		/* parameter index, or -1 */
	uint8_t loop;		/* loop nesting where it was declared */
};

struct lit_use {
	uint32_t node;
	int walked;
};

struct walker {
	struct pkg *p;
	const struct ast *a;
	int fn, file, pass;
	struct func *f;		/* borrowed: funcs do not grow during walks */
	VEC(struct local) locals;
	struct lockset ls;
	struct lockset exit;
	int have_exit;
	struct lockset deferred;	/* unlocks deferred to the exit */
	int terminated;		/* this path returned or panicked */
	int breakable;		/* innermost: 1 switch/select, 2 loop */
	VEC(struct lit_use) lits;	/* literals held in locals */
	struct lockset *defer_into;	/* a deferred literal's unlocks go
					 * to its function's deferred set */
	int in_go;		/* inside a goroutine's literal */
	int cur_go;		/* its gosite, or -1 */
	int loops;		/* loop nesting in this function or literal */
	int go_loops;		/* loop nesting where the innermost goroutine's
				 * literal was started */
	int once;		/* inside a literal handed to x.Do() */
	int gate;		/* loop nesting at a select case that receives
				 * (a token): a go there runs one at a time */
	size_t go_base;		/* locals below this were declared outside
				 * the innermost goroutine literal */
	int later;		/* inside a literal that runs later */
	int depth;
};

enum { RD = 0, WR = 1 };

static void stmt(struct walker *w, uint32_t n);
static void expr(struct walker *w, uint32_t n, int mode);
static void block(struct walker *w, uint32_t list);
static struct ty type_of(struct walker *w, uint32_t n);

static const struct ast_node *N(const struct walker *w, uint32_t n)
{
	return ast_node(w->a, n);
}

static int id_is(const struct walker *w, uint32_t n, const char *s)
{
	size_t len;
	const char *t;

	if (!n || ast_kind(w->a, n) != AST_IDENT)
		return 0;
	t = ast_ident(w->a, n, &len);
	return len == strlen(s) && !memcmp(t, s, len);
}

static int ident(struct walker *w, uint32_t n)
{
	return facts_ident(w->p, w->file, n);
}

/* ---- scopes ---- */

static struct local *lookup(struct walker *w, int name)
{
	size_t i;

	if (name < 0)
		return NULL;
	for (i = w->locals.n; i-- > 0;)
		if (w->locals.v[i].name == name)
			return &w->locals.v[i];
	return NULL;
}

static struct local *declare(struct walker *w, uint32_t id_node, struct ty ty)
{
	struct local *l;
	int name = ident(w, id_node);

	if (name < 0)
		return NULL;
	l = VEC_PUSH(w->locals);
	l->name = name;
	l->ty = ty;
	l->alias = -1;
	l->param = -1;
	l->loop = (uint8_t)(w->loops < 255 ? w->loops : 255);
	return l;
}

static int pvar_index(const struct walker *w, int name)
{
	return facts_var_index(w->p, name);
}

/* The base identifier of a selector/index chain, or 0. */
static uint32_t chain_base(const struct walker *w, uint32_t n)
{
	int d;

	for (d = 0; n && d < 64; d++) {
		const struct ast_node *nd = N(w, n);

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

/* ---- types and locations of expressions ---- */

static struct ty unknown(void)
{
	struct ty t = { TY_UNKNOWN, 0, -1 };

	return t;
}

/* The declared type of the first result of function fn. */
static struct ty result_type(struct walker *w, int fn)
{
	const struct func *f = &w->p->funcs.v[fn];
	const struct ast *a = w->p->files[f->file].ast;
	const struct ast_node *ft = ast_node(a, ast_node(a, f->node)->c);
	const struct ast_node *res;

	if (!ft->c)
		return unknown();
	res = ast_node(a, ft->c);
	if (!ast_list_len(a, res->a))
		return unknown();
	return facts_type_expr(w->p, f->file,
			       ast_node(a, ast_list(a, res->a)[0])->b);
}

/* The function a call's fun expression names in this package, or -1;
 * *recv_node: the receiver expression of a method call. */
static int callee_of(struct walker *w, uint32_t fun, uint32_t *recv_node)
{
	const struct ast_node *nd = N(w, fun);

	*recv_node = 0;
	while (nd->kind == AST_PAREN_EXPR || nd->kind == AST_INDEX_EXPR ||
	       nd->kind == AST_INDEX_LIST_EXPR) {
		fun = nd->a;	/* (f)(x), f[T](x) */
		nd = N(w, fun);
	}
	if (nd->kind == AST_IDENT) {
		int name = ident(w, fun);

		if (lookup(w, name))
			return -1;
		return facts_func_index(w->p, -1, name);
	}
	if (nd->kind == AST_SELECTOR_EXPR) {
		struct ty t = facts_under(w->p, type_of(w, nd->a));

		if (t.kind != TY_NAMED)
			return -1;
		*recv_node = nd->a;
		return facts_method(w->p, t.named, ident(w, nd->b));
	}
	return -1;
}

/* The type of m[k] for a map type m. */
static struct ty map_elem(struct ty m)
{
	struct ty t = unknown();

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

static struct ty type_of(struct walker *w, uint32_t n)
{
	const struct ast_node *nd;
	struct ty t = unknown();
	struct local *l;
	int d, i;

	for (d = 0; n && d < 64; d++) {
		nd = N(w, n);
		switch (nd->kind) {
		case AST_IDENT:
			if ((l = lookup(w, ident(w, n))))
				return l->ty;
			if ((i = pvar_index(w, ident(w, n))) >= 0)
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
			struct ty x = facts_under(w->p, type_of(w, nd->a));
			int f;

			if (x.kind != TY_NAMED)
				return t;
			f = facts_field(w->p, x.named, ident(w, nd->b));
			return f >= 0 ? w->p->fields.v[f].ty : t;
		}
		case AST_INDEX_EXPR: {
			struct ty x = facts_under(w->p, type_of(w, nd->a));

			return map_elem(x);
		}
		case AST_COMPOSITE_LIT:
			return facts_type_expr(w->p, w->file, nd->a);
		case AST_TYPE_ASSERT_EXPR:
			return nd->b ? facts_type_expr(w->p, w->file, nd->b) : t;
		case AST_CALL_EXPR: {
			uint32_t recv;
			int fn;

			if ((id_is(w, nd->a, "make") || id_is(w, nd->a, "new")) &&
			    ast_list_len(w->a, nd->b))
				return facts_type_expr(w->p, w->file,
					ast_list(w->a, nd->b)[0]);
			fn = callee_of(w, nd->a, &recv);
			if (fn >= 0)
				return result_type(w, fn);
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
static loc_t loc_of(struct walker *w, uint32_t n)
{
	const struct ast_node *nd;
	struct local *l;
	int d, i;

	for (d = 0; n && d < 64; d++) {
		nd = N(w, n);
		switch (nd->kind) {
		case AST_IDENT:
			if ((l = lookup(w, ident(w, n))))
				return l->alias;
			if ((i = pvar_index(w, ident(w, n))) >= 0)
				return (loc_t)(w->p->fields.n + (size_t)i);
			return -1;
		case AST_PAREN_EXPR:
			n = nd->a;
			continue;
		case AST_SELECTOR_EXPR: {
			struct ty x = facts_under(w->p, type_of(w, nd->a));

			if (x.kind != TY_NAMED)
				return -1;
			return facts_field(w->p, x.named, ident(w, nd->b));
		}
		default:
			return -1;
		}
	}
	return -1;
}

/* The map location of n, when n is a map. */
static loc_t map_loc(struct walker *w, uint32_t n)
{
	loc_t l = loc_of(w, n);

	if (l < 0)
		return -1;
	if (facts_under(w->p, type_of(w, n)).kind != TY_MAP)
		return -1;
	return l;
}

/* Is the object at the base of chain n one this function made? */
static int owned(struct walker *w, uint32_t n)
{
	uint32_t b = chain_base(w, n);
	struct local *l = b ? lookup(w, ident(w, b)) : NULL;

	/* captured by a goroutine: shared from now on */
	if (l && w->in_go && (size_t)(l - w->locals.v) < w->go_base)
		l->fresh = 0;
	return l && l->fresh;
}

static int is_recv(struct walker *w, uint32_t n)
{
	uint32_t b = chain_base(w, n);

	return b && w->f->recv_name >= 0 && ident(w, b) == w->f->recv_name &&
	       lookup(w, w->f->recv_name) == &w->locals.v[0];
}

/* A value that is a new object: T{}, &T{}, new(T), make(...), NewX(). */
static int fresh_value(struct walker *w, uint32_t v)
{
	const struct ast_node *nd = N(w, v);

	if (nd->kind == AST_UNARY_EXPR && nd->op == T_AND)
		nd = N(w, nd->a);
	if (nd->kind == AST_COMPOSITE_LIT)
		return 1;
	if (nd->kind == AST_CALL_EXPR) {
		size_t len;
		const char *s;

		uint32_t recv;
		int fn;

		if (id_is(w, nd->a, "make") || id_is(w, nd->a, "new"))
			return 1;
		fn = callee_of(w, nd->a, &recv);
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

/* ---- records ---- */

static void access(struct walker *w, uint32_t n, loc_t l, int flags)
{
	struct access *ac;

	if (w->pass == 1 || l < 0 || owned(w, n))
		return;
	ac = VEC_PUSH(w->p->acc);
	ac->loc = l;
	ac->flags = (uint16_t)(flags | (w->in_go ? AC_IN_GO : 0) |
			       (w->once ? AC_ONCE : 0) |
			       (w->later ? AC_LATER : 0) |
			       (is_recv(w, n) ? AC_RECV : 0));
	ac->file = (uint16_t)w->file;
	ac->node = n;
	ac->ls = w->ls;
	ac->fn = w->fn;
	ac->go = w->cur_go;
	ac->param = -1;
	{
		uint32_t b = chain_base(w, n);
		struct local *pl = b ? lookup(w, ident(w, b)) : NULL;

		if (pl && pl->param >= 0 && pl->param < 8)
			ac->param = pl->param;
		if (pl && w->in_go && (size_t)(pl - w->locals.v) < w->go_base &&
		    !(w->go_loops > 0 && pl->loop >= w->go_loops))
			ac->flags |= AC_CAPTURED;	/* not per iteration */
	}
}

/* A fresh object handed to a goroutine, to another function or into
 * another object is shared from here on. */
static void escape(struct walker *w, uint32_t n)
{
	const struct ast_node *nd = N(w, n);
	struct local *l;

	if (nd->kind == AST_UNARY_EXPR && nd->op == T_AND)
		nd = N(w, n = nd->a);
	if (nd->kind == AST_PAREN_EXPR)
		return escape(w, nd->a);
	if (nd->kind == AST_IDENT && (l = lookup(w, ident(w, n))))
		l->fresh = 0;
}

static struct call *call(struct walker *w, int callee, uint32_t node,
			 int flags, uint32_t recv)
{
	struct call *c;

	if (recv && (flags & CALL_GO))
		escape(w, recv);
	if (w->pass == 1 || callee < 0)
		return NULL;
	if (recv && owned(w, recv))
		flags |= CALL_FRESH_RECV;
	else if (recv && is_recv(w, recv) && N(w, recv)->kind == AST_IDENT)
		flags |= CALL_RECV_SELF;
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
	if (recv && chain_base(w, recv)) {
		struct local *rl = lookup(w, ident(w, chain_base(w, recv)));

		if (rl && rl->param >= 0 && rl->param < 8 &&
		    N(w, recv)->kind == AST_IDENT)
			c->recv_param = rl->param;
		if (rl && w->in_go && (size_t)(rl - w->locals.v) < w->go_base)
			c->flags |= CALL_CAPTURED_RECV;
	}
	return c;
}

/* A new place where code starts to run concurrently (second pass only):
 * its index, or -1. */
static int start_site(struct walker *w, int target, uint32_t node,
		      int callback, int many)
{
	struct gosite *g;

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
	return (int)w->p->gos.n - 1;
}

static void add_join(struct walker *w, uint32_t n)
{
	struct join *j;

	if (w->pass == 1)
		return;
	j = VEC_PUSH(w->p->joins);
	j->fn = w->fn;
	j->off = N(w, n)->pos;
}

/* ---- locks ---- */

/* The lock location of x in x.Lock(): a mutex field or variable, or the
 * mutex embedded in x's type; -1 if unknown. */
static loc_t lock_loc(struct walker *w, uint32_t x)
{
	loc_t l = loc_of(w, x);
	struct ty t = type_of(w, x);

	if (t.kind == TY_MUTEX || t.kind == TY_RWMUTEX)
		return l;
	/* a field or variable of a type that is not ours and has Lock and
	 * Unlock: another package's mutex (syncs.Mutex, deadlock.RWMutex) */
	if (l >= 0 && t.kind == TY_UNKNOWN)
		return l;
	t = facts_under(w->p, t);
	if (t.kind == TY_NAMED)
		return facts_embedded_mutex(w->p, t.named);
	if (N(w, x)->kind == AST_IDENT) {	/* a sync.Locker parameter */
		struct local *pl = lookup(w, ident(w, x));

		if (pl && pl->param >= 0 && pl->param < 4)
			return PARAM_LOCK(pl->param);
	}
	return -1;
}

enum { OP_NONE, OP_LOCK, OP_RLOCK, OP_UNLOCK };

static int lock_op(struct walker *w, uint32_t call_node, loc_t *l)
{
	const struct ast_node *c = N(w, call_node), *fun = N(w, c->a);
	int op;

	if (c->kind != AST_CALL_EXPR || fun->kind != AST_SELECTOR_EXPR)
		return OP_NONE;
	if (id_is(w, fun->b, "Lock"))
		op = OP_LOCK;
	else if (id_is(w, fun->b, "RLock"))
		op = OP_RLOCK;
	else if (id_is(w, fun->b, "Unlock") || id_is(w, fun->b, "RUnlock"))
		op = OP_UNLOCK;
	else
		return OP_NONE;
	*l = lock_loc(w, fun->a);
	return *l == -1 ? OP_NONE : op;
}

/* APIs that run a function argument concurrently, by the method's name:
 * 1, or 2 when many instances run at once (HTTP handlers) */
static int async_api(struct walker *w, uint32_t fun)
{
	static const char *const names[] = {
		"Go", "AfterFunc", "HandleFunc", "Handle", "HandlerFunc",
		"Submit", "Subscribe", "TryGo", NULL
	};
	const struct ast_node *nd = N(w, fun);
	uint32_t name = nd->kind == AST_SELECTOR_EXPR ? nd->b :
			nd->kind == AST_IDENT ? fun : 0;
	int i;

	for (i = 0; name && names[i]; i++)
		if (id_is(w, name, names[i]))
			return i >= 2 && i <= 4 ? 2 : 1;	/* handlers: many */
	return 0;
}

/* A call that does not return: panic, os.Exit, log.Fatal*, t.Fatal*. */
static int no_return(struct walker *w, uint32_t call_node)
{
	const struct ast_node *c = N(w, call_node), *fun;

	if (c->kind != AST_CALL_EXPR)
		return 0;
	fun = N(w, c->a);
	if (fun->kind == AST_IDENT)
		return id_is(w, c->a, "panic");
	if (fun->kind == AST_SELECTOR_EXPR)
		return id_is(w, fun->b, "Exit") || id_is(w, fun->b, "Fatal") ||
		       id_is(w, fun->b, "Fatalf") || id_is(w, fun->b, "Fatalln") ||
		       id_is(w, fun->b, "Panic") || id_is(w, fun->b, "Panicf") ||
		       id_is(w, fun->b, "FailNow") || id_is(w, fun->b, "Skip") ||
		       id_is(w, fun->b, "Skipf") || id_is(w, fun->b, "SkipNow") ||
		       id_is(w, fun->b, "Goexit");
	return 0;
}

/* ---- function literals ---- */

static void params(struct walker *w, uint32_t ftype, int top)
{
	const struct ast_node *ft = N(w, ftype);
	const struct ast_node *pl;
	uint32_t i, j, n;
	int idx = 0;

	if (!ft->b)
		return;
	pl = N(w, ft->b);
	n = ast_list_len(w->a, pl->a);
	for (i = 0; i < n; i++) {
		const struct ast_node *fd = N(w, ast_list(w->a, pl->a)[i]);
		struct ty ty = facts_type_expr(w->p, w->file, fd->b);
		uint32_t nn = ast_list_len(w->a, fd->a);

		for (j = 0; j < nn; j++, idx++) {
			struct local *l = declare(w, ast_list(w->a, fd->a)[j], ty);

			if (l && top)
				l->param = (int8_t)(idx < 127 ? idx : 127);
		}
		if (!nn)
			idx++;
	}
	/* named results are locals too */
	if (ft->c) {
		const struct ast_node *rl = N(w, ft->c);

		for (i = 0; i < ast_list_len(w->a, rl->a); i++) {
			const struct ast_node *fd =
				N(w, ast_list(w->a, rl->a)[i]);
			struct ty ty = facts_type_expr(w->p, w->file, fd->b);

			for (j = 0; j < ast_list_len(w->a, fd->a); j++)
				declare(w, ast_list(w->a, fd->a)[j], ty);
		}
	}
}

static void func_lit_at(struct walker *w, uint32_t lit,
			const struct lockset *ls, int in_go, int later, int site);

/* Walks a literal's body with lock set ls in effect; the walker's own
 * state is restored after.  A goroutine's literal is a new gosite. */
static void func_lit(struct walker *w, uint32_t lit, const struct lockset *ls,
		     int in_go, int later)
{
	func_lit_at(w, lit, ls, in_go, later, in_go ? start_site(w, -1, lit, 0, 0)
						  : w->cur_go);
}

static void func_lit_at(struct walker *w, uint32_t lit,
			const struct lockset *ls, int in_go, int later, int site)
{
	const struct ast_node *fl = N(w, lit);
	struct lockset save = w->ls, exit = w->exit, def = w->deferred;
	struct lockset *into = w->defer_into;
	size_t go_base = w->go_base;
	int cur_go = w->cur_go, loops = w->loops, gate = w->gate;
	int go_loops = w->go_loops;
	int term = w->terminated, have = w->have_exit, brk = w->breakable;
	size_t nloc = w->locals.n;

	if (w->depth > 200)
		return;
	w->depth++;
	w->ls = *ls;
	if (in_go)
		w->go_base = nloc;
	if (in_go)
		w->go_loops = w->loops;
	w->cur_go = site;
	w->loops = 0;
	w->gate = 0;
	w->in_go += in_go;
	w->later += later;
	w->terminated = 0;
	w->breakable = 0;
	memset(&w->deferred, 0, sizeof(w->deferred));
	if (into == &w->deferred)
		w->defer_into = &def;	/* the deferring function's set */
	params(w, fl->a, 0);
	if (fl->b)
		block(w, N(w, fl->b)->a);
	w->locals.n = nloc;
	w->in_go -= in_go;
	w->go_base = go_base;
	w->cur_go = cur_go;
	w->loops = loops;
	w->gate = gate;
	w->go_loops = go_loops;
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
static void handed_over(struct walker *w, uint32_t n, int depth,
			struct lockset *out)
{
	struct ast_iter it;
	uint32_t c;
	loc_t l;
	int h;

	if (!n || depth > 64)
		return;
	if (ast_kind(w->a, n) == AST_CALL_EXPR &&
	    lock_op(w, n, &l) == OP_UNLOCK && (h = ls_holds(&w->ls, l)) >= 0)
		ls_lock(out, l, w->ls.h[h].shared == LS_SHARED);
	ast_iter_init(&it, w->a, n);
	while ((c = ast_iter_next(&it)))
		handed_over(w, c, depth + 1, out);
}

/* The literal a local holds (f := func(){...}), or 0. */
static uint32_t local_lit(struct walker *w, uint32_t n)
{
	struct local *l;

	if (ast_kind(w->a, n) != AST_IDENT || !(l = lookup(w, ident(w, n))))
		return 0;
	return l->lit;
}

static void mark_walked(struct walker *w, uint32_t lit)
{
	size_t i;

	for (i = 0; i < w->lits.n; i++)
		if (w->lits.v[i].node == lit)
			w->lits.v[i].walked++;
}

static int times_walked(struct walker *w, uint32_t lit)
{
	size_t i;

	for (i = 0; i < w->lits.n; i++)
		if (w->lits.v[i].node == lit)
			return w->lits.v[i].walked;
	return 0;
}

/* ---- expressions ---- */

/* Adds a callee's relative lock set to ls, its parameters' locks replaced
 * by the arguments' (list: the call's arguments). */
static void apply_summary(struct walker *w, struct lockset *ls,
			  const struct lockset *rel, uint32_t list)
{
	const struct lockset r = *rel;
	int i, k = 0;

	for (i = 0; i < r.n; i++) {
		loc_t l = r.h[i].loc;

		if (IS_PARAM_LOCK(l)) {
			uint32_t pi = (uint32_t)(-2 - l);

			l = pi < ast_list_len(w->a, list)
			    ? lock_loc(w, ast_list(w->a, list)[pi]) : -1;
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
static void note_called(struct walker *w, uint32_t fun)
{
	const struct ast_node *nd = N(w, fun);
	int name = nd->kind == AST_SELECTOR_EXPR ? ident(w, nd->b) :
		   nd->kind == AST_IDENT ? ident(w, fun) : -1;
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
static void once_do(struct walker *w, uint32_t n)
{
	const struct ast_node *c = N(w, n), *fun = N(w, c->a);
	uint32_t recv, arg;
	int fn;

	if (fun->kind != AST_SELECTOR_EXPR || !id_is(w, fun->b, "Do") ||
	    ast_list_len(w->a, c->b) != 1)
		return;
	arg = ast_list(w->a, c->b)[0];
	if (N(w, arg)->kind != AST_IDENT && N(w, arg)->kind != AST_SELECTOR_EXPR)
		return;
	fn = callee_of(w, arg, &recv);
	if (fn >= 0)
		w->p->funcs.v[fn].once = 1;
}

/* An argument that is an object made here. */
static int arg_fresh(struct walker *w, uint32_t v)
{
	const struct ast_node *nd = N(w, v);
	struct local *l;

	if (fresh_value(w, v))
		return 1;
	if (nd->kind == AST_UNARY_EXPR && nd->op == T_AND)
		nd = N(w, v = nd->a);
	return nd->kind == AST_IDENT && (l = lookup(w, ident(w, v))) &&
	       l->fresh;
}

/* The arguments of a call: literals run here (or concurrently: async is
 * async_api()'s kind, go_site the go statement's site), maps handed to
 * code we cannot see are read, functions handed to a concurrent API
 * start there. */
static void args(struct walker *w, uint32_t list, int callee, int async,
		 int go_site, int once_arg)
{
	uint32_t i, n = ast_list_len(w->a, list);
	const uint32_t *v = ast_list(w->a, list);

	for (i = 0; i < n; i++) {
		uint32_t lit = local_lit(w, v[i]);
		const struct ast_node *x = N(w, lit ? lit : v[i]);

		if (lit) {
			if (times_walked(w, lit) > 2)
				continue;
			mark_walked(w, lit);
		}
		if (x->kind == AST_FUNC_LIT) {
			uint32_t fl = lit ? lit : v[i];
			struct lockset ls = w->ls;
			const struct func *cf =
				callee >= 0 ? &w->p->funcs.v[callee] : NULL;

			if (async || go_site >= 0) {
				memset(&ls, 0, sizeof(ls));
				handed_over(w, fl, 0, &ls);
				func_lit_at(w, fl, &ls, 1, 0, go_site >= 0 ?
					    go_site : start_site(w, -1, fl, 1,
								 async == 2));
				continue;
			}
			if (cf && i < 4 && (cf->param_called & (1u << i)))
				apply_summary(w, &ls, &cf->param_call[i], list);
			w->once += once_arg;
			func_lit(w, fl, &ls, 0, 0);
			w->once -= once_arg;
			continue;
		}
		if (async || go_site >= 0)
			escape(w, v[i]);	/* go f(x), g.Go(x) */
		if (async && (x->kind == AST_IDENT ||
			      x->kind == AST_SELECTOR_EXPR)) {
			uint32_t recv;
			int fn = callee_of(w, v[i], &recv);

			if (fn >= 0)	/* g.Go(s.work), HandleFunc(p, h) */
				start_site(w, fn, v[i], 1, async == 2);
		}
		if (map_loc(w, v[i]) >= 0 && callee < 0) {
			/* a map handed to code we cannot see: a read of it
			 * (fmt, json, maps.Copy and sort range over it) */
			access(w, v[i], map_loc(w, v[i]), AC_CALLARG);
		}
		expr(w, v[i], RD);
	}
}

static void call_expr(struct walker *w, uint32_t n, int go, int deferred)
{
	const struct ast_node *c = N(w, n), *fun = N(w, c->a);
	uint32_t recv = 0;
	int callee, op, async, site = -1;
	struct call *rec;
	loc_t l;

	if (fun->kind == AST_FUNC_LIT) {	/* func(){...}() */
		struct lockset none, now = w->ls, *into = w->defer_into;

		memset(&none, 0, sizeof(none));
		if (go)		/* a lock handed over: the goroutine unlocks it */
			handed_over(w, c->a, 0, &none);
		args(w, c->b, -1, 0, -1, 0);
		w->defer_into = deferred ? &w->deferred : NULL;
		func_lit(w, c->a, go ? &none : &now, go, 0);
		w->defer_into = into;
		return;
	}
	if (fun->kind == AST_IDENT && local_lit(w, c->a)) {	/* f() */
		uint32_t lit = local_lit(w, c->a);
		struct lockset none, now = w->ls;

		memset(&none, 0, sizeof(none));
		args(w, c->b, -1, 0, -1, 0);
		if (times_walked(w, lit) > 2)
			return;
		mark_walked(w, lit);
		if (go)
			handed_over(w, lit, 0, &none);
		func_lit(w, lit, go ? &none : &now, go, 0);
		return;
	}
	if ((op = lock_op(w, n, &l)) != OP_NONE) {
		expr(w, fun->a, RD);
		if (go)
			return;
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
	if (fun->kind == AST_IDENT &&
	    (id_is(w, c->a, "delete") || id_is(w, c->a, "clear")) &&
	    !lookup(w, ident(w, c->a)) && ast_list_len(w->a, c->b)) {
		uint32_t m = ast_list(w->a, c->b)[0];

		access(w, m, map_loc(w, m), AC_WRITE);
		expr(w, m, RD);
		args(w, c->b, -1, 0, -1, 0);
		return;
	}
	if (fun->kind == AST_IDENT && id_is(w, c->a, "len") &&
	    !lookup(w, ident(w, c->a)) && ast_list_len(w->a, c->b) == 1) {
		uint32_t m = ast_list(w->a, c->b)[0];

		access(w, m, map_loc(w, m), AC_LEN);
		expr(w, m, RD);
		return;
	}
	/* a call of a function-typed parameter: note the locks held */
	if (fun->kind == AST_IDENT && w->pass == 1) {
		struct local *pl = lookup(w, ident(w, c->a));

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
	note_called(w, c->a);
	callee = callee_of(w, c->a, &recv);
	async = async_api(w, c->a);
	if (w->pass == 1)
		once_do(w, n);
	if (go)
		site = start_site(w, callee, n, 0, 0);
	rec = call(w, callee, n, (go ? CALL_GO : 0) |
		   (deferred ? CALL_DEFER : 0), recv);
	if (rec) {
		uint32_t i, na = ast_list_len(w->a, c->b);

		rec->site = site;
		for (i = 0; i < na && i < 8; i++) {
			uint32_t av = ast_list(w->a, c->b)[i];
			struct local *al = N(w, av)->kind == AST_IDENT
					   ? lookup(w, ident(w, av)) : NULL;

			if (arg_fresh(w, av))
				rec->fresh_args |= (uint8_t)(1u << i);
			if (al && al->param >= 0 && al->param < 8)
				rec->arg_param[i] = al->param;
		}
		if (site >= 0 && recv && N(w, recv)->kind == AST_IDENT) {
			struct local *rl = lookup(w, ident(w, recv));

			/* for _, c := range conns { go c.serve() } */
			if (rl && w->loops > 0 && rl->loop >= w->loops)
				w->p->gos.v[site].per_instance = 1;
		}
	}
	if (fun->kind == AST_SELECTOR_EXPR) {
		expr(w, fun->a, RD);
		if (id_is(w, fun->b, "Wait") && !ast_list_len(w->a, c->b))
			add_join(w, n);
	}
	args(w, c->b, callee, async, go ? site : -1,
	     fun->kind == AST_SELECTOR_EXPR && id_is(w, fun->b, "Do") &&
	     ast_list_len(w->a, c->b) == 1);
	if (no_return(w, n))
		w->terminated = 1;
	/* a lock wrapper's effect (its summary from the first pass) */
	if (callee >= 0 && !go && !deferred && w->pass == 2) {
		const struct func *cf = &w->p->funcs.v[callee];
		int i;

		struct lockset eff = cf->acquired;

		for (i = 0; i < cf->released.n; i++)
			ls_set_released(&eff, cf->released.h[i].loc);
		apply_summary(w, &w->ls, &eff, c->b);
	}
}

static void expr(struct walker *w, uint32_t n, int mode)
{
	const struct ast_node *nd;
	struct ast_iter it;
	uint32_t c;

	if (!n || w->depth > 400)
		return;
	nd = N(w, n);
	switch (nd->kind) {
	case AST_INDEX_EXPR:
		access(w, nd->a, map_loc(w, nd->a), mode == WR ? AC_WRITE : 0);
		expr(w, nd->a, RD);
		expr(w, nd->b, RD);
		return;
	case AST_CALL_EXPR:
		w->depth++;
		call_expr(w, n, 0, 0);
		w->depth--;
		return;
	case AST_FUNC_LIT: {
		/* stored or returned: it runs later, with no lock we know */
		struct lockset none = { 0 };

		func_lit(w, n, &none, 0, 1);
		return;
	}
	case AST_SELECTOR_EXPR: {
		uint32_t recv;
		int fn;

		/* a method value (x.M not called) escapes */
		fn = mode != 2 ? callee_of(w, n, &recv) : -1;
		if (fn >= 0)
			call(w, fn, n, CALL_VALUE, 0);
		expr(w, nd->a, RD);
		return;
	}
	case AST_IDENT: {
		int fn;

		if (mode == 2 || lookup(w, ident(w, n)))
			return;
		fn = facts_func_index(w->p, -1, ident(w, n));
		if (fn >= 0)
			call(w, fn, n, CALL_VALUE, 0);
		return;
	}
	case AST_UNARY_EXPR:
		if (nd->op == T_ARROW)
			add_join(w, n);	/* <-ch: a hand-off, or a join */
		expr(w, nd->a, RD);
		return;
	case AST_COMPOSITE_LIT:
		/* the type is no value; the elements are */
		for (c = 0; c < ast_list_len(w->a, nd->b); c++)
			expr(w, ast_list(w->a, nd->b)[c], RD);
		return;
	case AST_KEY_VALUE_EXPR:
		if (ast_kind(w->a, nd->a) != AST_IDENT)
			expr(w, nd->a, RD);
		expr(w, nd->b, RD);
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
			expr(w, c, RD);
		w->depth--;
	}
}

/* ---- statements ---- */

/* s.m = ... replaced the map: a local that held the old one owns it now
 * (m := s.m; s.m = make(...) under the lock, then m used after) */
static void detach(struct walker *w, loc_t l)
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
static void local_map(struct walker *w, struct local *l, uint32_t id)
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
	l->alias = (loc_t)(w->p->fields.n + w->p->vars.n + w->p->llocs.n - 1);
}

/* f := func(){...} or f = func(){...} with f a local (or being defined) */
static int lookup_or_define(struct walker *w, const struct ast_node *s,
			    uint32_t id)
{
	return s->op == T_DEFINE || lookup(w, ident(w, id));
}

static void hold_lit(struct walker *w, struct local *l, uint32_t r)
{
	struct lit_use *u;

	l->lit = 0;
	if (N(w, r)->kind != AST_FUNC_LIT)
		return;
	l->lit = r;
	u = VEC_PUSH(w->lits);
	u->node = r;
}

/* lhs = rhs: writes, field stores, locals */
static void assign(struct walker *w, uint32_t n)
{
	const struct ast_node *s = N(w, n);
	uint32_t i, nl = ast_list_len(w->a, s->a), nr = ast_list_len(w->a, s->b);
	const uint32_t *lhs = ast_list(w->a, s->a), *rhs = ast_list(w->a, s->b);

	for (i = 0; i < nr; i++)
		if (!(nl == nr && N(w, rhs[i])->kind == AST_FUNC_LIT &&
		      N(w, lhs[i])->kind == AST_IDENT && lookup_or_define(w, s, lhs[i])))
			expr(w, rhs[i], RD);
	for (i = 0; i < nl; i++) {
		const struct ast_node *l = N(w, lhs[i]);
		uint32_t r = nl == nr ? rhs[i] : 0;

		if (s->op == T_DEFINE && l->kind == AST_IDENT) {
			struct local *loc;
			struct ty ty = r ? type_of(w, r) : unknown();

			if (!r && nr == 1 && N(w, rhs[0])->kind == AST_INDEX_EXPR &&
			    i == 0)
				ty = type_of(w, rhs[0]);	/* v, ok := m[k] */
			loc = declare(w, lhs[i], ty);
			if (loc && r) {
				loc->alias = map_loc(w, r);
				loc->fresh = (uint8_t)fresh_value(w, r);
				hold_lit(w, loc, r);
				local_map(w, loc, lhs[i]);
			}
			continue;
		}
		if (l->kind == AST_IDENT) {
			struct local *loc = lookup(w, ident(w, lhs[i]));

			if (loc && r) {
				loc->alias = map_loc(w, r);
				loc->fresh = (uint8_t)fresh_value(w, r);
				hold_lit(w, loc, r);
				if (type_of(w, r).kind != TY_UNKNOWN)
					loc->ty = type_of(w, r);
			} else if (!loc) {	/* a package variable replaced */
				access(w, lhs[i], map_loc(w, lhs[i]),
				       AC_WRITE | AC_STORE);
			}
			continue;
		}
		if (l->kind == AST_INDEX_EXPR) {
			expr(w, lhs[i], WR);
			continue;
		}
		if (l->kind == AST_SELECTOR_EXPR) {
			loc_t fl = map_loc(w, lhs[i]);

			if (fl >= 0 && !(r && fresh_value(w, r) && owned(w, lhs[i])))
				access(w, lhs[i], fl, AC_WRITE | AC_STORE);
			if (fl >= 0)
				detach(w, fl);
			expr(w, l->a, RD);
			continue;
		}
		expr(w, lhs[i], RD);
	}
}

static void value_spec(struct walker *w, uint32_t spec)
{
	const struct ast_node *s = N(w, spec);
	uint32_t j, nn = ast_list_len(w->a, s->a), nv = ast_list_len(w->a, s->c);
	const uint32_t *nms = ast_list(w->a, s->a), *vals = ast_list(w->a, s->c);
	struct ty decl = facts_type_expr(w->p, w->file, s->b);

	for (j = 0; j < nv; j++)
		expr(w, vals[j], RD);
	for (j = 0; j < nn; j++) {
		struct ty ty = s->b ? decl : nv == nn ? type_of(w, vals[j]) : unknown();
		struct local *l = declare(w, nms[j], ty);

		if (l && nv == nn) {
			l->alias = map_loc(w, vals[j]);
			l->fresh = (uint8_t)fresh_value(w, vals[j]);
			local_map(w, l, nms[j]);
		} else if (l && !nv) {
			l->fresh = 1;	/* var x T: a zero value of our own */
			local_map(w, l, nms[j]);
		}
	}
}

static void ret(struct walker *w)
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
static int branch(struct walker *w, uint32_t body, const struct lockset *in,
		  struct lockset *out, int is_list)
{
	size_t nloc = w->locals.n;
	int t;

	w->ls = *in;
	w->terminated = 0;
	if (is_list)
		block(w, body);
	else
		stmt(w, body);
	w->locals.n = nloc;
	t = w->terminated;
	*out = w->ls;
	w->terminated = 0;
	return t;
}

/* Joins clause states: the intersection of those that fall through. */
struct meet {
	struct lockset ls;
	int any;
};

static void join_add(struct meet *j, const struct lockset *ls)
{
	if (j->any)
		ls_meet(&j->ls, ls);
	else
		j->ls = *ls, j->any = 1;
}

static void join_end(struct walker *w, struct meet *j)
{
	if (j->any) {
		w->ls = j->ls;
		w->terminated = 0;
	} else {
		w->terminated = 1;
	}
}

/* A select case that receives: <-ch, v := <-ch, v, ok = <-ch. */
static int receives(struct walker *w, uint32_t comm)
{
	const struct ast_node *c = N(w, comm);
	uint32_t x = c->kind == AST_EXPR_STMT ? c->a :
		     c->kind == AST_ASSIGN_STMT && ast_list_len(w->a, c->b) == 1
		     ? ast_list(w->a, c->b)[0] : 0;

	return x && N(w, x)->kind == AST_UNARY_EXPR && N(w, x)->op == T_ARROW;
}

static void clauses(struct walker *w, uint32_t body, int is_select)
{
	const struct ast_node *b = N(w, body);
	uint32_t i, n = body ? ast_list_len(w->a, b->a) : 0;
	struct lockset in = w->ls;
	struct meet j;
	int has_default = 0, brk = w->breakable, gate;

	memset(&j, 0, sizeof(j));
	w->breakable = 1;
	for (i = 0; i < n; i++) {
		uint32_t cc = ast_list(w->a, b->a)[i];
		const struct ast_node *c = N(w, cc);
		size_t nloc = w->locals.n;
		uint32_t k;

		w->ls = in;
		if (c->kind == AST_CASE_CLAUSE) {
			if (!c->a)
				has_default = 1;
			for (k = 0; k < ast_list_len(w->a, c->a); k++)
				expr(w, ast_list(w->a, c->a)[k], 2);
		} else if (c->kind == AST_COMM_CLAUSE) {
			if (!c->a)
				has_default = 1;
			else
				stmt(w, c->a);
		}
		w->terminated = 0;
		gate = w->gate;
		if (c->kind == AST_COMM_CLAUSE && c->a && receives(w, c->a))
			w->gate = w->loops;
		block(w, c->b);
		w->gate = gate;
		if (!w->terminated)
			join_add(&j, &w->ls);
		w->terminated = 0;
		w->locals.n = nloc;
	}
	if (!has_default && !is_select)
		join_add(&j, &in);
	if (!n)
		join_add(&j, &in);
	w->breakable = brk;
	join_end(w, &j);
}

static void stmt(struct walker *w, uint32_t n)
{
	const struct ast_node *s;
	struct lockset in, o1, o2;
	size_t nloc;
	int t1, t2, brk;
	uint32_t i;

	if (!n || w->terminated)
		return;
	if (w->depth > 300)
		return;
	w->depth++;
	s = N(w, n);
	switch (s->kind) {
	case AST_EXPR_STMT:
		expr(w, s->a, RD);
		break;
	case AST_ASSIGN_STMT:
		assign(w, n);
		break;
	case AST_INC_DEC_STMT:
		expr(w, s->a, WR);
		break;
	case AST_SEND_STMT:
		expr(w, s->a, RD);
		expr(w, s->b, RD);
		break;
	case AST_GO_STMT:
		if (N(w, s->a)->kind == AST_CALL_EXPR)
			call_expr(w, s->a, 1, 0);
		break;
	case AST_DEFER_STMT:
		if (N(w, s->a)->kind == AST_CALL_EXPR)
			call_expr(w, s->a, 0, 1);
		break;
	case AST_RETURN_STMT:
		for (i = 0; i < ast_list_len(w->a, s->a); i++)
			expr(w, ast_list(w->a, s->a)[i], RD);
		if (w->pass == 1 && !w->in_go && !w->later && w->depth < 2 + 64) {
			uint32_t r0 = ast_list_len(w->a, s->a)
				      ? ast_list(w->a, s->a)[0] : 0;
			struct local *rl = r0 && N(w, r0)->kind == AST_IDENT
					   ? lookup(w, ident(w, r0)) : NULL;

			if (r0 && (fresh_value(w, r0) || (rl && rl->fresh)))
				w->f->returns_fresh = 1;
			else
				w->f->returns_other = 1;
		}
		ret(w);
		break;
	case AST_BRANCH_STMT:
		/* break out of a switch falls through; the rest leave */
		if (!(s->op == T_BREAK && !s->a && w->breakable == 1) &&
		    s->op != T_FALLTHROUGH)
			w->terminated = 1;
		break;
	case AST_BLOCK_STMT:
		nloc = w->locals.n;
		block(w, s->a);
		w->locals.n = nloc;
		break;
	case AST_LABELED_STMT:
		stmt(w, s->b);
		break;
	case AST_DECL_STMT: {
		const struct ast_node *d = N(w, s->a);

		if (d->kind == AST_GEN_DECL && d->op == T_VAR)
			for (i = 0; i < ast_list_len(w->a, d->a); i++)
				value_spec(w, ast_list(w->a, d->a)[i]);
		break;
	}
	case AST_IF_STMT:
		if (!s->a && !s->d && N(w, s->b)->kind == AST_IDENT &&
		    !lookup(w, ident(w, s->b)) &&
		    facts_false_const(w->p, ident(w, s->b)))
			break;	/* if debugX { ... } with const debugX = false */
		nloc = w->locals.n;
		stmt(w, s->a);
		expr(w, s->b, RD);
		in = w->ls;
		t1 = branch(w, s->c, &in, &o1, 0);
		t2 = s->d ? branch(w, s->d, &in, &o2, 0) : 0;
		if (!s->d)
			o2 = in;
		w->locals.n = nloc;
		if (t1 && t2)
			w->terminated = 1;
		else if (t1)
			w->ls = o2;
		else if (t2)
			w->ls = o1;
		else
			w->ls = o1, ls_meet(&w->ls, &o2);
		break;
	case AST_SWITCH_STMT:
	case AST_TYPE_SWITCH_STMT:
		nloc = w->locals.n;
		stmt(w, s->a);
		if (s->kind == AST_SWITCH_STMT)
			expr(w, s->b, RD);
		else
			stmt(w, s->b);
		clauses(w, s->c, 0);
		w->locals.n = nloc;
		break;
	case AST_SELECT_STMT:
		clauses(w, s->a, 1);
		break;
	case AST_FOR_STMT:
	case AST_RANGE_STMT:
		nloc = w->locals.n;
		brk = w->breakable;
		if (s->kind == AST_FOR_STMT) {
			stmt(w, s->a);
			expr(w, s->b, RD);
		} else {
			loc_t ml = map_loc(w, s->c);
			struct ty mt = facts_under(w->p, type_of(w, s->c));

			access(w, s->c, ml, AC_RANGE);
			expr(w, s->c, RD);
			if (s->op == T_DEFINE) {
				struct ty vt = unknown();

				vt = map_elem(mt);
				if (s->a && N(w, s->a)->kind == AST_IDENT)
					declare(w, s->a, unknown());
				if (s->b && N(w, s->b)->kind == AST_IDENT)
					declare(w, s->b, vt);
			} else {
				expr(w, s->a, WR);
				expr(w, s->b, WR);
			}
		}
		in = w->ls;
		w->breakable = 2;
		w->loops++;
		t1 = branch(w, s->d, &in, &o1, 0);
		w->loops--;
		if (s->kind == AST_FOR_STMT)
			stmt(w, s->c);
		w->breakable = brk;
		w->ls = in;
		if (!t1)
			ls_meet(&w->ls, &o1);
		w->terminated = 0;
		w->locals.n = nloc;
		break;
	default:
		break;
	}
	w->depth--;
}

static void block(struct walker *w, uint32_t list)
{
	uint32_t i, n = ast_list_len(w->a, list);
	const uint32_t *v = ast_list(w->a, list);

	for (i = 0; i < n && !w->terminated; i++)
		stmt(w, v[i]);
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
		memset(&f->acquired, 0, sizeof(f->acquired));
		memset(&f->released, 0, sizeof(f->released));
	}
	/* the receiver is locals[0] (is_recv() relies on it) */
	if (d->a) {
		struct ty rt = unknown();
		struct local *l;

		if (f->recv_type >= 0)
			rt.kind = TY_NAMED, rt.named = f->recv_type;
		l = VEC_PUSH(w.locals);
		l->name = f->recv_name;
		l->ty = rt;
		l->alias = -1;
		l->param = -1;
	}
	params(&w, d->c, 1);
	if (pass == 1)
		f->returns_other = 0;
	if (d->d)
		block(&w, ast_node(a, d->d)->a);
	/* literals held in locals and never called here run later */
	for (k = 0; k < w.lits.n; k++) {
		struct lockset none;

		memset(&none, 0, sizeof(none));
		if (!w.lits.v[k].walked) {
			w.lits.v[k].walked = 1;
			w.terminated = 0;
			func_lit(&w, w.lits.v[k].node, &none, 0, 1);
		}
	}
	if (pass == 1 && f->returns_other)
		f->returns_fresh = 0;
	if (!w.terminated)
		ret(&w);
	if (pass == 1 && w.have_exit) {
		for (i = 0; i < w.exit.n; i++) {
			if (w.exit.h[i].shared == LS_RELEASED)
				ls_lock(&f->released, w.exit.h[i].loc, LS_EXCL);
			else
				ls_lock(&f->acquired, w.exit.h[i].loc,
					w.exit.h[i].shared);
		}
	}
	free(w.locals.v);
	free(w.lits.v);
}
