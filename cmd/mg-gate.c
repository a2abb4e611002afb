/* mg-gate.c - apply the policy to findings, write reports, decide pass/fail */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "report.h"
#include "util.h"

static const char usage[] =
	"usage: mg-gate [--fail-on LEVEL] [--no-trailer] [FINDINGS...]\n"
	"\n"
	"Judge findings (JSON Lines from mg-scan or mg-diff; standard input by\n"
	"default), print a report and exit 1 when the gate fails.\n"
	"\n"
	"  --fail-on LEVEL  error, warning (default), note or never: fail when a\n"
	"                   finding at LEVEL or above remains\n"
	"  --no-trailer     accept input without mapguard's trailer record\n"
	"  -h, --help       show this help\n"
	"  --version        print the version\n"
	"\n"
	"Exit status: 0 pass, 1 fail, 2 error (bad or incomplete input: the gate\n"
	"fails closed).\n"
	"\n"
	"Example:\n"
	"  mg-scan --format json . | mg-diff --base origin/main | mg-gate --fail-on error\n";

enum { OPT_FAIL_ON = 256, OPT_NO_TRAILER, OPT_VERSION };

static const struct option longopts[] = {
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "help", no_argument, NULL, 'h' },
	{ "no-trailer", no_argument, NULL, OPT_NO_TRAILER },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

int main(int argc, char **argv)
{
	struct finding_list all = FINDING_LIST_INIT;
	struct finding_reader *rd = NULL;
	struct finding f = FINDING_INIT;
	struct verdict vd = { 0, "warning", 0, 0, 0 };
	int c, n, fail_on = SEV_WARNING, flags = 0, rc = MG_EXIT_ERROR;
	size_t i;

	mg_start("mg-gate");
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FAIL_ON:
			if (!strcmp(optarg, "never"))
				fail_on = SEV_ERROR + 1;
			else if ((fail_on = severity_parse(optarg)) < 0)
				return mg_usage(usage, "--fail-on: unknown level '%s' "
						"(error, warning, note or never)", optarg);
			vd.fail_on = optarg;
			break;
		case OPT_NO_TRAILER: flags |= FINDING_NO_TRAILER; break;
		case OPT_VERSION: printf("mg-gate %s\n", MG_VERSION); return 0;
		case 'h': fputs(usage, stdout); return mg_exit(MG_EXIT_OK);
		default: return mg_usage(usage, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (finding_reader_open(&rd, argv + optind, flags) < 0)
		goto out;
	while ((n = finding_read(rd, &f)) > 0) {
		*finding_list_add(&all) = f;
		finding_init(&f);
	}
	if (n < 0)
		goto out;
	finding_sort(all.v, all.n);
	for (i = 0; i < all.n; i++) {
		if (all.v[i].suppressed) {
			vd.suppressed++;
			continue;
		}
		vd.counted++;
		if (all.v[i].severity >= fail_on)
			vd.fail = 1;
	}
	report_text(stdout, all.v, all.n, &vd);
	rc = vd.fail ? MG_EXIT_FOUND : MG_EXIT_OK;
out:
	finding_release(&f);
	finding_reader_free(rd);
	finding_list_release(&all);
	return mg_exit(rc);
}
