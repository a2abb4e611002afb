/* judge_entry.c - what holds when a function is entered: its callers' locks
 *
 * Owns: the first half of the guard rule's stage (judge.c runs it): the
 * functions that run before sharing or are not judged (reached only from
 * init or a sync.Once, or only from tests); the locks every caller holds
 * at a function's entry (a fixed point over the call sites, so "the caller
 * takes the lock" is a fact; annotated functions hold it by declaration);
 * parameters and receivers that every call site hands over fresh (code
 * reached only from constructors runs before sharing); a constructor's
 * phase and whether an access runs in it before the object is published;
 * the MAPGUARD_ENGINE_TRACE=NAME listing of call sites.
 * Not: lock-set operations, the guard of a map and the findings (judge.c),
 * walking bodies (walk.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

int judge_name_called(const struct pkg *p, int name)
{
	return name >= 0 && (size_t)name < p->ncalled && p->called[name];
}

/* ---- entries and ownership ---- */

int judge_is_init(const struct pkg *p, const struct func *f)
{
	const char *s = names_str(&p->nm, f->name);

	return f->recv_type < 0 && !strcmp(s, "init");
}

/* A call site that does not count for the callee's entry: from a test into
 * non-test code (tests call helpers the way production never does), from
 * code that runs before sharing, or on an object its caller just made. */
static int ignored_call(const struct pkg *p, const struct call *c)
{
	const struct func *from = &p->funcs.v[c->caller];
	const struct func *to = &p->funcs.v[c->callee];

	return (from->is_test && !to->is_test) || from->init_only ||
	       from->test_only || (c->flags & CALL_FRESH_RECV);
}

/* Unexported functions that only tests call, or that nothing calls and
 * no call names (an interface's method is called by name): test support
 * and dead code, not judged. */
void judge_test_only(struct pkg *p)
{
	size_t i;
	uint8_t *prod = xcalloc(p->funcs.n ? p->funcs.n : 1, 1);
	uint8_t *any = xcalloc(p->funcs.n ? p->funcs.n : 1, 1);

	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];

		any[c->callee] = 1;
		if (!p->funcs.v[c->caller].is_test)
			prod[c->callee] = 1;
	}
	for (i = 0; i < p->funcs.n; i++) {
		struct func *f = &p->funcs.v[i];

		f->test_only = !f->exported && !f->is_test && !prod[i] &&
			       !judge_is_init(p, f) && !f->var_init && !f->once &&
			       strcmp(names_str(&p->nm, f->name), "main") &&
			       (any[i] || !judge_name_called(p, f->name));
	}
	free(prod);
	free(any);
}

/* Functions reached only from init or a sync.Once: run before sharing. */
void judge_init_only(struct pkg *p)
{
	size_t i;
	int round, changed = 1;
	uint8_t *all = xcalloc(p->funcs.n ? p->funcs.n : 1, 1);

	for (i = 0; i < p->funcs.n; i++) {
		struct func *f = &p->funcs.v[i];

		f->init_only = judge_is_init(p, f) || f->once ||
			       (f->var_init && !f->ncallers && !f->exported);
	}
	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->funcs.n; i++)
			all[i] = !p->funcs.v[i].exported;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];

			/* a goroutine init() starts runs beside what
			 * follows, not before it */
			if ((!p->funcs.v[c->caller].init_only ||
			     ((c->flags & CALL_GO) &&
			      judge_is_init(p, &p->funcs.v[c->caller]))) &&
			    !(p->funcs.v[c->callee].once &&
			      (c->flags & CALL_VALUE)))
				all[c->callee] = 0;
		}
		for (i = 0; i < p->funcs.n; i++) {
			struct func *f = &p->funcs.v[i];

			if (all[i] && !f->init_only && f->ncallers) {
				f->init_only = 1;
				changed = 1;
			}
		}
	}
	free(all);
}

/* Constructors (functions that return what they made, or nil: New(),
 * Options.Connect())
 * and the unexported code only they call, to a fixed point: it runs
 * before the object is published, concurrent only with the goroutines
 * the constructor starts before it.  Each function in a constructor's
 * phase notes which constructor and where in it (the call's offset). */
void judge_ctor_phase(struct pkg *p)
{
	size_t i;
	int round, changed = 1;
	uint8_t *all = xcalloc(p->funcs.n ? p->funcs.n : 1, 1);

	for (i = 0; i < p->gos.n; i++)
		if (p->gos.v[i].fn >= 0)
			all[p->gos.v[i].fn] = 1;	/* starts a goroutine */
	for (i = 0; i < p->funcs.n; i++) {
		struct func *f = &p->funcs.v[i];
		const char *name = names_str(&p->nm, f->name);

		/* a service is started once, before it is used (the Start
		 * / OnStart convention): what Start does to its receiver
		 * before it starts the receiver's goroutines is set-up */
		f->starter = all[i] && f->recv_type >= 0 && !f->is_test &&
			     (!strcmp(name, "Start") || !strcmp(name, "OnStart"));
		f->ctor_phase = (f->returns_made && !f->returns_unmade &&
				 !f->is_test) || f->starter;
		f->ctor = f->ctor_phase ? (int)i : -1;
		f->ctor_at = 0;
	}
	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->funcs.n; i++)
			all[i] = !p->funcs.v[i].exported &&
				 !p->funcs.v[i].escapes;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];

			if (p->funcs.v[c->caller].is_test)
				continue;
			if (!p->funcs.v[c->caller].ctor_phase ||
			    (c->flags & (CALL_GO | CALL_VALUE | CALL_IN_GO |
					 CALL_LATER)))
				all[c->callee] = 0;
		}
		for (i = 0; i < p->gos.n; i++)
			if (p->gos.v[i].target >= 0)
				all[p->gos.v[i].target] = 0;
		for (i = 0; i < p->funcs.n; i++) {
			struct func *f = &p->funcs.v[i];

			if (all[i] && !f->ctor_phase && f->ncallers) {
				f->ctor_phase = 1;
				f->ctor = -1;
				changed = 1;
			}
		}
	}
	/* which constructor, where: the latest call from it */
	for (round = 0, changed = 1; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];
			const struct func *from = &p->funcs.v[c->caller];
			struct func *to = &p->funcs.v[c->callee];
			int k;
			uint32_t at;

			if (!to->ctor_phase || to->ctor == c->callee ||
			    !from->ctor_phase || from->is_test)
				continue;
			k = from->ctor == c->caller ? c->caller : from->ctor;
			at = from->ctor == c->caller ?
			     ast_node(p->files[c->file].ast, c->node)->pos :
			     from->ctor_at;
			if (k == -1 || to->ctor == -2)
				continue;	/* not known yet; or given up */
			if (to->ctor == -1 && k >= 0) {
				to->ctor = k, to->ctor_at = at, changed = 1;
			} else if (to->ctor != k) {
				to->ctor = -2, changed = 1;	/* several */
			} else if (at > to->ctor_at) {
				to->ctor_at = at, changed = 1;
			}
		}
	}
	free(all);
}

/* Does access a run in a constructor's phase on the object it makes,
 * before any goroutine the constructor starts that reaches the map? */
int judge_before_publish(const struct pkg *p, const struct access *a)
{
	const struct func *f = &p->funcs.v[a->fn];
	const struct ctor_go *cg;
	uint32_t at;
	int i;

	if (!f->ctor_phase || !p->ctor_go || (size_t)a->loc >= p->fields.n ||
	    (a->flags & (AC_IN_GO | AC_LATER)) || f->ctor < 0)
		return 0;
	if (f->ctor == a->fn) {		/* the constructor: its own object */
		if (!(a->flags & (f->starter ? AC_RECV : AC_MADE)))
			return 0;
		at = ast_node(p->files[a->file].ast, a->node)->pos;
	} else {			/* a method on it, called from there */
		if (!(a->flags & AC_RECV))
			return 0;
		at = f->ctor_at;
	}
	/* a Start method's set-up ends at its first go statement, whatever
	 * that goroutine reaches */
	if (p->funcs.v[f->ctor].starter)
		for (i = 0; i < (int)p->gos.n; i++)
			if (p->gos.v[i].fn == f->ctor &&
			    ast_node(p->files[p->gos.v[i].file].ast,
				     p->gos.v[i].node)->pos <= at)
				return 0;
	/* goroutines started in the same constructor's phase before this
	 * point run with it; another constructor's run on the published
	 * object, later */
	cg = &p->ctor_go[a->loc];
	if (cg->over)
		return 0;
	for (i = 0; i < cg->n; i++)
		if (cg->ctor[i] == f->ctor && cg->at[i] <= at)
			return 0;
	return 1;
}

static void fresh_params(struct pkg *p);
static void fresh_receivers(struct pkg *p);

/* Is c a call on an object no other code has yet: one its caller just
 * made, or the caller's own receiver or parameter when every call hands
 * the caller a new one (a constructor's helper calling on)? */
static int on_fresh(const struct pkg *p, const struct call *c)
{
	const struct func *from = &p->funcs.v[c->caller];

	return (c->flags & CALL_FRESH_RECV) ||
	       ((c->flags & CALL_RECV_SELF) && from->recv_fresh &&
		c->go < 0 && !(c->flags & CALL_LATER)) ||
	       (c->recv_param >= 0 && c->recv_param < 8 && c->go < 0 &&
		!(c->flags & CALL_LATER) &&
		(from->fresh_params & (1u << c->recv_param)));
}

/* The one mutex of struct type t (embedded, promoted, or its only mutex
 * field), or -1. */
static loc_t recv_mutex(const struct pkg *p, int t)
{
	const struct type *ty;
	loc_t mu = -1;
	uint32_t k;

	if (t < 0 || !p->types.v[t].is_struct)
		return -1;
	if ((mu = facts_embedded_mutex(p, t)) >= 0)
		return mu;
	ty = &p->types.v[t];
	for (k = 0; k < ty->nf; k++) {
		const struct field *fd = &p->fields.v[ty->f0 + k];

		if (fd->ty.kind != TY_MUTEX && fd->ty.kind != TY_RWMUTEX)
			continue;
		if (mu >= 0)
			return -1;	/* two: the annotation names neither */
		mu = (loc_t)(ty->f0 + k);
	}
	return mu;
}

/* The locks every caller holds at fn's entry, to a fixed point.  A
 * function called from where we cannot see (exported, used as a value,
 * run by go or a callback, or never called here) holds nothing.  Calls
 * on a fresh object count only when nothing else calls: the object is
 * not shared yet, so the locks held there say nothing. */
void judge_entries(struct pkg *p)
{
	size_t i, n = p->funcs.n;
	uint8_t *top = xcalloc(n ? n : 1, 1);	/* no call site met yet */
	uint8_t *open = xcalloc(n ? n : 1, 1);	/* callers we cannot see */
	uint8_t *value = xcalloc(n ? n : 1, 1);	/* used as a value */
	uint8_t *outside = xcalloc(n ? n : 1, 1);	/* xls[i] holds */
	struct lockset *xls = NULL;	/* what other packages' calls hold */
	int round, changed = 1;

	for (i = 0; i < n; i++) {
		struct func *f = &p->funcs.v[i];

		memset(&f->entry, 0, sizeof(f->entry));
		f->escapes = f->exported || judge_is_init(p, f);
		f->ncallers = 0;
	}
	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];
		struct func *f = &p->funcs.v[c->callee];

		if (ignored_call(p, c) && !(c->flags & CALL_GO))
			continue;
		if (c->flags & (CALL_GO | CALL_VALUE))
			f->escapes = 1, value[c->callee] = 1;
		if (f->ncallers < 255)
			f->ncallers++;
		if (c->flags & (CALL_GO | CALL_IN_GO))
			f->root = 1;
	}
	/* an exported function that code here calls (never as a value or
	 * in a go statement) runs under the locks those callers hold: its
	 * callers here state the contract that outside callers follow */
	for (i = 0; i < n; i++)
		open[i] = p->funcs.v[i].escapes &&
			  !(p->funcs.v[i].exported && !judge_is_init(p, &p->funcs.v[i]) &&
			    !value[i] && p->funcs.v[i].ncallers);
	for (i = 0; i < n; i++)
		top[i] = !open[i] && p->funcs.v[i].ncallers;
	/* a method annotated as called with its lock held (...Locked, "must
	 * be called with mu held") holds its receiver's one mutex at entry,
	 * by declaration, and so do the calls it makes */
	for (i = 0; i < n; i++) {
		struct func *f = &p->funcs.v[i];
		loc_t mu = f->annotated ? recv_mutex(p, f->recv_type) : -1;

		if (mu < 0)
			continue;
		memset(&f->entry, 0, sizeof(f->entry));
		ls_lock(&f->entry, mu, LS_EXCL);
		open[i] = 1, top[i] = 0;
	}
	/* an exported function that nothing here calls (nor uses as a
	 * value) and that every call from the module's other packages
	 * makes under a lock it can name: that lock (module phase) */
	for (i = 0; p->o->mod && p->dir && i < n; i++) {
		struct lockset x;

		if (!p->funcs.v[i].exported || value[i] || !open[i] ||
		    p->funcs.v[i].annotated || judge_is_init(p, &p->funcs.v[i]) ||
		    !xpkg_entry_locks(p, (int)i, &x))
			continue;
		if (!xls)
			xls = xcalloc(n, sizeof(*xls));
		xls[i] = x;
		outside[i] = 1;
		open[i] = 0;
		top[i] = 0;
	}
	fresh_params(p);
	fresh_receivers(p);
	for (round = 0; changed && round < 8; round++) {
		/* [0]: the call sites that count; [1]: the ignored ones on
		 * a fresh receiver, used when nothing else calls (a method
		 * called only on new objects still runs under its caller's
		 * locks) */
		uint8_t *seen = xcalloc(2 * (n ? n : 1), 1);
		/* read only where seen[]: not zeroed (it is large) */
		struct lockset *acc = xmalloc(2 * (n ? n : 1) * sizeof(*acc));

		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];
			struct lockset at;
			size_t k = c->callee;

			if (c->flags & (CALL_GO | CALL_VALUE))
				continue;
			if (ignored_call(p, c)) {
				if (!(c->flags & CALL_FRESH_RECV) ||
				    p->funcs.v[c->caller].is_test ||
				    p->funcs.v[c->caller].test_only)
					continue;
				k += n;
			} else if (on_fresh(p, c)) {
				k += n;
			}
			if (top[c->caller])
				continue;	/* caller's entry not known yet */
			/* a goroutine holds none of its launcher's locks */
			if (c->go >= 0)
				memset(&at, 0, sizeof(at));
			else
				at = p->funcs.v[c->caller].entry;
			ls_apply(&at, &c->ls);
			if (seen[k])
				ls_meet(&acc[k], &at);
			else
				acc[k] = at, seen[k] = 1;
		}
		for (i = 0; i < n; i++)
			if (!seen[i] && seen[i + n])
				acc[i] = acc[i + n], seen[i] = 1;
		for (i = 0; i < n; i++)
			if (outside[i] && seen[i])
				ls_meet(&acc[i], &xls[i]);
			else if (outside[i])
				acc[i] = xls[i], seen[i] = 1;
		for (i = 0; i < n; i++) {
			struct func *f = &p->funcs.v[i];
			struct lockset e;
			int k;

			if (open[i] || !seen[i])
				continue;
			e = acc[i];
			/* an entry holds locks, never "released" marks */
			for (k = 0; k < e.n;)
				if (e.h[k].shared == LS_RELEASED)
					e.h[k] = e.h[--e.n];
				else
					k++;
			if (top[i] || !ls_equal(&e, &f->entry)) {
				f->entry = e;
				top[i] = 0;
				changed = 1;
			}
		}
		free(seen);
		free(acc);
	}
	free(top);
	free(open);
	free(value);
	free(outside);
	free(xls);
}

/* Parameters that every call site fills with a new object (a request's
 * own state handed down): accesses through them are owned. */
static void fresh_params(struct pkg *p)
{
	size_t i;
	int round, changed = 1;
	uint8_t *seen = xcalloc(p->funcs.n ? p->funcs.n : 1, 1);

	for (i = 0; i < p->funcs.n; i++)
		p->funcs.v[i].fresh_params = 0;
	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];

		if (ignored_call(p, c) && !(c->flags & CALL_FRESH_RECV))
			continue;
		if (c->flags & (CALL_GO | CALL_VALUE)) {
			seen[c->callee] = 2;	/* never fresh */
			continue;
		}
		seen[c->callee] = seen[c->callee] ? seen[c->callee] : 1;
	}
	/* from all bits down: an argument is fresh when made at the call,
	 * or the caller's own fresh parameter handed on.  An exported
	 * function that code here calls (never as a value or in a go
	 * statement) is held to what those calls hand it, as to the locks
	 * they hold: its callers here state the contract outside callers
	 * follow (WriteKeyRegistry(kr) on the registry Open just made) */
	for (i = 0; i < p->funcs.n; i++)
		p->funcs.v[i].fresh_params = seen[i] == 1 &&
			!judge_is_init(p, &p->funcs.v[i]) &&
			(!p->funcs.v[i].escapes || p->funcs.v[i].exported)
			? 0xff : 0;
	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];
			struct func *f = &p->funcs.v[c->callee];
			uint8_t bits = c->fresh_args, old = f->fresh_params;
			int k;

			if (!old || (ignored_call(p, c) &&
				     !(c->flags & CALL_FRESH_RECV)))
				continue;
			for (k = 0; k < 8; k++)
				if (c->arg_param[k] >= 0 &&
				    (p->funcs.v[c->caller].fresh_params &
				     (1u << c->arg_param[k])))
					bits |= (uint8_t)(1u << k);
			f->fresh_params &= bits;
			changed |= f->fresh_params != old;
		}
	}
	free(seen);
}

/* Receivers handed over fresh by every call site. */
static void fresh_receivers(struct pkg *p)
{
	size_t i;
	int round, changed = 1;

	uint8_t *called = xcalloc(p->funcs.n ? p->funcs.n : 1, 1);

	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];

		if (!p->funcs.v[c->caller].is_test)
			called[c->callee] |= 1;
		if (c->flags & (CALL_VALUE | CALL_GO))
			called[c->callee] |= 2;
		if ((c->flags & CALL_FRESH_RECV) || !ignored_call(p, c))
			called[c->callee] |= 4;
		if (!(c->flags & CALL_STORED_NEW) && !p->funcs.v[c->caller].is_test)
			called[c->callee] |= 8;
	}
	/* an exported method that code here calls only on an object it has
	 * just made (st.zero = &Server{}; st.zero.Init()), never as a value,
	 * runs on a fresh receiver, unless it starts a goroutine on it: its
	 * callers here state the contract, as for its parameters
	 * (fresh_params()) */
	for (i = 0; i < p->funcs.n; i++) {
		struct func *f = &p->funcs.v[i];

		f->recv_fresh = f->recv_type >= 0 && (called[i] & 1) &&
				(!f->escapes ||
				 (f->exported && called[i] == 5 &&
				  !(f->go_captures & 0x100) &&
				  !judge_is_init(p, f)));
	}
	free(called);
	for (round = 0; changed && round < 8; round++) {
		changed = 0;
		for (i = 0; i < p->calls.n; i++) {
			const struct call *c = &p->calls.v[i];
			struct func *f = &p->funcs.v[c->callee];

			if (!f->recv_fresh)
				continue;
			/* not in a goroutine the caller starts: that one
			 * shares the caller's object (on_fresh()) */
			if ((c->flags & CALL_FRESH_RECV) ||
			    ((c->flags & CALL_RECV_SELF) &&
			     p->funcs.v[c->caller].recv_fresh && c->go < 0 &&
			     !(c->flags & CALL_LATER)) ||
			    (c->recv_param >= 0 && c->go < 0 &&
			     !(c->flags & CALL_LATER) &&
			     (p->funcs.v[c->caller].fresh_params &
			      (1u << c->recv_param))))
				continue;
			if (ignored_call(p, c) && !(c->flags & CALL_FRESH_RECV))
				continue;
			f->recv_fresh = 0;
			changed = 1;
		}
	}
}

/* MAPGUARD_ENGINE_TRACE=NAME: the call sites of functions named NAME */
void judge_trace_calls(const struct pkg *p)
{
	const char *want = getenv("MAPGUARD_ENGINE_TRACE");
	char fn[160], lk[160];
	size_t i;
	int k;

	for (i = 0; i < p->calls.n; i++) {
		const struct call *c = &p->calls.v[i];
		const struct func *to = &p->funcs.v[c->callee];

		if (strcmp(names_str(&p->nm, to->name), want))
			continue;
		judge_func_name(p, c->caller, fn, sizeof(fn));
		fprintf(stderr, "trace: call %s:%u from %s flags=%#x ignored=%d "
			"fresh_args=%#x callee escapes=%d init_only=%d "
			"test_only=%d fresh_params=%#x recv_fresh=%d entry:",
			p->files[c->file].path,
			ast_line(p->files[c->file].ast, c->node), fn, c->flags,
			ignored_call(p, c), c->fresh_args, to->escapes,
			to->init_only, to->test_only, to->fresh_params,
			to->recv_fresh);
		for (k = 0; k < to->entry.n; k++)
			fprintf(stderr, " %s", facts_loc_name(p,
				to->entry.h[k].loc, lk, sizeof(lk)));
		fprintf(stderr, "; here:");
		for (k = 0; k < c->ls.n; k++)
			fprintf(stderr, " %s%s", facts_loc_name(p, c->ls.h[k].loc,
				lk, sizeof(lk)),
				c->ls.h[k].shared == LS_RELEASED ? "(-)" : "");
		fputc('\n', stderr);
	}
}

/* Does call c hand its callee's conditional lock over: the argument is
 * `true`, or the caller holds the lock (as strongly) at the call? */
static int cond_call_ok(struct pkg *p, const struct call *c,
			const struct func *f)
{
	const struct ast *a = p->files[c->file].ast;
	const struct ast_node *n = ast_node(a, c->node);
	uint32_t k = f->cond_param - 1u;
	int h = ls_holds(&c->ls, f->cond_lock);

	if (c->flags & (CALL_GO | CALL_VALUE))
		return 0;
	if (h >= 0 && (f->cond_shared || !c->ls.h[h].shared))
		return 1;
	if (n->kind != AST_CALL_EXPR || k >= ast_list_len(a, n->b))
		return 0;
	n = ast_node(a, ast_list(a, n->b)[k]);
	return n->kind == AST_IDENT &&
	       n->end - n->pos == 4 && !memcmp(a->src + n->pos, "true", 4);
}

/* Takes lock l out of ls when it is held there. */
static void cond_drop(struct lockset *ls, loc_t l)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (ls->h[i].loc == l && ls->h[i].shared != LS_RELEASED) {
			ls->h[i] = ls->h[--ls->n];
			return;
		}
}

void judge_cond_locks(struct pkg *p)
{
	size_t i, j;

	for (i = 0; i < p->funcs.n; i++) {
		struct func *f = &p->funcs.v[i];
		const struct ast *a = p->files[f->file].ast;
		int ok = !f->exported, calls = 0;

		if (!f->cond_param)
			continue;
		for (j = 0; ok && j < p->calls.n; j++)
			if (p->calls.v[j].callee == (int)i)
				ok = cond_call_ok(p, &p->calls.v[j], f), calls++;
		if (ok && calls)
			continue;
		/* some caller may pass false without the lock */
		for (j = 0; j < p->acc.n; j++)
			if (p->acc.v[j].fn == (int)i &&
			    p->acc.v[j].file == f->file &&
			    ast_node(a, p->acc.v[j].node)->pos >= f->cond_at)
				cond_drop(&p->acc.v[j].ls, f->cond_lock);
		for (j = 0; j < p->pacc.n; j++)
			if (p->pacc.v[j].fn == (int)i &&
			    p->pacc.v[j].file == f->file &&
			    ast_node(a, p->pacc.v[j].node)->pos >= f->cond_at)
				cond_drop(&p->pacc.v[j].ls, f->cond_lock);
		for (j = 0; j < p->calls.n; j++)
			if (p->calls.v[j].caller == (int)i &&
			    ast_node(a, p->calls.v[j].node)->pos >= f->cond_at)
				cond_drop(&p->calls.v[j].ls, f->cond_lock);
		for (j = 0; j < p->xcalls.n; j++)
			if (p->xcalls.v[j].fn == (int)i &&
			    ast_node(a, p->xcalls.v[j].node)->pos >= f->cond_at)
				cond_drop(&p->xcalls.v[j].ls, f->cond_lock);
	}
}
