/*
 * The search: every primal heuristic of the library (the complete search
 * of the forced work, the greedy with mandatory work first, its repair,
 * the mandatory-work sub-MIP, the large-neighbourhood search, the left
 * shift, the warm-start repair) and the order in which they and GLPK's
 * branch-and-cut run within the time limit.  It reaches GLPK only through
 * solver.h (forced.c not at all).
 */
#ifndef OA_SEARCH_H
#define OA_SEARCH_H

#include "solver.h"

/*
 * Solves the MIP of m (o->relax must be 0): first roadmaps from the
 * heuristics, the root LP, then the large-neighbourhood search and/or
 * branch-and-cut, all within o's time limit.  o->start, if set, is a
 * feasible roadmap to start from.  sol->status is OAP_SOL_INFEASIBLE only
 * when it is proven.
 */
int oap_search_solve(oap_solution *sol, const oap_model *m,
                     const oap_solver_opts *o, oa_error *err);

/*
 * Moves scheduled initiatives to earlier starts where the objective is
 * not worse (at most max_lps LPs, and within o's time limit); x is
 * updated in place, levers included.
 */
int oap_search_left_shift(double *x, const oap_model *m,
                          const oap_solver_opts *o, int max_lps);

/*
 * A start for the search from a roadmap given as a result (initiatives
 * matched by id): the roadmap itself when it fits m; otherwise repaired.
 * *out stays NULL when no repair fits.
 */
int oap_search_start_from(double **out, const oap_model *m,
                          const oa_plan *plan, const oa_result *r,
                          const oap_solver_opts *so);

/*
 * The greedy roadmap (no solver involved): fills the x columns of x (0 or
 * 1) guided by the LP values lpx (NULL: by value alone), mandatory work
 * first.  pre (may be NULL) gives fixed starts for initiatives (> 0).
 * The initiatives placed are listed in placed_order (may be NULL).
 * Returns how many were placed, or -1 when the mandatory work found no
 * place (or out of memory).  tries bounds the restarts of the mandatory
 * placement.
 */
int oap_greedy(const oap_model *m, const double *lpx, double *x,
               int *placed_order, const int *pre, int tries,
               const oap_solver_opts *o);

/*
 * A complete search for starts of the forced work (forced.c): mandatory
 * initiatives and what they require, within windows and requires, on the
 * most each unit could ever have (m->avail).  Returns 1 with start[i] set
 * for every forced i (start has N entries; others untouched), -1 when no
 * such starts exist (then the plan has no roadmap), 0 when seconds
 * (<= 0: no limit) ran out, memory ran short, or the model has no
 * m->avail.  Budgets, excludes and loans shared between borrowers are
 * not looked at: the starts found may still not give a roadmap.
 */
int oap_forced_schedule(const oap_model *m, double seconds, int *start,
                        const oap_solver_opts *o);

#endif
