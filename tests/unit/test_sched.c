/* test_sched.c - the scheduler (engine/sched.h) below mg-scan: packages on
 * one thread and on several, within a memory budget, with files that cannot
 * be read or are binary
 *
 * Six packages of a racy file each (of growing size, so the largest-first
 * order differs from the directory order), one binary file and one file over
 * the size limit, in a temporary directory.  Every run must give the same
 * findings in package order, whatever the number of threads and the budget;
 * a budget that no two packages fit must keep one package in flight.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/files.h"
#include "engine/sched.h"
#include "engine/scan.h"
#include "util/util.h"
#include "unit.h"

static const char racy[] =
	"package p\n\nimport \"sync\"\n\nfunc F() {\n"
	"\tcounts := make(map[int]int)\n\tvar wg sync.WaitGroup\n"
	"\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func(i int) {\n"
	"\t\t\tdefer wg.Done()\n\t\t\tcounts[i]++\n\t\t}(i)\n\t}\n"
	"\twg.Wait()\n}\n";

static void put(const char *path, const char *data, size_t len, size_t pad)
{
	FILE *fp = fopen(path, "wb");
	size_t i;

	if (!fp) {
		perror(path);
		exit(2);
	}
	fwrite(data, 1, len, fp);
	for (i = 0; i < pad; i++)	/* comment lines: cost, no findings */
		fputs("// padding padding padding padding padding padding\n", fp);
	fclose(fp);
}

/* One run; returns the errors, fills out and st. */
static int run(const struct files_result *w, long jobs,
	       unsigned long long budget, struct finding_list *out,
	       struct sched_stats *st)
{
	struct scan_opts so;
	struct sched_opts o = { 0 };

	scan_opts_init(&so);
	o.so = &so;
	o.jobs = jobs;
	o.max_file_size = 8192;
	o.budget = budget;
	return sched_run(&o, w, out, st);
}

/* Same findings, same order (path, line, column, rule). */
static int same(const struct finding_list *a, const struct finding_list *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].path, b->v[i].path) ||
		    a->v[i].line != b->v[i].line ||
		    a->v[i].column != b->v[i].column ||
		    strcmp(a->v[i].rule, b->v[i].rule))
			return 0;
	return 1;
}

int main(void)
{
	char tmpl[] = "/tmp/mg-sched-XXXXXX", *dir = mkdtemp(tmpl), *p, *cmd;
	char *args[1];
	struct files_result w = { 0 };
	struct finding_list one = FINDING_LIST_INIT, many = FINDING_LIST_INIT,
			    tight = FINDING_LIST_INIT;
	struct sched_stats s1, s2, s3;
	struct files_opts fo = { 0 };
	size_t i;
	int k;

	mg_start("test_sched");
	if (!dir)
		return 2;
	for (k = 1; k <= 6; k++) {
		p = xasprintf("%s/p%d", dir, k);
		mkdir(p, 0777);
		free(p);
		p = xasprintf("%s/p%d/a.go", dir, k);
		put(p, racy, sizeof(racy) - 1, (size_t)k * 20);
		free(p);
	}
	p = xasprintf("%s/p2/bin.go", dir);	/* binary: a warning, skipped */
	put(p, "package p\n\0\0", 12, 0);
	free(p);
	p = xasprintf("%s/p3/big.go", dir);	/* over 8192 bytes: an error */
	put(p, "package p\n", 10, 200);
	free(p);
	args[0] = dir;
	CHECK_INT(files_collect(&w, args, 1, &fo), 0);
	CHECK_INT(w.n, 6);

	CHECK_INT(run(&w, 1, 1ULL << 30, &one, &s1), 1);
	CHECK_INT(one.n, 6);
	CHECK_INT(s1.files, 6);		/* 8 files, the binary and the big one not */
	CHECK_INT(s1.most, 1);
	for (i = 1; i < one.n; i++)	/* package order: p1 .. p6 */
		CHECK(strcmp(one.v[i - 1].path, one.v[i].path) < 0);
	CHECK(one.n && strstr(one.v[0].path, "/p1/a.go") != NULL);

	CHECK_INT(run(&w, 3, 1ULL << 30, &many, &s2), 1);
	CHECK(same(&one, &many));
	CHECK_INT(s2.files, s1.files);
	CHECK_INT(s2.bytes, s1.bytes);
	CHECK(s2.most >= 1 && s2.most <= 3);
	CHECK(s2.peak > 0);

	/* a budget of one byte: only one package at a time, any size */
	CHECK_INT(run(&w, 3, 1, &tight, &s3), 1);
	CHECK(same(&one, &tight));
	CHECK_INT(s3.most, 1);

	/* appending to a list that already holds findings keeps them first */
	CHECK_INT(run(&w, 2, 1ULL << 30, &many, &s2), 1);
	CHECK_INT(many.n, 12);
	CHECK(many.n == 12 && !strcmp(many.v[6].path, one.v[0].path));

	/* the module phase's second round: the packages named are judged
	 * again and their findings replaced (the same here: no module) */
	{
		struct scan_opts so;
		struct sched_opts o = { 0 };
		struct finding_list again = FINDING_LIST_INIT;
		char *dirs[2];

		scan_opts_init(&so);
		o.so = &so;
		o.jobs = 2;
		o.max_file_size = 8192;
		o.budget = 1ULL << 30;
		CHECK_INT(sched_run(&o, &w, &again, &s2), 1);
		dirs[0] = xasprintf("%s/p1", dir);
		dirs[1] = xasprintf("%s/p4", dir);
		sched_rerun(&o, &w, dirs, 2, &again);
		finding_sort(again.v, again.n);
		CHECK(same(&one, &again));
		/* p4's file gone: its first-round finding stays */
		p = xasprintf("%s/p4/a.go", dir);
		unlink(p);
		free(p);
		sched_rerun(&o, &w, dirs, 2, &again);
		finding_sort(again.v, again.n);
		CHECK(same(&one, &again));
		free(dirs[0]);
		free(dirs[1]);
		finding_list_release(&again);
	}

	finding_list_release(&one);
	finding_list_release(&many);
	finding_list_release(&tight);
	files_release(&w);
	cmd = xasprintf("rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	return unit_done("test_sched");
}
