/* report_junit.c - the JUnit XML report, for GitLab's and Jenkins' test
 * reports (see report.h) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

struct nameref {
	const char *name;
	size_t i;
};

static int cmp_nameref(const void *a, const void *b)
{
	const struct nameref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* The test case names, unique (GitLab keeps one test case per classname and
 * name) and without a line number, so that a finding which only moved keeps
 * its name and the MR's test summary does not call it new: "RULE path:
 * symbol" (the message when there is no symbol); a repeated name gets " #K",
 * K the occurrence in stream order. */
static char **junit_names(const struct finding *v, size_t n)
{
	struct nameref *refs = xcalloc(n ? n : 1, sizeof(*refs));
	char **names = xcalloc(n ? n : 1, sizeof(*names));
	size_t i, occ = 0;

	for (i = 0; i < n; i++) {
		names[i] = xasprintf("%s %s: %s", v[i].rule, v[i].path,
				     v[i].symbol && *v[i].symbol
					     ? v[i].symbol : v[i].message);
		refs[i].name = names[i];
		refs[i].i = i;
	}
	qsort(refs, n, sizeof(*refs), cmp_nameref);
	for (i = 1; i < n; i++) {
		occ = !strcmp(refs[i].name, refs[i - 1].name) ? occ + 1 : 0;
		if (occ) {
			char *s = xasprintf("%s #%zu", names[refs[i].i], occ + 1);

			/* keep comparing the first one's (unchanged) text */
			refs[i].name = refs[i - 1].name;
			free(names[refs[i].i]);
			names[refs[i].i] = s;
		}
	}
	free(refs);
	return names;
}

void report_junit(FILE *fp, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o)
{
	struct buf b = BUF_INIT;
	char **names = junit_names(v, n);
	size_t i, k, tests = n ? n : 1;

	(void)o;
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
		char *name;

		fputs("    <testcase name=\"", fp);
		rpt_put_xml(fp, &b, names[i]);
		free(names[i]);
		fputs("\" classname=\"", fp);
		rpt_put_xml(fp, &b, f->path);
		fprintf(fp, "\" file=\"");
		rpt_put_xml(fp, &b, f->path);
		fprintf(fp, "\" line=\"%ld\">\n", f->line);
		if (f->suppressed) {
			fputs("      <skipped message=\"suppressed", fp);
			if (f->suppress_reason) {
				fputs(": ", fp);
				rpt_put_xml(fp, &b, f->suppress_reason);
			}
			fputs("\"/>\n", fp);
		} else {
			fputs("      <failure type=\"", fp);
			rpt_put_xml(fp, &b, f->rule);
			fputs("\" message=\"", fp);
			rpt_put_xml(fp, &b, f->message);
			fputs("\">", fp);
			name = f->column
				? xasprintf("%s:%ld:%ld: %s: %s (%s)", f->path,
					    f->line, f->column,
					    severity_name(f->severity),
					    f->message, f->rule)
				: xasprintf("%s:%ld: %s: %s (%s)", f->path,
					    f->line, severity_name(f->severity),
					    f->message, f->rule);
			rpt_put_xml(fp, &b, name);
			free(name);
			for (k = 0; k < f->nev; k++) {
				name = xasprintf("\n    %s:%ld: %s", f->ev[k].path,
						 f->ev[k].line,
						 f->ev[k].note ? f->ev[k].note
							       : "related");
				rpt_put_xml(fp, &b, name);
				free(name);
			}
			fputs("</failure>\n", fp);
		}
		fputs("    </testcase>\n", fp);
	}
	fputs("  </testsuite>\n</testsuites>\n", fp);
	free(names);
	buf_release(&b);
}
