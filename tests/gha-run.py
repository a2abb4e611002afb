#!/usr/bin/env python3
"""gha-run.py - run a composite action's `run:` steps the way the GitHub
runner does, for tests: each step's `env:` is evaluated (only the expression
forms action.yml uses: inputs.X, github.token, steps.ID.outputs.X), the
script runs with `bash --noprofile --norc -eo pipefail`, GITHUB_OUTPUT and
GITHUB_PATH are fresh files per step and are read back, `uses:` steps are
skipped (reported on stderr).  Prints the action's outputs as one JSON object
and exits with the first failing step's status.

Usage: gha-run.py ACTION_YML INPUTS_JSON
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

action = yaml.safe_load(open(sys.argv[1]))
given = json.loads(sys.argv[2])
action_path = os.path.dirname(os.path.abspath(sys.argv[1]))
inputs = {k: str(given.get(k, v.get("default", "")))
          for k, v in action.get("inputs", {}).items()}
unknown = set(given) - set(inputs)
if unknown:
    sys.exit("gha-run: unknown inputs: %s" % ", ".join(sorted(unknown)))
token = os.environ.get("FAKE_GITHUB_TOKEN", "")
steps = {}
path_add = []
EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def evaluate(text):
    def one(m):
        e = m.group(1)
        if e.startswith("inputs."):
            return inputs[e[7:]]
        if e == "github.token":
            return token
        m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", e)
        if m2:
            return steps.get(m2.group(1), {}).get(m2.group(2), "")
        sys.exit("gha-run: unsupported expression: %s" % e)
    return EXPR.sub(one, str(text))


for k in inputs:
    inputs[k] = evaluate(inputs[k])

status = 0
for step in action["runs"]["steps"]:
    if "uses" in step:
        print("gha-run: skipped uses: %s" % step["uses"], file=sys.stderr)
        continue
    if "${{" in step["run"]:
        sys.exit("gha-run: expression inside run: %s" % step.get("name"))
    env = dict(os.environ)
    env["GITHUB_ACTION_PATH"] = action_path
    env["PATH"] = ":".join(path_add + [env["PATH"]])
    for k, v in (step.get("env") or {}).items():
        env[k] = evaluate(v)
    with tempfile.NamedTemporaryFile("r", delete=False) as out, \
            tempfile.NamedTemporaryFile("r", delete=False) as pth:
        env["GITHUB_OUTPUT"] = out.name
        env["GITHUB_PATH"] = pth.name
        rc = subprocess.call(["bash", "--noprofile", "--norc", "-eo",
                              "pipefail", "-c", step["run"]], env=env)
        outputs = {}
        for line in open(out.name):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                outputs[k] = v
        path_add = [p.strip() for p in open(pth.name) if p.strip()] + \
            path_add
    os.unlink(out.name)
    os.unlink(pth.name)
    if "id" in step:
        steps[step["id"]] = outputs
    if rc != 0:
        status = rc
        break
print(json.dumps({k: evaluate(v["value"])
                  for k, v in action.get("outputs", {}).items()},
                 sort_keys=True))
sys.exit(status)
