/*
 * Tables (tables.h) and workbooks of them, through libxlsxwriter: a
 * README sheet that says what each sheet and column holds, then one
 * sheet per table, with a header row that stays in view and filters,
 * money and amounts formatted, and shares (utilization) coloured.  The
 * only file that includes xlsxwriter.h.  Below the objects: results
 * (lib/tables.c), comparisons and batch summaries hand it their tables.
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

/* ---- tables ---- */

void oap_table_put(oap_table *t, oap_cell_kind kind, const char *s,
                   double v)
{
    oap_cell c;
    c.kind = kind;
    c.s = s;
    c.v = v;
    if (kind == OAP_CELL_TEXT && s == NULL)
        c.kind = OAP_CELL_EMPTY;
    if ((kind == OAP_CELL_NUMBER) && isnan(v))
        c.kind = OAP_CELL_EMPTY;
    if (!t->failed && OAP_VPUSH(t->cells, c) != OA_OK)
        t->failed = 1;
}

void oap_tables_free(oap_table *t, size_t n)
{
    size_t k;
    if (t == NULL)
        return;
    for (k = 0; k < n; k++)
        oap_free(t[k].cells.v);
    oap_free(t);
}

size_t oap_table_rows(const oap_table *t)
{
    return t->ncols ? t->cells.n / t->ncols : 0;
}

const oap_cell *oap_table_cell(const oap_table *t, size_t row, size_t col)
{
    return &t->cells.v[row * t->ncols + col];
}

void oap_table_csv(oap_buf *b, const oap_table *t)
{
    size_t r, c, rows = oap_table_rows(t);
    for (c = 0; c < t->ncols; c++) {
        oap_buf_puts(b, c ? "," : "");
        oap_buf_puts(b, t->cols[c].name);
    }
    oap_buf_puts(b, "\n");
    for (r = 0; r < rows; r++) {
        for (c = 0; c < t->ncols; c++) {
            const oap_cell *x = oap_table_cell(t, r, c);
            if (c)
                oap_buf_puts(b, ",");
            switch (x->kind) {
            case OAP_CELL_TEXT: oap_csv_str(b, x->s); break;
            case OAP_CELL_NUMBER: oap_csv_num(b, x->v); break;
            case OAP_CELL_INT: oap_buf_printf(b, "%d", (int)x->v); break;
            case OAP_CELL_EMPTY: break;
            }
        }
        oap_buf_puts(b, "\n");
    }
}

/* ---- workbooks ---- */

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

static void readme(wctx *w, const char *title, const char *name,
                   const oap_table *t, size_t n)
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
    check(w, worksheet_write_string(ws, row++, 0, title, w->head));
    if (name)
        check(w, worksheet_write_string(ws, row++, 0, name, NULL));
    check(w, worksheet_write_string(ws, row++, 0, "Each sheet after this one "
                                    "is a table; its columns:", NULL));
    row++;
    check(w, worksheet_write_string(ws, row, 0, "sheet", w->head));
    check(w, worksheet_write_string(ws, row, 1, "column", w->head));
    check(w, worksheet_write_string(ws, row++, 2, "meaning", w->head));
    for (k = 0; k < n; k++) {
        check(w, worksheet_write_string(ws, row, 0, t[k].name, w->head));
        if (t[k].title)
            check(w, worksheet_write_string(ws, row, 2, t[k].title, NULL));
        row++;
        for (c = 0; c < t[k].ncols; c++) {
            check(w, worksheet_write_string(ws, row, 1, t[k].cols[c].name,
                                            NULL));
            if (t[k].cols[c].help)
                check(w, worksheet_write_string(ws, row, 2,
                                                t[k].cols[c].help, NULL));
            row++;
        }
    }
}

/* A drop-down list on every row of column c after the header: the cells
 * a formula names ("=units!..."), or choices separated by ','.  A value
 * not in the list gets a warning, not a refusal: an id typed before its
 * row is added stays possible. */
static void drop_down(wctx *w, lxw_worksheet *ws, lxw_col_t c,
                      const char *list)
{
    lxw_data_validation dv;
    char buf[256], *choices[16];
    size_t n = 0;
    memset(&dv, 0, sizeof dv);
    dv.ignore_blank = LXW_VALIDATION_ON;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    if (list[0] == '=') {
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        oap_strlcpy(buf, list + 1, sizeof buf);
        dv.value_formula = buf;
    } else {
        char *p, *save = NULL;
        oap_strlcpy(buf, list, sizeof buf);
        for (p = strtok_r(buf, ",", &save);
             p && n + 1 < sizeof choices / sizeof choices[0];
             p = strtok_r(NULL, ",", &save))
            choices[n++] = p;
        choices[n] = NULL;
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = choices;
    }
    check(w, worksheet_data_validation_range(ws, 1, c, LXW_ROW_MAX - 1, c,
                                             &dv));
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
    for (c = 0; t->lists && c < t->ncols; c++)
        if (t->lists[c])
            drop_down(w, ws, (lxw_col_t)c, t->lists[c]);
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

/* The workbook of tables t[0..n-1] after a README (title, name), built
 * in a private file of the temporary folder (libxlsxwriter writes files)
 * and read back into *out. */
int oap_tables_xlsx(char **out, size_t *size, const char *title,
                    const char *name, const oap_table *t, size_t n)
{
    const char *dir = getenv("TMPDIR");
    char tmp[4096];
    wctx w;
    size_t k;
    int rc, fd;
    lxw_error e;
    *out = NULL;
    *size = 0;
    if (dir == NULL || dir[0] == '\0' || strlen(dir) > 4000)
        dir = "/tmp";
    snprintf(tmp, sizeof tmp, "%s/opsalign-XXXXXX", dir);
    fd = mkstemp(tmp);
    if (fd < 0)
        return OA_EIO;
    close(fd);
    memset(&w, 0, sizeof w);
    w.wb = workbook_new(tmp);
    if (w.wb == NULL) {
        unlink(tmp);
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
    readme(&w, title, name, t, n);
    for (k = 0; k < n; k++)
        sheet(&w, &t[k]);
    e = workbook_close(w.wb);
    rc = e != LXW_NO_ERROR || w.failed ? OA_EIO : OA_OK;
    if (rc == OA_OK) {
        oa_error err;
        rc = oap_read_file(out, size, tmp, SIZE_MAX, &err);
    }
    unlink(tmp);
    return rc;
}

/* ---- tables given as CSV text (comparisons, batch summaries) ---- */

/* One CSV table parsed in place: fields point into the copy. */
typedef struct csv_table {
    oap_table t;
    oap_column *cols;
} csv_table;

/* The next field of a CSV line at *p (RFC 4180, as oap_csv_str writes
 * it), unquoted in place; *end_of_row set at the line's end. */
static char *csv_field(char **p, int *end_of_row)
{
    char *s = *p, *w, *start;
    if (*s == '"') {
        start = w = ++s;
        while (*s) {
            if (*s == '"' && s[1] == '"') {
                *w++ = '"';
                s += 2;
            } else if (*s == '"') {
                s++;
                break;
            } else {
                *w++ = *s++;
            }
        }
        *w = '\0';
    } else {
        start = s;
        while (*s && *s != ',' && *s != '\n')
            s++;
    }
    *end_of_row = *s != ',';
    if (*s)
        *s++ = '\0';
    *p = s;
    return start;
}

/* A number when the whole field is one (never the first column: names). */
static int csv_number(const char *s, double *v)
{
    char *end;
    if (s[0] == '\0')
        return 0;
    *v = strtod(s, &end);
    return *end == '\0' && isfinite(*v);
}

/* Parses the tables of csv (separated by empty lines) into v[0..*n-1]
 * (at most max), named by names[] in order; text is modified. */
static int csv_tables(csv_table *v, size_t *n, size_t max, char *text,
                      const char *const *names, size_t nnames)
{
    char *p = text;
    *n = 0;
    while (*p && *n < max) {
        csv_table *ct;
        size_t ncols = 0, c;
        int eor = 0;
        if (*p == '\n') {
            p++;
            continue;
        }
        ct = &v[(*n)++];
        memset(ct, 0, sizeof *ct);
        ct->cols = oap_calloc(64, sizeof *ct->cols);
        if (ct->cols == NULL)
            return OA_ENOMEM;
        while (!eor && ncols < 64) {
            ct->cols[ncols].name = csv_field(&p, &eor);
            ct->cols[ncols].style = OAP_STYLE_PLAIN;
            ncols++;
        }
        while (!eor)
            csv_field(&p, &eor);
        ct->t.name = *n <= nnames ? names[*n - 1] : "table";
        ct->t.cols = ct->cols;
        ct->t.ncols = ncols;
        while (*p && *p != '\n') { /* a row */
            eor = 0;
            for (c = 0; c < ncols; c++) {
                const char *f = eor ? "" : csv_field(&p, &eor);
                double x;
                if (c > 0 && csv_number(f, &x))
                    oap_table_put(&ct->t, OAP_CELL_NUMBER, NULL, x);
                else
                    oap_table_put(&ct->t, OAP_CELL_TEXT, f[0] ? f : NULL, 0);
            }
            while (!eor)
                csv_field(&p, &eor);
        }
        if (ct->t.failed)
            return OA_ENOMEM;
    }
    return OA_OK;
}

int oap_csv_xlsx(char **out, size_t *size, const char *csv,
                 const char *const *names, size_t nnames, const char *title)
{
    csv_table v[8];
    size_t n = 0, k;
    oap_table t[8];
    char *text = oap_malloc(strlen(csv) + 1);
    int rc;
    *out = NULL;
    *size = 0;
    if (text == NULL)
        return OA_ENOMEM;
    strcpy(text, csv);
    rc = csv_tables(v, &n, 8, text, names, nnames);
    for (k = 0; k < n; k++)
        t[k] = v[k].t;
    if (rc == OA_OK)
        rc = oap_tables_xlsx(out, size, title, NULL, t, n);
    for (k = 0; k < n; k++) {
        oap_free(v[k].t.cells.v);
        oap_free(v[k].cols);
    }
    oap_free(text);
    return rc;
}
