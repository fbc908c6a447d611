/*
 * The plan API: building every element, reading it back, the resolved
 * plan, copies, misuse and allocation failures.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* A plan with every element of the format, built through the API. */
static oa_plan *build_full(void)
{
    oa_plan *p;
    oa_unit *eng, *ops;
    oa_operating_plan *op;
    oa_initiative *a, *b, *c;
    oa_person *ann, *bob;

    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_set_name(p, "Full"), OA_OK);
    ck_assert_int_eq(oa_plan_set_currency(p, "EUR"), OA_OK);
    ck_assert_int_eq(oa_plan_set_source(p, "full.xml"), OA_OK);
    oa_plan_set_line(p, 2);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 6),
                     OA_OK);
    oa_plan_set_line(p, 3);
    ck_assert_int_eq(oa_plan_add_resource(p, "fte", "Staff", "FTE"), OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, "lab", NULL, "h"), OA_OK);
    oa_plan_set_line(p, 4);
    ck_assert_int_eq(oa_plan_add_objective(p, "growth", "Growth", 1000),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_objective(p, "risk", NULL, 1), OA_OK);

    oa_plan_set_line(p, 5);
    ck_assert_int_eq(oa_plan_add_unit(&eng, p, "eng", "Engineering"), OA_OK);
    oa_plan_set_line(p, 6);
    ck_assert_int_eq(oa_unit_add_capacity(eng, "fte", 10, NULL, NULL), OA_OK);
    oa_plan_set_line(p, 7);
    ck_assert_int_eq(oa_unit_add_capacity(eng, "fte", 12, "2027-04", NULL),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_overtime(eng, "fte", 0.1, 900), OA_OK);
    ck_assert_int_eq(oa_unit_add_contractors(eng, "fte", 2, 1500, "2", "3"),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_budget(eng, 500000), OA_OK);
    oa_plan_set_line(p, 8);
    ck_assert_int_eq(oa_plan_add_unit(&ops, p, "ops", NULL), OA_OK);
    ck_assert_int_eq(oa_unit_add_capacity(ops, "lab", 100, NULL, NULL),
                     OA_OK);

    oa_plan_set_line(p, 9);
    ck_assert_int_eq(oa_plan_add_operating_plan(&op, p, "eng", "Maintenance",
                                                12000),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_demand(op, "fte", 4, NULL, NULL),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_demand(op, "fte", 5, "6", "6"),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_set_service_level(op, 0.9, 2000),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_target(op, "uptime", 99.9, "%"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_operating_plan(&op, p, "eng", NULL, 0),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_driver_demand(op, "fte", 900, 600,
                                                         NULL, NULL),
                     OA_OK);

    oa_plan_set_line(p, 12);
    ck_assert_int_eq(oa_plan_add_initiative(&a, p, "a", 2), OA_OK);
    ck_assert_int_eq(oa_initiative_set_name(a, "Alpha"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_owner(a, "eng"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_earliest(a, "2"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_deadline(a, "2027-05"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_value(a, 100000), OA_OK);
    ck_assert_int_eq(oa_initiative_set_benefit_per_period(a, 5000), OA_OK);
    ck_assert_int_eq(oa_initiative_set_cost(a, 20000), OA_OK);
    ck_assert_int_eq(oa_initiative_set_mandatory(a, 7), OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(a, "eng", "fte", 3, 0, 0),
                     OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(a, "eng", "fte", 1, 2, 2),
                     OA_OK);
    ck_assert_int_eq(oa_initiative_add_contribution(a, "growth", 2), OA_OK);
    ck_assert_int_eq(oa_initiative_add_contribution(a, "risk", 50), OA_OK);
    ck_assert_int_eq(oa_initiative_add_effect(a, "eng", "fte", -1), OA_OK);
    oa_plan_set_line(p, 13);
    ck_assert_int_eq(oa_plan_add_initiative(&b, p, "b", 1), OA_OK);
    ck_assert_int_eq(oa_initiative_add_requirement(b, "a", 1), OA_OK);
    ck_assert_int_eq(oa_initiative_add_effect(b, "ops", "lab", 5), OA_OK);
    oa_plan_set_line(p, 14);
    ck_assert_int_eq(oa_plan_add_initiative(&c, p, "c", 3), OA_OK);
    ck_assert_int_eq(oa_initiative_add_exclusion(c, "a"), OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(c, "ops", "lab", 40, 1, 2),
                     OA_OK);

    oa_plan_set_line(p, 15);
    ck_assert_int_eq(oa_plan_add_loan(p, "eng", "ops", "fte", 2, 0.8, 300),
                     OA_OK);
    oa_plan_set_line(p, 16);
    ck_assert_int_eq(oa_plan_set_budget_total(p, 1e6), OA_OK);
    ck_assert_int_eq(oa_plan_add_budget_limit(p, "1", "3", 4e5), OA_OK);
    oa_plan_set_line(p, 17);
    ck_assert_int_eq(oa_plan_add_person(&ann, p, "ann", "Ann", "ops", "fte",
                                        1, 0.1),
                     OA_OK);
    ck_assert_int_eq(oa_person_add_away(ann, "2027-03", "2027-03",
                                        OA_AWAY_ALL),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_person(&bob, p, "bob", NULL, "ops", "fte",
                                        0.5, 0),
                     OA_OK);
    ck_assert_int_eq(oa_person_add_away(bob, "5", NULL, 0.2), OA_OK);
    return p;
}

START_TEST(test_build_and_read_back)
{
    oa_plan *p = build_full();
    const oa_unit *u;
    const oa_operating_plan *op;
    const oa_initiative *a;
    const oa_person *pe;
    oa_resource_info r;
    oa_objective_info o;
    oa_capacity_info cap;
    oa_overtime_info ot;
    oa_contractors_info ct;
    oa_unit_budget_info ub;
    oa_demand_info d;
    oa_target_info tg;
    oa_initiative_demand_info id;
    oa_contribution_info co;
    oa_requirement_info rq;
    oa_exclusion_info ex;
    oa_effect_info ef;
    oa_loan_info ln;
    oa_limit_info lm;
    oa_away_info aw;
    double v, pen;
    const char *start;
    oa_step step;
    int periods;

    ck_assert_str_eq(oa_plan_name(p), "Full");
    ck_assert_str_eq(oa_plan_currency(p), "EUR");
    ck_assert_str_eq(oa_plan_source(p), "full.xml");
    ck_assert_int_eq(oa_plan_horizon(&start, &step, &periods, p), OA_OK);
    ck_assert_str_eq(start, "2027-01");
    ck_assert_int_eq(step, OA_STEP_MONTH);
    ck_assert_int_eq(periods, 6);
    ck_assert_int_eq(oa_plan_period_count(p), 6);
    ck_assert_str_eq(oa_plan_period_label(p, 6), "2027-06");

    ck_assert_uint_eq(oa_plan_resource_count(p), 2);
    ck_assert_int_eq(oa_plan_resource(&r, p, 1), OA_OK);
    ck_assert_str_eq(r.id, "lab");
    ck_assert_ptr_null(r.name);
    ck_assert_str_eq(r.measure, "h");
    ck_assert_int_eq(r.line, 3);
    ck_assert_int_eq(oa_plan_objective(&o, p, 0), OA_OK);
    ck_assert_str_eq(o.id, "growth");
    tu_assert_num(o.weight, 1000);

    ck_assert_uint_eq(oa_plan_unit_count(p), 2);
    u = oa_plan_unit(p, 0);
    ck_assert_str_eq(oa_unit_id(u), "eng");
    ck_assert_str_eq(oa_unit_name(u), "Engineering");
    ck_assert_int_eq(oa_unit_line(u), 5);
    ck_assert_uint_eq(oa_unit_capacity_count(u), 2);
    ck_assert_int_eq(oa_unit_capacity(&cap, u, 1), OA_OK);
    ck_assert_str_eq(cap.resource, "fte");
    tu_assert_num(cap.value, 12);
    ck_assert_str_eq(cap.from, "2027-04");
    ck_assert_ptr_null(cap.to);
    ck_assert_int_eq(cap.line, 7);
    ck_assert_int_eq(oa_unit_overtime(&ot, u, 0), OA_OK);
    tu_assert_num(ot.max, 0.1);
    tu_assert_num(ot.cost, 900);
    ck_assert_int_eq(oa_unit_contractors(&ct, u, 0), OA_OK);
    tu_assert_num(ct.max, 2);
    tu_assert_num(ct.cost, 1500);
    ck_assert_str_eq(ct.from, "2");
    ck_assert_str_eq(ct.to, "3");
    ck_assert_int_eq(oa_unit_budget(&ub, u, 0), OA_OK);
    tu_assert_num(ub.value, 500000);
    ck_assert_int_eq(oa_unit_capacity(&cap, u, 2), OA_EINVAL);

    ck_assert_uint_eq(oa_plan_operating_plan_count(p), 2);
    op = oa_plan_operating_plan(p, 0);
    ck_assert_str_eq(oa_operating_plan_unit(op), "eng");
    ck_assert_str_eq(oa_operating_plan_name(op), "Maintenance");
    tu_assert_num(oa_operating_plan_cost(op), 12000);
    ck_assert_int_eq(oa_operating_plan_service_level(&v, &pen, op), OA_OK);
    tu_assert_num(v, 0.9);
    tu_assert_num(pen, 2000);
    ck_assert_int_eq(oa_operating_plan_demand(&d, op, 1), OA_OK);
    ck_assert_int_eq(d.driver, 0);
    tu_assert_num(d.value, 5);
    ck_assert_str_eq(d.from, "6");
    ck_assert_int_eq(oa_operating_plan_target(&tg, op, 0), OA_OK);
    ck_assert_str_eq(tg.name, "uptime");
    tu_assert_num(tg.value, 99.9);
    ck_assert_str_eq(tg.measure, "%");
    op = oa_plan_operating_plan(p, 1);
    ck_assert_ptr_null(oa_operating_plan_name(op));
    ck_assert_int_eq(oa_operating_plan_service_level(&v, &pen, op),
                     OA_ENOTFOUND);
    tu_assert_num(v, 1);
    tu_assert_num(pen, 0);
    ck_assert_int_eq(oa_operating_plan_demand(&d, op, 0), OA_OK);
    ck_assert_int_eq(d.driver, 1);
    tu_assert_num(d.volume, 900);
    tu_assert_num(d.productivity, 600);
    tu_assert_num(d.value, 1.5);

    ck_assert_uint_eq(oa_plan_initiative_count(p), 3);
    a = oa_plan_initiative(p, 0);
    ck_assert_str_eq(oa_initiative_id(a), "a");
    ck_assert_str_eq(oa_initiative_name(a), "Alpha");
    ck_assert_str_eq(oa_initiative_owner(a), "eng");
    ck_assert_int_eq(oa_initiative_duration(a), 2);
    ck_assert_str_eq(oa_initiative_earliest(a), "2");
    ck_assert_str_eq(oa_initiative_deadline(a), "2027-05");
    tu_assert_num(oa_initiative_value(a), 100000);
    tu_assert_num(oa_initiative_benefit_per_period(a), 5000);
    tu_assert_num(oa_initiative_cost(a), 20000);
    ck_assert_int_eq(oa_initiative_mandatory(a), 1);
    ck_assert_int_eq(oa_initiative_line(a), 12);
    ck_assert_uint_eq(oa_initiative_demand_count(a), 2);
    ck_assert_int_eq(oa_initiative_demand(&id, a, 1), OA_OK);
    ck_assert_int_eq(id.first, 2);
    ck_assert_int_eq(id.last, 2);
    tu_assert_num(id.value, 1);
    ck_assert_int_eq(oa_initiative_contribution(&co, a, 1), OA_OK);
    ck_assert_str_eq(co.objective, "risk");
    tu_assert_num(co.score, 50);
    ck_assert_int_eq(oa_initiative_effect(&ef, a, 0), OA_OK);
    tu_assert_num(ef.value, -1);
    a = oa_plan_initiative(p, 1);
    ck_assert_int_eq(oa_initiative_requirement(&rq, a, 0), OA_OK);
    ck_assert_str_eq(rq.initiative, "a");
    ck_assert_int_eq(rq.lag, 1);
    ck_assert_ptr_null(oa_initiative_earliest(a));
    a = oa_plan_initiative(p, 2);
    ck_assert_int_eq(oa_initiative_exclusion(&ex, a, 0), OA_OK);
    ck_assert_str_eq(ex.initiative, "a");

    ck_assert_int_eq(oa_plan_loan(&ln, p, 0), OA_OK);
    ck_assert_str_eq(ln.from, "eng");
    ck_assert_str_eq(ln.to, "ops");
    tu_assert_num(ln.efficiency, 0.8);
    tu_assert_num(ln.cost, 300);
    ck_assert_int_eq(oa_plan_budget_total(&v, p), OA_OK);
    tu_assert_num(v, 1e6);
    ck_assert_int_eq(oa_plan_budget_limit(&lm, p, 0), OA_OK);
    tu_assert_num(lm.value, 4e5);
    ck_assert_str_eq(lm.to, "3");

    ck_assert_uint_eq(oa_plan_person_count(p), 2);
    pe = oa_plan_person(p, 0);
    ck_assert_str_eq(oa_person_id(pe), "ann");
    ck_assert_str_eq(oa_person_name(pe), "Ann");
    ck_assert_str_eq(oa_person_unit(pe), "ops");
    ck_assert_str_eq(oa_person_resource(pe), "fte");
    tu_assert_num(oa_person_fte(pe), 1);
    tu_assert_num(oa_person_development(pe), 0.1);
    ck_assert_int_eq(oa_person_line(pe), 17);
    ck_assert_int_eq(oa_person_away(&aw, pe, 0), OA_OK);
    tu_assert_num(aw.fte, OA_AWAY_ALL);
    oa_plan_free(p);
}
END_TEST

/* Names, ids and labels that would break the text, CSV and HTML written
 * from them are refused: control characters (a line break could forge a
 * FILE:LINE: error: line), and bytes that are not UTF-8. */
START_TEST(test_names_refused)
{
    static const char *const bad[] = { "a\nb", "a\rb", "\x1b[31mred",
                                       "tab\there", "\xff\xfe", "caf\xc3",
                                       "\xc0\xaf", "\xed\xa0\x80",
                                       "\xc2\x85", "del\x7f", "\xef\xbf\xbe",
                                       "no\xef\xbf\xbf" };
    oa_plan *p;
    oa_unit *u;
    oa_scenario *sc;
    size_t k;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    for (k = 0; k < sizeof bad / sizeof *bad; k++) {
        ck_assert_int_eq(oa_plan_set_name(p, bad[k]), OA_EINVAL);
        ck_assert_int_eq(oa_plan_add_unit(&u, p, bad[k], NULL), OA_EINVAL);
        ck_assert_int_eq(oa_plan_add_unit(&u, p, "ok", bad[k]), OA_EINVAL);
        ck_assert_int_eq(oa_scenario_new(&sc, bad[k]), OA_EINVAL);
    }
    ck_assert_ptr_null(oa_plan_name(p));
    ck_assert_int_eq(oa_plan_set_name(p, "Café 2027 – plan ✓"), OA_OK);
    ck_assert_str_eq(oa_plan_name(p), "Café 2027 – plan ✓");
    oa_plan_free(p);
}
END_TEST

START_TEST(test_resolved)
{
    oa_plan *p = build_full();
    oa_checked *k;
    oa_error err;
    double v;
    int es, ls;
    ck_assert_int_eq(oa_plan_check(&k, p, &err, NULL), OA_OK);
    ck_assert_int_eq(err.code, OA_OK);
    ck_assert_ptr_eq(oa_checked_plan(k), p);
    /* Later entry wins: 10 in months 1-3, 12 from 2027-04. */
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "eng", "fte", 3), OA_OK);
    tu_assert_num(v, 10);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "eng", "fte", 4), OA_OK);
    tu_assert_num(v, 12);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "eng", "lab", 4), OA_OK);
    tu_assert_num(v, 0);
    /* People: ann 1 x 0.9 except away in March; bob 0.5 less 0.2 from
     * period 5. */
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "ops", "fte", 1), OA_OK);
    tu_assert_num(v, 0.9 + 0.5);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "ops", "fte", 3), OA_OK);
    tu_assert_num(v, 0.5);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "ops", "fte", 6), OA_OK);
    tu_assert_num(v, 0.9 + 0.3);
    /* Run demand: 4 (5 in period 6) plus 900 / 600 from the driver. */
    ck_assert_int_eq(oa_checked_run_demand_at(&v, k, "eng", "fte", 1), OA_OK);
    tu_assert_num(v, 5.5);
    ck_assert_int_eq(oa_checked_run_demand_at(&v, k, "eng", "fte", 6), OA_OK);
    tu_assert_num(v, 6.5);
    ck_assert_int_eq(oa_checked_run_demand_at(&v, k, "nope", "fte", 6),
                     OA_ENOTFOUND);
    ck_assert_int_eq(oa_checked_run_demand_at(&v, k, "eng", "fte", 7),
                     OA_EINVAL);
    /* a: periods 2..5 allowed, duration 2 -> starts 2..4.  b needs a
     * finished plus 1: 2 + 2 + 1 = 5, and may finish by 6. */
    ck_assert_int_eq(oa_checked_start_window(&es, &ls, k, "a"), OA_OK);
    ck_assert_int_eq(es, 2);
    ck_assert_int_eq(ls, 4);
    ck_assert_int_eq(oa_checked_start_window(&es, &ls, k, "b"), OA_OK);
    ck_assert_int_eq(es, 5);
    ck_assert_int_eq(ls, 6);
    /* Any change of the plan makes the checked plan stale. */
    {
        oa_unit *u;
        ck_assert_int_eq(oa_plan_find_unit(&u, p, "eng"), OA_OK);
        ck_assert_int_eq(oa_unit_add_budget(u, 1), OA_OK);
        ck_assert_int_eq(oa_checked_capacity_at(&v, k, "eng", "fte", 3),
                         OA_ESTATE);
        ck_assert_int_eq(oa_checked_start_window(&es, &ls, k, "a"),
                         OA_ESTATE);
    }
    oa_checked_free(k);
    ck_assert_int_eq(oa_plan_check(NULL, p, NULL, NULL), OA_EINVAL);
    oa_plan_free(p);
}
END_TEST

START_TEST(test_labels)
{
    oa_plan *p;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2026-11", OA_STEP_MONTH, 4),
                     OA_OK);
    ck_assert_str_eq(oa_plan_period_label(p, 3), "2027-01");
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-Q3", OA_STEP_QUARTER, 4),
                     OA_OK);
    ck_assert_str_eq(oa_plan_period_label(p, 1), "2027-Q3");
    ck_assert_str_eq(oa_plan_period_label(p, 3), "2028-Q1");
    /* 2026 has 53 ISO weeks, 2027 has 52. */
    ck_assert_int_eq(oa_plan_set_horizon(p, "2026-W52", OA_STEP_WEEK, 3),
                     OA_OK);
    ck_assert_str_eq(oa_plan_period_label(p, 2), "2026-W53");
    ck_assert_str_eq(oa_plan_period_label(p, 3), "2027-W01");
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-W52", OA_STEP_WEEK, 2),
                     OA_OK);
    ck_assert_str_eq(oa_plan_period_label(p, 2), "2028-W01");
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-W53", OA_STEP_WEEK, 2),
                     OA_OK);
    ck_assert_int_eq(oa_plan_period_count(p), 0);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2020-W53", OA_STEP_WEEK, 1),
                     OA_OK);
    ck_assert_int_eq(oa_plan_period_count(p), 1);
    ck_assert_ptr_null(oa_plan_period_label(p, 2));
    ck_assert_ptr_null(oa_plan_period_label(p, 0));
    oa_plan_free(p);

    /* Explicit labels: a label is looked up before an index. */
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_add_period(p, "2"), OA_OK);
    ck_assert_int_eq(oa_plan_add_period(p, "1"), OA_OK);
    ck_assert_int_eq(oa_plan_add_period(p, "H3"), OA_OK);
    ck_assert_int_eq(oa_plan_period_count(p), 3);
    ck_assert_uint_eq(oa_plan_explicit_period_count(p), 3);
    ck_assert_str_eq(oa_plan_explicit_period(p, 2), "H3");
    ck_assert_int_eq(oa_plan_horizon(NULL, NULL, NULL, p), OA_ENOTFOUND);
    ck_assert_int_eq(oa_plan_find_period(p, "1"), 2);
    ck_assert_int_eq(oa_plan_find_period(p, "2"), 1);
    ck_assert_int_eq(oa_plan_find_period(p, "3"), 3);
    ck_assert_int_eq(oa_plan_find_period(p, "H3"), 3);
    ck_assert_int_eq(oa_plan_find_period(p, "4"), 0);
    ck_assert_int_eq(oa_plan_find_period(p, "0"), 0);
    ck_assert_int_eq(oa_plan_find_period(p, "-1"), 0);
    ck_assert_int_eq(oa_plan_find_period(p, ""), 0);
    oa_plan_free(p);
}
END_TEST

/* A small valid plan built through the API, with lines 1, 2, ... */
static oa_plan *small_plan(void)
{
    oa_plan *p;
    oa_unit *u;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    oa_plan_set_source(p, "api");
    oa_plan_set_line(p, 1);
    oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 12);
    oa_plan_set_line(p, 2);
    oa_plan_add_resource(p, "fte", NULL, NULL);
    oa_plan_set_line(p, 3);
    oa_plan_add_unit(&u, p, "eng", NULL);
    oa_plan_set_line(p, 4);
    oa_unit_add_capacity(u, "fte", 5, NULL, NULL);
    return p;
}

START_TEST(test_validate_errors_in_line_order)
{
    oa_plan *p = small_plan();
    oa_error_list *list;
    oa_initiative *ini;
    oa_unit *u;
    oa_error err;
    char buf[600];
    ck_assert_int_eq(oa_error_list_new(&list), OA_OK);
    ck_assert_int_eq(oa_plan_find_unit(&u, p, "eng"), OA_OK);
    oa_plan_set_line(p, 9);
    oa_plan_add_initiative(&ini, p, "x", 0);
    oa_plan_set_line(p, 6);
    oa_unit_add_capacity(u, "staff", NAN, NULL, NULL);
    oa_plan_set_line(p, 7);
    oa_unit_add_overtime(u, "fte", -1, 0);
    ck_assert_int_eq(oa_plan_validate(p, &err, list), OA_EINVALID);
    ck_assert_uint_eq(oa_error_list_count(list), 4);
    ck_assert_int_eq(err.line, 6);
    ck_assert_int_eq(oa_error_list_get(list, 0)->line, 6);
    ck_assert_ptr_nonnull(strstr(oa_error_list_get(list, 0)->text,
                                 "unknown resource 'staff'"));
    ck_assert_int_eq(oa_error_list_get(list, 1)->line, 6);
    ck_assert_ptr_nonnull(strstr(oa_error_list_get(list, 1)->text,
                                 "value is not a finite number"));
    ck_assert_int_eq(oa_error_list_get(list, 2)->line, 7);
    ck_assert_ptr_nonnull(strstr(oa_error_list_get(list, 2)->text,
                                 "max -1 is negative"));
    ck_assert_int_eq(oa_error_list_get(list, 3)->line, 9);
    ck_assert_ptr_nonnull(strstr(oa_error_list_get(list, 3)->text,
                                 "duration 0 must be at least 1"));
    oa_error_format(buf, sizeof buf, oa_error_list_get(list, 2));
    ck_assert_str_eq(buf, "api:7: error: <overtime> of unit 'eng': max -1 is "
                          "negative");
    ck_assert_int_eq(oa_plan_validate(p, NULL, NULL), OA_EINVALID);
    oa_error_list_free(list);
    oa_plan_free(p);
}
END_TEST

START_TEST(test_huge_numbers)
{
    oa_plan *p = small_plan();
    oa_unit *u;
    oa_error err;
    ck_assert_int_eq(oa_plan_find_unit(&u, p, "eng"), OA_OK);
    oa_plan_set_line(p, 5);
    oa_unit_add_contractors(u, "fte", 1e13, 0, NULL, NULL);
    ck_assert_int_eq(oa_plan_validate(p, &err, NULL), OA_EINVALID);
    ck_assert_int_eq(err.line, 5);
    ck_assert_ptr_nonnull(strstr(err.text, "out of range"));
    oa_plan_free(p);
}
END_TEST

START_TEST(test_copy)
{
    oa_plan *p = build_full(), *c;
    double v;
    size_t i;
    ck_assert_int_eq(oa_plan_validate(p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_copy(&c, p), OA_OK);
    ck_assert_int_eq(oa_plan_validate(c, NULL, NULL), OA_OK);
    ck_assert_uint_eq(oa_plan_initiative_count(c), 3);
    ck_assert_uint_eq(oa_plan_person_count(c), 2);
    for (i = 0; i < oa_plan_initiative_count(p); i++) {
        const oa_initiative *x = oa_plan_initiative(p, i);
        const oa_initiative *y = oa_plan_initiative(c, i);
        ck_assert_ptr_ne(x, y);
        ck_assert_str_eq(oa_initiative_id(x), oa_initiative_id(y));
        ck_assert_int_eq(oa_initiative_line(x), oa_initiative_line(y));
        tu_assert_num(oa_initiative_value(x), oa_initiative_value(y));
        ck_assert_uint_eq(oa_initiative_demand_count(x),
                          oa_initiative_demand_count(y));
    }
    {
        oa_checked *k;
        ck_assert_int_eq(oa_plan_check(&k, c, NULL, NULL), OA_OK);
        ck_assert_int_eq(oa_checked_capacity_at(&v, k, "ops", "fte", 3),
                         OA_OK);
        tu_assert_num(v, 0.5);
        oa_checked_free(k);
    }
    /* The copy is independent. */
    oa_plan_free(p);
    ck_assert_str_eq(oa_plan_name(c), "Full");
    oa_plan_free(c);
}
END_TEST

START_TEST(test_misuse)
{
    oa_plan *p = NULL;
    oa_unit *u = (oa_unit *)1;
    oa_resource_info r;
    ck_assert_int_eq(oa_plan_new(NULL), OA_EINVAL);
    oa_plan_free(NULL);
    ck_assert_int_eq(oa_plan_add_resource(NULL, "x", NULL, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, NULL, NULL, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_plan_add_unit(&u, p, NULL, NULL), OA_EINVAL);
    ck_assert_ptr_null(u);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-01", (oa_step)9, 3),
                     OA_EINVAL);
    ck_assert_int_eq(oa_unit_add_capacity(NULL, "fte", 1, NULL, NULL),
                     OA_EINVAL);
    ck_assert_int_eq(oa_initiative_set_value(NULL, 1), OA_EINVAL);
    ck_assert_int_eq(oa_plan_resource(&r, p, 0), OA_EINVAL);
    ck_assert_int_eq(oa_plan_find_unit(&u, p, "none"), OA_ENOTFOUND);
    ck_assert_ptr_null(oa_plan_unit(p, 0));
    ck_assert_ptr_null(oa_plan_initiative(NULL, 0));
    ck_assert_ptr_null(oa_unit_id(NULL));
    ck_assert_int_eq(oa_plan_validate(NULL, NULL, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_plan_copy(NULL, p), OA_EINVAL);
    /* An empty plan is invalid, for three reasons. */
    {
        oa_error_list *l;
        ck_assert_int_eq(oa_error_list_new(&l), OA_OK);
        ck_assert_int_eq(oa_plan_validate(p, NULL, l), OA_EINVALID);
        ck_assert_uint_eq(oa_error_list_count(l), 3);
        ck_assert_str_eq(oa_error_list_get(l, 0)->text, "plan has no horizon");
        ck_assert_int_eq(oa_error_list_get(l, 0)->line, -1);
        ck_assert_ptr_null(oa_error_list_get(l, 3));
        oa_error_list_free(l);
    }
    oa_plan_free(p);
}
END_TEST

/* "did you mean": the nearest by edit distance, within a third of the
 * word's length (1..3), case aside; none for an exact match. */
START_TEST(test_suggest)
{
    static const char *const units[] = { "engineering", "finance", NULL,
                                         "legal", "ops" };
    ck_assert_str_eq(oa_suggest("enginering", units, 5), "engineering");
    ck_assert_str_eq(oa_suggest("Finance", units, 5), "finance");
    ck_assert_str_eq(oa_suggest("lgeal", units, 5), "legal");  /* a swap */
    ck_assert_str_eq(oa_suggest("ops2", units, 5), "ops");
    ck_assert_ptr_null(oa_suggest("legal", units, 5));          /* exact */
    ck_assert_ptr_null(oa_suggest("sales", units, 5));
    ck_assert_ptr_null(oa_suggest("opx2", units, 5)); /* 2 edits of 4 */
    ck_assert_str_eq(oa_suggest("engineeringgg", units, 5), "engineering");
    ck_assert_ptr_null(oa_suggest("engineeringgggg", units, 5));
    ck_assert_ptr_null(oa_suggest(NULL, units, 5));
    ck_assert_ptr_null(oa_suggest("x", NULL, 0));
    ck_assert_ptr_null(oa_suggest("", units, 5));
}
END_TEST

START_TEST(test_errors_and_version)
{
    oa_error e;
    char buf[64];
    int code;
    for (code = OA_EINTERNAL - 1; code <= OA_OK; code++)
        ck_assert_ptr_nonnull(oa_strerror(code));
    ck_assert_str_eq(oa_strerror(OA_ENOMEM), "out of memory");
    oa_error_clear(&e);
    ck_assert_int_eq(e.code, OA_OK);
    ck_assert_int_eq(e.line, -1);
    strcpy(e.text, "boom");
    oa_error_format(buf, sizeof buf, &e);
    ck_assert_str_eq(buf, "error: boom");
    strcpy(e.source, "f.xml");
    oa_error_format(buf, sizeof buf, &e);
    ck_assert_str_eq(buf, "f.xml: error: boom");
    e.line = 3;
    ck_assert_int_eq(oa_error_format(buf, 8, &e), 20);
    ck_assert_str_eq(buf, "f.xml:3");
    oa_error_clear(NULL);
    ck_assert_str_eq(oa_version(), OA_VERSION);
    ck_assert_int_eq(oa_version_number(), OA_VERSION_NUMBER);
    ck_assert_int_eq(OA_VERSION_NUMBER, OA_VERSION_MAJOR * 10000 +
                                            OA_VERSION_MINOR * 100 +
                                            OA_VERSION_PATCH);
    ck_assert_uint_eq(oa_error_list_count(NULL), 0);
    ck_assert_ptr_null(oa_error_list_get(NULL, 0));
}
END_TEST


START_TEST(test_alloc_failures)
{
    long n;
    int ok = 0, nomem = 0;
    char *xml = tu_slurp(tu_top("examples/small.xml"), NULL);
    ck_assert_ptr_nonnull(xml);
    ck_assert_int_eq(oa_init(), OA_OK);
    for (n = 0; n < 100000 && !ok; n++) {
        oa_plan *p = NULL, *c = NULL;
        oa_error err;
        int rc;
        tu_alloc_left = n;
        oa_set_alloc_funcs(tu_failing_malloc, tu_failing_realloc, free);
        rc = oa_plan_read_memory(&p, xml, strlen(xml), "small.xml", NULL,
                                 &err, NULL);
        if (rc == OA_OK)
            rc = oa_plan_copy(&c, p);
        oa_set_alloc_funcs(NULL, NULL, NULL);
        ck_assert_msg(rc == OA_OK || rc == OA_ENOMEM,
                      "allocation %ld: code %d (%s)", n, rc, err.text);
        if (rc == OA_OK) {
            ck_assert_int_eq(oa_plan_validate(c, NULL, NULL), OA_OK);
            ok = 1;
        } else {
            ck_assert_ptr_null(c);
            nomem++;
        }
        oa_plan_free(c);
        oa_plan_free(p);
    }
    ck_assert_int_eq(ok, 1);
    ck_assert_int_gt(nomem, 50);
    free(xml);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("build");
    tcase_add_test(tc, test_build_and_read_back);
    tcase_add_test(tc, test_resolved);
    tcase_add_test(tc, test_names_refused);
    tcase_add_test(tc, test_labels);
    tcase_add_test(tc, test_copy);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_validate_errors_in_line_order);
    tcase_add_test(tc, test_huge_numbers);
    tcase_add_test(tc, test_misuse);
    tcase_add_test(tc, test_errors_and_version);
    tcase_add_test(tc, test_suggest);
    suite_add_tcase(s, tc);
    tc = tcase_create("memory");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_alloc_failures);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
