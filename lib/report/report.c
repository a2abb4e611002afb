/* report.c - the report table: each format's name and writer (see
 * report.h; the writers are in report_FORMAT.c) */
#include "report/report_int.h"

#include <string.h>

/* In enum report_format order. */
static const struct report_format_info formats[REPORT_NFORMATS] = {
	[REPORT_TEXT] = { "text", report_text },
	[REPORT_JSON] = { "json", report_json },
	[REPORT_SARIF] = { "sarif", report_sarif },
	[REPORT_GITHUB] = { "github", report_github },
	[REPORT_GITLAB] = { "gitlab", report_gitlab },
	[REPORT_CHECKSTYLE] = { "checkstyle", report_checkstyle },
	[REPORT_JUNIT] = { "junit", report_junit },
	[REPORT_MARKDOWN] = { "markdown", report_markdown },
	[REPORT_RDJSONL] = { "rdjsonl", report_rdjsonl },
};

int report_format_parse(const char *s)
{
	int i;

	for (i = 0; i < REPORT_NFORMATS; i++)
		if (!strcmp(s, formats[i].name))
			return i;
	return -1;
}

const char *report_format_name(int fmt)
{
	return fmt >= 0 && fmt < REPORT_NFORMATS ? formats[fmt].name : "?";
}

void report_write(FILE *fp, int fmt, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o)
{
	if (fmt >= 0 && fmt < REPORT_NFORMATS)
		formats[fmt].write(fp, v, n, vd, o);
}
