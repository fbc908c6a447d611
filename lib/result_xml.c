/*
 * Results as XML: the writer (libxml2's xmlTextWriter, so the output is
 * well-formed and every plan-supplied text escaped) and the reader, which
 * gives back the same numbers (doubles are written in their shortest
 * exact form).
 */
#include "result.h"
#include "xml.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const budget_names[] = { "total", "range", "unit" };

int oap_result_write_xml(oap_buf *b, const oa_result *r);

/* The spend and its parts, as attributes. */
static void spend_parts(oap_xw *x, const oa_spend *s)
{
    oap_xw_attr_d(x, "spend", s->spend);
    oap_xw_attr_d(x, "operating", s->operating);
    oap_xw_attr_d(x, "initiatives", s->initiatives);
    oap_xw_attr_d(x, "overtime", s->overtime);
    oap_xw_attr_d(x, "contractors", s->contractors);
    oap_xw_attr_d(x, "loans", s->loans);
    if (s->adjustment != 0)
        oap_xw_attr_d(x, "adjustment", s->adjustment);
}

int oap_result_write_xml(oap_buf *b, const oa_result *r)
{
    oap_xw *x = NULL;
    oa_bottleneck *bn = NULL;
    size_t i, k, nbn = 0;
    int t;
    {
        int brc = oap_xw_begin(&x, "  ");
        if (brc != OA_OK)
            return brc;
    }
    oap_xw_start(x, "result");
    oap_xw_attr_s(x, "version", "1");
    oap_xw_attr_s(x, "status", oa_status_name(r->status));
    oap_xw_attr_d(x, "objective", r->objective);
    oap_xw_attr_d(x, "bound", r->bound);
    oap_xw_attr_d(x, "gap", r->gap);
    /* A work-limited result is the same file on every run. */
    if (!r->work_limited)
        oap_xw_attr_d(x, "seconds", r->seconds);
    if (!isnan(r->work))
        oap_xw_attr_d(x, "work", r->work);
    oap_xw_attr_s(x, "stopped-by", oa_stop_name(r->stop));
    oap_xw_attr_s(x, "plan", r->name);
    oap_xw_attr_s(x, "scenario", r->scenario);
    oap_xw_attr_s(x, "scenario-file", r->scenario_file);
    if (r->has_baseline) {
        oap_xw_attr_s(x, "baseline", "true");
        if (r->baseline_fits >= 0)
            oap_xw_attr_s(x, "baseline-fits",
                          r->baseline_fits ? "true" : "false");
        if (isfinite(r->baseline_objective))
            oap_xw_attr_d(x, "baseline-objective", r->baseline_objective);
    }
    if (r->as_of > 0) {
        oap_xw_attr_i(x, "as-of", r->as_of);
        oap_xw_attr_i(x, "kept", r->kept);
        oap_xw_attr_s(x, "replanned-from",
                      r->from_actuals ? "actuals" : "baseline");
    }
    oap_xw_attr_s(x, "currency", r->currency);
    if (r->status == OA_STATUS_INFEASIBLE) {
        oap_xw_attr_d(x, "deficit", r->deficit);
        oap_xw_attr_s(x, "deficit-status", r->deficit_proven ? "optimal"
                                                        : "feasible");
    }
    oap_xw_start(x, "periods");
    for (t = 1; t <= r->P; t++) {
        oap_xw_start(x, "period");
        oap_xw_attr_i(x, "index", t);
        oap_xw_attr_s(x, "label", oa_result_period_label(r, t));
        oap_xw_end(x);
    }
    oap_xw_end(x);
    if (r->has_terms) {
        /* The objective as the sum of its terms (model.md). */
        oap_xw_start(x, "objective-terms");
        for (t = 0; t < OA_TERM_COUNT; t++) {
            oap_xw_start(x, "term");
            oap_xw_attr_s(x, "kind", oa_term_name((oa_term)t));
            oap_xw_attr_d(x, "amount", r->terms[t]);
            oap_xw_end(x);
        }
        oap_xw_end(x);
    }
    for (i = 0; i < r->ini.n; i++) {
        const oa_initiative_result *v = &r->ini.v[i];
        oap_xw_start(x, "initiative");
        oap_xw_attr_s(x, "id", v->id);
        oap_xw_attr_s(x, "name", v->name);
        oap_xw_attr_s(x, "owner", v->owner);
        oap_xw_attr_s(x, "status", v->scheduled ? "scheduled" : "rejected");
        if (v->scheduled) {
            oap_xw_attr_i(x, "start", v->start);
            oap_xw_attr_i(x, "finish", v->finish);
            oap_xw_attr_s(x, "start-label", oa_result_period_label(r, v->start));
            oap_xw_attr_s(x, "finish-label", oa_result_period_label(r, v->finish));
            oap_xw_attr_i(x, "delay", v->delay);
        }
        oap_xw_attr_i(x, "earliest", v->earliest);
        oap_xw_attr_d(x, "fraction", v->fraction);
        oap_xw_attr_d(x, "value", v->value);
        oap_xw_attr_d(x, "cost", v->cost);
        oap_xw_attr_s(x, "mandatory", v->mandatory ? "true" : "false");
        if (v->mandatory == 2)
            oap_xw_attr_s(x, "pinned", "true");
        if (!isnan(v->plan_value))
            oap_xw_attr_d(x, "plan-value", v->plan_value);
        if (!isnan(v->benefit))
            oap_xw_attr_d(x, "benefit", v->benefit);
        if (!isnan(v->score))
            oap_xw_attr_d(x, "score", v->score);
        oap_xw_end(x);
    }
    for (i = 0; i < r->loads.n; i++) {
        const oa_load *l = &r->loads.v[i];
        oap_xw_start(x, "load");
        oap_xw_attr_s(x, "unit", l->unit);
        oap_xw_attr_s(x, "resource", l->resource);
        oap_xw_attr_i(x, "period", l->period);
        oap_xw_attr_s(x, "period-label", oa_result_period_label(r, l->period));
        oap_xw_attr_d(x, "capacity", l->capacity);
        oap_xw_attr_d(x, "run", l->run);
        oap_xw_attr_d(x, "effects", l->effects);
        oap_xw_attr_d(x, "shortfall", l->shortfall);
        oap_xw_attr_d(x, "change", l->change);
        oap_xw_attr_d(x, "overtime", l->overtime);
        oap_xw_attr_d(x, "contractors", l->contractors);
        oap_xw_attr_d(x, "loan-in", l->loan_in);
        oap_xw_attr_d(x, "loan-out", l->loan_out);
        oap_xw_attr_d(x, "utilization", l->utilization);
        oap_xw_attr_d(x, "shadow-price", l->shadow_price);
        if (!isnan(l->shortfall_cost))
            oap_xw_attr_d(x, "shortfall-cost", l->shortfall_cost);
        oap_xw_end(x);
    }
    for (i = 0; i < r->spend.n; i++) {
        const oa_spend *s = &r->spend.v[i];
        oap_xw_start(x, "spend");
        oap_xw_attr_s(x, "budget", budget_names[s->kind]);
        oap_xw_attr_s(x, "unit", s->unit);
        oap_xw_attr_i(x, "from", s->from);
        oap_xw_attr_i(x, "to", s->to);
        if (s->has_limit)
            oap_xw_attr_d(x, "limit", s->limit);
        spend_parts(x, s);
        oap_xw_attr_d(x, "shadow-price", s->shadow_price);
        oap_xw_end(x);
    }
    for (i = 0; i < r->period_spend.n; i++) {
        const oa_spend *s = &r->period_spend.v[i];
        oap_xw_start(x, "period-spend");
        oap_xw_attr_i(x, "period", s->from);
        spend_parts(x, s);
        oap_xw_end(x);
    }
    for (i = 0; i < r->deficits.n; i++) {
        const oa_deficit *d = &r->deficits.v[i];
        oap_xw_start(x, "deficit");
        oap_xw_attr_d(x, "amount", d->amount);
        oap_xw_attr_s(x, "unit", d->unit);
        if (!d->is_budget) {
            oap_xw_attr_s(x, "resource", d->resource);
            oap_xw_attr_i(x, "period", d->period);
            oap_xw_attr_s(x, "period-label", oa_result_period_label(r, d->period));
        } else {
            oap_xw_attr_s(x, "budget", budget_names[d->budget]);
            oap_xw_attr_i(x, "from", d->from);
            oap_xw_attr_i(x, "to", d->to);
        }
        for (k = 0; k < r->held.n; k++) {
            const oa_held *h = &r->held.v[k];
            if (h->deficit != i)
                continue;
            oap_xw_start(x, "held");
            oap_xw_attr_s(x, "id", h->id);
            oap_xw_attr_i(x, "start", h->start);
            oap_xw_attr_s(x, "start-label", oa_result_period_label(r, h->start));
            oap_xw_attr_s(x, "as", h->kept ? "kept" : "pinned");
            oap_xw_attr_d(x, "amount", h->amount);
            oap_xw_end(x);
        }
        oap_xw_end(x);
    }
    for (i = 0; i < r->moves.n; i++) {
        const oa_move *mv = &r->moves.v[i];
        oap_xw_start(x, "move");
        oap_xw_attr_s(x, "id", mv->id);
        oap_xw_attr_i(x, "from", mv->from);
        oap_xw_attr_i(x, "to", mv->to);
        if (mv->from)
            oap_xw_attr_s(x, "from-label", oa_result_period_label(r, mv->from));
        if (mv->to)
            oap_xw_attr_s(x, "to-label", oa_result_period_label(r, mv->to));
        oap_xw_attr_d(x, "price", mv->price);
        oap_xw_attr_d(x, "value", mv->value);
        oap_xw_end(x);
    }
    if (oa_result_bottlenecks(&bn, &nbn, r) != OA_OK)
        oap_xw_fail(x);
    for (i = 0; i < nbn; i++) {
        oap_xw_start(x, "bottleneck");
        if (bn[i].is_budget) {
            oap_xw_attr_s(x, "budget", budget_names[bn[i].budget]);
            oap_xw_attr_s(x, "unit", bn[i].unit);
        } else {
            oap_xw_attr_s(x, "unit", bn[i].unit);
            oap_xw_attr_s(x, "resource", bn[i].resource);
        }
        oap_xw_attr_i(x, "from", bn[i].from);
        oap_xw_attr_i(x, "to", bn[i].to);
        oap_xw_attr_s(x, "from-label", oa_result_period_label(r, bn[i].from));
        oap_xw_attr_s(x, "to-label", oa_result_period_label(r, bn[i].to));
        oap_xw_attr_d(x, "marginal", bn[i].marginal);
        oap_xw_end(x);
    }
    oa_free(bn);
    oap_xw_end(x);
    return oap_xw_finish(x, b);
}

/* ---- reading ---- */

typedef struct rd {
    oa_result *r;
    int oom;
} rd;

static const char *sattr(rd *c, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    const char *s;
    if (v == NULL)
        return NULL;
    s = oap_result_str(c->r, (const char *)v);
    xmlFree(v);
    if (s == NULL)
        c->oom = 1;
    return s;
}

static double dattr(rd *c, const xmlNode *n, const char *name, double dflt)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    double d;
    (void)c;
    if (v == NULL)
        return dflt;
    d = strtod((const char *)v, NULL);
    xmlFree(v);
    return d;
}

/* The spend and its parts of a <spend> or <period-spend>. */
static void read_spend_parts(rd *c, const xmlNode *n, oa_spend *s)
{
    s->spend = dattr(c, n, "spend", 0);
    s->operating = dattr(c, n, "operating", 0);
    s->initiatives = dattr(c, n, "initiatives", 0);
    s->overtime = dattr(c, n, "overtime", 0);
    s->contractors = dattr(c, n, "contractors", 0);
    s->loans = dattr(c, n, "loans", 0);
    s->adjustment = dattr(c, n, "adjustment", 0);
}

static int iattr(rd *c, const xmlNode *n, const char *name)
{
    return (int)dattr(c, n, name, 0);
}

static int budget_kind(const char *s)
{
    if (s && strcmp(s, "range") == 0)
        return OA_BUDGET_RANGE;
    if (s && strcmp(s, "unit") == 0)
        return OA_BUDGET_UNIT;
    return OA_BUDGET_TOTAL;
}

static int read_doc(rd *c, const xmlNode *root)
{
    oa_result *r = c->r;
    const xmlNode *n;
    const char *st = sattr(c, root, "status");
    int k;
    for (k = 0; k <= OA_STATUS_NO_SOLUTION; k++)
        if (st && strcmp(st, oa_status_name((oa_status)k)) == 0)
            r->status = (oa_status)k;
    r->objective = dattr(c, root, "objective", NAN);
    r->bound = dattr(c, root, "bound", NAN);
    r->gap = dattr(c, root, "gap", NAN);
    r->seconds = dattr(c, root, "seconds", 0);
    r->work = dattr(c, root, "work", NAN);
    {
        xmlChar *secs = xmlGetNoNsProp(root, (const xmlChar *)"seconds");
        r->work_limited = secs == NULL && !isnan(r->work);
        xmlFree(secs);
    }
    st = sattr(c, root, "stopped-by");
    for (k = 0; k <= OA_STOP_INTERRUPT; k++)
        if (st && strcmp(st, oa_stop_name((oa_stop)k)) == 0)
            r->stop = (oa_stop)k;
    r->name = sattr(c, root, "plan");
    r->scenario = sattr(c, root, "scenario");
    r->scenario_file = sattr(c, root, "scenario-file");
    r->as_of = iattr(c, root, "as-of");
    r->kept = iattr(c, root, "kept");
    st = sattr(c, root, "replanned-from");
    r->from_actuals = st && strcmp(st, "actuals") == 0;
    st = sattr(c, root, "baseline");
    r->has_baseline = st && strcmp(st, "true") == 0;
    r->baseline_objective = dattr(c, root, "baseline-objective", NAN);
    st = sattr(c, root, "baseline-fits");
    r->baseline_fits = st == NULL ? -1 : strcmp(st, "true") == 0;
    r->currency = sattr(c, root, "currency");
    r->deficit = dattr(c, root, "deficit", r->status == OA_STATUS_INFEASIBLE
                                               ? NAN
                                               : 0);
    st = sattr(c, root, "deficit-status");
    r->deficit_proven = st && strcmp(st, "optimal") == 0;
    for (n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (oap_xml_is(n, "periods")) {
            const xmlNode *p;
            int P = 0;
            for (p = n->children; p; p = p->next)
                if (oap_xml_is(p, "period"))
                    P++;
            r->labels = oap_calloc((size_t)P + 1, sizeof *r->labels);
            if (r->labels == NULL)
                return OA_ENOMEM;
            r->P = P;
            for (p = n->children; p; p = p->next)
                if (oap_xml_is(p, "period")) {
                    int t = iattr(c, p, "index");
                    if (t < 1 || t > P)
                        return OA_EINVALID;
                    r->labels[t - 1] = sattr(c, p, "label");
                }
            for (k = 0; k < P; k++)
                if (r->labels[k] == NULL)
                    return OA_EINVALID;
        } else if (oap_xml_is(n, "objective-terms")) {
            const xmlNode *p;
            for (p = n->children; p; p = p->next) {
                const char *kind;
                if (!oap_xml_is(p, "term"))
                    continue;
                kind = sattr(c, p, "kind");
                for (k = 0; k < OA_TERM_COUNT; k++)
                    if (kind && strcmp(kind, oa_term_name((oa_term)k)) == 0)
                        r->terms[k] = dattr(c, p, "amount", NAN);
            }
            r->has_terms = 1;
        } else if (oap_xml_is(n, "initiative")) {
            oa_initiative_result v;
            const char *s;
            memset(&v, 0, sizeof v);
            v.id = sattr(c, n, "id");
            v.name = sattr(c, n, "name");
            v.owner = sattr(c, n, "owner");
            s = sattr(c, n, "status");
            v.scheduled = s && strcmp(s, "scheduled") == 0;
            v.start = iattr(c, n, "start");
            v.finish = iattr(c, n, "finish");
            v.earliest = iattr(c, n, "earliest");
            v.delay = iattr(c, n, "delay");
            v.fraction = dattr(c, n, "fraction", v.scheduled ? 1 : 0);
            v.value = dattr(c, n, "value", 0);
            v.cost = dattr(c, n, "cost", 0);
            s = sattr(c, n, "mandatory");
            v.mandatory = s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);
            s = sattr(c, n, "pinned");
            if (v.mandatory && s &&
                (strcmp(s, "true") == 0 || strcmp(s, "1") == 0))
                v.mandatory = 2;
            /* Results of older versions have no parts of the value. */
            v.plan_value = dattr(c, n, "plan-value", NAN);
            v.benefit = dattr(c, n, "benefit", NAN);
            v.score = dattr(c, n, "score", NAN);
            if ((v.start > r->P || v.finish > r->P) ||
                (v.scheduled && (v.start < 1 || v.finish < v.start)))
                return OA_EINVALID;
            if (OAP_VPUSH(r->ini, v) != OA_OK)
                return OA_ENOMEM;
        } else if (oap_xml_is(n, "load")) {
            oa_load l;
            l.unit = sattr(c, n, "unit");
            l.resource = sattr(c, n, "resource");
            l.period = iattr(c, n, "period");
            l.capacity = dattr(c, n, "capacity", 0);
            l.run = dattr(c, n, "run", 0);
            l.effects = dattr(c, n, "effects", 0);
            l.shortfall = dattr(c, n, "shortfall", 0);
            l.change = dattr(c, n, "change", 0);
            l.overtime = dattr(c, n, "overtime", 0);
            l.contractors = dattr(c, n, "contractors", 0);
            l.loan_in = dattr(c, n, "loan-in", 0);
            l.loan_out = dattr(c, n, "loan-out", 0);
            l.utilization = dattr(c, n, "utilization", NAN);
            l.shadow_price = dattr(c, n, "shadow-price", NAN);
            l.shortfall_cost = dattr(c, n, "shortfall-cost", NAN);
            if (l.period < 1 || l.period > r->P)
                return OA_EINVALID;
            if (OAP_VPUSH(r->loads, l) != OA_OK)
                return OA_ENOMEM;
        } else if (oap_xml_is(n, "spend")) {
            oa_spend s;
            xmlChar *lim = xmlGetNoNsProp(n, (const xmlChar *)"limit");
            memset(&s, 0, sizeof s);
            s.kind = (oa_budget_kind)budget_kind(sattr(c, n, "budget"));
            s.unit = sattr(c, n, "unit");
            s.from = iattr(c, n, "from");
            s.to = iattr(c, n, "to");
            s.has_limit = lim != NULL;
            xmlFree(lim);
            s.limit = dattr(c, n, "limit", 0);
            read_spend_parts(c, n, &s);
            s.shadow_price = dattr(c, n, "shadow-price", NAN);
            if (OAP_VPUSH(r->spend, s) != OA_OK)
                return OA_ENOMEM;
        } else if (oap_xml_is(n, "period-spend")) {
            oa_spend s;
            memset(&s, 0, sizeof s);
            s.kind = OA_BUDGET_RANGE;
            s.from = s.to = iattr(c, n, "period");
            read_spend_parts(c, n, &s);
            s.shadow_price = NAN;
            if (s.from < 1 || s.from > r->P)
                return OA_EINVALID;
            if (OAP_VPUSH(r->period_spend, s) != OA_OK)
                return OA_ENOMEM;
        } else if (oap_xml_is(n, "deficit")) {
            const xmlNode *p;
            oa_deficit d;
            const char *bk;
            memset(&d, 0, sizeof d);
            d.amount = dattr(c, n, "amount", 0);
            d.unit = sattr(c, n, "unit");
            d.resource = sattr(c, n, "resource");
            d.period = iattr(c, n, "period");
            bk = sattr(c, n, "budget");
            d.is_budget = bk != NULL;
            d.budget = (oa_budget_kind)budget_kind(bk);
            d.from = iattr(c, n, "from");
            d.to = iattr(c, n, "to");
            if (OAP_VPUSH(r->deficits, d) != OA_OK)
                return OA_ENOMEM;
            for (p = n->children; p; p = p->next) {
                oa_held h;
                const char *as;
                if (!oap_xml_is(p, "held"))
                    continue;
                memset(&h, 0, sizeof h);
                h.deficit = r->deficits.n - 1;
                h.id = sattr(c, p, "id");
                h.start = iattr(c, p, "start");
                as = sattr(c, p, "as");
                h.kept = as && strcmp(as, "kept") == 0;
                h.amount = dattr(c, p, "amount", 0);
                if (h.id == NULL || h.start < 1 || h.start > r->P)
                    return OA_EINVALID;
                if (OAP_VPUSH(r->held, h) != OA_OK)
                    return OA_ENOMEM;
            }
        } else if (oap_xml_is(n, "move")) {
            oa_move mv;
            memset(&mv, 0, sizeof mv);
            mv.id = sattr(c, n, "id");
            mv.from = iattr(c, n, "from");
            mv.to = iattr(c, n, "to");
            mv.price = dattr(c, n, "price", 0);
            mv.value = dattr(c, n, "value", 0);
            if (mv.id == NULL || mv.from < 0 || mv.from > r->P || mv.to < 0 ||
                mv.to > r->P)
                return OA_EINVALID;
            if (OAP_VPUSH(r->moves, mv) != OA_OK)
                return OA_ENOMEM;
        }
        /* <bottleneck> is derived from the loads and spend: recomputed. */
    }
    if (r->as_of < 0 || r->as_of > r->P || r->kept < 0)
        return OA_EINVALID;
    return c->oom ? OA_ENOMEM : OA_OK;
}

OA_API int oa_result_read_memory(oa_result **out, const char *data,
                                 size_t size, const char *source,
                                 oa_error *err)
{
    oa_error_list *errs = NULL;
    xmlDoc *doc = NULL;
    rd c;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && (data || size == 0));
    if (err)
        oa_error_clear(err);
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    rc = oap_xml_parse(&doc, data ? data : "", size, source, "result", errs);
    if (rc == OA_OK)
        rc = oap_xml_validate(doc, OAP_SCHEMA_RESULT, source, errs);
    memset(&c, 0, sizeof c);
    if (rc == OA_OK) {
        c.r = oap_result_new();
        rc = c.r ? read_doc(&c, xmlDocGetRootElement(doc)) : OA_ENOMEM;
        if (rc == OA_EINVALID)
            oap_xml_error(errs, rc, source, -1, "the result's periods, "
                          "starts or loads do not agree");
    }
    if (rc != OA_OK && err && oa_error_list_count(errs) > 0)
        *err = *oa_error_list_get(errs, 0);
    else if (rc != OA_OK)
        oap_error_set(err, rc, source, -1, "%s", oa_strerror(rc));
    oa_error_list_free(errs);
    xmlFreeDoc(doc);
    if (rc != OA_OK) {
        oa_result_free(c.r);
        return rc;
    }
    *out = c.r;
    return OA_OK;
}

OA_API int oa_result_read_file(oa_result **out, const char *path,
                               oa_error *err)
{
    char *data;
    size_t size;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && path);
    if (err)
        oa_error_clear(err);
    rc = oap_read_file(&data, &size, path, OA_READ_DEFAULT_MAX_BYTES, err);
    if (rc != OA_OK)
        return rc;
    rc = oa_result_read_memory(out, data, size, path, err);
    oap_free(data);
    return rc;
}

OA_API const char *oa_result_schema(void)
{
    return oap_result_xsd;
}
