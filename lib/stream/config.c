/* config.c - .mapguard.json reading and validation (see config.h) */
#include "stream/config.h"
#include "engine/scan.h"
#include "util/re.h"
#include "git/gitblob.h"
#include "util/util.h"

#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void config_init(struct config *c)
{
	int i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < RULES_MAX; i++)
		c->severity[i] = -1;
	c->fail_on = -1;
	c->max_findings = -1;
	c->require_reason = -1;
	c->include_generated = -1;
}

static int bad(const char *name, const char *key, const char *why)
{
	return mg_error("%s: config: %s: %s", name, key, why);
}

const char *const config_keys[] = {
	"$schema", "rules", "disable", "severity", "exclude", "exclude_rules",
	"fail_on", "max_findings", "baseline", "require_reason",
	"include_generated", "concurrent_calls", "serial_calls", NULL
};

/* The keys of one "exclude_rules" entry. */
static const char *const xrule_keys[] = {
	"path", "rule", "message", "action", "to", "reason", NULL
};

static int key_known(const char *const *keys, const char *key)
{
	for (; *keys; keys++)
		if (!strcmp(*keys, key))
			return 1;
	return 0;
}

/* "unknown key (a, b, c)": the list comes from the table, so it cannot go
 * stale. */
static int bad_key(const char *name, const char *key, const char *const *keys)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_adds(&b, "unknown key (");
	for (; *keys; keys++)
		buf_addf(&b, "%s%s", *keys, keys[1] ? ", " : ")");
	rc = bad(name, key, b.p);
	buf_release(&b);
	return rc;
}

static int rule_bits(const char *name, const char *key, json_t *v, unsigned *bits)
{
	size_t i;
	json_t *e;

	if (!json_is_array(v))
		return bad(name, key, "must be an array of rule ids");
	json_array_foreach(v, i, e) {
		int r = json_is_string(e) ? rules_index(json_string_value(e)) : -1;

		if (r < 0)
			return bad(name, key, "unknown rule id (MG000..MG006, MG100)");
		*bits |= 1u << r;
	}
	return 0;
}

/* One "exclude_rules" entry, the i-th: at least one pattern, a reason,
 * "action" drop (default) or downgrade with "to". */
static int parse_xrule(struct config *c, const char *name, size_t i, json_t *e)
{
	struct exclude_rule *x = &c->exclude_rules[c->nexclude_rules];
	const char *k, *action = "drop";
	json_t *v;
	char *key = xasprintf("exclude_rules[%zu]", i), *sub = NULL;
	int rc = -1;

	x->to = -1;
	if (!json_is_object(e)) {
		bad(name, key, "must be an object with path, rule or message "
			       "patterns and a reason");
		goto out;
	}
	c->nexclude_rules++;	/* released with the config from here on */
	json_object_foreach(e, k, v) {
		free(sub);
		sub = xasprintf("%s.%s", key, k);
		if (!key_known(xrule_keys, k)) {
			bad_key(name, sub, xrule_keys);
			goto out;
		}
		if (!json_is_string(v)) {
			bad(name, sub, "must be a string");
			goto out;
		}
		if (!strcmp(k, "path") || !strcmp(k, "rule") ||
		    !strcmp(k, "message")) {
			struct re_set **set = k[0] == 'p' ? &x->path
					      : k[0] == 'r' ? &x->rule
							    : &x->message;
			char *what = xasprintf("%s: config: %s", name, sub);
			int r = re_set_add(set, json_string_value(v), what);

			free(what);
			if (r < 0)
				goto out;
		} else if (!strcmp(k, "action")) {
			action = json_string_value(v);
			if (strcmp(action, "drop") && strcmp(action, "downgrade")) {
				bad(name, sub, "must be drop or downgrade");
				goto out;
			}
		} else if (!strcmp(k, "to")) {
			x->to = severity_parse(json_string_value(v));
			if (x->to != SEV_WARNING && x->to != SEV_NOTE) {
				bad(name, sub, "must be warning or note");
				goto out;
			}
		} else {	/* reason */
			const char *r = json_string_value(v);

			if (!r[strspn(r, " \t\r\n")]) {
				bad(name, sub, "must not be empty");
				goto out;
			}
			x->reason = xstrdup(r);
		}
	}
	if (!x->path && !x->rule && !x->message)
		bad(name, key, "needs at least one of path, rule, message");
	else if (!x->reason)
		bad(name, key, "needs a reason (shown in the reports)");
	else if (!strcmp(action, "downgrade") && x->to < 0)
		bad(name, key, "action downgrade needs \"to\": warning or note");
	else if (!strcmp(action, "drop") && x->to >= 0)
		bad(name, key, "\"to\" needs \"action\": \"downgrade\"");
	else
		rc = 0;
out:
	free(sub);
	free(key);
	return rc;
}

int config_parse(struct config *c, const char *name, const char *data,
		 size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr), *v;
	const char *key;
	int rc = -1;

	config_init(c);
	c->path = xstrdup(name);
	if (!root)
		return mg_error("%s:%d: config: invalid JSON: %s", name, jerr.line,
				jerr.text);
	if (!json_is_object(root)) {
		bad(name, "(top level)", "must be a JSON object");
		goto out;
	}
	json_object_foreach(root, key, v) {
		if (!key_known(config_keys, key)) {
			bad_key(name, key, config_keys);
			goto out;
		}
		if (!strcmp(key, "$schema")) {	/* for editors; not read */
			if (!json_is_string(v)) {
				bad(name, key, "must be a string (a URI)");
				goto out;
			}
		} else if (!strcmp(key, "rules")) {
			if (rule_bits(name, key, v, &c->rules_on) < 0)
				goto out;
		} else if (!strcmp(key, "disable")) {
			if (rule_bits(name, key, v, &c->rules_off) < 0)
				goto out;
		} else if (!strcmp(key, "severity")) {
			const char *rk;
			json_t *rv;

			if (!json_is_object(v)) {
				bad(name, key, "must map rule ids to levels");
				goto out;
			}
			json_object_foreach(v, rk, rv) {
				int r = rules_index(rk);
				int s = json_is_string(rv) ? severity_parse(json_string_value(rv)) : -1;

				if (r < 0 || s < 0) {
					char *k = xasprintf("severity.%s", rk);

					bad(name, k, r < 0 ? "unknown rule id"
						       : "must be error, warning or note");
					free(k);
					goto out;
				}
				c->severity[r] = s;
			}
		} else if (!strcmp(key, "exclude")) {
			size_t i;
			json_t *e;

			if (!json_is_array(v)) {
				bad(name, key, "must be an array of glob patterns");
				goto out;
			}
			c->exclude = xcalloc(json_array_size(v) + 1, sizeof(char *));
			json_array_foreach(v, i, e) {
				if (!json_is_string(e)) {
					bad(name, key, "must be an array of glob patterns");
					goto out;
				}
				c->exclude[c->nexclude++] = xstrdup(json_string_value(e));
			}
		} else if (!strcmp(key, "exclude_rules")) {
			size_t i;
			json_t *e;

			if (!json_is_array(v)) {
				bad(name, key, "must be an array of objects");
				goto out;
			}
			c->exclude_rules = xcalloc(json_array_size(v) + 1,
						   sizeof(*c->exclude_rules));
			json_array_foreach(v, i, e)
				if (parse_xrule(c, name, i, e) < 0)
					goto out;
		} else if (!strcmp(key, "fail_on")) {
			const char *s = json_is_string(v) ? json_string_value(v) : "";

			c->fail_on = !strcmp(s, "never") ? 3 : severity_parse(s);
			if (c->fail_on < 0) {
				bad(name, key, "must be error, warning, note or never");
				goto out;
			}
		} else if (!strcmp(key, "max_findings")) {
			if (!json_is_integer(v) || json_integer_value(v) < 0) {
				bad(name, key, "must be a whole number >= 0");
				goto out;
			}
			c->max_findings = (long)json_integer_value(v);
		} else if (!strcmp(key, "baseline")) {
			if (!json_is_string(v)) {
				bad(name, key, "must be a file name");
				goto out;
			}
			c->baseline = xstrdup(json_string_value(v));
		} else if (!strcmp(key, "require_reason")) {
			if (!json_is_boolean(v)) {
				bad(name, key, "must be true or false");
				goto out;
			}
			c->require_reason = json_is_true(v);
		} else if (!strcmp(key, "concurrent_calls") ||
			   !strcmp(key, "serial_calls")) {
			struct re_set **set = key[0] == 'c' ? &c->concurrent_calls
							   : &c->serial_calls;
			size_t i;
			json_t *e;
			char *what;

			if (!json_is_array(v)) {
				bad(name, key, "must be an array of patterns");
				goto out;
			}
			json_array_foreach(v, i, e) {
				int r;

				if (!json_is_string(e)) {
					bad(name, key, "must be an array of patterns");
					goto out;
				}
				what = xasprintf("%s: config: %s", name, key);
				r = re_set_add(set, json_string_value(e), what);
				free(what);
				if (r < 0)
					goto out;
			}
		} else if (!strcmp(key, "include_generated")) {
			if (!json_is_boolean(v)) {
				bad(name, key, "must be true or false");
				goto out;
			}
			c->include_generated = json_is_true(v);
		} else {	/* in config_keys but not handled: a bug */
			bad(name, key, "key without a reader");
			goto out;
		}
	}
	rc = 0;
out:
	json_decref(root);
	return rc;
}

int config_load(struct config *c, const char *path)
{
	char *data;
	size_t len;
	int r;

	if (!path) {
		FILE *fp = fopen(".mapguard.json", "rb");

		if (!fp) {
			config_init(c);
			if (errno == ENOENT)
				return 0;
			return mg_error(".mapguard.json: cannot open: %s", strerror(errno));
		}
		fclose(fp);
		path = ".mapguard.json";
	}
	if (mg_read_file(path, &data, &len) < 0) {
		config_init(c);
		return -1;
	}
	r = config_parse(c, path, data, len);
	free(data);
	return r;
}

int config_load_rev(struct config *c, const char *rev, const char *path)
{
	const char *p = path ? path : ".mapguard.json";
	char *data, *name;
	size_t len;
	int r = gitblob_read(rev, p, &data, &len);

	if (r != 0) {
		config_init(c);
		if (r == 1 && path)
			return mg_error("%s:%s: no such file in the trusted revision",
					rev, path);
		return r == 1 ? 0 : -1;	/* no config in the base: defaults */
	}
	name = xasprintf("%s:%s", rev, p);
	r = config_parse(c, name, data, len);
	free(name);
	free(data);
	return r;
}

char *config_changed_keys(const char *old, size_t old_len, const char *new,
			  size_t new_len)
{
	json_t *a = json_loadb(old, old_len, 0, NULL);
	json_t *b = json_loadb(new, new_len, 0, NULL), *v;
	struct buf out = BUF_INIT;
	const char *key;
	char *r = NULL;

	if (json_is_object(a) && json_is_object(b)) {
		json_object_foreach(a, key, v)
			if (!json_equal(v, json_object_get(b, key)))
				buf_addf(&out, "%s%s", out.len ? ", " : "", key);
		json_object_foreach(b, key, v)
			if (!json_object_get(a, key))
				buf_addf(&out, "%s%s", out.len ? ", " : "", key);
		r = buf_detach(&out, NULL);
		if (!r)
			r = xstrdup("");
	}
	json_decref(a);
	json_decref(b);
	return r;
}

void config_release(struct config *c)
{
	size_t i;

	for (i = 0; i < c->nexclude; i++)
		free(c->exclude[i]);
	free(c->exclude);
	free(c->baseline);
	free(c->path);
	re_set_free(c->concurrent_calls);
	re_set_free(c->serial_calls);
	for (i = 0; i < c->nexclude_rules; i++) {
		re_set_free(c->exclude_rules[i].path);
		re_set_free(c->exclude_rules[i].rule);
		re_set_free(c->exclude_rules[i].message);
		free(c->exclude_rules[i].reason);
	}
	free(c->exclude_rules);
	config_init(c);
}

void config_apply_scan(const struct config *c, struct scan_opts *o)
{
	int i;

	if (c->rules_on)
		o->rules = c->rules_on;
	o->rules &= ~c->rules_off;
	for (i = 0; i < SCAN_MAX_RULES; i++)
		if (c->severity[i] >= 0)
			o->severity[i] = c->severity[i];
	if (c->require_reason >= 0)
		o->require_reason = c->require_reason;
	if (c->include_generated >= 0)
		o->include_generated = c->include_generated;
	o->concurrent_calls = c->concurrent_calls;
	o->serial_calls = c->serial_calls;
}

int config_excluded(const struct config *c, const char *path)
{
	size_t i;
	const char *base = strrchr(path, '/');

	for (i = 0; i < c->nexclude; i++) {
		const char *pat = c->exclude[i];

		/* "*" crosses slashes, so "gen/" + "*" covers a whole tree; a pattern
		 * without '/' also matches the file name alone ("*.pb.go") */
		if (!fnmatch(pat, path, 0) ||
		    (!strchr(pat, '/') && base && !fnmatch(pat, base + 1, 0)))
			return 1;
	}
	return 0;
}

static int re_hit(const struct re_set *set, const char *s)
{
	return !set || re_set_match(set, s ? s : "", s ? strlen(s) : 0);
}

const struct exclude_rule *config_exclude_rule(const struct config *c,
					       const struct finding *f)
{
	size_t i;

	for (i = 0; i < c->nexclude_rules; i++) {
		const struct exclude_rule *x = &c->exclude_rules[i];

		if (re_hit(x->path, f->path) && re_hit(x->rule, f->rule) &&
		    re_hit(x->message, f->message))
			return x;
	}
	return NULL;
}

int config_rule_list(unsigned *bits, const char *list, const char *what)
{
	char *s = xstrdup(list), *tok, *save = NULL, *p;
	int rc = 0;

	*bits = 0;
	for (p = s; (tok = strtok_r(p, ", ", &save)); p = NULL) {
		int r = rules_index(tok);

		if (r < 0) {
			rc = mg_error("%s: unknown rule '%s' (MG000..MG006, MG100)", what,
				      tok);
			break;
		}
		*bits |= 1u << r;
	}
	free(s);
	return rc;
}
