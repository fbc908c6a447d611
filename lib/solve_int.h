/*
 * What the parts of a solve share: solve.c orchestrates, fill.c turns the
 * solver's numbers into the result, diagnose.c explains a plan with no
 * roadmap.  Internal.
 */
#ifndef OA_SOLVE_INT_H
#define OA_SOLVE_INT_H

#include "result.h"
#include "search.h"

typedef struct oap_solve_ctx {
    const oa_plan *plan;
    const oa_checked *chk;
    const oap_resolved *res;
    oap_solver_opts so;
    oa_result *r;
    size_t max_nonzeros;    /* oa_solve_opts.max_nonzeros (0: default) */
    const oa_result *baseline; /* re-planning: oa_solve_opts.baseline */
    int as_of;              /* and as_of (0: none) */
    double stability, drop_price; /* oa_solve_opts.stability, drop_price */
    const oa_result *past;  /* what fixes the past with as_of: the
                               actuals' result, else the baseline */
    double *spent;          /* the actuals' spend (oap_actuals_spend), or
                               NULL */
} oap_solve_ctx;

/* Fixes in m what base did before period as_of (1-based): the starts it
 * made, no other start, the levers of those periods (lib/rebase.c).
 * *kept: the initiatives kept where they started.  OA_OK, OA_EINVAL,
 * OA_EINVALID (err: a baseline this plan cannot keep), OA_ENOMEM. */
int oap_model_rebase(oap_model *m, const oa_plan *plan, const oa_result *base,
                     int as_of, int *kept, oa_error *err);

/* Prices moves and drops of base's initiatives (lib/rebase.c): each x
 * column of an initiative base started in sb gets drop - price x |s - sb|
 * (m->stab), and m->stab_offset the sum of the drops.  The prices are the
 * initiative's own (oa_initiative_set_stability) or price and drop (0:
 * price x P).  OA_OK, OA_ENOMEM. */
int oap_model_stabilize(oap_model *m, const oa_plan *plan,
                        const oa_result *base, double price, double drop);

/* The moves against c->baseline into c->r (after oap_fill_initiatives)
 * and, when evaluate is set, the baseline's objective on this plan (an
 * LP with its roadmap fixed).  OA_OK, OA_ENOMEM. */
int oap_fill_moves(oap_solve_ctx *c, const oap_model *m, int evaluate);

/* The actuals as a result of the plan, for oap_model_rebase; NULL (err
 * at the actuals' line) when they name a period from as_of on. */
const oa_result *oap_actuals_result(const oa_actuals *a, int as_of,
                                    oa_error *err);

/* The money the actuals say was spent, as a table of plan: [(U + 1) x P]
 * by unit and 0-based period, unit U the organization's total, NaN where
 * they say nothing; *out NULL when they have no <spend>.  OA_OK,
 * OA_EINVALID (err at the actuals' line: a unit or period plan does not
 * have), OA_ENOMEM. */
int oap_actuals_spend(double **out, const oa_actuals *a, const oa_plan *plan,
                      oa_error *err);

/* Puts the money spent before as_of (spent, oap_actuals_spend) in place of
 * what m's fixed past gives at the plan's prices, in every budget row
 * (lib/rebase.c): a unit's rows read its own entries, the total and range
 * limits the organization's entry of a period or else the units' entries.
 * Each row's bound (and its budget's fixed part) moves by the actual spend
 * less the fixed past's, and the past loans the entries cover leave the
 * row.  After oap_model_rebase.  OA_OK, OA_ENOMEM. */
int oap_model_spend(oap_model *m, const double *spent, int as_of);

/* The spend of x over 0-based periods t0..t1 of unit (all when < 0), by
 * kind, at the plan's prices; sp->adjustment is set to 0. */
void oap_spend_of(oa_spend *sp, const oap_model *m, const double *x, int unit,
                  int t0, int t1);

/* The differences spent (oap_actuals_spend) makes to the spend of x in
 * each 0-based period before as_of (see oap_model_spend): (*out)[u * P +
 * t] for the rows of unit u, (*out)[U * P + t] for the total's and the
 * range limits'; the entries that apply less what x spends on what they
 * cover, 0 where none applies.  *out is freed with oap_free.  OA_OK,
 * OA_ENOMEM. */
int oap_spend_deltas(double **out, const oap_model *m, const double *spent,
                     const double *x, int as_of);
/* The sum of the differences d (oap_spend_deltas) over t0..t1 for a row of
 * unit (the total's when < 0). */
double oap_spend_delta_sum(const oap_model *m, const double *d, int unit,
                           int t0, int t1);

/* v snapped to 6 decimals when it is that close to them (solver noise). */
double oap_snap(double v);

/* The roadmap, loads (with marginal values from dual, or none) and spend
 * of the solution x of m into c->r. */
int oap_fill_initiatives(oap_solve_ctx *c, const oap_model *m,
                         const double *x, int relaxed);
int oap_fill_loads(oap_solve_ctx *c, const oap_model *m, const double *x,
                   const double *dual);
/* The terms of the objective (after oap_fill_initiatives, which sums the
 * initiatives' terms), and the objective as their sum. */
int oap_fill_terms(oap_solve_ctx *c, const oap_model *m, const double *x);
int oap_fill_spend(oap_solve_ctx *c, const oap_model *m, const double *x,
                   const double *dual);

/* Details 12 of plan-format.md: the least total deficit of a plan with no
 * roadmap, into c->r (status infeasible). */
int oap_diagnose(oap_solve_ctx *c, oa_error *err);

#endif
