/*
 * opsalign: the command-line face of libopsalign.  Every command is a few
 * calls of the public API; nothing here is logic a library user would
 * need.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include "args.h"
#include "cli.h"

const char *progname = "opsalign";


/* Which formats a command writes besides text and xml. */
enum { F_CSV = 1, F_XLSX = 2 };

/* --format: text, xml and, where allowed, csv and xlsx; 0 if fine. */
static int parse_format(const cli_cmd *cmd, const char *f, int allow,
                        oa_format *out)
{
    if (strcmp(f, "text") == 0)
        *out = OA_FORMAT_TEXT;
    else if (strcmp(f, "xml") == 0)
        *out = OA_FORMAT_XML;
    else if ((allow & F_CSV) && strcmp(f, "csv") == 0)
        *out = OA_FORMAT_CSV;
    else if ((allow & F_XLSX) && strcmp(f, "xlsx") == 0)
        *out = OA_FORMAT_XLSX;
    else {
        cli_usage_error(cmd, "--format takes %s, not '%s'",
                        (allow & F_XLSX) ? "text, xml, csv or xlsx"
                        : (allow & F_CSV) ? "text, xml or csv"
                                          : "text or xml",
                        f);
        return -1;
    }
    return 0;
}

/* The options several commands share: --time-limit, --work-limit,
 * --max-nonzeros (0: no cap), --gap, --format/-f (csv when allow_csv),
 * -o/--output.  Returns 1 when key c was one of them, 0 when not, -1 on
 * a usage error (printed). */
static int common_opt(const cli_parser *p, int c, oa_solve_opts *so,
                      oa_format *format, int allow, const char **out)
{
    double n;
    switch (c) {
    case K_TIME_LIMIT:
        return parse_number(p->opt, p->arg, &so->time_limit) ? -1 : 1;
    case K_WORK_LIMIT:
        return parse_number(p->opt, p->arg, &so->work_limit) ? -1 : 1;
    case K_GAP:
        return parse_gap(p->opt, p->arg, &so->gap) ? -1 : 1;
    case K_MAX_NONZEROS:
        if (parse_number(p->opt, p->arg, &n))
            return -1;
        so->max_nonzeros = n < 1 ? SIZE_MAX : (size_t)n;
        return 1;
    case K_FORMAT:
        return parse_format(p->cmd, p->arg, allow, format) ? -1 : 1;
    case K_OUTPUT:
        *out = p->arg;
        return 1;
    default:
        return 0;
    }
}

/* What a command writes: text of an object in a format, or the same
 * saved atomically to a file. */
struct output {
    int (*write)(char **out, size_t *size, const void *obj, oa_format f);
    int (*save)(const void *obj, const char *path, oa_format f,
                oa_error *err);
    /* a folder of CSV tables, or NULL */
    int (*tables)(const void *obj, const char *dir, oa_format f,
                  oa_error *err);
};
typedef struct output output;

static int w_result(char **o, size_t *n, const void *x, oa_format f)
{
    return oa_result_write(o, n, x, f);
}
static int s_result(const void *x, const char *p, oa_format f, oa_error *e)
{
    return oa_result_save(x, p, f, e);
}
static int w_explanation(char **o, size_t *n, const void *x, oa_format f)
{
    return oa_explanation_write(o, n, x, f);
}
static int s_explanation(const void *x, const char *p, oa_format f,
                         oa_error *e)
{
    return oa_explanation_save(x, p, f, e);
}
static int w_comparison(char **o, size_t *n, const void *x, oa_format f)
{
    return oa_comparison_write(o, n, x, f);
}
static int s_comparison(const void *x, const char *p, oa_format f,
                        oa_error *e)
{
    return oa_comparison_save(x, p, f, e);
}
static int t_result(const void *x, const char *d, oa_format f, oa_error *e)
{
    return oa_result_save_tables(x, d, f, e);
}
static const output out_result = { w_result, s_result, t_result };
static const output out_explanation = { w_explanation, s_explanation, NULL };
static const output out_comparison = { w_comparison, s_comparison, NULL };

/* 1 when -o names a folder: one that exists, or a path ending in '/'. */
static int is_folder(const char *path)
{
    struct stat st;
    size_t n = strlen(path);
    return (n > 0 && path[n - 1] == '/') ||
           (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Writes obj to path (atomically) or to stdout; returns the exit status
 * (status when all went well). */
static int emit(const output *how, const void *obj, const char *path,
                oa_format format, int status)
{
    oa_error err;
    char *text;
    size_t size;
    int rc;
    if (path) {
        rc = how->tables && format == OA_FORMAT_CSV && is_folder(path)
                 ? how->tables(obj, path, format, &err)
                 : how->save(obj, path, format, &err);
        if (rc != OA_OK) {
            print_error(&err);
            return cli_out_exit(rc);
        }
        return status;
    }
    rc = how->write(&text, &size, obj, format);
    if (rc != OA_OK) {
        fprintf(stderr, "%s: %s\n", progname, oa_strerror(rc));
        return cli_exit(rc, NULL);
    }
    fwrite(text, 1, size, stdout);
    oa_free(text);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write standard output: %s\n", progname,
                strerror(errno));
        return EXIT_OUTPUT;
    }
    return status;
}

void print_errors(const oa_error_list *list)
{
    size_t i;
    char buf[OA_ERROR_SOURCE_LENGTH + OA_ERROR_TEXT_LENGTH + 64];
    for (i = 0; i < oa_error_list_count(list); i++) {
        oa_error_format(buf, sizeof buf, oa_error_list_get(list, i));
        fprintf(stderr, "%s\n", buf);
    }
}

/* The -s files of a command, in command-line order. */
#define MAX_SCENARIOS 256
typedef struct scenarios {
    const char *path[MAX_SCENARIOS];
    int n;
} scenarios;

/* Takes -s FILE (key c); 1 if it was one, -1 on a usage error. */
static int take_scenario(scenarios *sc, const cli_parser *p, int c)
{
    if (c != K_SCENARIO)
        return 0;
    if (sc->n == MAX_SCENARIOS) {
        cli_usage_error(p->cmd, "at most %d scenarios", MAX_SCENARIOS);
        return -1;
    }
    sc->path[sc->n++] = p->arg;
    return 1;
}

/* The status of a parse that stopped at c: 0 (help shown) or a usage
 * error's. */
static int parse_stop(int c)
{
    return c == CLI_SHOWN_HELP ? EXIT_SOLVED : EXIT_INPUT;
}

/* Reads the scenarios and applies them to plan in order, printing every
 * error; 0 if all went well. */
static int apply_scenarios(oa_plan *plan, const scenarios *sc, int *status)
{
    oa_error_list *errs;
    int k, rc = OA_OK;
    if (sc->n == 0)
        return 0;
    if (oa_error_list_new(&errs) != OA_OK) {
        *status = EXIT_INTERNAL;
        return -1;
    }
    for (k = 0; k < sc->n && rc == OA_OK; k++) {
        oa_scenario *s = NULL;
        rc = oa_scenario_read_file(&s, sc->path[k], NULL, NULL, errs);
        if (rc == OA_OK)
            rc = oa_plan_apply_scenario(plan, s, NULL, errs);
        oa_scenario_free(s);
    }
    if (rc != OA_OK) {
        print_errors(errs);
        *status = cli_exit(rc, NULL);
    }
    oa_error_list_free(errs);
    return rc == OA_OK ? 0 : -1;
}

/* 1 if the file's root element is <scenario> (a cheap look at its
 * first element; the reader decides the rest). */
static int is_scenario_file(const char *path)
{
    char buf[4096];
    size_t n;
    const char *p;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    for (p = buf; (p = strchr(p, '<')) != NULL; p++) {
        if (p[1] == '?' || p[1] == '!')
            continue;
        return strncmp(p + 1, "scenario", 8) == 0 &&
               (p[9] == ' ' || p[9] == '>' || p[9] == '\t' || p[9] == '\n' ||
                p[9] == '\r' || p[9] == '/');
    }
    return 0;
}

static int cmd_check(int argc, char **argv)
{
    int verbose = 0, status = EXIT_SOLVED, i, k, c, first;
    oa_error_list *errs;
    char *kind;
    scenarios sc;
    cli_parser P;
    sc.n = 0;
    cli_start(&P, &cli_check, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        if (c != K_VERBOSE)
            return parse_stop(c);
        verbose = 1;
    }
    first = P.operand;
    if (first >= argc)
        return cli_usage_error(&cli_check, "no file to check");
    if (oa_error_list_new(&errs) != OA_OK) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return EXIT_INTERNAL;
    }
    /* Scenario files first: each on its own (the schema), then against
     * every plan given (the names). */
    /* Each file is looked at once: scenario or plan. */
    kind = calloc((size_t)argc + 1, 1);
    if (kind == NULL) {
        oa_error_list_free(errs);
        return EXIT_INTERNAL;
    }
    for (i = first; i < argc; i++)
        kind[i] = is_scenario_file(argv[i]) ? 2 : 1;
    for (i = first; i < argc; i++) {
        oa_scenario *s = NULL;
        int rc;
        if (kind[i] != 2)
            continue;
        oa_error_list_clear(errs);
        rc = oa_scenario_read_file(&s, argv[i], NULL, NULL, errs);
        if (rc == OA_OK) {
            if (sc.n < MAX_SCENARIOS)
                sc.path[sc.n++] = argv[i];
            if (verbose)
                printf("%s: valid scenario: %zu edit(s)\n", argv[i],
                       oa_scenario_edit_count(s));
        } else {
            print_errors(errs);
            status = cli_exit(rc, NULL);
        }
        oa_scenario_free(s);
    }
    for (i = first; i < argc; i++) {
        oa_plan *plan = NULL;
        int rc;
        if (kind[i] != 1)
            continue;
        oa_error_list_clear(errs);
        rc = oa_plan_load(&plan, argv[i], NULL, NULL, errs);
        if (rc == OA_OK) {
            if (verbose)
                printf("%s: valid plan: %zu units, %zu initiatives, %d "
                       "periods\n",
                       argv[i], oa_plan_unit_count(plan),
                       oa_plan_initiative_count(plan),
                       oa_plan_period_count(plan));
            for (k = 0; k < sc.n; k++) {
                oa_plan *copy = NULL;
                scenarios one;
                int st = EXIT_SOLVED;
                one.n = 1;
                one.path[0] = sc.path[k];
                if (oa_plan_copy(&copy, plan) != OA_OK) {
                    status = EXIT_INTERNAL;
                    break;
                }
                if (apply_scenarios(copy, &one, &st) != 0)
                    status = st;
                else if (verbose)
                    printf("%s: applies to %s\n", sc.path[k], argv[i]);
                oa_plan_free(copy);
            }
        } else {
            print_errors(errs);
            if (verbose)
                fprintf(stderr, "%s: %zu error(s)\n", argv[i],
                        oa_error_list_count(errs));
            status = cli_exit(rc, NULL);
        }
        oa_plan_free(plan);
    }
    free(kind);
    oa_error_list_free(errs);
    return status;
}

static void log_to_stderr(const char *text, void *data)
{
    (void)data;
    fputs(text, stderr);
}

/* Parses a non-negative number option; returns 0 if fine. */
int parse_number(const char *opt, const char *arg, double *out)
{
    char *end;
    double v;
    if (arg == NULL) {
        fprintf(stderr, "%s: %s needs a value\n", progname, opt);
        return -1;
    }
    v = strtod(arg, &end);
    if (end == arg || *end != '\0' || !(v >= 0) || v > OA_MAX_NUMBER) {
        /* the plan's own limit on numbers: a price may be as large */
        fprintf(stderr, "%s: %s: '%s' is not a number from 0 to %g\n",
                progname, opt, arg, OA_MAX_NUMBER);
        return -1;
    }
    *out = v;
    return 0;
}

/* Parses a relative gap, in [0, 1); returns 0 if fine. */
int parse_gap(const char *opt, const char *arg, double *out)
{
    double v;
    if (parse_number(opt, arg, &v))
        return -1;
    if (!(v < 1)) {
        fprintf(stderr, "%s: %s: '%s' is not a relative gap: it must be at "
                "least 0 and below 1 (0.05 means 5 %%)\n", progname, opt, arg);
        return -1;
    }
    *out = v;
    return 0;
}

/* Reads and validates a plan, printing every error. */
oa_plan *load_plan(const char *path, int *status)
{
    oa_plan *plan = NULL;
    oa_error_list *errs;
    int rc;
    if (oa_error_list_new(&errs) != OA_OK) {
        *status = EXIT_INTERNAL;
        return NULL;
    }
    rc = oa_plan_load(&plan, path, NULL, NULL, errs);
    if (rc != OA_OK) {
        print_errors(errs);
        *status = cli_exit(rc, NULL);
    }
    oa_error_list_free(errs);
    return plan;
}

/* load_plan, then the scenarios. */
static oa_plan *load_plan_s(const char *path, const scenarios *sc,
                            int *status)
{
    oa_plan *plan = load_plan(path, status);
    if (plan && apply_scenarios(plan, sc, status) != 0) {
        oa_plan_free(plan);
        return NULL;
    }
    return plan;
}

int cli_out_exit(int rc)
{
    return rc == OA_EIO ? EXIT_OUTPUT : cli_exit(rc, NULL);
}

int cli_exit(int rc, const oa_result *r)
{
    if ((rc == OA_OK || rc == OA_ESTATE) && r != NULL) {
        switch (oa_result_status(r)) {
        case OA_STATUS_INFEASIBLE: return EXIT_INFEASIBLE;
        case OA_STATUS_NO_SOLUTION: return EXIT_NOPLAN;
        default: return EXIT_SOLVED;
        }
    }
    switch (rc) {
    case OA_OK: return EXIT_SOLVED;
    case OA_ENOMEM:
    case OA_ESOLVER:
    case OA_EINTERNAL: return EXIT_INTERNAL;
    default: return EXIT_INPUT;
    }
}

static int cmd_solve(int argc, char **argv)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_format format = OA_FORMAT_TEXT;
    const char *path = NULL, *out = NULL, *baseline = NULL, *as_of = NULL;
    const char *actuals = NULL;
    oa_actuals *act = NULL;
    oa_plan *plan;
    oa_result *result = NULL, *base = NULL;
    oa_error err;
    scenarios sc;
    cli_parser P;
    int status = EXIT_SOLVED, rc, priced = 0, c, t;
    opts.interrupt = cli_interrupt;
    sc.n = 0;
    cli_start(&P, &cli_solve, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        t = take_scenario(&sc, &P, c);
        if (t == 0)
            t = common_opt(&P, c, &opts, &format, F_CSV | F_XLSX, &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        switch (c) {
        case K_RELAX: opts.relax = 1; break;
        case K_BASELINE: baseline = P.arg; break;
        case K_AS_OF: as_of = P.arg; break;
        case K_ACTUALS: actuals = P.arg; break;
        case K_STABILITY:
        case K_DROP_PRICE:
            if (parse_number(P.opt, P.arg, c == K_STABILITY
                                               ? &opts.stability
                                               : &opts.drop_price))
                return EXIT_INPUT;
            priced = 1;
            break;
        case K_NO_HEURISTIC: opts.flags |= OA_SOLVE_NO_HEURISTIC; break;
        case K_PSEUDOCOST: opts.flags |= OA_SOLVE_PSEUDOCOST; break;
        case K_GLPK_BRANCHING: opts.flags |= OA_SOLVE_GLPK_BRANCHING; break;
        case K_CUTS: opts.flags |= OA_SOLVE_CUTS; break;
        case K_NO_CUTS: opts.flags |= OA_SOLVE_NO_CUTS; break;
        case K_CLIQUES: opts.flags |= OA_SOLVE_CLIQUES; break;
        case K_NO_LNS: opts.flags |= OA_SOLVE_NO_LNS; break;
        case K_VERBOSE:
            opts.verbosity = 1;
            opts.log = log_to_stderr;
            break;
        default:
            return parse_stop(c);
        }
    }
    if (P.operand >= argc)
        return cli_usage_error(&cli_solve, "no plan to solve");
    if (P.operand + 1 < argc)
        return cli_usage_error(&cli_solve, "one plan at a time ('%s')",
                               argv[P.operand + 1]);
    path = argv[P.operand];
    if (format == OA_FORMAT_XLSX && out == NULL)
        return cli_usage_error(&cli_solve, "a workbook goes to a file: "
                               "--format xlsx -o FILE.xlsx");
    if ((baseline == NULL && (priced || (as_of && !actuals))) ||
        (actuals && !as_of))
        return cli_usage_error(
            &cli_solve, "%s",
            actuals && !as_of ? "--actuals needs --as-of PERIOD"
            : priced ? "--stability (or --drop-price) needs --baseline "
                       "RESULT.xml"
                     : "--as-of needs --baseline RESULT.xml or --actuals "
                       "ACTUALS.xml");
    plan = load_plan_s(path, &sc, &status);
    if (plan == NULL)
        return status;
    rc = OA_OK;
    if (baseline)
        rc = oa_result_read_file(&base, baseline, &err);
    if (rc == OA_OK && actuals) {
        /* every error of the actuals at its line, as check does */
        oa_error_list *all = NULL;
        rc = oa_error_list_new(&all);
        if (rc == OA_OK)
            rc = oa_actuals_read_file(&act, actuals, plan, NULL, &err, all);
        if (rc != OA_OK && all && oa_error_list_count(all) > 0) {
            print_errors(all);
            oa_error_list_free(all);
            oa_result_free(base);
            oa_plan_free(plan);
            return cli_exit(rc, NULL);
        }
        oa_error_list_free(all);
    }
    if (baseline || actuals) {
        opts.as_of = rc == OA_OK && as_of ? oa_plan_find_period(plan, as_of)
                                          : 0;
        if (rc == OA_OK && as_of && opts.as_of == 0) {
            fprintf(stderr, "%s solve: --as-of '%s' is not a period of the "
                    "plan\n", progname, as_of);
            oa_actuals_free(act);
            oa_result_free(base);
            oa_plan_free(plan);
            return EXIT_INPUT;
        }
        opts.baseline = base;
        opts.actuals = act;
    }
    if (rc == OA_OK)
        rc = oa_solve(&result, plan, &opts, &err);
    if (rc != OA_OK) {
        print_error(&err);
        oa_actuals_free(act);
        oa_result_free(base);
        oa_plan_free(plan);
        return cli_exit(rc, NULL);
    }
    status = emit(&out_result, result, out, format, cli_exit(OA_OK, result));
    oa_result_free(result);
    oa_actuals_free(act);
    oa_result_free(base);
    oa_plan_free(plan);
    return status;
}

void print_error(const oa_error *err)
{
    char buf[OA_ERROR_SOURCE_LENGTH + OA_ERROR_TEXT_LENGTH + 64];
    oa_error_format(buf, sizeof buf, err);
    fprintf(stderr, "%s\n", buf);
}

static int cmd_explain(int argc, char **argv)
{
    oa_explain_opts opts = OA_EXPLAIN_OPTS_INIT;
    oa_format format = OA_FORMAT_TEXT;
    const char *path = NULL, *out = NULL, *result_path = NULL;
    const char **ids;
    size_t n_ids = 0;
    oa_plan *plan;
    oa_result *base = NULL;
    oa_explanation *ex = NULL;
    oa_error err;
    scenarios sc;
    cli_parser P;
    int i, status = EXIT_SOLVED, rc, c, t;
    double v;
    opts.solve.interrupt = cli_interrupt;
    sc.n = 0;
    cli_start(&P, &cli_explain, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        t = take_scenario(&sc, &P, c);
        if (t == 0)
            t = common_opt(&P, c, &opts.solve, &format, 0, &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        switch (c) {
        case K_BOTTLENECKS:
        case K_JOBS:
            if (parse_number(P.opt, P.arg, &v))
                return EXIT_INPUT;
            if (v > 1000 || v != floor(v))
                return cli_usage_error(&cli_explain, "%s takes a whole "
                                       "number from 0 to 1000, not '%s'",
                                       P.opt, P.arg);
            if (c == K_BOTTLENECKS)
                opts.bottlenecks = (int)v;
            else
                opts.jobs = (int)v;
            break;
        case K_COLD: opts.cold = 1; break;
        case K_RESULT: result_path = P.arg; break;
        default:
            return parse_stop(c);
        }
    }
    if (P.operand >= argc)
        return cli_usage_error(&cli_explain, "no plan to explain");
    path = argv[P.operand];
    ids = calloc((size_t)argc + 1, sizeof *ids);
    if (ids == NULL)
        return EXIT_INTERNAL;
    for (i = P.operand + 1; i < argc; i++)
        ids[n_ids++] = argv[i];
    plan = load_plan_s(path, &sc, &status);
    if (plan == NULL) {
        free(ids);
        return status;
    }
    if (result_path) {
        rc = oa_result_read_file(&base, result_path, &err);
        if (rc != OA_OK) {
            print_error(&err);
            free(ids);
            oa_plan_free(plan);
            return EXIT_INPUT;
        }
    }
    /* The roadmap to explain, solved here as oa_explain would solve it,
     * so that a plan without one exits as solve does (2 infeasible, 3 no
     * roadmap in time). */
    rc = base ? OA_OK : oa_solve(&base, plan, &opts.solve, &err);
    if (rc == OA_OK)
        rc = oa_explain(&ex, plan, base, ids, n_ids, &opts, &err);
    free(ids);
    if (rc != OA_OK) {
        print_error(&err);
        status = cli_exit(rc, rc == OA_ESTATE ? base : NULL);
        /* (OA_EINVALID: a rule broken, or a result of another plan) */
        oa_plan_free(plan);
        oa_result_free(base);
        return status;
    }
    status = emit(&out_explanation, ex, out, format, status);
    oa_explanation_free(ex);
    oa_result_free(base);
    oa_plan_free(plan);
    return status;
}

/* Reads the scenarios and puts the base and each of them, solved, side by
 * side (oa_compare_scenarios, which checks every scenario against the
 * plan before it solves anything).  scs[] (sc->n) and *cmp are the
 * caller's to free.  Returns the exit status. */
static int run_comparison(oa_comparison **cmp, oa_scenario **scs,
                          const oa_plan *plan, const scenarios *sc,
                          const oa_solve_opts *opts)
{
    oa_error err;
    oa_error_list *errs = NULL;
    int k, rc, status = EXIT_SOLVED;
    *cmp = NULL;
    for (k = 0; k < sc->n; k++)
        scs[k] = NULL;
    if (oa_error_list_new(&errs) != OA_OK)
        return EXIT_INTERNAL;
    for (k = 0; k < sc->n; k++) {
        rc = oa_scenario_read_file(&scs[k], sc->path[k], NULL, NULL, errs);
        if (rc != OA_OK)
            status = cli_exit(rc, NULL);
    }
    if (status == EXIT_SOLVED) {
        rc = oa_compare_scenarios(cmp, plan,
                                  (const oa_scenario *const *)scs,
                                  (size_t)sc->n, opts, &err, errs);
        if (rc != OA_OK && oa_error_list_count(errs) == 0)
            print_error(&err);
        status = cli_exit(rc, NULL);
    }
    print_errors(errs);
    oa_error_list_free(errs);
    return status;
}

static int cmd_compare(int argc, char **argv)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_format format = OA_FORMAT_TEXT;
    const char *path = NULL, *out = NULL;
    oa_plan *plan;
    oa_scenario *scs[MAX_SCENARIOS];
    oa_comparison *cmp = NULL;
    scenarios sc;
    cli_parser P;
    int k, status = EXIT_SOLVED, c, t;
    opts.interrupt = cli_interrupt;
    sc.n = 0;
    cli_start(&P, &cli_compare, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        t = take_scenario(&sc, &P, c);
        if (t == 0)
            t = common_opt(&P, c, &opts, &format, F_CSV | F_XLSX, &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if (c != K_STABILITY && c != K_DROP_PRICE)
            return parse_stop(c);
        if (parse_number(P.opt, P.arg, c == K_STABILITY ? &opts.stability
                                                        : &opts.drop_price))
            return EXIT_INPUT;
    }
    if (P.operand >= argc)
        return cli_usage_error(&cli_compare, "no plan to compare against");
    if (P.operand + 1 < argc)
        return cli_usage_error(&cli_compare, "one plan at a time ('%s'; "
                               "scenarios come with -s)",
                               argv[P.operand + 1]);
    if (sc.n == 0)
        return cli_usage_error(&cli_compare, "no scenario to compare "
                               "(-s SCENARIO.xml)");
    if (format == OA_FORMAT_XLSX && out == NULL)
        return cli_usage_error(&cli_compare, "a workbook goes to a file: "
                               "--format xlsx -o FILE.xlsx");
    path = argv[P.operand];
    plan = load_plan(path, &status);
    if (plan == NULL)
        return status;
    status = run_comparison(&cmp, scs, plan, &sc, &opts);
    if (status == EXIT_SOLVED)
        status = emit(&out_comparison, cmp, out, format, status);
    oa_comparison_free(cmp);
    for (k = 0; k < sc.n; k++)
        oa_scenario_free(scs[k]);
    oa_plan_free(plan);
    return status;
}

/* "FROM:TO:STEPS" */
static int parse_range(const char *opt, const char *arg, double *from,
                       double *to, int *steps)
{
    char *end;
    double s;
    if (arg == NULL) {
        fprintf(stderr, "%s: %s needs FROM:TO:STEPS\n", progname, opt);
        return -1;
    }
    *from = strtod(arg, &end);
    if (end == arg || *end != ':')
        goto bad;
    arg = end + 1;
    *to = strtod(arg, &end);
    if (end == arg || *end != ':')
        goto bad;
    arg = end + 1;
    s = strtod(arg, &end);
    if (end == arg || *end != '\0' || !(s >= 1) || s > 10000 ||
        s != floor(s) || !(*from >= 0) || !(*to >= 0) || !isfinite(*from) ||
        !isfinite(*to))
        goto bad;
    *steps = (int)s;
    return 0;
bad:
    fprintf(stderr, "%s: %s: expected FROM:TO:STEPS (numbers of at least 0, "
            "STEPS a whole number from 1)\n", progname, opt);
    return -1;
}

/* 1 if id is "*" or one of ids[0..n-1], else 0 after an error that
 * names the nearest. */
static int known_id(const char *what, const char *id, const char **ids,
                    size_t n)
{
    const char *near;
    size_t k;
    if (strcmp(id, "*") == 0)
        return 1;
    for (k = 0; k < n; k++)
        if (ids[k] && strcmp(ids[k], id) == 0)
            return 1;
    near = oa_suggest(id, ids, n);
    cli_usage_error(&cli_sweep, "--capacity: unknown %s '%s'%s%s%s", what,
                    id, near ? " (did you mean '" : "", near ? near : "",
                    near ? "'?)" : "");
    return 0;
}

/* 1 if unit and resource ("*": any) are the plan's, else 0 after an
 * error. */
static int known_ids(const oa_plan *plan, const char *unit,
                     const char *resource)
{
    size_t n = oa_plan_unit_count(plan), m = oa_plan_resource_count(plan);
    const char **ids = calloc(n + m + 1, sizeof *ids);
    size_t k;
    int ok;
    if (ids == NULL)
        return 0;
    for (k = 0; k < n; k++)
        ids[k] = oa_unit_id(oa_plan_unit(plan, k));
    for (k = 0; k < m; k++) {
        oa_resource_info ri;
        ids[n + k] = oa_plan_resource(&ri, plan, k) == OA_OK ? ri.id : NULL;
    }
    ok = known_id("unit", unit, ids, n) &&
         known_id("resource", resource, ids + n, m);
    free(ids);
    return ok;
}

static int cmd_sweep(int argc, char **argv)
{
    oa_sweep_opts o = OA_SWEEP_OPTS_INIT;
    const char *path = NULL, *csv = NULL, *svg = NULL;
    oa_plan *plan;
    oa_sweep *sw = NULL;
    oa_error err;
    char target[256];
    cli_parser P;
    int have = 0, status = EXIT_SOLVED, rc, c;
    o.solve.interrupt = cli_interrupt;
    cli_start(&P, &cli_sweep, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        const char *v = P.arg, *none = NULL;
        oa_format unused;
        /* the limits (sweep has no --format or -o) */
        int t = common_opt(&P, c, &o.solve, &unused, 0, &none);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        switch (c) {
        case K_BUDGET_TOTAL:
            o.kind = OA_SWEEP_BUDGET_TOTAL;
            if (parse_range(P.opt, v, &o.from, &o.to, &o.steps))
                return EXIT_INPUT;
            have = 1;
            break;
        case K_CAPACITY: {
            /* UNIT:RESOURCE:FROM:TO:STEPS */
            const char *c1 = strchr(v, ':'), *c2 = c1 ? strchr(c1 + 1, ':')
                                                      : NULL;
            if (!c1 || !c2 || c1 == v || c2 == c1 + 1 ||
                (size_t)(c2 - v) >= sizeof target)
                return cli_usage_error(&cli_sweep, "--capacity takes "
                                       "UNIT:RESOURCE:FROM:TO:STEPS (* for "
                                       "all), not '%s'", v);
            memcpy(target, v, (size_t)(c2 - v));
            target[c2 - v] = '\0';
            target[c1 - v] = '\0';
            o.kind = OA_SWEEP_CAPACITY;
            o.unit = target;
            o.resource = target + (c1 - v) + 1;
            if (parse_range(P.opt, c2 + 1, &o.from, &o.to, &o.steps))
                return EXIT_INPUT;
            have = 1;
            break;
        }
        case K_CSV: csv = v; break;
        case K_SVG: svg = v; break;
        default:
            return parse_stop(c);
        }
    }
    if (P.operand >= argc)
        return cli_usage_error(&cli_sweep, "no plan to sweep");
    if (P.operand + 1 < argc)
        return cli_usage_error(&cli_sweep, "one plan at a time ('%s')",
                               argv[P.operand + 1]);
    if (!have)
        return cli_usage_error(&cli_sweep, "nothing to sweep: "
                               "--budget-total or --capacity");
    path = argv[P.operand];
    plan = load_plan(path, &status);
    if (plan == NULL)
        return status;
    if (o.kind == OA_SWEEP_CAPACITY && !known_ids(plan, o.unit, o.resource)) {
        oa_plan_free(plan);
        return EXIT_INPUT;
    }
    rc = oa_sweep_run(&sw, plan, &o, &err);
    if (rc != OA_OK) {
        print_error(&err);
        oa_plan_free(plan);
        return cli_exit(rc, NULL);
    }
    if (csv)
        rc = oa_sweep_save(sw, csv, OA_FORMAT_CSV, &err);
    if (rc == OA_OK && svg)
        rc = oa_sweep_save(sw, svg, OA_FORMAT_SVG, &err);
    if (rc == OA_OK && !csv && !svg) {
        char *text;
        size_t size;
        rc = oa_sweep_write(&text, &size, sw, OA_FORMAT_CSV);
        if (rc == OA_OK) {
            fwrite(text, 1, size, stdout);
            oa_free(text);
        }
    }
    if (rc != OA_OK) {
        print_error(&err);
        status = cli_out_exit(rc);
    }
    oa_sweep_free(sw);
    oa_plan_free(plan);
    return status;
}

/* What people and brief share: a plan, scenarios, solve options, one
 * option of their own (--person, --unit), then solve and assign. */
typedef struct pfront {
    oa_solve_opts opts;
    oa_assign_opts ao;
    oa_format format;
    const char *path, *out, *extra;
    scenarios sc;
} pfront;

/* 0 if the arguments are fine (else the exit status to return, 0 too
 * after --help: *help set). */
static int pfront_parse(pfront *f, const cli_cmd *cmd, int extra_key,
                        int allow_csv, int argc, char **argv, int *help)
{
    oa_solve_opts so = OA_SOLVE_OPTS_INIT;
    oa_assign_opts ao = OA_ASSIGN_OPTS_INIT;
    cli_parser P;
    int c, t;
    memset(f, 0, sizeof *f);
    *help = 0;
    f->opts = so;
    f->opts.interrupt = cli_interrupt;
    f->ao = ao;
    f->format = OA_FORMAT_TEXT;
    cli_start(&P, cmd, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        t = take_scenario(&f->sc, &P, c);
        if (t == 0)
            t = common_opt(&P, c, &f->opts, &f->format, allow_csv, &f->out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if (c != extra_key) {
            *help = c == CLI_SHOWN_HELP;
            return parse_stop(c);
        }
        f->extra = P.arg;
    }
    if (P.operand >= argc)
        return cli_usage_error(cmd, "no plan");
    if (P.operand + 1 < argc)
        return cli_usage_error(cmd, "one plan at a time ('%s')",
                               argv[P.operand + 1]);
    f->path = argv[P.operand];
    if (f->opts.time_limit > 0)
        f->ao.time_limit = f->opts.time_limit;
    return 0;
}

/* Loads the plan with its scenarios, solves it and (when people or the
 * roster asks for it) assigns the people; prints any error.  Returns the
 * exit status; *plan, *res, *as are for the caller to free. */
static int pfront_run(pfront *f, oa_plan **plan, oa_result **res,
                      oa_assignment **as, int always_assign)
{
    oa_error err;
    int status = EXIT_SOLVED, rc;
    *res = NULL;
    *as = NULL;
    *plan = load_plan_s(f->path, &f->sc, &status);
    if (*plan == NULL)
        return status;
    rc = oa_solve(res, *plan, &f->opts, &err);
    if (rc == OA_OK && (always_assign || oa_plan_person_count(*plan) > 0))
        rc = oa_assign(as, *plan, *res, &f->ao, &err);
    if (rc == OA_OK)
        return EXIT_SOLVED;
    print_error(&err);
    return cli_exit(rc, *res);
}

static int pfront_finish(int status, char *text, size_t size, oa_plan *plan,
                         oa_result *res, oa_assignment *as)
{
    if (text) {
        fwrite(text, 1, size, stdout);
        oa_free(text);
    }
    oa_assignment_free(as);
    oa_result_free(res);
    oa_plan_free(plan);
    return status;
}

static int cmd_people(int argc, char **argv)
{
    pfront f;
    oa_plan *plan;
    oa_result *res;
    oa_assignment *as;
    char *text = NULL;
    size_t size = 0;
    int help, rc;
    int status = pfront_parse(&f, &cli_people, K_PERSON, 1, argc, argv,
                              &help);
    oa_error err;
    if (status != 0 || help)
        return status;
    status = pfront_run(&f, &plan, &res, &as, 1);
    if (status == EXIT_SOLVED) {
        rc = f.out ? oa_assignment_save(as, f.out, f.extra, f.format, &err)
                   : oa_assignment_write(&text, &size, as, f.extra, f.format);
        if (rc == OA_EIO) {
            print_error(&err);
            status = EXIT_OUTPUT;
        } else if (rc == OA_ENOTFOUND) {
            fprintf(stderr, "%s: no person '%s' in the plan\n", f.path,
                    f.extra);
            status = EXIT_INPUT;
        } else if (rc != OA_OK) {
            fprintf(stderr, "%s: %s\n", progname, oa_strerror(rc));
            status = cli_exit(rc, NULL);
        }
    }
    return pfront_finish(status, text, size, plan, res, as);
}

static int cmd_brief(int argc, char **argv)
{
    pfront f;
    oa_plan *plan;
    oa_result *res;
    oa_assignment *as;
    oa_error err;
    char *text = NULL;
    size_t size = 0;
    int help, rc;
    int status = pfront_parse(&f, &cli_brief, K_UNIT, 0, argc, argv, &help);
    if (status == 0 && !help && f.extra == NULL)
        status = cli_usage_error(&cli_brief, "which unit? (--unit ID)");
    if (status != 0 || help)
        return status;
    status = pfront_run(&f, &plan, &res, &as, 0);
    if (status == EXIT_SOLVED) {
        rc = f.out ? oa_brief_save(plan, res, as, f.extra, f.out, f.format,
                                   &err)
                   : oa_brief_write(&text, &size, plan, res, as, f.extra,
                                    f.format, &err);
        if (rc != OA_OK) {
            print_error(&err);
            status = cli_out_exit(rc);
        }
    }
    return pfront_finish(status, text, size, plan, res, as);
}

static int cmd_report(int argc, char **argv)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_report_opts ro = OA_REPORT_OPTS_INIT;
    oa_explain_opts eo = OA_EXPLAIN_OPTS_INIT;
    oa_format format = OA_FORMAT_TEXT;
    const char *path = NULL, *out = NULL, *result_path = NULL;
    oa_plan *plan = NULL;
    oa_result *res = NULL;
    oa_explanation *ex = NULL;
    oa_comparison *cmp = NULL;
    const oa_result *shown;
    oa_scenario *scs[MAX_SCENARIOS];
    oa_sweep *sw = NULL;
    oa_sweep_opts swo = OA_SWEEP_OPTS_INIT;
    oa_error err;
    scenarios sc;
    cli_parser P;
    int k, status = EXIT_SOLVED, rc = OA_OK, explain = 0, compare = 0;
    int sweep = 0, c, t;
    opts.interrupt = cli_interrupt;
    eo.solve.interrupt = cli_interrupt;
    sc.n = 0;
    cli_start(&P, &cli_report, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        t = take_scenario(&sc, &P, c);
        if (t == 0)
            t = common_opt(&P, c, &opts, &format, 0, &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        switch (c) {
        case K_RESULT: result_path = P.arg; break;
        case K_EXPLAIN: explain = 1; break;
        case K_COMPARE: compare = 1; break;
        case K_SWEEP_BUDGET:
            if (parse_range(P.opt, P.arg, &swo.from, &swo.to, &swo.steps))
                return EXIT_INPUT;
            sweep = 1;
            break;
        default:
            return parse_stop(c);
        }
    }
    if (P.operand + 1 < argc)
        return cli_usage_error(&cli_report, "one plan at a time ('%s')",
                               argv[P.operand + 1]);
    if (P.operand < argc)
        path = argv[P.operand];
    if (path == NULL && result_path == NULL)
        return cli_usage_error(&cli_report, "a plan or a result "
                               "(-r RESULT.xml) to report");
    if (out == NULL)
        return cli_usage_error(&cli_report, "where to? (-o REPORT.html)");
    if ((explain || sweep || compare) && path == NULL)
        return cli_usage_error(&cli_report, "--explain, --compare and "
                               "--sweep-budget need the plan");
    if (compare && (sc.n == 0 || result_path))
        return cli_usage_error(&cli_report, "--compare needs scenarios "
                               "(-s) and no -r");
    if (path) {
        /* with --compare the scenarios go side by side, not into the plan */
        scenarios none;
        none.n = 0;
        plan = load_plan_s(path, compare ? &none : &sc, &status);
        if (plan == NULL)
            return status;
    }
    if (compare) {
        status = run_comparison(&cmp, scs, plan, &sc, &opts);
        ro.comparison = cmp;
        if (status != EXIT_SOLVED)
            goto done;
    }
    if (sweep) {
        swo.solve = opts; /* limits, gap, work limit, interrupt */
        rc = oa_sweep_run(&sw, plan, &swo, &err);
        ro.sweep = sw;
    }
    /* The report's roadmap: the file given, the comparison's base, or a
     * solve of the plan. */
    if (rc == OA_OK && result_path)
        rc = oa_result_read_file(&res, result_path, &err);
    else if (rc == OA_OK && !compare)
        rc = oa_solve(&res, plan, &opts, &err);
    shown = compare ? oa_comparison_result(cmp, 0) : res;
    if (rc == OA_OK && explain && (oa_result_status(shown) == OA_STATUS_OPTIMAL ||
                                   oa_result_status(shown) == OA_STATUS_FEASIBLE)) {
        if (opts.time_limit > 0)
            eo.solve.time_limit = opts.time_limit;
        eo.solve.work_limit = opts.work_limit;
        rc = oa_explain(&ex, plan, shown, NULL, 0, &eo, &err);
        ro.explanation = ex;
    }
    if (rc == OA_OK)
        rc = oa_report_save(shown, out, &ro, &err);
    if (rc != OA_OK) {
        print_error(&err);
        status = cli_out_exit(rc);
    } else {
        status = cli_exit(OA_OK, shown);
    }
done:
    oa_explanation_free(ex);
    oa_comparison_free(cmp);
    for (k = 0; compare && k < sc.n; k++)
        oa_scenario_free(scs[k]);
    oa_sweep_free(sw);
    oa_result_free(res);
    oa_plan_free(plan);
    return status;
}

static int cmd_export(int argc, char **argv)
{
    const char *path = NULL, *out = NULL;
    int format = -1, status = EXIT_SOLVED, rc, c;
    oa_plan *plan;
    oa_error err;
    cli_parser P;
    cli_start(&P, &cli_export, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        if (c != K_LP && c != K_MPS)
            return parse_stop(c);
        format = c == K_LP ? OA_EXPORT_LP : OA_EXPORT_MPS;
    }
    if (argc - P.operand != 2)
        return cli_usage_error(&cli_export, "a plan and a file to write, "
                               "PLAN.xml FILE");
    if (format < 0)
        return cli_usage_error(&cli_export, "which format? (--lp or --mps)");
    path = argv[P.operand];
    out = argv[P.operand + 1];
    plan = load_plan(path, &status);
    if (plan == NULL)
        return status;
    rc = oa_plan_export(plan, out, (oa_export_format)format, &err);
    if (rc != OA_OK) {
        char buf[OA_ERROR_SOURCE_LENGTH + OA_ERROR_TEXT_LENGTH + 64];
        oa_error_format(buf, sizeof buf, &err);
        fprintf(stderr, "%s\n", buf);
        status = cli_exit(rc, NULL);
    }
    oa_plan_free(plan);
    return status;
}

/* Where a plan goes: by --format, else by the name of path. */
enum { PLAN_XML, PLAN_XLSX, PLAN_CSV };

static int plan_out_kind(const cli_cmd *cmd, const char *path,
                         const char *format)
{
    size_t n = strlen(path);
    if (format) {
        if (strcmp(format, "xml") == 0)
            return PLAN_XML;
        if (strcmp(format, "xlsx") == 0)
            return PLAN_XLSX;
        if (strcmp(format, "csv") == 0)
            return PLAN_CSV;
        cli_usage_error(cmd, "unknown format '%s' (xml, xlsx or csv)",
                        format);
        return -1;
    }
    if (is_folder(path))
        return PLAN_CSV;
    if (n >= 4 && strcasecmp(path + n - 4, ".xml") == 0)
        return PLAN_XML;
    if (n >= 5 && strcasecmp(path + n - 5, ".xlsx") == 0)
        return PLAN_XLSX;
    cli_usage_error(cmd, "'%s': which format? (a name ending in .xml, "
                    ".xlsx or /, or --format)", path);
    return -1;
}

/* Saves plan to path as kind; the exit status. */
static int save_plan(const oa_plan *plan, const char *path, int kind)
{
    oa_error err;
    int rc;
    if (kind == PLAN_XML)
        rc = oa_plan_save(plan, path, &err);
    else
        rc = oa_plan_save_workbook(plan, path, kind == PLAN_XLSX
                                   ? OA_WORKBOOK_XLSX : OA_WORKBOOK_CSV,
                                   &err);
    if (rc != OA_OK) {
        print_error(&err);
        return cli_out_exit(rc);
    }
    return EXIT_SOLVED;
}

static int cmd_convert(int argc, char **argv)
{
    const char *format = NULL;
    int status = EXIT_SOLVED, kind, c;
    oa_plan *plan;
    scenarios sc;
    cli_parser P;
    sc.n = 0;
    cli_start(&P, &cli_convert, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        int t = take_scenario(&sc, &P, c);
        if (t < 0)
            return EXIT_INPUT;
        if (t)
            continue;
        if (c != K_FORMAT)
            return parse_stop(c);
        format = P.arg;
    }
    if (argc - P.operand != 2)
        return cli_usage_error(&cli_convert, "a plan to read and a file or "
                               "folder to write, IN OUT");
    kind = plan_out_kind(&cli_convert, argv[P.operand + 1], format);
    if (kind < 0)
        return EXIT_INPUT;
    plan = load_plan_s(argv[P.operand], &sc, &status);
    if (plan == NULL)
        return status;
    status = save_plan(plan, argv[P.operand + 1], kind);
    oa_plan_free(plan);
    return status;
}

static int cmd_template(int argc, char **argv)
{
    const char *format = NULL, *out = NULL;
    int status, kind, c;
    oa_plan *plan;
    cli_parser P;
    cli_start(&P, &cli_template, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        if (c == K_FORMAT)
            format = P.arg;
        else if (c == K_OUTPUT)
            out = P.arg;
        else
            return parse_stop(c);
    }
    if (P.operand < argc)
        return cli_usage_error(&cli_template, "takes no operands (the file "
                               "to write is -o FILE)");
    if (out == NULL)
        return cli_usage_error(&cli_template, "where to? (-o plan.xlsx)");
    kind = plan_out_kind(&cli_template, out, format);
    if (kind < 0)
        return EXIT_INPUT;
    if (oa_plan_template(&plan) != OA_OK) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return EXIT_INTERNAL;
    }
    status = save_plan(plan, out, kind);
    oa_plan_free(plan);
    return status;
}

oa_interrupt *cli_interrupt;
static volatile sig_atomic_t cli_signal;

static void on_signal(int sig)
{
    static const char msg[] = "\nopsalign: interrupted: stopping the search "
                              "and writing the best roadmap found (once "
                              "more to quit at once)\n";
    cli_signal = sig;
    oa_interrupt_raise(cli_interrupt);
    /* write(2) is async-signal-safe; what it returns does not matter */
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
        cli_signal = sig;
}

void cli_catch_signals(void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = (int)SA_RESETHAND;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static int dispatch(int argc, char **argv);

int main(int argc, char **argv)
{
    int rc;
    if (oa_interrupt_new(&cli_interrupt) != OA_OK)
        return EXIT_INTERNAL;
    /* SIGINT and SIGTERM raise cli_interrupt once. */
    cli_catch_signals(on_signal);
    rc = dispatch(argc, argv);
    /* Whatever was written to standard output reached it, or the exit
     * status says it did not. */
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        fprintf(stderr, "%s: cannot write standard output: %s\n", progname,
                strerror(errno));
        if (rc == EXIT_SOLVED || rc == EXIT_INFEASIBLE || rc == EXIT_NOPLAN)
            rc = EXIT_OUTPUT;
    }
    /* An interrupted command wrote what it had; its status says it was
     * interrupted (128 + the signal, as shells report a signal). */
    if (cli_signal &&
        (rc == EXIT_SOLVED || rc == EXIT_INFEASIBLE || rc == EXIT_NOPLAN))
        rc = 128 + (int)cli_signal;
    return rc;
}

/* "unknown command 'slove' (did you mean 'solve'?)" */
static int unknown_command(const char *name)
{
    const char *names[32];
    const char *near;
    size_t n = 0;
    while (cli_commands[n] && n < 32) {
        names[n] = cli_commands[n]->name;
        n++;
    }
    near = oa_suggest(name, names, n);
    fprintf(stderr, "%s: unknown command '%s'%s%s%s\nTry '%s --help' for "
            "the commands.\n", progname, name,
            near ? " (did you mean '" : "", near ? near : "",
            near ? "'?)" : "", progname);
    return EXIT_INPUT;
}

/* opsalign help [COMMAND] */
static int cmd_help(int argc, char **argv)
{
    const cli_cmd *cmd;
    cli_parser P;
    int c;
    cli_start(&P, &cli_help, argc, argv);
    while ((c = cli_next(&P)) != CLI_END)
        return parse_stop(c);
    if (P.operand >= argc) {
        cli_print_usage(stdout);
        return EXIT_SOLVED;
    }
    cmd = cli_find(argv[P.operand]);
    if (cmd == NULL)
        return unknown_command(argv[P.operand]);
    cli_print_help(cmd, stdout);
    return EXIT_SOLVED;
}

static int cmd_version(int argc, char **argv)
{
    cli_parser P;
    int c;
    cli_start(&P, &cli_version, argc, argv);
    while ((c = cli_next(&P)) != CLI_END)
        return parse_stop(c);
    if (P.operand < argc)
        return cli_usage_error(&cli_version, "takes no arguments");
    printf("opsalign %s (library %s)\n", OA_VERSION, oa_version());
    return EXIT_SOLVED;
}

static const struct {
    const cli_cmd *cmd;
    int (*run)(int argc, char **argv);
} runs[] = {
    { &cli_check, cmd_check },     { &cli_solve, cmd_solve },
    { &cli_explain, cmd_explain }, { &cli_compare, cmd_compare },
    { &cli_sweep, cmd_sweep },     { &cli_people, cmd_people },
    { &cli_brief, cmd_brief },     { &cli_report, cmd_report },
    { &cli_batch, cmd_batch },     { &cli_merge, cmd_merge },
    { &cli_export, cmd_export },   { &cli_convert, cmd_convert },
    { &cli_template, cmd_template }, { &cli_version, cmd_version },
    { &cli_help, cmd_help }
};

static int dispatch(int argc, char **argv)
{
    size_t k;
    if (argc < 2) {
        cli_print_usage(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
        return cmd_version(1, argv + 1);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cmd_help(argc - 1, argv + 1);
    for (k = 0; k < sizeof runs / sizeof runs[0]; k++)
        if (strcmp(argv[1], runs[k].cmd->name) == 0)
            return runs[k].run(argc - 1, argv + 1);
    if (argv[1][0] == '-') {
        fprintf(stderr, "%s: unknown option '%s' before a command\nTry "
                "'%s --help' for the commands.\n", progname, argv[1],
                progname);
        return EXIT_INPUT;
    }
    return unknown_command(argv[1]);
}
