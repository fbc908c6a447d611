/*
 * The solver module: the only one that includes glpk.h.  It loads an
 * oap_model into GLPK, solves it under the error guard and hands back
 * plain numbers.
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
    double *x;           /* [ncols] */
    double *dual;        /* [nrows], LP only; NULL otherwise */
} oap_solution;

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
} oap_solver_opts;

/* Seconds on a monotonic clock. */
double oap_now(void);

/* Solves the model (MIP unless relax or the model is continuous). */
int oap_solver_solve(oap_solution *sol, const oap_model *m,
                     const oap_solver_opts *o, oa_error *err);

/* Duals of every row of the LP with the x columns fixed at x; fills
 * dual[nrows] and, for consistency, the continuous columns of x. */
int oap_solver_fixed_lp(double *dual, double *x, const oap_model *m,
                        const oap_solver_opts *o, oa_error *err);

/* Moves scheduled initiatives to earlier starts where the objective is
 * not worse (at most max_lps LPs); x is updated in place. */
int oap_solver_left_shift(double *x, const oap_model *m,
                          const oap_solver_opts *o, int max_lps);

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

#endif
