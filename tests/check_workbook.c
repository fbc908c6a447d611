/*
 * Plans read from workbooks (include/opsalign/workbook.h) as a finance
 * analyst makes them: the template's workbook with sheets replaced by
 * hand-written ones (libzip), holding the mistakes a spreadsheet invites
 * (an id typed wrong, a number typed as a word, an empty required cell,
 * merged cells, formulas without a value, error values) and the things a
 * spreadsheet program does on its own (months typed become dates,
 * formulas, TRUE, headers retyped); and folders of CSV files.  Every
 * error is checked to the sheet, row and column.  The round trip of
 * every plan of tests/data and examples/ is in check_save.
 */
#include "testutil.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

/* ---- workbooks made by hand from the template's ---- */

/* The template's workbook, as the library writes it. */
static char *raw_template(size_t *size)
{
    oa_plan *p = NULL;
    char *data = NULL;
    oa_error err;
    ck_assert_int_eq(oa_plan_template(&p), OA_OK);
    ck_assert_int_eq(oa_plan_write_workbook(&data, size, p, &err), OA_OK);
    oa_plan_free(p);
    return data;
}

/* data (an archive) with parts names[i] replaced by texts[i]; *size in
 * and out; the result is malloc'ed. */
static char *replace_parts(const char *data, size_t *size,
                           const char *const *names,
                           const char *const *texts, size_t n)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    zip_int64_t len;
    char *out;
    size_t i;
    char *copy0 = malloc(*size);
    ck_assert_ptr_nonnull(copy0);
    memcpy(copy0, data, *size);
    zip_error_init(&ze);
    /* libzip owns the buffer it rewrites (it frees what it replaces) */
    src = zip_source_buffer_create(copy0, *size, 1, &ze);
    ck_assert_ptr_nonnull(src);
    zip_source_keep(src);
    za = zip_open_from_source(src, 0, &ze);
    ck_assert_ptr_nonnull(za);
    for (i = 0; i < n; i++) {
        zip_int64_t at = zip_name_locate(za, names[i], 0);
        size_t tn = strlen(texts[i]);
        char *copy = malloc(tn);
        zip_source_t *s;
        ck_assert_msg(at >= 0, "no part %s", names[i]);
        ck_assert_ptr_nonnull(copy);
        memcpy(copy, texts[i], tn);
        s = zip_source_buffer(za, copy, tn, 1);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_eq(zip_file_replace(za, (zip_uint64_t)at, s, 0), 0);
    }
    ck_assert_int_eq(zip_close(za), 0);
    ck_assert_int_eq(zip_source_open(src), 0);
    ck_assert_int_eq(zip_source_seek(src, 0, SEEK_END), 0);
    len = zip_source_tell(src);
    ck_assert_int_gt(len, 0);
    ck_assert_int_eq(zip_source_seek(src, 0, SEEK_SET), 0);
    out = malloc((size_t)len);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(zip_source_read(src, out, (zip_uint64_t)len), len);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    *size = (size_t)len;
    return out;
}

/* The text of part name of an archive (malloc'ed). */
static char *read_part(const char *data, size_t size, const char *name)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    zip_file_t *f;
    zip_stat_t st;
    char *part;
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, size, 0, &ze);
    ck_assert_ptr_nonnull(src);
    za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    ck_assert_ptr_nonnull(za);
    ck_assert_int_eq(zip_stat(za, name, 0, &st), 0);
    part = calloc(1, (size_t)st.size + 1);
    ck_assert_ptr_nonnull(part);
    f = zip_fopen(za, name, 0);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(zip_fread(f, part, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    zip_close(za);
    zip_error_fini(&ze);
    return part;
}

static const char calc_flag[] = " fullCalcOnLoad=\"1\"";

/* The template's workbook as a spreadsheet program saves it: calculated
 * (libxlsxwriter asks for a calculation when it is opened, as programs
 * that write formulas without their values do). */
static char *template_book(size_t *size)
{
    char *raw = raw_template(size), *wb = read_part(raw, *size,
                                                   "xl/workbook.xml");
    char *at = strstr(wb, calc_flag), *book;
    static const char *const names[] = { "xl/workbook.xml" };
    const char *texts[1];
    ck_assert_ptr_nonnull(at);
    memmove(at, at + strlen(calc_flag), strlen(at + strlen(calc_flag)) + 1);
    texts[0] = wb;
    book = replace_parts(raw, size, names, texts, 1);
    oa_free(raw);
    free(wb);
    return book;
}

/* The part of each sheet: README is sheet1, then the sheets of
 * plan-format.md "Workbooks" in order. */
#define HORIZON "xl/worksheets/sheet2.xml"
#define INITIATIVES "xl/worksheets/sheet12.xml"
#define DEMANDS "xl/worksheets/sheet13.xml"

/* Cell formats: 0 to 6 plain, 7 a date (the built-in format 14). */
static const char styles[] =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><cellXfs count=\"8\"><xf numFmtId=\"0\"/><xf numFmtId=\"0\"/>"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"0\"/><xf numFmtId=\"0\"/>"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"0\"/>"
    "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

#define SHEET_HEAD                                                           \
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"   \
    "2006/main\"><sheetData>"
#define S(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define N(ref, num) "<c r=\"" ref "\"><v>" num "</v></c>"

#define INI_HEAD                                                             \
    "<row r=\"1\">" S("A1", "id") S("B1", "name") S("C1", "owner")          \
    S("D1", "duration") S("E1", "earliest") S("F1", "deadline")            \
    S("G1", "value") S("H1", "benefit-per-period") S("I1", "cost")         \
    S("J1", "mandatory") "</row>"

/* Reads a workbook; returns the code, the errors formatted one a line. */
static int read_book(const char *data, size_t size, char *out, size_t cap,
                     oa_plan **plan)
{
    oa_error_list *all;
    oa_plan *p = NULL;
    size_t i, len = 0;
    int rc;
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    rc = oa_plan_read_workbook_memory(&p, data, size, "book.xlsx", NULL,
                                      NULL, all);
    out[0] = '\0';
    for (i = 0; i < oa_error_list_count(all); i++) {
        char line[1024];
        oa_error_format(line, sizeof line, oa_error_list_get(all, i));
        len += (size_t)snprintf(out + len, cap - len, "%s\n", line);
        ck_assert_uint_lt(len, cap);
    }
    oa_error_list_free(all);
    if (plan)
        *plan = p;
    else
        oa_plan_free(p);
    return rc;
}

/* The mistakes a spreadsheet invites, each at its cell, all in one read;
 * rows with mistakes still give their ids (no error follows from them in
 * other sheets). */
START_TEST(test_mistakes)
{
    static const char ini[] =
        SHEET_HEAD INI_HEAD
        "<row r=\"2\">" S("A2", "crm") S("C2", "enginering") N("D2", "4")
        "</row>"
        "<row r=\"3\">" S("A3", "selfservice") S("D3", "three") "</row>"
        "<row r=\"4\">" S("A4", "chatbot") "</row>"
        "<row r=\"5\">" S("A5", "x1") N("D5", "1")
        "<c r=\"G5\"><f>A1*2</f></c></row>"
        "<row r=\"6\">" S("A6", "x2") N("D6", "1")
        "<c r=\"I6\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"
        "<row r=\"7\">" S("A7", "x3") S("B7", "Merged") N("D7", "1") "</row>"
        "<row r=\"8\">" S("A8", "x4") N("D8", "1") S("J8", "maybe") "</row>"
        "<row r=\"9\">" S("A9", "x5") N("D9", "-2") S("G9", "1,200")
        "</row>"
        "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B7:B8\"/>"
        "</mergeCells></worksheet>";
    static const char dem[] =
        SHEET_HEAD
        "<row r=\"1\">" S("A1", "initiative") S("B1", "unit")
        S("C1", "resource") S("D1", "value") S("E1", "frist") "</row>"
        "<row r=\"2\">" S("A2", "crm") S("B2", "engineering") S("C2", "ftee")
        N("D2", "3") "</row>"
        "<row r=\"3\">" S("A3", "crmm") S("B3", "operations") S("C3", "fte")
        N("D3", "1") "</row>"
        "</sheetData></worksheet>";
    static const char *const names[] = { INITIATIVES, DEMANDS };
    static const char *const texts[] = { ini, dem };
    static const char want[] =
        "book.xlsx:initiatives!B7: error: cells B7:B8 are merged: unmerge "
        "them and give every row its own value\n"
        "book.xlsx:initiatives!C2: error: unknown unit 'enginering' (did you "
        "mean 'engineering'?)\n"
        "book.xlsx:initiatives!D3: error: 'three' is not a number\n"
        "book.xlsx:initiatives!D4: error: empty: every row needs its "
        "duration\n"
        "book.xlsx:initiatives!G5: error: a formula without a saved value "
        "(open the workbook in a spreadsheet program and save it, or type "
        "the value)\n"
        "book.xlsx:initiatives!I6: error: the cell holds the error #DIV/0! "
        "(from its formula)\n"
        "book.xlsx:initiatives!J8: error: 'maybe' is not TRUE or FALSE\n"
        "book.xlsx:initiatives!D9: error: -2 is negative\n"
        "book.xlsx:initiatives!G9: error: '1,200' is not a number: type it "
        "without thousands separators, with '.' for decimals\n"
        "book.xlsx:demands!E1: error: unknown column 'frist' (did you mean "
        "'first'?)\n";
    size_t size;
    char *base = template_book(&size), *book, got[8192];
    oa_plan *p = NULL;
    book = replace_parts(base, &size, names, texts, 2);
    ck_assert_int_eq(read_book(book, size, got, sizeof got, &p),
                     OA_EINVALID);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(got, want);
    free(book);

    /* the demands sheet without its misspelt column: its rows are read,
     * ids checked against the initiatives, units and resources */
    {
        static const char dem2[] =
            SHEET_HEAD
            "<row r=\"1\">" S("A1", "initiative") S("B1", "unit")
            S("C1", "resource") S("D1", "value") "</row>"
            "<row r=\"2\">" S("A2", "crm") S("B2", "engineering")
            S("C2", "ftee") N("D2", "3") "</row>"
            "<row r=\"3\">" S("A3", "crmm") S("B3", "operatons")
            S("C3", "fte") N("D3", "1") "</row>"
            "</sheetData></worksheet>";
        static const char *const n2[] = { DEMANDS };
        static const char *const t2[] = { dem2 };
        size = 0;
        free(base);
        base = template_book(&size);
        book = replace_parts(base, &size, n2, t2, 1);
        ck_assert_int_eq(read_book(book, size, got, sizeof got, NULL),
                         OA_EINVALID);
        ck_assert_str_eq(got,
                         "book.xlsx:demands!C2: error: unknown resource "
                         "'ftee' (did you mean 'fte'?)\n"
                         "book.xlsx:demands!A3: error: unknown initiative "
                         "'crmm' (did you mean 'crm'?)\n"
                         "book.xlsx:demands!B3: error: unknown unit "
                         "'operatons' (did you mean 'operations'?)\n");
        free(book);
    }
    free(base);
}
END_TEST

/* What a spreadsheet program makes of what was typed: months become
 * dates, numbers may be text, TRUE a boolean, a formula keeps its value;
 * headers retyped in other case and spacing, columns of one's own, empty
 * rows. */
START_TEST(test_spreadsheet_ways)
{
    /* 46447 is 2027-03-01; t="d" is a date as ISO 8601 text */
    static const char ini[] =
        SHEET_HEAD
        "<row r=\"1\">" S("A1", "ID") S("B1", "Name") S("C1", "Owner")
        S("D1", "Duration") S("E1", "Earliest") S("F1", "Deadline")
        S("G1", "Value") S("H1", "Benefit per period") S("I1", "cost")
        S("J1", "Mandatory") S("K1", "my notes") "</row>"
        "<row r=\"2\">" S("A2", " crm ") S("B2", "New CRM")
        S("C2", "engineering ") S("D2", "4")
        "<c r=\"E2\" s=\"7\"><v>46447</v></c>"
        "<c r=\"F2\" t=\"d\"><v>2027-12-15T00:00:00</v></c>"
        "<c r=\"G2\"><f>200000*2</f><v>400000</v></c>"
        S("I2", "120000") "<c r=\"J2\" t=\"b\"><v>1</v></c>"
        S("K2", "ask Kim") "</row>"
        "<row r=\"4\">" S("K4", "a note on a row of its own") "</row>"
        "<row r=\"5\">" S("A5", "selfservice") S("C5", "operations")
        N("D5", "3") S("F5", "2027-12") N("G5", "250000") N("H5", "10000")
        N("I5", "90000") S("J5", "no") "</row>"
        "<row r=\"6\">" S("A6", "chatbot") S("C6", "operations") N("D6", "2")
        N("E6", "3") N("G6", "150000") N("I6", "60000") S("J6", "x") "</row>"
        "</sheetData></worksheet>";
    static const char *const names[] = { INITIATIVES, "xl/styles.xml" };
    static const char *const texts[] = { ini, styles };
    size_t size;
    char *base = template_book(&size), *book, got[4096];
    oa_plan *p = NULL;
    const oa_initiative *a, *c;
    book = replace_parts(base, &size, names, texts, 2);
    ck_assert_msg(read_book(book, size, got, sizeof got, &p) == OA_OK, "%s",
                  got);
    ck_assert_uint_eq(oa_plan_initiative_count(p), 3);
    a = oa_plan_initiative(p, 0);
    ck_assert_str_eq(oa_initiative_id(a), "crm");
    ck_assert_str_eq(oa_initiative_owner(a), "engineering");
    ck_assert_str_eq(oa_initiative_earliest(a), "2027-03");
    ck_assert_str_eq(oa_initiative_deadline(a), "2027-12");
    tu_assert_num(oa_initiative_value(a), 400000);
    tu_assert_num(oa_initiative_cost(a), 120000);
    ck_assert_int_eq(oa_initiative_mandatory(a), 1);
    ck_assert_int_eq(oa_initiative_mandatory(oa_plan_initiative(p, 1)), 0);
    c = oa_plan_initiative(p, 2);
    ck_assert_str_eq(oa_initiative_earliest(c), "3");
    ck_assert_int_eq(oa_initiative_mandatory(c), 1);
    oa_plan_free(p);
    free(book);
    free(base);
}
END_TEST

/* A horizon's start typed as a date is the label of the period that holds
 * it: 2027-01-01 (46388) is a Friday of ISO week 53 of 2026. */
START_TEST(test_dates_of_horizons)
{
    static const char *const steps[] = { "month", "quarter", "week" };
    static const char *const want[] = { "2027-01", "2027-Q1", "2026-W53" };
    int k;
    for (k = 0; k < 3; k++) {
        char hz[1024];
        const char *texts[2], *start = NULL;
        static const char *const names[] = { HORIZON, "xl/styles.xml" };
        oa_step step;
        int periods;
        size_t size;
        char *base = template_book(&size), *book;
        oa_plan *p = NULL;
        oa_read_opts o = OA_READ_OPTS_INIT;
        char got[8];
        snprintf(hz, sizeof hz, SHEET_HEAD
                 "<row r=\"1\">" S("A1", "start") S("B1", "step")
                 S("C1", "periods") "</row><row r=\"2\">"
                 "<c r=\"A2\" s=\"7\"><v>46388</v></c>" S("B2", "%s")
                 N("C2", "4") "</row></sheetData></worksheet>", steps[k]);
        texts[0] = hz;
        texts[1] = styles;
        book = replace_parts(base, &size, names, texts, 2);
        /* the template's other sheets name months: the rules are not
         * what this is about */
        o.no_validate = 1;
        ck_assert_int_eq(oa_plan_read_workbook_memory(&p, book, size, "b",
                                                      &o, NULL, NULL),
                         OA_OK);
        (void)got;
        ck_assert_int_eq(oa_plan_horizon(&start, &step, &periods, p), OA_OK);
        ck_assert_str_eq(start, want[k]);
        ck_assert_int_eq((int)step, k);
        ck_assert_int_eq(periods, 4);
        oa_plan_free(p);
        free(book);
        free(base);
    }
}
END_TEST

/* A workbook written by a program that leaves formulas to be calculated
 * when it is opened: their saved values are placeholders. */
START_TEST(test_uncalculated)
{
    static const char ini[] =
        SHEET_HEAD INI_HEAD
        "<row r=\"2\">" S("A2", "crm") N("D2", "4")
        "<c r=\"G2\"><f>200000*2</f><v>0</v></c></row>"
        "</sheetData></worksheet>";
    static const char *const names[] = { INITIATIVES };
    static const char *const texts[] = { ini };
    size_t size;
    char *base = raw_template(&size), *book, got[4096];
    book = replace_parts(base, &size, names, texts, 1);
    ck_assert_int_eq(read_book(book, size, got, sizeof got, NULL),
                     OA_EINVALID);
    ck_assert_msg(strstr(got, "book.xlsx:initiatives!G2: error: a formula "
                              "in a workbook that was never calculated") !=
                      NULL, "%s", got);
    free(book);
    oa_free(base);

    /* the same saved by a spreadsheet program, which calculates: the
     * formula's value is taken (the other sheets' rows about the
     * initiatives gone from this one are the errors left) */
    base = template_book(&size);
    book = replace_parts(base, &size, names, texts, 1);
    ck_assert_int_eq(read_book(book, size, got, sizeof got, NULL),
                     OA_EINVALID);
    ck_assert_msg(strstr(got, "initiatives!G2") == NULL, "%s", got);
    ck_assert_ptr_nonnull(strstr(got, "unknown initiative 'selfservice'"));
    free(book);
    free(base);
}
END_TEST

/* ---- folders of CSV files ---- */

static char *temp_dir(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = malloc(4096);
    ck_assert_ptr_nonnull(dir);
    snprintf(dir, 4096, "%s/check_workbook.XXXXXX",
             base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static void put_file(const char *dir, const char *name, const char *text)
{
    char path[4200];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') {
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(dir);
}

/* Reads the folder; the errors with the folder's name made "DIR". */
static int read_dir(const char *dir, char *out, size_t cap)
{
    oa_error_list *all;
    oa_plan *p = NULL;
    size_t i, len = 0, dn = strlen(dir);
    int rc;
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    rc = oa_plan_load(&p, dir, NULL, NULL, all);
    out[0] = '\0';
    for (i = 0; i < oa_error_list_count(all); i++) {
        char line[1024];
        const char *l = line;
        oa_error_format(line, sizeof line, oa_error_list_get(all, i));
        if (strncmp(line, dir, dn) == 0) {
            len += (size_t)snprintf(out + len, cap - len, "DIR");
            l = line + dn;
        }
        len += (size_t)snprintf(out + len, cap - len, "%s\n", l);
        ck_assert_uint_lt(len, cap);
    }
    oa_error_list_free(all);
    oa_plan_free(p);
    return rc;
}

/* The template as CSV files, edited as a text editor would: errors name
 * the file, the line and the column; sheets of one's own are left alone,
 * misspelt ones are not; a file saved with ';' is recognized. */
START_TEST(test_csv_folder)
{
    char *dir = temp_dir(), got[8192], sub[4200];
    oa_plan *p = NULL;
    oa_error err;
    snprintf(sub, sizeof sub, "%s/plan", dir);
    ck_assert_int_eq(oa_plan_template(&p), OA_OK);
    ck_assert_int_eq(oa_plan_save_workbook(p, sub, OA_WORKBOOK_CSV, &err),
                     OA_OK);
    oa_plan_free(p);
    ck_assert_int_eq(read_dir(sub, got, sizeof got), OA_OK);
    put_file(sub, "notes.csv", "anything,at all\n1,2\n");
    ck_assert_int_eq(read_dir(sub, got, sizeof got), OA_OK);

    put_file(sub, "initiatives.csv",
             "id,name,owner,duration,value,mandatory\n"
             "crm,New CRM,enginering,4,400000,TRUE\n"
             "selfservice,Portal,operations,three,250000,\n"
             "chatbot,Chatbot,operations,2,150000,\n");
    put_file(sub, "initiative.csv", "id\nx\n");
    ck_assert_int_eq(read_dir(sub, got, sizeof got), OA_EINVALID);
    ck_assert_str_eq(got,
                     "DIR/initiative.csv: error: unknown sheet 'initiative' "
                     "(did you mean 'initiatives'?)\n"
                     "DIR/initiatives.csv:2: error: owner: unknown unit "
                     "'enginering' (did you mean 'engineering'?)\n"
                     "DIR/initiatives.csv:3: error: duration: 'three' is "
                     "not a number\n");
    snprintf(got, sizeof got, "%s/initiative.csv", sub);
    unlink(got);
    put_file(sub, "initiatives.csv",
             "id;name;owner;duration\ncrm;New CRM;engineering;4\n");
    ck_assert_int_eq(read_dir(sub, got, sizeof got), OA_EINVALID);
    ck_assert_ptr_nonnull(strstr(got, "DIR/initiatives.csv:1: error: the "
                                      "header row is one field of names "
                                      "separated by ';'"));
    /* a rule of the format, not of a cell: the sheet and row */
    put_file(sub, "initiatives.csv",
             "id,duration\ncrm,4\nselfservice,3\nchatbot,0\n");
    ck_assert_int_eq(read_dir(sub, got, sizeof got), OA_EINVALID);
    ck_assert_ptr_nonnull(strstr(got, "DIR/initiatives.csv:4: error: "
                                      "<initiative> 'chatbot': duration 0 "
                                      "must be at least 1"));
    rm_tree(sub);
    rmdir(dir);
    free(dir);
}
END_TEST

/* Texts a spreadsheet would take for formulas (which the CSV writer
 * guards with an apostrophe) come back as they were; a date written as
 * text is the period that holds it. */
START_TEST(test_csv_texts)
{
    char *dir = temp_dir(), sub[4200];
    oa_plan *p = NULL, *q = NULL;
    oa_initiative *ini;
    oa_capacity_info cap;
    oa_error err;
    char *x1 = NULL, *x2 = NULL;
    size_t n1 = 0, n2 = 0;
    snprintf(sub, sizeof sub, "%s/plan", dir);
    ck_assert_int_eq(oa_plan_template(&p), OA_OK);
    ck_assert_int_eq(oa_plan_find_initiative(&ini, p, "crm"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_name(ini, "=SUM(A1:A3)"), OA_OK);
    ck_assert_int_eq(oa_plan_find_initiative(&ini, p, "chatbot"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_name(ini, "-5% churn"), OA_OK);
    ck_assert_int_eq(oa_plan_set_name(p, "@risk +2"), OA_OK);
    ck_assert_int_eq(oa_plan_save_workbook(p, sub, OA_WORKBOOK_CSV, &err),
                     OA_OK);
    ck_assert_int_eq(oa_plan_load(&q, sub, NULL, &err, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_write(&x1, &n1, p), OA_OK);
    ck_assert_int_eq(oa_plan_write(&x2, &n2, q), OA_OK);
    ck_assert_str_eq(x1, x2);
    ck_assert_str_eq(oa_plan_name(q), "@risk +2");
    oa_free(x1);
    oa_free(x2);
    oa_plan_free(q);
    q = NULL;

    put_file(sub, "capacity.csv", "unit,resource,value,from,to\n"
             "engineering,fte,10,,\n"
             "operations,fte,6,2027-01-01,\n"
             "operations,fte,5,2027-07-15,2027-08-31\n");
    ck_assert_msg(oa_plan_load(&q, sub, NULL, &err, NULL) == OA_OK, "%s",
                  err.text);
    ck_assert_int_eq(oa_unit_capacity(&cap, oa_plan_unit(q, 1), 0), OA_OK);
    ck_assert_str_eq(cap.from, "2027-01");
    ck_assert_int_eq(oa_unit_capacity(&cap, oa_plan_unit(q, 1), 1), OA_OK);
    ck_assert_str_eq(cap.from, "2027-07");
    ck_assert_str_eq(cap.to, "2027-08");
    oa_plan_free(q);
    oa_plan_free(p);
    rm_tree(sub);
    rmdir(dir);
    free(dir);
}
END_TEST

/* The template: a plan that solves; every sheet has a row of example. */
START_TEST(test_template)
{
    oa_plan *p = NULL, *q = NULL;
    oa_result *r = NULL;
    oa_error err;
    char *book = NULL;
    size_t size = 0;
    ck_assert_int_eq(oa_plan_template(&p), OA_OK);
    ck_assert_int_eq(oa_plan_validate(p, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_write_workbook(&book, &size, p, &err), OA_OK);
    ck_assert_int_eq(oa_plan_read_workbook_memory(&q, book, size, "t.xlsx",
                                                  NULL, &err, NULL), OA_OK);
    ck_assert_msg(oa_solve(&r, q, NULL, &err) == OA_OK, "%s", err.text);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    {
        char msg[512];
        ck_assert_msg(oracle_check(q, r, msg, sizeof msg) == 0, "%s", msg);
    }
    ck_assert_uint_ge(oa_plan_unit_count(q), 2);
    ck_assert_uint_ge(oa_plan_initiative_count(q), 3);
    ck_assert_uint_ge(oa_plan_operating_plan_count(q), 1);
    ck_assert_uint_ge(oa_plan_person_count(q), 1);
    ck_assert_uint_ge(oa_plan_loan_count(q), 1);
    oa_result_free(r);
    oa_plan_free(q);
    oa_plan_free(p);
    oa_free(book);
}
END_TEST

/* Calls with what no caller should pass get OA_EINVAL, never a crash;
 * files that are not workbooks, an error. */
START_TEST(test_api_errors)
{
    oa_plan *p = NULL;
    oa_error err;
    char *out = (char *)1;
    size_t size = 1;
    ck_assert_int_eq(oa_plan_read_workbook(NULL, "x", NULL, NULL, NULL),
                     OA_EINVAL);
    ck_assert_int_eq(oa_plan_read_workbook(&p, NULL, NULL, NULL, NULL),
                     OA_EINVAL);
    ck_assert_int_eq(oa_plan_read_workbook_memory(&p, NULL, 3, "x", NULL,
                                                  NULL, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_plan_write_workbook(&out, &size, NULL, &err),
                     OA_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(oa_plan_save_workbook(NULL, "x", OA_WORKBOOK_CSV, &err),
                     OA_EINVAL);
    ck_assert_int_eq(oa_plan_template(&p), OA_OK);
    ck_assert_int_eq(oa_plan_save_workbook(p, "x", (oa_workbook_kind)7,
                                           &err), OA_EINVAL);
    ck_assert_int_eq(oa_plan_save_workbook(p, "/nonexistent/dir/p.xlsx",
                                           OA_WORKBOOK_XLSX, &err), OA_EIO);
    oa_plan_free(p);
    p = NULL;
    ck_assert_int_eq(oa_plan_load(&p, "/nonexistent/plan.xml", NULL, &err,
                                  NULL), OA_EIO);
    ck_assert_int_eq(oa_plan_read_workbook_memory(&p, "PK\3\4junk", 9, "j",
                                                  NULL, &err, NULL),
                     OA_EPARSE);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(oa_plan_read_workbook(&p, tu_top("examples/small.xml"),
                                           NULL, &err, NULL), OA_EPARSE);
    ck_assert_int_eq(oa_plan_load(&p, tu_top("examples/small.xml"), NULL,
                                  &err, NULL), OA_OK);
    oa_plan_free(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("workbook");
    TCase *tc = tcase_create("plans");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_mistakes);
    tcase_add_test(tc, test_spreadsheet_ways);
    tcase_add_test(tc, test_dates_of_horizons);
    tcase_add_test(tc, test_uncalculated);
    tcase_add_test(tc, test_csv_folder);
    tcase_add_test(tc, test_csv_texts);
    tcase_add_test(tc, test_template);
    tcase_add_test(tc, test_api_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
