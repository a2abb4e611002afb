/* fuzz_finding.c - the JSON Lines reader (lib/stream/finding.c)
 *
 * The input is split at "\n//@@\n" into one or two input files (the reader
 * takes paths, so they go through temporary files), read with and without
 * FINDING_NO_TRAILER.  Every finding read is written back out with
 * finding_write(), plus a trailer; that stream must read back complete with
 * the same number of findings (the writer never produces what the reader
 * refuses).
 */
#include "stream/finding.h"
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

/* Reads paths; writes what it read to tmpl[2] when out is set.  Returns the
 * finding count, or -1 on a rejected input. */
static long read_all(char *const *paths, int flags, int out)
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
		n++;
		if (fp)
			finding_write(fp, &f);
	}
	finding_release(&f);
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
		long got = read_all(paths, flags, 1);

		if (got >= 0 && read_all(again, 0, 0) != got)
			abort();	/* our own output must read back */
	}
	return 0;
}
