/* facts_comment.c - what the comments of declarations say
 *
 * Owns: reading the comments that facts.c's declarations carry, lower-
 * cased: the doc comment above a declaration or a trailing comment on its
 * line; a field's guard ("guarded by mu", "protected by mu",
 * "+checklocks:mu", "mg:guarded-by mu"); a function that must be called
 * with a lock held ("must be called with mu held", "caller must hold the
 * lock", "x.mu must be locked", read over the lines of the block in
 * source order); a function that is not called concurrently ("should not be
 * called concurrently", "never called in parallel", in its doc comment or
 * at the start of a comment in its body).
 * Not: the declarations and what they become (facts.c), //mg: directives
 * on findings (suppress.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

/* The text of the comments that end on line `line` or just above it, as a
 * contiguous block (a doc comment), lower-cased into buf. */
void facts_comments_above(const struct lexed *lx, const char *src,
			  uint32_t line, int same_line, struct buf *b)
{
	size_t lo = 0, hi = lx->ncom, i;
	uint32_t want = line - 1;

	buf_reset(b);
	/* the last comment starting on a line <= line */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (lx->com[mid].line <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i-- > 0;) {	/* the block's first comment */
		const struct comment *c = &lx->com[i];

		if (same_line && c->line == line) {
			/* a trailing comment on the line itself */
		} else if (c->end_line == want) {
			want = c->line - 1;
		} else if (c->line != line || !same_line) {
			break;
		}
	}
	/* in source order, without the "//" of each line, so that a phrase
	 * broken over two lines ("must be\n// locked") reads whole */
	for (i++; i < lo; i++) {
		const struct comment *c = &lx->com[i];
		size_t k = b->len, skip = 0;

		if (c->len >= 2 && !memcmp(src + c->off, "//", 2))
			skip = 2;
		while (skip < c->len && src[c->off + skip] == ' ')
			skip++;
		buf_add(b, src + c->off + skip, c->len - skip);
		for (; k < b->len; k++)	/* lower-cased in place */
			b->p[k] = (char)tolower((unsigned char)b->p[k]);
		buf_addc(b, ' ');
	}
}

/* The next word of lower-cased s at *at (letters only), its length. */
static size_t lock_word(const char *s, size_t *at)
{
	size_t i = *at, n;

	while (s[i] && !isalpha((unsigned char)s[i]))
		i++;
	for (n = 0; isalpha((unsigned char)s[i + n]); n++)
		;
	*at = i;
	return n;
}

/* Does lower-cased s name a lock: a word holding "lock" or "mutex", or
 * "mu", "mtx" or a word ending in "mu" (stateMu)?  Not "must", "multiple"
 * or "summary": words that merely contain the letters. */
static int names_a_lock(const char *s)
{
	size_t i = 0, n, k;

	for (; (n = lock_word(s, &i)); i += n) {
		const char *w = s + i;

		if ((n == 2 && !memcmp(w, "mu", 2)) ||
		    (n == 3 && !memcmp(w, "mtx", 3)) ||
		    (n > 2 && !memcmp(w + n - 2, "mu", 2)))
			return 1;
		for (k = 0; k + 4 <= n; k++)
			if (!memcmp(w + k, "lock", 4) ||
			    (k + 5 <= n && !memcmp(w + k, "mutex", 5)))
				return 1;
	}
	return 0;
}

/* "must be called with mu held", "caller must hold the lock", ... */
int facts_says_lock_held(const char *s)
{
	static const char *const held[] = {
		"held", "must hold", "holding", "caller holds",
		"callers hold", "while locked", "under lock", "under the lock",
		"with the lock", "with lock", "assumes the lock",
		"lock is taken", "lock must be", "locked by the caller",
		"must be locked", NULL
	};
	int i;

	if (!s || !names_a_lock(s))
		return 0;
	for (i = 0; held[i]; i++)
		if (strstr(s, held[i]))
			return 1;
	return 0;
}

/* The next word of lower-cased s at *at (letters and '), its length. */
static size_t next_word(const char *s, size_t *at)
{
	size_t i = *at, n;

	while (s[i] && !isalpha((unsigned char)s[i]))
		i++;
	for (n = 0; isalpha((unsigned char)s[i + n]) || s[i + n] == '\''; n++)
		;
	*at = i;
	return n;
}

static int word_in(const char *w, size_t n, const char *const *set)
{
	for (; *set; set++)	/* the first letter before the length */
		if ((*set)[0] == w[0] && strlen(*set) == n &&
		    !memcmp(w, *set, n))
			return 1;
	return 0;
}

/* "should not be called concurrently", "never called in parallel", "not
 * safe to call concurrently", "must not be called during the parallel
 * phase": a negation, a call, then concurrency, with only filler words
 * between.  With lead set, only a comment that starts so (no subject of
 * its own: a comment in a body that speaks of its function). */
int facts_says_serial(const char *s, int lead)
{
	static const char *const neg[] = {
		"not", "never", "cannot", "can't", "mustn't", "shouldn't", NULL
	};
	static const char *const fill1[] = { "be", "safe", "to", "ever", NULL };
	static const char *const verb[] = {
		"called", "call", "invoked", "run", NULL
	};
	static const char *const fill2[] = { "in", "during", "the", NULL };
	static const char *const conc[] = {
		"concurrently", "parallel", "simultaneously", NULL
	};
	static const char *const modal[] = { "should", "must", "may", NULL };
	size_t at = 0, n, k, words = 0;

	/* it ends on a word of conc[]: most comments have none */
	if (s && !strstr(s, "concurrently") && !strstr(s, "parallel") &&
	    !strstr(s, "simultaneously"))
		return 0;

	while (s && (n = next_word(s, &at))) {
		size_t j = at + n;
		int f;

		words++;
		if (lead && words == 1 && word_in(s + at, n, modal)) {
			at += n;
			continue;
		}
		if (!word_in(s + at, n, neg)) {
			if (lead)
				return 0;
			at += n;
			continue;
		}
		for (f = 0; (k = next_word(s, &j)) && f < 3 &&
			    word_in(s + j, k, fill1); f++)
			j += k;
		if (k && word_in(s + j, k, verb)) {
			j += k;
			for (f = 0; (k = next_word(s, &j)) && f < 2 &&
				    word_in(s + j, k, fill2); f++)
				j += k;
			if (k && word_in(s + j, k, conc)) {
				/* "... concurrently with itself": other
				 * callers may still overlap it */
				static const char *const self[] = {
					"with", NULL
				};
				size_t e = j + k, m = next_word(s, &e);

				if (!m || !word_in(s + e, m, self) ||
				    (e += m, m = next_word(s, &e)) != 6 ||
				    memcmp(s + e, "itself", 6))
					return 1;
			}
		}
		if (lead)
			return 0;
		at += n;
	}
	return 0;
}

/* Can facts_says_serial(lowercase(s), 1) hold for the comment s[0..len)?
 * Its first word (as next_word() reads it, up to a NUL) must be a modal
 * or a negation: most comments are ruled out without a copy. */
static int may_lead_serial(const char *s, size_t len)
{
	static const char *const first[] = {
		"should", "must", "may", "not", "never", "cannot", "can't",
		"mustn't", "shouldn't", NULL
	};
	char w[10];
	size_t i = 0, n;

	while (i < len && s[i] && !isalpha((unsigned char)s[i]))
		i++;
	for (n = 0; i + n < len && (isalpha((unsigned char)s[i + n]) ||
				    s[i + n] == '\''); n++) {
		if (n == sizeof(w))
			return 0;	/* longer than any of them */
		w[n] = (char)tolower((unsigned char)s[i + n]);
	}
	return n && word_in(w, n, first);
}

/* Does a comment inside decl's body start by saying its function is not
 * called concurrently ("// Should not be called during the parallel
 * portion")? */
int facts_body_says_serial(const struct ast *a, uint32_t decl, struct buf *b)
{
	const struct lexed *lx = &a->lx;
	uint32_t from = ast_line(a, decl), to;
	size_t lo = 0, hi = lx->ncom, i, k;

	to = lex_line(lx, ast_node(a, decl)->end);
	while (lo < hi) {	/* the first comment below the declaration */
		size_t mid = (lo + hi) / 2;

		if (lx->com[mid].line <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < lx->ncom && lx->com[i].line <= to; i++) {
		const struct comment *c = &lx->com[i];

		if (!may_lead_serial(a->src + c->off, c->len))
			continue;
		buf_reset(b);
		buf_add(b, a->src + c->off, c->len);
		for (k = 0; k < b->len; k++)
			b->p[k] = (char)tolower((unsigned char)b->p[k]);
		if (facts_says_serial(b->p, 1))
			return 1;
	}
	return 0;
}
/* The name after "guarded by", "protected by", "+checklocks:",
 * "guarded-by" in s, or -1. */
int facts_guard_named(struct pkg *p, const char *s)
{
	static const char *const keys[] = {
		"guarded by ", "protected by ", "guarded-by ", "guarded-by:",
		"+checklocks:", "guarded by: ", NULL
	};
	const char *k, *e;
	int i;

	for (i = 0; keys[i]; i++) {
		if (!(k = strstr(s, keys[i])))
			continue;
		k += strlen(keys[i]);
		while (*k == ' ' || *k == '`' || *k == '\'')
			k++;
		if (!strncmp(k, "the ", 4))
			k += 4;
		for (e = k; *e && (isalnum((unsigned char)*e) || *e == '_' ||
				   *e == '.');)
			e++;
		while (e > k && strchr(k, '.') && strchr(k, '.') < e)
			k = strchr(k, '.') + 1;	/* "s.mu": the last part */
		if (e > k)
			return names_find(&p->nm, k, (size_t)(e - k));
	}
	return -1;
}
