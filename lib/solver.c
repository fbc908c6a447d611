/*
 * GLPK, behind a guard.  GLPK prints and aborts on misuse; here its
 * terminal output goes through a hook (to the caller's log or nowhere),
 * and its error hook jumps back so that a failure becomes OA_ESOLVER.
 * Everything handed to GLPK was checked first (finite numbers, bounds in
 * order, indices in range), so the guard is a last resort.
 *
 * After a GLPK error the guard must call glp_free_env(), which frees every
 * GLPK object of the calling thread: a host program that uses GLPK itself
 * in the same thread loses its own GLPK objects in that (unexpected) case.
 */
#include "solver.h"

#include <stdatomic.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glpk.h>

double oap_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct guard {
    jmp_buf jb;
    const oap_solver_opts *o;
    char last[512];   /* the tail of GLPK's output, for error messages */
    size_t nlast;
} guard;

/*
 * The guard in force on this thread.  A GLPK call made while another
 * guarded call runs (the search's LPs inside branch-and-cut's callback)
 * stays under the outer guard: a failure then unwinds the whole outer
 * call, whose clean-up frees everything.  GLPK objects that outlive one
 * call (oap_lp, oap_mip) remember the environment they were made in, and
 * are dead once a failure has freed it.
 */
static _Thread_local guard *cur_guard;
static _Thread_local unsigned long env_generation;

static int term_cb(void *info, const char *s)
{
    guard *g = info;
    size_t n = strlen(s);
    if (g->o && g->o->verbosity > 0 && g->o->log)
        g->o->log(s, g->o->log_data);
    /* Keep the last line or so. */
    if (n >= sizeof g->last)
        s += n - (sizeof g->last - 1), n = sizeof g->last - 1;
    if (g->nlast + n >= sizeof g->last)
        g->nlast = 0;
    memcpy(g->last + g->nlast, s, n);
    g->nlast += n;
    g->last[g->nlast] = '\0';
    return 1; /* never print */
}

static void error_cb(void *info)
{
    guard *g = info;
    longjmp(g->jb, 1);
}

/* Installs g unless a guard is in force; 1 when g was installed (the
 * caller then sets its jump point and removes it). */
static int guard_install(guard *g, const oap_solver_opts *o)
{
    if (cur_guard)
        return 0;
    g->o = o;
    g->nlast = 0;
    g->last[0] = '\0';
    glp_term_out(GLP_ON);
    glp_term_hook(term_cb, g);
    glp_error_hook(error_cb, g);
    cur_guard = g;
    return 1;
}

static void guard_remove(int own)
{
    if (!own)
        return;
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    cur_guard = NULL;
}

static void guard_failed(guard *g, oa_error *err)
{
    size_t n;
    /* Every GLPK object of this thread is gone with the environment. */
    cur_guard = NULL;
    env_generation++;
    glp_free_env();
    n = strlen(g->last);
    while (n > 0 && (g->last[n - 1] == '\n' || g->last[n - 1] == ' '))
        g->last[--n] = '\0';
    oap_error_set(err, OA_ESOLVER, NULL, -1, "GLPK failed: %s",
                  g->last[0] ? g->last : "unknown error");
}

/* Sums duplicate coefficients and drops zeros; returns the count. */
static int cmp_nz(const void *a, const void *b)
{
    const oap_nz *x = a, *y = b;
    if (x->i != y->i)
        return x->i < y->i ? -1 : 1;
    return (x->j > y->j) - (x->j < y->j);
}

typedef struct loaded {
    int *ia, *ja;
    double *ar;
    int n;
} loaded;

static void loaded_free(loaded *L)
{
    oap_free(L->ia);
    oap_free(L->ja);
    oap_free(L->ar);
    L->ia = L->ja = NULL;
    L->ar = NULL;
}

static int prepare_matrix(loaded *L, const oap_model *m)
{
    oap_nz *nz;
    size_t k, n = 0;
    L->ia = L->ja = NULL;
    L->ar = NULL;
    L->n = 0;
    nz = oap_calloc(m->nnz + 1, sizeof *nz);
    if (nz == NULL)
        return OA_ENOMEM;
    if (m->nnz > 0) { /* a model may have no coefficient at all */
        memcpy(nz, m->nz, m->nnz * sizeof *nz);
        qsort(nz, m->nnz, sizeof *nz, cmp_nz);
    }
    for (k = 0; k < m->nnz; k++) {
        if (n > 0 && nz[n - 1].i == nz[k].i && nz[n - 1].j == nz[k].j)
            nz[n - 1].v += nz[k].v;
        else
            nz[n++] = nz[k];
    }
    L->ia = oap_calloc(n + 1, sizeof(int));
    L->ja = oap_calloc(n + 1, sizeof(int));
    L->ar = oap_calloc(n + 1, sizeof(double));
    if (!L->ia || !L->ja || !L->ar) {
        oap_free(nz);
        loaded_free(L);
        return OA_ENOMEM;
    }
    for (k = 0; k < n; k++) {
        if (nz[k].v == 0)
            continue;
        if (!isfinite(nz[k].v)) {
            oap_free(nz);
            loaded_free(L);
            return OA_EINTERNAL;
        }
        L->n++;
        L->ia[L->n] = nz[k].i + 1;
        L->ja[L->n] = nz[k].j + 1;
        L->ar[L->n] = nz[k].v;
    }
    oap_free(nz);
    return OA_OK;
}


/* Checks bounds and objective before they reach GLPK. */
static int check_model(const oap_model *m)
{
    size_t k;
    for (k = 0; k < m->ncols; k++) {
        const oap_col *c = &m->cols[k];
        if (!isfinite(c->obj) || isnan(c->lb) || isnan(c->ub) ||
            c->lb > c->ub || c->lb == HUGE_VAL || c->ub == -HUGE_VAL)
            return OA_EINTERNAL;
    }
    for (k = 0; k < m->nrows; k++) {
        const oap_row *r = &m->rows[k];
        if (isnan(r->lo) || isnan(r->hi) || r->lo > r->hi ||
            r->lo == HUGE_VAL || r->hi == -HUGE_VAL)
            return OA_EINTERNAL;
    }
    return OA_OK;
}

static int glp_type(double lo, double hi)
{
    if (lo == -HUGE_VAL && hi == HUGE_VAL)
        return GLP_FR;
    if (lo == -HUGE_VAL)
        return GLP_UP;
    if (hi == HUGE_VAL)
        return GLP_LO;
    if (lo == hi)
        return GLP_FX;
    return GLP_DB;
}

/* Loads the model; x columns fixed at fix[] when fix is not NULL. */
static glp_prob *load(const oap_model *m, const loaded *L, int relax,
                      const double *fix, const oa_plan *plan)
{
    glp_prob *P = glp_create_prob();
    size_t k;
    char name[256];
    glp_set_obj_dir(P, GLP_MAX);
    if (m->nrows > 0)
        glp_add_rows(P, (int)m->nrows);
    if (m->ncols > 0)
        glp_add_cols(P, (int)m->ncols);
    for (k = 0; k < m->nrows; k++) {
        const oap_row *r = &m->rows[k];
        glp_set_row_bnds(P, (int)k + 1, glp_type(r->lo, r->hi),
                         r->lo == -HUGE_VAL ? 0 : r->lo,
                         r->hi == HUGE_VAL ? 0 : r->hi);
        if (plan) {
            oap_model_row_name(name, sizeof name, m, plan, (int)k);
            glp_set_row_name(P, (int)k + 1, name);
        }
    }
    for (k = 0; k < m->ncols; k++) {
        const oap_col *c = &m->cols[k];
        int j = (int)k + 1;
        /* The kind first: GLP_BV would reset the bounds to 0..1. */
        if (c->is_int && !relax && !fix)
            glp_set_col_kind(P, j, GLP_IV);
        if (fix && c->kind == OAP_COL_X) {
            double v = fix[k] > 0.5 ? 1 : 0;
            glp_set_col_bnds(P, j, GLP_FX, v, v);
        } else {
            glp_set_col_bnds(P, j, glp_type(c->lb, c->ub),
                             c->lb == -HUGE_VAL ? 0 : c->lb,
                             c->ub == HUGE_VAL ? 0 : c->ub);
        }
        glp_set_obj_coef(P, j, c->obj);
        if (plan) {
            oap_model_col_name(name, sizeof name, m, plan, (int)k);
            glp_set_col_name(P, j, name);
        }
    }
    if (L->n > 0)
        glp_load_matrix(P, L->n, L->ia, L->ja, L->ar);
    return P;
}

/* The solver's objective (tie-break included) of column values x. */
static double objective_of(const oap_model *m, const double *x)
{
    double z = 0;
    size_t k;
    for (k = 0; k < m->ncols; k++)
        z += m->cols[k].obj * x[k];
    return z;
}

double oap_model_solver_objective(const oap_model *m, const double *x)
{
    return objective_of(m, x);
}

static int work_mode(const oap_solver_opts *o)
{
    return o->work_limit > 0 && o->work != NULL;
}

double oap_clock(const oap_solver_opts *o)
{
    return work_mode(o) ? *o->work / OAP_WORK_PER_SECOND : oap_now();
}

void oap_work(const oap_solver_opts *o, double units)
{
    if (o->work && units > 0)
        *o->work += units;
}

void oap_work_ops(const oap_solver_opts *o, double ops)
{
    oap_work(o, ops / OAP_OPS_PER_WORK);
}

int oap_interrupted(const oap_solver_opts *o)
{
    return oa_interrupt_raised(o->interrupt);
}

int oap_wall_out(const oap_solver_opts *o)
{
    return work_mode(o) && o->wall_limit > 0 &&
           oap_now() - o->wall_t0 >= o->wall_limit;
}

double oap_elapsed(const oap_solver_opts *o)
{
    return oap_now() - (work_mode(o) ? o->wall_t0 : o->t0);
}

double oap_time_left(const oap_solver_opts *o)
{
    if (oap_interrupted(o))
        return 0;
    if (o->time_limit <= 0)
        return HUGE_VAL;
    if (oap_wall_out(o))
        return 0;
    return o->time_limit - (oap_clock(o) - o->t0);
}

/* GLPK's tm_lim: the time left (at most cap seconds when cap > 0), at
 * least 1 ms.  A work-limited solve gives GLPK only its wall-clock
 * limit: the work it may do is its it_lim (work_its), or the callback's
 * to stop. */
static int time_left_ms(const oap_solver_opts *o, double cap)
{
    double left = oap_time_left(o);
    if (work_mode(o))
        left = o->wall_limit > 0 ? o->wall_limit - (oap_now() - o->wall_t0)
                                 : HUGE_VAL;
    else if (cap > 0 && cap < left)
        left = cap;
    if (left == HUGE_VAL)
        return INT_MAX;
    if (left <= 0.001)
        return 1;
    if (left * 1000 >= INT_MAX)
        return INT_MAX;
    return (int)(left * 1000);
}

/* GLPK's it_lim for a simplex call: INT_MAX, or in a work-limited solve
 * the work left (at most cap seconds of the work clock when cap > 0), at
 * least 1 iteration. */
static int work_its(const oap_solver_opts *o, double cap)
{
    double left;
    if (!work_mode(o))
        return INT_MAX;
    left = oap_time_left(o);
    if (cap > 0 && cap < left)
        left = cap;
    left *= OAP_WORK_PER_SECOND;
    if (left < 1)
        return 1;
    return left >= INT_MAX ? INT_MAX : (int)left;
}

/* glp_simplex under o's limits (cap seconds when > 0), its iterations
 * counted as work. */
static int simplex(glp_prob *P, glp_smcp *sm, const oap_solver_opts *o,
                   double cap)
{
    int it0 = glp_get_it_cnt(P), rc;
    sm->tm_lim = time_left_ms(o, cap);
    sm->it_lim = work_its(o, cap);
    rc = glp_simplex(P, sm);
    oap_work(o, glp_get_it_cnt(P) - it0);
    /* Out of work is out of time. */
    return rc == GLP_EITLIM && work_mode(o) ? GLP_ETMLIM : rc;
}

int oap_report_incumbent(const oap_solver_opts *o, double z, double bound)
{
    oa_progress pr;
    if (o->progress == NULL)
        return o->stopped ? *o->stopped : 0;
    memset(&pr, 0, sizeof pr);
    pr.elapsed = oap_elapsed(o);
    pr.has_incumbent = 1;
    pr.incumbent = z;
    pr.bound = isfinite(bound) ? bound : HUGE_VAL;
    pr.gap = isfinite(bound)
                 ? fabs(bound - z) / (fabs(z) + DBL_EPSILON)
                 : HUGE_VAL;
    if (o->progress(&pr, o->progress_data) != 0) {
        if (o->stopped)
            *o->stopped = 1;
        return 1;
    }
    return 0;
}

/*
 * GLPK takes a heuristic solution without checking it, so check it here:
 * bounds, integrality and every row, within a small tolerance.
 */
int oap_model_feasible(const oap_model *m, const double *x)
{
    double *act = oap_calloc(m->nrows + 1, sizeof(double));
    size_t k;
    int ok = act != NULL;
    for (k = 0; ok && k < m->ncols; k++) {
        const oap_col *c = &m->cols[k];
        double tol = 1e-7 * (1 + fabs(x[k]));
        if (x[k] < c->lb - tol || x[k] > c->ub + tol ||
            (c->is_int && fabs(x[k] - floor(x[k] + 0.5)) > 1e-9))
            ok = 0;
    }
    for (k = 0; ok && k < m->nnz; k++)
        act[m->nz[k].i] += m->nz[k].v * x[m->nz[k].j];
    for (k = 0; ok && k < m->nrows; k++) {
        const oap_row *r = &m->rows[k];
        double tol = 1e-6 * (1 + fabs(act[k]));
        if (act[k] < r->lo - tol || act[k] > r->hi + tol)
            ok = 0;
    }
    oap_free(act);
    return ok;
}

int oap_within_gap(const oap_solver_opts *o, const oap_model *m, double z,
                   double bound)
{
    if (!isfinite(z))
        return 0;
    if (oap_model_proven(m, z, bound))
        return 1;
    /* GLPK's measure (and the result's): |bound - z| / (|z| + eps), with
     * the tie-break's room added to the bound, on the objective of
     * model.md (z less the stability offset). */
    return o->gap > 0 && isfinite(bound) &&
           bound + m->tiebreak_span - z <=
               o->gap * (fabs(z - m->stab_offset) + DBL_EPSILON);
}

/* Branch-and-bound searches of the process running now (any thread). */
static atomic_int in_flight;

/* Plans up to this many initiatives branch on pseudocosts by default. */
#define PSEUDOCOST_MAX_INITIATIVES 300

/* ---- branch-and-cut's callback ---- */

typedef struct cbctx {
    const oap_solver_opts *o;
    const oap_model *m;
    double root_bound;   /* HUGE_VAL: unknown */
    double bound;
    int has_bound;
    long nodes;
    const double *start1;/* 1-based start handed at the first chance */
    int start_given;
    oap_node_heur_fn heur;
    void *heur_data;
    double *lpx, *xs, *xs1; /* [ncols + 1] work space for heur */
    long tries;
    int pseudocost;
    /* Pseudocost initialisation (a copy of the LP and up to 30 dual
     * simplex iterations per new candidate and direction) does not look
     * at the clock: its cost is estimated and the callback branches
     * itself when it would overrun the time limit. */
    unsigned char *seen; /* [ncols + 1]: initialised by GLPK already */
    double eval_cost;    /* seconds per candidate evaluation (estimate) */
    double branch_t;     /* when GLPK last took a branching decision */
    int branch_new;      /* new candidates at that decision */
    int proven;          /* stopped: the bound is within the tie-break */
    /* GLPK's cut rounds do not look at the clock either: the longest
     * gap between two calls before a round is taken as a round's cost,
     * and the cuts are switched off (GLPK reads io's switches before
     * every round) when less than twice that is left. */
    glp_iocp *io;
    double cut_t;        /* when the last round was about to start */
    double cut_cost;     /* seconds: the longest round measured */
    /* With GLPK's presolver, GLPK solves the root LP again, on its own
     * problem: from glp_intopt to the first call is that LP's time.  It
     * can be far slower than the library's LP, and so are its nodes
     * (j6022_1 optimize of benchmarks/families-psplib.md: 3.3 s against
     * 0.18 s, then 10 s of pseudocost initialisation and node LPs of
     * 20,000 iterations, ending 4-5 s past a 30 s limit).  When it does
     * not fit the clock (clock_safe's rule) and the library's own root
     * LP (own_lp_s, 0: none) does, the presolved search is given up for
     * a search on the library's LP. */
    double t_begin;      /* when glp_intopt started (oap_now), or 0 */
    double own_lp_s;
    int abandoned;
    /* Node LPs do not look at the clock either once they fail: GLPK's
     * primal fallback after a failed dual simplex, and its retry from a
     * new basis, start the node's time limit again (j6022_1 optimize:
     * one root LP with cuts 8.6 s, from 23 s into a 30 s limit).  The
     * longest step between two calls (branching decisions aside, which
     * eval_cost covers) is what the next may take: the search stops when
     * less than that is left. */
    double cb_end;       /* when the last call returned */
    double step_max;
    int last_reason;
    /* Work: the simplex iterations of the problem GLPK searches (the
     * library's, or its presolved copy), counted at every call. */
    glp_prob *it_P, *own_P;
    int it_last;
} cbctx;

/* Counts the iterations GLPK did on P since the last look (a problem not
 * seen before counts from 0 unless it is own, whose earlier iterations
 * were counted already), and a unit for the call itself. */
static void count_its(const oap_solver_opts *o, glp_prob *P, glp_prob *own,
                      glp_prob **seen, int *last)
{
    int it = glp_get_it_cnt(P);
    if (P != *seen) {
        *seen = P;
        *last = P == own ? it : 0;
    }
    oap_work(o, it - *last + 1);
    *last = it;
}

static void take_bound(cbctx *c, glp_tree *T)
{
    int best = glp_ios_best_node(T);
    if (best > 0) {
        double b = glp_ios_node_bound(T, best);
        /* An unsolved node carries +DBL_MAX: not a bound. */
        if (fabs(b) < 1e300) {
            if (b > c->root_bound)
                b = c->root_bound;
            c->bound = b;
            c->has_bound = 1;
        }
    }
}

/* Branches on the candidate closest to 1 (up first); 1 when done. */
static int branch_self(glp_tree *T, int n)
{
    glp_prob *P = glp_ios_get_prob(T);
    int j, best = 0;
    double bv = -1;
    for (j = 1; j <= n; j++)
        if (glp_ios_can_branch(T, j)) {
            double v = glp_get_col_prim(P, j);
            if (v > bv) {
                bv = v;
                best = j;
            }
        }
    if (best == 0)
        return 0;
    glp_ios_branch_upon(T, best, GLP_UP_BRNCH);
    return 1;
}

/* Every class of GLPK's cuts off. */
static void cuts_off(glp_iocp *io)
{
    io->gmi_cuts = io->mir_cuts = io->cov_cuts = io->clq_cuts = GLP_OFF;
}

/*
 * GLPK's cut generators and its default branching (Driebeck-Tomlin) run
 * without looking at the clock or calling back: on a PSPLIB j120 plan
 * (122 initiatives over 112 periods) MIR cuts took 3.3 s and cover cuts
 * 1.7 s at the root, 20 and 11 times the root LP, and choosing the first
 * branch 18 s, 20 times its LP.  When the time left (seconds) is under 40
 * times the LP's (lp_s) or a second, they give way: no cuts, the most
 * fractional variable.
 */
static int clock_fits(double left, double lp_s)
{
    return left >= 1 && left >= 40 * lp_s;
}

static void clock_safe(glp_iocp *io, double left, double lp_s)
{
    if (clock_fits(left, lp_s))
        return;
    cuts_off(io);
    if (io->br_tech == GLP_BR_DTH)
        io->br_tech = GLP_BR_MFV;
}

static void cut_clock(cbctx *c, double now)
{
    if (c->cut_t > 0 && now - c->cut_t > c->cut_cost)
        c->cut_cost = now - c->cut_t;
    c->cut_t = now;
    if (oap_time_left(c->o) < 2 * c->cut_cost + 0.5)
        cuts_off(c->io);
}

static void mip_cb_body(glp_tree *T, cbctx *c, double now)
{
    int reason = glp_ios_reason(T);
    glp_prob *P = glp_ios_get_prob(T);
    /* The best bound over the open nodes, at every call: GLPK's own gap
     * test (mip_gap) can end the search between two calls of one kind,
     * and a bound taken only at some of them goes stale. */
    take_bound(c, T);
    if (c->has_bound && glp_mip_status(P) == GLP_FEAS) {
        double z = glp_mip_obj_val(P);
        /* What is left to prove is the tie-break alone, or the roadmap is
         * within the gap asked for. */
        c->proven = oap_model_proven(c->m, z, c->bound);
        if (c->proven || oap_within_gap(c->o, c->m, z, c->bound)) {
            glp_ios_terminate(T);
            return;
        }
    }
    if (c->branch_t > 0) {
        /* Learn what a pseudocost evaluation costs from the last
         * decision GLPK took itself. */
        if (c->branch_new > 0) {
            double per = (now - c->branch_t) / (2.0 * c->branch_new);
            c->eval_cost = c->eval_cost > 0 ? 0.5 * (c->eval_cost + per)
                                            : per;
        }
        c->branch_t = 0;
    }
    if (oap_wall_out(c->o) || oap_interrupted(c->o)) {
        glp_ios_terminate(T);
        return;
    }
    if (c->o->time_limit > 0) {
        double left = c->o->time_limit - (now - c->o->t0);
        if (left <= 0 || left < c->step_max) {
            glp_ios_terminate(T);
            return;
        }
    }
    if (c->o->stopped && *c->o->stopped) {
        glp_ios_terminate(T);
        return;
    }
    if (c->t_begin > 0 && c->io) {
        double left = oap_time_left(c->o), lp_s = now - c->t_begin;
        c->t_begin = 0;
        if (c->own_lp_s > 0 && !clock_fits(left, lp_s) &&
            clock_fits(left, c->own_lp_s)) {
            c->abandoned = 1;
            glp_ios_terminate(T);
            return;
        }
        clock_safe(c->io, left, lp_s);
    }
    if (reason == GLP_ICUTGEN && c->io && c->o->time_limit > 0)
        cut_clock(c, now);
    if (reason == GLP_IHEUR && c->start1 && !c->start_given) {
        c->start_given = 1;
        glp_ios_heur_sol(T, c->start1);
        return;
    }
    if (reason == GLP_IHEUR && c->heur) {
        const oap_model *m = c->m;
        double inc = glp_mip_status(P) == GLP_FEAS ? glp_mip_obj_val(P)
                                                   : -HUGE_VAL;
        size_t k;
        /* Every node for a while, then every 16th. */
        c->tries++;
        if (c->tries > 256 && c->tries % 16 != 0)
            return;
        for (k = 0; k < m->ncols; k++)
            c->lpx[k] = glp_get_col_prim(P, (int)k + 1);
        if (c->heur(c->heur_data, c->lpx, inc, c->xs) &&
            oap_model_feasible(m, c->xs)) {
            double z = objective_of(m, c->xs);
            if (z > inc + 1e-9 * (1 + fabs(z))) {
                for (k = 0; k < m->ncols; k++)
                    c->xs1[k + 1] = c->xs[k];
                glp_ios_heur_sol(T, c->xs1);
            }
        }
        return;
    }
    if (reason == GLP_IBRANCH && c->pseudocost && c->seen) {
        int n = glp_get_num_cols(P), j, fresh = 0;
        double left = oap_time_left(c->o), est;
        for (j = 1; j <= n; j++)
            if (glp_ios_can_branch(T, j) && !c->seen[j])
                fresh++;
        if (c->eval_cost <= 0 && c->o->work_limit > 0 && c->o->work) {
            /* On the work clock: GLPK's up to 30 dual iterations. */
            c->eval_cost = 30 / OAP_WORK_PER_SECOND;
        } else if (c->eval_cost <= 0) {
            /* Before any measurement: a copy of the problem, timed. */
            double t = oap_now();
            glp_prob *cp = glp_create_prob();
            glp_copy_prob(cp, P, GLP_OFF);
            glp_delete_prob(cp);
            c->eval_cost = 3 * (oap_now() - t) + 1e-5;
        }
        est = 2.0 * fresh * c->eval_cost;
        if (fresh > 0 && left != HUGE_VAL && est > 0.5 * left) {
            branch_self(T, n);
            return;
        }
        for (j = 1; j <= n; j++)
            if (glp_ios_can_branch(T, j))
                c->seen[j] = 1;
        c->branch_new = fresh;
        c->branch_t = oap_clock(c->o);
        /* The evaluations run on copies of the problem, whose iterations
         * the count does not see: their estimate instead. */
        oap_work(c->o, 2.0 * fresh * 30);
        return;
    }
    if (reason == GLP_ISELECT || reason == GLP_IBINGO) {
        int cnt = 0;
        glp_ios_tree_size(T, NULL, NULL, &cnt);
        c->nodes = cnt;
        if (c->o->progress) {
            oa_progress pr;
            memset(&pr, 0, sizeof pr);
            pr.elapsed = oap_elapsed(c->o);
            pr.has_incumbent = glp_mip_status(P) == GLP_FEAS ||
                               glp_mip_status(P) == GLP_OPT;
            pr.incumbent = pr.has_incumbent ? glp_mip_obj_val(P) : 0;
            pr.bound = c->has_bound ? c->bound : HUGE_VAL;
            pr.gap = pr.has_incumbent && c->has_bound
                         ? fabs(c->bound - pr.incumbent) /
                               (fabs(pr.incumbent) + DBL_EPSILON)
                         : HUGE_VAL;
            pr.nodes = c->nodes;
            if (c->o->progress(&pr, c->o->progress_data) != 0) {
                if (c->o->stopped)
                    *c->o->stopped = 1;
                glp_ios_terminate(T);
            }
        }
    }
}

static void mip_cb(glp_tree *T, void *info)
{
    cbctx *c = info;
    double now;
    count_its(c->o, glp_ios_get_prob(T), c->own_P, &c->it_P, &c->it_last);
    now = oap_clock(c->o);
    if (c->cb_end > 0 && c->last_reason != GLP_IBRANCH &&
        now - c->cb_end > c->step_max)
        c->step_max = now - c->cb_end;
    c->last_reason = glp_ios_reason(T);
    mip_cb_body(T, c, now);
    c->cb_end = oap_clock(c->o);
}

/* GLPK's clique cut generator fails on a problem without integer
 * columns (it adds zero columns to a work problem). */
static int has_free_integer(const oap_model *m)
{
    size_t q;
    for (q = 0; q < m->ncols; q++)
        if (m->cols[q].is_int && m->cols[q].ub > m->cols[q].lb)
            return 1;
    return 0;
}

/*
 * Reads GLPK's outcome of glp_intopt into sol, with start (0-based, may
 * be NULL) kept aside: returned when GLPK found nothing better.
 */
static int read_mip(oap_solution *sol, glp_prob *P, const oap_model *m,
                    int rc, const cbctx *cb, const double *start,
                    oa_error *err)
{
    int st = glp_mip_status(P);
    double zs = start ? objective_of(m, start) : -HUGE_VAL;
    size_t k;
    sol->nodes = cb->nodes;
    if (st == GLP_NOFEAS || rc == GLP_ENOPFS) {
        sol->status = OAP_SOL_INFEASIBLE;
        return OA_OK;
    }
    if ((st == GLP_OPT || st == GLP_FEAS) &&
        !(start && rc != 0 &&
          zs > glp_mip_obj_val(P) + 1e-9 * (1 + fabs(zs)))) {
        sol->obj = glp_mip_obj_val(P);
        for (k = 0; k < m->ncols; k++)
            sol->x[k] = glp_mip_col_val(P, (int)k + 1);
        if (rc == 0 || (rc == GLP_ESTOP && cb->proven)) {
            sol->status = OAP_SOL_OPTIMAL;
            sol->bound = sol->obj;
            sol->has_bound = 1;
            return OA_OK;
        }
    } else if (start) {
        memcpy(sol->x, start, m->ncols * sizeof *start);
        sol->obj = zs;
    } else if (rc == 0 || rc == GLP_ETMLIM || rc == GLP_ESTOP ||
               rc == GLP_EMIPGAP) {
        sol->status = OAP_SOL_NONE;
        sol->bound = cb->has_bound ? cb->bound : cb->root_bound;
        sol->has_bound = cb->has_bound || cb->root_bound < HUGE_VAL;
        return OA_OK;
    } else {
        oap_error_set(err, OA_ESOLVER, NULL, -1,
                      "GLPK branch-and-cut failed (code %d)", rc);
        return OA_ESOLVER;
    }
    sol->status = OAP_SOL_FEASIBLE;
    sol->has_bound = cb->has_bound || cb->root_bound < HUGE_VAL;
    sol->bound = cb->has_bound ? cb->bound
                 : cb->root_bound < HUGE_VAL ? cb->root_bound : sol->obj;
    if (rc == GLP_EMIPGAP && cb->o->gap > 0 && st == GLP_FEAS) {
        /* GLPK stopped on its gap test, with the best bound over the open
         * nodes within mip_gap of its incumbent: that much is proven,
         * even when the bound changed after the last call. */
        double z = glp_mip_obj_val(P);
        double b = z + cb->o->gap * (fabs(z) + DBL_EPSILON);
        if (!sol->has_bound || b < sol->bound)
            sol->bound = b;
        sol->has_bound = 1;
    }
    if (sol->bound < sol->obj)
        sol->bound = sol->obj;
    return OA_OK;
}

int oap_solver_solve(oap_solution *sol, const oap_model *m,
                     const oap_solver_opts *o, oa_error *err)
{
    guard g;
    volatile int own;
    loaded L;
    glp_prob *volatile P = NULL;
    cbctx cb;
    volatile int rc;
    int relax = o->relax || m->relax;
    size_t k;

    memset(sol, 0, sizeof *sol);
    memset(&cb, 0, sizeof cb);
    rc = check_model(m);
    if (rc != OA_OK) {
        oap_error_set(err, rc, NULL, -1, "the model holds a bad number");
        return rc;
    }
    rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    sol->x = oap_calloc(m->ncols + 1, sizeof(double));
    if (relax)
        sol->dual = oap_calloc(m->nrows + 1, sizeof(double));
    if (sol->x == NULL || (relax && sol->dual == NULL)) {
        loaded_free(&L);
        oap_solution_free(sol);
        return OA_ENOMEM;
    }
    cb.o = o;
    cb.m = m;
    cb.root_bound = HUGE_VAL;

    own = guard_install(&g, o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, err);
        loaded_free(&L);
        oap_solution_free(sol);
        return OA_ESOLVER;
    }
    P = load(m, &L, relax, NULL, NULL);
    if (relax) {
        glp_smcp sm;
        glp_init_smcp(&sm);
        sm.msg_lev = o->verbosity > 0 ? GLP_MSG_ON : GLP_MSG_OFF;
        sm.presolve = GLP_ON;
        rc = simplex(P, &sm, o, 0);
        if (rc == 0 && glp_get_status(P) == GLP_OPT) {
            sol->status = OAP_SOL_OPTIMAL;
            sol->obj = sol->bound = glp_get_obj_val(P);
            sol->has_bound = 1;
            for (k = 0; k < m->ncols; k++)
                sol->x[k] = glp_get_col_prim(P, (int)k + 1);
            for (k = 0; k < m->nrows; k++)
                sol->dual[k] = glp_get_row_dual(P, (int)k + 1);
        } else if (rc == GLP_ENOPFS ||
                   (rc == 0 && (glp_get_status(P) == GLP_NOFEAS ||
                                glp_get_prim_stat(P) == GLP_NOFEAS))) {
            sol->status = OAP_SOL_INFEASIBLE;
        } else if (rc == GLP_ETMLIM || rc == GLP_EITLIM) {
            sol->status = OAP_SOL_NONE;
        } else {
            int st = glp_get_status(P);
            oap_solution_free(sol);
            oap_error_set(err, OA_ESOLVER, NULL, -1,
                          "GLPK simplex failed (code %d, status %d)", rc, st);
            rc = OA_ESOLVER;
            goto done;
        }
        rc = OA_OK;
    } else {
        glp_iocp io;
        glp_init_iocp(&io);
        io.msg_lev = o->verbosity > 0 ? GLP_MSG_ON : GLP_MSG_OFF;
        io.presolve = GLP_ON;
        io.tm_lim = time_left_ms(o, 0);
        io.mip_gap = o->gap > 0 && m->stab_offset == 0 ? o->gap : 0;
        io.cb_func = mip_cb;
        io.cb_info = &cb;
        cb.own_P = P;
        cb.it_P = P;
        cb.it_last = glp_get_it_cnt(P);
        rc = glp_intopt(P, &io);
        if (cb.it_P == P)
            count_its(o, P, P, &cb.it_P, &cb.it_last);
        rc = read_mip(sol, P, m, rc, &cb, o->start, err);
        if (rc != OA_OK)
            oap_solution_free(sol);
    }
done:
    glp_delete_prob(P);
    guard_remove(own);
    loaded_free(&L);
    return rc;
}

/* ---- an LP kept loaded ---- */

struct oap_lp {
    const oap_model *m;
    const oap_solver_opts *o;
    glp_prob *P;
    unsigned long gen;  /* the GLPK environment it lives in */
    int cutoff_row;     /* 1-based, or 0 */
    int solved;
};

static int lp_alive(const oap_lp *lp)
{
    return lp && lp->P && lp->gen == env_generation;
}

int oap_lp_new(oap_lp **out, const oap_model *m, int mip, int cutoff,
               const oap_solver_opts *o)
{
    guard g;
    volatile int own;
    loaded L;
    oap_lp *volatile lp;
    int rc;
    *out = NULL;
    if (check_model(m) != OA_OK)
        return OA_EINTERNAL;
    rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    lp = oap_calloc(1, sizeof *lp);
    if (lp == NULL) {
        loaded_free(&L);
        return OA_ENOMEM;
    }
    own = guard_install(&g, o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, NULL);
        loaded_free(&L);
        oap_free(lp);
        return OA_ESOLVER;
    }
    lp->m = m;
    lp->o = o;
    /* Loading a problem into GLPK: a few passes over its coefficients. */
    oap_work_ops(o, 20.0 * ((double)m->nnz + (double)m->ncols));
    lp->gen = env_generation;
    lp->P = load(m, &L, !mip, NULL, NULL);
    if (cutoff) {
        size_t k;
        int n = 0, *ind = oap_calloc(m->ncols + 1, sizeof(int));
        double *val = oap_calloc(m->ncols + 1, sizeof(double));
        if (ind && val) {
            lp->cutoff_row = glp_add_rows(lp->P, 1);
            for (k = 0; k < m->ncols; k++)
                if (m->cols[k].obj != 0) {
                    n++;
                    ind[n] = (int)k + 1;
                    val[n] = m->cols[k].obj;
                }
            glp_set_mat_row(lp->P, lp->cutoff_row, n, ind, val);
            glp_set_row_bnds(lp->P, lp->cutoff_row, GLP_FR, 0, 0);
        }
        oap_free(ind);
        oap_free(val);
        if (!lp->cutoff_row) {
            glp_delete_prob(lp->P);
            guard_remove(own);
            loaded_free(&L);
            oap_free(lp);
            return OA_ENOMEM;
        }
    }
    guard_remove(own);
    loaded_free(&L);
    *out = lp;
    return OA_OK;
}

void oap_lp_free(oap_lp *lp)
{
    if (lp == NULL)
        return;
    if (lp_alive(lp)) {
        guard g;
        volatile int own = guard_install(&g, lp->o);
        if (!own || setjmp(g.jb) == 0)
            glp_delete_prob(lp->P);
        else
            guard_failed(&g, NULL);
        guard_remove(own);
    }
    oap_free(lp);
}

/* Column bounds: no GLPK call can fail on a checked index and bounds in
 * order, so these need no guard. */
void oap_lp_fix(oap_lp *lp, int j, double v)
{
    if (!lp_alive(lp) || j < 0 || (size_t)j >= lp->m->ncols || !isfinite(v))
        return;
    glp_set_col_bnds(lp->P, j + 1, GLP_FX, v, v);
}

void oap_lp_unfix(oap_lp *lp, int j)
{
    const oap_col *c;
    if (!lp_alive(lp) || j < 0 || (size_t)j >= lp->m->ncols)
        return;
    c = &lp->m->cols[j];
    glp_set_col_bnds(lp->P, j + 1, glp_type(c->lb, c->ub),
                     c->lb == -HUGE_VAL ? 0 : c->lb,
                     c->ub == HUGE_VAL ? 0 : c->ub);
}

void oap_lp_fix_roadmap(oap_lp *lp, const double *x)
{
    size_t k;
    if (!lp_alive(lp))
        return;
    for (k = 0; k < lp->m->ncols; k++)
        if (lp->m->cols[k].kind == OAP_COL_X)
            oap_lp_fix(lp, (int)k, x[k] > 0.5 ? 1 : 0);
}

int oap_lp_solve(oap_lp *lp, double *obj)
{
    guard g;
    volatile int own;
    int ok = 0, rc;
    glp_smcp sm;
    if (!lp_alive(lp))
        return 0;
    own = guard_install(&g, lp->o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, NULL);
        return 0;
    }
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.meth = GLP_DUALP;
    rc = simplex(lp->P, &sm, lp->o, 0);
    if (rc == GLP_EFAIL || rc == GLP_ESING || rc == GLP_ECOND ||
        rc == GLP_EBADB) {
        /* A basis gone bad after many bound changes: start afresh. */
        glp_std_basis(lp->P);
        rc = simplex(lp->P, &sm, lp->o, 0);
    }
    ok = rc == 0 && glp_get_status(lp->P) == GLP_OPT;
    if (ok && obj)
        *obj = glp_get_obj_val(lp->P);
    lp->solved = ok;
    guard_remove(own);
    return ok;
}

void oap_lp_values(const oap_lp *lp, double *x)
{
    size_t k;
    if (!lp_alive(lp) || !lp->solved)
        return;
    for (k = 0; k < lp->m->ncols; k++) {
        double v = glp_get_col_prim(lp->P, (int)k + 1);
        x[k] = lp->m->cols[k].is_int ? (v > 0.5 ? 1 : 0) : v;
    }
}

typedef struct submip_cb {
    const oap_solver_opts *o;
    int first;
    double deadline;    /* this sub-MIP's own limit (oap_clock), or 0 */
    glp_prob *it_P, *own_P;
    int it_last;
} submip_cb;

static void sub_cb(glp_tree *T, void *info)
{
    submip_cb *c = info;
    count_its(c->o, glp_ios_get_prob(T), c->own_P, &c->it_P, &c->it_last);
    if ((c->o->time_limit > 0 && oap_time_left(c->o) <= 0) ||
        (c->deadline > 0 && oap_clock(c->o) >= c->deadline) ||
        (c->o->stopped && *c->o->stopped) || oap_interrupted(c->o) ||
        (c->first && glp_ios_reason(T) == GLP_IBINGO))
        glp_ios_terminate(T);
}

int oap_lp_mip(oap_lp *lp, double cutoff, double seconds, int first,
               int presolve, double *x, int *proven)
{
    guard g;
    volatile int own;
    volatile int found = 0;
    int rc, st;
    double t0;
    glp_iocp io;
    submip_cb c;
    size_t k;
    *proven = 0;
    if (!lp_alive(lp))
        return 0;
    own = guard_install(&g, lp->o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, NULL);
        return 0;
    }
    if (lp->cutoff_row)
        glp_set_row_bnds(lp->P, lp->cutoff_row,
                         isfinite(cutoff) ? GLP_LO : GLP_FR,
                         isfinite(cutoff) ? cutoff : 0, 0);
    memset(&c, 0, sizeof c);
    c.o = lp->o;
    c.first = first;
    c.own_P = lp->P;
    c.deadline = seconds > 0 ? oap_clock(lp->o) + seconds : 0;
    t0 = oap_clock(lp->o);
    if (!presolve) {
        /* The LP relaxation first, under the clock (GLPK's presolver and
         * the root LP it solves do not look at it). */
        glp_smcp sm;
        glp_init_smcp(&sm);
        sm.msg_lev = GLP_MSG_OFF;
        sm.meth = GLP_DUALP;
        if (simplex(lp->P, &sm, lp->o, seconds) != 0 ||
            glp_get_status(lp->P) != GLP_OPT) {
            if (glp_get_status(lp->P) == GLP_NOFEAS)
                found = -1;
            goto out;
        }
    }
    glp_init_iocp(&io);
    io.msg_lev = GLP_MSG_OFF;
    io.presolve = presolve ? GLP_ON : GLP_OFF;
    io.tm_lim = time_left_ms(lp->o, seconds);
    if (!presolve) {
        double left = oap_time_left(lp->o);
        if (seconds > 0 && seconds < left)
            left = seconds;
        clock_safe(&io, left, oap_clock(lp->o) - t0);
    }
    io.cb_func = sub_cb;
    io.cb_info = &c;
    if (!has_free_integer(lp->m))
        cuts_off(&io);
    rc = glp_intopt(lp->P, &io);
    if (c.it_P == lp->P || c.it_P == NULL)
        count_its(lp->o, lp->P, lp->P, &c.it_P, &c.it_last);
    st = glp_mip_status(lp->P);
    if (st == GLP_OPT || st == GLP_FEAS) {
        for (k = 0; k < lp->m->ncols; k++) {
            double v = glp_mip_col_val(lp->P, (int)k + 1);
            x[k] = lp->m->cols[k].is_int ? floor(v + 0.5) : v;
        }
        found = 1;
        *proven = st == GLP_OPT && rc == 0;
    } else if (st == GLP_NOFEAS || rc == GLP_ENOPFS) {
        found = -1;
    }
out:
    if (lp->cutoff_row)
        glp_set_row_bnds(lp->P, lp->cutoff_row, GLP_FR, 0, 0);
    lp->solved = 0;
    guard_remove(own);
    return found;
}

/* ---- the MIP of a plan ---- */

struct oap_mip {
    oap_lp *lp;         /* the problem, integer columns set */
    int root_solved;
    double root_bound;
    double root_s;      /* seconds the root LP took */
};

int oap_mip_new(oap_mip **out, const oap_model *m, const oap_solver_opts *o)
{
    oap_mip *mip;
    int rc;
    *out = NULL;
    mip = oap_calloc(1, sizeof *mip);
    if (mip == NULL)
        return OA_ENOMEM;
    rc = oap_lp_new(&mip->lp, m, !(o->relax || m->relax), 0, o);
    if (rc != OA_OK) {
        oap_free(mip);
        return rc;
    }
    mip->root_bound = HUGE_VAL;
    *out = mip;
    return OA_OK;
}

void oap_mip_free(oap_mip *mip)
{
    if (mip == NULL)
        return;
    oap_lp_free(mip->lp);
    oap_free(mip);
}

int oap_mip_root(oap_mip *mip, double seconds, double *bound, double *lpx)
{
    guard g;
    volatile int own;
    int rc, res;
    glp_smcp sm;
    oap_lp *lp = mip->lp;
    size_t k;
    if (!lp_alive(lp))
        return OA_ESOLVER;
    own = guard_install(&g, lp->o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, NULL);
        return OA_ESOLVER;
    }
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    mip->root_s = oap_clock(lp->o);
    rc = simplex(lp->P, &sm, lp->o, seconds);
    mip->root_s = oap_clock(lp->o) - mip->root_s;
    if (rc == 0 && glp_get_status(lp->P) == GLP_OPT) {
        mip->root_solved = 1;
        mip->root_bound = *bound = glp_get_obj_val(lp->P);
        for (k = 0; k < lp->m->ncols; k++)
            lpx[k] = glp_get_col_prim(lp->P, (int)k + 1);
        res = 1;
    } else if (rc == 0 && (glp_get_status(lp->P) == GLP_NOFEAS ||
                           glp_get_prim_stat(lp->P) == GLP_NOFEAS)) {
        res = -1;
    } else {
        res = 0;
    }
    guard_remove(own);
    return res;
}

int oap_mip_branch(oap_solution *sol, oap_mip *mip, const double *start,
                   int want_presolve, oap_node_heur_fn heur, void *heur_data,
                   double root_bound, oa_error *err)
{
    guard g;
    volatile int own;
    volatile int presolve = want_presolve;
    volatile int counted = 0;   /* in in_flight */
    oap_lp *lp = mip->lp;
    const oap_model *m = lp->m;
    const oap_solver_opts *o = lp->o;
    cbctx cb;
    glp_iocp io;
    volatile int rc;
    double *volatile work = NULL;
    unsigned char *volatile seen = NULL;
    size_t k, n1 = m->ncols + 1;

    memset(sol, 0, sizeof *sol);
    memset(&cb, 0, sizeof cb);
    if (!lp_alive(lp))
        return OA_ESOLVER;
    sol->x = oap_calloc(n1, sizeof(double));
    work = oap_calloc(4 * n1, sizeof(double));
    seen = oap_calloc(n1, 1);
    if (!sol->x || !work || !seen) {
        oap_free(work);
        oap_free(seen);
        oap_solution_free(sol);
        return OA_ENOMEM;
    }
    cb.o = o;
    cb.m = m;
    cb.root_bound = isfinite(root_bound) ? root_bound : HUGE_VAL;
    cb.lpx = work;
    cb.xs = work + n1;
    cb.xs1 = work + 2 * n1;
    cb.seen = seen;
    if (start) {
        double *s1 = work + 3 * n1;
        for (k = 0; k < m->ncols; k++)
            s1[k + 1] = start[k];
    }
    own = guard_install(&g, o);
    if (own && setjmp(g.jb) != 0) {
        if (counted)
            atomic_fetch_sub(&in_flight, 1);
        guard_failed(&g, err);
        oap_free(work);
        oap_free(seen);
        oap_solution_free(sol);
        return OA_ESOLVER;
    }
    /* Without the presolver GLPK starts from the root LP's basis (it must
     * be solved); with it, GLPK's nodes hold the presolved problem, which
     * the library's heuristics cannot read. */
    if (!mip->root_solved)
        presolve = 1;
again:
    glp_init_iocp(&io);
    io.msg_lev = o->verbosity > 0 ? GLP_MSG_ON : GLP_MSG_OFF;
    io.presolve = presolve ? GLP_ON : GLP_OFF;
    if (!presolve) {
        cb.start1 = start ? work + 3 * n1 : NULL;
        cb.heur = heur;
        cb.heur_data = heur_data;
    }
    io.tm_lim = time_left_ms(o, 0);
    io.mip_gap = o->gap > 0 && m->stab_offset == 0 ? o->gap : 0;
    /* Pseudocost branching found better roadmaps in the same time on
     * plans up to a few hundred initiatives and worse ones at 500, where
     * its start-up leaves no bound for the first seconds
     * (benchmarks/README.md). */
    if ((o->flags & OA_SOLVE_PSEUDOCOST) ||
        (!(o->flags & OA_SOLVE_GLPK_BRANCHING) &&
         m->res->N <= PSEUDOCOST_MAX_INITIATIVES)) {
        io.br_tech = GLP_BR_PCH;
        io.bt_tech = GLP_BT_BPH;
        cb.pseudocost = 1;
    }
    /* GLPK's MIR, cover and clique cuts with pseudocost branching gave
     * better roadmaps and bounds in the same time up to a few hundred
     * initiatives (realistic example: 3.4 % gap at 60 s instead of
     * 6.9 %); Gomory cuts cost more than they gain, and at 500
     * initiatives the cuts delay the first bound (benchmarks/README.md). */
    if (!(o->flags & OA_SOLVE_NO_CUTS) &&
        m->res->N <= PSEUDOCOST_MAX_INITIATIVES)
        io.mir_cuts = io.cov_cuts = io.clq_cuts = GLP_ON;
    if (o->flags & OA_SOLVE_CUTS)
        io.gmi_cuts = io.mir_cuts = io.cov_cuts = io.clq_cuts = GLP_ON;
    if (!has_free_integer(m))
        cuts_off(&io);
    /* GLPK's presolver can fix every column and leave rows (a budget cut
     * that rules out all optional work of a small plan), and then its
     * cover-cut generator aborts (glp_cov_init adds 0 columns: "ncs = 0;
     * invalid number of columns").  So no cover cuts on a presolved
     * problem (benchmarks/README.md: cover cuts on or off make no
     * measurable difference). */
    if (presolve)
        io.cov_cuts = GLP_OFF;
    /* Cover cuts are GLPK's only generator with static state: one
     * branch-and-bound of the process at a time runs them. */
    if (o->flags & OA_SOLVE_NO_COVER_CUTS) {
        io.cov_cuts = GLP_OFF;
    } else {
        counted = 1;
        if (atomic_fetch_add(&in_flight, 1) > 0)
            io.cov_cuts = GLP_OFF;
    }
    if (o->time_limit > 0)
        clock_safe(&io, oap_time_left(o), mip->root_s);
    io.cb_func = mip_cb;
    io.cb_info = &cb;
    cb.io = &io;
    if (presolve && o->time_limit > 0 && mip->root_solved) {
        cb.t_begin = oap_clock(o);
        cb.own_lp_s = mip->root_s;
    }
    cb.own_P = lp->P;
    cb.it_P = NULL;
    rc = glp_intopt(lp->P, &io);
    if (counted) {
        atomic_fetch_sub(&in_flight, 1);
        counted = 0;
    }
    if (cb.it_P == lp->P || cb.it_P == NULL)
        count_its(o, lp->P, lp->P, &cb.it_P, &cb.it_last);
    if (cb.abandoned) {
        /* What was learnt about the presolved columns does not carry. */
        cb.abandoned = 0;
        cb.own_lp_s = 0;
        cb.eval_cost = cb.branch_t = cb.cut_t = cb.cut_cost = 0;
        cb.cb_end = cb.step_max = 0;
        cb.branch_new = 0;
        memset(seen, 0, n1);
        presolve = 0;
        goto again;
    }
    rc = read_mip(sol, lp->P, m, rc, &cb, start, err);
    if (rc != OA_OK)
        oap_solution_free(sol);
    guard_remove(own);
    oap_free(work);
    oap_free(seen);
    return rc;
}

int oap_solver_fixed_lp(double *dual, double *x, const oap_model *m,
                        const oap_solver_opts *o, oa_error *err)
{
    guard g;
    volatile int own;
    loaded L;
    glp_prob *volatile P = NULL;
    glp_smcp sm;
    size_t k;
    int rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    own = guard_install(&g, o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, err);
        loaded_free(&L);
        return OA_ESOLVER;
    }
    P = load(m, &L, 1, x, NULL);
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.presolve = GLP_OFF;
    {
        int it0 = glp_get_it_cnt(P);
        rc = glp_simplex(P, &sm);
        oap_work(o, glp_get_it_cnt(P) - it0);
    }
    if (rc != 0 || glp_get_status(P) != GLP_OPT) {
        glp_delete_prob(P);
        guard_remove(own);
        loaded_free(&L);
        oap_error_set(err, OA_ESOLVER, NULL, -1,
                      "the LP with the roadmap fixed did not solve");
        return OA_ESOLVER;
    }
    for (k = 0; k < m->nrows; k++)
        dual[k] = glp_get_row_dual(P, (int)k + 1);
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].kind != OAP_COL_X)
            x[k] = glp_get_col_prim(P, (int)k + 1);
    glp_delete_prob(P);
    guard_remove(own);
    loaded_free(&L);
    return OA_OK;
}

int oap_solver_write(const oap_model *m, const oa_plan *plan,
                     const char *path, int mps, oa_error *err)
{
    guard g;
    volatile int own;
    loaded L;
    glp_prob *volatile P = NULL;
    oap_solver_opts o;
    int rc = check_model(m);
    if (rc != OA_OK)
        return rc;
    rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    memset(&o, 0, sizeof o);
    own = guard_install(&g, &o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, err);
        loaded_free(&L);
        return OA_ESOLVER;
    }
    P = load(m, &L, 0, NULL, plan);
    glp_set_prob_name(P, plan->name && strlen(plan->name) < 200 &&
                                 !strpbrk(plan->name, " \t\r\n")
                             ? plan->name
                             : "opsalign");
    glp_set_obj_name(P, "objective");
    rc = mps ? glp_write_mps(P, GLP_MPS_FILE, NULL, path)
             : glp_write_lp(P, NULL, path);
    glp_delete_prob(P);
    guard_remove(own);
    loaded_free(&L);
    if (rc != 0) {
        oap_error_set(err, OA_EIO, path, -1, "cannot write the model");
        return OA_EIO;
    }
    return OA_OK;
}

void oap_solution_free(oap_solution *sol)
{
    if (sol == NULL)
        return;
    oap_free(sol->x);
    oap_free(sol->dual);
    sol->x = NULL;
    sol->dual = NULL;
}

void oap_solver_thread_done(void)
{
    glp_free_env();
}

/*
 * A plain MIP (maximize), such as the people assignment: GLPK's presolver
 * and defaults, no heuristics of the library.  x gets the best solution;
 * *found is 0 when none was found in time, *proven 1 when it is optimal.
 */
int oap_solver_plain_mip(double *x, int *found, int *proven,
                         const oap_model *m, double time_limit,
                         oa_error *err)
{
    guard g;
    volatile int own;
    loaded L;
    oap_solver_opts o;
    glp_prob *volatile P = NULL;
    glp_iocp io;
    size_t k;
    int rc, st;
    *found = *proven = 0;
    if (check_model(m) != OA_OK) {
        oap_error_set(err, OA_EINTERNAL, NULL, -1,
                      "the model holds a bad number");
        return OA_EINTERNAL;
    }
    rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    memset(&o, 0, sizeof o);
    o.time_limit = time_limit;
    o.t0 = oap_now();
    own = guard_install(&g, &o);
    if (own && setjmp(g.jb) != 0) {
        guard_failed(&g, err);
        loaded_free(&L);
        return OA_ESOLVER;
    }
    P = load(m, &L, 0, NULL, NULL);
    glp_init_iocp(&io);
    io.msg_lev = GLP_MSG_OFF;
    io.presolve = GLP_ON;
    io.tm_lim = time_left_ms(&o, 0);
    rc = glp_intopt(P, &io);
    st = glp_mip_status(P);
    if (st == GLP_OPT || st == GLP_FEAS) {
        *found = 1;
        *proven = st == GLP_OPT && rc == 0;
        for (k = 0; k < m->ncols; k++)
            x[k] = glp_mip_col_val(P, (int)k + 1);
    }
    glp_delete_prob(P);
    guard_remove(own);
    loaded_free(&L);
    return OA_OK;
}
