/*
 * Scenarios: each edit changes the plan as plan-format.md details 11 says,
 * checked by the optimum of small plans whose answers are derived by hand
 * (each file under tests/data/scenario says how), and every error names the
 * scenario's file and line.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    tu_assert_oracle(p, r, "scenario");
    v = oa_result_objective(r);
    oa_result_free(r);
    return v;
}

/* plan, scenario file, optimum after it; numbers.xml (optimum 160) under
 * the edits of numbers (each file says how its optimum comes about) */
#define NUM_PLAN "tests/data/scenario/numbers.xml"
#define NUM_SC(f) "tests/data/scenario/numbers-" f
static const struct {
    const char *plan, *scenario;
    double optimum;
} cases[] = {
    { "tests/data/explain/delays.xml", "tests/data/scenario/more-eng.xml", 195 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/drop-a.xml", 90 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/halve.xml", 25 },
    { "tests/data/solve/overtime.xml", "tests/data/scenario/overtime-cost.xml", 50 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/pin-b.xml", 160 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/pin-a-late.xml", 110 },
    { "tests/data/explain/delays.xml", "tests/data/scenario/pin-release.xml", 170 },
    { NUM_PLAN, NUM_SC("budget-scale.xml"), 240 },
    { NUM_PLAN, NUM_SC("budget-cut.xml"), 160 },
    { NUM_PLAN, NUM_SC("unit-budget.xml"), 140 },
    { NUM_PLAN, NUM_SC("unit-budget-set.xml"), 240 },
    { NUM_PLAN, NUM_SC("limit-new.xml"), 140 },
    { NUM_PLAN, NUM_SC("demand.xml"), 100 },
    { NUM_PLAN, NUM_SC("operating.xml"), 160 },
    { NUM_PLAN, NUM_SC("volume.xml"), 100 },
    { NUM_PLAN, NUM_SC("slip.xml"), 170 },
    { NUM_PLAN, NUM_SC("scale-value.xml"), 320 },
    { NUM_PLAN, NUM_SC("scale-cost.xml"), 240 },
    { NUM_PLAN, NUM_SC("loan.xml"), 160 },
    { NUM_PLAN, NUM_SC("budget-50.xml"), 60 },
    { NUM_PLAN, NUM_SC("add.xml"), 660 },
};

START_TEST(test_files)
{
    oa_plan *p = tu_read_plan(cases[_i].plan);
    oa_scenario *s = read_sc(cases[_i].scenario);
    oa_error err;
    ck_assert_msg(oa_plan_apply_scenario(p, s, &err, NULL) == OA_OK, "%s",
                  err.text);
    tu_assert_num(optimum(p), cases[_i].optimum);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* Pins: where the plan pins, the solve starts there; the API's pin is
 * the attribute's; a scenario's pin to no period is an error at its line. */
START_TEST(test_pins)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    oa_scenario *s = read_sc("tests/data/scenario/pin-unknown.xml");
    oa_initiative *a = NULL;
    oa_result *r;
    oa_initiative_result ir;
    oa_error err;
    ck_assert_int_eq(oa_plan_find_initiative(&a, p, "A"), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_EINVALID);
    ck_assert_int_eq(err.line, 4);
    ck_assert_ptr_nonnull(strstr(err.source, "pin-unknown.xml"));
    ck_assert_ptr_nonnull(strstr(err.text, "pin '2027-13' is not a period"));
    ck_assert_ptr_null(oa_initiative_pin(a));
    /* Through the API: A pinned to February (A@2 70 + B@1 60 + C@3 30). */
    ck_assert_int_eq(oa_initiative_set_pin(a, "2027-02"), OA_OK);
    ck_assert_str_eq(oa_initiative_pin(a), "2027-02");
    ck_assert_int_eq(oa_solve(&r, p, NULL, &err), OA_OK);
    tu_assert_oracle(p, r, "pinned A");
    tu_assert_num(oa_result_objective(r), 160);
    ck_assert_int_eq(oa_result_find_initiative(&ir, r, "A"), OA_OK);
    ck_assert_int_eq(ir.start, 2);
    ck_assert_int_eq(ir.mandatory, 2);
    oa_result_free(r);
    /* Released, the plan's optimum again. */
    ck_assert_int_eq(oa_initiative_set_pin(a, NULL), OA_OK);
    ck_assert_ptr_null(oa_initiative_pin(a));
    tu_assert_num(optimum(p), 170);
    /* Control characters are refused, as in every name. */
    ck_assert_int_eq(oa_initiative_set_pin(a, "2027\n02"), OA_EINVAL);
    oa_scenario_free(s);
    /* Pins that fit alone but not together: infeasible, 2 fte short in
     * 2027-01, and the diagnosis names both pins there. */
    s = read_sc("tests/data/scenario/pin-clash.xml");
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_OK);
    ck_assert_int_eq(oa_solve(&r, p, NULL, &err), OA_OK);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_INFEASIBLE);
    tu_assert_num(oa_result_deficit(r), 2);
    ck_assert_uint_eq(oa_result_deficit_count(r), 1);
    ck_assert_uint_eq(oa_result_held_count(r), 2);
    {
        oa_held h;
        oa_deficit d;
        char *xml;
        size_t n, k;
        ck_assert_int_eq(oa_result_deficit_row(&d, r, 0), OA_OK);
        ck_assert_int_eq(d.period, 1);
        for (k = 0; k < 2; k++) {
            ck_assert_int_eq(oa_result_held(&h, r, k), OA_OK);
            ck_assert_str_eq(h.id, k ? "B" : "A");
            ck_assert_uint_eq(h.deficit, 0);
            ck_assert_int_eq(h.start, 1);
            ck_assert_int_eq(h.kept, 0);
            tu_assert_num(h.amount, 2);
        }
        ck_assert_int_eq(oa_result_write(&xml, &n, r, OA_FORMAT_TEXT), OA_OK);
        ck_assert_msg(strstr(xml, "held there: A (pinned to 2027-01, 2), B "
                                  "(pinned to 2027-01, 2)") != NULL, "%s", xml);
        free(xml);
        ck_assert_int_eq(oa_result_write(&xml, &n, r, OA_FORMAT_XML), OA_OK);
        oa_result_free(r);
        ck_assert_int_eq(oa_result_read_memory(&r, xml, n, "r.xml", &err),
                         OA_OK);
        free(xml);
        ck_assert_uint_eq(oa_result_held_count(r), 2);
        ck_assert_int_eq(oa_result_held(&h, r, 1), OA_OK);
        ck_assert_str_eq(h.id, "B");
    }
    oa_result_free(r);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* An error expected at a line: the text it must hold. */
typedef struct want_error {
    int line;
    const char *text;
} want_error;

/* Applies scenario file sc to plan file plan and checks that it fails
 * with exactly the errors of want, in order, at the scenario's lines. */
static void assert_errors(const char *plan, const char *sc,
                          const want_error *want, size_t n)
{
    oa_plan *p = tu_read_plan(plan);
    oa_scenario *s = read_sc(sc);
    oa_error_list *all;
    size_t k;
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, all), OA_EINVALID);
    ck_assert_uint_eq(oa_error_list_count(all), n);
    for (k = 0; k < n; k++) {
        const oa_error *e = oa_error_list_get(all, k);
        ck_assert_int_eq(e->line, want[k].line);
        ck_assert_msg(strstr(e->text, want[k].text) != NULL, "%s", e->text);
        ck_assert_msg(strstr(e->source, strrchr(sc, '/') + 1) != NULL,
                      "%s", e->source);
    }
    oa_error_list_free(all);
    oa_scenario_free(s);
    oa_plan_free(p);
}

/* Edits of numbers: what each leaves in the plan, and every name that
 * matches nothing reported at its line, all at once. */
START_TEST(test_number_edits)
{
    static const want_error want[] = {
        { 5, "no budget limit over 2027-03..2027-04 to scale" },
        { 6, "unit 'ops' has no budget to scale" },
        { 7, "unknown unit 'legal'" },
        { 8, "initiative 'C' has no demand on unit 'eng', resource 'fte'" },
        { 9, "unknown initiative 'Z'" },
        { 10, "no loan from 'eng' to 'ops' of 'fte'" },
        { 12, "unit 'eng' has no operating plan '*'" },
        { 13, "a slip of 2 moves the earliest start of 'C' to period 5" },
        { 14, "id=\"*\" goes with scale-value" },
    };
    oa_plan *p;
    oa_scenario *s;
    oa_loan_info ln;
    oa_limit_info li;
    oa_demand_info d;
    oa_initiative_demand_info dm;
    oa_unit_budget_info ub;
    oa_unit *eng = NULL;
    double total, v = 0.5, vol = 300, pr = 150, mx = 1, cs = 7;
    assert_errors(NUM_PLAN, NUM_SC("errors.xml"), want,
                  sizeof want / sizeof *want);

    /* Through the API: the numbers after the edits. */
    p = tu_read_plan(NUM_PLAN);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_scale_budgets(s, 0.9), OA_OK);
    ck_assert_int_eq(oa_scenario_set_limit(s, "2027-01", "2027-02", NULL, &v),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_loan(s, "ops", "eng", "fte", &mx, NULL),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_operating_plan(s, "ops", "run", "*",
                                                    NULL, &vol, &pr),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "B", "scale-duration",
                                                "2.6"),
                     OA_OK);
    v = 2;
    ck_assert_int_eq(oa_scenario_set_demand(s, "A", "*", "*", NULL, &v),
                     OA_OK);
    /* nothing to set or scale, a negative factor, no productivity */
    ck_assert_int_eq(oa_scenario_set_limit(s, NULL, NULL, NULL, NULL),
                     OA_EINVAL);
    cs = -1;
    ck_assert_int_eq(oa_scenario_set_unit_budget(s, "eng", NULL, &cs),
                     OA_EINVAL);
    cs = 0;
    ck_assert_int_eq(oa_scenario_set_operating_plan(s, "ops", "run", "*",
                                                    NULL, NULL, &cs),
                     OA_EINVAL);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_budget_total(&total, p), OA_OK);
    tu_assert_num(total, 900);
    ck_assert_int_eq(oa_plan_budget_limit(&li, p, 0), OA_OK);
    tu_assert_num(li.value, 270); /* 600 x 0.9 x 0.5 */
    ck_assert_int_eq(oa_plan_find_unit(&eng, p, "eng"), OA_OK);
    ck_assert_int_eq(oa_unit_budget(&ub, eng, 0), OA_OK);
    tu_assert_num(ub.value, 720);
    ck_assert_int_eq(oa_plan_loan(&ln, p, 0), OA_OK);
    tu_assert_num(ln.max, 1);
    tu_assert_num(ln.cost, 5); /* kept */
    ck_assert_int_eq(oa_operating_plan_demand(&d, oa_plan_operating_plan(p, 0),
                                              0),
                     OA_OK);
    tu_assert_num(d.volume, 300);
    tu_assert_num(d.productivity, 150);
    tu_assert_num(d.value, 2);
    ck_assert_int_eq(oa_initiative_duration(oa_plan_initiative(p, 1)), 3);
    ck_assert_int_eq(oa_initiative_demand(&dm, oa_plan_initiative(p, 0), 0),
                     OA_OK);
    tu_assert_num(dm.value, 2);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* New initiatives: through the API (a scratch plan's initiative), and
 * the errors of numbers-add-errors.xml at each <add>. */
START_TEST(test_add)
{
    static const want_error want[] = {
        { 5, "the plan has an initiative 'A' already" },
        { 8, "names unit 'legal'" },
        { 8, "names resource 'hours'" },
        { 8, "names initiative 'Z'" },
        { 8, "earliest '2031-01' of initiative 'E' is not a period" },
    };
    oa_plan *p, *scratch;
    oa_scenario *s;
    oa_initiative *d;
    assert_errors(NUM_PLAN, NUM_SC("add-errors.xml"), want,
                  sizeof want / sizeof *want);
    /* The same D as numbers-add.xml, built in code: 660. */
    p = tu_read_plan(NUM_PLAN);
    ck_assert_int_eq(oa_plan_new(&scratch), OA_OK);
    ck_assert_int_eq(oa_plan_add_initiative(&d, scratch, "D", 1), OA_OK);
    ck_assert_int_eq(oa_initiative_set_value(d, 500), OA_OK);
    ck_assert_int_eq(oa_initiative_set_earliest(d, "2027-02"), OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(d, "ops", "fte", 1, 0, 0),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_add_initiative(s, d), OA_OK);
    oa_plan_free(scratch); /* the scenario holds its own copy */
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    ck_assert_uint_eq(oa_plan_initiative_count(p), 4);
    tu_assert_num(optimum(p), 660);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* The initiative of the scenario format's <add> is the plan format's:
 * the two built-in schemas define it alike. */
START_TEST(test_schemas_agree)
{
    const char *a = strstr(oa_plan_schema(), "<xs:complexType name=\"initiative\">");
    const char *b = strstr(oa_scenario_schema(),
                           "<xs:complexType name=\"initiative\">");
    const char *ea, *eb;
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ea = strstr(strstr(a, "name=\"pin\""), "</xs:complexType>");
    eb = strstr(strstr(b, "name=\"pin\""), "</xs:complexType>");
    ck_assert_ptr_nonnull(ea);
    ck_assert_ptr_nonnull(eb);
    ck_assert_int_eq(ea - a, eb - b);
    ck_assert_int_eq(memcmp(a, b, (size_t)(ea - a)), 0);
}
END_TEST

/* Re-planning as of a period.  delays.xml's roadmap (A@1, B@2, C@3) is
 * the baseline; the scenario takes A's benefit away and gives B 100 per
 * period left: A@1 50, A@2 50, B@1 240, B@2 140.  Free, B goes first: B@1
 * 240 + A@2 50 + C@3 30 = 320.  As of period 2, A keeps its start: A@1 50
 * + B@2 140 + C@3 30 = 220.  A baseline the plan cannot keep, or one of
 * other periods, is an error. */
START_TEST(test_rebase)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    oa_scenario *s;
    oa_result *base, *r;
    oa_initiative_result ir;
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    oa_error err;
    char *xml;
    size_t n;
    ck_assert_int_eq(oa_solve(&base, p, NULL, &err), OA_OK);
    tu_assert_num(oa_result_objective(base), 170);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "benefit-per-period",
                                                "0"),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "B", "benefit-per-period",
                                                "100"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    tu_assert_num(optimum(p), 320);
    o.baseline = base;
    o.as_of = 2;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_OK);
    tu_assert_oracle(p, r, "as of 2");
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    tu_assert_num(oa_result_objective(r), 220);
    ck_assert_int_eq(oa_result_as_of(r), 2);
    ck_assert_int_eq(oa_result_kept(r), 1);
    ck_assert_int_eq(oa_result_find_initiative(&ir, r, "A"), OA_OK);
    ck_assert_int_eq(ir.start, 1);
    ck_assert_int_eq(oa_result_find_initiative(&ir, r, "B"), OA_OK);
    ck_assert_int_eq(ir.start, 2);
    /* The result says so, in XML and back. */
    ck_assert_int_eq(oa_result_write(&xml, &n, r, OA_FORMAT_XML), OA_OK);
    ck_assert_ptr_nonnull(strstr(xml, "as-of=\"2\" kept=\"1\""));
    oa_result_free(r);
    ck_assert_int_eq(oa_result_read_memory(&r, xml, n, "r.xml", &err), OA_OK);
    ck_assert_int_eq(oa_result_as_of(r), 2);
    ck_assert_int_eq(oa_result_kept(r), 1);
    oa_result_free(r);
    free(xml);
    /* As of 1 nothing is kept: the free optimum. */
    o.as_of = 1;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_OK);
    tu_assert_num(oa_result_objective(r), 320);
    oa_result_free(r);
    /* Errors: a period outside the horizon; A's start ruled out. */
    o.as_of = 4;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_EINVAL);
    ck_assert_ptr_null(r);
    oa_scenario_free(s);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "earliest", "2"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    o.as_of = 3;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_EINVALID);
    ck_assert_int_eq(err.line, 42);
    ck_assert_ptr_nonnull(strstr(err.text, "'A' started in period 1"));
    oa_scenario_free(s);
    oa_result_free(base);
    oa_plan_free(p);

    /* Levers: overtime.xml's baseline pays 1 fte of overtime in period 1
     * for B (optimum 95).  B made worth 0 and needing nothing: free, A@2
     * 70 and B anywhere for 0: 70.  As of 2 the overtime of period 1
     * stays bought though nothing needs it: 70 - 15 = 55. */
    p = tu_read_plan("tests/data/solve/overtime.xml");
    ck_assert_int_eq(oa_solve(&base, p, NULL, &err), OA_OK);
    tu_assert_num(oa_result_objective(base), 95);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "B", "value", "0"), OA_OK);
    {
        double zero = 0;
        ck_assert_int_eq(oa_scenario_set_demand(s, "B", "*", "*", &zero,
                                                NULL),
                         OA_OK);
    }
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    tu_assert_num(optimum(p), 70);
    o.baseline = base;
    o.as_of = 2;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_OK);
    tu_assert_oracle(p, r, "overtime as of 2");
    tu_assert_num(oa_result_objective(r), 55);
    oa_result_free(r);
    oa_scenario_free(s);
    oa_result_free(base);
    oa_plan_free(p);
}
END_TEST

/* year.xml with a scenario applied, solved against base with options o:
 * optimal, checked by the oracle, its objective want. */
static oa_result *replan(const char *scenario, const oa_result *base,
                         oa_solve_opts *o, double want)
{
    oa_plan *p = tu_read_plan("tests/data/replan/year.xml");
    oa_scenario *s = read_sc(scenario);
    oa_result *r;
    oa_error err;
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_OK);
    o->baseline = base;
    ck_assert_msg(oa_solve(&r, p, o, &err) == OA_OK, "%s", err.text);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    tu_assert_oracle(p, r, scenario);
    tu_assert_num(oa_result_objective(r), want);
    oa_scenario_free(s);
    oa_plan_free(p);
    return r;
}

/* The moves of r as "C:7>9 E:11>0", in the plan's order. */
static void moves_text(char *buf, size_t size, const oa_result *r)
{
    size_t k, n = 0;
    buf[0] = '\0';
    for (k = 0; k < oa_result_move_count(r); k++) {
        oa_move mv;
        ck_assert_int_eq(oa_result_move(&mv, r, k), OA_OK);
        n += (size_t)snprintf(buf + n, size - n, "%s%s:%d>%d", k ? " " : "",
                              mv.id, mv.from, mv.to);
        ck_assert_uint_lt(n, size);
    }
}

/* Re-planning year.xml (tests/data/replan, which derives every number):
 * as of 2027-07 the starts before it, and the spend of its first six
 * months, stay; with stability prices only the moves that pay for
 * themselves are made. */
START_TEST(test_replan_year)
{
    oa_plan *p = tu_read_plan("tests/data/replan/year.xml");
    oa_result *base, *r;
    oa_initiative_result ir;
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    oa_error err;
    char buf[200], *xml;
    size_t n, t;
    ck_assert_int_eq(oa_solve(&base, p, NULL, &err), OA_OK);
    tu_assert_num(oa_result_objective(base), 585);
    oa_plan_free(p);

    /* As of 2027-07, F made worthless: A, B, F keep their starts and
     * February its overtime; C and D move, E goes.  Free it would be
     * 490 (no F, no overtime). */
    o.as_of = 7;
    r = replan("tests/data/replan/cut-f.xml", base, &o, 485);
    ck_assert_int_eq(oa_result_kept(r), 3);
    ck_assert_int_eq(oa_result_find_initiative(&ir, r, "F"), OA_OK);
    ck_assert_int_eq(ir.start, 2);
    for (t = 0; t < 6; t++) {
        oa_spend a, b;
        ck_assert_int_eq(oa_result_period_spend(&a, base, t), OA_OK);
        ck_assert_int_eq(oa_result_period_spend(&b, r, t), OA_OK);
        tu_assert_num(b.spend, a.spend);
        tu_assert_num(b.overtime, a.overtime);
    }
    moves_text(buf, sizeof buf, r);
    ck_assert_str_eq(buf, "C:7>9 D:9>11 E:11>0");
    oa_result_free(r);
    /* As of May with no eng in May: B, kept, cannot run on. */
    o.as_of = 5;
    p = tu_read_plan("tests/data/replan/year.xml");
    {
        oa_scenario *s = read_sc("tests/data/replan/cut-may.xml");
        oa_held h;
        ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_OK);
        oa_scenario_free(s);
        o.baseline = base;
        ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_OK);
        ck_assert_int_eq(oa_result_status(r), OA_STATUS_INFEASIBLE);
        tu_assert_num(oa_result_deficit(r), 2);
        ck_assert_uint_eq(oa_result_held_count(r), 1);
        ck_assert_int_eq(oa_result_held(&h, r, 0), OA_OK);
        ck_assert_str_eq(h.id, "B");
        ck_assert_int_eq(h.kept, 1);
        ck_assert_int_eq(h.start, 4);
        oa_result_free(r);
    }
    oa_plan_free(p);
    o.as_of = 0;

    /* The capacity cut without prices: the free optimum, three changes;
     * the baseline's roadmap no longer fits. */
    r = replan("tests/data/replan/cut.xml", base, &o, 515);
    moves_text(buf, sizeof buf, r);
    ck_assert_str_eq(buf, "C:7>9 D:9>11 E:11>0");
    tu_assert_num(oa_result_term(r, OA_TERM_STABILITY), 0);
    ck_assert_int_eq(oa_result_baseline_fits(r), 0);
    ck_assert(isnan(oa_result_baseline_objective(r)));
    oa_result_free(r);

    /* 10 per period moved (drops 120): only C goes. */
    o.stability = 10;
    r = replan("tests/data/replan/cut.xml", base, &o, 365);
    moves_text(buf, sizeof buf, r);
    ck_assert_str_eq(buf, "C:7>0");
    tu_assert_num(oa_result_term(r, OA_TERM_STABILITY), -120);
    {
        oa_move mv;
        ck_assert_int_eq(oa_result_move(&mv, r, 0), OA_OK);
        tu_assert_num(mv.price, 120);
        tu_assert_num(mv.value, -100);
    }
    /* in XML and back */
    ck_assert_int_eq(oa_result_write(&xml, &n, r, OA_FORMAT_XML), OA_OK);
    oa_result_free(r);
    ck_assert_int_eq(oa_result_read_memory(&r, xml, n, "r.xml", &err), OA_OK);
    free(xml);
    ck_assert_int_eq(oa_result_has_baseline(r), 1);
    ck_assert_int_eq(oa_result_baseline_fits(r), 0);
    moves_text(buf, sizeof buf, r);
    ck_assert_str_eq(buf, "C:7>0");
    tu_assert_num(oa_result_term(r, OA_TERM_STABILITY), -120);
    oa_result_free(r);

    /* 5 per period (drops 60): the moves gain 30 and cost 20. */
    o.stability = 5;
    r = replan("tests/data/replan/cut.xml", base, &o, 435);
    moves_text(buf, sizeof buf, r);
    ck_assert_str_eq(buf, "C:7>9 D:9>11 E:11>0");
    tu_assert_num(oa_result_term(r, OA_TERM_STABILITY), -80);
    oa_result_free(r);

    /* The plan's own prices: C's drop 1000, E's moves (and drop) free. */
    o.stability = 10;
    r = replan("tests/data/replan/prices.xml", base, &o, 475);
    moves_text(buf, sizeof buf, r);
    ck_assert_str_eq(buf, "C:7>9 D:9>11 E:11>0");
    tu_assert_num(oa_result_term(r, OA_TERM_STABILITY), -40);
    oa_result_free(r);

    /* No change at all: the baseline's roadmap, which fits, at 0 price. */
    r = replan("tests/data/replan/none.xml", base, &o, 585);
    ck_assert_uint_eq(oa_result_move_count(r), 0);
    ck_assert_int_eq(oa_result_baseline_fits(r), 1);
    tu_assert_num(oa_result_baseline_objective(r), 585);
    oa_result_free(r);

    /* Actuals instead of the baseline (tests/data/replan/actuals.xml): B
     * started a month late, F not at all; as of 2027-07 under the cut:
     * 480. */
    {
        oa_actuals *act = NULL;
        oa_error_list *all;
        oa_scenario *s = read_sc("tests/data/replan/cut.xml");
        p = tu_read_plan("tests/data/replan/year.xml");
        ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_OK);
        oa_scenario_free(s);
        ck_assert_msg(oa_actuals_read_file(&act, tu_top("tests/data/replan/"
                                                        "actuals.xml"),
                                           p, NULL, &err, NULL) == OA_OK,
                      "%s", err.text);
        {
            oa_solve_opts ao = OA_SOLVE_OPTS_INIT;
            ao.actuals = act;
            ao.as_of = 7;
            ck_assert_msg(oa_solve(&r, p, &ao, &err) == OA_OK, "%s",
                          err.text);
            ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
            tu_assert_oracle(p, r, "actuals");
            tu_assert_num(oa_result_objective(r), 480);
            ck_assert_int_eq(oa_result_kept(r), 2);
            ck_assert_int_eq(oa_result_find_initiative(&ir, r, "B"), OA_OK);
            ck_assert_int_eq(ir.start, 5);
            ck_assert_int_eq(oa_result_find_initiative(&ir, r, "F"), OA_OK);
            ck_assert_int_eq(ir.scheduled, 0);
            oa_result_free(r);
            /* actuals of May are not before March; actuals need as_of */
            ao.as_of = 3;
            ck_assert_int_eq(oa_solve(&r, p, &ao, &err), OA_EINVALID);
            ck_assert_int_eq(err.line, 11);
            ck_assert_ptr_nonnull(strstr(err.text, "actuals for 2027-05"));
            ao.as_of = 0;
            ck_assert_int_eq(oa_solve(&r, p, &ao, &err), OA_EINVAL);
        }
        oa_actuals_free(act);
        /* Every mistake at its line. */
        ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
        ck_assert_int_eq(oa_actuals_read_file(&act,
                                              tu_top("tests/data/replan/"
                                                     "actuals-errors.xml"),
                                              p, NULL, &err, all),
                         OA_EINVALID);
        ck_assert_ptr_null(act);
        {
            static const int lines[] = { 4, 5, 6, 7, 9, 11, 12, 13, 15 };
            size_t k;
            ck_assert_uint_eq(oa_error_list_count(all), 9);
            for (k = 0; k < 9; k++)
                ck_assert_int_eq(oa_error_list_get(all, k)->line, lines[k]);
            ck_assert_ptr_nonnull(strstr(oa_error_list_get(all, 0)->text,
                                         "unknown initiative 'Z'"));
        }
        oa_error_list_free(all);
        oa_plan_free(p);
    }

    /* Prices below 0 are refused. */
    p = tu_read_plan("tests/data/replan/year.xml");
    o.baseline = base;
    o.stability = -1;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_EINVAL);
    o.stability = 0;
    o.drop_price = NAN;
    ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_EINVAL);
    oa_plan_free(p);
    oa_result_free(base);
}
END_TEST

/* year.xml with budget.xml, re-planned as of 2027-07 from actuals (with
 * a total budget of total when > 0): optimal, checked by the oracle, its
 * objective want. */
static oa_result *replan_actuals(const char *actuals, double total,
                                 double want)
{
    oa_plan *p = tu_read_plan("tests/data/replan/year.xml");
    oa_scenario *s = read_sc("tests/data/replan/budget.xml");
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    oa_actuals *a;
    oa_result *r;
    oa_error err;
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, &err, NULL), OA_OK);
    oa_scenario_free(s);
    if (total > 0)
        ck_assert_int_eq(oa_plan_set_budget_total(p, total), OA_OK);
    ck_assert_msg(oa_actuals_read_file(&a, tu_top(actuals), p, NULL, &err,
                                       NULL) == OA_OK,
                  "%s", err.text);
    o.actuals = a;
    o.as_of = 7;
    ck_assert_msg(oa_solve(&r, p, &o, &err) == OA_OK, "%s", err.text);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    tu_assert_oracle(p, r, actuals);
    tu_assert_num(oa_result_objective(r), want);
    oa_actuals_free(a);
    oa_plan_free(p);
    return r;
}

/* Spend row i (period i + 1 when period is set) of r: its spend, its
 * initiatives' part and the actuals' adjustment. */
static void assert_spend(const oa_result *r, int period, size_t i,
                         double spend, double initiatives, double adjustment)
{
    oa_spend sp;
    ck_assert_int_eq(period ? oa_result_period_spend(&sp, r, i)
                            : oa_result_spend(&sp, r, i),
                     OA_OK);
    tu_assert_num(sp.spend, spend);
    tu_assert_num(sp.initiatives, initiatives);
    tu_assert_num(sp.adjustment, adjustment);
}

/* The start of initiative id in r (0: not scheduled). */
static void assert_start(const oa_result *r, const char *id, int start)
{
    oa_initiative_result ir;
    ck_assert_int_eq(oa_result_find_initiative(&ir, r, id), OA_OK);
    ck_assert_int_eq(ir.scheduled ? ir.start : 0, start);
}

/* Actuals with the money spent (tests/data/replan/spent.xml derives every
 * number): the budgets count it in place of what the plan's prices give
 * before the re-plan, a unit's entry in its own rows and the total's, the
 * organization's in the total's only. */
START_TEST(test_replan_spend)
{
    oa_result *r;
    oa_error err;
    char *xml;
    size_t n;
    /* Without the money: A + B + C + D spend the 1000 exactly. */
    r = replan_actuals("tests/data/replan/actuals.xml", 0, 495);
    assert_spend(r, 0, 0, 1000, 1000, 0);
    assert_spend(r, 0, 1, 1000, 1000, 0);
    oa_result_free(r);

    /* 100 more spent overall, 150 more by eng: only C of C, D, E fits. */
    r = replan_actuals("tests/data/replan/spent.xml", 0, 430);
    assert_start(r, "C", 8);
    assert_start(r, "D", 0);
    assert_spend(r, 0, 0, 900, 800, 100);   /* total */
    assert_spend(r, 0, 1, 950, 800, 150);   /* eng */
    assert_spend(r, 1, 0, 100, 100, 0);     /* 2027-01 */
    assert_spend(r, 1, 1, 250, 100, 150);   /* 2027-02: eng's entry */
    assert_spend(r, 1, 2, 50, 100, -50);    /* 2027-03: the total's */
    assert_spend(r, 1, 6, 100, 100, 0);     /* 2027-07: B, not fixed */
    /* in XML and back */
    ck_assert_int_eq(oa_result_write(&xml, &n, r, OA_FORMAT_XML), OA_OK);
    oa_result_free(r);
    ck_assert_int_eq(oa_result_read_memory(&r, xml, n, "r.xml", &err), OA_OK);
    free(xml);
    assert_spend(r, 0, 1, 950, 800, 150);
    assert_spend(r, 1, 2, 50, 100, -50);
    oa_result_free(r);

    /* A total of 2000: eng's budget binds, and E, no one's, fits. */
    r = replan_actuals("tests/data/replan/spent.xml", 2000, 470);
    assert_start(r, "E", 11);
    assert_start(r, "D", 0);
    assert_spend(r, 0, 0, 1100, 1000, 100);
    assert_spend(r, 0, 1, 950, 800, 150);
    oa_result_free(r);
}
END_TEST

/* base's starts and levers before as_of as actuals, with extra (the
 * actuals' other entries) appended; the caller frees. */
static char *actuals_of(const oa_result *base, int as_of, const char *extra)
{
    size_t cap = 1 << 16, n = 0, k;
    char *b = malloc(cap);
    ck_assert_ptr_nonnull(b);
#define PUT(...)                                                            \
    do {                                                                    \
        int w_ = snprintf(b + n, cap - n, __VA_ARGS__);                     \
        ck_assert(w_ >= 0 && (size_t)w_ < cap - n);                         \
        n += (size_t)w_;                                                    \
    } while (0)
    PUT("<actuals version=\"1\">\n");
    for (k = 0; k < oa_result_initiative_count(base); k++) {
        oa_initiative_result ir;
        ck_assert_int_eq(oa_result_initiative(&ir, base, k), OA_OK);
        if (ir.scheduled && ir.start < as_of)
            PUT("<start initiative=\"%s\" period=\"%d\"/>\n", ir.id,
                ir.start);
    }
    for (k = 0; k < oa_result_load_count(base); k++) {
        oa_load L;
        ck_assert_int_eq(oa_result_load(&L, base, k), OA_OK);
        if (L.period < as_of)
            PUT("<levers unit=\"%s\" resource=\"%s\" period=\"%d\" "
                "overtime=\"%.17g\" contractors=\"%.17g\" loans-in=\"%.17g\" "
                "shortfall=\"%.17g\"/>\n",
                L.unit, L.resource, L.period, L.overtime, L.contractors,
                L.loan_in, L.shortfall);
    }
    PUT("%s</actuals>\n", extra);
#undef PUT
    return b;
}

/* The spend row of unit over exactly period t of r. */
static oa_spend unit_period_spend(const oa_result *r, const char *unit, int t)
{
    oa_spend sp;
    size_t k;
    for (k = 0; k < oa_result_spend_count(r); k++) {
        ck_assert_int_eq(oa_result_spend(&sp, r, k), OA_OK);
        if (sp.kind == OA_BUDGET_UNIT && strcmp(sp.unit, unit) == 0 &&
            sp.from == t && sp.to == t)
            return sp;
    }
    ck_abort_msg("no spend row for %s in %d", unit, t);
    return sp;
}

static oa_result *solve_actuals(oa_plan *p, const char *xml, int as_of)
{
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    oa_actuals *a;
    oa_result *r;
    oa_error err;
    ck_assert_msg(oa_actuals_read_memory(&a, xml, strlen(xml), "a.xml", p,
                                         NULL, &err, NULL) == OA_OK,
                  "%s", err.text);
    o.actuals = a;
    o.as_of = as_of;
    o.work_limit = 3000;
    ck_assert_msg(oa_solve(&r, p, &o, &err) == OA_OK, "%s", err.text);
    tu_assert_oracle(p, r, "realistic re-planned from actuals");
    oa_actuals_free(a);
    return r;
}

/* The money spent on a plan with loans (examples/realistic.xml, where
 * data receives loans of engineers from engineering in every month of the
 * first quarter, and each unit that receives loans has one lane).  Data's
 * entries differ by d from what its fixed
 * first quarter costs at the plan's prices, the organization's in
 * February by d / 2; every row that covers them moves by that.  The
 * baseline spends the first quarter's limit to the cent: d = 1000 makes
 * the plan infeasible, 2500 short there; d = -1000 leaves it room. */
static oa_result *spend_off(oa_plan *p, const oa_result *base,
                            const oa_result *r1, double d)
{
    char extra[600], *xml;
    size_t n = 0;
    oa_spend a;
    oa_result *r;
    int t;
    for (t = 1; t <= 3; t++) {
        a = unit_period_spend(r1, "data", t);
        tu_assert_num(a.adjustment, 0);
        n += (size_t)snprintf(extra + n, sizeof extra - n,
                              "<spend unit=\"data\" period=\"%d\" "
                              "amount=\"%.17g\"/>\n", t, a.spend + d);
    }
    ck_assert_int_eq(oa_result_period_spend(&a, r1, 1), OA_OK);
    snprintf(extra + n, sizeof extra - n,
             "<spend period=\"2\" amount=\"%.17g\"/>\n", a.spend + d / 2);
    xml = actuals_of(base, 4, extra);
    r = solve_actuals(p, xml, 4);
    free(xml);
    return r;
}

START_TEST(test_replan_spend_loans)
{
    oa_plan *p = tu_read_plan("examples/realistic.xml");
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    oa_result *base, *r1, *r2;
    oa_unit *u;
    oa_spend a, b;
    oa_deficit df;
    oa_error err;
    char *xml;
    int t;
    /* a row for each of data's first three months */
    ck_assert_int_eq(oa_plan_find_unit(&u, p, "data"), OA_OK);
    for (t = 1; t <= 3; t++) {
        char per[16];
        snprintf(per, sizeof per, "%d", t);
        ck_assert_int_eq(oa_unit_add_budget_range(u, 1e9, per, per), OA_OK);
    }
    o.work_limit = 3000;
    ck_assert_msg(oa_solve(&base, p, &o, &err) == OA_OK, "%s", err.text);
    xml = actuals_of(base, 4, "");
    r1 = solve_actuals(p, xml, 4);
    free(xml);
    ck_assert_int_ne(oa_result_status(r1), OA_STATUS_INFEASIBLE);

    r2 = spend_off(p, base, r1, 1000);
    ck_assert_int_eq(oa_result_status(r2), OA_STATUS_INFEASIBLE);
    tu_assert_num(oa_result_deficit(r2), 2500);
    ck_assert_uint_eq(oa_result_deficit_count(r2), 1);
    ck_assert_int_eq(oa_result_deficit_row(&df, r2, 0), OA_OK);
    ck_assert(df.is_budget);
    ck_assert_int_eq(df.from, 1);
    ck_assert_int_eq(df.to, 3);
    oa_result_free(r2);

    r2 = spend_off(p, base, r1, -1000);
    ck_assert_int_ne(oa_result_status(r2), OA_STATUS_INFEASIBLE);
    for (t = 1; t <= 3; t++) {
        a = unit_period_spend(r1, "data", t);
        b = unit_period_spend(r2, "data", t);
        tu_assert_num(b.spend, a.spend - 1000);
        tu_assert_num(b.adjustment, -1000);
        tu_assert_num(b.loans, a.loans);
        ck_assert(a.loans > 0); /* the loans leave the rows: they count */
        ck_assert_int_eq(oa_result_period_spend(&a, r1, (size_t)t - 1), OA_OK);
        ck_assert_int_eq(oa_result_period_spend(&b, r2, (size_t)t - 1), OA_OK);
        tu_assert_num(b.spend, a.spend - (t == 2 ? 500 : 1000));
        tu_assert_num(b.adjustment, t == 2 ? -500 : -1000);
    }
    ck_assert_int_eq(oa_result_spend(&b, r2, 0), OA_OK);
    tu_assert_num(b.adjustment, -2500);
    oa_result_free(base);
    oa_result_free(r1);
    oa_result_free(r2);
    oa_plan_free(p);
}
END_TEST

/* The same edits built through the API, and two scenarios in order. */
START_TEST(test_api)
{
    oa_plan *p = tu_read_plan("tests/data/solve/overtime.xml");
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
    p = tu_read_plan("tests/data/explain/delays.xml");
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_budget_total(s, 0), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "D", "value", "40"), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    tu_assert_num(optimum(p), 180);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* "*" edits every unit and resource: scaled by 1 (every pair rewritten
 * as explicit entries, people-derived capacity included), the loads and
 * the optimum stay what they were. */
START_TEST(test_wildcards)
{
    oa_plan *p = tu_read_plan("examples/small.xml"), *q;
    oa_scenario *s;
    oa_result *a, *b;
    size_t k;
    ck_assert_int_eq(oa_plan_copy(&q, p), OA_OK);
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_scale_capacity(s, "*", "*", 1, NULL, NULL),
                     OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(q, s, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_solve(&a, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_solve(&b, q, NULL, NULL), OA_OK);
    tu_assert_num(oa_result_objective(b), oa_result_objective(a));
    ck_assert_uint_eq(oa_result_load_count(a), oa_result_load_count(b));
    for (k = 0; k < oa_result_load_count(a); k++) {
        oa_load la, lb;
        oa_result_load(&la, a, k);
        oa_result_load(&lb, b, k);
        tu_assert_num(lb.capacity, la.capacity);
    }
    oa_result_free(a);
    oa_result_free(b);
    oa_scenario_free(s);
    oa_plan_free(q);
    oa_plan_free(p);
}
END_TEST

/* Names that match nothing are errors, every one, with file and line; a
 * value the format does not allow too. */
START_TEST(test_errors)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
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
    p = tu_read_plan("tests/data/explain/delays.xml");
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

/* Four months, eng with 5 fte; a (value 10) and b (value vb, requires
 * a) each need 1 fte for one month. */
static oa_plan *b_requires_a(double vb)
{
    oa_plan *p;
    oa_unit *u;
    oa_initiative *a, *b;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 4);
    oa_plan_add_resource(p, "fte", NULL, NULL);
    oa_plan_add_unit(&u, p, "eng", NULL);
    oa_unit_add_capacity(u, "fte", 5, NULL, NULL);
    oa_plan_add_initiative(&a, p, "a", 1);
    oa_initiative_set_value(a, 10);
    oa_initiative_add_demand(a, "eng", "fte", 1, 0, 0);
    oa_plan_add_initiative(&b, p, "b", 1);
    oa_initiative_set_value(b, vb);
    oa_initiative_add_demand(b, "eng", "fte", 1, 0, 0);
    oa_initiative_add_requirement(b, "a", 0);
    return p;
}

/* Removing an initiative that others require: they can no longer be
 * chosen; a mandatory one then makes the plan infeasible. */
START_TEST(test_remove_required)
{
    oa_plan *p = b_requires_a(20);
    oa_initiative *b;
    oa_scenario *s;
    oa_result *r;
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

/* A plan changed by a scenario keeps nothing outside the public API: B
 * requires A, the scenario removes A, so B can no longer be chosen (the
 * optimum is 0).  A copy of that plan must solve the same, and explaining
 * B on it must not claim that forcing B in gains anything: it never fits. */
START_TEST(test_removed_copy)
{
    oa_plan *p = b_requires_a(100), *q;
    oa_scenario *s;
    oa_result *r;
    oa_explanation *ex;
    oa_explained e;
    const char *id = "b";
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_remove_initiative(s, "a"), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(p, s, NULL, NULL), OA_OK);
    oa_scenario_free(s);
    tu_assert_num(optimum(p), 0);
    ck_assert_int_eq(oa_plan_copy(&q, p), OA_OK);
    tu_assert_num(optimum(q), 0);
    ck_assert_int_eq(oa_solve(&r, q, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_explain(&ex, q, r, &id, 1, NULL, NULL), OA_OK);
    ck_assert_uint_eq(oa_explanation_count(ex), 1);
    ck_assert_int_eq(oa_explanation_initiative(&e, ex, 0), OA_OK);
    ck_assert_int_eq(e.kind, OA_EXPLAINED_REJECTED);
    ck_assert_int_eq(e.never_fits, 1);
    ck_assert(isnan(e.forcing_cost));
    ck_assert_str_eq(e.reason, "it is forbidden in the plan");
    oa_explanation_free(ex);
    oa_result_free(r);
    oa_plan_free(q);
    oa_plan_free(p);
}
END_TEST

/* Property: for every valid plan under tests/data and every kind of
 * scenario edit, the changed plan and a copy of it (oa_plan_copy replays
 * the public API only) give the same status, objective and roadmap. */
static const char *const copy_dirs[] = { "data/solve", "data/mandatory",
                                         "data/explain", "data/people",
                                         "data/read", "data/scenario" };
enum { NEDIT = 10 };

/* The edit of kind k on a plan whose first initiative is first and whose
 * first required initiative (or first) is req; NULL when k does not apply. */
static oa_scenario *edit_of(int k, const char *first, const char *req)
{
    oa_scenario *s;
    double mx = 0.2, cs = 7;
    int rc = OA_OK;
    ck_assert_int_eq(oa_scenario_new(&s, NULL), OA_OK);
    switch (k) {
    case 0: rc = oa_scenario_set_capacity(s, "*", "*", 1, "1", "1"); break;
    case 1: rc = oa_scenario_scale_capacity(s, "*", "*", 0.6, NULL, NULL); break;
    case 2: rc = oa_scenario_set_contractors(s, "*", "*", &mx, &cs, NULL, NULL); break;
    case 3: rc = oa_scenario_set_overtime(s, "*", "*", &mx, &cs); break;
    case 4: rc = oa_scenario_set_initiative(s, first, "mandatory", "true"); break;
    case 5: rc = oa_scenario_set_initiative(s, first, "forbidden", "true"); break;
    case 6: rc = oa_scenario_set_initiative(s, first, "value", "12345"); break;
    case 7: rc = oa_scenario_remove_initiative(s, req); break;
    case 9: rc = oa_scenario_set_initiative(s, first, "pin", "1"); break;
    default: rc = oa_scenario_set_budget_total(s, 50); break;
    }
    ck_assert_int_eq(rc, OA_OK);
    return s;
}

static void same_result(const oa_result *a, const oa_result *b,
                        const char *what)
{
    size_t i, n = oa_result_initiative_count(a);
    ck_assert_msg(oa_result_status(a) == oa_result_status(b),
                  "%s: status %d against %d", what, oa_result_status(a),
                  oa_result_status(b));
    ck_assert_msg(oa_result_objective(a) == oa_result_objective(b) ||
                      (isnan(oa_result_objective(a)) &&
                       isnan(oa_result_objective(b))),
                  "%s: objective %.10g against %.10g", what,
                  oa_result_objective(a), oa_result_objective(b));
    ck_assert_uint_eq(oa_result_initiative_count(b), n);
    for (i = 0; i < n; i++) {
        oa_initiative_result x, y;
        ck_assert_int_eq(oa_result_initiative(&x, a, i), OA_OK);
        ck_assert_int_eq(oa_result_initiative(&y, b, i), OA_OK);
        ck_assert_msg(x.scheduled == y.scheduled && x.start == y.start,
                      "%s: %s starts %d against %d", what, x.id, x.start,
                      y.start);
    }
}

START_TEST(test_copy_solves_alike)
{
    size_t d;
    int applied = 0, k;
    for (d = 0; d < sizeof copy_dirs / sizeof *copy_dirs; d++) {
        char **names, rel[256];
        int n = tu_list(&names, copy_dirs[d], ".xml"), f;
        for (f = 0; f < n; f++) {
            snprintf(rel, sizeof rel, "%s/%s.xml", copy_dirs[d], names[f]);
            for (k = 0; k < NEDIT; k++) {
                oa_plan *p, *q;
                oa_scenario *s;
                oa_result *ra, *rb;
                const char *first, *req = NULL;
                char what[320];
                size_t i;
                if (oa_plan_read_file(&p, tu_path(rel), NULL, NULL, NULL) !=
                    OA_OK)
                    break; /* a scenario file, not a plan */
                if (oa_plan_initiative_count(p) == 0) {
                    oa_plan_free(p);
                    break;
                }
                first = oa_initiative_id(oa_plan_initiative(p, 0));
                for (i = 0; i < oa_plan_initiative_count(p) && !req; i++) {
                    const oa_initiative *ini = oa_plan_initiative(p, i);
                    if (oa_initiative_requirement_count(ini) > 0) {
                        oa_requirement_info ri;
                        ck_assert_int_eq(
                            oa_initiative_requirement(&ri, ini, 0), OA_OK);
                        req = ri.initiative;
                    }
                }
                s = edit_of(k, first, req ? req : first);
                snprintf(what, sizeof what, "%s, edit %d", rel, k);
                if (oa_plan_apply_scenario(p, s, NULL, NULL) == OA_OK &&
                    oa_plan_validate(p, NULL, NULL) == OA_OK) {
                    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
                    ck_assert_int_eq(oa_plan_copy(&q, p), OA_OK);
                    ck_assert_msg(oa_solve(&ra, p, &o, NULL) == OA_OK, "%s",
                                  what);
                    ck_assert_msg(oa_solve(&rb, q, &o, NULL) == OA_OK, "%s",
                                  what);
                    same_result(ra, rb, what);
                    applied++;
                    oa_result_free(ra);
                    oa_result_free(rb);
                    oa_plan_free(q);
                }
                oa_scenario_free(s);
                oa_plan_free(p);
            }
        }
        tu_list_free(names, n);
    }
    /* Most edits apply to most plans; the count guards the loop itself. */
    ck_assert_int_ge(applied, 200);
}
END_TEST

/* The what-if run of the library (oa_compare_scenarios, oa_solve_scenario):
 * delays.xml (optimum 170) beside drop-a.xml (90) and more-eng.xml (195),
 * the plan untouched; a scenario that names what the plan lacks stops it
 * before any solve, with every error listed. */
START_TEST(test_compare_scenarios)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    const oa_scenario *scs[2];
    oa_scenario *s1 = read_sc("tests/data/scenario/drop-a.xml");
    oa_scenario *s2 = read_sc("tests/data/scenario/more-eng.xml");
    oa_scenario *bad = read_sc("tests/data/scenario/unknown.xml");
    oa_comparison *cmp;
    oa_result *r;
    oa_error_list *errs;
    oa_error err;
    scs[0] = s1;
    scs[1] = s2;
    ck_assert_int_eq(oa_compare_scenarios(&cmp, p, scs, 2, NULL, NULL, NULL),
                     OA_OK);
    ck_assert_uint_eq(oa_comparison_count(cmp), 3);
    ck_assert_str_eq(oa_comparison_name(cmp, 0), "base");
    ck_assert_str_eq(oa_comparison_name(cmp, 1), "no A");
    ck_assert_str_eq(oa_comparison_name(cmp, 2), "more eng in March");
    tu_assert_num(oa_result_objective(oa_comparison_result(cmp, 0)), 170);
    tu_assert_num(oa_result_objective(oa_comparison_result(cmp, 1)), 90);
    tu_assert_num(oa_result_objective(oa_comparison_result(cmp, 2)), 195);
    ck_assert_ptr_null(oa_comparison_result(cmp, 3));
    oa_comparison_free(cmp);
    tu_assert_num(optimum(p), 170);
    ck_assert_uint_eq(oa_plan_initiative_count(p), 5);

    ck_assert_int_eq(oa_solve_scenario(&r, p, s1, NULL, NULL, NULL), OA_OK);
    tu_assert_num(oa_result_objective(r), 90);
    oa_result_free(r);

    scs[1] = bad;
    ck_assert_int_eq(oa_error_list_new(&errs), OA_OK);
    ck_assert_int_ne(oa_compare_scenarios(&cmp, p, scs, 2, NULL, &err, errs),
                     OA_OK);
    ck_assert_ptr_null(cmp);
    /* all three typos at once, each at its line of the scenario */
    ck_assert_uint_eq(oa_error_list_count(errs), 3);
    ck_assert_ptr_nonnull(strstr(oa_error_list_get(errs, 0)->source,
                                 "unknown.xml"));
    ck_assert_int_eq(oa_error_list_get(errs, 2)->line, 5);
    oa_error_list_free(errs);
    ck_assert_int_eq(oa_compare_scenarios(NULL, p, scs, 2, NULL, NULL, NULL),
                     OA_EINVAL);
    oa_scenario_free(s1);
    oa_scenario_free(s2);
    oa_scenario_free(bad);
    oa_plan_free(p);
}
END_TEST

/* Comparing: delays.xml against drop-a.xml (A removed, C mandatory:
 * B moves from 2 to 1) and more-eng.xml (D added in 3); summaries. */
START_TEST(test_compare)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml"), *q, *r;
    oa_scenario *s1 = read_sc("tests/data/scenario/drop-a.xml");
    oa_scenario *s2 = read_sc("tests/data/scenario/more-eng.xml");
    oa_result *b, *x, *y;
    oa_change *ch;
    oa_result_summary sum;
    oa_comparison *cmp;
    size_t n;
    char *text;
    ck_assert_int_eq(oa_plan_copy(&q, p), OA_OK);
    ck_assert_int_eq(oa_plan_copy(&r, p), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(q, s1, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_apply_scenario(r, s2, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_solve(&b, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_solve(&x, q, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_solve(&y, r, NULL, NULL), OA_OK);

    ck_assert_int_eq(oa_result_diff(&ch, &n, b, x), OA_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(ch[0].id, "A");
    ck_assert_int_eq(ch[0].kind, OA_CHANGE_REMOVED);
    ck_assert_int_eq(ch[0].from, 1);
    ck_assert_str_eq(ch[1].id, "B");
    ck_assert_int_eq(ch[1].kind, OA_CHANGE_MOVED);
    ck_assert_int_eq(ch[1].from, 2);
    ck_assert_int_eq(ch[1].to, 1);
    oa_free(ch);
    ck_assert_int_eq(oa_result_diff(&ch, &n, b, y), OA_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(ch[0].id, "D");
    ck_assert_int_eq(ch[0].kind, OA_CHANGE_ADDED);
    ck_assert_int_eq(ch[0].to, 3);
    oa_free(ch);
    ck_assert_int_eq(oa_result_diff(&ch, &n, b, b), OA_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(ch);

    ck_assert_int_eq(oa_result_summarize(&sum, y), OA_OK);
    tu_assert_num(sum.objective, 195);
    ck_assert_uint_eq(sum.scheduled, 4);
    ck_assert_uint_eq(sum.rejected, 1);

    ck_assert_int_eq(oa_comparison_new(&cmp, NULL, b), OA_OK);
    ck_assert_int_eq(oa_comparison_add(cmp, "no A", x), OA_OK);
    ck_assert_int_eq(oa_comparison_add(cmp, "more, eng", y), OA_OK);
    ck_assert_int_eq(oa_comparison_write(&text, NULL, cmp, OA_FORMAT_CSV),
                     OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "\nno A,optimal,90,-80,0,2,2,"));
    ck_assert_ptr_nonnull(strstr(text, "\n\"more, eng\",optimal,195,25,"));
    ck_assert_ptr_nonnull(strstr(text, "\nno A,B,moved,2,1,2027-02,2027-01\n"));
    oa_free(text);
    ck_assert_int_eq(oa_comparison_write(&text, NULL, cmp, OA_FORMAT_XML),
                     OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "<change initiative=\"D\" kind=\"added\" to=\"3\" to-label=\"2027-03\"/>"));
    oa_free(text);
    ck_assert_int_eq(oa_comparison_write(&text, NULL, cmp, OA_FORMAT_TEXT),
                     OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "2027-02 -> 2027-01"));
    oa_free(text);
    oa_comparison_free(cmp);
    oa_result_free(b);
    oa_result_free(x);
    oa_result_free(y);
    oa_scenario_free(s1);
    oa_scenario_free(s2);
    oa_plan_free(p);
    oa_plan_free(q);
    oa_plan_free(r);
}
END_TEST

/* budget_total.xml with a limit of 300 on each of its two periods: the
 * operating cost spends 100 of each, so initiatives may cost 400 in all:
 * {A, C} (300) 140 wins, B with either is too much.  The limits cap all
 * spend at 600, so a total of 650 or 700 cannot bind: both points say
 * "redundant" and give 140. */
START_TEST(test_sweep_redundant_total)
{
    oa_plan *p = tu_read_plan("tests/data/solve/budget_total.xml");
    oa_sweep_opts o = OA_SWEEP_OPTS_INIT;
    oa_sweep *sw;
    oa_error err;
    char *text;
    ck_assert_int_eq(oa_plan_add_budget_limit(p, "2027-01", "2027-01", 300),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_budget_limit(p, "2027-02", "2027-02", 300),
                     OA_OK);
    o.from = 650;
    o.to = 700;
    o.steps = 2;
    ck_assert_msg(oa_sweep_run(&sw, p, &o, &err) == OA_OK, "%s", err.text);
    tu_assert_num(oa_result_objective(oa_sweep_result(sw, 0)), 140);
    tu_assert_num(oa_result_objective(oa_sweep_result(sw, 1)), 140);
    ck_assert_int_eq(oa_sweep_write(&text, NULL, sw, OA_FORMAT_CSV), OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "\n650,optimal,140,"));
    ck_assert_ptr_nonnull(strstr(text, ",redundant\n700,optimal,140,"));
    ck_assert_ptr_nonnull(strstr(text, ",redundant\n"));
    oa_free(text);
    ck_assert_int_eq(oa_sweep_write(&text, NULL, sw, OA_FORMAT_SVG), OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "class=\"slack\""));
    ck_assert_ptr_nonnull(strstr(text, "cannot bind"));
    oa_free(text);
    oa_sweep_free(sw);
    oa_plan_free(p);
}
END_TEST

/* Sweeps.  budget_total.xml (see its comment) with the total budget at
 * 150, 300, 450, 600, 750: below the operating cost (200) nothing fits;
 * then {C} 40, {A} 100, {A, C} 140, {A, B, C} 230.  delays.xml with eng's
 * capacity times 0.5, 1, 1.5, 2 (1, 2, 3, 4 fte): D alone 25; 170; March
 * holds C and D: 195; January holds A and B too: 205. */
START_TEST(test_sweep)
{
    oa_plan *p = tu_read_plan("tests/data/solve/budget_total.xml");
    oa_sweep_opts o = OA_SWEEP_OPTS_INIT;
    oa_sweep *sw;
    oa_error err;
    char *text;
    static const double budget[] = { NAN, 40, 100, 140, 230 };
    static const double cap[] = { 25, 170, 195, 205 };
    size_t k;
    o.from = 150;
    o.to = 750;
    o.steps = 5;
    ck_assert_msg(oa_sweep_run(&sw, p, &o, &err) == OA_OK, "%s", err.text);
    ck_assert_uint_eq(oa_sweep_count(sw), 5);
    ck_assert_int_eq(oa_result_status(oa_sweep_result(sw, 0)),
                     OA_STATUS_INFEASIBLE);
    for (k = 1; k < 5; k++) {
        tu_assert_num(oa_sweep_value(sw, k), 150 + 150 * (double)k);
        tu_assert_num(oa_result_objective(oa_sweep_result(sw, k)), budget[k]);
    }
    ck_assert_int_eq(oa_sweep_write(&text, NULL, sw, OA_FORMAT_CSV), OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "\n600,optimal,140,0,2,500,"));
    /* 600 buys A and C for 500: the total is not spent, yet not proven
     * redundant (whole initiatives); 750 is spent to the last unit. */
    ck_assert_ptr_nonnull(
        strstr(text, "A@2027-01 C@2027-01,140,done,none,slack\n"));
    ck_assert_ptr_nonnull(strstr(text, ",230,done,total,binds\n"));
    ck_assert_ptr_nonnull(strstr(text, "\n150,infeasible,"));
    oa_free(text);
    ck_assert_int_eq(oa_sweep_write(&text, NULL, sw, OA_FORMAT_SVG), OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    ck_assert_ptr_nonnull(strstr(text, "<polyline class=\"curve\""));
    oa_free(text);
    oa_sweep_free(sw);
    oa_plan_free(p);

    p = tu_read_plan("tests/data/explain/delays.xml");
    o.kind = OA_SWEEP_CAPACITY;
    o.unit = "eng";
    o.resource = "*";
    o.from = 0.5;
    o.to = 2;
    o.steps = 4;
    ck_assert_msg(oa_sweep_run(&sw, p, &o, &err) == OA_OK, "%s", err.text);
    for (k = 0; k < 4; k++)
        tu_assert_num(oa_result_objective(oa_sweep_result(sw, k)), cap[k]);
    oa_sweep_free(sw);
    /* a unit that is not there */
    o.unit = "legal";
    ck_assert_int_eq(oa_sweep_run(&sw, p, &o, &err), OA_EINVALID);
    ck_assert_ptr_nonnull(strstr(err.text, "unknown unit 'legal'"));
    o.steps = 0;
    ck_assert_int_eq(oa_sweep_run(&sw, p, &o, &err), OA_EINVAL);
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
    tcase_add_test(tc, test_pins);
    tcase_add_test(tc, test_number_edits);
    tcase_add_test(tc, test_rebase);
    tcase_add_test(tc, test_replan_year);
    tcase_add_test(tc, test_replan_spend);
    tcase_add_test(tc, test_replan_spend_loans);
    tcase_add_test(tc, test_add);
    tcase_add_test(tc, test_schemas_agree);
    tcase_add_test(tc, test_wildcards);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_remove_required);
    tcase_add_test(tc, test_removed_copy);
    tcase_add_test(tc, test_copy_solves_alike);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_compare_scenarios);
    tcase_add_test(tc, test_sweep);
    tcase_add_test(tc, test_sweep_redundant_total);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
