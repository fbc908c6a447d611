/*
 * The command line of opsalign: each command's options, parsed with
 * getopt_long (--opt=value, --opt value, -j2, -j 2, -- ends the options,
 * unique prefixes of long options), its help (COMMAND --help, help
 * COMMAND), and usage errors that name the command and the option, with a
 * "did you mean" for a misspelt option or command.
 */
#ifndef OPSALIGN_ARGS_H
#define OPSALIGN_ARGS_H

#include <getopt.h>

/* Keys of the options: their short letter, or a code of their own. */
enum {
    K_FORMAT = 'f',
    K_HELP = 'h',
    K_JOBS = 'j',
    K_OUTPUT = 'o',
    K_RESULT = 'r',
    K_SCENARIO = 's',
    K_VERBOSE = 'v',
    K_TIME_LIMIT = 256,
    K_WORK_LIMIT,
    K_GAP,
    K_MAX_NONZEROS,
    K_RELAX,
    K_BASELINE,
    K_AS_OF,
    K_STABILITY,
    K_DROP_PRICE,
    K_ACTUALS,
    K_NO_HEURISTIC,
    K_PSEUDOCOST,
    K_GLPK_BRANCHING,
    K_CUTS,
    K_NO_CUTS,
    K_CLIQUES,
    K_NO_LNS,
    K_BOTTLENECKS,
    K_COLD,
    K_BUDGET_TOTAL,
    K_CAPACITY,
    K_CSV,
    K_SVG,
    K_PERSON,
    K_UNIT,
    K_EXPLAIN,
    K_COMPARE,
    K_SWEEP_BUDGET,
    K_LP,
    K_MPS,
    K_SHARD
};

/* One option of a command. */
typedef struct cli_opt {
    const char *name;   /* long name, without "--" */
    int key;            /* K_*: a letter is also its short form */
    int arg;            /* 1: takes a value */
    const char *value;  /* the value's name in help ("SEC") */
    const char *help;
} cli_opt;

/* A command: its name, what it takes, what it does, its options (ending
 * with a NULL name; --help is every command's). */
typedef struct cli_cmd {
    const char *name;
    const char *synopsis;   /* after "opsalign NAME " */
    const char *summary;    /* one line for the command list */
    const char *details;    /* paragraphs for COMMAND --help, or NULL */
    const cli_opt *opts;
} cli_cmd;

extern const cli_cmd cli_check, cli_solve, cli_explain, cli_compare,
    cli_sweep, cli_people, cli_brief, cli_report, cli_batch, cli_merge,
    cli_export, cli_convert, cli_template, cli_version, cli_help;

/* Every command, in the order of the help; NULL at the end. */
extern const cli_cmd *const cli_commands[];

/* The command named name, or NULL. */
const cli_cmd *cli_find(const char *name);

/* cli_next's answers besides an option's key. */
enum { CLI_END = -1, CLI_ERROR = -2, CLI_SHOWN_HELP = -3 };

typedef struct cli_parser {
    const cli_cmd *cmd;
    int argc;
    char **argv;
    const char *arg;        /* the value of the option just returned */
    const char *opt;        /* its name as "--name", for messages */
    char optname[72];
    int operand;            /* at CLI_END: argv index of the first operand */
    struct option lo[48];
    char so[100];
} cli_parser;

/* Starts parsing the options of cmd in argv[1..argc-1] (argv[0] is the
 * command's name). */
void cli_start(cli_parser *p, const cli_cmd *cmd, int argc, char **argv);

/* The key of the next option (p->arg its value); CLI_END when only
 * operands are left (from p->operand on, in order); CLI_SHOWN_HELP after
 * printing the command's help on standard output (--help); CLI_ERROR
 * after printing a usage error on standard error. */
int cli_next(cli_parser *p);

/* Prints the command's help to f. */
void cli_print_help(const cli_cmd *cmd, FILE *f);
/* Prints the list of commands (opsalign --help) to f. */
void cli_print_usage(FILE *f);

/* Prints "opsalign CMD: MESSAGE" and a pointer to CMD --help on
 * standard error; returns the exit status of a usage error. */
int cli_usage_error(const cli_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
