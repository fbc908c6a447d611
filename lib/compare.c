/*
 * Comparing results: summaries, roadmap differences, and a base beside
 * other results as text, CSV or XML.
 */
#include "fileio.h"
#include "result.h"
#include "tables.h"
#include "xw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

OA_API int oa_result_summarize(oa_result_summary *out, const oa_result *r)
{
    size_t k;
    OAP_ARG(out && r);
    memset(out, 0, sizeof *out);
    out->status = oa_result_status(r);
    out->objective = oa_result_objective(r);
    out->gap = oa_result_gap(r);
    for (k = 0; k < oa_result_initiative_count(r); k++) {
        oa_initiative_result ir;
        if (oa_result_initiative(&ir, r, k) != OA_OK)
            continue;
        if (ir.scheduled)
            out->scheduled++;
        else
            out->rejected++;
    }
    out->spend = NAN;
    for (k = 0; k < oa_result_spend_count(r); k++) {
        oa_spend s;
        if (oa_result_spend(&s, r, k) == OA_OK &&
            s.kind == OA_BUDGET_TOTAL) {
            out->spend = s.spend;
            break;
        }
    }
    for (k = 0; k < oa_result_load_count(r); k++) {
        oa_load l;
        if (oa_result_load(&l, r, k) != OA_OK)
            continue;
        out->overtime += l.overtime;
        out->contractors += l.contractors;
        out->loans += l.loan_out;
        out->shortfall += l.shortfall;
    }
    out->bound = oa_result_bound(r);
    out->stop = oa_result_stop(r);
    out->deficit = oa_result_deficit(r);
    out->binding = oap_result_binding(r);
    if (out->status != OA_STATUS_OPTIMAL && out->status != OA_STATUS_FEASIBLE &&
        out->status != OA_STATUS_RELAXED) {
        out->objective = out->spend = NAN;
        out->scheduled = 0;
    }
    return OA_OK;
}

OA_API int oa_result_delta(oa_delta *out, const oa_result *base,
                           const oa_result *other)
{
    double zb, zo, bb, bo;
    OAP_ARG(out && base && other);
    out->delta = out->lo = out->hi = NAN;
    out->proven = 0;
    if (!oap_result_has_roadmap(base) || !oap_result_has_roadmap(other))
        return OA_ESTATE;
    zb = oa_result_objective(base);
    zo = oa_result_objective(other);
    /* Without a bound an optimum may be anything above the objective. */
    bb = isnan(oa_result_bound(base)) ? HUGE_VAL : oa_result_bound(base);
    bo = isnan(oa_result_bound(other)) ? HUGE_VAL : oa_result_bound(other);
    out->delta = zo - zb;
    out->lo = zo - bb;
    out->hi = bo - zb;
    out->proven = out->lo > 0 || out->hi < 0 ||
                  out->hi - out->lo <= 1e-9 * (1 + fabs(out->delta));
    return OA_OK;
}

static int push_change(oa_change **v, size_t *n, size_t *cap, oa_change c)
{
    return OAP_PUSH(*v, *n, *cap, c);
}

OA_API int oa_result_diff(oa_change **out, size_t *n, const oa_result *base,
                          const oa_result *other)
{
    oa_change *v = NULL;
    size_t cnt = 0, cap = 0, k;
    int rc = OA_OK;
    if (out)
        *out = NULL;
    if (n)
        *n = 0;
    OAP_ARG(out && n && base && other);
    if (!oap_result_has_roadmap(base) || !oap_result_has_roadmap(other))
        return OA_ESTATE;
    for (k = 0; k < oa_result_initiative_count(base) && rc == OA_OK; k++) {
        oa_initiative_result a, b;
        oa_change c;
        if (oa_result_initiative(&a, base, k) != OA_OK)
            continue;
        c.id = a.id;
        c.from = a.scheduled ? a.start : 0;
        if (oa_result_find_initiative(&b, other, a.id) != OA_OK) {
            if (!a.scheduled)
                continue;
            c.kind = OA_CHANGE_REMOVED;
            c.to = 0;
        } else {
            c.to = b.scheduled ? b.start : 0;
            if (c.from == c.to)
                continue;
            c.kind = c.from == 0 ? OA_CHANGE_ADDED
                     : c.to == 0 ? OA_CHANGE_DROPPED
                                 : OA_CHANGE_MOVED;
        }
        rc = push_change(&v, &cnt, &cap, c);
    }
    for (k = 0; k < oa_result_initiative_count(other) && rc == OA_OK; k++) {
        oa_initiative_result a, b;
        oa_change c;
        if (oa_result_initiative(&b, other, k) != OA_OK || !b.scheduled ||
            oa_result_find_initiative(&a, base, b.id) == OA_OK)
            continue;
        c.kind = OA_CHANGE_NEW;
        c.id = b.id;
        c.from = 0;
        c.to = b.start;
        rc = push_change(&v, &cnt, &cap, c);
    }
    if (rc != OA_OK) {
        oap_free(v);
        return rc;
    }
    *out = v;
    *n = cnt;
    return OA_OK;
}

/* ---- the comparison ---- */

typedef struct column {
    const char *name;
    const oa_result *r;     /* NULL: the run failed */
    const char *message;    /* why, when it failed */
} column;

struct oa_comparison {
    oap_arena arena;
    OAP_VEC(column) cols; /* the base first */
    OAP_VEC(oa_result *) owned; /* freed with the comparison */
};

OA_API void oa_comparison_free(oa_comparison *cmp)
{
    size_t k;
    if (cmp == NULL)
        return;
    for (k = 0; k < cmp->owned.n; k++)
        oa_result_free(cmp->owned.v[k]);
    oap_free(cmp->owned.v);
    oap_free(cmp->cols.v);
    oap_arena_free(&cmp->arena);
    oap_free(cmp);
}

OA_API int oa_comparison_add(oa_comparison *cmp, const char *name,
                             const oa_result *result)
{
    column c;
    OAP_ARG(cmp && result);
    c.name = oap_arena_str(&cmp->arena, name ? name : "");
    c.r = result;
    c.message = NULL;
    if (c.name == NULL)
        return OA_ENOMEM;
    return OAP_VPUSH(cmp->cols, c);
}

OA_API int oa_comparison_add_failed(oa_comparison *cmp, const char *name,
                                    const char *message)
{
    column c;
    OAP_ARG(cmp && cmp->cols.n > 0);
    c.name = oap_arena_str(&cmp->arena, name ? name : "");
    c.message = oap_arena_str(&cmp->arena, message ? message : "failed");
    c.r = NULL;
    if (c.name == NULL || c.message == NULL)
        return OA_ENOMEM;
    return OAP_VPUSH(cmp->cols, c);
}

OA_API int oa_comparison_new(oa_comparison **out, const char *name,
                             const oa_result *base)
{
    oa_comparison *cmp;
    int rc;
    column c;
    OAP_ARG(out);
    *out = NULL;
    cmp = oap_calloc(1, sizeof *cmp);
    if (cmp == NULL)
        return OA_ENOMEM;
    if (base) {
        rc = oa_comparison_add(cmp, name ? name : "base", base);
    } else {
        c.name = oap_arena_str(&cmp->arena, name ? name : "base");
        c.message = oap_arena_str(&cmp->arena, "no result");
        c.r = NULL;
        rc = c.name && c.message ? OAP_VPUSH(cmp->cols, c) : OA_ENOMEM;
    }
    if (rc != OA_OK) {
        oa_comparison_free(cmp);
        return rc;
    }
    *out = cmp;
    return OA_OK;
}

OA_API size_t oa_comparison_count(const oa_comparison *cmp)
{
    return cmp ? cmp->cols.n : 0;
}

OA_API const char *oa_comparison_name(const oa_comparison *cmp, size_t i)
{
    return cmp && i < cmp->cols.n ? cmp->cols.v[i].name : NULL;
}

OA_API const oa_result *oa_comparison_result(const oa_comparison *cmp,
                                             size_t i)
{
    return cmp && i < cmp->cols.n ? cmp->cols.v[i].r : NULL;
}

int oap_comparison_own(oa_comparison *cmp, oa_result *r)
{
    int rc = OAP_VPUSH(cmp->owned, r);
    if (rc != OA_OK)
        oa_result_free(r);
    return rc;
}

/* The summary of a column; a failed run has no figures. */
static void col_summary(oa_result_summary *s, const column *c)
{
    if (c->r) {
        oa_result_summarize(s, c->r);
        return;
    }
    memset(s, 0, sizeof *s);
    s->status = OA_STATUS_NO_SOLUTION;
    s->objective = s->gap = s->spend = NAN;
    s->overtime = s->contractors = s->loans = s->shortfall = NAN;
}

static const char *col_status(const column *c, const oa_result_summary *s)
{
    return c->r ? oa_status_name(s->status) : "error";
}


static const char *const change_names[] = { "added", "dropped", "moved",
                                            "removed", "new" };

/* ---- text ---- */

#define LABEL_W 22
#define COL_W 15
#define PER_BLOCK 5

static void cell_money(char *buf, size_t size, double v)
{
    if (isnan(v))
        snprintf(buf, size, "-");
    else
        oap_format_money(buf, size, v);
}

static void cell_amount(char *buf, size_t size, double v)
{
    if (isnan(v))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.1f", v);
}

/* The budgets that bind, by kind: "total+range", "none", "-". */
static void cell_binding(char *buf, size_t size, const column *c,
                         const oa_result_summary *s)
{
    static const char *const kinds[] = { "total", "range", "unit" };
    size_t len = 0;
    int k;
    if (c->r == NULL || !oap_result_has_roadmap(c->r)) {
        snprintf(buf, size, "-");
        return;
    }
    buf[0] = '\0';
    for (k = 0; k < 3; k++)
        if (s->binding & (1u << k))
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
                                    "%s%s", len ? "+" : "", kinds[k]);
    if (len == 0)
        snprintf(buf, size, "none");
}

/* The delta of column k against the base, "~" marking one within the
 * searches' tolerance; 1 when it was so marked. */
static int cell_delta(char *buf, size_t size, const oa_comparison *cmp,
                      size_t k)
{
    oa_delta d;
    char m[48];
    if (k == 0 || !cmp->cols.v[0].r || !cmp->cols.v[k].r ||
        oa_result_delta(&d, cmp->cols.v[0].r, cmp->cols.v[k].r) != OA_OK) {
        snprintf(buf, size, "-");
        return 0;
    }
    oap_format_money(m, sizeof m, fabs(d.delta));
    snprintf(buf, size, "%s%s%s", d.delta < -0.5 ? "-" : d.delta > 0.5 ? "+" : "",
             m, d.proven ? "" : " ~");
    return !d.proven;
}

/* Against a baseline (oa_solve_opts.stability in a comparison): what the
 * move of id cost, as " (price 120)", or "". */
static void price_note(char *buf, size_t size, const oa_result *r,
                       const char *id)
{
    size_t i;
    buf[0] = '\0';
    for (i = 0; i < oa_result_move_count(r); i++) {
        oa_move mv;
        if (oa_result_move(&mv, r, i) == OA_OK && strcmp(mv.id, id) == 0 &&
            mv.price > 0) {
            char q[64];
            oap_format_money(q, sizeof q, mv.price);
            snprintf(buf, size, " (stability price %s)", q);
        }
    }
}

/* What paid for the moves of a result solved against a baseline. */
static void moves_paid(oap_buf *b, const oa_result *r)
{
    double st = oa_result_term(r, OA_TERM_STABILITY);
    double bo = oa_result_baseline_objective(r);
    char q[64], g[64];
    if (!oa_result_has_baseline(r) || isnan(st))
        return;
    oap_format_money(q, sizeof q, -st);
    if (isnan(bo)) {
        oap_buf_printf(b, "    stability prices %s; the base's roadmap does "
                       "not fit this scenario\n", q);
        return;
    }
    oap_format_money(g, sizeof g, oa_result_objective(r) - st - bo);
    oap_buf_printf(b, "    stability prices %s; the changes gain %s over the "
                   "base's roadmap before them\n", q, g);
}

static void write_text(oap_buf *b, const oa_comparison *cmp)
{
    int tolerance = 0, named = 0;
    size_t n = cmp->cols.n, c0, k;
    oa_result_summary *s = oap_calloc(n + 1, sizeof *s);
    const oa_result *base = cmp->cols.v[0].r;
    if (s == NULL) {
        b->failed = 1;
        return;
    }
    for (k = 0; k < n; k++)
        col_summary(&s[k], &cmp->cols.v[k]);
    oap_buf_printf(b, "Comparison of %s: the base and %zu other result%s\n",
                   base && oa_result_plan_name(base)
                       ? oa_result_plan_name(base)
                       : "the plan",
                   n - 1, n == 2 ? "" : "s");
    if (base && oa_result_currency(base))
        oap_buf_printf(b, "Money in %s; levers in resource units summed "
                          "over units and periods.\n",
                       oa_result_currency(base));
    for (c0 = 0; c0 < n; c0 += PER_BLOCK) {
        size_t c1 = c0 + PER_BLOCK < n ? c0 + PER_BLOCK : n, row;
        static const char *const rows[] = {
            "", "status", "objective", "  against the base", "bound",
            "gap", "scheduled", "rejected", "spend", "budgets binding",
            "overtime", "contractors", "loans", "run work undone" };
        oap_buf_puts(b, "\n");
        for (row = 0; row < sizeof rows / sizeof rows[0]; row++) {
            oap_buf_printf(b, "%-*s", LABEL_W, rows[row]);
            for (k = c0; k < c1; k++) {
                char cell[64];
                const oa_result_summary *x = &s[k];
                switch (row) {
                case 0:
                    snprintf(cell, sizeof cell, "%.*s",
                             (int)oap_utf8_prefix(cmp->cols.v[k].name,
                                                  COL_W - 1),
                             cmp->cols.v[k].name);
                    break;
                case 1:
                    snprintf(cell, sizeof cell, "%s",
                             col_status(&cmp->cols.v[k], x));
                    break;
                case 2:
                    cell_money(cell, sizeof cell, x->objective);
                    break;
                case 3:
                    tolerance |= cell_delta(cell, sizeof cell, cmp, k);
                    break;
                case 4:
                    cell_money(cell, sizeof cell, x->bound);
                    break;
                case 5:
                    if (isnan(x->gap))
                        snprintf(cell, sizeof cell, "-");
                    else
                        snprintf(cell, sizeof cell, "%.2f%%", 100 * x->gap);
                    break;
                case 6:
                    if (cmp->cols.v[k].r)
                        snprintf(cell, sizeof cell, "%zu", x->scheduled);
                    else
                        snprintf(cell, sizeof cell, "-");
                    break;
                case 7:
                    if (cmp->cols.v[k].r)
                        snprintf(cell, sizeof cell, "%zu", x->rejected);
                    else
                        snprintf(cell, sizeof cell, "-");
                    break;
                case 8:
                    cell_money(cell, sizeof cell, x->spend);
                    break;
                case 9:
                    cell_binding(cell, sizeof cell, &cmp->cols.v[k], x);
                    break;
                case 10:
                    cell_amount(cell, sizeof cell, x->overtime);
                    break;
                case 11:
                    cell_amount(cell, sizeof cell, x->contractors);
                    break;
                case 12:
                    cell_amount(cell, sizeof cell, x->loans);
                    break;
                default:
                    cell_amount(cell, sizeof cell, x->shortfall);
                    break;
                }
                {
                    /* right-aligned by characters, not bytes */
                    size_t w = 0, q;
                    for (q = 0; cell[q]; q++)
                        w += ((unsigned char)cell[q] & 0xC0) != 0x80;
                    for (; w < COL_W; w++)
                        oap_buf_puts(b, " ");
                    oap_buf_puts(b, cell);
                }
            }
            oap_buf_puts(b, "\n");
        }
    }
    for (k = 0; k < n; k++) {
        const oa_result *r = cmp->cols.v[k].r;
        if (r == NULL || oa_result_scenario(r) == NULL)
            continue;
        if (!named++)
            oap_buf_puts(b, "\nScenarios\n\n");
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, cmp->cols.v[k].name, 20);
        oap_buf_printf(b, " %s%s%s%s\n", oa_result_scenario(r),
                       oa_result_scenario_file(r) ? " (" : "",
                       oa_result_scenario_file(r) ? oa_result_scenario_file(r)
                                                  : "",
                       oa_result_scenario_file(r) ? ")" : "");
    }
    if (tolerance)
        oap_buf_puts(b, "\n~ within the searches' tolerance: the difference "
                        "is smaller than the gaps\n  of the two runs, so "
                        "which plan is better is not established.\n");
    oap_buf_puts(b, "\nBudgets that bind\n\n");
    for (k = 0; k < n; k++) {
        char bind[400];
        if (cmp->cols.v[k].r == NULL ||
            !oap_result_has_roadmap(cmp->cols.v[k].r))
            continue;
        oap_binding_text(bind, sizeof bind, cmp->cols.v[k].r, 6);
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, cmp->cols.v[k].name, 20);
        oap_buf_printf(b, " %s\n", bind);
    }
    oap_buf_puts(b, "\nChanges against the base\n");
    for (k = 1; k < n; k++) {
        oa_change *ch = NULL;
        size_t nc = 0, j;
        const oa_result *r = cmp->cols.v[k].r;
        oap_buf_printf(b, "\n  %s:", cmp->cols.v[k].name);
        if (r == NULL) {
            oap_buf_printf(b, " failed: %s\n", cmp->cols.v[k].message);
            continue;
        }
        if (base == NULL) {
            oap_buf_puts(b, " (no base to compare with)\n");
            continue;
        }
        if (s[k].status == OA_STATUS_INFEASIBLE) {
            char q[64];
            oap_format_amount(q, sizeof q, s[k].deficit);
            oap_buf_printf(b, " no roadmap: the mandatory work does not fit "
                           "(a least total deficit of %s%s).\n", q,
                           oa_result_deficit_proven(r) ? ""
                                                       : ", not proven least");
            continue;
        }
        if (s[k].status != OA_STATUS_OPTIMAL &&
            s[k].status != OA_STATUS_FEASIBLE) {
            oap_buf_printf(b, " no roadmap (%s).\n",
                           oa_status_name(s[k].status));
            continue;
        }
        if (oa_result_diff(&ch, &nc, base, r) != OA_OK) {
            b->failed = 1;
            break;
        }
        if (nc == 0)
            oap_buf_puts(b, " the same roadmap.");
        oap_buf_puts(b, "\n");
        for (j = 0; j < nc; j++) {
            const oa_change *c = &ch[j];
            char pn[96];
            price_note(pn, sizeof pn, r, c->id);
            switch (c->kind) {
            case OA_CHANGE_ADDED:
            case OA_CHANGE_NEW:
                oap_buf_printf(b, "    + %-28s in %s%s\n", c->id,
                               oap_result_label(r, c->to),
                               c->kind == OA_CHANGE_NEW ? " (not in the base)"
                                                        : "");
                break;
            case OA_CHANGE_DROPPED:
            case OA_CHANGE_REMOVED:
                oap_buf_printf(b, "    - %-28s was in %s%s%s\n", c->id,
                               oap_result_label(base, c->from),
                               c->kind == OA_CHANGE_REMOVED
                                   ? " (removed from the plan)"
                                   : "", pn);
                break;
            case OA_CHANGE_MOVED:
                oap_buf_printf(b, "    > %-28s %s -> %s%s\n", c->id,
                               oap_result_label(base, c->from),
                               oap_result_label(r, c->to), pn);
                break;
            }
        }
        if (nc > 0)
            moves_paid(b, r);
        oap_free(ch);
    }
    oap_free(s);
}

/* The delta against the base and whether it is proven, as attributes. */
static void oap_delta_attrs(oap_xw *x, const oa_result *base,
                            const oa_result *r, size_t k)
{
    oa_delta d;
    if (k == 0 || base == NULL || oa_result_delta(&d, base, r) != OA_OK)
        return;
    oap_xw_attr_s(x, "against-base-proven", d.proven ? "true" : "false");
    oap_xw_attr_d(x, "optima-difference-low", d.lo);
    oap_xw_attr_d(x, "optima-difference-high", d.hi);
}

/* ---- CSV ---- */

static void write_csv(oap_buf *b, const oa_comparison *cmp)
{
    size_t k, j;
    const oa_result *base = cmp->cols.v[0].r;
    oa_result_summary s0;
    col_summary(&s0, &cmp->cols.v[0]);
    oap_buf_puts(b, "result,status,objective,against_base,gap,scheduled,"
                    "rejected,spend,overtime,contractors,loans,shortfall,"
                    "message,bound,stopped_by,against_base_proven,"
                    "optima_difference_low,optima_difference_high,"
                    "budgets_binding,deficit,scenario,scenario_file\n");
    for (k = 0; k < cmp->cols.n; k++) {
        oa_result_summary s;
        col_summary(&s, &cmp->cols.v[k]);
        oap_csv_str(b, cmp->cols.v[k].name);
        oap_buf_printf(b, ",%s,", col_status(&cmp->cols.v[k], &s));
        oap_csv_num(b, s.objective);
        oap_buf_puts(b, ",");
        if (k > 0)
            oap_csv_num(b, s.objective - s0.objective);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.gap);
        if (cmp->cols.v[k].r)
            oap_buf_printf(b, ",%zu,%zu,", s.scheduled, s.rejected);
        else
            oap_buf_puts(b, ",,,");
        oap_csv_num(b, s.spend);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.overtime);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.contractors);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.loans);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.shortfall);
        oap_buf_puts(b, ",");
        oap_csv_str(b, cmp->cols.v[k].message);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.bound);
        oap_buf_printf(b, ",%s,",
                       cmp->cols.v[k].r ? oa_stop_name(s.stop) : "");
        {
            oa_delta d;
            if (k > 0 && base && cmp->cols.v[k].r &&
                oa_result_delta(&d, base, cmp->cols.v[k].r) == OA_OK) {
                oap_buf_printf(b, "%d,", d.proven);
                oap_csv_num(b, d.lo);
                oap_buf_puts(b, ",");
                oap_csv_num(b, d.hi);
            } else {
                oap_buf_puts(b, ",,");
            }
        }
        oap_buf_puts(b, ",");
        if (cmp->cols.v[k].r && oap_result_has_roadmap(cmp->cols.v[k].r)) {
            char bind[400];
            oap_binding_text(bind, sizeof bind, cmp->cols.v[k].r, 100);
            oap_csv_str(b, bind);
        }
        oap_buf_puts(b, ",");
        if (s.status == OA_STATUS_INFEASIBLE)
            oap_csv_num(b, s.deficit);
        oap_buf_puts(b, ",");
        if (cmp->cols.v[k].r) {
            oap_csv_str(b, oa_result_scenario(cmp->cols.v[k].r));
            oap_buf_puts(b, ",");
            oap_csv_str(b, oa_result_scenario_file(cmp->cols.v[k].r));
        } else {
            oap_buf_puts(b, ",");
        }
        oap_buf_puts(b, "\n");
    }
    oap_buf_puts(b, "\nresult,initiative,change,from,to,from_label,to_label\n");
    for (k = 1; k < cmp->cols.n; k++) {
        oa_change *ch = NULL;
        size_t nc = 0;
        const oa_result *r = cmp->cols.v[k].r;
        if (r == NULL || base == NULL || !oap_result_has_roadmap(r) ||
            !oap_result_has_roadmap(base))
            continue;
        if (oa_result_diff(&ch, &nc, base, r) != OA_OK) {
            b->failed = 1;
            return;
        }
        for (j = 0; j < nc; j++) {
            oap_csv_str(b, cmp->cols.v[k].name);
            oap_buf_puts(b, ",");
            oap_csv_str(b, ch[j].id);
            oap_buf_printf(b, ",%s,", change_names[ch[j].kind]);
            if (ch[j].from)
                oap_buf_printf(b, "%d", ch[j].from);
            oap_buf_puts(b, ",");
            if (ch[j].to)
                oap_buf_printf(b, "%d", ch[j].to);
            oap_buf_puts(b, ",");
            if (ch[j].from)
                oap_csv_str(b, oap_result_label(base, ch[j].from));
            oap_buf_puts(b, ",");
            if (ch[j].to)
                oap_csv_str(b, oap_result_label(r, ch[j].to));
            oap_buf_puts(b, "\n");
        }
        oap_free(ch);
    }
}

/* ---- XML ---- */

static int write_xml(oap_buf *b, const oa_comparison *cmp)
{
    const oa_result *base = cmp->cols.v[0].r;
    oa_result_summary s0;
    oap_xw *x = NULL;
    size_t k, j;
    {
        int brc = oap_xw_begin(&x, "  ");
        if (brc != OA_OK)
            return brc;
    }
    col_summary(&s0, &cmp->cols.v[0]);
    oap_xw_start(x, "comparison");
    oap_xw_attr_s(x, "version", "1");
    if (base) {
        oap_xw_attr_s(x, "plan", oa_result_plan_name(base));
        oap_xw_attr_s(x, "currency", oa_result_currency(base));
    }
    for (k = 0; k < cmp->cols.n; k++) {
        oa_result_summary s;
        const oa_result *r = cmp->cols.v[k].r;
        oa_change *ch = NULL;
        size_t nc = 0;
        col_summary(&s, &cmp->cols.v[k]);
        oap_xw_start(x, k == 0 ? "base" : "result");
        oap_xw_attr_s(x, "name", cmp->cols.v[k].name);
        oap_xw_attr_s(x, "status", col_status(&cmp->cols.v[k], &s));
        oap_xw_attr_s(x, "message", cmp->cols.v[k].message);
        oap_xw_attr_d(x, "objective", s.objective);
        if (k > 0)
            oap_xw_attr_d(x, "against-base", s.objective - s0.objective);
        oap_xw_attr_d(x, "gap", s.gap);
        if (r) {
            oap_delta_attrs(x, base, r, k);
            oap_xw_attr_d(x, "bound", s.bound);
            oap_xw_attr_s(x, "stopped-by", oa_stop_name(s.stop));
            oap_xw_attr_s(x, "scenario", oa_result_scenario(r));
            oap_xw_attr_s(x, "scenario-file", oa_result_scenario_file(r));
            if (s.status == OA_STATUS_INFEASIBLE)
                oap_xw_attr_d(x, "deficit", s.deficit);
            if (oap_result_has_roadmap(r)) {
                char bind[400];
                oap_binding_text(bind, sizeof bind, r, 100);
                oap_xw_attr_s(x, "budgets-binding", bind);
            }
            oap_xw_attr_i(x, "scheduled", (int)s.scheduled);
            oap_xw_attr_i(x, "rejected", (int)s.rejected);
        }
        oap_xw_attr_d(x, "spend", s.spend);
        oap_xw_attr_d(x, "overtime", s.overtime);
        oap_xw_attr_d(x, "contractors", s.contractors);
        oap_xw_attr_d(x, "loans", s.loans);
        oap_xw_attr_d(x, "shortfall", s.shortfall);
        if (k > 0 && r && base && oap_result_has_roadmap(r) &&
            oap_result_has_roadmap(base) &&
            oa_result_diff(&ch, &nc, base, r) != OA_OK)
            oap_xw_fail(x);
        for (j = 0; j < nc; j++) {
            oap_xw_start(x, "change");
            oap_xw_attr_s(x, "initiative", ch[j].id);
            oap_xw_attr_s(x, "kind", change_names[ch[j].kind]);
            if (ch[j].from) {
                oap_xw_attr_i(x, "from", ch[j].from);
                oap_xw_attr_s(x, "from-label", oap_result_label(base, ch[j].from));
            }
            if (ch[j].to) {
                oap_xw_attr_i(x, "to", ch[j].to);
                oap_xw_attr_s(x, "to-label", oap_result_label(r, ch[j].to));
            }
            oap_xw_end(x);
        }
        oap_free(ch);
        oap_xw_end(x);
    }
    oap_xw_end(x);
    return oap_xw_finish(x, b);
}

OA_API int oa_comparison_write(char **out, size_t *size,
                               const oa_comparison *cmp, oa_format format)
{
    oap_buf b;
    int rc = OA_OK;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && cmp && cmp->cols.n > 0);
    OAP_ARG(format == OA_FORMAT_TEXT || format == OA_FORMAT_XML ||
            format == OA_FORMAT_CSV || format == OA_FORMAT_XLSX);
    oap_buf_init(&b);
    if (format == OA_FORMAT_TEXT)
        write_text(&b, cmp);
    else if (format == OA_FORMAT_CSV || format == OA_FORMAT_XLSX)
        write_csv(&b, cmp);
    else
        rc = write_xml(&b, cmp);
    if (format == OA_FORMAT_XLSX && rc == OA_OK && !b.failed) {
        /* the CSV's two tables, one sheet each */
        static const char *const names[] = { "comparison", "changes" };
        size_t n = 0;
        oap_buf_putn(&b, "", 1); /* a NUL after the text */
        rc = b.failed ? OA_ENOMEM
                      : oap_csv_xlsx(out, &n, b.data, names, 2,
                                     "A comparison of libopsalign");
        oap_buf_free(&b);
        if (size)
            *size = n;
        return rc;
    }
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_comparison_save(const oa_comparison *cmp, const char *path,
                              oa_format format, oa_error *err)
{
    char *data = NULL;
    size_t size = 0;
    OAP_ARG(cmp && path);
    if (err)
        oa_error_clear(err);
    int rc = oa_comparison_write(&data, &size, cmp, format);
    return oap_save_text(path, data, size, rc, err);
}

/* ---- HTML (the report embeds it) ---- */

static void h_el(oap_xw *x, const char *tag, const char *text)
{
    oap_xw_start(x, tag);
    oap_xw_text(x, text ? text : "");
    oap_xw_end_full(x);
}

void oap_comparison_html(oap_xw *x, const oa_comparison *cmp)
{
    static const char *const heads[] = {
        "", "status", "objective", "against the base", "bound", "gap",
        "scheduled", "rejected", "spend", "budgets binding", "overtime",
        "contractors", "loans", "run work undone" };
    const oa_result *base = cmp->cols.v[0].r;
    size_t k, j, h;
    int tolerance = 0;
    oap_xw_start(x, "table");
    oap_xw_attr_s(x, "class", "heat");
    oap_xw_start(x, "tr");
    for (h = 0; h < sizeof heads / sizeof heads[0]; h++)
        h_el(x, "th", heads[h]);
    oap_xw_end_full(x);
    for (k = 0; k < cmp->cols.n; k++) {
        oa_result_summary s;
        char cell[64];
        col_summary(&s, &cmp->cols.v[k]);
        oap_xw_start(x, "tr");
        oap_xw_start(x, "td");
        oap_xw_attr_s(x, "class", "name");
        oap_xw_text(x, cmp->cols.v[k].name);
        oap_xw_end_full(x);
        h_el(x, "td", col_status(&cmp->cols.v[k], &s));
        oap_format_money(cell, sizeof cell, s.objective);
        h_el(x, "td", isnan(s.objective) ? "-" : cell);
        tolerance |= cell_delta(cell, sizeof cell, cmp, k);
        h_el(x, "td", cell);
        oap_format_money(cell, sizeof cell, s.bound);
        h_el(x, "td", isnan(s.bound) ? "-" : cell);
        snprintf(cell, sizeof cell, "%.2f %%", 100 * s.gap);
        h_el(x, "td", isnan(s.gap) ? "-" : cell);
        snprintf(cell, sizeof cell, "%zu", s.scheduled);
        h_el(x, "td", cmp->cols.v[k].r ? cell : "-");
        snprintf(cell, sizeof cell, "%zu", s.rejected);
        h_el(x, "td", cmp->cols.v[k].r ? cell : "-");
        oap_format_money(cell, sizeof cell, s.spend);
        h_el(x, "td", isnan(s.spend) ? "-" : cell);
        {
            char bind[400];
            if (cmp->cols.v[k].r && oap_result_has_roadmap(cmp->cols.v[k].r))
                oap_binding_text(bind, sizeof bind, cmp->cols.v[k].r, 6);
            else
                snprintf(bind, sizeof bind, "-");
            h_el(x, "td", bind);
        }
        {
            const double v[] = { s.overtime, s.contractors, s.loans,
                                 s.shortfall };
            for (h = 0; h < 4; h++) {
                snprintf(cell, sizeof cell, "%.1f", v[h]);
                h_el(x, "td", isnan(v[h]) ? "-" : cell);
            }
        }
        oap_xw_end_full(x);
    }
    oap_xw_end_full(x);
    if (tolerance)
        h_el(x, "p", "~ within the searches' tolerance: the difference is "
                     "smaller than the gaps of the two runs, so which plan "
                     "is better is not established.");
    for (k = 1; k < cmp->cols.n; k++) {
        const oa_result *r = cmp->cols.v[k].r;
        oa_change *ch = NULL;
        size_t nc = 0;
        char line[400];
        h_el(x, "h3", cmp->cols.v[k].name);
        if (r == NULL || base == NULL) {
            h_el(x, "p", r ? "no base to compare with"
                           : cmp->cols.v[k].message);
            continue;
        }
        if (!oap_result_has_roadmap(r) || !oap_result_has_roadmap(base)) {
            if (oa_result_status(r) == OA_STATUS_INFEASIBLE) {
                char q[64];
                oap_format_amount(q, sizeof q, oa_result_deficit(r));
                snprintf(line, sizeof line, "No roadmap: the mandatory work "
                         "does not fit (a least total deficit of %s).", q);
            } else {
                snprintf(line, sizeof line, "No roadmap to compare (%s).",
                         oa_status_name(oa_result_status(r)));
            }
            h_el(x, "p", line);
            continue;
        }
        if (oa_result_diff(&ch, &nc, base, r) != OA_OK) {
            oap_xw_fail(x);
            return;
        }
        if (nc == 0)
            h_el(x, "p", "The same roadmap as the base.");
        else {
            oap_xw_start(x, "ul");
            for (j = 0; j < nc; j++) {
                const oa_change *c = &ch[j];
                if (c->kind == OA_CHANGE_MOVED)
                    snprintf(line, sizeof line, "%s moves from %s to %s",
                             c->id, oap_result_label(base, c->from), oap_result_label(r, c->to));
                else if (c->kind == OA_CHANGE_ADDED ||
                         c->kind == OA_CHANGE_NEW)
                    snprintf(line, sizeof line, "%s is added, in %s", c->id,
                             oap_result_label(r, c->to));
                else
                    snprintf(line, sizeof line, "%s is %s (was in %s)",
                             c->id, c->kind == OA_CHANGE_REMOVED
                                        ? "removed from the plan"
                                        : "dropped",
                             oap_result_label(base, c->from));
                h_el(x, "li", line);
            }
            oap_xw_end_full(x);
        }
        oap_free(ch);
    }
}
