#!/bin/sh
# families.sh: benchmark families of libopsalign against CBC (what
# `make bench-families` runs), beside the suite of run.sh.
#
#   benchmarks/families.sh [--quick] [--full] [--family tight|psplib|knapsack]
#                          [--time-limit T] [--sizes LIST] [--seeds LIST]
#                          [--sets j30,j60,j120] [--groups LIST] [--stride N]
#                          [--jobs 1] [--work DIR] [--results FILE]
#
# Families (each plan is solved by `bench solve` (the library through its
# API, every roadmap checked by the oracle) and by CBC on `opsalign export
# --mps` (`bench run --kind cbc`), one run after the other, T seconds each;
# the traces give the incumbent at any time, so one run gives the roadmap
# and its objective at 1 s, 10 s and T s):
#   tight     benchmarks/gen --family tight: 200, 500 and 2000 initiatives
#             over 12 months and 500 over 52 weeks (w500), seeds 1-3 (gen.c
#             says what the family is: mandatory work up to 90% of the free
#             capacity, in requires chains, some of it needing levers; a
#             roadmap always exists); the objective against the best
#             roadmap of the two solvers in this run;
#   psplib    PSPLIB single-mode RCPSP (../shared/reference/psplib-j30,
#             -j60, -j120) through benchmarks/psplib, instance _1 of each
#             parameter group, in four modes: every job mandatory with a
#             horizon of 1.1 x the best known makespan ("1.1x") and of
#             exactly it ("tight"): is a roadmap found; one period less
#             ("opt-1", only where the best known is a proven optimum and
#             at least the critical path, so the plan is valid): is it
#             reported infeasible, and when; and "optimize" (1.5 x the
#             best known, an end milestone earning 1 per period left): the
#             makespan found (P - 1 - objective) against the best known;
#   knapsack  OR-Library mknap1 (7 problems, ../shared/reference/orlib-mknap)
#             through benchmarks/mknap; the objective against the published
#             optimum (--full adds mknap2's 48 problems).
#
#   --quick         10 s per run; tight: 200 and w500, seed 1; psplib:
#                   groups 1 and 22 of each set; knapsack: mknap1
#   --full          every parameter group (48 for j30 and j60, 60 for j120)
#                   and mknap2 as well
#   --family NAME   one family only
#   --time-limit T  per run (default 30; 10 with --quick)
#   --sizes LIST    tight plans (default 200,500,2000,w500: N initiatives
#                   over 12 months, wN over 52 weeks)
#   --seeds LIST    tight seeds (default 1,2,3)
#   --sets LIST     PSPLIB sets (default j30,j60,j120)
#   --groups LIST   PSPLIB parameter groups, e.g. 1,22 (instead of --stride)
#   --stride N      PSPLIB groups 1, 1+N, 1+2N, ... (default 7; 1 with --full)
#   --jobs 1        runs are one after the other (nothing else is supported:
#                   two runs at a time would share the 2 cores)
#   --work DIR      plans, exports, logs, traces (default
#                   build/bench-work/families, or bench-work/families in the
#                   current directory when there is no build/)
#   --results FILE  default: benchmarks/families.md next to this script
#   TABLE_ONLY=1    (environment) no runs: the tables again from the last
#                   run's families.tsv
#
# Time: at most plans x modes x T x 2 solvers, plus exports.  The default
# run, at 30 s: tight 12 plans; psplib groups 1, 8, 15, ... (stride 7): 7
# of j30, 7 of j60, 9 of j120 = 23 instances x 3 modes + 5 opt-1 plans (4
# j30, 1 j60: the others' optima are unproven or equal to the critical
# path) = 74; knapsack 7: 93 plans x 2 x 30 s = 93 minutes at most (less in
# practice: the knapsack problems and most feasibility runs end early).
# --full: 12 + (48 + 48 + 60) x 3 + 39 opt-1 + 55 knapsack = 574 plans,
# about 9.6 hours at most.  --quick: 2 + 6 x 3 + 3 + 7 = 30 plans x 2 x 10 s,
# 10 minutes at most.
#
# Programs: $OPSALIGN, $BENCH_GEN, $BENCH_BIN, $BENCH_PSPLIB, $BENCH_MKNAP
# (make bench-families sets them); by default the ones of ../build (gen,
# psplib and mknap compiled with cc if missing).  cbc (coinor-cbc) comes
# from PATH; the reference data from $REFDIR (default
# ../shared/reference next to the source tree).

set -u

srcdir=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$srcdir/.." && pwd)
quick=0
full=0
family=all
tlim=
sets=j30,j60,j120
groups=
sizes=
seeds=
stride=
work=
results=$srcdir/families.md

while [ $# -gt 0 ]; do
    case $1 in
    --quick) quick=1 ;;
    --full) full=1 ;;
    --family) shift; family=${1:-} ;;
    --time-limit) shift; tlim=${1:-} ;;
    --sets) shift; sets=${1:-} ;;
    --sizes) shift; sizes=${1:-} ;;
    --seeds) shift; seeds=${1:-} ;;
    --groups) shift; groups=${1:-} ;;
    --stride) shift; stride=${1:-} ;;
    --jobs) shift
        if [ "${1:-}" != 1 ]; then
            echo "families.sh: --jobs 1 only (runs are one after the other)" >&2
            exit 1
        fi ;;
    --work) shift; work=${1:-} ;;
    --results) shift; results=${1:-} ;;
    -h|--help) sed -n '2,71p' "$0"; exit 0 ;;
    *) echo "families.sh: unknown option $1" >&2; exit 1 ;;
    esac
    shift
done
case $family in
all|tight|psplib|knapsack) ;;
*) echo "families.sh: no family $family (tight, psplib, knapsack)" >&2; exit 1 ;;
esac
if [ -z "$tlim" ]; then
    if [ $quick = 1 ]; then tlim=10; else tlim=30; fi
fi
if [ -z "$stride" ]; then
    if [ $full = 1 ]; then stride=1; else stride=7; fi
fi
[ $quick = 1 ] && [ -z "$groups" ] && groups=1,22
if [ -z "$sizes" ]; then
    if [ $quick = 1 ]; then sizes=200,w500; else sizes=200,500,2000,w500; fi
fi
if [ -z "$seeds" ]; then
    if [ $quick = 1 ]; then seeds=1; else seeds=1,2,3; fi
fi

builddir=${BUILDDIR:-$top/build}
if [ -z "$work" ]; then
    if [ -d "$builddir" ]; then work=$builddir/bench-work/families
    else work=$(pwd)/bench-work/families; fi
fi
mkdir -p "$work" || exit 1
work=$(cd "$work" && pwd)
tsv=$work/families.tsv
ref=${REFDIR:-$top/../shared/reference}

# ---- the programs ----
OPSALIGN=${OPSALIGN:-$builddir/tools/opsalign}
BENCH_BIN=${BENCH_BIN:-$builddir/benchmarks/bench}
CC=${CC:-cc}
if [ "${TABLE_ONLY:-0}" != 1 ]; then
    if [ ! -x "$OPSALIGN" ]; then
        echo "families.sh: no opsalign at $OPSALIGN (build the library first)" >&2
        exit 1
    fi
    if [ ! -x "$BENCH_BIN" ]; then
        BENCH_BIN=$work/bench
        $CC -std=c11 -O2 -I"$top/include" -I"$builddir/include" -I"$top/tests" \
            -o "$BENCH_BIN" "$srcdir/bench.c" "$top/tests/oracle.c" \
            -L"$builddir/lib/.libs" -Wl,-rpath,"$builddir/lib/.libs" \
            -lopsalign -lm || exit 1
    fi
    # gen, psplib and mknap need nothing but libm
    for p in gen psplib mknap; do
        var=BENCH_$(echo $p | tr a-z A-Z)
        eval "val=\${$var:-}"
        if [ -z "$val" ]; then
            val=$builddir/benchmarks/$p
            if [ ! -x "$val" ]; then
                val=$work/$p
                $CC -std=c11 -O2 -o "$val" "$srcdir/$p.c" -lm || exit 1
            fi
        fi
        eval "$var=\$val"
    done
    if ! command -v cbc >/dev/null 2>&1; then
        echo "families.sh: cbc not found (apt-get install coinor-cbc)" >&2
        exit 1
    fi
fi
LB=
if command -v stdbuf >/dev/null 2>&1; then LB="stdbuf -oL -eL"; fi

now() { date +%s.%N; }

# value KEY < LINE (a results line of bench)
value() { tr ' ' '\n' | sed -n "s/^$1=//p" | head -n 1; }

# at_time TRACE T: the incumbent of the last state at or before T seconds
# ("-": no roadmap then); T = end: the final state.
at_time() {
    if [ ! -f "$1" ]; then echo -; return; fi
    awk -v t="$2" '/^#/ { next }
        NF >= 5 && (t == "end" || $1 <= t + 0) { h = $3; v = $4 }
        END { print (h ? v : "-") }' "$1"
}

# run_pair NAME FAMILY SET MODE KNOWN PERIODS: both solvers on
# $work/NAME.xml, one line per solver appended to the TSV.  KNOWN: the
# best known value (makespan for psplib, objective for knapsack, "-").
t10=10
[ "$tlim" -lt 10 ] 2>/dev/null && t10=$tlim
run_pair() {
    name=$1 fam=$2 set=$3 mode=$4 known=$5 periods=$6
    w=$work/$name
    base="family=$fam set=$set mode=$mode plan=$name known=$known periods=$periods"
    if ! "$OPSALIGN" check "$w.xml" > "$w.check" 2>&1; then
        echo "$base solver=opsalign status=invalid" >> "$tsv"
        echo "$base solver=cbc status=invalid" >> "$tsv"
        echo "   $name: invalid plan ($(head -n 1 "$w.check"))" >&2
        return
    fi
    rm -f "$w.opsalign.tr" "$w.cbc.tr"
    if ! "$OPSALIGN" export "$w.xml" --mps "$w.mps" 2> "$w.export.err"; then
        echo "   $name: export failed" >&2
    fi
    "$BENCH_BIN" solve "$w.xml" --time-limit "$tlim" --trace "$w.opsalign.tr" \
        --log "$w.opsalign.log" > "$w.opsalign.out" 2> "$w.opsalign.err"
    if [ -s "$w.mps" ]; then
        "$BENCH_BIN" run --kind cbc --time-limit "$tlim" --trace "$w.cbc.tr" \
            --log "$w.cbc.log" --plan "$name" -- \
            $LB cbc "$w.mps" -max -timeMode elapsed -sec "$tlim" -solve \
            > "$w.cbc.out" 2> "$w.cbc.err"
    else
        echo "solver=cbc plan=$name status=error" > "$w.cbc.out"
    fi
    for s in opsalign cbc; do
        out=$(cat "$w.$s.out" 2>/dev/null)
        st=$(echo "$out" | value status)
        [ -z "$st" ] && st=error
        # CBC's preprocessing may prove infeasibility, which bench does
        # not read from its log.
        if [ $s = cbc ] && [ "$st" = unknown ] &&
            grep -q 'Pre-processing says infeasible' "$w.cbc.log" 2>/dev/null; then
            st=infeasible
        fi
        inc1=$(at_time "$w.$s.tr" 1)
        inc10=$(at_time "$w.$s.tr" "$t10")
        incT=$(at_time "$w.$s.tr" end)
        # A roadmap the oracle rejects is no roadmap; the incumbents of an
        # infeasible plan's least-deficit diagnosis are none either.
        case $st in
        wrong|infeasible|no-solution|error) inc1=-; inc10=-; incT=- ;;
        esac
        # When an infeasible plan was found to be so: in the library's log,
        # its search of the forced work or GLPK's tree emptied without a
        # roadmap (before the least-deficit diagnosis starts), else the end
        # of the run.
        proof=-
        if [ "$st" = infeasible ]; then
            proof=$(echo "$out" | value wall_s)
            if [ $s = opsalign ] && [ -f "$w.opsalign.log" ]; then
                p=$(grep -m 1 -E 'cannot fit in any schedule|not found yet <= +tree is empty|NO PRIMAL FEASIBLE|NO INTEGER FEASIBLE|HAS NO (PRIMAL|INTEGER) FEASIBLE' \
                    "$w.opsalign.log" | cut -d' ' -f1)
                [ -n "$p" ] && proof=$p
            fi
        fi
        line="$base solver=$s status=$st first_s=$(echo "$out" | value first_s)"
        line="$line inc1=$inc1 inc10=$inc10 incT=$incT gap=$(echo "$out" | value gap)"
        line="$line wall_s=$(echo "$out" | value wall_s) proof_s=$proof"
        echo "$line" >> "$tsv"
        echo "   $s: status=$st first=$(echo "$out" | value first_s) obj=$incT gap=$(echo "$out" | value gap)" >&2
    done
}

# ---- the families ----

family_tight() {
    specs=
    for size in $(echo "$sizes" | tr ',' ' '); do
        for seed in $(echo "$seeds" | tr ',' ' '); do
            case $size in
            w[0-9]*) specs="$specs $size:--initiatives:${size#w}:--step:week:--periods:52:$seed" ;;
            [0-9]*) specs="$specs $size:--initiatives:$size:$seed" ;;
            *) echo "families.sh: bad size $size" >&2; exit 1 ;;
            esac
        done
    done
    for spec in $specs; do
        size=${spec%%:*}
        seed=${spec##*:}
        args=$(echo "${spec#*:}" | sed 's/:[^:]*$//' | tr ':' ' ')
        name=tight-$size-s$seed
        echo "== $name: gen --family tight $args --seed $seed ($tlim s per run)" >&2
        # shellcheck disable=SC2086
        "$BENCH_GEN" --family tight $args --seed "$seed" > "$work/$name.xml" || exit 1
        run_pair "$name" tight "$size" - - -
    done
}

# the PSPLIB groups of a set: --groups, or 1, 1+stride, ...
psplib_groups() {
    if [ -n "$groups" ]; then echo "$groups" | tr ',' ' '; return; fi
    case $1 in j120) n=60 ;; *) n=48 ;; esac
    g=1
    while [ $g -le $n ]; do printf '%s ' $g; g=$((g + stride)); done
}

family_psplib() {
    for set in $(echo "$sets" | tr ',' ' '); do
        dir=$ref/psplib-$set
        if [ ! -d "$dir" ]; then
            echo "families.sh: no $dir" >&2
            exit 1
        fi
        for g in $(psplib_groups "$set"); do
            sm=$dir/${set}${g}_1.sm
            inst=${set}${g}_1
            info=$("$BENCH_PSPLIB" "$sm" --horizon-offset -1 --info) || exit 1
            best=$(echo "$info" | value best)
            proven=$(echo "$info" | value proven)
            valid=$(echo "$info" | value valid)
            for mode in 1.1x tight opt-1 optimize; do
                case $mode in
                1.1x) opt="--horizon-factor 1.1" ;;
                tight) opt="--horizon-offset 0" ;;
                opt-1)
                    # only where no roadmap exists and the plan is valid
                    [ "$proven" = 1 ] && [ "$valid" = 1 ] || continue
                    opt="--horizon-offset -1" ;;
                optimize) opt="--optimize 1.5" ;;
                esac
                name=$inst-$mode
                # shellcheck disable=SC2086
                "$BENCH_PSPLIB" "$sm" $opt > "$work/$name.xml" || exit 1
                # shellcheck disable=SC2086
                P=$("$BENCH_PSPLIB" "$sm" $opt --info | value periods)
                echo "== $name: psplib $opt: $P periods, best known $best ($tlim s per run)" >&2
                run_pair "$name" psplib "$set" "$mode" "$best" "$P"
            done
        done
    done
}

family_knapsack() {
    files=$ref/orlib-mknap/mknap1.txt
    [ $full = 1 ] && files="$files $ref/orlib-mknap/mknap2.txt"
    for f in $files; do
        kind=$(basename "$f" .txt)
        count=$("$BENCH_MKNAP" "$f" --count) || exit 1
        k=1
        while [ $k -le "$count" ]; do
            info=$("$BENCH_MKNAP" "$f" --problem $k --info) || exit 1
            pname=$(echo "$info" | value problem)
            optv=$(echo "$info" | value opt)
            name=knap-$pname
            "$BENCH_MKNAP" "$f" --problem $k > "$work/$name.xml" || exit 1
            echo "== $name: $kind problem $k, optimum $optv ($tlim s per run)" >&2
            run_pair "$name" knapsack "$kind" - "$optv" 1
            k=$((k + 1))
        done
    done
}

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

load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
start=$(now)
if [ "${TABLE_ONLY:-0}" != 1 ]; then
    : > "$tsv"
    [ $family = all ] || [ $family = tight ] && family_tight
    [ $family = all ] || [ $family = psplib ] && family_psplib
    [ $family = all ] || [ $family = knapsack ] && family_knapsack
fi
end=$(now)
load1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ---- the tables ----
awk -v tlim="$tlim" -v t10="$t10" -v load0="$load0" -v load1="$load1" \
    -v rev="$rev" -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" \
    -v cpu="$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -1), $(nproc 2>/dev/null) cores" \
    -v elapsed="$(echo "$start $end" | awk '{ printf "%.0f", $2 - $1 }')" '
function kv(line, key,   n, i, a) {
    n = split(line, a, " ")
    for (i = 1; i <= n; i++)
        if (index(a[i], key "=") == 1) return substr(a[i], length(key) + 2)
    return "-"
}
function num(v) { return v != "-" && v != "" && v != "none" && v != "inf" && v != "nan" }
function pct(v) { return sprintf("%.1f%%", 100 * v) }
# sorts x[1..n] (numbers, "inf" as infinity)
function isort(x, n,   i, j, t) {
    for (i = 2; i <= n; i++) {
        t = x[i]
        for (j = i - 1; j >= 1 && big(x[j]) > big(t); j--) x[j + 1] = x[j]
        x[j + 1] = t
    }
}
function big(v) { return v == "inf" ? 1e308 : v + 0 }
function median(x, n) {
    if (n == 0) return "-"
    isort(x, n)
    return x[int((n + 1) / 2)]
}
function worst(x, n,   i, w) {
    if (n == 0) return "-"
    w = x[1]
    for (i = 2; i <= n; i++) if (big(x[i]) > big(w)) w = x[i]
    return w
}
function gapfmt(v) { return v == "-" ? "-" : (v == "inf" ? "inf" : sprintf("%.1f%%", v)) }
function secfmt(v) { return num(v) ? sprintf("%.2f", v) : "-" }
function objfmt(v) { return num(v) ? sprintf("%.10g", v == 0 ? 0 : v) : v }
# what the objective at a time is worth against the best known: a share of
# it (tight, knapsack), or the makespan over the best known (psplib
# optimize); "" without a roadmap
function score(l, inc,   fam, mode) {
    if (!num(inc)) return ""
    fam = kv(l, "family"); mode = kv(l, "mode")
    if (fam == "psplib" && mode == "optimize")
        return (kv(l, "periods") - 1 - inc) / kv(l, "known")
    if (fam == "tight") return best[kv(l, "plan")] > 0 ? inc / best[kv(l, "plan")] : ""
    if (fam == "knapsack") return inc / kv(l, "known")
    return ""
}
FNR == NR {
    # pass 1: the best roadmap of each plan in this run (tight)
    p = kv($0, "plan"); v = kv($0, "incT")
    if (num(v) && (!(p in best) || v + 0 > best[p])) best[p] = v + 0
    next
}
{
    fam = kv($0, "family"); set = kv($0, "set"); mode = kv($0, "mode")
    s = kv($0, "solver"); p = kv($0, "plan"); st = kv($0, "status")
    g = fam SUBSEP set SUBSEP mode
    if (!(g in seen)) { seen[g] = 1; order[++ng] = g }
    k = g SUBSEP s
    if (st == "invalid") { invalid[k]++; next }
    n[k]++
    L[k, n[k]] = $0
    st_count[k, st]++
    if (!((k, "st") in stl)) stl[k, "st"] = st
    else if (index(" " stl[k, "st"] " ", " " st " ") == 0) stl[k, "st"] = stl[k, "st"] " " st
    rows[fam, ++nrows[fam]] = $0
}
# one summary row: roadmaps at the three times, the score at each time
# (mean and worst), the final gap (median, worst), optimal, infeasible
function summary(k, label, with_score, with_gap,   i, l, r1, r10, rT, sc, c, a, m, w, out, t, gx, ng2, opt) {
    r1 = r10 = rT = 0; opt = 0; ng2 = 0
    for (t = 1; t <= 3; t++) { sum[t] = 0; cnt[t] = 0; wv[t] = "" }
    for (i = 1; i <= n[k]; i++) {
        l = L[k, i]
        if (num(kv(l, "inc1"))) r1++
        if (num(kv(l, "inc10"))) r10++
        if (num(kv(l, "incT"))) rT++
        if (kv(l, "status") == "optimal") opt++
        for (t = 1; t <= 3; t++) {
            sc = score(l, kv(l, t == 1 ? "inc1" : t == 2 ? "inc10" : "incT"))
            if (sc == "") continue
            sum[t] += sc; cnt[t]++
            # worst: the lowest share, the largest makespan ratio
            if (wv[t] == "" || (makespan ? sc > wv[t] : sc < wv[t])) wv[t] = sc
        }
        if (num(kv(l, "incT")) && kv(l, "gap") != "-" && kv(l, "gap") != "none")
            gx[++ng2] = kv(l, "gap")
    }
    out = sprintf("| %s | %d/%d | %d/%d | %d/%d |", label, r1, n[k], r10, n[k], rT, n[k])
    if (with_score)
        for (t = 1; t <= 3; t++)
            out = out (cnt[t] ? sprintf(" %s (%s) |", pct(sum[t] / cnt[t]), pct(wv[t])) : " - |")
    if (with_gap)
        out = out sprintf(" %s | %s | %d/%d |", gapfmt(median(gx, ng2)), gapfmt(worst(gx, ng2)), opt, n[k])
    return out " " stl[k, "st"] " |"
}
function head(with_score, with_gap, what,   h) {
    h = sprintf("| set | mode | plans | solver | roadmap at 1 s | at %s s | at %s s (end) |", t10, tlim)
    if (with_score) h = h sprintf(" %s at 1 s | at %s s | at %s s |", what, t10, tlim)
    if (with_gap) h = h sprintf(" gap at %s s, median | worst | proven optimal |", tlim)
    print h " statuses |"
    h = "|---|---|---|---|---|---|---|"
    if (with_score) h = h "---|---|---|"
    if (with_gap) h = h "---|---|---|"
    print h "---|"
}
function plans_of(g,   a, b) {
    a = n[g SUBSEP "opsalign"] + 0; b = invalid[g SUBSEP "opsalign"] + 0
    return b ? sprintf("%d (+%d invalid)", a, b) : a
}
function section(fam, title, note,   i, g, parts, ws, wg, what, s, k, any, mk) {
    any = 0
    for (i = 1; i <= ng; i++) { split(order[i], parts, SUBSEP); if (parts[1] == fam) any = 1 }
    if (!any) return
    printf "\n## %s\n\n%s\n\n", title, note
    # feasibility modes, opt-1 and the optimizing ones get their own tables
    for (pass = 1; pass <= 3; pass++) {
        printed = 0
        for (i = 1; i <= ng; i++) {
            g = order[i]; split(g, parts, SUBSEP)
            if (parts[1] != fam) continue
            mk = parts[3]
            if (pass == 1 && !(fam == "psplib" && (mk == "1.1x" || mk == "tight"))) continue
            if (pass == 2 && mk != "opt-1") continue
            if (pass == 3 && (mk == "1.1x" || mk == "tight" || mk == "opt-1")) continue
            if (!printed) {
                if (pass == 1) { head(0, 0, "") }
                else if (pass == 2) {
                    print "| set | mode | plans | solver | reported infeasible | time to say so, median (s) | max (s) | roadmap found (wrong) | statuses |"
                    print "|---|---|---|---|---|---|---|---|---|"
                } else {
                    makespan = fam == "psplib"
                    what = makespan ? "makespan / best known (worst)" : (fam == "tight" ? "objective / best of the run (worst)" : "objective / published optimum (worst)")
                    head(1, 1, what)
                }
                printed = 1
            }
            for (s = 1; s <= 2; s++) {
                solver = s == 1 ? "opsalign" : "cbc"
                k = g SUBSEP solver
                if (pass == 2) {
                    ni = 0; nt = 0; found = 0
                    for (j = 1; j <= n[k]; j++) {
                        l = L[k, j]
                        if (kv(l, "status") == "infeasible") { ni++; tt[++nt] = kv(l, "proof_s") }
                        if (num(kv(l, "incT"))) found++
                    }
                    printf "| %s | %s | %s | %s | %d/%d | %s | %s | %d | %s |\n", parts[2], mk, plans_of(g), solver, ni, n[k], secfmt(median(tt, nt)), secfmt(worst(tt, nt)), found, stl[k, "st"]
                } else {
                    line = summary(k, parts[2] " | " mk " | " plans_of(g) " | " solver, pass == 3, pass == 3)
                    print line
                }
            }
        }
        if (printed) print ""
    }
}
function details(fam,   i, l, last) {
    if (nrows[fam] == 0) return
    printf "<details><summary>%s: every run</summary>\n\n", fam
    printf "| plan | mode | solver | status | first roadmap (s) | objective at 1 s | at %s s | at %s s (end) | best known | gap | wall (s) |\n", t10, tlim
    print "|---|---|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= nrows[fam]; i++) {
        l = rows[fam, i]
        b = fam == "tight" ? (kv(l, "plan") in best ? objfmt(best[kv(l, "plan")]) : "-") : kv(l, "known")
        if (fam == "psplib") b = kv(l, "mode") == "optimize" ? sprintf("%d (makespan %d)", kv(l, "periods") - 1 - kv(l, "known"), kv(l, "known")) : sprintf("makespan %d, %d periods", kv(l, "known"), kv(l, "periods"))
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", kv(l, "plan"), kv(l, "mode"), kv(l, "solver"), kv(l, "status"), secfmt(kv(l, "first_s")), objfmt(kv(l, "inc1")), objfmt(kv(l, "inc10")), objfmt(kv(l, "incT")), b, num(kv(l, "incT")) ? gapfmt(kv(l, "gap")) : "-", secfmt(kv(l, "wall_s"))
    }
    print "\n</details>"
}
END {
    printf "# Benchmark families\n\n"
    printf "Run of %s on %s: library %s; %d s per run, runs one after the other; load average %s at the start, %s at the end; %s s in all.  benchmarks/families.sh wrote this file (its header says what each family is).\n\n", date, cpu, rev, tlim, load0, load1, elapsed
    printf "Each plan is solved by opsalign (`bench solve`: the library through its API, every roadmap checked by the oracle) and by CBC on `opsalign export --mps`.  \"roadmap at t s\": runs with a roadmap by then; the roadmap at %s s is the one the run ended with.  Shares and ratios are the mean over the runs with a roadmap at that time, the worst in brackets.  Gaps are GLPK'\''s (bound - incumbent) / |incumbent| at the end of the run, over the runs with a roadmap.\n", tlim
    section("tight", "tight: generated plans with hard mandatory work", "benchmarks/gen --family tight, seeds 1-3 (gen.c has the family): 200, 500, 2000 initiatives over 12 months, 500 over 52 weeks (w500).  A roadmap always exists.  The objective is measured against the best roadmap either solver found in this run.")
    section("psplib", "psplib: PSPLIB RCPSP instances", "benchmarks/psplib, instance _1 of each parameter group chosen.  1.1x and tight: every job mandatory, a horizon of 1.1 times the best known makespan and of exactly it (a roadmap exists).  opt-1: one period less than a proven optimum (no roadmap exists; only instances whose optimum is over the critical path, so the plan is valid); the time to say so is the library'\''s message in its log (its search of the forced work, or GLPK'\''s tree, before the least-deficit diagnosis) or the end of the run.  optimize: 1.5 times the best known, an end milestone earning 1 per period left: makespan = periods - 1 - objective, against the best known makespan (for j60 and j120 partly upper bounds, so a ratio below 100% would be a new best).")
    section("knapsack", "knapsack: OR-Library multidimensional knapsack", "benchmarks/mknap: a one-period plan per problem (a unit per constraint, an optional initiative per item); its optimum is the published one.")
    printf "\n"
    details("tight"); details("psplib"); details("knapsack")
}' "$tsv" "$tsv" > "$results.tmp" || exit 1
mv "$results.tmp" "$results"
cat "$results"
