/*
 * A greedy roadmap, the library's own primal heuristic.  Initiatives are
 * taken mandatory first, then in the order the LP relaxation funds them
 * (then by value), each placed at the first start (in the LP's order of
 * preference) where its demand fits.  Work is covered by free capacity
 * first, then by shortfall where service levels allow it, then by
 * overtime and contractors, cheapest first, whose cost must fit every
 * budget it counts against, with the initiative's own cost.  Requires,
 * excludes and effects are respected; loans are left to the LP that then
 * prices the levers exactly (callers check the result before use).
 */
#include "heuristic.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct order_item {
    int i;
    int mandatory;
    double lp;      /* how much the LP funds it */
    double value;   /* best objective coefficient */
    int slack;      /* starts it may choose from, less one */
} order_item;

static int cmp_order(const void *a, const void *b)
{
    const order_item *x = a, *y = b;
    if (x->mandatory != y->mandatory)
        return y->mandatory - x->mandatory;
    /* Mandatory work: the least room to move first. */
    if (x->mandatory && x->slack != y->slack)
        return x->slack - y->slack;
    if (fabs(x->lp - y->lp) > 1e-6)
        return x->lp < y->lp ? 1 : -1;
    if (x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return x->i - y->i;
}

/* Cost of initiative i started in s counted against budget b. */
static double budget_coef(const oap_model *m, const oap_budget *b, int i,
                          int s)
{
    const oap_rini *ri = &m->res->ini[i];
    int a, z;
    if (ri->cost == 0 || (b->kind == OAP_BUDGET_UNIT && ri->owner != b->index))
        return 0;
    a = s - 1 > b->t0 ? s - 1 : b->t0;
    z = s - 1 + ri->d - 1 < b->t1 ? s - 1 + ri->d - 1 : b->t1;
    return z >= a ? ri->cost / ri->d * (z - a + 1) : 0;
}

typedef struct cell {
    double base;        /* capacity less run work (may be < 0) */
    double sh, ot, ct;  /* what is left of each lever */
} cell;

typedef struct gctx {
    const oap_model *m;
    cell *cells;
    double *left;       /* money left per budget */
    double *charge;     /* money a candidate would take, per budget */
} gctx;

/* Charges money spent at unit u in period t (0-based) to the budgets. */
static void charge_money(gctx *g, double *to, int u, int t, double money)
{
    int q;
    if (money <= 0)
        return;
    for (q = 0; q < g->m->nbudgets; q++) {
        const oap_budget *b = &g->m->budgets[q];
        if (t < b->t0 || t > b->t1)
            continue;
        if (b->kind == OAP_BUDGET_UNIT && b->index != u)
            continue;
        to[q] += money;
    }
}

/*
 * Covers amount of work in cell c (unit u, resource r, period t) from
 * free capacity, shortfall, then the cheaper of overtime and contractors;
 * the money goes to charge.  With commit, the cell is updated.  Returns 0
 * if the work cannot be covered.
 */
static int cover(gctx *g, int u, int r, int t, double amount, int commit)
{
    const oap_resolved *res = g->m->res;
    size_t ci = OAP_URT(res, u, r, t);
    cell c = g->cells[ci];
    double otc = res->ot_cost[u * res->R + r], ctc = res->ct_cost[ci], use;
    if (amount <= 0) {
        /* Freed capacity (negative effects) adds to what is free. */
        c.base -= amount;
        if (commit)
            g->cells[ci] = c;
        return 1;
    }
    use = c.base > 0 ? (amount < c.base ? amount : c.base) : 0;
    c.base -= amount;
    amount -= use;
    if (amount > 1e-12) {
        use = amount < c.sh ? amount : c.sh;
        c.sh -= use;
        amount -= use;
    }
    {
        int first_ot = otc <= ctc, pass;
        for (pass = 0; pass < 2 && amount > 1e-12; pass++) {
            int ot = (pass == 0) == first_ot;
            double *lever = ot ? &c.ot : &c.ct;
            use = amount < *lever ? amount : *lever;
            *lever -= use;
            amount -= use;
            charge_money(g, g->charge, u, t, use * (ot ? otc : ctc));
        }
    }
    if (amount > 1e-9)
        return 0;
    if (commit)
        g->cells[ci] = c;
    return 1;
}

int oap_greedy(const oap_model *m, const double *lpx, double *x,
               int *placed_order)
{
    const oap_resolved *res = m->res;
    size_t URP = (size_t)res->U * (size_t)res->R * (size_t)res->P, k;
    int N = res->N, P = res->P, i, u, r, t, p, q, s, npl = 0;
    gctx g;
    order_item *ord = oap_calloc((size_t)N + 1, sizeof *ord);
    int *start = oap_calloc((size_t)N + 1, sizeof(int)); /* 0 open, >0, -1 */
    int *cand = oap_calloc((size_t)P + 2, sizeof(int));
    int rc = -1, changed;

    g.m = m;
    g.cells = oap_calloc(URP + 1, sizeof *g.cells);
    g.left = oap_calloc((size_t)m->nbudgets + 1, sizeof(double));
    g.charge = oap_calloc((size_t)m->nbudgets + 1, sizeof(double));
    if (!g.cells || !g.left || !g.charge || !ord || !start || !cand)
        goto out;
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].kind == OAP_COL_X)
            x[k] = 0;
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < P; t++) {
                size_t c = OAP_URT(res, u, r, t);
                g.cells[c].base = res->cap[c] - res->run[c];
                g.cells[c].ot = res->cap[c] * res->ot_max[u * res->R + r];
                g.cells[c].ct = res->ct_max[c];
            }
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < P; t++)
                g.cells[OAP_URT(res, res->ops[p].unit, r, t)].sh +=
                    (1 - res->ops[p].min) *
                    res->ops[p].run[(size_t)r * (size_t)P + (size_t)t];
    for (q = 0; q < m->nbudgets; q++)
        g.left[q] = m->budgets[q].limit - m->budgets[q].fixed;
    /* Run work beyond capacity needs levers before anything else. */
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < P; t++) {
                size_t c = OAP_URT(res, u, r, t);
                if (g.cells[c].base < 0) {
                    double need = -g.cells[c].base;
                    g.cells[c].base = 0;
                    memset(g.charge, 0, (size_t)m->nbudgets * sizeof(double));
                    cover(&g, u, r, t, need, 1); /* the LP may use loans */
                    for (q = 0; q < m->nbudgets; q++)
                        g.left[q] -= g.charge[q];
                }
            }

    /* What mandatory initiatives need (through requires chains) must be
     * placed as early in the order as they are. */
    for (i = 0; i < N; i++)
        start[i] = res->ini[i].mandatory;
    do {
        changed = 0;
        for (i = 0; i < N; i++)
            if (start[i])
                for (k = 0; k < res->ini[i].nreq; k++)
                    if (!start[res->ini[i].req[k].i]) {
                        start[res->ini[i].req[k].i] = 1;
                        changed = 1;
                    }
    } while (changed);
    for (i = 0; i < N; i++) {
        const oap_rini *ri = &res->ini[i];
        ord[i].i = i;
        ord[i].mandatory = start[i];
        ord[i].slack = m->x_s1[i] - m->x_s0[i];
        start[i] = 0;
        ord[i].lp = 0;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
            if (lpx)
                ord[i].lp += lpx[m->x_first[i] + s - m->x_s0[i]];
        ord[i].value = ri->value + ri->benefit * (P - (m->x_s0[i] + ri->d - 1));
    }
    qsort(ord, (size_t)N, sizeof *ord, cmp_order);

    /* Passes over the order until nothing changes: an initiative waits
     * until what it requires is placed (or rejected). */
    do {
        changed = 0;
        for (q = 0; q < N; q++) {
            const oap_rini *ri;
            int earliest, ready = 1, ncand = 0, a, chosen = 0;
            i = ord[q].i;
            if (start[i] != 0)
                continue;
            ri = &res->ini[i];
            earliest = m->x_s0[i];
            for (k = 0; k < ri->nreq; k++) {
                int j = ri->req[k].i;
                if (start[j] == 0)
                    ready = 0;
                else if (start[j] < 0)
                    ready = -1;
                else if (start[j] + res->ini[j].d + ri->req[k].lag > earliest)
                    earliest = start[j] + res->ini[j].d + ri->req[k].lag;
            }
            if (ready == 0)
                continue;
            changed = 1;
            start[i] = -1;
            if (ready < 0)
                continue;
            for (k = 0; k < ri->nexc; k++)
                if (start[ri->exc[k]] > 0)
                    ready = -1;
            if (ready < 0)
                continue;
            /* Candidate starts: the LP's favourites first, then earliest. */
            for (s = earliest; s <= m->x_s1[i]; s++)
                if (m->cols[m->x_first[i] + s - m->x_s0[i]].ub > 0)
                    cand[ncand++] = s;
            for (a = 1; a < ncand; a++) {
                int v = cand[a], b = a;
                double w = lpx ? lpx[m->x_first[i] + v - m->x_s0[i]] : 0;
                while (b > 0) {
                    double w2 = lpx ? lpx[m->x_first[i] + cand[b - 1] -
                                          m->x_s0[i]]
                                    : 0;
                    if (w2 >= w - 1e-9)
                        break;
                    cand[b] = cand[b - 1];
                    b--;
                }
                cand[b] = v;
            }
            for (a = 0; a < ncand && !chosen; a++) {
                int fits = 1, pass;
                s = cand[a];
                /* Two passes: check, then commit. */
                for (pass = 0; pass < 2 && fits; pass++) {
                    memset(g.charge, 0, (size_t)m->nbudgets * sizeof(double));
                    for (k = 0; k < ri->ndem && fits; k++) {
                        const oap_rdemand *d = &ri->dem[k];
                        fits = cover(&g, d->u, d->r, s - 1 + d->k, d->q, pass);
                    }
                    for (k = 0; k < ri->neff && fits; k++)
                        for (t = s - 1 + ri->d; t < P && fits; t++)
                            fits = cover(&g, ri->eff[k].u, ri->eff[k].r, t,
                                         ri->eff[k].v, pass);
                    for (p = 0; p < m->nbudgets && fits; p++) {
                        g.charge[p] += budget_coef(m, &m->budgets[p], i, s);
                        if (g.charge[p] > g.left[p] + 1e-6 *
                                                          (1 + fabs(g.left[p])))
                            fits = 0;
                    }
                    if (pass == 0 && fits && ri->ndem + ri->neff > 0) {
                        /* A fit found, but the first pass changed
                         * nothing: commit in the second. */
                        continue;
                    }
                }
                if (!fits)
                    continue;
                for (p = 0; p < m->nbudgets; p++)
                    g.left[p] -= g.charge[p];
                chosen = s;
            }
            if (!chosen) {
                if (ri->mandatory)
                    goto out;
                continue;
            }
            s = chosen;
            start[i] = s;
            x[m->x_first[i] + s - m->x_s0[i]] = 1;
            if (placed_order)
                placed_order[npl] = i;
            npl++;
        }
    } while (changed);
    rc = npl;
out:
    oap_free(g.cells);
    oap_free(g.left);
    oap_free(g.charge);
    oap_free(ord);
    oap_free(start);
    oap_free(cand);
    return rc;
}
