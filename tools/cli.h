/*
 * What the files of the opsalign command share.
 */
#ifndef OPSALIGN_CLI_H
#define OPSALIGN_CLI_H

#include "opsalign.h"

/* Exit codes of the CLI contract (doc/cli.md). */
enum {
    EXIT_SOLVED = 0,
    EXIT_INPUT = 1,
    EXIT_INFEASIBLE = 2,
    EXIT_NOPLAN = 3,
    EXIT_INTERNAL = 4,
    EXIT_OUTPUT = 5      /* the output could not be written */
};

/* Raised by SIGINT and SIGTERM (main): every solve of a command is given
 * it, so that an interrupt stops the search and the best roadmap found
 * is still written. */
extern oa_interrupt *cli_interrupt;

/* Installs handler for SIGINT and SIGTERM, once: it resets after the
 * first signal, so that a second one ends the program at once. */
void cli_catch_signals(void (*handler)(int));

/* The exit status of writing an output: EXIT_OUTPUT for OA_EIO, else as
 * cli_exit(rc, NULL). */
int cli_out_exit(int rc);

extern const char *progname;

/*
 * The one map from a library return code (and, when there is one, the
 * result it produced) to the exit codes of doc/cli.md: OA_OK, or
 * OA_ESTATE with a result without a roadmap, by the result's status
 * (infeasible 2, no roadmap in time 3, else 0); OA_ENOMEM, OA_ESOLVER
 * and OA_EINTERNAL 4; every other code (bad arguments, a file that cannot
 * be read or written, bad or invalid input, an unknown name, a limit) 1.
 */
int cli_exit(int rc, const oa_result *r);

/* Prints errors as FILE:LINE: error: MESSAGE on stderr. */
void print_errors(const oa_error_list *list);
void print_error(const oa_error *err);
/* A non-negative number option; 0 if fine (else the error is printed). */
int parse_number(const char *opt, const char *arg, double *out);
/* A relative gap option, in [0, 1); 0 if fine (else the error is
 * printed). */
int parse_gap(const char *opt, const char *arg, double *out);
/* Reads and validates a plan, printing every error (NULL: *status set). */
oa_plan *load_plan(const char *path, int *status);

/* opsalign batch and merge (batch.c). */
int cmd_batch(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
