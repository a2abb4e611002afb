/* policy.c - the gate's policy applied to a finding stream (policy.h) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git/gitblob.h"
#include "stream/baseline.h"
#include "stream/config.h"
#include "stream/policy.h"
#include "util/util.h"

int policy_check_shards(struct finding_reader *rd, long want)
{
	const char *const *sh;
	size_t n = finding_reader_shards(rd, &sh), i;
	unsigned char *seen = xcalloc((size_t)want + 1, 1);
	long k, m;
	int rc = 0;

	for (i = 0; i < n && !rc; i++) {
		char tail;

		if (sscanf(sh[i], "%ld/%ld%c", &k, &m, &tail) != 2 || k < 1 ||
		    k > m)
			rc = mg_error("--expect-shards %ld: bad shard '%s' in a "
				      "trailer", want, sh[i]);
		else if (m != want)
			rc = mg_error("--expect-shards %ld: shard %s belongs to a "
				      "matrix of %ld", want, sh[i], m);
		else if (seen[k]++)
			rc = mg_error("--expect-shards %ld: shard %s appears twice "
				      "(an artifact merged twice?)", want, sh[i]);
	}
	for (k = 1; k <= want && !rc; k++)
		if (!seen[k])
			rc = mg_error("--expect-shards %ld: shard %ld/%ld is missing "
				      "(a matrix job failed or its artifact was not "
				      "downloaded)", want, k, want);
	free(seen);
	return rc;
}

void policy_apply_rules(struct finding_list *all, unsigned on, unsigned off,
			const int *severity, const struct config *cfg)
{
	size_t i, k;

	for (i = k = 0; i < all->n; i++) {
		struct finding *f = &all->v[i];
		int r = rules_index(f->rule);

		if ((on && (r < 0 || !(on & (1u << r)))) ||
		    (r >= 0 && (off & (1u << r)))) {
			finding_release(f);
			continue;
		}
		if (r >= 0 && severity[r] >= 0)
			f->severity = severity[r];
		else if (r >= 0 && cfg->severity[r] >= 0)
			f->severity = cfg->severity[r];
		all->v[k++] = *f;
	}
	all->n = k;
}

void policy_apply_excludes(struct finding_list *all, const struct config *cfg)
{
	size_t i;

	for (i = 0; i < all->n; i++) {
		struct finding *f = &all->v[i];
		const struct exclude_rule *x;

		if (f->suppressed || !(x = config_exclude_rule(cfg, f)))
			continue;
		if (x->to < 0) {
			f->suppressed = 1;
			f->suppress_config = 1;
			free(f->suppress_reason);
			f->suppress_reason = xstrdup(x->reason);
		} else if (f->severity > x->to) {
			if (!f->downgraded)
				f->downgraded = f->severity + 1;
			f->severity = x->to;
			free(f->downgrade_reason);
			f->downgrade_reason = xstrdup(x->reason);
		}
	}
}

size_t policy_apply_baseline(struct finding_list *all, struct baseline *bl,
			     int accept_all)
{
	size_t i, k, n = 0;

	for (i = k = 0; i < all->n; i++) {
		struct finding *f = &all->v[i];

		if (!f->suppressed &&
		    (baseline_match(bl, f->fingerprint) || accept_all)) {
			n++;
			finding_release(f);
			continue;
		}
		all->v[k++] = *f;
	}
	all->n = k;
	return n;
}

/* The work tree's copy of path: 0 with *data, 1 when absent, -1 unreadable
 * (quietly: the caller only reports). */
static int read_worktree(const char *path, char **data, size_t *len)
{
	struct buf b = BUF_INIT;
	FILE *fp = fopen(path, "rb");
	char tmp[8192];
	size_t n;
	int bad;

	*data = NULL;
	*len = 0;
	if (!fp)
		return errno == ENOENT || errno == ENOTDIR ? 1 : -1;
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(&b, tmp, n);
	bad = ferror(fp);
	fclose(fp);
	if (bad) {
		buf_release(&b);
		return -1;
	}
	*data = b.p ? buf_detach(&b, len) : xstrdup("");
	return 0;
}

/* Adds "PATH (what)" to out when the file differs between rev and the work
 * tree; -1 when that cannot be told (rev unreadable here). */
static int policy_file(struct buf *out, const char *rev, const char *path,
		       int is_config)
{
	char *a = NULL, *b = NULL, *keys = NULL;
	size_t al = 0, bl = 0;
	int ra = gitblob_read_quiet(rev, path, &a, &al);
	int rb = ra < 0 ? -1 : read_worktree(path, &b, &bl);

	if (ra < 0 || rb < 0) {
		free(a);
		free(b);
		return -1;
	}
	if (ra != rb || (ra == 0 && (al != bl || memcmp(a, b, al)))) {
		const char *how = ra ? "added" : rb ? "deleted" : NULL;

		buf_addf(out, "%s%s", out->len ? ", " : "", path);
		if (is_config)	/* the keys it sets, drops or changes */
			keys = config_changed_keys(ra ? "{}" : a, ra ? 2 : al,
						   rb ? "{}" : b, rb ? 2 : bl);
		if (how && keys && *keys)
			buf_addf(out, " (%s: %s)", how, keys);
		else if (how)
			buf_addf(out, " (%s)", how);
		else if (keys && *keys)
			buf_addf(out, " (%s)", keys);
	}
	free(keys);
	free(a);
	free(b);
	return 0;
}

char *policy_edits(const char *rev, int trusted, const char *config,
			  const char *baseline)
{
	struct buf out = BUF_INIT;

	if (!rev || policy_file(&out, rev, config ? config : ".mapguard.json",
				1) < 0 ||
	    (baseline && policy_file(&out, rev, baseline, 0) < 0) || !out.len) {
		buf_release(&out);
		return NULL;
	}
	if (trusted)
		buf_addf(&out, "; not applied: the gate used the policy of %.12s "
			 "(--trusted-config)", rev);
	else
		buf_adds(&out, "; applied: this run uses the change's own policy");
	return buf_detach(&out, NULL);
}
