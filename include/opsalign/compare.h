/*
 * libopsalign: comparing results (what-if side by side).
 *
 * oa_result_summarize() condenses a result into the figures a comparison
 * shows; oa_result_diff() lists what changed in the roadmap between two
 * results of related plans (a base and a scenario of it); an
 * oa_comparison puts a base and any number of other results side by side
 * and writes them as text, CSV or XML.
 */
#ifndef OPSALIGN_COMPARE_H
#define OPSALIGN_COMPARE_H

#include "scenario.h"
#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The figures of one result. */
typedef struct oa_result_summary {
    oa_status status;
    double objective;        /**< NaN without a roadmap */
    double gap;              /**< NaN without a bound */
    size_t scheduled;        /**< initiatives in the roadmap */
    size_t rejected;
    double spend;            /**< all spend (the total budget's row) */
    double overtime, contractors, loans, shortfall; /**< summed over units,
                                  resources and periods */
    double bound;            /**< best bound proven; NaN without one */
    oa_stop stop;            /**< what ended its search */
    double deficit;          /**< infeasible: the least total deficit
                                  (oa_result_deficit); else 0 */
    unsigned int binding;    /**< budgets with a limit that bind, as bits:
                                  1 << OA_BUDGET_TOTAL, 1 << OA_BUDGET_RANGE,
                                  1 << OA_BUDGET_UNIT */
} oa_result_summary;

/** Fills a summary. @return OA_OK, OA_EINVAL */
OA_API int oa_result_summarize(oa_result_summary *out,
                               const oa_result *result);

/**
 * How much better one result is than another, and how sure that is.  Each
 * result's optimum lies between its objective and its bound, so the
 * difference of the optima lies in [lo, hi] = [other's objective − base's
 * bound, other's bound − base's objective]; where that range holds 0 the
 * searches have not established which plan is better, and the delta is
 * within their tolerance.
 */
typedef struct oa_delta {
    double delta;     /**< other's objective − base's */
    double lo, hi;    /**< where the difference of the optima lies */
    int proven;       /**< 1: lo > 0 or hi < 0 (which is better is proven),
                           or both optima proven (lo = hi); 0: within the
                           searches' tolerance */
} oa_delta;

/**
 * The delta of two results' objectives with its range.
 * @return OA_OK; OA_EINVAL (a NULL); OA_ESTATE (either result has no
 *   roadmap: out is all NaN, proven 0)
 */
OA_API int oa_result_delta(oa_delta *out, const oa_result *base,
                           const oa_result *other);

/** What happened to one initiative between two roadmaps. */
typedef enum oa_change_kind {
    OA_CHANGE_ADDED = 0,     /**< scheduled only in the other */
    OA_CHANGE_DROPPED = 1,   /**< scheduled only in the base */
    OA_CHANGE_MOVED = 2,     /**< scheduled in both, other start */
    OA_CHANGE_REMOVED = 3,   /**< not in the other plan at all (it was
                                  scheduled in the base) */
    OA_CHANGE_NEW = 4        /**< not in the base plan (scheduled in the
                                  other) */
} oa_change_kind;

/** One change. */
typedef struct oa_change {
    oa_change_kind kind;
    const char *id;          /**< borrowed from the results */
    int from;                /**< start in the base; 0 if not scheduled */
    int to;                  /**< start in the other; 0 if not scheduled */
} oa_change;

/**
 * Lists the initiatives whose start differs between base and other
 * (matched by id), in the base's order, then those only in other.
 * @param[out] out the changes, freed with oa_free(); NULL when none
 * @param[out] n how many
 * @return OA_OK, OA_EINVAL, OA_ENOMEM; OA_ESTATE when either result has
 *   no roadmap (infeasible or no solution: nothing to compare)
 */
OA_API int oa_result_diff(oa_change **out, size_t *n, const oa_result *base,
                          const oa_result *other);

/** A base and other results side by side (opaque). */
typedef struct oa_comparison oa_comparison;

/**
 * Starts a comparison.  The results are borrowed: keep them until the
 * comparison is freed.
 * @param name the base's column title (NULL: "base")
 * @param base the base's result, or NULL when it has none (a failed run:
 *   the others are then listed without their changes)
 * @return OA_OK, OA_EINVAL (out is NULL), OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_comparison_new(oa_comparison **out,
                                            const char *name,
                                            const oa_result *base);
/**
 * Adds a result (name: its column title, e.g. the scenario's name).
 * @return OA_OK, OA_EINVAL (a NULL), OA_ENOMEM
 */
OA_API int oa_comparison_add(oa_comparison *cmp, const char *name,
                             const oa_result *result);
/** Adds a run that failed (no result): it shows as status "error" with
 * the message.
 * @return OA_OK, OA_EINVAL (a NULL, or no base yet), OA_ENOMEM */
OA_API int oa_comparison_add_failed(oa_comparison *cmp, const char *name,
                                    const char *message);
/** Frees a comparison (not the results); NULL is allowed. */
OA_API void oa_comparison_free(oa_comparison *cmp);

/**
 * Writes a comparison: text (a side-by-side table and, per result, what
 * changed against the base, with period labels), CSV (one row per result,
 * then one row per change), XML (doc/cli.md, `compare`) or XLSX (the two
 * tables of the CSV as sheets "comparison" and "changes", after a README
 * sheet).
 * @return OA_OK, OA_EINVAL, OA_ENOMEM, OA_EIO (XLSX: the temporary file)
 */
OA_API int oa_comparison_write(char **out, size_t *size,
                               const oa_comparison *cmp, oa_format format);
/**
 * Writes a comparison to a file atomically.
 * @return OA_OK, OA_EINVAL, OA_EIO (err names the path), OA_ENOMEM
 */
OA_API int oa_comparison_save(const oa_comparison *cmp, const char *path,
                              oa_format format, oa_error *err);

/** @return the number of columns (the base first). */
OA_API size_t oa_comparison_count(const oa_comparison *cmp);
/** @return the i-th column's title, or NULL when i is out of range. */
OA_API const char *oa_comparison_name(const oa_comparison *cmp, size_t i);
/** @return the i-th column's result (owned as oa_comparison_new or
 *   oa_compare_scenarios says), or NULL for a failed run or a bad i. */
OA_API const oa_result *oa_comparison_result(const oa_comparison *cmp,
                                             size_t i);

/**
 * A what-if run: a copy of plan with the scenario applied, solved.  The
 * plan is not changed.  opts->start (for instance the base's roadmap)
 * starts the search where it is feasible for the changed plan.
 * @param[out] out the result, freed with oa_result_free (NULL on error)
 * @param[in] plan the plan the scenario changes
 * @param[in] sc the scenario, or NULL for the plan as it is
 * @param[in] opts solve options, or NULL for the defaults
 * @param[out] err the first error (may be NULL)
 * @param[out] errs every error of the scenario against the plan (may be
 *   NULL)
 * @return OA_OK; the codes of oa_plan_copy, oa_plan_apply_scenario and
 *   oa_solve
 */
OA_API OA_WARN_UNUSED int oa_solve_scenario(oa_result **out,
                                            const oa_plan *plan,
                                            const oa_scenario *sc,
                                            const oa_solve_opts *opts,
                                            oa_error *err,
                                            oa_error_list *errs);

/**
 * The base and each scenario applied alone to it, solved and put side by
 * side: what compare, report --compare and batch do.  Every scenario is
 * applied to a copy of the plan before anything is solved, so that a typo
 * costs no solve and every error is reported at once (in errs); each
 * scenario's search starts from the base's roadmap unless opts->start
 * says otherwise.  With opts->stability or opts->drop_price set (and no
 * opts->baseline), each scenario is solved against the base's roadmap as
 * its baseline: its moves and drops pay those prices, and the text shows
 * each change's price and what the changes gain.  Column titles are the scenarios' names, else their
 * files' names, else "scenario N".
 * @param[out] out the comparison, which owns its results (freed with
 *   oa_comparison_free)
 * @param[in] plan the base plan (not changed)
 * @param[in] scs n scenarios
 * @param[in] opts solve options for every run, or NULL for the defaults
 * @param[out] err the first error (may be NULL)
 * @param[out] errs every scenario error (may be NULL)
 * @return OA_OK; OA_EINVAL; the codes of oa_solve_scenario
 */
OA_API OA_WARN_UNUSED int oa_compare_scenarios(
    oa_comparison **out, const oa_plan *plan,
    const oa_scenario *const *scs, size_t n, const oa_solve_opts *opts,
    oa_error *err, oa_error_list *errs);

#ifdef __cplusplus
}
#endif

#endif
