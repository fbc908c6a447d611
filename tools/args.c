/*
 * The options and help of every opsalign command (args.h), and the one
 * parser they share.  doc/cli.md and opsalign(1) say the same at length;
 * tests/man.sh checks that opsalign(1) lists every option here.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"

/* ---- the options commands share ---- */

#define O_HELP { "help", K_HELP, 0, NULL, "show this help and exit" }
#define O_SCENARIO                                                        \
    { "scenario", K_SCENARIO, 1, "SCENARIO.xml",                          \
      "apply a scenario to the plan (repeatable, applied in order)" }
#define O_TIME_LIMIT                                                      \
    { "time-limit", K_TIME_LIMIT, 1, "SEC",                               \
      "stop the search after SEC seconds (0: none) and keep the best "    \
      "roadmap" }
#define O_WORK_LIMIT                                                      \
    { "work-limit", K_WORK_LIMIT, 1, "N",                                 \
      "stop after N units of work: the same answer on any machine" }
#define O_GAP                                                             \
    { "gap", K_GAP, 1, "REL",                                             \
      "stop once the roadmap is within REL of the best possible (0.01: "  \
      "1 %)" }
#define O_MAX_NONZEROS                                                    \
    { "max-nonzeros", K_MAX_NONZEROS, 1, "N",                             \
      "refuse models with more than N coefficients (default 10,000,000; " \
      "0: no cap)" }
#define O_OUTPUT(what)                                                    \
    { "output", K_OUTPUT, 1, "FILE", "write " what " to FILE (atomically) " \
      "instead of standard output" }
#define O_FORMAT(list)                                                    \
    { "format", K_FORMAT, 1, "FORMAT", "text (default), " list }
#define O_STABILITY                                                       \
    { "stability", K_STABILITY, 1, "PRICE",                               \
      "price per period a baseline's initiative moves" }
#define O_DROP_PRICE                                                      \
    { "drop-price", K_DROP_PRICE, 1, "PRICE",                             \
      "price of dropping a baseline's initiative (default: the move "     \
      "price x the periods)" }
#define O_END { NULL, 0, 0, NULL, NULL }

static const cli_opt check_opts[] = {
    { "verbose", K_VERBOSE, 0, NULL,
      "say what each valid file holds and which scenarios apply" },
    O_HELP, O_END
};

const cli_cmd cli_check = {
    "check", "[-v] FILE...",
    "validate plans and scenarios; report every error",
    "Reads each plan and scenario and reports every error with its file and "
    "line (FILE:LINE: error: MESSAGE), and an id that matches nothing with "
    "the nearest one there is. Scenarios are also applied to every plan "
    "given.",
    check_opts
};

static const cli_opt solve_opts[] = {
    O_SCENARIO,
    { "baseline", K_BASELINE, 1, "RESULT.xml",
      "re-plan against an earlier result (with --as-of or --stability)" },
    { "as-of", K_AS_OF, 1, "PERIOD",
      "keep what the baseline or the actuals did before PERIOD" },
    { "actuals", K_ACTUALS, 1, "ACTUALS.xml",
      "re-plan from what happened (needs --as-of)" },
    O_STABILITY, O_DROP_PRICE,
    { "relax", K_RELAX, 0, NULL,
      "solve the LP relaxation only (a bound, fractional starts)" },
    O_TIME_LIMIT, O_WORK_LIMIT, O_GAP, O_MAX_NONZEROS,
    O_FORMAT("xml, csv or xlsx (a workbook; needs -o)"),
    { "output", K_OUTPUT, 1, "FILE",
      "write the result to FILE (atomically) instead of standard output; "
      "with --format csv, a folder (one that exists, or a name ending in "
      "/) gets one file per table" },
    { "verbose", K_VERBOSE, 0, NULL, "log the search on standard error" },
    { "no-heuristic", K_NO_HEURISTIC, 0, NULL,
      "tuning: no start heuristic" },
    { "pseudocost", K_PSEUDOCOST, 0, NULL,
      "tuning: pseudocost branching" },
    { "glpk-branching", K_GLPK_BRANCHING, 0, NULL,
      "tuning: GLPK's own branching" },
    { "cuts", K_CUTS, 0, NULL, "tuning: GLPK's cuts on" },
    { "no-cuts", K_NO_CUTS, 0, NULL, "tuning: GLPK's cuts off" },
    { "cliques", K_CLIQUES, 0, NULL, "tuning: clique rows in the model" },
    { "no-lns", K_NO_LNS, 0, NULL, "tuning: no neighbourhood search" },
    O_HELP, O_END
};

const cli_cmd cli_solve = {
    "solve", "PLAN.xml [OPTION]...",
    "the roadmap, unit loads, spend",
    "Chooses the initiatives to fund and when each starts, with the "
    "overtime, contractors and loans that makes them fit, and says how "
    "sure the answer is (proven optimal, or the gap). Exit status 2 when "
    "the plan cannot fit (the text says what would make it fit), 3 when "
    "no roadmap was found in time.",
    solve_opts
};

static const cli_opt explain_opts[] = {
    O_SCENARIO,
    { "result", K_RESULT, 1, "RESULT.xml",
      "explain this roadmap instead of solving the plan" },
    { "bottlenecks", K_BOTTLENECKS, 1, "N",
      "confirm the N most valuable bottlenecks by re-solving" },
    { "jobs", K_JOBS, 1, "N",
      "re-solve in N threads at once (0 or 1: one at a time)" },
    { "cold", K_COLD, 0, NULL, "re-solve each question from scratch" },
    O_TIME_LIMIT, O_WORK_LIMIT, O_MAX_NONZEROS, O_FORMAT("or xml"),
    O_OUTPUT("the explanation"), O_HELP, O_END
};

const cli_cmd cli_explain = {
    "explain", "PLAN.xml [INITIATIVE...] [OPTION]...",
    "why initiatives are rejected or late, and where capacity binds",
    "For each initiative named (all that were left out or late when none "
    "is), what it would take to fit: the capacity or money it misses, "
    "what it would push out, and the bottlenecks worth relieving.",
    explain_opts
};

static const cli_opt compare_opts[] = {
    O_SCENARIO, O_STABILITY, O_DROP_PRICE, O_TIME_LIMIT, O_WORK_LIMIT,
    O_GAP, O_MAX_NONZEROS, O_FORMAT("xml, csv or xlsx (a workbook; needs -o)"),
    O_OUTPUT("the comparison"), O_HELP, O_END
};

const cli_cmd cli_compare = {
    "compare", "PLAN.xml -s SCENARIO.xml [-s SCENARIO.xml]... [OPTION]...",
    "each scenario against the base, side by side",
    "Solves the plan and each scenario applied to it, and shows the "
    "objective, its terms, spend and the roadmap's changes side by side; "
    "with --stability each scenario is priced for moving the base's "
    "initiatives.",
    compare_opts
};

static const cli_opt sweep_opts[] = {
    { "budget-total", K_BUDGET_TOTAL, 1, "FROM:TO:STEPS",
      "sweep the total budget" },
    { "capacity", K_CAPACITY, 1, "UNIT:RESOURCE:FROM:TO:STEPS",
      "sweep a unit's capacity (* for every unit or resource)" },
    { "csv", K_CSV, 1, "FILE", "write the curve as CSV to FILE" },
    { "svg", K_SVG, 1, "FILE", "draw the curve as SVG to FILE" },
    O_TIME_LIMIT, O_WORK_LIMIT, O_GAP, O_MAX_NONZEROS, O_HELP, O_END
};

const cli_cmd cli_sweep = {
    "sweep", "PLAN.xml (--budget-total FROM:TO:STEPS | "
             "--capacity UNIT:RESOURCE:FROM:TO:STEPS) [OPTION]...",
    "the value curve with the roadmap at each point",
    "Solves the plan at STEPS points from FROM to TO and writes, for each, "
    "the objective and the roadmap (CSV on standard output unless --csv "
    "or --svg).",
    sweep_opts
};

static const cli_opt people_opts[] = {
    O_SCENARIO,
    { "person", K_PERSON, 1, "ID", "only this person" },
    O_TIME_LIMIT, O_WORK_LIMIT, O_GAP, O_MAX_NONZEROS,
    O_FORMAT("xml or csv"), O_OUTPUT("the plans"), O_HELP, O_END
};

const cli_cmd cli_people = {
    "people", "PLAN.xml [OPTION]...",
    "each person's plan, period by period",
    "Solves the plan and assigns its people to the work of their units, "
    "period by period.",
    people_opts
};

static const cli_opt brief_opts[] = {
    { "unit", K_UNIT, 1, "ID", "the unit (required)" },
    O_SCENARIO, O_TIME_LIMIT, O_WORK_LIMIT, O_GAP, O_MAX_NONZEROS,
    O_FORMAT("or xml"), O_OUTPUT("the page"), O_HELP, O_END
};

const cli_cmd cli_brief = {
    "brief", "PLAN.xml --unit ID [OPTION]...",
    "a unit's page: commitments, dependents, load, people",
    NULL,
    brief_opts
};

static const cli_opt report_opts[] = {
    O_SCENARIO,
    { "result", K_RESULT, 1, "RESULT.xml", "report this result" },
    { "explain", K_EXPLAIN, 0, NULL, "add the explanations" },
    { "compare", K_COMPARE, 0, NULL,
      "put the scenarios beside the base instead of applying them" },
    { "sweep-budget", K_SWEEP_BUDGET, 1, "FROM:TO:STEPS",
      "add the curve of the total budget" },
    O_TIME_LIMIT, O_WORK_LIMIT, O_GAP, O_MAX_NONZEROS,
    { "output", K_OUTPUT, 1, "REPORT.html", "the report (required)" },
    O_HELP, O_END
};

const cli_cmd cli_report = {
    "report", "(PLAN.xml [-s SCENARIO.xml]... | -r RESULT.xml | "
              "PLAN.xml -r RESULT.xml) -o REPORT.html [OPTION]...",
    "one HTML file: Gantt, loads, spend",
    "A single self-contained HTML page of a result: the roadmap as a Gantt "
    "chart, every unit's load with its levers, spend against every "
    "budget, and with --explain, --compare or --sweep-budget more.",
    report_opts
};

static const cli_opt batch_opts[] = {
    { "output", K_OUTPUT, 1, "DIR", "the results' folder (required)" },
    { "jobs", K_JOBS, 1, "N", "solve in N processes (1..256)" },
    { "shard", K_SHARD, 1, "K/N", "solve only the K-th of N shares" },
    O_TIME_LIMIT, O_WORK_LIMIT, O_GAP, O_MAX_NONZEROS, O_HELP, O_END
};

const cli_cmd cli_batch = {
    "batch", "PLAN.xml [SCENARIO.xml]... -o DIR [OPTION]...",
    "base and scenarios in N processes, resumable",
    "Solves the plan and each scenario into DIR (one result each, and "
    "summary.csv, summary.xml and the workbook summary.xlsx); runs already "
    "in DIR are kept, so an interrupted batch resumes.",
    batch_opts
};

static const cli_opt merge_opts[] = {
    { "output", K_OUTPUT, 1, "DIR", "the merged folder (required)" },
    O_HELP, O_END
};

const cli_cmd cli_merge = {
    "merge", "-o DIR DIR...",
    "join the results of batch shards into one summary",
    NULL,
    merge_opts
};

static const cli_opt export_opts[] = {
    { "lp", K_LP, 0, NULL, "CPLEX LP format" },
    { "mps", K_MPS, 0, NULL, "free MPS format" },
    O_HELP, O_END
};

const cli_cmd cli_export = {
    "export", "PLAN.xml (--lp | --mps) FILE",
    "write the model for other solvers",
    "Writes the mixed-integer program of the plan, with readable names, "
    "for glpsol, CBC or any solver that reads LP or MPS.",
    export_opts
};

static const cli_opt convert_opts[] = {
    O_SCENARIO,
    { "format", K_FORMAT, 1, "FORMAT",
      "xml, xlsx or csv (a folder); default: by OUT's name (.xml, .xlsx, "
      "a folder that exists or a name ending in /)" },
    O_HELP, O_END
};

const cli_cmd cli_convert = {
    "convert", "IN OUT [OPTION]...",
    "a plan from XML to a workbook or CSV folder, and back",
    "Reads the plan IN (XML, an .xlsx workbook or a folder of CSV files, "
    "as every command does) and writes it to OUT in the format its name "
    "says: .xml, .xlsx, or a folder (one that exists, or a name ending in "
    "/) of CSV files, one per sheet. With -s, the plan after the "
    "scenarios. Reading what it wrote gives the same plan back. The sheets "
    "and their columns are in opsalign-plan(5) and the workbook's README "
    "sheet.",
    convert_opts
};

static const cli_opt template_opts[] = {
    { "output", K_OUTPUT, 1, "FILE",
      "the workbook to write (.xlsx), or a folder for CSV files, or .xml" },
    { "format", K_FORMAT, 1, "FORMAT",
      "xlsx, csv or xml; default: by FILE's name" },
    O_HELP, O_END
};

const cli_cmd cli_template = {
    "template", "-o FILE",
    "a workbook to start a plan from",
    "Writes a plan workbook with an example in the first rows of every "
    "sheet (a small plan that solves), drop-down lists of the plan's ids "
    "and choices, and a README sheet that says what each column means. "
    "Replace the examples with your rows, then give the workbook to any "
    "command: opsalign solve plan.xlsx.",
    template_opts
};

static const cli_opt plain_opts[] = { O_HELP, O_END };

const cli_cmd cli_version = {
    "version", "", "print the version of opsalign and of the library",
    NULL, plain_opts
};

const cli_cmd cli_help = {
    "help", "[COMMAND]", "list the commands, or a command's options",
    NULL, plain_opts
};

const cli_cmd *const cli_commands[] = {
    &cli_check, &cli_solve, &cli_explain, &cli_compare, &cli_sweep,
    &cli_people, &cli_brief, &cli_report, &cli_batch, &cli_merge,
    &cli_export, &cli_convert, &cli_template, &cli_version, &cli_help,
    NULL
};

const cli_cmd *cli_find(const char *name)
{
    int k;
    for (k = 0; cli_commands[k]; k++)
        if (strcmp(cli_commands[k]->name, name) == 0)
            return cli_commands[k];
    return NULL;
}

/* ---- help ---- */

/* text wrapped at 76 columns, each line indented by indent. */
static void wrap(FILE *f, const char *text, int indent)
{
    const char *p = text;
    while (*p) {
        const char *end = p, *brk = NULL;
        int col = indent;
        while (*end && col < 76) {
            if (*end == ' ')
                brk = end;
            end++;
            col++;
        }
        if (*end && brk)
            end = brk;
        fprintf(f, "%*s%.*s\n", indent, "", (int)(end - p), p);
        p = *end == ' ' ? end + 1 : end;
    }
}

void cli_print_help(const cli_cmd *cmd, FILE *f)
{
    const cli_opt *o;
    fprintf(f, "usage: %s %s%s%s\n", progname, cmd->name,
            cmd->synopsis[0] ? " " : "", cmd->synopsis);
    fprintf(f, "\n");
    wrap(f, cmd->summary, 0);
    if (cmd->details) {
        fprintf(f, "\n");
        wrap(f, cmd->details, 0);
    }
    fprintf(f, "\nOptions:\n");
    for (o = cmd->opts; o->name; o++) {
        char head[80];
        int n;
        if (o->key < 256)
            n = snprintf(head, sizeof head, "  -%c, --%s%s%s", o->key,
                         o->name, o->arg ? "=" : "", o->arg ? o->value : "");
        else
            n = snprintf(head, sizeof head, "      --%s%s%s", o->name,
                         o->arg ? "=" : "", o->arg ? o->value : "");
        if (n > 30) {
            fprintf(f, "%s\n", head);
            wrap(f, o->help, 32);
        } else {
            fprintf(f, "%-32s", head);
            /* the first line beside the option, the rest below it */
            {
                const char *h = o->help, *brk = NULL, *e = h;
                while (*e && e - h < 44) {
                    if (*e == ' ')
                        brk = e;
                    e++;
                }
                if (*e && brk)
                    e = brk;
                fprintf(f, "%.*s\n", (int)(e - h), h);
                if (*e)
                    wrap(f, *e == ' ' ? e + 1 : e, 32);
            }
        }
    }
    fprintf(f, "\nExit status: 0 success, 1 bad usage or input, 2 infeasible, "
               "3 no roadmap\nin time, 4 internal failure, 5 output not "
               "written. See opsalign(1).\n");
}

void cli_print_usage(FILE *f)
{
    int k;
    fprintf(f, "usage: %s COMMAND [OPTION]... [ARG]...\n\ncommands:\n",
            progname);
    for (k = 0; cli_commands[k]; k++)
        fprintf(f, "  %-9s %s\n", cli_commands[k]->name,
                cli_commands[k]->summary);
    fprintf(f, "\n'%s COMMAND --help' or '%s help COMMAND' shows a "
               "command's options;\n'%s --version' (-V) the version; "
               "'man opsalign' the whole story.\n",
            progname, progname, progname);
}

int cli_usage_error(const cli_cmd *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s %s: ", progname, cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s %s --help' for its options.\n", progname,
            cmd->name);
    return EXIT_INPUT;
}

/* ---- parsing ---- */

void cli_start(cli_parser *p, const cli_cmd *cmd, int argc, char **argv)
{
    const cli_opt *o;
    size_t n = 0, s = 0;
    memset(p, 0, sizeof *p);
    p->cmd = cmd;
    p->argc = argc;
    p->argv = argv;
    /* ':' first: a missing value is ':' rather than '?' */
    p->so[s++] = ':';
    for (o = cmd->opts; o->name && n + 1 < sizeof p->lo / sizeof p->lo[0];
         o++, n++) {
        p->lo[n].name = o->name;
        p->lo[n].has_arg = o->arg ? required_argument : no_argument;
        p->lo[n].flag = NULL;
        p->lo[n].val = o->key;
        if (o->key < 256 && s + 3 < sizeof p->so) {
            p->so[s++] = (char)o->key;
            if (o->arg)
                p->so[s++] = ':';
        }
    }
    p->so[s] = '\0';
    /* 0: glibc starts over (a command may parse after another) */
    optind = 0;
    opterr = 0;
}

static const cli_opt *by_key(const cli_cmd *cmd, int key)
{
    const cli_opt *o;
    for (o = cmd->opts; o->name; o++)
        if (o->key == key)
            return o;
    return NULL;
}

/* "unknown option '--time-limt' (did you mean '--time-limit'?)" */
static void unknown_option(cli_parser *p, const char *spelt)
{
    const char *names[64];
    const cli_opt *o;
    size_t n = 0, len = strcspn(spelt, "=");
    char word[128];
    const char *near;
    if (spelt[0] == '-' && spelt[1] == '-' && len - 2 < sizeof word) {
        char all[400];
        size_t used = 0, hits = 0;
        memcpy(word, spelt + 2, len - 2);
        word[len - 2] = '\0';
        /* a prefix of several options */
        all[0] = '\0';
        for (o = p->cmd->opts; o->name; o++)
            if (len > 2 && strncmp(o->name, word, len - 2) == 0 &&
                used + strlen(o->name) + 5 < sizeof all) {
                used += (size_t)snprintf(all + used, sizeof all - used,
                                         "%s--%s", hits++ ? ", " : "",
                                         o->name);
            }
        if (hits > 1) {
            cli_usage_error(p->cmd, "option '%.*s' is ambiguous (%s)",
                            (int)len, spelt, all);
            return;
        }
        for (o = p->cmd->opts; o->name && n < 64; o++)
            names[n++] = o->name;
        near = oa_suggest(word, names, n);
        if (near) {
            cli_usage_error(p->cmd, "unknown option '%.*s' (did you mean "
                            "'--%s'?)", (int)len, spelt, near);
            return;
        }
    }
    cli_usage_error(p->cmd, "unknown option '%.*s'", (int)len, spelt);
}

int cli_next(cli_parser *p)
{
    int prev = optind ? optind : 1;
    int c = getopt_long(p->argc, p->argv, p->so, p->lo, NULL);
    const cli_opt *o;
    p->arg = NULL;
    p->opt = NULL;
    if (c == -1) {
        p->operand = optind;
        return CLI_END;
    }
    if (c == '?') {
        char spelt[4];
        if (optopt) {
            snprintf(spelt, sizeof spelt, "-%c", optopt);
            unknown_option(p, spelt);
        } else {
            /* a long option: the element getopt stopped at (ambiguous
             * prefixes come here too) */
            const char *a = p->argv[optind > prev ? optind - 1 : prev];
            unknown_option(p, a ? a : "?");
        }
        return CLI_ERROR;
    }
    if (c == ':') {
        o = by_key(p->cmd, optopt);
        cli_usage_error(p->cmd, "option '--%s' needs a value (%s)",
                        o ? o->name : "?", o && o->value ? o->value : "");
        return CLI_ERROR;
    }
    if (c == K_HELP) {
        cli_print_help(p->cmd, stdout);
        return CLI_SHOWN_HELP;
    }
    o = by_key(p->cmd, c);
    p->arg = optarg;
    snprintf(p->optname, sizeof p->optname, "--%s", o ? o->name : "?");
    p->opt = p->optname;
    return c;
}
