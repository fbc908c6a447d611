/*
 * Plans and scenarios written back as XML (lib/schema/plan.xsd and
 * scenario.xsd) through the library's XML writer, so that the readers
 * give back an equal plan or scenario.  What the format cannot hold (a
 * NaN, a negative amount, an id with a space, a plan without a horizon)
 * is refused with the element that holds it, never written.
 */
#include "fileio.h"
#include "scenario_int.h"
#include "xw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct wctx {
    oap_xw *x;
    oa_error *err;       /* the first refusal (may be NULL) */
    const char *source;  /* the plan's or scenario's file, for errors */
    const oa_plan *plan; /* the plan written (its places), or NULL */
    int bad;             /* something was refused: the text is dropped */
} wctx;

/* Refuses what an element holds: the writer stops, err says why. */
static void refuse(wctx *c, int line, const char *what, const char *fmt, ...)
    OAP_PRINTF(4, 5);

static void refuse(wctx *c, int line, const char *what, const char *fmt, ...)
{
    char msg[OA_ERROR_TEXT_LENGTH];
    const char *source = c->source;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (c->plan)
        oap_plan_place(c->plan, line, &source, &line);
    if (!c->bad)
        oap_error_set(c->err, OA_EINVALID, source, line,
                      "cannot write %s: %s", what, msg);
    c->bad = 1;
    oap_xw_fail(c->x);
}

static int is_id(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++) {
        char ch = *s;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
              ch == '-'))
            return 0;
    }
    return 1;
}

/* A text attribute (the setters and readers let no text in that XML
 * cannot hold: oap_text_clean). */
static void w_text(wctx *c, const char *name, const char *v)
{
    if (v == NULL)
        return;
    oap_xw_attr_s(c->x, name, v);
}

/* An id attribute (all: "*" allowed too); NULL writes nothing unless
 * required. */
static void w_id(wctx *c, int line, const char *what, const char *name,
                 const char *v, int required, int all)
{
    if (v == NULL) {
        if (required)
            refuse(c, line, what, "%s is missing", name);
        return;
    }
    if (!is_id(v) && !(all && strcmp(v, "*") == 0)) {
        refuse(c, line, what, "%s '%s' is not an id (letters, digits, '_', "
               "'.' and '-'%s)", name, v, all ? ", or * for all" : "");
        return;
    }
    oap_xw_attr_s(c->x, name, v);
}

/* A period reference (a label or an index): not empty. */
static void w_period(wctx *c, int line, const char *what, const char *name,
                     const char *v)
{
    if (v == NULL)
        return;
    if (*v == '\0') {
        refuse(c, line, what, "%s is empty (a period label or index)", name);
        return;
    }
    w_text(c, name, v);
}

/* A number: finite, and at least 0 unless it may have a sign. */
static void w_num(wctx *c, int line, const char *what, const char *name,
                  double v, int sign)
{
    if (!isfinite(v))
        refuse(c, line, what, "%s is not a finite number", name);
    else if (v < 0 && !sign)
        refuse(c, line, what, "%s %g is negative (the format has no sign "
               "there)", name, v);
    else
        oap_xw_attr_d(c->x, name, v);
}

/* A number left out at its default (what the reader takes for none). */
static void w_num_or(wctx *c, int line, const char *what, const char *name,
                     double v, double dflt)
{
    if (v != dflt)
        w_num(c, line, what, name, v, 0);
}

/* A whole number as the schema has it: at most 9 digits, no sign. */
static void w_whole(wctx *c, int line, const char *what, const char *name,
                    int v)
{
    if (v < 0 || v > 999999999)
        refuse(c, line, what, "%s %d is not a whole number from 0 to "
               "999999999", name, v);
    else
        oap_xw_attr_i(c->x, name, v);
}

static void w_true(wctx *c, const char *name, int on)
{
    if (on)
        oap_xw_attr_s(c->x, name, "true");
}

/* "<tag> of KIND 'ID'", for errors. */
static const char *of(char *buf, size_t size, const char *tag,
                      const char *kind, const char *id)
{
    if (id == NULL)
        snprintf(buf, size, "<%s>", tag);
    else if (kind)
        snprintf(buf, size, "<%s> of %s '%s'", tag, kind, id);
    else
        snprintf(buf, size, "<%s> '%s'", tag, id);
    return buf;
}

/* ---- the plan ---- */

static void w_horizon(wctx *c, const oa_plan *p)
{
    static const char *const steps[] = { "month", "quarter", "week" };
    size_t i;
    if (p->has_generated && p->explicit_periods.n > 0) {
        refuse(c, p->h_line, "<horizon>", "the plan has both generated "
               "labels (start, step, periods) and explicit periods; the "
               "format takes one or the other");
        return;
    }
    if (!p->has_generated && p->explicit_periods.n == 0) {
        refuse(c, p->h_line, "<horizon>", "the plan has no horizon");
        return;
    }
    oap_xw_start(c->x, "horizon");
    if (p->has_generated) {
        if (p->h_start == NULL)
            refuse(c, p->h_line, "<horizon>", "start is missing");
        w_text(c, "start", p->h_start);
        /* month is what the reader takes when step is left out */
        if (p->h_step != OA_STEP_MONTH)
            oap_xw_attr_s(c->x, "step", steps[p->h_step]);
        w_whole(c, p->h_line, "<horizon>", "periods", p->h_periods);
    }
    for (i = 0; i < p->explicit_periods.n; i++) {
        const oap_label *l = &p->explicit_periods.v[i];
        oap_xw_start(c->x, "period");
        if (l->label == NULL || l->label[0] == '\0')
            refuse(c, l->line, "<period>", "its label is empty");
        w_text(c, "label", l->label);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
}

static void w_unit(wctx *c, const oa_unit *u)
{
    char what[160];
    size_t k;
    oap_xw_start(c->x, "unit");
    w_id(c, u->line, "<unit>", "id", u->id, 1, 0);
    w_text(c, "name", u->name);
    /* the schema takes the children in any order; each kind keeps its
     * own order, which is all that later-entry-wins needs */
    for (k = 0; k < u->capacity.n; k++) {
        const oa_capacity_info *e = &u->capacity.v[k];
        of(what, sizeof what, "capacity", "unit", u->id);
        oap_xw_start(c->x, "capacity");
        w_id(c, e->line, what, "resource", e->resource, 1, 0);
        w_num(c, e->line, what, "value", e->value, 0);
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        oap_xw_end(c->x);
    }
    for (k = 0; k < u->overtime.n; k++) {
        const oa_overtime_info *e = &u->overtime.v[k];
        of(what, sizeof what, "overtime", "unit", u->id);
        oap_xw_start(c->x, "overtime");
        w_id(c, e->line, what, "resource", e->resource, 1, 0);
        w_num(c, e->line, what, "max", e->max, 0);
        w_num_or(c, e->line, what, "cost", e->cost, 0);
        oap_xw_end(c->x);
    }
    for (k = 0; k < u->contractors.n; k++) {
        const oa_contractors_info *e = &u->contractors.v[k];
        of(what, sizeof what, "contractors", "unit", u->id);
        oap_xw_start(c->x, "contractors");
        w_id(c, e->line, what, "resource", e->resource, 1, 0);
        w_num(c, e->line, what, "max", e->max, 0);
        w_num_or(c, e->line, what, "cost", e->cost, 0);
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        oap_xw_end(c->x);
    }
    for (k = 0; k < u->budget.n; k++) {
        const oa_unit_budget_info *e = &u->budget.v[k];
        of(what, sizeof what, "budget", "unit", u->id);
        oap_xw_start(c->x, "budget");
        w_num(c, e->line, what, "value", e->value, 0);
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
}

static void w_operating_plan(wctx *c, const oa_operating_plan *op)
{
    char what[160];
    size_t k;
    of(what, sizeof what, "operating-plan", "unit", op->unit);
    oap_xw_start(c->x, "operating-plan");
    w_id(c, op->line, what, "unit", op->unit, 1, 0);
    w_text(c, "name", op->name);
    w_num_or(c, op->line, what, "cost", op->cost, 0);
    of(what, sizeof what, "demand", "operating plan",
       op->name ? op->name : op->unit);
    for (k = 0; k < op->demand.n; k++) {
        const oa_demand_info *e = &op->demand.v[k];
        oap_xw_start(c->x, "demand");
        w_id(c, e->line, what, "resource", e->resource, 1, 0);
        if (e->driver) {
            w_num(c, e->line, what, "volume", e->volume, 0);
            w_num(c, e->line, what, "productivity", e->productivity, 0);
        } else {
            w_num(c, e->line, what, "value", e->value, 0);
        }
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        oap_xw_end(c->x);
    }
    if (op->has_service_level) {
        of(what, sizeof what, "service-level", "operating plan",
           op->name ? op->name : op->unit);
        oap_xw_start(c->x, "service-level");
        w_num_or(c, op->sl_line, what, "min", op->sl_min, 1);
        w_num_or(c, op->sl_line, what, "penalty", op->sl_penalty, 0);
        oap_xw_end(c->x);
    }
    of(what, sizeof what, "target", "operating plan",
       op->name ? op->name : op->unit);
    for (k = 0; k < op->targets.n; k++) {
        const oa_target_info *e = &op->targets.v[k];
        oap_xw_start(c->x, "target");
        if (e->name == NULL)
            refuse(c, e->line, what, "name is missing");
        w_text(c, "name", e->name);
        w_num(c, e->line, what, "value", e->value, 1);
        w_text(c, "measure", e->measure);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
}

/* An initiative, in a plan or in a scenario's <add>. */
static void w_initiative(wctx *c, const oa_initiative *ini)
{
    char what[160];
    size_t k;
    int line = ini->line;
    of(what, sizeof what, "initiative", NULL, ini->id);
    oap_xw_start(c->x, "initiative");
    w_id(c, line, what, "id", ini->id, 1, 0);
    w_text(c, "name", ini->name);
    w_id(c, line, what, "owner", ini->owner, 0, 0);
    w_whole(c, line, what, "duration", ini->duration);
    w_period(c, line, what, "earliest", ini->earliest);
    w_period(c, line, what, "deadline", ini->deadline);
    w_num_or(c, line, what, "value", ini->value, 0);
    w_num_or(c, line, what, "benefit-per-period", ini->benefit, 0);
    w_num_or(c, line, what, "cost", ini->cost, 0);
    w_true(c, "mandatory", ini->mandatory);
    w_true(c, "forbidden", ini->forbidden);
    w_period(c, line, what, "pin", ini->pin);
    /* NaN: no price of its own (the solve's) */
    if (!isnan(ini->move_price))
        w_num(c, line, what, "stability", ini->move_price, 0);
    if (!isnan(ini->drop_price))
        w_num(c, line, what, "drop-price", ini->drop_price, 0);
    for (k = 0; k < ini->demand.n; k++) {
        const oa_initiative_demand_info *e = &ini->demand.v[k];
        of(what, sizeof what, "demand", "initiative", ini->id);
        oap_xw_start(c->x, "demand");
        w_id(c, e->line, what, "unit", e->unit, 1, 0);
        w_id(c, e->line, what, "resource", e->resource, 1, 0);
        w_num(c, e->line, what, "value", e->value, 0);
        /* 0: the default (the first and the last of its periods) */
        if (e->first != 0)
            w_whole(c, e->line, what, "first", e->first);
        if (e->last != 0)
            w_whole(c, e->line, what, "last", e->last);
        oap_xw_end(c->x);
    }
    for (k = 0; k < ini->contributions.n; k++) {
        const oa_contribution_info *e = &ini->contributions.v[k];
        of(what, sizeof what, "contributes", "initiative", ini->id);
        oap_xw_start(c->x, "contributes");
        w_id(c, e->line, what, "objective", e->objective, 1, 0);
        w_num(c, e->line, what, "score", e->score, 0);
        oap_xw_end(c->x);
    }
    for (k = 0; k < ini->requirements.n; k++) {
        const oa_requirement_info *e = &ini->requirements.v[k];
        of(what, sizeof what, "requires", "initiative", ini->id);
        oap_xw_start(c->x, "requires");
        w_id(c, e->line, what, "initiative", e->initiative, 1, 0);
        if (e->lag != 0)
            w_whole(c, e->line, what, "lag", e->lag);
        oap_xw_end(c->x);
    }
    for (k = 0; k < ini->exclusions.n; k++) {
        const oa_exclusion_info *e = &ini->exclusions.v[k];
        of(what, sizeof what, "excludes", "initiative", ini->id);
        oap_xw_start(c->x, "excludes");
        w_id(c, e->line, what, "initiative", e->initiative, 1, 0);
        oap_xw_end(c->x);
    }
    for (k = 0; k < ini->effects.n; k++) {
        const oa_effect_info *e = &ini->effects.v[k];
        of(what, sizeof what, "effect", "initiative", ini->id);
        oap_xw_start(c->x, "effect");
        w_id(c, e->line, what, "unit", e->unit, 1, 0);
        w_id(c, e->line, what, "resource", e->resource, 1, 0);
        w_num(c, e->line, what, "value", e->value, 1);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
}

static void w_person(wctx *c, const oa_person *pe)
{
    char what[160];
    size_t k;
    of(what, sizeof what, "person", NULL, pe->id);
    oap_xw_start(c->x, "person");
    w_id(c, pe->line, what, "id", pe->id, 1, 0);
    w_text(c, "name", pe->name);
    w_id(c, pe->line, what, "unit", pe->unit, 1, 0);
    w_id(c, pe->line, what, "resource", pe->resource, 1, 0);
    w_num_or(c, pe->line, what, "fte", pe->fte, 1);
    w_num_or(c, pe->line, what, "development", pe->development, 0);
    if (pe->max_initiatives != 0)
        w_whole(c, pe->line, what, "max-initiatives", pe->max_initiatives);
    of(what, sizeof what, "away", "person", pe->id);
    for (k = 0; k < pe->away.n; k++) {
        const oa_away_info *e = &pe->away.v[k];
        oap_xw_start(c->x, "away");
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        /* without fte the person is away entirely */
        w_num_or(c, e->line, what, "fte", e->fte, OA_AWAY_ALL);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
}

static void w_plan(wctx *c, const oa_plan *p)
{
    size_t i;
    oap_xw_start(c->x, "plan");
    oap_xw_attr_s(c->x, "version", "1");
    w_text(c, "name", p->name);
    w_text(c, "currency", p->currency);
    w_horizon(c, p);
    /* the schema needs at least one resource and one unit */
    if (p->resources.n == 0)
        refuse(c, -1, "<resources>", "the plan has no resource");
    oap_xw_start(c->x, "resources");
    for (i = 0; i < p->resources.n; i++) {
        const oa_resource_info *r = &p->resources.v[i];
        oap_xw_start(c->x, "resource");
        w_id(c, r->line, "<resource>", "id", r->id, 1, 0);
        w_text(c, "name", r->name);
        w_text(c, "measure", r->measure);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
    if (p->objectives.n > 0) {
        oap_xw_start(c->x, "objectives");
        for (i = 0; i < p->objectives.n; i++) {
            const oa_objective_info *o = &p->objectives.v[i];
            char what[160];
            of(what, sizeof what, "objective", NULL, o->id);
            oap_xw_start(c->x, "objective");
            w_id(c, o->line, what, "id", o->id, 1, 0);
            w_text(c, "name", o->name);
            w_num_or(c, o->line, what, "weight", o->weight, 1);
            oap_xw_end(c->x);
        }
        oap_xw_end(c->x);
    }
    if (p->units.n == 0)
        refuse(c, -1, "<units>", "the plan has no unit");
    oap_xw_start(c->x, "units");
    for (i = 0; i < p->units.n; i++)
        w_unit(c, p->units.v[i]);
    oap_xw_end(c->x);
    if (p->ops.n > 0) {
        oap_xw_start(c->x, "operating-plans");
        for (i = 0; i < p->ops.n; i++)
            w_operating_plan(c, p->ops.v[i]);
        oap_xw_end(c->x);
    }
    if (p->initiatives.n > 0) {
        oap_xw_start(c->x, "initiatives");
        for (i = 0; i < p->initiatives.n; i++)
            w_initiative(c, p->initiatives.v[i]);
        oap_xw_end(c->x);
    }
    if (p->loans.n > 0) {
        oap_xw_start(c->x, "sharing");
        for (i = 0; i < p->loans.n; i++) {
            const oa_loan_info *l = &p->loans.v[i];
            char what[160];
            snprintf(what, sizeof what, "<loan> from '%s' to '%s'",
                     l->from ? l->from : "", l->to ? l->to : "");
            oap_xw_start(c->x, "loan");
            w_id(c, l->line, what, "from", l->from, 1, 0);
            w_id(c, l->line, what, "to", l->to, 1, 0);
            w_id(c, l->line, what, "resource", l->resource, 1, 0);
            w_num(c, l->line, what, "max", l->max, 0);
            w_num_or(c, l->line, what, "efficiency", l->efficiency, 1);
            w_num_or(c, l->line, what, "cost", l->cost, 0);
            oap_xw_end(c->x);
        }
        oap_xw_end(c->x);
    }
    if (p->has_total || p->limits.n > 0) {
        oap_xw_start(c->x, "budget");
        if (p->has_total)
            w_num(c, p->total_line, "<budget>", "total", p->total, 0);
        for (i = 0; i < p->limits.n; i++) {
            const oa_limit_info *l = &p->limits.v[i];
            oap_xw_start(c->x, "limit");
            w_period(c, l->line, "<limit>", "from", l->from);
            w_period(c, l->line, "<limit>", "to", l->to);
            w_num(c, l->line, "<limit>", "value", l->value, 0);
            oap_xw_end(c->x);
        }
        oap_xw_end(c->x);
    }
    if (p->people.n > 0) {
        oap_xw_start(c->x, "people");
        for (i = 0; i < p->people.n; i++)
            w_person(c, p->people.v[i]);
        oap_xw_end(c->x);
    }
    oap_xw_end(c->x);
}

/* Writes the document that body makes into *out (OA_EINVALID: refused,
 * err says why). */
static int w_document(char **out, size_t *size, const void *obj,
                      const char *source, oa_error *err,
                      void (*body)(wctx *, const void *))
{
    oap_buf b;
    wctx c;
    int rc;
    memset(&c, 0, sizeof c);
    c.err = err;
    c.source = source;
    rc = oap_xw_begin(&c.x, "  ");
    if (rc != OA_OK)
        return rc;
    body(&c, obj);
    oap_buf_init(&b);
    rc = oap_xw_finish(c.x, &b);
    if (c.bad)
        rc = OA_EINVALID;
    return oap_buf_finish(out, size, &b, rc);
}

static void plan_body(wctx *c, const void *obj)
{
    c->plan = obj;
    w_plan(c, obj);
}

static int plan_write(char **out, size_t *size, const oa_plan *plan,
                      oa_error *err)
{
    return w_document(out, size, plan, plan->source, err, plan_body);
}

OA_API int oa_plan_write(char **out, size_t *size, const oa_plan *plan)
{
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && plan);
    return plan_write(out, size, plan, NULL);
}

OA_API int oa_plan_save(const oa_plan *plan, const char *path, oa_error *err)
{
    char *text = NULL;
    size_t size = 0;
    int rc;
    if (err)
        oa_error_clear(err);
    OAP_ARG(plan && path);
    rc = plan_write(&text, &size, plan, err);
    return oap_save_text(path, text, size, rc, err);
}

/* ---- the scenario ---- */

/* The schema's type of each attribute an <initiative> edit may set. */
enum { T_STRING, T_ID, T_WHOLE, T_PERIOD, T_NUMBER, T_BOOL, T_PIN,
       T_SIGNED_WHOLE };

static int attr_type(const char *attr)
{
    static const struct {
        const char *name;
        int type;
    } types[] = {
        { "name", T_STRING }, { "owner", T_ID }, { "duration", T_WHOLE },
        { "earliest", T_PERIOD }, { "deadline", T_PERIOD },
        { "value", T_NUMBER }, { "benefit-per-period", T_NUMBER },
        { "cost", T_NUMBER }, { "mandatory", T_BOOL },
        { "forbidden", T_BOOL }, { "pin", T_PIN }, { "unpin", T_BOOL },
        { "stability", T_NUMBER }, { "drop-price", T_NUMBER },
        { "scale-value", T_NUMBER }, { "scale-cost", T_NUMBER },
        { "scale-duration", T_NUMBER }, { "slip", T_SIGNED_WHOLE } };
    size_t k;
    for (k = 0; k < sizeof types / sizeof types[0]; k++)
        if (strcmp(types[k].name, attr) == 0)
            return types[k].type;
    return -1;
}

/* The place of an attribute in the reader's order, -1 if none. */
static int attr_rank(const char *attr)
{
    int k;
    for (k = 0; k < OAP_SCENARIO_INI_ATTRS; k++)
        if (strcmp(oap_scenario_ini_attrs[k], attr) == 0)
            return k;
    return -1;
}

/* 1 when s (a token: spaces around it do not count) matches the digits
 * [+-]?[0-9]{1,9} (sign: a sign allowed). */
static int is_whole_text(const char *s, int sign)
{
    size_t n = 0;
    while (*s == ' ')
        s++;
    if (sign && (*s == '+' || *s == '-'))
        s++;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    if (n == 0 || n > 9)
        return 0;
    for (s += n; *s == ' '; s++)
        ;
    return *s == '\0';
}

/* 1 when s (a token) is a number as the schema writes it: digits with an
 * optional point and exponent, no sign. */
static int is_number_text(const char *s)
{
    size_t n = 0, f = 0;
    while (*s == ' ')
        s++;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    s += n;
    if (*s == '.') {
        s++;
        while (s[f] >= '0' && s[f] <= '9')
            f++;
        s += f;
    }
    if (n == 0 && f == 0)
        return 0;
    if (*s == 'e' || *s == 'E') {
        size_t x = 0;
        s++;
        if (*s == '+' || *s == '-')
            s++;
        while (s[x] >= '0' && s[x] <= '9')
            x++;
        if (x == 0)
            return 0;
        s += x;
    }
    while (*s == ' ')
        s++;
    return *s == '\0';
}

static int is_bool_text(const char *s)
{
    size_t n;
    while (*s == ' ')
        s++;
    n = strcspn(s, " ");
    if (s[n + strspn(s + n, " ")] != '\0')
        return 0;
    return (n == 4 && strncmp(s, "true", 4) == 0) ||
           (n == 5 && strncmp(s, "false", 5) == 0) ||
           (n == 1 && (s[0] == '1' || s[0] == '0'));
}

/* An attribute of an <initiative> edit, as it was given. */
static void w_ini_attr(wctx *c, const oap_edit *e, const char *what)
{
    const char *v = e->aval, *want = NULL;
    switch (attr_type(e->attr)) {
    case T_STRING:
    case T_PIN: /* "" releases the pin */
        break;
    case T_ID:
        if (!is_id(v))
            want = "an id (letters, digits, '_', '.' and '-')";
        break;
    case T_WHOLE:
        if (!is_whole_text(v, 0))
            want = "a whole number of at most 9 digits";
        break;
    case T_SIGNED_WHOLE:
        if (!is_whole_text(v, 1))
            want = "a whole number of at most 9 digits, with or without a "
                   "sign";
        break;
    case T_PERIOD:
        if (*v == '\0') {
            refuse(c, e->line, what, "%s is empty (a period label or "
                   "index)", e->attr);
            return;
        }
        break;
    case T_NUMBER:
        if (!is_number_text(v))
            want = "a number of at least 0 (12, 0.5, 1e6)";
        break;
    case T_BOOL:
        if (!is_bool_text(v))
            want = "true, false, 1 or 0";
        break;
    default:
        refuse(c, e->line, what, "initiatives have no attribute '%s'",
               e->attr);
        return;
    }
    if (want)
        refuse(c, e->line, what, "%s '%s' is not %s", e->attr, v, want);
    else
        w_text(c, e->attr, v);
}

/*
 * One <initiative> edit element: a remove and/or attribute edits of one
 * id from one line, in the reader's order of attributes.  Returns the
 * number of edits it wrote.
 */
static size_t w_ini_edit(wctx *c, const oap_edit *v, size_t n)
{
    char what[160];
    size_t k = 0;
    int rank = -1;
    of(what, sizeof what, "initiative", NULL, v[0].id);
    oap_xw_start(c->x, "initiative");
    w_id(c, v[0].line, what, "id", v[0].id, 1, 1);
    if (v[0].kind == OAP_E_REMOVE) {
        oap_xw_attr_s(c->x, "remove", "true");
        k = 1;
    }
    for (; k < n; k++) {
        const oap_edit *e = &v[k];
        int r;
        if (e->kind != OAP_E_INITIATIVE || e->line != v[0].line ||
            strcmp(e->id, v[0].id) != 0)
            break;
        r = attr_rank(e->attr);
        if (r >= 0 && r <= rank)
            break; /* an attribute again, or out of order: next element */
        w_ini_attr(c, e, what);
        if (r < 0)
            break;
        rank = r;
    }
    oap_xw_end(c->x);
    return k > 0 ? k : 1;
}

/* value and/or scale of an amount edit. */
static void w_amount(wctx *c, const oap_edit *e, const char *what)
{
    if (e->has_set)
        w_num(c, e->line, what, "value", e->set, 0);
    if (e->has_scale)
        w_num(c, e->line, what, "scale", e->scale, 0);
}

static void w_lever(wctx *c, const oap_edit *e, const char *what)
{
    if (e->has_max)
        w_num(c, e->line, what, "max", e->max, 0);
    if (e->has_cost)
        w_num(c, e->line, what, "cost", e->cost, 0);
}

/* Writes the edit v[0] (with those after it that share its element);
 * returns how many edits it wrote. */
static size_t w_edit(wctx *c, const oa_scenario *sc, const oap_edit *v,
                     size_t n)
{
    const oap_edit *e = v;
    const char *tag = NULL;
    char what[160];
    size_t used = 1;
    switch (e->kind) {
    case OAP_E_INITIATIVE:
    case OAP_E_REMOVE:
        return w_ini_edit(c, v, n);
    case OAP_E_ADD:
        oap_xw_start(c->x, "add");
        if (sc->staged == NULL || e->staged >= sc->staged->initiatives.n)
            refuse(c, e->line, "<add>", "its initiative is missing");
        else
            w_initiative(c, sc->staged->initiatives.v[e->staged]);
        oap_xw_end(c->x);
        return 1;
    case OAP_E_CAPACITY: tag = "capacity"; break;
    case OAP_E_SCALE: tag = "scale-capacity"; break;
    case OAP_E_CONTRACTORS: tag = "contractors"; break;
    case OAP_E_OVERTIME: tag = "overtime"; break;
    case OAP_E_BUDGET: case OAP_E_BUDGET_SCALE: tag = "budget"; break;
    case OAP_E_LIMIT: tag = "limit"; break;
    case OAP_E_UNIT_BUDGET: tag = "unit-budget"; break;
    case OAP_E_DEMAND: tag = "demand"; break;
    case OAP_E_LOAN: tag = "loan"; break;
    case OAP_E_OPERATING: tag = "operating-plan"; break;
    }
    if (tag == NULL) {
        refuse(c, e->line, "<scenario>", "an edit of an unknown kind");
        return 1;
    }
    of(what, sizeof what, tag, "scenario", sc->name);
    oap_xw_start(c->x, tag);
    switch (e->kind) {
    case OAP_E_CAPACITY:
    case OAP_E_SCALE:
        w_id(c, e->line, what, "unit", e->unit, 1, 1);
        w_id(c, e->line, what, "resource", e->resource, 1, 1);
        w_num(c, e->line, what, e->kind == OAP_E_SCALE ? "factor" : "value",
              e->value, 0);
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        break;
    case OAP_E_CONTRACTORS:
    case OAP_E_OVERTIME:
        w_id(c, e->line, what, "unit", e->unit, 1, 1);
        w_id(c, e->line, what, "resource", e->resource, 1, 1);
        w_lever(c, e, what);
        if (e->kind == OAP_E_CONTRACTORS) {
            w_period(c, e->line, what, "from", e->from);
            w_period(c, e->line, what, "to", e->to);
        }
        break;
    case OAP_E_BUDGET:
        w_num(c, e->line, what, "total", e->value, 0);
        /* <budget total scale/> reads as a total, then a scale */
        if (n > 1 && v[1].kind == OAP_E_BUDGET_SCALE &&
            v[1].line == e->line) {
            w_num(c, e->line, what, "scale", v[1].scale, 0);
            used = 2;
        }
        break;
    case OAP_E_BUDGET_SCALE:
        w_num(c, e->line, what, "scale", e->scale, 0);
        break;
    case OAP_E_LIMIT:
        w_period(c, e->line, what, "from", e->from);
        w_period(c, e->line, what, "to", e->to);
        w_amount(c, e, what);
        break;
    case OAP_E_UNIT_BUDGET:
        w_id(c, e->line, what, "unit", e->unit, 1, 1);
        w_amount(c, e, what);
        break;
    case OAP_E_DEMAND:
        w_id(c, e->line, what, "initiative", e->id, 1, 0);
        w_id(c, e->line, what, "unit", e->unit, 1, 1);
        w_id(c, e->line, what, "resource", e->resource, 1, 1);
        w_amount(c, e, what);
        break;
    case OAP_E_LOAN:
        w_id(c, e->line, what, "from", e->unit, 1, 1);
        w_id(c, e->line, what, "to", e->to, 1, 1);
        w_id(c, e->line, what, "resource", e->resource, 1, 1);
        w_lever(c, e, what);
        break;
    case OAP_E_OPERATING:
        w_id(c, e->line, what, "unit", e->unit, 1, 0);
        if (e->id == NULL)
            refuse(c, e->line, what, "name is missing");
        w_text(c, "name", e->id);
        w_id(c, e->line, what, "resource", e->resource, 1, 1);
        if (e->has_scale)
            w_num(c, e->line, what, "scale", e->scale, 0);
        if (e->has_volume)
            w_num(c, e->line, what, "volume", e->volume, 0);
        if (e->has_prod)
            w_num(c, e->line, what, "productivity", e->prod, 0);
        break;
    default:
        break;
    }
    oap_xw_end(c->x);
    return used;
}

static void scenario_body(wctx *c, const void *obj)
{
    const oa_scenario *sc = obj;
    size_t i = 0;
    oap_xw_start(c->x, "scenario");
    oap_xw_attr_s(c->x, "version", "1");
    w_text(c, "name", sc->name);
    while (i < sc->edits.n && !c->bad)
        i += w_edit(c, sc, sc->edits.v + i, sc->edits.n - i);
    oap_xw_end(c->x);
}

static int scenario_write(char **out, size_t *size, const oa_scenario *sc,
                          oa_error *err)
{
    return w_document(out, size, sc, sc->source, err, scenario_body);
}

OA_API int oa_scenario_write(char **out, size_t *size, const oa_scenario *sc)
{
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && sc);
    return scenario_write(out, size, sc, NULL);
}

OA_API int oa_scenario_save(const oa_scenario *sc, const char *path,
                            oa_error *err)
{
    char *text = NULL;
    size_t size = 0;
    int rc;
    if (err)
        oa_error_clear(err);
    OAP_ARG(sc && path);
    rc = scenario_write(&text, &size, sc, err);
    return oap_save_text(path, text, size, rc, err);
}
