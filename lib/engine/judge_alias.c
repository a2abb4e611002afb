/* judge_alias.c - a getter's hand-out, reported where the map escapes
 *
 * Owns: the second finding of a race on a map a getter of this package
 * handed out (`for k := range s.Items()`, `x := s.Items(); x[k] = v`).
 * The caller's use is reported where it is (judge.c, roots_pair.c); the
 * map escaped its lock at the getter's `return`, after which every caller
 * uses it with whatever lock it holds (the getter's own is released when
 * it returns), and the fix is there (return a copy made under the lock):
 * that `return` gets a finding too, once however many callers race
 * through it, with the same rule and severity, the use as evidence.
 * Not: following the alias (scope.c: a getter's call is its map's
 * location), judging the access.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

/* The getter's hand-out (its AC_ESCAPE access) that access a is made on,
 * or NULL: a is a call of a function of this package whose every return
 * hands out a's map. */
static const struct access *getter_return(const struct pkg *p,
					  const struct access *a)
{
	const struct ast *ast = p->files[a->file].ast;
	const struct ast_node *nd;
	size_t i;
	int callee = -1;

	if (a->via || (a->flags & AC_ESCAPE))
		return NULL;
	nd = ast_node(ast, a->node);
	while (nd->kind == AST_PAREN_EXPR)
		nd = ast_node(ast, nd->a);
	if (nd->kind != AST_CALL_EXPR)
		return NULL;
	for (i = 0; i < p->calls.n && callee < 0; i++)
		if (p->calls.v[i].file == a->file &&
		    ast_node(ast, p->calls.v[i].node) == nd)
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

size_t judge_getter_finding(struct pkg *p, int rule, int sev,
			    const struct access *a, const char *msg)
{
	const struct access *g = getter_return(p, a);
	char id[16], fn[160], sym[160];
	long line;
	size_t i;

	if (!g)
		return 0;
	line = (long)ast_line(p->files[g->file].ast, g->node);
	snprintf(id, sizeof(id), "MG%03d", rule);
	for (i = 0; i < p->out->n; i++)	/* once a return */
		if (p->out->v[i].line == line &&
		    !strcmp(p->out->v[i].rule, id) &&
		    !strcmp(p->out->v[i].path, p->files[g->file].path))
			return 0;
	judge_func_name(p, g->fn, fn, sizeof(fn));
	judge_text(p, g->file, g->node, sym, sizeof(sym));
	judge_emit(p, rule, sev, g, xasprintf("%s returns map %s itself, and "
		   "a caller uses it without the lock: %s; return a copy",
		   fn, sym, msg), sym);
	judge_evidence(p, a->file, a->node, "the map it returned, used here");
	return p->cur;
}
