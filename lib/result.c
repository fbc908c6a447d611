/*
 * The result: getters and lifetime.  Results are self-contained (strings
 * are copied in), so a result read back from XML is the same object as
 * one just solved.
 */
#include "plan_int.h"
#include "result.h"

#include <math.h>
#include <signal.h>
#include <string.h>

oa_result *oap_result_new(void)
{
    oa_result *r = oap_calloc(1, sizeof *r);
    if (r)
        r->status = OA_STATUS_NO_SOLUTION;
    return r;
}

const char *oap_result_str(oa_result *r, const char *s)
{
    return oap_arena_str(&r->arena, s);
}

int oap_result_set_labels(oa_result *r, int P, const char *const *labels)
{
    int t;
    r->labels = oap_calloc((size_t)P + 1, sizeof *r->labels);
    if (r->labels == NULL)
        return OA_ENOMEM;
    r->P = P;
    for (t = 0; t < P; t++) {
        r->labels[t] = oap_result_str(r, labels[t]);
        if (r->labels[t] == NULL)
            return OA_ENOMEM;
    }
    return OA_OK;
}

OA_API void oa_result_free(oa_result *r)
{
    if (r == NULL)
        return;
    oap_free(r->labels);
    oap_free(r->ini.v);
    oap_free(r->loads.v);
    oap_free(r->spend.v);
    oap_free(r->period_spend.v);
    oap_free(r->deficits.v);
    oap_free(r->moves.v);
    oap_free(r->held.v);
    oap_arena_free(&r->arena);
    oap_free(r);
}

OA_API const char *oa_status_name(oa_status status)
{
    switch (status) {
    case OA_STATUS_OPTIMAL: return "optimal";
    case OA_STATUS_FEASIBLE: return "feasible";
    case OA_STATUS_RELAXED: return "relaxed";
    case OA_STATUS_INFEASIBLE: return "infeasible";
    case OA_STATUS_NO_SOLUTION: return "no-solution";
    }
    return "unknown";
}

OA_API const char *oa_stop_name(oa_stop stop)
{
    switch (stop) {
    case OA_STOP_DONE: return "done";
    case OA_STOP_GAP: return "gap";
    case OA_STOP_TIME: return "time-limit";
    case OA_STOP_CALLER: return "caller";
    case OA_STOP_WORK: return "work-limit";
    case OA_STOP_INTERRUPT: return "interrupt";
    }
    return "unknown";
}

OA_API const char *oa_term_name(oa_term term)
{
    static const char *const names[OA_TERM_COUNT] = {
        "value", "benefit", "score", "overtime", "contractors", "loans",
        "shortfall", "stability"
    };
    return (int)term >= 0 && (int)term < OA_TERM_COUNT ? names[term] : NULL;
}

OA_API double oa_result_term(const oa_result *r, oa_term term)
{
    if (r == NULL || !r->has_terms || (int)term < 0 ||
        (int)term >= OA_TERM_COUNT)
        return NAN;
    return r->terms[term];
}

OA_API const char *oa_result_scenario(const oa_result *r)
{
    return r ? r->scenario : NULL;
}

OA_API const char *oa_result_scenario_file(const oa_result *r)
{
    return r ? r->scenario_file : NULL;
}

OA_API int oa_result_as_of(const oa_result *r)
{
    return r ? r->as_of : 0;
}

OA_API int oa_result_kept(const oa_result *r)
{
    return r ? r->kept : 0;
}

OA_API int oa_result_has_baseline(const oa_result *r)
{
    return r ? r->has_baseline : 0;
}

OA_API double oa_result_baseline_objective(const oa_result *r)
{
    return r && r->has_baseline ? r->baseline_objective : NAN;
}

OA_API int oa_result_baseline_fits(const oa_result *r)
{
    return r && r->has_baseline ? r->baseline_fits : -1;
}

OA_API size_t oa_result_held_count(const oa_result *r)
{
    return r ? r->held.n : 0;
}

OA_API int oa_result_held(oa_held *out, const oa_result *r, size_t i)
{
    OAP_ARG(out && r && i < r->held.n);
    *out = r->held.v[i];
    return OA_OK;
}

OA_API size_t oa_result_move_count(const oa_result *r)
{
    return r ? r->moves.n : 0;
}

OA_API int oa_result_move(oa_move *out, const oa_result *r, size_t i)
{
    OAP_ARG(out && r && i < r->moves.n);
    *out = r->moves.v[i];
    return OA_OK;
}

OA_API double oa_result_work(const oa_result *r)
{
    return r ? r->work : NAN;
}

OA_API oa_stop oa_result_stop(const oa_result *r)
{
    return r ? r->stop : OA_STOP_DONE;
}

OA_API oa_status oa_result_status(const oa_result *r)
{
    return r ? r->status : OA_STATUS_NO_SOLUTION;
}

OA_API double oa_result_objective(const oa_result *r)
{
    return r ? r->objective : NAN;
}

OA_API double oa_result_bound(const oa_result *r)
{
    return r ? r->bound : NAN;
}

OA_API double oa_result_gap(const oa_result *r)
{
    return r ? r->gap : NAN;
}

OA_API double oa_result_seconds(const oa_result *r)
{
    return r ? r->seconds : 0;
}

OA_API const char *oa_result_plan_name(const oa_result *r)
{
    return r ? r->name : NULL;
}

OA_API const char *oa_result_currency(const oa_result *r)
{
    return r ? r->currency : NULL;
}

OA_API int oa_result_period_count(const oa_result *r)
{
    return r ? r->P : 0;
}

OA_API const char *oa_result_period_label(const oa_result *r, int t)
{
    if (r == NULL || t < 1 || t > r->P)
        return NULL;
    return r->labels[t - 1];
}

OA_API size_t oa_result_initiative_count(const oa_result *r)
{
    return r ? r->ini.n : 0;
}

#define RGET(out, r, vec, i)                                                 \
    do {                                                                     \
        OAP_ARG((out) && (r) && (i) < (r)->vec.n);                           \
        *(out) = (r)->vec.v[i];                                              \
        return OA_OK;                                                        \
    } while (0)

OA_API int oa_result_initiative(oa_initiative_result *out,
                                const oa_result *r, size_t i)
{
    RGET(out, r, ini, i);
}

OA_API int oa_result_find_initiative(oa_initiative_result *out,
                                     const oa_result *r, const char *id)
{
    size_t i;
    OAP_ARG(out && r && id);
    for (i = 0; i < r->ini.n; i++)
        if (strcmp(r->ini.v[i].id, id) == 0) {
            *out = r->ini.v[i];
            return OA_OK;
        }
    return OA_ENOTFOUND;
}

OA_API size_t oa_result_load_count(const oa_result *r)
{
    return r ? r->loads.n : 0;
}

OA_API int oa_result_load(oa_load *out, const oa_result *r, size_t i)
{
    RGET(out, r, loads, i);
}

OA_API size_t oa_result_period_spend_count(const oa_result *r)
{
    return r ? r->period_spend.n : 0;
}

OA_API int oa_result_period_spend(oa_spend *out, const oa_result *r,
                                  size_t i)
{
    RGET(out, r, period_spend, i);
}

OA_API size_t oa_result_spend_count(const oa_result *r)
{
    return r ? r->spend.n : 0;
}

OA_API int oa_result_spend(oa_spend *out, const oa_result *r, size_t i)
{
    RGET(out, r, spend, i);
}

OA_API double oa_result_deficit(const oa_result *r)
{
    return r ? r->deficit : 0;
}

OA_API int oa_result_deficit_proven(const oa_result *r)
{
    return r ? r->deficit_proven : 0;
}

OA_API size_t oa_result_deficit_count(const oa_result *r)
{
    return r ? r->deficits.n : 0;
}

OA_API int oa_result_deficit_row(oa_deficit *out, const oa_result *r,
                                 size_t i)
{
    RGET(out, r, deficits, i);
}

int oap_result_has_roadmap(const oa_result *r)
{
    return r && (oa_result_status(r) == OA_STATUS_OPTIMAL ||
                 oa_result_status(r) == OA_STATUS_FEASIBLE);
}

int oap_result_check_roadmap(const oa_checked *chk, const oa_result *r,
                             const char *what, oa_error *err)
{
    const oa_plan *p = chk->plan;
    size_t k;
    if (!oap_result_has_roadmap(r)) {
        oap_error_set(err, OA_ESTATE, p->source, -1,
                      "the plan has no roadmap to %s (%s)", what,
                      oa_status_name(oa_result_status(r)));
        return OA_ESTATE;
    }
    if (oa_result_initiative_count(r) != p->initiatives.n ||
        oa_result_period_count(r) != chk->res->P) {
        oap_error_set(err, OA_EINVALID, p->source, -1,
                      "the result is not a roadmap of this plan");
        return OA_EINVALID;
    }
    for (k = 0; k < p->initiatives.n; k++) {
        oa_initiative_result ir;
        if (oa_result_initiative(&ir, r, k) != OA_OK ||
            strcmp(ir.id, p->initiatives.v[k]->id) != 0) {
            oap_error_set(err, OA_EINVALID, p->source, -1,
                          "the result is not a roadmap of this plan");
            return OA_EINVALID;
        }
    }
    return OA_OK;
}

/* ---- interrupts ---- */

struct oa_interrupt {
    volatile sig_atomic_t raised;
};

OA_API int oa_interrupt_new(oa_interrupt **out)
{
    OAP_ARG(out);
    *out = oap_calloc(1, sizeof **out);
    return *out ? OA_OK : OA_ENOMEM;
}

OA_API void oa_interrupt_free(oa_interrupt *flag)
{
    oap_free(flag);
}

OA_API void oa_interrupt_raise(oa_interrupt *flag)
{
    if (flag)
        flag->raised = 1;
}

OA_API void oa_interrupt_clear(oa_interrupt *flag)
{
    if (flag)
        flag->raised = 0;
}

OA_API int oa_interrupt_raised(const oa_interrupt *flag)
{
    return flag != NULL && flag->raised != 0;
}
