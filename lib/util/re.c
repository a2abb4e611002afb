/* re.c - pattern sets over pcre2 (see re.h) */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "util/re.h"
#include "util/util.h"

struct re_set {
	pcre2_general_context *gc;	/* allocates through xmalloc: out of
					 * memory exits, as everywhere */
	pcre2_code **code;
	int *jit;
	size_t n, alloc, ajit;
};

static void *re_alloc(PCRE2_SIZE n, void *data)
{
	(void)data;
	return xmalloc(n);
}

static void re_free(void *p, void *data)
{
	(void)data;
	free(p);
}

int re_set_add(struct re_set **set, const char *pattern, const char *what)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re;
	struct re_set *s;
	size_t jsz = 0;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];

		pcre2_get_error_message(err, msg, sizeof(msg));
		return mg_error("%s: pattern '%s': %s at offset %zu", what,
				pattern, (const char *)msg, (size_t)off);
	}
	if (!*set) {
		*set = xcalloc(1, sizeof(**set));
		(*set)->gc = pcre2_general_context_create(re_alloc, re_free,
							  NULL);
		if (!(*set)->gc)
			xmalloc((size_t)-1);	/* reports out of memory */
	}
	s = *set;
	/* no JIT is no error: pcre2_match() then interprets */
	if (pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0)
		pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jsz);
	ARRAY_GROW(s->code, s->n + 1, s->alloc);
	ARRAY_GROW(s->jit, s->n + 1, s->ajit);
	s->jit[s->n] = jsz > 0;
	s->code[s->n++] = re;
	return 0;
}

int re_set_match(const struct re_set *set, const char *str, size_t len)
{
	size_t i;
	int hit = 0;

	for (i = 0; set && i < set->n && !hit; i++) {
		pcre2_match_data *md =
			pcre2_match_data_create_from_pattern(set->code[i],
							     set->gc);
		int rc;

		rc = set->jit[i]
		     ? pcre2_jit_match(set->code[i], (PCRE2_SPTR)str, len, 0, 0,
				       md, NULL)
		     : pcre2_match(set->code[i], (PCRE2_SPTR)str, len, 0, 0, md,
				   NULL);
		hit = rc >= 0;
		pcre2_match_data_free(md);
	}
	return hit;
}

void re_set_free(struct re_set *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++)
		pcre2_code_free(set->code[i]);
	free(set->code);
	free(set->jit);
	pcre2_general_context_free(set->gc);
	free(set);
}
