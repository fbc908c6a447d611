#!/bin/sh
# opsalign check: exit codes, quiet success, compiler-style errors at the
# right line for every invalid plan of the corpus.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

ex="$TOP_SRCDIR/examples"
"$OPSALIGN" check "$ex/small.xml" "$ex/realistic.xml" >"$tmp/out" 2>"$tmp/err"
t_check "check accepts both examples" [ $? -eq 0 ]
t_check "check is quiet on valid plans" [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]
"$OPSALIGN" check -v "$ex/small.xml" >"$tmp/out" 2>&1
t_check "check -v says the plan is valid" grep -q "small.xml: valid plan" "$tmp/out"

for x in "$TOP_SRCDIR"/tests/data/invalid/*.xml; do
    [ -f "$x" ] || { t_fail "no invalid-plan corpus"; continue; }
    name=$(basename "$x" .xml)
    "$OPSALIGN" check "$x" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    t_check "$name: exit 1 (got $rc)" [ $rc -eq 1 ]
    want=$(grep -v '^#' "${x%.xml}.expect" | head -n 1 | cut -f 1)
    first=$(head -n 1 "$tmp/err")
    if [ "$want" = "-1" ]; then
        pattern="^$x: error: "
    else
        pattern="^$x:$want: error: "
    fi
    if printf '%s\n' "$first" | grep -q -- "$pattern"; then t_ok; else
        t_fail "$name: first error '$first' not at line $want"; fi
    # Every line is compiler style.
    if grep -v -q "^$x:[0-9]*:* error: " "$tmp/err"; then
        t_fail "$name: a line is not 'FILE:LINE: error: MESSAGE'"; else t_ok; fi
done

# Several files: one bad one makes the exit 1, and each is reported.
"$OPSALIGN" check "$ex/small.xml" "$TOP_SRCDIR/tests/data/invalid/"*.xml >/dev/null 2>"$tmp/err"
t_check "mixed files exit 1" [ $? -eq 1 ]

# A gzip-compressed plan is not silently decompressed.
gzip -c "$ex/small.xml" >"$tmp/small.xml.gz"
"$OPSALIGN" check "$tmp/small.xml.gz" 2>"$tmp/err"
t_check "gzip is rejected" [ $? -eq 1 ]
t_check "gzip error names the file" grep -q "small.xml.gz:" "$tmp/err"

"$OPSALIGN" check /nonexistent.xml 2>"$tmp/err"
t_check "missing file exits 1" [ $? -eq 1 ]
t_check "missing file error" grep -q "^/nonexistent.xml: error: cannot open" "$tmp/err"
"$OPSALIGN" check 2>/dev/null
t_check "no file is a usage error" [ $? -eq 1 ]
"$OPSALIGN" check --bogus "$ex/small.xml" 2>/dev/null
t_check "unknown option is a usage error" [ $? -eq 1 ]
"$OPSALIGN" frobnicate 2>/dev/null
t_check "unknown command exits 1" [ $? -eq 1 ]
"$OPSALIGN" version >"$tmp/out"
t_check "version prints" grep -q "^opsalign [0-9]" "$tmp/out"
# UTF-16 plans (with and without a byte-order mark) report the line of
# the error as their UTF-8 original does.
sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$TOP_SRCDIR/examples/realistic.xml" >"$tmp/u8.xml"
ln=$(grep -n 'unit="engineering"' "$tmp/u8.xml" | tail -n 1 | cut -d: -f1)
sed -i "${ln}s/unit=\"engineering\"/unit=\"enginering\"/" "$tmp/u8.xml"
for enc in UTF-16 UTF-16BE UTF-16LE; do
    iconv -f UTF-8 -t $enc "$tmp/u8.xml" >"$tmp/u16.xml"
    "$OPSALIGN" check "$tmp/u16.xml" 2>"$tmp/u16.err"
    t_check "$enc: the error is on line $ln" grep -q "u16.xml:$ln: error: .*unknown unit 'enginering'" "$tmp/u16.err"
done
# A control character given as a character reference is an error with
# its line (it would break every text and CSV written from the name).
printf '<?xml version="1.0"?>\n<plan version="1" name="a&#10;b">\n<horizon start="2027-01" step="month" periods="2"/>\n</plan>\n' >"$tmp/ctl.xml"
"$OPSALIGN" check "$tmp/ctl.xml" 2>"$tmp/ctl.err"
t_check "a line break in a name is refused" [ $? -eq 1 ]
t_check "... at its line" grep -q "ctl.xml:2: error: <plan>: attribute 'name' holds a control character" "$tmp/ctl.err"
t_done
