/* racelog.c - race detector reports and map crash traces -> MG100 findings
 *
 * One pass over the log, line by line.  A line that is a `go test -json`
 * event is unwrapped first: its "Output" string is appended to the text of
 * its package (events split lines anywhere), and that text is read as lines
 * again.  Each text stream (the plain log, or one package of a JSON log) has
 * its own report state, so interleaved packages do not mix.  A report keeps
 * its sections (the two accesses, the goroutine creation sites, or the
 * goroutines of a crash dump) with their frames until it ends; then it
 * becomes one finding, or adds to the count of an identical one (a hash on
 * the pair of locations).  Big crash dumps keep only a few goroutines.
 */
#define _XOPEN_SOURCE 700	/* realpath() */
#include "engine/racelog.h"
#include "util/util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_LINE (1u << 20)	/* longer lines are cut: no report line is */
#define MAX_OTHERS 3		/* other goroutines of a crash kept as evidence */
/* Bounds against hostile logs (Go itself prints at most 100 frames a stack
 * and a handful of sections a report): */
#define MAX_PART (64u << 10)	/* an unfinished line of one JSON stream */
#define MAX_STREAMS 1024	/* packages of a JSON log with their own state */
#define MAX_SECTS 64		/* sections of one report */
#define MAX_FRAMES 256		/* frames of one section */

enum { R_NONE, R_RACE, R_CRASH };
enum { S_CUR, S_PREV, S_CREATED, S_OTHER, S_GOROUTINE };

struct frame {
	char *func, *file;
	long line;
};

struct sect {
	int kind;
	char *what;		/* race access: "write", "read", "atomic read" */
	char *who;		/* "goroutine 8", "main goroutine" */
	char *state;		/* "running", "finished", "runnable" ... */
	struct frame *fr;
	size_t nfr, afr;
	struct frame created;	/* crash: the "created by" site (func NULL: none) */
};

struct stream {
	char *pkg;		/* NULL: the plain text of the log */
	struct buf part;	/* JSON streams: the unfinished line */
	int mode;		/* R_NONE, R_RACE, R_CRASH */
	size_t skip;		/* prefix before the report's marker (timestamps) */
	long start;		/* log line where the report began */
	char *fatal;		/* crash: "concurrent map writes" */
	int gap;		/* crash: a blank line ended a goroutine block */
	int others;		/* crash: other goroutines kept */
	struct sect *s;
	size_t ns, as;
	char *pfunc;		/* function line waiting for its file line */
	int pcreated;		/* ... and it was a "created by" line */
};

struct racelog {
	char *name;		/* the current log, for warnings */
	long lineno;
	char *roots[3];		/* absolute prefixes of the root, no trailing / */
	size_t nroots;
	char *modpath;		/* module path from ROOT/go.mod, for -trimpath */
	char *goroot;		/* learned from runtime frames */
	struct buf part;	/* the unfinished raw line */
	int overlong;
	struct stream *st;
	size_t nst, ast, last;
	struct finding_list out;
	char **fptext;		/* per finding: text hashed when no source */
	size_t afp;
	char **keys;		/* open hash: dedup key -> index in out */
	size_t *kidx;
	size_t hcap, hn;
};

/* ---- small byte helpers: lines may hold NULs, so no str* on them ---- */

static long find(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s), i;

	for (i = 0; i + k <= n; i++)
		if (p[i] == s[0] && !memcmp(p + i, s, k))
			return (long)i;
	return -1;
}

static int starts(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && !memcmp(p, s, k);
}

static int prefix(const char *s, const char *pre)
{
	return !strncmp(s, pre, strlen(pre));
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void trim(const char **p, size_t *n)
{
	while (*n && (**p == ' ' || **p == '\t')) {
		(*p)++;
		(*n)--;
	}
	while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t' ||
		      (*p)[*n - 1] == '\r'))
		(*n)--;
}

/* ---- sections and frames ---- */

static void frame_release(struct frame *f)
{
	free(f->func);
	free(f->file);
	f->func = f->file = NULL;
}

static void sect_release(struct sect *s)
{
	size_t i;

	for (i = 0; i < s->nfr; i++)
		frame_release(&s->fr[i]);
	free(s->fr);
	free(s->what);
	free(s->who);
	free(s->state);
	frame_release(&s->created);
	memset(s, 0, sizeof(*s));
}

static struct sect *sect_add(struct stream *st, int kind)
{
	struct sect *s;

	if (st->ns >= MAX_SECTS)	/* the last one makes room */
		sect_release(&st->s[--st->ns]);
	ARRAY_GROW(st->s, st->ns + 1, st->as);
	s = &st->s[st->ns++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	return s;
}

static void stream_reset(struct stream *st)
{
	size_t i;

	for (i = 0; i < st->ns; i++)
		sect_release(&st->s[i]);
	st->ns = 0;
	free(st->fatal);
	free(st->pfunc);
	st->fatal = st->pfunc = NULL;
	st->mode = R_NONE;
	st->skip = 0;
	st->gap = st->others = st->pcreated = 0;
}

/* ---- frame classification and paths ---- */

static const char *const runtime_funcs[] = {
	"runtime.", "runtime/", "sync.", "sync/", "testing.", "testing/",
	"internal/", "reflect.", NULL
};

/* The package part of a function name: "net/http.(*conn).serve" ->
 * "net/http" (up to the first '.' after the last '/'). */
static size_t func_pkg_len(const char *func)
{
	const char *slash = strrchr(func, '/');
	const char *dot = strchr(slash ? slash : func, '.');

	return dot ? (size_t)(dot - func) : strlen(func);
}

static int under(const char *file, const char *dir)
{
	size_t k = strlen(dir);

	return !strncmp(file, dir, k) && (file[k] == '/' || (k && dir[k - 1] == '/'));
}

static int under_root(const struct racelog *rl, const char *file)
{
	size_t i;

	for (i = 0; i < rl->nroots; i++)
		if (under(file, rl->roots[i]))
			return 1;
	return 0;
}

static void learn_goroot(struct racelog *rl, const struct frame *f)
{
	const char *p;

	if (rl->goroot || !f->file || !prefix(f->func, "runtime."))
		return;
	p = strstr(f->file, "/src/runtime/");
	if (p && p > f->file)
		rl->goroot = xstrndup(f->file, (size_t)(p - f->file));
}

/* Is f in the user's code: not the runtime, the standard library, the test
 * harness or a module cache? */
static int is_user(const struct racelog *rl, const struct frame *f)
{
	const char *const *r;
	size_t pl;

	for (r = runtime_funcs; *r; r++)
		if (prefix(f->func, *r))
			return 0;
	if (rl->goroot) {
		size_t k = strlen(rl->goroot);

		if (!strncmp(f->file, rl->goroot, k) && prefix(f->file + k, "/src/"))
			return 0;
	}
	if (strstr(f->file, "/pkg/mod/") || prefix(f->file, "$GOROOT/") ||
	    !strcmp(f->file, "_testmain.go"))
		return 0;
	if (under_root(rl, f->file))
		return 1;
	/* a standard package: no dot in its first path element, not main,
	 * and a file under some .../src/ (another GOROOT) or a trimmed path */
	pl = func_pkg_len(f->func);
	if (strcspn(f->func, "/") < pl)
		pl = strcspn(f->func, "/");	/* the first path element */
	if (!memchr(f->func, '.', pl) && !prefix(f->func, "main.") &&
	    (strstr(f->file, "/src/") || f->file[0] != '/'))
		return 0;
	return 1;
}

/* The frame a finding points at: the first in user code, else the first
 * outside the runtime, else the first; NULL when the stack is empty. */
static const struct frame *pick(const struct racelog *rl, const struct sect *s)
{
	size_t i;

	if (!s || !s->nfr)
		return NULL;
	for (i = 0; i < s->nfr; i++)
		if (is_user(rl, &s->fr[i]))
			return &s->fr[i];
	for (i = 0; i < s->nfr; i++)
		if (!prefix(s->fr[i].func, "runtime."))
			return &s->fr[i];
	return &s->fr[0];
}

/* The map operation in a stack (runtime frames above the user's), or NULL.
 * reflect's map functions (fmt printing a map) are the runtime's too. */
static const char *map_op(const struct sect *s)
{
	static const struct {
		const char *func, *op;
	} ops[] = {
		{ "mapassign", "map write" },
		{ "mapdelete", "map delete" },
		{ "mapaccess", "map read" },
		{ "maplen", "map read" },
		{ "mapiter", "map iteration" },
		{ "mapclear", "map clear" },
		{ "mapclone", "map clone" },
	};
	size_t i, k;

	for (i = 0; s && i < s->nfr; i++) {
		const char *f = s->fr[i].func;

		if (prefix(f, "runtime."))
			f += 8;
		else if (prefix(f, "reflect."))
			f += 8;
		else
			continue;
		for (k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
			if (prefix(f, ops[k].func))
				return ops[k].op;
	}
	return NULL;
}

/* A path as findings name it: relative to the root when under it (or, for
 * -trimpath builds, under the module path); else unchanged, *outside set. */
static char *rel_path(const struct racelog *rl, const char *file, int *outside)
{
	size_t i, k;

	*outside = 0;
	for (i = 0; i < rl->nroots; i++) {
		k = strlen(rl->roots[i]);
		if (under(file, rl->roots[i]))
			return xstrdup(file + k + (file[k] == '/'));
	}
	if (rl->modpath && file[0] != '/' && under(file, rl->modpath))
		return xstrdup(file + strlen(rl->modpath) + 1);
	*outside = 1;
	return xstrdup(file);
}

/* ---- collapsing identical reports ---- */

static size_t key_slot(const struct racelog *rl, const char *key)
{
	size_t i = (size_t)mg_hash(MG_HASH_SEED, key, strlen(key)) & (rl->hcap - 1);

	while (rl->keys[i] && strcmp(rl->keys[i], key))
		i = (i + 1) & (rl->hcap - 1);
	return i;
}

static void key_grow(struct racelog *rl)
{
	char **ok = rl->keys;
	size_t *oi = rl->kidx, on = rl->hcap, i;

	rl->hcap = on ? on * 2 : 64;
	rl->keys = xcalloc(rl->hcap, sizeof(*rl->keys));
	rl->kidx = xcalloc(rl->hcap, sizeof(*rl->kidx));
	for (i = 0; i < on; i++)
		if (ok[i]) {
			size_t j = key_slot(rl, ok[i]);

			rl->keys[j] = ok[i];
			rl->kidx[j] = oi[i];
		}
	free(ok);
	free(oi);
}

/* Returns the finding already made for key (its count raised), or NULL
 * after recording that the next finding added to rl->out is key's. */
static struct finding *dedup(struct racelog *rl, char *key)
{
	size_t i;

	if ((rl->hn + 1) * 2 > rl->hcap)
		key_grow(rl);
	i = key_slot(rl, key);
	if (rl->keys[i]) {
		struct finding *f = &rl->out.v[rl->kidx[i]];

		f->count = (f->count ? f->count : 1) + 1;
		free(key);
		return f;
	}
	rl->keys[i] = key;
	rl->kidx[i] = rl->out.n;
	rl->hn++;
	return NULL;
}

/* ---- turning a finished report into a finding ---- */

/* A new finding at the end of rl->out, or old refilled (keeping its count). */
static struct finding *new_finding(struct racelog *rl, const struct frame *at,
				   char *path, struct finding *old)
{
	struct finding *f = old;
	size_t i;
	long count = old ? old->count : 0;

	if (old) {
		i = (size_t)(old - rl->out.v);
		finding_release(old);
		free(rl->fptext[i]);
	} else {
		f = finding_list_add(&rl->out);
		i = rl->out.n - 1;
		ARRAY_GROW(rl->fptext, rl->out.n, rl->afp);
	}
	rl->fptext[i] = xstrdup(at->func);
	f->count = count;
	f->rule = xstrdup("MG100");
	f->severity = SEV_ERROR;
	f->path = path;
	f->line = at->line;
	f->source = xstrdup("race");
	return f;
}

static void add_ev(struct racelog *rl, struct finding *f, const struct frame *at,
		   const char *note)
{
	int outside;
	char *p = rel_path(rl, at->file, &outside);

	finding_add_evidence(f, p, at->line, 0, note);
	free(p);
}

static void end_race(struct racelog *rl, struct stream *st, int complete)
{
	struct sect *cur = NULL, *prev = NULL, *as, *os;
	const struct frame *at, *other;
	const char *op, *pop;
	char *path, *opath = NULL, *kind, *pkind = NULL, *ka, *kb, *key;
	struct finding *f, *old;
	struct buf m = BUF_INIT;
	int outside, ooutside = 0;
	size_t i;

	for (i = 0; i < st->ns; i++) {
		if (st->s[i].kind == S_CUR && !cur)
			cur = &st->s[i];
		else if (st->s[i].kind == S_PREV && !prev)
			prev = &st->s[i];
	}
	at = pick(rl, cur);
	other = pick(rl, prev);
	as = cur;
	os = prev;
	if (!at) {	/* only the earlier access was printed */
		at = other;
		as = prev;
		other = NULL;
		os = NULL;
	}
	if (!at) {
		mg_warn("%s:%ld: race report without a stack frame: skipped",
			rl->name, st->start);
		return;
	}
	if (!complete)
		mg_warn("%s:%ld: race report cut off before its end: "
			"kept what could be read", rl->name, st->start);
	path = rel_path(rl, at->file, &outside);
	if (other)
		opath = rel_path(rl, other->file, &ooutside);
	/* the same pair either way round: which access comes first in a
	 * report is an accident of scheduling */
	ka = xasprintf("%s:%ld", path, at->line);
	kb = other ? xasprintf("%s:%ld", opath, other->line) : xstrdup("");
	key = strcmp(ka, kb) < 0 ? xasprintf("R%s|%s", ka, kb)
				 : xasprintf("R%s|%s", kb, ka);
	free(ka);
	free(kb);
	old = dedup(rl, key);
	op = map_op(as);
	/* a report of the map operation explains the race better than one of
	 * the plain access to its value slot seen first: that one gives way */
	if (old && (!op || prefix(old->message, "data race: map "))) {
		free(path);
		free(opath);
		return;
	}
	kind = op ? xstrdup(op)
		  : xasprintf("%s (not a map operation)",
			      as->what ? as->what : "access");
	buf_addf(&m, "data race: %s by %s", kind,
		 as->who ? as->who : "a goroutine");
	if (other) {
		pop = map_op(os);
		pkind = pop ? xstrdup(pop)
			    : xasprintf("%s (not a map operation)",
					os->what ? os->what : "access");
		buf_addf(&m, " races with an earlier %s by %s at %s:%ld", pkind,
			 os->who ? os->who : "another goroutine", opath,
			 other->line);
	} else {
		buf_adds(&m, "; the other access is missing from the report");
	}
	if (outside)
		buf_addf(&m, "; %s is outside the root, kept absolute", path);
	if (!complete)
		buf_adds(&m, " (report cut off)");
	f = new_finding(rl, at, path, old);
	f->message = buf_detach(&m, NULL);
	if (other) {
		char *note = xasprintf("earlier %s by %s, in %s", pkind,
				       os->who ? os->who : "another goroutine",
				       other->func);

		finding_add_evidence(f, opath, other->line, 0, note);
		free(note);
	}
	for (i = 0; i < st->ns; i++) {
		const struct sect *s = &st->s[i];
		const struct frame *c = s->kind == S_CREATED ? pick(rl, s) : NULL;
		char *note;

		if (!c)
			continue;
		note = xasprintf("%s (%s) created here, in %s", s->who,
				 s->state ? s->state : "?", c->func);
		add_ev(rl, f, c, note);
		free(note);
	}
	free(kind);
	free(pkind);
	free(opath);
}

/* The crash kind when the stack hides the runtime's frames. */
static const char *crash_op(const char *fatal)
{
	if (strstr(fatal, "iteration"))
		return "map iteration";
	if (strstr(fatal, "read"))
		return "map read";
	return "map write";
}

static void end_crash(struct racelog *rl, struct stream *st)
{
	const struct sect *g = st->ns ? &st->s[0] : NULL;
	const struct frame *at = pick(rl, g);
	const char *op;
	struct finding *f;
	char *path;
	int outside;
	size_t i;

	if (!at) {
		mg_warn("%s:%ld: crash trace without a goroutine stack: skipped",
			rl->name, st->start);
		return;
	}
	path = rel_path(rl, at->file, &outside);
	if (dedup(rl, xasprintf("C%s:%ld|%s", path, at->line, st->fatal))) {
		free(path);
		return;
	}
	op = map_op(g);
	f = new_finding(rl, at, path, NULL);
	f->message = xasprintf("runtime crash: fatal error: %s (%s by %s)%s%s%s",
			       st->fatal, op ? op : crash_op(st->fatal), g->who,
			       outside ? "; " : "", outside ? path : "",
			       outside ? " is outside the root, kept absolute" : "");
	if (g->created.func) {
		char *note = xasprintf("%s created here, in %s", g->who,
				       g->created.func);

		add_ev(rl, f, &g->created, note);
		free(note);
	}
	for (i = 1; i < st->ns; i++) {
		const struct sect *s = &st->s[i];
		const struct frame *c = pick(rl, s);
		const char *o = map_op(s);
		char *note;

		if (!c)
			continue;
		note = xasprintf("%s [%s] was here, in %s%s%s", s->who,
				 s->state ? s->state : "?", c->func,
				 o ? ", " : "", o ? o : "");
		add_ev(rl, f, c, note);
		free(note);
	}
}

static void end_report(struct racelog *rl, struct stream *st, int complete)
{
	if (st->mode == R_RACE)
		end_race(rl, st, complete);
	else if (st->mode == R_CRASH)
		end_crash(rl, st);
	stream_reset(st);
}

/* ---- reading lines ---- */

/* "\t/a/b/c.go:12 +0x5d fp=..." (already trimmed): file and line, or 0. */
static int parse_fileline(const char *p, size_t n, char **file, long *line)
{
	size_t i, j;

	for (i = n; i-- > 0;) {
		long v = 0;

		if (p[i] != ':')
			continue;
		for (j = i + 1; j < n && is_digit(p[j]) && v < 100000000; j++)
			v = v * 10 + (p[j] - '0');
		if (j == i + 1 || !i || v < 1)
			continue;	/* "x.go:0" has no line: findings need >= 1 */
		if (j < n && !(p[j] == ' ' && (starts(p + j, n - j, " +0x") ||
					       starts(p + j, n - j, " fp=") ||
					       starts(p + j, n - j, " pc="))))
			continue;
		*file = xstrndup(p, i);
		*line = v;
		return 1;
	}
	return 0;
}

/* "pkg.(*T).f(0x1, {0x2})" -> "pkg.(*T).f"; NULL unless it ends in ')'. */
static char *parse_func(const char *p, size_t n)
{
	size_t i;

	if (!n || p[n - 1] != ')')
		return NULL;
	for (i = n - 1; i-- > 0;)
		if (p[i] == '(')
			return i ? xstrndup(p, i) : NULL;
	return NULL;
}

static void add_frame(struct racelog *rl, struct stream *st, char *file,
		      long line)
{
	struct sect *s = st->ns ? &st->s[st->ns - 1] : NULL;
	struct frame fr;

	fr.func = st->pfunc;
	fr.file = file;
	fr.line = line;
	st->pfunc = NULL;
	if (!s || !fr.func || !fr.file[0] || s->kind == S_OTHER ||
	    s->nfr >= MAX_FRAMES) {
		frame_release(&fr);
		return;
	}
	learn_goroot(rl, &fr);
	if (st->pcreated) {
		frame_release(&s->created);
		s->created = fr;
		return;
	}
	ARRAY_GROW(s->fr, s->nfr + 1, s->afr);
	s->fr[s->nfr++] = fr;
}

/* Frames: "  pkg.f()" then "      /path/file.go:12 +0x4" (race), or
 * "pkg.f(...)" then "\t/path/file.go:12 +0x4 ..." (crash). */
static void frame_line(struct racelog *rl, struct stream *st, const char *p,
		       size_t n)
{
	char *file;
	long line;

	trim(&p, &n);
	if (st->pfunc && parse_fileline(p, n, &file, &line)) {
		add_frame(rl, st, file, line);
		return;
	}
	free(st->pfunc);
	st->pfunc = NULL;
	st->pcreated = 0;
	if (starts(p, n, "created by ")) {
		long k = find(p, n, " in goroutine ");

		p += 11;
		n -= 11;
		st->pfunc = xstrndup(p, k > 11 ? (size_t)k - 11 : n);
		st->pcreated = 1;
		return;
	}
	st->pfunc = parse_func(p, n);
}

/* "Previous write at 0x00c000 by goroutine 7:" and the like. */
static int access_line(struct stream *st, const char *p, size_t n)
{
	long at = find(p, n, " at 0x"), by = find(p, n, " by ");
	size_t i, w = 0;
	struct sect *s;

	if (at < 0 || by < at || p[n - 1] != ':')
		return 0;
	if (starts(p, n, "Previous ")) {
		s = sect_add(st, S_PREV);
		w = 9;
	} else {
		s = sect_add(st, S_CUR);
	}
	i = (size_t)at;
	if (find(p + w, i - w, " of size ") >= 0)
		i = w + (size_t)find(p + w, i - w, " of size ");
	s->what = xstrndup(p + w, i - w);
	for (i = 0; s->what[i]; i++)
		if (s->what[i] >= 'A' && s->what[i] <= 'Z')
			s->what[i] = (char)(s->what[i] - 'A' + 'a');
	s->who = xstrndup(p + by + 4, n - (size_t)by - 5);
	return 1;
}

/* "Goroutine 8 (running) created at:" */
static int created_line(struct stream *st, const char *p, size_t n)
{
	long a = find(p, n, " ("), b = find(p, n, ") created at:");
	struct sect *s;

	if (!starts(p, n, "Goroutine ") || a < 0 || b < a)
		return 0;
	s = sect_add(st, S_CREATED);
	s->who = xasprintf("goroutine %.*s", (int)(a - 10), p + 10);
	s->state = xstrndup(p + a + 2, (size_t)(b - a - 2));
	return 1;
}

/* "goroutine 17 [running]:" (Go 1.21+ may add "gp=... m=..." before '['). */
static int goroutine_line(struct stream *st, const char *p, size_t n)
{
	long a = find(p, n, " ["), b = find(p, n, "]:");
	size_t k = 10;
	struct sect *s;

	if (!starts(p, n, "goroutine ") || a < 0 || b < a)
		return 0;
	while (k < n && is_digit(p[k]))
		k++;
	if (k == 10)
		return 0;
	s = sect_add(st, S_GOROUTINE);
	s->who = xstrndup(p, k);
	s->state = xstrndup(p + a + 2, (size_t)(b - a - 2));
	return 1;
}

/* A crash dump can list thousands of goroutines: keep the first (the one
 * that crashed) and a few others that were running or touching a map. */
static void crash_close_goroutine(struct racelog *rl, struct stream *st)
{
	struct sect *s;
	const struct frame *c;

	if (st->ns < 2)
		return;
	s = &st->s[st->ns - 1];
	c = pick(rl, s);
	if (c && is_user(rl, c) && st->others < MAX_OTHERS &&
	    (map_op(s) || prefix(s->state, "running") ||
	     prefix(s->state, "runnable"))) {
		st->others++;
		return;
	}
	sect_release(s);
	st->ns--;
}

static void text_line(struct racelog *rl, struct stream *st, const char *p,
		      size_t n)
{
	long k;

	while (n && (p[n - 1] == '\r' || p[n - 1] == '\n'))
		n--;
	if ((k = find(p, n, "WARNING: DATA RACE")) >= 0) {
		if (st->mode == R_CRASH)
			crash_close_goroutine(rl, st);
		end_report(rl, st, 0);
		st->mode = R_RACE;
		st->skip = (size_t)k;
		st->start = rl->lineno;
		return;
	}
	if ((k = find(p, n, "fatal error: concurrent map ")) >= 0) {
		if (st->mode == R_CRASH && !st->ns)
			return;	/* two goroutines threw at once */
		if (st->mode == R_CRASH)
			crash_close_goroutine(rl, st);
		end_report(rl, st, 0);
		st->mode = R_CRASH;
		st->skip = (size_t)k;
		st->start = rl->lineno;
		st->fatal = xstrndup(p + k + 13, n - (size_t)k - 13);
		return;
	}
	if (st->mode == R_NONE)
		return;
	if (st->skip) {
		size_t d = st->skip < n ? st->skip : n;

		p += d;
		n -= d;
	}
	if (st->mode == R_RACE) {
		if (starts(p, n, "=================="))
			end_report(rl, st, 1);
		else if (n && p[0] != ' ' && p[0] != '\t' &&
			 (access_line(st, p, n) || created_line(st, p, n)))
			;
		else if (n && p[0] != ' ' && p[0] != '\t' && p[n - 1] == ':')
			sect_add(st, S_OTHER);
		else if (n && (p[0] == ' ' || p[0] == '\t'))
			frame_line(rl, st, p, n);
		return;
	}
	/* a crash dump */
	if (starts(p, n, "goroutine ") && find(p, n, "]:") >= 0) {
		crash_close_goroutine(rl, st);
		goroutine_line(st, p, n);
		st->gap = 0;
		return;
	}
	trim(&p, &n);
	if (!n) {
		st->gap = st->ns > 0;
		return;
	}
	if (st->gap) {
		/* the dump is over: "exit status 2", "FAIL pkg", ... */
		crash_close_goroutine(rl, st);
		end_report(rl, st, 1);
		return;
	}
	frame_line(rl, st, p, n);
}

/* ---- go test -json: {"Time":...,"Action":"output","Package":"p","Output":"..."} ---- */

static const char *jws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void put_utf8(struct buf *b, unsigned long c)
{
	char u[4];

	if (c < 0x80) {
		buf_addc(b, (char)c);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, u, 4);
	}
}

static const char *hex4(const char *p, const char *e, unsigned long *v)
{
	int i, h;

	*v = 0;
	if (e - p < 4)
		return NULL;
	for (i = 0; i < 4; i++) {
		if ((h = hexval(p[i])) < 0)
			return NULL;
		*v = *v * 16 + (unsigned long)h;
	}
	return p + 4;
}

/* A JSON string at p ('"'); decoded into out when not NULL.  Returns the
 * byte after the closing quote, or NULL when it is not a valid string. */
static const char *jstring(const char *p, const char *e, struct buf *out)
{
	if (p >= e || *p != '"')
		return NULL;
	for (p++; p < e; p++) {
		unsigned long c, lo;
		const char *q;

		if (*p == '"')
			return p + 1;
		if (*p != '\\') {
			if (out)
				buf_addc(out, *p);
			continue;
		}
		if (++p >= e)
			return NULL;
		switch (*p) {
		case 'n': c = '\n'; break;
		case 't': c = '\t'; break;
		case 'r': c = '\r'; break;
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case '"': case '\\': case '/': c = (unsigned char)*p; break;
		case 'u':
			if (!(q = hex4(p + 1, e, &c)))
				return NULL;
			p = q - 1;
			if (c >= 0xd800 && c < 0xdc00 && e - q >= 6 && q[0] == '\\' &&
			    q[1] == 'u' && hex4(q + 2, e, &lo) && lo >= 0xdc00 &&
			    lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				p = q + 5;
			} else if (c >= 0xd800 && c < 0xe000) {
				c = 0xfffd;
			}
			break;
		default:
			return NULL;
		}
		if (out)
			put_utf8(out, c);
	}
	return NULL;
}

/* Skips any JSON value (nested ones by depth, strings honoured). */
static const char *jskip(const char *p, const char *e)
{
	int depth = 0;

	do {
		p = jws(p, e);
		if (p >= e)
			return NULL;
		if (*p == '"') {
			if (!(p = jstring(p, e, NULL)))
				return NULL;
		} else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			if (--depth < 0)
				return NULL;
			p++;
		} else if (*p == ',' || *p == ':') {
			if (!depth)
				return NULL;
			p++;
		} else {
			const char *s = p;

			while (p < e && !strchr(",:{}[]\" \t\r", *p))
				p++;
			if (p == s)
				return NULL;
		}
	} while (depth > 0);
	return p;
}

static struct stream *stream_for(struct racelog *rl, const char *pkg)
{
	size_t i;

	if (rl->last < rl->nst && rl->st[rl->last].pkg &&
	    !strcmp(rl->st[rl->last].pkg, pkg))
		return &rl->st[rl->last];
	for (i = 1; i < rl->nst; i++)
		if (!strcmp(rl->st[i].pkg, pkg))
			return &rl->st[rl->last = i];
	if (rl->nst >= MAX_STREAMS)	/* the rest share the last one */
		return &rl->st[rl->last = rl->nst - 1];
	ARRAY_GROW(rl->st, rl->nst + 1, rl->ast);
	memset(&rl->st[rl->nst], 0, sizeof(rl->st[0]));
	rl->st[rl->nst].pkg = xstrdup(pkg);
	rl->last = rl->nst;
	return &rl->st[rl->nst++];
}

static void stream_text(struct racelog *rl, struct stream *st, const char *p,
			size_t n)
{
	const char *nl;

	while (n && (nl = memchr(p, '\n', n))) {
		size_t k = (size_t)(nl - p);

		if (st->part.len) {
			buf_add(&st->part, p, k);
			text_line(rl, st, st->part.p, st->part.len);
			buf_reset(&st->part);
		} else {
			text_line(rl, st, p, k);
		}
		p += k + 1;
		n -= k + 1;
	}
	if (n && st->part.len + n <= MAX_PART)
		buf_add(&st->part, p, n);
}

/* 1 when the line was a JSON object with an "Action" key (a test2json
 * event; its Output, if any, has been fed to its package's stream). */
static int json_line(struct racelog *rl, const char *p, size_t n)
{
	const char *e = p + n;
	struct buf key = BUF_INIT, out = BUF_INIT, pkg = BUF_INIT;
	int has_out = 0, action = 0, ok = 0;

	p = jws(p, e);
	if (p >= e || *p++ != '{')
		return 0;
	for (;;) {
		p = jws(p, e);
		if (p < e && *p == '}' && !key.len) {
			p++;
			break;
		}
		buf_reset(&key);
		if (!(p = jstring(p, e, &key)))
			goto out;
		p = jws(p, e);
		if (p >= e || *p++ != ':')
			goto out;
		p = jws(p, e);
		if (key.p && !strcmp(key.p, "Output") && p < e && *p == '"') {
			buf_reset(&out);
			p = jstring(p, e, &out);
			has_out = 1;
		} else if (key.p && !strcmp(key.p, "Package") && p < e && *p == '"') {
			buf_reset(&pkg);
			p = jstring(p, e, &pkg);
		} else {
			action |= key.p && !strcmp(key.p, "Action");
			p = jskip(p, e);
		}
		if (!p)
			goto out;
		p = jws(p, e);
		if (p < e && *p == ',') {
			p++;
			continue;
		}
		if (p < e && *p == '}') {
			p++;
			break;
		}
		goto out;
	}
	if (jws(p, e) != e || !action)
		goto out;
	ok = 1;
	if (has_out && out.len)
		stream_text(rl, stream_for(rl, pkg.p ? pkg.p : ""), out.p,
			    out.len);
out:
	buf_release(&key);
	buf_release(&out);
	buf_release(&pkg);
	return ok;
}

static void raw_line(struct racelog *rl, const char *p, size_t n)
{
	size_t i = 0;

	rl->lineno++;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i < n && p[i] == '{' && json_line(rl, p, n))
		return;
	text_line(rl, &rl->st[0], p, n);
}

/* ---- the API ---- */

static char *read_modpath(const char *root)
{
	char *path = xasprintf("%s/go.mod", root), *line = NULL, *mod = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp = fopen(path, "r");

	free(path);
	if (!fp)
		return NULL;
	while (!mod && (len = getline(&line, &cap, fp)) > 0) {
		const char *p = line;
		size_t n = (size_t)len, k;

		trim(&p, &n);
		while (n && p[n - 1] == '\n')
			n--;
		if (!starts(p, n, "module ") && !starts(p, n, "module\t"))
			continue;
		p += 7;
		n -= 7;
		trim(&p, &n);
		if (n >= 2 && p[0] == '"') {	/* module "example.com/x" */
			p++;
			n--;
		}
		k = 0;	/* up to a blank, a quote or a "// comment" */
		while (k < n && !strchr(" \t\"", p[k]) &&
		       !(p[k] == '/' && k + 1 < n && p[k + 1] == '/'))
			k++;
		if (k)
			mod = xstrndup(p, k);
	}
	free(line);
	fclose(fp);
	return mod;
}

static void add_root(struct racelog *rl, const char *dir)
{
	size_t n = strlen(dir), i;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	for (i = 0; i < rl->nroots; i++)
		if (strlen(rl->roots[i]) == n && !strncmp(rl->roots[i], dir, n))
			return;
	if (rl->nroots < sizeof(rl->roots) / sizeof(rl->roots[0]))
		rl->roots[rl->nroots++] = xstrndup(dir, n);
}

int racelog_new(struct racelog **out, const char *root)
{
	struct racelog *rl;
	char *real;
	const char *pwd = getenv("PWD");
	struct stat st;

	*out = NULL;
	if (!root || !*root)
		root = ".";
	if (!(real = realpath(root, NULL)))
		return mg_error("%s: bad --root: %s", root, strerror(errno));
	if (stat(real, &st) < 0 || !S_ISDIR(st.st_mode)) {
		free(real);
		return mg_error("%s: bad --root: not a directory", root);
	}
	rl = xcalloc(1, sizeof(*rl));
	add_root(rl, real);
	/* the trace shows the path the program was built from; the go tool
	 * takes it from $PWD, which may go through a symlink */
	if (root[0] == '/') {
		add_root(rl, root);
	} else if (pwd && pwd[0] == '/') {
		char *pr = realpath(pwd, NULL), *cwd = realpath(".", NULL);

		if (pr && cwd && !strcmp(pr, cwd)) {
			char *l = strcmp(root, ".") ? xasprintf("%s/%s", pwd, root)
						     : xstrdup(pwd);
			char *lr = realpath(l, NULL);

			if (lr && !strcmp(lr, real))
				add_root(rl, l);
			free(lr);
			free(l);
		}
		free(pr);
		free(cwd);
	}
	rl->modpath = read_modpath(real);
	free(real);
	ARRAY_GROW(rl->st, 1, rl->ast);
	memset(&rl->st[0], 0, sizeof(rl->st[0]));
	rl->nst = 1;
	rl->name = xstrdup("-");
	*out = rl;
	return 0;
}

void racelog_begin(struct racelog *rl, const char *name)
{
	free(rl->name);
	rl->name = xstrdup(!strcmp(name, "-") ? "standard input" : name);
	rl->lineno = 0;
	buf_reset(&rl->part);
	rl->overlong = 0;
}

void racelog_feed(struct racelog *rl, const char *data, size_t len)
{
	const char *nl;

	while (len && (nl = memchr(data, '\n', len))) {
		size_t k = (size_t)(nl - data);

		if (rl->part.len || rl->overlong) {
			if (!rl->overlong && rl->part.len + k <= MAX_LINE)
				buf_add(&rl->part, data, k);
			raw_line(rl, rl->part.p ? rl->part.p : "", rl->part.len);
			buf_reset(&rl->part);
			rl->overlong = 0;
		} else {
			raw_line(rl, data, k);
		}
		data += k + 1;
		len -= k + 1;
	}
	if (!len || rl->overlong)
		return;
	if (rl->part.len + len > MAX_LINE)
		rl->overlong = 1;
	else
		buf_add(&rl->part, data, len);
}

void racelog_end(struct racelog *rl)
{
	size_t i;

	if (rl->part.len || rl->overlong)
		racelog_feed(rl, "\n", 1);
	for (i = 0; i < rl->nst; i++) {
		struct stream *st = &rl->st[i];

		if (st->part.len) {
			text_line(rl, st, st->part.p, st->part.len);
			buf_reset(&st->part);
		}
		if (st->mode == R_CRASH)
			crash_close_goroutine(rl, st);
		end_report(rl, st, st->mode == R_CRASH);
	}
}

/* Line n (1-based) of ROOT/path, without its newline; NULL if not there. */
static char *source_line(const char *root, const char *path, long n)
{
	char *full = xasprintf("%s/%s", root, path), *line = NULL, *r = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp = fopen(full, "r");

	free(full);
	if (!fp)
		return NULL;
	while ((len = getline(&line, &cap, fp)) > 0)
		if (--n == 0) {
			r = xstrndup(line, (size_t)len);
			break;
		}
	free(line);
	fclose(fp);
	return r;
}

size_t racelog_finish(struct racelog *rl, struct finding_list *out)
{
	size_t i, start = out->n;

	for (i = 0; i < rl->out.n; i++) {
		struct finding *f = &rl->out.v[i];
		char *text = f->path[0] != '/' ?
			source_line(rl->roots[0], f->path, f->line) : NULL;
		const char *t = text ? text : rl->fptext[i];

		finding_fingerprint_base(f, t, strlen(t));
		*finding_list_add(out) = *f;
		finding_init(f);
		free(text);
		free(rl->fptext[i]);
	}
	rl->out.n = 0;
	for (i = 0; i < rl->hcap; i++)
		free(rl->keys[i]);
	free(rl->keys);
	free(rl->kidx);
	rl->keys = NULL;
	rl->kidx = NULL;
	rl->hcap = rl->hn = 0;
	if (out->n == start)
		return 0;	/* out->v may be NULL: no arithmetic on it */
	finding_fingerprint_assign(out->v + start, out->n - start);
	finding_sort(out->v + start, out->n - start);
	return out->n - start;
}

void racelog_free(struct racelog *rl)
{
	size_t i;

	if (!rl)
		return;
	for (i = 0; i < rl->nst; i++) {
		stream_reset(&rl->st[i]);
		buf_release(&rl->st[i].part);
		free(rl->st[i].s);
		free(rl->st[i].pkg);
	}
	free(rl->st);
	for (i = 0; i < rl->out.n; i++)
		free(rl->fptext[i]);
	free(rl->fptext);
	finding_list_release(&rl->out);
	for (i = 0; i < rl->hcap; i++)
		free(rl->keys[i]);
	free(rl->keys);
	free(rl->kidx);
	for (i = 0; i < rl->nroots; i++)
		free(rl->roots[i]);
	free(rl->modpath);
	free(rl->goroot);
	free(rl->name);
	buf_release(&rl->part);
	free(rl);
}

int racelog_read_files(const char *root, const char *const *logs, size_t nlogs,
		       struct finding_list *out, long *files)
{
	struct racelog *rl = NULL;
	char *chunk = xmalloc(65536);
	size_t i, n;
	int errors = 0;

	if (racelog_new(&rl, root) < 0)
		errors++;
	for (i = 0; rl && i < nlogs; i++) {
		int is_stdin = !strcmp(logs[i], "-");
		FILE *fp = is_stdin ? stdin : fopen(logs[i], "rb");

		if (!fp) {
			mg_error("%s: cannot open: %s", logs[i], strerror(errno));
			errors++;
			continue;
		}
		racelog_begin(rl, logs[i]);
		while ((n = fread(chunk, 1, 65536, fp)) > 0)
			racelog_feed(rl, chunk, n);
		if (ferror(fp)) {
			mg_error("%s: read error: %s", logs[i], strerror(errno));
			errors++;
		}
		racelog_end(rl);
		if (!is_stdin)
			fclose(fp);
		(*files)++;
	}
	if (rl)
		racelog_finish(rl, out);
	racelog_free(rl);
	free(chunk);
	return errors;
}
