/*
 * Mandatory work that is hard to place: tests/data/mandatory/NAME.xml are
 * tiny plans whose mandatory initiatives fit only with a lever, only in
 * one order, only after moving one placed before, or only with the
 * optional work they require; and one whose mandatory work cannot fit.
 * Each optimum is derived by hand in the comment above its test (every
 * optimum is unique in value and roadmap, so nothing depends on the
 * earlier-start tie-break).
 *
 * Every feasible plan is solved twice:
 *  - test_NAME: the default solve; status optimal, the hand optimum, the
 *    roadmap, the lever amounts and the oracle (tests/oracle.h);
 *  - test_NAME_first: a solve whose progress callback asks to stop as
 *    soon as it sees a roadmap; the result must still hold a roadmap
 *    (feasible or optimal) with all the mandatory work in it (and what
 *    the mandatory work requires), and pass the oracle.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* A lever amount expected in a load of the optimum. */
typedef struct lever {
    const char *unit, *resource;
    int period;
    const char *kind; /* overtime, contractors, loan-in, loan-out, shortfall */
    double amount;
} lever;

/* An initiative of the optimum: start > 0, or 0 for rejected. */
typedef struct placed {
    const char *id;
    int start;
} placed;

#define MAXN 8

/* What a feasible case must give. */
typedef struct mcase {
    const char *name;          /* tests/data/mandatory/NAME.xml */
    double objective;          /* the hand optimum */
    placed roadmap[MAXN];      /* every initiative of the plan */
    lever levers[MAXN];        /* lever amounts of the optimum (unique) */
    const char *must[MAXN];    /* ids every roadmap schedules (mandatory
                                  and what they require) */
} mcase;

static int close_to(double a, double b)
{
    return fabs(a - b) <= 1e-6 * (1 + fabs(b));
}

static oa_plan *read_case(const char *name)
{
    char rel[256];
    oa_plan *p;
    oa_error err;
    snprintf(rel, sizeof rel, "data/mandatory/%s.xml", name);
    ck_assert_msg(oa_plan_read_file(&p, tu_path(rel), NULL, &err, NULL) ==
                      OA_OK,
                  "%s: %s", name, err.text);
    return p;
}

static int find_load(oa_load *out, const oa_result *r, const char *unit,
                     const char *res, int t)
{
    size_t i;
    for (i = 0; i < oa_result_load_count(r); i++) {
        ck_assert_int_eq(oa_result_load(out, r, i), OA_OK);
        if (strcmp(out->unit, unit) == 0 && strcmp(out->resource, res) == 0 &&
            out->period == t)
            return 1;
    }
    return 0;
}

static double lever_of(const oa_load *l, const char *kind)
{
    if (strcmp(kind, "overtime") == 0)
        return l->overtime;
    if (strcmp(kind, "contractors") == 0)
        return l->contractors;
    if (strcmp(kind, "loan-in") == 0)
        return l->loan_in;
    if (strcmp(kind, "loan-out") == 0)
        return l->loan_out;
    if (strcmp(kind, "shortfall") == 0)
        return l->shortfall;
    ck_abort_msg("unknown lever kind %s", kind);
    return NAN;
}

/* Every mandatory initiative of the result, and every id in must, is
 * scheduled. */
static void check_must(const mcase *c, const oa_result *r, const char *run)
{
    size_t i;
    oa_initiative_result ir;
    for (i = 0; i < oa_result_initiative_count(r); i++) {
        ck_assert_int_eq(oa_result_initiative(&ir, r, i), OA_OK);
        if (ir.mandatory)
            ck_assert_msg(ir.scheduled, "%s (%s): mandatory %s not scheduled",
                          c->name, run, ir.id);
    }
    for (i = 0; i < MAXN && c->must[i]; i++) {
        ck_assert_msg(oa_result_find_initiative(&ir, r, c->must[i]) == OA_OK,
                      "%s: no initiative %s", c->name, c->must[i]);
        ck_assert_msg(ir.scheduled, "%s (%s): %s not scheduled", c->name, run,
                      c->must[i]);
    }
}

/* (a) The default solve finds the hand optimum. */
static void check_optimal(const mcase *c)
{
    oa_plan *p = read_case(c->name);
    oa_result *r;
    oa_error err;
    size_t i, n = 0;
    ck_assert_msg(oa_solve(&r, p, NULL, &err) == OA_OK, "%s: %s", c->name,
                  err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_OPTIMAL,
                  "%s: status %s, expected optimal", c->name,
                  oa_status_name(oa_result_status(r)));
    ck_assert_msg(close_to(oa_result_objective(r), c->objective),
                  "%s: objective %.10g, expected %.10g", c->name,
                  oa_result_objective(r), c->objective);
    for (i = 0; i < MAXN && c->roadmap[i].id; i++, n++) {
        oa_initiative_result ir;
        const placed *e = &c->roadmap[i];
        ck_assert_msg(oa_result_find_initiative(&ir, r, e->id) == OA_OK,
                      "%s: no initiative %s", c->name, e->id);
        if (e->start > 0)
            ck_assert_msg(ir.scheduled && ir.start == e->start,
                          "%s: %s %s at %d, expected start %d", c->name, e->id,
                          ir.scheduled ? "scheduled" : "rejected", ir.start,
                          e->start);
        else
            ck_assert_msg(!ir.scheduled, "%s: %s scheduled at %d, expected "
                          "rejected", c->name, e->id, ir.start);
    }
    ck_assert_uint_eq(oa_result_initiative_count(r), n);
    for (i = 0; i < MAXN && c->levers[i].unit; i++) {
        const lever *e = &c->levers[i];
        oa_load l;
        double got;
        ck_assert_msg(find_load(&l, r, e->unit, e->resource, e->period),
                      "%s: no load %s/%s/%d", c->name, e->unit, e->resource,
                      e->period);
        got = lever_of(&l, e->kind);
        ck_assert_msg(close_to(got, e->amount),
                      "%s: %s %s/%s/%d = %g, expected %g", c->name, e->kind,
                      e->unit, e->resource, e->period, got, e->amount);
    }
    check_must(c, r, "optimal");
    tu_assert_oracle(p, r, c->name);
    oa_result_free(r);
    oa_plan_free(p);
}

/* What the stopping callback saw. */
typedef struct stopper {
    int calls;           /* callback calls */
    int stopped;         /* it asked to stop */
    int stopped_at;      /* at that call (1-based) */
    double incumbent;    /* the roadmap it stopped at */
} stopper;

static int stop_at_first_roadmap(const oa_progress *pr, void *data)
{
    stopper *s = data;
    s->calls++;
    if (!pr->has_incumbent)
        return 0;
    if (!s->stopped) {
        s->incumbent = pr->incumbent;
        s->stopped_at = s->calls;
    }
    s->stopped = 1;
    return 1;
}

/* (b) A solve stopped at the first roadmap it reports still returns a
 * roadmap that holds all the mandatory work and passes the oracle. */
static void check_first(const mcase *c)
{
    oa_plan *p = read_case(c->name);
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    stopper s = { 0, 0, 0, 0 };
    oa_result *r;
    oa_status st;
    oa_error err;
    double obj, bound;
    opts.progress = stop_at_first_roadmap;
    opts.progress_data = &s;
    ck_assert_msg(oa_solve(&r, p, &opts, &err) == OA_OK, "%s: %s", c->name,
                  err.text);
    st = oa_result_status(r);
    ck_assert_msg(st == OA_STATUS_FEASIBLE || st == OA_STATUS_OPTIMAL,
                  "%s: stopped at the first roadmap: status %s (callback: "
                  "%d calls, stop asked %d)",
                  c->name, oa_status_name(st), s.calls, s.stopped);
    obj = oa_result_objective(r);
    /* Any roadmap is worth at most the optimum; an optimal one exactly
     * that; a bound, if any, is at least the optimum. */
    ck_assert_msg(obj <= c->objective + 1e-6 * (1 + fabs(c->objective)),
                  "%s: first roadmap worth %.10g, above the optimum %.10g",
                  c->name, obj, c->objective);
    if (st == OA_STATUS_OPTIMAL)
        ck_assert_msg(close_to(obj, c->objective),
                      "%s: optimal at %.10g, expected %.10g", c->name, obj,
                      c->objective);
    bound = oa_result_bound(r);
    if (!isnan(bound))
        ck_assert_msg(bound >= c->objective - 1e-6 * (1 + fabs(c->objective)),
                      "%s: bound %.10g below the optimum %.10g", c->name,
                      bound, c->objective);
    check_must(c, r, "first roadmap");
    tu_assert_oracle(p, r, c->name);
    oa_result_free(r);
    oa_plan_free(p);
}

/*
 * overtime_only.xml: P = 3.  eng: capacity 4, run 3, so 1 FTE free per
 * period; overtime max 0.25 x 4 = 1 FTE per period at 20.  No other lever.
 *
 *   M  mandatory  d=2  2 FTE  benefit 5   starts 1, 2
 *   O  optional   d=1  1 FTE  value 30    starts 1..3
 *
 * M needs 2 - 1 free = 1 overtime in each of its periods (exactly the
 * limit): 2 x 20 = 40 wherever it runs.  Without overtime it cannot run,
 * so no roadmap exists without the lever.  Next to M, O has neither free
 * capacity nor overtime left; it fits only in the period M leaves.
 *   M@1 (finishes 2: 5 x (3 - 2) = 5)  + O@3:  5 - 40 + 30 =  -5  <- optimum
 *   M@2 (finishes 3: 0)                + O@1:  0 - 40 + 30 = -10
 *   M@1 alone: 5 - 40 = -35;  M@2 alone: -40
 *   O beside M: 1 + 2 > 1 free + 1 overtime: infeasible.
 * Optimum -5: M at 1, O at 3; overtime 1, 1, 0.
 */
static const mcase overtime_only = {
    "overtime_only", -5,
    { { "M", 1 }, { "O", 3 } },
    { { "eng", "fte", 1, "overtime", 1 }, { "eng", "fte", 2, "overtime", 1 },
      { "eng", "fte", 3, "overtime", 0 } },
    { "M" }
};
START_TEST(test_overtime_only) { check_optimal(&overtime_only); }
END_TEST
START_TEST(test_overtime_only_first) { check_first(&overtime_only); }
END_TEST

/*
 * contractors_only.xml: P = 4.  ops: capacity 5, run 5 (nothing free);
 * contractors max 3 at 30 per FTE, only in periods 2..3.  No other lever.
 *
 *   M  mandatory  d=2  2 FTE  value 200            starts 1..3
 *   N  optional   d=1  1 FTE  value 40, benefit 5  starts 1..4
 *
 * All change work is bought.  M@1 needs period 1 and M@3 period 4, where
 * there are no contractors: M fits only at 2, with 2 contractors in
 * periods 2 and 3 (cost 2 x 2 x 30 = 120).  N can only take the third
 * contractor of period 2 or 3 (30):
 *   M@2 alone                           200 - 120           =  80
 *   M@2 + N@2  (N: 40 + 5 x (4 - 2))    80 + 50 - 30        = 100  <- optimum
 *   M@2 + N@3  (N: 40 + 5 x (4 - 3))    80 + 45 - 30        =  95
 *   N@1, N@4: nothing to cover it.
 * Optimum 100: M at 2, N at 2; contractors 0, 3, 2, 0.
 */
static const mcase contractors_only = {
    "contractors_only", 100,
    { { "M", 2 }, { "N", 2 } },
    { { "ops", "fte", 1, "contractors", 0 },
      { "ops", "fte", 2, "contractors", 3 },
      { "ops", "fte", 3, "contractors", 2 },
      { "ops", "fte", 4, "contractors", 0 } },
    { "M" }
};
START_TEST(test_contractors_only) { check_optimal(&contractors_only); }
END_TEST
START_TEST(test_contractors_only_first) { check_first(&contractors_only); }
END_TEST

/*
 * loan_only.xml: P = 4.  eng: capacity 3, run 3 (nothing free, no levers
 * of its own).  ops: capacity 6, run 2 (4 free).  Loan ops -> eng: max 2,
 * efficiency 0.5, cost 10 per FTE lent per period.
 *
 *   M  mandatory  d=2  eng 1 FTE  benefit 10  starts 1..3
 *   B  optional   d=2  ops 3 FTE  value 50    starts 1..3
 *
 * M's 1 FTE at eng must be received: 1 / 0.5 = 2 lent per period (the
 * limit), cost 2 x 10 x 2 = 40.  While ops lends 2, B does not fit there:
 * run 2 + B 3 + lent 2 = 7 > 6; so B and M may not overlap.
 *   M@1 (finishes 2: 10 x 2 = 20) + B@3:  20 - 40 + 50 =  30  <- optimum
 *   M@3 (finishes 4: 0)           + B@1:   0 - 40 + 50 =  10
 *   M@2 (10): B@1 and B@3 overlap it:     10 - 40      = -30
 *   M@1 alone: 20 - 40 = -20
 * Optimum 30: M at 1, B at 3; ops lends 2 in periods 1 and 2 (eng
 * receives 1), nothing in 3 and 4.
 */
static const mcase loan_only = {
    "loan_only", 30,
    { { "M", 1 }, { "B", 3 } },
    { { "ops", "fte", 1, "loan-out", 2 }, { "ops", "fte", 2, "loan-out", 2 },
      { "ops", "fte", 3, "loan-out", 0 }, { "ops", "fte", 4, "loan-out", 0 },
      { "eng", "fte", 1, "loan-in", 1 }, { "eng", "fte", 2, "loan-in", 1 },
      { "eng", "fte", 3, "loan-in", 0 } },
    { "M" }
};
START_TEST(test_loan_only) { check_optimal(&loan_only); }
END_TEST
START_TEST(test_loan_only_first) { check_first(&loan_only); }
END_TEST

/*
 * shortfall_only.xml: P = 3.  mkt: capacity 5; its operating plan needs 4
 * FTE per period with service level min 0.5 at penalty 30, so 1 FTE is
 * free and up to (1 - 0.5) x 4 = 2 FTE per period may be left undone.
 * No other lever.
 *
 *   M  mandatory  d=2  2 FTE  benefit 10  starts 1, 2
 *   B  optional   d=1  1 FTE  value 45    starts 1..3
 *
 * M needs 1 shortfall in each of its periods: 2 x 30 = 60.  B fits free
 * in the period M leaves, or beside M with one more shortfall (30).
 *   M@1 (finishes 2: 10) + B@3:          10 - 60 + 45      =  -5  <- optimum
 *   M@2 (0)              + B@1:           0 - 60 + 45      = -15
 *   M@1 + B@1 or B@2:                    10 - 60 - 30 + 45 = -35
 *   M@2 + B@2 or B@3:                     0 - 60 - 30 + 45 = -45
 *   M@1 alone: -50;  M@2 alone: -60
 * Optimum -5: M at 1, B at 3; shortfall 1, 1, 0.
 */
static const mcase shortfall_only = {
    "shortfall_only", -5,
    { { "M", 1 }, { "B", 3 } },
    { { "mkt", "fte", 1, "shortfall", 1 }, { "mkt", "fte", 2, "shortfall", 1 },
      { "mkt", "fte", 3, "shortfall", 0 } },
    { "M" }
};
START_TEST(test_shortfall_only) { check_optimal(&shortfall_only); }
END_TEST
START_TEST(test_shortfall_only_first) { check_first(&shortfall_only); }
END_TEST

/*
 * one_order.xml: P = 6.  eng: capacity 2 in periods 1-2, 1 from period 3
 * (later entry wins); no run work, no levers.
 *
 *   A  mandatory  d=2  2 FTE  value 100             starts 1..5 (slack 4)
 *   B  mandatory  d=2  1 FTE  benefit 10, earliest 2 starts 2..5 (slack 3)
 *   C  optional   d=1  1 FTE  value 25, benefit 1   starts 1..6
 *
 * By its window A has the most room, but its 2 FTE fit only where the
 * capacity is 2: periods 1-2, so A starts at 1.  B, with the narrower
 * window, is the one to place first by slack; at its earliest start 2 it
 * takes period 2, A's only slot, and then A fits nowhere.  The plan fits
 * only as A then B: B starts at 3 or later (period 2 is full with A).
 * C fits where neither runs: period 1 is full (A), periods 3..6 hold 1.
 *   A@1 + B@3 (finishes 4: 20) + C@5 (25 + 1):  100 + 20 + 26 = 146  <- optimum
 *   A@1 + B@3 + C@6 (25):                       100 + 20 + 25 = 145
 *   A@1 + B@4 (10) + C@3 (25 + 3) or C@6:       100 + 10 + 28 = 138
 *   A@1 + B@5 (0) + C@3 or C@4:                 100 +  0 + 28 = 128
 *   without C: at most 120
 * Optimum 146: A at 1, B at 3, C at 5.
 */
static const mcase one_order = {
    "one_order", 146,
    { { "A", 1 }, { "B", 3 }, { "C", 5 } },
    { { NULL, NULL, 0, NULL, 0 } },
    { "A", "B" }
};
START_TEST(test_one_order) { check_optimal(&one_order); }
END_TEST
START_TEST(test_one_order_first) { check_first(&one_order); }
END_TEST

/*
 * repair.xml: P = 5.  eng: capacity 2; its operating plan needs 1 FTE
 * from period 2, so 2 FTE are free in period 1 and 1 FTE in periods 2..5.
 * No levers.  All three are mandatory:
 *
 *   A  d=1  1 FTE  value 10, deadline 2           starts 1..2  latest 2
 *   B  d=2  1 FTE  value 20, benefit 5, earliest 2 starts 2..4  latest 4
 *   C  d=1  2 FTE  value 30                       starts 1..5  latest 5
 *
 * The design: C's window is the widest, yet C fits only in period 1 (the
 * only period with 2 FTE free), and A's earliest start is there too.
 * First-fit in order of latest start (A, B, C; by slack the same order)
 * places A@1 (1 of 2 left), B@2 (periods 2, 3 full), and then C finds 1
 * FTE in period 1, 0 in 2-3, 1 in 4-5: no room.  Every roadmap has C@1,
 * so A, placed first, must move to 2, and that pushes B off 2 as well:
 * the repair moves two initiatives already placed.
 *   C@1 + A@2 + B@3 (finishes 4: 20 + 5):  30 + 10 + 25 = 65  <- optimum
 *   C@1 + A@2 + B@4 (finishes 5: 20):      30 + 10 + 20 = 60
 *   A@1, or B@2, or C elsewhere: infeasible.
 * Optimum 65: C at 1, A at 2, B at 3.
 */
static const mcase repair = {
    "repair", 65,
    { { "A", 2 }, { "B", 3 }, { "C", 1 } },
    { { NULL, NULL, 0, NULL, 0 } },
    { "A", "B", "C" }
};
START_TEST(test_repair) { check_optimal(&repair); }
END_TEST
START_TEST(test_repair_first) { check_first(&repair); }
END_TEST

/*
 * chain.xml: P = 8.  eng: capacity 2, run 1 (1 FTE free per period),
 * overtime max 0.5 x 2 = 1 FTE per period at 20.
 *
 *   Q  optional   d=1  2 FTE  value 0, cost 30
 *   O  optional   d=2  2 FTE  value 5, cost 40; requires Q (lag 0)
 *   M  mandatory  d=2  1 FTE  value 100, benefit 10; requires O, lag 1
 *   P  optional   d=1  1 FTE  value 30, benefit 5; requires M
 *   X  optional   d=1  2 FTE  value 15; requires M
 *
 * Windows after the requires push: Q 1..8, O 2..7, M 5..7 (O finishes at
 * 3 at the earliest, + lag 1), P and X 7..8.  Q and O need 1 overtime in
 * each period they run (2 FTE, 1 free): Q 0 - 20 = -20 and O 5 - 40 =
 * -35: both lose money (their cost is spend, not in the objective), but
 * M needs O and O needs Q, so every roadmap holds all three, with
 * start_O >= finish_Q + 1 and start_M >= finish_O + 2.
 * M is worth 100 + 10 x (8 - finish_M).  P fits in the free FTE after M
 * (30 + 5 x (8 - 7) at 7, 30 at 8); X needs 1 overtime (15 - 20 = -5)
 * and does not pay anywhere.
 *   Q@1, O@2, M@5 (120), P@7 (35):   -20 - 35 + 120 + 35 = 100  <- optimum
 *   the same without P:                               65
 *   M@6 (110, O@2 or O@3), P@8 (30): -55 + 110 + 30  =  85
 *   M@7 (100), P cannot follow:      -55 + 100       =  45
 *   + X anywhere: 5 less (at 7 beside P it does not fit: 1 + 1 + 2 > 3)
 * M@5 needs O to finish by 3, so O@2 and Q@1: the roadmap is unique.
 * Optimum 100: Q at 1, O at 2, M at 5, P at 7, X rejected; overtime 1 in
 * periods 1, 2, 3 and 0 elsewhere.
 */
static const mcase chain = {
    "chain", 100,
    { { "Q", 1 }, { "O", 2 }, { "M", 5 }, { "P", 7 }, { "X", 0 } },
    { { "eng", "fte", 1, "overtime", 1 }, { "eng", "fte", 2, "overtime", 1 },
      { "eng", "fte", 3, "overtime", 1 }, { "eng", "fte", 4, "overtime", 0 },
      { "eng", "fte", 5, "overtime", 0 }, { "eng", "fte", 7, "overtime", 0 },
      { "eng", "fte", 8, "overtime", 0 } },
    { "M", "O", "Q" }
};
START_TEST(test_chain) { check_optimal(&chain); }
END_TEST
START_TEST(test_chain_first) { check_first(&chain); }
END_TEST

/*
 * varying.xml: P = 3.  eng: capacity 10, no run work, no levers.  Both
 * mandatory, d=2, starts 1..2, demands by period of their own:
 *
 *   A  value 100  1 FTE, then 10
 *   B  value  50  10 FTE, then 1
 *
 *   A@1 B@1: period 1 needs 1 + 10 = 11 > 10
 *   A@1 B@2: period 2 needs 10 + 10 = 20
 *   A@2 B@2: period 2 needs 1 + 10 = 11
 *   A@2 B@1: periods 1..3 need 10, 1 + 1, 10      <- the only roadmap
 * Optimum 150: B at 1, A at 2.  (The forced search may not postpone here:
 * moving A earlier would change the loads it meets, lib/forced.c.)
 */
static const mcase varying = {
    "varying", 150,
    { { "A", 2 }, { "B", 1 } },
    { { NULL, NULL, 0, NULL, 0 } },
    { "A", "B" }
};
START_TEST(test_varying) { check_optimal(&varying); }
END_TEST
START_TEST(test_varying_first) { check_first(&varying); }
END_TEST

/* In every roadmap of chain.xml the starts keep the lags: O after Q's
 * finish, M one period after O's finish, P after M's finish. */
START_TEST(test_chain_lags)
{
    oa_plan *p = read_case("chain");
    oa_result *r;
    oa_initiative_result q, o, m, pp;
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_find_initiative(&q, r, "Q"), OA_OK);
    ck_assert_int_eq(oa_result_find_initiative(&o, r, "O"), OA_OK);
    ck_assert_int_eq(oa_result_find_initiative(&m, r, "M"), OA_OK);
    ck_assert_int_eq(oa_result_find_initiative(&pp, r, "P"), OA_OK);
    ck_assert(q.scheduled && o.scheduled && m.scheduled && pp.scheduled);
    ck_assert_int_eq(q.finish, q.start);
    ck_assert_int_eq(o.finish, o.start + 1);
    ck_assert_int_eq(m.finish, m.start + 1);
    ck_assert_int_ge(o.start, q.finish + 1);
    ck_assert_int_ge(m.start, o.finish + 1 + 1);
    ck_assert_int_ge(pp.start, m.finish + 1);
    /* The earliest starts the result reports are after the push. */
    ck_assert_int_eq(o.earliest, 2);
    ck_assert_int_eq(m.earliest, 5);
    ck_assert_int_eq(pp.earliest, 7);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

/*
 * A stop is a stop: once the callback has asked to stop (at the first
 * roadmap it sees, whether the library's own heuristics found it before
 * GLPK's search or GLPK did), the solve ends and does not call it again.
 * Apart from (b), so that the first-roadmap tests above say only what the
 * result must hold.
 */
static const mcase *const feasible_cases[] = {
    &overtime_only, &contractors_only, &loan_only, &shortfall_only,
    &one_order, &repair, &chain, &varying
};

START_TEST(test_stop_is_final)
{
    const mcase *c = feasible_cases[_i];
    oa_plan *p = read_case(c->name);
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    stopper s = { 0, 0, 0, 0 };
    oa_result *r;
    opts.progress = stop_at_first_roadmap;
    opts.progress_data = &s;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_OK);
    /* (A solve that never reports a roadmap has nothing to honour.) */
    if (s.stopped)
        ck_assert_msg(s.calls == s.stopped_at,
                      "%s: the callback asked to stop at call %d, and was "
                      "called %d more times",
                      c->name, s.stopped_at, s.calls - s.stopped_at);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

/*
 * cannot_fit.xml: P = 3.  ops: capacity 4, no run work; overtime max
 * 0.25 x 4 = 1; contractors max 0.5 (every period).  eng: capacity 3,
 * run 2 (1 free); loan eng -> ops max 1 at efficiency 0.5 (ops receives
 * 0.5).
 *
 *   M1  mandatory  d=1  ops 4 FTE (all of it)  earliest 2, deadline 2
 *   M2  mandatory  d=1  ops 4 FTE (all of it)  earliest 2, deadline 2
 *   N   optional   d=1  eng 1 FTE  value 10    starts 1..3
 *
 * Both must run in period 2, where ops can have at most 4 + 1 + 0.5 + 0.5
 * = 6 against 8: infeasible.  The elastic diagnosis (levers free, at
 * their limits): ops/fte/2 needs 8 - 6 = 2.  No other row can help: the
 * loan is capped by its max, not by eng's row (eng: run 2 + lent 1 = 3 <=
 * 3, so N must stay out of period 2 or the deficit grows to 2.5), and
 * every other row fits with nothing.  Least total 2, all of it on ops,
 * fte, period 2 (unique).
 * Checks: without the loan's efficiency (1 received) the least would be
 * 1.5; without the levers, 4.
 */
START_TEST(test_cannot_fit)
{
    oa_plan *p = read_case("cannot_fit");
    oa_result *r;
    oa_deficit d;
    oa_error err;
    ck_assert_msg(oa_solve(&r, p, NULL, &err) == OA_OK, "%s", err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_INFEASIBLE,
                  "status %s, expected infeasible",
                  oa_status_name(oa_result_status(r)));
    ck_assert(isnan(oa_result_objective(r)));
    ck_assert_msg(close_to(oa_result_deficit(r), 2), "deficit %.10g, expected 2",
                  oa_result_deficit(r));
    ck_assert_int_eq(oa_result_deficit_proven(r), 1);
    ck_assert_uint_eq(oa_result_deficit_count(r), 1);
    ck_assert_int_eq(oa_result_deficit_row(&d, r, 0), OA_OK);
    ck_assert_int_eq(d.is_budget, 0);
    ck_assert_str_eq(d.unit, "ops");
    ck_assert_str_eq(d.resource, "fte");
    ck_assert_int_eq(d.period, 2);
    ck_assert_msg(close_to(d.amount, 2), "deficit row %.10g, expected 2",
                  d.amount);
    tu_assert_oracle(p, r, "cannot_fit");
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mandatory");
    TCase *tc = tcase_create("optimal");
    tcase_add_test(tc, test_overtime_only);
    tcase_add_test(tc, test_contractors_only);
    tcase_add_test(tc, test_loan_only);
    tcase_add_test(tc, test_shortfall_only);
    tcase_add_test(tc, test_one_order);
    tcase_add_test(tc, test_repair);
    tcase_add_test(tc, test_chain);
    tcase_add_test(tc, test_chain_lags);
    tcase_add_test(tc, test_varying);
    tcase_add_test(tc, test_cannot_fit);
    suite_add_tcase(s, tc);
    tc = tcase_create("first-roadmap");
    tcase_add_test(tc, test_overtime_only_first);
    tcase_add_test(tc, test_contractors_only_first);
    tcase_add_test(tc, test_loan_only_first);
    tcase_add_test(tc, test_shortfall_only_first);
    tcase_add_test(tc, test_one_order_first);
    tcase_add_test(tc, test_repair_first);
    tcase_add_test(tc, test_chain_first);
    tcase_add_test(tc, test_varying_first);
    suite_add_tcase(s, tc);
    tc = tcase_create("stop-is-final");
    tcase_add_loop_test(tc, test_stop_is_final, 0,
                        (int)(sizeof feasible_cases / sizeof feasible_cases[0]));
    suite_add_tcase(s, tc);
    return tu_run(s);
}
