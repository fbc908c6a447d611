#!/bin/sh
# opsalign solve and export: exit codes, formats, atomic -o, and glpsol on
# the exported model reaching the same optimum as the library.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
data="$TOP_SRCDIR/tests/data/solve"
ex="$TOP_SRCDIR/examples"

# Objective of a saved XML result.
xml_objective() { sed -n 's/.*<result [^>]*objective="\([^"]*\)".*/\1/p' "$1" | head -n 1; }
# Objective glpsol prints in its -o report.
glpsol_objective() { sed -n 's/^Objective:.*= *\([-0-9.e+]*\).*/\1/p' "$1" | head -n 1; }
same() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; m = b < 0 ? -b : b; exit !(a != "" && b != "" && d <= 1e-6 * (1 + m)) }'; }

# The <term> amounts of a saved XML result add up to its objective (1e-9
# relative).
xml_terms_add_up() {
    obj=$(xml_objective "$1")
    sum=$(sed -n 's/.*<term kind="[a-z]*" amount="\([^"]*\)".*/\1/p' "$1" |
          awk '{ s += $1; n++ } END { if (n == 8) printf "%.17g", s }')
    awk -v a="$sum" -v b="$obj" 'BEGIN { d = a - b; if (d < 0) d = -d; m = b < 0 ? -b : b; if (m < 1) m = 1; exit !(a != "" && b != "" && d <= 1e-9 * m) }'
}
# The text's waterfall: the amounts shown add up to the objective shown.
text_terms_add_up() {
    sed -n '/^Objective.*how it adds up/,/^  objective /p' "$1" |
        awk '/^  [a-z(]/ { v = $NF; gsub(",", "", v); if ($1 == "objective") { o = v } else { s += v; n++ } }
             END { d = s - o; if (d < 0) d = -d; exit !(n > 0 && o != "" && d < 1e-6) }'
}

for x in "$data"/*.xml; do
    name=$(basename "$x" .xml)
    expect="$data/$name.expect"
    if grep -q "^status infeasible" "$expect"; then
        "$OPSALIGN" solve "$x" >"$tmp/out" 2>&1
        t_check "$name: infeasible exits 2" [ $? -eq 2 ]
        continue
    fi
    want=$(sed -n 's/^objective //p' "$expect")
    "$OPSALIGN" solve "$x" --format xml -o "$tmp/$name.xml"
    t_check "$name: solve exits 0" [ $? -eq 0 ]
    got=$(xml_objective "$tmp/$name.xml")
    if same "$got" "$want"; then t_ok; else t_fail "$name: objective $got, expected $want"; fi
    t_check "$name: the XML terms add up" xml_terms_add_up "$tmp/$name.xml"
    "$OPSALIGN" export "$x" --mps "$tmp/$name.mps"
    t_check "$name: export exits 0" [ $? -eq 0 ]
    glpsol --freemps "$tmp/$name.mps" --max -o "$tmp/$name.sol" >/dev/null 2>&1
    peer=$(glpsol_objective "$tmp/$name.sol")
    if same "$peer" "$want"; then t_ok; else t_fail "$name: glpsol on the MPS gives $peer, expected $want"; fi
done

# The LP export reads back in glpsol too.
"$OPSALIGN" export "$data/overtime.xml" --lp "$tmp/o.lp"
glpsol --lp "$tmp/o.lp" -o "$tmp/o.sol" >/dev/null 2>&1
t_check "glpsol reads the LP export" same "$(glpsol_objective "$tmp/o.sol")" 95

# Formats.
"$OPSALIGN" solve "$ex/small.xml" >"$tmp/small.txt"
t_check "text exits 0" [ $? -eq 0 ]
t_check "text has the roadmap" grep -q "^Roadmap: " "$tmp/small.txt"
t_check "text has loads" grep -q "^Unit loads" "$tmp/small.txt"
t_check "text has spend" grep -q "^Spend" "$tmp/small.txt"
t_check "text has bottlenecks" grep -q "^Bottlenecks" "$tmp/small.txt"
t_check "text fits 100 columns" [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$tmp/small.txt")" -le 100 ]
"$OPSALIGN" solve "$ex/realistic.xml" --time-limit 5 >"$tmp/real.txt"
t_check "realistic text fits 100 columns" [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$tmp/real.txt")" -le 100 ]
t_check "realistic text: the waterfall adds up" text_terms_add_up "$tmp/real.txt"
# The header shows the objective as the waterfall does (cents where any
# term has them): the same text.
head_obj=$(sed -n 's/^Status:.*Objective \([-0-9,.]*[0-9]\).*/\1/p' "$tmp/real.txt")
wf_obj=$(sed -n 's/^  objective  *\([-0-9,.]*\)$/\1/p' "$tmp/real.txt")
t_check "realistic text: the waterfall's objective is the header's ($wf_obj, $head_obj)" \
    [ "${wf_obj:-none}" = "$head_obj" ]
# Run work left undone: its total is the shortfall term.
short_total=$(sed -n 's/^  total  *\([0-9,]*\)$/\1/p' "$tmp/real.txt" | tr -d ,)
short_term=$(sed -n 's/^  run work left undone (service-level penalties)  *-\([0-9,]*\)$/\1/p' "$tmp/real.txt" | tr -d ,)
t_check "realistic text: the shortfall rows add up to the term" [ -n "$short_total" ] && [ "${short_total:-x}" = "${short_term:-y}" ]
"$OPSALIGN" solve "$ex/realistic.xml" --time-limit 2 --format csv >"$tmp/real.csv"
t_check "csv has the objective's terms" grep -q "^term,amount$" "$tmp/real.csv"
t_check "csv has the objective after its terms" grep -q "^objective," "$tmp/real.csv"

# Honest bounds and gaps.
"$OPSALIGN" solve "$ex/small.xml" --gap 5 >/dev/null 2>"$tmp/gap.err"
t_check "--gap 5 is a usage error" [ $? -eq 1 ]
t_check "--gap 5 says what a gap is" grep -q "0.05 means 5 %" "$tmp/gap.err"
"$OPSALIGN" solve "$ex/small.xml" --gap 1 >/dev/null 2>&1
t_check "--gap 1 is a usage error" [ $? -eq 1 ]
for tl in 0.001 0.05 0.2; do
    "$OPSALIGN" solve "$ex/realistic.xml" --time-limit $tl --format xml >"$tmp/tiny.xml"
    b=$(sed -n 's/.*<result [^>]*bound="\([^"]*\)".*/\1/p' "$tmp/tiny.xml" | head -n 1)
    t_check "--time-limit $tl: the bound is absent or finite ($b)" \
        awk -v b="$b" 'BEGIN { exit !(b == "" || (b + 0 < 1e300 && b + 0 > -1e300)) }'
    t_check "--time-limit $tl: says the time limit stopped it" \
        grep -q 'stopped-by="time-limit"' "$tmp/tiny.xml"
done
"$OPSALIGN" solve "$ex/realistic.xml" --gap 0.2 --format xml >"$tmp/gap.xml"
g=$(sed -n 's/.*<result [^>]*gap="\([^"]*\)".*/\1/p' "$tmp/gap.xml" | head -n 1)
t_check "--gap 0.2: optimal within the gap" grep -q 'status="optimal"' "$tmp/gap.xml"
t_check "--gap 0.2: the gap proven ($g) is within 0.2" awk -v g="$g" 'BEGIN { exit !(g != "" && g + 0 <= 0.2) }'

"$OPSALIGN" solve "$ex/small.xml" --format csv >"$tmp/small.csv"
t_check "csv roadmap header" grep -q "^initiative,name,owner,status,start" "$tmp/small.csv"
t_check "csv loads header" grep -q "^unit,resource,period,period_label,capacity" "$tmp/small.csv"
"$OPSALIGN" solve "$ex/small.xml" --relax --format xml >"$tmp/relax.xml"
t_check "relax status" grep -q 'status="relaxed"' "$tmp/relax.xml"
"$OPSALIGN" solve "$data/infeasible_mandatory.xml" --format xml >"$tmp/inf.xml"
t_check "infeasible exits 2 with XML" [ $? -eq 2 ]
t_check "infeasible XML has the deficit" grep -q 'deficit="0.8" deficit-status="optimal"' "$tmp/inf.xml"
t_check "infeasible XML names the row" grep -q '<deficit amount="0.7" unit="eng" resource="fte" period="1"' "$tmp/inf.xml"

# -o is atomic: the old file is replaced whole, or left alone on failure.
echo "old content" >"$tmp/keep.txt"
"$OPSALIGN" solve "$TOP_SRCDIR/tests/data/invalid/$(ls "$TOP_SRCDIR/tests/data/invalid" | grep xml$ | head -n 1)" -o "$tmp/keep.txt" 2>/dev/null
t_check "bad plan exits 1" [ $? -eq 1 ]
t_check "bad plan leaves -o untouched" [ "$(cat "$tmp/keep.txt")" = "old content" ]
"$OPSALIGN" solve "$ex/small.xml" -o "$tmp/keep.txt"
t_check "-o replaces the file" grep -q "^Roadmap: " "$tmp/keep.txt"
t_check "-o leaves no temporary file" [ -z "$(ls -A "$tmp" | grep '^\.')" ]
# A writer killed with -9 leaves its temporary file; the next -o of the
# same target removes it, but not one whose writer still runs.
dead=$(sh -c 'echo $$')
echo half >"$tmp/.keep.txt.$dead.AbCdEf"
echo live >"$tmp/.keep.txt.$$.AbCdEf"
"$OPSALIGN" solve "$ex/small.xml" -o "$tmp/keep.txt"
t_check "-o removes a dead writer's temporary file" [ ! -e "$tmp/.keep.txt.$dead.AbCdEf" ]
t_check "-o keeps a running writer's temporary file" [ -e "$tmp/.keep.txt.$$.AbCdEf" ]
rm -f "$tmp/.keep.txt.$$.AbCdEf"
# -o through a symlink replaces its target and keeps the link.
echo old >"$tmp/target.txt"
ln -s target.txt "$tmp/link.txt"
"$OPSALIGN" solve "$ex/small.xml" -o "$tmp/link.txt"
t_check "-o through a symlink keeps the link" [ -L "$tmp/link.txt" ]
t_check "-o through a symlink writes its target" grep -q "^Roadmap: " "$tmp/target.txt"
"$OPSALIGN" solve "$ex/small.xml" -o "$tmp/no/such/dir/out.txt" 2>/dev/null
t_check "unwritable -o exits 5" [ $? -eq 5 ]
"$OPSALIGN" solve "$ex/small.xml" -o /dev/null
t_check "-o /dev/null works" [ $? -eq 0 ]
t_check "/dev/null is still a device" [ -c /dev/null ]

# Usage errors exit 1.
"$OPSALIGN" solve 2>/dev/null;                                   t_check "no plan" [ $? -eq 1 ]
"$OPSALIGN" solve "$ex/small.xml" --time-limit abc 2>/dev/null;  t_check "bad time limit" [ $? -eq 1 ]
"$OPSALIGN" solve "$ex/small.xml" --gap -1 2>/dev/null;          t_check "bad gap" [ $? -eq 1 ]
"$OPSALIGN" solve "$ex/small.xml" --format pdf 2>/dev/null;      t_check "bad format" [ $? -eq 1 ]
"$OPSALIGN" solve "$ex/small.xml" --bogus 2>/dev/null;           t_check "unknown option" [ $? -eq 1 ]
"$OPSALIGN" export "$ex/small.xml" 2>/dev/null;                  t_check "export needs a format" [ $? -eq 1 ]
"$OPSALIGN" export "$ex/small.xml" --mps 2>/dev/null;            t_check "export needs a file" [ $? -eq 1 ]
# Repeatable runs: the same work limit gives the same file, whatever the
# load (the two run at once).
"$OPSALIGN" solve "$ex/realistic.xml" --work-limit 15000 --format xml -o "$tmp/w1.xml" &
"$OPSALIGN" solve "$ex/realistic.xml" --work-limit 15000 --format xml -o "$tmp/w2.xml"
wait
t_check "--work-limit: identical result files" cmp -s "$tmp/w1.xml" "$tmp/w2.xml"
t_check "--work-limit: the result says the work limit stopped it" grep -q 'stopped-by="work-limit"' "$tmp/w1.xml"
"$OPSALIGN" solve "$ex/small.xml" --work-limit -3 >/dev/null 2>&1
t_check "--work-limit -3 is a usage error" [ $? -eq 1 ]
# An interrupt keeps the work: SIGINT during a long solve writes the
# best roadmap found (-o), says it was interrupted, exits 130; SIGTERM 143.
gen="$TOP_BUILDDIR/benchmarks/gen"
big="$tmp/n500.xml"
if [ -x "$gen" ] || make -C "$TOP_BUILDDIR" benchmarks/gen >/dev/null 2>&1; then
    "$gen" --initiatives 500 --seed 1 >"$big" 2>/dev/null
    for sig in INT TERM; do
        "$OPSALIGN" solve "$big" --format xml -o "$tmp/int.xml" 2>"$tmp/int.err" &
        pid=$!
        sleep 3
        kill -$sig $pid
        wait $pid
        st=$?
        want=130; [ $sig = TERM ] && want=143
        t_check "SIG$sig: exits $want ($st)" [ $st -eq $want ]
        t_check "SIG$sig: the result is written, stopped by the interrupt" grep -q 'status="feasible".*stopped-by="interrupt"' "$tmp/int.xml"
        t_check "SIG$sig: says so on stderr" grep -q "interrupted" "$tmp/int.err"
        rm -f "$tmp/int.xml"
    done
else
    t_fail "benchmarks/gen cannot be built"
fi
# The size caps: a model over --max-nonzeros is refused while it is built
# (exit 1, the limit named); 0 lifts the cap.  A plan of more capacity
# cells (units x resources x periods) than OA_MAX_CELLS is a check error
# at its horizon.
"$OPSALIGN" solve "$ex/small.xml" --max-nonzeros 50 >/dev/null 2>"$tmp/nz.err"
st=$?
t_check "--max-nonzeros 50: exit 1 ($st)" [ $st -eq 1 ]
t_check "--max-nonzeros 50: says the limit" grep -q "has more than 50 nonzeros" "$tmp/nz.err"
"$OPSALIGN" solve "$ex/small.xml" --max-nonzeros 0 >/dev/null 2>&1
t_check "--max-nonzeros 0: no cap" [ $? -eq 0 ]
{
    printf '<plan version="1">\n<horizon start="2027-W01" step="week" periods="520"/>\n<resources>'
    r=0; while [ $r -lt 100 ]; do printf '<resource id="r%d"/>' $r; r=$((r + 1)); done
    printf '</resources>\n<units>'
    u=0; while [ $u -lt 200 ]; do printf '<unit id="u%d"/>' $u; u=$((u + 1)); done
    printf '</units>\n</plan>\n'
} >"$tmp/cells.xml"
"$OPSALIGN" check "$tmp/cells.xml" >/dev/null 2>"$tmp/cells.err"
st=$?
t_check "10.4 million capacity cells: check exits 1 ($st)" [ $st -eq 1 ]
t_check "10.4 million capacity cells: named at the horizon" grep -q "cells.xml:2: error: 200 units x 100 resources x 520 periods make 10400000 capacity cells, more than 10000000" "$tmp/cells.err"
# Re-planning: --baseline with --as-of keeps what the baseline started
# before the period (small.xml: crm-rollout and gdpr-audit start in
# January); each needs the other; a period the plan lacks is exit 1.
"$OPSALIGN" solve "$ex/small.xml" --format xml -o "$tmp/base.xml"
"$OPSALIGN" solve "$ex/small.xml" --baseline "$tmp/base.xml" --as-of 2027-04 >"$tmp/re.txt"
t_check "--as-of: exit 0" [ $? -eq 0 ]
t_check "--as-of: says what it kept" grep -q "Re-planned as of 2027-04 from a baseline: 2 initiative(s) kept" "$tmp/re.txt"
"$OPSALIGN" solve "$ex/small.xml" --baseline "$tmp/base.xml" --as-of 2027-04 --format xml | grep -q 'as-of="4" kept="2"'
t_check "--as-of: the XML says so" [ $? -eq 0 ]
"$OPSALIGN" solve "$ex/small.xml" --as-of 2027-04 >/dev/null 2>"$tmp/re.err"
t_check "--as-of alone: exit 1" [ $? -eq 1 ]
"$OPSALIGN" solve "$ex/small.xml" --baseline "$tmp/base.xml" --as-of 2031-01 >/dev/null 2>"$tmp/re.err"
t_check "--as-of 2031-01: exit 1" [ $? -eq 1 ]
t_check "--as-of 2031-01: named" grep -q "'2031-01' is not a period" "$tmp/re.err"
rp="$TOP_SRCDIR/tests/data/replan"
# Actuals (tests/data/replan/actuals.xml): re-planned from them, 480;
# their mistakes at their lines.
"$OPSALIGN" solve "$rp/year.xml" -s "$rp/cut.xml" --actuals "$rp/actuals.xml" --as-of 2027-07 >"$tmp/act.txt"
t_check "--actuals: exit 0" [ $? -eq 0 ]
t_check "--actuals: objective 480" grep -q "Objective 480, proven optimal" "$tmp/act.txt"
t_check "--actuals: says so" grep -q "Re-planned as of 2027-07 from actuals: 2 initiative(s) kept" "$tmp/act.txt"
"$OPSALIGN" solve "$rp/year.xml" --actuals "$rp/actuals-errors.xml" --as-of 2027-07 >/dev/null 2>"$tmp/act.err"
t_check "--actuals with mistakes: exit 1" [ $? -eq 1 ]
t_check "--actuals with mistakes: nine, at their lines" [ "$(grep -c '^.*actuals-errors.xml:[0-9]*: error: ' "$tmp/act.err")" -eq 9 ]
t_check "--actuals with mistakes: spend given twice" grep -q "actuals-errors.xml:15: error: <spend>: the spend of the organization in 2027-02 is given twice (first at line 14)" "$tmp/act.err"
t_check "--actuals with mistakes: the unknown unit" grep -q "actuals-errors.xml:6: error: <levers>: unknown unit 'ops'" "$tmp/act.err"
"$OPSALIGN" solve "$ex/small.xml" --actuals "$rp/small-actuals.xml" --as-of 2027-04 >"$tmp/act2.txt"
t_check "--actuals on small.xml: 1,837,500" grep -q "Objective 1,837,500 EUR, proven optimal" "$tmp/act2.txt"
"$OPSALIGN" solve "$rp/year.xml" --actuals "$rp/actuals.xml" >/dev/null 2>"$tmp/act.err"
t_check "--actuals without --as-of: exit 1" [ $? -eq 1 ]
# The money spent (tests/data/replan/spent.xml): the budgets count it,
# 430 where 495 without it; the spend table says how much it moved.
"$OPSALIGN" solve "$rp/year.xml" -s "$rp/budget.xml" --actuals "$rp/spent.xml" --as-of 2027-07 >"$tmp/act3.txt"
t_check "--actuals with spend: 430" grep -q "Objective 430, proven optimal" "$tmp/act3.txt"
t_check "--actuals with spend: the actuals column" grep -Eq "^  total +1,000 +900 +0 +800 +0 +100$" "$tmp/act3.txt"
t_check "--actuals with spend: eng's 150" grep -Eq "^  unit eng +1,000 +950 +0 +800 +0 +150$" "$tmp/act3.txt"
# Three years (examples/three-year.xml): optimal, the same optimum as
# glpsol on the exported model, budgets shown per year.
"$OPSALIGN" solve "$ex/three-year.xml" >"$tmp/ty.txt"
t_check "three-year: exit 0" [ $? -eq 0 ]
t_check "three-year: proven optimal" grep -q "proven optimal" "$tmp/ty.txt"
t_check "three-year: a budget row per year" grep -Eq "^  total 2028-01..2028-12 +1,600,000 " "$tmp/ty.txt"
"$OPSALIGN" export "$ex/three-year.xml" --mps "$tmp/ty.mps"
glpsol --freemps "$tmp/ty.mps" --max -o "$tmp/ty.sol" >/dev/null 2>&1
peer=$(glpsol_objective "$tmp/ty.sol")
ours=$(sed -n 's/^Status: optimal. Objective \([0-9,]*\) EUR.*/\1/p' "$tmp/ty.txt" | tr -d ,)
if same "$peer" "$ours"; then t_ok; else t_fail "three-year: glpsol $peer, ours $ours"; fi
# Stability (tests/data/replan/year.xml derives the numbers): with 10 per
# period moved only C is dropped (365); compare shows its price.
"$OPSALIGN" solve "$rp/year.xml" --format xml -o "$tmp/year.xml"
"$OPSALIGN" solve "$rp/year.xml" -s "$rp/cut.xml" --baseline "$tmp/year.xml" --stability 10 >"$tmp/st.txt"
t_check "--stability: exit 0" [ $? -eq 0 ]
t_check "--stability: objective 365" grep -q "Objective 365, proven optimal" "$tmp/st.txt"
t_check "--stability: the move listed with its price" grep -Eq "^  C +2027-07 +dropped +- +120 +-100$" "$tmp/st.txt"
t_check "--stability: the term in the waterfall" grep -Eq "moves against the baseline \(stability prices\) +-120" "$tmp/st.txt"
t_check "--stability: says the baseline no longer fits" grep -q "The baseline's roadmap does not fit this plan" "$tmp/st.txt"
"$OPSALIGN" solve "$rp/year.xml" -s "$rp/cut.xml" --baseline "$tmp/year.xml" --stability 10 --format xml | grep -q '<move id="C" from="7" to="0" from-label="2027-07" price="120" value="-100"/>'
t_check "--stability: the XML move" [ $? -eq 0 ]
"$OPSALIGN" compare "$rp/year.xml" -s "$rp/cut.xml" --stability 10 >"$tmp/stc.txt"
t_check "compare --stability: the change's price" grep -Eq "^    - C +was in 2027-07 \(stability price 120\)$" "$tmp/stc.txt"
"$OPSALIGN" solve "$rp/year.xml" --stability 10 >/dev/null 2>"$tmp/st.err"
t_check "--stability alone: exit 1" [ $? -eq 1 ]
t_check "--stability alone: says why" grep -q "needs --baseline" "$tmp/st.err"
# Every write checked: a full standard output is exit 5, never 0.
[ -w /dev/full ] && for cmd in "solve $ex/small.xml --format xml" "check -v $ex/small.xml" \
           "sweep $data/budget_total.xml --budget-total 150:750:3"; do
    # shellcheck disable=SC2086
    "$OPSALIGN" $cmd >/dev/full 2>"$tmp/full.err"
    st=$?
    t_check "$cmd >/dev/full exits 5 ($st)" [ $st -eq 5 ]
    t_check "$cmd >/dev/full says why" grep -q "cannot write standard output" "$tmp/full.err"
done
# Every writer's output is valid UTF-8, also where a long name of
# multibyte characters is cut to its column (a scenario's name in
# compare's table, names in the HTML and explanations).
long="Überprüfung-Größenänderung-Äußerst-Lang"
sed "s/name=\"New CRM\"/name=\"$long\"/; s/Small software company 2027/Größe ✓ $long/" "$ex/small.xml" >"$tmp/utf8.xml"
printf '<scenario version="1" name="Ä %s"><capacity unit="sales" resource="fte" value="9"/></scenario>\n' "$long" >"$tmp/utf8-s.xml"
"$OPSALIGN" solve "$tmp/utf8.xml" >"$tmp/u.txt"
"$OPSALIGN" solve "$tmp/utf8.xml" --format csv >"$tmp/u.csv"
"$OPSALIGN" solve "$tmp/utf8.xml" --format xml >"$tmp/u.xml"
"$OPSALIGN" report "$tmp/utf8.xml" -o "$tmp/u.html"
"$OPSALIGN" compare "$tmp/utf8.xml" -s "$tmp/utf8-s.xml" >"$tmp/uc.txt"
"$OPSALIGN" explain "$tmp/utf8.xml" >"$tmp/ue.txt"
t_check "compare cuts the scenario's name to its column" grep -q " base Ä Überprüfung-$" "$tmp/uc.txt"
for f in u.txt u.csv u.xml u.html uc.txt ue.txt; do
    t_check "$f is valid UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 '$tmp/$f' >/dev/null"
done
t_done
