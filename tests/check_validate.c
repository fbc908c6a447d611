/*
 * Every validation rule: each tests/data/invalid/NAME.xml breaks one rule
 * (or several, at different lines) and NAME.expect lists the errors
 * expected, in order, one per line: "LINE<TAB>TEXT", where TEXT must occur
 * in the message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static char **cases;
static int ncases;


START_TEST(test_invalid_case)
{
    const char *name = cases[_i];
    char rel[512], *expect, *line, *save = NULL;
    oa_plan *p = (oa_plan *)1;
    oa_error_list *list;
    size_t k = 0;
    int rc;

    snprintf(rel, sizeof rel, "data/invalid/%s.expect", name);
    expect = tu_slurp(tu_path(rel), NULL);
    ck_assert_msg(expect != NULL, "%s: no .expect file", name);
    snprintf(rel, sizeof rel, "data/invalid/%s.xml", name);
    ck_assert_int_eq(oa_error_list_new(&list), OA_OK);
    rc = oa_plan_read_file(&p, tu_path(rel), NULL, NULL, list);
    ck_assert_msg(rc == OA_EINVALID || rc == OA_EPARSE,
                  "%s: code %d, expected an invalid plan", name, rc);
    ck_assert_ptr_null(p);
    for (line = strtok_r(expect, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        const oa_error *e;
        char *tab = strchr(line, '\t');
        int want;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        ck_assert_msg(tab != NULL, "%s.expect: no tab in '%s'", name, line);
        *tab = '\0';
        want = atoi(line);
        e = oa_error_list_get(list, k);
        ck_assert_msg(e != NULL, "%s: error %zu missing (line %d: %s)", name,
                      k + 1, want, tab + 1);
        ck_assert_msg(e->line == want && strstr(e->text, tab + 1) != NULL,
                      "%s: error %zu is '%d: %s', expected '%d: ...%s...'",
                      name, k + 1, e->line, e->text, want, tab + 1);
        ck_assert_msg(strstr(e->source, name) != NULL,
                      "%s: error names source '%s'", name, e->source);
        k++;
    }
    ck_assert_msg(k == oa_error_list_count(list),
                  "%s: %zu errors expected, %zu reported (first extra: "
                  "'%d: %s')", name, k, oa_error_list_count(list),
                  k < oa_error_list_count(list)
                      ? oa_error_list_get(list, k)->line : 0,
                  k < oa_error_list_count(list)
                      ? oa_error_list_get(list, k)->text : "");
    oa_error_list_free(list);
    free(expect);
}
END_TEST

START_TEST(test_corpus_present)
{
    /* The corpus covers every rule: a missing directory is a failure. */
    ck_assert_int_ge(ncases, 50);
}
END_TEST

int main(void)
{
    Suite *s;
    TCase *tc;
    int rc;
    ncases = tu_list(&cases, "data/invalid", ".xml");
    s = suite_create("validate");
    tc = tcase_create("invalid");
    tcase_add_test(tc, test_corpus_present);
    if (ncases > 0)
        tcase_add_loop_test(tc, test_invalid_case, 0, ncases);
    suite_add_tcase(s, tc);
    rc = tu_run(s);
    tu_list_free(cases, ncases);
    return rc;
}
