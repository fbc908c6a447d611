#!/bin/sh
# Results for spreadsheets: --format csv -o DIR/ (one table per file) and
# --format xlsx -o FILE (a workbook), read back with Python's standard
# library (tests/xlsx_cells.py); a single -o FILE.csv keeps its form.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ex="$TOP_SRCDIR/examples"
cells() { python3 "$TOP_SRCDIR/tests/xlsx_cells.py" "$1"; }

# A folder of tables.
"$OPSALIGN" solve "$ex/small.xml" --format csv -o "$tmp/tables/"
t_check "csv folder: exit 0" [ $? -eq 0 ]
for f in summary terms roadmap left-out loads levers spend bottlenecks; do
    t_check "csv folder: $f.csv" [ -s "$tmp/tables/$f.csv" ]
done
t_check "csv folder: no deficits of a plan that fits" [ ! -e "$tmp/tables/deficits.csv" ]
t_check "roadmap.csv: its header" [ "$(head -n 1 "$tmp/tables/roadmap.csv")" = "initiative,name,owner,status,start,start_label,finish,finish_label,delay,fraction,value,cost,mandatory,plan_value,benefit,score" ]
n_ini=$(grep -c '<initiative ' "$ex/small.xml")
t_check "roadmap.csv: a row per initiative ($n_ini)" [ "$(($(wc -l <"$tmp/tables/roadmap.csv") - 1))" -eq "$n_ini" ]
t_check "terms.csv: the objective, the sum of the terms" grep -qx "objective,1840000" "$tmp/tables/terms.csv"
t_check "summary.csv: optimal" grep -qx "status,optimal" "$tmp/tables/summary.csv"
t_check "spend.csv: the total first" grep -q "^total,,1,2027-01,12,2027-12," "$tmp/tables/spend.csv"
t_check "spend.csv: every period" [ "$(grep -c '^period,' "$tmp/tables/spend.csv")" -eq 12 ]
# An existing folder without the slash is a folder too.
mkdir "$tmp/t2"
"$OPSALIGN" solve "$ex/small.xml" -f csv -o "$tmp/t2" && t_check "an existing folder" [ -s "$tmp/t2/loads.csv" ]
# A single file keeps today's form: roadmap, then loads, in one file.
"$OPSALIGN" solve "$ex/small.xml" -f csv -o "$tmp/one.csv"
t_check "one .csv file: today's form" [ "$(head -n 1 "$tmp/one.csv")" = "initiative,name,owner,status,start,start_label,finish,finish_label,delay,fraction,value,cost,mandatory,plan_value,benefit,score" ]
t_check "one .csv file: the loads in it" grep -q "^unit,resource,period,period_label,capacity" "$tmp/one.csv"
# An infeasible plan: its deficits.
"$OPSALIGN" solve "$TOP_SRCDIR/tests/data/solve/infeasible_budget.xml" -f csv -o "$tmp/inf/" 2>/dev/null
t_check "infeasible: deficits.csv" [ -s "$tmp/inf/deficits.csv" ]

# A workbook.
if t_have python3; then
    "$OPSALIGN" solve "$ex/realistic.xml" --work-limit 3000 --format xlsx -o "$tmp/r.xlsx"
    t_check "xlsx: exit 0" [ $? -eq 0 ]
    cells "$tmp/r.xlsx" >"$tmp/cells" 2>"$tmp/err"
    t_check "xlsx: Python's zipfile reads it" [ $? -eq 0 ] && [ ! -s "$tmp/err" ]
    t_check "xlsx: the sheets in order" [ "$(grep '^sheet ' "$tmp/cells" | tr '\n' ' ')" = "sheet README sheet summary sheet terms sheet roadmap sheet left-out sheet loads sheet levers sheet spend sheet bottlenecks " ]
    "$OPSALIGN" solve "$ex/realistic.xml" --work-limit 3000 --format csv -o "$tmp/rt/"
    obj=$(grep '^objective,' "$tmp/rt/terms.csv" | cut -d, -f2)
    t_check "xlsx: the objective of the CSV ($obj)" grep -qx "summary!B4	$obj" "$tmp/cells"
    rows=$(($(wc -l <"$tmp/rt/roadmap.csv")))
    t_check "xlsx: roadmap rows as in the CSV" grep -q "^roadmap!A$rows	" "$tmp/cells"
    t_check "xlsx: ...and no more" [ -z "$(grep "^roadmap!A$((rows + 1))	" "$tmp/cells")" ]
    first=$(sed -n 2p "$tmp/rt/roadmap.csv" | cut -d, -f1)
    t_check "xlsx: the first initiative ($first)" grep -qx "roadmap!A2	$first" "$tmp/cells"
    t_check "xlsx: utilization coloured" grep -q "^format loads!N2:N[0-9]* colorScale$" "$tmp/cells"
    t_check "xlsx: the README says what utilization means" grep -q "^README!C[0-9]*	the share of capacity the work takes$" "$tmp/cells"
    # Every sheet holds its CSV file, cell by cell.
    for f in "$tmp"/rt/*.csv; do
        name=$(basename "$f" .csv)
        python3 "$TOP_SRCDIR/tests/xlsx_cells.py" "$tmp/r.xlsx" --same-as "$f" "$name" >"$tmp/same"
        t_check "xlsx: the sheet $name is $name.csv ($(cat "$tmp/same"))" [ "$(cat "$tmp/same")" = same ]
    done
    # Comparisons and batch summaries: the CSV's tables as sheets.
    printf '<scenario version="1"><budget scale="0.9"/></scenario>\n' >"$tmp/cut.xml"
    "$OPSALIGN" compare "$ex/small.xml" -s "$tmp/cut.xml" -f csv -o "$tmp/cmp.csv"
    "$OPSALIGN" compare "$ex/small.xml" -s "$tmp/cut.xml" -f xlsx -o "$tmp/cmp.xlsx"
    t_check "compare --format xlsx: exit 0" [ $? -eq 0 ]
    python3 "$TOP_SRCDIR/tests/xlsx_cells.py" "$tmp/cmp.xlsx" --same-as "$tmp/cmp.csv" comparison changes >"$tmp/same"
    t_check "compare: the workbook holds the CSV ($(cat "$tmp/same"))" [ "$(cat "$tmp/same")" = same ]
    "$OPSALIGN" batch "$ex/small.xml" "$tmp/cut.xml" -o "$tmp/batch" >/dev/null 2>&1
    t_check "batch: summary.xlsx" [ -s "$tmp/batch/summary.xlsx" ]
    python3 "$TOP_SRCDIR/tests/xlsx_cells.py" "$tmp/batch/summary.xlsx" --same-as "$tmp/batch/summary.csv" comparison changes >"$tmp/same"
    t_check "batch: summary.xlsx holds summary.csv ($(cat "$tmp/same"))" [ "$(cat "$tmp/same")" = same ]
fi
"$OPSALIGN" solve "$ex/small.xml" --format xlsx >"$tmp/out" 2>"$tmp/err"
t_check "xlsx without -o: exit 1" [ $? -eq 1 ]
t_check "xlsx without -o: says why" grep -q "a workbook goes to a file" "$tmp/err"
t_done
