/*
 * Common services: return codes, errors and error lists, allocation,
 * version.
 */
#include "private.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *(*alloc_malloc)(size_t) = malloc;
static void *(*alloc_realloc)(void *, size_t) = realloc;
static void (*alloc_free)(void *) = free;

OA_API void oa_set_alloc_funcs(void *(*malloc_fn)(size_t),
                               void *(*realloc_fn)(void *, size_t),
                               void (*free_fn)(void *))
{
    if (malloc_fn == NULL || realloc_fn == NULL || free_fn == NULL) {
        alloc_malloc = malloc;
        alloc_realloc = realloc;
        alloc_free = free;
        return;
    }
    alloc_malloc = malloc_fn;
    alloc_realloc = realloc_fn;
    alloc_free = free_fn;
}

void *oap_malloc(size_t size)
{
    return alloc_malloc(size ? size : 1);
}

void *oap_calloc(size_t n, size_t size)
{
    void *p;
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    p = oap_malloc(n * size);
    if (p)
        memset(p, 0, n * size > 0 ? n * size : 1);
    return p;
}

void *oap_realloc(void *ptr, size_t size)
{
    return alloc_realloc(ptr, size ? size : 1);
}

void oap_free(void *ptr)
{
    if (ptr)
        alloc_free(ptr);
}

OA_API void oa_free(void *ptr)
{
    oap_free(ptr);
}

char *oap_strdup(const char *s)
{
    size_t n;
    char *d;
    if (s == NULL)
        return NULL;
    n = strlen(s) + 1;
    d = oap_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int oap_grow(void **data, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *p;
    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : 4;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (elem != 0 && ncap > SIZE_MAX / elem)
        return -1;
    p = oap_realloc(*data, ncap * elem);
    if (p == NULL)
        return -1;
    *data = p;
    *cap = ncap;
    return 0;
}

void oap_strlcpy(char *dst, const char *src, size_t size)
{
    size_t n;
    if (size == 0)
        return;
    if (src == NULL)
        src = "";
    n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* ---- strings ---- */

void oap_buf_init(oap_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void oap_buf_free(oap_buf *b)
{
    oap_free(b->data);
    oap_buf_init(b);
}

void oap_buf_putn(oap_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (oap_grow((void **)&b->data, &b->cap, b->len + n + 1, 1) != 0) {
        b->failed = 1;
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void oap_buf_puts(oap_buf *b, const char *s)
{
    oap_buf_putn(b, s, strlen(s));
}

void oap_buf_printf(oap_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (b->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (oap_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1) != 0) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *oap_buf_steal(oap_buf *b)
{
    char *s;
    if (b->failed) {
        oap_buf_free(b);
        return NULL;
    }
    if (b->data == NULL)
        return oap_strdup("");
    s = b->data;
    oap_buf_init(b);
    return s;
}

/* ---- string arena ---- */

struct oap_arena_block {
    oap_arena_block *next;
    size_t used, size;
    char data[];
};

#define OAP_ARENA_BLOCK 4000

const char *oap_arena_str(oap_arena *a, const char *s)
{
    size_t n;
    oap_arena_block *b;
    char *d;
    if (s == NULL)
        return NULL;
    n = strlen(s) + 1;
    b = a->head;
    if (b == NULL || b->size - b->used < n) {
        size_t size = n > OAP_ARENA_BLOCK ? n : OAP_ARENA_BLOCK;
        b = oap_malloc(sizeof *b + size);
        if (b == NULL)
            return NULL;
        b->size = size;
        b->used = 0;
        /* A big string gets a block of its own behind the current one, so
         * the current block keeps its free space. */
        if (a->head && n > OAP_ARENA_BLOCK) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    d = b->data + b->used;
    memcpy(d, s, n);
    b->used += n;
    return d;
}

void oap_arena_free(oap_arena *a)
{
    oap_arena_block *b, *next;
    for (b = a->head; b; b = next) {
        next = b->next;
        oap_free(b);
    }
    a->head = NULL;
}

/* ---- codes and errors ---- */

OA_API const char *oa_strerror(int code)
{
    switch (code) {
    case OA_OK: return "success";
    case OA_EINVAL: return "invalid argument";
    case OA_ENOMEM: return "out of memory";
    case OA_EIO: return "input/output error";
    case OA_EPARSE: return "malformed document";
    case OA_EINVALID: return "invalid plan";
    case OA_ENOTFOUND: return "not found";
    case OA_ESTATE: return "wrong state for this call";
    case OA_ESOLVER: return "solver failure";
    case OA_ELIMIT: return "limit exceeded";
    case OA_EINTERNAL: return "internal error";
    default: return "unknown error";
    }
}

OA_API void oa_error_clear(oa_error *err)
{
    if (err == NULL)
        return;
    err->code = OA_OK;
    err->line = -1;
    err->column = -1;
    err->source[0] = '\0';
    err->text[0] = '\0';
}

void oap_error_setv(oa_error *err, int code, const char *source, int line,
                    const char *fmt, va_list ap)
{
    if (err == NULL || err->code != OA_OK)
        return;
    err->code = code;
    err->line = line;
    err->column = -1;
    oap_strlcpy(err->source, source ? source : "", sizeof err->source);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    /* A message cut at the buffer's end is not cut inside a character,
     * and a value it echoes cannot break its line (or forge another
     * FILE:LINE: error: line). */
    oap_utf8_fix_end(err->text);
    oap_text_sanitize(err->text);
}

void oap_error_set(oa_error *err, int code, const char *source, int line,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    oap_error_setv(err, code, source, line, fmt, ap);
    va_end(ap);
}

OA_API int oa_error_format(char *buf, size_t size, const oa_error *err)
{
    char dummy[1];
    if (buf == NULL || size == 0) {
        buf = dummy;
        size = sizeof dummy;
    }
    if (err == NULL)
        return snprintf(buf, size, "%s", "");
    if (err->source[0] && err->line > 0)
        return snprintf(buf, size, "%s:%d: error: %s", err->source, err->line,
                        err->text);
    if (err->source[0])
        return snprintf(buf, size, "%s: error: %s", err->source, err->text);
    return snprintf(buf, size, "error: %s", err->text);
}

struct oa_error_list {
    oa_error *items;
    size_t n, cap;
};

OA_API int oa_error_list_new(oa_error_list **out)
{
    oa_error_list *l;
    OAP_ARG(out);
    *out = NULL;
    l = oap_calloc(1, sizeof *l);
    if (l == NULL)
        return OA_ENOMEM;
    *out = l;
    return OA_OK;
}

OA_API void oa_error_list_free(oa_error_list *list)
{
    if (list == NULL)
        return;
    oap_free(list->items);
    oap_free(list);
}

OA_API void oa_error_list_clear(oa_error_list *list)
{
    if (list)
        list->n = 0;
}

OA_API size_t oa_error_list_count(const oa_error_list *list)
{
    return list ? list->n : 0;
}

OA_API const oa_error *oa_error_list_get(const oa_error_list *list, size_t i)
{
    if (list == NULL || i >= list->n)
        return NULL;
    return &list->items[i];
}

int oap_error_list_push(oa_error_list *list, const oa_error *e)
{
    if (list == NULL)
        return OA_OK;
    return OAP_PUSH(list->items, list->n, list->cap, *e);
}

void oap_error_list_truncate(oa_error_list *list, size_t n)
{
    if (list && n < list->n)
        list->n = n;
}

void oap_error_list_sort(oa_error_list *list, size_t from)
{
    size_t i, j;
    if (list == NULL)
        return;
    /* Insertion sort: stable, and lists are short and mostly sorted. */
    for (i = from + 1; i < list->n; i++) {
        oa_error tmp = list->items[i];
        int key = tmp.line < 0 ? INT_MAX : tmp.line;
        for (j = i; j > from; j--) {
            int prev = list->items[j - 1].line;
            if ((prev < 0 ? INT_MAX : prev) <= key)
                break;
            list->items[j] = list->items[j - 1];
        }
        list->items[j] = tmp;
    }
}

/* ---- version ---- */

OA_API const char *oa_version(void)
{
    return OA_VERSION;
}

OA_API int oa_version_number(void)
{
    return OA_VERSION_NUMBER;
}

/* ---- UTF-8 text ---- */

size_t oap_utf8_char(const unsigned char *p, size_t avail, unsigned long *cp)
{
    unsigned long c;
    size_t n, k;
    if (avail == 0 || *p == 0)
        return 0;
    if (*p < 0x80) {
        *cp = *p;
        return 1;
    }
    if ((*p & 0xE0) == 0xC0)
        n = 2, c = *p & 0x1F;
    else if ((*p & 0xF0) == 0xE0)
        n = 3, c = *p & 0x0F;
    else if ((*p & 0xF8) == 0xF0)
        n = 4, c = *p & 0x07;
    else
        return 0;
    if (avail < n)
        return 0;
    for (k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[k] & 0x3F);
    }
    if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
        (n == 4 && c < 0x10000) || (c >= 0xD800 && c <= 0xDFFF) ||
        c > 0x10FFFF)
        return 0;
    *cp = c;
    return n;
}

/* The length of the character at p when it may stand in a text: not a
 * control character (C0, DEL, C1) and not U+FFFE or U+FFFF, which XML
 * has no place for; else 0.  p ends with a NUL. */
static size_t clean_char(const unsigned char *p)
{
    unsigned long c;
    size_t n = oap_utf8_char(p, 4, &c);
    if (n == 0 || c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
        c == 0xFFFE || c == 0xFFFF)
        return 0;
    return n;
}

int oap_text_clean(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = clean_char(p);
        if (n == 0)
            return 0;
        p += n;
    }
    return 1;
}

size_t oap_utf8_prefix(const char *s, size_t cols)
{
    size_t i = 0;
    while (s[i] && cols > 0) {
        i++;
        /* continuation bytes belong to the character before them */
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        cols--;
    }
    return i;
}

size_t oap_utf8_complete(const char *s)
{
    size_t n = strlen(s), k = n, need;
    unsigned char c;
    /* back to the lead byte of the last character */
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80 && n - k < 3)
        k--;
    if (k == 0)
        return n;
    c = (unsigned char)s[k - 1];
    need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n - (k - 1) < need ? k - 1 : n;
}

void oap_utf8_fix_end(char *s)
{
    s[oap_utf8_complete(s)] = '\0';
}

void oap_text_sanitize(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        size_t n = clean_char(p);
        if (n == 0)
            *p++ = '?'; /* a byte that is no character, or a control */
        else
            p += n;
    }
}

/* Edit distance of a and b (optimal string alignment: insertions,
 * deletions, substitutions, swaps of neighbours), ASCII case ignored;
 * anything above max is max + 1. */
static int edit_distance(const char *a, const char *b, int max)
{
    enum { L = 64 };
    int d[3][L + 1], la = (int)strlen(a), lb = (int)strlen(b), i, j;
    if (la > L || lb > L || abs(la - lb) > max)
        return max + 1;
    for (j = 0; j <= lb; j++)
        d[0][j] = j;
    for (i = 1; i <= la; i++) {
        int *cur = d[i % 3], *prev = d[(i - 1) % 3], *pp = d[(i + 1) % 3];
        int lo = max + 1;
        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]);
            int cb = tolower((unsigned char)b[j - 1]);
            int v = prev[j - 1] + (ca != cb);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < lo)
                lo = v;
        }
        if (lo > max)
            return max + 1;
    }
    return d[la % 3][lb] > max ? max + 1 : d[la % 3][lb];
}

void oap_nearest_init(oap_nearest *n, const char *word)
{
    int len = word ? (int)strlen(word) : 0, max = len / 3;
    n->word = word;
    n->best = NULL;
    n->exact = 0;
    if (max < 1)
        max = 1;
    if (max > 3)
        max = 3;
    n->dist = max + 1;
}

void oap_nearest_try(oap_nearest *n, const char *candidate)
{
    int d;
    if (n->word == NULL || candidate == NULL || n->exact)
        return;
    if (strcmp(n->word, candidate) == 0) {
        n->exact = 1;
        return;
    }
    d = edit_distance(n->word, candidate, n->dist - 1);
    if (d < n->dist) {
        n->dist = d;
        n->best = candidate;
    }
}

const char *oap_nearest_get(const oap_nearest *n)
{
    return n->exact ? NULL : n->best;
}

OA_API const char *oa_suggest(const char *word,
                              const char *const *candidates, size_t n)
{
    oap_nearest near;
    size_t k;
    if (word == NULL || candidates == NULL)
        return NULL;
    oap_nearest_init(&near, word);
    for (k = 0; k < n; k++)
        oap_nearest_try(&near, candidates[k]);
    return oap_nearest_get(&near);
}
