/* racelog.h - race detector reports and map crash traces -> findings (MG100)
 *
 * Owns: reading the text Go prints when the race detector fires
 * (`WARNING: DATA RACE` ... `==================`, from `go test -race`,
 * `go run -race` and race-enabled binaries, plain or inside `go test -json`
 * events) and when the runtime throws `fatal error: concurrent map ...`
 * (with its goroutine dump), and turning each report into one struct finding:
 * rule MG100, source "race", severity error, located at the first frame in
 * the user's code, with paths made relative to a root directory.  Identical
 * reports (same pair of locations) collapse into one finding with a count.
 *
 * Input is fed as bytes, in chunks of any size (lines may be split across
 * chunks); nothing in it is trusted: NULs, CRLF, invalid UTF-8, truncated or
 * malformed reports give what can be read plus a warning, never an error.
 * I/O: racelog_new() resolves the root (realpath) and reads ROOT/go.mod;
 * racelog_finish() reads the flagged source lines under the root (for
 * fingerprints).  Warnings go to stderr through mg_warn().  Also:
 * racelog_read_files(), the whole round for log files (mg-scan --race-log).
 * Not: static analysis (scan.h), output (finding.h).
 */
#ifndef MG_RACELOG_H
#define MG_RACELOG_H

#include <stddef.h>

#include "stream/finding.h"

struct racelog;

/* A parser whose findings are relative to root (NULL: the current
 * directory).  Returns 0, or -1 after mg_error() when root is not a
 * directory (*out NULL). */
int racelog_new(struct racelog **out, const char *root);

/* Starts a log; name is used in warnings ("NAME:LINE: ...", copied). */
void racelog_begin(struct racelog *rl, const char *name);
/* Feeds the next len bytes of the current log.  Never fails. */
void racelog_feed(struct racelog *rl, const char *data, size_t len);
/* Ends the current log: a report still open is kept (crash dumps end at EOF;
 * a race report without its closing line is kept with a warning). */
void racelog_end(struct racelog *rl);

/* Moves the findings of every log so far into out (appended, sorted by path
 * and line, fingerprinted) and returns how many were added. */
size_t racelog_finish(struct racelog *rl, struct finding_list *out);

void racelog_free(struct racelog *rl);

/* Reads the n logs (paths; "-": standard input) with findings relative to
 * root (NULL: the current directory) and appends their findings to out, as
 * racelog_new() ... racelog_finish() do; *files counts the logs read.
 * Returns how many could not be read (each reported with mg_error()). */
int racelog_read_files(const char *root, const char *const *logs, size_t n,
		       struct finding_list *out, long *files);

#endif
