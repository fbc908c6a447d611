/*
 * plan.mod: the model of doc/model.md in GNU MathProg, as a GLPK user
 * would write it by hand.  The data section comes from benchmarks/gen
 * (--gmpl-data FILE): the plan resolved into per-period numbers.
 *
 *   glpsol -m benchmarks/plan.mod -d plan.dat
 *
 * Time-indexed "pulse" form: x[i,s] = 1 when initiative i starts in
 * period s; disaggregated precedence rows; no tie-break term.  It is the
 * model libopsalign solves (opsalign solve, or export --lp/--mps), except
 * that the library also drops the start periods that the requires chains
 * rule out before it builds the model; here the requires rows rule them
 * out, so both reach the same optimum.
 */

/* ---- periods, units, resources ---- */
param P integer > 0;
set T := 1..P;
set U;
set R;
param cap{U, R, T} >= 0, default 0;

/* ---- operating plans (run work) ---- */
set OP;
param opunit{OP} symbolic in U;
param opcost{OP} >= 0, default 0;
param opmin{OP} >= 0, <= 1, default 1;     /* service level */
param oppen{OP} >= 0, default 0;           /* shortfall penalty */
param oprun{OP, R, T} >= 0, default 0;
param run{u in U, r in R, t in T} := sum{p in OP: opunit[p] = u} oprun[p, r, t];

/* ---- objectives and initiatives ---- */
set O;
param weight{O} default 1;
set I;
param dur{I} integer >= 1;
param earliest{I} integer >= 1, default 1;
param deadline{I} integer <= P, default P;
param value{I} >= 0, default 0;
param benefit{I} >= 0, default 0;
param cost{I} >= 0, default 0;
param mandatory{I} binary, default 0;
param owner{I} symbolic, default "-";
set SC within {I, O};
param score{SC} >= 0;
set DEM within {I, U, R};
param q{(i, u, r) in DEM, k in 1..dur[i]} >= 0, default 0;
set EFF within {I, U, R};
param e{EFF};
set REQ within {I, I};                     /* (j, i): j requires i */
param lag{REQ} integer >= 0, default 0;
set EXC within {I, I};

/* Allowed starts: from earliest, finishing by the deadline. */
set S{i in I} := earliest[i] .. min(deadline[i], P) - dur[i] + 1;

/* Who demands what from unit u and resource r, and whose effects land
 * there (computed once, so that the capacity rows need not scan DEM). */
set DU{u in U, r in R} := setof{(i, uu, rr) in DEM: uu = u and rr = r} i;
set EU{u in U, r in R} := setof{(i, uu, rr) in EFF: uu = u and rr = r} i;

/* ---- levers ---- */
set OTS within {U, R};
param otmax{OTS} >= 0;                     /* fraction of capacity */
param otcost{OTS} >= 0, default 0;
set CTS within {U, R, T};
param ctmax{CTS} >= 0;
param ctcost{CTS} >= 0, default 0;
set LOANS;
param lfrom{LOANS} symbolic in U;
param lto{LOANS} symbolic in U;
param lres{LOANS} symbolic in R;
param lmax{LOANS} >= 0;
param leff{LOANS} > 0, <= 1, default 1;
param lcost{LOANS} >= 0, default 0;

/* ---- budgets ---- */
param total_budget default -1;             /* < 0: none */
set LIM;
param lim_from{LIM} integer >= 1;
param lim_to{LIM} integer <= P;
param lim_val{LIM} >= 0;
set UB within U;
param ubudget{UB} >= 0;

/* ---- decisions ---- */
var x{i in I, s in S[i]} binary;
var ot{(u, r) in OTS, t in T} >= 0, <= otmax[u, r] * cap[u, r, t];
var ct{(u, r, t) in CTS} >= 0, <= ctmax[u, r, t];
var ln{l in LOANS, t in T} >= 0, <= lmax[l];
set SHS := setof{p in OP, r in R, t in T: opmin[p] < 1 and oprun[p, r, t] > 0}
    (p, r, t);
var sh{(p, r, t) in SHS} >= 0, <= (1 - opmin[p]) * oprun[p, r, t];

/* ---- objective ---- */
maximize gain:
    sum{i in I, s in S[i]}
        (value[i] + sum{o in O: (i, o) in SC} weight[o] * score[i, o]
         + benefit[i] * (P - (s + dur[i] - 1))) * x[i, s]
  - sum{(u, r) in OTS, t in T} otcost[u, r] * ot[u, r, t]
  - sum{(u, r, t) in CTS} ctcost[u, r, t] * ct[u, r, t]
  - sum{l in LOANS, t in T} lcost[l] * ln[l, t]
  - sum{(p, r, t) in SHS} oppen[p] * sh[p, r, t];

/* 1. Choice: at most one start; exactly one when mandatory. */
s.t. choice{i in I}:
    mandatory[i] <= sum{s in S[i]} x[i, s] <= 1;

/* 2. Capacity of every unit, resource and period. */
s.t. capacity{u in U, r in R, t in T}:
    run[u, r, t]
  - sum{p in OP: opunit[p] = u and (p, r, t) in SHS} sh[p, r, t]
  + sum{i in EU[u, r], s in S[i]: s + dur[i] <= t} e[i, u, r] * x[i, s]
  + sum{i in DU[u, r], s in S[i]: s <= t and t <= s + dur[i] - 1}
        q[i, u, r, t - s + 1] * x[i, s]
  + sum{l in LOANS: lfrom[l] = u and lres[l] = r} ln[l, t]
 <= cap[u, r, t]
  + sum{z in 1..1: (u, r) in OTS} ot[u, r, t]
  + sum{z in 1..1: (u, r, t) in CTS} ct[u, r, t]
  + sum{l in LOANS: lto[l] = u and lres[l] = r} leff[l] * ln[l, t];

/* 3. Requires (j needs i, lag L), per period. */
s.t. requires{(j, i) in REQ, t in S[j]}:
    sum{s in S[j]: s <= t} x[j, s]
 <= sum{s in S[i]: s <= t - dur[i] - lag[j, i]} x[i, s];

/* 4. Excludes. */
s.t. excludes{(i, j) in EXC}:
    sum{s in S[i]} x[i, s] + sum{s in S[j]} x[j, s] <= 1;

/* 5. Budgets.  Operating costs are spread evenly over the horizon, an
 * initiative's cost evenly over the periods it runs; the receiver of a
 * loan pays for it. */
s.t. budget_total{z in 1..1: total_budget >= 0}:
    sum{p in OP} opcost[p]
  + sum{i in I, s in S[i]} cost[i] * x[i, s]
  + sum{(u, r) in OTS, t in T} otcost[u, r] * ot[u, r, t]
  + sum{(u, r, t) in CTS} ctcost[u, r, t] * ct[u, r, t]
  + sum{l in LOANS, t in T} lcost[l] * ln[l, t]
 <= total_budget;

s.t. budget_range{k in LIM}:
    sum{p in OP} opcost[p] / P * (lim_to[k] - lim_from[k] + 1)
  + sum{i in I, s in S[i]: s <= lim_to[k] and s + dur[i] - 1 >= lim_from[k]}
        cost[i] / dur[i]
        * (min(s + dur[i] - 1, lim_to[k]) - max(s, lim_from[k]) + 1)
        * x[i, s]
  + sum{(u, r) in OTS, t in lim_from[k] .. lim_to[k]} otcost[u, r] * ot[u, r, t]
  + sum{(u, r, t) in CTS: lim_from[k] <= t and t <= lim_to[k]}
        ctcost[u, r, t] * ct[u, r, t]
  + sum{l in LOANS, t in lim_from[k] .. lim_to[k]} lcost[l] * ln[l, t]
 <= lim_val[k];

s.t. budget_unit{u in UB}:
    sum{p in OP: opunit[p] = u} opcost[p]
  + sum{i in I: owner[i] = u} sum{s in S[i]} cost[i] * x[i, s]
  + sum{(uu, r) in OTS, t in T: uu = u} otcost[uu, r] * ot[uu, r, t]
  + sum{(uu, r, t) in CTS: uu = u} ctcost[uu, r, t] * ct[uu, r, t]
  + sum{l in LOANS, t in T: lto[l] = u} lcost[l] * ln[l, t]
 <= ubudget[u];

solve;

printf "objective %.12g\n", gain;

end;
