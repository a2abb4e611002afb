/* report_xml.c - the checkstyle and JUnit XML reports (see report.h) */
#include "report_int.h"

#include <stdlib.h>
#include <string.h>

static void put_xml(FILE *fp, struct buf *b, const char *s)
{
	buf_reset(b);
	rpt_xml(b, s);
	if (b->len)
		fwrite(b->p, 1, b->len, fp);
}

static const char *checkstyle_severity(int sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "info";
}

void report_checkstyle(FILE *fp, const struct finding *v, size_t n)
{
	struct buf b = BUF_INIT;
	const char *open = NULL;
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<checkstyle version=\"4.3\">\n", fp);
	for (i = 0; i < n; i++) {
		const struct finding *f = &v[i];

		if (f->suppressed)
			continue;
		if (!open || strcmp(open, f->path)) {	/* sorted by path */
			if (open)
				fputs("  </file>\n", fp);
			fputs("  <file name=\"", fp);
			put_xml(fp, &b, f->path);
			fputs("\">\n", fp);
			open = f->path;
		}
		fprintf(fp, "    <error line=\"%ld\"", f->line);
		if (f->column)
			fprintf(fp, " column=\"%ld\"", f->column);
		fprintf(fp, " severity=\"%s\" message=\"",
			checkstyle_severity(f->severity));
		put_xml(fp, &b, f->message);
		fputs("\" source=\"mapguard.", fp);
		put_xml(fp, &b, f->rule);
		fputs("\"/>\n", fp);
	}
	if (open)
		fputs("  </file>\n", fp);
	fputs("</checkstyle>\n", fp);
	buf_release(&b);
}

void report_junit(FILE *fp, const struct finding *v, size_t n,
		  const struct verdict *vd)
{
	struct buf b = BUF_INIT;
	size_t i, k, tests = n ? n : 1;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	fprintf(fp, "<testsuites name=\"mapguard\" tests=\"%zu\" failures=\"%zu\" "
		"errors=\"0\" skipped=\"%zu\">\n", tests, vd->counted,
		vd->suppressed);
	fprintf(fp, "  <testsuite name=\"mapguard\" tests=\"%zu\" failures=\"%zu\" "
		"errors=\"0\" skipped=\"%zu\">\n", tests, vd->counted,
		vd->suppressed);
	if (!n)	/* Jenkins refuses a report without any test case */
		fputs("    <testcase name=\"no findings\" classname=\"mapguard\"/>\n",
		      fp);
	for (i = 0; i < n; i++) {
		const struct finding *f = &v[i];
		char *name = xasprintf("%s %s:%ld", f->rule, f->path, f->line);

		fputs("    <testcase name=\"", fp);
		put_xml(fp, &b, name);
		free(name);
		fputs("\" classname=\"", fp);
		put_xml(fp, &b, f->path);
		fprintf(fp, "\" file=\"");
		put_xml(fp, &b, f->path);
		fprintf(fp, "\" line=\"%ld\">\n", f->line);
		if (f->suppressed) {
			fputs("      <skipped message=\"suppressed", fp);
			if (f->suppress_reason) {
				fputs(": ", fp);
				put_xml(fp, &b, f->suppress_reason);
			}
			fputs("\"/>\n", fp);
		} else {
			fputs("      <failure type=\"", fp);
			put_xml(fp, &b, f->rule);
			fputs("\" message=\"", fp);
			put_xml(fp, &b, f->message);
			fputs("\">", fp);
			name = f->column
				? xasprintf("%s:%ld:%ld: %s: %s (%s)", f->path,
					    f->line, f->column,
					    severity_name(f->severity),
					    f->message, f->rule)
				: xasprintf("%s:%ld: %s: %s (%s)", f->path,
					    f->line, severity_name(f->severity),
					    f->message, f->rule);
			put_xml(fp, &b, name);
			free(name);
			for (k = 0; k < f->nev; k++) {
				name = xasprintf("\n    %s:%ld: %s", f->ev[k].path,
						 f->ev[k].line,
						 f->ev[k].note ? f->ev[k].note
							       : "related");
				put_xml(fp, &b, name);
				free(name);
			}
			fputs("</failure>\n", fp);
		}
		fputs("    </testcase>\n", fp);
	}
	fputs("  </testsuite>\n</testsuites>\n", fp);
	buf_release(&b);
}
