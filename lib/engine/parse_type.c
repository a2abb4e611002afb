/* parse_type.c - the type productions of the Go parser
 *
 * Owns: identifiers, type names and instances (T[int], m[K, V]), array,
 * slice, struct (fields, embedded types, tags), pointer, func (parameter
 * and type parameter lists, results), interface (methods, embedded types,
 * type sets with ~ and |), map and channel types: go/parser's tryIdentOrType
 * and what it calls, function by function.  Not: expressions
 * (parse_expr.c), type specs (parse.c), resolution.
 */
#include "parse_int.h"

#include <string.h>

uint32_t p_ident_missing(struct parser *p)
{
	uint32_t n = p_node(p, AST_IDENT, p->pos);

	N(p, n)->flags |= AST_F_PLACEHOLDER;
	N(p, n)->a = lex_hash("_", 1);
	p_expect(p, T_IDENT);
	return n;
}

uint32_t p_field_list(struct parser *p, uint32_t opening, uint32_t list)
{
	uint32_t n = p_node(p, AST_FIELD_LIST, opening);

	N(p, n)->a = list;
	p_end(p, n);
	return n;
}

uint32_t p_pack_index(struct parser *p, uint32_t x, uint32_t lbrack,
		      size_t mark)
{
	uint32_t n;

	(void)lbrack;
	if (p->nstk - mark == 1) {
		n = p_node(p, AST_INDEX_EXPR, N(p, x)->pos);
		N(p, n)->b = p->stk[--p->nstk];
	} else {
		n = p_node(p, AST_INDEX_LIST_EXPR, N(p, x)->pos);
		N(p, n)->b = p_list(p, mark);
	}
	N(p, n)->a = x;
	p_end(p, n);
	return n;
}

uint32_t p_type(struct parser *p)
{
	uint32_t pos = p->pos, t = p_try_type(p);

	if (!t) {
		p_error_expected(p, pos, "type");
		p_skip_balanced(p);
		t = p_bad(p, AST_BAD_EXPR, pos, p->prev_end);
	}
	return t;
}

uint32_t p_type_name(struct parser *p, uint32_t ident)
{
	uint32_t sel, n;

	if (!ident)
		ident = p_ident(p);
	if (p->tok != T_PERIOD)
		return ident;
	p_next(p);
	sel = p_ident(p);
	n = p_node(p, AST_SELECTOR_EXPR, N(p, ident)->pos);
	N(p, n)->a = ident;
	N(p, n)->b = sel;
	p_end(p, n);
	return n;
}

uint32_t p_qualified_ident(struct parser *p, uint32_t ident)
{
	uint32_t t = p_type_name(p, ident);

	if (p->tok == T_LBRACK)
		t = p_type_instance(p, t);
	return t;
}

uint32_t p_array_type(struct parser *p, uint32_t lbrack, uint32_t len)
{
	uint32_t n, elt;

	if (!len) {
		p->expr_lev++;
		if (p->tok == T_ELLIPSIS) {
			len = p_node(p, AST_ELLIPSIS, p->pos);
			p_next(p);
			p_end(p, len);
		} else if (p->tok != T_RBRACK) {
			len = p_rhs(p);
		}
		p->expr_lev--;
	}
	if (p->tok == T_COMMA) {
		p_error(p, p->pos, "unexpected comma; expecting ]");
		p_next(p);
	}
	p_expect(p, T_RBRACK);
	elt = p_type(p);
	n = p_node(p, AST_ARRAY_TYPE, lbrack);
	N(p, n)->a = len;
	N(p, n)->b = elt;
	p_end(p, n);
	return n;
}

/* x [P]E, x []E or x[P, Q]: a field of array type or an embedded
 * instance; *name is 0 for the latter. */
static uint32_t array_field_or_instance(struct parser *p, uint32_t *name)
{
	uint32_t lbrack = p_expect(p, T_LBRACK), elt, n;
	size_t mark = p->nstk;

	if (p->tok != T_RBRACK) {
		p->expr_lev++;
		p_push(p, p_rhs_or_type(p));
		while (p->tok == T_COMMA) {
			p_next(p);
			p_push(p, p_rhs_or_type(p));
		}
		p->expr_lev--;
	}
	p_expect(p, T_RBRACK);
	if (p->nstk == mark) {
		elt = p_type(p);
		n = p_node(p, AST_ARRAY_TYPE, lbrack);
		N(p, n)->b = elt;
		p_end(p, n);
		return n;
	}
	if (p->nstk - mark == 1) {
		elt = p_try_type(p);
		if (elt) {
			n = p_node(p, AST_ARRAY_TYPE, lbrack);
			N(p, n)->a = p->stk[--p->nstk];
			N(p, n)->b = elt;
			p_end(p, n);
			return n;
		}
	}
	n = p_pack_index(p, *name, lbrack, mark);
	*name = 0;
	return n;
}

static uint32_t new_field(struct parser *p, uint32_t names, uint32_t typ,
			  uint32_t tag)
{
	uint32_t pos = names ? N(p, ast_list(p->a, names)[0])->pos :
			       typ ? N(p, typ)->pos : p->pos;
	uint32_t f = p_node(p, AST_FIELD, pos);

	N(p, f)->a = names;
	N(p, f)->b = typ;
	N(p, f)->c = tag;
	N(p, f)->end = typ ? N(p, typ)->end : pos;
	if (tag)
		N(p, f)->end = N(p, tag)->end;
	return f;
}

static uint32_t field_decl(struct parser *p)
{
	uint32_t name, typ, tag = 0, names = 0;
	size_t mark = p->nstk;

	if (p->tok == T_IDENT) {
		name = p_ident(p);
		if (p->tok == T_PERIOD || p->tok == T_STRING ||
		    p->tok == T_SEMICOLON || p->tok == T_RBRACE) {
			typ = name;	/* embedded */
			if (p->tok == T_PERIOD)
				typ = p_qualified_ident(p, name);
		} else {
			p_push(p, name);
			while (p->tok == T_COMMA) {
				p_next(p);
				p_push(p, p_ident(p));
			}
			if (p->nstk - mark == 1 && p->tok == T_LBRACK) {
				uint32_t nm = name;

				typ = array_field_or_instance(p, &nm);
				if (!nm)
					p->nstk = mark;
			} else {
				typ = p_type(p);
			}
			names = p_list(p, mark);
		}
	} else {
		typ = p_type(p);
	}
	if (p->tok == T_STRING) {
		tag = p_node(p, AST_BASIC_LIT, p->pos);
		N(p, tag)->op = T_STRING;
		N(p, tag)->a = (uint32_t)p->i;
		p_next(p);
		p_end(p, tag);
	}
	name = new_field(p, names, typ, tag);
	p_expect_semi(p);
	return name;
}

static uint32_t struct_type(struct parser *p)
{
	uint32_t pos = p_expect(p, T_STRUCT), lbrace, n, fl;
	size_t mark = p->nstk;

	lbrace = p_expect(p, T_LBRACE);
	while (p->tok == T_IDENT || p->tok == T_MUL || p->tok == T_LPAREN)
		p_push(p, field_decl(p));
	fl = p_list(p, mark);
	p_expect(p, T_RBRACE);
	fl = p_field_list(p, lbrace, fl);
	n = p_node(p, AST_STRUCT_TYPE, pos);
	N(p, n)->a = fl;
	p_end(p, n);
	return n;
}

static uint32_t unary_type(struct parser *p, int kind, int tok)
{
	uint32_t pos = p_expect(p, tok), x = p_type(p), n;

	n = p_node(p, kind, pos);
	N(p, n)->a = x;
	p_end(p, n);
	return n;
}

/* one parameter: *name and *typ, either may be 0 */
static void param_decl(struct parser *p, uint32_t name0, int typesets,
		       uint32_t *name, uint32_t *typ)
{
	*name = *typ = 0;
	if (!name0 && typesets && p->tok == T_TILDE) {
		*typ = p_embedded_elem(p, 0);
		return;
	}
	if (name0 || p->tok == T_IDENT) {
		*name = name0 ? name0 : p_ident(p);
		switch (p->tok) {
		case T_IDENT: case T_MUL: case T_ARROW: case T_FUNC:
		case T_CHAN: case T_MAP: case T_STRUCT: case T_INTERFACE:
		case T_LPAREN:
			*typ = p_type(p);
			break;
		case T_LBRACK:
			*typ = array_field_or_instance(p, name);
			break;
		case T_ELLIPSIS:
			*typ = unary_type(p, AST_ELLIPSIS, T_ELLIPSIS);
			return;
		case T_PERIOD:
			*typ = p_qualified_ident(p, *name);
			*name = 0;
			break;
		case T_TILDE:
			if (typesets) {
				*typ = p_embedded_elem(p, 0);
				return;
			}
			break;
		case T_OR:
			if (typesets) {
				*typ = p_embedded_elem(p, *name);
				*name = 0;
				return;
			}
			break;
		}
	} else {
		switch (p->tok) {
		case T_MUL: case T_ARROW: case T_FUNC: case T_LBRACK:
		case T_CHAN: case T_MAP: case T_STRUCT: case T_INTERFACE:
		case T_LPAREN:
			*typ = p_type(p);
			break;
		case T_ELLIPSIS:
			*typ = unary_type(p, AST_ELLIPSIS, T_ELLIPSIS);
			return;
		default:
			p_error_expected(p, p->pos, "')'");
			p_skip_balanced(p);
			break;
		}
	}
	if (typesets && p->tok == T_OR && *typ)
		*typ = p_embedded_elem(p, *typ);
}

/* go/parser's parseParameterList: the fields of a parameter or type
 * parameter list (closing ']'), as a list, 0 if empty. */
uint32_t p_parameter_list(struct parser *p, uint32_t name0, uint32_t typ0,
			  int closing)
{
	int tparams = closing == T_RBRACK;
	uint32_t pos = name0 ? N(p, name0)->pos : p->pos;
	size_t mark = p->nstk, i, np, top, nf;
	uint32_t name, typ;
	size_t named = 0;

	while (name0 || (p->tok != closing && p->tok != T_EOF)) {
		size_t at = p->i;

		if (typ0) {
			if (tparams)
				typ0 = p_embedded_elem(p, typ0);
			name = name0;
			typ = typ0;
		} else {
			param_decl(p, name0, tparams, &name, &typ);
		}
		name0 = typ0 = 0;
		if (name || typ) {
			p_push(p, name);
			p_push(p, typ);
			if (name && typ)
				named++;
		}
		if (!p_at_comma(p, "parameter list", closing))
			break;
		p_next(p);
		(void)at;
	}
	np = (p->nstk - mark) / 2;
	if (!np)
		return 0;
	/* distribute the types: stk[mark + 2i] name, [mark + 2i + 1] type */
	if (named == 0) {
		for (i = 0; i < np; i++) {
			uint32_t *par = &p->stk[mark + 2 * i];

			if (par[0]) {
				par[1] = par[0];
				par[0] = 0;
			}
		}
		if (tparams)
			p_error(p, pos, "all type parameters must be named");
	} else if (named != np) {
		int ok = 1;
		uint32_t missing = pos;

		typ = 0;
		for (i = np; i-- > 0;) {
			size_t k = mark + 2 * i;

			if (p->stk[k + 1]) {
				typ = p->stk[k + 1];
				if (!p->stk[k]) {
					uint32_t id;

					ok = 0;
					missing = N(p, typ)->pos;
					id = p_node(p, AST_IDENT, missing);
					N(p, id)->flags |= AST_F_PLACEHOLDER;
					N(p, id)->a = lex_hash("_", 1);
					p->stk[k] = id;
				}
			} else if (typ) {
				p->stk[k + 1] = typ;
			} else {
				ok = 0;
				missing = N(p, p->stk[k])->pos;
				p->stk[k + 1] = p_bad(p, AST_BAD_EXPR, missing,
						      p->pos);
			}
		}
		if (!ok)
			p_error(p, tparams ? missing : pos, tparams ?
				"all type parameters must be named" :
				"mixed named and unnamed parameters");
	}
	/* the fields, built above the pairs, then moved down */
	top = p->nstk;
	if (named == 0) {
		for (i = 0; i < np; i++)
			p_push(p, new_field(p, 0, p->stk[mark + 2 * i + 1], 0));
	} else {
		i = 0;
		while (i < np) {
			size_t j = i, nm = p->nstk;

			typ = p->stk[mark + 2 * i + 1];
			while (j < np && p->stk[mark + 2 * j + 1] == typ) {
				p_push(p, p->stk[mark + 2 * j]);
				j++;
			}
			p_push(p, new_field(p, p_list(p, nm), typ, 0));
			i = j;
		}
	}
	nf = p->nstk - top;
	memmove(&p->stk[mark], &p->stk[top], nf * sizeof(*p->stk));
	p->nstk = mark + nf;
	return p_list(p, mark);
}

void p_parameters(struct parser *p, int accept_tparams, uint32_t *tparams,
		  uint32_t *params)
{
	uint32_t opening, list = 0;

	if (tparams)
		*tparams = 0;
	if (accept_tparams && p->tok == T_LBRACK) {
		opening = p->pos;
		p_next(p);
		list = p_parameter_list(p, 0, 0, T_RBRACK);
		p_expect(p, T_RBRACK);
		if (!list)
			p_error(p, p->prev_end ? p->prev_end - 1 : 0,
				"empty type parameter list");
		else if (tparams)
			*tparams = p_field_list(p, opening, list);
		list = 0;
	}
	opening = p_expect(p, T_LPAREN);
	if (p->tok != T_RPAREN)
		list = p_parameter_list(p, 0, 0, T_RPAREN);
	p_expect(p, T_RPAREN);
	*params = p_field_list(p, opening, list);
}

uint32_t p_result(struct parser *p)
{
	uint32_t typ, f, r;
	size_t mark = p->nstk;

	if (p->tok == T_LPAREN) {
		p_parameters(p, 0, NULL, &r);
		return r;
	}
	typ = p_try_type(p);
	if (!typ)
		return 0;
	f = new_field(p, 0, typ, 0);
	p_push(p, f);
	r = p_field_list(p, N(p, typ)->pos, p_list(p, mark));
	return r;
}

uint32_t p_func_type(struct parser *p)
{
	uint32_t pos = p_expect(p, T_FUNC), tparams, params, results, n;

	p_parameters(p, 1, &tparams, &params);
	if (tparams)
		p_error(p, N(p, tparams)->pos,
			"function type must have no type parameters");
	results = p_result(p);
	n = p_node(p, AST_FUNC_TYPE, pos);
	N(p, n)->b = params;
	N(p, n)->c = results;
	p_end(p, n);
	return n;
}

/* a method's signature in an interface: a FuncType without 'func' */
static uint32_t method_sig(struct parser *p)
{
	uint32_t params, results, n;

	p_parameters(p, 0, NULL, &params);
	results = p_result(p);
	n = p_node(p, AST_FUNC_TYPE, N(p, params)->pos);
	N(p, n)->b = params;
	N(p, n)->c = results;
	p_end(p, n);
	return n;
}

static uint32_t method_spec(struct parser *p)
{
	uint32_t x = p_type_name(p, 0), typ, lbrack, x2, names = 0;
	size_t mark = p->nstk;

	if (N(p, x)->kind != AST_IDENT) {
		typ = x;
		if (p->tok == T_LBRACK)
			typ = p_type_instance(p, typ);
	} else if (p->tok == T_LBRACK) {
		lbrack = p->pos;
		p_next(p);
		p->expr_lev++;
		x2 = p_expr(p);
		p->expr_lev--;
		if (N(p, x2)->kind == AST_IDENT && p->tok != T_COMMA &&
		    p->tok != T_RBRACK) {
			/* m[T any](): parsed, then refused */
			(void)p_parameter_list(p, x2, 0, T_RBRACK);
			p_expect(p, T_RBRACK);
			p_error(p, lbrack,
				"interface method must have no type parameters");
			typ = method_sig(p);
			p_push(p, x);
			names = p_list(p, mark);
		} else {
			p_push(p, x2);
			if (p_at_comma(p, "type argument list", T_RBRACK)) {
				p->expr_lev++;
				p_next(p);
				while (p->tok != T_RBRACK && p->tok != T_EOF) {
					p_push(p, p_type(p));
					if (!p_at_comma(p, "type argument list",
							T_RBRACK))
						break;
					p_next(p);
				}
				p->expr_lev--;
			}
			p_expect_closing(p, T_RBRACK, "type argument list");
			typ = p_pack_index(p, x, lbrack, mark);
		}
	} else if (p->tok == T_LPAREN) {
		typ = method_sig(p);
		p_push(p, x);
		names = p_list(p, mark);
	} else {
		typ = x;
	}
	return new_field(p, names, typ, 0);
}

static uint32_t embedded_term(struct parser *p)
{
	uint32_t pos = p->pos, t, n;

	if (p->tok == T_TILDE) {
		p_next(p);
		t = p_type(p);
		n = p_node(p, AST_UNARY_EXPR, pos);
		N(p, n)->op = T_TILDE;
		N(p, n)->a = t;
		p_end(p, n);
		return n;
	}
	t = p_try_type(p);
	if (!t) {
		p_error_expected(p, pos, "~ term or type");
		p_skip_balanced(p);
		t = p_bad(p, AST_BAD_EXPR, pos, p->prev_end);
	}
	return t;
}

uint32_t p_embedded_elem(struct parser *p, uint32_t x)
{
	uint32_t y, n, at;

	if (!x)
		x = embedded_term(p);
	while (p->tok == T_OR) {
		at = p->pos;
		p_next(p);
		y = embedded_term(p);
		n = p_node(p, AST_BINARY_EXPR, N(p, x)->pos);
		N(p, n)->op = T_OR;
		N(p, n)->a = x;
		N(p, n)->b = y;
		N(p, n)->d = at;
		p_end(p, n);
		x = n;
	}
	return x;
}

/* the field f's type becomes a type set if '|' follows */
static void elem_field(struct parser *p, uint32_t f)
{
	uint32_t t = p_embedded_elem(p, N(p, f)->b);

	N(p, f)->b = t;
	N(p, f)->end = N(p, t)->end;
}

static uint32_t interface_type(struct parser *p)
{
	uint32_t pos = p_expect(p, T_INTERFACE), lbrace, f, t, n, fl;
	size_t mark = p->nstk;

	lbrace = p_expect(p, T_LBRACE);
	for (;;) {
		if (p->tok == T_IDENT) {
			f = method_spec(p);
			if (!N(p, f)->a)
				elem_field(p, f);
		} else if (p->tok == T_TILDE) {
			f = new_field(p, 0, p_embedded_elem(p, 0), 0);
		} else if ((t = p_try_type(p))) {
			f = new_field(p, 0, t, 0);
			elem_field(p, f);
		} else {
			break;
		}
		p_expect_semi(p);
		p_push(p, f);
	}
	fl = p_list(p, mark);
	p_expect(p, T_RBRACE);
	fl = p_field_list(p, lbrace, fl);
	n = p_node(p, AST_INTERFACE_TYPE, pos);
	N(p, n)->a = fl;
	p_end(p, n);
	return n;
}

static uint32_t map_type(struct parser *p)
{
	uint32_t pos = p_expect(p, T_MAP), key, value, n;

	p_expect(p, T_LBRACK);
	key = p_type(p);
	p_expect(p, T_RBRACK);
	value = p_type(p);
	n = p_node(p, AST_MAP_TYPE, pos);
	N(p, n)->a = key;
	N(p, n)->b = value;
	p_end(p, n);
	return n;
}

static uint32_t chan_type(struct parser *p)
{
	uint32_t pos = p->pos, arrow = 0, value, n;
	int dir = AST_SEND | AST_RECV;

	if (p->tok == T_CHAN) {
		p_next(p);
		if (p->tok == T_ARROW) {
			arrow = p->pos;
			p_next(p);
			dir = AST_SEND;
		}
	} else {
		arrow = p_expect(p, T_ARROW);
		p_expect(p, T_CHAN);
		dir = AST_RECV;
	}
	value = p_type(p);
	n = p_node(p, AST_CHAN_TYPE, pos);
	N(p, n)->op = (uint8_t)dir;
	N(p, n)->a = value;
	N(p, n)->b = arrow;
	p_end(p, n);
	return n;
}

uint32_t p_type_instance(struct parser *p, uint32_t typ)
{
	uint32_t opening = p_expect(p, T_LBRACK), closing, n;
	size_t mark = p->nstk;

	p->expr_lev++;
	while (p->tok != T_RBRACK && p->tok != T_EOF) {
		p_push(p, p_type(p));
		if (!p_at_comma(p, "type argument list", T_RBRACK))
			break;
		p_next(p);
	}
	p->expr_lev--;
	closing = p_expect_closing(p, T_RBRACK, "type argument list");
	if (p->nstk == mark) {
		p_error_expected(p, closing, "type argument list");
		n = p_node(p, AST_INDEX_EXPR, N(p, typ)->pos);
		N(p, n)->a = typ;
		N(p, n)->b = p_bad(p, AST_BAD_EXPR, opening + 1, closing);
		p_end(p, n);
		return n;
	}
	return p_pack_index(p, typ, opening, mark);
}

uint32_t p_try_type(struct parser *p)
{
	uint32_t t = 0, pos = p->pos, x;

	if (!p_enter(p)) {
		switch (p->tok) {
		case T_IDENT: case T_LBRACK: case T_STRUCT: case T_MUL:
		case T_FUNC: case T_INTERFACE: case T_MAP: case T_CHAN:
		case T_ARROW: case T_LPAREN:
			/* a type, too deep: skipped (a token at least) */
			return p_too_deep(p, AST_BAD_EXPR);
		default:
			return 0;	/* no type: callers loop on that */
		}
	}
	switch (p->tok) {
	case T_IDENT:
		t = p_type_name(p, 0);
		if (p->tok == T_LBRACK)
			t = p_type_instance(p, t);
		break;
	case T_LBRACK:
		p_next(p);
		t = p_array_type(p, pos, 0);
		break;
	case T_STRUCT:
		t = struct_type(p);
		break;
	case T_MUL:
		t = unary_type(p, AST_STAR_EXPR, T_MUL);
		break;
	case T_FUNC:
		t = p_func_type(p);
		break;
	case T_INTERFACE:
		t = interface_type(p);
		break;
	case T_MAP:
		t = map_type(p);
		break;
	case T_CHAN: case T_ARROW:
		t = chan_type(p);
		break;
	case T_LPAREN:
		p_next(p);
		x = p_type(p);
		p_expect(p, T_RPAREN);
		t = p_node(p, AST_PAREN_EXPR, pos);
		N(p, t)->a = x;
		p_end(p, t);
		break;
	}
	p_leave(p);
	return t;
}
