/*
 * Fuzz target: a plan from arbitrary bytes.  Reads and validates it; a
 * valid plan of modest size is solved for a moment (MIP, then the LP
 * relaxation), its result written in every format and the XML read back.
 * Any crash, sanitizer report, leak or hang is a bug: every input must
 * end in OA_OK or a clean error.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <opsalign.h>

#include "fuzz.h"

static void solve_and_write(oa_plan *plan, int relax)
{
    oa_solve_opts so = OA_SOLVE_OPTS_INIT;
    oa_result *res = NULL, *back = NULL;
    oa_error err;
    int f;

    so.relax = relax;
    so.time_limit = 0.2;
    if (oa_solve(&res, plan, &so, &err) != OA_OK)
        return;
    fuzz_check(plan, res);
    for (f = OA_FORMAT_TEXT; f <= OA_FORMAT_CSV; f++) {
        char *text = NULL;
        size_t size = 0;
        if (oa_result_write(&text, &size, res, (oa_format)f) == OA_OK &&
            f == OA_FORMAT_XML &&
            oa_result_read_memory(&back, text, size, "result.xml", &err) ==
                OA_OK)
            oa_result_free(back);
        oa_free(text);
    }
    oa_result_free(res);
}

/* A plan written back (oa_plan_write) reads back to a plan that writes
 * the same bytes: a writer that loses or changes anything, or writes
 * what its reader refuses, aborts. */
static void write_back(const oa_plan *plan)
{
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    oa_plan *again = NULL;
    oa_error err;
    oa_error_clear(&err);
    if (oa_plan_write(&a, &na, plan) != OA_OK)
        abort(); /* a plan that was read can be written */
    if (oa_plan_read_memory(&again, a, na, "again.xml", NULL, &err, NULL) !=
            OA_OK ||
        oa_plan_write(&b, &nb, again) != OA_OK || na != nb ||
        memcmp(a, b, na) != 0) {
        fprintf(stderr, "written back:\n%.*s\nthen:\n%.*s\n%s\n", (int)na, a,
                (int)nb, b ? b : "", err.text);
        abort();
    }
    oa_free(a);
    oa_free(b);
    oa_plan_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oa_plan *plan = NULL;
    oa_error err;
    oa_model_size ms;

    fuzz_init();
    if (oa_plan_read_memory(&plan, (const char *)data, size, "plan.xml", NULL,
                            &err, NULL) != OA_OK)
        return 0;
    write_back(plan);
    if (oa_plan_model_size(&ms, plan, &err) == OA_OK &&
        ms.binaries <= FUZZ_MAX_BINARIES && ms.rows <= FUZZ_MAX_ROWS) {
        solve_and_write(plan, 1);
        solve_and_write(plan, 0);
    }
    oa_plan_free(plan);
    return 0;
}
