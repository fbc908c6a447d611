/*
 * The result's layout, shared by the solve, the writers and the reader of
 * results.
 */
#ifndef OA_RESULT_H
#define OA_RESULT_H

#include "private.h"

struct oa_result {
    oap_arena arena;
    oa_status status;
    oa_stop stop;
    double objective, bound, gap, seconds;
    double work;          /* work units the solve did */
    int work_limited;     /* solved under a work limit: seconds are left
                             out of saved results */
    int has_terms;
    double terms[OA_TERM_COUNT];
    const char *name, *currency;
    const char *scenario, *scenario_file; /* what-if runs: the scenario */
    int as_of;            /* re-planned from this period (0: not) */
    int kept;             /* initiatives kept where the baseline started
                             them */
    int from_actuals;     /* re-planned (as_of) from actuals, not from a
                             baseline */
    int has_baseline;     /* solved against a baseline */
    double baseline_objective; /* its roadmap on this plan; NaN: none */
    int baseline_fits;    /* 1, 0, -1: not known */
    OAP_VEC(oa_move) moves;
    int P;
    const char **labels;        /* [P] */
    OAP_VEC(oa_initiative_result) ini;
    OAP_VEC(oa_load) loads;
    OAP_VEC(oa_spend) spend;
    OAP_VEC(oa_spend) period_spend;   /* [P]: all spend of each period */
    double deficit;
    int deficit_proven;
    OAP_VEC(oa_deficit) deficits;
    OAP_VEC(oa_held) held;      /* pinned or kept initiatives on them */
};

/* A new empty result (NULL on out of memory). */
oa_result *oap_result_new(void);
/* Copies a string into the result. */
const char *oap_result_str(oa_result *r, const char *s);
/* Sets the period labels (copied). */
int oap_result_set_labels(oa_result *r, int P, const char *const *labels);

/* The label of period t (1-based), or "?" when the result has none. */
const char *oap_result_label(const oa_result *r, int t);

/* One line of the objective's waterfall. */
typedef enum { OAP_WF_TERM, OAP_WF_ROUNDING, OAP_WF_TOTAL } oap_wf_kind;
typedef struct oap_wf_line {
    oap_wf_kind kind;
    oa_term term;          /* for OAP_WF_TERM */
    const char *label;     /* "value of the initiatives chosen", ... */
    double amount;         /* as shown: rounded to decimals */
    int decimals;          /* 0 or 2 */
} oap_wf_line;
/* Most lines oap_waterfall() writes. */
#define OAP_WF_MAX (OA_TERM_COUNT + 2)
/* The objective's waterfall as shown to people: every non-zero term
 * (value always), a rounding line when the rounded amounts would not add
 * up to the rounded objective, and the objective last.  Returns the
 * number of lines (0 when the result has no terms). */
int oap_waterfall(oap_wf_line *lines, const oa_result *r);

/* The order of oa_result_bottlenecks, for qsort (oa_bottleneck). */
int oap_bottleneck_cmp(const void *a, const void *b);

/* Hands r to the comparison, which frees it with itself (on failure r
 * is freed at once). */
int oap_comparison_own(oa_comparison *cmp, oa_result *r);

/* The budgets with a limit that bind (oa_result_summary.binding's bits;
 * the budgets among oa_result_bottlenecks). */
unsigned int oap_result_binding(const oa_result *r);
/* A budget's name for people: "total", "unit sales", "2027-01..2027-03"
 * (a range limit), and for a total or unit budget over part of the
 * horizon (a year) "total 2027-01..2027-12", "unit sales 2028-01..". */
void oap_budget_name(char *buf, size_t size, const oa_result *r,
                     oa_budget_kind kind, const char *unit, int from, int to);
/* Writes the binding budgets as "total, 2027-01..2027-03, unit sales"
 * (at most max of them, "+N more" after), or "none". */
void oap_binding_text(char *buf, size_t size, const oa_result *r, int max);

/* The most the range limits of a result let it spend in all (the least
 * sum of limits whose ranges cover every period); HUGE_VAL when they do
 * not cover all periods.  A total budget at or above it cannot bind. */
double oap_ranges_cap(const oa_result *r);

/* 1 when a result holds a roadmap (optimal or feasible). */
int oap_result_has_roadmap(const oa_result *r);
/* OA_OK when r is a roadmap of the checked plan; else OA_ESTATE (no
 * roadmap "to <what>") or OA_EINVALID (another plan's), in err. */
int oap_result_check_roadmap(const oa_checked *chk, const oa_result *r,
                             const char *what, oa_error *err);

#endif
