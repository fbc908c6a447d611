/*
 * The plan's internal layout, shared by plan.c (building and reading
 * back), validate.c (rules and resolution) and the modules that use the
 * resolved plan.
 */
#ifndef OA_PLAN_INT_H
#define OA_PLAN_INT_H

#include "private.h"


typedef struct oap_label {
    const char *label;
    int line;
} oap_label;

/* Where a row of a workbook is (lib/plan_book.c): the line of an element
 * of a plan read from one is the 1-based index of its place. */
typedef struct oap_place {
    const char *source; /* "plan.xlsx:initiatives", "DIR/initiatives.csv" */
    int line;           /* the sheet's row, the CSV file's line */
} oap_place;

struct oa_unit {
    oa_plan *plan;
    const char *id, *name;
    int line;
    OAP_VEC(oa_capacity_info) capacity;
    OAP_VEC(oa_overtime_info) overtime;
    OAP_VEC(oa_contractors_info) contractors;
    OAP_VEC(oa_unit_budget_info) budget;
};

struct oa_operating_plan {
    oa_plan *plan;
    const char *unit, *name;
    double cost;
    int line;
    int has_service_level;
    double sl_min, sl_penalty;
    int sl_line;
    OAP_VEC(oa_demand_info) demand;
    OAP_VEC(oa_target_info) targets;
};

struct oa_initiative {
    oa_plan *plan;
    const char *id, *name, *owner;
    int duration;
    const char *earliest, *deadline;
    double value, benefit, cost;
    int mandatory;
    int forbidden;  /* never scheduled (oa_initiative_set_forbidden) */
    const char *pin;/* the period it must start in, or NULL */
    double move_price, drop_price; /* stability prices against a baseline
                       (oa_initiative_set_stability); NaN: the solve's */
    int line;
    OAP_VEC(oa_initiative_demand_info) demand;
    OAP_VEC(oa_contribution_info) contributions;
    OAP_VEC(oa_requirement_info) requirements;
    OAP_VEC(oa_exclusion_info) exclusions;
    OAP_VEC(oa_effect_info) effects;
};

struct oa_person {
    oa_plan *plan;
    const char *id, *name, *unit, *resource;
    double fte, development;
    int max_initiatives;    /* 0: no cap */
    int line;
    OAP_VEC(oa_away_info) away;
};

/* ---- The resolved plan (built by oa_plan_check) ---- */

typedef struct oap_rdemand {
    int u, r, k; /* unit, resource, period of the initiative (0-based) */
    double q;
} oap_rdemand;

typedef struct oap_reffect {
    int u, r;
    double v;
} oap_reffect;

typedef struct oap_rreq {
    int i; /* the initiative required */
    int lag;
} oap_rreq;

typedef struct oap_rini {
    int d;          /* duration */
    int es;         /* earliest start after the requires-chain push */
    int es_own;     /* earliest start of its own */
    int lf;         /* latest finish: min(deadline, P) */
    double value;   /* value + weighted scores */
    double plan_value, score; /* the two parts of value */
    double benefit, cost;
    int mandatory;
    int forbidden;  /* no starts at all */
    int owner;      /* unit index or -1 */
    oap_rdemand *dem; /* aggregated per (u, r, k), sorted */
    size_t ndem;
    oap_reffect *eff; /* aggregated per (u, r) */
    size_t neff;
    oap_rreq *req;
    size_t nreq;
    int *exc;       /* initiatives excluded (each pair stored on both) */
    size_t nexc;
} oap_rini;

typedef struct oap_rop {
    int unit;
    double min, penalty, cost;
    double *run;    /* [r * P + t], t 0-based */
} oap_rop;

typedef struct oap_rloan {
    int from, to, r;
    double max, eff, cost;
} oap_rloan;

typedef struct oap_rlimit {
    int t0, t1;     /* 0-based, inclusive */
    double value;
} oap_rlimit;

/* A year of the horizon (plan-format.md "Years"): its periods, and the
 * share of a yearly amount that falls inside the horizon. */
typedef struct oap_ryear {
    int t0, t1;     /* 0-based, inclusive */
    double share;   /* periods inside / periods of the year (1 for a
                       horizon of a year or less) */
} oap_ryear;

/* A unit budget over a range of its own. */
typedef struct oap_rubudget {
    int u, t0, t1;  /* unit; 0-based periods, inclusive */
    double value;
} oap_rubudget;

typedef struct oap_resolved {
    int P, U, R, N, NOP, NL, NLIM;
    double *cap;        /* [(u * R + r) * P + t] */
    double *run;        /* unit run demand, same layout */
    double *ct_max, *ct_cost; /* same layout */
    double *ot_max, *ot_cost; /* [u * R + r] */
    double *unit_budget;      /* [u]: per year; < 0: none */
    int NY;                   /* years of the horizon (1 for a horizon of
                                 a year or less, and explicit periods) */
    oap_ryear *years;         /* [NY] */
    double *opw;              /* [P]: the share of a yearly amount (an
                                 operating plan's cost) in each period */
    int NUB;                  /* unit budgets over ranges */
    oap_rubudget *ubudgets;   /* [NUB] */
    oap_rop *ops;
    oap_rini *ini;
    oap_rloan *loans;
    int has_total;
    double total;
    oap_rlimit *limits;
    int NPE;            /* people, in the plan's order */
    int *pe_u, *pe_r;   /* [person]: unit and resource */
    double *pe_avail;   /* [person * P + t]: fte less away, before
                           development */
} oap_resolved;

#define OAP_URT(res, u, r, t) ((((size_t)(u) * (size_t)(res)->R) + (size_t)(r)) * (size_t)(res)->P + (size_t)(t))

struct oa_plan {
    oap_arena arena;
    const char *source, *name, *currency;
    int line; /* stamped on elements added next */

    int has_generated;
    const char *h_start;
    oa_step h_step;
    int h_periods;
    int h_line;
    OAP_VEC(oap_label) explicit_periods;
    const char **labels; /* P labels (arena strings) */
    int P;

    OAP_VEC(oa_resource_info) resources;
    OAP_VEC(oa_objective_info) objectives;
    OAP_VEC(oa_unit *) units;
    OAP_VEC(oa_operating_plan *) ops;
    OAP_VEC(oa_initiative *) initiatives;
    OAP_VEC(oa_loan_info) loans;
    int has_total;
    double total;
    int total_line;
    OAP_VEC(oa_limit_info) limits;
    OAP_VEC(oa_person *) people;
    OAP_VEC(oap_place) places; /* a plan read from a workbook */

    unsigned long gen;  /* changes with every change of the plan */
};

/* A checked plan (oa_plan_check): the plan, borrowed and unchanged since
 * (gen), and what it resolves to. */
struct oa_checked {
    const oa_plan *plan;
    unsigned long gen;
    oap_resolved *res;
};

/* Copies a string into the plan's arena (NULL stays NULL). */
const char *oap_plan_str(oa_plan *plan, const char *s);
/* Adds a copy of initiative si (of any plan) to d, with its lines, or
 * with none (keep_lines 0).  OA_OK, OA_EINVAL, OA_ENOMEM. */
int oap_plan_copy_initiative(oa_plan *d, const oa_initiative *si,
                             int keep_lines);
/* Removes (and frees) the i-th initiative; references to it stay. */
int oap_plan_remove_initiative(oa_plan *plan, size_t i);
/* The source and line that errors about the element at line give: the
 * plan's source and line, or the workbook row of its place. */
void oap_plan_place(const oa_plan *p, int line, const char **source,
                    int *out_line);
/* Marks the plan changed (checked plans of it go stale). */
void oap_plan_touch(oa_plan *plan);
/* Recomputes the labels of the horizon (0 or OA_ENOMEM). */
int oap_plan_make_labels(oa_plan *plan);
/* Frees a resolved plan. */
void oap_resolved_free(oap_resolved *res);
/* [U * R * P] (OAP_URT): the most unit u could ever have of resource r in
 * period t, every lever at its limit and its run work at its lowest;
 * NULL when out of memory.  The caller frees it. */
double *oap_max_avail(const oap_resolved *res);

/* Horizon helpers (horizon.c). */
int oap_parse_start(const char *start, oa_step step, int *year, int *sub);
int oap_iso_weeks(int year);
void oap_format_label(char *buf, size_t size, oa_step step, int year, int sub);
void oap_next_label(oa_step step, int *year, int *sub);

/* Index of an id in a sorted table, for lookups (validate.c). */
typedef struct oap_index_entry {
    const char *id;
    int idx;
} oap_index_entry;

/* The id of the plan closest to id ("did you mean"; oa_suggest's rule),
 * or NULL. */
const char *oap_suggest_unit(const oa_plan *p, const char *id);
const char *oap_suggest_resource(const oa_plan *p, const char *id);
const char *oap_suggest_initiative(const oa_plan *p, const char *id);
const char *oap_suggest_objective(const oa_plan *p, const char *id);

#endif
