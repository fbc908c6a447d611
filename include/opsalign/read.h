/*
 * libopsalign: reading plans from XML.
 *
 * The reader is safe for untrusted files: it reads at most max_bytes,
 * parses from memory (no gzip, no network, no entity substitution, no
 * DTD), validates against the plan schema (built into the library), then
 * applies every rule of the format through oa_plan_validate().
 */
#ifndef OPSALIGN_READ_H
#define OPSALIGN_READ_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default cap on the size of a file the reader accepts (64 MiB). */
#define OA_READ_DEFAULT_MAX_BYTES ((size_t)64 << 20)

/** Default cap on the number of elements of a document (a plan of 2,000
 * initiatives over a year has about 30,000). */
#define OA_READ_DEFAULT_MAX_ELEMENTS ((size_t)1000000)

/** Options of the reader. */
typedef struct oa_read_opts {
    unsigned int version;  /**< OA_READ_OPTS_VERSION */
    size_t max_bytes;      /**< size cap; 0: OA_READ_DEFAULT_MAX_BYTES;
                                SIZE_MAX: none */
    int no_validate;       /**< non-zero: skip oa_plan_validate() (the
                                schema is still checked) */
    /* version 2 */
    size_t max_elements;   /**< element cap (initiatives, units, demands,
                                people, ... together), counted before the
                                document is parsed, so that a huge plan is
                                refused before memory runs out; 0:
                                OA_READ_DEFAULT_MAX_ELEMENTS; SIZE_MAX:
                                none */
} oa_read_opts;

/** Current version of oa_read_opts (1 is still accepted). */
#define OA_READ_OPTS_VERSION 2
/** Initializer of oa_read_opts with the defaults. */
#define OA_READ_OPTS_INIT { OA_READ_OPTS_VERSION, 0, 0, 0 }

/**
 * Reads and validates a plan file.
 * @param[out] out the plan, owned by the caller (oa_plan_free); NULL on
 *   failure
 * @param[in] path the file
 * @param[in] opts options, or NULL for the defaults
 * @param[out] err the first error, with file and line (may be NULL)
 * @param[out] all every error, in line order (may be NULL)
 * @return OA_OK; OA_EIO (cannot read), OA_ELIMIT (over max_bytes),
 *   OA_EPARSE (not well-formed XML), OA_EINVALID (schema or plan rules)
 */
OA_API OA_WARN_UNUSED int oa_plan_read_file(oa_plan **out, const char *path,
                                            const oa_read_opts *opts,
                                            oa_error *err,
                                            oa_error_list *all);

/**
 * Reads and validates a plan from memory.
 * @param[in] source the name errors carry (e.g. a file name; may be NULL)
 * @return as oa_plan_read_file()
 */
OA_API OA_WARN_UNUSED int oa_plan_read_memory(oa_plan **out, const char *data,
                                              size_t size, const char *source,
                                              const oa_read_opts *opts,
                                              oa_error *err,
                                              oa_error_list *all);

/**
 * @return the XML schema (XSD) of the plan format, as built into the
 *   library; a static string.
 */
OA_API const char *oa_plan_schema(void);

#ifdef __cplusplus
}
#endif

#endif
