/*
 * Named tables of cells: what a folder of CSV files and a workbook hold,
 * one file or sheet per table.  lib/xlsx_write.c has the tables and their
 * workbooks; lib/tables.c builds them from a result (the cells' texts are
 * the result's, or static, valid while it lives).  Internal.
 */
#ifndef OA_TABLES_H
#define OA_TABLES_H

#include "result.h"

typedef enum oap_cell_kind {
    OAP_CELL_EMPTY = 0,
    OAP_CELL_TEXT,
    OAP_CELL_NUMBER,
    OAP_CELL_INT
} oap_cell_kind;

typedef struct oap_cell {
    oap_cell_kind kind;
    const char *s;
    double v;
} oap_cell;

/* What a column holds, for a workbook's formats. */
typedef enum oap_col_style {
    OAP_STYLE_PLAIN = 0,
    OAP_STYLE_MONEY,      /* whole units with separators */
    OAP_STYLE_AMOUNT,     /* two decimals */
    OAP_STYLE_SHARE       /* a fraction shown as a percentage */
} oap_col_style;

typedef struct oap_column {
    const char *name;
    oap_col_style style;
    const char *help;     /* what it means (the workbook's README) */
} oap_column;

typedef struct oap_table {
    const char *name;     /* file and sheet name */
    const char *title;    /* what it holds */
    const oap_column *cols;
    size_t ncols;
    /* NULL, or per column a workbook's drop-down list: "=FORMULA" of the
     * cells that hold the choices, or the choices separated by ',' (NULL:
     * none) */
    const char *const *lists;
    OAP_VEC(oap_cell) cells; /* row by row */
    int failed;
} oap_table;

/* The tables of r, in order: summary, terms, roadmap, left-out, loads,
 * levers, spend, bottlenecks (and deficits when infeasible).  *out is
 * freed with oap_tables_free.  OA_OK, OA_ENOMEM. */
int oap_result_tables(oap_table **out, size_t *n, const oa_result *r);
void oap_tables_free(oap_table *t, size_t n);

/* Appends a cell (row by row; a NULL text or a NaN is an empty cell). */
void oap_table_put(oap_table *t, oap_cell_kind kind, const char *s,
                   double v);
size_t oap_table_rows(const oap_table *t);
const oap_cell *oap_table_cell(const oap_table *t, size_t row, size_t col);

/* The workbook of r (lib/xlsx_write.c): a README sheet, then a sheet per
 * table; *out freed with oap_free.  OA_OK, OA_EIO (the temporary file),
 * OA_ENOMEM. */
int oap_result_xlsx(char **out, size_t *size, const oa_result *r);

/* A workbook of tables t[0..n-1] after a README sheet headed by title
 * (and name, when not NULL) that lists every sheet and column.  OA_OK,
 * OA_EIO (the temporary file), OA_ENOMEM. */
int oap_tables_xlsx(char **out, size_t *size, const char *title,
                    const char *name, const oap_table *t, size_t n);

/* A workbook of the tables of csv (as the library writes CSV: tables
 * separated by an empty line, each with a header row), named by names[]
 * in order; numbers become numbers but in the first column.  title heads
 * the README sheet.  OA_OK, OA_EIO, OA_ENOMEM. */
int oap_csv_xlsx(char **out, size_t *size, const char *csv,
                 const char *const *names, size_t nnames, const char *title);

/* The table as CSV (RFC 4180, a header row). */
void oap_table_csv(oap_buf *b, const oap_table *t);

/* Tables t[0..n-1] as files DIR/NAME.csv (the folder made when missing),
 * each saved atomically.  OA_OK, OA_EIO, OA_ENOMEM (err says which). */
int oap_tables_save_csv(const char *dir, const oap_table *t, size_t n,
                        oa_error *err);

#endif
