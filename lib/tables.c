/*
 * A result as tables (tables.h), and those tables as a folder of CSV files
 * (oa_result_save_tables).  The columns of each table are documented
 * here once: doc/cli.md "Tables" and a workbook's README sheet print
 * these texts.
 */
#include "tables.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const oap_column summary_cols[] = {
    { "field", OAP_STYLE_PLAIN, "what the row says" },
    { "value", OAP_STYLE_PLAIN, "its value" },
};

static const oap_column terms_cols[] = {
    { "term", OAP_STYLE_PLAIN,
      "a term of the objective (doc/model.md), then the objective, their "
      "sum" },
    { "amount", OAP_STYLE_AMOUNT, "its amount: gains positive, costs "
                                  "negative" },
};

static const oap_column roadmap_cols[] = {
    { "initiative", OAP_STYLE_PLAIN, "the initiative's id" },
    { "name", OAP_STYLE_PLAIN, "its name" },
    { "owner", OAP_STYLE_PLAIN, "the unit whose budget pays for it" },
    { "status", OAP_STYLE_PLAIN, "scheduled or rejected" },
    { "start", OAP_STYLE_PLAIN, "the period it starts in (1-based)" },
    { "start_label", OAP_STYLE_PLAIN, "that period's label" },
    { "finish", OAP_STYLE_PLAIN, "the period it finishes in" },
    { "finish_label", OAP_STYLE_PLAIN, "that period's label" },
    { "delay", OAP_STYLE_PLAIN, "periods after its earliest start" },
    { "fraction", OAP_STYLE_AMOUNT,
      "1 when funded (below 1 only in a relaxation)" },
    { "value", OAP_STYLE_MONEY, "its value" },
    { "cost", OAP_STYLE_MONEY, "its cost" },
    { "mandatory", OAP_STYLE_PLAIN, "1 when it must be scheduled" },
    { "plan_value", OAP_STYLE_MONEY,
      "what it adds to the objective: value, benefit and scores" },
    { "benefit", OAP_STYLE_MONEY, "its benefit for the periods after it "
                                  "finishes" },
    { "score", OAP_STYLE_AMOUNT, "its weighted objective scores" },
};

static const oap_column left_cols[] = {
    { "initiative", OAP_STYLE_PLAIN, "an initiative not scheduled" },
    { "name", OAP_STYLE_PLAIN, "its name" },
    { "owner", OAP_STYLE_PLAIN, "the unit whose budget would pay" },
    { "value", OAP_STYLE_MONEY, "its value" },
    { "cost", OAP_STYLE_MONEY, "its cost" },
};

static const oap_column loads_cols[] = {
    { "unit", OAP_STYLE_PLAIN, "the unit" },
    { "resource", OAP_STYLE_PLAIN, "the resource" },
    { "period", OAP_STYLE_PLAIN, "the period (1-based)" },
    { "period_label", OAP_STYLE_PLAIN, "its label" },
    { "capacity", OAP_STYLE_AMOUNT, "what the unit has" },
    { "run", OAP_STYLE_AMOUNT, "its run-the-business work" },
    { "effects", OAP_STYLE_AMOUNT,
      "run work added (positive) or freed (negative) by initiatives" },
    { "shortfall", OAP_STYLE_AMOUNT, "run work left undone" },
    { "change", OAP_STYLE_AMOUNT, "work on initiatives" },
    { "overtime", OAP_STYLE_AMOUNT, "overtime used" },
    { "contractors", OAP_STYLE_AMOUNT, "contractors hired" },
    { "loan_in", OAP_STYLE_AMOUNT, "received from other units (after "
                                   "efficiency)" },
    { "loan_out", OAP_STYLE_AMOUNT, "lent to other units" },
    { "utilization", OAP_STYLE_SHARE,
      "the share of capacity the work takes" },
    { "shadow_price", OAP_STYLE_AMOUNT,
      "what one more unit of capacity there is worth" },
    { "shortfall_cost", OAP_STYLE_MONEY, "the penalty of the shortfall" },
};

static const oap_column levers_cols[] = {
    { "unit", OAP_STYLE_PLAIN, "the unit" },
    { "resource", OAP_STYLE_PLAIN, "the resource" },
    { "period", OAP_STYLE_PLAIN, "the period (1-based)" },
    { "period_label", OAP_STYLE_PLAIN, "its label" },
    { "overtime", OAP_STYLE_AMOUNT, "overtime used" },
    { "contractors", OAP_STYLE_AMOUNT, "contractors hired" },
    { "loan_in", OAP_STYLE_AMOUNT, "received from other units" },
    { "loan_out", OAP_STYLE_AMOUNT, "lent to other units" },
    { "shortfall", OAP_STYLE_AMOUNT, "run work left undone" },
    { "shortfall_cost", OAP_STYLE_MONEY, "its penalty" },
};

static const oap_column spend_cols[] = {
    { "budget", OAP_STYLE_PLAIN,
      "total, range (a limit over from..to), unit, or period (all spend "
      "of one period)" },
    { "unit", OAP_STYLE_PLAIN, "the unit of a unit budget" },
    { "from", OAP_STYLE_PLAIN, "the first period covered" },
    { "from_label", OAP_STYLE_PLAIN, "its label" },
    { "to", OAP_STYLE_PLAIN, "the last period covered" },
    { "to_label", OAP_STYLE_PLAIN, "its label" },
    { "limit", OAP_STYLE_MONEY, "the budget (empty: none)" },
    { "spend", OAP_STYLE_MONEY, "all spend: the columns after it" },
    { "operating", OAP_STYLE_MONEY, "operating plans' costs" },
    { "initiatives", OAP_STYLE_MONEY, "initiatives' costs" },
    { "overtime", OAP_STYLE_MONEY, "overtime" },
    { "contractors", OAP_STYLE_MONEY, "contractors" },
    { "loans", OAP_STYLE_MONEY, "loans received" },
    { "adjustment", OAP_STYLE_MONEY,
      "actual spend before a re-plan less the plan's prices for it" },
    { "shadow_price", OAP_STYLE_AMOUNT,
      "what one more unit of money there is worth" },
};

static const oap_column bottleneck_cols[] = {
    { "kind", OAP_STYLE_PLAIN, "capacity or budget" },
    { "unit", OAP_STYLE_PLAIN, "the unit (capacity, unit budgets)" },
    { "resource", OAP_STYLE_PLAIN, "the resource (capacity)" },
    { "budget", OAP_STYLE_PLAIN, "total, range or unit (budgets)" },
    { "from", OAP_STYLE_PLAIN, "the first period" },
    { "from_label", OAP_STYLE_PLAIN, "its label" },
    { "to", OAP_STYLE_PLAIN, "the last period" },
    { "to_label", OAP_STYLE_PLAIN, "its label" },
    { "marginal", OAP_STYLE_AMOUNT,
      "what one more unit in every period of the range is worth (per "
      "unit of money for budgets), local to the roadmap" },
};

static const oap_column deficit_cols[] = {
    { "kind", OAP_STYLE_PLAIN, "capacity or budget" },
    { "unit", OAP_STYLE_PLAIN, "the unit" },
    { "resource", OAP_STYLE_PLAIN, "the resource (capacity)" },
    { "period", OAP_STYLE_PLAIN, "the period (capacity)" },
    { "period_label", OAP_STYLE_PLAIN, "its label" },
    { "budget", OAP_STYLE_PLAIN, "total, range or unit (budgets)" },
    { "from", OAP_STYLE_PLAIN, "the first period (budgets)" },
    { "to", OAP_STYLE_PLAIN, "the last period (budgets)" },
    { "amount", OAP_STYLE_AMOUNT, "what is missing: capacity or money" },
};

#define COLS(a) a, sizeof a / sizeof a[0]

static const char *const budget_kinds[] = { "total", "range", "unit" };

static void text(oap_table *t, const char *s)
{
    oap_table_put(t, OAP_CELL_TEXT, s, 0);
}

static void num(oap_table *t, double v)
{
    oap_table_put(t, OAP_CELL_NUMBER, NULL, v);
}

static void whole(oap_table *t, int v)
{
    oap_table_put(t, OAP_CELL_INT, NULL, v);
}

static void empty(oap_table *t)
{
    oap_table_put(t, OAP_CELL_EMPTY, NULL, 0);
}

/* A period as its index and its label. */
static void period(oap_table *t, const oa_result *r, int p)
{
    whole(t, p);
    text(t, oap_result_label(r, p));
}

static oap_table *begin(oap_table *v, size_t *n, const char *name,
                        const char *title, const oap_column *cols,
                        size_t ncols)
{
    oap_table *t = &v[(*n)++];
    memset(t, 0, sizeof *t);
    t->name = name;
    t->title = title;
    t->cols = cols;
    t->ncols = ncols;
    return t;
}

static void summary(oap_table *t, const oa_result *r)
{
    text(t, "plan");
    text(t, r->name);
    text(t, "status");
    text(t, oa_status_name(r->status));
    text(t, "objective");
    num(t, r->objective);
    text(t, "bound");
    num(t, r->bound);
    text(t, "gap");
    num(t, r->gap);
    text(t, "stopped_by");
    text(t, oa_stop_name(r->stop));
    text(t, "currency");
    text(t, r->currency);
    if (r->status == OA_STATUS_INFEASIBLE) {
        text(t, "deficit");
        num(t, r->deficit);
    }
}

static void roadmap(oap_table *t, const oa_result *r)
{
    size_t i;
    for (i = 0; i < r->ini.n; i++) {
        const oa_initiative_result *x = &r->ini.v[i];
        text(t, x->id);
        text(t, x->name);
        text(t, x->owner);
        text(t, x->scheduled ? "scheduled" : "rejected");
        if (x->scheduled) {
            period(t, r, x->start);
            period(t, r, x->finish);
            whole(t, x->delay);
        } else {
            empty(t);
            empty(t);
            empty(t);
            empty(t);
            empty(t);
        }
        num(t, x->fraction);
        num(t, x->value);
        num(t, x->cost);
        whole(t, x->mandatory != 0);
        num(t, x->plan_value);
        num(t, x->benefit);
        num(t, x->score);
    }
}

static void left_out(oap_table *t, const oa_result *r)
{
    size_t i;
    for (i = 0; i < r->ini.n; i++) {
        const oa_initiative_result *x = &r->ini.v[i];
        if (x->scheduled)
            continue;
        text(t, x->id);
        text(t, x->name);
        text(t, x->owner);
        num(t, x->value);
        num(t, x->cost);
    }
}

static void loads(oap_table *t, const oa_result *r)
{
    size_t i;
    for (i = 0; i < r->loads.n; i++) {
        const oa_load *l = &r->loads.v[i];
        text(t, l->unit);
        text(t, l->resource);
        period(t, r, l->period);
        num(t, l->capacity);
        num(t, l->run);
        num(t, l->effects);
        num(t, l->shortfall);
        num(t, l->change);
        num(t, l->overtime);
        num(t, l->contractors);
        num(t, l->loan_in);
        num(t, l->loan_out);
        num(t, l->utilization);
        num(t, l->shadow_price);
        num(t, l->shortfall_cost);
    }
}

static void levers(oap_table *t, const oa_result *r)
{
    size_t i;
    for (i = 0; i < r->loads.n; i++) {
        const oa_load *l = &r->loads.v[i];
        if (l->overtime == 0 && l->contractors == 0 && l->loan_in == 0 &&
            l->loan_out == 0 && l->shortfall == 0)
            continue;
        text(t, l->unit);
        text(t, l->resource);
        period(t, r, l->period);
        num(t, l->overtime);
        num(t, l->contractors);
        num(t, l->loan_in);
        num(t, l->loan_out);
        num(t, l->shortfall);
        num(t, l->shortfall_cost);
    }
}

static void spend_row(oap_table *t, const oa_result *r, const oa_spend *s,
                      const char *kind)
{
    text(t, kind);
    text(t, s->unit);
    period(t, r, s->from);
    period(t, r, s->to);
    if (s->has_limit)
        num(t, s->limit);
    else
        empty(t);
    num(t, s->spend);
    num(t, s->operating);
    num(t, s->initiatives);
    num(t, s->overtime);
    num(t, s->contractors);
    num(t, s->loans);
    num(t, s->adjustment);
    num(t, s->shadow_price);
}

static void spend(oap_table *t, const oa_result *r)
{
    size_t i;
    for (i = 0; i < r->spend.n; i++)
        spend_row(t, r, &r->spend.v[i], budget_kinds[r->spend.v[i].kind]);
    for (i = 0; i < r->period_spend.n; i++)
        spend_row(t, r, &r->period_spend.v[i], "period");
}

static int bottlenecks(oap_table *t, const oa_result *r)
{
    oa_bottleneck *v = NULL;
    size_t n = 0, i;
    if (oa_result_bottlenecks(&v, &n, r) != OA_OK)
        return OA_ENOMEM;
    for (i = 0; i < n; i++) {
        text(t, v[i].is_budget ? "budget" : "capacity");
        text(t, v[i].unit);
        text(t, v[i].is_budget ? NULL : v[i].resource);
        text(t, v[i].is_budget ? budget_kinds[v[i].budget] : NULL);
        period(t, r, v[i].from);
        period(t, r, v[i].to);
        num(t, v[i].marginal);
    }
    oa_free(v);
    return OA_OK;
}

static void deficits(oap_table *t, const oa_result *r)
{
    size_t i;
    for (i = 0; i < r->deficits.n; i++) {
        const oa_deficit *d = &r->deficits.v[i];
        text(t, d->is_budget ? "budget" : "capacity");
        text(t, d->unit);
        text(t, d->resource);
        if (d->is_budget) {
            empty(t);
            empty(t);
            text(t, budget_kinds[d->budget]);
            whole(t, d->from);
            whole(t, d->to);
        } else {
            period(t, r, d->period);
            empty(t);
            empty(t);
            empty(t);
        }
        num(t, d->amount);
    }
}

int oap_result_tables(oap_table **out, size_t *n, const oa_result *r)
{
    oap_table *v = oap_calloc(9, sizeof *v), *t;
    size_t k = 0, q;
    int rc = OA_OK, j;
    *out = NULL;
    *n = 0;
    if (v == NULL)
        return OA_ENOMEM;
    summary(begin(v, &k, "summary", "the result: status, objective, bound "
                  "and gap", COLS(summary_cols)), r);
    if (r->has_terms) {
        t = begin(v, &k, "terms", "the objective as the sum of its terms",
                  COLS(terms_cols));
        for (j = 0; j < OA_TERM_COUNT; j++) {
            text(t, oa_term_name((oa_term)j));
            num(t, r->terms[j]);
        }
        text(t, "objective");
        num(t, r->objective);
    }
    roadmap(begin(v, &k, "roadmap", "every initiative: scheduled when, or "
                  "rejected", COLS(roadmap_cols)), r);
    left_out(begin(v, &k, "left-out", "the initiatives not scheduled",
                   COLS(left_cols)), r);
    loads(begin(v, &k, "loads", "each unit's resource in each period: "
                "capacity, work and levers", COLS(loads_cols)), r);
    levers(begin(v, &k, "levers", "where overtime, contractors, loans or "
                 "shortfall were used", COLS(levers_cols)), r);
    spend(begin(v, &k, "spend", "spend against every budget, then each "
                "period's", COLS(spend_cols)), r);
    t = begin(v, &k, "bottlenecks", "the capacity and budgets that bind, "
              "most valuable first", COLS(bottleneck_cols));
    if (oap_result_has_roadmap(r))
        rc = bottlenecks(t, r);
    if (r->status == OA_STATUS_INFEASIBLE)
        deficits(begin(v, &k, "deficits", "what the plan misses to fit",
                       COLS(deficit_cols)), r);
    for (q = 0; q < k; q++)
        if (v[q].failed)
            rc = OA_ENOMEM;
    if (rc != OA_OK) {
        oap_tables_free(v, k);
        return rc;
    }
    *out = v;
    *n = k;
    return OA_OK;
}

int oap_result_xlsx(char **out, size_t *size, const oa_result *r)
{
    oap_table *t = NULL;
    size_t n = 0;
    int rc;
    *out = NULL;
    *size = 0;
    rc = oap_result_tables(&t, &n, r);
    if (rc == OA_OK)
        rc = oap_tables_xlsx(out, size, "A result of libopsalign", r->name, t, n);
    oap_tables_free(t, n);
    return rc;
}

int oap_tables_save_csv(const char *dir, const oap_table *t, size_t n,
                        oa_error *err)
{
    size_t k;
    int rc = OA_OK;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        oap_error_set(err, OA_EIO, dir, -1, "cannot create the folder: %s",
                      strerror(errno));
        return OA_EIO;
    }
    for (k = 0; rc == OA_OK && k < n; k++) {
        oap_buf b;
        char *path;
        size_t len = strlen(dir) + strlen(t[k].name) + 8;
        oap_buf_init(&b);
        oap_table_csv(&b, &t[k]);
        path = oap_malloc(len);
        if (path == NULL || b.failed) {
            rc = OA_ENOMEM;
        } else {
            snprintf(path, len, "%s/%s.csv", dir, t[k].name);
            rc = oa_file_save(path, b.data ? b.data : "", b.len, err);
        }
        oap_free(path);
        oap_buf_free(&b);
    }
    if (rc == OA_ENOMEM)
        oap_error_set(err, rc, dir, -1, "out of memory");
    return rc;
}

OA_API int oa_result_write_table(char **out, size_t *size,
                                 const oa_result *result, const char *name)
{
    oap_table *t = NULL;
    size_t n = 0, k;
    int rc;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && result && name);
    rc = oap_result_tables(&t, &n, result);
    if (rc == OA_OK) {
        rc = OA_ENOTFOUND;
        for (k = 0; k < n; k++)
            if (strcmp(t[k].name, name) == 0) {
                oap_buf b;
                oap_buf_init(&b);
                oap_table_csv(&b, &t[k]);
                rc = oap_buf_finish(out, size, &b, OA_OK);
                break;
            }
    }
    oap_tables_free(t, n);
    return rc;
}

OA_API int oa_result_save_tables(const oa_result *result, const char *dir,
                                 oa_format format, oa_error *err)
{
    oap_table *t = NULL;
    size_t n = 0;
    int rc;
    oa_error_clear(err);
    if (result == NULL || dir == NULL || dir[0] == '\0' ||
        format != OA_FORMAT_CSV) {
        oap_error_set(err, OA_EINVAL, dir, -1, "tables: a result, a folder "
                      "and OA_FORMAT_CSV");
        return OA_EINVAL;
    }
    rc = oap_result_tables(&t, &n, result);
    if (rc == OA_OK)
        rc = oap_tables_save_csv(dir, t, n, err);
    else
        oap_error_set(err, rc, dir, -1, "out of memory");
    oap_tables_free(t, n);
    return rc;
}
