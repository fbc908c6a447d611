#!/bin/sh
# The HTML report in a real browser: the realistic example's report renders
# in headless Chromium without console errors, with one Gantt bar per
# scheduled initiative in the DOM; a screenshot is left in the build tree
# (report.png) for a person to look at.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
chrome=$(command -v chromium-browser || command -v chromium)
if [ -z "$chrome" ]; then
    # Exit 77: automake's "skipped", unless the tool was required.
    t_have chromium || { [ "$failures" -gt 0 ] && { t_done; exit 1; }; exit 77; }
fi
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage --user-data-dir=$tmp/profile"

# Console messages as Chromium logs them; first on a page that does log an
# error, so that the check below is known to see them.
printf '<!DOCTYPE html><html><body><script>console.error("boom")</script></body></html>\n' >"$tmp/bad.html"
# shellcheck disable=SC2086
timeout 60 "$chrome" $flags --enable-logging=stderr --v=0 --dump-dom "file://$tmp/bad.html" >/dev/null 2>"$tmp/bad.log"
t_check "the console check sees an error when there is one" grep -q 'CONSOLE.*boom' "$tmp/bad.log"

"$OPSALIGN" solve "$TOP_SRCDIR/examples/realistic.xml" --time-limit 3 --format xml -o "$tmp/r.xml"
"$OPSALIGN" report -r "$tmp/r.xml" -o "$tmp/report.html"
t_check "report exits 0" [ $? -eq 0 ]
t_check "the report is well-formed" xmllint --noout "$tmp/report.html"
t_check "nothing loaded from elsewhere" sh -c "! grep -Eq '(src|href)=\"(https?:)?//' '$tmp/report.html'"
# shellcheck disable=SC2086
timeout 90 "$chrome" $flags --enable-logging=stderr --v=0 --dump-dom "file://$tmp/report.html" >"$tmp/dom.html" 2>"$tmp/dom.log"
t_check "Chromium rendered it" [ -s "$tmp/dom.html" ]
t_check "no console errors" sh -c "! grep -q 'CONSOLE' '$tmp/dom.log'"
want=$(grep -c 'status="scheduled"' "$tmp/r.xml")
bars=$(grep -o '<rect class="bar[ "]' "$tmp/dom.html" | wc -l)
if [ "$want" -gt 0 ] && [ "$bars" -eq "$want" ]; then t_ok; else t_fail "Gantt bars in the DOM: $bars, scheduled initiatives: $want"; fi
periods=$(grep -c '<period index=' "$tmp/r.xml")
spend=$(grep -o 'class="pspend"' "$tmp/dom.html" | wc -l)
t_check "one spend bar per period" [ "$spend" -eq "$periods" ]
# shellcheck disable=SC2086
timeout 90 "$chrome" $flags --window-size=1300,2600 --screenshot="$TOP_BUILDDIR/report.png" "file://$tmp/report.html" >/dev/null 2>&1
t_check "a screenshot in the build tree" [ -s "$TOP_BUILDDIR/report.png" ]
t_done
