#!/usr/bin/python3
"""config-schema.py - docs/mapguard.schema.json against the docs and the reader.

  config-schema.py examples SCHEMA DOC...   every .mapguard.json example the
      docs show must be valid against SCHEMA and be read by mg-scan --config;
      prints "N examples" (and each one's origin with -v in MG_VERBOSE)
  config-schema.py keys SCHEMA              the schema's keys equal the keys
      the reader names in its unknown-key errors (top level and
      exclude_rules entries)
  config-schema.py types SCHEMA [KEY...]    for every key (or those named;
      exclude_rules.KEY for an entry's) and a set of values of every JSON
      type, the schema and the reader agree on accept/reject

The reader is mg-scan (first on PATH) run on an empty directory: mg-scan and
mg-gate share lib/stream/config.c.  Exit 0 when everything holds, 1 otherwise with
one line per problem on stderr.
"""
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings

warnings.simplefilter("ignore")
import jsonschema  # noqa: E402

TMP = tempfile.mkdtemp(prefix="mg-config-schema.")
atexit.register(shutil.rmtree, TMP, True)
EMPTY = os.path.join(TMP, "empty")
os.mkdir(EMPTY)
problems = []


def validator(path):
    schema = json.load(open(path))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return schema, cls(schema, format_checker=jsonschema.FormatChecker())


def reader(config_text):
    """Runs the real reader on config_text: (exit status, stderr)."""
    cfg = os.path.join(TMP, "cfg.json")
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(config_text)
    p = subprocess.run(["mg-scan", "--format", "json", "--config", cfg, EMPTY],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    return p.returncode, p.stderr.strip()


# ---- examples ----

FENCE = re.compile(r"^\s*(```|~~~)")
SPAN = re.compile(r"(`+)(.+?)\1", re.S)
SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-Z(`*])")


def blocks(text):
    """Code blocks of a markdown file: fenced, and indented by 4 blanks after
    a blank line; yields (first line number, text, the paragraph before)."""
    lines = text.split("\n")
    i, para = 0, []
    while i < len(lines):
        ln = lines[i]
        if FENCE.match(ln):
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                body.append(lines[i])
                i += 1
            yield start + 1, "\n".join(body), "\n".join(para)
            para = []
        elif ln.startswith("    ") and (i == 0 or not lines[i - 1].strip()):
            start, body = i, []
            while i < len(lines) and (lines[i].startswith("    ") or
                                      not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            i -= 1
            yield start + 1, "\n".join(body).strip(), "\n".join(para)
            para = []
        elif not ln.strip():
            para = []
        else:
            para.append(ln)
        i += 1


def paragraphs(text):
    """(line number, paragraph text) of every paragraph outside code."""
    lines, para, start, fenced = text.split("\n"), [], 0, False
    for n, ln in enumerate(lines + [""], 1):
        if FENCE.match(ln):
            fenced = not fenced
            para = []
            continue
        if fenced or ln.startswith("    ") and not para:
            continue
        if ln.strip():
            if not para:
                start = n
            para.append(ln)
        elif para:
            yield start, "\n".join(para)
            para = []


def as_object(s):
    """s as a JSON object, or a '"key": value' fragment wrapped in braces;
    None when it is neither."""
    s = s.strip()
    for cand in (s, "{" + s + "}"):
        if not (cand.startswith("{") and cand.endswith("}")):
            continue
        try:
            v = json.loads(cand)
        except ValueError:
            continue
        if isinstance(v, dict):
            return v
    return None


def examples(doc):
    """The .mapguard.json examples of one markdown file: the code blocks that
    hold a JSON object, in docs/config.md all of them, elsewhere those after
    a paragraph that names .mapguard.json; and the code spans holding a JSON
    object or a '"key": value' fragment in a sentence that names it."""
    text = open(doc, encoding="utf-8").read()
    whole = os.path.basename(doc) == "config.md"
    out = []
    for line, body, before in blocks(text):
        v = as_object(body) if body.lstrip().startswith("{") else None
        if v is not None and (whole or ".mapguard.json" in before):
            out.append(("%s:%d" % (doc, line), body))
    for line, para in paragraphs(text):
        for sentence in SENTENCE.split(para):
            if ".mapguard.json" not in sentence:
                continue
            out += spans(doc, line, sentence)
    return out


def spans(doc, line, sentence):
    """The code spans of one sentence that are JSON objects or fragments."""
    out = []
    for m in SPAN.finditer(sentence):
        if not m.group(2).strip():
            continue
        v = as_object(m.group(2))
        if v is not None:
            body = m.group(2).strip()
            if not body.startswith("{"):
                body = "{" + body + "}"
            out.append(("%s:%d" % (doc, line), body))
    return out


def cmd_examples(schema_path, docs):
    _, val = validator(schema_path)
    n = 0
    per_doc = {}
    for doc in docs:
        for where, body in examples(doc):
            n += 1
            per_doc[doc] = per_doc.get(doc, 0) + 1
            for e in val.iter_errors(json.loads(body)):
                problems.append("%s: schema: %s: %s" % (
                    where, "/".join(map(str, e.absolute_path)) or "(top)",
                    e.message))
            rc, err = reader(body)
            if rc != 0:
                problems.append("%s: mg-scan: %s" % (where, err))
            if os.environ.get("MG_VERBOSE"):
                print(where, body.replace("\n", " "))
    for doc, k in sorted(per_doc.items()):
        print("%s: %d" % (doc, k))
    print("%d examples" % n)


# ---- keys ----

LIST = re.compile(r"unknown key \(([^)]*)\)$")


def reader_keys(config_text):
    rc, err = reader(config_text)
    m = LIST.search(err)
    if rc != 2 or not m:
        problems.append("no unknown-key list from %s: %s" % (config_text, err))
        return set()
    return set(m.group(1).split(", "))


def cmd_keys(schema_path):
    schema, _ = validator(schema_path)
    top = set(schema["properties"])
    got = reader_keys('{"no such key": 1}')
    if got != top:
        problems.append("top-level keys: reader only %s, schema only %s" % (
            sorted(got - top), sorted(top - got)))
    xr = set(schema["definitions"]["excludeRule"]["properties"])
    got = reader_keys('{"exclude_rules": [{"rule": "x", "reason": "r", '
                      '"no such key": 1}]}')
    if got != xr:
        problems.append("exclude_rules keys: reader only %s, schema only %s"
                        % (sorted(got - xr), sorted(xr - got)))
    # rule ids: the schema's are the reader's, each accepted, a neighbour not
    ids = schema["definitions"]["ruleId"]["enum"]
    for rid in ids + ["MG007", "MG010", "mg001", "MG01"]:
        rc, err = reader(json.dumps({"rules": [rid]}))
        if (rc == 0) != (rid in ids):
            problems.append("rule id %s: the schema %s it, the reader %s it: %s"
                            % (rid, "has" if rid in ids else "lacks",
                               "accepts" if rc == 0 else "rejects", err))
    print("%d top-level keys, %d exclude_rules keys, %d rule ids" % (
        len(top), len(xr), len(ids)))


# ---- types ----

VALUES = [None, True, False, 0, 3, -1, 1.5, "", "x", "note", "warning",
          "never", "downgrade", "MG001", [], [42], ["x"], ["MG001"], {},
          {"MG001": "note"}, {"MG001": 3},
          [{"rule": "MG001", "reason": "r"}], [{"rule": "MG001"}]]


def cmd_types(schema_path, only):
    schema, val = validator(schema_path)
    n = 0
    cases = []
    for key in schema["properties"]:
        if only and key not in only:
            continue
        for v in VALUES:
            cases.append((key, {key: v}, re.escape("config: " + key) + r"[:.\[]"))
    for key in schema["definitions"]["excludeRule"]["properties"]:
        if only and "exclude_rules." + key not in only:
            continue
        for v in VALUES:
            entry = {"rule": "MG001", "reason": "r"}
            entry[key] = v
            cases.append(("exclude_rules[0]." + key,
                          {"exclude_rules": [entry]},
                          r"config: exclude_rules\[0\](\.%s)?:" % key))
    rejected = 0
    for what, doc, where in cases:
        ok_schema = val.is_valid(doc)
        rc, err = reader(json.dumps(doc))
        n += 1
        if rc not in (0, 2):
            problems.append("%s: mg-scan exit %d: %s" % (json.dumps(doc), rc, err))
        elif ok_schema != (rc == 0):
            problems.append("%s: schema %s it, the reader %s it%s" % (
                json.dumps(doc), "accepts" if ok_schema else "rejects",
                "accepts" if rc == 0 else "rejects", ": " + err if err else ""))
        elif rc == 2 and not re.search(where, err):
            problems.append("%s: the error does not name %s: %s" % (
                json.dumps(doc), what, err))
        rejected += rc == 2
    print("%d cases, %d rejected by both" % (n, rejected))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, schema = sys.argv[1], sys.argv[2]
    if cmd == "examples":
        cmd_examples(schema, sys.argv[3:])
    elif cmd == "keys":
        cmd_keys(schema)
    elif cmd == "types":
        cmd_types(schema, sys.argv[3:])
    else:
        sys.exit(__doc__)
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
