/* report_checkstyle.c - the checkstyle XML report (see report.h) */
#include "report/report_int.h"

#include <string.h>

static const char *checkstyle_severity(int sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "info";
}

void report_checkstyle(FILE *fp, const struct finding *v, size_t n,
		       const struct verdict *vd, const struct report_opts *o)
{
	struct buf b = BUF_INIT;
	const char *open = NULL;
	size_t i;

	(void)vd;
	(void)o;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<checkstyle version=\"4.3\">\n", fp);
	for (i = 0; i < n; i++) {
		const struct finding *f = &v[i];

		if (!open || strcmp(open, f->path)) {	/* sorted by path */
			if (open)
				fputs("  </file>\n", fp);
			fputs("  <file name=\"", fp);
			rpt_put_xml(fp, &b, f->path);
			fputs("\">\n", fp);
			open = f->path;
		}
		fprintf(fp, "    <error line=\"%ld\"", f->line);
		if (f->column)
			fprintf(fp, " column=\"%ld\"", f->column);
		fprintf(fp, " severity=\"%s\" message=\"",
			checkstyle_severity(f->severity));
		rpt_put_xml(fp, &b, f->message);
		fputs("\" source=\"mapguard.", fp);
		rpt_put_xml(fp, &b, f->rule);
		fputs("\"/>\n", fp);
	}
	if (open)
		fputs("  </file>\n", fp);
	fputs("</checkstyle>\n", fp);
	buf_release(&b);
}
