/* fuzz_config.c - the .mapguard.json reader (config_parse)
 *
 * Parses the input; on success applies it to scan options, matches a few
 * paths against its exclude patterns (fnmatch on hostile globs) and findings
 * on those paths against its exclude_rules (pcre2 on hostile patterns).
 */
#include "stream/config.h"
#include "fuzz.h"
#include "engine/scan.h"
#include "util/util.h"

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
		for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
			struct finding f = FINDING_INIT;

			config_excluded(&c, paths[i]);
			f.rule = (char *)"MG001";
			f.path = (char *)paths[i];
			f.message = (char *)"map m is written in a goroutine";
			config_exclude_rule(&c, &f);
		}
	}
	config_release(&c);
	return 0;
}
