/* unit.h - the smallest test harness for C unit tests below the binaries
 *
 * A test program is tests/unit/test_X.c: one main() calling CHECK and friends;
 * it prints each failed check as "file:line: what" and exits 1 when any
 * failed (unit_done()).  tests/build-unit.bats runs every program.  Not a framework:
 * no fixtures, no registration, nothing to learn.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed, unit_checked;

#define CHECK(cond) do { unit_checked++; if (!(cond)) { unit_failed++; \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

#define CHECK_INT(got, want) do { long long g_ = (got), w_ = (want); \
	unit_checked++; if (g_ != w_) { unit_failed++; \
	fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, \
		#got, g_, w_); } } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	unit_checked++; if (!g_ || strcmp(g_, w_) != 0) { unit_failed++; \
	fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, \
		__LINE__, #got, g_ ? g_ : "(null)", w_); } } while (0)

static inline int unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checked, unit_failed);
	return unit_failed || !unit_checked;
}

#endif
