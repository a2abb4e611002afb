/* fuzz_patch.c - the unified-diff reader (patch_parse)
 *
 * Parses the input as a diff; on success, every changed file is queried
 * (lineset_has, lineset_near, lineset_old_path) and the line count taken.
 */
#include "fuzz.h"
#include "git/lineset.h"
#include "git/patch.h"
#include "util/util.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lineset *ls = NULL;
	const char *const *files;
	size_t n, i;

	mg_start("fuzz-patch");
	if (patch_parse(&ls, "fuzz.diff", (const char *)data, size) < 0) {
		if (ls)
			abort();	/* *out is NULL on error */
		return 0;
	}
	files = lineset_files(ls, &n);
	for (i = 0; i < n; i++) {
		if (!lineset_has_file(ls, files[i]) || !lineset_old_path(ls, files[i]))
			abort();
		lineset_has(ls, files[i], 1);
		lineset_near(ls, files[i], 10, 3);
	}
	lineset_has(ls, "nope.go", 1);
	lineset_count_lines(ls);
	lineset_free(ls);
	return 0;
}
