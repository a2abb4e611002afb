/* index.c - per-package facts over all files of one Go package (see index.h)
 *
 * Reads only the top level of each file: type, var and func declarations.
 * Brackets are matched once with an explicit stack, and every walk below skips
 * over a bracketed group through that table, so nothing here recurses on the
 * input's nesting and every token is visited a bounded number of times.
 */
#include "engine/index.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static const struct token *TK(const struct ix_file *f, size_t i)
{
	return &f->lx.tok[i < f->lx.ntok ? i : f->lx.ntok - 1];
}

/* Is token i of f exactly the string literal s? */
#define is(f, i, s) TOK_IS(TK((f), (i)), (f)->src, s)

static size_t skip(const struct ix_file *f, size_t i)
{
	if (ix_match(f, i) > (long)i)
		return (size_t)ix_match(f, i) + 1;
	return i + 1;
}

static int lookup_h(const struct index *ix, const char *s, size_t n, uint32_t h)
{
	size_t i;

	if (!ix->hcap)
		return -1;
	for (i = h & (ix->hcap - 1); ix->htab[i].id1; i = (i + 1) & (ix->hcap - 1)) {
		int id = ix->htab[i].id1 - 1;

		if (ix->htab[i].hash == h && ix->nlen[id] == n &&
		    !memcmp(ix->names[id], s, n))
			return id;
	}
	return -1;
}

int index_lookup(const struct index *ix, const char *s, size_t n)
{
	return lookup_h(ix, s, n, lex_hash(s, n));
}

/* A copy of s[0..n) with a NUL, in the arena. */
static char *arena_copy(struct index *ix, const char *s, size_t n)
{
	char *p;

	if (n + 1 > ix->arena_cap - ix->arena_used) {
		size_t cap = n + 1 > 65536 ? n + 1 : 65536;

		ARRAY_GROW(ix->blocks, ix->nblocks + 1, ix->ablocks);
		ix->arena = ix->blocks[ix->nblocks++] = xmalloc(cap);
		ix->arena_cap = cap;
		ix->arena_used = 0;
	}
	p = ix->arena + ix->arena_used;
	memcpy(p, s, n);
	p[n] = '\0';
	ix->arena_used += n + 1;
	return p;
}

static int intern_h(struct index *ix, const char *s, size_t n, uint32_t h)
{
	size_t i;
	int id = lookup_h(ix, s, n, h);

	if (id >= 0)
		return id;
	if ((ix->nnames + 1) * 2 > ix->hcap) {
		size_t ncap = ix->hcap ? ix->hcap * 2 : 1024, k;
		struct ix_slot *nt = xcalloc(ncap, sizeof(*nt));

		for (k = 0; k < ix->hcap; k++) {
			if (!ix->htab[k].id1)
				continue;
			for (i = ix->htab[k].hash & (ncap - 1); nt[i].id1;
			     i = (i + 1) & (ncap - 1))
				;
			nt[i] = ix->htab[k];
		}
		free(ix->htab);
		ix->htab = nt;
		ix->hcap = ncap;
	}
	if (ix->nnames == ix->anames) {
		ix->anames = ix->anames ? ix->anames * 2 : 256;
		ix->names = xrealloc(ix->names, ix->anames * sizeof(*ix->names));
		ix->nlen = xrealloc(ix->nlen, ix->anames * sizeof(*ix->nlen));
	}
	ix->names[ix->nnames] = arena_copy(ix, s, n);
	ix->nlen[ix->nnames] = (uint32_t)n;
	for (i = h & (ix->hcap - 1); ix->htab[i].id1; i = (i + 1) & (ix->hcap - 1))
		;
	ix->htab[i].hash = h;
	ix->htab[i].id1 = (int32_t)++ix->nnames;
	return (int)ix->nnames - 1;
}

int index_intern(struct index *ix, const char *s, size_t n)
{
	return intern_h(ix, s, n, lex_hash(s, n));
}

int index_tok_id(struct index *ix, const struct ix_file *f, size_t i)
{
	const struct token *t = TK(f, i);

	if (t->kind == LEX_IDENT && f->interned)
		return t->aux;
	return index_intern(ix, f->src + t->off, t->len);
}

/* Interns every identifier of f and keeps its id in the token. */
static void intern_tokens(struct index *ix, struct ix_file *f)
{
	size_t k;

	for (k = 0; k < f->lx.ntok; k++) {
		struct token *t = &f->lx.tok[k];

		if (t->kind == LEX_IDENT)	/* aux: the lexer's hash */
			t->aux = intern_h(ix, f->src + t->off, t->len,
					  (uint32_t)t->aux);
	}
	f->interned = 1;
}

/* Sets each bracket's aux to its partner's token index (or leaves -1). */
static void match_brackets(struct ix_file *f)
{
	size_t i, sp = 0, cap = 0;
	int32_t *stack = NULL;
	struct token *tok = f->lx.tok;

	for (i = 0; i < f->lx.ntok; i++) {
		const struct token *t = &tok[i];

		if (t->kind != LEX_OP || t->len != 1)
			continue;
		if (t->op == '(' || t->op == '[' || t->op == '{') {
			ARRAY_GROW(stack, sp + 1, cap);
			stack[sp++] = (int32_t)i;
		} else if (t->op == ')' || t->op == ']' || t->op == '}') {
			char want = t->op == ')' ? '(' : t->op == ']' ? '[' : '{';
			size_t k = sp;

			/* an unmatched opener of another kind is dropped, but
			 * only if the right one is not far below */
			while (k && tok[stack[k - 1]].op != want && sp - k < 4)
				k--;
			if (k && tok[stack[k - 1]].op == want) {
				sp = k - 1;
				tok[i].aux = stack[sp];
				tok[stack[sp]].aux = (int32_t)i;
			}
		}
	}
	free(stack);
}

/* Classifies the type starting at token i: sets *type for a named type. */
static int type_kind(struct index *ix, const struct ix_file *f, size_t i,
		     int *type)
{
	*type = -1;
	while (is(f, i, "*"))
		i++;
	if (TK(f, i)->kind == LEX_MAP)
		return K_MAP;
	if (TK(f, i)->kind != LEX_IDENT)
		return K_OTHER;
	if (is(f, i, "sync") && is(f, i + 1, ".")) {
		if (is(f, i + 2, "Mutex"))
			return K_MUTEX;
		if (is(f, i + 2, "RWMutex"))
			return K_RWMUTEX;
		return K_OTHER;
	}
	if (is(f, i + 1, ".")) {
		/* another package's type: a few well-known maps */
		static const char *const maps[] = { "Header", "Values", "MD",
			"MIMEHeader", "FuncMap", "Labels", "MapClaims", NULL };
		size_t k;

		for (k = 0; maps[k]; k++)
			if (tok_is(TK(f, i + 2), f->src, maps[k]) &&
			    !is(f, i + 3, "."))
				return (is(f, i, "http") || is(f, i, "url") ||
					is(f, i, "metadata") ||
					is(f, i, "textproto") ||
					is(f, i, "template") ||
					is(f, i, "prometheus") ||
					is(f, i, "jwt")) ? K_MAP : K_OTHER;
		return K_OTHER;
	}
	*type = index_tok_id(ix, f, i);
	return K_NAMED;
}

/* The guard named by an annotation on line or the line above it, or -1. */
static int guard_at(struct index *ix, const struct ix_file *f, uint32_t line)
{
	size_t lo = 0, hi = f->lx.ncom, k;

	while (lo < hi) {	/* first comment ending at or after line - 1 */
		size_t mid = (lo + hi) / 2;

		if (f->lx.com[mid].end_line + 1 < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < f->lx.ncom && f->lx.com[k].line <= line; k++) {
		const struct comment *c = &f->lx.com[k];
		const char *s = f->src + c->off, *e = s + c->len, *p;
		static const char *const keys[] = { "mg:guarded-by", "+checklocks:" };
		size_t j;

		for (j = 0; j < 2; j++) {
			size_t kl = strlen(keys[j]);

			for (p = s; p + kl <= e; p++) {
				const char *q;

				if (memcmp(p, keys[j], kl))
					continue;
				q = p + kl;
				while (q < e && (*q == ' ' || *q == '\t'))
					q++;
				p = q;
				while (q < e && (q[0] == '_' || q[0] == '.' ||
						 (q[0] >= 'a' && q[0] <= 'z') ||
						 (q[0] >= 'A' && q[0] <= 'Z') ||
						 (q[0] >= '0' && q[0] <= '9')))
					q++;
				if (q > p)
					return index_intern(ix, p, (size_t)(q - p));
				break;
			}
		}
	}
	return -1;
}

/* Fields of the struct body {lb..rb}. */
static void parse_struct(struct index *ix, int fi, struct ix_type *ty,
			 size_t lb, size_t rb)
{
	const struct ix_file *f = &ix->files[fi];
	size_t i = lb + 1;

	ty->f0 = ix->nfields;
	while (i < rb) {
		size_t s = i, e, k, nid = 0, tstart;
		int kind, type, guard;

		while (i < rb && TK(f, i)->kind != LEX_SEMI)
			i = skip(f, i);
		e = i++;
		if (e == s)
			continue;
		guard = guard_at(ix, f, lex_line(&f->lx, TK(f, s)->off));
		/* names: ident {, ident} followed by a type */
		k = s;
		while (k < e && TK(f, k)->kind == LEX_IDENT &&
		       (is(f, k + 1, ",") && k + 1 < e)) {
			nid++;
			k += 2;
		}
		tstart = k + 1;
		if (TK(f, k)->kind == LEX_IDENT && tstart < e &&
		    TK(f, tstart)->kind != LEX_STRING && !is(f, k + 1, ".")) {
			size_t n;

			kind = type_kind(ix, f, tstart, &type);
			for (n = s; n <= k; n += 2) {
				struct ix_field *fl;

				ARRAY_GROW(ix->fields, ix->nfields + 1, ix->afields);
				fl = &ix->fields[ix->nfields++];
				fl->name = index_tok_id(ix, f, n);
				fl->kind = kind;
				fl->type = type;
				fl->embedded = 0;
				fl->guard = guard;
				fl->file = fi;
				fl->tok = (uint32_t)n;
			}
		} else if (nid == 0) {
			/* embedded: [*]T or [*]pkg.T */
			struct ix_field *fl;

			k = s;
			while (k < e && is(f, k, "*"))
				k++;
			if (TK(f, k)->kind != LEX_IDENT)
				continue;
			kind = type_kind(ix, f, k, &type);
			ARRAY_GROW(ix->fields, ix->nfields + 1, ix->afields);
			fl = &ix->fields[ix->nfields++];
			fl->kind = kind;
			fl->type = type;
			fl->embedded = 1;
			fl->guard = guard;
			fl->file = fi;
			fl->tok = (uint32_t)k;
			if (is(f, k + 1, "."))
				k += 2;
			fl->name = index_tok_id(ix, f, k);
		}
	}
	ty->nf = ix->nfields - ty->f0;
}

/* One type spec at i (the name). */
static void parse_typespec(struct index *ix, int fi, size_t i, size_t end)
{
	const struct ix_file *f = &ix->files[fi];
	struct ix_type *ty;
	size_t t = i + 1;

	if (TK(f, i)->kind != LEX_IDENT)
		return;
	if (is(f, t, "["))	/* type parameters */
		t = skip(f, t);
	if (is(f, t, "="))
		t++;
	if (t >= end)
		return;
	ARRAY_GROW(ix->types, ix->ntypes + 1, ix->atypes);
	ty = &ix->types[ix->ntypes++];
	memset(ty, 0, sizeof(*ty));
	ty->name = index_tok_id(ix, f, i);
	ty->file = fi;
	ty->tok = (uint32_t)i;
	ty->f0 = ix->nfields;
	if (TK(f, t)->kind == LEX_MAP)
		ty->is_map = 1;
	else if (TK(f, t)->kind == LEX_STRUCT && is(f, t + 1, "{") &&
		 ix_match(f, t + 1) > (long)(t + 1)) {
		ty->is_struct = 1;
		parse_struct(ix, fi, ty, t + 1, (size_t)ix_match(f, t + 1));
	}
}

/* One var spec at i: names [type] [= values]. */
static void parse_varspec(struct index *ix, int fi, size_t i, size_t end)
{
	const struct ix_file *f = &ix->files[fi];
	size_t k = i, n;
	int kind = K_OTHER, type = -1;

	while (k < end && TK(f, k)->kind == LEX_IDENT && is(f, k + 1, ","))
		k += 2;
	if (TK(f, k)->kind != LEX_IDENT)
		return;
	if (k + 1 < end && !is(f, k + 1, "="))
		kind = type_kind(ix, f, k + 1, &type);
	else if (is(f, k + 1, "=") && k == i) {
		size_t v = k + 2;

		if (is(f, v, "&"))
			v++;
		if (TK(f, v)->kind == LEX_MAP ||
		    (is(f, v, "make") && is(f, v + 1, "(") &&
		     TK(f, v + 2)->kind == LEX_MAP))
			kind = K_MAP;
		else if (is(f, v, "make") && is(f, v + 1, "("))
			kind = type_kind(ix, f, v + 2, &type);
		else if (TK(f, v)->kind == LEX_IDENT && is(f, v + 1, "{"))
			kind = type_kind(ix, f, v, &type);
		else if (is(f, v, "sync") && is(f, v + 1, ".") &&
			 (is(f, v + 2, "Mutex") || is(f, v + 2, "RWMutex")))
			kind = is(f, v + 2, "Mutex") ? K_MUTEX : K_RWMUTEX;
	}
	for (n = i; n <= k; n += 2) {
		struct ix_var *v;

		ARRAY_GROW(ix->vars, ix->nvars + 1, ix->avars);
		v = &ix->vars[ix->nvars++];
		v->name = index_tok_id(ix, f, n);
		v->kind = kind;
		v->type = type;
		v->file = fi;
		v->tok = (uint32_t)n;
	}
}

/* Parameters in the list (lp..rp) appended to ix->params. */
static void parse_params(struct index *ix, int fi, size_t lp, size_t rp)
{
	const struct ix_file *f = &ix->files[fi];
	size_t i = lp + 1, start = ix->nparams, k;
	int curkind = K_OTHER, curtype = -1;

	/* items separated by commas; "a, b T" gives b's type to a */
	while (i < rp) {
		size_t s = i;
		struct ix_param *p;

		while (i < rp && !is(f, i, ","))
			i = skip(f, i);
		ARRAY_GROW(ix->params, ix->nparams + 1, ix->aparams);
		p = &ix->params[ix->nparams++];
		p->name = -1;
		p->kind = -2;	/* not known yet */
		p->type = -1;
		if (TK(f, s)->kind == LEX_IDENT && s + 1 < i &&
		    !is(f, s + 1, ".")) {
			p->name = index_tok_id(ix, f, s);
			p->kind = type_kind(ix, f, s + 1, &p->type);
		} else if (TK(f, s)->kind == LEX_IDENT && s + 1 == i) {
			p->name = index_tok_id(ix, f, s);
		}
		i++;
	}
	for (k = ix->nparams; k-- > start;) {
		if (ix->params[k].kind == -2) {
			ix->params[k].kind = curkind;
			ix->params[k].type = curtype;
		} else {
			curkind = ix->params[k].kind;
			curtype = ix->params[k].type;
		}
	}
}

/* func [(recv)] name [tparams] (params) [results] {body} at i. */
static size_t parse_func(struct index *ix, int fi, size_t i, size_t end)
{
	const struct ix_file *f = &ix->files[fi];
	struct ix_func fn;
	size_t k = i + 1, p0 = ix->nparams;

	memset(&fn, 0, sizeof(fn));
	fn.recv_name = fn.recv_type = fn.result_type = -1;
	fn.file = fi;
	fn.decl = (uint32_t)i;
	if (is(f, k, "(") && ix_match(f, k) > (long)k) {
		size_t r = k + 1;

		if (TK(f, r)->kind == LEX_IDENT && !is(f, r + 1, ")")) {
			fn.recv_name = index_tok_id(ix, f, r);
			r++;
		}
		while (is(f, r, "*"))
			r++;
		if (TK(f, r)->kind == LEX_IDENT)
			fn.recv_type = index_tok_id(ix, f, r);
		if (fn.recv_name >= 0 && fn.recv_type >= 0) {
			struct ix_param *p;

			ARRAY_GROW(ix->params, ix->nparams + 1, ix->aparams);
			p = &ix->params[ix->nparams++];
			p->name = fn.recv_name;
			p->kind = K_NAMED;
			p->type = fn.recv_type;
		}
		k = (size_t)ix_match(f, k) + 1;
	}
	if (TK(f, k)->kind != LEX_IDENT)
		return k;
	fn.name = index_tok_id(ix, f, k++);
	if (is(f, k, "["))
		k = skip(f, k);
	if (!is(f, k, "(") || ix_match(f, k) < (long)k)
		return k;
	parse_params(ix, fi, k, (size_t)ix_match(f, k));
	k = (size_t)ix_match(f, k) + 1;
	/* results: up to the body's brace */
	if (is(f, k, "(") && ix_match(f, k) > (long)k) {
		size_t r = k + 1;

		if (TK(f, r)->kind == LEX_IDENT && !is(f, r + 1, ",") &&
		    !is(f, r + 1, ")") && !is(f, r + 1, "."))
			r++;	/* a named result */
		fn.result_kind = type_kind(ix, f, r, &fn.result_type);
		k = (size_t)ix_match(f, k) + 1;
	} else if (!is(f, k, "{")) {
		fn.result_kind = type_kind(ix, f, k, &fn.result_type);
		while (k < end && !is(f, k, "{") && TK(f, k)->kind != LEX_SEMI)
			k = skip(f, k);
	}
	fn.p0 = p0;
	fn.np = ix->nparams - p0;
	if (!is(f, k, "{") || ix_match(f, k) < (long)k)
		return k;
	fn.lo = (uint32_t)k;
	fn.hi = (uint32_t)ix_match(f, k);
	ARRAY_GROW(ix->funcs, ix->nfuncs + 1, ix->afuncs);
	ix->funcs[ix->nfuncs++] = fn;
	return (size_t)fn.hi + 1;
}

/* A grouped or single declaration of kind kw at i. */
static size_t parse_decl(struct index *ix, int fi, size_t i, int kw)
{
	const struct ix_file *f = &ix->files[fi];
	size_t k = i + 1, e;

	if (is(f, k, "(") && ix_match(f, k) > (long)k) {
		size_t rp = (size_t)ix_match(f, k);

		k++;
		while (k < rp) {
			size_t s = k;

			while (k < rp && TK(f, k)->kind != LEX_SEMI)
				k = skip(f, k);
			if (k > s) {
				if (kw == LEX_TYPE)
					parse_typespec(ix, fi, s, k);
				else
					parse_varspec(ix, fi, s, k);
			}
			k++;
		}
		return rp + 1;
	}
	e = k;
	while (e < f->lx.ntok && TK(f, e)->kind != LEX_SEMI &&
	       TK(f, e)->kind != LEX_EOF)
		e = skip(f, e);
	if (kw == LEX_TYPE)
		parse_typespec(ix, fi, k, e);
	else
		parse_varspec(ix, fi, k, e);
	return e;
}

static void index_file(struct index *ix, int fi)
{
	const struct ix_file *f = &ix->files[fi];
	size_t i = 0, n = f->lx.ntok;

	while (i < n && TK(f, i)->kind != LEX_EOF) {
		int k = TK(f, i)->kind;

		if (k == LEX_TYPE || k == LEX_VAR)
			i = parse_decl(ix, fi, i, k);
		else if (k == LEX_FUNC)
			i = parse_func(ix, fi, i, n);
		else
			i = skip(f, i);
		/* to the next top-level statement */
		while (i < n && TK(f, i)->kind != LEX_SEMI &&
		       TK(f, i)->kind != LEX_EOF)
			i = skip(f, i);
		i++;
	}
}

static int *by_name(size_t n)
{
	int *v = xmalloc((n + 1) * sizeof(int));
	size_t i;

	for (i = 0; i <= n; i++)
		v[i] = -1;
	return v;
}

void index_build(struct index *ix, const char *const *paths,
		 const char *const *data, const size_t *len, size_t n,
		 int skip_generated)
{
	size_t i, nn;

	ix->files = xcalloc(n ? n : 1, sizeof(*ix->files));
	ix->nfiles = n;
	for (i = 0; i < n; i++) {
		struct ix_file *f = &ix->files[i];
		size_t pl = strlen(paths[i]);

		f->path = paths[i];
		f->src = data[i];
		f->len = len[i];
		f->is_test = pl >= 8 && !strcmp(paths[i] + pl - 8, "_test.go");
		f->generated = lex_is_generated(data[i], len[i]);
		lex_file_ex(&f->lx, data[i], len[i],
			    f->generated && skip_generated ? LEX_SKIP_BODIES : 0);
		/* every identifier gets its id now, while the bytes are in
		 * cache, so the by-name tables cover all names tokens have */
		intern_tokens(ix, f);
		match_brackets(f);
		index_file(ix, (int)i);
	}
	for (i = 0; i < ix->nfuncs; i++) {
		const struct ix_file *f = &ix->files[ix->funcs[i].file];
		size_t k;

		for (k = ix->funcs[i].lo; k < ix->funcs[i].hi; k++)
			if (f->lx.tok[k].kind == LEX_GO) {
				ix->funcs[i].has_go = 1;
				break;
			}
	}
	nn = ix->nnames;
	ix->nbyname = nn;
	ix->type_of = by_name(nn);
	ix->var_of = by_name(nn);
	ix->func_of = by_name(nn);
	ix->func_next = by_name(ix->nfuncs);
	ix->field_maps = xcalloc(nn + 1, sizeof(int));
	ix->field_other = xcalloc(nn + 1, sizeof(int));
	for (i = ix->ntypes; i-- > 0;)
		ix->type_of[ix->types[i].name] = (int)i;
	for (i = ix->nvars; i-- > 0;)
		ix->var_of[ix->vars[i].name] = (int)i;
	for (i = ix->nfuncs; i-- > 0;) {
		ix->func_next[i] = ix->func_of[ix->funcs[i].name];
		ix->func_of[ix->funcs[i].name] = (int)i;
	}
	for (i = 0; i < ix->nfields; i++) {
		const struct ix_field *fl = &ix->fields[i];

		if (index_is_map(ix, fl->kind, fl->type))
			ix->field_maps[fl->name]++;
		else
			ix->field_other[fl->name]++;
	}
}

void index_release(struct index *ix)
{
	size_t i;

	for (i = 0; i < ix->nfiles; i++) {
		lex_release(&ix->files[i].lx);
	}
	free(ix->files);
	for (i = 0; i < ix->nblocks; i++)
		free(ix->blocks[i]);
	free(ix->blocks);
	free(ix->names);
	free(ix->nlen);
	free(ix->htab);
	free(ix->types);
	free(ix->fields);
	free(ix->funcs);
	free(ix->params);
	free(ix->vars);
	free(ix->type_of);
	free(ix->var_of);
	free(ix->func_of);
	free(ix->func_next);
	free(ix->field_maps);
	free(ix->field_other);
	memset(ix, 0, sizeof(*ix));
}

const struct ix_type *index_type(const struct index *ix, int name)
{
	if (name < 0 || (size_t)name >= ix->nbyname || !ix->type_of)
		return NULL;
	if (ix->type_of[name] < 0)
		return NULL;
	return &ix->types[ix->type_of[name]];
}

int index_is_map(const struct index *ix, int kind, int type)
{
	const struct ix_type *t;

	if (kind == K_MAP)
		return 1;
	if (kind != K_NAMED || !ix->type_of)
		return 0;
	t = index_type(ix, type);
	return t && t->is_map;
}

const struct ix_field *index_field(const struct index *ix, int type, int name,
				   int *owner)
{
	int depth, todo[8], ntodo = 0, next[8], nnext;
	size_t k;

	todo[ntodo++] = type;
	/* breadth first through embedded structs, four levels at most */
	for (depth = 0; depth < 4 && ntodo; depth++) {
		int j;

		nnext = 0;
		for (j = 0; j < ntodo; j++) {
			const struct ix_type *t = index_type(ix, todo[j]);

			if (!t || !t->is_struct)
				continue;
			for (k = t->f0; k < t->f0 + t->nf; k++) {
				const struct ix_field *fl = &ix->fields[k];

				if (fl->name == name) {
					if (owner)
						*owner = t->name;
					return fl;
				}
				if (fl->embedded && fl->kind == K_NAMED &&
				    nnext < 8)
					next[nnext++] = fl->type;
			}
		}
		memcpy(todo, next, sizeof(int) * (size_t)nnext);
		ntodo = nnext;
	}
	return NULL;
}
