/*
 * Re-planning as of a period (oa_solve_opts.baseline and as_of): what a
 * baseline result did before the period is fixed in the model, and only
 * the rest is left to the search.
 *
 * - An initiative the baseline started before as_of keeps that start (it
 *   runs on, mandatory in effect); no other initiative starts before it.
 * - Overtime and contractors of every unit, resource and period before
 *   as_of are the baseline's; so are the loans a unit received and the
 *   shortfall of its run work there (one row each, over the lanes into
 *   the unit and over its operating plans).
 *
 * The baseline is matched by ids (initiatives, units, resources) and by
 * period labels, so it may come from an earlier version of the plan.
 */
#include "model.h"
#include "result.h"
#include "solve_int.h"
#include "solver.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct ident {
    const char *id;
    int i;
} ident;

static int cmp_ident(const void *a, const void *b)
{
    return strcmp(((const ident *)a)->id, ((const ident *)b)->id);
}

static int find(const ident *v, size_t n, const char *id)
{
    ident key, *hit;
    key.id = id;
    hit = bsearch(&key, v, n, sizeof *v, cmp_ident);
    return hit ? hit->i : -1;
}

#define TOL(v) (1e-7 * (1 + fabs((double)(v))))

/* Fixes column col at v (what the baseline used of a lever); an error
 * when the plan does not offer that much. */
static int fix_lever(oap_model *m, int col, double v, const char *what,
                     const oa_load *L, oa_error *err)
{
    if (col < 0 || v > m->cols[col].ub + TOL(m->cols[col].ub)) {
        if (fabs(v) <= TOL(0))
            return OA_OK;
        oap_error_set(err, OA_EINVALID, NULL, -1,
                      "the baseline used %g of %s at %s/%s in period %d; "
                      "this plan offers %g there", v, what, L->unit,
                      L->resource, L->period, col < 0 ? 0 : m->cols[col].ub);
        return OA_EINVALID;
    }
    if (v < 0)
        v = 0;
    m->cols[col].lb = m->cols[col].ub = v;
    return OA_OK;
}

/* A row that fixes the sum of cols[0..n-1] (weights w) at v. */
static int fix_sum(oap_model *m, const int *cols, const double *w, int n,
                   double v, const char *what, const oa_load *L,
                   oa_error *err)
{
    int row, k;
    if (n == 0) {
        if (fabs(v) <= TOL(0))
            return OA_OK;
        oap_error_set(err, OA_EINVALID, NULL, -1,
                      "the baseline has %g of %s at %s/%s in period %d; "
                      "this plan has none there", v, what, L->unit,
                      L->resource, L->period);
        return OA_EINVALID;
    }
    row = oap_model_add_row(m, v, v);
    for (k = 0; k < n; k++)
        oap_model_add_nz(m, row, cols[k], w[k]);
    return m->failed ? OA_ENOMEM : OA_OK;
}

/* Fixes the levers of unit u, resource r in 0-based period t at L's:
 * overtime and contractors, the loans received over the lanes into the
 * unit, the shortfall over its operating plans (cols, w: scratch of
 * NL + NOP). */
static int fix_cell(oap_model *m, int u, int r, int t, const oa_load *L,
                    int *cols, double *w, oa_error *err)
{
    const oap_resolved *res = m->res;
    size_t x = OAP_URT(res, u, r, t);
    int l, p, n = 0, rc;
    rc = fix_lever(m, m->ot_col[x], L->overtime, "overtime", L, err);
    if (rc == OA_OK)
        rc = fix_lever(m, m->ct_col[x], L->contractors, "contractors", L,
                       err);
    /* loans received: over the lanes into the unit */
    for (l = 0; l < res->NL && rc == OA_OK; l++) {
        int col = m->ln_col[(size_t)l * (size_t)res->P + (size_t)t];
        if (res->loans[l].to == u && res->loans[l].r == r && col >= 0) {
            cols[n] = col;
            w[n++] = res->loans[l].eff;
        }
    }
    if (rc == OA_OK)
        rc = fix_sum(m, cols, w, n, L->loan_in, "loans received", L, err);
    /* shortfall: over the unit's operating plans */
    n = 0;
    for (p = 0; p < res->NOP && rc == OA_OK; p++) {
        int col = m->sh_col[((size_t)p * (size_t)res->R + (size_t)r) *
                                (size_t)res->P + (size_t)t];
        if (res->ops[p].unit == u && col >= 0) {
            cols[n] = col;
            w[n++] = 1;
        }
    }
    if (rc == OA_OK)
        rc = fix_sum(m, cols, w, n, L->shortfall, "shortfall", L, err);
    return rc;
}

static int fix_initiatives(oap_model *m, const oa_plan *plan,
                           const oa_result *base, int as_of, int *kept,
                           oa_error *err)
{
    const oap_resolved *res = m->res;
    int i, s;
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = plan->initiatives.v[i];
        oa_initiative_result ir;
        int sb = 0;
        if (oa_result_find_initiative(&ir, base, ini->id) == OA_OK &&
            ir.scheduled && ir.start >= 1 && ir.start < as_of)
            sb = ir.start;
        if (sb) {
            int j = m->x_first[i] + sb - m->x_s0[i];
            /* A start the capacity rules out (pruned) is kept all the
             * same: the plan is then infeasible, and the diagnosis says
             * where; a start outside the window is an error. */
            if (sb < m->x_s0[i] || sb > m->x_s1[i] || res->ini[i].forbidden) {
                const char *source;
                int line;
                oap_plan_place(plan, ini->line, &source, &line);
                oap_error_set(err, OA_EINVALID, source, line,
                              "<initiative> '%s' started in period %d (%s) "
                              "in the baseline, outside its start window "
                              "in this plan (%s)", ini->id, sb,
                              plan->labels[sb - 1],
                              res->ini[i].forbidden ? "it is forbidden"
                                                    : "its earliest start, "
                                                      "deadline or requires "
                                                      "rule it out");
                return OA_EINVALID;
            }
            for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
                m->cols[m->x_first[i] + s - m->x_s0[i]].ub = 0;
            m->cols[j].lb = m->cols[j].ub = 1;
            m->rows[m->choice_row[i]].lo = 1;
            m->forced[i] = 1;
            ++*kept;
        } else {
            for (s = m->x_s0[i]; s <= m->x_s1[i] && s < as_of; s++)
                m->cols[m->x_first[i] + s - m->x_s0[i]].ub = 0;
        }
    }
    return OA_OK;
}

int oap_model_rebase(oap_model *m, const oa_plan *plan, const oa_result *base,
                     int as_of, int *kept, oa_error *err)
{
    const oap_resolved *res = m->res;
    ident *units = NULL, *resources = NULL;
    int *cols = NULL, t, u, r, rc = OA_OK;
    double *w = NULL;
    unsigned char *seen = NULL;
    size_t k;

    *kept = 0;
    if (as_of < 1 || as_of > res->P) {
        oap_error_set(err, OA_EINVAL, NULL, -1, "the period to re-plan from, "
                      "%d, is not in the horizon (1..%d)", as_of, res->P);
        return OA_EINVAL;
    }
    if (oa_result_period_count(base) < as_of - 1) {
        oap_error_set(err, OA_EINVALID, NULL, -1, "the baseline has %d "
                      "period(s), fewer than the %d before the period to "
                      "re-plan from", oa_result_period_count(base), as_of - 1);
        return OA_EINVALID;
    }
    for (t = 1; t < as_of; t++)
        if (strcmp(oa_result_period_label(base, t), plan->labels[t - 1]) != 0) {
            oap_error_set(err, OA_EINVALID, NULL, -1, "period %d of the "
                          "baseline is '%s', of the plan '%s'", t,
                          oa_result_period_label(base, t),
                          plan->labels[t - 1]);
            return OA_EINVALID;
        }
    rc = fix_initiatives(m, plan, base, as_of, kept, err);
    if (rc != OA_OK || as_of == 1)
        return rc;

    units = oap_calloc((size_t)res->U + 1, sizeof *units);
    resources = oap_calloc((size_t)res->R + 1, sizeof *resources);
    cols = oap_calloc((size_t)(res->NL + res->NOP) + 1, sizeof *cols);
    w = oap_calloc((size_t)(res->NL + res->NOP) + 1, sizeof *w);
    seen = oap_calloc((size_t)res->U * (size_t)res->R * (size_t)res->P + 1,
                      1);
    if (!units || !resources || !cols || !w || !seen) {
        rc = OA_ENOMEM;
        goto out;
    }
    for (u = 0; u < res->U; u++) {
        units[u].id = plan->units.v[u]->id;
        units[u].i = u;
    }
    for (r = 0; r < res->R; r++) {
        resources[r].id = plan->resources.v[r].id;
        resources[r].i = r;
    }
    qsort(units, (size_t)res->U, sizeof *units, cmp_ident);
    qsort(resources, (size_t)res->R, sizeof *resources, cmp_ident);

    for (k = 0; k < oa_result_load_count(base) && rc == OA_OK; k++) {
        oa_load L;
        if (oa_result_load(&L, base, k) != OA_OK || L.period >= as_of ||
            L.period < 1)
            continue;
        u = find(units, (size_t)res->U, L.unit);
        r = find(resources, (size_t)res->R, L.resource);
        t = L.period - 1;
        if (u < 0 || r < 0) {
            if (L.overtime + L.contractors + L.loan_in + L.shortfall >
                TOL(0)) {
                oap_error_set(err, OA_EINVALID, NULL, -1, "the baseline "
                              "used levers at %s/%s, which this plan does "
                              "not have", L.unit, L.resource);
                rc = OA_EINVALID;
            }
            continue;
        }
        seen[OAP_URT(res, u, r, t)] = 1;
        rc = fix_cell(m, u, r, t, &L, cols, w, err);
    }
    /* What the baseline (or actuals) does not name used no lever. */
    for (u = 0; u < res->U && rc == OA_OK; u++)
        for (r = 0; r < res->R && rc == OA_OK; r++)
            for (t = 0; t < as_of - 1 && rc == OA_OK; t++)
                if (!seen[OAP_URT(res, u, r, t)]) {
                    oa_load L;
                    memset(&L, 0, sizeof L);
                    L.unit = plan->units.v[u]->id;
                    L.resource = plan->resources.v[r].id;
                    L.period = t + 1;
                    rc = fix_cell(m, u, r, t, &L, cols, w, err);
                }
out:
    oap_free(seen);
    oap_free(units);
    oap_free(resources);
    oap_free(cols);
    oap_free(w);
    return rc;
}

int oap_model_spend(oap_model *m, const double *spent, int as_of)
{
    const oap_resolved *res = m->res;
    size_t P = (size_t)res->P, k, n;
    double *lb = oap_calloc(m->ncols + 1, sizeof *lb), *delta = NULL;
    int b, rc;
    if (lb == NULL)
        return OA_ENOMEM;
    /* The past is fixed: its columns' lower bounds are its values, but
     * for the loans, which only sum to what a unit received. */
    for (k = 0; k < m->ncols; k++)
        lb[k] = m->cols[k].lb;
    rc = oap_spend_deltas(&delta, m, spent, lb, as_of);
    oap_free(lb);
    if (rc != OA_OK)
        return rc;
    for (b = 0; b < m->nbudgets; b++) {
        oap_budget *bg = &m->budgets[b];
        double d = oap_spend_delta_sum(m, delta,
                                       bg->kind == OAP_BUDGET_UNIT ? bg->index
                                                                   : -1,
                                       bg->t0, bg->t1);
        bg->fixed += d;
        if (bg->row >= 0)
            m->rows[bg->row].hi -= d;
    }
    oap_free(delta);
    /* The past loans an entry covers leave the budget rows: the entry
     * counts what they cost. */
    for (k = n = 0; k < m->nnz; k++) {
        const oap_nz *z = &m->nz[k];
        const oap_col *c = &m->cols[z->j];
        int keep = 1;
        if (m->rows[z->i].kind == OAP_ROW_BUDGET && c->kind == OAP_COL_LN &&
            c->c < as_of - 1) {
            const oap_budget *bg = &m->budgets[m->rows[z->i].a];
            size_t to = (size_t)res->loans[c->a].to, tt = (size_t)c->c;
            keep = isnan(spent[to * P + tt]) &&
                   (bg->kind == OAP_BUDGET_UNIT ||
                    isnan(spent[(size_t)res->U * P + tt]));
        }
        if (keep)
            m->nz[n++] = *z;
    }
    m->nnz = n;
    return OA_OK;
}

/* The baseline's start of initiative i of plan, as a period of plan
 * (matched by label; by index when the label is gone), or 0. */
static int base_start(const oa_plan *plan, const oa_result *base,
                      const char *id)
{
    oa_initiative_result ir;
    int s;
    if (oa_result_find_initiative(&ir, base, id) != OA_OK || !ir.scheduled ||
        ir.start < 1)
        return 0;
    s = oa_plan_find_period(plan, oa_result_period_label(base, ir.start));
    return s > 0 ? s : ir.start;
}

/* The prices of initiative i: its own, or the solve's. */
static void prices_of(const oa_initiative *ini, int P, double price,
                      double drop, double *move_p, double *drop_p)
{
    *move_p = isnan(ini->move_price) ? price : ini->move_price;
    *drop_p = !isnan(ini->drop_price) ? ini->drop_price
              : drop > 0          ? drop
                                  : *move_p * P;
}

int oap_model_stabilize(oap_model *m, const oa_plan *plan,
                        const oa_result *base, double price, double drop)
{
    const oap_resolved *res = m->res;
    int i, s;
    m->stab = oap_calloc(m->ncols + 1, sizeof(double));
    if (m->stab == NULL)
        return OA_ENOMEM;
    m->stab_offset = 0;
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = plan->initiatives.v[i];
        double mp, dp;
        int sb = base_start(plan, base, ini->id);
        if (sb == 0)
            continue;
        prices_of(ini, res->P, price, drop, &mp, &dp);
        if (mp == 0 && dp == 0)
            continue;
        m->stab_offset += dp;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            int j = m->x_first[i] + s - m->x_s0[i];
            double v = dp - mp * abs(s - sb);
            m->stab[j] = v;
            m->cols[j].obj += v;
        }
    }
    return OA_OK;
}

/* What initiative i's own term would be if it started in s (its column
 * objective less the tie-break and the stability price), 0 when s is not
 * a start it has. */
static double value_at(const oap_model *m, int i, int s)
{
    int j;
    if (s < m->x_s0[i] || s > m->x_s1[i])
        return 0;
    j = m->x_first[i] + s - m->x_s0[i];
    return m->cols[j].obj + m->tiebreak * (s - m->x_s0[i]) -
           (m->stab ? m->stab[j] : 0);
}

int oap_fill_moves(oap_solve_ctx *c, const oap_model *m, int evaluate)
{
    const oap_resolved *res = c->res;
    const oa_plan *plan = c->plan;
    oa_result *r = c->r;
    double *bx = NULL, *dual = NULL;
    int i, fits = 1;
    r->has_baseline = 1;
    r->baseline_objective = NAN;
    r->baseline_fits = -1;
    if (evaluate) {
        bx = oap_calloc(m->ncols + 1, sizeof(double));
        dual = oap_calloc(m->nrows + 1, sizeof(double));
        if (!bx || !dual) {
            oap_free(bx);
            oap_free(dual);
            return OA_ENOMEM;
        }
    }
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = plan->initiatives.v[i];
        const oa_initiative_result *ir = &r->ini.v[i];
        int sb = base_start(plan, c->baseline, ini->id), to = ir->start;
        oa_move mv;
        if (sb) {
            if (sb >= m->x_s0[i] && sb <= m->x_s1[i] &&
                m->cols[m->x_first[i] + sb - m->x_s0[i]].ub > 0) {
                if (bx)
                    bx[m->x_first[i] + sb - m->x_s0[i]] = 1;
            } else {
                fits = 0;
            }
        }
        if (sb == to)
            continue;
        memset(&mv, 0, sizeof mv);
        mv.id = ir->id;
        mv.from = sb;
        mv.to = to;
        if (sb) {
            double mp, dp;
            prices_of(ini, res->P, c->stability, c->drop_price, &mp, &dp);
            mv.price = to ? mp * abs(to - sb) : dp;
        }
        mv.value = oap_snap(ir->value - (sb ? value_at(m, i, sb) : 0));
        if (OAP_VPUSH(r->moves, mv) != OA_OK) {
            oap_free(bx);
            oap_free(dual);
            return OA_ENOMEM;
        }
    }
    /* The LP fails only when no lever amounts carry the roadmap (GLPK
     * errors on a model that solved are not expected). */
    if (!fits)
        r->baseline_fits = 0;
    else if (bx) {
        r->baseline_fits =
            oap_solver_fixed_lp(dual, bx, m, &c->so, NULL) == OA_OK;
        if (r->baseline_fits)
            r->baseline_objective = oap_snap(oap_model_objective(m, bx) -
                                             m->stab_offset);
    }
    oap_free(bx);
    oap_free(dual);
    return OA_OK;
}
