/* options.c - the options the commands share (options.h) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "engine/scan.h"
#include "stream/config.h"
#include "stream/finding.h"
#include "util/util.h"

void cli_init(struct cli_opts *o, const char *prog, const char *usage)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->prog = prog;
	o->usage = usage;
	for (i = 0; i < RULES_MAX; i++)
		o->severity[i] = -1;
}

int cli_parse_severity(int *sev, const char *arg)
{
	char *s = xstrdup(arg), *tok, *save = NULL, *p, *eq;
	int rc = -1, r, l;

	for (p = s; (tok = strtok_r(p, ", ", &save)); p = NULL) {
		if (!(eq = strchr(tok, '='))) {
			rc = -1;
			break;
		}
		*eq = '\0';
		r = rules_index(tok);
		l = severity_parse(eq + 1);
		if (r < 0 || r >= RULES_MAX || l < 0) {
			rc = -1;
			break;
		}
		sev[r] = l;
		rc = 0;
	}
	free(s);
	return rc;
}

int cli_option(struct cli_opts *o, int c, const char *arg)
{
	switch (c) {
	case CLI_OPT_CONFIG: o->config = arg; return 1;
	case CLI_OPT_DISABLE: o->disable = arg; return 1;
	case CLI_OPT_NO_TRAILER: o->flags |= FINDING_NO_TRAILER; return 1;
	case CLI_OPT_RULES: o->rules = arg; return 1;
	case CLI_OPT_TRUSTED_CONFIG: o->trusted_rev = arg; return 1;
	case CLI_OPT_SEVERITY:
		if (cli_parse_severity(o->severity, arg) < 0)
			return mg_usage(o->usage, "--severity: '%s': want "
					"RULE=LEVEL[,RULE=LEVEL...] (MG003=error; "
					"error, warning or note)", arg), -1;
		return 1;
	case CLI_OPT_VERSION:
		printf("%s %s\n", o->prog, MG_VERSION);
		return 2;
	case 'h':
		fputs(o->usage, stdout);
		return 2;
	default:
		return 0;
	}
}

int cli_load_config(const struct cli_opts *o, struct config *cfg)
{
	return o->trusted_rev ? config_load_rev(cfg, o->trusted_rev, o->config)
			      : config_load(cfg, o->config);
}

int cli_rule_lists(const struct cli_opts *o, const struct config *cfg,
		   unsigned *on, unsigned *off)
{
	unsigned more = 0;

	*on = cfg->rules_on;
	*off = cfg->rules_off;
	if (o->rules && config_rule_list(on, o->rules, "--rules") < 0)
		return -1;
	if (o->rules)
		*off = 0;	/* exactly the rules named */
	if (o->disable && config_rule_list(&more, o->disable, "--disable") < 0)
		return -1;
	*off |= more;
	return 0;
}

int cli_apply_scan(const struct cli_opts *o, const struct config *cfg,
		   struct scan_opts *so, unsigned *off)
{
	unsigned on;
	int i;

	config_apply_scan(cfg, so);
	if (cli_rule_lists(o, cfg, &on, off) < 0)
		return -1;
	so->rules = (on ? on : ~0u) & ~*off;
	for (i = 0; i < SCAN_MAX_RULES; i++)
		if (o->severity[i] >= 0)
			so->severity[i] = o->severity[i];
	return 0;
}

int cli_parse_size(const char *s, unsigned long long limit, size_t *out)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end || v == 0 || v > limit >> shift || v << shift > limit)
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

int cli_parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

void cli_read_paths(FILE *fp, int nul, char ***v, size_t *n, size_t *alloc)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getdelim(&line, &cap, nul ? '\0' : '\n', fp)) > 0) {
		if (!nul)
			while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
				line[--len] = '\0';
		if (!len)
			continue;
		ARRAY_GROW(*v, *n + 1, *alloc);
		(*v)[(*n)++] = xstrndup(line, (size_t)len);
	}
	free(line);
}
