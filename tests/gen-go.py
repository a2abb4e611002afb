#!/usr/bin/env python3
"""gen-go.py - generate Go source for benchmarks (tests/bench-scale.sh).

  gen-go.py file BYTES OUT        one file of about BYTES bytes
  gen-go.py tree MB DIR           a tree of packages (100 KB files, 10 per
                                  package) holding about MB megabytes
  gen-go.py findings N OUT        a JSON Lines stream of N findings + trailer
  gen-go.py func BYTES OUT        one function of about BYTES bytes: a map
                                  written on every line of one goroutine
                                  literal started in a loop (the worst case
                                  for per-site scans)

The code is plausible Go of the kind mapguard reads: types with maps and
mutexes, methods that lock, goroutines in loops that write maps (some racy,
some locked), closures, comments, strings and nested blocks.  Deterministic.
"""
import os
import sys

UNIT = '''
// Store{n} keeps counters; mu guards items.
type Store{n} struct {{
	mu    sync.Mutex
	items map[string]int // mg:guarded-by mu
	seen  map[int]bool
}}

func (s *Store{n}) Put(k string, v int) {{
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[k] = v
}}

func warm{n}(keys []string) map[string]int {{
	sizes := make(map[string]int)
	var wg sync.WaitGroup
	for _, k := range keys {{
		wg.Add(1)
		go func(k string) {{
			defer wg.Done()
			sizes[k] = len(k) // racy: several goroutines write sizes
		}}(k)
	}}
	wg.Wait()
	return sizes
}}

func safe{n}(keys []string) map[string]int {{
	out := map[string]int{{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, k := range keys {{
		wg.Add(1)
		go func(i int, k string) {{
			defer wg.Done()
			if i%2 == 0 {{
				mu.Lock()
				out[k] += i
				mu.Unlock()
			}}
			s := "a string with {{ braces }} and \\"quotes\\" " + `raw {{ }}`
			_ = s
		}}(i, k)
	}}
	wg.Wait()
	return out
}}
'''


def header(pkg):
    return 'package %s\n\nimport "sync"\n' % pkg


def write_file(path, size, pkg="p", start=0):
    n = start
    with open(path, "w") as f:
        f.write(header(pkg))
        written = len(header(pkg))
        while written < size:
            s = UNIT.format(n=n)
            f.write(s)
            written += len(s)
            n += 1
    return n


def write_func(path, size):
    with open(path, "w") as f:
        f.write("package p\n\nfunc f() {\n\tm := make(map[int]int)\n"
                "\tfor i := 0; i < 4; i++ {\n\tgo func() {\n")
        i, written = 0, 0
        while written < size:
            s = "\t\tm[%d] = %d\n" % (i, i)
            f.write(s)
            written += len(s)
            i += 1
        f.write("\t}()\n\t}\n}\n")


def write_findings(path, n):
    import json
    with open(path, "w") as f:
        for i in range(n):
            p = "p%d/f%d.go" % (i % 97, i % 13)
            f.write(json.dumps({
                "rule": "MG00%d" % (1 + i % 6),
                "severity": ("error", "warning", "note")[i % 3],
                "path": p, "line": 1 + i % 5000, "column": 3,
                "message": "map m is written in a goroutine without a lock",
                "symbol": "m", "source": "static",
                "evidence": [{"path": p, "line": 1 + (i * 7) % 5000,
                              "note": "goroutine started here"}],
                "fingerprint": "%016x" % (i * 2654435761 % (1 << 64))},
                separators=(",", ":")) + "\n")
        f.write('{"mapguard":"end","tool":"mg-scan","version":"0.1.0",'
                '"status":"ok","files":1,"findings":%d}\n' % n)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("file", "tree", "func",
                                                  "findings"):
        sys.exit(__doc__)
    if sys.argv[1] == "findings":
        write_findings(sys.argv[3], int(sys.argv[2]))
        return
    if sys.argv[1] == "func":
        write_func(sys.argv[3], int(float(sys.argv[2])))
        return
    if sys.argv[1] == "file":
        write_file(sys.argv[3], int(sys.argv[2]))
        return
    total = int(float(sys.argv[2]) * 1e6)
    root = sys.argv[3]
    per_file, per_pkg = 100000, 10
    nfiles = max(1, total // per_file)
    n = 0
    for i in range(nfiles):
        d = os.path.join(root, "m%03d" % (i // (per_pkg * 100)),
                         "pkg%05d" % (i // per_pkg))
        os.makedirs(d, exist_ok=True)
        n = write_file(os.path.join(d, "f%d.go" % (i % per_pkg)), per_file,
                       "pkg%05d" % (i // per_pkg), n)


main()
