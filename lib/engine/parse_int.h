/* parse_int.h - the parser's state and helpers shared by parse*.c
 *
 * Owns: struct parser (token cursor, go/parser's exprLev and inRhs, the
 * nesting depth, the scratch stack lists are built on) and the helpers every
 * production uses.  The productions follow go/parser (Go 1.19) function by
 * function, so its AST and ours agree node for node on valid input; error
 * recovery is ours (statement level, bracket-balanced).  Not: the public
 * API (parse.h), the tree's layout (ast.h).
 */
#ifndef MG_PARSE_INT_H
#define MG_PARSE_INT_H

#include <string.h>

#include "engine/ast.h"
#include "engine/parse.h"

struct parser {
	struct ast *a;
	const char *src;
	const struct token *toks;
	unsigned char *tk;	/* enum ast_tok of each token */
	size_t ntok;
	size_t i;		/* current token */
	int tok;		/* its enum ast_tok */
	uint32_t pos;		/* its offset */
	uint32_t prev_end;	/* end of the last token consumed */
	int expr_lev;		/* < 0: control clause; >= 0: expression */
	int in_rhs;
	int nest;		/* recursion depth (PARSE_MAX_NEST) */
	uint32_t *stk;		/* scratch: lists being built */
	size_t nstk, astk;
	uint32_t last_err_line;
};

/* parse.c: tokens */
/* Moves to the next token (the last, EOF, stays). */
static inline void p_next(struct parser *p)
{
	const struct token *t = &p->toks[p->i];

	if (t->len)
		p->prev_end = t->off + t->len;
	if (p->i + 1 < p->ntok)
		p->i++;
	t = &p->toks[p->i];
	p->pos = t->off;
	p->tok = p->tk[p->i];
}
/* Is the current token an inserted ';' (asked rarely: not kept)? */
static inline int p_implicit(const struct parser *p)
{
	return p->tok == T_SEMICOLON && !p->toks[p->i].len;
}
/* Consumes the token tok (its offset returned); when another stands
 * there, p_expect_other() reports it (out of line: the error's buffer
 * would cost every call a stack check). */
uint32_t p_expect_other(struct parser *p, int tok);
static inline uint32_t p_expect(struct parser *p, int tok)
{
	uint32_t pos = p->pos;

	if (p->tok != tok)
		return p_expect_other(p, tok);
	p_next(p);
	return pos;
}
uint32_t p_expect_closing(struct parser *p, int tok, const char *context);
void p_expect_semi(struct parser *p);
int p_at_comma(struct parser *p, const char *context, int follow);
/* errors: "msg" at off; expected(): "expected WHAT, found X" */
void p_error(struct parser *p, uint32_t off, const char *msg);
void p_error_expected(struct parser *p, uint32_t off, const char *what);
/* Skips to the end of the statement: a ';' (consumed) or a closing
 * bracket (not consumed) outside the brackets opened on the way; consumes
 * at least one token unless at '}' or EOF. */
void p_skip_stmt(struct parser *p);
/* Skips one balanced region: a bracketed group, or tokens up to the next
 * ',' ';' ':' or closing bracket at depth 0. */
void p_skip_balanced(struct parser *p);
/* Enters one nesting level; 0 when too deep: then the caller returns
 * p_too_deep(), a BAD node of kind over the skipped region. */
static inline int p_enter(struct parser *p)
{
	if (p->nest >= PARSE_MAX_NEST)
		return 0;
	p->nest++;
	return 1;
}
static inline void p_leave(struct parser *p)
{
	p->nest--;
}
uint32_t p_too_deep(struct parser *p, int kind);

/* nodes and lists */
uint32_t p_grow_nodes(struct parser *p);
static inline uint32_t p_node(struct parser *p, int kind, uint32_t pos)
{
	struct ast *a = p->a;

	if (a->nnodes == a->anodes)
		p_grow_nodes(p);
	a->nodes[a->nnodes] = (struct ast_node){ .kind = (uint8_t)kind,
						 .pos = pos, .end = pos };
	return a->nnodes++;
}
static inline struct ast_node *N(struct parser *p, uint32_t n)
{
	return &p->a->nodes[n];
}
void p_grow_stk(struct parser *p);
static inline void p_push(struct parser *p, uint32_t x)
{
	if (p->nstk == p->astk)
		p_grow_stk(p);
	p->stk[p->nstk++] = x;
}
/* The scratch entries from mark on become a list (returned); popped. */
void p_grow_lists(struct parser *p, size_t n);
static inline uint32_t p_list(struct parser *p, size_t mark)
{
	struct ast *a = p->a;
	size_t n = p->nstk - mark;
	uint32_t r;

	if (!n)
		return 0;
	if (a->nlists + n + 1 > a->alists)
		p_grow_lists(p, n);
	r = a->nlists;
	a->lists[r] = (uint32_t)n;
	if (n == 1)	/* most lists: no call */
		a->lists[r + 1] = p->stk[mark];
	else
		memcpy(&a->lists[r + 1], &p->stk[mark], n * sizeof(*p->stk));
	a->nlists += (uint32_t)n + 1;
	p->nstk = mark;
	return r;
}
uint32_t p_bad(struct parser *p, int kind, uint32_t from, uint32_t to);
static inline void p_end(struct parser *p, uint32_t n)
{
	p->a->nodes[n].end = p->prev_end > p->a->nodes[n].pos ?
			     p->prev_end : p->a->nodes[n].pos;
}

/* parse_type.c */
/* An identifier node; p_ident_missing() makes the "_" placeholder when
 * none stands there (out of line: the common case is inlined). */
uint32_t p_ident_missing(struct parser *p);
static inline uint32_t p_ident(struct parser *p)
{
	uint32_t n;
	const struct token *t;

	if (p->tok != T_IDENT)
		return p_ident_missing(p);
	n = p_node(p, AST_IDENT, p->pos);
	t = &p->toks[p->i];
	N(p, n)->a = (uint32_t)t->aux;
	N(p, n)->b = (uint32_t)p->i;
	N(p, n)->end = t->off + t->len;
	p_next(p);
	return n;
}
uint32_t p_type(struct parser *p);
uint32_t p_try_type(struct parser *p);
uint32_t p_type_name(struct parser *p, uint32_t ident);
uint32_t p_qualified_ident(struct parser *p, uint32_t ident);
uint32_t p_array_type(struct parser *p, uint32_t lbrack, uint32_t len);
uint32_t p_type_instance(struct parser *p, uint32_t typ);
uint32_t p_func_type(struct parser *p);
uint32_t p_result(struct parser *p);
void p_parameters(struct parser *p, int accept_tparams, uint32_t *tparams,
		  uint32_t *params);
uint32_t p_parameter_list(struct parser *p, uint32_t name0, uint32_t typ0,
			  int closing);
uint32_t p_field_list(struct parser *p, uint32_t opening, uint32_t list);
uint32_t p_embedded_elem(struct parser *p, uint32_t x);
uint32_t p_pack_index(struct parser *p, uint32_t x, uint32_t lbrack,
		      size_t mark);

/* parse_expr.c */
uint32_t p_expr(struct parser *p);
uint32_t p_rhs(struct parser *p);
uint32_t p_rhs_or_type(struct parser *p);
uint32_t p_expr_list(struct parser *p);
uint32_t p_list_rhs(struct parser *p, int in_rhs);
uint32_t p_check_expr(struct parser *p, uint32_t x);
uint32_t p_unary(struct parser *p);
uint32_t p_primary(struct parser *p, uint32_t x);
uint32_t p_binary(struct parser *p, uint32_t x, int prec1, int check);
uint32_t p_func_type_or_lit(struct parser *p);
uint32_t p_body(struct parser *p);

/* parse_stmt.c */
uint32_t p_stmt(struct parser *p);
uint32_t p_stmt_list(struct parser *p);
uint32_t p_block(struct parser *p);

/* parse.c: declarations */
uint32_t p_decl(struct parser *p, int in_func);

#endif
