/*
 * Individual plans of tests/data/people/roster.xml, derived by hand in its
 * comment: continuity, development time, an away period, the cap on
 * concurrent initiatives, uncovered work.
 */
#include "testutil.h"

#include <math.h>
#include <string.h>

static double share(const oa_assignment *a, const char *person, int period,
                    const char *what)
{
    size_t i;
    double v = 0;
    oa_person_work w;
    for (i = 0; i < oa_assignment_count(a); i++) {
        ck_assert_int_eq(oa_assignment_work(&w, a, i), OA_OK);
        if (strcmp(w.person, person) == 0 && w.period == period &&
            (what == NULL || strcmp(w.what, what) == 0))
            v += w.amount;
    }
    return v;
}

START_TEST(test_roster)
{
    oa_plan *p, *q;
    oa_result *r;
    oa_assignment *a;
    oa_uncovered u;
    oa_error err;
    char *text;
    size_t i;
    int t;
    ck_assert_msg(oa_plan_read_file(&p, tu_top("tests/data/people/roster.xml"),
                                    NULL, &err, NULL) == OA_OK, "%s", err.text);
    /* the extension is read and copied */
    ck_assert_int_eq(oa_person_max_initiatives(oa_plan_person(p, 0)), 1);
    ck_assert_int_eq(oa_plan_copy(&q, p), OA_OK);
    ck_assert_int_eq(oa_person_max_initiatives(oa_plan_person(q, 0)), 1);
    ck_assert_int_eq(oa_person_max_initiatives(oa_plan_person(q, 1)), 0);
    oa_plan_free(q);

    ck_assert_int_eq(oa_solve(&r, p, NULL, &err), OA_OK);
    tu_assert_num(oa_result_objective(r), 110);
    tu_assert_oracle(p, r, "people");
    ck_assert_msg(oa_assign(&a, p, r, NULL, &err) == OA_OK, "%s", err.text);
    ck_assert_int_eq(oa_assignment_proven(a), 1);
    /* continuity: X stays with ann, the only one there in 2027-02 */
    tu_assert_num(share(a, "ann", 1, "X"), 0.4);
    tu_assert_num(share(a, "ann", 2, "X"), 0.4);
    tu_assert_num(share(a, "bob", 1, "X"), 0);
    /* the cap: Y goes to bob */
    tu_assert_num(share(a, "bob", 1, "Y"), 0.3);
    tu_assert_num(share(a, "ann", 1, "Y"), 0);
    /* away: nothing for bob after January; development: ann's 0.2; ops
     * with ann (bob's 0.3 goes to Y) */
    tu_assert_num(share(a, "bob", 2, NULL), 0);
    tu_assert_num(share(a, "bob", 3, NULL), 0);
    tu_assert_num(share(a, "ann", 1, "ops"), 0.4);
    for (t = 1; t <= 3; t++) {
        tu_assert_num(share(a, "ann", t, "development"), 0.2);
        ck_assert(share(a, "ann", t, NULL) <= 1 + 1e-9);
        ck_assert(share(a, "bob", t, NULL) <= 1 + 1e-9);
        /* eng's work is covered: ops 0.4, X in 1-2, Y in 1 */
        tu_assert_num(share(a, "ann", t, "ops") + share(a, "bob", t, "ops"),
                      0.4);
        tu_assert_num(share(a, "carl", t, "selling"), 1);
    }
    /* sales: 0.5 uncovered in every period, nothing in eng */
    ck_assert_uint_eq(oa_assignment_uncovered_count(a), 3);
    for (i = 0; i < 3; i++) {
        ck_assert_int_eq(oa_assignment_uncovered(&u, a, i), OA_OK);
        ck_assert_str_eq(u.unit, "sales");
        ck_assert_int_eq(u.period, (int)i + 1);
        tu_assert_num(u.amount, 0.5);
    }
    ck_assert_int_eq(oa_assignment_write(&text, NULL, a, NULL, OA_FORMAT_XML),
                     OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "<person id=\"ann\">"));
    ck_assert_ptr_nonnull(strstr(text, "<assignment period=\"2\" "
                                       "period-label=\"2027-02\" "
                                       "initiative=\"X\" amount=\"0.4\"/>"));
    ck_assert_ptr_nonnull(strstr(text, "<uncovered unit=\"sales\" "
                                       "resource=\"fte\" period=\"1\" "
                                       "amount=\"0.5\"/>"));
    oa_free(text);
    ck_assert_int_eq(oa_assignment_write(&text, NULL, a, "bob", OA_FORMAT_TEXT),
                     OA_OK);
    ck_assert_ptr_nonnull(strstr(text, "Y 0.30"));
    ck_assert_ptr_null(strstr(text, "ann"));
    oa_free(text);
    ck_assert_int_eq(oa_assignment_write(&text, NULL, a, "zoe", OA_FORMAT_TEXT),
                     OA_ENOTFOUND);
    oa_assignment_free(a);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("people");
    TCase *tc = tcase_create("roster");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_roster);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
