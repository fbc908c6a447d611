/*
 * libopsalign: scenarios (what-if).
 *
 * A scenario is a list of edits of a plan (doc/plan-format.md,
 * "Scenarios" and details 11): set or scale capacity, set contractors or
 * overtime, change or remove initiatives, set the total budget.  It is
 * read from a small XML file or built through this API, and applied to a
 * plan with oa_plan_apply_scenario(), which edits the plan in place (copy
 * it first with oa_plan_copy() to keep the base).  A scenario is not a
 * second model: the edited plan is solved, explained or exported like any
 * other.
 */
#ifndef OPSALIGN_SCENARIO_H
#define OPSALIGN_SCENARIO_H

#include "read.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A scenario (opaque). */
typedef struct oa_scenario oa_scenario;

/** Creates an empty scenario; name may be NULL. @return OA_OK, OA_ENOMEM */
OA_API OA_WARN_UNUSED int oa_scenario_new(oa_scenario **out,
                                          const char *name);
/** Frees a scenario; NULL is allowed. */
OA_API void oa_scenario_free(oa_scenario *sc);
/** @return the scenario's name, or NULL. */
OA_API const char *oa_scenario_name(const oa_scenario *sc);
/** @return the file it was read from, or NULL. */
OA_API const char *oa_scenario_source(const oa_scenario *sc);
/** @return the number of edits. */
OA_API size_t oa_scenario_edit_count(const oa_scenario *sc);

/*
 * Edits, applied in the order they are added.  unit and resource may be
 * "*" (every unit, every resource); from and to are period references
 * (labels or 1-based indices), NULL for the first and the last period.
 * Names are checked against the plan when the scenario is applied.
 * Each returns OA_OK, OA_EINVAL (a NULL or a bad number) or OA_ENOMEM.
 */

/** Sets capacity to value over from..to. */
OA_API int oa_scenario_set_capacity(oa_scenario *sc, const char *unit,
                                    const char *resource, double value,
                                    const char *from, const char *to);
/** Multiplies the current capacity by factor over from..to. */
OA_API int oa_scenario_scale_capacity(oa_scenario *sc, const char *unit,
                                      const char *resource, double factor,
                                      const char *from, const char *to);
/** Sets the contractor limit and/or price over from..to (NULL: keep). */
OA_API int oa_scenario_set_contractors(oa_scenario *sc, const char *unit,
                                       const char *resource,
                                       const double *max, const double *cost,
                                       const char *from, const char *to);
/** Sets the overtime limit (share of capacity) and/or price (NULL: keep). */
OA_API int oa_scenario_set_overtime(oa_scenario *sc, const char *unit,
                                    const char *resource, const double *max,
                                    const double *cost);
/**
 * Sets an attribute of an initiative, by its name in the format: name,
 * owner, duration, earliest, deadline, value, benefit-per-period, cost,
 * mandatory, forbidden ("true"/"false"), pin (a period; "" releases it),
 * unpin ("true"); or changes one: scale-value, scale-cost, scale-duration
 * (a factor; a duration is rounded, at least 1), slip (a whole number of
 * periods, negative to bring it forward: earliest start, deadline and pin
 * move by it).  With id "*" the scale-* and slip edits apply to every
 * initiative.  The value is checked when applied.
 */
OA_API int oa_scenario_set_initiative(oa_scenario *sc, const char *id,
                                      const char *attribute,
                                      const char *value);
/** Removes an initiative: excludes naming it vanish; initiatives that
 * require it become forbidden (oa_initiative_set_forbidden). */
OA_API int oa_scenario_remove_initiative(oa_scenario *sc, const char *id);
/** Sets the total budget. */
OA_API int oa_scenario_set_budget_total(oa_scenario *sc, double total);

/**
 * Multiplies every budget by factor: the total, each range limit and each
 * unit's budget (a 10 % cut is 0.9).
 * @return OA_OK, OA_EINVAL (factor negative or not finite), OA_ENOMEM
 */
OA_API int oa_scenario_scale_budgets(oa_scenario *sc, double factor);

/**
 * Adds a new initiative: a copy of ini (of any plan, e.g. a scratch plan
 * built for it), written as in the plan (`<add><initiative .../></add>`
 * in XML).  When applied, its id must be new and everything it names
 * (units, resources, objectives, initiatives, periods) must be in the
 * plan, else an error at the edit's line.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_scenario_add_initiative(oa_scenario *sc,
                                      const oa_initiative *ini);

/*
 * The edits below take an amount to set (value) and/or a factor (scale),
 * each NULL when not given, at least one of them; with both, the value is
 * set and then scaled.  Names that match nothing are errors when the
 * scenario is applied, at the edit's line.
 */

/**
 * Sets or scales the budget limit over from..to (period references; NULL:
 * the horizon's first and last): every limit of the plan over exactly
 * those periods.  A value where the plan has none adds one.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_scenario_set_limit(oa_scenario *sc, const char *from,
                                 const char *to, const double *value,
                                 const double *scale);

/**
 * Sets or scales a unit's budget (unit "*": every unit; a scale alone
 * leaves the units without a budget alone).  Set replaces the unit's
 * budget entries with one.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_scenario_set_unit_budget(oa_scenario *sc, const char *unit,
                                       const double *value,
                                       const double *scale);

/**
 * Sets or scales an initiative's demand on a unit and resource ("*"
 * matches every unit or resource it has a demand on).
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_scenario_set_demand(oa_scenario *sc, const char *initiative,
                                  const char *unit, const char *resource,
                                  const double *value, const double *scale);

/**
 * Sets the max and/or cost of the loans from a unit to a unit of a
 * resource ("*" matches any), each NULL to keep it.
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_scenario_set_loan(oa_scenario *sc, const char *from,
                                const char *to, const char *resource,
                                const double *max, const double *cost);

/**
 * Changes the demands of a unit's operating plan (name "*": every plan of
 * the unit) for a resource ("*": every one): sets the volume and
 * productivity of driver-based demands (an error on a demand given as a
 * value), then multiplies each demand (the volume of a driver-based one)
 * by scale.  Each of scale, volume, productivity NULL to leave it.
 * @return OA_OK, OA_EINVAL (productivity not positive...), OA_ENOMEM
 */
OA_API int oa_scenario_set_operating_plan(oa_scenario *sc, const char *unit,
                                          const char *name,
                                          const char *resource,
                                          const double *scale,
                                          const double *volume,
                                          const double *productivity);

/**
 * Reads a scenario file (safe as the plan reader; the schema is built in:
 * oa_scenario_schema()).
 * @return OA_OK, OA_EIO, OA_ELIMIT, OA_EPARSE, OA_EINVALID (every error in
 *   all, FILE:LINE)
 */
OA_API OA_WARN_UNUSED int oa_scenario_read_file(oa_scenario **out,
                                                const char *path,
                                                const oa_read_opts *opts,
                                                oa_error *err,
                                                oa_error_list *all);
/**
 * Reads a scenario from memory (source names it in errors).
 * @return OA_OK; OA_EPARSE, OA_EINVALID (every error in all); OA_ELIMIT;
 *   OA_EINVAL; OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_scenario_read_memory(oa_scenario **out,
                                                  const char *data,
                                                  size_t size,
                                                  const char *source,
                                                  const oa_read_opts *opts,
                                                  oa_error *err,
                                                  oa_error_list *all);
/**
 * Writes a scenario as XML in the scenario format (lib/schema/
 * scenario.xsd), which oa_scenario_read_memory() reads back to the same
 * edits in the same order: one element per edit, except that the edits
 * one element gave (an <initiative> with several attributes, a <budget>
 * with total and scale) are written as that element again; an <add>
 * holds its initiative as oa_plan_write() writes one.  Numbers are
 * written in the shortest form that reads back as the same double,
 * attribute values of <initiative> edits as they were given.  Comments,
 * line numbers and the source name are not kept.  What the format cannot
 * hold is refused: an id that is not one (nor "*" where all are
 * allowed), an empty period, an attribute an <initiative> edit does not
 * have or a value of the wrong form, a number that is not finite or is
 * negative.
 * @param[out] out the XML (UTF-8, NUL-terminated), freed with oa_free();
 *   NULL on failure
 * @param[out] size its length in bytes (may be NULL)
 * @param[in] sc the scenario
 * @return OA_OK, OA_EINVAL (a NULL), OA_EINVALID (the scenario holds what
 *   the format cannot; oa_scenario_save() says what), OA_ENOMEM
 */
OA_API int oa_scenario_write(char **out, size_t *size,
                             const oa_scenario *sc);

/**
 * Writes a scenario as XML (as oa_scenario_write() does) to a file
 * atomically, as every oa_*_save does (oa_file_save()): a complete new
 * file, or the old one untouched.
 * @param[out] err what went wrong (may be NULL): for OA_EIO the path; for
 *   OA_EINVALID the edit, with the scenario's source and the edit's line
 * @return OA_OK, OA_EINVAL, OA_EINVALID, OA_ENOMEM, OA_EIO
 */
OA_API int oa_scenario_save(const oa_scenario *sc, const char *path,
                            oa_error *err);

/** @return the XML schema of scenarios, as built into the library. */
OA_API const char *oa_scenario_schema(void);

/**
 * Applies a scenario to a plan, edit by edit, then validates the result.
 * Names that match nothing are errors with the scenario's file and line;
 * so are the plan's own rule errors that an edit causes.
 * @param[in,out] plan a valid plan (validated first if it is not yet)
 * @return OA_OK; OA_EINVALID (every error in all; the plan may then be
 *   partly edited: apply to a copy); OA_ENOMEM
 */
OA_API int oa_plan_apply_scenario(oa_plan *plan, const oa_scenario *sc,
                                  oa_error *err, oa_error_list *all);

#ifdef __cplusplus
}
#endif

#endif
