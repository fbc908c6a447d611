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
#include <unistd.h>

#include "cli.h"

const char *progname = "opsalign";


/* --format: text, xml and, where allow_csv, csv; 0 if fine. */
static int parse_format(const char *cmd, const char *f, int allow_csv,
                        oa_format *out)
{
    if (strcmp(f, "text") == 0)
        *out = OA_FORMAT_TEXT;
    else if (strcmp(f, "xml") == 0)
        *out = OA_FORMAT_XML;
    else if (allow_csv && strcmp(f, "csv") == 0)
        *out = OA_FORMAT_CSV;
    else {
        fprintf(stderr, "%s %s: --format takes text, xml%s\n", progname, cmd,
                allow_csv ? " or csv" : "");
        return -1;
    }
    return 0;
}

/* The options several commands share: --time-limit, --work-limit,
 * --max-nonzeros (0: no cap), --gap (when gap is not NULL), --format/-f
 * (csv when allow_csv), -o/--output.  Returns 1 when argv[*i] was one of
 * them, 0 when not, -1 on a usage error. */
static int common_opt(const char *cmd, int argc, char **argv, int *i,
                      oa_solve_opts *so, int gap, oa_format *format,
                      int allow_csv, const char **out)
{
    const char *a = argv[*i];
    const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    int rc = 0;
    if (strcmp(a, "--time-limit") == 0)
        rc = parse_number(a, v, &so->time_limit) ? -1 : 1;
    else if (strcmp(a, "--work-limit") == 0)
        rc = parse_number(a, v, &so->work_limit) ? -1 : 1;
    else if (gap && strcmp(a, "--gap") == 0)
        rc = parse_gap(a, v, &so->gap) ? -1 : 1;
    else if (strcmp(a, "--max-nonzeros") == 0) {
        double n;
        rc = parse_number(a, v, &n) ? -1 : 1;
        if (rc > 0)
            so->max_nonzeros = n < 1 ? SIZE_MAX : (size_t)n;
    } else if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0)
        rc = parse_format(cmd, v ? v : "", allow_csv, format) ? -1 : 1;
    else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
        if (v == NULL) {
            fprintf(stderr, "%s %s: -o needs a file\n", progname, cmd);
            return -1;
        }
        *out = v;
        rc = 1;
    } else
        return 0;
    if (rc > 0)
        ++*i;
    return rc;
}

/* What a command writes: text of an object in a format, or the same
 * saved atomically to a file. */
struct output {
    int (*write)(char **out, size_t *size, const void *obj, oa_format f);
    int (*save)(const void *obj, const char *path, oa_format f,
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
static const output out_result = { w_result, s_result };
static const output out_explanation = { w_explanation, s_explanation };
static const output out_comparison = { w_comparison, s_comparison };

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
        rc = how->save(obj, path, format, &err);
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

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s COMMAND [ARGS]\n"
            "\n"
            "commands:\n"
            "  check [-v] FILE...       validate plans and scenarios; report every\n"
            "                           error (scenarios against each plan given)\n"
            "  solve PLAN.xml [-s SCENARIO.xml]... [--relax] [--time-limit SEC] [--work-limit N]\n"
            "        [--baseline RESULT.xml [--as-of PERIOD] [--stability PRICE]\n"
            "        [--drop-price PRICE]] [--actuals ACTUALS.xml --as-of PERIOD]\n"
            "        [--gap REL] [--format text|xml|csv] [-o FILE] [-v]\n"
            "                           the roadmap, unit loads, spend\n"
            "        tuning: --no-heuristic, --pseudocost, --glpk-branching, --cuts,\n"
            "                --no-cuts, --cliques, --no-lns\n"
            "  explain PLAN.xml [-s SCENARIO.xml]... [INITIATIVE...] [-r RESULT.xml]\n"
            "        [--time-limit SEC] [--work-limit N] [--bottlenecks N] [-j N] [--format text|xml]\n"
            "        [-o FILE]\n"
            "                           why initiatives are rejected or late,\n"
            "                           and where capacity binds\n"
            "  compare PLAN.xml -s SCENARIO.xml [-s SCENARIO.xml]... [--time-limit SEC] [--work-limit N]\n"
            "        [--gap REL] [--stability PRICE] [--drop-price PRICE] [--format text|xml|csv]\n"
            "        [-o FILE]\n"
            "                           each scenario against the base, side by side\n"
            "  sweep PLAN.xml (--budget-total FROM:TO:STEPS |\n"
            "        --capacity UNIT:RESOURCE:FROM:TO:STEPS) [--time-limit SEC] [--work-limit N]\n"
            "        [--gap REL] [--csv FILE] [--svg FILE]\n"
            "                           the value curve with the roadmap at each point\n"
            "  people PLAN.xml [-s SCENARIO.xml]... [--person ID] [--time-limit SEC] [--work-limit N]\n"
            "        [--format text|xml|csv] [-o FILE]\n"
            "                           each person's plan, period by period\n"
            "  brief PLAN.xml --unit ID [-s SCENARIO.xml]... [--format text|xml]\n"
            "        [-o FILE]\n"
            "                           a unit's page: commitments, dependents, load,\n"
            "                           people\n"
            "  report (PLAN.xml [-s SCENARIO.xml]... | -r RESULT.xml) [--explain]\n"
            "        -o REPORT.html     one HTML file: Gantt, loads, spend\n"
            "  batch PLAN.xml [SCENARIO.xml...] -o DIR [-j N] [--shard K/N]\n"
            "        [--time-limit SEC] [--work-limit N] [--gap REL]\n"
            "                           base and scenarios in N processes, resumable\n"
            "  merge -o DIR DIR...      join the results of batch shards into one summary\n"
            "  export PLAN.xml (--lp|--mps) FILE\n"
            "                           write the model for other solvers\n"
            "  version                  print the library version\n"
            "\n"
            "Commands that solve also take --max-nonzeros N (the model's size\n"
            "cap, default 10,000,000; 0: none).\n"
            "\n"
            "Exit status: 0 success, 1 bad usage or input, 2 infeasible,\n"
            "3 no plan found in time, 4 internal or solver failure, 5 output\n"
            "not written, 130/143 interrupted (the best roadmap is written).\n",
            progname);
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

/* Takes "-s FILE" at argv[*i]; 1 if it was one, -1 on a usage error. */
static int take_scenario(scenarios *sc, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (strcmp(a, "-s") != 0 && strcmp(a, "--scenario") != 0)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "%s: %s needs a scenario file\n", progname, a);
        return -1;
    }
    if (sc->n == MAX_SCENARIOS) {
        fprintf(stderr, "%s: at most %d scenarios\n", progname,
                MAX_SCENARIOS);
        return -1;
    }
    sc->path[sc->n++] = argv[++*i];
    return 1;
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
    int verbose = 0, status = EXIT_SOLVED, i, nfiles = 0, k;
    oa_error_list *errs;
    char *kind;
    scenarios sc;
    sc.n = 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "--verbose") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "%s check: unknown option '%s'\n", progname,
                    argv[i]);
            return EXIT_INPUT;
        } else
            nfiles++;
    }
    if (nfiles == 0 && i >= argc) {
        fprintf(stderr, "usage: %s check [-v] FILE...\n", progname);
        return EXIT_INPUT;
    }
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
    for (i = 1; i < argc; i++)
        kind[i] = argv[i][0] == '-' && argv[i][1] != '\0' ? 0
                  : is_scenario_file(argv[i])            ? 2
                                                         : 1;
    for (i = 1; i < argc; i++) {
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
    for (i = 1; i < argc; i++) {
        oa_plan *plan = NULL;
        int rc;
        if (kind[i] != 1)
            continue;
        oa_error_list_clear(errs);
        rc = oa_plan_read_file(&plan, argv[i], NULL, NULL, errs);
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
    if (end == arg || *end != '\0' || !(v >= 0) || v > 1e9) {
        fprintf(stderr, "%s: %s: '%s' is not a non-negative number\n",
                progname, opt, arg);
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
    rc = oa_plan_read_file(&plan, path, NULL, NULL, errs);
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
    opts.interrupt = cli_interrupt;
    scenarios sc;
    int i, status = EXIT_SOLVED, rc, priced = 0;
    sc.n = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int t = take_scenario(&sc, argc, argv, &i);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        t = common_opt("solve", argc, argv, &i, &opts, 1,
                       &format, 1, &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if (strcmp(a, "--relax") == 0) {
            opts.relax = 1;
        } else if ((strcmp(a, "--baseline") == 0 ||
                    strcmp(a, "--as-of") == 0) && i + 1 < argc) {
            if (a[2] == 'b')
                baseline = argv[++i];
            else
                as_of = argv[++i];
        } else if (strcmp(a, "--stability") == 0 ||
                   strcmp(a, "--drop-price") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL,
                             a[2] == 's' ? &opts.stability
                                         : &opts.drop_price))
                return EXIT_INPUT;
            priced = 1;
        } else if (strcmp(a, "--actuals") == 0 && i + 1 < argc) {
            actuals = argv[++i];
        } else if (strcmp(a, "--no-heuristic") == 0) {
            opts.flags |= OA_SOLVE_NO_HEURISTIC;
        } else if (strcmp(a, "--pseudocost") == 0) {
            opts.flags |= OA_SOLVE_PSEUDOCOST;
        } else if (strcmp(a, "--glpk-branching") == 0) {
            opts.flags |= OA_SOLVE_GLPK_BRANCHING;
        } else if (strcmp(a, "--cuts") == 0) {
            opts.flags |= OA_SOLVE_CUTS;
        } else if (strcmp(a, "--no-cuts") == 0) {
            opts.flags |= OA_SOLVE_NO_CUTS;
        } else if (strcmp(a, "--cliques") == 0) {
            opts.flags |= OA_SOLVE_CLIQUES;
        } else if (strcmp(a, "--no-lns") == 0) {
            opts.flags |= OA_SOLVE_NO_LNS;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            opts.verbosity = 1;
            opts.log = log_to_stderr;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s solve: unknown option '%s'\n", progname, a);
            return EXIT_INPUT;
        } else if (path == NULL)
            path = a;
        else {
            fprintf(stderr, "%s solve: one plan at a time ('%s')\n", progname,
                    a);
            return EXIT_INPUT;
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: %s solve PLAN.xml [-s SCENARIO.xml]... [--relax] [--time-limit SEC] [--work-limit N] "
                "[--gap REL] [--baseline RESULT.xml [--as-of PERIOD] [--stability PRICE] [--drop-price PRICE]] "
                "[--format text|xml|csv] [-o FILE]\n", progname);
        return EXIT_INPUT;
    }
    if ((baseline == NULL && (priced || (as_of && !actuals))) ||
        (actuals && !as_of)) {
        fprintf(stderr, "%s solve: %s\n", progname,
                actuals && !as_of ? "--actuals needs --as-of PERIOD"
                : priced ? "--stability (or --drop-price) needs --baseline "
                           "RESULT.xml"
                         : "--as-of needs --baseline RESULT.xml or --actuals "
                           "ACTUALS.xml");
        return EXIT_INPUT;
    }
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
    opts.solve.interrupt = cli_interrupt;
    scenarios sc;
    int i, status = EXIT_SOLVED, rc;
    sc.n = 0;
    ids = calloc((size_t)argc + 1, sizeof *ids);
    if (ids == NULL)
        return EXIT_INTERNAL;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        double v;
        int t = take_scenario(&sc, argc, argv, &i);
        if (t < 0)
            goto usage_fail;
        if (t > 0)
            continue;
        t = common_opt("explain", argc, argv, &i, &opts.solve, 0,
                       &format, 0, &out);
        if (t < 0)
            goto usage_fail;
        if (t > 0)
            continue;
        if (strcmp(a, "--bottlenecks") == 0 || strcmp(a, "-j") == 0 ||
            strcmp(a, "--jobs") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL, &v) ||
                v < 0 || v > 1000 || v != floor(v)) {
                fprintf(stderr, "%s explain: %s takes a whole number\n",
                        progname, a);
                goto usage_fail;
            }
            if (a[1] == '-' && a[2] == 'b')
                opts.bottlenecks = (int)v;
            else
                opts.jobs = (int)v;
        } else if (strcmp(a, "--cold") == 0) {
            opts.cold = 1;
        } else if (strcmp(a, "-r") == 0 || strcmp(a, "--result") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s explain: %s needs a result file\n",
                        progname, a);
                goto usage_fail;
            }
            result_path = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s explain: unknown option '%s'\n", progname, a);
            goto usage_fail;
        } else if (path == NULL)
            path = a;
        else
            ids[n_ids++] = a;
    }
    if (path == NULL) {
        fprintf(stderr, "usage: %s explain PLAN.xml [-s SCENARIO.xml]... [INITIATIVE...] "
                "[-r RESULT.xml] [--time-limit SEC] [--work-limit N]\n"
                "                [--bottlenecks N] [-j N] [--format text|xml] "
                "[-o FILE]\n", progname);
        goto usage_fail;
    }
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
    rc = oa_explain(&ex, plan, base, ids, n_ids, &opts, &err);
    free(ids);
    if (rc != OA_OK) {
        print_error(&err);
        oa_plan_free(plan);
        oa_result_free(base);
        if (rc == OA_ESTATE) {
            /* no roadmap: say why, as solve would */
            return EXIT_INFEASIBLE;
        }
        return cli_exit(rc, NULL);
        /* (OA_EINVALID: a rule broken, or a result of another plan) */
    }
    status = emit(&out_explanation, ex, out, format, status);
    oa_explanation_free(ex);
    oa_result_free(base);
    oa_plan_free(plan);
    return status;
usage_fail:
    free(ids);
    return EXIT_INPUT;
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
    opts.interrupt = cli_interrupt;
    scenarios sc;
    int i, k, status = EXIT_SOLVED;
    sc.n = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int t = take_scenario(&sc, argc, argv, &i);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        t = common_opt("compare", argc, argv, &i, &opts, 1, &format, 1,
                       &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if (strcmp(a, "--stability") == 0 || strcmp(a, "--drop-price") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL,
                             a[2] == 's' ? &opts.stability
                                         : &opts.drop_price))
                return EXIT_INPUT;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s compare: unknown option '%s'\n", progname, a);
            return EXIT_INPUT;
        } else if (path == NULL)
            path = a;
        else {
            fprintf(stderr, "%s compare: one plan at a time ('%s')\n",
                    progname, a);
            return EXIT_INPUT;
        }
    }
    if (path == NULL || sc.n == 0) {
        fprintf(stderr, "usage: %s compare PLAN.xml -s SCENARIO.xml "
                "[-s SCENARIO.xml]... [--time-limit SEC] [--work-limit N] [--gap REL]\n"
                "                [--stability PRICE] [--drop-price PRICE] [--format text|xml|csv] [-o FILE]\n",
                progname);
        return EXIT_INPUT;
    }
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

static int cmd_sweep(int argc, char **argv)
{
    oa_sweep_opts o = OA_SWEEP_OPTS_INIT;
    const char *path = NULL, *csv = NULL, *svg = NULL;
    oa_plan *plan;
    oa_sweep *sw = NULL;
    oa_error err;
    char target[256];
    int i, have = 0, status = EXIT_SOLVED, rc;
    o.solve.interrupt = cli_interrupt;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--budget-total") == 0) {
            o.kind = OA_SWEEP_BUDGET_TOTAL;
            if (parse_range(a, i + 1 < argc ? argv[++i] : NULL, &o.from,
                            &o.to, &o.steps))
                return EXIT_INPUT;
            have = 1;
        } else if (strcmp(a, "--capacity") == 0) {
            /* UNIT:RESOURCE:FROM:TO:STEPS */
            const char *v = i + 1 < argc ? argv[++i] : "";
            const char *c1 = strchr(v, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
            if (!c1 || !c2 || c1 == v || c2 == c1 + 1 ||
                (size_t)(c2 - v) >= sizeof target) {
                fprintf(stderr, "%s sweep: --capacity takes "
                        "UNIT:RESOURCE:FROM:TO:STEPS (* for all)\n", progname);
                return EXIT_INPUT;
            }
            memcpy(target, v, (size_t)(c2 - v));
            target[c2 - v] = '\0';
            target[c1 - v] = '\0';
            o.kind = OA_SWEEP_CAPACITY;
            o.unit = target;
            o.resource = target + (c1 - v) + 1;
            if (parse_range(a, c2 + 1, &o.from, &o.to, &o.steps))
                return EXIT_INPUT;
            have = 1;
        } else if (strcmp(a, "--time-limit") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL,
                             &o.solve.time_limit))
                return EXIT_INPUT;
        } else if (strcmp(a, "--gap") == 0) {
            if (parse_gap(a, i + 1 < argc ? argv[++i] : NULL, &o.solve.gap))
                return EXIT_INPUT;
        } else if (strcmp(a, "--work-limit") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL,
                             &o.solve.work_limit))
                return EXIT_INPUT;
        } else if (strcmp(a, "--csv") == 0 || strcmp(a, "--svg") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s sweep: %s needs a file\n", progname, a);
                return EXIT_INPUT;
            }
            if (a[2] == 'c')
                csv = argv[++i];
            else
                svg = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s sweep: unknown option '%s'\n", progname, a);
            return EXIT_INPUT;
        } else if (path == NULL)
            path = a;
        else {
            fprintf(stderr, "%s sweep: one plan at a time ('%s')\n",
                    progname, a);
            return EXIT_INPUT;
        }
    }
    if (path == NULL || !have) {
        fprintf(stderr, "usage: %s sweep PLAN.xml (--budget-total FROM:TO:STEPS"
                " | --capacity UNIT:RESOURCE:FROM:TO:STEPS)\n"
                "                [--time-limit SEC] [--work-limit N] [--gap REL] [--csv FILE] "
                "[--svg FILE]\n", progname);
        return EXIT_INPUT;
    }
    plan = load_plan(path, &status);
    if (plan == NULL)
        return status;
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

/* 0 if the arguments are fine (else the exit status to return). */
static int pfront_parse(pfront *f, const char *cmd, const char *extra_opt,
                        int allow_csv, int argc, char **argv)
{
    oa_solve_opts so = OA_SOLVE_OPTS_INIT;
    oa_assign_opts ao = OA_ASSIGN_OPTS_INIT;
    int i;
    memset(f, 0, sizeof *f);
    f->opts = so;
    f->opts.interrupt = cli_interrupt;
    f->ao = ao;
    f->format = OA_FORMAT_TEXT;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int t = take_scenario(&f->sc, argc, argv, &i);
        if (t == 0)
            t = common_opt(cmd, argc, argv, &i, &f->opts, 1, &f->format,
                           allow_csv, &f->out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if (strcmp(a, extra_opt) == 0 && i + 1 < argc) {
            f->extra = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s %s: unknown option '%s'\n", progname, cmd, a);
            return EXIT_INPUT;
        } else if (f->path == NULL) {
            f->path = a;
        } else {
            fprintf(stderr, "%s %s: one plan at a time ('%s')\n", progname,
                    cmd, a);
            return EXIT_INPUT;
        }
    }
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
    int status = pfront_parse(&f, "people", "--person", 1, argc, argv), rc;
    oa_error err;
    if (status == 0 && f.path == NULL) {
        fprintf(stderr, "usage: %s people PLAN.xml [-s SCENARIO.xml]... "
                "[--person ID] [--time-limit SEC] [--work-limit N]\n"
                "                [--gap REL] [--format text|xml|csv] "
                "[-o FILE]\n", progname);
        status = EXIT_INPUT;
    }
    if (status != 0)
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
    int status = pfront_parse(&f, "brief", "--unit", 0, argc, argv), rc;
    if (status == 0 && (f.path == NULL || f.extra == NULL)) {
        fprintf(stderr, "usage: %s brief PLAN.xml --unit ID [-s SCENARIO.xml]"
                "... [--time-limit SEC] [--work-limit N]\n                [--format text|xml] "
                "[-o FILE]\n", progname);
        status = EXIT_INPUT;
    }
    if (status != 0)
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
    opts.interrupt = cli_interrupt;
    eo.solve.interrupt = cli_interrupt;
    scenarios sc;
    int i, k, status = EXIT_SOLVED, rc = OA_OK, explain = 0, compare = 0;
    int sweep = 0;
    sc.n = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int t = take_scenario(&sc, argc, argv, &i);
        if (t == 0)
            t = common_opt("report", argc, argv, &i, &opts, 1, &format, 0,
                           &out);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if ((strcmp(a, "-r") == 0 || strcmp(a, "--result") == 0) &&
            i + 1 < argc) {
            result_path = argv[++i];
        } else if (strcmp(a, "--explain") == 0) {
            explain = 1;
        } else if (strcmp(a, "--compare") == 0) {
            compare = 1;
        } else if (strcmp(a, "--sweep-budget") == 0) {
            if (parse_range(a, i + 1 < argc ? argv[++i] : NULL, &swo.from,
                            &swo.to, &swo.steps))
                return EXIT_INPUT;
            sweep = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s report: unknown option '%s'\n", progname, a);
            return EXIT_INPUT;
        } else if (path == NULL) {
            path = a;
        } else {
            fprintf(stderr, "%s report: one plan at a time ('%s')\n",
                    progname, a);
            return EXIT_INPUT;
        }
    }
    if ((path == NULL && result_path == NULL) || out == NULL ||
        ((explain || sweep || compare) && path == NULL) ||
        (compare && (sc.n == 0 || result_path))) {
        fprintf(stderr, "usage: %s report (PLAN.xml [-s SCENARIO.xml]... | "
                "-r RESULT.xml | PLAN.xml -r RESULT.xml)\n"
                "                [--explain] [--compare] [--sweep-budget "
                "FROM:TO:STEPS]\n"
                "                [--time-limit SEC] [--work-limit N] -o REPORT.html\n",
                progname);
        return EXIT_INPUT;
    }
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
    int format = -1, i, status = EXIT_SOLVED, rc;
    oa_plan *plan;
    oa_error err;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lp") == 0 || strcmp(argv[i], "--mps") == 0) {
            format = strcmp(argv[i], "--lp") == 0 ? OA_EXPORT_LP
                                                  : OA_EXPORT_MPS;
            if (i + 1 < argc && argv[i + 1][0] != '-')
                out = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "%s export: unknown option '%s'\n", progname,
                    argv[i]);
            return EXIT_INPUT;
        } else if (path == NULL)
            path = argv[i];
        else if (out == NULL)
            out = argv[i];
        else {
            fprintf(stderr, "%s export: too many arguments\n", progname);
            return EXIT_INPUT;
        }
    }
    if (path == NULL || out == NULL || format < 0) {
        fprintf(stderr, "usage: %s export PLAN.xml (--lp|--mps) FILE\n",
                progname);
        return EXIT_INPUT;
    }
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

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(argv[1], "solve") == 0)
        return cmd_solve(argc - 1, argv + 1);
    if (strcmp(argv[1], "export") == 0)
        return cmd_export(argc - 1, argv + 1);
    if (strcmp(argv[1], "explain") == 0)
        return cmd_explain(argc - 1, argv + 1);
    if (strcmp(argv[1], "compare") == 0)
        return cmd_compare(argc - 1, argv + 1);
    if (strcmp(argv[1], "sweep") == 0)
        return cmd_sweep(argc - 1, argv + 1);
    if (strcmp(argv[1], "people") == 0)
        return cmd_people(argc - 1, argv + 1);
    if (strcmp(argv[1], "brief") == 0)
        return cmd_brief(argc - 1, argv + 1);
    if (strcmp(argv[1], "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(argv[1], "batch") == 0)
        return cmd_batch(argc - 1, argv + 1);
    if (strcmp(argv[1], "merge") == 0)
        return cmd_merge(argc - 1, argv + 1);
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("opsalign %s (library %s)\n", OA_VERSION, oa_version());
        return EXIT_SOLVED;
    }
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return EXIT_SOLVED;
    }
    fprintf(stderr, "%s: unknown command '%s'\n", progname, argv[1]);
    usage(stderr);
    return EXIT_INPUT;
}
