/* report.h - rendering findings for people and CI systems
 *
 * Owns: every output format mg-gate writes: text, json (JSON Lines),
 * sarif (2.1.0), github (workflow commands), gitlab (Code Quality),
 * checkstyle, junit, markdown (a PR comment) and rdjsonl (reviewdog), with
 * the escaping each consumer needs.  docs/reports.md describes them.  Not:
 * deciding the verdict or applying the baseline (stream/policy.h), the
 * JSON Lines stream of the pipeline (finding.h).  report.c holds the table
 * of formats (name -> writer); each format is one file, report_FORMAT.c
 * (report_text.c ... report_rdjsonl.c); the escaping for every output
 * language is in report_escape.c, the summary line, counts and race pairing
 * in report_summary.c (report_int.h, the private header).
 */
#ifndef MG_REPORT_H
#define MG_REPORT_H

#include <stdio.h>

#include "stream/finding.h"

enum report_format {
	REPORT_TEXT, REPORT_JSON, REPORT_SARIF, REPORT_GITHUB, REPORT_GITLAB,
	REPORT_CHECKSTYLE, REPORT_JUNIT, REPORT_MARKDOWN, REPORT_RDJSONL,
	REPORT_NFORMATS
};

/* The format named s ("sarif"), or -1. */
int report_format_parse(const char *s);
const char *report_format_name(int fmt);

/* What the gate decided, for the summary lines of every format. */
struct verdict {
	int fail;		/* 1: the gate fails */
	const char *fail_on;	/* "warning" ... for the explanation */
	long max_findings;	/* fail only when more than this fail; -1: 0 */
	size_t counted;		/* findings that count (not suppressed) */
	size_t failing;		/* of those, at or above fail_on */
	size_t by_sev[3];	/* counted findings per enum severity */
	size_t suppressed;
	size_t baselined;
	size_t stale;		/* baseline entries that matched nothing */
	int baseline;		/* 1: a baseline was applied */
	long files;		/* from the input trailers */
	/* what the change did to the gate itself (docs/security.md) */
	const char *policy;	/* "FILE (keys), ...; applied or not"; NULL: no edit */
	const struct change_info *change;	/* new suppressions; NULL: none */
	int fail_on_new_supp;	/* --fail-on-new-suppressions */
};

struct report_opts {
	const char *link_base;		/* markdown: URL prefix for path#Lline */
	const char *sarif_category;	/* runAutomationDetails.id; NULL: mapguard */
	const char *source_root;	/* sarif: what finding paths are relative
					 * to (%SRCROOT%, the files hashed for
					 * primaryLocationLineHash); NULL: "." */
};

/* Writes findings v[0..n) (sorted by finding_sort(), baselined ones already
 * removed, suppressed ones still in and flagged) in format fmt; github,
 * gitlab, checkstyle and rdjsonl leave the suppressed ones out. */
void report_write(FILE *fp, int fmt, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o);

/* One finding as `path:line:col: severity: message (rule)`, evidence indented. */
void report_text_finding(FILE *fp, const struct finding *f);

/* The GitHub annotation caps per step (the rest stay in SARIF/summary). */
enum { REPORT_GITHUB_MAX_ERRORS = 10, REPORT_GITHUB_MAX_WARNINGS = 10 };
/* The markdown comment stays under this many bytes (GitHub: 65,536 chars). */
enum { REPORT_MARKDOWN_MAX = 65000 };

#endif
