/*
 * The scenario's internal layout, shared by scenario.c (building, reading
 * and applying) and plan_write.c (writing it back as XML).
 */
#ifndef OA_SCENARIO_INT_H
#define OA_SCENARIO_INT_H

#include "plan_int.h"

typedef enum oap_edit_kind {
    OAP_E_CAPACITY,
    OAP_E_SCALE,
    OAP_E_CONTRACTORS,
    OAP_E_OVERTIME,
    OAP_E_INITIATIVE,
    OAP_E_REMOVE,
    OAP_E_BUDGET,
    OAP_E_BUDGET_SCALE,
    OAP_E_LIMIT,
    OAP_E_UNIT_BUDGET,
    OAP_E_DEMAND,
    OAP_E_LOAN,
    OAP_E_OPERATING,
    OAP_E_ADD
} oap_edit_kind;

typedef struct oap_edit {
    oap_edit_kind kind;
    int line;
    const char *unit, *resource, *from, *to;
    double value;            /* capacity, factor, budget total */
    int has_max, has_cost;
    double max, cost;
    const char *id, *attr, *aval;
    /* limit, unit-budget, demand, operating-plan: a value set and/or a
     * factor (value, scale), an operating plan's volume and
     * productivity; a loan's receiving unit (to: the edit's to) */
    int has_set, has_scale, has_volume, has_prod;
    double set, scale, volume, prod;
    size_t staged;           /* add: the initiative's index in staged */
} oap_edit;

struct oa_scenario {
    oap_arena arena;
    const char *name, *source;
    int line;                /* stamped on edits added next */
    OAP_VEC(oap_edit) edits;
    oa_plan *staged;         /* the initiatives of <add> edits, or NULL */
};

/* The attributes an <initiative> edit may set, in the order the reader
 * turns one element into edits (after remove="true", which comes first). */
#define OAP_SCENARIO_INI_ATTRS 18
extern const char *const oap_scenario_ini_attrs[OAP_SCENARIO_INI_ATTRS];

#endif
