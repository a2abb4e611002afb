/* engine.c - the second engine's entry: one package through every stage
 *
 * Owns: the order of the stages for one package (parse each file, read the
 * declarations, summarize every function twice: first its lock effects,
 * then its accesses and calls with callees' effects applied, then judge)
 * and freeing what they made.  Not: any stage's logic.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/engine_int.h"
#include "engine/parse.h"
#include "util.h"

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);

	return n >= k && !strcmp(s + n - k, suf);
}

void engine_scan_group(const struct scan_opts *o, const struct scan_file *files,
		       size_t n, struct finding_list *out)
{
	struct pkg p;
	size_t i;

	memset(&p, 0, sizeof(p));
	p.o = o;
	p.out = out;
	p.nfiles = n;
	p.files = xcalloc(n ? n : 1, sizeof(*p.files));
	for (i = 0; i < n; i++) {
		struct efile *f = &p.files[i];

		f->path = files[i].path;
		f->src = files[i].data;
		f->len = files[i].len;
		f->is_test = ends_with(f->path, "_test.go");
		f->generated = lex_is_generated(f->src, f->len);
		f->ast = parse_file(f->src, f->len);
	}
	facts_build(&p);
	for (i = 0; i < p.funcs.n; i++)
		walk_func(&p, (int)i, 1);
	for (i = 0; i < p.funcs.n; i++)
		walk_func(&p, (int)i, 2);
	judge_package(&p);
	for (i = 0; i < n; i++)
		ast_free(p.files[i].ast);
	free(p.files);
	names_release(&p.nm);
	free(p.types.v);
	free(p.fields.v);
	free(p.vars.v);
	free(p.funcs.v);
	free(p.acc.v);
	free(p.calls.v);
	free(p.imports);
	free(p.fn_slot);
	free(p.false_consts);
}
