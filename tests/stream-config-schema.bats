#!/usr/bin/env bats
# docs/mapguard.schema.json: every documented .mapguard.json example is valid
# against it and read by the real reader; its keys are the reader's keys; the
# schema and the reader accept and refuse the same values.  The checks live
# in tests/config-schema.py (Debian's python3-jsonschema).

load helper

ROOT=$BATS_TEST_DIRNAME/..
SCHEMA=$ROOT/docs/mapguard.schema.json

setup() {
	cd "$BATS_TEST_TMPDIR"
}

cs() {
	TMPDIR=$BATS_TEST_TMPDIR /usr/bin/python3 "$BATS_TEST_DIRNAME/config-schema.py" "$@"
}

@test "config schema: a valid draft-07 schema" {
	/usr/bin/python3 - "$SCHEMA" <<'PY'
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
assert s["$schema"] == "http://json-schema.org/draft-07/schema#", s["$schema"]
jsonschema.Draft7Validator.check_schema(s)
PY
}

@test "config schema: every .mapguard.json example in the docs is valid and read by mg-scan" {
	run -0 --separate-stderr cs examples "$SCHEMA" "$ROOT"/docs/*.md "$ROOT"/docs/rules/*.md "$ROOT"/README.md
	echo "$output"
	echo "$stderr"
	# the extractor found them: config.md's three blocks, security.md's two
	# spans, MG000.md's fragment
	[[ "$output" == *"docs/config.md: 3"* ]]
	[[ "$output" == *"docs/security.md: 2"* ]]
	[[ "$output" == *"docs/rules/MG000.md: 1"* ]]
	n=$(echo "$output" | sed -n 's/^\([0-9]*\) examples$/\1/p')
	[ "$n" -ge 6 ]
}

@test "config schema: a wrong example in a doc fails, with where it is and both verdicts" {
	cat > config.md <<'MD'
# .mapguard.json

    {
      "fail_on": "warning"
    }

A paragraph with `{"fail_on": "sometimes"}` that names `.mapguard.json`.

    {
      "exclude_rules": [{"rule": "MG001", "reason": "ok"}],
      "colour": "red"
    }
MD
	run -1 --separate-stderr cs examples "$SCHEMA" config.md
	echo "$stderr"
	[[ "$output" == *"3 examples"* ]]
	[[ "$stderr" == *"config.md:7: schema: fail_on: 'sometimes' is not one of"* ]]
	[[ "$stderr" == *"config.md:7: mg-scan: mg-scan: "*"config: fail_on: must be error, warning, note or never"* ]]
	[[ "$stderr" == *"config.md:9: schema: (top): Additional properties are not allowed ('colour' was unexpected)"* ]]
	[[ "$stderr" == *"config.md:9: mg-scan: "*"config: colour: unknown key"* ]]
}

@test "config schema: its keys and rule ids are the reader's (top level and exclude_rules entries)" {
	run -0 --separate-stderr cs keys "$SCHEMA"
	echo "$output $stderr"
	[ "$output" = "13 top-level keys, 6 exclude_rules keys, 8 rule ids" ]
	# the rule ids are the documented rules
	[ "$(jq -r ".definitions.ruleId.enum[]" "$SCHEMA" | sort | tr "\n" " ")" = "$(ls "$ROOT"/docs/rules | sed -n "s/\.md$//p" | sort | tr "\n" " ")" ]
	# and the comparison can fail: a schema with one key more
	jq '.properties.colour = {"type": "string"}' "$SCHEMA" > more.json
	run -1 --separate-stderr cs keys more.json
	[[ "$stderr" == *"top-level keys: reader only [], schema only ['colour']"* ]]
	jq 'del(.definitions.excludeRule.properties.to)' "$SCHEMA" > less.json
	run -1 --separate-stderr cs keys less.json
	[[ "$stderr" == *"exclude_rules keys: reader only ['to'], schema only []"* ]]
	jq '.definitions.ruleId.enum += ["MG007"]' "$SCHEMA" > ids.json
	run -1 --separate-stderr cs keys ids.json
	[[ "$stderr" == *"rule id MG007: the schema has it, the reader rejects it: "* ]]
}

@test "config schema: the schema and the reader accept and refuse the same values, the reader naming the key" {
	run -0 --separate-stderr cs types "$SCHEMA"
	echo "$output $stderr"
	# 19 keys x 23 values; most are of a wrong type for the key
	[ "$output" = "437 cases, 370 rejected by both" ]
	# a schema that lets a number through where the reader wants a string
	jq '.properties.baseline.type = ["string", "integer"]' "$SCHEMA" > loose.json
	run -1 --separate-stderr cs types loose.json baseline
	[[ "$stderr" == *'{"baseline": 0}: schema accepts it, the reader rejects it: mg-scan: '*'config: baseline: must be a file name'* ]]
}

@test "config schema: \$schema is accepted by mg-scan and mg-gate, and the file validates with python3 -m jsonschema" {
	racy_go > main.go
	printf '{"$schema": "%s", "fail_on": "error"}\n' "$SCHEMA" > .mapguard.json
	run -0 mg-scan --format json main.go
	[ "$(echo "$output" | jq -s 'map(select(.rule)) | length')" -ge 1 ]
	mg-scan --format json main.go > f.jsonl
	run -1 mg-gate f.jsonl
	[[ "$output" == *"(fail on: error)"* ]]
	# the two checks docs/config.md gives
	run -0 /usr/bin/python3 -m jsonschema -i .mapguard.json "$SCHEMA"
	run -0 mg-gate --config .mapguard.json --no-trailer < /dev/null
	echo '{"$schema": 1}' > bad.json
	run -2 --separate-stderr mg-gate --config bad.json --no-trailer < /dev/null
	[[ "$stderr" == *"bad.json: config: \$schema: must be a string (a URI)" ]]
	run -1 /usr/bin/python3 -m jsonschema -i bad.json "$SCHEMA"
	echo '{"fail_on": "sometimes"}' > bad.json
	run -2 mg-gate --config bad.json --no-trailer < /dev/null
	run -1 /usr/bin/python3 -m jsonschema -i bad.json "$SCHEMA"
}
