#!/bin/sh
# The layers of doc/architecture.md hold in the compiled library: every
# module calls only modules of its own layer or below, no two modules
# call each other in a loop, and every module is in the table.
. "$TOP_SRCDIR/tests/lib.sh"
objs=$(ls "$TOP_BUILDDIR"/lib/libopsalign_la-*.o 2>/dev/null)
if [ -z "$objs" ]; then
    echo "SKIP: no objects of the library"; exit 77
fi
t_have python3 || { [ "$failures" -gt 0 ] && { t_done; exit 1; }; exit 77; }
out=$(python3 - "$TOP_SRCDIR/doc/architecture.md" $objs <<'PY' 2>&1
import subprocess, sys, collections, os
doc, objs = sys.argv[1], sys.argv[2:]
layer = {}
order = []
for line in open(doc):
    p = [x.strip() for x in line.strip().strip('|').split('|')]
    if len(p) == 2 and p[0] and p[0] not in ('layer', '---'):
        order.append(p[0])
        for m in p[1].split():
            layer[m] = len(order) - 1
defs, uses = {}, collections.defaultdict(set)
for o in objs:
    m = os.path.basename(o)[len('libopsalign_la-'):-2]
    for line in subprocess.run(['nm', o], capture_output=True,
                               text=True).stdout.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in 'TDBR':
            defs[p[2]] = m
        elif len(p) == 2 and p[0] == 'U':
            uses[m].add(p[1])
mods = set(os.path.basename(o)[len('libopsalign_la-'):-2] for o in objs)
bad = 0
for m in sorted(mods - set(layer)):
    print('module %s is in no layer of doc/architecture.md' % m); bad += 1
g = collections.defaultdict(set)
for m, us in uses.items():
    for u in us:
        if u in defs and defs[u] != m:
            g[m].add(defs[u])
for m in sorted(g):
    for w in sorted(g[m]):
        if m in layer and w in layer and layer[w] > layer[m]:
            print('%s (%s) calls %s (%s), a layer above' %
                  (m, order[layer[m]], w, order[layer[w]])); bad += 1
# loops: Tarjan's strongly connected components
idx, low, st, on, n = {}, {}, [], set(), [0]
sys.setrecursionlimit(10000)
def visit(v):
    global bad
    idx[v] = low[v] = n[0]; n[0] += 1; st.append(v); on.add(v)
    for w in g.get(v, ()):
        if w not in idx:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1:
            print('a loop of calls: %s' % ' '.join(sorted(comp))); bad += 1
for v in list(g):
    if v not in idx:
        visit(v)
print('modules %d, layers %d' % (len(mods), len(order)))
sys.exit(1 if bad else 0)
PY
)
rc=$?
echo "$out"
if echo "$out" | grep -q "layers 7"; then t_ok; else
    t_fail "the table of doc/architecture.md names 7 layers"; fi
t_check "no call upward, no loop, every module placed" [ $rc -eq 0 ]
t_done
