#!/bin/sh
# Plans as workbooks from the command line: opsalign template and convert,
# and every command given a workbook or a folder of CSV files.  The
# workbooks are read back with Python's standard library
# (tests/xlsx_cells.py): the sheets, their cells, the drop-down lists.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ex="$TOP_SRCDIR/examples"
sheets="horizon resources objectives units capacity levers budget operating-plans run-work targets initiatives demands contributions dependencies effects loans people away"

# The template: a README, then every sheet in order, each the CSV file of
# the same name cell by cell; it solves as it stands.
"$OPSALIGN" template -o "$tmp/plan.xlsx"
t_check "template: exit 0" [ $? -eq 0 ]
"$OPSALIGN" template -o "$tmp/plan/"
t_check "template -o DIR/: exit 0" [ $? -eq 0 ]
python3 "$TOP_SRCDIR/tests/xlsx_cells.py" "$tmp/plan.xlsx" >"$tmp/cells"
t_check "template: README first, then the sheets in order" \
    [ "$(grep '^sheet ' "$tmp/cells" | tr '\n' ' ')" = "sheet README $(printf 'sheet %s ' $sheets)" ]
for s in $sheets; do
    t_check "template: $s.csv" [ -s "$tmp/plan/$s.csv" ]
    python3 "$TOP_SRCDIR/tests/xlsx_cells.py" "$tmp/plan.xlsx" --same-as "$tmp/plan/$s.csv" "$s" >"$tmp/same"
    t_check "template: sheet $s is $s.csv ($(cat "$tmp/same"))" grep -qx same "$tmp/same"
    t_check "template: $s has an example row" [ "$(wc -l <"$tmp/plan/$s.csv")" -ge 2 ]
done
t_check "template: the README explains a column" grep -q "README!C.*the unit whose budget pays for it" "$tmp/cells"
# drop-down lists: of the units' ids on the owner column, of the two levers
python3 - "$tmp/plan.xlsx" >"$tmp/dv" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if n.startswith("xl/worksheets/sheet"):
        for m in re.finditer(r'<dataValidation [^>]*sqref="([^"]*)"[^>]*>.*?<formula1>(.*?)</formula1>', z.read(n).decode(), re.S):
            print(n, m.group(1), m.group(2))
PY
t_check "template: owner picks from the units" grep -q 'sheet12.xml C2:C1048576 OFFSET(units!\$A\$2' "$tmp/dv"
t_check "template: lever picks overtime or contractors" grep -q 'sheet7.xml B2:B1048576 "overtime,contractors"' "$tmp/dv"
"$OPSALIGN" solve "$tmp/plan.xlsx" >"$tmp/out"
t_check "template: solves (exit 0)" [ $? -eq 0 ]
t_check "template: its optimum" grep -q "^Status: optimal. Objective 750,000 EUR, proven optimal." "$tmp/out"
"$OPSALIGN" solve "$tmp/plan" >"$tmp/out2"
t_check "template as CSV: the same answer" cmp -s "$tmp/out" "$tmp/out2"
"$OPSALIGN" check -v "$tmp/plan.xlsx" >"$tmp/out"
t_check "check: a valid workbook" grep -q "plan.xlsx: valid plan: 2 units, 3 initiatives, 12 periods" "$tmp/out"

# Every example to a workbook, to CSV files and back: the same XML, the
# same answer.
for f in "$ex"/*.xml; do
    b=$(basename "$f" .xml)
    "$OPSALIGN" convert "$f" "$tmp/$b.a.xml" &&
    "$OPSALIGN" convert "$f" "$tmp/$b.xlsx" &&
    "$OPSALIGN" convert "$tmp/$b.xlsx" "$tmp/$b.csv/" &&
    "$OPSALIGN" convert "$tmp/$b.csv" "$tmp/$b.b.xml"
    t_check "convert $b: xml -> xlsx -> csv -> xml exits 0" [ $? -eq 0 ]
    t_check "convert $b: the same plan" cmp -s "$tmp/$b.a.xml" "$tmp/$b.b.xml"
done
"$OPSALIGN" solve "$ex/small.xml" --work-limit 20000 -f xml | grep -v seconds >"$tmp/x1"
"$OPSALIGN" solve "$tmp/small.xlsx" --work-limit 20000 -f xml | grep -v seconds | sed 's|source="[^"]*"||' >"$tmp/x2"
sed -i 's|source="[^"]*"||' "$tmp/x1"
t_check "small.xlsx solves as small.xml" cmp -s "$tmp/x1" "$tmp/x2"

# -s: the plan after a scenario
cat >"$tmp/cut.s.xml" <<'XML'
<scenario version="1" name="cut"><budget total="1200000"/></scenario>
XML
"$OPSALIGN" convert "$ex/small.xml" "$tmp/cut.xlsx" -s "$tmp/cut.s.xml"
t_check "convert -s: exit 0" [ $? -eq 0 ]
"$OPSALIGN" convert "$tmp/cut.xlsx" "$tmp/cut.xml"
t_check "convert -s: the scenario's budget" grep -q '<budget total="1200000"' "$tmp/cut.xml"

# Mistakes: at the file, line and column, exit 1.
sed 's/^crm,\(.*\),engineering,/crm,\1,enginering,/' "$tmp/plan/initiatives.csv" >"$tmp/i.csv" && mv "$tmp/i.csv" "$tmp/plan/initiatives.csv"
"$OPSALIGN" solve "$tmp/plan" >/dev/null 2>"$tmp/err"
t_check "a unit typed wrong: exit 1" [ $? -eq 1 ]
t_check "a unit typed wrong: where, and the nearest" grep -qx "$tmp/plan/initiatives.csv:2: error: owner: unknown unit 'enginering' (did you mean 'engineering'?)" "$tmp/err"
"$OPSALIGN" convert "$ex/small.xml" "$tmp/small.ods" 2>"$tmp/err"
t_check "convert to .ods: a usage error" [ $? -eq 1 ]
t_check "convert to .ods: says which formats" grep -q "which format? (a name ending in .xml, .xlsx or /, or --format)" "$tmp/err"
"$OPSALIGN" convert "$ex/small.xml" "$tmp/small.ods" --format xlsx
t_check "convert --format xlsx: any name" [ $? -eq 0 ]
"$OPSALIGN" check "$tmp/small.ods" >/dev/null
t_check "a workbook by its content, whatever its name" [ $? -eq 0 ]
"$OPSALIGN" template 2>"$tmp/err"
t_check "template without -o: a usage error" [ $? -eq 1 ]
"$OPSALIGN" template -o /nonexistent/dir/plan.xlsx 2>"$tmp/err"
t_check "template to a folder that is not there: exit 5" [ $? -eq 5 ]
t_check "template to a folder that is not there: names it" grep -q "/nonexistent/dir/plan.xlsx" "$tmp/err"
printf 'not a workbook' >"$tmp/junk.xlsx"
"$OPSALIGN" convert "$tmp/junk.xlsx" "$tmp/junk.xml" 2>"$tmp/err"
t_check "a file that is not a plan: exit 1" [ $? -eq 1 ]
t_check "a file that is not a plan: nothing written" [ ! -e "$tmp/junk.xml" ]

t_done
