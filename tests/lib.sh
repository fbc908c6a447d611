# Shared by the shell tests: counting checks and reporting them in Check's
# summary format, so tests/summary.sh adds them up with the rest.
checks=0
failures=0
t_ok() { checks=$((checks + 1)); }
t_fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*"; }
t_check() { # t_check DESCRIPTION COMMAND...
    desc=$1; shift
    if "$@"; then t_ok; else t_fail "$desc"; fi
}
# t_have TOOL: 0 when TOOL is on the PATH.  When it is not, a packager's
# "make check" skips what needs it; the README's test command (which
# installs it) sets OA_TEST_REQUIRE_ALL=1, and then a missing tool fails.
t_have() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "${OA_TEST_REQUIRE_ALL:-0}" = 1 ]; then
        t_fail "$1 is not installed (./quickstart test installs it)"
    else
        echo "SKIP: $1 is not installed"
    fi
    return 1
}
t_done() {
    pct=100
    [ "$checks" -gt 0 ] && pct=$(( (checks - failures) * 100 / checks ))
    echo "$pct%: Checks: $checks, Failures: $failures, Errors: 0"
    [ "$failures" -eq 0 ] && [ "$checks" -gt 0 ]
}
