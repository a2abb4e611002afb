/* utf8.c - UTF-8 repair and encoding (see utf8.h) */
#include "util/utf8.h"

void utf8_add_valid(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		size_t n = utf8_len(p, 4);

		if (n) {
			buf_add(b, p, n);
			p += n;
		} else {
			buf_adds(b, "\xef\xbf\xbd");
			p++;
		}
	}
}

void utf8_put(struct buf *b, unsigned u)
{
	if (u < 0x80) {
		buf_addc(b, (char)u);
	} else if (u < 0x800) {
		buf_addc(b, (char)(0xc0 | u >> 6));
		buf_addc(b, (char)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		buf_addc(b, (char)(0xe0 | u >> 12));
		buf_addc(b, (char)(0x80 | (u >> 6 & 0x3f)));
		buf_addc(b, (char)(0x80 | (u & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | u >> 18));
		buf_addc(b, (char)(0x80 | (u >> 12 & 0x3f)));
		buf_addc(b, (char)(0x80 | (u >> 6 & 0x3f)));
		buf_addc(b, (char)(0x80 | (u & 0x3f)));
	}
}
