/*
 * Solving: every tests/data/solve/NAME.xml has its optimum derived by hand
 * (the derivation is in the file's top comment) and NAME.expect states the
 * facts the solver must reproduce: status, objective, the roadmap, lever
 * amounts and, for infeasible plans, the elastic diagnosis.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static char **cases;
static int ncases;


static int close_to(double a, double b)
{
    return fabs(a - b) <= 1e-6 * (1 + fabs(b));
}

static const oa_load *find_load(const oa_result *r, const char *unit,
                                const char *res, int t)
{
    size_t i;
    static oa_load l;
    for (i = 0; i < oa_result_load_count(r); i++) {
        oa_result_load(&l, r, i);
        if (strcmp(l.unit, unit) == 0 && strcmp(l.resource, res) == 0 &&
            l.period == t)
            return &l;
    }
    return NULL;
}

static double deficit_of(const oa_result *r, int is_budget, const char *unit,
                         const char *res, int t, int kind, int from, int to)
{
    size_t i;
    double sum = 0;
    for (i = 0; i < oa_result_deficit_count(r); i++) {
        oa_deficit d;
        oa_result_deficit_row(&d, r, i);
        if (d.is_budget != is_budget)
            continue;
        if (!is_budget && strcmp(d.unit, unit) == 0 &&
            strcmp(d.resource, res) == 0 && d.period == t)
            sum += d.amount;
        if (is_budget && (int)d.budget == kind &&
            (kind != OA_BUDGET_UNIT || strcmp(d.unit, unit) == 0) &&
            (kind != OA_BUDGET_RANGE || (d.from == from && d.to == to)))
            sum += d.amount;
    }
    return sum;
}

/* Checks a result against an .expect text; name for messages. */
static void check_expect(const char *name, const oa_result *r, char *expect)
{
    char *line, *save = NULL;
    size_t ndef_expected = 0;
    int infeasible = 0;
    for (line = strtok_r(expect, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char a[64], b[64], c[64], kind[32];
        double v;
        int t, t2;
        oa_initiative_result ir;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (sscanf(line, "status %63s", a) == 1) {
            infeasible = strcmp(a, "infeasible") == 0;
            ck_assert_msg(strcmp(oa_status_name(oa_result_status(r)), a) == 0,
                          "%s: status %s, expected %s", name,
                          oa_status_name(oa_result_status(r)), a);
        } else if (sscanf(line, "objective %lf", &v) == 1) {
            ck_assert_msg(close_to(oa_result_objective(r), v),
                          "%s: objective %.10g, expected %.10g", name,
                          oa_result_objective(r), v);
        } else if (sscanf(line, "chosen %63s %d", a, &t) == 2) {
            ck_assert_msg(oa_result_find_initiative(&ir, r, a) == OA_OK,
                          "%s: no initiative %s", name, a);
            ck_assert_msg(ir.scheduled && ir.start == t,
                          "%s: %s %s at %d, expected start %d", name, a,
                          ir.scheduled ? "scheduled" : "rejected", ir.start,
                          t);
        } else if (sscanf(line, "rejected %63s", a) == 1) {
            ck_assert_msg(oa_result_find_initiative(&ir, r, a) == OA_OK,
                          "%s: no initiative %s", name, a);
            ck_assert_msg(!ir.scheduled, "%s: %s scheduled at %d, expected "
                          "rejected", name, a, ir.start);
        } else if (sscanf(line, "load %63s %63s %d %31s %lf", a, b, &t, kind,
                          &v) == 5) {
            const oa_load *l = find_load(r, a, b, t);
            double got;
            ck_assert_msg(l != NULL, "%s: no load %s/%s/%d", name, a, b, t);
            if (strcmp(kind, "overtime") == 0)
                got = l->overtime;
            else if (strcmp(kind, "contractors") == 0)
                got = l->contractors;
            else if (strcmp(kind, "loan-in") == 0)
                got = l->loan_in;
            else if (strcmp(kind, "loan-out") == 0)
                got = l->loan_out;
            else if (strcmp(kind, "shortfall") == 0)
                got = l->shortfall;
            else if (strcmp(kind, "shortfall-cost") == 0)
                got = l->shortfall_cost;
            else
                ck_abort_msg("%s: unknown load kind %s", name, kind);
            ck_assert_msg(close_to(got, v), "%s: %s %s/%s/%d = %g, expected "
                          "%g", name, kind, a, b, t, got, v);
        } else if (sscanf(line, "term %63s %lf", a, &v) == 2) {
            int k, found = 0;
            for (k = 0; k < OA_TERM_COUNT; k++)
                if (strcmp(oa_term_name((oa_term)k), a) == 0) {
                    found = 1;
                    ck_assert_msg(close_to(oa_result_term(r, (oa_term)k), v),
                                  "%s: term %s %.10g, expected %.10g", name,
                                  a, oa_result_term(r, (oa_term)k), v);
                }
            ck_assert_msg(found, "%s: no term kind %s", name, a);
        } else if (sscanf(line, "initiative %63s %lf %63s %63s", a, &v, b,
                          c) == 4) {
            ck_assert_msg(oa_result_find_initiative(&ir, r, a) == OA_OK,
                          "%s: no initiative %s", name, a);
            ck_assert_msg(close_to(ir.plan_value, v) &&
                              close_to(ir.benefit, atof(b)) &&
                              close_to(ir.score, atof(c)),
                          "%s: %s plan value %g, benefit %g, score %g; "
                          "expected %g %s %s", name, a, ir.plan_value,
                          ir.benefit, ir.score, v, b, c);
        } else if (sscanf(line, "deficit-total %lf", &v) == 1) {
            ck_assert_msg(close_to(oa_result_deficit(r), v),
                          "%s: deficit %g, expected %g", name,
                          oa_result_deficit(r), v);
            ck_assert_int_eq(oa_result_deficit_proven(r), 1);
        } else if (sscanf(line, "deficit-budget range %d %d %lf", &t, &t2,
                          &v) == 3) {
            ndef_expected++;
            ck_assert_msg(close_to(deficit_of(r, 1, NULL, NULL, 0,
                                              OA_BUDGET_RANGE, t, t2), v),
                          "%s: range budget deficit", name);
        } else if (sscanf(line, "deficit-budget unit %63s %lf", a, &v) == 2) {
            ndef_expected++;
            ck_assert_msg(close_to(deficit_of(r, 1, a, NULL, 0, OA_BUDGET_UNIT,
                                              0, 0), v),
                          "%s: unit %s budget deficit %g, expected %g", name,
                          a, deficit_of(r, 1, a, NULL, 0, OA_BUDGET_UNIT, 0, 0),
                          v);
        } else if (sscanf(line, "deficit-budget total %lf", &v) == 1) {
            ndef_expected++;
            ck_assert_msg(close_to(deficit_of(r, 1, NULL, NULL, 0,
                                              OA_BUDGET_TOTAL, 0, 0), v),
                          "%s: total budget deficit %g, expected %g", name,
                          deficit_of(r, 1, NULL, NULL, 0, OA_BUDGET_TOTAL, 0, 0),
                          v);
        } else if (sscanf(line, "deficit %63s %63s %d %lf", a, b, &t, &v) ==
                   4) {
            ndef_expected++;
            ck_assert_msg(close_to(deficit_of(r, 0, a, b, t, 0, 0, 0), v),
                          "%s: deficit %s/%s/%d = %g, expected %g", name, a, b,
                          t, deficit_of(r, 0, a, b, t, 0, 0, 0), v);
            (void)c;
        } else {
            ck_abort_msg("%s.expect: cannot read '%s'", name, line);
        }
    }
    if (infeasible)
        ck_assert_msg(oa_result_deficit_count(r) == ndef_expected,
                      "%s: %zu deficit rows, expected %zu", name,
                      oa_result_deficit_count(r), ndef_expected);
}

START_TEST(test_hand_case)
{
    const char *name = cases[_i];
    char rel[512], *expect;
    oa_plan *plan;
    oa_result *r;
    oa_error err;
    snprintf(rel, sizeof rel, "data/solve/%s.xml", name);
    ck_assert_msg(oa_plan_read_file(&plan, tu_path(rel), NULL, &err, NULL) ==
                      OA_OK,
                  "%s: %s", name, err.text);
    snprintf(rel, sizeof rel, "data/solve/%s.expect", name);
    expect = tu_slurp(tu_path(rel), NULL);
    ck_assert_msg(expect != NULL, "%s: no .expect", name);
    ck_assert_int_eq(oa_solve(&r, plan, NULL, &err), OA_OK);
    check_expect(name, r, expect);
    tu_assert_oracle(plan, r, name);
    free(expect);
    oa_result_free(r);
    oa_plan_free(plan);
}
END_TEST

START_TEST(test_corpus_present)
{
    ck_assert_int_ge(ncases, 15);
}
END_TEST

static int same_num(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* A result written as XML and read back has the same numbers. */
START_TEST(test_xml_round_trip)
{
    static const char *const plans[] = {
        "examples/small.xml", "tests/data/solve/loans_efficiency.xml",
        "tests/data/solve/infeasible_budget.xml",
        "tests/data/solve/people_capacity.xml",
        "tests/data/solve/objective_terms.xml"
    };
    size_t k;
    for (k = 0; k < sizeof plans / sizeof plans[0]; k++) {
        oa_plan *p = tu_read_plan(plans[k]);
        oa_result *r, *back;
        oa_error err;
        char *xml, *xml2;
        size_t size, i;
        ck_assert_int_eq(oa_solve(&r, p, NULL, &err), OA_OK);
        ck_assert_int_eq(oa_result_write(&xml, &size, r, OA_FORMAT_XML),
                         OA_OK);
        ck_assert_uint_eq(size, strlen(xml));
        ck_assert_int_eq(oa_result_read_memory(&back, xml, size, "r.xml",
                                               &err),
                         OA_OK);
        ck_assert_int_eq(oa_result_status(back), oa_result_status(r));
        ck_assert(same_num(oa_result_objective(back), oa_result_objective(r)));
        ck_assert(same_num(oa_result_bound(back), oa_result_bound(r)));
        ck_assert(same_num(oa_result_deficit(back), oa_result_deficit(r)));
        ck_assert_int_eq(oa_result_stop(back), oa_result_stop(r));
        for (i = 0; i < OA_TERM_COUNT; i++)
            ck_assert(same_num(oa_result_term(back, (oa_term)i),
                               oa_result_term(r, (oa_term)i)));
        ck_assert_int_eq(oa_result_period_count(back),
                         oa_result_period_count(r));
        ck_assert_str_eq(oa_result_period_label(back, 1),
                         oa_result_period_label(r, 1));
        ck_assert_uint_eq(oa_result_initiative_count(back),
                          oa_result_initiative_count(r));
        for (i = 0; i < oa_result_initiative_count(r); i++) {
            oa_initiative_result a, b;
            oa_result_initiative(&a, r, i);
            oa_result_initiative(&b, back, i);
            ck_assert_str_eq(a.id, b.id);
            ck_assert_int_eq(a.scheduled, b.scheduled);
            ck_assert_int_eq(a.start, b.start);
            ck_assert_int_eq(a.finish, b.finish);
            ck_assert_int_eq(a.delay, b.delay);
            ck_assert(same_num(a.value, b.value));
            ck_assert(same_num(a.cost, b.cost));
            ck_assert(same_num(a.plan_value, b.plan_value));
            ck_assert(same_num(a.benefit, b.benefit));
            ck_assert(same_num(a.score, b.score));
        }
        ck_assert_uint_eq(oa_result_load_count(back), oa_result_load_count(r));
        for (i = 0; i < oa_result_load_count(r); i++) {
            oa_load a, b;
            oa_result_load(&a, r, i);
            oa_result_load(&b, back, i);
            ck_assert_str_eq(a.unit, b.unit);
            ck_assert_int_eq(a.period, b.period);
            ck_assert(same_num(a.capacity, b.capacity));
            ck_assert(same_num(a.change, b.change));
            ck_assert(same_num(a.overtime, b.overtime));
            ck_assert(same_num(a.loan_in, b.loan_in));
            ck_assert(same_num(a.utilization, b.utilization));
            ck_assert(same_num(a.shadow_price, b.shadow_price));
            ck_assert(same_num(a.shortfall_cost, b.shortfall_cost));
        }
        ck_assert_uint_eq(oa_result_spend_count(back),
                          oa_result_spend_count(r));
        for (i = 0; i < oa_result_spend_count(r); i++) {
            oa_spend a, b;
            oa_result_spend(&a, r, i);
            oa_result_spend(&b, back, i);
            ck_assert_int_eq(a.kind, b.kind);
            ck_assert_int_eq(a.has_limit, b.has_limit);
            ck_assert(same_num(a.spend, b.spend));
            ck_assert(same_num(a.limit, b.limit));
        }
        ck_assert_uint_eq(oa_result_deficit_count(back),
                          oa_result_deficit_count(r));
        /* Written again, it is the same text: results diff cleanly. */
        ck_assert_int_eq(oa_result_write(&xml2, NULL, back, OA_FORMAT_XML),
                         OA_OK);
        ck_assert_str_eq(xml, xml2);
        oa_free(xml);
        oa_free(xml2);
        oa_result_free(back);
        oa_result_free(r);
        oa_plan_free(p);
    }
}
END_TEST

/* Replaces the first occurrence of from in text (a copy, freed by the
 * caller); NULL if from is not there. */
static char *replace_once(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    size_t n = strlen(text), a, b = strlen(from), c = strlen(to);
    char *out;
    if (at == NULL)
        return NULL;
    a = (size_t)(at - text);
    out = malloc(n - b + c + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, text, a);
    memcpy(out + a, to, c);
    memcpy(out + a + c, at + b, n - a - b + 1);
    return out;
}

/* The oracle that checks every solve here is not a rubber stamp: a
 * result of examples/small.xml with one number changed is rejected, and
 * for the right reason. */
START_TEST(test_oracle_rejects_wrong_results)
{
    static const struct {
        const char *from, *to, *reason;
    } muts[] = {
        /* partner-program's window starts in 5 (it needs crm-rollout) */
        { "start=\"5\" finish=\"7\"", "start=\"4\" finish=\"6\"",
          "outside its window" },
        { "objective=\"1840000\"", "objective=\"1840001\"", "objective" },
        { "value=\"450000\"", "value=\"450001\"", "is worth" },
        { "change=\"2\"", "change=\"3\"", "change" },
        { "overtime=\"0\" contractors", "overtime=\"5\" contractors",
          "overtime" },
        { "shortfall=\"0\"", "shortfall=\"1\"", "shortfall" },
        { "spend=\"1530000\"", "spend=\"1530001\"", "spend row" },
        { "capacity=\"12\"", "capacity=\"13\"", "capacity" },
        /* the waterfall: a term that does not come from the plan, and
         * one moved so that the terms no longer add up */
        { "kind=\"score\" amount=\"340000\"",
          "kind=\"score\" amount=\"340001\"", "objective term score" },
        { "plan-value=\"350000\"", "plan-value=\"350001\"",
          "plan value" },
        { "kind=\"benefit\" amount=\"0\"", "kind=\"benefit\" amount=\"1\"",
          "objective term benefit" },
    };
    oa_plan *p = tu_read_plan("examples/small.xml");
    oa_result *r, *back;
    char *xml, *bad, msg[512];
    size_t k;
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_write(&xml, NULL, r, OA_FORMAT_XML), OA_OK);
    ck_assert_int_eq(oracle_check(p, r, msg, sizeof msg), 0);
    for (k = 0; k < sizeof muts / sizeof muts[0]; k++) {
        bad = replace_once(xml, muts[k].from, muts[k].to);
        ck_assert_msg(bad != NULL, "no '%s' in the result", muts[k].from);
        ck_assert_int_eq(oa_result_read_memory(&back, bad, strlen(bad),
                                               "r.xml", NULL),
                         OA_OK);
        ck_assert_msg(oracle_check(p, back, msg, sizeof msg) != 0,
                      "'%s' passed the oracle", muts[k].to);
        ck_assert_msg(strstr(msg, muts[k].reason) != NULL,
                      "'%s': oracle says '%s', expected '%s'", muts[k].to,
                      msg, muts[k].reason);
        oa_result_free(back);
        free(bad);
    }
    oa_free(xml);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

START_TEST(test_result_read_errors)
{
    oa_result *r;
    oa_error err;
    ck_assert_int_eq(oa_result_read_memory(&r, "<result/>", 9, "x.xml", &err),
                     OA_EINVALID);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(oa_result_read_memory(&r, "<plan version=\"1\"/>", 19,
                                           "x.xml", &err),
                     OA_EINVALID);
    ck_assert_int_eq(oa_result_read_memory(&r, "<result", 7, "x.xml", &err),
                     OA_EPARSE);
    ck_assert_int_eq(oa_result_read_file(&r, "/nonexistent.xml", &err),
                     OA_EIO);
    ck_assert_ptr_nonnull(strstr(oa_result_schema(), "xs:schema"));
}
END_TEST

/* Overtime is used at its limit in both periods of overtime.xml (see its
 * derivation): one more unit of capacity saves one unit of overtime at
 * 15, so the marginal value of each capacity row is 15. */
START_TEST(test_shadow_prices)
{
    oa_plan *p = tu_read_plan("tests/data/solve/overtime.xml");
    oa_result *r;
    size_t i;
    int seen = 0;
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    for (i = 0; i < oa_result_load_count(r); i++) {
        oa_load l;
        oa_result_load(&l, r, i);
        tu_assert_num(l.shadow_price, 15);
        tu_assert_num(l.utilization, l.period == 1 ? 1.1 : 1.1);
        seen++;
    }
    ck_assert_int_eq(seen, 2);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

/* The one definition of bottlenecks: overtime.xml uses overtime at its
 * limit in both periods (one range 1..2 worth 15 + 15); excludes.xml
 * fills eng's 4 FTE in both periods without levers (used up, worth 0
 * with the roadmap fixed); budget_total.xml spends 500 of 520 and uses
 * 4 of 10 FTE: nothing binds. */
/* A work limit stops on work, not on the clock: two solves of the
 * realistic example (whose proof takes a minute) with the same limit give
 * the same result, byte for byte, and say the work limit stopped them. */
START_TEST(test_work_limit_repeatable)
{
    oa_plan *p = tu_read_plan("examples/realistic.xml");
    oa_solve_opts o = OA_SOLVE_OPTS_INIT;
    oa_result *a, *b;
    oa_error err;
    char *xa, *xb;
    o.work_limit = 15000;
    ck_assert_int_eq(oa_solve(&a, p, &o, &err), OA_OK);
    ck_assert_int_eq(oa_solve(&b, p, &o, &err), OA_OK);
    ck_assert_int_eq(oa_result_stop(a), OA_STOP_WORK);
    ck_assert(oa_result_work(a) <= 15000 * 1.05);
    ck_assert_int_eq(oa_result_write(&xa, NULL, a, OA_FORMAT_XML), OA_OK);
    ck_assert_int_eq(oa_result_write(&xb, NULL, b, OA_FORMAT_XML), OA_OK);
    ck_assert_str_eq(xa, xb);
    ck_assert_ptr_null(strstr(xa, " seconds="));
    ck_assert_ptr_nonnull(strstr(xa, " stopped-by=\"work-limit\""));
    tu_assert_oracle(p, a, "realistic, work-limited");
    oa_free(xa);
    oa_free(xb);
    oa_result_free(a);
    oa_result_free(b);
    /* Bad limits are bad arguments. */
    o.work_limit = -1;
    ck_assert_int_eq(oa_solve(&a, p, &o, &err), OA_EINVAL);
    o.work_limit = 0;
    o.gap = 1;
    ck_assert_int_eq(oa_solve(&a, p, &o, &err), OA_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.text, "0.05 means 5 %"));
    o.gap = NAN;
    ck_assert_int_eq(oa_solve(&a, p, &o, &err), OA_EINVAL);
    oa_plan_free(p);
}
END_TEST

/* A tiny time limit gives a bound that is NaN or finite, never DBL_MAX,
 * and at least the objective. */
START_TEST(test_tiny_time_limit_bound)
{
    oa_plan *p = tu_read_plan("examples/realistic.xml");
    static const double limits[] = { 0.001, 0.02, 0.1 };
    size_t k;
    for (k = 0; k < sizeof limits / sizeof *limits; k++) {
        oa_solve_opts o = OA_SOLVE_OPTS_INIT;
        oa_result *r;
        oa_error err;
        double b;
        o.time_limit = limits[k];
        ck_assert_int_eq(oa_solve(&r, p, &o, &err), OA_OK);
        b = oa_result_bound(r);
        ck_assert_msg(isnan(b) || (isfinite(b) && fabs(b) < 1e300),
                      "limit %g: bound %g", limits[k], b);
        if (oa_result_status(r) == OA_STATUS_FEASIBLE && !isnan(b))
            ck_assert(b >= oa_result_objective(r));
        ck_assert_int_eq(oa_result_stop(r),
                         oa_result_status(r) == OA_STATUS_OPTIMAL
                             ? OA_STOP_DONE
                             : OA_STOP_TIME);
        oa_result_free(r);
    }
    oa_plan_free(p);
}
END_TEST

START_TEST(test_bottlenecks)
{
    static const struct {
        const char *plan;
        size_t n;
        double marginal;
    } bn_cases[] = { { "tests/data/solve/overtime.xml", 1, 30 },
                  { "tests/data/solve/excludes.xml", 1, 0 },
                  { "tests/data/solve/budget_total.xml", 0, 0 } };
    size_t k;
    for (k = 0; k < sizeof bn_cases / sizeof *bn_cases; k++) {
        oa_plan *p = tu_read_plan(bn_cases[k].plan);
        oa_result *r;
        oa_bottleneck *v;
        size_t n;
        ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
        ck_assert_int_eq(oa_result_bottlenecks(&v, &n, r), OA_OK);
        ck_assert_uint_eq(n, bn_cases[k].n);
        if (n) {
            ck_assert_int_eq(v[0].is_budget, 0);
            ck_assert_str_eq(v[0].unit, "eng");
            ck_assert_str_eq(v[0].resource, "fte");
            ck_assert_int_eq(v[0].from, 1);
            ck_assert_int_eq(v[0].to, 2);
            tu_assert_num(v[0].marginal, bn_cases[k].marginal);
            ck_assert(isnan(v[0].value));
        } else {
            ck_assert_ptr_null(v);
        }
        oa_free(v);
        oa_result_free(r);
        oa_plan_free(p);
    }
    ck_assert_int_eq(oa_result_bottlenecks(NULL, NULL, NULL), OA_EINVAL);
}
END_TEST

/* budget_unit.xml: spend rows for the total and every unit, with the
 * owner paying its initiatives (see the derivation in the file). */
START_TEST(test_spend_rows)
{
    oa_plan *p = tu_read_plan("tests/data/solve/budget_unit.xml");
    oa_result *r;
    oa_spend sp;
    size_t i;
    double sum = 0;
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_spend(&sp, r, 0), OA_OK);
    ck_assert_int_eq(sp.kind, OA_BUDGET_TOTAL);
    ck_assert_int_eq(sp.from, 1);
    ck_assert_int_eq(sp.to, oa_result_period_count(r));
    tu_assert_num(sp.spend, sp.operating + sp.initiatives + sp.overtime +
                                sp.contractors + sp.loans);
    for (i = 1; i < oa_result_spend_count(r); i++) {
        oa_spend u;
        oa_result_spend(&u, r, i);
        ck_assert_int_eq(u.kind, OA_BUDGET_UNIT);
        ck_assert_ptr_nonnull(u.unit);
        if (u.has_limit)
            ck_assert(u.spend <= u.limit + 1e-6);
        sum += u.initiatives;
    }
    /* Initiatives without an owner are paid by no unit. */
    ck_assert(sum <= sp.initiatives + 1e-6);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

/* A horizon of three years: the total budget and engineering's budget
 * apply to each calendar year, operating costs are per year; the range
 * limit and engineering's 2028 budget are rows of their own. */
START_TEST(test_years)
{
    oa_plan *p = tu_read_plan("examples/three-year.xml");
    oa_result *r;
    oa_spend sp;
    size_t i, years = 0, eng = 0;
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    tu_assert_oracle(p, r, "three-year");
    ck_assert_int_eq(oa_result_spend(&sp, r, 0), OA_OK);
    ck_assert_int_eq(sp.has_limit, 0);
    tu_assert_num(sp.operating, 3 * 1020000);
    for (i = 1; i < oa_result_spend_count(r); i++) {
        ck_assert_int_eq(oa_result_spend(&sp, r, i), OA_OK);
        if (sp.kind == OA_BUDGET_TOTAL) {
            ck_assert_int_eq(sp.from, 1 + 12 * (int)years);
            ck_assert_int_eq(sp.to, 12 + 12 * (int)years);
            tu_assert_num(sp.limit, 1600000);
            tu_assert_num(sp.operating, 1020000);
            ck_assert(sp.spend <= sp.limit + 1e-6);
            years++;
        } else if (sp.kind == OA_BUDGET_RANGE) {
            ck_assert_int_eq(sp.from, 1);
            ck_assert_int_eq(sp.to, 6);
            tu_assert_num(sp.operating, 510000);
        } else if (sp.has_limit) {
            ck_assert_str_eq(sp.unit, "engineering");
            tu_assert_num(sp.operating, 600000);
            tu_assert_num(sp.limit, eng == 3 ? 900000 : 1000000);
            ck_assert(sp.spend <= sp.limit + 1e-6);
            eng++;
        }
    }
    ck_assert_uint_eq(years, 3);
    ck_assert_uint_eq(eng, 4);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

/* The LP relaxation bounds every roadmap and funds in fractions. */
START_TEST(test_relaxed)
{
    oa_plan *p = tu_read_plan("examples/small.xml");
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_result *mip, *lp;
    size_t i;
    ck_assert_int_eq(oa_solve(&mip, p, NULL, NULL), OA_OK);
    opts.relax = 1;
    ck_assert_int_eq(oa_solve(&lp, p, &opts, NULL), OA_OK);
    ck_assert_int_eq(oa_result_status(lp), OA_STATUS_RELAXED);
    ck_assert(oa_result_objective(lp) >= oa_result_objective(mip) - 1e-6);
    for (i = 0; i < oa_result_initiative_count(lp); i++) {
        oa_initiative_result ir;
        oa_result_initiative(&ir, lp, i);
        ck_assert(ir.fraction >= 0 && ir.fraction <= 1 + 1e-9);
    }
    oa_result_free(mip);
    oa_result_free(lp);
    oa_plan_free(p);
}
END_TEST

static int calls;
static int stop_at_once(const oa_progress *pr, void *data)
{
    (void)data;
    ck_assert(pr->elapsed >= 0);
    calls++;
    return 1;
}

static int log_bytes;
static void count_log(const char *text, void *data)
{
    (void)data;
    log_bytes += (int)strlen(text);
}

/* A progress callback that says stop ends the search with what it has;
 * a time limit does the same; the log goes to the caller, never to the
 * terminal. */
START_TEST(test_limits_and_callbacks)
{
    oa_plan *p = tu_read_plan("examples/realistic.xml");
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_result *r;
    oa_status st;
    opts.progress = stop_at_once;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_OK);
    st = oa_result_status(r);
    ck_assert(st == OA_STATUS_FEASIBLE || st == OA_STATUS_NO_SOLUTION);
    ck_assert_int_ge(calls, 1);
    oa_result_free(r);
    opts = (oa_solve_opts)OA_SOLVE_OPTS_INIT;
    opts.time_limit = 1;
    opts.verbosity = 1;
    opts.log = count_log;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_OK);
    st = oa_result_status(r);
    ck_assert(st == OA_STATUS_FEASIBLE || st == OA_STATUS_NO_SOLUTION ||
              st == OA_STATUS_OPTIMAL);
    ck_assert_int_gt(log_bytes, 0);
    if (st == OA_STATUS_FEASIBLE) {
        ck_assert(oa_result_bound(r) >= oa_result_objective(r));
        ck_assert(oa_result_gap(r) >= 0);
    }
    oa_result_free(r);
    opts.version = 99;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_EINVAL);
    opts = (oa_solve_opts)OA_SOLVE_OPTS_INIT;
    opts.gap = -1;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_solve(NULL, p, NULL, NULL), OA_EINVAL);
    oa_plan_free(p);
}
END_TEST

/* An interrupt raised while the search runs (here by the progress
 * callback once a roadmap is known, as a signal handler or another
 * thread would) stops it; the roadmap found is the result, stopped by
 * the interrupt, with its bound.  Raised before the solve, it stops at
 * once; cleared, the next solve runs as usual. */
static int raise_on_roadmap(const oa_progress *pr, void *data)
{
    if (pr->has_incumbent)
        oa_interrupt_raise(data);
    return 0;
}

START_TEST(test_interrupt)
{
    oa_plan *p = tu_read_plan("examples/realistic.xml");
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_interrupt *flag;
    oa_result *r;
    ck_assert_int_eq(oa_interrupt_new(&flag), OA_OK);
    ck_assert_int_eq(oa_interrupt_raised(flag), 0);
    opts.interrupt = flag;
    opts.progress = raise_on_roadmap;
    opts.progress_data = flag;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_OK);
    ck_assert_int_eq(oa_interrupt_raised(flag), 1);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_FEASIBLE);
    ck_assert_int_eq(oa_result_stop(r), OA_STOP_INTERRUPT);
    ck_assert(oa_result_seconds(r) < 10);
    tu_assert_oracle(p, r, "realistic, interrupted");
    oa_result_free(r);
    /* raised already: stops at once */
    opts.progress = NULL;
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_OK);
    ck_assert_int_eq(oa_result_stop(r), OA_STOP_INTERRUPT);
    ck_assert(oa_result_seconds(r) < 2);
    oa_result_free(r);
    /* cleared: small.xml is proven as usual */
    oa_interrupt_clear(flag);
    oa_plan_free(p);
    p = tu_read_plan("examples/small.xml");
    ck_assert_int_eq(oa_solve(&r, p, &opts, NULL), OA_OK);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    ck_assert_int_eq(oa_result_stop(r), OA_STOP_DONE);
    oa_result_free(r);
    oa_interrupt_free(flag);
    oa_interrupt_raise(NULL);
    ck_assert_int_eq(oa_interrupt_raised(NULL), 0);
    ck_assert_int_eq(oa_interrupt_new(NULL), OA_EINVAL);
    oa_plan_free(p);
}
END_TEST

/* A plan built through the API is validated by oa_solve itself, and an
 * invalid one is refused with the first error. */
START_TEST(test_solve_validates)
{
    oa_plan *p;
    oa_unit *u;
    oa_initiative *a;
    oa_result *r = (oa_result *)1;
    oa_error err;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 3);
    oa_plan_add_resource(p, "fte", NULL, NULL);
    oa_plan_add_unit(&u, p, "eng", NULL);
    oa_unit_add_capacity(u, "fte", 2, NULL, NULL);
    oa_plan_add_initiative(&a, p, "a", 2);
    oa_initiative_set_value(a, 10);
    oa_initiative_set_benefit_per_period(a, 1);
    oa_initiative_add_demand(a, "eng", "fte", 2, 0, 0);
    ck_assert_int_eq(oa_solve(&r, p, NULL, &err), OA_OK);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    /* Starting in 1, it finishes in 2 with one period left: 10 + 1. */
    tu_assert_num(oa_result_objective(r), 11);
    oa_result_free(r);
    oa_initiative_add_demand(a, "ops", "fte", 1, 0, 0);
    ck_assert_int_eq(oa_solve(&r, p, NULL, &err), OA_EINVALID);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(err.text, "unknown unit 'ops'"));
    oa_plan_free(p);
}
END_TEST

/* The model of excludes.xml, counted by hand: three starts (each
 * initiative can only start in period 1), no levers; rows: one choice
 * row per initiative (one start each), eng's capacity in periods 1 and 2
 * (three starts each) and the excludes pair (two): 6 rows, 3 + 6 + 2
 * nonzeros. */
START_TEST(test_model_size)
{
    oa_plan *p = tu_read_plan("tests/data/solve/excludes.xml");
    oa_model_size sz;
    oa_error err;
    ck_assert_int_eq(oa_plan_model_size(&sz, p, &err), OA_OK);
    ck_assert_uint_eq(sz.binaries, 3);
    ck_assert_uint_eq(sz.columns, 3);
    ck_assert_uint_eq(sz.rows, 6);
    ck_assert_uint_eq(sz.nonzeros, 11);
    oa_plan_free(p);
}
END_TEST

/* oa_result_save writes atomically and the text formats say what
 * matters. */
START_TEST(test_save_and_formats)
{
    oa_plan *p = tu_read_plan("examples/small.xml");
    oa_result *r, *back;
    oa_error err;
    char path[] = "/tmp/oa-result-XXXXXX";
    char *text;
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_save(r, path, OA_FORMAT_XML, &err), OA_OK);
    ck_assert_int_eq(oa_result_read_file(&back, path, &err), OA_OK);
    tu_assert_num(oa_result_objective(back), oa_result_objective(r));
    oa_result_free(back);
    ck_assert_int_eq(oa_result_save(r, "/nonexistent/dir/r.xml",
                                    OA_FORMAT_XML, &err),
                     OA_EIO);
    ck_assert_int_eq(oa_result_write(&text, NULL, r, OA_FORMAT_TEXT), OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "Status: optimal"));
    ck_assert_ptr_nonnull(strstr(text, "gdpr-audit"));
    oa_free(text);
    ck_assert_int_eq(oa_result_write(&text, NULL, r, OA_FORMAT_CSV), OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "\nunit,resource,period"));
    oa_free(text);
    ck_assert_int_eq(oa_result_write(&text, NULL, r, (oa_format)7),
                     OA_EINVAL);
    unlink(path);
    close(fd);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

int main(void)
{
    Suite *s;
    TCase *tc;
    int rc;
    ncases = tu_list(&cases, "data/solve", ".xml");
    s = suite_create("solve");
    tc = tcase_create("hand");
    tcase_add_test(tc, test_corpus_present);
    if (ncases > 0)
        tcase_add_loop_test(tc, test_hand_case, 0, ncases);
    suite_add_tcase(s, tc);
    tc = tcase_create("api");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_xml_round_trip);
    tcase_add_test(tc, test_oracle_rejects_wrong_results);
    tcase_add_test(tc, test_result_read_errors);
    tcase_add_test(tc, test_shadow_prices);
    tcase_add_test(tc, test_bottlenecks);
    tcase_add_test(tc, test_work_limit_repeatable);
    tcase_add_test(tc, test_tiny_time_limit_bound);
    tcase_add_test(tc, test_interrupt);
    tcase_add_test(tc, test_spend_rows);
    tcase_add_test(tc, test_years);
    tcase_add_test(tc, test_relaxed);
    tcase_add_test(tc, test_limits_and_callbacks);
    tcase_add_test(tc, test_solve_validates);
    tcase_add_test(tc, test_model_size);
    tcase_add_test(tc, test_save_and_formats);
    suite_add_tcase(s, tc);
    rc = tu_run(s);
    tu_list_free(cases, ncases);
    return rc;
}
