/*
 * Fuzz target: a workbook (.xlsx) from arbitrary bytes, read by the safe
 * grid reader (lib/xlsx_read.c): the zip container, the relationships,
 * shared strings, styles and sheets.  Every cell, merged range and error
 * location of a workbook that reads is visited, so that what the reader
 * hands over is sound, not only what it refuses.  Then the same bytes are
 * read as a plan (oa_plan_read_workbook_memory, lib/plan_book.c): a plan
 * that reads must be one that writes back as XML and as a workbook, and
 * every refusal must say why.
 */
#include "fuzz.h"
#include "xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oap_book *b = NULL;
    oa_error_list *errs = NULL;
    int s, rc;

    fuzz_init();
    if (oa_error_list_new(&errs) != OA_OK)
        return 0;
    rc = oap_book_read_memory(&b, (const char *)data, size, "fuzz.xlsx",
                              NULL, errs);
    if (rc != OA_OK && oa_error_list_count(errs) == 0 && rc != OA_ENOMEM)
        abort(); /* every refusal says why */
    for (s = 0; b && s < oap_book_sheet_count(b); s++) {
        size_t n = 0, k;
        const oap_xcell *v = oap_book_cells(b, s, &n);
        char src[OA_ERROR_SOURCE_LENGTH];
        int line;
        if (oap_book_sheet_name(b, s) == NULL ||
            oap_book_sheet_find(b, oap_book_sheet_name(b, s)) < 0)
            abort();
        for (k = 0; k < n; k++) {
            double x;
            const oap_xcell *c = oap_book_cell(b, s, v[k].row, v[k].col);
            if (c == NULL || c->kind != v[k].kind ||
                v[k].row >= oap_book_rows(b, s) ||
                v[k].col >= oap_book_cols(b, s))
                abort();
            if (c->kind == OAP_X_TEXT && c->text == NULL)
                abort();
            (void)oap_xcell_number(c, &x);
            (void)oap_book_merged(b, s, c->row, c->col);
            oap_book_locate(src, sizeof src, &line, b, s, c->row, c->col);
        }
        for (k = 0; k < oap_book_merge_count(b, s); k++)
            if (oap_book_merge(b, s, k) == NULL)
                abort();
    }
    oap_book_free(b);
    oa_error_list_free(errs);
    if (rc == OA_OK) {
        oa_plan *p = NULL;
        oa_error err;
        rc = oa_plan_read_workbook_memory(&p, (const char *)data, size,
                                          "fuzz.xlsx", NULL, &err, NULL);
        if (rc != OA_OK && rc != OA_ENOMEM && err.text[0] == '\0')
            abort();
        if (rc == OA_OK) {
            char *x = NULL;
            size_t n = 0;
            /* a valid plan holds only what XML and a workbook can */
            if (oa_plan_write(&x, &n, p) != OA_OK)
                abort();
            oa_free(x);
        }
        oa_plan_free(p);
    }
    return 0;
}
