/*
 * gen: a deterministic generator of realistic synthetic plans for the
 * benchmarks (plan XML on stdout; with --gmpl-data FILE also the data
 * section for benchmarks/plan.mod, the same plan resolved).
 *
 *   gen --initiatives N [--units U] [--periods P] [--step month|week]
 *       [--seed S] [--density D] [--dependencies F] [--levers 0|1]
 *       [--mandatory F] [--tightness T] [--excludes F] [--effects F]
 *       [--family default|tight] [--witness 0|1] [--gmpl-data FILE]
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
 *
 * The tight family (--family tight; the default family above is unchanged
 * by it) is the same plan with its mandatory work made hard to fit, and a
 * roadmap that fits known to the generator:
 *  - units belong to departments: D = U/4 departments (1 to 16), unit u in
 *    department u mod D, named after it ("sales-2": the second team of
 *    Sales); loans [levers] only between units of one department, about
 *    U/2 of them, in both directions;
 *  - the mandatory share is drawn per plan, 5-15% [--mandatory overrides
 *    it]; mandatory work is placed, at a start chosen by the generator, up
 *    to 90% of the capacity run work leaves free in every unit and period
 *    (not capped at half, never shrunk to fit: an initiative that fits at
 *    none of ten starts tried is left optional);
 *  - about 40% of the mandatory initiatives sit in requires chains of 2-4
 *    initiatives (lags 0-1 period), each member mandatory or optional at
 *    random: a mandatory member requires the optional ones before it, which
 *    makes them mandatory in effect, and optional members after the last
 *    mandatory one require it; the chain is placed as a whole (the members
 *    up to the last mandatory one must fit), one after another with 0-2
 *    periods between them;
 *  - a quarter of the other mandatory initiatives, in units with levers,
 *    need them: their demand on such a unit is set so that in some period
 *    it is over what run work and the mandatory work before it leave free,
 *    and everywhere within what overtime, contractors and loans (from the
 *    other units of the department, up to 90% of the lender's free
 *    capacity) can add; the generator books those levers;
 *  - every initiative of the known roadmap (the mandatory ones and what
 *    they require) gets a window around its start: earliest 0-3 periods
 *    before it, deadline 0-3 periods after its finish; they have no
 *    effects and no excludes; the optional requires (F_d) are drawn as in
 *    the default family among the other initiatives;
 *  - budgets as in the default family, but never below what the known
 *    roadmap spends (its initiatives' costs and the levers it books, in the
 *    total, the first half and every unit budget) plus a margin;
 *  - service levels with penalties, overtime and contractors as in the
 *    default family.
 * So every plan of the family has a roadmap.  --witness 1 writes, instead
 * of the plan, the same plan with only the known roadmap's initiatives,
 * each fixed at its start (earliest = start, deadline = finish): solving it
 * checks that the known roadmap fits (opsalign solve must find it at once).
 * The plan's comment says how much of each kind it has.  Sizes used by
 * benchmarks/families.sh: 200, 500 and 2000 initiatives over 12 months,
 * 500 over 52 weeks.
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
    /* tight family: the known roadmap, per period */
    double *used;       /* its work there, plus what it lends */
    double *covered;    /* overtime + contractors + loans received */
    double *ot_used, *ct_used;
    double kspend;      /* what its levers cost there (it pays) */
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
    int fixed;          /* in the known roadmap (tight family) */
    int start;          /* its start there; 0: not placed */
    int chained;        /* member of a requires chain (tight family) */
    int lever;          /* needs levers in the known roadmap */
} ini_t;

typedef struct {
    int from, to;
    double max, eff, cost;
    double *used;       /* tight family: lent in the known roadmap */
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
static int tight = 0;        /* --family tight */
static int witness = 0;      /* --witness 1 */
static int mand_given = 0;   /* --mandatory given */
static int ndept = 1;        /* tight family: departments */
static double *kspend_t;     /* tight family: lever spend per period */
static double **used_rows;   /* tight family: units[u].used by u */

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
            "           [--family default|tight] [--witness 0|1] "
            "[--gmpl-data FILE]\n");
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
        else if (strcmp(a, "--mandatory") == 0) {
            f_mand = arg_num(v, a);
            mand_given = 1;
        } else if (strcmp(a, "--family") == 0) {
            if (strcmp(v, "default") == 0)
                tight = 0;
            else if (strcmp(v, "tight") == 0)
                tight = 1;
            else
                usage();
        } else if (strcmp(a, "--witness") == 0)
            witness = arg_num(v, a) != 0;
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
    if (witness && !tight) {
        fprintf(stderr, "gen: --witness is for --family tight\n");
        exit(1);
    }
    if (tight) {
        ndept = U / 4;
        if (ndept < 1)
            ndept = 1;
        if (ndept > 16)
            ndept = 16;
    }
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

/* A loan from unit a to unit b, unless a == b or the pair has one: at
 * most a share in [lo, hi] of the smaller unit's staff, one of neff
 * efficiencies, a cost per unit in [clo, chi] (draws in this order). */
static void add_loan(int a, int b, double lo, double hi, const double *effs,
                     int neff, double clo, double chi)
{
    loan_t *l;
    int j;
    if (a == b)
        return;
    for (j = 0; j < nloans; j++)
        if (loans[j].from == a && loans[j].to == b)
            return;
    l = &loans[nloans++];
    l->from = a;
    l->to = b;
    l->max = round_to((units[a].base < units[b].base ? units[a].base
                                                     : units[b].base) *
                          unif2(lo, hi),
                      1);
    if (l->max < 0.5)
        l->max = 0.5;
    l->eff = effs[irand(0, neff - 1)];
    l->cost = round_to(unif2(clo, chi) * pscale, -2);
}

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
        if (tight) {
            /* Department u mod D, team u / D + 1 of it. */
            snprintf(un->id, sizeof un->id, "%s-%d", unit_names[u % ndept][0],
                     u / ndept + 1);
            snprintf(un->name, sizeof un->name, "%s %d",
                     unit_names[u % ndept][1], u / ndept + 1);
        } else if (U <= nn) {
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
    /* Tight family: loans within departments, about U/2 of them. */
    if (tight && levers && U > ndept) {
        int want = U / 2 > 1 ? U / 2 : 1, k2;
        loans = xcalloc((size_t)want, sizeof *loans);
        for (k2 = 0; k2 < want * 8 && nloans < want; k2++) {
            int a = irand(0, U - 1), b, team = U / ndept;
            static const double effs[] = {0.8, 0.9, 1};
            /* another team of a's department */
            if (U % ndept > a % ndept)
                team++;
            if (team < 2)
                continue;
            b = a % ndept + ndept * irand(0, team - 1);
            add_loan(a, b, 0.08, 0.15, effs, 3, 800, 3000);
        }
    }
    /* Loans between about U/3 pairs of units. */
    if (!tight && levers && U >= 2) {
        int want = U / 3 > 1 ? U / 3 : 1, k2;
        loans = xcalloc((size_t)want, sizeof *loans);
        for (k2 = 0; k2 < want * 4 && nloans < want; k2++) {
            int a = irand(0, U - 1), b = irand(0, U - 1);
            static const double effs[] = {0.7, 0.8, 0.9, 1};
            add_loan(a, b, 0.05, 0.1, effs, 4, 1000, 4000);
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

/* ---- the tight family: mandatory work at a known roadmap ---- */

/* What unit a can lend in period t (0-based) of the known roadmap: up to
 * 90% of its free capacity, less its own work there and what it lends. */
static double lender_spare(int a, int t)
{
    double v = 0.9 * units[a].free[t] - units[a].used[t];
    return v > 0 ? v : 0;
}

static double take(double avail, double *left)
{
    double a = avail < *left ? avail : *left;
    if (a < 0)
        a = 0;
    *left -= a;
    return a;
}

/*
 * The levers of unit u in period t (0-based) in the known roadmap: what
 * they can still add (commit = 0, need = HUGE_VAL), or book `need` of it
 * (commit = 1): overtime first, then contractors, then the loans it may
 * receive.  Returns what they add (book).  A hair under each limit, so
 * that rounding never makes the roadmap infeasible.
 */
static double lever_cover(int u, int t, double need, int commit)
{
    unit_t *un = &units[u];
    double left = need, got = 0, a;
    int l;
    if (un->has_ot) {
        a = take(0.999 * un->ot_max * un->cap[t] - un->ot_used[t], &left);
        got += a;
        if (commit && a > 0) {
            un->ot_used[t] += a;
            un->kspend += a * un->ot_cost;
            kspend_t[t] += a * un->ot_cost;
        }
    }
    a = take(0.999 * un->ctmax[t] - un->ct_used[t], &left);
    got += a;
    if (commit && a > 0) {
        un->ct_used[t] += a;
        un->kspend += a * un->ctcost[t];
        kspend_t[t] += a * un->ctcost[t];
    }
    for (l = 0; l < nloans; l++) {
        loan_t *ln = &loans[l];
        double avail, sp;
        if (ln->to != u)
            continue;
        avail = 0.999 * ln->max - ln->used[t];
        sp = lender_spare(ln->from, t);
        if (avail > sp)
            avail = sp;
        a = take(ln->eff * avail, &left);
        got += a;
        if (commit && a > 0) {
            double lend = a / ln->eff;
            ln->used[t] += lend;
            units[ln->from].used[t] += lend;
            un->kspend += lend * ln->cost;
            kspend_t[t] += lend * ln->cost;
        }
    }
    if (commit)
        un->covered[t] += got;
    return got;
}

/* Does one demand of an initiative started in s fit, on top of the known
 * roadmap and `pend` (work of the same placement not yet booked), within
 * 90% of the free capacity (plus what levers already cover there)? */
static int demand_fits(const demand_t *dm, int s, double **pend)
{
    const unit_t *un = &units[dm->u];
    int t;
    for (t = s + dm->first - 2; t <= s + dm->last - 2; t++)
        if (un->used[t] + pend[dm->u][t] + dm->q >
            0.9 * un->free[t] + un->covered[t] + 1e-9)
            return 0;
    return 1;
}

/* Adds sign times the work of an initiative started in s to arr (all its
 * demands but skip, -1: none). */
static void add_work(const ini_t *in, int s, double **arr, double sign,
                     int skip)
{
    int k, t;
    for (k = 0; k < in->ndem; k++) {
        const demand_t *dm = &in->dem[k];
        if (k == skip)
            continue;
        for (t = s + dm->first - 2; t <= s + dm->last - 2; t++)
            arr[dm->u][t] += sign * dm->q;
    }
}

/* A window around the start: earliest 0-3 periods before it, deadline
 * 0-3 periods after the finish. */
static void window_around(ini_t *in, int s)
{
    in->start = s;
    in->earliest = s - irand(0, 3);
    if (in->earliest < 1)
        in->earliest = 1;
    in->deadline = s + in->d - 1 + irand(0, 3);
    if (in->deadline > P)
        in->deadline = P;
    in->es = in->earliest;
}

/* Does unit u have a lever at all? */
static int has_levers(int u)
{
    int t, l;
    if (units[u].has_ot)
        return 1;
    for (t = 0; t < P; t++)
        if (units[u].ctmax[t] > 0)
            return 1;
    for (l = 0; l < nloans; l++)
        if (loans[l].to == u)
            return 1;
    return 0;
}

/* A random initiative not yet taken, of at most maxd periods; -1: none
 * found in 60 draws. */
static int pick_untaken(const char *taken, int maxd)
{
    int k;
    for (k = 0; k < 60; k++) {
        int i = irand(0, N - 1);
        if (!taken[i] && inis[i].d <= maxd)
            return i;
    }
    return -1;
}

/*
 * A mandatory initiative that needs levers, started in s: its demand kk
 * (on a unit with levers) is set so that in some period the unit's work
 * is over its free capacity and everywhere within what the levers can
 * add; the other demands must fit as usual.  Books it all; returns 1, or
 * 0 (nothing booked) when no such demand exists at s.
 */
static int place_lever(ini_t *in, int s, int kk, double **pend)
{
    demand_t *dm = &in->dem[kk];
    unit_t *un = &units[dm->u];
    double lo = HUGE_VAL, hi = HUGE_VAL, q;
    int k, t;
    for (k = 0; k < in->ndem; k++)
        if (k != kk && !demand_fits(&in->dem[k], s, pend))
            return 0;
    {
        /* book the other demands first: a lender may be one of them */
        double **used = used_rows;
        add_work(in, s, used, 1, kk);
        for (t = s + dm->first - 2; t <= s + dm->last - 2; t++) {
            double l = un->free[t] - un->used[t];
            double h = un->free[t] + un->covered[t] - un->used[t] +
                       lever_cover(dm->u, t, HUGE_VAL, 0);
            if (l < lo)
                lo = l;
            if (h < hi)
                hi = h;
        }
        if (lo < 0)
            lo = 0;
        q = floor((lo + unif2(0.4, 0.95) * (hi - lo)) * 100) / 100;
        if (hi - lo < 0.1 || q <= lo + 0.005 || q < 0.05 || q > hi) {
            add_work(in, s, used, -1, kk);
            return 0;
        }
        dm->q = q;
        for (t = s + dm->first - 2; t <= s + dm->last - 2; t++) {
            double excess;
            un->used[t] += q;
            excess = un->used[t] - un->free[t] - un->covered[t];
            if (excess > 0 &&
                lever_cover(dm->u, t, excess, 1) < excess - 1e-9) {
                fprintf(stderr, "gen: internal error: levers do not cover "
                                "%s in period %d\n", in->id, t + 1);
                exit(4);
            }
        }
    }
    return 1;
}

/* A standalone mandatory initiative; returns 1 when placed. */
static int place_single(int i, double **pend)
{
    ini_t *in = &inis[i];
    int tries, k, kk = -1;
    if (levers && unif() < 0.25)
        for (k = 0; k < in->ndem && kk < 0; k++)
            if (has_levers(in->dem[k].u))
                kk = k;
    for (tries = 0; tries < 10; tries++) {
        int s = irand(1, P - in->d + 1), ok = 1;
        if (kk >= 0) {
            if (!place_lever(in, s, kk, pend))
                continue;
            in->lever = 1;
        } else {
            for (k = 0; k < in->ndem && ok; k++)
                ok = demand_fits(&in->dem[k], s, pend);
            if (!ok)
                continue;
            add_work(in, s, used_rows, 1, -1);
        }
        in->mandatory = in->fixed = 1;
        window_around(in, s);
        return 1;
    }
    return 0;
}

/*
 * A requires chain of 2-4 initiatives, each mandatory or optional at
 * random (one at least mandatory), member k+1 requiring member k with a
 * lag of 0-1 period; placed one after another with 0-2 periods between
 * them.  The members up to the last mandatory one are the known
 * roadmap's and must fit.  Returns the number of mandatory members (0:
 * not placed, nothing changed).
 */
static int place_chain(char *taken, double **pend)
{
    int L = irand(2, 4), m[4], type[4], lag[4], gap[4], st[4];
    int n = 0, k, span = 0, last = -1, tries, nm = 0, slack;
    for (k = 0; k < L; k++) {
        int lg = k > 0 ? irand(0, 1) : 0, i;
        i = pick_untaken(taken, P - span - lg);
        if (i < 0)
            break;
        m[n] = i;
        lag[n] = lg;
        taken[i] = 1;
        span += lg + inis[i].d;
        n++;
    }
    for (k = 0; k < n; k++)
        taken[m[k]] = 0;
    if (n < 2)
        return 0;
    for (k = 0; k < n; k++)
        type[k] = unif() < 0.5;
    type[irand(0, n - 1)] = 1;
    for (k = 0; k < n; k++)
        if (type[k])
            last = k;
    slack = P - span;
    for (k = 0; k < n; k++) {
        gap[k] = k > 0 ? irand(0, slack < 2 ? slack : 2) : 0;
        slack -= gap[k];
        span += gap[k];
    }
    for (tries = 0; tries < 10; tries++) {
        int ok = 1, added = 0;
        st[0] = irand(1, P - span + 1);
        for (k = 1; k < n; k++)
            st[k] = st[k - 1] + inis[m[k - 1]].d + lag[k] + gap[k];
        /* the members one after another: each on top of those before */
        for (k = 0; k <= last && ok; k++) {
            int j;
            for (j = 0; j < inis[m[k]].ndem && ok; j++)
                ok = demand_fits(&inis[m[k]].dem[j], st[k], pend);
            if (ok) {
                add_work(&inis[m[k]], st[k], pend, 1, -1);
                added++;
            }
        }
        for (k = 0; k < added; k++)
            add_work(&inis[m[k]], st[k], pend, -1, -1);
        if (ok)
            break;
    }
    if (tries == 10)
        return 0;
    for (k = 0; k < n; k++) {
        ini_t *in = &inis[m[k]];
        taken[m[k]] = 1;
        in->chained = 1;
        window_around(in, st[k]);
        if (k > 0) {
            const ini_t *pr = &inis[m[k - 1]];
            in->req = m[k - 1];
            in->lag = lag[k];
            if (in->es < pr->es + pr->d + lag[k])
                in->es = pr->es + pr->d + lag[k];
        }
        if (k <= last) {
            add_work(in, st[k], used_rows, 1, -1);
            in->fixed = 1;
            in->mandatory = type[k];
            nm += type[k];
        }
    }
    return nm;
}

/* The known roadmap of the tight family: chains and single mandatory
 * initiatives until the drawn share of the initiatives is mandatory. */
static void place_tight(void)
{
    char *taken = xcalloc((size_t)N, 1);
    double **pend = xcalloc((size_t)U, sizeof *pend);
    int want = (int)floor(f_mand * N + 0.5), have = 0, tries, u, l;
    for (u = 0; u < U; u++) {
        unit_t *un = &units[u];
        pend[u] = xcalloc((size_t)P, sizeof(double));
        un->used = xcalloc((size_t)P, sizeof(double));
        un->covered = xcalloc((size_t)P, sizeof(double));
        un->ot_used = xcalloc((size_t)P, sizeof(double));
        un->ct_used = xcalloc((size_t)P, sizeof(double));
    }
    for (l = 0; l < nloans; l++)
        loans[l].used = xcalloc((size_t)P, sizeof(double));
    kspend_t = xcalloc((size_t)P, sizeof(double));
    used_rows = xcalloc((size_t)U, sizeof *used_rows);
    for (u = 0; u < U; u++)
        used_rows[u] = units[u].used;
    for (tries = 0; tries < 20 * N + 100 && have < want; tries++) {
        if (unif() < 0.3) {
            have += place_chain(taken, pend);
        } else {
            int i = pick_untaken(taken, P);
            if (i < 0)
                continue;
            taken[i] = 1; /* tried: left optional when it does not fit */
            have += place_single(i, pend);
        }
    }
    for (u = 0; u < U; u++)
        free(pend[u]);
    free(pend);
    free(taken);
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

    if (tight)
        place_tight();
    /* Mandatory work, placed so that it always fits: at most half of the
     * free capacity of every unit and period. */
    mload = xcalloc((size_t)U, sizeof *mload);
    for (u = 0; u < U; u++)
        mload[u] = xcalloc((size_t)P, sizeof(double));
    for (i = 0; i < N && !tight; i++) {
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
        in->mandatory = in->fixed = placed;
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
        if (in->fixed)
            units[in->dem[0].u].owned_mand_cost += in->cost;
        else
            units[in->dem[0].u].owned_opt_cost += in->cost;
    }

    /* Requires: an optional initiative needs an earlier one. */
    for (i = 1; i < N; i++) {
        ini_t *in = &inis[i];
        int tries;
        if (in->fixed || in->req >= 0 || !(unif() < f_dep))
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
            if (a == b || inis[a].fixed || inis[b].fixed ||
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
        if (in->fixed || !(unif() < f_eff))
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

/* v rounded up to a multiple of 10^digits. */
static double ceil_to(double v, int digits)
{
    double f = pow(10, digits);
    return ceil(v / f) * f;
}

static void make_budgets(void)
{
    double opcost = 0, cm = 0, co = 0, klever = 0, kh1 = 0;
    int u, i, t;
    for (u = 0; u < U; u++)
        opcost += units[u].opcost;
    for (i = 0; i < N; i++) {
        if (inis[i].fixed)
            cm += inis[i].cost;
        else
            co += inis[i].cost;
    }
    /* Tight family: what the known roadmap spends on levers, in all and
     * in the first half, and its initiatives' costs in the first half. */
    for (t = 0; tight && t < P; t++) {
        klever += kspend_t[t];
        if (t < P / 2)
            kh1 += kspend_t[t];
    }
    for (i = 0; tight && i < N; i++) {
        const ini_t *in = &inis[i];
        int k;
        for (k = in->start; in->fixed && k < in->start + in->d; k++)
            if (k <= P / 2)
                kh1 += in->cost / in->d;
    }
    total_budget = round_to(opcost + cm + 0.8 * co / tightness, -4);
    if (total_budget < opcost + cm)
        total_budget = round_to(opcost + cm + 5000, -4);
    if (tight && total_budget < opcost + cm + klever + 5000)
        total_budget = ceil_to(opcost + cm + klever + 5000, 4);
    h1_budget = -1;
    if (P >= 4) {
        double fixed = opcost / P * (P / 2);
        h1_budget = round_to(fixed + 0.6 * (total_budget - opcost), -4);
        if (h1_budget < fixed + cm + 10000)
            h1_budget = round_to(fixed + cm + 10000, -4);
        if (tight && h1_budget < fixed + kh1 + 10000)
            h1_budget = ceil_to(fixed + kh1 + 10000, 4);
    }
    for (u = 0; u < U; u++) {
        unit_t *un = &units[u];
        double levers_cost = 0;
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
        if (tight &&
            un->budget < un->opcost + un->owned_mand_cost + un->kspend + 1000)
            un->budget = ceil_to(un->opcost + un->owned_mand_cost +
                                     un->kspend + 1000,
                                 3);
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
    if (tight) {
        int nfix = 0, nchain = 0, nlever = 0;
        double kwork = 0;
        for (i = 0; i < N; i++) {
            nfix += inis[i].fixed;
            nchain += inis[i].chained && inis[i].req < 0;
            nlever += inis[i].lever;
            if (inis[i].fixed)
                kwork += ini_work(&inis[i]);
        }
        fprintf(f,
                "<!--\n  Synthetic plan from benchmarks/gen, family tight "
                "(libopsalign), seed %llu:\n"
                "  %d units in %d departments, %d initiatives (%d mandatory: "
                "share %s%s; %d with a requires link),\n"
                "  %d %s periods, density %s, levers %d, %d loans within "
                "departments.\n"
                "  Initiative demand is %s times the capacity run work leaves "
                "free.\n"
                "  A roadmap is known: %d initiatives (the mandatory ones and "
                "the %d optional\n  ones they require), %d requires chains, "
                "%d mandatory ones that need levers;\n"
                "  its work is %s of the free capacity.%s\n-->\n",
                seed, U, ndept, N, nmand, num(round_to(f_mand, 3)),
                mand_given ? "" : " drawn", ndep, P,
                step_week ? "weekly" : "monthly", num(density), levers, nloans,
                num(round_to(work / freecap, 3)), nfix, nfix - nmand, nchain,
                nlever, num(round_to(kwork / freecap, 3)),
                witness ? "\n  WITNESS: only the known roadmap's initiatives, "
                          "each fixed at its start."
                        : "");
        fprintf(f, "<plan version=\"1\" name=\"tight-%d-%d-%d-s%llu%s\" "
                   "currency=\"EUR\">\n",
                N, U, P, seed, witness ? "-witness" : "");
    } else {
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
    }
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
        int earliest = in->earliest, deadline = in->deadline;
        if (witness) {
            /* only the known roadmap, each at its start */
            if (!in->fixed)
                continue;
            earliest = in->start;
            deadline = in->start + in->d - 1;
        }
        fprintf(f, "    <initiative id=\"%s\" name=\"%s\" owner=\"%s\" "
                   "duration=\"%d\"",
                in->id, in->name, units[in->dem[0].u].id, in->d);
        if (earliest != 1)
            fprintf(f, " earliest=\"%s\"", per(earliest));
        if (deadline != P)
            fprintf(f, " deadline=\"%s\"", per(deadline));
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
            if (in->exc[k] > i && !witness)
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
    if (tight && !mand_given)
        f_mand = round_to(unif2(0.05, 0.15), 3);
    if (witness && gmpl_path) {
        fprintf(stderr, "gen: --witness writes no GMPL data\n");
        return 1;
    }
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
