/*
 * oa_solve(): validate, build the model, solve, and turn the solver's
 * numbers into a result a planner can read: the roadmap, the loads, the
 * spend, the marginal values (from the LP with the roadmap fixed), and for
 * an infeasible plan the elastic diagnosis of plan-format.md details 12.
 */
#include "fileio.h"
#include "result.h"
#include "search.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct solve_ctx {
    const oa_plan *plan;
    const oa_checked *chk;
    const oap_resolved *res;
    oap_solver_opts so;
    oa_result *r;
} solve_ctx;

static double gap_of(double obj, double bound)
{
    double g = fabs(bound - obj) / (fabs(obj) + DBL_EPSILON);
    return g < 1e-12 ? 0 : g;
}

/*
 * Solver values carry rounding noise (0.09999999999999998): snap a value
 * to 6 decimals when it is that close to them, so results read and diff
 * cleanly.
 */
static double snap(double v)
{
    double r;
    if (!isfinite(v) || fabs(v) > 1e12)
        return v;
    r = nearbyint(v * 1e6) / 1e6;
    return fabs(r - v) <= 1e-9 * (1 + fabs(v)) ? (r == 0 ? 0 : r) : v;
}

/* The roadmap part of the result. */
static int fill_initiatives(solve_ctx *c, const oap_model *m, const double *x,
                            int relaxed)
{
    const oap_resolved *res = c->res;
    int i, s;
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = c->plan->initiatives.v[i];
        const oap_rini *ri = &res->ini[i];
        oa_initiative_result ir;
        double total = 0, value = 0;
        int first = 0, best = 0;
        double bestx = 0;
        memset(&ir, 0, sizeof ir);
        ir.id = oap_result_str(c->r, ini->id);
        ir.name = oap_result_str(c->r, ini->name);
        ir.owner = oap_result_str(c->r, ini->owner);
        ir.earliest = ri->es;
        ir.mandatory = ri->mandatory;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            const oap_col *col;
            int j = m->x_first[i] + s - m->x_s0[i];
            double v = x[j];
            if (v < 1e-9)
                continue;
            col = &m->cols[j];
            total += v;
            value += v * (col->obj + m->tiebreak * (s - m->x_s0[i]));
            if (!first)
                first = s;
            if (v > bestx + 1e-9) {
                bestx = v;
                best = s;
            }
        }
        if (!relaxed) {
            ir.scheduled = total > 0.5;
            ir.fraction = ir.scheduled ? 1 : 0;
            ir.start = ir.scheduled ? best : 0;
        } else {
            ir.fraction = total > 1 ? 1 : total;
            ir.scheduled = ir.fraction > 1e-9;
            ir.start = ir.scheduled ? first : 0;
        }
        ir.finish = ir.start ? ir.start + ri->d - 1 : 0;
        ir.delay = ir.start ? ir.start - ri->es : 0;
        ir.value = snap(value);
        ir.cost = ri->cost * ir.fraction;
        if ((ini->name && !ir.name) || (ini->owner && !ir.owner) || !ir.id ||
            OAP_VPUSH(c->r->ini, ir) != OA_OK)
            return OA_ENOMEM;
    }
    return OA_OK;
}

static double colv(const double *x, int j)
{
    return j >= 0 ? snap(x[j]) : 0;
}

static int fill_loads(solve_ctx *c, const oap_model *m, const double *x,
                      const double *dual)
{
    const oap_resolved *res = c->res;
    int u, r, t, i, s, l, p;
    size_t URP = (size_t)res->U * (size_t)res->R * (size_t)res->P, k;
    double *eff = oap_calloc(URP + 1, sizeof(double));
    double *chg = oap_calloc(URP + 1, sizeof(double));
    double *lin = oap_calloc(URP + 1, sizeof(double));
    double *lout = oap_calloc(URP + 1, sizeof(double));
    double *sh = oap_calloc(URP + 1, sizeof(double));
    int rc = OA_OK;
    if (!eff || !chg || !lin || !lout || !sh) {
        rc = OA_ENOMEM;
        goto out;
    }
    for (i = 0; i < res->N; i++) {
        const oap_rini *ri = &res->ini[i];
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            double v = x[m->x_first[i] + s - m->x_s0[i]];
            size_t e;
            if (v < 1e-9)
                continue;
            for (e = 0; e < ri->ndem; e++)
                chg[OAP_URT(res, ri->dem[e].u, ri->dem[e].r,
                            s - 1 + ri->dem[e].k)] += v * ri->dem[e].q;
            for (e = 0; e < ri->neff; e++)
                for (t = s - 1 + ri->d; t < res->P; t++)
                    eff[OAP_URT(res, ri->eff[e].u, ri->eff[e].r, t)] +=
                        v * ri->eff[e].v;
        }
    }
    for (l = 0; l < res->NL; l++)
        for (t = 0; t < res->P; t++) {
            double v = colv(x, m->ln_col[(size_t)l * (size_t)res->P + (size_t)t]);
            lout[OAP_URT(res, res->loans[l].from, res->loans[l].r, t)] += v;
            lin[OAP_URT(res, res->loans[l].to, res->loans[l].r, t)] +=
                v * res->loans[l].eff;
        }
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++)
                sh[OAP_URT(res, res->ops[p].unit, r, t)] += colv(
                    x, m->sh_col[((size_t)p * (size_t)res->R + (size_t)r) *
                                     (size_t)res->P +
                                 (size_t)t]);
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++) {
            /* Units list only the resources they have or use. */
            int used = 0;
            for (t = 0; t < res->P && !used; t++) {
                k = OAP_URT(res, u, r, t);
                used = res->cap[k] != 0 || res->run[k] != 0 ||
                       m->ot_col[k] >= 0 || m->ct_col[k] >= 0 ||
                       chg[k] != 0 || eff[k] != 0 || lin[k] != 0 ||
                       lout[k] != 0;
            }
            for (i = 0; i < res->N && !used; i++) {
                size_t e;
                for (e = 0; e < res->ini[i].ndem; e++)
                    if (res->ini[i].dem[e].u == u && res->ini[i].dem[e].r == r)
                        used = 1;
            }
            if (!used)
                continue;
            for (t = 0; t < res->P; t++) {
                oa_load ld;
                double work;
                k = OAP_URT(res, u, r, t);
                ld.unit = oap_result_str(c->r, c->plan->units.v[u]->id);
                ld.resource = oap_result_str(c->r, c->plan->resources.v[r].id);
                ld.period = t + 1;
                ld.capacity = res->cap[k];
                ld.run = res->run[k];
                ld.effects = snap(eff[k]);
                ld.shortfall = snap(sh[k]);
                ld.change = snap(chg[k]);
                ld.overtime = colv(x, m->ot_col[k]);
                ld.contractors = colv(x, m->ct_col[k]);
                ld.loan_in = snap(lin[k]);
                ld.loan_out = snap(lout[k]);
                work = ld.run + ld.effects - ld.shortfall + ld.change;
                ld.utilization = ld.capacity > 0 ? snap(work / ld.capacity)
                                 : (work > 1e-9 ? NAN : 0);
                ld.shadow_price = dual && m->cap_row[k] >= 0
                                      ? fabs(dual[m->cap_row[k]]) < 1e-9
                                            ? 0
                                            : dual[m->cap_row[k]]
                                      : NAN;
                if (!ld.unit || !ld.resource ||
                    OAP_VPUSH(c->r->loads, ld) != OA_OK) {
                    rc = OA_ENOMEM;
                    goto out;
                }
            }
        }
out:
    oap_free(eff);
    oap_free(chg);
    oap_free(lin);
    oap_free(lout);
    oap_free(sh);
    return rc;
}

/* Spend of one budget's scope (unit u or all when u < 0) over t0..t1. */
static void spend_of(oa_spend *sp, const solve_ctx *c, const oap_model *m,
                     const double *x, int unit, int t0, int t1)
{
    const oap_resolved *res = c->res;
    int i, s, t, u, r, l, p;
    sp->operating = sp->initiatives = sp->overtime = sp->contractors =
        sp->loans = 0;
    for (p = 0; p < res->NOP; p++)
        if (unit < 0 || res->ops[p].unit == unit)
            sp->operating += res->ops[p].cost / res->P * (t1 - t0 + 1);
    for (i = 0; i < res->N; i++) {
        const oap_rini *ri = &res->ini[i];
        if (ri->cost == 0 || (unit >= 0 && ri->owner != unit))
            continue;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            double v = x[m->x_first[i] + s - m->x_s0[i]];
            int a = s - 1 > t0 ? s - 1 : t0;
            int z = s - 1 + ri->d - 1 < t1 ? s - 1 + ri->d - 1 : t1;
            if (v > 1e-9 && z >= a)
                sp->initiatives += v * ri->cost / ri->d * (z - a + 1);
        }
    }
    for (t = t0; t <= t1; t++) {
        for (u = 0; u < res->U; u++) {
            if (unit >= 0 && u != unit)
                continue;
            for (r = 0; r < res->R; r++) {
                size_t k = OAP_URT(res, u, r, t);
                sp->overtime += colv(x, m->ot_col[k]) * res->ot_cost[u * res->R + r];
                sp->contractors += colv(x, m->ct_col[k]) * res->ct_cost[k];
            }
        }
        for (l = 0; l < res->NL; l++)
            if (unit < 0 || res->loans[l].to == unit)
                sp->loans += colv(x, m->ln_col[(size_t)l * (size_t)res->P +
                                               (size_t)t]) *
                             res->loans[l].cost;
    }
    sp->operating = snap(sp->operating);
    sp->initiatives = snap(sp->initiatives);
    sp->overtime = snap(sp->overtime);
    sp->contractors = snap(sp->contractors);
    sp->loans = snap(sp->loans);
    sp->spend = snap(sp->operating + sp->initiatives + sp->overtime +
                     sp->contractors + sp->loans);
}

static int fill_spend(solve_ctx *c, const oap_model *m, const double *x,
                      const double *dual)
{
    const oap_resolved *res = c->res;
    int k, u;
    oa_spend sp;
    /* The total comes first, even without a total budget. */
    memset(&sp, 0, sizeof sp);
    sp.kind = OA_BUDGET_TOTAL;
    sp.from = 1;
    sp.to = res->P;
    sp.has_limit = res->has_total;
    sp.limit = res->has_total ? res->total : 0;
    sp.shadow_price = NAN;
    spend_of(&sp, c, m, x, -1, 0, res->P - 1);
    for (k = 0; k < m->nbudgets; k++)
        if (m->budgets[k].kind == OAP_BUDGET_TOTAL && dual)
            sp.shadow_price = dual[m->budgets[k].row];
    if (OAP_VPUSH(c->r->spend, sp) != OA_OK)
        return OA_ENOMEM;
    for (k = 0; k < m->nbudgets; k++) {
        const oap_budget *b = &m->budgets[k];
        if (b->kind != OAP_BUDGET_LIMIT)
            continue;
        memset(&sp, 0, sizeof sp);
        sp.kind = OA_BUDGET_RANGE;
        sp.from = b->t0 + 1;
        sp.to = b->t1 + 1;
        sp.has_limit = 1;
        sp.limit = b->limit;
        sp.shadow_price = dual ? dual[b->row] : NAN;
        spend_of(&sp, c, m, x, -1, b->t0, b->t1);
        if (OAP_VPUSH(c->r->spend, sp) != OA_OK)
            return OA_ENOMEM;
    }
    for (u = 0; u < res->U; u++) {
        memset(&sp, 0, sizeof sp);
        sp.kind = OA_BUDGET_UNIT;
        sp.unit = oap_result_str(c->r, c->plan->units.v[u]->id);
        sp.from = 1;
        sp.to = res->P;
        sp.has_limit = res->unit_budget[u] >= 0;
        sp.limit = sp.has_limit ? res->unit_budget[u] : 0;
        sp.shadow_price = NAN;
        for (k = 0; k < m->nbudgets; k++)
            if (m->budgets[k].kind == OAP_BUDGET_UNIT &&
                m->budgets[k].index == u && dual)
                sp.shadow_price = dual[m->budgets[k].row];
        spend_of(&sp, c, m, x, u, 0, res->P - 1);
        if (sp.unit == NULL || OAP_VPUSH(c->r->spend, sp) != OA_OK)
            return OA_ENOMEM;
    }
    /* The spend of every period. */
    for (u = 0; u < res->P; u++) {
        memset(&sp, 0, sizeof sp);
        sp.kind = OA_BUDGET_RANGE;
        sp.from = sp.to = u + 1;
        sp.shadow_price = NAN;
        spend_of(&sp, c, m, x, -1, u, u);
        if (OAP_VPUSH(c->r->period_spend, sp) != OA_OK)
            return OA_ENOMEM;
    }
    /* Clean the signs of zero duals. */
    {
        size_t q;
        for (q = 0; q < c->r->spend.n; q++)
            if (fabs(c->r->spend.v[q].shadow_price) < 1e-12)
                c->r->spend.v[q].shadow_price = 0;
    }
    return OA_OK;
}

/* Details 12: the least total deficit over capacity and budget rows. */
static int diagnose(solve_ctx *c, oa_error *err)
{
    oap_model *em = NULL;
    oap_build_opts bo;
    oap_solution sol;
    size_t j;
    int rc;
    memset(&bo, 0, sizeof bo);
    bo.elastic = 1;
    bo.relax = c->so.relax;
    rc = oap_model_build(&em, c->chk, &bo);
    if (rc != OA_OK)
        return rc;
    rc = oap_solver_solve(&sol, em, &c->so, err);
    if (rc != OA_OK) {
        oap_model_free(em);
        return rc;
    }
    c->r->status = OA_STATUS_INFEASIBLE;
    c->r->objective = c->r->bound = c->r->gap = NAN;
    if (sol.status == OAP_SOL_OPTIMAL || sol.status == OAP_SOL_FEASIBLE) {
        c->r->deficit = snap(-sol.obj);
        c->r->deficit_proven = sol.status == OAP_SOL_OPTIMAL;
        for (j = 0; j < em->ncols; j++) {
            const oap_col *col = &em->cols[j];
            const oap_row *row;
            oa_deficit d;
            if (col->kind != OAP_COL_DEF || sol.x[j] < 1e-7)
                continue;
            row = &em->rows[col->a];
            memset(&d, 0, sizeof d);
            d.amount = snap(sol.x[j]);
            if (row->kind == OAP_ROW_CAP) {
                d.unit = oap_result_str(c->r, c->plan->units.v[row->a]->id);
                d.resource = oap_result_str(c->r,
                                            c->plan->resources.v[row->b].id);
                d.period = row->c + 1;
            } else {
                const oap_budget *b = &em->budgets[row->a];
                d.is_budget = 1;
                d.budget = b->kind == OAP_BUDGET_TOTAL   ? OA_BUDGET_TOTAL
                           : b->kind == OAP_BUDGET_LIMIT ? OA_BUDGET_RANGE
                                                         : OA_BUDGET_UNIT;
                if (b->kind == OAP_BUDGET_UNIT)
                    d.unit = oap_result_str(c->r,
                                            c->plan->units.v[b->index]->id);
                d.from = b->t0 + 1;
                d.to = b->t1 + 1;
            }
            if (OAP_VPUSH(c->r->deficits, d) != OA_OK) {
                rc = OA_ENOMEM;
                break;
            }
        }
    } else {
        /* No elastic solution within the time limit: the plan is still
         * infeasible, but how much is missing is unknown. */
        c->r->deficit = NAN;
        c->r->deficit_proven = 0;
    }
    oap_solution_free(&sol);
    oap_model_free(em);
    return rc;
}

/* The optimum of the year-aggregated LP (oap_model_build_bound), or NaN. */
static double quick_bound(solve_ctx *c, const oap_model *full)
{
    oap_model *b = NULL;
    oap_solution sol;
    oap_solver_opts so = c->so;
    double bound = NAN;
    so.relax = 1;
    so.time_limit = 0;
    so.progress = NULL;
    if (oap_model_build_bound(&b, full) != OA_OK)
        return NAN;
    if (oap_solver_solve(&sol, b, &so, NULL) == OA_OK &&
        sol.status == OAP_SOL_OPTIMAL)
        bound = snap(sol.obj);
    oap_solution_free(&sol);
    oap_model_free(b);
    return bound;
}

OA_API int oa_solve(oa_result **out, const oa_plan *plan,
                    const oa_solve_opts *opts,
                    oa_error *err)
{
    static const oa_solve_opts defaults = OA_SOLVE_OPTS_INIT;
    solve_ctx c;
    oap_model *m = NULL;
    oap_build_opts bo;
    oap_solution sol;
    double *dual = NULL, *start = NULL;
    oa_checked *chk = NULL;
    int rc;

    if (out)
        *out = NULL;
    OAP_ARG(out && plan);
    if (opts == NULL)
        opts = &defaults;
    if (opts->version < 1 || opts->version > OA_SOLVE_OPTS_VERSION)
        return OA_EINVAL;
    if (!(opts->time_limit >= 0) || !(opts->gap >= 0) ||
        !isfinite(opts->time_limit) || !isfinite(opts->gap))
        return OA_EINVAL;
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
    c.so.t0 = oap_now();
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
    rc = oap_result_set_labels(c.r, c.res->P,
                               (const char *const *)plan->labels);
    if (rc != OA_OK)
        goto fail;

    memset(&bo, 0, sizeof bo);
    bo.relax = opts->relax;
    bo.cliques = (opts->flags & OA_SOLVE_CLIQUES) != 0;
    rc = oap_model_build(&m, chk, &bo);
    if (rc != OA_OK)
        goto fail;
    if (opts->version >= 2 && opts->start && !opts->relax) {
        rc = oap_search_start_from(&start, m, plan, opts->start, &c.so);
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
        rc = diagnose(&c, err);
        if (rc != OA_OK)
            goto fail;
        break;
    case OAP_SOL_NONE:
        c.r->status = OA_STATUS_NO_SOLUTION;
        c.r->objective = NAN;
        c.r->bound = sol.has_bound ? sol.bound : NAN;
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
                double spent = oap_now() - lso.t0;
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
        c.r->objective = snap(oap_model_objective(m, sol.x));
        if (c.r->status == OA_STATUS_FEASIBLE && !sol.has_bound) {
            /* The LP did not finish in time: the year-aggregated LP gives
             * a weaker but honest bound in milliseconds. */
            c.r->bound = quick_bound(&c, m);
            if (c.r->bound < c.r->objective)
                c.r->bound = c.r->objective;
        } else if (c.r->status == OA_STATUS_FEASIBLE) {
            /* The solver's bound includes the tie-break; shift it as the
             * incumbent shifts. */
            c.r->bound = sol.bound + (c.r->objective - sol.obj);
            if (c.r->bound < c.r->objective)
                c.r->bound = c.r->objective;
        } else {
            c.r->bound = c.r->objective;
        }
        c.r->gap = isnan(c.r->bound) ? NAN
                                     : gap_of(c.r->objective, c.r->bound);
        rc = fill_initiatives(&c, m, sol.x, opts->relax);
        if (rc == OA_OK)
            rc = fill_loads(&c, m, sol.x, dual);
        if (rc == OA_OK)
            rc = fill_spend(&c, m, sol.x, dual);
        if (dual != sol.dual)
            oap_free(dual);
        if (rc != OA_OK)
            goto fail;
        break;
    }
    /* Milliseconds are enough, and keep saved results short. */
    c.r->seconds = floor((oap_now() - c.so.t0) * 1000 + 0.5) / 1000;
    oap_solution_free(&sol);
    oap_model_free(m);
    oap_free(start);
    oa_checked_free(chk);
    *out = c.r;
    return OA_OK;
fail:
    if (rc == OA_ENOMEM)
        oap_error_set(err, rc, plan->source, -1, "out of memory");
    oap_solution_free(&sol);
    oap_model_free(m);
    oap_free(start);
    oa_result_free(c.r);
    oa_checked_free(chk);
    return rc;
}

OA_API int oa_plan_model_size(const oa_plan *plan, oa_model_size *out,
                              oa_error *err)
{
    oap_model *m = NULL;
    oap_build_opts bo;
    oa_checked *chk = NULL;
    size_t k;
    int rc;
    OAP_ARG(plan && out);
    memset(out, 0, sizeof *out);
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    memset(&bo, 0, sizeof bo);
    rc = oap_model_build(&m, chk, &bo);
    if (rc != OA_OK) {
        oa_checked_free(chk);
        return rc;
    }
    out->rows = m->nrows;
    out->columns = m->ncols;
    out->nonzeros = m->nnz;
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].is_int)
            out->binaries++;
    oap_model_free(m);
    oa_checked_free(chk);
    return OA_OK;
}

OA_API int oa_plan_export(const oa_plan *plan, const char *path,
                          oa_export_format format, oa_error *err)
{
    oap_model *m = NULL;
    oap_build_opts bo;
    oap_atomic a;
    oa_checked *chk = NULL;
    int rc;
    OAP_ARG(plan && path);
    OAP_ARG(format == OA_EXPORT_LP || format == OA_EXPORT_MPS);
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    memset(&bo, 0, sizeof bo);
    bo.no_tiebreak = 1;
    rc = oap_model_build(&m, chk, &bo);
    if (rc != OA_OK) {
        oa_checked_free(chk);
        return rc;
    }
    rc = oap_atomic_begin(&a, path, err);
    if (rc == OA_OK && format == OA_EXPORT_LP) {
        rc = oap_solver_write(m, plan, a.in_place ? a.path : a.tmp, 0, err);
        if (rc == OA_OK)
            rc = oap_atomic_commit(&a, err);
        else
            oap_atomic_abort(&a);
    } else if (rc == OA_OK) {
        /* MPS has no standard way to say "maximize" (GLPK's reader takes
         * no OBJSENSE section), so the file says it in a comment first. */
        char *tmp2 = a.in_place ? NULL : oap_malloc(strlen(a.tmp) + 3);
        char *data = NULL;
        size_t size = 0;
        static const char head[] =
            "* libopsalign model: the objective is to be MAXIMIZED\n"
            "* (glpsol --max, cbc -max, highs with a maximize option)\n";
        if (!a.in_place && tmp2 == NULL)
            rc = OA_ENOMEM;
        if (rc == OA_OK && tmp2) {
            sprintf(tmp2, "%s.m", a.tmp);
            rc = oap_solver_write(m, plan, tmp2, 1, err);
            if (rc == OA_OK)
                rc = oap_read_file(&data, &size, tmp2, (size_t)1 << 31, err);
            remove(tmp2);
        } else if (rc == OA_OK) {
            rc = oap_solver_write(m, plan, a.path, 1, err);
        }
        if (rc == OA_OK && data)
            rc = oap_atomic_write(&a, head, sizeof head - 1, err);
        if (rc == OA_OK && data)
            rc = oap_atomic_write(&a, data, size, err);
        if (rc == OA_OK)
            rc = oap_atomic_commit(&a, err);
        else
            oap_atomic_abort(&a);
        oap_free(data);
        oap_free(tmp2);
    }
    oap_model_free(m);
    oa_checked_free(chk);
    return rc;
}

int oap_result_has_roadmap(const oa_result *r)
{
    return r && (oa_result_status(r) == OA_STATUS_OPTIMAL ||
                 oa_result_status(r) == OA_STATUS_FEASIBLE);
}

int oap_result_check_roadmap(const oa_checked *chk, const oa_result *r,
                             const char *what, oa_error *err)
{
    const oa_plan *p = chk->plan;
    size_t k;
    if (!oap_result_has_roadmap(r)) {
        oap_error_set(err, OA_ESTATE, p->source, -1,
                      "the plan has no roadmap to %s (%s)", what,
                      oa_status_name(oa_result_status(r)));
        return OA_ESTATE;
    }
    if (oa_result_initiative_count(r) != p->initiatives.n ||
        oa_result_period_count(r) != chk->res->P) {
        oap_error_set(err, OA_EINVALID, p->source, -1,
                      "the result is not a roadmap of this plan");
        return OA_EINVALID;
    }
    for (k = 0; k < p->initiatives.n; k++) {
        oa_initiative_result ir;
        if (oa_result_initiative(&ir, r, k) != OA_OK ||
            strcmp(ir.id, p->initiatives.v[k]->id) != 0) {
            oap_error_set(err, OA_EINVALID, p->source, -1,
                          "the result is not a roadmap of this plan");
            return OA_EINVALID;
        }
    }
    return OA_OK;
}
