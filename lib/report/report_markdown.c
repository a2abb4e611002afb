/* report_markdown.c - the markdown report: a pull request comment, capped
 * in size (see report.h) */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

enum { MD_CELL_MAX = 400 };	/* bytes of one message in the table */
/* An entry's other lines listed in its row: at most this many, in at most
 * about this many bytes (links to long paths are long). */
enum { MD_LINES_MAX = 30, MD_LINES_BYTES = 3000 };

static void md_where(struct buf *b, const char *path, long line,
		     const struct report_opts *o)
{
	if (o && o->link_base) {
		buf_addc(b, '[');
		rpt_md_text(b, path, MD_CELL_MAX);
		buf_addf(b, "\\:%ld](", line);
		rpt_md_link(b, o->link_base, path, line);
		buf_addc(b, ')');
	} else {
		rpt_md_text(b, path, MD_CELL_MAX);
		buf_addf(b, "\\:%ld", line);
	}
}

static const char *md_icon(int sev)
{
	return sev == SEV_ERROR ? ":x:" : sev == SEV_WARNING ? ":warning:"
							      : ":information_source:";
}

static const char md_confirmed[] = "confirmed by the race detector";

/* After an entry's first message, its other findings: "and 35 more lines:
 * 12, 15, ..." (each a link with --link-base), or "and 2 more findings on
 * lines 7, 9" when some share a line.  A finding the race detector confirmed
 * is marked; past the cap the unlisted ones are counted. */
static void md_more(struct buf *b, const struct finding *v, size_t i,
		    const struct rpt_entry *e, const size_t *partner,
		    const struct report_opts *o)
{
	size_t j, n = e[i].count - 1, lines = 0, listed = 0, unlisted = 0,
		  unlisted_confirmed = 0, start;
	long line = v[i].line;
	int same = 0;	/* a finding on the first one's line */

	if (!n)
		return;
	for (j = e[i].next; j != RPT_NONE; j = e[j].next) {
		same |= v[j].line == v[i].line;
		lines += j == e[i].next || v[j].line != line;
		line = v[j].line;
	}
	if (lines == n && !same)
		buf_addf(b, " \xe2\x80\x94 and %zu more line%s: ", n,
			 n == 1 ? "" : "s");
	else
		buf_addf(b, " \xe2\x80\x94 and %zu more finding%s on line%s ", n,
			 n == 1 ? "" : "s", lines == 1 ? "" : "s");
	start = b->len;
	for (j = e[i].next; j != RPT_NONE; j = e[j].next) {
		if (j != e[i].next && v[j].line == line)
			continue;	/* that line is listed already */
		line = v[j].line;
		if (listed == MD_LINES_MAX || b->len - start > MD_LINES_BYTES) {
			unlisted++;
			unlisted_confirmed += partner[j] != RPT_NONE;
			continue;
		}
		if (listed++)
			buf_adds(b, ", ");
		if (o && o->link_base) {
			buf_addf(b, "[%ld](", line);
			rpt_md_link(b, o->link_base, v[j].path, line);
			buf_addc(b, ')');
		} else {
			buf_addf(b, "%ld", line);
		}
		if (partner[j] != RPT_NONE)
			buf_addf(b, " (**%s**)", md_confirmed);
	}
	if (!unlisted)
		return;
	buf_addf(b, ", \xe2\x80\xa6 (%zu more line%s", unlisted,
		 unlisted == 1 ? "" : "s");
	if (unlisted_confirmed)
		buf_addf(b, ", %zu of them **%s**", unlisted_confirmed,
			 md_confirmed);
	buf_addc(b, ')');
}

/* How many findings entry i's row stands for: its own and the race reports
 * that confirm them. */
static size_t md_entry_size(size_t i, const struct rpt_entry *e,
			    const size_t *partner)
{
	size_t j, k = 0;

	for (j = i; j != RPT_NONE; j = e[j].next)
		k += 1 + (partner[j] != RPT_NONE);
	return k;
}

static void md_row(struct buf *b, const struct finding *v, size_t i,
		   const struct rpt_entry *e, const size_t *partner,
		   const struct report_opts *o)
{
	const struct finding *f = &v[i];

	buf_addf(b, "| %s %s | ", md_icon(f->severity), severity_name(f->severity));
	md_where(b, f->path, f->line, o);
	buf_adds(b, " | ");
	rpt_md_text(b, f->rule, 40);
	buf_adds(b, " | ");
	rpt_md_text(b, f->message, MD_CELL_MAX);
	if (partner[i] != RPT_NONE)
		buf_addf(b, " \xe2\x80\x94 **%s**", md_confirmed);
	if (f->downgraded) {
		buf_addf(b, " \xe2\x80\x94 downgraded from %s by exclude\\_rules",
			 severity_name(f->downgraded - 1));
		if (f->downgrade_reason) {
			buf_adds(b, "\\: ");
			rpt_md_text(b, f->downgrade_reason, MD_CELL_MAX);
		}
	}
	md_more(b, v, i, e, partner, o);
	buf_adds(b, " |\n");
}

/* The evidence of an entry: its first finding's, and what the race
 * detector said on each of its lines it confirmed. */
static void md_evidence(struct buf *b, const struct finding *v, size_t i,
			const struct rpt_entry *e, const size_t *partner,
			const struct report_opts *o)
{
	const struct finding *f = &v[i];
	size_t k, j, races = 0;

	for (j = i; j != RPT_NONE; j = e[j].next)
		races += partner[j] != RPT_NONE;
	if (!f->nev && !races)
		return;
	buf_adds(b, "- ");
	md_where(b, f->path, f->line, o);
	buf_adds(b, " ");
	rpt_md_text(b, f->rule, 40);
	buf_adds(b, "\n");
	for (k = 0; k < f->nev; k++) {
		buf_adds(b, "  - ");
		md_where(b, f->ev[k].path, f->ev[k].line, o);
		buf_adds(b, ": ");
		rpt_md_text(b, f->ev[k].note ? f->ev[k].note : "related", MD_CELL_MAX);
		buf_adds(b, "\n");
	}
	for (j = i, k = 0; j != RPT_NONE; j = e[j].next) {
		if (partner[j] == RPT_NONE)
			continue;
		if (k++ == MD_LINES_MAX) {	/* as in the row: a list, capped */
			buf_addf(b, "  - \xe2\x80\xa6 and %zu more race report%s\n",
				 races - MD_LINES_MAX,
				 races - MD_LINES_MAX == 1 ? "" : "s");
			break;
		}
		buf_adds(b, "  - race detector");
		if (j != i) {
			buf_adds(b, " on ");
			md_where(b, v[j].path, v[j].line, o);
		}
		buf_adds(b, ": ");
		rpt_md_text(b, v[partner[j]].message, MD_CELL_MAX);
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
		rpt_md_text(b, vd->policy, MD_CELL_MAX * 2);
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
		rpt_md_text(b, *x->rules ? x->rules : "all rules", 80);
		if (x->reason) {
			buf_adds(b, " \xe2\x80\x94 ");
			rpt_md_text(b, x->reason, MD_CELL_MAX);
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
	       nwaived = 0, nconfig = 0, omitted = 0, omitted_rows = 0,
	       ev_omitted = 0, last = 0, listed = 0, entries = 0;
	struct rpt_entry *e = rpt_entries(v, n, partner);
	int grouped = 0;
	const size_t reserve = 600;	/* the truncation note and the tags */

	buf_adds(&head, "<!-- mapguard -->\n");
	rpt_summary(&row, vd);
	buf_addf(&head, "### %s mapguard: %s\n\n",
		 vd->fail ? ":x:" : ":white_check_mark:", row.p);
	buf_reset(&row);
	for (i = 0; i < n; i++) {
		if (v[i].suppressed || (partner[i] != RPT_NONE && rpt_is_race(&v[i])) ||
		    e[i].head != i)
			continue;
		listed += md_entry_size(i, e, partner);
		entries++;
		grouped |= e[i].count > 1;
	}
	if (grouped)	/* the counts stay counts of findings */
		buf_addf(&head, "%zu findings in %zu row%s: one row per map, "
			 "rule and file, listing the map's other lines.\n\n",
			 listed, entries, entries == 1 ? "" : "s");
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
		if (e[i].head != i)
			continue;	/* shown in its entry's row */
		buf_reset(&row);
		md_row(&row, v, i, e, partner, o);
		if (omitted || head.len + body.len + row.len + foot.len + reserve +
				       REPORT_MARKDOWN_MAX / 8 > REPORT_MARKDOWN_MAX) {
			omitted += md_entry_size(i, e, partner);
			omitted_rows++;
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
		if (v[i].suppressed || (partner[i] != RPT_NONE && rpt_is_race(&v[i])) ||
		    e[i].head != i)
			continue;
		buf_reset(&row);
		md_evidence(&row, v, i, e, partner, o);
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
		rpt_md_text(&row, v[i].rule, 40);
		buf_adds(&row, ": ");
		rpt_md_text(&row, v[i].message, MD_CELL_MAX);
		if (v[i].suppress_reason) {
			buf_adds(&row, v[i].suppress_config
				 ? " \xe2\x80\x94 dropped by exclude\\_rules\\: "
				 : " \xe2\x80\x94 reason: ");
			rpt_md_text(&row, v[i].suppress_reason, MD_CELL_MAX);
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
	if (omitted) {
		fprintf(fp, "\n**%zu more finding%s not shown**", omitted,
			omitted == 1 ? "" : "s");
		if (omitted_rows < omitted)
			fprintf(fp, " (%zu row%s)", omitted_rows,
				omitted_rows == 1 ? "" : "s");
		fprintf(fp, ": this comment is capped at %d characters; the "
			"job log and the SARIF report list all of them.\n",
			REPORT_MARKDOWN_MAX);
	}
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
	free(e);
	buf_release(&head);
	buf_release(&body);
	buf_release(&ev);
	buf_release(&waived);
	buf_release(&foot);
	buf_release(&row);
}
