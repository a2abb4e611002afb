/* fuzz_util.c - helpers shared by the harnesses (see fuzz.h) */
#include "fuzz.h"

#include <string.h>

#define SEP "\n//@@\n"

size_t fuzz_split(const uint8_t *data, size_t size, const char **part,
		  size_t *len, size_t max)
{
	const char *p = (const char *)data, *end = p + size;
	size_t n = 0, sl = strlen(SEP);

	while (n + 1 < max) {
		const char *q = p;

		while (q + sl <= end && memcmp(q, SEP, sl))
			q++;
		if (q + sl > end)
			break;
		part[n] = p;
		len[n++] = (size_t)(q - p) + 1;	/* keep the newline */
		p = q + sl;
	}
	part[n] = p;
	len[n++] = (size_t)(end - p);
	return n;
}
