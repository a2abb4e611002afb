/* parse.c - the parser's driver: tokens, errors, recovery, the arena,
 * declarations and the file
 *
 * Owns: parse_file(), the token cursor over lex.h's tokens (mapped to
 * go/token's kinds), error recording, statement-level recovery, the nesting
 * cap, node and list allocation, and the productions for declarations and
 * the source file (go/parser's parseFile, parseDecl, parseGenDecl, the spec
 * parsers, parseFuncDecl).  Not: types (parse_type.c), expressions
 * (parse_expr.c), statements (parse_stmt.c), the tree's API (ast.c).
 */
#include "parse_int.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokens */

/* The go/token kind of an operator token t. */
static int op_tok(const char *s, uint32_t n)
{
	char b = n > 1 ? s[1] : 0;

	switch (s[0]) {
	case '+': return n == 1 ? T_ADD : b == '=' ? T_ADD_ASSIGN : T_INC;
	case '-': return n == 1 ? T_SUB : b == '=' ? T_SUB_ASSIGN : T_DEC;
	case '*': return n == 1 ? T_MUL : T_MUL_ASSIGN;
	case '/': return n == 1 ? T_QUO : T_QUO_ASSIGN;
	case '%': return n == 1 ? T_REM : T_REM_ASSIGN;
	case '&':
		if (n == 1)
			return T_AND;
		if (b == '^')
			return n == 3 ? T_AND_NOT_ASSIGN : T_AND_NOT;
		return b == '=' ? T_AND_ASSIGN : T_LAND;
	case '|': return n == 1 ? T_OR : b == '=' ? T_OR_ASSIGN : T_LOR;
	case '^': return n == 1 ? T_XOR : T_XOR_ASSIGN;
	case '<':
		if (n == 1)
			return T_LSS;
		if (b == '<')
			return n == 3 ? T_SHL_ASSIGN : T_SHL;
		return b == '=' ? T_LEQ : T_ARROW;
	case '>':
		if (n == 1)
			return T_GTR;
		if (b == '>')
			return n == 3 ? T_SHR_ASSIGN : T_SHR;
		return T_GEQ;
	case '=': return n == 1 ? T_ASSIGN : T_EQL;
	case '!': return n == 1 ? T_NOT : T_NEQ;
	case ':': return n == 1 ? T_COLON : T_DEFINE;
	case '.': return n == 1 ? T_PERIOD : T_ELLIPSIS;
	case '(': return T_LPAREN;
	case ')': return T_RPAREN;
	case '[': return T_LBRACK;
	case ']': return T_RBRACK;
	case '{': return T_LBRACE;
	case '}': return T_RBRACE;
	case ',': return T_COMMA;
	case ';': return T_SEMICOLON;
	case '~': return T_TILDE;
	default: return T_ILLEGAL;
	}
}

/* Is the literal s[0..n) (a string or a rune) closed?  The lexer ends an
 * unterminated one at the line's end or EOF, quietly. */
static int lit_closed(const char *s, uint32_t n)
{
	uint32_t i, k = 0;

	if (n < 2 || s[n - 1] != s[0])
		return 0;
	if (s[0] == '`')
		return 1;
	/* a quote after an odd run of backslashes is escaped: no end */
	for (i = n - 2; i > 0 && s[i] == '\\'; i--)
		k++;
	return !(k & 1);
}

/* The parser's token for each lexer kind but LEX_OP. */
static const unsigned char kind_tok[] = {
	[LEX_EOF] = T_EOF, [LEX_IDENT] = T_IDENT, [LEX_INT] = T_INT,
	[LEX_FLOAT] = T_FLOAT, [LEX_IMAG] = T_IMAG, [LEX_CHAR] = T_CHAR,
	[LEX_STRING] = T_STRING, [LEX_OP] = T_ILLEGAL,
	[LEX_SEMI] = T_SEMICOLON, [LEX_ILLEGAL] = T_ILLEGAL,
	[LEX_BREAK] = T_BREAK, [LEX_CASE] = T_CASE, [LEX_CHAN] = T_CHAN,
	[LEX_CONST] = T_CONST, [LEX_CONTINUE] = T_CONTINUE,
	[LEX_DEFAULT] = T_DEFAULT, [LEX_DEFER] = T_DEFER,
	[LEX_ELSE] = T_ELSE, [LEX_FALLTHROUGH] = T_FALLTHROUGH,
	[LEX_FOR] = T_FOR, [LEX_FUNC] = T_FUNC, [LEX_GO] = T_GO,
	[LEX_GOTO] = T_GOTO, [LEX_IF] = T_IF, [LEX_IMPORT] = T_IMPORT,
	[LEX_INTERFACE] = T_INTERFACE, [LEX_MAP] = T_MAP,
	[LEX_PACKAGE] = T_PACKAGE, [LEX_RANGE] = T_RANGE,
	[LEX_RETURN] = T_RETURN, [LEX_SELECT] = T_SELECT,
	[LEX_STRUCT] = T_STRUCT, [LEX_SWITCH] = T_SWITCH,
	[LEX_TYPE] = T_TYPE, [LEX_VAR] = T_VAR,
};

/* The token of each one-byte operator (0: T_ILLEGAL). */
static const unsigned char op1[256] = {
	['+'] = T_ADD, ['-'] = T_SUB, ['*'] = T_MUL, ['/'] = T_QUO,
	['%'] = T_REM, ['&'] = T_AND, ['|'] = T_OR, ['^'] = T_XOR,
	['<'] = T_LSS, ['>'] = T_GTR, ['='] = T_ASSIGN, ['!'] = T_NOT,
	[':'] = T_COLON, ['.'] = T_PERIOD, ['('] = T_LPAREN,
	[')'] = T_RPAREN, ['['] = T_LBRACK, [']'] = T_RBRACK,
	['{'] = T_LBRACE, ['}'] = T_RBRACE, [','] = T_COMMA,
	[';'] = T_SEMICOLON, ['~'] = T_TILDE,
};

/* The parser's token of each lexer token, in p->tk, computed once before
 * parsing (p_next() only reads it); the literals that the lexer left open
 * and illegal characters are reported here. */
static void classify(struct parser *p)
{
	size_t i;

	p->tk = xmalloc(p->ntok ? p->ntok : 1);
	for (i = 0; i < p->ntok; i++) {
		const struct token *t = &p->toks[i];

		if (t->kind == LEX_OP) {
			p->tk[i] = t->len == 1 ? op1[t->op] :
				   (unsigned char)op_tok(p->src + t->off,
							 t->len);
			continue;
		}
		p->tk[i] = t->kind < sizeof(kind_tok) ? kind_tok[t->kind] :
			   T_ILLEGAL;
		if ((t->kind == LEX_CHAR || t->kind == LEX_STRING) &&
		    !lit_closed(p->src + t->off, t->len))
			p_error(p, t->off, t->kind == LEX_CHAR ?
				"rune literal not terminated" :
				"string literal not terminated");
		else if (t->kind == LEX_ILLEGAL)
			p_error(p, t->off, "illegal character");
	}
	p->last_err_line = 0;	/* the parser's errors are not the same */
}

/* ---- errors */

static void add_error(struct parser *p, uint32_t off, const char *msg)
{
	struct ast *a = p->a;
	uint32_t line = lex_line(&a->lx, off);
	size_t n = strlen(msg);

	/* as go/parser: one error a line, the rest are likely spurious */
	if (a->nerrs_total && line == p->last_err_line)
		return;
	p->last_err_line = line;
	a->nerrs_total++;
	if (a->nerrs >= PARSE_MAX_ERRORS)
		return;
	ARRAY_GROW(a->errs, a->nerrs + 1, a->aerrs);
	ARRAY_GROW(a->msgs, a->nmsgs + n + 1, a->amsgs);
	a->errs[a->nerrs].off = off;
	a->errs[a->nerrs].msg = (uint32_t)a->nmsgs;
	a->nerrs++;
	memcpy(a->msgs + a->nmsgs, msg, n + 1);
	a->nmsgs += n + 1;
}

void p_error(struct parser *p, uint32_t off, const char *msg)
{
	add_error(p, off, msg);
}

void p_error_expected(struct parser *p, uint32_t off, const char *what)
{
	char msg[160];
	const struct token *t = &p->toks[p->i];

	if (off != p->pos) {
		snprintf(msg, sizeof(msg), "expected %s", what);
	} else if (p->tok == T_SEMICOLON && p_implicit(p)) {
		snprintf(msg, sizeof(msg), "expected %s, found newline", what);
	} else if (p->tok >= T_IDENT && p->tok <= T_STRING) {
		char lit[41];
		uint32_t i, n = t->len < 40 ? t->len : 40;

		/* one line whatever the literal holds */
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)p->src[t->off + i];

			lit[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
		}
		lit[n] = 0;
		snprintf(msg, sizeof(msg), "expected %s, found %s%s", what, lit,
			 t->len > 40 ? "..." : "");
	} else {
		snprintf(msg, sizeof(msg), "expected %s, found '%s'", what,
			 p->tok == T_EOF ? "EOF" : ast_tok_text(p->tok));
	}
	add_error(p, off, msg);
}

uint32_t p_expect_other(struct parser *p, int tok)
{
	uint32_t pos = p->pos;
	char what[24];

	snprintf(what, sizeof(what), "'%s'", ast_tok_text(tok));
	p_error_expected(p, pos, what);
	/* go/parser takes the token anyway (progress); a closing bracket
	 * likely ends an enclosing construct: leave it (the loops make
	 * progress by themselves) */
	if (p->tok == T_RPAREN || p->tok == T_RBRACK || p->tok == T_RBRACE)
		return pos;
	p_next(p);
	return pos;
}

uint32_t p_expect_closing(struct parser *p, int tok, const char *context)
{
	char msg[96];

	if (p->tok != tok && p->tok == T_SEMICOLON && p_implicit(p)) {
		snprintf(msg, sizeof(msg), "missing ',' before newline in %s",
			 context);
		p_error(p, p->pos, msg);
		p_next(p);
	}
	return p_expect(p, tok);
}

void p_expect_semi(struct parser *p)
{
	if (p->tok == T_RPAREN || p->tok == T_RBRACE)
		return;	/* optional before a closing ')' or '}' */
	switch (p->tok) {
	case T_COMMA:
		p_error_expected(p, p->pos, "';'");
		/* FALLTHROUGH */
	case T_SEMICOLON:
		p_next(p);
		break;
	default:
		p_error_expected(p, p->pos, "';'");
		p_skip_stmt(p);
		break;
	}
}

int p_at_comma(struct parser *p, const char *context, int follow)
{
	char msg[96];

	if (p->tok == T_COMMA)
		return 1;
	if (p->tok != follow) {
		snprintf(msg, sizeof(msg), "missing ','%s in %s",
			 p->tok == T_SEMICOLON && p_implicit(p) ?
			 " before newline" : "", context);
		p_error(p, p->pos, msg);
		/* "insert" a comma and go on, unless the list is over: at
		 * another closing bracket or EOF (ours, not go/parser's) */
		return p->tok != T_RPAREN && p->tok != T_RBRACK &&
		       p->tok != T_RBRACE && p->tok != T_EOF;
	}
	return 0;
}

/* ---- recovery */

static int is_open(int tok)
{
	return tok == T_LPAREN || tok == T_LBRACK || tok == T_LBRACE;
}

static int is_close(int tok)
{
	return tok == T_RPAREN || tok == T_RBRACK || tok == T_RBRACE;
}

void p_skip_stmt(struct parser *p)
{
	long depth = 0;
	size_t start = p->i;

	for (; p->tok != T_EOF; p_next(p)) {
		if (is_open(p->tok)) {
			depth++;
		} else if (is_close(p->tok)) {
			if (depth > 0)
				depth--;
			else if (p->tok == T_RBRACE)
				return;	/* the enclosing block's end */
			/* a stray ')' or ']': skip it */
		} else if (depth == 0 && p->tok == T_SEMICOLON) {
			p_next(p);
			return;
		} else if (depth == 0 && p->i != start &&
			   (p->tok == T_CASE || p->tok == T_DEFAULT)) {
			return;
		}
	}
}

void p_skip_balanced(struct parser *p)
{
	long depth = 0;

	for (; p->tok != T_EOF; p_next(p)) {
		if (is_open(p->tok)) {
			depth++;
		} else if (is_close(p->tok)) {
			if (depth == 0)
				return;
			if (--depth == 0) {
				p_next(p);
				if (!is_open(p->tok))
					return;
			}
		} else if (depth == 0 && (p->tok == T_COMMA ||
					  p->tok == T_SEMICOLON ||
					  p->tok == T_COLON)) {
			return;
		}
	}
}

uint32_t p_too_deep(struct parser *p, int kind)
{
	uint32_t from = p->pos;

	p_error(p, from, "exceeded max nesting depth");
	if (kind == AST_BAD_STMT)
		p_skip_stmt(p);
	else
		p_skip_balanced(p);
	return p_bad(p, kind, from, p->prev_end);
}

/* ---- nodes and lists */

uint32_t p_grow_nodes(struct parser *p)
{
	struct ast *a = p->a;

	/* fewer nodes than 2 a token, tokens fewer than bytes: no overflow
	 * for files below 1 GiB (callers bound sizes well below) */
	a->anodes *= 2;
	a->nodes = xrealloc(a->nodes, (size_t)a->anodes * sizeof(*a->nodes));
	return a->anodes;
}

void p_grow_stk(struct parser *p)
{
	p->astk = p->astk ? p->astk * 2 : 256;
	p->stk = xrealloc(p->stk, p->astk * sizeof(*p->stk));
}

void p_grow_lists(struct parser *p, size_t n)
{
	struct ast *a = p->a;

	while (a->nlists + n + 1 > a->alists)
		a->alists *= 2;
	a->lists = xrealloc(a->lists, a->alists * sizeof(*a->lists));
}

uint32_t p_bad(struct parser *p, int kind, uint32_t from, uint32_t to)
{
	uint32_t n = p_node(p, kind, from);

	N(p, n)->end = to > from ? to : from;
	return n;
}

/* ---- declarations */

static uint32_t import_spec(struct parser *p)
{
	uint32_t s = p_node(p, AST_IMPORT_SPEC, p->pos), name = 0, path;

	if (p->tok == T_PERIOD) {
		name = p_node(p, AST_IDENT, p->pos);
		N(p, name)->b = (uint32_t)p->i;
		N(p, name)->a = (uint32_t)lex_hash(".", 1);
		p_next(p);
		p_end(p, name);
	} else if (p->tok == T_IDENT) {
		name = p_ident(p);
	}
	path = p_node(p, AST_BASIC_LIT, p->pos);
	N(p, path)->op = T_STRING;
	N(p, path)->a = (uint32_t)p->i;
	if (p->tok == T_STRING) {
		const struct token *t = &p->toks[p->i];

		if (t->len <= 2)
			p_error(p, p->pos, "invalid import path: empty");
		p_next(p);
	} else {
		p_expect(p, T_STRING);
	}
	p_end(p, path);
	N(p, s)->pos = name ? N(p, name)->pos : N(p, path)->pos;
	N(p, s)->a = name;
	N(p, s)->b = path;
	p_end(p, s);
	p_expect_semi(p);
	return s;
}

static uint32_t value_spec(struct parser *p, int keyword, int iota)
{
	uint32_t s = p_node(p, AST_VALUE_SPEC, p->pos), typ, values = 0;
	uint32_t pos = p->pos;
	size_t mark = p->nstk;

	p_push(p, p_ident(p));
	while (p->tok == T_COMMA) {
		p_next(p);
		p_push(p, p_ident(p));
	}
	N(p, s)->a = p_list(p, mark);
	typ = p_try_type(p);
	if (p->tok == T_ASSIGN) {
		p_next(p);
		values = p_list_rhs(p, 1);
	}
	p_end(p, s);
	p_expect_semi(p);
	if (keyword == T_VAR && !typ && !values)
		p_error(p, pos, "missing variable type or initialization");
	if (keyword == T_CONST && !values && (iota == 0 || typ))
		p_error(p, pos, "missing constant value");
	N(p, s)->op = (uint8_t)keyword;
	N(p, s)->b = typ;
	N(p, s)->c = values;
	return s;
}

/* go/parser's isTypeElem: a type element that is no value expression. */
static int is_type_elem(struct parser *p, uint32_t x)
{
	const struct ast_node *n = N(p, x);

	switch (n->kind) {
	case AST_ARRAY_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE:
	case AST_INTERFACE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE:
		return 1;
	case AST_BINARY_EXPR:
		return is_type_elem(p, n->a) || is_type_elem(p, n->b);
	case AST_UNARY_EXPR:
		return n->op == T_TILDE;
	case AST_PAREN_EXPR:
		return is_type_elem(p, n->a);
	default:
		return 0;
	}
}

/* go/parser's extractName: splits x into a name and a type element when
 * x reads "name expr"; *name is 0 when it does not. */
static uint32_t extract_name(struct parser *p, uint32_t x, int force,
			     uint32_t *name)
{
	const struct ast_node *n = N(p, x);
	uint32_t lhs, op;

	*name = 0;
	switch (n->kind) {
	case AST_IDENT:
		*name = x;
		return 0;
	case AST_BINARY_EXPR:
		if (n->op == T_MUL && N(p, n->a)->kind == AST_IDENT &&
		    (force || is_type_elem(p, n->b))) {
			uint32_t star, nm = n->a, y = n->b, at = n->d;

			star = p_node(p, AST_STAR_EXPR, at);
			N(p, star)->a = y;
			N(p, star)->end = N(p, y)->end;
			*name = nm;
			return star;
		}
		if (n->op == T_OR) {
			int f = force || is_type_elem(p, n->b);

			lhs = extract_name(p, N(p, x)->a, f, name);
			if (*name && lhs) {
				op = p_node(p, AST_BINARY_EXPR, 0);
				*N(p, op) = *N(p, x);
				N(p, op)->a = lhs;
				N(p, op)->pos = N(p, lhs)->pos;
				return op;
			}
			*name = 0;
		}
		break;
	case AST_CALL_EXPR:
		if (N(p, n->a)->kind == AST_IDENT && n->b &&
		    ast_list_len(p->a, n->b) == 1 &&
		    !(n->flags & AST_F_ELLIPSIS)) {
			uint32_t arg = ast_list(p->a, n->b)[0];

			if (force || is_type_elem(p, arg)) {
				*name = n->a;
				return arg;
			}
		}
		break;
	}
	return x;
}

static uint32_t type_spec(struct parser *p)
{
	uint32_t s = p_node(p, AST_TYPE_SPEC, p->pos), name, x, pname, ptype;
	uint32_t lbrack, typ = 0, tparams = 0;

	name = p_ident(p);
	if (p->tok == T_LBRACK) {
		lbrack = p->pos;
		p_next(p);
		if (p->tok == T_IDENT) {
			/* an array length or a type parameter list: parse an
			 * expression and look at it (go/parser's dance) */
			x = p_ident(p);
			if (p->tok != T_LBRACK) {
				p->expr_lev++;
				x = p_primary(p, x);
				x = p_binary(p, x, 1, 0);
				p->expr_lev--;
			}
			ptype = extract_name(p, x, p->tok == T_COMMA, &pname);
			if (pname && (ptype || p->tok != T_RBRACK)) {
				uint32_t list = p_parameter_list(p, pname, ptype,
								 T_RBRACK);

				p_expect(p, T_RBRACK);
				tparams = p_field_list(p, lbrack, list);
				if (p->tok == T_ASSIGN) {
					N(p, s)->flags |= AST_F_ALIAS;
					p_next(p);
				}
				typ = p_type(p);
			} else {
				typ = p_array_type(p, lbrack, x);
			}
		} else {
			typ = p_array_type(p, lbrack, 0);
		}
	} else {
		if (p->tok == T_ASSIGN) {
			N(p, s)->flags |= AST_F_ALIAS;
			p_next(p);
		}
		typ = p_type(p);
	}
	N(p, s)->a = name;
	N(p, s)->b = tparams;
	N(p, s)->c = typ;
	p_end(p, s);
	p_expect_semi(p);
	return s;
}

static uint32_t gen_decl(struct parser *p, int keyword)
{
	uint32_t d = p_node(p, AST_GEN_DECL, p->pos);
	size_t mark = p->nstk;
	int iota;

	N(p, d)->op = (uint8_t)keyword;
	p_expect(p, keyword);
	if (p->tok == T_LPAREN) {
		N(p, d)->flags |= AST_F_PARENS;
		p_next(p);
		for (iota = 0; p->tok != T_RPAREN && p->tok != T_EOF; iota++) {
			size_t at = p->i;

			p_push(p, keyword == T_IMPORT ? import_spec(p) :
				  keyword == T_TYPE ? type_spec(p) :
				  value_spec(p, keyword, iota));
			if (p->i == at)	/* never: a spec takes a token */
				p_next(p);
		}
		p_expect(p, T_RPAREN);
		N(p, d)->a = p_list(p, mark);
		p_end(p, d);
		p_expect_semi(p);
	} else {
		uint32_t s = keyword == T_IMPORT ? import_spec(p) :
			     keyword == T_TYPE ? type_spec(p) :
			     value_spec(p, keyword, 0);

		p_push(p, s);
		N(p, d)->a = p_list(p, mark);
		N(p, d)->end = N(p, s)->end;	/* not the ';' */
	}
	return d;
}

static uint32_t func_decl(struct parser *p)
{
	uint32_t d = p_node(p, AST_FUNC_DECL, p->pos), pos = p->pos;
	uint32_t recv = 0, name, tparams, params, results, typ, body = 0;

	p_expect(p, T_FUNC);
	if (p->tok == T_LPAREN)
		p_parameters(p, 0, NULL, &recv);
	name = p_ident(p);
	p_parameters(p, 1, &tparams, &params);
	if (recv && tparams) {
		p_error(p, N(p, tparams)->pos,
			"method must have no type parameters");
		tparams = 0;
	}
	results = p_result(p);
	typ = p_node(p, AST_FUNC_TYPE, pos);
	N(p, typ)->a = tparams;
	N(p, typ)->b = params;
	N(p, typ)->c = results;
	p_end(p, typ);
	switch (p->tok) {
	case T_LBRACE:
		body = p_body(p);
		p_end(p, d);
		p_expect_semi(p);
		break;
	case T_SEMICOLON:
		p_end(p, d);
		p_next(p);
		if (p->tok == T_LBRACE) {
			p_error(p, p->pos,
				"unexpected semicolon or newline before {");
			body = p_body(p);
			p_end(p, d);
			p_expect_semi(p);
		}
		break;
	default:
		p_end(p, d);
		p_expect_semi(p);
		break;
	}
	N(p, d)->a = recv;
	N(p, d)->b = name;
	N(p, d)->c = typ;
	N(p, d)->d = body;
	return d;
}

uint32_t p_decl(struct parser *p, int in_func)
{
	uint32_t pos = p->pos;

	switch (p->tok) {
	case T_CONST: case T_VAR: case T_TYPE:
		return gen_decl(p, p->tok);
	case T_FUNC:
		if (!in_func)
			return func_decl(p);
		break;
	default:
		break;
	}
	p_error_expected(p, pos, "declaration");
	/* skip to the next declaration keyword, at least one token */
	do {
		p_skip_stmt(p);
		if (p->tok == T_RBRACE)
			p_next(p);
	} while (p->tok != T_EOF && p->tok != T_FUNC && p->tok != T_VAR &&
		 p->tok != T_CONST && p->tok != T_TYPE && p->tok != T_IMPORT);
	return p_bad(p, AST_BAD_DECL, pos, p->prev_end);
}

static void check_comments(struct parser *p)
{
	const struct lexed *lx = &p->a->lx;
	size_t i;

	for (i = 0; i < lx->ncom; i++) {
		const struct comment *c = &lx->com[i];
		const char *s = p->src + c->off;

		if (s[1] == '*' && (c->len < 4 || s[c->len - 1] != '/' ||
				    s[c->len - 2] != '*'))
			p_error(p, c->off, "comment not terminated");
	}
}

static void parse_source(struct parser *p)
{
	uint32_t f = p_node(p, AST_FILE, p->pos), name;
	size_t mark, at;

	p->a->file = f;
	check_comments(p);
	N(p, f)->pos = p->pos;
	p_expect(p, T_PACKAGE);
	name = p_ident(p);
	N(p, f)->a = name;
	p_expect_semi(p);
	mark = p->nstk;
	while (p->tok == T_IMPORT)
		p_push(p, gen_decl(p, T_IMPORT));
	while (p->tok != T_EOF) {
		at = p->i;
		p_push(p, p_decl(p, 0));
		if (p->i == at)
			p_next(p);
	}
	/* go/ast's End(): the last declaration's, or the name's */
	N(p, f)->end = p->nstk > mark ? N(p, p->stk[p->nstk - 1])->end :
				       N(p, name)->end;
	N(p, f)->b = p_list(p, mark);
}

/* Where the hexadecimal number token t must end (a 'e' or 'E' before '+'
 * or '-' is a digit there, not an exponent: 0x7E+1 is 0x7E + 1), or 0 if
 * it is whole.  lex.c takes the sign into the number; scan.c relies on its
 * tokens as they are, so the parser splits them. */
static uint32_t hex_cut(const char *src, const struct token *t)
{
	const char *s = src + t->off;
	uint32_t j;

	if ((t->kind != LEX_INT && t->kind != LEX_FLOAT &&
	     t->kind != LEX_IMAG) || t->len < 4 || s[0] != '0' ||
	    (s[1] != 'x' && s[1] != 'X'))
		return 0;
	for (j = 3; j < t->len; j++)
		if ((s[j] == '+' || s[j] == '-') &&
		    (s[j - 1] == 'e' || s[j - 1] == 'E'))
			return j;
	return 0;
}

/* Splits the hexadecimal numbers hex_cut() finds into number, sign and
 * the tokens of the rest. */
static void split_hex(struct lexed *lx, const char *src)
{
	struct token *out = NULL;
	size_t i, n = 0, alloc = 0, k;
	uint32_t j;
	int again = lx->num_sign;	/* hex_cut() needs a sign */

	while (again) {
		again = 0;
		for (i = 0; i < lx->ntok; i++)	/* numbers only: a cheap test */
			if (lx->tok[i].kind >= LEX_INT &&
			    lx->tok[i].kind <= LEX_IMAG &&
			    hex_cut(src, &lx->tok[i]))
				break;
		if (i == lx->ntok)
			return;
		n = 0;
		for (i = 0; i < lx->ntok; i++) {
			struct token t = lx->tok[i];
			struct lexed rest = { 0 };

			ARRAY_GROW(out, n + 2, alloc);
			if (!(j = hex_cut(src, &t))) {
				out[n++] = t;
				continue;
			}
			out[n] = t;
			out[n].len = j;
			out[n++].kind = LEX_INT;
			out[n] = t;
			out[n].off = t.off + j;
			out[n].len = 1;
			out[n].kind = LEX_OP;
			out[n++].op = (uint8_t)src[t.off + j];
			lex_file(&rest, src + t.off + j + 1, t.len - j - 1);
			for (k = 0; k < rest.ntok; k++) {
				struct token r = rest.tok[k];

				if (r.kind == LEX_EOF || !r.len)
					continue;
				r.off += t.off + j + 1;
				ARRAY_GROW(out, n + 1, alloc);
				out[n++] = r;
				again = 1;
			}
			lex_release(&rest);
		}
		free(lx->tok);
		lx->tok = out;
		lx->ntok = n;
		lx->atok = alloc;
		out = NULL;
		alloc = 0;
	}
}

struct ast *parse_file(const char *src, size_t len)
{
	return parse_file_ex(src, len, 0);
}

struct ast *parse_file_ex(const char *src, size_t len, int flags)
{
	struct ast *a = xcalloc(1, sizeof(*a));
	struct parser p;

	memset(&p, 0, sizeof(p));
	a->src = src;
	a->len = len;
	lex_file_ex(&a->lx, src, len, flags & PARSE_SKIP_BODIES
				      ? LEX_SKIP_BODIES : 0);
	split_hex(&a->lx, src);
	/* Go averages 0.76 nodes and 0.6 list words a token: one guess,
	 * rarely a realloc */
	a->anodes = (uint32_t)(a->lx.ntok - a->lx.ntok / 5 + 16);
	a->nodes = xmalloc(a->anodes * sizeof(*a->nodes));
	memset(&a->nodes[0], 0, sizeof(a->nodes[0]));
	a->nnodes = 1;
	a->alists = (uint32_t)(a->lx.ntok - a->lx.ntok / 3 + 16);
	a->lists = xmalloc(a->alists * sizeof(*a->lists));
	a->lists[0] = 0;
	a->nlists = 1;
	p.a = a;
	p.src = src;
	p.toks = a->lx.tok;
	p.ntok = a->lx.ntok;
	classify(&p);
	p.i = 0;
	p.pos = p.toks[0].off;
	p.tok = p.tk[0];
	parse_source(&p);
	free(p.stk);
	free(p.tk);
	return a;
}

const char *ast_error_msg(const struct ast *a, uint32_t i)
{
	return i < a->nerrs ? a->msgs + a->errs[i].msg : NULL;
}
