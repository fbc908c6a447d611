/*
 * A unit's briefing: what the unit commits to, who depends on it, what
 * its initiatives need from others, its load per period with the levers
 * used, and its people's plans; text for an email, or XML.
 */
#include "plan_int.h"
#include "result.h"
#include "xw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define EPS 1e-9

typedef struct bctx {
    const oa_plan *plan;
    const oap_resolved *res;
    const oa_result *r;
    const oa_assignment *a;
    int u;
    oap_buf *b;
    oap_xw *x;       /* XML, or NULL for text */
} bctx;

/* "2027-03" or "2027-03..2027-05" */
static void range_text(char *buf, size_t size, const bctx *c, int t0, int t1)
{
    if (t0 == t1)
        snprintf(buf, size, "%s", oap_result_label(c->r, t0));
    else
        snprintf(buf, size, "%s..%s", oap_result_label(c->r, t0), oap_result_label(c->r, t1));
}

/* Unit u's demand of initiative i per period (1-based index into d). */
static double demand_of(const bctx *c, int i, int u, int start, double *d)
{
    const oap_rini *ri = &c->res->ini[i];
    double total = 0;
    size_t k;
    int t;
    for (t = 0; t <= c->res->P; t++)
        d[t] = 0;
    for (k = 0; k < ri->ndem; k++) {
        t = start + ri->dem[k].k;
        if (ri->dem[k].u == u && t >= 1 && t <= c->res->P) {
            d[t] += ri->dem[k].q;
            total += ri->dem[k].q;
        }
    }
    return total;
}

/* First and last period with demand. */
static void span(const double *d, int P, int *t0, int *t1)
{
    int t;
    *t0 = *t1 = 0;
    for (t = 1; t <= P; t++)
        if (d[t] > EPS) {
            if (*t0 == 0)
                *t0 = t;
            *t1 = t;
        }
}

/* A line of the text form; one formatted into a buffer too small for
 * it is cut, and then never inside a character. */
static void line(bctx *c, const char *text)
{
    oap_buf_putn(c->b, text, oap_utf8_complete(text));
    oap_buf_putn(c->b, "\n", 1);
}

/* One initiative's line: "  id (name), start..finish: N fte-months of
 * ours (t0..t1)" or its XML element. */
static void initiative_entry(bctx *c, const char *tag, int i,
                             const oa_initiative_result *ir, double mine,
                             int t0, int t1, const char *owner)
{
    char a[64], rg[96], rg2[96], buf[512];
    oap_format_amount(a, sizeof a, mine);
    range_text(rg, sizeof rg, c, ir->start, ir->finish);
    range_text(rg2, sizeof rg2, c, t0, t1);
    if (c->x) {
        oap_xw_start(c->x, tag);
        oap_xw_attr_s(c->x, "initiative", ir->id);
        oap_xw_attr_s(c->x, "owner", owner);
        oap_xw_attr_i(c->x, "start", ir->start);
        oap_xw_attr_i(c->x, "finish", ir->finish);
        oap_xw_attr_d(c->x, "our-fte-periods", mine);
        oap_xw_end(c->x);
        return;
    }
    (void)i;
    if (owner)
        snprintf(buf, sizeof buf, "  - %s (owned by %s), %s: %s fte-months "
                 "from us in %s", ir->id, owner, rg, a, rg2);
    else if (mine > EPS)
        snprintf(buf, sizeof buf, "  - %s%s%s%s, %s: %s fte-months of ours "
                 "in %s", ir->id, ir->name ? " (" : "",
                 ir->name ? ir->name : "", ir->name ? ")" : "", rg, a, rg2);
    else
        snprintf(buf, sizeof buf, "  - %s%s%s%s, %s: no work of ours",
                 ir->id, ir->name ? " (" : "", ir->name ? ir->name : "",
                 ir->name ? ")" : "", rg);
    line(c, buf);
}

static int write_brief(bctx *c)
{
    const oa_plan *p = c->plan;
    const oap_resolved *res = c->res;
    const char *uid = p->units.v[c->u]->id;
    double *d = oap_calloc((size_t)res->P + 2, sizeof(double));
    char buf[600], a[64], rg[96];
    int i, t, any;
    size_t k;
    if (d == NULL)
        return OA_ENOMEM;
    if (!c->x) {
        snprintf(buf, sizeof buf, "Brief for %s%s%s%s: %s, %s..%s", uid,
                 p->units.v[c->u]->name ? " (" : "",
                 p->units.v[c->u]->name ? p->units.v[c->u]->name : "",
                 p->units.v[c->u]->name ? ")" : "",
                 p->name ? p->name : "the plan", oap_result_label(c->r, 1), oap_result_label(c->r, res->P));
        line(c, buf);
    } else {
        oap_xw_start(c->x, "brief");
        oap_xw_attr_s(c->x, "version", "1");
        oap_xw_attr_s(c->x, "unit", uid);
        oap_xw_attr_s(c->x, "plan", p->name);
    }
    /* run work */
    if (!c->x)
        line(c, "\nRun work we commit to (FTE per period):\n");
    for (i = 0, any = 0; i < res->NOP; i++) {
        int r;
        if (res->ops[i].unit != c->u)
            continue;
        for (r = 0; r < res->R; r++) {
            double lo = HUGE_VAL, hi = 0;
            for (t = 0; t < res->P; t++) {
                double v = res->ops[i].run[(size_t)r * (size_t)res->P + t];
                lo = fmin(lo, v);
                hi = fmax(hi, v);
            }
            if (hi <= EPS)
                continue;
            any = 1;
            if (c->x) {
                oap_xw_start(c->x, "run-work");
                oap_xw_attr_s(c->x, "operating-plan", p->ops.v[i]->name);
                oap_xw_attr_s(c->x, "resource", p->resources.v[r].id);
                oap_xw_attr_d(c->x, "min", lo);
                oap_xw_attr_d(c->x, "max", hi);
                oap_xw_end(c->x);
                continue;
            }
            oap_format_amount(a, sizeof a, lo);
            if (hi - lo > EPS) {
                char b2[64];
                oap_format_amount(b2, sizeof b2, hi);
                snprintf(buf, sizeof buf, "  - %s: %s to %s %s",
                         p->ops.v[i]->name ? p->ops.v[i]->name : uid, a, b2,
                         p->resources.v[r].id);
            } else {
                snprintf(buf, sizeof buf, "  - %s: %s %s",
                         p->ops.v[i]->name ? p->ops.v[i]->name : uid, a,
                         p->resources.v[r].id);
            }
            line(c, buf);
        }
    }
    if (!any && !c->x)
        line(c, "  (none)");
    /* our initiatives */
    if (!c->x)
        line(c, "\nOur initiatives in the roadmap:\n");
    for (i = 0, any = 0; i < res->N; i++) {
        oa_initiative_result ir;
        int t0, t1;
        double mine;
        if (res->ini[i].owner != c->u ||
            oa_result_initiative(&ir, c->r, (size_t)i) != OA_OK ||
            !ir.scheduled)
            continue;
        mine = demand_of(c, i, c->u, ir.start, d);
        span(d, res->P, &t0, &t1);
        initiative_entry(c, "initiative", i, &ir, mine, t0, t1, NULL);
        any = 1;
    }
    if (!any && !c->x)
        line(c, "  (none)");
    /* rejected ones of ours */
    for (i = 0, any = 0; i < res->N; i++) {
        oa_initiative_result ir;
        if (res->ini[i].owner != c->u ||
            oa_result_initiative(&ir, c->r, (size_t)i) != OA_OK ||
            ir.scheduled)
            continue;
        if (c->x) {
            oap_xw_start(c->x, "rejected");
            oap_xw_attr_s(c->x, "initiative", ir.id);
            oap_xw_end(c->x);
            continue;
        }
        if (!any)
            line(c, "\nOur initiatives not in the roadmap (opsalign explain "
                    "says why):\n");
        snprintf(buf, sizeof buf, "  - %s", ir.id);
        line(c, buf);
        any = 1;
    }
    /* who depends on us */
    if (!c->x)
        line(c, "\nInitiatives owned elsewhere that depend on our work:\n");
    for (i = 0, any = 0; i < res->N; i++) {
        oa_initiative_result ir;
        int t0, t1, ow = res->ini[i].owner;
        double mine;
        if (ow == c->u || oa_result_initiative(&ir, c->r, (size_t)i) != OA_OK ||
            !ir.scheduled)
            continue;
        mine = demand_of(c, i, c->u, ir.start, d);
        if (mine <= EPS)
            continue;
        span(d, res->P, &t0, &t1);
        initiative_entry(c, "depends-on-us", i, &ir, mine, t0, t1,
                         ow >= 0 ? p->units.v[ow]->id : "no unit");
        any = 1;
    }
    if (!any && !c->x)
        line(c, "  (none)");
    /* what our initiatives need from others */
    if (!c->x)
        line(c, "\nWhat our initiatives need from other units:\n");
    for (i = 0, any = 0; i < res->N; i++) {
        oa_initiative_result ir;
        int v;
        if (res->ini[i].owner != c->u ||
            oa_result_initiative(&ir, c->r, (size_t)i) != OA_OK ||
            !ir.scheduled)
            continue;
        for (v = 0; v < res->U; v++) {
            int t0, t1;
            double need;
            if (v == c->u)
                continue;
            need = demand_of(c, i, v, ir.start, d);
            if (need <= EPS)
                continue;
            span(d, res->P, &t0, &t1);
            any = 1;
            if (c->x) {
                oap_xw_start(c->x, "needs");
                oap_xw_attr_s(c->x, "initiative", ir.id);
                oap_xw_attr_s(c->x, "from-unit", p->units.v[v]->id);
                oap_xw_attr_d(c->x, "fte-periods", need);
                oap_xw_attr_i(c->x, "from", t0);
                oap_xw_attr_i(c->x, "to", t1);
                oap_xw_end(c->x);
                continue;
            }
            oap_format_amount(a, sizeof a, need);
            range_text(rg, sizeof rg, c, t0, t1);
            snprintf(buf, sizeof buf, "  - %s from %s: %s fte-months in %s",
                     ir.id, p->units.v[v]->id, a, rg);
            line(c, buf);
        }
    }
    if (!any && !c->x)
        line(c, "  (none)");
    /* load */
    if (!c->x)
        line(c, "\nOur load (FTE; levers are overtime, contractors and loans "
                "received):\n\n  period    capacity     run  change  levers  "
                "lent  use");
    for (k = 0; k < oa_result_load_count(c->r); k++) {
        oa_load l;
        double lev;
        if (oa_result_load(&l, c->r, k) != OA_OK || strcmp(l.unit, uid) != 0)
            continue;
        lev = l.overtime + l.contractors + l.loan_in;
        if (c->x) {
            oap_xw_start(c->x, "load");
            oap_xw_attr_s(c->x, "resource", l.resource);
            oap_xw_attr_i(c->x, "period", l.period);
            oap_xw_attr_d(c->x, "capacity", l.capacity);
            oap_xw_attr_d(c->x, "run", l.run + l.effects - l.shortfall);
            oap_xw_attr_d(c->x, "change", l.change);
            oap_xw_attr_d(c->x, "levers", lev);
            oap_xw_attr_d(c->x, "lent", l.loan_out);
            oap_xw_attr_d(c->x, "utilization", l.utilization);
            oap_xw_end(c->x);
            continue;
        }
        if (l.capacity <= EPS && l.run + l.change + lev <= EPS)
            continue;
        snprintf(buf, sizeof buf, "  %-9s %8.2f %7.2f %7.2f %7.2f %5.2f %3.0f%%%s",
                 oap_result_label(c->r, l.period), l.capacity, l.run + l.effects - l.shortfall,
                 l.change, lev, l.loan_out,
                 isnan(l.utilization) ? 0 : 100 * l.utilization,
                 res->R > 1 ? "" : "");
        if (res->R > 1) {
            size_t n = strlen(buf);
            snprintf(buf + n, sizeof buf - n, "  %s", l.resource);
        }
        line(c, buf);
    }
    /* people */
    if (c->a) {
        size_t pi;
        int header = 0;
        for (pi = 0; pi < p->people.n; pi++) {
            const oa_person *pe = p->people.v[pi];
            size_t w;
            if (strcmp(pe->unit, uid) != 0)
                continue;
            if (!c->x && !header) {
                line(c, "\nOur people (FTE per period):\n");
                header = 1;
            }
            if (c->x) {
                oap_xw_start(c->x, "person");
                oap_xw_attr_s(c->x, "id", pe->id);
            } else {
                snprintf(buf, sizeof buf, "  %s%s%s%s", pe->id,
                         pe->name ? " (" : "", pe->name ? pe->name : "",
                         pe->name ? ")" : "");
                line(c, buf);
            }
            /* runs of the same share in consecutive periods */
            for (w = 0; w < oa_assignment_count(c->a); w++) {
                oa_person_work x, y;
                size_t e = w, f;
                int dup = 0;
                if (oa_assignment_work(&x, c->a, w) != OA_OK ||
                    strcmp(x.person, pe->id) != 0)
                    continue;
                /* said already, as part of an earlier run? */
                for (f = 0; f < w && !dup; f++)
                    if (oa_assignment_work(&y, c->a, f) == OA_OK &&
                        strcmp(y.person, x.person) == 0 &&
                        strcmp(y.what, x.what) == 0 && y.kind == x.kind &&
                        fabs(y.amount - x.amount) < 1e-9 &&
                        y.period == x.period - 1)
                        dup = 1;
                if (dup)
                    continue;
                t = x.period;
                for (f = w + 1; f < oa_assignment_count(c->a); f++)
                    if (oa_assignment_work(&y, c->a, f) == OA_OK &&
                        strcmp(y.person, x.person) == 0 &&
                        strcmp(y.what, x.what) == 0 && y.kind == x.kind &&
                        fabs(y.amount - x.amount) < 1e-9 && y.period == t + 1) {
                        t = y.period;
                        e = f;
                    }
                (void)e;
                if (c->x) {
                    oap_xw_start(c->x, "assignment");
                    oap_xw_attr_s(c->x, "what", x.what);
                    oap_xw_attr_d(c->x, "amount", x.amount);
                    oap_xw_attr_i(c->x, "from", x.period);
                    oap_xw_attr_i(c->x, "to", t);
                    oap_xw_end(c->x);
                    continue;
                }
                oap_format_amount(a, sizeof a, x.amount);
                range_text(rg, sizeof rg, c, x.period, t);
                snprintf(buf, sizeof buf, "    %s %s in %s", x.what, a, rg);
                line(c, buf);
            }
            if (c->x)
                oap_xw_end(c->x);
        }
        for (k = 0; k < oa_assignment_uncovered_count(c->a); k++) {
            oa_uncovered un;
            if (oa_assignment_uncovered(&un, c->a, k) != OA_OK ||
                strcmp(un.unit, uid) != 0)
                continue;
            if (c->x) {
                oap_xw_start(c->x, "uncovered");
                oap_xw_attr_s(c->x, "resource", un.resource);
                oap_xw_attr_i(c->x, "period", un.period);
                oap_xw_attr_d(c->x, "amount", un.amount);
                oap_xw_end(c->x);
                continue;
            }
            oap_format_amount(a, sizeof a, un.amount);
            snprintf(buf, sizeof buf, "  Not covered by our people in %s: %s "
                     "%s", oap_result_label(c->r, un.period), a, un.resource);
            line(c, buf);
        }
    }
    if (c->x)
        oap_xw_end(c->x);
    oap_free(d);
    return OA_OK;
}

static int brief(char **out, size_t *size, const oa_checked *chk,
                 const oa_result *roadmap, const oa_assignment *people,
                 const char *unit, oa_format format, oa_error *err);

OA_API int oa_brief_write(char **out, size_t *size, const oa_plan *plan,
                          const oa_result *roadmap,
                          const oa_assignment *people, const char *unit,
                          oa_format format, oa_error *err)
{
    int rc;
    oa_checked *chk = NULL;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && plan && roadmap && unit);
    OAP_ARG(format == OA_FORMAT_TEXT || format == OA_FORMAT_XML);
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc == OA_OK)
        rc = oap_result_check_roadmap(chk, roadmap, "brief on", err);
    if (rc == OA_OK)
        rc = brief(out, size, chk, roadmap, people, unit, format, err);
    oa_checked_free(chk);
    return rc;
}

/* The brief of a checked plan. */
static int brief(char **out, size_t *size, const oa_checked *chk,
                 const oa_result *roadmap, const oa_assignment *people,
                 const char *unit, oa_format format, oa_error *err)
{
    const oa_plan *plan = chk->plan;
    bctx c;
    oap_buf b;
    oap_xw *x = NULL;
    size_t k;
    int rc;
    memset(&c, 0, sizeof c);
    c.plan = plan;
    c.res = chk->res;
    c.r = roadmap;
    c.a = people;
    c.u = -1;
    for (k = 0; k < plan->units.n; k++)
        if (strcmp(plan->units.v[k]->id, unit) == 0)
            c.u = (int)k;
    if (c.u < 0) {
        oap_error_set(err, OA_ENOTFOUND, plan->source, -1,
                      "no unit '%s' in the plan", unit);
        return OA_ENOTFOUND;
    }
    oap_buf_init(&b);
    c.b = &b;
    if (format == OA_FORMAT_XML) {
        rc = oap_xw_begin(&x, "  ");
        if (rc != OA_OK)
            return rc;
        c.x = x;
    }
    rc = write_brief(&c);
    if (format == OA_FORMAT_XML) {
        int frc = oap_xw_finish(x, &b);
        if (rc == OA_OK)
            rc = frc;
    }
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_brief_save(const oa_plan *plan, const oa_result *roadmap,
                         const oa_assignment *people, const char *unit,
                         const char *path, oa_format format, oa_error *err)
{
    char *data = NULL;
    size_t size = 0;
    int rc;
    OAP_ARG(path);
    rc = oa_brief_write(&data, &size, plan, roadmap, people, unit, format,
                        err);
    return oap_save_text(path, data, size, rc, err);
}
