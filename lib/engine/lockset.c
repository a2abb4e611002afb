/* lockset.c - lock sets: the locks held at a point of the code
 *
 * Owns: the operations on struct lockset (engine_int.h) that the walk,
 * the guard rule and the pair rule share: whether a lock is held and in
 * which mode, Lock/RLock and Unlock (an unlock of a lock not held marks
 * it released), the meet of two sets where flow joins (what both hold,
 * in the weaker mode, and every release), a summary's relative set
 * applied to the set held at a call, and equality.
 * Not: which expression names a lock (scope.c), the locks a function's
 * callers hold at its entry (judge_entry.c), judging (judge.c).
 */
#include <string.h>

#include "engine/engine_int.h"

/* ---- lock sets ---- */

int ls_holds(const struct lockset *ls, loc_t l)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (ls->h[i].loc == l)
			return ls->h[i].shared == LS_RELEASED ? -1 : i;
	return -1;
}

static int ls_index(const struct lockset *ls, loc_t l)
{
	int i;

	for (i = 0; i < ls->n; i++)
		if (ls->h[i].loc == l)
			return i;
	return -1;
}

static void ls_set(struct lockset *ls, loc_t l, int mode)
{
	int i = ls_index(ls, l);

	if (i < 0) {
		if (ls->n >= LS_MAX)
			return;	/* more than 8 locks at once: forget the rest */
		i = ls->n++;
		ls->h[i].loc = l;
	}
	ls->h[i].shared = (uint8_t)mode;
}

void ls_lock(struct lockset *ls, loc_t l, int shared)
{
	ls_set(ls, l, shared ? LS_SHARED : LS_EXCL);
}

void ls_set_released(struct lockset *ls, loc_t l)
{
	ls_set(ls, l, LS_RELEASED);
}

void ls_unlock(struct lockset *ls, loc_t l)
{
	int i = ls_index(ls, l);

	if (i >= 0 && ls->h[i].shared != LS_RELEASED) {
		ls->h[i] = ls->h[--ls->n];	/* locked here: just drop it */
		return;
	}
	ls_set(ls, l, LS_RELEASED);
}

void ls_meet(struct lockset *to, const struct lockset *from)
{
	struct lockset r;
	int i, j;

	memset(&r, 0, sizeof(r));
	for (i = 0; i < to->n; i++) {
		const struct held *h = &to->h[i];

		j = ls_index(from, h->loc);
		if (h->shared == LS_RELEASED ||
		    (j >= 0 && from->h[j].shared == LS_RELEASED))
			ls_set(&r, h->loc, LS_RELEASED);
		else if (j >= 0)
			ls_set(&r, h->loc, h->shared > from->h[j].shared ?
					   h->shared : from->h[j].shared);
	}
	for (j = 0; j < from->n; j++)
		if (from->h[j].shared == LS_RELEASED)
			ls_set(&r, from->h[j].loc, LS_RELEASED);
	*to = r;
}

void ls_apply(struct lockset *abs, const struct lockset *rel)
{
	int i, k;

	for (i = 0; i < rel->n; i++) {
		if (rel->h[i].shared == LS_RELEASED) {
			if ((k = ls_index(abs, rel->h[i].loc)) >= 0)
				abs->h[k] = abs->h[--abs->n];
		} else {
			ls_set(abs, rel->h[i].loc, rel->h[i].shared);
		}
	}
}

int ls_equal(const struct lockset *a, const struct lockset *b)
{
	int i, j;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		j = ls_index(b, a->h[i].loc);
		if (j < 0 || b->h[j].shared != a->h[i].shared)
			return 0;
	}
	return 1;
}
