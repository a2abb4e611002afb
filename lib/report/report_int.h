/* report_int.h - what the report_*.c files share (not installed)
 *
 * Owns: the writers' common signature and the helpers they share.  Not:
 * the public entry (report.h).  report.c holds the table of formats and calls each format's writer,
 * report_FORMAT.c; a writer builds on the escaping of report_escape.c and
 * the summary, counts and race pairing of report_summary.c, and on nothing
 * of report.c, so the calls only go one way.
 */
#ifndef MG_REPORT_INT_H
#define MG_REPORT_INT_H

#include "report/report.h"
#include "stream/rules.h"
#include "util/utf8.h"
#include "util/util.h"

struct json_t;	/* jansson's, kept out of the headers (STYLE.md) */

/* ---- the table (report.c) ---- */

/* Writes findings v[0..n) as report_write() describes. */
typedef void report_writer(FILE *fp, const struct finding *v, size_t n,
			   const struct verdict *vd,
			   const struct report_opts *o);

struct report_format_info {
	const char *name;	/* for --report NAME */
	report_writer *write;
	int suppressed;		/* 1: the writer gets the suppressed findings
				 * too, flagged; 0: only those that count */
};

/* One writer per format, each in its report_FORMAT.c. */
report_writer report_text, report_json, report_sarif, report_github,
	report_gitlab, report_checkstyle, report_junit, report_markdown,
	report_rdjsonl;

/* ---- escaping for each output language (report_escape.c) ---- */

/* A valid UTF-8 copy of s (NULL: ""); free() it. */
char *rpt_clean(const char *s);
/* Cuts valid UTF-8 s to at most max bytes, on a character boundary. */
void rpt_utf8_cut(char *s, size_t max);
/* Appends s escaped for XML 1.0 text or attribute values: & < > " ' and
 * tab, CR and LF as references; other control characters and invalid UTF-8
 * (not allowed in XML at all) become U+FFFD. */
void rpt_xml(struct buf *b, const char *s);
/* Writes s as rpt_xml() escapes it; b is scratch space. */
void rpt_put_xml(FILE *fp, struct buf *b, const char *s);
/* Appends path percent-encoded as a URI path (RFC 3986): unreserved bytes
 * and '/' stay, everything else is %XX of its UTF-8 bytes. */
void rpt_uri(struct buf *b, const char *path);
/* Any bytes as a new JSON string (invalid UTF-8 becomes U+FFFD); _cut:
 * then cut to at most max bytes. */
struct json_t *rpt_json_str(const char *s);
struct json_t *rpt_json_cut(const char *s, size_t max);
/* Writes j (stolen) with jansson's flags plus JSON_COMPACT: the reports are
 * streamed one result per line, so memory stays flat however many findings
 * there are. */
void rpt_json_dump(FILE *fp, struct json_t *j, size_t flags);
/* Writes s for a GitHub workflow command: data escapes % CR LF; a
 * property (prop: 1) also ':' and ','. */
void rpt_gh_put(FILE *fp, const char *s, int prop);
/* Appends s as inline markdown text that renders literally: HTML and
 * markdown punctuation escaped, '|' safe in a table, line breaks and control
 * characters flattened, invalid UTF-8 replaced; cut after max bytes. */
void rpt_md_text(struct buf *b, const char *s, size_t max);
/* Appends a markdown link target: base as given (only characters that
 * would end the link escaped), then path percent-encoded, then #Lline. */
void rpt_md_link(struct buf *b, const char *base, const char *path,
		 long line);
/* Appends s for a SARIF message: '\', '[' and ']' are escaped, since
 * "[text](id)" is an embedded link there (SARIF 2.1.0, 3.11.6). */
void rpt_sarif_msg(struct buf *b, const char *s);
/* Writes s for a terminal: C0 and C1 control characters, tab too, become
 * '?' (mg_put_text()). */
void rpt_text_put(FILE *fp, const char *s);

/* ---- shared by several formats (report_summary.c) ---- */

/* The catalogue entry of rule id, or NULL; *index set to its 0-based index. */
const struct rule_info *rpt_rule(const char *id, size_t *index);
/* For each finding: the index of its partner, or RPT_NONE.  A race report
 * (source "race") and the first non-suppressed static finding on the same
 * path:line are each other's partners: the static finding explains, the race
 * report proves.  v must be sorted; returns an array of n (free() it). */
#define RPT_NONE ((size_t)-1)
size_t *rpt_race_partners(const struct finding *v, size_t n);
int rpt_is_race(const struct finding *f);
/* The entries a reader sees: findings on one path with the same rule,
 * severity, symbol and downgrade are one entry, since they name one racy
 * map (the engine reports each racy line).  For each finding: head, the
 * index of its entry's first finding; next, the entry's next finding
 * (RPT_NONE: the last), so an entry's findings are in v's order; count, on
 * the head, how many findings the entry holds.  A finding with no symbol,
 * a suppressed one and a race report shown with its partner are entries of
 * their own.  partner is rpt_race_partners()'s; returns an array of n
 * (free() it). */
struct rpt_entry {
	size_t head, next, count;
};
struct rpt_entry *rpt_entries(const struct finding *v, size_t n,
			      const size_t *partner);
/* New suppressions listed by name in a report; the rest are counted. */
enum { RPT_SUPP_MAX = 20 };
/* "1 finding", "2 findings". */
void rpt_count(struct buf *b, size_t n, const char *what);
/* The one-line summary: "FAIL: 2 findings (1 error, 1 warning), ..." */
void rpt_summary(struct buf *b, const struct verdict *vd);

/* ---- SARIF's rule help (report_sarif.c) ---- */

/* A rule's help for SARIF, generated from docs/rules/ID.md at build time
 * (lib/report/gen-rulehelp.awk): the page as markdown and as plain text, and its
 * code scanning precision and tags (space-separated). */
struct rule_help {
	const char *id, *precision, *tags, *text, *markdown;
};
extern const struct rule_help rpt_rule_helps[];
extern const size_t rpt_rule_helps_n;

#endif
