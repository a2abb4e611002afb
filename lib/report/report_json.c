/* report_json.c - the json report: the kept findings as JSON Lines, then a
 * trailer, so it can be piped on (see report.h, finding.h) */
#include "report/report_int.h"

void report_json(FILE *fp, const struct finding *v, size_t n,
		 const struct verdict *vd, const struct report_opts *o)
{
	struct trailer t = { "mg-gate", "ok", 0, 0, NULL };
	size_t i;

	(void)o;
	for (i = 0; i < n; i++)
		finding_write(fp, &v[i]);
	t.files = vd->files;
	t.findings = (long)n;
	finding_write_trailer_info(fp, &t, vd->change);
}
