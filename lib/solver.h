/*
 * The solver module: the only one that includes glpk.h.  It loads an
 * oap_model into GLPK, solves it under the error guard and hands back
 * plain numbers.  The search (search.c) drives it through three kinds of
 * object: a whole solve (oap_solver_solve, for LPs and the elastic
 * model), an LP kept loaded whose column bounds change between solves
 * (oap_lp: pricing a roadmap's levers, small sub-MIPs), and the MIP of a
 * plan, whose root LP and branch-and-cut are separate steps (oap_mip).
 */
#ifndef OA_SOLVER_H
#define OA_SOLVER_H

#include "model.h"

typedef enum oap_sol_status {
    OAP_SOL_OPTIMAL = 0,
    OAP_SOL_FEASIBLE,    /* a solution; a limit stopped the proof */
    OAP_SOL_INFEASIBLE,
    OAP_SOL_NONE         /* no solution within the limits */
} oap_sol_status;

typedef struct oap_solution {
    oap_sol_status status;
    double obj;          /* solver objective (with the tie-break) */
    double bound;        /* best bound (MIP); = obj when optimal */
    int has_bound;
    long nodes;
    int caller_stopped;  /* the progress callback asked to stop */
    double *x;           /* [ncols] */
    double *dual;        /* [nrows], LP only; NULL otherwise */
    double lp_s;         /* seconds to build the LP of the model and solve
                            it with a roadmap fixed (0: not measured) */
} oap_solution;

/*
 * The library's heuristics as seen from branch-and-cut: at a node, with
 * the node's LP values lpx (0-based columns) and the objective of the
 * best roadmap so far (-HUGE_VAL: none), a better roadmap in xs; returns
 * 1 when it found one (checked again before GLPK takes it).
 */
typedef int (*oap_node_heur_fn)(void *data, const double *lpx,
                                double incumbent, double *xs);

typedef struct oap_solver_opts {
    int relax;
    double time_limit;   /* seconds from t0; 0: none */
    double t0;           /* start of the whole solve (oap_now()) */
    double gap;
    int verbosity;
    oa_log_fn log;
    void *log_data;
    oa_progress_fn progress;
    void *progress_data;
    const double *start; /* a feasible start for the MIP, or NULL */
    unsigned int flags;  /* OA_SOLVE_* */
    int *stopped;        /* set to 1 when progress asked to stop (or
                            NULL) */
    /* Repeatable runs: with work_limit > 0 (and work set) every decision
     * reads the work clock (oap_clock): the work done, in units of about
     * one simplex iteration, over OAP_WORK_PER_SECOND, so the same plan
     * and options take the same steps on any machine under any load.
     * time_limit and t0 are then on that clock (time_limit = work_limit
     * / OAP_WORK_PER_SECOND, t0 = 0); wall_limit (seconds from wall_t0,
     * 0: none) still bounds the wall clock. */
    double work_limit;
    double *work;
    double wall_limit, wall_t0;
    const oa_interrupt *interrupt; /* raised: stop as at a time limit */
} oap_solver_opts;

/* Seconds on a monotonic clock. */
double oap_now(void);

/* The clock every decision of a solve reads: oap_now(), or the work
 * clock of a work-limited solve (see oap_solver_opts). */
double oap_clock(const oap_solver_opts *o);
/* Counts work done (units) when o->work is set. */
void oap_work(const oap_solver_opts *o, double units);
/* Counts elementary steps of a heuristic (OAP_OPS_PER_WORK a unit). */
void oap_work_ops(const oap_solver_opts *o, double ops);
/* 1 when o's interrupt flag is raised. */
int oap_interrupted(const oap_solver_opts *o);
/* Wall-clock seconds since the solve started. */
double oap_elapsed(const oap_solver_opts *o);
/* 1 when a work-limited solve has used its wall-clock limit up. */
int oap_wall_out(const oap_solver_opts *o);

/* Seconds left before o's time limit (HUGE_VAL: no limit). */
double oap_time_left(const oap_solver_opts *o);

/* 1 when a roadmap of solver objective z is proven optimal (within the
 * tie-break) or within o's relative gap of bound. */
int oap_within_gap(const oap_solver_opts *o, const oap_model *m, double z,
                   double bound);

/* Tells the progress callback about a roadmap of objective z found
 * outside GLPK's search; returns non-zero (and sets *o->stopped) when
 * the callback asks to stop. */
int oap_report_incumbent(const oap_solver_opts *o, double z, double bound);

/* Solves the model whole (MIP unless relax or the model is continuous)
 * with GLPK's presolver and search; the start, if any, is kept aside and
 * returned if GLPK finds nothing better. */
int oap_solver_solve(oap_solution *sol, const oap_model *m,
                     const oap_solver_opts *o, oa_error *err);

/* Duals of every row of the LP with the x columns fixed at x; fills
 * dual[nrows] and, for consistency, the continuous columns of x. */
int oap_solver_fixed_lp(double *dual, double *x, const oap_model *m,
                        const oap_solver_opts *o, oa_error *err);

/* Writes the model in CPLEX LP (mps = 0) or free MPS format. */
int oap_solver_write(const oap_model *m, const oa_plan *plan,
                     const char *path, int mps, oa_error *err);

void oap_solution_free(oap_solution *sol);

/* A plain MIP (maximize) with GLPK's presolver and defaults: x[ncols] gets
 * the best solution found; found and proven say what it is. */
int oap_solver_plain_mip(double *x, int *found, int *proven,
                         const oap_model *m, double time_limit,
                         oa_error *err);

/* Frees the calling thread's GLPK environment: a thread that solved must
 * call it before it ends. */
void oap_solver_thread_done(void);

/* 1 when x satisfies every bound, integrality and row of m (within a
 * small tolerance). */
int oap_model_feasible(const oap_model *m, const double *x);

/* The solver's objective (tie-break included) of column values x. */
double oap_model_solver_objective(const oap_model *m, const double *x);

/* ---- an LP (or small MIP) kept loaded ---- */

typedef struct oap_lp oap_lp;

/* Loads m (continuous; with mip, x columns integer for oap_lp_mip) and,
 * with cutoff, one more row: the objective, bounded below by
 * oap_lp_mip's cutoff. */
int oap_lp_new(oap_lp **out, const oap_model *m, int mip, int cutoff,
               const oap_solver_opts *o);
void oap_lp_free(oap_lp *lp);
/* Column j (0-based) fixed at v, or back to its model bounds. */
void oap_lp_fix(oap_lp *lp, int j, double v);
void oap_lp_unfix(oap_lp *lp, int j);
/* Every x column fixed at x's value (0 or 1). */
void oap_lp_fix_roadmap(oap_lp *lp, const double *x);
/* Solves the LP (dual simplex from the last basis) within the time
 * limit; 1 when optimal (*obj its objective). */
int oap_lp_solve(oap_lp *lp, double *obj);
/* Values of every column after a successful oap_lp_solve (integer
 * columns rounded). */
void oap_lp_values(const oap_lp *lp, double *x);
/*
 * Solves the loaded problem as a MIP (x columns integer) with the
 * objective above cutoff (when loaded with a cutoff row), for at most
 * seconds (and within the time limit), stopping at the first solution
 * when first is set.  With presolve, GLPK's presolver first (fast on
 * problems with most columns fixed, but it and its root LP do not look at
 * the clock); without it, the LP relaxation under the clock first.
 * Returns 1 and x[ncols] when it found a solution, 0 when none, -1 when
 * it proved there is none; *proven says whether the solution is optimal.
 */
int oap_lp_mip(oap_lp *lp, double cutoff, double seconds, int first,
               int presolve, double *x, int *proven);

/* ---- the MIP of a plan, root LP and branch-and-cut apart ---- */

typedef struct oap_mip oap_mip;

int oap_mip_new(oap_mip **out, const oap_model *m, const oap_solver_opts *o);
void oap_mip_free(oap_mip *mip);
/*
 * The root LP within seconds: 1 optimal (*bound its objective, lpx its
 * values), 0 out of time, -1 infeasible, OA_ESOLVER-like < -1 on GLPK
 * failure.
 */
int oap_mip_root(oap_mip *mip, double seconds, double *bound, double *lpx);
/*
 * Branch-and-cut from the root LP's basis (or with GLPK's presolver when
 * presolve is set, the start then only kept aside), with start handed to
 * GLPK as its first incumbent and heur called at nodes.  sol gets GLPK's
 * best, or the start when GLPK found nothing better.
 */
int oap_mip_branch(oap_solution *sol, oap_mip *mip, const double *start,
                   int presolve, oap_node_heur_fn heur, void *heur_data,
                   double root_bound, oa_error *err);

#endif
