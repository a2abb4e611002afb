/* report_rdjsonl.c - reviewdog's Diagnostic Format as JSON Lines (rdjsonl):
 * one Diagnostic object per line, for `reviewdog -f=rdjsonl` (see report.h,
 * docs/reviewdog.md) */
#include "report/report_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* reviewdog reads rdjsonl with a bufio.Scanner, whose default buffer is
 * 64 KiB: a longer line stops it without an error, dropping that line and
 * every one after.  Each line stays under this many bytes. */
enum { RDJ_LINE_MAX = 60000, RDJ_MSG_MAX = 4000, RDJ_MSG_MIN = 400 };

static const char *rdj_severity(int sev)
{
	return sev == SEV_ERROR ? "ERROR" : sev == SEV_WARNING ? "WARNING" : "INFO";
}

/* {"path":..., "range":{"start":{"line","column"}, "end":{...}}}; column 0
 * (not known) is left out, which reviewdog reads as the whole line.  Both
 * count bytes from 1 and the end is exclusive, as in mapguard's findings. */
static json_t *rdj_location(const char *path, long line, long col,
			    long eline, long ecol)
{
	json_t *loc = json_object(), *range = json_object(),
	       *start = json_object();

	json_object_set_new(loc, "path", rpt_json_str(path));
	if (line > 0)
		json_object_set_new(start, "line", json_integer(line));
	if (col > 0)
		json_object_set_new(start, "column", json_integer(col));
	json_object_set_new(range, "start", start);
	if (line > 0 && eline >= line && ecol > 0 &&
	    (eline > line || ecol > col)) {
		json_t *end = json_object();

		json_object_set_new(end, "line", json_integer(eline));
		json_object_set_new(end, "column", json_integer(ecol));
		json_object_set_new(range, "end", end);
	}
	json_object_set_new(loc, "range", range);
	return loc;
}

static json_t *rdj_related(const char *path, long line, long col,
			   const char *msg)
{
	json_t *r = json_object();

	json_object_set_new(r, "message", rpt_json_cut(msg, RDJ_MSG_MIN));
	json_object_set_new(r, "location", rdj_location(path, line, col, 0, 0));
	return r;
}

static void rdj_where(struct buf *b, const char *path, long line, long col)
{
	buf_addf(b, "\n  %s:%ld", path ? path : "", line);
	if (col > 0)
		buf_addf(b, ":%ld", col);
	buf_adds(b, ": ");
}

/* One Diagnostic: f, with the first nev of its evidence (and race, the race
 * report that confirms it, or NULL) as related locations.  reviewdog's
 * comments show the message only, so the related locations are repeated
 * in it, one per line, as in the github report. */
static json_t *rdj_diagnostic(const struct finding *f,
			      const struct finding *race, size_t nev,
			      size_t msgmax)
{
	const struct rule_info *ri = rpt_rule(f->rule, NULL);
	json_t *d = json_object(), *src = json_object(), *code = json_object(),
	       *rel = json_array();
	struct buf b = BUF_INIT;
	char *m = rpt_clean(f->message);
	size_t k;

	rpt_utf8_cut(m, msgmax);
	buf_adds(&b, m);
	free(m);
	for (k = 0; k < nev; k++) {
		const struct evidence *e = &f->ev[k];
		const char *note = e->note ? e->note : "related";

		rdj_where(&b, e->path, e->line, e->column);
		m = rpt_clean(note);
		rpt_utf8_cut(m, RDJ_MSG_MIN);
		buf_adds(&b, m);
		free(m);
		json_array_append_new(rel, rdj_related(e->path, e->line,
						       e->column, note));
	}
	if (nev < f->nev)
		buf_addf(&b, "\n  (%zu more related locations not shown)",
			 f->nev - nev);
	if (race) {
		char *note = xasprintf("confirmed by the race detector: %s",
				       race->message ? race->message : "");

		rdj_where(&b, race->path, race->line, race->column);
		m = rpt_clean(note);
		rpt_utf8_cut(m, RDJ_MSG_MIN);
		buf_adds(&b, m);
		free(m);
		json_array_append_new(rel, rdj_related(race->path, race->line,
						       race->column, note));
		free(note);
	}
	json_object_set_new(d, "message", rpt_json_str(b.p ? b.p : ""));
	buf_release(&b);
	json_object_set_new(d, "location",
			    rdj_location(f->path, f->line, f->column,
					 f->end_line, f->end_column));
	json_object_set_new(d, "severity", json_string(rdj_severity(f->severity)));
	json_object_set_new(src, "name", json_string("mapguard"));
	json_object_set_new(src, "url", json_string(MG_HOME_URL));
	json_object_set_new(d, "source", src);
	json_object_set_new(code, "value", rpt_json_cut(f->rule, RDJ_MSG_MIN));
	if (ri) {
		/* the page SARIF's helpUri names */
		char *url = rules_doc_url(ri->id);

		json_object_set_new(code, "url", json_string(url));
		free(url);
	}
	json_object_set_new(d, "code", code);
	if (json_array_size(rel))
		json_object_set_new(d, "related_locations", rel);
	else
		json_decref(rel);
	return d;
}

/* Writes f as one line under RDJ_LINE_MAX bytes: related locations are
 * halved, then the message is cut, until it fits. */
static void rdj_write(FILE *fp, const struct finding *f,
		      const struct finding *race)
{
	size_t nev = f->nev, msgmax = RDJ_MSG_MAX;
	char *s;

	for (;;) {
		json_t *d = rdj_diagnostic(f, race, nev, msgmax);

		s = json_dumps(d, JSON_COMPACT);
		json_decref(d);
		if (!s)	/* jansson's allocation failed: never drop a finding */
			mg_die("rdjsonl: out of memory");
		if (strlen(s) < RDJ_LINE_MAX || (!nev && msgmax == RDJ_MSG_MIN))
			break;	/* a path alone that long: written as it is */
		free(s);
		if (nev)
			nev /= 2;
		else
			msgmax = RDJ_MSG_MIN;
	}
	fputs(s, fp);
	fputc('\n', fp);
	free(s);
}

void report_rdjsonl(FILE *fp, const struct finding *v, size_t n,
		    const struct verdict *vd, const struct report_opts *o)
{
	size_t *partner = rpt_race_partners(v, n), i;

	(void)vd;
	(void)o;
	for (i = 0; i < n; i++) {
		if (v[i].suppressed)
			continue;	/* reviewdog would post it */
		if (partner[i] != RPT_NONE && rpt_is_race(&v[i]))
			continue;	/* carried by the finding it confirms */
		rdj_write(fp, &v[i],
			  partner[i] != RPT_NONE ? &v[partner[i]] : NULL);
	}
	free(partner);
}
