/*
 * Workbooks read as grids of cells (lib/xlsx_read.c): an .xlsx file or a
 * folder of CSV files (one sheet per NAME.csv), from untrusted input.
 * Every part is read with a cap on its size that holds whatever the zip
 * headers claim, zip bombs are refused by their compression ratio, only
 * the parts a grid needs are opened (never external links, macros or
 * anything outside xl/), every count has a cap, and every problem is an
 * error naming the file (and the part, sheet or cell), never a crash.
 * Nothing is written anywhere.  Internal: what readers of plans in
 * spreadsheets build on.
 */
#ifndef OA_XLSX_READ_H
#define OA_XLSX_READ_H

#include "private.h"

/* A workbook read: its sheets in order, their cells and merged ranges.
 * Immutable once read; every pointer it returns lives as long as it. */
typedef struct oap_book oap_book;

/* Excel's grid: rows and columns beyond these are errors. */
#define OAP_XLSX_MAX_ROWS 1048576
#define OAP_XLSX_MAX_COLS 16384

/* The caps of one read; a field left 0 takes its default (in brackets). */
typedef struct oap_book_limits {
    size_t file_bytes;  /* an .xlsx file read from disk [128 MiB] */
    size_t part_bytes;  /* one part uncompressed, one CSV file [32 MiB] */
    size_t total_bytes; /* all parts (or CSV files) together [128 MiB] */
    size_t ratio;       /* uncompressed : compressed of a part of more than
                           1 MiB [200] */
    size_t entries;     /* entries in the archive [10,000] */
    size_t sheets;      /* sheets [1,000] */
    size_t cells;       /* cells holding something, in all sheets [4 Mi] */
    size_t text;        /* characters of one cell's text [32,767, Excel's] */
} oap_book_limits;

typedef enum oap_xkind {
    OAP_X_EMPTY = 0,  /* nothing (a formula without a saved value) */
    OAP_X_TEXT,       /* text (every cell of a CSV file that is not empty) */
    OAP_X_NUMBER,     /* a number */
    OAP_X_BOOL,       /* TRUE or FALSE */
    OAP_X_ERROR       /* an error value: #N/A, #DIV/0!, #REF!, ... */
} oap_xkind;

/* oap_xcell.flags */
#define OAP_X_FORMULA 0x1 /* a formula: the kind and value are its result
                             as last saved */
#define OAP_X_DATE 0x2    /* a NUMBER formatted as a date or time (days
                             since 1899-12-30, or 1904-01-01 when
                             oap_book_date1904), or a TEXT of type d
                             (ISO 8601) */

typedef struct oap_xcell {
    const char *text;   /* TEXT, ERROR: the text; NUMBER: as the file
                           writes it; BOOL: "TRUE" or "FALSE"; EMPTY: "" */
    double num;         /* NUMBER: the value; BOOL: 1 or 0; else 0 */
    int row;            /* 0-based; -1 in the shared empty cell */
    unsigned short col; /* 0-based */
    unsigned char kind; /* an oap_xkind */
    unsigned char flags;
} oap_xcell;

/* A merged range, inclusive, 0-based. */
typedef struct oap_xrange {
    int row0, col0, row1, col1;
} oap_xrange;

/*
 * Reads an .xlsx workbook from size bytes at data (not kept).  source is
 * the file's name in errors ("workbook" when NULL); lim may be NULL (the
 * defaults).  The read stops at the first problem: its error goes to errs
 * (which may be NULL) as "SOURCE: error: ...", "SOURCE:PART:LINE: error:
 * ..." or, for a cell, "SOURCE:SHEET!C14: error: ...".
 * Returns OA_OK (*out freed with oap_book_free; NULL on failure),
 * OA_EINVAL, OA_EPARSE (not a zip archive or not a workbook, a part
 * missing, damaged or not XML), OA_EINVALID (a cell, reference, type or
 * part name a workbook may not have), OA_ELIMIT (a cap), OA_ENOMEM.
 */
int oap_book_read_memory(oap_book **out, const char *data, size_t size,
                         const char *source, const oap_book_limits *lim,
                         oa_error_list *errs);
/* The same for the file at path (of at most lim->file_bytes); also
 * OA_EIO. */
int oap_book_read_file(oap_book **out, const char *path,
                       const oap_book_limits *lim, oa_error_list *errs);
/*
 * Reads the folder dir: every NAME.csv in it (names starting with '.'
 * left out) is the sheet NAME, in the order of their names.  RFC 4180:
 * fields separated by commas, quoted with '"' when they hold a comma, a
 * quote (doubled) or a line break; records end in CRLF or LF; UTF-8 with
 * or without a byte order mark.  Every field is TEXT (empty ones are
 * EMPTY).  Errors name the file and its line: "DIR/NAME.csv:7: error:
 * ...".  Returns what oap_book_read_memory does, and OA_EIO (dir or a
 * file cannot be read; a folder without .csv files).
 */
int oap_book_read_csv_dir(oap_book **out, const char *dir,
                          const oap_book_limits *lim, oa_error_list *errs);
/* NULL is allowed. */
void oap_book_free(oap_book *b);

/* The file (or folder) name errors use. */
const char *oap_book_source(const oap_book *b);
/* 1 when read from a folder of CSV files. */
int oap_book_is_csv(const oap_book *b);
/* 1 when the workbook counts days from 1904-01-01 (old Mac workbooks). */
int oap_book_date1904(const oap_book *b);
/* 1 when the workbook asks to be calculated when opened (<calcPr
 * fullCalcOnLoad="1"/>, as programs that write formulas without their
 * values do): the values saved with its formulas are not to be
 * trusted. */
int oap_book_uncalculated(const oap_book *b);

int oap_book_sheet_count(const oap_book *b);
/* The sheet named name (ASCII case ignored, as Excel does), or -1. */
int oap_book_sheet_find(const oap_book *b, const char *name);
/* The name of sheet (0-based, in the workbook's order); NULL out of
 * range. */
const char *oap_book_sheet_name(const oap_book *b, int sheet);
/* 1 when the sheet is hidden in the workbook. */
int oap_book_sheet_hidden(const oap_book *b, int sheet);
/* The rows and columns used: one past the last row (column) holding a
 * cell that is not EMPTY or holds a formula; 0 for an empty sheet. */
int oap_book_rows(const oap_book *b, int sheet);
int oap_book_cols(const oap_book *b, int sheet);

/* The cell at row and col (0-based): never NULL; a place holding nothing
 * (or out of range) gives a shared EMPTY cell. */
const oap_xcell *oap_book_cell(const oap_book *b, int sheet, int row,
                               int col);
/* The cells of a sheet that hold something, by row then column; *n their
 * count. */
const oap_xcell *oap_book_cells(const oap_book *b, int sheet, size_t *n);

/* The merged ranges of a sheet (none in CSV files). */
size_t oap_book_merge_count(const oap_book *b, int sheet);
const oap_xrange *oap_book_merge(const oap_book *b, int sheet, size_t i);
/* The merged range that holds row and col, or NULL. */
const oap_xrange *oap_book_merged(const oap_book *b, int sheet, int row,
                                  int col);

/* 1 and *v when the cell is a NUMBER, or a TEXT that holds a decimal
 * number ("12", "-0.5", "1e3"; spaces around are allowed); else 0. */
int oap_xcell_number(const oap_xcell *c, double *v);

/* The letters of column col: "A" ... "XFD" (buf of 4 bytes at least). */
void oap_xcol_name(char *buf, size_t size, int col);
/* A cell reference: "C14" for row 13 and col 2. */
void oap_xref_format(char *buf, size_t size, int row, int col);
/* Parses a reference of a cell (A1 to XFD1048576, letters of either
 * case, no '$'): 0 and *row, *col (0-based), or -1. */
int oap_xref_parse(const char *s, int *row, int *col);

/*
 * Where a cell is, for an error: the source and line of oa_error.  In a
 * workbook "FILE:SHEET!C14" and line -1 (SHEET in quotes, Excel's way,
 * when it holds more than letters, digits, '_' and '.'); with col < 0
 * "FILE:SHEET" and line row + 1; with sheet < 0 "FILE".  In a folder of
 * CSV files "DIR/SHEET.csv" and the line where the row starts in the
 * file (its column is the message's to name: oap_xcol_name).
 */
void oap_book_locate(char *source, size_t size, int *line, const oap_book *b,
                     int sheet, int row, int col);
/* Appends an error at that place to errs; OA_OK or OA_ENOMEM. */
int oap_book_error(oa_error_list *errs, int code, const oap_book *b,
                   int sheet, int row, int col, const char *fmt, ...)
    OAP_PRINTF(7, 8);

#endif
