#!/bin/sh
# run.sh: the benchmark suite of libopsalign (what `make bench` runs).
#
#   benchmarks/run.sh [--quick] [--verify] [--time-limit S] [--work DIR]
#                     [--results FILE]
#
# For each plan size it generates a plan with benchmarks/gen (fixed seeds),
# exports it with `opsalign export` (CPLEX LP and free MPS), then measures,
# one after the other, on the same plan:
#   opsalign  the library: bench solve PLAN.xml (read, validate, build, solve)
#   gmpl      glpsol -m plan.mod -d PLAN.dat (MathProg, GLPK's defaults)
#   cbc       cbc PLAN.mps -max -timeMode elapsed -sec S -solve
#   floor     glpsol --lp PLAN.lp (GLPK's own solve of the finished matrix,
#             the library's settings: presolve on, no cuts)
# and writes the table to benchmarks/results.md (and prints it).
#
#   --quick         50 and 200 initiatives only, 10 s per run (trying things)
#   --verify        equivalence check instead: small plans that every solver
#                   proves optimal must give the same objective (1e-6 rel.)
#   --time-limit S  per run (default 60; 10 with --quick)
#   --work DIR      plans, logs and traces (default: bench-work in the
#                   current directory)
#   --results FILE  default: benchmarks/results.md next to this script
#   --scale         only the scaling table: reading and building plans of
#                   250 to 16000 initiatives (no solving; a few seconds)
#   TABLE_ONLY=1    (environment) no solver runs: the table again from the
#                   last run's results.tsv, with the scaling, explain and
#                   warm-start tables measured anew
#   --flags LIST    the library's tuning switches for the opsalign runs
#                   (bench solve --flags: no-heuristic, pseudocost, cuts,
#                   cliques)
#
# Programs: $OPSALIGN, $BENCH_GEN, $BENCH_BIN (make bench sets them); by
# default the ones of ../build, and gen and bench are compiled there with
# cc if missing.  glpsol (glpk-utils) and cbc (coinor-cbc) come from PATH.

set -u

srcdir=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$srcdir/.." && pwd)
quick=0
verify=0
scale=0
tlim=
work=$(pwd)/bench-work
results=$srcdir/results.md
flags=

while [ $# -gt 0 ]; do
    case $1 in
    --quick) quick=1 ;;
    --verify) verify=1 ;;
    --scale) scale=1 ;;
    --time-limit) shift; tlim=$1 ;;
    --work) shift; work=$1 ;;
    --results) shift; results=$1 ;;
    --flags) shift; flags=$1 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 1 ;;
    esac
    shift
done
if [ -z "$tlim" ]; then
    if [ $quick = 1 ]; then tlim=10; else tlim=60; fi
fi

mkdir -p "$work" || exit 1
work=$(cd "$work" && pwd)

# ---- the programs ----
builddir=${BUILDDIR:-$top/build}
OPSALIGN=${OPSALIGN:-$builddir/tools/opsalign}
BENCH_GEN=${BENCH_GEN:-}
BENCH_BIN=${BENCH_BIN:-}
CC=${CC:-cc}
if [ ! -x "$OPSALIGN" ]; then
    echo "run.sh: no opsalign at $OPSALIGN (build the library first)" >&2
    exit 1
fi
if [ -z "$BENCH_GEN" ]; then
    BENCH_GEN=$builddir/benchmarks/gen
    if [ ! -x "$BENCH_GEN" ]; then
        BENCH_GEN=$work/gen
        $CC -std=c11 -O2 -o "$BENCH_GEN" "$srcdir/gen.c" -lm || exit 1
    fi
fi
if [ -z "$BENCH_BIN" ]; then
    BENCH_BIN=$builddir/benchmarks/bench
    if [ ! -x "$BENCH_BIN" ]; then
        BENCH_BIN=$work/bench
        $CC -std=c11 -O2 -I"$top/include" -I"$builddir/include" \
            -o "$BENCH_BIN" "$srcdir/bench.c" -L"$builddir/lib/.libs" \
            -Wl,-rpath,"$builddir/lib/.libs" -lopsalign -lm || exit 1
    fi
fi
for p in glpsol cbc; do
    if ! command -v $p >/dev/null 2>&1; then
        echo "run.sh: $p not found (apt-get install glpk-utils coinor-cbc)" >&2
        exit 1
    fi
done
# Peers print through stdio: line-buffer them so that each line is stamped
# when it is printed.
LB=
if command -v stdbuf >/dev/null 2>&1; then LB="stdbuf -oL -eL"; fi

now() { date +%s.%N; }

# gen_plan NAME GEN-ARGS...: NAME.xml, NAME.dat, NAME.lp, NAME.mps in $work.
gen_plan() {
    name=$1; shift
    if [ "$1" = --example ]; then
        # a plan of examples/ (no GMPL data: the generator did not make it)
        cp "$top/examples/$2" "$work/$name.xml" || exit 1
        rm -f "$work/$name.dat" "$work/$name.gmpl.tr" "$work/$name.gmpl.out"
    else
        "$BENCH_GEN" "$@" --gmpl-data "$work/$name.dat" > "$work/$name.xml" || exit 1
    fi
    "$OPSALIGN" check "$work/$name.xml" || exit 1
    t0=$(now)
    "$OPSALIGN" export "$work/$name.xml" --lp "$work/$name.lp" || exit 1
    t1=$(now)
    "$OPSALIGN" export "$work/$name.xml" --mps "$work/$name.mps" || exit 1
    export_cli_s=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')
}

# run_all NAME: the four runs, one after the other; NAME.<solver>.tr traces.
run_all() {
    name=$1
    w=$work/$name
    "$BENCH_BIN" solve "$w.xml" --time-limit "$tlim" --trace "$w.opsalign.tr" \
        --log "$w.opsalign.log" --export "$w.probe.lp" ${flags:+--flags "$flags"} \
        > "$w.opsalign.out"
    [ -f "$w.dat" ] && \
    "$BENCH_BIN" run --kind glpsol --time-limit "$tlim" --trace "$w.gmpl.tr" \
        --log "$w.gmpl.log" --plan "$name" -- \
        $LB glpsol -m "$srcdir/plan.mod" -d "$w.dat" --tmlim "$tlim" \
        > "$w.gmpl.out"
    "$BENCH_BIN" run --kind cbc --time-limit "$tlim" --trace "$w.cbc.tr" \
        --log "$w.cbc.log" --plan "$name" -- \
        $LB cbc "$w.mps" -max -timeMode elapsed -sec "$tlim" -solve \
        > "$w.cbc.out"
    "$BENCH_BIN" run --kind glpsol --time-limit "$tlim" --trace "$w.floor.tr" \
        --log "$w.floor.log" --plan "$name" -- \
        $LB glpsol --lp "$w.lp" --tmlim "$tlim" > "$w.floor.out"
}

# value KEY < LINE
value() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

# ---- scaling: reading and building against plan size ----
# scale_table: a markdown table on stdout, one line per size (12 months,
# units = initiatives / 10); each size in a fresh process, so peak memory
# is the plan's and the model's.
scale_table() {
    echo "| initiatives | units | plan file (KB) | rows | columns | nonzeros | read + validate (s) | build (s) | per 1000 nonzeros (ms) | peak memory (MB) | memory per 1000 nonzeros (KB) |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for n in 250 500 1000 2000 4000 8000 16000; do
        f=$work/scale$n.xml
        "$BENCH_GEN" --initiatives $n --seed 7 > "$f" || exit 1
        kb=$(( $(wc -c < "$f") / 1024 ))
        # best of three runs
        best=
        for k in 1 2 3; do
            l=$("$BENCH_BIN" build "$f") || exit 1
            t=$(echo "$l" | awk '{ for (i = 1; i <= NF; i++) { split($i, a, "="); v[a[1]] = a[2] } print v["read_s"] + v["build_s"] }')
            if [ -z "$best" ] || awk -v a="$t" -v b="$bt" 'BEGIN { exit !(a < b) }'; then
                best=$l; bt=$t
            fi
        done
        echo "$best" | awk -v n=$n -v kb=$kb '{
            for (i = 1; i <= NF; i++) { split($i, a, "="); v[a[1]] = a[2] }
            nz = v["nonzeros"]
            printf "| %d | %d | %d | %d | %d | %d | %.3f | %.3f | %.2f | %.1f | %.1f |\n",
                n, n / 10, kb, v["rows"], v["cols"], nz, v["read_s"], v["build_s"],
                1000 * 1000 * (v["read_s"] + v["build_s"]) / nz, v["maxrss_mb"],
                1024 * 1000 * v["maxrss_mb"] / nz }'
        rm -f "$f"
    done
}

# ---- explain: warm against cold re-solves, threads ----
etlim=5
[ $quick = 1 ] && etlim=1
explain_table() {
    ex=$work/explain
    mkdir -p "$ex"
    cp "$top/examples/realistic.xml" "$ex/plan.xml"
    "$OPSALIGN" solve "$ex/plan.xml" --time-limit "$tlim" --format xml \
        -o "$ex/base.xml" >/dev/null
    echo "| re-solves | threads | wall (s) | rejected explained | sum of forcing prices | forcing prices proven | delayed explained |"
    echo "|---|---|---|---|---|---|---|"
    for mode in warm cold; do
        for j in 1 2; do
            flag=
            [ $mode = cold ] && flag=--cold
            t0=$(now)
            "$OPSALIGN" explain "$ex/plan.xml" -r "$ex/base.xml" \
                --time-limit $etlim -j $j $flag --format xml \
                -o "$ex/$mode$j.xml" || continue
            t1=$(now)
            awk -v mode=$mode -v j=$j -v t0="$t0" -v t1="$t1" '
                /status="rejected"/ { r++; if (match($0, /forcing-cost="[^"]*"/)) {
                    v = substr($0, RSTART + 14, RLENGTH - 15); s += v }
                    if ($0 ~ /forcing-proven="true"/) p++ }
                /status="delayed"/ { d++ }
                END { printf "| %s | %d | %.1f | %d | %.0f | %d | %d |\n",
                      mode, j, t1 - t0, r, s, p, d }' "$ex/$mode$j.xml"
        done
    done
}

# ---- warm starts of scenarios ----
wtlim=20
[ $quick = 1 ] && wtlim=3
warm_table() {
    wd=$work/warm
    mkdir -p "$wd"
    "$BENCH_GEN" --initiatives 200 --seed 102 > "$wd/plan.xml" || return 1
    printf '<scenario version="1" name="capacity -3%%"><scale-capacity unit="*" resource="*" factor="0.97"/></scenario>\n' > "$wd/s1.xml"
    printf '<scenario version="1" name="capacity +3%%"><scale-capacity unit="*" resource="*" factor="1.03"/></scenario>\n' > "$wd/s2.xml"
    printf '<scenario version="1" name="no contractors"><contractors unit="*" resource="*" max="0"/></scenario>\n' > "$wd/s3.xml"
    printf '<scenario version="1" name="dearer overtime"><overtime unit="*" resource="*" cost="900"/></scenario>\n' > "$wd/s4.xml"
    set -- "$wd/s1.xml" "$wd/s2.xml" "$wd/s3.xml" "$wd/s4.xml"
    t0=$(now)
    "$OPSALIGN" solve "$wd/plan.xml" --gap 0.02 --time-limit $wtlim >/dev/null
    t1=$(now)
    "$OPSALIGN" compare "$wd/plan.xml" -s "$1" -s "$2" -s "$3" -s "$4" \
        --gap 0.02 --time-limit $wtlim --format csv -o "$wd/warm.csv"
    t2=$(now)
    cold=0
    : > "$wd/cold.txt"
    for f in "$@"; do
        a=$(now)
        "$OPSALIGN" solve "$wd/plan.xml" -s "$f" --gap 0.02 --time-limit $wtlim \
            --format xml -o "$wd/cold.xml" >/dev/null
        b=$(now)
        sed -n 's/.*<result [^>]*objective="\([^"]*\)".*/\1/p' "$wd/cold.xml" | head -n 1 >> "$wd/cold.txt"
        cold=$(echo "$cold $a $b" | awk '{ printf "%.3f", $1 + $3 - $2 }')
    done
    warm=$(echo "$t0 $t1 $t2" | awk '{ printf "%.3f", ($3 - $2) - ($2 - $1) }')
    wsum=$(awk -F, '/^$/ { exit } NR > 2 { s += $3 } END { printf "%.0f", s }' "$wd/warm.csv")
    csum=$(awk '{ s += $1 } END { printf "%.0f", s }' "$wd/cold.txt")
    echo "| scenarios | warm (s) | cold (s) | warm / cold | sum of objectives, warm | sum of objectives, cold |"
    echo "|---|---|---|---|---|---|"
    echo "| 4 | $warm | $cold | $(echo "$warm $cold" | awk '{ printf "%.2f", $1 / ($2 > 0 ? $2 : 1) }') | $wsum | $csum |"
}

if [ "${WARM_ONLY:-0}" = 1 ]; then
    warm_table
    exit $?
fi

if [ "${EXPLAIN_ONLY:-0}" = 1 ]; then
    explain_table
    exit $?
fi

if [ $scale = 1 ]; then
    scale_table
    exit $?
fi

# ---- --verify: the GMPL model, the export and the library agree ----
if [ $verify = 1 ]; then
    fails=0
    n=0
    # name: gen arguments (small plans, every feature of the generator)
    while read -r name args; do
        [ -z "$name" ] && continue
        n=$((n + 1))
        # shellcheck disable=SC2086
        gen_plan "$name" $args
        run_all "$name"
        line=
        ref=
        ok=1
        for s in opsalign gmpl cbc floor; do
            st=$(value status < "$work/$name.$s.out")
            obj=$(value obj < "$work/$name.$s.out")
            line="$line $s=$st:$obj"
            if [ "$st" != optimal ]; then ok=0; continue; fi
            if [ -z "$ref" ]; then ref=$obj; continue; fi
            if ! awk -v a="$ref" -v b="$obj" 'BEGIN {
                    d = a - b; if (d < 0) d = -d;
                    m = a < 0 ? -a : a; exit !(d <= 1e-6 * (m > 1 ? m : 1)) }'
            then ok=0; fi
        done
        if [ $ok = 1 ]; then echo "ok   $name$line"
        else echo "FAIL $name$line"; fails=$((fails + 1)); fi
    done <<EOF
v01 --initiatives 4 --units 2 --periods 3 --seed 1
v02 --initiatives 6 --units 2 --periods 4 --seed 2 --levers 0
v03 --initiatives 8 --units 3 --periods 6 --seed 3 --dependencies 0.5
v04 --initiatives 10 --units 3 --periods 6 --seed 4 --effects 0.5 --excludes 0.2
v05 --initiatives 12 --units 3 --periods 6 --seed 5 --mandatory 0.3
v06 --initiatives 12 --units 4 --periods 8 --seed 6 --density 3.5 --levers 0
v07 --initiatives 15 --units 3 --periods 12 --seed 7 --dependencies 0.4 --effects 0.3
v08 --initiatives 15 --units 2 --periods 12 --seed 8 --step week
v09 --initiatives 10 --units 3 --periods 26 --seed 9 --step week --dependencies 0.3
v10 --initiatives 20 --units 4 --periods 6 --seed 10 --tightness 1.5 --effects 0.3
v11 --initiatives 20 --units 2 --periods 12 --seed 11 --tightness 4 --mandatory 0.2
v12 --initiatives 25 --units 5 --periods 4 --seed 12 --excludes 0.2 --dependencies 0.3
v13 --initiatives 8 --units 8 --periods 12 --seed 13 --density 5
v14 --initiatives 30 --units 3 --periods 3 --seed 14 --levers 1 --effects 0.4
v15 --initiatives 12 --units 3 --periods 12 --seed 15 --tightness 0.8 --dependencies 0.6
EOF
    echo "verify: $n plans, $fails failed"
    [ $fails = 0 ]
    exit $?
fi

# ---- the suite ----
# name: gen arguments (the seeds are fixed)
if [ $quick = 1 ]; then
    plans="n50:--initiatives:50:--seed:101
n200:--initiatives:200:--seed:102"
else
    plans="realistic:--example:realistic.xml
n50:--initiatives:50:--seed:101
n200:--initiatives:200:--seed:102
n500:--initiatives:500:--seed:103
n2000:--initiatives:2000:--seed:104
w500:--initiatives:500:--step:week:--periods:52:--seed:105"
fi

# Which library: $BENCH_REV, or the commit of the source tree (+ if lib/,
# include/ or tools/ differ from it).
rev=${BENCH_REV:-}
if [ -z "$rev" ] && command -v git >/dev/null 2>&1 &&
    git -C "$top" rev-parse --short HEAD >/dev/null 2>&1; then
    rev=$(git -C "$top" log -1 --format='%h (%cd)' --date=short)
    git -C "$top" diff --no-ext-diff --quiet HEAD -- lib include tools ||
        rev="$rev + uncommitted changes"
fi
rev=${rev:-unknown}

tsv=$work/results.tsv
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
start=$(now)
[ "${TABLE_ONLY:-0}" = 1 ] && plans=   # the table again from results.tsv
[ -n "$plans" ] && : > "$tsv"
for spec in $plans; do
    name=${spec%%:*}
    args=$(echo "${spec#*:}" | tr ':' ' ')
    echo "== $name: gen $args (time limit $tlim s per run)" >&2
    # shellcheck disable=SC2086
    gen_plan "$name" $args
    run_all "$name"
    # The model's size as glpsol reads the export: ROWSxCOLS:NONZEROS.
    size=$(sed -n 's/^[0-9.]* [0-9.]* \([0-9]*\) rows, \([0-9]*\) columns, \([0-9]*\) non-zeros.*/\1x\2:\3/p' \
        "$work/$name.floor.log" | head -1)
    best=$(for s in opsalign gmpl cbc floor; do
            [ -f "$work/$name.$s.out" ] && value obj < "$work/$name.$s.out"; done |
        awk '$1 != "-" && (b == "" || $1 + 0 > b + 0) { b = $1 } END { print b }')
    for s in opsalign gmpl cbc floor; do
        [ -f "$work/$name.$s.tr" ] || continue
        if [ -n "$best" ]; then
            line=$("$BENCH_BIN" metrics "$work/$name.$s.tr" --best "$best" --plan "$name")
        else
            line=$("$BENCH_BIN" metrics "$work/$name.$s.tr" --plan "$name")
        fi
        echo "$line size=${size:-?} export_cli_s=$export_cli_s" | tee -a "$tsv" >&2
    done
done
end=$(now)
load1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ---- the table ----
awk -v tlim="$tlim" -v load0="$load0" -v load1="$load1" -v rev="$rev" \
    -v flags="${flags:-defaults}" -v cpu="$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -1), $(nproc 2>/dev/null) cores" \
    -v elapsed="$(echo "$start $end" | awk '{ printf "%.0f", $2 - $1 }')" \
    -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" '
function kv(line, key,   n, i, a, b) {
    n = split(line, a, " ")
    for (i = 1; i <= n; i++) {
        if (index(a[i], key "=") == 1) return substr(a[i], length(key) + 2)
    }
    return "-"
}
function num(v) { return v != "-" && v != "none" && v != "inf" }
function secs(v) { return num(v) ? sprintf("%.2f", v) : (v == "-" ? "none" : v) }
function pct(v) { return num(v) ? sprintf("%.1f%%", v) : v }
# a ratio a/b of times where "none" means "not within the limit"
function ratio(a, b) {
    if (num(a) && num(b)) return sprintf("%.2f", (a < 0.001 ? 0.001 : a) / (b < 0.001 ? 0.001 : b))
    if (num(a) && !num(b)) return sprintf("< %.2f", a / tlim)
    if (!num(a) && num(b)) return sprintf("> %.1f", tlim / (b < 0.001 ? 0.001 : b))
    return "n/a"
}
{
    plan = kv($0, "plan"); s = kv($0, "solver")
    if (s == "glpsol" && kv($0, "translate_s") != "-") s = "gmpl"
    else if (s == "glpsol") s = "floor"
    if (!(plan in seen)) { seen[plan] = 1; order[++np] = plan }
    L[plan, s] = $0
}
END {
    name["opsalign"] = "opsalign (library)"
    name["gmpl"] = "glpsol, GMPL model"
    name["cbc"] = "CBC on export --mps"
    name["floor"] = "glpsol on export --lp (floor)"
    ns = split("opsalign gmpl cbc floor", S, " ")
    printf "Benchmark run of %s on %s: library %s (solve flags: %s); %d s per run, runs one after the other; load average %s at the start, %s at the end; %s s in all.\n\n", date, cpu, rev, flags, tlim, load0, load1, elapsed
    printf "Times are wall-clock seconds from the start of each process (reading the input included). \"none\": not within the time limit; \"-\": the run ended before.\n\n"
    printf "| plan | model (rows x cols, nonzeros) | solver | status | first roadmap (s) | within 1%% of best (s) | gap at 10 s | gap at 60 s | final gap | best found | peak memory (MB) | input (s) |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    for (p = 1; p <= np; p++) {
        plan = order[p]
        for (k = 1; k <= ns; k++) {
            s = S[k]; l = L[plan, s]
            if (l == "") continue
            inp = "-"
            if (s == "opsalign") inp = sprintf("%.3f read", kv(l, "read_s"))
            else if (s == "gmpl") inp = sprintf("%.3f translate", kv(l, "translate_s"))
            else if (num(kv(l, "read_s"))) inp = sprintf("%.3f read", kv(l, "read_s"))
            sz = kv(l, "size"); sub(/x/, " x ", sz); sub(/:/, ", ", sz)
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", \
                plan, (k == 1 ? sz : ""), name[s], kv(l, "status"), \
                secs(kv(l, "first_s")), secs(kv(l, "t1_s")), pct(kv(l, "gap10")), \
                pct(kv(l, "gap60")), pct(kv(l, "gap")), kv(l, "obj"), \
                kv(l, "maxrss_mb"), inp
        }
    }
    printf "\nRatios (opsalign / peer; below 1: opsalign is faster or smaller). \"> x\": opsalign found none within the limit, the peer did in limit/x; \"< x\": the peer found none.\n\n"
    printf "| plan | first roadmap / CBC | first roadmap / GMPL | first roadmap / floor | within 1%% / CBC | within 1%% / GMPL | within 1%% / floor | memory / CBC | memory / GMPL | GMPL translation / opsalign read | GMPL translation / opsalign read + build (export) |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|---|\n"
    for (p = 1; p <= np; p++) {
        plan = order[p]; o = L[plan, "opsalign"]
        if (o == "") continue
        c = L[plan, "cbc"]; g = L[plan, "gmpl"]; f = L[plan, "floor"]
        tr = kv(g, "translate_s"); rd = kv(o, "read_s"); ex = kv(o, "export_s")
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", plan, \
            ratio(kv(o, "first_s"), kv(c, "first_s")), \
            ratio(kv(o, "first_s"), kv(g, "first_s")), \
            ratio(kv(o, "first_s"), kv(f, "first_s")), \
            ratio(kv(o, "t1_s"), kv(c, "t1_s")), \
            ratio(kv(o, "t1_s"), kv(g, "t1_s")), \
            ratio(kv(o, "t1_s"), kv(f, "t1_s")), \
            (num(kv(c, "maxrss_mb")) ? sprintf("%.2f", kv(o, "maxrss_mb") / kv(c, "maxrss_mb")) : "n/a"), \
            (num(kv(g, "maxrss_mb")) ? sprintf("%.2f", kv(o, "maxrss_mb") / kv(g, "maxrss_mb")) : "n/a"), \
            (num(tr) && num(rd) ? sprintf("%.1f", tr / (rd > 0.0001 ? rd : 0.0001)) : "n/a"), \
            (num(tr) && num(rd) && num(ex) ? sprintf("%.1f", tr / (rd + ex)) : "n/a")
    }
    printf "\nWhere the time goes (seconds from the start of each process): input read or translated; root LP: the first branch-and-bound progress line (GLPK, CBC: the root LP is solved; opsalign: its root LP and greedy roadmap are done).\n\n"
    printf "| plan | opsalign read | opsalign export (build + write LP) | opsalign root LP | GMPL translation | GMPL root LP | floor read | floor root LP | CBC read | CBC root LP |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|\n"
    for (p = 1; p <= np; p++) {
        plan = order[p]; o = L[plan, "opsalign"]; c = L[plan, "cbc"]; g = L[plan, "gmpl"]; f = L[plan, "floor"]
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", plan, \
            secs(kv(o, "read_s")), secs(kv(o, "export_s")), secs(kv(o, "lp_s")), \
            secs(kv(g, "translate_s")), secs(kv(g, "lp_s")), \
            secs(kv(f, "read_s")), secs(kv(f, "lp_s")), \
            secs(kv(c, "read_s")), secs(kv(c, "lp_s"))
    }
}' "$tsv" > "$results.tmp" || exit 1
{
    printf "\nScaling: reading (with validation) and building the model, by plan size (12 months, generator defaults, seed 7; best of three runs, each in a fresh process).\n\n"
    scale_table
    printf "\nExplaining every rejected and delayed initiative of examples/realistic.xml (opsalign explain -r, the same saved roadmap for all runs, %s s per re-solve): warm starts from the roadmap against cold re-solves, one thread against two.\n\n" "$etlim"
    explain_table
    printf "\nScenarios started from the base's roadmap (opsalign compare) against cold solves (opsalign solve -s, one per scenario) on n200, stopping at a 2 %% gap or %s s per scenario; times exclude the base's own solve.\n\n" "$wtlim"
    warm_table
} >> "$results.tmp" && mv "$results.tmp" "$results"
cat "$results"
