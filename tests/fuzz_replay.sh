#!/bin/sh
# The fuzz targets (fuzz/README.md) replayed on inputs without libFuzzer:
# every input that once crashed (fuzz/regress/TARGET/), and the seeds the
# fuzzer starts from.  Each must end cleanly: exit 0, no sanitizer report
# (the sanitizer build runs this too).
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# replay TARGET FILE...: one check for the whole set; on failure the
# inputs are tried one by one to name the one that fails.
replay() {
    t=$1; shift
    bin=$TOP_BUILDDIR/fuzz/replay_$t
    if "$bin" "$@" >"$tmp/out" 2>&1 && ! grep -q -E "ERROR: AddressSanitizer|runtime error|LeakSanitizer" "$tmp/out"; then
        t_ok
        return
    fi
    for f in "$@"; do
        if ! "$bin" "$f" >"$tmp/one" 2>&1 ||
            grep -q -E "ERROR: AddressSanitizer|runtime error|LeakSanitizer" "$tmp/one"; then
            echo "--- $t: $f"
            head -n 20 "$tmp/one"
        fi
    done
    t_fail "$t: $# inputs replayed"
}

# Regression inputs, each target's own.
for t in plan api result scenario xlsx; do
    set -- "$TOP_SRCDIR"/fuzz/regress/$t/*
    [ -e "$1" ] && replay "$t" "$@"
done

# Seeds: the examples and the invalid plans of the test data (read,
# validated and, when valid, solved for a moment), the scenarios, and
# results written by the CLI.
replay plan "$TOP_SRCDIR"/examples/*.xml "$TOP_SRCDIR"/tests/data/invalid/*.xml
replay scenario "$TOP_SRCDIR"/tests/data/scenario/*.xml
for p in small realistic; do
    "$OPSALIGN" solve --format xml --time-limit 2 "$TOP_SRCDIR/examples/$p.xml" \
        >"$tmp/$p.result.xml" 2>/dev/null
done
t_check "results written for the result seeds" test -s "$tmp/small.result.xml"
replay result "$tmp"/*.result.xml
# Workbooks the CLI writes (a result, a comparison) and bytes that are no
# workbook.
"$OPSALIGN" solve --format xlsx --time-limit 2 -o "$tmp/small.xlsx" "$TOP_SRCDIR/examples/small.xml" 2>/dev/null
printf '<scenario version="1"><budget scale="0.9"/></scenario>\n' >"$tmp/cut.xml"
"$OPSALIGN" compare "$TOP_SRCDIR/examples/small.xml" -s "$tmp/cut.xml" -f xlsx -o "$tmp/compare.xlsx" 2>/dev/null
t_check "workbooks written for the xlsx seeds" test -s "$tmp/compare.xlsx"
head -c 3000 "$tmp/small.xlsx" >"$tmp/cut-short.xlsx"
# and plans as workbooks: the template, and every example converted
"$OPSALIGN" template -o "$tmp/template.xlsx"
for p in "$TOP_SRCDIR"/examples/*.xml; do
    "$OPSALIGN" convert "$p" "$tmp/$(basename "$p" .xml).plan.xlsx"
done
t_check "plan workbooks written for the xlsx seeds" test -s "$tmp/realistic.plan.xlsx"
replay xlsx "$tmp"/*.xlsx "$TOP_SRCDIR/examples/small.xml"

# The API target's seed builds the plan described in fuzz/seeds/api/README.md
# through the API and reaches the solver: two initiatives worth 10 that
# need 14 of a capacity of 22 cannot overlap but fit one after the other.
replay api "$TOP_SRCDIR"/fuzz/seeds/api/*.bin
out=$(FUZZ_VERBOSE=1 "$TOP_BUILDDIR/fuzz/replay_api" "$TOP_SRCDIR/fuzz/seeds/api/small.bin" 2>&1)
t_check "API seed solved to its optimum (got: $out)" \
    [ "$out" = "optimal 20
1 input(s) replayed" ]
t_check "a missing input is an error" \
    sh -c '! "$1" /nonexistent/input >/dev/null 2>&1' sh "$TOP_BUILDDIR/fuzz/replay_plan"

# The replay itself reports what it ran.
out=$("$TOP_BUILDDIR/fuzz/replay_plan" "$TOP_SRCDIR/examples/small.xml" 2>&1)
t_check "replay counts its inputs" [ "$out" = "1 input(s) replayed" ]
t_done
