/*
 * Individual plans: the work of a roadmap spread over people, one MIP per
 * unit and resource with people (include/opsalign/people.h).
 *
 * Items of work per period: each operating plan's run work (the unit's run
 * work plus effects less shortfall, shared in proportion to each plan's
 * demand), each scheduled initiative's demand, the loans to other units.
 * People cover at most the work less overtime, contractors and loans
 * received.  Variables: a[k,j,t] (FTE of person k on item j in t),
 * z[k,i,t] (k works on initiative i in t), y[k,i] (k works on i at all),
 * w[k,i,t] (k joins or leaves i between t-1 and t).  Objective, in order
 * of weight: cover as much as possible, then few initiatives per person,
 * then continuity, then few splits within a period.
 */
#include "model.h"
#include "plan_int.h"
#include "result.h"
#include "solver.h"
#include "xw.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define W_COVER 1000.0
#define W_DISTINCT 10.0
#define W_CHANGE 2.0
#define W_SPLIT 1.0
#define EPS 1e-6

struct oa_assignment {
    oap_arena arena;
    int P;
    const char **labels;
    OAP_VEC(oa_person_work) work;
    OAP_VEC(oa_uncovered) unc;
    OAP_VEC(const char *) people; /* ids, plan order */
    int proven;
};

/* One item of a unit's work. */
typedef struct item {
    oa_work_kind kind;
    const char *what;
    int ini;                     /* initiative index, or -1 */
    double *d;                   /* [P] FTE */
} item;

OA_API void oa_assignment_free(oa_assignment *a)
{
    if (a == NULL)
        return;
    oap_free(a->work.v);
    oap_free(a->unc.v);
    oap_free(a->people.v);
    oap_free(a->labels);
    oap_arena_free(&a->arena);
    oap_free(a);
}

OA_API int oa_assignment_proven(const oa_assignment *a)
{
    return a ? a->proven : 0;
}

OA_API size_t oa_assignment_count(const oa_assignment *a)
{
    return a ? a->work.n : 0;
}

OA_API int oa_assignment_work(oa_person_work *out, const oa_assignment *a,
                              size_t i)
{
    OAP_ARG(out && a && i < a->work.n);
    *out = a->work.v[i];
    return OA_OK;
}

OA_API size_t oa_assignment_uncovered_count(const oa_assignment *a)
{
    return a ? a->unc.n : 0;
}

OA_API int oa_assignment_uncovered(oa_uncovered *out, const oa_assignment *a,
                                   size_t i)
{
    OAP_ARG(out && a && i < a->unc.n);
    *out = a->unc.v[i];
    return OA_OK;
}

/* ---- one unit and resource ---- */

typedef struct uctx {
    oa_assignment *as;
    const oa_plan *plan;
    const oap_resolved *res;
    const oa_result *r;
    double time_limit;
    int u, rr;
    int *people, np;             /* person indexes of this unit/resource */
    item *items;
    int ni;
    double *need;                /* [P] */
} uctx;

static int add_work(oa_assignment *as, const char *person, int t,
                    oa_work_kind kind, const char *what, double v)
{
    oa_person_work w;
    if (v < EPS)
        return OA_OK;
    w.person = person;
    w.period = t + 1;
    w.kind = kind;
    w.what = oap_arena_str(&as->arena, what);
    if (w.what == NULL)
        return OA_ENOMEM;
    w.amount = floor(v * 1e6 + 0.5) / 1e6;
    return OAP_VPUSH(as->work, w);
}

/* The items of work of unit u, resource rr (and need[t]). */
static int build_items(uctx *c)
{
    const oap_resolved *res = c->res;
    const oa_plan *p = c->plan;
    int P = res->P, t, i;
    size_t k, n = (size_t)res->NOP + (size_t)res->N + 1;
    oa_load *ld;
    c->items = oap_calloc(n + 1, sizeof *c->items);
    c->need = oap_calloc((size_t)P + 1, sizeof(double));
    ld = oap_calloc((size_t)P + 1, sizeof *ld);
    if (!c->items || !c->need || !ld) {
        oap_free(ld);
        return OA_ENOMEM;
    }
    for (k = 0; k < oa_result_load_count(c->r); k++) {
        oa_load l;
        if (oa_result_load(&l, c->r, k) == OA_OK &&
            strcmp(l.unit, p->units.v[c->u]->id) == 0 &&
            strcmp(l.resource, p->resources.v[c->rr].id) == 0)
            ld[l.period - 1] = l;
    }
    /* operating plans */
    for (i = 0; i < res->NOP; i++) {
        item *it;
        int any = 0;
        if (res->ops[i].unit != c->u)
            continue;
        it = &c->items[c->ni];
        it->kind = OA_WORK_OPERATING_PLAN;
        it->ini = -1;
        it->what = p->ops.v[i]->name ? p->ops.v[i]->name
                                     : p->units.v[c->u]->id;
        it->d = oap_calloc((size_t)P + 1, sizeof(double));
        if (it->d == NULL)
            goto oom;
        for (t = 0; t < P; t++) {
            double run = ld[t].run, done = run + ld[t].effects - ld[t].shortfall;
            double mine = res->ops[i].run[(size_t)c->rr * (size_t)P + t];
            it->d[t] = run > EPS && done > 0 ? mine * done / run : 0;
            any |= it->d[t] > EPS;
        }
        if (any)
            c->ni++;
        else
            oap_free(it->d);
    }
    /* initiatives of the roadmap */
    for (i = 0; i < res->N; i++) {
        oa_initiative_result ir;
        item *it;
        int any = 0;
        if (oa_result_initiative(&ir, c->r, (size_t)i) != OA_OK ||
            !ir.scheduled)
            continue;
        it = &c->items[c->ni];
        it->kind = OA_WORK_INITIATIVE;
        it->ini = i;
        it->what = p->initiatives.v[i]->id;
        it->d = oap_calloc((size_t)P + 1, sizeof(double));
        if (it->d == NULL)
            goto oom;
        for (k = 0; k < res->ini[i].ndem; k++) {
            const oap_rdemand *d = &res->ini[i].dem[k];
            t = ir.start - 1 + d->k;
            if (d->u == c->u && d->r == c->rr && t >= 0 && t < P) {
                it->d[t] += d->q;
                any = 1;
            }
        }
        if (any)
            c->ni++;
        else
            oap_free(it->d);
    }
    /* loans to other units */
    {
        item *it = &c->items[c->ni];
        int any = 0;
        it->kind = OA_WORK_LOAN;
        it->ini = -1;
        it->what = "loans";
        it->d = oap_calloc((size_t)P + 1, sizeof(double));
        if (it->d == NULL)
            goto oom;
        for (t = 0; t < P; t++) {
            it->d[t] = ld[t].loan_out;
            any |= it->d[t] > EPS;
        }
        if (any)
            c->ni++;
        else
            oap_free(it->d);
    }
    for (t = 0; t < P; t++) {
        double work = 0;
        int j;
        for (j = 0; j < c->ni; j++)
            work += c->items[j].d[t];
        c->need[t] = work - ld[t].overtime - ld[t].contractors -
                     ld[t].loan_in;
        if (c->need[t] < 0)
            c->need[t] = 0;
    }
    oap_free(ld);
    return OA_OK;
oom:
    oap_free(ld);
    return OA_ENOMEM;
}

/* Capacity of person number q (of this unit) in period t: availability
 * net of development. */
static double cap_of(const uctx *c, int q, int t)
{
    int k = c->people[q];
    return c->res->pe_avail[(size_t)k * (size_t)c->res->P + (size_t)t] *
           (1 - c->plan->people.v[k]->development);
}

static int solve_unit(uctx *c, oa_error *err)
{
    const int P = c->res->P, np = c->np, ni = c->ni;
    oap_model *m = oap_calloc(1, sizeof *m);
    /* column indexes: a[q][j][t], z[q][j][t] (initiatives), y[q][j] */
    int *a = NULL, *z = NULL, *y = NULL;
    double *x = NULL, *cover = NULL;
    size_t n3 = (size_t)np * (size_t)ni * (size_t)P;
    int q, j, t, found = 0, proven = 0, rc = OA_OK;
#define IDX(q, j, t) (((size_t)(q) * (size_t)ni + (size_t)(j)) * (size_t)P + (size_t)(t))
    if (m == NULL)
        return OA_ENOMEM;
    a = oap_malloc((n3 + 1) * sizeof(int));
    z = oap_malloc((n3 + 1) * sizeof(int));
    y = oap_malloc(((size_t)np * (size_t)ni + 1) * sizeof(int));
    cover = oap_calloc((size_t)P + 1, sizeof(double));
    if (!a || !z || !y || !cover) {
        rc = OA_ENOMEM;
        goto out;
    }
    for (q = 0; q < np; q++)
        for (j = 0; j < ni; j++) {
            y[(size_t)q * (size_t)ni + (size_t)j] = -1;
            for (t = 0; t < P; t++) {
                double cap = cap_of(c, q, t), d = c->items[j].d[t];
                a[IDX(q, j, t)] = z[IDX(q, j, t)] = -1;
                if (cap <= EPS || d <= EPS)
                    continue;
                a[IDX(q, j, t)] = oap_model_add_col(m, 0, fmin(cap, d),
                                                    W_COVER, 0);
                if (c->items[j].kind != OA_WORK_INITIATIVE)
                    continue;
                z[IDX(q, j, t)] = oap_model_add_col(m, 0, 1, -W_SPLIT, 1);
                if (y[(size_t)q * (size_t)ni + (size_t)j] < 0)
                    y[(size_t)q * (size_t)ni + (size_t)j] =
                        oap_model_add_col(m, 0, 1, -W_DISTINCT, 1);
            }
        }
    /* each item at most its demand; people at most their time; together at
     * most the need */
    for (j = 0; j < ni; j++)
        for (t = 0; t < P; t++) {
            int row = -1;
            for (q = 0; q < np; q++)
                if (a[IDX(q, j, t)] >= 0) {
                    if (row < 0)
                        row = oap_model_add_row(m, -HUGE_VAL,
                                                c->items[j].d[t]);
                    oap_model_add_nz(m, row, a[IDX(q, j, t)], 1);
                }
        }
    for (t = 0; t < P; t++) {
        int need_row = oap_model_add_row(m, -HUGE_VAL, c->need[t]);
        for (q = 0; q < np; q++) {
            int row = oap_model_add_row(m, -HUGE_VAL, cap_of(c, q, t));
            int mx = c->plan->people.v[c->people[q]]->max_initiatives;
            int crow = mx > 0 ? oap_model_add_row(m, -HUGE_VAL, mx) : -1;
            for (j = 0; j < ni; j++) {
                int ca = a[IDX(q, j, t)], cz = z[IDX(q, j, t)];
                if (ca < 0)
                    continue;
                oap_model_add_nz(m, row, ca, 1);
                oap_model_add_nz(m, need_row, ca, 1);
                if (cz < 0)
                    continue;
                /* a <= cap z;  z <= y;  at most max initiatives */
                {
                    int l = oap_model_add_row(m, -HUGE_VAL, 0);
                    oap_model_add_nz(m, l, ca, 1);
                    oap_model_add_nz(m, l, cz, -cap_of(c, q, t));
                    l = oap_model_add_row(m, -HUGE_VAL, 0);
                    oap_model_add_nz(m, l, cz, 1);
                    oap_model_add_nz(m, l, y[(size_t)q * (size_t)ni + (size_t)j],
                                     -1);
                }
                oap_model_add_nz(m, crow, cz, 1);
                /* continuity: w >= |z[t] - z[t-1]| */
                if (t > 0 && z[IDX(q, j, t - 1)] >= 0) {
                    int w = oap_model_add_col(m, 0, 1, -W_CHANGE, 0);
                    int l1 = oap_model_add_row(m, -HUGE_VAL, 0);
                    int l2 = oap_model_add_row(m, -HUGE_VAL, 0);
                    oap_model_add_nz(m, l1, cz, 1);
                    oap_model_add_nz(m, l1, z[IDX(q, j, t - 1)], -1);
                    oap_model_add_nz(m, l1, w, -1);
                    oap_model_add_nz(m, l2, cz, -1);
                    oap_model_add_nz(m, l2, z[IDX(q, j, t - 1)], 1);
                    oap_model_add_nz(m, l2, w, -1);
                }
            }
        }
    }
    if (m->failed) {
        rc = OA_ENOMEM;
        goto out;
    }
    x = oap_calloc(m->ncols + 1, sizeof(double));
    if (x == NULL) {
        rc = OA_ENOMEM;
        goto out;
    }
    if (m->ncols > 0)
        rc = oap_solver_plain_mip(x, &found, &proven, m, c->time_limit, err);
    else
        found = proven = 1;
    if (rc != OA_OK)
        goto out;
    if (!found) {
        /* No integer solution in time: the LP-free fallback, each item
         * filled from the people with the most time left. */
        double *left = oap_calloc((size_t)np + 1, sizeof(double));
        if (left == NULL) {
            rc = OA_ENOMEM;
            goto out;
        }
        for (t = 0; t < P; t++) {
            double room = c->need[t];
            for (q = 0; q < np; q++)
                left[q] = cap_of(c, q, t);
            for (j = 0; j < ni; j++) {
                double d = c->items[j].d[t];
                while (d > EPS && room > EPS) {
                    int best = -1;
                    double v;
                    for (q = 0; q < np; q++)
                        if (a[IDX(q, j, t)] >= 0 && left[q] > EPS &&
                            (best < 0 || left[q] > left[best]))
                            best = q;
                    if (best < 0)
                        break;
                    v = fmin(fmin(d, left[best]), room);
                    x[a[IDX(best, j, t)]] += v;
                    left[best] -= v;
                    d -= v;
                    room -= v;
                }
            }
        }
        oap_free(left);
        proven = 0;
    }
    if (!proven)
        c->as->proven = 0;
    /* the people's shares, development time, and what is left */
    for (q = 0; q < np && rc == OA_OK; q++) {
        int k = c->people[q];
        const char *id = c->as->people.v[k];
        for (t = 0; t < P && rc == OA_OK; t++) {
            double avail = c->res->pe_avail[(size_t)k * (size_t)P + (size_t)t];
            for (j = 0; j < ni && rc == OA_OK; j++)
                if (a[IDX(q, j, t)] >= 0) {
                    double v = x[a[IDX(q, j, t)]];
                    cover[t] += v;
                    rc = add_work(c->as, id, t, c->items[j].kind,
                                  c->items[j].what, v);
                }
            if (rc == OA_OK)
                rc = add_work(c->as, id, t, OA_WORK_DEVELOPMENT,
                              "development",
                              avail * c->plan->people.v[k]->development);
        }
    }
    for (t = 0; t < P && rc == OA_OK; t++) {
        double left = c->need[t] - cover[t];
        if (left > 1e-5) {
            oa_uncovered un;
            un.unit = oap_arena_str(&c->as->arena, c->plan->units.v[c->u]->id);
            un.resource =
                oap_arena_str(&c->as->arena, c->plan->resources.v[c->rr].id);
            un.period = t + 1;
            un.amount = floor(left * 1e6 + 0.5) / 1e6;
            rc = OAP_VPUSH(c->as->unc, un);
        }
    }
out:
#undef IDX
    oap_free(a);
    oap_free(z);
    oap_free(y);
    oap_free(x);
    oap_free(cover);
    oap_model_free(m);
    return rc;
}

/* Shares of one person: by period, kind, then name. */
static int cmp_work(const void *a, const void *b)
{
    const oa_person_work *x = a, *y = b;
    if (x->period != y->period)
        return x->period - y->period;
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    return strcmp(x->what, y->what);
}

/* Puts the shares in the people's plan order, each person's sorted. */
static int order_work(oa_assignment *as)
{
    oa_person_work *v = oap_malloc((as->work.n + 1) * sizeof *v);
    size_t n = 0, k, i;
    if (v == NULL)
        return OA_ENOMEM;
    for (k = 0; k < as->people.n; k++) {
        size_t first = n;
        for (i = 0; i < as->work.n; i++)
            if (as->work.v[i].person == as->people.v[k])
                v[n++] = as->work.v[i];
        if (n - first > 1)
            qsort(v + first, n - first, sizeof *v, cmp_work);
    }
    oap_free(as->work.v);
    as->work.v = v;
    as->work.n = n;
    as->work.cap = as->work.n + 1;
    return OA_OK;
}

/* The assignment of a checked plan's roadmap. */
static int assign(oa_assignment **out, const oa_checked *chk,
                  const oa_result *roadmap, const oa_assign_opts *o,
                  oa_error *err)
{
    const oa_plan *plan = chk->plan;
    const oap_resolved *res = chk->res;
    oa_assignment *as;
    int u, r, k, rc = OA_OK;
    as = oap_calloc(1, sizeof *as);
    if (as == NULL)
        return OA_ENOMEM;
    as->proven = 1;
    as->P = res->P;
    as->labels = oap_calloc((size_t)res->P + 1, sizeof(char *));
    if (as->labels == NULL) {
        oa_assignment_free(as);
        return OA_ENOMEM;
    }
    for (k = 0; k < res->P; k++) {
        as->labels[k] = oap_arena_str(&as->arena,
                                      oa_result_period_label(roadmap, k + 1));
        if (as->labels[k] == NULL) {
            oa_assignment_free(as);
            return OA_ENOMEM;
        }
    }
    for (k = 0; k < res->NPE; k++)
        if (OAP_VPUSH(as->people,
                      oap_arena_str(&as->arena, plan->people.v[k]->id)) !=
                OA_OK ||
            as->people.v[k] == NULL) {
            oa_assignment_free(as);
            return OA_ENOMEM;
        }
    for (u = 0; u < res->U && rc == OA_OK; u++)
        for (r = 0; r < res->R && rc == OA_OK; r++) {
            uctx c;
            int j;
            memset(&c, 0, sizeof c);
            c.as = as;
            c.plan = plan;
            c.res = res;
            c.r = roadmap;
            c.time_limit = o->time_limit;
            c.u = u;
            c.rr = r;
            c.people = oap_calloc((size_t)res->NPE + 1, sizeof(int));
            if (c.people == NULL) {
                rc = OA_ENOMEM;
                break;
            }
            for (k = 0; k < res->NPE; k++)
                if (res->pe_u[k] == u && res->pe_r[k] == r)
                    c.people[c.np++] = k;
            if (c.np > 0) {
                rc = build_items(&c);
                if (rc == OA_OK)
                    rc = solve_unit(&c, err);
            }
            for (j = 0; j < c.ni; j++)
                oap_free(c.items[j].d);
            oap_free(c.items);
            oap_free(c.need);
            oap_free(c.people);
        }
    if (rc != OA_OK) {
        oa_assignment_free(as);
        return rc;
    }
    rc = order_work(as);
    if (rc != OA_OK) {
        oa_assignment_free(as);
        return rc;
    }
    *out = as;
    return OA_OK;
}

OA_API int oa_assign(oa_assignment **out, const oa_plan *plan,
                     const oa_result *roadmap, const oa_assign_opts *o,
                     oa_error *err)
{
    static const oa_assign_opts defaults = OA_ASSIGN_OPTS_INIT;
    oa_checked *chk = NULL;
    int rc;
    if (out)
        *out = NULL;
    OAP_ARG(out && plan && roadmap);
    if (o == NULL)
        o = &defaults;
    if (!OAP_VERSION_OK(o->version, OA_ASSIGN_OPTS_VERSION) || !(o->time_limit >= 0) ||
        !isfinite(o->time_limit))
        return OA_EINVAL;
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc == OA_OK)
        rc = oap_result_check_roadmap(chk, roadmap, "assign", err);
    if (rc == OA_OK)
        rc = assign(out, chk, roadmap, o, err);
    oa_checked_free(chk);
    return rc;
}

/* ---- writing ---- */

static const char *const kind_attr[] = { "initiative", "operating-plan",
                                         "loan", "development" };

static const char *lab(const oa_assignment *a, int t)
{
    return t >= 1 && t <= a->P && a->labels[t - 1] ? a->labels[t - 1] : "?";
}

static void write_text(oap_buf *b, const oa_assignment *a, const char *who)
{
    size_t i = 0, k;
    oap_buf_printf(b, "Individual plans: FTE per person and period%s\n",
                   a->proven ? "" : " (the best found within the time "
                                    "limit; not proven)");
    for (k = 0; k < a->people.n; k++) {
        const char *id = a->people.v[k];
        int t;
        if (who && strcmp(who, id) != 0)
            continue;
        oap_buf_printf(b, "\n%s\n", id);
        for (t = 1; t <= a->P; t++) {
            double total = 0;
            int any = 0, col;
            oap_buf_printf(b, "  %-9s", lab(a, t));
            col = 11;
            for (i = 0; i < a->work.n; i++) {
                const oa_person_work *w = &a->work.v[i];
                char cell[200];
                int len;
                if (w->person != id || w->period != t)
                    continue;
                len = snprintf(cell, sizeof cell, "%s%s %.2f", any ? ", " : "",
                               w->what, w->amount);
                if (col + len > 88) {
                    oap_buf_printf(b, "\n%11s", "");
                    col = 11;
                    if (any)
                        len = snprintf(cell, sizeof cell, "%s %.2f", w->what,
                                       w->amount);
                }
                oap_buf_putn(b, cell, oap_utf8_complete(cell));
                col += len;
                total += w->amount;
                any = 1;
            }
            if (!any) {
                oap_buf_puts(b, "(nothing)");
                col += 9;
            }
            oap_buf_printf(b, "%*s total %.2f\n", col < 88 ? 88 - col : 1, "",
                           total);
        }
    }
    if (a->unc.n > 0 && who == NULL) {
        oap_buf_puts(b, "\nWork the people do not cover (overtime, contractors "
                        "and loans are not people):\n\n");
        for (i = 0; i < a->unc.n; i++)
            oap_buf_printf(b, "  %s/%s %s: %.2f\n", a->unc.v[i].unit,
                           a->unc.v[i].resource, lab(a, a->unc.v[i].period),
                           a->unc.v[i].amount);
    }
}

static void write_csv(oap_buf *b, const oa_assignment *a, const char *who)
{
    size_t i;
    oap_buf_puts(b, "person,period,period_label,kind,what,amount\n");
    for (i = 0; i < a->work.n; i++) {
        const oa_person_work *w = &a->work.v[i];
        if (who && strcmp(who, w->person) != 0)
            continue;
        oap_csv_str(b, w->person);
        oap_buf_printf(b, ",%d,", w->period);
        oap_csv_str(b, lab(a, w->period));
        oap_buf_printf(b, ",%s,", kind_attr[w->kind]);
        oap_csv_str(b, w->what);
        oap_buf_puts(b, ",");
        oap_csv_num(b, w->amount);
        oap_buf_puts(b, "\n");
    }
    if (who)
        return;
    oap_buf_puts(b, "\nunit,resource,period,period_label,uncovered\n");
    for (i = 0; i < a->unc.n; i++) {
        oap_csv_str(b, a->unc.v[i].unit);
        oap_buf_puts(b, ",");
        oap_csv_str(b, a->unc.v[i].resource);
        oap_buf_printf(b, ",%d,", a->unc.v[i].period);
        oap_csv_str(b, lab(a, a->unc.v[i].period));
        oap_buf_puts(b, ",");
        oap_csv_num(b, a->unc.v[i].amount);
        oap_buf_puts(b, "\n");
    }
}

static int write_xml(oap_buf *b, const oa_assignment *a, const char *who)
{
    oap_xw *x = NULL;
    size_t i, k;
    int rc = oap_xw_begin(&x, "  ");
    if (rc != OA_OK)
        return rc;
    oap_xw_start(x, "people-plans");
    oap_xw_attr_s(x, "version", "1");
    oap_xw_attr_s(x, "proven", a->proven ? "true" : "false");
    for (k = 0; k < a->people.n; k++) {
        const char *id = a->people.v[k];
        if (who && strcmp(who, id) != 0)
            continue;
        oap_xw_start(x, "person");
        oap_xw_attr_s(x, "id", id);
        for (i = 0; i < a->work.n; i++) {
            const oa_person_work *w = &a->work.v[i];
            if (w->person != id)
                continue;
            oap_xw_start(x, "assignment");
            oap_xw_attr_i(x, "period", w->period);
            oap_xw_attr_s(x, "period-label", lab(a, w->period));
            oap_xw_attr_s(x, kind_attr[w->kind], w->what);
            oap_xw_attr_d(x, "amount", w->amount);
            oap_xw_end(x);
        }
        oap_xw_end(x);
    }
    for (i = 0; who == NULL && i < a->unc.n; i++) {
        oap_xw_start(x, "uncovered");
        oap_xw_attr_s(x, "unit", a->unc.v[i].unit);
        oap_xw_attr_s(x, "resource", a->unc.v[i].resource);
        oap_xw_attr_i(x, "period", a->unc.v[i].period);
        oap_xw_attr_d(x, "amount", a->unc.v[i].amount);
        oap_xw_end(x);
    }
    oap_xw_end(x);
    return oap_xw_finish(x, b);
}

OA_API int oa_assignment_write(char **out, size_t *size,
                               const oa_assignment *a, const char *person,
                               oa_format format)
{
    oap_buf b;
    size_t k;
    int rc = OA_OK;
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    OAP_ARG(out && a);
    OAP_ARG(format == OA_FORMAT_TEXT || format == OA_FORMAT_XML ||
            format == OA_FORMAT_CSV);
    if (person) {
        for (k = 0; k < a->people.n && strcmp(a->people.v[k], person) != 0;
             k++)
            ;
        if (k == a->people.n)
            return OA_ENOTFOUND;
    }
    oap_buf_init(&b);
    if (format == OA_FORMAT_TEXT)
        write_text(&b, a, person);
    else if (format == OA_FORMAT_CSV)
        write_csv(&b, a, person);
    else
        rc = write_xml(&b, a, person);
    return oap_buf_finish(out, size, &b, rc);
}

OA_API int oa_assignment_save(const oa_assignment *a, const char *path,
                              const char *person, oa_format format,
                              oa_error *err)
{
    char *data = NULL;
    size_t size = 0;
    int rc;
    OAP_ARG(a && path);
    if (err)
        oa_error_clear(err);
    rc = oa_assignment_write(&data, &size, a, person, format);
    if (rc == OA_ENOTFOUND)
        oap_error_set(err, rc, NULL, -1, "no person '%s'", person);
    return oap_save_text(path, data, size, rc, err);
}
