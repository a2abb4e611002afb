/* ast.h - the syntax tree of one Go file, as go/ast has it
 *
 * Owns: the node kinds (named after go/ast's types), the node record, the
 * per-file arena that holds the nodes, the lists and the parse errors, and
 * the read API: children in go/ast.Walk's order, lists, positions (byte
 * offsets, line/column through the lexer's line table), identifier names,
 * operator text.  parse.h builds an ast; astdump.c prints one.
 * Not: parsing (parse*.c), name resolution or types (later engine stages).
 *
 * Nodes are referenced by 32-bit indices into the arena; 0 is "none".  A
 * list (statements, arguments, fields, specs, names) is a 32-bit reference
 * into a side array: 0 is the empty list.  Every slot of a node is either a
 * child node, a list, or plain data, by kind (ast_shape()); the table below
 * gives each kind's slots a, b, c, d in go/ast.Walk's order.
 *
 *   kind               op / flags           a        b        c       d
 *   FILE                                    name     decls*
 *   IDENT              flags: PLACEHOLDER   (name id)(token)  id: lex_hash()
 *   BASIC_LIT          op: INT..STRING      (token)
 *   ELLIPSIS                                elt
 *   FUNC_LIT                                type     body
 *   COMPOSITE_LIT                           type     elts*
 *   PAREN_EXPR                              x
 *   SELECTOR_EXPR                           x        sel
 *   INDEX_EXPR                              x        index
 *   INDEX_LIST_EXPR                         x        indices*
 *   SLICE_EXPR         flags: SLICE3        x        low      high    max
 *   TYPE_ASSERT_EXPR                        x        type (0: .(type))
 *   CALL_EXPR          flags: ELLIPSIS      fun      args*
 *   STAR_EXPR                               x
 *   UNARY_EXPR         op                   x
 *   BINARY_EXPR        op                   x        y       (d: op offset)
 *   KEY_VALUE_EXPR                          key      value
 *   ARRAY_TYPE                              len      elt      (len 0: slice)
 *   STRUCT_TYPE                             fields (FIELD_LIST)
 *   FUNC_TYPE                               tparams  params   results
 *                                           (FIELD_LISTs)
 *   INTERFACE_TYPE                          methods (FIELD_LIST)
 *   MAP_TYPE                                key      value
 *   CHAN_TYPE          op: AST_SEND|AST_RECV value    (arrow offset)
 *   FIELD_LIST                              fields*
 *   FIELD                                   names*   type     tag
 *   DECL_STMT                               decl
 *   LABELED_STMT                            label    stmt
 *   EXPR_STMT                               x
 *   SEND_STMT                               chan     value
 *   INC_DEC_STMT       op: T_INC, T_DEC     x
 *   ASSIGN_STMT        op: T_DEFINE, ...    lhs*     rhs*
 *   GO_STMT, DEFER_STMT                     call
 *   RETURN_STMT                             results*
 *   BRANCH_STMT        op: T_BREAK, ...     label
 *   BLOCK_STMT                              stmts*
 *   IF_STMT                                 init     cond     body    else
 *   CASE_CLAUSE                             list*    body*    (list 0: default)
 *   SWITCH_STMT                             init     tag      body
 *   TYPE_SWITCH_STMT                        init     assign   body
 *   COMM_CLAUSE                             comm     body*    (comm 0: default)
 *   SELECT_STMT                             body
 *   FOR_STMT                                init     cond     post    body
 *   RANGE_STMT         op: T_DEFINE, T_ASSIGN or 0  key  value  x    body
 *   EMPTY_STMT         flags: IMPLICIT
 *   IMPORT_SPEC                             name     path
 *   VALUE_SPEC         op: T_CONST, T_VAR   names*   type     values*
 *   TYPE_SPEC          flags: ALIAS         name     tparams  type
 *   GEN_DECL           op: T_IMPORT, ...    specs*   (flags: PARENS)
 *   FUNC_DECL                               recv     name     type    body
 *   BAD_EXPR, BAD_STMT, BAD_DECL            (a region that did not parse)
 *
 * (* marks a list.)  Positions are go/ast's: a node's pos is its Pos() (a
 * SELECTOR_EXPR starts at its x, a FUNC_TYPE of an interface method at its
 * '('), end is its End(): the offset just past its last token (not a
 * statement's ';'; a clause's last statement's).  tests/parse-diff.sh with
 * ENDS=1 checks both against go/parser on the whole Go tree.
 */
#ifndef MG_AST_H
#define MG_AST_H

#include <stddef.h>
#include <stdint.h>

#include "engine/lex.h"

enum ast_kind {
	AST_NONE = 0,
	AST_FILE,
	/* expressions and types */
	AST_BAD_EXPR, AST_IDENT, AST_BASIC_LIT, AST_ELLIPSIS, AST_FUNC_LIT,
	AST_COMPOSITE_LIT, AST_PAREN_EXPR, AST_SELECTOR_EXPR, AST_INDEX_EXPR,
	AST_INDEX_LIST_EXPR, AST_SLICE_EXPR, AST_TYPE_ASSERT_EXPR,
	AST_CALL_EXPR, AST_STAR_EXPR, AST_UNARY_EXPR, AST_BINARY_EXPR,
	AST_KEY_VALUE_EXPR, AST_ARRAY_TYPE, AST_STRUCT_TYPE, AST_FUNC_TYPE,
	AST_INTERFACE_TYPE, AST_MAP_TYPE, AST_CHAN_TYPE,
	AST_FIELD_LIST, AST_FIELD,
	/* statements */
	AST_BAD_STMT, AST_DECL_STMT, AST_EMPTY_STMT, AST_LABELED_STMT,
	AST_EXPR_STMT, AST_SEND_STMT, AST_INC_DEC_STMT, AST_ASSIGN_STMT,
	AST_GO_STMT, AST_DEFER_STMT, AST_RETURN_STMT, AST_BRANCH_STMT,
	AST_BLOCK_STMT, AST_IF_STMT, AST_CASE_CLAUSE, AST_SWITCH_STMT,
	AST_TYPE_SWITCH_STMT, AST_COMM_CLAUSE, AST_SELECT_STMT, AST_FOR_STMT,
	AST_RANGE_STMT,
	/* declarations */
	AST_IMPORT_SPEC, AST_VALUE_SPEC, AST_TYPE_SPEC,
	AST_BAD_DECL, AST_GEN_DECL, AST_FUNC_DECL,
	AST_NKINDS
};

/* Go's tokens as go/token has them (op of a node; the parser's tokens). */
enum ast_tok {
	T_ILLEGAL = 0, T_EOF,
	T_IDENT, T_INT, T_FLOAT, T_IMAG, T_CHAR, T_STRING,
	/* operators */
	T_ADD, T_SUB, T_MUL, T_QUO, T_REM, T_AND, T_OR, T_XOR, T_SHL, T_SHR,
	T_AND_NOT,
	T_ADD_ASSIGN, T_SUB_ASSIGN, T_MUL_ASSIGN, T_QUO_ASSIGN, T_REM_ASSIGN,
	T_AND_ASSIGN, T_OR_ASSIGN, T_XOR_ASSIGN, T_SHL_ASSIGN, T_SHR_ASSIGN,
	T_AND_NOT_ASSIGN,
	T_LAND, T_LOR, T_ARROW, T_INC, T_DEC,
	T_EQL, T_LSS, T_GTR, T_ASSIGN, T_NOT,
	T_NEQ, T_LEQ, T_GEQ, T_DEFINE, T_ELLIPSIS,
	T_LPAREN, T_LBRACK, T_LBRACE, T_COMMA, T_PERIOD,
	T_RPAREN, T_RBRACK, T_RBRACE, T_SEMICOLON, T_COLON, T_TILDE,
	/* keywords */
	T_BREAK, T_CASE, T_CHAN, T_CONST, T_CONTINUE, T_DEFAULT, T_DEFER,
	T_ELSE, T_FALLTHROUGH, T_FOR, T_FUNC, T_GO, T_GOTO, T_IF, T_IMPORT,
	T_INTERFACE, T_MAP, T_PACKAGE, T_RANGE, T_RETURN, T_SELECT, T_STRUCT,
	T_SWITCH, T_TYPE, T_VAR,
	T_NTOKS
};

/* CHAN_TYPE directions (op), as go/ast.ChanDir */
enum { AST_SEND = 1, AST_RECV = 2 };

/* flags */
enum {
	AST_F_PLACEHOLDER = 1,	/* IDENT: made up by error recovery ("_") */
	AST_F_SLICE3 = 1,	/* SLICE_EXPR: x[a:b:c] */
	AST_F_ELLIPSIS = 1,	/* CALL_EXPR: f(xs...) */
	AST_F_IMPLICIT = 1,	/* EMPTY_STMT: an inserted ';' or before '}' */
	AST_F_ALIAS = 1,	/* TYPE_SPEC: type A = B */
	AST_F_PARENS = 1,	/* GEN_DECL: var ( ... ) */
};

/* 28 bytes; no pointers, so an arena can grow by realloc. */
struct ast_node {
	uint8_t kind;		/* enum ast_kind */
	uint8_t op;		/* see the table */
	uint16_t flags;
	uint32_t pos, end;	/* byte offsets: Pos(), just past the end */
	uint32_t a, b, c, d;	/* slots: see the table */
};

struct ast_error {
	uint32_t off;		/* byte offset */
	uint32_t msg;		/* offset of the message in ast.msgs */
};

struct ast {
	const char *src;	/* borrowed: the caller keeps it alive */
	size_t len;
	struct lexed lx;	/* the file's tokens and line table */
	struct ast_node *nodes;	/* [0] is unused: index 0 is "none" */
	uint32_t nnodes, anodes;
	uint32_t *lists;	/* lists[r] = n, lists[r + 1 .. r + n] */
	uint32_t nlists, alists;
	uint32_t file;		/* the FILE node */
	struct ast_error *errs;	/* in order of discovery */
	uint32_t nerrs, aerrs;
	uint32_t nerrs_total;	/* including those not kept */
	char *msgs;		/* NUL-terminated messages */
	size_t nmsgs, amsgs;
};

/* Frees a (NULL-safe), with its tokens; not src. */
void ast_free(struct ast *a);

/* The node n (n < a->nnodes; 0 gives the zeroed "none" node). */
static inline const struct ast_node *ast_node(const struct ast *a, uint32_t n)
{
	return &a->nodes[n];
}

static inline int ast_kind(const struct ast *a, uint32_t n)
{
	return a->nodes[n].kind;
}

/* List r: its length, and its elements (borrowed while a lives). */
static inline uint32_t ast_list_len(const struct ast *a, uint32_t r)
{
	return a->lists[r];
}

static inline const uint32_t *ast_list(const struct ast *a, uint32_t r)
{
	return &a->lists[r + 1];
}

/* What a slot holds. */
enum { AST_SLOT_NONE = 0, AST_SLOT_NODE, AST_SLOT_LIST };
/* The kind of slot i (0..3 for a..d) of nodes of kind k. */
int ast_shape(int kind, int slot);

/* The children of a node in go/ast.Walk's order (lists flattened):
 *	struct ast_iter it;
 *	ast_iter_init(&it, a, n);
 *	while ((c = ast_iter_next(&it)))
 *		...
 */
struct ast_iter {
	const struct ast *a;
	uint32_t node;
	int slot;
	uint32_t i;
};
void ast_iter_init(struct ast_iter *it, const struct ast *a, uint32_t n);
uint32_t ast_iter_next(struct ast_iter *it);

/* Walks the tree under node n in pre-order, as go/ast.Inspect: pre(a, x,
 * ctx) on reaching node x (return 0 to skip its children), then its
 * children, then post(a, x, ctx) (post may be NULL; it is called only for
 * nodes whose pre returned non-zero).  Iterative: any depth. */
typedef int (*ast_pre_fn)(const struct ast *a, uint32_t n, void *ctx);
typedef void (*ast_post_fn)(const struct ast *a, uint32_t n, void *ctx);
void ast_walk(const struct ast *a, uint32_t n, ast_pre_fn pre,
	      ast_post_fn post, void *ctx);

/* go/ast's name of a kind ("FuncDecl"), of a token ("+=", "range"). */
const char *ast_kind_name(int kind);
const char *ast_tok_text(int tok);

/* Line and byte column (1-based) of node n's position. */
uint32_t ast_line(const struct ast *a, uint32_t n);
uint32_t ast_col(const struct ast *a, uint32_t n);

/* An identifier's text (borrowed from src; "_" for a placeholder) and its
 * name id: the lexer's lex_hash() of the text. */
static inline const char *ast_ident(const struct ast *a, uint32_t n,
				    size_t *len)
{
	const struct ast_node *x = &a->nodes[n];

	if (x->kind != AST_IDENT || (x->flags & AST_F_PLACEHOLDER)) {
		*len = 1;
		return "_";
	}
	*len = x->end - x->pos;
	return a->src + x->pos;
}
static inline int32_t ast_ident_id(const struct ast *a, uint32_t n)
{
	return (int32_t)a->nodes[n].a;
}

/* Appends the dump of the tree to out: one line per node in pre-order,
 * indented one space a level (at most AST_DUMP_MAX_INDENT),
 * "Kind LINE:COL [extra]", for every node but BasicLit, Field and
 * FieldList; the same text as tests/goast/goast.go prints from go/parser's
 * tree (tests/parse-diff.sh compares them). */
enum { AST_DUMP_MAX_INDENT = 200 };
/* flags: AST_DUMP_ENDS: "Kind LINE:COL ENDLINE:ENDCOL [extra]" (End()) */
enum { AST_DUMP_ENDS = 1 };
struct buf;
void ast_dump(struct buf *out, const struct ast *a, int flags);

/* The receiver's type name of a FUNC_DECL (through '*' and type
 * arguments), or NULL for a function. */
const char *ast_recv_type(const struct ast *a, uint32_t fn, size_t *len);

#endif
