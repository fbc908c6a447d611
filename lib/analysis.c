/*
 * What a result says beyond its tables, computed in one place so that
 * every writer and every explanation says the same: the bottlenecks, the
 * objective's waterfall and the period labels.  Reads a finished result; changes nothing.
 */
#include "result.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

const char *oap_result_label(const oa_result *r, int t)
{
    const char *l = oa_result_period_label(r, t);
    return l ? l : "?";
}

/* A row used up: the work takes all the capacity and the levers used.
 * With no levers its shadow price (roadmap fixed) is 0, yet more of it
 * may well be worth something: explain's re-solve says. */
static int used_up(const oa_load *l)
{
    double work = l->run + l->effects - l->shortfall + l->change + l->loan_out;
    double have = l->capacity + l->overtime + l->contractors + l->loan_in;
    return work > EPS && have - work <= EPS * (1 + have);
}

static int budget_binds(const oa_spend *s)
{
    return s->has_limit &&
           (s->shadow_price > EPS ||
            s->spend >= s->limit - EPS * (1 + s->limit));
}

int oap_bottleneck_cmp(const void *a, const void *b)
{
    const oa_bottleneck *x = a, *y = b;
    if (x->marginal != y->marginal)
        return x->marginal < y->marginal ? 1 : -1;
    /* longer ranges first, then earlier periods, capacity before budgets */
    if (x->to - x->from != y->to - y->from)
        return (y->to - y->from) - (x->to - x->from);
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->is_budget - y->is_budget;
}

OA_API int oa_result_bottlenecks(oa_bottleneck **out, size_t *n,
                                 const oa_result *r)
{
    oa_bottleneck *v, cur;
    size_t k, m = 0;
    int open = 0;
    if (out)
        *out = NULL;
    if (n)
        *n = 0;
    OAP_ARG(out && n && r);
    /* At most one range per load and one row per budget. */
    v = oap_calloc(r->loads.n + r->spend.n + 1, sizeof *v);
    if (v == NULL)
        return OA_ENOMEM;
    memset(&cur, 0, sizeof cur);
    /* Loads come unit by unit, resource by resource, period by period. */
    for (k = 0; k <= r->loads.n; k++) {
        const oa_load *l = k < r->loads.n ? &r->loads.v[k] : NULL;
        int ok = l && (l->shadow_price > EPS || used_up(l));
        if (open && (!ok || strcmp(l->unit, cur.unit) != 0 ||
                     strcmp(l->resource, cur.resource) != 0 ||
                     l->period != cur.to + 1)) {
            v[m++] = cur;
            open = 0;
        }
        if (!ok)
            continue;
        if (!open) {
            memset(&cur, 0, sizeof cur);
            cur.unit = l->unit;
            cur.resource = l->resource;
            cur.from = l->period;
            cur.value = NAN;
            open = 1;
        }
        cur.to = l->period;
        if (l->shadow_price > 0)
            cur.marginal += l->shadow_price;
    }
    for (k = 0; k < r->spend.n; k++) {
        const oa_spend *s = &r->spend.v[k];
        if (!budget_binds(s))
            continue;
        memset(&v[m], 0, sizeof v[m]);
        v[m].is_budget = 1;
        v[m].budget = s->kind;
        v[m].unit = s->unit;
        v[m].from = s->from;
        v[m].to = s->to;
        v[m].marginal = s->shadow_price > EPS ? s->shadow_price : 0;
        v[m].value = NAN;
        m++;
    }
    if (m == 0) {
        oap_free(v);
        return OA_OK;
    }
    qsort(v, m, sizeof *v, oap_bottleneck_cmp);
    *out = v;
    *n = m;
    return OA_OK;
}

/* v rounded as shown: to cents (dec 2) or whole units. */
static double shown(double v, int dec)
{
    return dec ? nearbyint(v * 100) / 100 : nearbyint(v);
}

static void wf_line(oap_wf_line *l, oap_wf_kind kind, oa_term term,
                    const char *label, double amount, int dec)
{
    l->kind = kind;
    l->term = term;
    l->label = label;
    l->amount = amount;
    l->decimals = dec;
}

int oap_waterfall(oap_wf_line *lines, const oa_result *r)
{
    static const char *const labels[OA_TERM_COUNT] = {
        "value of the initiatives chosen",
        "benefit per period after they finish",
        "weighted objective scores",
        "overtime",
        "contractors",
        "loans between units",
        "run work left undone (service-level penalties)",
        "moves against the baseline (stability prices)"
    };
    double sum = 0, obj, diff;
    int k, n = 0, dec = 0;
    if (!r->has_terms)
        return 0;
    /* Cents where any amount has them. */
    for (k = 0; k < OA_TERM_COUNT; k++)
        if (fabs(r->terms[k] - nearbyint(r->terms[k])) > 0.005)
            dec = 2;
    if (fabs(r->objective - nearbyint(r->objective)) > 0.005)
        dec = 2;
    for (k = 0; k < OA_TERM_COUNT; k++) {
        if (r->terms[k] == 0 && k != OA_TERM_VALUE)
            continue;
        wf_line(&lines[n++], OAP_WF_TERM, (oa_term)k, labels[k],
                shown(r->terms[k], dec), dec);
        sum += shown(r->terms[k], dec);
    }
    /* The amounts as shown add up to the objective as shown: what
     * rounding takes or adds is a line of its own. */
    obj = shown(r->objective, dec);
    diff = shown(obj - sum, dec);
    if (diff != 0)
        wf_line(&lines[n++], OAP_WF_ROUNDING, OA_TERM_VALUE, "rounding",
                diff, dec);
    wf_line(&lines[n++], OAP_WF_TOTAL, OA_TERM_VALUE, "objective", obj, dec);
    return n;
}

unsigned int oap_result_binding(const oa_result *r)
{
    unsigned int bits = 0;
    size_t k;
    if (!oap_result_has_roadmap(r))
        return 0;
    for (k = 0; k < r->spend.n; k++)
        if (budget_binds(&r->spend.v[k]))
            bits |= 1u << r->spend.v[k].kind;
    return bits;
}

void oap_budget_name(char *buf, size_t size, const oa_result *r,
                     oa_budget_kind kind, const char *unit, int from, int to)
{
    char range[96];
    if (from == to)
        snprintf(range, sizeof range, "%s", oap_result_label(r, from));
    else
        snprintf(range, sizeof range, "%s..%s", oap_result_label(r, from),
                 oap_result_label(r, to));
    if (kind == OA_BUDGET_RANGE)
        snprintf(buf, size, "%s", range);
    else if (from <= 1 && to >= r->P)
        snprintf(buf, size, kind == OA_BUDGET_TOTAL ? "total" : "unit %s",
                 unit ? unit : "?");
    else if (kind == OA_BUDGET_TOTAL)
        snprintf(buf, size, "total %s", range);
    else
        snprintf(buf, size, "unit %s %s", unit ? unit : "?", range);
}

void oap_binding_text(char *buf, size_t size, const oa_result *r, int max)
{
    size_t k, len = 0;
    int shown = 0, more = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    for (k = 0; oap_result_has_roadmap(r) && k < r->spend.n; k++) {
        const oa_spend *s = &r->spend.v[k];
        char one[160];
        if (!budget_binds(s))
            continue;
        if (shown >= max) {
            more++;
            continue;
        }
        oap_budget_name(one, sizeof one, r, s->kind, s->unit, s->from, s->to);
        len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
                                "%s%s", shown ? ", " : "", one);
        if (len >= size)
            len = size - 1;
        shown++;
    }
    if (more)
        snprintf(buf + len, len < size ? size - len : 0, " +%d more", more);
    if (shown == 0)
        snprintf(buf, size, "none");
}

double oap_ranges_cap(const oa_result *r)
{
    /* f[t]: the least sum of range limits covering periods 1..t (spend
     * of a period is never negative, so covering ranges, even
     * overlapping, cap the spend of the periods they cover). */
    double *f;
    double cap;
    int t;
    size_t k;
    if (r->P <= 0)
        return HUGE_VAL;
    f = oap_calloc((size_t)r->P + 1, sizeof *f);
    if (f == NULL)
        return HUGE_VAL;
    for (t = 1; t <= r->P; t++) {
        f[t] = HUGE_VAL;
        for (k = 0; k < r->spend.n; k++) {
            const oa_spend *s = &r->spend.v[k];
            if (s->kind != OA_BUDGET_RANGE || !s->has_limit || s->from > t ||
                s->to < t || s->from < 1)
                continue;
            if (f[s->from - 1] + s->limit < f[t])
                f[t] = f[s->from - 1] + s->limit;
        }
    }
    cap = f[r->P];
    oap_free(f);
    return cap;
}
