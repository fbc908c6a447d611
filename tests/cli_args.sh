#!/bin/sh
# The command line's conventions (tools/args.c): getopt_long forms, --help
# and help COMMAND for every command, --version, usage errors that name
# the command and the option, and "did you mean" for misspelt options,
# commands and ids.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ex="$TOP_SRCDIR/examples"

# Every command has a help of its own, from --help and from help COMMAND.
"$OPSALIGN" --help >"$tmp/usage"
t_check "--help: exit 0" [ $? -eq 0 ]
cmds=$(sed -n 's/^  \([a-z]*\)  .*/\1/p' "$tmp/usage")
t_check "--help lists 15 commands" [ "$(printf '%s\n' $cmds | wc -l)" -eq 15 ]
for c in $cmds; do
    "$OPSALIGN" "$c" --help >"$tmp/h1" 2>"$tmp/err"
    t_check "$c --help: exit 0" [ $? -eq 0 ]
    t_check "$c --help: its usage line" grep -q "^usage: opsalign $c" "$tmp/h1"
    t_check "$c --help: its options" grep -q "^  -h, --help " "$tmp/h1"
    t_check "$c --help: nothing on stderr" [ ! -s "$tmp/err" ]
    "$OPSALIGN" help "$c" >"$tmp/h2"
    t_check "help $c: the same text" cmp -s "$tmp/h1" "$tmp/h2"
    "$OPSALIGN" "$c" -h >"$tmp/h3"
    t_check "$c -h: the same text" cmp -s "$tmp/h1" "$tmp/h3"
done
"$OPSALIGN" --version >"$tmp/v"
t_check "--version: exit 0" [ $? -eq 0 ]
t_check "--version: the version" grep -Eq '^opsalign [0-9]+\.[0-9]+\.[0-9]+ \(library [0-9.]+\)$' "$tmp/v"
"$OPSALIGN" version >"$tmp/v2"
t_check "version: the same" cmp -s "$tmp/v" "$tmp/v2"

# getopt_long forms: --opt=value, -fxml, -j2, -- before operands.
"$OPSALIGN" solve --format=xml --time-limit=30 "$ex/small.xml" >"$tmp/a.xml"
t_check "--opt=value: exit 0" [ $? -eq 0 ]
t_check "--opt=value: XML" grep -q 'objective="1840000"' "$tmp/a.xml"
"$OPSALIGN" solve -fxml -o "$tmp/b.xml" "$ex/small.xml"
t_check "-fxml: the same optimum" grep -q 'objective="1840000"' "$tmp/b.xml"
"$OPSALIGN" solve --form xml "$ex/small.xml" >"$tmp/c.xml"
t_check "a unique prefix (--form) is the option" grep -q 'objective="1840000"' "$tmp/c.xml"
printf '<scenario version="1"><budget scale="0.9"/></scenario>\n' >"$tmp/cut.xml"
"$OPSALIGN" batch -j2 -o "$tmp/batch" "$ex/small.xml" "$tmp/cut.xml" >/dev/null 2>&1
t_check "-j2: the batch ran" [ -f "$tmp/batch/summary.csv" ]
cp "$ex/small.xml" "$tmp/-small.xml"
(cd "$tmp" && "$OPSALIGN" check -- -small.xml)
t_check "--: an operand that starts with -" [ $? -eq 0 ]
"$OPSALIGN" export --lp "$ex/small.xml" "$tmp/m.lp"
t_check "options before operands" [ -s "$tmp/m.lp" ]

# Usage errors name the command and the option; exit 1.
usage_err() { # DESCRIPTION EXPECTED-TEXT ARGS...
    d=$1 want=$2
    shift 2
    "$OPSALIGN" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    t_check "$d: exit 1 (got $rc)" [ $rc -eq 1 ]
    t_check "$d: says '$want'" grep -qF -- "$want" "$tmp/err"
    t_check "$d: nothing on stdout" [ ! -s "$tmp/out" ]
}
usage_err "misspelt option" "opsalign solve: unknown option '--time-limt' (did you mean '--time-limit'?)" solve "$ex/small.xml" --time-limt=3
usage_err "misspelt command" "opsalign: unknown command 'slove' (did you mean 'solve'?)" slove "$ex/small.xml"
"$OPSALIGN" solve "$ex/small.xml" --time-limit=-1 >"$tmp/out" 2>"$tmp/err"
t_check "a negative limit: exit 1" [ $? -eq 1 ]
t_check "a negative limit: the range" grep -qF "opsalign: --time-limit: '-1' is not a number from 0 to 1e+12" "$tmp/err"
"$OPSALIGN" solve "$ex/small.xml" -f xml -o "$tmp/base.xml" && "$OPSALIGN" solve "$ex/small.xml" --baseline "$tmp/base.xml" --stability 5e11 >/dev/null
t_check "a price as large as the plan's (5e11)" [ $? -eq 0 ]
usage_err "ambiguous prefix" "opsalign solve: option '--no' is ambiguous (--no-heuristic, --no-cuts, --no-lns)" solve "$ex/small.xml" --no
usage_err "unknown short option" "opsalign compare: unknown option '-x'" compare -x "$ex/small.xml"
usage_err "missing value" "opsalign solve: option '--time-limit' needs a value (SEC)" solve "$ex/small.xml" --time-limit
usage_err "bad value" "opsalign solve: --format takes text, xml, csv or xlsx, not 'json'" solve "$ex/small.xml" --format json
usage_err "a format the command does not write" "opsalign explain: --format takes text or xml, not 'csv'" explain "$ex/small.xml" --format csv
usage_err "-j 0" "opsalign batch: --jobs takes a whole number from 1 to 256, not '0'" batch "$ex/small.xml" -o "$tmp/b0" -j 0
usage_err "no plan" "opsalign solve: no plan to solve" solve
usage_err "two plans" "opsalign solve: one plan at a time" solve "$ex/small.xml" "$ex/small.xml"
usage_err "sweep of a misspelt unit" "opsalign sweep: --capacity: unknown unit 'enginering' (did you mean 'engineering'?)" sweep "$ex/realistic.xml" --capacity enginering:fte:0:10:2
usage_err "sweep of a misspelt resource" "unknown resource 'ftee' (did you mean 'fte'?)" sweep "$ex/realistic.xml" --capacity engineering:ftee:0:10:2
t_check "usage errors point at --help" grep -q "Try 'opsalign sweep --help'" "$tmp/err"

# check: an unknown id with the nearest one there is.
printf '<scenario version="1">\n  <capacity unit="enginering" resource="fte" value="3"/>\n</scenario>\n' >"$tmp/typo.xml"
"$OPSALIGN" check "$ex/realistic.xml" "$tmp/typo.xml" 2>"$tmp/err"
t_check "check: a misspelt unit is exit 1" [ $? -eq 1 ]
t_check "check: did you mean, at the line" grep -qF "typo.xml:2: error: <capacity>: unknown unit 'enginering' (did you mean 'engineering'?)" "$tmp/err"
"$OPSALIGN" check "$TOP_SRCDIR/tests/data/invalid/capacity_unknown_resource.xml" 2>"$tmp/err"
t_check "check: a misspelt resource in a plan" grep -qF "unknown resource 'ftee' (did you mean 'fte'?)" "$tmp/err"
t_done
