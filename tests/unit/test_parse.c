/* test_parse.c - the engine's Go parser through the AST API (ast.h)
 *
 * Checks the shapes the later stages walk: a method's receiver, a go
 * statement's call, a map index assignment's target, type parameter lists,
 * composite literals in control clauses, positions, children order and the
 * walk, error recovery that keeps the statements after a broken one, and
 * the nesting cap.
 */
#include "engine/parse.h"
#include "util/util.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static struct ast *parse(const char *src)
{
	return parse_file(src, strlen(src));
}

struct finder {
	int kind, nth;
	uint32_t found;
};

static int find_pre(const struct ast *a, uint32_t n, void *ctx)
{
	struct finder *f = ctx;

	if (f->found)
		return 0;
	if (ast_kind(a, n) == f->kind && f->nth-- == 0)
		f->found = n;
	return 1;
}

/* The nth (0-based) node of kind k in pre-order, or 0. */
static uint32_t find(const struct ast *a, int k, int nth)
{
	struct finder f = { k, nth, 0 };

	ast_walk(a, a->file, find_pre, NULL, &f);
	return f.found;
}

static char name_buf[64];

/* An identifier's text as a C string. */
static const char *id(const struct ast *a, uint32_t n)
{
	size_t len;
	const char *s;

	if (!n || ast_kind(a, n) != AST_IDENT)
		return "(not an ident)";
	s = ast_ident(a, n, &len);
	if (len >= sizeof(name_buf))
		len = sizeof(name_buf) - 1;
	memcpy(name_buf, s, len);
	name_buf[len] = 0;
	return name_buf;
}

static uint32_t elem(const struct ast *a, uint32_t list, uint32_t i)
{
	return i < ast_list_len(a, list) ? ast_list(a, list)[i] : 0;
}

static void method_receiver(void)
{
	struct ast *a = parse("package p\n\nfunc (s *Store) Put(k string, "
			      "v int) {\n\ts.m[k] = v\n}\n");
	uint32_t fn = find(a, AST_FUNC_DECL, 0), recv, field, t;
	const struct ast_node *f;
	const char *s;
	size_t len;

	CHECK_INT(a->nerrs_total, 0);
	CHECK(fn != 0);
	f = ast_node(a, fn);
	CHECK_STR(id(a, f->b), "Put");
	recv = f->a;
	CHECK_INT(ast_kind(a, recv), AST_FIELD_LIST);
	CHECK_INT(ast_list_len(a, ast_node(a, recv)->a), 1);
	field = elem(a, ast_node(a, recv)->a, 0);
	CHECK_INT(ast_kind(a, field), AST_FIELD);
	CHECK_STR(id(a, elem(a, ast_node(a, field)->a, 0)), "s");
	t = ast_node(a, field)->b;
	CHECK_INT(ast_kind(a, t), AST_STAR_EXPR);
	CHECK_STR(id(a, ast_node(a, t)->a), "Store");
	s = ast_recv_type(a, fn, &len);
	CHECK(s && len == 5 && !memcmp(s, "Store", 5));
	/* the func keyword: line 3, column 1; the params: two fields */
	CHECK_INT(ast_line(a, fn), 3);
	CHECK_INT(ast_col(a, fn), 1);
	CHECK_INT(ast_kind(a, f->c), AST_FUNC_TYPE);
	CHECK_INT(ast_list_len(a, ast_node(a, ast_node(a, f->c)->b)->a), 2);
	CHECK_INT(ast_kind(a, f->d), AST_BLOCK_STMT);
	ast_free(a);
}

static void go_call_and_map_write(void)
{
	struct ast *a = parse("package p\n\nfunc f(m map[string]int) {\n"
			      "\tgo s.worker(ch, 1)\n\tm[k] = v\n"
			      "\tm[k] += 2\n}\n");
	uint32_t g = find(a, AST_GO_STMT, 0), call, fun, as, lhs;

	CHECK_INT(a->nerrs_total, 0);
	CHECK(g != 0);
	call = ast_node(a, g)->a;
	CHECK_INT(ast_kind(a, call), AST_CALL_EXPR);
	fun = ast_node(a, call)->a;
	CHECK_INT(ast_kind(a, fun), AST_SELECTOR_EXPR);
	CHECK_STR(id(a, ast_node(a, fun)->a), "s");
	CHECK_STR(id(a, ast_node(a, fun)->b), "worker");
	CHECK_INT(ast_list_len(a, ast_node(a, call)->b), 2);
	CHECK_STR(id(a, elem(a, ast_node(a, call)->b, 0)), "ch");
	CHECK_INT(ast_line(a, g), 4);
	CHECK_INT(ast_col(a, g), 2);

	as = find(a, AST_ASSIGN_STMT, 0);
	CHECK_INT(ast_node(a, as)->op, T_ASSIGN);
	lhs = elem(a, ast_node(a, as)->a, 0);
	CHECK_INT(ast_kind(a, lhs), AST_INDEX_EXPR);
	CHECK_STR(id(a, ast_node(a, lhs)->a), "m");
	CHECK_STR(id(a, ast_node(a, lhs)->b), "k");
	CHECK_STR(id(a, elem(a, ast_node(a, as)->b, 0)), "v");
	as = find(a, AST_ASSIGN_STMT, 1);
	CHECK_STR(ast_tok_text(ast_node(a, as)->op), "+=");
	ast_free(a);
}

static void type_params(void)
{
	struct ast *a = parse("package p\n\nfunc Map[K comparable, V any]("
			      "m map[K]V) {}\n\ntype Set[T ~int | ~string] "
			      "map[T]struct{}\n\nvar x = Map[int, string]\n"
			      "var y = Set[int]{}\n");
	uint32_t fn = find(a, AST_FUNC_DECL, 0), tp, f0, f1, ts, c, il;
	const struct ast_node *t;

	CHECK_INT(a->nerrs_total, 0);
	tp = ast_node(a, ast_node(a, fn)->c)->a;
	CHECK_INT(ast_kind(a, tp), AST_FIELD_LIST);
	CHECK_INT(ast_list_len(a, ast_node(a, tp)->a), 2);
	f0 = elem(a, ast_node(a, tp)->a, 0);
	f1 = elem(a, ast_node(a, tp)->a, 1);
	CHECK_STR(id(a, elem(a, ast_node(a, f0)->a, 0)), "K");
	CHECK_STR(id(a, ast_node(a, f0)->b), "comparable");
	CHECK_STR(id(a, elem(a, ast_node(a, f1)->a, 0)), "V");
	CHECK_STR(id(a, ast_node(a, f1)->b), "any");

	ts = find(a, AST_TYPE_SPEC, 0);
	CHECK_STR(id(a, ast_node(a, ts)->a), "Set");
	tp = ast_node(a, ts)->b;
	CHECK_INT(ast_list_len(a, ast_node(a, tp)->a), 1);
	c = ast_node(a, elem(a, ast_node(a, tp)->a, 0))->b;
	/* ~int | ~string */
	t = ast_node(a, c);
	CHECK_INT(t->kind, AST_BINARY_EXPR);
	CHECK_INT(t->op, T_OR);
	CHECK_INT(ast_kind(a, t->a), AST_UNARY_EXPR);
	CHECK_INT(ast_node(a, t->a)->op, T_TILDE);
	CHECK_INT(ast_kind(a, ast_node(a, ts)->c), AST_MAP_TYPE);

	il = find(a, AST_INDEX_LIST_EXPR, 0);
	CHECK(il != 0);
	CHECK_STR(id(a, ast_node(a, il)->a), "Map");
	CHECK_INT(ast_list_len(a, ast_node(a, il)->b), 2);
	c = find(a, AST_COMPOSITE_LIT, 0);
	CHECK_INT(ast_kind(a, ast_node(a, c)->a), AST_INDEX_EXPR);
	ast_free(a);
}

static void control_clauses(void)
{
	struct ast *a = parse("package p\n\nfunc f() {\n\tif x == (T{}) {\n"
			      "\t}\n\tfor _, v := range []int{1, 2} {\n\t\t_ = v"
			      "\n\t}\n\tswitch y := z.(type) {\n\tcase int:\n"
			      "\t}\n}\n");
	uint32_t ifs = find(a, AST_IF_STMT, 0), r, ts, cond;

	CHECK_INT(a->nerrs_total, 0);
	cond = ast_node(a, ifs)->b;
	CHECK_INT(ast_kind(a, cond), AST_BINARY_EXPR);
	CHECK_INT(ast_kind(a, ast_node(a, cond)->b), AST_PAREN_EXPR);
	CHECK_INT(ast_kind(a, ast_node(a, ifs)->c), AST_BLOCK_STMT);
	r = find(a, AST_RANGE_STMT, 0);
	CHECK_INT(ast_node(a, r)->op, T_DEFINE);
	CHECK_STR(id(a, ast_node(a, r)->a), "_");
	CHECK_STR(id(a, ast_node(a, r)->b), "v");
	CHECK_INT(ast_kind(a, ast_node(a, r)->c), AST_COMPOSITE_LIT);
	ts = find(a, AST_TYPE_SWITCH_STMT, 0);
	CHECK(ts != 0);
	CHECK_INT(ast_kind(a, ast_node(a, ts)->b), AST_ASSIGN_STMT);
	ast_free(a);
}

static void children_order(void)
{
	struct ast *a = parse("package p\nvar v = a + b*c\n");
	uint32_t b = find(a, AST_BINARY_EXPR, 0), c;
	struct ast_iter it;
	int n = 0;

	CHECK_STR(ast_tok_text(ast_node(a, b)->op), "+");
	ast_iter_init(&it, a, b);
	c = ast_iter_next(&it);
	CHECK_STR(id(a, c), "a");
	c = ast_iter_next(&it);
	CHECK_INT(ast_kind(a, c), AST_BINARY_EXPR);
	CHECK_INT(ast_iter_next(&it), 0);
	ast_iter_init(&it, a, find(a, AST_VALUE_SPEC, 0));
	while (ast_iter_next(&it))
		n++;
	CHECK_INT(n, 2);	/* the name v and the value */
	ast_free(a);
}

struct counts {
	int pre, post, depth, max_depth, lits, incdec;
};

static int count_pre(const struct ast *a, uint32_t n, void *ctx)
{
	struct counts *c = ctx;

	c->pre++;
	c->incdec += ast_kind(a, n) == AST_INC_DEC_STMT;
	if (++c->depth > c->max_depth)
		c->max_depth = c->depth;
	if (ast_kind(a, n) == AST_FUNC_LIT) {
		c->lits++;
		c->depth--;
		return 0;	/* not into closures */
	}
	return 1;
}

static void count_post(const struct ast *a, uint32_t n, void *ctx)
{
	struct counts *c = ctx;

	(void)a;
	(void)n;
	c->post++;
	c->depth--;
}

static void walk(void)
{
	struct ast *a = parse("package p\nfunc f() {\n\tgo func() { x++ }()\n"
			      "\ty := 1\n}\n");
	struct counts c = { 0, 0, 0, 0, 0, 0 };

	ast_walk(a, a->file, count_pre, count_post, &c);
	CHECK_INT(c.lits, 1);
	CHECK_INT(c.pre, c.post + 1);	/* the FUNC_LIT has no post */
	CHECK_INT(c.depth, 0);
	CHECK(c.max_depth >= 5);	/* File Decl Body Go Call FuncLit */
	/* the closure's x++ is not visited, but is there */
	CHECK_INT(c.incdec, 0);
	CHECK(find(a, AST_INC_DEC_STMT, 0) != 0);
	ast_free(a);
}

static void recovery(void)
{
	struct ast *a = parse("package p\n\nfunc f() {\n\ta := 1\n\tb := )\n"
			      "\tc := 3\n\td(\n}\n\nfunc g() { e := 4 }\n");
	uint32_t body, as;
	int i, seen_c = 0;

	CHECK(a->nerrs_total >= 1);
	CHECK_INT(a->errs[0].off, 36);	/* the ')' on line 5 */
	CHECK(strstr(ast_error_msg(a, 0), "expected operand") != NULL);
	body = ast_node(a, find(a, AST_FUNC_DECL, 0))->d;
	for (i = 0; (as = find(a, AST_ASSIGN_STMT, i)); i++)
		if (!strcmp(id(a, elem(a, ast_node(a, as)->a, 0)), "c"))
			seen_c = 1;
	CHECK(seen_c);
	CHECK(ast_list_len(a, ast_node(a, body)->a) >= 3);
	CHECK_STR(id(a, ast_node(a, find(a, AST_FUNC_DECL, 1))->b), "g");
	ast_free(a);
}

static void too_deep(void)
{
	struct buf b = BUF_INIT;
	struct ast *a;
	int i;

	buf_adds(&b, "package p\nvar x = ");
	for (i = 0; i < 2000; i++)
		buf_addc(&b, '(');
	buf_addc(&b, '1');
	for (i = 0; i < 2000; i++)
		buf_addc(&b, ')');
	buf_adds(&b, "\nvar y = 2\n");
	a = parse_file(b.p, b.len);
	CHECK(a->nerrs_total >= 1);
	CHECK_STR(ast_error_msg(a, 0), "exceeded max nesting depth");
	CHECK(find(a, AST_BAD_EXPR, 0) != 0);
	CHECK_STR(id(a, elem(a, ast_node(a, find(a, AST_VALUE_SPEC, 1))->a,
			     0)), "y");
	ast_free(a);
	buf_release(&b);
}

int main(void)
{
	method_receiver();
	go_call_and_map_write();
	type_params();
	control_clauses();
	children_order();
	walk();
	recovery();
	too_deep();
	return unit_done("test_parse");
}
