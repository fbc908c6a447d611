/* The greedy roadmap heuristic (heuristic.c); no solver types. */
#ifndef OA_HEURISTIC_H
#define OA_HEURISTIC_H

#include "model.h"

/*
 * Fills the x columns of x (0 or 1; other columns untouched) with a greedy
 * roadmap guided by the LP values lpx (NULL: by value alone).  The
 * initiatives placed are listed in placed_order (may be NULL), in the
 * order they were placed.  Returns how many were placed, or -1 when a
 * mandatory initiative found no place (or out of memory).
 */
int oap_greedy(const oap_model *m, const double *lpx, double *x,
               int *placed_order);

#endif
