/* mg-astdump.c - print the engine's syntax tree of Go files (a dev tool)
 *
 * The C half of the differential test (tests/parse-diff.sh): its dump must
 * equal tests/goast/goast.go's from go/parser.  Also the parser's bench
 * (-n) and its hostile-input probe.  Not installed; not an analysis.
 */
#include "engine/parse.h"
#include "util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: mg-astdump [-e] [-n | -s] [--files-from LIST] [FILE...]\n\n"
	"Print the syntax tree of each Go FILE, one line a node (see\n"
	"lib/engine/ast.h); the first syntax error of a file goes to stderr.\n"
	"Exit 1 when a file has syntax errors.\n\n"
	"  -e                print each node's end too (its End())\n"
	"  -n                parse only, print nothing (a bench)\n"
	"  -s                print \"PATH<TAB>HASH<TAB>ERRORS\" a file: the\n"
	"                    FNV-1a 64 of its dump, its syntax error count\n"
	"  --files-from LIST read more file names from LIST, one a line\n";

static const struct option longopts[] = {
	{ "files-from", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

enum { DUMP, BENCH, SUMS };

/* Returns 0, 1 (syntax errors) or 2 (cannot read). */
static int one(const char *path, int mode, int flags, struct buf *out)
{
	struct ast *a = NULL;
	char *src = NULL;
	size_t len;
	int rc = 2;

	if (mg_read_file(path, &src, &len) < 0)
		goto out;
	a = parse_file(src, len);
	rc = a->nerrs_total ? 1 : 0;
	if (a->nerrs) {
		uint32_t off = a->errs[0].off;

		mg_error("%s:%u:%u: %s%s", path, lex_line(&a->lx, off),
			 lex_col(&a->lx, off), ast_error_msg(a, 0),
			 a->nerrs_total > 1 ? " (and more)" : "");
	}
	if (mode == BENCH)
		goto out;
	buf_reset(out);
	ast_dump(out, a, flags);
	if (mode == SUMS) {
		printf("%s\t%016llx\t%u\n", path,
		       mg_hash(MG_HASH_SEED, out->p ? out->p : "", out->len),
		       a->nerrs_total);
	} else if (out->len) {
		fwrite(out->p, 1, out->len, stdout);
	}
out:
	ast_free(a);
	free(src);
	return rc;
}

int main(int argc, char **argv)
{
	struct buf out = BUF_INIT;
	const char *list = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *fp = NULL;
	int c, i, r, mode = DUMP, flags = 0, rc = 0;

	mg_start("mg-astdump");
	while ((c = getopt_long(argc, argv, "ehns", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': flags |= AST_DUMP_ENDS; break;
		case 'f': list = optarg; break;
		case 'n': mode = BENCH; break;
		case 's': mode = SUMS; break;
		case 'h': fputs(usage, stdout); return MG_EXIT_OK;
		default: return mg_usage(usage, "bad option '%s'",
					 argv[optind - 1]);
		}
	}
	if (optind == argc && !list)
		return mg_usage(usage, "give a file");
	for (i = optind; i < argc; i++)
		if ((r = one(argv[i], mode, flags, &out)) > rc)
			rc = r;
	if (list) {
		if (!(fp = fopen(list, "r"))) {
			mg_error("%s: cannot open", list);
			rc = 2;
			goto out;
		}
		while ((n = getline(&line, &cap, fp)) > 0) {
			if (line[n - 1] == '\n')
				line[--n] = 0;
			if (n && (r = one(line, mode, flags, &out)) > rc)
				rc = r;
		}
	}
out:
	if (fp)
		fclose(fp);
	free(line);
	buf_release(&out);
	return mg_exit(rc);
}
