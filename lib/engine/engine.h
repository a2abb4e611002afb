/* engine.h - the second engine: one Go package in, findings out
 *
 * Owns: the entry point of the engine that parses (parse.h), reads the
 * package's declarations, summarizes every function (map accesses and
 * calls with the locks held), and judges pairs of accesses (ENGINE.md).
 * It takes the same input as scan_package() and emits the same records.
 * What it reasons about today, and what it does not yet, is in
 * docs/engine.md ("the second engine").  Not: discovery, output.
 */
#ifndef MG_ENGINE_H
#define MG_ENGINE_H

#include <stddef.h>

#include "stream/finding.h"
#include "engine/scan.h"

/* Judges the n files of one package (one package clause) and appends its
 * findings to out, unsorted and without fingerprint numbers (the caller,
 * scan_package(), does both).  Never fails. */
void engine_scan_group(const struct scan_opts *o, const struct scan_file *files,
		       size_t n, struct finding_list *out);

#endif
