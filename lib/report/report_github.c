/* report_github.c - the github report: GitHub workflow commands that
 * annotate the findings, then the summary (see report.h) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

static const char *gh_command(int sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "notice";
}

static void gh_annotate(FILE *fp, const struct finding *f)
{
	const struct rule_info *ri = rpt_rule(f->rule, NULL);
	struct buf b = BUF_INIT;
	size_t k;

	fprintf(fp, "::%s file=", gh_command(f->severity));
	rpt_gh_put(fp, f->path, 1);
	fprintf(fp, ",line=%ld", f->line);
	if (f->column)
		fprintf(fp, ",col=%ld", f->column);
	if (f->end_line >= f->line) {
		fprintf(fp, ",endLine=%ld", f->end_line);
		if (f->end_column)
			fprintf(fp, ",endColumn=%ld", f->end_column);
	}
	buf_addf(&b, "mapguard %s", f->rule);
	if (ri)
		buf_addf(&b, " %s", ri->name);
	fputs(",title=", fp);
	rpt_gh_put(fp, b.p, 1);
	fputs("::", fp);
	buf_reset(&b);
	buf_adds(&b, f->message);
	for (k = 0; k < f->nev; k++)
		buf_addf(&b, "\n  %s:%ld: %s", f->ev[k].path, f->ev[k].line,
			 f->ev[k].note ? f->ev[k].note : "related");
	rpt_gh_put(fp, b.p, 0);
	fputc('\n', fp);
	buf_release(&b);
}

void report_github(FILE *fp, const struct finding *v, size_t n,
		   const struct verdict *vd, const struct report_opts *o)
{
	size_t i, errs = 0, warns = 0, left = 0;
	struct buf b = BUF_INIT;
	int sev;

	(void)o;
	/* most severe first: the caps must not hide an error behind notes */
	for (sev = SEV_ERROR; sev >= SEV_NOTE; sev--)
		for (i = 0; i < n; i++) {
			size_t *used = sev == SEV_ERROR ? &errs : &warns;
			size_t cap = sev == SEV_ERROR ? REPORT_GITHUB_MAX_ERRORS
						      : REPORT_GITHUB_MAX_WARNINGS;

			if (v[i].severity != sev)
				continue;
			if (*used >= cap) {
				left++;
				continue;
			}
			(*used)++;
			gh_annotate(fp, &v[i]);
		}
	rpt_summary(&b, vd);
	fprintf(fp, "mapguard: %s\n", b.p);
	if (left)
		fprintf(fp, "mapguard: %zu finding%s not annotated (GitHub shows at "
			"most %d error and %d warning annotations per step); the "
			"SARIF report and the step summary list all of them\n",
			left, left == 1 ? "" : "s", REPORT_GITHUB_MAX_ERRORS,
			REPORT_GITHUB_MAX_WARNINGS);
	buf_release(&b);
}
