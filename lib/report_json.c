/* report_json.c - the SARIF 2.1.0 and GitLab Code Quality reports
 * (see report.h) */
#include "report_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Any bytes as a JSON string (invalid UTF-8 becomes U+FFFD). */
static json_t *jstr(const char *s)
{
	char *c = rpt_clean(s);
	json_t *j = json_string(c);

	free(c);
	return j ? j : json_string("");
}

static json_t *jtext(const char *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", jstr(s));
	return o;
}

static json_t *juri(const char *path)
{
	struct buf b = BUF_INIT;
	json_t *j;

	rpt_uri(&b, path);
	j = json_string(b.p ? b.p : "");
	buf_release(&b);
	return j;
}

static json_t *sarif_location(const char *path, long line, long col,
			      long eline, long ecol)
{
	json_t *loc = json_object(), *phys = json_object(), *art = json_object(),
	       *reg = json_object();

	json_object_set_new(art, "uri", juri(path));
	json_object_set_new(art, "uriBaseId", json_string("%SRCROOT%"));
	json_object_set_new(phys, "artifactLocation", art);
	json_object_set_new(reg, "startLine", json_integer(line));
	if (col > 0)
		json_object_set_new(reg, "startColumn", json_integer(col));
	if (eline >= line) {
		json_object_set_new(reg, "endLine", json_integer(eline));
		/* SARIF's endColumn is exclusive, like ours */
		if (ecol > 0 && (eline > line || ecol > col))
			json_object_set_new(reg, "endColumn", json_integer(ecol));
	}
	json_object_set_new(phys, "region", reg);
	json_object_set_new(loc, "physicalLocation", phys);
	return loc;
}

static json_t *sarif_rule(const char *id, const struct rule_info *ri)
{
	json_t *r = json_object(), *cfg = json_object();
	char *help;

	json_object_set_new(r, "id", jstr(id));
	if (ri) {
		json_object_set_new(r, "name", json_string(ri->name));
		json_object_set_new(r, "shortDescription", jtext(ri->summary));
		help = xasprintf("%s: %s. Suppress one line with //mg:ignore %s "
				 "// reason; see %s/blob/main/docs/rules/%s.md",
				 ri->id, ri->summary, ri->id, MG_HOME_URL, ri->id);
		json_object_set_new(r, "fullDescription", jtext(help));
		free(help);
		help = xasprintf("%s/blob/main/docs/rules/%s.md", MG_HOME_URL,
				 ri->id);
		json_object_set_new(r, "helpUri", json_string(help));
		free(help);
		json_object_set_new(cfg, "level",
				    json_string(severity_name(ri->severity)));
	} else {
		json_object_set_new(r, "shortDescription", jtext(id));
		json_object_set_new(r, "fullDescription",
				    jtext("a rule that is not in mapguard's catalogue"));
		json_object_set_new(cfg, "level", json_string("warning"));
	}
	json_object_set_new(r, "defaultConfiguration", cfg);
	return r;
}

/* The rules array: the whole catalogue (stable indices), then rule ids
 * from the input that it does not know, in order of appearance.  idx[i]
 * receives the ruleIndex of finding i. */
static json_t *sarif_rules(const struct finding *v, size_t n, size_t *idx)
{
	json_t *rules = json_array();
	const struct rule_info *cat;
	size_t ncat, i, k, next;
	const char **extra = NULL;
	size_t nextra = 0, aextra = 0;

	cat = scan_rules(&ncat);
	for (i = 0; i < ncat; i++)
		json_array_append_new(rules, sarif_rule(cat[i].id, &cat[i]));
	next = ncat;
	for (i = 0; i < n; i++) {
		if (rpt_rule(v[i].rule, &idx[i]))
			continue;
		for (k = 0; k < nextra && strcmp(extra[k], v[i].rule); k++)
			;
		if (k == nextra) {
			ARRAY_GROW(extra, nextra + 1, aextra);
			extra[nextra++] = v[i].rule;
			json_array_append_new(rules, sarif_rule(v[i].rule, NULL));
		}
		idx[i] = next + k;
	}
	free(extra);
	return rules;
}

/* Writes j (stolen) compactly: the reports are streamed one result per
 * line, so memory stays flat however many findings there are. */
static void dump(FILE *fp, json_t *j, size_t flags)
{
	json_dumpf(j, fp, flags | JSON_COMPACT);
	json_decref(j);
}

static json_t *sarif_result(const struct finding *f, size_t ruleindex)
{
	json_t *r = json_object(), *locs = json_array(), *pf;
	size_t k;

	json_object_set_new(r, "ruleId", jstr(f->rule));
	json_object_set_new(r, "ruleIndex", json_integer((json_int_t)ruleindex));
	json_object_set_new(r, "level", json_string(severity_name(f->severity)));
	json_object_set_new(r, "message", jtext(f->message));
	json_array_append_new(locs, sarif_location(f->path, f->line, f->column,
						   f->end_line, f->end_column));
	json_object_set_new(r, "locations", locs);
	if (f->nev) {
		json_t *rel = json_array();

		for (k = 0; k < f->nev; k++) {
			json_t *l = sarif_location(f->ev[k].path, f->ev[k].line,
						   f->ev[k].column, 0, 0);

			json_object_set_new(l, "id", json_integer((json_int_t)k));
			json_object_set_new(l, "message",
					    jtext(f->ev[k].note ? f->ev[k].note
							       : "related"));
			json_array_append_new(rel, l);
		}
		json_object_set_new(r, "relatedLocations", rel);
	}
	if (f->fingerprint) {
		/* not primaryLocationLineHash: GitHub computes that one itself
		 * and warns when a supplied value differs from its own */
		pf = json_object();
		json_object_set_new(pf, "mapguard/v1", jstr(f->fingerprint));
		json_object_set_new(r, "partialFingerprints", pf);
	}
	if (f->suppressed) {
		json_t *sa = json_array(), *sp = json_object();

		/* a waiver in .mapguard.json is "external" to the source */
		json_object_set_new(sp, "kind", json_string(f->suppress_config
							    ? "external"
							    : "inSource"));
		if (f->suppress_reason)
			json_object_set_new(sp, "justification",
					    jstr(f->suppress_reason));
		json_array_append_new(sa, sp);
		json_object_set_new(r, "suppressions", sa);
	} else if (f->downgraded) {
		json_t *pr = json_object();

		json_object_set_new(pr, "mapguard/downgradedFrom",
				    json_string(severity_name(f->downgraded - 1)));
		if (f->downgrade_reason)
			json_object_set_new(pr, "mapguard/downgradeReason",
					    jstr(f->downgrade_reason));
		json_object_set_new(r, "properties", pr);
	}
	return r;
}

void report_sarif(FILE *fp, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o)
{
	json_t *tool = json_object(), *drv = json_object(), *auto_ = json_object(),
	       *inv = json_array(), *iv = json_object();
	size_t *idx = xcalloc(n ? n : 1, sizeof(*idx)), i;
	const char *cat = o && o->sarif_category ? o->sarif_category : "mapguard";
	char *id;

	(void)vd;
	json_object_set_new(drv, "name", json_string("mapguard"));
	json_object_set_new(drv, "version", json_string(MG_VERSION));
	json_object_set_new(drv, "semanticVersion", json_string(MG_VERSION));
	json_object_set_new(drv, "informationUri", json_string(MG_HOME_URL));
	json_object_set_new(drv, "rules", sarif_rules(v, n, idx));
	json_object_set_new(tool, "driver", drv);
	/* GitHub: the category is the id up to its last '/': ending in '/'
	 * makes the whole id the category */
	id = xasprintf("%s%s", cat, *cat && cat[strlen(cat) - 1] == '/' ? "" : "/");
	json_object_set_new(auto_, "id", jstr(id));
	free(id);
	json_object_set_new(iv, "executionSuccessful", json_true());
	json_array_append_new(inv, iv);

	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	      "\"version\":\"2.1.0\",\"runs\":[{\n\"tool\":", fp);
	dump(fp, tool, JSON_INDENT(1));
	fputs(",\n\"automationDetails\":", fp);
	dump(fp, auto_, 0);
	fputs(",\n\"invocations\":", fp);
	dump(fp, inv, 0);
	fputs(",\n\"results\":[", fp);
	for (i = 0; i < n; i++) {
		fputs(i ? ",\n" : "\n", fp);
		dump(fp, sarif_result(&v[i], idx[i]), 0);
	}
	fputs("\n]}]}\n", fp);
	free(idx);
}

/* ---- GitLab Code Quality ---- */

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

void report_gitlab(FILE *fp, const struct finding *v, size_t n)
{
	struct fpref *refs = xcalloc(n ? n : 1, sizeof(*refs));
	char **fps = xcalloc(n ? n : 1, sizeof(*fps));
	size_t i, nref = 0, occ = 0;
	int first = 1;

	/* GitLab collapses equal fingerprints: a repeated one (two findings
	 * that hash alike, or no fingerprint at all) gets its occurrence */
	for (i = 0; i < n; i++) {
		if (v[i].suppressed)
			continue;
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

		if (f->suppressed)
			continue;
		o = json_object();
		loc = json_object();
		lines = json_object();
		ri = rpt_rule(f->rule, NULL);
		json_object_set_new(o, "type", json_string("issue"));
		d = xasprintf("%s: %s", f->rule, f->message);
		json_object_set_new(o, "description", jstr(d));
		free(d);
		json_object_set_new(o, "check_name", jstr(f->rule));
		if (ri) {
			json_t *cats = json_array();

			json_array_append_new(cats, json_string("Bug Risk"));
			json_object_set_new(o, "categories", cats);
		}
		json_object_set_new(o, "fingerprint", jstr(fps[i]));
		json_object_set_new(o, "severity",
				    json_string(gitlab_severity(f->severity)));
		json_object_set_new(loc, "path", jstr(f->path));
		json_object_set_new(lines, "begin", json_integer(f->line));
		if (f->end_line >= f->line)
			json_object_set_new(lines, "end", json_integer(f->end_line));
		json_object_set_new(loc, "lines", lines);
		json_object_set_new(o, "location", loc);
		fputs(first ? "\n" : ",\n", fp);
		first = 0;
		dump(fp, o, 0);
	}
	fputs(first ? "]\n" : "\n]\n", fp);
	for (i = 0; i < n; i++)
		free(fps[i]);
	free(fps);
	free(refs);
}
