/*
 * libopsalign: individual plans.
 *
 * oa_assign() spreads the work a roadmap gives each unit and resource
 * (each operating plan's run work, each initiative's demand, loans to
 * other units) over the unit's people (<people> in the plan), within each
 * person's availability net of away periods and development time.  A MIP
 * (GLPK) covers as much as the people can, then keeps the number of
 * distinct initiatives per person low and the same people on an
 * initiative from one period to the next; a person's max-initiatives caps
 * the initiatives of one period.  Work the people cannot cover (the rest
 * is overtime, contractors or loans, or capacity was declared above the
 * roster) is reported as uncovered, by unit, resource and period.
 */
#ifndef OPSALIGN_PEOPLE_H
#define OPSALIGN_PEOPLE_H

#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Individual plans (opaque). */
typedef struct oa_assignment oa_assignment;

/** Options of oa_assign(). */
typedef struct oa_assign_opts {
    unsigned int version;    /**< OA_ASSIGN_OPTS_VERSION */
    double time_limit;       /**< seconds per unit and resource; 0: none */
} oa_assign_opts;

#define OA_ASSIGN_OPTS_VERSION 1
/** Defaults: 10 s per unit and resource. */
#define OA_ASSIGN_OPTS_INIT { OA_ASSIGN_OPTS_VERSION, 10 }

/**
 * Assigns a roadmap's work to people.
 * @param[in] roadmap a result of this plan with a roadmap (optimal or
 *   feasible)
 * @return OA_OK, OA_EINVALID (the plan breaks a rule, or the result is
 *   not one of this plan), OA_ESTATE (no roadmap), OA_ESOLVER, OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_assign(oa_assignment **out, const oa_plan *plan,
                                    const oa_result *roadmap,
                                    const oa_assign_opts *opts,
                                    oa_error *err);
/** Frees individual plans; NULL is allowed. */
OA_API void oa_assignment_free(oa_assignment *a);
/** @return 1 when every unit's assignment is a proven optimum. */
OA_API int oa_assignment_proven(const oa_assignment *a);

/** What a share of a person's time goes to. */
typedef enum oa_work_kind {
    OA_WORK_INITIATIVE = 0,     /**< what: the initiative's id */
    OA_WORK_OPERATING_PLAN = 1, /**< what: the operating plan's name (or
                                     its unit's id when it has none) */
    OA_WORK_LOAN = 2,           /**< what: "loans" (work lent to other
                                     units) */
    OA_WORK_DEVELOPMENT = 3     /**< what: "development" */
} oa_work_kind;

/** One share of one person's time in one period. */
typedef struct oa_person_work {
    const char *person;
    int period;             /**< 1-based */
    oa_work_kind kind;
    const char *what;
    double amount;          /**< FTE */
} oa_person_work;

/** @return the number of shares (by person in plan order, then period). */
OA_API size_t oa_assignment_count(const oa_assignment *a);
/** Copies the i-th share. @return OA_OK, OA_EINVAL */
OA_API int oa_assignment_work(oa_person_work *out, const oa_assignment *a,
                              size_t i);

/** Work of a unit, resource and period that the people do not cover. */
typedef struct oa_uncovered {
    const char *unit, *resource;
    int period;
    double amount;          /**< resource units (FTE) */
} oa_uncovered;

/** @return the number of uncovered rows. */
OA_API size_t oa_assignment_uncovered_count(const oa_assignment *a);
/** Copies the i-th uncovered row. @return OA_OK, OA_EINVAL */
OA_API int oa_assignment_uncovered(oa_uncovered *out, const oa_assignment *a,
                                   size_t i);

/**
 * Writes individual plans: text (per person and period the shares with
 * their FTE and the total), CSV (one row per share, then the uncovered
 * rows) or XML (one <person id> with <assignment period initiative|
 * operating-plan|loan|development amount/> children, then <uncovered
 * unit resource period amount/>).
 * @param person only this person's plan, or NULL for everyone
 * @return OA_OK, OA_EINVAL, OA_ENOTFOUND (no such person), OA_ENOMEM
 */
OA_API int oa_assignment_write(char **out, size_t *size,
                               const oa_assignment *a, const char *person,
                               oa_format format);

/**
 * Writes individual plans to a file atomically (see the writer).
 * @return OA_OK, OA_EINVAL, OA_ENOTFOUND (no such person), OA_EIO, OA_ENOMEM
 */
OA_API int oa_assignment_save(const oa_assignment *a, const char *path,
                              const char *person, oa_format format,
                              oa_error *err);

#ifdef __cplusplus
}
#endif

#endif
