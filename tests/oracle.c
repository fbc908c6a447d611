/*
 * The oracle of oracle.h.  It reads the plan only through the public
 * accessors and recomputes what model.md defines, so that a mistake in
 * the model builder or in the result's bookkeeping shows up as a
 * disagreement rather than being checked against itself.
 *
 * What it takes from the library's resolution of the plan, unchecked:
 * start windows (requires chains).  What it can only bound: loans per lane (the result has each
 * unit's totals, checked against the sum of its lanes' limits) and
 * shortfall per operating plan (the unit's total is at most what its
 * plans' service levels allow, and its penalty lies between the cheapest
 * and dearest of the plans that may fall short).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

/* Inequalities on the solver's continuous values get its tolerance
 * (relative; numbers go up to 1e12); what the result recomputes from the
 * roadmap must agree to rounding. */
#define TOL(x) (1e-6 * (1 + fabs(x)))
#define EXACT(x) (1e-9 * (1 + fabs(x)))

typedef struct ctx {
    const oa_plan *plan;
    oa_checked *chk;
    const oa_result *res;
    int P;
    size_t N;
    int *start, *finish;    /* [k]: 0 when not scheduled */
    double sum_value, sum_benefit, sum_score, sum_shortfall_cost;
    char *msg;
    size_t size;
} ctx;

static int fail(ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (c->size > 0)
        vsnprintf(c->msg, c->size, fmt, ap);
    va_end(ap);
    return -1;
}

static int near(double a, double b)
{
    return fabs(a - b) <= EXACT(fabs(a) > fabs(b) ? a : b);
}

static long find_initiative(const ctx *c, const char *id)
{
    size_t k;
    for (k = 0; k < c->N; k++)
        if (strcmp(oa_initiative_id(oa_plan_initiative(c->plan, k)), id) ==
            0)
            return (long)k;
    return -1;
}

static const oa_unit *find_unit(const oa_plan *plan, const char *id)
{
    size_t u, n = oa_plan_unit_count(plan);
    for (u = 0; u < n; u++)
        if (strcmp(oa_unit_id(oa_plan_unit(plan, u)), id) == 0)
            return oa_plan_unit(plan, u);
    return NULL;
}

static double objective_weight(const oa_plan *plan, const char *id)
{
    size_t o, n = oa_plan_objective_count(plan);
    oa_objective_info info;
    for (o = 0; o < n; o++)
        if (oa_plan_objective(&info, plan, o) == OA_OK &&
            strcmp(info.id, id) == 0)
            return info.weight;
    return NAN;
}

/* A period reference of a range end: NULL is the horizon's end. */
static int period_of(const oa_plan *plan, const char *ref, int dflt)
{
    return ref == NULL ? dflt : oa_plan_find_period(plan, ref);
}

/* Choice, windows, durations, values; requires and excludes. */
static int check_roadmap(ctx *c, double *sumv)
{
    size_t k, e;
    *sumv = 0;
    for (k = 0; k < c->N; k++) {
        const oa_initiative *ini = oa_plan_initiative(c->plan, k);
        oa_initiative_result ir;
        int d = oa_initiative_duration(ini), lo, hi;
        double v;
        if (oa_result_initiative(&ir, c->res, k) != OA_OK ||
            strcmp(ir.id, oa_initiative_id(ini)) != 0)
            return fail(c, "initiative %zu is not the plan's", k);
        if (!near(ir.plan_value, oa_initiative_value(ini)))
            return fail(c, "%s has plan value %.10g, the result says %.10g",
                        ir.id, oa_initiative_value(ini), ir.plan_value);
        if (!ir.scheduled) {
            if (oa_initiative_mandatory(ini) || oa_initiative_pin(ini))
                return fail(c, "mandatory or pinned %s is not scheduled",
                            ir.id);
            if (ir.start != 0 || ir.fraction != 0)
                return fail(c, "unscheduled %s has start %d, fraction %g",
                            ir.id, ir.start, ir.fraction);
            continue;
        }
        if (oa_initiative_forbidden(ini))
            return fail(c, "forbidden %s is scheduled", ir.id);
        if (ir.fraction != 1)
            return fail(c, "%s scheduled with fraction %g", ir.id,
                        ir.fraction);
        if (oa_checked_start_window(&lo, &hi, c->chk, ir.id) != OA_OK ||
            ir.start < lo || ir.start > hi)
            return fail(c, "%s starts in %d, outside its window %d..%d",
                        ir.id, ir.start, lo, hi);
        if (oa_initiative_pin(ini) &&
            ir.start != oa_plan_find_period(c->plan, oa_initiative_pin(ini)))
            return fail(c, "%s is pinned to %s, starts in %d", ir.id,
                        oa_initiative_pin(ini), ir.start);
        if (ir.finish != ir.start + d - 1 || ir.finish > c->P)
            return fail(c, "%s: start %d, duration %d, finish %d", ir.id,
                        ir.start, d, ir.finish);
        c->start[k] = ir.start;
        c->finish[k] = ir.finish;
        {
            double ben = oa_initiative_benefit_per_period(ini) *
                         (c->P - ir.finish),
                   sc = 0;
            for (e = 0; e < oa_initiative_contribution_count(ini); e++) {
                oa_contribution_info ci;
                if (oa_initiative_contribution(&ci, ini, e) == OA_OK)
                    sc += objective_weight(c->plan, ci.objective) * ci.score;
            }
            if (!near(ir.benefit, ben) || !near(ir.score, sc))
                return fail(c, "%s: benefit %.10g and score %.10g, the "
                            "result says %.10g and %.10g", ir.id, ben, sc,
                            ir.benefit, ir.score);
            c->sum_value += oa_initiative_value(ini);
            c->sum_benefit += ben;
            c->sum_score += sc;
            v = oa_initiative_value(ini) + ben + sc;
        }
        if (!near(ir.value, v))
            return fail(c, "%s is worth %.10g, the result says %.10g", ir.id,
                        v, ir.value);
        if (!near(ir.cost, oa_initiative_cost(ini)))
            return fail(c, "%s costs %.10g, the result says %.10g", ir.id,
                        oa_initiative_cost(ini), ir.cost);
        *sumv += v;
    }
    for (k = 0; k < c->N; k++) {
        const oa_initiative *ini = oa_plan_initiative(c->plan, k);
        const char *id = oa_initiative_id(ini);
        for (e = 0; c->start[k] && e < oa_initiative_requirement_count(ini);
             e++) {
            oa_requirement_info rq;
            long i;
            if (oa_initiative_requirement(&rq, ini, e) != OA_OK)
                continue;
            i = find_initiative(c, rq.initiative);
            if (i < 0 || !c->start[i])
                return fail(c, "%s is scheduled without %s", id,
                            rq.initiative);
            if (c->start[k] < c->finish[i] + rq.lag + 1)
                return fail(c, "%s starts in %d, %s finishes in %d (lag %d)",
                            id, c->start[k], rq.initiative, c->finish[i],
                            rq.lag);
        }
        for (e = 0; e < oa_initiative_exclusion_count(ini); e++) {
            oa_exclusion_info ex;
            long j;
            if (oa_initiative_exclusion(&ex, ini, e) != OA_OK)
                continue;
            j = find_initiative(c, ex.initiative);
            if (j >= 0 && c->start[k] && c->start[j])
                return fail(c, "%s and %s exclude each other", id,
                            ex.initiative);
        }
    }
    return 0;
}

/* Change work and effects of the roadmap on (unit, resource, t). */
static void roadmap_load(const ctx *c, const char *unit, const char *res,
                         int t, double *change, double *effects)
{
    size_t k, e;
    *change = *effects = 0;
    for (k = 0; k < c->N; k++) {
        const oa_initiative *ini = oa_plan_initiative(c->plan, k);
        int d = oa_initiative_duration(ini), phase = t - c->start[k] + 1;
        if (!c->start[k])
            continue;
        for (e = 0; e < oa_initiative_demand_count(ini); e++) {
            oa_initiative_demand_info di;
            int first, last;
            if (oa_initiative_demand(&di, ini, e) != OA_OK ||
                strcmp(di.unit, unit) != 0 || strcmp(di.resource, res) != 0)
                continue;
            first = di.first ? di.first : 1;
            last = di.last ? di.last : d;
            if (phase >= first && phase <= last && phase <= d)
                *change += di.value;
        }
        if (t <= c->finish[k])
            continue;
        for (e = 0; e < oa_initiative_effect_count(ini); e++) {
            oa_effect_info ef;
            if (oa_initiative_effect(&ef, ini, e) == OA_OK &&
                strcmp(ef.unit, unit) == 0 && strcmp(ef.resource, res) == 0)
                *effects += ef.value;
        }
    }
}

/* The lever limits of model.md for (unit, resource, t); costs too. */
static void lever_limits(const ctx *c, const oa_unit *u, const char *res,
                         int t, double cap, double *ot_max, double *ot_cost,
                         double *ct_max, double *ct_cost)
{
    size_t e;
    *ot_max = *ot_cost = *ct_max = *ct_cost = 0;
    for (e = 0; e < oa_unit_overtime_count(u); e++) {
        oa_overtime_info oi;
        if (oa_unit_overtime(&oi, u, e) == OA_OK &&
            strcmp(oi.resource, res) == 0) {
            *ot_max = oi.max * cap; /* a later entry replaces it */
            *ot_cost = oi.cost;
        }
    }
    for (e = 0; e < oa_unit_contractors_count(u); e++) {
        oa_contractors_info ci;
        if (oa_unit_contractors(&ci, u, e) == OA_OK &&
            strcmp(ci.resource, res) == 0 &&
            t >= period_of(c->plan, ci.from, 1) &&
            t <= period_of(c->plan, ci.to, c->P)) {
            *ct_max = ci.max; /* later entries win */
            *ct_cost = ci.cost;
        }
    }
}

/* Capacity of a unit for a resource in period t (plan-format.md, details
 * 3 and 10): the later capacity entry covering t wins; with no entry for
 * the resource at all, its people's availability net of development. */
static double unit_capacity(const ctx *c, const oa_unit *u, const char *res,
                            int t)
{
    size_t e, q, np;
    double v = 0;
    int entries = 0;
    for (e = 0; e < oa_unit_capacity_count(u); e++) {
        oa_capacity_info ci;
        if (oa_unit_capacity(&ci, u, e) != OA_OK ||
            strcmp(ci.resource, res) != 0)
            continue;
        entries = 1;
        if (t >= period_of(c->plan, ci.from, 1) &&
            t <= period_of(c->plan, ci.to, c->P))
            v = ci.value;
    }
    if (entries)
        return v;
    np = oa_plan_person_count(c->plan);
    for (q = 0; q < np; q++) {
        const oa_person *pe = oa_plan_person(c->plan, q);
        double fte = oa_person_fte(pe);
        if (strcmp(oa_person_unit(pe), oa_unit_id(u)) != 0 ||
            strcmp(oa_person_resource(pe), res) != 0)
            continue;
        for (e = 0; e < oa_person_away_count(pe); e++) {
            oa_away_info aw;
            if (oa_person_away(&aw, pe, e) == OA_OK &&
                t >= period_of(c->plan, aw.from, 1) &&
                t <= period_of(c->plan, aw.to, c->P))
                fte -= aw.fte == OA_AWAY_ALL ? oa_person_fte(pe) : aw.fte;
        }
        if (fte > 0)
            v += fte * (1 - oa_person_development(pe));
    }
    return v;
}

/* Run work of one operating plan for a resource in period t: the later
 * demand entry covering t wins (plan-format.md, details 3). */
static double op_run(const ctx *c, const oa_operating_plan *op,
                     const char *res, int t)
{
    size_t e;
    double v = 0;
    for (e = 0; e < oa_operating_plan_demand_count(op); e++) {
        oa_demand_info di;
        if (oa_operating_plan_demand(&di, op, e) == OA_OK &&
            strcmp(di.resource, res) == 0 &&
            t >= period_of(c->plan, di.from, 1) &&
            t <= period_of(c->plan, di.to, c->P))
            v = di.driver ? di.volume / di.productivity : di.value;
    }
    return v;
}

/* A unit's run work for (resource, t), summed over its operating plans;
 * the most shortfall their service levels allow; and the least and most
 * penalty per unit of it among the plans that may fall short then. */
typedef struct run_work {
    double run, sh_max, pen_lo, pen_hi;
} run_work;

static void unit_run(const ctx *c, const char *unit, const char *res, int t,
                     run_work *w)
{
    size_t p, np = oa_plan_operating_plan_count(c->plan);
    w->run = w->sh_max = w->pen_hi = 0;
    w->pen_lo = HUGE_VAL;
    for (p = 0; p < np; p++) {
        const oa_operating_plan *op = oa_plan_operating_plan(c->plan, p);
        double v, min, pen;
        if (strcmp(oa_operating_plan_unit(op), unit) != 0)
            continue;
        v = op_run(c, op, res, t);
        w->run += v;
        if (oa_operating_plan_service_level(&min, &pen, op) != OA_OK ||
            min >= 1 || v <= 0)
            continue;
        w->sh_max += (1 - min) * v;
        if (pen < w->pen_lo)
            w->pen_lo = pen;
        if (pen > w->pen_hi)
            w->pen_hi = pen;
    }
    if (w->pen_lo > w->pen_hi)
        w->pen_lo = 0;
}

static void loan_limits(const oa_plan *plan, const char *unit,
                        const char *res, double *out_max, double *in_max)
{
    size_t l, n = oa_plan_loan_count(plan);
    *out_max = *in_max = 0;
    for (l = 0; l < n; l++) {
        oa_loan_info li;
        if (oa_plan_loan(&li, plan, l) != OA_OK ||
            strcmp(li.resource, res) != 0)
            continue;
        if (strcmp(li.from, unit) == 0)
            *out_max += li.max;
        if (strcmp(li.to, unit) == 0)
            *in_max += li.max * li.efficiency;
    }
}

/* Every load: the plan's capacity and run work, the roadmap's change and
 * effects, levers within their limits, and the balance of model.md 2. */
static int check_loads(ctx *c, double *ot_money, double *ct_money,
                       double *pen_lo, double *pen_hi)
{
    size_t i, n = oa_result_load_count(c->res);
    *ot_money = *ct_money = *pen_lo = *pen_hi = 0;
    for (i = 0; i < n; i++) {
        oa_load L;
        const oa_unit *u;
        double cap, change, effects, otm, otc, ctm, ctc;
        double out_max, in_max, work, cover, scale;
        run_work rw;
        if (oa_result_load(&L, c->res, i) != OA_OK)
            return fail(c, "load %zu cannot be read", i);
        u = find_unit(c->plan, L.unit);
        if (u == NULL || L.period < 1 || L.period > c->P)
            return fail(c, "load %zu: unit %s, period %d", i, L.unit,
                        L.period);
        cap = unit_capacity(c, u, L.resource, L.period);
        unit_run(c, L.unit, L.resource, L.period, &rw);
        roadmap_load(c, L.unit, L.resource, L.period, &change, &effects);
#define SAME(field, want)                                                    \
    if (!near(L.field, (want)))                                              \
        return fail(c, "%s/%s in %d: " #field " %.10g, expected %.10g",      \
                    L.unit, L.resource, L.period, L.field, (double)(want));
        SAME(capacity, cap)
        SAME(run, rw.run)
        SAME(change, change)
        SAME(effects, effects)
#undef SAME
        lever_limits(c, u, L.resource, L.period, cap, &otm, &otc, &ctm, &ctc);
        loan_limits(c->plan, L.unit, L.resource, &out_max, &in_max);
#define WITHIN(field, max)                                                   \
    if (L.field < -TOL(max) || L.field > (max) + TOL(max))                   \
        return fail(c, "%s/%s in %d: " #field " %.10g outside 0..%.10g",     \
                    L.unit, L.resource, L.period, L.field, (double)(max));
        WITHIN(overtime, otm)
        WITHIN(contractors, ctm)
        WITHIN(loan_out, out_max)
        WITHIN(loan_in, in_max)
        WITHIN(shortfall, rw.sh_max)
#undef WITHIN
        work = rw.run + effects - L.shortfall + change + L.loan_out;
        cover = cap + L.overtime + L.contractors + L.loan_in;
        /* To rounding of the amounts summed: run work and shortfall of a
         * million each leave a difference of 1e-6 or so. */
        scale = fabs(rw.run) + fabs(effects) + fabs(L.shortfall) +
                fabs(change) + fabs(L.loan_out) + fabs(cover);
        if (work > cover + TOL(scale))
            return fail(c, "%s/%s in %d: work %.10g (run %.10g, effects "
                        "%.10g, shortfall %.10g, change %.10g, lent %.10g) "
                        "over what covers it %.10g", L.unit, L.resource,
                        L.period, work, rw.run, effects, L.shortfall, change,
                        L.loan_out, cover);
        *ot_money += L.overtime * otc;
        *ct_money += L.contractors * ctc;
        *pen_lo += L.shortfall * rw.pen_lo;
        *pen_hi += L.shortfall * rw.pen_hi;
        if (L.shortfall_cost < L.shortfall * rw.pen_lo - TOL(L.shortfall_cost) ||
            L.shortfall_cost > L.shortfall * rw.pen_hi + TOL(L.shortfall_cost))
            return fail(c, "%s/%s in %d: shortfall %.10g costs %.10g, not "
                        "%.10g..%.10g", L.unit, L.resource, L.period,
                        L.shortfall, L.shortfall_cost,
                        L.shortfall * rw.pen_lo, L.shortfall * rw.pen_hi);
        c->sum_shortfall_cost += L.shortfall_cost;
    }
    return 0;
}

/* The total budget per calendar year of a monthly or quarterly horizon
 * longer than a year (plan-format.md "Years"): all spend of the year's
 * periods is at most the budget times the share of the year inside the
 * horizon.  Read from the labels, not from the result's budget rows. */
static int check_years(ctx *c)
{
    const char *start;
    oa_step step;
    int periods, per, t, t0;
    double total;
    if (oa_plan_horizon(&start, &step, &periods, c->plan) != OA_OK ||
        oa_plan_budget_total(&total, c->plan) != OA_OK)
        return 0;
    per = step == OA_STEP_MONTH ? 12 : step == OA_STEP_QUARTER ? 4 : 0;
    if (per == 0 || c->P <= per)
        return 0;
    for (t0 = 1; t0 <= c->P; t0 = t) {
        double spend = 0, limit;
        const char *l0 = oa_plan_period_label(c->plan, t0);
        for (t = t0; t <= c->P &&
                     strncmp(oa_plan_period_label(c->plan, t), l0, 4) == 0;
             t++) {
            oa_spend s;
            if (oa_result_period_spend(&s, c->res, (size_t)(t - 1)) != OA_OK)
                return fail(c, "no spend for period %d", t);
            spend += s.spend;
        }
        limit = total * (t - t0) / per;
        if (spend > limit + TOL(limit))
            return fail(c, "year %.4s spends %.10g, over its share %.10g of "
                           "the yearly total budget", l0, spend, limit);
    }
    return 0;
}

int oracle_check(const oa_plan *plan, const oa_result *res, char *msg,
                 size_t size)
{
    ctx c;
    oa_status st = oa_result_status(res);
    oa_spend total;
    double sumv, ot_money, ct_money, pen_lo, pen_hi, levers, obj, scale;
    double stab;
    size_t i, k;
    int rc = -1;

    if (msg && size)
        msg[0] = '\0';
    if (st != OA_STATUS_OPTIMAL && st != OA_STATUS_FEASIBLE)
        return 0;
    memset(&c, 0, sizeof c);
    c.plan = plan;
    c.res = res;
    c.msg = msg;
    c.size = msg ? size : 0;
    c.P = oa_plan_period_count(plan);
    c.N = oa_plan_initiative_count(plan);
    if (oa_result_initiative_count(res) != c.N ||
        oa_result_period_count(res) != c.P)
        return fail(&c, "the result has %zu initiatives and %d periods, "
                        "the plan %zu and %d",
                    oa_result_initiative_count(res),
                    oa_result_period_count(res), c.N, c.P);
    c.start = calloc(c.N + 1, sizeof *c.start);
    c.finish = calloc(c.N + 1, sizeof *c.finish);
    if (oa_plan_check(&c.chk, plan, NULL, NULL) != OA_OK) {
        rc = fail(&c, "the plan does not pass its check");
        goto out;
    }
    if (c.start == NULL || c.finish == NULL) {
        rc = fail(&c, "out of memory");
        goto out;
    }
    if (check_roadmap(&c, &sumv) != 0 ||
        check_loads(&c, &ot_money, &ct_money, &pen_lo, &pen_hi) != 0)
        goto out;
    for (i = 0; i < oa_result_spend_count(res); i++) {
        oa_spend s;
        double parts;
        if (oa_result_spend(&s, res, i) != OA_OK) {
            fail(&c, "spend row %zu cannot be read", i);
            goto out;
        }
        parts = s.operating + s.initiatives + s.overtime + s.contractors +
                s.loans + s.adjustment;
        if (!near(s.spend, parts) ||
            (s.has_limit && s.spend > s.limit + TOL(s.limit))) {
            fail(&c, "spend row %zu: %.10g (parts %.10g) against %.10g", i,
                 s.spend, parts, s.has_limit ? s.limit : HUGE_VAL);
            goto out;
        }
    }
    if (check_years(&c) != 0)
        goto out;
    if (oa_result_spend(&total, res, 0) != OA_OK ||
        total.kind != OA_BUDGET_TOTAL) {
        fail(&c, "no total spend row");
        goto out;
    }
    if (!near(total.overtime, ot_money) ||
        !near(total.contractors, ct_money)) {
        fail(&c, "overtime %.10g and contractors %.10g cost %.10g and %.10g",
             total.overtime, total.contractors, ot_money, ct_money);
        goto out;
    }
    /* Lever costs are in the objective as in the spend; the shortfall
     * penalty is known up to which operating plan fell short. */
    levers = total.overtime + total.contractors + total.loans;
    /* Against a baseline the objective also pays the stability prices:
     * the moves listed, each to the start the roadmap has. */
    stab = 0;
    for (k = 0; k < oa_result_move_count(res); k++) {
        oa_move mv;
        oa_initiative_result ir;
        if (oa_result_move(&mv, res, k) != OA_OK ||
            oa_result_find_initiative(&ir, res, mv.id) != OA_OK ||
            !(mv.price >= 0) || mv.to != (ir.scheduled ? ir.start : 0) ||
            mv.from == mv.to) {
            fail(&c, "move %zu (%s) does not match the roadmap", k,
                 mv.id ? mv.id : "?");
            goto out;
        }
        stab += mv.price;
    }
    if (!isnan(oa_result_term(res, OA_TERM_STABILITY)) &&
        !(fabs(oa_result_term(res, OA_TERM_STABILITY) + stab) <=
          1e-8 * (1 + stab))) {
        fail(&c, "the stability term is %.10g, the moves' prices add up to "
                 "%.10g", oa_result_term(res, OA_TERM_STABILITY), stab);
        goto out;
    }
    obj = oa_result_objective(res) + stab;
    /* To rounding of the amounts summed: the library rounds each term
     * and then the objective to 6 decimals where that moves it by at most
     * 1e-9 of its size (a plan worth 0 with 189.06349206349 of levers
     * and penalties gives -189.063492; penalties of 276.2307692 rounded
     * to 276.230769 and then the sum with 6.0769230769 of levers to
     * -282.307692 move it by 3.1e-7 in all), so twice the amounts, and
     * one for each term. */
    scale = 2 * (fabs(sumv) + fabs(levers) + fabs(pen_hi)) + OA_TERM_COUNT;
    if (obj > sumv - levers - pen_lo + EXACT(scale) ||
        obj < sumv - levers - pen_hi - EXACT(scale)) {
        fail(&c, "objective %.10g; the roadmap is worth %.10g less levers "
                 "%.10g less penalties %.10g..%.10g",
             obj, sumv, levers, pen_lo, pen_hi);
        goto out;
    }
    /* The terms of the objective: each from the plan and the tables of
     * the result, and together the objective. */
    {
        double want[OA_TERM_COUNT], sum = 0;
        want[OA_TERM_VALUE] = c.sum_value;
        want[OA_TERM_BENEFIT] = c.sum_benefit;
        want[OA_TERM_SCORE] = c.sum_score;
        want[OA_TERM_OVERTIME] = -total.overtime;
        want[OA_TERM_CONTRACTORS] = -total.contractors;
        want[OA_TERM_LOANS] = -total.loans;
        want[OA_TERM_SHORTFALL] = -c.sum_shortfall_cost;
        want[OA_TERM_STABILITY] = -stab;
        for (k = 0; k < OA_TERM_COUNT; k++) {
            double t = oa_result_term(res, (oa_term)k);
            if (!(fabs(t - want[k]) <= 1e-8 * (1 + fabs(want[k])))) {
                fail(&c, "objective term %s is %.10g, the plan and the "
                         "result's tables give %.10g",
                     oa_term_name((oa_term)k), t, want[k]);
                goto out;
            }
            sum += t;
        }
        if (c.sum_shortfall_cost < pen_lo - TOL(pen_lo) ||
            c.sum_shortfall_cost > pen_hi + TOL(pen_hi)) {
            fail(&c, "shortfall costs %.10g, not %.10g..%.10g",
                 c.sum_shortfall_cost, pen_lo, pen_hi);
            goto out;
        }
        if (!(fabs(sum - (obj - stab)) <=
              1e-9 * (fabs(obj) > 1 ? fabs(obj) : 1))) {
            fail(&c, "the terms add up to %.12g, the objective is %.12g",
                 sum, obj - stab);
            goto out;
        }
    }
    rc = 0;
out:
    free(c.start);
    free(c.finish);
    oa_checked_free(c.chk);
    return rc;
}
