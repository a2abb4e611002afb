/* parse.h - Go source to a syntax tree (ast.h), by go/parser's grammar
 *
 * Owns: the entry point of the recursive-descent parser for the whole Go
 * language (Go 1.19, generics included) and what it promises.  Not: the
 * tree's layout and read API (ast.h), resolution (later engine stages).
 */
#ifndef MG_PARSE_H
#define MG_PARSE_H

#include <stddef.h>

#include "engine/ast.h"

/* Nesting deeper than this (blocks, parentheses, types, composite literal
 * braces) is not descended into: the balanced region becomes a BAD node
 * with an error, and the parse goes on.  Bounds the C stack. */
enum { PARSE_MAX_NEST = 500 };
/* At most this many errors are kept (ast.nerrs_total counts them all). */
enum { PARSE_MAX_ERRORS = 100 };

/* Lexes and parses src[0..len) (any bytes) into a new tree, freed with
 * ast_free().  Never fails: syntax errors are recorded in the tree
 * (ast_error_msg()) with the nodes that did parse; recovery is at the
 * statement.  src is borrowed and must outlive the tree. */
struct ast *parse_file(const char *src, size_t len);
/* The same, with flags: PARSE_SKIP_BODIES reads every top-level function's
 * body as empty (the lexer's LEX_SKIP_BODIES): declarations only, for
 * generated files whose code is not judged. */
enum { PARSE_SKIP_BODIES = 1 };
struct ast *parse_file_ex(const char *src, size_t len, int flags);

/* Error i (< a->nerrs): its message; its offset is a->errs[i].off. */
const char *ast_error_msg(const struct ast *a, uint32_t i);

#endif
