/* test_text.c - the one UTF-8 check (util/utf8.h), the one control-character
 * sanitiser (mg_put_text), the rule catalogue (stream/rules.h) and the one
 * fingerprint numbering (finding_fingerprint_number)
 *
 * Each boundary of RFC 3629's table on both sides, truncated sequences, the
 * sanitiser's flags, every catalogue entry's id and number both ways, and
 * the numbering of equal bases in finding_cmp() order.
 */
#include "stream/finding.h"
#include "stream/rules.h"
#include "util/utf8.h"
#include "util/util.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t len_of(const char *s)
{
	return utf8_len((const unsigned char *)s, strlen(s));
}

static void check_utf8(void)
{
	struct buf b = BUF_INIT;
	static const unsigned cps[] = { 0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff,
					0xe000, 0xfffd, 0xffff, 0x10000,
					0x10ffff };
	size_t i;

	CHECK_INT(len_of("a"), 1);
	CHECK_INT(len_of("\x7f"), 1);
	CHECK_INT(len_of("\x80"), 0);		/* a lone continuation */
	CHECK_INT(len_of("\xc0\x80"), 0);	/* overlong NUL */
	CHECK_INT(len_of("\xc1\xbf"), 0);	/* overlong */
	CHECK_INT(len_of("\xc2\x80"), 2);
	CHECK_INT(len_of("\xdf\xbf"), 2);
	CHECK_INT(len_of("\xc2\x41"), 0);	/* not a continuation */
	CHECK_INT(len_of("\xe0\x9f\xbf"), 0);	/* overlong */
	CHECK_INT(len_of("\xe0\xa0\x80"), 3);
	CHECK_INT(len_of("\xed\x9f\xbf"), 3);
	CHECK_INT(len_of("\xed\xa0\x80"), 0);	/* surrogate */
	CHECK_INT(len_of("\xed\xbf\xbf"), 0);
	CHECK_INT(len_of("\xee\x80\x80"), 3);
	CHECK_INT(len_of("\xef\xbf\xbf"), 3);
	CHECK_INT(len_of("\xf0\x8f\xbf\xbf"), 0);	/* overlong */
	CHECK_INT(len_of("\xf0\x90\x80\x80"), 4);
	CHECK_INT(len_of("\xf4\x8f\xbf\xbf"), 4);
	CHECK_INT(len_of("\xf4\x90\x80\x80"), 0);	/* > U+10FFFF */
	CHECK_INT(len_of("\xf5\x80\x80\x80"), 0);
	CHECK_INT(len_of("\xff"), 0);
	/* cut short: by avail, or by the string's NUL with avail 4 */
	CHECK_INT(utf8_len((const unsigned char *)"\xe2\x82\xac", 2), 0);
	CHECK_INT(utf8_len((const unsigned char *)"\xe2\x82\xac", 3), 3);
	CHECK_INT(utf8_len((const unsigned char *)"\xe2\x82", 4), 0);
	CHECK_INT(utf8_len((const unsigned char *)"\xf0\x9f\x98", 4), 0);

	utf8_add_valid(&b, "a\xff" "b\xe2\x82" "c\xc3\xa9\xed\xa0\x80");
	CHECK_STR(b.p, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd" "c\xc3\xa9"
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	b.len = 0;
	utf8_add_valid(&b, NULL);
	CHECK_INT(b.len, 0);
	/* what utf8_put writes, utf8_len reads back whole */
	for (i = 1; i < sizeof(cps) / sizeof(cps[0]); i++) {
		b.len = 0;
		utf8_put(&b, cps[i]);
		CHECK_INT(utf8_len((const unsigned char *)b.p, b.len),
			  (long long)b.len);
		CHECK_INT(b.len, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 :
				 cps[i] < 0x10000 ? 3 : 4);
	}
	buf_release(&b);
}

/* What mg_put_text(s, flags) writes. */
static char *put(const char *s, int flags)
{
	char *out = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&out, &n);

	if (!fp)
		return NULL;
	mg_put_text(fp, s, flags);
	fclose(fp);
	return out;
}

static void check_put_text(void)
{
	static const struct {
		const char *in;
		int flags;
		const char *want;
	} t[] = {
		{ "plain é", 0, "plain é" },
		{ "a\tb", 0, "a\tb" },
		{ "a\tb", MG_TEXT_TAB, "a?b" },
		{ "a\nb\rc\x1b[31m\x7f", 0, "a?b?c?[31m?" },
		{ "csi\xc2\x9b" "x\xc2\xa0", 0, "csi?x\xc2\xa0" },	/* C1, NBSP */
		{ "::add-mask::x", MG_TEXT_LEAD, "./::add-mask::x" },
		{ " a", MG_TEXT_LEAD, "./ a" },
		{ "\ta", MG_TEXT_LEAD | MG_TEXT_TAB, "./?a" },
		{ "::x", 0, "::x" },
		{ NULL, MG_TEXT_LEAD, "" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *got = put(t[i].in, t[i].flags);

		CHECK_STR(got, t[i].want);
		free(got);
	}
}

static void check_rules(void)
{
	size_t i;
	char *url;

	CHECK(RULES_MAX > RULE_COUNT);
	CHECK_INT(RULE_MG001, 1);
	CHECK_INT(RULE_MG006, 6);
	CHECK_INT(RULE_COUNT, 8);
	for (i = 0; i < RULE_COUNT; i++) {
		CHECK_INT(rules_index(rules_catalogue[i].id), (long long)i + 1);
		CHECK(rules_catalogue[i].name && *rules_catalogue[i].name);
		CHECK(rules_catalogue[i].summary && *rules_catalogue[i].summary);
	}
	CHECK_STR(rules_catalogue[RULE_MG100 - 1].id, "MG100");
	CHECK_STR(rules_catalogue[RULE_MG000 - 1].id, "MG000");
	CHECK_INT(rules_catalogue[RULE_MG006 - 1].severity, SEV_NOTE);
	CHECK_INT(rules_index("MG007"), -1);
	CHECK_INT(rules_index("mg001"), -1);
	CHECK_INT(rules_index(""), -1);
	url = rules_doc_url("MG002");
	CHECK_STR(url, MG_HOME_URL "/blob/main/docs/rules/MG002.md");
	free(url);
}

static void check_numbering(void)
{
	struct finding v[4];
	struct finding *p[4];
	char *fp[4];
	size_t i;

	memset(v, 0, sizeof(v));
	for (i = 0; i < 4; i++) {
		v[i].rule = "MG001";
		v[i].path = "a.go";
		v[i].message = "m";
		v[i].fp_base = i == 3 ? 7 : 42;	/* three alike, one not */
		v[i].fingerprint = xstrdup("stale");	/* freed when renumbered */
	}
	v[0].line = 30;
	v[1].line = 10;
	v[2].line = 20;
	v[3].line = 10;
	/* in array order 0..3: the numbering must not depend on it */
	p[0] = &v[2]; p[1] = &v[0]; p[2] = &v[3]; p[3] = &v[1];
	finding_fingerprint_number(p, 4);
	for (i = 0; i < 4; i++) {
		CHECK_INT(strlen(v[i].fingerprint), 16);
		fp[i] = xstrdup(v[i].fingerprint);
	}
	CHECK(strcmp(fp[0], fp[1]) && strcmp(fp[0], fp[2]) &&
	      strcmp(fp[1], fp[2]) && strcmp(fp[1], fp[3]));
	/* finding_fingerprint_assign() numbers the same way (it hashes no
	 * base: fp_base is what the bases above left) */
	finding_fingerprint_assign(v, 4);
	for (i = 0; i < 4; i++) {
		CHECK_STR(v[i].fingerprint, fp[i]);
		free(v[i].fingerprint);
		free(fp[i]);
	}
	/* the occurrence index follows line order: line 10 is #0, 20 #1 */
	memset(v, 0, sizeof(v));
	for (i = 0; i < 2; i++) {
		v[i].rule = "MG001";
		v[i].path = "a.go";
		v[i].fp_base = 42;
		v[i].line = i ? 10 : 20;
		p[i] = &v[i];
	}
	finding_fingerprint_number(p, 2);
	fp[0] = v[0].fingerprint;
	fp[1] = v[1].fingerprint;
	v[0].line = 10;
	v[1].line = 20;
	v[0].fingerprint = v[1].fingerprint = NULL;
	p[0] = &v[0];
	p[1] = &v[1];
	finding_fingerprint_number(p, 2);
	CHECK_STR(v[0].fingerprint, fp[1]);
	CHECK_STR(v[1].fingerprint, fp[0]);
	for (i = 0; i < 2; i++) {
		free(v[i].fingerprint);
		free(fp[i]);
	}
}

int main(void)
{
	check_utf8();
	check_put_text();
	check_rules();
	check_numbering();
	return unit_done("test_text");
}
