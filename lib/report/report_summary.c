/* report_summary.c - what the reports share besides escaping (see
 * report_int.h): the summary line and its counts, the rule catalogue
 * lookup, the pairing of race reports with the static findings they
 * confirm, and the entries (one per map, rule and file) a reader sees.
 * Not: escaping (report_escape.c), a format's layout (report_FORMAT.c).
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

static int strcmp0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* 0 when a and b belong to one entry (rpt_entries()); else their order. */
static int entry_key_cmp(const struct finding *a, const struct finding *b)
{
	int c;

	if ((c = strcmp0(a->path, b->path)) || (c = strcmp0(a->rule, b->rule)) ||
	    (c = strcmp0(a->symbol, b->symbol)))
		return c;
	if (a->severity != b->severity)
		return a->severity < b->severity ? -1 : 1;
	if (a->downgraded != b->downgraded)
		return a->downgraded < b->downgraded ? -1 : 1;
	return strcmp0(a->downgrade_reason, b->downgrade_reason);
}

/* The order that puts the findings of one entry next to each other, in v's
 * order (the pointers point into one array). */
static int entry_cmp(const void *x, const void *y)
{
	const struct finding *a = *(const struct finding *const *)x,
			     *b = *(const struct finding *const *)y;
	int c = entry_key_cmp(a, b);

	return c ? c : a < b ? -1 : a > b;
}

struct rpt_entry *rpt_entries(const struct finding *v, size_t n,
			      const size_t *partner)
{
	struct rpt_entry *e = xmalloc((n ? n : 1) * sizeof(*e));
	const struct finding **p = xmalloc((n ? n : 1) * sizeof(*p));
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		e[i].head = i;
		e[i].next = RPT_NONE;
		e[i].count = 1;
		if (v[i].symbol && *v[i].symbol && !v[i].suppressed &&
		    !(partner[i] != RPT_NONE && rpt_is_race(&v[i])))
			p[k++] = &v[i];
	}
	/* sorting pointers, not the findings: n log n however many
	 * entries one file holds */
	qsort(p, k, sizeof(*p), entry_cmp);
	for (i = 1; i < k; i++) {
		size_t prev = (size_t)(p[i - 1] - v), cur = (size_t)(p[i] - v);

		if (!entry_key_cmp(p[i - 1], p[i])) {
			e[cur].head = e[prev].head;
			e[prev].next = cur;
			e[e[cur].head].count++;
		}
	}
	free(p);
	return e;
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
