/* util.c - messages, exit codes, x-allocators, struct buf, file reading */
#include "util/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "mapguard";
static unsigned nerrors;

void mg_start(const char *name)
{
	extern int opterr;

	prog = name;
	opterr = 0;
}

const char *mg_name(void)
{
	return prog;
}

/* A message is one line whatever it quotes: a hostile path or source text
 * with a newline must not start a line of its own (a CI runner reads lines
 * starting with "::" as workflow commands), so control characters in it
 * are written as '?'. */
static void vmsg(const char *prefix, const char *fmt, va_list ap)
{
	char small[512], *m = small;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small)) {
		m = malloc((size_t)n + 1);
		if (m)
			vsnprintf(m, (size_t)n + 1, fmt, aq);
		else
			m = small;	/* out of memory: the message cut short */
	}
	va_end(aq);
	fflush(stdout);
	fprintf(stderr, "%s: %s", prog, prefix);
	mg_put_text(stderr, n < 0 ? "?" : m, 0);
	fputc('\n', stderr);
	if (m != small)
		free(m);
}

void mg_put_text(FILE *fp, const char *s, int flags)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int tab_ok = !(flags & MG_TEXT_TAB);

	if ((flags & MG_TEXT_LEAD) && (*p == ':' || *p == ' ' || *p == '\t'))
		fputs("./", fp);
	for (; *p; p++) {
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fputc('?', fp);	/* a C1 control as UTF-8 (U+009B: CSI) */
			p++;
		} else {
			fputc((*p < 0x20 && !(*p == '\t' && tab_ok)) ||
			      *p == 0x7f ? '?' : *p, fp);
		}
	}
}

int mg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
	nerrors++;
	return -1;
}

int mg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
	return 0;
}

unsigned mg_errors(void)
{
	return nerrors;
}

void mg_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
	exit(MG_EXIT_ERROR);
}

int mg_usage(const char *usage, const char *fmt, ...)
{
	va_list ap;
	const char *nl = strchr(usage, '\n');

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "%.*s\nTry '%s --help' for more information.\n",
		nl ? (int)(nl - usage) : (int)strlen(usage), usage, prog);
	return MG_EXIT_ERROR;
}

int mg_exit(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: standard output: write error: %s\n", prog,
			strerror(errno));
		return MG_EXIT_ERROR;
	}
	return rc;
}

static void *oom(void *p)
{
	if (!p) {
		fprintf(stderr, "%s: out of memory\n", prog);
		exit(MG_EXIT_ERROR);
	}
	return p;
}

void *xmalloc(size_t n)
{
	return oom(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return oom(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return oom(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(&b, n > 0 ? (size_t)n : 0);
	va_start(ap, fmt);
	vsnprintf(b.p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.p;
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need > b->alloc) {
		size_t na = b->alloc ? b->alloc : 64;

		while (na < need)
			na *= 2;
		b->p = xrealloc(b->p, na);
		b->alloc = na;
	}
	b->p[b->len] = '\0';
}

void buf_add(struct buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p;

	buf_grow(b, 0);
	p = b->p;
	if (len)
		*len = b->len;
	b->p = NULL;
	b->len = b->alloc = 0;
	return p;
}

void buf_release(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->alloc = 0;
}

int mg_read_file(const char *path, char **out, size_t *len)
{
	struct buf b = BUF_INIT;
	FILE *fp;
	size_t n;
	int is_stdin = !strcmp(path, "-");

	*out = NULL;
	*len = 0;
	fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp)
		return mg_error("%s: cannot open: %s", path, strerror(errno));
	buf_grow(&b, 65536);
	while ((n = fread(b.p + b.len, 1, b.alloc - b.len - 1, fp)) > 0) {
		b.len += n;
		buf_grow(&b, b.alloc - b.len < 4096 ? b.alloc : 0);
	}
	if (ferror(fp)) {
		int e = errno;

		if (!is_stdin)
			fclose(fp);
		buf_release(&b);
		return mg_error("%s: read error: %s", is_stdin ? "standard input" : path,
				strerror(e));
	}
	if (!is_stdin)
		fclose(fp);
	b.p[b.len] = '\0';
	*out = buf_detach(&b, len);
	return 0;
}

unsigned long long mg_hash(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n--) {
		h ^= *s++;
		h *= MG_HASH_PRIME;
	}
	return h;
}
