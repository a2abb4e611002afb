# report_helper.bash - loaded by the report_*.bats suites after helper:
# golden files and validators for the report formats.

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
