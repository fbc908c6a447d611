/*
 * Explanations of small plans whose answers are derived by hand (the
 * reasoning is in each plan's comment, tests/data/explain/).
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static oa_explanation *explain(oa_plan *p, const char *const *ids, size_t n,
                               int jobs)
{
    oa_explanation *ex = NULL;
    oa_explain_opts o = OA_EXPLAIN_OPTS_INIT;
    oa_error err;
    o.jobs = jobs;
    ck_assert_msg(oa_explain(&ex, p, NULL, ids, n, &o, &err) == OA_OK, "%s",
                  err.text);
    return ex;
}

static size_t find(const oa_explanation *ex, const char *id,
                   oa_explained *out)
{
    size_t i;
    for (i = 0; i < oa_explanation_count(ex); i++) {
        ck_assert_int_eq(oa_explanation_initiative(out, ex, i), OA_OK);
        if (strcmp(out->id, id) == 0)
            return i;
    }
    ck_abort_msg("%s is not explained", id);
    return 0;
}

/* delays.xml: every answer of its comment, one after the other or on two
 * threads (the loop index). */
START_TEST(test_delays)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    oa_explanation *ex = explain(p, NULL, 0, _i == 0 ? 1 : 2);
    oa_explained e;
    oa_deficit d;
    oa_displaced m;
    oa_bottleneck b;
    size_t i;

    tu_assert_num(oa_result_objective(oa_explanation_result(ex)), 170);
    /* B, D and E; A and C start on time */
    ck_assert_uint_eq(oa_explanation_count(ex), 3);

    i = find(ex, "B", &e);
    ck_assert_int_eq(e.kind, OA_EXPLAINED_DELAYED);
    ck_assert_int_eq(e.start, 2);
    ck_assert_int_eq(e.earliest, 1);
    ck_assert_int_eq(e.delay, 1);
    tu_assert_num(e.delay_cost, 10);
    ck_assert_ptr_null(e.held_by);
    ck_assert_uint_eq(oa_explanation_need_count(ex, i), 1);
    ck_assert_int_eq(oa_explanation_need(&d, ex, i, 0), OA_OK);
    ck_assert_int_eq(d.is_budget, 0);
    ck_assert_str_eq(d.unit, "eng");
    ck_assert_int_eq(d.period, 1);
    tu_assert_num(d.amount, 2);
    ck_assert_int_eq(oa_explanation_need_proven(ex, i), 1);

    i = find(ex, "D", &e);
    ck_assert_int_eq(e.kind, OA_EXPLAINED_REJECTED);
    ck_assert_int_eq(e.never_fits, 0);
    tu_assert_num(e.forcing_cost, 5);
    ck_assert_int_eq(e.forcing_proven, 1);
    ck_assert_uint_eq(oa_explanation_displaced_count(ex, i), 1);
    ck_assert_int_eq(oa_explanation_displaced(&m, ex, i, 0), OA_OK);
    ck_assert_str_eq(m.id, "C");
    ck_assert_int_eq(m.from, 3);
    ck_assert_int_eq(m.to, 0);
    ck_assert_int_eq(e.fits_beside, 0);
    ck_assert_uint_eq(oa_explanation_need_count(ex, i), 1);
    ck_assert_int_eq(oa_explanation_need(&d, ex, i, 0), OA_OK);
    ck_assert_str_eq(d.unit, "eng");
    ck_assert_int_eq(d.period, 3);
    tu_assert_num(d.amount, 1);

    i = find(ex, "E", &e);
    ck_assert_int_eq(e.kind, OA_EXPLAINED_REJECTED);
    ck_assert_int_eq(e.never_fits, 1);
    ck_assert(isnan(e.forcing_cost));
    ck_assert_uint_eq(oa_explanation_need_count(ex, i), 1);
    ck_assert_int_eq(oa_explanation_need(&d, ex, i, 0), OA_OK);
    ck_assert_int_eq(d.period, 2);
    tu_assert_num(d.amount, 3);

    ck_assert_uint_eq(oa_explanation_bottleneck_count(ex), 1);
    ck_assert_int_eq(oa_explanation_bottleneck(&b, ex, 0), OA_OK);
    ck_assert_int_eq(b.is_budget, 0);
    ck_assert_str_eq(b.unit, "eng");
    ck_assert_int_eq(b.from, 1);
    ck_assert_int_eq(b.to, 3);
    tu_assert_num(b.value, 25);
    ck_assert_int_eq(b.proven, 1);

    oa_explanation_free(ex);
    oa_plan_free(p);
}
END_TEST

/* Naming initiatives: only those, on-time ones included; unknown ids are
 * an error that names them. */
/* Options of every version from 1 to the current one are taken (the
 * solve options nested from version 2), a later one is refused; the
 * answers agree. */
START_TEST(test_opts_versions)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    oa_explain_opts o2 = OA_EXPLAIN_OPTS_INIT, o1 = OA_EXPLAIN_OPTS_INIT;
    oa_explanation *a = NULL, *b = NULL;
    oa_explained x, y;
    size_t k;
    ck_assert_uint_eq(o2.version, 2);
    tu_assert_num(o2.solve.time_limit, 30);
    o1.version = 1;
    o1.solve.time_limit = -1; /* not read at version 1 */
    ck_assert_int_eq(oa_explain(&a, p, NULL, NULL, 0, &o2, NULL), OA_OK);
    ck_assert_int_eq(oa_explain(&b, p, NULL, NULL, 0, &o1, NULL), OA_OK);
    ck_assert_uint_eq(oa_explanation_count(a), oa_explanation_count(b));
    for (k = 0; k < oa_explanation_count(a); k++) {
        ck_assert_int_eq(oa_explanation_initiative(&x, a, k), OA_OK);
        ck_assert_int_eq(oa_explanation_initiative(&y, b, k), OA_OK);
        ck_assert_str_eq(x.id, y.id);
        ck_assert_int_eq(x.kind, y.kind);
    }
    oa_explanation_free(a);
    oa_explanation_free(b);
    o2.solve.time_limit = -1;
    ck_assert_int_eq(oa_explain(&a, p, NULL, NULL, 0, &o2, NULL), OA_EINVAL);
    o2 = o1;
    o2.version = OA_EXPLAIN_OPTS_VERSION + 1;
    ck_assert_int_eq(oa_explain(&a, p, NULL, NULL, 0, &o2, NULL), OA_EINVAL);
    oa_plan_free(p);
}
END_TEST

START_TEST(test_named)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    const char *ids[] = { "A", "D" };
    const char *bad[] = { "Z" };
    oa_explanation *ex = explain(p, ids, 2, 1), *none = NULL;
    oa_explained e;
    oa_error err;
    ck_assert_uint_eq(oa_explanation_count(ex), 2);
    find(ex, "A", &e);
    ck_assert_int_eq(e.kind, OA_EXPLAINED_ON_TIME);
    ck_assert_int_eq(e.start, 1);
    find(ex, "D", &e);
    ck_assert_int_eq(e.kind, OA_EXPLAINED_REJECTED);
    oa_explanation_free(ex);
    ck_assert_int_eq(oa_explain(&none, p, NULL, bad, 1, NULL, &err),
                     OA_ENOTFOUND);
    ck_assert_ptr_null(none);
    ck_assert_ptr_nonnull(strstr(err.text, "'Z'"));
    oa_plan_free(p);
}
END_TEST

/* An infeasible plan has no roadmap to explain. */
START_TEST(test_no_roadmap)
{
    oa_plan *p = tu_read_plan("tests/data/solve/infeasible_mandatory.xml");
    oa_explanation *ex = NULL;
    oa_error err;
    ck_assert_int_eq(oa_explain(&ex, p, NULL, NULL, 0, NULL, &err),
                     OA_ESTATE);
    ck_assert_ptr_null(ex);
    ck_assert_ptr_nonnull(strstr(err.text, "no roadmap"));
    oa_plan_free(p);
}
END_TEST

/* The text reads as sentences with the hand-derived figures; the XML has
 * the elements of the contract. */
START_TEST(test_formats)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    oa_explanation *ex = explain(p, NULL, 0, 1);
    char *text = NULL;
    size_t size = 0;
    ck_assert_int_eq(oa_explanation_write(&text, &size, ex, OA_FORMAT_TEXT),
                     OA_OK);
    ck_assert_uint_eq(size, strlen(text));
    ck_assert_ptr_nonnull(strstr(text, "Forcing it in would cost 5: it "
                                       "drops C (from 2027-03)"));
    ck_assert_ptr_nonnull(strstr(text, "can never fit"));
    ck_assert_ptr_nonnull(strstr(text, "the delay costs 10"));
    ck_assert_ptr_nonnull(strstr(text, "2 more fte in eng in 2027-01"));
    ck_assert_ptr_nonnull(strstr(text, "is worth 25"));
    oa_free(text);
    ck_assert_int_eq(oa_explanation_write(&text, &size, ex, OA_FORMAT_XML),
                     OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "<initiative id=\"D\" "
                                       "status=\"rejected\" forcing-cost=\"5\""));
    ck_assert_ptr_nonnull(strstr(text, "never-fits=\"true\""));
    ck_assert_ptr_nonnull(strstr(text, "<displaces initiative=\"C\" from=\"3\" "
                                       "change=\"dropped\"/>"));
    ck_assert_ptr_nonnull(strstr(text, "<bottleneck rank=\"1\" unit=\"eng\""));
    oa_free(text);
    ck_assert_int_eq(oa_explanation_write(&text, &size, ex, OA_FORMAT_CSV),
                     OA_EINVAL);
    oa_explanation_free(ex);
    oa_plan_free(p);
}
END_TEST

/* The HTML report of delays.xml: one Gantt bar per scheduled initiative
 * (A, B, C), and the reasons of the explanation beside what was left out
 * (D: the price of forcing it, E: never fits); plan texts escaped. */
START_TEST(test_report)
{
    oa_plan *p = tu_read_plan("tests/data/explain/delays.xml");
    oa_explanation *ex = explain(p, NULL, 0, 1);
    oa_report_opts ro = OA_REPORT_OPTS_INIT;
    char *html;
    const char *q;
    int bars = 0;
    ro.explanation = ex;
    ck_assert_int_eq(oa_report_write(&html, NULL, oa_explanation_result(ex),
                                     &ro),
                     OA_OK);
    ck_assert(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    for (q = html; (q = strstr(q, "<rect class=\"bar")) != NULL; q++)
        bars++;
    ck_assert_int_eq(bars, 3);
    for (bars = 0, q = html; (q = strstr(q, "class=\"pspend\"")) != NULL; q++)
        bars++;
    ck_assert_int_eq(bars, 3); /* spend per period, 3 periods */
    {
        /* the spend of each period survives a result read back */
        const oa_result *r0 = oa_explanation_result(ex);
        oa_result *r1;
        oa_spend a, b;
        char *xml;
        size_t n, t;
        ck_assert_uint_eq(oa_result_period_spend_count(r0), 3);
        ck_assert_int_eq(oa_result_write(&xml, &n, r0, OA_FORMAT_XML), OA_OK);
        ck_assert_int_eq(oa_result_read_memory(&r1, xml, n, "r.xml", NULL),
                         OA_OK);
        ck_assert_uint_eq(oa_result_period_spend_count(r1), 3);
        for (t = 0; t < 3; t++) {
            oa_result_period_spend(&a, r0, t);
            oa_result_period_spend(&b, r1, t);
            ck_assert_int_eq(b.from, (int)t + 1);
            tu_assert_num(b.spend, a.spend);
        }
        oa_result_free(r1);
        oa_free(xml);
    }
    ck_assert_ptr_nonnull(strstr(html, "forcing it in would cost 5</span>"));
    ck_assert_ptr_nonnull(strstr(html, "never fits"));
    ck_assert_ptr_null(strstr(html, "src="));
    oa_free(html);
    oa_explanation_free(ex);
    /* a name with markup in it comes out escaped */
    oa_plan_set_name(p, "<b>&\"x\"");
    {
        oa_result *r;
        ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
        ck_assert_int_eq(oa_report_write(&html, NULL, r, NULL), OA_OK);
        ck_assert_ptr_null(strstr(html, "<b>&"));
        ck_assert_ptr_nonnull(strstr(html, "&lt;b&gt;&amp;"));
        oa_free(html);
        oa_result_free(r);
    }
    oa_plan_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("explain");
    TCase *tc = tcase_create("hand");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_delays, 0, 2);
    tcase_add_test(tc, test_opts_versions);
    tcase_add_test(tc, test_named);
    tcase_add_test(tc, test_no_roadmap);
    tcase_add_test(tc, test_formats);
    tcase_add_test(tc, test_report);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
