/*
 * libopsalign: the in-memory plan.
 *
 * An oa_plan holds everything of plan-format.md: the horizon, resources,
 * objectives, units with their capacity and levers, operating plans,
 * initiatives, loans, the budget and the people.  A program builds it
 * element by element, or oa_plan_read_file() builds it from XML; the two
 * are the same calls.
 *
 * Building never judges the plan: every add call stores what it is given
 * (it fails only on misuse such as a NULL id, or out of memory).  Every
 * string (ids, names, labels, units of measure) must be valid UTF-8
 * without control characters (C0, DEL, C1) or the noncharacters U+FFFE
 * and U+FFFF that XML cannot hold: a line break in a name would
 * break every text, CSV and HTML written from it, so setters refuse such
 * strings with OA_EINVAL and readers report them with their line.  Then
 * oa_plan_validate() applies every rule of the format at once and reports
 * every problem with the line of the element that has it.  Lines come from
 * oa_plan_set_line(): each element added records the line set last, so a
 * program that builds plans from its own files can point its users at
 * them too.
 *
 * Ownership: the plan owns every element and every string stored in it;
 * strings passed in are copied.  Element handles (oa_unit, oa_initiative,
 * ...) and strings returned by getters are borrowed: valid while the plan
 * lives and, for strings, until the same attribute is set again.
 * Period references are strings: a label ("2027-03") or a 1-based index
 * ("3"), resolved by oa_plan_check() as details 1 of the format says;
 * NULL means the default (first period for from, last period for to).
 *
 * Return codes: unless its comment says otherwise, every oa_*_set_* and
 * oa_*_add_* function returns OA_OK, OA_EINVAL (a NULL handle or a
 * required argument missing) or OA_ENOMEM.  Values are not judged here:
 * oa_plan_check() applies every rule, with the line each element was
 * added at (oa_plan_set_line()).
 */
#ifndef OPSALIGN_PLAN_H
#define OPSALIGN_PLAN_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The plan (opaque). */
typedef struct oa_plan oa_plan;
/** A unit of a plan (opaque, borrowed from its plan). */
typedef struct oa_unit oa_unit;
/** An operating plan (opaque, borrowed from its plan). */
typedef struct oa_operating_plan oa_operating_plan;
/** An initiative (opaque, borrowed from its plan). */
typedef struct oa_initiative oa_initiative;
/** A person of the roster (opaque, borrowed from its plan). */
typedef struct oa_person oa_person;

/** How a generated horizon steps from one period to the next. */
typedef enum oa_step {
    OA_STEP_MONTH = 0,   /**< labels 2027-01, 2027-02, ... */
    OA_STEP_QUARTER = 1, /**< labels 2027-Q1, 2027-Q2, ... */
    OA_STEP_WEEK = 2     /**< ISO weeks 2027-W01, ... */
} oa_step;

/** Largest horizon, in periods (ten years of weeks). */
#define OA_MAX_PERIODS 520
/** Largest number of capacity cells (units x resources x periods): 1,000
 * units with 10 resources over 520 weeks have 5.2 million. */
#define OA_MAX_CELLS 10000000
/** Largest magnitude of any number in a plan (quantities and money). */
#define OA_MAX_NUMBER 1e12
/** Passed as an away period's fte: the person is away entirely. */
#define OA_AWAY_ALL (-1.0)

/* ---- Views: plain copies of leaf elements, returned by the getters ---- */

/** A resource (kind of capacity). */
typedef struct oa_resource_info {
    const char *id, *name, *measure; /**< name and measure may be NULL */
    int line;                        /**< source line, -1 if none */
} oa_resource_info;

/** A corporate objective. */
typedef struct oa_objective_info {
    const char *id, *name;
    double weight;
    int line;
} oa_objective_info;

/** Capacity of a unit for a resource over a range of periods. */
typedef struct oa_capacity_info {
    const char *resource;
    double value;
    const char *from, *to; /**< period references, NULL = default */
    int line;
} oa_capacity_info;

/** Overtime: up to max x capacity more, at cost per unit per period. */
typedef struct oa_overtime_info {
    const char *resource;
    double max, cost;
    int line;
} oa_overtime_info;

/** Contractors: up to max per period within from..to, at cost each. */
typedef struct oa_contractors_info {
    const char *resource;
    double max, cost;
    const char *from, *to;
    int line;
} oa_contractors_info;

/** A unit's budget: for each year of the horizon (from and to NULL), or
 * for the range from..to. */
typedef struct oa_unit_budget_info {
    double value;
    int line;
    const char *from, *to;  /**< period references, or NULL */
} oa_unit_budget_info;

/** Operating-plan demand: a value, or volume / productivity. */
typedef struct oa_demand_info {
    const char *resource;
    int driver;                 /**< 0: value; 1: volume / productivity */
    double value;               /**< demand per period (driver: computed) */
    double volume, productivity;/**< driver-based demand only */
    const char *from, *to;
    int line;
} oa_demand_info;

/** A goal target (KPI) of an operating plan. */
typedef struct oa_target_info {
    const char *name, *measure;
    double value;
    int line;
} oa_target_info;

/** Demand of an initiative on a unit, in its periods first..last. */
typedef struct oa_initiative_demand_info {
    const char *unit, *resource;
    double value;
    int first, last;   /**< 1-based periods of the initiative; 0 = default */
    int line;
} oa_initiative_demand_info;

/** An initiative's contribution to an objective. */
typedef struct oa_contribution_info {
    const char *objective;
    double score;
    int line;
} oa_contribution_info;

/** This initiative requires another, finished lag periods before. */
typedef struct oa_requirement_info {
    const char *initiative;
    int lag;
    int line;
} oa_requirement_info;

/** This initiative excludes another. */
typedef struct oa_exclusion_info {
    const char *initiative;
    int line;
} oa_exclusion_info;

/** Change of a unit's run demand after the initiative finishes. */
typedef struct oa_effect_info {
    const char *unit, *resource;
    double value;      /**< negative frees capacity */
    int line;
} oa_effect_info;

/** Staff sharing: from may lend to to up to max per period. */
typedef struct oa_loan_info {
    const char *from, *to, *resource;
    double max, efficiency, cost;
    int line;
} oa_loan_info;

/** A budget limit on the spend within a range of periods. */
typedef struct oa_limit_info {
    const char *from, *to;
    double value;
    int line;
} oa_limit_info;

/** A period a person is (partly) away. */
typedef struct oa_away_info {
    const char *from, *to;
    double fte;        /**< OA_AWAY_ALL: the whole fte */
    int line;
} oa_away_info;

/* ---- The plan ---- */

/**
 * Creates an empty plan.
 * @param[out] out the plan, owned by the caller (oa_plan_free); NULL on
 *   failure
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_plan_new(oa_plan **out);

/** Frees a plan and every element in it; NULL is allowed. */
OA_API void oa_plan_free(oa_plan *plan);

/**
 * Copies a plan (elements, lines and source; a validated plan's copy is
 * validated too).
 * @param[out] out the copy, owned by the caller; NULL on failure
 * @param[in] plan the plan to copy
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_plan_copy(oa_plan **out, const oa_plan *plan);

/** Sets the plan's display name (NULL clears it). */
OA_API int oa_plan_set_name(oa_plan *plan, const char *name);
/** @return the plan's name, or NULL. */
OA_API const char *oa_plan_name(const oa_plan *plan);
/** Sets the display currency, e.g. "EUR" (NULL clears it). */
OA_API int oa_plan_set_currency(oa_plan *plan, const char *currency);
/** @return the currency, or NULL. */
OA_API const char *oa_plan_currency(const oa_plan *plan);

/**
 * Sets the source name (a file name) that errors about this plan carry.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_set_source(oa_plan *plan, const char *source);
/** @return the source name, or NULL. */
OA_API const char *oa_plan_source(const oa_plan *plan);

/**
 * Sets the line that elements added from now on record (-1: none).
 * @return OA_OK, OA_EINVAL
 */
OA_API int oa_plan_set_line(oa_plan *plan, int line);

/* ---- Horizon ---- */

/**
 * Gives the plan a generated horizon: periods periods from start (a label
 * in the step's form: "2027-01", "2027-Q1", "2027-W01").
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_set_horizon(oa_plan *plan, const char *start,
                               oa_step step, int periods);

/**
 * Appends an explicitly labelled period to the horizon.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_add_period(oa_plan *plan, const char *label);

/**
 * Reads back a generated horizon.
 * @param[out] start, step, periods what oa_plan_set_horizon() was given
 *   (each may be NULL)
 * @return OA_OK, or OA_ENOTFOUND if the plan has no generated horizon
 */
OA_API int oa_plan_horizon(const char **start, oa_step *step, int *periods,
                           const oa_plan *plan);

/** @return the number of explicitly labelled periods. */
OA_API size_t oa_plan_explicit_period_count(const oa_plan *plan);
/** @return the i-th explicit label (0-based), or NULL. */
OA_API const char *oa_plan_explicit_period(const oa_plan *plan, size_t i);

/**
 * @return the number of periods P of the horizon, or 0 when the horizon is
 *   missing or malformed (oa_plan_validate() says why).
 */
OA_API int oa_plan_period_count(const oa_plan *plan);

/** @return the label of period t (1-based), or NULL if out of range. */
OA_API const char *oa_plan_period_label(const oa_plan *plan, int t);

/**
 * Resolves a period reference as details 1 says: a label first, else a
 * whole number 1..P.
 * @return the 1-based period, or 0 if the reference matches no period
 */
OA_API int oa_plan_find_period(const oa_plan *plan, const char *ref);

/* ---- Resources and objectives ---- */

/** Adds a resource (name and measure may be NULL). */
OA_API int oa_plan_add_resource(oa_plan *plan, const char *id,
                                const char *name, const char *measure);
/** @return the number of resources. */
OA_API size_t oa_plan_resource_count(const oa_plan *plan);
/** Copies the i-th resource into out. @return OA_OK, OA_EINVAL */
OA_API int oa_plan_resource(oa_resource_info *out, const oa_plan *plan,
                            size_t i);

/** Adds an objective (weight: value per point of score; format default 1). */
OA_API int oa_plan_add_objective(oa_plan *plan, const char *id,
                                 const char *name, double weight);
/** @return the number of objectives. */
OA_API size_t oa_plan_objective_count(const oa_plan *plan);
/** Copies the i-th objective into out. @return OA_OK, OA_EINVAL */
OA_API int oa_plan_objective(oa_objective_info *out, const oa_plan *plan,
                             size_t i);

/* ---- Units ---- */

/**
 * Adds a unit.
 * @param[out] out the unit, borrowed from the plan (may be NULL)
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_add_unit(oa_unit **out, oa_plan *plan, const char *id,
                            const char *name);
/** @return the number of units. */
OA_API size_t oa_plan_unit_count(const oa_plan *plan);
/** @return the i-th unit (borrowed), or NULL. */
OA_API const oa_unit *oa_plan_unit(const oa_plan *plan, size_t i);
/**
 * Finds the first unit with this id, for changing it.
 * @return OA_OK, OA_EINVAL, OA_ENOTFOUND
 */
OA_API int oa_plan_find_unit(oa_unit **out, oa_plan *plan, const char *id);

/** @return the unit's id. */
OA_API const char *oa_unit_id(const oa_unit *unit);
/** @return the unit's name, or NULL. */
OA_API const char *oa_unit_name(const oa_unit *unit);
/** @return the source line of the unit, or -1. */
OA_API int oa_unit_line(const oa_unit *unit);

/** Adds capacity of a resource over from..to (later entries win). */
OA_API int oa_unit_add_capacity(oa_unit *unit, const char *resource,
                                double value, const char *from,
                                const char *to);
/** Adds overtime for a resource (a later entry replaces it). */
OA_API int oa_unit_add_overtime(oa_unit *unit, const char *resource,
                                double max, double cost);
/** Adds contractors for a resource over from..to (later entries win). */
OA_API int oa_unit_add_contractors(oa_unit *unit, const char *resource,
                                   double max, double cost, const char *from,
                                   const char *to);
/** Adds a budget for each year of the horizon (a later such entry
 * replaces it; a horizon of more than a year has a row per calendar year,
 * plan-format.md "Years"). */
OA_API int oa_unit_add_budget(oa_unit *unit, double value);
/** Adds a budget over the periods from..to (period references; NULL:
 * the horizon's first or last): a limit of its own, beside the yearly
 * one.  from and to both NULL is oa_unit_add_budget(). */
OA_API int oa_unit_add_budget_range(oa_unit *unit, double value,
                                    const char *from, const char *to);

/** @return the number of capacity entries. */
OA_API size_t oa_unit_capacity_count(const oa_unit *unit);
/** Copies the i-th capacity entry. @return OA_OK, OA_EINVAL */
OA_API int oa_unit_capacity(oa_capacity_info *out, const oa_unit *unit,
                            size_t i);
/** @return the number of overtime entries. */
OA_API size_t oa_unit_overtime_count(const oa_unit *unit);
/** Copies the i-th overtime entry. @return OA_OK, OA_EINVAL */
OA_API int oa_unit_overtime(oa_overtime_info *out, const oa_unit *unit,
                            size_t i);
/** @return the number of contractor entries. */
OA_API size_t oa_unit_contractors_count(const oa_unit *unit);
/** Copies the i-th contractor entry. @return OA_OK, OA_EINVAL */
OA_API int oa_unit_contractors(oa_contractors_info *out, const oa_unit *unit,
                               size_t i);
/** @return the number of budget entries. */
OA_API size_t oa_unit_budget_count(const oa_unit *unit);
/** Copies the i-th budget entry. @return OA_OK, OA_EINVAL */
OA_API int oa_unit_budget(oa_unit_budget_info *out, const oa_unit *unit,
                          size_t i);

/* ---- Operating plans ---- */

/**
 * Adds an operating plan (run-the-business work) of a unit.
 * @param[out] out the operating plan, borrowed (may be NULL)
 * @param[in] cost fixed spend for the year (format default 0)
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_add_operating_plan(oa_operating_plan **out, oa_plan *plan,
                                      const char *unit, const char *name,
                                      double cost);
/** @return the number of operating plans. */
OA_API size_t oa_plan_operating_plan_count(const oa_plan *plan);
/** @return the i-th operating plan (borrowed), or NULL. */
OA_API const oa_operating_plan *oa_plan_operating_plan(const oa_plan *plan,
                                                       size_t i);

/** @return the unit id of the operating plan. */
OA_API const char *oa_operating_plan_unit(const oa_operating_plan *op);
/** @return the name, or NULL. */
OA_API const char *oa_operating_plan_name(const oa_operating_plan *op);
/** @return the fixed cost for the year. */
OA_API double oa_operating_plan_cost(const oa_operating_plan *op);
/** @return the source line, or -1. */
OA_API int oa_operating_plan_line(const oa_operating_plan *op);

/** Adds demand of a resource per period over from..to. */
OA_API int oa_operating_plan_add_demand(oa_operating_plan *op,
                                        const char *resource, double value,
                                        const char *from, const char *to);
/** Adds driver-based demand: volume / productivity per period. */
OA_API int oa_operating_plan_add_driver_demand(oa_operating_plan *op,
                                               const char *resource,
                                               double volume,
                                               double productivity,
                                               const char *from,
                                               const char *to);
/**
 * Sets the service level: the plan may be under-served down to min
 * (a fraction) at penalty per unit of shortfall per period.
 */
OA_API int oa_operating_plan_set_service_level(oa_operating_plan *op,
                                               double min, double penalty);
/**
 * Reads the service level.
 * @return OA_OK, or OA_ENOTFOUND when none was set (min 1, penalty 0)
 */
OA_API int oa_operating_plan_service_level(double *min, double *penalty,
                                           const oa_operating_plan *op);
/** Adds a goal target (value may be negative). */
OA_API int oa_operating_plan_add_target(oa_operating_plan *op,
                                        const char *name, double value,
                                        const char *measure);
/** @return the number of demand entries. */
OA_API size_t oa_operating_plan_demand_count(const oa_operating_plan *op);
/** Copies the i-th demand entry. @return OA_OK, OA_EINVAL */
OA_API int oa_operating_plan_demand(oa_demand_info *out,
                                    const oa_operating_plan *op, size_t i);
/** @return the number of targets. */
OA_API size_t oa_operating_plan_target_count(const oa_operating_plan *op);
/** Copies the i-th target. @return OA_OK, OA_EINVAL */
OA_API int oa_operating_plan_target(oa_target_info *out,
                                    const oa_operating_plan *op, size_t i);

/* ---- Initiatives ---- */

/**
 * Adds an initiative with the format's defaults (value, benefit, cost 0;
 * earliest the first period, deadline the last; optional; no owner).
 * @param[out] out the initiative, borrowed (may be NULL)
 * @param[in] duration in periods
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_add_initiative(oa_initiative **out, oa_plan *plan,
                                  const char *id, int duration);
/** @return the number of initiatives. */
OA_API size_t oa_plan_initiative_count(const oa_plan *plan);
/** @return the i-th initiative (borrowed), or NULL. */
OA_API const oa_initiative *oa_plan_initiative(const oa_plan *plan,
                                               size_t i);
/**
 * Finds the first initiative with this id, for changing it.
 * @return OA_OK, OA_EINVAL, OA_ENOTFOUND
 */
OA_API int oa_plan_find_initiative(oa_initiative **out, oa_plan *plan,
                                   const char *id);

/** Sets the display name (NULL clears it). */
OA_API int oa_initiative_set_name(oa_initiative *ini, const char *name);
/** Sets the owner unit, whose budget pays (NULL: none). */
OA_API int oa_initiative_set_owner(oa_initiative *ini, const char *unit);
/** Sets the duration in periods. */
OA_API int oa_initiative_set_duration(oa_initiative *ini, int duration);
/** Sets the earliest start period (NULL: the first period). */
OA_API int oa_initiative_set_earliest(oa_initiative *ini, const char *ref);
/** Sets the last period it may finish in (NULL: the last period). */
OA_API int oa_initiative_set_deadline(oa_initiative *ini, const char *ref);
/** Sets the value gained if done. */
OA_API int oa_initiative_set_value(oa_initiative *ini, double value);
/** Sets the value of each whole period left after it finishes. */
OA_API int oa_initiative_set_benefit_per_period(oa_initiative *ini,
                                                double benefit);
/** Sets the spend, spread evenly over the periods it runs. */
OA_API int oa_initiative_set_cost(oa_initiative *ini, double cost);
/** Makes it mandatory (non-zero) or optional (0). */
OA_API int oa_initiative_set_mandatory(oa_initiative *ini, int mandatory);
/**
 * Forbids it (non-zero: it is never scheduled, and neither is anything
 * that requires it) or allows it again (0, the default).  A forbidden
 * initiative keeps its place in the plan and in results (as not
 * scheduled); forbidden and mandatory together make the plan infeasible.
 * A scenario that removes an initiative forbids those that required it.
 */
OA_API int oa_initiative_set_forbidden(oa_initiative *ini, int forbidden);

/** @return the id. */
OA_API const char *oa_initiative_id(const oa_initiative *ini);
/** @return the name, or NULL. */
OA_API const char *oa_initiative_name(const oa_initiative *ini);
/** @return the owner unit id, or NULL. */
OA_API const char *oa_initiative_owner(const oa_initiative *ini);
/** @return the duration. */
OA_API int oa_initiative_duration(const oa_initiative *ini);
/** @return the earliest-start reference, or NULL (default). */
OA_API const char *oa_initiative_earliest(const oa_initiative *ini);
/** @return the deadline reference, or NULL (default). */
OA_API const char *oa_initiative_deadline(const oa_initiative *ini);
/** @return the value. */
OA_API double oa_initiative_value(const oa_initiative *ini);
/** @return the benefit per period. */
OA_API double oa_initiative_benefit_per_period(const oa_initiative *ini);
/** @return the cost. */
OA_API double oa_initiative_cost(const oa_initiative *ini);
/** @return 1 if mandatory, else 0. */
OA_API int oa_initiative_mandatory(const oa_initiative *ini);
/** @return 1 if forbidden, else 0. */
OA_API int oa_initiative_forbidden(const oa_initiative *ini);

/**
 * Pins an initiative to the period it starts in (a period label or index
 * of the horizon, as earliest), or releases it (NULL).  A pinned
 * initiative starts exactly there: it is mandatory in effect (and so is
 * everything it requires).  oa_plan_check() reports, at the initiative's
 * line, a pin that is not a period, lies outside the initiative's own
 * window (earliest start, deadline, horizon) or before its requires chain
 * lets it start; a pin that capacity and budgets cannot hold with every
 * lever gives an infeasible result, whose diagnosis names the pins.
 * @param[in] period copied; NULL releases the pin
 * @return OA_OK, OA_EINVAL (ini NULL, or period not valid UTF-8 or with
 *   control characters), OA_ENOMEM
 */
OA_API int oa_initiative_set_pin(oa_initiative *ini, const char *period);

/** @return the period the initiative is pinned to (as set), or NULL. */
OA_API const char *oa_initiative_pin(const oa_initiative *ini);

/**
 * Sets the initiative's own stability prices, which a solve against a
 * baseline (oa_solve_opts.baseline and stability) charges when the
 * initiative, started in the baseline, moves or is dropped.
 * @param per_period money per period its start moves, either way; NaN:
 *   the solve's oa_solve_opts.stability
 * @param drop money if it is not scheduled at all; NaN: the solve's
 *   oa_solve_opts.drop_price if set, else per_period times the periods of
 *   the horizon (a move across the whole horizon)
 * Both must be NaN or at least 0 and finite (oa_plan_check() reports
 * others at the initiative's line).
 * @return OA_OK, OA_EINVAL (ini NULL)
 */
OA_API int oa_initiative_set_stability(oa_initiative *ini, double per_period,
                                       double drop);
/** @return the price per period moved as set (NaN: the solve's). */
OA_API double oa_initiative_move_price(const oa_initiative *ini);
/** @return the price of a drop as set (NaN: the solve's default). */
OA_API double oa_initiative_drop_price(const oa_initiative *ini);
/** @return the source line, or -1. */
OA_API int oa_initiative_line(const oa_initiative *ini);

/**
 * Adds demand on a unit's resource in the initiative's periods
 * first..last (1-based; 0 for the default: 1 and the duration).
 */
OA_API int oa_initiative_add_demand(oa_initiative *ini, const char *unit,
                                    const char *resource, double value,
                                    int first, int last);
/** Adds a contribution of score points to an objective. */
OA_API int oa_initiative_add_contribution(oa_initiative *ini,
                                          const char *objective,
                                          double score);
/** Makes it require another initiative, finished lag periods before. */
OA_API int oa_initiative_add_requirement(oa_initiative *ini,
                                         const char *initiative, int lag);
/** Makes it exclude another initiative. */
OA_API int oa_initiative_add_exclusion(oa_initiative *ini,
                                       const char *initiative);
/** Adds an effect on a unit's run demand after it finishes. */
OA_API int oa_initiative_add_effect(oa_initiative *ini, const char *unit,
                                    const char *resource, double value);

/** @return the number of demands. */
OA_API size_t oa_initiative_demand_count(const oa_initiative *ini);
/** Copies the i-th demand. @return OA_OK, OA_EINVAL */
OA_API int oa_initiative_demand(oa_initiative_demand_info *out,
                                const oa_initiative *ini, size_t i);
/** @return the number of contributions. */
OA_API size_t oa_initiative_contribution_count(const oa_initiative *ini);
/** Copies the i-th contribution. @return OA_OK, OA_EINVAL */
OA_API int oa_initiative_contribution(oa_contribution_info *out,
                                      const oa_initiative *ini, size_t i);
/** @return the number of requirements. */
OA_API size_t oa_initiative_requirement_count(const oa_initiative *ini);
/** Copies the i-th requirement. @return OA_OK, OA_EINVAL */
OA_API int oa_initiative_requirement(oa_requirement_info *out,
                                     const oa_initiative *ini, size_t i);
/** @return the number of exclusions. */
OA_API size_t oa_initiative_exclusion_count(const oa_initiative *ini);
/** Copies the i-th exclusion. @return OA_OK, OA_EINVAL */
OA_API int oa_initiative_exclusion(oa_exclusion_info *out,
                                   const oa_initiative *ini, size_t i);
/** @return the number of effects. */
OA_API size_t oa_initiative_effect_count(const oa_initiative *ini);
/** Copies the i-th effect. @return OA_OK, OA_EINVAL */
OA_API int oa_initiative_effect(oa_effect_info *out, const oa_initiative *ini,
                                size_t i);

/* ---- Sharing and budget ---- */

/** Adds a loan lane: from may lend to to up to max per period. */
OA_API int oa_plan_add_loan(oa_plan *plan, const char *from, const char *to,
                            const char *resource, double max,
                            double efficiency, double cost);
/** @return the number of loans. */
OA_API size_t oa_plan_loan_count(const oa_plan *plan);
/** Copies the i-th loan. @return OA_OK, OA_EINVAL */
OA_API int oa_plan_loan(oa_loan_info *out, const oa_plan *plan, size_t i);

/** Sets the total budget for the year. */
OA_API int oa_plan_set_budget_total(oa_plan *plan, double total);
/** Removes the total budget (the year's spend is then unlimited). */
OA_API int oa_plan_clear_budget_total(oa_plan *plan);
/** Reads the total budget. @return OA_OK, or OA_ENOTFOUND if none */
OA_API int oa_plan_budget_total(double *total, const oa_plan *plan);
/** Adds a limit on the spend within from..to. */
OA_API int oa_plan_add_budget_limit(oa_plan *plan, const char *from,
                                    const char *to, double value);
/** @return the number of budget limits. */
OA_API size_t oa_plan_budget_limit_count(const oa_plan *plan);
/** Copies the i-th budget limit. @return OA_OK, OA_EINVAL */
OA_API int oa_plan_budget_limit(oa_limit_info *out, const oa_plan *plan,
                                size_t i);

/* ---- People ---- */

/**
 * Adds a person of a unit, for a resource.
 * @param[in] fte availability per period (format default 1)
 * @param[in] development share reserved for development (default 0)
 * @param[out] out the person, borrowed (may be NULL)
 */
OA_API int oa_plan_add_person(oa_person **out, oa_plan *plan, const char *id,
                              const char *name, const char *unit,
                              const char *resource, double fte,
                              double development);
/** @return the number of people. */
OA_API size_t oa_plan_person_count(const oa_plan *plan);
/** @return the i-th person (borrowed), or NULL. */
OA_API const oa_person *oa_plan_person(const oa_plan *plan, size_t i);
/** Caps the initiatives a person works on in one period (individual
 * plans; an extension of the format: max-initiatives); 0: no cap. */
OA_API int oa_person_set_max_initiatives(oa_person *person, int max);
/** @return the cap on concurrent initiatives, 0 when none. */
OA_API int oa_person_max_initiatives(const oa_person *person);
/** Adds an away period; fte OA_AWAY_ALL removes the whole fte. */
OA_API int oa_person_add_away(oa_person *person, const char *from,
                              const char *to, double fte);
/** @return the id. */
OA_API const char *oa_person_id(const oa_person *person);
/** @return the name, or NULL. */
OA_API const char *oa_person_name(const oa_person *person);
/** @return the unit id. */
OA_API const char *oa_person_unit(const oa_person *person);
/** @return the resource id. */
OA_API const char *oa_person_resource(const oa_person *person);
/** @return the availability per period. */
OA_API double oa_person_fte(const oa_person *person);
/** @return the development share. */
OA_API double oa_person_development(const oa_person *person);
/** @return the source line, or -1. */
OA_API int oa_person_line(const oa_person *person);
/** @return the number of away periods. */
OA_API size_t oa_person_away_count(const oa_person *person);
/** Copies the i-th away period. @return OA_OK, OA_EINVAL */
OA_API int oa_person_away(oa_away_info *out, const oa_person *person,
                          size_t i);

/* ---- Writing the plan back as XML ---- */

/**
 * Writes a plan as XML in the plan format (doc/plan-format.md,
 * lib/schema/plan.xsd), which oa_plan_read_memory() reads back to an
 * equal plan: every element and attribute the plan holds, in the order
 * the schema wants (a unit's capacity entries, then its overtime,
 * contractors and budgets, each kind in the plan's order; the same for
 * the children of operating plans and initiatives), and numbers in the
 * shortest form that reads back as the same double.  An attribute at
 * the value the reader takes for its absence is left out (weight 1,
 * costs 0, step month, ...).  Comments, line numbers and the source name
 * are not kept, and the elements of a unit or initiative that were
 * interleaved in the file come grouped by kind.  The plan need not be
 * valid, but what the format cannot hold at all is refused, not written:
 * a number that is NaN or infinite, a negative one where the format has
 * no sign, a whole number below 0, an id that is not one, an empty
 * period reference, a horizon that is both generated and explicit or is
 * missing, a plan without resources or units.
 * @param[out] out the XML (UTF-8, NUL-terminated), freed with oa_free();
 *   NULL on failure
 * @param[out] size its length in bytes (may be NULL)
 * @param[in] plan the plan
 * @return OA_OK, OA_EINVAL (a NULL), OA_EINVALID (the plan holds what the
 *   format cannot; oa_plan_save() says what), OA_ENOMEM
 */
OA_API int oa_plan_write(char **out, size_t *size, const oa_plan *plan);

/**
 * Writes a plan as XML (as oa_plan_write() does) to a file atomically, as
 * every oa_*_save does (oa_file_save()): a complete new file, or the old
 * one untouched.
 * @param[in] plan the plan
 * @param[in] path the file to write
 * @param[out] err what went wrong (may be NULL): for OA_EIO the path; for
 *   OA_EINVALID the element and the attribute the format cannot hold
 *   ("cannot write <capacity> of unit 'eng': value is not a finite
 *   number"), with the plan's source and the element's line
 * @return OA_OK, OA_EINVAL, OA_EINVALID, OA_ENOMEM, OA_EIO
 */
OA_API int oa_plan_save(const oa_plan *plan, const char *path,
                        oa_error *err);

/* ---- Checking, and the checked plan ---- */

/**
 * A checked plan (opaque): what oa_plan_check found the plan to mean,
 * computed once (period references, later-entry-wins, people-derived
 * capacity, requires-chain pushes) and never changed after.  It borrows
 * the plan: keep the plan until the checked plan is freed.  Once the plan
 * is changed, the accessors below answer OA_ESTATE (check it again).
 */
typedef struct oa_checked oa_checked;

/**
 * Checks every rule of plan-format.md and resolves the plan.  The plan
 * is not changed.  Every error found is appended to all, in line order.
 * @param[out] out the checked plan, freed with oa_checked_free (NULL on
 *   error)
 * @param[in] plan the plan (borrowed by *out)
 * @param[out] err the first error (may be NULL)
 * @param[out] all every error (may be NULL)
 * @return OA_OK, OA_EINVALID, OA_EINVAL, OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_plan_check(oa_checked **out,
                                        const oa_plan *plan, oa_error *err,
                                        oa_error_list *all);

/**
 * Checks a plan and keeps nothing: oa_plan_check without the result.
 * @return OA_OK, OA_EINVALID, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_plan_validate(const oa_plan *plan, oa_error *err,
                            oa_error_list *all);

/** Frees a checked plan (not its plan); NULL is allowed. */
OA_API void oa_checked_free(oa_checked *chk);

/** @return the plan checked, or NULL. */
OA_API const oa_plan *oa_checked_plan(const oa_checked *chk);

/**
 * Resolved capacity of a unit for a resource in period t (1-based, after
 * later-entry-wins and the people rule).
 * @return OA_OK, OA_EINVAL, OA_ESTATE (the plan changed since it was
 *   checked), OA_ENOTFOUND
 */
OA_API int oa_checked_capacity_at(double *out, const oa_checked *chk,
                                  const char *unit, const char *resource,
                                  int t);
/**
 * Resolved run demand of a unit for a resource in period t: the sum over
 * its operating plans.
 * @return OA_OK, OA_EINVAL, OA_ESTATE, OA_ENOTFOUND
 */
OA_API int oa_checked_run_demand_at(double *out, const oa_checked *chk,
                                    const char *unit, const char *resource,
                                    int t);
/**
 * The earliest and latest start periods of an initiative after the
 * requires-chain push (either pointer may be NULL).
 * @return OA_OK, OA_EINVAL, OA_ESTATE, OA_ENOTFOUND
 */
OA_API int oa_checked_start_window(int *earliest, int *latest,
                                   const oa_checked *chk,
                                   const char *initiative);

#ifdef __cplusplus
}
#endif

#endif
