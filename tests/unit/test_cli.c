/* test_cli.c - the options the commands share (cli/options.h) below the
 * binaries: the one --severity grammar, sizes, bounded numbers, and the
 * shared flags laid over the configuration for the engine
 */
#include <stdio.h>
#include <string.h>

#include "cli/options.h"
#include "engine/scan.h"
#include "stream/config.h"
#include "stream/finding.h"
#include "util/util.h"
#include "unit.h"

static void reset(int *sev)
{
	int i;

	for (i = 0; i < RULES_MAX; i++)
		sev[i] = -1;
}

static void test_severity(void)
{
	int sev[RULES_MAX];

	reset(sev);
	CHECK_INT(cli_parse_severity(sev, "MG003=error"), 0);
	CHECK_INT(sev[RULE_MG003], SEV_ERROR);
	CHECK_INT(sev[RULE_MG001], -1);
	/* a list, commas or blanks; a later item wins */
	CHECK_INT(cli_parse_severity(sev, "MG001=note, MG006=warning MG001=warning"), 0);
	CHECK_INT(sev[RULE_MG001], SEV_WARNING);
	CHECK_INT(sev[RULE_MG006], SEV_WARNING);
	CHECK_INT(cli_parse_severity(sev, "MG100=note,"), 0);
	CHECK_INT(sev[RULE_MG100], SEV_NOTE);
	/* not RULE=LEVEL */
	CHECK_INT(cli_parse_severity(sev, "MG001"), -1);
	CHECK_INT(cli_parse_severity(sev, "MG001=fatal"), -1);
	CHECK_INT(cli_parse_severity(sev, "MG001=never"), -1);
	CHECK_INT(cli_parse_severity(sev, "MG999=error"), -1);
	CHECK_INT(cli_parse_severity(sev, "=error"), -1);
	CHECK_INT(cli_parse_severity(sev, "MG001="), -1);
	CHECK_INT(cli_parse_severity(sev, ""), -1);
	CHECK_INT(cli_parse_severity(sev, ", ,"), -1);
	CHECK_INT(cli_parse_severity(sev, "MG001=note;MG003=error"), -1);
	CHECK_INT(cli_parse_severity(sev, "mg001=note"), -1);
}

static void test_numbers(void)
{
	size_t z = 7;
	long n = 7;

	CHECK_INT(cli_parse_size("123", 1ULL << 30, &z), 0);
	CHECK_INT(z, 123);
	CHECK_INT(cli_parse_size("64k", 1ULL << 30, &z), 0);
	CHECK_INT(z, 64 << 10);
	CHECK_INT(cli_parse_size("1G", 1ULL << 30, &z), 0);
	CHECK_INT(z, 1 << 30);
	CHECK_INT(cli_parse_size("2G", 1ULL << 30, &z), -1);
	CHECK_INT(cli_parse_size("0", 1ULL << 30, &z), -1);
	CHECK_INT(cli_parse_size("-1", 1ULL << 30, &z), -1);
	CHECK_INT(cli_parse_size("1T", 1ULL << 30, &z), -1);
	CHECK_INT(cli_parse_size("", 1ULL << 30, &z), -1);
	CHECK_INT(cli_parse_size("99999999999999999999", 1ULL << 30, &z), -1);
	CHECK_INT(cli_parse_long("12", 1, 256, &n), 0);
	CHECK_INT(n, 12);
	CHECK_INT(cli_parse_long("0", 1, 256, &n), -1);
	CHECK_INT(cli_parse_long("257", 1, 256, &n), -1);
	CHECK_INT(cli_parse_long("3x", 1, 256, &n), -1);
	CHECK_INT(cli_parse_long("", 0, 9, &n), -1);
}

static void test_option(void)
{
	struct cli_opts o;

	cli_init(&o, "mg-test", "usage: mg-test\n");
	CHECK_INT(cli_option(&o, CLI_OPT_RULES, "MG001"), 1);
	CHECK_STR(o.rules, "MG001");
	CHECK_INT(cli_option(&o, CLI_OPT_NO_TRAILER, NULL), 1);
	CHECK_INT(o.flags, FINDING_NO_TRAILER);
	CHECK_INT(cli_option(&o, CLI_OPT_SEVERITY, "MG002=note"), 1);
	CHECK_INT(o.severity[RULE_MG002], SEV_NOTE);
	CHECK_INT(cli_option(&o, 'x', NULL), 0);	/* not a shared option */
	fprintf(stderr, "(a usage error is expected next)\n");
	CHECK_INT(cli_option(&o, CLI_OPT_SEVERITY, "MG002"), -1);
}

/* flags over the config: --rules replaces, --disable takes away */
static void test_apply_scan(void)
{
	struct cli_opts o;
	struct config cfg;
	struct scan_opts so;
	unsigned off = 0;
	const char *js = "{\"disable\": [\"MG003\"], \"severity\": {\"MG001\": \"note\"}}";

	cli_init(&o, "mg-test", "usage: mg-test\n");
	CHECK_INT(config_parse(&cfg, "cfg.json", js, strlen(js)), 0);
	scan_opts_init(&so);
	CHECK_INT(cli_apply_scan(&o, &cfg, &so, &off), 0);
	CHECK(!(so.rules & (1u << RULE_MG003)));
	CHECK(so.rules & (1u << RULE_MG001));
	CHECK_INT(so.severity[RULE_MG001], SEV_NOTE);
	CHECK_INT(off, 1u << RULE_MG003);
	o.rules = "MG003";
	o.disable = "MG006";
	CHECK_INT(cli_parse_severity(o.severity, "MG001=error"), 0);
	scan_opts_init(&so);
	CHECK_INT(cli_apply_scan(&o, &cfg, &so, &off), 0);
	CHECK_INT(so.rules, 1u << RULE_MG003);
	CHECK_INT(so.severity[RULE_MG001], SEV_ERROR);
	/* --rules names exactly the rules: the file's disable is ignored */
	CHECK_INT(off, 1u << RULE_MG006);
	o.rules = NULL;		/* --disable switches off on top of the file */
	scan_opts_init(&so);
	CHECK_INT(cli_apply_scan(&o, &cfg, &so, &off), 0);
	CHECK_INT(off, (1u << RULE_MG003) | (1u << RULE_MG006));
	CHECK(!(so.rules & (1u << RULE_MG003)) && !(so.rules & (1u << RULE_MG006)));
	CHECK(so.rules & (1u << RULE_MG001));
	o.rules = "MG003,MG999";
	fprintf(stderr, "(an unknown-rule error is expected next)\n");
	CHECK_INT(cli_apply_scan(&o, &cfg, &so, &off), -1);
	config_release(&cfg);
}

int main(void)
{
	mg_start("test_cli");
	test_severity();
	test_numbers();
	test_option();
	test_apply_scan();
	return unit_done("test_cli");
}
