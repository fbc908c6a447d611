/*
 * The library's inner modules on their own, linked from
 * tests/libopsalign-internal.la (the same sources, every symbol visible):
 * formatting, the model, the solver and the search on hand-checked plans;
 * and every allocation failing in turn through solve, explain, the
 * report, people and every writer.
 */
#include "testutil.h"

#include "model.h"
#include "plan_int.h"
#include "result.h"
#include "search.h"
#include "solver.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Numbers as every writer prints them (format.c). */
START_TEST(test_format)
{
    char buf[64];
    oap_buf b;
    oap_format_money(buf, sizeof buf, 1234567.8);
    ck_assert_str_eq(buf, "1,234,568");
    oap_format_money(buf, sizeof buf, -0.4);
    ck_assert_str_eq(buf, "0");
    oap_format_money(buf, sizeof buf, -1000);
    ck_assert_str_eq(buf, "-1,000");
    oap_format_double(buf, sizeof buf, 0.1);
    ck_assert_str_eq(buf, "0.1");
    oap_format_double(buf, sizeof buf, 1840000);
    ck_assert_str_eq(buf, "1840000");
    oap_format_double(buf, sizeof buf, NAN);
    ck_assert_str_eq(buf, "NaN");
    oap_format_double(buf, sizeof buf, 1.0 / 3);
    ck_assert(strtod(buf, NULL) == 1.0 / 3);
    oap_buf_init(&b);
    oap_csv_str(&b, "a,\"b\"");
    oap_buf_puts(&b, "|");
    oap_csv_str(&b, "plain");
    oap_buf_puts(&b, "|");
    oap_csv_num(&b, NAN);
    oap_buf_puts(&b, "|");
    oap_csv_num(&b, 2.5);
    ck_assert_str_eq(b.data, "\"a,\"\"b\"\"\"|plain||2.5");
    oap_buf_free(&b);
    /* CSV injection: formulas are neutralized, numbers are not */
    oap_buf_init(&b);
    oap_csv_str(&b, "=HYPERLINK(\"http://x\")");
    oap_buf_puts(&b, "|");
    oap_csv_str(&b, "+1");
    oap_buf_puts(&b, "|");
    oap_csv_str(&b, "-2");
    oap_buf_puts(&b, "|");
    oap_csv_str(&b, "@SUM(A1)");
    oap_buf_puts(&b, "|");
    oap_csv_str(&b, "a=b");
    oap_buf_puts(&b, "|");
    oap_csv_num(&b, -3);
    ck_assert_str_eq(b.data, "\"'=HYPERLINK(\"\"http://x\"\")\"|'+1|'-2|"
                             "'@SUM(A1)|a=b|-3");
    oap_buf_free(&b);
    oap_format_money_dec(buf, sizeof buf, -1234567.806, 2);
    ck_assert_str_eq(buf, "-1,234,567.81");
    oap_format_money_dec(buf, sizeof buf, -0.001, 2);
    ck_assert_str_eq(buf, "0.00");
    oap_format_money_dec(buf, sizeof buf, 1e301, 0);
    ck_assert_str_eq(buf, "inf");
    /* text columns never cut inside a character */
    oap_buf_init(&b);
    oap_buf_put_col(&b, "Müller-Lüdenscheidt", 4);
    oap_buf_puts(&b, "|");
    oap_buf_put_col(&b, "é", 3);
    oap_buf_puts(&b, "|");
    oap_buf_put_col(&b, NULL, 2);
    oap_buf_puts(&b, "|");
    ck_assert_str_eq(b.data, "Müll|é  |  |");
    oap_buf_free(&b);
    strcpy(buf, "caf\xc3");
    oap_utf8_fix_end(buf);
    ck_assert_str_eq(buf, "caf");
    strcpy(buf, "\xe2\x82\xac ok \xe2\x82");
    oap_utf8_fix_end(buf);
    ck_assert_str_eq(buf, "\xe2\x82\xac ok ");
    strcpy(buf, "a\nb\x1b[0m\xff\xc3\xa9");
    oap_text_sanitize(buf);
    ck_assert_str_eq(buf, "a?b?[0m?\xc3\xa9");
    ck_assert_int_eq(oap_text_clean("plan ✓"), 1);
    ck_assert_int_eq(oap_text_clean("a\tb"), 0);
}
END_TEST

/* The waterfall shows what adds up: zero terms but the value left out,
 * whole units where every amount is whole, cents where one has cents,
 * and a rounding line where the amounts as shown would not add up to the
 * objective as shown (three thirds: 0.33 x 3 = 0.99 against 1.00). */
START_TEST(test_waterfall)
{
    oa_result *r = oap_result_new();
    oap_wf_line w[OAP_WF_MAX];
    int n;
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(oap_waterfall(w, r), 0);
    r->has_terms = 1;
    r->terms[OA_TERM_VALUE] = 1000;
    r->terms[OA_TERM_OVERTIME] = -250;
    r->objective = 750;
    n = oap_waterfall(w, r);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(w[1].term, OA_TERM_OVERTIME);
    ck_assert_int_eq(w[2].kind, OAP_WF_TOTAL);
    ck_assert_int_eq(w[2].decimals, 0);
    tu_assert_num(w[2].amount, 750);
    r->terms[OA_TERM_OVERTIME] = 0;
    r->terms[OA_TERM_VALUE] = 100.4;
    r->terms[OA_TERM_BENEFIT] = 100.4;
    r->terms[OA_TERM_SCORE] = 100.4;
    r->objective = 301.2;
    n = oap_waterfall(w, r);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(w[0].decimals, 2);
    tu_assert_num(w[3].amount, 301.2);
    r->terms[OA_TERM_VALUE] = 1.0 / 3;
    r->terms[OA_TERM_BENEFIT] = 1.0 / 3;
    r->terms[OA_TERM_SCORE] = 1.0 / 3;
    r->objective = 1;
    n = oap_waterfall(w, r);
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(w[3].kind, OAP_WF_ROUNDING);
    tu_assert_num(w[3].amount, 0.01);
    tu_assert_num(w[0].amount + w[1].amount + w[2].amount + w[3].amount,
                  w[4].amount);
    oa_result_free(r);
}
END_TEST

/* excludes.xml (see its derivation): P = 2 and every initiative lasts 2
 * periods, so each has the one start 1; eng has one capacity row per
 * period; nothing is forced. */
START_TEST(test_model)
{
    oa_plan *p = tu_read_plan("tests/data/solve/excludes.xml");
    oa_checked *chk;
    oap_model *m;
    oap_build_opts bo;
    oa_error e;
    char want[64];
    size_t k, ints = 0, nnz;
    int i, t;
    ck_assert_int_eq(oa_plan_check(&chk, p, NULL, NULL), OA_OK);
    memset(&bo, 0, sizeof bo);
    ck_assert_int_eq(oap_model_build(&m, chk, &bo, NULL), OA_OK);
    for (i = 0; i < 3; i++) {
        ck_assert_int_eq(m->x_s0[i], 1);
        ck_assert_int_eq(m->x_s1[i], 1);
        ck_assert_int_eq(m->forced[i], 0);
    }
    for (k = 0; k < m->ncols; k++)
        ints += m->cols[k].is_int != 0;
    ck_assert_uint_eq(ints, 3);
    for (t = 0; t < 2; t++)
        ck_assert_int_ge(m->cap_row[t], 0);
    /* The size cap: exactly the model's nonzeros build; one fewer is
     * refused with OA_ELIMIT and a message that names the limit. */
    nnz = m->nnz;
    oap_model_free(m);
    bo.max_nonzeros = nnz;
    ck_assert_int_eq(oap_model_build(&m, chk, &bo, NULL), OA_OK);
    ck_assert_uint_eq(m->nnz, nnz);
    oap_model_free(m);
    bo.max_nonzeros = nnz - 1;
    oa_error_clear(&e);
    ck_assert_int_eq(oap_model_build(&m, chk, &bo, &e), OA_ELIMIT);
    ck_assert_ptr_null(m);
    ck_assert_int_eq(e.code, OA_ELIMIT);
    snprintf(want, sizeof want, "more than %zu nonzeros", nnz - 1);
    ck_assert_ptr_nonnull(strstr(e.text, want));
    bo.max_nonzeros = 0;
    /* A stale checked plan builds nothing. */
    ck_assert_int_eq(oa_initiative_set_value(
                         (oa_initiative *)oa_plan_initiative(p, 0), 1),
                     OA_OK);
    ck_assert_int_eq(oap_model_build(&m, chk, &bo, NULL), OA_ESTATE);
    oa_checked_free(chk);
    oa_plan_free(p);
}
END_TEST

/* The solver alone and the search on the same model: both find the
 * optimum 140 of excludes.xml (A and C, B left out); the model's
 * objective differs from it only by the tie-break. */
START_TEST(test_solver_and_search)
{
    oa_plan *p = tu_read_plan("tests/data/solve/excludes.xml");
    oa_checked *chk;
    oap_model *m;
    oap_build_opts bo;
    int pass;
    ck_assert_int_eq(oa_plan_check(&chk, p, NULL, NULL), OA_OK);
    memset(&bo, 0, sizeof bo);
    ck_assert_int_eq(oap_model_build(&m, chk, &bo, NULL), OA_OK);
    for (pass = 0; pass < 2; pass++) {
        oap_solution sol;
        oap_solver_opts so;
        memset(&so, 0, sizeof so);
        so.t0 = oap_now();
        ck_assert_int_eq(pass == 0 ? oap_solver_solve(&sol, m, &so, NULL)
                                   : oap_search_solve(&sol, m, &so, NULL),
                         OA_OK);
        ck_assert_int_eq(sol.status, OAP_SOL_OPTIMAL);
        ck_assert(fabs(oap_model_objective(m, sol.x) - 140) <=
                  m->tiebreak_span + 1e-6);
        ck_assert(sol.x[m->x_first[0]] > 0.5);  /* A */
        ck_assert(sol.x[m->x_first[1]] < 0.5);  /* B */
        ck_assert(sol.x[m->x_first[2]] > 0.5);  /* C */
        oap_solution_free(&sol);
    }
    oap_model_free(m);
    oa_checked_free(chk);
    oa_plan_free(p);
}
END_TEST


/* Everything after reading: solve, the writers, bottlenecks, explain,
 * the report, people.  OA_OK only when all of it went through. */
static int downstream(const oa_plan *p, const oa_plan *people)
{
    static const oa_format fmts[] = { OA_FORMAT_TEXT, OA_FORMAT_XML,
                                      OA_FORMAT_CSV };
    oa_result *r = NULL, *rp = NULL;
    oa_explanation *ex = NULL;
    oa_assignment *as = NULL;
    oa_bottleneck *bn = NULL;
    char *text = NULL;
    size_t n, k;
    int rc = oa_solve(&r, p, NULL, NULL);
    for (k = 0; rc == OA_OK && k < 3; k++) {
        rc = oa_result_write(&text, &n, r, fmts[k]);
        oa_free(text);
        text = NULL;
    }
    if (rc == OA_OK)
        rc = oa_result_bottlenecks(&bn, &n, r);
    if (rc == OA_OK)
        rc = oa_explain(&ex, p, r, NULL, 0, NULL, NULL);
    for (k = 0; rc == OA_OK && k < 2; k++) {
        rc = oa_explanation_write(&text, &n, ex, fmts[k]);
        oa_free(text);
        text = NULL;
    }
    if (rc == OA_OK)
        rc = oa_report_write(&text, &n, r, NULL);
    oa_free(text);
    text = NULL;
    if (rc == OA_OK)
        rc = oa_solve(&rp, people, NULL, NULL);
    if (rc == OA_OK)
        rc = oa_assign(&as, people, rp, NULL, NULL);
    for (k = 0; rc == OA_OK && k < 2; k++) {
        rc = oa_assignment_write(&text, &n, as, NULL, fmts[k]);
        oa_free(text);
        text = NULL;
    }
    oa_free(bn);
    oa_assignment_free(as);
    oa_explanation_free(ex);
    oa_result_free(rp);
    oa_result_free(r);
    return rc;
}

/* Counting only. */
static long alloc_count;
static void *counting_malloc(size_t n)
{
    alloc_count++;
    return malloc(n);
}
static void *counting_realloc(void *q, size_t n)
{
    alloc_count++;
    return realloc(q, n);
}

/* Every allocation of the chain fails in turn: each run ends with OA_OK
 * (a heuristic may do without what it could not allocate) or OA_ENOMEM,
 * never a crash, another code or a leak (the sanitizer run and
 * check-valgrind see leaks). */
START_TEST(test_alloc_failures_downstream)
{
    oa_plan *p = tu_read_plan("tests/data/solve/excludes.xml");
    oa_plan *people = tu_read_plan("tests/data/people/roster.xml");
    long n, total;
    int nomem = 0;
    ck_assert_int_eq(oa_init(), OA_OK);
    alloc_count = 0;
    oa_set_alloc_funcs(counting_malloc, counting_realloc, free);
    ck_assert_int_eq(downstream(p, people), OA_OK);
    oa_set_alloc_funcs(NULL, NULL, NULL);
    total = alloc_count;
    ck_assert_int_ge(total, 500);
    for (n = 0; n < total; n++) {
        int rc;
        tu_alloc_left = n;
        oa_set_alloc_funcs(tu_failing_malloc, tu_failing_realloc, free);
        rc = downstream(p, people);
        oa_set_alloc_funcs(NULL, NULL, NULL);
        ck_assert_msg(rc == OA_OK || rc == OA_ENOMEM,
                      "allocation %ld of %ld: code %d", n, total, rc);
        nomem += rc == OA_ENOMEM;
    }
    /* Most failures are reported, not absorbed. */
    ck_assert_int_ge(nomem, total / 2);
    oa_plan_free(people);
    oa_plan_free(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("internal");
    TCase *tc = tcase_create("internal");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_waterfall);
    tcase_add_test(tc, test_model);
    tcase_add_test(tc, test_solver_and_search);
    tcase_add_test(tc, test_alloc_failures_downstream);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
