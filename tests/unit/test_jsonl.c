/* test_jsonl.c - the one reader of the finding format (stream/jsonl.h)
 *
 * The tokenizer on escapes, \u surrogates, UTF-8, numbers at the edges of 64
 * bits and of a double, nesting at the limit and one past it, duplicate and
 * escaped keys, trailing bytes, CRLF, a byte order mark and NUL; the record
 * checks; the trailer and count rules over a stream of lines; and the exact
 * messages ("NAME:LINE: invalid finding: why").
 */
#include "stream/finding.h"
#include "stream/jsonl.h"
#include "util/util.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F0 "{\"rule\":\"MG001\",\"severity\":\"error\",\"path\":\"a.go\",\"line\":3,"
#define F(rest) F0 "\"message\":\"m\"" rest "}"
#define TRAILER(n) "{\"mapguard\":\"end\",\"status\":\"ok\",\"findings\":" #n "}"

static struct jsonl_record rec;
static char err[600];

/* One line through a fresh stream: its result; err holds the message. */
static int line(const char *s)
{
	struct jsonl_stream st = { 0 };
	int r;

	jsonl_stream_begin(&st, "f.jsonl", 0);
	r = jsonl_stream_line(&st, &rec, s, strlen(s));
	snprintf(err, sizeof(err), "%s", st.error ? st.error : "");
	jsonl_stream_release(&st);
	return r;
}

/* The unescaped path of a finding line (a new string), or NULL. */
static char *path_of(const char *s)
{
	return line(s) == JSONL_FINDING ? jsonl_strdup(rec.k[JK_PATH]) : NULL;
}

/* A stream of lines ending at NULL, then its end: 0, or -1 with err set. */
static int stream(int flags, const char *const *lines)
{
	struct jsonl_stream st = { 0 };
	int r = 0;

	jsonl_stream_begin(&st, "s.jsonl", flags);
	for (; *lines && r >= 0; lines++)
		r = jsonl_stream_line(&st, &rec, *lines, strlen(*lines));
	if (r >= 0)
		r = jsonl_stream_end(&st);
	snprintf(err, sizeof(err), "%s", st.error ? st.error : "");
	jsonl_stream_release(&st);
	return r < 0 ? -1 : 0;
}

static void check_escapes(void)
{
	char *p;

	p = path_of(F0 "\"path\":\"q\\\"b\\\\s\\/l\\b\\f\\n\\r\\t\",\"message\":\"m\"}");
	CHECK_STR(p, "q\"b\\s/l\b\f\n\r\t");
	free(p);
	p = path_of(F0 "\"path\":\"\\u00e9\\u20AC\\u0041\",\"message\":\"m\"}");
	CHECK_STR(p, "\xc3\xa9\xe2\x82\xac" "A");
	free(p);
	CHECK_INT(line(F0 "\"path\":\"\\x41\",\"message\":\"m\"}"), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: invalid escape at column 67");
	CHECK_INT(line(F0 "\"path\":\"\\u12\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid \\u escape"));
	CHECK_INT(line(F0 "\"path\":\"\\uZZZZ\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid \\u escape"));
	CHECK_INT(line(F0 "\"path\":\"\\u0000\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "\\u0000 in string"));
	CHECK_INT(line(F0 "\"path\":\"a\tb\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "control character in string"));
	CHECK_INT(line(F0 "\"path\":\"abc"), -1);
	CHECK(strstr(err, "unterminated string"));
	/* an escaped key is the key it spells */
	p = path_of("{\"rule\":\"MG001\",\"severity\":\"e\\u0072ror\",\"pa\\u0074h\":"
		    "\"k.go\",\"line\":1,\"message\":\"m\"}");
	CHECK_STR(p, "k.go");
	free(p);
}

static void check_surrogates(void)
{
	char *p;

	p = path_of(F0 "\"path\":\"\\ud83d\\ude00\",\"message\":\"m\"}");
	CHECK_STR(p, "\xf0\x9f\x98\x80");
	free(p);
	p = path_of(F0 "\"path\":\"\\uDBFF\\uDFFF\",\"message\":\"m\"}");
	CHECK_STR(p, "\xf4\x8f\xbf\xbf");	/* U+10FFFF */
	free(p);
	CHECK_INT(line(F0 "\"path\":\"\\ud800\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid surrogate pair at column 67"));
	CHECK_INT(line(F0 "\"path\":\"\\udc00\\ud800\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid surrogate pair"));
	CHECK_INT(line(F0 "\"path\":\"\\ud800\\u0041\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid surrogate pair"));
	CHECK_INT(line(F0 "\"path\":\"\\ud800\\n\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid surrogate pair"));
	/* the same as raw UTF-8 bytes: a surrogate is not a character */
	CHECK_INT(line(F0 "\"path\":\"\xed\xa0\x80\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid UTF-8 in string"));
}

static void check_utf8(void)
{
	char *p;

	p = path_of(F0 "\"path\":\"d\xc3\xa9j\xc3\xa0\",\"message\":\"m\"}");
	CHECK_STR(p, "d\xc3\xa9j\xc3\xa0");
	free(p);
	CHECK_INT(line(F0 "\"path\":\"\xc0\xaf\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid UTF-8 in string"));	/* overlong '/' */
	CHECK_INT(line(F0 "\"path\":\"\x80\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid UTF-8 in string"));
	CHECK_INT(line(F0 "\"path\":\"\xc3\",\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "invalid UTF-8 in string"));	/* cut short */
	CHECK_INT(line(F("\xc3\xa9")), -1);		/* outside a string */
	CHECK(strstr(err, "expected ',' or '}'"));
}

/* A finding whose "x" is n arrays deep. */
static int nested(int n)
{
	struct buf b = BUF_INIT;
	int i, r;

	buf_adds(&b, F0 "\"message\":\"m\",\"x\":");
	for (i = 0; i < n; i++)
		buf_addc(&b, '[');
	for (i = 0; i < n; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '}');
	r = line(b.p);
	buf_release(&b);
	return r;
}

static void check_nesting(void)
{
	CHECK_INT(nested(JSONL_MAX_DEPTH), JSONL_FINDING);
	CHECK_INT(nested(JSONL_MAX_DEPTH + 1), -1);
	CHECK(strstr(err, "nested too deeply"));
	CHECK_INT(nested(100000), -1);		/* no deep recursion first */
	CHECK(strstr(err, "nested too deeply"));
}

static void check_numbers(void)
{
	CHECK_INT(line(F0 "\"message\":\"m\",\"column\":9223372036854775807}"),
		  JSONL_FINDING);
	CHECK_INT(jsonl_int(rec.k[JK_COLUMN]), 9223372036854775807LL);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":-9223372036854775808}"),
		  JSONL_FINDING);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":9223372036854775808}"), -1);
	CHECK(strstr(err, "integer out of range"));
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":-9223372036854775809}"), -1);
	CHECK(strstr(err, "integer out of range"));
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":123456789012345678901234567890}"),
		  -1);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":1.5e308}"), JSONL_FINDING);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":1e-400}"), JSONL_FINDING);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":-1e309}"), -1);
	CHECK(strstr(err, "number out of range"));
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":-0}"), JSONL_FINDING);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":01}"), -1);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":1.}"), -1);
	CHECK(strstr(err, "invalid number"));
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":.5}"), -1);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":-}"), -1);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":1e}"), -1);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":+1}"), -1);
	CHECK_INT(line(F0 "\"message\":\"m\",\"x\":tru}"), -1);
	CHECK(strstr(err, "invalid literal"));
	/* a real where an integer belongs */
	CHECK_INT(line(F0 "\"message\":\"m\",\"column\":2.0}"), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: 'column' must be an integer");
}

static void check_keys_and_bytes(void)
{
	char *p;

	/* duplicate keys: the last one wins, as in jansson */
	p = path_of(F0 "\"path\":\"b.go\",\"message\":\"m\"}");
	CHECK_STR(p, "b.go");
	free(p);
	CHECK_INT(line(F(",\"x\":1 x")), -1);
	CHECK(strstr(err, "expected ',' or '}'"));
	CHECK_INT(line(F("") " x"), -1);
	CHECK(strstr(err, "more after the object at column"));
	CHECK_INT(line(F("") "{}"), -1);
	CHECK_INT(line(F("") " \t\r"), JSONL_FINDING);	/* CRLF, spaces */
	CHECK_INT(line("\r"), JSONL_BLANK);
	CHECK_INT(line(" \t "), JSONL_BLANK);
	CHECK_INT(line("\xef\xbb\xbf" F("")), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: a byte order mark (U+FEFF) "
		  "starts the line");
	{
		struct jsonl_stream st = { 0 };

		jsonl_stream_begin(&st, "n.jsonl", 0);
		CHECK_INT(jsonl_stream_line(&st, &rec, "{\0}", 3), -1);
		CHECK_STR(st.error, "n.jsonl:1: invalid finding: NUL byte in line");
		jsonl_stream_release(&st);
	}
	CHECK_INT(line("[1]"), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: not a JSON object at column 1");
	CHECK_INT(line("{\"a\" 1}"), -1);
	CHECK(strstr(err, "expected ':'"));
	CHECK_INT(line("{1:1}"), -1);
	CHECK(strstr(err, "expected a key"));
}

static void check_records(void)
{
	CHECK_INT(line("{}"), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: 'rule' is missing");
	CHECK_INT(line("{\"rule\":\"MG001\",\"severity\":\"error\",\"path\":\"a.go\","
		       "\"message\":\"m\"}"), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: 'line' is missing");
	CHECK_INT(line(F0 "\"message\":7}"), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: 'message' must be a string");
	CHECK_INT(line("{\"rule\":\"MG001\",\"severity\":\"fatal\",\"path\":\"a.go\","
		       "\"line\":1,\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "'severity' must be error, warning or note"));
	CHECK_INT(line("{\"rule\":\"MG001\",\"severity\":\"note\",\"path\":\"\","
		       "\"line\":1,\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "empty 'path' or 'rule'"));
	CHECK_INT(line("{\"rule\":\"MG001\",\"severity\":\"note\",\"path\":\"a\","
		       "\"line\":0,\"message\":\"m\"}"), -1);
	CHECK(strstr(err, "'line' must be >= 1"));
	CHECK_INT(line(F(",\"suppressed\":\"yes\"")), -1);
	CHECK(strstr(err, "'suppressed' must be true or false"));
	CHECK_INT(line(F(",\"suppressed\":true,\"suppressed_by\":\"config\","
			 "\"downgraded_from\":\"warning\"")), JSONL_FINDING);
	CHECK_INT(rec.by_config, 1);
	CHECK_INT(rec.downgraded, 1 + SEV_WARNING);
	CHECK_INT(rec.severity, SEV_ERROR);
	CHECK_INT(line(F(",\"suppressed_by\":\"ci\"")), -1);
	CHECK(strstr(err, "'suppressed_by' must be config or source"));
	CHECK_INT(line(F(",\"evidence\":[{\"path\":\"b.go\",\"line\":2,\"x\":[]},"
			 "{\"path\":\"c.go\",\"line\":4,\"column\":5,\"note\":\"n\"}]")),
		  JSONL_FINDING);
	CHECK_INT(rec.nev, 2);
	if (rec.nev == 2) {
		CHECK_INT(jsonl_int(&rec.ev[1].line), 4);
		CHECK_INT(rec.ev[0].column.kind, 0);
		CHECK(jsonl_str_is(&rec.ev[1].note, "n"));
	}
	CHECK_INT(line(F(",\"evidence\":{}")), -1);
	CHECK(strstr(err, "'evidence' is not an array"));
	CHECK_INT(line(F(",\"evidence\":[{\"path\":\"b.go\",\"line\":2},3]")), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: evidence[1] is not an object");
	CHECK_INT(line(F(",\"evidence\":[{\"path\":\"b.go\"}]")), -1);
	CHECK_STR(err, "f.jsonl:1: invalid finding: evidence[0]: 'line' must be "
		  "an integer");
	/* a trailer's keys in a finding are unknown keys, and the other way */
	CHECK_INT(line(F(",\"status\":7")), JSONL_FINDING);
	CHECK(rec.k[JK_STATUS] == NULL);
	CHECK(jsonl_known_finding_key(&rec.m.v[0]));
	CHECK(!jsonl_known_finding_key(&rec.m.v[rec.m.n - 1]));
	CHECK_INT(line("{\"mapguard\":\"end\",\"status\":\"ok\",\"line\":\"x\"}"),
		  JSONL_TRAILER);
	CHECK(rec.k[JK_LINE] == NULL);
}

static void check_streams(void)
{
	const char *ok[] = { F(""), "", F(""), TRAILER(2), NULL };
	const char *concat[] = { F(""), TRAILER(1), F(""), TRAILER(1), NULL };
	const char *wrong[] = { F(""), TRAILER(1), F(""), TRAILER(2), NULL };
	const char *negative[] = { F(""), TRAILER(-1), NULL };
	const char *cut[] = { F(""), TRAILER(1), F(""), NULL };
	const char *bad_status[] = { F(""), "{\"mapguard\":\"end\",\"tool\":\"mg-scan\","
				     "\"status\":\"error\"}", NULL };
	const char *no_status[] = { "{\"mapguard\":1}", NULL };
	const char *blank[] = { "", " ", NULL };
	const char *bad_line[] = { F(""), "", "{", NULL };
	struct change_info ci = { 0 };

	CHECK_INT(stream(0, ok), 0);
	CHECK_INT(stream(0, concat), 0);
	CHECK_INT(stream(0, wrong), -1);
	CHECK_STR(err, "s.jsonl:4: damaged stream: trailer counts 2 findings, 1 "
		  "were read");
	CHECK_INT(stream(0, negative), 0);	/* a negative count is no count */
	CHECK_INT(stream(0, cut), -1);
	CHECK(strstr(err, "s.jsonl: incomplete stream: no mapguard trailer"));
	CHECK_INT(stream(FINDING_NO_TRAILER, cut), 0);
	CHECK_INT(stream(FINDING_NO_TRAILER, bad_status), -1);
	CHECK_STR(err, "s.jsonl:2: mg-scan reported status 'error': the upstream "
		  "stage failed, refusing to judge a partial result");
	CHECK_INT(stream(0, no_status), -1);
	CHECK_STR(err, "s.jsonl:1: invalid trailer: 'status' is missing");
	CHECK_INT(stream(0, blank), -1);
	CHECK(strstr(err, "s.jsonl: empty input: no findings stream"));
	CHECK_INT(stream(FINDING_NO_TRAILER, blank), 0);
	CHECK_INT(stream(0, bad_line), -1);
	CHECK_STR(err, "s.jsonl:3: invalid finding: expected a key at column 2");

	CHECK_INT(line("{\"mapguard\":\"end\",\"tool\":\"mg-diff\",\"status\":\"ok\","
		       "\"files\":4,\"shard\":\"1/2\",\"base\":\"ab\",\"suppressions\":"
		       "[{\"path\":\"a.go\",\"line\":3,\"rules\":[\"MG001\",7,\"MG002\"],"
		       "\"reason\":\"r\"},{\"path\":1,\"line\":2},5,"
		       "{\"path\":\"b.go\",\"line\":9}]}"), JSONL_TRAILER);
	CHECK_INT(jsonl_trailer_files(&rec), 4);
	{
		char *shard = jsonl_trailer_shard(&rec);

		CHECK_STR(shard, "1/2");
		free(shard);
	}
	jsonl_trailer_change(&rec, &ci);
	CHECK_INT(ci.known, 1);
	CHECK_STR(ci.base, "ab");
	CHECK_INT(ci.nsupp, 2);
	if (ci.nsupp == 2) {
		CHECK_STR(ci.supp[0].rules, "MG001,MG002");
		CHECK_STR(ci.supp[0].reason, "r");
		CHECK_STR(ci.supp[1].rules, "");
		CHECK(ci.supp[1].reason == NULL);
	}
	change_info_release(&ci);
}

/* The full front end over a buffer (mg-diff's text output) */
static void check_memory_reader(void)
{
	static const char two[] =
		"{\"rule\":\"MG001\",\"severity\":\"error\",\"path\":\"a.go\","
		"\"line\":3,\"message\":\"m\"}\n"
		"{\"rule\":\"MG005\",\"severity\":\"warning\",\"path\":\"b.go\","
		"\"line\":9,\"message\":\"n\"}\n";
	static const char bad[] = "{\"rule\":\"MG001\",\"line\":\"x\"}\n";
	struct finding_reader *rd = NULL;
	struct finding f = FINDING_INIT;

	CHECK_INT(finding_reader_open_mem(&rd, "mem", two, strlen(two),
					  FINDING_NO_TRAILER), 0);
	CHECK_INT(finding_read(rd, &f), 1);
	CHECK_STR(f.path, "a.go");
	CHECK_INT(finding_read(rd, &f), 1);
	CHECK_INT(f.line, 9);
	CHECK_INT(finding_read(rd, &f), 0);
	finding_reader_free(rd);
	/* the trailer rule holds for memory too */
	finding_reader_open_mem(&rd, "mem", two, strlen(two), 0);
	CHECK(finding_read(rd, &f) == 1 && finding_read(rd, &f) == 1);
	CHECK_INT(finding_read(rd, &f), -1);
	finding_reader_free(rd);
	finding_reader_open_mem(&rd, "mem", bad, strlen(bad), FINDING_NO_TRAILER);
	CHECK_INT(finding_read(rd, &f), -1);
	CHECK(finding_reader_error(rd) &&
	      !strncmp(finding_reader_error(rd), "mem:1:", 6));
	finding_reader_free(rd);
	finding_reader_open_mem(&rd, "mem", "", 0, FINDING_NO_TRAILER);
	CHECK_INT(finding_read(rd, &f), 0);
	finding_reader_free(rd);
	finding_release(&f);
}

int main(void)
{
	check_escapes();
	check_surrogates();
	check_utf8();
	check_nesting();
	check_numbers();
	check_keys_and_bytes();
	check_records();
	check_streams();
	check_memory_reader();
	jsonl_record_release(&rec);
	return unit_done("test_jsonl");
}
