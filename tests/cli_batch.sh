#!/bin/sh
# opsalign batch and merge: results per run, failures recorded, reruns
# that skip what is up to date and redo nothing finished (also after a
# kill halfway), and a batch split into 2 shards by GNU parallel whose
# merged summary equals the single-process one.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
plan="$TOP_SRCDIR/tests/data/explain/delays.xml"
sc="$TOP_SRCDIR/tests/data/scenario"
set -- "$sc/more-eng.xml" "$sc/drop-a.xml" "$sc/halve.xml" "$sc/unknown.xml"

"$OPSALIGN" batch "$plan" "$@" -o "$tmp/one" -j 2 2>"$tmp/log"
t_check "a failing scenario: batch exits 1" [ $? -eq 1 ]
t_check "every run has its result" test -f "$tmp/one/base.xml" -a -f "$tmp/one/more-eng.xml" -a -f "$tmp/one/drop-a.xml" -a -f "$tmp/one/halve.xml"
t_check "the failure is recorded" grep -q "unknown unit 'engineering'" "$tmp/one/unknown.err"
t_check "summary: base 170" grep -q "^base,optimal,170," "$tmp/one/summary.csv"
t_check "summary: more-eng 195, +25" grep -q "^more-eng,optimal,195,25," "$tmp/one/summary.csv"
t_check "summary: the failure" grep -q "^unknown,error," "$tmp/one/summary.csv"
t_check "summary xml" grep -q '<result name="halve" status="optimal" objective="25"' "$tmp/one/summary.xml"
t_check "plain progress lines off a terminal" grep -q "^5/5 " "$tmp/log"
t_check "result files read back" "$OPSALIGN" explain "$plan" -r "$tmp/one/base.xml" B

# An infeasible scenario: named in the summary (file and name), with its
# deficit, and no roadmap of the base listed as dropped or removed.
printf '<scenario version="1" name="no engineers"><initiative id="A" mandatory="true"/><capacity unit="eng" resource="fte" value="0"/></scenario>\n' >"$tmp/noeng.xml"
"$OPSALIGN" batch "$plan" "$tmp/noeng.xml" "$sc/more-eng.xml" -o "$tmp/inf" 2>/dev/null
t_check "summary: the infeasible run with its deficit and name" \
    grep -q "^noeng,infeasible,.*,[0-9.][0-9.]*,no engineers,.*noeng.xml$" "$tmp/inf/summary.csv"
t_check "summary: a scenario's name and file" \
    grep -q "^more-eng,optimal,.*,more eng in March,.*more-eng.xml$" "$tmp/inf/summary.csv"
if grep -q "^noeng,[^,]*,\(added\|dropped\|moved\|removed\|new\)," "$tmp/inf/summary.csv"; then
    t_fail "summary: changes listed for the infeasible run"; else t_ok; fi

# A rerun redoes nothing finished: the results keep their inode and time.
ls -li "$tmp/one"/*.xml | grep -v summary >"$tmp/before"
"$OPSALIGN" batch "$plan" "$@" -o "$tmp/one" 2>"$tmp/log2"
t_check "rerun: 4 up to date" grep -q "5 run(s) in this shard, 4 up to date, 1 to solve" "$tmp/log2"
ls -li "$tmp/one"/*.xml | grep -v summary >"$tmp/after"
t_check "rerun: finished results untouched" cmp -s "$tmp/before" "$tmp/after"
# A changed scenario (or a removed result) is solved again.
cp "$sc/halve.xml" "$tmp/halve.xml"
"$OPSALIGN" batch "$plan" "$sc/more-eng.xml" "$tmp/halve.xml" -o "$tmp/one" 2>"$tmp/log3"
t_check "the same scenario from another file is up to date" grep -q "3 run(s) in this shard, 3 up to date" "$tmp/log3"
sed 's/factor="0.5"/factor="0.6"/' "$sc/halve.xml" >"$tmp/halve.xml"
"$OPSALIGN" batch "$plan" "$sc/more-eng.xml" "$tmp/halve.xml" -o "$tmp/one" 2>"$tmp/log4"
t_check "a changed scenario is solved again" grep -q "3 run(s) in this shard, 2 up to date, 1 to solve" "$tmp/log4"

# Killed halfway: a slow batch (the realistic example, 2 s per run) is
# killed once its first result is there; the rerun keeps what finished and
# solves the rest.
real="$TOP_SRCDIR/examples/realistic.xml"
for k in 1 2 3; do
    printf '<scenario version="1" name="s%s"><scale-capacity unit="*" resource="*" factor="1.%s"/></scenario>\n' "$k" "$k" >"$tmp/s$k.xml"
done
"$OPSALIGN" batch "$real" "$tmp/s1.xml" "$tmp/s2.xml" "$tmp/s3.xml" -o "$tmp/kill" --time-limit 2 2>/dev/null &
pid=$!
n=0
while [ ! -f "$tmp/kill/base.key" ] && [ $n -lt 200 ]; do sleep 0.1; n=$((n + 1)); done
kill -9 $pid 2>/dev/null
sleep 0.2
pkill -9 -P $pid 2>/dev/null
wait $pid 2>/dev/null
t_check "killed after the base" [ -f "$tmp/kill/base.key" ]
t_check "nothing half written" sh -c "! ls '$tmp/kill' | grep -v tmp | grep -q '\.xml\.'"
"$OPSALIGN" batch "$real" "$tmp/s1.xml" "$tmp/s2.xml" "$tmp/s3.xml" -o "$tmp/kill" --time-limit 2 2>"$tmp/klog"
t_check "rerun after the kill: finishes" [ $? -eq 0 ]
t_check "rerun after the kill: the base is not solved again" grep -q "4 run(s) in this shard, [1-4] up to date" "$tmp/klog"
t_check "rerun after the kill: all four in the summary" [ "$(grep -c ',optimal,\|,feasible,' "$tmp/kill/summary.csv")" -eq 4 ]

# Two shards through GNU parallel, merged: the same summary as one process.
if t_have parallel; then
    "$OPSALIGN" batch "$plan" "$sc/more-eng.xml" "$sc/drop-a.xml" "$sc/halve.xml" -o "$tmp/single" 2>/dev/null
    parallel --will-cite -j 2 "$OPSALIGN" batch "$plan" "$sc/more-eng.xml" "$sc/drop-a.xml" "$sc/halve.xml" --shard {}/2 -o "$tmp/shard{}" ::: 1 2 2>/dev/null
    t_check "parallel ran both shards" [ $? -eq 0 ]
    t_check "shard 1 has the base, shard 2 not" test -f "$tmp/shard1/base.xml" -a ! -f "$tmp/shard2/base.xml"
    "$OPSALIGN" merge -o "$tmp/merged" "$tmp/shard1" "$tmp/shard2"
    t_check "merge exits 0" [ $? -eq 0 ]
    t_check "merged summary equals the single run's" cmp -s "$tmp/merged/summary.csv" "$tmp/single/summary.csv"
    t_check "merged xml equals too" cmp -s "$tmp/merged/summary.xml" "$tmp/single/summary.xml"
fi
"$OPSALIGN" batch "$plan" -o "$tmp/x" --shard 3/2 >/dev/null 2>&1
t_check "a bad shard exits 1" [ $? -eq 1 ]
"$OPSALIGN" merge "$tmp/one" >/dev/null 2>&1
t_check "merge needs -o" [ $? -eq 1 ]
# Integrity.  A scenario named like a file the batch writes is refused
# before anything runs.
cp "$sc/more-eng.xml" "$tmp/summary.xml"
"$OPSALIGN" batch "$plan" "$tmp/summary.xml" -o "$tmp/res" 2>"$tmp/log5"
t_check "a scenario named summary is refused" [ $? -eq 1 ]
t_check "... with a message" grep -q "may not be named 'summary'" "$tmp/log5"
t_check "... before anything runs" [ ! -e "$tmp/res/base.xml" ]
# A scenario that succeeded and now fails is reported as failing.
mkdir -p "$tmp/sc2"
cp "$sc/more-eng.xml" "$tmp/sc2/flip.xml"
"$OPSALIGN" batch "$plan" "$tmp/sc2/flip.xml" -o "$tmp/flip" 2>/dev/null
t_check "flip: first optimal" grep -q "^flip,optimal," "$tmp/flip/summary.csv"
cp "$sc/unknown.xml" "$tmp/sc2/flip.xml"
"$OPSALIGN" batch "$plan" "$tmp/sc2/flip.xml" -o "$tmp/flip" 2>/dev/null
t_check "flip: now failing exits 1" [ $? -eq 1 ]
t_check "flip: the summary says error, not the old optimal" grep -q "^flip,error," "$tmp/flip/summary.csv"
t_check "flip: the old result is gone" [ ! -e "$tmp/flip/flip.xml" ]
# A rerun with fewer scenarios: the summary holds this run's only.
"$OPSALIGN" batch "$plan" -o "$tmp/flip" 2>/dev/null
t_check "fewer scenarios: only the base in the summary" [ "$(grep -c '^flip,' "$tmp/flip/summary.csv")" -eq 0 ]
# A result that is not the one its key was written for (an edited input
# reverted after a kill between result and key) is solved again.
"$OPSALIGN" batch "$plan" "$sc/more-eng.xml" -o "$tmp/bind" 2>/dev/null
cp "$tmp/bind/base.xml" "$tmp/bind/more-eng.xml"
"$OPSALIGN" batch "$plan" "$sc/more-eng.xml" -o "$tmp/bind" 2>"$tmp/log6"
t_check "a result swapped under its key is solved again" grep -q "2 run(s) in this shard, 1 up to date, 1 to solve" "$tmp/log6"
t_check "... and the summary has its own figures again" grep -q "^more-eng,optimal,195," "$tmp/bind/summary.csv"
# Two batches in one directory: the second is refused while the first
# holds the lock.
if t_have flock; then
    flock "$tmp/bind/.lock" sleep 3 &
    lpid=$!
    sleep 0.5
    "$OPSALIGN" batch "$plan" -o "$tmp/bind" 2>"$tmp/log7"
    t_check "a second batch in the directory is refused" [ $? -eq 1 ]
    t_check "... saying another batch writes it" grep -q "another batch is writing" "$tmp/log7"
    wait $lpid
fi
# Workers die with their parent.
real="$TOP_SRCDIR/examples/realistic.xml"
printf '<scenario version="1" name="w%s"><scale-capacity unit="*" resource="*" factor="1.%s"/></scenario>\n' 1 1 >"$tmp/w1.xml"
printf '<scenario version="1" name="w%s"><scale-capacity unit="*" resource="*" factor="1.%s"/></scenario>\n' 2 2 >"$tmp/w2.xml"
"$OPSALIGN" batch "$real" "$tmp/w1.xml" "$tmp/w2.xml" -o "$tmp/orphans" -j 2 --time-limit 20 2>/dev/null &
bpid=$!
sleep 2
kids=$(ps -o pid= --ppid $bpid | tr -d ' ')
kill -9 $bpid
wait $bpid 2>/dev/null
sleep 1
left=0
for k in $kids; do kill -0 "$k" 2>/dev/null && left=$((left + 1)); done
t_check "killing the batch leaves no worker running ($left of: $kids)" [ -n "$kids" ] && [ $left -eq 0 ]
# SIGINT to a batch: the running workers stop, the finished results
# stay, it says what is left, and a rerun solves only that.
"$OPSALIGN" batch "$real" "$tmp/w1.xml" "$tmp/w2.xml" -o "$tmp/int" -j 2 --time-limit 4 2>"$tmp/log8" &
bpid=$!
sleep 6
kill -INT $bpid
wait $bpid
st=$?
t_check "SIGINT: the batch exits 130 ($st)" [ $st -eq 130 ]
t_check "SIGINT: it says what is left" grep -q "interrupted: 1 of 3 run(s) finished; 2 left" "$tmp/log8"
t_check "SIGINT: the finished base stays" [ -f "$tmp/int/base.xml" -a -f "$tmp/int/base.key" ]
t_check "SIGINT: no stopped run left a key" [ ! -e "$tmp/int/w1.key" -a ! -e "$tmp/int/w2.key" ]
"$OPSALIGN" batch "$real" "$tmp/w1.xml" "$tmp/w2.xml" -o "$tmp/int" -j 2 --time-limit 4 2>"$tmp/log9"
t_check "SIGINT: a rerun solves what was left" grep -q "3 run(s) in this shard, 1 up to date, 2 to solve" "$tmp/log9"
t_done
