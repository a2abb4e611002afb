/* foreign.c - the struct and map types of the module's other packages
 * that a package imports.
 *
 * Owns: reading, at the module phase, the non-test, non-generated files
 * of each package of the same module that the package's files import,
 * parsed without bodies, as files whose type declarations only are read
 * (efile.qual: the import name this package gives them).  facts.c names
 * their types qual.Name, so that a field chain through another package's
 * types (w.Status.Nodes of a *wf.Workflow) or a field promoted from an
 * embedded *tel.Metrics is a map field the walk knows.  Only the types
 * that this package's own struct fields name are looked for, and the
 * types of their fields in turn, in the files that declare them ("Name
 * struct", "Name map[") and write `map[`: a struct with no map in its
 * file reaches one only through another of its package's files, which is
 * not followed.  Interfaces, functions, methods and variables are not
 * read.
 */
#define _GNU_SOURCE	/* memmem */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/files.h"
#include "engine/lex.h"
#include "engine/module.h"
#include "engine/parse.h"
#include "util/util.h"

enum { FOREIGN_MAX_FILES = 256, FOREIGN_MAX_BYTES = 1 << 20 };

static int go_source(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcmp(name + n - 3, ".go") &&
	       !(n > 8 && !strcmp(name + n - 8, "_test.go"));
}

/* Type names wanted from one package (NUL-terminated strings). */
struct want {
	char **v;
	size_t n, a;
};

static void want_add(struct want *w, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strlen(w->v[i]) == len && !memcmp(w->v[i], s, len))
			return;
	ARRAY_GROW(w->v, w->n + 1, w->a);
	w->v[w->n++] = xasprintf("%.*s", (int)len, s);
}

static int ident_byte(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Does src declare one of the wanted names as a struct or map type
 * ("Name struct", "Name map[", as a type spec writes it)? */
static int declares(const char *src, size_t len, const struct want *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		size_t k = strlen(w->v[i]);
		const char *s = src, *e = src + len, *h;

		while ((h = memmem(s, (size_t)(e - s), w->v[i], k))) {
			const char *t = h + k;

			s = h + 1;
			if ((h > src && ident_byte(h[-1])) || t >= e ||
			    (*t != ' ' && *t != '\t'))
				continue;
			while (t < e && (*t == ' ' || *t == '\t'))
				t++;
			if ((e - t >= 6 && !memcmp(t, "struct", 6)) ||
			    (e - t >= 4 && !memcmp(t, "map[", 4)))
				return 1;
		}
	}
	return 0;
}

/* The name a field type names in its own package (T, *T), or NULL. */
static const char *own_type(const struct ast *a, uint32_t n, size_t *len)
{
	int depth;

	for (depth = 0; n && depth < 8; depth++) {
		const struct ast_node *nd = ast_node(a, n);

		if (nd->kind == AST_IDENT)
			return ast_ident(a, n, len);
		if (nd->kind != AST_STAR_EXPR && nd->kind != AST_PAREN_EXPR &&
		    nd->kind != AST_INDEX_EXPR &&
		    nd->kind != AST_INDEX_LIST_EXPR)
			return NULL;
		n = nd->a;
	}
	return NULL;
}

/* The field types of the wanted struct types file a declares, wanted too. */
static void want_fields(const struct ast *a, struct want *w)
{
	const struct ast_node *fl = ast_node(a, a->file);
	const uint32_t *decls = ast_list(a, fl->b);
	uint32_t nd = ast_list_len(a, fl->b), i, k, j;
	size_t len, m;

	for (i = 0; i < nd; i++) {
		const struct ast_node *d = ast_node(a, decls[i]);

		if (d->kind != AST_GEN_DECL || d->op != T_TYPE)
			continue;
		for (k = 0; k < ast_list_len(a, d->a); k++) {
			const struct ast_node *sp = ast_node(a, ast_list(a, d->a)[k]);
			const struct ast_node *fs;
			const char *name;

			if (sp->kind != AST_TYPE_SPEC ||
			    ast_kind(a, sp->c) != AST_STRUCT_TYPE ||
			    !ast_node(a, sp->c)->a)
				continue;
			name = ast_ident(a, sp->a, &len);
			for (m = 0; m < w->n && (strlen(w->v[m]) != len ||
					       memcmp(w->v[m], name, len));)
				m++;
			if (m == w->n)
				continue;
			fs = ast_node(a, ast_node(a, sp->c)->a);
			for (j = 0; j < ast_list_len(a, fs->a); j++) {
				const char *t = own_type(a,
					ast_node(a, ast_list(a, fs->a)[j])->b, &len);

				if (t)
					want_add(w, t, len);
			}
		}
	}
}

/* Append the files of dir that declare the wanted types (and, in turn,
 * the types of their fields), with qualifier qual; *bytes counts what
 * was parsed. */
static void load_dir(struct pkg *p, const char *dir, int qual,
		     struct want *w, size_t *bytes)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct { char *path, *src; size_t len; } *c = NULL;
	size_t nc = 0, ac = 0, i;
	int more = 1;

	if (!d)
		return;
	while ((e = readdir(d)) && nc < FOREIGN_MAX_FILES) {
		char *path, *src = NULL;
		size_t len;

		if (!go_source(e->d_name))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (mg_read_file(path, &src, &len) || !memmem(src, len, "map[", 4) ||
		    lex_is_generated(src, len)) {
			free(src);
			free(path);
			continue;
		}
		ARRAY_GROW(c, nc + 1, ac);
		c[nc].path = path, c[nc].src = src, c[nc].len = len, nc++;
	}
	closedir(d);
	while (more) {
		more = 0;
		for (i = 0; i < nc; i++) {
			struct efile *f;

			if (!c[i].src || *bytes >= FOREIGN_MAX_BYTES ||
			    !declares(c[i].src, c[i].len, w))
				continue;
			*bytes += c[i].len;
			p->files = xrealloc(p->files,
					    (p->nfiles + 1) * sizeof(*p->files));
			f = &p->files[p->nfiles++];
			memset(f, 0, sizeof(*f));
			f->path = c[i].path;
			f->src = c[i].src;
			f->len = c[i].len;
			f->is_test = 1;		/* nothing of it is judged */
			f->qual = qual;
			f->ast = parse_file_ex(c[i].src, c[i].len,
					       PARSE_SKIP_BODIES);
			f->ids = xcalloc(f->ast->nnodes, sizeof(*f->ids));
			c[i].src = NULL;
			want_fields(f->ast, w);
			more = 1;
		}
	}
	for (i = 0; i < nc; i++)
		if (c[i].src) {
			free(c[i].src);
			free(c[i].path);
		}
	free(c);
}

/* The type that field type n of file names as q.T (q.T, *q.T): q's name
 * id, T into *name and *len; -1 when it is not one. */
static int field_qual(struct pkg *p, int file, uint32_t n, const char **name,
		      size_t *len)
{
	const struct ast *a = p->files[file].ast;
	int depth;

	for (depth = 0; n && depth < 8; depth++) {
		const struct ast_node *nd = ast_node(a, n);

		if (nd->kind == AST_SELECTOR_EXPR) {
			if (ast_kind(a, nd->a) != AST_IDENT)
				return -1;
			*name = ast_ident(a, nd->b, len);
			return facts_ident(p, file, nd->a);
		}
		if (nd->kind != AST_STAR_EXPR && nd->kind != AST_PAREN_EXPR &&
		    nd->kind != AST_INDEX_EXPR &&
		    nd->kind != AST_INDEX_LIST_EXPR)
			return -1;
		n = nd->a;
	}
	return -1;
}

/* The types of import name qual that struct fields (or embedded types)
 * of the package's own files name, into w. */
static void used_in_fields(struct pkg *p, int qual, struct want *w)
{
	size_t fi;

	for (fi = 0; fi < p->nlocal; fi++) {
		const struct ast *a = p->files[fi].ast;
		const struct ast_node *fl = ast_node(a, a->file);
		const uint32_t *decls = ast_list(a, fl->b);
		uint32_t nd = ast_list_len(a, fl->b), i, k, j;

		for (i = 0; i < nd; i++) {
			const struct ast_node *d = ast_node(a, decls[i]);

			if (d->kind != AST_GEN_DECL || d->op != T_TYPE)
				continue;
			for (k = 0; k < ast_list_len(a, d->a); k++) {
				const struct ast_node *sp =
					ast_node(a, ast_list(a, d->a)[k]);
				const struct ast_node *fs;

				if (sp->kind != AST_TYPE_SPEC ||
				    ast_kind(a, sp->c) != AST_STRUCT_TYPE ||
				    !ast_node(a, sp->c)->a)
					continue;
				fs = ast_node(a, ast_node(a, sp->c)->a);
				for (j = 0; j < ast_list_len(a, fs->a); j++) {
					uint32_t f = ast_list(a, fs->a)[j];
					const char *name;
					size_t len;

					if (field_qual(p, (int)fi,
						       ast_node(a, f)->b, &name,
						       &len) == qual)
						want_add(w, name, len);
				}
			}
		}
	}
}

void foreign_load(struct pkg *p)
{
	char *root = NULL, *mpath = NULL;
	int *done = NULL;
	size_t ndone = 0, adone = 0, bytes = 0, fi, k, i;

	p->nlocal = p->nfiles;
	if (!p->o->mod || !p->dir ||
	    !module_locate(p->o->mod, p->dir, &root, &mpath) || !root) {
		free(root);
		free(mpath);
		return;
	}
	for (fi = 0; fi < p->nlocal; fi++) {
		const struct ast *a = p->files[fi].ast;
		const struct ast_node *fl = ast_node(a, a->file);
		const uint32_t *decls = ast_list(a, fl->b);
		uint32_t nd = ast_list_len(a, fl->b);

		for (i = 0; i < nd; i++) {
			const struct ast_node *d = ast_node(a, decls[i]);

			if (d->kind != AST_GEN_DECL || d->op != T_IMPORT)
				continue;
			for (k = 0; k < ast_list_len(a, d->a); k++) {
				uint32_t sp = ast_list(a, d->a)[k];
				const struct ast_node *pa =
					ast_node(a, ast_node(a, sp)->b);
				int qual = facts_import_name(p, (int)fi, sp);
				char *ipath, *dir;
				size_t j;

				if (qual < 0 || pa->end < pa->pos + 2 ||
				    !memmem(a->src + pa->pos + 1, (size_t)(pa->end -
					    pa->pos - 2), mpath, strlen(mpath)))
					continue;
				for (j = 0; j < ndone && done[j] != qual;)
					j++;
				if (j < ndone)	/* first file's import wins */
					continue;
				ARRAY_GROW(done, ndone + 1, adone);
				done[ndone++] = qual;
				ipath = xasprintf("%.*s",
						  (int)(pa->end - pa->pos - 2),
						  a->src + pa->pos + 1);
				dir = module_import_dir(root, mpath, ipath);
				if (dir && strcmp(dir, p->dir)) {
					struct want w = { NULL, 0, 0 };

					used_in_fields(p, qual, &w);
					if (w.n)
						load_dir(p, dir, qual, &w,
							 &bytes);
					for (j = 0; j < w.n; j++)
						free(w.v[j]);
					free(w.v);
				}
				free(dir);
				free(ipath);
			}
		}
	}
	if (p->trace && p->nfiles > p->nlocal)
		fprintf(stderr, "trace: foreign types for %s: %zu files, %zu "
			"bytes\n", p->dir, p->nfiles - p->nlocal, bytes);
	free(done);
	free(root);
	free(mpath);
}

void foreign_free(struct pkg *p)
{
	size_t i;

	for (i = p->nlocal; i < p->nfiles; i++) {
		free((char *)p->files[i].path);
		free((char *)p->files[i].src);
	}
}
