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
# compare: the base and each scenario, side by side
"$OPSALIGN" compare "$plan" -s "$sc/more-eng.xml" -s "$sc/drop-a.xml" >"$tmp/cmp"
t_check "compare exits 0" [ $? -eq 0 ]
t_check "compare: objectives side by side" grep -q "^objective  *170  *195  *90$" "$tmp/cmp"
t_check "compare: against the base" grep -q "^  against the base  *-  *+25  *-80$" "$tmp/cmp"
t_check "compare: B moved" grep -q "> B  *2027-02 -> 2027-01" "$tmp/cmp"
"$OPSALIGN" compare "$plan" -s "$sc/more-eng.xml" --format csv -o "$tmp/cmp.csv"
t_check "compare csv" grep -q "^more eng in March,optimal,195,25," "$tmp/cmp.csv"
"$OPSALIGN" compare "$plan" -s "$sc/more-eng.xml" --format xml -o "$tmp/cmp.xml"
t_check "compare xml" grep -q '<change initiative="D" kind="added" to="3" to-label="2027-03"/>' "$tmp/cmp.xml"
"$OPSALIGN" compare "$plan" -s "$sc/unknown.xml" >/dev/null 2>"$tmp/err"
t_check "compare: a bad scenario exits 1 before solving" [ $? -eq 1 ]
"$OPSALIGN" compare "$plan" >/dev/null 2>&1
t_check "compare needs a scenario" [ $? -eq 1 ]
# report with scenarios side by side and a frontier
"$OPSALIGN" report "$plan" -s "$sc/more-eng.xml" -s "$sc/drop-a.xml" --compare --sweep-budget 0:100:3 -o "$tmp/multi.html"
t_check "report --compare exits 0" [ $? -eq 0 ]
t_check "report: the scenarios side by side" grep -q '<h2>Scenarios side by side</h2>' "$tmp/multi.html"
t_check "report: the changes of a scenario" grep -q '<li>B moves from 2027-02 to 2027-01</li>' "$tmp/multi.html"
t_check "report: the frontier chart" grep -q '<polyline class="curve"' "$tmp/multi.html"
t_check "report: the base's roadmap, 3 bars" [ "$(grep -o '<rect class="bar' "$tmp/multi.html" | wc -l)" -eq 3 ]
"$OPSALIGN" report "$plan" --compare -o "$tmp/x.html" >/dev/null 2>&1
t_check "report --compare needs scenarios" [ $? -eq 1 ]

# sweep: the budget curve of budget_total.xml (see check_scenario.c)
bt="$TOP_SRCDIR/tests/data/solve/budget_total.xml"
"$OPSALIGN" sweep "$bt" --budget-total 150:750:5 --csv "$tmp/sw.csv" --svg "$tmp/sw.svg"
t_check "sweep exits 0" [ $? -eq 0 ]
t_check "sweep csv: 5 points and a header" [ "$(wc -l < "$tmp/sw.csv")" -eq 6 ]
t_check "sweep csv: 750 takes all three" grep -q "^750,optimal,230,0,3,750,0,0,A@2027-01 B@2027-01 C@2027-01,230,done,total,binds$" "$tmp/sw.csv"
if command -v xmllint >/dev/null 2>&1; then
    t_check "sweep svg is well-formed" xmllint --noout "$tmp/sw.svg"
fi
t_check "sweep svg has the curve" grep -q "<polyline" "$tmp/sw.svg"
"$OPSALIGN" sweep "$plan" --capacity eng:fte:1:2:2 >"$tmp/cap.csv"
t_check "capacity sweep to stdout" grep -q "^2,optimal,205," "$tmp/cap.csv"
"$OPSALIGN" sweep "$plan" --budget-total 1:2 >/dev/null 2>&1
t_check "sweep: a bad range exits 1" [ $? -eq 1 ]
"$OPSALIGN" sweep "$plan" --capacity nobody:fte:1:2:2 >/dev/null 2>"$tmp/err"
t_check "sweep: unknown unit exits 1" [ $? -eq 1 ]
t_check "and says so" grep -q "unknown unit 'nobody'" "$tmp/err"
t_done
