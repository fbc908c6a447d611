/* Helpers shared by the Check programs. */
#ifndef OA_TESTUTIL_H
#define OA_TESTUTIL_H

#include <check.h>
#include <stddef.h>

#include "opsalign.h"
#include "oracle.h"

/* Path of a file under tests/ in the source tree (static buffer). */
const char *tu_path(const char *rel);

/* Path of a file under the source tree's root (static buffer). */
const char *tu_top(const char *rel);

/* Reads a plan from a string; returns the oa_ code; errors go to list. */
int tu_read(oa_plan **out, const char *xml, oa_error_list *list);

/* Reads a whole file into a malloc'ed string (NULL on failure). */
char *tu_slurp(const char *path, size_t *size);

/*
 * Lists the files under tests/REL_DIR whose names end in ext, without the
 * ending, sorted.  Returns the count; *names is freed with tu_list_free.
 */
int tu_list(char ***names, const char *rel_dir, const char *ext);
void tu_list_free(char **names, int n);

/* Reads a plan from a file under the source tree's root; the test fails
 * (with the reader's first error) if it cannot. */
oa_plan *tu_read_plan(const char *rel);

/* Allocation failure injection for oa_set_alloc_funcs: the allocation
 * after tu_alloc_left more fails (once). */
extern long tu_alloc_left;
void *tu_failing_malloc(size_t n);
void *tu_failing_realloc(void *p, size_t n);

/* Runs a suite and returns the process exit status. */
int tu_run(Suite *s);

/* Asserts two doubles are equal within a relative tolerance of 1e-9. */
#define tu_assert_num(a, b)                                                  \
    do {                                                                     \
        double tu_a_ = (a), tu_b_ = (b);                                     \
        ck_assert_msg(tu_a_ - tu_b_ <= 1e-9 * (1 + (tu_b_ < 0 ? -tu_b_ : tu_b_)) && \
                          tu_b_ - tu_a_ <= 1e-9 * (1 + (tu_b_ < 0 ? -tu_b_ : tu_b_)), \
                      "%s == %.12g, expected %.12g", #a, tu_a_, tu_b_);     \
    } while (0)

/* Asserts that the oracle (oracle.h) accepts a result of plan. */
#define tu_assert_oracle(plan, r, name)                                      \
    do {                                                                     \
        char tu_m_[512];                                                     \
        ck_assert_msg(oracle_check((plan), (r), tu_m_, sizeof tu_m_) == 0,   \
                      "%s: oracle: %s", (name), tu_m_);                      \
    } while (0)

#endif
