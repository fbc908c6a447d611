/*
 * libopsalign: solving a plan, and the result.
 *
 * oa_solve() turns a valid plan into the mixed-integer program of model.md,
 * solves it with GLPK and returns an oa_result: the roadmap (which
 * initiatives, when), the load of every unit, resource and period, the
 * spend against every budget, the marginal value of capacity, and for an
 * infeasible plan the least extra capacity or budget that would make it
 * fit.  A result is self-contained: it can be written, read back and
 * compared without the plan.
 */
#ifndef OPSALIGN_SOLVE_H
#define OPSALIGN_SOLVE_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The result (opaque, owned by the caller). */
typedef struct oa_result oa_result;

/** What a solve established. */
typedef enum oa_status {
    OA_STATUS_OPTIMAL = 0,     /**< a roadmap proven optimal (within gap) */
    OA_STATUS_FEASIBLE = 1,    /**< a roadmap; a limit stopped the proof */
    OA_STATUS_RELAXED = 2,     /**< the LP relaxation (--relax) */
    OA_STATUS_INFEASIBLE = 3,  /**< mandatory work cannot fit */
    OA_STATUS_NO_SOLUTION = 4  /**< no roadmap found within the limits */
} oa_status;

/** @return "optimal", "feasible", "relaxed", "infeasible", "no-solution". */
OA_API const char *oa_status_name(oa_status status);

/** What ended the search. */
typedef enum oa_stop {
    OA_STOP_DONE = 0,    /**< it ran to its end: proven optimal (within
                              the tie-break), infeasible or relaxed */
    OA_STOP_GAP = 1,     /**< a roadmap within oa_solve_opts.gap */
    OA_STOP_TIME = 2,    /**< the time limit */
    OA_STOP_CALLER = 3,  /**< the progress callback asked to stop */
    OA_STOP_WORK = 4,    /**< the work limit (oa_solve_opts.work_limit) */
    OA_STOP_INTERRUPT = 5 /**< an interrupt (oa_interrupt_raise: SIGINT
                               or SIGTERM in the CLI) */
} oa_stop;

/** @return "done", "gap", "time-limit", "caller", "work-limit",
 * "interrupt". */
OA_API const char *oa_stop_name(oa_stop stop);

/** Progress of a running solve, passed to oa_solve_opts.progress. */
typedef struct oa_progress {
    double elapsed;      /**< seconds since the solve started */
    int has_incumbent;   /**< a roadmap has been found */
    double incumbent;    /**< its objective (if has_incumbent) */
    double bound;        /**< best bound on the optimum */
    double gap;          /**< relative gap (if has_incumbent) */
    long nodes;          /**< branch-and-bound nodes so far */
} oa_progress;

/**
 * Called now and then during a solve (between nodes).
 * @return 0 to go on, non-zero to stop (the best roadmap so far is kept)
 */
typedef int (*oa_progress_fn)(const oa_progress *progress, void *data);

/**
 * A flag that stops running solves: oa_interrupt_raise() is
 * async-signal-safe and may be called from a signal handler or another
 * thread while solves that were given the flag (oa_solve_opts.interrupt)
 * run; they stop at their next check (between branch-and-bound nodes,
 * heuristic steps or LPs: a single LP of GLPK runs to its end) and return
 * their best roadmap with its bound and gap, stopped by OA_STOP_INTERRUPT.
 * Solves started while it is raised stop at once.
 */
typedef struct oa_interrupt oa_interrupt;

/** A new flag, not raised. @return OA_OK, OA_EINVAL, OA_ENOMEM */
OA_API OA_WARN_UNUSED int oa_interrupt_new(oa_interrupt **out);
/** Frees a flag (no solve may still use it); NULL is allowed. */
OA_API void oa_interrupt_free(oa_interrupt *flag);
/** Raises the flag (async-signal-safe; NULL is ignored). */
OA_API void oa_interrupt_raise(oa_interrupt *flag);
/** Lowers the flag, for the next solves (NULL is ignored). */
OA_API void oa_interrupt_clear(oa_interrupt *flag);
/** @return 1 when the flag is raised, 0 when not or NULL. */
OA_API int oa_interrupt_raised(const oa_interrupt *flag);

/**
 * Actuals: what happened before the period a plan is re-planned from
 * (doc/plan-format.md, "Actuals"): when initiatives actually started, and
 * the overtime, contractors, loans received and run work left undone of
 * each unit, resource and period.  Read against a plan (ids and periods
 * are checked at their lines); a solve re-planned as of a period
 * (oa_solve_opts.actuals and as_of) fixes the past from them.
 */
typedef struct oa_actuals oa_actuals;

/**
 * Reads actuals from a file against a plan (borrowed only while reading).
 * @param[out] out the actuals, freed with oa_actuals_free (NULL on error)
 * @param opts reader options (size caps), or NULL
 * @param[out] err the first error (may be NULL)
 * @param[out] all every error, at file and line (may be NULL)
 * @return OA_OK; OA_EIO, OA_ELIMIT, OA_EPARSE, OA_EINVALID (unknown ids,
 *   periods, an initiative started twice, levers given twice); OA_EINVAL
 *   (a NULL, or a plan without a horizon); OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_actuals_read_file(oa_actuals **out,
                                               const char *path,
                                               const oa_plan *plan,
                                               const oa_read_opts *opts,
                                               oa_error *err,
                                               oa_error_list *all);
/** Reads actuals from memory (source names them in errors); as
 * oa_actuals_read_file. */
OA_API OA_WARN_UNUSED int oa_actuals_read_memory(oa_actuals **out,
                                                 const char *data,
                                                 size_t size,
                                                 const char *source,
                                                 const oa_plan *plan,
                                                 const oa_read_opts *opts,
                                                 oa_error *err,
                                                 oa_error_list *all);
/** Frees actuals; NULL is allowed. */
OA_API void oa_actuals_free(oa_actuals *actuals);
/** @return the XML schema of actuals, as built into the library. */
OA_API const char *oa_actuals_schema(void);

/** Receives the solver's log, a piece of text at a time. */
typedef void (*oa_log_fn)(const char *text, void *data);

/** Options of oa_solve(). */
typedef struct oa_solve_opts {
    unsigned int version;   /**< OA_SOLVE_OPTS_VERSION */
    int relax;              /**< non-zero: solve the LP relaxation */
    double time_limit;      /**< seconds; 0: none */
    double gap;             /**< relative gap to stop at, in [0, 1) (0.05
                                 means 5 %): the search stops at the first
                                 roadmap proven within it; 0: proven
                                 optimum */
    int verbosity;          /**< 0: silent; 1: solver log to log */
    oa_log_fn log;          /**< receives the solver log (may be NULL) */
    void *log_data;
    oa_progress_fn progress;/**< progress callback (may be NULL) */
    void *progress_data;
    unsigned int flags;     /**< OA_SOLVE_* switches for tuning; 0: the
                                 measured defaults */
    /* version 2 */
    const oa_result *start; /**< a roadmap to start the search from (a
                                 result of this plan or of an edit of it
                                 with the same initiatives), or NULL; used
                                 only if it is feasible for this plan */
    /* version 3 */
    double work_limit;      /**< work units (about one simplex iteration
                                 each; 20,000 are about a second on a
                                 current core); 0: none.  With it the
                                 search stops on work, not on the clock,
                                 and every choice it makes is measured in
                                 work: the same plan, options and library
                                 version give the same result on any
                                 machine under any load (time_limit, if
                                 also set, still stops it, and the result
                                 says which limit did) */
    /* version 4 */
    oa_interrupt *interrupt;/**< a flag that stops the solve when raised
                                 (may be NULL) */
    /* version 5 */
    size_t max_nonzeros;    /**< cap on the size of the model (nonzeros of
                                 the constraint matrix, and columns): a
                                 bigger model is refused with OA_ELIMIT
                                 while it is built, before memory runs
                                 out; 0: OA_SOLVE_DEFAULT_MAX_NONZEROS;
                                 SIZE_MAX: none */
    /* version 6 */
    const oa_result *baseline; /**< re-planning: a roadmap of this plan
                                 (or of an earlier version of it: matched
                                 by ids and period labels), or NULL */
    int as_of;              /**< with baseline, the first period to
                                 re-plan (1-based, 1..P): an initiative the
                                 baseline started before it keeps its
                                 start, no other starts before it, and
                                 the overtime, contractors, loans received
                                 and shortfall of each unit before it are
                                 the baseline's; 0: nothing is fixed (the
                                 baseline only prices moves, below) */
    /* version 7 */
    double stability;       /**< with baseline: money per period that an
                                 initiative the baseline started moves,
                                 earlier or later (the objective's
                                 OA_TERM_STABILITY); 0: moves are free.
                                 oa_initiative_set_stability overrides it
                                 per initiative */
    double drop_price;      /**< with baseline: money when an initiative
                                 the baseline started is not scheduled;
                                 0: stability times the periods of the
                                 horizon (a move across all of it) */
    /* version 8 */
    const oa_actuals *actuals; /**< re-planning from actuals: with as_of,
                                 the past is fixed from them instead of
                                 from baseline (which, if also given,
                                 only prices moves); they may name no
                                 period from as_of on.  NULL: none */
} oa_solve_opts;

/** Default cap on the nonzeros of a model (a plan of 16,000 initiatives
 * over 12 months has about 1.3 million; building 10 million takes about
 * 1 GB before the solver's own copy). */
#define OA_SOLVE_DEFAULT_MAX_NONZEROS ((size_t)10000000)

/** Flag: no greedy roadmaps handed to branch-and-bound (GLPK's MIP
 * presolver stays on then). */
#define OA_SOLVE_NO_HEURISTIC 0x1u
/** Flag: pseudocost branching with best-projection backtracking, whatever
 * the plan's size.  By default the library uses it for plans of up to 300
 * initiatives and GLPK's own rules (Driebeck-Tomlin, best local bound)
 * above (benchmarks/README.md has the measurements). */
#define OA_SOLVE_PSEUDOCOST 0x2u
/** Flag: all of GLPK's cutting planes (Gomory, MIR, cover, clique),
 * whatever the plan's size.  By default the library uses MIR, cover and
 * clique cuts for plans of up to 300 initiatives and none above. */
#define OA_SOLVE_CUTS 0x4u
/** Flag: clique rows of starts that can never run together (their demand
 * in some period is over half of what the unit could ever have). */
#define OA_SOLVE_CLIQUES 0x8u
/** Flag: GLPK's own branching rules whatever the plan's size (overrides
 * the default choice; OA_SOLVE_PSEUDOCOST wins over it). */
#define OA_SOLVE_GLPK_BRANCHING 0x10u
/** Flag: no cutting planes at all (OA_SOLVE_CUTS wins over it). */
#define OA_SOLVE_NO_CUTS 0x20u
/** Flag: no large-neighbourhood search (by default it runs for plans of
 * over 100 initiatives, and alone where the root LP does not finish). */
#define OA_SOLVE_NO_LNS 0x40u

/** Flag: no cover cuts.  GLPK's cover-cut generator keeps static state,
 * so two solves that run it at once in one process race: explain sets
 * this flag for its re-solves when it runs them in threads (-j), and a
 * solve that starts while another of the process is in branch-and-bound
 * leaves cover cuts off by itself. */
#define OA_SOLVE_NO_COVER_CUTS 0x80u

/** Current version of oa_solve_opts. */
#define OA_SOLVE_OPTS_VERSION 8
/** Initializer with the defaults: MIP, no limits, proven optimum, silent. */
#define OA_SOLVE_OPTS_INIT { OA_SOLVE_OPTS_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0u, NULL, 0, NULL, 0, NULL, 0, 0, 0, NULL }

/**
 * Solves a plan.  The plan is validated first if it is not yet.
 * Infeasible plans are results too (status OA_STATUS_INFEASIBLE, with the
 * elastic diagnosis), and so is running out of time without a roadmap
 * (OA_STATUS_NO_SOLUTION).
 * @param[out] out the result, owned by the caller (oa_result_free)
 * @param[in] plan the plan
 * @param[in] opts options, or NULL for the defaults
 * @param[out] err what went wrong (may be NULL)
 * @return OA_OK; OA_EINVAL (a NULL, an unknown options version, a time
 *   limit below 0, a gap outside [0, 1), a stability price below 0 or
 *   not finite); OA_EINVALID (the plan breaks
 *   a rule: err has the first error, oa_plan_validate() all of them);
 *   OA_ENOMEM; OA_ESOLVER (GLPK failed)
 */
OA_API OA_WARN_UNUSED int oa_solve(oa_result **out, const oa_plan *plan,
                                   const oa_solve_opts *opts, oa_error *err);

/** Formats of oa_plan_export(). */
typedef enum oa_export_format {
    OA_EXPORT_LP = 0,   /**< CPLEX LP */
    OA_EXPORT_MPS = 1   /**< free MPS */
} oa_export_format;

/**
 * Writes the exact model oa_solve() would hand to the solver (maximize;
 * the MIP, without the earlier-start tie-break), atomically.
 * @return OA_OK, OA_EINVALID, OA_EIO, OA_ESOLVER
 */
OA_API int oa_plan_export(const oa_plan *plan, const char *path,
                          oa_export_format format, oa_error *err);

/** The size of the model oa_solve() builds for a plan. */
typedef struct oa_model_size {
    size_t rows;        /**< constraints */
    size_t columns;     /**< variables */
    size_t binaries;    /**< of which 0/1 (initiative starts) */
    size_t nonzeros;    /**< coefficients of the constraint matrix */
} oa_model_size;

/**
 * Builds the model of a valid plan, as oa_solve() would (default
 * options), and reports its size without solving it.
 * @param[out] out the size
 * @return OA_OK, OA_EINVALID, OA_ENOMEM
 */
OA_API int oa_plan_model_size(oa_model_size *out, const oa_plan *plan,
                              oa_error *err);

/* ---- The result ---- */

/** Frees a result; NULL is allowed. */
OA_API void oa_result_free(oa_result *result);

/** @return the status. */
OA_API oa_status oa_result_status(const oa_result *result);
/** @return the objective of model.md (value gained less lever costs);
 * NaN when there is no roadmap (infeasible, no solution) and for NULL. */
OA_API double oa_result_objective(const oa_result *result);
/** @return the best bound on the optimum (equals the objective when
 * optimal); NaN when none is known (infeasible, or stopped before one). */
OA_API double oa_result_bound(const oa_result *result);
/** @return the relative gap between objective and bound (0 when optimal);
 * NaN when there is no roadmap or no bound. */
OA_API double oa_result_gap(const oa_result *result);
/** @return what ended the search (OA_STOP_DONE for NULL). */
OA_API oa_stop oa_result_stop(const oa_result *result);
/** @return the work the solve did (units of oa_solve_opts.work_limit). */
OA_API double oa_result_work(const oa_result *result);
/** @return wall-clock seconds the solve took (0 for a result read from a
 * file of a work-limited solve, which leaves them out to be repeatable). */
OA_API double oa_result_seconds(const oa_result *result);
/** @return the plan's name, or NULL. */
OA_API const char *oa_result_plan_name(const oa_result *result);
/** @return the name of the scenario the result was solved under
 * (oa_solve_scenario), or NULL. */
OA_API const char *oa_result_scenario(const oa_result *result);
/** @return the file that scenario was read from, or NULL. */
OA_API const char *oa_result_scenario_file(const oa_result *result);
/** @return the period a re-planned result was re-planned from
 * (oa_solve_opts.as_of with a baseline), 0 if it was not. */
OA_API int oa_result_as_of(const oa_result *result);
/** @return the initiatives a re-planned result kept where the baseline
 * started them (before as_of). */
OA_API int oa_result_kept(const oa_result *result);
/** @return the plan's currency, or NULL. */
OA_API const char *oa_result_currency(const oa_result *result);

/** An initiative whose start differs from a baseline's (a result solved
 * with oa_solve_opts.baseline). */
typedef struct oa_move {
    const char *id;
    int from;             /**< its start in the baseline; 0: the baseline
                               did not schedule it (added) */
    int to;               /**< its start now; 0: dropped */
    double price;         /**< what OA_TERM_STABILITY charged for it */
    double value;         /**< what its own term of the objective changed
                               (oa_initiative_result.value now less what
                               it would be at the baseline's start) */
} oa_move;

/** @return 1 if the result was solved against a baseline, else 0. */
OA_API int oa_result_has_baseline(const oa_result *result);
/** @return the objective the baseline's roadmap would have on this plan
 * (its starts kept, the levers re-optimized, no stability prices); NaN
 * when it does not fit this plan, was not evaluated (the time limit left
 * no time for its LP), or without a baseline. */
OA_API double oa_result_baseline_objective(const oa_result *result);
/** @return 1 if the baseline's roadmap fits this plan, 0 if it does not
 * (a start this plan rules out, or no lever amounts that carry it), -1
 * when not known (not evaluated, or no baseline). */
OA_API int oa_result_baseline_fits(const oa_result *result);
/** @return the number of moves against the baseline (0 without one). */
OA_API size_t oa_result_move_count(const oa_result *result);
/** Copies the i-th move (in the plan's order of initiatives).
 * @return OA_OK, OA_EINVAL */
OA_API int oa_result_move(oa_move *out, const oa_result *result, size_t i);
/** @return the number of periods. */
OA_API int oa_result_period_count(const oa_result *result);
/** @return the label of period t (1-based), or NULL. */
OA_API const char *oa_result_period_label(const oa_result *result, int t);

/**
 * The terms of the objective (model.md), which add up to it: what the
 * initiatives bring, less what the levers cost and the penalties of run
 * work left undone.
 */
typedef enum oa_term {
    OA_TERM_VALUE = 0,       /**< the plan values of the initiatives chosen */
    OA_TERM_BENEFIT = 1,     /**< benefit per period after they finish */
    OA_TERM_SCORE = 2,       /**< weighted objective scores */
    OA_TERM_OVERTIME = 3,    /**< overtime's cost (negative) */
    OA_TERM_CONTRACTORS = 4, /**< contractors' cost (negative) */
    OA_TERM_LOANS = 5,       /**< loans' cost (negative) */
    OA_TERM_SHORTFALL = 6,   /**< service-level penalties of run work left
                                  undone (negative) */
    OA_TERM_STABILITY = 7    /**< prices of the baseline's initiatives
                                  moved or dropped (negative; only with
                                  oa_solve_opts.baseline) */
} oa_term;

/** How many kinds of oa_term there are. */
#define OA_TERM_COUNT 8

/** @return "value", "benefit", "score", "overtime", "contractors",
 * "loans", "shortfall", "stability"; NULL for another number. */
OA_API const char *oa_term_name(oa_term term);

/**
 * One term of the objective; the OA_TERM_COUNT terms add up to
 * oa_result_objective() (within 1e-9 relative).
 * @return the amount (costs and penalties negative); NaN when the result
 *   has no roadmap, was read from a file without terms, or term is not an
 *   oa_term
 */
OA_API double oa_result_term(const oa_result *result, oa_term term);

/** An initiative in the result. */
typedef struct oa_initiative_result {
    const char *id, *name, *owner; /**< name and owner may be NULL */
    int scheduled;        /**< 1 if chosen */
    int start, finish;    /**< 1-based periods; 0 when not scheduled */
    int earliest;         /**< earliest start allowed (after requires) */
    int delay;            /**< start - earliest when scheduled */
    double fraction;      /**< share funded: 0 or 1, in (0,1) when relaxed */
    double value;         /**< its term of the objective:
                               fraction * plan_value + benefit + score */
    double cost;          /**< its spend */
    int mandatory;        /**< 1 if mandatory, 2 if pinned to its start
                               (oa_initiative_set_pin), else 0 */
    double plan_value;    /**< the plan's value of it (also when rejected) */
    double benefit;       /**< benefit per period times the periods left
                               after it finishes (times fraction) */
    double score;         /**< its weighted objective scores (times
                               fraction) */
} oa_initiative_result;

/** @return the number of initiatives (all of the plan's, in its order). */
OA_API size_t oa_result_initiative_count(const oa_result *result);
/** Copies the i-th initiative. @return OA_OK, OA_EINVAL */
OA_API int oa_result_initiative(oa_initiative_result *out,
                                const oa_result *result, size_t i);
/** Finds an initiative by id. @return OA_OK, OA_EINVAL, OA_ENOTFOUND */
OA_API int oa_result_find_initiative(oa_initiative_result *out,
                                     const oa_result *result,
                                     const char *id);

/**
 * The load of one unit, resource and period.  The unit's work is
 * run + effects - shortfall + change; it is covered by capacity, overtime,
 * contractors and loans in (as received, after efficiency) less loans out.
 */
typedef struct oa_load {
    const char *unit, *resource;
    int period;            /**< 1-based */
    double capacity;
    double run;            /**< operating plans' demand */
    double effects;        /**< change of run demand by finished initiatives */
    double shortfall;      /**< run work left undone (service levels) */
    double change;         /**< initiatives' demand */
    double overtime, contractors;
    double loan_in;        /**< received, after efficiency */
    double loan_out;       /**< lent */
    double utilization;    /**< (run + effects - shortfall + change) /
                                capacity; NaN when capacity is 0 */
    double shadow_price;   /**< objective value of one more unit of
                                capacity, local to this roadmap; NaN if
                                not computed */
    double shortfall_cost; /**< the service-level penalty of shortfall */
} oa_load;

/** @return the number of loads (units x resources x periods). */
OA_API size_t oa_result_load_count(const oa_result *result);
/** Copies the i-th load. @return OA_OK, OA_EINVAL */
OA_API int oa_result_load(oa_load *out, const oa_result *result, size_t i);

/** Which budget a spend row is about. */
typedef enum oa_budget_kind {
    OA_BUDGET_TOTAL = 0,   /**< the year's total (or all spend if none) */
    OA_BUDGET_RANGE = 1,   /**< a <limit> over from..to */
    OA_BUDGET_UNIT = 2     /**< a unit's budget */
} oa_budget_kind;

/** Spend against a budget. */
typedef struct oa_spend {
    oa_budget_kind kind;
    const char *unit;      /**< for OA_BUDGET_UNIT */
    int from, to;          /**< 1-based periods covered */
    int has_limit;         /**< 0 when no limit was set (total only) */
    double limit;
    double spend;          /**< all of the below */
    double operating, initiatives, overtime, contractors, loans;
    double adjustment;     /**< re-planned from actuals with <spend>: the
                                money spent before the period re-planned
                                from less what the parts above give for
                                those periods at the plan's prices (0
                                otherwise) */
    double shadow_price;   /**< value of one more unit of money; NaN if
                                not computed */
} oa_spend;

/** A capacity range or budget that binds, with what more of it is worth
 * (oa_result_bottlenecks; oa_explanation_bottleneck confirms them). */
typedef struct oa_bottleneck {
    int is_budget;           /**< 0: capacity of unit, resource, from..to */
    const char *unit, *resource;
    oa_budget_kind budget;   /**< for budgets */
    int from, to;            /**< 1-based periods */
    double marginal;         /**< shadow price: one more unit in every
                                  period of the range (per unit of money for
                                  budgets), local to the roadmap */
    double value;            /**< exact gain of the objective with one more
                                  unit in every period, by a re-solve; NaN
                                  when not confirmed */
    int proven;              /**< 1: value rests on proven optima */
} oa_bottleneck;

/**
 * The bottlenecks of a result, the one definition that the text, XML and
 * HTML writers and explanations share: every unit's resource whose
 * capacity row binds (a positive shadow price, or the work takes all the
 * capacity and every lever used), as ranges of consecutive periods, and
 * every budget with a limit that binds (a positive shadow price, or spent
 * to the limit).  Most valuable first: marginal value, then longer ranges,
 * earlier periods, capacity before budgets.  value is NaN and proven 0 (a
 * re-solve by oa_explain confirms them).
 * @param[out] out the array, freed with oa_free(); its strings belong to
 *   the result; NULL when there are none
 * @param[out] n how many
 * @param[in] result a result
 * @return OA_OK, OA_EINVAL (a NULL), OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_result_bottlenecks(oa_bottleneck **out,
                                                size_t *n,
                                                const oa_result *result);

/** @return the number of spend rows: all spend of the horizon first
 * (OA_BUDGET_TOTAL, from 1 to P, with the total budget's limit when the
 * horizon is one year), then the total budget of each year of a longer
 * horizon, the range limits, and for each unit its spend over the horizon
 * (with its budget's limit for a one-year horizon) followed by its yearly
 * and ranged budgets (plan-format.md "Years"). */
OA_API size_t oa_result_spend_count(const oa_result *result);
/** Copies the i-th spend row. @return OA_OK, OA_EINVAL */
OA_API int oa_result_spend(oa_spend *out, const oa_result *result, size_t i);
/** @return the number of periods with a spend row (all of them when the
 * result has a roadmap, else 0). */
OA_API size_t oa_result_period_spend_count(const oa_result *result);
/** Copies the spend of period i + 1: all of it, by kind (kind
 * OA_BUDGET_RANGE, from = to = the period, no limit).
 * @return OA_OK, OA_EINVAL */
OA_API int oa_result_period_spend(oa_spend *out, const oa_result *result,
                                  size_t i);

/** One row that needs more in an infeasible plan. */
typedef struct oa_deficit {
    int is_budget;         /**< 0: capacity of unit, resource, period */
    const char *unit, *resource;
    int period;
    oa_budget_kind budget; /**< for budgets */
    int from, to;
    double amount;         /**< missing capacity (resource units) or money */
} oa_deficit;

/** @return the least total deficit (0 unless infeasible). */
OA_API double oa_result_deficit(const oa_result *result);
/** @return 1 if that least is proven, 0 if the best found in time. */
OA_API int oa_result_deficit_proven(const oa_result *result);
/** @return the number of rows with a deficit. */
OA_API size_t oa_result_deficit_count(const oa_result *result);
/** Copies the i-th deficit row. @return OA_OK, OA_EINVAL */
OA_API int oa_result_deficit_row(oa_deficit *out, const oa_result *result,
                                 size_t i);

/** An initiative held at its start (pinned, or kept by a re-plan as of a
 * period) whose work or spend lands on a row of an infeasible plan that
 * needs more: the pins that do not fit together. */
typedef struct oa_held {
    size_t deficit;        /**< the deficit row (oa_result_deficit_row) */
    const char *id;
    int start;             /**< 1-based */
    int kept;              /**< 1: kept by the re-plan, 0: pinned */
    double amount;         /**< its work on that capacity row (resource
                                units), or its spend inside that budget */
} oa_held;

/** @return the number of held initiatives on rows with a deficit (in the
 * order of the deficit rows, then of the plan). */
OA_API size_t oa_result_held_count(const oa_result *result);
/** Copies the i-th. @return OA_OK, OA_EINVAL */
OA_API int oa_result_held(oa_held *out, const oa_result *result, size_t i);

/* ---- Writing and reading results ---- */

/** Output formats of a result. */
typedef enum oa_format {
    OA_FORMAT_TEXT = 0,  /**< for people: roadmap, loads, spend, bottlenecks */
    OA_FORMAT_XML = 1,   /**< the result schema; read back by the library */
    OA_FORMAT_CSV = 2,   /**< roadmap and loads, for spreadsheets */
    OA_FORMAT_SVG = 3,   /**< a chart (sweeps only) */
    OA_FORMAT_XLSX = 4   /**< a workbook (results and comparisons): a
                              README sheet, then the tables of
                              oa_result_save_tables (of the CSV of a
                              comparison), one sheet each (binary) */
} oa_format;

/**
 * Writes a result into a new string.
 * @param[out] out the text, freed with oa_free(); NULL on failure
 * @param[out] size its length (may be NULL)
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_result_write(char **out, size_t *size, const oa_result *result,
                           oa_format format);

/**
 * Writes a result to a file atomically: a complete new file, or the old
 * one untouched.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM, OA_EIO
 */
OA_API int oa_result_save(const oa_result *result, const char *path,
                          oa_format format, oa_error *err);

/**
 * Writes one of the tables oa_result_save_tables() writes, as CSV text
 * with its header row (doc/cli.md "Tables"): "summary", "terms",
 * "roadmap", "left-out", "loads", "levers", "spend", "bottlenecks", and
 * "deficits" for a plan that cannot fit.
 * @param[out] out the text, freed with oa_free(); NULL on failure
 * @param[out] size its length (may be NULL)
 * @return OA_OK, OA_EINVAL (a NULL), OA_ENOTFOUND (no such table in this
 *   result), OA_ENOMEM
 */
OA_API int oa_result_write_table(char **out, size_t *size,
                                 const oa_result *result, const char *name);

/**
 * Saves a result as tables, one per file, for spreadsheets: in the folder
 * dir (created when missing) summary.csv, terms.csv (the objective as the
 * sum of its terms), roadmap.csv, left-out.csv, loads.csv, levers.csv,
 * spend.csv (every budget, then every period), bottlenecks.csv, and
 * deficits.csv when the plan cannot fit.  UTF-8 CSV with a header row
 * (doc/cli.md "Tables" lists the columns); each file is written
 * atomically.
 * @param format OA_FORMAT_CSV
 * @return OA_OK, OA_EINVAL, OA_ENOMEM, OA_EIO (err names the file)
 */
OA_API int oa_result_save_tables(const oa_result *result, const char *dir,
                                 oa_format format, oa_error *err);

/**
 * Reads a result written as XML.
 * @return OA_OK, OA_EIO, OA_ELIMIT, OA_EPARSE, OA_EINVALID
 */
OA_API OA_WARN_UNUSED int oa_result_read_file(oa_result **out,
                                              const char *path,
                                              oa_error *err);
/**
 * Reads a result from memory (source names it in errors).
 * @return OA_OK; OA_EPARSE, OA_EINVALID (err says where); OA_ELIMIT;
 *   OA_EINVAL; OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_result_read_memory(oa_result **out,
                                                const char *data, size_t size,
                                                const char *source,
                                                oa_error *err);
/** @return the XML schema of results, as built into the library. */
OA_API const char *oa_result_schema(void);

#ifdef __cplusplus
}
#endif

#endif
