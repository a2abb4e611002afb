/* scan.c - one directory's files to the engine, one package clause at a time
 *
 * A directory may hold a package and its external tests (`package P_test`);
 * each clause is judged by the engine (engine.c) on its own, and the
 * package's findings are fingerprinted and sorted here, so that mg-scan
 * (files on disk) and mg-diff (the merge-base's blobs) get the same result.
 */
#include "engine/scan.h"
#include "engine/engine.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

void scan_opts_init(struct scan_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->rules = ~0u;
	for (i = 0; i < SCAN_MAX_RULES; i++)
		o->severity[i] = -1;
}

/* The package clause's name (after a BOM, blank lines and comments), or 0
 * bytes when the file does not open with one. */
static size_t package_name(const char *s, size_t n, const char **name)
{
	size_t i = 0, k;

	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		i = 3;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
				 s[i] == '\r'))
			i++;
		if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
			for (i += 2; i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'); i++)
				;
			i += 2;
		} else {
			break;
		}
	}
	if (i + 8 > n || memcmp(s + i, "package", 7) ||
	    !(s[i + 7] == ' ' || s[i + 7] == '\t'))
		return 0;
	for (i += 7; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	for (k = i; k < n && (s[k] == '_' || (s[k] >= 'a' && s[k] <= 'z') ||
			      (s[k] >= 'A' && s[k] <= 'Z') ||
			      (s[k] >= '0' && s[k] <= '9') ||
			      (unsigned char)s[k] >= 0x80); k++)
		;
	*name = s + i;
	return k - i;
}

#define MAX_CLAUSES 8	/* more package clauses in one directory: hostile */

/* A directory's files may hold two packages: P and its external tests,
 * `package P_test`, which reach P only through its exported API (a
 * `rows.Next()` there is sql.Rows.Next, never a method of P's own test
 * helpers).  Each package clause is judged on its own; a file without one
 * joins the first group. */
void scan_package(const struct scan_opts *o, const struct scan_file *files,
		  size_t n, struct finding_list *out)
{
	size_t i, j, first = out->n, ng = 0, *len = xcalloc(n + 1, sizeof(size_t));
	size_t rep[MAX_CLAUSES];
	const char **name = xcalloc(n + 1, sizeof(char *));
	int *grp = xcalloc(n + 1, sizeof(int));
	struct scan_file *part = xcalloc(n + 1, sizeof(*part));

	for (i = 0; i < n; i++) {
		len[i] = package_name(files[i].data, files[i].len, &name[i]);
		grp[i] = 0;
		if (!len[i])
			continue;
		for (j = 0; j < ng; j++)	/* one file stands for each group */
			if (len[rep[j]] == len[i] &&
			    !memcmp(name[rep[j]], name[i], len[i]))
				break;
		if (j < ng)
			grp[i] = (int)j;
		else if (ng < MAX_CLAUSES)
			rep[ng] = i, grp[i] = (int)ng++;
	}
	for (j = 0; j < (ng ? ng : 1); j++) {
		size_t np = 0;

		for (i = 0; i < n; i++)
			if ((size_t)grp[i] == j)
				part[np++] = files[i];
		if (np)
			engine_scan_group(o, part, np, out);
	}
	free(part);
	free(grp);
	free(name);
	free(len);
	if (out->n == first)
		return;	/* out->v may still be NULL: no pointer arithmetic on it */
	finding_fingerprint_assign(out->v + first, out->n - first);
	finding_sort(out->v + first, out->n - first);
}
