#!/bin/sh
# The Python package (python/): its pytest suite, the example script a
# finance analyst would write, and the one-liner of the README, with the
# extension built here and the package staged in a temporary folder, run
# by the interpreter configure chose ($PYTHON).
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

if [ "${OA_PYTHON_STATUS:-}" = disabled ]; then
    # configure --disable-python (as the sanitizer build is: ASan in a
    # module the interpreter loads needs the interpreter built with it)
    echo "SKIP: the Python package is turned off (--disable-python)"
    exit 77
fi
if [ -z "${PYTHON:-}" ] || [ ! -f "$TOP_BUILDDIR/python/.libs/_opsalign.so" ]; then
    if [ "${OA_TEST_REQUIRE_ALL:-0}" = 1 ]; then
        t_fail "the Python package was not built (configure: python3-dev missing, or --disable-python)"
        t_done
        exit 1
    fi
    echo "SKIP: the Python package was not built"
    exit 77
fi

mkdir "$tmp/pkg" "$tmp/pkg/opsalign"
cp "$TOP_SRCDIR"/python/opsalign/*.py "$tmp/pkg/opsalign/"
cp "$TOP_BUILDDIR/python/.libs/_opsalign.so" "$tmp/pkg/opsalign/"
export PYTHONPATH="$tmp/pkg" LD_LIBRARY_PATH="$TOP_BUILDDIR/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PYTHONDONTWRITEBYTECODE=1

# The README's one-liner, from the top of the tree.
out=$(cd "$TOP_SRCDIR" && "$PYTHON" -c "import opsalign; print(opsalign.read_plan('examples/small.xml').solve().objective)" 2>&1)
t_check "import opsalign; read_plan('examples/small.xml').solve().objective is 1840000 (got: $out)" [ "$out" = "1840000.0" ]

# The pytest suite: every test counts as a check.
if "$PYTHON" -c "import pytest" 2>/dev/null; then
    (cd "$tmp" && "$PYTHON" -m pytest -q -p no:cacheprovider -rs \
        "$TOP_SRCDIR/python/tests") >"$tmp/pytest.out" 2>&1
    rc=$?
    tail -n 25 "$tmp/pytest.out"
    line=$(grep -E "^[0-9]+ (passed|failed)|^=+ .*(passed|failed)" "$tmp/pytest.out" | tail -n 1)
    passed=$(printf '%s' "$line" | grep -o '[0-9]* passed' | grep -o '[0-9]*')
    failed=$(printf '%s' "$line" | grep -o '[0-9]* failed' | grep -o '[0-9]*')
    checks=$((checks + ${passed:-0} + ${failed:-0}))
    failures=$((failures + ${failed:-0}))
    t_check "pytest: exit 0 (got $rc)" [ "$rc" -eq 0 ]
    t_check "pytest: at least 40 tests ran (got ${passed:-0} passed)" [ "${passed:-0}" -ge 40 ]
elif [ "${OA_TEST_REQUIRE_ALL:-0}" = 1 ]; then
    t_fail "pytest is not installed for $PYTHON (./quickstart test installs python3-pytest)"
else
    echo "SKIP: pytest is not installed for $PYTHON"
fi
if [ "${OA_TEST_REQUIRE_ALL:-0}" = 1 ]; then
    t_check "pandas is there for the DataFrame tests" "$PYTHON" -c "import pandas"
    t_check "matplotlib is there for the example's chart" "$PYTHON" -c "import matplotlib"
fi

# The example script, each solve held to 2 seconds.
(cd "$tmp" && "$PYTHON" "$TOP_SRCDIR/examples/whatif.py" --time-limit 2 --out "$tmp") >"$tmp/whatif.out" 2>&1
t_check "examples/whatif.py: exit 0" [ $? -eq 0 ]
t_check "examples/whatif.py: the base and three what-ifs" [ "$(grep -c -E '^(base|budget cut 10 %|engineering hiring freeze from July|SOC 2 mandatory by September) ' "$tmp/whatif.out")" -eq 4 ]
t_check "examples/whatif.py: five budgets of the frontier" [ "$(grep -c '^total budget ' "$tmp/whatif.out")" -eq 5 ]
if "$PYTHON" -c "import matplotlib" 2>/dev/null; then
    t_check "examples/whatif.py: the chart" [ -s "$tmp/frontier.png" ]
fi
cat "$tmp/whatif.out"

t_done
