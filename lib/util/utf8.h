/* utf8.h - the one UTF-8 check: well-formed or not, repaired, encoded
 *
 * Owns: whether bytes are well-formed UTF-8 (RFC 3629: the shortest form, no
 * UTF-16 surrogates, nothing above U+10FFFF), replacing what is not with
 * U+FFFD, and encoding a code point.  The finding stream's readers and
 * writers and the reports judge a string through these, so it is judged the
 * same everywhere.  Not: escaping for an output language (report/), control
 * characters on a terminal (mg_put_text() in util.h), a decoder that says
 * where a bad sequence ends (report_sarif.c's byte-offset decoder, WHATWG's
 * rule).
 */
#ifndef MG_UTF8_H
#define MG_UTF8_H

#include <stddef.h>

#include "util/util.h"

/* The length (1 to 4) of the well-formed character at p, of which avail
 * (>= 1) bytes may be read, or 0 when p does not start one.  Bytes are read
 * in order and the first bad one ends the check, so for a NUL-terminated
 * string avail may be 4: a NUL is never inside a character.  Inline: the
 * finding stream's reader calls it per character. */
static inline size_t utf8_len(const unsigned char *p, size_t avail)
{
	size_t n, i;
	unsigned u;

	if (*p < 0x80)
		return 1;
	if (*p >= 0xc2 && *p <= 0xdf)
		n = 2, u = *p & 0x1f;
	else if (*p >= 0xe0 && *p <= 0xef)
		n = 3, u = *p & 0x0f;
	else if (*p >= 0xf0 && *p <= 0xf4)
		n = 4, u = *p & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if (i >= avail || (p[i] & 0xc0) != 0x80)
			return 0;
		u = u << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && (u < 0x800 || (u >= 0xd800 && u <= 0xdfff))) ||
	    (n == 4 && (u < 0x10000 || u > 0x10ffff)))
		return 0;
	return n;
}

/* Appends the NUL-terminated s (NULL: "") to b, each byte that does not
 * start a well-formed character replaced by U+FFFD. */
void utf8_add_valid(struct buf *b, const char *s);
/* Appends code point u (at most 0x10ffff) to b as UTF-8. */
void utf8_put(struct buf *b, unsigned u);

#endif
