/* report_text.c - the text report: the verdict's summary, counts per
 * rule, then each finding as `path:line:col: severity: message (rule)` with
 * its evidence (see report.h) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

static void text_where(FILE *fp, const char *path, long line, long col)
{
	/* it starts a line: a leading ':' or blank could make a "::" command */
	mg_put_text(fp, path, MG_TEXT_LEAD | MG_TEXT_TAB);
	fprintf(fp, ":%ld", line);
	if (col)
		fprintf(fp, ":%ld", col);
}

void report_text_finding(FILE *fp, const struct finding *f)
{
	size_t i;

	text_where(fp, f->path, f->line, f->column);
	fprintf(fp, ": %s: ", severity_name(f->severity));
	rpt_text_put(fp, f->message);
	fputs(" (", fp);
	rpt_text_put(fp, f->rule);
	fputc(')', fp);
	if (f->suppressed) {
		fputs(f->suppress_config ? " [dropped by exclude_rules"
					 : " [suppressed", fp);
		if (f->suppress_reason) {
			fputs(": ", fp);
			rpt_text_put(fp, f->suppress_reason);
		}
		fputc(']', fp);
	} else if (f->downgraded) {
		fprintf(fp, " [downgraded from %s by exclude_rules",
			severity_name(f->downgraded - 1));
		if (f->downgrade_reason) {
			fputs(": ", fp);
			rpt_text_put(fp, f->downgrade_reason);
		}
		fputc(']', fp);
	}
	fputc('\n', fp);
	for (i = 0; i < f->nev; i++) {
		fputs("    ", fp);
		text_where(fp, f->ev[i].path, f->ev[i].line, f->ev[i].column);
		fputs(": ", fp);
		rpt_text_put(fp, f->ev[i].note ? f->ev[i].note : "related");
		fputc('\n', fp);
	}
}

/* The lines on what the change did to the gate itself: its policy files
 * and the suppression directives it added (docs/security.md). */
static void text_change(FILE *fp, const struct verdict *vd)
{
	const struct change_info *ci = vd->change;
	size_t i;

	if (vd->policy) {
		fputs("mapguard: this change edits the gate's policy: ", fp);
		rpt_text_put(fp, vd->policy);
		fputc('\n', fp);
	}
	if (!ci || !ci->nsupp)
		return;
	fprintf(fp, "mapguard: %zu new suppression%s: ", ci->nsupp,
		ci->nsupp == 1 ? "" : "s");
	for (i = 0; i < ci->nsupp && i < RPT_SUPP_MAX; i++) {
		const struct suppression *x = &ci->supp[i];

		if (i)
			fputs("; ", fp);
		text_where(fp, x->path, x->line, 0);
		fputc(' ', fp);
		rpt_text_put(fp, *x->rules ? x->rules : "all rules");
		if (x->reason) {
			fputs(" \"", fp);
			rpt_text_put(fp, x->reason);
			fputc('"', fp);
		} else {
			fputs(", no reason", fp);
		}
	}
	if (ci->nsupp > RPT_SUPP_MAX)
		fprintf(fp, "; and %zu more", ci->nsupp - RPT_SUPP_MAX);
	if (vd->fail_on_new_supp)
		fputs(" (--fail-on-new-suppressions: the gate fails)", fp);
	fputc('\n', fp);
}

struct rule_count {
	const char *rule;
	size_t n[3];
};

void report_text(FILE *fp, const struct finding *v, size_t n,
		 const struct verdict *vd, const struct report_opts *o)
{
	struct rule_count *rc = NULL;
	size_t nrc = 0, arc = 0, i, k, *partner = rpt_race_partners(v, n);
	struct buf b = BUF_INIT;

	(void)o;
	for (i = 0; i < n; i++) {
		if (v[i].suppressed)
			continue;
		for (k = 0; k < nrc && strcmp(rc[k].rule, v[i].rule); k++)
			;
		if (k == nrc) {	/* few rules: keep them sorted by id */
			ARRAY_GROW(rc, nrc + 1, arc);
			for (k = nrc++; k > 0 && strcmp(rc[k - 1].rule, v[i].rule) > 0; k--)
				rc[k] = rc[k - 1];
			memset(&rc[k], 0, sizeof(rc[k]));
			rc[k].rule = v[i].rule;
		}
		rc[k].n[v[i].severity]++;
	}
	rpt_summary(&b, vd);
	fprintf(fp, "mapguard: %s\n", b.p);
	text_change(fp, vd);
	for (k = 0; k < nrc; k++) {
		fputs("  ", fp);
		rpt_text_put(fp, rc[k].rule);
		fprintf(fp, ": %zu error, %zu warning, %zu note\n",
			rc[k].n[SEV_ERROR], rc[k].n[SEV_WARNING], rc[k].n[SEV_NOTE]);
	}
	for (i = 0; i < n; i++) {
		const struct finding *r;

		if (partner[i] != RPT_NONE && rpt_is_race(&v[i]))
			continue;	/* shown under the finding it confirms */
		report_text_finding(fp, &v[i]);
		if (partner[i] == RPT_NONE)
			continue;
		r = &v[partner[i]];
		fputs("    confirmed by the race detector: ", fp);
		text_where(fp, r->path, r->line, r->column);
		fputs(": ", fp);
		rpt_text_put(fp, r->message);
		fputs(" (", fp);
		rpt_text_put(fp, r->rule);
		fputs(")\n", fp);
	}
	free(partner);
	free(rc);
	buf_release(&b);
}
