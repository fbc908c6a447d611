/*
 * What-if runs: a plan changed by a scenario and solved, alone or beside
 * the base.  The one place that copies, applies, warm-starts and
 * compares; the command's compare, report --compare, sweep and batch all
 * come here.
 */
#include "result.h"

#include <stdio.h>
#include <string.h>

OA_API int oa_solve_scenario(oa_result **out, const oa_plan *plan,
                             const oa_scenario *sc, const oa_solve_opts *opts,
                             oa_error *err, oa_error_list *errs)
{
    oa_plan *copy = NULL;
    int rc;
    if (out)
        *out = NULL;
    if (err)
        oa_error_clear(err);
    OAP_ARG(out && plan);
    rc = oa_plan_copy(&copy, plan);
    if (rc == OA_OK && sc)
        rc = oa_plan_apply_scenario(copy, sc, err, errs);
    if (rc == OA_OK)
        rc = oa_solve(out, copy, opts, err);
    if (rc == OA_OK && sc) {
        /* The result says what it was solved under. */
        const char *name = oa_scenario_name(sc), *file = oa_scenario_source(sc);
        (*out)->scenario = name ? oap_result_str(*out, name) : NULL;
        (*out)->scenario_file = file ? oap_result_str(*out, file) : NULL;
        if ((name && !(*out)->scenario) || (file && !(*out)->scenario_file)) {
            oa_result_free(*out);
            *out = NULL;
            rc = OA_ENOMEM;
            oap_error_set(err, rc, NULL, -1, "out of memory");
        }
    }
    oa_plan_free(copy);
    return rc;
}

/* The title of a scenario's column: its name, its file's name, or its
 * place. */
static const char *title(const oa_scenario *sc, size_t k, char *buf,
                         size_t size)
{
    const char *s = oa_scenario_name(sc), *slash;
    if (s && s[0])
        return s;
    s = oa_scenario_source(sc);
    if (s && s[0]) {
        slash = strrchr(s, '/');
        return slash ? slash + 1 : s;
    }
    snprintf(buf, size, "scenario %zu", k + 1);
    return buf;
}

OA_API int oa_compare_scenarios(oa_comparison **out, const oa_plan *plan,
                                const oa_scenario *const *scs, size_t n,
                                const oa_solve_opts *opts, oa_error *err,
                                oa_error_list *errs)
{
    oa_comparison *cmp = NULL;
    oa_result *base = NULL, *r;
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    size_t k;
    int rc = OA_OK, rc1;
    if (out)
        *out = NULL;
    if (err)
        oa_error_clear(err);
    OAP_ARG(out && plan && (scs || n == 0));
    for (k = 0; k < n; k++)
        OAP_ARG(scs[k]);
    /* Every scenario against the plan first: all errors at once. */
    for (k = 0; k < n && rc != OA_ENOMEM; k++) {
        oa_plan *copy = NULL;
        oa_error e;
        oa_error_clear(&e);
        rc1 = oa_plan_copy(&copy, plan);
        if (rc1 == OA_OK)
            rc1 = oa_plan_apply_scenario(copy, scs[k], &e, errs);
        if (rc1 != OA_OK && rc == OA_OK) {
            rc = rc1;
            if (err && rc1 != OA_ENOMEM)
                *err = e;
        }
        oa_plan_free(copy);
    }
    if (rc != OA_OK)
        return rc;
    if (opts)
        o = *opts;
    rc = oa_solve_scenario(&base, plan, NULL, &o, err, NULL);
    if (rc == OA_OK)
        rc = oa_comparison_new(&cmp, "base", base);
    if (rc == OA_OK)
        rc = oap_comparison_own(cmp, base);
    else
        oa_result_free(base);
    /* Each scenario from the base's roadmap, unless the caller gave one;
     * with stability prices, against it as the baseline. */
    if (rc == OA_OK && o.version >= 2 && o.start == NULL &&
        oap_result_has_roadmap(base))
        o.start = base;
    if (rc == OA_OK && o.version >= 7 && o.baseline == NULL &&
        (o.stability > 0 || o.drop_price > 0) &&
        oap_result_has_roadmap(base)) {
        o.baseline = base;
        o.as_of = 0;
    }
    for (k = 0; k < n && rc == OA_OK; k++) {
        char buf[32];
        rc = oa_solve_scenario(&r, plan, scs[k], &o, err, NULL);
        if (rc == OA_OK)
            rc = oap_comparison_own(cmp, r);
        if (rc == OA_OK)
            rc = oa_comparison_add(cmp, title(scs[k], k, buf, sizeof buf), r);
    }
    if (rc != OA_OK) {
        oa_comparison_free(cmp);
        return rc;
    }
    *out = cmp;
    return OA_OK;
}
