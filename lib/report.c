/* report.c - output formats (see report.h) */
#include "report.h"
#include "util.h"

#include <string.h>

void report_text_finding(FILE *fp, const struct finding *f)
{
	size_t i;

	fprintf(fp, "%s:%ld:", f->path, f->line);
	if (f->column)
		fprintf(fp, "%ld:", f->column);
	fprintf(fp, " %s: %s (%s)%s\n", severity_name(f->severity), f->message,
		f->rule, f->suppressed ? " [suppressed]" : "");
	for (i = 0; i < f->nev; i++) {
		fprintf(fp, "    %s:%ld", f->ev[i].path, f->ev[i].line);
		if (f->ev[i].column)
			fprintf(fp, ":%ld", f->ev[i].column);
		fprintf(fp, ": %s\n", f->ev[i].note ? f->ev[i].note : "related");
	}
}

void report_text(FILE *fp, const struct finding *v, size_t n,
		 const struct verdict *vd)
{
	const char *rules[64];
	size_t counts[64][3], nr = 0, i, k;

	memset(counts, 0, sizeof(counts));
	for (i = 0; i < n; i++) {
		if (v[i].suppressed)
			continue;
		for (k = 0; k < nr && strcmp(rules[k], v[i].rule); k++)
			;
		if (k == nr && nr < 64)
			rules[nr++] = v[i].rule;
		if (k < nr)
			counts[k][v[i].severity]++;
	}
	fprintf(fp, "mapguard: %s: %zu finding%s", vd->fail ? "FAIL" : "PASS",
		vd->counted, vd->counted == 1 ? "" : "s");
	if (vd->suppressed)
		fprintf(fp, ", %zu suppressed", vd->suppressed);
	if (vd->baselined)
		fprintf(fp, ", %zu baselined", vd->baselined);
	fprintf(fp, " (fail on: %s)\n", vd->fail_on);
	for (k = 0; k < nr; k++)
		fprintf(fp, "  %s: %zu error, %zu warning, %zu note\n", rules[k],
			counts[k][SEV_ERROR], counts[k][SEV_WARNING],
			counts[k][SEV_NOTE]);
	for (i = 0; i < n; i++)
		report_text_finding(fp, &v[i]);
}
