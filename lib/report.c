/*
 * The HTML report of a result: one self-contained file (inline CSS and
 * SVG, nothing loaded from elsewhere) with the summary, the roadmap as a
 * Gantt chart by owner unit, what was left out (with a reason each when an
 * explanation is given), a heat map of unit loads, spend against budgets
 * and the bottlenecks.  Written with libxml2's writer: well-formed, every
 * plan-supplied text escaped.
 */
#include "fileio.h"
#include "result.h"
#include "xw.h"

#include "opsalign/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ROW_H 18
#define LABEL_W 240
#define HEAD_H 24

static const char css[] =
    "body{font-family:system-ui,sans-serif;margin:24px;color:#1d2630;"
    "max-width:1400px}"
    "h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:28px 0 8px;"
    "border-bottom:1px solid #dde3ea;padding-bottom:4px}"
    "h3{font-size:15px;margin:16px 0 6px}"
    "table.kv td{padding:2px 14px 2px 0}table.kv td:first-child{color:#5b6b7b}"
    ".scroll{max-height:80vh;overflow:auto;border:1px solid #e3e8ee}"
    "svg text{font-size:11px;fill:#1d2630}"
    "svg .unit{font-weight:bold;font-size:12px}"
    "svg .bar{fill:#2f7ab8}svg .bar.mand{fill:#b8552f}"
    "svg .grid{stroke:#eef1f4}svg .head{font-size:10px;fill:#5b6b7b}"
    "table.heat{border-collapse:collapse;font-size:11px}"
    "table.heat td,table.heat th{border:1px solid #fff;padding:3px 5px;"
    "text-align:right;min-width:34px}"
    "table.heat th{background:#f3f5f8;font-weight:normal;color:#5b6b7b}"
    "table.heat td.name{text-align:left;background:#f3f5f8}"
    ".lever{font-weight:bold}.legend{font-size:12px;color:#5b6b7b}"
    "ul.out li,ol.bn li{margin:2px 0}.reason{color:#5b6b7b}"
    "table.terms td.num,table.short td.num{text-align:right}"
    "table.terms tr.total td{border-top:1px solid #1d2630;font-weight:bold}"
    "table.short{border-collapse:collapse;font-size:12px}"
    "table.short td,table.short th{padding:2px 10px 2px 0;text-align:left}"
    "table.short tr.total td{border-top:1px solid #1d2630;font-weight:bold}";

typedef struct rctx {
    oap_xw *x;
    const oa_result *r;
    const oa_report_opts *o;
} rctx;

/* An HTML element with text content. */
static void el(oap_xw *x, const char *tag, const char *cls, const char *text)
{
    oap_xw_start(x, tag);
    oap_xw_attr_s(x, "class", cls);
    oap_xw_text(x, text ? text : "");
    oap_xw_end_full(x);
}

static void kv(oap_xw *x, const char *k, const char *v)
{
    oap_xw_start(x, "tr");
    el(x, "td", NULL, k);
    el(x, "td", NULL, v);
    oap_xw_end_full(x);
}

/* The objective as the sum of its terms (the text's waterfall). */
static void terms(rctx *c)
{
    oap_wf_line w[OAP_WF_MAX];
    int k, n = oap_waterfall(w, c->r);
    if (n == 0)
        return;
    el(c->x, "h3", NULL, "How the objective adds up");
    oap_xw_start(c->x, "table");
    oap_xw_attr_s(c->x, "class", "kv terms");
    for (k = 0; k < n; k++) {
        char amt[64];
        oap_format_money_dec(amt, sizeof amt, w[k].amount, w[k].decimals);
        oap_xw_start(c->x, "tr");
        if (w[k].kind == OAP_WF_TOTAL)
            oap_xw_attr_s(c->x, "class", "total");
        el(c->x, "td", NULL, w[k].label);
        el(c->x, "td", "num", amt);
        oap_xw_end_full(c->x);
    }
    oap_xw_end_full(c->x);
}

static void summary(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    oa_result_summary s;
    char buf[160], m[64];
    size_t k;
    oa_result_summarize(&s, r);
    el(x, "h2", NULL, "Summary");
    oap_xw_start(x, "table");
    oap_xw_attr_s(x, "class", "kv");
    kv(x, "status", oa_status_name(s.status));
    oap_format_money_cur(m, sizeof m, s.objective, oa_result_currency(r));
    kv(x, "objective", m);
    if (!isnan(oa_result_bound(r)) &&
        oa_result_bound(r) != oa_result_objective(r)) {
        oap_format_money_cur(m, sizeof m, oa_result_bound(r),
                             oa_result_currency(r));
        snprintf(buf, sizeof buf, "no roadmap is better than %s", m);
        kv(x, "bound", buf);
    }
    if (!isnan(s.gap)) {
        snprintf(buf, sizeof buf, "%.2f %%%s", 100 * s.gap,
                 s.gap == 0 ? " (proven optimal)" : "");
        kv(x, "gap", buf);
    }
    if (oa_result_stop(r) != OA_STOP_DONE) {
        snprintf(buf, sizeof buf, "stopped by %s",
                 oa_result_stop(r) == OA_STOP_GAP ? "reaching the gap asked for"
                 : oa_result_stop(r) == OA_STOP_TIME ? "the time limit"
                 : oa_result_stop(r) == OA_STOP_WORK ? "the work limit"
                 : oa_result_stop(r) == OA_STOP_INTERRUPT ? "an interrupt"
                                                     : "the caller");
        kv(x, "search", buf);
    }
    snprintf(buf, sizeof buf, "%zu of %zu scheduled, %zu left out",
             s.scheduled, s.scheduled + s.rejected, s.rejected);
    kv(x, "initiatives", buf);
    for (k = 0; k < oa_result_spend_count(r); k++) {
        oa_spend sp;
        char l[64];
        if (oa_result_spend(&sp, r, k) != OA_OK || sp.kind != OA_BUDGET_TOTAL)
            continue;
        oap_format_money_cur(m, sizeof m, sp.spend, oa_result_currency(r));
        if (sp.has_limit) {
            oap_format_money_cur(l, sizeof l, sp.limit, oa_result_currency(r));
            snprintf(buf, sizeof buf, "%s of a total budget of %s", m, l);
        } else {
            snprintf(buf, sizeof buf, "%s (no total budget)", m);
        }
        kv(x, "spend", buf);
    }
    if (r->work_limited) {
        oap_format_money(m, sizeof m, r->work);
        snprintf(buf, sizeof buf, "%s units of work", m);
        kv(x, "solved with", buf);
    } else {
        snprintf(buf, sizeof buf, "%.2f s", oa_result_seconds(r));
        kv(x, "solved in", buf);
    }
    oap_xw_end_full(x);
    terms(c);
}

/* The owners in order of first appearance among scheduled initiatives;
 * "" for initiatives without an owner, last. */
static size_t owners(const oa_result *r, const char **out, size_t max)
{
    size_t n = 0, k, j;
    int none = 0;
    for (k = 0; k < oa_result_initiative_count(r) && n < max; k++) {
        oa_initiative_result ir;
        if (oa_result_initiative(&ir, r, k) != OA_OK || !ir.scheduled)
            continue;
        if (ir.owner == NULL) {
            none = 1;
            continue;
        }
        for (j = 0; j < n && strcmp(out[j], ir.owner) != 0; j++)
            ;
        if (j == n)
            out[n++] = ir.owner;
    }
    if (none && n < max)
        out[n++] = "";
    return n;
}

static void svg_text(oap_xw *x, double px, double py, const char *cls,
                     const char *anchor, const char *text)
{
    oap_xw_start(x, "text");
    oap_xw_attr_d(x, "x", px);
    oap_xw_attr_d(x, "y", py);
    oap_xw_attr_s(x, "class", cls);
    oap_xw_attr_s(x, "text-anchor", anchor);
    oap_xw_text(x, text);
    oap_xw_end(x);
}

static void gantt(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    int P = oa_result_period_count(r), t;
    double pw = P <= 12 ? 64 : P <= 26 ? 36 : 24;
    const char *own[4096];
    size_t no = owners(r, own, 4096), k, g, rows = 0, sched = 0;
    double width, height, y;
    char buf[300];
    for (k = 0; k < oa_result_initiative_count(r); k++) {
        oa_initiative_result ir;
        if (oa_result_initiative(&ir, r, k) == OA_OK && ir.scheduled)
            sched++;
    }
    rows = sched + no;
    width = LABEL_W + pw * P + 10;
    height = HEAD_H + ROW_H * (double)rows + 6;
    el(x, "h2", NULL, "Roadmap");
    snprintf(buf, sizeof buf, "%zu initiatives by owner unit; bars from "
             "start to finish (mandatory ones in orange); hover for details.",
             sched);
    el(x, "p", "legend", buf);
    oap_xw_start(x, "div");
    oap_xw_attr_s(x, "class", "scroll");
    oap_xw_start(x, "svg");
    oap_xw_attr_s(x, "xmlns", "http://www.w3.org/2000/svg");
    oap_xw_attr_s(x, "id", "gantt");
    oap_xw_attr_d(x, "width", width);
    oap_xw_attr_d(x, "height", height);
    for (t = 1; t <= P; t++) {
        double px = LABEL_W + pw * (t - 1);
        oap_xw_start(x, "line");
        oap_xw_attr_d(x, "x1", px);
        oap_xw_attr_d(x, "x2", px);
        oap_xw_attr_d(x, "y1", HEAD_H - 4);
        oap_xw_attr_d(x, "y2", height);
        oap_xw_attr_s(x, "class", "grid");
        oap_xw_end(x);
        if (P <= 26 || t % 4 == 1)
            svg_text(x, px + 2, HEAD_H - 8, "head", "start", oap_result_label(r, t));
    }
    y = HEAD_H;
    for (g = 0; g < no; g++) {
        svg_text(x, 4, y + ROW_H - 5, "unit", "start",
                 own[g][0] ? own[g] : "(no owner)");
        y += ROW_H;
        for (k = 0; k < oa_result_initiative_count(r); k++) {
            oa_initiative_result ir;
            char name[40];
            if (oa_result_initiative(&ir, r, k) != OA_OK || !ir.scheduled ||
                strcmp(ir.owner ? ir.owner : "", own[g]) != 0)
                continue;
            snprintf(name, sizeof name, "%s", ir.id);
            if (strlen(ir.id) > 34)
                strcpy(name + 31, "...");
            svg_text(x, 14, y + ROW_H - 5, "", "start", name);
            oap_xw_start(x, "rect");
            oap_xw_attr_s(x, "class", ir.mandatory ? "bar mand" : "bar");
            oap_xw_attr_s(x, "data-initiative", ir.id);
            oap_xw_attr_d(x, "x", LABEL_W + pw * (ir.start - 1) + 1);
            oap_xw_attr_d(x, "y", y + 3);
            oap_xw_attr_d(x, "width", pw * (ir.finish - ir.start + 1) - 2);
            oap_xw_attr_d(x, "height", ROW_H - 6);
            oap_xw_attr_i(x, "rx", 3);
            oap_xw_start(x, "title");
            {
                char pv[48];
                oap_format_money(pv, sizeof pv, ir.value);
                snprintf(buf, sizeof buf, "%s%s%s%s: %s..%s, worth %s", ir.id,
                         ir.name ? " (" : "", ir.name ? ir.name : "",
                         ir.name ? ")" : "", oap_result_label(r, ir.start),
                         oap_result_label(r, ir.finish), pv);
            }
            oap_xw_text(x, buf);
            oap_xw_end(x);
            oap_xw_end(x);
            y += ROW_H;
        }
    }
    oap_xw_end(x); /* svg */
    oap_xw_end_full(x); /* div */
}

/* A one-line reason from the explanation, if it has the initiative. */
static int reason(const oa_report_opts *o, const oa_result *r, const char *id,
                  char *buf, size_t size)
{
    size_t i;
    if (o == NULL || o->explanation == NULL)
        return 0;
    for (i = 0; i < oa_explanation_count(o->explanation); i++) {
        oa_explained e;
        char m[64];
        if (oa_explanation_initiative(&e, o->explanation, i) != OA_OK ||
            strcmp(e.id, id) != 0)
            continue;
        if (e.never_fits)
            snprintf(buf, size, "never fits%s%s", e.reason ? ": " : "",
                     e.reason ? e.reason : "");
        else if (e.excluded_by)
            snprintf(buf, size, "excludes %s, which is scheduled",
                     e.excluded_by);
        else if (!isnan(e.forcing_cost) && e.forcing_cost >= 0) {
            oap_format_money_cur(m, sizeof m, e.forcing_cost, oa_result_currency(r));
            snprintf(buf, size, "forcing it in would cost %s%s", m,
                     e.forcing_proven ? "" : " (not proven)");
        } else if (!isnan(e.forcing_cost))
            snprintf(buf, size, "forced in, a better roadmap was found: this "
                     "one is not proven optimal");
        else
            snprintf(buf, size, "no roadmap with it was found in time");
        return 1;
    }
    return 0;
}

static void left_out(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    size_t k;
    int any = 0;
    char buf[400], why[300];
    for (k = 0; k < oa_result_initiative_count(r); k++) {
        oa_initiative_result ir;
        if (oa_result_initiative(&ir, r, k) != OA_OK || ir.scheduled)
            continue;
        if (!any) {
            el(x, "h3", NULL, "Not in the roadmap");
            oap_xw_start(x, "ul");
            oap_xw_attr_s(x, "class", "out");
            any = 1;
        }
        oap_xw_start(x, "li");
        {
            char pv[64] = "";
            if (!isnan(ir.plan_value)) {
                char m[48];
                oap_format_money_cur(m, sizeof m, ir.plan_value,
                                     oa_result_currency(r));
                snprintf(pv, sizeof pv, ", plan value %s", m);
            }
            snprintf(buf, sizeof buf, "%s%s%s%s%s%s%s", ir.id,
                     ir.name ? " (" : "", ir.name ? ir.name : "",
                     ir.name ? ")" : "", ir.owner ? ", owned by " : "",
                     ir.owner ? ir.owner : "", pv);
        }
        oap_xw_text(x, buf);
        if (reason(c->o, r, ir.id, why, sizeof why)) {
            oap_xw_text(x, " ");
            el(x, "span", "reason", why);
        }
        oap_xw_end_full(x);
    }
    if (any)
        oap_xw_end_full(x);
}

/* Against a baseline: what moved, what each move cost in stability
 * prices and changed in its own value, and what the moves gained. */
static void moves(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    size_t k;
    char m[64], g[64], buf[400];
    static const char *const heads[] = { "initiative", "baseline", "now",
                                         "stability price", "its value" };
    double st = r->terms[OA_TERM_STABILITY];
    if (!r->has_baseline)
        return;
    el(x, "h3", NULL, "Against the baseline");
    oap_format_money(m, sizeof m, -st);
    if (r->baseline_fits == 0)
        snprintf(buf, sizeof buf, "%zu change(s); stability prices %s. The "
                 "baseline's roadmap does not fit this plan.", r->moves.n, m);
    else if (isnan(r->baseline_objective))
        snprintf(buf, sizeof buf, "%zu change(s); stability prices %s.",
                 r->moves.n, m);
    else {
        oap_format_money(g, sizeof g,
                         r->objective - st - r->baseline_objective);
        snprintf(buf, sizeof buf, "%zu change(s); stability prices %s; the "
                 "changes gain %s over the baseline's roadmap on this plan, "
                 "before their prices.", r->moves.n, m, g);
    }
    el(x, "p", NULL, buf);
    if (r->moves.n == 0)
        return;
    oap_xw_start(x, "table");
    oap_xw_attr_s(x, "class", "short");
    oap_xw_start(x, "tr");
    for (k = 0; k < sizeof heads / sizeof *heads; k++)
        el(x, "th", NULL, heads[k]);
    oap_xw_end_full(x);
    for (k = 0; k < r->moves.n; k++) {
        const oa_move *mv = &r->moves.v[k];
        oap_xw_start(x, "tr");
        el(x, "td", NULL, mv->id);
        el(x, "td", NULL, mv->from ? oap_result_label(r, mv->from) : "-");
        el(x, "td", NULL, mv->to ? oap_result_label(r, mv->to) : "dropped");
        oap_format_money(m, sizeof m, mv->price);
        el(x, "td", "num", m);
        oap_format_money(m, sizeof m, mv->value);
        el(x, "td", "num", m);
        oap_xw_end_full(x);
    }
    oap_xw_end_full(x);
}

/* What each initiative in the roadmap brings: its plan value, benefit
 * and score apart, with totals that are the waterfall's first terms. */
static void roadmap_values(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    size_t k;
    double tv = 0, tb = 0, ts = 0;
    char m[64];
    int any = 0;
    for (k = 0; k < r->ini.n; k++) {
        const oa_initiative_result *ir = &r->ini.v[k];
        if (!ir->scheduled || isnan(ir->plan_value))
            continue;
        if (!any) {
            static const char *const heads[] = { "initiative", "start",
                                                 "finish", "plan value",
                                                 "benefit", "score" };
            size_t h;
            el(x, "h3", NULL, "What the roadmap brings");
            oap_xw_start(x, "table");
            oap_xw_attr_s(x, "class", "short");
            oap_xw_start(x, "tr");
            for (h = 0; h < sizeof heads / sizeof *heads; h++)
                el(x, "th", NULL, heads[h]);
            oap_xw_end_full(x);
            any = 1;
        }
        oap_xw_start(x, "tr");
        el(x, "td", NULL, ir->id);
        el(x, "td", NULL, oap_result_label(r, ir->start));
        el(x, "td", NULL, oap_result_label(r, ir->finish));
        oap_format_money(m, sizeof m, ir->fraction * ir->plan_value);
        el(x, "td", "num", m);
        oap_format_money(m, sizeof m, ir->benefit);
        el(x, "td", "num", m);
        oap_format_money(m, sizeof m, ir->score);
        el(x, "td", "num", m);
        oap_xw_end_full(x);
        tv += ir->fraction * ir->plan_value;
        tb += ir->benefit;
        ts += ir->score;
    }
    if (!any)
        return;
    oap_xw_start(x, "tr");
    oap_xw_attr_s(x, "class", "total");
    el(x, "td", NULL, "total");
    el(x, "td", NULL, "");
    el(x, "td", NULL, "");
    oap_format_money(m, sizeof m, tv);
    el(x, "td", "num", m);
    oap_format_money(m, sizeof m, tb);
    el(x, "td", "num", m);
    oap_format_money(m, sizeof m, ts);
    el(x, "td", "num", m);
    oap_xw_end_full(x);
    oap_xw_end_full(x);
}

/* Run work left undone, with its penalty (the shortfall term). */
static void shortfall(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    size_t k;
    int any = 0;
    double total = 0;
    char q[48], m[64], name[200];
    for (k = 0; k < r->loads.n; k++) {
        const oa_load *l = &r->loads.v[k];
        if (!(l->shortfall > 0))
            continue;
        if (!any) {
            el(x, "h3", NULL, "Run work left undone");
            el(x, "p", "legend", "Operating-plan work not done, down to "
                                 "the service levels, and its penalty.");
            oap_xw_start(x, "table");
            oap_xw_attr_s(x, "class", "short");
            oap_xw_start(x, "tr");
            el(x, "th", NULL, "unit/resource");
            el(x, "th", NULL, "period");
            el(x, "th", NULL, "undone");
            el(x, "th", NULL, "penalty");
            oap_xw_end_full(x);
            any = 1;
        }
        snprintf(name, sizeof name, "%s/%s", l->unit, l->resource);
        oap_format_amount(q, sizeof q, l->shortfall);
        oap_format_money(m, sizeof m, l->shortfall_cost);
        if (!isnan(l->shortfall_cost))
            total += l->shortfall_cost;
        oap_xw_start(x, "tr");
        el(x, "td", NULL, name);
        el(x, "td", NULL, oap_result_label(r, l->period));
        el(x, "td", "num", q);
        el(x, "td", "num", m);
        oap_xw_end_full(x);
    }
    if (any) {
        oap_format_money(m, sizeof m, total);
        oap_xw_start(x, "tr");
        el(x, "td", NULL, "total");
        el(x, "td", NULL, "");
        el(x, "td", NULL, "");
        el(x, "td", "num", m);
        oap_xw_end_full(x);
        oap_xw_end_full(x);
    }
}

/* Utilization to a background colour: white (0) to blue (1), red above. */
static void heat_colour(char *buf, size_t size, double u)
{
    if (isnan(u))
        snprintf(buf, size, "background:#f7f7f7");
    else if (u > 1 + 1e-9)
        snprintf(buf, size, "background:#e8876b;color:#fff");
    else {
        int v = (int)(255 - 150 * fmax(0, fmin(1, u)));
        snprintf(buf, size, "background:rgb(%d,%d,255)%s", v, v + 20 > 255
                 ? 255 : v + 20, u > 0.75 ? ";color:#fff" : "");
    }
}

static void heatmap(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    int P = oa_result_period_count(r), t;
    size_t k;
    const char *cu = NULL, *cr = NULL;
    char buf[200], st[80];
    el(x, "h2", NULL, "Unit load");
    el(x, "p", "legend", "Work (run, effects, change) as a share of capacity "
                         "per unit, resource and period; a bold + marks "
                         "overtime, contractors or loans received; red: over "
                         "capacity, carried by those levers.");
    oap_xw_start(x, "div");
    oap_xw_attr_s(x, "class", "scroll");
    oap_xw_start(x, "table");
    oap_xw_attr_s(x, "class", "heat");
    oap_xw_start(x, "tr");
    el(x, "th", NULL, "unit / resource");
    for (t = 1; t <= P; t++)
        el(x, "th", NULL, oap_result_label(r, t));
    oap_xw_end_full(x);
    for (k = 0; k < oa_result_load_count(r); k++) {
        oa_load l;
        int lever;
        if (oa_result_load(&l, r, k) != OA_OK)
            continue;
        if (!cu || strcmp(cu, l.unit) != 0 || strcmp(cr, l.resource) != 0) {
            if (cu)
                oap_xw_end_full(x);
            cu = l.unit;
            cr = l.resource;
            oap_xw_start(x, "tr");
            snprintf(buf, sizeof buf, "%s / %s", l.unit, l.resource);
            el(x, "td", "name", buf);
        }
        lever = l.overtime + l.contractors + l.loan_in > 1e-9;
        oap_xw_start(x, "td");
        heat_colour(st, sizeof st, l.utilization);
        oap_xw_attr_s(x, "style", st);
        snprintf(buf, sizeof buf, "capacity %.2f, run %.2f, change %.2f, "
                 "overtime %.2f, contractors %.2f, loans in %.2f, out %.2f",
                 l.capacity, l.run + l.effects - l.shortfall, l.change,
                 l.overtime, l.contractors, l.loan_in, l.loan_out);
        oap_xw_attr_s(x, "title", buf);
        if (isnan(l.utilization))
            snprintf(buf, sizeof buf, "-");
        else
            snprintf(buf, sizeof buf, "%.0f%%", 100 * l.utilization);
        oap_xw_text(x, buf);
        if (lever)
            el(x, "span", "lever", "+");
        oap_xw_end_full(x);
    }
    if (cu)
        oap_xw_end_full(x);
    oap_xw_end_full(x); /* table */
    oap_xw_end_full(x); /* div */
}

static void spend(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    size_t k, n = oa_result_spend_count(r);
    double top = 0, y = 6;
    char buf[300], m[64], l[64];
    for (k = 0; k < n; k++) {
        oa_spend sp;
        if (oa_result_spend(&sp, r, k) != OA_OK)
            continue;
        top = fmax(top, fmax(sp.spend, sp.has_limit ? sp.limit : 0));
    }
    el(x, "h2", NULL, "Spend against budgets");
    el(x, "p", "legend", "Bars: spend; the dark mark: the budget's limit.");
    oap_xw_start(x, "svg");
    oap_xw_attr_s(x, "xmlns", "http://www.w3.org/2000/svg");
    oap_xw_attr_i(x, "width", 900);
    oap_xw_attr_d(x, "height", 12 + 24 * (double)n);
    for (k = 0; k < n; k++) {
        oa_spend sp;
        double w;
        if (oa_result_spend(&sp, r, k) != OA_OK)
            continue;
        oap_budget_name(buf, sizeof buf, r, sp.kind, sp.unit, sp.from, sp.to);
        svg_text(x, 4, y + 14, "", "start", buf);
        w = top > 0 ? 520 * sp.spend / top : 0;
        oap_xw_start(x, "rect");
        oap_xw_attr_i(x, "x", 180);
        oap_xw_attr_d(x, "y", y + 3);
        oap_xw_attr_d(x, "width", w);
        oap_xw_attr_i(x, "height", 14);
        oap_xw_attr_s(x, "fill", sp.has_limit && sp.spend > sp.limit * 0.999
                                     ? "#b8552f" : "#7aa6cf");
        oap_xw_end(x);
        if (sp.has_limit && top > 0) {
            oap_xw_start(x, "rect");
            oap_xw_attr_d(x, "x", 180 + 520 * sp.limit / top - 1);
            oap_xw_attr_d(x, "y", y);
            oap_xw_attr_i(x, "width", 3);
            oap_xw_attr_i(x, "height", 20);
            oap_xw_attr_s(x, "fill", "#1d2630");
            oap_xw_end(x);
        }
        oap_format_money_cur(m, sizeof m, sp.spend, oa_result_currency(r));
        if (sp.has_limit) {
            oap_format_money_cur(l, sizeof l, sp.limit, oa_result_currency(r));
            snprintf(buf, sizeof buf, "%s of %s", m, l);
        } else {
            snprintf(buf, sizeof buf, "%s", m);
        }
        if (sp.adjustment != 0) {
            /* the actuals' part: money spent unlike the plan's prices */
            size_t len = strlen(buf);
            oap_format_money(l, sizeof l, sp.adjustment);
            snprintf(buf + len, sizeof buf - len, " (actuals %s%s)",
                     sp.adjustment > 0 ? "+" : "", l);
        }
        svg_text(x, 710, y + 14, "", "start", buf);
        y += 24;
    }
    oap_xw_end(x);
}

/* Spend per period; each budget limit over a range drawn as a line at
 * its average per period across the range (the total budget across the
 * year). */
static void period_spend(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    size_t n = oa_result_period_spend_count(r), k;
    double top = 0, pw, h = 200, base = 230, left = 90;
    char buf[300], m[64];
    if (n == 0)
        return;
    for (k = 0; k < n; k++) {
        oa_spend sp;
        if (oa_result_period_spend(&sp, r, k) == OA_OK)
            top = fmax(top, sp.spend);
    }
    for (k = 0; k < oa_result_spend_count(r); k++) {
        oa_spend sp;
        if (oa_result_spend(&sp, r, k) == OA_OK && sp.has_limit &&
            sp.kind != OA_BUDGET_UNIT && sp.to >= sp.from)
            top = fmax(top, sp.limit / (sp.to - sp.from + 1));
    }
    if (!(top > 0))
        top = 1;
    pw = fmin(60, 760.0 / (double)n);
    el(x, "h3", NULL, "Spend per period");
    el(x, "p", "legend", "Bars: all spend of the period (hover for its "
                         "parts); lines: each budget limit as an average "
                         "per period over its range (dashed: the total "
                         "budget).");
    oap_xw_start(x, "svg");
    oap_xw_attr_s(x, "xmlns", "http://www.w3.org/2000/svg");
    oap_xw_attr_d(x, "width", left + pw * (double)n + 20);
    oap_xw_attr_d(x, "height", base + 40);
    oap_format_money(m, sizeof m, top);
    svg_text(x, left - 6, base - h + 4, "head", "end", m);
    svg_text(x, left - 6, base, "head", "end", "0");
    for (k = 0; k < n; k++) {
        oa_spend sp;
        double bh;
        if (oa_result_period_spend(&sp, r, k) != OA_OK)
            continue;
        bh = h * sp.spend / top;
        oap_xw_start(x, "rect");
        oap_xw_attr_s(x, "class", "pspend");
        oap_xw_attr_d(x, "x", left + pw * (double)k + 2);
        oap_xw_attr_d(x, "y", base - bh);
        oap_xw_attr_d(x, "width", pw - 4);
        oap_xw_attr_d(x, "height", bh);
        oap_xw_attr_s(x, "fill", "#7aa6cf");
        oap_xw_start(x, "title");
        oap_format_money(m, sizeof m, sp.spend);
        snprintf(buf, sizeof buf, "%s: %s (operating %.0f, initiatives %.0f, "
                 "overtime %.0f, contractors %.0f, loans %.0f",
                 oap_result_label(r, sp.from), m, sp.operating, sp.initiatives,
                 sp.overtime, sp.contractors, sp.loans);
        if (sp.adjustment != 0)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
                     ", actuals %.0f", sp.adjustment);
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), ")");
        oap_xw_text(x, buf);
        oap_xw_end(x);
        oap_xw_end(x);
        if (n <= 26 || k % 4 == 0)
            svg_text(x, left + pw * ((double)k + 0.5), base + 14, "head",
                     "middle", oap_result_label(r, sp.from));
    }
    for (k = 0; k < oa_result_spend_count(r); k++) {
        oa_spend sp;
        double y;
        if (oa_result_spend(&sp, r, k) != OA_OK || !sp.has_limit ||
            sp.kind == OA_BUDGET_UNIT || sp.to < sp.from)
            continue;
        y = base - h * sp.limit / (sp.to - sp.from + 1) / top;
        oap_xw_start(x, "line");
        oap_xw_attr_d(x, "x1", left + pw * (sp.from - 1));
        oap_xw_attr_d(x, "x2", left + pw * sp.to);
        oap_xw_attr_d(x, "y1", y);
        oap_xw_attr_d(x, "y2", y);
        oap_xw_attr_s(x, "stroke", "#1d2630");
        oap_xw_attr_i(x, "stroke-width", 2);
        if (sp.kind == OA_BUDGET_TOTAL)
            oap_xw_attr_s(x, "stroke-dasharray", "6 4");
        oap_xw_end(x);
    }
    oap_xw_start(x, "line");
    oap_xw_attr_d(x, "x1", left);
    oap_xw_attr_d(x, "x2", left + pw * (double)n);
    oap_xw_attr_d(x, "y1", base);
    oap_xw_attr_d(x, "y2", base);
    oap_xw_attr_s(x, "stroke", "#444");
    oap_xw_end(x);
    oap_xw_end(x);
}

static void bottlenecks(rctx *c)
{
    const oa_result *r = c->r;
    oap_xw *x = c->x;
    oa_bottleneck *v;
    size_t n, i;
    char buf[400], m[64], per[200];
    el(x, "h2", NULL, "Bottlenecks");
    if (oa_result_bottlenecks(&v, &n, r) != OA_OK) {
        oap_xw_fail(x);
        return;
    }
    if (n == 0) {
        el(x, "p", "legend", "No capacity or budget is used up: every unit "
                             "and budget has room left.");
        return;
    }
    el(x, "p", "legend", "Where capacity or budget is used up, most "
                         "valuable first: what one more unit in each period "
                         "saves in levers or penalties, with this roadmap "
                         "fixed (opsalign explain re-solves to confirm it).");
    oap_xw_start(x, "ol");
    oap_xw_attr_s(x, "class", "bn");
    for (i = 0; i < n && i < 10; i++) {
        const oa_bottleneck *b = &v[i];
        if (b->to > b->from)
            snprintf(per, sizeof per, "%s..%s", oap_result_label(r, b->from),
                     oap_result_label(r, b->to));
        else
            snprintf(per, sizeof per, "%s", oap_result_label(r, b->from));
        if (b->marginal > 1e-9)
            oap_format_money_cur(m, sizeof m, b->marginal,
                                 b->is_budget ? NULL : oa_result_currency(r));
        else
            snprintf(m, sizeof m, "used up");
        if (!b->is_budget)
            snprintf(buf, sizeof buf, "%s / %s in %s: %s", b->unit,
                     b->resource, per, m);
        else if (b->budget == OA_BUDGET_TOTAL)
            snprintf(buf, sizeof buf, "total budget: %s", m);
        else if (b->budget == OA_BUDGET_RANGE)
            snprintf(buf, sizeof buf, "budget of %s: %s", per, m);
        else
            snprintf(buf, sizeof buf, "budget of %s: %s", b->unit, m);
        el(x, "li", NULL, buf);
    }
    oap_xw_end_full(x);
    oa_free(v);
}

OA_API int oa_report_write(char **out, size_t *size, const oa_result *r,
                           const oa_report_opts *opts)
{
    oap_buf b;
    oap_xw *x = NULL;
    rctx c;
    char title[300];
    int rc;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && r);
    OAP_ARG(!opts || OAP_VERSION_OK(opts->version, OA_REPORT_OPTS_VERSION));
    rc = oap_xw_begin_html(&x);
    if (rc != OA_OK)
        return rc;
    c.x = x;
    c.r = r;
    c.o = opts;
    snprintf(title, sizeof title, "Roadmap report: %s",
             oa_result_plan_name(r) ? oa_result_plan_name(r) : "plan");
    oap_xw_start(x, "html");
    oap_xw_attr_s(x, "lang", "en");
    oap_xw_start(x, "head");
    oap_xw_start(x, "meta");
    oap_xw_attr_s(x, "charset", "utf-8");
    oap_xw_end(x);
    el(x, "title", NULL, title);
    el(x, "style", NULL, css);
    oap_xw_end_full(x);
    oap_xw_start(x, "body");
    el(x, "h1", NULL, title);
    summary(&c);
    if (oa_result_status(r) == OA_STATUS_OPTIMAL ||
        oa_result_status(r) == OA_STATUS_FEASIBLE ||
        oa_result_status(r) == OA_STATUS_RELAXED) {
        gantt(&c);
        roadmap_values(&c);
        left_out(&c);
        moves(&c);
        heatmap(&c);
        shortfall(&c);
        spend(&c);
        period_spend(&c);
        bottlenecks(&c);
    } else {
        el(x, "p", NULL, "No roadmap: see the result's diagnosis "
                          "(opsalign solve).");
    }
    if (opts && opts->comparison) {
        el(x, "h2", NULL, "Scenarios side by side");
        el(x, "p", "legend", "Each scenario applied alone to the base plan "
                              "and solved; levers in resource units summed "
                              "over units and periods.");
        oap_comparison_html(x, opts->comparison);
    }
    if (opts && opts->sweep) {
        el(x, "h2", NULL, "Frontier");
        oap_xw_start(x, "div");
        oap_sweep_svg(x, opts->sweep);
        oap_xw_end_full(x);
    }
    oap_xw_end_full(x); /* body */
    oap_xw_end_full(x); /* html */
    oap_xw_raw(x, "\n");
    oap_buf_init(&b);
    rc = oap_xw_finish(x, &b);
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_report_save(const oa_result *r, const char *path,
                          const oa_report_opts *opts, oa_error *err)
{
    char *data = NULL;
    size_t size = 0;
    OAP_ARG(r && path);
    if (err)
        oa_error_clear(err);
    int rc = oa_report_write(&data, &size, r, opts);
    return oap_save_text(path, data, size, rc, err);
}
