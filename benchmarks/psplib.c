/*
 * psplib: a PSPLIB single-mode RCPSP instance (.sm) as a plan (plan XML on
 * stdout), for the psplib family of benchmarks/families.sh.
 *
 *   psplib FILE.sm (--horizon-factor F | --horizon-offset K | --optimize F)
 *          [--best N] [--opt-file PATH] [--info]
 *
 * The instance (../shared/reference/README.md, section 3): jobs with a
 * duration, a demand on each renewable resource in every period they run,
 * and precedences (a job starts when all its predecessors have finished).
 * The plan has one unit, "project", with one resource per renewable
 * resource (R1..R4) whose capacity is the resource's availability in every
 * period, no levers, no operating plans and no budgets; one mandatory
 * initiative per job of nonzero duration ("j2".."j31" for j30: the job
 * numbers of the file), duration = the job's duration, a demand per
 * resource it uses; and, per precedence between two such jobs, a
 * <requires> (lag 0) of the successor on the predecessor.  Jobs of
 * duration 0 (the dummy source and sink, any other dummy) are left out;
 * the precedences through them are kept transitively (a job before a
 * dummy comes before every job after it).  A PSPLIB schedule that starts a
 * job at time s (0-based) runs it in periods s+1..s+d of the plan, so a
 * schedule of makespan T fits a horizon of T periods and no fewer.
 *
 * Horizon (generated monthly labels from 2027-01; at most 520 periods, the
 * format's limit), by mode, with B the best known makespan:
 *   --horizon-factor F  ceil(F * B) periods; every job mandatory: a
 *                       feasibility test (objective 0), with room for F > 1;
 *   --horizon-offset K  B + K periods: K = 0 is tight (a roadmap exists: a
 *                       schedule of makespan B is known), K = -1 with a
 *                       proven optimum B has no roadmap (when B - 1 is below
 *                       the critical path the plan is even invalid: some
 *                       start window is empty, `opsalign check` says so;
 *                       psplib warns on stderr);
 *   --optimize F        ceil(F * B) periods (at least B + 1); every job
 *                       mandatory, plus a mandatory milestone "end"
 *                       (duration 1, no demand) that requires every job
 *                       without a successor and earns a benefit of 1 per
 *                       period of the horizon left after it finishes.
 *
 * The objective of --optimize (doc/model.md: b * (P - (s + d - 1)) for an
 * initiative started in s): "end" starts at the earliest in period T + 1,
 * where T is the makespan (the last period any job runs in), and finishes
 * there, so the objective is P - (T + 1), and
 *
 *     makespan T = P - 1 - objective,   the best known objective P - 1 - B.
 *
 * (Checked on j303_2, B = 40, proven: with F = 1.5, P = 60, opsalign
 * solve finds objective 19, i.e. T = 40, and proves it optimal.)
 *
 * The best known makespan B and whether it is a proven optimum come from
 * --best N (then taken as not proven), or from the optimum file: --opt-file
 * PATH, by default j30opt.sm or optimum.csv next to FILE.sm.  j30opt.sm
 * (PSPLIB's j30 optima, Demeulemeester & Herroelen): rows "P I M t" after a
 * header, M the proven optimum of <set>P_I.sm, <set> from its "Instance
 * Set" line (or its file name: j30opt.sm -> j30).  optimum.csv (j60, j120):
 * "problem,optimum" then "j601_1.sm,77" (proven optimum), "LB..UB" or
 * "..UB" (not proven: UB is the best known makespan, LB a lower bound).
 *
 * The critical path (resources ignored) is a lower bound as well: where
 * the best known makespan equals it, it is taken as proven.
 *
 * --info prints one line instead of the plan: instance, jobs (of nonzero
 * duration), resources, cp (critical path), best, proven (1 or 0), lb (the
 * best lower bound known: the file's or the critical path, whichever is
 * larger), periods (of the plan the mode asks for), valid (0 when that
 * horizon is below the critical path).
 *
 * Malformed input is reported as FILE:LINE: message, exit status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXRES 16      /* renewable resources */
#define MAXPERIODS 520 /* the plan format's limit */

typedef struct {
    int dur;
    int dem[MAXRES];
    int nsucc, *succ;  /* job numbers, as in the file */
    int npred, *pred;  /* jobs of nonzero duration before it (derived) */
    int es;            /* earliest start, resources ignored (0-based) */
    int mark;
} job_t;

static job_t *jobs;    /* [1..njobs] */
static int njobs, nres;
static int cap[MAXRES];
static const char *sm_path;
static int sm_line;

static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "psplib: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        die("out of memory");
    return p;
}

/* ---- the .sm file ---- */

static int next_line(FILE *f, char *buf, size_t n)
{
    if (fgets(buf, (int)n, f) == NULL)
        return 0;
    sm_line++;
    if (strchr(buf, '\n') == NULL && !feof(f))
        die("%s:%d: line too long", sm_path, sm_line);
    return 1;
}

/* Whitespace-separated non-negative integers of a line; every field must
 * be one.  Returns their number (at most max). */
static int line_ints(const char *s, int *v, int max)
{
    int n = 0;
    for (;;) {
        char *end;
        long x;
        while (isspace((unsigned char)*s))
            s++;
        if (*s == '\0')
            return n;
        errno = 0;
        x = strtol(s, &end, 10);
        if (end == s || (*end != '\0' && !isspace((unsigned char)*end)) ||
            errno != 0 || x < 0 || x > 1000000000L)
            die("%s:%d: expected whole numbers", sm_path, sm_line);
        if (n == max)
            die("%s:%d: too many numbers on the line", sm_path, sm_line);
        v[n++] = (int)x;
        s = end;
    }
}

/* The number after the ':' of a header line. */
static int after_colon(const char *line)
{
    const char *c = strchr(line, ':');
    char *end;
    long v;
    if (c == NULL)
        die("%s:%d: expected \"name : number\"", sm_path, sm_line);
    v = strtol(c + 1, &end, 10);
    if (end == c + 1 || v < 0 || v > 1000000)
        die("%s:%d: expected a number after ':'", sm_path, sm_line);
    return (int)v;
}

static void read_sm(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    int *v, nv, j, have_prec = 0, have_req = 0, have_cap = 0;
    if (f == NULL)
        die("%s: %s", path, strerror(errno));
    sm_path = path;
    nres = -1;
    v = NULL;
    while (next_line(f, line, sizeof line)) {
        if (strncmp(line, "jobs (incl. supersource/sink", 28) == 0) {
            njobs = after_colon(line);
            if (njobs < 2)
                die("%s:%d: fewer than 2 jobs", path, sm_line);
            jobs = xcalloc((size_t)njobs + 1, sizeof *jobs);
            v = xcalloc((size_t)njobs + MAXRES + 8, sizeof *v);
        } else if (strstr(line, "- renewable")) {
            nres = after_colon(line);
            if (nres < 1 || nres > MAXRES)
                die("%s:%d: %d renewable resources (1 to %d supported)", path,
                    sm_line, nres, MAXRES);
        } else if (strstr(line, "- nonrenewable") ||
                   strstr(line, "- doubly constrained")) {
            if (after_colon(line) != 0)
                die("%s:%d: only renewable resources are supported", path,
                    sm_line);
        } else if (strncmp(line, "PRECEDENCE RELATIONS:", 21) == 0) {
            if (jobs == NULL)
                die("%s:%d: precedences before the number of jobs", path,
                    sm_line);
            if (!next_line(f, line, sizeof line)) /* column titles */
                break;
            for (j = 1; j <= njobs; j++) {
                if (!next_line(f, line, sizeof line))
                    die("%s:%d: the file ends in the precedences", path,
                        sm_line);
                nv = line_ints(line, v, njobs + 8);
                if (nv < 3 || v[0] != j)
                    die("%s:%d: expected the precedences of job %d", path,
                        sm_line, j);
                if (v[1] != 1)
                    die("%s:%d: job %d has %d modes (single mode only)", path,
                        sm_line, j, v[1]);
                if (v[2] != nv - 3)
                    die("%s:%d: job %d: %d successors announced, %d listed",
                        path, sm_line, j, v[2], nv - 3);
                jobs[j].nsucc = v[2];
                jobs[j].succ = xcalloc((size_t)v[2], sizeof(int));
                for (nv = 0; nv < v[2]; nv++) {
                    int s = v[3 + nv];
                    if (s < 1 || s > njobs || s == j)
                        die("%s:%d: job %d: no job %d to succeed it", path,
                            sm_line, j, s);
                    jobs[j].succ[nv] = s;
                }
            }
            have_prec = 1;
        } else if (strncmp(line, "REQUESTS/DURATIONS:", 19) == 0) {
            if (jobs == NULL || nres < 1)
                die("%s:%d: requests before the numbers of jobs and "
                    "resources",
                    path, sm_line);
            if (!next_line(f, line, sizeof line) || /* column titles */
                !next_line(f, line, sizeof line))   /* dashes */
                break;
            if (line[0] != '-')
                die("%s:%d: expected a line of dashes", path, sm_line);
            for (j = 1; j <= njobs; j++) {
                if (!next_line(f, line, sizeof line))
                    die("%s:%d: the file ends in the requests", path, sm_line);
                nv = line_ints(line, v, njobs + MAXRES + 8);
                if (nv != 3 + nres || v[0] != j || v[1] != 1)
                    die("%s:%d: expected \"%d 1 duration\" and %d requests",
                        path, sm_line, j, nres);
                jobs[j].dur = v[2];
                memcpy(jobs[j].dem, v + 3, (size_t)nres * sizeof *v);
            }
            have_req = 1;
        } else if (strncmp(line, "RESOURCEAVAILABILITIES:", 23) == 0) {
            if (nres < 1)
                die("%s:%d: availabilities before the number of resources",
                    path, sm_line);
            if (!next_line(f, line, sizeof line) || /* R 1  R 2 ... */
                !next_line(f, line, sizeof line))
                die("%s:%d: the file ends in the availabilities", path,
                    sm_line);
            if (line_ints(line, cap, MAXRES) != nres)
                die("%s:%d: expected %d availabilities", path, sm_line, nres);
            have_cap = 1;
        }
    }
    if (ferror(f))
        die("%s: %s", path, strerror(errno));
    fclose(f);
    free(v);
    if (!have_prec || !have_req || !have_cap)
        die("%s:%d: missing section: %s", path, sm_line,
            !have_prec  ? "PRECEDENCE RELATIONS"
            : !have_req ? "REQUESTS/DURATIONS"
                        : "RESOURCEAVAILABILITIES");
}

/* ---- precedences between real jobs, critical path ---- */

static int stamp;

/* Adds to s's predecessor list job p, unless already there. */
static void add_pred(int s, int p)
{
    job_t *js = &jobs[s];
    int k;
    for (k = 0; k < js->npred; k++)
        if (js->pred[k] == p)
            return;
    js->pred = realloc(js->pred, ((size_t)js->npred + 1) * sizeof(int));
    if (js->pred == NULL)
        die("out of memory");
    js->pred[js->npred++] = p;
}

/* The real jobs after j, through jobs of duration 0: each gets p as a
 * predecessor.  mark == stamp: visited for this p. */
static void link_through(int p, int j)
{
    int k;
    for (k = 0; k < jobs[j].nsucc; k++) {
        int s = jobs[j].succ[k];
        if (jobs[s].mark == stamp)
            continue;
        jobs[s].mark = stamp;
        if (jobs[s].dur > 0)
            add_pred(s, p);
        else
            link_through(p, s);
    }
}

/* Earliest starts (resources ignored) in the order of a depth-first
 * search; a cycle is an error.  state: 0 new, 1 open, 2 done. */
static int earliest(int j, int *state)
{
    int k, es = 0;
    if (state[j] == 2)
        return jobs[j].es;
    if (state[j] == 1)
        die("%s: the precedences have a cycle through job %d", sm_path, j);
    state[j] = 1;
    for (k = 0; k < jobs[j].npred; k++) {
        int p = jobs[j].pred[k];
        int f = earliest(p, state) + jobs[p].dur;
        if (f > es)
            es = f;
    }
    state[j] = 2;
    jobs[j].es = es;
    return es;
}

/* Builds the predecessor lists of the real jobs; returns the critical
 * path length. */
static int derive(void)
{
    int *state = xcalloc((size_t)njobs + 1, sizeof *state);
    int j, cp = 0;
    for (j = 1; j <= njobs; j++) {
        if (jobs[j].dur == 0)
            continue;
        stamp++;
        link_through(j, j);
    }
    for (j = 1; j <= njobs; j++)
        if (jobs[j].dur > 0 && earliest(j, state) + jobs[j].dur > cp)
            cp = jobs[j].es + jobs[j].dur;
    free(state);
    return cp;
}

/* ---- the best known makespan ---- */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Reads the best known makespan of instance `name` (e.g. "j301_1.sm")
 * from an optimum file; returns 0 when the file has no row for it. */
static int read_opt(const char *path, const char *name, int *best, int *lb,
                    int *proven)
{
    FILE *f = fopen(path, "r");
    char line[1024], set[64] = "";
    int ln = 0, csv, found = 0;
    size_t n = strlen(base_name(path));
    if (f == NULL)
        die("%s: %s", path, strerror(errno));
    csv = n >= 4 && strcmp(base_name(path) + n - 4, ".csv") == 0;
    if (!csv) {
        /* j30opt.sm -> j30, unless an "Instance Set" line says it */
        const char *b = base_name(path), *o = strstr(b, "opt");
        if (o && (size_t)(o - b) < sizeof set) {
            memcpy(set, b, (size_t)(o - b));
            set[o - b] = '\0';
        }
    }
    while (fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = '\0';
        if (csv) {
            char *comma = strchr(line, ','), *val, *dots, *end;
            long a = -1, b;
            if (ln == 1 && strncmp(line, "problem,", 8) == 0)
                continue;
            if (line[0] == '\0')
                continue;
            if (comma == NULL)
                die("%s:%d: expected \"problem,optimum\"", path, ln);
            *comma = '\0';
            if (strcmp(line, name) != 0)
                continue;
            val = comma + 1;
            dots = strstr(val, "..");
            if (dots) {
                if (dots != val) {
                    a = strtol(val, &end, 10);
                    if (end != dots || a < 0)
                        die("%s:%d: expected LB..UB", path, ln);
                }
                b = strtol(dots + 2, &end, 10);
                if (end == dots + 2 || *end != '\0' || b < 1)
                    die("%s:%d: expected LB..UB or ..UB", path, ln);
                *best = (int)b;
                *lb = (int)a;
                *proven = a == b;
            } else {
                b = strtol(val, &end, 10);
                if (end == val || *end != '\0' || b < 1)
                    die("%s:%d: expected a makespan", path, ln);
                *best = *lb = (int)b;
                *proven = 1;
            }
            found = 1;
            break;
        } else {
            int p, i, m, k;
            double t;
            char want[128], extra;
            const char *is = strstr(line, "Instance Set");
            if (is && strchr(is, ':')) {
                if (sscanf(strchr(is, ':') + 1, "%63s", set) != 1)
                    die("%s:%d: expected the instance set", path, ln);
                continue;
            }
            k = sscanf(line, "%d %d %d %lf %c", &p, &i, &m, &t, &extra);
            if (k < 3 || !isdigit((unsigned char)line[strspn(line, " \t")]))
                continue; /* header, rules */
            if (k != 4 || m < 1)
                die("%s:%d: expected \"parameter instance makespan time\"",
                    path, ln);
            snprintf(want, sizeof want, "%s%d_%d.sm", set, p, i);
            if (strcmp(want, name) == 0) {
                *best = *lb = m;
                *proven = 1;
                found = 1;
                break;
            }
        }
    }
    fclose(f);
    return found;
}

/* ---- the plan ---- */

static void write_plan(FILE *f, const char *name, int periods, int optimize,
                       const char *mode, int best, int proven, int lb,
                       const char *best_from, int cp)
{
    int j, k, r, n = 0;
    for (j = 1; j <= njobs; j++)
        n += jobs[j].dur > 0;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<!--\n  PSPLIB instance %s as a plan, from benchmarks/psplib "
               "(libopsalign):\n",
            name);
    fprintf(f, "  %d jobs, %d resources, critical path %d, best known "
               "makespan %d (%s",
            n, nres, cp, best, proven ? "proven optimum" : "not proven");
    if (!proven)
        fprintf(f, ", lower bound %d", lb);
    fprintf(f, "; %s).\n  Mode %s: %d periods, every job mandatory.\n", best_from,
            mode, periods);
    if (optimize)
        fprintf(f, "  The milestone \"end\" earns 1 per period left after it: "
                   "makespan = %d - 1 - objective;\n  the best known "
                   "objective is %d.\n",
                periods, periods - 1 - best);
    fprintf(f, "-->\n");
    fprintf(f, "<plan version=\"1\" name=\"psplib-%.*s-%s\">\n",
            (int)strcspn(name, "."), name, mode);
    fprintf(f, "  <horizon start=\"2027-01\" step=\"month\" periods=\"%d\"/>\n",
            periods);
    fprintf(f, "  <resources>\n");
    for (r = 0; r < nres; r++)
        fprintf(f, "    <resource id=\"R%d\" name=\"Renewable resource %d\"/>\n",
                r + 1, r + 1);
    fprintf(f, "  </resources>\n  <units>\n"
               "    <unit id=\"project\" name=\"Project\">\n");
    for (r = 0; r < nres; r++)
        fprintf(f, "      <capacity resource=\"R%d\" value=\"%d\"/>\n", r + 1,
                cap[r]);
    fprintf(f, "    </unit>\n  </units>\n  <initiatives>\n");
    for (j = 1; j <= njobs; j++) {
        const job_t *jb = &jobs[j];
        if (jb->dur == 0)
            continue;
        fprintf(f, "    <initiative id=\"j%d\" name=\"Job %d\" duration=\"%d\" "
                   "mandatory=\"true\">\n",
                j, j, jb->dur);
        for (r = 0; r < nres; r++)
            if (jb->dem[r] > 0)
                fprintf(f, "      <demand unit=\"project\" resource=\"R%d\" "
                           "value=\"%d\"/>\n",
                        r + 1, jb->dem[r]);
        for (k = 0; k < jb->npred; k++)
            fprintf(f, "      <requires initiative=\"j%d\"/>\n", jb->pred[k]);
        fprintf(f, "    </initiative>\n");
    }
    if (optimize) {
        /* the jobs nothing real comes after */
        int *has_succ = xcalloc((size_t)njobs + 1, sizeof *has_succ);
        for (j = 1; j <= njobs; j++)
            for (k = 0; k < jobs[j].npred; k++)
                has_succ[jobs[j].pred[k]] = 1;
        fprintf(f, "    <initiative id=\"end\" name=\"End of the project\" "
                   "duration=\"1\" benefit-per-period=\"1\" "
                   "mandatory=\"true\">\n");
        for (j = 1; j <= njobs; j++)
            if (jobs[j].dur > 0 && !has_succ[j])
                fprintf(f, "      <requires initiative=\"j%d\"/>\n", j);
        fprintf(f, "    </initiative>\n");
        free(has_succ);
    }
    fprintf(f, "  </initiatives>\n</plan>\n");
}

static void usage(void)
{
    fprintf(stderr,
            "usage: psplib FILE.sm (--horizon-factor F | --horizon-offset K "
            "| --optimize F)\n"
            "              [--best N] [--opt-file PATH] [--info]\n");
    exit(1);
}

static double arg_num(const char *s, const char *what)
{
    char *end;
    double v = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || !isfinite(v))
        die("bad %s: %s", what, s);
    return v;
}

int main(int argc, char **argv)
{
    const char *path = NULL, *opt_file = NULL, *best_from;
    char modebuf[64], optbuf[4096];
    double factor = 0;
    int kind = 0, offset = 0, best = -1, lb = -1, proven = 0, info = 0;
    int a, cp, periods, n = 0, j;

    for (a = 1; a < argc; a++) {
        const char *o = argv[a], *v = a + 1 < argc ? argv[a + 1] : NULL;
        if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0)
            usage();
        if (strcmp(o, "--info") == 0) {
            info = 1;
            continue;
        }
        if (strncmp(o, "--", 2) != 0) {
            if (path)
                usage();
            path = o;
            continue;
        }
        if (v == NULL)
            usage();
        a++;
        if (strcmp(o, "--horizon-factor") == 0 || strcmp(o, "--optimize") == 0) {
            if (kind)
                usage();
            kind = strcmp(o, "--optimize") == 0 ? 3 : 1;
            factor = arg_num(v, o);
            if (factor <= 0 || factor > 100)
                die("%s: want a factor in (0, 100]", o);
        } else if (strcmp(o, "--horizon-offset") == 0) {
            double k = arg_num(v, o);
            if (kind)
                usage();
            kind = 2;
            if (k != floor(k) || fabs(k) > 10000)
                die("%s: want a whole number", o);
            offset = (int)k;
        } else if (strcmp(o, "--best") == 0) {
            double b = arg_num(v, o);
            if (b != floor(b) || b < 1 || b > 100000)
                die("--best: want a whole number of periods");
            best = (int)b;
        } else if (strcmp(o, "--opt-file") == 0)
            opt_file = v;
        else
            usage();
    }
    if (path == NULL || kind == 0)
        usage();

    read_sm(path);
    cp = derive();
    for (j = 1; j <= njobs; j++)
        n += jobs[j].dur > 0;
    if (n == 0)
        die("%s: no job of nonzero duration", path);

    if (best > 0) {
        best_from = "given on the command line";
    } else {
        const char *name = base_name(path);
        if (opt_file == NULL) {
            /* next to the instance: j30opt.sm, else optimum.csv */
            size_t dl = (size_t)(name - path);
            FILE *t;
            snprintf(optbuf, sizeof optbuf, "%.*sj30opt.sm", (int)dl, path);
            t = fopen(optbuf, "r");
            if (t)
                fclose(t);
            else
                snprintf(optbuf, sizeof optbuf, "%.*soptimum.csv", (int)dl,
                         path);
            opt_file = optbuf;
        }
        if (!read_opt(opt_file, name, &best, &lb, &proven))
            die("%s: no row for %s (give --best N)", opt_file, name);
        best_from = base_name(opt_file);
    }
    if (best < cp)
        die("%s: best known makespan %d below the critical path %d", path,
            best, cp);
    /* The critical path is a lower bound too: a best known makespan equal
     * to it is optimal (optimum.csv's "..UB" rows may be such). */
    if (lb < cp)
        lb = cp;
    if (best == lb)
        proven = 1;

    if (kind == 2) {
        periods = best + offset;
        snprintf(modebuf, sizeof modebuf, "offset%+d", offset);
    } else {
        periods = (int)ceil(factor * best - 1e-9);
        if (kind == 3 && periods < best + 1)
            periods = best + 1;
        snprintf(modebuf, sizeof modebuf, "%s%g",
                 kind == 3 ? "optimize-x" : "factor-x", factor);
    }
    if (periods < 1 || periods > MAXPERIODS)
        die("%s: a horizon of %d periods (1 to %d allowed)", path, periods,
            MAXPERIODS);
    if (info) {
        printf("instance=%.*s jobs=%d resources=%d cp=%d best=%d proven=%d "
               "lb=%d periods=%d valid=%d\n",
               (int)strcspn(base_name(path), "."), base_name(path), n, nres,
               cp, best, proven, lb, periods, periods >= cp);
        return 0;
    }
    if (periods < cp)
        fprintf(stderr, "psplib: %s: %d periods, below the critical path %d: "
                        "the plan is invalid (an empty start window)\n",
                path, periods, cp);
    if (kind == 2 && offset < 0 && !proven)
        fprintf(stderr, "psplib: %s: the best known makespan %d is not a "
                        "proven optimum: a roadmap may exist\n",
                path, best);
    write_plan(stdout, base_name(path), periods, kind == 3, modebuf, best,
               proven, lb, best_from, cp);
    if (fflush(stdout) != 0 || ferror(stdout))
        die("cannot write the plan");
    return 0;
}
