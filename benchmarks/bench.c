/*
 * bench: the benchmark driver.  It measures libopsalign (through its
 * public API only) and the peers (glpsol, cbc) the same way: a trace of
 * (wall seconds, CPU seconds, incumbent, bound) from the start of the
 * process, and one line of results in key=value form.
 *
 *   bench solve PLAN.xml [--time-limit S] [--best V] [--trace F] [--log F]
 *               [--export F] [--flags a,b,...]
 *       reads the plan (timed), solves it with the time limit, records the
 *       progress callback (incumbent, bound) and GLPK's log, and prints
 *       the results line; --flags sets the library's tuning switches
 *       (oa_solve_opts.flags: no-heuristic, pseudocost, glpk-branching,
 *       cuts, cliques,
 *       or a number);
 *
 *   bench run --kind glpsol|cbc [--time-limit S] [--best V] [--trace F]
 *             [--log F] -- COMMAND [ARGS...]
 *       runs a peer, stamps every line it prints (wall clock, and the
 *       child's CPU time from /proc), reads incumbent and bound from its
 *       progress lines, its peak memory from wait4(), and prints the same
 *       results line (a hard kill at twice the time limit plus 30 s);
 *
 *   bench build PLAN.xml
 *       reads the plan (read and validate, timed), builds its model
 *       (oa_plan_model_size, timed) and prints one line: read_s build_s
 *       rows cols binaries nonzeros maxrss_mb (the scaling table);
 *
 *   bench metrics TRACE [--best V] [--time-limit S]
 *       prints the results line again from a trace, e.g. with the best
 *       value any solver found (time to within 1% of it).
 *
 * Keys of the results line (times in seconds from the start of the
 * process; "-" where there is nothing):
 *   solver status obj bound gap   final objective, bound and gap (%)
 *   first_s first_cpu_s           first roadmap: wall and CPU time
 *   t1_s                          first roadmap within 1% of --best
 *   gap10 gap60                   gap (%) at 10 s and at 60 s
 *   wall_s cpu_s maxrss_mb        the whole run
 *   read_s                        input read (opsalign: read + validate)
 *   export_s                      opsalign, with --export FILE: after the
 *                                 solve, oa_plan_export() of the plan
 *                                 as CPLEX LP (building the model and
 *                                 writing it: a bound on building it)
 *   translate_s                   glpsol -m: MathProg translation done
 *   lp_s                          root LP solved, branch-and-cut begins
 *
 * Gap: (bound - incumbent) / |incumbent|, GLPK's definition, for all.
 */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L

#include <opsalign.h>

#include "oracle.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- clocks ---- */

static double t_start;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall(void)
{
    return now() - t_start;
}

static double tv_sec(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

static double cpu_self(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return tv_sec(ru.ru_utime) + tv_sec(ru.ru_stime);
}

/* CPU seconds of a running (or not yet reaped) child, from /proc. */
static double cpu_of(pid_t pid)
{
    char path[64], buf[1024], *p;
    unsigned long ut = 0, st = 0;
    FILE *f;
    size_t n;
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return NAN;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* Fields after the command name "(...)": state is field 3; utime and
     * stime are fields 14 and 15. */
    p = strrchr(buf, ')');
    if (p == NULL ||
        sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
               &ut, &st) != 2)
        return NAN;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* ---- the trace ---- */

typedef struct event {
    double wall, cpu;
    int has_inc;
    double inc, bound;
} event;

typedef struct trace {
    event *ev;
    size_t n, cap;
    int has_inc;
    double inc, bound;       /* current state */
    double last_bound_wall;  /* rate limit for bound-only events */
    /* markers */
    double read_s, export_s, translate_s, lp_s, wall_s, cpu_s, maxrss_mb;
    double obj;              /* final objective reported by the solver */
    char status[64];
    char solver[64];
    double time_limit;
} trace;

static void trace_init(trace *tr, const char *solver, double time_limit)
{
    memset(tr, 0, sizeof *tr);
    tr->bound = HUGE_VAL;
    tr->read_s = tr->export_s = tr->translate_s = tr->lp_s = tr->wall_s =
        tr->cpu_s = tr->maxrss_mb = tr->obj = NAN;
    tr->last_bound_wall = -1;
    snprintf(tr->status, sizeof tr->status, "unknown");
    snprintf(tr->solver, sizeof tr->solver, "%s", solver);
    tr->time_limit = time_limit;
}

static void trace_push(trace *tr, double w, double c)
{
    event e;
    if (tr->n == tr->cap) {
        size_t cap = tr->cap ? 2 * tr->cap : 256;
        event *v = realloc(tr->ev, cap * sizeof *v);
        if (v == NULL) {
            fprintf(stderr, "bench: out of memory\n");
            exit(4);
        }
        tr->ev = v;
        tr->cap = cap;
    }
    e.wall = w;
    e.cpu = c;
    e.has_inc = tr->has_inc;
    e.inc = tr->inc;
    e.bound = tr->bound;
    tr->ev[tr->n++] = e;
}

/*
 * A new state: recorded when the incumbent changes, and when only the
 * bound moves at most ten times a second.
 */
static void trace_update(trace *tr, double w, double c, int has_inc,
                         double inc, double bound)
{
    int inc_changed;
    if (fabs(bound) >= 1e300)   /* GLPK's "no bound yet" */
        bound = HUGE_VAL;
    inc_changed = has_inc != tr->has_inc ||
                      (has_inc && inc != tr->inc);
    int bound_changed = !(bound == tr->bound) && !isnan(bound);
    if (has_inc) {
        tr->has_inc = 1;
        tr->inc = inc;
    }
    if (!isnan(bound))
        tr->bound = bound;
    if (inc_changed || (bound_changed && w - tr->last_bound_wall >= 0.1)) {
        trace_push(tr, w, c);
        if (!inc_changed)
            tr->last_bound_wall = w;
    }
}

static double gap_of(int has_inc, double inc, double bound)
{
    if (!has_inc)
        return NAN;
    if (isinf(bound))
        return HUGE_VAL;
    return fabs(bound - inc) / (fabs(inc) + DBL_EPSILON);
}

static void put_num(FILE *f, const char *key, double v, const char *fmt)
{
    fprintf(f, " %s=", key);
    if (isnan(v))
        fputs("-", f);
    else if (isinf(v))
        fputs("inf", f);
    else
        fprintf(f, fmt, v);
}

/* A gap in %: "-" when the run did not get there, "none" without a
 * roadmap then, "inf" without a bound. */
static void put_gap(FILE *f, const char *key, int reached, int has_inc,
                    double gap)
{
    fprintf(f, " %s=", key);
    if (!reached)
        fputs("-", f);
    else if (!has_inc)
        fputs("none", f);
    else if (isinf(gap))
        fputs("inf", f);
    else
        fprintf(f, "%.3f", gap * 100);
}

/* The results line. */
static void report(FILE *f, const trace *tr, const char *plan, double best)
{
    size_t k;
    double first = NAN, first_cpu = NAN, t1 = NAN, g10 = NAN, g60 = NAN;
    int h10 = 0, h60 = 0, proved;
    for (k = 0; k < tr->n; k++) {
        const event *e = &tr->ev[k];
        if (e->has_inc && isnan(first)) {
            first = e->wall;
            first_cpu = e->cpu;
        }
        if (e->has_inc && !isnan(best) && isnan(t1) &&
            e->inc >= best - 0.01 * fabs(best))
            t1 = e->wall;
        if (e->wall <= 10) {
            h10 = e->has_inc;
            g10 = gap_of(e->has_inc, e->inc, e->bound);
        }
        if (e->wall <= 60) {
            h60 = e->has_inc;
            g60 = gap_of(e->has_inc, e->inc, e->bound);
        }
    }
    /* A gap at 10 s (60 s) only if the run got there or ended with a
     * proof first. */
    proved = strcmp(tr->status, "optimal") == 0 ||
             strcmp(tr->status, "infeasible") == 0;
    fprintf(f, "solver=%s plan=%s status=%s", tr->solver, plan, tr->status);
    put_num(f, "obj", tr->has_inc ? tr->inc : NAN, "%.10g");
    put_num(f, "bound", tr->bound, "%.10g");
    put_gap(f, "gap", 1, tr->has_inc, gap_of(tr->has_inc, tr->inc, tr->bound));
    put_num(f, "first_s", first, "%.3f");
    put_num(f, "first_cpu_s", first_cpu, "%.3f");
    put_num(f, "t1_s", t1, "%.3f");
    put_gap(f, "gap10", proved || tr->wall_s >= 9.5, h10, g10);
    put_gap(f, "gap60", proved || tr->wall_s >= 59.5, h60, g60);
    put_num(f, "wall_s", tr->wall_s, "%.3f");
    put_num(f, "cpu_s", tr->cpu_s, "%.3f");
    put_num(f, "maxrss_mb", tr->maxrss_mb, "%.1f");
    put_num(f, "read_s", tr->read_s, "%.4f");
    put_num(f, "export_s", tr->export_s, "%.4f");
    put_num(f, "translate_s", tr->translate_s, "%.4f");
    put_num(f, "lp_s", tr->lp_s, "%.3f");
    put_num(f, "best", best, "%.10g");
    fprintf(f, "\n");
}

static void write_trace(const char *path, const trace *tr)
{
    FILE *f;
    size_t k;
    if (path == NULL)
        return;
    f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return;
    }
    fprintf(f, "# solver %s\n# status %s\n# time_limit %.17g\n", tr->solver,
            tr->status, tr->time_limit);
    fprintf(f, "# read_s %.17g\n# export_s %.17g\n# translate_s %.17g\n"
               "# lp_s %.17g\n# wall_s %.17g\n# cpu_s %.17g\n"
               "# maxrss_mb %.17g\n# obj %.17g\n",
            tr->read_s, tr->export_s, tr->translate_s, tr->lp_s, tr->wall_s,
            tr->cpu_s, tr->maxrss_mb, tr->obj);
    fprintf(f, "# wall cpu has_incumbent incumbent bound\n");
    for (k = 0; k < tr->n; k++)
        fprintf(f, "%.6f %.3f %d %.17g %.17g\n", tr->ev[k].wall, tr->ev[k].cpu,
                tr->ev[k].has_inc, tr->ev[k].inc, tr->ev[k].bound);
    fclose(f);
}

static int read_trace(trace *tr, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512];
    if (f == NULL) {
        perror(path);
        return -1;
    }
    trace_init(tr, "?", NAN);
    while (fgets(line, sizeof line, f)) {
        char key[64], val[48];
        if (line[0] == '#') {
            if (sscanf(line, "# %63s %47s", key, val) != 2)
                continue;
            if (strcmp(key, "solver") == 0)
                snprintf(tr->solver, sizeof tr->solver, "%s", val);
            else if (strcmp(key, "status") == 0)
                snprintf(tr->status, sizeof tr->status, "%s", val);
            else if (strcmp(key, "time_limit") == 0)
                tr->time_limit = strtod(val, NULL);
            else if (strcmp(key, "read_s") == 0)
                tr->read_s = strtod(val, NULL);
            else if (strcmp(key, "export_s") == 0)
                tr->export_s = strtod(val, NULL);
            else if (strcmp(key, "translate_s") == 0)
                tr->translate_s = strtod(val, NULL);
            else if (strcmp(key, "lp_s") == 0)
                tr->lp_s = strtod(val, NULL);
            else if (strcmp(key, "wall_s") == 0)
                tr->wall_s = strtod(val, NULL);
            else if (strcmp(key, "cpu_s") == 0)
                tr->cpu_s = strtod(val, NULL);
            else if (strcmp(key, "maxrss_mb") == 0)
                tr->maxrss_mb = strtod(val, NULL);
            else if (strcmp(key, "obj") == 0)
                tr->obj = strtod(val, NULL);
        } else {
            double w, c, inc, b;
            int h;
            if (sscanf(line, "%lf %lf %d %lf %lf", &w, &c, &h, &inc, &b) == 5) {
                tr->has_inc = h;
                tr->inc = inc;
                tr->bound = b;
                trace_push(tr, w, c);
            }
        }
    }
    fclose(f);
    return 0;
}

/* ---- options ---- */

typedef struct opts {
    double time_limit, best;
    const char *trace_path, *log_path, *kind, *plan_label, *export_path;
    const char *flags;
} opts;

static void usage(void)
{
    fprintf(stderr,
            "usage: bench solve PLAN.xml [--time-limit S] [--best V] "
            "[--trace F] [--log F]\n"
            "                   [--export F] [--flags a,b,...]\n"
            "       bench run --kind glpsol|cbc [--time-limit S] [--best V] "
            "[--trace F] [--log F]\n"
            "                 [--plan LABEL] -- COMMAND [ARGS...]\n"
            "       bench metrics TRACE [--best V] [--plan LABEL]\n"
            "       bench build PLAN.xml\n");
    exit(1);
}

/* Parses options from argv[*k]; stops at "--" or a non-option. */
static void parse_opts(opts *o, int argc, char **argv, int *k)
{
    while (*k < argc) {
        const char *a = argv[*k];
        if (strcmp(a, "--") == 0) {
            (*k)++;
            return;
        }
        if (strncmp(a, "--", 2) != 0)
            return;
        if (*k + 1 >= argc)
            usage();
        if (strcmp(a, "--time-limit") == 0)
            o->time_limit = strtod(argv[*k + 1], NULL);
        else if (strcmp(a, "--best") == 0)
            o->best = strtod(argv[*k + 1], NULL);
        else if (strcmp(a, "--trace") == 0)
            o->trace_path = argv[*k + 1];
        else if (strcmp(a, "--log") == 0)
            o->log_path = argv[*k + 1];
        else if (strcmp(a, "--kind") == 0)
            o->kind = argv[*k + 1];
        else if (strcmp(a, "--plan") == 0)
            o->plan_label = argv[*k + 1];
        else if (strcmp(a, "--export") == 0)
            o->export_path = argv[*k + 1];
        else if (strcmp(a, "--flags") == 0)
            o->flags = argv[*k + 1];
        else
            usage();
        *k += 2;
    }
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ---- GLPK's log lines (glpsol, and the library's log) ---- */

static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/*
 * "+   123: mip =   1.2e+05 <=   1.3e+05   5.1% (12; 0)", the same with
 * ">>>>>" for a new incumbent, "not found yet", "+inf", "tree is empty".
 * Returns 1 for a progress line.
 */
static int parse_glpk_progress(const char *line, int *has_inc, double *inc,
                               double *bound)
{
    const char *p = strstr(line, "mip =");
    char *end;
    if (line[0] != '+')
        return 0;
    if (p)
        p += 5;
    else if ((p = strstr(line, ">>>>>")) != NULL)
        p += 5;
    else
        return 0;
    p = skip_ws(p);
    if (strncmp(p, "not found yet", 13) == 0) {
        *has_inc = 0;
        p += 13;
    } else {
        *inc = strtod(p, &end);
        if (end == p)
            return 0;
        *has_inc = 1;
        p = end;
    }
    p = skip_ws(p);
    if (strncmp(p, "<=", 2) != 0 && strncmp(p, ">=", 2) != 0)
        return 0;
    p = skip_ws(p + 2);
    if (strncmp(p, "tree is empty", 13) == 0)
        *bound = *has_inc ? *inc : NAN;
    else if (strncmp(p, "+inf", 4) == 0)
        *bound = HUGE_VAL;
    else {
        *bound = strtod(p, &end);
        if (end == p)
            *bound = NAN;
    }
    return 1;
}

static void glpk_line(trace *tr, const char *line, double w, double c)
{
    int has_inc = 0;
    double inc = NAN, bound = NAN;
    const char *p;
    if (strstr(line, "Model has been successfully generated"))
        tr->translate_s = w;
    else if (strstr(line, "lines were read"))
        tr->read_s = w;
    else if (strstr(line, "INTEGER OPTIMAL SOLUTION FOUND")) {
        snprintf(tr->status, sizeof tr->status, "optimal");
        if (tr->has_inc)
            trace_update(tr, w, c, 1, tr->inc, tr->inc);
    } else if (strstr(line, "TIME LIMIT EXCEEDED"))
        snprintf(tr->status, sizeof tr->status, "time-limit");
    else if (strstr(line, "NO INTEGER FEASIBLE") ||
             strstr(line, "NO PRIMAL FEASIBLE"))
        snprintf(tr->status, sizeof tr->status, "infeasible");
    else if ((p = strstr(line, "Solution found by heuristic: ")) != NULL) {
        /* A roadmap from a heuristic (GLPK's rounding, or one handed in
         * through glp_ios_heur_sol): no progress line follows at once. */
        char *end;
        inc = strtod(p + 29, &end);
        if (end != p + 29 && (!tr->has_inc || inc > tr->inc))
            trace_update(tr, w, c, 1, inc, tr->bound);
    }
    else if (parse_glpk_progress(line, &has_inc, &inc, &bound)) {
        /* The first progress line comes with the first node: the root
         * LP is solved. */
        if (isnan(tr->lp_s))
            tr->lp_s = w;
        if (tr->has_inc && (!has_inc || inc <= tr->inc + 1e-9 * fabs(inc))) {
            /* Nothing newer than what is known (e.g. from the library's
             * callback, in full precision). */
            has_inc = 1;
            inc = tr->inc;
        }
        trace_update(tr, w, c, has_inc, has_inc ? inc : NAN, bound);
    }
}

/* ---- CBC's log lines (with -max its Cbc messages are negated) ---- */

static double cbc_num(const char *p, int *ok)
{
    char *end;
    double v = strtod(p, &end);
    *ok = end != p && fabs(v) < 1e49;
    return -v;
}

static void cbc_line(trace *tr, const char *line, double w, double c)
{
    const char *p;
    int ok;
    double v;
    if (strncmp(line, "Problem ", 8) == 0 && strstr(line, " rows, "))
        tr->read_s = w;
    if ((p = strstr(line, "Continuous objective value is ")) != NULL) {
        char *end;
        v = strtod(p + 30, &end);
        tr->lp_s = w;
        if (end != p + 30)
            trace_update(tr, w, c, tr->has_inc, tr->inc, v);
        return;
    }
    if ((p = strstr(line, "Integer solution of ")) != NULL) {
        v = cbc_num(p + 20, &ok);
        if (ok && (!tr->has_inc || v > tr->inc))
            trace_update(tr, w, c, 1, v, tr->bound);
    }
    if ((p = strstr(line, "Cbc0010I After ")) != NULL) {
        const char *q = strstr(p, " on tree, ");
        if (q) {
            v = cbc_num(q + 10, &ok);
            if (ok && (!tr->has_inc || v > tr->inc))
                trace_update(tr, w, c, 1, v, tr->bound);
        }
    }
    if ((p = strstr(line, "best possible ")) != NULL) {
        v = cbc_num(p + 14, &ok);
        if (ok)
            trace_update(tr, w, c, tr->has_inc, tr->inc, v);
    }
    if ((p = strstr(line, "Search completed - best objective ")) != NULL) {
        v = cbc_num(p + 34, &ok);
        snprintf(tr->status, sizeof tr->status, "optimal");
        if (ok)
            trace_update(tr, w, c, 1, v, v);
    }
    if (strstr(line, "Result - Optimal solution found")) {
        snprintf(tr->status, sizeof tr->status, "optimal");
        if (tr->has_inc)
            trace_update(tr, w, c, 1, tr->inc, tr->inc);
    } else if (strstr(line, "Result - Stopped on time"))
        snprintf(tr->status, sizeof tr->status, "time-limit");
    else if (strstr(line, "Result - Problem proven infeasible"))
        snprintf(tr->status, sizeof tr->status, "infeasible");
    if ((p = strstr(line, "Objective value:")) != NULL) {
        /* The final objective, in full precision and the user's sense
         * (the progress messages round it). */
        tr->obj = strtod(p + 16, NULL);
        if (tr->has_inc && fabs(tr->obj - tr->inc) <= 1e-6 * fabs(tr->inc) + 1)
            tr->inc = tr->obj;
    }
}

/* ---- bench solve ---- */

typedef struct solve_ctx {
    trace *tr;
    FILE *log;
    char buf[4096];
    size_t nbuf;
} solve_ctx;

static int progress_cb(const oa_progress *pr, void *data)
{
    solve_ctx *c = data;
    trace_update(c->tr, wall(), cpu_self(), pr->has_incumbent,
                 pr->has_incumbent ? pr->incumbent : NAN,
                 pr->bound);
    return 0;
}

/* GLPK's log through the library: stamp it, find the root LP's end. */
static void log_cb(const char *text, void *data)
{
    solve_ctx *c = data;
    double w = wall();
    for (; *text; text++) {
        if (*text == '\n' || c->nbuf + 1 >= sizeof c->buf) {
            c->buf[c->nbuf] = '\0';
            glpk_line(c->tr, c->buf, w, cpu_self());
            if (c->log)
                fprintf(c->log, "%.3f %s\n", w, c->buf);
            c->nbuf = 0;
        } else {
            c->buf[c->nbuf++] = *text;
        }
    }
}

/*
 * --flags a,b,...: the library's tuning switches (oa_solve_opts.flags) by
 * name, or a number.  "none" or "" leaves the defaults.
 */
static int set_flags(oa_solve_opts *so, const char *list)
{
    static const struct {
        const char *name;
        unsigned int bit;
    } names[] = {
#ifdef OA_SOLVE_NO_HEURISTIC
        {"no-heuristic", OA_SOLVE_NO_HEURISTIC},
        {"no-lns", OA_SOLVE_NO_LNS},
#endif
#ifdef OA_SOLVE_PSEUDOCOST
        {"pseudocost", OA_SOLVE_PSEUDOCOST},
#endif
#ifdef OA_SOLVE_CUTS
        {"cuts", OA_SOLVE_CUTS},
#endif
#ifdef OA_SOLVE_CLIQUES
        {"cliques", OA_SOLVE_CLIQUES},
#endif
#ifdef OA_SOLVE_NO_CUTS
        {"no-cuts", OA_SOLVE_NO_CUTS},
#endif
#ifdef OA_SOLVE_GLPK_BRANCHING
        {"glpk-branching", OA_SOLVE_GLPK_BRANCHING},
#endif
        {"none", 0}};
    unsigned int bits = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ","), k;
        int found = 0;
        char *end;
        unsigned long v = strtoul(p, &end, 0);
        if (end == p + n && n > 0) {
            bits |= (unsigned int)v;
            found = 1;
        }
        for (k = 0; k < sizeof names / sizeof names[0] && !found; k++)
            if (strlen(names[k].name) == n && strncmp(p, names[k].name, n) == 0) {
                bits |= names[k].bit;
                found = 1;
            }
        if (!found) {
            fprintf(stderr, "bench: unknown flag in %s\n", list);
            return -1;
        }
        p += n;
        if (*p == ',')
            p++;
    }
#ifdef OA_SOLVE_NO_HEURISTIC
    so->flags = bits;
#else
    if (bits) {
        fprintf(stderr, "bench: this library has no solve flags\n");
        return -1;
    }
#endif
    return 0;
}

static int cmd_solve(int argc, char **argv)
{
    opts o;
    trace tr;
    solve_ctx c;
    oa_plan *plan = NULL;
    oa_result *res = NULL;
    oa_error err;
    oa_solve_opts so = OA_SOLVE_OPTS_INIT;
    struct rusage ru;
    const char *path;
    int k = 2, rc;

    memset(&o, 0, sizeof o);
    o.time_limit = 60;
    o.best = NAN;
    if (argc < 3)
        usage();
    path = argv[k++];
    parse_opts(&o, argc, argv, &k);
    if (k != argc)
        usage();
    trace_init(&tr, "opsalign", o.time_limit);
    memset(&c, 0, sizeof c);
    c.tr = &tr;
    if (o.log_path) {
        c.log = fopen(o.log_path, "w");
        if (c.log == NULL) {
            perror(o.log_path);
            return 1;
        }
    }

    rc = oa_plan_read_file(&plan, path, NULL, &err, NULL);
    tr.read_s = wall();
    if (rc != OA_OK) {
        char msg[1024];
        oa_error_format(msg, sizeof msg, &err);
        fprintf(stderr, "bench: %s\n", msg);
        return 1;
    }
    so.time_limit = o.time_limit;
    if (o.flags && set_flags(&so, o.flags) != 0)
        return 1;
    so.verbosity = 1;
    so.log = log_cb;
    so.log_data = &c;
    so.progress = progress_cb;
    so.progress_data = &c;
    rc = oa_solve(&res, plan, &so, &err);
    if (rc != OA_OK) {
        char msg[1024];
        oa_error_format(msg, sizeof msg, &err);
        fprintf(stderr, "bench: solve failed: %s\n", msg);
        snprintf(tr.status, sizeof tr.status, "error");
    } else {
        oa_status st = oa_result_status(res);
        double w = wall(), cp = cpu_self();
        snprintf(tr.status, sizeof tr.status, "%s",
                 st == OA_STATUS_FEASIBLE ? "time-limit" : oa_status_name(st));
        if (st == OA_STATUS_OPTIMAL || st == OA_STATUS_FEASIBLE) {
            double obj = oa_result_objective(res);
            double bound = oa_result_bound(res);
            tr.obj = obj;
            /* The final word is the result's (without the tie-break). */
            tr.has_inc = 1;
            tr.inc = obj;
            tr.bound = st == OA_STATUS_OPTIMAL ? obj : bound;
            /* No bound known (NaN, or GLPK's DBL_MAX for an unsolved
             * node): none. */
            if (!(fabs(tr.bound) < 1e300))
                tr.bound = HUGE_VAL;
            trace_push(&tr, w, cp);
        }
    }
    tr.wall_s = wall();
    tr.cpu_s = cpu_self();
    getrusage(RUSAGE_SELF, &ru);
    tr.maxrss_mb = (double)ru.ru_maxrss / 1024;
    /* Every figure reported is of a roadmap the oracle accepts (checked
     * after the clock stopped). */
    if (rc == OA_OK) {
        char msg[512];
        if (oracle_check(plan, res, msg, sizeof msg) != 0) {
            fprintf(stderr, "bench: the oracle rejects the result: %s\n", msg);
            snprintf(tr.status, sizeof tr.status, "wrong");
            rc = OA_ESOLVER;
        }
    }
    if (o.export_path && rc == OA_OK) {
        double t0 = wall();
        if (oa_plan_export(plan, o.export_path, OA_EXPORT_LP, &err) == OA_OK)
            tr.export_s = wall() - t0;
    }
    if (c.log)
        fclose(c.log);
    write_trace(o.trace_path, &tr);
    report(stdout, &tr, base_name(path), o.best);
    oa_result_free(res);
    oa_plan_free(plan);
    free(tr.ev);
    return rc == OA_OK ? 0 : 4;
}

/* ---- bench run ---- */

static int cmd_run(int argc, char **argv)
{
    opts o;
    trace tr;
    int k = 2, fd[2], status = 0, is_cbc, killed = 0;
    pid_t pid;
    FILE *log = NULL;
    char buf[65536], line[8192];
    size_t nline = 0;
    double deadline, last_cpu = 0;
    struct rusage ru;

    memset(&o, 0, sizeof o);
    o.time_limit = 60;
    o.best = NAN;
    parse_opts(&o, argc, argv, &k);
    if (k >= argc || o.kind == NULL)
        usage();
    if (strcmp(o.kind, "cbc") == 0)
        is_cbc = 1;
    else if (strcmp(o.kind, "glpsol") == 0)
        is_cbc = 0;
    else
        usage();
    trace_init(&tr, o.kind, o.time_limit);
    if (o.log_path && (log = fopen(o.log_path, "w")) == NULL) {
        perror(o.log_path);
        return 1;
    }
    if (pipe(fd) != 0) {
        perror("pipe");
        return 4;
    }
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 4;
    }
    if (pid == 0) {
        setpgid(0, 0);
        dup2(fd[1], 1);
        dup2(fd[1], 2);
        close(fd[0]);
        close(fd[1]);
        execvp(argv[k], argv + k);
        fprintf(stderr, "bench: cannot run %s: %s\n", argv[k], strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid);
    close(fd[1]);
    deadline = 2 * o.time_limit + 30;
    for (;;) {
        struct pollfd pfd;
        ssize_t n, j;
        double w = wall();
        int left_ms;
        if (w > deadline) {
            /* A peer that ignores its limit: stop it, then for good. */
            kill(-pid, killed ? SIGKILL : SIGTERM);
            killed++;
            deadline = w + 5;
            snprintf(tr.status, sizeof tr.status, "killed");
        }
        left_ms = (int)((deadline - w) * 1000) + 1;
        pfd.fd = fd[0];
        pfd.events = POLLIN;
        if (poll(&pfd, 1, left_ms > 1000 ? 1000 : left_ms) <= 0)
            continue;
        n = read(fd[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        w = wall();
        {
            double cc = cpu_of(pid);
            if (!isnan(cc))
                last_cpu = cc;
        }
        for (j = 0; j < n; j++) {
            if (buf[j] == '\n' || nline + 1 >= sizeof line) {
                line[nline] = '\0';
                if (log)
                    fprintf(log, "%.3f %.2f %s\n", w, last_cpu, line);
                if (is_cbc)
                    cbc_line(&tr, line, w, last_cpu);
                else
                    glpk_line(&tr, line, w, last_cpu);
                nline = 0;
            } else if (buf[j] != '\r') {
                line[nline++] = buf[j];
            }
        }
    }
    close(fd[0]);
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    tr.wall_s = wall();
    tr.cpu_s = tv_sec(ru.ru_utime) + tv_sec(ru.ru_stime);
    tr.maxrss_mb = (double)ru.ru_maxrss / 1024;
    if (log)
        fclose(log);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        snprintf(tr.status, sizeof tr.status, "error");
    else if (WIFSIGNALED(status) && !killed)
        snprintf(tr.status, sizeof tr.status, "crashed");
    if (strcmp(tr.status, "unknown") == 0 && tr.has_inc)
        snprintf(tr.status, sizeof tr.status, "feasible");
    /* Make the end state the last event. */
    if (tr.n > 0)
        trace_push(&tr, tr.wall_s, tr.cpu_s);
    write_trace(o.trace_path, &tr);
    report(stdout, &tr, o.plan_label ? o.plan_label : base_name(argv[argc - 1]),
           o.best);
    free(tr.ev);
    return 0;
}

/* ---- bench metrics ---- */

static int cmd_metrics(int argc, char **argv)
{
    opts o;
    trace tr;
    int k = 3;
    memset(&o, 0, sizeof o);
    o.best = NAN;
    if (argc < 3)
        usage();
    parse_opts(&o, argc, argv, &k);
    if (k != argc)
        usage();
    if (read_trace(&tr, argv[2]) != 0)
        return 1;
    report(stdout, &tr, o.plan_label ? o.plan_label : base_name(argv[2]),
           o.best);
    free(tr.ev);
    return 0;
}

static int cmd_build(int argc, char **argv)
{
    oa_plan *plan = NULL;
    oa_error err;
    oa_model_size sz;
    struct rusage ru;
    double t0, t1, t2;
    char msg[1024];
    int rc;
    if (argc != 3)
        usage();
    t0 = wall();
    rc = oa_plan_read_file(&plan, argv[2], NULL, &err, NULL);
    t1 = wall();
    if (rc == OA_OK)
        rc = oa_plan_model_size(&sz, plan, &err);
    t2 = wall();
    if (rc != OA_OK) {
        oa_error_format(msg, sizeof msg, &err);
        fprintf(stderr, "bench: %s\n", msg);
        oa_plan_free(plan);
        return 1;
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("plan=%s read_s=%.4f build_s=%.4f rows=%zu cols=%zu binaries=%zu "
           "nonzeros=%zu maxrss_mb=%.1f\n", base_name(argv[2]), t1 - t0,
           t2 - t1, sz.rows, sz.columns, sz.binaries, sz.nonzeros,
           (double)ru.ru_maxrss / 1024);
    oa_plan_free(plan);
    return 0;
}

int main(int argc, char **argv)
{
    t_start = now();
    if (argc < 2)
        usage();
    if (strcmp(argv[1], "solve") == 0)
        return cmd_solve(argc, argv);
    if (strcmp(argv[1], "run") == 0)
        return cmd_run(argc, argv);
    if (strcmp(argv[1], "metrics") == 0)
        return cmd_metrics(argc, argv);
    if (strcmp(argv[1], "build") == 0)
        return cmd_build(argc, argv);
    usage();
    return 1;
}
