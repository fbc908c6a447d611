/*
 * Writing explanations: text that reads as sentences, and XML (libxml2's
 * writer, so plan-supplied texts are escaped).
 */
#include "fileio.h"
#include "result.h"
#include "xw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define WIDTH 98

/* Appends text wrapped at WIDTH columns, every line indented. */
static void put_wrapped(oap_buf *b, const char *text, int indent,
                        int hanging)
{
    const char *p = text;
    int col = 0, first = 1;
    if (p == NULL) {
        /* the sentence's own buffer ran out of memory */
        b->failed = 1;
        return;
    }
    while (*p) {
        size_t n;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        n = strcspn(p, " ");
        if (col > 0 && col + 1 + (int)n > WIDTH) {
            oap_buf_puts(b, "\n");
            col = 0;
        }
        if (col == 0) {
            int k, ind = first ? indent : indent + hanging;
            for (k = 0; k < ind; k++)
                oap_buf_puts(b, " ");
            col = ind;
            first = 0;
        } else {
            oap_buf_puts(b, " ");
            col++;
        }
        oap_buf_putn(b, p, n);
        col += (int)n;
        p += n;
    }
    oap_buf_puts(b, "\n");
}


static const char *budget_name(oa_budget_kind k)
{
    return k == OA_BUDGET_TOTAL ? "the total budget"
           : k == OA_BUDGET_RANGE ? "the budget limit"
                                  : "the budget of unit";
}

/* "1.5 more fte in legal in 2027-04" or "12,000 more in the total
 * budget" */
static void need_text(oap_buf *b, const oa_result *r, const oa_deficit *d)
{
    char a[64];
    if (d->is_budget) {
        oap_format_money(a, sizeof a, d->amount);
        oap_buf_printf(b, "%s more in %s", a, budget_name(d->budget));
        if (d->budget == OA_BUDGET_UNIT && d->unit)
            oap_buf_printf(b, " %s", d->unit);
        if (d->budget == OA_BUDGET_RANGE)
            oap_buf_printf(b, " of %s..%s", oap_result_label(r, d->from), oap_result_label(r, d->to));
    } else {
        oap_format_amount(a, sizeof a, d->amount);
        oap_buf_printf(b, "%s more %s in %s in %s", a, d->resource, d->unit,
                       oap_result_label(r, d->period));
        /* a range, if any, is appended by the caller */
    }
}

/* Needs in sentences; runs of consecutive periods with the same unit,
 * resource and amount are said once, as a range. */
static void needs_text(oap_buf *b, const oa_explanation *ex, size_t i)
{
    const oa_result *r = oa_explanation_result(ex);
    size_t k, n = oa_explanation_need_count(ex, i), said = 0, groups = 0;
    /* first count the groups, to put "and" before the last */
    for (k = 0; k < n; k++) {
        oa_deficit d, e;
        if (oa_explanation_need(&d, ex, i, k) != OA_OK)
            continue;
        if (k + 1 < n && oa_explanation_need(&e, ex, i, k + 1) == OA_OK &&
            !d.is_budget && !e.is_budget && strcmp(d.unit, e.unit) == 0 &&
            strcmp(d.resource, e.resource) == 0 &&
            e.period == d.period + 1 && fabs(e.amount - d.amount) < 1e-9)
            continue;
        groups++;
    }
    for (k = 0; k < n; k++) {
        oa_deficit d, e;
        int to;
        if (oa_explanation_need(&d, ex, i, k) != OA_OK)
            continue;
        to = d.period;
        while (!d.is_budget && k + 1 < n &&
               oa_explanation_need(&e, ex, i, k + 1) == OA_OK &&
               !e.is_budget && strcmp(d.unit, e.unit) == 0 &&
               strcmp(d.resource, e.resource) == 0 && e.period == to + 1 &&
               fabs(e.amount - d.amount) < 1e-9) {
            to = e.period;
            k++;
        }
        oap_buf_puts(b, said == 0 ? " " : (said + 1 == groups ? " and "
                                                                : ", "));
        said++;
        need_text(b, r, &d);
        if (!d.is_budget && to != d.period)
            oap_buf_printf(b, "..%s", oap_result_label(r, to));
    }
    oap_buf_puts(b, oa_explanation_need_proven(ex, i)
                        ? "."
                        : " (the least found within the time limit).");
}

static void name_of(oap_buf *b, const oa_explained *e)
{
    oap_buf_puts(b, e->id);
    if (e->name && strcmp(e->name, e->id) != 0)
        oap_buf_printf(b, " (%s)", e->name);
}

static void lever_text(oap_buf *b, const char *what, double v, int *any)
{
    char a[64];
    if (fabs(v) < 1e-6)
        return;
    oap_format_amount(a, sizeof a, fabs(v));
    oap_buf_printf(b, "%s%s %s %s", *any ? ", " : "", a,
                   v > 0 ? "more" : "less", what);
    *any = 1;
}

static void rejected_text(oap_buf *out, const oa_explanation *ex, size_t i,
                          const oa_explained *e)
{
    const oa_result *r = oa_explanation_result(ex);
    oap_buf b;
    char m[64];
    size_t k, n;
    oap_buf_init(&b);
    name_of(&b, e);
    if (e->never_fits) {
        oap_buf_puts(&b, " is rejected and can never fit: even with every "
                         "other optional initiative dropped it needs");
        if (e->reason)
            oap_buf_printf(&b, " what no capacity can give: %s.", e->reason);
        else if (oa_explanation_need_count(ex, i) == 0)
            oap_buf_puts(&b, " what no capacity can give (its window or "
                             "its requirements).");
        else
            needs_text(&b, ex, i);
        put_wrapped(out, b.data, 2, 4);
        oap_buf_free(&b);
        return;
    }
    oap_buf_puts(&b, " is rejected.");
    if (isnan(e->forcing_cost)) {
        oap_buf_puts(&b, " No roadmap with it was found within the time "
                         "limit, so the price of forcing it in is unknown.");
    } else if (e->forcing_cost < 0) {
        oap_format_money(m, sizeof m, -e->forcing_cost);
        oap_buf_printf(&b, " Forcing it in gives a roadmap %s better than "
                           "this one, which was not proven optimal.", m);
    } else {
        int any = 0;
        oap_format_money(m, sizeof m, e->forcing_cost);
        oap_buf_printf(&b, " Forcing it in would cost %s%s", m,
                       e->forcing_proven ? "" : " (not proven)");
        n = oa_explanation_displaced_count(ex, i);
        for (k = 0; k < n; k++) {
            oa_displaced d;
            if (oa_explanation_displaced(&d, ex, i, k) != OA_OK)
                continue;
            oap_buf_puts(&b, k == 0 ? ": it " : ", ");
            if (d.to == 0)
                oap_buf_printf(&b, "drops %s (from %s)", d.id,
                               oap_result_label(r, d.from));
            else if (d.from == 0)
                oap_buf_printf(&b, "adds %s (in %s)", d.id, oap_result_label(r, d.to));
            else
                oap_buf_printf(&b, "moves %s from %s to %s", d.id,
                               oap_result_label(r, d.from), oap_result_label(r, d.to));
        }
        oap_buf_puts(&b, n ? "" : ": it displaces nothing");
        {
            oap_buf l;
            oap_buf_init(&l);
            lever_text(&l, "overtime", e->extra_overtime, &any);
            lever_text(&l, "contractors", e->extra_contractors, &any);
            lever_text(&l, "loaned", e->extra_loans, &any);
            lever_text(&l, "run work left undone", e->extra_shortfall, &any);
            if (any)
                oap_buf_printf(&b, "; levers: %s", l.data);
            oap_buf_free(&l);
        }
        oap_buf_puts(&b, ".");
    }
    if (e->reason) {
        oap_buf_printf(&b, " It cannot join the roadmap as it is: %s.",
                       e->reason);
    } else if (e->excluded_by) {
        oap_buf_printf(&b, " It cannot join the roadmap as it is: it "
                           "excludes %s, which is scheduled.",
                       e->excluded_by);
    } else if (e->fits_beside) {
        oap_format_money(m, sizeof m, e->beside_cost);
        oap_buf_printf(&b, " It fits beside the roadmap as it is with more "
                           "overtime, contractors or loans, but they cost "
                           "%s more than it earns.", m);
    } else if (oa_explanation_need_count(ex, i) > 0) {
        oap_buf_puts(&b, " To let it in without displacing anything it "
                         "needs");
        needs_text(&b, ex, i);
    }
    put_wrapped(out, b.data, 2, 4);
    oap_buf_free(&b);
}

static void delayed_text(oap_buf *out, const oa_explanation *ex, size_t i,
                         const oa_explained *e)
{
    const oa_result *r = oa_explanation_result(ex);
    oap_buf b;
    char m[64];
    oap_buf_init(&b);
    name_of(&b, e);
    if (e->kind == OA_EXPLAINED_ON_TIME) {
        oap_buf_printf(&b, " starts on time, in %s.", oap_result_label(r, e->start));
        put_wrapped(out, b.data, 2, 4);
        oap_buf_free(&b);
        return;
    }
    oap_buf_printf(&b, " starts in %s, %d period%s after its earliest start "
                       "%s",
                   oap_result_label(r, e->start), e->delay, e->delay == 1 ? "" : "s",
                   oap_result_label(r, e->earliest));
    if (e->delay_cost > 0) {
        oap_format_money(m, sizeof m, e->delay_cost);
        oap_buf_printf(&b, "; the delay costs %s of benefit.", m);
    } else {
        oap_buf_puts(&b, "; the delay costs nothing by itself (it earns no "
                         "benefit per period).");
    }
    if (e->held_by) {
        oap_buf_printf(&b, " It waits for %s, which it requires, to finish.",
                       e->held_by);
    } else if (oa_explanation_need_count(ex, i) > 0) {
        oap_buf_puts(&b, " An earlier start is blocked: it would need");
        needs_text(&b, ex, i);
    } else if (e->reason) {
        oap_buf_printf(&b, " It cannot start earlier: %s.", e->reason);
    } else if (!isnan(e->earlier_cost)) {
        oap_format_money(m, sizeof m, e->earlier_cost);
        oap_buf_printf(&b, " It could start earlier with more overtime, "
                           "contractors or loans, but the roadmap would "
                           "earn %s less.", m);
    }
    put_wrapped(out, b.data, 2, 4);
    oap_buf_free(&b);
}

static void bottleneck_text(oap_buf *out, const oa_explanation *ex, size_t k,
                            const oa_bottleneck *bn)
{
    const oa_result *r = oa_explanation_result(ex);
    oap_buf b;
    char m[64], v[64];
    oap_buf_init(&b);
    oap_buf_printf(&b, "%zu.", k + 1);
    if (bn->is_budget) {
        snprintf(m, sizeof m, "%.4g", bn->marginal);
        oap_buf_printf(&b, " %s", budget_name(bn->budget));
        if (bn->budget == OA_BUDGET_UNIT && bn->unit)
            oap_buf_printf(&b, " %s", bn->unit);
        if (bn->budget == OA_BUDGET_RANGE)
            oap_buf_printf(&b, " of %s..%s", oap_result_label(r, bn->from),
                           oap_result_label(r, bn->to));
        oap_buf_printf(&b, " binds: each more unit of money is worth %s.", m);
    } else {
        oap_format_money(m, sizeof m, bn->marginal);
        oap_buf_printf(&b, " one more %s in %s in %s", bn->resource, bn->unit,
                       oap_result_label(r, bn->from));
        if (bn->to != bn->from)
            oap_buf_printf(&b, "..%s", oap_result_label(r, bn->to));
        if (bn->to != bn->from)
            oap_buf_puts(&b, " (in each period)");
        if (isnan(bn->value)) {
            oap_buf_printf(&b, " is worth %s at the margin (shadow price with "
                               "this roadmap fixed; not re-solved).", m);
        } else if (fabs(bn->value) < 1e-6 && fabs(bn->marginal) < 1e-6) {
            oap_buf_printf(&b, " gains nothing: %s is full there, but one "
                               "more alone lets nothing more in%s.",
                           bn->unit, bn->proven ? "" : " (not proven)");
        } else {
            oap_format_money(v, sizeof v, bn->value);
            oap_buf_printf(&b, " is worth %s%s", v,
                           bn->proven ? "" : " (the best re-solve found in "
                                             "time; not proven)");
            if (fabs(bn->value - bn->marginal) > 1e-6)
                oap_buf_printf(&b, "; with this roadmap fixed, %s", m);
            oap_buf_puts(&b, ".");
        }
    }
    put_wrapped(out, b.data, 2, 3);
    oap_buf_free(&b);
}

static void write_text(oap_buf *b, const oa_explanation *ex)
{
    const oa_result *r = oa_explanation_result(ex);
    size_t i, n = oa_explanation_count(ex), k;
    int kind;
    char m[64];
    oap_format_money(m, sizeof m, oa_result_objective(r));
    oap_buf_printf(b, "Explanation of the roadmap of %s (%s, objective %s%s%s)\n",
                   oa_result_plan_name(r) ? oa_result_plan_name(r) : "the plan",
                   oa_status_name(oa_result_status(r)), m,
                   oa_result_currency(r) ? " " : "",
                   oa_result_currency(r) ? oa_result_currency(r) : "");
    for (kind = 0; kind < 3; kind++) {
        int head = 0;
        for (i = 0; i < n; i++) {
            oa_explained e;
            if (oa_explanation_initiative(&e, ex, i) != OA_OK ||
                (int)e.kind != kind)
                continue;
            if (!head) {
                oap_buf_puts(b, kind == 0   ? "\nRejected\n\n"
                                : kind == 1 ? "\nDelayed\n\n"
                                            : "\nOn time\n\n");
                head = 1;
            }
            if (kind == OA_EXPLAINED_REJECTED)
                rejected_text(b, ex, i, &e);
            else
                delayed_text(b, ex, i, &e);
        }
    }
    if (n == 0)
        oap_buf_puts(b, "\nEvery initiative is scheduled at its earliest "
                        "start.\n");
    n = oa_explanation_bottleneck_count(ex);
    oap_buf_puts(b, "\nBottlenecks (what one more unit is worth, local to "
                    "this roadmap)\n\n");
    if (n == 0)
        oap_buf_puts(b, "  None: no capacity or budget binds.\n");
    for (k = 0; k < n; k++) {
        oa_bottleneck bn;
        if (oa_explanation_bottleneck(&bn, ex, k) == OA_OK)
            bottleneck_text(b, ex, k, &bn);
    }
}

/* ---- XML ---- */

static const char *const kinds[] = { "rejected", "delayed", "on-time" };
static const char *const budgets[] = { "total", "range", "unit" };

static void xml_need(oap_xw *x, const char *tag, const oa_deficit *d)
{
    oap_xw_start(x, tag);
    if (d->is_budget) {
        oap_xw_attr_s(x, "budget", budgets[d->budget]);
        oap_xw_attr_s(x, "unit", d->unit);
        oap_xw_attr_i(x, "from", d->from);
        oap_xw_attr_i(x, "to", d->to);
    } else {
        oap_xw_attr_s(x, "unit", d->unit);
        oap_xw_attr_s(x, "resource", d->resource);
        oap_xw_attr_i(x, "period", d->period);
    }
    oap_xw_attr_d(x, "amount", d->amount);
    oap_xw_end(x);
}

static int write_xml(oap_buf *b, const oa_explanation *ex)
{
    const oa_result *r = oa_explanation_result(ex);
    oap_xw *x = NULL;
    size_t i, k;
    {
        int brc = oap_xw_begin(&x, "  ");
        if (brc != OA_OK)
            return brc;
    }
    oap_xw_start(x, "explanation");
    oap_xw_attr_s(x, "version", "1");
    oap_xw_attr_s(x, "plan", oa_result_plan_name(r));
    oap_xw_attr_s(x, "status", oa_status_name(oa_result_status(r)));
    oap_xw_attr_d(x, "objective", oa_result_objective(r));
    oap_xw_attr_s(x, "currency", oa_result_currency(r));
    for (i = 0; i < oa_explanation_count(ex); i++) {
        oa_explained e;
        if (oa_explanation_initiative(&e, ex, i) != OA_OK)
            continue;
        oap_xw_start(x, "initiative");
        oap_xw_attr_s(x, "id", e.id);
        oap_xw_attr_s(x, "status", kinds[e.kind]);
        if (e.kind == OA_EXPLAINED_REJECTED) {
            oap_xw_attr_d(x, "forcing-cost", e.forcing_cost);
            if (!isnan(e.forcing_cost))
                oap_xw_attr_s(x, "forcing-proven",
                              e.forcing_proven ? "true" : "false");
            oap_xw_attr_s(x, "never-fits", e.never_fits ? "true" : "false");
            if (e.fits_beside)
                oap_xw_attr_d(x, "beside-cost", e.beside_cost);
            oap_xw_attr_s(x, "excluded-by", e.excluded_by);
            oap_xw_attr_s(x, "reason", e.reason);
        } else {
            oap_xw_attr_i(x, "start", e.start);
            oap_xw_attr_s(x, "start-label", oap_result_label(r, e.start));
            oap_xw_attr_i(x, "earliest", e.earliest);
            oap_xw_attr_i(x, "delay", e.delay);
            oap_xw_attr_d(x, "delay-cost", e.delay_cost);
            oap_xw_attr_s(x, "held-by", e.held_by);
            oap_xw_attr_d(x, "earlier-cost", e.earlier_cost);
            oap_xw_attr_s(x, "reason", e.reason);
        }
        if (e.kind == OA_EXPLAINED_REJECTED && !e.never_fits &&
            !isnan(e.forcing_cost)) {
            oap_xw_start(x, "levers");
            oap_xw_attr_d(x, "overtime", e.extra_overtime);
            oap_xw_attr_d(x, "contractors", e.extra_contractors);
            oap_xw_attr_d(x, "loans", e.extra_loans);
            oap_xw_attr_d(x, "shortfall", e.extra_shortfall);
            oap_xw_end(x);
        }
        for (k = 0; k < oa_explanation_displaced_count(ex, i); k++) {
            oa_displaced d;
            if (oa_explanation_displaced(&d, ex, i, k) != OA_OK)
                continue;
            oap_xw_start(x, "displaces");
            oap_xw_attr_s(x, "initiative", d.id);
            if (d.from)
                oap_xw_attr_i(x, "from", d.from);
            if (d.to)
                oap_xw_attr_i(x, "to", d.to);
            oap_xw_attr_s(x, "change", d.to == 0     ? "dropped"
                                        : d.from == 0 ? "added"
                                                      : "moved");
            oap_xw_end(x);
        }
        for (k = 0; k < oa_explanation_need_count(ex, i); k++) {
            oa_deficit d;
            if (oa_explanation_need(&d, ex, i, k) == OA_OK)
                xml_need(x, e.kind == OA_EXPLAINED_REJECTED ? "needs"
                                                             : "blocked-by",
                         &d);
        }
        oap_xw_end(x);
    }
    for (k = 0; k < oa_explanation_bottleneck_count(ex); k++) {
        oa_bottleneck bn;
        if (oa_explanation_bottleneck(&bn, ex, k) != OA_OK)
            continue;
        oap_xw_start(x, "bottleneck");
        oap_xw_attr_i(x, "rank", (int)k + 1);
        if (bn.is_budget) {
            oap_xw_attr_s(x, "budget", budgets[bn.budget]);
            oap_xw_attr_s(x, "unit", bn.unit);
        } else {
            oap_xw_attr_s(x, "unit", bn.unit);
            oap_xw_attr_s(x, "resource", bn.resource);
        }
        oap_xw_attr_i(x, "from", bn.from);
        oap_xw_attr_i(x, "to", bn.to);
        oap_xw_attr_d(x, "marginal-value", bn.marginal);
        if (!isnan(bn.value)) {
            oap_xw_attr_d(x, "value", bn.value);
            oap_xw_attr_s(x, "proven", bn.proven ? "true" : "false");
        }
        oap_xw_end(x);
    }
    oap_xw_end(x);
    return oap_xw_finish(x, b);
}

OA_API int oa_explanation_write(char **out, size_t *size,
                                const oa_explanation *ex, oa_format format)
{
    oap_buf b;
    int rc = OA_OK;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && ex);
    OAP_ARG(format == OA_FORMAT_TEXT || format == OA_FORMAT_XML);
    oap_buf_init(&b);
    if (format == OA_FORMAT_TEXT)
        write_text(&b, ex);
    else
        rc = write_xml(&b, ex);
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_explanation_save(const oa_explanation *ex, const char *path,
                               oa_format format, oa_error *err)
{
    char *data = NULL;
    size_t size = 0;
    OAP_ARG(ex && path);
    if (err)
        oa_error_clear(err);
    int rc = oa_explanation_write(&data, &size, ex, format);
    return oap_save_text(path, data, size, rc, err);
}
