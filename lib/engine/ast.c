/* ast.c - the syntax tree's read API (see ast.h)
 *
 * Owns: kind and token names, the slot shapes of each kind, the child
 * iterator and the walk, positions, identifier text, freeing.  Not: building trees
 * (parse*.c), printing them (astdump.c).
 */
#include "engine/ast.h"
#include "util/util.h"

#include <stdlib.h>

static const char *const kind_names[AST_NKINDS] = {
	[AST_NONE] = "None", [AST_FILE] = "File",
	[AST_BAD_EXPR] = "BadExpr", [AST_IDENT] = "Ident",
	[AST_BASIC_LIT] = "BasicLit", [AST_ELLIPSIS] = "Ellipsis",
	[AST_FUNC_LIT] = "FuncLit", [AST_COMPOSITE_LIT] = "CompositeLit",
	[AST_PAREN_EXPR] = "ParenExpr", [AST_SELECTOR_EXPR] = "SelectorExpr",
	[AST_INDEX_EXPR] = "IndexExpr",
	[AST_INDEX_LIST_EXPR] = "IndexListExpr",
	[AST_SLICE_EXPR] = "SliceExpr",
	[AST_TYPE_ASSERT_EXPR] = "TypeAssertExpr",
	[AST_CALL_EXPR] = "CallExpr", [AST_STAR_EXPR] = "StarExpr",
	[AST_UNARY_EXPR] = "UnaryExpr", [AST_BINARY_EXPR] = "BinaryExpr",
	[AST_KEY_VALUE_EXPR] = "KeyValueExpr",
	[AST_ARRAY_TYPE] = "ArrayType", [AST_STRUCT_TYPE] = "StructType",
	[AST_FUNC_TYPE] = "FuncType", [AST_INTERFACE_TYPE] = "InterfaceType",
	[AST_MAP_TYPE] = "MapType", [AST_CHAN_TYPE] = "ChanType",
	[AST_FIELD_LIST] = "FieldList", [AST_FIELD] = "Field",
	[AST_BAD_STMT] = "BadStmt", [AST_DECL_STMT] = "DeclStmt",
	[AST_EMPTY_STMT] = "EmptyStmt", [AST_LABELED_STMT] = "LabeledStmt",
	[AST_EXPR_STMT] = "ExprStmt", [AST_SEND_STMT] = "SendStmt",
	[AST_INC_DEC_STMT] = "IncDecStmt", [AST_ASSIGN_STMT] = "AssignStmt",
	[AST_GO_STMT] = "GoStmt", [AST_DEFER_STMT] = "DeferStmt",
	[AST_RETURN_STMT] = "ReturnStmt", [AST_BRANCH_STMT] = "BranchStmt",
	[AST_BLOCK_STMT] = "BlockStmt", [AST_IF_STMT] = "IfStmt",
	[AST_CASE_CLAUSE] = "CaseClause", [AST_SWITCH_STMT] = "SwitchStmt",
	[AST_TYPE_SWITCH_STMT] = "TypeSwitchStmt",
	[AST_COMM_CLAUSE] = "CommClause", [AST_SELECT_STMT] = "SelectStmt",
	[AST_FOR_STMT] = "ForStmt", [AST_RANGE_STMT] = "RangeStmt",
	[AST_IMPORT_SPEC] = "ImportSpec", [AST_VALUE_SPEC] = "ValueSpec",
	[AST_TYPE_SPEC] = "TypeSpec", [AST_BAD_DECL] = "BadDecl",
	[AST_GEN_DECL] = "GenDecl", [AST_FUNC_DECL] = "FuncDecl",
};

static const char *const tok_text[T_NTOKS] = {
	[T_ILLEGAL] = "ILLEGAL", [T_EOF] = "EOF", [T_IDENT] = "IDENT",
	[T_INT] = "INT", [T_FLOAT] = "FLOAT", [T_IMAG] = "IMAG",
	[T_CHAR] = "CHAR", [T_STRING] = "STRING",
	[T_ADD] = "+", [T_SUB] = "-", [T_MUL] = "*", [T_QUO] = "/",
	[T_REM] = "%", [T_AND] = "&", [T_OR] = "|", [T_XOR] = "^",
	[T_SHL] = "<<", [T_SHR] = ">>", [T_AND_NOT] = "&^",
	[T_ADD_ASSIGN] = "+=", [T_SUB_ASSIGN] = "-=", [T_MUL_ASSIGN] = "*=",
	[T_QUO_ASSIGN] = "/=", [T_REM_ASSIGN] = "%=", [T_AND_ASSIGN] = "&=",
	[T_OR_ASSIGN] = "|=", [T_XOR_ASSIGN] = "^=", [T_SHL_ASSIGN] = "<<=",
	[T_SHR_ASSIGN] = ">>=", [T_AND_NOT_ASSIGN] = "&^=",
	[T_LAND] = "&&", [T_LOR] = "||", [T_ARROW] = "<-", [T_INC] = "++",
	[T_DEC] = "--", [T_EQL] = "==", [T_LSS] = "<", [T_GTR] = ">",
	[T_ASSIGN] = "=", [T_NOT] = "!", [T_NEQ] = "!=", [T_LEQ] = "<=",
	[T_GEQ] = ">=", [T_DEFINE] = ":=", [T_ELLIPSIS] = "...",
	[T_LPAREN] = "(", [T_LBRACK] = "[", [T_LBRACE] = "{", [T_COMMA] = ",",
	[T_PERIOD] = ".", [T_RPAREN] = ")", [T_RBRACK] = "]", [T_RBRACE] = "}",
	[T_SEMICOLON] = ";", [T_COLON] = ":", [T_TILDE] = "~",
	[T_BREAK] = "break", [T_CASE] = "case", [T_CHAN] = "chan",
	[T_CONST] = "const", [T_CONTINUE] = "continue",
	[T_DEFAULT] = "default", [T_DEFER] = "defer", [T_ELSE] = "else",
	[T_FALLTHROUGH] = "fallthrough", [T_FOR] = "for", [T_FUNC] = "func",
	[T_GO] = "go", [T_GOTO] = "goto", [T_IF] = "if",
	[T_IMPORT] = "import", [T_INTERFACE] = "interface", [T_MAP] = "map",
	[T_PACKAGE] = "package", [T_RANGE] = "range", [T_RETURN] = "return",
	[T_SELECT] = "select", [T_STRUCT] = "struct", [T_SWITCH] = "switch",
	[T_TYPE] = "type", [T_VAR] = "var",
};

#define NO AST_SLOT_NONE
#define ND AST_SLOT_NODE
#define LS AST_SLOT_LIST
static const unsigned char shapes[AST_NKINDS][4] = {
	[AST_FILE] = { ND, LS },
	[AST_ELLIPSIS] = { ND },
	[AST_FUNC_LIT] = { ND, ND },
	[AST_COMPOSITE_LIT] = { ND, LS },
	[AST_PAREN_EXPR] = { ND },
	[AST_SELECTOR_EXPR] = { ND, ND },
	[AST_INDEX_EXPR] = { ND, ND },
	[AST_INDEX_LIST_EXPR] = { ND, LS },
	[AST_SLICE_EXPR] = { ND, ND, ND, ND },
	[AST_TYPE_ASSERT_EXPR] = { ND, ND },
	[AST_CALL_EXPR] = { ND, LS },
	[AST_STAR_EXPR] = { ND },
	[AST_UNARY_EXPR] = { ND },
	[AST_BINARY_EXPR] = { ND, ND },
	[AST_KEY_VALUE_EXPR] = { ND, ND },
	[AST_ARRAY_TYPE] = { ND, ND },
	[AST_STRUCT_TYPE] = { ND },
	[AST_FUNC_TYPE] = { ND, ND, ND },
	[AST_INTERFACE_TYPE] = { ND },
	[AST_MAP_TYPE] = { ND, ND },
	[AST_CHAN_TYPE] = { ND },
	[AST_FIELD_LIST] = { LS },
	[AST_FIELD] = { LS, ND, ND },
	[AST_DECL_STMT] = { ND },
	[AST_LABELED_STMT] = { ND, ND },
	[AST_EXPR_STMT] = { ND },
	[AST_SEND_STMT] = { ND, ND },
	[AST_INC_DEC_STMT] = { ND },
	[AST_ASSIGN_STMT] = { LS, LS },
	[AST_GO_STMT] = { ND },
	[AST_DEFER_STMT] = { ND },
	[AST_RETURN_STMT] = { LS },
	[AST_BRANCH_STMT] = { ND },
	[AST_BLOCK_STMT] = { LS },
	[AST_IF_STMT] = { ND, ND, ND, ND },
	[AST_CASE_CLAUSE] = { LS, LS },
	[AST_SWITCH_STMT] = { ND, ND, ND },
	[AST_TYPE_SWITCH_STMT] = { ND, ND, ND },
	[AST_COMM_CLAUSE] = { ND, LS },
	[AST_SELECT_STMT] = { ND },
	[AST_FOR_STMT] = { ND, ND, ND, ND },
	[AST_RANGE_STMT] = { ND, ND, ND, ND },
	[AST_IMPORT_SPEC] = { ND, ND },
	[AST_VALUE_SPEC] = { LS, ND, LS },
	[AST_TYPE_SPEC] = { ND, ND, ND },
	[AST_GEN_DECL] = { LS },
	[AST_FUNC_DECL] = { ND, ND, ND, ND },
};
#undef NO
#undef ND
#undef LS

int ast_shape(int kind, int slot)
{
	if (kind <= 0 || kind >= AST_NKINDS || slot < 0 || slot > 3)
		return AST_SLOT_NONE;
	return shapes[kind][slot];
}

const char *ast_kind_name(int kind)
{
	return kind >= 0 && kind < AST_NKINDS && kind_names[kind] ?
	       kind_names[kind] : "?";
}

const char *ast_tok_text(int tok)
{
	return tok >= 0 && tok < T_NTOKS && tok_text[tok] ? tok_text[tok] :
	       "?";
}

void ast_iter_init(struct ast_iter *it, const struct ast *a, uint32_t n)
{
	it->a = a;
	it->node = n;
	it->slot = 0;
	it->i = 0;
}

uint32_t ast_iter_next(struct ast_iter *it)
{
	const struct ast_node *n = &it->a->nodes[it->node];
	uint32_t v;

	for (; it->slot < 4; it->slot++, it->i = 0) {
		int shape = shapes[n->kind][it->slot];

		v = it->slot == 0 ? n->a : it->slot == 1 ? n->b :
		    it->slot == 2 ? n->c : n->d;
		if (!v || shape == AST_SLOT_NONE)
			continue;
		if (shape == AST_SLOT_NODE) {
			if (it->i++ == 0)
				return v;
			continue;
		}
		if (it->i < it->a->lists[v])
			return it->a->lists[v + 1 + it->i++];
	}
	return 0;
}

void ast_walk(const struct ast *a, uint32_t n, ast_pre_fn pre,
	      ast_post_fn post, void *ctx)
{
	struct ast_iter *stk = NULL;
	size_t sp = 0, alloc = 0;
	uint32_t c;

	if (!n || !pre(a, n, ctx))
		return;
	ARRAY_GROW(stk, 1, alloc);
	ast_iter_init(&stk[sp++], a, n);
	while (sp) {
		if (!(c = ast_iter_next(&stk[sp - 1]))) {
			sp--;
			if (post)
				post(a, stk[sp].node, ctx);
			continue;
		}
		if (!pre(a, c, ctx))
			continue;
		ARRAY_GROW(stk, sp + 1, alloc);
		ast_iter_init(&stk[sp++], a, c);
	}
	free(stk);
}

uint32_t ast_line(const struct ast *a, uint32_t n)
{
	return lex_line(&a->lx, a->nodes[n].pos);
}

uint32_t ast_col(const struct ast *a, uint32_t n)
{
	return lex_col(&a->lx, a->nodes[n].pos);
}

const char *ast_recv_type(const struct ast *a, uint32_t fn, size_t *len)
{
	const struct ast_node *f = &a->nodes[fn];
	uint32_t list, t;

	*len = 0;
	if (f->kind != AST_FUNC_DECL || !f->a)
		return NULL;
	list = a->nodes[f->a].a;
	if (!list || !a->lists[list])
		return NULL;
	t = a->nodes[a->lists[list + 1]].b;
	/* (r *T[K, V]) -> T */
	while (t && (a->nodes[t].kind == AST_STAR_EXPR ||
		     a->nodes[t].kind == AST_PAREN_EXPR ||
		     a->nodes[t].kind == AST_INDEX_EXPR ||
		     a->nodes[t].kind == AST_INDEX_LIST_EXPR))
		t = a->nodes[t].a;
	if (!t || a->nodes[t].kind != AST_IDENT)
		return NULL;
	return ast_ident(a, t, len);
}

void ast_free(struct ast *a)
{
	if (!a)
		return;
	lex_release(&a->lx);
	free(a->nodes);
	free(a->lists);
	free(a->errs);
	free(a->msgs);
	free(a);
}
