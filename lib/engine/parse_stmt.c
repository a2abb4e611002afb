/* parse_stmt.c - the statement productions of the Go parser
 *
 * Owns: statements and blocks: simple statements (assignments, :=, sends,
 * ++/--, labels, expressions), go, defer, return, branches, if, switch and
 * type switch (with init statements), select, for and range, as go/parser
 * builds them (its EmptyStmt, its exprLev = -1 in control clauses).  Not:
 * expressions (parse_expr.c), declarations (parse.c).
 */
#include "parse_int.h"

#include <stdio.h>

enum { BASIC, LABEL_OK, RANGE_OK };

static int is_assign_op(int tok)
{
	switch (tok) {
	case T_DEFINE: case T_ASSIGN: case T_ADD_ASSIGN: case T_SUB_ASSIGN:
	case T_MUL_ASSIGN: case T_QUO_ASSIGN: case T_REM_ASSIGN:
	case T_AND_ASSIGN: case T_OR_ASSIGN: case T_XOR_ASSIGN:
	case T_SHL_ASSIGN: case T_SHR_ASSIGN: case T_AND_NOT_ASSIGN:
		return 1;
	default:
		return 0;
	}
}

static uint32_t first(struct parser *p, uint32_t list)
{
	return list ? ast_list(p->a, list)[0] : 0;
}

static uint32_t assign(struct parser *p, uint32_t lhs, int op, uint32_t pos,
		       uint32_t rhs)
{
	uint32_t n = p_node(p, AST_ASSIGN_STMT, lhs ? N(p, first(p, lhs))->pos :
				pos);
	uint32_t i;

	N(p, n)->op = (uint8_t)op;
	N(p, n)->a = lhs;
	N(p, n)->b = rhs;
	p_end(p, n);
	if (op == T_DEFINE)
		for (i = 0; i < ast_list_len(p->a, lhs); i++) {
			uint32_t x = ast_list(p->a, lhs)[i];

			if (N(p, x)->kind != AST_IDENT)
				p_error_expected(p, N(p, x)->pos,
					"identifier on left side of :=");
		}
	return n;
}

static uint32_t wrap(struct parser *p, int kind, uint32_t pos, uint32_t a,
		     uint32_t b)
{
	uint32_t n = p_node(p, kind, pos);

	N(p, n)->a = a;
	N(p, n)->b = b;
	p_end(p, n);
	return n;
}

static uint32_t simple_stmt(struct parser *p, int mode, int *is_range)
{
	uint32_t x = p_list_rhs(p, 0), x0 = first(p, x), pos, y, colon;
	size_t mark;
	int op;

	*is_range = 0;
	if (is_assign_op(p->tok)) {
		pos = p->pos;
		op = p->tok;
		p_next(p);
		if (mode == RANGE_OK && p->tok == T_RANGE &&
		    (op == T_DEFINE || op == T_ASSIGN)) {
			uint32_t rpos = p->pos, r;

			p_next(p);
			r = p_rhs(p);
			r = wrap(p, AST_UNARY_EXPR, rpos, r, 0);
			N(p, r)->op = T_RANGE;
			mark = p->nstk;
			p_push(p, r);
			y = p_list(p, mark);
			*is_range = 1;
		} else {
			y = p_list_rhs(p, 1);
		}
		return assign(p, x, op, pos, y);
	}
	if (ast_list_len(p->a, x) > 1)
		p_error_expected(p, N(p, x0)->pos, "1 expression");
	switch (p->tok) {
	case T_COLON:
		colon = p->pos;
		p_next(p);
		if (mode == LABEL_OK && N(p, x0)->kind == AST_IDENT) {
			y = wrap(p, AST_LABELED_STMT, N(p, x0)->pos, x0,
				 p_stmt(p));
			N(p, y)->end = N(p, N(p, y)->b)->end;
			return y;
		}
		p_error(p, colon, "illegal label declaration");
		return p_bad(p, AST_BAD_STMT, N(p, x0)->pos, colon + 1);
	case T_ARROW:
		p_next(p);
		y = p_rhs(p);
		return wrap(p, AST_SEND_STMT, N(p, x0)->pos, x0, y);
	case T_INC: case T_DEC:
		op = p->tok;
		p_next(p);
		y = wrap(p, AST_INC_DEC_STMT, N(p, x0)->pos, x0, 0);
		N(p, y)->op = (uint8_t)op;
		return y;
	}
	return wrap(p, AST_EXPR_STMT, N(p, x0)->pos, x0, 0);
}

/* the call of a go or defer statement, or 0 */
static uint32_t call_expr(struct parser *p, const char *what)
{
	uint32_t x = p_rhs_or_type(p);

	if (N(p, x)->kind == AST_CALL_EXPR)
		return x;
	if (N(p, x)->kind != AST_BAD_EXPR)
		p_error(p, N(p, x)->end, what);
	return 0;
}

static uint32_t go_defer(struct parser *p, int tok)
{
	uint32_t pos = p_expect(p, tok), c;

	c = call_expr(p, tok == T_GO ?
		      "function must be invoked in go statement" :
		      "function must be invoked in defer statement");
	p_expect_semi(p);
	if (!c)
		return p_bad(p, AST_BAD_STMT, pos, pos + (tok == T_GO ? 2 : 5));
	c = wrap(p, tok == T_GO ? AST_GO_STMT : AST_DEFER_STMT, pos, c, 0);
	N(p, c)->end = N(p, N(p, c)->a)->end;	/* not the ';' */
	return c;
}

static uint32_t return_stmt(struct parser *p)
{
	uint32_t pos = p_expect(p, T_RETURN), x = 0, n;

	if (p->tok != T_SEMICOLON && p->tok != T_RBRACE)
		x = p_list_rhs(p, 1);
	n = wrap(p, AST_RETURN_STMT, pos, x, 0);
	p_expect_semi(p);
	return n;
}

static uint32_t branch_stmt(struct parser *p, int tok)
{
	uint32_t pos = p_expect(p, tok), label = 0, n;

	if (tok != T_FALLTHROUGH && p->tok == T_IDENT)
		label = p_ident(p);
	n = wrap(p, AST_BRANCH_STMT, pos, label, 0);
	N(p, n)->op = (uint8_t)tok;
	p_expect_semi(p);
	return n;
}

/* the expression of an expression statement, or a BAD_EXPR */
static uint32_t make_expr(struct parser *p, uint32_t s, const char *want)
{
	char msg[128];

	if (!s)
		return 0;
	if (N(p, s)->kind == AST_EXPR_STMT)
		return p_check_expr(p, N(p, s)->a);
	snprintf(msg, sizeof(msg), "expected %s, found %s (missing "
		 "parentheses around composite literal?)", want,
		 N(p, s)->kind == AST_ASSIGN_STMT ? "assignment" :
		 "simple statement");
	p_error(p, N(p, s)->pos, msg);
	return p_bad(p, AST_BAD_EXPR, N(p, s)->pos, N(p, s)->end);
}

static void if_header(struct parser *p, uint32_t *init, uint32_t *cond)
{
	uint32_t cs = 0, semi = 0;
	int prev = p->expr_lev, semi_nl = 0, r, has_semi = 0;

	*init = *cond = 0;
	if (p->tok == T_LBRACE) {
		p_error(p, p->pos, "missing condition in if statement");
		*cond = p_bad(p, AST_BAD_EXPR, p->pos, p->pos);
		return;
	}
	p->expr_lev = -1;
	if (p->tok != T_SEMICOLON) {
		if (p->tok == T_VAR) {
			p_next(p);
			p_error(p, p->pos, "var declaration not allowed in "
				"'IF' initializer");
		}
		*init = simple_stmt(p, BASIC, &r);
	}
	if (p->tok != T_LBRACE) {
		if (p->tok == T_SEMICOLON) {
			semi = p->pos;
			semi_nl = p_implicit(p);
			has_semi = 1;
			p_next(p);
		} else {
			p_expect(p, T_SEMICOLON);
		}
		if (p->tok != T_LBRACE)
			cs = simple_stmt(p, BASIC, &r);
	} else {
		cs = *init;
		*init = 0;
	}
	if (cs)
		*cond = make_expr(p, cs, "boolean expression");
	else if (has_semi)
		p_error(p, semi, semi_nl ? "unexpected newline, expecting { "
			"after if clause" : "missing condition in if statement");
	if (!*cond)
		*cond = p_bad(p, AST_BAD_EXPR, p->pos, p->pos);
	p->expr_lev = prev;
}

static uint32_t if_stmt(struct parser *p)
{
	uint32_t pos, init, cond, body, els = 0, n;

	if (!p_enter(p))
		return p_too_deep(p, AST_BAD_STMT);
	pos = p_expect(p, T_IF);
	if_header(p, &init, &cond);
	body = p_block(p);
	if (p->tok == T_ELSE) {
		p_next(p);
		if (p->tok == T_IF) {
			els = if_stmt(p);
		} else if (p->tok == T_LBRACE) {
			els = p_block(p);
			p_expect_semi(p);
		} else {
			p_error_expected(p, p->pos, "if statement or block");
			els = p_bad(p, AST_BAD_STMT, p->pos, p->pos);
		}
	} else {
		p_expect_semi(p);
	}
	n = p_node(p, AST_IF_STMT, pos);
	N(p, n)->a = init;
	N(p, n)->b = cond;
	N(p, n)->c = body;
	N(p, n)->d = els;
	N(p, n)->end = N(p, els ? els : body)->end;
	p_leave(p);
	return n;
}

/* go/ast's End() of a clause: its last statement's, or past the ':'
 * (colon_end: the end of the last token before the body) */
static uint32_t clause(struct parser *p, int kind, uint32_t pos, uint32_t a,
		       uint32_t colon_end, uint32_t body)
{
	uint32_t n = wrap(p, kind, pos, a, body), k = ast_list_len(p->a, body);

	N(p, n)->end = k ? N(p, ast_list(p->a, body)[k - 1])->end : colon_end;
	if (N(p, n)->end < pos)
		N(p, n)->end = pos;
	return n;
}

static uint32_t case_clause(struct parser *p, int type_switch)
{
	uint32_t pos = p->pos, list = 0, body, colon;
	size_t mark = p->nstk;

	if (p->tok == T_CASE) {
		p_next(p);
		if (type_switch) {
			p_push(p, p_type(p));
			while (p->tok == T_COMMA) {
				p_next(p);
				p_push(p, p_type(p));
			}
			list = p_list(p, mark);
		} else {
			list = p_list_rhs(p, 1);
		}
	} else {
		p_expect(p, T_DEFAULT);
	}
	p_expect(p, T_COLON);
	colon = p->prev_end;
	body = p_stmt_list(p);
	return clause(p, AST_CASE_CLAUSE, pos, list, colon, body);
}

static int type_switch_guard(struct parser *p, uint32_t s)
{
	const struct ast_node *n = N(p, s);
	uint32_t x;

	if (!s)
		return 0;
	if (n->kind == AST_EXPR_STMT)
		return N(p, n->a)->kind == AST_TYPE_ASSERT_EXPR &&
		       !N(p, n->a)->b;
	if (n->kind != AST_ASSIGN_STMT || ast_list_len(p->a, n->a) != 1 ||
	    ast_list_len(p->a, n->b) != 1)
		return 0;
	x = ast_list(p->a, n->b)[0];
	if (N(p, x)->kind != AST_TYPE_ASSERT_EXPR || N(p, x)->b)
		return 0;
	if (n->op == T_ASSIGN) {
		p_error(p, N(p, s)->pos, "expected ':=', found '='");
		return 1;
	}
	return n->op == T_DEFINE;
}

static uint32_t comm_clause(struct parser *p);

/* the '{' clauses '}' of a switch or select, as a BLOCK_STMT */
static uint32_t clauses(struct parser *p, int sel, int type_switch)
{
	uint32_t lbrace = p_expect(p, T_LBRACE), list;
	size_t mark = p->nstk;

	while (p->tok == T_CASE || p->tok == T_DEFAULT)
		p_push(p, sel ? comm_clause(p) : case_clause(p, type_switch));
	list = p_list(p, mark);
	p_expect(p, T_RBRACE);
	list = wrap(p, AST_BLOCK_STMT, lbrace, list, 0);
	p_expect_semi(p);
	return list;
}

static uint32_t switch_stmt(struct parser *p)
{
	uint32_t pos = p_expect(p, T_SWITCH), s1 = 0, s2 = 0, body, n;
	int prev, r, ts;

	if (p->tok != T_LBRACE) {
		prev = p->expr_lev;
		p->expr_lev = -1;
		if (p->tok != T_SEMICOLON)
			s2 = simple_stmt(p, BASIC, &r);
		if (p->tok == T_SEMICOLON) {
			p_next(p);
			s1 = s2;
			s2 = 0;
			if (p->tok != T_LBRACE)
				s2 = simple_stmt(p, BASIC, &r);
		}
		p->expr_lev = prev;
	}
	ts = type_switch_guard(p, s2);
	body = clauses(p, 0, ts);
	if (!ts)
		s2 = make_expr(p, s2, "switch expression");
	n = p_node(p, ts ? AST_TYPE_SWITCH_STMT : AST_SWITCH_STMT, pos);
	N(p, n)->a = s1;
	N(p, n)->b = s2;
	N(p, n)->c = body;
	N(p, n)->end = N(p, body)->end;
	return n;
}

static uint32_t comm_clause(struct parser *p)
{
	uint32_t pos = p->pos, comm = 0, lhs, x0, body, rhs, at;
	size_t mark;
	int op;

	if (p->tok == T_CASE) {
		p_next(p);
		lhs = p_list_rhs(p, 0);
		x0 = first(p, lhs);
		if (p->tok == T_ARROW) {
			if (ast_list_len(p->a, lhs) > 1)
				p_error_expected(p, N(p, x0)->pos,
						 "1 expression");
			p_next(p);
			rhs = p_rhs(p);
			comm = wrap(p, AST_SEND_STMT, N(p, x0)->pos, x0, rhs);
		} else if (p->tok == T_ASSIGN || p->tok == T_DEFINE) {
			if (ast_list_len(p->a, lhs) > 2) {
				p_error_expected(p, N(p, x0)->pos,
						 "1 or 2 expressions");
				mark = p->nstk;
				p_push(p, ast_list(p->a, lhs)[0]);
				p_push(p, ast_list(p->a, lhs)[1]);
				lhs = p_list(p, mark);
			}
			op = p->tok;
			at = p->pos;
			p_next(p);
			rhs = p_rhs(p);
			mark = p->nstk;
			p_push(p, rhs);
			comm = assign(p, lhs, op, at, p_list(p, mark));
		} else {
			if (ast_list_len(p->a, lhs) > 1)
				p_error_expected(p, N(p, x0)->pos,
						 "1 expression");
			comm = wrap(p, AST_EXPR_STMT, N(p, x0)->pos, x0, 0);
		}
	} else {
		p_expect(p, T_DEFAULT);
	}
	p_expect(p, T_COLON);
	at = p->prev_end;
	body = p_stmt_list(p);
	return clause(p, AST_COMM_CLAUSE, pos, comm, at, body);
}

static uint32_t select_stmt(struct parser *p)
{
	uint32_t pos = p_expect(p, T_SELECT), body;

	body = clauses(p, 1, 0);
	return wrap(p, AST_SELECT_STMT, pos, body, 0);
}

static uint32_t for_stmt(struct parser *p)
{
	uint32_t pos = p_expect(p, T_FOR), s1 = 0, s2 = 0, s3 = 0, body, n;
	uint32_t key = 0, val = 0, lhs;
	int prev, is_range = 0, r;

	if (p->tok != T_LBRACE) {
		prev = p->expr_lev;
		p->expr_lev = -1;
		if (p->tok != T_SEMICOLON) {
			if (p->tok == T_RANGE) {
				/* for range x */
				uint32_t rpos = p->pos, x, y;
				size_t mark;

				p_next(p);
				x = p_rhs(p);
				y = wrap(p, AST_UNARY_EXPR, rpos, x, 0);
				N(p, y)->op = T_RANGE;
				mark = p->nstk;
				p_push(p, y);
				s2 = assign(p, 0, 0, rpos, p_list(p, mark));
				is_range = 1;
			} else {
				s2 = simple_stmt(p, RANGE_OK, &is_range);
			}
		}
		if (!is_range && p->tok == T_SEMICOLON) {
			p_next(p);
			s1 = s2;
			s2 = 0;
			if (p->tok != T_SEMICOLON)
				s2 = simple_stmt(p, BASIC, &r);
			p_expect_semi(p);
			if (p->tok != T_LBRACE)
				s3 = simple_stmt(p, BASIC, &r);
		}
		p->expr_lev = prev;
	}
	body = p_block(p);
	p_expect_semi(p);
	if (is_range) {
		lhs = N(p, s2)->a;
		switch (ast_list_len(p->a, lhs)) {
		case 0:
			break;
		case 2:
			val = ast_list(p->a, lhs)[1];
			/* FALLTHROUGH */
		case 1:
			key = ast_list(p->a, lhs)[0];
			break;
		default:
			p_error_expected(p, N(p, ast_list(p->a, lhs)[
				ast_list_len(p->a, lhs) - 1])->pos,
				"at most 2 expressions");
			return p_bad(p, AST_BAD_STMT, pos, N(p, body)->end);
		}
		n = p_node(p, AST_RANGE_STMT, pos);
		N(p, n)->op = N(p, s2)->op;
		N(p, n)->a = key;
		N(p, n)->b = val;
		N(p, n)->c = N(p, first(p, N(p, s2)->b))->a;
		N(p, n)->d = body;
	} else {
		s2 = make_expr(p, s2, "boolean or range expression");
		n = p_node(p, AST_FOR_STMT, pos);
		N(p, n)->a = s1;
		N(p, n)->b = s2;
		N(p, n)->c = s3;
		N(p, n)->d = body;
	}
	N(p, n)->end = N(p, body)->end;
	return n;
}

uint32_t p_block(struct parser *p)
{
	uint32_t lbrace = p_expect(p, T_LBRACE), list;

	list = p_stmt_list(p);
	p_expect(p, T_RBRACE);
	return wrap(p, AST_BLOCK_STMT, lbrace, list, 0);
}

uint32_t p_body(struct parser *p)
{
	return p_block(p);
}

uint32_t p_stmt_list(struct parser *p)
{
	size_t mark = p->nstk, at;

	while (p->tok != T_CASE && p->tok != T_DEFAULT &&
	       p->tok != T_RBRACE && p->tok != T_EOF) {
		at = p->i;
		p_push(p, p_stmt(p));
		if (p->i == at)	/* a statement takes a token: be sure */
			p_next(p);
	}
	return p_list(p, mark);
}

static uint32_t stmt(struct parser *p)
{
	uint32_t pos = p->pos, s;
	int r;

	switch (p->tok) {
	case T_CONST: case T_TYPE: case T_VAR:
		s = p_decl(p, 1);
		s = wrap(p, AST_DECL_STMT, N(p, s)->pos, s, 0);
		N(p, s)->end = N(p, N(p, s)->a)->end;
		return s;
	case T_IDENT: case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR:
	case T_STRING: case T_FUNC: case T_LPAREN: case T_LBRACK:
	case T_STRUCT: case T_MAP: case T_CHAN: case T_INTERFACE:
	case T_ADD: case T_SUB: case T_MUL: case T_AND: case T_XOR:
	case T_ARROW: case T_NOT:
		s = simple_stmt(p, LABEL_OK, &r);
		/* a label's statement took its own ';' */
		if (N(p, s)->kind != AST_LABELED_STMT)
			p_expect_semi(p);
		return s;
	case T_GO: case T_DEFER:
		return go_defer(p, p->tok);
	case T_RETURN:
		return return_stmt(p);
	case T_BREAK: case T_CONTINUE: case T_GOTO: case T_FALLTHROUGH:
		return branch_stmt(p, p->tok);
	case T_LBRACE:
		s = p_block(p);
		p_expect_semi(p);
		return s;
	case T_IF:
		return if_stmt(p);
	case T_SWITCH:
		return switch_stmt(p);
	case T_SELECT:
		return select_stmt(p);
	case T_FOR:
		return for_stmt(p);
	case T_SEMICOLON:
		s = p_node(p, AST_EMPTY_STMT, pos);
		if (p_implicit(p))
			N(p, s)->flags |= AST_F_IMPLICIT;
		p_next(p);
		if (!(N(p, s)->flags & AST_F_IMPLICIT))
			N(p, s)->end = pos + 1;
		return s;
	case T_RBRACE:	/* "L: }": the ';' before '}' may be left out */
		s = p_node(p, AST_EMPTY_STMT, pos);
		N(p, s)->flags |= AST_F_IMPLICIT;
		return s;
	default:
		p_error_expected(p, pos, "statement");
		p_skip_stmt(p);
		return p_bad(p, AST_BAD_STMT, pos, p->prev_end);
	}
}

uint32_t p_stmt(struct parser *p)
{
	uint32_t s;

	if (!p_enter(p))
		return p_too_deep(p, AST_BAD_STMT);
	s = stmt(p);
	p_leave(p);
	return s;
}
