/* judge_alias.c - where a finding on a map that escaped its owner is put
 *
 * Owns: the place of a finding whose access is made on a map a getter of
 * this package handed out (`for k := range s.Items()`, `x := s.Items();
 * x[k] = v`): the map escapes at the getter's `return`, after which its
 * caller uses it with whatever lock the caller holds (often none: the
 * getter's own lock is released when it returns), and the fix is there
 * (return a copy).  The finding is reported at that `return`, the
 * caller's use as evidence.
 * Not: following the alias (scope.c: a getter's call is its map's
 * location), judging the access (judge.c, roots_pair.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

const struct access *judge_getter_return(const struct pkg *p,
					 const struct access *a)
{
	const struct ast_node *nd;
	size_t i;
	int callee = -1;

	if (a->via || (a->flags & AC_ESCAPE))
		return NULL;
	nd = ast_node(p->files[a->file].ast, a->node);
	while (nd->kind == AST_PAREN_EXPR)
		nd = ast_node(p->files[a->file].ast, nd->a);
	if (nd->kind != AST_CALL_EXPR)
		return NULL;
	for (i = 0; i < p->calls.n && callee < 0; i++)
		if (p->calls.v[i].file == a->file &&
		    ast_node(p->files[a->file].ast, p->calls.v[i].node) == nd)
			callee = p->calls.v[i].callee;
	if (callee < 0 || callee == a->fn ||
	    p->funcs.v[callee].returns_loc != a->loc)
		return NULL;
	for (i = 0; i < p->acc.n; i++)
		if (p->acc.v[i].fn == callee && p->acc.v[i].loc == a->loc &&
		    (p->acc.v[i].flags & AC_ESCAPE))
			return &p->acc.v[i];
	return NULL;
}

int judge_same_finding(const struct pkg *p, const char *path, long line,
		       int rule)
{
	char id[16];
	size_t i;

	snprintf(id, sizeof(id), "MG%03d", rule);
	for (i = 0; i < p->out->n; i++)
		if (p->out->v[i].line == line &&
		    !strcmp(p->out->v[i].rule, id) &&
		    !strcmp(p->out->v[i].path, path))
			return 1;
	return 0;
}
