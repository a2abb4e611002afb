/* patch.c - unified diff reader (see patch.h) */
#include "git/patch.h"
#include "util/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Unquotes a git C-style quoted path ("a\303\251 b.go"); p points past '"'. */
static char *unquote(const char *p, const char *end)
{
	struct buf b = BUF_INIT;

	while (p < end && *p != '"') {
		if (*p == '\\' && p + 1 < end) {
			p++;
			if (*p >= '0' && *p <= '7') {
				int v = 0, k;

				for (k = 0; k < 3 && p < end && *p >= '0' && *p <= '7'; k++)
					v = v * 8 + (*p++ - '0');
				buf_addc(&b, (char)v);
				continue;
			}
			switch (*p) {
			case 'n': buf_addc(&b, '\n'); break;
			case 't': buf_addc(&b, '\t'); break;
			case 'r': buf_addc(&b, '\r'); break;
			case 'a': buf_addc(&b, '\a'); break;
			case 'b': buf_addc(&b, '\b'); break;
			case 'f': buf_addc(&b, '\f'); break;
			case 'v': buf_addc(&b, '\v'); break;
			default: buf_addc(&b, *p); break;
			}
			p++;
			continue;
		}
		buf_addc(&b, *p++);
	}
	return buf_detach(&b, NULL);
}

/* The path of a "--- x" / "+++ x" line: unquoted, without a trailing tab and
 * timestamp (diff -u), without "a/" or "b/" when strip is set. */
static char *header_path(const char *p, size_t n, int strip)
{
	const char *end = p + n, *tab, *e;
	char *s, *r;

	if (n && *p == '"') {
		s = unquote(p + 1, end);
	} else {
		tab = memchr(p, '\t', n);
		e = tab ? tab : end;
		while (e > p && (e[-1] == '\r' || e[-1] == ' '))
			e--;
		s = xstrndup(p, (size_t)(e - p));
	}
	if (strip && (!strncmp(s, "a/", 2) || !strncmp(s, "b/", 2))) {
		r = xstrdup(s + 2);
		free(s);
		return r;
	}
	return s;
}

/* A decimal number in [*pp, end): the diff is not NUL-terminated, so no
 * strtol() (it read past the end of a header cut short, found by fuzzing). */
static int parse_num(const char **pp, const char *end, long *v)
{
	const char *p = *pp;
	long n = 0;

	if (p >= end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		if (n > (LONG_MAX - 9) / 10)
			return -1;
		n = n * 10 + (*p - '0');
	}
	*pp = p;
	*v = n;
	return 0;
}

static int parse_range(const char **pp, const char *end, long *start, long *count)
{
	const char *p = *pp;

	if (parse_num(&p, end, start) < 0)
		return -1;
	*count = 1;
	if (p < end && *p == ',') {
		p++;
		if (parse_num(&p, end, count) < 0)
			return -1;
	}
	*pp = p;
	/* no file has a billion lines: a bigger number is damage (and line
	 * arithmetic must not overflow) */
	return *start > 1000000000L || *count > 1000000000L ? -1 : 0;
}

int patch_parse(struct lineset **out, const char *name, const char *data,
		size_t len)
{
	struct lineset *ls = lineset_new();
	const char *p = data, *end = data + len;
	char *old = NULL, *cur = NULL, *rename_from = NULL;
	long lineno = 0, newline = 0, old_left = 0, new_left = 0;
	int strip = 0, in_hunk = 0;

	*out = NULL;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);

		lineno++;
		if (in_hunk && (old_left > 0 || new_left > 0)) {
			char c = n ? *p : ' ';	/* an empty line is empty context */

			if (c == '+') {
				if (cur)
					lineset_add(ls, cur, newline);
				newline++;
				new_left--;
			} else if (c == '-') {
				old_left--;
			} else if (c == ' ' || (n == 1 && c == '\r')) {
				newline++;
				old_left--;
				new_left--;
			} else if (c == '\\') {
				/* "\ No newline at end of file" */
			} else {
				mg_error("%s:%ld: malformed diff: hunk ends early", name,
					 lineno);
				goto fail;
			}
		} else if (n >= 4 && !strncmp(p, "--- ", 4)) {
			free(old);
			old = header_path(p + 4, n - 4, 1);
			/* the line is not NUL-terminated: compare within it */
			strip = (n >= 6 && !memcmp(p + 4, "a/", 2)) ||
				(n >= 7 && !memcmp(p + 4, "\"a/", 3)) ||
				!strcmp(old, "/dev/null");
			in_hunk = 0;
		} else if (n >= 4 && !strncmp(p, "+++ ", 4)) {
			free(cur);
			cur = header_path(p + 4, n - 4, strip);
			if (!old)
				old = xstrdup(cur);
			if (!strcmp(cur, "/dev/null")) {
				free(cur);
				cur = NULL;	/* a deletion adds nothing */
				if (strcmp(old, "/dev/null"))
					lineset_add_deleted(ls, old);
			} else {
				lineset_add_file(ls, cur,
						 strcmp(old, "/dev/null") ? old : NULL);
			}
			in_hunk = 0;
		} else if (n >= 3 && !strncmp(p, "@@ ", 3)) {
			const char *q = p + 3;
			long os, oc, ns, nc;

			if (q >= le || *q++ != '-' ||
			    parse_range(&q, le, &os, &oc) < 0) {
				mg_error("%s:%ld: malformed diff: bad hunk header", name, lineno);
				goto fail;
			}
			q = memchr(q, '+', (size_t)(le - q));
			if (!q || (q++, parse_range(&q, le, &ns, &nc)) < 0) {
				mg_error("%s:%ld: malformed diff: bad hunk header", name, lineno);
				goto fail;
			}
			if (!cur && !old) {
				mg_error("%s:%ld: malformed diff: hunk before a file header",
					 name, lineno);
				goto fail;
			}
			newline = ns;
			old_left = oc;
			new_left = nc;
			in_hunk = 1;
		} else if (n >= 11 && !strncmp(p, "diff --git ", 11)) {
			free(rename_from);
			rename_from = NULL;
			in_hunk = 0;
		} else if (n >= 12 && !strncmp(p, "rename from ", 12)) {
			free(rename_from);
			rename_from = header_path(p + 12, n - 12, 0);
		} else if (n >= 10 && !strncmp(p, "rename to ", 10) && rename_from) {
			/* a pure rename has no ---/+++ lines: record it here */
			char *to = header_path(p + 10, n - 10, 0);

			lineset_add_file(ls, to, rename_from);
			free(to);
		} else if (n >= 8 && !strncmp(p, "copy to ", 8)) {
			char *to = header_path(p + 8, n - 8, 0);

			lineset_add_file(ls, to, NULL);
			free(to);
		}
		/* other lines: index, mode, similarity, commit text */
		p = nl ? nl + 1 : end;
	}
	if (in_hunk && (old_left > 0 || new_left > 0)) {
		mg_error("%s:%ld: malformed diff: truncated hunk", name, lineno);
		goto fail;
	}
	free(old);
	free(cur);
	free(rename_from);
	*out = ls;
	return 0;
fail:
	free(old);
	free(cur);
	free(rename_from);
	lineset_free(ls);
	return -1;
}

int patch_added_lines(struct lineset **out, const char *path)
{
	char *data;
	size_t len;
	int r;

	*out = NULL;
	if (mg_read_file(path, &data, &len) < 0)
		return -1;
	r = patch_parse(out, strcmp(path, "-") ? path : "<stdin>", data, len);
	free(data);
	return r;
}
