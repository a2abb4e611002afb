/* report_summary.c - what the reports share besides escaping (see
 * report_int.h): the summary line and its counts, the rule catalogue
 * lookup, and the pairing of race reports with the static findings they
 * confirm.  Not: escaping (report_escape.c), a format's layout
 * (report_FORMAT.c).
 */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

const struct rule_info *rpt_rule(const char *id, size_t *index)
{
	int i = rules_index(id ? id : "");

	if (i < 1)
		return NULL;
	if (index)
		*index = (size_t)i - 1;
	return &rules_catalogue[i - 1];
}

int rpt_is_race(const struct finding *f)
{
	return f->source && !strcmp(f->source, "race");
}

static int same_line(const struct finding *a, const struct finding *b)
{
	return a->line == b->line && !strcmp(a->path, b->path);
}

size_t *rpt_race_partners(const struct finding *v, size_t n)
{
	size_t *p = xmalloc((n ? n : 1) * sizeof(*p));
	size_t i, j, k;

	for (i = 0; i < n; i++)
		p[i] = RPT_NONE;
	/* sorted by path and line: each path:line is one run */
	for (i = 0; i < n; i = j) {
		size_t st = RPT_NONE;

		for (j = i; j < n && same_line(&v[i], &v[j]); j++)
			if (st == RPT_NONE && !rpt_is_race(&v[j]) &&
			    !v[j].suppressed)
				st = j;
		if (st == RPT_NONE)
			continue;
		for (k = i; k < j; k++)
			if (rpt_is_race(&v[k]) && p[st] == RPT_NONE) {
				p[st] = k;
				p[k] = st;
			}
	}
	return p;
}

void rpt_count(struct buf *b, size_t n, const char *what)
{
	buf_addf(b, "%zu %s%s", n, what, n == 1 ? "" : "s");
}

void rpt_summary(struct buf *b, const struct verdict *vd)
{
	buf_addf(b, "%s: ", vd->fail ? "FAIL" : "PASS");
	rpt_count(b, vd->counted, "finding");
	if (vd->suppressed)
		buf_addf(b, ", %zu suppressed", vd->suppressed);
	if (vd->baselined)
		buf_addf(b, ", %zu baselined", vd->baselined);
	if (vd->stale) {
		buf_adds(b, ", ");
		rpt_count(b, vd->stale, "stale baseline entry");
		if (vd->stale != 1) {	/* "entrys" */
			b->len -= 2;
			buf_adds(b, "ies");
		}
	}
	buf_addf(b, " (fail on: %s", vd->fail_on);
	if (vd->max_findings > 0)
		buf_addf(b, ", more than %ld", vd->max_findings);
	if (vd->fail_on_new_supp)
		buf_adds(b, ", new suppressions");
	buf_addc(b, ')');
}
