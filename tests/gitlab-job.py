#!/usr/bin/env python3
"""gitlab-job.py - turn one job of a GitLab CI file into the shell script the
runner would execute, for tests: `include:` of mapguard's template is read
from INCLUDE, `extends:` is resolved (hashes merged deeply, other values
replaced, as GitLab does), the job's `variables:` become defaults that the
environment overrides (as project CI/CD variables do), then `set -eo
pipefail` and the before_script and script lines.  With --json, print the
resolved job as JSON instead.

Usage: gitlab-job.py [--json] FILE JOB [INCLUDE]
"""
import json
import shlex
import sys

import yaml

args = sys.argv[1:]
as_json = args[0] == "--json"
if as_json:
    args = args[1:]
doc = {}
if len(args) > 2:
    doc.update(yaml.safe_load(open(args[2])))
local = yaml.safe_load(open(args[0]))
local.pop("include", None)
doc.update(local)


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and \
            isinstance(out.get(k), dict) else v
    return out


def resolve(name, depth=0):
    if depth > 10:
        sys.exit("gitlab-job: extends nests too deep")
    job = doc[name]
    ext = job.get("extends", [])
    res = {}
    for e in [ext] if isinstance(ext, str) else ext:
        res = merge(res, resolve(e, depth + 1))
    res = merge(res, {k: v for k, v in job.items() if k != "extends"})
    return res


job = resolve(args[1])
if as_json:
    print(json.dumps(job))
    sys.exit(0)
print("set -eo pipefail")
for k, v in (job.get("variables") or {}).items():
    print('[ -n "${%s+set}" ] || %s=%s; export %s' % (k, k, shlex.quote(str(v)), k))
for line in job.get("before_script", []) + job.get("script", []):
    print(line)
