/*
 * The search for roadmaps (search.h).
 *
 * 1. A first roadmap, before any LP: the greedy places mandatory work
 *    first (what a mandatory initiative requires is mandatory too; least
 *    room first, by latest start, predecessors before successors), each
 *    initiative at the earliest start where its work fits with every
 *    lever the plan allows (free capacity, shortfall down to the service
 *    level, overtime, contractors and loans, cheapest first, within every
 *    budget).  When a mandatory initiative finds no place, the placement
 *    starts again with it and what it requires moved ahead (squeaky-wheel
 *    repair).  When four such passes fail, a complete search of the
 *    mandatory work alone on the most each unit could have (forced.c,
 *    1 % of the time left) proves that no roadmap exists, or gives
 *    starts the greedy places the work at.  Then the greedy goes on with
 *    a little noise in the order and its schedules that learn from their
 *    failures, then the complete search again (a fifth of the time
 *    left); if all that fails, GLPK solves the model of the mandatory
 *    work alone (optional initiatives fixed out) and the greedy places
 *    the optional ones around it.  An LP with the roadmap fixed prices
 *    its levers exactly.
 * 2. The root LP: its bound, and the greedy guided by its values.
 * 3. A large-neighbourhood search: again and again, part of the incumbent
 *    is freed (a window of periods, the initiatives of a unit, those the
 *    LP would change, a random set) and re-optimized by a small GLPK
 *    sub-MIP that must beat the incumbent.  It has the whole time on
 *    plans whose root LP does not finish, and a share of it otherwise.
 * 4. GLPK's branch-and-cut from the best roadmap, the greedy at its nodes.
 */
#include "search.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Plans up to this many initiatives are searched with GLPK's presolver,
 * the library's roadmap kept aside instead of handed to the search
 * (benchmarks/README.md). */
#define PRESOLVE_MAX_INITIATIVES 100

/* ---- a small random generator (xorshift64*), seeded per solve ---- */

typedef struct rng {
    unsigned long long s;
} rng;

static unsigned long long rng_next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}

static double rng_unif(rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int rng_int(rng *r, int n)
{
    return n <= 1 ? 0 : (int)(rng_next(r) % (unsigned long long)n);
}

static int timed_out(const oap_solver_opts *o)
{
    return (o->time_limit > 0 && oap_time_left(o) <= 0) ||
           (o->stopped && *o->stopped) || oap_interrupted(o);
}

/* ======================================================================
 * The greedy
 * ==================================================================== */

typedef struct cell {
    double base;        /* capacity less run work and change (may be < 0) */
    double sh, ot, ct;  /* what is left of each lever */
} cell;

typedef struct undo {
    double *p;
    double v;
} undo;

typedef struct gstate {
    const oap_model *m;
    const oap_resolved *res;
    cell *cells;        /* [URP] */
    double *loan;       /* [NL * P]: what is left of each loan */
    double *left;       /* [nbudgets]: money left */
    /* The state before any initiative, to start again from. */
    cell *cells0;
    double *loan0, *left0;
    double *before;     /* [nbudgets] money left before a placement */
    /* What a placement can touch, found without reading every budget and
     * loan: the budgets of every unit (total and range limits), each
     * unit's own budget, each unit's incoming loans. */
    int *global;        /* budgets of every unit, in order */
    int nglobal;
    int *ub0, *ubn;     /* [U]: unit u's budgets are ub0[u] ..
                           ub0[u] + ubn[u] - 1 (the model builds them
                           unit by unit) */
    int *loan_first;    /* [U + 1]: u's loans are loan_list[first[u]..
                           first[u + 1] - 1], in order */
    int *loan_list;     /* [NL] */
    int *touched;       /* [nbudgets]: budgets a placement touched */
    int ntouched;
    unsigned *seen;     /* [nbudgets]: stamp of the placement that touched
                           it */
    unsigned stamp;
    undo *log;
    size_t nlog, logcap;
    int failed;         /* out of memory */
} gstate;

static void set(gstate *g, double *p, double v)
{
    if (g->nlog == g->logcap) {
        size_t cap = g->logcap ? 2 * g->logcap : 256;
        undo *n = oap_realloc(g->log, cap * sizeof *n);
        if (n == NULL) {
            g->failed = 1;
            *p = v;
            return;
        }
        g->log = n;
        g->logcap = cap;
    }
    g->log[g->nlog].p = p;
    g->log[g->nlog].v = *p;
    g->nlog++;
    *p = v;
}

static void rollback(gstate *g, size_t mark)
{
    while (g->nlog > mark) {
        g->nlog--;
        *g->log[g->nlog].p = g->log[g->nlog].v;
    }
}

/* Money spent at unit u in period t (0-based) counts against every
 * budget covering it. */
static void charge(gstate *g, int u, int t, double money)
{
    int k, q;
    if (money <= 0)
        return;
    for (k = 0; k < g->nglobal + g->ubn[u]; k++) {
        const oap_budget *b;
        q = k < g->nglobal ? g->global[k] : g->ub0[u] + k - g->nglobal;
        b = &g->m->budgets[q];
        if (t < b->t0 || t > b->t1)
            continue;
        set(g, &g->left[q], g->left[q] - money);
    }
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

/*
 * Covers amount of work at unit u, resource r, period t: free capacity
 * first, then shortfall, then the cheapest of overtime, contractors and
 * loans from units with free capacity, the money charged to the budgets.
 * Changes go through the undo log.  Returns 0 when it cannot be covered
 * (the caller rolls back).
 */
static int cover(gstate *g, int u, int r, int t, double amount)
{
    const oap_resolved *res = g->res;
    size_t ci = OAP_URT(res, u, r, t);
    cell *c = &g->cells[ci];
    double use, free_ = c->base > 0 ? c->base : 0;
    set(g, &c->base, c->base - amount);
    if (amount <= 0)
        return 1; /* freed capacity (negative effects) */
    use = amount < free_ ? amount : free_;
    amount -= use;
    if (amount > 1e-12 && c->sh > 0) {
        use = amount < c->sh ? amount : c->sh;
        set(g, &c->sh, c->sh - use);
        amount -= use;
    }
    while (amount > 1e-9) {
        /* The cheapest lever with something left, per unit of work. */
        double best = HUGE_VAL, avail = 0;
        int kind = -1, which = -1, l, k;
        double otc = res->ot_cost[u * res->R + r], ctc = res->ct_cost[ci];
        if (c->ot > 1e-12 && otc < best) {
            best = otc;
            kind = 0;
            avail = c->ot;
        }
        if (c->ct > 1e-12 && ctc < best) {
            best = ctc;
            kind = 1;
            avail = c->ct;
        }
        for (k = g->loan_first[u]; k < g->loan_first[u + 1]; k++) {
            const oap_rloan *ln = &res->loans[g->loan_list[k]];
            double *left, lend, per;
            cell *from;
            l = g->loan_list[k];
            if (ln->r != r || ln->eff <= 0)
                continue;
            left = &g->loan[(size_t)l * (size_t)res->P + (size_t)t];
            from = &g->cells[OAP_URT(res, ln->from, r, t)];
            lend = *left < from->base ? *left : from->base;
            if (lend <= 1e-12)
                continue;
            per = ln->cost / ln->eff;
            if (per < best) {
                best = per;
                kind = 2;
                which = l;
                avail = lend * ln->eff;
            }
        }
        if (kind < 0)
            return 0;
        use = amount < avail ? amount : avail;
        if (kind == 0)
            set(g, &c->ot, c->ot - use);
        else if (kind == 1)
            set(g, &c->ct, c->ct - use);
        else {
            const oap_rloan *ln = &res->loans[which];
            double lent = use / ln->eff;
            double *left = &g->loan[(size_t)which * (size_t)res->P +
                                    (size_t)t];
            cell *from = &g->cells[OAP_URT(res, ln->from, r, t)];
            set(g, left, *left - lent);
            set(g, &from->base, from->base - lent);
        }
        charge(g, u, t, use * best);
        amount -= use;
    }
    return 1;
}

/* Budget q (or none, -1) may change in the placement under way. */
static void touch(gstate *g, int q)
{
    if (q < 0 || g->seen[q] == g->stamp)
        return;
    g->seen[q] = g->stamp;
    g->before[q] = g->left[q];
    g->touched[g->ntouched++] = q;
}

/* Every budget of unit u. */
static void touch_unit(gstate *g, int u)
{
    int k;
    for (k = 0; k < g->ubn[u]; k++)
        touch(g, g->ub0[u] + k);
}

/* Places initiative i at start s if it fits; 1 when placed. */
static int place(gstate *g, int i, int s)
{
    const oap_model *m = g->m;
    const oap_rini *ri = &g->res->ini[i];
    size_t mark = g->nlog, k;
    int q, t, ok = 1, j;
    /* The budgets this placement can touch: those of every unit, its
     * owner's, and those of the units where it works or acts (their
     * levers are charged there). */
    g->stamp++;
    g->ntouched = 0;
    for (j = 0; j < g->nglobal; j++)
        touch(g, g->global[j]);
    if (ri->owner >= 0)
        touch_unit(g, ri->owner);
    for (k = 0; k < ri->ndem; k++)
        touch_unit(g, ri->dem[k].u);
    for (k = 0; k < ri->neff; k++)
        touch_unit(g, ri->eff[k].u);
    for (k = 0; k < ri->ndem && ok; k++) {
        const oap_rdemand *d = &ri->dem[k];
        ok = cover(g, d->u, d->r, s - 1 + d->k, d->q);
    }
    for (k = 0; k < ri->neff && ok; k++)
        for (t = s - 1 + ri->d; t < g->res->P && ok; t++)
            ok = cover(g, ri->eff[k].u, ri->eff[k].r, t, ri->eff[k].v);
    for (j = 0; j < g->ntouched && ok; j++) {
        double c;
        q = g->touched[j];
        c = budget_coef(m, &m->budgets[q], i, s);
        if (c != 0)
            set(g, &g->left[q], g->left[q] - c);
        if (g->left[q] < g->before[q] - 1e-9 * (1 + fabs(g->before[q])) &&
            g->left[q] < -1e-6 * (1 + fabs(m->budgets[q].limit)))
            ok = 0;
    }
    if (!ok || g->failed) {
        rollback(g, mark);
        return 0;
    }
    return 1;
}

static void gstate_free(gstate *g)
{
    oap_free(g->cells);
    oap_free(g->loan);
    oap_free(g->left);
    oap_free(g->cells0);
    oap_free(g->loan0);
    oap_free(g->left0);
    oap_free(g->before);
    oap_free(g->global);
    oap_free(g->ub0);
    oap_free(g->ubn);
    oap_free(g->loan_first);
    oap_free(g->loan_list);
    oap_free(g->touched);
    oap_free(g->seen);
    oap_free(g->log);
    /* Freed twice is then harmless (an init that failed, then the
     * caller's clean-up). */
    memset(g, 0, sizeof *g);
}

static void gstate_reset(gstate *g)
{
    const oap_resolved *res = g->res;
    size_t URP = (size_t)res->U * (size_t)res->R * (size_t)res->P;
    memcpy(g->cells, g->cells0, URP * sizeof *g->cells);
    memcpy(g->loan, g->loan0,
           (size_t)res->NL * (size_t)res->P * sizeof *g->loan);
    memcpy(g->left, g->left0, (size_t)g->m->nbudgets * sizeof *g->left);
    g->nlog = 0;
}

static int gstate_init(gstate *g, const oap_model *m)
{
    const oap_resolved *res = m->res;
    size_t URP = (size_t)res->U * (size_t)res->R * (size_t)res->P;
    size_t NLP = (size_t)res->NL * (size_t)res->P;
    int u, r, t, p, q, l;
    memset(g, 0, sizeof *g);
    g->m = m;
    g->res = res;
    g->cells = oap_calloc(URP + 1, sizeof *g->cells);
    g->cells0 = oap_calloc(URP + 1, sizeof *g->cells0);
    g->loan = oap_calloc(NLP + 1, sizeof(double));
    g->loan0 = oap_calloc(NLP + 1, sizeof(double));
    g->left = oap_calloc((size_t)m->nbudgets + 1, sizeof(double));
    g->left0 = oap_calloc((size_t)m->nbudgets + 1, sizeof(double));
    g->before = oap_calloc((size_t)m->nbudgets + 1, sizeof(double));
    g->global = oap_calloc((size_t)m->nbudgets + 1, sizeof(int));
    g->ub0 = oap_calloc((size_t)res->U + 1, sizeof(int));
    g->ubn = oap_calloc((size_t)res->U + 1, sizeof(int));
    g->loan_first = oap_calloc((size_t)res->U + 2, sizeof(int));
    g->loan_list = oap_calloc((size_t)res->NL + 1, sizeof(int));
    g->touched = oap_calloc((size_t)m->nbudgets + 1, sizeof(int));
    g->seen = oap_calloc((size_t)m->nbudgets + 1, sizeof(unsigned));
    if (!g->cells || !g->cells0 || !g->loan || !g->loan0 || !g->left ||
        !g->left0 || !g->before || !g->global || !g->ub0 || !g->ubn ||
        !g->loan_first || !g->loan_list || !g->touched || !g->seen) {
        gstate_free(g);
        return OA_ENOMEM;
    }
    for (q = 0; q < m->nbudgets; q++) {
        if (m->budgets[q].kind == OAP_BUDGET_UNIT) {
            u = m->budgets[q].index;
            if (g->ubn[u]++ == 0)
                g->ub0[u] = q;
        } else
            g->global[g->nglobal++] = q;
    }
    /* Loans by the unit they lend to (a counting sort keeps their order). */
    for (l = 0; l < res->NL; l++)
        g->loan_first[res->loans[l].to + 1]++;
    for (u = 0; u < res->U; u++)
        g->loan_first[u + 1] += g->loan_first[u];
    {
        int *fill = oap_calloc((size_t)res->U + 1, sizeof(int));
        if (fill == NULL) {
            gstate_free(g);
            return OA_ENOMEM;
        }
        for (l = 0; l < res->NL; l++) {
            int to = res->loans[l].to;
            g->loan_list[g->loan_first[to] + fill[to]++] = l;
        }
        oap_free(fill);
    }

    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++) {
                size_t c = OAP_URT(res, u, r, t);
                g->cells[c].base = res->cap[c] - res->run[c];
                g->cells[c].ot = m->ot_col[c] >= 0 ? m->cols[m->ot_col[c]].ub
                                                   : 0;
                g->cells[c].ct = m->ct_col[c] >= 0 ? m->cols[m->ct_col[c]].ub
                                                   : 0;
            }
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++) {
                int col = m->sh_col[((size_t)p * (size_t)res->R +
                                     (size_t)r) * (size_t)res->P + (size_t)t];
                if (col >= 0)
                    g->cells[OAP_URT(res, res->ops[p].unit, r, t)].sh +=
                        m->cols[col].ub;
            }
    for (l = 0; l < res->NL; l++)
        for (t = 0; t < res->P; t++) {
            int col = m->ln_col[(size_t)l * (size_t)res->P + (size_t)t];
            g->loan[(size_t)l * (size_t)res->P + (size_t)t] =
                col >= 0 ? m->cols[col].ub : 0;
        }
    for (q = 0; q < m->nbudgets; q++)
        g->left[q] = m->budgets[q].limit - m->budgets[q].fixed;
    /* Run work beyond capacity takes levers before anything else. */
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++) {
                cell *c = &g->cells[OAP_URT(res, u, r, t)];
                if (c->base < 0) {
                    double need = -c->base;
                    c->base = 0;
                    if (!cover(g, u, r, t, need))
                        c->base = 0; /* the LP will tell */
                    g->nlog = 0;
                }
            }
    memcpy(g->cells0, g->cells, URP * sizeof *g->cells);
    memcpy(g->loan0, g->loan, NLP * sizeof *g->loan);
    memcpy(g->left0, g->left, (size_t)m->nbudgets * sizeof *g->left);
    return g->failed ? OA_ENOMEM : OA_OK;
}

/* 1 when start s of initiative i is a column that may be chosen. */
static int start_open(const oap_model *m, int i, int s)
{
    return s >= m->x_s0[i] && s <= m->x_s1[i] &&
           m->cols[m->x_first[i] + s - m->x_s0[i]].ub > 0;
}

/* The earliest start of i after what it requires (placed at start[]);
 * -1 when something it requires is out. */
static int ready_at(const oap_model *m, const int *start, int i)
{
    const oap_rini *ri = &m->res->ini[i];
    int e = m->x_s0[i];
    size_t k;
    for (k = 0; k < ri->nreq; k++) {
        int j = ri->req[k].i, f;
        if (start[j] <= 0)
            return start[j] < 0 ? -1 : 0;
        f = start[j] + m->res->ini[j].d + ri->req[k].lag;
        if (f > e)
            e = f;
    }
    return e;
}

typedef struct greedy {
    const oap_model *m;
    const oap_solver_opts *o;
    gstate g;
    int *start;         /* [N]: 0 open, > 0 placed, -1 rejected */
    double *key;        /* [N] order of the mandatory placement */
    double *bonus;      /* [N] squeaky-wheel priority */
    int *cand;          /* [P + 2] */
    int *order;         /* [N] the order placed */
    int nplaced;
    rng rnd;
} greedy;

/* Candidate starts of i from e on: the LP's favourites first (when lpx),
 * then earliest.  Returns how many. */
static int candidates(greedy *w, int i, int e, const double *lpx)
{
    const oap_model *m = w->m;
    int s, n = 0, a;
    for (s = e; s <= m->x_s1[i]; s++)
        if (start_open(m, i, s))
            w->cand[n++] = s;
    if (lpx)
        for (a = 1; a < n; a++) {
            int v = w->cand[a], b = a;
            double x = lpx[m->x_first[i] + v - m->x_s0[i]];
            while (b > 0 &&
                   lpx[m->x_first[i] + w->cand[b - 1] - m->x_s0[i]] <
                       x - 1e-9) {
                w->cand[b] = w->cand[b - 1];
                b--;
            }
            w->cand[b] = v;
        }
    return n;
}

static int try_starts(greedy *w, int i, int e, const double *lpx)
{
    int n = candidates(w, i, e, lpx), a;
    for (a = 0; a < n; a++)
        if (place(&w->g, i, w->cand[a])) {
            w->start[i] = w->cand[a];
            w->order[w->nplaced++] = i;
            return 1;
        }
    return 0;
}

/*
 * One pass of the mandatory placement (a serial schedule): of the forced
 * initiatives whose requirements are placed, the one with the smallest
 * key goes next, at its first start that fits.  Returns -1 when all are
 * placed, else the (first) one that found no place.  With skip, the pass
 * goes on without it and without what requires it, and *nfail counts
 * everything left out.
 */
static int forced_pass_skip(greedy *w, const double *lpx, const int *pre,
                            int skip, int *nfail)
{
    const oap_model *m = w->m;
    int N = m->res->N, i, left = 0, first = -1;
    for (i = 0; i < N; i++)
        if (m->forced[i] && !(pre && pre[i] > 0))
            left++;
    while (left > 0) {
        int best = -1, e;
        for (i = 0; i < N; i++) {
            if (!m->forced[i] || w->start[i] != 0)
                continue;
            e = ready_at(m, w->start, i);
            if (e < 0 && skip) {
                /* Something it requires found no place. */
                w->start[i] = -1;
                (*nfail)++;
                left--;
                continue;
            }
            if (e <= 0)
                continue;
            if (best < 0 || w->key[i] < w->key[best])
                best = i;
        }
        if (best < 0)
            break; /* all placed or skipped (requires are acyclic) */
        e = ready_at(m, w->start, best);
        if (!try_starts(w, best, e, lpx)) {
            if (!skip)
                return best;
            if (first < 0)
                first = best;
            w->start[best] = -1;
            (*nfail)++;
        }
        left--;
    }
    return first;
}

static int forced_pass(greedy *w, const double *lpx, const int *pre)
{
    int nfail = 0;
    return forced_pass_skip(w, lpx, pre, 0, &nfail);
}

/* Starts again from the state before any initiative, with pre placed. */
static int restart(greedy *w, const int *pre)
{
    const oap_model *m = w->m;
    int N = m->res->N, i;
    /* A pass of the greedy reads about every coefficient of the model. */
    oap_work_ops(w->o, (double)m->nnz + (double)m->ncols);
    gstate_reset(&w->g);
    w->nplaced = 0;
    for (i = 0; i < N; i++)
        w->start[i] = 0;
    if (pre)
        for (i = 0; i < N; i++)
            if (pre[i] > 0) {
                /* Fixed starts go in as they are (the LP checks them). */
                if (!place(&w->g, i, pre[i])) {
                    size_t k;
                    const oap_rini *ri = &m->res->ini[i];
                    for (k = 0; k < ri->ndem; k++) {
                        const oap_rdemand *d = &ri->dem[k];
                        cell *c = &w->g.cells[OAP_URT(m->res, d->u, d->r,
                                                      pre[i] - 1 + d->k)];
                        c->base -= d->q;
                    }
                }
                w->start[i] = pre[i];
                w->order[w->nplaced++] = i;
            }
    return OA_OK;
}

/* Raises the priority of i and of everything it requires. */
static void squeak(greedy *w, int i, double amount, int depth)
{
    const oap_rini *ri = &w->m->res->ini[i];
    size_t k;
    w->bonus[i] += amount;
    if (depth > 64)
        return;
    for (k = 0; k < ri->nreq; k++)
        squeak(w, ri->req[k].i, amount, depth + 1);
}

/*
 * One backward pass of the mandatory placement (a serial schedule of the
 * reversed plan): of the forced initiatives whose forced successors are
 * placed, the one with the largest key2 goes next, at the latest start
 * that fits before its successors need it.  Right-justified schedules
 * find room that left-justified ones miss, and their starts are a good
 * order for the next forward pass (forward-backward improvement, Valls,
 * Ballestin and Quintanilla 2005).  Returns -1 when all are placed, -2 on
 * out of memory, else the one that found no place.
 */
static int backward_pass(greedy *w, const double *key2, const int *pre,
                         int *nfail)
{
    const oap_model *m = w->m;
    const oap_resolved *res = m->res;
    int N = res->N, i, left = 0, ret = -1;
    int *nsucc = oap_calloc((size_t)N + 1, sizeof(int));
    int *dl = oap_calloc((size_t)N + 1, sizeof(int));
    size_t k;
    if (!nsucc || !dl) {
        ret = -2;
        goto out;
    }
    restart(w, pre);
    for (i = 0; i < N; i++)
        dl[i] = m->x_s1[i];
    for (i = 0; i < N; i++) {
        const oap_rini *ri = &res->ini[i];
        if (m->forced[i] && w->start[i] == 0)
            left++;
        for (k = 0; k < ri->nreq; k++) {
            int j = ri->req[k].i;
            if (!m->forced[i] || !m->forced[j])
                continue;
            if (w->start[i] > 0) {
                int d = w->start[i] - ri->req[k].lag - res->ini[j].d;
                if (d < dl[j])
                    dl[j] = d;
            } else {
                nsucc[j]++;
            }
        }
    }
    while (left > 0) {
        int best = -1, e, s;
        const oap_rini *ri;
        for (i = 0; i < N; i++)
            if (m->forced[i] && w->start[i] == 0 && nsucc[i] == 0 &&
                (best < 0 || key2[i] > key2[best]))
                best = i;
        if (best < 0)
            break; /* cannot happen: requires are acyclic */
        ri = &res->ini[best];
        e = m->x_s0[best];
        for (k = 0; k < ri->nreq; k++) {
            int j = ri->req[k].i, f;
            if (w->start[j] > 0) {
                f = w->start[j] + res->ini[j].d + ri->req[k].lag;
                if (f > e)
                    e = f;
            }
        }
        for (s = dl[best]; s >= e; s--)
            if (start_open(m, best, s) && place(&w->g, best, s))
                break;
        left--;
        if (s < e) {
            /* No place: noted, and the pass goes on without it. */
            if (ret == -1)
                ret = best;
            (*nfail)++;
            w->start[best] = -1;
            for (k = 0; k < ri->nreq; k++)
                if (m->forced[ri->req[k].i])
                    nsucc[ri->req[k].i]--;
            continue;
        }
        w->start[best] = s;
        w->order[w->nplaced++] = best;
        for (k = 0; k < ri->nreq; k++) {
            int j = ri->req[k].i, d = s - ri->req[k].lag - res->ini[j].d;
            if (!m->forced[j])
                continue;
            nsucc[j]--;
            if (d < dl[j])
                dl[j] = d;
        }
    }
out:
    oap_free(nsucc);
    oap_free(dl);
    return ret;
}

/*
 * Forward and backward passes in turn, each ordered by the last
 * schedule: the forward pass by the backward pass's starts, the backward
 * pass by the forward pass's finishes (what found no place counts as
 * finishing last).  1 when a pass placed all the mandatory work.
 */
static int place_fbi(greedy *w, const int *pre, int rounds)
{
    const oap_model *m = w->m;
    int N = m->res->N, i, r, nf, ok = 0;
    double *key2 = oap_calloc((size_t)N + 1, sizeof(double));
    if (!key2)
        return 0;
    for (r = 0; r < rounds && !ok && !w->g.failed; r++) {
        /* Backward, ordered by the last forward pass's finishes; what
         * found no place first. */
        for (i = 0; i < N; i++)
            key2[i] = w->start[i] > 0
                          ? w->start[i] + m->res->ini[i].d +
                                1e-3 * rng_unif(&w->rnd)
                          : 2.0 * m->res->P + 2 + m->x_s1[i];
        nf = 0;
        if (backward_pass(w, key2, pre, &nf) == -2)
            break;
        if (nf == 0) {
            ok = 1;
            break;
        }
        /* Forward, ordered by the backward pass's starts; what found no
         * place first. */
        for (i = 0; i < N; i++)
            w->key[i] = w->start[i] > 0 ? w->start[i] : -1.0 - m->x_s1[i];
        restart(w, pre);
        nf = 0;
        forced_pass_skip(w, NULL, pre, 1, &nf);
        if (nf == 0 && !w->g.failed)
            ok = 1;
        if (timed_out(w->o))
            break;
    }
    oap_free(key2);
    return ok;
}

/*
 * The mandatory work on a horizon without end.  Placing mandatory work
 * within its latest starts is a deadline problem: a serial schedule that
 * meets a start it cannot keep has nothing better to do than give up, and
 * learns little about a better order.  Here the forced initiatives are
 * scheduled on the plan's periods extended past its end (the last
 * period's capacity repeated), where every serial schedule succeeds, and
 * the measure is the lateness: how far the worst start lies past its
 * latest.  Forward and backward passes alternate (forward-backward
 * improvement, Valls, Ballestin and Quintanilla 2005: each pass ordered
 * by the last one's schedule, the backward one right-justified), from
 * orders sampled around latest start first, until a schedule is on time.
 * Capacity here is what is free with overtime, contractors and shortfall
 * (not loans, not budgets), so a schedule on time is replayed in the
 * greedy's own state start for start, and what the replay cannot keep
 * goes to its first start that fits.
 */
typedef struct xsched {
    const oap_model *m;
    int T;              /* periods of the extended horizon */
    int nf, *f;         /* the forced initiatives to place */
    int *in;            /* [N]: 1 when in f */
    double *cap, *use;  /* [(u R + r) T + t] */
    int *s, *best;      /* [N]: starts (0 unplaced); pre'd ones fixed */
    int *dl;            /* [N]: latest starts in the backward pass */
    double *key;        /* [N] */
    struct xs_item *ord; /* [nf] */
} xsched;

typedef struct xs_item {
    int t, i;  /* a finish or a start, by the sort */
} xs_item;

static size_t xs_at(const xsched *x, int u, int r, int t)
{
    return ((size_t)u * (size_t)x->m->res->R + (size_t)r) * (size_t)x->T +
           (size_t)t;
}

static int xs_fits(const xsched *x, int i, int s)
{
    const oap_rini *ri = &x->m->res->ini[i];
    size_t k;
    int t;
    if (s < 1 || s - 1 + ri->d > x->T)
        return 0;
    for (k = 0; k < ri->ndem; k++) {
        const oap_rdemand *d = &ri->dem[k];
        size_t c = xs_at(x, d->u, d->r, s - 1 + d->k);
        if (d->q > 0 && x->use[c] + d->q > x->cap[c] + 1e-9)
            return 0;
    }
    for (k = 0; k < ri->neff; k++)
        if (ri->eff[k].v > 0)
            for (t = s - 1 + ri->d; t < x->m->res->P; t++) {
                size_t c = xs_at(x, ri->eff[k].u, ri->eff[k].r, t);
                if (x->use[c] + ri->eff[k].v > x->cap[c] + 1e-9)
                    return 0;
            }
    return 1;
}

static void xs_put(xsched *x, int i, int s)
{
    const oap_rini *ri = &x->m->res->ini[i];
    size_t k;
    int t;
    for (k = 0; k < ri->ndem; k++)
        if (ri->dem[k].q > 0)
            x->use[xs_at(x, ri->dem[k].u, ri->dem[k].r,
                         s - 1 + ri->dem[k].k)] += ri->dem[k].q;
    for (k = 0; k < ri->neff; k++)
        if (ri->eff[k].v > 0)
            for (t = s - 1 + ri->d; t < x->m->res->P; t++)
                x->use[xs_at(x, ri->eff[k].u, ri->eff[k].r, t)] +=
                    ri->eff[k].v;
    x->s[i] = s;
}

/* A start s of i the plan allows: a start column within the window,
 * anything past it (the lateness counts it). */
static int xs_open(const xsched *x, int i, int s)
{
    const oap_model *m = x->m;
    if (s < m->x_s0[i])
        return 0;
    return s > m->x_s1[i] || start_open(m, i, s);
}

static void xs_clear(xsched *x)
{
    int a;
    memset(x->use, 0,
           (size_t)x->m->res->U * (size_t)x->m->res->R * (size_t)x->T *
               sizeof(double));
    for (a = 0; a < x->nf; a++)
        x->s[x->f[a]] = 0;
}

/* The forward pass: of the forced initiatives whose requirements are
 * placed, the one with the smallest key at its first start that fits.
 * Returns the lateness, or INT_MAX when something found no place. */
static int xs_forward(xsched *x)
{
    const oap_model *m = x->m;
    int a, late = INT_MIN;
    xs_clear(x);
    for (a = 0; a < x->nf; a++) {
        int b, best = -1, e = 0, s;
        for (b = 0; b < x->nf; b++) {
            /* What a forced initiative requires is forced: in f, or
             * placed before (pre). */
            int i = x->f[b], ready;
            if (x->s[i] > 0)
                continue;
            ready = ready_at(m, x->s, i);
            if (ready > 0 && (best < 0 || x->key[i] < x->key[best])) {
                best = i;
                e = ready;
            }
        }
        if (best < 0)
            return INT_MAX; /* cannot happen: requires are acyclic */
        for (s = e; s - 1 + m->res->ini[best].d <= x->T; s++)
            if (xs_open(x, best, s) && xs_fits(x, best, s))
                break;
        if (s - 1 + m->res->ini[best].d > x->T)
            return INT_MAX;
        xs_put(x, best, s);
        if (s - m->x_s1[best] > late)
            late = s - m->x_s1[best];
    }
    return late;
}

/* Latest finish first. */
static int xs_cmp_finish(const void *pa, const void *pb)
{
    const xs_item *a = pa, *b = pb;
    if (a->t != b->t)
        return a->t > b->t ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* x->ord: the forced initiatives by the finishes of starts st, latest
 * first. */
static void xs_order(xsched *x, const int *st)
{
    int a;
    for (a = 0; a < x->nf; a++) {
        x->ord[a].i = x->f[a];
        x->ord[a].t = st[x->f[a]] + x->m->res->ini[x->f[a]].d;
    }
    qsort(x->ord, (size_t)x->nf, sizeof *x->ord, xs_cmp_finish);
}

/*
 * The backward pass: the forward schedule (in s) right-justified, latest
 * finish first, each initiative at the latest start that fits before what
 * requires it and at most late past its latest start.  Leaves the starts
 * in s and returns the lateness, or INT_MAX when something found no place
 * (then s is undefined).
 */
static int xs_backward(xsched *x, int late)
{
    const oap_model *m = x->m;
    const oap_resolved *res = m->res;
    int a, out = INT_MIN;
    if (late < 0)
        late = 0;
    xs_order(x, x->s);
    xs_clear(x);
    /* dl[i] in dl: the latest start left to i by its successors. */
    for (a = 0; a < x->nf; a++)
        x->dl[x->f[a]] = INT_MAX;
    for (a = 0; a < x->nf; a++) {
        int i2 = x->ord[a].i;
        const oap_rini *ri = &res->ini[i2];
        int hi = m->x_s1[i2] + late, s;
        size_t k;
        if (x->dl[i2] < hi)
            hi = x->dl[i2];
        if (hi - 1 + ri->d > x->T)
            hi = x->T - ri->d + 1;
        for (s = hi; s >= m->x_s0[i2]; s--)
            if (xs_open(x, i2, s) && xs_fits(x, i2, s))
                break;
        if (s < m->x_s0[i2] || s < 1)
            return INT_MAX;
        xs_put(x, i2, s);
        if (s - m->x_s1[i2] > out)
            out = s - m->x_s1[i2];
        for (k = 0; k < ri->nreq; k++) {
            int j = ri->req[k].i, d;
            if (!x->in[j])
                continue;
            d = s - ri->req[k].lag - res->ini[j].d;
            if (d < x->dl[j])
                x->dl[j] = d;
        }
    }
    return out;
}

static void xs_free(xsched *x)
{
    oap_free(x->f);
    oap_free(x->in);
    oap_free(x->cap);
    oap_free(x->use);
    oap_free(x->s);
    oap_free(x->dl);
    oap_free(x->best);
    oap_free(x->key);
    oap_free(x->ord);
}

/* Replays the starts of x->best in the greedy's state; 1 when every
 * forced initiative is placed. */
static int xs_replay(xsched *x, greedy *w, const int *pre)
{
    const oap_model *m = w->m;
    int a;
    xs_order(x, x->best);
    restart(w, pre);
    for (a = x->nf - 1; a >= 0; a--) {
        int i2 = x->ord[a].i, e = ready_at(m, w->start, i2), s = x->best[i2];
        if (e <= 0)
            return 0;
        if (s >= e && start_open(m, i2, s) && place(&w->g, i2, s)) {
            w->start[i2] = s;
            w->order[w->nplaced++] = i2;
        } else if (!try_starts(w, i2, e, NULL)) {
            return 0;
        }
    }
    return !w->g.failed;
}

/* Earliest start first. */
static int xs_cmp_start(const void *pa, const void *pb)
{
    const xs_item *a = pa, *b = pb;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* The total lateness of the starts in s: the tie-break between schedules
 * equally late at their worst. */
static long xs_total(const xsched *x)
{
    long sum = 0;
    int a;
    for (a = 0; a < x->nf; a++) {
        int i = x->f[a];
        if (x->s[i] > x->m->x_s1[i])
            sum += x->s[i] - x->m->x_s1[i];
    }
    return sum;
}

/* 1 when lateness l1 and total t1 are better than l2 and t2. */
static int xs_better(int l1, long t1, int l2, long t2)
{
    return l1 < l2 || (l1 == l2 && t1 < t2);
}

/* Forward-backward improvement from the order of x->key: forward and
 * backward passes alternate, each ordered by the last one's schedule,
 * until three rounds bring nothing.  The best forward schedule goes to
 * out (starts by initiative), its lateness and total lateness to *late
 * and *total.  Returns 0 when no forward pass placed everything. */
static int xs_fbi(xsched *x, rng *rnd, int *out, int *late, long *total)
{
    int N = x->m->res->N, round, stale = 0, i, ok = 0;
    int l = xs_forward(x);
    for (round = 0; round < 64 && l != INT_MAX && stale < 3; round++) {
        long tot = xs_total(x);
        if (!ok || xs_better(l, tot, *late, *total)) {
            ok = 1;
            *late = l;
            *total = tot;
            memcpy(out, x->s, (size_t)N * sizeof(int));
            stale = 0;
        } else {
            stale++;
        }
        if (l <= 0 || xs_backward(x, l) == INT_MAX)
            break;
        for (i = 0; i < N; i++)
            x->key[i] = x->s[i] + 1e-3 * rng_unif(rnd);
        l = xs_forward(x);
    }
    return ok;
}

/*
 * A population of schedules of the forced initiatives for the genetic
 * algorithm of place_extended: each kept as its order (the forced
 * initiatives by start), its lateness and total lateness; the best at
 * index 0, no order twice.
 */
#define XS_POP 24     /* schedules in the population */
#define XS_SWAP 0.05  /* chance of a swap of neighbours in a child */
#define XS_STALL 2000 /* samples without improvement before giving up */

typedef struct xpop {
    int n;
    int *list;  /* [XS_POP * nf] */
    int late[XS_POP];
    long tot[XS_POP];
} xpop;

/* A child of two parents, each the better of two drawn (Hartmann's
 * two-point crossover: the head and the tail in the order of the first
 * parent, the middle in the order of the second), a few neighbours
 * swapped: its order as keys in x->key.  mark is scratch of [N]. */
static void xs_child(xsched *x, const xpop *p, rng *rnd, int *child,
                     int *mark)
{
    int par[2], q1, q2, c, a, k;
    for (k = 0; k < 2; k++) {
        int a1 = rng_int(rnd, p->n), a2 = rng_int(rnd, p->n);
        par[k] = xs_better(p->late[a2], p->tot[a2], p->late[a1],
                           p->tot[a1])
                     ? a2
                     : a1;
    }
    q1 = rng_int(rnd, x->nf + 1);
    q2 = rng_int(rnd, x->nf + 1);
    if (q1 > q2) {
        int tmp = q1;
        q1 = q2;
        q2 = tmp;
    }
    for (a = 0; a < x->nf; a++)
        mark[x->f[a]] = 0;
    for (c = 0, k = 0; k < 3; k++) {
        const int *l = p->list + (size_t)par[k == 1] * (size_t)x->nf;
        int end = k == 0 ? q1 : k == 1 ? q2 : x->nf;
        for (a = 0; c < end; a++)
            if (!mark[l[a]]) {
                mark[l[a]] = 1;
                child[c++] = l[a];
            }
    }
    for (a = 0; a + 1 < x->nf; a++)
        if (rng_unif(rnd) < XS_SWAP) {
            int tmp = child[a];
            child[a] = child[a + 1];
            child[a + 1] = tmp;
        }
    for (a = 0; a < x->nf; a++)
        x->key[child[a]] = a;
}

/* Offers the schedule with starts st (lateness late, total tot) to the
 * population: it takes a free place, or the place of the worst when it is
 * better, unless its order is there already. */
static void xs_admit(xsched *x, xpop *p, const int *st, int late, long tot)
{
    int a, k, at = p->n;
    int *l;
    if (p->n == XS_POP) {
        for (at = 0, a = 1; a < p->n; a++)
            if (xs_better(p->late[at], p->tot[at], p->late[a], p->tot[a]))
                at = a;
        if (!xs_better(late, tot, p->late[at], p->tot[at]))
            return;
    }
    for (a = 0; a < x->nf; a++) {
        x->ord[a].i = x->f[a];
        x->ord[a].t = st[x->f[a]];
    }
    qsort(x->ord, (size_t)x->nf, sizeof *x->ord, xs_cmp_start);
    for (k = 0; k < p->n; k++) {
        if (p->late[k] != late || p->tot[k] != tot)
            continue;
        l = p->list + (size_t)k * (size_t)x->nf;
        for (a = 0; a < x->nf && l[a] == x->ord[a].i; a++)
            ;
        if (a == x->nf)
            return;
    }
    if (at == p->n)
        p->n++;
    /* The best stays at 0. */
    if (at > 0 && xs_better(late, tot, p->late[0], p->tot[0])) {
        memcpy(p->list + (size_t)at * (size_t)x->nf, p->list,
               (size_t)x->nf * sizeof(int));
        p->late[at] = p->late[0];
        p->tot[at] = p->tot[0];
        at = 0;
    }
    l = p->list + (size_t)at * (size_t)x->nf;
    for (a = 0; a < x->nf; a++)
        l[a] = x->ord[a].i;
    p->late[at] = late;
    p->tot[at] = tot;
}

/*
 * Orders for the forced initiatives, each improved by forward-backward
 * passes, for up to seconds (and within the time limit); 1 when the
 * mandatory work is placed in the greedy's state.  The first orders are
 * latest start first, shaken by up to 5 %, 20 %, 80 % and 320 % of the
 * horizon in turn; then the population of the best schedules breeds the
 * orders (the activity-list genetic algorithm of Hartmann 1998, each
 * child improved by forward-backward passes as in Valls, Ballestin and
 * Quintanilla 2008), until a schedule is on time or XS_STALL samples
 * (or as many as it took to the last improvement) bring nothing better.
 */
static int place_extended(greedy *w, const int *pre, double seconds)
{
    const oap_model *m = w->m;
    const oap_resolved *res = m->res;
    int N = res->N, i, u, r, t, smp, maxd = 1, ok = 0;
    int improved = 0; /* the sample that last improved the best */
    int *cs = NULL, *child = NULL, *mark = NULL;
    double span = res->P + 1, t_end = oap_clock(w->o) + seconds;
    xsched x;
    xpop pop;
    memset(&x, 0, sizeof x);
    memset(&pop, 0, sizeof pop);
    x.m = m;
    restart(w, pre);
    for (i = 0; i < N; i++)
        if (res->ini[i].d > maxd)
            maxd = res->ini[i].d;
    x.T = 2 * res->P + maxd;
    x.f = oap_calloc((size_t)N + 1, sizeof(int));
    x.in = oap_calloc((size_t)N + 1, sizeof(int));
    x.cap = oap_calloc((size_t)res->U * res->R * x.T + 1, sizeof(double));
    x.use = oap_calloc((size_t)res->U * res->R * x.T + 1, sizeof(double));
    x.s = oap_calloc((size_t)N + 1, sizeof(int));
    x.dl = oap_calloc((size_t)N + 1, sizeof(int));
    x.best = oap_calloc((size_t)N + 1, sizeof(int));
    x.key = oap_calloc((size_t)N + 1, sizeof(double));
    x.ord = oap_calloc((size_t)N + 1, sizeof *x.ord);
    cs = oap_calloc((size_t)N + 1, sizeof(int));
    mark = oap_calloc((size_t)N + 1, sizeof(int));
    child = oap_calloc((size_t)N + 1, sizeof(int));
    pop.list = oap_calloc((size_t)XS_POP * (size_t)N + 1, sizeof(int));
    if (!x.f || !x.in || !x.cap || !x.use || !x.s || !x.dl || !x.best ||
        !x.key || !x.ord || !cs || !mark || !child || !pop.list)
        goto out;
    for (i = 0; i < N; i++) {
        if (m->forced[i] && w->start[i] == 0) {
            x.f[x.nf++] = i;
            x.in[i] = 1;
        }
        x.s[i] = w->start[i] > 0 ? w->start[i] : 0;
    }
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < x.T; t++) {
                const cell *c = &w->g.cells[OAP_URT(
                    res, u, r, t < res->P ? t : res->P - 1)];
                x.cap[xs_at(&x, u, r, t)] =
                    (c->base > 0 ? c->base : 0) + c->sh + c->ot + c->ct;
            }
    for (smp = 0;; smp++) {
        int late = INT_MAX;
        long tot = 0;
        if (smp < XS_POP || pop.n < 2) {
            for (i = 0; i < N; i++)
                x.key[i] = m->x_s1[i] + 1e-3 * m->x_s0[i] +
                           (smp > 0 ? rng_unif(&w->rnd) * 0.05 * span *
                                          (1 << (2 * (smp % 4)))
                                    : 0);
        } else {
            xs_child(&x, &pop, &w->rnd, child, mark);
        }
        oap_work_ops(w->o, 4.0 * ((double)m->nnz + (double)m->ncols));
        if (xs_fbi(&x, &w->rnd, cs, &late, &tot)) {
            if (pop.n == 0 || xs_better(late, tot, pop.late[0], pop.tot[0])) {
                memcpy(x.best, cs, (size_t)N * sizeof(int));
                improved = smp;
            }
            xs_admit(&x, &pop, cs, late, tot);
            if (pop.late[0] <= 0)
                break;
        }
        if (smp % 8 == 7 && (timed_out(w->o) || oap_clock(w->o) > t_end))
            break;
        if (smp - improved > (improved > XS_STALL ? improved : XS_STALL))
            break;
    }
    if (pop.n > 0 && pop.late[0] <= 0)
        ok = xs_replay(&x, w, pre);
out:
    xs_free(&x);
    oap_free(cs);
    oap_free(mark);
    oap_free(child);
    oap_free(pop.list);
    return ok;
}

/* Seconds for place_extended in one placement of the mandatory work: a
 * half the time left, at least 0.2 s; 1 s without a time limit. */
static double ext_seconds(const oap_solver_opts *o)
{
    double left = oap_time_left(o);
    if (left == HUGE_VAL)
        return 1;
    return 0.5 * left > 0.2 ? 0.5 * left : 0.2;
}

static int place_forced(greedy *w, const double *lpx, const int *pre,
                        int tries)
{
    const oap_model *m = w->m;
    int N = m->res->N, i, iter, failed;
    double span = m->res->P + 1, ext_left = ext_seconds(w->o);
    for (i = 0; i < N; i++)
        w->bonus[i] = 0;
    for (iter = 0; iter < tries; iter++) {
        restart(w, pre);
        for (i = 0; i < N; i++)
            w->key[i] = m->x_s1[i] + 1e-3 * m->x_s0[i] - w->bonus[i] +
                        (iter >= 8 ? rng_unif(&w->rnd) * 0.3 * span *
                                         (iter % 4) / 4.0
                                   : 0);
        failed = forced_pass(w, iter == 0 ? lpx : NULL, pre);
        if (failed < 0)
            return 1;
        if (w->g.failed)
            return 0;
        squeak(w, failed, 0.25 * span, 0);
        /* After a few plain passes, forward-backward improvement from
         * the schedule this pass left. */
        if (iter >= 4 && iter % 8 == 4 && ext_left > 0) {
            double t = oap_clock(w->o);
            if (place_extended(w, pre, ext_left))
                return 1;
            ext_left -= oap_clock(w->o) - t;
        } else if (iter >= 4 && iter % 4 == 0 && place_fbi(w, pre, 32)) {
            return 1;
        }
        if (iter % 16 == 15 && timed_out(w->o))
            break;
    }
    return 0;
}

typedef struct order_item {
    int i;
    double lp;      /* how much the LP funds it */
    double value;   /* best objective coefficient */
} order_item;

static int cmp_order(const void *a, const void *b)
{
    const order_item *x = a, *y = b;
    if (fabs(x->lp - y->lp) > 1e-6)
        return x->lp < y->lp ? 1 : -1;
    if (x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return x->i - y->i;
}

/* The optional initiatives, in the LP's order then by value; passes
 * until nothing changes (an initiative waits for what it requires). */
static int place_optional(greedy *w, const double *lpx)
{
    const oap_model *m = w->m;
    const oap_resolved *res = m->res;
    int N = res->N, P = res->P, i, q, n = 0, changed;
    oap_work_ops(w->o, (double)m->nnz + (double)m->ncols);
    order_item *ord = oap_calloc((size_t)N + 1, sizeof *ord);
    if (ord == NULL)
        return OA_ENOMEM;
    for (i = 0; i < N; i++) {
        int s;
        if (w->start[i] != 0)
            continue;
        ord[n].i = i;
        ord[n].lp = 0;
        if (lpx)
            for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
                ord[n].lp += lpx[m->x_first[i] + s - m->x_s0[i]];
        ord[n].value = res->ini[i].value +
                       res->ini[i].benefit * (P - (m->x_s0[i] + res->ini[i].d - 1));
        n++;
    }
    qsort(ord, (size_t)n, sizeof *ord, cmp_order);
    do {
        changed = 0;
        for (q = 0; q < n; q++) {
            const oap_rini *ri;
            int e;
            size_t k;
            i = ord[q].i;
            if (w->start[i] != 0)
                continue;
            e = ready_at(m, w->start, i);
            if (e == 0)
                continue;
            changed = 1;
            w->start[i] = -1;
            if (e < 0)
                continue;
            ri = &res->ini[i];
            for (k = 0; k < ri->nexc; k++)
                if (w->start[ri->exc[k]] > 0)
                    e = -1;
            if (e < 0)
                continue;
            if (!try_starts(w, i, e, lpx))
                w->start[i] = -1;
        }
    } while (changed);
    oap_free(ord);
    return OA_OK;
}

int oap_greedy(const oap_model *m, const double *lpx, double *x,
               int *placed_order, const int *pre, int tries,
               const oap_solver_opts *o)
{
    const oap_resolved *res = m->res;
    int N = res->N, i, rc = -1;
    size_t k;
    greedy w;
    memset(&w, 0, sizeof w);
    w.m = m;
    w.o = o;
    w.rnd.s = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)N;
    w.start = oap_calloc((size_t)N + 1, sizeof(int));
    w.key = oap_calloc((size_t)N + 1, sizeof(double));
    w.bonus = oap_calloc((size_t)N + 1, sizeof(double));
    w.cand = oap_calloc((size_t)res->P + 2, sizeof(int));
    w.order = oap_calloc((size_t)N + 1, sizeof(int));
    if (!w.start || !w.key || !w.bonus || !w.cand || !w.order ||
        gstate_init(&w.g, m) != OA_OK)
        goto out;
    if (!place_forced(&w, lpx, pre, tries > 0 ? tries : 1))
        goto out;
    if (place_optional(&w, lpx) != OA_OK || w.g.failed)
        goto out;
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].kind == OAP_COL_X)
            x[k] = 0;
    for (i = 0; i < N; i++)
        if (w.start[i] > 0)
            x[m->x_first[i] + w.start[i] - m->x_s0[i]] = 1;
    if (placed_order)
        memcpy(placed_order, w.order, (size_t)w.nplaced * sizeof(int));
    rc = w.nplaced;
out:
    gstate_free(&w.g);
    oap_free(w.start);
    oap_free(w.key);
    oap_free(w.bonus);
    oap_free(w.cand);
    oap_free(w.order);
    return rc;
}

/* ======================================================================
 * Roadmaps priced by an LP
 * ==================================================================== */

typedef struct search {
    const oap_model *m;
    const oap_solver_opts *o;
    oap_lp *F;          /* pricing LP (continuous) */
    double *xs;         /* work roadmap [ncols] */
    double *lpx;        /* LP values [ncols] */
    double *best;       /* incumbent [ncols] */
    int has_best;
    double zbest;
    int *order;         /* [N] */
    int *pre;           /* [N] */
    double bound;       /* HUGE_VAL: none */
    double build_s;     /* seconds to build F */
    double lp_s;        /* build_s + the longest solve of price() */
    rng rnd;
} search;

/* The x columns of xs fixed in F, the levers priced; when infeasible,
 * the optional initiatives placed last are left out one by one.  1 and
 * xs complete when it ends feasible. */
static int price(search *S, int nplaced)
{
    const oap_model *m = S->m;
    int q, ok;
    double t = oap_clock(S->o);
    oap_lp_fix_roadmap(S->F, S->xs);
    ok = oap_lp_solve(S->F, NULL);
    t = oap_clock(S->o) - t;
    if (S->build_s + t > S->lp_s)
        S->lp_s = S->build_s + t;
    for (q = nplaced - 1; !ok && q >= 0 && !timed_out(S->o); q--) {
        int i = S->order[q], s;
        if (m->forced[i])
            continue;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            S->xs[m->x_first[i] + s - m->x_s0[i]] = 0;
            oap_lp_fix(S->F, m->x_first[i] + s - m->x_s0[i], 0);
        }
        ok = oap_lp_solve(S->F, NULL);
    }
    if (!ok)
        return 0;
    oap_lp_values(S->F, S->xs);
    return oap_model_feasible(m, S->xs);
}

/* 1 when initiative i is scheduled in x. */
static int on(const oap_model *m, const double *x, int i)
{
    int s;
    for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
        if (x[m->x_first[i] + s - m->x_s0[i]] > 0.5)
            return s;
    return 0;
}

/*
 * Adds left-out initiatives to the roadmap in xs (priced in F): each,
 * most valuable first, at the earliest start where the LP stays feasible
 * and the objective grows; repeats while something was added, within
 * max_lps LPs and the time limit.  Returns the number added.
 */
static int add_pass(search *S, int max_lps)
{
    const oap_model *m = S->m;
    const oap_resolved *res = m->res;
    int N = res->N, i, q, n, added = 0, lps = 0, again = 1;
    int *order = S->order;
    double cur;
    oap_lp_fix_roadmap(S->F, S->xs);
    if (!oap_lp_solve(S->F, &cur))
        return 0;
    while (again && lps < max_lps && !timed_out(S->o)) {
        again = 0;
        n = 0;
        for (i = 0; i < N; i++) {
            if (!on(m, S->xs, i)) {
                double v = res->ini[i].value + res->ini[i].benefit * res->P;
                q = n++;
                while (q > 0 && res->ini[order[q - 1]].value +
                                        res->ini[order[q - 1]].benefit *
                                            res->P <
                                    v) {
                    order[q] = order[q - 1];
                    q--;
                }
                order[q] = i;
            }
        }
        for (q = 0; q < n && lps < max_lps; q++) {
            int s, j0;
            double z;
            i = order[q];
            j0 = m->x_first[i] - m->x_s0[i];
            for (s = m->x_s0[i]; s <= m->x_s1[i] && lps < max_lps; s++) {
                if (m->cols[j0 + s].ub <= 0)
                    continue;
                oap_lp_fix(S->F, j0 + s, 1);
                lps++;
                if (oap_lp_solve(S->F, &z) &&
                    z > cur + 1e-9 * (1 + fabs(cur))) {
                    cur = z;
                    S->xs[j0 + s] = 1;
                    added++;
                    again = 1;
                    break;
                }
                oap_lp_fix(S->F, j0 + s, 0);
            }
            if (timed_out(S->o))
                break;
        }
    }
    if (oap_lp_solve(S->F, NULL))
        oap_lp_values(S->F, S->xs);
    return added;
}

/* Keeps xs when it is feasible and better than the incumbent; tells the
 * progress callback.  1 when kept. */
static int offer(search *S)
{
    const oap_model *m = S->m;
    double z;
    if (!oap_model_feasible(m, S->xs))
        return 0;
    z = oap_model_solver_objective(m, S->xs);
    if (S->has_best && z <= S->zbest + 1e-9 * (1 + fabs(S->zbest)))
        return 0;
    memcpy(S->best, S->xs, m->ncols * sizeof *S->xs);
    S->zbest = z;
    S->has_best = 1;
    oap_report_incumbent(S->o, z, S->bound < HUGE_VAL ? S->bound : NAN);
    return 1;
}

/* The greedy guided by lpx (or not), priced and improved; 1 when it gave
 * a roadmap in xs. */
static int construct(search *S, const double *lpx, const int *pre,
                     int tries, int add_lps)
{
    int n = oap_greedy(S->m, lpx, S->xs, S->order, pre, tries, S->o);
    if (n < 0 || timed_out(S->o))
        return 0;
    if (!price(S, n))
        return 0;
    /* The priced roadmap counts at once: adding to it takes an LP per
     * start tried, seconds on large plans. */
    if (add_lps > 0)
        offer(S);
    if (add_lps > 0 && add_pass(S, add_lps) && !oap_model_feasible(S->m, S->xs))
        return 0;
    return oap_model_feasible(S->m, S->xs);
}

/* Branch-and-cut's node heuristic. */
static int node_heur(void *data, const double *lpx, double incumbent,
                     double *xs)
{
    search *S = data;
    (void)incumbent;
    if (!construct(S, lpx, NULL, 2, S->m->res->N))
        return 0;
    memcpy(xs, S->xs, S->m->ncols * sizeof *xs);
    return 1;
}

/* ======================================================================
 * Mandatory work alone
 * ==================================================================== */

/* 1 when some initiative that is not mandatory frees capacity (its
 * effects may be what lets mandatory work fit). */
static int optional_frees(const oap_model *m)
{
    int i;
    size_t k;
    for (i = 0; i < m->res->N; i++)
        if (!m->forced[i])
            for (k = 0; k < m->res->ini[i].neff; k++)
                if (m->res->ini[i].eff[k].v < 0)
                    return 1;
    return 0;
}

/*
 * GLPK on the model of the mandatory work alone (every optional start
 * fixed at 0), to its first solution; the greedy then adds optional
 * work around it.  Returns 1 (xs a roadmap), 0 (none found), -1 (proven:
 * no roadmap exists).
 */
static int forced_submip(search *S, double seconds)
{
    const oap_model *m = S->m;
    const oap_resolved *res = m->res;
    oap_lp *lp = NULL;
    int i, s, found, proven, nf = 0;
    if (oap_lp_new(&lp, m, 1, 0, S->o) != OA_OK)
        return 0;
    for (i = 0; i < res->N; i++) {
        if (m->forced[i]) {
            nf++;
            continue;
        }
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
            oap_lp_fix(lp, m->x_first[i] + s - m->x_s0[i], 0);
    }
    found = oap_lp_mip(lp, -HUGE_VAL, seconds, 1, 0, S->xs, &proven);
    oap_lp_free(lp);
    if (found < 0)
        return optional_frees(m) ? 0 : -1;
    if (found == 0 || nf == 0)
        return 0;
    for (i = 0; i < res->N; i++)
        S->pre[i] = m->forced[i] ? on(m, S->xs, i) : 0;
    return construct(S, NULL, S->pre, 1, 50 + res->N / 20);
}

/*
 * The complete search for the forced work's starts (forced.c) within a
 * share of the time left (of 50 s when there is no limit), into S->pre,
 * and the greedy at those starts when it finds some.  -1: the plan has
 * no roadmap.
 */
static int forced_work(search *S, double share)
{
    const oap_model *m = S->m;
    double left = oap_time_left(S->o);
    int r;
    if (timed_out(S->o))
        return 0;
    memset(S->pre, 0, (size_t)m->res->N * sizeof *S->pre);
    r = oap_forced_schedule(m, (left == HUGE_VAL ? 50 : left) * share,
                            S->pre, S->o);
    if (r > 0 && !timed_out(S->o) &&
        construct(S, NULL, S->pre, 1, 50 + m->res->N / 20))
        offer(S);
    return r;
}

/* ======================================================================
 * Large-neighbourhood search
 * ==================================================================== */

typedef struct lns {
    search *S;
    oap_lp *sub;        /* the MIP with a cutoff row */
    unsigned char *freed; /* [N] */
    int *list;          /* [N] */
    double size;        /* initiatives freed per round */
    int rounds, wins;
    const double *rootx;/* root LP values, or NULL */
    /* GLPK's MIP presolver does not look at the clock: after a round that
     * overran its limit the sub-MIPs go without it (their LP then runs
     * under the clock first, oap_lp_mip). */
    int no_presolve;
    double longest;     /* seconds the longest round took (before the
                           first, an estimate from the model's size) */
} lns;

static void free_initiative(lns *L, int i)
{
    L->freed[i] = 1;
}

/* Chooses a neighbourhood of about L->size initiatives. */
static void choose(lns *L, int kind)
{
    search *S = L->S;
    const oap_model *m = S->m;
    const oap_resolved *res = m->res;
    int N = res->N, P = res->P, i, n = 0, want = (int)L->size;
    if (want >= N) {
        memset(L->freed, 1, (size_t)N);
        return;
    }
    memset(L->freed, 0, (size_t)N);
    if (want < 2)
        want = 2;
    if (kind == 0) {
        /* A window of periods: what runs, or could start, in it. */
        int w = 1 + P / 4, t0 = 1 + rng_int(&S->rnd, P), t1;
        t1 = t0 + w - 1;
        for (i = 0; i < N; i++) {
            int s = on(m, S->best, i);
            if (s ? (s <= t1 && s + res->ini[i].d - 1 >= t0)
                  : (m->x_s0[i] <= t1 && m->x_s1[i] >= t0))
                L->list[n++] = i;
        }
    } else if (kind == 1) {
        /* The initiatives of the units one initiative ties together. */
        int seed = rng_int(&S->rnd, N), j;
        const oap_rini *rs = &res->ini[seed];
        for (j = 0; j < N; j++) {
            const oap_rini *rj = &res->ini[j];
            size_t a, b;
            int hit = j == seed;
            for (a = 0; a < rs->ndem && !hit; a++)
                for (b = 0; b < rj->ndem && !hit; b++)
                    hit = rs->dem[a].u == rj->dem[b].u;
            if (hit)
                L->list[n++] = j;
        }
    } else if (kind == 2 && L->rootx) {
        /* Where the incumbent and the root LP disagree. */
        for (i = 0; i < N; i++) {
            int s = on(m, S->best, i);
            double v = s ? L->rootx[m->x_first[i] + s - m->x_s0[i]] : 0, tot = 0;
            int t;
            for (t = m->x_s0[i]; t <= m->x_s1[i]; t++)
                tot += L->rootx[m->x_first[i] + t - m->x_s0[i]];
            if (s ? v < 0.99 : tot > 0.01)
                L->list[n++] = i;
        }
    } else {
        for (i = 0; i < N; i++)
            L->list[n++] = i;
    }
    /* A random subset of the candidates, of the size wanted. */
    for (i = 0; i < n && i < want; i++) {
        int j = i + rng_int(&S->rnd, n - i), t = L->list[i];
        L->list[i] = L->list[j];
        L->list[j] = t;
        free_initiative(L, L->list[i]);
    }
    /* Too few: fill up at random. */
    for (i = 0; n < want && i < 4 * want; i++) {
        int j = rng_int(&S->rnd, N);
        if (!L->freed[j]) {
            free_initiative(L, j);
            n++;
        }
    }
}

/* One round: frees the chosen initiatives, the rest fixed to the
 * incumbent, and asks GLPK for anything better within seconds. */
static int lns_round(lns *L, double seconds)
{
    search *S = L->S;
    const oap_model *m = S->m;
    int N = m->res->N, i, s, found, proven;
    double cut, t0 = oap_clock(S->o), t;
    for (i = 0; i < N; i++)
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            int j = m->x_first[i] + s - m->x_s0[i];
            if (L->freed[i])
                oap_lp_unfix(L->sub, j);
            else
                oap_lp_fix(L->sub, j, S->best[j] > 0.5 ? 1 : 0);
        }
    cut = S->zbest + 1e-7 * (1 + fabs(S->zbest));
    t = oap_clock(S->o);
    found = oap_lp_mip(L->sub, cut, seconds, 0, !L->no_presolve, S->xs,
                       &proven);
    t = oap_clock(S->o) - t;
    if (t > 1.5 * seconds + 0.1)
        L->no_presolve = 1;
    if (L->rounds == 0 || t > L->longest)
        L->longest = t;
    L->rounds++;
    for (i = 0; i < N && L->freed[i]; i++)
        ;
    if (i == N && proven && found == 0) {
        /* Everything free and nothing better: the incumbent is optimal
         * (within the cutoff's 1e-7). */
        S->bound = S->zbest;
        return 0;
    }
    /* Adapt the size: grow when the sub-MIP is proven fast, shrink when
     * it runs out of time. */
    if (proven || found < 0) {
        if (oap_clock(S->o) - t0 < 0.5 * seconds)
            L->size *= 1.15;
    } else {
        L->size *= 0.85;
    }
    if (L->size < 4)
        L->size = 4;
    if (L->size > N)
        L->size = N;
    if (found == 1 && offer(S)) {
        L->wins++;
        return 1;
    }
    return 0;
}

/* The search until the time (seconds from now) is spent, the incumbent
 * is proven optimal, or (when stall > 0) stall rounds in a row bring
 * nothing. */
#define LNS_NZ_SECONDS 1e-6 /* 2.8 times GLPK's presolver load, measured */

static int lns_run(search *S, double seconds, const double *rootx,
                   int stall)
{
    const oap_model *m = S->m;
    int N = m->res->N, kind = 0, idle = 0;
    double end = oap_clock(S->o) + seconds;
    lns L;
    memset(&L, 0, sizeof L);
    if (!S->has_best || N < 2 || seconds <= 0.05)
        return OA_OK;
    /* A round copies the whole model into GLPK's presolver (or its
     * simplex), whatever the size of the neighbourhood: on a plan with
     * 14 million nonzeros that took 5 s.  Until a round is measured its
     * cost is taken as LNS_NZ_SECONDS a nonzero; building the
     * sub-problem costs about as much again. */
    L.longest = LNS_NZ_SECONDS * (double)m->nnz;
    if (seconds < 2 * L.longest)
        return OA_OK;
    L.S = S;
    L.rootx = rootx;
    L.size = N < 30 ? N : 30;
    L.freed = oap_calloc((size_t)N + 1, 1);
    L.list = oap_calloc((size_t)N + 1, sizeof(int));
    if (!L.freed || !L.list || oap_lp_new(&L.sub, m, 1, 1, S->o) != OA_OK) {
        oap_free(L.freed);
        oap_free(L.list);
        return OA_ENOMEM;
    }
    while (!timed_out(S->o)) {
        double left = end - oap_clock(S->o), per;
        if (left <= 0.02 || left < L.longest)
            break; /* a round would not end in time */
        per = 0.02 * (S->o->time_limit > 0 ? S->o->time_limit : 60);
        if (per < 0.3)
            per = 0.3;
        if (per > 3)
            per = 3;
        if (per > left)
            per = left;
        choose(&L, kind);
        kind = (kind + 1) % 4;
        if (kind == 2 && !rootx)
            kind = 3;
        if (lns_round(&L, per))
            idle = 0;
        else if (stall > 0 && ++idle >= stall)
            break;
        if (oap_within_gap(S->o, S->m, S->zbest, S->bound))
            break;
    }
    oap_lp_free(L.sub);
    oap_free(L.freed);
    oap_free(L.list);
    return OA_OK;
}

/* ======================================================================
 * The whole search
 * ==================================================================== */

static void search_free(search *S)
{
    oap_lp_free(S->F);
    oap_free(S->xs);
    oap_free(S->lpx);
    oap_free(S->best);
    oap_free(S->order);
    oap_free(S->pre);
}

/* The incumbent as the solution, with the bound known. */
static void finish(oap_solution *sol, search *S)
{
    const oap_model *m = S->m;
    sol->lp_s = S->lp_s;
    if (!S->has_best) {
        sol->status = OAP_SOL_NONE;
        sol->has_bound = S->bound < HUGE_VAL;
        sol->bound = sol->has_bound ? S->bound : NAN;
        return;
    }
    memcpy(sol->x, S->best, m->ncols * sizeof *sol->x);
    sol->obj = S->zbest;
    sol->status = OAP_SOL_FEASIBLE;
    sol->has_bound = S->bound < HUGE_VAL;
    sol->bound = sol->has_bound ? S->bound : HUGE_VAL;
    if (sol->has_bound && sol->bound < sol->obj)
        sol->bound = sol->obj;
    if (sol->has_bound && oap_within_gap(S->o, m, sol->obj, sol->bound))
        sol->status = OAP_SOL_OPTIMAL;
}

int oap_search_solve(oap_solution *sol, const oap_model *m,
                     const oap_solver_opts *opts, oa_error *err)
{
    /* A stop asked by the progress callback ends the whole search. */
    oap_solver_opts lo = *opts;
    const oap_solver_opts *o = &lo;
    int stopped = 0;
    const oap_resolved *res = m->res;
    int N = res->N, heuristic = !(o->flags & OA_SOLVE_NO_HEURISTIC);
    int use_lns = !(o->flags & OA_SOLVE_NO_LNS), root, rc = OA_OK;
    size_t n1 = m->ncols + 1;
    oap_mip *mip = NULL;
    search S;
    double rootb = HUGE_VAL, pass = 0;
    const double *guide = NULL; /* the Lagrangian estimate of the LP */

    if (lo.stopped == NULL)
        lo.stopped = &stopped;
    memset(sol, 0, sizeof *sol);
    memset(&S, 0, sizeof S);
    S.m = m;
    S.o = o;
    S.bound = HUGE_VAL;
    S.rnd.s = 0x2545F4914F6CDD1DULL ^ (unsigned long long)m->ncols;
    sol->x = oap_calloc(n1, sizeof(double));
    S.xs = oap_calloc(n1, sizeof(double));
    S.lpx = oap_calloc(n1, sizeof(double));
    S.best = oap_calloc(n1, sizeof(double));
    S.order = oap_calloc((size_t)N + 1, sizeof(int));
    S.pre = oap_calloc((size_t)N + 1, sizeof(int));
    if (!sol->x || !S.xs || !S.lpx || !S.best || !S.order || !S.pre) {
        rc = OA_ENOMEM;
        goto fail;
    }
    S.build_s = oap_clock(o);
    rc = oap_lp_new(&S.F, m, 0, 0, o);
    if (rc != OA_OK)
        goto fail;
    S.build_s = oap_clock(o) - S.build_s;
    /* What follows the search (the last LP's end, the result, freeing
     * the problem) takes time in proportion to the model, as loading it
     * did: half of that is kept back from a wall-clock limit, so that the
     * whole call keeps to it (a 100,000-initiative plan loads in 2 s). */
    if (lo.time_limit > 0 && lo.work_limit <= 0)
        lo.time_limit -= fmin(0.5 * S.build_s, 0.25 * lo.time_limit);

    /* 1. First roadmaps: the caller's start, the greedy by value, the
     * mandatory work through GLPK. */
    if (o->start) {
        memcpy(S.xs, o->start, m->ncols * sizeof *S.xs);
        offer(&S);
    }
    if (heuristic && !timed_out(o)) {
        /* The greedy's plain passes with repair first; when they fail,
         * the forced search briefly (it proves most plans without a
         * roadmap, and finds most schedules, in milliseconds), the
         * greedy's longer searches, and the forced search again with
         * more time (on PSPLIB j120 at 1.1 times the best makespan the
         * forced search can take seconds where the greedy's genetic
         * algorithm takes a fraction of one). */
        if (construct(&S, NULL, NULL, 4, 50 + N / 20))
            offer(&S);
        if (!S.has_best && forced_work(&S, 0.01) < 0)
            goto infeasible;
        if (!S.has_best && !timed_out(o) &&
            construct(&S, NULL, NULL, 256, 50 + N / 20))
            offer(&S);
        if (!S.has_best && forced_work(&S, 0.2) < 0)
            goto infeasible;
        if (!S.has_best && !timed_out(o)) {
            double left = oap_time_left(o);
            int r = forced_submip(&S, left == HUGE_VAL ? 0 : 0.5 * left);
            if (r > 0)
                offer(&S);
            else if (r < 0) {
                sol->status = OAP_SOL_INFEASIBLE;
                goto done;
            }
        }
    }
    /* What follows the search within the limit (solve.c: the marginal
     * values, an LP of the whole model with the roadmap fixed) costs
     * about what pricing a roadmap cost: half as much again is kept out
     * of the search, when that is at most a tenth of the limit. */
    if (lo.time_limit > 0 && S.lp_s > 0 &&
        1.5 * S.lp_s <= 0.1 * lo.time_limit)
        lo.time_limit -= 1.5 * S.lp_s;
    if (timed_out(o))
        goto finish;

    /* 2. The bound.  On larger plans a Lagrangian bound first: it reaches
     * the LP bound in a second or two where GLPK's root LP may take
     * minutes (benchmarks/README.md).  Then the root LP: all the time there
     * is for small plans; on larger ones at most a third of it, so that
     * the search keeps the rest. */
    if (N > PRESOLVE_MAX_INITIATIVES && !timed_out(o)) {
        double left = oap_time_left(o), lb;
        lb = oap_model_lagrangian_bound(
            m, S.has_best ? S.zbest : -HUGE_VAL,
            left == HUGE_VAL ? 5 : (0.1 * left < 5 ? 0.1 * left : 5), &pass,
            S.lpx, o->work, o->work_limit > 0);
        if (lb == -HUGE_VAL) {
            /* Mandatory work with no open start: no roadmap. */
            sol->status = OAP_SOL_INFEASIBLE;
            goto done;
        }
        if (isfinite(lb)) {
            guide = S.lpx;
            if (lb < S.bound)
                S.bound = lb;
        }
        if (S.has_best) {
            if (oap_within_gap(o, m, S.zbest, S.bound))
                goto finish; /* the first roadmap is proven optimal */
            oap_report_incumbent(o, S.zbest, S.bound);
        }
    }
    if (timed_out(o))
        goto finish;
    rc = oap_mip_new(&mip, m, o);
    if (rc != OA_OK)
        goto fail;
    {
        double left = oap_time_left(o), cap = 0;
        if (left != HUGE_VAL && N > PRESOLVE_MAX_INITIATIVES && S.has_best &&
            use_lns)
            cap = left / 3;
        /* GLPK's root LP takes about 6-18 Lagrangian steps per row on the
         * plans of benchmarks/ (the step timed on this machine): one that
         * cannot finish within its share is not started. */
        if (cap > 0 && pass > 0 && 12 * pass * (double)m->nrows > cap)
            root = 0;
        else
            root = oap_mip_root(mip, cap, &rootb, S.lpx);
    }
    if (root < -1) {
        rc = OA_ESOLVER;
        goto fail;
    }
    if (root < 0) {
        sol->status = OAP_SOL_INFEASIBLE;
        goto done;
    }
    if (root > 0) {
        if (rootb < S.bound)
            S.bound = rootb;
        if (S.has_best && oap_within_gap(o, m, S.zbest, S.bound))
            goto finish; /* the root LP proves the roadmap optimal */
        if (heuristic && !timed_out(o) &&
            construct(&S, S.lpx, NULL, 16, 4 * N + 100))
            offer(&S);
    }
    if (timed_out(o))
        goto finish;
    if (root == 0) {
        /* The root LP did not finish: the search has the rest, guided
         * by the Lagrangian estimate of the LP's solution. */
        double left = oap_time_left(o);
        int lps = 50 + N / 20;
        /* Its pricing LPs within a twentieth of the time left. */
        if (left != HUGE_VAL && S.lp_s > 0 && 0.05 * left / S.lp_s < lps)
            lps = (int)(0.05 * left / S.lp_s);
        if (guide && heuristic && !timed_out(o) &&
            construct(&S, guide, NULL, 4, lps))
            offer(&S);
        if (use_lns && heuristic)
            lns_run(&S, oap_time_left(o), guide, 0);
        goto finish;
    }

    /* 3. Large plans: the neighbourhood search for a share of the time
     * left, guided by the root LP; then branch-and-cut from its best. */
    if (use_lns && heuristic && S.has_best && N > PRESOLVE_MAX_INITIATIVES &&
        o->time_limit > 0) {
        lns_run(&S, 0.5 * oap_time_left(o), S.lpx, 50);
        if (timed_out(o) || oap_within_gap(o, m, S.zbest, S.bound))
            goto finish;
    }

    /* 4. Branch-and-cut.  Up to 100 initiatives GLPK's presolver and
     * search without the library's node heuristic prove faster (the
     * realistic example: optimal in 63 s, against a 3.3 % gap after
     * 120 s): the roadmap found here is kept aside and returned if the
     * search does not beat it. */
    {
        oap_solution bs;
        int presolve = !heuristic ||
                       (!o->start && N <= PRESOLVE_MAX_INITIATIVES);
        rc = oap_mip_branch(&bs, mip, S.has_best ? S.best : NULL, presolve,
                            heuristic ? node_heur : NULL, &S, rootb, err);
        if (rc != OA_OK)
            goto fail;
        if (bs.status == OAP_SOL_INFEASIBLE) {
            oap_solution_free(&bs);
            sol->status = OAP_SOL_INFEASIBLE;
            goto done;
        }
        if (bs.has_bound && bs.bound < S.bound)
            S.bound = bs.bound;
        if (bs.status == OAP_SOL_OPTIMAL || bs.status == OAP_SOL_FEASIBLE) {
            memcpy(S.xs, bs.x, m->ncols * sizeof *S.xs);
            if (!offer(&S) && !S.has_best) {
                /* GLPK's own roadmap, taken as it is. */
                memcpy(S.best, bs.x, m->ncols * sizeof *S.best);
                S.zbest = bs.obj;
                S.has_best = 1;
            }
            if (bs.status == OAP_SOL_OPTIMAL && S.zbest >= bs.obj - 1e-9 *
                                                    (1 + fabs(bs.obj)))
                S.bound = S.zbest;
        }
        oap_solution_free(&bs);
    }
finish:
    finish(sol, &S);
    goto done;
infeasible:
    if (o->verbosity > 0 && o->log)
        o->log("The mandatory work cannot fit in any schedule: no roadmap "
               "exists\n",
               o->log_data);
    sol->status = OAP_SOL_INFEASIBLE;
done:
    sol->caller_stopped = *lo.stopped != 0;
    oap_mip_free(mip);
    search_free(&S);
    return OA_OK;
fail:
    oap_mip_free(mip);
    search_free(&S);
    oap_solution_free(sol);
    return rc;
}

/* ======================================================================
 * Starting from a given roadmap
 * ==================================================================== */

/* ---- starting from a given roadmap ---- */

typedef struct startw {
    const oap_model *m;
    const oap_solver_opts *so;
    double *dual;
    int *at;        /* [N]: start of each initiative, 0 when out */
} startw;

/* x from at[] with the cheapest levers; 1 when feasible. */
static int start_price(startw *w, double *x)
{
    const oap_model *m = w->m;
    int i;
    memset(x, 0, (m->ncols + 1) * sizeof *x);
    for (i = 0; i < m->res->N; i++)
        if (w->at[i])
            x[m->x_first[i] + w->at[i] - m->x_s0[i]] = 1;
    return oap_solver_fixed_lp(w->dual, x, m, w->so, NULL) == OA_OK;
}

static double start_coef(const startw *w, int i)
{
    const oap_model *m = w->m;
    return m->cols[m->x_first[i] + w->at[i] - m->x_s0[i]].obj;
}

/* 1 when two initiatives demand work of a common unit. */
static int share_unit(const oap_rini *a, const oap_rini *b)
{
    size_t p, q;
    for (p = 0; p < a->ndem; p++)
        for (q = 0; q < b->ndem; q++)
            if (a->dem[p].u == b->dem[q].u)
                return 1;
    return 0;
}

/* Takes initiative j out, and every scheduled one that requires it. */
static void start_drop(startw *w, int j)
{
    const oap_resolved *res = w->m->res;
    int i;
    size_t k;
    w->at[j] = 0;
    for (i = 0; i < res->N; i++)
        for (k = 0; k < res->ini[i].nreq; k++)
            if (w->at[i] && res->ini[i].req[k].i == j)
                start_drop(w, i);
}

/* Drops optional initiatives until the roadmap is feasible: first those
 * running beside initiative k in a unit it needs, then beside it in time,
 * then any (k < 0: any), least valuable first.  1 when it ends
 * feasible. */
static int start_repair(startw *w, double *x, int k)
{
    const oap_resolved *res = w->m->res;
    int guard;
    for (guard = 0; guard <= res->N; guard++) {
        int i, victim = -1, near = 0;
        if (start_price(w, x))
            return 1;
        for (i = 0; i < res->N; i++) {
            int overlap;
            if (!w->at[i] || i == k || res->ini[i].mandatory)
                continue;
            overlap = k < 0 ? 1
                      : w->at[i] <= w->at[k] + res->ini[k].d - 1 &&
                                w->at[k] <= w->at[i] + res->ini[i].d - 1
                          ? 1 + share_unit(&res->ini[i], &res->ini[k])
                          : 0;
            if (victim < 0 || overlap > near ||
                (overlap == near && start_coef(w, i) < start_coef(w, victim))) {
                victim = i;
                near = overlap;
            }
        }
        if (victim < 0)
            return 0;
        start_drop(w, victim);
    }
    return 0;
}

/*
 * A start for the search from a roadmap given as a result (initiatives
 * matched by id): the roadmap itself when it fits this model; otherwise
 * repaired: each mandatory initiative it lacks is put at the start where
 * the repaired roadmap is worth most, dropping the least valuable
 * optional initiatives that run beside it until the levers can carry the
 * rest.  *out stays NULL when no repair fits.
 */
int oap_search_start_from(double **out, const oap_model *m,
                          const oa_plan *plan, const oa_result *r,
                          const oap_solver_opts *so)
{
    const oap_resolved *res = m->res;
    startw w;
    double *x;
    int *best_at, *base_at;
    int i, ok = 1, rc = OA_OK;
    *out = NULL;
    w.m = m;
    w.so = so;
    x = oap_calloc(m->ncols + 1, sizeof(double));
    base_at = oap_calloc((size_t)res->N + 1, sizeof(int));
    w.dual = oap_calloc(m->nrows + 1, sizeof(double));
    w.at = oap_calloc((size_t)res->N + 1, sizeof(int));
    best_at = oap_calloc((size_t)res->N + 1, sizeof(int));
    if (!x || !base_at || !w.dual || !w.at || !best_at) {
        rc = OA_ENOMEM;
        goto out;
    }
    for (i = 0; i < res->N; i++) {
        oa_initiative_result ir;
        int s;
        if (oa_result_find_initiative(&ir, r, plan->initiatives.v[i]->id) !=
                OA_OK || !ir.scheduled)
            continue;
        s = ir.start;
        if (s >= m->x_s0[i] && s <= m->x_s1[i] &&
            m->cols[m->x_first[i] + s - m->x_s0[i]].ub > 0)
            w.at[i] = s;
    }
    for (i = 0; i < res->N && ok; i++) {
        int s, found = 0;
        double best = -HUGE_VAL;
        if (w.at[i] || !res->ini[i].mandatory)
            continue;
        memcpy(base_at, w.at, (size_t)res->N * sizeof(int));
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            if (m->cols[m->x_first[i] + s - m->x_s0[i]].ub <= 0)
                continue;
            memcpy(w.at, base_at, (size_t)res->N * sizeof(int));
            w.at[i] = s;
            if (start_repair(&w, x, i)) {
                double v = oap_model_objective(m, x);
                if (!found || v > best) {
                    best = v;
                    memcpy(best_at, w.at, (size_t)res->N * sizeof(int));
                    found = 1;
                }
            }
        }
        ok = found;
        if (found)
            memcpy(w.at, best_at, (size_t)res->N * sizeof(int));
    }
    if (ok && start_repair(&w, x, -1)) {
        *out = x;
        x = NULL;
    }
out:
    oap_free(x);
    oap_free(base_at);
    oap_free(w.dual);
    oap_free(w.at);
    oap_free(best_at);
    return rc;
}

/* ======================================================================
 * The earlier-start rule
 * ==================================================================== */

/*
 * The earlier-start rule of model.md, made exact: with the roadmap fixed
 * and the levers free (an LP), each scheduled initiative in order of its
 * start moves to the earliest start where the objective (without the
 * tie-break) is not worse; passes repeat until nothing moves, within
 * max_lps LPs and the time limit.
 */
int oap_search_left_shift(double *x, const oap_model *m,
                          const oap_solver_opts *o, int max_lps)
{
    const oap_resolved *res = m->res;
    oap_lp *P = NULL;
    int *ord = NULL, i, n, lps = 0, moved, rc;
    size_t k;
    double cur, z;
    rc = oap_lp_new(&P, m, 0, 0, o);
    if (rc != OA_OK)
        return rc;
    ord = oap_calloc((size_t)res->N + 1, sizeof(int));
    if (ord == NULL) {
        oap_lp_free(P);
        return OA_ENOMEM;
    }
    oap_lp_fix_roadmap(P, x);
    if (!oap_lp_solve(P, &cur))
        goto out;
    do {
        /* Scheduled initiatives by start, then index. */
        n = 0;
        for (i = 0; i < res->N; i++) {
            int at = on(m, x, i);
            if (at > m->x_s0[i]) {
                int q = n++;
                while (q > 0 && on(m, x, ord[q - 1]) > at) {
                    ord[q] = ord[q - 1];
                    q--;
                }
                ord[q] = i;
            }
        }
        moved = 0;
        for (k = 0; k < (size_t)n && lps < max_lps && !timed_out(o); k++) {
            int s, at, j0;
            i = ord[k];
            j0 = m->x_first[i] - m->x_s0[i];
            at = on(m, x, i);
            for (s = m->x_s0[i]; s < at && lps < max_lps && !timed_out(o);
                 s++) {
                if (m->cols[j0 + s].ub <= 0)
                    continue;
                oap_lp_fix(P, j0 + at, 0);
                oap_lp_fix(P, j0 + s, 1);
                lps++;
                /* The LP objective includes the tie-break, which gains
                 * (at - s) periods: compare without it. */
                if (oap_lp_solve(P, &z) &&
                    z - m->tiebreak * (at - s) >= cur - 1e-9 * (1 + fabs(cur))) {
                    cur = z;
                    x[j0 + at] = 0;
                    x[j0 + s] = 1;
                    moved = 1;
                    break;
                }
                oap_lp_fix(P, j0 + s, 0);
                oap_lp_fix(P, j0 + at, 1);
            }
        }
    } while (moved && lps < max_lps && !timed_out(o));
    /* The levers for the final roadmap. */
    oap_lp_fix_roadmap(P, x);
    if (oap_lp_solve(P, NULL)) {
        double *v = oap_calloc(m->ncols + 1, sizeof(double));
        if (v) {
            oap_lp_values(P, v);
            for (k = 0; k < m->ncols; k++)
                if (m->cols[k].kind != OAP_COL_X)
                    x[k] = v[k];
            oap_free(v);
        }
    }
out:
    oap_free(ord);
    oap_lp_free(P);
    return OA_OK;
}
