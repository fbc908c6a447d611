/*
 * gen: a deterministic generator of realistic synthetic plans for the
 * benchmarks (plan XML on stdout; with --gmpl-data FILE also the data
 * section for benchmarks/plan.mod, the same plan resolved).
 *
 *   gen --initiatives N [--units U] [--periods P] [--step month|week]
 *       [--seed S] [--density D] [--dependencies F] [--levers 0|1]
 *       [--mandatory F] [--tightness T] [--excludes F] [--effects F]
 *       [--gmpl-data FILE]
 *
 * The same arguments give the same files byte for byte: the generator has
 * its own random number generator (xoshiro256**) and rounds every number
 * it writes to a few decimals before it is used, so that the XML and the
 * GMPL data hold the very same values.
 *
 * What a plan looks like (defaults in brackets):
 *  - U units [N/10, at least 2] with one resource, fte; staff per unit
 *    log-normal around 20 FTE; some units hire during the year, some have
 *    a summer dip (a later <capacity> entry wins for its periods);
 *  - run work: every unit has an operating plan that takes 68-78% of its
 *    staff, half of the units a second, driver-based one (volume /
 *    productivity) with a fourth-quarter peak; operating plans cost money;
 *  - initiatives: durations 1-6 months (4-26 weeks), demand on 1 +
 *    Poisson(D-1) units [D = 2.5], some demands only in the first or the
 *    second half of the initiative; all demands are scaled together so that
 *    their sum is T [2.5] times the capacity that run work leaves free;
 *    value grows with the work (FTE-months times a log-normal rate); 30%
 *    earn part of it as benefit per period left after they finish, 35%
 *    contribute to one of three weighted objectives, 60% cost money; every
 *    initiative is owned by its first unit; 20% have a later earliest
 *    start, 15% a deadline;
 *  - F_m [0.1] of them are mandatory, and mandatory work always fits: each
 *    mandatory initiative is placed at a start where, together with the
 *    mandatory ones before it, it takes at most half of the free capacity
 *    (its demand is halved until it fits); budgets leave room for all of
 *    it;
 *  - F_d [0.1] of the optional ones require an earlier one (lag 0, or 1
 *    month / 1-4 weeks), excludes pairs [0.02 N], effects [0.05] (mostly
 *    automation that frees run work, some upkeep);
 *  - levers [1]: overtime in half of the units, contractors in 40%,
 *    loans between about U/3 pairs of units, service levels below 1 with
 *    a shortfall penalty on 30% of the operating plans;
 *  - money: a total budget that binds a little (operating costs, the
 *    mandatory costs and 80% of the optional costs a T-times
 *    oversubscribed plan could spend), a first-half limit, and budgets on
 *    30% of the units that own initiatives.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXK 16 /* demands per initiative */

/* ---- random numbers: xoshiro256**, seeded by splitmix64 ---- */

static uint64_t rs[4];

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t next_u64(void)
{
    uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;
    rs[2] ^= rs[0];
    rs[3] ^= rs[1];
    rs[1] ^= rs[2];
    rs[0] ^= rs[3];
    rs[2] ^= t;
    rs[3] = rotl(rs[3], 45);
    return r;
}

static void seed_rng(uint64_t seed)
{
    int k;
    for (k = 0; k < 4; k++) {
        uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        rs[k] = z ^ (z >> 31);
    }
}

/* Uniform in [0, 1). */
static double unif(void)
{
    return (double)(next_u64() >> 11) * (1.0 / 9007199254740992.0);
}

static double unif2(double a, double b)
{
    return a + (b - a) * unif();
}

/* Uniform integer in [a, b]. */
static int irand(int a, int b)
{
    if (b <= a)
        return a;
    return a + (int)(next_u64() % (uint64_t)(b - a + 1));
}

/* Standard normal (Irwin-Hall of 12 uniforms: no libm, enough here). */
static double normal(void)
{
    double s = 0;
    int k;
    for (k = 0; k < 12; k++)
        s += unif();
    return s - 6;
}

static double lognormal(double median, double sigma)
{
    return median * exp(sigma * normal());
}

static int poisson(double lambda)
{
    double L = exp(-lambda), p = 1;
    int k = 0;
    if (lambda <= 0)
        return 0;
    do {
        k++;
        p *= unif();
    } while (p > L && k < 1000);
    return k - 1;
}

/* ---- numbers as written ---- */

static double round_to(double v, int decimals)
{
    double f = pow(10, decimals);
    return floor(v * f + 0.5) / f;
}

/* Shortest decimal text of a value rounded to at most 6 decimals. */
static const char *num(double v)
{
    static char buf[8][64];
    static int k;
    char *b = buf[k++ & 7];
    char *e;
    if (v == 0)
        v = 0; /* no "-0" */
    snprintf(b, 64, "%.6f", v);
    e = b + strlen(b) - 1;
    while (*e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    return b;
}

/* ---- the plan ---- */

typedef struct {
    double value;
    int from, to; /* 1-based, inclusive */
} entry;

typedef struct {
    char id[32], name[64];
    double base;        /* staff */
    entry capv[3];
    int ncap;
    double *cap;        /* resolved [P] */
    double *run;        /* [P]: sum of its operating plans */
    double *free;       /* cap - run */
    double minfree, meanfree, minrun;
    int has_ot;
    double ot_max, ot_cost;
    entry ct[2];        /* max; cost in ct_cost */
    double ct_cost[2];
    int nct;
    double *ctmax, *ctcost; /* resolved [P] */
    double budget;      /* < 0: none */
    double opcost;      /* its operating plans' costs */
    double owned_mand_cost, owned_opt_cost;
    double negeff;      /* sum of negative effects on it */
} unit_t;

typedef struct {
    int unit;
    char name[96];
    double cost;
    int driver;
    entry dem[2];       /* value-based: value; driver: volume */
    double productivity;
    int ndem;
    double *run;        /* resolved [P] */
    int has_sl;
    double sl_min, sl_penalty;
} opplan_t;

typedef struct {
    int u;
    double q;
    int first, last;    /* 1-based periods of the initiative */
} demand_t;

typedef struct {
    char id[16], name[80];
    int d, earliest, deadline, es;
    int mandatory;
    demand_t dem[MAXK];
    int ndem;
    double value, benefit, cost;
    int req, lag;       /* requires req (-1: none) */
    int obj;            /* objective (-1: none) */
    int score;
    int eff_u;          /* effect on eff_u (-1: none) */
    double eff_v;
    int *exc;           /* excluded partners */
    int nexc;
} ini_t;

typedef struct {
    int from, to;
    double max, eff, cost;
} loan_t;

static const char *unit_names[][2] = {
    {"sales", "Sales"}, {"mkt", "Marketing"}, {"eng", "Engineering"},
    {"prod", "Product management"}, {"data", "Data and analytics"},
    {"support", "Customer support"}, {"fin", "Finance"}, {"legal", "Legal"},
    {"ops", "Operations"}, {"hr", "People and HR"}, {"it", "IT"},
    {"proc", "Procurement"}, {"log", "Logistics"}, {"qa", "Quality"},
    {"sec", "Security"}, {"fac", "Facilities"}};
static const char *verbs[] = {
    "Automate", "Migrate", "Redesign", "Consolidate", "Launch", "Replace",
    "Standardize", "Expand", "Digitize", "Outsource", "Modernize", "Pilot"};
static const char *things[] = {
    "invoicing", "the CRM", "onboarding", "the data warehouse",
    "pricing", "the partner portal", "self-service", "reporting",
    "the ticketing system", "procurement", "the mobile app",
    "payroll", "the web shop", "forecasting", "access management",
    "the warehouse flow", "customer feedback", "contract management"};
static const struct {
    const char *id, *name;
    double weight;
} objectives[] = {{"growth", "Grow recurring revenue", 20000},
                  {"customer", "Customer retention", 15000},
                  {"efficiency", "Operating margin", 10000}};
#define NOBJ 3

static int U = 0, N = 50, P = 0, step_week = 0, levers = 1;
static unsigned long long seed = 1;
static double density = 2.5, f_dep = 0.1, f_mand = 0.1, tightness = 2.5,
              f_exc = 0.02, f_eff = 0.05;
static const char *gmpl_path = NULL;

static unit_t *units;
static opplan_t *ops;
static int nops;
static ini_t *inis;
static loan_t *loans;
static int nloans;
static double total_budget, h1_budget;
static int ppy;       /* periods per year */
static double pscale; /* money per period, relative to a month */

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }
    return p;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: gen --initiatives N [--units U] [--periods P] "
            "[--step month|week]\n"
            "           [--seed S] [--density D] [--dependencies F] "
            "[--levers 0|1]\n"
            "           [--mandatory F] [--tightness T] [--excludes F] "
            "[--effects F]\n"
            "           [--gmpl-data FILE]\n");
    exit(1);
}

static double arg_num(const char *s, const char *what)
{
    char *end;
    double v = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || !isfinite(v) || v < 0) {
        fprintf(stderr, "gen: bad %s: %s\n", what, s);
        exit(1);
    }
    return v;
}

static void parse_args(int argc, char **argv)
{
    int k;
    for (k = 1; k < argc; k++) {
        const char *a = argv[k], *v = k + 1 < argc ? argv[k + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            usage();
        if (v == NULL)
            usage();
        k++;
        if (strcmp(a, "--units") == 0)
            U = (int)arg_num(v, a);
        else if (strcmp(a, "--initiatives") == 0)
            N = (int)arg_num(v, a);
        else if (strcmp(a, "--periods") == 0)
            P = (int)arg_num(v, a);
        else if (strcmp(a, "--step") == 0) {
            if (strcmp(v, "month") == 0)
                step_week = 0;
            else if (strcmp(v, "week") == 0)
                step_week = 1;
            else
                usage();
        } else if (strcmp(a, "--seed") == 0)
            seed = (unsigned long long)arg_num(v, a);
        else if (strcmp(a, "--density") == 0)
            density = arg_num(v, a);
        else if (strcmp(a, "--dependencies") == 0)
            f_dep = arg_num(v, a);
        else if (strcmp(a, "--levers") == 0)
            levers = arg_num(v, a) != 0;
        else if (strcmp(a, "--mandatory") == 0)
            f_mand = arg_num(v, a);
        else if (strcmp(a, "--tightness") == 0)
            tightness = arg_num(v, a);
        else if (strcmp(a, "--excludes") == 0)
            f_exc = arg_num(v, a);
        else if (strcmp(a, "--effects") == 0)
            f_eff = arg_num(v, a);
        else if (strcmp(a, "--gmpl-data") == 0)
            gmpl_path = v;
        else
            usage();
    }
    if (N < 1 || tightness <= 0) {
        fprintf(stderr, "gen: need at least one initiative and T > 0\n");
        exit(1);
    }
    ppy = step_week ? 52 : 12;
    if (P <= 0)
        P = ppy;
    if (P > 520) {
        fprintf(stderr, "gen: at most 520 periods\n");
        exit(1);
    }
    if (U <= 0)
        U = N / 10 > 2 ? N / 10 : 2;
    pscale = 12.0 / ppy;
}

static int pick_weighted(const double *w, int n, const int *skip, int nskip)
{
    double sum = 0, r;
    int k, j;
    for (k = 0; k < n; k++) {
        int skipped = 0;
        for (j = 0; j < nskip; j++)
            skipped |= skip[j] == k;
        if (!skipped)
            sum += w[k];
    }
    r = unif() * sum;
    for (k = 0; k < n; k++) {
        int skipped = 0;
        for (j = 0; j < nskip; j++)
            skipped |= skip[j] == k;
        if (skipped)
            continue;
        if (r < w[k])
            return k;
        r -= w[k];
    }
    for (k = n - 1; k >= 0; k--) {
        int skipped = 0;
        for (j = 0; j < nskip; j++)
            skipped |= skip[j] == k;
        if (!skipped)
            return k;
    }
    return 0;
}

static void resolve(double *out, const entry *e, int n)
{
    int k, t;
    for (t = 0; t < P; t++)
        out[t] = 0;
    for (k = 0; k < n; k++)
        for (t = e[k].from; t <= e[k].to; t++)
            out[t - 1] = e[k].value;
}

/* ---- units, run work, levers ---- */

static void make_units(void)
{
    int u, t, k, p;
    units = xcalloc((size_t)U, sizeof *units);
    ops = xcalloc((size_t)U * 2, sizeof *ops);
    for (u = 0; u < U; u++) {
        unit_t *un = &units[u];
        int nn = (int)(sizeof unit_names / sizeof unit_names[0]);
        double share, peak;
        int tries;
        if (U <= nn) {
            snprintf(un->id, sizeof un->id, "%s", unit_names[u][0]);
            snprintf(un->name, sizeof un->name, "%s", unit_names[u][1]);
        } else {
            snprintf(un->id, sizeof un->id, "%s-%d", unit_names[u % nn][0],
                     u / nn + 1);
            snprintf(un->name, sizeof un->name, "%s %d", unit_names[u % nn][1],
                     u / nn + 1);
        }
        un->base = floor(lognormal(20, 0.6) + 0.5);
        if (un->base < 4)
            un->base = 4;
        if (un->base > 150)
            un->base = 150;
        un->capv[0].value = un->base;
        un->capv[0].from = 1;
        un->capv[0].to = P;
        un->ncap = 1;
        un->cap = xcalloc((size_t)P, sizeof(double));
        un->run = xcalloc((size_t)P, sizeof(double));
        un->free = xcalloc((size_t)P, sizeof(double));
        un->ctmax = xcalloc((size_t)P, sizeof(double));
        un->ctcost = xcalloc((size_t)P, sizeof(double));
        /* Hiring during the year. */
        if (unif() < 0.3 && P >= 4) {
            entry *e = &un->capv[un->ncap++];
            e->value = floor(un->base * unif2(1.05, 1.15) + 0.5);
            if (e->value <= un->base)
                e->value = un->base + 1;
            e->from = irand(P / 4 + 1, (3 * P) / 4);
            e->to = P;
        }
        resolve(un->cap, un->capv, un->ncap);
        /* Summer dip: August, or weeks 31-34. */
        if (unif() < 0.3 && P >= ppy * 2 / 3) {
            entry *e = &un->capv[un->ncap++];
            e->from = step_week ? 31 : 8;
            e->to = step_week ? 34 : 8;
            e->value = floor(un->cap[e->from - 1] * unif2(0.9, 0.95) + 0.5);
            if (e->value < 1)
                e->value = 1;
            resolve(un->cap, un->capv, un->ncap);
        }

        /* Run work: 68-78% of the staff; a second, driver-based plan in
         * half of the units, with a peak in the last quarter. */
        share = unif2(0.68, 0.78);
        peak = unif2(1.04, 1.08);
        for (tries = 0;; tries++) {
            int two = unif() < 0.5;
            opplan_t *a = &ops[nops], *b = &ops[nops + 1];
            double total = share * un->base;
            memset(a, 0, sizeof *a);
            memset(b, 0, sizeof *b);
            a->unit = b->unit = u;
            a->run = xcalloc((size_t)P, sizeof(double));
            b->run = xcalloc((size_t)P, sizeof(double));
            snprintf(a->name, sizeof a->name, "%s: core operations", un->name);
            a->dem[0].value = round_to(total * (two ? 0.6 : 1), 2);
            a->dem[0].from = 1;
            a->dem[0].to = P;
            a->ndem = 1;
            resolve(a->run, a->dem, a->ndem);
            if (two) {
                double q = total * 0.4;
                b->driver = 1;
                snprintf(b->name, sizeof b->name, "%s: volume work", un->name);
                b->productivity = floor(unif2(40, 800) * pscale + 0.5);
                if (b->productivity < 1)
                    b->productivity = 1;
                b->dem[0].value = floor(q * b->productivity + 0.5);
                b->dem[0].from = 1;
                b->dem[0].to = P;
                b->ndem = 1;
                if (P >= 4) {
                    b->dem[1].value = floor(q * peak * b->productivity + 0.5);
                    b->dem[1].from = P - P / 4 + 1;
                    b->dem[1].to = P;
                    b->ndem = 2;
                }
                for (t = 0; t < P; t++)
                    b->run[t] = 0;
                for (k = 0; k < b->ndem; k++)
                    for (t = b->dem[k].from; t <= b->dem[k].to; t++)
                        b->run[t - 1] = b->dem[k].value / b->productivity;
            }
            for (t = 0; t < P; t++)
                un->run[t] = a->run[t] + (two ? b->run[t] : 0);
            {
                int ok = 1;
                for (t = 0; t < P; t++)
                    if (un->run[t] > 0.92 * un->cap[t])
                        ok = 0;
                if (ok || tries > 20) {
                    nops += two ? 2 : 1;
                    if (!two)
                        free(b->run);
                    break;
                }
            }
            free(a->run);
            free(b->run);
            share *= 0.97;
        }
        un->minfree = HUGE_VAL;
        un->minrun = HUGE_VAL;
        un->meanfree = 0;
        for (t = 0; t < P; t++) {
            un->free[t] = un->cap[t] - un->run[t];
            if (un->free[t] < un->minfree)
                un->minfree = un->free[t];
            if (un->run[t] < un->minrun)
                un->minrun = un->run[t];
            un->meanfree += un->free[t] / P;
        }
        un->budget = -1;
    }
    /* Costs and service levels of the operating plans. */
    for (p = 0; p < nops; p++) {
        opplan_t *o = &ops[p];
        double avg = 0;
        for (t = 0; t < P; t++)
            avg += o->run[t] / P;
        /* Non-personnel run spend: 1.5-5 k per FTE-month. */
        o->cost = round_to(avg * P * pscale * unif2(1500, 5000), -3);
        units[o->unit].opcost += o->cost;
        if (levers && unif() < 0.3) {
            static const double mins[] = {0.85, 0.9, 0.95};
            o->has_sl = 1;
            o->sl_min = mins[irand(0, 2)];
            o->sl_penalty = round_to(unif2(30000, 50000) * pscale, -2);
        }
    }
    /* Overtime and contractors. */
    for (u = 0; u < U && levers; u++) {
        unit_t *un = &units[u];
        if (unif() < 0.5) {
            static const double maxs[] = {0.05, 0.08, 0.1, 0.12, 0.15};
            un->has_ot = 1;
            un->ot_max = maxs[irand(0, 4)];
            un->ot_cost = round_to(unif2(9000, 14000) * pscale, -2);
        }
        if (unif() < 0.4) {
            entry *e = &un->ct[0];
            e->value = round_to(un->base * unif2(0.05, 0.12), 1);
            if (e->value < 1)
                e->value = 1;
            un->ct_cost[0] = round_to(unif2(14000, 20000) * pscale, -2);
            if (unif() < 0.5) {
                e->from = 1;
                e->to = P;
            } else {
                e->from = irand(1, P / 3 + 1);
                e->to = irand((2 * P) / 3, P);
                if (e->to < e->from)
                    e->to = e->from;
            }
            un->nct = 1;
            if (unif() < 0.2 && P >= 4) {
                entry *f = &un->ct[1];
                f->value = round_to(e->value * 1.5, 1);
                un->ct_cost[1] = round_to(un->ct_cost[0] * 1.1, -2);
                f->from = P - P / 4 + 1;
                f->to = P;
                un->nct = 2;
            }
            for (k = 0; k < un->nct; k++)
                for (t = un->ct[k].from; t <= un->ct[k].to; t++) {
                    un->ctmax[t - 1] = un->ct[k].value;
                    un->ctcost[t - 1] = un->ct_cost[k];
                }
        }
    }
    /* Loans between about U/3 pairs of units. */
    if (levers && U >= 2) {
        int want = U / 3 > 1 ? U / 3 : 1, k2;
        loans = xcalloc((size_t)want, sizeof *loans);
        for (k2 = 0; k2 < want * 4 && nloans < want; k2++) {
            int a = irand(0, U - 1), b = irand(0, U - 1), j, dup = 0;
            static const double effs[] = {0.7, 0.8, 0.9, 1};
            loan_t *l;
            if (a == b)
                continue;
            for (j = 0; j < nloans; j++)
                dup |= loans[j].from == a && loans[j].to == b;
            if (dup)
                continue;
            l = &loans[nloans++];
            l->from = a;
            l->to = b;
            l->max = round_to((units[a].base < units[b].base ? units[a].base
                                                             : units[b].base) *
                                  unif2(0.05, 0.1),
                              1);
            if (l->max < 0.5)
                l->max = 0.5;
            l->eff = effs[irand(0, 3)];
            l->cost = round_to(unif2(1000, 4000) * pscale, -2);
        }
    }
}

/* ---- initiatives ---- */

static double ini_work(const ini_t *in)
{
    double w = 0;
    int k;
    for (k = 0; k < in->ndem; k++)
        w += in->dem[k].q * (in->dem[k].last - in->dem[k].first + 1);
    return w;
}

static void make_initiatives(void)
{
    double *w = xcalloc((size_t)U, sizeof(double));
    double freecap = 0, work, factor;
    int i, k, u, t, round;
    double **mload;

    inis = xcalloc((size_t)N, sizeof *inis);
    for (u = 0; u < U; u++) {
        w[u] = units[u].base;
        for (t = 0; t < P; t++)
            freecap += units[u].free[t];
    }
    for (i = 0; i < N; i++) {
        ini_t *in = &inis[i];
        int dm = irand(1, 6), nd, used[MAXK];
        snprintf(in->id, sizeof in->id, "i%04d", i + 1);
        snprintf(in->name, sizeof in->name, "%s %s %d",
                 verbs[irand(0, (int)(sizeof verbs / sizeof *verbs) - 1)],
                 things[irand(0, (int)(sizeof things / sizeof *things) - 1)],
                 i + 1);
        in->d = step_week ? (int)floor(dm * 52.0 / 12 * unif2(0.85, 1.15) + 0.5)
                          : dm;
        if (in->d < 1)
            in->d = 1;
        if (in->d > P)
            in->d = P;
        nd = 1 + poisson(density - 1);
        if (nd > U)
            nd = U;
        if (nd > MAXK)
            nd = MAXK;
        for (k = 0; k < nd; k++) {
            demand_t *dm2 = &in->dem[k];
            u = pick_weighted(w, U, used, k);
            used[k] = u;
            dm2->u = u;
            dm2->q = units[u].meanfree * lognormal(0.12, 0.5);
            dm2->first = 1;
            dm2->last = in->d;
            if (k > 0 && in->d >= 2 && unif() < 0.25) {
                if (unif() < 0.5)
                    dm2->last = (in->d + 1) / 2;
                else
                    dm2->first = in->d / 2 + 1;
            }
        }
        in->ndem = nd;
        in->earliest = 1;
        in->deadline = P;
        if (unif() < 0.2 && P - in->d + 1 >= 2) {
            int hi = P / 2 < P - in->d + 1 ? P / 2 : P - in->d + 1;
            in->earliest = irand(2, hi < 2 ? 2 : hi);
        }
        if (unif() < 0.15) {
            int lo = in->earliest + in->d - 1;
            in->deadline = lo + irand(0, P / 3);
            if (in->deadline > P)
                in->deadline = P;
        }
        in->es = in->earliest;
        in->req = -1;
        in->obj = -1;
        in->eff_u = -1;
    }

    /* Scale the demands so that their sum is T times the free capacity;
     * no single demand may exceed 60% of its unit's least free capacity
     * in a period. */
    for (round = 0; round < 4; round++) {
        work = 0;
        for (i = 0; i < N; i++)
            work += ini_work(&inis[i]);
        factor = tightness * freecap / work;
        for (i = 0; i < N; i++)
            for (k = 0; k < inis[i].ndem; k++) {
                demand_t *dm2 = &inis[i].dem[k];
                double lim = 0.6 * units[dm2->u].minfree;
                dm2->q *= factor;
                if (dm2->q > lim)
                    dm2->q = lim;
            }
    }
    for (i = 0; i < N; i++)
        for (k = 0; k < inis[i].ndem; k++) {
            demand_t *dm2 = &inis[i].dem[k];
            dm2->q = round_to(dm2->q, 2);
            if (dm2->q < 0.05)
                dm2->q = 0.05;
        }

    /* Mandatory work, placed so that it always fits: at most half of the
     * free capacity of every unit and period. */
    mload = xcalloc((size_t)U, sizeof *mload);
    for (u = 0; u < U; u++)
        mload[u] = xcalloc((size_t)P, sizeof(double));
    for (i = 0; i < N; i++) {
        ini_t *in = &inis[i];
        int halvings, placed = 0;
        if (!(unif() < f_mand))
            continue;
        for (halvings = 0; halvings < 6 && !placed; halvings++) {
            int s;
            for (s = in->earliest; s + in->d - 1 <= in->deadline && !placed;
                 s++) {
                int ok = 1;
                for (k = 0; k < in->ndem && ok; k++) {
                    demand_t *dm2 = &in->dem[k];
                    for (t = s + dm2->first - 1; t <= s + dm2->last - 1; t++)
                        if (mload[dm2->u][t - 1] + dm2->q >
                            0.5 * units[dm2->u].free[t - 1])
                            ok = 0;
                }
                if (ok) {
                    placed = 1;
                    for (k = 0; k < in->ndem; k++) {
                        demand_t *dm2 = &in->dem[k];
                        for (t = s + dm2->first - 1; t <= s + dm2->last - 1;
                             t++)
                            mload[dm2->u][t - 1] += dm2->q;
                    }
                }
            }
            if (!placed)
                for (k = 0; k < in->ndem; k++) {
                    in->dem[k].q = round_to(in->dem[k].q / 2, 2);
                    if (in->dem[k].q < 0.01)
                        in->dem[k].q = 0.01;
                }
        }
        in->mandatory = placed;
    }
    for (u = 0; u < U; u++)
        free(mload[u]);
    free(mload);

    /* Value, benefit, scores, cost, owner. */
    for (i = 0; i < N; i++) {
        ini_t *in = &inis[i];
        double fm = ini_work(in) * pscale; /* FTE-months */
        in->value = round_to(fm * lognormal(25000, 0.45), -3);
        if (in->value < 1000)
            in->value = 1000;
        if (!in->mandatory && unif() < 0.3) {
            in->benefit = round_to(0.4 * in->value / (P / 2.0), -2);
            in->value = round_to(in->value - 0.4 * in->value, -3);
        }
        if (unif() < 0.35) {
            in->obj = irand(0, NOBJ - 1);
            in->score = irand(1, 3);
        }
        if (unif() < 0.6)
            in->cost = round_to(fm * unif2(2000, 8000), -3);
        if (in->mandatory)
            units[in->dem[0].u].owned_mand_cost += in->cost;
        else
            units[in->dem[0].u].owned_opt_cost += in->cost;
    }

    /* Requires: an optional initiative needs an earlier one. */
    for (i = 1; i < N; i++) {
        ini_t *in = &inis[i];
        int tries;
        if (in->mandatory || !(unif() < f_dep))
            continue;
        for (tries = 0; tries < 10; tries++) {
            int j = irand(0, i - 1);
            int lag = unif() < 0.3 ? (step_week ? irand(1, 4) : 1) : 0;
            int es = inis[j].es + inis[j].d + lag;
            if (es < in->earliest)
                es = in->earliest;
            if (es + in->d - 1 > in->deadline)
                continue;
            in->req = j;
            in->lag = lag;
            in->es = es;
            break;
        }
    }

    /* Excludes: pairs of optional initiatives (alternatives). */
    {
        int want = (int)floor(f_exc * N + 0.5), made = 0, tries;
        for (i = 0; i < N; i++)
            inis[i].exc = xcalloc(8, sizeof(int));
        for (tries = 0; tries < want * 10 && made < want; tries++) {
            int a = irand(0, N - 1), b = irand(0, N - 1), q, bad = 0;
            if (a == b || inis[a].mandatory || inis[b].mandatory ||
                inis[a].req == b || inis[b].req == a || inis[a].nexc >= 8 ||
                inis[b].nexc >= 8)
                continue;
            for (q = 0; q < inis[a].nexc; q++)
                bad |= inis[a].exc[q] == b;
            if (bad)
                continue;
            inis[a].exc[inis[a].nexc++] = b;
            inis[b].exc[inis[b].nexc++] = a;
            made++;
        }
    }

    /* Effects on the owning unit: mostly automation (frees run work),
     * some upkeep.  The negative ones on a unit stay below half of its
     * least run work, so the effects rule always holds. */
    for (i = 0; i < N; i++) {
        ini_t *in = &inis[i];
        unit_t *un = &units[in->dem[0].u];
        double v;
        if (in->mandatory || !(unif() < f_eff))
            continue;
        if (unif() < 0.75) {
            v = -round_to(unif2(0.02, 0.06) * un->minrun, 2);
            if (v == 0 || un->negeff - v > 0.5 * un->minrun)
                continue;
            un->negeff -= v;
        } else {
            v = round_to(unif2(0.01, 0.03) * un->minrun, 2);
            if (v == 0)
                continue;
        }
        in->eff_u = in->dem[0].u;
        in->eff_v = v;
    }
    free(w);
}

/* ---- money ---- */

static void make_budgets(void)
{
    double opcost = 0, cm = 0, co = 0;
    int u, i;
    for (u = 0; u < U; u++)
        opcost += units[u].opcost;
    for (i = 0; i < N; i++) {
        if (inis[i].mandatory)
            cm += inis[i].cost;
        else
            co += inis[i].cost;
    }
    total_budget = round_to(opcost + cm + 0.8 * co / tightness, -4);
    if (total_budget < opcost + cm)
        total_budget = round_to(opcost + cm + 5000, -4);
    h1_budget = -1;
    if (P >= 4) {
        double fixed = opcost / P * (P / 2);
        h1_budget = round_to(fixed + 0.6 * (total_budget - opcost), -4);
        if (h1_budget < fixed + cm + 10000)
            h1_budget = round_to(fixed + cm + 10000, -4);
    }
    for (u = 0; u < U; u++) {
        unit_t *un = &units[u];
        double levers_cost = 0;
        int t;
        if (un->owned_opt_cost + un->owned_mand_cost <= 0 || !(unif() < 0.3))
            continue;
        for (t = 0; t < P; t++)
            levers_cost += (un->has_ot ? un->ot_max * un->cap[t] * un->ot_cost
                                       : 0) +
                           un->ctmax[t] * un->ctcost[t];
        un->budget = round_to(un->opcost + un->owned_mand_cost +
                                  0.7 * un->owned_opt_cost / tightness +
                                  0.25 * levers_cost,
                              -3);
        if (un->budget < un->opcost + un->owned_mand_cost)
            un->budget = round_to(un->opcost + un->owned_mand_cost + 1000, -3);
    }
}

/* ---- output ---- */

static char labelbuf[4][32];
static int labelk;

/* A period reference: the month label, or the index for weeks. */
static const char *per(int t)
{
    char *b = labelbuf[labelk++ & 3];
    if (step_week)
        snprintf(b, 32, "%d", t);
    else
        snprintf(b, 32, "%04d-%02d", 2027 + (t - 1) / 12, (t - 1) % 12 + 1);
    return b;
}

static void range_attrs(FILE *f, int from, int to)
{
    if (from != 1)
        fprintf(f, " from=\"%s\"", per(from));
    if (to != P)
        fprintf(f, " to=\"%s\"", per(to));
}

static void write_xml(FILE *f)
{
    int u, p, i, k, l, nmand = 0, ndep = 0;
    double freecap = 0, work = 0;
    for (u = 0; u < U; u++)
        for (k = 0; k < P; k++)
            freecap += units[u].free[k];
    for (i = 0; i < N; i++) {
        work += ini_work(&inis[i]);
        nmand += inis[i].mandatory;
        ndep += inis[i].req >= 0;
    }
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f,
            "<!--\n  Synthetic plan from benchmarks/gen (libopsalign), seed %llu:\n"
            "  %d units, %d initiatives (%d mandatory, %d with a requires "
            "link),\n  %d %s periods, density %s, levers %d.\n"
            "  Initiative demand is %s times the capacity run work leaves "
            "free.\n-->\n",
            seed, U, N, nmand, ndep, P, step_week ? "weekly" : "monthly",
            num(density), levers, num(round_to(work / freecap, 3)));
    fprintf(f, "<plan version=\"1\" name=\"synthetic-%d-%d-%d-s%llu\" "
               "currency=\"EUR\">\n",
            N, U, P, seed);
    fprintf(f, "  <horizon start=\"%s\" step=\"%s\" periods=\"%d\"/>\n",
            step_week ? "2027-W01" : "2027-01", step_week ? "week" : "month",
            P);
    fprintf(f, "  <resources>\n    <resource id=\"fte\" name=\"Staff\" "
               "measure=\"FTE\"/>\n  </resources>\n");
    fprintf(f, "  <objectives>\n");
    for (k = 0; k < NOBJ; k++)
        fprintf(f, "    <objective id=\"%s\" name=\"%s\" weight=\"%s\"/>\n",
                objectives[k].id, objectives[k].name, num(objectives[k].weight));
    fprintf(f, "  </objectives>\n  <units>\n");
    for (u = 0; u < U; u++) {
        unit_t *un = &units[u];
        fprintf(f, "    <unit id=\"%s\" name=\"%s\">\n", un->id, un->name);
        for (k = 0; k < un->ncap; k++) {
            fprintf(f, "      <capacity resource=\"fte\" value=\"%s\"",
                    num(un->capv[k].value));
            range_attrs(f, un->capv[k].from, un->capv[k].to);
            fprintf(f, "/>\n");
        }
        if (un->has_ot)
            fprintf(f, "      <overtime resource=\"fte\" max=\"%s\" cost=\"%s\"/>\n",
                    num(un->ot_max), num(un->ot_cost));
        for (k = 0; k < un->nct; k++) {
            fprintf(f, "      <contractors resource=\"fte\" max=\"%s\" cost=\"%s\"",
                    num(un->ct[k].value), num(un->ct_cost[k]));
            range_attrs(f, un->ct[k].from, un->ct[k].to);
            fprintf(f, "/>\n");
        }
        if (un->budget >= 0)
            fprintf(f, "      <budget value=\"%s\"/>\n", num(un->budget));
        fprintf(f, "    </unit>\n");
    }
    fprintf(f, "  </units>\n  <operating-plans>\n");
    for (p = 0; p < nops; p++) {
        opplan_t *o = &ops[p];
        fprintf(f, "    <operating-plan unit=\"%s\" name=\"%s\" cost=\"%s\">\n",
                units[o->unit].id, o->name, num(o->cost));
        for (k = 0; k < o->ndem; k++) {
            if (o->driver)
                fprintf(f, "      <demand resource=\"fte\" volume=\"%s\" "
                           "productivity=\"%s\"",
                        num(o->dem[k].value), num(o->productivity));
            else
                fprintf(f, "      <demand resource=\"fte\" value=\"%s\"",
                        num(o->dem[k].value));
            range_attrs(f, o->dem[k].from, o->dem[k].to);
            fprintf(f, "/>\n");
        }
        if (o->has_sl)
            fprintf(f, "      <service-level min=\"%s\" penalty=\"%s\"/>\n",
                    num(o->sl_min), num(o->sl_penalty));
        fprintf(f, "    </operating-plan>\n");
    }
    fprintf(f, "  </operating-plans>\n  <initiatives>\n");
    for (i = 0; i < N; i++) {
        ini_t *in = &inis[i];
        fprintf(f, "    <initiative id=\"%s\" name=\"%s\" owner=\"%s\" "
                   "duration=\"%d\"",
                in->id, in->name, units[in->dem[0].u].id, in->d);
        if (in->earliest != 1)
            fprintf(f, " earliest=\"%s\"", per(in->earliest));
        if (in->deadline != P)
            fprintf(f, " deadline=\"%s\"", per(in->deadline));
        fprintf(f, " value=\"%s\"", num(in->value));
        if (in->benefit > 0)
            fprintf(f, " benefit-per-period=\"%s\"", num(in->benefit));
        if (in->cost > 0)
            fprintf(f, " cost=\"%s\"", num(in->cost));
        if (in->mandatory)
            fprintf(f, " mandatory=\"true\"");
        fprintf(f, ">\n");
        for (k = 0; k < in->ndem; k++) {
            demand_t *d = &in->dem[k];
            fprintf(f, "      <demand unit=\"%s\" resource=\"fte\" value=\"%s\"",
                    units[d->u].id, num(d->q));
            if (d->first != 1)
                fprintf(f, " first=\"%d\"", d->first);
            if (d->last != in->d)
                fprintf(f, " last=\"%d\"", d->last);
            fprintf(f, "/>\n");
        }
        if (in->obj >= 0)
            fprintf(f, "      <contributes objective=\"%s\" score=\"%d\"/>\n",
                    objectives[in->obj].id, in->score);
        if (in->req >= 0) {
            fprintf(f, "      <requires initiative=\"%s\"", inis[in->req].id);
            if (in->lag)
                fprintf(f, " lag=\"%d\"", in->lag);
            fprintf(f, "/>\n");
        }
        for (k = 0; k < in->nexc; k++)
            if (in->exc[k] > i)
                fprintf(f, "      <excludes initiative=\"%s\"/>\n",
                        inis[in->exc[k]].id);
        if (in->eff_u >= 0)
            fprintf(f, "      <effect unit=\"%s\" resource=\"fte\" value=\"%s\"/>\n",
                    units[in->eff_u].id, num(in->eff_v));
        fprintf(f, "    </initiative>\n");
    }
    fprintf(f, "  </initiatives>\n");
    if (nloans > 0) {
        fprintf(f, "  <sharing>\n");
        for (l = 0; l < nloans; l++)
            fprintf(f, "    <loan from=\"%s\" to=\"%s\" resource=\"fte\" "
                       "max=\"%s\" efficiency=\"%s\" cost=\"%s\"/>\n",
                    units[loans[l].from].id, units[loans[l].to].id,
                    num(loans[l].max), num(loans[l].eff), num(loans[l].cost));
        fprintf(f, "  </sharing>\n");
    }
    fprintf(f, "  <budget total=\"%s\"", num(total_budget));
    if (h1_budget >= 0)
        fprintf(f, ">\n    <limit from=\"%s\" to=\"%s\" value=\"%s\"/>\n"
                   "  </budget>\n",
                per(1), per(P / 2), num(h1_budget));
    else
        fprintf(f, "/>\n");
    fprintf(f, "</plan>\n");
}

/* The same plan, resolved, as the data section of plan.mod. */
static void write_gmpl(FILE *f)
{
    int u, p, i, k, t, l;
    fprintf(f, "/* Data for benchmarks/plan.mod: the plan of benchmarks/gen, "
               "seed %llu, resolved. */\ndata;\n\n", seed);
    fprintf(f, "param P := %d;\n\nset U :=", P);
    for (u = 0; u < U; u++)
        fprintf(f, "%s%s", u % 10 == 0 ? "\n  " : " ", units[u].id);
    fprintf(f, ";\nset R := fte;\n\nparam cap :=\n");
    for (u = 0; u < U; u++)
        for (t = 0; t < P; t++)
            if (units[u].cap[t] != 0)
                fprintf(f, "  %s fte %d %s\n", units[u].id, t + 1,
                        num(units[u].cap[t]));
    fprintf(f, ";\n\nset OP :=");
    for (p = 0; p < nops; p++)
        fprintf(f, "%s%d", p % 20 == 0 ? "\n  " : " ", p + 1);
    fprintf(f, ";\nparam : opunit opcost opmin oppen :=\n");
    for (p = 0; p < nops; p++)
        fprintf(f, "  %d %s %s %s %s\n", p + 1, units[ops[p].unit].id,
                num(ops[p].cost), ops[p].has_sl ? num(ops[p].sl_min) : "1",
                ops[p].has_sl ? num(ops[p].sl_penalty) : "0");
    fprintf(f, ";\nparam oprun :=\n");
    for (p = 0; p < nops; p++)
        for (t = 0; t < P; t++)
            if (ops[p].run[t] != 0)
                fprintf(f, "  %d fte %d %.17g\n", p + 1, t + 1, ops[p].run[t]);
    fprintf(f, ";\n\nset O := growth customer efficiency;\nparam weight :=");
    for (k = 0; k < NOBJ; k++)
        fprintf(f, " %s %s", objectives[k].id, num(objectives[k].weight));
    fprintf(f, ";\n\nparam : I : dur earliest deadline value benefit cost "
               "mandatory owner :=\n");
    for (i = 0; i < N; i++) {
        ini_t *in = &inis[i];
        fprintf(f, "  %s %d %d %d %s %s %s %d %s\n", in->id, in->d,
                in->earliest, in->deadline, num(in->value), num(in->benefit),
                num(in->cost), in->mandatory, units[in->dem[0].u].id);
    }
    fprintf(f, ";\nparam : SC : score :=\n");
    for (i = 0; i < N; i++)
        if (inis[i].obj >= 0)
            fprintf(f, "  %s %s %d\n", inis[i].id, objectives[inis[i].obj].id,
                    inis[i].score);
    fprintf(f, ";\nset DEM :=\n");
    for (i = 0; i < N; i++)
        for (k = 0; k < inis[i].ndem; k++)
            fprintf(f, "  (%s,%s,fte)\n", inis[i].id, units[inis[i].dem[k].u].id);
    fprintf(f, ";\nparam q :=\n");
    for (i = 0; i < N; i++)
        for (k = 0; k < inis[i].ndem; k++) {
            demand_t *d = &inis[i].dem[k];
            for (t = d->first; t <= d->last; t++)
                fprintf(f, "  %s %s fte %d %s\n", inis[i].id, units[d->u].id, t,
                        num(d->q));
        }
    fprintf(f, ";\nparam : EFF : e :=\n");
    for (i = 0; i < N; i++)
        if (inis[i].eff_u >= 0)
            fprintf(f, "  %s %s fte %s\n", inis[i].id, units[inis[i].eff_u].id,
                    num(inis[i].eff_v));
    fprintf(f, ";\nparam : REQ : lag :=\n");
    for (i = 0; i < N; i++)
        if (inis[i].req >= 0)
            fprintf(f, "  %s %s %d\n", inis[i].id, inis[inis[i].req].id,
                    inis[i].lag);
    fprintf(f, ";\nset EXC :=\n");
    for (i = 0; i < N; i++)
        for (k = 0; k < inis[i].nexc; k++)
            if (inis[i].exc[k] > i)
                fprintf(f, "  (%s,%s)\n", inis[i].id, inis[inis[i].exc[k]].id);
    fprintf(f, ";\nparam : OTS : otmax otcost :=\n");
    for (u = 0; u < U; u++)
        if (units[u].has_ot)
            fprintf(f, "  %s fte %s %s\n", units[u].id, num(units[u].ot_max),
                    num(units[u].ot_cost));
    fprintf(f, ";\nparam : CTS : ctmax ctcost :=\n");
    for (u = 0; u < U; u++)
        for (t = 0; t < P; t++)
            if (units[u].ctmax[t] > 0)
                fprintf(f, "  %s fte %d %s %s\n", units[u].id, t + 1,
                        num(units[u].ctmax[t]), num(units[u].ctcost[t]));
    fprintf(f, ";\nparam : LOANS : lfrom lto lres lmax leff lcost :=\n");
    for (l = 0; l < nloans; l++)
        fprintf(f, "  %d %s %s fte %s %s %s\n", l + 1, units[loans[l].from].id,
                units[loans[l].to].id, num(loans[l].max), num(loans[l].eff),
                num(loans[l].cost));
    fprintf(f, ";\nparam total_budget := %s;\n", num(total_budget));
    fprintf(f, "param : LIM : lim_from lim_to lim_val :=\n");
    if (h1_budget >= 0)
        fprintf(f, "  1 1 %d %s\n", P / 2, num(h1_budget));
    fprintf(f, ";\nparam : UB : ubudget :=\n");
    for (u = 0; u < U; u++)
        if (units[u].budget >= 0)
            fprintf(f, "  %s %s\n", units[u].id, num(units[u].budget));
    fprintf(f, ";\n\nend;\n");
}

int main(int argc, char **argv)
{
    parse_args(argc, argv);
    seed_rng(seed);
    make_units();
    make_initiatives();
    make_budgets();
    write_xml(stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "gen: cannot write the plan\n");
        return 1;
    }
    if (gmpl_path) {
        FILE *f = fopen(gmpl_path, "w");
        if (f == NULL) {
            perror(gmpl_path);
            return 1;
        }
        write_gmpl(f);
        if (fclose(f) != 0) {
            perror(gmpl_path);
            return 1;
        }
    }
    return 0;
}
