/*
 * Scenarios: each edit changes the plan as plan-format.md details 11 says,
 * checked by the optimum of small plans whose answers are derived by hand
 * (each file under tests/data/scenario says how), and every error names the
 * scenario's file and line.
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static oa_plan *read_plan(const char *rel)
{
    oa_plan *p;
    oa_error err;
    ck_assert_msg(oa_plan_read_file(&p, tu_top(rel), NULL, &err, NULL) ==
                      OA_OK,
                  "%s: %s", rel, err.text);
    return p;
}

static oa_scenario *read_sc(const char *rel)
{
    oa_scenario *s;
    oa_error err;
    ck_assert_msg(oa_scenario_read_file(&s, tu_top(rel), NULL, &err, NULL) ==
                      OA_OK,
                  "%s: %s", rel, err.text);
    return s;
}

static double optimum(oa_plan *p)
{
    oa_result *r;
    oa_error err;
    double v;
    ck_assert_msg(oa_solve(&r, p, NULL, &err) == OA_OK, "%s", err.text);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    v = oa_result_objective(r);
    oa_result_free(r);
    return v;
}

/* plan, scenario file, optimum after it */
static const struct {
    const char *plan, *scenario;
    double optimum;
} cases[] = {
    { "tests/data/explain/delays.xml", "tests/data/scenario/more-eng.xml", 195 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/drop-a.xml", 90 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/halve.xml", 25 },
    { "tests/data/solve/overtime.xml", "tests/data/scenario/overtime-cost.xml", 50 },
};

START_TEST(test_files)
{
    oa_plan *p = read_plan(cases[_i].plan);
    oa_scenario *s = read_sc(cases[_i].scenario);
    oa_error err;
    ck_assert_msg(oa_plan_apply_scenario(p, s, &err, NULL) == OA_OK, "%s",
                  err.text);
    tu_assert_num(optimum(p), cases[_i].optimum);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* The same edits built through the API, and two scenarios in order. */
START_TEST(test_api)
{
    oa_plan *p = read_plan("tests/data/solve/overtime.xml");
    oa_scenario *s, *t;
    double cost = 30, ct_max = 1, ct_cost = 5;
    ck_assert_int_eq(oa_scenario_new(&s, "api"), OA_OK);
    ck_assert_str_eq(oa_scenario_name(s), "api");
    ck_assert_int_eq(oa_scenario_set_overtime(s, "eng", "fte", NULL, &cost),
                     OA_OK);
    ck_assert_uint_eq(oa_scenario_edit_count(s), 1);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    tu_assert_num(optimum(p), 50);
    /* then contractors in period 2 only (see overtime-cost.xml): 75 */
    ck_assert_int_eq(oa_scenario_new(&t, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_contractors(t, "eng", "fte", &ct_max,
                                                 &ct_cost, "2", "2"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, t, NULL, NULL), OA_OK);
    tu_assert_num(optimum(p), 75);
    oa_scenario_free(s);
    oa_scenario_free(t);
    oa_plan_free(p);

    /* delays.xml: the capacity edit of more-eng.xml, and a budget that
     * leaves nothing for the initiatives' costs (they cost nothing: no
     * change), then an initiative's value raised: D worth 40 takes March
     * from C (30): 90 + 50 + 40 = 180. */
    p = read_plan("tests/data/explain/delays.xml");
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_budget_total(s, 0), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "D", "value", "40"), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    tu_assert_num(optimum(p), 180);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* Names that match nothing are errors, every one, with file and line; a
 * value the format does not allow too. */
START_TEST(test_errors)
{
    oa_plan *p = read_plan("tests/data/explain/delays.xml");
    oa_scenario *s = read_sc("tests/data/scenario/unknown.xml");
    oa_error_list *all;
    oa_error err;
    const oa_error *e;
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, all), OA_EINVALID);
    ck_assert_uint_eq(oa_error_list_count(all), 3);
    e = oa_error_list_get(all, 0);
    ck_assert_int_eq(e->line, 3);
    ck_assert_ptr_nonnull(strstr(e->source, "unknown.xml"));
    ck_assert_ptr_nonnull(strstr(e->text, "unknown unit 'engineering'"));
    e = oa_error_list_get(all, 1);
    ck_assert_int_eq(e->line, 4);
    ck_assert_ptr_nonnull(strstr(e->text, "unknown initiative 'Z'"));
    e = oa_error_list_get(all, 2);
    ck_assert_int_eq(e->line, 5);
    ck_assert_ptr_nonnull(strstr(e->text, "'2030-01' is not a period"));
    oa_scenario_free(s);
    oa_error_list_free(all);

    /* the schema: a negative number and an unknown element */
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    s = (oa_scenario *)1;
    ck_assert_int_eq(oa_scenario_read_file(&s, tu_top("tests/data/scenario/"
                                                      "bad-schema.xml"),
                                           NULL, &err, all),
                     OA_EINVALID);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(oa_error_list_count(all), 2);
    ck_assert_int_eq(oa_error_list_get(all, 0)->line, 3);
    ck_assert_int_eq(oa_error_list_get(all, 1)->line, 4);
    oa_error_list_free(all);

    /* an edit that breaks the plan's rules: a duration past the horizon */
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "duration", "9"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_EINVALID);
    ck_assert_ptr_nonnull(strstr(err.text, "'A'"));
    oa_scenario_free(s);
    /* (the plan is now partly edited: a fresh one) */
    oa_plan_free(p);
    p = read_plan("tests/data/explain/delays.xml");
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "colour", "red"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_EINVALID);
    ck_assert_ptr_nonnull(strstr(err.text, "no attribute 'colour'"));
    oa_scenario_free(s);
    oa_plan_free(p);

    /* misuse */
    ck_assert_int_eq(oa_scenario_set_capacity(NULL, "a", "b", 1, NULL, NULL),
                     OA_EINVAL);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_capacity(s, "a", "b", NAN, NULL, NULL),
                     OA_EINVAL);
    ck_assert_int_eq(oa_scenario_set_budget_total(s, -1), OA_EINVAL);
    oa_scenario_free(s);
}
END_TEST

/* Removing an initiative that others require: they can no longer be
 * chosen; a mandatory one then makes the plan infeasible. */
START_TEST(test_remove_required)
{
    oa_plan *p;
    oa_unit *u;
    oa_initiative *a, *b;
    oa_scenario *s;
    oa_result *r;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 4);
    oa_plan_add_resource(p, "fte", NULL, NULL);
    oa_plan_add_unit(&u, p, "eng", NULL);
    oa_unit_add_capacity(u, "fte", 5, NULL, NULL);
    oa_plan_add_initiative(&a, p, "a", 1);
    oa_initiative_set_value(a, 10);
    oa_initiative_add_demand(a, "eng", "fte", 1, 0, 0);
    oa_plan_add_initiative(&b, p, "b", 1);
    oa_initiative_set_value(b, 20);
    oa_initiative_add_demand(b, "eng", "fte", 1, 0, 0);
    oa_initiative_add_requirement(b, "a", 0);
    tu_assert_num(optimum(p), 30);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_remove_initiative(s, "a"), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    ck_assert_uint_eq(oa_plan_initiative_count(p), 1);
    tu_assert_num(optimum(p), 0);
    oa_scenario_free(s);
    ck_assert_int_eq(oa_plan_find_initiative(&b, p, "b"), OA_OK);
    oa_initiative_set_mandatory(b, 1);
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_INFEASIBLE);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scenario");
    TCase *tc = tcase_create("scenario");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_files, 0,
                        (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_api);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_remove_required);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
