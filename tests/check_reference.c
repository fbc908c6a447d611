/*
 * Reference: the library against public benchmark instances with published
 * optima (tests/data/reference/README.md says where every file comes from).
 * Every plan is built through the API, element by element, and solved with
 * oa_solve(); every answer is checked twice: against the published value
 * and by recomputing the constraints from the result.
 *
 * 1. OR-Library mknap1 (Petersen 1967, R&D project selection): a 0/1
 *    multidimensional knapsack is a one-period plan.  Constraint i is a unit
 *    with capacity b_i of one resource, project j an optional initiative of
 *    one period, value p_j and demand r_ij on unit i.  The objective of the
 *    plan is then exactly sum p_j x_j, so its optimum is the published one.
 *
 * 2. PSPLIB j30 (single-mode RCPSP, optima of Demeulemeester & Herroelen):
 *    a horizon of P periods, a unit per renewable resource with capacity =
 *    availability, a mandatory initiative per non-dummy job, and "requires"
 *    (lag 0) for every precedence.  A PSPLIB job starting at time s (0-based)
 *    occupies periods s+1..s+d of the plan, so a schedule of makespan T fits
 *    a horizon of T periods and no fewer: with P = T* the plan must be
 *    feasible, with P = T*-1 infeasible.
 *
 *    Why T*-1 is infeasible only because of resources: each of the three
 *    instances has a critical path (the longest chain of durations along
 *    the precedences, resources ignored) strictly shorter than T*, so
 *    CP <= T*-1.  With P = T*-1 every job's start window is still
 *    non-empty and the earliest-start schedule respects every precedence
 *    within the horizon: the plan is valid (the test validates it), and
 *    what makes it infeasible is the capacity rows, not the requires-chain
 *    pruning (which would reject a horizon below the critical path as
 *    invalid rather than infeasible).  rc_load() recomputes the critical
 *    path from the file and checks it.
 *
 *    instance  NC   RF   RS   CP  T*  infeasibility of P = T*-1
 *    j3023_4   1.8  0.5  0.7  63  65  already in the LP relaxation
 *    j3018_3   1.8  0.25 0.5  53  56  needs integrality (LP feasible)
 *    j3035_7   2.1  0.25 0.7  59  61  needs integrality (LP feasible)
 *
 *    They were chosen among the j30 instances with T* > CP for which GLPK,
 *    through the library, proves both answers (and the least deficit) in
 *    well under a second each; for many others that takes minutes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static int close_rel(double a, double b, double rel)
{
    return fabs(a - b) <= rel * fabs(b) + 1e-9;
}

/* ---------------------------------------------------------------------- */
/* OR-Library mknap1                                                      */
/* ---------------------------------------------------------------------- */

#define MKNAP1_PROBLEMS 7

/* One problem: n projects, m constraints, r row-major (m x n). */
typedef struct knap {
    int n, m;
    double opt;
    double *p, *r, *b;
} knap;

static void knap_free(knap *k)
{
    free(k->p);
    free(k->r);
    free(k->b);
    memset(k, 0, sizeof *k);
}

static int read_num(FILE *f, double *v)
{
    return fscanf(f, "%lf", v) == 1;
}

static int read_int(FILE *f, int *v)
{
    double d;
    if (!read_num(f, &d) || d != floor(d) || d < 0 || d > 100000)
        return 0;
    *v = (int)d;
    return 1;
}

/*
 * Reads problem `which` (0-based) of mknap1.txt: a stream of numbers,
 * "K", then per problem "n m opt", p(1..n), r(1,1..n)..r(m,1..n), b(1..m).
 * Returns 1 on success, and the number of problems in *count.
 */
static int knap_read(knap *k, int *count, const char *path, int which)
{
    FILE *f = fopen(path, "r");
    int K, q, ok = 1;
    memset(k, 0, sizeof *k);
    if (f == NULL)
        return 0;
    if (!read_int(f, &K) || which >= K) {
        fclose(f);
        return 0;
    }
    *count = K;
    for (q = 0; ok && q <= which; q++) {
        int i, n, m;
        knap_free(k);
        ok = read_int(f, &n) && read_int(f, &m) && read_num(f, &k->opt) &&
             n > 0 && m > 0;
        if (!ok)
            break;
        k->n = n;
        k->m = m;
        k->p = malloc((size_t)n * sizeof *k->p);
        k->r = malloc((size_t)n * (size_t)m * sizeof *k->r);
        k->b = malloc((size_t)m * sizeof *k->b);
        ok = k->p && k->r && k->b;
        for (i = 0; ok && i < n; i++)
            ok = read_num(f, &k->p[i]);
        for (i = 0; ok && i < n * m; i++)
            ok = read_num(f, &k->r[i]);
        for (i = 0; ok && i < m; i++)
            ok = read_num(f, &k->b[i]);
    }
    fclose(f);
    if (!ok)
        knap_free(k);
    return ok;
}

/* Reads a one-problem file of sac94-mkp ("n m opt", p, rows, b). */
static int knap_read_one(knap *k, const char *path)
{
    FILE *f = fopen(path, "r");
    int i, ok;
    memset(k, 0, sizeof *k);
    if (f == NULL)
        return 0;
    ok = read_int(f, &k->n) && read_int(f, &k->m) && read_num(f, &k->opt) &&
         k->n > 0 && k->m > 0;
    if (ok) {
        k->p = malloc((size_t)k->n * sizeof *k->p);
        k->r = malloc((size_t)k->n * (size_t)k->m * sizeof *k->r);
        k->b = malloc((size_t)k->m * sizeof *k->b);
        ok = k->p && k->r && k->b;
    }
    for (i = 0; ok && i < k->n; i++)
        ok = read_num(f, &k->p[i]);
    for (i = 0; ok && i < k->n * k->m; i++)
        ok = read_num(f, &k->r[i]);
    for (i = 0; ok && i < k->m; i++)
        ok = read_num(f, &k->b[i]);
    fclose(f);
    if (!ok)
        knap_free(k);
    return ok;
}

/* The published optima (README of shared/reference, table 1a). */
static const double mknap1_opt[MKNAP1_PROBLEMS] = {
    3800, 8706.1, 4015, 6120, 12400, 10618, 16537
};

static oa_plan *knap_plan(const knap *k)
{
    oa_plan *plan;
    char id[32];
    int i, j;
    ck_assert_int_eq(oa_plan_new(&plan), OA_OK);
    ck_assert_int_eq(oa_plan_set_horizon(plan, "2027-01", OA_STEP_MONTH, 1),
                     OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(plan, "money", NULL, NULL), OA_OK);
    for (i = 0; i < k->m; i++) {
        oa_unit *u;
        snprintf(id, sizeof id, "c%d", i + 1);
        ck_assert_int_eq(oa_plan_add_unit(&u, plan, id, NULL), OA_OK);
        ck_assert_int_eq(oa_unit_add_capacity(u, "money", k->b[i], NULL,
                                              NULL), OA_OK);
    }
    for (j = 0; j < k->n; j++) {
        oa_initiative *ini;
        snprintf(id, sizeof id, "p%d", j + 1);
        ck_assert_int_eq(oa_plan_add_initiative(&ini, plan, id, 1), OA_OK);
        ck_assert_int_eq(oa_initiative_set_value(ini, k->p[j]), OA_OK);
        for (i = 0; i < k->m; i++) {
            double r = k->r[(size_t)i * (size_t)k->n + (size_t)j];
            if (r == 0)
                continue;
            snprintf(id, sizeof id, "c%d", i + 1);
            ck_assert_int_eq(oa_initiative_add_demand(ini, id, "money", r, 0,
                                                      0), OA_OK);
        }
    }
    return plan;
}

START_TEST(test_mknap1)
{
    knap k;
    int count = 0, i, j;
    oa_plan *plan;
    oa_result *r;
    oa_error err;
    double value = 0, *used;

    ck_assert_msg(knap_read(&k, &count, tu_path("data/reference/mknap1.txt"),
                            _i),
                  "mknap1 problem %d: cannot read", _i + 1);
    ck_assert_int_eq(count, MKNAP1_PROBLEMS);
    /* The file's own optimum agrees with the published table. */
    ck_assert_msg(close_rel(k.opt, mknap1_opt[_i], 1e-9),
                  "mknap1 problem %d: file says %.10g, table %.10g", _i + 1,
                  k.opt, mknap1_opt[_i]);

    plan = knap_plan(&k);
    ck_assert_msg(oa_solve(&r, plan, NULL, &err) == OA_OK,
                  "mknap1 problem %d: %s", _i + 1, err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_OPTIMAL,
                  "mknap1 problem %d: status %s", _i + 1,
                  oa_status_name(oa_result_status(r)));
    ck_assert_msg(close_rel(oa_result_objective(r), mknap1_opt[_i], 1e-6),
                  "mknap1 problem %d: objective %.10g, published %.10g",
                  _i + 1, oa_result_objective(r), mknap1_opt[_i]);
    ck_assert_uint_eq(oa_result_initiative_count(r), (size_t)k.n);
    tu_assert_oracle(plan, r, "mknap1");

    /* The roadmap itself: its value is the objective, and it fits. */
    used = calloc((size_t)k.m, sizeof *used);
    ck_assert_ptr_nonnull(used);
    for (j = 0; j < k.n; j++) {
        oa_initiative_result ir;
        char id[32];
        snprintf(id, sizeof id, "p%d", j + 1);
        ck_assert_int_eq(oa_result_find_initiative(&ir, r, id), OA_OK);
        if (!ir.scheduled)
            continue;
        ck_assert_int_eq(ir.start, 1);
        ck_assert_int_eq(ir.finish, 1);
        value += k.p[j];
        for (i = 0; i < k.m; i++)
            used[i] += k.r[(size_t)i * (size_t)k.n + (size_t)j];
    }
    ck_assert_msg(close_rel(value, mknap1_opt[_i], 1e-6),
                  "mknap1 problem %d: chosen projects are worth %.10g, "
                  "published %.10g", _i + 1, value, mknap1_opt[_i]);
    for (i = 0; i < k.m; i++)
        ck_assert_msg(used[i] <= k.b[i] + 1e-9,
                      "mknap1 problem %d: constraint %d uses %g > %g", _i + 1,
                      i + 1, used[i], k.b[i]);
    /* The result's loads say the same. */
    for (i = 0; i < (int)oa_result_load_count(r); i++) {
        oa_load l;
        int c;
        ck_assert_int_eq(oa_result_load(&l, r, (size_t)i), OA_OK);
        ck_assert_int_eq(l.period, 1);
        ck_assert_int_eq(sscanf(l.unit, "c%d", &c), 1);
        ck_assert(c >= 1 && c <= k.m);
        tu_assert_num(l.capacity, k.b[c - 1]);
        tu_assert_num(l.change, used[c - 1]);
    }
    free(used);
    oa_result_free(r);
    oa_plan_free(plan);
    knap_free(&k);
}
END_TEST

/* WEING7 and WEING8 (mknap2): 105 initiatives, so the search's path for
 * larger plans (a Lagrangian bound before the root LP, the neighbourhood
 * search) must end proven optimal at the published optimum: a bound below
 * the optimum would stop it early at a worse roadmap called optimal. */
static const struct {
    const char *file;
    double opt;
} weing[] = { { "data/reference/weing7.dat", 1095445 },
              { "data/reference/weing8.dat", 624319 } };

START_TEST(test_weing)
{
    knap k;
    oa_plan *plan;
    oa_result *r;
    oa_error err;
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;

    ck_assert_msg(knap_read_one(&k, tu_path(weing[_i].file)), "%s: cannot read",
                  weing[_i].file);
    ck_assert_int_eq(k.n, 105);
    ck_assert_msg(close_rel(k.opt, weing[_i].opt, 1e-12), "%s: file says %.10g",
                  weing[_i].file, k.opt);
    plan = knap_plan(&k);
    opts.time_limit = 60; /* a safety net: the proof takes about a second */
    ck_assert_msg(oa_solve(&r, plan, &opts, &err) == OA_OK, "%s: %s",
                  weing[_i].file, err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_OPTIMAL, "%s: status %s",
                  weing[_i].file, oa_status_name(oa_result_status(r)));
    ck_assert_msg(close_rel(oa_result_objective(r), weing[_i].opt, 1e-9),
                  "%s: objective %.10g, published %.10g", weing[_i].file,
                  oa_result_objective(r), weing[_i].opt);
    tu_assert_oracle(plan, r, "weing");
    oa_result_free(r);
    oa_plan_free(plan);
    knap_free(&k);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* PSPLIB j30                                                             */
/* ---------------------------------------------------------------------- */

#define RC_MAXJOBS 128
#define RC_MAXRES 8

/* A single-mode RCPSP; jobs 1..njobs, job 1 and job njobs are dummies. */
typedef struct rcpsp {
    int njobs, nres;
    int dur[RC_MAXJOBS + 1];
    int dem[RC_MAXJOBS + 1][RC_MAXRES];
    int nsucc[RC_MAXJOBS + 1];
    int succ[RC_MAXJOBS + 1][RC_MAXJOBS];
    int cap[RC_MAXRES];
} rcpsp;

typedef struct rc_case {
    const char *file;
    int opt;     /* published optimal makespan T* (j30opt.sm) */
    int cp;      /* critical-path length (MPM-Time in the file) */
    int deficit; /* least total deficit with P = T*-1 (see below) */
} rc_case;

/* The least deficits are not published: they were computed independently
   of the library, with glpsol on a separate time-indexed model of the
   instance (pulse form, no window pruning, a deficit variable on every
   resource row and period, their sum minimized; proven optimal). */
static const rc_case rc_cases[] = {
    { "j3023_4.sm", 65, 63, 6 },
    { "j3018_3.sm", 56, 53, 3 },
    { "j3035_7.sm", 61, 59, 2 },
};
#define RC_NCASES ((int)(sizeof rc_cases / sizeof rc_cases[0]))

/* Reads whitespace-separated integers from s into v (at most max). */
static int ints(const char *s, int *v, int max)
{
    int n = 0;
    char *end;
    while (n < max) {
        long x = strtol(s, &end, 10);
        if (end == s)
            break;
        v[n++] = (int)x;
        s = end;
    }
    return n;
}

/* The number after the first ':' of line, or -1. */
static int after_colon(const char *line)
{
    const char *c = strchr(line, ':');
    int v;
    return c && sscanf(c + 1, "%d", &v) == 1 ? v : -1;
}

/*
 * Reads a PSPLIB .sm file (single mode): the job and renewable-resource
 * counts from the header, then the PRECEDENCE RELATIONS, REQUESTS/DURATIONS
 * and RESOURCEAVAILABILITIES sections.  Returns 1 on success.
 */
static int rc_read(rcpsp *p, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    int v[RC_MAXJOBS + 8], n, j, have_prec = 0, have_req = 0, have_cap = 0;
    memset(p, 0, sizeof *p);
    if (f == NULL)
        return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "jobs (incl. supersource/sink", 28) == 0) {
            p->njobs = after_colon(line);
        } else if (strstr(line, "- renewable")) {
            p->nres = after_colon(line);
        } else if (strncmp(line, "PRECEDENCE RELATIONS:", 21) == 0) {
            if (p->njobs < 2 || p->njobs > RC_MAXJOBS ||
                !fgets(line, sizeof line, f)) /* column titles */
                break;
            for (j = 1; j <= p->njobs; j++) {
                if (!fgets(line, sizeof line, f))
                    break;
                n = ints(line, v, RC_MAXJOBS + 8);
                if (n < 3 || v[0] != j || v[1] != 1 || v[2] != n - 3 ||
                    v[2] > RC_MAXJOBS)
                    break;
                p->nsucc[j] = v[2];
                memcpy(p->succ[j], v + 3, (size_t)v[2] * sizeof *v);
            }
            have_prec = j > p->njobs;
        } else if (strncmp(line, "REQUESTS/DURATIONS:", 19) == 0) {
            if (p->nres < 1 || p->nres > RC_MAXRES ||
                p->njobs < 2 || p->njobs > RC_MAXJOBS ||
                !fgets(line, sizeof line, f) || /* column titles */
                !fgets(line, sizeof line, f))   /* dashes */
                break;
            for (j = 1; j <= p->njobs; j++) {
                if (!fgets(line, sizeof line, f))
                    break;
                n = ints(line, v, RC_MAXJOBS + 8);
                if (n != 3 + p->nres || v[0] != j || v[1] != 1 || v[2] < 0)
                    break;
                p->dur[j] = v[2];
                memcpy(p->dem[j], v + 3, (size_t)p->nres * sizeof *v);
            }
            have_req = j > p->njobs;
        } else if (strncmp(line, "RESOURCEAVAILABILITIES:", 23) == 0) {
            if (p->nres < 1 || p->nres > RC_MAXRES ||
                !fgets(line, sizeof line, f) || /* R 1  R 2 ... */
                !fgets(line, sizeof line, f))
                break;
            have_cap = ints(line, p->cap, RC_MAXRES) == p->nres;
        }
    }
    fclose(f);
    return have_prec && have_req && have_cap;
}

/* Critical-path length: longest chain of durations (jobs are numbered
   topologically in PSPLIB; the reader's caller checks it). */
static int rc_critical_path(const rcpsp *p)
{
    int es[RC_MAXJOBS + 1] = { 0 }, j, k, cp = 0;
    for (j = 1; j <= p->njobs; j++)
        for (k = 0; k < p->nsucc[j]; k++) {
            int s = p->succ[j][k];
            if (es[s] < es[j] + p->dur[j])
                es[s] = es[j] + p->dur[j];
        }
    for (j = 1; j <= p->njobs; j++)
        if (cp < es[j] + p->dur[j])
            cp = es[j] + p->dur[j];
    return cp;
}

static int rc_dummy(const rcpsp *p, int j)
{
    return j == 1 || j == p->njobs;
}

static oa_plan *rc_plan(const rcpsp *p, int periods)
{
    oa_plan *plan;
    char id[32], unit[32], pred[32];
    int j, k;
    ck_assert_int_eq(oa_plan_new(&plan), OA_OK);
    ck_assert_int_eq(oa_plan_set_horizon(plan, "2027-01", OA_STEP_MONTH,
                                         periods), OA_OK);
    ck_assert_int_eq(oa_plan_add_resource(plan, "qty", NULL, NULL), OA_OK);
    for (k = 0; k < p->nres; k++) {
        oa_unit *u;
        snprintf(unit, sizeof unit, "R%d", k + 1);
        ck_assert_int_eq(oa_plan_add_unit(&u, plan, unit, NULL), OA_OK);
        ck_assert_int_eq(oa_unit_add_capacity(u, "qty", p->cap[k], NULL,
                                              NULL), OA_OK);
    }
    for (j = 1; j <= p->njobs; j++) {
        oa_initiative *ini;
        if (rc_dummy(p, j))
            continue;
        snprintf(id, sizeof id, "j%d", j);
        ck_assert_int_eq(oa_plan_add_initiative(&ini, plan, id, p->dur[j]),
                         OA_OK);
        ck_assert_int_eq(oa_initiative_set_mandatory(ini, 1), OA_OK);
        for (k = 0; k < p->nres; k++) {
            if (p->dem[j][k] == 0)
                continue;
            snprintf(unit, sizeof unit, "R%d", k + 1);
            ck_assert_int_eq(oa_initiative_add_demand(ini, unit, "qty",
                                                      p->dem[j][k], 0, 0),
                             OA_OK);
        }
    }
    /* Successor requires predecessor, lag 0 (dummies carry no constraint:
       the source precedes everything, the sink follows everything). */
    for (j = 1; j <= p->njobs; j++) {
        if (rc_dummy(p, j))
            continue;
        snprintf(pred, sizeof pred, "j%d", j);
        for (k = 0; k < p->nsucc[j]; k++) {
            int s = p->succ[j][k];
            oa_initiative *ini;
            if (rc_dummy(p, s))
                continue;
            snprintf(id, sizeof id, "j%d", s);
            ck_assert_int_eq(oa_plan_find_initiative(&ini, plan, id), OA_OK);
            ck_assert_int_eq(oa_initiative_add_requirement(ini, pred, 0),
                             OA_OK);
        }
    }
    return plan;
}

/* Reads the instance of case i and checks what the test relies on. */
static void rc_load(rcpsp *p, int i)
{
    char rel[256];
    int j, k;
    snprintf(rel, sizeof rel, "data/reference/%s", rc_cases[i].file);
    ck_assert_msg(rc_read(p, tu_path(rel)), "%s: cannot read",
                  rc_cases[i].file);
    ck_assert_int_eq(p->njobs, 32);
    ck_assert_int_eq(p->nres, 4);
    for (j = 1; j <= p->njobs; j++) {
        ck_assert(rc_dummy(p, j) ? p->dur[j] == 0 : p->dur[j] >= 1);
        for (k = 0; k < p->nsucc[j]; k++)
            ck_assert(p->succ[j][k] > j && p->succ[j][k] <= p->njobs);
    }
    /* Resources, not precedences, make T*-1 infeasible (header comment). */
    ck_assert_int_eq(rc_critical_path(p), rc_cases[i].cp);
    ck_assert_int_lt(rc_cases[i].cp, rc_cases[i].opt);
}

START_TEST(test_j30_optimal)
{
    const rc_case *c = &rc_cases[_i];
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    rcpsp p;
    oa_plan *plan;
    oa_result *r;
    oa_error err;
    int start[RC_MAXJOBS + 1] = { 0 }, j, k, t, makespan = 0;
    double usage[RC_MAXRES][128];

    rc_load(&p, _i);
    ck_assert_int_le(c->opt, 128);
    plan = rc_plan(&p, c->opt);
    opts.time_limit = 60; /* a safety net: this solve takes well under 10 s */
    ck_assert_msg(oa_solve(&r, plan, &opts, &err) == OA_OK, "%s: %s",
                  c->file, err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_OPTIMAL,
                  "%s, P = %d: status %s", c->file, c->opt,
                  oa_status_name(oa_result_status(r)));
    ck_assert_int_eq(oa_result_period_count(r), c->opt);
    tu_assert_num(oa_result_objective(r), 0);
    tu_assert_oracle(plan, r, c->file);

    /* Every job scheduled, its whole duration inside 1..T*. */
    for (j = 2; j < p.njobs; j++) {
        oa_initiative_result ir;
        char id[32];
        snprintf(id, sizeof id, "j%d", j);
        ck_assert_int_eq(oa_result_find_initiative(&ir, r, id), OA_OK);
        ck_assert_msg(ir.scheduled, "%s: %s not scheduled", c->file, id);
        ck_assert_int_eq(ir.finish, ir.start + p.dur[j] - 1);
        ck_assert_int_ge(ir.start, 1);
        ck_assert_int_le(ir.finish, c->opt);
        start[j] = ir.start;
        if (makespan < ir.finish)
            makespan = ir.finish;
    }
    /* No schedule beats the optimum: the makespan is exactly T*. */
    ck_assert_int_eq(makespan, c->opt);

    /* Precedences: a successor starts after its predecessor finished. */
    for (j = 2; j < p.njobs; j++)
        for (k = 0; k < p.nsucc[j]; k++) {
            int s = p.succ[j][k];
            if (rc_dummy(&p, s))
                continue;
            ck_assert_msg(start[s] >= start[j] + p.dur[j],
                          "%s: j%d starts at %d, before j%d finishes (%d)",
                          c->file, s, start[s], j, start[j] + p.dur[j] - 1);
        }

    /* Resources, recomputed from the starts, period by period. */
    memset(usage, 0, sizeof usage);
    for (j = 2; j < p.njobs; j++)
        for (t = start[j]; t < start[j] + p.dur[j]; t++)
            for (k = 0; k < p.nres; k++)
                usage[k][t - 1] += p.dem[j][k];
    for (k = 0; k < p.nres; k++)
        for (t = 1; t <= c->opt; t++)
            ck_assert_msg(usage[k][t - 1] <= p.cap[k],
                          "%s: resource %d uses %g > %d in period %d",
                          c->file, k + 1, usage[k][t - 1], p.cap[k], t);

    /* The result's loads agree with that recomputation. */
    ck_assert_uint_eq(oa_result_load_count(r),
                      (size_t)p.nres * (size_t)c->opt);
    for (j = 0; j < (int)oa_result_load_count(r); j++) {
        oa_load l;
        ck_assert_int_eq(oa_result_load(&l, r, (size_t)j), OA_OK);
        ck_assert_int_eq(sscanf(l.unit, "R%d", &k), 1);
        ck_assert(k >= 1 && k <= p.nres && l.period >= 1 &&
                  l.period <= c->opt);
        tu_assert_num(l.capacity, p.cap[k - 1]);
        ck_assert_msg(fabs(l.change - usage[k - 1][l.period - 1]) < 1e-6,
                      "%s: load R%d/%d change %g, schedule uses %g", c->file,
                      k, l.period, l.change, usage[k - 1][l.period - 1]);
    }
    oa_result_free(r);
    oa_plan_free(plan);
}
END_TEST

/*
 * Among equally good roadmaps, earlier starts win (model.md): with ten
 * periods to spare, every schedule is optimal (the objective is 0), and
 * the one returned is left-justified: no job can start earlier on its own
 * without breaking a precedence or a resource limit.
 */
START_TEST(test_j30_left_justified)
{
    const rc_case *c = &rc_cases[_i];
    rcpsp p;
    oa_plan *plan;
    oa_result *r;
    int P, j, k, s, t, *start;
    double *use;
    rc_load(&p, _i);
    P = c->opt + 10;
    plan = rc_plan(&p, P);
    ck_assert_int_eq(oa_solve(&r, plan, NULL, NULL), OA_OK);
    ck_assert_int_eq(oa_result_status(r), OA_STATUS_OPTIMAL);
    start = calloc((size_t)p.njobs + 1, sizeof *start);
    use = calloc((size_t)(P + 1) * (size_t)p.nres, sizeof *use);
    for (j = 1; j <= p.njobs; j++) {
        char id[32];
        oa_initiative_result ir;
        if (rc_dummy(&p, j))
            continue;
        snprintf(id, sizeof id, "j%d", j);
        ck_assert_int_eq(oa_result_find_initiative(&ir, r, id), OA_OK);
        ck_assert(ir.scheduled);
        start[j] = ir.start;
        for (t = ir.start; t <= ir.finish; t++)
            for (k = 0; k < p.nres; k++)
                use[t * p.nres + k] += p.dem[j][k];
    }
    for (j = 1; j <= p.njobs; j++) {
        int earliest = 1, q;
        if (rc_dummy(&p, j))
            continue;
        for (q = 1; q <= p.njobs; q++)
            for (k = 0; k < p.nsucc[q]; k++)
                if (p.succ[q][k] == j && !rc_dummy(&p, q) &&
                    start[q] + p.dur[q] > earliest)
                    earliest = start[q] + p.dur[q];
        for (s = earliest; s < start[j]; s++) {
            int fits = 1;
            for (t = s; t < s + p.dur[j] && fits; t++)
                for (k = 0; k < p.nres && fits; k++) {
                    double u = use[t * p.nres + k];
                    if (t >= start[j] && t < start[j] + p.dur[j])
                        u -= p.dem[j][k];
                    fits = u + p.dem[j][k] <= p.cap[k] + 1e-9;
                }
            ck_assert_msg(!fits, "%s: j%d at %d could start at %d", c->file,
                          j, start[j], s);
        }
    }
    free(start);
    free(use);
    oa_result_free(r);
    oa_plan_free(plan);
}
END_TEST

/*
 * Solves instance file (njobs jobs, dummies included) as an all-mandatory
 * plan of periods periods, checks that every job is scheduled within
 * them, the roadmap proven optimal with objective 0 (every roadmap of an
 * all-mandatory plan has objective 0 up to the earlier-start tie-break)
 * and the oracle; returns the last period any job runs in.
 */
static int rc_solve_mandatory(const char *file, int njobs, int periods,
                              int max_cp)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    rcpsp *p = calloc(1, sizeof *p);
    char rel[64];
    oa_plan *plan;
    oa_result *r;
    oa_error err;
    int j, last = 0;

    ck_assert_ptr_nonnull(p);
    snprintf(rel, sizeof rel, "data/reference/%s", file);
    ck_assert(rc_read(p, tu_path(rel)));
    ck_assert_int_eq(p->njobs, njobs);
    ck_assert_int_le(rc_critical_path(p), max_cp);
    plan = rc_plan(p, periods);
    opts.time_limit = 60; /* a safety net: these take a few seconds */
    ck_assert_msg(oa_solve(&r, plan, &opts, &err) == OA_OK, "%s: %s", file,
                  err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_OPTIMAL, "%s: status %s",
                  file, oa_status_name(oa_result_status(r)));
    tu_assert_num(oa_result_objective(r), 0);
    tu_assert_num(oa_result_gap(r), 0);
    for (j = 2; j < p->njobs; j++) {
        oa_initiative_result ir;
        char id[32];
        snprintf(id, sizeof id, "j%d", j);
        ck_assert_int_eq(oa_result_find_initiative(&ir, r, id), OA_OK);
        ck_assert_msg(ir.scheduled, "%s: %s not scheduled", file, id);
        ck_assert_int_le(ir.finish, periods);
        if (ir.finish > last)
            last = ir.finish;
    }
    tu_assert_oracle(plan, r, file);
    oa_result_free(r);
    oa_plan_free(plan);
    free(p);
    return last;
}

/*
 * A j120 instance of one of the hardest groups (RS 0.1: j1206_1, best
 * known makespan 144, lower bound 132, optimum.csv of the shared
 * reference folder) as an all-mandatory plan of ceil(1.1 x 144) = 159
 * periods: a schedule exists, and more than 100 initiatives take the
 * library's own search.  Plain serial passes of the mandatory placement
 * do not find one; the passes on the extended horizon do (lib/search.c).
 */
START_TEST(test_j120_mandatory)
{
    rc_solve_mandatory("j1206_1.sm", 122, 159, 132);
}
END_TEST

/*
 * A j30 instance at exactly its proven optimum (j3043_1, makespan 55,
 * j30opt.sm of the shared reference folder): every period of the horizon
 * is needed.  Sampled orders around latest start first, each improved by
 * forward-backward passes, stay 1 to 3 periods late; the genetic
 * algorithm over the best schedules (lib/search.c, place_extended) finds
 * an on-time one.
 */
START_TEST(test_j30_tight)
{
    /* The optimum: no roadmap ends earlier. */
    ck_assert_int_eq(rc_solve_mandatory("j3043_1.sm", 32, 55, 55), 55);
}
END_TEST

/*
 * The same j3043_1 one period below its optimum (54 periods): no roadmap
 * exists.  GLPK's branch-and-cut, with or without the library's search,
 * found neither a roadmap nor a proof within 30 s; the complete search of
 * the forced work (lib/forced.c) proves it in a few thousand nodes.
 */
START_TEST(test_j30_tight_less_one)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    rcpsp *p = calloc(1, sizeof *p);
    oa_plan *plan;
    oa_result *r;
    oa_error err;

    ck_assert_ptr_nonnull(p);
    ck_assert(rc_read(p, tu_path("data/reference/j3043_1.sm")));
    plan = rc_plan(p, 54);
    ck_assert_int_eq(oa_plan_validate(plan, &err, NULL), OA_OK);
    opts.time_limit = 30;
    ck_assert_msg(oa_solve(&r, plan, &opts, &err) == OA_OK, "%s", err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_INFEASIBLE, "status %s",
                  oa_status_name(oa_result_status(r)));
    ck_assert(oa_result_deficit(r) > 0);
    oa_result_free(r);
    oa_plan_free(plan);
    free(p);
}
END_TEST

START_TEST(test_j30_one_less)
{
    const rc_case *c = &rc_cases[_i];
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    rcpsp p;
    oa_plan *plan;
    oa_result *r;
    oa_error err;
    double sum = 0;
    size_t i;

    rc_load(&p, _i);
    plan = rc_plan(&p, c->opt - 1);
    /* Valid: T*-1 is not below the critical path, every window is open. */
    ck_assert_msg(oa_plan_validate(plan, &err, NULL) == OA_OK, "%s: %s",
                  c->file, err.text);
    opts.time_limit = 60; /* a safety net: the proof takes well under 10 s */
    ck_assert_msg(oa_solve(&r, plan, &opts, &err) == OA_OK, "%s: %s",
                  c->file, err.text);
    ck_assert_msg(oa_result_status(r) == OA_STATUS_INFEASIBLE,
                  "%s, P = %d: status %s", c->file, c->opt - 1,
                  oa_status_name(oa_result_status(r)));

    /* The diagnosis: some capacity is missing, in capacity rows only. */
    ck_assert_msg(oa_result_deficit(r) > 0, "%s: deficit %g", c->file,
                  oa_result_deficit(r));
    /* Any elastic solution needs at least the least deficit; a proven one
       needs exactly that. */
    ck_assert_msg(oa_result_deficit(r) >= c->deficit - 1e-6,
                  "%s: deficit %g below the least possible %d", c->file,
                  oa_result_deficit(r), c->deficit);
    if (oa_result_deficit_proven(r))
        ck_assert_msg(fabs(oa_result_deficit(r) - c->deficit) < 1e-6,
                      "%s: proven deficit %g, independently %d", c->file,
                      oa_result_deficit(r), c->deficit);
    ck_assert_uint_gt(oa_result_deficit_count(r), 0);
    for (i = 0; i < oa_result_deficit_count(r); i++) {
        oa_deficit d;
        int k;
        ck_assert_int_eq(oa_result_deficit_row(&d, r, i), OA_OK);
        ck_assert_int_eq(d.is_budget, 0);
        ck_assert_int_eq(sscanf(d.unit, "R%d", &k), 1);
        ck_assert(k >= 1 && k <= p.nres);
        ck_assert_str_eq(d.resource, "qty");
        ck_assert(d.period >= 1 && d.period <= c->opt - 1);
        ck_assert(d.amount > 0);
        sum += d.amount;
    }
    ck_assert_msg(fabs(sum - oa_result_deficit(r)) <= 1e-6 * (1 + sum),
                  "%s: deficit rows add up to %g, total %g", c->file, sum,
                  oa_result_deficit(r));
    oa_result_free(r);
    oa_plan_free(plan);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reference");
    TCase *tc;

    tc = tcase_create("mknap1");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_mknap1, 0, MKNAP1_PROBLEMS);
    tcase_add_loop_test(tc, test_weing, 0, 2);
    suite_add_tcase(s, tc);

    tc = tcase_create("j30");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_j30_optimal, 0, RC_NCASES);
    tcase_add_loop_test(tc, test_j30_left_justified, 0, RC_NCASES);
    tcase_add_loop_test(tc, test_j30_one_less, 0, RC_NCASES);
    tcase_add_test(tc, test_j120_mandatory);
    tcase_add_test(tc, test_j30_tight);
    tcase_add_test(tc, test_j30_tight_less_one);
    suite_add_tcase(s, tc);

    return tu_run(s);
}
