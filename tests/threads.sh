#!/bin/sh
# explain -j 2 runs its re-solves in two threads: under helgrind, no race
# (GLPK's cover-cut generator keeps static state: the re-solves in threads
# leave it off, and a branch-and-bound that starts beside another does
# too).  On the realistic example, where GLPK's cuts are on by default.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
case "$TOP_BUILDDIR" in
*/sanitize) echo "SKIP: helgrind does not run AddressSanitizer builds"; exit 77 ;;
esac
t_have valgrind || { [ "$failures" -gt 0 ] && { t_done; exit 1; }; exit 77; }
"$TOP_BUILDDIR/libtool" --mode=execute valgrind --tool=helgrind \
    --error-exitcode=9 "$OPSALIGN" explain "$TOP_SRCDIR/examples/realistic.xml" \
    -j 2 --work-limit 3000 --bottlenecks 0 >"$tmp/out" 2>"$tmp/err"
st=$?
t_check "explain -j 2 under helgrind exits 0 ($st)" [ $st -eq 0 ]
t_check "helgrind finds no race" grep -q "ERROR SUMMARY: 0 errors" "$tmp/err"
t_check "the explanation was written" grep -q "^Rejected" "$tmp/out"
[ "$failures" -eq 0 ] || grep -A12 "Possible data race" "$tmp/err" | head -40
t_done
