/* test_engine.c - the second engine below the binary: lock sets, names, and
 * whole packages judged from memory (no files, no mg-scan) */
#include <string.h>

#include "engine/engine.h"
#include "engine/engine_int.h"
#include "engine/module.h"
#include "unit.h"

static void test_locksets(void)
{
	struct lockset a, b;

	memset(&a, 0, sizeof(a));
	ls_lock(&a, 3, 0);
	ls_lock(&a, 5, 1);
	CHECK(ls_holds(&a, 3) >= 0);
	CHECK(ls_holds(&a, 5) >= 0 && a.h[ls_holds(&a, 5)].shared == LS_SHARED);
	ls_unlock(&a, 3);
	CHECK(ls_holds(&a, 3) < 0);
	/* unlocking what this function never locked: the caller's, released */
	ls_unlock(&a, 7);
	CHECK(ls_holds(&a, 7) < 0);
	CHECK_INT(a.n, 2);
	/* meet: what both hold, in the weaker mode; releases kept */
	memset(&b, 0, sizeof(b));
	ls_lock(&b, 5, 0);
	ls_lock(&b, 9, 0);
	ls_meet(&b, &a);
	CHECK(ls_holds(&b, 5) >= 0 && b.h[ls_holds(&b, 5)].shared == LS_SHARED);
	CHECK(ls_holds(&b, 9) < 0);
	/* apply: a callee's relative set on top of an absolute one */
	memset(&b, 0, sizeof(b));
	ls_lock(&b, 7, 0);
	ls_apply(&b, &a);
	CHECK(ls_holds(&b, 7) < 0);	/* released by the callee */
	CHECK(ls_holds(&b, 5) >= 0);
}

static void test_names(void)
{
	struct names nm;
	int a, b;

	memset(&nm, 0, sizeof(nm));
	a = names_id(&nm, "items", 5);
	b = names_id(&nm, "itemsX", 5);	/* the same five bytes */
	CHECK_INT(a, b);
	CHECK_STR(names_str(&nm, a), "items");
	CHECK_INT(names_find(&nm, "mu", 2), -1);
	CHECK(names_id(&nm, "mu", 2) != a);
	names_release(&nm);
}

static size_t judge(const char *src, struct finding_list *out)
{
	struct scan_opts o;
	struct scan_file f = { "x.go", src, strlen(src) };

	scan_opts_init(&o);
	engine_scan_group(&o, &f, 1, out);
	return out->n;
}

static void test_packages(void)
{
	struct finding_list out = FINDING_LIST_INIT;

	judge("package p\nimport \"sync\"\n"
	      "type S struct { mu sync.Mutex; m map[int]int }\n"
	      "func (s *S) A() { s.mu.Lock(); s.m[1] = 1; s.mu.Unlock() }\n"
	      "func (s *S) B() { s.mu.Lock(); defer s.mu.Unlock(); delete(s.m, 1) }\n"
	      "func (s *S) C() int { return s.m[1] }\n", &out);
	CHECK_INT(out.n, 1);
	if (out.n == 1) {
		CHECK_STR(out.v[0].rule, "MG005");
		CHECK_INT(out.v[0].line, 6);
		CHECK_INT(out.v[0].severity, SEV_WARNING);
		CHECK_STR(out.v[0].symbol, "s.m");
		CHECK(out.v[0].nev >= 1);
	}
	finding_list_release(&out);

	/* the same read under the lock a caller takes: silent */
	judge("package p\nimport \"sync\"\n"
	      "type S struct { mu sync.Mutex; m map[int]int }\n"
	      "func (s *S) A() { s.mu.Lock(); s.m[1] = 1; s.mu.Unlock() }\n"
	      "func (s *S) B() { s.mu.Lock(); defer s.mu.Unlock(); delete(s.m, 1) }\n"
	      "func (s *S) C() int { s.mu.Lock(); defer s.mu.Unlock(); return s.c() }\n"
	      "func (s *S) c() int { return s.m[1] }\n", &out);
	CHECK_INT(out.n, 0);
	finding_list_release(&out);

	/* a write in goroutines started in a loop on a captured map */
	judge("package p\nfunc F() {\n\tm := map[int]int{}\n"
	      "\tfor i := 0; i < 3; i++ {\n\t\tgo func() { m[i] = i }()\n\t}\n}\n",
	      &out);
	CHECK_INT(out.n, 1);
	if (out.n == 1)
		CHECK_STR(out.v[0].rule, "MG001");
	finding_list_release(&out);

	/* broken code: no crash, no guessed finding */
	judge("package p\nfunc (s *S) X( { s.m[ = }\n", &out);
	CHECK_INT(out.n, 0);
	finding_list_release(&out);
}

/* The module phase: a package judged with the others in view. */
static void test_module(void)
{
	static const char store[] =
		"package store\nimport \"sync\"\n"
		"type S struct { mu sync.Mutex; m map[int]int }\n"
		"func (s *S) Add() { s.mu.Lock(); s.m[1] = 1; s.mu.Unlock() }\n"
		"func (s *S) Del() { s.mu.Lock(); delete(s.m, 1); s.mu.Unlock() }\n"
		"func (s *S) Get() int { return s.m[1] }\n"
		"func (s *S) Peek() int { return s.m[2] }\n";
	static const char user[] =
		"package main\nfunc main() { s := store.New(); s.Add(); s.Del(); "
		"go s.Get() }\n";
	static const char note[] =
		"package main\n// .Peek in a comment counts: names, not types\n";
	static const char tests[] = "package main\nfunc TestX() { s.Peek() }\n";
	struct scan_opts o;
	struct scan_file f = { "store/s.go", store, strlen(store) };
	struct scan_file u = { "main.go", user, strlen(user) };
	struct scan_file c = { "doc.go", note, strlen(note) };
	struct scan_file t = { "main_test.go", tests, strlen(tests) };
	struct finding_list out = FINDING_LIST_INIT, none = FINDING_LIST_INIT;
	struct module *m = module_new();
	size_t i;

	scan_opts_init(&o);
	o.mod = m;
	engine_scan_group(&o, &u, 1, &none);
	engine_scan_group(&o, &t, 1, &none);	/* tests do not count */
	engine_scan_group(&o, &f, 1, &out);
	CHECK_INT(none.n, 0);
	CHECK_INT(out.n, 2);
	module_resolve(m, out.v, out.n, NULL, NULL);
	for (i = 0; i < out.n; i++) {
		if (out.v[i].line == 6)	/* Get: main calls it */
			CHECK_INT(out.v[i].severity, SEV_WARNING);
		else if (out.v[i].line == 7) {	/* Peek: nothing does */
			CHECK_INT(out.v[i].severity, SEV_NOTE);
			CHECK(strstr(out.v[i].message, "calls Peek") != NULL);
		} else
			CHECK(!"a finding on another line");
	}
	finding_list_release(&out);
	module_free(m);

	/* the comment's ".Peek" is a reference: the filter is by name */
	m = module_new();
	o.mod = m;
	engine_scan_group(&o, &u, 1, &none);
	engine_scan_group(&o, &c, 1, &none);
	engine_scan_group(&o, &f, 1, &out);
	module_resolve(m, out.v, out.n, NULL, NULL);
	for (i = 0; i < out.n; i++)
		CHECK_INT(out.v[i].severity, SEV_WARNING);
	finding_list_release(&out);
	module_free(m);
}

int main(void)
{
	test_locksets();
	test_names();
	test_packages();
	test_module();
	return unit_done("test_engine");
}
