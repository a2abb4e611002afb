/* facts.c - the package's declarations as facts: types, fields, vars, funcs
 *
 * Owns: reading the declarations of every file of one package (imports,
 * type specs with their struct fields, package variables, functions and
 * methods), light types of type expressions (maps, sync mutexes, the
 * package's named types; pointers are transparent), field lookup through
 * embedding, method lookup, and the annotations written in comments: a
 * field's guard ("guarded by mu", "+checklocks:mu", "mg:guarded-by mu",
 * and a mutex whose comment says it guards the fields that follow it), and
 * a function that must be called with a lock held (a "...Locked" name, or a
 * doc comment that says so).  Not: function bodies (walk.c), reading what
 * a comment says (facts_comment.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

int facts_ident_slow(struct pkg *p, int file, uint32_t n)
{
	struct efile *f = &p->files[file];
	const struct ast *a = f->ast;
	size_t len;
	const char *s;

	s = ast_ident(a, n, &len);
	f->ids[n] = names_id_h(&p->nm, s, len, (uint32_t)ast_ident_id(a, n)) + 1;
	return f->ids[n] - 1;
}

/* An identifier's id if the name was ever interned, without adding it. */
static int ident_find(const struct pkg *p, int file, uint32_t n)
{
	const struct ast *a = p->files[file].ast;
	size_t len;
	const char *s;

	if (!n || ast_kind(a, n) != AST_IDENT)
		return -1;
	s = ast_ident(a, n, &len);
	return names_find_h(&p->nm, s, len, (uint32_t)ast_ident_id(a, n));
}

int facts_type_scan(const struct pkg *p, int name)
{
	size_t i;

	for (i = 0; i < p->types.n; i++)	/* while the types are read */
		if (p->types.v[i].name == name)
			return (int)i;
	return -1;
}

/* Names to types and package variables, once both are read (the first of
 * duplicates wins, as it does for functions). */
static void index_names(struct pkg *p)
{
	size_t i, n = p->nm.n ? p->nm.n : 1;
	int *t = xmalloc(n * sizeof(int)), *v = xmalloc(n * sizeof(int));

	for (i = 0; i < n; i++)
		t[i] = v[i] = -1;
	for (i = p->types.n; i-- > 0;)
		if (p->types.v[i].name >= 0)
			t[p->types.v[i].name] = (int)i;
	for (i = p->vars.n; i-- > 0;)
		if (p->vars.v[i].name >= 0)
			v[p->vars.v[i].name] = (int)i;
	p->type_of = t;
	p->var_of = v;
	p->nindexed = p->nm.n;
}

static int is_import(const struct pkg *p, int name)
{
	size_t i;

	for (i = 0; i < p->nimports; i++)
		if (p->imports[i] == name)
			return 1;
	return 0;
}

/* Map types of the standard library and gRPC, by import and name:
 * http.Header, url.Values, textproto.MIMEHeader, metadata.MD. */
static int known_map_type(struct pkg *p, int file, const struct ast_node *sel)
{
	static const char *const known[] = {
		"http", "Header", "url", "Values", "textproto", "MIMEHeader",
		"metadata", "MD", NULL
	};
	const struct ast *a = p->files[file].ast;
	size_t lp, ls;
	const char *sp, *ss;
	int i;

	if (ast_kind(a, sel->a) != AST_IDENT || ast_kind(a, sel->b) != AST_IDENT)
		return 0;
	sp = ast_ident(a, sel->a, &lp);
	ss = ast_ident(a, sel->b, &ls);
	for (i = 0; known[i]; i += 2)
		if (strlen(known[i]) == lp && !memcmp(sp, known[i], lp) &&
		    strlen(known[i + 1]) == ls && !memcmp(ss, known[i + 1], ls))
			return is_import(p, ident_find(p, file, sel->a));
	return 0;
}

static struct ty type_expr(struct pkg *p, int file, uint32_t n)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *nd;
	struct ty t = { TY_UNKNOWN, 0, -1 }, v;
	size_t len;
	int depth;

	for (depth = 0; n && depth < 16; depth++) {
		nd = ast_node(a, n);
		switch (nd->kind) {
		case AST_IDENT:
			if (p->files[file].qual >= 0) {	/* foreign.c */
				const char *s = ast_ident(a, n, &len);

				t.named = facts_qual_type(p, p->files[file].qual,
							  s, len);
			} else {
				t.named = facts_type_index(p,
						ident_find(p, file, n));
			}
			if (t.named >= 0)
				t.kind = TY_NAMED;
			return t;
		case AST_STAR_EXPR:
		case AST_PAREN_EXPR:
		case AST_INDEX_EXPR:	/* T[int]: the generic type */
		case AST_INDEX_LIST_EXPR:
			n = nd->a;
			continue;
		case AST_MAP_TYPE:
			v = facts_under(p, facts_type_expr(p, file, nd->b));
			t.kind = TY_MAP;
			t.named = v.kind == TY_NAMED || v.kind == TY_MAP
				  ? v.named : -1;
			if (v.kind == TY_MAP && v.depth < 8)
				t.depth = (uint8_t)(v.depth + 1);
			return t;
		case AST_FUNC_TYPE:
			t.kind = TY_FUNC;
			return t;
		case AST_ARRAY_TYPE:	/* []T, []*T, [N]T */
			v = facts_type_expr(p, file, nd->b);
			t.kind = TY_SLICE;
			t.named = v.kind == TY_NAMED ? v.named : -1;
			return t;
		case AST_CHAN_TYPE:
			t.kind = TY_CHAN;
			return t;
		case AST_SELECTOR_EXPR: {
			const char *s;
			int id;

			if (known_map_type(p, file, nd)) {
				t.kind = TY_MAP;
				return t;
			}
			/* a type of another package of the module */
			if (p->files[file].qual < 0 && p->foreign_ok &&
			    ast_node(a, nd->a)->kind == AST_IDENT &&
			    (id = ident_find(p, file, nd->a)) >= 0 &&
			    is_import(p, id)) {
				s = ast_ident(a, nd->b, &len);
				t.named = facts_qual_type(p, id, s, len);
				if (t.named >= 0) {
					t.kind = TY_NAMED;
					return t;
				}
			}
			/* sync.Mutex, and the drop-in replacements named
			 * the same in other packages (go-deadlock's
			 * deadlock.RWMutex, a project's syncutil.RWMutex
			 * that embeds sync's): a lock by its name */
			if (ast_node(a, nd->a)->kind != AST_IDENT ||
			    (id = ident_find(p, file, nd->a)) < 0 ||
			    (p->files[file].qual < 0 && id != p->sync_name &&
			     !is_import(p, id)))
				return t;
			s = ast_ident(a, nd->b, &len);
			if (len == 5 && !memcmp(s, "Mutex", 5))
				t.kind = TY_MUTEX;
			else if (len == 7 && !memcmp(s, "RWMutex", 7))
				t.kind = TY_RWMUTEX;
			return t;
		}
		default:
			return t;
		}
	}
	return t;
}

struct ty facts_type_expr(struct pkg *p, int file, uint32_t n)
{
	struct ty_memo *m;

	if (!p->ty_memo || !n)
		return type_expr(p, file, n);
	m = &p->ty_memo[(((n ^ ((uint32_t)file << 20)) * 2654435761u) >> 20) &
			(TY_MEMO - 1)];
	if (m->node != n || m->file != file) {
		m->t = type_expr(p, file, n);
		m->node = n;
		m->file = file;
	}
	return m->t;
}

int facts_field(const struct pkg *p, int t, int name)
{
	const struct type *ty;
	uint32_t i;
	int depth, r;

	if (t < 0 || name < 0)
		return -1;
	/* breadth first through embedding, three levels */
	for (depth = 0; depth < 3; depth++) {
		int found = -1;

		ty = &p->types.v[t];
		for (i = 0; i < ty->nf; i++)
			if (p->fields.v[ty->f0 + i].name == name)
				return (int)(ty->f0 + i);
		for (i = 0; i < ty->nf && found < 0; i++) {
			const struct field *f = &p->fields.v[ty->f0 + i];

			if (f->embedded && f->ty.kind == TY_NAMED &&
			    f->ty.named != t &&
			    p->types.v[f->ty.named].is_struct) {
				r = facts_field(p, f->ty.named, name);
				if (r >= 0 && depth == 0)
					return r;
				if (r >= 0)
					found = r;
			}
		}
		return found;
	}
	return -1;
}

static int embedded_mutex(const struct pkg *p, int t, int depth)
{
	const struct type *ty;
	uint32_t i;
	int m;

	if (t < 0 || depth > 3)
		return -1;
	ty = &p->types.v[t];
	for (i = 0; i < ty->nf; i++) {
		const struct field *f = &p->fields.v[ty->f0 + i];

		if (f->embedded && (f->ty.kind == TY_MUTEX ||
				    f->ty.kind == TY_RWMUTEX))
			return (int)(ty->f0 + i);
	}
	/* promoted from an embedded struct: x.Lock() of struct{ inner } */
	for (i = 0; i < ty->nf; i++) {
		const struct field *f = &p->fields.v[ty->f0 + i];

		if (f->embedded && f->ty.kind == TY_NAMED &&
		    f->ty.named != t &&
		    (m = embedded_mutex(p, f->ty.named, depth + 1)) >= 0)
			return m;
	}
	return -1;
}

int facts_embedded_mutex(const struct pkg *p, int t)
{
	return embedded_mutex(p, t, 0);
}

/* Functions by (receiver type, name): open addressing in p->fn_slot. */

int facts_method(const struct pkg *p, int t, int name)
{
	const struct type *ty;
	uint32_t i;
	int depth, r = -1;

	for (depth = 0; t >= 0 && depth < 3; depth++) {
		int next = -1;

		if ((r = facts_func_index(p, t, name)) >= 0)
			return r;
		ty = &p->types.v[t];
		for (i = 0; i < ty->nf; i++) {
			const struct field *f = &p->fields.v[ty->f0 + i];

			if (f->embedded && f->ty.kind == TY_NAMED &&
			    f->ty.named != t) {
				if ((r = facts_func_index(p, f->ty.named, name)) >= 0)
					return r;
				if (next < 0)
					next = f->ty.named;
			}
		}
		t = next;
	}
	return -1;
}

const char *facts_loc_name(const struct pkg *p, loc_t l, char *buf, size_t n)
{
	size_t i;

	if (IS_FOREIGN_LOCK(l)) {
		const struct flock *k = &p->flocks.v[l - FOREIGN_LOCK0];

		snprintf(buf, n, "%s%s%s", names_str(&p->nm, k->base),
			 k->field >= 0 ? "." : "",
			 k->field >= 0 ? names_str(&p->nm, k->field) : "");
	} else if (l < 0) {
		snprintf(buf, n, "?");
	} else if ((size_t)l < p->fields.n) {
		const struct field *f = &p->fields.v[l];

		for (i = 0; i < p->types.n; i++)
			if ((uint32_t)l >= p->types.v[i].f0 &&
			    (uint32_t)l < p->types.v[i].f0 + p->types.v[i].nf)
				break;
		snprintf(buf, n, "%s.%s",
			 i < p->types.n ? names_str(&p->nm, p->types.v[i].name) : "?",
			 names_str(&p->nm, f->name));
	} else if ((size_t)l < p->fields.n + p->vars.n) {
		snprintf(buf, n, "%s",
			 names_str(&p->nm, p->vars.v[l - (loc_t)p->fields.n].name));
	} else {
		size_t k = (size_t)l - p->fields.n - p->vars.n;

		snprintf(buf, n, "%s", k < p->llocs.n ?
			 names_str(&p->nm, p->llocs.v[k].name) : "?");
	}
	return buf;
}

static int has_suffix_id(const struct pkg *p, int name, const char *suf)
{
	const char *s = names_str(&p->nm, name);
	size_t n = strlen(s), k = strlen(suf);

	return n > k && !strcmp(s + n - k, suf);
}

/* ---- declarations ---- */

int facts_import_name(struct pkg *p, int file, uint32_t spec)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *s = ast_node(a, spec);
	const struct ast_node *path = ast_node(a, s->b);
	const char *q, *b, *e;

	if (s->a)
		return facts_ident(p, file, s->a);
	if (!s->b || path->end <= path->pos + 1)
		return -1;
	q = a->src + path->pos + 1;
	e = a->src + path->end - 1;
	for (b = e; b > q && b[-1] != '/';)
		b--;
	/* "gopkg.in/yaml.v2" and "example.com/foo/v2": a guess */
	if (e - b >= 2 && b[0] == 'v' && isdigit((unsigned char)b[1]) &&
	    b > q + 1) {
		e = b - 1;
		for (b = e; b > q && b[-1] != '/';)
			b--;
	}
	return names_id(&p->nm, b, (size_t)(e - b));
}

static void add_import(struct pkg *p, int file, uint32_t spec)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *s = ast_node(a, spec);
	const struct ast_node *path = ast_node(a, s->b);
	int id = facts_import_name(p, file, spec);

	if (id < 0)
		return;
	if (s->b && path->end - path->pos == 6 &&
	    !memcmp(a->src + path->pos + 1, "sync", 4) &&
	    (s->a || !memcmp(names_str(&p->nm, id), "sync", 5)))
		p->sync_name = id;
	if (is_import(p, id))	/* each file imports fmt: once */
		return;
	ARRAY_GROW(p->imports, p->nimports + 1, p->aimports);
	p->imports[p->nimports++] = id;
}

const char *facts_import_path(const struct pkg *p, int file, int name,
			      char *buf, size_t n)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *fl = ast_node(a, a->file);
	const uint32_t *decls = ast_list(a, fl->b);
	uint32_t i, k, nd = ast_list_len(a, fl->b);

	for (i = 0; i < nd; i++) {
		const struct ast_node *d = ast_node(a, decls[i]);

		if (d->kind != AST_GEN_DECL || d->op != T_IMPORT)
			continue;
		for (k = 0; k < ast_list_len(a, d->a); k++) {
			uint32_t sp = ast_list(a, d->a)[k];
			const struct ast_node *pa;
			size_t len;

			if (facts_import_name((struct pkg *)p, file, sp) != name)
				continue;
			pa = ast_node(a, ast_node(a, sp)->b);
			if (pa->end < pa->pos + 2)
				return NULL;
			len = pa->end - pa->pos - 2;
			if (len >= n)
				return NULL;
			memcpy(buf, a->src + pa->pos + 1, len);
			buf[len] = '\0';
			return buf;
		}
	}
	return NULL;
}

/* A foreign file's type name n, as the importing package writes it
 * (qual.Name), interned. */
static int foreign_name(struct pkg *p, int file, uint32_t n)
{
	size_t len;
	const char *s = ast_ident(p->files[file].ast, n, &len);
	const char *q = names_str(&p->nm, p->files[file].qual);
	char *b = xasprintf("%s.%.*s", q, (int)len, s);
	int id = names_id(&p->nm, b, strlen(b));

	free(b);
	return id;
}

int facts_qual_type(const struct pkg *p, int qual, const char *name,
		    size_t len)
{
	const char *q = names_str(&p->nm, qual);
	char *b = xasprintf("%s.%.*s", q, (int)len, name);
	int id = names_find(&p->nm, b, strlen(b));

	free(b);
	return id < 0 ? -1 : facts_type_index(p, id);
}

static void add_types(struct pkg *p, int file, uint32_t decl)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *d = ast_node(a, decl);
	uint32_t i, n = ast_list_len(a, d->a);
	const uint32_t *specs = ast_list(a, d->a);

	for (i = 0; i < n; i++) {
		const struct ast_node *s = ast_node(a, specs[i]);
		struct type *t;

		if (s->kind != AST_TYPE_SPEC)
			continue;
		/* another package's interfaces are not followed */
		if (p->files[file].qual >= 0 &&
		    ast_kind(a, s->c) == AST_INTERFACE_TYPE)
			continue;
		t = VEC_PUSH(p->types);
		t->name = p->files[file].qual >= 0
			  ? foreign_name(p, file, s->a)
			  : facts_ident(p, file, s->a);
		t->file = file;
		t->node = specs[i];
		t->is_struct = ast_kind(a, s->c) == AST_STRUCT_TYPE;
		t->is_iface = ast_kind(a, s->c) == AST_INTERFACE_TYPE;
	}
}

/* An interface type's method names (pkg.imeths); an embedded interface
 * or a type set leaves the list open. */
static void iface_methods(struct pkg *p, struct type *t)
{
	const struct ast *a = p->files[t->file].ast;
	const struct ast_node *it = ast_node(a, ast_node(a, t->node)->c);
	uint32_t i, n, fl = it->a;

	t->m0 = (uint32_t)p->imeths.n;
	if (!fl)
		return;
	n = ast_list_len(a, ast_node(a, fl)->a);
	for (i = 0; i < n; i++) {
		const struct ast_node *f =
			ast_node(a, ast_list(a, ast_node(a, fl)->a)[i]);
		uint32_t k;

		if (f->kind != AST_FIELD || !ast_list_len(a, f->a)) {
			t->iface_open = 1;
			continue;
		}
		for (k = 0; k < ast_list_len(a, f->a); k++)
			*VEC_PUSH(p->imeths) =
				facts_ident(p, t->file, ast_list(a, f->a)[k]);
	}
	t->nm = (uint32_t)p->imeths.n - t->m0;
}

int facts_iface_impls(const struct pkg *p, int t, int name, int *out,
		      int max)
{
	const struct type *it;
	size_t i;
	uint32_t k;
	int n = 0, has = 0;

	if (t < 0 || (size_t)t >= p->types.n || !p->types.v[t].is_iface ||
	    name < 0)
		return -1;
	it = &p->types.v[t];
	for (k = 0; k < it->nm; k++)
		has |= p->imeths.v[it->m0 + k] == name;
	if (!has && !it->iface_open)
		return 0;
	for (i = 0; i < p->types.n; i++) {
		const struct type *c = &p->types.v[i];
		int m;

		if (c->is_iface || p->files[c->file].is_test ||
		    (m = facts_method(p, (int)i, name)) < 0)
			continue;
		for (k = 0; k < it->nm; k++)
			if (facts_method(p, (int)i, p->imeths.v[it->m0 + k]) < 0)
				break;
		if (k < it->nm)
			continue;
		if (n == max)
			return -1;
		out[n++] = m;
	}
	return n;
}

/* The name of an embedded field's type expression (T, *T, pkg.T, T[X]). */
static int embedded_name(struct pkg *p, int file, uint32_t n)
{
	const struct ast *a = p->files[file].ast;
	int depth;

	for (depth = 0; n && depth < 8; depth++) {
		const struct ast_node *nd = ast_node(a, n);

		switch (nd->kind) {
		case AST_IDENT:
			return facts_ident(p, file, n);
		case AST_SELECTOR_EXPR:
			return facts_ident(p, file, nd->b);
		case AST_STAR_EXPR:
		case AST_INDEX_EXPR:
		case AST_INDEX_LIST_EXPR:
		case AST_PAREN_EXPR:
			n = nd->a;
			continue;
		default:
			return -1;
		}
	}
	return -1;
}

/* A line with nothing but blanks between offsets lo and hi? */
static int blank_line_between(const char *src, uint32_t lo, uint32_t hi)
{
	uint32_t i;
	int nl = 0;

	for (i = lo; i < hi; i++) {
		if (src[i] == '\n') {
			if (nl)
				return 1;
			nl = 1;
		} else if (src[i] != ' ' && src[i] != '\t' && src[i] != '\r') {
			nl = 0;
		}
	}
	return 0;
}

/* Is n the type sync.Pool, *sync.Pool, or a value sync.Pool{...},
 * &sync.Pool{...}? */
static int sync_pool(const struct pkg *p, int file, uint32_t n)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *nd = ast_node(a, n);
	size_t len;
	const char *s;

	if (!n)
		return 0;
	if (nd->kind == AST_STAR_EXPR ||
	    (nd->kind == AST_UNARY_EXPR && nd->op == T_AND))
		nd = ast_node(a, nd->a);
	if (nd->kind == AST_COMPOSITE_LIT && nd->a)
		nd = ast_node(a, nd->a);
	if (nd->kind != AST_SELECTOR_EXPR ||
	    ast_node(a, nd->a)->kind != AST_IDENT || p->sync_name < 0 ||
	    ident_find(p, file, nd->a) != p->sync_name)
		return 0;
	s = ast_ident(a, nd->b, &len);
	return len == 4 && !memcmp(s, "Pool", 4);
}

/* Is type expression n (or *n) a type of sync or sync/atomic? */
static int std_sync_type(struct pkg *p, int file, uint32_t n)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *nd = ast_node(a, n);
	char ipath[64];
	int id;

	if (!n)
		return 0;
	if (nd->kind == AST_STAR_EXPR)
		nd = ast_node(a, nd->a);
	if (nd->kind != AST_SELECTOR_EXPR ||
	    ast_node(a, nd->a)->kind != AST_IDENT ||
	    (id = ident_find(p, file, nd->a)) < 0 || !is_import(p, id))
		return 0;
	if (id == p->sync_name)
		return 1;
	return facts_import_path(p, file, id, ipath, sizeof(ipath)) &&
	       !strcmp(ipath, "sync/atomic");
}

static void fill_struct(struct pkg *p, int ti, struct buf *b)
{
	struct type *t = &p->types.v[ti];
	int file = t->file;
	const struct ast *a = p->files[file].ast;
	const struct ast_node *spec = ast_node(a, t->node);
	const struct ast_node *st = ast_node(a, spec->c);
	const struct ast_node *fl = ast_node(a, st->a);
	uint32_t i, j, n = st->a ? ast_list_len(a, fl->a) : 0;
	const uint32_t *flds = n ? ast_list(a, fl->a) : NULL;
	int block_guard = -1;
	uint32_t prev_end = 0;

	t->f0 = (uint32_t)p->fields.n;
	for (i = 0; i < n; i++) {
		const struct ast_node *fd = ast_node(a, flds[i]);
		uint32_t nn = ast_list_len(a, fd->a);
		const uint32_t *nms = ast_list(a, fd->a);
		struct ty ty = facts_type_expr(p, file, fd->b);
		uint32_t line = ast_line(a, flds[i]);
		int g;

		facts_comments_above(&a->lx, a->src, line, 1, b);
		g = b->len ? facts_guard_named(p, b->p) : -1;
		if (block_guard >= 0 && prev_end &&
		    blank_line_between(a->src, prev_end, fd->pos))
			block_guard = -1;
		for (j = 0; j < (nn ? nn : 1); j++) {
			struct field *f = VEC_PUSH(p->fields);

			f->name = nn ? facts_ident(p, file, nms[j])
				     : embedded_name(p, file, fd->b);
			f->embedded = !nn;
			f->ty = ty;
			f->file = file;
			f->node = nn ? nms[j] : fd->b;
			f->pool = (uint8_t)sync_pool(p, file, fd->b);
			f->std_value = (uint8_t)std_sync_type(p, file, fd->b);
			f->guard = -2 - g;	/* a name for now: resolved below */
			if (g < 0 && block_guard >= 0)
				f->guard = block_guard;
		}
		if ((ty.kind == TY_MUTEX || ty.kind == TY_RWMUTEX) && b->len &&
		    (strstr(b->p, "guard") || strstr(b->p, "protect")) &&
		    (strstr(b->p, "follow") || strstr(b->p, "below") ||
		     strstr(b->p, "fields") || strstr(b->p, "these")))
			block_guard = (int)p->fields.n - 1;
		prev_end = fd->end;
	}
	t = &p->types.v[ti];	/* VEC_PUSH on fields never moves types */
	t->nf = (uint32_t)p->fields.n - t->f0;
	/* guards named in comments: the mutex field of that name */
	for (i = 0; i < t->nf; i++) {
		struct field *f = &p->fields.v[t->f0 + i];
		int name;

		if (f->guard >= -1)
			continue;
		name = -2 - f->guard;
		f->guard = -1;
		for (j = 0; name >= 0 && j < t->nf; j++) {
			const struct field *m = &p->fields.v[t->f0 + j];

			if (m->name == name && (m->ty.kind == TY_MUTEX ||
						m->ty.kind == TY_RWMUTEX))
				f->guard = (int)(t->f0 + j);
		}
	}
}

static struct ty value_type(struct pkg *p, int file, uint32_t v)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *nd = ast_node(a, v);
	struct ty t = { TY_UNKNOWN, 0, -1 };

	switch (nd->kind) {
	case AST_COMPOSITE_LIT:
		return facts_type_expr(p, file, nd->a);
	case AST_UNARY_EXPR:
		if (nd->op == T_AND)
			return value_type(p, file, nd->a);
		return t;
	case AST_CALL_EXPR: {
		const struct ast_node *fn = ast_node(a, nd->a);
		uint32_t na = ast_list_len(a, nd->b);
		size_t len;
		const char *s;

		if (fn->kind != AST_IDENT || !na)
			return t;
		s = ast_ident(a, nd->a, &len);
		if ((len == 4 && !memcmp(s, "make", 4)) ||
		    (len == 3 && !memcmp(s, "new", 3)))
			return facts_type_expr(p, file, ast_list(a, nd->b)[0]);
		return t;
	}
	default:
		return t;
	}
}

int facts_false_const(const struct pkg *p, int name)
{
	size_t i;

	for (i = 0; name >= 0 && i < p->nfalse; i++)
		if (p->false_consts[i] == name)
			return 1;
	return 0;
}

static void add_consts(struct pkg *p, int file, uint32_t decl)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *d = ast_node(a, decl);
	uint32_t i, j, n = ast_list_len(a, d->a);
	const uint32_t *specs = ast_list(a, d->a);

	for (i = 0; i < n; i++) {
		const struct ast_node *s = ast_node(a, specs[i]);
		uint32_t nn = ast_list_len(a, s->a), nv = ast_list_len(a, s->c);
		size_t len;
		const char *v;

		if (s->kind != AST_VALUE_SPEC || nn != nv)
			continue;
		for (j = 0; j < nn; j++) {
			uint32_t val = ast_list(a, s->c)[j];

			if (ast_kind(a, val) != AST_IDENT)
				continue;
			v = ast_ident(a, val, &len);
			if (len != 5 || memcmp(v, "false", 5))
				continue;
			ARRAY_GROW(p->false_consts, p->nfalse + 1, p->afalse);
			p->false_consts[p->nfalse++] =
				facts_ident(p, file, ast_list(a, s->a)[j]);
		}
	}
}

/* Functions a package variable's initializer calls run at init. */
static void var_init_calls(struct pkg *p, int file, uint32_t n, int depth)
{
	const struct ast *a = p->files[file].ast;
	struct ast_iter it;
	uint32_t c;

	if (!n || depth > 64)
		return;
	/* a call's text holds its '(': tables of constants hold none */
	if (ast_node(a, n)->end > ast_node(a, n)->pos &&
	    !memchr(a->src + ast_node(a, n)->pos, '(',
		    ast_node(a, n)->end - ast_node(a, n)->pos))
		return;
	if (ast_kind(a, n) == AST_CALL_EXPR &&
	    ast_kind(a, ast_node(a, n)->a) == AST_IDENT) {
		int fn = facts_func_index(p, -1,
				facts_ident(p, file, ast_node(a, n)->a));

		if (fn >= 0)
			p->funcs.v[fn].var_init = 1;
	}
	if (ast_kind(a, n) == AST_FUNC_LIT)
		return;
	ast_iter_init(&it, a, n);
	while ((c = ast_iter_next(&it)))	/* leaves (tables) call none */
		if (ast_kind(a, c) != AST_BASIC_LIT &&
		    ast_kind(a, c) != AST_IDENT)
			var_init_calls(p, file, c, depth + 1);
}

static void add_vars(struct pkg *p, int file, uint32_t decl)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *d = ast_node(a, decl);
	uint32_t i, j, n = ast_list_len(a, d->a);
	const uint32_t *specs = ast_list(a, d->a);

	for (i = 0; i < n; i++) {
		const struct ast_node *s = ast_node(a, specs[i]);
		uint32_t nn, nv;
		const uint32_t *nms, *vals;
		struct ty ty;

		if (s->kind != AST_VALUE_SPEC)
			continue;
		nn = ast_list_len(a, s->a);
		nms = ast_list(a, s->a);
		nv = ast_list_len(a, s->c);
		vals = ast_list(a, s->c);
		ty = facts_type_expr(p, file, s->b);
		for (j = 0; j < nn; j++) {
			struct pvar *pv;
			struct ty t = ty;

			if (!s->b && nv == nn)
				t = value_type(p, file, vals[j]);
			pv = VEC_PUSH(p->vars);
			pv->name = facts_ident(p, file, nms[j]);
			pv->ty = t;
			pv->file = file;
			pv->node = nms[j];
			pv->pool = (uint8_t)(sync_pool(p, file, s->b) ||
					     (nv == nn &&
					      sync_pool(p, file, vals[j])));
		}
	}
}

/* Go's convention for hooks only tests call: PeersForTest(), ForTest(),
 * methods of a type forTest, SetClockForTesting(). */
static int for_test(const char *s, size_t len)
{
	size_t k;

	for (k = 7; k <= 10; k += 3)	/* "ForTest", "ForTesting" */
		if (len >= k && (s[len - k] == 'F' || s[len - k] == 'f') &&
		    !memcmp(s + len - k + 1, "orTesting", k - 1))
			return 1;
	return 0;
}

static void add_func(struct pkg *p, int file, uint32_t decl, struct buf *b)
{
	const struct ast *a = p->files[file].ast;
	const struct ast_node *d = ast_node(a, decl);
	struct func *f = VEC_PUSH(p->funcs);
	size_t len;
	const char *s;

	f->file = file;
	f->node = decl;
	f->name = facts_ident(p, file, d->b);
	f->recv_type = -1;
	f->recv_name = -1;
	f->is_test = p->files[file].is_test;
	/* not judged, unless the user asked for generated files too */
	f->generated = p->files[file].generated && !p->o->include_generated;
	s = ast_ident(a, d->b, &len);
	f->exported = len && isupper((unsigned char)s[0]);
	if (for_test(s, len))
		f->is_test = 1;
	if (d->a) {
		const struct ast_node *fl = ast_node(a, d->a);

		if (ast_list_len(a, fl->a)) {
			const struct ast_node *fd =
				ast_node(a, ast_list(a, fl->a)[0]);

			if (ast_list_len(a, fd->a))
				f->recv_name = facts_ident(p, file,
							   ast_list(a, fd->a)[0]);
		}
		if ((s = ast_recv_type(a, decl, &len))) {
			f->recv_type = facts_type_index(p,
				names_id(&p->nm, s, len));
			if (for_test(s, len))	/* methods of type forTest */
				f->is_test = 1;
		}
	}
	facts_comments_above(&a->lx, a->src, ast_line(a, decl), 0, b);
	f->annotated = has_suffix_id(p, f->name, "Locked") ||
		       has_suffix_id(p, f->name, "_locked") ||
		       has_suffix_id(p, f->name, "WithLock") ||
		       has_suffix_id(p, f->name, "NoLock") ||
		       has_suffix_id(p, f->name, "Unlocked") ||
		       (b->len && facts_says_lock_held(b->p));
	f->serial = (b->len && facts_says_serial(b->p, 0)) ||
		    (d->d && facts_body_says_serial(a, decl, b));
}

static void index_funcs(struct pkg *p)
{
	size_t i, h;

	p->fn_nslot = 64;
	while (p->fn_nslot < p->funcs.n * 2)
		p->fn_nslot *= 2;
	p->fn_slot = xcalloc(p->fn_nslot, sizeof(*p->fn_slot));
	for (i = 0; i < p->funcs.n; i++) {
		const struct func *f = &p->funcs.v[i];

		if (f->name < 0 || facts_func_index(p, f->recv_type, f->name) >= 0)
			continue;	/* the first of duplicates (broken code) */
		for (h = facts_fn_hash(f->recv_type, f->name) & (p->fn_nslot - 1);
		     p->fn_slot[h]; h = (h + 1) & (p->fn_nslot - 1))
			;
		p->fn_slot[h] = (uint32_t)i + 1;
	}
}

void facts_build(struct pkg *p)
{
	struct buf b = BUF_INIT;
	size_t fi, i;

	p->sync_name = -1;
	/* the functions' room at once: a func is large, doubling copies */
	for (fi = 0, i = 0; fi < p->nfiles; fi++) {
		const struct ast *a = p->files[fi].ast;
		const struct ast_node *file = ast_node(a, a->file);
		uint32_t k;

		for (k = 0; k < ast_list_len(a, file->b); k++)
			i += ast_kind(a, ast_list(a, file->b)[k]) ==
			     AST_FUNC_DECL;
	}
	if (i > p->funcs.a) {
		p->funcs.v = xrealloc(p->funcs.v, i * sizeof(*p->funcs.v));
		p->funcs.a = i;
	}
	/* imports and type names first: fields and vars refer to them */
	for (fi = 0; fi < p->nfiles; fi++) {
		const struct ast *a = p->files[fi].ast;
		const struct ast_node *file = ast_node(a, a->file);
		uint32_t n = ast_list_len(a, file->b);
		const uint32_t *decls = ast_list(a, file->b);

		for (i = 0; i < n; i++) {
			const struct ast_node *d = ast_node(a, decls[i]);
			uint32_t k;

			if (d->kind != AST_GEN_DECL)
				continue;
			if (d->op == T_TYPE)
				add_types(p, (int)fi, decls[i]);
			else if (d->op == T_IMPORT && p->files[fi].qual < 0)
				for (k = 0; k < ast_list_len(a, d->a); k++)
					add_import(p, (int)fi,
						   ast_list(a, d->a)[k]);
		}
	}
	p->foreign_ok = 1;
	for (i = 0; i < p->types.n; i++) {
		struct type *t = &p->types.v[i];
		const struct ast *a = p->files[t->file].ast;

		if (t->is_struct)
			fill_struct(p, (int)i, &b);
		else if (t->is_iface)
			iface_methods(p, t);
		else
			p->types.v[i].under = facts_type_expr(p, t->file,
				ast_node(a, t->node)->c);
	}
	p->foreign_ok = 0;
	for (fi = 0; fi < p->nfiles; fi++) {
		const struct ast *a = p->files[fi].ast;
		const struct ast_node *file = ast_node(a, a->file);
		uint32_t n = ast_list_len(a, file->b);
		const uint32_t *decls = ast_list(a, file->b);

		if (p->files[fi].qual >= 0)	/* types only */
			continue;
		for (i = 0; i < n; i++) {
			const struct ast_node *d = ast_node(a, decls[i]);

			if (d->kind == AST_GEN_DECL && d->op == T_VAR)
				add_vars(p, (int)fi, decls[i]);
			else if (d->kind == AST_GEN_DECL && d->op == T_CONST)
				add_consts(p, (int)fi, decls[i]);
			else if (d->kind == AST_FUNC_DECL && d->b)
				add_func(p, (int)fi, decls[i], &b);
		}
	}
	index_funcs(p);
	index_names(p);
	for (fi = 0; fi < p->nfiles; fi++) {
		const struct ast *a = p->files[fi].ast;
		const struct ast_node *file = ast_node(a, a->file);
		uint32_t n = ast_list_len(a, file->b);
		const uint32_t *decls = ast_list(a, file->b);

		for (i = 0; i < n && p->files[fi].qual < 0; i++)
			if (ast_kind(a, decls[i]) == AST_GEN_DECL &&
			    ast_node(a, decls[i])->op == T_VAR)
				var_init_calls(p, (int)fi, decls[i], 0);
	}
	buf_release(&b);
}

int facts_is_import(const struct pkg *p, int name)
{
	return is_import(p, name);
}
