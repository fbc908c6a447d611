/*
 * libopsalign: common definitions (export macro, error codes, the error
 * struct and error lists, allocation).
 */
#ifndef OPSALIGN_COMMON_H
#define OPSALIGN_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Marks a function of the public API (everything else is hidden). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define OA_API __attribute__((visibility("default")))
#define OA_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define OA_API
#define OA_WARN_UNUSED
#endif

/**
 * Return codes.  Functions that can fail return OA_OK (0) or one of these
 * negative codes.  Each function documents the codes it returns besides
 * OA_EINVAL (misuse: a NULL handle or an argument out of range) and
 * OA_ENOMEM (out of memory), which any fallible function may return.
 */
typedef enum oa_code {
    OA_OK = 0,            /**< Success. */
    OA_EINVAL = -1,       /**< Misuse: NULL handle, bad argument. */
    OA_ENOMEM = -2,       /**< Out of memory. */
    OA_EIO = -3,          /**< A file could not be read or written. */
    OA_EPARSE = -4,       /**< Input is not a well-formed document. */
    OA_EINVALID = -5,     /**< Input breaks the schema or the plan rules. */
    OA_ENOTFOUND = -6,    /**< A named element does not exist. */
    OA_ESTATE = -7,       /**< The object is not in the state the call needs. */
    OA_ESOLVER = -8,      /**< The solver failed. */
    OA_ELIMIT = -9,       /**< A size or count limit was exceeded. */
    OA_EINTERNAL = -10    /**< An internal error (a bug: please report). */
} oa_code;

/**
 * Returns a static English description of a return code.
 * @param[in] code an oa_code value
 * @return a string owned by the library; never NULL
 */
OA_API const char *oa_strerror(int code);

/** Size of oa_error::source, including the terminating NUL. */
#define OA_ERROR_SOURCE_LENGTH 256
/** Size of oa_error::text, including the terminating NUL. */
#define OA_ERROR_TEXT_LENGTH 512

/**
 * One error in an input (a plan file, a scenario, an API call that built a
 * bad plan).  Caller-owned; it can live on the stack and needs no free.
 */
typedef struct oa_error {
    int code;                              /**< an oa_code, OA_OK if none */
    int line;                              /**< 1-based line, -1 if none */
    int column;                            /**< 1-based column, -1 if none */
    char source[OA_ERROR_SOURCE_LENGTH];   /**< file name, "" if none */
    char text[OA_ERROR_TEXT_LENGTH];       /**< the message, no location */
} oa_error;

/**
 * Clears an error: code OA_OK, line and column -1, empty strings.
 * @param[out] err the error to clear; NULL is allowed (no-op)
 */
OA_API void oa_error_clear(oa_error *err);

/**
 * Formats an error compiler-style: "SOURCE:LINE: error: TEXT" (the source
 * and line are left out when unknown).
 * @param[out] buf destination, always NUL-terminated when size > 0
 * @param[in] size size of buf
 * @param[in] err the error
 * @return the length the full string needs (like snprintf)
 */
OA_API int oa_error_format(char *buf, size_t size, const oa_error *err);

/**
 * A list of errors, for operations that report every problem they find
 * (reading and validating a plan).  Owned by the caller.
 */
typedef struct oa_error_list oa_error_list;

/**
 * Creates an empty error list.
 * @param[out] out the new list, owned by the caller (free with
 *   oa_error_list_free); NULL on failure
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_error_list_new(oa_error_list **out);

/** Frees a list; NULL is allowed. */
OA_API void oa_error_list_free(oa_error_list *list);

/** Removes every error from a list. */
OA_API void oa_error_list_clear(oa_error_list *list);

/** @return the number of errors in the list (0 for NULL). */
OA_API size_t oa_error_list_count(const oa_error_list *list);

/**
 * @return the i-th error (0-based), borrowed: valid until the list is
 *   changed or freed; NULL if i is out of range.
 */
OA_API const oa_error *oa_error_list_get(const oa_error_list *list, size_t i);

/**
 * Replaces the allocator used by the library (not by GLPK or libxml2).
 * Call it before any other function, once; meant for tests that inject
 * allocation failures.  Passing NULLs restores malloc, realloc and free.
 */
OA_API void oa_set_alloc_funcs(void *(*malloc_fn)(size_t),
                               void *(*realloc_fn)(void *, size_t),
                               void (*free_fn)(void *));

/**
 * The candidate closest to word, for "did you mean" messages: by edit
 * distance (a character inserted, deleted, replaced, or two neighbours
 * swapped), ASCII case ignored, the first of equals.
 * @param word what was given
 * @param candidates n strings (NULL entries are skipped)
 * @return a candidate (borrowed), or NULL when word is one of them or none
 *   is within a third of word's length (at least 1, at most 3)
 */
OA_API const char *oa_suggest(const char *word,
                              const char *const *candidates, size_t n);

/** Frees memory that the library allocated and handed to the caller. */
OA_API void oa_free(void *ptr);

/**
 * Writes size bytes to path atomically, as every oa_*_save does: a
 * complete new file or the old one untouched (a temporary file beside
 * it, flushed, then renamed over it).
 * @return OA_OK, OA_EINVAL (a NULL), OA_EIO (err names the path)
 */
OA_API int oa_file_save(const char *path, const void *data, size_t size,
                        oa_error *err);

/**
 * Reads a whole file of at most max_bytes (0: 64 MiB), as the readers
 * do.
 * @param[out] data the bytes plus a NUL, freed with oa_free()
 * @param[out] size how many bytes (may be NULL)
 * @return OA_OK, OA_EINVAL, OA_EIO, OA_ELIMIT (larger than max_bytes),
 *   OA_ENOMEM; err names the path
 */
OA_API int oa_file_load(char **data, size_t *size, const char *path,
                        size_t max_bytes, oa_error *err);

/**
 * Initializes the library's global state (the XML parser and the built-in
 * schemas).  Optional: the readers call it on first use.  A program that
 * reads plans from several threads calls it once before it starts them.
 * @return OA_OK, OA_ENOMEM, OA_EINTERNAL
 */
OA_API int oa_init(void);

/** @return the run-time library version, "MAJOR.MINOR.PATCH". */
OA_API const char *oa_version(void);

/** @return the run-time library version as OA_VERSION_NUMBER computes it. */
OA_API int oa_version_number(void);

#ifdef __cplusplus
}
#endif

#endif
