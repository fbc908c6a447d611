/*
 * The result of a solve: the solver's numbers turned into what a planner
 * reads (the roadmap, the loads with their marginal values, the spend
 * against every budget), snapped so that results read and diff cleanly.
 */
#include "solve_int.h"

#include <math.h>
#include <string.h>

/*
 * Solver values carry rounding noise (0.09999999999999998): snap a value
 * to 6 decimals when it is that close to them, so results read and diff
 * cleanly.
 */
double oap_snap(double v)
{
    double r;
    if (!isfinite(v) || fabs(v) > 1e12)
        return v;
    r = nearbyint(v * 1e6) / 1e6;
    return fabs(r - v) <= 1e-9 * (1 + fabs(v)) ? (r == 0 ? 0 : r) : v;
}

/* The roadmap part of the result. */
int oap_fill_initiatives(oap_solve_ctx *c, const oap_model *m,
                         const double *x, int relaxed)
{
    const oap_resolved *res = c->res;
    int i, s;
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = c->plan->initiatives.v[i];
        const oap_rini *ri = &res->ini[i];
        oa_initiative_result ir;
        double total = 0, value = 0, benefit = 0;
        int first = 0, best = 0;
        double bestx = 0;
        memset(&ir, 0, sizeof ir);
        ir.id = oap_result_str(c->r, ini->id);
        ir.name = oap_result_str(c->r, ini->name);
        ir.owner = oap_result_str(c->r, ini->owner);
        ir.earliest = ri->es;
        ir.mandatory = ini->pin ? 2 : ri->mandatory;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            const oap_col *col;
            int j = m->x_first[i] + s - m->x_s0[i];
            double v = x[j];
            if (v < 1e-9)
                continue;
            col = &m->cols[j];
            total += v;
            value += v * (col->obj + m->tiebreak * (s - m->x_s0[i]) -
                          (m->stab ? m->stab[j] : 0));
            if (m->stab)
                c->r->terms[OA_TERM_STABILITY] += v * m->stab[j];
            benefit += v * ri->benefit * (res->P - (s + ri->d - 1));
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
        ir.value = oap_snap(value);
        ir.cost = ri->cost * ir.fraction;
        ir.plan_value = ri->plan_value;
        ir.benefit = oap_snap(benefit);
        ir.score = oap_snap(total * ri->score);
        c->r->terms[OA_TERM_VALUE] += total * ri->plan_value;
        c->r->terms[OA_TERM_BENEFIT] += benefit;
        c->r->terms[OA_TERM_SCORE] += total * ri->score;
        if ((ini->name && !ir.name) || (ini->owner && !ir.owner) || !ir.id ||
            OAP_VPUSH(c->r->ini, ir) != OA_OK)
            return OA_ENOMEM;
    }
    return OA_OK;
}

static double colv(const double *x, int j)
{
    return j >= 0 ? oap_snap(x[j]) : 0;
}

int oap_fill_loads(oap_solve_ctx *c, const oap_model *m, const double *x,
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
    double *shc = oap_calloc(URP + 1, sizeof(double));
    int rc = OA_OK;
    if (!eff || !chg || !lin || !lout || !sh || !shc) {
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
            for (t = 0; t < res->P; t++) {
                double v = colv(
                    x, m->sh_col[((size_t)p * (size_t)res->R + (size_t)r) *
                                     (size_t)res->P +
                                 (size_t)t]);
                sh[OAP_URT(res, res->ops[p].unit, r, t)] += v;
                shc[OAP_URT(res, res->ops[p].unit, r, t)] +=
                    v * res->ops[p].penalty;
            }
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
                ld.effects = oap_snap(eff[k]);
                ld.shortfall = oap_snap(sh[k]);
                ld.shortfall_cost = oap_snap(shc[k]);
                ld.change = oap_snap(chg[k]);
                ld.overtime = colv(x, m->ot_col[k]);
                ld.contractors = colv(x, m->ct_col[k]);
                ld.loan_in = oap_snap(lin[k]);
                ld.loan_out = oap_snap(lout[k]);
                work = ld.run + ld.effects - ld.shortfall + ld.change;
                ld.utilization = ld.capacity > 0 ? oap_snap(work / ld.capacity)
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
    oap_free(shc);
    return rc;
}

int oap_fill_terms(oap_solve_ctx *c, const oap_model *m, const double *x)
{
    const oap_resolved *res = c->res;
    double *terms = c->r->terms, z = 0;
    int u, r, t, l, p, k;
    /* The initiatives' terms were summed by oap_fill_initiatives; the
     * levers' are summed here as oap_fill_spend sums them. */
    for (t = 0; t < res->P; t++) {
        for (u = 0; u < res->U; u++)
            for (r = 0; r < res->R; r++) {
                size_t q = OAP_URT(res, u, r, t);
                terms[OA_TERM_OVERTIME] -=
                    colv(x, m->ot_col[q]) * res->ot_cost[u * res->R + r];
                terms[OA_TERM_CONTRACTORS] -=
                    colv(x, m->ct_col[q]) * res->ct_cost[q];
            }
        for (l = 0; l < res->NL; l++)
            terms[OA_TERM_LOANS] -=
                colv(x, m->ln_col[(size_t)l * (size_t)res->P + (size_t)t]) *
                res->loans[l].cost;
    }
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++)
                terms[OA_TERM_SHORTFALL] -=
                    colv(x, m->sh_col[((size_t)p * (size_t)res->R +
                                       (size_t)r) * (size_t)res->P +
                                      (size_t)t]) *
                    res->ops[p].penalty;
    terms[OA_TERM_STABILITY] -= m->stab_offset;
    for (k = 0; k < OA_TERM_COUNT; k++) {
        terms[k] = oap_snap(terms[k]);
        if (terms[k] == 0)
            terms[k] = 0; /* no -0 */
        z += terms[k];
    }
    c->r->has_terms = 1;
    c->r->objective = oap_snap(z);
    return OA_OK;
}

void oap_spend_of(oa_spend *sp, const oap_model *m, const double *x, int unit,
                  int t0, int t1)
{
    const oap_resolved *res = m->res;
    int i, s, t, u, r, l, p;
    double opw = 0;
    for (t = t0; t <= t1; t++)
        opw += res->opw[t];
    sp->operating = sp->initiatives = sp->overtime = sp->contractors =
        sp->loans = 0;
    for (p = 0; p < res->NOP; p++)
        if (unit < 0 || res->ops[p].unit == unit)
            sp->operating += res->NY == 1
                                 ? res->ops[p].cost / res->P * (t1 - t0 + 1)
                                 : res->ops[p].cost * opw;
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
    sp->operating = oap_snap(sp->operating);
    sp->initiatives = oap_snap(sp->initiatives);
    sp->overtime = oap_snap(sp->overtime);
    sp->contractors = oap_snap(sp->contractors);
    sp->loans = oap_snap(sp->loans);
    sp->adjustment = 0;
    sp->spend = oap_snap(sp->operating + sp->initiatives + sp->overtime +
                     sp->contractors + sp->loans);
}

int oap_spend_deltas(double **out, const oap_model *m, const double *spent,
                     const double *x, int as_of)
{
    const oap_resolved *res = m->res;
    size_t P = (size_t)res->P, U = (size_t)res->U, u;
    const double *total = spent + U * P;
    double *d = oap_calloc((U + 1) * P + 1, sizeof *d);
    oa_spend sp;
    int t;
    *out = d;
    if (d == NULL)
        return OA_ENOMEM;
    for (t = 0; t < as_of - 1 && t < res->P; t++) {
        double sum = 0;
        for (u = 0; u < U; u++)
            if (!isnan(spent[u * P + (size_t)t])) {
                oap_spend_of(&sp, m, x, (int)u, t, t);
                d[u * P + (size_t)t] = spent[u * P + (size_t)t] - sp.spend;
                sum += d[u * P + (size_t)t];
            }
        /* the total's rows: the organization's entry, else the units' */
        if (!isnan(total[t])) {
            oap_spend_of(&sp, m, x, -1, t, t);
            sum = total[t] - sp.spend;
        }
        d[U * P + (size_t)t] = sum;
    }
    return OA_OK;
}

double oap_spend_delta_sum(const oap_model *m, const double *d, int unit,
                           int t0, int t1)
{
    size_t P = (size_t)m->res->P;
    size_t row = unit < 0 ? (size_t)m->res->U : (size_t)unit;
    double sum = 0;
    int t;
    for (t = t0; t <= t1; t++)
        sum += d[row * P + (size_t)t];
    return sum;
}

/* Spend of one budget's scope (unit u or all when u < 0) over t0..t1,
 * with what the actuals' spend changes (d, oap_spend_deltas, or NULL). */
static void spend_of(oa_spend *sp, const double *d, const oap_model *m,
                     const double *x, int unit, int t0, int t1)
{
    oap_spend_of(sp, m, x, unit, t0, t1);
    if (d == NULL)
        return;
    sp->adjustment = oap_snap(oap_spend_delta_sum(m, d, unit, t0, t1));
    if (sp->adjustment == 0)
        sp->adjustment = 0; /* no -0 */
    sp->spend = oap_snap(sp->operating + sp->initiatives + sp->overtime +
                         sp->contractors + sp->loans + sp->adjustment);
}

/* The spend rows of one kind of budget (unit u's for OAP_BUDGET_UNIT):
 * for the total and each unit, first the whole horizon, which carries the
 * limit of a one-year horizon's yearly budget, then a row for each
 * other budget of the model (years, ranges). */
static int spend_rows(oap_solve_ctx *c, const oap_model *m, const double *x,
                      const double *d, const double *dual,
                      oap_budget_kind kind, int u)
{
    const oap_resolved *res = c->res;
    oa_spend sp;
    int k, first = 1;
    const char *unit = u >= 0 ? oap_result_str(c->r, c->plan->units.v[u]->id)
                              : NULL;
    static const oa_budget_kind kinds[] = { OA_BUDGET_TOTAL, OA_BUDGET_RANGE,
                                            OA_BUDGET_UNIT };
    if (u >= 0 && unit == NULL)
        return OA_ENOMEM;
    if (kind != OAP_BUDGET_LIMIT) {
        memset(&sp, 0, sizeof sp);
        sp.kind = kinds[kind];
        sp.unit = unit;
        sp.from = 1;
        sp.to = res->P;
        sp.shadow_price = NAN;
        spend_of(&sp, d, m, x, u, 0, res->P - 1);
        if (OAP_VPUSH(c->r->spend, sp) != OA_OK)
            return OA_ENOMEM;
    }
    for (k = 0; k < m->nbudgets; k++) {
        const oap_budget *b = &m->budgets[k];
        if (b->kind != kind || (u >= 0 && b->index != u))
            continue;
        /* The yearly budget of a horizon of one year: the first of its
         * kind (ranged unit budgets come after it). */
        if (kind != OAP_BUDGET_LIMIT && first && res->NY == 1 &&
            (kind == OAP_BUDGET_TOTAL || res->unit_budget[u] >= 0)) {
            oa_spend *whole = &c->r->spend.v[c->r->spend.n - 1];
            whole->has_limit = 1;
            whole->limit = b->limit;
            whole->shadow_price = dual ? dual[b->row] : NAN;
            first = 0;
            continue;
        }
        first = 0;
        memset(&sp, 0, sizeof sp);
        sp.kind = kinds[kind];
        sp.unit = unit;
        sp.from = b->t0 + 1;
        sp.to = b->t1 + 1;
        sp.has_limit = 1;
        sp.limit = b->limit;
        sp.shadow_price = dual ? dual[b->row] : NAN;
        spend_of(&sp, d, m, x, u, b->t0, b->t1);
        if (OAP_VPUSH(c->r->spend, sp) != OA_OK)
            return OA_ENOMEM;
    }
    return OA_OK;
}

int oap_fill_spend(oap_solve_ctx *c, const oap_model *m, const double *x,
                   const double *dual)
{
    const oap_resolved *res = c->res;
    double *d = NULL;
    int u, rc = OA_OK;
    oa_spend sp;
    /* What the actuals' spend changes, once for every row. */
    if (c->spent)
        rc = oap_spend_deltas(&d, m, c->spent, x, c->as_of);
    /* The total comes first, even without a total budget: all spend of
     * the horizon, with the total budget's limit when the horizon is one
     * year; over several, a row of its own for each year. */
    if (rc == OA_OK)
        rc = spend_rows(c, m, x, d, dual, OAP_BUDGET_TOTAL, -1);
    if (rc == OA_OK)
        rc = spend_rows(c, m, x, d, dual, OAP_BUDGET_LIMIT, -1);
    for (u = 0; u < res->U && rc == OA_OK; u++)
        rc = spend_rows(c, m, x, d, dual, OAP_BUDGET_UNIT, u);
    /* The spend of every period. */
    for (u = 0; u < res->P && rc == OA_OK; u++) {
        memset(&sp, 0, sizeof sp);
        sp.kind = OA_BUDGET_RANGE;
        sp.from = sp.to = u + 1;
        sp.shadow_price = NAN;
        spend_of(&sp, d, m, x, -1, u, u);
        if (OAP_VPUSH(c->r->period_spend, sp) != OA_OK)
            rc = OA_ENOMEM;
    }
    oap_free(d);
    if (rc != OA_OK)
        return rc;
    /* Clean the signs of zero duals. */
    {
        size_t q;
        for (q = 0; q < c->r->spend.n; q++)
            if (fabs(c->r->spend.v[q].shadow_price) < 1e-12)
                c->r->spend.v[q].shadow_price = 0;
    }
    return OA_OK;
}

