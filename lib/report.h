/* report.h - rendering findings for people and CI systems
 *
 * Owns: every output format mg-gate writes (text so far).  Not: deciding the
 * verdict (mg-gate) or the JSON Lines stream (finding.h).
 */
#ifndef MG_REPORT_H
#define MG_REPORT_H

#include <stdio.h>

#include "finding.h"

/* What the gate decided, for the summary lines of every format. */
struct verdict {
	int fail;		/* 1: the gate fails */
	const char *fail_on;	/* "warning" ... for the explanation */
	size_t counted;		/* findings that count (not suppressed) */
	size_t suppressed;
	size_t baselined;
};

/* One finding as `path:line:col: severity: message (rule)`, evidence indented. */
void report_text_finding(FILE *fp, const struct finding *f);
/* The text report: summary line, counts per rule and severity, findings. */
void report_text(FILE *fp, const struct finding *v, size_t n,
		 const struct verdict *vd);

#endif
