/*
 * The optimization model of model.md as a plain matrix: columns with
 * bounds, kinds and objective; rows with bounds; the coefficients.  Built
 * from a validated plan without any solver type, so that the solver
 * module (the only one that includes glpk.h) just loads it.
 */
#ifndef OA_MODEL_H
#define OA_MODEL_H

#include "plan_int.h"

typedef enum oap_col_kind {
    OAP_COL_X = 0,   /* x[i,s]: a = i, b = s (1-based) */
    OAP_COL_OT,      /* overtime: a = u, b = r, c = t */
    OAP_COL_CT,      /* contractors: a = u, b = r, c = t */
    OAP_COL_LN,      /* loan: a = loan, c = t */
    OAP_COL_SH,      /* shortfall: a = operating plan, b = r, c = t */
    OAP_COL_DEF,     /* elastic deficit: a = row it relieves */
    OAP_COL_OTHER    /* a column of another model (people.c) */
} oap_col_kind;

typedef enum oap_row_kind {
    OAP_ROW_CHOICE = 0, /* a = i */
    OAP_ROW_CAP,        /* a = u, b = r, c = t */
    OAP_ROW_REQ,        /* a = j (needs), b = i (needed), c = t */
    OAP_ROW_EXCL,       /* a = i, b = j */
    OAP_ROW_CLIQUE,     /* conflicting starts: a = u, b = r, c = t */
    OAP_ROW_BUDGET,     /* a = budget index (see oap_budget) */
    OAP_ROW_OTHER       /* a row of another model (people.c) */
} oap_row_kind;

typedef enum oap_budget_kind {
    OAP_BUDGET_TOTAL = 0,
    OAP_BUDGET_LIMIT,   /* a range limit: index = limit */
    OAP_BUDGET_UNIT     /* a unit's budget: index = unit */
} oap_budget_kind;

typedef struct oap_budget {
    oap_budget_kind kind;
    int index;          /* limit or unit index; -1 for the total */
    int t0, t1;         /* 0-based periods covered, inclusive */
    double limit;
    double fixed;       /* operating-plan cost inside it */
    int row;            /* model row, -1 when the row was not needed */
} oap_budget;

typedef struct oap_col {
    oap_col_kind kind;
    int a, b, c;
    double lb, ub, obj;
    int is_int;
} oap_col;

typedef struct oap_row {
    oap_row_kind kind;
    int a, b, c;
    double lo, hi;      /* -HUGE_VAL / HUGE_VAL when free */
} oap_row;

typedef struct oap_nz {
    int i, j;
    double v;
} oap_nz;

typedef struct oap_model {
    const oap_resolved *res;
    int relax, elastic;
    oap_col *cols;
    size_t ncols, colcap;
    oap_row *rows;
    size_t nrows, rowcap;
    /* Coefficients, as triplets, 0-based. */
    oap_nz *nz;
    size_t nnz, nzcap;
    /* Where things are. */
    int *x_first;       /* [i]: first x column of i */
    int *choice_row;    /* [i]: its choice row */
    int *x_s0, *x_s1;   /* [i]: pruned start window (1-based, inclusive);
                           s0 > s1 when empty */
    int *forced;        /* [i]: 1 when mandatory, or required (through a
                           chain) by a mandatory initiative */
    int *cap_row;       /* [(u * R + r) * P + t]: row or -1 */
    int *ot_col, *ct_col; /* same layout: column or -1 */
    int *ln_col;        /* [loan * P + t] */
    int *sh_col;        /* [(op * R + r) * P + t] */
    oap_budget *budgets;
    int nbudgets;
    double *avail;      /* [(u * R + r) * P + t]: the most a unit could
                           have (every lever), or NULL */
    double tiebreak;    /* objective weight per period of delay */
    double tiebreak_span; /* the most the tie-break takes off a roadmap:
                           tiebreak x the sum of the start windows */
    double *stab;       /* [ncols] or NULL: the stability prices folded
                           into the x columns' obj (lib/rebase.c) */
    double stab_offset; /* the model's objective is the objective of
                           model.md plus this (the drop prices of every
                           baseline initiative, which the x columns'
                           stab give back when it is scheduled) */
    int failed;         /* out of memory, or over max_nz, while building */
    int too_big;        /* over max_nz (failed is set too) */
    size_t max_nz;      /* cap on columns and on nonzeros */
} oap_model;

typedef struct oap_build_opts {
    int relax;          /* x continuous in [0, 1] */
    int elastic;        /* deficit columns, minimize their sum */
    int no_tiebreak;    /* leave out the earlier-start preference */
    int cliques;        /* add clique rows of conflicting starts */
    size_t max_nonzeros;/* cap on nonzeros (and columns); 0:
                           OA_SOLVE_DEFAULT_MAX_NONZEROS; SIZE_MAX: none */
} oap_build_opts;

/* Builds the model of a checked plan.  Returns OA_OK, OA_ENOMEM, or
 * OA_ELIMIT (with err set) when the model would have more nonzeros (or
 * columns) than opts->max_nonzeros: building stops there, so that a huge
 * plan is refused before memory runs out. */
int oap_model_build(oap_model **out, const oa_checked *chk,
                    const oap_build_opts *opts, oa_error *err);
void oap_model_free(oap_model *m);

/* Building other models in the same form (an oap_model from calloc with
 * only cols, rows and nz used): each returns the new index (-1 on out of
 * memory, which also sets m->failed). */
int oap_model_add_col(oap_model *m, double lb, double ub, double obj,
                      int is_int);
int oap_model_add_row(oap_model *m, double lo, double hi);
void oap_model_add_nz(oap_model *m, int row, int col, double v);

/* A small LP whose optimum bounds every roadmap of full's plan (the
 * year aggregated per unit and resource); columns 0..N-1 are the
 * initiatives. */
int oap_model_build_bound(oap_model **out, const oap_model *full);

/* Work units per second of the work clock of a work-limited solve
 * (solver.h): a simplex iteration of a plan of a few hundred initiatives
 * takes about 50 microseconds. */
#define OAP_WORK_PER_SECOND 20000.0
/* Elementary steps of the library's own heuristics (a demand checked, a
 * coefficient read) per work unit. */
#define OAP_OPS_PER_WORK 25000.0

/* An upper bound on the optimum of m by Lagrangian relaxation
 * (lagrange.c), improved for at most seconds, its steps aimed at target
 * (the best objective known, or -HUGE_VAL); HUGE_VAL when none, -HUGE_VAL
 * when the relaxation proves that no roadmap exists.  *pass (may be NULL)
 * gets the seconds one step took, a pass over the coefficients.  xbar
 * (may be NULL; [ncols]) gets the relaxed optima of the steps averaged,
 * an estimate of the LP's solution.  work (may be NULL) counts the work
 * done; with work_clock set the seconds are those of the work clock. */
double oap_model_lagrangian_bound(const oap_model *m, double target,
                                  double seconds, double *pass,
                                  double *xbar, double *work,
                                  int work_clock);

/* 1 when no roadmap is better than z by more than the tie-break can
 * tell apart: bound (on the objective with the tie-break) is within
 * tiebreak_span and a relative 1e-9 of z.  Two roadmaps that close have
 * the same objective of model.md but for rounding. */
int oap_model_proven(const oap_model *m, double z, double bound);

/* Objective of model.md for column values (without the tie-break). */
double oap_model_objective(const oap_model *m, const double *x);

/* A column's or row's name for files (into buf). */
void oap_model_col_name(char *buf, size_t size, const oap_model *m,
                        const oa_plan *plan, int j);
void oap_model_row_name(char *buf, size_t size, const oap_model *m,
                        const oa_plan *plan, int i);

#endif
