#!/bin/sh
# Builds the fuzz targets with clang (libFuzzer, ASan, UBSan) and runs
# each for a while.  Usage (from the top of the tree, after a build in
# ./build, which ./quickstart fuzz does first):
#
#   sh fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 300); TARGETs among plan, api, scenario,
# result, xlsx (default all).  Work goes to build/fuzz-run: the binaries, a corpus per
# target seeded from examples/ and tests/data/, and any crash-* or
# timeout-* files libFuzzer writes.  A crash is reported with the input
# that caused it; copy it to fuzz/regress/TARGET/ once fixed so that the
# test suite replays it.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-300}
[ $# -gt 0 ] && shift
targets=${*:-plan api scenario result xlsx}
out=$top/build/fuzz-run
mkdir -p "$out"

[ -f "$top/build/config.h" ] || { echo "fuzz: build ./build first (./quickstart fuzz does)" >&2; exit 2; }

CC=${CC:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-g -O1 -fno-omit-frame-pointer $SAN -DFUZZ_SRCDIR=\"$top\""
INC="-I$top/build -I$top/include -I$top/build/include -I$top/lib -I$top/tests $(pkg-config --cflags libxml-2.0 xlsxwriter libzip)"
LIBS="$(pkg-config --libs libxml-2.0 xlsxwriter libzip) -lglpk -lm -lpthread"

# The library, once, instrumented for coverage.  An object is rebuilt
# when its source or any header is newer: a struct that changed in a
# header must not meet objects built with its old layout.
mkdir -p "$out/obj"
newest_h=$(ls -t "$top"/lib/*.h "$top"/include/opsalign/*.h \
               "$top"/include/*.h "$top/build/config.h" 2>/dev/null | head -n 1)
for src in "$top"/lib/*.c "$top"/build/lib/*_xsd.c; do
    obj=$out/obj/$(basename "$src" .c).o
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_h" -nt "$obj" ]; then
        # shellcheck disable=SC2086
        $CC $CFLAGS -fsanitize=fuzzer-no-link $INC -c "$src" -o "$obj"
    fi
done

# Tokens of the three schemas help libFuzzer find element and attribute
# names.
dict=$out/xml.dict
{
    for w in '<' '>' '/>' '</' '="' '"' '<?xml version="1.0"?>'; do
        printf '"%s"\n' "$(printf '%s' "$w" | sed 's/"/\\"/g')"
    done
    sed -n 's/.*name="\([A-Za-z_-]*\)".*/\1/p' "$top"/lib/schema/*.xsd | sort -u |
        while read -r n; do
            printf '"<%s"\n"</%s>"\n"%s=\\""\n' "$n" "$n" "$n"
        done
} > "$dict"

status=0
for t in $targets; do
    bin=$out/fuzz-$t
    # shellcheck disable=SC2086
    $CC $CFLAGS -fsanitize=fuzzer $INC "$top/fuzz/fuzz_$t.c" \
        "$top/tests/oracle.c" "$out"/obj/*.o \
        $LIBS -o "$bin"
    corpus=$out/corpus-$t
    mkdir -p "$corpus"
    case $t in
    plan)
        cp "$top"/examples/*.xml "$top"/tests/data/solve/*.xml \
           "$top"/tests/data/invalid/*.xml "$top"/tests/data/people/*.xml \
           "$corpus"/ 2>/dev/null || true ;;
    api)
        cp "$top"/fuzz/seeds/api/*.bin "$corpus"/ ;;
    scenario)
        cp "$top"/tests/data/scenario/*.xml "$top"/tests/data/replan/*.xml \
           "$corpus"/ 2>/dev/null || true ;;
    result)
        for p in "$top"/examples/small.xml "$top"/tests/data/solve/*.xml; do
            "$top"/build/tools/opsalign solve --format xml --time-limit 1 \
                "$p" > "$corpus/$(basename "$p" .xml).result.xml" 2>/dev/null || true
        done ;;
    xlsx)
        # the library's own workbooks: results (one infeasible) and a
        # comparison
        for p in "$top"/examples/small.xml "$top"/tests/data/solve/infeasible_budget.xml; do
            "$top"/build/tools/opsalign solve --format xlsx --time-limit 1 \
                -o "$corpus/$(basename "$p" .xml).xlsx" "$p" 2>/dev/null || true
        done
        printf '<scenario version="1"><budget scale="0.9"/></scenario>\n' >"$out/cut.xml"
        "$top"/build/tools/opsalign compare "$top"/examples/small.xml \
            -s "$out/cut.xml" -f xlsx -o "$corpus/compare.xlsx" 2>/dev/null || true
        # and plans: the template, the examples
        "$top"/build/tools/opsalign template -o "$corpus/template.xlsx" 2>/dev/null || true
        for p in "$top"/examples/*.xml; do
            "$top"/build/tools/opsalign convert "$p" \
                "$corpus/$(basename "$p" .xml).plan.xlsx" 2>/dev/null || true
        done ;;
    esac
    if [ -d "$top/fuzz/regress/$t" ]; then
        cp "$top/fuzz/regress/$t"/* "$corpus"/ 2>/dev/null || true
    fi
    echo "fuzz: $t for $secs s ($(ls "$corpus" | wc -l) seeds)"
    if ! (cd "$out" && "$bin" -max_total_time="$secs" -timeout=20 \
            -rss_limit_mb=2048 -max_len=65536 -dict="$dict" \
            -artifact_prefix="$out/$t-" -print_final_stats=1 \
            "$corpus" > "$out/$t.log" 2>&1); then
        status=1
        echo "fuzz: $t FAILED; see $out/$t.log"
        grep -E "^(==[0-9]+==ERROR|SUMMARY)|runtime error" "$out/$t.log" | head -5
        ls "$out/$t-"* 2>/dev/null
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/$t.log" |
        sed "s/^/fuzz: $t: /"
done
exit $status
