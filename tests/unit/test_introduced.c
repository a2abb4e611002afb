/* test_introduced.c - mg-diff's "introduced" analysis (git/introduced.h)
 * below the binary: path mapping, the modes, --mode new's merge-base scan,
 * the suppressions a change adds and the changed files it lists
 *
 * A repository made with git in a temporary directory: the base commit has
 * package p with a racy function F and package q with another; the work
 * tree adds a racy function G to p (with a waiver on an added line) and
 * leaves q alone.  The head's findings come from the engine itself
 * (scan_package), named as mg-scan names them from the repository's root.
 */
#define _XOPEN_SOURCE 700	/* realpath() */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/scan.h"
#include "git/gitdiff.h"
#include "git/introduced.h"
#include "util/util.h"
#include "unit.h"

#define RACY(name) "func " name "() {\n\tm := make(map[int]int)\n" \
	"\tfor i := 0; i < 4; i++ {\n\t\tgo func(i int) {\n" \
	"\t\t\tm[i]++\n\t\t}(i)\n\t}\n}\n"

static void put(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(p, "w");

	if (!fp || fputs(text, fp) < 0 || fclose(fp))
		exit(2);
	free(p);
}

static void sh(const char *dir, const char *cmd)
{
	char *c = xasprintf("cd '%s' && %s >/dev/null 2>&1", dir, cmd);

	if (system(c) != 0) {
		fprintf(stderr, "failed: %s\n", c);
		exit(2);
	}
	free(c);
}

/* The engine's findings on the work tree's file path (root-relative). */
static void scan(const char *root, const char *path, struct finding_list *out)
{
	struct scan_opts so;
	struct scan_file f;
	char *p = xasprintf("%s/%s", root, path), *data;
	size_t len;

	if (mg_read_file(p, &data, &len) < 0)
		exit(2);
	scan_opts_init(&so);
	f.path = path;
	f.data = data;
	f.len = len;
	scan_package(&so, &f, 1, out);
	free(data);
	free(p);
}

/* Runs the filter in mode m over the findings; returns its result and puts
 * the verdicts in keep[]. */
static int filter(struct introduced *c, enum intro_mode m,
		  const struct finding_list *fl, int *keep)
{
	struct intro_finding *v = xcalloc(fl->n + 1, sizeof(*v));
	struct intro_loc *ev = xcalloc(fl->n * 4 + 1, sizeof(*ev));
	size_t i, j, k = 0;
	int rc;

	for (i = 0; i < fl->n; i++) {
		v[i].path = fl->v[i].path;
		v[i].line = fl->v[i].line;
		v[i].fingerprint = fl->v[i].fingerprint;
		v[i].ev = ev + k;
		for (j = 0; j < fl->v[i].nev && j < 4; j++, k++) {
			ev[k].path = fl->v[i].ev[j].path;
			ev[k].line = fl->v[i].ev[j].line;
			v[i].nev++;
		}
	}
	c->mode = m;
	rc = introduced_filter(c, v, fl->n);
	for (i = 0; i < fl->n; i++) {
		keep[i] = v[i].keep;
		free(v[i].rp);
	}
	free(v);
	free(ev);
	return rc;
}

static void test_paths(void)
{
	char *s;

	CHECK_STR(s = introduced_map_path("/r/sub", "/r", "../a/b.go"), "a/b.go");
	free(s);
	CHECK_STR(s = introduced_map_path("/r/sub", "/r", "./x/../c.go"),
		  "sub/c.go");
	free(s);
	CHECK(introduced_map_path("/r", "/r", "/elsewhere/x.go") == NULL);
	CHECK(introduced_map_path("/r", "/r", "../r2/x.go") == NULL);
	CHECK_STR(s = introduced_map_path("/", "/", "a.go"), "a.go");
	free(s);
	CHECK_STR(s = introduced_from_root("/r/sub", "/r", "a/b.go"),
		  "../a/b.go");
	free(s);
	CHECK_STR(s = introduced_from_root("/r", "/r", "a/b.go"), "a/b.go");
	free(s);
	CHECK_STR(s = introduced_from_root("/r/a", "/r", "a"), ".");
	free(s);
}

static void test_modes(void)
{
	enum intro_mode m = INTRO_ALL;
	long ctx = -1;

	CHECK_INT(introduced_parse_mode("new", &m, &ctx), 0);
	CHECK_INT(m, INTRO_NEW);
	CHECK_INT(introduced_parse_mode("context=3", &m, &ctx), 0);
	CHECK_INT(m, INTRO_CONTEXT);
	CHECK_INT(ctx, 3);
	CHECK_INT(introduced_parse_mode("context=", &m, &ctx), -1);
	CHECK_INT(introduced_parse_mode("context=-1", &m, &ctx), -1);
	CHECK_INT(introduced_parse_mode("everything", &m, &ctx), -1);
}

int main(void)
{
	char tmpl[] = "/tmp/mg-intro-XXXXXX", *dir = mkdtemp(tmpl);
	char root[PATH_MAX], *s;
	struct gitdiff_opts go = { NULL, "HEAD", NULL, 0, 0 };
	struct gitdiff *g = NULL;
	struct introduced c;
	struct finding_list fl = FINDING_LIST_INIT;
	struct change_info ci = { 0 };
	struct intro_finding far = { 0 };
	int keep[8];
	size_t i, gi = 0, fi = 0;
	char *buf = NULL;
	size_t blen = 0;
	FILE *mem;

	mg_start("test_introduced");
	test_paths();
	test_modes();
	if (!dir || !realpath(dir, root))
		return 2;
	sh(root, "git init -q && git config user.email t@t && "
	   "git config user.name t && mkdir p q");
	put(root, "p/a.go", "package p\n\n" RACY("F"));
	put(root, "q/b.go", "package q\n\n" RACY("H"));
	sh(root, "git add -A && git commit -qm base");
	put(root, "p/a.go", "package p\n\n" RACY("F") "\n"
	    "//mg:ignore MG001 // counted elsewhere\n" RACY("G"));

	go.dir = root;
	CHECK_INT(gitdiff_open(&g, &go), 0);
	if (!g)
		return unit_done("test_introduced");
	memset(&c, 0, sizeof(c));
	c.ls = gitdiff_lines(g);
	c.g = g;
	c.cwd_abs = root;
	c.root_abs = root;
	scan(root, "p/a.go", &fl);
	scan(root, "q/b.go", &fl);
	CHECK_INT(fl.n, 3);		/* F and G in p, H in q */
	if (fl.n != 3)
		return unit_done("test_introduced");
	for (i = 0; i < fl.n; i++) {
		if (!strcmp(fl.v[i].path, "p/a.go") && fl.v[i].line > 10)
			gi = i;
		else if (!strcmp(fl.v[i].path, "p/a.go"))
			fi = i;
	}
	CHECK(gi != fi);

	/* new: G's lines are added; F is in a changed package, but the
	 * merge-base has its fingerprint; q did not change */
	CHECK_INT(filter(&c, INTRO_NEW, &fl, keep), 0);
	CHECK_INT(keep[gi], 1);
	CHECK_INT(keep[fi], 0);
	CHECK_INT(keep[2], 0);
	/* F renamed in the findings' eyes: no fingerprint proves it old */
	free(fl.v[fi].fingerprint);
	fl.v[fi].fingerprint = NULL;
	CHECK_INT(filter(&c, INTRO_NEW, &fl, keep), 0);
	CHECK_INT(keep[fi], 1);
	CHECK_INT(filter(&c, INTRO_ADDED, &fl, keep), 0);
	CHECK_INT(keep[gi] + keep[fi] + keep[2], 1);
	CHECK_INT(filter(&c, INTRO_FILE, &fl, keep), 0);
	CHECK_INT(keep[gi] + keep[fi] + keep[2], 2);
	CHECK_INT(filter(&c, INTRO_ALL, &fl, keep), 0);
	CHECK_INT(keep[gi] + keep[fi] + keep[2], 3);
	c.context = 100;
	CHECK_INT(filter(&c, INTRO_CONTEXT, &fl, keep), 0);
	CHECK_INT(keep[fi], 1);

	/* a path outside the repository: an error, or kept when allowed */
	far.path = "/elsewhere/x.go";
	far.line = 1;
	c.mode = INTRO_NEW;
	CHECK_INT(introduced_filter(&c, &far, 1), -1);
	CHECK(far.rp == NULL);
	c.keep_unmapped = 1;
	CHECK_INT(introduced_filter(&c, &far, 1), 0);
	CHECK_INT(far.keep, 1);

	/* the waiver on an added line, with its rule and reason */
	CHECK_INT(introduced_suppressions(&c, &ci), 0);
	CHECK_INT(ci.nsupp, 1);
	if (ci.nsupp == 1) {
		CHECK_STR(ci.supp[0].path, "p/a.go");
		CHECK_STR(ci.supp[0].rules, "MG001");
		CHECK_STR(ci.supp[0].reason, "counted elsewhere");
	}

	/* --list-files, and with --packages every file of p */
	mem = open_memstream(&buf, &blen);
	introduced_list_files(&c, 0, '\n', mem);
	fclose(mem);
	CHECK_STR(buf, "p/a.go\n");
	free(buf);
	put(root, "p/c.go", "package p\n");
	if (chdir(root) < 0)	/* --packages reads the directories from here */
		return 2;
	mem = open_memstream(&buf, &blen);
	introduced_list_files(&c, 1, '\0', mem);
	fclose(mem);
	CHECK_INT(blen, 14);
	CHECK(blen == 14 && !memcmp(buf, "p/a.go\0p/c.go\0", 14));
	free(buf);

	change_info_release(&ci);
	finding_list_release(&fl);
	gitdiff_free(g);
	s = xasprintf("rm -rf '%s'", root);
	CHECK_INT(system(s), 0);
	free(s);
	return unit_done("test_introduced");
}
