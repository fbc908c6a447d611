/*
 * Internal definitions shared by the modules of lib/.  Internal functions
 * shared across files start with oap_ so that the export filter never
 * matches them.
 */
#ifndef OA_PRIVATE_H
#define OA_PRIVATE_H

#include <config.h>

#include <stdarg.h>
#include <stddef.h>

#include "opsalign.h"

#if defined(__GNUC__)
#define OAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define OAP_PRINTF(f, a)
#endif

/* Argument check: misuse returns OA_EINVAL instead of crashing. */
/* An options struct of any version from 1 to the current one (libgit2's
 * rule: a program built against older headers keeps working; fields of
 * later versions are read only when version says they are there). */
#define OAP_VERSION_OK(v, current) ((v) >= 1 && (v) <= (current))

#define OAP_ARG(expr)                                                        \
    do {                                                                     \
        if (!(expr))                                                         \
            return OA_EINVAL;                                                \
    } while (0)
#define OAP_ARG_RET(expr, ret)                                               \
    do {                                                                     \
        if (!(expr))                                                         \
            return (ret);                                                    \
    } while (0)

/* Allocation through the replaceable allocator (oa_set_alloc_funcs). */
void *oap_malloc(size_t size);
void *oap_calloc(size_t n, size_t size);
void *oap_realloc(void *ptr, size_t size);
void oap_free(void *ptr);
char *oap_strdup(const char *s);

/*
 * Grows an array so that it holds at least need elements of size elem.
 * Returns 0, or -1 on overflow or out of memory (the array is unchanged).
 */
int oap_grow(void **data, size_t *cap, size_t need, size_t elem);

/* Appends one element (copied from item) to a dynamic array. */
#define OAP_PUSH(arr, n, cap, item)                                          \
    (oap_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)) != 0          \
         ? OA_ENOMEM                                                         \
         : ((arr)[(n)++] = (item), OA_OK))

#define OAP_VEC(T)                                                           \
    struct {                                                                 \
        T *v;                                                                \
        size_t n, cap;                                                       \
    }
#define OAP_VPUSH(vec, item) OAP_PUSH((vec).v, (vec).n, (vec).cap, item)

/* A growable string buffer. */
typedef struct oap_buf {
    char *data;
    size_t len, cap;
    int failed; /* set when an append ran out of memory */
} oap_buf;

void oap_buf_init(oap_buf *b);
void oap_buf_free(oap_buf *b);
void oap_buf_puts(oap_buf *b, const char *s);
void oap_buf_putn(oap_buf *b, const char *s, size_t n);
void oap_buf_printf(oap_buf *b, const char *fmt, ...) OAP_PRINTF(2, 3);
/* Takes the string out of the buffer (caller frees with oap_free). */
char *oap_buf_steal(oap_buf *b);

/* Hands a writer's buffer to the caller: *out gets its text (and *size
 * its length) when rc is OA_OK and nothing ran out of memory; otherwise
 * the buffer is freed and the error returned. */
int oap_buf_finish(char **out, size_t *size, oap_buf *b, int rc);
/* Saves text a writer made (rc: the writer's code) to path atomically and
 * frees it. */
int oap_save_text(const char *path, char *data, size_t size, int rc,
                  oa_error *err);

/* A string arena: strings live until the arena is freed. */
typedef struct oap_arena_block oap_arena_block;
typedef struct oap_arena {
    oap_arena_block *head;
} oap_arena;
/* Copies s into the arena (NULL stays NULL; NULL on out of memory). */
const char *oap_arena_str(oap_arena *a, const char *s);
void oap_arena_free(oap_arena *a);

/* Sets an error (keeps the first one: a set error is not overwritten). */
void oap_error_set(oa_error *err, int code, const char *source, int line,
                   const char *fmt, ...) OAP_PRINTF(5, 6);
void oap_error_setv(oa_error *err, int code, const char *source, int line,
                    const char *fmt, va_list ap);
/* Appends an error to a list; returns OA_OK or OA_ENOMEM. */
int oap_error_list_push(oa_error_list *list, const oa_error *e);
/* Keeps the first n errors of a list. */
void oap_error_list_truncate(oa_error_list *list, size_t n);
/* Sorts the errors from index from on by line, keeping the order of equal
 * lines; errors without a line go last. */
void oap_error_list_sort(oa_error_list *list, size_t from);

/* Shortest text that reads back as the same double ("NaN" for NaN). */
void oap_format_double(char *buf, size_t size, double v);

/* 1234567.8 -> "1,234,568" (rounded to whole units; "-" for NaN). */
void oap_format_money(char *buf, size_t size, double v);
/* 1 when s is valid UTF-8 without control characters (C0, DEL, C1):
 * what names, ids and labels may hold. */
int oap_text_clean(const char *s);
/* Bytes of s that hold its first cols characters (UTF-8 code points). */
size_t oap_utf8_prefix(const char *s, size_t cols);
/* In place: every byte that is not part of a valid UTF-8 character, and
 * every control character (a line break a value echoed in a message
 * would bring), becomes '?'. */
void oap_text_sanitize(char *s);
/* Removes an incomplete UTF-8 sequence left at the end of s by a cut. */
void oap_utf8_fix_end(char *s);
/* The length of s without such a sequence (what a cut text may show). */
size_t oap_utf8_complete(const char *s);
/* Appends s cut to width characters (never inside one) and padded with
 * spaces to width: a text column. */
void oap_buf_put_col(oap_buf *b, const char *s, int width);
/* The same with a number of decimals (0 or 2). */
void oap_format_money_dec(char *buf, size_t size, double v, int decimals);
/* The same followed by the currency, when there is one: "1,234,568 EUR". */
void oap_format_money_cur(char *buf, size_t size, double v, const char *cur);
/* An amount of a resource: "3", or "0.25" (two decimals) when not whole. */
void oap_format_amount(char *buf, size_t size, double v);

/* A CSV field: text quoted as RFC 4180 wants (NULL: empty), with a
 * leading apostrophe where a spreadsheet would take it for a formula
 * (=, +, -, @, tab, carriage return first); a number
 * exact and short, whole numbers without an exponent (NaN: empty). */
void oap_csv_str(oap_buf *b, const char *s);
void oap_csv_num(oap_buf *b, double v);

/* Safe formatting into a fixed buffer (always NUL-terminated). */
void oap_strlcpy(char *dst, const char *src, size_t size);

/* The length (1..4) of the well-formed UTF-8 character at p, of at most
 * avail bytes, and its code point in *cp; 0 for a NUL, a byte that
 * starts no character, a sequence cut short, overlong or a surrogate. */
size_t oap_utf8_char(const unsigned char *p, size_t avail, unsigned long *cp);

/* The nearest of candidates offered one by one (oa_suggest's rule). */
typedef struct oap_nearest {
    const char *word;
    const char *best;
    int dist;           /* best's distance; the most allowed + 1 at first */
    int exact;          /* word is one of the candidates */
} oap_nearest;

void oap_nearest_init(oap_nearest *n, const char *word);
void oap_nearest_try(oap_nearest *n, const char *candidate);
/* The suggestion, or NULL. */
const char *oap_nearest_get(const oap_nearest *n);

/* A " (did you mean 'x'?)" for printf as "%s%s%s", empty when s is NULL. */
#define OAP_DYM_FMT "%s%s%s"
#define OAP_DYM(s) ((s) ? " (did you mean '" : ""), ((s) ? (s) : ""), \
                   ((s) ? "'?)" : "")

#endif
