/*
 * libopsalign: sweeps.
 *
 * A sweep solves a plan at evenly spaced values of one parameter: the
 * total budget (the value-against-budget curve, or efficient frontier),
 * or a factor on the capacity of a unit and/or resource.  Each point is a
 * scenario of the plan (oa_scenario_set_budget_total or
 * oa_scenario_scale_capacity), solved starting from the roadmap of the
 * point before it where that still fits.
 */
#ifndef OPSALIGN_SWEEP_H
#define OPSALIGN_SWEEP_H

#include "compare.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a sweep varies. */
typedef enum oa_sweep_kind {
    OA_SWEEP_BUDGET_TOTAL = 0,   /**< the total budget, in money */
    OA_SWEEP_CAPACITY = 1        /**< a factor on capacity */
} oa_sweep_kind;

/** Options of oa_sweep(). */
typedef struct oa_sweep_opts {
    unsigned int version;    /**< OA_SWEEP_OPTS_VERSION */
    oa_sweep_kind kind;
    const char *unit;        /**< OA_SWEEP_CAPACITY: unit id or "*" */
    const char *resource;    /**< OA_SWEEP_CAPACITY: resource id or "*" */
    double from, to;         /**< the parameter's first and last value */
    int steps;               /**< number of points, at least 1 (1: from) */
    double time_limit;       /**< version 1 only: seconds per point; 0:
                                  none (from version 2, solve.time_limit) */
    double gap;              /**< version 1 only (solve.gap) */
    unsigned int flags;      /**< version 1 only (solve.flags) */
    /* version 2 */
    oa_solve_opts solve;     /**< the options of every point's solve; its
                                  start is the previous point's roadmap */
} oa_sweep_opts;

/** Current version of oa_sweep_opts (1 is still accepted). */
#define OA_SWEEP_OPTS_VERSION 2
/** Defaults: a budget sweep of 5 points from 0 to 0 (set from, to). */
#define OA_SWEEP_OPTS_INIT { OA_SWEEP_OPTS_VERSION, OA_SWEEP_BUDGET_TOTAL, \
                             NULL, NULL, 0, 0, 5, 0, 0, 0u,              \
                             OA_SOLVE_OPTS_INIT }

/** A finished sweep (opaque). */
typedef struct oa_sweep oa_sweep;

/**
 * Runs a sweep.  The plan is not changed.
 * @return OA_OK (points without a roadmap are results too: infeasible or
 *   no solution); OA_EINVAL (bad options); OA_EINVALID (the plan breaks a
 *   rule, or a unit or resource matches nothing: err says which);
 *   OA_ESOLVER; OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_sweep_run(oa_sweep **out, const oa_plan *plan,
                                       const oa_sweep_opts *opts,
                                       oa_error *err);
/** Frees a sweep; NULL is allowed. */
OA_API void oa_sweep_free(oa_sweep *sw);
/** @return the number of points. */
OA_API size_t oa_sweep_count(const oa_sweep *sw);
/** @return the parameter's value at point i (NaN if out of range). */
OA_API double oa_sweep_value(const oa_sweep *sw, size_t i);
/** @return the result at point i (owned by the sweep), or NULL. */
OA_API const oa_result *oa_sweep_result(const oa_sweep *sw, size_t i);

/**
 * Writes a sweep: OA_FORMAT_CSV (one row per point, with its roadmap) or
 * OA_FORMAT_SVG (the curve, as a chart a person can read).
 * @param[out] out the text, freed with oa_free()
 * @param[out] size its length (may be NULL)
 * @return OA_OK, OA_EINVAL (another format, a NULL), OA_ENOMEM
 */
OA_API int oa_sweep_write(char **out, size_t *size, const oa_sweep *sw,
                          oa_format format);
/** Writes a sweep to a file atomically (formats as oa_sweep_write).
 * @return OA_OK, OA_EINVAL, OA_EIO, OA_ENOMEM */
OA_API int oa_sweep_save(const oa_sweep *sw, const char *path,
                         oa_format format, oa_error *err);

#ifdef __cplusplus
}
#endif

#endif
