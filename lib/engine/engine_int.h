/* engine_int.h - what the second engine's stages share (not for outside use)
 *
 * Owns: the package model the stages build and read: interned names, light
 * types, struct types with their fields, package variables, functions with
 * their per-function summaries (map accesses with the lock set held, calls
 * with the lock set at the call, lock effects), and abstract locations
 * (a struct field of a package type, or a package variable: every instance
 * of T.items is one location, as RacerD has it).
 * Stages: facts.c and facts_comment.c (declarations and their comments ->
 * types, fields, vars, funcs); walk.c, walk_expr.c, scope.c, calls.c and
 * calls_record.c (one function body -> its summary; walk_int.h);
 * judge_entry.c (caller-held locks, ownership) and judge.c (guard
 * inference, MG005/MG002); roots.c (goroutines and callbacks),
 * roots_pair.c (the pair rule MG001/MG003/MG004) and roots_order.c (what
 * orders an access in time; roots_int.h);
 * engine.c (the entry point, one package); xpkg.c (what this package's
 * goroutines call in other packages of the module, and the calls other
 * packages' goroutines make into it); module.c (module.h: what the
 * packages of one module say of each other, resolved after all of them).
 * Not: parsing (parse.h), output (finding.h).
 */
#ifndef MG_ENGINE_INT_H
#define MG_ENGINE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "engine/ast.h"
#include "stream/finding.h"
#include "engine/scan.h"

/* ---- names: identifiers interned once per package ---- */
struct names {
	char *text;		/* NUL-separated strings */
	size_t ntext, atext;
	uint32_t *off;		/* [id]: offset of name id in text */
	uint32_t n, a;
	uint32_t *slot;		/* open addressing: id + 1, 0 empty */
	uint32_t nslot;		/* power of two */
};
int names_id(struct names *nm, const char *s, size_t len);
/* The id of s if it was interned, else -1 (never adds). */
int names_find(const struct names *nm, const char *s, size_t len);
/* The same with the text's hash at hand: mg_hash(MG_HASH_SEED, s, len)
 * in its low bits (31 of them do: lex_hash(), an identifier node's id). */
int names_id_h(struct names *nm, const char *s, size_t len, uint32_t h);
int names_find_h(const struct names *nm, const char *s, size_t len, uint32_t h);
const char *names_str(const struct names *nm, int id);
void names_release(struct names *nm);

/* ---- light types ---- */
enum ty_kind {
	TY_UNKNOWN = 0,
	TY_MAP,			/* elem: the value's type when it is named */
	TY_MUTEX,
	TY_RWMUTEX,
	TY_NAMED,		/* named: index into pkg.types */
	TY_FUNC,
	TY_CHAN,
	TY_SLICE,		/* a slice or array; named: the element's
				 * named type, or -1 */
};
struct ty {
	uint8_t kind;
	uint8_t depth;		/* TY_MAP: map levels under this one
				 * (map[K]map[K2]*T: 1) */
	int32_t named;		/* TY_NAMED: type index; TY_MAP: the named
				 * type of the innermost value, or -1 */
};

struct field {
	int name;		/* embedded: the type's name */
	struct ty ty;
	int embedded;
	int guard;		/* field index of the mutex that an annotation
				 * names, or -1 */
	uint8_t pool;		/* a sync.Pool (pvar.pool) */
	uint8_t std_value;	/* a value of a type of sync or sync/atomic
				 * (sync.Map, atomic.Int64): its methods are
				 * the standard library's, none of the
				 * module's (x.f.Load() calls no Load of
				 * ours) */
	uint8_t sem_one, sem_wide;	/* semaphore.NewWeighted(1) stored
					 * in it, or another weight */
	uint8_t global_map;	/* a package variable's map is stored in it
				 * (r.header = defaults): whatever object
				 * holds it, its map may be every goroutine's */
	int file;
	uint32_t node;		/* the name (or the type when embedded) */
};

struct type {
	int name;
	int is_struct;
	struct ty under;	/* not a struct: what it is (a map type ...) */
	uint32_t f0, nf;	/* fields in pkg.fields */
	int file;
	uint32_t node;
	uint8_t is_iface;	/* an interface type */
	uint8_t iface_open;	/* ... that embeds another: its method list
				 * is not all known */
	uint32_t m0, nm;	/* ... its methods' names in pkg.imeths */
};

struct pvar {
	int name;
	struct ty ty;
	uint8_t pool;		/* a sync.Pool: Get hands an object to one
				 * caller only */
	int file;
	uint32_t node;
};

/* An abstract location: field index (< nfields) or nfields + var index.
 * Within a function's summary, PARAM_LOCK(i) stands for the lock that
 * parameter i (< 4) is, replaced by the argument's lock at a call. */
typedef int32_t loc_t;
#define PARAM_LOCK(i) (-2 - (i))
#define IS_PARAM_LOCK(l) ((l) <= -2 && (l) >= -5)
/* A lock of another package's object or variable that the walk cannot
 * resolve to a location of ours (g.Mu.Lock() on a g of a type we cannot
 * see, otherpkg.Mu.Lock()): FOREIGN_LOCK(i), pkg.flocks[i] saying what it
 * is.  It names the lock only for the module phase (xpkg.c), which
 * carries it to the other package when that package's function is called
 * on the same g (or otherpkg.F() is called). */
#define FOREIGN_LOCK0 0x40000000
#define FOREIGN_LOCK(i) ((loc_t)(FOREIGN_LOCK0 + (i)))
#define IS_FOREIGN_LOCK(l) ((l) >= FOREIGN_LOCK0)
struct flock {
	int fn;			/* the function whose local base is, or -1
				 * for an import's variable */
	int base;		/* name id: the local (g) or the import */
	int field;		/* name id: Mu in g.Mu.Lock(), -1 g.Lock() */
};

/* A lock held: a location and whether only shared (RLock).  LS_RELEASED
 * marks a lock this function unlocked without locking it first (its
 * caller's): it is not held whatever the entry holds. */
enum { LS_EXCL = 0, LS_SHARED = 1, LS_RELEASED = 2 };
struct held {
	loc_t loc;
	uint8_t shared;
};
#define LS_MAX 8
struct lockset {
	struct held h[LS_MAX];
	uint8_t n;
};

enum access_flags {
	AC_WRITE = 1,		/* assign, op-assign, ++/--, delete, clear */
	AC_STORE = 2,		/* the field itself replaced (s.m = ...) */
	AC_RANGE = 4,
	AC_SHARED = 16,		/* through an object handed before to a
				 * function whose goroutine captures it:
				 * not the caller's own any more */
	AC_IN_GO = 8,		/* inside a go statement's function literal */
	AC_RECV = 32,		/* reached through the function's receiver */
	AC_LATER = 64,		/* in a function literal that runs later */
	AC_LEN = 128,		/* len(m): a read, never a crash */
	AC_CAPTURED = 256,	/* through a variable a goroutine's literal
				 * captured from its launcher */
	AC_ONCE = 512,		/* in a literal sync.Once runs: before
				 * sharing, or once under Once's own lock */
	AC_MADE = 2048,		/* through an object this function made */
	AC_GLOBAL = 4096,	/* through an object reached from a package
				 * variable: every goroutine's */
	AC_HANDED = 8192,	/* in a goroutine, on the map its launcher was
				 * handed: shared with the launcher's caller
				 * (after the call), not with other goroutines */
	AC_ESCAPE = 1024,	/* returned: the caller uses it after the
				 * function's locks are gone (judged only as
				 * a getter's hand-out, not counted) */
};

struct access {
	loc_t loc;
	uint16_t flags;
	uint16_t file;
	uint32_t node;		/* the map expression */
	struct lockset ls;	/* held here, relative to the function's entry */
	int fn;
	int go;			/* the goroutine literal it is in, or -1 */
	int8_t param;		/* reached through parameter i, or -1 */
	int32_t via;		/* made by a callee on a map handed to it:
				 * its param access (pacc) + 1, else 0 */
};

/* What a function does to a map one of its parameters is: a callee that
 * fills, ranges or deletes from the map its caller hands it.  At each
 * call the argument's location gets the access (params.c), or, when the
 * argument is the caller's own parameter, the caller gets it in turn. */
struct paccess {
	int fn;
	int8_t param;
	uint8_t depth;		/* calls between fn and the real access */
	uint16_t flags;		/* AC_WRITE, AC_RANGE, AC_LEN (or a read) */
	uint16_t file;		/* the real access, for the evidence */
	uint32_t node;
	struct lockset ls;	/* relative to fn's entry */
	int next;		/* the next of fn's, or -1 */
	int origin;		/* the real access's paccess (depth 0) */
	int go;			/* made in this gosite of the real access's
				 * function (a goroutine that captured the
				 * parameter), or -1: during the call */
};

/* A place where code starts to run concurrently: a go statement, a
 * callback handed to an API that runs it concurrently, an HTTP handler. */
struct gosite {
	int fn;			/* the launcher (-1: a handler method) */
	int target;		/* the function it runs, or -1: a literal */
	uint32_t node;		/* the go statement's call, the literal, or
				 * the handler's declaration */
	uint16_t file;
	uint8_t many;		/* several instances at once (a loop, a
				 * handler) */
	uint8_t callback;	/* an API runs it (MG004), not a go statement */
	uint8_t per_instance;	/* go x.m() with x declared in the loop: each
				 * instance has its own receiver */
	uint8_t api_many;	/* several at once by what runs it (a
				 * handler's requests), whatever the launcher
				 * waits for */
	uint8_t own_many;	/* several at once by the launcher's own loop
				 * (or its API), not because it is called in
				 * a loop */
	uint8_t fresh_recv;	/* go x.m() with x made by the launcher: the
				 * instances its calls start do not share x */
	uint16_t ext;		/* started from another package: its entry
				 * (pkg.xin) + 1, else 0 (fn is then -1) */
	uint8_t loops;		/* loop nesting at the go statement */
	uint32_t loop_at;	/* where the launcher's outermost loop around
				 * it starts (the statement itself if none) */
};

/* A join in a launcher: wg.Wait(), <-ch. */
struct join {
	int fn;
	uint32_t off;
	loc_t chan;		/* <-x.ready: the channel's field, or -1 */
	uint8_t recv;		/* a bare receive (<-ch), maybe of a request
				 * in an event loop, not of a goroutine's end:
				 * not a Wait, a call that waits, or the end
				 * of a range over a channel */
};

/* close(x.ready) in fn: what fn did before it happens before a receive
 * of that channel elsewhere. */
struct chclose {
	int fn;
	loc_t chan;
	uint32_t off;
	uint8_t deferred;	/* at fn's exit: after all of it */
};

/* MG006: x[k] = v inside `for key := range x` (the same expression, k
 * not the range's key), on a map the function does not own. */
struct rangemut {
	int fn;
	uint16_t file;
	uint32_t node;		/* the map expression written */
	uint32_t stmt;		/* the range statement */
};

enum call_flags {
	CALL_GO = 1,		/* go f(...) */
	CALL_VALUE = 2,		/* not called: used as a value (escapes) */
	CALL_FRESH_RECV = 4,	/* receiver is an object this function made */
	CALL_RECV_SELF = 32,	/* receiver is the caller's own receiver */
	CALL_IN_GO = 64,	/* made inside a goroutine's literal */
	CALL_CAPTURED_RECV = 128,	/* ... on a receiver it captured */
	CALL_RECV_REACH = 256,	/* receiver reached from the caller's own
				 * (s.tracker.Begin()) */
	CALL_LATER = 512,	/* in a literal that runs later */
	CALL_ONCE = 1024,	/* in a literal sync.Once runs */
	CALL_IN_LOOP = 2048,	/* inside a loop of the caller */
	CALL_STORED_NEW = 4096,	/* on x.f just after x.f = &T{...}, or on
				 * an object just taken from a sync.Pool:
				 * no other goroutine has it (and none was
				 * started on it, unlike NewT()'s) */
	CALL_IFACE = 8192,	/* x.M() on an interface value, to one of the
				 * package's implementing types: may call */
};

struct call {
	int caller, callee;
	uint16_t flags;
	uint16_t file;
	uint32_t node;
	struct lockset ls;	/* relative to the caller's entry */
	int go;			/* the goroutine literal it is in, or -1 */
	int site;		/* CALL_GO / async: the gosite it starts */
	uint8_t fresh_args;	/* bit i: argument i is an object made here */
	uint8_t shared_args;	/* bit i (< 4): argument i is an object the
				 * goroutine shares with its launcher: a
				 * captured variable (in a go literal), or at
				 * a go call one made before the loop */
	int8_t arg_param[8];	/* argument i is the caller's parameter j */
	int8_t recv_param;	/* the receiver is the caller's parameter j */
	uint8_t arg_recv;	/* bit i: argument i is reached through the
				 * caller's receiver */
	loc_t arg_loc[8];	/* argument i is this map location, or -1 */
	loc_t arg_lock[4];	/* argument i is this lock (for the callee's
				 * PARAM_LOCK(i)), or -1 */
	loc_t recv_loc;		/* the receiver is this map location (a
				 * method of a named map type), or -1 */
};

/* paccess.param of a method's receiver that is itself a map (type tags
 * map[string]bool; func (t tags) Add()) */
#define PARAM_RECV 8

struct func {
	int name;
	int recv_type;		/* type index, or -1 */
	int recv_name;		/* name id, or -1 */
	int file;
	uint32_t node;		/* FUNC_DECL */
	uint8_t exported, is_test, annotated, generated;
	uint8_t serial;		/* its comments say it is never called
				 * concurrently (a documented serial phase):
				 * an API warning on it is only a note */
	/* summary, from walk.c */
	struct lockset acquired;	/* held at exit, not at entry */
	struct lockset released;	/* held at entry, not at exit */
	struct lockset param_call[4];	/* locks held where func-typed
					 * parameter i (< 4) is called */
	uint8_t param_called;		/* bit i: parameter i is called */
	uint8_t param_go;		/* bit i: parameter i runs in a
					 * goroutine (go p(), or handed on) */
	uint8_t param_sent;		/* bit i: parameter i is sent on a
					 * channel (q <- f): the receiver
					 * runs it, not this call */
	uint8_t param_many;		/* bit i: ... in several at once (a
					 * field it is stored in is called
					 * by goroutines started in a loop) */
	uint16_t go_captures;		/* bit i (< 8): parameter i, bit 8:
					 * the receiver, is captured by a
					 * goroutine or callback it starts: the
					 * caller's object is shared from the
					 * call on */
	uint32_t last_go_at, last_join_at;	/* first pass: where its last
						 * go statement (or callback
						 * start) and last Wait() are */
	uint8_t returns_fresh;		/* every return hands out a new object */
	uint8_t returns_other;		/* some return does not */
	uint8_t returns_global;		/* some return hands out an object
					 * reached from a package variable */
	uint8_t returns_param;		/* some return hands out an object
					 * reached from parameter i: i + 1 */
	uint8_t returns_recv;		/* some return hands out an object
					 * reached from its receiver (an
					 * element of its map: l.pods[k]) */
	uint8_t returns_made, returns_unmade;	/* every non-nil return hands
						 * out an object made here
						 * (shared since, or not) */
	loc_t returns_loc;		/* every return hands out this map
					 * (a getter), -1 none, -2 mixed */
	uint8_t once;			/* run by sync.Once's Do */
	uint8_t go_target;		/* go f() names it (first pass) */
	uint8_t init_only;		/* reached only from init or Once */
	uint8_t var_init;		/* called by a package var's initializer */
	uint8_t test_only;		/* only tests call it, or it is dead */
	uint8_t fresh_params;		/* bit i: every caller passes a new
					 * object as parameter i */
	uint8_t cond_param;		/* if p { x.mu.Lock(); defer
					 * x.mu.Unlock() } at the top of the
					 * body, p its parameter i: i + 1 */
	uint8_t cond_shared;		/* ... the lock is an RLock */
	loc_t cond_lock;		/* ... the lock */
	uint32_t cond_at;		/* ... the end of that if */
	/* judge_entry.c */
	struct lockset entry;		/* held by every caller */
	uint8_t escapes;		/* called from where we cannot see */
	uint8_t ncallers;
	uint8_t recv_fresh;		/* every call hands it a fresh receiver */
	uint8_t root;			/* runs in a goroutine or callback */
	uint8_t ctor_phase;		/* a constructor (a package function
					 * returning what it made), or code
					 * only constructors call: runs before
					 * the object is published */
	uint8_t starter;		/* a Start or OnStart method that starts
					 * a goroutine: the receiver's set-up
					 * before it, like a constructor's */
	int ctor;			/* judge_entry.c: the constructor
					 * whose phase it runs in, -1 none,
					 * -2 several */
	uint32_t ctor_at;		/* ... where in it (the call's offset) */
};

struct lloc {
	int name, fn, file;
	uint32_t node;
	int go;			/* the goroutine literal it was made in */
	uint8_t loops;		/* loop nesting where it was made */
	uint8_t from_param;	/* a map reached from a parameter (read out
				 * of ctx.Value): shared as its object is */
};

struct efile {
	int32_t *ids;		/* [node]: the identifier's name id + 1, or
				 * 0 while not looked up (calloc'd) */
	const char *path;
	const char *src;
	size_t len;
	struct ast *ast;
	int is_test, generated;
	int qual;		/* another package's file read for its types
				 * (foreign.c): the name id of the import
				 * name this package gives it, else -1 */
};

#define VEC(T) struct { T *v; size_t n, a; }

/* A function stored in an unexported field of function type (or a slice
 * of them) by a composite literal: called where the field is called
 * (walk_expr.c), not escaped as a value. */
struct hook {
	loc_t field;
	int fn;
};

/* A call of another package's exported function, imp.Name(...) (xpkg.c) */
struct xcall {
	int fn;			/* the caller */
	int imp, name;		/* name ids: the import's name (-1: a method
				 * call v.Name()), the function */
	uint16_t file;
	uint32_t node;
	int go;			/* the goroutine literal it is in, or -1;
				 * -2: not a call, a method value v.Name
				 * handed to a call */
	int site;		/* go imp.Name(...): the gosite, else -1 */
	struct lockset ls;	/* held at the call, relative to fn's entry */
	int base;		/* name id of g in g.Name(...) (a local), or -1 */
	uint8_t nolock;		/* the callee runs with no lock of the call's:
				 * deferred, or a go statement's */
};

struct module_entry;

/* x.F(...) with F a field of function type of a struct of ours: where
 * the functions stored in F run (the first pass's record). */
struct fcall {
	loc_t field;
	int fn;			/* the caller */
	uint32_t lit;		/* the goroutine literal it is in, or 0 */
	uint16_t file;
	uint8_t many;		/* that goroutine is started in a loop */
};

/* A function-typed parameter handed on (first walk): stored in a field
 * by a composite literal (field >= 0: T{visit: fn}), or passed to a
 * callee as its argument arg (walk_param_go() carries param_go). */
struct phand {
	int fn, callee;
	loc_t field;
	int8_t param, arg;
};

struct pkg {
	const struct scan_opts *o;
	char *dir;		/* the package's directory, cleaned (module
				 * phase only, else NULL) */
	VEC(struct xcall) xcalls;
	VEC(struct flock) flocks;	/* FOREIGN_LOCK(i)'s (scope.c) */
	char *mroot, *mpath;	/* its module's root and path (xpkg.c) */
	const struct module_entry *xin;	/* goroutines of other packages
					 * calling into this one (module.h;
					 * second round only) */
	size_t nxin;
	struct efile *files;
	size_t nfiles;
	size_t nlocal;		/* its own files; the rest are foreign.c's */
	uint8_t foreign_ok;	/* facts_build is reading struct fields: a
				 * field's type may be another package's
				 * (foreign.c); a local's or a parameter's
				 * is not followed there */
	struct names nm;
	VEC(struct type) types;
	VEC(int) imeths;	/* interface methods' name ids (type.m0) */
	VEC(struct field) fields;
	VEC(struct pvar) vars;
	VEC(struct func) funcs;
	VEC(struct access) acc;
	VEC(struct paccess) pacc;
	VEC(struct call) calls;
	VEC(struct gosite) gos;
	VEC(struct join) joins;
	VEC(struct chclose) closes;
	VEC(struct rangemut) rangemuts;	/* MG006 (walk.c, judge.c) */
	VEC(struct hook) hooks;
	VEC(struct fcall) fcalls;
	VEC(struct phand) phands;
	struct site_locks *sl[2];	/* roots.c: the locks along two
					 * gosites' calls, cached */
	struct roots *roots;	/* per function (roots.c) */
	struct roots *self;	/* per function: gosites on its receiver */
	struct roots *pself;	/* per function, 4 each: gosites sharing
				 * the object in parameter i */
	uint8_t *pown;		/* per function, bit i: every goroutine that
				 * gets an object in parameter i got a new
				 * one at its go statement (roots.c) */
	int32_t *owner;		/* [field]: its struct type, or -1 (judge.c) */
	uint8_t *locking;	/* [type]: a lock of its own is held at some
				 * access: its API is used concurrently */
	struct ctor_go *ctor_go;	/* [field]: goroutines constructors
					 * start that reach it (judge.c) */
	int loose;		/* MAPGUARD_ENGINE_LOOSE: a goroutine against
				 * any other code, not only its launcher */
	VEC(struct lloc) llocs;	/* local maps, locations nfields + nvars +
				 * i: captured by goroutines, they are
				 * shared like a field */
	int *imports;		/* name ids of import names, per package */
	size_t nimports, aimports;
	int *type_of;		/* [name id]: type index, or -1 */
	int *var_of;		/* [name id]: package variable index, or -1 */
	size_t nindexed;	/* names when they were indexed: later ids are
				 * neither types nor variables */
	uint32_t *fn_slot;	/* funcs by (receiver type, name): index + 1 */
	size_t fn_nslot;
	int sync_name;		/* name id of the "sync" import, or -1 */
	int *false_consts;	/* name ids of `const x = false` */
	size_t nfalse, afalse;
	struct finding_list *out;
	size_t cur;		/* the finding emit() just made + 1, or 0 */
	size_t twin;		/* with cur: the getter's finding made with
				 * it (judge_alias.c) + 1, or 0 */
	int at_helper;		/* the next emit() of an access a helper made
				 * on a map handed to it is at the helper's
				 * access (roots_pair.c) */
	int trace;		/* MAPGUARD_ENGINE_TRACE: accesses on stderr */
#define KW_SLOTS 128		/* > twice the engine's keyword literals */
	const char *kw_key[KW_SLOTS];	/* scope.c: keyword literal -> id */
	int kw_val[KW_SLOTS];
	uint16_t *kw_class;	/* scope.c: [name id] the call-name lists it
				 * is on (no-return, async API), for ids below
				 * nkw_class (later names are on none) */
	size_t nkw_class;
	uint8_t *called;	/* [name id]: some call names it (x.name(),
				 * name()), resolved or not */
	size_t ncalled;
	struct ty_memo *ty_memo;	/* facts.c: facts_type_expr()'s last
				 * answers, once the declarations are read
				 * (nothing after changes a type expression's
				 * type); NULL before */
	uint32_t *local_of;	/* scope.c: [name id] the walk's innermost
				 * local of that name + 1, 0 none (all 0
				 * between walks) */
	size_t nlocal_of;
};

/* Appends a zeroed element to a VEC and returns it (borrowed until the
 * next push). */
void *vec_push_(void *v, size_t *n, size_t *a, size_t size);
#define VEC_PUSH(vec) ((vec).v = vec_push_((vec).v, &(vec).n, &(vec).a, \
					   sizeof(*(vec).v)),             \
		       &(vec).v[(vec).n - 1])

/* facts.c */
void facts_build(struct pkg *p);
struct ty facts_type_expr(struct pkg *p, int file, uint32_t n);
/* facts_type_expr()'s memo: TY_MEMO slots by (file, node), direct-mapped
 * (1024: zeroing 4096 per package cost a third of what they saved) */
#define TY_MEMO 1024
struct ty_memo {
	uint32_t node;		/* 0: empty */
	int32_t file;
	struct ty t;
};
/* A name's type, package variable or function (recv_type -1) index, or
 * -1; inline: the walks ask at every name */
int facts_type_scan(const struct pkg *p, int name);
static inline int facts_type_index(const struct pkg *p, int name)
{
	if (name < 0)
		return -1;
	if (p->type_of)
		return (size_t)name < p->nindexed ? p->type_of[name] : -1;
	return facts_type_scan(p, name);	/* while the types are read */
}
static inline int facts_var_index(const struct pkg *p, int name)
{
	return name >= 0 && (size_t)name < p->nindexed ? p->var_of[name] : -1;
}
static inline uint32_t facts_fn_hash(int recv, int name)
{
	return ((uint32_t)(recv + 1) * 2654435761u) ^ ((uint32_t)name * 40503u);
}
static inline int facts_func_index(const struct pkg *p, int recv_type,
				   int name)
{
	size_t i;

	if (name < 0 || !p->fn_nslot)
		return -1;
	for (i = facts_fn_hash(recv_type, name) & (p->fn_nslot - 1);
	     p->fn_slot[i]; i = (i + 1) & (p->fn_nslot - 1)) {
		const struct func *f = &p->funcs.v[p->fn_slot[i] - 1];

		if (f->recv_type == recv_type && f->name == name)
			return (int)p->fn_slot[i] - 1;
	}
	return -1;
}
/* Field name of type t, promoted through embedded structs (depth 3):
 * the field's index, or -1. */
int facts_field(const struct pkg *p, int t, int name);
/* The mutex embedded in type t (directly, or promoted from an embedded
 * struct, three levels down), or -1. */
int facts_embedded_mutex(const struct pkg *p, int t);
/* The method name of type t, promoted through embedded fields, or -1. */
int facts_method(const struct pkg *p, int t, int name);
/* x.name() on a value of interface type t (a type index): the methods of
 * the package's non-test types whose method set has all of t's methods
 * (only name when t embeds another interface) in out, their number; -1
 * when t is no interface, or more than max types implement it. */
int facts_iface_impls(const struct pkg *p, int t, int name, int *out,
		      int max);
/* An identifier node's name id (interned on first use), or -1 when n is
 * no identifier; the cached case inline (the walk asks it most). */
int facts_ident_slow(struct pkg *p, int file, uint32_t n);
static inline int facts_ident(struct pkg *p, int file, uint32_t n)
{
	const struct efile *f = &p->files[file];

	if (!n || ast_kind(f->ast, n) != AST_IDENT)
		return -1;
	if (f->ids[n])
		return f->ids[n] - 1;
	return facts_ident_slow(p, file, n);
}
/* The type under a named non-struct type (a named map type is a map). */
static inline struct ty facts_under(const struct pkg *p, struct ty t)
{
	int depth;

	for (depth = 0; depth < 4 && t.kind == TY_NAMED &&
			!p->types.v[t.named].is_struct; depth++)
		t = p->types.v[t.named].under;
	return t;
}
const char *facts_loc_name(const struct pkg *p, loc_t l, char *buf, size_t n);

/* facts_comment.c: what the comments of declarations say; the texts
 * are lower-cased */
/* The comments that end on line `line` or just above it, as a contiguous
 * block (a doc comment), and with same_line a trailing comment on the line
 * itself: their text, lower-cased, into b (empty when none). */
void facts_comments_above(const struct lexed *lx, const char *src,
			  uint32_t line, int same_line, struct buf *b);
/* Does s say a lock must be held ("must be called with mu held")? */
int facts_says_lock_held(const char *s);
/* Does s say its function is not called concurrently ("should not be
 * called concurrently")?  With lead, only when s starts so. */
int facts_says_serial(const char *s, int lead);
/* Does a comment inside decl's body start by saying its function is not
 * called concurrently?  b: scratch. */
int facts_body_says_serial(const struct ast *a, uint32_t decl, struct buf *b);
/* The name id after "guarded by", "protected by", "+checklocks:",
 * "guarded-by" in s, or -1. */
int facts_guard_named(struct pkg *p, const char *s);

/* walk.c */
void walk_func(struct pkg *p, int fn, int pass);
/* walk_expr.c, between the two walks: parameters stored in fields that goroutines
 * call, and handed on to such parameters, run in goroutines (param_go) */
void walk_param_go(struct pkg *p);

/* params.c: the accesses callees make on maps handed to them */
void params_propagate(struct pkg *p);

/* judge.c */
void judge_package(struct pkg *p);
struct lockset judge_abs_ls(const struct pkg *p, const struct access *a);
int judge_counts(const struct pkg *p, const struct access *a);
void judge_emit(struct pkg *p, int rule, int sev, const struct access *a,
		char *msg, const char *sym);
void judge_evidence(struct pkg *p, int file, uint32_t node, const char *note);
/* The finding just emitted (a warning) stands only if code of the module
 * reaches the functions fa and fb (module.h); nothing when the package
 * runs both.  A note when fa's or fb's comments say it is never called
 * concurrently. */
void judge_needs_callers(struct pkg *p, int fa, int fb);
void judge_text(const struct pkg *p, int file, uint32_t n, char *buf,
		size_t len);
void judge_func_name(const struct pkg *p, int fn, char *buf, size_t len);

/* judge_alias.c: access a, about to be reported (msg), is made on a map
 * a getter of this package handed out: the getter's return gets a finding
 * of its own, once (its index in p->out + 1, or 0). */
size_t judge_getter_finding(struct pkg *p, int rule, int sev,
			    const struct access *a, const char *msg);

/* judge_entry.c: what holds when a function is entered (judge_package()
 * runs these in this order) */
/* Is f a package's init function? */
int judge_is_init(const struct pkg *p, const struct func *f);
/* Does some call in the package use the name, resolved or not (x.name()
 * on an interface)? */
int judge_name_called(const struct pkg *p, int name);
/* Sets each function's init_only: reached only from init or a sync.Once. */
void judge_init_only(struct pkg *p);
/* Sets each function's test_only: unexported, and only tests call it, or
 * nothing calls it and no call names it. */
void judge_test_only(struct pkg *p);
/* A conditional lock on a bool parameter (func.cond_param, walk.c) is
 * held by the rest of the body when every call passes `true` there or
 * holds the lock itself; otherwise the lock is taken out of the body's
 * lock sets (run after the walks, before params_propagate()). */
void judge_cond_locks(struct pkg *p);
/* Sets each function's entry locks (and escapes, ncallers, root,
 * fresh_params, recv_fresh). */
void judge_entries(struct pkg *p);
/* MAPGUARD_ENGINE_TRACE=NAME: the call sites of functions named NAME. */
void judge_trace_calls(const struct pkg *p);
/* Sets each function's ctor_phase, ctor and ctor_at. */
void judge_ctor_phase(struct pkg *p);
/* Does access a run in a constructor's phase on the object it makes,
 * before any goroutine the constructor starts that reaches the map? */
int judge_before_publish(const struct pkg *p, const struct access *a);

/* xpkg.c: calls across the packages of the module (module.h) */
void xpkg_note_call(struct pkg *p, int fn, int file, uint32_t call,
		    uint32_t fun, int go, int site, const struct lockset *ls,
		    int local, int deferred);
void xpkg_export(struct pkg *p);
/* Second round: the locks every call of exported function fn from the
 * module's other packages holds at its entry, in this package's terms
 * (module_xlock()), into *ls; 0 when none (or not known). */
int xpkg_entry_locks(struct pkg *p, int fn, struct lockset *ls);
/* Are gosites a and b (started from other packages) calls that one
 * goroutine there makes (one go statement or callback registration), so
 * one after the other unless it runs several at once? */
int xpkg_one_goroutine(const struct pkg *p, const struct gosite *a,
		       const struct gosite *b);
void xpkg_entries(struct pkg *p);
void xpkg_evidence(struct pkg *p, const struct gosite *g);

/* roots.c: which goroutines reach each function; roots_pair.c: the pair
 * rule for maps that no lock guards (roots_judge()); roots_order.c: what
 * orders an access in time (roots_after_join() to roots_one_thread()) */
void roots_compute(struct pkg *p);
/* Is the parameter list params one of a web framework's handler,
 * func(*gin.Context), func(echo.Context) error, func(*fiber.Ctx) error?
 * Their routers serve each request in a goroutine of its own. */
int roots_framework_handler(const struct ast *a, uint32_t params);
void roots_judge(struct pkg *p, struct access *a, size_t n);
/* Is x in the code that started this function's goroutines, after a Wait
 * or a receive that follows the last of them (and not itself run in a
 * goroutine)? */
int roots_after_join(const struct pkg *p, const struct access *x);
/* Is y made only by goroutines x's function starts (and so waited for,
 * when roots_after_join(x))? */
int roots_joined(const struct pkg *p, const struct access *x,
		 const struct access *y);
/* Is x in the code that starts this function's goroutines, before the
 * first of them, the function waiting for them all before it returns and
 * running on a receiver each call made fresh (or in no goroutine)? */
int roots_before_launch(const struct pkg *p, const struct access *x);
/* Is x in code that runs only after a launcher returned that started y's
 * goroutines and waited for them before returning (mapStage(); ...;
 * writeSchema(), up to three calls up), x itself in no goroutine? */
int roots_after_phase(const struct pkg *p, const struct access *x,
		      const struct access *y);
/* Is x in an object's teardown after it waited for goroutines: a Close,
 * Stop or Shutdown (nothing else runs with or after it, by convention)
 * with a Wait or a receive before x, or code only such teardowns call
 * after theirs? */
int roots_teardown(const struct pkg *p, const struct access *x);
/* Does fn run on one thread at a time: one root, not several instances,
 * and no exported function or handler among its callers (a function
 * value handed out counts as one callback)? */
int roots_single(const struct pkg *p, int fn);
/* Do x and every other access of its map (a[0..n)) run in one goroutine,
 * the same single root, each function on one thread at a time (as
 * roots_single())?  Program order then orders them, whatever they lock. */
int roots_one_thread(const struct pkg *p, const struct access *a, size_t n,
		     const struct access *x);
void roots_free(struct pkg *p);
/* Does some goroutine or callback of this package reach fn? */
int roots_in_go(const struct pkg *p, int fn);
/* The gosites that reach fn: the first n of them in v, their number;
 * *more when there are others. */
int roots_sites(const struct pkg *p, int fn, int *v, int n, int *more);
/* For each field, the constructors whose phase starts a goroutine or
 * callback that reaches it, each with the earliest offset in it where one
 * starts (0: unknown, any time); more than CTOR_GO constructors: all. */
#define CTOR_GO 4
struct ctor_go {
	int ctor[CTOR_GO];
	uint32_t at[CTOR_GO];
	uint8_t n, over;
};
void roots_ctor_locs(const struct pkg *p, struct ctor_go *cg);

int facts_is_import(const struct pkg *p, int name);
/* The name an import spec of file binds (its own, or the path's last
 * element), interned. */
int facts_import_name(struct pkg *p, int file, uint32_t spec);
/* The type named qual.name (a struct or map type of another package of
 * the module, foreign.c), or -1. */
int facts_qual_type(const struct pkg *p, int qual, const char *name,
		    size_t len);
/* Append the non-test files of the module's packages this package
 * imports, for their type declarations only (module phase). */
void foreign_load(struct pkg *p);
void foreign_free(struct pkg *p);
/* The path of the import named name in file (as written, no quotes), or
 * NULL; buf holds it. */
const char *facts_import_path(const struct pkg *p, int file, int name,
			      char *buf, size_t n);
int facts_false_const(const struct pkg *p, int name);

/* lock sets (lockset.c): ls_holds() is the index of l held (any mode), or -1;
 * ls_lock() / ls_unlock() apply Lock/RLock and Unlock (an unlock of a lock
 * not held marks it LS_RELEASED); ls_meet() keeps what both hold (the
 * weaker mode) and every release; ls_apply() adds a relative set (held and
 * released) on top of an absolute one. */
int ls_holds(const struct lockset *ls, loc_t l);
void ls_lock(struct lockset *ls, loc_t l, int shared);
void ls_unlock(struct lockset *ls, loc_t l);
void ls_set_released(struct lockset *ls, loc_t l);
void ls_meet(struct lockset *to, const struct lockset *from);
void ls_apply(struct lockset *abs, const struct lockset *rel);
int ls_equal(const struct lockset *a, const struct lockset *b);

#endif
