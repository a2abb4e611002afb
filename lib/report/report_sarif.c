/* report_sarif.c - the SARIF 2.1.0 report, for GitHub code scanning, with
 * GitHub's primaryLocationLineHash (see report.h) */
#include "report/report_int.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static json_t *jtext(const char *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", rpt_json_str(s));
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

/* help (text and markdown) and properties (precision, tags) from the rule's
 * page, docs/rules/ID.md, compiled in (lib/report/gen-rulehelp.awk) */
static void sarif_rule_help(json_t *r, const char *id)
{
	const struct rule_help *h = NULL;
	json_t *help, *props, *tags;
	const char *t, *e;
	size_t i;

	for (i = 0; i < rpt_rule_helps_n; i++)
		if (!strcmp(rpt_rule_helps[i].id, id))
			h = &rpt_rule_helps[i];
	if (!h)
		return;
	help = json_object();
	json_object_set_new(help, "text", json_string(h->text));
	json_object_set_new(help, "markdown", json_string(h->markdown));
	json_object_set_new(r, "help", help);
	props = json_object();
	json_object_set_new(props, "precision", json_string(h->precision));
	tags = json_array();
	for (t = h->tags; *t; t = *e ? e + 1 : e) {
		e = strchr(t, ' ');
		if (!e)
			e = t + strlen(t);
		if (e > t)
			json_array_append_new(tags, json_stringn(t, (size_t)(e - t)));
	}
	json_object_set_new(props, "tags", tags);
	json_object_set_new(r, "properties", props);
}

static json_t *sarif_rule(const char *id, const struct rule_info *ri)
{
	json_t *r = json_object(), *cfg = json_object();
	char *help, *url;

	json_object_set_new(r, "id", rpt_json_str(id));
	if (ri) {
		json_object_set_new(r, "name", json_string(ri->name));
		json_object_set_new(r, "shortDescription", jtext(ri->summary));
		url = rules_doc_url(ri->id);
		help = xasprintf("%s: %s. Suppress one line with //mg:ignore %s "
				 "// reason; see %s", ri->id, ri->summary,
				 ri->id, url);
		json_object_set_new(r, "fullDescription", jtext(help));
		free(help);
		json_object_set_new(r, "helpUri", json_string(url));
		free(url);
		json_object_set_new(cfg, "level",
				    json_string(severity_name(ri->severity)));
		sarif_rule_help(r, ri->id);
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

	cat = rules_catalogue;
	ncat = RULE_COUNT;
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

/* ---- primaryLocationLineHash ----
 *
 * GitHub's upload action (github/codeql-action, src/fingerprints.ts) gives
 * each result a partialFingerprints.primaryLocationLineHash from the source
 * file, unless the file already has one, and warns when a supplied one
 * differs; a SARIF file sent to the REST API gets none.  We compute it the
 * same way, so both routes agree:
 *
 * - the file is decoded as UTF-8 into UTF-16 code units (invalid sequences
 *   become U+FFFD, as Node's decoder does: one per maximal subpart);
 * - spaces and tabs are dropped, CR and CRLF become LF;
 * - a rolling hash over a window of the last 100 units, hash = 37 * hash +
 *   unit - 37^100 * unit leaving the window, in wrapping 64-bit arithmetic;
 * - the text ends with the unit 65535 and then 100 zeros;
 * - a line's hash is the window's value when its first unit is the oldest
 *   one in the window (the 100 units from where the line starts, across
 *   line ends), printed as unsigned lowercase hex;
 * - ":N" is appended, N counting how many lines so far (in line order) had
 *   that hash, from 1. */
#define LH_BLOCK 100

struct lh_state {
	uint64_t hash, firstmod;
	unsigned window[LH_BLOCK];
	long lineat[LH_BLOCK];	/* the line starting at this slot, or 0 */
	size_t at;
	long line;
	int linestart, prevcr;
	uint64_t *h;		/* h[l - 1]: line l's hash */
	size_t n, alloc;
};

static void lh_push(struct lh_state *s, unsigned c)
{
	unsigned old = s->window[s->at];

	s->window[s->at] = c;
	s->hash = 37 * s->hash + c - s->firstmod * old;
	s->at = (s->at + 1) % LH_BLOCK;
}

static void lh_emit(struct lh_state *s)
{
	size_t l = (size_t)s->lineat[s->at];

	if (l > s->n) {	/* lines come in order: l == n + 1 */
		ARRAY_GROW(s->h, l, s->alloc);
		s->n = l;
	}
	s->h[l - 1] = s->hash;
	s->lineat[s->at] = 0;
}

static void lh_unit(struct lh_state *s, unsigned c)
{
	if (c == ' ' || c == '\t' || (s->prevcr && c == '\n')) {
		s->prevcr = 0;
		return;
	}
	s->prevcr = c == '\r';
	if (c == '\r')
		c = '\n';
	if (s->lineat[s->at])
		lh_emit(s);
	if (s->linestart) {
		s->linestart = 0;
		s->lineat[s->at] = ++s->line;
	}
	if (c == '\n')
		s->linestart = 1;
	lh_push(s, c);
}

/* The code point at p (n > 0 bytes left), *len its length; WHATWG's UTF-8
 * decoder: an invalid or cut sequence is U+FFFD covering its valid prefix. */
static unsigned utf8_next(const unsigned char *p, size_t n, size_t *len)
{
	unsigned c = p[0], lo = 0x80, hi = 0xBF, v;
	size_t need, i;

	*len = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0xFFFD;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*len = i;
			return 0xFFFD;
		}
		v = v << 6 | (p[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*len = need + 1;
	return v;
}

struct lh_ref {
	uint64_t h;
	size_t line;
};

static int cmp_lh_ref(const void *a, const void *b)
{
	const struct lh_ref *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The hashes of every line of the file at path: (*out)[l - 1] is line l's
 * "hex:N" (free() the array); the number of lines, or 0 when the file cannot
 * be read (then GitHub's upload action computes them, or nobody does). */
static size_t line_hashes(const char *path, char (**out)[32])
{
	struct lh_state *s;
	struct lh_ref *refs;
	struct stat st;
	unsigned char *data;
	FILE *fp;
	size_t len = 0, got, i, k, occ, n;
	char (*res)[32];

	*out = NULL;
	if (stat(path, &st) || !S_ISREG(st.st_mode) || !(fp = fopen(path, "rb")))
		return 0;
	data = xmalloc((size_t)st.st_size + 1);
	while (len < (size_t)st.st_size &&
	       (got = fread(data + len, 1, (size_t)st.st_size - len, fp)) > 0)
		len += got;
	fclose(fp);
	s = xcalloc(1, sizeof(*s));
	s->firstmod = 1;
	for (i = 0; i < LH_BLOCK; i++)
		s->firstmod *= 37;
	s->linestart = 1;
	for (i = 0; i < len; i += got) {
		unsigned c = utf8_next(data + i, len - i, &got);

		if (c >= 0x10000) {	/* UTF-16: a surrogate pair */
			lh_unit(s, 0xD800 + ((c - 0x10000) >> 10));
			lh_unit(s, 0xDC00 + ((c - 0x10000) & 0x3FF));
		} else {
			lh_unit(s, c);
		}
	}
	free(data);
	lh_unit(s, 0xFFFF);
	for (i = 0; i < LH_BLOCK; i++) {
		if (s->lineat[s->at])
			lh_emit(s);
		lh_push(s, 0);
	}
	n = s->n;
	refs = xcalloc(n ? n : 1, sizeof(*refs));
	res = xcalloc(n ? n : 1, sizeof(*res));
	for (i = 0; i < n; i++) {
		refs[i].h = s->h[i];
		refs[i].line = i;
	}
	qsort(refs, n, sizeof(*refs), cmp_lh_ref);
	for (i = 0, occ = 0; i < n; i++) {
		occ = i && refs[i].h == refs[i - 1].h ? occ + 1 : 1;
		k = refs[i].line;
		snprintf(res[k], sizeof(res[k]), "%" PRIx64 ":%zu", refs[i].h, occ);
	}
	free(refs);
	free(s->h);
	free(s);
	*out = res;
	return n;
}
/* The message, then each piece of evidence as a link to its related
 * location: GitHub shows related locations only when the message links
 * them. */
static json_t *sarif_message(const struct finding *f)
{
	struct buf b = BUF_INIT;
	json_t *j;
	size_t k;

	rpt_sarif_msg(&b, f->message);
	for (k = 0; k < f->nev; k++) {
		buf_adds(&b, k ? ", [" : "; evidence: [");
		rpt_sarif_msg(&b, f->ev[k].note ? f->ev[k].note : "related");
		buf_addf(&b, "](%zu)", k + 1);
	}
	j = jtext(b.p ? b.p : "");
	buf_release(&b);
	return j;
}

static json_t *sarif_result(const struct finding *f, size_t ruleindex,
			    const char *linehash)
{
	json_t *r = json_object(), *locs = json_array(), *pf = NULL;
	size_t k;

	json_object_set_new(r, "ruleId", rpt_json_str(f->rule));
	json_object_set_new(r, "ruleIndex", json_integer((json_int_t)ruleindex));
	json_object_set_new(r, "level", json_string(severity_name(f->severity)));
	json_object_set_new(r, "message", sarif_message(f));
	json_array_append_new(locs, sarif_location(f->path, f->line, f->column,
						   f->end_line, f->end_column));
	json_object_set_new(r, "locations", locs);
	if (f->nev) {
		json_t *rel = json_array();

		for (k = 0; k < f->nev; k++) {
			json_t *l = sarif_location(f->ev[k].path, f->ev[k].line,
						   f->ev[k].column, 0, 0);

			json_object_set_new(l, "id", json_integer((json_int_t)k + 1));
			json_object_set_new(l, "message",
					    jtext(f->ev[k].note ? f->ev[k].note
							       : "related"));
			json_array_append_new(rel, l);
		}
		json_object_set_new(r, "relatedLocations", rel);
	}
	if (f->fingerprint || linehash)
		pf = json_object();
	if (f->fingerprint)
		json_object_set_new(pf, "mapguard/v1", rpt_json_str(f->fingerprint));
	if (linehash)
		json_object_set_new(pf, "primaryLocationLineHash",
				    json_string(linehash));
	if (pf)
		json_object_set_new(r, "partialFingerprints", pf);
	if (f->suppressed) {
		json_t *sa = json_array(), *sp = json_object();

		/* a waiver in .mapguard.json is "external" to the source */
		json_object_set_new(sp, "kind", json_string(f->suppress_config
							    ? "external"
							    : "inSource"));
		if (f->suppress_reason)
			json_object_set_new(sp, "justification",
					    rpt_json_str(f->suppress_reason));
		json_array_append_new(sa, sp);
		json_object_set_new(r, "suppressions", sa);
	} else if (f->downgraded) {
		json_t *pr = json_object();

		json_object_set_new(pr, "mapguard/downgradedFrom",
				    json_string(severity_name(f->downgraded - 1)));
		if (f->downgrade_reason)
			json_object_set_new(pr, "mapguard/downgradeReason",
					    rpt_json_str(f->downgrade_reason));
		json_object_set_new(r, "properties", pr);
	}
	return r;
}

/* The source root as an absolute directory with a trailing '/'. */
static char *abs_root(const char *root)
{
	char *cwd, *r;
	size_t n;

	if (root[0] == '/') {
		r = xstrdup(root);
	} else {
		cwd = getcwd(NULL, 0);
		if (!cwd)
			return NULL;
		r = strcmp(root, ".") ? xasprintf("%s/%s", cwd, root)
				      : xstrdup(cwd);
		free(cwd);
	}
	n = strlen(r);
	while (n > 1 && r[n - 1] == '/')
		r[--n] = '\0';
	if (strcmp(r, "/")) {
		char *t = xasprintf("%s/", r);

		free(r);
		r = t;
	}
	return r;
}

/* The file a finding's path names, as GitHub's upload action resolves it:
 * relative to the source root; an absolute path only inside it. */
static char *source_file(const char *aroot, const char *root, const char *path)
{
	if (!path || !*path)
		return NULL;
	if (path[0] == '/')
		return aroot && !strncmp(path, aroot, strlen(aroot)) ? xstrdup(path)
								      : NULL;
	return xasprintf("%s/%s", root, path);
}

/* originalUriBaseIds: what %SRCROOT% stands for */
static json_t *sarif_base_ids(const char *root)
{
	json_t *ids = json_object(), *src = json_object();
	struct buf b = BUF_INIT;

	if (root) {
		buf_adds(&b, "file://");
		rpt_uri(&b, root);
		json_object_set_new(src, "uri", json_string(b.p));
		buf_release(&b);
	}
	json_object_set_new(src, "description",
			    jtext("the directory the finding paths are relative "
				  "to: the repository root in the GitHub Action"));
	json_object_set_new(ids, "%SRCROOT%", src);
	return ids;
}

void report_sarif(FILE *fp, const struct finding *v, size_t n,
		  const struct verdict *vd, const struct report_opts *o)
{
	json_t *tool = json_object(), *drv = json_object(), *auto_ = json_object(),
	       *inv = json_array(), *iv = json_object();
	size_t *idx = xcalloc(n ? n : 1, sizeof(*idx)), i, nlh = 0;
	const char *cat = o && o->sarif_category ? o->sarif_category : "mapguard";
	const char *root = o && o->source_root ? o->source_root : ".";
	const char *lhpath = NULL;
	char *id, *aroot = abs_root(root), (*lh)[32] = NULL;

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
	json_object_set_new(auto_, "id", rpt_json_str(id));
	free(id);
	json_object_set_new(iv, "executionSuccessful", json_true());
	json_array_append_new(inv, iv);

	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	      "\"version\":\"2.1.0\",\"runs\":[{\n\"tool\":", fp);
	rpt_json_dump(fp, tool, JSON_INDENT(1));
	fputs(",\n\"automationDetails\":", fp);
	rpt_json_dump(fp, auto_, 0);
	fputs(",\n\"invocations\":", fp);
	rpt_json_dump(fp, inv, 0);
	fputs(",\n\"originalUriBaseIds\":", fp);
	rpt_json_dump(fp, sarif_base_ids(aroot), 0);
	fputs(",\n\"results\":[", fp);
	for (i = 0; i < n; i++) {
		const char *hash = NULL;

		/* each file is read once: the findings are sorted by path */
		if (!lhpath || strcmp(lhpath, v[i].path)) {
			char *file = source_file(aroot, root, v[i].path);

			free(lh);
			lh = NULL;
			nlh = file ? line_hashes(file, &lh) : 0;
			free(file);
			lhpath = v[i].path;
		}
		if (v[i].line >= 1 && (size_t)v[i].line <= nlh)
			hash = lh[v[i].line - 1];
		fputs(i ? ",\n" : "\n", fp);
		rpt_json_dump(fp, sarif_result(&v[i], idx[i], hash), 0);
	}
	fputs("\n]}]}\n", fp);
	free(lh);
	free(aroot);
	free(idx);
}
