/*
 * Fuzz target: a result (XML) from arbitrary bytes.  A result read back
 * is untrusted input to everything that takes one: the writers, the
 * summary, diffs and comparisons, the HTML report, and, against
 * examples/small.xml, the people assignment and the unit briefings.
 */
#include <opsalign.h>

#include "fuzz.h"

static void write_all(const oa_result *res, const oa_result *other)
{
    oa_result_summary sum;
    oa_comparison *cmp = NULL;
    oa_change *ch = NULL;
    size_t n = 0;
    int f;

    for (f = OA_FORMAT_TEXT; f <= OA_FORMAT_CSV; f++) {
        char *text = NULL;
        if (oa_result_write(&text, NULL, res, (oa_format)f) == OA_OK)
            oa_free(text);
    }
    (void)oa_result_summarize(&sum, res);
    if (oa_result_diff(&ch, &n, res, other) == OA_OK)
        oa_free(ch);
    if (oa_result_diff(&ch, &n, other, res) == OA_OK)
        oa_free(ch);
    if (oa_comparison_new(&cmp, "base", other) == OA_OK) {
        if (oa_comparison_add(cmp, "fuzzed", res) == OA_OK)
            for (f = OA_FORMAT_TEXT; f <= OA_FORMAT_CSV; f++) {
                char *text = NULL;
                if (oa_comparison_write(&text, NULL, cmp, (oa_format)f) ==
                    OA_OK)
                    oa_free(text);
            }
        oa_comparison_free(cmp);
    }
    {
        char *html = NULL;
        if (oa_report_write(&html, NULL, res, NULL) == OA_OK)
            oa_free(html);
    }
}

static void against_plan(const oa_result *res)
{
    static const char *const units[] = { "sales", "engineering", "support", "finance", "nobody", NULL };
    oa_plan *plan = fuzz_base_plan();
    oa_assignment *a = NULL;
    oa_error err;
    size_t u;
    int f;

    if (plan == NULL)
        return;
    if (oa_assign(&a, plan, res, NULL, &err) != OA_OK)
        a = NULL;
    for (u = 0; units[u] != NULL; u++)
        for (f = OA_FORMAT_TEXT; f <= OA_FORMAT_XML; f++) {
            char *text = NULL;
            if (oa_brief_write(&text, NULL, plan, res, a, units[u],
                               (oa_format)f, &err) == OA_OK)
                oa_free(text);
        }
    oa_assignment_free(a);
    oa_plan_free(plan);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static oa_result *base;
    oa_result *res = NULL;
    oa_error err;

    fuzz_init();
    if (base == NULL) {
        oa_plan *plan = fuzz_base_plan();
        oa_solve_opts so = OA_SOLVE_OPTS_INIT;
        if (plan == NULL || oa_solve(&base, plan, &so, &err) != OA_OK)
            base = NULL;
        oa_plan_free(plan);
    }
    if (oa_result_read_memory(&res, (const char *)data, size, "result.xml",
                              &err) != OA_OK)
        return 0;
    write_all(res, base);
    against_plan(res);
    oa_result_free(res);
    return 0;
}
