/* walk_int.h - what the files of the walk share (not for outside use)
 *
 * Owns: the walker (one function's walk: its scopes, lock set, goroutine
 * and loop context) and the functions its files call across: scope.c
 * (names, scopes, light types and locations of expressions, locks named by
 * an expression), calls.c (calls, function literals, arguments),
 * calls_record.c (what the walk records: accesses, calls, gosites,
 * joins), walk.c (statements, assignments, the function) and walk_expr.c
 * (expressions, what composite literals store).  Not: the package model (engine_int.h).
 */
#ifndef MG_WALK_INT_H
#define MG_WALK_INT_H

#include "engine/engine_int.h"

struct local {
	int name;
	struct ty ty;
	loc_t alias;		/* a map location it refers to, or -1 */
	uint8_t fresh;		/* an object made here, not shared yet */
	uint8_t made;		/* an object made here (shared or not) */
	uint8_t global;		/* an object reached from a package variable */
	uint8_t shared_go;	/* handed to a function whose goroutine
				 * captures it: shared from there on */
	int8_t from_param;	/* an object reached from parameter i
				 * (md := fromContext(ctx)), or -1 */
	uint8_t value_copy;	/* out := *in: a copy of a struct, whose map
				 * fields are still in's */
	loc_t own_field;	/* + 1: out.f = make(...) on such a copy, so
				 * out.f is a map this call made; 0 none */
	uint8_t pooled;		/* x := pool.Get().(*T): taken from a
				 * sync.Pool, no goroutine has it */
	uint8_t recv_reach;	/* an object reached from the receiver:
				 * p := s.pods[k], p := s.lister.Get(k) */
	uint32_t lit;		/* f := func() {...}: the literal, run where
				 * f is called (or handed on) */
	loc_t hooks;		/* for _, f := range s.hooks: the field of
				 * the functions f holds (struct hook), -1 */
	int32_t elem1;		/* for _, h := range s.handlers: the named
				 * type of the slice's elements + 1, 0 none
				 * (for h.OnAdd(x) only: wk_ranged_field()) */
	int8_t param;		/* parameter index, or -1 */
	uint8_t loop;		/* loop nesting where it was declared */
	uint32_t shadows;	/* the local of this name it hides + 1, 0 */
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
	uint32_t go_lit;	/* its literal, or 0 */
	loc_t lit_arg[8];	/* func(m map[K]V){...}(x.m): the map each
				 * argument is, for the literal's parameters */
	int nlit_arg;
	int loops;		/* loop nesting in this function or literal */
	uint32_t loop_at;	/* where the outermost of them starts */
	int go_loops;		/* loop nesting where the innermost goroutine's
				 * literal was started */
	int once;		/* inside a literal handed to x.Do() */
	int dying;		/* runtime.SetFinalizer(x, func(x *T){...}):
				 * the literal's first parameter is an object
				 * nothing else can reach any more */
	int gate;		/* loop nesting at a select case that receives
				 * (a token): a go there runs one at a time */
	size_t go_base;		/* locals below this were declared outside
				 * the innermost goroutine literal */
	int later;		/* inside a literal that runs later */
	size_t later_base;	/* locals below this were declared outside
				 * the innermost such literal */
	int depth;
	uint32_t ranging[4];	/* the map range statements around here,
				 * innermost last (MG006) */
	int nranging;
	uint32_t fresh_store;	/* x.f = &T{...} with no lock held, the
				 * statement before this one: x.f is the
				 * object just made (calls on it are on a
				 * fresh receiver), or 0 */
};

enum { RD = 0, WR = 1 };

/* What a call does to a lock (wk_lock_op()). */
enum { OP_NONE, OP_LOCK, OP_RLOCK, OP_UNLOCK };

/* Clause states met at a join: the intersection of those that fall
 * through. */
struct meet {
	struct lockset ls;
	int any;
};

static inline const struct ast_node *wk_N(const struct walker *w, uint32_t n)
{
	return ast_node(w->a, n);
}
int wk_id_is(const struct walker *w, uint32_t n, const char *s);
/* The name lists identifier n is on (0 when n is no identifier): the
 * names calls are recognised by, one array read for all of them. */
enum { KC_NO_RETURN = 1, KC_ASYNC = 2, KC_ASYNC_MANY = 4, KC_LOCK = 8,
       KC_RLOCK = 16, KC_UNLOCK = 32, KC_DELETE = 64, KC_CLEAR = 128,
       KC_CLOSE = 256, KC_LEN = 512, KC_MAKE = 1024, KC_NEW = 2048,
       KC_PANIC = 4096, KC_DO = 8192, KC_ACQUIRE = 16384,
       KC_RELEASE = 32768 };
int wk_kw_class(struct walker *w, uint32_t n);
static inline int wk_ident(struct walker *w, uint32_t n)
{
	return facts_ident(w->p, w->file, n);
}
static inline struct local *wk_lookup(struct walker *w, int name)
{
	const struct pkg *p = w->p;

	if (name < 0 || (size_t)name >= p->nlocal_of || !p->local_of[name])
		return NULL;
	return &w->locals.v[p->local_of[name] - 1];
}
/* The locals' scopes: a pushed local hides the one of its name until it
 * is popped (w->locals.n back to n); every walk pops all. */
void wk_push_local(struct walker *w, struct local *l);
void wk_pop_locals(struct walker *w, size_t n);
struct local *wk_declare(struct walker *w, uint32_t id_node, struct ty ty);
int wk_pvar_index(const struct walker *w, int name);
uint32_t wk_chain_base(const struct walker *w, uint32_t n);
struct ty wk_unknown(void);
struct ty wk_result_type(struct walker *w, int fn);
int wk_callee_of(struct walker *w, uint32_t fun, uint32_t *recv_node);
struct ty wk_map_elem(struct ty m);
struct ty wk_type_of(struct walker *w, uint32_t n);
loc_t wk_loc_of(struct walker *w, uint32_t n);
/* The field of stored functions (struct hook) that x holds: s.hooks,
 * s.hooks[i], a local ranging over them; -1 if none. */
loc_t wk_hook_field(struct walker *w, uint32_t x);
loc_t wk_map_loc(struct walker *w, uint32_t n);
int wk_owned(struct walker *w, uint32_t n);
int wk_owned_field(struct walker *w, uint32_t n, loc_t l);
int wk_is_recv(struct walker *w, uint32_t n);
int wk_fresh_value(struct walker *w, uint32_t v);
int wk_pool_value(struct walker *w, uint32_t v);
int wk_global_value(struct walker *w, uint32_t v);
int wk_recv_value(struct walker *w, uint32_t v);
int wk_param_value(struct walker *w, uint32_t v);
/* calls_record.c: the map parameter n names, or -1; a map parameter a
 * goroutine's literal captured, as a location of this call, or -1 */
int wk_param_map(struct walker *w, uint32_t n);
loc_t wk_captured_param(struct walker *w, uint32_t n);
void wk_access(struct walker *w, uint32_t n, loc_t l, int flags);
void wk_escape(struct walker *w, uint32_t n);
struct call *wk_call(struct walker *w, int callee, uint32_t node,
			 int flags, uint32_t recv);
int wk_start_site(struct walker *w, int target, uint32_t node,
		      int callback, int many);
void wk_add_join(struct walker *w, uint32_t n);
loc_t wk_lock_loc(struct walker *w, uint32_t x);
int wk_lock_op(struct walker *w, uint32_t call_node, loc_t *l);
/* field <- v (first walk): a semaphore.NewWeighted(n) stored in a field */
void wk_note_sem(struct walker *w, loc_t field, uint32_t v);
/* ch <- v (send) or <-ch: the one-slot channel field ch used as a mutex
 * here (the send locks, the receive unlocks), or -1. */
loc_t wk_chan_sem(struct walker *w, uint32_t ch, int send);
int wk_async_api(struct walker *w, uint32_t fun);
int wk_handler_lit(struct walker *w, uint32_t lit);
/* f(fn), fn a parameter: noted for walk_param_go() (walk_expr.c) */
void wk_hand_on(struct walker *w, uint32_t arg, int callee, int i);
int wk_no_return(struct walker *w, uint32_t call_node);
void wk_params(struct walker *w, uint32_t ftype, int top);
void wk_func_lit(struct walker *w, uint32_t lit, const struct lockset *ls,
		     int in_go, int later);
void wk_func_lit_at(struct walker *w, uint32_t lit,
			const struct lockset *ls, int in_go, int later, int site);
void wk_handed_over(struct walker *w, uint32_t n, int depth,
			struct lockset *out);
uint32_t wk_local_lit(struct walker *w, uint32_t n);
void wk_mark_walked(struct walker *w, uint32_t lit);
int wk_times_walked(struct walker *w, uint32_t lit);
void wk_apply_summary(struct walker *w, struct lockset *ls,
			  const struct lockset *rel, uint32_t list);
void wk_note_called(struct walker *w, uint32_t fun);
void wk_once_do(struct walker *w, uint32_t n);
int wk_arg_fresh(struct walker *w, uint32_t v);
void wk_args(struct walker *w, uint32_t list, int callee, int async,
		 int go_site, int once_arg);
void wk_call_expr(struct walker *w, uint32_t n, int go, int deferred);
void wk_expr(struct walker *w, uint32_t n, int mode);
void wk_detach(struct walker *w, loc_t l);
void wk_local_map(struct walker *w, struct local *l, uint32_t id);
int wk_lookup_or_define(struct walker *w, const struct ast_node *s,
			    uint32_t id);
void wk_hold_lit(struct walker *w, struct local *l, uint32_t r);
void wk_assign(struct walker *w, uint32_t n);
void wk_value_spec(struct walker *w, uint32_t spec);
void wk_ret(struct walker *w);
int wk_branch(struct walker *w, uint32_t body, const struct lockset *in,
		  struct lockset *out, int is_list);
void wk_join_add(struct meet *j, const struct lockset *ls);
void wk_join_end(struct walker *w, struct meet *j);
int wk_receives(struct walker *w, uint32_t comm);
void wk_clauses(struct walker *w, uint32_t body, int is_select);
void wk_stmt(struct walker *w, uint32_t n);
void wk_block(struct walker *w, uint32_t list);
int wk_fresh_store(const struct walker *w, uint32_t x);

void wk_learn_map(struct walker *w, uint32_t n);
/* A use of local l: when a goroutine's literal captures the function's
 * receiver or a parameter, the first pass notes it (func.go_captures). */
void wk_note_capture(struct walker *w, const struct local *l);

#endif
