/* fuzz_scan.c - the Go tokenizer and the whole per-package analysis
 *
 * The input is split at "\n//@@\n" into one to three Go files of one
 * package; lex_file() runs on each, then scan_package() on all of them, with
 * every rule on and then with MG001 off and require_reason on, once more
 * through the module phase, and once as two packages of one module, "."
 * and "q" (module "fz", a go.mod in a temporary directory), through both
 * rounds of calls across packages.  Invariants checked: tokens stay inside the file, lines and columns are >= 1, findings
 * name a given path, a line of that file, and carry a fingerprint.
 */
#include "fuzz.h"
#include "engine/lex.h"
#include "engine/module.h"
#include "engine/scan.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const names[] = { "a.go", "b.go", "c_test.go" };
static FILE *devnull;

static void check_tokens(const char *src, size_t len)
{
	struct lexed lx = { 0 };
	size_t i, pos, bol;
	uint32_t nl;

	lex_file(&lx, src, len);
	if (!lx.ntok || lx.tok[lx.ntok - 1].kind != LEX_EOF)
		abort();
	/* lines and columns, derived from offsets, agree with the newlines
	 * counted here from scratch; offsets never go backwards */
	for (i = 0, pos = 0, nl = 0, bol = 0; i < lx.ntok; i++) {
		const struct token *t = &lx.tok[i];

		if ((size_t)t->off + t->len > len || t->off < pos)
			abort();
		for (; pos < t->off; pos++)
			if (src[pos] == '\n')
				nl++, bol = pos + 1;
		if (lex_line(&lx, t->off) != nl + 1 ||
		    lex_col(&lx, t->off) != t->off - bol + 1 ||
		    lex_line(&lx, t->off) > lx.nlines)
			abort();
	}
	for (i = 0; i < lx.ncom; i++)
		if ((size_t)lx.com[i].off + lx.com[i].len > len ||
		    lx.com[i].end_line < lx.com[i].line)
			abort();
	lex_release(&lx);
}

/* LEX_SKIP_BODIES (generated files) gives the full token stream with the
 * insides of some '{'...'}' pairs left out, and the same lines. */
static void check_skip(const char *src, size_t len)
{
	struct lexed a = { 0 }, b = { 0 };
	size_t i = 0, j = 0;

	lex_file(&a, src, len);
	lex_file_ex(&b, src, len, LEX_SKIP_BODIES);
	if (a.nlines != b.nlines ||
	    memcmp(a.line_off, b.line_off, a.nlines * sizeof(*a.line_off)))
		abort();
	while (j < b.ntok) {
		const struct token *x = &b.tok[j], *y = &a.tok[i];

		if (i >= a.ntok || x->off != y->off || x->len != y->len ||
		    x->kind != y->kind || x->op != y->op)
			abort();
		i++, j++;
		if (!TOK_OP1(x, '{') || j == b.ntok ||
		    (a.tok[i].off == b.tok[j].off && a.tok[i].kind == b.tok[j].kind))
			continue;
		/* a skipped body: it ends at b's next token, '}' or EOF */
		if (!TOK_OP1(&b.tok[j], '}') && b.tok[j].kind != LEX_EOF)
			abort();
		while (i < a.ntok && a.tok[i].off < b.tok[j].off)
			i++;
		if (b.tok[j].kind == LEX_EOF)
			i = a.ntok - 1;
	}
	if (i != a.ntok)
		abort();
	lex_release(&a);
	lex_release(&b);
}

static void run(const struct scan_opts *o, const struct scan_file *sf,
		size_t n, const size_t *nlines)
{
	struct finding_list out = FINDING_LIST_INIT;
	size_t i, k;

	scan_package(o, sf, n, &out);
	if (o->mod)	/* the module phase over what this package said */
		module_resolve(o->mod, out.v, out.n, NULL, NULL);
	for (i = 0; i < out.n; i++) {
		const struct finding *f = &out.v[i];

		for (k = 0; k < n; k++)
			if (!strcmp(f->path, sf[k].path))
				break;
		if (k == n || f->line < 1 || (size_t)f->line > nlines[k] ||
		    f->severity < SEV_NOTE || f->severity > SEV_ERROR ||
		    !f->rule || !f->message || !f->fingerprint ||
		    strlen(f->fingerprint) != 16)
			abort();
		finding_write(devnull, f);	/* exercise the writer */
	}
	finding_list_release(&out);
}

static const char *moddir;	/* make_module() */

/* The findings of v[0..n) are sane for files sf[0..nf). */
static void check(const struct finding *v, size_t n,
		  const struct scan_file *sf, size_t nf, const size_t *nlines)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct finding *f = &v[i];

		for (k = 0; k < nf; k++)
			if (!strcmp(f->path, sf[k].path))
				break;
		if (k == nf || f->line < 1 || (size_t)f->line > nlines[k] ||
		    f->severity < SEV_NOTE || f->severity > SEV_ERROR ||
		    !f->rule || !f->message || !f->fingerprint)
			abort();
		finding_write(devnull, f);
	}
}

/* Part 0 as package ".", parts 1 and 2 as package "q" of module "fz":
 * both rounds of the module phase, as mg-scan runs them. */
static void run_module(const char *const *part, const size_t *len, size_t n,
		       const size_t *nlines)
{
	char *paths[3];
	struct finding_list out = FINDING_LIST_INIT, again;
	struct scan_file sf[3];
	struct scan_opts o;
	char **dirs;
	size_t i, k, nd;

	paths[0] = xasprintf("%s/a.go", moddir);
	paths[1] = xasprintf("%s/q/b.go", moddir);
	paths[2] = xasprintf("%s/q/c.go", moddir);
	for (i = 0; i < n; i++) {
		sf[i].path = paths[i];
		sf[i].data = part[i];
		sf[i].len = len[i];
	}
	scan_opts_init(&o);
	o.mod = module_new();
	scan_package(&o, sf, 1, &out);
	if (n > 1)
		scan_package(&o, sf + 1, n - 1, &out);
	nd = module_plan(o.mod, &dirs);
	for (k = 0; k < nd; k++) {	/* the second round replaces */
		const char *tail = dirs[k] + strlen(moddir);
		int q = !strcmp(tail, "/q");
		size_t j;

		if (strncmp(dirs[k], moddir, strlen(moddir)) || (!q && *tail))
			abort();	/* a package that was not scanned */
		if (q && n < 2)
			continue;
		memset(&again, 0, sizeof(again));
		scan_package(&o, q ? sf + 1 : sf, q ? n - 1 : 1, &again);
		for (i = j = 0; i < out.n; i++)
			if ((strstr(out.v[i].path, "/q/") != NULL) == q)
				finding_release(&out.v[i]);
			else
				out.v[j++] = out.v[i];
		out.n = j;
		for (i = 0; i < again.n; i++)
			finding_copy(finding_list_add(&out), &again.v[i]);
		finding_list_release(&again);
	}
	free(dirs);
	module_resolve(o.mod, out.v, out.n, NULL, NULL);
	check(out.v, out.n, sf, n, nlines);
	finding_list_release(&out);
	module_free(o.mod);
	for (i = 0; i < 3; i++)
		free(paths[i]);
}

static void remove_module(void)
{
	char *gm = xasprintf("%s/go.mod", moddir);

	unlink(gm);
	rmdir(moddir);
	free(gm);
}

/* A directory of our own holding go.mod "module fz", made once (and
 * removed at exit). */
static void make_module(void)
{
	static char tmpl[] = "/tmp/mg-fuzz-XXXXXX";
	char *gm;
	FILE *fp;

	if (moddir)
		return;
	if (!mkdtemp(tmpl))
		abort();
	gm = xasprintf("%s/go.mod", tmpl);
	if (!(fp = fopen(gm, "w")))
		abort();
	fputs("module fz\n\ngo 1.19\n", fp);
	fclose(fp);
	free(gm);
	moddir = tmpl;
	atexit(remove_module);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[3];
	size_t len[3], nlines[3], n, i;
	struct scan_file sf[3];
	struct scan_opts o;

	mg_start("fuzz-scan");
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	n = fuzz_split(data, size, part, len, 3);
	for (i = 0; i < n; i++) {
		struct lexed lx = { 0 };

		check_tokens(part[i], len[i]);
		check_skip(part[i], len[i]);
		(void)lex_is_generated(part[i], len[i]);
		lex_file(&lx, part[i], len[i]);
		nlines[i] = lx.nlines;
		lex_release(&lx);
		sf[i].path = names[i];
		sf[i].data = part[i];
		sf[i].len = len[i];
	}
	scan_opts_init(&o);
	run(&o, sf, n, nlines);
	o.rules &= ~(1u << 1);
	o.require_reason = 1;
	o.include_generated = 1;
	o.severity[2] = SEV_NOTE;
	run(&o, sf, n, nlines);
	scan_opts_init(&o);	/* with the module phase */
	o.mod = module_new();
	run(&o, sf, n, nlines);
	module_free(o.mod);
	make_module();
	run_module(part, len, n, nlines);
	return 0;
}
