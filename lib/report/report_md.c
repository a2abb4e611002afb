/* report_md.c - GitHub workflow commands and the markdown PR comment
 * (see report.h) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- github ---- */

/* GitHub's escaping: data gets % CR LF; properties also ':' and ','. */
static void gh_put(FILE *fp, const char *s, int prop)
{
	for (s = s ? s : ""; *s; s++) {
		switch (*s) {
		case '%': fputs("%25", fp); break;
		case '\r': fputs("%0D", fp); break;
		case '\n': fputs("%0A", fp); break;
		case ':': fputs(prop ? "%3A" : ":", fp); break;
		case ',': fputs(prop ? "%2C" : ",", fp); break;
		default: fputc(*s, fp);
		}
	}
}

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
	gh_put(fp, f->path, 1);
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
	gh_put(fp, b.p, 1);
	fputs("::", fp);
	buf_reset(&b);
	buf_adds(&b, f->message);
	for (k = 0; k < f->nev; k++)
		buf_addf(&b, "\n  %s:%ld: %s", f->ev[k].path, f->ev[k].line,
			 f->ev[k].note ? f->ev[k].note : "related");
	gh_put(fp, b.p, 0);
	fputc('\n', fp);
	buf_release(&b);
}

void report_github(FILE *fp, const struct finding *v, size_t n,
		   const struct verdict *vd)
{
	size_t i, errs = 0, warns = 0, left = 0;
	struct buf b = BUF_INIT;
	int sev;

	/* most severe first: the caps must not hide an error behind notes */
	for (sev = SEV_ERROR; sev >= SEV_NOTE; sev--)
		for (i = 0; i < n; i++) {
			size_t *used = sev == SEV_ERROR ? &errs : &warns;
			size_t cap = sev == SEV_ERROR ? REPORT_GITHUB_MAX_ERRORS
						      : REPORT_GITHUB_MAX_WARNINGS;

			if (v[i].suppressed || v[i].severity != sev)
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

/* ---- markdown ---- */

enum { MD_CELL_MAX = 400 };	/* bytes of one message in the table */

/* Appends s as inline markdown text that renders literally: HTML and
 * markdown punctuation escaped, '|' safe in a table, line breaks and control
 * characters flattened, invalid UTF-8 replaced; cut after max bytes. */
static void md_text(struct buf *b, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	const unsigned char *start = p;

	while (*p) {
		size_t n = utf8_len(p, 4);

		if ((size_t)(p - start) >= max) {
			buf_adds(b, "\xe2\x80\xa6");	/* … */
			return;
		}
		if (!n) {
			buf_adds(b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		if (*p == '&')
			buf_adds(b, "&amp;");
		else if (*p == '<')
			buf_adds(b, "&lt;");
		else if (*p == '>')
			buf_adds(b, "&gt;");
		else if (*p == '\n' || *p == '\r' || *p == '\t')
			buf_addc(b, ' ');
		else if (*p < 0x20 || *p == 0x7f)
			buf_adds(b, "\xef\xbf\xbd");
		else if (strchr("\\`*_[]|~#!()@:", *p))
			buf_addf(b, "\\%c", *p);
		else
			buf_add(b, p, n);
		p += n;
	}
}

/* A link target: the base as given (only characters that would end the
 * link escaped), then the path percent-encoded. */
static void md_link(struct buf *b, const char *base, const char *path,
		    long line)
{
	const unsigned char *p;

	for (p = (const unsigned char *)base; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || strchr("()<>\"'\\`", *p))
			buf_addf(b, "%%%02X", *p);
		else
			buf_addc(b, (char)*p);
	if (b->len && b->p[b->len - 1] != '/')
		buf_addc(b, '/');
	rpt_uri(b, path);
	buf_addf(b, "#L%ld", line);
}

static void md_where(struct buf *b, const char *path, long line,
		     const struct report_opts *o)
{
	if (o && o->link_base) {
		buf_addc(b, '[');
		md_text(b, path, MD_CELL_MAX);
		buf_addf(b, "\\:%ld](", line);
		md_link(b, o->link_base, path, line);
		buf_addc(b, ')');
	} else {
		md_text(b, path, MD_CELL_MAX);
		buf_addf(b, "\\:%ld", line);
	}
}

static const char *md_icon(int sev)
{
	return sev == SEV_ERROR ? ":x:" : sev == SEV_WARNING ? ":warning:"
							      : ":information_source:";
}

static void md_row(struct buf *b, const struct finding *v, size_t i,
		   const size_t *partner, const struct report_opts *o)
{
	const struct finding *f = &v[i];

	buf_addf(b, "| %s %s | ", md_icon(f->severity), severity_name(f->severity));
	md_where(b, f->path, f->line, o);
	buf_adds(b, " | ");
	md_text(b, f->rule, 40);
	buf_adds(b, " | ");
	md_text(b, f->message, MD_CELL_MAX);
	if (partner[i] != RPT_NONE)
		buf_adds(b, " \xe2\x80\x94 **confirmed by the race detector**");
	if (f->downgraded) {
		buf_addf(b, " \xe2\x80\x94 downgraded from %s by exclude\\_rules",
			 severity_name(f->downgraded - 1));
		if (f->downgrade_reason) {
			buf_adds(b, "\\: ");
			md_text(b, f->downgrade_reason, MD_CELL_MAX);
		}
	}
	buf_adds(b, " |\n");
}

static void md_evidence(struct buf *b, const struct finding *v, size_t i,
			const size_t *partner, const struct report_opts *o)
{
	const struct finding *f = &v[i];
	size_t k;

	if (!f->nev && partner[i] == RPT_NONE)
		return;
	buf_adds(b, "- ");
	md_where(b, f->path, f->line, o);
	buf_adds(b, " ");
	md_text(b, f->rule, 40);
	buf_adds(b, "\n");
	for (k = 0; k < f->nev; k++) {
		buf_adds(b, "  - ");
		md_where(b, f->ev[k].path, f->ev[k].line, o);
		buf_adds(b, ": ");
		md_text(b, f->ev[k].note ? f->ev[k].note : "related", MD_CELL_MAX);
		buf_adds(b, "\n");
	}
	if (partner[i] != RPT_NONE) {
		buf_adds(b, "  - race detector: ");
		md_text(b, v[partner[i]].message, MD_CELL_MAX);
		buf_adds(b, "\n");
	}
}

/* One paragraph each on what the change did to the gate itself: its policy
 * files and the suppression directives it added (docs/security.md). */
static void md_change(struct buf *b, const struct verdict *vd,
		      const struct report_opts *o)
{
	const struct change_info *ci = vd->change;
	size_t i;

	if (vd->policy) {
		buf_adds(b, ":warning: **this change edits the gate's policy:** ");
		md_text(b, vd->policy, MD_CELL_MAX * 2);
		buf_adds(b, "\n\n");
	}
	if (!ci || !ci->nsupp)
		return;
	buf_addf(b, ":warning: **%zu new suppression%s:** ", ci->nsupp,
		 ci->nsupp == 1 ? "" : "s");
	for (i = 0; i < ci->nsupp && i < RPT_SUPP_MAX; i++) {
		const struct suppression *x = &ci->supp[i];

		if (i)
			buf_adds(b, "; ");
		md_where(b, x->path, x->line, o);
		buf_adds(b, " ");
		md_text(b, *x->rules ? x->rules : "all rules", 80);
		if (x->reason) {
			buf_adds(b, " \xe2\x80\x94 ");
			md_text(b, x->reason, MD_CELL_MAX);
		} else {
			buf_adds(b, ", no reason");
		}
	}
	if (ci->nsupp > RPT_SUPP_MAX)
		buf_addf(b, "; and %zu more", ci->nsupp - RPT_SUPP_MAX);
	if (vd->fail_on_new_supp)
		buf_adds(b, " (`--fail-on-new-suppressions`: the gate fails)");
	buf_adds(b, "\n\n");
}

void report_markdown(FILE *fp, const struct finding *v, size_t n,
		     const struct verdict *vd, const struct report_opts *o)
{
	struct buf head = BUF_INIT, body = BUF_INIT, ev = BUF_INIT,
		   waived = BUF_INIT, foot = BUF_INIT, row = BUF_INIT;
	size_t *partner = rpt_race_partners(v, n), i, rows = 0,
	       nwaived = 0, nconfig = 0, omitted = 0, ev_omitted = 0, last = 0;
	const size_t reserve = 600;	/* the truncation note and the tags */

	buf_adds(&head, "<!-- mapguard -->\n");
	rpt_summary(&row, vd);
	buf_addf(&head, "### %s mapguard: %s\n\n",
		 vd->fail ? ":x:" : ":white_check_mark:", row.p);
	buf_reset(&row);
	md_change(&head, vd, o);

	buf_adds(&foot, "\n---\n");
	buf_addf(&foot, "mapguard %s: %zu error%s, %zu warning%s, %zu note%s",
		 MG_VERSION, vd->by_sev[SEV_ERROR], vd->by_sev[SEV_ERROR] == 1 ? "" : "s",
		 vd->by_sev[SEV_WARNING], vd->by_sev[SEV_WARNING] == 1 ? "" : "s",
		 vd->by_sev[SEV_NOTE], vd->by_sev[SEV_NOTE] == 1 ? "" : "s");
	buf_addf(&foot, "; %zu suppressed", vd->suppressed);
	if (vd->baseline)
		buf_addf(&foot, "; %zu baselined, %zu stale baseline entr%s",
			 vd->baselined, vd->stale, vd->stale == 1 ? "y" : "ies");
	if (vd->files)
		buf_addf(&foot, "; %ld file%s scanned", vd->files,
			 vd->files == 1 ? "" : "s");
	buf_adds(&foot, ".\n\nTo waive one finding, add `//mg:ignore MG001 // reason` "
		 "(with its rule) on its line or the line above. To accept all "
		 "current findings, record them with `mg-gate --write-baseline "
		 "mapguard-baseline.json`, commit that file and pass "
		 "`--baseline mapguard-baseline.json`.\n");

	/* the table first, leaving room for some evidence; then the evidence
	 * of the rows shown, and the waived list, while they fit */
	for (i = 0; i < n; i++) {
		if (v[i].suppressed) {
			nwaived++;
			nconfig += v[i].suppress_config != 0;
			continue;
		}
		if (partner[i] != RPT_NONE && rpt_is_race(&v[i]))
			continue;	/* shown with the finding it confirms */
		buf_reset(&row);
		md_row(&row, v, i, partner, o);
		if (omitted || head.len + body.len + row.len + foot.len + reserve +
				       REPORT_MARKDOWN_MAX / 8 > REPORT_MARKDOWN_MAX) {
			omitted++;
			continue;
		}
		if (!body.len)
			buf_adds(&body, "| | Location | Rule | Message |\n"
				 "|---|---|---|---|\n");
		buf_add(&body, row.p, row.len);
		rows++;
		last = i + 1;
	}
	for (i = 0; i < last; i++) {
		if (v[i].suppressed || (partner[i] != RPT_NONE && rpt_is_race(&v[i])))
			continue;
		buf_reset(&row);
		md_evidence(&row, v, i, partner, o);
		if (ev_omitted || head.len + body.len + ev.len + row.len + foot.len +
					  reserve > REPORT_MARKDOWN_MAX)
			ev_omitted += row.len > 0;
		else
			buf_add(&ev, row.p, row.len);
	}
	for (i = 0; i < n; i++) {
		if (!v[i].suppressed)
			continue;
		buf_reset(&row);
		buf_adds(&row, "- ");
		md_where(&row, v[i].path, v[i].line, o);
		buf_adds(&row, " ");
		md_text(&row, v[i].rule, 40);
		buf_adds(&row, ": ");
		md_text(&row, v[i].message, MD_CELL_MAX);
		if (v[i].suppress_reason) {
			buf_adds(&row, v[i].suppress_config
				 ? " \xe2\x80\x94 dropped by exclude\\_rules\\: "
				 : " \xe2\x80\x94 reason: ");
			md_text(&row, v[i].suppress_reason, MD_CELL_MAX);
		}
		buf_adds(&row, "\n");
		if (head.len + body.len + ev.len + waived.len + row.len + foot.len +
		    reserve > REPORT_MARKDOWN_MAX)
			break;
		buf_add(&waived, row.p, row.len);
	}
	fwrite(head.p, 1, head.len, fp);
	if (!rows && !omitted)
		fputs("No findings.\n", fp);
	if (body.len)
		fwrite(body.p, 1, body.len, fp);
	if (omitted)
		fprintf(fp, "\n**%zu more finding%s not shown**: this comment is "
			"capped at %d characters; the job log and the SARIF "
			"report list all of them.\n", omitted,
			omitted == 1 ? "" : "s", REPORT_MARKDOWN_MAX);
	if (ev.len || ev_omitted) {
		fputs("\n<details><summary>Evidence</summary>\n\n", fp);
		fwrite(ev.p, 1, ev.len, fp);
		if (ev_omitted)
			fprintf(fp, "- \xe2\x80\xa6 evidence of %zu more finding%s "
				"left out (size cap)\n", ev_omitted,
				ev_omitted == 1 ? "" : "s");
		fputs("\n</details>\n", fp);
	}
	if (nwaived) {
		if (nconfig)
			fprintf(fp, "\n<details><summary>%zu suppressed (waived: "
				"%zu in source, %zu by exclude_rules)</summary>"
				"\n\n", nwaived, nwaived - nconfig, nconfig);
		else
			fprintf(fp, "\n<details><summary>%zu suppressed in "
				"source (waived)</summary>\n\n", nwaived);
		if (waived.len)
			fwrite(waived.p, 1, waived.len, fp);
		if (waived.len == 0 || i < n)
			fputs("- \xe2\x80\xa6 more left out (size cap)\n", fp);
		fputs("\n</details>\n", fp);
	}
	fwrite(foot.p, 1, foot.len, fp);
	free(partner);
	buf_release(&head);
	buf_release(&body);
	buf_release(&ev);
	buf_release(&waived);
	buf_release(&foot);
	buf_release(&row);
}
