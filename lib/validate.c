/*
 * Validation and resolution of a plan: every rule of plan-format.md,
 * reported all at once in line order, then the resolved numbers the model
 * is built from (later entries win, people-derived capacity, requires-chain
 * pushes).
 */
#include "plan_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vctx {
    const oa_plan *p;
    oa_error_list *errs;
    int oom;
    oap_index_entry *res_idx, *obj_idx, *unit_idx, *ini_idx;
    size_t nres, nobj, nunit, nini;
} vctx;

static void verr(vctx *c, int line, const char *fmt, ...) OAP_PRINTF(3, 4);

/* Where an earlier element is: "at line 12", "at plan.xlsx:units:3" (the
 * row of a workbook), or "earlier" (a plan built without lines). */
static const char *at_line(char *buf, size_t size, const oa_plan *p,
                           int line)
{
    const char *source;
    int l;
    oap_plan_place(p, line, &source, &l);
    if (l <= 0)
        snprintf(buf, size, "earlier");
    else if (p->places.n > 0 && source)
        snprintf(buf, size, "at %s:%d", source, l);
    else
        snprintf(buf, size, "at line %d", l);
    return buf;
}

static void verr(vctx *c, int line, const char *fmt, ...)
{
    oa_error e;
    va_list ap;
    const char *source;
    oa_error_clear(&e);
    oap_plan_place(c->p, line, &source, &line);
    va_start(ap, fmt);
    oap_error_setv(&e, OA_EINVALID, source, line, fmt, ap);
    va_end(ap);
    if (oap_error_list_push(c->errs, &e) != OA_OK)
        c->oom = 1;
}

/* ---- id tables ---- */

static int cmp_entry(const void *a, const void *b)
{
    const oap_index_entry *x = a, *y = b;
    int r = strcmp(x->id, y->id);
    if (r)
        return r;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static int valid_id(const char *id)
{
    const char *s;
    if (id == NULL || *id == '\0')
        return 0;
    for (s = id; *s; s++) {
        char ch = *s;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-'))
            return 0;
    }
    return 1;
}

/*
 * Builds a sorted id table; reports bad and duplicate ids.  lines[i] is
 * the line of element i.  The table keeps the first of duplicates.
 */
static oap_index_entry *make_index(vctx *c, const char *kind,
                                   const char *const *ids, const int *lines,
                                   size_t n, size_t *nout)
{
    oap_index_entry *t;
    size_t i, k = 0;
    *nout = 0;
    t = oap_calloc(n ? n : 1, sizeof *t);
    if (t == NULL) {
        c->oom = 1;
        return NULL;
    }
    for (i = 0; i < n; i++) {
        if (!valid_id(ids[i])) {
            verr(c, lines[i], "%s id '%s' is not valid (use letters, digits, "
                 "'_', '.' and '-')", kind, ids[i] ? ids[i] : "");
        }
        t[i].id = ids[i] ? ids[i] : "";
        t[i].idx = (int)i;
    }
    qsort(t, n, sizeof *t, cmp_entry);
    for (i = 0; i < n; i++) {
        if (k > 0 && strcmp(t[k - 1].id, t[i].id) == 0) {
            char where[OA_ERROR_SOURCE_LENGTH + 32];
            verr(c, lines[t[i].idx], "duplicate %s id '%s' (first defined "
                 "%s)", kind, t[i].id,
                 at_line(where, sizeof where, c->p, lines[t[k - 1].idx]));
            continue;
        }
        t[k++] = t[i];
    }
    *nout = k;
    return t;
}

static int lookup(const oap_index_entry *t, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    if (id == NULL)
        return -1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(t[mid].id, id);
        if (r == 0)
            return t[mid].idx;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* ---- checks ---- */

enum { NUM_NONNEG = 0, NUM_SIGNED = 1 };

/* Checks a number; returns 0 if fine. */
static int check_num(vctx *c, int line, const char *what, const char *attr,
                     double v, int flags)
{
    if (!isfinite(v)) {
        verr(c, line, "%s: %s is not a finite number", what, attr);
        return -1;
    }
    if (fabs(v) > OA_MAX_NUMBER) {
        verr(c, line, "%s: %s %g is out of range (at most %g in magnitude)",
             what, attr, v, OA_MAX_NUMBER);
        return -1;
    }
    if (flags == NUM_NONNEG && v < 0) {
        verr(c, line, "%s: %s %g is negative", what, attr, v);
        return -1;
    }
    return 0;
}

static int ref_resource(vctx *c, int line, const char *what, const char *id)
{
    int r = lookup(c->res_idx, c->nres, id);
    if (r < 0)
        verr(c, line, "%s: unknown resource '%s'" OAP_DYM_FMT, what,
             id ? id : "", OAP_DYM(oap_suggest_resource(c->p, id)));
    return r;
}

static int ref_unit(vctx *c, int line, const char *what, const char *attr,
                    const char *id)
{
    int u = lookup(c->unit_idx, c->nunit, id);
    if (u < 0)
        verr(c, line, "%s: %s names unknown unit '%s'" OAP_DYM_FMT, what,
             attr, id ? id : "", OAP_DYM(oap_suggest_unit(c->p, id)));
    return u;
}

/*
 * Resolves a period reference (NULL: dflt).  Returns the 1-based period,
 * or 0 after reporting an error.
 */
static int ref_period(vctx *c, int line, const char *what, const char *attr,
                      const char *ref, int dflt)
{
    int t;
    if (ref == NULL)
        return dflt;
    if (c->p->P == 0)
        return 0; /* the horizon error is reported already */
    t = oa_plan_find_period(c->p, ref);
    if (t == 0)
        verr(c, line, "%s: %s '%s' is not a period of the horizon (a label, "
             "or an index 1..%d)", what, attr, ref, c->p->P);
    return t;
}

/* Resolves from..to; returns 0 and sets *t0, *t1 (1-based) if fine. */
static int ref_range(vctx *c, int line, const char *what, const char *from,
                     const char *to, int *t0, int *t1)
{
    int a = ref_period(c, line, what, "from", from, 1);
    int b = ref_period(c, line, what, "to", to, c->p->P);
    if (a == 0 || b == 0)
        return -1;
    if (a > b) {
        verr(c, line, "%s: from '%s' (period %d) is after to '%s' (period %d)",
             what, from ? from : "1", a, to ? to : "last", b);
        return -1;
    }
    *t0 = a;
    *t1 = b;
    return 0;
}

static void check_horizon(vctx *c)
{
    const oa_plan *p = c->p;
    size_t i, j;
    if (!p->has_generated && p->explicit_periods.n == 0) {
        /* A reader that saw a broken <horizon> has said why already. */
        if (p->h_line < 0)
            verr(c, -1, "plan has no horizon");
        return;
    }
    if (p->has_generated && p->explicit_periods.n > 0) {
        verr(c, p->h_line, "<horizon>: gives both generated labels (start, "
             "step, periods) and <period> children; use one or the other");
        return;
    }
    if (p->has_generated) {
        int y, s;
        static const char *const forms[] = { "a month label like 2027-01",
                                             "a quarter label like 2027-Q1",
                                             "an ISO week label like "
                                             "2027-W01 (a week that year "
                                             "has)" };
        if (p->h_periods < 1 || p->h_periods > OA_MAX_PERIODS)
            verr(c, p->h_line, "<horizon>: periods %d is out of range "
                 "(1..%d)", p->h_periods, OA_MAX_PERIODS);
        if (p->h_start == NULL || p->h_start[0] == '\0')
            verr(c, p->h_line, "<horizon>: start is missing (%s)",
                 forms[p->h_step]);
        else if (oap_parse_start(p->h_start, p->h_step, &y, &s) != 0)
            verr(c, p->h_line, "<horizon>: start '%s' is not %s",
                 p->h_start ? p->h_start : "", forms[p->h_step]);
        return;
    }
    if (p->explicit_periods.n > OA_MAX_PERIODS)
        verr(c, p->h_line, "<horizon>: %zu periods, more than %d",
             p->explicit_periods.n, OA_MAX_PERIODS);
    for (i = 0; i < p->explicit_periods.n; i++) {
        const oap_label *l = &p->explicit_periods.v[i];
        if (l->label[strspn(l->label, " \t\r\n")] == '\0') {
            verr(c, l->line, "<period>: empty label");
            continue;
        }
        for (j = 0; j < i; j++)
            if (strcmp(p->explicit_periods.v[j].label, l->label) == 0) {
                char where[OA_ERROR_SOURCE_LENGTH + 32];
                verr(c, l->line, "<period>: duplicate label '%s' (first "
                     "%s)", l->label, at_line(where, sizeof where, p,
                                              p->explicit_periods.v[j].line));
                break;
            }
    }
}

static void check_ids(vctx *c)
{
    const oa_plan *p = c->p;
    size_t n = p->resources.n;
    size_t i, m;
    const char **ids;
    int *lines;
    m = n;
    if (p->objectives.n > m) m = p->objectives.n;
    if (p->units.n > m) m = p->units.n;
    if (p->initiatives.n > m) m = p->initiatives.n;
    if (p->people.n > m) m = p->people.n;
    ids = oap_calloc(m ? m : 1, sizeof *ids);
    lines = oap_calloc(m ? m : 1, sizeof *lines);
    if (ids == NULL || lines == NULL) {
        c->oom = 1;
        goto out;
    }
    for (i = 0; i < p->resources.n; i++) {
        ids[i] = p->resources.v[i].id;
        lines[i] = p->resources.v[i].line;
    }
    c->res_idx = make_index(c, "resource", ids, lines, p->resources.n,
                            &c->nres);
    for (i = 0; i < p->objectives.n; i++) {
        ids[i] = p->objectives.v[i].id;
        lines[i] = p->objectives.v[i].line;
    }
    c->obj_idx = make_index(c, "objective", ids, lines, p->objectives.n,
                            &c->nobj);
    for (i = 0; i < p->units.n; i++) {
        ids[i] = p->units.v[i]->id;
        lines[i] = p->units.v[i]->line;
    }
    c->unit_idx = make_index(c, "unit", ids, lines, p->units.n, &c->nunit);
    for (i = 0; i < p->initiatives.n; i++) {
        ids[i] = p->initiatives.v[i]->id;
        lines[i] = p->initiatives.v[i]->line;
    }
    c->ini_idx = make_index(c, "initiative", ids, lines, p->initiatives.n,
                            &c->nini);
    {
        size_t np;
        oap_index_entry *t;
        for (i = 0; i < p->people.n; i++) {
            ids[i] = p->people.v[i]->id;
            lines[i] = p->people.v[i]->line;
        }
        t = make_index(c, "person", ids, lines, p->people.n, &np);
        oap_free(t);
    }
    if (p->resources.n == 0)
        verr(c, -1, "plan has no resources");
    if (p->units.n == 0)
        verr(c, -1, "plan has no units");
out:
    oap_free(ids);
    oap_free(lines);
}

static void check_units(vctx *c)
{
    const oa_plan *p = c->p;
    size_t i, k;
    char what[160];
    int t0, t1;
    for (i = 0; i < p->objectives.n; i++) {
        const oa_objective_info *o = &p->objectives.v[i];
        snprintf(what, sizeof what, "<objective> '%s'", o->id);
        check_num(c, o->line, what, "weight", o->weight, NUM_NONNEG);
    }
    for (i = 0; i < p->units.n; i++) {
        const oa_unit *u = p->units.v[i];
        for (k = 0; k < u->capacity.n; k++) {
            const oa_capacity_info *e = &u->capacity.v[k];
            snprintf(what, sizeof what, "<capacity> of unit '%s'", u->id);
            ref_resource(c, e->line, what, e->resource);
            check_num(c, e->line, what, "value", e->value, NUM_NONNEG);
            ref_range(c, e->line, what, e->from, e->to, &t0, &t1);
        }
        for (k = 0; k < u->overtime.n; k++) {
            const oa_overtime_info *e = &u->overtime.v[k];
            snprintf(what, sizeof what, "<overtime> of unit '%s'", u->id);
            ref_resource(c, e->line, what, e->resource);
            check_num(c, e->line, what, "max", e->max, NUM_NONNEG);
            check_num(c, e->line, what, "cost", e->cost, NUM_NONNEG);
        }
        for (k = 0; k < u->contractors.n; k++) {
            const oa_contractors_info *e = &u->contractors.v[k];
            snprintf(what, sizeof what, "<contractors> of unit '%s'", u->id);
            ref_resource(c, e->line, what, e->resource);
            check_num(c, e->line, what, "max", e->max, NUM_NONNEG);
            check_num(c, e->line, what, "cost", e->cost, NUM_NONNEG);
            ref_range(c, e->line, what, e->from, e->to, &t0, &t1);
        }
        for (k = 0; k < u->budget.n; k++) {
            const oa_unit_budget_info *e = &u->budget.v[k];
            snprintf(what, sizeof what, "<budget> of unit '%s'", u->id);
            check_num(c, e->line, what, "value", e->value, NUM_NONNEG);
            if (e->from || e->to)
                ref_range(c, e->line, what, e->from, e->to, &t0, &t1);
        }
    }
}

static void check_operating_plans(vctx *c)
{
    const oa_plan *p = c->p;
    size_t i, k;
    char what[200];
    int t0, t1;
    for (i = 0; i < p->ops.n; i++) {
        const oa_operating_plan *op = p->ops.v[i];
        char name[120];
        if (op->name)
            snprintf(name, sizeof name, "'%s'", op->name);
        else
            snprintf(name, sizeof name, "of unit '%s'", op->unit);
        snprintf(what, sizeof what, "<operating-plan> %s", name);
        ref_unit(c, op->line, what, "unit", op->unit);
        check_num(c, op->line, what, "cost", op->cost, NUM_NONNEG);
        if (op->has_service_level) {
            snprintf(what, sizeof what, "<service-level> of operating plan %s",
                     name);
            if (check_num(c, op->sl_line, what, "min", op->sl_min,
                          NUM_NONNEG) == 0 && op->sl_min > 1)
                verr(c, op->sl_line, "%s: min %g is more than 1 (it is the "
                     "least fraction of the demand served)", what, op->sl_min);
            check_num(c, op->sl_line, what, "penalty", op->sl_penalty,
                      NUM_NONNEG);
        }
        for (k = 0; k < op->demand.n; k++) {
            const oa_demand_info *d = &op->demand.v[k];
            snprintf(what, sizeof what, "<demand> of operating plan %s", name);
            ref_resource(c, d->line, what, d->resource);
            if (d->driver) {
                check_num(c, d->line, what, "volume", d->volume, NUM_NONNEG);
                if (check_num(c, d->line, what, "productivity",
                              d->productivity, NUM_NONNEG) == 0) {
                    if (d->productivity <= 0)
                        verr(c, d->line, "%s: productivity must be more "
                             "than 0", what);
                    else if (isfinite(d->volume))
                        check_num(c, d->line, what, "volume / productivity",
                                  d->volume / d->productivity, NUM_NONNEG);
                }
            } else {
                check_num(c, d->line, what, "value", d->value, NUM_NONNEG);
            }
            ref_range(c, d->line, what, d->from, d->to, &t0, &t1);
        }
        for (k = 0; k < op->targets.n; k++) {
            const oa_target_info *t = &op->targets.v[k];
            snprintf(what, sizeof what, "<target> of operating plan %s", name);
            check_num(c, t->line, what, "value", t->value, NUM_SIGNED);
        }
    }
}

static void check_initiatives(vctx *c)
{
    const oa_plan *p = c->p;
    size_t i, k;
    char what[160];
    for (i = 0; i < p->initiatives.n; i++) {
        const oa_initiative *ini = p->initiatives.v[i];
        int line = ini->line;
        snprintf(what, sizeof what, "<initiative> '%s'", ini->id);
        if (ini->owner)
            ref_unit(c, line, what, "owner", ini->owner);
        if (ini->duration < 1)
            verr(c, line, "%s: duration %d must be at least 1", what,
                 ini->duration);
        ref_period(c, line, what, "earliest", ini->earliest, 1);
        ref_period(c, line, what, "deadline", ini->deadline, p->P);
        ref_period(c, line, what, "pin", ini->pin, 1);
        check_num(c, line, what, "value", ini->value, NUM_NONNEG);
        check_num(c, line, what, "benefit-per-period", ini->benefit,
                  NUM_NONNEG);
        check_num(c, line, what, "cost", ini->cost, NUM_NONNEG);
        if (!isnan(ini->move_price))
            check_num(c, line, what, "stability", ini->move_price,
                      NUM_NONNEG);
        if (!isnan(ini->drop_price))
            check_num(c, line, what, "drop-price", ini->drop_price,
                      NUM_NONNEG);
        for (k = 0; k < ini->demand.n; k++) {
            const oa_initiative_demand_info *d = &ini->demand.v[k];
            char w2[200];
            snprintf(w2, sizeof w2, "<demand> of initiative '%s'", ini->id);
            ref_unit(c, d->line, w2, "unit", d->unit);
            ref_resource(c, d->line, w2, d->resource);
            check_num(c, d->line, w2, "value", d->value, NUM_NONNEG);
            if (d->first < 0 || d->last < 0) {
                verr(c, d->line, "%s: first and last must be at least 1", w2);
            } else if (ini->duration >= 1) {
                int f = d->first ? d->first : 1;
                int l = d->last ? d->last : ini->duration;
                if (f > ini->duration || l > ini->duration)
                    verr(c, d->line, "%s: periods %d..%d lie outside the "
                         "initiative's %d period(s)", w2, f, l, ini->duration);
                else if (f > l)
                    verr(c, d->line, "%s: first %d is after last %d", w2, f, l);
            }
        }
        for (k = 0; k < ini->contributions.n; k++) {
            const oa_contribution_info *e = &ini->contributions.v[k];
            char w2[200];
            snprintf(w2, sizeof w2, "<contributes> of initiative '%s'",
                     ini->id);
            if (lookup(c->obj_idx, c->nobj, e->objective) < 0)
                verr(c, e->line, "%s: unknown objective '%s'" OAP_DYM_FMT,
                     w2, e->objective,
                     OAP_DYM(oap_suggest_objective(c->p, e->objective)));
            check_num(c, e->line, w2, "score", e->score, NUM_NONNEG);
        }
        for (k = 0; k < ini->requirements.n; k++) {
            const oa_requirement_info *e = &ini->requirements.v[k];
            char w2[200];
            snprintf(w2, sizeof w2, "<requires> of initiative '%s'", ini->id);
            if (strcmp(e->initiative, ini->id) == 0)
                verr(c, e->line, "%s: an initiative cannot require itself",
                     w2);
            else if (lookup(c->ini_idx, c->nini, e->initiative) < 0)
                verr(c, e->line, "%s: unknown initiative '%s'" OAP_DYM_FMT,
                     w2, e->initiative,
                     OAP_DYM(oap_suggest_initiative(c->p, e->initiative)));
            if (e->lag < 0)
                verr(c, e->line, "%s: lag %d is negative", w2, e->lag);
        }
        for (k = 0; k < ini->exclusions.n; k++) {
            const oa_exclusion_info *e = &ini->exclusions.v[k];
            char w2[200];
            snprintf(w2, sizeof w2, "<excludes> of initiative '%s'", ini->id);
            if (strcmp(e->initiative, ini->id) == 0)
                verr(c, e->line, "%s: an initiative cannot exclude itself",
                     w2);
            else if (lookup(c->ini_idx, c->nini, e->initiative) < 0)
                verr(c, e->line, "%s: unknown initiative '%s'" OAP_DYM_FMT,
                     w2, e->initiative,
                     OAP_DYM(oap_suggest_initiative(c->p, e->initiative)));
        }
        for (k = 0; k < ini->effects.n; k++) {
            const oa_effect_info *e = &ini->effects.v[k];
            char w2[200];
            snprintf(w2, sizeof w2, "<effect> of initiative '%s'", ini->id);
            ref_unit(c, e->line, w2, "unit", e->unit);
            ref_resource(c, e->line, w2, e->resource);
            check_num(c, e->line, w2, "value", e->value, NUM_SIGNED);
        }
    }
}

static void check_rest(vctx *c)
{
    const oa_plan *p = c->p;
    size_t i, k;
    char what[200];
    int t0, t1;
    for (i = 0; i < p->loans.n; i++) {
        const oa_loan_info *l = &p->loans.v[i];
        snprintf(what, sizeof what, "<loan> from '%s' to '%s'", l->from,
                 l->to);
        ref_unit(c, l->line, what, "from", l->from);
        ref_unit(c, l->line, what, "to", l->to);
        if (strcmp(l->from, l->to) == 0)
            verr(c, l->line, "%s: a unit cannot lend to itself", what);
        ref_resource(c, l->line, what, l->resource);
        check_num(c, l->line, what, "max", l->max, NUM_NONNEG);
        check_num(c, l->line, what, "cost", l->cost, NUM_NONNEG);
        if (check_num(c, l->line, what, "efficiency", l->efficiency,
                      NUM_NONNEG) == 0 &&
            (l->efficiency <= 0 || l->efficiency > 1))
            verr(c, l->line, "%s: efficiency %g must be more than 0 and at "
                 "most 1", what, l->efficiency);
    }
    if (p->has_total)
        check_num(c, p->total_line, "<budget>", "total", p->total,
                  NUM_NONNEG);
    for (i = 0; i < p->limits.n; i++) {
        const oa_limit_info *l = &p->limits.v[i];
        check_num(c, l->line, "<limit>", "value", l->value, NUM_NONNEG);
        ref_range(c, l->line, "<limit>", l->from, l->to, &t0, &t1);
    }
    for (i = 0; i < p->people.n; i++) {
        const oa_person *pe = p->people.v[i];
        snprintf(what, sizeof what, "<person> '%s'", pe->id);
        ref_unit(c, pe->line, what, "unit", pe->unit);
        ref_resource(c, pe->line, what, pe->resource);
        check_num(c, pe->line, what, "fte", pe->fte, NUM_NONNEG);
        if (check_num(c, pe->line, what, "development", pe->development,
                      NUM_NONNEG) == 0 && pe->development > 1)
            verr(c, pe->line, "%s: development %g is more than 1 (it is a "
                 "share of the person's time)", what, pe->development);
        for (k = 0; k < pe->away.n; k++) {
            const oa_away_info *a = &pe->away.v[k];
            char w2[200];
            snprintf(w2, sizeof w2, "<away> of person '%s'", pe->id);
            if (a->fte != OA_AWAY_ALL)
                check_num(c, a->line, w2, "fte", a->fte, NUM_NONNEG);
            ref_range(c, a->line, w2, a->from, a->to, &t0, &t1);
        }
    }
}

/* ---- windows and requires chains ---- */

typedef struct chain {
    int *pin;    /* the period it is pinned to, 0 if none */
    int *es;     /* earliest start after the push, 0 if unknown */
    int *own;    /* own earliest start */
    int *lf;     /* latest finish */
    int *pred;   /* initiative that pushed it last, -1 if none */
    int *state;  /* DFS: 0 new, 1 on stack, 2 done */
    int *ok;     /* window resolvable */
    int *out;    /* forbidden, or requires one that is (transitively) */
} chain;

static int ini_req_index(vctx *c, const oa_requirement_info *r)
{
    return lookup(c->ini_idx, c->nini, r->initiative);
}

/* Writes the chain that ends in j: "a -> b -> j". */
static void chain_text(vctx *c, const chain *ch, int j, char *buf,
                       size_t size)
{
    int path[64], n = 0, k;
    size_t len = 0;
    for (k = j; k >= 0 && n < 64; k = ch->pred[k])
        path[n++] = k;
    buf[0] = '\0';
    if (n == 64 && ch->pred[path[63]] >= 0)
        len += (size_t)snprintf(buf, size, "... -> ");
    for (k = n - 1; k >= 0 && len < size; k--)
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                c->p->initiatives.v[path[k]]->id,
                                k ? " -> " : "");
}

/* Depth-first search for cycles and the push; returns 0, or -1 on a
 * cycle (reported). */
static int push_visit(vctx *c, chain *ch, int j, int *stack, int depth)
{
    const oa_initiative *ini = c->p->initiatives.v[j];
    size_t k;
    int rc = 0;
    ch->state[j] = 1;
    stack[depth] = j;
    for (k = 0; k < ini->requirements.n; k++) {
        int i = ini_req_index(c, &ini->requirements.v[k]);
        int lag = ini->requirements.v[k].lag;
        if (i < 0 || i == j || lag < 0)
            continue;
        if (ch->state[i] == 1) {
            /* A cycle: report it once, at the line of its first member. */
            /* A cycle: report it once, starting from (and at the line
             * of) the member that comes first in the file. */
            char buf[400];
            size_t len = 0;
            int d, first = depth, lead, n, q;
            while (first > 0 && stack[first] != i)
                first--;
            n = depth - first + 1;
            lead = 0;
            for (q = 1; q < n; q++)
                if (stack[first + q] < stack[first + lead])
                    lead = q;
            for (q = 0; q <= n && len < sizeof buf; q++) {
                d = stack[first + (lead + q) % n];
                len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                                        c->p->initiatives.v[d]->id,
                                        q < n ? " -> " : "");
            }
            d = stack[first + lead];
            verr(c, c->p->initiatives.v[d]->line,
                 "<initiative> '%s': requires cycle %s",
                 c->p->initiatives.v[d]->id, buf);
            rc = -1;
            continue;
        }
        if (ch->state[i] == 0 && push_visit(c, ch, i, stack, depth + 1) != 0)
            rc = -1;
        if (ch->out[i])
            ch->out[j] = 1;
        if (ch->ok[i] && ch->ok[j]) {
            /* Lags and durations may be huge: clamp past the horizon. */
            long long need = (long long)ch->es[i] +
                             c->p->initiatives.v[i]->duration + lag;
            if (need > OA_MAX_PERIODS + 1)
                need = OA_MAX_PERIODS + 1;
            if (need > ch->es[j]) {
                ch->es[j] = (int)need;
                ch->pred[j] = i;
            }
        }
    }
    ch->state[j] = 2;
    return rc;
}

static void check_windows(vctx *c, int *es_out, int *lf_out)
{
    const oa_plan *p = c->p;
    size_t n = p->initiatives.n, i;
    chain ch;
    int *stack, cycle = 0;
    memset(&ch, 0, sizeof ch);
    ch.pin = oap_calloc(n + 1, sizeof(int));
    ch.es = oap_calloc(n + 1, sizeof(int));
    ch.own = oap_calloc(n + 1, sizeof(int));
    ch.lf = oap_calloc(n + 1, sizeof(int));
    ch.pred = oap_calloc(n + 1, sizeof(int));
    ch.state = oap_calloc(n + 1, sizeof(int));
    ch.ok = oap_calloc(n + 1, sizeof(int));
    ch.out = oap_calloc(n + 1, sizeof(int));
    stack = oap_calloc(n + 1, sizeof(int));
    if (!ch.pin || !ch.es || !ch.own || !ch.lf || !ch.pred || !ch.state ||
        !ch.ok || !ch.out || !stack) {
        c->oom = 1;
        goto out;
    }
    for (i = 0; i < n; i++) {
        const oa_initiative *ini = p->initiatives.v[i];
        int e = p->P ? oa_plan_find_period(p, ini->earliest) : 0;
        int l = p->P ? oa_plan_find_period(p, ini->deadline) : 0;
        if (ini->earliest == NULL)
            e = 1;
        if (ini->deadline == NULL)
            l = p->P;
        ch.pred[i] = -1;
        ch.out[i] = ini->forbidden;
        ch.own[i] = ch.es[i] = e;
        ch.lf[i] = l;
        ch.ok[i] = p->P > 0 && e > 0 && l > 0 && ini->duration >= 1;
        if (!ch.ok[i])
            continue;
        if ((long long)e + ini->duration - 1 > l) {
            if (ini->deadline)
                verr(c, ini->line, "<initiative> '%s': start window is empty: "
                     "starting in period %d at the earliest, it cannot "
                     "finish its %d period(s) by its deadline, period %d",
                     ini->id, e, ini->duration, l);
            else
                verr(c, ini->line, "<initiative> '%s': start window is empty: "
                     "starting in period %d at the earliest, its %d "
                     "period(s) run past the horizon's last period, %d",
                     ini->id, e, ini->duration, p->P);
            ch.ok[i] = 0;
        }
        /* A pin is a window of one start, inside the initiative's own. */
        if (ch.ok[i] && ini->pin) {
            int pin = oa_plan_find_period(p, ini->pin);
            if (pin == 0) {
                ch.ok[i] = 0; /* reported by check_initiatives */
            } else if (pin < e) {
                verr(c, ini->line, "<initiative> '%s': pinned to period %d "
                     "(%s), before its earliest start, period %d (%s)",
                     ini->id, pin, p->labels[pin - 1], e, p->labels[e - 1]);
                ch.ok[i] = 0;
            } else if ((long long)pin + ini->duration - 1 > l) {
                verr(c, ini->line, "<initiative> '%s': pinned to period %d "
                     "(%s), its %d period(s) would run to period %lld, past "
                     "%s, period %d", ini->id, pin, p->labels[pin - 1],
                     ini->duration, (long long)pin + ini->duration - 1,
                     ini->deadline ? "its deadline" : "the horizon's end", l);
                ch.ok[i] = 0;
            } else {
                ch.pin[i] = ch.own[i] = ch.es[i] = pin;
                ch.lf[i] = pin + ini->duration - 1;
            }
        }
    }
    for (i = 0; i < n; i++)
        if (ch.state[i] == 0 && push_visit(c, &ch, (int)i, stack, 0) != 0)
            cycle = 1;
    for (i = 0; i < n; i++) {
        const oa_initiative *ini = p->initiatives.v[i];
        /* With a cycle the pushes mean nothing: say only the cycle. */
        if (cycle || !ch.ok[i] || ch.es[i] == ch.own[i])
            continue;
        /* Forbidden, or requiring a forbidden one: it will not start, so
         * its window may be empty; the model has no columns for it. */
        if (ch.out[i] && !ini->mandatory && !ini->pin)
            continue;
        if (ch.pin[i]) {
            char buf[300];
            chain_text(c, &ch, (int)i, buf, sizeof buf);
            verr(c, ini->line, "<initiative> '%s': pinned to period %d (%s), "
                 "but the requires chain %s lets it start in period %d at "
                 "the earliest", ini->id, ch.pin[i],
                 p->labels[ch.pin[i] - 1], buf, ch.es[i]);
            ch.ok[i] = 0;
        } else if ((long long)ch.es[i] + ini->duration - 1 > ch.lf[i]) {
            char buf[300];
            chain_text(c, &ch, (int)i, buf, sizeof buf);
            verr(c, ini->line, "<initiative> '%s': start window is empty: the "
                 "requires chain %s pushes its earliest start to period %d, "
                 "so its %d period(s) cannot finish by period %d", ini->id,
                 buf, ch.es[i], ini->duration, ch.lf[i]);
            ch.ok[i] = 0;
        }
    }
    for (i = 0; i < n; i++) {
        es_out[i] = ch.ok[i] ? ch.es[i] : 0;
        lf_out[i] = ch.ok[i] ? ch.lf[i] : 0;
    }
out:
    oap_free(ch.pin);
    oap_free(ch.es);
    oap_free(ch.own);
    oap_free(ch.lf);
    oap_free(ch.pred);
    oap_free(ch.state);
    oap_free(ch.ok);
    oap_free(ch.out);
    oap_free(stack);
}

/* ---- resolution ---- */

/* Years of the horizon (plan-format.md "Years"): a generated horizon
 * longer than a year (12 months, 4 quarters, 53 ISO weeks) is cut into
 * calendar years (ISO years for weeks), each with the share of it inside
 * the horizon; any other horizon is one year.  opw[t]: 1 / the periods of
 * t's year (1 / P for one year). */
static int resolve_years(const oa_plan *p, oap_resolved *res)
{
    int P = res->P, t, multi;
    multi = p->has_generated &&
            ((p->h_step == OA_STEP_MONTH && P > 12) ||
             (p->h_step == OA_STEP_QUARTER && P > 4) ||
             (p->h_step == OA_STEP_WEEK && P > 53));
    res->years = oap_calloc((size_t)P + 1, sizeof *res->years);
    res->opw = oap_calloc((size_t)P + 1, sizeof(double));
    if (res->years == NULL || res->opw == NULL)
        return OA_ENOMEM;
    res->NY = 0;
    if (!multi) {
        res->NY = 1;
        res->years[0].t0 = 0;
        res->years[0].t1 = P - 1;
        res->years[0].share = 1;
        for (t = 0; t < P; t++)
            res->opw[t] = 1.0 / P;
        return OA_OK;
    }
    for (t = 0; t < P; t++) {
        int year = 0, sub = 0, prev = 0, psub = 0, per;
        oap_parse_start(p->labels[t], p->h_step, &year, &sub);
        if (t > 0)
            oap_parse_start(p->labels[t - 1], p->h_step, &prev, &psub);
        if (t == 0 || year != prev) {
            res->years[res->NY].t0 = t;
            res->NY++;
        }
        res->years[res->NY - 1].t1 = t;
        per = p->h_step == OA_STEP_MONTH     ? 12
              : p->h_step == OA_STEP_QUARTER ? 4
                                             : oap_iso_weeks(year);
        res->opw[t] = 1.0 / per;
        res->years[res->NY - 1].share += 1.0 / per;
    }
    /* a whole year is exactly 1 */
    for (t = 0; t < res->NY; t++)
        if (fabs(res->years[t].share - 1) < 1e-9)
            res->years[t].share = 1;
    return OA_OK;
}

void oap_resolved_free(oap_resolved *res)
{
    int i;
    if (res == NULL)
        return;
    oap_free(res->cap);
    oap_free(res->run);
    oap_free(res->ct_max);
    oap_free(res->ct_cost);
    oap_free(res->ot_max);
    oap_free(res->ot_cost);
    oap_free(res->unit_budget);
    oap_free(res->years);
    oap_free(res->opw);
    oap_free(res->ubudgets);
    oap_free(res->pe_u);
    oap_free(res->pe_r);
    oap_free(res->pe_avail);
    if (res->ops)
        for (i = 0; i < res->NOP; i++)
            oap_free(res->ops[i].run);
    oap_free(res->ops);
    if (res->ini)
        for (i = 0; i < res->N; i++) {
            oap_free(res->ini[i].dem);
            oap_free(res->ini[i].eff);
            oap_free(res->ini[i].req);
            oap_free(res->ini[i].exc);
        }
    oap_free(res->ini);
    oap_free(res->loans);
    oap_free(res->limits);
    oap_free(res);
}

static int cmp_dem(const void *a, const void *b)
{
    const oap_rdemand *x = a, *y = b;
    if (x->u != y->u)
        return x->u - y->u;
    if (x->r != y->r)
        return x->r - y->r;
    return x->k - y->k;
}

static int resolve_initiative(vctx *c, oap_resolved *res, int i, int es,
                              int lf)
{
    const oa_initiative *ini = c->p->initiatives.v[i];
    oap_rini *ri = &res->ini[i];
    size_t k, n = 0, m;
    int kk;
    ri->d = ini->duration;
    ri->es = es;
    ri->es_own = ini->pin       ? oa_plan_find_period(c->p, ini->pin)
                 : ini->earliest ? oa_plan_find_period(c->p, ini->earliest)
                                 : 1;
    ri->lf = lf;
    ri->benefit = ini->benefit;
    ri->cost = ini->cost;
    ri->mandatory = ini->mandatory || ini->pin != NULL; /* pinned: must run */
    ri->forbidden = ini->forbidden;
    ri->owner = ini->owner ? lookup(c->unit_idx, c->nunit, ini->owner) : -1;
    ri->plan_value = ini->value;
    ri->score = 0;
    for (k = 0; k < ini->contributions.n; k++) {
        int o = lookup(c->obj_idx, c->nobj, ini->contributions.v[k].objective);
        ri->score += c->p->objectives.v[o].weight *
                     ini->contributions.v[k].score;
    }
    ri->value = ri->plan_value + ri->score;
    /* Demand: one entry per (unit, resource, period of the initiative);
     * several demands add up. */
    m = 0;
    for (k = 0; k < ini->demand.n; k++) {
        const oa_initiative_demand_info *d = &ini->demand.v[k];
        int f = d->first ? d->first : 1, l = d->last ? d->last : ri->d;
        m += (size_t)(l - f + 1);
    }
    ri->dem = oap_calloc(m ? m : 1, sizeof *ri->dem);
    if (ri->dem == NULL)
        return OA_ENOMEM;
    for (k = 0; k < ini->demand.n; k++) {
        const oa_initiative_demand_info *d = &ini->demand.v[k];
        int f = d->first ? d->first : 1, l = d->last ? d->last : ri->d;
        int u = lookup(c->unit_idx, c->nunit, d->unit);
        int r = lookup(c->res_idx, c->nres, d->resource);
        for (kk = f - 1; kk < l; kk++) {
            ri->dem[n].u = u;
            ri->dem[n].r = r;
            ri->dem[n].k = kk;
            ri->dem[n].q = d->value;
            n++;
        }
    }
    qsort(ri->dem, n, sizeof *ri->dem, cmp_dem);
    m = 0;
    for (k = 0; k < n; k++) {
        if (m > 0 && cmp_dem(&ri->dem[m - 1], &ri->dem[k]) == 0)
            ri->dem[m - 1].q += ri->dem[k].q;
        else
            ri->dem[m++] = ri->dem[k];
    }
    /* Drop zero demands: they add nothing to any row. */
    n = m;
    m = 0;
    for (k = 0; k < n; k++)
        if (ri->dem[k].q != 0)
            ri->dem[m++] = ri->dem[k];
    ri->ndem = m;

    ri->eff = oap_calloc(ini->effects.n + 1, sizeof *ri->eff);
    if (ri->eff == NULL)
        return OA_ENOMEM;
    for (k = 0; k < ini->effects.n; k++) {
        int u = lookup(c->unit_idx, c->nunit, ini->effects.v[k].unit);
        int r = lookup(c->res_idx, c->nres, ini->effects.v[k].resource);
        size_t e;
        for (e = 0; e < ri->neff; e++)
            if (ri->eff[e].u == u && ri->eff[e].r == r)
                break;
        if (e == ri->neff) {
            ri->eff[e].u = u;
            ri->eff[e].r = r;
            ri->eff[e].v = 0;
            ri->neff++;
        }
        ri->eff[e].v += ini->effects.v[k].value;
    }
    ri->req = oap_calloc(ini->requirements.n + 1, sizeof *ri->req);
    if (ri->req == NULL)
        return OA_ENOMEM;
    for (k = 0; k < ini->requirements.n; k++) {
        ri->req[k].i = lookup(c->ini_idx, c->nini,
                              ini->requirements.v[k].initiative);
        ri->req[k].lag = ini->requirements.v[k].lag;
    }
    ri->nreq = ini->requirements.n;
    return OA_OK;
}

/* Adds the exclusion pairs on both sides. */
static int resolve_exclusions(vctx *c, oap_resolved *res)
{
    size_t i, k;
    size_t *count = oap_calloc((size_t)res->N + 1, sizeof *count);
    if (count == NULL)
        return OA_ENOMEM;
    for (i = 0; i < (size_t)res->N; i++) {
        const oa_initiative *ini = c->p->initiatives.v[i];
        for (k = 0; k < ini->exclusions.n; k++) {
            int j = lookup(c->ini_idx, c->nini,
                           ini->exclusions.v[k].initiative);
            count[i]++;
            count[j]++;
        }
    }
    for (i = 0; i < (size_t)res->N; i++) {
        res->ini[i].exc = oap_calloc(count[i] + 1, sizeof(int));
        if (res->ini[i].exc == NULL) {
            oap_free(count);
            return OA_ENOMEM;
        }
    }
    for (i = 0; i < (size_t)res->N; i++) {
        const oa_initiative *ini = c->p->initiatives.v[i];
        for (k = 0; k < ini->exclusions.n; k++) {
            int j = lookup(c->ini_idx, c->nini,
                           ini->exclusions.v[k].initiative);
            size_t e, dup = 0;
            for (e = 0; e < res->ini[i].nexc; e++)
                if (res->ini[i].exc[e] == j)
                    dup = 1;
            if (dup)
                continue;
            res->ini[i].exc[res->ini[i].nexc++] = j;
            res->ini[j].exc[res->ini[j].nexc++] = (int)i;
        }
    }
    oap_free(count);
    return OA_OK;
}

static int resolve(vctx *c, const int *es, const int *lf, oap_resolved **out)
{
    const oa_plan *p = c->p;
    oap_resolved *res;
    size_t i, k, URP;
    int U = (int)p->units.n, R = (int)p->resources.n, P = p->P, t;
    char *has_cap = NULL;

    *out = NULL;
    res = oap_calloc(1, sizeof *res);
    if (res == NULL)
        return OA_ENOMEM;
    res->P = P;
    res->U = U;
    res->R = R;
    res->N = (int)p->initiatives.n;
    res->NOP = (int)p->ops.n;
    res->NL = (int)p->loans.n;
    res->NLIM = (int)p->limits.n;
    URP = (size_t)U * (size_t)R * (size_t)P;
    res->cap = oap_calloc(URP + 1, sizeof(double));
    res->run = oap_calloc(URP + 1, sizeof(double));
    res->ct_max = oap_calloc(URP + 1, sizeof(double));
    res->ct_cost = oap_calloc(URP + 1, sizeof(double));
    res->ot_max = oap_calloc((size_t)U * (size_t)R + 1, sizeof(double));
    res->ot_cost = oap_calloc((size_t)U * (size_t)R + 1, sizeof(double));
    res->unit_budget = oap_calloc((size_t)U + 1, sizeof(double));
    res->ops = oap_calloc(p->ops.n + 1, sizeof *res->ops);
    res->ini = oap_calloc(p->initiatives.n + 1, sizeof *res->ini);
    res->loans = oap_calloc(p->loans.n + 1, sizeof *res->loans);
    res->limits = oap_calloc(p->limits.n + 1, sizeof *res->limits);
    has_cap = oap_calloc((size_t)U * (size_t)R + 1, 1);
    if (!res->cap || !res->run || !res->ct_max || !res->ct_cost ||
        !res->ot_max || !res->ot_cost || !res->unit_budget || !res->ops ||
        !res->ini || !res->loans || !res->limits || !has_cap)
        goto oom;

    /* Units: later entries win, period by period. */
    for (i = 0; i < (size_t)U; i++) {
        const oa_unit *u = p->units.v[i];
        res->unit_budget[i] = -1;
        for (k = 0; k < u->capacity.n; k++) {
            const oa_capacity_info *e = &u->capacity.v[k];
            int r = lookup(c->res_idx, c->nres, e->resource), t0 = 0, t1 = 0;
            ref_range(c, e->line, "", e->from, e->to, &t0, &t1);
            has_cap[i * (size_t)R + (size_t)r] = 1;
            for (t = t0 - 1; t < t1; t++)
                res->cap[OAP_URT(res, i, r, t)] = e->value;
        }
        for (k = 0; k < u->overtime.n; k++) {
            const oa_overtime_info *e = &u->overtime.v[k];
            int r = lookup(c->res_idx, c->nres, e->resource);
            res->ot_max[i * (size_t)R + (size_t)r] = e->max;
            res->ot_cost[i * (size_t)R + (size_t)r] = e->cost;
        }
        for (k = 0; k < u->contractors.n; k++) {
            const oa_contractors_info *e = &u->contractors.v[k];
            int r = lookup(c->res_idx, c->nres, e->resource), t0 = 0, t1 = 0;
            ref_range(c, e->line, "", e->from, e->to, &t0, &t1);
            for (t = t0 - 1; t < t1; t++) {
                res->ct_max[OAP_URT(res, i, r, t)] = e->max;
                res->ct_cost[OAP_URT(res, i, r, t)] = e->cost;
            }
        }
        /* The yearly budget: the last entry without a range; each
         * entry with one is a limit of its own. */
        for (k = 0; k < u->budget.n; k++) {
            const oa_unit_budget_info *e = &u->budget.v[k];
            if (e->from == NULL && e->to == NULL)
                res->unit_budget[i] = e->value;
            else
                res->NUB++;
        }
    }
    res->ubudgets = oap_calloc((size_t)res->NUB + 1, sizeof *res->ubudgets);
    if (res->ubudgets == NULL || resolve_years(p, res) != OA_OK)
        goto oom;
    res->NUB = 0;
    for (i = 0; i < (size_t)U; i++)
        for (k = 0; k < p->units.v[i]->budget.n; k++) {
            const oa_unit_budget_info *e = &p->units.v[i]->budget.v[k];
            oap_rubudget *b;
            int t0 = 0, t1 = 0;
            if (e->from == NULL && e->to == NULL)
                continue;
            ref_range(c, e->line, "", e->from, e->to, &t0, &t1);
            b = &res->ubudgets[res->NUB++];
            b->u = (int)i;
            b->t0 = t0 - 1;
            b->t1 = t1 - 1;
            b->value = e->value;
        }
    /* People: capacity where a unit lists people for a resource and gives
     * no capacity entry for it (details 10). */
    res->NPE = (int)p->people.n;
    res->pe_u = oap_calloc(p->people.n + 1, sizeof(int));
    res->pe_r = oap_calloc(p->people.n + 1, sizeof(int));
    res->pe_avail = oap_calloc(p->people.n * (size_t)P + 1, sizeof(double));
    if (!res->pe_u || !res->pe_r || !res->pe_avail)
        goto oom;
    for (i = 0; i < p->people.n; i++) {
        const oa_person *pe = p->people.v[i];
        int u = lookup(c->unit_idx, c->nunit, pe->unit);
        int r = lookup(c->res_idx, c->nres, pe->resource);
        int derive = !has_cap[(size_t)u * (size_t)R + (size_t)r];
        res->pe_u[i] = u;
        res->pe_r[i] = r;
        for (t = 0; t < P; t++) {
            double avail = pe->fte;
            for (k = 0; k < pe->away.n; k++) {
                const oa_away_info *a = &pe->away.v[k];
                int t0 = 0, t1 = 0;
                ref_range(c, a->line, "", a->from, a->to, &t0, &t1);
                if (t + 1 >= t0 && t + 1 <= t1)
                    avail -= a->fte == OA_AWAY_ALL ? pe->fte : a->fte;
            }
            if (avail < 0)
                avail = 0;
            res->pe_avail[i * (size_t)P + (size_t)t] = avail;
            if (derive)
                res->cap[OAP_URT(res, u, r, t)] +=
                    avail * (1 - pe->development);
        }
    }
    /* Operating plans: later entries win per period within one plan; a
     * unit's run demand is the sum over its plans. */
    for (i = 0; i < p->ops.n; i++) {
        const oa_operating_plan *op = p->ops.v[i];
        oap_rop *ro = &res->ops[i];
        int u = lookup(c->unit_idx, c->nunit, op->unit), r;
        ro->unit = u;
        ro->min = op->has_service_level ? op->sl_min : 1;
        ro->penalty = op->has_service_level ? op->sl_penalty : 0;
        ro->cost = op->cost;
        ro->run = oap_calloc((size_t)R * (size_t)P + 1, sizeof(double));
        if (ro->run == NULL)
            goto oom;
        for (k = 0; k < op->demand.n; k++) {
            const oa_demand_info *d = &op->demand.v[k];
            int t0 = 0, t1 = 0;
            r = lookup(c->res_idx, c->nres, d->resource);
            ref_range(c, d->line, "", d->from, d->to, &t0, &t1);
            for (t = t0 - 1; t < t1; t++)
                ro->run[(size_t)r * (size_t)P + (size_t)t] = d->value;
        }
        for (r = 0; r < R; r++)
            for (t = 0; t < P; t++)
                res->run[OAP_URT(res, u, r, t)] +=
                    ro->run[(size_t)r * (size_t)P + (size_t)t];
    }
    for (i = 0; i < p->initiatives.n; i++)
        if (resolve_initiative(c, res, (int)i, es[i], lf[i]) != OA_OK)
            goto oom;
    if (resolve_exclusions(c, res) != OA_OK)
        goto oom;
    for (i = 0; i < p->loans.n; i++) {
        const oa_loan_info *l = &p->loans.v[i];
        res->loans[i].from = lookup(c->unit_idx, c->nunit, l->from);
        res->loans[i].to = lookup(c->unit_idx, c->nunit, l->to);
        res->loans[i].r = lookup(c->res_idx, c->nres, l->resource);
        res->loans[i].max = l->max;
        res->loans[i].eff = l->efficiency;
        res->loans[i].cost = l->cost;
    }
    res->has_total = p->has_total;
    res->total = p->total;
    for (i = 0; i < p->limits.n; i++) {
        const oa_limit_info *l = &p->limits.v[i];
        int t0 = 0, t1 = 0;
        ref_range(c, l->line, "", l->from, l->to, &t0, &t1);
        res->limits[i].t0 = t0 - 1;
        res->limits[i].t1 = t1 - 1;
        res->limits[i].value = l->value;
    }
    oap_free(has_cap);
    *out = res;
    return OA_OK;
oom:
    oap_free(has_cap);
    oap_resolved_free(res);
    return OA_ENOMEM;
}

/*
 * The most a unit can ever have for a resource in a period, with every
 * lever at its limit and its run work as low as shortfall and the
 * automation of every initiative could make it.
 */
double *oap_max_avail(const oap_resolved *res)
{
    size_t URP = (size_t)res->U * (size_t)res->R * (size_t)res->P, x;
    double *avail = oap_calloc(URP + 1, sizeof(double));
    double *freed = oap_calloc((size_t)res->U * (size_t)res->R + 1,
                               sizeof(double));
    double *low = oap_calloc(URP + 1, sizeof(double));
    int i, u, r, t, p, l;
    if (avail == NULL || freed == NULL || low == NULL) {
        oap_free(avail);
        oap_free(freed);
        oap_free(low);
        return NULL;
    }
    for (i = 0; i < res->N; i++) {
        size_t e;
        for (e = 0; e < res->ini[i].neff; e++)
            if (res->ini[i].eff[e].v < 0)
                freed[res->ini[i].eff[e].u * res->R + res->ini[i].eff[e].r] -=
                    res->ini[i].eff[e].v;
    }
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++) {
                x = OAP_URT(res, u, r, t);
                avail[x] = res->cap[x] * (1 + res->ot_max[u * res->R + r]) +
                           res->ct_max[x];
            }
    for (l = 0; l < res->NL; l++)
        for (t = 0; t < res->P; t++)
            avail[OAP_URT(res, res->loans[l].to, res->loans[l].r, t)] +=
                res->loans[l].max * res->loans[l].eff;
    /* The run work at its lowest: every operating plan at its minimum
     * (each plan once, in order, whatever the number of units), less
     * what the effects free. */
    memcpy(low, res->run, URP * sizeof *low);
    for (p = 0; p < res->NOP; p++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++)
                low[OAP_URT(res, res->ops[p].unit, r, t)] -=
                    (1 - res->ops[p].min) *
                    res->ops[p].run[(size_t)r * (size_t)res->P + (size_t)t];
    for (u = 0; u < res->U; u++)
        for (r = 0; r < res->R; r++)
            for (t = 0; t < res->P; t++) {
                double run = low[OAP_URT(res, u, r, t)] -
                             freed[u * res->R + r];
                if (run > 0)
                    avail[OAP_URT(res, u, r, t)] -= run;
            }
    oap_free(low);
    oap_free(freed);
    return avail;
}

/* A pinned initiative whose work in some period is more than its unit
 * could ever have there, every lever at its limit, can never hold. */
static void check_pins(vctx *c, const oap_resolved *res)
{
    const oa_plan *p = c->p;
    double *avail = NULL;
    int i;
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = p->initiatives.v[i];
        const oap_rini *ri = &res->ini[i];
        size_t e;
        int pin;
        if (ini->pin == NULL || (pin = oa_plan_find_period(p, ini->pin)) == 0)
            continue;
        if (avail == NULL && (avail = oap_max_avail(res)) == NULL) {
            c->oom = 1;
            return;
        }
        for (e = 0; e < ri->ndem; e++) {
            const oap_rdemand *d = &ri->dem[e];
            int t = pin - 1 + d->k;
            double most = avail[OAP_URT(res, d->u, d->r, t)];
            if (d->q > most + 1e-9 * (1 + d->q)) {
                verr(c, ini->line, "<initiative> '%s': pinned to period %d "
                     "(%s), it needs %g %s of unit '%s' in %s, more than the "
                     "unit could have there with every lever (%g)", ini->id,
                     pin, p->labels[pin - 1], d->q, p->resources.v[d->r].id,
                     p->units.v[d->u]->id, p->labels[t], most > 0 ? most : 0);
                break;
            }
        }
    }
    oap_free(avail);
}

/* Details 8: negative effects may never exceed the run demand. */
typedef struct neg_effect {
    size_t ur;  /* u * R + r */
    int i;      /* initiative */
    size_t e;   /* its effect */
} neg_effect;

static int cmp_neg_effect(const void *a, const void *b)
{
    const neg_effect *x = a, *y = b;
    if (x->ur != y->ur)
        return x->ur < y->ur ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* The negative effects of a plan grouped by unit and resource (sorted,
 * then each group on its own), so that the check is linear in the
 * effects and the periods of the pairs that have any. */
static void check_effects(vctx *c, const oap_resolved *res)
{
    neg_effect *ne;
    double *freed;
    size_t n = 0, g, h, q;
    int i, t;
    for (i = 0; i < res->N; i++)
        for (q = 0; q < res->ini[i].neff; q++)
            n += res->ini[i].eff[q].v < 0;
    if (n == 0)
        return;
    ne = oap_calloc(n, sizeof *ne);
    freed = oap_calloc((size_t)res->P + 1, sizeof(double));
    if (ne == NULL || freed == NULL) {
        oap_free(ne);
        oap_free(freed);
        c->oom = 1;
        return;
    }
    n = 0;
    for (i = 0; i < res->N; i++)
        for (q = 0; q < res->ini[i].neff; q++)
            if (res->ini[i].eff[q].v < 0) {
                ne[n].ur = (size_t)res->ini[i].eff[q].u * (size_t)res->R +
                           (size_t)res->ini[i].eff[q].r;
                ne[n].i = i;
                ne[n].e = q;
                n++;
            }
    qsort(ne, n, sizeof *ne, cmp_neg_effect);
    for (g = 0; g < n; g = h) {
        int u = (int)(ne[g].ur / (size_t)res->R);
        int r = (int)(ne[g].ur % (size_t)res->R);
        for (h = g; h < n && ne[h].ur == ne[g].ur; h++)
            ;
        memset(freed, 0, (size_t)res->P * sizeof(double));
        for (q = g; q < h; q++) {
            const oap_rini *ri = &res->ini[ne[q].i];
            /* earliest finish es + d - 1, so it counts from the period
             * after: index es + d - 1 (0-based). */
            for (t = ri->es + ri->d - 1; t < res->P; t++)
                freed[t] -= ri->eff[ne[q].e].v;
        }
        for (t = 0; t < res->P; t++) {
            double run = res->run[OAP_URT(res, u, r, t)];
            char names[300];
            size_t len = 0;
            int line = -1;
            if (freed[t] <= run + 1e-9 * (1 + run))
                continue;
            names[0] = '\0';
            for (q = g; q < h && len < sizeof names; q++) {
                const oap_rini *ri = &res->ini[ne[q].i];
                const oa_initiative *ini = c->p->initiatives.v[ne[q].i];
                size_t k;
                if (ri->es + ri->d - 1 > t ||
                    (q > g && ne[q - 1].i == ne[q].i))
                    continue;
                len += (size_t)snprintf(names + len, sizeof names - len,
                                        "%s'%s'", len ? ", " : "", ini->id);
                /* At the first such <effect> element. */
                for (k = 0; k < ini->effects.n && line < 0; k++)
                    if (ini->effects.v[k].value < 0 &&
                        strcmp(ini->effects.v[k].unit,
                               c->p->units.v[u]->id) == 0 &&
                        strcmp(ini->effects.v[k].resource,
                               c->p->resources.v[r].id) == 0)
                        line = ini->effects.v[k].line;
                if (line < 0)
                    line = ini->line;
            }
            verr(c, line, "<effect>: initiatives %s could free %g %s of "
                 "unit '%s' in period %s, more than its run demand %g "
                 "there (details 8: negative effects may not exceed the "
                 "run work)", names, freed[t], c->p->resources.v[r].id,
                 c->p->units.v[u]->id, c->p->labels[t], run);
            break; /* one error per unit and resource */
        }
    }
    oap_free(freed);
    oap_free(ne);
}

OA_API int oa_plan_check(oa_checked **out, const oa_plan *plan,
                         oa_error *err, oa_error_list *all)
{
    vctx c;
    oa_error_list *errs = NULL;
    int *es = NULL, *lf = NULL, rc = OA_OK;
    oap_resolved *res = NULL;
    size_t i;

    if (out)
        *out = NULL;
    if (err)
        oa_error_clear(err);
    OAP_ARG(out && plan);
    memset(&c, 0, sizeof c);
    c.p = plan;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    c.errs = errs;
    es = oap_calloc(plan->initiatives.n + 1, sizeof(int));
    lf = oap_calloc(plan->initiatives.n + 1, sizeof(int));
    if (es == NULL || lf == NULL) {
        rc = OA_ENOMEM;
        goto out;
    }
    check_horizon(&c);
    check_ids(&c);
    if (c.oom) {
        rc = OA_ENOMEM;
        goto out;
    }
    check_units(&c);
    check_operating_plans(&c);
    check_initiatives(&c);
    check_rest(&c);
    check_windows(&c, es, lf);
    if (c.oom) {
        rc = OA_ENOMEM;
        goto out;
    }
    if (oa_error_list_count(errs) == 0 && plan->P > 0 &&
        (double)plan->units.n * (double)plan->resources.n * plan->P >
            OA_MAX_CELLS)
        verr(&c, plan->h_line,
             "%zu units x %zu resources x %d periods make %.0f capacity "
             "cells, more than %d", plan->units.n, plan->resources.n,
             plan->P,
             (double)plan->units.n * (double)plan->resources.n * plan->P,
             OA_MAX_CELLS);
    if (oa_error_list_count(errs) == 0 && plan->P > 0) {
        rc = resolve(&c, es, lf, &res);
        if (rc != OA_OK)
            goto out;
        check_effects(&c, res);
        check_pins(&c, res);
    }
    if (c.oom) {
        rc = OA_ENOMEM;
        goto out;
    }
    if (plan->P == 0 && oa_error_list_count(errs) == 0) {
        /* A reader reported the broken horizon already. */
        rc = OA_EINVALID;
        goto out;
    }
    if (oa_error_list_count(errs) > 0) {
        oap_error_list_sort(errs, 0);
        if (err)
            *err = *oa_error_list_get(errs, 0);
        for (i = 0; i < oa_error_list_count(errs); i++)
            if (oap_error_list_push(all, oa_error_list_get(errs, i)) != OA_OK) {
                rc = OA_ENOMEM;
                goto out;
            }
        rc = OA_EINVALID;
        goto out;
    }
    *out = oap_calloc(1, sizeof **out);
    if (*out == NULL) {
        rc = OA_ENOMEM;
        goto out;
    }
    (*out)->plan = plan;
    (*out)->gen = plan->gen;
    (*out)->res = res;
    res = NULL;
out:
    if (rc == OA_ENOMEM && err && err->code == OA_OK)
        oap_error_set(err, OA_ENOMEM, plan->source, -1, "out of memory");
    oap_resolved_free(res);
    oap_free(es);
    oap_free(lf);
    oap_free(c.res_idx);
    oap_free(c.obj_idx);
    oap_free(c.unit_idx);
    oap_free(c.ini_idx);
    oa_error_list_free(errs);
    return rc;
}

OA_API int oa_plan_validate(const oa_plan *plan, oa_error *err,
                            oa_error_list *all)
{
    oa_checked *chk = NULL;
    int rc;
    OAP_ARG(plan);
    rc = oa_plan_check(&chk, plan, err, all);
    oa_checked_free(chk);
    return rc;
}

OA_API void oa_checked_free(oa_checked *chk)
{
    if (chk == NULL)
        return;
    oap_resolved_free(chk->res);
    oap_free(chk);
}

OA_API const oa_plan *oa_checked_plan(const oa_checked *chk)
{
    return chk ? chk->plan : NULL;
}

/* The checked plan's unit and resource indexes, for period t. */
static int find_ur(const oa_checked *chk, const char *unit,
                   const char *resource, int t, int *u, int *r)
{
    const oa_plan *plan;
    size_t i;
    OAP_ARG(chk && unit && resource);
    plan = chk->plan;
    if (chk->gen != plan->gen)
        return OA_ESTATE;
    if (t < 1 || t > chk->res->P)
        return OA_EINVAL;
    *u = *r = -1;
    for (i = 0; i < plan->units.n && *u < 0; i++)
        if (strcmp(plan->units.v[i]->id, unit) == 0)
            *u = (int)i;
    for (i = 0; i < plan->resources.n && *r < 0; i++)
        if (strcmp(plan->resources.v[i].id, resource) == 0)
            *r = (int)i;
    return *u < 0 || *r < 0 ? OA_ENOTFOUND : OA_OK;
}

OA_API int oa_checked_capacity_at(double *out, const oa_checked *chk,
                                  const char *unit, const char *resource,
                                  int t)
{
    int u, r, rc;
    OAP_ARG(out);
    rc = find_ur(chk, unit, resource, t, &u, &r);
    if (rc == OA_OK)
        *out = chk->res->cap[OAP_URT(chk->res, u, r, t - 1)];
    return rc;
}

OA_API int oa_checked_run_demand_at(double *out, const oa_checked *chk,
                                    const char *unit, const char *resource,
                                    int t)
{
    int u, r, rc;
    OAP_ARG(out);
    rc = find_ur(chk, unit, resource, t, &u, &r);
    if (rc == OA_OK)
        *out = chk->res->run[OAP_URT(chk->res, u, r, t - 1)];
    return rc;
}

OA_API int oa_checked_start_window(int *earliest, int *latest,
                                   const oa_checked *chk,
                                   const char *initiative)
{
    const oa_plan *plan;
    size_t i;
    OAP_ARG(chk && initiative);
    plan = chk->plan;
    if (chk->gen != plan->gen)
        return OA_ESTATE;
    for (i = 0; i < plan->initiatives.n; i++)
        if (strcmp(plan->initiatives.v[i]->id, initiative) == 0) {
            const oap_rini *ri = &chk->res->ini[i];
            if (earliest)
                *earliest = ri->es;
            if (latest)
                *latest = ri->lf - ri->d + 1;
            return OA_OK;
        }
    return OA_ENOTFOUND;
}
