#!/usr/bin/env python3
"""version-check.py [ROOT] - every version the docs, examples and CI files
state must be the one in ROOT/VERSION (docs/releasing.md).

Looks, in README.md, action.yml, .pre-commit-hooks.yaml, docs/ and ci/, for
the places a version is written: `mapguard/mapguard@REF`, `rev: REF`,
`MAPGUARD_REF` (YAML and the docs table), raw.githubusercontent.com URLs of
mapguard, `ref: REF` after `repository: mapguard/mapguard`, `"version":"X"`
of a trailer record or of the SARIF driver named mapguard, `"semanticVersion"`, `mg-scan X` (and mg-diff,
mg-gate), the man pages' `.TH` footer `"mapguard X"`, the markdown summary
`mapguard X:` and `mapguard-X.tar.gz`.  A REF must be `vX.Y.Z` of VERSION
(never a moving `v1`).  Prints each offender as FILE:LINE: ..., then a count
per kind; exit 1 on an offender, or when a kind expected in the docs is not
found at all (the pins must exist, not just agree).
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
version = open(os.path.join(root, "VERSION")).read().strip()
if not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", version):
    sys.exit("version-check: VERSION is %r, not X.Y.Z" % version)
tag = "v" + version
SEMVER = r"v?[0-9]+(?:\.[0-9]+)*"

# kind -> (regexp whose group 1 is the stated version, what it must equal,
#          must it be found at least once)
KINDS = {
    "action": (r"mapguard/mapguard@([^\s`'\")]+)", tag, True),
    "pre-commit rev": (r"^[\s#-]*rev:\s*['\"]?([^\s'\"#]+)", tag, True),
    "MAPGUARD_REF": (r"MAPGUARD_REF:\s*['\"]?([^\s'\"#]+)", tag, True),
    "MAPGUARD_REF table": (r"^\| `MAPGUARD_REF` \| `([^`]+)`", tag, True),
    "template URL": (r"raw\.githubusercontent\.com/mapguard/mapguard/([^/\s]+)/", tag, True),
    "checkout ref": (r"^\s*ref:\s*['\"]?([^\s'\"#]+)", tag, False),
    # (mapguard's: in a trailer record, a SARIF driver named mapguard)
    "JSON version": (r"\"(?:semanticVersion|version)\"\s*:\s*\"([^\"]*)\"", version, True),
    "--version": (r"\bmg-(?:scan|diff|gate) (" + SEMVER + r")\b", version, True),
    "man .TH": (r"^\.TH .*?\"mapguard ([^\"]*)\"", version, True),
    "summary line": (r"\bmapguard (" + SEMVER + r"):", version, True),
    "tarball": (r"\bmapguard-(" + SEMVER + r")\.tar\.gz", version, False),
}

files = ["README.md", "action.yml", ".pre-commit-hooks.yaml"]
for top in ("docs", "ci"):
    for d, _, names in os.walk(os.path.join(root, top)):
        files += [os.path.relpath(os.path.join(d, n), root) for n in sorted(names)]

found = {k: 0 for k in KINDS}
bad = 0
for rel in files:
    path = os.path.join(root, rel)
    if not os.path.isfile(path):
        continue
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except UnicodeDecodeError:
        continue
    prev = ""
    for no, line in enumerate(lines, 1):
        for kind, (rx, want, _) in KINDS.items():
            if kind == "checkout ref" and "repository: mapguard/mapguard" not in prev:
                continue
            for m in re.finditer(rx, line):
                if kind == "JSON version" and "semanticVersion" not in line and \
                        not re.search(r'"(?:mapguard"|name"\s*:\s*"mapguard")', prev + line):
                    continue	# another format's version (SARIF's, tasks.json's)
                found[kind] += 1
                if m.group(1) != want:
                    bad += 1
                    print("%s:%d: %s %r, VERSION says %r" % (rel, no, kind, m.group(1), want))
        if line.strip():
            prev = line
for kind, n in found.items():
    print("version-check: %s: %d" % (kind, n))
    if n == 0 and KINDS[kind][2]:
        bad += 1
        print("version-check: no %s found at all" % kind)
sys.exit(1 if bad else 0)
