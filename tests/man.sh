#!/bin/sh
# The manual pages (doc/man): each renders without a warning and has a NAME
# that lexgrog parses; opsalign(1) has a subsection for every command of
# "opsalign --help" whose option list is exactly what "opsalign CMD --help"
# prints; the commands of the EXAMPLES of opsalign(1) and opsalign-plan(5)
# run, exit as the pages say and print what the pages show; and the program
# of the EXAMPLE of libopsalign(3) compiles against the library and prints
# the optimum of examples/small.xml.  The conventions the pages follow are
# in the comment at the top of doc/man/opsalign.1.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mandir="$TOP_SRCDIR/doc/man"
pages="opsalign.1 opsalign-plan.5 libopsalign.3"

for p in $pages; do
    t_check "$p exists" [ -f "$mandir/$p" ]
done

# ---- a. Each page renders without a warning; lexgrog finds its NAME. ----

# man's "all" is groff's -wall, which leaves out undefined macros (mac):
# groff -ww, every warning, checks those too.
if command -v man >/dev/null 2>&1; then
    for p in $pages; do
        out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=all -l "$mandir/$p" 2>&1 >/dev/null)
        t_check "man: $p renders without a warning${out:+: $out}" [ -z "$out" ]
    done
fi
if command -v groff >/dev/null 2>&1; then
    for p in $pages; do
        out=$(groff -man -Tutf8 -ww -z "$mandir/$p" 2>&1)
        t_check "groff: $p renders without a warning${out:+: $out}" [ -z "$out" ]
    done
elif ! command -v man >/dev/null 2>&1; then
    t_have groff   # neither man nor groff: skipped (or failed, see lib.sh)
fi
if t_have lexgrog; then
    for p in $pages; do
        name=${p%.*}
        out=$(lexgrog "$mandir/$p" 2>&1)
        st=$?
        t_check "lexgrog parses the NAME of $p ($out)" [ $st -eq 0 ]
        case $out in
        *": \"$name - "*) t_ok ;;
        *) t_fail "lexgrog: the NAME of $p is not '$name - ...' ($out)" ;;
        esac
    done
fi

# ---- b. opsalign(1) lists every command and every option, no more. ----

# The page as plain text, one paragraph a line, no hyphenation: a
# subsection is "   NAME", an option of a list "       TAG" (a tag of at
# most six characters has its text beside it).
if t_have groff; then
    groff -man -Tascii -P-cbou -rLL=250n -rHY=0 "$mandir/opsalign.1" \
        >"$tmp/page.txt" 2>/dev/null
    "$OPSALIGN" --help >"$tmp/usage"
    cmds=$(sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' "$tmp/usage")
    t_check "opsalign --help lists commands" [ -n "$cmds" ]
    for c in $cmds; do
        # The subsection of the command, up to the next one.
        awk -v c="$c" '
            $0 == "   " c { on = 1; next }
            on && (/^   [^ ]/ || /^[^ ]/) { exit }
            on { print }' "$tmp/page.txt" >"$tmp/sub.$c"
        t_check "opsalign.1 has a subsection for $c" [ -s "$tmp/sub.$c" ]
        # The options of --help, as it prints them: "-o, --output=FILE",
        # "--shard=K/N".
        "$OPSALIGN" "$c" --help | sed -n \
            -e 's/^  \(-[^-], --[^ ]*\).*/\1/p' \
            -e 's/^      \(--[^ ]*\).*/\1/p' >"$tmp/help.$c"
        t_check "$c --help lists options" [ -s "$tmp/help.$c" ]
        # The tags of the page's list.
        awk '
            /^       -/ {
                s = substr($0, 8)
                if (s ~ /^-[^-], --/) { split(s, w, " "); print w[1] " " w[2] }
                else { split(s, w, " "); print w[1] }
            }' "$tmp/sub.$c" >"$tmp/tags.$c"
        while read -r h; do
            if grep -Fqx -- "$h" "$tmp/tags.$c"; then t_ok; else
                t_fail "opsalign.1, $c: no entry '$h' (opsalign $c --help has it)"; fi
        done <"$tmp/help.$c"
        extra=$(grep -Fvx -f "$tmp/help.$c" "$tmp/tags.$c" | tr '\n' ' ')
        t_check "opsalign.1, $c: entries that $c --help lacks: ${extra:-none}" [ -z "$extra" ]
    done
fi

# ---- c. The EXAMPLES run as the pages say. ----

# awk functions: the text a line of roff shows (the escapes the pages use).
ROFF_AWK='
function repl(s, a, b,    o, i) {
    o = ""
    while ((i = index(s, a)) > 0) {
        o = o substr(s, 1, i - 1) b
        s = substr(s, i + length(a))
    }
    return o s
}
function plain(s) {
    s = repl(s, "\\e", "\001")
    s = repl(s, "\\-", "-")
    s = repl(s, "\\(aq", "\047")
    s = repl(s, "\\(dq", "\"")
    s = repl(s, "\\(ti", "~")
    s = repl(s, "\\ ", " ")
    s = repl(s, "\\&", "")
    return repl(s, "\001", "\\")
}
'

# Reads the EXAMPLES section of a page: writes each block after a
# '.\" file NAME' comment to DIR/NAME, and for each "$ opsalign" command
# (continued by lines ending in a backslash) a line "N<TAB>STATUS<TAB>ARGS"
# to standard output, with the lines the page shows after it (before the
# next "$ " line, but for blank lines and "...") in DIR/.expect.N.
extract_examples() { # PAGE DIR
    awk -v dir="$2" "$ROFF_AWK"'
        /^\.SH / { ex = ($0 ~ /^\.SH "?EXAMPLES?"?$/); next }
        !ex { next }
        /^\.\\" file / { file = dir "/" $3; next }
        /^\.EX/ { block = 1; if (file != "") { printf "" >file }; next }
        /^\.EE/ { block = 0; if (file != "") close(file); file = ""; cmd = 0; next }
        !block { next }
        /^\.\\" exit / { status = $3; next }
        /^\.\\"/ { next }
        {
            line = plain($0)
            if (file != "") { print line >>file; next }
            if (cont) { sub(/^[ \t]+/, "", line); args = args " " line }
            else if (substr(line, 1, 11) == "$ opsalign ") {
                args = substr(line, 12); n++
            } else if (substr(line, 1, 2) == "$ ") { cmd = 0; next }
            else {
                if (cmd && line != "" && line != "...")
                    print line >>(dir "/.expect." n)
                next
            }
            cont = (substr(args, length(args)) == "\\")
            if (cont) { args = substr(args, 1, length(args) - 1); next }
            printf "%d\t%d\t%s\n", n, status + 0, args
            status = 0; cmd = 1
        }' "$1"
}

run_examples() { # PAGE MINIMUM
    page=$1
    work="$tmp/ex.${page%.*}"
    mkdir -p "$work"
    cp "$TOP_SRCDIR"/examples/*.xml "$TOP_SRCDIR"/tests/data/replan/*.xml "$work"/
    extract_examples "$mandir/$page" "$work" >"$tmp/cmds"
    n=$(wc -l <"$tmp/cmds")
    t_check "$page: EXAMPLES has at least $2 commands (found $n)" [ "$n" -ge "$2" ]
    while IFS='	' read -r k want args; do
        (cd "$work" && eval "\"\$OPSALIGN\" $args") \
            <"$tmp/cmds.null" >"$tmp/out.$k" 2>&1
        rc=$?
        t_check "$page: 'opsalign $args' exits $want (got $rc)" [ "$rc" -eq "$want" ]
        [ -f "$work/.expect.$k" ] || continue
        missing=$(grep -Fvx -f "$tmp/out.$k" "$work/.expect.$k" | head -n 1)
        t_check "$page: 'opsalign $args' prints what the page shows${missing:+ (not: '$missing')}" [ -z "$missing" ]
    done <"$tmp/cmds"
}

: >"$tmp/cmds.null"
run_examples opsalign.1 8
run_examples opsalign-plan.5 3

# ---- d. The program of libopsalign(3) compiles and runs. ----

awk "$ROFF_AWK"'
    /^\.SH / { ex = ($0 ~ /^\.SH "?EXAMPLES?"?$/); next }
    !ex { next }
    /^\.EX/ { block = 1; text = ""; next }
    /^\.EE/ { block = 0; if (text ~ /int main/) { printf "%s", text; exit }; next }
    block { text = text plain($0) "\n" }' "$mandir/libopsalign.3" >"$tmp/roadmap.c"
t_check "libopsalign.3: EXAMPLE has a program" grep -q "int main" "$tmp/roadmap.c"
# Built as the library was (the sanitizer build needs its flags).
cflags=$(sed -n 's/^CFLAGS = //p' "$TOP_BUILDDIR/Makefile")
ldflags=$(sed -n 's/^LDFLAGS = //p' "$TOP_BUILDDIR/Makefile")
${CC:-cc} -std=c99 -Wall -Wextra -pedantic $cflags -I"$TOP_SRCDIR/include" \
    -I"$TOP_BUILDDIR/include" -c "$tmp/roadmap.c" -o "$tmp/roadmap.o" 2>"$tmp/cc.err"
st=$?
t_check "libopsalign.3: the program compiles" [ $st -eq 0 ]
t_check "libopsalign.3: ... without a warning$(head -n 3 "$tmp/cc.err" | tr '\n' ' ')" [ ! -s "$tmp/cc.err" ]
${LIBTOOL:-$TOP_BUILDDIR/libtool} --quiet --mode=link ${CC:-cc} $cflags $ldflags \
    -o "$tmp/roadmap" "$tmp/roadmap.o" "$TOP_BUILDDIR/lib/libopsalign.la" 2>"$tmp/ld.err"
t_check "libopsalign.3: the program links$(head -n 3 "$tmp/ld.err" | tr '\n' ' ')" [ -x "$tmp/roadmap" ]
(cd "$TOP_SRCDIR" && "$tmp/roadmap") >"$tmp/roadmap.out" 2>&1
st=$?
t_check "libopsalign.3: the program exits 0 ($st)" [ $st -eq 0 ]
first=$(head -n 1 "$tmp/roadmap.out")
t_check "libopsalign.3: the program prints 1840000 (got '$first')" [ "$first" = 1840000 ]
t_done
