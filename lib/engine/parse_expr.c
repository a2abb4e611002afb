/* parse_expr.c - the expression productions of the Go parser
 *
 * Owns: operands, primary expressions (selectors, index, slice and
 * instance expressions, type assertions, calls, composite literals with
 * go/parser's exprLev rule for '{' in control clauses), unary and binary
 * expressions by precedence, function literals, and go/parser's checks
 * that an expression is not a type.  Not: types (parse_type.c),
 * statements (parse_stmt.c).
 */
#include "parse_int.h"

static uint32_t unparen(struct parser *p, uint32_t x)
{
	while (N(p, x)->kind == AST_PAREN_EXPR && N(p, x)->a)
		x = N(p, x)->a;
	return x;
}

uint32_t p_check_expr(struct parser *p, uint32_t x)
{
	switch (N(p, unparen(p, x))->kind) {
	case AST_BAD_EXPR: case AST_IDENT: case AST_BASIC_LIT:
	case AST_FUNC_LIT: case AST_COMPOSITE_LIT: case AST_SELECTOR_EXPR:
	case AST_INDEX_EXPR: case AST_INDEX_LIST_EXPR: case AST_SLICE_EXPR:
	case AST_TYPE_ASSERT_EXPR: case AST_CALL_EXPR: case AST_STAR_EXPR:
	case AST_UNARY_EXPR: case AST_BINARY_EXPR:
		return x;
	default:
		p_error_expected(p, N(p, x)->pos, "expression");
		return p_bad(p, AST_BAD_EXPR, N(p, x)->pos, N(p, x)->end);
	}
}

/* an expression or a type, but no [...]T */
static uint32_t check_expr_or_type(struct parser *p, uint32_t x)
{
	const struct ast_node *t = N(p, unparen(p, x));

	if (t->kind == AST_ARRAY_TYPE && t->a &&
	    N(p, t->a)->kind == AST_ELLIPSIS) {
		p_error(p, N(p, t->a)->pos,
			"expected array length, found '...'");
		return p_bad(p, AST_BAD_EXPR, N(p, x)->pos, N(p, x)->end);
	}
	return x;
}

uint32_t p_expr(struct parser *p)
{
	return p_binary(p, 0, 1, 1);
}

uint32_t p_rhs(struct parser *p)
{
	int old = p->in_rhs;
	uint32_t x;

	p->in_rhs = 1;
	x = p_check_expr(p, p_expr(p));
	p->in_rhs = old;
	return x;
}

uint32_t p_rhs_or_type(struct parser *p)
{
	int old = p->in_rhs;
	uint32_t x;

	p->in_rhs = 1;
	x = check_expr_or_type(p, p_expr(p));
	p->in_rhs = old;
	return x;
}

uint32_t p_expr_list(struct parser *p)
{
	size_t mark = p->nstk;

	p_push(p, p_check_expr(p, p_expr(p)));
	while (p->tok == T_COMMA) {
		p_next(p);
		p_push(p, p_check_expr(p, p_expr(p)));
	}
	return p_list(p, mark);
}

uint32_t p_list_rhs(struct parser *p, int in_rhs)
{
	int old = p->in_rhs;
	uint32_t l;

	p->in_rhs = in_rhs;
	l = p_expr_list(p);
	p->in_rhs = old;
	return l;
}

uint32_t p_func_type_or_lit(struct parser *p)
{
	uint32_t typ = p_func_type(p), body, n;

	if (p->tok != T_LBRACE)
		return typ;
	p->expr_lev++;
	body = p_body(p);
	p->expr_lev--;
	n = p_node(p, AST_FUNC_LIT, N(p, typ)->pos);
	N(p, n)->a = typ;
	N(p, n)->b = body;
	p_end(p, n);
	return n;
}

static int expr_end(int tok)
{
	switch (tok) {
	case T_COMMA: case T_COLON: case T_SEMICOLON: case T_RPAREN:
	case T_RBRACK: case T_RBRACE: case T_EOF:
		return 1;
	default:
		return 0;
	}
}

static uint32_t operand(struct parser *p)
{
	uint32_t pos = p->pos, x, n;

	switch (p->tok) {
	case T_IDENT:
		return p_ident(p);
	case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
		n = p_node(p, AST_BASIC_LIT, pos);
		N(p, n)->op = (uint8_t)p->tok;
		N(p, n)->a = (uint32_t)p->i;
		p_next(p);
		p_end(p, n);
		return n;
	case T_LPAREN:
		p_next(p);
		p->expr_lev++;
		x = p_rhs_or_type(p);	/* types may be parenthesized */
		p->expr_lev--;
		p_expect(p, T_RPAREN);
		n = p_node(p, AST_PAREN_EXPR, pos);
		N(p, n)->a = x;
		p_end(p, n);
		return n;
	case T_FUNC:
		return p_func_type_or_lit(p);
	}
	if ((x = p_try_type(p)))
		return x;	/* a composite literal's type or a conversion */
	p_error_expected(p, pos, "operand");
	/* skip one token or bracketed group; leave the ends of expressions
	 * and statements to the callers */
	if (!expr_end(p->tok)) {
		if (p->tok == T_LPAREN || p->tok == T_LBRACK ||
		    p->tok == T_LBRACE)
			p_skip_balanced(p);
		else
			p_next(p);
	}
	return p_bad(p, AST_BAD_EXPR, pos, p->prev_end);
}

static uint32_t selector(struct parser *p, uint32_t x, uint32_t sel)
{
	uint32_t n = p_node(p, AST_SELECTOR_EXPR, N(p, x)->pos);

	N(p, n)->a = x;
	N(p, n)->b = sel;
	p_end(p, n);
	return n;
}

static uint32_t type_assertion(struct parser *p, uint32_t x)
{
	uint32_t typ = 0, n;

	p_expect(p, T_LPAREN);
	if (p->tok == T_TYPE)
		p_next(p);	/* x.(type): a type switch */
	else
		typ = p_type(p);
	p_expect(p, T_RPAREN);
	n = p_node(p, AST_TYPE_ASSERT_EXPR, N(p, x)->pos);
	N(p, n)->a = x;
	N(p, n)->b = typ;
	p_end(p, n);
	return n;
}

static uint32_t index_or_slice(struct parser *p, uint32_t x)
{
	uint32_t lbrack = p_expect(p, T_LBRACK), index[3] = { 0, 0, 0 };
	uint32_t colons[2] = { 0, 0 }, rbrack, n;
	size_t mark = p->nstk;
	int ncolons = 0;

	if (p->tok == T_RBRACK) {
		/* x[]: refused, but parsed */
		p_error_expected(p, p->pos, "operand");
		rbrack = p->pos;
		p_next(p);
		n = p_node(p, AST_INDEX_EXPR, N(p, x)->pos);
		N(p, n)->a = x;
		N(p, n)->b = p_bad(p, AST_BAD_EXPR, rbrack, rbrack);
		p_end(p, n);
		return n;
	}
	p->expr_lev++;
	if (p->tok != T_COLON)
		index[0] = p_rhs_or_type(p);
	if (p->tok == T_COLON) {
		while (p->tok == T_COLON && ncolons < 2) {
			colons[ncolons++] = p->pos;
			p_next(p);
			if (p->tok != T_COLON && p->tok != T_RBRACK &&
			    p->tok != T_EOF)
				index[ncolons] = p_rhs(p);
		}
	} else if (p->tok == T_COMMA) {
		p_push(p, index[0]);
		while (p->tok == T_COMMA) {
			p_next(p);
			if (p->tok != T_RBRACK && p->tok != T_EOF)
				p_push(p, p_type(p));
		}
	}
	p->expr_lev--;
	rbrack = p_expect(p, T_RBRACK);
	if (ncolons > 0) {
		n = p_node(p, AST_SLICE_EXPR, N(p, x)->pos);
		if (ncolons == 2) {
			N(p, n)->flags |= AST_F_SLICE3;
			if (!index[1]) {
				p_error(p, colons[0],
					"2nd index required in 3-index slice");
				index[1] = p_bad(p, AST_BAD_EXPR, colons[0] + 1,
						 colons[1]);
			}
			if (!index[2]) {
				p_error(p, colons[1],
					"3rd index required in 3-index slice");
				index[2] = p_bad(p, AST_BAD_EXPR, colons[1] + 1,
						 rbrack);
			}
		}
		N(p, n)->a = x;
		N(p, n)->b = index[0];
		N(p, n)->c = index[1];
		N(p, n)->d = index[2];
		p_end(p, n);
		return n;
	}
	if (p->nstk == mark) {
		n = p_node(p, AST_INDEX_EXPR, N(p, x)->pos);
		N(p, n)->a = x;
		N(p, n)->b = index[0];
		p_end(p, n);
		return n;
	}
	return p_pack_index(p, x, lbrack, mark);
}

static uint32_t call(struct parser *p, uint32_t fun)
{
	uint32_t n = p_node(p, AST_CALL_EXPR, N(p, fun)->pos);
	size_t mark = p->nstk;
	int ellipsis = 0;

	p_expect(p, T_LPAREN);
	p->expr_lev++;
	while (p->tok != T_RPAREN && p->tok != T_EOF && !ellipsis) {
		/* builtins may take a type: make(T, n) */
		p_push(p, p_rhs_or_type(p));
		if (p->tok == T_ELLIPSIS) {
			ellipsis = 1;
			p_next(p);
		}
		if (!p_at_comma(p, "argument list", T_RPAREN))
			break;
		p_next(p);
	}
	p->expr_lev--;
	p_expect_closing(p, T_RPAREN, "argument list");
	N(p, n)->a = fun;
	N(p, n)->b = p_list(p, mark);
	if (ellipsis)
		N(p, n)->flags |= AST_F_ELLIPSIS;
	p_end(p, n);
	return n;
}

static uint32_t literal_value(struct parser *p, uint32_t typ);

static uint32_t value(struct parser *p)
{
	if (p->tok == T_LBRACE)
		return literal_value(p, 0);
	return p_check_expr(p, p_expr(p));
}

static uint32_t element(struct parser *p)
{
	uint32_t x = value(p), n, v;

	if (p->tok != T_COLON)
		return x;
	p_next(p);
	v = value(p);
	n = p_node(p, AST_KEY_VALUE_EXPR, N(p, x)->pos);
	N(p, n)->a = x;
	N(p, n)->b = v;
	p_end(p, n);
	return n;
}

static uint32_t literal_value(struct parser *p, uint32_t typ)
{
	uint32_t lbrace, n;
	size_t mark = p->nstk;

	if (!p_enter(p))
		return p_too_deep(p, AST_BAD_EXPR);
	lbrace = p_expect(p, T_LBRACE);
	p->expr_lev++;
	while (p->tok != T_RBRACE && p->tok != T_EOF) {
		p_push(p, element(p));
		if (!p_at_comma(p, "composite literal", T_RBRACE))
			break;
		p_next(p);
	}
	p->expr_lev--;
	p_expect_closing(p, T_RBRACE, "composite literal");
	n = p_node(p, AST_COMPOSITE_LIT, typ ? N(p, typ)->pos : lbrace);
	N(p, n)->a = typ;
	N(p, n)->b = p_list(p, mark);
	p_end(p, n);
	p_leave(p);
	return n;
}

uint32_t p_primary(struct parser *p, uint32_t x)
{
	uint32_t t, pos, sel;

	if (!x)
		x = operand(p);
	for (;;) {
		switch (p->tok) {
		case T_PERIOD:
			p_next(p);
			if (p->tok == T_IDENT) {
				x = check_expr_or_type(p, x);
				x = selector(p, x, p_ident(p));
			} else if (p->tok == T_LPAREN) {
				x = type_assertion(p, p_check_expr(p, x));
			} else {
				pos = p->pos;
				p_error_expected(p, pos,
						 "selector or type assertion");
				if (p->tok != T_RBRACE)
					p_next(p);	/* make progress */
				sel = p_node(p, AST_IDENT, pos);
				N(p, sel)->flags |= AST_F_PLACEHOLDER;
				N(p, sel)->a = lex_hash("_", 1);
				x = selector(p, x, sel);
			}
			break;
		case T_LBRACK:
			x = index_or_slice(p, p_check_expr(p, x));
			break;
		case T_LPAREN:
			x = call(p, check_expr_or_type(p, x));
			break;
		case T_LBRACE:
			/* a composite literal, or the block after a control
			 * clause's expression (exprLev < 0) */
			t = unparen(p, x);
			switch (N(p, t)->kind) {
			case AST_BAD_EXPR: case AST_IDENT:
			case AST_SELECTOR_EXPR: case AST_INDEX_EXPR:
			case AST_INDEX_LIST_EXPR:
				if (p->expr_lev < 0)
					return x;
				break;
			case AST_ARRAY_TYPE: case AST_STRUCT_TYPE:
			case AST_MAP_TYPE:
				break;
			default:
				return x;
			}
			if (t != x)
				p_error(p, N(p, t)->pos, "cannot parenthesize "
					"type in composite literal");
			x = literal_value(p, x);
			break;
		default:
			return x;
		}
	}
}

uint32_t p_unary(struct parser *p)
{
	uint32_t pos = p->pos, x, n, typ, arrow, a2;
	int op = p->tok, dir, d2;

	if (!p_enter(p))
		return p_too_deep(p, AST_BAD_EXPR);
	switch (op) {
	case T_ADD: case T_SUB: case T_NOT: case T_XOR: case T_AND:
	case T_TILDE:
		p_next(p);
		x = p_check_expr(p, p_unary(p));
		n = p_node(p, AST_UNARY_EXPR, pos);
		N(p, n)->op = (uint8_t)op;
		N(p, n)->a = x;
		p_end(p, n);
		break;
	case T_ARROW:
		p_next(p);
		x = p_unary(p);
		if (N(p, x)->kind == AST_CHAN_TYPE) {
			/* <-chan T: move the arrow onto the channel types */
			arrow = pos;
			dir = AST_SEND;
			typ = x;
			while (typ && dir == AST_SEND) {
				struct ast_node *c = N(p, typ);

				if (c->op == AST_RECV)
					p_error_expected(p, c->b, "'chan'");
				a2 = c->b;
				c->pos = arrow;
				c->b = arrow;
				arrow = a2;
				d2 = c->op;
				c->op = AST_RECV;
				dir = d2;
				typ = c->a && N(p, c->a)->kind == AST_CHAN_TYPE ?
				      c->a : 0;
			}
			if (dir == AST_SEND)
				p_error_expected(p, arrow, "channel type");
			n = x;
			break;
		}
		x = p_check_expr(p, x);
		n = p_node(p, AST_UNARY_EXPR, pos);
		N(p, n)->op = T_ARROW;
		N(p, n)->a = x;
		p_end(p, n);
		break;
	case T_MUL:
		p_next(p);
		x = check_expr_or_type(p, p_unary(p));
		n = p_node(p, AST_STAR_EXPR, pos);
		N(p, n)->a = x;
		p_end(p, n);
		break;
	default:
		n = p_primary(p, 0);
		break;
	}
	p_leave(p);
	return n;
}

static int prec(int tok)
{
	switch (tok) {
	case T_LOR:
		return 1;
	case T_LAND:
		return 2;
	case T_EQL: case T_NEQ: case T_LSS: case T_LEQ: case T_GTR:
	case T_GEQ:
		return 3;
	case T_ADD: case T_SUB: case T_OR: case T_XOR:
		return 4;
	case T_MUL: case T_QUO: case T_REM: case T_SHL: case T_SHR:
	case T_AND: case T_AND_NOT:
		return 5;
	default:
		return 0;
	}
}

uint32_t p_binary(struct parser *p, uint32_t x, int prec1, int check)
{
	uint32_t y, n, at;
	int op, oprec;

	if (!x)
		x = p_unary(p);
	for (;;) {
		op = p->tok;
		if (p->in_rhs && op == T_ASSIGN)
			op = T_EQL;	/* a = b in an expression: refused */
		oprec = prec(op);
		if (oprec < prec1)
			return x;
		at = p_expect(p, op);
		y = p_binary(p, 0, oprec + 1, check);
		if (check) {
			x = p_check_expr(p, x);
			y = p_check_expr(p, y);
		}
		n = p_node(p, AST_BINARY_EXPR, N(p, x)->pos);
		N(p, n)->op = (uint8_t)op;
		N(p, n)->a = x;
		N(p, n)->b = y;
		N(p, n)->d = at;
		p_end(p, n);
		x = n;
	}
}
