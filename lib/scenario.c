/*
 * Scenarios: a list of edits, read from XML or built through the API, and
 * applied to a plan (doc/plan-format.md, details 11).  Capacity and
 * contractor edits work on the resolved plan (the people rule included):
 * the edited unit and resource get explicit entries for every period,
 * the current values outside the edited range and the new ones inside.
 */
#include "scenario_int.h"
#include "xml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const ename[] = { "capacity", "scale-capacity",
                                     "contractors", "overtime",
                                     "initiative", "initiative", "budget",
                                     "budget", "limit", "unit-budget",
                                     "demand", "loan", "operating-plan",
                                     "add" };

OA_API int oa_scenario_new(oa_scenario **out, const char *name)
{
    oa_scenario *sc;
    OAP_ARG(out);
    *out = NULL;
    OAP_ARG(!name || oap_text_clean(name));
    sc = oap_calloc(1, sizeof *sc);
    if (sc == NULL)
        return OA_ENOMEM;
    if (name && (sc->name = oap_arena_str(&sc->arena, name)) == NULL) {
        oa_scenario_free(sc);
        return OA_ENOMEM;
    }
    sc->line = -1;
    *out = sc;
    return OA_OK;
}

OA_API void oa_scenario_free(oa_scenario *sc)
{
    if (sc == NULL)
        return;
    oap_free(sc->edits.v);
    oa_plan_free(sc->staged);
    oap_arena_free(&sc->arena);
    oap_free(sc);
}

OA_API const char *oa_scenario_name(const oa_scenario *sc)
{
    return sc ? sc->name : NULL;
}

OA_API const char *oa_scenario_source(const oa_scenario *sc)
{
    return sc ? sc->source : NULL;
}

OA_API size_t oa_scenario_edit_count(const oa_scenario *sc)
{
    return sc ? sc->edits.n : 0;
}

/* Copies the strings of e into the arena and appends it. */
static int push(oa_scenario *sc, oap_edit e)
{
    const char **s[] = { &e.unit, &e.resource, &e.from, &e.to, &e.id,
                         &e.attr, &e.aval };
    size_t k;
    for (k = 0; k < sizeof s / sizeof s[0]; k++)
        if (*s[k] && !oap_text_clean(*s[k]))
            return OA_EINVAL;
    for (k = 0; k < sizeof s / sizeof s[0]; k++)
        if (*s[k] && (*s[k] = oap_arena_str(&sc->arena, *s[k])) == NULL)
            return OA_ENOMEM;
    e.line = sc->line;
    return OAP_VPUSH(sc->edits, e);
}

static int ok_num(double v)
{
    return isfinite(v) && v >= 0;
}

static int capacity_edit(oa_scenario *sc, oap_edit_kind kind, const char *unit,
                         const char *resource, double value,
                         const char *from, const char *to)
{
    oap_edit e;
    OAP_ARG(sc && unit && resource && ok_num(value));
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.unit = unit;
    e.resource = resource;
    e.value = value;
    e.from = from;
    e.to = to;
    return push(sc, e);
}

OA_API int oa_scenario_set_capacity(oa_scenario *sc, const char *unit,
                                    const char *resource, double value,
                                    const char *from, const char *to)
{
    return capacity_edit(sc, OAP_E_CAPACITY, unit, resource, value, from, to);
}

OA_API int oa_scenario_scale_capacity(oa_scenario *sc, const char *unit,
                                      const char *resource, double factor,
                                      const char *from, const char *to)
{
    return capacity_edit(sc, OAP_E_SCALE, unit, resource, factor, from, to);
}

static int lever_edit(oa_scenario *sc, oap_edit_kind kind, const char *unit,
                      const char *resource, const double *max,
                      const double *cost, const char *from, const char *to)
{
    oap_edit e;
    OAP_ARG(sc && unit && resource);
    OAP_ARG(!max || ok_num(*max));
    OAP_ARG(!cost || ok_num(*cost));
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.unit = unit;
    e.resource = resource;
    e.has_max = max != NULL;
    e.max = max ? *max : 0;
    e.has_cost = cost != NULL;
    e.cost = cost ? *cost : 0;
    e.from = from;
    e.to = to;
    return push(sc, e);
}

OA_API int oa_scenario_set_contractors(oa_scenario *sc, const char *unit,
                                       const char *resource,
                                       const double *max, const double *cost,
                                       const char *from, const char *to)
{
    return lever_edit(sc, OAP_E_CONTRACTORS, unit, resource, max, cost, from, to);
}

OA_API int oa_scenario_set_overtime(oa_scenario *sc, const char *unit,
                                    const char *resource, const double *max,
                                    const double *cost)
{
    return lever_edit(sc, OAP_E_OVERTIME, unit, resource, max, cost, NULL, NULL);
}

OA_API int oa_scenario_set_initiative(oa_scenario *sc, const char *id,
                                      const char *attribute,
                                      const char *value)
{
    oap_edit e;
    OAP_ARG(sc && id && attribute && value);
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_INITIATIVE;
    e.id = id;
    e.attr = attribute;
    e.aval = value;
    return push(sc, e);
}

OA_API int oa_scenario_remove_initiative(oa_scenario *sc, const char *id)
{
    oap_edit e;
    OAP_ARG(sc && id);
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_REMOVE;
    e.id = id;
    return push(sc, e);
}

OA_API int oa_scenario_set_budget_total(oa_scenario *sc, double total)
{
    oap_edit e;
    OAP_ARG(sc && ok_num(total));
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_BUDGET;
    e.value = total;
    return push(sc, e);
}

/* The plan that holds the initiatives to add (made on first use). */
static oa_plan *staged(oa_scenario *sc)
{
    if (sc->staged == NULL && oa_plan_new(&sc->staged) != OA_OK)
        return NULL;
    return sc->staged;
}

/* The edit that adds the initiative just staged. */
static int push_add(oa_scenario *sc)
{
    oap_edit e;
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_ADD;
    e.staged = sc->staged->initiatives.n - 1;
    e.id = sc->staged->initiatives.v[e.staged]->id;
    return push(sc, e);
}

OA_API int oa_scenario_add_initiative(oa_scenario *sc,
                                      const oa_initiative *ini)
{
    int rc;
    OAP_ARG(sc && ini);
    if (staged(sc) == NULL)
        return OA_ENOMEM;
    rc = oap_plan_copy_initiative(sc->staged, ini, 0);
    return rc == OA_OK ? push_add(sc) : rc;
}

OA_API int oa_scenario_scale_budgets(oa_scenario *sc, double factor)
{
    oap_edit e;
    OAP_ARG(sc && ok_num(factor));
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_BUDGET_SCALE;
    e.has_scale = 1;
    e.scale = factor;
    return push(sc, e);
}

/* A set and/or scale edit: at least one of value and scale. */
static int amount_edit(oa_scenario *sc, oap_edit *e, const double *value,
                       const double *scale)
{
    OAP_ARG(sc && (value || scale));
    OAP_ARG(!value || ok_num(*value));
    OAP_ARG(!scale || ok_num(*scale));
    e->has_set = value != NULL;
    e->set = value ? *value : 0;
    e->has_scale = scale != NULL;
    e->scale = scale ? *scale : 1;
    return push(sc, *e);
}

OA_API int oa_scenario_set_limit(oa_scenario *sc, const char *from,
                                 const char *to, const double *value,
                                 const double *scale)
{
    oap_edit e;
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_LIMIT;
    e.from = from;
    e.to = to;
    return amount_edit(sc, &e, value, scale);
}

OA_API int oa_scenario_set_unit_budget(oa_scenario *sc, const char *unit,
                                       const double *value,
                                       const double *scale)
{
    oap_edit e;
    OAP_ARG(unit);
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_UNIT_BUDGET;
    e.unit = unit;
    return amount_edit(sc, &e, value, scale);
}

OA_API int oa_scenario_set_demand(oa_scenario *sc, const char *initiative,
                                  const char *unit, const char *resource,
                                  const double *value, const double *scale)
{
    oap_edit e;
    OAP_ARG(initiative && unit && resource);
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_DEMAND;
    e.id = initiative;
    e.unit = unit;
    e.resource = resource;
    return amount_edit(sc, &e, value, scale);
}

OA_API int oa_scenario_set_loan(oa_scenario *sc, const char *from,
                                const char *to, const char *resource,
                                const double *max, const double *cost)
{
    oap_edit e;
    OAP_ARG(sc && from && to && resource && (max || cost));
    OAP_ARG(!max || ok_num(*max));
    OAP_ARG(!cost || ok_num(*cost));
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_LOAN;
    e.unit = from;
    e.to = to;
    e.resource = resource;
    e.has_max = max != NULL;
    e.max = max ? *max : 0;
    e.has_cost = cost != NULL;
    e.cost = cost ? *cost : 0;
    return push(sc, e);
}

OA_API int oa_scenario_set_operating_plan(oa_scenario *sc, const char *unit,
                                          const char *name,
                                          const char *resource,
                                          const double *scale,
                                          const double *volume,
                                          const double *productivity)
{
    oap_edit e;
    OAP_ARG(sc && unit && name && resource &&
            (scale || volume || productivity));
    OAP_ARG(!scale || ok_num(*scale));
    OAP_ARG(!volume || ok_num(*volume));
    OAP_ARG(!productivity || (isfinite(*productivity) && *productivity > 0));
    memset(&e, 0, sizeof e);
    e.kind = OAP_E_OPERATING;
    e.unit = unit;
    e.id = name;
    e.resource = resource;
    e.has_scale = scale != NULL;
    e.scale = scale ? *scale : 1;
    e.has_volume = volume != NULL;
    e.volume = volume ? *volume : 0;
    e.has_prod = productivity != NULL;
    e.prod = productivity ? *productivity : 1;
    return push(sc, e);
}

/* ---- applying ---- */

typedef struct actx {
    oa_plan *plan;
    oa_checked *chk;   /* the plan as the edits before left it */
    const oa_scenario *sc;
    const oap_edit *e;
    oa_error_list *errs;
    int bad;     /* an error was reported */
    int broken;  /* the plan broke its rules: stop */
    int rc;      /* OA_ENOMEM */
} actx;

static void aerr(actx *c, const char *fmt, ...) OAP_PRINTF(2, 3);

static void aerr(actx *c, const char *fmt, ...)
{
    oa_error e;
    char msg[OA_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    oa_error_clear(&e);
    oap_error_set(&e, OA_EINVALID, c->sc->source, c->e->line, "<%s>: %s",
                  ename[c->e->kind], msg);
    if (oap_error_list_push(c->errs, &e) != OA_OK)
        c->rc = OA_ENOMEM;
    c->bad = 1;
}

static void api(actx *c, int rc)
{
    if (rc != OA_OK && c->rc == OA_OK)
        c->rc = rc;
}

/* The periods from..to (1-based); 0 when a reference matches nothing. */
static int range(actx *c, int *t0, int *t1)
{
    const oa_plan *p = c->plan;
    *t0 = c->e->from ? oa_plan_find_period(p, c->e->from) : 1;
    *t1 = c->e->to ? oa_plan_find_period(p, c->e->to) : p->P;
    if (*t0 <= 0)
        aerr(c, "from '%s' is not a period of the plan", c->e->from);
    if (*t1 <= 0)
        aerr(c, "to '%s' is not a period of the plan", c->e->to);
    if (*t0 > 0 && *t1 > 0 && *t0 > *t1)
        aerr(c, "from '%s' comes after to '%s'", c->e->from, c->e->to);
    return *t0 > 0 && *t1 > 0 && *t0 <= *t1;
}

/* 1 when s matches pattern: "*" matches anything, else equal ids. */
static int matches(const char *pattern, const char *s)
{
    return strcmp(pattern, "*") == 0 || (s && strcmp(pattern, s) == 0);
}

/* Indexes of the units (u) or resources matching name ("*": all);
 * returns the count, 0 after an error. */
static int match_units(actx *c, int *idx)
{
    const oa_plan *p = c->plan;
    int n = 0;
    size_t k;
    for (k = 0; k < p->units.n; k++)
        if (matches(c->e->unit, p->units.v[k]->id))
            idx[n++] = (int)k;
    if (n == 0)
        aerr(c, "unknown unit '%s'" OAP_DYM_FMT, c->e->unit,
             OAP_DYM(oap_suggest_unit(c->plan, c->e->unit)));
    return n;
}

static int match_resources(actx *c, int *idx)
{
    const oa_plan *p = c->plan;
    int n = 0;
    size_t k;
    for (k = 0; k < p->resources.n; k++)
        if (matches(c->e->resource, p->resources.v[k].id))
            idx[n++] = (int)k;
    if (n == 0)
        aerr(c, "unknown resource '%s'" OAP_DYM_FMT, c->e->resource,
             OAP_DYM(oap_suggest_resource(c->plan, c->e->resource)));
    return n;
}

/* Removes the entries of a unit's vector (capacity, contractors) that
 * are about resource rid. */
#define DROP_RESOURCE(vec, rid)                                              \
    do {                                                                     \
        size_t k_, n_ = 0;                                                   \
        for (k_ = 0; k_ < (vec).n; k_++)                                     \
            if (strcmp((vec).v[k_].resource, (rid)) != 0)                    \
                (vec).v[n_++] = (vec).v[k_];                                 \
        (vec).n = n_;                                                        \
    } while (0)

/* Replaces every capacity entry of unit u for resource r by the values
 * v[0..P-1], one entry per run of equal values. */
static void put_capacity(actx *c, int u, int r, const double *v)
{
    oa_plan *p = c->plan;
    oa_unit *unit = p->units.v[u];
    const char *rid = p->resources.v[r].id;
    int t, s;
    DROP_RESOURCE(unit->capacity, rid);
    for (t = 0; t < p->P; t = s) {
        for (s = t + 1; s < p->P && v[s] == v[t]; s++)
            ;
        oa_plan_set_line(p, c->e->line);
        api(c, oa_unit_add_capacity(unit, rid, v[t], p->labels[t],
                                    p->labels[s - 1]));
    }
    oap_plan_touch(p);
}

static void put_contractors(actx *c, int u, int r, const double *mx,
                            const double *cost)
{
    oa_plan *p = c->plan;
    oa_unit *unit = p->units.v[u];
    const char *rid = p->resources.v[r].id;
    int t, s;
    DROP_RESOURCE(unit->contractors, rid);
    for (t = 0; t < p->P; t = s) {
        for (s = t + 1; s < p->P && mx[s] == mx[t] && cost[s] == cost[t]; s++)
            ;
        if (mx[t] > 0 || cost[t] > 0) {
            oa_plan_set_line(p, c->e->line);
            api(c, oa_unit_add_contractors(unit, rid, mx[t], cost[t],
                                           p->labels[t], p->labels[s - 1]));
        }
    }
    oap_plan_touch(p);
}

/* The resolved levels an edit reads, copied: editing one unit and
 * resource drops the resolved plan, and "*" edits many. */
typedef struct levels {
    int P, R;
    double *cap, *ct_max, *ct_cost, *ot_max, *ot_cost;
} levels;

static void levels_free(levels *l)
{
    oap_free(l->cap);
    oap_free(l->ct_max);
    oap_free(l->ct_cost);
    oap_free(l->ot_max);
    oap_free(l->ot_cost);
    memset(l, 0, sizeof *l); /* a second free does nothing */
}

static int levels_copy(levels *l, const oap_resolved *res)
{
    size_t n = (size_t)res->U * (size_t)res->R * (size_t)res->P + 1;
    size_t m = (size_t)res->U * (size_t)res->R + 1;
    memset(l, 0, sizeof *l);
    l->P = res->P;
    l->R = res->R;
    l->cap = oap_malloc(n * sizeof(double));
    l->ct_max = oap_malloc(n * sizeof(double));
    l->ct_cost = oap_malloc(n * sizeof(double));
    l->ot_max = oap_malloc(m * sizeof(double));
    l->ot_cost = oap_malloc(m * sizeof(double));
    if (!l->cap || !l->ct_max || !l->ct_cost || !l->ot_max || !l->ot_cost) {
        levels_free(l);
        return OA_ENOMEM;
    }
    memcpy(l->cap, res->cap, (n - 1) * sizeof(double));
    memcpy(l->ct_max, res->ct_max, (n - 1) * sizeof(double));
    memcpy(l->ct_cost, res->ct_cost, (n - 1) * sizeof(double));
    memcpy(l->ot_max, res->ot_max, (m - 1) * sizeof(double));
    memcpy(l->ot_cost, res->ot_cost, (m - 1) * sizeof(double));
    return OA_OK;
}

static void apply_levels(actx *c)
{
    const oa_plan *p = c->plan;
    levels lv, *res = &lv;
    int *us, *rs, nu, nr, t0 = 1, t1 = p->P, i, j, t;
    double *v, *w;
    us = oap_calloc(p->units.n + 1, sizeof(int));
    rs = oap_calloc(p->resources.n + 1, sizeof(int));
    v = oap_calloc((size_t)p->P + 1, sizeof(double));
    w = oap_calloc((size_t)p->P + 1, sizeof(double));
    memset(&lv, 0, sizeof lv);
    if (!us || !rs || !v || !w || levels_copy(&lv, c->chk->res) != OA_OK) {
        c->rc = OA_ENOMEM;
        goto out;
    }
    nu = match_units(c, us);
    nr = match_resources(c, rs);
    if (c->e->kind != OAP_E_OVERTIME && !range(c, &t0, &t1))
        goto out;
    if (nu == 0 || nr == 0)
        goto out;
    for (i = 0; i < nu; i++)
        for (j = 0; j < nr; j++) {
            int u = us[i], r = rs[j], any = 0;
            for (t = 0; t < p->P; t++) {
                size_t at = OAP_URT(res, u, r, t);
                int in = t + 1 >= t0 && t + 1 <= t1;
                switch (c->e->kind) {
                case OAP_E_CAPACITY:
                    v[t] = in ? c->e->value : res->cap[at];
                    any = 1;
                    break;
                case OAP_E_SCALE:
                    v[t] = in ? res->cap[at] * c->e->value : res->cap[at];
                    any |= res->cap[at] > 0;
                    break;
                case OAP_E_CONTRACTORS:
                    v[t] = in && c->e->has_max ? c->e->max : res->ct_max[at];
                    w[t] = in && c->e->has_cost ? c->e->cost
                                                : res->ct_cost[at];
                    any |= v[t] > 0 || w[t] > 0 || res->ct_max[at] > 0;
                    break;
                default:
                    break;
                }
            }
            /* With "*", pairs that have nothing to scale or set stay as
             * they are (no entries of capacity 0 everywhere). */
            if (c->e->kind == OAP_E_OVERTIME) {
                size_t ur = (size_t)u * (size_t)res->R + (size_t)r;
                double mx = c->e->has_max ? c->e->max : res->ot_max[ur];
                double cs = c->e->has_cost ? c->e->cost : res->ot_cost[ur];
                if (strcmp(c->e->unit, "*") == 0 &&
                    res->ot_max[ur] <= 0 && !c->e->has_max)
                    continue;
                oa_plan_set_line(c->plan, c->e->line);
                api(c, oa_unit_add_overtime(c->plan->units.v[u],
                                            p->resources.v[r].id, mx, cs));
                continue;
            }
            if (!any && (strcmp(c->e->unit, "*") == 0 ||
                         strcmp(c->e->resource, "*") == 0))
                continue;
            if (c->e->kind == OAP_E_CONTRACTORS)
                put_contractors(c, u, r, v, w);
            else
                put_capacity(c, u, r, v);
        }
out:
    levels_free(&lv);
    oap_free(us);
    oap_free(rs);
    oap_free(v);
    oap_free(w);
}

static int find_ini(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->initiatives.n; k++)
        if (strcmp(p->initiatives.v[k]->id, id) == 0)
            return (int)k;
    return -1;
}

static int parse_num(const char *s, double *v)
{
    char *end;
    while (*s == ' ')
        s++;
    if (*s == '\0' || *s == '+' || *s == '-' || strpbrk(s, "xXnNiI"))
        return 0;
    *v = strtod(s, &end);
    while (*end == ' ')
        end++;
    return *end == '\0' && isfinite(*v) && *v >= 0;
}

/* A period reference moved by a slip of n periods; 1 when it stays in
 * the horizon (*out its label), else 0 (reported). */
static int slipped(actx *c, const oa_initiative *ini, const char *what,
                   const char *ref, int dflt, long n, const char **out)
{
    const oa_plan *p = c->plan;
    long t = (ref ? oa_plan_find_period(p, ref) : dflt) + n;
    if (t < 1 || t > p->P) {
        aerr(c, "a slip of %ld moves the %s of '%s' to period %ld, outside "
                "the horizon (1..%d)", n, what, ini->id, t, p->P);
        return 0;
    }
    *out = p->labels[t - 1];
    return 1;
}

/* slip="N" (a whole number, negative to bring it forward): earliest
 * start, deadline and pin move by N periods. */
static void apply_slip(actx *c, oa_initiative *ini)
{
    const oa_plan *p = c->plan;
    char *end;
    long n = strtol(c->e->aval, &end, 10);
    const char *e = NULL, *d = NULL, *pin = NULL;
    if (end == c->e->aval || *end != '\0' || n < -OA_MAX_PERIODS ||
        n > OA_MAX_PERIODS) {
        aerr(c, "slip '%s' is not a whole number of periods", c->e->aval);
        return;
    }
    if (p->P == 0 || !slipped(c, ini, "earliest start", ini->earliest, 1, n, &e) ||
        (ini->deadline &&
         !slipped(c, ini, "deadline", ini->deadline, p->P, n, &d)) ||
        (ini->pin && !slipped(c, ini, "pin", ini->pin, 1, n, &pin)))
        return;
    api(c, oa_initiative_set_earliest(ini, e));
    if (d)
        api(c, oa_initiative_set_deadline(ini, d));
    if (pin)
        api(c, oa_initiative_set_pin(ini, pin));
}

/* scale-value, scale-cost, scale-duration (rounded, at least 1). */
static void apply_scale(actx *c, oa_initiative *ini, double f)
{
    const char *a = c->e->attr + 6;
    if (strcmp(a, "value") == 0)
        api(c, oa_initiative_set_value(ini, ini->value * f));
    else if (strcmp(a, "cost") == 0)
        api(c, oa_initiative_set_cost(ini, ini->cost * f));
    else {
        double d = floor(ini->duration * f + 0.5);
        if (d > 1e6) {
            aerr(c, "scale-duration makes '%s' last %g periods", ini->id, d);
            return;
        }
        api(c, oa_initiative_set_duration(ini, d < 1 ? 1 : (int)d));
    }
}

static void apply_initiative_one(actx *c, oa_initiative *ini);

static void apply_initiative(actx *c)
{
    oa_plan *p = c->plan;
    const oap_edit *e = c->e;
    const char *a = e->attr;
    int each = strncmp(a, "scale-", 6) == 0 || strcmp(a, "slip") == 0, i;
    size_t k;
    if (strcmp(e->id, "*") == 0) {
        if (!each) {
            aerr(c, "id=\"*\" goes with scale-value, scale-cost, "
                    "scale-duration and slip only, not %s", a);
            return;
        }
        for (k = 0; k < p->initiatives.n && !c->bad; k++)
            apply_initiative_one(c, p->initiatives.v[k]);
        return;
    }
    i = find_ini(p, e->id);
    if (i < 0) {
        aerr(c, "unknown initiative '%s'" OAP_DYM_FMT, e->id,
             OAP_DYM(oap_suggest_initiative(p, e->id)));
        return;
    }
    apply_initiative_one(c, p->initiatives.v[i]);
}

static void apply_initiative_one(actx *c, oa_initiative *ini)
{
    oa_plan *p = c->plan;
    const oap_edit *e = c->e;
    double v = 0;
    const char *a = e->attr;
    oa_plan_set_line(p, e->line);
    if (strcmp(a, "slip") == 0)
        apply_slip(c, ini);
    else if (strcmp(a, "scale-value") == 0 || strcmp(a, "scale-cost") == 0 ||
             strcmp(a, "scale-duration") == 0) {
        if (!parse_num(e->aval, &v))
            aerr(c, "%s '%s' is not a number of at least 0", a, e->aval);
        else
            apply_scale(c, ini, v);
    } else if (strcmp(a, "name") == 0)
        api(c, oa_initiative_set_name(ini, e->aval));
    else if (strcmp(a, "owner") == 0)
        api(c, oa_initiative_set_owner(ini, e->aval));
    else if (strcmp(a, "earliest") == 0)
        api(c, oa_initiative_set_earliest(ini, e->aval));
    else if (strcmp(a, "deadline") == 0)
        api(c, oa_initiative_set_deadline(ini, e->aval));
    else if (strcmp(a, "pin") == 0) {
        /* pin="" releases it, as unpin="true" does */
        if (e->aval[0] == '\0')
            api(c, oa_initiative_set_pin(ini, NULL));
        else if (p->P > 0 && oa_plan_find_period(p, e->aval) == 0)
            aerr(c, "pin '%s' is not a period of the horizon (a label, or an "
                    "index 1..%d)", e->aval, p->P);
        else
            api(c, oa_initiative_set_pin(ini, e->aval));
    } else if (strcmp(a, "mandatory") == 0 || strcmp(a, "forbidden") == 0 ||
               strcmp(a, "unpin") == 0) {
        int on = strcmp(e->aval, "true") == 0 || strcmp(e->aval, "1") == 0;
        if (!on && strcmp(e->aval, "false") != 0 && strcmp(e->aval, "0") != 0)
            aerr(c, "%s '%s' is not true or false", a, e->aval);
        else if (a[0] == 'm')
            api(c, oa_initiative_set_mandatory(ini, on));
        else if (a[0] == 'u') {
            if (on)
                api(c, oa_initiative_set_pin(ini, NULL));
        } else
            api(c, oa_initiative_set_forbidden(ini, on));
    } else if (strcmp(a, "stability") == 0 || strcmp(a, "drop-price") == 0) {
        if (!parse_num(e->aval, &v))
            aerr(c, "%s '%s' is not a number of at least 0", a, e->aval);
        else if (a[0] == 's')
            api(c, oa_initiative_set_stability(ini, v, ini->drop_price));
        else
            api(c, oa_initiative_set_stability(ini, ini->move_price, v));
    } else if (strcmp(a, "duration") == 0 || strcmp(a, "value") == 0 ||
               strcmp(a, "benefit-per-period") == 0 ||
               strcmp(a, "cost") == 0) {
        if (!parse_num(e->aval, &v)) {
            aerr(c, "%s '%s' is not a number of at least 0", a, e->aval);
        } else if (a[0] == 'd') {
            if (v < 1 || v != floor(v) || v > 1e6)
                aerr(c, "duration '%s' is not a whole number of periods",
                     e->aval);
            else
                api(c, oa_initiative_set_duration(ini, (int)v));
        } else if (a[0] == 'v') {
            api(c, oa_initiative_set_value(ini, v));
        } else if (a[0] == 'b') {
            api(c, oa_initiative_set_benefit_per_period(ini, v));
        } else {
            api(c, oa_initiative_set_cost(ini, v));
        }
    } else {
        aerr(c, "initiatives have no attribute '%s' to set", a);
    }
}

/* Removes an initiative: excludes naming it vanish; an initiative that
 * requires it loses that requirement and can no longer be chosen. */
static void apply_remove(actx *c)
{
    oa_plan *p = c->plan;
    int i = find_ini(p, c->e->id);
    size_t k, j, n;
    if (i < 0) {
        aerr(c, "unknown initiative '%s'" OAP_DYM_FMT, c->e->id,
             OAP_DYM(oap_suggest_initiative(p, c->e->id)));
        return;
    }
    for (k = 0; k < p->initiatives.n; k++) {
        oa_initiative *o = p->initiatives.v[k];
        if ((int)k == i)
            continue;
        for (j = n = 0; j < o->exclusions.n; j++)
            if (strcmp(o->exclusions.v[j].initiative, c->e->id) != 0)
                o->exclusions.v[n++] = o->exclusions.v[j];
        o->exclusions.n = n;
        for (j = n = 0; j < o->requirements.n; j++)
            if (strcmp(o->requirements.v[j].initiative, c->e->id) != 0)
                o->requirements.v[n++] = o->requirements.v[j];
        if (n < o->requirements.n)
            api(c, oa_initiative_set_forbidden(o, 1));
        o->requirements.n = n;
    }
    api(c, oap_plan_remove_initiative(p, (size_t)i));
}

/* An amount after the edit: set, then scaled. */
static double amount(const oap_edit *e, double v)
{
    if (e->has_set)
        v = e->set;
    return e->has_scale ? v * e->scale : v;
}

/* Every budget times a factor: the total, each range limit, each entry of
 * each unit's budget. */
static void apply_budget_scale(actx *c)
{
    oa_plan *p = c->plan;
    size_t k, j;
    if (p->has_total)
        p->total *= c->e->scale;
    for (k = 0; k < p->limits.n; k++)
        p->limits.v[k].value *= c->e->scale;
    for (k = 0; k < p->units.n; k++)
        for (j = 0; j < p->units.v[k]->budget.n; j++)
            p->units.v[k]->budget.v[j].value *= c->e->scale;
}

/* The limit over from..to: set or scaled; a value sets a new one where the
 * plan has none over that range. */
static void apply_limit(actx *c)
{
    oa_plan *p = c->plan;
    size_t k;
    int t0, t1, hit = 0;
    if (!range(c, &t0, &t1))
        return;
    for (k = 0; k < p->limits.n; k++) {
        oa_limit_info *l = &p->limits.v[k];
        int a = l->from ? oa_plan_find_period(p, l->from) : 1;
        int b = l->to ? oa_plan_find_period(p, l->to) : p->P;
        if (a == t0 && b == t1) {
            l->value = amount(c->e, l->value);
            hit = 1;
        }
    }
    if (hit)
        return;
    if (c->e->has_scale && !c->e->has_set)
        aerr(c, "the plan has no budget limit over %s..%s to scale",
             p->labels[t0 - 1], p->labels[t1 - 1]);
    else {
        oa_plan_set_line(p, c->e->line);
        api(c, oa_plan_add_budget_limit(p, p->labels[t0 - 1],
                                        p->labels[t1 - 1],
                                        amount(c->e, 0)));
    }
}

/* A unit's budget ("*": every unit; a scale alone leaves units without a
 * budget alone): set replaces its entries with one. */
static void apply_unit_budget(actx *c)
{
    oa_plan *p = c->plan;
    int all = strcmp(c->e->unit, "*") == 0, hit = 0;
    size_t k, j;
    for (k = 0; k < p->units.n; k++) {
        oa_unit *u = p->units.v[k];
        if (!matches(c->e->unit, u->id))
            continue;
        hit = 1;
        if (c->e->has_set) {
            u->budget.n = 0;
            oa_plan_set_line(p, c->e->line);
            api(c, oa_unit_add_budget(u, amount(c->e, 0)));
        } else if (u->budget.n == 0) {
            if (!all)
                aerr(c, "unit '%s' has no budget to scale", u->id);
        } else
            for (j = 0; j < u->budget.n; j++)
                u->budget.v[j].value *= c->e->scale;
    }
    if (!hit)
        aerr(c, "unknown unit '%s'" OAP_DYM_FMT, c->e->unit,
             OAP_DYM(oap_suggest_unit(c->plan, c->e->unit)));
}

/* An initiative's demands on a unit and resource ("*" matches all). */
static void apply_demand(actx *c)
{
    oa_plan *p = c->plan;
    int i = find_ini(p, c->e->id), hit = 0;
    size_t k;
    if (i < 0) {
        aerr(c, "unknown initiative '%s'" OAP_DYM_FMT, c->e->id,
             OAP_DYM(oap_suggest_initiative(p, c->e->id)));
        return;
    }
    for (k = 0; k < p->initiatives.v[i]->demand.n; k++) {
        oa_initiative_demand_info *d = &p->initiatives.v[i]->demand.v[k];
        if (matches(c->e->unit, d->unit) &&
            matches(c->e->resource, d->resource)) {
            d->value = amount(c->e, d->value);
            hit = 1;
        }
    }
    if (!hit)
        aerr(c, "initiative '%s' has no demand on unit '%s', resource '%s'",
             c->e->id, c->e->unit, c->e->resource);
}

/* The loans (lanes) from a unit to a unit of a resource. */
static void apply_loan(actx *c)
{
    oa_plan *p = c->plan;
    size_t k;
    int hit = 0;
    for (k = 0; k < p->loans.n; k++) {
        oa_loan_info *l = &p->loans.v[k];
        if (!matches(c->e->unit, l->from) || !matches(c->e->to, l->to) ||
            !matches(c->e->resource, l->resource))
            continue;
        if (c->e->has_max)
            l->max = c->e->max;
        if (c->e->has_cost)
            l->cost = c->e->cost;
        hit = 1;
    }
    if (!hit)
        aerr(c, "the plan has no loan from '%s' to '%s' of '%s'",
             c->e->unit, c->e->to, c->e->resource);
}

/* An operating plan's demands: scaled (the volume of a driver-based one),
 * and the volume and productivity of driver-based ones set. */
static void apply_operating(actx *c)
{
    oa_plan *p = c->plan;
    const oap_edit *e = c->e;
    size_t k, j;
    int hit = 0;
    for (k = 0; k < p->ops.n; k++) {
        oa_operating_plan *op = p->ops.v[k];
        if (strcmp(op->unit, e->unit) != 0 || !matches(e->id, op->name))
            continue;
        for (j = 0; j < op->demand.n; j++) {
            oa_demand_info *d = &op->demand.v[j];
            if (!matches(e->resource, d->resource))
                continue;
            hit = 1;
            if ((e->has_volume || e->has_prod) && !d->driver) {
                aerr(c, "the demand of operating plan '%s' for '%s' (line "
                        "%d of the plan) is a value, not volume and "
                        "productivity", op->name ? op->name : "", d->resource,
                     d->line);
                return;
            }
            if (d->driver) {
                if (e->has_volume)
                    d->volume = e->volume;
                if (e->has_prod)
                    d->productivity = e->prod;
                d->volume *= e->scale;
                d->value = d->volume / d->productivity;
            } else
                d->value *= e->scale;
        }
    }
    if (!hit)
        aerr(c, "unit '%s' has no operating plan '%s' with a demand for "
                "'%s'", e->unit, e->id, e->resource);
}

static int has_unit(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->units.n; k++)
        if (strcmp(p->units.v[k]->id, id) == 0)
            return 1;
    return 0;
}

static int has_resource(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->resources.n; k++)
        if (strcmp(p->resources.v[k].id, id) == 0)
            return 1;
    return 0;
}

static int has_objective(const oa_plan *p, const char *id)
{
    size_t k;
    for (k = 0; k < p->objectives.n; k++)
        if (strcmp(p->objectives.v[k].id, id) == 0)
            return 1;
    return 0;
}

/* 1 (reported) when ref is set and not a period of the plan. */
static int bad_period(actx *c, const oa_initiative *ini, const char *what,
                      const char *ref)
{
    if (ref == NULL || c->plan->P == 0 ||
        oa_plan_find_period(c->plan, ref) > 0)
        return 0;
    aerr(c, "%s '%s' of initiative '%s' is not a period of the plan", what,
         ref, ini->id);
    return 1;
}

/* Adds a new initiative, written as in the plan, after checking that its
 * id is new and that everything it names is in the plan (at the edit's
 * line: the initiative itself carries no lines of the plan's file). */
static void apply_add(actx *c)
{
    oa_plan *p = c->plan;
    const oa_initiative *ini = c->sc->staged->initiatives.v[c->e->staged];
    size_t k;
    int bad = 0;
    if (find_ini(p, ini->id) >= 0) {
        aerr(c, "the plan has an initiative '%s' already", ini->id);
        return;
    }
#define NEED(found, what, name)                                              \
    if (!(found)) {                                                          \
        aerr(c, "initiative '%s' names %s '%s', which the plan does not "    \
                "have", ini->id, what, name);                                \
        bad = 1;                                                             \
    }
    if (ini->owner)
        NEED(has_unit(p, ini->owner), "unit", ini->owner)
    for (k = 0; k < ini->demand.n; k++) {
        NEED(has_unit(p, ini->demand.v[k].unit), "unit",
             ini->demand.v[k].unit)
        NEED(has_resource(p, ini->demand.v[k].resource), "resource",
             ini->demand.v[k].resource)
    }
    for (k = 0; k < ini->effects.n; k++) {
        NEED(has_unit(p, ini->effects.v[k].unit), "unit",
             ini->effects.v[k].unit)
        NEED(has_resource(p, ini->effects.v[k].resource), "resource",
             ini->effects.v[k].resource)
    }
    for (k = 0; k < ini->contributions.n; k++)
        NEED(has_objective(p, ini->contributions.v[k].objective),
             "objective", ini->contributions.v[k].objective)
    for (k = 0; k < ini->requirements.n; k++)
        NEED(find_ini(p, ini->requirements.v[k].initiative) >= 0,
             "initiative", ini->requirements.v[k].initiative)
    for (k = 0; k < ini->exclusions.n; k++)
        NEED(find_ini(p, ini->exclusions.v[k].initiative) >= 0,
             "initiative", ini->exclusions.v[k].initiative)
#undef NEED
    bad |= bad_period(c, ini, "earliest", ini->earliest);
    bad |= bad_period(c, ini, "deadline", ini->deadline);
    bad |= bad_period(c, ini, "pin", ini->pin);
    if (!bad)
        api(c, oap_plan_copy_initiative(p, ini, 0));
}

static int level_edit(int kind)
{
    return kind == OAP_E_CAPACITY || kind == OAP_E_SCALE || kind == OAP_E_CONTRACTORS ||
           kind == OAP_E_OVERTIME;
}

OA_API int oa_plan_apply_scenario(oa_plan *plan, const oa_scenario *sc,
                                  oa_error *err, oa_error_list *all)
{
    oa_error_list *errs = NULL;
    actx c;
    size_t k, n0;
    int rc;
    OAP_ARG(plan && sc);
    if (err)
        oa_error_clear(err);
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    memset(&c, 0, sizeof c);
    c.plan = plan;
    c.sc = sc;
    c.errs = errs;
    /* An edit that names nothing changes nothing: the edits after it are
     * still applied, so that every such error is reported at once. */
    for (k = 0; k < sc->edits.n && c.rc == OA_OK && !c.broken; k++) {
        c.e = &sc->edits.v[k];
        /* Each edit sees the plan as the edits before it left it.  Edits
         * of capacity, contractors and overtime read the resolved plan,
         * so it is checked again before them when something changed;
         * the others need no check (the last check is after all). */
        if (level_edit(c.e->kind) &&
            (c.chk == NULL || c.chk->gen != plan->gen)) {
            oa_checked_free(c.chk);
            c.chk = NULL;
            n0 = oa_error_list_count(errs);
            rc = oa_plan_check(&c.chk, plan, NULL, errs);
            if (rc != OA_OK) {
                if (rc == OA_EINVALID && oa_error_list_count(errs) > n0 &&
                    k > 0) {
                    c.e = &sc->edits.v[k - 1];
                    aerr(&c, "after the edits up to this one the plan "
                             "breaks the rules above");
                }
                c.rc = rc == OA_EINVALID ? OA_OK : rc;
                c.bad = c.broken = 1;
                break;
            }
        }
        switch (c.e->kind) {
        case OAP_E_CAPACITY:
        case OAP_E_SCALE:
        case OAP_E_CONTRACTORS:
        case OAP_E_OVERTIME:
            apply_levels(&c);
            break;
        case OAP_E_INITIATIVE:
            apply_initiative(&c);
            break;
        case OAP_E_REMOVE:
            apply_remove(&c);
            break;
        case OAP_E_BUDGET:
            oa_plan_set_line(plan, c.e->line);
            api(&c, oa_plan_set_budget_total(plan, c.e->value));
            break;
        case OAP_E_BUDGET_SCALE:
            apply_budget_scale(&c);
            break;
        case OAP_E_LIMIT:
            apply_limit(&c);
            break;
        case OAP_E_UNIT_BUDGET:
            apply_unit_budget(&c);
            break;
        case OAP_E_DEMAND:
            apply_demand(&c);
            break;
        case OAP_E_LOAN:
            apply_loan(&c);
            break;
        case OAP_E_OPERATING:
            apply_operating(&c);
            break;
        case OAP_E_ADD:
            apply_add(&c);
            break;
        }
        oap_plan_touch(plan);
    }
    oa_checked_free(c.chk);
    if (c.rc == OA_OK && !c.broken) {
        n0 = oa_error_list_count(errs);
        rc = oa_plan_validate(plan, NULL, errs);
        if (rc == OA_EINVALID && sc->edits.n > 0) {
            c.e = &sc->edits.v[sc->edits.n - 1];
            if (oa_error_list_count(errs) > n0)
                aerr(&c, "with the scenario applied the plan breaks the "
                         "rules above");
        } else if (rc != OA_OK) {
            c.rc = rc;
        }
        if (rc == OA_EINVALID)
            c.bad = 1;
    }
    rc = c.rc != OA_OK ? c.rc : c.bad ? OA_EINVALID : OA_OK;
    if (rc == OA_ENOMEM && oa_error_list_count(errs) == 0)
        oap_error_set(err, rc, sc->source, -1, "out of memory");
    if (oa_error_list_count(errs) > 0 && err)
        *err = *oa_error_list_get(errs, 0);
    for (k = 0; k < oa_error_list_count(errs); k++)
        if (oap_error_list_push(all, oa_error_list_get(errs, k)) != OA_OK)
            break;
    oa_error_list_free(errs);
    return rc;
}

/* ---- reading ---- */

const char *const oap_scenario_ini_attrs[OAP_SCENARIO_INI_ATTRS] = {
    "name", "owner", "duration", "earliest", "deadline", "value",
    "benefit-per-period", "cost", "mandatory", "forbidden", "pin",
    "unpin", "stability", "drop-price", "scale-value", "scale-cost",
    "scale-duration", "slip" };

static char *prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

static int read_number(const xmlNode *n, const char *name, double *v,
                       int *has)
{
    char *s = prop(n, name);
    int ok = 1;
    *has = s != NULL;
    if (s) {
        ok = parse_num(s, v);
        xmlFree(s);
    }
    return ok;
}

static int read_edits(oa_scenario *sc, const xmlNode *root,
                      oa_error_list *errs)
{
    const xmlNode *n;
    int rc = OA_OK;
    for (n = root->children; n && rc == OA_OK; n = n->next) {
        const char *tag = (const char *)n->name;
        char *unit, *res, *from, *to;
        double v = 0, mx = 0, cs = 0;
        int has = 0, hmx = 0, hcs = 0, ok = 1;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        sc->line = oap_xml_line(n);
        unit = prop(n, "unit");
        res = prop(n, "resource");
        from = prop(n, "from");
        to = prop(n, "to");
        if (strcmp(tag, "capacity") == 0 || strcmp(tag, "scale-capacity") == 0) {
            ok = read_number(n, tag[0] == 'c' ? "value" : "factor", &v, &has) &&
                 has;
            if (ok && unit && res)
                rc = capacity_edit(sc, tag[0] == 'c' ? OAP_E_CAPACITY : OAP_E_SCALE,
                                   unit, res, v, from, to);
        } else if (strcmp(tag, "contractors") == 0 ||
                   strcmp(tag, "overtime") == 0) {
            ok = read_number(n, "max", &mx, &hmx) &&
                 read_number(n, "cost", &cs, &hcs);
            if (ok && unit && res)
                rc = lever_edit(sc, tag[0] == 'c' ? OAP_E_CONTRACTORS : OAP_E_OVERTIME,
                                unit, res, hmx ? &mx : NULL,
                                hcs ? &cs : NULL, from, to);
        } else if (strcmp(tag, "add") == 0) {
            const xmlNode *k;
            for (k = n->children; k && rc == OA_OK; k = k->next)
                if (k->type == XML_ELEMENT_NODE) {
                    if (staged(sc) == NULL)
                        rc = OA_ENOMEM;
                    else {
                        size_t before = sc->staged->initiatives.n;
                        rc = oap_read_initiative(sc->staged, k, sc->source,
                                                 errs);
                        if (rc == OA_OK &&
                            sc->staged->initiatives.n > before)
                            rc = push_add(sc);
                    }
                }
        } else if (strcmp(tag, "budget") == 0) {
            ok = read_number(n, "total", &v, &has) &&
                 read_number(n, "scale", &mx, &hmx) && (has || hmx);
            if (ok && has)
                rc = oa_scenario_set_budget_total(sc, v);
            if (ok && hmx && rc == OA_OK)
                rc = oa_scenario_scale_budgets(sc, mx);
        } else if (strcmp(tag, "limit") == 0 ||
                   strcmp(tag, "unit-budget") == 0 ||
                   strcmp(tag, "demand") == 0) {
            char *ini = prop(n, "initiative");
            ok = read_number(n, "value", &v, &has) &&
                 read_number(n, "scale", &mx, &hmx) && (has || hmx);
            if (ok && tag[0] == 'l')
                rc = oa_scenario_set_limit(sc, from, to, has ? &v : NULL,
                                           hmx ? &mx : NULL);
            else if (ok && tag[0] == 'u' && unit)
                rc = oa_scenario_set_unit_budget(sc, unit, has ? &v : NULL,
                                                 hmx ? &mx : NULL);
            else if (ok && tag[0] == 'd' && ini && unit && res)
                rc = oa_scenario_set_demand(sc, ini, unit, res,
                                            has ? &v : NULL,
                                            hmx ? &mx : NULL);
            xmlFree(ini);
        } else if (strcmp(tag, "loan") == 0) {
            ok = read_number(n, "max", &mx, &hmx) &&
                 read_number(n, "cost", &cs, &hcs) && (hmx || hcs);
            if (ok && from && to && res)
                rc = oa_scenario_set_loan(sc, from, to, res,
                                          hmx ? &mx : NULL,
                                          hcs ? &cs : NULL);
        } else if (strcmp(tag, "operating-plan") == 0) {
            char *name = prop(n, "name");
            double vol = 0, pr = 0;
            int hvol = 0, hpr = 0;
            ok = read_number(n, "scale", &v, &has) &&
                 read_number(n, "volume", &vol, &hvol) &&
                 read_number(n, "productivity", &pr, &hpr) &&
                 (has || hvol || hpr) && (!hpr || pr > 0);
            if (ok && unit && name && res)
                rc = oa_scenario_set_operating_plan(
                    sc, unit, name, res, has ? &v : NULL,
                    hvol ? &vol : NULL, hpr ? &pr : NULL);
            xmlFree(name);
        } else if (strcmp(tag, "initiative") == 0) {
            char *id = prop(n, "id"), *rm = prop(n, "remove");
            size_t k;
            if (id && rm && (strcmp(rm, "true") == 0 || strcmp(rm, "1") == 0))
                rc = oa_scenario_remove_initiative(sc, id);
            for (k = 0; id && rc == OA_OK &&
                        k < OAP_SCENARIO_INI_ATTRS; k++) {
                char *val = prop(n, oap_scenario_ini_attrs[k]);
                if (val)
                    rc = oa_scenario_set_initiative(
                        sc, id, oap_scenario_ini_attrs[k], val);
                xmlFree(val);
            }
            xmlFree(id);
            xmlFree(rm);
        }
        if (!ok)
            rc = oap_xml_error(errs, OA_EINVALID, sc->source, sc->line,
                               "<%s>: a number is out of range, or none of "
                               "its amounts is given", tag) == OA_OK
                     ? OA_EINVALID
                     : OA_ENOMEM;
        xmlFree(unit);
        xmlFree(res);
        xmlFree(from);
        xmlFree(to);
    }
    sc->line = -1;
    return rc;
}

OA_API int oa_scenario_read_memory(oa_scenario **out, const char *data,
                                   size_t size, const char *source,
                                   const oa_read_opts *opts, oa_error *err,
                                   oa_error_list *all)
{
    oa_error_list *errs = NULL;
    xmlDoc *doc = NULL;
    oa_scenario *sc = NULL;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && (data || size == 0));
    rc = oap_read_begin(data, size, source, opts, err, all);
    if (rc != OA_OK)
        return rc;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    rc = oap_xml_parse(&doc, data ? data : "", size, source, "scenario",
                       errs);
    if (rc == OA_OK)
        rc = oap_xml_validate(doc, OAP_SCHEMA_SCENARIO, source, errs);
    if (rc == OA_OK)
        rc = oa_scenario_new(&sc, NULL);
    if (rc == OA_OK) {
        const xmlNode *root = xmlDocGetRootElement(doc);
        char *name = prop(root, "name");
        if (source)
            sc->source = oap_arena_str(&sc->arena, source);
        if (name)
            sc->name = oap_arena_str(&sc->arena, name);
        xmlFree(name);
        if ((source && !sc->source) || (name && !sc->name))
            rc = OA_ENOMEM;
        if (rc == OA_OK)
            rc = read_edits(sc, root, errs);
    }
    oap_read_end(rc, errs, doc, source, err, all);
    if (rc != OA_OK) {
        oa_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return OA_OK;
}

OA_API int oa_scenario_read_file(oa_scenario **out, const char *path,
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
    rc = oa_scenario_read_memory(out, data, size, path, opts, err, all);
    oap_free(data);
    return rc;
}

OA_API const char *oa_scenario_schema(void)
{
    return oap_scenario_xsd;
}
