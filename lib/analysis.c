/*
 * What a result says beyond its tables, computed in one place so that
 * every writer and every explanation says the same: the bottlenecks and
 * the period labels.  Reads a finished result; changes nothing.
 */
#include "result.h"

#include <math.h>
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
