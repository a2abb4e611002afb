/* report.c - the report table: each format's name and writer (see
 * report.h; the writers are in report_FORMAT.c) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

/* In enum report_format order.  Suppressed findings: shown and flagged
 * where a reader keeps the record of what was waived (json: the stream
 * goes on; sarif: code scanning's "suppressions"; junit: skipped tests;
 * text and markdown: listed apart); left out where they would be posted
 * or counted as open (annotations, Code Quality, checkstyle).  rdjsonl
 * gets them and leaves them out itself: a suppressed race report still
 * confirms the finding on its line there, as in text and markdown. */
static const struct report_format_info formats[REPORT_NFORMATS] = {
	[REPORT_TEXT] = { "text", report_text, 1 },
	[REPORT_JSON] = { "json", report_json, 1 },
	[REPORT_SARIF] = { "sarif", report_sarif, 1 },
	[REPORT_GITHUB] = { "github", report_github, 0 },
	[REPORT_GITLAB] = { "gitlab", report_gitlab, 0 },
	[REPORT_CHECKSTYLE] = { "checkstyle", report_checkstyle, 0 },
	[REPORT_JUNIT] = { "junit", report_junit, 1 },
	[REPORT_MARKDOWN] = { "markdown", report_markdown, 1 },
	[REPORT_RDJSONL] = { "rdjsonl", report_rdjsonl, 1 },
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
	struct finding *kept;
	size_t i, k = 0;

	if (fmt < 0 || fmt >= REPORT_NFORMATS)
		return;
	if (formats[fmt].suppressed) {
		formats[fmt].write(fp, v, n, vd, o);
		return;
	}
	kept = xmalloc((n ? n : 1) * sizeof(*kept));
	for (i = 0; i < n; i++)	/* shallow copies, for this call */
		if (!v[i].suppressed)
			kept[k++] = v[i];
	formats[fmt].write(fp, kept, k, vd, o);
	free(kept);
}
