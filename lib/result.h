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
    double objective, bound, gap, seconds;
    const char *name, *currency;
    int P;
    const char **labels;        /* [P] */
    OAP_VEC(oa_initiative_result) ini;
    OAP_VEC(oa_load) loads;
    OAP_VEC(oa_spend) spend;
    OAP_VEC(oa_spend) period_spend;   /* [P]: all spend of each period */
    double deficit;
    int deficit_proven;
    OAP_VEC(oa_deficit) deficits;
};

/* A new empty result (NULL on out of memory). */
oa_result *oap_result_new(void);
/* Copies a string into the result. */
const char *oap_result_str(oa_result *r, const char *s);
/* Sets the period labels (copied). */
int oap_result_set_labels(oa_result *r, int P, const char *const *labels);

/* The label of period t (1-based), or "?" when the result has none. */
const char *oap_result_label(const oa_result *r, int t);

/* The order of oa_result_bottlenecks, for qsort (oa_bottleneck). */
int oap_bottleneck_cmp(const void *a, const void *b);

/* Hands r to the comparison, which frees it with itself (on failure r
 * is freed at once). */
int oap_comparison_own(oa_comparison *cmp, oa_result *r);

/* 1 when a result holds a roadmap (optimal or feasible). */
int oap_result_has_roadmap(const oa_result *r);
/* OA_OK when r is a roadmap of the checked plan; else OA_ESTATE (no
 * roadmap "to <what>") or OA_EINVALID (another plan's), in err. */
int oap_result_check_roadmap(const oa_checked *chk, const oa_result *r,
                             const char *what, oa_error *err);

#endif
