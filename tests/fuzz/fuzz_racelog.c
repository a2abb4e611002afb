/* fuzz_racelog.c - the race detector / crash trace parser (lib/engine/racelog.c)
 *
 * The first input byte picks a chunk size (0: all at once, else 1..255
 * bytes), so lines split across racelog_feed() calls are exercised; the rest
 * is split at "\n//@@\n" into one or two logs.  The root is a temporary
 * module (go.mod, rl_test.go) so racelog_finish() reads real source lines.
 * Findings must be MG100 with a path and a line >= 1.
 */
#include "stream/finding.h"
#include "fuzz.h"
#include "engine/racelog.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char root[64];
static FILE *devnull;

static void put(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", root, name);
	FILE *fp = fopen(p, "w");

	if (!fp || fputs(text, fp) < 0 || fclose(fp))
		abort();
	free(p);
}

static void init_root(void)
{
	if (root[0])
		return;
	snprintf(root, sizeof(root), "/tmp/mg-fuzz-racelog-XXXXXX");
	if (!mkdtemp(root) || !(devnull = fopen("/dev/null", "w")))
		abort();
	put("go.mod", "module example.com/rl\n\ngo 1.19\n");
	put("rl_test.go", "package rl\n\nimport \"testing\"\n\nfunc TestRace(t *testing.T) {\n"
	    "\tm := map[int]int{}\n\tgo func() { m[1] = 1 }()\n\tm[2] = 2\n}\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct racelog *rl = NULL;
	struct finding_list out = FINDING_LIST_INIT;
	const char *part[2];
	size_t len[2], n, i, chunk, k;

	mg_start("fuzz-racelog");
	init_root();
	if (!size)
		return 0;
	chunk = data[0];
	n = fuzz_split(data + 1, size - 1, part, len, 2);
	if (racelog_new(&rl, root) < 0)
		abort();
	for (i = 0; i < n; i++) {
		racelog_begin(rl, i ? "second.log" : "first.log");
		for (k = 0; k < len[i]; k += chunk ? chunk : len[i])
			racelog_feed(rl, part[i] + k,
				     chunk && len[i] - k > chunk ? chunk : len[i] - k);
		racelog_end(rl);
	}
	racelog_finish(rl, &out);
	for (i = 0; i < out.n; i++) {
		const struct finding *f = &out.v[i];

		if (!f->rule || strcmp(f->rule, "MG100") || !f->path || !*f->path ||
		    f->line < 1 || !f->message)
			abort();
		finding_write(devnull, f);
	}
	finding_list_release(&out);
	racelog_free(rl);
	return 0;
}
