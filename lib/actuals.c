/*
 * Actuals (doc/plan-format.md, "Actuals"): what happened before the period
 * a plan is re-planned from, read against the plan and kept as a result
 * of it (the starts, and the levers of the loads), so that re-planning
 * (lib/rebase.c) fixes the past from it as it does from a baseline.
 */
#include "plan_int.h"
#include "result.h"
#include "solve_int.h"
#include "xml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A <spend>: the money a unit (or, unit NULL, the organization) spent
 * in a period. */
typedef struct spent {
    const char *unit;       /* in r's arena, or NULL */
    int period, line;
    double amount;
} spent;

struct oa_actuals {
    oa_result *r;
    const char *source;     /* in r's arena */
    int last_period;        /* the latest period named (0: none) */
    int last_line;          /* and its line */
    OAP_VEC(spent) spend;
};

static char *prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

/* A number attribute (the schema has checked its form), 0 when absent. */
static double num(const xmlNode *n, const char *name)
{
    char *s = prop(n, name);
    double v = s ? strtod(s, NULL) : 0;
    xmlFree(s);
    return v;
}

static int index_of_unit(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->units.n; k++)
        if (strcmp(p->units.v[k]->id, id) == 0)
            return (int)k;
    return -1;
}

static int index_of_resource(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->resources.n; k++)
        if (strcmp(p->resources.v[k].id, id) == 0)
            return (int)k;
    return -1;
}

static int index_of_initiative(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->initiatives.n; k++)
        if (strcmp(p->initiatives.v[k]->id, id) == 0)
            return (int)k;
    return -1;
}

/* The period an attribute names, or 0 with an error at the line. */
static int period_of(oa_actuals *a, const oa_plan *p, const xmlNode *n,
                     oa_error_list *errs)
{
    char *s = prop(n, "period");
    int t = s ? oa_plan_find_period(p, s) : 0;
    if (t == 0)
        oap_xml_error(errs, OA_EINVALID, a->source, oap_xml_line(n),
                      "<%s>: period '%s' is not a period of the plan (a "
                      "label, or an index 1..%d)", (const char *)n->name,
                      s ? s : "", p->P);
    else if (t > a->last_period) {
        a->last_period = t;
        a->last_line = oap_xml_line(n);
    }
    xmlFree(s);
    return t;
}

/* <spend period [unit] amount/>: once per unit (or the total) and
 * period. */
static int read_spend(oa_actuals *a, const oa_plan *p, const xmlNode *n,
                      oa_error_list *errs)
{
    char *unit = prop(n, "unit");
    int u = unit ? index_of_unit(p, unit) : -1;
    int line = oap_xml_line(n);
    spent e;
    size_t k;
    memset(&e, 0, sizeof e);
    e.period = period_of(a, p, n, errs);
    e.line = line;
    e.amount = num(n, "amount");
    if (unit && u < 0)
        oap_xml_error(errs, OA_EINVALID, a->source, line,
                      "<spend>: unknown unit '%s'" OAP_DYM_FMT, unit,
                      OAP_DYM(oap_suggest_unit(p, unit)));
    xmlFree(unit);
    if ((unit && u < 0) || e.period == 0)
        return OA_OK;
    if (!isfinite(e.amount)) {
        oap_xml_error(errs, OA_EINVALID, a->source, line,
                      "<spend>: the amount is not a finite number");
        return OA_OK;
    }
    e.unit = u >= 0 ? p->units.v[u]->id : NULL;
    for (k = 0; k < a->spend.n; k++) {
        const spent *o = &a->spend.v[k];
        if (o->period == e.period &&
            (o->unit == NULL ? e.unit == NULL
                             : e.unit && strcmp(o->unit, e.unit) == 0)) {
            oap_xml_error(errs, OA_EINVALID, a->source, line,
                          "<spend>: the spend of %s in %s is given twice "
                          "(first at line %d)",
                          e.unit ? e.unit : "the organization",
                          p->labels[e.period - 1], o->line);
            return OA_OK;
        }
    }
    if (e.unit && (e.unit = oap_result_str(a->r, e.unit)) == NULL)
        return OA_ENOMEM;
    return OAP_VPUSH(a->spend, e);
}

static int read_entries(oa_actuals *a, const oa_plan *p, const xmlNode *root,
                        int *line_of, oa_error_list *errs)
{
    const xmlNode *n;
    oa_result *r = a->r;
    for (n = root->children; n; n = n->next) {
        int line = oap_xml_line(n);
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (oap_xml_is(n, "start")) {
            char *id = prop(n, "initiative");
            int i = id ? index_of_initiative(p, id) : -1;
            int t = period_of(a, p, n, errs);
            if (i < 0)
                oap_xml_error(errs, OA_EINVALID, a->source, line,
                              "<start>: unknown initiative '%s'" OAP_DYM_FMT,
                              id ? id : "",
                              OAP_DYM(oap_suggest_initiative(p, id)));
            else if (line_of[i])
                oap_xml_error(errs, OA_EINVALID, a->source, line,
                              "<start>: initiative '%s' already started "
                              "at line %d", id, line_of[i]);
            else if (t > 0) {
                line_of[i] = line;
                r->ini.v[i].scheduled = 1;
                r->ini.v[i].start = t;
                r->ini.v[i].fraction = 1;
            }
            xmlFree(id);
        } else if (oap_xml_is(n, "levers")) {
            char *unit = prop(n, "unit"), *res = prop(n, "resource");
            int u = unit ? index_of_unit(p, unit) : -1;
            int q = res ? index_of_resource(p, res) : -1;
            int t = period_of(a, p, n, errs);
            size_t k;
            oa_load L;
            if (u < 0)
                oap_xml_error(errs, OA_EINVALID, a->source, line,
                              "<levers>: unknown unit '%s'" OAP_DYM_FMT,
                              unit ? unit : "",
                              OAP_DYM(oap_suggest_unit(p, unit)));
            if (q < 0)
                oap_xml_error(errs, OA_EINVALID, a->source, line,
                              "<levers>: unknown resource '%s'" OAP_DYM_FMT,
                              res ? res : "",
                              OAP_DYM(oap_suggest_resource(p, res)));
            xmlFree(unit);
            xmlFree(res);
            if (u < 0 || q < 0 || t == 0)
                continue;
            memset(&L, 0, sizeof L);
            L.unit = p->units.v[u]->id;
            L.resource = p->resources.v[q].id;
            L.period = t;
            for (k = 0; k < r->loads.n; k++)
                if (r->loads.v[k].period == t &&
                    strcmp(r->loads.v[k].unit, L.unit) == 0 &&
                    strcmp(r->loads.v[k].resource, L.resource) == 0)
                    break;
            if (k < r->loads.n) {
                oap_xml_error(errs, OA_EINVALID, a->source, line,
                              "<levers>: %s/%s in %s is given twice",
                              L.unit, L.resource, p->labels[t - 1]);
                continue;
            }
            L.unit = oap_result_str(r, L.unit);
            L.resource = oap_result_str(r, L.resource);
            L.overtime = num(n, "overtime");
            L.contractors = num(n, "contractors");
            L.loan_in = num(n, "loans-in");
            L.shortfall = num(n, "shortfall");
            if (!isfinite(L.overtime + L.contractors + L.loan_in +
                          L.shortfall))
                oap_xml_error(errs, OA_EINVALID, a->source, line,
                              "<levers>: an amount is not a finite number");
            else if (!L.unit || !L.resource || OAP_VPUSH(r->loads, L) != OA_OK)
                return OA_ENOMEM;
        } else if (oap_xml_is(n, "spend")) {
            if (read_spend(a, p, n, errs) != OA_OK)
                return OA_ENOMEM;
        }
    }
    return OA_OK;
}

OA_API int oa_actuals_read_memory(oa_actuals **out, const char *data,
                                  size_t size, const char *source,
                                  const oa_plan *plan,
                                  const oa_read_opts *opts, oa_error *err,
                                  oa_error_list *all)
{
    oa_error_list *errs = NULL;
    xmlDoc *doc = NULL;
    oa_actuals *a = NULL;
    int *line_of = NULL, rc;
    size_t i;
    if (out)
        *out = NULL;
    OAP_ARG(out && plan && (data || size == 0));
    if (plan->P < 1 || plan->labels == NULL) {
        oap_error_set(err, OA_EINVAL, source, -1, "actuals: the plan has no "
                      "horizon to read them against");
        return OA_EINVAL;
    }
    rc = oap_read_begin(data, size, source, opts, err, all);
    if (rc != OA_OK)
        return rc;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    rc = oap_xml_parse(&doc, data ? data : "", size, source, "actuals", errs);
    if (rc == OA_OK)
        rc = oap_xml_validate(doc, OAP_SCHEMA_ACTUALS, source, errs);
    if (rc == OA_OK) {
        a = oap_calloc(1, sizeof *a);
        line_of = oap_calloc(plan->initiatives.n + 1, sizeof(int));
        if (a == NULL || line_of == NULL || (a->r = oap_result_new()) == NULL)
            rc = OA_ENOMEM;
    }
    if (rc == OA_OK) {
        a->source = source ? oap_result_str(a->r, source) : NULL;
        rc = (source && !a->source) ? OA_ENOMEM
             : oap_result_set_labels(a->r, plan->P,
                                     (const char *const *)plan->labels);
    }
    for (i = 0; rc == OA_OK && i < plan->initiatives.n; i++) {
        oa_initiative_result ir;
        memset(&ir, 0, sizeof ir);
        ir.id = oap_result_str(a->r, plan->initiatives.v[i]->id);
        ir.plan_value = NAN;
        if (ir.id == NULL || OAP_VPUSH(a->r->ini, ir) != OA_OK)
            rc = OA_ENOMEM;
    }
    if (rc == OA_OK) {
        a->r->status = OA_STATUS_FEASIBLE;
        rc = read_entries(a, plan, xmlDocGetRootElement(doc), line_of, errs);
        if (rc == OA_OK && oa_error_list_count(errs) > 0)
            rc = OA_EINVALID;
    }
    oap_read_end(rc, errs, doc, source, err, all);
    oap_free(line_of);
    if (rc != OA_OK) {
        oa_actuals_free(a);
        return rc;
    }
    *out = a;
    return OA_OK;
}

OA_API int oa_actuals_read_file(oa_actuals **out, const char *path,
                                const oa_plan *plan, const oa_read_opts *opts,
                                oa_error *err, oa_error_list *all)
{
    char *data;
    size_t size;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && path && plan);
    rc = oap_read_input(&data, &size, path, opts, err, all);
    if (rc != OA_OK)
        return rc;
    rc = oa_actuals_read_memory(out, data, size, path, plan, opts, err, all);
    oap_free(data);
    return rc;
}

OA_API void oa_actuals_free(oa_actuals *a)
{
    if (a == NULL)
        return;
    oa_result_free(a->r);
    oap_free(a->spend.v);
    oap_free(a);
}

OA_API const char *oa_actuals_schema(void)
{
    return oap_actuals_xsd;
}

const oa_result *oap_actuals_result(const oa_actuals *a, int as_of,
                                    oa_error *err)
{
    if (a->last_period >= as_of) {
        oap_error_set(err, OA_EINVALID, a->source, a->last_line,
                      "actuals for %s, not before the period re-planned "
                      "from (%s)", oa_result_period_label(a->r, a->last_period),
                      oa_result_period_label(a->r, as_of));
        return NULL;
    }
    return a->r;
}

int oap_actuals_spend(double **out, const oa_actuals *a, const oa_plan *plan,
                      oa_error *err)
{
    size_t U = plan->units.n, P = (size_t)plan->P, k, u;
    double *v;
    *out = NULL;
    if (a->spend.n == 0)
        return OA_OK;
    v = oap_calloc((U + 1) * P, sizeof *v);
    if (v == NULL)
        return OA_ENOMEM;
    for (k = 0; k < (U + 1) * P; k++)
        v[k] = NAN;
    for (k = 0; k < a->spend.n; k++) {
        const spent *e = &a->spend.v[k];
        for (u = e->unit ? 0 : U; u < U; u++)
            if (strcmp(plan->units.v[u]->id, e->unit) == 0)
                break;
        if (u == U && e->unit) {
            oap_error_set(err, OA_EINVALID, a->source, e->line,
                          "<spend>: unit '%s' is not in the plan solved",
                          e->unit);
            oap_free(v);
            return OA_EINVALID;
        }
        if (e->period > (int)P) {
            oap_error_set(err, OA_EINVALID, a->source, e->line,
                          "<spend>: period %d is past the horizon of the "
                          "plan solved", e->period);
            oap_free(v);
            return OA_EINVALID;
        }
        v[u * P + (size_t)e->period - 1] = e->amount;
    }
    *out = v;
    return OA_OK;
}
