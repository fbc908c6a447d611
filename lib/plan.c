/*
 * The in-memory plan: building it element by element and reading it back.
 * Nothing here judges the plan; oa_plan_validate() (validate.c) does.
 */
#include "plan_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *oap_plan_str(oa_plan *plan, const char *s)
{
    return oap_arena_str(&plan->arena, s);
}

/* Stores a copy of s in *dst; OA_EINVAL (s is not valid UTF-8 or holds a
 * control character: it would break every text, CSV and HTML written from
 * it) and OA_ENOMEM leave *dst alone. */
static int set_str(oa_plan *plan, const char **dst, const char *s)
{
    const char *c;
    if (s && !oap_text_clean(s))
        return OA_EINVAL;
    c = oap_plan_str(plan, s);
    if (s && c == NULL)
        return OA_ENOMEM;
    *dst = c;
    return OA_OK;
}

/* 1 when every one of the n strings (NULL allowed) may be stored. */
static int all_clean(int n, ...)
{
    va_list ap;
    int k, ok = 1;
    va_start(ap, n);
    for (k = 0; k < n; k++) {
        const char *s = va_arg(ap, const char *);
        if (s && !oap_text_clean(s))
            ok = 0;
    }
    va_end(ap);
    return ok;
}

/* Copies several strings; all or nothing is not needed since a failed add
 * leaves only unused arena space behind. */
#define STR(plan, dst, s)                                                    \
    do {                                                                     \
        int str_rc_ = set_str((plan), &(dst), (s));                          \
        if (str_rc_ != OA_OK)                                                \
            return str_rc_;                                                  \
    } while (0)

void oap_plan_touch(oa_plan *plan)
{
    plan->gen++;
}

/* ---- plan ---- */

OA_API int oa_plan_new(oa_plan **out)
{
    oa_plan *p;
    OAP_ARG(out);
    *out = NULL;
    p = oap_calloc(1, sizeof *p);
    if (p == NULL)
        return OA_ENOMEM;
    p->line = -1;
    p->h_line = -1;
    p->total_line = -1;
    *out = p;
    return OA_OK;
}

static void unit_free(oa_unit *u)
{
    if (u == NULL)
        return;
    oap_free(u->capacity.v);
    oap_free(u->overtime.v);
    oap_free(u->contractors.v);
    oap_free(u->budget.v);
    oap_free(u);
}

static void op_free(oa_operating_plan *op)
{
    if (op == NULL)
        return;
    oap_free(op->demand.v);
    oap_free(op->targets.v);
    oap_free(op);
}

static void initiative_free(oa_initiative *ini)
{
    if (ini == NULL)
        return;
    oap_free(ini->demand.v);
    oap_free(ini->contributions.v);
    oap_free(ini->requirements.v);
    oap_free(ini->exclusions.v);
    oap_free(ini->effects.v);
    oap_free(ini);
}

static void person_free(oa_person *p)
{
    if (p == NULL)
        return;
    oap_free(p->away.v);
    oap_free(p);
}

OA_API void oa_plan_free(oa_plan *plan)
{
    size_t i;
    if (plan == NULL)
        return;
    for (i = 0; i < plan->units.n; i++)
        unit_free(plan->units.v[i]);
    for (i = 0; i < plan->ops.n; i++)
        op_free(plan->ops.v[i]);
    for (i = 0; i < plan->initiatives.n; i++)
        initiative_free(plan->initiatives.v[i]);
    for (i = 0; i < plan->people.n; i++)
        person_free(plan->people.v[i]);
    oap_free(plan->units.v);
    oap_free(plan->ops.v);
    oap_free(plan->initiatives.v);
    oap_free(plan->people.v);
    oap_free(plan->resources.v);
    oap_free(plan->objectives.v);
    oap_free(plan->loans.v);
    oap_free(plan->limits.v);
    oap_free(plan->places.v);
    oap_free(plan->explicit_periods.v);
    oap_free(plan->labels);
    oap_arena_free(&plan->arena);
    oap_free(plan);
}

OA_API int oa_plan_set_name(oa_plan *plan, const char *name)
{
    OAP_ARG(plan);
    STR(plan, plan->name, name);
    return OA_OK;
}

OA_API const char *oa_plan_name(const oa_plan *plan)
{
    return plan ? plan->name : NULL;
}

OA_API int oa_plan_set_currency(oa_plan *plan, const char *currency)
{
    OAP_ARG(plan);
    STR(plan, plan->currency, currency);
    return OA_OK;
}

OA_API const char *oa_plan_currency(const oa_plan *plan)
{
    return plan ? plan->currency : NULL;
}

OA_API int oa_plan_set_source(oa_plan *plan, const char *source)
{
    OAP_ARG(plan);
    STR(plan, plan->source, source);
    return OA_OK;
}

OA_API const char *oa_plan_source(const oa_plan *plan)
{
    return plan ? plan->source : NULL;
}

OA_API int oa_plan_set_line(oa_plan *plan, int line)
{
    OAP_ARG(plan);
    plan->line = line > 0 ? line : -1;
    return OA_OK;
}

/* ---- horizon ---- */

int oap_plan_make_labels(oa_plan *plan)
{
    const char **labels = NULL;
    int P = 0, t;
    oap_free(plan->labels);
    plan->labels = NULL;
    plan->P = 0;
    if (plan->has_generated && plan->explicit_periods.n == 0) {
        int year, sub;
        char buf[32];
        if (plan->h_periods < 1 || plan->h_periods > OA_MAX_PERIODS ||
            oap_parse_start(plan->h_start, plan->h_step, &year, &sub) != 0)
            return OA_OK;
        P = plan->h_periods;
        labels = oap_calloc((size_t)P, sizeof *labels);
        if (labels == NULL)
            return OA_ENOMEM;
        for (t = 0; t < P; t++) {
            oap_format_label(buf, sizeof buf, plan->h_step, year, sub);
            labels[t] = oap_plan_str(plan, buf);
            if (labels[t] == NULL) {
                oap_free(labels);
                return OA_ENOMEM;
            }
            oap_next_label(plan->h_step, &year, &sub);
        }
    } else if (!plan->has_generated && plan->explicit_periods.n > 0 &&
               plan->explicit_periods.n <= OA_MAX_PERIODS) {
        P = (int)plan->explicit_periods.n;
        labels = oap_calloc((size_t)P, sizeof *labels);
        if (labels == NULL)
            return OA_ENOMEM;
        for (t = 0; t < P; t++)
            labels[t] = plan->explicit_periods.v[t].label;
    }
    plan->labels = labels;
    plan->P = P;
    return OA_OK;
}

OA_API int oa_plan_set_horizon(oa_plan *plan, const char *start, oa_step step,
                               int periods)
{
    OAP_ARG(plan);
    OAP_ARG(step == OA_STEP_MONTH || step == OA_STEP_QUARTER ||
            step == OA_STEP_WEEK);
    STR(plan, plan->h_start, start);
    plan->h_step = step;
    plan->h_periods = periods;
    plan->has_generated = 1;
    plan->h_line = plan->line;
    oap_plan_touch(plan);
    return oap_plan_make_labels(plan);
}

OA_API int oa_plan_add_period(oa_plan *plan, const char *label)
{
    oap_label l;
    OAP_ARG(plan && label);
    l.line = plan->line;
    STR(plan, l.label, label);
    if (OAP_VPUSH(plan->explicit_periods, l) != OA_OK)
        return OA_ENOMEM;
    if (plan->h_line < 0)
        plan->h_line = plan->line;
    oap_plan_touch(plan);
    return oap_plan_make_labels(plan);
}

OA_API int oa_plan_horizon(const char **start, oa_step *step, int *periods,
                           const oa_plan *plan)
{
    OAP_ARG(plan);
    if (!plan->has_generated)
        return OA_ENOTFOUND;
    if (start)
        *start = plan->h_start;
    if (step)
        *step = plan->h_step;
    if (periods)
        *periods = plan->h_periods;
    return OA_OK;
}

OA_API size_t oa_plan_explicit_period_count(const oa_plan *plan)
{
    return plan ? plan->explicit_periods.n : 0;
}

OA_API const char *oa_plan_explicit_period(const oa_plan *plan, size_t i)
{
    if (plan == NULL || i >= plan->explicit_periods.n)
        return NULL;
    return plan->explicit_periods.v[i].label;
}

OA_API int oa_plan_period_count(const oa_plan *plan)
{
    return plan ? plan->P : 0;
}

OA_API const char *oa_plan_period_label(const oa_plan *plan, int t)
{
    if (plan == NULL || t < 1 || t > plan->P)
        return NULL;
    return plan->labels[t - 1];
}

OA_API int oa_plan_find_period(const oa_plan *plan, const char *ref)
{
    int t;
    const char *c;
    long v;
    if (plan == NULL || ref == NULL)
        return 0;
    for (t = 0; t < plan->P; t++)
        if (strcmp(plan->labels[t], ref) == 0)
            return t + 1;
    if (*ref == '\0' || strlen(ref) > 9)
        return 0;
    for (c = ref; *c; c++)
        if (*c < '0' || *c > '9')
            return 0;
    v = strtol(ref, NULL, 10);
    return v >= 1 && v <= plan->P ? (int)v : 0;
}

/* ---- resources, objectives ---- */

OA_API int oa_plan_add_resource(oa_plan *plan, const char *id,
                                const char *name, const char *measure)
{
    oa_resource_info r;
    OAP_ARG(plan && id);
    STR(plan, r.id, id);
    STR(plan, r.name, name);
    STR(plan, r.measure, measure);
    r.line = plan->line;
    oap_plan_touch(plan);
    return OAP_VPUSH(plan->resources, r);
}

OA_API size_t oa_plan_resource_count(const oa_plan *plan)
{
    return plan ? plan->resources.n : 0;
}

/* Getter of the i-th entry of a vector of views. */
#define VIEW_GET(out, owner, vec, i)                                         \
    do {                                                                     \
        OAP_ARG((out) && (owner) && (i) < (owner)->vec.n);                   \
        *(out) = (owner)->vec.v[i];                                          \
        return OA_OK;                                                        \
    } while (0)

OA_API int oa_plan_resource(oa_resource_info *out, const oa_plan *plan,
                            size_t i)
{
    VIEW_GET(out, plan, resources, i);
}

OA_API int oa_plan_add_objective(oa_plan *plan, const char *id,
                                 const char *name, double weight)
{
    oa_objective_info o;
    OAP_ARG(plan && id);
    STR(plan, o.id, id);
    STR(plan, o.name, name);
    o.weight = weight;
    o.line = plan->line;
    oap_plan_touch(plan);
    return OAP_VPUSH(plan->objectives, o);
}

OA_API size_t oa_plan_objective_count(const oa_plan *plan)
{
    return plan ? plan->objectives.n : 0;
}

OA_API int oa_plan_objective(oa_objective_info *out, const oa_plan *plan,
                             size_t i)
{
    VIEW_GET(out, plan, objectives, i);
}

/* ---- units ---- */

OA_API int oa_plan_add_unit(oa_unit **out, oa_plan *plan, const char *id,
                            const char *name)
{
    oa_unit *u;
    if (out)
        *out = NULL;
    OAP_ARG(plan && id && all_clean(2, id, name));
    u = oap_calloc(1, sizeof *u);
    if (u == NULL)
        return OA_ENOMEM;
    u->plan = plan;
    u->line = plan->line;
    if (set_str(plan, &u->id, id) != OA_OK ||
        set_str(plan, &u->name, name) != OA_OK ||
        OAP_VPUSH(plan->units, u) != OA_OK) {
        unit_free(u);
        return OA_ENOMEM;
    }
    oap_plan_touch(plan);
    if (out)
        *out = u;
    return OA_OK;
}

OA_API size_t oa_plan_unit_count(const oa_plan *plan)
{
    return plan ? plan->units.n : 0;
}

OA_API const oa_unit *oa_plan_unit(const oa_plan *plan, size_t i)
{
    if (plan == NULL || i >= plan->units.n)
        return NULL;
    return plan->units.v[i];
}

OA_API int oa_plan_find_unit(oa_unit **out, oa_plan *plan, const char *id)
{
    size_t i;
    OAP_ARG(out && plan && id);
    *out = NULL;
    for (i = 0; i < plan->units.n; i++)
        if (strcmp(plan->units.v[i]->id, id) == 0) {
            *out = plan->units.v[i];
            return OA_OK;
        }
    return OA_ENOTFOUND;
}

OA_API const char *oa_unit_id(const oa_unit *unit)
{
    return unit ? unit->id : NULL;
}

OA_API const char *oa_unit_name(const oa_unit *unit)
{
    return unit ? unit->name : NULL;
}

OA_API int oa_unit_line(const oa_unit *unit)
{
    return unit ? unit->line : -1;
}

OA_API int oa_unit_add_capacity(oa_unit *unit, const char *resource,
                                double value, const char *from,
                                const char *to)
{
    oa_capacity_info c;
    OAP_ARG(unit && resource);
    STR(unit->plan, c.resource, resource);
    STR(unit->plan, c.from, from);
    STR(unit->plan, c.to, to);
    c.value = value;
    c.line = unit->plan->line;
    oap_plan_touch(unit->plan);
    return OAP_VPUSH(unit->capacity, c);
}

OA_API int oa_unit_add_overtime(oa_unit *unit, const char *resource,
                                double max, double cost)
{
    oa_overtime_info o;
    OAP_ARG(unit && resource);
    STR(unit->plan, o.resource, resource);
    o.max = max;
    o.cost = cost;
    o.line = unit->plan->line;
    oap_plan_touch(unit->plan);
    return OAP_VPUSH(unit->overtime, o);
}

OA_API int oa_unit_add_contractors(oa_unit *unit, const char *resource,
                                   double max, double cost, const char *from,
                                   const char *to)
{
    oa_contractors_info c;
    OAP_ARG(unit && resource);
    STR(unit->plan, c.resource, resource);
    STR(unit->plan, c.from, from);
    STR(unit->plan, c.to, to);
    c.max = max;
    c.cost = cost;
    c.line = unit->plan->line;
    oap_plan_touch(unit->plan);
    return OAP_VPUSH(unit->contractors, c);
}

OA_API int oa_unit_add_budget(oa_unit *unit, double value)
{
    return oa_unit_add_budget_range(unit, value, NULL, NULL);
}

OA_API int oa_unit_add_budget_range(oa_unit *unit, double value,
                                    const char *from, const char *to)
{
    oa_unit_budget_info b;
    OAP_ARG(unit);
    STR(unit->plan, b.from, from);
    STR(unit->plan, b.to, to);
    b.value = value;
    b.line = unit->plan->line;
    oap_plan_touch(unit->plan);
    return OAP_VPUSH(unit->budget, b);
}

OA_API size_t oa_unit_capacity_count(const oa_unit *unit)
{
    return unit ? unit->capacity.n : 0;
}

OA_API int oa_unit_capacity(oa_capacity_info *out, const oa_unit *unit,
                            size_t i)
{
    VIEW_GET(out, unit, capacity, i);
}

OA_API size_t oa_unit_overtime_count(const oa_unit *unit)
{
    return unit ? unit->overtime.n : 0;
}

OA_API int oa_unit_overtime(oa_overtime_info *out, const oa_unit *unit,
                            size_t i)
{
    VIEW_GET(out, unit, overtime, i);
}

OA_API size_t oa_unit_contractors_count(const oa_unit *unit)
{
    return unit ? unit->contractors.n : 0;
}

OA_API int oa_unit_contractors(oa_contractors_info *out, const oa_unit *unit,
                               size_t i)
{
    VIEW_GET(out, unit, contractors, i);
}

OA_API size_t oa_unit_budget_count(const oa_unit *unit)
{
    return unit ? unit->budget.n : 0;
}

OA_API int oa_unit_budget(oa_unit_budget_info *out, const oa_unit *unit,
                          size_t i)
{
    VIEW_GET(out, unit, budget, i);
}

/* ---- operating plans ---- */

OA_API int oa_plan_add_operating_plan(oa_operating_plan **out, oa_plan *plan,
                                      const char *unit, const char *name,
                                      double cost)
{
    oa_operating_plan *op;
    if (out)
        *out = NULL;
    OAP_ARG(plan && unit && all_clean(2, unit, name));
    op = oap_calloc(1, sizeof *op);
    if (op == NULL)
        return OA_ENOMEM;
    op->plan = plan;
    op->line = plan->line;
    op->cost = cost;
    op->sl_min = 1;
    op->sl_line = -1;
    if (set_str(plan, &op->unit, unit) != OA_OK ||
        set_str(plan, &op->name, name) != OA_OK ||
        OAP_VPUSH(plan->ops, op) != OA_OK) {
        op_free(op);
        return OA_ENOMEM;
    }
    oap_plan_touch(plan);
    if (out)
        *out = op;
    return OA_OK;
}

OA_API size_t oa_plan_operating_plan_count(const oa_plan *plan)
{
    return plan ? plan->ops.n : 0;
}

OA_API const oa_operating_plan *oa_plan_operating_plan(const oa_plan *plan,
                                                       size_t i)
{
    if (plan == NULL || i >= plan->ops.n)
        return NULL;
    return plan->ops.v[i];
}

OA_API const char *oa_operating_plan_unit(const oa_operating_plan *op)
{
    return op ? op->unit : NULL;
}

OA_API const char *oa_operating_plan_name(const oa_operating_plan *op)
{
    return op ? op->name : NULL;
}

OA_API double oa_operating_plan_cost(const oa_operating_plan *op)
{
    return op ? op->cost : 0;
}

OA_API int oa_operating_plan_line(const oa_operating_plan *op)
{
    return op ? op->line : -1;
}

static int op_add_demand(oa_operating_plan *op, const char *resource,
                         int driver, double value, double volume,
                         double productivity, const char *from,
                         const char *to)
{
    oa_demand_info d;
    OAP_ARG(op && resource);
    STR(op->plan, d.resource, resource);
    STR(op->plan, d.from, from);
    STR(op->plan, d.to, to);
    d.driver = driver;
    d.value = value;
    d.volume = volume;
    d.productivity = productivity;
    d.line = op->plan->line;
    oap_plan_touch(op->plan);
    return OAP_VPUSH(op->demand, d);
}

OA_API int oa_operating_plan_add_demand(oa_operating_plan *op,
                                        const char *resource, double value,
                                        const char *from, const char *to)
{
    return op_add_demand(op, resource, 0, value, 0, 0, from, to);
}

OA_API int oa_operating_plan_add_driver_demand(oa_operating_plan *op,
                                               const char *resource,
                                               double volume,
                                               double productivity,
                                               const char *from,
                                               const char *to)
{
    double v = productivity > 0 ? volume / productivity : 0;
    return op_add_demand(op, resource, 1, v, volume, productivity, from, to);
}

OA_API int oa_operating_plan_set_service_level(oa_operating_plan *op,
                                               double min, double penalty)
{
    OAP_ARG(op);
    op->has_service_level = 1;
    op->sl_min = min;
    op->sl_penalty = penalty;
    op->sl_line = op->plan->line;
    oap_plan_touch(op->plan);
    return OA_OK;
}

OA_API int oa_operating_plan_service_level(double *min, double *penalty,
                                           const oa_operating_plan *op)
{
    OAP_ARG(op);
    if (min)
        *min = op->has_service_level ? op->sl_min : 1;
    if (penalty)
        *penalty = op->has_service_level ? op->sl_penalty : 0;
    return op->has_service_level ? OA_OK : OA_ENOTFOUND;
}

OA_API int oa_operating_plan_add_target(oa_operating_plan *op,
                                        const char *name, double value,
                                        const char *measure)
{
    oa_target_info t;
    OAP_ARG(op);
    STR(op->plan, t.name, name);
    STR(op->plan, t.measure, measure);
    t.value = value;
    t.line = op->plan->line;
    return OAP_VPUSH(op->targets, t);
}

OA_API size_t oa_operating_plan_demand_count(const oa_operating_plan *op)
{
    return op ? op->demand.n : 0;
}

OA_API int oa_operating_plan_demand(oa_demand_info *out,
                                    const oa_operating_plan *op, size_t i)
{
    VIEW_GET(out, op, demand, i);
}

OA_API size_t oa_operating_plan_target_count(const oa_operating_plan *op)
{
    return op ? op->targets.n : 0;
}

OA_API int oa_operating_plan_target(oa_target_info *out,
                                    const oa_operating_plan *op, size_t i)
{
    VIEW_GET(out, op, targets, i);
}

/* ---- initiatives ---- */

OA_API int oa_plan_add_initiative(oa_initiative **out, oa_plan *plan,
                                  const char *id, int duration)
{
    oa_initiative *ini;
    if (out)
        *out = NULL;
    OAP_ARG(plan && id && all_clean(1, id));
    ini = oap_calloc(1, sizeof *ini);
    if (ini == NULL)
        return OA_ENOMEM;
    ini->plan = plan;
    ini->line = plan->line;
    ini->duration = duration;
    ini->move_price = ini->drop_price = NAN;
    if (set_str(plan, &ini->id, id) != OA_OK ||
        OAP_VPUSH(plan->initiatives, ini) != OA_OK) {
        initiative_free(ini);
        return OA_ENOMEM;
    }
    oap_plan_touch(plan);
    if (out)
        *out = ini;
    return OA_OK;
}

OA_API size_t oa_plan_initiative_count(const oa_plan *plan)
{
    return plan ? plan->initiatives.n : 0;
}

OA_API const oa_initiative *oa_plan_initiative(const oa_plan *plan, size_t i)
{
    if (plan == NULL || i >= plan->initiatives.n)
        return NULL;
    return plan->initiatives.v[i];
}

int oap_plan_remove_initiative(oa_plan *plan, size_t i)
{
    if (i >= plan->initiatives.n)
        return OA_EINVAL;
    initiative_free(plan->initiatives.v[i]);
    memmove(plan->initiatives.v + i, plan->initiatives.v + i + 1,
            (plan->initiatives.n - i - 1) * sizeof *plan->initiatives.v);
    plan->initiatives.n--;
    oap_plan_touch(plan);
    return OA_OK;
}

OA_API int oa_plan_find_initiative(oa_initiative **out, oa_plan *plan,
                                   const char *id)
{
    size_t i;
    OAP_ARG(out && plan && id);
    *out = NULL;
    for (i = 0; i < plan->initiatives.n; i++)
        if (strcmp(plan->initiatives.v[i]->id, id) == 0) {
            *out = plan->initiatives.v[i];
            return OA_OK;
        }
    return OA_ENOTFOUND;
}

#define INI_SET_STR(field, arg)                                              \
    do {                                                                     \
        OAP_ARG(ini);                                                        \
        STR(ini->plan, ini->field, arg);                                     \
        oap_plan_touch(ini->plan);                                           \
        return OA_OK;                                                        \
    } while (0)
#define INI_SET_NUM(field, arg)                                              \
    do {                                                                     \
        OAP_ARG(ini);                                                        \
        ini->field = arg;                                                    \
        oap_plan_touch(ini->plan);                                           \
        return OA_OK;                                                        \
    } while (0)

OA_API int oa_initiative_set_name(oa_initiative *ini, const char *name)
{
    INI_SET_STR(name, name);
}

OA_API int oa_initiative_set_owner(oa_initiative *ini, const char *unit)
{
    INI_SET_STR(owner, unit);
}

OA_API int oa_initiative_set_duration(oa_initiative *ini, int duration)
{
    INI_SET_NUM(duration, duration);
}

OA_API int oa_initiative_set_earliest(oa_initiative *ini, const char *ref)
{
    INI_SET_STR(earliest, ref);
}

OA_API int oa_initiative_set_deadline(oa_initiative *ini, const char *ref)
{
    INI_SET_STR(deadline, ref);
}

OA_API int oa_initiative_set_value(oa_initiative *ini, double value)
{
    INI_SET_NUM(value, value);
}

OA_API int oa_initiative_set_benefit_per_period(oa_initiative *ini,
                                                double benefit)
{
    INI_SET_NUM(benefit, benefit);
}

OA_API int oa_initiative_set_cost(oa_initiative *ini, double cost)
{
    INI_SET_NUM(cost, cost);
}

OA_API int oa_initiative_set_mandatory(oa_initiative *ini, int mandatory)
{
    INI_SET_NUM(mandatory, mandatory != 0);
}

OA_API int oa_initiative_set_forbidden(oa_initiative *ini, int forbidden)
{
    INI_SET_NUM(forbidden, forbidden != 0);
}

OA_API int oa_initiative_set_pin(oa_initiative *ini, const char *period)
{
    INI_SET_STR(pin, period);
}

OA_API const char *oa_initiative_pin(const oa_initiative *ini)
{
    return ini ? ini->pin : NULL;
}

OA_API int oa_initiative_set_stability(oa_initiative *ini, double per_period,
                                       double drop)
{
    if (ini == NULL)
        return OA_EINVAL;
    ini->move_price = per_period;
    ini->drop_price = drop;
    return OA_OK;
}

OA_API double oa_initiative_move_price(const oa_initiative *ini)
{
    return ini ? ini->move_price : NAN;
}

OA_API double oa_initiative_drop_price(const oa_initiative *ini)
{
    return ini ? ini->drop_price : NAN;
}

OA_API const char *oa_initiative_id(const oa_initiative *ini)
{
    return ini ? ini->id : NULL;
}

OA_API const char *oa_initiative_name(const oa_initiative *ini)
{
    return ini ? ini->name : NULL;
}

OA_API const char *oa_initiative_owner(const oa_initiative *ini)
{
    return ini ? ini->owner : NULL;
}

OA_API int oa_initiative_duration(const oa_initiative *ini)
{
    return ini ? ini->duration : 0;
}

OA_API const char *oa_initiative_earliest(const oa_initiative *ini)
{
    return ini ? ini->earliest : NULL;
}

OA_API const char *oa_initiative_deadline(const oa_initiative *ini)
{
    return ini ? ini->deadline : NULL;
}

OA_API double oa_initiative_value(const oa_initiative *ini)
{
    return ini ? ini->value : 0;
}

OA_API double oa_initiative_benefit_per_period(const oa_initiative *ini)
{
    return ini ? ini->benefit : 0;
}

OA_API double oa_initiative_cost(const oa_initiative *ini)
{
    return ini ? ini->cost : 0;
}

OA_API int oa_initiative_mandatory(const oa_initiative *ini)
{
    return ini ? ini->mandatory : 0;
}

OA_API int oa_initiative_forbidden(const oa_initiative *ini)
{
    return ini ? ini->forbidden : 0;
}

OA_API int oa_initiative_line(const oa_initiative *ini)
{
    return ini ? ini->line : -1;
}

OA_API int oa_initiative_add_demand(oa_initiative *ini, const char *unit,
                                    const char *resource, double value,
                                    int first, int last)
{
    oa_initiative_demand_info d;
    OAP_ARG(ini && unit && resource);
    STR(ini->plan, d.unit, unit);
    STR(ini->plan, d.resource, resource);
    d.value = value;
    d.first = first;
    d.last = last;
    d.line = ini->plan->line;
    oap_plan_touch(ini->plan);
    return OAP_VPUSH(ini->demand, d);
}

OA_API int oa_initiative_add_contribution(oa_initiative *ini,
                                          const char *objective, double score)
{
    oa_contribution_info c;
    OAP_ARG(ini && objective);
    STR(ini->plan, c.objective, objective);
    c.score = score;
    c.line = ini->plan->line;
    oap_plan_touch(ini->plan);
    return OAP_VPUSH(ini->contributions, c);
}

OA_API int oa_initiative_add_requirement(oa_initiative *ini,
                                         const char *initiative, int lag)
{
    oa_requirement_info r;
    OAP_ARG(ini && initiative);
    STR(ini->plan, r.initiative, initiative);
    r.lag = lag;
    r.line = ini->plan->line;
    oap_plan_touch(ini->plan);
    return OAP_VPUSH(ini->requirements, r);
}

OA_API int oa_initiative_add_exclusion(oa_initiative *ini,
                                       const char *initiative)
{
    oa_exclusion_info x;
    OAP_ARG(ini && initiative);
    STR(ini->plan, x.initiative, initiative);
    x.line = ini->plan->line;
    oap_plan_touch(ini->plan);
    return OAP_VPUSH(ini->exclusions, x);
}

OA_API int oa_initiative_add_effect(oa_initiative *ini, const char *unit,
                                    const char *resource, double value)
{
    oa_effect_info e;
    OAP_ARG(ini && unit && resource);
    STR(ini->plan, e.unit, unit);
    STR(ini->plan, e.resource, resource);
    e.value = value;
    e.line = ini->plan->line;
    oap_plan_touch(ini->plan);
    return OAP_VPUSH(ini->effects, e);
}

OA_API size_t oa_initiative_demand_count(const oa_initiative *ini)
{
    return ini ? ini->demand.n : 0;
}

OA_API int oa_initiative_demand(oa_initiative_demand_info *out,
                                const oa_initiative *ini, size_t i)
{
    VIEW_GET(out, ini, demand, i);
}

OA_API size_t oa_initiative_contribution_count(const oa_initiative *ini)
{
    return ini ? ini->contributions.n : 0;
}

OA_API int oa_initiative_contribution(oa_contribution_info *out,
                                      const oa_initiative *ini, size_t i)
{
    VIEW_GET(out, ini, contributions, i);
}

OA_API size_t oa_initiative_requirement_count(const oa_initiative *ini)
{
    return ini ? ini->requirements.n : 0;
}

OA_API int oa_initiative_requirement(oa_requirement_info *out,
                                     const oa_initiative *ini, size_t i)
{
    VIEW_GET(out, ini, requirements, i);
}

OA_API size_t oa_initiative_exclusion_count(const oa_initiative *ini)
{
    return ini ? ini->exclusions.n : 0;
}

OA_API int oa_initiative_exclusion(oa_exclusion_info *out,
                                   const oa_initiative *ini, size_t i)
{
    VIEW_GET(out, ini, exclusions, i);
}

OA_API size_t oa_initiative_effect_count(const oa_initiative *ini)
{
    return ini ? ini->effects.n : 0;
}

OA_API int oa_initiative_effect(oa_effect_info *out, const oa_initiative *ini,
                                size_t i)
{
    VIEW_GET(out, ini, effects, i);
}

/* ---- sharing, budget ---- */

OA_API int oa_plan_add_loan(oa_plan *plan, const char *from, const char *to,
                            const char *resource, double max,
                            double efficiency, double cost)
{
    oa_loan_info l;
    OAP_ARG(plan && from && to && resource);
    STR(plan, l.from, from);
    STR(plan, l.to, to);
    STR(plan, l.resource, resource);
    l.max = max;
    l.efficiency = efficiency;
    l.cost = cost;
    l.line = plan->line;
    oap_plan_touch(plan);
    return OAP_VPUSH(plan->loans, l);
}

OA_API size_t oa_plan_loan_count(const oa_plan *plan)
{
    return plan ? plan->loans.n : 0;
}

OA_API int oa_plan_loan(oa_loan_info *out, const oa_plan *plan, size_t i)
{
    VIEW_GET(out, plan, loans, i);
}

OA_API int oa_plan_set_budget_total(oa_plan *plan, double total)
{
    OAP_ARG(plan);
    plan->has_total = 1;
    plan->total = total;
    plan->total_line = plan->line;
    oap_plan_touch(plan);
    return OA_OK;
}

OA_API int oa_plan_clear_budget_total(oa_plan *plan)
{
    OAP_ARG(plan);
    plan->has_total = 0;
    oap_plan_touch(plan);
    return OA_OK;
}

OA_API int oa_plan_budget_total(double *total, const oa_plan *plan)
{
    OAP_ARG(plan);
    if (!plan->has_total)
        return OA_ENOTFOUND;
    if (total)
        *total = plan->total;
    return OA_OK;
}

OA_API int oa_plan_add_budget_limit(oa_plan *plan, const char *from,
                                    const char *to, double value)
{
    oa_limit_info l;
    OAP_ARG(plan);
    STR(plan, l.from, from);
    STR(plan, l.to, to);
    l.value = value;
    l.line = plan->line;
    oap_plan_touch(plan);
    return OAP_VPUSH(plan->limits, l);
}

OA_API size_t oa_plan_budget_limit_count(const oa_plan *plan)
{
    return plan ? plan->limits.n : 0;
}

OA_API int oa_plan_budget_limit(oa_limit_info *out, const oa_plan *plan,
                                size_t i)
{
    VIEW_GET(out, plan, limits, i);
}

/* ---- people ---- */

OA_API int oa_plan_add_person(oa_person **out, oa_plan *plan, const char *id,
                              const char *name, const char *unit,
                              const char *resource, double fte,
                              double development)
{
    oa_person *p;
    if (out)
        *out = NULL;
    OAP_ARG(plan && id && unit && resource &&
            all_clean(4, id, name, unit, resource));
    p = oap_calloc(1, sizeof *p);
    if (p == NULL)
        return OA_ENOMEM;
    p->plan = plan;
    p->line = plan->line;
    p->fte = fte;
    p->development = development;
    if (set_str(plan, &p->id, id) != OA_OK ||
        set_str(plan, &p->name, name) != OA_OK ||
        set_str(plan, &p->unit, unit) != OA_OK ||
        set_str(plan, &p->resource, resource) != OA_OK ||
        OAP_VPUSH(plan->people, p) != OA_OK) {
        person_free(p);
        return OA_ENOMEM;
    }
    oap_plan_touch(plan);
    if (out)
        *out = p;
    return OA_OK;
}

OA_API size_t oa_plan_person_count(const oa_plan *plan)
{
    return plan ? plan->people.n : 0;
}

OA_API const oa_person *oa_plan_person(const oa_plan *plan, size_t i)
{
    if (plan == NULL || i >= plan->people.n)
        return NULL;
    return plan->people.v[i];
}

OA_API int oa_person_set_max_initiatives(oa_person *person, int max)
{
    OAP_ARG(person && max >= 0);
    person->max_initiatives = max;
    oap_plan_touch(person->plan);
    return OA_OK;
}

OA_API int oa_person_max_initiatives(const oa_person *person)
{
    return person ? person->max_initiatives : 0;
}

OA_API int oa_person_add_away(oa_person *person, const char *from,
                              const char *to, double fte)
{
    oa_away_info a;
    OAP_ARG(person);
    STR(person->plan, a.from, from);
    STR(person->plan, a.to, to);
    a.fte = fte;
    a.line = person->plan->line;
    oap_plan_touch(person->plan);
    return OAP_VPUSH(person->away, a);
}

OA_API const char *oa_person_id(const oa_person *person)
{
    return person ? person->id : NULL;
}

OA_API const char *oa_person_name(const oa_person *person)
{
    return person ? person->name : NULL;
}

OA_API const char *oa_person_unit(const oa_person *person)
{
    return person ? person->unit : NULL;
}

OA_API const char *oa_person_resource(const oa_person *person)
{
    return person ? person->resource : NULL;
}

OA_API double oa_person_fte(const oa_person *person)
{
    return person ? person->fte : 0;
}

OA_API double oa_person_development(const oa_person *person)
{
    return person ? person->development : 0;
}

OA_API int oa_person_line(const oa_person *person)
{
    return person ? person->line : -1;
}

OA_API size_t oa_person_away_count(const oa_person *person)
{
    return person ? person->away.n : 0;
}

OA_API int oa_person_away(oa_away_info *out, const oa_person *person,
                          size_t i)
{
    VIEW_GET(out, person, away, i);
}

/* ---- copy ---- */

#define TRY(x)                                                               \
    do {                                                                     \
        if ((rc = (x)) != OA_OK)                                             \
            goto fail;                                                       \
    } while (0)

/* Adds a copy of initiative si (of any plan) to d, with its lines or
 * (keep_lines 0) with none. */
int oap_plan_copy_initiative(oa_plan *d, const oa_initiative *si,
                             int keep_lines)
{
    oa_initiative *ini;
    size_t k;
    int rc, line = d->line;
#define LINE(l) (d->line = keep_lines ? (l) : -1)
    LINE(si->line);
    TRY(oa_plan_add_initiative(&ini, d, si->id, si->duration));
    TRY(oa_initiative_set_name(ini, si->name));
    TRY(oa_initiative_set_owner(ini, si->owner));
    TRY(oa_initiative_set_earliest(ini, si->earliest));
    TRY(oa_initiative_set_deadline(ini, si->deadline));
    TRY(oa_initiative_set_pin(ini, si->pin));
    ini->move_price = si->move_price;
    ini->drop_price = si->drop_price;
    ini->value = si->value;
    ini->benefit = si->benefit;
    ini->cost = si->cost;
    ini->mandatory = si->mandatory;
    ini->forbidden = si->forbidden;
    for (k = 0; k < si->demand.n; k++) {
        const oa_initiative_demand_info *e = &si->demand.v[k];
        LINE(e->line);
        TRY(oa_initiative_add_demand(ini, e->unit, e->resource, e->value,
                                     e->first, e->last));
    }
    for (k = 0; k < si->contributions.n; k++) {
        const oa_contribution_info *e = &si->contributions.v[k];
        LINE(e->line);
        TRY(oa_initiative_add_contribution(ini, e->objective, e->score));
    }
    for (k = 0; k < si->requirements.n; k++) {
        const oa_requirement_info *e = &si->requirements.v[k];
        LINE(e->line);
        TRY(oa_initiative_add_requirement(ini, e->initiative, e->lag));
    }
    for (k = 0; k < si->exclusions.n; k++) {
        const oa_exclusion_info *e = &si->exclusions.v[k];
        LINE(e->line);
        TRY(oa_initiative_add_exclusion(ini, e->initiative));
    }
    for (k = 0; k < si->effects.n; k++) {
        const oa_effect_info *e = &si->effects.v[k];
        LINE(e->line);
        TRY(oa_initiative_add_effect(ini, e->unit, e->resource, e->value));
    }
#undef LINE
fail:
    d->line = line;
    return rc;
}

/* Replays every add of src into dst, with the same lines. */
static int replay(oa_plan *d, const oa_plan *s)
{
    size_t i, k;
    int rc;
    TRY(oa_plan_set_source(d, s->source));
    for (i = 0; i < s->places.n; i++) {
        oap_place pl = s->places.v[i];
        pl.source = oap_arena_str(&d->arena, pl.source);
        if (pl.source == NULL)
            return OA_ENOMEM;
        TRY(OAP_VPUSH(d->places, pl));
    }
    TRY(oa_plan_set_name(d, s->name));
    TRY(oa_plan_set_currency(d, s->currency));
    if (s->has_generated) {
        d->line = s->h_line;
        TRY(oa_plan_set_horizon(d, s->h_start, s->h_step, s->h_periods));
    }
    for (i = 0; i < s->explicit_periods.n; i++) {
        d->line = s->explicit_periods.v[i].line;
        TRY(oa_plan_add_period(d, s->explicit_periods.v[i].label));
    }
    d->h_line = s->h_line;
    for (i = 0; i < s->resources.n; i++) {
        const oa_resource_info *r = &s->resources.v[i];
        d->line = r->line;
        TRY(oa_plan_add_resource(d, r->id, r->name, r->measure));
    }
    for (i = 0; i < s->objectives.n; i++) {
        const oa_objective_info *o = &s->objectives.v[i];
        d->line = o->line;
        TRY(oa_plan_add_objective(d, o->id, o->name, o->weight));
    }
    for (i = 0; i < s->units.n; i++) {
        const oa_unit *su = s->units.v[i];
        oa_unit *u;
        d->line = su->line;
        TRY(oa_plan_add_unit(&u, d, su->id, su->name));
        for (k = 0; k < su->capacity.n; k++) {
            const oa_capacity_info *e = &su->capacity.v[k];
            d->line = e->line;
            TRY(oa_unit_add_capacity(u, e->resource, e->value, e->from, e->to));
        }
        for (k = 0; k < su->overtime.n; k++) {
            const oa_overtime_info *e = &su->overtime.v[k];
            d->line = e->line;
            TRY(oa_unit_add_overtime(u, e->resource, e->max, e->cost));
        }
        for (k = 0; k < su->contractors.n; k++) {
            const oa_contractors_info *e = &su->contractors.v[k];
            d->line = e->line;
            TRY(oa_unit_add_contractors(u, e->resource, e->max, e->cost,
                                        e->from, e->to));
        }
        for (k = 0; k < su->budget.n; k++) {
            d->line = su->budget.v[k].line;
            TRY(oa_unit_add_budget_range(u, su->budget.v[k].value,
                                         su->budget.v[k].from,
                                         su->budget.v[k].to));
        }
    }
    for (i = 0; i < s->ops.n; i++) {
        const oa_operating_plan *so = s->ops.v[i];
        oa_operating_plan *op;
        d->line = so->line;
        TRY(oa_plan_add_operating_plan(&op, d, so->unit, so->name, so->cost));
        for (k = 0; k < so->demand.n; k++) {
            const oa_demand_info *e = &so->demand.v[k];
            d->line = e->line;
            if (e->driver)
                TRY(oa_operating_plan_add_driver_demand(
                    op, e->resource, e->volume, e->productivity, e->from,
                    e->to));
            else
                TRY(oa_operating_plan_add_demand(op, e->resource, e->value,
                                                 e->from, e->to));
        }
        if (so->has_service_level) {
            d->line = so->sl_line;
            TRY(oa_operating_plan_set_service_level(op, so->sl_min,
                                                    so->sl_penalty));
        }
        for (k = 0; k < so->targets.n; k++) {
            const oa_target_info *e = &so->targets.v[k];
            d->line = e->line;
            TRY(oa_operating_plan_add_target(op, e->name, e->value,
                                             e->measure));
        }
    }
    for (i = 0; i < s->initiatives.n; i++)
        TRY(oap_plan_copy_initiative(d, s->initiatives.v[i], 1));
    for (i = 0; i < s->loans.n; i++) {
        const oa_loan_info *e = &s->loans.v[i];
        d->line = e->line;
        TRY(oa_plan_add_loan(d, e->from, e->to, e->resource, e->max,
                             e->efficiency, e->cost));
    }
    if (s->has_total) {
        d->line = s->total_line;
        TRY(oa_plan_set_budget_total(d, s->total));
    }
    for (i = 0; i < s->limits.n; i++) {
        const oa_limit_info *e = &s->limits.v[i];
        d->line = e->line;
        TRY(oa_plan_add_budget_limit(d, e->from, e->to, e->value));
    }
    for (i = 0; i < s->people.n; i++) {
        const oa_person *sp = s->people.v[i];
        oa_person *pe;
        d->line = sp->line;
        TRY(oa_plan_add_person(&pe, d, sp->id, sp->name, sp->unit,
                               sp->resource, sp->fte, sp->development));
        pe->max_initiatives = sp->max_initiatives;
        for (k = 0; k < sp->away.n; k++) {
            const oa_away_info *e = &sp->away.v[k];
            d->line = e->line;
            TRY(oa_person_add_away(pe, e->from, e->to, e->fte));
        }
    }
    d->line = s->line;
    return OA_OK;
fail:
    return rc;
}

void oap_plan_place(const oa_plan *p, int line, const char **source,
                    int *out_line)
{
    *source = p->source;
    *out_line = line;
    if (p->places.n > 0 && line >= 1 && (size_t)line <= p->places.n) {
        *source = p->places.v[line - 1].source;
        *out_line = p->places.v[line - 1].line;
    }
}

OA_API int oa_plan_copy(oa_plan **out, const oa_plan *plan)
{
    oa_plan *d;
    int rc;
    OAP_ARG(out);
    *out = NULL;
    OAP_ARG(plan);
    rc = oa_plan_new(&d);
    if (rc != OA_OK)
        return rc;
    rc = replay(d, plan);
    if (rc != OA_OK) {
        oa_plan_free(d);
        return rc;
    }
    *out = d;
    return OA_OK;
}



/* The id of the k-th element of a kind. */
typedef const char *(*id_at)(const oa_plan *p, size_t k);

static const char *unit_at(const oa_plan *p, size_t k)
{
    return p->units.v[k]->id;
}

static const char *resource_at(const oa_plan *p, size_t k)
{
    return p->resources.v[k].id;
}

static const char *initiative_at(const oa_plan *p, size_t k)
{
    return p->initiatives.v[k]->id;
}

static const char *objective_at(const oa_plan *p, size_t k)
{
    return p->objectives.v[k].id;
}

static const char *nearest(const oa_plan *p, const char *id, size_t n,
                           id_at at)
{
    oap_nearest near;
    size_t k;
    oap_nearest_init(&near, id);
    for (k = 0; k < n; k++)
        oap_nearest_try(&near, at(p, k));
    return oap_nearest_get(&near);
}

const char *oap_suggest_unit(const oa_plan *p, const char *id)
{
    return nearest(p, id, p->units.n, unit_at);
}

const char *oap_suggest_resource(const oa_plan *p, const char *id)
{
    return nearest(p, id, p->resources.n, resource_at);
}

const char *oap_suggest_initiative(const oa_plan *p, const char *id)
{
    return nearest(p, id, p->initiatives.n, initiative_at);
}

const char *oap_suggest_objective(const oa_plan *p, const char *id)
{
    return nearest(p, id, p->objectives.n, objective_at);
}
