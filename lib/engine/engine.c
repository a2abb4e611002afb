/* engine.c - the second engine's entry: one package through every stage
 *
 * Owns: the order of the stages for one package (parse each file, read the
 * declarations, summarize every function twice: first its lock effects,
 * then its accesses and calls with callees' effects applied, then judge)
 * and freeing what they made.  Not: any stage's logic.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/engine_int.h"
#include "engine/files.h"
#include "engine/module.h"
#include "engine/parse.h"
#include "util/util.h"

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);

	return n >= k && !strcmp(s + n - k, suf);
}

/* A _test.go file, or code that exists for tests by the common layout: a
 * mock or fake (file name), or a mock/fake/testing/testutil directory. */
static int test_support(const char *path)
{
	static const char *const dirs[] = {
		"mock", "mocks", "fake", "fakes", "testing", "testutil",
		"testutils", "testhelper", "testhelpers", "testhelpers",
		"testsupport", NULL
	};
	const char *base = strrchr(path, '/'), *s, *e;
	char lower[256];
	size_t i, n;
	int k;

	base = base ? base + 1 : path;
	if (ends_with(path, "_test.go"))
		return 1;
	n = strlen(base) < sizeof(lower) - 1 ? strlen(base) : sizeof(lower) - 1;
	for (i = 0; i < n; i++)
		lower[i] = (char)(base[i] >= 'A' && base[i] <= 'Z'
				  ? base[i] + 32 : base[i]);
	lower[n] = '\0';
	if (strstr(lower, "mock") || strstr(lower, "fake"))
		return 1;
	for (s = path; (e = strchr(s, '/')); s = e + 1)
		for (k = 0; dirs[k]; k++)
			if ((size_t)(e - s) == strlen(dirs[k]) &&
			    !memcmp(s, dirs[k], (size_t)(e - s)))
				return 1;
	return 0;
}

/* Does the file hold a program's main function (package main, func
 * main() at the start of a line)?  Then it is the program, not test
 * support, whatever its name says (a mock the program itself runs). */
static int holds_main(const char *s, size_t len)
{
	static const char pk[] = "package main", fm[] = "\nfunc main() {";
	size_t k, np = sizeof(pk) - 1, nf = sizeof(fm) - 1;
	int pkg = 0;

	for (k = 0; k + np <= len && !pkg; k++)
		if ((k == 0 || s[k - 1] == '\n') && !memcmp(s + k, pk, np) &&
		    (k + np == len || s[k + np] == '\n' || s[k + np] == ' ' ||
		     s[k + np] == '\r' || s[k + np] == '\t'))
			pkg = 1;
	for (k = 0; pkg && k + nf <= len; k++)
		if (!memcmp(s + k, fm, nf))
			return 1;
	return 0;
}

/* Can the package hold a map the engine knows?  Its maps are declared
 * here (map[ in a type), or learned from delete() and a string index;
 * a package with none of them has nothing to judge (a fifth of the Go
 * tree's bytes), so it is not parsed. */
static int may_have_maps(const struct scan_file *files, size_t n)
{
	size_t i;

	/* every '[' (memchr): after "map", or before a string */
	for (i = 0; i < n; i++) {
		const char *s = files[i].data, *b = s, *e = s + files[i].len;

		for (; (b = memchr(b, '[', (size_t)(e - b))); b++)
			if ((b - s >= 3 && !memcmp(b - 3, "map", 3)) ||
			    (b + 1 < e && (b[1] == '"' || b[1] == '`')))
				return 1;
	}
	for (i = 0; i < n; i++)
		if (memmem(files[i].data, files[i].len, "delete(", 7))
			return 1;
	return 0;
}

/* Does s hold "Go(" or "Func("?  One memchr() pass over its '('s. */
static int calls_go_or_func(const char *s, size_t len)
{
	const char *b = s, *e = s + len;

	for (; (b = memchr(b, '(', (size_t)(e - b))); b++)
		if ((b - s >= 2 && b[-2] == 'G' && b[-1] == 'o') ||
		    (b - s >= 4 && !memcmp(b - 4, "Func", 4)))
			return 1;
	return 0;
}

/* Can the package's goroutines or callbacks call into other packages of
 * its module (xpkg.c)?  It imports one ("modpath/...), and has a `go`
 * statement, a handler, or an API that runs its argument concurrently
 * ("Go(", "Func(": errgroup, AfterFunc, informers).  Only a filter:
 * comments may say so too. */
static int may_start(const struct scan_file *files, size_t n,
		     const char *modpath)
{
	size_t i, k, ml = modpath ? strlen(modpath) : 0;
	char *q;
	int in = 0, go = 0;

	if (!ml)
		return 0;
	q = xasprintf("\"%s/", modpath);
	for (i = 0; i < n && !(in && go); i++) {
		const char *s = files[i].data;
		size_t len = files[i].len;

		if (!in && memmem(s, len, q, ml + 2))
			in = 1;
		if (!go && (memmem(s, len, "ResponseWriter", 14) ||
			    calls_go_or_func(s, len)))
			go = 1;
		for (k = 1; !go && k + 3 < len; k++)
			if (s[k] == 'g' && s[k + 1] == 'o' &&
			    (s[k + 2] == ' ' || s[k + 2] == '\t' ||
			     s[k + 2] == 'f') &&
			    (s[k - 1] == '\t' || s[k - 1] == ' ' ||
			     s[k - 1] == '{' || s[k - 1] == ';'))
				go = 1;
	}
	free(q);
	return in && go;
}

/* The package's directory, cleaned (its first file's), into *dir. */
static const char *group_dir(const struct scan_file *files, size_t n,
			     char **dir)
{
	const char *sl = n ? strrchr(files[0].path, '/') : NULL;
	char *raw = sl ? xasprintf("%.*s", (int)(sl - files[0].path),
				   files[0].path) : xstrdup(".");

	*dir = files_clean_path(raw);
	free(raw);
	return *dir;
}

void engine_scan_group(const struct scan_opts *o, const struct scan_file *files,
		       size_t n, struct finding_list *out)
{
	const struct module_entry *xin;
	char *dir = NULL;
	struct pkg p;
	size_t i;
	int skip = 0;

	/* the second round judges only what other packages call into */
	if (o->mod && module_rerun(o->mod) && !module_entries(o->mod,
	    group_dir(files, n, &dir), &xin) && !module_xlock_dir(o->mod, dir)) {
		free(dir);
		return;
	}
	if (!may_have_maps(files, n)) {
		char *mp = NULL;

		skip = !(o->mod && !module_rerun(o->mod) &&
			 may_start(files, n, mp = module_path_of(o->mod,
				   group_dir(files, n, &dir))));
		free(mp);
	}
	/* the module phase hears every package, maps or none; the calls of
	 * a package not walked, or of a generated file (bodies not read),
	 * are not seen: every name they refer to may be called */
	for (i = 0; o->mod && !module_rerun(o->mod) && i < n; i++)
		if (!test_support(files[i].path))
			module_add_refs_ex(o->mod, files[i].data, files[i].len,
					   skip || (!o->include_generated &&
					   lex_is_generated(files[i].data,
							    files[i].len)));
	if (skip) {
		free(dir);
		return;
	}
	memset(&p, 0, sizeof(p));
	p.o = o;
	if (o->mod && !dir)
		group_dir(files, n, &dir);
	p.dir = dir;
	p.trace = getenv("MAPGUARD_ENGINE_TRACE") != NULL;
	p.loose = getenv("MAPGUARD_ENGINE_LOOSE") != NULL;
	p.out = out;
	p.nfiles = n;
	p.files = xcalloc(n ? n : 1, sizeof(*p.files));
	for (i = 0; i < n; i++) {
		struct efile *f = &p.files[i];

		f->path = files[i].path;
		f->src = files[i].data;
		f->len = files[i].len;
		f->is_test = test_support(f->path) &&
			     (ends_with(f->path, "_test.go") ||
			      !holds_main(f->src, f->len));
		f->generated = lex_is_generated(f->src, f->len);
		/* a generated file lends its declarations; its bodies are
		 * not judged, so not read (most of the Go tree's memory) */
		f->ast = parse_file_ex(f->src, f->len, f->generated &&
				       !o->include_generated
				       ? PARSE_SKIP_BODIES : 0);
		f->ids = xcalloc(f->ast->nnodes, sizeof(*f->ids));
		f->qual = -1;
	}
	foreign_load(&p);
	facts_build(&p);
	p.ty_memo = xcalloc(TY_MEMO, sizeof(*p.ty_memo));
	for (i = 0; i < p.funcs.n; i++)	/* not known before its walk */
		p.funcs.v[i].returns_loc = -1;
	for (i = 0; i < p.funcs.n; i++)
		walk_func(&p, (int)i, 1);
	walk_param_go(&p);
	for (i = 0; i < p.funcs.n; i++)
		walk_func(&p, (int)i, 2);
	judge_cond_locks(&p);
	params_propagate(&p);
	judge_package(&p);
	for (i = 0; i < p.nfiles; i++) {
		ast_free(p.files[i].ast);
		free(p.files[i].ids);
	}
	foreign_free(&p);
	free(p.files);
	free(p.dir);
	free(p.mroot);
	free(p.mpath);
	free(p.xcalls.v);
	free(p.flocks.v);
	names_release(&p.nm);
	free(p.types.v);
	free(p.imeths.v);
	free(p.fields.v);
	free(p.vars.v);
	free(p.funcs.v);
	free(p.acc.v);
	free(p.pacc.v);
	free(p.calls.v);
	free(p.gos.v);
	free(p.joins.v);
	free(p.closes.v);
	free(p.rangemuts.v);
	free(p.hooks.v);
	free(p.fcalls.v);
	free(p.phands.v);
	free(p.llocs.v);
	free(p.imports);
	free(p.fn_slot);
	free(p.type_of);
	free(p.var_of);
	free(p.false_consts);
	free(p.called);
	free(p.local_of);
	free(p.kw_class);
	free(p.ty_memo);
}
