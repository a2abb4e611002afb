/* replay.c - runs a harness on files given as arguments, without libFuzzer
 *
 * The regression inputs under tests/fuzz/regress/ are replayed by
 * tests/build-fuzz.bats through this driver on the normal (and the sanitized)
 * build: a crash, a sanitizer report or a leak fails the test.
 */
#include "fuzz.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int i;

	mg_start("replay");
	for (i = 1; i < argc; i++) {
		char *data, *exact;
		size_t len;

		if (mg_read_file(argv[i], &data, &len) < 0)
			return 2;
		/* as libFuzzer does: exactly len bytes, no NUL after them, so
		 * ASan sees a read past the end */
		exact = xmalloc(len);
		memcpy(exact, data, len);
		free(data);
		LLVMFuzzerTestOneInput((const uint8_t *)exact, len);
		free(exact);
	}
	printf("replayed %d input(s)\n", argc - 1);
	return 0;
}
