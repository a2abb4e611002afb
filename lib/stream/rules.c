/* rules.c - the rule catalogue (see rules.h) */
#include "stream/rules.h"
#include "stream/finding.h"
#include "util/util.h"

#include <string.h>

const struct rule_info rules_catalogue[RULE_COUNT] = {
	{ "MG001", SEV_ERROR, "unlocked-goroutine-write",
	  "shared map written in a goroutine with no lock held" },
	{ "MG002", SEV_ERROR, "write-under-rlock",
	  "map written while only a read lock (RLock) is held" },
	{ "MG003", SEV_WARNING, "goroutine-read-concurrent-write",
	  "map read in a goroutine while it is written elsewhere without a common lock" },
	{ "MG004", SEV_WARNING, "concurrent-callback-write",
	  "map written in a callback that runs concurrently (HTTP handler, errgroup, AfterFunc, parallel subtest)" },
	{ "MG005", SEV_WARNING, "inconsistent-guard",
	  "map guarded by a mutex elsewhere but written without it here" },
	{ "MG006", SEV_NOTE, "mutate-while-ranging",
	  "map mutated while ranging over it" },
	{ "MG100", SEV_ERROR, "race-report",
	  "race detector or runtime crash report" },
	/* emitted by engine/suppress.c (mg-scan --require-reason), not the
	 * engines */
	{ "MG000", SEV_WARNING, "suppression-without-reason",
	  "//mg:ignore or //nolint without a reason" },
};

int rules_index(const char *id)
{
	size_t i;

	for (i = 0; i < RULE_COUNT; i++)
		if (!strcmp(rules_catalogue[i].id, id))
			return (int)i + 1;
	return -1;
}

char *rules_doc_url(const char *id)
{
	return xasprintf("%s/blob/main/docs/rules/%s.md", MG_HOME_URL, id);
}
