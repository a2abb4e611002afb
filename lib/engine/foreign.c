/* foreign.c - the struct and map types of the module's other packages
 * that a package imports.
 *
 * Owns: reading, at the module phase, the non-test, non-generated files
 * of each package of the same module that the package's files import,
 * parsed without bodies, as files whose type declarations only are read
 * (efile.qual: the import name this package gives them).  facts.c names
 * their types qual.Name, so that a field chain through another package's
 * types (w.Status.Nodes of a *wf.Workflow) or a field promoted from an
 * embedded *tel.Metrics is a map field the walk knows.  Their interfaces,
 * functions, methods and variables are not read.  Only the files that
 * write `map[` are read: a struct with no map in its file reaches one
 * only through another of its package's files, which is not followed.
 */
#define _GNU_SOURCE	/* memmem */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "engine/files.h"
#include "engine/lex.h"
#include "engine/module.h"
#include "engine/parse.h"
#include "util/util.h"

enum { FOREIGN_MAX_FILES = 256, FOREIGN_MAX_BYTES = 8 << 20 };

static int go_source(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcmp(name + n - 3, ".go") &&
	       !(n > 8 && !strcmp(name + n - 8, "_test.go"));
}

/* Append dir's files with qualifier qual; *bytes counts what was read. */
static void load_dir(struct pkg *p, const char *dir, int qual, size_t *bytes)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) && p->nfiles < p->nlocal + FOREIGN_MAX_FILES &&
	       *bytes < FOREIGN_MAX_BYTES) {
		char *path, *src = NULL;
		size_t len;
		struct efile *f;

		if (!go_source(e->d_name))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (mg_read_file(path, &src, &len) || !memmem(src, len, "map[", 4) ||
		    lex_is_generated(src, len)) {
			if (src)
				free(src);
			free(path);
			continue;
		}
		*bytes += len;
		p->files = xrealloc(p->files, (p->nfiles + 1) * sizeof(*p->files));
		f = &p->files[p->nfiles++];
		memset(f, 0, sizeof(*f));
		f->path = path;
		f->src = src;
		f->len = len;
		f->is_test = 1;		/* nothing of it is judged */
		f->qual = qual;
		f->ast = parse_file_ex(src, len, PARSE_SKIP_BODIES);
		f->ids = xcalloc(f->ast->nnodes, sizeof(*f->ids));
	}
	closedir(d);
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

				if (qual < 0 || pa->end < pa->pos + 2)
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
				if (dir && strcmp(dir, p->dir))
					load_dir(p, dir, qual, &bytes);
				free(dir);
				free(ipath);
			}
		}
	}
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
