/*
 * An independent check of a result against its plan, through the public
 * API only: the roadmap keeps every rule of model.md, the loads and
 * spends it reports add up from the plan's own numbers, and the objective
 * is what the roadmap is worth.  Used by the solve tests and by the fuzz
 * targets (which abort on a violation, so that the fuzzer reports it).
 */
#ifndef OA_ORACLE_H
#define OA_ORACLE_H

#include <stddef.h>

#include "opsalign.h"

/*
 * Checks a result of oa_solve() on plan (valid).  Results without an
 * integral roadmap (infeasible, no solution, relaxed) pass unchecked.
 * @return 0 when every check holds; else -1 with the first violation
 *   described in msg
 */
int oracle_check(const oa_plan *plan, const oa_result *result, char *msg,
                 size_t size);

#endif
