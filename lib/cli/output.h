/* output.h - where a command's reports go: all of them, or none
 *
 * Owns: the destinations of mg-gate's reports and of the baseline it
 * writes.  A regular file is rendered into a temporary file next to it and
 * renamed into place only when every report succeeded (a symbolic link's
 * target is replaced, not the link); anything else (a device, a FIFO,
 * /dev/stdout) and the file $GITHUB_STEP_SUMMARY names (appended to, never
 * replaced) is opened up front and written from memory at the end.  Every
 * destination is created or opened before any input is read, so an
 * unwritable one fails first.  Not: rendering (report/), standard output
 * (the caller writes it last, after commit), choosing formats (mg-gate).
 */
#ifndef MG_CLI_OUTPUT_H
#define MG_CLI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

/* One report (or the baseline being written). */
struct cli_output {
	int fmt;		/* the caller's: a report format; -1 the baseline */
	const char *path;	/* NULL: standard output (borrowed) */
	char *dest;		/* owned: path, or a symbolic link's target */
	char *tmp;		/* owned: the temporary file, NULL when direct */
	FILE *fp;		/* where the report is rendered; NULL for
				 * standard output */
	FILE *direct;		/* a non-regular destination, opened early */
	char *mem;		/* owned: fp's memory when direct */
	size_t memlen;
};

struct cli_outputs {
	struct cli_output *v;
	size_t n, alloc;
};

/* Appends a destination (path NULL: standard output); the pointer is
 * borrowed until the next add. */
struct cli_output *cli_output_add(struct cli_outputs *o, int fmt,
				  const char *path);
/* Creates the temporary files and opens the special ones: fp is then where
 * each file's report goes.  Returns 0, or -1 after "PATH: cannot write:
 * why". */
int cli_outputs_open(struct cli_outputs *o);
/* Closes what a report was rendered into.  Returns 0, or -1 after a write
 * error (reported). */
int cli_output_close(struct cli_output *out);
/* Puts the reports in place: the special files first (a full disk there
 * must not leave the other reports renamed), then the renames.  Returns 0,
 * or -1 (reported). */
int cli_outputs_commit(struct cli_outputs *o);
/* Closes and removes whatever was not committed, and frees o. */
void cli_outputs_discard(struct cli_outputs *o);

#endif
