/*
 * oa_solve(): check the plan, build the model, search, and hand the
 * solution to fill.c (the roadmap, loads, spend and marginal values, from
 * the LP with the roadmap fixed) or, for a plan with no roadmap, to
 * diagnose.c (the elastic diagnosis of plan-format.md details 12).
 */
#include "solve_int.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static double gap_of(double obj, double bound)
{
    double g = fabs(bound - obj) / (fabs(obj) + DBL_EPSILON);
    return g < 1e-12 ? 0 : g;
}

/* The optimum of the year-aggregated LP (oap_model_build_bound), or NaN.
 * Under a time limit it may run past it by what the limit allows (5 % or
 * half a second, the lesser): on a plan of 10,000 initiatives this LP
 * takes over a second, and a bound that late is not worth breaking the
 * limit for (the result then has none). */
static double quick_bound(oap_solve_ctx *c, const oap_model *full)
{
    oap_model *b = NULL;
    oap_solution sol;
    oap_solver_opts so = c->so;
    double bound = NAN;
    so.relax = 1;
    if (so.time_limit > 0) {
        double grace = 0.05 * so.time_limit < 0.5 ? 0.05 * so.time_limit
                                                  : 0.5;
        so.time_limit += grace;
        if (oap_time_left(&so) <= 0)
            return NAN;
    }
    so.progress = NULL;
    if (oap_model_build_bound(&b, full) != OA_OK)
        return NAN;
    if (oap_solver_solve(&sol, b, &so, NULL) == OA_OK &&
        sol.status == OAP_SOL_OPTIMAL)
        bound = oap_snap(sol.obj);
    oap_solution_free(&sol);
    oap_model_free(b);
    return bound;
}

OA_API int oa_solve(oa_result **out, const oa_plan *plan,
                    const oa_solve_opts *opts,
                    oa_error *err)
{
    static const oa_solve_opts defaults = OA_SOLVE_OPTS_INIT;
    oap_solve_ctx c;
    oap_model *m = NULL;
    oap_build_opts bo;
    oap_solution sol;
    double *dual = NULL, *start = NULL;
    oa_checked *chk = NULL;
    double work = 0, t0;
    int rc;

    if (out)
        *out = NULL;
    if (err)
        oa_error_clear(err);
    OAP_ARG(out && plan);
    if (opts == NULL)
        opts = &defaults;
    if (!OAP_VERSION_OK(opts->version, OA_SOLVE_OPTS_VERSION))
        return OA_EINVAL;
    if (!(opts->time_limit >= 0) || !isfinite(opts->time_limit)) {
        oap_error_set(err, OA_EINVAL, NULL, -1,
                      "the time limit must be a non-negative number of "
                      "seconds");
        return OA_EINVAL;
    }
    if (opts->version >= 3 &&
        (!(opts->work_limit >= 0) || !isfinite(opts->work_limit))) {
        oap_error_set(err, OA_EINVAL, NULL, -1,
                      "the work limit must be a non-negative number");
        return OA_EINVAL;
    }
    if (opts->version >= 7 &&
        (!(opts->stability >= 0) || !isfinite(opts->stability) ||
         !(opts->drop_price >= 0) || !isfinite(opts->drop_price))) {
        oap_error_set(err, OA_EINVAL, NULL, -1,
                      "the stability and drop prices must be numbers of at "
                      "least 0");
        return OA_EINVAL;
    }
    if (!(opts->gap >= 0) || !(opts->gap < 1)) {
        oap_error_set(err, OA_EINVAL, NULL, -1,
                      "the gap must be at least 0 and below 1 (0.05 means "
                      "5 %%)");
        return OA_EINVAL;
    }
    t0 = oap_now(); /* the limits cover checking the plan too */
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    memset(&c, 0, sizeof c);
    memset(&sol, 0, sizeof sol);
    c.plan = plan;
    c.chk = chk;
    c.res = chk->res;
    c.so.relax = opts->relax;
    c.so.time_limit = opts->time_limit;
    c.so.t0 = t0;
    if (opts->version >= 5)
        c.max_nonzeros = opts->max_nonzeros;
    if (opts->version >= 6 && opts->baseline) {
        c.baseline = opts->baseline;
        c.as_of = opts->as_of;
        if (opts->version >= 7) {
            c.stability = opts->stability;
            c.drop_price = opts->drop_price;
        }
    }
    c.past = c.baseline;
    if (opts->version >= 8 && opts->actuals) {
        if (opts->as_of < 1) {
            oap_error_set(err, OA_EINVAL, NULL, -1, "actuals need the period "
                          "to re-plan from (as_of)");
            oa_checked_free(chk);
            return OA_EINVAL;
        }
        c.as_of = opts->as_of;
        c.past = oap_actuals_result(opts->actuals, c.as_of, err);
        rc = c.past ? oap_actuals_spend(&c.spent, opts->actuals, plan, err)
                    : OA_EINVALID;
        if (rc != OA_OK) {
            oa_checked_free(chk);
            return rc;
        }
    }
    c.so.work = &work;
    if (opts->version >= 4)
        c.so.interrupt = opts->interrupt;
    if (opts->version >= 3 && opts->work_limit > 0) {
        /* Every decision on the work clock; the wall clock's limit stays
         * a limit. */
        c.so.work_limit = opts->work_limit;
        c.so.time_limit = opts->work_limit / OAP_WORK_PER_SECOND;
        c.so.wall_limit = opts->time_limit;
        c.so.wall_t0 = c.so.t0;
        c.so.t0 = 0;
    }
    c.so.gap = opts->gap;
    c.so.verbosity = opts->verbosity;
    c.so.log = opts->log;
    c.so.log_data = opts->log_data;
    c.so.progress = opts->progress;
    c.so.progress_data = opts->progress_data;
    c.so.flags = opts->flags;
    c.r = oap_result_new();
    if (c.r == NULL) {
        oa_checked_free(chk);
        return OA_ENOMEM;
    }
    c.r->name = oap_result_str(c.r, plan->name);
    c.r->currency = oap_result_str(c.r, plan->currency);
    rc = (plan->name && !c.r->name) || (plan->currency && !c.r->currency)
             ? OA_ENOMEM
             : oap_result_set_labels(c.r, c.res->P,
                                     (const char *const *)plan->labels);
    if (rc != OA_OK)
        goto fail;

    memset(&bo, 0, sizeof bo);
    bo.relax = opts->relax;
    bo.cliques = (opts->flags & OA_SOLVE_CLIQUES) != 0;
    bo.max_nonzeros = c.max_nonzeros;
    rc = oap_model_build(&m, chk, &bo, err);
    if (rc == OA_OK && c.past && c.as_of > 0) {
        rc = oap_model_rebase(m, plan, c.past, c.as_of, &c.r->kept, err);
        c.r->from_actuals = c.past != c.baseline;
        c.r->as_of = c.as_of;
        if (rc == OA_OK && c.spent)
            rc = oap_model_spend(m, c.spent, c.as_of);
    }
    if (rc == OA_OK && c.baseline)
        rc = oap_model_stabilize(m, plan, c.baseline, c.stability,
                                 c.drop_price);
    if (rc != OA_OK)
        goto fail;
    /* The search starts from the roadmap asked for, else from the
     * baseline's (repaired where this plan no longer lets it be). */
    if (!opts->relax && ((opts->version >= 2 && opts->start) || c.baseline)) {
        rc = oap_search_start_from(&start, m, plan,
                                   opts->version >= 2 && opts->start
                                       ? opts->start
                                       : c.baseline,
                                   &c.so);
        if (rc != OA_OK)
            goto fail;
        c.so.start = start;
    }
    rc = opts->relax ? oap_solver_solve(&sol, m, &c.so, err)
                     : oap_search_solve(&sol, m, &c.so, err);
    if (rc != OA_OK)
        goto fail;

    switch (sol.status) {
    case OAP_SOL_INFEASIBLE:
        rc = oap_diagnose(&c, err);
        if (rc != OA_OK)
            goto fail;
        break;
    case OAP_SOL_NONE:
        c.r->status = OA_STATUS_NO_SOLUTION;
        c.r->objective = NAN;
        c.r->bound = sol.has_bound && isfinite(sol.bound)
                          ? oap_snap(sol.bound + m->tiebreak_span -
                                     m->stab_offset)
                          : NAN;
        c.r->gap = NAN;
        break;
    case OAP_SOL_OPTIMAL:
    case OAP_SOL_FEASIBLE:
        if (opts->relax) {
            c.r->status = OA_STATUS_RELAXED;
            dual = sol.dual;
        } else {
            c.r->status = sol.status == OAP_SOL_OPTIMAL ? OA_STATUS_OPTIMAL
                                                       : OA_STATUS_FEASIBLE;
            /* Earlier starts among equal roadmaps (model.md): a bounded
             * number of LPs, and under a time limit at most a tenth of
             * it (at least half a second) and only while that much is
             * left, so that a roadmap found early is not held back
             * polishing its tie-break, nor one found late made late. */
            oap_solver_opts lso = c.so;
            int shift = 1;
            if (lso.time_limit > 0) {
                double spent = oap_clock(&lso) - lso.t0;
                double share = 0.1 * lso.time_limit < 0.5
                                   ? 0.5
                                   : 0.1 * lso.time_limit;
                /* Building its LP and solving it once must fit too. */
                shift = spent + share <= lso.time_limit &&
                        2 * sol.lp_s <= share;
                lso.time_limit = spent + share;
            }
            rc = shift ? oap_search_left_shift(sol.x, m, &lso,
                                               2 * c.res->N + 200)
                       : OA_OK;
            if (rc != OA_OK && rc != OA_ESOLVER)
                goto fail;
            /* Marginal values: the LP with the roadmap fixed (its lever
             * amounts are the cheapest for that roadmap), while the time
             * limit leaves time for it: on the largest plans loading it
             * alone takes seconds.  Without it the result has no
             * marginal values and keeps the search's lever amounts. */
            if (c.so.time_limit <= 0 || oap_time_left(&c.so) > sol.lp_s) {
                dual = oap_calloc(m->nrows + 1, sizeof(double));
                if (dual == NULL) {
                    rc = OA_ENOMEM;
                    goto fail;
                }
                if (oap_solver_fixed_lp(dual, sol.x, m, &c.so, NULL) !=
                    OA_OK) {
                    oap_free(dual);
                    dual = NULL;
                }
            }
        }
        /* The result from the roadmap; the objective is the sum of its
         * terms. */
        rc = oap_fill_initiatives(&c, m, sol.x, opts->relax);
        if (rc == OA_OK)
            rc = oap_fill_loads(&c, m, sol.x, dual);
        if (rc == OA_OK)
            rc = oap_fill_spend(&c, m, sol.x, dual);
        if (rc == OA_OK)
            rc = oap_fill_terms(&c, m, sol.x);
        if (rc == OA_OK && c.baseline)
            rc = oap_fill_moves(&c, m, c.so.time_limit <= 0 ||
                                           oap_time_left(&c.so) > sol.lp_s);
        if (dual != sol.dual)
            oap_free(dual);
        if (rc != OA_OK)
            goto fail;
        if (opts->relax ||
            (sol.has_bound && oap_model_proven(m, sol.obj, sol.bound))) {
            /* Proven optimal: what is left is the tie-break alone. */
            c.r->bound = c.r->objective;
        } else if (!sol.has_bound) {
            /* The LP did not finish in time: the year-aggregated LP gives
             * a weaker but honest bound in milliseconds. */
            c.r->bound = quick_bound(&c, m) - m->stab_offset;
            if (c.r->bound < c.r->objective)
                c.r->bound = c.r->objective;
        } else {
            /* The solver's bound is on the objective with the tie-break,
             * which takes at most tiebreak_span off any roadmap. */
            c.r->bound = oap_snap(sol.bound + m->tiebreak_span -
                                  m->stab_offset);
            if (c.r->bound < c.r->objective)
                c.r->bound = c.r->objective;
        }
        c.r->gap = isnan(c.r->bound) ? NAN
                                     : gap_of(c.r->objective, c.r->bound);
        break;
    }
    /* What ended the search. */
    if (c.r->status == OA_STATUS_OPTIMAL)
        c.r->stop = c.r->bound > c.r->objective ? OA_STOP_GAP : OA_STOP_DONE;
    else if (c.r->status == OA_STATUS_FEASIBLE ||
             c.r->status == OA_STATUS_NO_SOLUTION)
        c.r->stop = oap_interrupted(&c.so) ? OA_STOP_INTERRUPT
                    : sol.caller_stopped ? OA_STOP_CALLER
                    : c.so.work_limit > 0 && !oap_wall_out(&c.so)
                        ? OA_STOP_WORK
                    : opts->time_limit > 0 ? OA_STOP_TIME
                                           : OA_STOP_DONE;
    /* Milliseconds are enough, and keep saved results short. */
    c.r->seconds = floor(oap_elapsed(&c.so) * 1000 + 0.5) / 1000;
    c.r->work = floor(work + 0.5);
    c.r->work_limited = c.so.work_limit > 0;
    oap_solution_free(&sol);
    oap_model_free(m);
    oap_free(start);
    oap_free(c.spent);
    oa_checked_free(chk);
    *out = c.r;
    return OA_OK;
fail:
    if (rc == OA_ENOMEM)
        oap_error_set(err, rc, plan->source, -1, "out of memory");
    oap_solution_free(&sol);
    oap_model_free(m);
    oap_free(start);
    oap_free(c.spent);
    oa_result_free(c.r);
    oa_checked_free(chk);
    return rc;
}

