# report-helper.bash - loaded after helper by report-common.bats, report-formats.bats
# and the suites that check a report: golden files and validators.

GOLDEN=$BATS_TEST_DIRNAME/golden
SARIF_SCHEMA=${SARIF_SCHEMA:-$BATS_TEST_DIRNAME/../../shared/schemas/sarif-schema-2.1.0.json}
[ -f "$SARIF_SCHEMA" ] || SARIF_SCHEMA=/work/shared/schemas/sarif-schema-2.1.0.json

# golden_report FORMAT [input|empty]: mg-gate's FORMAT report of
# golden/input.jsonl (or empty.jsonl) must equal golden/report.FORMAT
# (empty.FORMAT) byte for byte.  tests/golden/update.sh regenerates them.
golden_report() {
	local fmt=$1 in=${2:-input} out=report rc=0
	[ "$in" = empty ] && out=empty
	mg-gate --report "$fmt" --link-base https://github.com/o/r/blob/0123abc \
		--sarif-category mapguard/golden --source-root /src "$GOLDEN/$in.jsonl" > "$out.$fmt" || rc=$?
	[ "$rc" -le 1 ]
	diff -u "$GOLDEN/$out.$fmt" "$out.$fmt"
}

# sarif_valid FILE: validates against the SARIF 2.1.0 schema (Debian's
# python3-jsonschema; formats such as uri-reference checked too).
sarif_valid() {
	/usr/bin/python3 - "$SARIF_SCHEMA" "$1" <<'PY'
import json, sys, warnings
warnings.simplefilter("ignore")
import jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errs = sorted(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(doc), key=str)
for e in errs[:5]:
    print("sarif: %s: %s" % ("/".join(map(str, e.absolute_path)), e.message), file=sys.stderr)
sys.exit(1 if errs else 0)
PY
}

# xml_attr FILE XPATH-ish ATTR: prints attribute ATTR of the first element
# matching the ElementTree path, parsed by Python's XML parser.
xml_attr() {
	/usr/bin/python3 - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
el = root.find(sys.argv[2])
sys.stdout.write(el.get(sys.argv[3]))
PY
}

# findings N SEVERITY [RULE]: a complete stream of N findings in a.go, lines
# 1..N.
findings() {
	local i
	for ((i = 1; i <= $1; i++)); do
		printf '{"rule":"%s","severity":"%s","path":"a.go","line":%d,"column":2,"message":"finding number %d"}\n' \
			"${3:-MG001}" "$2" "$i" "$i"
	done
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":%d}\n' "$1"
}

# hostile_stream: one finding whose path and message hold every character
# that needs escaping somewhere.
HOSTILE_PATH='d<i>r & "q" '"'"'x'"'"' ]]> é|`t`/<!--f,o:o%.go'
HOSTILE_MSG='m <b>&amp; "q" ]]> <!-- c --> | `tick` 50% a,b:c'
hostile_stream() {
	jq -cn --arg p "$HOSTILE_PATH" --arg m "$HOSTILE_MSG"$'\n''line2'$'\r\t\x01' \
		'{rule:"MG001",severity:"error",path:$p,line:3,column:1,message:$m,
		  evidence:[{path:$p,line:1,note:("note " + $m)}]}'
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":1}\n'
}

RDF_SCHEMAS=${RDF_SCHEMAS:-$BATS_TEST_DIRNAME/../../shared/schemas/reviewdog-rdf}
[ -d "$RDF_SCHEMAS" ] || RDF_SCHEMAS=/work/shared/schemas/reviewdog-rdf

# rdjsonl_valid FILE: every line of FILE is one reviewdog Diagnostic:
# valid against reviewdog's Diagnostic.json (a $ref is resolved among the
# sibling schema files), its parts against Location.json, Range.json,
# Position.json, RelatedLocation.json, Code.json and Source.json, all lines
# together as a DiagnosticResult.json (-f=rdjson), and against a strict
# copy: no key reviewdog does not know (protojson.Unmarshal rejects unknown
# fields, and so the whole input), no duplicate key, lines and columns >= 1,
# and what mapguard always sends (message, location with path and range
# start, severity, source, code) present.  No blank line: protojson rejects
# an empty one.
rdjsonl_valid() {
	/usr/bin/python3 - "$RDF_SCHEMAS" "$1" <<'PY'
import copy, json, os, sys, warnings
warnings.simplefilter("ignore")
import jsonschema
d, path = os.path.realpath(sys.argv[1]), sys.argv[2]
def load(name):
    return json.load(open(os.path.join(d, name)))
store = {}
for f in os.listdir(d):
    if f.endswith(".json"):
        s = load(f)
        store["file://" + os.path.join(d, f)] = s
        store[f] = s
def validator(schema, name):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    uri = "file://" + os.path.join(d, name)
    res = jsonschema.RefResolver(uri, schema, store=dict(store, **{uri: schema}))
    return cls(schema, resolver=res, format_checker=jsonschema.FormatChecker())
part = {n: validator(load(n + ".json"), n + ".json") for n in
        ("Diagnostic", "DiagnosticResult", "Location", "Range", "Position",
         "RelatedLocation", "Code", "Source")}
strict = copy.deepcopy(load("Diagnostic.json"))
defs = strict["definitions"]
for k, v in defs.items():
    if "properties" in v:
        v["additionalProperties"] = False
        for p in v["properties"].values():
            p.pop("additionalProperties", None)
req = {"Diagnostic": ["message", "location", "severity", "source", "code"],
       "reviewdog.rdf.Location": ["path", "range"],
       "reviewdog.rdf.Range": ["start"],
       "reviewdog.rdf.Position": ["line"],
       "reviewdog.rdf.RelatedLocation": ["message", "location"],
       "reviewdog.rdf.Code": ["value"],
       "reviewdog.rdf.Source": ["name"]}
for k, r in req.items():
    defs[k]["required"] = r
for k in ("line", "column"):
    defs["reviewdog.rdf.Position"]["properties"][k]["minimum"] = 1
defs["Diagnostic"]["properties"]["severity"] = {"enum": ["ERROR", "WARNING", "INFO"]}
part["strict"] = validator(strict, "Diagnostic.strict.json")
def nodup(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key in %r" % keys)
    return dict(pairs)
raw = open(path, "rb").read()
bad = []
if raw and not raw.endswith(b"\n"):
    bad.append("no newline at the end")
diags = []
for i, line in enumerate(raw.decode("utf-8").split("\n")[:-1] if raw else [], 1):
    try:
        o = json.loads(line, object_pairs_hook=nodup)
    except ValueError as e:
        bad.append("line %d: %s" % (i, e))
        continue
    diags.append(o)
    checks = [("Diagnostic", o), ("strict", o)]
    if isinstance(o, dict):
        loc = o.get("location", {})
        checks += [("Location", loc), ("Range", loc.get("range", {})),
                   ("Code", o.get("code", {})), ("Source", o.get("source", {}))]
        for p in ("start", "end"):
            if p in loc.get("range", {}):
                checks.append(("Position", loc["range"][p]))
        for r in o.get("related_locations", []):
            checks += [("RelatedLocation", r), ("Location", r.get("location", {}))]
    for name, doc in checks:
        for e in part[name].iter_errors(doc):
            bad.append("line %d: %s: %s: %s" % (i, name, "/".join(map(str, e.absolute_path)), e.message))
for e in part["DiagnosticResult"].iter_errors({"source": {"name": "mapguard"}, "diagnostics": diags}):
    bad.append("DiagnosticResult: %s" % e.message)
for b in bad[:8]:
    print("rdjsonl: " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
