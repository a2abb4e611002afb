/* rules.h - the rule catalogue: ids, names, default severities, pages
 *
 * Owns: the list of mapguard's rules with their short names, default
 * severities, one-line summaries and documentation pages, and enum rule: the
 * number a rule is known by in per-rule tables (--severity, --rules, the
 * config's rule bits) and inside the engines.  A finding names its rule by
 * id ("MG001"); this is where an id becomes a number and back.  Not: what a
 * rule finds (engine/), how a report shows it (report/), the pages' text
 * (docs/rules/ID.md, compiled into SARIF's help by report/gen-rulehelp.awk).
 */
#ifndef MG_RULES_H
#define MG_RULES_H

#include <stddef.h>

/* the project's home: rule pages, SARIF's informationUri, rdjson's source */
#define MG_HOME_URL "https://github.com/mapguard/mapguard"

/* A rule by number: rules_catalogue[r - 1] is rule r's entry.  MG001..MG006
 * are the engines' rules, MG100 the race logs' (engine/racelog.h), MG000
 * engine/suppress.c's (a waiver without a reason). */
enum rule {
	RULE_MG001 = 1,		/* unlocked-goroutine-write */
	RULE_MG002,		/* write-under-rlock */
	RULE_MG003,		/* goroutine-read-concurrent-write */
	RULE_MG004,		/* concurrent-callback-write */
	RULE_MG005,		/* inconsistent-guard */
	RULE_MG006,		/* mutate-while-ranging */
	RULE_MG100,		/* race-report */
	RULE_MG000,		/* suppression-without-reason */
	RULE_COUNT = RULE_MG000	/* the catalogue's size */
};
/* Per-rule tables are indexed by enum rule and sized RULES_MAX (> the
 * largest enum rule; rule bits are 1u << r in an unsigned). */
#define RULES_MAX 16

struct rule_info {
	const char *id;		/* "MG001" */
	int severity;		/* default severity (enum severity) */
	const char *name;	/* short name: "unlocked-goroutine-write" */
	const char *summary;	/* one line */
};
/* The catalogue, RULE_COUNT entries in enum rule order (static). */
extern const struct rule_info rules_catalogue[RULE_COUNT];

/* The enum rule of id ("MG001" -> RULE_MG001), or -1 if id is not a rule. */
int rules_index(const char *id);
/* The rule's documentation page, MG_HOME_URL/blob/main/docs/rules/ID.md
 * (a new string, free() it). */
char *rules_doc_url(const char *id);

#endif
