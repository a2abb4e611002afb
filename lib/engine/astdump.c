/* astdump.c - the syntax tree as text, for the differential test
 *
 * Owns: ast_dump(), whose lines tests/goast/goast.go prints identically
 * from go/parser's tree: any difference is a parser bug on one side.  Not:
 * parsing, the command that prints it (tests/tools/astdump.c).
 */
#include "engine/ast.h"
#include "util/util.h"


static void add_ident(struct buf *out, const struct ast *a, uint32_t n)
{
	size_t len;
	const char *s = ast_ident(a, n, &len);

	buf_add(out, s, len);
}

static void add_tok_text(struct buf *out, const struct ast *a, uint32_t t)
{
	const struct token *k = &a->lx.tok[t];
	uint32_t i;

	/* a literal may hold a newline (raw strings): keep one line */
	for (i = 0; i < k->len; i++) {
		char c = a->src[k->off + i];

		buf_addc(out, c == '\n' || c == '\r' ? '?' : c);
	}
}

/* the " extra" part of node n's line */
static void extra(struct buf *out, const struct ast *a, uint32_t n)
{
	const struct ast_node *x = &a->nodes[n];
	const char *s;
	size_t len;
	uint32_t i;

	switch (x->kind) {
	case AST_IDENT:
		buf_addc(out, ' ');
		add_ident(out, a, n);
		break;
	case AST_FUNC_DECL:
		buf_addc(out, ' ');
		add_ident(out, a, x->b);
		if ((s = ast_recv_type(a, n, &len))) {
			buf_addc(out, ' ');
			buf_add(out, s, len);
		}
		break;
	case AST_GEN_DECL: case AST_ASSIGN_STMT: case AST_INC_DEC_STMT:
	case AST_BRANCH_STMT: case AST_UNARY_EXPR: case AST_BINARY_EXPR:
		buf_addc(out, ' ');
		buf_adds(out, ast_tok_text(x->op));
		break;
	case AST_RANGE_STMT:
		if (x->op) {
			buf_addc(out, ' ');
			buf_adds(out, ast_tok_text(x->op));
		}
		break;
	case AST_IMPORT_SPEC:
		buf_addc(out, ' ');
		add_tok_text(out, a, a->nodes[x->b].a);
		break;
	case AST_VALUE_SPEC:
		for (i = 0; i < ast_list_len(a, x->a); i++) {
			buf_addc(out, i ? ',' : ' ');
			add_ident(out, a, ast_list(a, x->a)[i]);
		}
		break;
	case AST_TYPE_SPEC:
		buf_addc(out, ' ');
		add_ident(out, a, x->a);
		if (x->flags & AST_F_ALIAS)
			buf_adds(out, " alias");
		break;
	case AST_SELECTOR_EXPR:
		buf_addc(out, ' ');
		add_ident(out, a, x->b);
		break;
	case AST_CHAN_TYPE:
		buf_adds(out, x->op == AST_SEND ? " send" :
			      x->op == AST_RECV ? " recv" : " both");
		break;
	case AST_CALL_EXPR:
		if (x->flags & AST_F_ELLIPSIS)
			buf_adds(out, " ...");
		break;
	case AST_SLICE_EXPR:
		if (x->flags & AST_F_SLICE3)
			buf_adds(out, " 3");
		break;
	case AST_EMPTY_STMT:
		if (x->flags & AST_F_IMPLICIT)
			buf_adds(out, " implicit");
		break;
	case AST_CASE_CLAUSE:
		if (!x->a)
			buf_adds(out, " default");
		break;
	case AST_COMM_CLAUSE:
		if (!x->a)
			buf_adds(out, " default");
		break;
	case AST_TYPE_ASSERT_EXPR:
		if (!x->b)
			buf_adds(out, " type");
		break;
	}
}

static int printed(int kind)
{
	return kind != AST_BASIC_LIT && kind != AST_FIELD &&
	       kind != AST_FIELD_LIST;
}

struct dump {
	struct buf *out;
	uint32_t depth;		/* of printed nodes */
	int flags;
};

static int pre(const struct ast *a, uint32_t n, void *ctx)
{
	struct dump *d = ctx;
	uint32_t i;

	if (!printed(a->nodes[n].kind))
		return 1;
	/* capped, so that the dump of a deep tree stays linear */
	for (i = 0; i < d->depth && i < AST_DUMP_MAX_INDENT; i++)
		buf_addc(d->out, ' ');
	buf_addf(d->out, "%s %u:%u", ast_kind_name(a->nodes[n].kind),
		 ast_line(a, n), ast_col(a, n));
	if (d->flags & AST_DUMP_ENDS)
		buf_addf(d->out, " %u:%u", lex_line(&a->lx, a->nodes[n].end),
			 lex_col(&a->lx, a->nodes[n].end));
	extra(d->out, a, n);
	buf_addc(d->out, '\n');
	d->depth++;
	return 1;
}

static void post(const struct ast *a, uint32_t n, void *ctx)
{
	struct dump *d = ctx;

	if (printed(a->nodes[n].kind))
		d->depth--;
}

void ast_dump(struct buf *out, const struct ast *a, int flags)
{
	struct dump d = { out, 0, flags };

	/* a walk without recursion: a left-nested a+b+c+... is as deep as
	 * it is long */
	ast_walk(a, a->file, pre, post, &d);
}
