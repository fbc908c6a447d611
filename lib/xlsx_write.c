/*
 * Results as workbooks (OA_FORMAT_XLSX), through libxlsxwriter: a README
 * sheet that says what each sheet and column holds, then one sheet per
 * table of lib/tables.c, with a header row that stays in view and
 * filters, money and amounts formatted, and utilization coloured.  The
 * only file that includes xlsxwriter.h.
 */
#include "fileio.h"
#include "tables.h"

#include <xlsxwriter.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct wctx {
    lxw_workbook *wb;
    lxw_format *head, *money, *amount, *share, *wrap;
    int failed;
} wctx;

static lxw_format *style(const wctx *w, oap_col_style s)
{
    switch (s) {
    case OAP_STYLE_MONEY: return w->money;
    case OAP_STYLE_AMOUNT: return w->amount;
    case OAP_STYLE_SHARE: return w->share;
    default: return NULL;
    }
}

static void check(wctx *w, lxw_error e)
{
    if (e != LXW_NO_ERROR)
        w->failed = 1;
}

static void readme(wctx *w, const oa_result *r, const oap_table *t,
                   size_t n)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, "README");
    size_t k, c;
    lxw_row_t row = 0;
    if (ws == NULL) {
        w->failed = 1;
        return;
    }
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 20, NULL);
    worksheet_set_column(ws, 2, 2, 90, w->wrap);
    check(w, worksheet_write_string(ws, row++, 0, "A result of libopsalign",
                                    w->head));
    if (r->name)
        check(w, worksheet_write_string(ws, row++, 0, r->name, NULL));
    check(w, worksheet_write_string(ws, row++, 0, "Each sheet after this one "
                                    "is a table; its columns:", NULL));
    row++;
    check(w, worksheet_write_string(ws, row, 0, "sheet", w->head));
    check(w, worksheet_write_string(ws, row, 1, "column", w->head));
    check(w, worksheet_write_string(ws, row++, 2, "meaning", w->head));
    for (k = 0; k < n; k++) {
        check(w, worksheet_write_string(ws, row, 0, t[k].name, w->head));
        check(w, worksheet_write_string(ws, row++, 2, t[k].title, NULL));
        for (c = 0; c < t[k].ncols; c++) {
            check(w, worksheet_write_string(ws, row, 1, t[k].cols[c].name,
                                            NULL));
            check(w, worksheet_write_string(ws, row++, 2, t[k].cols[c].help,
                                            NULL));
        }
    }
}

static void sheet(wctx *w, const oap_table *t)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, t->name);
    size_t rows = oap_table_rows(t), r, c;
    if (ws == NULL) {
        w->failed = 1;
        return;
    }
    for (c = 0; c < t->ncols; c++) {
        double width = strlen(t->cols[c].name) + 2;
        if (width < 10)
            width = 10;
        if (t->cols[c].style == OAP_STYLE_PLAIN && c < 2)
            width = 16;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width,
                             style(w, t->cols[c].style));
        check(w, worksheet_write_string(ws, 0, (lxw_col_t)c,
                                        t->cols[c].name, w->head));
    }
    for (r = 0; r < rows && !w->failed; r++)
        for (c = 0; c < t->ncols; c++) {
            const oap_cell *x = oap_table_cell(t, r, c);
            lxw_row_t row = (lxw_row_t)(r + 1);
            lxw_col_t col = (lxw_col_t)c;
            lxw_format *f = style(w, t->cols[c].style);
            switch (x->kind) {
            case OAP_CELL_TEXT:
                check(w, worksheet_write_string(ws, row, col, x->s, NULL));
                break;
            case OAP_CELL_NUMBER:
                if (isfinite(x->v))
                    check(w, worksheet_write_number(ws, row, col, x->v, f));
                break;
            case OAP_CELL_INT:
                check(w, worksheet_write_number(ws, row, col, x->v, NULL));
                break;
            case OAP_CELL_EMPTY:
                break;
            }
        }
    worksheet_freeze_panes(ws, 1, 0);
    if (rows > 0) {
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)rows,
                             (lxw_col_t)(t->ncols - 1));
        /* utilization: green when idle, red when full */
        for (c = 0; c < t->ncols; c++)
            if (t->cols[c].style == OAP_STYLE_SHARE) {
                lxw_conditional_format cf;
                memset(&cf, 0, sizeof cf);
                cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
                cf.min_color = 0x63BE7B;
                cf.mid_color = 0xFFEB84;
                cf.max_color = 0xF8696B;
                cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
                cf.min_value = 0;
                cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
                cf.mid_value = 0.8;
                cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
                cf.max_value = 1;
                check(w, worksheet_conditional_format_range(
                             ws, 1, (lxw_col_t)c, (lxw_row_t)rows,
                             (lxw_col_t)c, &cf));
            }
    }
}

/* The workbook of r, built in a private file of the temporary folder
 * (libxlsxwriter writes files) and read back into *out. */
int oap_result_xlsx(char **out, size_t *size, const oa_result *r)
{
    oap_table *t = NULL;
    size_t n = 0, k;
    const char *dir = getenv("TMPDIR");
    char tmp[4096];
    wctx w;
    int rc, fd;
    lxw_error e;
    *out = NULL;
    *size = 0;
    if (dir == NULL || dir[0] == '\0' || strlen(dir) > 4000)
        dir = "/tmp";
    snprintf(tmp, sizeof tmp, "%s/opsalign-XXXXXX", dir);
    rc = oap_result_tables(&t, &n, r);
    if (rc != OA_OK)
        return rc;
    fd = mkstemp(tmp);
    if (fd < 0) {
        oap_tables_free(t, n);
        return OA_EIO;
    }
    close(fd);
    memset(&w, 0, sizeof w);
    w.wb = workbook_new(tmp);
    if (w.wb == NULL) {
        unlink(tmp);
        oap_tables_free(t, n);
        return OA_EIO;
    }
    w.head = workbook_add_format(w.wb);
    format_set_bold(w.head);
    format_set_bg_color(w.head, 0xDDE6F0);
    w.money = workbook_add_format(w.wb);
    format_set_num_format(w.money, "#,##0");
    w.amount = workbook_add_format(w.wb);
    format_set_num_format(w.amount, "#,##0.00");
    w.share = workbook_add_format(w.wb);
    format_set_num_format(w.share, "0.0%");
    w.wrap = workbook_add_format(w.wb);
    format_set_text_wrap(w.wrap);
    readme(&w, r, t, n);
    for (k = 0; k < n; k++)
        sheet(&w, &t[k]);
    e = workbook_close(w.wb);
    oap_tables_free(t, n);
    rc = e != LXW_NO_ERROR || w.failed ? OA_EIO : OA_OK;
    if (rc == OA_OK) {
        oa_error err;
        rc = oap_read_file(out, size, tmp, SIZE_MAX, &err);
    }
    unlink(tmp);
    return rc;
}
