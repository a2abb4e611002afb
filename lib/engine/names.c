/* names.c - identifiers interned once per package, and the engine's vectors
 *
 * Owns: the name table (text -> small id, id -> text) every engine stage
 * uses to compare identifiers as integers; vec_push_().  Not: scopes or
 * resolution (facts.c, walk.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"
#include "util/util.h"

static uint32_t hash(const char *s, size_t len)
{
	return (uint32_t)mg_hash(MG_HASH_SEED, s, len);
}

static void rehash(struct names *nm)
{
	uint32_t i, ns = nm->nslot ? nm->nslot * 2 : 256;
	uint32_t *slot = xcalloc(ns, sizeof(*slot));

	for (i = 0; i < nm->n; i++) {
		const char *s = nm->text + nm->off[i];
		uint32_t h = hash(s, strlen(s)) & (ns - 1);

		while (slot[h])
			h = (h + 1) & (ns - 1);
		slot[h] = i + 1;
	}
	free(nm->slot);
	nm->slot = slot;
	nm->nslot = ns;
}

/* The length of name id's text: up to the next name's offset. */
static size_t name_len(const struct names *nm, uint32_t id)
{
	return (id + 1 < nm->n ? nm->off[id + 1] : nm->ntext) - nm->off[id] - 1;
}

/* memcmp() == 0 for the short texts of identifiers, without the call */
static int same_bytes(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* names_find_h(), inlined into names_id_h() (most calls) */
static inline int find(const struct names *nm, const char *s, size_t len,
		       uint32_t h)
{
	if (!nm->nslot)
		return -1;
	for (h &= nm->nslot - 1; nm->slot[h]; h = (h + 1) & (nm->nslot - 1)) {
		uint32_t id = nm->slot[h] - 1;

		if (name_len(nm, id) == len &&
		    same_bytes(nm->text + nm->off[id], s, len))
			return (int)id;
	}
	return -1;
}

int names_find_h(const struct names *nm, const char *s, size_t len, uint32_t h)
{
	return find(nm, s, len, h);
}

int names_find(const struct names *nm, const char *s, size_t len)
{
	return names_find_h(nm, s, len, hash(s, len));
}

int names_id_h(struct names *nm, const char *s, size_t len, uint32_t hs)
{
	int id = find(nm, s, len, hs);
	uint32_t h;

	if (id >= 0)
		return id;
	if ((nm->n + 1) * 2 > nm->nslot)
		rehash(nm);
	ARRAY_GROW(nm->text, nm->ntext + len + 1, nm->atext);
	memcpy(nm->text + nm->ntext, s, len);
	nm->text[nm->ntext + len] = '\0';
	ARRAY_GROW(nm->off, nm->n + 1, nm->a);
	nm->off[nm->n] = (uint32_t)nm->ntext;
	nm->ntext += len + 1;
	for (h = hs & (nm->nslot - 1); nm->slot[h];)
		h = (h + 1) & (nm->nslot - 1);
	nm->slot[h] = ++nm->n;
	return (int)nm->n - 1;
}

int names_id(struct names *nm, const char *s, size_t len)
{
	return names_id_h(nm, s, len, hash(s, len));
}

const char *names_str(const struct names *nm, int id)
{
	return id >= 0 && (uint32_t)id < nm->n ? nm->text + nm->off[id] : "?";
}

void names_release(struct names *nm)
{
	free(nm->text);
	free(nm->off);
	free(nm->slot);
	memset(nm, 0, sizeof(*nm));
}

void *vec_push_(void *v, size_t *n, size_t *a, size_t size)
{
	if (*n + 1 > *a) {
		*a = *a ? *a * 2 : 16;
		v = xrealloc(v, *a * size);
	}
	memset((char *)v + *n * size, 0, size);
	(*n)++;
	return v;
}
