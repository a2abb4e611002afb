/* mg-gate.c - apply the policy and baseline to findings, write reports,
 * decide pass/fail
 *
 * Options (lib/cli/options.c), the report destinations opened
 * (lib/cli/output.c), the findings read (lib/stream/finding.c), the policy
 * applied (lib/stream/policy.c), the verdict counted, the reports rendered
 * (lib/report/), then the exit code.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/output.h"
#include "stream/baseline.h"
#include "stream/config.h"
#include "stream/finding.h"
#include "stream/policy.h"
#include "report/report.h"
#include "util/util.h"

static const char usage[] =
	"usage: mg-gate [--fail-on LEVEL] [--max-findings N] [--rules LIST]\n"
	"               [--disable LIST] [--severity RULE=LEVEL[,...]] [--config FILE]\n"
	"               [--baseline FILE] [--write-baseline FILE]\n"
	"               [--report FORMAT[=FILE]]... [--link-base URL]\n"
	"               [--sarif-category ID] [--source-root DIR]\n"
	"               [--expect-shards N] [--no-trailer]\n"
	"               [--fail-on-new-suppressions]\n"
	"               [FINDINGS...]\n"
	"\n"
	"Judge findings (JSON Lines from mg-scan or mg-diff; standard input by\n"
	"default), write reports and exit 1 when the gate fails.\n"
	"\n"
	"  --fail-on LEVEL        error, warning (default), note or never: a finding\n"
	"                         at LEVEL or above counts against the gate\n"
	"  --max-findings N       fail only when more than N such findings remain\n"
	"  --fail-on-new-suppressions\n"
	"                         fail when the change adds an //mg:ignore or\n"
	"                         //nolint directive (mg-diff lists them)\n"
	"  --rules LIST           judge only these rules (MG001,MG003)\n"
	"  --disable LIST         ignore these rules\n"
	"  --severity LIST        override rules' severities: RULE=LEVEL[,RULE=\n"
	"                         LEVEL...], LEVEL error, warning or note\n"
	"                         (repeatable)\n"
	"  --config FILE          read FILE, not .mapguard.json (flags win)\n"
	"  --trusted-config REV   read the config and the baseline from revision\n"
	"                         REV's tree (a PR cannot edit what judges it)\n"
	"  --baseline FILE        drop findings whose fingerprint FILE lists\n"
	"  --write-baseline FILE  record the current findings in FILE and accept\n"
	"                         them (the gate passes on them)\n"
	"  --report FORMAT[=FILE] text (default), json, sarif, github, gitlab,\n"
	"                         checkstyle, junit, markdown or rdjsonl\n"
	"                         (reviewdog); to FILE (replaced; appended to\n"
	"                         when it is $GITHUB_STEP_SUMMARY) or standard\n"
	"                         output; repeatable\n"
	"  --link-base URL        markdown: link path:line to URL/path#Lline\n"
	"  --sarif-category ID    SARIF runAutomationDetails id (default mapguard)\n"
	"  --source-root DIR      SARIF: the directory finding paths are relative\n"
	"                         to (default .), read for primaryLocationLineHash\n"
	"  --expect-shards N      every shard K/N of a CI matrix must be present\n"
	"  --no-trailer           accept input without mapguard's trailer record\n"
	"  -h, --help             show this help\n"
	"  --version              print the version\n"
	"\n"
	"Exit status: 0 pass, 1 fail, 2 error (bad or incomplete input, a missing\n"
	"baseline, a report that cannot be written: the gate fails closed and\n"
	"writes no report).\n"
	"\n"
	"Example:\n"
	"  mg-scan --format json . | mg-diff --base origin/main |\n"
	"    mg-gate --report sarif=mapguard.sarif --report github\n";

/* mg-gate's own options; the shared ones are lib/cli/options.h's */
enum {
	OPT_BASELINE = 256, OPT_EXPECT_SHARDS, OPT_FAIL_ON, OPT_LINK_BASE,
	OPT_MAX_FINDINGS, OPT_REPORT, OPT_SARIF_CATEGORY, OPT_WRITE_BASELINE,
	OPT_FAIL_ON_NEW_SUPP,
	OPT_SOURCE_ROOT		/* SARIF's %SRCROOT% (report_opts.source_root) */
};

static const struct option longopts[] = {
	CLI_OPTIONS,
	CLI_POLICY_OPTIONS,
	CLI_NO_TRAILER_OPTION,
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "expect-shards", required_argument, NULL, OPT_EXPECT_SHARDS },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "fail-on-new-suppressions", no_argument, NULL, OPT_FAIL_ON_NEW_SUPP },
	{ "link-base", required_argument, NULL, OPT_LINK_BASE },
	{ "max-findings", required_argument, NULL, OPT_MAX_FINDINGS },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "sarif-category", required_argument, NULL, OPT_SARIF_CATEGORY },
	{ "source-root", required_argument, NULL, OPT_SOURCE_ROOT },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ NULL, 0, NULL, 0 }
};

struct gate_opts {
	struct cli_opts cli;	/* --config, --rules, --severity... */
	int fail_on;		/* -1: from the config, else 0..2, 3 never */
	long max_findings;	/* -1: from the config */
	int fail_on_new_supp;	/* --fail-on-new-suppressions */
	const char *baseline, *write_baseline;
	long expect_shards;
	struct cli_outputs outs;	/* the reports (lib/cli/output.h) */
	struct report_opts ro;
};

static const char *const levels[] = { "note", "warning", "error", "never" };

static int parse_level(const char *s)
{
	return !strcmp(s, "never") ? 3 : severity_parse(s);
}

/* The one error for FORMAT= with nothing after '=': usually a variable
 * that expanded to nothing, such as $GITHUB_STEP_SUMMARY outside Actions. */
static int empty_file_name(int fmt)
{
	const char *s = getenv("GITHUB_STEP_SUMMARY");

	if (fmt == REPORT_MARKDOWN && (!s || !*s))
		return mg_error("--report markdown=: the file name is empty: is "
				"$GITHUB_STEP_SUMMARY unset? (GitHub sets it only "
				"inside an Actions step; leave out '=' for standard "
				"output)");
	return mg_error("--report %s=: the file name is empty: did the variable "
			"after '=' expand to nothing? (leave out '=' for "
			"standard output)", report_format_name(fmt));
}

/* Returns 0, -1 for an unknown format, or -2 after reporting an empty
 * file name. */
static int add_report(struct gate_opts *o, const char *arg)
{
	char *name = xstrdup(arg), *eq = strchr(name, '=');
	int fmt;

	if (eq)
		*eq = '\0';
	fmt = report_format_parse(name);
	free(name);
	eq = strchr(arg, '=');
	if (fmt < 0)
		return -1;
	if (eq && !eq[1])
		return empty_file_name(fmt) - 1;
	cli_output_add(&o->outs, fmt, eq && strcmp(eq + 1, "-") ? eq + 1 : NULL);
	return 0;
}

/* Parses the options into o; returns -1 after a usage error, 1 after
 * --help or --version, else 0. */
static int parse_options(struct gate_opts *o, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_BASELINE: o->baseline = optarg; break;
		case OPT_EXPECT_SHARDS:
			if (cli_parse_long(optarg, 1, 100000,
					   &o->expect_shards) < 0)
				return mg_usage(usage, "--expect-shards: '%s' is not "
						"a shard count", optarg), -1;
			break;
		case OPT_FAIL_ON:
			if ((o->fail_on = parse_level(optarg)) < 0)
				return mg_usage(usage, "--fail-on: unknown level '%s' "
						"(error, warning, note or never)",
						optarg), -1;
			break;
		case OPT_LINK_BASE: o->ro.link_base = optarg; break;
		case OPT_MAX_FINDINGS:
			if (cli_parse_long(optarg, 0, LONG_MAX,
					   &o->max_findings) < 0)
				return mg_usage(usage, "--max-findings: '%s' is not a "
						"whole number >= 0", optarg), -1;
			break;
		case OPT_REPORT:
			if ((c = add_report(o, optarg)) == -2)
				return -1;
			if (c < 0)
				return mg_usage(usage, "--report: unknown format '%s' "
						"(text, json, sarif, github, gitlab, "
						"checkstyle, junit, markdown or "
						"rdjsonl, optionally =FILE)", optarg), -1;
			break;
		case OPT_SARIF_CATEGORY: o->ro.sarif_category = optarg; break;
		case OPT_SOURCE_ROOT: o->ro.source_root = optarg; break;
		case OPT_WRITE_BASELINE: o->write_baseline = optarg; break;
		case OPT_FAIL_ON_NEW_SUPP: o->fail_on_new_supp = 1; break;
		default:
			if ((c = cli_option(&o->cli, c, optarg)) == 1)
				break;	/* a shared option */
			if (c)
				return c < 0 ? -1 : 1;
			return mg_usage(usage, "bad option '%s'", argv[optind - 1]), -1;
		}
	}
	/* the rule lists now: a bad one is exit 2 before any input is read */
	{
		struct config none;
		unsigned on, off;

		memset(&none, 0, sizeof(none));
		return cli_rule_lists(&o->cli, &none, &on, &off);
	}
}

int main(int argc, char **argv)
{
	struct finding_list all = FINDING_LIST_INIT;
	struct finding_reader *rd = NULL;
	struct finding f = FINDING_INIT;
	struct gate_opts o;
	struct config cfg;
	struct baseline *bl = NULL;
	struct cli_output *wb = NULL;
	struct verdict vd;
	char *policy = NULL;
	int n, rc = MG_EXIT_ERROR, fail_on;
	long max;
	unsigned on, off;
	size_t k;

	memset(&o, 0, sizeof(o));
	memset(&vd, 0, sizeof(vd));
	cli_init(&o.cli, "mg-gate", usage);
	o.fail_on = -1;
	o.max_findings = -1;
	mg_start("mg-gate");
	if ((n = parse_options(&o, argc, argv)) != 0) {
		cli_outputs_discard(&o.outs);
		return n > 0 ? mg_exit(MG_EXIT_OK) : MG_EXIT_ERROR;
	}
	if (!o.outs.n)
		add_report(&o, "text");
	if (o.write_baseline)	/* written like a report: all or nothing */
		wb = cli_output_add(&o.outs, -1, o.write_baseline);
	if (cli_load_config(&o.cli, &cfg) < 0)
		goto out;
	fail_on = o.fail_on >= 0 ? o.fail_on : cfg.fail_on >= 0 ? cfg.fail_on
								 : SEV_WARNING;
	max = o.max_findings >= 0 ? o.max_findings : cfg.max_findings;
	if (!o.baseline)
		o.baseline = cfg.baseline;
	if ((o.baseline &&
	     (o.cli.trusted_rev ? baseline_load_rev(&bl, o.cli.trusted_rev,
						     o.baseline)
				: baseline_load(&bl, o.baseline)) < 0) ||
	    cli_outputs_open(&o.outs) < 0 ||
	    finding_reader_open(&rd, argv + optind, o.cli.flags) < 0)
		goto out;
	while ((n = finding_read(rd, &f)) > 0) {
		*finding_list_add(&all) = f;
		finding_init(&f);
	}
	if (n < 0 || (o.expect_shards && policy_check_shards(rd, o.expect_shards) < 0))
		goto out;

	/* the input is complete: judge it */
	cli_rule_lists(&o.cli, &cfg, &on, &off);	/* checked above */
	policy_apply_rules(&all, on, off, o.cli.severity, &cfg);
	policy_apply_excludes(&all, &cfg);
	finding_sort(all.v, all.n);
	baseline_fingerprint_missing(all.v, all.n);
	if (wb && baseline_write(wb->fp, wb->path, all.v, all.n) < 0)
		goto out;
	vd.baseline = bl || wb;
	vd.baselined = policy_apply_baseline(&all, bl, wb != NULL);
	vd.stale = baseline_stale(bl);
	vd.fail_on = levels[fail_on];
	vd.max_findings = max;
	vd.files = finding_reader_files(rd);
	for (k = 0; k < all.n; k++) {
		if (all.v[k].suppressed) {
			vd.suppressed++;
			continue;
		}
		vd.counted++;
		vd.by_sev[all.v[k].severity]++;
		if (all.v[k].severity >= fail_on)
			vd.failing++;
	}
	vd.fail = vd.failing > (size_t)(max > 0 ? max : 0);
	vd.change = finding_reader_change(rd);
	vd.fail_on_new_supp = o.fail_on_new_supp;
	if (o.fail_on_new_supp && vd.change->nsupp)
		vd.fail = 1;
	if (o.fail_on_new_supp && !vd.change->known)
		mg_warn("--fail-on-new-suppressions: the input did not pass "
			"through mg-diff, so no new suppression is known");
	policy = policy_edits(o.cli.trusted_rev ? o.cli.trusted_rev
						: vd.change->base,
			      o.cli.trusted_rev != NULL, o.cli.config, o.baseline);
	vd.policy = policy;

	/* every file report first; stdout only once they are all in place */
	for (k = 0; k < o.outs.n; k++) {
		struct cli_output *out = &o.outs.v[k];

		if (!out->fp)
			continue;
		if (out->fmt >= 0)
			report_write(out->fp, out->fmt, all.v, all.n, &vd, &o.ro);
		if (cli_output_close(out) < 0)
			goto out;
	}
	if (cli_outputs_commit(&o.outs) < 0)
		goto out;
	for (k = 0; k < o.outs.n; k++)
		if (!o.outs.v[k].path)
			report_write(stdout, o.outs.v[k].fmt, all.v, all.n, &vd,
				     &o.ro);
	rc = vd.fail ? MG_EXIT_FOUND : MG_EXIT_OK;
out:
	cli_outputs_discard(&o.outs);
	finding_release(&f);
	finding_reader_free(rd);
	finding_list_release(&all);
	baseline_free(bl);
	config_release(&cfg);
	free(policy);
	return mg_exit(rc);
}
