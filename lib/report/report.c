/* report.c - report dispatch, the text and json formats, shared escaping
 * (see report.h) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

static const char *const fmtnames[REPORT_NFORMATS] = {
	"text", "json", "sarif", "github", "gitlab", "checkstyle", "junit",
	"markdown", "rdjsonl"
};

int report_format_parse(const char *s)
{
	int i;

	for (i = 0; i < REPORT_NFORMATS; i++)
		if (!strcmp(s, fmtnames[i]))
			return i;
	return -1;
}

const char *report_format_name(int fmt)
{
	return fmt >= 0 && fmt < REPORT_NFORMATS ? fmtnames[fmt] : "?";
}

/* ---- shared helpers ---- */

char *rpt_clean(const char *s)
{
	struct buf b = BUF_INIT;

	utf8_add_valid(&b, s);
	return buf_detach(&b, NULL);
}

void rpt_xml(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		size_t n = utf8_len(p, 4);

		switch (*p) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&apos;"); break;
		case '\t': buf_adds(b, "&#9;"); break;
		case '\n': buf_adds(b, "&#10;"); break;
		case '\r': buf_adds(b, "&#13;"); break;
		default:
			/* XML 1.0 forbids C0 controls even as references;
			 * U+FFFE/U+FFFF are not characters either */
			if (!n || *p < 0x20 ||
			    (n == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe))
				buf_adds(b, "\xef\xbf\xbd");
			else
				buf_add(b, p, n);
		}
		p += n ? n : 1;
	}
}

void rpt_uri(struct buf *b, const char *path)
{
	const unsigned char *p = (const unsigned char *)(path ? path : "");

	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			buf_addc(b, (char)*p);
		else
			buf_addf(b, "%%%02X", *p);
	}
}

const struct rule_info *rpt_rule(const char *id, size_t *index)
{
	int i = rules_index(id ? id : "");

	if (i < 1)
		return NULL;
	if (index)
		*index = (size_t)i - 1;
	return &rules_catalogue[i - 1];
}

int rpt_is_race(const struct finding *f)
{
	return f->source && !strcmp(f->source, "race");
}

static int same_line(const struct finding *a, const struct finding *b)
{
	return a->line == b->line && !strcmp(a->path, b->path);
}

size_t *rpt_race_partners(const struct finding *v, size_t n)
{
	size_t *p = xmalloc((n ? n : 1) * sizeof(*p));
	size_t i, j, k;

	for (i = 0; i < n; i++)
		p[i] = RPT_NONE;
	/* sorted by path and line: each path:line is one run */
	for (i = 0; i < n; i = j) {
		size_t st = RPT_NONE;

		for (j = i; j < n && same_line(&v[i], &v[j]); j++)
			if (st == RPT_NONE && !rpt_is_race(&v[j]) &&
			    !v[j].suppressed)
				st = j;
		if (st == RPT_NONE)
			continue;
		for (k = i; k < j; k++)
			if (rpt_is_race(&v[k]) && p[st] == RPT_NONE) {
				p[st] = k;
				p[k] = st;
			}
	}
	return p;
}

void rpt_count(struct buf *b, size_t n, const char *what)
{
	buf_addf(b, "%zu %s%s", n, what, n == 1 ? "" : "s");
}

void rpt_summary(struct buf *b, const struct verdict *vd)
{
	buf_addf(b, "%s: ", vd->fail ? "FAIL" : "PASS");
	rpt_count(b, vd->counted, "finding");
	if (vd->suppressed)
		buf_addf(b, ", %zu suppressed", vd->suppressed);
	if (vd->baselined)
		buf_addf(b, ", %zu baselined", vd->baselined);
	if (vd->stale) {
		buf_adds(b, ", ");
		rpt_count(b, vd->stale, "stale baseline entry");
		if (vd->stale != 1) {	/* "entrys" */
			b->len -= 2;
			buf_adds(b, "ies");
		}
	}
	buf_addf(b, " (fail on: %s", vd->fail_on);
	if (vd->max_findings > 0)
		buf_addf(b, ", more than %ld", vd->max_findings);
	if (vd->fail_on_new_supp)
		buf_adds(b, ", new suppressions");
	buf_addc(b, ')');
}

/* ---- text ---- */

/* Terminal-safe: C0 and C1 control characters (C1 as UTF-8, e.g. U+009B,
 * the one-byte CSI), tab too, become '?', so no escape sequence from a
 * hostile path or message reaches the reader's terminal. */
static void text_put(FILE *fp, const char *s)
{
	mg_put_text(fp, s, MG_TEXT_TAB);
}

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
	text_put(fp, f->message);
	fputs(" (", fp);
	text_put(fp, f->rule);
	fputc(')', fp);
	if (f->suppressed) {
		fputs(f->suppress_config ? " [dropped by exclude_rules"
					 : " [suppressed", fp);
		if (f->suppress_reason) {
			fputs(": ", fp);
			text_put(fp, f->suppress_reason);
		}
		fputc(']', fp);
	} else if (f->downgraded) {
		fprintf(fp, " [downgraded from %s by exclude_rules",
			severity_name(f->downgraded - 1));
		if (f->downgrade_reason) {
			fputs(": ", fp);
			text_put(fp, f->downgrade_reason);
		}
		fputc(']', fp);
	}
	fputc('\n', fp);
	for (i = 0; i < f->nev; i++) {
		fputs("    ", fp);
		text_where(fp, f->ev[i].path, f->ev[i].line, f->ev[i].column);
		fputs(": ", fp);
		text_put(fp, f->ev[i].note ? f->ev[i].note : "related");
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
		text_put(fp, vd->policy);
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
		text_put(fp, *x->rules ? x->rules : "all rules");
		if (x->reason) {
			fputs(" \"", fp);
			text_put(fp, x->reason);
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

static void report_text(FILE *fp, const struct finding *v, size_t n,
			const struct verdict *vd)
{
	struct rule_count *rc = NULL;
	size_t nrc = 0, arc = 0, i, k, *partner = rpt_race_partners(v, n);
	struct buf b = BUF_INIT;

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
		text_put(fp, rc[k].rule);
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
		text_put(fp, r->message);
		fputs(" (", fp);
		text_put(fp, r->rule);
		fputs(")\n", fp);
	}
	free(partner);
	free(rc);
	buf_release(&b);
}

/* ---- json: the kept findings, then a trailer, so it can be piped on ---- */

static void report_json(FILE *fp, const struct finding *v, size_t n,
			const struct verdict *vd)
{
	struct trailer t = { "mg-gate", "ok", 0, 0, NULL };
	size_t i;

	for (i = 0; i < n; i++)
		finding_write(fp, &v[i]);
	t.files = vd->files;
	t.findings = (long)n;
	finding_write_trailer_info(fp, &t, vd->change);
}

void report_write(FILE *fp, int fmt, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o)
{
	switch (fmt) {
	case REPORT_TEXT: report_text(fp, v, n, vd); break;
	case REPORT_JSON: report_json(fp, v, n, vd); break;
	case REPORT_SARIF: report_sarif(fp, v, n, vd, o); break;
	case REPORT_GITHUB: report_github(fp, v, n, vd); break;
	case REPORT_GITLAB: report_gitlab(fp, v, n); break;
	case REPORT_CHECKSTYLE: report_checkstyle(fp, v, n); break;
	case REPORT_JUNIT: report_junit(fp, v, n, vd); break;
	case REPORT_MARKDOWN: report_markdown(fp, v, n, vd, o); break;
	case REPORT_RDJSONL: report_rdjsonl(fp, v, n); break;
	}
}
