/*
 * Writers of results for people (text) and spreadsheets (CSV); the XML
 * writer is in result_xml.c.  oa_result_save() writes any of them
 * atomically.
 */
#include "fileio.h"
#include "result.h"
#include "tables.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A quantity with up to 2 decimals, trailing zeros dropped. */
static void qty(char *buf, size_t size, double v)
{
    size_t n;
    if (isnan(v)) {
        snprintf(buf, size, "-");
        return;
    }
    snprintf(buf, size, "%.2f", fabs(v) < 0.005 ? 0.0 : v);
    n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
}

/*
 * Appends text wrapped at 100 columns: the first line as it comes, the
 * following ones indented by indent spaces.  Breaks at spaces.
 */
static void put_wrapped(oap_buf *b, const char *text, int indent)
{
    const int width = 100;
    size_t lead = strspn(text, " ");
    int col = (int)lead;
    const char *p = text + lead;
    oap_buf_putn(b, text, lead);
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (col > indent && col + 1 + (int)n > width) {
            oap_buf_printf(b, "\n%*s", indent, "");
            col = indent;
        } else if (p != text + lead) {
            oap_buf_puts(b, " ");
            col++;
        }
        oap_buf_putn(b, p, n);
        col += (int)n;
        p += n;
        while (*p == ' ')
            p++;
    }
    oap_buf_puts(b, "\n");
}


static int cmp_start(const void *a, const void *b)
{
    const oa_initiative_result *x = *(const oa_initiative_result *const *)a;
    const oa_initiative_result *y = *(const oa_initiative_result *const *)b;
    if (x->scheduled != y->scheduled)
        return y->scheduled - x->scheduled;
    if (x->start != y->start)
        return x->start - y->start;
    return strcmp(x->id, y->id);
}

/* What stopped a search, as the subject of a sentence. */
static const char *stop_phrase(oa_stop stop)
{
    switch (stop) {
    case OA_STOP_TIME: return "the time limit";
    case OA_STOP_CALLER: return "the caller";
    case OA_STOP_WORK: return "the work limit";
    case OA_STOP_INTERRUPT: return "an interrupt";
    case OA_STOP_GAP: return "the gap asked for";
    case OA_STOP_DONE: break;
    }
    return "a limit";
}

/* The objective as the waterfall shows it (cents where any term has
 * them), with the currency, so that the header and the waterfall's last
 * line read the same. */
static void objective_text(char *buf, size_t size, const oa_result *r,
                           const char *cur)
{
    oap_wf_line w[OAP_WF_MAX];
    int n = oap_waterfall(w, r);
    size_t len;
    if (n == 0) {
        oap_format_money_cur(buf, size, r->objective, cur);
        return;
    }
    oap_format_money_dec(buf, size, r->objective, w[n - 1].decimals);
    len = strlen(buf);
    if (cur && cur[0] && len + 1 < size)
        snprintf(buf + len, size - len, " %s", cur);
}

static void text_header(oap_buf *out, const oa_result *r)
{
    char v[64], bd[64];
    const char *cur = r->currency ? r->currency : "";
    oap_buf tmp, *b = &tmp;
    oap_buf_init(&tmp);
    oap_buf_printf(b, "Plan: %s\n", r->name ? r->name : "(unnamed)");
    switch (r->status) {
    case OA_STATUS_OPTIMAL:
        objective_text(v, sizeof v, r, cur);
        oap_format_money(bd, sizeof bd, r->bound);
        if (r->stop == OA_STOP_GAP)
            oap_buf_printf(b, "Status: optimal within the gap asked for. "
                           "Objective %s; no roadmap is better than %s "
                           "(gap %.2f%%).\n", v, bd, 100 * r->gap);
        else
            oap_buf_printf(b, "Status: optimal. Objective %s, proven "
                           "optimal.\n", v);
        break;
    case OA_STATUS_FEASIBLE:
        objective_text(v, sizeof v, r, cur);
        oap_format_money(bd, sizeof bd, r->bound);
        if (isnan(r->bound))
            oap_buf_printf(b, "Status: feasible (%s stopped the search "
                           "before any bound was known). Objective %s.\n",
                           stop_phrase(r->stop), v);
        else
            oap_buf_printf(b, "Status: feasible (%s stopped the search). "
                           "Objective %s; no roadmap is better than %s "
                           "(gap %.2f%%).\n", stop_phrase(r->stop), v, bd,
                           100 * r->gap);
        break;
    case OA_STATUS_RELAXED:
        objective_text(v, sizeof v, r, cur);
        oap_buf_printf(b, "Status: relaxed (LP relaxation: initiatives may be "
                       "funded in part). Objective %s, an upper bound for "
                       "any roadmap.\n", v);
        break;
    case OA_STATUS_INFEASIBLE:
        oap_buf_puts(b, "Status: infeasible. The mandatory work cannot fit "
                        "in the capacity, levers and budgets.\n");
        break;
    case OA_STATUS_NO_SOLUTION:
        oap_buf_puts(b, "Status: no roadmap found within the time limit.\n");
        break;
    }
    if (r->work_limited) {
        oap_format_money(v, sizeof v, r->work);
        oap_buf_printf(b, "Solved with %s units of work.", v);
    } else
        oap_buf_printf(b, "Solved in %.2f s.", r->seconds);
    if (r->as_of > 1)
        oap_buf_printf(b, "\nRe-planned as of %s from %s: %d "
                       "initiative(s) kept where they started, no other "
                       "starts before %s, and overtime, contractors, loans "
                       "received and shortfall of %s..%s fixed to the "
                       "%s.", oap_result_label(r, r->as_of),
                       r->from_actuals ? "actuals" : "a baseline",
                       r->kept, oap_result_label(r, r->as_of),
                       oap_result_label(r, 1),
                       oap_result_label(r, r->as_of - 1),
                       r->from_actuals ? "actuals" : "baseline's");
    if (b->failed) {
        out->failed = 1;
    } else {
        char *line, *save = NULL;
        for (line = strtok_r(b->data, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save))
            put_wrapped(out, line, 2);
    }
    oap_buf_free(&tmp);
}

static void text_roadmap(oap_buf *b, const oa_result *r)
{
    size_t i, n = r->ini.n, nsched = 0;
    const oa_initiative_result **v;
    int t, bars = r->P <= 36, cols = 0, idw = 22, width;
    v = oap_calloc(n + 1, sizeof *v);
    if (v == NULL) {
        b->failed = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        v[i] = &r->ini.v[i];
        nsched += (size_t)v[i]->scheduled;
    }
    qsort(v, n, sizeof *v, cmp_start);
    /* Benefit and score columns only where the plan has them. */
    for (i = 0; i < n; i++) {
        if (v[i]->scheduled && v[i]->benefit != 0 && !isnan(v[i]->benefit))
            cols |= 1;
        if (v[i]->scheduled && v[i]->score != 0 && !isnan(v[i]->score))
            cols |= 2;
    }
    /* Within 100 columns: a narrower id column first, then no
     * timeline. */
    width = 2 + 22 + 37 + 11 + ((cols & 1) ? 10 : 0) +
            ((cols & 2) ? 10 : 0) + (bars ? 2 + r->P : 0);
    if (width > 100) {
        idw = 22 - (width - 100) < 14 ? 14 : 22 - (width - 100);
        width -= 22 - idw;
        if (width > 100)
            bars = 0;
    }
    oap_buf_printf(b, "\nRoadmap: %zu of %zu initiatives scheduled "
                   "(%s .. %s)\n\n", nsched, n, oap_result_label(r, 1), oap_result_label(r, r->P));
    oap_buf_printf(b, "  %-*s %-9s %-8s %-8s %5s %10s", idw, "initiative",
                   "status", "start", "finish", "delay", "plan value");
    if (cols & 1)
        oap_buf_printf(b, " %9s", "benefit");
    if (cols & 2)
        oap_buf_printf(b, " %9s", "score");
    if (bars)
        oap_buf_printf(b, "  %s", "timeline");
    oap_buf_puts(b, "\n");
    for (i = 0; i < n; i++) {
        const oa_initiative_result *ir = v[i];
        char val[64], ben[64], sc[64];
        const char *st = ir->scheduled
                             ? (r->status == OA_STATUS_RELAXED &&
                                        ir->fraction < 1 - 1e-9
                                    ? "partial"
                                    : ir->mandatory == 2 ? "pinned"
                                    /* re-planned: nothing else starts
                                     * before as_of */
                                    : r->as_of > 1 && ir->start < r->as_of
                                        ? "kept"
                                    : ir->mandatory ? "mandatory"
                                                    : "scheduled")
                             : "rejected";
        /* Results of older versions: the value as a whole. */
        oap_format_money(val, sizeof val,
                         isnan(ir->plan_value)
                             ? (ir->scheduled ? ir->value : NAN)
                             : ir->plan_value);
        oap_format_money(ben, sizeof ben, ir->scheduled ? ir->benefit : NAN);
        oap_format_money(sc, sizeof sc, ir->scheduled ? ir->score : NAN);
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, ir->id, idw);
        oap_buf_printf(b, " %-9s ", st);
        oap_buf_put_col(b, ir->scheduled ? oap_result_label(r, ir->start)
                                         : "-", 8);
        oap_buf_puts(b, " ");
        oap_buf_put_col(b, ir->scheduled ? oap_result_label(r, ir->finish)
                                         : "-", 8);
        oap_buf_puts(b, " ");
        if (ir->scheduled)
            oap_buf_printf(b, "%5d %10s", ir->delay, val);
        else
            oap_buf_printf(b, "%5s %10s", "-", val);
        if (cols & 1)
            oap_buf_printf(b, " %9s", ben);
        if (cols & 2)
            oap_buf_printf(b, " %9s", sc);
        if (bars) {
            oap_buf_puts(b, "  ");
            for (t = 1; t <= r->P; t++)
                oap_buf_puts(b, ir->scheduled && t >= ir->start &&
                                        t <= ir->finish
                                    ? "#"
                                    : ".");
        }
        if (r->status == OA_STATUS_RELAXED && ir->scheduled &&
            ir->fraction < 1 - 1e-9)
            oap_buf_printf(b, "  %.0f%%", 100 * ir->fraction);
        oap_buf_puts(b, "\n");
    }
    oap_free(v);
}

/* What moved against the baseline, and what paid for it. */
static void text_moves(oap_buf *b, const oa_result *r)
{
    size_t i, moved = 0, dropped = 0, added = 0;
    char v[64], w[64];
    const char *cur = r->currency ? r->currency : "";
    if (!r->has_baseline || isnan(r->objective))
        return;
    for (i = 0; i < r->moves.n; i++) {
        const oa_move *mv = &r->moves.v[i];
        moved += mv->from && mv->to;
        dropped += mv->from && !mv->to;
        added += !mv->from;
    }
    oap_buf_printf(b, "\nAgainst the baseline: %zu moved, %zu dropped, "
                   "%zu added.\n", moved, dropped, added);
    oap_format_money(v, sizeof v, r->objective - r->terms[OA_TERM_STABILITY]);
    oap_format_money(w, sizeof w, -r->terms[OA_TERM_STABILITY]);
    if (r->terms[OA_TERM_STABILITY] != 0)
        oap_buf_printf(b, "  This roadmap: %s%s%s before stability prices, "
                       "which take %s.\n", v, *cur ? " " : "", cur, w);
    else
        oap_buf_printf(b, "  This roadmap: %s%s%s; no stability prices.\n",
                       v, *cur ? " " : "", cur);
    if (r->baseline_fits == 0)
        oap_buf_puts(b, "  The baseline's roadmap does not fit this plan: "
                        "some of it had to change.\n");
    else if (isnan(r->baseline_objective))
        oap_buf_puts(b, "  The baseline's roadmap was not evaluated on this "
                        "plan (no time left for its LP).\n");
    else {
        oap_format_money(v, sizeof v, r->baseline_objective);
        oap_format_money(w, sizeof w, r->objective -
                                          r->terms[OA_TERM_STABILITY] -
                                          r->baseline_objective);
        oap_buf_printf(b, "  The baseline's roadmap on this plan: %s%s%s "
                       "(its starts kept, levers re-optimized); the moves "
                       "gain %s before their prices.\n", v, *cur ? " " : "",
                       cur, w);
    }
    if (r->moves.n == 0)
        return;
    oap_buf_printf(b, "\n  %-22s %-8s %-8s %7s %10s %10s\n", "initiative",
                   "baseline", "now", "periods", "price", "its value");
    for (i = 0; i < r->moves.n; i++) {
        const oa_move *mv = &r->moves.v[i];
        char per[16];
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, mv->id, 22);
        oap_buf_puts(b, " ");
        oap_buf_put_col(b, mv->from ? oap_result_label(r, mv->from) : "-", 8);
        oap_buf_puts(b, " ");
        oap_buf_put_col(b, mv->to ? oap_result_label(r, mv->to) : "dropped",
                        8);
        if (mv->from && mv->to)
            snprintf(per, sizeof per, "%+d", mv->to - mv->from);
        else
            snprintf(per, sizeof per, "-");
        oap_format_money(v, sizeof v, mv->price);
        oap_format_money(w, sizeof w, mv->value);
        oap_buf_printf(b, " %7s %10s %10s\n", per, v, w);
    }
}

/* The objective as the sum of its terms. */
static void text_terms(oap_buf *b, const oa_result *r)
{
    oap_wf_line w[OAP_WF_MAX];
    int k, n = oap_waterfall(w, r);
    if (n == 0)
        return;
    oap_buf_printf(b, "\nObjective%s%s: how it adds up (model.md)\n\n",
                   r->currency ? " in " : "",
                   r->currency ? r->currency : "");
    for (k = 0; k < n; k++) {
        char amt[64];
        oap_format_money_dec(amt, sizeof amt, w[k].amount, w[k].decimals);
        if (w[k].kind == OAP_WF_TOTAL)
            oap_buf_printf(b, "  %-50s %16s\n", "", "----------------");
        oap_buf_printf(b, "  %-50s %16s\n", w[k].label, amt);
    }
    if (r->status == OA_STATUS_RELAXED)
        oap_buf_puts(b, "  (the relaxation funds initiatives in part: their "
                        "terms count the share funded)\n");
}

/* Run work left undone: every unit, resource and period with shortfall,
 * with its penalty (the shortfall term of the objective). */
static void text_shortfall(oap_buf *b, const oa_result *r)
{
    size_t i, rows = 0;
    double total = 0;
    for (i = 0; i < r->loads.n; i++)
        if (r->loads.v[i].shortfall > 0)
            rows++;
    if (rows == 0)
        return;
    oap_buf_puts(b, "\nRun work left undone (down to the service levels of "
                    "the operating plans)\n\n");
    oap_buf_printf(b, "  %-24s %-8s %12s %14s\n", "unit/resource", "period",
                   "undone", "penalty");
    for (i = 0; i < r->loads.n; i++) {
        const oa_load *l = &r->loads.v[i];
        char name[64], q[40], pen[40];
        if (!(l->shortfall > 0))
            continue;
        snprintf(name, sizeof name, "%s/%s", l->unit, l->resource);
        oap_utf8_fix_end(name);
        oap_format_amount(q, sizeof q, l->shortfall);
        oap_format_money(pen, sizeof pen, l->shortfall_cost);
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, name, 24);
        oap_buf_puts(b, " ");
        oap_buf_put_col(b, oap_result_label(r, l->period), 8);
        oap_buf_printf(b, " %12s %14s\n", q, pen);
        if (!isnan(l->shortfall_cost))
            total += l->shortfall_cost;
    }
    {
        char pen[40];
        oap_format_money(pen, sizeof pen, total);
        oap_buf_printf(b, "  %-24s %-8s %12s %14s\n", "total", "", "", pen);
    }
}

static void text_loads(oap_buf *b, const oa_result *r)
{
    size_t i;
    int t, wide = r->P <= 12;
    if (r->loads.n == 0)
        return;
    oap_buf_puts(b, "\nUnit loads: work as a share of capacity "
                    "(+ overtime, contractors or loans in used)\n\n");
    if (wide) {
        oap_buf_printf(b, "  %-20s ", "unit/resource");
        for (t = 1; t <= r->P; t++) {
            const char *l = oap_result_label(r, t);
            size_t n = strlen(l);
            oap_buf_printf(b, "%5.5s ", n > 5 ? l + n - 5 : l);
        }
        oap_buf_puts(b, "\n");
    } else {
        oap_buf_printf(b, "  %-20s %7s %7s %7s %10s %10s %10s\n",
                       "unit/resource", "min", "mean", "max", "overtime",
                       "contract.", "loans in");
    }
    for (i = 0; i < r->loads.n; i += (size_t)r->P) {
        const oa_load *l = &r->loads.v[i];
        char name[64];
        snprintf(name, sizeof name, "%s/%s", l->unit, l->resource);
        oap_utf8_fix_end(name);
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, name, 20);
        oap_buf_puts(b, wide ? " " : "");
        if (wide) {
            for (t = 0; t < r->P && i + (size_t)t < r->loads.n; t++) {
                const oa_load *x = &r->loads.v[i + (size_t)t];
                int lever = x->overtime > 1e-9 || x->contractors > 1e-9 ||
                            x->loan_in > 1e-9;
                if (isnan(x->utilization))
                    oap_buf_printf(b, "  n/a%s", lever ? "+" : " ");
                else
                    oap_buf_printf(b, "%4.0f%%%s", 100 * x->utilization,
                                   lever ? "+" : " ");
            }
        } else {
            double mn = HUGE_VAL, mx = -HUGE_VAL, sum = 0, ot = 0, ct = 0,
                   ln = 0;
            int cnt = 0;
            for (t = 0; t < r->P && i + (size_t)t < r->loads.n; t++) {
                const oa_load *x = &r->loads.v[i + (size_t)t];
                ot += x->overtime;
                ct += x->contractors;
                ln += x->loan_in;
                if (isnan(x->utilization))
                    continue;
                mn = x->utilization < mn ? x->utilization : mn;
                mx = x->utilization > mx ? x->utilization : mx;
                sum += x->utilization;
                cnt++;
            }
            if (cnt)
                oap_buf_printf(b, " %6.0f%% %6.0f%% %6.0f%%", 100 * mn,
                               100 * sum / cnt, 100 * mx);
            else
                oap_buf_printf(b, " %7s %7s %7s", "-", "-", "-");
            oap_buf_printf(b, " %10.1f %10.1f %10.1f", ot, ct, ln);
        }
        oap_buf_puts(b, "\n");
    }
}

static void text_spend(oap_buf *b, const oa_result *r)
{
    size_t i;
    int w = 22, adjusted = 0;
    if (r->spend.n == 0)
        return;
    /* Wider names where budgets cover part of the horizon (years). */
    for (i = 0; i < r->spend.n; i++) {
        const oa_spend *s = &r->spend.v[i];
        char name[80];
        oap_budget_name(name, sizeof name, r, s->kind, s->unit, s->from,
                        s->to);
        if ((s->kind != OA_BUDGET_UNIT || s->has_limit) &&
            (int)strlen(name) > w)
            w = strlen(name) > 34 ? 34 : (int)strlen(name);
    }
    for (i = 0; i < r->spend.n; i++)
        if (r->spend.v[i].adjustment != 0)
            adjusted = 1;
    oap_buf_printf(b, "\nSpend%s%s\n\n", r->currency ? " in " : "",
                   r->currency ? r->currency : "");
    oap_buf_printf(b, "  %-*s %13s %13s %12s %12s %12s", w, "budget",
                   "limit", "spend", "operating", "initiatives", "levers");
    oap_buf_puts(b, adjusted ? "      actuals\n" : "\n");
    for (i = 0; i < r->spend.n; i++) {
        const oa_spend *s = &r->spend.v[i];
        char name[80], lim[40], sp[40], op[40], in[40], lv[40];
        if (s->kind == OA_BUDGET_UNIT && !s->has_limit)
            continue;
        oap_budget_name(name, sizeof name, r, s->kind, s->unit, s->from,
                        s->to);
        if (s->has_limit)
            oap_format_money(lim, sizeof lim, s->limit);
        else
            snprintf(lim, sizeof lim, "none");
        oap_format_money(sp, sizeof sp, s->spend);
        oap_format_money(op, sizeof op, s->operating);
        oap_format_money(in, sizeof in, s->initiatives);
        oap_format_money(lv, sizeof lv, s->overtime + s->contractors + s->loans);
        oap_utf8_fix_end(name);
        oap_buf_puts(b, "  ");
        oap_buf_put_col(b, name, w);
        oap_buf_printf(b, " %13s %13s %12s %12s %12s", lim, sp, op, in, lv);
        if (adjusted) {
            oap_format_money(lv, sizeof lv, s->adjustment);
            oap_buf_printf(b, " %12s", lv);
        }
        oap_buf_puts(b, "\n");
    }
    if (adjusted)
        oap_buf_printf(b, "\n  actuals: the money spent before %s less what "
                          "the plan's prices give for it\n",
                       oap_result_label(r, r->as_of));
}

/* "2027-02" or "2027-02..2027-04". */
static void period_range(oap_buf *b, const oa_result *r, int from, int to)
{
    oap_buf_puts(b, oap_result_label(r, from));
    if (to > from)
        oap_buf_printf(b, "..%s", oap_result_label(r, to));
}

static void text_bottlenecks(oap_buf *b, const oa_result *r)
{
    oa_bottleneck *v;
    size_t i, n;
    if (oa_result_bottlenecks(&v, &n, r) != OA_OK) {
        b->failed = 1;
        return;
    }
    oap_buf_puts(b, "\nBottlenecks: where capacity or budget is used up "
                    "(marginal values are\nlocal to this roadmap: what one "
                    "more unit saves in levers or penalties)\n\n");
    if (n == 0)
        oap_buf_puts(b, "  None: every unit and budget has room left.\n");
    for (i = 0; i < n && i < 8; i++) {
        const oa_bottleneck *x = &v[i];
        char val[64];
        oap_buf line;
        oap_format_money(val, sizeof val, x->marginal);
        oap_buf_init(&line);
        if (!x->is_budget) {
            oap_buf_printf(&line, "  %s/%s full in ", x->unit, x->resource);
            period_range(&line, r, x->from, x->to);
            if (x->marginal > 1e-9)
                oap_buf_printf(&line, "; one more %s%s is worth %s",
                               x->resource,
                               x->to > x->from ? " in each"
                                               : "",
                               val);
        } else {
            int whole = x->from <= 1 && x->to >= r->P;
            if (x->budget == OA_BUDGET_TOTAL)
                oap_buf_puts(&line, "  the total budget");
            else if (x->budget == OA_BUDGET_RANGE)
                oap_buf_puts(&line, "  the budget of");
            else
                oap_buf_printf(&line, "  the budget of %s", x->unit);
            if (!whole || x->budget == OA_BUDGET_RANGE) {
                oap_buf_puts(&line, x->budget == OA_BUDGET_UNIT ? " in "
                                    : x->budget == OA_BUDGET_TOTAL ? " of "
                                                                   : " ");
                period_range(&line, r, x->from, x->to);
            }
            oap_buf_puts(&line, " is spent");
            if (x->marginal > 1e-9)
                oap_buf_printf(&line, "; one more unit of money is worth "
                               "%.4g", x->marginal);
        }
        if (line.failed)
            b->failed = 1;
        else
            put_wrapped(b, line.data, 4);
        oap_buf_free(&line);
    }
    if (n > 8)
        oap_buf_printf(b, "  ... and %zu more\n", n - 8);
    oa_free(v);
}

/* The pinned and kept initiatives on deficit row i. */
static void text_held(oap_buf *b, const oa_result *r, size_t i)
{
    size_t k;
    int any = 0;
    char q[64];
    for (k = 0; k < r->held.n; k++) {
        const oa_held *h = &r->held.v[k];
        if (h->deficit != i)
            continue;
        if (r->deficits.v[i].is_budget)
            oap_format_money(q, sizeof q, h->amount);
        else
            qty(q, sizeof q, h->amount);
        oap_buf_printf(b, "%s%s (%s %s, %s)", any ? ", " : "      held there: ",
                       h->id, h->kept ? "kept from" : "pinned to",
                       oap_result_label(r, h->start), q);
        any = 1;
    }
    if (any)
        oap_buf_puts(b, "\n");
}

static void text_deficits(oap_buf *b, const oa_result *r)
{
    size_t i;
    char q[64];
    if (isnan(r->deficit)) {
        oap_buf_puts(b, "\nThe time limit ran out before the least deficit "
                        "was found.\n");
        return;
    }
    qty(q, sizeof q, r->deficit);
    oap_buf_printf(b, "\nWhat would make it fit: a least total deficit of %s "
                   "(%s), made of:\n\n", q,
                   r->deficit_proven ? "proven least"
                                     : "best found within the time limit");
    for (i = 0; i < r->deficits.n; i++) {
        const oa_deficit *d = &r->deficits.v[i];
        if (!d->is_budget) {
            qty(q, sizeof q, d->amount);
            oap_buf_printf(b, "  %s more %s for %s in %s\n", q, d->resource,
                           d->unit, oap_result_label(r, d->period));
        } else {
            oap_format_money(q, sizeof q, d->amount);
            if (d->budget == OA_BUDGET_TOTAL)
                oap_buf_printf(b, "  %s more total budget\n", q);
            else if (d->budget == OA_BUDGET_RANGE)
                oap_buf_printf(b, "  %s more budget in %s..%s\n", q,
                               oap_result_label(r, d->from), oap_result_label(r, d->to));
            else
                oap_buf_printf(b, "  %s more budget for %s\n", q, d->unit);
        }
        text_held(b, r, i);
    }
}

static void write_text(oap_buf *b, const oa_result *r)
{
    text_header(b, r);
    if (r->status == OA_STATUS_INFEASIBLE) {
        text_deficits(b, r);
        return;
    }
    if (r->status == OA_STATUS_NO_SOLUTION)
        return;
    text_terms(b, r);
    text_roadmap(b, r);
    text_moves(b, r);
    text_shortfall(b, r);
    text_loads(b, r);
    text_spend(b, r);
    text_bottlenecks(b, r);
}

static void write_csv(oap_buf *b, const oa_result *r)
{
    size_t i;
    oap_buf_puts(b, "initiative,name,owner,status,start,start_label,finish,"
                    "finish_label,delay,fraction,value,cost,mandatory,"
                    "plan_value,benefit,score\n");
    for (i = 0; i < r->ini.n; i++) {
        const oa_initiative_result *x = &r->ini.v[i];
        oap_csv_str(b, x->id);
        oap_buf_puts(b, ",");
        oap_csv_str(b, x->name);
        oap_buf_puts(b, ",");
        oap_csv_str(b, x->owner);
        oap_buf_printf(b, ",%s,", x->scheduled ? "scheduled" : "rejected");
        if (x->scheduled) {
            oap_buf_printf(b, "%d,", x->start);
            oap_csv_str(b, oap_result_label(r, x->start));
            oap_buf_printf(b, ",%d,", x->finish);
            oap_csv_str(b, oap_result_label(r, x->finish));
            oap_buf_printf(b, ",%d,", x->delay);
        } else {
            oap_buf_puts(b, ",,,,,");
        }
        oap_csv_num(b, x->fraction);
        oap_buf_puts(b, ",");
        oap_csv_num(b, x->value);
        oap_buf_puts(b, ",");
        oap_csv_num(b, x->cost);
        oap_buf_printf(b, ",%d,", x->mandatory != 0);
        oap_csv_num(b, x->plan_value);
        oap_buf_puts(b, ",");
        oap_csv_num(b, x->benefit);
        oap_buf_puts(b, ",");
        oap_csv_num(b, x->score);
        oap_buf_puts(b, "\n");
    }
    oap_buf_puts(b, "\nunit,resource,period,period_label,capacity,run,effects,"
                    "shortfall,change,overtime,contractors,loan_in,loan_out,"
                    "utilization,shadow_price,shortfall_cost\n");
    for (i = 0; i < r->loads.n; i++) {
        const oa_load *l = &r->loads.v[i];
        oap_csv_str(b, l->unit);
        oap_buf_puts(b, ",");
        oap_csv_str(b, l->resource);
        oap_buf_printf(b, ",%d,", l->period);
        oap_csv_str(b, oap_result_label(r, l->period));
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->capacity);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->run);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->effects);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->shortfall);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->change);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->overtime);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->contractors);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->loan_in);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->loan_out);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->utilization);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->shadow_price);
        oap_buf_puts(b, ",");
        oap_csv_num(b, l->shortfall_cost);
        oap_buf_puts(b, "\n");
    }
    if (r->has_terms) {
        /* The objective as the sum of the terms above it. */
        int k;
        oap_buf_puts(b, "\nterm,amount\n");
        for (k = 0; k < OA_TERM_COUNT; k++) {
            oap_buf_printf(b, "%s,", oa_term_name((oa_term)k));
            oap_csv_num(b, r->terms[k]);
            oap_buf_puts(b, "\n");
        }
        oap_buf_puts(b, "objective,");
        oap_csv_num(b, r->objective);
        oap_buf_puts(b, "\n");
    }
    if (r->status == OA_STATUS_INFEASIBLE) {
        oap_buf_puts(b, "\ndeficit,unit,resource,period,period_label,budget,"
                        "from,to,amount\n");
        for (i = 0; i < r->deficits.n; i++) {
            const oa_deficit *d = &r->deficits.v[i];
            static const char *const kinds[] = { "total", "range", "unit" };
            oap_buf_puts(b, d->is_budget ? "budget," : "capacity,");
            oap_csv_str(b, d->unit);
            oap_buf_puts(b, ",");
            oap_csv_str(b, d->resource);
            if (!d->is_budget) {
                oap_buf_printf(b, ",%d,", d->period);
                oap_csv_str(b, oap_result_label(r, d->period));
                oap_buf_puts(b, ",,,");
            } else {
                oap_buf_printf(b, ",,,%s,%d,%d", kinds[d->budget], d->from,
                               d->to);
            }
            oap_buf_puts(b, ",");
            oap_csv_num(b, d->amount);
            oap_buf_puts(b, "\n");
        }
    }
}

int oap_result_write_xml(oap_buf *b, const oa_result *r);

OA_API int oa_result_write(char **out, size_t *size, const oa_result *r,
                           oa_format format)
{
    oap_buf b;
    int rc = OA_OK;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && r);
    oap_buf_init(&b);
    switch (format) {
    case OA_FORMAT_TEXT:
        write_text(&b, r);
        break;
    case OA_FORMAT_CSV:
        write_csv(&b, r);
        break;
    case OA_FORMAT_XML:
        rc = oap_result_write_xml(&b, r);
        break;
    case OA_FORMAT_XLSX: {
        size_t n = 0;
        oap_buf_free(&b);
        rc = oap_result_xlsx(out, &n, r);
        if (size)
            *size = n;
        return rc;
    }
    default:
        oap_buf_free(&b);
        return OA_EINVAL;
    }
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_result_save(const oa_result *r, const char *path,
                          oa_format format, oa_error *err)
{
    char *text = NULL;
    size_t size = 0;
    int rc;
    OAP_ARG(r && path);
    if (err)
        oa_error_clear(err);
    rc = oa_result_write(&text, &size, r, format);
    if (format == OA_FORMAT_XLSX && rc != OA_OK && rc != OA_ENOMEM) {
        oap_error_set(err, rc, path, -1, "cannot build the workbook in the "
                      "temporary folder ($TMPDIR, else /tmp)");
        return rc;
    }
    return oap_save_text(path, text, size, rc, err);
}

