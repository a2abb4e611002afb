/* fuzz_config.c - the .mapguard.json reader (config_parse)
 *
 * Parses the input; on success applies it to scan options and matches a few
 * paths against its exclude patterns (fnmatch on hostile globs).
 */
#include "config.h"
#include "fuzz.h"
#include "scan.h"
#include "util.h"

#include <stdlib.h>

static const char *const paths[] = { "a.go", "gen/x.pb.go",
	"deep/er/still/deeper/file_test.go", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.go" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct scan_opts o;
	size_t i;

	mg_start("fuzz-config");
	if (config_parse(&c, "fuzz.json", (const char *)data, size) == 0) {
		scan_opts_init(&o);
		config_apply_scan(&c, &o);
		for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
			config_excluded(&c, paths[i]);
	}
	config_release(&c);
	return 0;
}
