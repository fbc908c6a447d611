/*
 * Sweeps: one parameter (the total budget, or a factor on capacity) at
 * evenly spaced values, each point a scenario of the plan solved from the
 * roadmap of the point before; written as CSV and as an SVG chart
 * (libxml2's writer, so every plan-supplied text is escaped).
 */
#include "fileio.h"
#include "plan_int.h"
#include "result.h"
#include "xw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct point {
    double value;
    oa_result *r;
} point;

struct oa_sweep {
    oap_arena arena;
    oa_sweep_kind kind;
    const char *unit, *resource, *plan_name, *currency;
    OAP_VEC(point) pts;
};

OA_API void oa_sweep_free(oa_sweep *sw)
{
    size_t k;
    if (sw == NULL)
        return;
    for (k = 0; k < sw->pts.n; k++)
        oa_result_free(sw->pts.v[k].r);
    oap_free(sw->pts.v);
    oap_arena_free(&sw->arena);
    oap_free(sw);
}

OA_API size_t oa_sweep_count(const oa_sweep *sw)
{
    return sw ? sw->pts.n : 0;
}

OA_API double oa_sweep_value(const oa_sweep *sw, size_t i)
{
    return sw && i < sw->pts.n ? sw->pts.v[i].value : NAN;
}

OA_API const oa_result *oa_sweep_result(const oa_sweep *sw, size_t i)
{
    return sw && i < sw->pts.n ? sw->pts.v[i].r : NULL;
}

OA_API int oa_sweep_run(oa_sweep **out, const oa_plan *plan,
                        const oa_sweep_opts *o, oa_error *err)
{
    oa_sweep *sw;
    const oa_result *prev = NULL;
    int k, rc = OA_OK;
    if (out)
        *out = NULL;
    OAP_ARG(out && plan && o);
    if (!OAP_VERSION_OK(o->version, OA_SWEEP_OPTS_VERSION) || o->steps < 1 ||
        o->steps > 100000 || !isfinite(o->from) || !isfinite(o->to) ||
        o->from < 0 || o->to < 0 ||
        (o->version == 1 && (!(o->time_limit >= 0) ||
                             !isfinite(o->time_limit) || !(o->gap >= 0))) ||
        (o->kind != OA_SWEEP_BUDGET_TOTAL && o->kind != OA_SWEEP_CAPACITY) ||
        (o->kind == OA_SWEEP_CAPACITY && (!o->unit || !o->resource)))
        return OA_EINVAL;
    rc = oa_plan_validate(plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    sw = oap_calloc(1, sizeof *sw);
    if (sw == NULL)
        return OA_ENOMEM;
    sw->kind = o->kind;
    sw->unit = oap_arena_str(&sw->arena, o->unit);
    sw->resource = oap_arena_str(&sw->arena, o->resource);
    sw->plan_name = oap_arena_str(&sw->arena, plan->name);
    sw->currency = oap_arena_str(&sw->arena, plan->currency);
    for (k = 0; k < o->steps && rc == OA_OK; k++) {
        point pt;
        oa_scenario *sc = NULL;
        oa_solve_opts so = OA_SOLVE_OPTS_INIT;
        if (o->version >= 2) {
            so = o->solve;
        } else {
            so.time_limit = o->time_limit;
            so.gap = o->gap;
            so.flags = o->flags;
        }
        pt.value = o->steps == 1 ? o->from
                                 : o->from + (o->to - o->from) * k /
                                                 (o->steps - 1);
        pt.r = NULL;
        rc = oa_scenario_new(&sc, NULL);
        if (rc == OA_OK)
            rc = o->kind == OA_SWEEP_BUDGET_TOTAL
                     ? oa_scenario_set_budget_total(sc, pt.value)
                     : oa_scenario_scale_capacity(sc, o->unit, o->resource,
                                                  pt.value, NULL, NULL);
        if (so.version >= 2)
            so.start = prev;
        if (rc == OA_OK)
            rc = oa_solve_scenario(&pt.r, plan, sc, &so, err, NULL);
        if (rc == OA_OK) {
            rc = OAP_VPUSH(sw->pts, pt);
            if (rc != OA_OK)
                oa_result_free(pt.r);
            else if (oap_result_has_roadmap(pt.r))
                prev = pt.r;
        }
        oa_scenario_free(sc);
    }
    if (rc != OA_OK) {
        oa_sweep_free(sw);
        return rc;
    }
    *out = sw;
    return OA_OK;
}

/*
 * What the swept total budget does at a point: "binds" (spent to it, or
 * more of it is worth something for this roadmap), "redundant" (the range
 * limits cap all spend at or below it: it cannot bind, whatever its
 * value), or "slack" (spent below it; as initiatives come whole, more may
 * still change the roadmap).
 */
static const char *total_state(const oa_result *r, const oa_result_summary *s,
                               double total)
{
    if (s->binding & (1u << OA_BUDGET_TOTAL))
        return "binds";
    if (oap_ranges_cap(r) <= total)
        return "redundant";
    return "slack";
}

/* ---- CSV ---- */

static void write_csv(oap_buf *b, const oa_sweep *sw)
{
    size_t k, j;
    oap_buf_puts(b, sw->kind == OA_SWEEP_BUDGET_TOTAL ? "budget_total"
                                                      : "capacity_factor");
    oap_buf_puts(b, ",status,objective,gap,scheduled,spend,overtime,"
                    "contractors,roadmap,bound,stopped_by,budgets_binding,"
                    "total_budget\n");
    for (k = 0; k < sw->pts.n; k++) {
        const oa_result *r = sw->pts.v[k].r;
        oa_result_summary s;
        oa_result_summarize(&s, r);
        oap_csv_num(b, sw->pts.v[k].value);
        oap_buf_printf(b, ",%s,", oa_status_name(s.status));
        oap_csv_num(b, s.objective);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.gap);
        oap_buf_printf(b, ",%zu,", s.scheduled);
        oap_csv_num(b, s.spend);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.overtime);
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.contractors);
        oap_buf_puts(b, ",");
        /* the roadmap: id@start-label, space-separated (ids and labels
         * have no spaces, commas or quotes) */
        for (j = 0; oap_result_has_roadmap(r) && j < oa_result_initiative_count(r);
             j++) {
            oa_initiative_result ir;
            if (oa_result_initiative(&ir, r, j) != OA_OK || !ir.scheduled)
                continue;
            oap_buf_printf(b, "%s%s@%s", b->data[b->len - 1] == ',' ? "" : " ",
                           ir.id, oa_result_period_label(r, ir.start));
        }
        oap_buf_puts(b, ",");
        oap_csv_num(b, s.bound);
        oap_buf_printf(b, ",%s,", oa_stop_name(s.stop));
        if (oap_result_has_roadmap(r)) {
            char bind[400];
            oap_binding_text(bind, sizeof bind, r, 100);
            oap_csv_str(b, bind);
        }
        oap_buf_puts(b, ",");
        if (sw->kind == OA_SWEEP_BUDGET_TOTAL && oap_result_has_roadmap(r))
            oap_buf_puts(b, total_state(r, &s, sw->pts.v[k].value));
        oap_buf_puts(b, "\n");
    }
}

/* ---- SVG ---- */

#define W 800
#define H 480
#define ML 100
#define MR 40
#define MT 60
#define MB 70

/* A "nice" tick step for a range (1, 2 or 5 times a power of ten). */
static double nice_step(double range, int ticks)
{
    double raw = range / ticks, p, f;
    if (!(raw > 0))
        return 1;
    p = pow(10, floor(log10(raw)));
    f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static void tick_text(char *buf, size_t size, double v, int money)
{
    if (money)
        oap_format_money(buf, size, v);
    else
        snprintf(buf, size, "%g", v);
}

static void text_el(oap_xw *x, double px, double py, const char *anchor,
                    const char *cls, const char *s)
{
    oap_xw_start(x, "text");
    oap_xw_attr_d(x, "x", floor(px * 10 + 0.5) / 10);
    oap_xw_attr_d(x, "y", floor(py * 10 + 0.5) / 10);
    oap_xw_attr_s(x, "text-anchor", anchor);
    oap_xw_attr_s(x, "class", cls);
    oap_xw_text(x, s);
    oap_xw_end(x);
}

static void line_el(oap_xw *x, double x1, double y1, double x2, double y2,
                    const char *cls)
{
    oap_xw_start(x, "line");
    oap_xw_attr_d(x, "x1", floor(x1 * 10 + 0.5) / 10);
    oap_xw_attr_d(x, "y1", floor(y1 * 10 + 0.5) / 10);
    oap_xw_attr_d(x, "x2", floor(x2 * 10 + 0.5) / 10);
    oap_xw_attr_d(x, "y2", floor(y2 * 10 + 0.5) / 10);
    oap_xw_attr_s(x, "class", cls);
    oap_xw_end(x);
}

void oap_sweep_svg(oap_xw *xw, const oa_sweep *sw)
{
    size_t k, n = sw->pts.n;
    double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = 0, y1 = -HUGE_VAL, sx, sy, t;
    char tb[96], title[640];
    int money_x = sw->kind == OA_SWEEP_BUDGET_TOTAL, slack = 0, redundant;
    oap_buf pts;
    for (k = 0; k < n; k++) {
        double v = sw->pts.v[k].value;
        const oa_result *r = sw->pts.v[k].r;
        x0 = fmin(x0, v);
        x1 = fmax(x1, v);
        if (oap_result_has_roadmap(r)) {
            y1 = fmax(y1, oa_result_objective(r));
            y0 = fmin(y0, oa_result_objective(r));
        }
    }
    if (!(x1 > x0)) {
        x0 -= 1;
        x1 += 1;
    }
    if (!(y1 > y0))
        y1 = y0 + 1;
    t = nice_step(y1 - y0, 5);
    y1 = ceil(y1 / t) * t;
    y0 = floor(y0 / t) * t;
    sx = (W - ML - MR) / (x1 - x0);
    sy = (H - MT - MB) / (y1 - y0);
    oap_xw_start(xw, "svg");
    oap_xw_attr_s(xw, "xmlns", "http://www.w3.org/2000/svg");
    oap_xw_attr_i(xw, "width", W);
    oap_xw_attr_i(xw, "height", H);
    snprintf(tb, sizeof tb, "0 0 %d %d", W, H);
    oap_xw_attr_s(xw, "viewBox", tb);
    oap_xw_start(xw, "style");
    oap_xw_text(xw,
            "text{font-family:sans-serif;font-size:12px;fill:#222}"
            ".title{font-size:16px;font-weight:bold}"
            ".axis{stroke:#444;stroke-width:1}"
            ".grid{stroke:#ddd;stroke-width:1}"
            ".curve{fill:none;stroke:#1f6fb4;stroke-width:2}"
            ".pt{fill:#1f6fb4}.none{fill:#c0392b}"
            ".slack{fill:white;stroke:#1f6fb4;stroke-width:2}"
            ".small{font-size:10px;fill:#555}");
    oap_xw_end(xw);
    oap_xw_start(xw, "rect");
    oap_xw_attr_i(xw, "width", W);
    oap_xw_attr_i(xw, "height", H);
    oap_xw_attr_s(xw, "fill", "white");
    oap_xw_end(xw);
    snprintf(title, sizeof title, "%s%s%s",
             sw->kind == OA_SWEEP_BUDGET_TOTAL
                 ? "Value against the total budget"
                 : "Value against capacity",
             sw->plan_name ? ": " : "", sw->plan_name ? sw->plan_name : "");
    text_el(xw, W / 2.0, 30, "middle", "title", title);
    /* grid and y ticks */
    for (t = y0; t <= y1 + 1e-9 * (y1 - y0); t += nice_step(y1 - y0, 5)) {
        double py = H - MB - (t - y0) * sy;
        line_el(xw, ML, py, W - MR, py, "grid");
        tick_text(tb, sizeof tb, t, 1);
        text_el(xw, ML - 8, py + 4, "end", "small", tb);
    }
    {
        double st = nice_step(x1 - x0, 6), first = ceil(x0 / st) * st;
        for (t = first; t <= x1 + 1e-9 * (x1 - x0); t += st) {
            double px = ML + (t - x0) * sx;
            line_el(xw, px, H - MB, px, H - MB + 5, "axis");
            tick_text(tb, sizeof tb, t, money_x);
            text_el(xw, px, H - MB + 18, "middle", "small", tb);
        }
    }
    line_el(xw, ML, H - MB, W - MR, H - MB, "axis");
    line_el(xw, ML, MT, ML, H - MB, "axis");
    if (sw->kind == OA_SWEEP_BUDGET_TOTAL)
        snprintf(title, sizeof title, "total budget%s%s%s",
                 sw->currency ? " (" : "", sw->currency ? sw->currency : "",
                 sw->currency ? ")" : "");
    else
        snprintf(title, sizeof title, "capacity factor on %s / %s",
                 sw->unit, sw->resource);
    text_el(xw, ML + (W - ML - MR) / 2.0, H - 25, "middle", "", title);
    snprintf(title, sizeof title, "objective%s%s%s",
             sw->currency ? " (" : "", sw->currency ? sw->currency : "",
             sw->currency ? ")" : "");
    oap_xw_start(xw, "g");
    snprintf(tb, sizeof tb, "translate(22 %d) rotate(-90)",
             MT + (H - MT - MB) / 2);
    oap_xw_attr_s(xw, "transform", tb);
    text_el(xw, 0, 0, "middle", "", title);
    oap_xw_end(xw);
    /* the curve through the points with a roadmap */
    oap_buf_init(&pts);
    for (k = 0; k < n; k++) {
        const oa_result *r = sw->pts.v[k].r;
        if (!oap_result_has_roadmap(r))
            continue;
        oap_buf_printf(&pts, "%s%.1f,%.1f", pts.len ? " " : "",
                       ML + (sw->pts.v[k].value - x0) * sx,
                       H - MB - (oa_result_objective(r) - y0) * sy);
    }
    if (pts.len) {
        oap_xw_start(xw, "polyline");
        oap_xw_attr_s(xw, "class", "curve");
        oap_xw_attr_s(xw, "points", pts.data);
        oap_xw_end(xw);
    }
    if (pts.failed)
        oap_xw_fail(xw);
    oap_buf_free(&pts);
    for (k = 0; k < n; k++) {
        const oa_result *r = sw->pts.v[k].r;
        double px = ML + (sw->pts.v[k].value - x0) * sx, py;
        oa_result_summary s;
        oa_result_summarize(&s, r);
        py = oap_result_has_roadmap(r) ? H - MB - (oa_result_objective(r) - y0) * sy
                            : H - MB;
        oap_xw_start(xw, "circle");
        oap_xw_attr_d(xw, "cx", floor(px * 10 + 0.5) / 10);
        oap_xw_attr_d(xw, "cy", floor(py * 10 + 0.5) / 10);
        oap_xw_attr_i(xw, "r", 4);
        redundant = oap_result_has_roadmap(r) && money_x &&
                    strcmp(total_state(r, &s, sw->pts.v[k].value),
                           "redundant") == 0;
        slack |= redundant;
        oap_xw_attr_s(xw, "class", !oap_result_has_roadmap(r) ? "none"
                                   : redundant ? "slack"
                                               : "pt");
        oap_xw_start(xw, "title");
        {
            char v[48], o[48];
            tick_text(v, sizeof v, sw->pts.v[k].value, money_x);
            if (oap_result_has_roadmap(r)) {
                char bind[200];
                oap_format_money(o, sizeof o, oa_result_objective(r));
                oap_binding_text(bind, sizeof bind, r, 4);
                snprintf(title, sizeof title,
                         "%s: objective %s (gap %.2f%%), %zu initiatives; "
                         "budgets binding: %s", v, o,
                         isnan(s.gap) ? 0 : 100 * s.gap, s.scheduled, bind);
            } else {
                snprintf(title, sizeof title, "%s: %s", v,
                         oa_status_name(s.status));
            }
        }
        oap_xw_text(xw, title);
        oap_xw_end(xw);
        oap_xw_end(xw);
        /* how many initiatives, above each point (every point when few) */
        if (n <= 25 || k % ((n + 24) / 25) == 0) {
            if (oap_result_has_roadmap(r))
                snprintf(tb, sizeof tb, "%zu", s.scheduled);
            else
                snprintf(tb, sizeof tb, "%s", oa_status_name(s.status));
            text_el(xw, px, py - 9, "middle", "small", tb);
        }
    }
    text_el(xw, W - MR, MT - 12, "end", "small",
            "numbers above the points: initiatives in the roadmap");
    if (slack)
        text_el(xw, ML + 8, MT - 12, "start", "small",
                "hollow points: the range limits cap spend below the total "
                "there, so it cannot bind");
    oap_xw_end(xw);
}

static int write_svg(oap_buf *b, const oa_sweep *sw)
{
    oap_xw *x = NULL;
    int rc = oap_xw_begin(&x, " ");
    if (rc != OA_OK)
        return rc;
    oap_sweep_svg(x, sw);
    return oap_xw_finish(x, b);
}

OA_API int oa_sweep_write(char **out, size_t *size, const oa_sweep *sw,
                          oa_format format)
{
    oap_buf b;
    int rc = OA_OK;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && sw);
    OAP_ARG(format == OA_FORMAT_CSV || format == OA_FORMAT_SVG);
    oap_buf_init(&b);
    if (format == OA_FORMAT_CSV)
        write_csv(&b, sw);
    else
        rc = write_svg(&b, sw);
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_sweep_save(const oa_sweep *sw, const char *path,
                         oa_format format, oa_error *err)
{
    char *data = NULL;
    size_t size = 0;
    OAP_ARG(sw && path);
    if (err)
        oa_error_clear(err);
    int rc = oa_sweep_write(&data, &size, sw, format);
    return oap_save_text(path, data, size, rc, err);
}
