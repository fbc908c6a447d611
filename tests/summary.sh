#!/bin/sh
# Prints each test's Check summary line and the total, from the logs of
# a finished "make check" in build directory $1 (default: .).
# Ends with "N passed, N failed"; exits 1 if anything failed or no test ran.
dir=${1:-.}
total=0; failed=0; progs=0
for log in "$dir"/tests/*.log; do
    [ -f "$log" ] || continue
    line=$(grep -E '^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" | tail -n 1)
    name=$(basename "$log" .log)
    trs="${log%.log}.trs"
    result=$(sed -n 's/^:test-result: //p' "$trs" 2>/dev/null | head -n 1)
    if [ -z "$line" ]; then
        echo "$name: $result (no Check summary)"
        [ "$result" = "PASS" ] || [ "$result" = "SKIP" ] || failed=$((failed + 1))
        continue
    fi
    echo "$name: $line"
    n=$(echo "$line" | sed 's/.*Checks: \([0-9]*\),.*/\1/')
    f=$(echo "$line" | sed 's/.*Failures: \([0-9]*\),.*/\1/')
    e=$(echo "$line" | sed 's/.*Errors: \([0-9]*\).*/\1/')
    total=$((total + n)); failed=$((failed + f + e))
    # A program that died after its summary still fails.
    if [ "$result" != "PASS" ] && [ $((f + e)) -eq 0 ]; then failed=$((failed + 1)); fi
    progs=$((progs + 1))
done
if [ ! -f "$dir/tests/check_plan.log" ]; then
    # The build failed before the tests ran: that is a failure, not zero.
    echo "no test ran in $dir"
    failed=$((failed + 1))
fi
passed=$((total - failed))
[ $passed -lt 0 ] && passed=0
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
