/* baseline.h - the baseline file: fingerprints of accepted findings
 *
 * Owns: reading, matching and writing the baseline (docs/reports.md): a
 * pretty-printed JSON object whose "findings" array lists, sorted by path,
 * rule and fingerprint, each accepted finding's fingerprint with its rule,
 * path and message so that a change to it reads well in a diff.  Line
 * numbers are left out on purpose: they move with unrelated edits.
 * Not: computing fingerprints (finding.h), the verdict (mg-gate).
 */
#ifndef MG_BASELINE_H
#define MG_BASELINE_H

#include <stdio.h>

#include "stream/finding.h"

struct baseline;

/* Reads path.  Returns 0, or -1 after "PATH: baseline: why" (a missing file
 * is an error: a baseline that vanished must not turn into "no baseline"). */
int baseline_load(struct baseline **out, const char *path);
/* The same from bytes (name: for messages). */
int baseline_parse(struct baseline **out, const char *name, const char *data,
		   size_t len);
/* Reads path from the tree of revision rev (--trusted-config); a missing
 * file is an error, messages name it "REV:PATH". */
int baseline_load_rev(struct baseline **out, const char *rev, const char *path);
/* Is fingerprint fp in the baseline?  Marks the entry as used.  NULL: no. */
int baseline_match(struct baseline *b, const char *fp);
/* Entries no finding matched so far (fixed or changed findings). */
size_t baseline_stale(const struct baseline *b);
size_t baseline_size(const struct baseline *b);
void baseline_free(struct baseline *b);

/* Writes the baseline of the findings v[0..n) that are not suppressed and
 * have a fingerprint (duplicates once).  Returns 0, or -1 on a write error
 * (reported as "name: cannot write: why"). */
int baseline_write(FILE *fp, const char *name, const struct finding *v,
		   size_t n);

/* Gives the findings that came without a fingerprint (hand-written input,
 * race reports) one: a hash of rule, path, symbol and message, then an
 * occurrence index among equal hashes in (path, line, column) order; no line
 * number, so it survives edits elsewhere in the file as mg-scan's does
 * (numbered by finding_fingerprint_number(), as mg-scan's are). */
void baseline_fingerprint_missing(struct finding *v, size_t n);

#endif
