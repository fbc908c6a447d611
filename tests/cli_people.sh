#!/bin/sh
# opsalign people: each person's plan (tests/data/people/roster.xml, see
# its comment and check_people.c), one person, CSV and XML, bad input.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
plan="$TOP_SRCDIR/tests/data/people/roster.xml"

"$OPSALIGN" people "$plan" >"$tmp/text"
t_check "people exits 0" [ $? -eq 0 ]
t_check "ann carries X in 2027-02" grep -q "^  2027-02  X 0.40, ops 0.40, development 0.20 .* total 1.00$" "$tmp/text"
t_check "uncovered sales work is reported" grep -q "sales/fte 2027-01: 0.50" "$tmp/text"
long=$(awk 'length > 100' "$tmp/text" | wc -l)
t_check "fits 100 columns" [ "$long" -eq 0 ]
"$OPSALIGN" people "$plan" --person bob >"$tmp/bob"
t_check "one person" grep -q "Y 0.30" "$tmp/bob"
t_check "only that person" sh -c "! grep -q '^ann' '$tmp/bob'"
"$OPSALIGN" people "$plan" --format csv >"$tmp/csv"
t_check "csv" grep -q "^bob,1,2027-01,initiative,Y,0.3$" "$tmp/csv"
"$OPSALIGN" people "$plan" --format xml >"$tmp/xml"
t_check "xml" grep -q '<assignment period="1" period-label="2027-01" initiative="Y" amount="0.3"/>' "$tmp/xml"
"$OPSALIGN" people "$plan" --person zoe >/dev/null 2>"$tmp/err"
t_check "unknown person exits 1" [ $? -eq 1 ]
t_check "and names it" grep -q "no person 'zoe'" "$tmp/err"
"$OPSALIGN" people "$TOP_SRCDIR/tests/data/solve/infeasible_mandatory.xml" >/dev/null 2>&1
t_check "no roadmap exits 2" [ $? -eq 2 ]
# brief: eng's page, line by line against the one checked by hand
# (tests/data/people/roster-eng.brief; the plan's comment derives it)
"$OPSALIGN" brief "$plan" --unit eng >"$tmp/brief"
t_check "brief exits 0" [ $? -eq 0 ]
if diff "$TOP_SRCDIR/tests/data/people/roster-eng.brief" "$tmp/brief" >"$tmp/diff"; then
    t_ok
else
    t_fail "brief differs: $(cat "$tmp/diff")"
fi
"$OPSALIGN" brief "$plan" --unit eng --format xml >"$tmp/brief.xml"
t_check "brief xml: X is ours" grep -q '<initiative initiative="X" start="1" finish="2" our-fte-periods="0.8"/>' "$tmp/brief.xml"
t_check "brief xml: Y depends on us" grep -q '<depends-on-us initiative="Y" owner="sales"' "$tmp/brief.xml"
"$OPSALIGN" brief "$plan" --unit legal >/dev/null 2>"$tmp/err"
t_check "brief: unknown unit exits 1" [ $? -eq 1 ]
t_check "and names it" grep -q "no unit 'legal'" "$tmp/err"
# -o writes atomically; a failed run leaves the old file as it was
"$OPSALIGN" people "$plan" --format csv -o "$tmp/p.csv"
t_check "people -o" cmp -s "$tmp/p.csv" "$tmp/csv"
"$OPSALIGN" brief "$plan" --unit eng -o "$tmp/b.txt"
t_check "brief -o" cmp -s "$tmp/b.txt" "$TOP_SRCDIR/tests/data/people/roster-eng.brief"
echo old >"$tmp/keep"
"$OPSALIGN" brief "$plan" --unit legal -o "$tmp/keep" >/dev/null 2>&1
t_check "a failed brief keeps the old file" [ "$(cat "$tmp/keep")" = old ]
# Text cut to a buffer or a column is never cut inside a character: names
# of 300 three-byte characters (and one and two ASCII bytes before them,
# so that every cut lands on every byte of a character somewhere).
l3=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "\342\234\223" }')
sed "s/name=\"roster\"/name=\"a$l3\"/; s/<unit id=\"eng\"\/>/<unit id=\"eng\" name=\"$l3\"\/>/; s/name=\"ops\"/name=\"ab$l3\"/; s/<initiative id=\"X\"/<initiative id=\"X\" name=\"a$l3\"/; s/<initiative id=\"Y\"/<initiative id=\"Y\" name=\"ab$l3\"/" "$plan" >"$tmp/long.xml"
"$OPSALIGN" brief "$tmp/long.xml" --unit eng >"$tmp/long.brief"
t_check "brief of long names exits 0" [ $? -eq 0 ]
"$OPSALIGN" brief "$tmp/long.xml" --unit sales >"$tmp/long2.brief"
"$OPSALIGN" people "$tmp/long.xml" >"$tmp/long.people"
t_check "people of long names exits 0" [ $? -eq 0 ]
for f in long.brief long2.brief long.people; do
    t_check "$f is valid UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 '$tmp/$f' >/dev/null 2>&1"
done
t_done
