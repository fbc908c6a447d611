/*
 * Plans as workbooks (doc/plan-format.md "Workbooks"): the sheets and
 * their columns, written from a plan as tables (an .xlsx workbook through
 * lib/xlsx_write.c, or a folder of CSV files) and read back from the
 * grids of lib/xlsx_read.c, with every error at its sheet, row and
 * column.  The columns are declared once, below: the writer, the reader,
 * the README sheet and the drop-down lists all take them from here.
 */
#include "opsalign/workbook.h"
#include "plan_int.h"
#include "tables.h"
#include "xlsx_read.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_COLS 16 /* columns of a sheet of the format, at most */

/* What a cell holds (bcol.kind). */
enum {
    K_ID = 1, /* an id: text, spaces around dropped */
    K_TEXT,   /* text as typed */
    K_NUM,    /* a number of at least 0 */
    K_SNUM,   /* a number with a sign */
    K_WHOLE,  /* a whole number from 0 to 999,999,999 */
    K_BOOL,   /* TRUE or FALSE, yes or no, 1 or 0; empty: false */
    K_PERIOD, /* a period: a label, a date typed, or a 1-based index */
    K_CHOICE  /* one of the words of its list */
};

/* The drop-down list of the ids in column A of a sheet. */
#define IDS(s) "=OFFSET(" s "!$A$2,0,0,MAX(1,COUNTA(" s "!$A:$A)-1),1)"

/* A column of a sheet. */
typedef struct bcol {
    const char *name;
    int kind;          /* K_... */
    int required;      /* every row must fill it */
    const char *list;  /* the workbook's drop-down list (tables.h), or NULL */
    const char *help;  /* what it means: the README sheet says it */
} bcol;

#define C(name, kind, req, list, help) { name, kind, req, list, help }

#define FROM_HELP "first period it applies to: a label (2027-03), a date " \
                  "in that period, or a 1-based index; empty: the first"
#define TO_HELP "last period it applies to; empty: the last"

enum { HZ_PLAN, HZ_CURRENCY, HZ_START, HZ_STEP, HZ_PERIODS, HZ_PERIOD };
static const bcol horizon_cols[] = {
    C("plan", K_TEXT, 0, NULL, "the plan's name (first row)"),
    C("currency", K_TEXT, 0, NULL, "the currency amounts are in, for "
      "display (first row)"),
    C("start", K_PERIOD, 0, NULL, "the first period (first row): 2027-01 "
      "for months, 2027-Q1 for quarters, 2027-W01 for ISO weeks"),
    C("step", K_CHOICE, 0, "month,quarter,week", "month, quarter or week "
      "(first row; empty: month)"),
    C("periods", K_WHOLE, 0, NULL, "how many periods (first row)"),
    C("period", K_TEXT, 0, NULL, "in place of start, step and periods: the "
      "label of each period, one per row"),
};

enum { RS_ID, RS_NAME, RS_MEASURE };
static const bcol resources_cols[] = {
    C("id", K_ID, 1, NULL, "the resource's id (letters, digits, _ . -)"),
    C("name", K_TEXT, 0, NULL, "its name"),
    C("measure", K_TEXT, 0, NULL, "the unit it is counted in, for display "
      "(FTE, h)"),
};

enum { OB_ID, OB_NAME, OB_WEIGHT };
static const bcol objectives_cols[] = {
    C("id", K_ID, 1, NULL, "the objective's id"),
    C("name", K_TEXT, 0, NULL, "its name"),
    C("weight", K_NUM, 0, NULL, "value of one point of score (empty: 1)"),
};

enum { UN_ID, UN_NAME };
static const bcol units_cols[] = {
    C("id", K_ID, 1, NULL, "the unit's id"),
    C("name", K_TEXT, 0, NULL, "its name"),
};

enum { CP_UNIT, CP_RESOURCE, CP_VALUE, CP_FROM, CP_TO };
static const bcol capacity_cols[] = {
    C("unit", K_ID, 1, IDS("units"), "the unit"),
    C("resource", K_ID, 1, IDS("resources"), "the resource"),
    C("value", K_NUM, 1, NULL, "what the unit has of it in each period"),
    C("from", K_PERIOD, 0, NULL, FROM_HELP),
    C("to", K_PERIOD, 0, NULL, TO_HELP),
};

enum { LV_UNIT, LV_LEVER, LV_RESOURCE, LV_MAX, LV_COST, LV_FROM, LV_TO };
static const bcol levers_cols[] = {
    C("unit", K_ID, 1, IDS("units"), "the unit"),
    C("lever", K_CHOICE, 1, "overtime,contractors", "overtime (up to max "
      "times its capacity) or contractors (up to max bought per period)"),
    C("resource", K_ID, 1, IDS("resources"), "the resource"),
    C("max", K_NUM, 1, NULL, "overtime: a fraction of capacity; "
      "contractors: an amount per period"),
    C("cost", K_NUM, 0, NULL, "cost per unit of resource per period"),
    C("from", K_PERIOD, 0, NULL, "contractors only: " FROM_HELP),
    C("to", K_PERIOD, 0, NULL, "contractors only: " TO_HELP),
};

enum { BU_KIND, BU_UNIT, BU_FROM, BU_TO, BU_VALUE };
static const bcol budget_cols[] = {
    C("kind", K_CHOICE, 0, "total,limit,unit", "total (the whole "
      "organization, per year), limit (the whole organization over from..to) "
      "or unit (a unit's, per year, or over from..to); empty: unit when a "
      "unit is given, else limit when from or to is, else total"),
    C("unit", K_ID, 0, IDS("units"), "the unit whose spend it caps"),
    C("from", K_PERIOD, 0, NULL, FROM_HELP),
    C("to", K_PERIOD, 0, NULL, TO_HELP),
    C("value", K_NUM, 1, NULL, "the cap on spend"),
};

enum { OP_UNIT, OP_NAME, OP_COST, OP_MIN, OP_PENALTY };
static const bcol ops_cols[] = {
    C("unit", K_ID, 1, IDS("units"), "the unit whose run-the-business "
      "work it is"),
    C("name", K_TEXT, 0, NULL, "its name (tells a unit's operating plans "
      "apart)"),
    C("cost", K_NUM, 0, NULL, "fixed spend per year"),
    C("service-min", K_NUM, 0, NULL, "the share of its work that must be "
      "served, 0 to 1 (empty: 1, or no service level when service-penalty "
      "is empty too)"),
    C("service-penalty", K_NUM, 0, NULL, "the penalty per unit of work not "
      "served per period"),
};

enum { RW_UNIT, RW_OP, RW_RESOURCE, RW_VALUE, RW_VOLUME, RW_PRODUCTIVITY,
       RW_FROM, RW_TO };
static const bcol run_cols[] = {
    C("unit", K_ID, 1, IDS("units"), "the operating plan's unit"),
    C("operating-plan", K_TEXT, 0, NULL, "the operating plan's name (empty "
      "for one without a name)"),
    C("resource", K_ID, 1, IDS("resources"), "the resource"),
    C("value", K_NUM, 0, NULL, "work needed per period; or leave it empty "
      "and give volume and productivity"),
    C("volume", K_NUM, 0, NULL, "driver-based work: volume per period"),
    C("productivity", K_NUM, 0, NULL, "volume one unit of resource handles "
      "per period"),
    C("from", K_PERIOD, 0, NULL, FROM_HELP),
    C("to", K_PERIOD, 0, NULL, TO_HELP),
};

enum { TG_UNIT, TG_OP, TG_NAME, TG_VALUE, TG_MEASURE };
static const bcol targets_cols[] = {
    C("unit", K_ID, 1, IDS("units"), "the operating plan's unit"),
    C("operating-plan", K_TEXT, 0, NULL, "the operating plan's name"),
    C("name", K_TEXT, 1, NULL, "the target (a KPI)"),
    C("value", K_SNUM, 1, NULL, "its value"),
    C("measure", K_TEXT, 0, NULL, "what it is counted in"),
};

enum { IN_ID, IN_NAME, IN_OWNER, IN_DURATION, IN_EARLIEST, IN_DEADLINE,
       IN_VALUE, IN_BENEFIT, IN_COST, IN_MANDATORY, IN_FORBIDDEN, IN_PIN,
       IN_STABILITY, IN_DROP };
static const bcol initiatives_cols[] = {
    C("id", K_ID, 1, NULL, "the initiative's id"),
    C("name", K_TEXT, 0, NULL, "its name"),
    C("owner", K_ID, 0, IDS("units"), "the unit whose budget pays for it"),
    C("duration", K_WHOLE, 1, NULL, "periods it runs (at least 1)"),
    C("earliest", K_PERIOD, 0, NULL, "first period it may start in"),
    C("deadline", K_PERIOD, 0, NULL, "last period it may finish in"),
    C("value", K_NUM, 0, NULL, "what is gained if it is done"),
    C("benefit-per-period", K_NUM, 0, NULL, "value of each whole period of "
      "the horizon left after it finishes"),
    C("cost", K_NUM, 0, NULL, "spend, spread over the periods it runs"),
    C("mandatory", K_BOOL, 0, "TRUE,FALSE", "TRUE: it must be scheduled"),
    C("forbidden", K_BOOL, 0, "TRUE,FALSE", "TRUE: it may not be scheduled"),
    C("pin", K_PERIOD, 0, NULL, "the period it must start in"),
    C("stability", K_NUM, 0, NULL, "price per period its start moves from a "
      "baseline's (empty: the solve's)"),
    C("drop-price", K_NUM, 0, NULL, "price of dropping it when a baseline "
      "had it (empty: the solve's)"),
};

enum { DM_INI, DM_UNIT, DM_RESOURCE, DM_VALUE, DM_FIRST, DM_LAST };
static const bcol demands_cols[] = {
    C("initiative", K_ID, 1, IDS("initiatives"), "the initiative"),
    C("unit", K_ID, 1, IDS("units"), "the unit whose resource it needs"),
    C("resource", K_ID, 1, IDS("resources"), "the resource"),
    C("value", K_NUM, 1, NULL, "needed in each period it runs"),
    C("first", K_WHOLE, 0, NULL, "first period of the initiative that needs "
      "it (1-based; empty: its first)"),
    C("last", K_WHOLE, 0, NULL, "last period of the initiative that needs it "
      "(empty: its last)"),
};

enum { CT_INI, CT_OBJECTIVE, CT_SCORE };
static const bcol contributions_cols[] = {
    C("initiative", K_ID, 1, IDS("initiatives"), "the initiative"),
    C("objective", K_ID, 1, IDS("objectives"), "the objective"),
    C("score", K_NUM, 1, NULL, "points it scores"),
};

enum { DP_INI, DP_REQUIRES, DP_EXCLUDES, DP_LAG };
static const bcol dependencies_cols[] = {
    C("initiative", K_ID, 1, IDS("initiatives"), "the initiative"),
    C("requires", K_ID, 0, IDS("initiatives"), "an initiative that must "
      "finish before it starts (and be chosen for it to be)"),
    C("excludes", K_ID, 0, IDS("initiatives"), "or: an initiative that "
      "cannot be chosen with it"),
    C("lag", K_WHOLE, 0, NULL, "requires: periods between that one's finish "
      "and this one's start (empty: 0)"),
};

enum { EF_INI, EF_UNIT, EF_RESOURCE, EF_VALUE };
static const bcol effects_cols[] = {
    C("initiative", K_ID, 1, IDS("initiatives"), "the initiative"),
    C("unit", K_ID, 1, IDS("units"), "the unit whose run work changes"),
    C("resource", K_ID, 1, IDS("resources"), "the resource"),
    C("value", K_SNUM, 1, NULL, "change in run work per period once it has "
      "finished (negative frees capacity)"),
};

enum { LN_FROM, LN_TO, LN_RESOURCE, LN_MAX, LN_EFFICIENCY, LN_COST };
static const bcol loans_cols[] = {
    C("from", K_ID, 1, IDS("units"), "the unit that lends"),
    C("to", K_ID, 1, IDS("units"), "the unit that receives (and pays)"),
    C("resource", K_ID, 1, IDS("resources"), "the resource"),
    C("max", K_NUM, 1, NULL, "most lent per period"),
    C("efficiency", K_NUM, 0, NULL, "what one unit lent yields at the "
      "receiver, above 0 and at most 1 (empty: 1)"),
    C("cost", K_NUM, 0, NULL, "cost per unit lent per period"),
};

enum { PE_ID, PE_NAME, PE_UNIT, PE_RESOURCE, PE_FTE, PE_DEVELOPMENT,
       PE_MAX };
static const bcol people_cols[] = {
    C("id", K_ID, 1, NULL, "the person's id"),
    C("name", K_TEXT, 0, NULL, "the name"),
    C("unit", K_ID, 1, IDS("units"), "the unit"),
    C("resource", K_ID, 1, IDS("resources"), "the resource they are"),
    C("fte", K_NUM, 0, NULL, "full-time equivalent (empty: 1)"),
    C("development", K_NUM, 0, NULL, "share of time set aside for "
      "development"),
    C("max-initiatives", K_WHOLE, 0, NULL, "most initiatives at once "
      "(empty: no cap)"),
};

enum { AW_PERSON, AW_FROM, AW_TO, AW_FTE };
static const bcol away_cols[] = {
    C("person", K_ID, 1, IDS("people"), "the person"),
    C("from", K_PERIOD, 0, NULL, FROM_HELP),
    C("to", K_PERIOD, 0, NULL, TO_HELP),
    C("fte", K_NUM, 0, NULL, "the fte away (empty: all of it)"),
};

enum { S_HORIZON, S_RESOURCES, S_OBJECTIVES, S_UNITS, S_CAPACITY, S_LEVERS,
       S_BUDGET, S_OPS, S_RUN, S_TARGETS, S_INITIATIVES, S_DEMANDS,
       S_CONTRIBUTIONS, S_DEPENDENCIES, S_EFFECTS, S_LOANS, S_PEOPLE,
       S_AWAY, NSHEETS };

typedef struct bsheet {
    const char *name;
    const char *title;
    const bcol *cols;
    size_t ncols;
    int required;
} bsheet;

#define SHEET(name, cols, req, title) \
    { name, title, cols, sizeof cols / sizeof cols[0], req }

static const bsheet sheets[NSHEETS] = {
    SHEET("horizon", horizon_cols, 1, "the plan's name and its periods"),
    SHEET("resources", resources_cols, 1, "kinds of capacity"),
    SHEET("objectives", objectives_cols, 0, "corporate objectives that "
          "initiatives score on"),
    SHEET("units", units_cols, 1, "operating units"),
    SHEET("capacity", capacity_cols, 0, "what each unit has, per period "
          "(later rows win)"),
    SHEET("levers", levers_cols, 0, "overtime and contractors"),
    SHEET("budget", budget_cols, 0, "caps on spend"),
    SHEET("operating-plans", ops_cols, 0, "run-the-business work of each "
          "unit"),
    SHEET("run-work", run_cols, 0, "the work of each operating plan"),
    SHEET("targets", targets_cols, 0, "goal targets reported with an "
          "operating plan"),
    SHEET("initiatives", initiatives_cols, 0, "change initiatives"),
    SHEET("demands", demands_cols, 0, "what each initiative needs of "
          "units' resources"),
    SHEET("contributions", contributions_cols, 0, "initiatives' scores on "
          "objectives"),
    SHEET("dependencies", dependencies_cols, 0, "requires and excludes"),
    SHEET("effects", effects_cols, 0, "changes in run work after an "
          "initiative finishes"),
    SHEET("loans", loans_cols, 0, "staff one unit may lend another"),
    SHEET("people", people_cols, 0, "named people"),
    SHEET("away", away_cols, 0, "periods people are away"),
};

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */
/* ---------------------------------------------------------------------- */

static void put_text(oap_table *t, const char *s)
{
    oap_table_put(t, s && *s ? OAP_CELL_TEXT : OAP_CELL_EMPTY, s, 0);
}

static void put_num(oap_table *t, double v)
{
    oap_table_put(t, OAP_CELL_NUMBER, NULL, v);
}

/* A number left empty at its default. */
static void put_num_or(oap_table *t, double v, double dflt)
{
    if (v == dflt)
        oap_table_put(t, OAP_CELL_EMPTY, NULL, 0);
    else
        put_num(t, v);
}

static void put_whole_or0(oap_table *t, int v)
{
    if (v == 0)
        oap_table_put(t, OAP_CELL_EMPTY, NULL, 0);
    else
        oap_table_put(t, OAP_CELL_INT, NULL, v);
}

static void put_empty(oap_table *t, size_t n)
{
    while (n-- > 0)
        oap_table_put(t, OAP_CELL_EMPTY, NULL, 0);
}

static void put_bool(oap_table *t, int on)
{
    put_text(t, on ? "TRUE" : NULL);
}

static void w_horizon(oap_table *t, const oa_plan *p)
{
    static const char *const steps[] = { "month", "quarter", "week" };
    size_t i, n = p->explicit_periods.n;
    put_text(t, p->name);
    put_text(t, p->currency);
    if (p->has_generated) {
        put_text(t, p->h_start);
        put_text(t, steps[p->h_step]);
        oap_table_put(t, OAP_CELL_INT, NULL, p->h_periods);
    } else {
        put_empty(t, 3);
    }
    put_text(t, n > 0 ? p->explicit_periods.v[0].label : NULL);
    for (i = 1; i < n; i++) {
        put_empty(t, HZ_PERIOD);
        put_text(t, p->explicit_periods.v[i].label);
    }
}

static void w_units(oap_table *t, const oa_plan *p, int sheet)
{
    size_t i, k;
    for (i = 0; i < p->units.n; i++) {
        const oa_unit *u = p->units.v[i];
        switch (sheet) {
        case S_UNITS:
            put_text(t, u->id);
            put_text(t, u->name);
            break;
        case S_CAPACITY:
            for (k = 0; k < u->capacity.n; k++) {
                const oa_capacity_info *e = &u->capacity.v[k];
                put_text(t, u->id);
                put_text(t, e->resource);
                put_num(t, e->value);
                put_text(t, e->from);
                put_text(t, e->to);
            }
            break;
        case S_LEVERS:
            for (k = 0; k < u->overtime.n; k++) {
                const oa_overtime_info *e = &u->overtime.v[k];
                put_text(t, u->id);
                put_text(t, "overtime");
                put_text(t, e->resource);
                put_num(t, e->max);
                put_num_or(t, e->cost, 0);
                put_empty(t, 2);
            }
            for (k = 0; k < u->contractors.n; k++) {
                const oa_contractors_info *e = &u->contractors.v[k];
                put_text(t, u->id);
                put_text(t, "contractors");
                put_text(t, e->resource);
                put_num(t, e->max);
                put_num_or(t, e->cost, 0);
                put_text(t, e->from);
                put_text(t, e->to);
            }
            break;
        case S_BUDGET:
            for (k = 0; k < u->budget.n; k++) {
                const oa_unit_budget_info *e = &u->budget.v[k];
                put_text(t, "unit");
                put_text(t, u->id);
                put_text(t, e->from);
                put_text(t, e->to);
                put_num(t, e->value);
            }
            break;
        }
    }
}

static void w_budget(oap_table *t, const oa_plan *p)
{
    size_t i;
    if (p->has_total) {
        put_text(t, "total");
        put_empty(t, 3);
        put_num(t, p->total);
    }
    for (i = 0; i < p->limits.n; i++) {
        const oa_limit_info *l = &p->limits.v[i];
        put_text(t, "limit");
        put_empty(t, 1);
        put_text(t, l->from);
        put_text(t, l->to);
        put_num(t, l->value);
    }
    w_units(t, p, S_BUDGET);
}

static void w_ops(oap_table *t, const oa_plan *p, int sheet)
{
    size_t i, k;
    for (i = 0; i < p->ops.n; i++) {
        const oa_operating_plan *op = p->ops.v[i];
        if (sheet == S_OPS) {
            put_text(t, op->unit);
            put_text(t, op->name);
            put_num_or(t, op->cost, 0);
            if (op->has_service_level) {
                /* min written even at 1: the row says there is one */
                put_num(t, op->sl_min);
                put_num_or(t, op->sl_penalty, 0);
            } else {
                put_empty(t, 2);
            }
        }
        for (k = 0; sheet == S_RUN && k < op->demand.n; k++) {
            const oa_demand_info *e = &op->demand.v[k];
            put_text(t, op->unit);
            put_text(t, op->name);
            put_text(t, e->resource);
            if (e->driver) {
                put_empty(t, 1);
                put_num(t, e->volume);
                put_num(t, e->productivity);
            } else {
                put_num(t, e->value);
                put_empty(t, 2);
            }
            put_text(t, e->from);
            put_text(t, e->to);
        }
        for (k = 0; sheet == S_TARGETS && k < op->targets.n; k++) {
            const oa_target_info *e = &op->targets.v[k];
            put_text(t, op->unit);
            put_text(t, op->name);
            put_text(t, e->name);
            put_num(t, e->value);
            put_text(t, e->measure);
        }
    }
}

static void w_initiatives(oap_table *t, const oa_plan *p, int sheet)
{
    size_t i, k;
    for (i = 0; i < p->initiatives.n; i++) {
        const oa_initiative *ini = p->initiatives.v[i];
        switch (sheet) {
        case S_INITIATIVES:
            put_text(t, ini->id);
            put_text(t, ini->name);
            put_text(t, ini->owner);
            oap_table_put(t, OAP_CELL_INT, NULL, ini->duration);
            put_text(t, ini->earliest);
            put_text(t, ini->deadline);
            put_num_or(t, ini->value, 0);
            put_num_or(t, ini->benefit, 0);
            put_num_or(t, ini->cost, 0);
            put_bool(t, ini->mandatory);
            put_bool(t, ini->forbidden);
            put_text(t, ini->pin);
            put_num(t, ini->move_price);  /* NaN: an empty cell */
            put_num(t, ini->drop_price);
            break;
        case S_DEMANDS:
            for (k = 0; k < ini->demand.n; k++) {
                const oa_initiative_demand_info *e = &ini->demand.v[k];
                put_text(t, ini->id);
                put_text(t, e->unit);
                put_text(t, e->resource);
                put_num(t, e->value);
                put_whole_or0(t, e->first);
                put_whole_or0(t, e->last);
            }
            break;
        case S_CONTRIBUTIONS:
            for (k = 0; k < ini->contributions.n; k++) {
                put_text(t, ini->id);
                put_text(t, ini->contributions.v[k].objective);
                put_num(t, ini->contributions.v[k].score);
            }
            break;
        case S_DEPENDENCIES:
            for (k = 0; k < ini->requirements.n; k++) {
                put_text(t, ini->id);
                put_text(t, ini->requirements.v[k].initiative);
                put_empty(t, 1);
                put_whole_or0(t, ini->requirements.v[k].lag);
            }
            for (k = 0; k < ini->exclusions.n; k++) {
                put_text(t, ini->id);
                put_empty(t, 1);
                put_text(t, ini->exclusions.v[k].initiative);
                put_empty(t, 1);
            }
            break;
        case S_EFFECTS:
            for (k = 0; k < ini->effects.n; k++) {
                const oa_effect_info *e = &ini->effects.v[k];
                put_text(t, ini->id);
                put_text(t, e->unit);
                put_text(t, e->resource);
                put_num(t, e->value);
            }
            break;
        }
    }
}

static void w_people(oap_table *t, const oa_plan *p, int sheet)
{
    size_t i, k;
    for (i = 0; i < p->people.n; i++) {
        const oa_person *pe = p->people.v[i];
        if (sheet == S_PEOPLE) {
            put_text(t, pe->id);
            put_text(t, pe->name);
            put_text(t, pe->unit);
            put_text(t, pe->resource);
            put_num_or(t, pe->fte, 1);
            put_num_or(t, pe->development, 0);
            put_whole_or0(t, pe->max_initiatives);
            continue;
        }
        for (k = 0; k < pe->away.n; k++) {
            const oa_away_info *e = &pe->away.v[k];
            put_text(t, pe->id);
            put_text(t, e->from);
            put_text(t, e->to);
            put_num_or(t, e->fte, OA_AWAY_ALL);
        }
    }
}

static void w_sheet(oap_table *t, const oa_plan *p, int s)
{
    size_t i;
    switch (s) {
    case S_HORIZON:
        w_horizon(t, p);
        break;
    case S_RESOURCES:
        for (i = 0; i < p->resources.n; i++) {
            put_text(t, p->resources.v[i].id);
            put_text(t, p->resources.v[i].name);
            put_text(t, p->resources.v[i].measure);
        }
        break;
    case S_OBJECTIVES:
        for (i = 0; i < p->objectives.n; i++) {
            put_text(t, p->objectives.v[i].id);
            put_text(t, p->objectives.v[i].name);
            put_num_or(t, p->objectives.v[i].weight, 1);
        }
        break;
    case S_UNITS:
    case S_CAPACITY:
    case S_LEVERS:
        w_units(t, p, s);
        break;
    case S_BUDGET:
        w_budget(t, p);
        break;
    case S_OPS:
    case S_RUN:
    case S_TARGETS:
        w_ops(t, p, s);
        break;
    case S_LOANS:
        for (i = 0; i < p->loans.n; i++) {
            const oa_loan_info *l = &p->loans.v[i];
            put_text(t, l->from);
            put_text(t, l->to);
            put_text(t, l->resource);
            put_num(t, l->max);
            put_num_or(t, l->efficiency, 1);
            put_num_or(t, l->cost, 0);
        }
        break;
    case S_PEOPLE:
    case S_AWAY:
        w_people(t, p, s);
        break;
    default:
        w_initiatives(t, p, s);
        break;
    }
}

static int cmp_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The id two of ids[0..n-1] share, or NULL (*rc OA_ENOMEM on failure). */
static const char *shared_id(const char *const *ids, size_t n, int *rc)
{
    const char **v = oap_malloc((n ? n : 1) * sizeof *v);
    const char *dup = NULL;
    size_t i;
    if (v == NULL) {
        *rc = OA_ENOMEM;
        return NULL;
    }
    for (i = 0; i < n; i++)
        v[i] = ids[i] ? ids[i] : "";
    qsort(v, n, sizeof *v, cmp_id);
    for (i = 1; i < n && dup == NULL; i++)
        if (strcmp(v[i - 1], v[i]) == 0)
            dup = v[i];
    oap_free(v);
    return dup;
}

/* The rows of a kind's children name their parent by id: two units,
 * initiatives or people with one id cannot be written apart. */
#define SHARED(p, vec, kind, err, rc)                                       \
    do {                                                                    \
        const char **ids_ = oap_malloc(((vec).n ? (vec).n : 1) *            \
                                       sizeof *ids_);                       \
        const char *d_;                                                     \
        size_t k_;                                                          \
        if (ids_ == NULL) {                                                 \
            rc = OA_ENOMEM;                                                 \
            break;                                                          \
        }                                                                   \
        for (k_ = 0; k_ < (vec).n; k_++)                                    \
            ids_[k_] = (vec).v[k_]->id;                                     \
        d_ = shared_id(ids_, (vec).n, &rc);                                 \
        oap_free(ids_);                                                     \
        if (d_ && rc == OA_OK) {                                            \
            oap_error_set(err, OA_EINVALID, (p)->source, -1, "cannot write " \
                          "a workbook: two %s have the id '%s', which the " \
                          "rows that name it could not tell apart", kind,   \
                          d_);                                              \
            rc = OA_EINVALID;                                               \
        }                                                                   \
    } while (0)

/* What XML cannot hold, a workbook cannot either (oa_plan_write says
 * what); and rows of run work name their operating plan by unit and
 * name, rows of a unit's, an initiative's or a person's by its id. */
static int writable(const oa_plan *p, oa_error *err)
{
    char *xml = NULL;
    size_t i, j;
    int rc = oa_plan_write(&xml, NULL, p);
    oa_free(xml);
    if (rc == OA_EINVALID) /* again, for the message */
        rc = oa_plan_save(p, "/dev/null", err);
    else if (rc != OA_OK)
        oap_error_set(err, rc, p->source, -1, "out of memory");
    for (i = 0; rc == OA_OK && i < p->ops.n; i++)
        for (j = 0; j < i; j++) {
            const oa_operating_plan *a = p->ops.v[i], *b = p->ops.v[j];
            const char *na = a->name ? a->name : "";
            const char *nb = b->name ? b->name : "";
            if (a->unit && b->unit && strcmp(a->unit, b->unit) == 0 &&
                strcmp(na, nb) == 0) {
                const char *source;
                int line = a->line;
                oap_plan_place(p, line, &source, &line);
                oap_error_set(err, OA_EINVALID, source, line,
                              "cannot write a workbook: unit '%s' has two "
                              "operating plans named '%s', which its "
                              "run-work rows could not tell apart",
                              a->unit, na);
                rc = OA_EINVALID;
                break;
            }
        }
    for (i = 0; rc == OA_OK && i < p->explicit_periods.n; i++) {
        const oap_label *l = &p->explicit_periods.v[i];
        if (l->label && l->label[strspn(l->label, " \t\r\n")] == '\0') {
            const char *source;
            int line = l->line;
            oap_plan_place(p, line, &source, &line);
            oap_error_set(err, OA_EINVALID, source, line, "cannot write a "
                          "workbook: a period label of spaces only, which "
                          "a cell holds as empty");
            rc = OA_EINVALID;
        }
    }
    if (rc == OA_OK)
        SHARED(p, p->units, "units", err, rc);
    if (rc == OA_OK)
        SHARED(p, p->initiatives, "initiatives", err, rc);
    if (rc == OA_OK)
        SHARED(p, p->people, "people", err, rc);
    return rc;
}

/* The tables of a plan, and the columns they point at. */
typedef struct ptables {
    oap_table t[NSHEETS];
    oap_column cols[NSHEETS][MAX_COLS];
    const char *lists[NSHEETS][MAX_COLS];
} ptables;

static int plan_tables(ptables *pt, const oa_plan *p)
{
    int s;
    size_t k;
    memset(pt, 0, sizeof *pt);
    for (s = 0; s < NSHEETS; s++) {
        oap_table *t = &pt->t[s];
        for (k = 0; k < sheets[s].ncols; k++) {
            pt->cols[s][k].name = sheets[s].cols[k].name;
            pt->cols[s][k].style = OAP_STYLE_PLAIN;
            pt->cols[s][k].help = sheets[s].cols[k].help;
            pt->lists[s][k] = sheets[s].cols[k].list;
        }
        t->name = sheets[s].name;
        t->title = sheets[s].title;
        t->cols = pt->cols[s];
        t->ncols = sheets[s].ncols;
        t->lists = pt->lists[s];
        w_sheet(t, p, s);
        if (t->failed)
            return OA_ENOMEM;
    }
    return OA_OK;
}

static void free_tables(ptables *pt)
{
    int s;
    for (s = 0; s < NSHEETS; s++)
        oap_free(pt->t[s].cells.v);
}

OA_API int oa_plan_write_workbook(char **out, size_t *size,
                                  const oa_plan *plan, oa_error *err)
{
    ptables *pt;
    int rc;
    oa_error_clear(err);
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && size && plan);
    rc = writable(plan, err);
    if (rc != OA_OK)
        return rc;
    pt = oap_malloc(sizeof *pt);
    rc = pt ? plan_tables(pt, plan) : OA_ENOMEM;
    if (rc == OA_OK)
        rc = oap_tables_xlsx(out, size, "A plan of libopsalign "
                             "(doc/plan-format.md \"Workbooks\")",
                             plan->name, pt->t, NSHEETS);
    if (pt)
        free_tables(pt);
    oap_free(pt);
    if (rc != OA_OK)
        oap_error_set(err, rc, NULL, -1, rc == OA_EIO
                      ? "cannot build the workbook in the temporary folder "
                        "($TMPDIR or /tmp)"
                      : "out of memory");
    return rc;
}

OA_API int oa_plan_save_workbook(const oa_plan *plan, const char *path,
                                 oa_workbook_kind kind, oa_error *err)
{
    ptables *pt;
    char *data = NULL;
    size_t size = 0;
    int rc;
    oa_error_clear(err);
    if (plan == NULL || path == NULL || path[0] == '\0' ||
        (kind != OA_WORKBOOK_XLSX && kind != OA_WORKBOOK_CSV)) {
        oap_error_set(err, OA_EINVAL, path, -1, "a plan, a path and "
                      "OA_WORKBOOK_XLSX or OA_WORKBOOK_CSV");
        return OA_EINVAL;
    }
    if (kind == OA_WORKBOOK_XLSX) {
        rc = oa_plan_write_workbook(&data, &size, plan, err);
        if (rc == OA_OK)
            rc = oa_file_save(path, data, size, err);
        oa_free(data);
        return rc;
    }
    rc = writable(plan, err);
    if (rc != OA_OK)
        return rc;
    pt = oap_malloc(sizeof *pt);
    rc = pt ? plan_tables(pt, plan) : OA_ENOMEM;
    if (rc == OA_OK)
        rc = oap_tables_save_csv(path, pt->t, NSHEETS, err);
    else
        oap_error_set(err, rc, path, -1, "out of memory");
    if (pt)
        free_tables(pt);
    oap_free(pt);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */
/* ---------------------------------------------------------------------- */

#define MAX_ERRORS 100

typedef struct idx_entry {
    const char *id;
    void *obj;
} idx_entry;

typedef struct index {
    idx_entry *v;
    size_t n;
} idindex;

typedef struct bctx {
    const oap_book *b;
    oa_plan *p;
    oa_error_list *errs;
    int rc;           /* OA_ENOMEM or OA_ELIMIT: stop */
    size_t nerr;      /* errors reported */
    int sheet;        /* the book's sheet being read */
    const bsheet *sp;
    int map[MAX_COLS];/* column of the spec -> column of the sheet, or -1 */
    int row;          /* 0-based */
    oap_arena scratch;/* trimmed texts, labels of dates */
    const char *place_src; /* the sheet's source for places */
    idindex units, inis, people;
    int strict;       /* references checked (not with no_validate) */
    int total_row;    /* the budget's total, seen (row + 1) */
} bctx;

static int too_many(bctx *c)
{
    return c->rc != OA_OK || c->nerr >= MAX_ERRORS;
}

static void push_error(bctx *c, int row, int col, const char *colname,
                       const char *msg)
{
    int rc;
    if (too_many(c))
        return;
    if (colname && (col < 0 || oap_book_is_csv(c->b)))
        rc = oap_book_error(c->errs, OA_EINVALID, c->b, c->sheet, row, col,
                            "%s: %s", colname, msg);
    else
        rc = oap_book_error(c->errs, OA_EINVALID, c->b, c->sheet, row, col,
                            "%s", msg);
    if (rc != OA_OK)
        c->rc = rc;
    if (++c->nerr == MAX_ERRORS && c->rc == OA_OK &&
        oap_book_error(c->errs, OA_EINVALID, c->b, -1, 0, 0, "too many "
                       "errors; the first %d are shown", MAX_ERRORS) != OA_OK)
        c->rc = OA_ENOMEM;
}

/* An error at column k of the spec in the current row. */
static void cerr(bctx *c, int k, const char *fmt, ...) OAP_PRINTF(3, 4);

static void cerr(bctx *c, int k, const char *fmt, ...)
{
    char msg[OA_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    push_error(c, c->row, c->map[k], c->sp->cols[k].name, msg);
}

/* An error about the row as a whole (at its first column). */
static void rerr(bctx *c, const char *fmt, ...) OAP_PRINTF(2, 3);

static void rerr(bctx *c, const char *fmt, ...)
{
    char msg[OA_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    push_error(c, c->row, -1, NULL, msg);
}

static const char *scratch(bctx *c, const char *s, size_t n)
{
    char *tmp = oap_malloc(n + 1);
    const char *r = NULL;
    if (tmp) {
        memcpy(tmp, s, n);
        tmp[n] = '\0';
        r = oap_arena_str(&c->scratch, tmp);
        oap_free(tmp);
    }
    if (r == NULL)
        c->rc = OA_ENOMEM;
    return r;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static const char *trim(bctx *c, const char *s)
{
    size_t n;
    while (is_space(*s))
        s++;
    n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        n--;
    return s[n] == '\0' ? s : scratch(c, s, n);
}

/* The text of a cell as typed: in a CSV file the library wrote, a text
 * that a spreadsheet would take for a formula has an apostrophe before
 * it (oap_csv_str), which is not part of it. */
static const char *text_of(const bctx *c, const oap_xcell *x)
{
    if (x->kind == OAP_X_TEXT && oap_book_is_csv(c->b) && x->text[0] == '\'' &&
        x->text[1] && strchr("=+-@\t\r", x->text[1]))
        return x->text + 1;
    return x->text;
}

static const oap_xcell *at(const bctx *c, int k)
{
    return oap_book_cell(c->b, c->sheet, c->map[k] < 0 ? -1 : c->row,
                         c->map[k] < 0 ? 0 : c->map[k]);
}

/* The cell of column k: 1 something, 0 empty (or only spaces), -1 a
 * formula without a value or an error value (reported). */
static int raw(bctx *c, int k, const oap_xcell **out)
{
    const oap_xcell *x = at(c, k);
    const char *s;
    *out = x;
    if (x->kind == OAP_X_ERROR) {
        cerr(c, k, "the cell holds the error %s%s", x->text,
             x->flags & OAP_X_FORMULA ? " (from its formula)" : "");
        return -1;
    }
    if ((x->flags & OAP_X_FORMULA) && oap_book_uncalculated(c->b)) {
        cerr(c, k, "a formula in a workbook that was never calculated (the "
             "program that wrote it left that to a spreadsheet program): "
             "open it in one and save it, or type the value");
        return -1;
    }
    if (x->kind == OAP_X_EMPTY) {
        if (x->flags & OAP_X_FORMULA) {
            cerr(c, k, "a formula without a saved value (open the workbook "
                 "in a spreadsheet program and save it, or type the value)");
            return -1;
        }
        return 0;
    }
    if (x->kind == OAP_X_TEXT) {
        for (s = x->text; is_space(*s); s++)
            ;
        if (*s == '\0')
            return 0;
    }
    return 1;
}

/* An empty cell where the column is required. */
static int need(bctx *c, int k, int st)
{
    if (st == 0 && c->sp->cols[k].required)
        cerr(c, k, "empty: every row needs its %s", c->sp->cols[k].name);
    return st;
}

static int v_text(bctx *c, int k, const char **out)
{
    const oap_xcell *x;
    int st = raw(c, k, &x);
    *out = NULL;
    if (st > 0)
        *out = text_of(c, x);
    return need(c, k, st);
}

static int v_id(bctx *c, int k, const char **out)
{
    const oap_xcell *x;
    int st = raw(c, k, &x);
    *out = NULL;
    if (st > 0 && x->kind == OAP_X_BOOL) {
        cerr(c, k, "%s is not an id", x->text);
        return -1;
    }
    if (st > 0)
        *out = trim(c, text_of(c, x));
    return need(c, k, *out || st <= 0 ? st : -1);
}

static int v_num(bctx *c, int k, double *out)
{
    const oap_xcell *x;
    int st = raw(c, k, &x);
    double v = 0;
    if (st > 0) {
        if (x->kind == OAP_X_BOOL || !oap_xcell_number(x, &v)) {
            if (x->kind == OAP_X_TEXT && strchr(x->text, ',') &&
                strspn(x->text, "0123456789,.- ") == strlen(x->text))
                cerr(c, k, "'%s' is not a number: type it without "
                     "thousands separators, with '.' for decimals",
                     x->text);
            else
                cerr(c, k, "'%s' is not a number", x->text);
            return -1;
        }
        if (!isfinite(v)) {
            cerr(c, k, "'%s' is not a finite number", x->text);
            return -1;
        }
        if (v < 0 && c->sp->cols[k].kind != K_SNUM) {
            cerr(c, k, "%s is negative", x->text);
            return -1;
        }
        *out = v;
    }
    return need(c, k, st);
}

static int v_whole(bctx *c, int k, int *out)
{
    double v = 0;
    int st = v_num(c, k, &v);
    if (st > 0) {
        if (v != floor(v) || v > 999999999) {
            cerr(c, k, "%s is not a whole number from 0 to 999999999",
                 at(c, k)->text);
            return -1;
        }
        *out = (int)v;
    }
    return st;
}

static int v_bool(bctx *c, int k, int *out)
{
    static const char *const yes[] = { "true", "yes", "y", "1", "x" };
    static const char *const no[] = { "false", "no", "n", "0" };
    const oap_xcell *x;
    int st = raw(c, k, &x);
    size_t i;
    *out = 0;
    if (st <= 0)
        return st;
    if (x->kind == OAP_X_BOOL || x->kind == OAP_X_NUMBER) {
        if (x->num == 0 || x->num == 1) {
            *out = x->num == 1;
            return 1;
        }
    } else {
        const char *s = trim(c, x->text);
        for (i = 0; s && i < sizeof yes / sizeof yes[0]; i++)
            if (strcasecmp(s, yes[i]) == 0) {
                *out = 1;
                return 1;
            }
        for (i = 0; s && i < sizeof no / sizeof no[0]; i++)
            if (strcasecmp(s, no[i]) == 0)
                return 1;
    }
    cerr(c, k, "'%s' is not TRUE or FALSE", x->text);
    return -1;
}

static int v_choice(bctx *c, int k, int *out)
{
    char buf[128], *words[8], *p, *save = NULL;
    size_t n = 0, i;
    const oap_xcell *x;
    const char *s, *dym;
    int st = raw(c, k, &x);
    if (st <= 0)
        return need(c, k, st);
    s = trim(c, text_of(c, x));
    if (s == NULL)
        return -1;
    oap_strlcpy(buf, c->sp->cols[k].list, sizeof buf);
    for (p = strtok_r(buf, ",", &save); p && n < 8;
         p = strtok_r(NULL, ",", &save))
        words[n++] = p;
    for (i = 0; i < n; i++)
        if (strcasecmp(s, words[i]) == 0) {
            *out = (int)i;
            return 1;
        }
    dym = oa_suggest(s, (const char *const *)words, n);
    cerr(c, k, "'%s' is not one of %s" OAP_DYM_FMT, s, c->sp->cols[k].list,
         OAP_DYM(dym));
    return -1;
}

/* ---- dates typed where a period goes ---- */

/* y-m-d of the day z days after 1970-01-01 (proleptic Gregorian). */
static void civil(long z, int *y, int *m, int *d)
{
    long era, yoe, doe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static long days_from_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The label of the period of step that holds day z (since 1970). */
static void date_label(char *buf, size_t size, oa_step step, long z)
{
    int y, m, d, wd, week;
    civil(z, &y, &m, &d);
    switch (step) {
    case OA_STEP_MONTH:
        oap_format_label(buf, size, step, y, m);
        break;
    case OA_STEP_QUARTER:
        oap_format_label(buf, size, step, y, (m - 1) / 3 + 1);
        break;
    case OA_STEP_WEEK:
        wd = (int)(((z % 7) + 7 + 3) % 7) + 1; /* 1970-01-01: a Thursday */
        week = (int)((z - days_from_civil(y, 1, 1) + 1 - wd + 10) / 7);
        if (week < 1) {
            y--;
            week = oap_iso_weeks(y);
        } else if (week > oap_iso_weeks(y)) {
            y++;
            week = 1;
        }
        oap_format_label(buf, size, step, y, week);
        break;
    }
}

/* The day of a date cell (since 1970), or 0 when it is not one that can
 * be read. */
static int cell_day(const bctx *c, const oap_xcell *x, long *z)
{
    int y, m, d;
    if (x->kind == OAP_X_NUMBER) {
        if (!(x->num >= 1 && x->num < 2958466))
            return 0;
        *z = (long)floor(x->num) - (oap_book_date1904(c->b) ? 24107 : 25569);
        return 1;
    }
    if (x->kind == OAP_X_TEXT && strspn(x->text, "0123456789") == 4 &&
        sscanf(x->text, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 &&
        m <= 12 && d >= 1 && d <= 31) {
        *z = days_from_civil(y, m, d);
        return 1;
    }
    return 0;
}

/* A date as a label of the plan: of its generated steps, or else the
 * explicit label spelled 2027-03-15 or 2027-03, or else 2027-03-15 (2027-03
 * when it is the first of its month). */
static const char *date_period(bctx *c, long z)
{
    const oa_plan *p = c->p;
    char day[16], month[16];
    size_t i;
    int y, m, d;
    if (p->has_generated) {
        date_label(day, sizeof day, p->h_step, z);
        return scratch(c, day, strlen(day));
    }
    civil(z, &y, &m, &d);
    snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
    snprintf(month, sizeof month, "%04d-%02d", y, m);
    for (i = 0; i < p->explicit_periods.n; i++)
        if (strcmp(p->explicit_periods.v[i].label, day) == 0)
            return scratch(c, day, strlen(day));
    for (i = 0; i < p->explicit_periods.n; i++)
        if (strcmp(p->explicit_periods.v[i].label, month) == 0)
            return scratch(c, month, strlen(month));
    if (d == 1)
        return scratch(c, month, strlen(month));
    return scratch(c, day, strlen(day));
}

/* 1 and *z when s is a date written YYYY-MM-DD (and nothing else) that
 * is not a label of the plan's own. */
static int iso_date(const bctx *c, const char *s, long *z)
{
    int y, m, d, n = 0;
    size_t i;
    if (s == NULL || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d,
                                                &n) != 3 || n != 10 ||
        m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    for (i = 0; i < c->p->explicit_periods.n; i++)
        if (strcmp(c->p->explicit_periods.v[i].label, s) == 0)
            return 0;
    *z = days_from_civil(y, m, d);
    return 1;
}

static int v_period(bctx *c, int k, const char **out)
{
    const oap_xcell *x;
    long z;
    int st = raw(c, k, &x);
    *out = NULL;
    if (st <= 0)
        return need(c, k, st);
    if ((x->flags & OAP_X_DATE) && cell_day(c, x, &z)) {
        *out = date_period(c, z);
    } else if (x->kind == OAP_X_TEXT && iso_date(c, trim(c, x->text), &z)) {
        /* 2027-03-15 typed as text, as a CSV file holds a date */
        *out = date_period(c, z);
    } else if (x->kind == OAP_X_NUMBER) {
        if (x->num != floor(x->num) || x->num < 1 || x->num > 999999999) {
            cerr(c, k, "%s is not a period: a label, a date or a period's "
                 "number from 1", x->text);
            return -1;
        }
        *out = trim(c, x->text);
    } else if (x->kind == OAP_X_BOOL) {
        cerr(c, k, "%s is not a period", x->text);
        return -1;
    } else {
        *out = trim(c, text_of(c, x));
    }
    return *out ? 1 : -1;
}

/* ---- references to what earlier sheets added ---- */

static int idx_cmp(const void *a, const void *b)
{
    return strcmp(((const idx_entry *)a)->id, ((const idx_entry *)b)->id);
}

static void *idx_find(const idindex *x, const char *id)
{
    idx_entry key, *e;
    if (x->n == 0)
        return NULL;
    key.id = id;
    e = bsearch(&key, x->v, x->n, sizeof *x->v, idx_cmp);
    return e ? e->obj : NULL;
}

#define BUILD_INDEX(c, x, vec)                                              \
    do {                                                                    \
        size_t i_;                                                          \
        (x)->v = oap_malloc(((vec).n ? (vec).n : 1) * sizeof *(x)->v);      \
        if ((x)->v == NULL) {                                               \
            (c)->rc = OA_ENOMEM;                                            \
            break;                                                          \
        }                                                                   \
        for (i_ = 0; i_ < (vec).n; i_++) {                                  \
            (x)->v[i_].id = (vec).v[i_]->id;                                \
            (x)->v[i_].obj = (vec).v[i_];                                   \
        }                                                                   \
        (x)->n = (vec).n;                                                   \
        qsort((x)->v, (x)->n, sizeof *(x)->v, idx_cmp);                     \
    } while (0)

static oa_unit *ref_unit(bctx *c, int k, const char *id)
{
    oa_unit *u = idx_find(&c->units, id);
    if (u == NULL) {
        const char *dym = oap_suggest_unit(c->p, id);
        cerr(c, k, "unknown unit '%s'" OAP_DYM_FMT, id, OAP_DYM(dym));
    }
    return u;
}

/* A unit named where an attribute names one: checked unless the read is
 * not strict (no_validate: the rules, references among them, are left to
 * oa_plan_validate).  A row of capacity needs its unit all the same: it
 * is added to it (ref_unit). */
static int known_unit(bctx *c, int k, const char *id)
{
    return !c->strict || ref_unit(c, k, id) != NULL;
}

static int ref_resource(bctx *c, int k, const char *id)
{
    size_t i;
    const char *dym;
    if (!c->strict)
        return 1;
    for (i = 0; i < c->p->resources.n; i++)
        if (strcmp(c->p->resources.v[i].id, id) == 0)
            return 1;
    dym = oap_suggest_resource(c->p, id);
    cerr(c, k, "unknown resource '%s'" OAP_DYM_FMT, id, OAP_DYM(dym));
    return 0;
}

static int ref_objective(bctx *c, int k, const char *id)
{
    size_t i;
    const char *dym;
    if (!c->strict)
        return 1;
    for (i = 0; i < c->p->objectives.n; i++)
        if (strcmp(c->p->objectives.v[i].id, id) == 0)
            return 1;
    dym = oap_suggest_objective(c->p, id);
    cerr(c, k, "unknown objective '%s'" OAP_DYM_FMT, id, OAP_DYM(dym));
    return 0;
}

static oa_initiative *ref_initiative(bctx *c, int k, const char *id)
{
    oa_initiative *ini = idx_find(&c->inis, id);
    if (ini == NULL) {
        const char *dym = oap_suggest_initiative(c->p, id);
        cerr(c, k, "unknown initiative '%s'" OAP_DYM_FMT, id, OAP_DYM(dym));
    }
    return ini;
}

static oa_person *ref_person(bctx *c, int k, const char *id)
{
    oa_person *pe = idx_find(&c->people, id);
    if (pe == NULL) {
        oap_nearest near;
        size_t i;
        oap_nearest_init(&near, id);
        for (i = 0; i < c->p->people.n; i++)
            oap_nearest_try(&near, c->p->people.v[i]->id);
        cerr(c, k, "unknown person '%s'" OAP_DYM_FMT, id,
             OAP_DYM(oap_nearest_get(&near)));
    }
    return pe;
}

static int known_initiative(bctx *c, int k, const char *id)
{
    return !c->strict || ref_initiative(c, k, id) != NULL;
}

/* The operating plan of unit (column ku) named name (column kn). */
static oa_operating_plan *ref_op(bctx *c, int ku, int kn, const char *unit,
                                 const char *name)
{
    oap_nearest near;
    size_t i;
    int any = 0;
    const char *want = name ? name : "";
    oap_nearest_init(&near, want);
    for (i = 0; i < c->p->ops.n; i++) {
        oa_operating_plan *op = c->p->ops.v[i];
        const char *have = op->name ? op->name : "";
        if (strcmp(op->unit, unit) != 0)
            continue;
        any = 1;
        if (strcmp(have, want) == 0)
            return op;
        if (*have)
            oap_nearest_try(&near, have);
    }
    if (!any)
        cerr(c, ku, "unit '%s' has no operating plan (sheet "
             "operating-plans)", unit);
    else if (name == NULL)
        cerr(c, kn, "empty, but unit '%s' has no operating plan without a "
             "name", unit);
    else
        cerr(c, kn, "unit '%s' has no operating plan named '%s'"
             OAP_DYM_FMT, unit, name, OAP_DYM(oap_nearest_get(&near)));
    return NULL;
}

/* The row becomes a place: elements added next record it as their line. */
static void place(bctx *c)
{
    oap_place pl;
    char src[OA_ERROR_SOURCE_LENGTH];
    int line;
    oap_book_locate(src, sizeof src, &line, c->b, c->sheet, c->row, -1);
    if (c->place_src == NULL || strcmp(c->place_src, src) != 0)
        c->place_src = oap_arena_str(&c->p->arena, src);
    pl.source = c->place_src;
    pl.line = line;
    if (pl.source == NULL || OAP_VPUSH(c->p->places, pl) != OA_OK) {
        c->rc = OA_ENOMEM;
        return;
    }
    oa_plan_set_line(c->p, (int)c->p->places.n);
}

/* What a setter said: OA_EINVAL is a text the plan cannot hold. */
static void added(bctx *c, int rc)
{
    if (rc == OA_ENOMEM)
        c->rc = rc;
    else if (rc != OA_OK)
        rerr(c, "the row holds text a plan cannot: a line break, a control "
             "character or invalid UTF-8");
}

/* ---- one handler per sheet, called for each row that holds something */

static void r_horizon(bctx *c, int first)
{
    const char *name, *currency, *start = NULL, *period;
    const oap_xcell *x;
    int step = 0, periods = 0, st_start, st_step, st_periods, st_name,
        st_cur;
    long z;
    st_name = v_text(c, HZ_PLAN, &name);
    st_cur = v_text(c, HZ_CURRENCY, &currency);
    st_step = v_choice(c, HZ_STEP, &step);
    st_periods = v_whole(c, HZ_PERIODS, &periods);
    st_start = raw(c, HZ_START, &x);
    v_text(c, HZ_PERIOD, &period);
    if (!first && (st_name || st_cur || st_start || st_step || st_periods)) {
        rerr(c, "plan, currency, start, step and periods go in the first "
             "row; the rows after it give only period labels");
        return;
    }
    place(c);
    if (st_name > 0)
        added(c, oa_plan_set_name(c->p, name));
    if (st_cur > 0)
        added(c, oa_plan_set_currency(c->p, currency));
    if (st_start > 0) {
        if ((x->flags & OAP_X_DATE) && cell_day(c, x, &z)) {
            char buf[16];
            date_label(buf, sizeof buf, (oa_step)step, z);
            start = scratch(c, buf, strlen(buf));
        } else {
            start = trim(c, x->text);
        }
    }
    if (st_start || st_step > 0 || st_periods) {
        if (st_start == 0)
            cerr(c, HZ_START, "empty: a generated horizon needs its first "
                 "period (or give period labels instead)");
        if (st_periods == 0)
            cerr(c, HZ_PERIODS, "empty: a generated horizon needs its "
                 "number of periods");
        if (start && st_periods > 0 && st_step >= 0)
            added(c, oa_plan_set_horizon(c->p, start, (oa_step)step,
                                         periods));
    }
    if (period)
        added(c, oa_plan_add_period(c->p, period));
}

static void r_resources(bctx *c)
{
    const char *id, *name, *measure;
    if (v_id(c, RS_ID, &id) <= 0)
        return;
    v_text(c, RS_NAME, &name);
    v_text(c, RS_MEASURE, &measure);
    place(c);
    added(c, oa_plan_add_resource(c->p, id, name, measure));
}

static void r_objectives(bctx *c)
{
    const char *id, *name;
    double weight = 1;
    if (v_id(c, OB_ID, &id) <= 0 || v_num(c, OB_WEIGHT, &weight) < 0)
        return;
    v_text(c, OB_NAME, &name);
    place(c);
    added(c, oa_plan_add_objective(c->p, id, name, weight));
}

static void r_units(bctx *c)
{
    const char *id, *name;
    if (v_id(c, UN_ID, &id) <= 0)
        return;
    v_text(c, UN_NAME, &name);
    place(c);
    added(c, oa_plan_add_unit(NULL, c->p, id, name));
}

/* A unit and a resource in columns ku and kr, both required: 1 when both
 * are known (*u the unit, when asked for: a row added to it). */
static int unit_resource(bctx *c, int ku, int kr, oa_unit **u,
                         const char **uid, const char **res)
{
    int ok = v_id(c, ku, uid) > 0;
    if (ok && u)
        ok = (*u = ref_unit(c, ku, *uid)) != NULL;
    else if (ok)
        ok = known_unit(c, ku, *uid);
    return (v_id(c, kr, res) > 0 && ref_resource(c, kr, *res)) && ok;
}

static void r_capacity(bctx *c)
{
    const char *res, *from, *to, *uid;
    double value = 0;
    oa_unit *u = NULL;
    int ok = unit_resource(c, CP_UNIT, CP_RESOURCE, &u, &uid, &res);
    ok = v_num(c, CP_VALUE, &value) > 0 && ok;
    ok = v_period(c, CP_FROM, &from) >= 0 && ok;
    ok = v_period(c, CP_TO, &to) >= 0 && ok;
    if (!ok)
        return;
    place(c);
    added(c, oa_unit_add_capacity(u, res, value, from, to));
}

static void r_levers(bctx *c)
{
    const char *res, *from, *to, *uid;
    double max = 0, cost = 0;
    int lever = 0, ok;
    oa_unit *u = NULL;
    ok = unit_resource(c, LV_UNIT, LV_RESOURCE, &u, &uid, &res);
    ok = v_choice(c, LV_LEVER, &lever) > 0 && ok;
    ok = v_num(c, LV_MAX, &max) > 0 && ok;
    ok = v_num(c, LV_COST, &cost) >= 0 && ok;
    ok = v_period(c, LV_FROM, &from) >= 0 && ok;
    ok = v_period(c, LV_TO, &to) >= 0 && ok;
    if (ok && lever == 0 && (from || to)) {
        cerr(c, from ? LV_FROM : LV_TO, "overtime has no from and to: it "
             "applies in every period");
        ok = 0;
    }
    if (!ok)
        return;
    place(c);
    if (lever == 0)
        added(c, oa_unit_add_overtime(u, res, max, cost));
    else
        added(c, oa_unit_add_contractors(u, res, max, cost, from, to));
}

static void r_budget(bctx *c)
{
    const char *uid, *from, *to;
    double value = 0;
    int kind = -1, ok, st_unit;
    oa_unit *u = NULL;
    ok = v_choice(c, BU_KIND, &kind) >= 0;
    st_unit = v_id(c, BU_UNIT, &uid);
    ok = st_unit >= 0 && ok;
    ok = v_period(c, BU_FROM, &from) >= 0 && ok;
    ok = v_period(c, BU_TO, &to) >= 0 && ok;
    ok = v_num(c, BU_VALUE, &value) > 0 && ok;
    if (!ok)
        return;
    if (kind < 0)
        kind = uid ? 2 : (from || to) ? 1 : 0;
    if (kind == 2) {
        if (uid == NULL) {
            cerr(c, BU_UNIT, "empty, but a budget of kind unit needs its "
                 "unit");
            return;
        }
        u = ref_unit(c, BU_UNIT, uid);
        if (u == NULL)
            return;
    } else if (uid) {
        cerr(c, BU_UNIT, "a budget of kind %s has no unit (kind unit caps "
             "a unit's spend)", kind ? "limit" : "total");
        return;
    }
    if (kind == 0 && (from || to)) {
        cerr(c, from ? BU_FROM : BU_TO, "the total is a budget per year, "
             "without from and to (kind limit caps a range of periods)");
        return;
    }
    if (kind == 0 && c->total_row) {
        rerr(c, "a second total budget (the first is in row %d)",
             c->total_row);
        return;
    }
    place(c);
    if (kind == 0) {
        c->total_row = c->row + 1;
        added(c, oa_plan_set_budget_total(c->p, value));
    } else if (kind == 1) {
        added(c, oa_plan_add_budget_limit(c->p, from, to, value));
    } else {
        added(c, oa_unit_add_budget_range(u, value, from, to));
    }
}

static void r_ops(bctx *c)
{
    const char *uid, *name;
    double cost = 0, min = 1, penalty = 0;
    int ok, st_min, st_pen;
    size_t i;
    oa_operating_plan *op;
    ok = v_id(c, OP_UNIT, &uid) > 0 && known_unit(c, OP_UNIT, uid);
    v_text(c, OP_NAME, &name);
    ok = v_num(c, OP_COST, &cost) >= 0 && ok;
    st_min = v_num(c, OP_MIN, &min);
    st_pen = v_num(c, OP_PENALTY, &penalty);
    if (!ok || st_min < 0 || st_pen < 0)
        return;
    for (i = 0; i < c->p->ops.n; i++) {
        const oa_operating_plan *o = c->p->ops.v[i];
        if (strcmp(o->unit, uid) == 0 &&
            strcmp(o->name ? o->name : "", name ? name : "") == 0) {
            cerr(c, OP_NAME, "unit '%s' has an operating plan named '%s' "
                 "already: give each of a unit's operating plans a name of "
                 "its own", uid, name ? name : "");
            return;
        }
    }
    place(c);
    added(c, oa_plan_add_operating_plan(&op, c->p, uid, name, cost));
    if (c->rc == OA_OK && op && (st_min > 0 || st_pen > 0))
        added(c, oa_operating_plan_set_service_level(op, min, penalty));
}

/* The operating plan a row of run-work or targets names. */
static oa_operating_plan *row_op(bctx *c, int ku, int kn)
{
    const char *uid, *name;
    if (v_id(c, ku, &uid) <= 0 || v_text(c, kn, &name) < 0)
        return NULL;
    if (!known_unit(c, ku, uid))
        return NULL;
    return ref_op(c, ku, kn, uid, name);
}

static void r_run(bctx *c)
{
    const char *res, *from, *to;
    double value = 0, volume = 0, prod = 0;
    int ok, st_v, st_vol, st_prod;
    oa_operating_plan *op = row_op(c, RW_UNIT, RW_OP);
    ok = v_id(c, RW_RESOURCE, &res) > 0 && ref_resource(c, RW_RESOURCE, res);
    st_v = v_num(c, RW_VALUE, &value);
    st_vol = v_num(c, RW_VOLUME, &volume);
    st_prod = v_num(c, RW_PRODUCTIVITY, &prod);
    ok = v_period(c, RW_FROM, &from) >= 0 && ok;
    ok = v_period(c, RW_TO, &to) >= 0 && ok;
    if (st_v < 0 || st_vol < 0 || st_prod < 0)
        return;
    if (st_v > 0 && (st_vol > 0 || st_prod > 0)) {
        cerr(c, RW_VALUE, "give value, or volume and productivity, not "
             "both");
        return;
    }
    if (st_v == 0 && st_vol + st_prod < 2) {
        cerr(c, st_vol ? RW_PRODUCTIVITY : st_prod ? RW_VOLUME : RW_VALUE,
             "empty: a row of run work needs a value, or a volume and a "
             "productivity");
        return;
    }
    if (op == NULL || !ok)
        return;
    place(c);
    if (st_v > 0)
        added(c, oa_operating_plan_add_demand(op, res, value, from, to));
    else
        added(c, oa_operating_plan_add_driver_demand(op, res, volume, prod,
                                                     from, to));
}

static void r_targets(bctx *c)
{
    const char *name, *measure;
    double value = 0;
    int ok;
    oa_operating_plan *op = row_op(c, TG_UNIT, TG_OP);
    ok = v_text(c, TG_NAME, &name) > 0;
    ok = v_num(c, TG_VALUE, &value) > 0 && ok;
    v_text(c, TG_MEASURE, &measure);
    if (op == NULL || !ok)
        return;
    place(c);
    added(c, oa_operating_plan_add_target(op, name, value, measure));
}

/* A row that gives an id is added even when another of its cells is
 * wrong (the read fails all the same), so that the rows naming it do not
 * add errors of their own. */
static void r_initiatives(bctx *c)
{
    const char *id, *name, *owner, *earliest, *deadline, *pin;
    double value = 0, benefit = 0, cost = 0, stab = NAN, drop = NAN;
    int duration = 1, mandatory = 0, forbidden = 0, st_id;
    oa_initiative *ini;
    st_id = v_id(c, IN_ID, &id);
    v_text(c, IN_NAME, &name);
    if (v_id(c, IN_OWNER, &owner) > 0 && !known_unit(c, IN_OWNER, owner))
        owner = NULL;
    v_whole(c, IN_DURATION, &duration);
    v_period(c, IN_EARLIEST, &earliest);
    v_period(c, IN_DEADLINE, &deadline);
    v_num(c, IN_VALUE, &value);
    v_num(c, IN_BENEFIT, &benefit);
    v_num(c, IN_COST, &cost);
    v_bool(c, IN_MANDATORY, &mandatory);
    v_bool(c, IN_FORBIDDEN, &forbidden);
    v_period(c, IN_PIN, &pin);
    v_num(c, IN_STABILITY, &stab);
    v_num(c, IN_DROP, &drop);
    if (st_id <= 0)
        return;
    place(c);
    added(c, oa_plan_add_initiative(&ini, c->p, id, duration));
    if (c->rc != OA_OK || ini == NULL)
        return;
    added(c, oa_initiative_set_name(ini, name));
    added(c, oa_initiative_set_owner(ini, owner));
    added(c, oa_initiative_set_earliest(ini, earliest));
    added(c, oa_initiative_set_deadline(ini, deadline));
    added(c, oa_initiative_set_value(ini, value));
    added(c, oa_initiative_set_benefit_per_period(ini, benefit));
    added(c, oa_initiative_set_cost(ini, cost));
    added(c, oa_initiative_set_mandatory(ini, mandatory));
    added(c, oa_initiative_set_forbidden(ini, forbidden));
    added(c, oa_initiative_set_pin(ini, pin));
    added(c, oa_initiative_set_stability(ini, stab, drop));
}

/* The initiative a row names in column k (required). */
static oa_initiative *row_initiative(bctx *c, int k)
{
    const char *id;
    if (v_id(c, k, &id) <= 0)
        return NULL;
    return ref_initiative(c, k, id);
}

static void r_demands(bctx *c)
{
    const char *res, *uid;
    double value = 0;
    int first = 0, last = 0, ok;
    oa_initiative *ini = row_initiative(c, DM_INI);
    ok = unit_resource(c, DM_UNIT, DM_RESOURCE, NULL, &uid, &res);
    ok = v_num(c, DM_VALUE, &value) > 0 && ok;
    ok = v_whole(c, DM_FIRST, &first) >= 0 && ok;
    ok = v_whole(c, DM_LAST, &last) >= 0 && ok;
    if (ini == NULL || !ok)
        return;
    place(c);
    added(c, oa_initiative_add_demand(ini, uid, res, value, first, last));
}

static void r_contributions(bctx *c)
{
    const char *obj;
    double score = 0;
    int ok;
    oa_initiative *ini = row_initiative(c, CT_INI);
    ok = v_id(c, CT_OBJECTIVE, &obj) > 0 && ref_objective(c, CT_OBJECTIVE,
                                                          obj);
    ok = v_num(c, CT_SCORE, &score) > 0 && ok;
    if (ini == NULL || !ok)
        return;
    place(c);
    added(c, oa_initiative_add_contribution(ini, obj, score));
}

static void r_dependencies(bctx *c)
{
    const char *req, *exc;
    int lag = 0, st_req, st_exc, st_lag;
    oa_initiative *ini = row_initiative(c, DP_INI);
    st_req = v_id(c, DP_REQUIRES, &req);
    st_exc = v_id(c, DP_EXCLUDES, &exc);
    st_lag = v_whole(c, DP_LAG, &lag);
    if (st_req < 0 || st_exc < 0 || st_lag < 0)
        return;
    if (st_req == 0 && st_exc == 0) {
        cerr(c, DP_REQUIRES, "empty: a dependency names the initiative it "
             "requires, or the one it excludes");
        return;
    }
    if (st_req > 0 && st_exc > 0) {
        cerr(c, DP_EXCLUDES, "give requires or excludes on a row, not "
             "both");
        return;
    }
    if (st_exc > 0 && st_lag > 0) {
        cerr(c, DP_LAG, "a lag goes with requires, not excludes");
        return;
    }
    if (!known_initiative(c, st_req ? DP_REQUIRES : DP_EXCLUDES,
                          st_req ? req : exc) || ini == NULL)
        return;
    place(c);
    if (st_req)
        added(c, oa_initiative_add_requirement(ini, req, lag));
    else
        added(c, oa_initiative_add_exclusion(ini, exc));
}

static void r_effects(bctx *c)
{
    const char *res, *uid;
    double value = 0;
    int ok;
    oa_initiative *ini = row_initiative(c, EF_INI);
    ok = unit_resource(c, EF_UNIT, EF_RESOURCE, NULL, &uid, &res);
    ok = v_num(c, EF_VALUE, &value) > 0 && ok;
    if (ini == NULL || !ok)
        return;
    place(c);
    added(c, oa_initiative_add_effect(ini, uid, res, value));
}

static void r_loans(bctx *c)
{
    const char *from, *to, *res;
    double max = 0, eff = 1, cost = 0;
    int ok;
    ok = v_id(c, LN_FROM, &from) > 0 && known_unit(c, LN_FROM, from);
    ok = v_id(c, LN_TO, &to) > 0 && known_unit(c, LN_TO, to) && ok;
    ok = v_id(c, LN_RESOURCE, &res) > 0 && ref_resource(c, LN_RESOURCE,
                                                        res) && ok;
    ok = v_num(c, LN_MAX, &max) > 0 && ok;
    ok = v_num(c, LN_EFFICIENCY, &eff) >= 0 && ok;
    ok = v_num(c, LN_COST, &cost) >= 0 && ok;
    if (!ok)
        return;
    place(c);
    added(c, oa_plan_add_loan(c->p, from, to, res, max, eff, cost));
}

static void r_people(bctx *c)
{
    const char *id, *name, *res = NULL, *uid = NULL;
    double fte = 1, dev = 0;
    int max = 0, ok;
    oa_person *pe;
    int st_id = v_id(c, PE_ID, &id);
    v_text(c, PE_NAME, &name);
    ok = unit_resource(c, PE_UNIT, PE_RESOURCE, NULL, &uid, &res);
    v_num(c, PE_FTE, &fte);
    v_num(c, PE_DEVELOPMENT, &dev);
    v_whole(c, PE_MAX, &max);
    if (st_id <= 0)
        return;
    /* added even when wrong elsewhere (r_initiatives says why) */
    place(c);
    added(c, oa_plan_add_person(&pe, c->p, id, name, ok ? uid : "-",
                                ok ? res : "-", fte, dev));
    if (c->rc == OA_OK && pe && max)
        added(c, oa_person_set_max_initiatives(pe, max));
}

static void r_away(bctx *c)
{
    const char *id, *from, *to;
    double fte = OA_AWAY_ALL;
    int ok;
    oa_person *pe = NULL;
    if (v_id(c, AW_PERSON, &id) > 0)
        pe = ref_person(c, AW_PERSON, id);
    ok = v_period(c, AW_FROM, &from) >= 0;
    ok = v_period(c, AW_TO, &to) >= 0 && ok;
    ok = v_num(c, AW_FTE, &fte) >= 0 && ok;
    if (pe == NULL || !ok)
        return;
    place(c);
    added(c, oa_person_add_away(pe, from, to, fte));
}

/* ---- sheets and their headers ---- */

/* A name as compared: ASCII case, and ' ', '_' and '-', ignored. */
static void norm(char *out, size_t size, const char *s)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++) {
        char ch = *s;
        if (ch == ' ' || ch == '_' || ch == '-')
            continue;
        out[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    out[n] = '\0';
}

static int same_name(const char *a, const char *b)
{
    char x[96], y[96];
    norm(x, sizeof x, a);
    norm(y, sizeof y, b);
    return strcmp(x, y) == 0;
}

/* The sheet of the format named name, or -1. */
static int spec_of(const char *name)
{
    int s;
    for (s = 0; s < NSHEETS; s++)
        if (same_name(name, sheets[s].name))
            return s;
    return -1;
}

/* Maps the header row of book sheet bs to the columns of spec s; 0 when
 * the sheet can be read. */
static int map_header(bctx *c, int s, int bs)
{
    const bsheet *sp = &sheets[s];
    const char *names[MAX_COLS];
    int ncols = oap_book_cols(c->b, bs), col, bad = 0;
    size_t k;
    c->sheet = bs;
    c->sp = sp;
    c->row = 0;
    for (k = 0; k < sp->ncols; k++) {
        c->map[k] = -1;
        names[k] = sp->cols[k].name;
    }
    for (col = 0; col < ncols; col++) {
        const oap_xcell *x = oap_book_cell(c->b, bs, 0, col);
        const char *h, *dym;
        if (x->kind == OAP_X_EMPTY)
            continue;
        h = trim(c, x->text);
        if (h == NULL)
            return -1;
        for (k = 0; k < sp->ncols; k++)
            if (same_name(h, sp->cols[k].name))
                break;
        if (k < sp->ncols && c->map[k] >= 0) {
            char first[8], msg[OA_ERROR_TEXT_LENGTH];
            oap_xcol_name(first, sizeof first, c->map[k]);
            snprintf(msg, sizeof msg, "a second column '%s' (the first is "
                     "column %s)", h, first);
            push_error(c, 0, col, NULL, msg);
            bad = 1;
            continue;
        }
        if (k < sp->ncols) {
            c->map[k] = col;
            continue;
        }
        /* a column of the user's own, unless a name typed wrong */
        dym = oa_suggest(h, names, sp->ncols);
        if (dym) {
            char msg[OA_ERROR_TEXT_LENGTH];
            snprintf(msg, sizeof msg, "unknown column '%s' (did you mean "
                     "'%s'?)", h, dym);
            push_error(c, 0, col, NULL, msg);
            bad = 1;
        }
    }
    for (k = 0; k < sp->ncols; k++)
        if (sp->cols[k].required && c->map[k] < 0) {
            const oap_xcell *x = oap_book_cell(c->b, bs, 0, 0);
            char msg[OA_ERROR_TEXT_LENGTH];
            bad = 1;
            if (x->kind == OAP_X_TEXT && strchr(x->text, ';')) {
                push_error(c, 0, -1, NULL, "the header row is one field of "
                           "names separated by ';': save the file with ',' "
                           "between fields");
                break;
            }
            snprintf(msg, sizeof msg, "no column '%s' in the header row "
                     "(row 1)", sp->cols[k].name);
            push_error(c, 0, -1, NULL, msg);
        }
    /* merged cells in a column that is read */
    for (k = 0; k < oap_book_merge_count(c->b, bs); k++) {
        const oap_xrange *m = oap_book_merge(c->b, bs, k);
        size_t j;
        for (j = 0; j < sp->ncols; j++)
            if (c->map[j] >= m->col0 && c->map[j] <= m->col1 &&
                c->map[j] >= 0) {
                char a[16], b[16], msg[OA_ERROR_TEXT_LENGTH];
                oap_xref_format(a, sizeof a, m->row0, m->col0);
                oap_xref_format(b, sizeof b, m->row1, m->col1);
                snprintf(msg, sizeof msg, "cells %s:%s are merged: unmerge "
                         "them and give every row its own value", a, b);
                push_error(c, m->row0, m->col0, NULL, msg);
                break; /* the rows are read all the same, for their own
                          errors */
            }
    }
    return bad ? -1 : 0;
}

/* 1 when a row holds something in a column of the format. */
static int row_used(const bctx *c)
{
    size_t k;
    for (k = 0; k < c->sp->ncols; k++) {
        const oap_xcell *x;
        const char *s;
        if (c->map[k] < 0)
            continue;
        x = at(c, k);
        if (x->kind == OAP_X_EMPTY && !(x->flags & OAP_X_FORMULA))
            continue;
        if (x->kind == OAP_X_TEXT) {
            for (s = x->text; is_space(*s); s++)
                ;
            if (*s == '\0')
                continue;
        }
        return 1;
    }
    return 0;
}

static void read_sheet(bctx *c, int s, int bs)
{
    int rows = oap_book_rows(c->b, bs), first = 1;
    if (map_header(c, s, bs) != 0)
        return;
    c->place_src = NULL;
    for (c->row = 1; c->row < rows && !too_many(c); c->row++) {
        if (!row_used(c))
            continue;
        switch (s) {
        case S_HORIZON: r_horizon(c, first); break;
        case S_RESOURCES: r_resources(c); break;
        case S_OBJECTIVES: r_objectives(c); break;
        case S_UNITS: r_units(c); break;
        case S_CAPACITY: r_capacity(c); break;
        case S_LEVERS: r_levers(c); break;
        case S_BUDGET: r_budget(c); break;
        case S_OPS: r_ops(c); break;
        case S_RUN: r_run(c); break;
        case S_TARGETS: r_targets(c); break;
        case S_INITIATIVES: r_initiatives(c); break;
        case S_DEMANDS: r_demands(c); break;
        case S_CONTRIBUTIONS: r_contributions(c); break;
        case S_DEPENDENCIES: r_dependencies(c); break;
        case S_EFFECTS: r_effects(c); break;
        case S_LOANS: r_loans(c); break;
        case S_PEOPLE: r_people(c); break;
        case S_AWAY: r_away(c); break;
        }
        first = 0;
    }
}

/* The plan of a book read: every sheet of the format in order (each needs
 * what the earlier ones added), sheets of the user's own left alone. */
static void read_book(bctx *c)
{
    int found[NSHEETS], s, bs, n = oap_book_sheet_count(c->b);
    const char *names[NSHEETS];
    for (s = 0; s < NSHEETS; s++) {
        found[s] = -1;
        names[s] = sheets[s].name;
    }
    for (bs = 0; bs < n; bs++) {
        const char *name = oap_book_sheet_name(c->b, bs);
        const char *dym;
        char msg[OA_ERROR_TEXT_LENGTH];
        s = spec_of(name);
        if (s >= 0 && found[s] < 0) {
            found[s] = bs;
            continue;
        }
        c->sheet = bs;
        if (s >= 0) {
            snprintf(msg, sizeof msg, "a second sheet '%s' (the first is "
                     "'%s')", name, oap_book_sheet_name(c->b, found[s]));
            push_error(c, -1, -1, NULL, msg);
            continue;
        }
        dym = oa_suggest(name, names, NSHEETS);
        if (dym && strcasecmp(name, "readme") != 0) {
            snprintf(msg, sizeof msg, "unknown sheet '%s' (did you mean "
                     "'%s'?)", name, dym);
            push_error(c, -1, -1, NULL, msg);
        }
    }
    for (s = 0; s < NSHEETS && !too_many(c); s++) {
        if (found[s] < 0) {
            if (sheets[s].required) {
                char msg[OA_ERROR_TEXT_LENGTH];
                c->sheet = -1;
                snprintf(msg, sizeof msg, "no sheet '%s' (a plan needs %s)",
                         sheets[s].name, sheets[s].title);
                push_error(c, -1, -1, NULL, msg);
            }
            continue;
        }
        read_sheet(c, s, found[s]);
        if (c->rc != OA_OK)
            break;
        if (s == S_UNITS)
            BUILD_INDEX(c, &c->units, c->p->units);
        else if (s == S_INITIATIVES)
            BUILD_INDEX(c, &c->inis, c->p->initiatives);
        else if (s == S_PEOPLE)
            BUILD_INDEX(c, &c->people, c->p->people);
    }
}

/* The plan of book b (freed by the caller): errors to errs; OA_EINVALID
 * when there were any. */
static int plan_of_book(oa_plan **out, const oap_book *b,
                        const oa_read_opts *opts, oa_error_list *errs)
{
    bctx c;
    int rc;
    memset(&c, 0, sizeof c);
    c.b = b;
    c.errs = errs;
    rc = oa_plan_new(&c.p);
    if (rc == OA_OK)
        rc = oa_plan_set_source(c.p, oap_book_source(b));
    if (rc == OA_OK) {
        c.strict = !(opts && opts->no_validate);
        read_book(&c);
        rc = c.rc;
    }
    if (rc == OA_OK && c.nerr > 0)
        rc = OA_EINVALID;
    oa_plan_set_line(c.p, -1);
    if (rc == OA_OK && !(opts && opts->no_validate)) {
        rc = oa_plan_validate(c.p, NULL, errs);
    }
    oap_free(c.units.v);
    oap_free(c.inis.v);
    oap_free(c.people.v);
    oap_arena_free(&c.scratch);
    if (rc != OA_OK) {
        oa_plan_free(c.p);
        return rc;
    }
    *out = c.p;
    return OA_OK;
}

static void book_limits(oap_book_limits *lim, const oa_read_opts *opts)
{
    memset(lim, 0, sizeof *lim);
    if (opts && opts->max_bytes && opts->max_bytes != SIZE_MAX)
        lim->file_bytes = opts->max_bytes;
}

/* Hands the errors of a read to err and all. */
static int finish_read(int rc, oa_error_list *errs, oa_error *err,
                       oa_error_list *all)
{
    size_t i, n = oa_error_list_count(errs);
    if (rc == OA_ENOMEM && n == 0) {
        oa_error e;
        oa_error_clear(&e);
        oap_error_set(&e, OA_ENOMEM, NULL, -1, "out of memory");
        oap_error_list_push(errs, &e);
        n = oa_error_list_count(errs);
    }
    if (n > 0 && err)
        *err = *oa_error_list_get(errs, 0);
    for (i = 0; i < n; i++)
        if (oap_error_list_push(all, oa_error_list_get(errs, i)) != OA_OK)
            break;
    oa_error_list_free(errs);
    return rc;
}

static int read_checked(const oa_read_opts *opts, oa_error *err)
{
    if (err)
        oa_error_clear(err);
    if (opts && !OAP_VERSION_OK(opts->version, OA_READ_OPTS_VERSION))
        return OA_EINVAL;
    return OA_OK;
}

OA_API int oa_plan_read_workbook(oa_plan **out, const char *path,
                                 const oa_read_opts *opts, oa_error *err,
                                 oa_error_list *all)
{
    oa_error_list *errs;
    oap_book *b = NULL;
    oap_book_limits lim;
    struct stat st;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && path);
    rc = read_checked(opts, err);
    if (rc != OA_OK)
        return rc;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    book_limits(&lim, opts);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        rc = oap_book_read_csv_dir(&b, path, &lim, errs);
    else
        rc = oap_book_read_file(&b, path, &lim, errs);
    if (rc == OA_OK)
        rc = plan_of_book(out, b, opts, errs);
    oap_book_free(b);
    return finish_read(rc, errs, err, all);
}

OA_API int oa_plan_read_workbook_memory(oa_plan **out, const char *data,
                                        size_t size, const char *source,
                                        const oa_read_opts *opts,
                                        oa_error *err, oa_error_list *all)
{
    oa_error_list *errs;
    oap_book *b = NULL;
    oap_book_limits lim;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && (data || size == 0));
    rc = read_checked(opts, err);
    if (rc != OA_OK)
        return rc;
    if (oa_error_list_new(&errs) != OA_OK)
        return OA_ENOMEM;
    book_limits(&lim, opts);
    if (opts && opts->max_bytes && size > opts->max_bytes) {
        oa_error e;
        oa_error_clear(&e);
        oap_error_set(&e, OA_ELIMIT, source, -1, "workbook of %zu bytes is "
                      "larger than the limit of %zu bytes", size,
                      opts->max_bytes);
        rc = oap_error_list_push(errs, &e) == OA_OK ? OA_ELIMIT : OA_ENOMEM;
    } else {
        rc = oap_book_read_memory(&b, data ? data : "", size, source, &lim,
                                  errs);
    }
    if (rc == OA_OK)
        rc = plan_of_book(out, b, opts, errs);
    oap_book_free(b);
    return finish_read(rc, errs, err, all);
}

/* A folder (of CSV files), or a file that starts as a zip archive. */
static int is_workbook_file(const char *path)
{
    struct stat st;
    char head[4];
    FILE *f;
    size_t n;
    if (stat(path, &st) != 0)
        return 0;
    if (S_ISDIR(st.st_mode))
        return 1;
    if (!S_ISREG(st.st_mode) || (f = fopen(path, "rb")) == NULL)
        return 0;
    n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == 4 && memcmp(head, "PK\3\4", 4) == 0;
}

OA_API int oa_plan_load(oa_plan **out, const char *path,
                        const oa_read_opts *opts, oa_error *err,
                        oa_error_list *all)
{
    if (out)
        *out = NULL;
    OAP_ARG(out && path);
    if (is_workbook_file(path))
        return oa_plan_read_workbook(out, path, opts, err, all);
    return oa_plan_read_file(out, path, opts, err, all);
}

/* ---------------------------------------------------------------------- */
/* The template's plan                                                     */
/* ---------------------------------------------------------------------- */

#define T(x)                                                                 \
    do {                                                                     \
        if ((rc = (x)) != OA_OK)                                             \
            goto fail;                                                       \
    } while (0)

OA_API int oa_plan_template(oa_plan **out)
{
    oa_plan *p = NULL;
    oa_unit *eng, *ops;
    oa_operating_plan *op;
    oa_initiative *a, *b, *d;
    oa_person *pe;
    int rc;
    OAP_ARG(out);
    *out = NULL;
    T(oa_plan_new(&p));
    T(oa_plan_set_name(p, "Example plan (replace these rows with yours)"));
    T(oa_plan_set_currency(p, "EUR"));
    T(oa_plan_set_horizon(p, "2027-01", OA_STEP_MONTH, 12));
    T(oa_plan_add_resource(p, "fte", "Staff", "FTE"));
    T(oa_plan_add_objective(p, "growth", "Revenue growth", 10000));
    T(oa_plan_add_unit(&eng, p, "engineering", "Engineering"));
    T(oa_plan_add_unit(&ops, p, "operations", "Operations"));
    T(oa_unit_add_capacity(eng, "fte", 10, NULL, NULL));
    T(oa_unit_add_capacity(ops, "fte", 6, NULL, NULL));
    T(oa_unit_add_capacity(ops, "fte", 5, "2027-07", "2027-08"));
    T(oa_unit_add_overtime(eng, "fte", 0.1, 9000));
    T(oa_unit_add_contractors(eng, "fte", 2, 12000, "2027-04", NULL));
    T(oa_plan_set_budget_total(p, 1500000));
    T(oa_plan_add_budget_limit(p, "2027-01", "2027-06", 700000));
    T(oa_unit_add_budget(ops, 600000));
    T(oa_plan_add_operating_plan(&op, p, "operations", "Service desk",
                                 480000));
    T(oa_operating_plan_add_driver_demand(op, "fte", 2400, 600, NULL, NULL));
    T(oa_operating_plan_set_service_level(op, 0.9, 15000));
    T(oa_operating_plan_add_target(op, "Tickets solved in a day", 0.8,
                                   "share"));
    T(oa_plan_add_operating_plan(&op, p, "engineering", "Maintenance",
                                 300000));
    T(oa_operating_plan_add_demand(op, "fte", 4, NULL, NULL));
    T(oa_plan_add_initiative(&a, p, "crm", 4));
    T(oa_initiative_set_name(a, "New CRM"));
    T(oa_initiative_set_owner(a, "engineering"));
    T(oa_initiative_set_value(a, 400000));
    T(oa_initiative_set_cost(a, 120000));
    T(oa_initiative_set_mandatory(a, 1));
    T(oa_initiative_add_demand(a, "engineering", "fte", 3, 0, 0));
    T(oa_initiative_add_demand(a, "operations", "fte", 1, 3, 4));
    T(oa_initiative_add_contribution(a, "growth", 5));
    T(oa_plan_add_initiative(&b, p, "selfservice", 3));
    T(oa_initiative_set_name(b, "Self-service portal"));
    T(oa_initiative_set_owner(b, "operations"));
    T(oa_initiative_set_value(b, 250000));
    T(oa_initiative_set_benefit_per_period(b, 10000));
    T(oa_initiative_set_cost(b, 90000));
    T(oa_initiative_set_deadline(b, "2027-12"));
    T(oa_initiative_add_demand(b, "engineering", "fte", 2, 0, 0));
    T(oa_initiative_add_requirement(b, "crm", 0));
    T(oa_initiative_add_effect(b, "operations", "fte", -1));
    T(oa_plan_add_initiative(&d, p, "chatbot", 2));
    T(oa_initiative_set_name(d, "Chatbot"));
    T(oa_initiative_set_owner(d, "operations"));
    T(oa_initiative_set_value(d, 150000));
    T(oa_initiative_set_cost(d, 60000));
    T(oa_initiative_set_earliest(d, "2027-03"));
    T(oa_initiative_add_demand(d, "engineering", "fte", 2, 0, 0));
    T(oa_initiative_add_contribution(d, "growth", 2));
    T(oa_initiative_add_exclusion(d, "selfservice"));
    T(oa_plan_add_loan(p, "engineering", "operations", "fte", 1, 0.8, 1000));
    T(oa_plan_add_person(&pe, p, "alex", "Alex Example", "operations", "fte",
                         1, 0.1));
    T(oa_person_add_away(pe, "2027-08", "2027-08", OA_AWAY_ALL));
    *out = p;
    return OA_OK;
fail:
    oa_plan_free(p);
    return rc;
}
