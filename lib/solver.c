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
#include "heuristic.h"

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

static void guard_install(guard *g, const oap_solver_opts *o)
{
    g->o = o;
    g->nlast = 0;
    g->last[0] = '\0';
    glp_term_out(GLP_ON);
    glp_term_hook(term_cb, g);
    glp_error_hook(error_cb, g);
}

static void guard_remove(void)
{
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
}

static void guard_failed(guard *g, oa_error *err)
{
    size_t n;
    /* Every GLPK object of this thread is gone with the environment. */
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
        return OA_ENOMEM;
    }
    for (k = 0; k < n; k++) {
        if (nz[k].v == 0)
            continue;
        if (!isfinite(nz[k].v)) {
            oap_free(nz);
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

static void loaded_free(loaded *L)
{
    oap_free(L->ia);
    oap_free(L->ja);
    oap_free(L->ar);
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

/* Tells the caller's progress callback about a roadmap found outside
 * GLPK's search (its answer cannot stop what is not running yet). */
static void report_incumbent(const oap_solver_opts *o, const oap_model *m,
                             const double *x)
{
    oa_progress pr;
    if (o->progress == NULL)
        return;
    memset(&pr, 0, sizeof pr);
    pr.elapsed = oap_now() - o->t0;
    pr.has_incumbent = 1;
    pr.incumbent = objective_of(m, x);
    pr.bound = HUGE_VAL;
    pr.gap = HUGE_VAL;
    o->progress(&pr, o->progress_data);
}

/* Buffers of a MIP solve: starts (0-based and GLPK's 1-based), LP
 * values for the greedy, the order it placed initiatives in. */
typedef struct mipwork {
    double *start1, *heur, *heur1, *lpx, *xs, *xs1;
    int *order;
} mipwork;

static void mipwork_free(mipwork *w)
{
    if (w == NULL)
        return;
    oap_free(w->start1);
    oap_free(w->heur);
    oap_free(w->heur1);
    oap_free(w->lpx);
    oap_free(w->xs);
    oap_free(w->xs1);
    oap_free(w->order);
    oap_free(w);
}

static mipwork *mipwork_new(const oap_model *m)
{
    mipwork *w = oap_calloc(1, sizeof *w);
    size_t n = m->ncols + 1;
    if (w == NULL)
        return NULL;
    w->start1 = oap_calloc(n, sizeof(double));
    w->heur = oap_calloc(n, sizeof(double));
    w->heur1 = oap_calloc(n, sizeof(double));
    w->lpx = oap_calloc(n, sizeof(double));
    w->xs = oap_calloc(n, sizeof(double));
    w->xs1 = oap_calloc(n, sizeof(double));
    w->order = oap_calloc((size_t)m->res->N + 1, sizeof(int));
    if (!w->start1 || !w->heur || !w->heur1 || !w->lpx || !w->xs || !w->xs1 ||
        !w->order) {
        mipwork_free(w);
        return NULL;
    }
    return w;
}

static int greedy_start(glp_prob *F, glp_prob *lp, const oap_model *m,
                        const oap_solver_opts *o, double *xs, double *lpx,
                        int *order);
static int add_pass(glp_prob *F, const oap_model *m, const oap_solver_opts *o,
                    double *xs, int *order, int max_lps);
static int feasible(const oap_model *m, const double *x);

typedef struct cbctx {
    const oap_solver_opts *o;
    const oap_model *m;
    double bound;
    int has_bound;
    long nodes;
    int start_given;
    double *start1;   /* 1-based copy of the start */
    /* The greedy at nodes, guided by each node's LP: */
    glp_prob *F;      /* the LP that prices a roadmap's levers */
    struct mipwork *w;
    long tries;
} cbctx;

static void mip_cb(glp_tree *T, void *info)
{
    cbctx *c = info;
    int reason = glp_ios_reason(T);
    if (reason == GLP_IHEUR && c->start1 && !c->start_given) {
        c->start_given = 1;
        glp_ios_heur_sol(T, c->start1);
        return;
    }
    if (reason == GLP_IHEUR && c->F) {
        /* Every node for a while, then every 16th: the node's LP may lead
         * the greedy to a better roadmap than the incumbent. */
        glp_prob *P = glp_ios_get_prob(T);
        c->tries++;
        if (c->tries > 256 && c->tries % 16 != 0)
            return;
        if (greedy_start(c->F, P, c->m, c->o, c->w->xs, c->w->lpx,
                         c->w->order)) {
            double z = 0;
            size_t k;
            if (add_pass(c->F, c->m, c->o, c->w->xs, c->w->order,
                         c->m->res->N) &&
                !feasible(c->m, c->w->xs))
                return;
            z = objective_of(c->m, c->w->xs);
            for (k = 0; k < c->m->ncols; k++)
                c->w->xs1[k + 1] = c->w->xs[k];
            if (glp_mip_status(P) != GLP_FEAS ||
                z > glp_mip_obj_val(P) + 1e-9 * (1 + fabs(z)))
                glp_ios_heur_sol(T, c->w->xs1);
        }
        return;
    }
    if (reason == GLP_ISELECT || reason == GLP_IBINGO) {
        int best = glp_ios_best_node(T), cnt = 0;
        glp_prob *P = glp_ios_get_prob(T);
        if (best > 0) {
            c->bound = glp_ios_node_bound(T, best);
            c->has_bound = 1;
        }
        glp_ios_tree_size(T, NULL, NULL, &cnt);
        c->nodes = cnt;
        if (c->o->progress) {
            oa_progress pr;
            double gap = glp_ios_mip_gap(T);
            memset(&pr, 0, sizeof pr);
            pr.elapsed = oap_now() - c->o->t0;
            pr.has_incumbent = glp_mip_status(P) == GLP_FEAS ||
                               glp_mip_status(P) == GLP_OPT;
            pr.incumbent = pr.has_incumbent ? glp_mip_obj_val(P) : 0;
            pr.bound = c->has_bound ? c->bound : HUGE_VAL;
            pr.gap = pr.has_incumbent && gap < DBL_MAX ? gap : HUGE_VAL;
            pr.nodes = c->nodes;
            if (c->o->progress(&pr, c->o->progress_data) != 0)
                glp_ios_terminate(T);
        }
    }
}

/* Plans up to this many initiatives branch on pseudocosts by default. */
#define PSEUDOCOST_MAX_INITIATIVES 300
/* Plans up to this many initiatives are searched with GLPK's presolver,
 * the library's roadmap kept aside instead of handed to the search. */
#define PRESOLVE_MAX_INITIATIVES 100

static int time_left_ms(const oap_solver_opts *o);

/*
 * GLPK takes a heuristic solution without checking it, so check it here:
 * bounds, integrality and every row, within a small tolerance.
 */
static int feasible(const oap_model *m, const double *x)
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

/*
 * The library's heuristic roadmap, handed to branch-and-cut as its first
 * incumbent: the greedy of heuristic.c guided by the root LP, then the LP
 * with that roadmap fixed prices the levers exactly.  If the greedy's
 * view of the levers was too kind (their costs against budgets), the
 * initiatives it placed last are left out until the LP is feasible.
 * Returns 1 and the solution in xs (0-based columns).
 */
static int lp_ok(glp_prob *D, glp_smcp *sm, const oap_solver_opts *o)
{
    sm->tm_lim = time_left_ms(o);
    return glp_simplex(D, sm) == 0 && glp_get_status(D) == GLP_OPT;
}

static int greedy_start(glp_prob *F, glp_prob *lp, const oap_model *m,
                        const oap_solver_opts *o, double *xs, double *lpx,
                        int *order)
{
    glp_smcp sm;
    int n, ok = 0, q;
    size_t k;
    for (k = 0; k < m->ncols; k++) {
        lpx[k] = lp ? glp_get_col_prim(lp, (int)k + 1) : 0;
        xs[k] = 0;
    }
    n = oap_greedy(m, lp ? lpx : NULL, xs, order);
    if (n < 0)
        return 0;
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].kind == OAP_COL_X)
            glp_set_col_bnds(F, (int)k + 1, GLP_FX, xs[k], xs[k]);
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.meth = GLP_DUALP;
    ok = lp_ok(F, &sm, o);
    for (q = n - 1; !ok && q >= 0; q--) {
        int i = order[q], s;
        if (m->res->ini[i].mandatory)
            continue;
        for (s = m->x_s0[i]; s <= m->x_s1[i]; s++)
            glp_set_col_bnds(F, m->x_first[i] + s - m->x_s0[i] + 1, GLP_FX,
                             0, 0);
        ok = lp_ok(F, &sm, o);
    }
    if (ok)
        for (k = 0; k < m->ncols; k++) {
            double v = glp_get_col_prim(F, (int)k + 1);
            xs[k] = m->cols[k].is_int ? (v > 0.5 ? 1 : 0) : v;
        }
    return ok && feasible(m, xs);
}

/*
 * Improves a roadmap xs (priced by the LP F, x columns fixed) by adding
 * initiatives it leaves out: each, most valuable first, at the earliest
 * start where the LP stays feasible and the objective grows.  Repeats
 * while something was added, within max_lps LP solves.  Returns the
 * number added (xs holds the improved solution).
 */
static int add_pass(glp_prob *F, const oap_model *m, const oap_solver_opts *o,
                    double *xs, int *order, int max_lps)
{
    const oap_resolved *res = m->res;
    glp_smcp sm;
    int N = res->N, i, q, n, added = 0, lps = 0, again = 1;
    size_t k;
    double cur;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.meth = GLP_DUALP;
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].kind == OAP_COL_X)
            glp_set_col_bnds(F, (int)k + 1, GLP_FX, xs[k], xs[k]);
    if (!lp_ok(F, &sm, o))
        return 0;
    cur = glp_get_obj_val(F);
    while (again && lps < max_lps) {
        again = 0;
        /* Left out, by value (insertion sort: N is small next to LPs). */
        n = 0;
        for (i = 0; i < N; i++) {
            int s, on = 0;
            for (s = m->x_s0[i]; s <= m->x_s1[i] && !on; s++)
                on = xs[m->x_first[i] + s - m->x_s0[i]] > 0.5;
            if (!on) {
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
            i = order[q];
            j0 = m->x_first[i] - m->x_s0[i];
            for (s = m->x_s0[i]; s <= m->x_s1[i] && lps < max_lps; s++) {
                if (m->cols[j0 + s].ub <= 0)
                    continue;
                glp_set_col_bnds(F, j0 + s + 1, GLP_FX, 1, 1);
                lps++;
                if (lp_ok(F, &sm, o) &&
                    glp_get_obj_val(F) > cur + 1e-9 * (1 + fabs(cur))) {
                    cur = glp_get_obj_val(F);
                    xs[j0 + s] = 1;
                    added++;
                    again = 1;
                    break;
                }
                glp_set_col_bnds(F, j0 + s + 1, GLP_FX, 0, 0);
            }
            if (o->time_limit > 0 && oap_now() - o->t0 > o->time_limit)
                break;
        }
    }
    /* Leave F at the improved roadmap and read its levers. */
    if (lp_ok(F, &sm, o))
        for (k = 0; k < m->ncols; k++) {
            double v = glp_get_col_prim(F, (int)k + 1);
            xs[k] = m->cols[k].is_int ? (v > 0.5 ? 1 : 0) : v;
        }
    return added;
}

static int time_left_ms(const oap_solver_opts *o)
{
    double left;
    if (o->time_limit <= 0)
        return INT_MAX;
    left = o->time_limit - (oap_now() - o->t0);
    if (left <= 0.001)
        return 1;
    if (left * 1000 >= INT_MAX)
        return INT_MAX;
    return (int)(left * 1000);
}

int oap_solver_solve(oap_solution *sol, const oap_model *m,
                     const oap_solver_opts *o, oa_error *err)
{
    guard g;
    loaded L;
    glp_prob *volatile P = NULL;
    cbctx cb;
    volatile int rc;
    int relax = o->relax || m->relax;
    volatile int has_heur = 0;
    size_t k;
    /* Work space, allocated before the guard so a GLPK failure can free
     * it; F, the pricing LP, is a GLPK object and goes with the
     * environment then. */
    mipwork *volatile w = NULL;
    glp_prob *volatile F = NULL;

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
    else
        w = mipwork_new(m);
    if (sol->x == NULL || (relax && sol->dual == NULL) || (!relax && !w)) {
        loaded_free(&L);
        mipwork_free(w);
        oap_solution_free(sol);
        return OA_ENOMEM;
    }
    if (o->start && !relax) {
        for (k = 0; k < m->ncols; k++)
            w->start1[k + 1] = o->start[k];
        cb.start1 = w->start1;
    }
    cb.o = o;
    cb.m = m;

    guard_install(&g, o);
    if (setjmp(g.jb)) {
        guard_failed(&g, err);
        loaded_free(&L);
        mipwork_free(w);
        oap_solution_free(sol);
        return OA_ESOLVER;
    }
    P = load(m, &L, relax, NULL, NULL);
    if (relax) {
        glp_smcp sm;
        glp_init_smcp(&sm);
        sm.msg_lev = o->verbosity > 0 ? GLP_MSG_ON : GLP_MSG_OFF;
        sm.presolve = GLP_ON;
        sm.tm_lim = time_left_ms(o);
        rc = glp_simplex(P, &sm);
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
    } else {
        glp_iocp io;
        int st;
        glp_init_iocp(&io);
        io.msg_lev = o->verbosity > 0 ? GLP_MSG_ON : GLP_MSG_OFF;
        /* A start solution (the greedy's, or the caller's) is handed to
         * GLPK in its heuristic callback, which sees the problem as it is
         * only without GLPK's MIP presolver: so the root LP is solved here
         * first (it also guides the greedy) and branch-and-cut starts from
         * its basis.  GLPK's C API leaves the presolver off by default. */
        if (!(o->flags & OA_SOLVE_NO_HEURISTIC) || cb.start1) {
            glp_smcp sm;
            int lrc, heuristic = !(o->flags & OA_SOLVE_NO_HEURISTIC);
            if (heuristic) {
                /* F prices the levers of a roadmap (x fixed). */
                F = glp_create_prob();
                glp_copy_prob(F, P, GLP_OFF);
                cb.F = F;
                cb.w = w;
            }
            /* The caller's start competes with the greedy roadmaps: a
             * start repaired around a forced initiative may be poor. */
            if (cb.start1) {
                memcpy(w->heur, o->start, m->ncols * sizeof *w->heur);
                has_heur = 1;
            }
            /* A first roadmap before the root LP, by value alone: on large
             * plans the LP takes long. */
            if (heuristic &&
                greedy_start(F, NULL, m, o, w->xs, w->lpx, w->order)) {
                add_pass(F, m, o, w->xs, w->order, 50 + m->res->N / 20);
                if (feasible(m, w->xs) &&
                    (!has_heur ||
                     objective_of(m, w->xs) > objective_of(m, w->heur))) {
                    memcpy(w->heur, w->xs, m->ncols * sizeof *w->xs);
                    has_heur = 1;
                }
            }
            if (has_heur)
                report_incumbent(o, m, w->heur);
            glp_init_smcp(&sm);
            sm.msg_lev = GLP_MSG_OFF;
            sm.tm_lim = time_left_ms(o);
            lrc = glp_simplex(P, &sm);
            if (lrc == 0 && glp_get_status(P) == GLP_NOFEAS) {
                sol->status = OAP_SOL_INFEASIBLE;
                goto done;
            }
            if (lrc == 0 && glp_get_status(P) == GLP_OPT) {
                sol->has_bound = 1;
                sol->bound = glp_get_obj_val(P);
                /* The LP-guided roadmap, if it is better. */
                if (heuristic &&
                    greedy_start(F, P, m, o, w->xs, w->lpx, w->order)) {
                    if (add_pass(F, m, o, w->xs, w->order,
                                 4 * m->res->N + 100) &&
                        !feasible(m, w->xs))
                        greedy_start(F, P, m, o, w->xs, w->lpx, w->order);
                    if (!has_heur ||
                        objective_of(m, w->xs) > objective_of(m, w->heur)) {
                        memcpy(w->heur, w->xs, m->ncols * sizeof *w->xs);
                        if (has_heur)
                            report_incumbent(o, m, w->heur);
                        has_heur = 1;
                    }
                }
            } else if (has_heur) {
                /* The root LP ran out of time: the greedy roadmap is all
                 * there is, with no bound. */
                sol->status = OAP_SOL_FEASIBLE;
                memcpy(sol->x, w->heur, m->ncols * sizeof *w->heur);
                sol->obj = objective_of(m, w->heur);
                sol->has_bound = 0;
                sol->bound = HUGE_VAL;
                goto done_ok;
            }
            /* Up to 100 initiatives GLPK's presolver and search without
             * the library's node heuristic prove faster (the realistic
             * example: optimal in 63 s, against a 3.3 % gap after 120 s;
             * n50 likewise): the roadmap found here is then kept aside,
             * reported at once and returned if the search does not beat
             * it.  Larger plans (at 200 the measurements disagree), and a
             * caller's start, go to GLPK's search through its callback. */
            if (has_heur &&
                (o->start || m->res->N > PRESOLVE_MAX_INITIATIVES)) {
                for (k = 0; k < m->ncols; k++)
                    w->heur1[k + 1] = w->heur[k];
                cb.start1 = w->heur1;
            }
        }
        /* No start: the presolver is worth more (it proves tight and
         * infeasible plans much faster), and GLPK may leave the root LP
         * to it. */
        io.presolve = cb.start1 ? GLP_OFF : GLP_ON;
        if (io.presolve == GLP_ON)
            cb.F = NULL; /* nodes then hold the presolved problem */
        io.tm_lim = time_left_ms(o);
        io.mip_gap = o->gap > 0 ? o->gap : 0;
        /* Pseudocost branching found better roadmaps in the same time on
         * plans up to a few hundred initiatives and worse ones at 500,
         * where its start-up leaves no bound for the first seconds
         * (benchmarks/README.md). */
        if ((o->flags & OA_SOLVE_PSEUDOCOST) ||
            (!(o->flags & OA_SOLVE_GLPK_BRANCHING) &&
             m->res->N <= PSEUDOCOST_MAX_INITIATIVES)) {
            io.br_tech = GLP_BR_PCH;
            io.bt_tech = GLP_BT_BPH;
        }
        /* GLPK's MIR, cover and clique cuts with pseudocost branching
         * gave better roadmaps and bounds in the same time up to a few
         * hundred initiatives (realistic example: 3.4 % gap at 60 s
         * instead of 6.9 %); Gomory cuts cost more than they gain, and at
         * 500 initiatives the cuts delay the first bound
         * (benchmarks/README.md). */
        if (!(o->flags & OA_SOLVE_NO_CUTS) &&
            m->res->N <= PSEUDOCOST_MAX_INITIATIVES)
            io.mir_cuts = io.cov_cuts = io.clq_cuts = GLP_ON;
        if (o->flags & OA_SOLVE_CUTS)
            io.gmi_cuts = io.mir_cuts = io.cov_cuts = io.clq_cuts = GLP_ON;
        /* GLPK's clique cut generator fails on a problem without integer
         * columns (it adds zero columns to a work problem). */
        {
            size_t q, nint = 0;
            for (q = 0; q < m->ncols; q++)
                nint += m->cols[q].is_int && m->cols[q].ub > m->cols[q].lb;
            if (nint == 0)
                io.gmi_cuts = io.mir_cuts = io.cov_cuts = io.clq_cuts =
                    GLP_OFF;
        }
        io.cb_func = mip_cb;
        io.cb_info = &cb;
        rc = glp_intopt(P, &io);
        st = glp_mip_status(P);
        sol->nodes = cb.nodes;
        if (!(st == GLP_OPT || st == GLP_FEAS) && has_heur &&
            rc != GLP_ENOPFS && st != GLP_NOFEAS) {
            /* Stopped before GLPK took the heuristic's roadmap: it is
             * still the best known. */
            sol->status = OAP_SOL_FEASIBLE;
            memcpy(sol->x, w->heur, m->ncols * sizeof *w->heur);
            sol->obj = objective_of(m, w->heur);
            if (cb.has_bound)
                sol->bound = cb.bound;
            if (sol->bound < sol->obj)
                sol->bound = sol->obj;
        } else if (st == GLP_FEAS && rc != 0 && has_heur &&
                   objective_of(m, w->heur) >
                       glp_mip_obj_val(P) +
                           1e-9 * (1 + fabs(glp_mip_obj_val(P)))) {
            /* Stopped with a roadmap worse than the one kept aside. */
            sol->status = OAP_SOL_FEASIBLE;
            memcpy(sol->x, w->heur, m->ncols * sizeof *w->heur);
            sol->obj = objective_of(m, w->heur);
            sol->bound = cb.has_bound ? cb.bound : sol->obj;
            sol->has_bound = cb.has_bound;
            if (sol->bound < sol->obj)
                sol->bound = sol->obj;
        } else if (st == GLP_OPT || st == GLP_FEAS) {
            sol->obj = glp_mip_obj_val(P);
            for (k = 0; k < m->ncols; k++)
                sol->x[k] = glp_mip_col_val(P, (int)k + 1);
            if (st == GLP_OPT && rc == 0) {
                sol->status = OAP_SOL_OPTIMAL;
                sol->bound = sol->obj;
                sol->has_bound = 1;
            } else {
                sol->status = rc == 0 ? OAP_SOL_OPTIMAL : OAP_SOL_FEASIBLE;
                sol->bound = cb.has_bound ? cb.bound : sol->obj;
                sol->has_bound = cb.has_bound;
                if (sol->bound < sol->obj)
                    sol->bound = sol->obj;
            }
        } else if (st == GLP_NOFEAS || rc == GLP_ENOPFS) {
            sol->status = OAP_SOL_INFEASIBLE;
        } else if (rc == GLP_ETMLIM || rc == GLP_ESTOP || rc == GLP_EMIPGAP ||
                   rc == 0) {
            sol->status = OAP_SOL_NONE;
            sol->bound = cb.bound;
            sol->has_bound = cb.has_bound;
        } else {
            oap_solution_free(sol);
            oap_error_set(err, OA_ESOLVER, NULL, -1,
                          "GLPK branch-and-cut failed (code %d)", rc);
            rc = OA_ESOLVER;
            goto done;
        }
    }
done_ok:
    rc = OA_OK;
done:
    if (F)
        glp_delete_prob(F);
    glp_delete_prob(P);
    guard_remove();
    loaded_free(&L);
    mipwork_free(w);
    return rc;
}

int oap_solver_fixed_lp(double *dual, double *x, const oap_model *m,
                        const oap_solver_opts *o, oa_error *err)
{
    guard g;
    loaded L;
    glp_prob *volatile P = NULL;
    glp_smcp sm;
    size_t k;
    int rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    guard_install(&g, o);
    if (setjmp(g.jb)) {
        guard_failed(&g, err);
        loaded_free(&L);
        return OA_ESOLVER;
    }
    P = load(m, &L, 1, x, NULL);
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.presolve = GLP_OFF;
    rc = glp_simplex(P, &sm);
    if (rc != 0 || glp_get_status(P) != GLP_OPT) {
        glp_delete_prob(P);
        guard_remove();
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
    guard_remove();
    loaded_free(&L);
    return OA_OK;
}

/*
 * The earlier-start rule of model.md, made exact: with the roadmap fixed
 * and the levers free (an LP), each scheduled initiative in order of its
 * start moves to the earliest start where the objective (without the
 * tie-break) is not worse; passes repeat until nothing moves.  At most
 * max_lps LPs are solved, so the rule costs little on large plans and the
 * outcome does not depend on the clock.
 */
/* The passes of oap_solver_left_shift, on the LP P with x fixed. */
static void shift_passes(glp_prob *P, double *x, const oap_model *m,
                         const oap_solver_opts *o, int max_lps, int *ord)
{
    const oap_resolved *res = m->res;
    glp_smcp sm;
    int i, n, pass, lps = 0, moved;
    size_t k;
    double cur;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    if (!lp_ok(P, &sm, o))
        return;
    sm.meth = GLP_DUALP;
    cur = glp_get_obj_val(P);
    for (pass = 0;; pass++) {
        /* Scheduled initiatives by start, then index. */
        n = 0;
        for (i = 0; i < res->N; i++) {
            int s, at = 0;
            for (s = m->x_s0[i]; s <= m->x_s1[i] && !at; s++)
                if (x[m->x_first[i] + s - m->x_s0[i]] > 0.5)
                    at = s;
            if (at > m->x_s0[i]) {
                int q = n++;
                while (q > 0) {
                    int j = ord[q - 1], sj = 0, t;
                    for (t = m->x_s0[j]; t <= m->x_s1[j] && !sj; t++)
                        if (x[m->x_first[j] + t - m->x_s0[j]] > 0.5)
                            sj = t;
                    if (sj <= at)
                        break;
                    ord[q] = j;
                    q--;
                }
                ord[q] = i;
            }
        }
        moved = 0;
        for (k = 0; k < (size_t)n && lps < max_lps; k++) {
            int s, at = 0, j0;
            i = ord[k];
            j0 = m->x_first[i] - m->x_s0[i];
            for (s = m->x_s0[i]; s <= m->x_s1[i] && !at; s++)
                if (x[j0 + s] > 0.5)
                    at = s;
            for (s = m->x_s0[i]; s < at && lps < max_lps; s++) {
                if (m->cols[j0 + s].ub <= 0)
                    continue;
                glp_set_col_bnds(P, j0 + at + 1, GLP_FX, 0, 0);
                glp_set_col_bnds(P, j0 + s + 1, GLP_FX, 1, 1);
                lps++;
                /* The LP objective includes the tie-break, which gains
                 * (at - s) periods: compare without it. */
                if (lp_ok(P, &sm, o) &&
                    glp_get_obj_val(P) - m->tiebreak * (at - s) >=
                        cur - 1e-9 * (1 + fabs(cur))) {
                    cur = glp_get_obj_val(P);
                    x[j0 + at] = 0;
                    x[j0 + s] = 1;
                    moved = 1;
                    break;
                }
                glp_set_col_bnds(P, j0 + s + 1, GLP_FX, 0, 0);
                glp_set_col_bnds(P, j0 + at + 1, GLP_FX, 1, 1);
            }
        }
        if (!moved || lps >= max_lps)
            break;
    }
    /* The levers for the final roadmap. */
    if (lp_ok(P, &sm, o))
        for (k = 0; k < m->ncols; k++)
            if (m->cols[k].kind != OAP_COL_X)
                x[k] = glp_get_col_prim(P, (int)k + 1);
}

/*
 * The earlier-start rule of model.md, made exact: with the roadmap fixed
 * and the levers free (an LP), each scheduled initiative in order of its
 * start moves to the earliest start where the objective (without the
 * tie-break) is not worse; passes repeat until nothing moves.  At most
 * max_lps LPs are solved, so the rule costs little on large plans and the
 * outcome does not depend on the clock.
 */
int oap_solver_left_shift(double *x, const oap_model *m,
                          const oap_solver_opts *o, int max_lps)
{
    guard g;
    loaded L;
    glp_prob *volatile P = NULL;
    int *volatile ord = NULL;
    int rc = prepare_matrix(&L, m);
    if (rc != OA_OK)
        return rc;
    ord = oap_calloc((size_t)m->res->N + 1, sizeof(int));
    if (ord == NULL) {
        loaded_free(&L);
        return OA_ENOMEM;
    }
    guard_install(&g, o);
    if (setjmp(g.jb)) {
        guard_failed(&g, NULL);
        loaded_free(&L);
        oap_free(ord);
        return OA_ESOLVER;
    }
    P = load(m, &L, 1, x, NULL);
    shift_passes(P, x, m, o, max_lps, ord);
    glp_delete_prob(P);
    guard_remove();
    loaded_free(&L);
    oap_free(ord);
    return OA_OK;
}

int oap_solver_write(const oap_model *m, const oa_plan *plan,
                     const char *path, int mps, oa_error *err)
{
    guard g;
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
    guard_install(&g, &o);
    if (setjmp(g.jb)) {
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
    guard_remove();
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
    guard_install(&g, &o);
    if (setjmp(g.jb)) {
        guard_failed(&g, err);
        loaded_free(&L);
        return OA_ESOLVER;
    }
    P = load(m, &L, 0, NULL, NULL);
    glp_init_iocp(&io);
    io.msg_lev = GLP_MSG_OFF;
    io.presolve = GLP_ON;
    io.tm_lim = time_left_ms(&o);
    rc = glp_intopt(P, &io);
    st = glp_mip_status(P);
    if (st == GLP_OPT || st == GLP_FEAS) {
        *found = 1;
        *proven = st == GLP_OPT && rc == 0;
        for (k = 0; k < m->ncols; k++)
            x[k] = glp_mip_col_val(P, (int)k + 1);
    }
    glp_delete_prob(P);
    guard_remove();
    loaded_free(&L);
    return OA_OK;
}
