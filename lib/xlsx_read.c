/*
 * Workbooks as grids of cells (xlsx_read.h), read from untrusted files:
 * an .xlsx archive through libzip, its parts through the streaming XML
 * reader (xr.h), or a folder of CSV files.  Every part is read in chunks
 * and stopped one byte past its cap, since the sizes in zip headers can
 * lie; only the workbook, its relationships, the shared strings, the
 * styles and the worksheets are opened.  The only file that includes
 * zip.h.
 */
#include "xlsx_read.h"

#include "fileio.h"
#include "xr.h"

#include <zip.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MIB ((size_t)1 << 20)
/* Parts up to this size are not judged by their compression ratio. */
#define RATIO_FLOOR MIB
/* Caps on what a workbook's small parts may list. */
#define MAX_RELS 65536
#define MAX_FORMATS 65536
/* The longest sheet name (Excel allows 31 characters) and part name
 * taken. */
#define MAX_NAME 256
#define MAX_TARGET 1024

static const oap_book_limits default_limits = {
    128 * MIB, 32 * MIB, 128 * MIB, 200, 10000, 1000, 4194304, 32767
};

/* The SpreadsheetML namespaces: transitional (what Excel writes) and
 * strict. */
static const char *const main_ns[] = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
};
static const char *const rel_ns[] = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
static const char pkg_rel_ns[] =
    "http://schemas.openxmlformats.org/package/2006/relationships";

typedef struct sheet {
    char *name;
    char *path;      /* the part, or the CSV file, for errors */
    int hidden;
    int rows, cols;
    OAP_VEC(oap_xcell) cells;
    OAP_VEC(oap_xrange) merges;
    OAP_VEC(int) lines; /* CSV: the line each row starts on */
} sheet;

struct oap_book {
    char *source;
    int csv;
    int date1904;
    int uncalculated; /* <calcPr fullCalcOnLoad="1"/> */
    size_t ncells;
    OAP_VEC(sheet) sheets;
    oap_arena text;  /* every cell's text */
};

static const oap_xcell empty_cell = { "", 0, -1, 0, OAP_X_EMPTY, 0 };

/* ---- references ---- */

void oap_xcol_name(char *buf, size_t size, int col)
{
    char tmp[8];
    int n = 0, k = 0;
    if (size == 0)
        return;
    if (col < 0 || col >= OAP_XLSX_MAX_COLS) {
        oap_strlcpy(buf, "?", size);
        return;
    }
    col++;
    while (col > 0) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    while (n > 0 && (size_t)k + 1 < size)
        buf[k++] = tmp[--n];
    buf[k] = '\0';
}

void oap_xref_format(char *buf, size_t size, int row, int col)
{
    char c[8], t[32];
    oap_xcol_name(c, sizeof c, col);
    snprintf(t, sizeof t, "%s%d", c, row + 1);
    oap_strlcpy(buf, t, size);
}

int oap_xref_parse(const char *s, int *row, int *col)
{
    long c = 0, r = 0;
    int letters = 0, digits = 0;
    while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
        if (++letters > 3)
            return -1;
        c = c * 26 + ((*s | 0x20) - 'a' + 1);
        s++;
    }
    if (letters == 0 || *s < '1' || *s > '9')
        return -1;
    while (*s >= '0' && *s <= '9') {
        if (++digits > 7)
            return -1;
        r = r * 10 + (*s - '0');
        s++;
    }
    if (*s != '\0' || c > OAP_XLSX_MAX_COLS || r > OAP_XLSX_MAX_ROWS)
        return -1;
    *row = (int)(r - 1);
    *col = (int)(c - 1);
    return 0;
}

/* "A1:B2" (or one cell) as a range, corners in either order. */
static int range_parse(const char *s, oap_xrange *out)
{
    char a[16];
    const char *colon = strchr(s, ':');
    int r0, c0, r1, c1;
    if (colon == NULL) {
        if (oap_xref_parse(s, &r0, &c0) != 0)
            return -1;
        r1 = r0;
        c1 = c0;
    } else {
        if ((size_t)(colon - s) >= sizeof a)
            return -1;
        memcpy(a, s, (size_t)(colon - s));
        a[colon - s] = '\0';
        if (oap_xref_parse(a, &r0, &c0) != 0 ||
            oap_xref_parse(colon + 1, &r1, &c1) != 0)
            return -1;
    }
    out->row0 = r0 < r1 ? r0 : r1;
    out->row1 = r0 < r1 ? r1 : r0;
    out->col0 = c0 < c1 ? c0 : c1;
    out->col1 = c0 < c1 ? c1 : c0;
    return 0;
}

/* ---- numbers and text ---- */

/* A decimal number, strictly: [+-]digits[.digits][e[+-]digits], spaces
 * around allowed; no hex, no inf or nan, no thousands separators. */
static int parse_number(const char *s, double *v)
{
    char buf[128];
    const char *p, *end;
    size_t n;
    int mant = 0;
    double d;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
                       end[-1] == '\n' || end[-1] == '\r'))
        end--;
    p = s;
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    while (p < end && *p >= '0' && *p <= '9')
        p++, mant = 1;
    if (p < end && *p == '.') {
        p++;
        while (p < end && *p >= '0' && *p <= '9')
            p++, mant = 1;
    }
    if (!mant)
        return -1;
    if (p < end && (*p == 'e' || *p == 'E')) {
        int exp = 0;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        while (p < end && *p >= '0' && *p <= '9')
            p++, exp = 1;
        if (!exp)
            return -1;
    }
    n = (size_t)(end - s);
    if (p != end || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    d = strtod(buf, NULL);
    if (!isfinite(d))
        return -1;
    *v = d;
    return 0;
}

int oap_xcell_number(const oap_xcell *c, double *v)
{
    if (c == NULL)
        return 0;
    if (c->kind == OAP_X_NUMBER) {
        *v = c->num;
        return 1;
    }
    return c->kind == OAP_X_TEXT && parse_number(c->text, v) == 0;
}

/* Characters (code points) of UTF-8 text. */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/*
 * Undoes Excel's escapes of characters XML cannot hold (ST_Xstring):
 * "_x000D_" is a carriage return, "_x005F_" an underscore.  NUL and
 * surrogates stay as written.  In place: 7 bytes become 1 to 3.
 */
static void xstring_decode(oap_buf *b)
{
    size_t i = 0, k = 0;
    char *s = b->data;
    if (s == NULL)
        return;
    while (i < b->len) {
        if (s[i] == '_' && i + 6 < b->len && s[i + 1] == 'x' &&
            s[i + 6] == '_') {
            int h0 = hexval(s[i + 2]), h1 = hexval(s[i + 3]),
                h2 = hexval(s[i + 4]), h3 = hexval(s[i + 5]);
            if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
                unsigned cp = (unsigned)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
                if (cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
                    if (cp < 0x80) {
                        s[k++] = (char)cp;
                    } else if (cp < 0x800) {
                        s[k++] = (char)(0xC0 | cp >> 6);
                        s[k++] = (char)(0x80 | (cp & 0x3F));
                    } else {
                        s[k++] = (char)(0xE0 | cp >> 12);
                        s[k++] = (char)(0x80 | (cp >> 6 & 0x3F));
                        s[k++] = (char)(0x80 | (cp & 0x3F));
                    }
                    i += 7;
                    continue;
                }
            }
        }
        s[k++] = s[i++];
    }
    b->len = k;
    s[k] = '\0';
}

/* ---- the book ---- */

static void sheet_free(sheet *s)
{
    oap_free(s->name);
    oap_free(s->path);
    oap_free(s->cells.v);
    oap_free(s->merges.v);
    oap_free(s->lines.v);
}

void oap_book_free(oap_book *b)
{
    size_t i;
    if (b == NULL)
        return;
    for (i = 0; i < b->sheets.n; i++)
        sheet_free(&b->sheets.v[i]);
    oap_free(b->sheets.v);
    oap_arena_free(&b->text);
    oap_free(b->source);
    oap_free(b);
}

static oap_book *book_new(const char *source, int csv)
{
    oap_book *b = oap_calloc(1, sizeof *b);
    if (b == NULL)
        return NULL;
    b->csv = csv;
    b->source = oap_strdup(source);
    if (b->source == NULL) {
        oap_free(b);
        return NULL;
    }
    return b;
}

/* A new sheet at the end of the book (NULL: out of memory). */
static sheet *sheet_add(oap_book *b, const char *name, const char *path,
                        int hidden)
{
    sheet s, *p;
    memset(&s, 0, sizeof s);
    s.name = oap_strdup(name);
    s.path = oap_strdup(path);
    s.hidden = hidden;
    if (s.name == NULL || s.path == NULL ||
        OAP_VPUSH(b->sheets, s) != OA_OK) {
        sheet_free(&s);
        return NULL;
    }
    p = &b->sheets.v[b->sheets.n - 1];
    return p;
}

static const sheet *get_sheet(const oap_book *b, int i)
{
    if (b == NULL || i < 0 || (size_t)i >= b->sheets.n)
        return NULL;
    return &b->sheets.v[i];
}

const char *oap_book_source(const oap_book *b)
{
    return b ? b->source : NULL;
}

int oap_book_is_csv(const oap_book *b)
{
    return b ? b->csv : 0;
}

int oap_book_date1904(const oap_book *b)
{
    return b ? b->date1904 : 0;
}

int oap_book_uncalculated(const oap_book *b)
{
    return b ? b->uncalculated : 0;
}

int oap_book_sheet_count(const oap_book *b)
{
    return b ? (int)b->sheets.n : 0;
}

int oap_book_sheet_find(const oap_book *b, const char *name)
{
    size_t i;
    if (b == NULL || name == NULL)
        return -1;
    for (i = 0; i < b->sheets.n; i++)
        if (strcasecmp(b->sheets.v[i].name, name) == 0)
            return (int)i;
    return -1;
}

const char *oap_book_sheet_name(const oap_book *b, int i)
{
    const sheet *s = get_sheet(b, i);
    return s ? s->name : NULL;
}

int oap_book_sheet_hidden(const oap_book *b, int i)
{
    const sheet *s = get_sheet(b, i);
    return s ? s->hidden : 0;
}

int oap_book_rows(const oap_book *b, int i)
{
    const sheet *s = get_sheet(b, i);
    return s ? s->rows : 0;
}

int oap_book_cols(const oap_book *b, int i)
{
    const sheet *s = get_sheet(b, i);
    return s ? s->cols : 0;
}

const oap_xcell *oap_book_cell(const oap_book *b, int i, int row, int col)
{
    const sheet *s = get_sheet(b, i);
    size_t lo = 0, hi;
    if (s == NULL || row < 0 || col < 0)
        return &empty_cell;
    hi = s->cells.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const oap_xcell *c = &s->cells.v[mid];
        if (c->row < row || (c->row == row && c->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->cells.n && s->cells.v[lo].row == row &&
        s->cells.v[lo].col == col)
        return &s->cells.v[lo];
    return &empty_cell;
}

const oap_xcell *oap_book_cells(const oap_book *b, int i, size_t *n)
{
    const sheet *s = get_sheet(b, i);
    *n = s ? s->cells.n : 0;
    return s ? s->cells.v : NULL;
}

size_t oap_book_merge_count(const oap_book *b, int i)
{
    const sheet *s = get_sheet(b, i);
    return s ? s->merges.n : 0;
}

const oap_xrange *oap_book_merge(const oap_book *b, int i, size_t k)
{
    const sheet *s = get_sheet(b, i);
    return s && k < s->merges.n ? &s->merges.v[k] : NULL;
}

const oap_xrange *oap_book_merged(const oap_book *b, int i, int row,
                                  int col)
{
    const sheet *s = get_sheet(b, i);
    size_t k;
    if (s == NULL)
        return NULL;
    for (k = 0; k < s->merges.n; k++) {
        const oap_xrange *m = &s->merges.v[k];
        if (row >= m->row0 && row <= m->row1 && col >= m->col0 &&
            col <= m->col1)
            return m;
    }
    return NULL;
}

/* ---- where errors are ---- */

/* Does a sheet name need quotes in a reference ('my sheet'!A1)? */
static int needs_quotes(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    if (*p >= '0' && *p <= '9')
        return 1;
    for (; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
              (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
              *p >= 0x80))
            return 1;
    return 0;
}

/* "FILE" then tail, the file's start cut ("...") when both do not fit:
 * the sheet and cell stay in view. */
static void join_source(char *out, size_t size, const char *file,
                        const char *tail)
{
    size_t nf = strlen(file), nt = strlen(tail);
    if (size == 0)
        return;
    if (nf + nt < size) {
        snprintf(out, size, "%s%s", file, tail);
        return;
    }
    if (nt + 4 < size) {
        const char *f = file + nf - (size - 1 - nt - 3);
        /* not inside a character */
        while (((unsigned char)*f & 0xC0) == 0x80)
            f++;
        snprintf(out, size, "...%s%s", f, tail);
        return;
    }
    oap_strlcpy(out, tail, size);
    oap_utf8_fix_end(out);
}

void oap_book_locate(char *source, size_t size, int *line, const oap_book *b,
                     int i, int row, int col)
{
    const sheet *s = get_sheet(b, i);
    char tail[2 * MAX_NAME + 32], ref[16];
    size_t k = 0;
    const char *p;
    *line = -1;
    if (size == 0)
        return;
    if (b == NULL) {
        source[0] = '\0';
        return;
    }
    if (s == NULL) {
        oap_strlcpy(source, b->source, size);
        return;
    }
    if (b->csv) {
        oap_strlcpy(source, s->path, size);
        if (row >= 0)
            *line = (size_t)row < s->lines.n ? s->lines.v[row] : row + 1;
        return;
    }
    tail[k++] = ':';
    if (needs_quotes(s->name))
        tail[k++] = '\'';
    for (p = s->name; *p && k + 2 < MAX_NAME * 2; p++) {
        tail[k++] = *p;
        if (*p == '\'')
            tail[k++] = '\'';
    }
    if (needs_quotes(s->name))
        tail[k++] = '\'';
    tail[k] = '\0';
    if (row >= 0 && col >= 0) {
        oap_xref_format(ref, sizeof ref, row, col);
        snprintf(tail + k, sizeof tail - k, "!%s", ref);
    } else if (row >= 0) {
        *line = row + 1;
    }
    join_source(source, size, b->source, tail);
}

static int error_v(oa_error_list *errs, int code, const char *source,
                   int line, const char *fmt, va_list ap)
{
    oa_error e;
    oa_error_clear(&e);
    oap_error_setv(&e, code, source, line, fmt, ap);
    if (oap_error_list_push(errs, &e) != OA_OK)
        return OA_ENOMEM;
    return code;
}

int oap_book_error(oa_error_list *errs, int code, const oap_book *b, int i,
                   int row, int col, const char *fmt, ...)
{
    char src[OA_ERROR_SOURCE_LENGTH];
    int line, rc;
    va_list ap;
    oap_book_locate(src, sizeof src, &line, b, i, row, col);
    va_start(ap, fmt);
    rc = error_v(errs, code, src, line, fmt, ap);
    va_end(ap);
    return rc == OA_ENOMEM ? OA_ENOMEM : OA_OK;
}

/* Appends an error at source and line; returns code (OA_ENOMEM when the
 * list cannot take it). */
static int fail(oa_error_list *errs, int code, const char *source, int line,
                const char *fmt, ...) OAP_PRINTF(5, 6);
static int fail(oa_error_list *errs, int code, const char *source, int line,
                const char *fmt, ...)
{
    int rc;
    va_list ap;
    va_start(ap, fmt);
    rc = error_v(errs, code, source, line, fmt, ap);
    va_end(ap);
    return rc;
}

/* An error at a cell of the sheet being read; returns code. */
static int cell_fail(oa_error_list *errs, int code, const oap_book *b,
                     int row, int col, const char *fmt, ...)
    OAP_PRINTF(6, 7);
static int cell_fail(oa_error_list *errs, int code, const oap_book *b,
                     int row, int col, const char *fmt, ...)
{
    char src[OA_ERROR_SOURCE_LENGTH];
    int line, rc;
    va_list ap;
    oap_book_locate(src, sizeof src, &line, b, (int)b->sheets.n - 1, row,
                    col);
    va_start(ap, fmt);
    rc = error_v(errs, code, src, line, fmt, ap);
    va_end(ap);
    return rc;
}

static const oap_book_limits *limits(const oap_book_limits *lim,
                                     oap_book_limits *buf)
{
    *buf = default_limits;
    if (lim) {
#define TAKE(f) if (lim->f) buf->f = lim->f
        TAKE(file_bytes);
        TAKE(part_bytes);
        TAKE(total_bytes);
        TAKE(ratio);
        TAKE(entries);
        TAKE(sheets);
        TAKE(cells);
        TAKE(text);
#undef TAKE
    }
    /* room for one byte past a cap and a NUL, and no overflow in sums */
    if (buf->part_bytes > SIZE_MAX / 4)
        buf->part_bytes = SIZE_MAX / 4;
    if (buf->total_bytes > SIZE_MAX / 4)
        buf->total_bytes = SIZE_MAX / 4;
    return buf;
}

/* Adds a cell that holds something to the last sheet. */
static int push_cell(oa_error_list *errs, oap_book *b,
                     const oap_book_limits *lim, const oap_xcell *x)
{
    sheet *s = &b->sheets.v[b->sheets.n - 1];
    if (b->ncells >= lim->cells)
        return cell_fail(errs, OA_ELIMIT, b, x->row, x->col, "more than "
                         "%zu cells hold something (the limit of a "
                         "workbook)", lim->cells);
    if (OAP_VPUSH(s->cells, *x) != OA_OK)
        return OA_ENOMEM;
    b->ncells++;
    if (x->row + 1 > s->rows)
        s->rows = x->row + 1;
    if (x->col + 1 > s->cols)
        s->cols = x->col + 1;
    return OA_OK;
}

/* Text too long for a cell? (bytes: a first test before counting) */
static int text_too_long(const char *s, size_t n, size_t max)
{
    return n > max && utf8_chars(s, n) > max;
}

/* ---- the archive ---- */

typedef struct rel {
    const char *id, *type, *target; /* in xlsx.scratch */
    int external;
} rel;

typedef struct xlsx {
    oap_book *b;
    const oap_book_limits *lim;
    oa_error_list *errs;
    zip_t *za;
    size_t total;                /* bytes read from the archive */
    OAP_VEC(rel) rels;
    oap_arena scratch;           /* strings needed while reading */
    OAP_VEC(const char *) sst;   /* shared strings, in b->text */
    int has_sst;
    OAP_VEC(unsigned char) xf_date; /* per cell format: a date? */
    oap_buf t1, t2;              /* text being read */
    char where[OA_ERROR_SOURCE_LENGTH]; /* "FILE:PART" */
} xlsx;

static void set_where(xlsx *c, const char *part)
{
    join_source(c->where, sizeof c->where, c->b->source, "");
    if (part) {
        char tail[MAX_TARGET + 2];
        snprintf(tail, sizeof tail, ":%s", part);
        join_source(c->where, sizeof c->where, c->b->source, tail);
    }
}

/*
 * Reads the part name (ASCII case ignored, as OPC wants) into *data
 * (NUL-terminated, freed with oap_free).  The caps hold whatever the
 * headers say: the part is read in chunks and refused one byte past its
 * cap or, once past 1 MiB, as soon as it has grown more than ratio times
 * its compressed size.  A part missing is an error.
 */
static int part_read(xlsx *c, const char *name, char **data, size_t *size)
{
    zip_int64_t idx;
    zip_stat_t st;
    zip_file_t *zf;
    zip_uint64_t comp = 0;
    size_t max, len = 0, cap = 0, part_cap = c->lim->part_bytes;
    char *buf = NULL;
    int rc = OA_OK;

    *data = NULL;
    *size = 0;
    set_where(c, name);
    idx = zip_name_locate(c->za, name, ZIP_FL_NOCASE);
    if (idx < 0)
        return fail(c->errs, OA_EPARSE, c->where, -1, "the part is "
                    "missing from the workbook");
    zip_stat_init(&st);
    if (zip_stat_index(c->za, (zip_uint64_t)idx, 0, &st) != 0)
        return fail(c->errs, OA_EPARSE, c->where, -1, "cannot be read: %s",
                    zip_strerror(c->za));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
        st.encryption_method != ZIP_EM_NONE)
        return fail(c->errs, OA_EPARSE, c->where, -1, "the part is "
                    "encrypted");
    if (st.valid & ZIP_STAT_COMP_SIZE)
        comp = st.comp_size;
    /* First what the headers claim (cheap), then what the data does. */
    if ((st.valid & ZIP_STAT_SIZE) && st.size > RATIO_FLOOR &&
        (comp == 0 || st.size / c->lim->ratio > comp))
        return fail(c->errs, OA_ELIMIT, c->where, -1, "compressed more "
                    "than %zu to 1 (%llu bytes from %llu): a zip bomb, "
                    "refused", c->lim->ratio, (unsigned long long)st.size,
                    (unsigned long long)comp);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > part_cap)
        return fail(c->errs, OA_ELIMIT, c->where, -1, "%llu bytes "
                    "uncompressed, more than the limit of %zu bytes of a "
                    "part", (unsigned long long)st.size, part_cap);
    if ((st.valid & ZIP_STAT_SIZE) &&
        st.size > c->lim->total_bytes - c->total)
        return fail(c->errs, OA_ELIMIT, c->where, -1, "the parts read "
                    "come to more than the limit of %zu bytes of a "
                    "workbook", c->lim->total_bytes);
    max = c->lim->total_bytes - c->total;
    if (max > part_cap)
        max = part_cap;
    zf = zip_fopen_index(c->za, (zip_uint64_t)idx, 0);
    if (zf == NULL)
        return fail(c->errs, OA_EPARSE, c->where, -1, "cannot be read: %s",
                    zip_strerror(c->za));
    for (;;) {
        zip_int64_t n;
        if (cap - len < 2) {
            /* room for max + 1 bytes (one past the cap) and a NUL */
            size_t want = cap ? cap * 2 : 65536;
            if (want > max + 2)
                want = max + 2;
            if (oap_grow((void **)&buf, &cap, want, 1) != 0) {
                rc = OA_ENOMEM;
                break;
            }
        }
        n = zip_fread(zf, buf + len, cap - len - 1);
        if (n < 0) {
            rc = fail(c->errs, OA_EPARSE, c->where, -1, "cannot be read "
                      "(a damaged archive): %s", zip_file_strerror(zf));
            break;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len > max) {
            if (len > part_cap)
                rc = fail(c->errs, OA_ELIMIT, c->where, -1, "more than the "
                          "limit of %zu bytes of a part uncompressed "
                          "(whatever the zip header says: %llu)", part_cap,
                          (unsigned long long)st.size);
            else
                rc = fail(c->errs, OA_ELIMIT, c->where, -1, "the parts read "
                          "come to more than the limit of %zu bytes of a "
                          "workbook", c->lim->total_bytes);
            break;
        }
        if (len > RATIO_FLOOR && (comp == 0 || len / c->lim->ratio > comp)) {
            rc = fail(c->errs, OA_ELIMIT, c->where, -1, "compressed more "
                      "than %zu to 1 (%zu bytes so far from %llu, whatever "
                      "the zip header says): a zip bomb, refused",
                      c->lim->ratio, len, (unsigned long long)comp);
            break;
        }
    }
    zip_fclose(zf);
    if (rc != OA_OK) {
        oap_free(buf);
        return rc;
    }
    if (buf == NULL && oap_grow((void **)&buf, &cap, 1, 1) != 0)
        return OA_ENOMEM;
    buf[len] = '\0';
    c->total += len;
    *data = buf;
    *size = len;
    return OA_OK;
}

/* Is the element of the SpreadsheetML namespace (or of none)? */
static int in_ns(oap_xr *x, const char *const *ns, size_t n)
{
    const char *u = oap_xr_ns(x);
    size_t i;
    if (u == NULL)
        return 1;
    for (i = 0; i < n; i++)
        if (strcmp(u, ns[i]) == 0)
            return 1;
    return 0;
}

static int el(oap_xr *x, const char *name)
{
    return strcmp(oap_xr_name(x), name) == 0 && in_ns(x, main_ns, 2);
}

/* An attribute without a namespace: 1 found, 0 absent; too long is an
 * error (rc set). */
static int attr(xlsx *c, oap_xr *x, const char *name, char *buf, size_t size,
                int *rc)
{
    int f = oap_xr_attr(x, NULL, name, buf, size);
    if (f < 0) {
        *rc = fail(c->errs, OA_EINVALID, c->where, oap_xr_line(x),
                   "the attribute %s of <%s> is longer than %zu bytes", name,
                   oap_xr_name(x), size - 1);
        return 0;
    }
    return f;
}

/* Opens the part's XML and checks its root element; *x freed by the
 * caller.  XML errors go to errs as "FILE:PART:LINE: error: not
 * well-formed XML: ...". */
typedef struct part {
    char *data;
    size_t size;
    oap_xr *x;
    oa_error_list *xerrs; /* libxml2's errors, before they are reworded */
} part;

static void part_close(part *p)
{
    oap_xr_free(p->x);
    oa_error_list_free(p->xerrs);
    oap_free(p->data);
    memset(p, 0, sizeof *p);
}

/* The streaming reader's errors (rc) copied to c->errs, the first of a
 * part that is not XML saying so. */
static int xr_failed(xlsx *c, part *p, int ev)
{
    size_t i, n = oa_error_list_count(p->xerrs);
    for (i = 0; i < n; i++) {
        oa_error e = *oa_error_list_get(p->xerrs, i);
        if (i == 0 && ev == OA_EPARSE) {
            char t[OA_ERROR_TEXT_LENGTH];
            snprintf(t, sizeof t, "not well-formed XML: %.480s", e.text);
            oap_strlcpy(e.text, t, sizeof e.text);
        }
        if (oap_error_list_push(c->errs, &e) != OA_OK)
            return OA_ENOMEM;
    }
    oa_error_list_clear(p->xerrs);
    if (n == 0 && ev != OA_ENOMEM)
        return fail(c->errs, ev, c->where, -1, "not well-formed XML");
    return ev;
}

/* The next event of a part. */
static int next(xlsx *c, part *p)
{
    int ev = oap_xr_next(p->x);
    return ev < 0 ? xr_failed(c, p, ev) : ev;
}

static int part_open(xlsx *c, part *p, const char *name, const char *root)
{
    int rc, ev;
    memset(p, 0, sizeof *p);
    rc = part_read(c, name, &p->data, &p->size);
    if (rc != OA_OK)
        return rc;
    if (oa_error_list_new(&p->xerrs) != OA_OK) {
        part_close(p);
        return OA_ENOMEM;
    }
    if (p->size == 0) {
        part_close(p);
        return fail(c->errs, OA_EPARSE, c->where, -1, "the part is empty, "
                    "not XML");
    }
    rc = oap_xr_open(&p->x, p->data, p->size, c->where, p->xerrs);
    if (rc != OA_OK) {
        rc = xr_failed(c, p, rc);
        part_close(p);
        return rc;
    }
    do
        ev = next(c, p);
    while (ev == OAP_XR_TEXT);
    if (ev < 0) {
        part_close(p);
        return ev;
    }
    if (ev != OAP_XR_OPEN || strcmp(oap_xr_name(p->x), root) != 0) {
        rc = fail(c->errs, OA_EPARSE, c->where, oap_xr_line(p->x), "the "
                  "part holds <%s>, not the <%s> it should",
                  ev == OAP_XR_OPEN ? oap_xr_name(p->x) : "", root);
        part_close(p);
        return rc;
    }
    return OA_OK;
}

/* Appends text to buf, refusing more than max bytes (the caller's test of
 * a cell's length, before escapes are undone). */
static int gather(xlsx *c, oap_buf *buf, const char *s, size_t max,
                  int line)
{
    size_t n = strlen(s);
    if (buf->len + n > max)
        return fail(c->errs, OA_ELIMIT, c->where, line, "a text longer "
                    "than the limit of %zu characters of a cell",
                    c->lim->text);
    oap_buf_putn(buf, s, n);
    return buf->failed ? OA_ENOMEM : OA_OK;
}

/* Bytes a cell's text may take before escapes are undone (_x0041_ is 7
 * bytes for one character). */
static size_t raw_cap(const xlsx *c)
{
    return c->lim->text * 7 + 64;
}

/* ---- relationships, workbook, shared strings, styles ---- */

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static void buf_reset(oap_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static const char *buf_text(const oap_buf *b)
{
    return b->data ? b->data : "";
}

/* A whole number of at most 9 digits: 0 and *v, or -1. */
static int parse_index(const char *s, long *v)
{
    long n = 0;
    int k = 0;
    while (*s == ' ')
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    while (*s >= '0' && *s <= '9') {
        if (++k > 9)
            return -1;
        n = n * 10 + (*s++ - '0');
    }
    while (*s == ' ')
        s++;
    if (*s)
        return -1;
    *v = n;
    return 0;
}

/* The package relationships' namespace, as in_ns wants it. */
static const char *const pkg_ns[] = { pkg_rel_ns };

static int read_rels(xlsx *c)
{
    part p;
    int rc = part_open(c, &p, "xl/_rels/workbook.xml.rels", "Relationships");
    if (rc != OA_OK)
        return rc;
    for (;;) {
        char id[MAX_NAME], type[MAX_TARGET], target[MAX_TARGET], mode[32];
        int ev = next(c, &p), hid, htype, htarget, hmode;
        rel r;
        if (ev < 0) {
            rc = ev;
            break;
        }
        if (ev == OAP_XR_END)
            break;
        if (ev != OAP_XR_OPEN ||
            strcmp(oap_xr_name(p.x), "Relationship") != 0 ||
            !in_ns(p.x, pkg_ns, 1))
            continue;
        hid = attr(c, p.x, "Id", id, sizeof id, &rc);
        htype = rc == OA_OK ? attr(c, p.x, "Type", type, sizeof type, &rc)
                            : 0;
        htarget = rc == OA_OK
                      ? attr(c, p.x, "Target", target, sizeof target, &rc)
                      : 0;
        hmode = rc == OA_OK
                    ? attr(c, p.x, "TargetMode", mode, sizeof mode, &rc)
                    : 0;
        if (rc != OA_OK)
            break;
        if (!hid || !htarget)
            continue; /* none a sheet can name */
        if (c->rels.n >= MAX_RELS) {
            rc = fail(c->errs, OA_ELIMIT, c->where, oap_xr_line(p.x),
                      "more than %d relationships", MAX_RELS);
            break;
        }
        r.id = oap_arena_str(&c->scratch, id);
        r.type = oap_arena_str(&c->scratch, htype ? type : "");
        r.target = oap_arena_str(&c->scratch, target);
        r.external = hmode && strcasecmp(mode, "External") == 0;
        if (r.id == NULL || r.type == NULL || r.target == NULL ||
            OAP_VPUSH(c->rels, r) != OA_OK) {
            rc = OA_ENOMEM;
            break;
        }
    }
    part_close(&p);
    return rc;
}

/*
 * The part a target of xl/_rels/workbook.xml.rels names: relative to
 * xl/, or absolute within /xl/.  0 and the name in buf, or -1 when it
 * leaves xl/ or names no part: an absolute path elsewhere, a "..", a URL
 * or drive (':'), a backslash, a query or fragment, an empty segment.
 */
static int resolve_target(const char *target, char *buf, size_t size)
{
    const char *p = target;
    size_t k;
    if (strpbrk(target, ":\\?#") != NULL)
        return -1;
    if (*p == '/') {
        if (strncmp(p, "/xl/", 4) != 0)
            return -1;
        p += 4;
    }
    if (size < 3)
        return -1;
    memcpy(buf, "xl", 2);
    k = 2;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 2 && p[0] == '.' && p[1] == '.'))
            return -1;
        if (!(n == 1 && p[0] == '.')) {
            if (k + 1 + n >= size)
                return -1;
            buf[k++] = '/';
            memcpy(buf + k, p, n);
            k += n;
        }
        p += n;
        if (*p == '/')
            p++;
    }
    buf[k] = '\0';
    return k > 2 ? 0 : -1;
}

/* The part of a relationship the reader needs (what: for the message). */
static int rel_part(xlsx *c, const rel *r, const char *what, char *buf,
                    size_t size)
{
    set_where(c, "xl/_rels/workbook.xml.rels");
    if (r->external)
        return fail(c->errs, OA_EINVALID, c->where, -1, "%s is outside the "
                    "workbook (TargetMode External, '%.200s'): never read",
                    what, r->target);
    if (resolve_target(r->target, buf, size) != 0)
        return fail(c->errs, OA_EINVALID, c->where, -1, "%s is the target "
                    "'%.200s', outside the workbook's folder xl/ (an "
                    "absolute path elsewhere, '..' or a URL): refused",
                    what, r->target);
    return OA_OK;
}

static const rel *find_rel(const xlsx *c, const char *id)
{
    size_t i;
    for (i = 0; i < c->rels.n; i++)
        if (strcmp(c->rels.v[i].id, id) == 0)
            return &c->rels.v[i];
    return NULL;
}

static const rel *rel_of_type(const xlsx *c, const char *tail)
{
    size_t i;
    for (i = 0; i < c->rels.n; i++)
        if (ends_with(c->rels.v[i].type, tail))
            return &c->rels.v[i];
    return NULL;
}

typedef struct wsheet {
    const char *name, *rid; /* in xlsx.scratch */
    int hidden;
} wsheet;

typedef OAP_VEC(wsheet) wsheets;

static int read_workbook(xlsx *c, wsheets *list)
{
    part p;
    size_t i;
    int rc = part_open(c, &p, "xl/workbook.xml", "workbook");
    if (rc != OA_OK)
        return rc;
    for (;;) {
        char name[MAX_NAME], state[32], rid[MAX_NAME], v[16];
        int ev = next(c, &p), hn, hs, hr = 0, line;
        wsheet w;
        if (ev < 0) {
            rc = ev;
            break;
        }
        if (ev == OAP_XR_END)
            break;
        if (ev != OAP_XR_OPEN)
            continue;
        line = oap_xr_line(p.x);
        if (el(p.x, "workbookPr")) {
            if (attr(c, p.x, "date1904", v, sizeof v, &rc))
                c->b->date1904 = strcmp(v, "1") == 0 ||
                                 strcmp(v, "true") == 0;
            if (rc != OA_OK)
                break;
            continue;
        }
        if (el(p.x, "calcPr")) {
            if (attr(c, p.x, "fullCalcOnLoad", v, sizeof v, &rc))
                c->b->uncalculated = strcmp(v, "1") == 0 ||
                                     strcmp(v, "true") == 0;
            if (rc != OA_OK)
                break;
            continue;
        }
        if (!el(p.x, "sheet"))
            continue;
        hn = attr(c, p.x, "name", name, sizeof name, &rc);
        hs = rc == OA_OK ? attr(c, p.x, "state", state, sizeof state, &rc)
                         : 0;
        if (rc != OA_OK)
            break;
        for (i = 0; i < 2 && hr == 0; i++)
            hr = oap_xr_attr(p.x, rel_ns[i], "id", rid, sizeof rid);
        if (!hn || name[0] == '\0') {
            rc = fail(c->errs, OA_EINVALID, c->where, line, "a sheet "
                      "without a name");
            break;
        }
        if (!oap_text_clean(name)) {
            rc = fail(c->errs, OA_EINVALID, c->where, line, "the name of "
                      "sheet %zu holds a control character", list->n + 1);
            break;
        }
        if (hr != 1) {
            rc = fail(c->errs, OA_EINVALID, c->where, line, "sheet '%s' "
                      "names no part (no r:id)", name);
            break;
        }
        for (i = 0; i < list->n; i++)
            if (strcasecmp(list->v[i].name, name) == 0)
                break;
        if (i < list->n) {
            rc = fail(c->errs, OA_EINVALID, c->where, line, "two sheets "
                      "named '%s'", name);
            break;
        }
        if (list->n >= c->lim->sheets) {
            rc = fail(c->errs, OA_ELIMIT, c->where, line, "more than %zu "
                      "sheets", c->lim->sheets);
            break;
        }
        w.name = oap_arena_str(&c->scratch, name);
        w.rid = oap_arena_str(&c->scratch, rid);
        w.hidden = hs && strcmp(state, "visible") != 0;
        if (w.name == NULL || w.rid == NULL || OAP_VPUSH(*list, w) != OA_OK) {
            rc = OA_ENOMEM;
            break;
        }
    }
    if (rc == OA_OK && list->n == 0)
        rc = fail(c->errs, OA_EPARSE, c->where, -1, "the workbook lists no "
                  "sheet");
    part_close(&p);
    return rc;
}

static int read_sst(xlsx *c, const char *name)
{
    part p;
    int in_si = 0, in_t = 0, rph = 0, line = -1;
    int rc = part_open(c, &p, name, "sst");
    if (rc != OA_OK)
        return rc;
    c->has_sst = 1;
    for (;;) {
        int ev = next(c, &p);
        if (ev < 0) {
            rc = ev;
            break;
        }
        if (ev == OAP_XR_END)
            break;
        if (ev == OAP_XR_TEXT) {
            if (in_t && (rc = gather(c, &c->t1, oap_xr_text(p.x),
                                     raw_cap(c), line)) != OA_OK)
                break;
            continue;
        }
        if (!in_ns(p.x, main_ns, 2))
            continue;
        if (ev == OAP_XR_OPEN) {
            if (el(p.x, "si")) {
                if (in_si) {
                    rc = fail(c->errs, OA_EPARSE, c->where, oap_xr_line(p.x),
                              "an <si> inside an <si>");
                    break;
                }
                in_si = 1;
                line = oap_xr_line(p.x);
                buf_reset(&c->t1);
            } else if (in_si && el(p.x, "rPh")) {
                rph++; /* phonetic guides are not the text */
            } else if (in_si && !rph && el(p.x, "t")) {
                in_t = 1;
            }
            continue;
        }
        if (el(p.x, "t")) {
            in_t = 0;
        } else if (el(p.x, "rPh")) {
            if (rph > 0)
                rph--;
        } else if (el(p.x, "si") && in_si) {
            const char *s;
            in_si = 0;
            xstring_decode(&c->t1);
            if (text_too_long(buf_text(&c->t1), c->t1.len, c->lim->text)) {
                rc = fail(c->errs, OA_ELIMIT, c->where, line, "shared "
                          "string %zu holds %zu characters, more than the "
                          "limit of %zu of a cell", c->sst.n,
                          utf8_chars(buf_text(&c->t1), c->t1.len),
                          c->lim->text);
                break;
            }
            if (c->sst.n >= c->lim->cells) {
                rc = fail(c->errs, OA_ELIMIT, c->where, line, "more than "
                          "%zu shared strings", c->lim->cells);
                break;
            }
            s = oap_arena_str(&c->b->text, buf_text(&c->t1));
            if (s == NULL || OAP_VPUSH(c->sst, s) != OA_OK) {
                rc = OA_ENOMEM;
                break;
            }
        }
    }
    part_close(&p);
    return rc;
}

/* Is a number format's code a date or time?  Letters of dates and times
 * outside quotes, escapes and [colours]; [h], [mm], [ss] are elapsed
 * time.  The first section (before ';') decides. */
static int date_code(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '"':
            s = strchr(s + 1, '"');
            if (s == NULL)
                return 0;
            break;
        case '\\':
        case '_':
        case '*':
            if (s[1])
                s++;
            break;
        case '[': {
            const char *e = strchr(s, ']');
            if (e == NULL)
                return 0;
            if (e > s + 1 && strchr("hHmMsS", s[1])) {
                const char *q = s + 1;
                while (q < e && (*q | 0x20) == (s[1] | 0x20))
                    q++;
                if (q == e)
                    return 1;
            }
            s = e;
            break;
        }
        case ';':
            return 0;
        default:
            if (strchr("dDmMyYhHsS", *s))
                return 1;
        }
    }
    return 0;
}

/* Excel's built-in number formats of dates and times. */
static int date_builtin(long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
           (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* Which cell formats (xl/styles.xml <cellXfs>) show dates: the numbers
 * of cells in them are flagged OAP_X_DATE. */
static int read_styles(xlsx *c, const char *name)
{
    typedef struct fmt {
        long id;
        int date;
    } fmt;
    OAP_VEC(fmt) fmts = { NULL, 0, 0 };
    OAP_VEC(long) ids = { NULL, 0, 0 };
    part p;
    size_t i, k;
    int in_xfs = 0;
    int rc = part_open(c, &p, name, "styleSheet");
    if (rc != OA_OK)
        return rc;
    for (;;) {
        char v[16], code[MAX_TARGET];
        int ev = next(c, &p);
        long id = 0;
        if (ev < 0) {
            rc = ev;
            break;
        }
        if (ev == OAP_XR_END)
            break;
        if (ev == OAP_XR_TEXT || !in_ns(p.x, main_ns, 2))
            continue;
        if (ev == OAP_XR_CLOSE) {
            if (el(p.x, "cellXfs"))
                in_xfs = 0;
            continue;
        }
        if (el(p.x, "cellXfs")) {
            in_xfs = 1;
        } else if (el(p.x, "numFmt")) {
            fmt f;
            if (oap_xr_attr(p.x, NULL, "numFmtId", v, sizeof v) != 1 ||
                parse_index(v, &id) != 0)
                continue;
            f.id = id;
            /* a code too long to read is taken for no date */
            f.date = oap_xr_attr(p.x, NULL, "formatCode", code,
                                 sizeof code) == 1 && date_code(code);
            if (fmts.n >= MAX_FORMATS) {
                rc = fail(c->errs, OA_ELIMIT, c->where, oap_xr_line(p.x),
                          "more than %d number formats", MAX_FORMATS);
                break;
            }
            if (OAP_VPUSH(fmts, f) != OA_OK) {
                rc = OA_ENOMEM;
                break;
            }
        } else if (in_xfs && el(p.x, "xf")) {
            if (oap_xr_attr(p.x, NULL, "numFmtId", v, sizeof v) != 1 ||
                parse_index(v, &id) != 0)
                id = 0;
            if (ids.n >= MAX_FORMATS) {
                rc = fail(c->errs, OA_ELIMIT, c->where, oap_xr_line(p.x),
                          "more than %d cell formats", MAX_FORMATS);
                break;
            }
            if (OAP_VPUSH(ids, id) != OA_OK) {
                rc = OA_ENOMEM;
                break;
            }
        }
    }
    part_close(&p);
    for (i = 0; rc == OA_OK && i < ids.n; i++) {
        unsigned char d = (unsigned char)date_builtin(ids.v[i]);
        for (k = 0; k < fmts.n; k++)
            if (fmts.v[k].id == ids.v[i])
                d = (unsigned char)fmts.v[k].date;
        if (OAP_VPUSH(c->xf_date, d) != OA_OK)
            rc = OA_ENOMEM;
    }
    oap_free(fmts.v);
    oap_free(ids.v);
    return rc;
}

/* ---- worksheets ---- */

typedef struct cellst {
    int row, col;
    char t[16];
    long style;  /* -1: none */
    int has_v, has_f, has_is;
    int in_v, in_is, in_t, rph;
    int line;
} cellst;

/* The cell just read (its <v> text in t1, its inline string in t2) into
 * the last sheet, when it holds something. */
static int finish_cell(xlsx *c, cellst *k)
{
    oap_book *b = c->b;
    const char *t = k->t, *v = buf_text(&c->t1);
    int is_text = strcmp(t, "str") == 0, is_inline = !strcmp(t, "inlineStr"),
        is_err = strcmp(t, "e") == 0, is_date = strcmp(t, "d") == 0;
    oap_xcell x;
    x.text = "";
    x.num = 0;
    x.row = k->row;
    x.col = (unsigned short)k->col;
    x.kind = OAP_X_EMPTY;
    x.flags = k->has_f ? OAP_X_FORMULA : 0;
    if (k->has_v && c->t1.len == 0)
        k->has_v = 0; /* <v/>: no value */
    if (strcmp(t, "s") == 0) {
        long idx;
        if (k->has_v) {
            if (!c->has_sst)
                return cell_fail(c->errs, OA_EINVALID, b, k->row, k->col,
                                 "a shared string, but the workbook has "
                                 "none");
            if (parse_index(v, &idx) != 0 || (size_t)idx >= c->sst.n)
                return cell_fail(c->errs, OA_EINVALID, b, k->row, k->col,
                                 "shared string '%.20s' does not exist (the "
                                 "workbook has %zu)", v, c->sst.n);
            x.kind = OAP_X_TEXT;
            x.text = c->sst.v[idx];
        }
    } else if (is_text || is_inline || is_err || is_date) {
        oap_buf *src = is_inline && k->has_is ? &c->t2 : &c->t1;
        if (k->has_v || (is_inline && k->has_is)) {
            if (is_text || is_inline)
                xstring_decode(src);
            if (text_too_long(buf_text(src), src->len, c->lim->text))
                return cell_fail(c->errs, OA_ELIMIT, b, k->row, k->col,
                                 "a text of %zu characters, more than the "
                                 "limit of %zu of a cell",
                                 utf8_chars(buf_text(src), src->len),
                                 c->lim->text);
            x.kind = is_err ? OAP_X_ERROR : OAP_X_TEXT;
            if (is_date)
                x.flags |= OAP_X_DATE;
            x.text = oap_arena_str(&b->text, buf_text(src));
            if (x.text == NULL)
                return OA_ENOMEM;
        }
    } else if (strcmp(t, "b") == 0) {
        if (k->has_v) {
            if (!strcmp(v, "1") || !strcasecmp(v, "true"))
                x.num = 1;
            else if (strcmp(v, "0") != 0 && strcasecmp(v, "false") != 0)
                return cell_fail(c->errs, OA_EINVALID, b, k->row, k->col,
                                 "'%.40s' is not a boolean (0 or 1)", v);
            x.kind = OAP_X_BOOL;
            x.text = x.num ? "TRUE" : "FALSE";
        }
    } else if (t[0] == '\0' || strcmp(t, "n") == 0) {
        if (k->has_v) {
            if (parse_number(v, &x.num) != 0)
                return cell_fail(c->errs, OA_EINVALID, b, k->row, k->col,
                                 "'%.40s' is not a number", v);
            x.kind = OAP_X_NUMBER;
            if (k->style >= 0 && (size_t)k->style < c->xf_date.n &&
                c->xf_date.v[k->style])
                x.flags |= OAP_X_DATE;
            x.text = oap_arena_str(&b->text, v);
            if (x.text == NULL)
                return OA_ENOMEM;
        }
    } else {
        return cell_fail(c->errs, OA_EINVALID, b, k->row, k->col, "the cell "
                         "type '%s' is none of s, str, inlineStr, b, e, n, "
                         "d", t);
    }
    if (x.kind == OAP_X_TEXT && x.text[0] == '\0' && !k->has_f)
        x.kind = OAP_X_EMPTY;
    if (x.kind == OAP_X_EMPTY) {
        if (!k->has_f)
            return OA_OK;
        x.text = "";
    }
    return push_cell(c->errs, b, c->lim, &x);
}

/* A row that follows the one before. */
static int next_row(xlsx *c, int prev, int line, int *row)
{
    if (prev + 1 >= OAP_XLSX_MAX_ROWS)
        return fail(c->errs, OA_ELIMIT, c->where, line, "more than %d rows",
                    OAP_XLSX_MAX_ROWS);
    *row = prev + 1;
    return OA_OK;
}

/* The start tag of a <c>: its place (checked against the row and the
 * cells before it), type and format. */
static int open_cell(xlsx *c, oap_xr *x, cellst *k, int *row, int prev,
                     int *col)
{
    char rb[16], sb[16], r2[16];
    int f, rr, cc, rc = OA_OK, line = oap_xr_line(x);
    memset(k, 0, sizeof *k);
    k->style = -1;
    k->line = line;
    buf_reset(&c->t1);
    buf_reset(&c->t2);
    f = attr(c, x, "r", rb, sizeof rb, &rc);
    if (rc != OA_OK)
        return rc;
    if (f) {
        if (oap_xref_parse(rb, &rr, &cc) != 0)
            return fail(c->errs, OA_EINVALID, c->where, line, "the cell "
                        "reference '%s' is no cell of A1 to XFD1048576", rb);
        if (*row < 0) {
            if (rr <= prev)
                return fail(c->errs, OA_EINVALID, c->where, line, "cell %s "
                            "comes after row %d: rows must be in order", rb,
                            prev + 1);
            *row = rr;
        } else if (rr != *row) {
            return fail(c->errs, OA_EINVALID, c->where, line, "cell %s is "
                        "in row %d", rb, *row + 1);
        }
        if (cc <= *col) {
            oap_xref_format(r2, sizeof r2, *row, *col);
            return fail(c->errs, OA_EINVALID, c->where, line, "cell %s "
                        "comes after cell %s: the cells of a row must be in "
                        "order", rb, r2);
        }
        *col = cc;
    } else {
        if (*row < 0 && (rc = next_row(c, prev, line, row)) != OA_OK)
            return rc;
        if (*col + 1 >= OAP_XLSX_MAX_COLS)
            return fail(c->errs, OA_ELIMIT, c->where, line, "more than %d "
                        "columns", OAP_XLSX_MAX_COLS);
        (*col)++;
    }
    k->row = *row;
    k->col = *col;
    attr(c, x, "t", k->t, sizeof k->t, &rc);
    if (rc == OA_OK && attr(c, x, "s", sb, sizeof sb, &rc) &&
        parse_index(sb, &k->style) != 0)
        k->style = -1;
    return rc;
}

static int read_sheet(xlsx *c, const char *name)
{
    part p;
    cellst k;
    int in_data = 0, in_row = 0, in_c = 0, row = -1, prev = -1, col = -1;
    int rc = part_open(c, &p, name, "worksheet");
    sheet *sh = &c->b->sheets.v[c->b->sheets.n - 1];
    if (rc != OA_OK)
        return rc;
    memset(&k, 0, sizeof k);
    for (;;) {
        int ev = next(c, &p), line;
        const char *nm;
        if (ev < 0) {
            rc = ev;
            break;
        }
        if (ev == OAP_XR_END)
            break;
        if (ev == OAP_XR_TEXT) {
            if (in_c && k.in_v)
                rc = gather(c, &c->t1, oap_xr_text(p.x), raw_cap(c), k.line);
            else if (in_c && k.in_t)
                rc = gather(c, &c->t2, oap_xr_text(p.x), raw_cap(c), k.line);
            if (rc != OA_OK)
                break;
            continue;
        }
        if (!in_ns(p.x, main_ns, 2))
            continue;
        nm = oap_xr_name(p.x);
        line = oap_xr_line(p.x);
        if (ev == OAP_XR_CLOSE) {
            if (in_c) {
                if (strcmp(nm, "v") == 0)
                    k.in_v = 0;
                else if (strcmp(nm, "t") == 0)
                    k.in_t = 0;
                else if (strcmp(nm, "rPh") == 0 && k.rph > 0)
                    k.rph--;
                else if (strcmp(nm, "is") == 0)
                    k.in_is = 0;
                else if (strcmp(nm, "c") == 0) {
                    in_c = 0;
                    if ((rc = finish_cell(c, &k)) != OA_OK)
                        break;
                }
            } else if (in_row && strcmp(nm, "row") == 0) {
                in_row = 0;
                if (row < 0 && (rc = next_row(c, prev, line, &row)) != OA_OK)
                    break;
                prev = row;
            } else if (strcmp(nm, "sheetData") == 0) {
                in_data = 0;
            }
            continue;
        }
        if (in_c) {
            if (strcmp(nm, "v") == 0)
                k.in_v = k.has_v = 1;
            else if (strcmp(nm, "f") == 0)
                k.has_f = 1;
            else if (strcmp(nm, "is") == 0)
                k.in_is = k.has_is = 1;
            else if (k.in_is && strcmp(nm, "rPh") == 0)
                k.rph++;
            else if (k.in_is && !k.rph && strcmp(nm, "t") == 0)
                k.in_t = 1;
            else if (strcmp(nm, "c") == 0 || strcmp(nm, "row") == 0) {
                rc = fail(c->errs, OA_EPARSE, c->where, line, "a <%s> "
                          "inside a cell", nm);
                break;
            }
        } else if (strcmp(nm, "sheetData") == 0) {
            in_data = 1;
        } else if (in_data && strcmp(nm, "row") == 0) {
            char rb[16];
            long r;
            if (in_row) {
                rc = fail(c->errs, OA_EPARSE, c->where, line, "a <row> "
                          "inside a <row>");
                break;
            }
            in_row = 1;
            row = col = -1;
            if (attr(c, p.x, "r", rb, sizeof rb, &rc)) {
                if (parse_index(rb, &r) != 0 || r < 1 ||
                    r > OAP_XLSX_MAX_ROWS) {
                    rc = fail(c->errs, OA_EINVALID, c->where, line, "the "
                              "row number '%s' is none of 1 to %d", rb,
                              OAP_XLSX_MAX_ROWS);
                    break;
                }
                if (r - 1 <= prev) {
                    rc = fail(c->errs, OA_EINVALID, c->where, line, "row "
                              "%ld comes after row %d: rows must be in "
                              "order", r, prev + 1);
                    break;
                }
                row = (int)(r - 1);
            }
            if (rc != OA_OK)
                break;
        } else if (in_row && strcmp(nm, "c") == 0) {
            in_c = 1;
            if ((rc = open_cell(c, p.x, &k, &row, prev, &col)) != OA_OK)
                break;
        } else if (strcmp(nm, "mergeCell") == 0) {
            char ref[40];
            oap_xrange m;
            if (!attr(c, p.x, "ref", ref, sizeof ref, &rc)) {
                if (rc != OA_OK)
                    break;
                continue;
            }
            if (range_parse(ref, &m) != 0) {
                rc = fail(c->errs, OA_EINVALID, c->where, line, "the "
                          "merged range '%s' is no range of cells", ref);
                break;
            }
            if (sh->merges.n >= c->lim->cells) {
                rc = fail(c->errs, OA_ELIMIT, c->where, line, "more than "
                          "%zu merged ranges", c->lim->cells);
                break;
            }
            if (OAP_VPUSH(sh->merges, m) != OA_OK) {
                rc = OA_ENOMEM;
                break;
            }
        }
    }
    part_close(&p);
    return rc;
}

/* ---- the workbook ---- */

static int open_archive(xlsx *c, const char *data, size_t size)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_int64_t n;
    int rc = OA_OK;
    set_where(c, NULL);
    if (size == 0)
        return fail(c->errs, OA_EPARSE, c->where, -1, "an empty file, not "
                    "a workbook");
    if (size >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return fail(c->errs, OA_EPARSE, c->where, -1, "a workbook of Excel "
                    "97-2003 (.xls) or one with a password: save it as an "
                    ".xlsx workbook without a password");
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, size, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return OA_ENOMEM;
    }
    c->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (c->za == NULL) {
        int code = zip_error_code_zip(&ze);
        zip_source_free(src);
        if (code == ZIP_ER_MEMORY)
            rc = OA_ENOMEM;
        else if (code == ZIP_ER_NOZIP)
            rc = fail(c->errs, OA_EPARSE, c->where, -1, "not a workbook: "
                      "no zip archive, or a truncated one (an .xlsx "
                      "workbook is a zip archive)");
        else
            rc = fail(c->errs, OA_EPARSE, c->where, -1, "a damaged zip "
                      "archive: %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return rc;
    }
    zip_error_fini(&ze);
    n = zip_get_num_entries(c->za, 0);
    if (n < 0 || (zip_uint64_t)n > c->lim->entries)
        return fail(c->errs, OA_ELIMIT, c->where, -1, "the archive holds "
                    "%lld entries, more than the limit of %zu", (long long)n,
                    c->lim->entries);
    if (zip_name_locate(c->za, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
        if (zip_name_locate(c->za, "mimetype", 0) >= 0 &&
            zip_name_locate(c->za, "content.xml", 0) >= 0)
            return fail(c->errs, OA_EPARSE, c->where, -1, "an OpenDocument "
                        "file (.ods), not an .xlsx workbook: save it as "
                        ".xlsx");
        if (zip_name_locate(c->za, "word/document.xml", ZIP_FL_NOCASE) >= 0)
            return fail(c->errs, OA_EPARSE, c->where, -1, "a Word document, "
                        "not an .xlsx workbook");
        return fail(c->errs, OA_EPARSE, c->where, -1, "not an .xlsx "
                    "workbook: the archive has no xl/workbook.xml");
    }
    return OA_OK;
}

static int read_book(xlsx *c)
{
    wsheets list = { NULL, 0, 0 };
    char name[MAX_TARGET + 4], what[MAX_NAME + 16];
    const rel *r;
    size_t i;
    int rc = read_workbook(c, &list);
    if (rc == OA_OK)
        rc = read_rels(c);
    if (rc == OA_OK && (r = rel_of_type(c, "/sharedStrings")) != NULL &&
        (rc = rel_part(c, r, "the shared strings", name, sizeof name)) ==
            OA_OK)
        rc = read_sst(c, name);
    if (rc == OA_OK && (r = rel_of_type(c, "/styles")) != NULL &&
        (rc = rel_part(c, r, "the styles", name, sizeof name)) == OA_OK)
        rc = read_styles(c, name);
    for (i = 0; rc == OA_OK && i < list.n; i++) {
        const wsheet *w = &list.v[i];
        r = find_rel(c, w->rid);
        if (r == NULL) {
            set_where(c, "xl/_rels/workbook.xml.rels");
            rc = fail(c->errs, OA_EPARSE, c->where, -1, "no relationship "
                      "'%s', which sheet '%s' names", w->rid, w->name);
            break;
        }
        /* Chart and dialog sheets hold no grid: never opened. */
        if (!ends_with(r->type, "/worksheet"))
            continue;
        snprintf(what, sizeof what, "sheet '%s'", w->name);
        rc = rel_part(c, r, what, name, sizeof name);
        if (rc != OA_OK)
            break;
        if (sheet_add(c->b, w->name, name, w->hidden) == NULL) {
            rc = OA_ENOMEM;
            break;
        }
        rc = read_sheet(c, name);
    }
    oap_free(list.v);
    return rc;
}

/* The end of a read: out of memory said once, the book freed on
 * failure. */
static int finish(oap_book **out, oap_book *b, int rc, oa_error_list *errs,
                  size_t nerrs, const char *source)
{
    if (rc == OA_ENOMEM && oa_error_list_count(errs) == nerrs)
        fail(errs, OA_ENOMEM, source, -1, "out of memory");
    if (rc != OA_OK) {
        oap_book_free(b);
        return rc;
    }
    *out = b;
    return OA_OK;
}

int oap_book_read_memory(oap_book **out, const char *data, size_t size,
                         const char *source, const oap_book_limits *lim,
                         oa_error_list *errs)
{
    oap_book_limits lb;
    xlsx c;
    size_t nerrs = oa_error_list_count(errs);
    int rc;
    OAP_ARG(out);
    *out = NULL;
    OAP_ARG(data || size == 0);
    if (source == NULL)
        source = "workbook";
    memset(&c, 0, sizeof c);
    c.lim = limits(lim, &lb);
    c.errs = errs;
    oap_buf_init(&c.t1);
    oap_buf_init(&c.t2);
    c.b = book_new(source, 0);
    if (c.b == NULL)
        return finish(out, NULL, OA_ENOMEM, errs, nerrs, source);
    rc = open_archive(&c, data ? data : "", size);
    if (rc == OA_OK)
        rc = read_book(&c);
    if (c.za)
        zip_discard(c.za);
    oap_free(c.rels.v);
    oap_arena_free(&c.scratch);
    oap_free(c.sst.v);
    oap_free(c.xf_date.v);
    oap_buf_free(&c.t1);
    oap_buf_free(&c.t2);
    return finish(out, c.b, rc, errs, nerrs, source);
}

int oap_book_read_file(oap_book **out, const char *path,
                       const oap_book_limits *lim, oa_error_list *errs)
{
    oap_book_limits lb;
    oa_error e;
    char *data;
    size_t size;
    int rc;
    OAP_ARG(out && path);
    *out = NULL;
    oa_error_clear(&e);
    rc = oap_read_file(&data, &size, path, limits(lim, &lb)->file_bytes, &e);
    if (rc != OA_OK) {
        oap_error_list_push(errs, &e);
        return rc;
    }
    rc = oap_book_read_memory(out, data, size, path, lim, errs);
    oap_free(data);
    return rc;
}

/* ---- folders of CSV files ---- */

/* The length of the UTF-8 character at p (before end), 0 when it is not
 * one (broken, overlong, a surrogate, beyond U+10FFFF) or is NUL. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned long cp;
    return oap_utf8_char(p, (size_t)(end - p), &cp);
}

static int csv_check_text(const char *data, size_t size, const char *path,
                          oa_error_list *errs)
{
    const unsigned char *p = (const unsigned char *)data, *end = p + size;
    int line = 1;
    if (size >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
                      (p[0] == 0xFE && p[1] == 0xFF)))
        return fail(errs, OA_EPARSE, path, 1, "UTF-16 text: save the file "
                    "as CSV in UTF-8");
    while (p < end) {
        size_t n = utf8_len(p, end);
        if (n == 0) {
            if (*p == 0)
                return fail(errs, OA_EPARSE, path, line, "a NUL byte: not "
                            "a text file");
            return fail(errs, OA_EPARSE, path, line, "not UTF-8 text (the "
                        "byte 0x%02X): save the file as CSV in UTF-8", *p);
        }
        line += *p == '\n';
        p += n;
    }
    return OA_OK;
}

/* The fields of one CSV file into the last sheet of b. */
static int csv_parse(oap_book *b, const char *data, size_t size,
                     const char *path, const oap_book_limits *lim,
                     oa_error_list *errs)
{
    sheet *sh = &b->sheets.v[b->sheets.n - 1];
    const char *p = data, *end = data + size;
    int line = 1, row = 0, rc = OA_OK;
    oap_buf f;
    if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    rc = csv_check_text(p, (size_t)(end - p), path, errs);
    if (rc != OA_OK)
        return rc;
    oap_buf_init(&f);
    while (rc == OA_OK && p < end) {
        int col = 0;
        if (row >= OAP_XLSX_MAX_ROWS) {
            rc = fail(errs, OA_ELIMIT, path, line, "more than %d rows",
                      OAP_XLSX_MAX_ROWS);
            break;
        }
        if (OAP_VPUSH(sh->lines, line) != OA_OK) {
            rc = OA_ENOMEM;
            break;
        }
        for (;;) {
            char cn[8];
            int fline = line;
            buf_reset(&f);
            if (p < end && *p == '"') {
                p++;
                for (;;) {
                    const char *q = memchr(p, '"', (size_t)(end - p)), *s;
                    if (q == NULL) {
                        rc = fail(errs, OA_EPARSE, path, fline, "a quoted "
                                  "field that never ends: its closing '\"' "
                                  "is missing");
                        break;
                    }
                    for (s = p; s < q; s++)
                        line += *s == '\n';
                    oap_buf_putn(&f, p, (size_t)(q - p));
                    p = q + 1;
                    if (p < end && *p == '"') {
                        oap_buf_putn(&f, "\"", 1);
                        p++;
                        continue;
                    }
                    break;
                }
                if (rc != OA_OK)
                    break;
                if (p < end && *p != ',' && *p != '\n' && *p != '\r') {
                    oap_xcol_name(cn, sizeof cn, col);
                    rc = fail(errs, OA_EPARSE, path, line, "text after the "
                              "closing quote of the field in column %s (a "
                              "quote inside a quoted field is written "
                              "\"\")", cn);
                    break;
                }
            } else {
                const char *q = p;
                while (q < end && *q != ',' && *q != '\n' && *q != '\r')
                    q++;
                oap_buf_putn(&f, p, (size_t)(q - p));
                p = q;
            }
            if (f.failed) {
                rc = OA_ENOMEM;
                break;
            }
            if (f.len > 0) {
                oap_xcell x;
                if (text_too_long(f.data, f.len, lim->text)) {
                    oap_xcol_name(cn, sizeof cn, col);
                    rc = fail(errs, OA_ELIMIT, path, fline, "column %s holds "
                              "%zu characters, more than the limit of %zu "
                              "of a cell", cn, utf8_chars(f.data, f.len),
                              lim->text);
                    break;
                }
                x.text = oap_arena_str(&b->text, f.data);
                x.num = 0;
                x.row = row;
                x.col = (unsigned short)col;
                x.kind = OAP_X_TEXT;
                x.flags = 0;
                if (x.text == NULL) {
                    rc = OA_ENOMEM;
                    break;
                }
                if ((rc = push_cell(errs, b, lim, &x)) != OA_OK)
                    break;
            }
            if (p < end && *p == ',') {
                p++;
                if (++col >= OAP_XLSX_MAX_COLS) {
                    rc = fail(errs, OA_ELIMIT, path, line, "more than %d "
                              "columns", OAP_XLSX_MAX_COLS);
                    break;
                }
                continue;
            }
            if (p < end && *p == '\r') {
                p++;
                if (p < end && *p == '\n')
                    p++;
                line++;
            } else if (p < end && *p == '\n') {
                p++;
                line++;
            }
            break;
        }
        row++;
    }
    oap_buf_free(&f);
    return rc;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int csv_dir(oap_book *b, const char *dir, const oap_book_limits *lim,
                   oa_error_list *errs)
{
    OAP_VEC(char *) names = { NULL, 0, 0 };
    DIR *d;
    struct dirent *e;
    size_t i, total = 0, nd = strlen(dir);
    int rc = OA_OK;
    d = opendir(dir);
    if (d == NULL)
        return fail(errs, OA_EIO, dir, -1, "%s: %s", errno == ENOTDIR
                    ? "not a folder" : "cannot open the folder",
                    strerror(errno));
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        size_t len = strlen(n);
        char *copy;
        if (n[0] == '.' || len <= 4 || strcasecmp(n + len - 4, ".csv") != 0)
            continue;
        if (!oap_text_clean(n)) {
            rc = fail(errs, OA_EINVALID, dir, -1, "a file whose name holds "
                      "a control character or is not UTF-8");
            break;
        }
        if (names.n >= lim->sheets) {
            rc = fail(errs, OA_ELIMIT, dir, -1, "more than %zu .csv files",
                      lim->sheets);
            break;
        }
        copy = oap_strdup(n);
        if (copy == NULL || OAP_VPUSH(names, copy) != OA_OK) {
            oap_free(copy);
            rc = OA_ENOMEM;
            break;
        }
    }
    closedir(d);
    if (rc == OA_OK && names.n == 0)
        rc = fail(errs, OA_EIO, dir, -1, "the folder holds no .csv file");
    if (rc == OA_OK)
        qsort(names.v, names.n, sizeof *names.v, cmp_names);
    for (i = 0; rc == OA_OK && i < names.n; i++) {
        size_t len = strlen(names.v[i]);
        char *path = oap_malloc(nd + len + 2), *data = NULL;
        size_t size;
        struct stat st;
        oa_error err;
        if (path == NULL) {
            rc = OA_ENOMEM;
            break;
        }
        snprintf(path, nd + len + 2, "%s%s%s", dir,
                 nd && dir[nd - 1] == '/' ? "" : "/", names.v[i]);
        names.v[i][len - 4] = '\0'; /* the sheet's name */
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            oap_free(path); /* a folder named x.csv, a broken link */
            continue;
        }
        if (oap_book_sheet_find(b, names.v[i]) >= 0) {
            rc = fail(errs, OA_EINVALID, path, -1, "a second file of sheet "
                      "'%s' (names differ only in case)", names.v[i]);
            oap_free(path);
            break;
        }
        if ((unsigned long long)st.st_size <= lim->part_bytes &&
            (unsigned long long)st.st_size > lim->total_bytes - total) {
            rc = fail(errs, OA_ELIMIT, path, -1, "the .csv files come to "
                      "more than the limit of %zu bytes of a folder",
                      lim->total_bytes);
            oap_free(path);
            break;
        }
        oa_error_clear(&err);
        rc = oap_read_file(&data, &size, path,
                           lim->part_bytes < lim->total_bytes - total
                               ? lim->part_bytes
                               : lim->total_bytes - total,
                           &err);
        if (rc != OA_OK) {
            if (oap_error_list_push(errs, &err) != OA_OK)
                rc = OA_ENOMEM;
        } else {
            total += size;
            if (sheet_add(b, names.v[i], path, 0) == NULL)
                rc = OA_ENOMEM;
            else
                rc = csv_parse(b, data, size, path, lim, errs);
        }
        oap_free(data);
        oap_free(path);
    }
    for (i = 0; i < names.n; i++)
        oap_free(names.v[i]);
    oap_free(names.v);
    return rc;
}

int oap_book_read_csv_dir(oap_book **out, const char *dir,
                          const oap_book_limits *lim, oa_error_list *errs)
{
    oap_book_limits lb;
    size_t nerrs = oa_error_list_count(errs);
    oap_book *b;
    int rc;
    OAP_ARG(out && dir);
    *out = NULL;
    b = book_new(dir, 1);
    if (b == NULL)
        return finish(out, NULL, OA_ENOMEM, errs, nerrs, dir);
    rc = csv_dir(b, dir, limits(lim, &lb), errs);
    return finish(out, b, rc, errs, nerrs, dir);
}
