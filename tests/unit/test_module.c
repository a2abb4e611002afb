/* test_module.c - the module phase's graph of calls across packages
 * (engine/module.h) below mg-scan
 *
 * Import paths to directories; go.mod found upward (a quoted path, a
 * comment, none at all); goroutines' calls carried along exported
 * functions' calls into other packages, four hops at most, a few calling
 * sites per function; loose calls counted for the contract rule and
 * starting nothing; and module_resolve() turning a warning that no
 * goroutine reaches into a note, keeping one that a goroutine reaches;
 * the locks held across packages (module_xlock.c): met over every call,
 * a method by its name across the module, nothing for a name some code
 * uses as a value, in a file that is not walked, or for a package some
 * file imports with `.`, and the packages judged again for it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/module.h"
#include "util/util.h"
#include "unit.h"

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp) {
		perror(path);
		exit(2);
	}
	fputs(text, fp);
	fclose(fp);
}

static void import_dirs(void)
{
	char *d;

	CHECK_STR(d = module_import_dir("root", "example.com/x",
					"example.com/x/a/b"), "root/a/b");
	free(d);
	CHECK_STR(d = module_import_dir(".", "m", "m/q"), "q");
	free(d);
	CHECK_STR(d = module_import_dir(".", "m", "m"), ".");
	free(d);
	CHECK_STR(d = module_import_dir("/abs/r", "m", "m/q/"), "/abs/r/q");
	free(d);
	/* a longer name with the module path as its prefix is another module */
	CHECK(!module_import_dir("root", "example.com/x", "example.com/xy"));
	CHECK(!module_import_dir("root", "example.com/x", "fmt"));
}

static void locate(void)
{
	char tmpl[] = "/tmp/mg-unit-module-XXXXXX", *top, *sub, *gm;
	char *root, *path;
	struct module *m = module_new();

	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		exit(2);
	}
	top = xasprintf("%s/mod", tmpl);
	sub = xasprintf("%s/mod/a/b", tmpl);
	mkdir(top, 0700);
	gm = xasprintf("%s/mod/a", tmpl);
	mkdir(gm, 0700);
	free(gm);
	mkdir(sub, 0700);
	gm = xasprintf("%s/go.mod", top);
	put(gm, "// a comment first\nmodule \"example.com/q\" // and after\n\ngo 1.19\n");
	free(gm);
	CHECK(module_locate(m, sub, &root, &path));	/* found upward */
	CHECK_STR(root, top);
	CHECK_STR(path, "example.com/q");
	free(root);
	free(path);
	CHECK(!module_locate(m, tmpl, &root, &path));	/* none above */
	CHECK(!root && !path);
	CHECK_STR(path = module_path_of(m, sub), "example.com/q");
	free(path);
	module_free(m);
	gm = xasprintf("%s/go.mod", top);
	unlink(gm);
	free(gm);
	rmdir(sub);
	gm = xasprintf("%s/mod/a", tmpl);
	rmdir(gm);
	free(gm);
	rmdir(top);
	rmdir(tmpl);
	free(top);
	free(sub);
}

/* A goroutine in package main calls A.Run, whose code calls B.Set, whose
 * code calls C's method Store; B.Set and C.Store reach package maps. */
static void graph(void)
{
	struct module *m = module_new();
	const struct module_entry *e;
	struct module_site go = { 0, 12, 2, 0, 0 };
	char **dirs;
	size_t nd, n, i;
	uint32_t A = module_intern(m, "A"), B = module_intern(m, "B"),
		 C = module_intern(m, "C"), D = module_intern(m, "D"),
		 main_go = module_intern(m, "main.go"),
		 why = module_intern(m, "worker, which runs in a goroutine");

	go.path = main_go;
	module_add_entry(m, A, module_intern(m, "Run"), 1, main_go, 20, 3, why,
			 &go);
	module_add_edge(m, A, module_intern(m, "Run"), B,
			module_intern(m, "Set"));
	module_add_edge(m, B, module_intern(m, "Set"), C,
			module_intern(m, ".Store"));
	module_add_candidate(m, "B", "Set");
	module_add_candidate(m, "C", ".Store");
	/* a loose call (a method value handed on) reaches D.Get: counted for
	 * the contract rule, starts nothing */
	module_add_entry(m, D, module_intern(m, "Get"), 2, main_go, 30, 1, why,
			 NULL);
	module_add_candidate(m, "D", "Get");
	/* ten calling sites of B.Set: a few are kept */
	for (i = 0; i < 10; i++)
		module_add_entry(m, B, module_intern(m, "Set"), 0, main_go,
				 (long)(100 + i), 1, why, NULL);
	/* a chain of six hops from E: the last ones are too far */
	module_add_entry(m, module_intern(m, "E0"), module_intern(m, "F"), 1,
			 main_go, 50, 1, why, NULL);
	for (i = 0; i < 6; i++) {
		char a[8], b[8];

		snprintf(a, sizeof(a), "E%zu", i);
		snprintf(b, sizeof(b), "E%zu", i + 1);
		module_add_edge(m, module_intern(m, a), module_intern(m, "F"),
				module_intern(m, b), module_intern(m, "F"));
		module_add_candidate(m, b, "F");
	}
	CHECK(!module_rerun(m));
	nd = module_plan(m, &dirs);
	CHECK(module_rerun(m));
	/* B, C and E1..E4, sorted; not A (no package map), not D (loose) */
	CHECK_INT(nd, 6);
	if (nd == 6) {
		CHECK_STR(dirs[0], "B");
		CHECK_STR(dirs[1], "C");
		CHECK_STR(dirs[2], "E1");
		CHECK_STR(dirs[5], "E4");
	}
	free(dirs);
	/* C is reached from main.go:20 through Run, and from B's ten callers
	 * through Set: a few, the first by place */
	n = module_entries(m, "C", &e);
	CHECK_INT(n, MODULE_ENTRIES_PER_FUNC);
	if (n) {
		CHECK_STR(e->name, ".Store");
		CHECK_STR(e->via, "Run");	/* what main.go:20 calls */
		CHECK_STR(e->path, "main.go");
		CHECK_INT(e->line, 20);
		CHECK_INT(e->many, 1);
		CHECK_STR(e->go_path, "main.go");
		CHECK_INT(e->go_line, 12);
		CHECK_STR(e[1].via, "Set");
		CHECK_INT(e[1].line, 100);
		CHECK(!e[1].go_path);
	}
	n = module_entries(m, "B", &e);
	CHECK_INT(n, MODULE_ENTRIES_PER_FUNC);
	CHECK_INT(module_entries(m, "D", &e), 0);
	CHECK_INT(module_entries(m, "A", &e), 0);
	CHECK_INT(module_entries(m, "E5", &e), 0);
	module_free(m);
}

/* Two warnings on API pairs of package D: one whose side D.Get a loose
 * goroutine call reaches stands; one whose sides only main calls is a
 * note, and says so. */
static void contract(void)
{
	struct module *m = module_new();
	static const char src[] = "package main\nfunc main() { t.Get(); t.Put(); "
				  "t.Other(); t.Count() }\n";
	struct finding f[2];
	char **dirs;

	module_add_refs(m, src, sizeof(src) - 1);
	module_add_entry(m, module_intern(m, "D"), module_intern(m, "Get"), 2,
			 module_intern(m, "main.go"), 3, 1,
			 module_intern(m, "run"), NULL);
	free(dirs = NULL);
	module_plan(m, &dirs);
	free(dirs);
	memset(f, 0, sizeof(f));
	finding_init(&f[0]);
	finding_init(&f[1]);
	f[0].path = xstrdup("D/d.go");
	f[0].line = 10, f[0].column = 2;
	f[0].rule = xstrdup("MG005");
	f[0].severity = SEV_WARNING;
	f[0].message = xstrdup("map t.m is read without T.mu");
	f[1].path = xstrdup("D/d.go");
	f[1].line = 20, f[1].column = 2;
	f[1].rule = xstrdup("MG005");
	f[1].severity = SEV_WARNING;
	f[1].message = xstrdup("map t.n is read without T.mu");
	module_add_cond(m, "D/d.go", 10, 2, "MG005", "Get", "Put");
	module_add_cond(m, "D/d.go", 20, 2, "MG005", "Other", "Count");
	module_resolve(m, f, 2, NULL, NULL);
	CHECK_INT(f[0].severity, SEV_WARNING);
	CHECK_INT(f[1].severity, SEV_NOTE);
	CHECK(strstr(f[1].message, "no goroutine or callback of this module "
		     "calls Other or Count") != NULL);
	finding_release(&f[0]);
	finding_release(&f[1]);
	module_free(m);
}

static void xlocks(void)
{
	struct module *m = module_new();
	char **dirs = NULL;
	size_t nd;
	static const char file1[] = "package a\n\nfunc f() { g.Assign(1); "
		"h := reg.Refresh; h() }\n";
	static const char file2[] = "package b\n\nimport . \"example.com/m/dot\"\n";

	/* the first round: calls and what they hold */
	module_add_xlock(m, "x/grp", ".Assign", "^Mu\n^other");
	module_add_xlock(m, "x/web", ".Assign", "^Mu");
	module_add_xlock(m, "x/reg", "Put", "=Mu");
	module_add_xlock(m, "x/reg", "Put", "");
	module_add_xlock(m, "x/reg", "Refresh", "=Mu");
	module_add_xlock(m, "x/dot", "Tick", "=Mu");
	module_add_xlock(m, "x/reg", "Shared", "=Mu(r)\n=Other");
	module_add_xlock(m, "x/reg", "Shared", "=Other\n=Mu(r)");
	module_add_refs(m, file1, sizeof(file1) - 1);
	module_add_refs(m, file2, sizeof(file2) - 1);
	module_add_want(m, "x/grp", ".Assign");
	module_add_want(m, "x/reg", "Put");
	module_add_want(m, "x/reg", "Refresh");
	module_add_want(m, "x/dot", "Tick");
	CHECK(!module_xlock(m, "x/grp", ".Assign"));	/* not planned yet */
	nd = module_plan(m, &dirs);
	/* a method: met over all calls of its name, whatever the package */
	CHECK_STR(module_xlock(m, "x/grp", ".Assign"), "^Mu");
	CHECK_STR(module_xlock(m, "elsewhere", ".Assign"), "^Mu");
	CHECK(!module_xlock(m, "x/reg", "Put"));	/* one call holds none */
	CHECK(!module_xlock(m, "x/reg", "Refresh"));	/* used as a value */
	CHECK(!module_xlock(m, "x/dot", "Tick"));	/* imported with `.` */
	CHECK_STR(module_xlock(m, "x/reg", "Shared"), "=Mu(r)\n=Other");
	CHECK(!module_xlock(m, "x/reg", "Nothing"));	/* never called */
	/* judged again: only a package that wants a lock someone holds */
	CHECK(nd == 1 && !strcmp(dirs[0], "x/grp"));
	CHECK(module_xlock_dir(m, "x/grp") && !module_xlock_dir(m, "x/reg"));
	free(dirs);
	module_free(m);

	/* a package whose bodies are not walked may call anything */
	m = module_new();
	module_add_xlock(m, "x/grp", ".Assign", "^Mu");
	module_add_refs_ex(m, file1, sizeof(file1) - 1, 1);
	module_add_want(m, "x/grp", ".Assign");
	nd = module_plan(m, &dirs);
	CHECK(!module_xlock(m, "x/grp", ".Assign") && nd == 0);
	free(dirs);
	module_free(m);
}

int main(void)
{
	import_dirs();
	locate();
	graph();
	contract();
	xlocks();
	return unit_done("test_module");
}
