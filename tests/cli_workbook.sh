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
# (but for the line of how long it took)
t_check "template as CSV: the same answer" sh -c "grep -v '^Solved in' '$tmp/out' >'$tmp/o1'; grep -v '^Solved in' '$tmp/out2' >'$tmp/o2'; cmp -s '$tmp/o1' '$tmp/o2'"
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

# A spreadsheet program (LibreOffice, headless) opens the workbooks and
# saves them again, as an analyst filling them in would: what it writes
# (its own shared strings, styles, number formats, calculated formulas)
# reads as the same plan.
if t_have soffice; then
    resave() { # IN.xlsx OUTDIR: the workbook as LibreOffice saves it
        HOME="$tmp/lo" soffice --headless --norestore --calc \
            --convert-to xlsx --outdir "$2" "$1" >"$tmp/lo.log" 2>&1
    }
    resave "$tmp/plan.xlsx" "$tmp/re"
    t_check "LibreOffice saved the template" [ -s "$tmp/re/plan.xlsx" ]
    "$OPSALIGN" solve "$tmp/re/plan.xlsx" >"$tmp/out" 2>&1
    t_check "the template saved by LibreOffice solves to its optimum" grep -q "^Status: optimal. Objective 750,000 EUR, proven optimal." "$tmp/out"
    resave "$tmp/realistic.xlsx" "$tmp/re"
    "$OPSALIGN" convert "$tmp/re/realistic.xlsx" "$tmp/realistic.lo.xml"
    t_check "realistic.xlsx saved by LibreOffice: the same plan" cmp -s "$tmp/realistic.a.xml" "$tmp/realistic.lo.xml"
    # Formulas without values, as a program writes them, and a month typed
    # (a date cell): LibreOffice calculates them when it saves.
    python3 - "$tmp/plan.xlsx" "$tmp/typed.xlsx" <<'PY'
import sys, zipfile
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
def s(ref, t):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, t)
rows = [[s("A1", "id"), s("B1", "owner"), s("C1", "duration"),
         s("D1", "earliest"), s("E1", "value"), s("F1", "cost"),
         s("G1", "mandatory")],
        [s("A2", "crm"), s("B2", "engineering"), '<c r="C2"><v>4</v></c>',
         '<c r="E2"><f>200000*2</f></c>', '<c r="F2"><f>E2*0.3</f></c>',
         '<c r="G2" t="b"><v>1</v></c>'],
        [s("A3", "selfservice"), s("B3", "operations"),
         '<c r="C3"><v>3</v></c>', '<c r="E3"><v>250000</v></c>'],
        [s("A4", "chatbot"), s("B4", "operations"), '<c r="C4"><v>2</v></c>',
         '<c r="D4" s="1"><v>46447</v></c>', '<c r="E4"><f>100000+50000</f></c>']]
sheet = '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, "".join(
    '<row r="%d">%s</row>' % (i + 1, "".join(r)) for i, r in enumerate(rows)))
styles = ('<styleSheet %s><fonts count="1"><font/></fonts><fills count="1">'
          '<fill/></fills><borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2">'
          '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>' % NS)
zin, zout = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for n in zin.namelist():
    data = zin.read(n)
    if n == "xl/worksheets/sheet12.xml":
        data = sheet.encode()
    elif n == "xl/styles.xml":
        data = styles.encode()
    zout.writestr(n, data)
zout.close()
PY
    "$OPSALIGN" check "$tmp/typed.xlsx" 2>"$tmp/err"
    t_check "formulas never calculated: refused" grep -q "typed.xlsx:initiatives!E2: error: a formula in a workbook that was never calculated" "$tmp/err"
    resave "$tmp/typed.xlsx" "$tmp/re"
    "$OPSALIGN" convert "$tmp/re/typed.xlsx" "$tmp/typed.xml" 2>"$tmp/err"
    t_check "saved by LibreOffice: read (exit 0)" [ $? -eq 0 ]
    t_check "saved by LibreOffice: the formulas' values" grep -q '<initiative id="crm" owner="engineering" duration="4" value="400000" cost="120000" mandatory="true"' "$tmp/typed.xml"
    t_check "saved by LibreOffice: the date is its month" grep -q '<initiative id="chatbot" owner="operations" duration="2" earliest="2027-03" value="150000"' "$tmp/typed.xml"
fi

t_done
