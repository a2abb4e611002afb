/* fuzz_finding.c - the finding format's reader (lib/stream/jsonl.c) through
 * both of its front ends, finding_read() and rawfind_read()
 *
 * The input is split at "\n//@@\n" into one or two input files (the readers
 * take paths, so they go through temporary files), read with and without
 * FINDING_NO_TRAILER.  A differential check: the full reader (finding.c)
 * and mg-diff's pass-through reader (rawfind.c) must agree on every input:
 * both accept it or both reject it with the same message, and on accept
 * they see the same findings (rule, path, line, fingerprint, evidence
 * locations) and the same file total.  Every finding read is also written
 * back out with finding_write(), plus a trailer; that stream must read back
 * complete with the same number of findings (the writer never produces what
 * the reader refuses).
 */
#include "stream/finding.h"
#include "stream/rawfind.h"
#include "fuzz.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpl[3][64];

static void put(int k, const char *p, size_t n)
{
	FILE *fp = fopen(tmpl[k], "wb");

	if (!fp || fwrite(p, 1, n, fp) != n || fclose(fp))
		abort();
}

static void init_files(void)
{
	int k;

	if (tmpl[0][0])
		return;
	for (k = 0; k < 3; k++) {
		int fd;

		snprintf(tmpl[k], sizeof(tmpl[k]), "/tmp/mg-fuzz-finding-XXXXXX");
		if ((fd = mkstemp(tmpl[k])) < 0)
			abort();
		close(fd);
	}
}

static int str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The full reader's finding f and the pass-through's r must say the same. */
static void same(const struct finding *f, const struct rawfind *r)
{
	char *rule = rawfind_str(r, "rule");
	size_t i;

	if (!str_eq(f->path, r->path) || f->line != r->line ||
	    !str_eq(f->rule, rule) || !str_eq(f->fingerprint, r->fingerprint) ||
	    f->nev != r->nev || f->column != rawfind_int(r, "column"))
		abort();
	for (i = 0; i < f->nev; i++)
		if (!str_eq(f->ev[i].path, r->ev[i].path) ||
		    f->ev[i].line != r->ev[i].line)
			abort();
	free(rule);
}

/* Reads paths; writes what it read to tmpl[2] when out is set; with rs (the
 * pass-through reader's result on the same paths), checks that both agree.
 * Returns the finding count, or -1 on a rejected input. */
static long read_all(char *const *paths, int flags, int out,
		     const struct rawfind_set *rs, int rs_ok)
{
	struct finding_reader *rd = NULL;
	struct finding f = FINDING_INIT;
	FILE *fp = NULL;
	long n = 0;
	int r;

	if (out && !(fp = fopen(tmpl[2], "wb")))
		abort();
	if (finding_reader_open(&rd, paths, flags) < 0)
		abort();
	while ((r = finding_read(rd, &f)) > 0) {
		if (rs && (size_t)n < rs->n)
			same(&f, &rs->v[n]);
		n++;
		if (fp)
			finding_write(fp, &f);
	}
	finding_release(&f);
	if (rs) {
		if ((r < 0) != !rs_ok)
			abort();	/* one accepts what the other refuses */
		if (r < 0 && !str_eq(finding_reader_error(rd), rs->error))
			abort();	/* not the same message */
		if (r == 0 && ((size_t)n != rs->n ||
			       finding_reader_files(rd) != rs->files))
			abort();
	}
	if (fp) {
		struct trailer t = { "mg-diff", "ok", finding_reader_files(rd), n,
				     NULL };

		finding_write_trailer(fp, &t);
		if (fclose(fp))
			abort();
	}
	finding_reader_free(rd);
	return r < 0 ? -1 : n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[2];
	size_t len[2], n, i;
	char *paths[3] = { NULL, NULL, NULL };
	char *again[2] = { tmpl[2], NULL };
	int flags;

	mg_start("fuzz-finding");
	init_files();
	n = fuzz_split(data, size, part, len, 2);
	for (i = 0; i < n; i++) {
		put((int)i, part[i], len[i]);
		paths[i] = tmpl[i];
	}
	for (flags = 0; flags <= FINDING_NO_TRAILER; flags++) {
		struct rawfind_set rs = RAWFIND_SET_INIT;
		int ok = rawfind_read(&rs, paths, flags) == 0;
		long got = read_all(paths, flags, 1, &rs, ok);

		rawfind_release(&rs);
		if (got >= 0 && read_all(again, 0, 0, NULL, 0) != got)
			abort();	/* our own output must read back */
	}
	return 0;
}
