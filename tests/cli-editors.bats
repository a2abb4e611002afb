#!/usr/bin/env bats
# docs/editors.md: the VS Code problem matcher, the vim compiler plugin and
# the Emacs compilation mode, each copied from the page and run on real
# mg-scan text output (and mg-gate's text report); every location they
# parse is checked against the same findings as JSON.

load helper

ROOT=$BATS_TEST_DIRNAME/..
DOC=$ROOT/docs/editors.md

# block LANG: the first ```LANG block of docs/editors.md
block() {
	python3 - "$DOC" "$1" <<-'PY'
	import re, sys
	m = re.search(r"^```" + re.escape(sys.argv[2]) + r"\n(.*?)^```$",
	              open(sys.argv[1]).read(), re.M | re.S)
	sys.exit("no ```%s block" % sys.argv[2]) if not m else print(m.group(1), end="")
	PY
}

# A workspace with findings of several rules and severities (two on one
# line), a path with a space, a suppressed finding and race reports (no
# column; one confirms a static finding, which mg-gate shows indented under
# it); ws/scan.txt is
# mg-scan's text, ws/gate.txt mg-gate's, ws/scan.jsonl the same as JSON.
setup_file() {
	cd "$BATS_FILE_TMPDIR"
	mkdir -p ws/sub "ws/my dir"
	cp "$FIXTURES/scan/mg002-write-under-rlock/input.go" ws/a.go
	cp "$FIXTURES/scan/mg005-annotation/input.go" ws/sub/b.go
	cp "$FIXTURES/scan/mg002-write-under-rlock/input.go" "ws/my dir/e.go"
	cp "$FIXTURES/scan/mg006-insert-while-ranging/input.go" ws/f.go
	racy_go > ws/c.go
	racy_go | sed 's#counts\[i\]++#counts[i]++ //mg:ignore MG001 // test only#' > ws/d.go
	mkdir ws/crash-writes
	cp "$BATS_TEST_DIRNAME/race/crash-writes/main.go" ws/crash-writes/
	for l in cachetest crash-writes; do
		sed "s#@ROOT@#$BATS_FILE_TMPDIR/ws#g" "$BATS_TEST_DIRNAME/race/logs/$l.log" > $l.log
	done
	cd ws
	set -- --race-log ../cachetest.log --race-log ../crash-writes.log --root .
	mg-scan "$@" . > ../scan.txt
	mg-scan "$@" --format json . > ../scan.jsonl
	mg-gate --fail-on never ../scan.jsonl > ../gate.txt
}

setup() {
	cd "$BATS_FILE_TMPDIR"
}

# expect SEVERITY-STYLE [all]: the unsuppressed findings of scan.jsonl as
# file<TAB>line<TAB>col<TAB>severity<TAB>message, sorted; SEVERITY-STYLE
# maps error/warning/note to what the editor shows (none: no severity);
# without "all" as mg-gate's report has them, which shows a race report on
# the line of a static finding under it, not as a finding of its own;
# with "all" as mg-scan's text has them, every finding on its own line
expect() {
	jq -rs --arg s "$1" --arg all "${2:-}" '[.[] | select(.rule and (.suppressed | not))] |
		(map(select(.source != "race") | "\(.path):\(.line)")) as $static |
		.[] | "\(.path):\(.line)" as $at |
		select($all == "all" or .source != "race" or ($static | index([$at]) | not)) |
		[.path, .line, (.column // 0),
		 (if $s == "none" then "" elif $s == "vscode" then
		   {error: "error", warning: "warning", note: "info"}[.severity]
		  elif $s == "vim" then .severity[0:1]
		  else {error: 2, warning: 1, note: 0}[.severity] end),
		 "\(.message) (\(.rule))"] | @tsv' scan.jsonl | sort
}

@test "editors: the sample is real: mg-scan text has a race report, a suppressed line and a path with a space" {
	grep -q '^cachetest/cache.go:11: error: data race: .* (MG100)$' scan.txt
	grep -q '^d.go:12:4: error: .* (MG001) \[suppressed: test only\]$' scan.txt
	grep -q '^my dir/e.go:16:3: error: .* (MG002)$' scan.txt
	grep -q '^    ' gate.txt	# mg-gate's indented evidence
	grep -q '^    ' scan.txt	# and mg-scan's: the same rendering
	grep -q '^    confirmed by the race detector: crash-writes/main.go:7: .* (MG100)$' gate.txt
	grep -q '^crash-writes/main.go:7: error: runtime crash: .* (MG100)$' scan.txt
	grep -q '^f.go:15:3: note: .* (MG006)$' gate.txt
	grep -q '^sub/b.go:12:2: warning: .* (MG005)$' gate.txt
	[ "$(expect none | wc -l)" -ge 5 ]
}

@test "editors: VS Code's problem matcher (Node RegExp, the documented group indices) parses every finding, no other line" {
	command -v node >/dev/null || skip "node is not installed (tests/deps.sh installs nodejs)"
	block json > tasks.json
	cat > match.js <<-'JS'
	// VS Code's SingleLineMatcher: new RegExp(regexp).exec(line), the
	// groups at the pattern's indices, trimmed; severity as getSeverity.
	const fs = require("fs");
	const task = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).tasks[0];
	const pm = task.problemMatcher, p = pm.pattern, re = new RegExp(p.regexp);
	const sev = (v) => {
		v = (v || "").toLowerCase();
		if (v === "error" || v === "warning" || v === "info") return v;
		if (v === "warn") return "warning";
		if (v === "note" || v === "hint") return "info";
		return pm.severity || "error";
	};
	for (const line of fs.readFileSync(process.argv[3], "utf8").split("\n")) {
		const m = re.exec(line);
		if (!m) continue;
		const g = (k) => (p[k] !== undefined && m[p[k]] !== undefined ? m[p[k]].trim() : "");
		const out = [g("file"), g("line"), g("column") || "0",
			process.argv[4] === "none" ? "" : sev(g("severity")),
			`${g("message")} (${g("code")})`];
		console.log(out.join("\t"));
	}
	JS
	[ "$(jq -r '.tasks[0].command' tasks.json)" = mg-scan ]
	node match.js tasks.json scan.txt sev | sort > got
	expect vscode all > want
	diff -u want got
	# mg-gate's report: the severity is read, evidence lines are not findings
	node match.js tasks.json gate.txt sev | sort > got
	expect vscode > want
	diff -u want got
	# a line without a severity gets the matcher's default
	[ "$(jq -r '.tasks[0].problemMatcher.severity' tasks.json)" = error ]
}

@test "editors: vim's compiler plugin (errorformat) fills the quickfix list with every finding, no other line" {
	command -v vim >/dev/null || skip "vim is not installed (tests/deps.sh installs it)"
	mkdir -p rtp/compiler
	block vim > rtp/compiler/mapguard.vim
	cat > dump.vim <<-'VIM'
	compiler mapguard
	execute 'cgetfile ' . fnameescape(g:input)
	call writefile(map(getqflist(), {_, e -> printf("%s\t%d\t%d\t%s\t%s\t%d",
	      \ bufname(e.bufnr), e.lnum, e.col, e.type, e.text, e.valid)}), g:output)
	call writefile([&l:makeprg], g:output . '.makeprg')
	qall!
	VIM
	for f in scan gate; do
		(cd ws && vim -u NONE -i NONE -N -es --cmd "set rtp^=$BATS_FILE_TMPDIR/rtp" \
			--cmd "let g:input = '../$f.txt' | let g:output = '../$f.qf'" \
			-S ../dump.vim </dev/null)
		# every entry valid: the ignored lines leave none behind
		[ -s "$f.qf" ] && ! cut -f6 "$f.qf" | grep -qv '^1$'
		cut -f1-5 "$f.qf" | sort > "got-$f"
	done
	expect vim all > want
	diff -u want got-scan
	expect vim > want
	diff -u want got-gate
	[ "$(cat scan.qf.makeprg)" = "mg-scan ./..." ]
}

@test "editors: Emacs' mapguard-compilation-mode finds every finding, no other line" {
	command -v emacs >/dev/null || skip "emacs is not installed (CI does not install it: docs/editors.md)"
	block elisp > mapguard.el
	cat > dump.el <<-'EL'
	;; each compilation message of FILE in mapguard-compilation-mode:
	;; file, line, column (as printed), type (2 error, 1 warning, 0 info)
	(defun dump-message (pos)
	  (let ((msg (get-text-property pos 'compilation-message)))
	    (when msg
	      (let ((loc (compilation--message->loc msg)))
	        (goto-char pos)
	        (princ (format "%s\t%d\t%d\t%d\t%s\n"
	                       (caar (compilation--loc->file-struct loc))
	                       (compilation--loc->line loc)
	                       (or (compilation--loc->col loc) 0)
	                       (compilation--message->type msg)
	                       (buffer-substring (line-beginning-position)
	                                         (line-end-position))))))))
	(with-current-buffer (get-buffer-create "*mapguard*")
	  (insert-file-contents (car command-line-args-left))
	  (mapguard-compilation-mode)
	  (compilation--ensure-parse (point-max))
	  (let ((pos (point-min)))
	    (while pos
	      (dump-message pos)
	      (setq pos (next-single-property-change pos 'compilation-message)))))
	EL
	(cd ws && emacs --batch -Q -l ../mapguard.el -l ../dump.el ../scan.txt) > scan.el.out
	(cd ws && emacs --batch -Q -l ../mapguard.el -l ../dump.el ../gate.txt) > gate.el.out
	cut -f1-4 scan.el.out | sort > got
	expect emacs all | cut -f1-4 | sort > want
	diff -u want got
	cut -f1-4 gate.el.out | sort > got
	expect emacs | cut -f1-4 | sort > want
	diff -u want got
	# and nothing else: no suppressed line, no evidence line
	! grep -q 'suppressed\|^[^\t]*\t[0-9]*\t[0-9]*\t[0-9]\t ' scan.el.out gate.el.out
}
