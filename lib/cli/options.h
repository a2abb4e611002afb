/* options.h - the options the commands share, parsed in one place
 *
 * Owns: the getopt_long entries and the parsing of the options mg-scan,
 * mg-diff and mg-gate have in common: --config FILE, --trusted-config REV,
 * --rules LIST, --disable LIST, --severity (its one grammar, below),
 * --no-trailer, -h/--help and --version; reading the configuration file the
 * way --config and --trusted-config say; the number parsers of the
 * commands' other flags (sizes like 64M, bounded whole numbers); a list of
 * paths read from standard input (mg-scan's `-` and -0).  Also: the shared
 * flags laid over the configuration for the engine (mg-scan), since flags
 * win over the file.  Not: a command's own options, what the rules
 * find (engine/), the config file's schema (stream/config.h).
 *
 * --severity grammar (docs/config.md, the man pages), repeatable, a later
 * value for a rule wins:
 *
 *   severity := item { sep item }      sep: ',' or ' ', any number (as in
 *                                      --rules); at least one item
 *   item     := RULE "=" LEVEL         RULE: a rule id (MG001); LEVEL:
 *                                      error, warning or note
 */
#ifndef MG_CLI_OPTIONS_H
#define MG_CLI_OPTIONS_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "stream/rules.h"

struct config;
struct scan_opts;

/* getopt_long codes of the shared options (a command's own stay below) */
enum {
	CLI_OPT_CONFIG = 1024, CLI_OPT_DISABLE, CLI_OPT_NO_TRAILER,
	CLI_OPT_RULES, CLI_OPT_SEVERITY, CLI_OPT_TRUSTED_CONFIG,
	CLI_OPT_VERSION
};

/* Entries for a command's struct option table (-h is 'h' in its optstring):
 * every command takes CLI_OPTIONS; the ones judging by the policy also
 * CLI_POLICY_OPTIONS; the readers of finding streams CLI_NO_TRAILER_OPTION. */
#define CLI_OPTIONS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, CLI_OPT_VERSION }
#define CLI_POLICY_OPTIONS \
	{ "config", required_argument, NULL, CLI_OPT_CONFIG }, \
	{ "disable", required_argument, NULL, CLI_OPT_DISABLE }, \
	{ "rules", required_argument, NULL, CLI_OPT_RULES }, \
	{ "severity", required_argument, NULL, CLI_OPT_SEVERITY }, \
	{ "trusted-config", required_argument, NULL, CLI_OPT_TRUSTED_CONFIG }
#define CLI_NO_TRAILER_OPTION \
	{ "no-trailer", no_argument, NULL, CLI_OPT_NO_TRAILER }

struct cli_opts {
	const char *prog;		/* "mg-scan", for --version */
	const char *usage;		/* the command's help text */
	const char *config;		/* --config FILE; NULL: .mapguard.json */
	const char *trusted_rev;	/* --trusted-config REV (docs/security.md) */
	const char *rules, *disable;	/* the lists as given; NULL: not given */
	int severity[RULES_MAX];	/* by enum rule; -1: not given */
	int flags;			/* FINDING_NO_TRAILER (--no-trailer) */
};

void cli_init(struct cli_opts *o, const char *prog, const char *usage);

/* Handles option c of getopt_long (arg: optarg) if it is a shared one.
 * Returns 1 when handled, 0 when c is not a shared option, -1 after a usage
 * error (reported: exit 2), 2 after -h or --version (printed: exit
 * mg_exit(0)). */
int cli_option(struct cli_opts *o, int c, const char *arg);

/* Parses s by the --severity grammar into sev (by enum rule); -1 if bad
 * (sev may then be partly set). */
int cli_parse_severity(int *sev, const char *s);

/* Reads the configuration: --config's file or .mapguard.json, from
 * --trusted-config's revision when given.  Returns 0, or -1 (reported); cfg
 * is initialized either way and must be released. */
int cli_load_config(const struct cli_opts *o, struct config *cfg);

/* The rules that run (*on, 0: all) and those switched off (*off), the
 * same in every command: the file's "rules" and "disable", unless --rules
 * names the rules (then exactly those, the file's lists ignored);
 * --disable switches rules off on top.  Returns 0, or -1 after "--rules:
 * unknown rule 'X'". */
int cli_rule_lists(const struct cli_opts *o, const struct config *cfg,
		   unsigned *on, unsigned *off);

/* The engine's options from the configuration, then the shared flags over
 * it: the rules of cli_rule_lists(), --severity over the file's.  *off
 * gets the rules switched off.  Returns 0, or -1 after a bad list
 * (reported). */
int cli_apply_scan(const struct cli_opts *o, const struct config *cfg,
		   struct scan_opts *so, unsigned *off);

/* Appends the paths read from fp (one a line, CR LF too; NUL-separated
 * with nul), empty ones skipped, to (*v)[0..*n) as new strings. */
void cli_read_paths(FILE *fp, int nul, char ***v, size_t *n, size_t *alloc);

/* "123", "64K", "64M", "1G" (K, M, G: powers of 1024; any case) -> bytes,
 * more than 0 and at most limit; -1 if bad. */
int cli_parse_size(const char *s, unsigned long long limit, size_t *out);
/* A whole number lo..hi, all of s; -1 if bad. */
int cli_parse_long(const char *s, long lo, long hi, long *out);

#endif
