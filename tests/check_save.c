/*
 * Plans and scenarios written back as XML (oa_plan_write, oa_plan_save,
 * oa_scenario_write, oa_scenario_save): every plan and scenario file of
 * tests/data and examples/ read, written and read again is the same plan
 * (the same XML when written again, the same errors from oa_plan_check,
 * the same model for GLPK, the same optimum) or the same scenario (the
 * same edits, the same plan when applied); what the format cannot hold is
 * refused with the element that holds it.  Every plan also goes through
 * an .xlsx workbook and a folder of CSV files (oa_plan_write_workbook,
 * oa_plan_save_workbook, oa_plan_read_workbook) and comes back the same.
 */
#include "testutil.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the files ---- */

typedef struct flist {
    char **v;
    size_t n, cap;
} flist;

static flist plans, scenarios;

/* (before the tests run: no ck_assert here) */
static void flist_add(flist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
    }
    if (l->v == NULL || (l->v[l->n] = strdup(s)) == NULL) {
        fprintf(stderr, "check_save: out of memory\n");
        exit(1);
    }
    l->n++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The name of a document's root element ("" when there is none): what
 * comes after the declaration, comments and a doctype. */
static void root_name(char *buf, size_t size, const char *s)
{
    const char *p = s;
    size_t n = 0;
    buf[0] = '\0';
    for (;;) {
        p = strchr(p, '<');
        if (p == NULL)
            return;
        if (strncmp(p, "<!--", 4) == 0) {
            p = strstr(p + 4, "-->");
            if (p == NULL)
                return;
            continue;
        }
        if (p[1] == '?' || p[1] == '!') {
            p = strchr(p, '>');
            if (p == NULL)
                return;
            continue;
        }
        break;
    }
    for (p++; n + 1 < size && *p && strchr(" \t\r\n/>", *p) == NULL; p++)
        buf[n++] = *p;
    buf[n] = '\0';
}

/* Adds the files under rel (relative to the source tree) whose root is
 * <plan> or <scenario> to plans and scenarios, recursively. */
static void scan(const char *rel)
{
    DIR *d = opendir(tu_top(rel));
    struct dirent *e;
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        char path[1024], root[32];
        struct stat st;
        char *text;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", rel, e->d_name);
        if (stat(tu_top(path), &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            scan(path);
            continue;
        }
        if (!S_ISREG(st.st_mode))
            continue;
        text = tu_slurp(tu_top(path), NULL);
        if (text == NULL)
            continue;
        root_name(root, sizeof root, text);
        if (strcmp(root, "plan") == 0)
            flist_add(&plans, path);
        else if (strcmp(root, "scenario") == 0)
            flist_add(&scenarios, path);
        free(text);
    }
    closedir(d);
}

static void scan_all(void)
{
    scan("tests/data");
    scan("examples");
    qsort(plans.v, plans.n, sizeof *plans.v, cmp_str);
    qsort(scenarios.v, scenarios.n, sizeof *scenarios.v, cmp_str);
}

/* ---- helpers ---- */

static oa_read_opts no_validate(void)
{
    oa_read_opts o = OA_READ_OPTS_INIT;
    o.no_validate = 1;
    return o;
}

/* Reads a plan file without oa_plan_validate (the schema still applies),
 * so that plans that break a rule are written back too.  NULL when it
 * does not read. */
static oa_plan *read_plan_file(const char *rel)
{
    oa_read_opts o = no_validate();
    oa_plan *p = NULL;
    oa_error err;
    if (oa_plan_read_file(&p, tu_top(rel), &o, &err, NULL) != OA_OK)
        return NULL;
    return p;
}

/* Reads XML that oa_plan_write wrote; the test fails if it does not
 * read. */
static oa_plan *reread(const char *xml, size_t size, const char *source)
{
    oa_read_opts o = no_validate();
    oa_plan *p = NULL;
    oa_error err;
    int rc = oa_plan_read_memory(&p, xml, size, source, &o, &err, NULL);
    ck_assert_msg(rc == OA_OK, "%s written back does not read: %d: %s\n%s",
                  source, err.line, err.text, xml);
    return p;
}

static char *write_plan(const oa_plan *p, size_t *size)
{
    char *x = NULL;
    int rc = oa_plan_write(&x, size, p);
    ck_assert_msg(rc == OA_OK, "oa_plan_write: %d", rc);
    ck_assert_ptr_nonnull(x);
    ck_assert_uint_eq(strlen(x), *size);
    return x;
}

/* Appends text to *acc with "line NNN" made "line N": a text may name
 * the line of another element, which a file written back moves. */
static void put_text(char **acc, size_t *len, const char *text)
{
    size_t n = strlen(text), i;
    *acc = realloc(*acc, *len + n + 2);
    ck_assert_ptr_nonnull(*acc);
    for (i = 0; i < n; i++) {
        (*acc)[(*len)++] = text[i];
        if (i >= 4 && strncmp(text + i - 4, "line ", 5) == 0 &&
            text[i + 1] >= '0' && text[i + 1] <= '9') {
            (*acc)[(*len)++] = 'N';
            while (text[i + 1] >= '0' && text[i + 1] <= '9')
                i++;
        }
    }
    (*acc)[(*len)++] = '\n';
    (*acc)[*len] = '\0';
}

/* The texts of a list of errors, one a line, in order. */
static char *texts(const oa_error_list *all)
{
    char *acc = malloc(1);
    size_t len = 0, i;
    ck_assert_ptr_nonnull(acc);
    acc[0] = '\0';
    for (i = 0; i < oa_error_list_count(all); i++)
        put_text(&acc, &len, oa_error_list_get(all, i)->text);
    return acc;
}

/* oa_plan_check's code and the texts of its errors. */
static char *check_texts(const oa_plan *p, int *rc)
{
    oa_error_list *all;
    oa_checked *chk = NULL;
    char *t;
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    *rc = oa_plan_check(&chk, p, NULL, all);
    t = texts(all);
    oa_checked_free(chk);
    oa_error_list_free(all);
    return t;
}

/* A new directory for files of one test. */
static char *temp_dir(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = malloc(4096);
    ck_assert_ptr_nonnull(dir);
    snprintf(dir, 4096, "%s/check_save.XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static char *in_dir(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    ck_assert_ptr_nonnull(p);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static int same_file(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    char *x = tu_slurp(a, &na), *y = tu_slurp(b, &nb);
    int same = x && y && na == nb && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

static int same_num(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* ---- every plan file through a workbook ---- */

/* The number of errors oa_plan_check gives, and its code. */
static size_t check_count(const oa_plan *p, int *rc)
{
    oa_error_list *all;
    oa_checked *chk = NULL;
    size_t n;
    ck_assert_int_eq(oa_error_list_new(&all), OA_OK);
    *rc = oa_plan_check(&chk, p, NULL, all);
    n = oa_error_list_count(all);
    oa_checked_free(chk);
    oa_error_list_free(all);
    return n;
}

/* q, read from a workbook of p, writes the XML p wrote (x1) and checks
 * alike. */
static void same_as_written(const oa_plan *p, oa_plan *q, const char *x1,
                            size_t n1, const char *rel, const char *how)
{
    size_t n2 = 0, e1, e2;
    char *x2 = write_plan(q, &n2);
    int rc1, rc2;
    ck_assert_msg(n1 == n2 && memcmp(x1, x2, n1) == 0,
                  "%s: through %s differs:\n%s\n----\n%s", rel, how, x1,
                  x2);
    e1 = check_count(p, &rc1);
    e2 = check_count(q, &rc2);
    ck_assert_msg(rc1 == rc2 && e1 == e2, "%s: check gives %d (%zu errors), "
                  "through %s %d (%zu)", rel, rc1, e1, how, rc2, e2);
    oa_free(x2);
}

/* p through an .xlsx workbook in memory and a folder of CSV files, read
 * back without the rules (as p was): the same XML, the same check. */
static void workbook_round_trip(const oa_plan *p, const char *x1, size_t n1,
                                const char *rel)
{
    oa_read_opts o = no_validate();
    oa_plan *q = NULL;
    oa_error err;
    char *book = NULL, *dir, *csv;
    size_t size = 0;
    int rc = oa_plan_write_workbook(&book, &size, p, &err);
    if (rc == OA_EINVALID) {
        /* two units, initiatives or people of one id, which rows that
         * name it could not tell apart, or a period label a cell holds as
         * empty; check says the plan is wrong too */
        ck_assert_msg(strstr(err.text, "cannot write a workbook: ") != NULL,
                      "%s: %s", rel, err.text);
        ck_assert_int_eq(oa_plan_validate(p, NULL, NULL), OA_EINVALID);
        ck_assert_int_eq(oa_plan_save_workbook(p, "/nonexistent/dir",
                                               OA_WORKBOOK_CSV, &err),
                         OA_EINVALID);
        return;
    }
    ck_assert_msg(rc == OA_OK, "%s: oa_plan_write_workbook: %d: %s", rel, rc,
                  err.text);
    rc = oa_plan_read_workbook_memory(&q, book, size, "book.xlsx", &o, &err,
                                      NULL);
    ck_assert_msg(rc == OA_OK, "%s: its workbook does not read: %s", rel,
                  err.text);
    same_as_written(p, q, x1, n1, rel, "a workbook");
    oa_plan_free(q);
    oa_free(book);

    dir = temp_dir();
    csv = in_dir(dir, "plan");
    rc = oa_plan_save_workbook(p, csv, OA_WORKBOOK_CSV, &err);
    ck_assert_msg(rc == OA_OK, "%s: CSV: %s", rel, err.text);
    rc = oa_plan_read_workbook(&q, csv, &o, &err, NULL);
    ck_assert_msg(rc == OA_OK, "%s: its CSV folder does not read: %s:%d: %s",
                  rel, err.source, err.line, err.text);
    same_as_written(p, q, x1, n1, rel, "CSV files");
    oa_plan_free(q);
    {
        DIR *d = opendir(csv);
        struct dirent *e;
        ck_assert_ptr_nonnull(d);
        while ((e = readdir(d)) != NULL)
            if (e->d_name[0] != '.') {
                char *f = in_dir(csv, e->d_name);
                unlink(f);
                free(f);
            }
        closedir(d);
    }
    rmdir(csv);
    rmdir(dir);
    free(csv);
    free(dir);
}

/* ---- every plan file ---- */

/*
 * Read, write, read again: the XML written from the plan read back is
 * the same (a fixpoint), oa_plan_check says the same, and a plan that
 * passes exports the same model.  A plan the writer refuses holds what
 * the format cannot (an overflowing number): check must reject it too.
 */
START_TEST(test_plan_file)
{
    const char *rel = plans.v[_i];
    oa_plan *p = read_plan_file(rel), *q;
    char *x1 = NULL, *x2, *t1, *t2;
    size_t n1 = 0, n2 = 0;
    int rc, rc1, rc2;
    if (p == NULL)
        return; /* not a plan the reader takes: nothing to write back */
    rc = oa_plan_write(&x1, &n1, p);
    if (rc == OA_EINVALID) {
        oa_error err;
        ck_assert_ptr_null(x1);
        ck_assert_msg(oa_plan_validate(p, NULL, NULL) == OA_EINVALID,
                      "%s: refused by the writer but valid", rel);
        ck_assert_int_eq(oa_plan_save(p, "/nonexistent/never.xml", &err),
                         OA_EINVALID);
        ck_assert_msg(strstr(err.text, "cannot write <") != NULL &&
                          strstr(err.text, "not a finite number") != NULL,
                      "%s: %s", rel, err.text);
        oa_plan_free(p);
        return;
    }
    ck_assert_msg(rc == OA_OK, "%s: oa_plan_write: %d", rel, rc);
    workbook_round_trip(p, x1, n1, rel);
    q = reread(x1, n1, rel);
    x2 = write_plan(q, &n2);
    ck_assert_msg(n1 == n2 && memcmp(x1, x2, n1) == 0,
                  "%s: written again differs:\n%s\n----\n%s", rel, x1, x2);
    ck_assert_int_eq(oa_plan_period_count(q), oa_plan_period_count(p));
    ck_assert_uint_eq(oa_plan_initiative_count(q),
                      oa_plan_initiative_count(p));

    t1 = check_texts(p, &rc1);
    t2 = check_texts(q, &rc2);
    ck_assert_msg(rc1 == rc2, "%s: check %d, written back %d", rel, rc1,
                  rc2);
    ck_assert_msg(strcmp(t1, t2) == 0, "%s: check says\n%s\nwritten back\n%s",
                  rel, t1, t2);
    if (rc1 == OA_OK) {
        char *dir = temp_dir();
        char *a = in_dir(dir, "a.lp"), *b = in_dir(dir, "b.lp");
        oa_error err;
        ck_assert_msg(oa_plan_export(p, a, OA_EXPORT_LP, &err) == OA_OK,
                      "%s: %s", rel, err.text);
        ck_assert_msg(oa_plan_export(q, b, OA_EXPORT_LP, &err) == OA_OK,
                      "%s: %s", rel, err.text);
        ck_assert_msg(same_file(a, b), "%s: the LP files differ", rel);
        unlink(a);
        unlink(b);
        rmdir(dir);
        free(a);
        free(b);
        free(dir);
    } else {
        ck_assert_msg(t1[0] != '\0', "%s: check failed with no error", rel);
    }
    free(t1);
    free(t2);
    oa_free(x1);
    oa_free(x2);
    oa_plan_free(q);
    oa_plan_free(p);
}
END_TEST

/* The small plans of tests/data/solve have the same optimum, status and
 * roadmap written back, as XML and as a workbook. */
static const char *const solved[] = {
    "benefit_per_period", "budget_limit_range", "budget_total",
    "budget_unit", "budget_years", "capacity_later_wins",
    "contractors_range", "demand_phases", "driver_demand",
    "effects_negative", "effects_positive", "excludes", "forbidden",
    "infeasible_budget", "infeasible_mandatory", "labels_explicit",
    "labels_quarter", "labels_week", "levers_only", "loans_efficiency",
    "mandatory", "objective_terms", "overtime", "people_capacity",
    "requires_lag", "service_level_shortfall", "weighted_objectives" };

/* The plan of the XML oa_plan_write wrote (way 0) or of the workbook
 * oa_plan_write_workbook wrote (way 1), read with the rules applied. */
static oa_plan *written_back(const oa_plan *p, int way, const char *rel)
{
    oa_plan *q = NULL;
    oa_error err;
    char *data = NULL;
    size_t size = 0;
    int rc = way == 0 ? oa_plan_write(&data, &size, p)
                      : oa_plan_write_workbook(&data, &size, p, &err);
    ck_assert_int_eq(rc, OA_OK);
    rc = way == 0 ? oa_plan_read_memory(&q, data, size, rel, NULL, &err, NULL)
                  : oa_plan_read_workbook_memory(&q, data, size, rel, NULL,
                                                 &err, NULL);
    ck_assert_msg(rc == OA_OK, "%s written back (%s) does not read: %s", rel,
                  way ? "workbook" : "XML", err.text);
    oa_free(data);
    return q;
}

START_TEST(test_plan_solves_alike)
{
    char rel[256];
    oa_plan *p, *q;
    oa_result *r1, *r2;
    oa_error err;
    size_t i;
    int way;
    snprintf(rel, sizeof rel, "tests/data/solve/%s.xml", solved[_i]);
    p = tu_read_plan(rel);
    ck_assert_msg(oa_solve(&r1, p, NULL, &err) == OA_OK, "%s: %s", rel,
                  err.text);
    for (way = 0; way < 2; way++) {
        q = written_back(p, way, rel);
        ck_assert_msg(oa_solve(&r2, q, NULL, &err) == OA_OK, "%s: %s", rel,
                      err.text);
        ck_assert_int_eq(oa_result_status(r2), oa_result_status(r1));
        ck_assert_msg(same_num(oa_result_objective(r1),
                               oa_result_objective(r2)),
                      "%s: objective %.17g, written back %.17g", rel,
                      oa_result_objective(r1), oa_result_objective(r2));
        ck_assert_uint_eq(oa_result_initiative_count(r2),
                          oa_result_initiative_count(r1));
        for (i = 0; i < oa_result_initiative_count(r1); i++) {
            oa_initiative_result a, b;
            ck_assert_int_eq(oa_result_initiative(&a, r1, i), OA_OK);
            ck_assert_int_eq(oa_result_initiative(&b, r2, i), OA_OK);
            ck_assert_str_eq(a.id, b.id);
            ck_assert_int_eq(a.scheduled, b.scheduled);
            ck_assert_int_eq(a.start, b.start);
        }
        oa_result_free(r2);
        oa_plan_free(q);
    }
    oa_result_free(r1);
    oa_plan_free(p);
}
END_TEST

/* How many files round-trip: every example, and most of tests/data. */
START_TEST(test_plan_coverage)
{
    size_t i, read = 0, written = 0, refused = 0, examples = 0, books = 0;
    for (i = 0; i < plans.n; i++) {
        oa_plan *p = read_plan_file(plans.v[i]), *q;
        char *x = NULL;
        size_t n = 0;
        int rc;
        if (strncmp(plans.v[i], "examples/", 9) == 0) {
            ck_assert_msg(p != NULL, "%s does not read", plans.v[i]);
            examples++;
        }
        if (p == NULL)
            continue;
        read++;
        rc = oa_plan_write(&x, &n, p);
        if (rc == OA_EINVALID) {
            refused++;
        } else {
            ck_assert_int_eq(rc, OA_OK);
            char *book = NULL;
            size_t size = 0;
            q = reread(x, n, plans.v[i]);
            written++;
            if (oa_plan_write_workbook(&book, &size, p, NULL) == OA_OK)
                books++;
            oa_free(book);
            oa_plan_free(q);
        }
        oa_free(x);
        oa_plan_free(p);
    }
    printf("check_save: %zu plan files, %zu read, %zu written back and "
           "read again, %zu refused (numbers that overflow), %zu written "
           "as workbooks, %zu scenario files\n", plans.n, read, written,
           refused, books, scenarios.n);
    ck_assert_uint_ge(examples, 3);
    ck_assert_uint_ge(written, 100);
    ck_assert_uint_ge(books, written - 5);
    ck_assert_uint_le(refused, 5);
}
END_TEST

/* ---- every scenario file ---- */

/* The plan each scenario file is written for (prefixes of its path). */
static const struct {
    const char *prefix, *plan;
} scenario_plans[] = {
    { "tests/data/scenario/numbers-", "tests/data/scenario/numbers.xml" },
    { "tests/data/scenario/overtime-cost.xml", "tests/data/solve/overtime.xml" },
    { "tests/data/scenario/", "tests/data/explain/delays.xml" },
    { "tests/data/replan/", "tests/data/replan/year.xml" } };

static const char *plan_of(const char *rel)
{
    size_t k;
    for (k = 0; k < sizeof scenario_plans / sizeof scenario_plans[0]; k++)
        if (strncmp(rel, scenario_plans[k].prefix,
                    strlen(scenario_plans[k].prefix)) == 0)
            return scenario_plans[k].plan;
    return NULL;
}

static char *write_sc(const oa_scenario *s, size_t *size)
{
    char *x = NULL;
    int rc = oa_scenario_write(&x, size, s);
    ck_assert_msg(rc == OA_OK, "oa_scenario_write: %d", rc);
    ck_assert_ptr_nonnull(x);
    ck_assert_uint_eq(strlen(x), *size);
    return x;
}

static oa_scenario *reread_sc(const char *xml, size_t size,
                              const char *source)
{
    oa_scenario *s = NULL;
    oa_error err;
    int rc = oa_scenario_read_memory(&s, xml, size, source, NULL, &err,
                                     NULL);
    ck_assert_msg(rc == OA_OK, "%s written back does not read: %d: %s\n%s",
                  source, err.line, err.text, xml);
    return s;
}

/* Applies both scenarios to copies of plan: the same code, the same
 * errors, the same plan. */
static void assert_apply_alike(const oa_plan *plan, const oa_scenario *s1,
                               const oa_scenario *s2, const char *rel)
{
    oa_plan *a, *b;
    oa_error_list *ea, *eb;
    char *ta, *tb;
    int ra, rb;
    ck_assert_int_eq(oa_plan_copy(&a, plan), OA_OK);
    ck_assert_int_eq(oa_plan_copy(&b, plan), OA_OK);
    ck_assert_int_eq(oa_error_list_new(&ea), OA_OK);
    ck_assert_int_eq(oa_error_list_new(&eb), OA_OK);
    ra = oa_plan_apply_scenario(a, s1, NULL, ea);
    rb = oa_plan_apply_scenario(b, s2, NULL, eb);
    ta = texts(ea);
    tb = texts(eb);
    ck_assert_msg(ra == rb, "%s: applied %d, written back %d", rel, ra, rb);
    ck_assert_msg(strcmp(ta, tb) == 0, "%s: applied\n%s\nwritten back\n%s",
                  rel, ta, tb);
    if (ra == OA_OK) {
        size_t na, nb;
        char *xa = write_plan(a, &na), *xb = write_plan(b, &nb);
        ck_assert_msg(na == nb && memcmp(xa, xb, na) == 0,
                      "%s: the plans differ:\n%s\n----\n%s", rel, xa, xb);
        oa_free(xa);
        oa_free(xb);
    } else {
        ck_assert_msg(ta[0] != '\0', "%s: failed with no error", rel);
    }
    free(ta);
    free(tb);
    oa_error_list_free(ea);
    oa_error_list_free(eb);
    oa_plan_free(a);
    oa_plan_free(b);
}

START_TEST(test_scenario_file)
{
    const char *rel = scenarios.v[_i];
    const char *plan_rel;
    oa_scenario *s = NULL, *t, *u;
    oa_error err;
    char *x1, *x2, *x3;
    size_t n1, n2, n3;
    if (oa_scenario_read_file(&s, tu_top(rel), NULL, &err, NULL) != OA_OK)
        return; /* not a scenario the reader takes */
    x1 = write_sc(s, &n1);
    t = reread_sc(x1, n1, rel);
    ck_assert_uint_eq(oa_scenario_edit_count(t), oa_scenario_edit_count(s));
    if (oa_scenario_name(s))
        ck_assert_str_eq(oa_scenario_name(t), oa_scenario_name(s));
    else
        ck_assert_ptr_null(oa_scenario_name(t));
    x2 = write_sc(t, &n2);
    ck_assert_msg(n1 == n2 && memcmp(x1, x2, n1) == 0,
                  "%s: written again differs:\n%s\n----\n%s", rel, x1, x2);
    u = reread_sc(x2, n2, rel);
    x3 = write_sc(u, &n3);
    ck_assert_msg(n3 == n2 && memcmp(x3, x2, n2) == 0, "%s", rel);

    plan_rel = plan_of(rel);
    ck_assert_msg(plan_rel != NULL, "%s: which plan is it for?", rel);
    {
        oa_plan *p = tu_read_plan(plan_rel);
        assert_apply_alike(p, s, t, rel);
        oa_plan_free(p);
    }
    oa_free(x1);
    oa_free(x2);
    oa_free(x3);
    oa_scenario_free(u);
    oa_scenario_free(t);
    oa_scenario_free(s);
}
END_TEST

START_TEST(test_scenario_coverage)
{
    size_t i, read = 0;
    for (i = 0; i < scenarios.n; i++) {
        oa_scenario *s = NULL;
        if (oa_scenario_read_file(&s, tu_top(scenarios.v[i]), NULL, NULL,
                                  NULL) == OA_OK)
            read++;
        oa_scenario_free(s);
    }
    printf("check_save: %zu scenario files, %zu read and written back\n",
           scenarios.n, read);
    ck_assert_uint_ge(read, 25);
}
END_TEST

/* ---- plans built through the API ---- */

/* A plan with every element and attribute the format has, none at its
 * default, and numbers that %g would round. */
static oa_plan *rich_plan(void)
{
    oa_plan *p;
    oa_unit *u, *v;
    oa_operating_plan *op;
    oa_initiative *a, *b;
    oa_person *pe;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_set_name(p, "R&D <2027> \"all\" 'of it' ü"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_set_currency(p, "EUR"), OA_OK);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-Q1", OA_STEP_QUARTER, 8),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, "fte", "Staff", "FTE"), OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, "lab", NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_objective(p, "growth", "Growth", 0.1),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_objective(p, "plain", NULL, 1), OA_OK);
    ck_assert_int_eq(oa_plan_add_unit(&u, p, "eng", "Engineering"), OA_OK);
    ck_assert_int_eq(oa_unit_add_capacity(u, "fte", 1.0 / 3, NULL, NULL),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_capacity(u, "fte", 12, "2027-Q3", "6"),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_overtime(u, "fte", 0.15, 1234.5678),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_contractors(u, "fte", 2, 0, "2", NULL),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_budget(u, 1e6), OA_OK);
    ck_assert_int_eq(oa_unit_add_budget_range(u, 2.5e5, "2027-Q1", "2027-Q2"),
                     OA_OK);
    ck_assert_int_eq(oa_unit_add_capacity(u, "lab", 1e-7, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_unit(&v, p, "ops", NULL), OA_OK);
    ck_assert_int_eq(oa_unit_add_capacity(v, "fte", 123456789.123, NULL,
                                          NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_operating_plan(&op, p, "ops", "run", 0.3),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_demand(op, "fte", 2, "1", "4"),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_driver_demand(op, "fte", 9000, 600,
                                                         "5", NULL), OA_OK);
    ck_assert_int_eq(oa_operating_plan_set_service_level(op, 0.9, 50), OA_OK);
    ck_assert_int_eq(oa_operating_plan_add_target(op, "margin", -2.5, "%"),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_operating_plan(&op, p, "eng", NULL, 0),
                     OA_OK);
    ck_assert_int_eq(oa_operating_plan_set_service_level(op, 1, 0), OA_OK);
    ck_assert_int_eq(oa_plan_add_initiative(&a, p, "a", 2), OA_OK);
    ck_assert_int_eq(oa_initiative_set_name(a, "Alpha"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_owner(a, "eng"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_earliest(a, "2027-Q2"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_deadline(a, "7"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_value(a, 0.1 + 0.2), OA_OK);
    ck_assert_int_eq(oa_initiative_set_benefit_per_period(a, 10), OA_OK);
    ck_assert_int_eq(oa_initiative_set_cost(a, 5e-324), OA_OK);
    ck_assert_int_eq(oa_initiative_set_mandatory(a, 1), OA_OK);
    ck_assert_int_eq(oa_initiative_set_pin(a, "2027-Q3"), OA_OK);
    ck_assert_int_eq(oa_initiative_set_stability(a, 0, 1000), OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(a, "eng", "fte", 1.5, 1, 1),
                     OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(a, "ops", "fte", 0.25, 0, 2),
                     OA_OK);
    ck_assert_int_eq(oa_initiative_add_contribution(a, "growth", 3), OA_OK);
    ck_assert_int_eq(oa_initiative_add_effect(a, "ops", "fte", -0.5), OA_OK);
    ck_assert_int_eq(oa_plan_add_initiative(&b, p, "b", 1), OA_OK);
    ck_assert_int_eq(oa_initiative_set_forbidden(b, 1), OA_OK);
    ck_assert_int_eq(oa_initiative_set_stability(b, 7, NAN), OA_OK);
    ck_assert_int_eq(oa_initiative_add_requirement(b, "a", 2), OA_OK);
    ck_assert_int_eq(oa_initiative_add_requirement(b, "a", 0), OA_OK);
    ck_assert_int_eq(oa_initiative_add_exclusion(b, "a"), OA_OK);
    ck_assert_int_eq(oa_plan_add_loan(p, "ops", "eng", "fte", 1, 0.8, 20),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_loan(p, "eng", "ops", "fte", 2, 1, 0),
                     OA_OK);
    ck_assert_int_eq(oa_plan_set_budget_total(p, 3e6), OA_OK);
    ck_assert_int_eq(oa_plan_add_budget_limit(p, "1", "2027-Q2", 1e6), OA_OK);
    ck_assert_int_eq(oa_plan_add_budget_limit(p, NULL, NULL, 2e6), OA_OK);
    ck_assert_int_eq(oa_plan_add_person(&pe, p, "ann", "Ann", "ops", "lab",
                                        0.8, 0.1), OA_OK);
    ck_assert_int_eq(oa_person_set_max_initiatives(pe, 2), OA_OK);
    ck_assert_int_eq(oa_person_add_away(pe, "2", "3", 0.5), OA_OK);
    ck_assert_int_eq(oa_person_add_away(pe, "2028-Q1", NULL, OA_AWAY_ALL),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_person(&pe, p, "bob", NULL, "ops", "lab", 1,
                                        0), OA_OK);
    ck_assert_int_eq(oa_person_add_away(pe, NULL, NULL, 0), OA_OK);
    return p;
}

START_TEST(test_api_plan)
{
    oa_plan *p = rich_plan(), *q;
    const oa_initiative *a, *b;
    const oa_person *pe;
    const oa_operating_plan *op;
    oa_capacity_info ci;
    oa_demand_info di;
    oa_initiative_demand_info ii;
    oa_requirement_info ri;
    oa_away_info ai;
    oa_target_info ti;
    oa_loan_info li;
    oa_limit_info mi;
    oa_unit_budget_info bi;
    double total, mn, pen;
    const char *start;
    oa_step step;
    int periods;
    char *x1, *x2;
    size_t n1, n2;
    oa_error err;

    ck_assert_msg(oa_plan_validate(p, &err, NULL) == OA_OK, "%s", err.text);
    x1 = write_plan(p, &n1);
    /* validated as it is read: the plan is valid, and so is its file */
    ck_assert_msg(oa_plan_read_memory(&q, x1, n1, "api.xml", NULL, &err,
                                      NULL) == OA_OK,
                  "%d: %s\n%s", err.line, err.text, x1);
    x2 = write_plan(q, &n2);
    ck_assert_str_eq(x1, x2);

    ck_assert_str_eq(oa_plan_name(q), "R&D <2027> \"all\" 'of it' ü");
    ck_assert_str_eq(oa_plan_currency(q), "EUR");
    ck_assert_int_eq(oa_plan_horizon(&start, &step, &periods, q), OA_OK);
    ck_assert_str_eq(start, "2027-Q1");
    ck_assert_int_eq(step, OA_STEP_QUARTER);
    ck_assert_int_eq(periods, 8);
    ck_assert_uint_eq(oa_plan_resource_count(q), 2);
    ck_assert_uint_eq(oa_plan_objective_count(q), 2);
    {
        oa_objective_info o;
        ck_assert_int_eq(oa_plan_objective(&o, q, 0), OA_OK);
        ck_assert(o.weight == 0.1);
        ck_assert_int_eq(oa_plan_objective(&o, q, 1), OA_OK);
        ck_assert(o.weight == 1);
        ck_assert_ptr_null(o.name);
    }
    ck_assert_uint_eq(oa_unit_capacity_count(oa_plan_unit(q, 0)), 3);
    ck_assert_int_eq(oa_unit_capacity(&ci, oa_plan_unit(q, 0), 0), OA_OK);
    ck_assert(ci.value == 1.0 / 3);
    ck_assert_ptr_null(ci.from);
    ck_assert_int_eq(oa_unit_capacity(&ci, oa_plan_unit(q, 0), 1), OA_OK);
    ck_assert_str_eq(ci.from, "2027-Q3");
    ck_assert_str_eq(ci.to, "6");
    ck_assert_int_eq(oa_unit_capacity(&ci, oa_plan_unit(q, 0), 2), OA_OK);
    ck_assert(ci.value == 1e-7);
    ck_assert_int_eq(oa_unit_capacity(&ci, oa_plan_unit(q, 1), 0), OA_OK);
    ck_assert(ci.value == 123456789.123);
    ck_assert_uint_eq(oa_unit_budget_count(oa_plan_unit(q, 0)), 2);
    ck_assert_int_eq(oa_unit_budget(&bi, oa_plan_unit(q, 0), 1), OA_OK);
    ck_assert(bi.value == 2.5e5);
    ck_assert_str_eq(bi.from, "2027-Q1");
    op = oa_plan_operating_plan(q, 0);
    ck_assert(oa_operating_plan_cost(op) == 0.3);
    ck_assert_int_eq(oa_operating_plan_demand(&di, op, 1), OA_OK);
    ck_assert_int_eq(di.driver, 1);
    ck_assert(di.volume == 9000 && di.productivity == 600);
    ck_assert_int_eq(oa_operating_plan_service_level(&mn, &pen, op), OA_OK);
    ck_assert(mn == 0.9 && pen == 50);
    ck_assert_int_eq(oa_operating_plan_target(&ti, op, 0), OA_OK);
    ck_assert(ti.value == -2.5);
    /* a service level at its defaults is still there */
    op = oa_plan_operating_plan(q, 1);
    ck_assert_ptr_null(oa_operating_plan_name(op));
    ck_assert_int_eq(oa_operating_plan_service_level(&mn, &pen, op), OA_OK);
    ck_assert(mn == 1 && pen == 0);

    a = oa_plan_initiative(q, 0);
    ck_assert_str_eq(oa_initiative_name(a), "Alpha");
    ck_assert_str_eq(oa_initiative_owner(a), "eng");
    ck_assert_str_eq(oa_initiative_earliest(a), "2027-Q2");
    ck_assert_str_eq(oa_initiative_deadline(a), "7");
    ck_assert(oa_initiative_value(a) == 0.1 + 0.2);
    ck_assert(oa_initiative_cost(a) == 5e-324);
    ck_assert_int_eq(oa_initiative_mandatory(a), 1);
    ck_assert_str_eq(oa_initiative_pin(a), "2027-Q3");
    ck_assert(oa_initiative_move_price(a) == 0);
    ck_assert(oa_initiative_drop_price(a) == 1000);
    ck_assert_int_eq(oa_initiative_demand(&ii, a, 0), OA_OK);
    ck_assert_int_eq(ii.first, 1);
    ck_assert_int_eq(ii.last, 1);
    ck_assert_int_eq(oa_initiative_demand(&ii, a, 1), OA_OK);
    ck_assert_int_eq(ii.first, 0);
    ck_assert_int_eq(ii.last, 2);
    b = oa_plan_initiative(q, 1);
    ck_assert_ptr_null(oa_initiative_name(b));
    ck_assert_int_eq(oa_initiative_forbidden(b), 1);
    ck_assert_int_eq(oa_initiative_mandatory(b), 0);
    ck_assert(oa_initiative_move_price(b) == 7);
    ck_assert(isnan(oa_initiative_drop_price(b)));
    ck_assert_uint_eq(oa_initiative_requirement_count(b), 2);
    ck_assert_int_eq(oa_initiative_requirement(&ri, b, 0), OA_OK);
    ck_assert_int_eq(ri.lag, 2);
    ck_assert_uint_eq(oa_initiative_exclusion_count(b), 1);
    ck_assert_int_eq(oa_plan_loan(&li, q, 0), OA_OK);
    ck_assert(li.efficiency == 0.8 && li.cost == 20);
    ck_assert_int_eq(oa_plan_loan(&li, q, 1), OA_OK);
    ck_assert(li.efficiency == 1 && li.cost == 0);
    ck_assert_int_eq(oa_plan_budget_total(&total, q), OA_OK);
    ck_assert(total == 3e6);
    ck_assert_uint_eq(oa_plan_budget_limit_count(q), 2);
    ck_assert_int_eq(oa_plan_budget_limit(&mi, q, 1), OA_OK);
    ck_assert_ptr_null(mi.from);
    ck_assert_ptr_null(mi.to);
    pe = oa_plan_person(q, 0);
    ck_assert(oa_person_fte(pe) == 0.8 && oa_person_development(pe) == 0.1);
    ck_assert_int_eq(oa_person_max_initiatives(pe), 2);
    ck_assert_int_eq(oa_person_away(&ai, pe, 0), OA_OK);
    ck_assert(ai.fte == 0.5);
    ck_assert_int_eq(oa_person_away(&ai, pe, 1), OA_OK);
    ck_assert(ai.fte == OA_AWAY_ALL);
    ck_assert_ptr_null(ai.to);
    ck_assert_int_eq(oa_person_away(&ai, oa_plan_person(q, 1), 0), OA_OK);
    ck_assert(ai.fte == 0);

    /* what the reader takes for absent is not written */
    ck_assert_ptr_null(strstr(x1, "weight=\"1\""));
    ck_assert_ptr_null(strstr(x1, "efficiency=\"1\""));
    ck_assert_ptr_null(strstr(x1, "mandatory=\"false\""));
    ck_assert_ptr_null(strstr(x1, "lag=\"0\""));
    ck_assert_ptr_nonnull(strstr(x1, "step=\"quarter\""));
    ck_assert_ptr_nonnull(strstr(x1, "<service-level/>"));
    ck_assert_ptr_nonnull(strstr(x1, "<away from=\"2028-Q1\"/>"));
    ck_assert_ptr_nonnull(strstr(x1, "<away fte=\"0\"/>"));

    oa_free(x1);
    oa_free(x2);
    oa_plan_free(q);
    oa_plan_free(p);
}
END_TEST

/* Explicit labels, a month step and a plan at its defaults. */
START_TEST(test_api_defaults)
{
    oa_plan *p, *q;
    oa_unit *u;
    oa_initiative *a;
    char *x, *y;
    size_t n, m;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_add_period(p, "H1"), OA_OK);
    ck_assert_int_eq(oa_plan_add_period(p, "H2 (late)"), OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, "fte", NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_unit(&u, p, "eng", NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_initiative(&a, p, "a", 1), OA_OK);
    x = write_plan(p, &n);
    ck_assert_str_eq(x,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<plan version=\"1\">\n"
        "  <horizon>\n"
        "    <period label=\"H1\"/>\n"
        "    <period label=\"H2 (late)\"/>\n"
        "  </horizon>\n"
        "  <resources>\n"
        "    <resource id=\"fte\"/>\n"
        "  </resources>\n"
        "  <units>\n"
        "    <unit id=\"eng\"/>\n"
        "  </units>\n"
        "  <initiatives>\n"
        "    <initiative id=\"a\" duration=\"1\"/>\n"
        "  </initiatives>\n"
        "</plan>\n");
    q = reread(x, n, "defaults.xml");
    ck_assert_uint_eq(oa_plan_explicit_period_count(q), 2);
    ck_assert_str_eq(oa_plan_explicit_period(q, 1), "H2 (late)");
    ck_assert(isnan(oa_initiative_move_price(oa_plan_initiative(q, 0))));
    oa_plan_free(q);
    oa_free(x);
    oa_plan_free(p);

    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 12),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, "fte", NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_unit(&u, p, "eng", NULL), OA_OK);
    x = write_plan(p, &n);
    ck_assert_ptr_nonnull(strstr(x, "<horizon start=\"2027-01\" "
                                    "periods=\"12\"/>"));
    q = reread(x, n, "month.xml");
    y = write_plan(q, &m);
    ck_assert_str_eq(x, y);
    oa_free(x);
    oa_free(y);
    oa_plan_free(q);
    oa_plan_free(p);
}
END_TEST

/* Numbers read back as the same double. */
START_TEST(test_numbers)
{
    static const double v[] = { 0, 1, 0.1, 1.0 / 3, 2.0 / 3, 1e-7, 1e-300,
                                5e-324, 123456789.123, 1e12, 999999999999.5,
                                1e15, 1e15 + 2, 9007199254740993.0, 1e300,
                                1.7976931348623157e308, 0.30000000000000004,
                                4.35, 2.675 };
    size_t k;
    for (k = 0; k < sizeof v / sizeof v[0]; k++) {
        oa_plan *p, *q;
        oa_unit *u;
        oa_capacity_info ci;
        oa_effect_info ei;
        oa_initiative *a;
        char *x;
        size_t n;
        ck_assert_int_eq(oa_plan_new(&p), OA_OK);
        ck_assert_int_eq(oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 1),
                         OA_OK);
        ck_assert_int_eq(oa_plan_add_resource(p, "fte", NULL, NULL), OA_OK);
        ck_assert_int_eq(oa_plan_add_unit(&u, p, "eng", NULL), OA_OK);
        ck_assert_int_eq(oa_unit_add_capacity(u, "fte", v[k], NULL, NULL),
                         OA_OK);
        ck_assert_int_eq(oa_plan_add_initiative(&a, p, "a", 1), OA_OK);
        ck_assert_int_eq(oa_initiative_add_effect(a, "eng", "fte", -v[k]),
                         OA_OK);
        x = write_plan(p, &n);
        q = reread(x, n, "numbers.xml");
        ck_assert_int_eq(oa_unit_capacity(&ci, oa_plan_unit(q, 0), 0), OA_OK);
        ck_assert_msg(ci.value == v[k], "%.17g read back as %.17g", v[k],
                      ci.value);
        ck_assert_int_eq(oa_initiative_effect(&ei, oa_plan_initiative(q, 0),
                                              0), OA_OK);
        ck_assert_msg(ei.value == -v[k], "%.17g read back as %.17g", -v[k],
                      ei.value);
        oa_free(x);
        oa_plan_free(q);
        oa_plan_free(p);
    }
}
END_TEST

/* A minimal valid plan to spoil. */
static oa_plan *small_plan(oa_unit **u, oa_initiative **a)
{
    oa_plan *p;
    ck_assert_int_eq(oa_plan_new(&p), OA_OK);
    ck_assert_int_eq(oa_plan_set_source(p, "api-plan"), OA_OK);
    ck_assert_int_eq(oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 4),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(p, "fte", NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_unit(u, p, "eng", NULL), OA_OK);
    ck_assert_int_eq(oa_unit_add_capacity(*u, "fte", 2, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_plan_add_initiative(a, p, "a", 1), OA_OK);
    return p;
}

/* What the format cannot hold is refused, with the element and the
 * attribute; nothing is written. */
START_TEST(test_refused)
{
    static const char *const expect[] = {
        "cannot write <capacity> of unit 'eng': value is not a finite number",
        "cannot write <initiative> 'a': cost -5 is negative",
        "cannot write <overtime> of unit 'eng': max is not a finite number",
        "cannot write <unit>: id 'the eng' is not an id",
        "cannot write <demand> of initiative 'a': resource '' is not an id",
        "cannot write <capacity> of unit 'eng': from is empty",
        "cannot write <initiative> 'a': duration -1 is not a whole number",
        "cannot write <requires> of initiative 'a': lag -2 is not a whole",
        "cannot write <horizon>: the plan has both generated labels",
        "cannot write <initiative> 'a': stability is not a finite number",
        "cannot write <away> of person 'p': fte -0.5 is negative",
        "cannot write <effect> of initiative 'a': value is not a finite",
        "cannot write <resources>: the plan has no resource",
        "cannot write <budget>: total is not a finite number",
        "cannot write <loan> from 'eng' to 'ops': max is not a finite",
        "cannot write <person> 'p': development -1 is negative",
    };
    size_t k;
    for (k = 0; k < sizeof expect / sizeof expect[0]; k++) {
        oa_unit *u;
        oa_initiative *a;
        oa_person *pe;
        oa_plan *p;
        oa_error err;
        char *x = (char *)"untouched";
        size_t n = 7;
        char *dir = temp_dir(), *path = in_dir(dir, "plan.xml");
        char *old;
        if (k == 12) {
            ck_assert_int_eq(oa_plan_new(&p), OA_OK);
            ck_assert_int_eq(oa_plan_set_source(p, "api-plan"), OA_OK);
            ck_assert_int_eq(oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH,
                                                 4), OA_OK);
            ck_assert_int_eq(oa_plan_add_unit(&u, p, "eng", NULL), OA_OK);
        } else {
            p = small_plan(&u, &a);
        }
        ck_assert_int_eq(oa_plan_set_line(p, 40 + (int)k), OA_OK);
        switch (k) {
        case 0: oa_unit_add_capacity(u, "fte", NAN, NULL, NULL); break;
        case 1: oa_initiative_set_cost(a, -5); break;
        case 2: oa_unit_add_overtime(u, "fte", INFINITY, 0); break;
        case 3: oa_plan_add_unit(NULL, p, "the eng", NULL); break;
        case 4: oa_initiative_add_demand(a, "eng", "", 1, 0, 0); break;
        case 5: oa_unit_add_capacity(u, "fte", 1, "", NULL); break;
        case 6: oa_initiative_set_duration(a, -1); break;
        case 7: oa_initiative_add_requirement(a, "a", -2); break;
        case 8: oa_plan_add_period(p, "H1"); break;
        case 9: oa_initiative_set_stability(a, -INFINITY, 1); break;
        case 10:
            ck_assert_int_eq(oa_plan_add_person(&pe, p, "p", NULL, "eng",
                                                "fte", 1, 0), OA_OK);
            oa_person_add_away(pe, NULL, NULL, -0.5);
            break;
        case 11: oa_initiative_add_effect(a, "eng", "fte", NAN); break;
        case 12: break;
        case 13: oa_plan_set_budget_total(p, NAN); break;
        case 14: oa_plan_add_loan(p, "eng", "ops", "fte", NAN, 1, 0); break;
        case 15:
            ck_assert_int_eq(oa_plan_add_person(&pe, p, "p", NULL, "eng",
                                                "fte", 1, -1), OA_OK);
            break;
        }
        ck_assert_int_eq(oa_plan_write(&x, &n, p), OA_EINVALID);
        ck_assert_ptr_null(x);
        ck_assert_uint_eq(n, 0);
        /* an old file stays as it was */
        ck_assert_int_eq(oa_file_save(path, "old", 3, NULL), OA_OK);
        ck_assert_int_eq(oa_plan_save(p, path, &err), OA_EINVALID);
        ck_assert_int_eq(err.code, OA_EINVALID);
        ck_assert_msg(strncmp(err.text, expect[k], strlen(expect[k])) == 0,
                      "case %zu: %s", k, err.text);
        ck_assert_str_eq(err.source, "api-plan");
        /* the line of the element refused: a's own attributes were set
         * on the line it was added at (none), the horizon's is the line
         * of its first period */
        ck_assert_int_eq(err.line, k == 1 || k == 6 || k == 9 || k == 12 ||
                                           k == 16
                                       ? -1
                                       : 40 + (int)k);
        old = tu_slurp(path, NULL);
        ck_assert_str_eq(old, "old");
        free(old);
        unlink(path);
        rmdir(dir);
        free(path);
        free(dir);
        oa_plan_free(p);
    }
    ck_assert_int_eq(oa_plan_write(NULL, NULL, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_plan_save(NULL, "x.xml", NULL), OA_EINVAL);
}
END_TEST

/* ---- scenarios built through the API ---- */

/* Every kind of edit; attribute edits of one initiative out of the
 * reader's order, which one element could not give. */
static oa_scenario *rich_scenario(void)
{
    oa_scenario *s;
    oa_plan *scratch;
    oa_initiative *d;
    double v = 2, c = 0.5, w = 150, pr = 100;
    ck_assert_int_eq(oa_scenario_new(&s, "every edit & more"), OA_OK);
    ck_assert_int_eq(oa_scenario_set_capacity(s, "eng", "fte", 3, "2027-02",
                                              NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_scale_capacity(s, "*", "*", 1.0 / 3, NULL,
                                                "3"), OA_OK);
    ck_assert_int_eq(oa_scenario_set_contractors(s, "eng", "fte", &v, NULL,
                                                 NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_set_overtime(s, "eng", "fte", NULL, &c),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "value", "200"),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "name", "Alpha"),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "pin", ""), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "A", "unpin", "true"),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "*", "slip", "-1"),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_remove_initiative(s, "B"), OA_OK);
    ck_assert_int_eq(oa_scenario_set_initiative(s, "B", "cost", "1e2"),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_budget_total(s, 5000), OA_OK);
    ck_assert_int_eq(oa_scenario_scale_budgets(s, 0.9), OA_OK);
    ck_assert_int_eq(oa_scenario_scale_budgets(s, 1.1), OA_OK);
    ck_assert_int_eq(oa_scenario_set_limit(s, "1", "2", &w, &c), OA_OK);
    ck_assert_int_eq(oa_scenario_set_unit_budget(s, "*", NULL, &c), OA_OK);
    ck_assert_int_eq(oa_scenario_set_demand(s, "C", "ops", "*", &v, NULL),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_loan(s, "ops", "eng", "fte", &v, &c),
                     OA_OK);
    ck_assert_int_eq(oa_scenario_set_operating_plan(s, "ops", "*", "fte",
                                                    &c, &w, &pr), OA_OK);
    ck_assert_int_eq(oa_plan_new(&scratch), OA_OK);
    ck_assert_int_eq(oa_plan_add_initiative(&d, scratch, "D", 1), OA_OK);
    ck_assert_int_eq(oa_initiative_set_value(d, 500), OA_OK);
    ck_assert_int_eq(oa_initiative_add_demand(d, "ops", "fte", 1, 0, 0),
                     OA_OK);
    ck_assert_int_eq(oa_initiative_add_requirement(d, "A", 1), OA_OK);
    ck_assert_int_eq(oa_scenario_add_initiative(s, d), OA_OK);
    oa_plan_free(scratch);
    return s;
}

START_TEST(test_api_scenario)
{
    oa_scenario *s = rich_scenario(), *t;
    oa_plan *p;
    char *x, *y;
    size_t n, m;
    x = write_sc(s, &n);
    t = reread_sc(x, n, "api-scenario.xml");
    ck_assert_uint_eq(oa_scenario_edit_count(t), oa_scenario_edit_count(s));
    ck_assert_str_eq(oa_scenario_name(t), "every edit & more");
    y = write_sc(t, &m);
    ck_assert_str_eq(x, y);
    /* A's value and name: two elements (name comes first in one);
     * pin="" and unpin in one; B removed, then its cost; total and the
     * first scale in one <budget>, the second alone */
    ck_assert_ptr_nonnull(strstr(x, "<initiative id=\"A\" value=\"200\"/>\n"
                                    "  <initiative id=\"A\" name=\"Alpha\" "
                                    "pin=\"\" unpin=\"true\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<initiative id=\"B\" remove=\"true\" "
                                    "cost=\"1e2\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<budget total=\"5000\" scale=\"0.9\"/>\n"
                                    "  <budget scale=\"1.1\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<add>\n    <initiative id=\"D\" "
                                    "duration=\"1\" value=\"500\">"));
    p = tu_read_plan("tests/data/scenario/numbers.xml");
    assert_apply_alike(p, s, t, "api-scenario");
    oa_plan_free(p);
    oa_free(x);
    oa_free(y);
    oa_scenario_free(t);
    oa_scenario_free(s);
}
END_TEST

START_TEST(test_scenario_refused)
{
    static const char *const expect[] = {
        "cannot write <initiative> 'A': initiatives have no attribute "
        "'colour'",
        "cannot write <initiative> 'A': value 'ten' is not a number of at "
        "least 0",
        "cannot write <initiative> 'A': mandatory 'yes' is not true, false",
        "cannot write <initiative> 'A': duration '-2' is not a whole number",
        "cannot write <initiative> 'A': earliest is empty",
        "cannot write <capacity> of scenario 's': unit 'the eng' is not an "
        "id",
        "cannot write <demand> of scenario 's': initiative '*' is not an id",
        "cannot write <limit> of scenario 's': from is empty",
    };
    size_t k;
    for (k = 0; k < sizeof expect / sizeof expect[0]; k++) {
        oa_scenario *s;
        oa_error err;
        char *x = NULL;
        double one = 1;
        ck_assert_int_eq(oa_scenario_new(&s, "s"), OA_OK);
        switch (k) {
        case 0: oa_scenario_set_initiative(s, "A", "colour", "red"); break;
        case 1: oa_scenario_set_initiative(s, "A", "value", "ten"); break;
        case 2: oa_scenario_set_initiative(s, "A", "mandatory", "yes"); break;
        case 3: oa_scenario_set_initiative(s, "A", "duration", "-2"); break;
        case 4: oa_scenario_set_initiative(s, "A", "earliest", ""); break;
        case 5: oa_scenario_set_capacity(s, "the eng", "fte", 1, NULL, NULL);
            break;
        case 6: oa_scenario_set_demand(s, "*", "*", "*", &one, NULL); break;
        case 7: oa_scenario_set_limit(s, "", NULL, &one, NULL); break;
        }
        ck_assert_uint_eq(oa_scenario_edit_count(s), 1);
        ck_assert_int_eq(oa_scenario_write(&x, NULL, s), OA_EINVALID);
        ck_assert_ptr_null(x);
        ck_assert_int_eq(oa_scenario_save(s, "/nonexistent/s.xml", &err),
                         OA_EINVALID);
        ck_assert_msg(strncmp(err.text, expect[k], strlen(expect[k])) == 0,
                      "case %zu: %s", k, err.text);
        oa_scenario_free(s);
    }
    ck_assert_int_eq(oa_scenario_write(NULL, NULL, NULL), OA_EINVAL);
    ck_assert_int_eq(oa_scenario_save(NULL, "x.xml", NULL), OA_EINVAL);
}
END_TEST

/* ---- saving ---- */

START_TEST(test_save)
{
    oa_plan *p = tu_read_plan("examples/small.xml"), *q;
    oa_scenario *s = NULL, *t;
    char *dir = temp_dir(), *path = in_dir(dir, "plan.xml");
    char *spath = in_dir(dir, "sc.xml"), *bad = in_dir(dir, "no/plan.xml");
    char *x, *file, msg[2048];
    size_t n, fn;
    oa_error err;

    ck_assert_int_eq(oa_plan_save(p, path, &err), OA_OK);
    x = write_plan(p, &n);
    file = tu_slurp(path, &fn);
    ck_assert_ptr_nonnull(file);
    ck_assert_uint_eq(fn, n);
    ck_assert_int_eq(memcmp(file, x, n), 0);
    ck_assert_msg(oa_plan_read_file(&q, path, NULL, &err, NULL) == OA_OK,
                  "%s", err.text);
    ck_assert_str_eq(oa_plan_source(q), path);
    oa_plan_free(q);
    free(file);
    oa_free(x);
    /* saving again replaces the file */
    ck_assert_int_eq(oa_plan_set_name(p, "renamed"), OA_OK);
    ck_assert_int_eq(oa_plan_save(p, path, &err), OA_OK);
    ck_assert_int_eq(oa_plan_read_file(&q, path, NULL, &err, NULL), OA_OK);
    ck_assert_str_eq(oa_plan_name(q), "renamed");
    oa_plan_free(q);

    /* a directory that is not there: the error names the path */
    ck_assert_int_eq(oa_plan_save(p, bad, &err), OA_EIO);
    ck_assert_int_eq(err.code, OA_EIO);
    ck_assert_str_eq(err.source, bad);
    oa_error_format(msg, sizeof msg, &err);
    ck_assert_msg(strstr(msg, bad) != NULL, "%s", msg);
    /* a directory in the way */
    ck_assert_int_eq(oa_plan_save(p, dir, &err), OA_EIO);
    ck_assert_str_eq(err.source, dir);

    ck_assert_int_eq(oa_scenario_read_file(&s, tu_top("tests/data/scenario/"
                                                      "numbers-add.xml"),
                                           NULL, &err, NULL), OA_OK);
    ck_assert_int_eq(oa_scenario_save(s, spath, &err), OA_OK);
    x = write_sc(s, &n);
    file = tu_slurp(spath, &fn);
    ck_assert_ptr_nonnull(file);
    ck_assert_uint_eq(fn, n);
    ck_assert_int_eq(memcmp(file, x, n), 0);
    ck_assert_msg(oa_scenario_read_file(&t, spath, NULL, &err, NULL) == OA_OK,
                  "%s", err.text);
    ck_assert_str_eq(oa_scenario_source(t), spath);
    ck_assert_uint_eq(oa_scenario_edit_count(t), oa_scenario_edit_count(s));
    oa_scenario_free(t);
    ck_assert_int_eq(oa_scenario_save(s, bad, &err), OA_EIO);
    ck_assert_str_eq(err.source, bad);
    free(file);
    oa_free(x);

    unlink(path);
    unlink(spath);
    ck_assert_int_eq(rmdir(dir), 0);
    free(path);
    free(spath);
    free(bad);
    free(dir);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

/* Out of memory at any allocation: OA_ENOMEM and nothing returned, or
 * the same text. */
START_TEST(test_alloc_failures)
{
    oa_plan *p = rich_plan();
    oa_scenario *s = rich_scenario();
    char *want, *wants;
    size_t nw, nws;
    long n;
    int ok = 0, nomem = 0;
    want = write_plan(p, &nw);
    wants = write_sc(s, &nws);
    for (n = 0; n < 100000 && ok < 2; n++) {
        char *x = NULL, *y = NULL;
        size_t nx = 0, ny = 0;
        int rc, rs;
        ok = 0;
        tu_alloc_left = n;
        oa_set_alloc_funcs(tu_failing_malloc, tu_failing_realloc, free);
        rc = oa_plan_write(&x, &nx, p);
        tu_alloc_left = n;
        rs = oa_scenario_write(&y, &ny, s);
        oa_set_alloc_funcs(NULL, NULL, NULL);
        ck_assert_msg(rc == OA_OK || rc == OA_ENOMEM, "%ld: %d", n, rc);
        ck_assert_msg(rs == OA_OK || rs == OA_ENOMEM, "%ld: %d", n, rs);
        if (rc == OA_OK) {
            ck_assert_uint_eq(nx, nw);
            ck_assert_str_eq(x, want);
            ok++;
        } else {
            ck_assert_ptr_null(x);
            nomem++;
        }
        if (rs == OA_OK) {
            ck_assert_uint_eq(ny, nws);
            ck_assert_str_eq(y, wants);
            ok++;
        } else {
            ck_assert_ptr_null(y);
        }
        oa_free(x);
        oa_free(y);
    }
    ck_assert_int_eq(ok, 2);
    ck_assert_int_gt(nomem, 10);
    oa_free(want);
    oa_free(wants);
    oa_scenario_free(s);
    oa_plan_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("save");
    TCase *tf = tcase_create("files");
    TCase *ta = tcase_create("api");
    int rc;
    size_t i;
    scan_all();
    tcase_set_timeout(tf, 120);
    tcase_add_loop_test(tf, test_plan_file, 0, (int)plans.n);
    tcase_add_loop_test(tf, test_plan_solves_alike, 0,
                        (int)(sizeof solved / sizeof solved[0]));
    tcase_add_test(tf, test_plan_coverage);
    tcase_add_loop_test(tf, test_scenario_file, 0, (int)scenarios.n);
    tcase_add_test(tf, test_scenario_coverage);
    suite_add_tcase(s, tf);
    tcase_add_test(ta, test_api_plan);
    tcase_add_test(ta, test_api_defaults);
    tcase_add_test(ta, test_numbers);
    tcase_add_test(ta, test_refused);
    tcase_add_test(ta, test_api_scenario);
    tcase_add_test(ta, test_scenario_refused);
    tcase_add_test(ta, test_save);
    tcase_add_test(ta, test_alloc_failures);
    suite_add_tcase(s, ta);
    rc = tu_run(s);
    for (i = 0; i < plans.n; i++)
        free(plans.v[i]);
    for (i = 0; i < scenarios.n; i++)
        free(scenarios.v[i]);
    free(plans.v);
    free(scenarios.v);
    return rc;
}
