/* report_gitlab.c - the GitLab Code Quality report (see report.h,
 * docs/gitlab.md) */
#include "report/report_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *gitlab_severity(int sev)
{
	return sev == SEV_ERROR ? "critical" : sev == SEV_WARNING ? "major" : "minor";
}

struct fpref {
	const char *fp;
	size_t i;
};

static int cmp_fpref(const void *a, const void *b)
{
	const struct fpref *x = a, *y = b;
	int c = strcmp(x->fp, y->fp);

	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

void report_gitlab(FILE *fp, const struct finding *v, size_t n,
		   const struct verdict *vd, const struct report_opts *ro)
{
	struct fpref *refs = xcalloc(n ? n : 1, sizeof(*refs));
	char **fps = xcalloc(n ? n : 1, sizeof(*fps));
	size_t i, nref = 0, occ = 0;
	int first = 1;

	(void)vd;
	(void)ro;
	/* GitLab collapses equal fingerprints: a repeated one (two findings
	 * that hash alike, or no fingerprint at all) gets its occurrence */
	for (i = 0; i < n; i++) {
		fps[i] = v[i].fingerprint
			     ? xstrdup(v[i].fingerprint)
			     : xasprintf("%s:%s:%ld:%ld", v[i].rule, v[i].path,
					 v[i].line, v[i].column);
		refs[nref].fp = fps[i];
		refs[nref++].i = i;
	}
	qsort(refs, nref, sizeof(*refs), cmp_fpref);
	for (i = 0; i < nref; i++) {
		occ = i && !strcmp(refs[i].fp, refs[i - 1].fp) ? occ + 1 : 0;
		if (occ) {
			char *s = xasprintf("%s-%zu", fps[refs[i].i], occ);

			free(fps[refs[i].i]);
			fps[refs[i].i] = s;
			/* keep comparing the first one's (unchanged) text */
			refs[i].fp = refs[i - 1].fp;
		}
	}
	fputc('[', fp);
	for (i = 0; i < n; i++) {
		const struct finding *f = &v[i];
		json_t *o, *loc, *lines;
		const struct rule_info *ri;
		char *d;

		o = json_object();
		loc = json_object();
		lines = json_object();
		ri = rpt_rule(f->rule, NULL);
		json_object_set_new(o, "type", json_string("issue"));
		d = xasprintf("%s: %s", f->rule, f->message);
		json_object_set_new(o, "description", rpt_json_str(d));
		free(d);
		json_object_set_new(o, "check_name", rpt_json_str(f->rule));
		if (ri) {
			json_t *cats = json_array();

			json_array_append_new(cats, json_string("Bug Risk"));
			json_object_set_new(o, "categories", cats);
		}
		json_object_set_new(o, "fingerprint", rpt_json_str(fps[i]));
		json_object_set_new(o, "severity",
				    json_string(gitlab_severity(f->severity)));
		json_object_set_new(loc, "path", rpt_json_str(f->path));
		json_object_set_new(lines, "begin", json_integer(f->line));
		if (f->end_line >= f->line)
			json_object_set_new(lines, "end", json_integer(f->end_line));
		json_object_set_new(loc, "lines", lines);
		json_object_set_new(o, "location", loc);
		fputs(first ? "\n" : ",\n", fp);
		first = 0;
		rpt_json_dump(fp, o, 0);
	}
	fputs(first ? "]\n" : "\n]\n", fp);
	for (i = 0; i < n; i++)
		free(fps[i]);
	free(fps);
	free(refs);
}
