/*
 * Explanations: why initiatives were rejected or delayed, and where
 * capacity binds.  A client of oa_solve(): every answer is a solve of a
 * copy of the plan with one thing changed (doc/explain.md):
 *
 *   force    the initiative made mandatory, everything else free: the
 *            price of forcing it in and what it displaces; infeasible
 *            means it never fits, and the elastic diagnosis says by how
 *            much;
 *   beside   the roadmap fixed (every scheduled initiative mandatory at
 *            its start, the rest left out) and the initiative mandatory:
 *            infeasible gives the least extra capacity or budget that lets
 *            it in without displacing anything;
 *   earlier  the roadmap fixed and a delayed initiative allowed only
 *            earlier starts: what blocks them;
 *   confirm  one more unit of a bottleneck's capacity in every period of
 *            its range, started from the roadmap: the exact value.
 *
 * The solves are independent tasks, run one after the other or by
 * opts->jobs threads (GLPK's environment is thread-local).
 */
#include "plan_int.h"
#include "result.h"
#include "solver.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define EPS 1e-6

typedef struct item {
    oa_explained e;
    size_t idx;              /* initiative index in the plan */
    OAP_VEC(oa_displaced) moves;
    OAP_VEC(oa_deficit) needs;
    int needs_proven;
    int t_force, t_beside, t_earlier; /* task indexes or -1 */
} item;

struct oa_explanation {
    oap_arena arena;
    const oa_result *base;
    oa_result *own_base;
    OAP_VEC(item) items;
    OAP_VEC(oa_bottleneck) bottlenecks;
    int *t_confirm;          /* [bottlenecks.n]: task or -1 */
};

typedef enum task_kind { T_FORCE, T_BESIDE, T_EARLIER, T_CONFIRM } task_kind;

typedef struct task {
    task_kind kind;
    size_t idx;              /* initiative (force, beside, earlier) */
    size_t bn;               /* bottleneck (confirm) */
    int from, to;            /* earlier: allowed starts */
    oa_result *r;            /* the outcome */
    int rc;
    int invalid;             /* the changed plan breaks a rule (err says) */
    oa_error err;
} task;

typedef struct ctx {
    const oa_plan *plan;
    const oa_result *base;
    oa_explanation *ex;
    const oa_explain_opts *o;
    oa_solve_opts so;        /* every solve's options (version 1: built
                                from time_limit and flags) */
    task *tasks;
    size_t ntasks, next;
    pthread_mutex_t lock;
} ctx;

/* ---- plan copies ---- */

/* Edits that fix every initiative the roadmap schedules (except skip) at
 * its start, mandatory, and forbid the others that keep[] does not
 * keep. */
static int fix_roadmap(oa_scenario *sc, const oa_plan *p,
                       const oa_result *base, size_t skip, const char *keep)
{
    size_t k;
    int rc = OA_OK;
    for (k = 0; k < p->initiatives.n && rc == OA_OK; k++) {
        const char *id = p->initiatives.v[k]->id;
        oa_initiative_result ir;
        if (k == skip)
            continue;
        rc = oa_result_initiative(&ir, base, k);
        if (rc != OA_OK)
            break;
        if (ir.scheduled) {
            rc = oa_scenario_set_initiative(sc, id, "mandatory", "true");
            if (rc == OA_OK)
                rc = oa_scenario_set_initiative(sc, id, "earliest",
                                                p->labels[ir.start - 1]);
            if (rc == OA_OK)
                rc = oa_scenario_set_initiative(sc, id, "deadline",
                                                p->labels[ir.finish - 1]);
        } else if (!(keep && keep[k])) {
            rc = oa_scenario_set_initiative(sc, id, "forbidden", "true");
            if (rc == OA_OK)
                rc = oa_scenario_set_initiative(sc, id, "mandatory", "false");
        }
    }
    return rc;
}

/* keep[k] = 1 for every initiative i requires, directly or not. */
static void requires_closure(char *keep, const oa_plan *p, size_t i)
{
    const oa_initiative *ini = p->initiatives.v[i];
    size_t k, j;
    for (k = 0; k < ini->requirements.n; k++) {
        const char *id = ini->requirements.v[k].initiative;
        for (j = 0; j < p->initiatives.n; j++)
            if (strcmp(p->initiatives.v[j]->id, id) == 0 && !keep[j]) {
                keep[j] = 1;
                requires_closure(keep, p, j);
            }
    }
}

/* The what-if of a task, as scenario edits on the plan (as a user would
 * write them). */
static int task_scenario(oa_scenario **out, const ctx *c, const task *t)
{
    const oa_plan *p = c->plan;
    const oa_initiative *ini = p->initiatives.v[t->idx];
    oa_scenario *sc = NULL;
    char *keep = NULL;
    int rc = oa_scenario_new(&sc, "explain");
    if (rc != OA_OK)
        return rc;
    switch (t->kind) {
    case T_FORCE:
        rc = oa_scenario_set_initiative(sc, ini->id, "mandatory", "true");
        break;
    case T_BESIDE:
        keep = oap_calloc(p->initiatives.n + 1, 1);
        if (keep == NULL) {
            rc = OA_ENOMEM;
            break;
        }
        requires_closure(keep, p, t->idx);
        rc = fix_roadmap(sc, p, c->base, t->idx, keep);
        if (rc == OA_OK)
            rc = oa_scenario_set_initiative(sc, ini->id, "mandatory", "true");
        break;
    case T_EARLIER:
        rc = fix_roadmap(sc, p, c->base, t->idx, NULL);
        if (rc == OA_OK)
            rc = oa_scenario_set_initiative(sc, ini->id, "mandatory", "true");
        if (rc == OA_OK)
            rc = oa_scenario_set_initiative(sc, ini->id, "earliest",
                                            p->labels[t->from - 1]);
        if (rc == OA_OK)
            rc = oa_scenario_set_initiative(
                sc, ini->id, "deadline", p->labels[t->to + ini->duration - 2]);
        break;
    case T_CONFIRM: {
        const oa_bottleneck *b = &c->ex->bottlenecks.v[t->bn];
        size_t k;
        for (k = 0; rc == OA_OK && k < oa_result_load_count(c->base); k++) {
            oa_load l;
            rc = oa_result_load(&l, c->base, k);
            if (rc == OA_OK && strcmp(l.unit, b->unit) == 0 &&
                strcmp(l.resource, b->resource) == 0 && l.period >= b->from &&
                l.period <= b->to)
                rc = oa_scenario_set_capacity(sc, b->unit, b->resource,
                                              l.capacity + 1,
                                              p->labels[l.period - 1],
                                              p->labels[l.period - 1]);
        }
        break;
    }
    }
    oap_free(keep);
    if (rc != OA_OK) {
        oa_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return OA_OK;
}

static void run_task(ctx *c, task *t)
{
    oa_scenario *sc = NULL;
    oa_solve_opts so = c->so;
    oa_error_clear(&t->err);
    /* A re-solve need not be surer than the roadmap it is compared with:
     * it stops at the roadmap's gap (0 when that is proven optimal).  Not
     * under a work limit: there a re-solve is the very solve compare
     * runs for the same scenario, so that both give the same figures. */
    if (oa_result_status(c->base) == OA_STATUS_FEASIBLE &&
        oa_result_gap(c->base) > 0 && oa_result_gap(c->base) < 1 &&
        !(so.version >= 3 && so.work_limit > 0))
        so.gap = oa_result_gap(c->base);
    /* The roadmap starts the search: as it is when it stays feasible
     * (confirm, and the fixed plans), repaired around the forced
     * initiative otherwise. */
    so.start = c->o->cold ? NULL : c->base;
    /* Re-solves in threads never run GLPK's cover cuts (not
     * thread-safe); the same for every task, so -j N answers alike for
     * any load. */
    if (c->o->jobs > 1 && c->ntasks > 1)
        so.flags |= OA_SOLVE_NO_COVER_CUTS;
    t->rc = task_scenario(&sc, c, t);
    if (t->rc == OA_OK)
        t->rc = oa_solve_scenario(&t->r, c->plan, sc, &so, &t->err, NULL);
    if (t->rc == OA_EINVALID) {
        /* e.g. a requirement scheduled too late for it: an answer */
        t->invalid = 1;
        t->rc = OA_OK;
    }
    oa_scenario_free(sc);
}

static void *worker(void *arg)
{
    ctx *c = arg;
    for (;;) {
        size_t k;
        pthread_mutex_lock(&c->lock);
        k = c->next++;
        pthread_mutex_unlock(&c->lock);
        if (k >= c->ntasks)
            break;
        run_task(c, &c->tasks[k]);
    }
    oap_solver_thread_done();
    return NULL;
}

static void run_tasks(ctx *c)
{
    pthread_t th[64];
    int n = c->o->jobs, k, started = 0;
    if (n > 64)
        n = 64;
    if ((size_t)n > c->ntasks)
        n = (int)c->ntasks;
    c->next = 0;
    if (n > 1 && pthread_mutex_init(&c->lock, NULL) == 0) {
        for (k = 0; k < n; k++)
            if (pthread_create(&th[k], NULL, worker, c) == 0)
                started++;
        for (k = 0; k < started; k++)
            pthread_join(th[k], NULL);
        pthread_mutex_destroy(&c->lock);
        if (started > 0)
            return;
    }
    for (; c->next < c->ntasks; c->next++)
        run_task(c, &c->tasks[c->next]);
}

/* ---- building the explanation ---- */

static int add_task(ctx *c, size_t *cap, task_kind kind, size_t idx,
                    size_t bn)
{
    task t;
    memset(&t, 0, sizeof t);
    t.kind = kind;
    t.idx = idx;
    t.bn = bn;
    if (OAP_PUSH(c->tasks, c->ntasks, *cap, t) != OA_OK)
        return -2;
    return (int)c->ntasks - 1;
}

static int copy_needs(oa_explanation *ex, item *it, const oa_result *r)
{
    size_t k;
    for (k = 0; k < oa_result_deficit_count(r); k++) {
        oa_deficit d;
        if (oa_result_deficit_row(&d, r, k) != OA_OK)
            continue;
        d.unit = oap_arena_str(&ex->arena, d.unit);
        d.resource = oap_arena_str(&ex->arena, d.resource);
        if (OAP_VPUSH(it->needs, d) != OA_OK)
            return OA_ENOMEM;
    }
    it->needs_proven = oa_result_deficit_proven(r);
    return OA_OK;
}

static int proven(const oa_result *r)
{
    return oa_result_status(r) == OA_STATUS_OPTIMAL;
}

/* Levers summed over every load. */
static void levers(const oa_result *r, double *ot, double *ct, double *ln,
                   double *sh)
{
    size_t k;
    *ot = *ct = *ln = *sh = 0;
    for (k = 0; k < oa_result_load_count(r); k++) {
        oa_load l;
        if (oa_result_load(&l, r, k) != OA_OK)
            continue;
        *ot += l.overtime;
        *ct += l.contractors;
        *ln += l.loan_out;
        *sh += l.shortfall;
    }
}

static double clean(double v)
{
    return fabs(v) < EPS ? 0 : v;
}

static int finish_force(oa_explanation *ex, item *it, const task *t)
{
    const oa_result *f = t->r;
    size_t k;
    if (t->invalid) {
        it->e.never_fits = 1;
        it->e.forcing_cost = NAN;
        it->e.reason = oap_arena_str(&ex->arena, t->err.text);
        return OA_OK;
    }
    if (oa_result_status(f) == OA_STATUS_INFEASIBLE) {
        it->e.never_fits = 1;
        it->e.forcing_cost = NAN;
        return copy_needs(ex, it, f);
    }
    if (!oap_result_has_roadmap(f)) {
        it->e.forcing_cost = NAN;
        return OA_OK;
    }
    it->e.forcing_cost =
        clean(oa_result_objective(ex->base) - oa_result_objective(f));
    it->e.forcing_proven = proven(f) && proven(ex->base);
    {
        double o0, c0, l0, s0, o1, c1, l1, s1;
        levers(ex->base, &o0, &c0, &l0, &s0);
        levers(f, &o1, &c1, &l1, &s1);
        it->e.extra_overtime = clean(o1 - o0);
        it->e.extra_contractors = clean(c1 - c0);
        it->e.extra_loans = clean(l1 - l0);
        it->e.extra_shortfall = clean(s1 - s0);
    }
    for (k = 0; k < oa_result_initiative_count(f); k++) {
        oa_initiative_result a, b;
        oa_displaced d;
        if (k == it->idx || oa_result_initiative(&a, ex->base, k) != OA_OK ||
            oa_result_initiative(&b, f, k) != OA_OK)
            continue;
        d.from = a.scheduled ? a.start : 0;
        d.to = b.scheduled ? b.start : 0;
        if (d.from == d.to)
            continue;
        d.id = oap_arena_str(&ex->arena, a.id);
        if (OAP_VPUSH(it->moves, d) != OA_OK)
            return OA_ENOMEM;
    }
    return OA_OK;
}

static int finish_beside(oa_explanation *ex, item *it, const task *t)
{
    const oa_result *g = t->r;
    if (t->invalid) {
        it->e.reason = oap_arena_str(&ex->arena, t->err.text);
        return OA_OK;
    }
    if (oa_result_status(g) == OA_STATUS_INFEASIBLE)
        return copy_needs(ex, it, g);
    if (oap_result_has_roadmap(g)) {
        it->e.fits_beside = 1;
        it->e.beside_cost =
            clean(oa_result_objective(ex->base) - oa_result_objective(g));
    }
    return OA_OK;
}

static int finish_earlier(oa_explanation *ex, item *it, const task *t)
{
    const oa_result *g = t->r;
    if (t->invalid) {
        it->e.reason = oap_arena_str(&ex->arena, t->err.text);
        return OA_OK;
    }
    if (oa_result_status(g) == OA_STATUS_INFEASIBLE)
        return copy_needs(ex, it, g);
    if (oap_result_has_roadmap(g))
        it->e.earlier_cost =
            clean(oa_result_objective(ex->base) - oa_result_objective(g));
    return OA_OK;
}

/* The earliest start i's scheduled requirements allow (and which one
 * decides it). */
static int earliest_possible(const oa_plan *p, const oa_result *base,
                             size_t i, int earliest, const char **held)
{
    const oa_initiative *ini = p->initiatives.v[i];
    int e = earliest;
    size_t k;
    *held = NULL;
    for (k = 0; k < ini->requirements.n; k++) {
        oa_initiative_result r;
        const oa_requirement_info *q = &ini->requirements.v[k];
        if (oa_result_find_initiative(&r, base, q->initiative) != OA_OK ||
            !r.scheduled)
            continue;
        if (r.finish + q->lag + 1 >= e) {
            e = r.finish + q->lag + 1;
            *held = q->initiative;
        }
    }
    return e;
}

static int cmp_confirmed(const void *a, const void *b)
{
    const oa_bottleneck *x = a, *y = b;
    int cx = !isnan(x->value), cy = !isnan(y->value);
    if (cx != cy)
        return cy - cx;
    if (cx && x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return oap_bottleneck_cmp(a, b);
}

/* The result's bottlenecks (oa_result_bottlenecks), kept in the arena. */
static int find_bottlenecks(oa_explanation *ex)
{
    oa_bottleneck *v;
    size_t k, n;
    int rc = oa_result_bottlenecks(&v, &n, ex->base);
    for (k = 0; k < n && rc == OA_OK; k++) {
        oa_bottleneck b = v[k];
        b.unit = oap_arena_str(&ex->arena, b.unit);
        b.resource = oap_arena_str(&ex->arena, b.resource);
        if ((v[k].unit && b.unit == NULL) ||
            (v[k].resource && b.resource == NULL) ||
            OAP_VPUSH(ex->bottlenecks, b) != OA_OK)
            rc = OA_ENOMEM;
    }
    oa_free(v);
    return rc;
}

static void free_items(oa_explanation *ex)
{
    size_t k;
    for (k = 0; k < ex->items.n; k++) {
        oap_free(ex->items.v[k].moves.v);
        oap_free(ex->items.v[k].needs.v);
    }
    oap_free(ex->items.v);
}

OA_API void oa_explanation_free(oa_explanation *ex)
{
    if (ex == NULL)
        return;
    free_items(ex);
    oap_free(ex->bottlenecks.v);
    oap_free(ex->t_confirm);
    oa_result_free(ex->own_base);
    oap_arena_free(&ex->arena);
    oap_free(ex);
}

/* Which initiatives to explain, as items (tasks set later). */
static int choose_items(oa_explanation *ex, const oa_plan *p,
                        const char *const *ids, size_t n_ids, oa_error *err)
{
    size_t k, j;
    char *pick = oap_calloc(p->initiatives.n + 1, 1);
    if (pick == NULL)
        return OA_ENOMEM;
    for (j = 0; j < n_ids; j++) {
        for (k = 0; k < p->initiatives.n; k++)
            if (ids[j] && strcmp(p->initiatives.v[k]->id, ids[j]) == 0)
                break;
        if (k == p->initiatives.n) {
            oap_error_set(err, OA_ENOTFOUND, p->source, -1,
                          "no initiative '%s' in the plan",
                          ids[j] ? ids[j] : "(null)");
            oap_free(pick);
            return OA_ENOTFOUND;
        }
        pick[k] = 1;
    }
    for (k = 0; k < p->initiatives.n; k++) {
        oa_initiative_result ir;
        item it;
        if (oa_result_initiative(&ir, ex->base, k) != OA_OK)
            continue;
        memset(&it, 0, sizeof it);
        it.idx = k;
        it.t_force = it.t_beside = it.t_earlier = -1;
        it.e.id = oap_arena_str(&ex->arena, ir.id);
        it.e.name = oap_arena_str(&ex->arena, ir.name);
        it.e.forcing_cost = it.e.beside_cost = it.e.earlier_cost = NAN;
        it.e.earliest = ir.earliest;
        if (!ir.scheduled)
            it.e.kind = OA_EXPLAINED_REJECTED;
        else if (ir.delay > 0)
            it.e.kind = OA_EXPLAINED_DELAYED;
        else
            it.e.kind = OA_EXPLAINED_ON_TIME;
        if (n_ids ? !pick[k] : it.e.kind == OA_EXPLAINED_ON_TIME)
            continue;
        if (ir.scheduled) {
            it.e.start = ir.start;
            it.e.delay = ir.delay;
            it.e.delay_cost =
                p->initiatives.v[k]->benefit * (double)ir.delay;
            it.e.earliest_possible = earliest_possible(
                p, ex->base, k, ir.earliest, &it.e.held_by);
            if (it.e.held_by && it.e.earliest_possible < ir.start)
                it.e.held_by = NULL; /* not what decides the start */
            it.e.held_by = oap_arena_str(&ex->arena, it.e.held_by);
        }
        if (OAP_VPUSH(ex->items, it) != OA_OK) {
            oap_free(pick);
            return OA_ENOMEM;
        }
    }
    oap_free(pick);
    return OA_OK;
}

/* A scheduled initiative that i excludes (either side states it). */
static const char *excluded_scheduled(const oa_plan *p, const oa_result *base,
                                      size_t i)
{
    size_t k, j;
    for (k = 0; k < p->initiatives.n; k++) {
        const oa_initiative *a = p->initiatives.v[k];
        oa_initiative_result ir;
        if (k == i || oa_result_initiative(&ir, base, k) != OA_OK ||
            !ir.scheduled)
            continue;
        for (j = 0; j < a->exclusions.n; j++)
            if (strcmp(a->exclusions.v[j].initiative,
                       p->initiatives.v[i]->id) == 0)
                return a->id;
        for (j = 0; j < p->initiatives.v[i]->exclusions.n; j++)
            if (strcmp(p->initiatives.v[i]->exclusions.v[j].initiative,
                       a->id) == 0)
                return a->id;
    }
    return NULL;
}

/* The forbidden initiative that keeps i out: i itself or one it requires,
 * directly or not; NULL when there is none. */
static const oa_initiative *forbidden_in_chain(const oa_plan *p, size_t i)
{
    char *seen = oap_calloc(p->initiatives.n + 1, 1);
    const oa_initiative *f = NULL;
    size_t k;
    if (seen == NULL)
        return NULL;
    seen[i] = 1;
    requires_closure(seen, p, i);
    for (k = 0; k < p->initiatives.n && f == NULL; k++)
        if (seen[k] && p->initiatives.v[k]->forbidden)
            f = p->initiatives.v[k];
    oap_free(seen);
    return f;
}

/* A rejected initiative that cannot be chosen by a rule of the plan: no
 * what-if is solved for it. */
static int explain_forbidden(oa_explanation *ex, item *it,
                             const oa_initiative *f)
{
    char buf[600];
    if (strcmp(f->id, it->e.id) == 0)
        snprintf(buf, sizeof buf, "it is forbidden in the plan");
    else
        snprintf(buf, sizeof buf, "it requires '%s', which is forbidden in "
                 "the plan", f->id);
    it->e.never_fits = 1;
    it->e.reason = oap_arena_str(&ex->arena, buf);
    return it->e.reason ? OA_OK : OA_ENOMEM;
}

OA_API int oa_explain(oa_explanation **out, const oa_plan *plan,
                      const oa_result *base, const char *const *ids,
                      size_t n_ids, const oa_explain_opts *opts,
                      oa_error *err)
{
    static const oa_explain_opts defaults = OA_EXPLAIN_OPTS_INIT;
    oa_explanation *ex;
    oa_checked *chk = NULL;
    ctx c;
    size_t cap = 0, k;
    int rc;

    if (out)
        *out = NULL;
    OAP_ARG(out && plan && (ids || n_ids == 0));
    if (opts == NULL)
        opts = &defaults;
    if (!OAP_VERSION_OK(opts->version, OA_EXPLAIN_OPTS_VERSION) ||
        (opts->version == 1 &&
         (!(opts->time_limit >= 0) || !isfinite(opts->time_limit))) ||
        opts->bottlenecks < 0 || opts->jobs < 0)
        return OA_EINVAL;
    memset(&c, 0, sizeof c);
    if (opts->version >= 2) {
        c.so = opts->solve;
    } else {
        oa_solve_opts so1 = OA_SOLVE_OPTS_INIT;
        so1.time_limit = opts->time_limit;
        so1.flags = opts->flags;
        c.so = so1;
    }
    if (!OAP_VERSION_OK(c.so.version, OA_SOLVE_OPTS_VERSION) ||
        !(c.so.time_limit >= 0) || !isfinite(c.so.time_limit) ||
        !(c.so.gap >= 0) || !isfinite(c.so.gap))
        return OA_EINVAL;
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    ex = oap_calloc(1, sizeof *ex);
    if (ex == NULL) {
        oa_checked_free(chk);
        return OA_ENOMEM;
    }
    if (base == NULL) {
        rc = oa_solve(&ex->own_base, plan, &c.so, err);
        if (rc != OA_OK) {
            oa_checked_free(chk);
            oa_explanation_free(ex);
            return rc;
        }
        base = ex->own_base;
    }
    ex->base = base;
    rc = oap_result_check_roadmap(chk, base, "explain", err);
    oa_checked_free(chk);
    if (rc == OA_OK)
        rc = choose_items(ex, plan, ids, n_ids, err);
    if (rc == OA_OK)
        rc = find_bottlenecks(ex);
    if (rc != OA_OK) {
        oa_explanation_free(ex);
        return rc;
    }

    /* The tasks. */
    c.plan = plan;
    c.base = base;
    c.ex = ex;
    c.o = opts;
    for (k = 0; k < ex->items.n && rc == OA_OK; k++) {
        item *it = &ex->items.v[k];
        const oa_initiative *f = it->e.kind == OA_EXPLAINED_REJECTED
                                     ? forbidden_in_chain(plan, it->idx)
                                     : NULL;
        if (f != NULL) {
            rc = explain_forbidden(ex, it, f);
        } else if (it->e.kind == OA_EXPLAINED_REJECTED) {
            it->t_force = add_task(&c, &cap, T_FORCE, it->idx, 0);
            it->e.excluded_by = oap_arena_str(
                &ex->arena, excluded_scheduled(plan, base, it->idx));
            if (it->e.excluded_by == NULL)
                it->t_beside = add_task(&c, &cap, T_BESIDE, it->idx, 0);
        } else if (it->e.kind == OA_EXPLAINED_DELAYED &&
                   it->e.earliest_possible < it->e.start) {
            it->t_earlier = add_task(&c, &cap, T_EARLIER, it->idx, 0);
            if (it->t_earlier >= 0) {
                c.tasks[it->t_earlier].from = it->e.earliest_possible;
                c.tasks[it->t_earlier].to = it->e.start - 1;
            }
        }
        if (it->t_force == -2 || it->t_beside == -2 || it->t_earlier == -2)
            rc = OA_ENOMEM;
    }
    if (rc == OA_OK && ex->bottlenecks.n) {
        ex->t_confirm = oap_malloc(ex->bottlenecks.n * sizeof(int));
        if (ex->t_confirm == NULL)
            rc = OA_ENOMEM;
        for (k = 0; rc == OA_OK && k < ex->bottlenecks.n; k++) {
            ex->t_confirm[k] = -1;
            if (!ex->bottlenecks.v[k].is_budget &&
                (int)k < opts->bottlenecks) {
                ex->t_confirm[k] = add_task(&c, &cap, T_CONFIRM, 0, k);
                if (ex->t_confirm[k] == -2)
                    rc = OA_ENOMEM;
            }
        }
    }
    if (rc == OA_OK)
        run_tasks(&c);

    /* The outcomes. */
    for (k = 0; rc == OA_OK && k < c.ntasks; k++)
        if (c.tasks[k].rc != OA_OK) {
            rc = c.tasks[k].rc;
            if (err && err->code == OA_OK)
                *err = c.tasks[k].err;
        }
    for (k = 0; rc == OA_OK && k < ex->items.n; k++) {
        item *it = &ex->items.v[k];
        if (it->t_force >= 0)
            rc = finish_force(ex, it, &c.tasks[it->t_force]);
        if (rc == OA_OK && it->t_beside >= 0 && !it->e.never_fits)
            rc = finish_beside(ex, it, &c.tasks[it->t_beside]);
        if (rc == OA_OK && it->t_earlier >= 0)
            rc = finish_earlier(ex, it, &c.tasks[it->t_earlier]);
    }
    for (k = 0; rc == OA_OK && k < ex->bottlenecks.n; k++) {
        oa_bottleneck *b = &ex->bottlenecks.v[k];
        const oa_result *r;
        if (ex->t_confirm[k] < 0)
            continue;
        r = c.tasks[ex->t_confirm[k]].r;
        if (!oap_result_has_roadmap(r))
            continue;
        b->value = clean(oa_result_objective(r) - oa_result_objective(base));
        b->proven = proven(r) && proven(base);
    }
    /* Confirmed values decide the order of the confirmed ones, which
     * stay ahead of the rest. */
    if (rc == OA_OK && ex->bottlenecks.n > 1)
        qsort(ex->bottlenecks.v, ex->bottlenecks.n, sizeof(oa_bottleneck),
              cmp_confirmed);
    for (k = 0; k < c.ntasks; k++)
        oa_result_free(c.tasks[k].r);
    oap_free(c.tasks);
    if (rc != OA_OK) {
        if (rc == OA_ENOMEM)
            oap_error_set(err, rc, plan->source, -1, "out of memory");
        oa_explanation_free(ex);
        return rc;
    }
    *out = ex;
    return OA_OK;
}

/* ---- reading it ---- */

OA_API const oa_result *oa_explanation_result(const oa_explanation *ex)
{
    return ex ? ex->base : NULL;
}

OA_API size_t oa_explanation_count(const oa_explanation *ex)
{
    return ex ? ex->items.n : 0;
}

OA_API int oa_explanation_initiative(oa_explained *out,
                                     const oa_explanation *ex, size_t i)
{
    OAP_ARG(out && ex && i < ex->items.n);
    *out = ex->items.v[i].e;
    return OA_OK;
}

OA_API size_t oa_explanation_displaced_count(const oa_explanation *ex,
                                             size_t i)
{
    return ex && i < ex->items.n ? ex->items.v[i].moves.n : 0;
}

OA_API int oa_explanation_displaced(oa_displaced *out,
                                    const oa_explanation *ex, size_t i,
                                    size_t k)
{
    OAP_ARG(out && ex && i < ex->items.n && k < ex->items.v[i].moves.n);
    *out = ex->items.v[i].moves.v[k];
    return OA_OK;
}

OA_API size_t oa_explanation_need_count(const oa_explanation *ex, size_t i)
{
    return ex && i < ex->items.n ? ex->items.v[i].needs.n : 0;
}

OA_API int oa_explanation_need(oa_deficit *out, const oa_explanation *ex,
                               size_t i, size_t k)
{
    OAP_ARG(out && ex && i < ex->items.n && k < ex->items.v[i].needs.n);
    *out = ex->items.v[i].needs.v[k];
    return OA_OK;
}

OA_API int oa_explanation_need_proven(const oa_explanation *ex, size_t i)
{
    return ex && i < ex->items.n ? ex->items.v[i].needs_proven : 0;
}

OA_API size_t oa_explanation_bottleneck_count(const oa_explanation *ex)
{
    return ex ? ex->bottlenecks.n : 0;
}

OA_API int oa_explanation_bottleneck(oa_bottleneck *out,
                                     const oa_explanation *ex, size_t k)
{
    OAP_ARG(out && ex && k < ex->bottlenecks.n);
    *out = ex->bottlenecks.v[k];
    return OA_OK;
}
