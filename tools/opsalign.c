/*
 * opsalign: the command-line face of libopsalign.  Every command is a few
 * calls of the public API; nothing here is logic a library user would
 * need.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opsalign.h"

/* Exit codes of the CLI contract (spec/cli.md). */
enum {
    EXIT_SOLVED = 0,
    EXIT_INPUT = 1,
    EXIT_INFEASIBLE = 2,
    EXIT_NOPLAN = 3,
    EXIT_INTERNAL = 4
};

static const char *progname = "opsalign";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s COMMAND [ARGS]\n"
            "\n"
            "commands:\n"
            "  check [-v] FILE...       validate plans and scenarios; report every\n"
            "                           error (scenarios against each plan given)\n"
            "  solve PLAN.xml [-s SCENARIO.xml]... [--relax] [--time-limit SEC]\n"
            "        [--gap REL] [--format text|xml|csv] [-o FILE] [-v]\n"
            "                           the roadmap, unit loads, spend\n"
            "        tuning: --no-heuristic, --pseudocost, --glpk-branching, --cuts,\n"
            "                --cliques\n"
            "  explain PLAN.xml [-s SCENARIO.xml]... [INITIATIVE...] [-r RESULT.xml]\n"
            "        [--time-limit SEC] [--bottlenecks N] [-j N] [--format text|xml]\n"
            "        [-o FILE]\n"
            "                           why initiatives are rejected or late,\n"
            "                           and where capacity binds\n"
            "  export PLAN.xml (--lp|--mps) FILE\n"
            "                           write the model for other solvers\n"
            "  version                  print the library version\n"
            "\n"
            "Exit status: 0 success, 1 bad usage or input, 2 infeasible,\n"
            "3 no plan found in time, 4 internal or solver failure.\n",
            progname);
}

static void print_errors(const oa_error_list *list)
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
        *status = rc == OA_ENOMEM || rc == OA_EINTERNAL ? EXIT_INTERNAL
                                                        : EXIT_INPUT;
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
    for (i = 1; i < argc; i++) {
        oa_scenario *s = NULL;
        int rc;
        if ((argv[i][0] == '-' && argv[i][1] != '\0') ||
            !is_scenario_file(argv[i]))
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
            status = rc == OA_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
        }
        oa_scenario_free(s);
    }
    for (i = 1; i < argc; i++) {
        oa_plan *plan = NULL;
        int rc;
        if ((argv[i][0] == '-' && argv[i][1] != '\0') ||
            is_scenario_file(argv[i]))
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
            status = rc == OA_ENOMEM || rc == OA_EINTERNAL ? EXIT_INTERNAL
                                                           : EXIT_INPUT;
        }
        oa_plan_free(plan);
    }
    oa_error_list_free(errs);
    return status;
}

static void log_to_stderr(const char *text, void *data)
{
    (void)data;
    fputs(text, stderr);
}

/* Parses a non-negative number option; returns 0 if fine. */
static int parse_number(const char *opt, const char *arg, double *out)
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

/* Reads and validates a plan, printing every error. */
static oa_plan *load_plan(const char *path, int *status)
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
        *status = rc == OA_ENOMEM || rc == OA_EINTERNAL ? EXIT_INTERNAL
                                                        : EXIT_INPUT;
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

static int exit_for(const oa_result *r)
{
    switch (oa_result_status(r)) {
    case OA_STATUS_INFEASIBLE: return EXIT_INFEASIBLE;
    case OA_STATUS_NO_SOLUTION: return EXIT_NOPLAN;
    default: return EXIT_SOLVED;
    }
}

static int cmd_solve(int argc, char **argv)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    oa_format format = OA_FORMAT_TEXT;
    const char *path = NULL, *out = NULL;
    oa_plan *plan;
    oa_result *result = NULL;
    oa_error err;
    scenarios sc;
    int i, status = EXIT_SOLVED, rc;
    sc.n = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int t = take_scenario(&sc, argc, argv, &i);
        if (t < 0)
            return EXIT_INPUT;
        if (t > 0)
            continue;
        if (strcmp(a, "--relax") == 0)
            opts.relax = 1;
        else if (strcmp(a, "--time-limit") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL,
                             &opts.time_limit))
                return EXIT_INPUT;
        } else if (strcmp(a, "--gap") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL, &opts.gap))
                return EXIT_INPUT;
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) {
            const char *f = i + 1 < argc ? argv[++i] : "";
            if (strcmp(f, "text") == 0)
                format = OA_FORMAT_TEXT;
            else if (strcmp(f, "xml") == 0)
                format = OA_FORMAT_XML;
            else if (strcmp(f, "csv") == 0)
                format = OA_FORMAT_CSV;
            else {
                fprintf(stderr, "%s solve: --format takes text, xml or csv\n",
                        progname);
                return EXIT_INPUT;
            }
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s solve: -o needs a file\n", progname);
                return EXIT_INPUT;
            }
            out = argv[++i];
        } else if (strcmp(a, "--no-heuristic") == 0) {
            opts.flags |= OA_SOLVE_NO_HEURISTIC;
        } else if (strcmp(a, "--pseudocost") == 0) {
            opts.flags |= OA_SOLVE_PSEUDOCOST;
        } else if (strcmp(a, "--glpk-branching") == 0) {
            opts.flags |= OA_SOLVE_GLPK_BRANCHING;
        } else if (strcmp(a, "--cuts") == 0) {
            opts.flags |= OA_SOLVE_CUTS;
        } else if (strcmp(a, "--cliques") == 0) {
            opts.flags |= OA_SOLVE_CLIQUES;
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
        fprintf(stderr, "usage: %s solve PLAN.xml [-s SCENARIO.xml]... [--relax] [--time-limit SEC] "
                "[--gap REL] [--format text|xml|csv] [-o FILE]\n", progname);
        return EXIT_INPUT;
    }
    plan = load_plan_s(path, &sc, &status);
    if (plan == NULL)
        return status;
    rc = oa_solve(&result, plan, &opts, &err);
    if (rc != OA_OK) {
        char buf[OA_ERROR_SOURCE_LENGTH + OA_ERROR_TEXT_LENGTH + 64];
        oa_error_format(buf, sizeof buf, &err);
        fprintf(stderr, "%s\n", buf);
        oa_plan_free(plan);
        return rc == OA_EINVALID ? EXIT_INPUT : EXIT_INTERNAL;
    }
    status = exit_for(result);
    if (out) {
        rc = oa_result_save(result, out, format, &err);
        if (rc != OA_OK) {
            char buf[OA_ERROR_SOURCE_LENGTH + OA_ERROR_TEXT_LENGTH + 64];
            oa_error_format(buf, sizeof buf, &err);
            fprintf(stderr, "%s\n", buf);
            status = rc == OA_EIO ? EXIT_INPUT : EXIT_INTERNAL;
        }
    } else {
        char *text;
        size_t size;
        rc = oa_result_write(&text, &size, result, format);
        if (rc != OA_OK) {
            fprintf(stderr, "%s: %s\n", progname, oa_strerror(rc));
            status = EXIT_INTERNAL;
        } else {
            fwrite(text, 1, size, stdout);
            oa_free(text);
            if (fflush(stdout) != 0) {
                fprintf(stderr, "%s: cannot write the result\n", progname);
                status = EXIT_INTERNAL;
            }
        }
    }
    oa_result_free(result);
    oa_plan_free(plan);
    return status;
}

static void print_error(const oa_error *err)
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
        if (strcmp(a, "--time-limit") == 0) {
            if (parse_number(a, i + 1 < argc ? argv[++i] : NULL,
                             &opts.time_limit))
                goto usage_fail;
        } else if (strcmp(a, "--bottlenecks") == 0 || strcmp(a, "-j") == 0 ||
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
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) {
            const char *f = i + 1 < argc ? argv[++i] : "";
            if (strcmp(f, "text") == 0)
                format = OA_FORMAT_TEXT;
            else if (strcmp(f, "xml") == 0)
                format = OA_FORMAT_XML;
            else {
                fprintf(stderr, "%s explain: --format takes text or xml\n",
                        progname);
                goto usage_fail;
            }
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s explain: -o needs a file\n", progname);
                goto usage_fail;
            }
            out = argv[++i];
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
                "[-r RESULT.xml] [--time-limit SEC]\n"
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
        return rc == OA_EINVALID || rc == OA_ENOTFOUND ? EXIT_INPUT
                                                        : EXIT_INTERNAL;
        /* (OA_EINVALID: a rule broken, or a result of another plan) */
    }
    if (out) {
        rc = oa_explanation_save(ex, out, format, &err);
        if (rc != OA_OK) {
            print_error(&err);
            status = rc == OA_EIO ? EXIT_INPUT : EXIT_INTERNAL;
        }
    } else {
        char *text;
        size_t size;
        rc = oa_explanation_write(&text, &size, ex, format);
        if (rc != OA_OK) {
            fprintf(stderr, "%s: %s\n", progname, oa_strerror(rc));
            status = EXIT_INTERNAL;
        } else {
            fwrite(text, 1, size, stdout);
            oa_free(text);
        }
    }
    oa_explanation_free(ex);
    oa_result_free(base);
    oa_plan_free(plan);
    return status;
usage_fail:
    free(ids);
    return EXIT_INPUT;
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
        status = rc == OA_EIO ? EXIT_INPUT : EXIT_INTERNAL;
    }
    oa_plan_free(plan);
    return status;
}

int main(int argc, char **argv)
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
