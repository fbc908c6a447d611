/*
 * A bound on every roadmap without an LP solver: the Lagrangian
 * relaxation of the model.  Every row but the choice rows (at most one
 * start per initiative; exactly one for mandatory work) is moved into the
 * objective with a multiplier >= 0.  For any multipliers the relaxed
 * problem splits: each initiative takes its best start (or none), each
 * lever its upper or lower bound, by the sign of its reduced cost; its
 * optimum bounds the model's optimum from above (weak duality).  The
 * multipliers are improved by subgradient steps (Polyak's rule towards
 * the best roadmap known), each a pass over the coefficients, so the
 * bound costs milliseconds per step where GLPK's root LP of a large plan
 * takes minutes.  At best it reaches the LP bound.
 */
#include "model.h"

#include <math.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct lag {
    const oap_model *m;
    double *lam;     /* [nrows]: multiplier of a x <= hi */
    double *mu;      /* [nrows]: multiplier of a x >= lo */
    double *d;       /* [ncols]: reduced cost */
    double *x;       /* [ncols]: the relaxed optimum */
    double *act;     /* [nrows]: a x */
    unsigned char *kept; /* [nrows]: choice rows, not relaxed */
} lag;

/* The relaxed optimum for the multipliers; HUGE_VAL when unbounded. */
static double relaxed(lag *L)
{
    const oap_model *m = L->m;
    const oap_resolved *res = m->res;
    size_t j, k, nr = m->nrows;
    double z = 0;
    int i;
    for (j = 0; j < m->ncols; j++)
        L->d[j] = m->cols[j].obj;
    for (k = 0; k < m->nnz; k++) {
        const oap_nz *e = &m->nz[k];
        if (!L->kept[e->i])
            L->d[e->j] -= (L->lam[e->i] - L->mu[e->i]) * e->v;
    }
    for (k = 0; k < nr; k++) {
        if (L->kept[k])
            continue;
        if (L->lam[k] > 0)
            z += L->lam[k] * m->rows[k].hi;
        if (L->mu[k] > 0)
            z -= L->mu[k] * m->rows[k].lo;
    }
    /* Columns outside the choice structure: a bound by the sign. */
    for (j = 0; j < m->ncols; j++) {
        const oap_col *c = &m->cols[j];
        if (c->kind == OAP_COL_X)
            continue;
        if (L->d[j] > 0) {
            if (c->ub == HUGE_VAL)
                return HUGE_VAL;
            L->x[j] = c->ub;
        } else if (L->d[j] < 0) {
            if (c->lb == -HUGE_VAL)
                return HUGE_VAL;
            L->x[j] = c->lb;
        } else {
            L->x[j] = c->lb > 0 ? c->lb : (c->ub < 0 ? c->ub : 0);
        }
        z += L->d[j] * L->x[j];
    }
    /* Each initiative: its best open start, or none. */
    for (i = 0; i < res->N; i++) {
        int s, best = -1;
        double bd = 0;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++) {
            int j2 = m->x_first[i] + s - m->x_s0[i];
            L->x[j2] = 0;
            if (m->cols[j2].ub <= 0)
                continue;
            if (m->cols[j2].lb > 0) { /* fixed in: counts as it is */
                L->x[j2] = m->cols[j2].lb;
                z += L->d[j2] * m->cols[j2].lb;
                continue;
            }
            if ((best < 0 && m->forced[i]) || L->d[j2] > bd) {
                bd = L->d[j2];
                best = j2;
            }
        }
        if (best >= 0 && (m->forced[i] || bd > 0)) {
            L->x[best] = 1;
            z += bd;
        } else if (m->forced[i] && best < 0 && m->x_s0[i] <= m->x_s1[i]) {
            /* A mandatory initiative with no open start: no roadmap. */
            return -HUGE_VAL;
        }
    }
    return z;
}

/* The clock of the bound: the wall's, or the work done. */
static double clock_of(const double *work, int work_clock)
{
    return work_clock && work ? *work / OAP_WORK_PER_SECOND : now_s();
}

double oap_model_lagrangian_bound(const oap_model *m, double target,
                                  double seconds, double *pass, double *xbar,
                                  double *work, int work_clock)
{
    lag L;
    size_t nr = m->nrows, nc = m->ncols, k;
    double best = HUGE_VAL, theta = 1.0, t0 = clock_of(work, work_clock),
           t_end = t0 + seconds;
    double *sc = NULL, *dir = NULL;
    int it = 0, since = 0;
    if (pass)
        *pass = 0;
    memset(&L, 0, sizeof L);
    L.m = m;
    L.lam = oap_calloc(nr + 1, sizeof(double));
    L.mu = oap_calloc(nr + 1, sizeof(double));
    L.d = oap_calloc(nc + 1, sizeof(double));
    L.x = oap_calloc(nc + 1, sizeof(double));
    L.act = oap_calloc(nr + 1, sizeof(double));
    L.kept = oap_calloc(nr + 1, 1);
    sc = oap_calloc(nr + 1, sizeof(double));
    dir = oap_calloc(2 * nr + 2, sizeof(double));
    if (!L.lam || !L.mu || !L.d || !L.x || !L.act || !L.kept || !sc ||
        !dir || m->elastic)
        goto out;
    /* Rows scaled to a largest coefficient of 1, so that budget rows in
     * money and capacity rows in people take comparable steps. */
    for (k = 0; k < m->nnz; k++) {
        double v = fabs(m->nz[k].v);
        if (v > sc[m->nz[k].i])
            sc[m->nz[k].i] = v;
    }
    for (k = 0; k < nr; k++) {
        L.kept[k] = m->rows[k].kind == OAP_ROW_CHOICE;
        sc[k] = sc[k] > 0 ? 1 / sc[k] : 0;
        if (sc[k] == 0)
            L.kept[k] = 1; /* an empty row constrains nothing */
    }
    for (it = 0; it < 1000000; it++) {
        double z = relaxed(&L), norm = 0, step, gap;
        if (z == -HUGE_VAL) {
            best = -HUGE_VAL;
            break;
        }
        if (z == HUGE_VAL)
            break; /* cannot happen with bounded columns */
        /* The relaxed optima averaged, the latest weighing most: near the
         * best multipliers an estimate of the LP's solution (the volume
         * algorithm's primal, Barahona and Anbil 2000). */
        if (xbar)
            for (k = 0; k < nc; k++)
                xbar[k] = it == 0 ? L.x[k] : 0.9 * xbar[k] + 0.1 * L.x[k];
        if (best == HUGE_VAL || z < best - 1e-9 * (1 + fabs(best))) {
            best = z;
            since = 0;
        } else if (++since >= 40) {
            theta *= 0.7;
            since = 0;
        }
        /* A step is about two passes over the coefficients. */
        if (work)
            *work += 2.0 * (double)(m->nnz + m->ncols) / OAP_OPS_PER_WORK;
        if (theta < 1e-4 ||
            (it % 8 == 7 && clock_of(work, work_clock) > t_end))
            break;
        /* The subgradient (scaled rows), deflected by the last direction
         * (Camerini, Fratta and Maffioli) against zig-zagging. */
        memset(L.act, 0, nr * sizeof *L.act);
        for (k = 0; k < m->nnz; k++)
            L.act[m->nz[k].i] += m->nz[k].v * L.x[m->nz[k].j];
        for (k = 0; k < nr; k++) {
            double g;
            if (L.kept[k])
                continue;
            if (m->rows[k].hi != HUGE_VAL) {
                g = sc[k] * (m->rows[k].hi - L.act[k]);
                if (L.lam[k] <= 0 && g > 0)
                    g = 0;
                dir[2 * k] = g + 0.5 * dir[2 * k];
                norm += dir[2 * k] * dir[2 * k];
            }
            if (m->rows[k].lo != -HUGE_VAL) {
                g = sc[k] * (L.act[k] - m->rows[k].lo);
                if (L.mu[k] <= 0 && g > 0)
                    g = 0;
                dir[2 * k + 1] = g + 0.5 * dir[2 * k + 1];
                norm += dir[2 * k + 1] * dir[2 * k + 1];
            }
        }
        if (norm <= 1e-18)
            break; /* the relaxed optimum is feasible and tight */
        gap = best - target;
        if (!(target > -HUGE_VAL) || !(gap > 0.02 * fabs(best)))
            gap = 0.02 * (1 + fabs(best));
        step = theta * gap / norm;
        for (k = 0; k < nr; k++) {
            if (L.kept[k])
                continue;
            if (m->rows[k].hi != HUGE_VAL) {
                L.lam[k] -= step * sc[k] * dir[2 * k];
                if (L.lam[k] < 0)
                    L.lam[k] = 0;
            }
            if (m->rows[k].lo != -HUGE_VAL) {
                L.mu[k] -= step * sc[k] * dir[2 * k + 1];
                if (L.mu[k] < 0)
                    L.mu[k] = 0;
            }
        }
    }
    if (pass)
        *pass = it > 0 ? (clock_of(work, work_clock) - t0) / it : 0;
out:
    oap_free(L.lam);
    oap_free(L.mu);
    oap_free(L.d);
    oap_free(L.x);
    oap_free(L.act);
    oap_free(L.kept);
    oap_free(sc);
    oap_free(dir);
    return best;
}
