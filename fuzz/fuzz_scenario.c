/*
 * Fuzz target: a scenario from arbitrary bytes, applied to a copy of
 * examples/small.xml; an edited plan that is valid is solved for a moment.
 * Bytes that are no scenario are read as actuals against the plan, which
 * is then re-planned from them as of its last period.
 */
#include <opsalign.h>

#include "fuzz.h"

static void fuzz_actuals(const uint8_t *data, size_t size)
{
    oa_plan *plan = fuzz_base_plan();
    oa_actuals *act = NULL;
    oa_error err;
    if (plan != NULL &&
        oa_actuals_read_memory(&act, (const char *)data, size, "actuals.xml",
                               plan, NULL, &err, NULL) == OA_OK) {
        oa_solve_opts so = OA_SOLVE_OPTS_INIT;
        oa_result *res = NULL;
        so.time_limit = 0.2;
        so.actuals = act;
        so.as_of = oa_plan_period_count(plan);
        if (oa_solve(&res, plan, &so, &err) == OA_OK) {
            fuzz_check(plan, res);
            oa_result_free(res);
        }
    }
    oa_actuals_free(act);
    oa_plan_free(plan);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oa_scenario *sc = NULL;
    oa_plan *plan = NULL;
    oa_error_list *all = NULL;
    oa_error err;

    fuzz_init();
    if (oa_scenario_read_memory(&sc, (const char *)data, size,
                                "scenario.xml", NULL, &err, NULL) != OA_OK) {
        fuzz_actuals(data, size);
        return 0;
    }
    plan = fuzz_base_plan();
    if (plan != NULL && oa_error_list_new(&all) == OA_OK &&
        oa_plan_apply_scenario(plan, sc, &err, all) == OA_OK) {
        oa_solve_opts so = OA_SOLVE_OPTS_INIT;
        oa_result *res = NULL;
        so.time_limit = 0.2;
        if (oa_solve(&res, plan, &so, &err) == OA_OK) {
            fuzz_check(plan, res);
            oa_result_free(res);
        }
    }
    oa_error_list_free(all);
    oa_plan_free(plan);
    oa_scenario_free(sc);
    return 0;
}
