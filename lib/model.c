/*
 * Builds the mixed-integer program of model.md from a validated plan:
 * the time-indexed "pulse" form (x[i,s] = 1 when initiative i starts in
 * period s) with disaggregated precedence rows, after pruning the start
 * periods that the requires chains rule out.
 */
#include "model.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int add_col(oap_model *m, oap_col_kind kind, int a, int b, int c,
                   double lb, double ub, double obj, int is_int)
{
    oap_col col;
    col.kind = kind;
    col.a = a;
    col.b = b;
    col.c = c;
    col.lb = lb;
    col.ub = ub;
    col.obj = obj;
    col.is_int = is_int;
    if (m->failed)
        return -1;
    if (m->max_nz && m->ncols >= m->max_nz) {
        m->failed = m->too_big = 1;
        return -1;
    }
    if (OAP_PUSH(m->cols, m->ncols, m->colcap, col) != OA_OK) {
        m->failed = 1;
        return -1;
    }
    return (int)m->ncols - 1;
}

static int add_row(oap_model *m, oap_row_kind kind, int a, int b, int c,
                   double lo, double hi)
{
    oap_row row;
    row.kind = kind;
    row.a = a;
    row.b = b;
    row.c = c;
    row.lo = lo;
    row.hi = hi;
    if (m->failed)
        return -1;
    if (OAP_PUSH(m->rows, m->nrows, m->rowcap, row) != OA_OK) {
        m->failed = 1;
        return -1;
    }
    return (int)m->nrows - 1;
}

static void add_nz(oap_model *m, int row, int col, double v)
{
    oap_nz z;
    if (v == 0 || row < 0 || col < 0 || m->failed)
        return;
    z.i = row;
    z.j = col;
    z.v = v;
    if (m->max_nz && m->nnz >= m->max_nz)
        m->failed = m->too_big = 1;
    else if (OAP_PUSH(m->nz, m->nnz, m->nzcap, z) != OA_OK)
        m->failed = 1;
}

int oap_model_add_col(oap_model *m, double lb, double ub, double obj,
                      int is_int)
{
    return add_col(m, OAP_COL_OTHER, 0, 0, 0, lb, ub, obj, is_int);
}

int oap_model_add_row(oap_model *m, double lo, double hi)
{
    return add_row(m, OAP_ROW_OTHER, 0, 0, 0, lo, hi);
}

void oap_model_add_nz(oap_model *m, int row, int col, double v)
{
    add_nz(m, row, col, v);
}

void oap_model_free(oap_model *m)
{
    if (m == NULL)
        return;
    oap_free(m->cols);
    oap_free(m->rows);
    oap_free(m->nz);
    oap_free(m->x_first);
    oap_free(m->choice_row);
    oap_free(m->x_s0);
    oap_free(m->x_s1);
    oap_free(m->forced);
    oap_free(m->cap_row);
    oap_free(m->ot_col);
    oap_free(m->ct_col);
    oap_free(m->ln_col);
    oap_free(m->sh_col);
    oap_free(m->budgets);
    oap_free(m->avail);
    oap_free(m->stab);
    oap_free(m);
}

/*
 * Start windows: the forward push of validation, then, backwards, every
 * initiative that a mandatory one needs (directly or through a chain) must
 * finish before that one's latest start less the lag.
 */
static int prune_windows(oap_model *m)
{
    const oap_resolved *res = m->res;
    int N = res->N, i, changed = 1, guard = 0;
    int *lf = oap_calloc((size_t)N + 1, sizeof(int));
    int *forced = oap_calloc((size_t)N + 1, sizeof(int));
    if (lf == NULL || forced == NULL) {
        oap_free(lf);
        oap_free(forced);
        return OA_ENOMEM;
    }
    for (i = 0; i < N; i++) {
        lf[i] = res->ini[i].lf;
        forced[i] = res->ini[i].mandatory;
    }
    /* Requires graphs are acyclic, so this settles in at most N rounds. */
    while (changed && guard++ <= N + 1) {
        changed = 0;
        for (i = 0; i < N; i++) {
            const oap_rini *ri = &res->ini[i];
            size_t k;
            if (!forced[i])
                continue;
            for (k = 0; k < ri->nreq; k++) {
                int j = ri->req[k].i;
                int need = lf[i] - ri->d + 1 - ri->req[k].lag - 1;
                if (!forced[j]) {
                    forced[j] = 1;
                    changed = 1;
                }
                if (need < lf[j]) {
                    lf[j] = need;
                    changed = 1;
                }
            }
        }
    }
    for (i = 0; i < N; i++) {
        m->x_s0[i] = res->ini[i].es;
        m->x_s1[i] = lf[i] - res->ini[i].d + 1;
        if (res->ini[i].forbidden)
            m->x_s1[i] = m->x_s0[i] - 1;
    }
    oap_free(lf);
    m->forced = forced;
    return OA_OK;
}

/*
 * The most a unit can ever have for a resource in a period, with every
 * lever at its limit and its run work as low as shortfall and the
 * automation of every initiative could make it.  A start that needs more
 * than that in some period can never be chosen; its column is fixed at 0.
 * (Not in the elastic model, whose deficits can cover anything.)
 */
static int prune_capacity(oap_model *m)
{
    const oap_resolved *res = m->res;
    double *avail = oap_max_avail(res);
    size_t x;
    int i, s;
    if (avail == NULL)
        return OA_ENOMEM;
    for (i = 0; i < res->N; i++) {
        const oap_rini *ri = &res->ini[i];
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            size_t e;
            for (e = 0; e < ri->ndem; e++) {
                const oap_rdemand *d = &ri->dem[e];
                x = OAP_URT(res, d->u, d->r, s - 1 + d->k);
                if (d->q > avail[x] + 1e-9 * (1 + d->q)) {
                    m->cols[m->x_first[i] + s - m->x_s0[i]].ub = 0;
                    break;
                }
            }
        }
    }
    m->avail = avail;
    return OA_OK;
}

/*
 * Clique rows: in a unit, resource and period, the starts whose demand
 * there is more than half of the most the unit could ever have conflict
 * pairwise, so at most one of them is chosen.  The LP relaxation does not
 * know that; the rows tell it.  A set equal to the previous period's is
 * not repeated.
 */
static void add_cliques(oap_model *m)
{
    const oap_resolved *res = m->res;
    int u, r, t, i, s, n, prevn = 0;
    int *cols = oap_calloc(m->ncols + 1, sizeof(int));
    int *prev = oap_calloc(m->ncols + 1, sizeof(int));
    if (cols == NULL || prev == NULL) {
        m->failed = 1;
        goto out;
    }
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++) {
            prevn = 0;
            for (t = 0; t < res->P; t++) {
                double half = m->avail[OAP_URT(res, u, r, t)] / 2;
                int first_i = -1, many = 0, row, q;
                n = 0;
                for (i = 0; i < res->N; i++) {
                    const oap_rini *ri = &res->ini[i];
                    size_t e;
                    for (e = 0; e < ri->ndem; e++) {
                        const oap_rdemand *d = &ri->dem[e];
                        if (d->u != u || d->r != r || d->q <= half + 1e-9)
                            continue;
                        s = t + 1 - d->k; /* the start that puts k at t */
                        if (s < m->x_s0[i] || s > m->x_s1[i] ||
                            m->cols[m->x_first[i] + s - m->x_s0[i]].ub <= 0)
                            continue;
                        cols[n++] = m->x_first[i] + s - m->x_s0[i];
                        if (first_i < 0)
                            first_i = i;
                        else if (i != first_i)
                            many = 1;
                    }
                }
                if (!many) {
                    prevn = 0;
                    continue;
                }
                if (n == prevn && memcmp(cols, prev, (size_t)n * sizeof *cols) == 0)
                    continue;
                row = add_row(m, OAP_ROW_CLIQUE, u, r, t, -HUGE_VAL, 1);
                for (q = 0; q < n; q++)
                    add_nz(m, row, cols[q], 1);
                memcpy(prev, cols, (size_t)n * sizeof *cols);
                prevn = n;
            }
        }
out:
    oap_free(cols);
    oap_free(prev);
}

/* The initiatives (or loans) of one unit: list[first .. first + n - 1]. */
typedef struct unit_list {
    int first, n;
} unit_list;

/* The share of a yearly amount in periods t0..t1 (a horizon of one year
 * keeps the arithmetic of cost / P per period, as before years). */
static double opw_sum(const oap_resolved *res, int t0, int t1)
{
    double s = 0;
    int t;
    for (t = t0; t <= t1; t++)
        s += res->opw[t];
    return s;
}

int oap_model_build(oap_model **out, const oa_checked *chk,
                    const oap_build_opts *opts, oa_error *err)
{
    const oap_resolved *res;
    oap_model *m;
    int P, U, R, N, i, u, r, t, s, l, p, k, y;
    size_t URP, idx;
    double scale = 1, opcost = 0, opcost_pp = 0;
    unit_list *by_unit = NULL, *ln_by_unit = NULL;
    int *own = NULL, *ln_own = NULL;

    *out = NULL;
    if (chk == NULL || chk->res == NULL || chk->gen != chk->plan->gen)
        return OA_ESTATE;
    res = chk->res;
    P = res->P;
    U = res->U;
    R = res->R;
    N = res->N;
    URP = (size_t)U * (size_t)R * (size_t)P;

    m = oap_calloc(1, sizeof *m);
    if (m == NULL)
        return OA_ENOMEM;
    m->res = res;
    m->max_nz = opts && opts->max_nonzeros ? opts->max_nonzeros
                                           : OA_SOLVE_DEFAULT_MAX_NONZEROS;
    if (m->max_nz == SIZE_MAX)
        m->max_nz = 0;
    m->relax = opts && opts->relax;
    m->elastic = opts && opts->elastic;
    m->x_first = oap_calloc((size_t)N + 1, sizeof(int));
    m->choice_row = oap_calloc((size_t)N + 1, sizeof(int));
    m->x_s0 = oap_calloc((size_t)N + 1, sizeof(int));
    m->x_s1 = oap_calloc((size_t)N + 1, sizeof(int));
    m->cap_row = oap_calloc(URP + 1, sizeof(int));
    m->ot_col = oap_calloc(URP + 1, sizeof(int));
    m->ct_col = oap_calloc(URP + 1, sizeof(int));
    m->ln_col = oap_calloc((size_t)res->NL * (size_t)P + 1, sizeof(int));
    m->sh_col = oap_calloc((size_t)res->NOP * (size_t)R * (size_t)P + 1,
                           sizeof(int));
    m->budgets = oap_calloc((size_t)res->NY * (size_t)(U + 1) +
                                (size_t)res->NLIM + (size_t)res->NUB + 1,
                            sizeof *m->budgets);
    if (!m->x_first || !m->choice_row || !m->x_s0 || !m->x_s1 || !m->cap_row || !m->ot_col ||
        !m->ct_col || !m->ln_col || !m->sh_col || !m->budgets ||
        prune_windows(m) != OA_OK) {
        oap_model_free(m);
        return OA_ENOMEM;
    }

    /* The tie-break prefers earlier starts among equal roadmaps: a weight
     * per period of delay so small that all of it together stays below a
     * millionth of the largest objective coefficient. */
    for (i = 0; i < N; i++) {
        double v = res->ini[i].value + res->ini[i].benefit * P;
        if (v > scale)
            scale = v;
    }
    m->tiebreak = (opts && (opts->no_tiebreak || opts->relax || opts->elastic))
                      ? 0
                      : 1e-6 * scale / ((double)(N + 1) * (double)(P + 1));
    for (i = 0; i < N; i++)
        if (m->x_s1[i] > m->x_s0[i])
            m->tiebreak_span += m->tiebreak * (m->x_s1[i] - m->x_s0[i]);

    /* Columns: x[i,s]. */
    for (i = 0; i < N && !m->failed; i++) {
        const oap_rini *ri = &res->ini[i];
        m->x_first[i] = (int)m->ncols;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            double obj = m->elastic ? 0
                                    : ri->value + ri->benefit * (P - (s + ri->d - 1)) -
                                          m->tiebreak * (s - m->x_s0[i]);
            add_col(m, OAP_COL_X, i, s, 0, 0, 1, obj, !m->relax);
        }
    }
    if (!m->failed && !m->elastic && prune_capacity(m) != OA_OK) {
        oap_model_free(m);
        return OA_ENOMEM;
    }
    /* Levers. */
    for (idx = 0; idx < URP; idx++) {
        m->ot_col[idx] = m->ct_col[idx] = m->cap_row[idx] = -1;
    }
    for (u = 0; u < U; u++)
        for (r = 0; r < R; r++)
            for (t = 0; t < P; t++) {
                size_t x = OAP_URT(res, u, r, t);
                double otmax = res->ot_max[u * R + r] * res->cap[x];
                if (otmax > 0)
                    m->ot_col[x] = add_col(m, OAP_COL_OT, u, r, t, 0, otmax,
                                           m->elastic ? 0 : -res->ot_cost[u * R + r],
                                           0);
                if (res->ct_max[x] > 0)
                    m->ct_col[x] = add_col(m, OAP_COL_CT, u, r, t, 0,
                                           res->ct_max[x],
                                           m->elastic ? 0 : -res->ct_cost[x], 0);
            }
    for (l = 0; l < res->NL; l++)
        for (t = 0; t < P; t++) {
            m->ln_col[(size_t)l * (size_t)P + (size_t)t] = -1;
            if (res->loans[l].max > 0)
                m->ln_col[(size_t)l * (size_t)P + (size_t)t] =
                    add_col(m, OAP_COL_LN, l, 0, t, 0, res->loans[l].max,
                            m->elastic ? 0 : -res->loans[l].cost, 0);
        }
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < R; r++)
            for (t = 0; t < P; t++) {
                size_t x = ((size_t)p * (size_t)R + (size_t)r) * (size_t)P +
                           (size_t)t;
                double run = res->ops[p].run[(size_t)r * (size_t)P + (size_t)t];
                double maxsh = (1 - res->ops[p].min) * run;
                m->sh_col[x] = -1;
                if (maxsh > 0)
                    m->sh_col[x] = add_col(m, OAP_COL_SH, p, r, t, 0, maxsh,
                                           m->elastic ? 0 : -res->ops[p].penalty,
                                           0);
            }

    /* 1. Choice. */
    for (i = 0; i < N && !m->failed; i++) {
        const oap_rini *ri = &res->ini[i];
        int row;
        (void)ri;
        /* Mandatory work, and what it requires: exactly one start. */
        row = add_row(m, OAP_ROW_CHOICE, i, 0, 0,
                      m->forced[i] ? 1 : -HUGE_VAL, 1);
        m->choice_row[i] = row;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
            add_nz(m, row, m->x_first[i] + s - m->x_s0[i], 1);
    }

    /* 2. Capacity: one row per unit, resource and period with anything in
     * it; its right-hand side is capacity less run work. */
    for (u = 0; u < U; u++)
        for (r = 0; r < R; r++)
            for (t = 0; t < P; t++) {
                size_t x = OAP_URT(res, u, r, t);
                int row = add_row(m, OAP_ROW_CAP, u, r, t, -HUGE_VAL,
                                  res->cap[x] - res->run[x]);
                m->cap_row[x] = row;
                add_nz(m, row, m->ot_col[x], -1);
                add_nz(m, row, m->ct_col[x], -1);
            }
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < R; r++)
            for (t = 0; t < P; t++) {
                size_t x = ((size_t)p * (size_t)R + (size_t)r) * (size_t)P +
                           (size_t)t;
                add_nz(m, m->cap_row[OAP_URT(res, res->ops[p].unit, r, t)],
                       m->sh_col[x], -1);
            }
    for (l = 0; l < res->NL; l++) {
        const oap_rloan *ln = &res->loans[l];
        for (t = 0; t < P; t++) {
            int col = m->ln_col[(size_t)l * (size_t)P + (size_t)t];
            add_nz(m, m->cap_row[OAP_URT(res, ln->from, ln->r, t)], col, 1);
            add_nz(m, m->cap_row[OAP_URT(res, ln->to, ln->r, t)], col,
                   -ln->eff);
        }
    }
    for (i = 0; i < N && !m->failed; i++) {
        const oap_rini *ri = &res->ini[i];
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            int col = m->x_first[i] + s - m->x_s0[i];
            size_t e;
            /* Change work while it runs. */
            for (e = 0; e < ri->ndem; e++) {
                const oap_rdemand *d = &ri->dem[e];
                t = s - 1 + d->k;
                add_nz(m, m->cap_row[OAP_URT(res, d->u, d->r, t)], col, d->q);
            }
            /* Effects from the period after it finishes. */
            for (e = 0; e < ri->neff; e++)
                for (t = s - 1 + ri->d; t < P; t++)
                    add_nz(m, m->cap_row[OAP_URT(res, ri->eff[e].u,
                                                 ri->eff[e].r, t)],
                           col, ri->eff[e].v);
        }
    }

    /* 3. Requires, disaggregated: for each t in j's window,
     * sum_{s <= t} x[j,s] <= sum_{s <= t - d_i - lag} x[i,s]. */
    for (i = 0; i < N && !m->failed; i++) {
        const oap_rini *rj = &res->ini[i];
        size_t q;
        for (q = 0; q < rj->nreq; q++) {
            int need = rj->req[q].i, lag = rj->req[q].lag;
            const oap_rini *ri = &res->ini[need];
            for (t = m->x_s0[i]; t <= m->x_s1[i]; t++) {
                int row = add_row(m, OAP_ROW_REQ, i, need, t, -HUGE_VAL, 0);
                for (s = m->x_s0[i]; s <= t; s++)
                    add_nz(m, row, m->x_first[i] + s - m->x_s0[i], 1);
                for (s = m->x_s0[need]; s <= m->x_s1[need] &&
                                        s <= t - ri->d - lag;
                     s++)
                    add_nz(m, row, m->x_first[need] + s - m->x_s0[need], -1);
            }
        }
    }

    /* 4. Excludes (each pair once). */
    for (i = 0; i < N && !m->failed; i++) {
        const oap_rini *ri = &res->ini[i];
        size_t q;
        for (q = 0; q < ri->nexc; q++) {
            int j = ri->exc[q], row;
            if (j <= i)
                continue;
            row = add_row(m, OAP_ROW_EXCL, i, j, 0, -HUGE_VAL, 1);
            for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
                add_nz(m, row, m->x_first[i] + s - m->x_s0[i], 1);
            for (s = m->x_s0[j]; s <= m->x_s1[j]; s++)
                add_nz(m, row, m->x_first[j] + s - m->x_s0[j], 1);
        }
    }

    if (opts && opts->cliques && m->avail)
        add_cliques(m);

    /* 5. Budgets: the total and each unit's budget for every year of the
     * horizon (the share of the year inside it), each range limit, each
     * unit budget over a range.  Operating plans' costs are yearly
     * amounts spread over their years' periods (res->opw). */
    for (p = 0; p < res->NOP; p++) {
        opcost += res->ops[p].cost;
        opcost_pp += res->ops[p].cost / P;
    }
    k = 0;
    for (y = 0; y < res->NY && res->has_total; y++) {
        oap_budget *b = &m->budgets[k++];
        b->kind = OAP_BUDGET_TOTAL;
        b->index = -1;
        b->t0 = res->years[y].t0;
        b->t1 = res->years[y].t1;
        b->limit = res->total * res->years[y].share;
        b->fixed = res->NY == 1 ? opcost_pp * P
                                : opcost * opw_sum(res, b->t0, b->t1);
    }
    for (l = 0; l < res->NLIM; l++) {
        oap_budget *b = &m->budgets[k++];
        b->kind = OAP_BUDGET_LIMIT;
        b->index = l;
        b->t0 = res->limits[l].t0;
        b->t1 = res->limits[l].t1;
        b->limit = res->limits[l].value;
        b->fixed = res->NY == 1 ? opcost_pp * (b->t1 - b->t0 + 1)
                                : opcost * opw_sum(res, b->t0, b->t1);
    }
    for (u = 0; u < U; u++) {
        double unit_opcost = 0;
        for (p = 0; p < res->NOP; p++)
            if (res->ops[p].unit == u)
                unit_opcost += res->ops[p].cost;
        for (y = 0; y < res->NY && res->unit_budget[u] >= 0; y++) {
            oap_budget *b = &m->budgets[k++];
            b->kind = OAP_BUDGET_UNIT;
            b->index = u;
            b->t0 = res->years[y].t0;
            b->t1 = res->years[y].t1;
            b->limit = res->unit_budget[u] * res->years[y].share;
            b->fixed = res->NY == 1 ? unit_opcost
                                    : unit_opcost * opw_sum(res, b->t0, b->t1);
        }
        for (l = 0; l < res->NUB; l++) {
            oap_budget *b;
            if (res->ubudgets[l].u != u)
                continue;
            b = &m->budgets[k++];
            b->kind = OAP_BUDGET_UNIT;
            b->index = u;
            b->t0 = res->ubudgets[l].t0;
            b->t1 = res->ubudgets[l].t1;
            b->limit = res->ubudgets[l].value;
            b->fixed = unit_opcost * opw_sum(res, b->t0, b->t1);
        }
    }
    m->nbudgets = k;
    /* A unit's budget row reads only its own initiatives, levers and
     * loans: the initiatives and loans by unit (in order), so that the
     * rows of all unit budgets take time linear in the plan. */
    by_unit = oap_calloc((size_t)U + 1, sizeof *by_unit);
    own = oap_calloc((size_t)N + 1, sizeof *own);
    ln_by_unit = oap_calloc((size_t)U + 1, sizeof *ln_by_unit);
    ln_own = oap_calloc((size_t)res->NL + 1, sizeof *ln_own);
    if (!by_unit || !own || !ln_by_unit || !ln_own)
        m->failed = 1;
    else {
        for (i = 0; i < N; i++)
            if (res->ini[i].owner >= 0)
                by_unit[res->ini[i].owner].n++;
        for (l = 0; l < res->NL; l++)
            ln_by_unit[res->loans[l].to].n++;
        for (u = 1; u < U; u++) {
            by_unit[u].first = by_unit[u - 1].first + by_unit[u - 1].n;
            ln_by_unit[u].first = ln_by_unit[u - 1].first + ln_by_unit[u - 1].n;
        }
        for (u = 0; u < U; u++)
            by_unit[u].n = ln_by_unit[u].n = 0;
        for (i = 0; i < N; i++)
            if (res->ini[i].owner >= 0) {
                unit_list *ul = &by_unit[res->ini[i].owner];
                own[ul->first + ul->n++] = i;
            }
        for (l = 0; l < res->NL; l++) {
            unit_list *ul = &ln_by_unit[res->loans[l].to];
            ln_own[ul->first + ul->n++] = l;
        }
    }
    for (k = 0; k < m->nbudgets && !m->failed; k++) {
        oap_budget *b = &m->budgets[k];
        int row = add_row(m, OAP_ROW_BUDGET, k, 0, 0, -HUGE_VAL,
                          b->limit - b->fixed);
        int unit = b->kind == OAP_BUDGET_UNIT ? b->index : -1;
        int q, q1 = unit >= 0 ? by_unit[unit].n : N;
        int u0 = unit >= 0 ? unit : 0, u1 = unit >= 0 ? unit + 1 : U;
        int lq1 = unit >= 0 ? ln_by_unit[unit].n : res->NL;
        b->row = row;
        for (q = 0; q < q1 && !m->failed; q++) {
            const oap_rini *ri;
            i = unit >= 0 ? own[by_unit[unit].first + q] : q;
            ri = &res->ini[i];
            if (ri->cost == 0)
                continue;
            for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
                int a = s - 1 > b->t0 ? s - 1 : b->t0;
                int z = s - 1 + ri->d - 1 < b->t1 ? s - 1 + ri->d - 1 : b->t1;
                if (z >= a)
                    add_nz(m, row, m->x_first[i] + s - m->x_s0[i],
                           ri->cost / ri->d * (z - a + 1));
            }
        }
        for (t = b->t0; t <= b->t1; t++) {
            for (u = u0; u < u1; u++)
                for (r = 0; r < R; r++) {
                    size_t x = OAP_URT(res, u, r, t);
                    add_nz(m, row, m->ot_col[x], res->ot_cost[u * R + r]);
                    add_nz(m, row, m->ct_col[x], res->ct_cost[x]);
                }
            for (q = 0; q < lq1; q++) {
                l = unit >= 0 ? ln_own[ln_by_unit[unit].first + q] : q;
                add_nz(m, row, m->ln_col[(size_t)l * (size_t)P + (size_t)t],
                       res->loans[l].cost);
            }
        }
    }
    oap_free(by_unit);
    oap_free(own);
    oap_free(ln_by_unit);
    oap_free(ln_own);

    /* Elastic: a deficit on every capacity and budget row, and the
     * objective is their plain sum (minimized, as a negative maximum). */
    if (m->elastic) {
        size_t nrows = m->nrows, q;
        for (q = 0; q < nrows; q++) {
            oap_row_kind kind = m->rows[q].kind;
            if (kind == OAP_ROW_CAP || kind == OAP_ROW_BUDGET) {
                int col = add_col(m, OAP_COL_DEF, (int)q, 0, 0, 0, HUGE_VAL,
                                  -1, 0);
                add_nz(m, (int)q, col, -1);
            }
        }
    }
    if (m->failed) {
        int too_big = m->too_big;
        oap_model_free(m);
        if (!too_big)
            return OA_ENOMEM;
        oap_error_set(err, OA_ELIMIT, chk->plan->source, -1,
                      "the model of this plan (%d initiatives over %d "
                      "periods) has more than %zu nonzeros, the limit "
                      "(oa_solve_opts.max_nonzeros, --max-nonzeros); "
                      "shorter start windows or fewer periods make it "
                      "smaller",
                      N, P, opts && opts->max_nonzeros
                                ? opts->max_nonzeros
                                : OA_SOLVE_DEFAULT_MAX_NONZEROS);
        return OA_ELIMIT;
    }
    *out = m;
    return OA_OK;
}

int oap_model_proven(const oap_model *m, double z, double bound)
{
    return bound <= z + 1e-9 * (1 + fabs(z)) + m->tiebreak_span;
}

double oap_model_objective(const oap_model *m, const double *x)
{
    double z = 0;
    size_t j;
    for (j = 0; j < m->ncols; j++) {
        const oap_col *c = &m->cols[j];
        double obj = c->obj;
        if (c->kind == OAP_COL_X)
            obj += m->tiebreak * (c->b - m->x_s0[c->a]);
        z += obj * x[j];
    }
    return z;
}

/* Ids in names: '-' is not allowed in CPLEX LP names, '~' is and ids
 * never contain it. */
static void put_id(char *buf, size_t size, const char *id)
{
    size_t n = 0;
    for (; *id && n + 1 < size; id++)
        buf[n++] = *id == '-' ? '~' : *id;
    buf[n] = '\0';
}

void oap_model_col_name(char *buf, size_t size, const oap_model *m,
                        const oa_plan *plan, int j)
{
    const oap_col *c = &m->cols[j];
    char a[100], b[100];
    switch (c->kind) {
    case OAP_COL_X:
        put_id(a, sizeof a, plan->initiatives.v[c->a]->id);
        snprintf(buf, size, "x(%s,%d)", a, c->b);
        break;
    case OAP_COL_OT:
    case OAP_COL_CT:
        put_id(a, sizeof a, plan->units.v[c->a]->id);
        put_id(b, sizeof b, plan->resources.v[c->b].id);
        snprintf(buf, size, "%s(%s,%s,%d)", c->kind == OAP_COL_OT ? "ot" : "ct",
                 a, b, c->c + 1);
        break;
    case OAP_COL_LN:
        snprintf(buf, size, "ln(%d,%d)", c->a + 1, c->c + 1);
        break;
    case OAP_COL_SH:
        put_id(b, sizeof b, plan->resources.v[c->b].id);
        snprintf(buf, size, "sh(%d,%s,%d)", c->a + 1, b, c->c + 1);
        break;
    case OAP_COL_DEF:
        snprintf(buf, size, "def(%d)", c->a + 1);
        break;
    case OAP_COL_OTHER:
        snprintf(buf, size, "c%d", j + 1);
        break;

    }
}

void oap_model_row_name(char *buf, size_t size, const oap_model *m,
                        const oa_plan *plan, int i)
{
    const oap_row *rw = &m->rows[i];
    char a[100], b[100];
    switch (rw->kind) {
    case OAP_ROW_CHOICE:
        put_id(a, sizeof a, plan->initiatives.v[rw->a]->id);
        snprintf(buf, size, "choice(%s)", a);
        break;
    case OAP_ROW_CAP:
        put_id(a, sizeof a, plan->units.v[rw->a]->id);
        put_id(b, sizeof b, plan->resources.v[rw->b].id);
        snprintf(buf, size, "cap(%s,%s,%d)", a, b, rw->c + 1);
        break;
    case OAP_ROW_REQ:
        put_id(a, sizeof a, plan->initiatives.v[rw->a]->id);
        put_id(b, sizeof b, plan->initiatives.v[rw->b]->id);
        snprintf(buf, size, "req(%s,%s,%d)", a, b, rw->c);
        break;
    case OAP_ROW_EXCL:
        put_id(a, sizeof a, plan->initiatives.v[rw->a]->id);
        put_id(b, sizeof b, plan->initiatives.v[rw->b]->id);
        snprintf(buf, size, "excl(%s,%s)", a, b);
        break;
    case OAP_ROW_CLIQUE:
        put_id(a, sizeof a, plan->units.v[rw->a]->id);
        put_id(b, sizeof b, plan->resources.v[rw->b].id);
        snprintf(buf, size, "clique(%s,%s,%d)", a, b, rw->c + 1);
        break;
    case OAP_ROW_OTHER:
        snprintf(buf, size, "r%d", i + 1);
        break;

    case OAP_ROW_BUDGET: {
        /* Unique: budgets over part of the horizon (years, ranges) name
         * their periods, and limits their index. */
        const oap_budget *bg = &m->budgets[rw->a];
        int whole = bg->t0 == 0 && bg->t1 == m->res->P - 1;
        if (bg->kind == OAP_BUDGET_TOTAL)
            snprintf(a, sizeof a, "total");
        else if (bg->kind == OAP_BUDGET_UNIT)
            put_id(a, sizeof a, plan->units.v[bg->index]->id);
        if (bg->kind == OAP_BUDGET_LIMIT)
            snprintf(buf, size, "budget(%d..%d#%d)", bg->t0 + 1, bg->t1 + 1,
                     bg->index + 1);
        else if (whole)
            snprintf(buf, size, "budget(%s)", a);
        else
            snprintf(buf, size, "budget(%s,%d..%d#%d)", a, bg->t0 + 1,
                     bg->t1 + 1, rw->a + 1);
        break;
    }
    }
}

/*
 * A quick upper bound for plans whose full LP takes too long: one column
 * per initiative (funded or not, at its best start) and one row per unit
 * and resource for the whole year.  Every relaxation in it is on the safe
 * side: capacity counts every lever at its cheapest price, freed run work
 * at the most it could free, loans as bought capacity with no lender, and
 * added upkeep not at all.  Its LP optimum bounds every roadmap.
 */
int oap_model_build_bound(oap_model **out, const oap_model *full)
{
    const oap_resolved *res = full->res;
    oap_model *m;
    int U = res->U, R = res->R, P = res->P, N = res->N, i, u, r, t, s, l, p;
    int *lever, *row;
    *out = NULL;
    m = oap_calloc(1, sizeof *m);
    lever = oap_calloc((size_t)U * (size_t)R + 1, sizeof(int));
    row = oap_calloc((size_t)U * (size_t)R + 1, sizeof(int));
    if (m == NULL || lever == NULL || row == NULL) {
        oap_free(m);
        oap_free(lever);
        oap_free(row);
        return OA_ENOMEM;
    }
    m->res = res;
    m->relax = 1;
    /* y[i]: the best objective coefficient of its allowed starts. */
    for (i = 0; i < N; i++) {
        double best = -HUGE_VAL;
        for (s = full->x_s0[i]; s <= full->x_s1[i]; s++) {
            const oap_col *c = &full->cols[full->x_first[i] + s - full->x_s0[i]];
            if (c->ub > 0 && c->obj + full->tiebreak * (s - full->x_s0[i]) > best)
                best = c->obj + full->tiebreak * (s - full->x_s0[i]);
        }
        if (best == -HUGE_VAL)
            add_col(m, OAP_COL_X, i, 0, 0, 0, 0, 0, 0);
        else
            add_col(m, OAP_COL_X, i, 0, 0, full->forced[i] ? 1 : 0, 1,
                    best, 0);
    }
    /* One lever column per unit and resource: all its overtime,
     * contractors, shortfall and loans in, at the lowest price among
     * them. */
    for (u = 0; u < U; u++)
        for (r = 0; r < R; r++) {
            double amount = 0, price = HUGE_VAL, cap = 0, run = 0;
            for (t = 0; t < P; t++) {
                size_t x = OAP_URT(res, u, r, t);
                double ot = res->ot_max[u * R + r] * res->cap[x];
                cap += res->cap[x];
                run += res->run[x];
                if (ot > 0) {
                    amount += ot;
                    if (res->ot_cost[u * R + r] < price)
                        price = res->ot_cost[u * R + r];
                }
                if (res->ct_max[x] > 0) {
                    amount += res->ct_max[x];
                    if (res->ct_cost[x] < price)
                        price = res->ct_cost[x];
                }
            }
            for (p = 0; p < res->NOP; p++)
                if (res->ops[p].unit == u)
                    for (t = 0; t < P; t++) {
                        double sh = (1 - res->ops[p].min) *
                                    res->ops[p].run[(size_t)r * (size_t)P +
                                                    (size_t)t];
                        if (sh > 0) {
                            amount += sh;
                            if (res->ops[p].penalty < price)
                                price = res->ops[p].penalty;
                        }
                    }
            for (l = 0; l < res->NL; l++)
                if (res->loans[l].to == u && res->loans[l].r == r &&
                    res->loans[l].max > 0) {
                    amount += res->loans[l].max * res->loans[l].eff * P;
                    if (res->loans[l].cost / res->loans[l].eff < price)
                        price = res->loans[l].cost / res->loans[l].eff;
                }
            lever[u * R + r] = amount > 0
                                   ? add_col(m, OAP_COL_CT, u, r, 0, 0, amount,
                                             -price, 0)
                                   : -1;
            row[u * R + r] = add_row(m, OAP_ROW_CAP, u, r, 0, -HUGE_VAL,
                                     cap - run);
            add_nz(m, row[u * R + r], lever[u * R + r], -1);
        }
    for (i = 0; i < N; i++) {
        const oap_rini *ri = &res->ini[i];
        size_t e;
        for (e = 0; e < ri->ndem; e++)
            add_nz(m, row[ri->dem[e].u * R + ri->dem[e].r], i, ri->dem[e].q);
        /* Automation frees at most from its earliest finish on. */
        for (e = 0; e < ri->neff; e++)
            if (ri->eff[e].v < 0) {
                int periods = P - (full->x_s0[i] + ri->d - 1);
                if (periods > 0)
                    add_nz(m, row[ri->eff[e].u * R + ri->eff[e].r], i,
                           ri->eff[e].v * periods);
            }
    }
    /* Requires, excludes, budgets (initiative costs only). */
    for (i = 0; i < N; i++) {
        const oap_rini *ri = &res->ini[i];
        size_t q;
        for (q = 0; q < ri->nreq; q++) {
            int rw = add_row(m, OAP_ROW_REQ, i, ri->req[q].i, 0, -HUGE_VAL, 0);
            add_nz(m, rw, i, 1);
            add_nz(m, rw, ri->req[q].i, -1);
        }
        for (q = 0; q < ri->nexc; q++)
            if (ri->exc[q] > i) {
                int rw = add_row(m, OAP_ROW_EXCL, i, ri->exc[q], 0, -HUGE_VAL,
                                 1);
                add_nz(m, rw, i, 1);
                add_nz(m, rw, ri->exc[q], 1);
            }
    }
    for (p = 0; p < full->nbudgets; p++) {
        const oap_budget *b = &full->budgets[p];
        int rw = add_row(m, OAP_ROW_BUDGET, p, 0, 0, -HUGE_VAL,
                         b->limit - b->fixed);
        for (i = 0; i < N; i++) {
            const oap_rini *ri = &res->ini[i];
            double least = HUGE_VAL;
            if (ri->cost == 0 ||
                (b->kind == OAP_BUDGET_UNIT && ri->owner != b->index))
                continue;
            /* Its cost inside the range, at the start that puts least
             * of it there. */
            for (s = full->x_s0[i]; s <= full->x_s1[i]; s++) {
                int a = s - 1 > b->t0 ? s - 1 : b->t0;
                int z = s - 1 + ri->d - 1 < b->t1 ? s - 1 + ri->d - 1 : b->t1;
                double c = z >= a ? ri->cost / ri->d * (z - a + 1) : 0;
                if (c < least)
                    least = c;
            }
            add_nz(m, rw, i, least);
        }
    }
    oap_free(lever);
    oap_free(row);
    if (m->failed) {
        oap_model_free(m);
        return OA_ENOMEM;
    }
    *out = m;
    return OA_OK;
}
