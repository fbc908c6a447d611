/*
 * Shared by the fuzz targets (fuzz/README.md).  Each target defines
 * LLVMFuzzerTestOneInput(); built with clang -fsanitize=fuzzer it is a
 * libFuzzer binary, linked with replay.c it runs saved inputs (the test
 * suite replays fuzz/regress/ that way, under ASan/UBSan).
 */
#ifndef OA_FUZZ_H
#define OA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>

#include <opsalign.h>

#include "oracle.h"

/* Plans larger than this are read and validated but not solved: the
 * solver's own time limit keeps each solve short, building a huge model
 * would not be. */
#define FUZZ_MAX_BINARIES 400
#define FUZZ_MAX_ROWS 4000

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_init(void)
{
    static int done;
    if (!done)
        done = oa_init() == OA_OK;
}

/* A result the library gives must pass the oracle (tests/oracle.h): a
 * wrong answer is a bug like a crash, so it aborts for libFuzzer. */
static inline void fuzz_check(const oa_plan *plan, const oa_result *res)
{
    char msg[512];
    if (oracle_check(plan, res, msg, sizeof msg) != 0) {
        fprintf(stderr, "oracle: %s\n", msg);
        abort();
    }
}

/* A fresh copy of examples/small.xml, read once (NULL if it cannot be
 * read); the caller frees it. */
static inline oa_plan *fuzz_base_plan(void)
{
    static oa_plan *base;
    oa_plan *plan = NULL;
    if (base == NULL &&
        oa_plan_read_file(&base, FUZZ_SRCDIR "/examples/small.xml", NULL,
                          NULL, NULL) != OA_OK)
        return NULL;
    if (oa_plan_copy(&plan, base) != OA_OK)
        return NULL;
    return plan;
}

#endif
