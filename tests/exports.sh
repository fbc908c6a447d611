#!/bin/sh
# The shared library exports exactly the functions the public headers
# declare with OA_API: nothing internal leaks, nothing documented is
# missing.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
so="$TOP_BUILDDIR/lib/.libs/libopsalign.so"
if [ ! -f "$so" ]; then
    echo "SKIP: no shared library"; exit 77
fi
${NM:-nm} -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ {print $3}' |
    sed 's/@.*//' | sort -u >"$tmp/exported"
# Declarations: "OA_API [OA_WARN_UNUSED] type [*]name(" possibly over lines.
grep -h -v "^#" "$TOP_SRCDIR"/include/opsalign/*.h | tr '\n' ' ' |
    grep -o 'OA_API[^;(]*(' | sed 's/($//; s/.*[ *]//' | sort -u >"$tmp/documented"
t_check "headers declare functions" [ -s "$tmp/documented" ]
if diff "$tmp/documented" "$tmp/exported" >"$tmp/diff"; then t_ok; else
    t_fail "exported symbols differ from the headers:"; cat "$tmp/diff"; fi
if grep -q -v '^oa_' "$tmp/exported"; then
    t_fail "non-oa_ symbols exported"; grep -v '^oa_' "$tmp/exported"; else t_ok; fi
t_done
