/*
 * The XML reader: every element read with the right values, and hostile
 * or broken input rejected with a clean error.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

START_TEST(test_read_every_element)
{
    oa_plan *p;
    oa_error err;
    const oa_unit *u;
    const oa_operating_plan *op;
    const oa_initiative *ini;
    const oa_person *pe;
    oa_capacity_info cap;
    oa_overtime_info ot;
    oa_contractors_info ct;
    oa_unit_budget_info ub;
    oa_demand_info d;
    oa_target_info tg;
    oa_initiative_demand_info id;
    oa_contribution_info co;
    oa_requirement_info rq;
    oa_exclusion_info ex;
    oa_effect_info ef;
    oa_loan_info ln;
    oa_limit_info lm;
    oa_away_info aw;
    oa_resource_info r;
    oa_objective_info o;
    oa_checked *k;
    double v, pen;
    const char *start;
    oa_step step;
    int periods, es, ls;

    ck_assert_int_eq(oa_plan_read_file(&p, tu_path("data/read/all.xml"),
                                       NULL, &err, NULL),
                     OA_OK);
    ck_assert_int_eq(oa_plan_check(&k, p, NULL, NULL), OA_OK);
    ck_assert_str_eq(oa_plan_name(p), "All & everything");
    ck_assert_str_eq(oa_plan_currency(p), "EUR");
    ck_assert_int_eq(oa_plan_horizon(&start, &step, &periods, p), OA_OK);
    ck_assert_str_eq(start, "2027-Q1");
    ck_assert_int_eq(step, OA_STEP_QUARTER);
    ck_assert_int_eq(periods, 4);
    ck_assert_str_eq(oa_plan_period_label(p, 4), "2027-Q4");

    ck_assert_int_eq(oa_plan_resource(&r, p, 1), OA_OK);
    ck_assert_str_eq(r.id, "lab-hours");
    ck_assert_ptr_null(r.name);
    ck_assert_str_eq(r.measure, "h");
    ck_assert_int_eq(r.line, 8);
    ck_assert_int_eq(oa_plan_objective(&o, p, 0), OA_OK);
    tu_assert_num(o.weight, 1000);
    ck_assert_str_eq(o.name, "Growth");
    ck_assert_int_eq(oa_plan_objective(&o, p, 1), OA_OK);
    tu_assert_num(o.weight, 1); /* the default */

    u = oa_plan_unit(p, 0);
    ck_assert_str_eq(oa_unit_name(u), "Engineering");
    ck_assert_int_eq(oa_unit_line(u), 15);
    ck_assert_int_eq(oa_unit_capacity(&cap, u, 1), OA_OK);
    tu_assert_num(cap.value, 22.5);
    ck_assert_str_eq(cap.from, "2027-Q3");
    ck_assert_int_eq(cap.line, 17);
    ck_assert_int_eq(oa_unit_overtime(&ot, u, 0), OA_OK);
    tu_assert_num(ot.max, 0.1);
    tu_assert_num(ot.cost, 9000);
    ck_assert_int_eq(oa_unit_contractors(&ct, u, 0), OA_OK);
    tu_assert_num(ct.max, 3);
    tu_assert_num(ct.cost, 15000);
    ck_assert_str_eq(ct.from, "2");
    ck_assert_str_eq(ct.to, "3");
    ck_assert_int_eq(oa_unit_budget(&ub, u, 0), OA_OK);
    tu_assert_num(ub.value, 2e6);
    u = oa_plan_unit(p, 1);
    ck_assert_int_eq(oa_unit_capacity(&cap, u, 0), OA_OK);
    tu_assert_num(cap.value, 400);
    ck_assert_ptr_null(cap.from);
    ck_assert_str_eq(cap.to, "2027-Q2");
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "lab", "lab-hours", 2), OA_OK);
    tu_assert_num(v, 400);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "lab", "lab-hours", 3), OA_OK);
    tu_assert_num(v, 0);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "eng", "fte", 3), OA_OK);
    tu_assert_num(v, 22.5);

    op = oa_plan_operating_plan(p, 0);
    ck_assert_str_eq(oa_operating_plan_name(op), "Run");
    tu_assert_num(oa_operating_plan_cost(op), 120000);
    ck_assert_int_eq(oa_operating_plan_service_level(&v, &pen, op), OA_OK);
    tu_assert_num(v, 0.8);
    tu_assert_num(pen, 5000);
    ck_assert_int_eq(oa_operating_plan_target(&tg, op, 0), OA_OK);
    ck_assert_str_eq(tg.name, "Uptime");
    tu_assert_num(tg.value, -0.5);
    op = oa_plan_operating_plan(p, 1);
    ck_assert_int_eq(oa_operating_plan_demand(&d, op, 0), OA_OK);
    ck_assert_int_eq(d.driver, 1);
    tu_assert_num(d.value, 15);
    ck_assert_str_eq(d.from, "1");
    ck_assert_str_eq(d.to, "2027-Q4");
    ck_assert_int_eq(oa_checked_run_demand_at(&v, k, "support", "fte", 4), OA_OK);
    tu_assert_num(v, 15);

    ini = oa_plan_initiative(p, 0);
    ck_assert_str_eq(oa_initiative_id(ini), "crm");
    ck_assert_str_eq(oa_initiative_name(ini), "CRM");
    ck_assert_str_eq(oa_initiative_owner(ini), "eng");
    ck_assert_int_eq(oa_initiative_duration(ini), 1);
    ck_assert_str_eq(oa_initiative_earliest(ini), "2027-Q2");
    ck_assert_str_eq(oa_initiative_deadline(ini), "4");
    tu_assert_num(oa_initiative_value(ini), 500000);
    tu_assert_num(oa_initiative_benefit_per_period(ini), 10000);
    tu_assert_num(oa_initiative_cost(ini), 80000);
    ck_assert_int_eq(oa_initiative_mandatory(ini), 1);
    ck_assert_int_eq(oa_initiative_demand(&id, ini, 0), OA_OK);
    ck_assert_int_eq(id.first, 1);
    ck_assert_int_eq(id.last, 1);
    ck_assert_int_eq(oa_initiative_demand(&id, ini, 1), OA_OK);
    ck_assert_str_eq(id.unit, "lab");
    ck_assert_int_eq(id.first, 0);
    tu_assert_num(id.value, 50);
    ck_assert_int_eq(oa_initiative_contribution(&co, ini, 0), OA_OK);
    tu_assert_num(co.score, 3);
    ck_assert_int_eq(oa_initiative_effect(&ef, ini, 0), OA_OK);
    tu_assert_num(ef.value, -2);
    ini = oa_plan_initiative(p, 1);
    ck_assert_int_eq(oa_initiative_mandatory(ini), 0);
    ck_assert_int_eq(oa_initiative_requirement(&rq, ini, 0), OA_OK);
    ck_assert_str_eq(rq.initiative, "crm");
    ck_assert_int_eq(rq.lag, 1);
    ck_assert_int_eq(oa_initiative_exclusion(&ex, ini, 0), OA_OK);
    ck_assert_str_eq(ex.initiative, "ai");
    ck_assert_int_eq(oa_initiative_effect(&ef, ini, 0), OA_OK);
    tu_assert_num(ef.value, 0.5);
    ck_assert_int_eq(oa_checked_start_window(&es, &ls, k, "bot"), OA_OK);
    ck_assert_int_eq(es, 4);
    ck_assert_int_eq(ls, 4);
    ck_assert_int_eq(oa_initiative_mandatory(oa_plan_initiative(p, 2)), 1);

    ck_assert_int_eq(oa_plan_loan(&ln, p, 0), OA_OK);
    tu_assert_num(ln.max, 2);
    tu_assert_num(ln.efficiency, 0.75);
    tu_assert_num(ln.cost, 100);
    ck_assert_int_eq(oa_plan_loan(&ln, p, 1), OA_OK);
    tu_assert_num(ln.efficiency, 1);
    tu_assert_num(ln.cost, 0);
    ck_assert_int_eq(oa_plan_budget_total(&v, p), OA_OK);
    tu_assert_num(v, 3e6);
    ck_assert_uint_eq(oa_plan_budget_limit_count(p), 2);
    ck_assert_int_eq(oa_plan_budget_limit(&lm, p, 1), OA_OK);
    ck_assert_ptr_null(lm.from);
    tu_assert_num(lm.value, 2.9e6);

    pe = oa_plan_person(p, 0);
    ck_assert_str_eq(oa_person_name(pe), "Ann");
    tu_assert_num(oa_person_fte(pe), 0.8);
    tu_assert_num(oa_person_development(pe), 0.1);
    ck_assert_int_eq(oa_person_away(&aw, pe, 0), OA_OK);
    tu_assert_num(aw.fte, OA_AWAY_ALL);
    ck_assert_int_eq(oa_person_away(&aw, pe, 1), OA_OK);
    tu_assert_num(aw.fte, 0.3);
    ck_assert_ptr_null(aw.to);
    pe = oa_plan_person(p, 1);
    tu_assert_num(oa_person_fte(pe), 1);
    tu_assert_num(oa_person_development(pe), 0);
    /* People rule: lab has no fte capacity entry, so its fte is Ann's
     * (0.8 x 0.9) and Bo's (1): Ann away in Q2, 0.3 less from Q3. */
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "lab", "fte", 1), OA_OK);
    tu_assert_num(v, 0.72 + 1);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "lab", "fte", 2), OA_OK);
    tu_assert_num(v, 1);
    ck_assert_int_eq(oa_checked_capacity_at(&v, k, "lab", "fte", 3), OA_OK);
    tu_assert_num(v, 0.5 * 0.9 + 1);
    oa_checked_free(k);
    oa_plan_free(p);
}
END_TEST

START_TEST(test_examples_valid)
{
    static const char *const files[] = { "examples/small.xml",
                                         "examples/realistic.xml" };
    size_t i;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        oa_plan *p;
        oa_error err;
        int rc = oa_plan_read_file(&p, tu_top(files[i]), NULL, &err, NULL);
        ck_assert_msg(rc == OA_OK, "%s: %s", files[i], err.text);
        ck_assert_int_gt(oa_plan_initiative_count(p), 4);
        oa_plan_free(p);
    }
}
END_TEST

/* Reads xml from memory and expects code with the first error at line
 * (0: any line) containing text. */
static void expect_error(const char *xml, size_t size, int code, int line,
                         const char *text)
{
    oa_plan *p = (oa_plan *)1;
    oa_error err;
    oa_error_list *list;
    int rc;
    ck_assert_int_eq(oa_error_list_new(&list), OA_OK);
    rc = oa_plan_read_memory(&p, xml, size, "hostile.xml", NULL, &err, list);
    ck_assert_msg(rc == code, "code %d (%s), expected %d", rc, err.text, code);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(err.code, code);
    ck_assert_str_eq(err.source, "hostile.xml");
    ck_assert_int_ge(oa_error_list_count(list), 1);
    if (line)
        ck_assert_int_eq(err.line, line);
    if (text)
        ck_assert_msg(strstr(err.text, text) != NULL, "'%s' lacks '%s'",
                      err.text, text);
    oa_error_list_free(list);
}

#define HEAD "<plan version=\"1\"><horizon start=\"2027-01\" periods=\"3\"/>" \
             "<resources><resource id=\"fte\"/></resources><units><unit id=\"u\">"
#define TAIL "</unit></units></plan>"

START_TEST(test_hostile_empty_and_junk)
{
    unsigned char junk[512];
    size_t i;
    expect_error("", 0, OA_EPARSE, 1, "Document is empty");
    expect_error("   \n\n  ", 7, OA_EPARSE, 0, NULL);
    for (i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)((i * 7919u + 13u) % 251u);
    expect_error((const char *)junk, sizeof junk, OA_EPARSE, 0, NULL);
    /* Bytes that are not UTF-8. */
    expect_error("<plan version=\"1\" name=\"\xff\xfe\"/>", 29, OA_EPARSE, 1,
                 NULL);
    /* NUL inside the document. */
    expect_error("<plan version=\"1\">\0</plan>", 25, OA_EPARSE, 1, NULL);
    /* Not a plan. */
    expect_error("<html/>", 7, OA_EINVALID, 1, "expected <plan>");
}
END_TEST

START_TEST(test_hostile_truncated)
{
    size_t size;
    char *xml = tu_slurp(tu_top("examples/small.xml"), &size);
    size_t cut;
    ck_assert_ptr_nonnull(xml);
    for (cut = size / 7; cut < size - 20; cut += size / 7) {
        oa_plan *p;
        oa_error err;
        int rc = oa_plan_read_memory(&p, xml, cut, "cut.xml", NULL, &err,
                                     NULL);
        ck_assert_int_eq(rc, OA_EPARSE);
        ck_assert_int_gt(err.line, 0);
        ck_assert_ptr_null(p);
    }
    free(xml);
}
END_TEST

START_TEST(test_hostile_entities)
{
    /* An entity loop and exponential expansion. */
    static const char loop[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE plan [\n"
        "<!ENTITY a \"&b;\">\n<!ENTITY b \"&a;\">\n]>\n"
        "<plan version=\"1\" name=\"&a;\"/>\n";
    static const char laughs[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE plan [\n"
        "<!ENTITY l0 \"ha\">\n"
        "<!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">\n"
        "<!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">\n"
        "<!ENTITY l3 \"&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;\">\n"
        "<!ENTITY l4 \"&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;\">\n"
        "<!ENTITY l5 \"&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;\">\n"
        "<!ENTITY l6 \"&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;\">\n"
        "<!ENTITY l7 \"&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;\">\n"
        "<!ENTITY l8 \"&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;\">\n"
        "<!ENTITY l9 \"&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;\">\n"
        "]>\n<plan version=\"1\" name=\"&l9;\"><x>&l9;</x></plan>\n";
    /* An external entity naming a local file: never read. */
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE plan [\n"
        "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
        "<plan version=\"1\" name=\"x\">&x;</plan>\n";
    static const char dtd[] =
        "<?xml version=\"1.0\"?>\n\n<!DOCTYPE plan SYSTEM \"plan.dtd\">\n"
        "<plan version=\"1\"/>\n";
    oa_plan *p;
    oa_error err;
    int rc;
    rc = oa_plan_read_memory(&p, loop, strlen(loop), "loop.xml", NULL, &err,
                             NULL);
    ck_assert(rc == OA_EPARSE || rc == OA_EINVALID);
    ck_assert_ptr_null(p);
    rc = oa_plan_read_memory(&p, laughs, strlen(laughs), "laughs.xml", NULL,
                             &err, NULL);
    ck_assert(rc == OA_EPARSE || rc == OA_EINVALID);
    ck_assert_ptr_null(p);
    expect_error(xxe, strlen(xxe), OA_EINVALID, 2, "DTD");
    rc = oa_plan_read_memory(&p, xxe, strlen(xxe), "xxe.xml", NULL, &err,
                             NULL);
    ck_assert_ptr_null(strstr(err.text, "root:"));
    expect_error(dtd, strlen(dtd), OA_EINVALID, 3, "DTD");
}
END_TEST

START_TEST(test_hostile_deep_nesting)
{
    size_t depth = 300, i, n = 0;
    char *xml = malloc(depth * 7 + 64);
    ck_assert_ptr_nonnull(xml);
    n += (size_t)sprintf(xml + n, "<plan version=\"1\">");
    for (i = 0; i < depth; i++)
        n += (size_t)sprintf(xml + n, "<a>");
    for (i = 0; i < depth; i++)
        n += (size_t)sprintf(xml + n, "</a>");
    n += (size_t)sprintf(xml + n, "</plan>");
    {
        oa_plan *p;
        oa_error err;
        int rc = oa_plan_read_memory(&p, xml, n, "deep.xml", NULL, &err,
                                     NULL);
        ck_assert(rc == OA_EPARSE || rc == OA_EINVALID);
        ck_assert_ptr_null(p);
    }
    free(xml);
}
END_TEST

/* An element of many attributes: libxml2 takes time in their square (a
 * million would take hours), so more than 64 are refused at once, at the
 * element's line, in plans, scenarios and results alike. */
START_TEST(test_hostile_crowded_element)
{
    size_t k, n = 0, cap = 2000000 * 16 + 128;
    char *xml = malloc(cap);
    oa_plan *p;
    oa_scenario *s;
    oa_result *r;
    oa_error err;
    ck_assert_ptr_nonnull(xml);
    n += (size_t)snprintf(xml + n, cap - n, "<plan version=\"1\">\n<horizon");
    for (k = 0; k < 2000000; k++)
        n += (size_t)snprintf(xml + n, cap - n, " a%zu='1'", k);
    n += (size_t)snprintf(xml + n, cap - n, "/></plan>");
    ck_assert_int_eq(oa_plan_read_memory(&p, xml, n, "crowd.xml", NULL, &err,
                                         NULL), OA_ELIMIT);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.text, "more than 64 attributes"));
    memcpy(xml + 1, "scenario", 8); /* any root: refused before the root */
    ck_assert_int_eq(oa_scenario_read_memory(&s, xml, n, "s.xml", NULL, &err,
                                             NULL), OA_ELIMIT);
    ck_assert_int_eq(oa_result_read_memory(&r, xml, n, "r.xml", &err),
                     OA_ELIMIT);
    free(xml);
}
END_TEST

START_TEST(test_hostile_sizes)
{
    oa_read_opts opts = OA_READ_OPTS_INIT;
    oa_plan *p;
    oa_error err;
    oa_error_list *list;
    ck_assert_int_eq(oa_error_list_new(&list), OA_OK);
    opts.max_bytes = 1000;
    ck_assert_int_eq(oa_plan_read_file(&p, tu_top("examples/small.xml"),
                                       &opts, &err, list),
                     OA_ELIMIT);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(strstr(err.text, "larger than the limit"));
    ck_assert_uint_eq(oa_error_list_count(list), 1);
    /* A device that never ends stops at the cap. */
    opts.max_bytes = 1 << 20;
    ck_assert_int_eq(oa_plan_read_file(&p, "/dev/zero", &opts, &err, NULL),
                     OA_ELIMIT);
    ck_assert_int_eq(oa_plan_read_file(&p, "/nonexistent/plan.xml", NULL,
                                       &err, NULL),
                     OA_EIO);
    ck_assert_str_eq(err.source, "/nonexistent/plan.xml");
    ck_assert_int_eq(oa_plan_read_file(&p, tu_path("data"), NULL, &err,
                                       NULL),
                     OA_EIO);
    ck_assert_int_eq(oa_plan_read_memory(&p, "<plan/>", 7, "x", &opts, &err,
                                         NULL),
                     OA_EINVALID);
    /* Too many elements are refused before the document is parsed. */
    opts.max_bytes = 0;
    opts.max_elements = 10;
    ck_assert_int_eq(oa_plan_read_file(&p, tu_top("examples/small.xml"),
                                       &opts, &err, NULL),
                     OA_ELIMIT);
    ck_assert_ptr_nonnull(strstr(err.text, "more than 10 elements"));
    opts.max_elements = SIZE_MAX;
    ck_assert_int_eq(oa_plan_read_file(&p, tu_top("examples/small.xml"),
                                       &opts, &err, NULL),
                     OA_OK);
    oa_plan_free(p);
    opts.max_elements = 0;
    /* SIZE_MAX is no cap (max + 1 wrapped to 0 and refused everything) */
    opts.max_bytes = SIZE_MAX;
    ck_assert_int_eq(oa_plan_read_file(&p, tu_top("examples/small.xml"),
                                       &opts, &err, NULL),
                     OA_OK);
    oa_plan_free(p);
    /* junk after a NUL is not ignored */
    {
        static const char doc[] = "<?xml version=\"1.0\"?>\n<plan/>\n\0junk";
        ck_assert_int_eq(oa_plan_read_memory(&p, doc, sizeof doc - 1, "nul",
                                             NULL, &err, NULL),
                         OA_EPARSE);
        ck_assert_int_eq(err.line, 3);
        ck_assert_ptr_nonnull(strstr(err.text, "NUL byte"));
    }
    opts.version = 99;
    ck_assert_int_eq(oa_plan_read_memory(&p, "<plan/>", 7, "x", &opts, &err,
                                         NULL),
                     OA_EINVAL);
    oa_error_list_free(list);
}
END_TEST

START_TEST(test_hostile_numbers)
{
    static const char inf[] = HEAD "<capacity resource=\"fte\" value=\"1e999\"/>" TAIL;
    static const char big[] = HEAD "<capacity resource=\"fte\" value=\"1e300\"/>" TAIL;
    static const char nan[] = HEAD "<capacity resource=\"fte\" value=\"NaN\"/>" TAIL;
    static const char hex[] = HEAD "<capacity resource=\"fte\" value=\"0x10\"/>" TAIL;
    static const char sep[] = HEAD "<capacity resource=\"fte\" value=\"1,000\"/>" TAIL;
    static const char dur[] = HEAD "</unit></units><initiatives>"
        "<initiative id=\"i\" duration=\"99999999999\"/></initiatives></plan>";
    expect_error(inf, strlen(inf), OA_EINVALID, 1, "not a finite number");
    expect_error(big, strlen(big), OA_EINVALID, 1, "out of range");
    expect_error(nan, strlen(nan), OA_EINVALID, 1,
                 "'NaN' is not a non-negative decimal number");
    expect_error(hex, strlen(hex), OA_EINVALID, 1, "'0x10'");
    expect_error(sep, strlen(sep), OA_EINVALID, 1, "'1,000'");
    expect_error(dur, strlen(dur), OA_EINVALID, 1, "not a whole number");
}
END_TEST

START_TEST(test_schema_text)
{
    size_t size;
    char *xsd = tu_slurp(tu_top("lib/schema/plan.xsd"), &size);
    ck_assert_ptr_nonnull(xsd);
    ck_assert_str_eq(oa_plan_schema(), xsd);
    free(xsd);
}
END_TEST

START_TEST(test_all_errors_reported)
{
    /* Reader, schema-free rules and validation: all reported, in order. */
    static const char xml[] =
        "<plan version=\"1\">\n"                                   /* 1 */
        "<horizon start=\"2027-01\" periods=\"4\"/>\n"             /* 2 */
        "<resources><resource id=\"fte\"/></resources>\n"          /* 3 */
        "<units><unit id=\"u\">\n"                                 /* 4 */
        "<capacity resource=\"ftx\" value=\"1\"/>\n"               /* 5 */
        "</unit></units>\n"                                        /* 6 */
        "<operating-plans><operating-plan unit=\"u\">\n"           /* 7 */
        "<demand resource=\"fte\" value=\"1\" volume=\"3\"/>\n"    /* 8 */
        "<service-level min=\"0.5\"/>\n"                           /* 9 */
        "<service-level min=\"0.6\"/>\n"                           /* 10 */
        "</operating-plan></operating-plans>\n"                    /* 11 */
        "<initiatives><initiative id=\"i\" duration=\"5\"/>\n"     /* 12 */
        "</initiatives></plan>\n";
    oa_plan *p;
    oa_error_list *list;
    ck_assert_int_eq(oa_error_list_new(&list), OA_OK);
    ck_assert_int_eq(tu_read(&p, xml, list), OA_EINVALID);
    ck_assert_uint_eq(oa_error_list_count(list), 4);
    ck_assert_int_eq(oa_error_list_get(list, 0)->line, 5);
    ck_assert_int_eq(oa_error_list_get(list, 1)->line, 8);
    ck_assert_int_eq(oa_error_list_get(list, 2)->line, 10);
    ck_assert_int_eq(oa_error_list_get(list, 3)->line, 12);
    ck_assert_ptr_nonnull(strstr(oa_error_list_get(list, 3)->text,
                                 "start window is empty"));
    oa_error_list_free(list);
}
END_TEST

/* The library's file calls, as batch uses them: a save reads back whole,
 * a second save replaces it, a cap and a missing file are errors that
 * name the path. */
START_TEST(test_file_calls)
{
    char path[] = "/tmp/oa-file-XXXXXX", *d;
    size_t n;
    oa_error err;
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(oa_file_save(path, "abc\n", 4, &err), OA_OK);
    ck_assert_int_eq(oa_file_load(&d, &n, path, 0, &err), OA_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(d, "abc\n");
    oa_free(d);
    ck_assert_int_eq(oa_file_save(path, "xy", 2, NULL), OA_OK);
    ck_assert_int_eq(oa_file_load(&d, NULL, path, 0, NULL), OA_OK);
    ck_assert_str_eq(d, "xy");
    oa_free(d);
    ck_assert_int_eq(oa_file_load(&d, &n, path, 1, &err), OA_ELIMIT);
    ck_assert_ptr_null(d);
    remove(path);
    ck_assert_int_eq(oa_file_load(&d, &n, path, 0, &err), OA_EIO);
    ck_assert(strstr(err.source, "oa-file-") || strstr(err.text, "oa-file-"));
    ck_assert_int_eq(oa_file_save("/nonexistent-dir/x", "a", 1, &err),
                     OA_EIO);
    ck_assert_int_eq(oa_file_save(NULL, "a", 1, NULL), OA_EINVAL);
    close(fd);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("read");
    TCase *tc = tcase_create("values");
    tcase_add_test(tc, test_read_every_element);
    tcase_add_test(tc, test_examples_valid);
    tcase_add_test(tc, test_schema_text);
    tcase_add_test(tc, test_all_errors_reported);
    suite_add_tcase(s, tc);
    tc = tcase_create("hostile");
    tcase_add_test(tc, test_hostile_empty_and_junk);
    tcase_add_test(tc, test_hostile_truncated);
    tcase_add_test(tc, test_hostile_entities);
    tcase_add_test(tc, test_hostile_deep_nesting);
    tcase_add_test(tc, test_hostile_crowded_element);
    tcase_add_test(tc, test_hostile_sizes);
    tcase_add_test(tc, test_hostile_numbers);
    tcase_add_test(tc, test_file_calls);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
