/*
 * The plan reader: XML in, oa_plan out.  It checks the document against
 * the built-in schema, then builds the plan through the public API (one
 * line per element) and validates it; every error of every stage is
 * reported in line order.
 */
#include "plan_int.h"
#include "xml.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct rctx {
    oa_plan *plan;
    oa_error_list *errs;
    const char *source;
    int rc;      /* first failure of an API call (OA_ENOMEM) */
    int lenient; /* the schema failed: build what can be built */
    int broken;  /* the reader found an error of its own */
} rctx;

/* Attribute values of one element, freed together. */
typedef struct attrs {
    const xmlNode *node;
    xmlChar *v[16];
    int n;
} attrs;

static void attrs_init(attrs *a, const xmlNode *node)
{
    a->node = node;
    a->n = 0;
}

static void attrs_free(attrs *a)
{
    int i;
    for (i = 0; i < a->n; i++)
        xmlFree(a->v[i]);
    a->n = 0;
}

static const char *get(attrs *a, const char *name)
{
    xmlChar *v;
    if (a->n == (int)(sizeof a->v / sizeof a->v[0]))
        return NULL; /* the schema allows fewer attributes than this */
    v = xmlGetNoNsProp(a->node, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    a->v[a->n++] = v;
    return (const char *)v;
}

static void rerr(rctx *c, const xmlNode *n, const char *fmt, ...)
    OAP_PRINTF(3, 4);

static void rerr(rctx *c, const xmlNode *n, const char *fmt, ...)
{
    oa_error e;
    va_list ap;
    oa_error_clear(&e);
    va_start(ap, fmt);
    oap_error_setv(&e, OA_EINVALID, c->source, oap_xml_line(n), fmt, ap);
    va_end(ap);
    if (oap_error_list_push(c->errs, &e) != OA_OK)
        c->rc = OA_ENOMEM;
    c->broken = 1;
}

static void api(rctx *c, int rc)
{
    /* After schema errors an element may lack a required attribute; the
     * schema has said so, and the element is left out. */
    if (rc == OA_EINVAL && c->lenient)
        return;
    if (rc != OA_OK && c->rc == OA_OK)
        c->rc = rc;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* A number attribute (absent: dflt).  The schema has checked its form. */
static double num(rctx *c, attrs *a, const char *name, double dflt)
{
    const char *s = get(a, name);
    char *end;
    double v;
    if (s == NULL)
        return dflt;
    while (is_space(*s))
        s++;
    v = strtod(s, &end);
    while (is_space(*end))
        end++;
    if (end == s || *end != '\0') {
        rerr(c, a->node, "<%s>: %s '%s' is not a decimal number",
             (const char *)a->node->name, name, s);
        return dflt;
    }
    return v; /* overflow gives inf, which validation reports */
}

static int whole(rctx *c, attrs *a, const char *name, int dflt)
{
    const char *s = get(a, name);
    char *end;
    long v;
    if (s == NULL)
        return dflt;
    while (is_space(*s))
        s++;
    v = strtol(s, &end, 10);
    while (is_space(*end))
        end++;
    if (end == s || *end != '\0' || v < 0 || v > INT_MAX) {
        rerr(c, a->node, "<%s>: %s '%s' is not a whole number",
             (const char *)a->node->name, name, s);
        return dflt;
    }
    return (int)v;
}

static int boolean(attrs *a, const char *name)
{
    const char *s = get(a, name);
    if (s == NULL)
        return 0;
    while (is_space(*s))
        s++;
    return strncmp(s, "true", 4) == 0 || s[0] == '1';
}

static void set_line(rctx *c, const xmlNode *n)
{
    oa_plan_set_line(c->plan, oap_xml_line(n));
}

#define FOR_ELEMENTS(child, parent)                                          \
    for (child = (parent)->children; child; child = child->next)             \
        if (child->type == XML_ELEMENT_NODE)

static void read_horizon(rctx *c, const xmlNode *h)
{
    const xmlNode *k;
    attrs a;
    const char *start, *step, *periods;
    attrs_init(&a, h);
    start = get(&a, "start");
    step = get(&a, "step");
    periods = get(&a, "periods");
    c->plan->h_line = oap_xml_line(h);
    if ((start || step || periods) && h->children &&
        xmlFirstElementChild((xmlNode *)h) != NULL) {
        rerr(c, h, "<horizon>: gives both generated labels (start, step, "
             "periods) and <period> children; use one or the other");
        attrs_free(&a);
        return;
    }
    if (start || step || periods) {
        oa_step st = OA_STEP_MONTH;
        if (step && strcmp(step, "quarter") == 0)
            st = OA_STEP_QUARTER;
        else if (step && strcmp(step, "week") == 0)
            st = OA_STEP_WEEK;
        if (periods == NULL)
            rerr(c, h, "<horizon>: periods is missing (with start and step, "
                 "it generates the labels)");
        else if (start == NULL)
            rerr(c, h, "<horizon>: start is missing (with step and periods, "
                 "it generates the labels)");
        else {
            set_line(c, h);
            api(c, oa_plan_set_horizon(c->plan, start, st,
                                       whole(c, &a, "periods", 0)));
        }
    }
    FOR_ELEMENTS(k, h) {
        attrs b;
        attrs_init(&b, k);
        set_line(c, k);
        api(c, oa_plan_add_period(c->plan, get(&b, "label")));
        attrs_free(&b);
    }
    if (!(start || step || periods) && c->plan->explicit_periods.n == 0)
        rerr(c, h, "<horizon>: give start, step and periods, or <period> "
             "children");
    attrs_free(&a);
}

static void read_unit(rctx *c, const xmlNode *un)
{
    const xmlNode *k;
    oa_unit *u = NULL;
    attrs a;
    attrs_init(&a, un);
    set_line(c, un);
    api(c, oa_plan_add_unit(&u, c->plan, get(&a, "id"), get(&a, "name")));
    attrs_free(&a);
    if (u == NULL)
        return;
    FOR_ELEMENTS(k, un) {
        attrs_init(&a, k);
        set_line(c, k);
        if (oap_xml_is(k, "capacity"))
            api(c, oa_unit_add_capacity(u, get(&a, "resource"),
                                        num(c, &a, "value", 0),
                                        get(&a, "from"), get(&a, "to")));
        else if (oap_xml_is(k, "overtime"))
            api(c, oa_unit_add_overtime(u, get(&a, "resource"),
                                        num(c, &a, "max", 0),
                                        num(c, &a, "cost", 0)));
        else if (oap_xml_is(k, "contractors"))
            api(c, oa_unit_add_contractors(u, get(&a, "resource"),
                                           num(c, &a, "max", 0),
                                           num(c, &a, "cost", 0),
                                           get(&a, "from"), get(&a, "to")));
        else if (oap_xml_is(k, "budget"))
            api(c, oa_unit_add_budget_range(u, num(c, &a, "value", 0),
                                            get(&a, "from"), get(&a, "to")));
        attrs_free(&a);
    }
}

static void read_operating_plan(rctx *c, const xmlNode *on)
{
    const xmlNode *k, *sl = NULL;
    oa_operating_plan *op = NULL;
    attrs a;
    attrs_init(&a, on);
    set_line(c, on);
    api(c, oa_plan_add_operating_plan(&op, c->plan, get(&a, "unit"),
                                      get(&a, "name"), num(c, &a, "cost", 0)));
    attrs_free(&a);
    if (op == NULL)
        return;
    FOR_ELEMENTS(k, on) {
        attrs_init(&a, k);
        set_line(c, k);
        if (oap_xml_is(k, "demand")) {
            const char *value = get(&a, "value");
            const char *volume = get(&a, "volume");
            const char *prod = get(&a, "productivity");
            if (value && (volume || prod))
                rerr(c, k, "<demand>: give value, or volume and "
                     "productivity, not both");
            else if (!value && !(volume && prod))
                rerr(c, k, volume || prod
                               ? "<demand>: driver-based demand needs both "
                                 "volume and productivity"
                               : "<demand>: give value, or volume and "
                                 "productivity");
            else if (value)
                api(c, oa_operating_plan_add_demand(
                           op, get(&a, "resource"), num(c, &a, "value", 0),
                           get(&a, "from"), get(&a, "to")));
            else
                api(c, oa_operating_plan_add_driver_demand(
                           op, get(&a, "resource"), num(c, &a, "volume", 0),
                           num(c, &a, "productivity", 0), get(&a, "from"),
                           get(&a, "to")));
        } else if (oap_xml_is(k, "service-level")) {
            if (sl)
                rerr(c, k, "<service-level>: an operating plan has at most "
                     "one (the first is at line %d)", oap_xml_line(sl));
            else
                api(c, oa_operating_plan_set_service_level(
                           op, num(c, &a, "min", 1), num(c, &a, "penalty", 0)));
            sl = k;
        } else if (oap_xml_is(k, "target")) {
            api(c, oa_operating_plan_add_target(op, get(&a, "name"),
                                                num(c, &a, "value", 0),
                                                get(&a, "measure")));
        }
        attrs_free(&a);
    }
}

static void read_initiative(rctx *c, const xmlNode *in)
{
    const xmlNode *k;
    oa_initiative *ini = NULL;
    attrs a;
    attrs_init(&a, in);
    set_line(c, in);
    api(c, oa_plan_add_initiative(&ini, c->plan, get(&a, "id"),
                                  whole(c, &a, "duration", 1)));
    if (ini) {
        api(c, oa_initiative_set_name(ini, get(&a, "name")));
        api(c, oa_initiative_set_owner(ini, get(&a, "owner")));
        api(c, oa_initiative_set_earliest(ini, get(&a, "earliest")));
        api(c, oa_initiative_set_deadline(ini, get(&a, "deadline")));
        api(c, oa_initiative_set_value(ini, num(c, &a, "value", 0)));
        api(c, oa_initiative_set_benefit_per_period(
                   ini, num(c, &a, "benefit-per-period", 0)));
        api(c, oa_initiative_set_cost(ini, num(c, &a, "cost", 0)));
        api(c, oa_initiative_set_mandatory(ini, boolean(&a, "mandatory")));
        api(c, oa_initiative_set_forbidden(ini, boolean(&a, "forbidden")));
        api(c, oa_initiative_set_pin(ini, get(&a, "pin")));
        api(c, oa_initiative_set_stability(ini, num(c, &a, "stability", NAN),
                                           num(c, &a, "drop-price", NAN)));
    }
    attrs_free(&a);
    if (ini == NULL)
        return;
    FOR_ELEMENTS(k, in) {
        attrs_init(&a, k);
        set_line(c, k);
        if (oap_xml_is(k, "demand")) {
            /* first and last count the initiative's periods from 1; the
             * API takes 0 for "absent". */
            int first = whole(c, &a, "first", -1);
            int last = whole(c, &a, "last", -1);
            if (first == 0 || last == 0)
                rerr(c, k, "<demand>: %s 0 is not a period of the "
                     "initiative (they count from 1)",
                     first == 0 ? "first" : "last");
            api(c, oa_initiative_add_demand(ini, get(&a, "unit"),
                                            get(&a, "resource"),
                                            num(c, &a, "value", 0),
                                            first > 0 ? first : 0,
                                            last > 0 ? last : 0));
        }
        else if (oap_xml_is(k, "contributes"))
            api(c, oa_initiative_add_contribution(ini, get(&a, "objective"),
                                                  num(c, &a, "score", 0)));
        else if (oap_xml_is(k, "requires"))
            api(c, oa_initiative_add_requirement(ini, get(&a, "initiative"),
                                                 whole(c, &a, "lag", 0)));
        else if (oap_xml_is(k, "excludes"))
            api(c, oa_initiative_add_exclusion(ini, get(&a, "initiative")));
        else if (oap_xml_is(k, "effect"))
            api(c, oa_initiative_add_effect(ini, get(&a, "unit"),
                                            get(&a, "resource"),
                                            num(c, &a, "value", 0)));
        attrs_free(&a);
    }
}

static void read_person(rctx *c, const xmlNode *pn)
{
    const xmlNode *k;
    oa_person *p = NULL;
    attrs a;
    attrs_init(&a, pn);
    set_line(c, pn);
    api(c, oa_plan_add_person(&p, c->plan, get(&a, "id"), get(&a, "name"),
                              get(&a, "unit"), get(&a, "resource"),
                              num(c, &a, "fte", 1),
                              num(c, &a, "development", 0)));
    if (p && get(&a, "max-initiatives"))
        api(c, oa_person_set_max_initiatives(
                   p, whole(c, &a, "max-initiatives", 0)));
    attrs_free(&a);
    if (p == NULL)
        return;
    FOR_ELEMENTS(k, pn) {
        attrs_init(&a, k);
        set_line(c, k);
        api(c, oa_person_add_away(p, get(&a, "from"), get(&a, "to"),
                                  num(c, &a, "fte", OA_AWAY_ALL)));
        attrs_free(&a);
    }
}

static void read_plan(rctx *c, const xmlNode *root)
{
    const xmlNode *sec, *k;
    attrs a;
    attrs_init(&a, root);
    api(c, oa_plan_set_name(c->plan, get(&a, "name")));
    api(c, oa_plan_set_currency(c->plan, get(&a, "currency")));
    attrs_free(&a);
    FOR_ELEMENTS(sec, root) {
        if (oap_xml_is(sec, "horizon")) {
            read_horizon(c, sec);
            continue;
        }
        if (oap_xml_is(sec, "budget")) {
            attrs_init(&a, sec);
            set_line(c, sec);
            if (get(&a, "total"))
                api(c, oa_plan_set_budget_total(c->plan,
                                                num(c, &a, "total", 0)));
            attrs_free(&a);
        }
        FOR_ELEMENTS(k, sec) {
            attrs_init(&a, k);
            set_line(c, k);
            if (oap_xml_is(k, "resource"))
                api(c, oa_plan_add_resource(c->plan, get(&a, "id"),
                                            get(&a, "name"),
                                            get(&a, "measure")));
            else if (oap_xml_is(k, "objective"))
                api(c, oa_plan_add_objective(c->plan, get(&a, "id"),
                                             get(&a, "name"),
                                             num(c, &a, "weight", 1)));
            else if (oap_xml_is(k, "unit"))
                read_unit(c, k);
            else if (oap_xml_is(k, "operating-plan"))
                read_operating_plan(c, k);
            else if (oap_xml_is(k, "initiative"))
                read_initiative(c, k);
            else if (oap_xml_is(k, "loan"))
                api(c, oa_plan_add_loan(c->plan, get(&a, "from"),
                                        get(&a, "to"), get(&a, "resource"),
                                        num(c, &a, "max", 0),
                                        num(c, &a, "efficiency", 1),
                                        num(c, &a, "cost", 0)));
            else if (oap_xml_is(k, "limit"))
                api(c, oa_plan_add_budget_limit(c->plan, get(&a, "from"),
                                                get(&a, "to"),
                                                num(c, &a, "value", 0)));
            else if (oap_xml_is(k, "person"))
                read_person(c, k);
            attrs_free(&a);
        }
    }
}

/*
 * Drops the errors after the first nschema that stand on a line where the
 * schema found an error: they follow from it (a number the schema
 * rejected, a required attribute it missed).
 */
static void drop_followers(oa_error_list *errs, size_t nschema)
{
    size_t i, j, n = oa_error_list_count(errs), k = nschema;
    oa_error *v = (oa_error *)oa_error_list_get(errs, 0);
    for (i = nschema; i < n; i++) {
        int follows = 0;
        for (j = 0; j < nschema && !follows; j++)
            follows = v[j].line == v[i].line && v[i].line > 0;
        if (!follows)
            v[k++] = v[i];
    }
    oap_error_list_truncate(errs, k);
}

int oap_read_initiative(oa_plan *plan, const xmlNode *node,
                        const char *source, oa_error_list *errs)
{
    rctx c;
    memset(&c, 0, sizeof c);
    c.plan = plan;
    c.errs = errs;
    c.source = source;
    read_initiative(&c, node);
    return c.rc != OA_OK ? c.rc : c.broken ? OA_EINVALID : OA_OK;
}

OA_API int oa_plan_read_memory(oa_plan **out, const char *data, size_t size,
                               const char *source, const oa_read_opts *opts,
                               oa_error *err, oa_error_list *all)
{
    oa_error_list *errs = NULL;
    xmlDoc *doc = NULL;
    oa_plan *plan = NULL;
    rctx c;
    int rc;
    size_t nschema = 0;

    if (out)
        *out = NULL;
    OAP_ARG(out && (data || size == 0));
    rc = oap_read_begin(data, size, source, opts, err, all);
    if (rc != OA_OK)
        return rc;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    memset(&c, 0, sizeof c);
    rc = oap_xml_parse(&doc, data ? data : "", size, source, "plan", errs);
    if (rc == OA_OK) {
        /* Schema errors do not stop the reader: it builds what it can and
         * validates that too, so that one run reports every error; what
         * follows from an element the schema rejected is left out. */
        rc = oap_xml_validate(doc, OAP_SCHEMA_PLAN, source, errs);
        if (rc == OA_EINVALID) {
            c.lenient = 1;
            rc = OA_OK;
        } else {
            c.lenient = 0;
        }
        nschema = oa_error_list_count(errs);
    }
    if (rc == OA_OK)
        rc = oa_plan_new(&plan);
    if (rc == OA_OK)
        rc = oa_plan_set_source(plan, source);
    if (rc == OA_OK) {
        c.plan = plan;
        c.errs = errs;
        c.source = source;
        c.rc = OA_OK;
        read_plan(&c, xmlDocGetRootElement(doc));
        rc = c.rc;
        if (rc == OA_OK && !(opts && opts->no_validate)) {
            rc = oa_plan_validate(plan, NULL, errs);
            if (rc == OA_EINVALID)
                rc = OA_OK; /* counted below with the reader's errors */
        }
        if (c.lenient)
            drop_followers(errs, nschema);
        if (rc == OA_OK && (oa_error_list_count(errs) > 0 || c.lenient ||
                            c.broken))
            rc = OA_EINVALID;
    }
    oap_read_end(rc, errs, doc, source, err, all);
    if (rc != OA_OK) {
        oa_plan_free(plan);
        return rc;
    }
    *out = plan;
    return OA_OK;
}

OA_API int oa_plan_read_file(oa_plan **out, const char *path,
                             const oa_read_opts *opts, oa_error *err,
                             oa_error_list *all)
{
    char *data;
    size_t size;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && path);
    rc = oap_read_input(&data, &size, path, opts, err, all);
    if (rc != OA_OK)
        return rc;
    rc = oa_plan_read_memory(out, data, size, path, opts, err, all);
    oap_free(data);
    return rc;
}

OA_API const char *oa_plan_schema(void)
{
    return oap_plan_xsd;
}
