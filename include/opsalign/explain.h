/*
 * libopsalign: explanations.
 *
 * oa_explain() answers the questions a roadmap raises: why an initiative
 * was rejected (what forcing it in would cost and displace, what extra
 * capacity or budget would let it in beside the roadmap, or that it can
 * never fit), why a scheduled one starts after its earliest start (what
 * blocks the earlier start, and what the delay costs), and where capacity
 * and budgets bind, ranked by what one more unit is worth.
 *
 * Every answer comes from re-solving the plan with one thing changed
 * (doc/explain.md): an explanation costs a few solves, each bounded by the
 * time limit of the options; a figure that rests on a solve stopped by
 * that limit is marked as not proven.
 */
#ifndef OPSALIGN_EXPLAIN_H
#define OPSALIGN_EXPLAIN_H

#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An explanation (opaque; freed with oa_explanation_free). */
typedef struct oa_explanation oa_explanation;

/** What an explained initiative is. */
typedef enum oa_explained_kind {
    OA_EXPLAINED_REJECTED = 0, /**< not in the roadmap */
    OA_EXPLAINED_DELAYED = 1,  /**< starts after its earliest start */
    OA_EXPLAINED_ON_TIME = 2   /**< named by the caller, starts on time */
} oa_explained_kind;

/** Options of oa_explain(). */
typedef struct oa_explain_opts {
    unsigned int version;    /**< OA_EXPLAIN_OPTS_VERSION */
    double time_limit;       /**< version 1 only: seconds per solve; 0:
                                  none (from version 2, solve.time_limit) */
    int bottlenecks;         /**< how many ranked rows to confirm by an
                                  exact re-solve with one more unit */
    int jobs;                /**< re-solves run at once (threads); 0 or 1:
                                  one after the other */
    unsigned int flags;      /**< version 1 only: OA_SOLVE_* flags for
                                  every solve (from version 2,
                                  solve.flags) */
    int cold;                /**< non-zero: every re-solve starts cold
                                  instead of from the roadmap (to measure
                                  what the warm starts are worth) */
    /* version 2 */
    oa_solve_opts solve;     /**< the options of every solve (time limit,
                                  flags, log...); its gap is raised to the
                                  explained roadmap's own gap, and its
                                  start is the roadmap unless cold */
} oa_explain_opts;

/** Current version of oa_explain_opts (1 is still accepted). */
#define OA_EXPLAIN_OPTS_VERSION 2
/** Defaults: 30 s per solve, the top 3 bottlenecks confirmed, 1 job. */
#define OA_EXPLAIN_OPTS_INIT                                                 \
    { OA_EXPLAIN_OPTS_VERSION, 30, 3, 1, 0u, 0,                              \
      { OA_SOLVE_OPTS_VERSION, 0, 30, 0, 0, NULL, NULL, NULL, NULL, 0u,      \
        NULL, 0, NULL, 0, NULL, 0, 0, 0, NULL } }

/**
 * Explains a plan's roadmap.
 * @param[out] out the explanation, owned by the caller
 * @param[in,out] plan the plan (validated if it is not yet; not changed)
 * @param[in] base the plan's solved result to explain, or NULL to solve
 *   it here; it must be a roadmap (optimal or feasible) of this plan
 * @param[in] ids initiatives to explain, or NULL (with n_ids 0) for every
 *   rejected and every delayed one
 * @param[in] n_ids how many ids
 * @param[in] opts options, or NULL for the defaults
 * @param[out] err what went wrong (may be NULL)
 * @return OA_OK; OA_EINVALID (the plan breaks a rule, or base is not a
 *   result of this plan); OA_ENOTFOUND (an
 *   id names no initiative); OA_ESTATE (the plan has no roadmap: it is
 *   infeasible, or no roadmap was found in time); OA_ESOLVER; OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_explain(oa_explanation **out, const oa_plan *plan,
                                     const oa_result *base,
                                     const char *const *ids, size_t n_ids,
                                     const oa_explain_opts *opts,
                                     oa_error *err);

/** Frees an explanation; NULL is allowed. */
OA_API void oa_explanation_free(oa_explanation *ex);

/** @return the roadmap explained (owned by the explanation). */
OA_API const oa_result *oa_explanation_result(const oa_explanation *ex);

/** One explained initiative. */
typedef struct oa_explained {
    const char *id, *name;   /**< name may be NULL */
    oa_explained_kind kind;
    /* rejected */
    int never_fits;          /**< 1: it cannot fit even with every other
                                  optional initiative dropped */
    double forcing_cost;     /**< objective lost by making it mandatory
                                  (NaN when it never fits) */
    int forcing_proven;      /**< 1: both optima proven */
    double extra_overtime, extra_contractors, extra_loans,
        extra_shortfall;     /**< change of the levers when forced, summed
                                  over units, resources and periods */
    int fits_beside;         /**< 1: it fits beside the roadmap unchanged,
                                  with more levers (needs are then empty) */
    double beside_cost;      /**< objective lost that way (levers cost more
                                  than it earns); NaN unless fits_beside */
    const char *excluded_by; /**< a scheduled initiative it excludes, or
                                  NULL */
    /* delayed */
    int start, earliest;     /**< its start and earliest allowed start */
    int delay;               /**< start - earliest */
    double delay_cost;       /**< benefit per period times the delay */
    const char *held_by;     /**< the required initiative whose finish (and
                                  lag) decides its start, or NULL */
    int earliest_possible;   /**< earliest start its requirements allow */
    double earlier_cost;     /**< objective lost by starting it earlier
                                  beside the roadmap (levers), NaN when
                                  blocked or held */
    const char *reason;      /**< when it cannot be placed as asked at all
                                  (rejected: beside the roadmap, or forced;
                                  delayed: earlier), the rule that forbids
                                  it, e.g. a requirement the roadmap
                                  schedules too late; else NULL */
} oa_explained;

/** @return the number of explained initiatives (in the plan's order). */
OA_API size_t oa_explanation_count(const oa_explanation *ex);
/** Copies the i-th. @return OA_OK, OA_EINVAL */
OA_API int oa_explanation_initiative(oa_explained *out,
                                     const oa_explanation *ex, size_t i);

/** A change forcing an initiative in makes to the roadmap. */
typedef struct oa_displaced {
    const char *id;
    int from;   /**< start in the roadmap; 0: it was not scheduled */
    int to;     /**< start when forced; 0: dropped */
} oa_displaced;

/** @return how many initiatives forcing the i-th one in moves or drops. */
OA_API size_t oa_explanation_displaced_count(const oa_explanation *ex,
                                             size_t i);
/** Copies the k-th change of the i-th. @return OA_OK, OA_EINVAL */
OA_API int oa_explanation_displaced(oa_displaced *out,
                                    const oa_explanation *ex, size_t i,
                                    size_t k);

/**
 * What the i-th needs: for a rejected initiative, the least extra
 * capacity or budget, row by row, that lets it in beside the roadmap
 * unchanged (or, when it never fits, that lets it in at all); for a
 * delayed one, the least extra that lets it start earlier.  Rows as in
 * the infeasibility diagnosis.
 */
OA_API size_t oa_explanation_need_count(const oa_explanation *ex, size_t i);
/** Copies the k-th need of the i-th. @return OA_OK, OA_EINVAL */
OA_API int oa_explanation_need(oa_deficit *out, const oa_explanation *ex,
                               size_t i, size_t k);
/** @return 1 if the needs of the i-th are a proven least. */
OA_API int oa_explanation_need_proven(const oa_explanation *ex, size_t i);

/* oa_bottleneck is declared in solve.h (oa_result_bottlenecks). */

/** @return the number of bottlenecks, most valuable first. */
OA_API size_t oa_explanation_bottleneck_count(const oa_explanation *ex);
/** Copies the k-th. @return OA_OK, OA_EINVAL */
OA_API int oa_explanation_bottleneck(oa_bottleneck *out,
                                     const oa_explanation *ex, size_t k);

/**
 * Writes an explanation: OA_FORMAT_TEXT reads as sentences,
 * OA_FORMAT_XML follows the explanation schema (doc/explain.md).
 * @param[out] out the text, freed with oa_free()
 * @return OA_OK, OA_EINVAL (CSV is not a format of explanations),
 *   OA_ENOMEM
 */
OA_API int oa_explanation_write(char **out, size_t *size,
                                const oa_explanation *ex, oa_format format);
/**
 * Writes an explanation to a file atomically.
 * @return OA_OK, OA_EINVAL, OA_EIO (err names the path), OA_ENOMEM
 */
OA_API int oa_explanation_save(const oa_explanation *ex, const char *path,
                               oa_format format, oa_error *err);

#ifdef __cplusplus
}
#endif

#endif
