/* fuzz_parse.c - the engine's Go parser (lib/engine/parse*.c) on any bytes
 *
 * The input is one Go file.  parse_file() must return a tree whatever the
 * bytes; invariants checked: every node is of a known kind, lies inside the
 * file (pos <= end <= len), refers only to nodes and lists of its own
 * arena, and is reached at most once from the file (a tree, not a graph);
 * errors lie inside the file and have a message; the dump walks it all.
 * A hang (a loop that takes no token) shows as a libFuzzer timeout.
 */
#include "fuzz.h"
#include "engine/parse.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static void check_tree(const struct ast *a, size_t len)
{
	unsigned char *seen = xcalloc(a->nnodes, 1);
	uint32_t *stk = xmalloc(a->nnodes * sizeof(*stk)), n, c, i;
	size_t sp = 0;
	int s;

	for (i = 1; i < a->nnodes; i++) {
		const struct ast_node *x = &a->nodes[i];
		uint32_t v[4] = { x->a, x->b, x->c, x->d };

		if (x->kind <= AST_NONE || x->kind >= AST_NKINDS ||
		    x->pos > x->end || x->end > len)
			abort();
		for (s = 0; s < 4; s++) {
			if (ast_shape(x->kind, s) == AST_SLOT_NODE &&
			    v[s] >= a->nnodes)
				abort();
			if (ast_shape(x->kind, s) == AST_SLOT_LIST &&
			    (v[s] >= a->nlists ||
			     v[s] + a->lists[v[s]] >= a->nlists))
				abort();
		}
	}
	if (!a->file || a->nodes[a->file].kind != AST_FILE)
		abort();
	stk[sp++] = a->file;
	seen[a->file] = 1;
	while (sp) {
		struct ast_iter it;

		n = stk[--sp];
		ast_iter_init(&it, a, n);
		while ((c = ast_iter_next(&it))) {
			if (c >= a->nnodes || seen[c])
				abort();
			seen[c] = 1;
			stk[sp++] = c;
		}
	}
	for (i = 0; i < a->nerrs; i++)
		if (a->errs[i].off > len || !*ast_error_msg(a, i))
			abort();
	if (a->nerrs > a->nerrs_total)
		abort();
	free(seen);
	free(stk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = BUF_INIT;
	struct ast *a;

	mg_start("fuzz-parse");
	a = parse_file((const char *)data, size);
	check_tree(a, size);
	ast_dump(&out, a, AST_DUMP_ENDS);
	buf_release(&out);
	ast_free(a);
	return 0;
}
