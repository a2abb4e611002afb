/* index.h - per-package facts over all files of one Go package
 *
 * Owns: the tokens of every file of one package (lexed once, brackets
 * matched), interned names, and the package-level facts the rules need: named
 * types (which are maps, which are structs and their fields: maps, mutexes,
 * embedded types, `// mg:guarded-by mu` / `// +checklocks:mu` guards), package
 * variables that are maps or mutexes, functions and methods with their
 * receivers, parameters, map-typed results and bodies.  Never fails on junk:
 * what it cannot parse it leaves out.  Not: judging (scan.c).
 */
#ifndef MG_INDEX_H
#define MG_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "engine/lex.h"

struct ix_file {
	const char *path, *src;	/* borrowed from the caller */
	size_t len;
	struct lexed lx;	/* brackets matched: see ix_match() */
	int is_test;		/* _test.go */
	int generated;		/* "// Code generated ... DO NOT EDIT." */
	int interned;		/* identifiers' aux is their name id */
};

/* The token index of the bracket matching token i of f, or -1 (not a
 * bracket, unmatched, or past the end). */
static inline long ix_match(const struct ix_file *f, size_t i)
{
	const struct token *t;

	if (i >= f->lx.ntok)
		return -1;
	t = &f->lx.tok[i];
	return t->kind == LEX_OP ? t->aux : -1;
}

/* What a field, variable or parameter holds. */
enum ix_kind {
	K_OTHER = 0,
	K_MAP,			/* map[...]... (or a named map type) */
	K_MUTEX,		/* sync.Mutex */
	K_RWMUTEX,		/* sync.RWMutex */
	K_NAMED,		/* a type of this package (struct or map): see type */
};

struct ix_field {
	int name;		/* interned; embedded: the type's name */
	int kind;		/* enum ix_kind; K_NAMED: resolve type */
	int type;		/* interned type name, or -1 */
	int embedded;
	int guard;		/* interned guard from an annotation, or -1 */
	int file;
	uint32_t tok;		/* declaration */
};

struct ix_type {
	int name;
	int is_map, is_struct;
	size_t f0, nf;		/* fields in ix->fields */
	int file;
	uint32_t tok;
};

struct ix_param {
	int name, kind, type;	/* as struct ix_field */
};

struct ix_func {
	int name;
	int recv_name, recv_type;	/* -1 for a plain function */
	int file;
	uint32_t decl;		/* the func keyword */
	uint32_t lo, hi;	/* body braces */
	size_t p0, np;		/* params (and the receiver) in ix->params */
	int result_kind, result_type;	/* first result */
	int has_go;		/* the body contains a go statement */
};

struct ix_var {
	int name, kind, type;
	int file;
	uint32_t tok;
};

struct ix_slot {
	uint32_t hash;		/* lex_hash() of the name */
	int32_t id1;		/* name id + 1, 0: empty */
};

struct index {
	struct ix_file *files;
	size_t nfiles;
	/* interned names: NUL-terminated, in arena blocks that never move */
	char **names;
	uint32_t *nlen;		/* by id: length */
	size_t nnames, anames;
	struct ix_slot *htab;	/* open addressing */
	size_t hcap;
	char *arena;		/* current block: arena_used of arena_cap */
	size_t arena_used, arena_cap;
	char **blocks;		/* every block, to free */
	size_t nblocks, ablocks;
	struct ix_type *types;
	size_t ntypes, atypes;
	struct ix_field *fields;
	size_t nfields, afields;
	struct ix_func *funcs;
	size_t nfuncs, afuncs;
	struct ix_param *params;
	size_t nparams, aparams;
	struct ix_var *vars;
	size_t nvars, avars;
	/* by name id, after index_build(): -1 or the first type/var/func */
	int *type_of, *var_of, *func_of, *func_next;
	/* by name id: fields of that name that are maps / are not maps */
	int *field_maps, *field_other;
	size_t nbyname;		/* size of the by-name arrays */
};

/* Lexes the n files and builds the package facts into *ix (zeroed before).
 * With skip_generated, the function bodies of generated files are left out
 * (their declarations still count). */
void index_build(struct index *ix, const char *const *paths,
		 const char *const *data, const size_t *len, size_t n,
		 int skip_generated);
void index_release(struct index *ix);

/* Interns s[0..n): returns its id (stable while ix lives). */
int index_intern(struct index *ix, const char *s, size_t n);
/* Looks a name up without adding it: id or -1. */
int index_lookup(const struct index *ix, const char *s, size_t n);
/* The id of token i's text in file f (O(1) for identifiers). */
int index_tok_id(struct index *ix, const struct ix_file *f, size_t i);

/* The type called name, or NULL. */
const struct ix_type *index_type(const struct index *ix, int name);
/* Is a field/var/param of (kind, type) a map? */
int index_is_map(const struct index *ix, int kind, int type);
/* The field called name of struct type, searching embedded structs (bounded
 * depth); *owner gets the struct that declares it.  NULL if none. */
const struct ix_field *index_field(const struct index *ix, int type, int name,
				   int *owner);

#endif
