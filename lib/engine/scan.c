/* scan.c - the MGnnn rules over one package held in memory (see scan.h)
 *
 * Three passes over a package whose facts index.c has gathered:
 *
 *  1. walk: every function body once, token by token, with an explicit stack
 *     of blocks (never the C stack), tracking the locks held (Lock/RLock,
 *     defer Unlock to the end, branches that unlock and return leave the
 *     state after them alone), local variables that hold maps (fresh from
 *     make/literal, or aliases of a parameter, field or call result), func
 *     literals that start a goroutine (`go func`) or run as a concurrent
 *     callback (HandleFunc, g.Go, AfterFunc, informer handlers, parallel
 *     subtests) and calls into the package's own functions.  It records every
 *     map access (write, read, range) with its lock set and concurrency
 *     origin, and every call edge.
 *  2. reach: origins flow along call edges (a worklist, each function changes
 *     state a bounded number of times, so cycles end): a function called from
 *     a goroutine, named by `go f()`, passed as a method value to a helper, or
 *     a ServeHTTP/Collect method, runs concurrently.  A function whose every
 *     call site holds a lock, or whose name ends in "Locked", is taken to run
 *     with the lock held.
 *  3. judge: per map (a symbol key: Type.field, a package variable, a local),
 *     the guard is inferred from the package's own accesses; writes and reads
 *     are judged against it and against the other origins touching the map.
 *
 * All per-access work is linear in the accesses of one map key: accesses are
 * sorted by key once.
 */
#include "engine/scan.h"
#include "engine/engine.h"
#include "engine/index.h"
#include "engine/lex.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the rule catalogue is stream/rules.c's: emit() names rule r by its
 * entry rules[r - 1] */
static const struct rule_info *const rules = rules_catalogue;

void scan_opts_init(struct scan_opts *o)
{
	const char *env;
	int i;

	memset(o, 0, sizeof(*o));
	o->rules = ~0u;
	for (i = 0; i < SCAN_MAX_RULES; i++)
		o->severity[i] = -1;
	/* the second engine, while it is built beside this one; read here so
	 * that mg-scan and mg-diff's scan of the merge-base agree */
	env = getenv("MAPGUARD_ENGINE");
	o->engine = env && !strcmp(env, "2") ? 2 : 1;
}

/* ---- data ---------------------------------------------------------------- */

#define MAXLOCKS 6
struct lockset {
	int n;
	int id[MAXLOCKS];	/* interned lock key ("T.mu") */
	unsigned char rd[MAXLOCKS];	/* read lock only */
};

enum { O_GO = 1, O_CB = 2 };
/* Where concurrency comes from: a go statement, a callback registration, a
 * concurrently invoked method. */
struct origin {
	int kind;
	int file;
	uint32_t tok;		/* evidence */
	uint32_t end;		/* a literal's closing brace, else 0 */
	int fn;			/* the function holding it */
	int loop;		/* several instances run at once */
	const char *what;	/* static text */
};

enum { A_WRITE = 1, A_READ = 2, A_RANGE = 3, A_LEN = 4 };
/* What the root of an accessed expression is, seen from the access. */
enum { R_OWNED = 0, R_CAPTURED, R_PARAM, R_RECV, R_VAR, R_ALIAS, R_UNKNOWN };

struct access {
	int file;
	uint32_t tok, end;	/* flagged span */
	int fn;
	int key;		/* interned symbol key */
	char *disp;		/* source text of the map expression */
	int kind, nested;
	int origin;		/* literal origin, or -1: the function's */
	struct lockset ls;
	int root;		/* R_* */
	int keyclass;		/* 'f' field, 'v' package var, 'l' local, 'p' param */
	int decl_file;
	uint32_t decl_tok;
	int guard;		/* annotation, or -1 */
	int range_mut;		/* MG006: inserts while ranging the same map */
	uint32_t range_tok;
	int per_recv;		/* rooted at the function's receiver */
	int once;		/* inside a sync.Once Do: initialization */
};

struct edge {
	int from, to;		/* functions */
	int origin;		/* literal origin at the call, or -1 */
	int excl, rd;		/* locks held at the call */
	int own;		/* receiver owned by the calling goroutine */
	int via_recv;		/* called on the caller's own receiver */
	int loop;		/* the call is inside a loop */
	int guess;		/* a method named like several: the first taken */
	int rparam;		/* the receiver is rooted at this parameter, or -1 */
	uint32_t lp;		/* the call's '(' in from's file, 0: none */
	int next;		/* next edge from the same function */
};

struct reach {
	int origin;		/* first origin, -1: not concurrent */
	int multi;		/* reached from several origins */
	int shared;		/* reached with a receiver not owned */
	int ncalls, nexcl, nrd;	/* call sites within the package */
	int depth;		/* calls from the origin (0: the entry) */
	int once;		/* passed to sync.Once's Do: initialization */
};

struct local {
	int name, frame;
	int is_map, type;	/* type: struct type id or -1 */
	int alias;		/* key it aliases, or -1 */
	int fresh;
	int per_iter;		/* declared in a loop body */
	int from_recv;		/* set from the receiver's fields: `rws := w.rws` */
	int is_chan;		/* made with make(chan …) */
	int file;
	uint32_t tok;
};

struct frame {
	uint32_t close;
	struct lockset saved;
	int origin;		/* current origin, -1 sync */
	int boundary;		/* frame index of the goroutine literal body */
	int is_lit, is_loop, term, defer_lit, is_comp, once;
	int range_key;		/* map key ranged in this block, or -1 */
	int range_var;		/* its key variable, or -1 */
	uint32_t range_s, range_e;	/* the ranged expression */
	uint32_t range_tok;
};

struct pkg {
	const struct scan_opts *o;
	struct index ix;
	struct origin *orig;
	size_t norig, aorig;
	struct access *acc;
	size_t nacc, aacc;
	struct edge *edges;
	size_t nedges, aedges;
	int *ehead;		/* by function */
	int *rhead, *rnext;	/* edges into a function */
	int *once_fn;		/* by function: passed to sync.Once's Do */
	int *makes;		/* by function: makes_result() memo */
	int *confined;		/* by function: recv_confined() memo */
	int *pown;		/* by parameter: param_owned() memo */
	int *pfresh;		/* by parameter: param_fresh_in() state */
	struct reach *reach;
	size_t *sync_lo, *sync_hi;	/* by function: its range of syncs */
	uint32_t *syncs;	/* sync points (Wait, receive) per file/token */
	int *sync_file;
	size_t nsync, async, async2;
	struct finding_list *out;
	size_t cur;		/* 1 + the finding emit() made last, 0: none */
};

/* Per-function walk state. */
struct walk {
	struct pkg *p;
	const struct ix_file *f;
	int fi, fn;
	const struct ix_func *fd;
	struct frame *fr;
	size_t nfr, afr;
	struct local *loc;
	size_t nloc, aloc;
	size_t *parens;		/* open '(' indexes */
	size_t npar, apar;
	struct lockset ls;
	/* func literal waiting for its body brace */
	size_t lit_brace;
	int lit_origin, lit_defer, lit_once;
	size_t lit_lp;		/* the literal's params */
	size_t go_end;		/* end of the current go statement's call */
	int go_origin;
	size_t skip_until;	/* a chain already handled */
	size_t stmt;		/* first token of the current statement */
	size_t hdr_brace;	/* body brace of the if/for/switch at hdr_stmt */
	size_t hdr_stmt;
	int guess;		/* callee() last took the first of several */
	int val_recv;		/* classify_value() saw the receiver's fields */
};

static const struct token *TK(const struct ix_file *f, size_t i)
{
	return &f->lx.tok[i < f->lx.ntok ? i : f->lx.ntok - 1];
}

/* The bracket matching the one at i, or i itself when it has none (hostile
 * input): loops "for (k = i + 1; k < close_of(f, i); ...)" then do nothing
 * instead of running to the end of the address space. */
#define close_of(f, i) (M((f), (i)) > (long)(i) ? (size_t)M((f), (i)) : (size_t)(i))

/* Is token i of f exactly the string literal s? */
#define is(f, i, s) TOK_IS(TK((f), (i)), (f)->src, s)

static int isop(const struct ix_file *f, size_t i, char c)
{
	return TOK_OP1(TK(f, i), c);
}

static long M(const struct ix_file *f, size_t i)
{
	return ix_match(f, i);
}

static int tid(struct pkg *p, const struct ix_file *f, size_t i)
{
	return index_tok_id(&p->ix, f, i);
}

static const char *nm(const struct pkg *p, int id)
{
	return id >= 0 ? p->ix.names[id] : "?";
}

static int key2(struct pkg *p, const char *a, const char *b)
{
	char small[128], *s = small;
	size_t na = strlen(a), nb = strlen(b);
	int id;

	if (na + nb + 2 > sizeof(small))
		s = xmalloc(na + nb + 2);
	memcpy(s, a, na);
	s[na] = '.';
	memcpy(s + na + 1, b, nb);
	id = index_intern(&p->ix, s, na + nb + 1);
	if (s != small)
		free(s);
	return id;
}

static int has_prefix(const char *s, const char *pre)
{
	return !strncmp(s, pre, strlen(pre));
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);

	return n >= k && !strcmp(s + n - k, suf);
}

static int is_ctor(const struct pkg *p, int fn)
{
	const struct ix_func *f = &p->ix.funcs[fn];
	const char *n = nm(p, f->name);

	if (f->recv_type >= 0)
		return !strcmp(n, "init");
	return has_prefix(n, "New") || has_prefix(n, "new") ||
	       has_prefix(n, "Make") || has_prefix(n, "make") ||
	       !strcmp(n, "init") || !strcmp(n, "main") ||
	       has_prefix(n, "Test") || has_prefix(n, "Benchmark") ||
	       has_prefix(n, "Example") || has_prefix(n, "Fuzz");
}

/* Bounds that keep hostile input linear: how many enclosing blocks a
 * question about loops and literals looks at, how many recent locals a name
 * is looked up in, how many sync points one question scans. */
#define FRAME_LOOK 64
#define LOCAL_LOOK 1024
#define SYNC_LOOK 1024

/* ---- lock sets ----------------------------------------------------------- */

static void ls_add(struct lockset *ls, int id, int rd)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (ls->id[i] == id) {
			ls->rd[i] = (unsigned char)(ls->rd[i] && rd);
			return;
		}
	if (ls->n < MAXLOCKS) {
		ls->id[ls->n] = id;
		ls->rd[ls->n++] = (unsigned char)rd;
	}
}

static void ls_del(struct lockset *ls, int id)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (ls->id[i] == id) {
			ls->id[i] = ls->id[--ls->n];
			ls->rd[i] = ls->rd[ls->n];
			return;
		}
}

static int ls_excl(const struct lockset *ls)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (!ls->rd[i])
			return 1;
	return 0;
}

static int ls_has(const struct lockset *ls, int id, int excl)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (ls->id[i] == id && (!excl || !ls->rd[i]))
			return 1;
	return 0;
}

/* Do a and b share a lock, at least one of them exclusively? */
static int ls_common(const struct lockset *a, const struct lockset *b)
{
	int i, j;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			if (a->id[i] == b->id[j] && (!a->rd[i] || !b->rd[j]))
				return 1;
	return 0;
}

/* ---- names and chains ---------------------------------------------------- */

static struct local *find_local(struct walk *w, int name)
{
	size_t i;

	for (i = w->nloc; i-- > 0 && i + LOCAL_LOOK >= w->nloc;)
		if (w->loc[i].name == name)
			return &w->loc[i];
	return NULL;
}

static const struct ix_param *find_param(struct walk *w, int name)
{
	size_t i;

	for (i = 0; i < w->fd->np; i++)
		if (w->p->ix.params[w->fd->p0 + i].name == name)
			return &w->p->ix.params[w->fd->p0 + i];
	return NULL;
}

static const struct ix_var *find_var(struct walk *w, int name)
{
	if (name < 0 || (size_t)name >= w->p->ix.nbyname ||
	    w->p->ix.var_of[name] < 0)
		return NULL;
	return &w->p->ix.vars[w->p->ix.var_of[name]];
}

/* The end of the selector chain ident {. ident} starting at i. */
static size_t chain_end(const struct ix_file *f, size_t i)
{
	while (isop(f, i + 1, '.') && TK(f, i + 2)->kind == LEX_IDENT)
		i += 2;
	return i;
}

/* What the chain [s..e] names. */
struct chain {
	int is_map, key, root, keyclass, guard, type, per_recv;
	int decl_file;
	uint32_t decl_tok;
	int local_frame;	/* frame of a local root, or -1 */
	int local_iter;		/* ... declared fresh inside a loop body */
	int is_mutex;
};

/* The key of a local: "local:FILE:TOK:NAME" (one declaration, one key),
 * formatted by hand: this runs for most map accesses. */
static int local_key(struct pkg *p, int file, uint32_t tok, const char *name)
{
	char small[96], *s = small, num[24];
	size_t n = strlen(name), k = 0, d;
	unsigned long v[2];
	int j, id;

	v[0] = (unsigned long)(file < 0 ? 0 : file);
	v[1] = tok;
	if (n + 64 > sizeof(small))
		s = xmalloc(n + 64);
	memcpy(s, "local:", 6);
	k = 6;
	for (j = 0; j < 2; j++) {
		d = 0;
		do
			num[d++] = (char)('0' + v[j] % 10);
		while (v[j] /= 10);
		while (d)
			s[k++] = num[--d];
		s[k++] = ':';
	}
	memcpy(s + k, name, n);
	id = index_intern(&p->ix, s, k + n);
	if (s != small)
		free(s);
	return id;
}

static void resolve(struct walk *w, size_t s, size_t e, struct chain *c)
{
	struct pkg *p = w->p;
	const struct ix_file *f = w->f;
	int name = tid(p, f, s), type = -1, kind = K_OTHER, owner = -1;
	struct local *l = find_local(w, name);
	const struct ix_param *pa = l ? NULL : find_param(w, name);
	const struct ix_var *v = l || pa ? NULL : find_var(w, name);
	size_t k;

	memset(c, 0, sizeof(*c));
	c->key = c->guard = c->type = -1;
	c->local_frame = -1;
	c->root = R_UNKNOWN;
	c->decl_file = w->fi;
	c->decl_tok = (uint32_t)s;
	if (l) {
		c->root = R_OWNED;
		c->local_frame = l->frame;
		c->local_iter = l->per_iter && l->fresh;
		c->decl_file = l->file;
		c->decl_tok = l->tok;
		if (s == e) {
			c->is_map = l->is_map;
			if (l->alias >= 0) {
				c->key = l->alias;
				c->root = R_ALIAS;
				c->keyclass = 'f';
			} else {
				c->key = local_key(p, l->file, l->tok, nm(p, name));
				c->keyclass = 'l';
				if (!l->fresh)
					c->root = R_ALIAS;
			}
			return;
		}
		type = l->type;
		kind = type >= 0 ? K_NAMED : K_OTHER;
		if (!l->fresh)
			c->root = R_ALIAS;
	} else if (pa) {
		c->root = pa->name == w->fd->recv_name ? R_RECV : R_PARAM;
		c->per_recv = c->root == R_RECV;
		c->decl_tok = w->fd->decl;
		kind = pa->kind;
		type = pa->type;
		if (s == e) {
			c->is_map = index_is_map(&p->ix, kind, type);
			c->is_mutex = kind == K_MUTEX || kind == K_RWMUTEX;
			c->key = key2(p, nm(p, w->fd->name), nm(p, name));
			c->keyclass = 'p';
			if (c->root == R_RECV)
				c->key = type >= 0 ? type : c->key;
			return;
		}
	} else if (v) {
		c->root = R_VAR;
		c->decl_file = v->file;
		c->decl_tok = v->tok;
		kind = v->kind;
		type = v->type;
		if (s == e) {
			c->is_map = index_is_map(&p->ix, kind, type);
			c->is_mutex = kind == K_MUTEX || kind == K_RWMUTEX;
			c->key = key2(p, "var", nm(p, name));
			c->keyclass = 'v';
			return;
		}
	} else if (s == e) {
		return;
	}
	/* walk the fields */
	for (k = s + 2; k <= e; k += 2) {
		int fname = tid(p, f, k);
		const struct ix_field *fl = kind == K_NAMED
			? index_field(&p->ix, type, fname, &owner) : NULL;

		if (!fl) {
			if (k != e)
				return;
			/* unknown root type: a name that is a map field
			 * somewhere and nothing else */
			if ((size_t)fname < p->ix.nbyname &&
			    p->ix.field_maps[fname] && !p->ix.field_other[fname]) {
				size_t q;

				c->is_map = 1;
				c->key = key2(p, "?", nm(p, fname));
				c->keyclass = 'f';
				for (q = 0; q < p->ix.nfields; q++)
					if (p->ix.fields[q].name == fname) {
						c->decl_file = p->ix.fields[q].file;
						c->decl_tok = p->ix.fields[q].tok;
						c->guard = p->ix.fields[q].guard;
						break;
					}
			}
			return;
		}
		kind = fl->kind;
		type = fl->type;
		if (k == e) {
			c->is_map = index_is_map(&p->ix, kind, type);
			c->is_mutex = kind == K_MUTEX || kind == K_RWMUTEX ||
				      (fl->embedded && kind == K_OTHER);
			c->key = key2(p, nm(p, owner), nm(p, fname));
			c->keyclass = 'f';
			c->decl_file = fl->file;
			c->decl_tok = fl->tok;
			c->guard = fl->guard >= 0
				? key2(p, nm(p, owner), nm(p, fl->guard)) : -1;
			c->type = type;
		}
		if (k != s + 2)
			c->per_recv = 0;
	}
}

/* The lock key of the chain [s..e] (the receiver of Lock()). */
static int lock_key(struct walk *w, size_t s, size_t e)
{
	struct chain c;

	char *text;
	int id;

	resolve(w, s, e, &c);
	if (c.key >= 0 && (c.root != R_UNKNOWN || s == e))
		return c.key;
	/* a root we know nothing about: its text, marked so that two
	 * spellings of one mutex are never called "another lock" */
	text = xasprintf("~%.*s", (int)(TK(w->f, e)->off + TK(w->f, e)->len -
					 TK(w->f, s)->off),
			 w->f->src + TK(w->f, s)->off);
	id = index_intern(&w->p->ix, text, strlen(text));
	free(text);
	return id;
}

/* ---- recording ------------------------------------------------------------ */

static int add_origin(struct pkg *p, int kind, int file, size_t tok, int fn,
		      int loop, const char *what)
{
	struct origin *o;

	ARRAY_GROW(p->orig, p->norig + 1, p->aorig);
	o = &p->orig[p->norig];
	o->kind = kind;
	o->file = file;
	o->tok = (uint32_t)tok;
	o->end = 0;
	o->fn = fn;
	o->loop = loop;
	o->what = what;
	return (int)p->norig++;
}

static int in_loop(const struct walk *w)
{
	size_t i;

	for (i = w->nfr; i-- > 0 && i + FRAME_LOOK >= w->nfr;)
		if (w->fr[i].is_loop)
			return 1;
	return 0;
}

static int cur_origin(const struct walk *w)
{
	return w->nfr ? w->fr[w->nfr - 1].origin : -1;
}

static int cur_boundary(const struct walk *w)
{
	return w->nfr ? w->fr[w->nfr - 1].boundary : -1;
}

/* The root kind of chain c seen from the current position: a local of an
 * enclosing function is captured by a goroutine literal. */
static int seen_root(const struct walk *w, const struct chain *c)
{
	int root = c->root;

	/* a local declared inside the goroutine is its own; one declared
	 * outside is captured */
	if (c->local_frame >= 0 && cur_boundary(w) >= 0 &&
	    c->local_frame < cur_boundary(w) && root == R_OWNED) {
		int j = cur_boundary(w);

		/* a fresh map made in the loop body that starts the goroutine
		 * is that goroutine's own */
		while (j-- > 0 && (size_t)j + FRAME_LOOK >= w->nfr && !w->fr[j].is_loop)
			;
		if (!(c->local_iter && j >= 0 && c->local_frame >= j))
			root = R_CAPTURED;
	}
	if (c->local_frame >= 0 && cur_boundary(w) >= 0 &&
	    c->local_frame < cur_boundary(w) && root == R_ALIAS)
		root = R_CAPTURED;
	return root;
}

/* Do the token spans [a, ae] and [b, be] read the same? */
static int same_text(const struct ix_file *f, size_t a, size_t ae, size_t b,
		     size_t be)
{
	if (ae - a != be - b)
		return 0;
	for (; a <= ae; a++, b++)
		if (TK(f, a)->len != TK(f, b)->len ||
		    memcmp(f->src + TK(f, a)->off, f->src + TK(f, b)->off,
			   TK(f, a)->len))
			return 0;
	return 1;
}

static void add_access(struct walk *w, size_t at, size_t s, size_t e,
		       int kind, int nested, const struct chain *c)
{
	struct pkg *p = w->p;
	struct access *a;
	size_t i;
	int root = seen_root(w, c);
	ARRAY_GROW(p->acc, p->nacc + 1, p->aacc);
	a = &p->acc[p->nacc++];
	memset(a, 0, sizeof(*a));
	a->file = w->fi;
	a->tok = (uint32_t)at;
	a->end = (uint32_t)e;
	a->fn = w->fn;
	a->key = c->key;
	a->disp = xstrndup(w->f->src + TK(w->f, s)->off,
			   TK(w->f, e)->off + TK(w->f, e)->len - TK(w->f, s)->off);
	a->kind = kind;
	a->nested = nested;
	a->origin = cur_origin(w);
	a->ls = w->ls;
	a->root = root;
	a->keyclass = c->keyclass;
	a->decl_file = c->decl_file;
	a->decl_tok = c->decl_tok;
	a->guard = c->guard;
	a->per_recv = c->per_recv && a->origin < 0;
	a->range_mut = 0;
	for (i = w->nfr; i-- > 0 && i + FRAME_LOOK >= w->nfr;)
		if (w->fr[i].once)
			a->once = 1;
	if (kind == A_WRITE && !nested)
		for (i = w->nfr; i-- > 0 && i + FRAME_LOOK >= w->nfr;) {
			const struct frame *fr = &w->fr[i];

			if (fr->is_lit)
				break;
			if (fr->range_key == c->key && c->key >= 0 &&
			    same_text(w->f, fr->range_s, fr->range_e, s, e)) {
				/* writing the ranged key itself is allowed;
				 * inserting another key is not deterministic */
				size_t k = e + 2;

				if (!(TK(w->f, k)->kind == LEX_IDENT &&
				      isop(w->f, k + 1, ']') &&
				      tid(p, w->f, k) == fr->range_var) &&
				    at == s) {
					a->range_mut = 1;
					a->range_tok = fr->range_tok;
				}
				break;
			}
		}
}

static void add_edge(struct walk *w, int to, int own, int via_recv, size_t lp)
{
	struct pkg *p = w->p;
	struct edge *e;

	ARRAY_GROW(p->edges, p->nedges + 1, p->aedges);
	e = &p->edges[p->nedges++];
	e->from = w->fn;
	e->to = to;
	e->origin = cur_origin(w);
	e->excl = ls_excl(&w->ls);
	e->rd = w->ls.n > 0 && !e->excl;
	e->own = own;
	e->via_recv = via_recv;
	e->loop = in_loop(w);
	e->guess = w->guess;
	e->rparam = -1;
	e->lp = (uint32_t)lp;
	e->next = -1;
}

static void add_sync(struct walk *w, size_t i)
{
	struct pkg *p = w->p;

	ARRAY_GROW(p->syncs, p->nsync + 1, p->async);
	ARRAY_GROW(p->sync_file, p->nsync + 1, p->async2);
	p->syncs[p->nsync] = (uint32_t)i;
	p->sync_file[p->nsync++] = w->fi;
}

/* ---- the walk ------------------------------------------------------------- */

/* Is the assignment operator at j a write (=, op=, ++, --)? */
static int assign_op(const struct ix_file *f, size_t j)
{
	const struct token *t = TK(f, j);

	if (t->kind != LEX_OP)
		return 0;
	if (TOK_OP1(t, '=') || is(f, j, "++") || is(f, j, "--"))
		return 1;
	if (t->len >= 2 && f->src[t->off + t->len - 1] == '=' &&
	    !is(f, j, "==") && !is(f, j, "!=") && !is(f, j, "<=") &&
	    !is(f, j, ">=") && !is(f, j, ":="))
		return 1;
	return 0;
}

/* After index groups ending at j: is this the left side of an assignment
 * (directly, or in a tuple `a[k], b = ...`)? */
static int lhs_write(const struct ix_file *f, size_t j)
{
	if (assign_op(f, j))
		return 1;
	if (!isop(f, j, ','))
		return 0;
	for (; j < f->lx.ntok && TK(f, j)->kind != LEX_SEMI &&
	       TK(f, j)->kind != LEX_EOF && !isop(f, j, '{'); j++) {
		if (isop(f, j, '='))
			return 1;
		if (is(f, j, ":="))
			return 0;
		if (TK(f, j)->kind == LEX_OP && M(f, j) > (long)j)
			j = (size_t)M(f, j);
		else if (TK(f, j)->kind == LEX_OP && M(f, j) >= 0 && M(f, j) < (long)j)
			return 0;	/* a closing bracket: left the statement */
	}
	return 0;
}

static void declare(struct walk *w, size_t name, int is_map, int type,
		    int alias, int fresh)
{
	struct local *l;
	size_t i;

	if (TK(w->f, name)->kind != LEX_IDENT || is(w->f, name, "_"))
		return;
	ARRAY_GROW(w->loc, w->nloc + 1, w->aloc);
	l = &w->loc[w->nloc++];
	l->name = tid(w->p, w->f, name);
	l->frame = (int)w->nfr - 1;
	l->is_map = is_map;
	l->type = type;
	l->alias = alias;
	l->fresh = fresh;
	l->per_iter = 0;
	l->from_recv = w->val_recv;
	w->val_recv = 0;
	l->is_chan = is(w->f, name + 1, ":=") && is(w->f, name + 2, "make") &&
		     isop(w->f, name + 3, '(') && TK(w->f, name + 4)->kind == LEX_CHAN;
	for (i = w->nfr; i-- > 0 && i + FRAME_LOOK >= w->nfr;)
		if (w->fr[i].is_loop)
			l->per_iter = 1;
	l->file = w->fi;
	l->tok = (uint32_t)name;
}

#define T_FOREIGN (-3)	/* chain_type(): a concrete type of another package */

/* Is the type declared after the name at token tok of file fi another
 * package's concrete type: a pointer `*pkg.T` (a pointer to an interface
 * has no methods) or a type of package sync (all structs)?  Then no method
 * called on it is one of this package's. */
static int foreign_at(const struct pkg *p, int fi, size_t tok)
{
	const struct ix_file *f = &p->ix.files[fi];
	size_t k = tok + 1;

	while (isop(f, k, ',') && TK(f, k + 1)->kind == LEX_IDENT && k < tok + 32)
		k += 2;
	if (isop(f, k, '*'))
		return TK(f, k + 1)->kind == LEX_IDENT && isop(f, k + 2, '.') &&
		       TK(f, k + 3)->kind == LEX_IDENT;
	return is(f, k, "sync") && isop(f, k + 1, '.') &&
	       TK(f, k + 2)->kind == LEX_IDENT;
}

/* The named type of the receiver chain [s..e] (`x`, `x.f`), T_FOREIGN, or
 * -1 when the tokens do not tell. */
static int chain_type(struct walk *w, size_t s, size_t e)
{
	struct pkg *p = w->p;
	int name = tid(p, w->f, s);
	struct chain c;

	if (s == e) {
		const struct local *l = find_local(w, name);
		const struct ix_param *pa = l ? NULL : find_param(w, name);
		const struct ix_var *v = l || pa ? NULL : find_var(w, name);
		size_t k;

		if (l)
			return l->type >= 0 ? l->type
			       : foreign_at(p, l->file, l->tok) ? T_FOREIGN : -1;
		if (pa && pa->kind == K_NAMED)
			return pa->type;
		if (pa && pa->name != w->fd->recv_name) {
			/* the parameter's name in the signature */
			for (k = w->fd->decl; k < w->fd->lo && k < w->fd->decl + 512; k++)
				if (tid(p, w->f, k) == name &&
				    TK(w->f, k)->kind == LEX_IDENT)
					return foreign_at(p, w->fi, k) ? T_FOREIGN : -1;
			return -1;
		}
		if (v && v->kind == K_NAMED)
			return v->type;
		return v && foreign_at(p, v->file, v->tok) ? T_FOREIGN : -1;
	}
	resolve(w, s, e, &c);
	if (c.key < 0)
		return -1;
	if (c.type < 0 && c.keyclass == 'f' &&
	    foreign_at(p, c.decl_file, c.decl_tok))
		return T_FOREIGN;
	return c.type;
}

/* The method called name of type (or of a struct it embeds, one level), -1
 * if it has none, -2 if the type may get it from elsewhere (an embedded type
 * of another package, an interface). */
#define METHOD_LOOK 256	/* same-named methods looked at per call */

static int method_of(const struct pkg *p, int type, int name)
{
	const struct ix_type *t = index_type(&p->ix, type);
	int fn, unknown = 0, n = 0;
	size_t k;

	for (fn = p->ix.func_of[name]; fn >= 0; fn = p->ix.func_next[fn])
		if (p->ix.funcs[fn].recv_type == type)
			return fn;
		else if (++n > METHOD_LOOK)
			return -2;	/* hostile: do not look further */
	if (!t || !t->is_struct || t->nf > METHOD_LOOK)
		return -2;
	for (k = t->f0; k < t->f0 + t->nf; k++) {
		const struct ix_field *fl = &p->ix.fields[k];

		if (!fl->embedded)
			continue;
		if (fl->kind != K_NAMED || !index_type(&p->ix, fl->type)) {
			unknown = 1;
			continue;
		}
		for (fn = p->ix.func_of[name]; fn >= 0 && n++ < 2 * METHOD_LOOK;
		     fn = p->ix.func_next[fn])
			if (p->ix.funcs[fn].recv_type == fl->type)
				return fn;
		if (n >= 2 * METHOD_LOOK)
			return -2;
		{	/* deeper embedding: do not guess */
			const struct ix_type *et = index_type(&p->ix, fl->type);
			size_t q;

			for (q = et->f0; q < et->f0 + et->nf && !unknown; q++)
				if (p->ix.fields[q].embedded || q > et->f0 + METHOD_LOOK)
					unknown = 1;
			if (!et->is_struct)
				unknown = 1;	/* an interface */
		}
	}
	return unknown ? -2 : -1;
}

/* The package function a call `name(` (s == e) or `x.name(` (the chain
 * [s..e]) names, or -1.  A method is looked up on the receiver's type when
 * the tokens tell it (`rows.Next()` with rows a *Rows is Rows.Next, not
 * another type's Next); otherwise the first method of that name. */
static int callee(struct walk *w, size_t s, size_t e)
{
	int id = tid(w->p, w->f, e), fn, first = -1, method = e != s;

	w->guess = 0;
	if (id < 0 || (size_t)id >= w->p->ix.nbyname)
		return -1;
	if (method && e >= s + 2) {
		int type = chain_type(w, s, e - 2);

		if (type == T_FOREIGN)
			return -1;	/* wg.Add(1): sync.WaitGroup's, not ours */
		if (type >= 0 && (size_t)type < w->p->ix.nbyname &&
		    (fn = method_of(w->p, type, id)) != -2)
			return fn;
	}
	for (fn = w->p->ix.func_of[id]; fn >= 0; fn = w->p->ix.func_next[fn])
		if ((w->p->ix.funcs[fn].recv_type >= 0) == method) {
			if (first >= 0) {
				w->guess = 1;
				break;
			}
			first = fn;
		}
	return first;
}

/* The key of the map field that method fn returns (`return r.f`), or -1. */
static int returned_field(struct pkg *p, int fn)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	const struct ix_file *f = &p->ix.files[fd->file];
	size_t k;
	int owner = -1;

	if (fd->recv_type < 0 || fd->recv_name < 0)
		return -1;
	/* accessors are short: a bounded look keeps call sites linear */
	for (k = fd->lo; k < fd->hi && k < fd->lo + 256; k++) {
		const struct ix_field *fl;

		if (TK(f, k)->kind != LEX_RETURN ||
		    tid(p, f, k + 1) != fd->recv_name || !isop(f, k + 2, '.') ||
		    TK(f, k + 3)->kind != LEX_IDENT ||
		    TK(f, k + 4)->kind != LEX_SEMI)
			continue;
		fl = index_field(&p->ix, fd->recv_type, tid(p, f, k + 3), &owner);
		if (fl && index_is_map(&p->ix, fl->kind, fl->type))
			return key2(p, nm(p, owner), nm(p, fl->name));
	}
	return -1;
}

/* Does a function of this name hand out a new object (a copy)? */
static int fresh_name(const char *n)
{
	return strstr(n, "Copy") || strstr(n, "copy") || strstr(n, "Clone") ||
	       strstr(n, "clone") || has_prefix(n, "New") ||
	       has_prefix(n, "new") || has_prefix(n, "make") ||
	       has_prefix(n, "Make") || has_prefix(n, "build") ||
	       has_prefix(n, "Build");
}

static int fresh_root(struct pkg *p, const struct ix_file *f, int fn, size_t a,
		      size_t end);
static size_t fresh_root_at(struct pkg *p, const struct ix_file *f, int fn,
			    size_t a, size_t end);

/* The token of function fn's first named result, or 0. */
static size_t named_result(const struct pkg *p, int fn)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	const struct ix_file *f = &p->ix.files[fd->file];
	size_t k = fd->decl + 1;

	if (isop(f, k, '('))	/* the receiver */
		k = close_of(f, k) + 1;
	if (TK(f, k)->kind != LEX_IDENT)
		return 0;
	k++;
	if (isop(f, k, '['))	/* type parameters */
		k = close_of(f, k) + 1;
	if (!isop(f, k, '('))
		return 0;
	k = close_of(f, k) + 1;
	if (!isop(f, k, '(') || k >= fd->lo || TK(f, k + 1)->kind != LEX_IDENT ||
	    isop(f, k + 2, ',') || isop(f, k + 2, ')') || isop(f, k + 2, '.'))
		return 0;
	return k + 1;
}

#define MAKES_DEPTH 3

/* Is the identifier at k a map field being set: `x.F = …` or `T{F: …}`? */
static int map_field_set(struct pkg *p, const struct ix_file *f, size_t k)
{
	int id;

	if (!(isop(f, k - 1, '.') && isop(f, k + 1, '=')) &&
	    !((isop(f, k - 1, '{') || isop(f, k - 1, ',')) && isop(f, k + 1, ':')))
		return 0;
	id = tid(p, f, k);
	return (size_t)id < p->ix.nbyname && p->ix.field_maps[id] > 0;
}

/* Does the expression at v (in function fn) hand over a map that others
 * hold: one reached from a package variable, a parameter or the receiver
 * (through a conversion `Header(x)` too), not copied?  Locals and call
 * results count as this function's own, as everywhere else. */
static int foreign_map_expr(struct pkg *p, const struct ix_file *f, int fn,
			    size_t v)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	size_t e, k;
	int id;

	if (TK(f, v)->kind == LEX_IDENT && isop(f, v + 1, '(') &&
	    index_type(&p->ix, tid(p, f, v)))
		v += 2;	/* a conversion */
	if (TK(f, v)->kind != LEX_IDENT)
		return 0;
	e = chain_end(f, v);
	if (isop(f, e + 1, '(') || isop(f, e + 1, '{'))
		return 0;	/* a call's result, a literal */
	id = tid(p, f, v);
	for (k = 0; k < fd->np; k++)
		if (p->ix.params[fd->p0 + k].name == id)
			return 1;
	return (size_t)id < p->ix.nbyname && p->ix.var_of[id] >= 0;
}

/* Does function fn return only objects it makes itself?  Every return's
 * first value is nil, a composite literal (&T{…}, T{…}, map/slice
 * literals), new or make, a call of a function that does the same (or is
 * named like a constructor), or a local first set to one of those (a named
 * result too, for a bare return); at least one is not nil.  Then its result
 * is its caller's own, as a NewT constructor's is: `req, err :=
 * readRequest(b)` with `req = new(Request) … return req, nil`.  Memoized
 * (p->makes: 0 unknown, 1 yes, 2 no or being asked), so each body is read
 * once. */
static int makes_result(struct pkg *p, int fn, int depth)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	const struct ix_file *f = &p->ix.files[fd->file];
	size_t k, v, e, named = 0;
	int fresh = 0, nret = 0;

	if (p->makes[fn])
		return p->makes[fn] == 1;
	if (depth > MAKES_DEPTH)
		return 0;
	p->makes[fn] = 2;
	for (k = fd->lo + 1; k < fd->hi; k++) {
		if (TK(f, k)->kind == LEX_FUNC) {
			/* a func literal's returns are its own: skip its body */
			for (v = k + 1; v < fd->hi && !isop(f, v, '{') &&
			     TK(f, v)->kind != LEX_SEMI; v = TK(f, v)->kind == LEX_OP &&
			     M(f, v) > (long)v ? (size_t)M(f, v) + 1 : v + 1)
				;
			if (isop(f, v, '{'))
				k = close_of(f, v);
			continue;
		}
		if (TK(f, k)->kind == LEX_IDENT && map_field_set(p, f, k) &&
		    foreign_map_expr(p, f, fn, k + 2))
			return 0;	/* the new object holds a map from elsewhere */
		if (TK(f, k)->kind != LEX_RETURN)
			continue;
		if (++nret > 64)
			return 0;	/* each return may read the body again */
		v = k + 1;
		if (TK(f, v)->kind == LEX_SEMI || isop(f, v, '}')) {
			if (!named && !(named = named_result(p, fn)))
				return 0;
			if (!fresh_root(p, f, fn, named, k))
				return 0;
			fresh = 1;
			continue;
		}
		if (is(f, v, "nil") && (isop(f, v + 1, ',') ||
					TK(f, v + 1)->kind == LEX_SEMI))
			continue;
		if (isop(f, v, '&'))
			v++;
		if (TK(f, v)->kind == LEX_MAP || isop(f, v, '[') ||
		    ((is(f, v, "new") || is(f, v, "make")) && isop(f, v + 1, '('))) {
			fresh = 1;
			continue;
		}
		if (TK(f, v)->kind != LEX_IDENT)
			return 0;
		e = chain_end(f, v);
		if (isop(f, e + 1, '{')) {
			fresh = 1;
			continue;
		}
		if (e == v && (isop(f, e + 1, ',') || TK(f, e + 1)->kind == LEX_SEMI ||
			       isop(f, e + 1, '}'))) {
			if (!fresh_root(p, f, fn, v, k))
				return 0;
			fresh = 1;
			continue;
		}
		if (e == v && isop(f, e + 1, '(')) {
			int id = tid(p, f, e), g;

			if (fresh_name(nm(p, id))) {
				fresh = 1;
				continue;
			}
			for (g = p->ix.func_of[id]; g >= 0; g = p->ix.func_next[g])
				if (p->ix.funcs[g].recv_type < 0)
					break;
			if (g >= 0 && makes_result(p, g, depth + 1)) {
				fresh = 1;
				continue;
			}
		}
		return 0;
	}
	p->makes[fn] = fresh ? 1 : 2;
	return fresh;
}

/* Does method fn hand out only what its receiver holds or what it makes: its
 * body (a short one) names no package-level variable?  Called on an object
 * this code made itself, its result is then this code's own too:
 * `tasks := allTasks{}; t := tasks.task(id)`. */
static int recv_confined(struct pkg *p, int fn)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	const struct ix_file *f = &p->ix.files[fd->file];
	size_t k;

	if (p->confined[fn])	/* memo: 1 yes, 2 no */
		return p->confined[fn] == 1;
	p->confined[fn] = 2;
	if (fd->recv_type < 0 || fd->hi - fd->lo > 1024)
		return 0;
	for (k = fd->lo + 1; k < fd->hi; k++) {
		int id;

		if (TK(f, k)->kind != LEX_IDENT || isop(f, k - 1, '.'))
			continue;
		id = tid(p, f, k);
		if ((size_t)id < p->ix.nbyname && p->ix.var_of[id] >= 0)
			return 0;
	}
	p->confined[fn] = 1;
	return 1;
}

/* Classifies the value starting at v for a declaration: sets is_map, type,
 * alias, fresh. */
static void classify_value(struct walk *w, size_t v, int *is_map, int *type,
			   int *alias, int *fresh)
{
	const struct ix_file *f = w->f;
	struct pkg *p = w->p;
	const struct ix_type *t;

	*is_map = 0;
	*type = *alias = -1;
	*fresh = 1;
	w->val_recv = 0;
	if (isop(f, v, '&'))
		v++;
	if (TK(f, v)->kind == LEX_MAP) {
		*is_map = 1;
		return;
	}
	if ((is(f, v, "make") || is(f, v, "new")) && isop(f, v + 1, '(')) {
		if (TK(f, v + 2)->kind == LEX_MAP)
			*is_map = is(f, v, "make");
		else if (TK(f, v + 2)->kind == LEX_IDENT &&
			 (t = index_type(&p->ix, tid(p, f, v + 2)))) {
			*is_map = t->is_map && is(f, v, "make");
			*type = t->is_struct ? t->name : -1;
		}
		return;
	}
	if (TK(f, v)->kind != LEX_IDENT)
		return;
	if (isop(f, v + 1, '{') &&
	    (t = index_type(&p->ix, tid(p, f, v)))) {
		*is_map = t->is_map;
		*type = t->is_struct ? t->name : -1;
		return;
	}
	if (is(f, v, "maps") && is(f, v + 2, "Clone")) {
		*is_map = 1;
		return;
	}
	{
		size_t e = chain_end(f, v);
		struct chain c;

		if (isop(f, e + 1, '(')) {
			int fn = callee(w, v, e);

			if (fn >= 0) {
				const struct ix_func *fd = &p->ix.funcs[fn];

				*is_map = index_is_map(&p->ix, fd->result_kind,
						       fd->result_type);
				t = fd->result_kind == K_NAMED
					? index_type(&p->ix, fd->result_type) : NULL;
				*type = t && t->is_struct ? t->name : -1;
				*fresh = fresh_name(nm(p, fd->name)) ||
					 !strcmp(nm(p, fd->name), "Header") ||
					 makes_result(p, fn, 0);
				if (!*fresh && e == v + 2 && recv_confined(p, fn)) {
					struct local *l = find_local(w, tid(p, f, v));

					resolve(w, v, v, &c);
					*fresh = l && l->fresh &&
						 seen_root(w, &c) == R_OWNED;
				}
				*alias = *fresh ? -1 : returned_field(p, fn);
			} else if (e != v) {
				/* another package's call: Get/Header/From..
				 * hand out shared objects */
				const char *n = nm(p, tid(p, f, e));

				if (has_prefix(n, "Get") ||
				    has_prefix(n, "From") || has_prefix(n, "Lookup") ||
				    has_prefix(n, "Load"))
					*fresh = 0;
			}
			return;
		}
		resolve(w, v, e, &c);
		w->val_recv = c.root == R_RECV;
		if (c.is_map) {
			*is_map = 1;
			/* another local map this code made itself (and no
			 * goroutine literal captured) stays its own:
			 * `m = m1` with `m1 := make(map…)` */
			*fresh = c.keyclass == 'l' && c.root == R_OWNED &&
				 seen_root(w, &c) == R_OWNED;
			*alias = c.keyclass == 'f' || c.keyclass == 'v' ? c.key : -1;
			return;
		}
		if (c.root != R_UNKNOWN && c.root != R_OWNED) {
			*fresh = 0;
			if (c.type >= 0)
				*type = c.type;
		}
		if (v == e) {
			struct local *l = find_local(w, tid(p, f, v));
			const struct ix_param *pa = find_param(w, tid(p, f, v));

			if (l) {
				*type = l->type;
				*fresh = l->fresh;
			} else if (pa && pa->kind == K_NAMED) {
				*type = pa->type;
				*fresh = 0;
			}
		}
	}
}

/* Does the body [lo, hi) call X.Parallel()? */
static int calls_parallel(const struct ix_file *f, size_t lo, size_t hi)
{
	size_t k;

	/* t.Parallel() comes first in a subtest: look at its start only */
	for (k = lo; k < hi && k < lo + 256; k++)
		if (is(f, k, "Parallel") && isop(f, k - 1, '.') &&
		    isop(f, k + 1, '('))
			return 1;
	return 0;
}

/* The callee name before the innermost open '(' (0: none). */
static size_t enclosing_call(const struct walk *w)
{
	size_t lp;

	if (!w->npar)
		return 0;
	lp = w->parens[w->npar - 1];
	if (lp && TK(w->f, lp - 1)->kind == LEX_IDENT)
		return lp - 1;
	return 0;
}

static int name_in(const struct ix_file *f, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (tok_is(TK(f, i), f->src, *list))
			return 1;
	return 0;
}

static const char *const http_regs[] = { "HandleFunc", "Handle", "HandlerFunc",
	"HandleFunc", NULL };
static const char *const loop_helpers[] = { "Until", "JitterUntil", "Forever",
	"NonSlidingUntil", "UntilWithContext", "JitterUntilWithContext",
	"PollUntil", "PollImmediateUntil", NULL };
static const char *const informer_keys[] = { "AddFunc", "UpdateFunc",
	"DeleteFunc", NULL };

/* A func literal at i (the func keyword): decides what runs it. */
static void func_literal(struct walk *w, size_t i)
{
	const struct ix_file *f = w->f;
	struct pkg *p = w->p;
	size_t lp = i + 1, k, call;
	long end;
	int o = -1;

	w->lit_brace = 0;
	if (!isop(f, lp, '(') || M(f, lp) < (long)lp)
		return;
	k = (size_t)M(f, lp) + 1;
	while (k < w->fd->hi && !isop(f, k, '{') && TK(f, k)->kind != LEX_SEMI) {
		if ((TK(f, k)->kind == LEX_INTERFACE ||
		     TK(f, k)->kind == LEX_STRUCT) && isop(f, k + 1, '{') &&
		    M(f, k + 1) > (long)k)
			k = (size_t)M(f, k + 1) + 1;
		else if (TK(f, k)->kind == LEX_OP && M(f, k) > (long)k)
			k = (size_t)M(f, k) + 1;
		else
			k++;
	}
	if (!isop(f, k, '{') || (end = M(f, k)) < (long)k)
		return;
	w->lit_brace = k;
	w->lit_lp = lp;
	w->lit_defer = TK(f, i - 1)->kind == LEX_DEFER;
	call = enclosing_call(w);
	w->lit_once = call && is(f, call, "Do") && isop(f, call - 1, '.');
	if (TK(f, i - 1)->kind == LEX_GO) {
		o = add_origin(p, O_GO, w->fi, i - 1, w->fn, in_loop(w),
			       "goroutine started here");
	} else if (w->go_end && i < w->go_end) {
		o = w->go_origin;
	} else if (isop(f, i - 1, ':') && name_in(f, i - 2, informer_keys)) {
		o = add_origin(p, O_CB, w->fi, i - 2, w->fn, 1,
			       "informer event handler registered here; "
			       "handlers run concurrently");
	} else if (call && is(f, call, "Go")) {
		o = add_origin(p, O_CB, w->fi, call, w->fn, in_loop(w),
			       "callback passed to Go here");
	} else if (call && name_in(f, call, http_regs)) {
		o = add_origin(p, O_CB, w->fi, call, w->fn, 1,
			       "HTTP handler registered here; requests are "
			       "served concurrently");
	} else if (call && is(f, call, "AfterFunc")) {
		o = add_origin(p, O_CB, w->fi, call, w->fn, in_loop(w),
			       "time.AfterFunc callback, runs in its own goroutine");
	} else if (call && is(f, call, "Run") &&
		   calls_parallel(f, k, (size_t)end)) {
		o = add_origin(p, O_CB, w->fi, call, w->fn, 1,
			       "parallel subtest (t.Parallel) started here");
	} else {
		size_t q;

		for (q = lp; q < close_of(f, lp); q++)
			if (is(f, q, "ResponseWriter") && isop(f, q - 1, '.'))
				o = add_origin(p, O_CB, w->fi, i, w->fn, 1,
					       "HTTP handler function; requests "
					       "are served concurrently");
	}
	if (o >= 0 && !p->orig[o].end)
		p->orig[o].end = (uint32_t)end;
	w->lit_origin = o;
}

static void push_frame(struct walk *w, size_t close)
{
	struct frame *fr;

	ARRAY_GROW(w->fr, w->nfr + 1, w->afr);
	fr = &w->fr[w->nfr];
	memset(fr, 0, sizeof(*fr));
	fr->close = (uint32_t)close;
	fr->saved = w->ls;
	fr->origin = w->nfr ? w->fr[w->nfr - 1].origin : -1;
	fr->boundary = w->nfr ? w->fr[w->nfr - 1].boundary : -1;
	fr->range_key = fr->range_var = -1;
	w->nfr++;
}

/* Declares the parameters of the literal whose '(' is lp; a go literal's
 * map parameter aliases the map passed to it. */
static void literal_params(struct walk *w, size_t lp, size_t body, int go)
{
	const struct ix_file *f = w->f;
	struct pkg *p = w->p;
	size_t i = lp + 1, rp = close_of(f, lp), args = 0, argi = 0;
	long bend = M(f, body);

	if (go && bend > 0 && isop(f, (size_t)bend + 1, '(') &&
	    M(f, (size_t)bend + 1) > bend + 1)
		args = (size_t)bend + 2;
	while (i < rp) {
		size_t s = i, t;
		int kind, type = -1, alias = -1, fresh = 1;

		while (i < rp && !isop(f, i, ','))
			i = TK(f, i)->kind == LEX_OP && M(f, i) > (long)i
				? (size_t)M(f, i) + 1 : i + 1;
		/* the type: after the name, or the next item's */
		t = s + 1;
		if (t >= i) {
			size_t q = i;

			while (q < rp && !(TK(f, q)->kind == LEX_IDENT &&
					   TK(f, q + 1)->kind != LEX_OP))
				q++;
			t = q + 1;
		}
		kind = K_OTHER;
		while (is(f, t, "*"))
			t++;
		if (TK(f, t)->kind == LEX_MAP)
			kind = K_MAP;
		else if (TK(f, t)->kind == LEX_IDENT && !isop(f, t + 1, '.')) {
			const struct ix_type *ty = index_type(&p->ix, tid(p, f, t));

			if (ty && ty->is_map)
				kind = K_MAP;
			else if (ty && ty->is_struct)
				type = ty->name;
		}
		if (args && TK(f, args + argi)->kind == LEX_IDENT) {
			/* the argument in the same position */
			size_t a = args, n = 0;

			while (n < argi && a < (size_t)M(f, (size_t)bend + 1)) {
				if (isop(f, a, ','))
					n++;
				a = TK(f, a)->kind == LEX_OP && M(f, a) > (long)a
					? (size_t)M(f, a) + 1 : a + 1;
			}
			if (TK(f, a)->kind == LEX_IDENT) {
				size_t e = chain_end(f, a);
				struct chain c;

				if (isop(f, e + 1, ',') || isop(f, e + 1, ')')) {
					struct local *l = a == e
						? find_local(w, tid(p, f, a)) : NULL;

					resolve(w, a, e, &c);
					if (c.is_map && kind == K_MAP) {
						alias = c.key;
						fresh = 0;
					} else if (type >= 0 && !(l && l->per_iter) &&
						   c.root != R_UNKNOWN) {
						fresh = 0;
					}
				}
			}
		}
		if (TK(f, s)->kind == LEX_IDENT && s + 1 < i) {
			declare(w, s, kind == K_MAP, type, alias, fresh);
			if (alias >= 0)
				w->loc[w->nloc - 1].is_map = 1;
		}
		argi++;
		i++;
	}
}

/* The statement at i is an if/for/switch/select: find its body brace. */
static void header(struct walk *w, size_t i)
{
	const struct ix_file *f = w->f;
	size_t k = i + 1;

	while (k < w->fd->hi) {
		if (isop(f, k, '{') && M(f, k) > (long)k) {
			size_t n = (size_t)M(f, k) + 1;

			if (TK(f, n)->kind == LEX_SEMI || isop(f, n, '}') ||
			    isop(f, n, ')') || TK(f, n)->kind == LEX_ELSE ||
			    TK(f, n)->kind == LEX_EOF)
				break;
		}
		if (TK(f, k)->kind == LEX_OP && M(f, k) > (long)k)
			k = (size_t)M(f, k) + 1;
		else
			k++;
	}
	w->hdr_brace = k;
	w->hdr_stmt = i;
}

/* Is the '{' at i a block (not a composite literal)? */
static int block_brace(const struct ix_file *f, size_t i)
{
	const struct token *t = TK(f, i - 1);

	return t->kind == LEX_SEMI || t->kind == LEX_ELSE || isop(f, i - 1, '{') ||
	       isop(f, i - 1, '}') || isop(f, i - 1, ':') || isop(f, i - 1, ')');
}

/* A '{' at i that is not a func literal's. */
static void open_block(struct walk *w, size_t i)
{
	const struct ix_file *f = w->f;
	struct pkg *p = w->p;
	size_t s = w->hdr_stmt, r, k;
	struct frame *fr;

	push_frame(w, (size_t)M(f, i));
	fr = &w->fr[w->nfr - 1];
	if (i != w->hdr_brace || TK(f, s)->kind != LEX_FOR || s >= i)
		return;
	fr->is_loop = 1;
	for (r = s; r < i && TK(f, r)->kind != LEX_RANGE; r++)
		;
	/* for k, v := range / for i := 0: the names are this block's */
	for (k = s + 1; k < i && TK(f, k)->kind == LEX_IDENT; k += 2) {
		declare(w, k, 0, -1, -1, 1);
		if (!isop(f, k + 1, ','))
			break;
	}
	if (r < i && TK(f, r + 1)->kind == LEX_IDENT) {
		size_t e = chain_end(f, r + 1);
		struct chain c;
		const struct local *cl = e == r + 1 ? find_local(w, tid(p, f, r + 1))
						    : NULL;

		if (cl && cl->is_chan)
			add_sync(w, r);	/* ranging a channel receives */

		if (e + 1 == i) {
			resolve(w, r + 1, e, &c);
			if (c.is_map) {
				fr->range_key = c.key;
				fr->range_tok = (uint32_t)s;
				fr->range_s = (uint32_t)(r + 1);
				fr->range_e = (uint32_t)e;
				if (TK(f, s + 1)->kind == LEX_IDENT &&
				    !is(f, s + 1, "_") && s + 1 < r)
					fr->range_var = tid(p, f, s + 1);
			}
		}
	}
}

static void close_block(struct walk *w)
{
	struct frame *fr = &w->fr[w->nfr - 1];

	if (fr->is_lit || fr->term)
		w->ls = fr->saved;
	w->nfr--;
	while (w->nloc && w->loc[w->nloc - 1].frame >= (int)w->nfr)
		w->nloc--;
}

/* A declaration statement starting at i. */
static void declaration(struct walk *w, size_t i)
{
	const struct ix_file *f = w->f;
	struct pkg *p = w->p;
	size_t k = i;
	int is_map, type, alias, fresh;

	w->val_recv = 0;
	if (TK(f, i)->kind == LEX_VAR) {
		k = i + 1;
		if (TK(f, k)->kind != LEX_IDENT)
			return;
		if (isop(f, k + 1, '=')) {
			classify_value(w, k + 2, &is_map, &type, &alias, &fresh);
		} else {
			size_t t = k + 1;
			const struct ix_type *ty;

			while (TK(f, t)->kind == LEX_IDENT && isop(f, t + 1, ','))
				t += 2;
			if (TK(f, t)->kind == LEX_IDENT)
				t++;
			while (is(f, t, "*"))
				t++;
			is_map = TK(f, t)->kind == LEX_MAP;
			type = alias = -1;
			fresh = 1;
			if (TK(f, t)->kind == LEX_IDENT && !isop(f, t + 1, '.') &&
			    (ty = index_type(&p->ix, tid(p, f, t)))) {
				is_map = ty->is_map;
				type = ty->is_struct ? ty->name : -1;
			}
			for (; k < t && TK(f, k)->kind == LEX_IDENT; k += 2) {
				declare(w, k, is_map, type, -1, 1);
				if (!isop(f, k + 1, ','))
					break;
			}
			return;
		}
		declare(w, k, is_map, type, alias, fresh);
		return;
	}
	if (isop(f, i + 1, '=') && TK(f, i)->kind == LEX_IDENT) {
		/* x = value: a local now holds something else */
		struct local *l = find_local(w, tid(p, f, i));

		if (!l)
			return;
		classify_value(w, i + 2, &is_map, &type, &alias, &fresh);
		if (TK(f, i + 2)->kind == LEX_IDENT &&
		    isop(f, chain_end(f, i + 2) + 1, '[')) {
			w->val_recv = 0;
			return;
		}
		l->fresh = fresh;
		l->alias = alias;
		l->from_recv = w->val_recv;
		w->val_recv = 0;
		if (type >= 0)
			l->type = type;
		return;
	}
	while (TK(f, k)->kind == LEX_IDENT && isop(f, k + 1, ','))
		k += 2;
	if (TK(f, k)->kind != LEX_IDENT || !is(f, k + 1, ":="))
		return;
	classify_value(w, k + 2, &is_map, &type, &alias, &fresh);
	if ((TK(f, k + 2)->kind == LEX_IDENT &&
	     isop(f, chain_end(f, k + 2) + 1, '[')) ||
	    TK(f, k + 2)->kind == LEX_RANGE)
		is_map = 0, type = -1, alias = -1, fresh = 1;
	declare(w, i, is_map, type, alias, fresh);
	for (k = i; isop(f, k + 1, ',') && TK(f, k + 2)->kind == LEX_IDENT; k += 2)
		declare(w, k + 2, 0, -1, -1, 1);
}

/* Entry edges for method values and functions passed as arguments of the
 * call whose '(' is lp. */
static void value_args(struct walk *w, size_t lp, int origin)
{
	const struct ix_file *f = w->f;
	size_t k, rp = close_of(f, lp);

	for (k = lp + 1; k < rp;) {
		if (TK(f, k)->kind == LEX_IDENT && !isop(f, k - 1, '.')) {
			size_t e = chain_end(f, k);
			int fn;

			if ((isop(f, e + 1, ',') || isop(f, e + 1, ')')) &&
			    (fn = callee(w, k, e)) >= 0) {
				int save = w->fr[w->nfr - 1].origin;

				w->fr[w->nfr - 1].origin = origin;
				add_edge(w, fn, 0, 0, 0);
				w->fr[w->nfr - 1].origin = save;
			}
			k = e + 1;
		} else {
			k = TK(f, k)->kind == LEX_OP && M(f, k) > (long)k
				? (size_t)M(f, k) + 1 : k + 1;
		}
	}
}

/* Functions passed to once.Do(f) run once, before Do returns. */
static void once_args(struct walk *w, size_t lp)
{
	const struct ix_file *f = w->f;
	size_t e;
	int fn;

	if (TK(f, lp + 1)->kind != LEX_IDENT)
		return;
	e = chain_end(f, lp + 1);
	if (isop(f, e + 1, ')') && (fn = callee(w, lp + 1, e)) >= 0)
		w->p->once_fn[fn] = 1;
}

/* After the `map` keyword at k: are the map's elements surely not maps
 * (slices, arrays, pointers, channels, funcs, structs, predeclared types,
 * this package's non-map types)?  Another package's type may be a map. */
static int elem_not_map(struct pkg *p, const struct ix_file *f, size_t k)
{
	static const char *const basic[] = { "bool", "byte", "complex64",
		"complex128", "error", "float32", "float64", "int", "int8",
		"int16", "int32", "int64", "rune", "string", "uint", "uint8",
		"uint16", "uint32", "uint64", "uintptr", "any", NULL };
	const struct ix_type *t;
	size_t e;
	int kind;

	if (TK(f, k)->kind != LEX_MAP || !isop(f, k + 1, '['))
		return 0;
	e = close_of(f, k + 1) + 1;
	kind = TK(f, e)->kind;
	if (isop(f, e, '[') || isop(f, e, '*') || kind == LEX_CHAN ||
	    kind == LEX_FUNC || kind == LEX_STRUCT || kind == LEX_INTERFACE)
		return 1;
	if (kind != LEX_IDENT || isop(f, e + 1, '.'))
		return 0;
	if ((t = index_type(&p->ix, tid(p, f, e))))
		return !t->is_map;
	return name_in(f, e, basic);
}

/* Is the map whose name is declared at token tok of file fi (a field, a
 * variable, a local) one whose elements are not maps?  Then `m[k][i] = v`
 * writes into an element (a slice's, an array's), and only reads the map:
 * `res.Header["Date"][i] = x` with `type Header map[string][]string`. */
static int map_of_non_maps(struct pkg *p, int fi, size_t tok)
{
	const struct ix_file *f = &p->ix.files[fi];
	const struct ix_type *t;
	size_t k = tok + 1;

	while (isop(f, k, ',') && TK(f, k + 1)->kind == LEX_IDENT && k < tok + 32)
		k += 2;
	if (is(f, k, ":=") || isop(f, k, '='))
		k++;
	if (is(f, k, "make") && isop(f, k + 1, '('))
		k += 2;
	if (TK(f, k)->kind == LEX_IDENT && !isop(f, k + 1, '.') &&
	    (t = index_type(&p->ix, tid(p, f, k))) && t->is_map) {
		/* a named map type: its declaration */
		f = &p->ix.files[t->file];
		k = t->tok + 1;
		if (isop(f, k, '['))
			k = close_of(f, k) + 1;	/* type parameters */
		if (isop(f, k, '='))
			k++;
	}
	return elem_not_map(p, f, k);
}

/* An identifier chain at i (not after a '.'). Returns the last token. */
static size_t chain_at(struct walk *w, size_t i)
{
	const struct ix_file *f = w->f;
	struct pkg *p = w->p;
	size_t e = chain_end(f, i), k;
	int wr;
	struct chain c;

	if (isop(f, e + 1, '(')) {
		size_t lp = e + 1;
		int fn;

		if (e > i && (is(f, e, "Lock") || is(f, e, "RLock") ||
			      is(f, e, "Unlock") || is(f, e, "RUnlock"))) {
			int key = lock_key(w, i, e - 2);
			int deferred = TK(f, w->stmt)->kind == LEX_DEFER;

			if (is(f, e, "Lock") && !deferred)
				ls_add(&w->ls, key, 0);
			else if (is(f, e, "RLock") && !deferred)
				ls_add(&w->ls, key, 1);
			else if (!deferred)
				ls_del(&w->ls, key);
			return e;
		}
		if (e > i && is(f, e, "Wait"))
			add_sync(w, e);
		if ((i == e && (is(f, e, "delete") || is(f, e, "clear"))) ||
		    (e == i + 2 && is(f, i, "maps") &&
		     (is(f, e, "Copy") || is(f, e, "DeleteFunc")))) {
			size_t a = lp + 1, ae;

			if (TK(f, a)->kind != LEX_IDENT)
				return e;
			ae = chain_end(f, a);
			if (!isop(f, ae + 1, ',') && !isop(f, ae + 1, ')'))
				return e;
			resolve(w, a, ae, &c);
			if (c.is_map && c.key >= 0)
				add_access(w, i, a, ae, A_WRITE, 0, &c);
			w->skip_until = ae + 1;
			return e;
		}
		if (i == e && is(f, e, "len") && TK(f, lp + 1)->kind == LEX_IDENT) {
			size_t ae = chain_end(f, lp + 1);

			if (isop(f, ae + 1, ')')) {
				resolve(w, lp + 1, ae, &c);
				if (c.is_map && c.key >= 0)
					add_access(w, lp + 1, lp + 1, ae, A_LEN, 0, &c);
				w->skip_until = ae + 1;
			}
			return e;
		}
		fn = callee(w, i, e);
		if (fn >= 0) {
			int own = 0, via = 0;

			if (e > i) {
				resolve(w, i, e - 2, &c);
				own = seen_root(w, &c) == R_OWNED;
				via = c.root == R_RECV;	/* recv.f.M(): the receiver's own */
				if (c.root == R_ALIAS && seen_root(w, &c) == R_ALIAS) {
					/* rws := w.rws; rws.M(): the same */
					const struct local *l = find_local(w, tid(p, f, i));

					via = l && l->from_recv;
				}
			}
			add_edge(w, fn, own, via, lp);
			if (e > i && c.root == R_PARAM)
				p->edges[p->nedges - 1].rparam = tid(p, f, i);
			if (p->ix.funcs[fn].has_go)
				value_args(w, lp, add_origin(p, O_GO, w->fi, e,
					w->fn, in_loop(w),
					"passed to a function that starts a goroutine"));
		}
		if (e > i && is(f, e, "Do"))
			once_args(w, lp);
		if (name_in(f, e, http_regs))
			value_args(w, lp, add_origin(p, O_CB, w->fi, e, w->fn, 1,
				"HTTP handler registered here; requests are "
				"served concurrently"));
		else if (is(f, e, "Go") && e > i)
			value_args(w, lp, add_origin(p, O_CB, w->fi, e, w->fn,
				in_loop(w), "callback passed to Go here"));
		else if (is(f, e, "AfterFunc"))
			value_args(w, lp, add_origin(p, O_CB, w->fi, e, w->fn,
				in_loop(w), "time.AfterFunc callback, runs in "
				"its own goroutine"));
		else if (w->go_end && lp < w->go_end && name_in(f, e, loop_helpers))
			value_args(w, lp, w->go_origin);
		return e;
	}
	/* DeleteFunc: c.deleteNode in a handler struct literal */
	if (isop(f, i - 1, ':') && name_in(f, i - 2, informer_keys) &&
	    (isop(f, e + 1, ',') || isop(f, e + 1, '}') ||
	     TK(f, e + 1)->kind == LEX_SEMI)) {
		int fn = callee(w, i, e);

		if (fn >= 0) {
			int save = w->fr[w->nfr - 1].origin;

			w->fr[w->nfr - 1].origin = add_origin(p, O_CB, w->fi, i - 2,
				w->fn, 1, "informer event handler registered "
				"here; handlers run concurrently");
			add_edge(w, fn, 0, 0, 0);
			w->fr[w->nfr - 1].origin = save;
		}
		return e;
	}
	if (isop(f, e + 1, '[') && M(f, e + 1) > (long)(e + 1)) {
		int groups = 0;

		for (k = e + 1; isop(f, k, '[') && M(f, k) > (long)k; groups++)
			k = (size_t)M(f, k) + 1;
		resolve(w, i, e, &c);
		if (!c.is_map || c.key < 0)
			return e;
		wr = lhs_write(f, k);
		if (wr && groups > 1 && c.keyclass != 'p' &&
		    map_of_non_maps(p, c.decl_file, c.decl_tok))
			wr = 0;	/* m[k][i] = v into a slice: a read of m */
		add_access(w, i, i, e, wr ? A_WRITE : A_READ, groups > 1, &c);
		return e;
	}
	if (TK(f, i - 1)->kind == LEX_RANGE) {
		resolve(w, i, e, &c);
		if (c.is_map && c.key >= 0)
			add_access(w, i, i, e, A_RANGE, 0, &c);
	}
	return e;
}

/* Named results are locals of the body: `(req *Request, err error)`; they
 * start as zero values, so fresh until set. */
static void declare_results(struct walk *w)
{
	const struct ix_file *f = w->f;
	size_t k = named_result(w->p, w->fn), rp, q;

	if (!k)
		return;
	rp = close_of(f, k - 1);
	for (q = k; q < rp;) {
		size_t t = q + 1;
		int type = -1;
		const struct ix_type *ty;

		if (TK(f, q)->kind != LEX_IDENT)
			break;
		while (is(f, t, "*"))
			t++;
		if (TK(f, t)->kind == LEX_IDENT && !isop(f, t + 1, '.') &&
		    (ty = index_type(&w->p->ix, tid(w->p, f, t))) && ty->is_struct)
			type = ty->name;
		declare(w, q, TK(f, t)->kind == LEX_MAP, type, -1, 1);
		/* to the next item */
		while (q < rp && !isop(f, q, ','))
			q = TK(f, q)->kind == LEX_OP && M(f, q) > (long)q
				? (size_t)M(f, q) + 1 : q + 1;
		q++;
	}
}

static void walk_func(struct pkg *p, int fn)
{
	struct walk w;
	const struct ix_func *fd = &p->ix.funcs[fn];
	size_t i;
	int at_stmt = 1;

	memset(&w, 0, sizeof(w));
	w.p = p;
	w.fn = fn;
	w.fd = fd;
	w.fi = fd->file;
	w.f = &p->ix.files[fd->file];
	w.lit_origin = -1;
	push_frame(&w, fd->hi);
	w.fr[0].origin = -1;
	w.fr[0].boundary = -1;
	declare_results(&w);
	w.stmt = fd->lo + 1;
	for (i = fd->lo + 1; i < fd->hi; i++) {
		const struct token *t = TK(w.f, i);

		if (at_stmt && t->kind != LEX_SEMI && !TOK_OP1(t, '}')) {
			w.stmt = i;
			if (t->kind == LEX_IF || t->kind == LEX_FOR ||
			    t->kind == LEX_SWITCH || t->kind == LEX_SELECT ||
			    t->kind == LEX_ELSE)
				header(&w, i);
			/* if x, ok := f(); ok {: x lives on in the block */
			if ((t->kind == LEX_IF || t->kind == LEX_SWITCH) &&
			    TK(w.f, i + 1)->kind == LEX_IDENT)
				declaration(&w, i + 1);
			/* a case clause starts from the switch's entry state;
			 * one that ended in return/break left nothing behind */
			if ((t->kind == LEX_CASE || t->kind == LEX_DEFAULT) &&
			    w.fr[w.nfr - 1].term && w.nfr > 1)
				w.ls = w.fr[w.nfr - 1].saved;
			w.fr[w.nfr - 1].term = t->kind == LEX_RETURN ||
				t->kind == LEX_BREAK || t->kind == LEX_CONTINUE ||
				t->kind == LEX_GOTO ||
				(is(w.f, i, "panic") && isop(w.f, i + 1, '('));
			if (t->kind == LEX_IDENT || t->kind == LEX_VAR)
				declaration(&w, i);
			at_stmt = 0;
		}
		if (i == w.go_end)
			w.go_end = 0;
		if (i < w.skip_until)
			continue;
		switch (t->kind) {
		case LEX_SEMI:
			at_stmt = 1;
			break;
		case LEX_FUNC:
			func_literal(&w, i);
			break;
		case LEX_GO:
			if (TK(w.f, i + 1)->kind == LEX_IDENT) {
				size_t e = chain_end(w.f, i + 1);

				if (isop(w.f, e + 1, '(') && M(w.f, e + 1) > (long)e) {
					int o = add_origin(p, O_GO, w.fi, i, fn,
							   in_loop(&w),
							   "goroutine started here");
					int cf = callee(&w, i + 1, e);
					int save = w.fr[w.nfr - 1].origin;
					struct chain c;
					int own = 0;

					if (e > i + 1) {
						/* go x.run(): x made fresh in this
						 * loop iteration is that goroutine's */
						resolve(&w, i + 1, e - 2, &c);
						if (c.local_frame >= 0) {
							struct local *l = find_local(&w,
								tid(p, w.f, i + 1));
							own = l && l->per_iter && l->fresh;
						}
					}
					w.fr[w.nfr - 1].origin = o;
					if (cf >= 0)
						add_edge(&w, cf, own, 0, e + 1);
					w.fr[w.nfr - 1].origin = save;
					w.go_end = (size_t)M(w.f, e + 1);
					w.go_origin = o;
					p->orig[o].end = (uint32_t)w.go_end;
					value_args(&w, e + 1, o);
				}
			}
			break;
		case LEX_IDENT:
			if (!isop(w.f, i - 1, '.'))
				i = chain_at(&w, i);
			break;
		case LEX_OP:
			if (t->len != 1)
				break;
			if (t->op == '(') {
				ARRAY_GROW(w.parens, w.npar + 1, w.apar);
				w.parens[w.npar++] = i;
			} else if (t->op == ')') {
				if (w.npar && M(w.f, i) == (long)w.parens[w.npar - 1])
					w.npar--;
			} else if (t->op == '{' && M(w.f, i) > (long)i) {
				if (i == w.lit_brace) {
					int o = w.lit_origin;
					size_t lp = w.lit_lp;
					int dfr = w.lit_defer;

					push_frame(&w, (size_t)M(w.f, i));
					w.fr[w.nfr - 1].is_lit = 1;
					w.fr[w.nfr - 1].defer_lit = dfr;
					w.fr[w.nfr - 1].once = w.lit_once;
					if (o >= 0) {
						w.fr[w.nfr - 1].origin = o;
						w.fr[w.nfr - 1].boundary = (int)w.nfr - 1;
						memset(&w.ls, 0, sizeof(w.ls));
					}
					literal_params(&w, lp, i,
						       o >= 0 && p->orig[o].kind == O_GO);
					w.lit_brace = 0;
					w.lit_origin = -1;
					at_stmt = 1;
				} else if (i == w.hdr_brace || block_brace(w.f, i)) {
					open_block(&w, i);
					at_stmt = 1;
				} else {
					/* a composite literal */
					push_frame(&w, (size_t)M(w.f, i));
					w.fr[w.nfr - 1].is_comp = 1;
				}
			} else if (t->op == '}') {
				int comp = w.nfr > 1 && w.fr[w.nfr - 1].is_comp;

				if (w.nfr > 1 && w.fr[w.nfr - 1].close == i)
					close_block(&w);
				if (!comp)
					at_stmt = 1;
			} else if (t->op == ':' && w.nfr &&
				   (TK(w.f, w.stmt)->kind == LEX_CASE ||
				    TK(w.f, w.stmt)->kind == LEX_DEFAULT)) {
				at_stmt = 1;
			}
			break;
		default:
			break;
		}
		if (t->kind == LEX_OP && is(w.f, i, "<-") &&
		    (at_stmt || w.stmt == i || isop(w.f, i - 1, '=') ||
		     is(w.f, i - 1, ":=")))
			add_sync(&w, i);
	}
	free(w.fr);
	free(w.loc);
	free(w.parens);
}

/* ---- reach ---------------------------------------------------------------- */

static int sig_has(const struct pkg *p, int fn, const char *word)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	const struct ix_file *f = &p->ix.files[fd->file];
	size_t k;

	for (k = fd->decl; k < fd->lo; k++)
		if (tok_is(TK(f, k), f->src, word))
			return 1;
	return 0;
}

/* Methods and functions that run concurrently by what they are. */
static int entry_origin(struct pkg *p, int fn)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	const char *n = nm(p, fd->name);

	if (fd->recv_type >= 0 && !strcmp(n, "ServeHTTP"))
		return add_origin(p, O_CB, fd->file, fd->decl, fn, 1,
				  "ServeHTTP method: requests are served "
				  "concurrently");
	if (fd->recv_type >= 0 && (!strcmp(n, "Collect") || !strcmp(n, "Update")) &&
	    sig_has(p, fn, "chan"))
		return add_origin(p, O_CB, fd->file, fd->decl, fn, 1,
				  "metrics collector method: scrapes call it "
				  "concurrently");
	if (sig_has(p, fn, "ResponseWriter") && sig_has(p, fn, "Request"))
		return add_origin(p, O_CB, fd->file, fd->decl, fn, 1,
				  "HTTP handler: requests are served "
				  "concurrently");
	return -1;
}

/* How many calls deep concurrency follows from a goroutine's entry: the
 * entry and three levels of package calls.  Deeper chains run into code
 * whose objects the goroutine made itself too often to judge by tokens. */
#define REACH_DEPTH 3

/* Goroutines of _test.go files do not make the package's own code
 * concurrent: tests stress APIs whose concurrency contract lives elsewhere. */
static int test_into_pkg(const struct pkg *p, int o, int fn)
{
	return p->ix.files[p->orig[o].file].is_test &&
	       !p->ix.files[p->ix.funcs[fn].file].is_test;
}

static int locked_entry(const struct pkg *p, int fn);
static int param_owned(struct pkg *p, int fn, int name);

/* Counts each function's call sites and the locks they hold (ncalls, nexcl,
 * nrd).  Calls whose callee is a guess do not count.  The lock a function
 * runs under is judged by the package's own call sites: a test calls
 * internals in a set-up that the package's contract orders out of view (a
 * benchmark body runs under runN's lock); only a function that tests alone
 * call is judged by its test call sites. */
static void count_calls(struct pkg *p)
{
	size_t nf = p->ix.nfuncs, i;
	int *t = xcalloc(3 * (nf + 1), sizeof(int));

	for (i = 0; i < nf; i++)
		p->reach[i].ncalls = p->reach[i].nexcl = p->reach[i].nrd = 0;
	for (i = 0; i < p->nedges; i++) {
		const struct edge *e = &p->edges[i];
		int to = e->to;

		if (e->guess)
			continue;
		if (p->ix.files[p->ix.funcs[e->from].file].is_test &&
		    !p->ix.files[p->ix.funcs[to].file].is_test) {
			t[3 * to]++;
			t[3 * to + 1] += e->excl;
			t[3 * to + 2] += e->rd;
			continue;
		}
		p->reach[to].ncalls++;
		p->reach[to].nexcl += e->excl;
		p->reach[to].nrd += e->rd;
	}
	for (i = 0; i < nf; i++)
		if (!p->reach[i].ncalls) {
			p->reach[i].ncalls = t[3 * i];
			p->reach[i].nexcl = t[3 * i + 1];
			p->reach[i].nrd = t[3 * i + 2];
		}
	free(t);
}

static void compute_reach(struct pkg *p)
{
	size_t nf = p->ix.nfuncs, i, nq = 0, aq = 0;
	int *queue = NULL, *inq = xcalloc(nf + 1, sizeof(int)), round;

	p->reach = xcalloc(nf + 1, sizeof(*p->reach));
	p->ehead = xmalloc((nf + 1) * sizeof(int));
	for (i = 0; i < nf; i++) {
		p->reach[i].origin = -1;
		p->ehead[i] = -1;
	}
	p->rhead = xmalloc((nf + 1) * sizeof(int));
	p->rnext = xmalloc((p->nedges + 1) * sizeof(int));
	for (i = 0; i < nf; i++)
		p->rhead[i] = -1;
	for (i = p->nedges; i-- > 0;) {
		struct edge *e = &p->edges[i];

		p->rnext[i] = p->rhead[e->to];
		p->rhead[e->to] = (int)i;
		e->next = p->ehead[e->from];
		p->ehead[e->from] = (int)i;
	}
	count_calls(p);
	/* a call made where the caller runs with a lock held (a *Locked
	 * helper, or a function every caller locks for) holds it too; two
	 * rounds reach helpers of helpers */
	for (round = 0; round < 2; round++) {
		int changed = 0;

		for (i = 0; i < p->nedges; i++) {
			struct edge *e = &p->edges[i];

			if (e->excl || e->rd || e->guess || e->origin >= 0 ||
			    !locked_entry(p, e->from))
				continue;
			e->excl = 1;
			changed = 1;
		}
		if (!changed)
			break;
		count_calls(p);
	}
#define ENTER(fn_, o_, shared_, depth_)                                      \
	do {                                                                 \
		struct reach *r_ = &p->reach[fn_];                           \
		int ch_ = 0;                                                 \
		if (r_->origin < 0) {                                        \
			r_->origin = (o_);                                   \
			r_->depth = (depth_);                                \
			ch_ = 1;                                             \
		} else if ((depth_) < r_->depth) {                           \
			r_->depth = (depth_);                                \
			ch_ = 1;                                             \
		} else if (r_->origin != (o_) && !r_->multi) {               \
			r_->multi = 1;                                       \
			ch_ = 1;                                             \
		}                                                            \
		if ((shared_) && !r_->shared) {                              \
			r_->shared = 1;                                      \
			ch_ = 1;                                             \
		}                                                            \
		if (ch_ && !inq[fn_]) {                                      \
			inq[fn_] = 1;                                        \
			ARRAY_GROW(queue, nq + 1, aq);                       \
			queue[nq++] = (fn_);                                 \
		}                                                            \
	} while (0)
	/* a call on an object the caller's caller made for this call alone */
	for (i = 0; i < p->nedges; i++) {
		struct edge *e = &p->edges[i];

		if (e->rparam >= 0 && !e->own && e->origin < 0 &&
		    param_owned(p, e->from, e->rparam))
			e->own = 1;
	}
	for (i = 0; i < nf; i++) {
		int o = entry_origin(p, (int)i);

		if (o >= 0)
			ENTER((int)i, o, 1, 0);
	}
	for (i = 0; i < p->nedges; i++) {
		const struct edge *e = &p->edges[i];

		if (e->origin >= 0 && !test_into_pkg(p, e->origin, e->to))
			ENTER(e->to, e->origin, !e->own, 0);
	}
	while (nq) {
		int fn = queue[--nq];
		const struct reach *r = &p->reach[fn];
		int k;

		inq[fn] = 0;
		for (k = p->ehead[fn]; k >= 0; k = p->edges[k].next) {
			const struct edge *e = &p->edges[k];

			if (e->origin >= 0 || r->depth >= REACH_DEPTH ||
			    test_into_pkg(p, r->origin, e->to))
				continue;
			ENTER(e->to, r->origin,
			      e->own ? 0 : e->via_recv ? r->shared : 1, r->depth + 1);
			if (r->multi && !p->reach[e->to].multi) {
				p->reach[e->to].multi = 1;
				if (!inq[e->to]) {
					inq[e->to] = 1;
					ARRAY_GROW(queue, nq + 1, aq);
					queue[nq++] = e->to;
				}
			}
		}
	}
#undef ENTER
	/* a go statement in a function that is itself called in a loop, or
	 * runs in several goroutines, starts several goroutines */
	for (i = 0; i < p->nedges; i++)
		if (p->edges[i].loop && p->edges[i].origin < 0)
			inq[p->edges[i].to] = 2;
	for (i = 0; i < p->norig; i++) {
		struct origin *o = &p->orig[i];
		const struct reach *r = &p->reach[o->fn];

		if (inq[o->fn] == 2 || r->multi ||
		    (r->origin >= 0 && r->origin != (int)i &&
		     p->orig[r->origin].loop))
			o->loop = 1;
	}
	free(queue);
	free(inq);
}

static int locked_entry(const struct pkg *p, int fn)
{
	const char *n = nm(p, p->ix.funcs[fn].name);
	const struct reach *r = &p->reach[fn];

	return has_suffix(n, "Locked") || has_suffix(n, "locked") ||
	       (r->ncalls > 0 && r->nexcl == r->ncalls);
}

static int rlocked_entry(const struct pkg *p, int fn)
{
	const struct reach *r = &p->reach[fn];

	return r->ncalls > 0 && r->nrd == r->ncalls;
}

/* ---- judgement ------------------------------------------------------------ */

static void emit(struct pkg *p, int rule, int sev, const struct access *a,
		 char *msg)
{
	const struct ix_file *f = &p->ix.files[a->file];
	const struct token *t = TK(f, a->tok), *te = TK(f, a->end);
	struct finding *fd;
	const char *ls, *le, *end = f->src + f->len;

	p->cur = 0;
	if (!(p->o->rules & (1u << rule)) ||
	    (f->generated && !p->o->include_generated)) {
		free(msg);
		return;
	}
	if (rule < SCAN_MAX_RULES && p->o->severity[rule] >= 0)
		sev = p->o->severity[rule];
	fd = finding_list_add(p->out);
	fd->rule = xstrdup(rules[rule - 1].id);
	fd->severity = sev;
	fd->path = xstrdup(f->path);
	fd->line = lex_line(&f->lx, t->off);
	fd->column = lex_col(&f->lx, t->off);
	fd->end_line = lex_line(&f->lx, te->off);
	fd->end_column = lex_col(&f->lx, te->off) + te->len;
	if (fd->end_line != fd->line || fd->end_column <= fd->column)
		fd->end_line = fd->line, fd->end_column = fd->column + t->len;
	fd->message = msg;
	fd->symbol = xstrdup(a->disp);
	fd->source = xstrdup("static");
	ls = f->src + t->off;
	while (ls > f->src && ls[-1] != '\n')
		ls--;
	le = memchr(ls, '\n', (size_t)(end - ls));
	finding_fingerprint_base(fd, ls, le ? (size_t)(le - ls) : (size_t)(end - ls));
	p->cur = p->out->n;
}

/* Adds evidence to the finding emit() just made (none if its rule is off). */
static void ev_tok(struct pkg *p, int file, uint32_t tok, const char *note)
{
	const struct ix_file *f = &p->ix.files[file];

	if (p->cur)
		finding_add_evidence(&p->out->v[p->cur - 1], f->path,
				     lex_line(&f->lx, TK(f, tok)->off),
				     lex_col(&f->lx, TK(f, tok)->off), note);
}

static void ev_decl(struct pkg *p, const struct access *a)
{
	ev_tok(p, a->decl_file, a->decl_tok,
	       a->keyclass == 'p' ? "map parameter of this function"
				  : "map declared here");
}

static void ev_origin(struct pkg *p, int o)
{
	const struct origin *og = &p->orig[o];
	char *s = og->kind == O_GO && og->loop &&
		  !strcmp(og->what, "goroutine started here")
		? xstrdup("goroutine started here, in a loop") : xstrdup(og->what);

	ev_tok(p, og->file, og->tok, s);
	free(s);
}

/* The origin under which access a runs, or -1. */
static int origin_of(const struct pkg *p, const struct access *a)
{
	return a->origin >= 0 ? a->origin : p->reach[a->fn].origin;
}

/* Several instances of a's code can run at once. */
static int many(const struct pkg *p, const struct access *a)
{
	int o = origin_of(p, a);

	if (o < 0)
		return 0;
	return p->orig[o].loop || (a->origin < 0 && p->reach[a->fn].multi);
}

/* An identity for "the same goroutine": origin + 1, 0 for plain code. */
static int ident(const struct pkg *p, const struct access *a)
{
	return origin_of(p, a) + 1;
}

static int is_shared(const struct pkg *p, const struct access *a)
{
	switch (a->root) {
	case R_OWNED:
		return 0;
	case R_RECV:
		return a->origin >= 0 || p->reach[a->fn].origin < 0 ||
		       p->reach[a->fn].shared;
	case R_UNKNOWN:
		return a->keyclass == 'f';
	default:
		return 1;
	}
}

static int is_write(const struct access *a)
{
	return a->kind == A_WRITE;
}

/* Is there a sync point (Wait, receive) in function fn between tokens lo
 * and hi? */
static int sync_between(const struct pkg *p, int fn, uint32_t lo, uint32_t hi)
{
	size_t i;

	for (i = p->sync_lo[fn]; i < p->sync_hi[fn] && i < p->sync_lo[fn] + SYNC_LOOK;
	     i++)
		if (p->syncs[i] > lo && p->syncs[i] < hi)
			return 1;
	return 0;
}

/* Does a's goroutine wait (receive, Wait) before reaching a? */
static int waits_before(const struct pkg *p, const struct access *a)
{
	size_t i;
	uint32_t lo = a->origin >= 0 ? p->orig[a->origin].tok
				     : p->ix.funcs[a->fn].lo;

	for (i = p->sync_lo[a->fn];
	     i < p->sync_hi[a->fn] && i < p->sync_lo[a->fn] + SYNC_LOOK; i++)
		if (p->syncs[i] > lo && p->syncs[i] < a->tok)
			return 1;
	return 0;
}

/* Is a write to the same map on a's line (m[k] = append(m[k], v))? */
static int same_line_write(const struct pkg *p, size_t g0, size_t g1,
			   size_t i)
{
	const struct access *a = &p->acc[i];
	const struct ix_file *f = &p->ix.files[a->file];
	uint32_t line = lex_line(&f->lx, TK(f, a->tok)->off);
	size_t j;

	for (j = i; j-- > g0 && p->acc[j].file == a->file &&
		    lex_line(&f->lx, TK(f, p->acc[j].tok)->off) == line;)
		if (is_write(&p->acc[j]))
			return 1;
	for (j = i + 1; j < g1 && p->acc[j].file == a->file &&
		    lex_line(&f->lx, TK(f, p->acc[j].tok)->off) == line; j++)
		if (is_write(&p->acc[j]))
			return 1;
	return 0;
}

static int cmp_acc(const void *x, const void *y)
{
	const struct access *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->tok < b->tok ? -1 : a->tok > b->tok;
}

/* Is the argument starting at token a of file f a new map (make, a literal,
 * a copy)? */
static int fresh_arg(struct pkg *p, const struct ix_file *f, size_t a)
{
	size_t e;

	if (TK(f, a)->kind == LEX_MAP || is(f, a, "make"))
		return 1;
	if (TK(f, a)->kind != LEX_IDENT)
		return 0;
	e = chain_end(f, a);
	if (isop(f, e + 1, '{'))
		return 1;
	return isop(f, e + 1, '(') && fresh_name(nm(p, tid(p, f, e)));
}

/* Is the identifier at token a (the root of an argument like `resp.Header`)
 * a local (or named result) of function fn first set in it, before token
 * end, to something fresh: `r := &T{…}`, `r = T{…}`, `r := new(T)`,
 * `r := NewT(…)`?  Then its fields are the
 * call's own, not shared with another goroutine. */
static int fresh_root(struct pkg *p, const struct ix_file *f, int fn, size_t a,
		      size_t end)
{
	return fresh_root_at(p, f, fn, a, end) > 0;
}

/* As fresh_root, but returns the token where the local is set (0: not
 * fresh).  In a tuple `a, b, err := f(…)` the value must be a call of a
 * constructor (named like one, or a package function that makes what it
 * returns). */
static size_t fresh_root_at(struct pkg *p, const struct ix_file *f, int fn,
			    size_t a, size_t end)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	int name = tid(p, f, a);
	size_t k, v, op;
	int tuple;

	for (k = fd->lo + 1; k + 3 < end && k < fd->hi; k++) {
		if (TK(f, k)->kind != LEX_IDENT || tid(p, f, k) != name ||
		    (k > fd->lo && isop(f, k - 1, '.')))
			continue;
		for (op = k + 1; isop(f, op, ',') &&
		     TK(f, op + 1)->kind == LEX_IDENT && op < k + 32; op += 2)
			;
		if (!(is(f, op, ":=") || isop(f, op, '=')))
			continue;
		tuple = op > k + 1 || isop(f, k - 1, ',');
		v = op + 1;
		if (tuple) {
			/* one call gives every value: `a, b := f(…)` */
			size_t c = chain_end(f, v);

			if (TK(f, v)->kind != LEX_IDENT || !isop(f, c + 1, '(') ||
			    TK(f, close_of(f, c + 1) + 1)->kind != LEX_SEMI)
				return 0;
		} else {
			if (isop(f, v, '&'))
				v++;
			if (is(f, v, "new") && isop(f, v + 1, '('))
				return k;
		}
		if (TK(f, v)->kind != LEX_IDENT)
			return 0;
		v = chain_end(f, v);
		if (!tuple && isop(f, v + 1, '{'))
			return k;
		if (!isop(f, v + 1, '('))
			return 0;
		if (fresh_name(nm(p, tid(p, f, v))))
			return k;
		if (v == chain_end(f, op + 1) && TK(f, op + 1)->kind == LEX_IDENT &&
		    v == op + 1) {
			int id = tid(p, f, v), g;

			for (g = p->ix.func_of[id]; g >= 0; g = p->ix.func_next[g])
				if (p->ix.funcs[g].recv_type < 0)
					return makes_result(p, g, 1) ? k : 0;
		}
		return 0;
	}
	return 0;
}

#define PFRESH_DEPTH 4	/* callers followed up from the writing function */
#define PFRESH_BUDGET 256	/* call sites looked at per question */

/* Which argument (0-based, the receiver not counted) fills parameter name
 * of fn, or -1; *slot gets the parameter's index in ix.params.  The last
 * parameter of that name wins, as in the declaration. */
static int param_index(const struct pkg *p, int fn, int name, size_t *slot)
{
	const struct ix_func *fd = &p->ix.funcs[fn];
	int idx = -1, n = 0;
	size_t k;

	for (k = 0; k < fd->np; k++) {
		const struct ix_param *pa = &p->ix.params[fd->p0 + k];

		if (k == 0 && fd->recv_type >= 0 && pa->name == fd->recv_name)
			continue;
		if (pa->name == name) {
			idx = n;
			*slot = fd->p0 + k;
		}
		n++;
	}
	return idx;
}

/* Does every call of fn pass, as its parameter name, a map made for that
 * call: a new map (make, a literal, a copy), a field of an object the caller
 * just made, a local map the caller made and starts no goroutine after, or
 * a parameter of the caller that is such a map in turn (`check` makes
 * `reachable` and hands it down three calls)?  *budget bounds the call
 * sites looked at.  p->pfresh by parameter: 1 being asked (a cycle of calls
 * adds no map of its own), 2 yes, 3 no (answers to a first question, kept). */
static int param_fresh_in(struct pkg *p, int fn, int name, int depth,
			  int *budget)
{
	int idx, seen = 0, ei, ok = 1;
	size_t slot = 0;

	idx = param_index(p, fn, name, &slot);
	if (idx < 0 || depth > PFRESH_DEPTH)
		return 0;
	if (p->pfresh[slot])
		return p->pfresh[slot] != 3;	/* 1: being asked, a cycle */
	p->pfresh[slot] = 1;
	for (ei = p->rhead[fn]; ei >= 0 && ok; ei = p->rnext[ei]) {
		const struct edge *e = &p->edges[ei];
		const struct ix_func *cd = &p->ix.funcs[e->from];
		const struct ix_file *f = &p->ix.files[cd->file];
		size_t a, rp, at, q;
		int argi = 0;

		if (!e->lp || seen++ > 64 || --*budget < 0) {
			ok = 0;
			break;
		}
		rp = close_of(f, e->lp);
		for (a = e->lp + 1; a < rp && argi < idx;) {
			if (isop(f, a, ','))
				argi++;
			a = TK(f, a)->kind == LEX_OP && M(f, a) > (long)a
				? (size_t)M(f, a) + 1 : a + 1;
		}
		if (a >= rp) {
			ok = 0;
		} else if (fresh_arg(p, f, a) ||
			   (TK(f, a)->kind == LEX_IDENT && isop(f, a + 1, '.') &&
			    fresh_root(p, f, e->from, a, e->lp))) {
			;
		} else if (TK(f, a)->kind == LEX_IDENT && e->origin < 0 &&
			   (isop(f, a + 1, ',') || isop(f, a + 1, ')'))) {
			/* a plain name: the caller's parameter, or its own map */
			if (param_fresh_in(p, e->from, tid(p, f, a), depth + 1,
					   budget))
				;
			else if ((at = fresh_root_at(p, f, e->from, a, e->lp))) {
				for (q = at; q < cd->hi && ok; q++)
					if (TK(f, q)->kind == LEX_GO)
						ok = 0;
			} else {
				ok = 0;
			}
		} else if (TK(f, a)->kind == LEX_IDENT && e->origin >= 0 &&
			   (isop(f, a + 1, ',') || isop(f, a + 1, ')')) &&
			   p->orig[e->origin].kind == O_GO &&
			   !p->orig[e->origin].loop && p->orig[e->origin].end &&
			   p->orig[e->origin].fn == e->from &&
			   (at = fresh_root_at(p, f, e->from, a, e->lp)) &&
			   at < p->orig[e->origin].tok) {
			/* made by the launcher for the one goroutine it starts,
			 * which it touches again only after a Wait or receive */
			const struct origin *og = &p->orig[e->origin];
			int an = tid(p, f, a);

			for (q = at; q < cd->hi && ok; q++)
				if ((TK(f, q)->kind == LEX_GO && q != og->tok) ||
				    (TK(f, q)->kind == LEX_FOR && q < og->tok))
					ok = 0;
			for (q = og->end + 1; q < cd->hi && ok; q++)
				if (TK(f, q)->kind == LEX_IDENT &&
				    !isop(f, q - 1, '.') && tid(p, f, q) == an &&
				    !sync_between(p, e->from, og->end, (uint32_t)q))
					ok = 0;
		} else {
			ok = 0;
		}
	}
	ok = ok && seen > 0;
	/* an answer that leaned on a question still open is not kept */
	p->pfresh[slot] = depth ? 0 : ok ? 2 : 3;
	return ok;
}

/* Does every call of w's function pass a new map as the parameter w writes? */
static int param_fresh(struct pkg *p, const struct access *w)
{
	int budget = PFRESH_BUDGET;

	return param_fresh_in(p, w->fn, tid(p, &p->ix.files[w->file], w->tok),
			      0, &budget);
}

/* Is parameter name of fn, at every call of fn in the package, an object the
 * caller made for that call alone: `&T{…}`, or a local first set fresh
 * (`rw, req, err := sc.newWriterAndRequest(…)`) with no loop between that
 * and the call, and not used by the caller after the call?  Then what fn
 * reaches through it belongs to that one invocation, whatever runs fn.
 * Memoized by parameter in p->pown (1 yes, 2 no). */
static int param_owned(struct pkg *p, int fn, int name)
{
	int idx, seen = 0, ei, ok = 1;
	size_t slot = 0;

	idx = param_index(p, fn, name, &slot);
	if (idx < 0)
		return 0;
	if (p->pown[slot])
		return p->pown[slot] == 1;
	for (ei = p->rhead[fn]; ei >= 0 && ok; ei = p->rnext[ei]) {
		const struct edge *e = &p->edges[ei];
		const struct ix_func *cd = &p->ix.funcs[e->from];
		const struct ix_file *f = &p->ix.files[cd->file];
		size_t a, rp, at, q;
		int argi = 0, an;

		if (!e->lp || seen++ > 64) {
			ok = 0;
			break;
		}
		rp = close_of(f, e->lp);
		for (a = e->lp + 1; a < rp && argi < idx;) {
			if (isop(f, a, ','))
				argi++;
			a = TK(f, a)->kind == LEX_OP && M(f, a) > (long)a
				? (size_t)M(f, a) + 1 : a + 1;
		}
		if (a >= rp) {
			ok = 0;
		} else if (isop(f, a, '&')) {
			ok = TK(f, a + 1)->kind == LEX_IDENT &&
			     isop(f, chain_end(f, a + 1) + 1, '{');
		} else if (TK(f, a)->kind == LEX_IDENT &&
			   (isop(f, a + 1, ',') || isop(f, a + 1, ')')) &&
			   (at = fresh_root_at(p, f, e->from, a, e->lp))) {
			an = tid(p, f, a);
			for (q = at; q < e->lp && ok; q++)
				if (TK(f, q)->kind == LEX_FOR)
					ok = 0;
			for (q = rp + 1; q < cd->hi && ok; q++)
				if (TK(f, q)->kind == LEX_IDENT &&
				    !isop(f, q - 1, '.') && tid(p, f, q) == an)
					ok = 0;
		} else {
			ok = 0;
		}
	}
	ok = ok && seen > 0;
	p->pown[slot] = ok ? 1 : 2;
	return ok;
}

/* Is a in the function that started w's goroutine, after the go statement
 * and before any Wait or receive? */
static int launcher_after(const struct pkg *p, const struct access *w,
			  const struct access *a)
{
	int o = origin_of(p, w);
	const struct origin *og;

	if (o < 0 || a->origin >= 0)
		return 0;
	og = &p->orig[o];
	return a->fn == og->fn && a->file == og->file && a->tok > og->end &&
	       !sync_between(p, a->fn, og->end, a->tok);
}

/* Does some other access of the group [g0, g1) run concurrently with w?
 * Returns it, or NULL.  Looks at a bounded number of accesses. */
static const struct access *other(const struct pkg *p, size_t g0, size_t g1,
				  const struct access *w, int writes_only)
{
	size_t i, seen = 0;
	int wi = ident(p, w);
	const struct access *best = NULL;

	for (i = g0; i < g1 && seen < 256; i++) {
		const struct access *a = &p->acc[i];

		if (a == w || (writes_only && !is_write(a)))
			continue;
		seen++;
		if (launcher_after(p, w, a))
			;	/* the launcher goes on using it */
		else if ((is_ctor(p, a->fn) && origin_of(p, a) < 0 &&
		     a->keyclass != 'l') || a->once ||
		    (!is_shared(p, a) && a->keyclass != 'l') || waits_before(p, a))
			continue;
		if (a->keyclass == 'l') {
			/* a local: the launcher's own accesses count only
			 * between the go statement and a Wait or receive */
			if (a->origin < 0 && w->origin >= 0) {
				const struct origin *o = &p->orig[w->origin];

				if (a->fn != o->fn || a->file != o->file ||
				    a->tok < o->end ||
				    sync_between(p, a->fn, o->end, a->tok))
					continue;
			} else if (a->origin < 0) {
				continue;
			}
		}
		if (ident(p, a) != wi || (wi && many(p, a))) {
			if (!best || (is_write(a) && !is_write(best)))
				best = a;
			if (is_write(a))
				break;
		}
	}
	return best;
}

static void judge_group(struct pkg *p, size_t g0, size_t g1)
{
	size_t i, n = 0, nprot = 0;
	int guard = -1, cnt[MAXLOCKS * 8], ids[MAXLOCKS * 8], nids = 0, best = 0;
	int alt[MAXLOCKS], nalt = 0, unknown_lock;
	size_t wi[256], nw = 0;	/* the first writes, for MG003 */
	const struct access *gsite = NULL;
	struct access *a0 = &p->acc[g0];

	/* the guard: an annotation, or the lock most accesses hold */
	for (i = g0; i < g1; i++)
		if (p->acc[i].guard >= 0)
			guard = p->acc[i].guard;
	if (guard < 0 && (a0->keyclass == 'f' || a0->keyclass == 'v')) {
		/* per function: which locks its accesses hold (GCatch counts
		 * sites; functions are steadier on small types) */
		int fn = -1, fl[MAXLOCKS * 2], nfl = 0, k;

		for (i = g0; i <= g1; i++) {
			const struct access *a = i < g1 ? &p->acc[i] : NULL;
			int j;

			if (a && (is_ctor(p, a->fn) || a->once ||
				  (a->origin < 0 && locked_entry(p, a->fn))))
				continue;
			if (!a || a->fn != fn) {
				if (fn >= 0) {
					n++;
					nprot += nfl > 0;
					for (j = 0; j < nfl; j++) {
						for (k = 0; k < nids && ids[k] != fl[j]; k++)
							;
						if (k == nids && nids < MAXLOCKS * 8) {
							ids[nids] = fl[j];
							cnt[nids++] = 0;
						}
						if (k < nids)
							cnt[k]++;
					}
				}
				if (!a)
					break;
				fn = a->fn;
				nfl = 0;
			}
			for (j = 0; j < a->ls.n; j++) {
				for (k = 0; k < nfl && fl[k] != a->ls.id[j]; k++)
					;
				if (k == nfl && nfl < MAXLOCKS * 2)
					fl[nfl++] = a->ls.id[j];
			}
		}
		for (i = 0; i < (size_t)nids; i++)
			if (cnt[i] > cnt[best])
				best = (int)i;
		if (nids && cnt[best] >= 2 && nprot * 3 >= n * 2) {
			guard = ids[best];
			/* every lock held as often is a guard too (two locks
			 * taken together, in either role) */
			for (i = 0; i < (size_t)nids; i++)
				if (cnt[i] == cnt[best] && nalt < MAXLOCKS)
					alt[nalt++] = ids[i];
		}
	}
	for (i = g0; i < g1 && nw < 256; i++)
		if (is_write(&p->acc[i]))
			wi[nw++] = i;
	if (guard >= 0)
		for (i = g0; i < g1 && !gsite; i++)
			if (ls_has(&p->acc[i].ls, guard, 0))
				gsite = &p->acc[i];
	for (i = g0; i < g1; i++) {
		struct access *a = &p->acc[i];
		int o = origin_of(p, a), entry_locked, excl, rd, k, excl_guard = 0;
		const struct access *x;

		entry_locked = a->origin < 0 && locked_entry(p, a->fn);
		excl = ls_excl(&a->ls);
		rd = a->ls.n > 0 && !excl;
		if (a->range_mut && a->root != R_OWNED)
			emit(p, 6, SEV_NOTE, a, xasprintf("map %s is written while "
			     "ranging over it: inserting other keys makes the "
			     "iteration visit them or not at random", a->disp)),
			ev_tok(p, a->file, a->range_tok, "range loop over the map");
		if (is_write(a)) {
			if (entry_locked)
				continue;
			unknown_lock = 0;
			for (k = 0; k < a->ls.n; k++)
				if (nm(p, a->ls.id[k])[0] == '~' ||
				    nm(p, guard >= 0 ? guard : a->ls.id[k])[0] == '~')
					unknown_lock = 1;
			for (k = 0; k < nalt; k++)
				if (ls_has(&a->ls, alt[k], 1))
					excl_guard = 1;
			if (guard >= 0 && !ls_has(&a->ls, guard, 1) && !excl_guard &&
			    !(excl && unknown_lock) &&
			    !is_ctor(p, a->fn) && !rd && !a->once) {
				emit(p, 5, SEV_WARNING, a, xasprintf("map %s is "
				     "guarded by %s elsewhere but written here %s",
				     a->disp, nm(p, guard), excl
				     ? "under another lock" : "without it"));
				ev_decl(p, a);
				if (gsite)
					ev_tok(p, gsite->file, gsite->tok,
					       "accessed with the guard held here");
				continue;
			}
			if (a->root == R_OWNED || a->once)
				continue;
			if (rd || (!excl && a->origin < 0 && rlocked_entry(p, a->fn))) {
				emit(p, 2, SEV_ERROR, a, xasprintf("map %s is "
				     "written while only a read lock is held; "
				     "readers run at the same time", a->disp));
				ev_decl(p, a);
				continue;
			}
			if (excl || o < 0 || !is_shared(p, a) ||
			    (a->root == R_PARAM && a->origin < 0 && param_fresh(p, a)))
				continue;
			x = other(p, g0, g1, a, 0);
			if (!x && !many(p, a) && a->keyclass != 'p' &&
			    a->root != R_ALIAS && a->root != R_PARAM)
				continue;	/* one goroutine owns it */
			{
				int cb = p->orig[o].kind == O_CB;
				int ev = many(p, a) || (x && is_write(x));

				emit(p, cb ? 4 : 1, ev ? SEV_ERROR : SEV_WARNING, a,
				     xasprintf("map %s is written %s without a "
					       "lock%s", a->disp,
					       cb ? "in a callback that runs "
						    "concurrently"
						  : "in a goroutine",
					       many(p, a) && !cb && p->orig[o].loop
					       ? "; the goroutine is started in "
						 "a loop, so several instances "
						 "write it at once"
					       : many(p, a)
					       ? "; several instances run at once"
					       : x ? "; it is also used "
						     "concurrently elsewhere"
					       : "; the caller keeps the map"));
				ev_decl(p, a);
				ev_origin(p, o);
				if (x && !many(p, a))
					ev_tok(p, x->file, x->tok,
					       is_write(x) ? "also written here"
							   : "also read here");
			}
			continue;
		}
		/* a read */
		if (a->origin < 0 && p->reach[a->fn].ncalls &&
		    p->reach[a->fn].nexcl + p->reach[a->fn].nrd ==
		    p->reach[a->fn].ncalls)
			continue;	/* callers hold a lock */
		if (o < 0 || entry_locked || !is_shared(p, a) || a->once ||
		    a->ls.n || a->kind == A_LEN ||
		    waits_before(p, a) || same_line_write(p, g0, g1, i))
			continue;
		{
			size_t j, seen = 0;

			x = NULL;
			for (j = 0; j < nw && seen < 256 && !x; j++) {
				const struct access *w = &p->acc[wi[j]];

				if (w == a ||
				    (w->fn == a->fn && w->origin == a->origin))
					continue;
				seen++;
				if (ls_common(&a->ls, &w->ls) || w->once ||
				    !is_shared(p, w) ||
				    (w->origin < 0 && locked_entry(p, w->fn) &&
				     a->ls.n) ||
				    (is_ctor(p, w->fn) && origin_of(p, w) < 0))
					continue;
				if (a->keyclass == 'l' && w->origin < 0)
					continue;
				/* a plain write outside any goroutine counts only
				 * when a lock elsewhere says the map is shared */
				if (origin_of(p, w) < 0 && guard < 0)
					continue;
				if (ident(p, w) != ident(p, a) || many(p, a))
					x = w;
			}
			if (!x)
				continue;
			emit(p, 3, SEV_WARNING, a, xasprintf("map %s is read %s "
			     "while it is written elsewhere without a common "
			     "lock", a->disp, a->ls.n ? "under a different lock"
			     : "without a lock"));
			ev_decl(p, a);
			ev_origin(p, o);
			ev_tok(p, x->file, x->tok, "written here");
		}
	}
}

static void judge(struct pkg *p)
{
	size_t i = 0, j;

	for (i = 0; i < p->nacc; i++)
		if (p->once_fn[p->acc[i].fn])
			p->acc[i].once = 1;
	if (p->nacc)
		qsort(p->acc, p->nacc, sizeof(*p->acc), cmp_acc);
	i = 0;
	while (i < p->nacc) {
		for (j = i + 1; j < p->nacc && p->acc[j].key == p->acc[i].key; j++)
			;
		judge_group(p, i, j);
		i = j;
	}
}

/* Judges the n files of one Go package (one package clause). */
static void scan_group(const struct scan_opts *o, const struct scan_file *files,
		       size_t n, struct finding_list *out)
{
	struct pkg p;
	size_t i;
	const char **paths = xcalloc(n + 1, sizeof(char *));
	const char **data = xcalloc(n + 1, sizeof(char *));
	size_t *len = xcalloc(n + 1, sizeof(size_t));

	memset(&p, 0, sizeof(p));
	p.o = o;
	p.out = out;
	for (i = 0; i < n; i++) {
		paths[i] = files[i].path;
		data[i] = files[i].data;
		len[i] = files[i].len;
	}
	index_build(&p.ix, paths, data, len, n, !o->include_generated);
	p.once_fn = xcalloc(p.ix.nfuncs + 1, sizeof(int));
	p.makes = xcalloc(p.ix.nfuncs + 1, sizeof(int));
	p.confined = xcalloc(p.ix.nfuncs + 1, sizeof(int));
	p.pown = xcalloc(p.ix.nparams + 1, sizeof(int));
	p.pfresh = xcalloc(p.ix.nparams + 1, sizeof(int));
	p.sync_lo = xcalloc(p.ix.nfuncs + 1, sizeof(size_t));
	p.sync_hi = xcalloc(p.ix.nfuncs + 1, sizeof(size_t));
	for (i = 0; i < p.ix.nfuncs; i++) {
		p.sync_lo[i] = p.nsync;
		walk_func(&p, (int)i);
		p.sync_hi[i] = p.nsync;
	}
	compute_reach(&p);
	judge(&p);
	for (i = 0; i < p.nacc; i++)
		free(p.acc[i].disp);
	free(p.acc);
	free(p.orig);
	free(p.edges);
	free(p.ehead);
	free(p.rhead);
	free(p.rnext);
	free(p.reach);
	free(p.syncs);
	free(p.sync_lo);
	free(p.once_fn);
	free(p.makes);
	free(p.confined);
	free(p.pown);
	free(p.pfresh);
	free(p.sync_hi);
	free(p.sync_file);
	index_release(&p.ix);
	free(paths);
	free(data);
	free(len);
}

/* The name in the file's package clause: *name and its length, 0 when the
 * file does not start (after comments and a BOM) with one. */
static size_t package_name(const char *s, size_t n, const char **name)
{
	size_t i = 0, k;

	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		i = 3;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
				 s[i] == '\r'))
			i++;
		if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
			for (i += 2; i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'); i++)
				;
			i += 2;
		} else {
			break;
		}
	}
	if (i + 8 > n || memcmp(s + i, "package", 7) ||
	    !(s[i + 7] == ' ' || s[i + 7] == '\t'))
		return 0;
	for (i += 7; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	for (k = i; k < n && (s[k] == '_' || (s[k] >= 'a' && s[k] <= 'z') ||
			      (s[k] >= 'A' && s[k] <= 'Z') ||
			      (s[k] >= '0' && s[k] <= '9') ||
			      (unsigned char)s[k] >= 0x80); k++)
		;
	*name = s + i;
	return k - i;
}

#define MAX_CLAUSES 8	/* more package clauses in one directory: hostile */

/* A directory's files may hold two packages: P and its external tests,
 * `package P_test`, which reach P only through its exported API (a
 * `rows.Next()` there is sql.Rows.Next, never a method of P's own test
 * helpers).  Each package clause is judged on its own; a file without one
 * joins the first group. */
void scan_package(const struct scan_opts *o, const struct scan_file *files,
		  size_t n, struct finding_list *out)
{
	size_t i, j, first = out->n, ng = 0, *len = xcalloc(n + 1, sizeof(size_t));
	size_t rep[MAX_CLAUSES];
	const char **name = xcalloc(n + 1, sizeof(char *));
	int *grp = xcalloc(n + 1, sizeof(int));
	struct scan_file *part = xcalloc(n + 1, sizeof(*part));

	for (i = 0; i < n; i++) {
		len[i] = package_name(files[i].data, files[i].len, &name[i]);
		grp[i] = 0;
		if (!len[i])
			continue;
		for (j = 0; j < ng; j++)	/* one file stands for each group */
			if (len[rep[j]] == len[i] &&
			    !memcmp(name[rep[j]], name[i], len[i]))
				break;
		if (j < ng)
			grp[i] = (int)j;
		else if (ng < MAX_CLAUSES)
			rep[ng] = i, grp[i] = (int)ng++;
	}
	for (j = 0; j < (ng ? ng : 1); j++) {
		size_t np = 0;

		for (i = 0; i < n; i++)
			if ((size_t)grp[i] == j)
				part[np++] = files[i];
		if (np)
			(o->engine == 2 ? engine_scan_group : scan_group)(
				o, part, np, out);
	}
	free(part);
	free(grp);
	free(name);
	free(len);
	if (out->n == first)
		return;	/* out->v may still be NULL: no pointer arithmetic on it */
	finding_fingerprint_assign(out->v + first, out->n - first);
	finding_sort(out->v + first, out->n - first);
}
