/* config.h - the .mapguard.json configuration file
 *
 * Owns: reading and validating the project's configuration (mg-scan and
 * mg-gate read the same file; command-line flags win over it).  The schema is
 * in docs/config.md.  Also: copying its rule settings into the engine's
 * options (config_apply_scan).  Not: running the rules (engine/scan.h) or
 * the verdict (mg-gate).
 */
#ifndef MG_CONFIG_H
#define MG_CONFIG_H

#include <stddef.h>

#include "stream/rules.h"

struct re_set;
struct finding;
struct scan_opts;

/* One entry of "exclude_rules": findings whose path, rule and message all
 * match the patterns given (pcre2, unanchored; NULL: any) are dropped
 * (marked suppressed by the config) or downgraded, with the reason. */
struct exclude_rule {
	struct re_set *path, *rule, *message;
	int to;				/* -1: drop; else downgrade to this
					 * severity */
	char *reason;			/* required, non-empty */
};

struct config {
	unsigned rules_on, rules_off;	/* bit r: MG00r named in rules/disable */
	int severity[RULES_MAX];	/* -1: no override */
	char **exclude;			/* glob patterns on paths */
	size_t nexclude;
	int fail_on;			/* -1 unset; 0..2 severity; 3 never */
	long max_findings;		/* -1 unset */
	char *baseline;			/* NULL unset */
	int require_reason;		/* -1 unset, 0, 1 */
	int include_generated;		/* -1 unset, 0, 1 */
	struct re_set *concurrent_calls;	/* run their function argument
						 * concurrently (NULL: none) */
	struct re_set *serial_calls;	/* run their callbacks one at a time */
	struct exclude_rule *exclude_rules;	/* applied by mg-gate */
	size_t nexclude_rules;
	char *path;			/* where it was read from, NULL: none */
};

/* Reads path, or ".mapguard.json" in the current directory when path is NULL
 * (a missing default file is not an error: *c is then all unset).
 * Returns 0, or -1 after "FILE: config: KEY: why".  c is always
 * initialized, and must be released. */
int config_load(struct config *c, const char *path);
/* The same from bytes (for a config read from a git tree). */
int config_parse(struct config *c, const char *name, const char *data,
		 size_t len);
/* Like config_load(), but path (default ".mapguard.json") is read from the
 * tree of revision rev (--trusted-config): a change cannot edit the rules
 * that judge it.  Messages name the file "REV:PATH".  A missing default file
 * means the defaults; a missing path given is an error. */
int config_load_rev(struct config *c, const char *rev, const char *path);
void config_release(struct config *c);
/* What an edit of the configuration file changed, for reports: the
 * top-level keys whose values differ between old and new ("disable,
 * fail_on"), a new string; NULL when either is not a JSON object. */
char *config_changed_keys(const char *old, size_t old_len, const char *new,
			  size_t new_len);
/* Applies rules, disable, severity, require_reason, include_generated and
 * the concurrency API patterns to o (borrowed: c outlives the scan). */
void config_apply_scan(const struct config *c, struct scan_opts *o);
/* Does path match one of the exclude patterns? */
int config_excluded(const struct config *c, const char *path);

/* The first exclude rule that matches finding f, or NULL. */
const struct exclude_rule *config_exclude_rule(const struct config *c,
					       const struct finding *f);
/* Every top-level key the reader accepts, NULL-terminated (the unknown-key
 * error lists them; tests compare them with docs/mapguard.schema.json). */
extern const char *const config_keys[];

/* Parses "MG001,MG003" into a rule bit set; -1 on an unknown id (reported
 * as "what: unknown rule 'X'"). */
int config_rule_list(unsigned *bits, const char *list, const char *what);

#endif
