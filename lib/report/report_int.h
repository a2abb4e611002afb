/* report_int.h - helpers shared by the report_*.c files (not installed)
 *
 * Escaping for each output language, the rule catalogue lookup and the
 * pairing of race reports with the static findings they confirm.
 */
#ifndef MG_REPORT_INT_H
#define MG_REPORT_INT_H

#include "report/report.h"
#include "stream/rules.h"
#include "util/utf8.h"
#include "util/util.h"

/* A valid UTF-8 copy of s (NULL: ""); free() it. */
char *rpt_clean(const char *s);
/* Appends s escaped for XML 1.0 text or attribute values: & < > " ' and
 * tab, CR and LF as references; other control characters and invalid UTF-8
 * (not allowed in XML at all) become U+FFFD. */
void rpt_xml(struct buf *b, const char *s);
/* Appends path percent-encoded as a URI path (RFC 3986): unreserved bytes
 * and '/' stay, everything else is %XX of its UTF-8 bytes. */
void rpt_uri(struct buf *b, const char *path);
/* The catalogue entry of rule id, or NULL; *index set to its 0-based index. */
const struct rule_info *rpt_rule(const char *id, size_t *index);
/* For each finding: the index of its partner, or RPT_NONE.  A race report
 * (source "race") and the first non-suppressed static finding on the same
 * path:line are each other's partners: the static finding explains, the race
 * report proves.  v must be sorted; returns an array of n (free() it). */
#define RPT_NONE ((size_t)-1)
size_t *rpt_race_partners(const struct finding *v, size_t n);
int rpt_is_race(const struct finding *f);
/* New suppressions listed by name in a report; the rest are counted. */
enum { RPT_SUPP_MAX = 20 };
/* "1 finding", "2 findings". */
void rpt_count(struct buf *b, size_t n, const char *what);
/* The one-line summary: "FAIL: 2 findings (1 error, 1 warning), ..." */
void rpt_summary(struct buf *b, const struct verdict *vd);

/* A rule's help for SARIF, generated from docs/rules/ID.md at build time
 * (lib/report/gen-rulehelp.awk): the page as markdown and as plain text, and its
 * code scanning precision and tags (space-separated). */
struct rule_help {
	const char *id, *precision, *tags, *text, *markdown;
};
extern const struct rule_help rpt_rule_helps[];
extern const size_t rpt_rule_helps_n;
void report_sarif(FILE *fp, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o);
void report_gitlab(FILE *fp, const struct finding *v, size_t n);
void report_checkstyle(FILE *fp, const struct finding *v, size_t n);
void report_junit(FILE *fp, const struct finding *v, size_t n,
		  const struct verdict *vd);
void report_github(FILE *fp, const struct finding *v, size_t n,
		   const struct verdict *vd);
void report_markdown(FILE *fp, const struct finding *v, size_t n,
		     const struct verdict *vd, const struct report_opts *o);
void report_rdjsonl(FILE *fp, const struct finding *v, size_t n);

#endif
