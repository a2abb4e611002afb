/* output.c - where a command's reports go: all of them, or none
 * (output.h) */
#define _XOPEN_SOURCE 700	/* realpath() */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/output.h"
#include "util/util.h"

struct cli_output *cli_output_add(struct cli_outputs *o, int fmt,
				  const char *path)
{
	struct cli_output *out;

	ARRAY_GROW(o->v, o->n + 1, o->alloc);
	out = &o->v[o->n++];
	memset(out, 0, sizeof(*out));
	out->fmt = fmt;
	out->path = path;
	return out;
}

static int cannot_write(const char *path, int err)
{
	return mg_error("%s: cannot write: %s", path,
			err ? strerror(err) : "write error");
}

/* 1 when path is the file $GITHUB_STEP_SUMMARY names: GitHub collects what
 * a step appends there, so a report to it is appended, never replaced. */
static int is_step_summary(const char *path)
{
	const char *s = getenv("GITHUB_STEP_SUMMARY");
	struct stat a, b;

	if (!s || !*s)
		return 0;
	if (!strcmp(s, path))
		return 1;
	return stat(s, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int cli_outputs_open(struct cli_outputs *o)
{
	mode_t mask = umask(0);
	size_t i;

	umask(mask);
	for (i = 0; i < o->n; i++) {
		struct cli_output *out = &o->v[i];
		struct stat st;
		int fd, append;

		if (!out->path)
			continue;
		/* rename() would replace a symbolic link, not its target */
		if (lstat(out->path, &st) == 0 && S_ISLNK(st.st_mode))
			out->dest = realpath(out->path, NULL);
		if (!out->dest)
			out->dest = xstrdup(out->path);
		append = is_step_summary(out->path);
		if (append || (stat(out->dest, &st) == 0 && !S_ISREG(st.st_mode))) {
			if (!(out->direct = fopen(out->dest, append ? "a" : "w")))
				return cannot_write(out->path, errno);
			if (!(out->fp = open_memstream(&out->mem, &out->memlen)))
				return cannot_write(out->path, errno);
			continue;
		}
		out->tmp = xasprintf("%s.tmpXXXXXX", out->dest);
		if ((fd = mkstemp(out->tmp)) < 0) {
			free(out->tmp);
			out->tmp = NULL;
			return cannot_write(out->path, errno);
		}
		(void)fchmod(fd, 0666 & ~mask);
		if (!(out->fp = fdopen(fd, "w"))) {
			close(fd);
			return cannot_write(out->path, errno);
		}
	}
	return 0;
}

int cli_output_close(struct cli_output *out)
{
	int bad = ferror(out->fp), err = errno;

	if (fclose(out->fp) && !bad) {
		bad = 1;
		err = errno;
	}
	out->fp = NULL;
	return bad ? cannot_write(out->path, err) : 0;
}

int cli_outputs_commit(struct cli_outputs *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		struct cli_output *out = &o->v[i];
		int bad, err;

		if (!out->direct)
			continue;
		errno = 0;
		bad = out->memlen && fwrite(out->mem, 1, out->memlen,
					     out->direct) != out->memlen;
		bad |= ferror(out->direct);
		err = errno;
		if (fclose(out->direct) && !bad) {
			bad = 1;
			err = errno;
		}
		out->direct = NULL;
		if (bad)
			return cannot_write(out->path, err);
	}
	for (i = 0; i < o->n; i++) {
		struct cli_output *out = &o->v[i];

		if (!out->tmp)
			continue;
		if (rename(out->tmp, out->dest) < 0)
			return cannot_write(out->path, errno);
		free(out->tmp);
		out->tmp = NULL;
	}
	return 0;
}

void cli_outputs_discard(struct cli_outputs *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		struct cli_output *out = &o->v[i];

		if (out->fp)
			fclose(out->fp);
		if (out->direct)
			fclose(out->direct);
		if (out->tmp)
			unlink(out->tmp);
		free(out->tmp);
		free(out->mem);
		free(out->dest);
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
}
