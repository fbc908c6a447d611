/*
 * A complete search for the starts of the forced work (search.h): the
 * initiatives that must run (m->forced), within their windows and open
 * starts, after what they require, on what their units could ever have
 * (m->avail: every lever at its limit, run work as low as it can go).
 *
 * Constraint-based scheduling.  At every node the requires tighten the
 * earliest and latest starts, and time-tabling (Le Pape 1994) does the
 * rest: every open start of an initiative covers the periods from its
 * latest start to its earliest finish (its compulsory part), which hold
 * at least its least demand there; an earliest or latest start whose
 * demand does not fit beside every compulsory part is closed, to a fixed
 * point.  The branching is schedule-or-postpone (set times, Le Pape,
 * Couronne, Vergamini and Gosselin 1994): the open initiative with the
 * earliest start (then the least latest) starts there, or else waits
 * until propagation moves its earliest start; when only waiting ones are
 * left, the one the others leave room for could start earlier, so the
 * node fails.  That rule shifts work to the left, which keeps every load
 * as it was only when an initiative's demand on a unit and resource is
 * the same in every period it runs; otherwise the second branch closes
 * the start instead.
 *
 * Budgets, excludes and the sharing of a lender's capacity are left out,
 * so a schedule found here may not be a roadmap (the greedy then places
 * the work at these starts, or fails), but when the search ends without
 * one, none exists: the plan has no roadmap.
 */
#include "search.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One initiative's demand on one unit and resource, by period of its
 * own (q[0..d-1]). */
typedef struct frun {
    int u, r;
    double *q;
    int flat;           /* the same demand in every period */
} frun;

typedef struct fjob {
    int i, d, s0, s1;   /* initiative, duration, window */
    frun *run;
    int nrun;
} fjob;

/* s[a] >= s[b] + gap */
typedef struct fedge {
    int a, b, gap;
} fedge;

typedef struct fsearch {
    const oap_model *m;
    int n;              /* forced initiatives */
    fjob *job;
    int *slot;          /* [N]: job of an initiative, or -1 */
    fedge *e;
    int ne;
    int (*pair)[2];     /* jobs that can never run at the same time */
    size_t npair;
    double *prof;       /* [U * R * P]: compulsory parts */
    double *qbuf;
    int flat;           /* every run flat: postponing is complete */
    double deadline;    /* oap_clock() limit, or 0 */
    const oap_solver_opts *o;
} fsearch;

static int open_at(const fsearch *F, int j, int s)
{
    const fjob *J = &F->job[j];
    const oap_model *m = F->m;
    return s >= J->s0 && s <= J->s1 &&
           m->cols[m->x_first[J->i] + s - m->x_s0[J->i]].ub > 0;
}

/* The first open start from s on (s1 + 1: none). */
static int next_open(const fsearch *F, int j, int s)
{
    if (s < F->job[j].s0)
        s = F->job[j].s0;
    while (s <= F->job[j].s1 && !open_at(F, j, s))
        s++;
    return s;
}

/* The last open start up to s (s0 - 1: none). */
static int prev_open(const fsearch *F, int j, int s)
{
    if (s > F->job[j].s1)
        s = F->job[j].s1;
    while (s >= F->job[j].s0 && !open_at(F, j, s))
        s--;
    return s;
}

/* The least demand of run R in period t over the starts [lo, hi] when t
 * lies in the compulsory part, else 0. */
static double core(const frun *R, int d, int lo, int hi, int t)
{
    double c;
    int s;
    if (t < hi || t > lo + d - 1)
        return 0;
    if (R->flat)
        return R->q[0];
    c = R->q[t - lo];
    for (s = lo + 1; s <= hi; s++)
        if (R->q[t - s] < c)
            c = R->q[t - s];
    return c;
}

static size_t urt(const oap_resolved *res, int u, int r, int t)
{
    return OAP_URT(res, u, r, t - 1);
}

/* Whether job j fits at start s beside the compulsory parts. */
static int fits(const fsearch *F, int j, int s, const int *lo, const int *hi)
{
    const fjob *J = &F->job[j];
    const oap_resolved *res = F->m->res;
    int a, k;
    for (a = 0; a < J->nrun; a++) {
        const frun *R = &J->run[a];
        for (k = 0; k < J->d; k++) {
            double q = R->q[k];
            size_t x;
            if (q <= 0 || s + k > res->P)
                continue;
            x = urt(res, R->u, R->r, s + k);
            if (q + F->prof[x] - core(R, J->d, lo[j], hi[j], s + k) >
                F->m->avail[x] + 1e-9 * (1 + q))
                return 0;
        }
    }
    return 1;
}

/*
 * Two jobs that can never run at the same time (detectable precedences):
 * when one cannot finish before the other's latest start, it comes after
 * the other.  Returns 1 when a start moved, 0 when none, -1 when neither
 * order is left.
 */
static int after(fsearch *F, int a, int b, int *lo, int *hi)
{
    int moved = 0, db = F->job[b].d;
    /* a after b */
    if (lo[a] < lo[b] + db) {
        lo[a] = next_open(F, a, lo[b] + db);
        moved = 1;
    }
    if (hi[b] > hi[a] - db) {
        hi[b] = prev_open(F, b, hi[a] - db);
        moved = 1;
    }
    return lo[a] > hi[a] || lo[b] > hi[b] ? -1 : moved;
}

static int order_pair(fsearch *F, int a, int b, int *lo, int *hi)
{
    int a_first = lo[a] + F->job[a].d <= hi[b];
    int b_first = lo[b] + F->job[b].d <= hi[a];
    if (!a_first && !b_first)
        return -1;
    if (!a_first)
        return after(F, a, b, lo, hi);
    if (!b_first)
        return after(F, b, a, lo, hi);
    return 0;
}

/* Requires, then time-tabling, to a fixed point; 0 when a start window
 * empties or the compulsory parts alone overload a unit. */
static int propagate(fsearch *F, int *lo, int *hi)
{
    const oap_resolved *res = F->m->res;
    size_t URP = (size_t)res->U * (size_t)res->R * (size_t)res->P;
    int changed, moved, j, a, t, k;
    size_t p;
    do {
        changed = 0;
        do {
            moved = 0;
            for (k = 0; k < F->ne; k++) {
                const fedge *E = &F->e[k];
                if (lo[E->a] < lo[E->b] + E->gap) {
                    lo[E->a] = next_open(F, E->a, lo[E->b] + E->gap);
                    moved = 1;
                }
                if (hi[E->b] > hi[E->a] - E->gap) {
                    hi[E->b] = prev_open(F, E->b, hi[E->a] - E->gap);
                    moved = 1;
                }
                if (lo[E->a] > hi[E->a] || lo[E->b] > hi[E->b])
                    return 0;
            }
            for (p = 0; p < F->npair; p++) {
                int r = order_pair(F, F->pair[p][0], F->pair[p][1], lo, hi);
                if (r < 0)
                    return 0;
                moved |= r;
            }
        } while (moved);
        memset(F->prof, 0, URP * sizeof *F->prof);
        for (j = 0; j < F->n; j++) {
            const fjob *J = &F->job[j];
            for (a = 0; a < J->nrun; a++)
                for (t = hi[j]; t <= lo[j] + J->d - 1 && t <= res->P; t++) {
                    double c = core(&J->run[a], J->d, lo[j], hi[j], t);
                    size_t x = urt(res, J->run[a].u, J->run[a].r, t);
                    if (c <= 0)
                        continue;
                    F->prof[x] += c;
                    if (F->prof[x] > F->m->avail[x] + 1e-9 * (1 + c))
                        return 0;
                }
        }
        /* The profile holds each job's part from before its own moves
         * below: what it takes out again is at least that, so the test
         * can only be too lenient, never too strict. */
        for (j = 0; j < F->n; j++) {
            if (lo[j] == hi[j])
                continue;
            while (lo[j] <= hi[j] && !fits(F, j, lo[j], lo, hi)) {
                lo[j] = next_open(F, j, lo[j] + 1);
                changed = 1;
            }
            while (lo[j] <= hi[j] && !fits(F, j, hi[j], lo, hi)) {
                hi[j] = prev_open(F, j, hi[j] - 1);
                changed = 1;
            }
            if (lo[j] > hi[j])
                return 0;
        }
    } while (changed);
    return 1;
}

/*
 * Whether every completion of the node starts a postponed job first (one
 * whose earliest start is still the one it was postponed at): the one
 * that starts first could start at its earliest instead (before it runs
 * only work fixed already, which propagation found room beside; with
 * flat demands its later periods see the same loads), and that schedule
 * was searched when it was postponed.  That is so when a postponed job
 * must start before any other can (its latest start before the earliest
 * of every job still to choose; best < 0: none).
 */
static int postponed_first(const fsearch *F, const int *lo, const int *hi,
                           const int *wait, int best)
{
    int j, L = best < 0 ? INT_MAX : lo[best];
    for (j = 0; j < F->n; j++)
        if (lo[j] < hi[j] && wait[j] == lo[j] && hi[j] < L)
            return 1;
    return 0;
}

/*
 * Propagates a node and chooses its branching job: the open one that is
 * not postponed with the earliest start, then the least latest.  Returns
 * the job, -1 when every job is fixed (a schedule), -2 when the node
 * fails.
 */
static int settle(fsearch *F, int *lo, int *hi, int *wait)
{
    int j, best, open;
    if (!propagate(F, lo, hi))
        return -2;
    best = -1;
    open = 0;
    for (j = 0; j < F->n; j++) {
        if (lo[j] == hi[j])
            continue;
        open = 1;
        if (wait[j] == lo[j])
            continue;
        if (best < 0 || lo[j] < lo[best] ||
            (lo[j] == lo[best] && hi[j] < hi[best]))
            best = j;
    }
    if (!open)
        return -1;
    if (postponed_first(F, lo, hi, wait, best))
        return -2;
    return best;
}

/* The state of a node: lo[n], hi[n], wait[n] (the earliest start a job
 * was postponed at, or -1). */
typedef struct fframe {
    int *st;
    int best;
    int phase;          /* 0: new, 1: first child done, 2: both */
} fframe;

/* Depth-first search from root; 1: found (start filled), -1: none
 * exists, 0: out of time or memory. */
static int dfs(fsearch *F, const int *root, int *start)
{
    int n = F->n, depth = 0, cap = 64, res = -1, j;
    size_t sz = 3 * (size_t)n * sizeof(int);
    /* Memory for the states: 3n ints a level, up to 64 MiB. */
    size_t max_depth = ((size_t)64 << 20) / (sz + sizeof(fframe));
    long nodes = 0;
    fframe *stack = oap_calloc((size_t)cap, sizeof *stack);
    if (stack == NULL)
        return 0;
    stack[0].st = oap_calloc(3 * (size_t)n, sizeof(int));
    if (stack[0].st == NULL) {
        oap_free(stack);
        return 0;
    }
    memcpy(stack[0].st, root, sz);
    while (depth >= 0) {
        fframe *f = &stack[depth];
        int *lo = f->st, *hi = lo + n, *wait = hi + n;
        if (f->phase == 0) {
            int best;
            /* The clock every 8 nodes: a node costs microseconds on
             * small plans, and far more on large ones. */
            /* A node: propagation over the open initiatives. */
            oap_work_ops(F->o, 16.0 * F->n);
            if ((++nodes & 7) == 0 &&
                ((F->deadline > 0 && oap_clock(F->o) > F->deadline) ||
                 oap_interrupted(F->o))) {
                res = 0;
                break;
            }
            best = settle(F, lo, hi, wait);
            if (best == -1) {
                for (j = 0; j < n; j++)
                    start[F->job[j].i] = lo[j];
                res = 1;
                break;
            }
            if (best < 0) {
                f->phase = 2;
                continue;
            }
            f->best = best;
        }
        if (f->phase == 2) {
            depth--; /* its state stays for the next node of its depth */
            continue;
        }
        /* A child: first the start at the earliest, then the other. */
        if ((size_t)depth + 1 >= max_depth) {
            res = 0;
            break;
        }
        if (depth + 1 >= cap) {
            fframe *g = oap_realloc(stack, 2 * (size_t)cap * sizeof *stack);
            if (g == NULL) {
                res = 0;
                break;
            }
            memset(g + cap, 0, (size_t)cap * sizeof *g);
            stack = g;
            cap *= 2;
            f = &stack[depth];
        }
        {
            fframe *c = &stack[depth + 1];
            int b = f->best, *clo, *chi, *cwait;
            if (c->st == NULL)
                c->st = oap_calloc(3 * (size_t)n, sizeof(int));
            if (c->st == NULL) {
                res = 0;
                break;
            }
            memcpy(c->st, f->st, sz);
            c->phase = 0;
            clo = c->st;
            chi = clo + n;
            cwait = chi + n;
            if (f->phase == 0) {
                chi[b] = clo[b];
                cwait[b] = -1;
                f->phase = 1;
            } else {
                if (F->flat)
                    cwait[b] = clo[b];
                else
                    clo[b] = next_open(F, b, clo[b] + 1);
                f->phase = 2;
            }
            depth++;
        }
    }
    for (j = 0; j < cap; j++)
        oap_free(stack[j].st);
    oap_free(stack);
    return res;
}

static void fsearch_free(fsearch *F)
{
    int j;
    if (F->job)
        for (j = 0; j < F->n; j++)
            oap_free(F->job[j].run);
    oap_free(F->job);
    oap_free(F->slot);
    oap_free(F->e);
    oap_free(F->pair);
    oap_free(F->prof);
    oap_free(F->qbuf);
}

/* The jobs' runs: one per unit and resource, dense over the duration. */
static int make_runs(fsearch *F)
{
    const oap_resolved *res = F->m->res;
    size_t nq = 0, e, used = 0;
    int j;
    for (j = 0; j < F->n; j++)
        nq += res->ini[F->job[j].i].ndem * (size_t)F->job[j].d;
    F->qbuf = oap_calloc(nq + 1, sizeof(double));
    if (F->qbuf == NULL)
        return OA_ENOMEM;
    F->flat = 1;
    for (j = 0; j < F->n; j++) {
        fjob *J = &F->job[j];
        const oap_rini *ri = &res->ini[J->i];
        J->run = oap_calloc(ri->ndem + 1, sizeof *J->run);
        if (J->run == NULL)
            return OA_ENOMEM;
        for (e = 0; e < ri->ndem; e++) {
            const oap_rdemand *dm = &ri->dem[e];
            frun *R;
            if (dm->q <= 0 || dm->k < 0 || dm->k >= J->d)
                continue;
            R = J->nrun > 0 ? &J->run[J->nrun - 1] : NULL;
            if (R == NULL || R->u != dm->u || R->r != dm->r) {
                R = &J->run[J->nrun++];
                R->u = dm->u;
                R->r = dm->r;
                R->q = F->qbuf + used;
                used += (size_t)J->d;
            }
            R->q[dm->k] += dm->q;
        }
        for (e = 0; e < (size_t)J->nrun; e++) {
            frun *R = &J->run[e];
            int k;
            R->flat = 1;
            for (k = 1; k < J->d; k++)
                if (R->q[k] != R->q[0])
                    R->flat = 0;
            if (!R->flat)
                F->flat = 0;
        }
    }
    return OA_OK;
}

/* Pairs whose flat demands on one unit and resource exceed the most it
 * could ever have (at most MAX_PAIRS: each is looked at in every
 * propagation). */
#define MAX_PAIRS 100000

static int make_pairs(fsearch *F)
{
    const oap_resolved *res = F->m->res;
    size_t cap = 0, UR = (size_t)res->U * (size_t)res->R;
    double *most = oap_calloc(UR + 1, sizeof *most);
    int a, b, x, y, t, rc = OA_OK;
    if (most == NULL)
        return OA_ENOMEM;
    for (x = 0; (size_t)x < UR; x++)
        for (t = 1; t <= res->P; t++)
            if (F->m->avail[(size_t)x * (size_t)res->P + (size_t)t - 1] >
                most[x])
                most[x] = F->m->avail[(size_t)x * (size_t)res->P +
                                      (size_t)t - 1];
    for (a = 0; a < F->n && F->npair < MAX_PAIRS; a++)
        for (b = a + 1; b < F->n && F->npair < MAX_PAIRS; b++) {
            const fjob *A = &F->job[a], *B = &F->job[b];
            int clash = 0;
            for (x = 0; x < A->nrun && !clash; x++)
                for (y = 0; y < B->nrun && !clash; y++) {
                    const frun *P = &A->run[x], *Q = &B->run[y];
                    double lim = most[P->u * res->R + P->r];
                    if (P->u == Q->u && P->r == Q->r && P->flat && Q->flat &&
                        P->q[0] + Q->q[0] > lim + 1e-9 * (1 + P->q[0]))
                        clash = 1;
                }
            if (!clash)
                continue;
            if (F->npair == cap) {
                size_t nc = cap ? 2 * cap : 64;
                int(*g)[2] = oap_realloc(F->pair, nc * sizeof *g);
                if (g == NULL) {
                    rc = OA_ENOMEM;
                    goto out;
                }
                F->pair = g;
                cap = nc;
            }
            F->pair[F->npair][0] = a;
            F->pair[F->npair][1] = b;
            F->npair++;
        }
out:
    oap_free(most);
    return rc;
}

int oap_forced_schedule(const oap_model *m, double seconds, int *start,
                        const oap_solver_opts *o)
{
    const oap_resolved *res = m->res;
    fsearch F;
    int *root = NULL, i, j, rc = 0;
    size_t k, ne = 0;

    if (m->avail == NULL || m->elastic || m->relax)
        return 0;
    memset(&F, 0, sizeof F);
    F.m = m;
    F.o = o;
    F.deadline = seconds > 0 ? oap_clock(o) + seconds : 0;
    F.slot = oap_calloc((size_t)res->N + 1, sizeof(int));
    F.job = oap_calloc((size_t)res->N + 1, sizeof *F.job);
    if (F.slot == NULL || F.job == NULL)
        goto out;
    for (i = 0; i < res->N; i++) {
        F.slot[i] = -1;
        if (!m->forced[i])
            continue;
        F.slot[i] = F.n;
        F.job[F.n].i = i;
        F.job[F.n].d = res->ini[i].d;
        F.job[F.n].s0 = m->x_s0[i];
        F.job[F.n].s1 = m->x_s1[i];
        F.n++;
        ne += res->ini[i].nreq;
    }
    if (F.n == 0)
        goto out;
    F.e = oap_calloc(ne + 1, sizeof *F.e);
    F.prof = oap_calloc((size_t)res->U * (size_t)res->R * (size_t)res->P + 1,
                        sizeof *F.prof);
    root = oap_calloc(3 * (size_t)F.n, sizeof(int));
    if (F.e == NULL || F.prof == NULL || root == NULL ||
        make_runs(&F) != OA_OK)
        goto out;
    if (make_pairs(&F) != OA_OK)
        goto out;
    for (j = 0; j < F.n; j++) {
        const oap_rini *ri = &res->ini[F.job[j].i];
        for (k = 0; k < ri->nreq; k++) {
            int b = F.slot[ri->req[k].i];
            if (b < 0)
                continue; /* (what forced work requires is forced) */
            F.e[F.ne].a = j;
            F.e[F.ne].b = b;
            F.e[F.ne].gap = F.job[b].d + ri->req[k].lag;
            F.ne++;
        }
        root[j] = next_open(&F, j, F.job[j].s0);
        root[F.n + j] = prev_open(&F, j, F.job[j].s1);
        root[2 * F.n + j] = -1;
        if (root[j] > root[F.n + j]) {
            rc = -1; /* forced work with no open start */
            goto out;
        }
    }
    rc = dfs(&F, root, start);
out:
    oap_free(root);
    fsearch_free(&F);
    return rc;
}
