/* roots_int.h - what roots.c, roots_pair.c and roots_order.c share (not for
 * outside use)
 *
 * Owns: struct roots, the concurrency roots of one function or access (the
 * gosites that reach it, and "main": outside any goroutine this package
 * starts), and the helpers of roots.c and roots_order.c that the pair rule
 * (roots_pair.c) and the ordering queries (roots_order.c) read them with.  Not: what the other stages call (engine_int.h).
 */
#ifndef MG_ROOTS_INT_H
#define MG_ROOTS_INT_H

#include <stdint.h>

#include "engine/engine_int.h"

#define RS_MAX 6
struct roots {
	int32_t id[RS_MAX];	/* gosites */
	uint8_t n;
	uint8_t main;		/* reached from outside any goroutine */
	uint8_t over;		/* more gosites than id[] holds */
};

/* The roots of an access: its goroutine literal, or its function's. */
struct roots roots_access(const struct pkg *p, const struct access *a);
/* The locks held at access a when gosite s (-1: outside goroutines) runs
 * it; slot (0 or 1): which of the two caches of a gosite's locks. */
struct lockset roots_site_ls(struct pkg *p, const struct access *a, int s,
			     int slot);
/* Is f a ServeHTTP method with two parameters (an HTTP handler), or a
 * prometheus Collector's Collect or Describe (roots_is_collector())? */
int roots_is_handler(const struct pkg *p, const struct func *f);
int roots_is_collector(const struct pkg *p, const struct func *f);
/* The offset in its file of node (a position to order code by). */
uint32_t roots_pos(const struct pkg *p, int file, uint32_t node);
/* roots_order.c: is there a join (a Wait, a receive) in fn before
 * offset at? */
int roots_join_before(const struct pkg *p, int fn, uint32_t at);

#endif
