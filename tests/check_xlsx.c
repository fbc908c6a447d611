/*
 * Workbooks read as grids (lib/xlsx_read.c), linked from
 * tests/libopsalign-internal.la: the library's own result workbook read
 * back, a hand-made workbook with every kind of cell, hostile archives
 * (zip bombs, headers that lie, paths out of the archive, a 100 MB sheet,
 * broken XML) refused with errors that say what is wrong, and folders of
 * CSV files.  Workbooks are built in memory with libzip; the large parts
 * come from generators, never held whole.
 */
#include "testutil.h"

#include "tables.h"
#include "xlsx_read.h"

#include <zip.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS                                                               \
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define RT REL_NS "/"

/* ---- building archives in memory ---- */

/* A part generated on the fly: head, body repeated reps times, tail.
 * With random set, each body's 'X's become pseudo-random letters (text
 * that compresses far less than zeros).  A NULL body is 4096 zeros. */
typedef struct gen {
    const char *head, *body, *tail;
    size_t reps, blen;
    int random;
    zip_uint64_t pos, size;
    unsigned long seed;
    char rep[4096];
    zip_error_t err;
} gen;

static void gen_init(gen *g, const char *head, const char *body, size_t reps,
                     const char *tail, int random)
{
    memset(g, 0, sizeof *g);
    g->head = head;
    g->body = body;
    g->blen = body ? strlen(body) : sizeof g->rep;
    g->tail = tail;
    g->reps = reps;
    g->random = random;
    g->size = strlen(head) + reps * g->blen + strlen(tail);
    ck_assert_uint_le(g->blen, sizeof g->rep);
    zip_error_init(&g->err);
}

static zip_int64_t gen_cb(void *ud, void *data, zip_uint64_t len,
                          zip_source_cmd_t cmd)
{
    gen *g = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        g->pos = 0;
        g->seed = 12345;
        return 0;
    case ZIP_SOURCE_READ: {
        char *out = data;
        zip_uint64_t n = 0, hl = strlen(g->head), bl = g->blen;
        while (n < len && g->pos < g->size) {
            zip_uint64_t p = g->pos, k;
            const char *src;
            if (p < hl) {
                src = g->head + p;
                k = hl - p;
            } else if (p < hl + g->reps * bl) {
                zip_uint64_t q = (p - hl) % bl;
                if (q == 0) {
                    size_t i;
                    if (g->body)
                        memcpy(g->rep, g->body, bl);
                    for (i = 0; g->random && i < bl; i++)
                        if (g->rep[i] == 'X') {
                            g->seed = g->seed * 1103515245 + 12345;
                            g->rep[i] = (char)('a' + (g->seed >> 16) % 26);
                        }
                }
                src = g->rep + q;
                k = bl - q;
            } else {
                zip_uint64_t t = p - hl - g->reps * bl;
                src = g->tail + t;
                k = strlen(g->tail) - t;
            }
            if (k > len - n)
                k = len - n;
            memcpy(out + n, src, k);
            n += k;
            g->pos += k;
        }
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = g->size;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&g->err, data, len);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&g->err, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

typedef struct zb {
    zip_source_t *buf;
    zip_t *za;
} zb;

static void zb_begin(zb *z)
{
    zip_error_t ze;
    zip_error_init(&ze);
    z->buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    ck_assert_ptr_nonnull(z->buf);
    zip_source_keep(z->buf);
    z->za = zip_open_from_source(z->buf, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    ck_assert_ptr_nonnull(z->za);
    zip_error_fini(&ze);
}

static void zb_add(zb *z, const char *name, const char *text)
{
    size_t n = strlen(text);
    char *copy = n ? malloc(n) : NULL;
    zip_source_t *s;
    /* libzip frees the copy (an empty one it would not take) */
    ck_assert(n == 0 || copy != NULL);
    if (n)
        memcpy(copy, text, n);
    s = zip_source_buffer(z->za, copy, n, n > 0);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_ge(zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8), 0);
}

/* g must live until zb_end. */
static void zb_add_gen(zb *z, const char *name, gen *g)
{
    zip_source_t *s = zip_source_function(z->za, gen_cb, g);
    zip_int64_t i;
    ck_assert_ptr_nonnull(s);
    i = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8);
    ck_assert_int_ge(i, 0);
    /* zeros as tight as deflate goes (1030:1); text fast */
    ck_assert_int_eq(zip_set_file_compression(z->za, (zip_uint64_t)i,
                                              ZIP_CM_DEFLATE,
                                              g->body ? 1 : 9), 0);
}

static char *zb_end(zb *z, size_t *size)
{
    zip_int64_t n;
    char *out;
    ck_assert_int_eq(zip_close(z->za), 0);
    ck_assert_int_eq(zip_source_open(z->buf), 0);
    ck_assert_int_eq(zip_source_seek(z->buf, 0, SEEK_END), 0);
    n = zip_source_tell(z->buf);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(zip_source_seek(z->buf, 0, SEEK_SET), 0);
    out = malloc((size_t)n);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(zip_source_read(z->buf, out, (zip_uint64_t)n), n);
    zip_source_close(z->buf);
    zip_source_free(z->buf);
    *size = (size_t)n;
    return out;
}

/* Makes the zip headers (local and central) of part name claim size
 * bytes uncompressed. */
static void lie_about_size(char *z, size_t n, const char *name,
                           uint32_t size)
{
    size_t i, nl = strlen(name);
    int found = 0;
    for (i = 0; i + 46 <= n; i++) {
        unsigned char *p = (unsigned char *)z + i;
        if (memcmp(p, "PK\1\2", 4) == 0 &&
            (size_t)(p[28] | p[29] << 8) == nl && i + 46 + nl <= n &&
            memcmp(p + 46, name, nl) == 0) {
            p[24] = (unsigned char)size;
            p[25] = (unsigned char)(size >> 8);
            p[26] = (unsigned char)(size >> 16);
            p[27] = (unsigned char)(size >> 24);
            found++;
        }
        if (memcmp(p, "PK\3\4", 4) == 0 &&
            (size_t)(p[26] | p[27] << 8) == nl && i + 30 + nl <= n &&
            memcmp(p + 30, name, nl) == 0) {
            p[22] = (unsigned char)size;
            p[23] = (unsigned char)(size >> 8);
            p[24] = (unsigned char)(size >> 16);
            p[25] = (unsigned char)(size >> 24);
            found++;
        }
    }
    ck_assert_int_eq(found, 2);
}

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" "
    "ContentType=\"application/xml\"/></Types>";

static const char one_sheet_book[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
    "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char sheet_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" MAIN_NS
    "\"><sheetData>";
static const char sheet_tail[] = "</sheetData></worksheet>";

/* The relationships of a one-sheet workbook whose sheet is target. */
static char *rels_to(const char *target, const char *extra)
{
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"rId1\" "
             "Type=\"" RT "worksheet\" Target=\"%s\"%s/></Relationships>",
             target, extra ? extra : "");
    return buf;
}

/* A one-sheet workbook: sheet (the part's text; NULL: a generator g),
 * the relationship's target and its extra attributes. */
static char *one_sheet(size_t *size, const char *sheet, gen *g,
                       const char *target, const char *extra)
{
    zb z;
    zb_begin(&z);
    zb_add(&z, "[Content_Types].xml", content_types);
    zb_add(&z, "xl/workbook.xml", one_sheet_book);
    zb_add(&z, "xl/_rels/workbook.xml.rels",
           rels_to(target ? target : "worksheets/sheet1.xml", extra));
    if (sheet)
        zb_add(&z, "xl/worksheets/sheet1.xml", sheet);
    else if (g)
        zb_add_gen(&z, "xl/worksheets/sheet1.xml", g);
    return zb_end(&z, size);
}

/* A sheet of the given rows (its <sheetData> content). */
static char *sheet_of(const char *rows)
{
    static char buf[70000];
    ck_assert_uint_lt(strlen(rows), 65536);
    snprintf(buf, sizeof buf, "%s%.65536s%s", sheet_head, rows, sheet_tail);
    return buf;
}

/* ---- checking reads ---- */

static oap_book *read_ok(const char *data, size_t size, const char *name)
{
    oa_error_list *errs;
    oap_book *b;
    int rc;
    char msg[1024] = "";
    ck_assert_int_eq(oa_error_list_new(&errs), OA_OK);
    rc = oap_book_read_memory(&b, data, size, name, NULL, errs);
    if (oa_error_list_count(errs) > 0)
        oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(rc == OA_OK, "read %s: %d %s", name, rc, msg);
    ck_assert_uint_eq(oa_error_list_count(errs), 0);
    oa_error_list_free(errs);
    return b;
}

/* The read fails with code, one error whose formatted text starts with
 * "bad.xlsx" and holds each of the words (up to three, NULL ends). */
static void refused(const char *data, size_t size,
                    const oap_book_limits *lim, int code, const char *w1,
                    const char *w2, const char *w3)
{
    oa_error_list *errs;
    oap_book *b = (oap_book *)1;
    char msg[1024];
    const char *w[3] = { w1, w2, w3 };
    int rc, i;
    ck_assert_int_eq(oa_error_list_new(&errs), OA_OK);
    rc = oap_book_read_memory(&b, data, size, "bad.xlsx", lim, errs);
    ck_assert_ptr_null(b);
    ck_assert_uint_ge(oa_error_list_count(errs), 1);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(rc == code, "code %d, expected %d: %s", rc, code, msg);
    ck_assert_msg(strncmp(msg, "bad.xlsx", 8) == 0, "%s", msg);
    for (i = 0; i < 3; i++)
        if (w[i])
            ck_assert_msg(strstr(msg, w[i]) != NULL, "'%s' not in: %s", w[i],
                          msg);
    oa_error_list_free(errs);
}

static const char *text_at(const oap_book *b, int sheet, int row, int col)
{
    return oap_book_cell(b, sheet, row, col)->text;
}

/* ---- references ---- */

START_TEST(test_refs)
{
    char buf[16];
    int row, col;
    ck_assert_int_eq(oap_xref_parse("A1", &row, &col), 0);
    ck_assert_int_eq(row, 0);
    ck_assert_int_eq(col, 0);
    ck_assert_int_eq(oap_xref_parse("XFD1048576", &row, &col), 0);
    ck_assert_int_eq(row, 1048575);
    ck_assert_int_eq(col, 16383);
    ck_assert_int_eq(oap_xref_parse("c14", &row, &col), 0);
    ck_assert_int_eq(row, 13);
    ck_assert_int_eq(col, 2);
    ck_assert_int_eq(oap_xref_parse("XFE1", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("A1048577", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("A0", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("A01", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("AAAA1", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("$A$1", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("A1 ", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("", &row, &col), -1);
    ck_assert_int_eq(oap_xref_parse("17", &row, &col), -1);
    oap_xcol_name(buf, sizeof buf, 0);
    ck_assert_str_eq(buf, "A");
    oap_xcol_name(buf, sizeof buf, 25);
    ck_assert_str_eq(buf, "Z");
    oap_xcol_name(buf, sizeof buf, 26);
    ck_assert_str_eq(buf, "AA");
    oap_xcol_name(buf, sizeof buf, 701);
    ck_assert_str_eq(buf, "ZZ");
    oap_xcol_name(buf, sizeof buf, 702);
    ck_assert_str_eq(buf, "AAA");
    oap_xcol_name(buf, sizeof buf, 16383);
    ck_assert_str_eq(buf, "XFD");
    oap_xref_format(buf, sizeof buf, 13, 2);
    ck_assert_str_eq(buf, "C14");
    oap_xref_format(buf, sizeof buf, 1048575, 16383);
    ck_assert_str_eq(buf, "XFD1048576");
}
END_TEST

/* ---- the library's own workbook ---- */

START_TEST(test_result_workbook)
{
    oa_plan *p = tu_read_plan("examples/small.xml");
    oa_result *r;
    oap_table *t;
    size_t nt, k, n, i;
    char *data;
    size_t size;
    oap_book *b;
    int s, row, found = 0;
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_write(&data, &size, r, OA_FORMAT_XLSX), OA_OK);
    b = read_ok(data, size, "result.xlsx");
    ck_assert_int_eq(oap_result_tables(&t, &nt, r), OA_OK);
    /* README, then a sheet per table, in order */
    ck_assert_int_eq(oap_book_sheet_count(b), (int)nt + 1);
    ck_assert_str_eq(oap_book_sheet_name(b, 0), "README");
    for (k = 0; k < nt; k++)
        ck_assert_str_eq(oap_book_sheet_name(b, (int)k + 1), t[k].name);
    ck_assert_str_eq(oap_book_sheet_name(b, 1), "summary");
    ck_assert_str_eq(oap_book_sheet_name(b, 2), "terms");
    ck_assert_str_eq(oap_book_sheet_name(b, 3), "roadmap");
    /* the objective of the summary sheet */
    s = oap_book_sheet_find(b, "summary");
    ck_assert_int_eq(s, 1);
    ck_assert_str_eq(text_at(b, s, 0, 0), "field");
    for (row = 1; row < oap_book_rows(b, s); row++)
        if (strcmp(text_at(b, s, row, 0), "objective") == 0) {
            const oap_xcell *c = oap_book_cell(b, s, row, 1);
            ck_assert_int_eq(c->kind, OAP_X_NUMBER);
            ck_assert(c->num == oa_result_objective(r));
            found = 1;
        }
    ck_assert(found);
    /* the roadmap: every initiative's id, in the result's order */
    s = oap_book_sheet_find(b, "roadmap");
    n = oa_result_initiative_count(r);
    ck_assert_uint_ge(n, 5);
    ck_assert_int_eq(oap_book_rows(b, s), (int)n + 1);
    ck_assert_int_eq(oap_book_cols(b, s), (int)t[2].ncols);
    ck_assert_str_eq(text_at(b, s, 0, 0), "initiative");
    for (i = 0; i < n; i++) {
        oa_initiative_result ir;
        ck_assert_int_eq(oa_result_initiative(&ir, r, i), OA_OK);
        ck_assert_int_eq(oap_book_cell(b, s, (int)i + 1, 0)->kind,
                         OAP_X_TEXT);
        ck_assert_str_eq(text_at(b, s, (int)i + 1, 0), ir.id);
        ck_assert_str_eq(text_at(b, s, (int)i + 1, 3),
                         ir.scheduled ? "scheduled" : "rejected");
        if (ir.scheduled) {
            double v;
            ck_assert(oap_xcell_number(oap_book_cell(b, s, (int)i + 1, 4),
                                       &v));
            ck_assert(v == ir.start + 1 || v == ir.start);
        }
    }
    ck_assert_uint_eq(oap_book_merge_count(b, s), 0);
    oap_tables_free(t, nt);
    oap_book_free(b);
    oa_free(data);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

/* ---- a hand-made workbook ---- */

static const char hand_book[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">\n"
    "<workbookPr date1904=\"false\"/>\n"
    "<sheets>\n"
    "<sheet name=\"initiatives\" sheetId=\"2\" r:id=\"rId2\"/>\n"
    "<sheet name=\"units\" sheetId=\"1\" r:id=\"rId1\"/>\n"
    "<sheet name=\"chart\" sheetId=\"4\" r:id=\"rId6\"/>\n"
    "<sheet name=\"Hidden list\" sheetId=\"3\" state=\"hidden\" "
    "r:id=\"rId3\"/>\n"
    "</sheets>\n"
    "<definedNames><definedName name=\"x\">units!$A$1</definedName>"
    "</definedNames>\n"
    "</workbook>\n";

static const char hand_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"" PKG_NS "\">\n"
    "<Relationship Id=\"rId1\" Type=\"" RT "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>\n"
    "<Relationship Id=\"rId2\" Type=\"" RT "worksheet\" "
    "Target=\"./worksheets/sheet2.xml\"/>\n"
    "<Relationship Id=\"rId3\" Type=\"" RT "worksheet\" "
    "Target=\"/xl/worksheets/sheet3.xml\"/>\n"
    "<Relationship Id=\"rId4\" Type=\"" RT "sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>\n"
    "<Relationship Id=\"rId5\" Type=\"" RT "styles\" "
    "Target=\"styles.xml\"/>\n"
    /* neither is in the archive: both must stay unopened */
    "<Relationship Id=\"rId6\" Type=\"" RT "chartsheet\" "
    "Target=\"chartsheets/sheet1.xml\"/>\n"
    "<Relationship Id=\"rId7\" Type=\"" RT "externalLink\" "
    "Target=\"file:///etc/passwd\" TargetMode=\"External\"/>\n"
    "<Relationship Id=\"rId8\" Type=\"" RT "theme\" "
    "Target=\"../../etc/passwd\"/>\n"
    "</Relationships>\n";

static const char hand_sst[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<sst xmlns=\"" MAIN_NS "\" count=\"9\" uniqueCount=\"6\">\n"
    "<si><t>id</t></si>\n"
    "<si><t>name</t></si>\n"
    "<si><r><t>Eng</t></r><r><rPr><b/></rPr><t>ineering</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>ENG</t></rPh></si>\n"
    "<si><t>a_x000D_b_x005F_x0041_ &amp; &#233;</t></si>\n"
    "<si><t></t></si>\n"
    "<si><t xml:space=\"preserve\">  spaced </t></si>\n"
    "</sst>\n";

static const char hand_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<styleSheet xmlns=\"" MAIN_NS "\">\n"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"#,##0 &quot;days&quot;\"/>"
    "</numFmts>\n"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>\n"
    "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"14\"/><xf numFmtId=\"4\"/><xf numFmtId=\"165\"/>"
    "</cellXfs>\n"
    "</styleSheet>\n";

static const char hand_sheet2[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<worksheet xmlns=\"" MAIN_NS "\" xmlns:x14ac=\"urn:x14ac\">\n"
    "<dimension ref=\"A1:Z999\"/>\n"
    "<sheetData>\n"
    "<row r=\"1\" x14ac:dyDescent=\"0.25\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>owner</t></is></c>"
    "<c r=\"D1\" t=\"str\"><f>\"x\"&amp;\"y\"</f><v>xy</v></c></row>\n"
    /* cells without r follow the one before */
    "<row r=\"2\">"
    "<c t=\"s\"><v>2</v></c>"
    "<c><v>3.5</v></c>"
    "<c t=\"b\"><v>1</v></c>"
    "<c t=\"e\"><v>#N/A</v></c>"
    "<c s=\"1\"><v>46388</v></c>"
    "<c><f>SUM(B2:B3)</f><v>7</v></c>"
    "<c r=\"H2\"><f>NOW()</f></c>"
    "<c r=\"I2\" t=\"s\"><v>4</v></c>"
    "<c r=\"J2\" s=\"3\"><v>1E3</v></c>"
    "<c r=\"K2\" s=\"4\"><v>12</v></c>"
    "<c r=\"L2\" s=\"2\"/>"
    "</row>\n"
    /* row 3 is missing */
    "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>3</v></c>"
    "<c r=\"C4\" t=\"d\"><v>2027-01-01T00:00:00</v></c>"
    "<c r=\"D4\" t=\"s\"><v>5</v></c></row>\n"
    /* a row without r follows the one before */
    "<row><c><v>-0.25</v></c><c t=\"inlineStr\"><is><r><t>in</t></r>"
    "<r><t xml:space=\"preserve\">line </t></r><rPh><t>X</t></rPh></is></c>"
    "<c t=\"b\"><v>0</v></c></row>\n"
    "</sheetData>\n"
    "<mergeCells count=\"2\"><mergeCell ref=\"A7:C8\"/>"
    "<mergeCell ref=\"E10:D9\"/></mergeCells>\n"
    "<pageMargins left=\"0.7\" right=\"0.7\"/>\n"
    "</worksheet>\n";

static const char hand_sheet1[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"3\">"
    "<c r=\"B3\" t=\"inlineStr\"><is><t>eng</t></is></c></row>"
    "</sheetData></worksheet>";

static const char hand_sheet3[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData/></worksheet>";

static char *hand_made(size_t *size)
{
    zb z;
    zb_begin(&z);
    zb_add(&z, "[Content_Types].xml", content_types);
    zb_add(&z, "xl/workbook.xml", hand_book);
    zb_add(&z, "xl/_rels/workbook.xml.rels", hand_rels);
    zb_add(&z, "xl/sharedStrings.xml", hand_sst);
    zb_add(&z, "xl/styles.xml", hand_styles);
    /* the parts' names in the opposite order of the sheets' */
    zb_add(&z, "xl/worksheets/sheet1.xml", hand_sheet1);
    zb_add(&z, "xl/worksheets/sheet2.xml", hand_sheet2);
    zb_add(&z, "xl/worksheets/sheet3.xml", hand_sheet3);
    return zb_end(&z, size);
}

START_TEST(test_hand_made)
{
    size_t size, n;
    char *data = hand_made(&size);
    oap_book *b = read_ok(data, size, "plan.xlsx");
    const oap_xcell *c, *cells;
    const oap_xrange *m;
    double v;
    ck_assert_str_eq(oap_book_source(b), "plan.xlsx");
    ck_assert(!oap_book_is_csv(b));
    ck_assert(!oap_book_date1904(b));
    /* the workbook's order, not the parts'; the chart sheet left out */
    ck_assert_int_eq(oap_book_sheet_count(b), 3);
    ck_assert_str_eq(oap_book_sheet_name(b, 0), "initiatives");
    ck_assert_str_eq(oap_book_sheet_name(b, 1), "units");
    ck_assert_str_eq(oap_book_sheet_name(b, 2), "Hidden list");
    ck_assert_ptr_null(oap_book_sheet_name(b, 3));
    ck_assert_int_eq(oap_book_sheet_find(b, "UNITS"), 1);
    ck_assert_int_eq(oap_book_sheet_find(b, "chart"), -1);
    ck_assert(!oap_book_sheet_hidden(b, 0));
    ck_assert(oap_book_sheet_hidden(b, 2));
    ck_assert_int_eq(oap_book_rows(b, 2), 0);
    ck_assert_int_eq(oap_book_cols(b, 2), 0);
    ck_assert_int_eq(oap_book_rows(b, 1), 3);
    ck_assert_int_eq(oap_book_cols(b, 1), 2);
    ck_assert_str_eq(text_at(b, 1, 2, 1), "eng");

    /* initiatives: used rows 1..5 (row 3 empty), columns A..K */
    ck_assert_int_eq(oap_book_rows(b, 0), 5);
    ck_assert_int_eq(oap_book_cols(b, 0), 11);
    ck_assert_str_eq(text_at(b, 0, 0, 0), "id");
    ck_assert_str_eq(text_at(b, 0, 0, 1), "name");
    c = oap_book_cell(b, 0, 0, 2);
    ck_assert_int_eq(c->kind, OAP_X_TEXT);
    ck_assert_str_eq(c->text, "owner");
    ck_assert_int_eq(c->flags, 0);
    c = oap_book_cell(b, 0, 0, 3);
    ck_assert_int_eq(c->kind, OAP_X_TEXT);
    ck_assert_str_eq(c->text, "xy");
    ck_assert_int_eq(c->flags, OAP_X_FORMULA);
    /* rich text runs joined, the phonetic guide left out */
    c = oap_book_cell(b, 0, 1, 0);
    ck_assert_int_eq(c->kind, OAP_X_TEXT);
    ck_assert_str_eq(c->text, "Engineering");
    ck_assert_int_eq(c->row, 1);
    ck_assert_int_eq(c->col, 0);
    c = oap_book_cell(b, 0, 1, 1);
    ck_assert_int_eq(c->kind, OAP_X_NUMBER);
    ck_assert(c->num == 3.5);
    ck_assert_str_eq(c->text, "3.5");
    c = oap_book_cell(b, 0, 1, 2);
    ck_assert_int_eq(c->kind, OAP_X_BOOL);
    ck_assert(c->num == 1);
    ck_assert_str_eq(c->text, "TRUE");
    c = oap_book_cell(b, 0, 1, 3);
    ck_assert_int_eq(c->kind, OAP_X_ERROR);
    ck_assert_str_eq(c->text, "#N/A");
    c = oap_book_cell(b, 0, 1, 4);
    ck_assert_int_eq(c->kind, OAP_X_NUMBER);
    ck_assert(c->num == 46388);
    ck_assert_int_eq(c->flags, OAP_X_DATE);
    c = oap_book_cell(b, 0, 1, 5);
    ck_assert_int_eq(c->kind, OAP_X_NUMBER);
    ck_assert(c->num == 7);
    ck_assert_int_eq(c->flags, OAP_X_FORMULA);
    /* G2 holds nothing; H2 a formula without a saved value */
    ck_assert_int_eq(oap_book_cell(b, 0, 1, 6)->kind, OAP_X_EMPTY);
    ck_assert_int_eq(oap_book_cell(b, 0, 1, 6)->row, -1);
    c = oap_book_cell(b, 0, 1, 7);
    ck_assert_int_eq(c->kind, OAP_X_EMPTY);
    ck_assert_int_eq(c->flags, OAP_X_FORMULA);
    ck_assert_int_eq(c->row, 1);
    ck_assert_str_eq(c->text, "");
    /* an empty shared string is an empty cell */
    ck_assert_int_eq(oap_book_cell(b, 0, 1, 8)->kind, OAP_X_EMPTY);
    ck_assert_int_eq(oap_book_cell(b, 0, 1, 8)->row, -1);
    c = oap_book_cell(b, 0, 1, 9);
    ck_assert_int_eq(c->kind, OAP_X_NUMBER);
    ck_assert(c->num == 1000);
    ck_assert_int_eq(c->flags, 0); /* #,##0.00 is no date */
    c = oap_book_cell(b, 0, 1, 10);
    ck_assert(c->num == 12);
    ck_assert_int_eq(c->flags, 0); /* "days" in quotes is no date */
    ck_assert_int_eq(oap_book_cell(b, 0, 1, 11)->kind, OAP_X_EMPTY);
    /* the empty row */
    for (n = 0; n < 12; n++)
        ck_assert_int_eq(oap_book_cell(b, 0, 2, (int)n)->kind, OAP_X_EMPTY);
    /* Excel's escapes undone, XML's too */
    ck_assert_str_eq(text_at(b, 0, 3, 1), "a\rb_x0041_ & \xC3\xA9");
    c = oap_book_cell(b, 0, 3, 2);
    ck_assert_int_eq(c->kind, OAP_X_TEXT);
    ck_assert_int_eq(c->flags, OAP_X_DATE);
    ck_assert_str_eq(c->text, "2027-01-01T00:00:00");
    ck_assert_str_eq(text_at(b, 0, 3, 3), "  spaced ");
    /* the row without r is row 5 */
    c = oap_book_cell(b, 0, 4, 0);
    ck_assert_int_eq(c->kind, OAP_X_NUMBER);
    ck_assert(c->num == -0.25);
    ck_assert_str_eq(text_at(b, 0, 4, 1), "inline ");
    c = oap_book_cell(b, 0, 4, 2);
    ck_assert_int_eq(c->kind, OAP_X_BOOL);
    ck_assert(c->num == 0);
    ck_assert_str_eq(c->text, "FALSE");
    /* out of range: empty, never NULL */
    ck_assert_int_eq(oap_book_cell(b, 0, -1, 0)->kind, OAP_X_EMPTY);
    ck_assert_int_eq(oap_book_cell(b, 7, 0, 0)->kind, OAP_X_EMPTY);
    ck_assert_int_eq(oap_book_cell(b, 0, 2000000, 0)->kind, OAP_X_EMPTY);
    /* every cell that holds something, in order */
    cells = oap_book_cells(b, 0, &n);
    ck_assert_uint_eq(n, 19);
    for (size_t i = 1; i < n; i++)
        ck_assert(cells[i - 1].row < cells[i].row ||
                  (cells[i - 1].row == cells[i].row &&
                   cells[i - 1].col < cells[i].col));
    /* numbers in text */
    ck_assert(oap_xcell_number(oap_book_cell(b, 0, 1, 1), &v) && v == 3.5);
    ck_assert(!oap_xcell_number(oap_book_cell(b, 0, 0, 0), &v));
    ck_assert(!oap_xcell_number(oap_book_cell(b, 0, 1, 2), &v));
    /* merged ranges */
    ck_assert_uint_eq(oap_book_merge_count(b, 0), 2);
    m = oap_book_merge(b, 0, 0);
    ck_assert_int_eq(m->row0, 6);
    ck_assert_int_eq(m->col0, 0);
    ck_assert_int_eq(m->row1, 7);
    ck_assert_int_eq(m->col1, 2);
    m = oap_book_merge(b, 0, 1);
    ck_assert_int_eq(m->row0, 8);
    ck_assert_int_eq(m->col0, 3);
    ck_assert_int_eq(m->row1, 9);
    ck_assert_int_eq(m->col1, 4);
    ck_assert_ptr_eq(oap_book_merged(b, 0, 7, 1), oap_book_merge(b, 0, 0));
    ck_assert_ptr_null(oap_book_merged(b, 0, 5, 1));
    ck_assert_ptr_null(oap_book_merge(b, 0, 2));
    ck_assert_uint_eq(oap_book_merge_count(b, 1), 0);
    oap_book_free(b);
    free(data);
}
END_TEST

/* Errors at a cell read as a compiler's do. */
START_TEST(test_locate)
{
    size_t size;
    char *data = hand_made(&size), msg[600], src[OA_ERROR_SOURCE_LENGTH];
    oap_book *b = read_ok(data, size, "plan.xlsx");
    oa_error_list *errs;
    int line;
    ck_assert_int_eq(oa_error_list_new(&errs), OA_OK);
    ck_assert_int_eq(oap_book_error(errs, OA_EINVALID, b, 0, 13, 2,
                                    "unknown unit '%s'", "enginering"),
                     OA_OK);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_str_eq(msg, "plan.xlsx:initiatives!C14: error: unknown unit "
                          "'enginering'");
    ck_assert_int_eq(oa_error_list_get(errs, 0)->code, OA_EINVALID);
    ck_assert_int_eq(oa_error_list_get(errs, 0)->line, -1);
    /* a whole row: its number as the line */
    oap_book_error(errs, OA_EINVALID, b, 0, 13, -1, "no id");
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 1));
    ck_assert_str_eq(msg, "plan.xlsx:initiatives:14: error: no id");
    /* a sheet name with a space is quoted, as Excel does */
    oap_book_locate(src, sizeof src, &line, b, 2, 0, 0);
    ck_assert_str_eq(src, "plan.xlsx:'Hidden list'!A1");
    ck_assert_int_eq(line, -1);
    oap_book_locate(src, sizeof src, &line, b, -1, 3, 3);
    ck_assert_str_eq(src, "plan.xlsx");
    /* a long file name loses its start, not the cell */
    {
        oap_book *lb;
        char name[400];
        memset(name, 'd', sizeof name - 1);
        name[sizeof name - 1] = '\0';
        memcpy(name + sizeof name - 6, ".xlsx", 5);
        lb = read_ok(data, size, name);
        oap_book_locate(src, sizeof src, &line, lb, 0, 13, 2);
        ck_assert_uint_eq(strlen(src), sizeof src - 1);
        ck_assert_str_eq(src + strlen(src) - 24,
                         "ddd.xlsx:initiatives!C14");
        ck_assert(strncmp(src, "...", 3) == 0);
        oap_book_free(lb);
    }
    oa_error_list_free(errs);
    oap_book_free(b);
    free(data);
}
END_TEST

/* ---- hostile workbooks ---- */

START_TEST(test_zip_bomb)
{
    /* 200 MB of zeros, deflated to about 200 KB; the header says so */
    gen g;
    size_t size;
    char *data;
    gen_init(&g, "", NULL, (200 << 20) / 4096, "", 0);
    data = one_sheet(&size, NULL, &g, NULL, NULL);
    ck_assert_uint_lt(size, 1 << 20);
    refused(data, size, NULL, OA_ELIMIT, "bad.xlsx:xl/worksheets/sheet1.xml",
            "compressed more than 200 to 1", "a zip bomb, refused");
    free(data);
}
END_TEST

START_TEST(test_lying_headers)
{
    gen g;
    size_t size;
    char *data;
    /* 40 MB of zeros, the headers claiming 1000 bytes: the ratio stops it
     * while reading */
    gen_init(&g, "", NULL, (40 << 20) / 4096, "", 0);
    data = one_sheet(&size, NULL, &g, NULL, NULL);
    lie_about_size(data, size, "xl/worksheets/sheet1.xml", 1000);
    refused(data, size, NULL, OA_ELIMIT, "xl/worksheets/sheet1.xml",
            "a zip bomb", "whatever the zip header says");
    free(data);
    /* 40 MB of text that compresses about 2:1 claiming 1000 bytes:
     * stopped one byte past the cap of a part */
    gen_init(&g, sheet_head,
             "<row><c t=\"inlineStr\"><is><t>XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
             "XXXXXXXXXXXXXXXX</t></is></c></row>\n",
             (40 << 20) / 100, sheet_tail, 1);
    data = one_sheet(&size, NULL, &g, NULL, NULL);
    ck_assert_uint_gt(size, 10 << 20);
    lie_about_size(data, size, "xl/worksheets/sheet1.xml", 1000);
    refused(data, size, NULL, OA_ELIMIT, "xl/worksheets/sheet1.xml",
            "more than the limit of 33554432 bytes of a part uncompressed",
            "header says: 1000");
    free(data);
}
END_TEST

START_TEST(test_big_sheet)
{
    /* a real sheet of 100 MB: 700,000 rows of ten cells */
    gen g;
    size_t size;
    char *data;
    gen_init(&g, sheet_head,
             "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c t=\"str\">"
             "<v>XXXXXXXX</v></c><c><v>5</v></c><c><v>6</v></c><c><v>7</v>"
             "</c><c><v>8</v></c><c><v>9</v></c><c><v>10</v></c></row>",
             100000000 / 148, sheet_tail, 1);
    ck_assert_uint_gt(g.size, 99000000);
    data = one_sheet(&size, NULL, &g, NULL, NULL);
    refused(data, size, NULL, OA_ELIMIT, "bad.xlsx:xl/worksheets/sheet1.xml",
            "bytes uncompressed, more than the limit of 33554432 bytes of a "
            "part", NULL);
    free(data);
}
END_TEST

START_TEST(test_paths_out)
{
    size_t size;
    char *data;
    const char *sheet = sheet_of("<row><c><v>1</v></c></row>");
    static const char *const bad[] = {
        "../../etc/passwd", "/etc/passwd", "worksheets/../../../etc/passwd",
        "http://example.com/sheet1.xml", "file:///etc/passwd",
        "worksheets\\sheet1.xml", "worksheets//sheet1.xml",
    };
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        data = one_sheet(&size, sheet, NULL, bad[i], NULL);
        refused(data, size, NULL, OA_EINVALID, "outside the workbook",
                "sheet 'data'", bad[i]);
        free(data);
    }
    data = one_sheet(&size, sheet, NULL, "worksheets/sheet1.xml",
                     " TargetMode=\"External\"");
    refused(data, size, NULL, OA_EINVALID, "TargetMode External",
            "never read", NULL);
    free(data);
    /* within xl/, written absolute: read */
    {
        oap_book *b;
        data = one_sheet(&size, sheet, NULL, "/xl/worksheets/sheet1.xml",
                         NULL);
        b = read_ok(data, size, "ok.xlsx");
        ck_assert(oap_book_cell(b, 0, 0, 0)->num == 1);
        oap_book_free(b);
        free(data);
    }
}
END_TEST

START_TEST(test_limits)
{
    size_t size;
    char *data, *big;
    oap_book_limits lim;
    static char rows[65536];
    size_t k = 0;
    int i;
    /* too many cells (a cap of 1000 for the test; 4 Mi by default) */
    memset(&lim, 0, sizeof lim);
    lim.cells = 1000;
    for (i = 0; i < 1001; i++)
        k += (size_t)snprintf(rows + k, sizeof rows - k,
                              "<row><c><v>%d</v></c></row>", i);
    data = one_sheet(&size, sheet_of(rows), NULL, NULL, NULL);
    refused(data, size, &lim, OA_ELIMIT, "bad.xlsx:data!A1001",
            "more than 1000 cells", NULL);
    free(data);
    /* a cell text longer than Excel's 32,767 characters, inline ... */
    big = malloc(70000);
    ck_assert_ptr_nonnull(big);
    strcpy(big, sheet_head);
    strcat(big, "<row><c r=\"B2\" t=\"inlineStr\"><is><t>");
    k = strlen(big);
    memset(big + k, 'a', 32768);
    strcpy(big + k + 32768, "</t></is></c></row>");
    strcat(big, sheet_tail);
    data = one_sheet(&size, big, NULL, NULL, NULL);
    refused(data, size, NULL, OA_ELIMIT, "bad.xlsx:data!B2",
            "32768 characters, more than the limit of 32767", NULL);
    free(data);
    /* ... exactly 32,767 (two bytes each) is fine ... */
    {
        oap_book *b;
        strcpy(big, sheet_head);
        strcat(big, "<row><c t=\"inlineStr\"><is><t>");
        k = strlen(big);
        for (i = 0; i < 32767; i++) {
            big[k++] = '\xC3';
            big[k++] = '\xA9';
        }
        strcpy(big + k, "</t></is></c></row>");
        strcat(big, sheet_tail);
        data = one_sheet(&size, big, NULL, NULL, NULL);
        b = read_ok(data, size, "ok.xlsx");
        ck_assert_uint_eq(strlen(text_at(b, 0, 0, 0)), 65534);
        oap_book_free(b);
        free(data);
    }
    /* ... and shared */
    {
        zb z;
        char *sst = malloc(40200);
        ck_assert_ptr_nonnull(sst);
        snprintf(sst, 200, "<sst xmlns=\"%s\"><si><t>", MAIN_NS);
        k = strlen(sst);
        memset(sst + k, 'x', 40000);
        strcpy(sst + k + 40000, "</t></si></sst>");
        zb_begin(&z);
        zb_add(&z, "xl/workbook.xml", one_sheet_book);
        zb_add(&z, "xl/_rels/workbook.xml.rels",
               "<Relationships xmlns=\"" PKG_NS "\"><Relationship "
               "Id=\"rId1\" Type=\"" RT "worksheet\" Target=\"worksheets/"
               "sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" RT
               "sharedStrings\" Target=\"sharedStrings.xml\"/>"
               "</Relationships>");
        zb_add(&z, "xl/sharedStrings.xml", sst);
        zb_add(&z, "xl/worksheets/sheet1.xml", sheet_of(""));
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_ELIMIT, "xl/sharedStrings.xml:1",
                "40000 characters", "limit of 32767");
        free(data);
        free(sst);
    }
    free(big);
    /* too many entries, too many sheets */
    {
        size_t n;
        char *book = hand_made(&n);
        memset(&lim, 0, sizeof lim);
        lim.entries = 5;
        refused(book, n, &lim, OA_ELIMIT, "8 entries", "limit of 5", NULL);
        lim.entries = 0;
        lim.sheets = 2;
        refused(book, n, &lim, OA_ELIMIT, "bad.xlsx:xl/workbook.xml:10",
                "more than 2 sheets", NULL);
        /* a cap on the whole */
        lim.sheets = 0;
        lim.total_bytes = 3000;
        refused(book, n, &lim, OA_ELIMIT, "more than the limit of 3000 "
                "bytes of a workbook", NULL, NULL);
        free(book);
    }
    /* rows and columns beyond Excel's */
    data = one_sheet(&size, sheet_of("<row r=\"1048577\"/>"), NULL, NULL,
                     NULL);
    refused(data, size, NULL, OA_EINVALID, "bad.xlsx:xl/worksheets/sheet1."
            "xml:2", "row number '1048577'", NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row r=\"1048576\"/><row/>"), NULL,
                     NULL, NULL);
    refused(data, size, NULL, OA_ELIMIT, "more than 1048576 rows", NULL,
            NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c r=\"XFE1\"><v>1</v></c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "'XFE1' is no cell", NULL, NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c r=\"XFD1\"><v>1</v></c><c>"
                                     "<v>2</v></c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_ELIMIT, "more than 16384 columns", NULL,
            NULL);
    free(data);
}
END_TEST

START_TEST(test_broken)
{
    size_t size, n;
    char *data, *good;
    /* not XML */
    data = one_sheet(&size, "this is not XML", NULL, NULL, NULL);
    refused(data, size, NULL, OA_EPARSE, "bad.xlsx:xl/worksheets/sheet1.xml"
            ":1: error: not well-formed XML", NULL, NULL);
    free(data);
    data = one_sheet(&size, "", NULL, NULL, NULL);
    refused(data, size, NULL, OA_EPARSE, "xl/worksheets/sheet1.xml",
            "empty", NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c><v>1</v></row>"), NULL, NULL,
                     NULL);
    refused(data, size, NULL, OA_EPARSE, "xl/worksheets/sheet1.xml:2",
            "not well-formed XML", NULL);
    free(data);
    /* truncated XML */
    data = one_sheet(&size, "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>",
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EPARSE, "not well-formed XML", NULL, NULL);
    free(data);
    /* the wrong part */
    data = one_sheet(&size, "<sst xmlns=\"" MAIN_NS "\"/>", NULL, NULL,
                     NULL);
    refused(data, size, NULL, OA_EPARSE, "holds <sst>", "<worksheet>", NULL);
    free(data);
    /* missing */
    data = one_sheet(&size, NULL, NULL, NULL, NULL);
    refused(data, size, NULL, OA_EPARSE,
            "bad.xlsx:xl/worksheets/sheet1.xml: error: the part is missing",
            NULL, NULL);
    free(data);
    /* a DTD, with entities that would grow a billion times */
    data = one_sheet(&size,
                     "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [\n"
                     "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
                     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                     "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                     "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                     "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
                     "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
                     "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
                     "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
                     "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row><c "
                     "t=\"inlineStr\"><is><t>&g;&x;</t></is></c></row>"
                     "</sheetData></worksheet>",
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "xl/worksheets/sheet1.xml",
            "DTD", NULL);
    free(data);
    /* nested too deep */
    {
        static char deep[4096];
        int i;
        strcpy(deep, "<worksheet xmlns=\"" MAIN_NS "\">");
        for (i = 0; i < 100; i++)
            strcat(deep, "<x>");
        for (i = 0; i < 100; i++)
            strcat(deep, "</x>");
        strcat(deep, "</worksheet>");
        data = one_sheet(&size, deep, NULL, NULL, NULL);
        refused(data, size, NULL, OA_ELIMIT, "nested more than 64 deep",
                NULL, NULL);
        free(data);
    }
    /* UTF-16 is XML too, when it is valid; NUL bytes never are */
    {
        static const char u8[] = "<worksheet xmlns=\"" MAIN_NS "\">"
                                 "<sheetData><row><c t=\"inlineStr\"><is><t>"
                                 "h\xC3\xA9</t></is></c></row></sheetData>"
                                 "</worksheet>";
        char u16[1024];
        size_t i, k = 0;
        oap_book *b;
        zb z;
        u16[k++] = '\xFF';
        u16[k++] = '\xFE';
        for (i = 0; u8[i]; i++) {
            if (u8[i] == '\xC3') {
                u16[k++] = '\xE9'; /* é */
                u16[k++] = 0;
                i++;
                continue;
            }
            u16[k++] = u8[i];
            u16[k++] = 0;
        }
        zb_begin(&z);
        zb_add(&z, "xl/workbook.xml", one_sheet_book);
        zb_add(&z, "xl/_rels/workbook.xml.rels",
               rels_to("worksheets/sheet1.xml", NULL));
        {
            char *copy = malloc(k);
            zip_source_t *src;
            ck_assert_ptr_nonnull(copy);
            memcpy(copy, u16, k);
            src = zip_source_buffer(z.za, copy, k, 1);
            ck_assert_int_ge(zip_file_add(z.za, "xl/worksheets/sheet1.xml",
                                          src, 0), 0);
        }
        data = zb_end(&z, &size);
        b = read_ok(data, size, "utf16.xlsx");
        ck_assert_str_eq(text_at(b, 0, 0, 0), "h\xC3\xA9");
        oap_book_free(b);
        free(data);
        /* a lone surrogate */
        zb_begin(&z);
        zb_add(&z, "xl/workbook.xml", one_sheet_book);
        zb_add(&z, "xl/_rels/workbook.xml.rels",
               rels_to("worksheets/sheet1.xml", NULL));
        {
            char *copy = malloc(8);
            zip_source_t *src;
            ck_assert_ptr_nonnull(copy);
            memcpy(copy, "\xFF\xFE<\0\x00\xD8" "a\0", 8);
            src = zip_source_buffer(z.za, copy, 8, 1);
            ck_assert_int_ge(zip_file_add(z.za, "xl/worksheets/sheet1.xml",
                                          src, 0), 0);
        }
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_EPARSE, "not valid UTF-16", NULL, NULL);
        free(data);
        /* a NUL after the document */
        zb_begin(&z);
        zb_add(&z, "xl/workbook.xml", one_sheet_book);
        zb_add(&z, "xl/_rels/workbook.xml.rels",
               rels_to("worksheets/sheet1.xml", NULL));
        {
            char *copy = malloc(15);
            zip_source_t *src;
            ck_assert_ptr_nonnull(copy);
            memcpy(copy, "<worksheet/>\n\0x", 15);
            src = zip_source_buffer(z.za, copy, 15, 1);
            ck_assert_int_ge(zip_file_add(z.za, "xl/worksheets/sheet1.xml",
                                          src, 0), 0);
        }
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_EPARSE, "xl/worksheets/sheet1.xml:2",
                "a NUL byte", NULL);
        free(data);
    }
    /* a control character */
    data = one_sheet(&size, "<worksheet>\n<x>\x01</x></worksheet>", NULL,
                     NULL, NULL);
    refused(data, size, NULL, OA_EPARSE, "xl/worksheets/sheet1.xml:2",
            "not well-formed XML", NULL);
    free(data);
    /* an element of many attributes (libxml2 2.9 takes quadratic time) */
    {
        static char crowd[65536];
        int i;
        size_t k;
        k = (size_t)snprintf(crowd, sizeof crowd, "<worksheet xmlns=\""
                             MAIN_NS "\">\n<!-- a='1' b=\"2\" -->\n"
                             "<sheetData/>\n<x");
        for (i = 0; i < 5000; i++)
            k += (size_t)snprintf(crowd + k, sizeof crowd - k, " a%d=''", i);
        snprintf(crowd + k, sizeof crowd - k, "/></worksheet>");
        data = one_sheet(&size, crowd, NULL, NULL, NULL);
        refused(data, size, NULL, OA_ELIMIT, "xl/worksheets/sheet1.xml:4",
                "an element with more than 64 attributes", NULL);
        free(data);
    }
    /* cells out of order, a bad number, a bad type, a string that is not
     * there */
    data = one_sheet(&size, sheet_of("<row><c r=\"B1\"><v>1</v></c>"
                                     "<c r=\"A1\"><v>1</v></c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "cell A1 comes after cell B1",
            NULL, NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row r=\"2\"/><row r=\"2\"/>"), NULL,
                     NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "row 2 comes after row 2", NULL,
            NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c r=\"A1\"/><c r=\"C2\"/></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "cell C2 is in row 1", NULL, NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row r=\"3\"><c r=\"D3\"><v>1,5</v>"
                                     "</c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID,
            "bad.xlsx:data!D3: error: '1,5' is not a number", NULL, NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c t=\"zz\"><v>1</v></c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "bad.xlsx:data!A1",
            "type 'zz'", NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c t=\"s\"><v>0</v></c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "bad.xlsx:data!A1",
            "shared string", NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<row><c t=\"b\"><v>2</v></c></row>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "not a boolean", NULL, NULL);
    free(data);
    data = one_sheet(&size, sheet_of("<mergeCells><mergeCell ref=\"A1:"
                                     "ZZZZ2\"/></mergeCells>"),
                     NULL, NULL, NULL);
    refused(data, size, NULL, OA_EINVALID, "merged range 'A1:ZZZZ2'", NULL,
            NULL);
    free(data);
    /* not a zip archive, empty, truncated, an old .xls */
    refused("hello, world\n", 13, NULL, OA_EPARSE, "bad.xlsx: error:",
            "no zip archive", NULL);
    refused("", 0, NULL, OA_EPARSE, "bad.xlsx: error: an empty file", NULL,
            NULL);
    good = hand_made(&n);
    refused(good, n / 2, NULL, OA_EPARSE, "bad.xlsx: error:", "zip", NULL);
    refused(good, n - 10, NULL, OA_EPARSE, "bad.xlsx: error:", "zip", NULL);
    /* a damaged entry: its data overwritten */
    {
        char *d = malloc(n);
        ck_assert_ptr_nonnull(d);
        memcpy(d, good, n);
        memset(d + 100, 0x55, 200);
        refused(d, n, NULL, OA_EPARSE, "bad.xlsx", NULL, NULL);
        free(d);
    }
    free(good);
    refused("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more", 17, NULL, OA_EPARSE,
            "Excel 97-2003", NULL, NULL);
    /* a zip that is no workbook */
    {
        zb z;
        zb_begin(&z);
        zb_add(&z, "mimetype", "application/vnd.oasis.opendocument."
                               "spreadsheet");
        zb_add(&z, "content.xml", "<x/>");
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_EPARSE, "OpenDocument", NULL, NULL);
        free(data);
        zb_begin(&z);
        zb_add(&z, "readme.txt", "hello");
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_EPARSE, "no xl/workbook.xml", NULL,
                NULL);
        free(data);
    }
    /* two sheets of one name; a sheet whose relationship is missing */
    {
        zb z;
        zb_begin(&z);
        zb_add(&z, "xl/workbook.xml",
               "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
               "<sheets><sheet name=\"a\" r:id=\"rId1\"/><sheet name=\"A\" "
               "r:id=\"rId1\"/></sheets></workbook>");
        zb_add(&z, "xl/_rels/workbook.xml.rels", rels_to("x.xml", NULL));
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_EINVALID, "two sheets named 'A'", NULL,
                NULL);
        free(data);
        zb_begin(&z);
        zb_add(&z, "xl/workbook.xml",
               "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
               "<sheets><sheet name=\"a\" r:id=\"rId9\"/></sheets>"
               "</workbook>");
        zb_add(&z, "xl/_rels/workbook.xml.rels", rels_to("x.xml", NULL));
        data = zb_end(&z, &size);
        refused(data, size, NULL, OA_EPARSE, "no relationship 'rId9'",
                "sheet 'a'", NULL);
        free(data);
    }
}
END_TEST

/* Every allocation failing in turn: OA_ENOMEM with an error, or success;
 * never a crash or a leak. */
static void *counting_malloc(size_t n);
static void *counting_realloc(void *p, size_t n);
static long alloc_count;
static void *counting_malloc(size_t n)
{
    alloc_count++;
    return malloc(n);
}
static void *counting_realloc(void *p, size_t n)
{
    alloc_count++;
    return realloc(p, n);
}

static int read_both(const char *data, size_t size, const char *dir)
{
    oa_error_list *errs = NULL;
    oap_book *b = NULL;
    int rc;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    rc = oap_book_read_memory(&b, data, size, "plan.xlsx", NULL, errs);
    if (rc == OA_OK) {
        oap_book_free(b);
        rc = oap_book_read_csv_dir(&b, dir, NULL, errs);
        oap_book_free(b);
    }
    if (rc != OA_OK && oa_error_list_count(errs) == 0 && errs)
        rc = -100; /* an error without a message */
    oa_error_list_free(errs);
    return rc;
}

/* ---- folders of CSV files ---- */

static void put_file(const char *dir, const char *name, const char *data,
                     size_t size)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, size, f), size);
    ck_assert_int_eq(fclose(f), 0);
}

static void rm_dir(const char *dir, const char *const *names)
{
    char path[512];
    for (; *names; names++) {
        snprintf(path, sizeof path, "%s/%s", dir, *names);
        unlink(path);
    }
    rmdir(dir);
}

static const char initiatives_csv[] =
    "\xEF\xBB\xBFid,name,note\r\n"
    "crm,\"CRM, phase 1\",\"says \"\"hi\"\"\"\r\n"
    "erp,ERP,\"two\r\nlines\"\r\n"
    ",,\r\n"
    "last,\"\",x\"y\r\n"
    "\r\n";

static void csv_folder(char *dir)
{
    strcpy(dir, "/tmp/oa-check-xlsx-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    put_file(dir, "initiatives.csv", initiatives_csv,
             sizeof initiatives_csv - 1);
    put_file(dir, "units.csv", "a,b\nc,d", 7);
    put_file(dir, "Empty.CSV", "", 0);
    put_file(dir, ".~lock.units.csv#", "x", 1);
    put_file(dir, ".hidden.csv", "x", 1);
    put_file(dir, "notes.txt", "x", 1);
}

static const char *const csv_files[] = {
    "initiatives.csv", "units.csv", "Empty.CSV", ".~lock.units.csv#",
    ".hidden.csv", "notes.txt", "bad.csv", "big.csv", NULL
};

START_TEST(test_csv)
{
    char dir[64], src[OA_ERROR_SOURCE_LENGTH], msg[600];
    oa_error_list *errs;
    oap_book *b;
    int line, s;
    csv_folder(dir);
    ck_assert_int_eq(oa_error_list_new(&errs), OA_OK);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_OK);
    ck_assert_uint_eq(oa_error_list_count(errs), 0);
    ck_assert(oap_book_is_csv(b));
    ck_assert_str_eq(oap_book_source(b), dir);
    /* in the order of the names */
    ck_assert_int_eq(oap_book_sheet_count(b), 3);
    ck_assert_str_eq(oap_book_sheet_name(b, 0), "Empty");
    ck_assert_str_eq(oap_book_sheet_name(b, 1), "initiatives");
    ck_assert_str_eq(oap_book_sheet_name(b, 2), "units");
    ck_assert_int_eq(oap_book_rows(b, 0), 0);
    s = oap_book_sheet_find(b, "initiatives");
    ck_assert_int_eq(s, 1);
    /* the BOM gone, quotes undone, the empty line and the trailing one
     * hold nothing */
    ck_assert_str_eq(text_at(b, s, 0, 0), "id");
    ck_assert_int_eq(oap_book_cell(b, s, 0, 0)->kind, OAP_X_TEXT);
    ck_assert_str_eq(text_at(b, s, 0, 2), "note");
    ck_assert_str_eq(text_at(b, s, 1, 1), "CRM, phase 1");
    ck_assert_str_eq(text_at(b, s, 1, 2), "says \"hi\"");
    ck_assert_str_eq(text_at(b, s, 2, 2), "two\r\nlines");
    ck_assert_int_eq(oap_book_cell(b, s, 3, 0)->kind, OAP_X_EMPTY);
    ck_assert_str_eq(text_at(b, s, 4, 0), "last");
    ck_assert_int_eq(oap_book_cell(b, s, 4, 1)->kind, OAP_X_EMPTY);
    ck_assert_str_eq(text_at(b, s, 4, 2), "x\"y");
    ck_assert_int_eq(oap_book_rows(b, s), 5);
    ck_assert_int_eq(oap_book_cols(b, s), 3);
    ck_assert_str_eq(text_at(b, 2, 1, 1), "d");
    ck_assert_int_eq(oap_book_rows(b, 2), 2);
    ck_assert_uint_eq(oap_book_merge_count(b, s), 0);
    /* errors at the line where the row starts (after the line break in
     * a quoted field) */
    oap_book_locate(src, sizeof src, &line, b, s, 4, 2);
    ck_assert_int_eq(line, 6);
    ck_assert(strstr(src, "/initiatives.csv") != NULL);
    ck_assert_int_eq(oap_book_error(errs, OA_EINVALID, b, s, 1, 2,
                                    "column %s (note): too short", "C"),
                     OA_OK);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert(strstr(msg, "/initiatives.csv:2: error: column C (note): "
                          "too short") != NULL);
    ck_assert(strncmp(msg, dir, strlen(dir)) == 0);
    oap_book_free(b);
    oa_error_list_clear(errs);

    /* not UTF-8: the file and its line */
    put_file(dir, "bad.csv", "ok,1\nfine,2\nd\xE9j\xE0,3\n", 20);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_EPARSE);
    ck_assert_ptr_null(b);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "/bad.csv:3: error: not UTF-8 text (the byte "
                              "0xE9)") != NULL, "%s", msg);
    oa_error_list_clear(errs);
    put_file(dir, "bad.csv", "a,b\n\"open,c\nd\n", 14);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_EPARSE);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "/bad.csv:2: error: a quoted field that never "
                              "ends") != NULL, "%s", msg);
    oa_error_list_clear(errs);
    put_file(dir, "bad.csv", "a,b\nc,\"d\"e\n", 11);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_EPARSE);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "/bad.csv:2: error: text after the closing "
                              "quote of the field in column B") != NULL,
                  "%s", msg);
    oa_error_list_clear(errs);
    put_file(dir, "bad.csv", "a\0b\n", 4);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_EPARSE);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "/bad.csv:1: error: a NUL byte") != NULL, "%s",
                  msg);
    oa_error_list_clear(errs);
    put_file(dir, "bad.csv", "\xFF\xFEi\0d\0", 6);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_EPARSE);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "UTF-16") != NULL, "%s", msg);
    unlink(strcat(strcpy(src, dir), "/bad.csv"));
    oa_error_list_clear(errs);
    /* a field over 32,767 characters */
    {
        char *big = malloc(40010);
        ck_assert_ptr_nonnull(big);
        memcpy(big, "a,", 2);
        memset(big + 2, 'z', 40000);
        memcpy(big + 40002, "\n", 1);
        put_file(dir, "big.csv", big, 40003);
        free(big);
        ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs),
                         OA_ELIMIT);
        oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
        ck_assert_msg(strstr(msg, "/big.csv:1: error: column B holds 40000 "
                                  "characters") != NULL, "%s", msg);
        unlink(strcat(strcpy(src, dir), "/big.csv"));
        oa_error_list_clear(errs);
    }
    /* a missing folder, a file given as a folder, a folder without CSV */
    ck_assert_int_eq(oap_book_read_csv_dir(&b, "/nonexistent/plan", NULL,
                                           errs),
                     OA_EIO);
    ck_assert_ptr_null(b);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_str_eq(msg, "/nonexistent/plan: error: cannot open the "
                          "folder: No such file or directory");
    oa_error_list_clear(errs);
    snprintf(src, sizeof src, "%s/notes.txt", dir);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, src, NULL, errs), OA_EIO);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "notes.txt: error: not a folder") != NULL,
                  "%s", msg);
    oa_error_list_clear(errs);
    rm_dir(dir, csv_files);
    strcpy(dir, "/tmp/oa-check-xlsx-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, errs), OA_EIO);
    oa_error_format(msg, sizeof msg, oa_error_list_get(errs, 0));
    ck_assert_msg(strstr(msg, "holds no .csv file") != NULL, "%s", msg);
    rmdir(dir);
    oa_error_list_free(errs);
}
END_TEST

/* A result's tables written as CSV files read back as a book. */
START_TEST(test_csv_tables)
{
    oa_plan *p = tu_read_plan("examples/small.xml");
    oa_result *r;
    oa_error err;
    oap_book *b;
    char dir[64], path[128];
    double v;
    int s, row, found = 0;
    size_t i;
    static const char *const names[] = {
        "summary.csv", "terms.csv", "roadmap.csv", "left-out.csv",
        "loads.csv", "levers.csv", "spend.csv", "bottlenecks.csv",
        "deficits.csv", NULL
    };
    strcpy(dir, "/tmp/oa-check-xlsx-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(oa_solve(&r, p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_save_tables(r, dir, OA_FORMAT_CSV, &err),
                     OA_OK);
    ck_assert_int_eq(oap_book_read_csv_dir(&b, dir, NULL, NULL), OA_OK);
    ck_assert_int_eq(oap_book_sheet_count(b), 8);
    ck_assert_str_eq(oap_book_sheet_name(b, 0), "bottlenecks");
    s = oap_book_sheet_find(b, "summary");
    for (row = 1; row < oap_book_rows(b, s); row++)
        if (strcmp(text_at(b, s, row, 0), "objective") == 0) {
            ck_assert(oap_xcell_number(oap_book_cell(b, s, row, 1), &v));
            ck_assert(v == oa_result_objective(r));
            found = 1;
        }
    ck_assert(found);
    s = oap_book_sheet_find(b, "roadmap");
    ck_assert_int_eq(oap_book_rows(b, s),
                     (int)oa_result_initiative_count(r) + 1);
    for (i = 0; i < oa_result_initiative_count(r); i++) {
        oa_initiative_result ir;
        oa_result_initiative(&ir, r, i);
        ck_assert_str_eq(text_at(b, s, (int)i + 1, 0), ir.id);
    }
    oap_book_free(b);
    for (i = 0; names[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    oa_result_free(r);
    oa_plan_free(p);
}
END_TEST

START_TEST(test_alloc_failures)
{
    size_t size;
    char *data = hand_made(&size), dir[64];
    long n, total;
    int nomem = 0;
    csv_folder(dir);
    ck_assert_int_eq(oa_init(), OA_OK);
    alloc_count = 0;
    oa_set_alloc_funcs(counting_malloc, counting_realloc, free);
    ck_assert_int_eq(read_both(data, size, dir), OA_OK);
    oa_set_alloc_funcs(NULL, NULL, NULL);
    total = alloc_count;
    ck_assert_int_ge(total, 50);
    for (n = 0; n < total; n++) {
        int rc;
        tu_alloc_left = n;
        oa_set_alloc_funcs(tu_failing_malloc, tu_failing_realloc, free);
        rc = read_both(data, size, dir);
        oa_set_alloc_funcs(NULL, NULL, NULL);
        ck_assert_msg(rc == OA_OK || rc == OA_ENOMEM,
                      "allocation %ld of %ld: code %d", n, total, rc);
        nomem += rc == OA_ENOMEM;
    }
    ck_assert_int_ge(nomem, total / 2);
    rm_dir(dir, csv_files);
    free(data);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("xlsx");
    TCase *tc = tcase_create("read");
    TCase *hostile = tcase_create("hostile");
    TCase *csv = tcase_create("csv");
    tcase_set_timeout(tc, 120);
    tcase_set_timeout(hostile, 300);
    tcase_set_timeout(csv, 120);
    tcase_add_test(tc, test_refs);
    tcase_add_test(tc, test_result_workbook);
    tcase_add_test(tc, test_hand_made);
    tcase_add_test(tc, test_locate);
    tcase_add_test(tc, test_alloc_failures);
    tcase_add_test(hostile, test_zip_bomb);
    tcase_add_test(hostile, test_lying_headers);
    tcase_add_test(hostile, test_big_sheet);
    tcase_add_test(hostile, test_paths_out);
    tcase_add_test(hostile, test_limits);
    tcase_add_test(hostile, test_broken);
    tcase_add_test(csv, test_csv);
    tcase_add_test(csv, test_csv_tables);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, hostile);
    suite_add_tcase(s, csv);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
