/* report_escape.c - escaping for each output language of the reports
 * (see report_int.h): XML, URI paths, JSON strings (jansson), GitHub
 * workflow commands, markdown, SARIF messages and the terminal.  Not: what
 * a format writes (report_FORMAT.c), the UTF-8 check (util/utf8.h) and the
 * control-character sanitiser (mg_put_text(), util/util.h) they build on.
 */
#include "report/report_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

void rpt_put_xml(FILE *fp, struct buf *b, const char *s)
{
	buf_reset(b);
	rpt_xml(b, s);
	if (b->len)
		fwrite(b->p, 1, b->len, fp);
}

/* ---- JSON (jansson) ---- */

/* Cuts valid UTF-8 s to at most max bytes, on a character boundary. */
void rpt_utf8_cut(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return;
	while (max && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	s[max] = '\0';
}

json_t *rpt_json_cut(const char *s, size_t max)
{
	char *c = rpt_clean(s);
	json_t *j;

	rpt_utf8_cut(c, max);
	j = json_string(c);
	free(c);
	return j ? j : json_string("");
}

json_t *rpt_json_str(const char *s)
{
	return rpt_json_cut(s, (size_t)-1);
}

void rpt_json_dump(FILE *fp, json_t *j, size_t flags)
{
	json_dumpf(j, fp, flags | JSON_COMPACT);
	json_decref(j);
}

/* ---- GitHub workflow commands ---- */

/* GitHub's escaping: data gets % CR LF; properties also ':' and ','. */
void rpt_gh_put(FILE *fp, const char *s, int prop)
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

/* ---- markdown ---- */

/* Appends s as inline markdown text that renders literally: HTML and
 * markdown punctuation escaped, '|' safe in a table, line breaks and control
 * characters flattened, invalid UTF-8 replaced; cut after max bytes. */
void rpt_md_text(struct buf *b, const char *s, size_t max)
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
void rpt_md_link(struct buf *b, const char *base, const char *path,
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

/* ---- SARIF messages ---- */

/* Appends s to b for a SARIF message: '\', '[' and ']' are escaped, since
 * "[text](id)" is an embedded link there (SARIF 2.1.0, 3.11.6). */
void rpt_sarif_msg(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\' || *s == '[' || *s == ']')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
}

/* ---- the terminal ---- */

/* Terminal-safe: C0 and C1 control characters (C1 as UTF-8, e.g. U+009B,
 * the one-byte CSI), tab too, become '?', so no escape sequence from a
 * hostile path or message reaches the reader's terminal. */
void rpt_text_put(FILE *fp, const char *s)
{
	mg_put_text(fp, s, MG_TEXT_TAB);
}
