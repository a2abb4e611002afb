/* policy.h - the gate's policy applied to a finding stream (mg-gate)
 *
 * Owns: what mg-gate does to the findings it read before it renders them:
 * dropping the findings of rules that are off and overriding severities
 * (flags over .mapguard.json, config.h), the config's "exclude_rules"
 * (drop or downgrade, with the reason), the baseline (baseline.h), the
 * completeness of a sharded run (--expect-shards), and the line on what a
 * change did to the gate's own policy files (docs/security.md).  Not:
 * reading the stream (finding.h), the verdict's thresholds and the reports
 * (mg-gate, report/).
 */
#ifndef MG_POLICY_H
#define MG_POLICY_H

#include <stddef.h>

#include "stream/finding.h"

struct config;
struct baseline;

/* Drops the findings whose rule is not in on (0: every rule is on) or is
 * in off (rule bits, 1u << enum rule), releasing them, and sets the
 * severity of the others: severity[r] when >= 0 (the flags), else the
 * config's override. */
void policy_apply_rules(struct finding_list *all, unsigned on, unsigned off,
			const int *severity, const struct config *cfg);

/* .mapguard.json "exclude_rules" (docs/config.md): the first rule that
 * matches a finding not already waived in the source drops it (suppressed,
 * with the rule's reason) or lowers its severity to the rule's "to" (never
 * raises it). */
void policy_apply_excludes(struct finding_list *all, const struct config *cfg);

/* Drops the baselined findings (with accept_all: every finding but the
 * suppressed ones), marking the baseline's entries used (bl may be NULL).
 * Returns how many were dropped. */
size_t policy_apply_baseline(struct finding_list *all, struct baseline *bl,
			     int accept_all);

/* --expect-shards want: the trailers rd read name shards 1..want of a
 * matrix of want, each once.  Returns 0, or -1 after an error naming the
 * missing, foreign or doubled shard. */
int policy_check_shards(struct finding_reader *rd, long want);

/* "this change edits the gate's policy: ..." (without that prefix): the
 * config file (config, NULL: .mapguard.json) and the baseline (NULL: none)
 * compared between revision rev (the trusted one, or the base mg-diff
 * compared with) and the work tree, a new string; "applied" or "not
 * applied" by trusted.  NULL: no edit, or nothing to compare with (rev
 * NULL or unreadable here). */
char *policy_edits(const char *rev, int trusted, const char *config,
		   const char *baseline);

#endif
