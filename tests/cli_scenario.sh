#!/bin/sh
# Scenarios on the command line: solve and explain -s (in order), and
# check on scenario files (alone: the schema; with plans: the names).
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
plan="$TOP_SRCDIR/tests/data/explain/delays.xml"
sc="$TOP_SRCDIR/tests/data/scenario"
xml_objective() { sed -n 's/.*<result [^>]*objective="\([^"]*\)".*/\1/p' "$1" | head -n 1; }

"$OPSALIGN" solve "$plan" -s "$sc/more-eng.xml" --format xml -o "$tmp/r.xml"
t_check "solve -s exits 0" [ $? -eq 0 ]
t_check "more eng in March: 195" [ "$(xml_objective "$tmp/r.xml")" = 195 ]
# in order: halve (eng 1 fte: only D fits, 25), then March set to 3 fte:
# 1 fte in January and February holds nothing but D (which may only start
# in March); March holds 3 fte: A (2, worth 50 there) and D (1, 25): 75
"$OPSALIGN" solve "$plan" -s "$sc/halve.xml" -s "$sc/more-eng.xml" --format xml -o "$tmp/r2.xml"
t_check "two scenarios in order: 75" [ "$(xml_objective "$tmp/r2.xml")" = 75 ]
"$OPSALIGN" solve "$plan" -s "$sc/more-eng.xml" -s "$sc/halve.xml" --format xml -o "$tmp/r3.xml"
t_check "the other order: 25 (March 1.5 fte: D only)" [ "$(xml_objective "$tmp/r3.xml")" = 25 ]

"$OPSALIGN" solve "$plan" -s "$sc/unknown.xml" >"$tmp/out" 2>"$tmp/err"
t_check "unknown names exit 1" [ $? -eq 1 ]
t_check "with file and line" grep -q "unknown.xml:3: error: <capacity>: unknown unit 'engineering'" "$tmp/err"
t_check "every one of them" [ "$(grep -c 'unknown.xml:' "$tmp/err")" -eq 3 ]
t_check "and no result" [ ! -s "$tmp/out" ]
"$OPSALIGN" solve "$plan" -s "$tmp/missing.xml" >/dev/null 2>&1
t_check "a missing scenario file exits 1" [ $? -eq 1 ]
"$OPSALIGN" solve "$plan" -s >/dev/null 2>&1
t_check "-s without a file exits 1" [ $? -eq 1 ]

"$OPSALIGN" check "$sc/more-eng.xml" "$sc/halve.xml"
t_check "check: valid scenarios exit 0" [ $? -eq 0 ]
"$OPSALIGN" check "$sc/bad-schema.xml" 2>"$tmp/err"
t_check "check: schema errors exit 1" [ $? -eq 1 ]
t_check "check: both schema errors" [ "$(grep -c 'bad-schema.xml:[34]: error' "$tmp/err")" -eq 2 ]
"$OPSALIGN" check "$sc/unknown.xml" >/dev/null 2>&1
t_check "check: unknown names pass alone (no plan to check them against)" [ $? -eq 0 ]
"$OPSALIGN" check "$plan" "$sc/unknown.xml" 2>"$tmp/err"
t_check "check: with the plan they fail" [ $? -eq 1 ]
t_check "check: named with line" grep -q "unknown.xml:4: error: <initiative>: unknown initiative 'Z'" "$tmp/err"
"$OPSALIGN" check -v "$plan" "$sc/drop-a.xml" >"$tmp/out"
t_check "check -v: says it applies" grep -q "drop-a.xml: applies to" "$tmp/out"

"$OPSALIGN" explain "$plan" -s "$sc/more-eng.xml" >"$tmp/ex"
t_check "explain -s exits 0" [ $? -eq 0 ]
t_check "explain -s: D is in, so not explained" sh -c "! grep -q '^  D ' '$tmp/ex'"
t_done
