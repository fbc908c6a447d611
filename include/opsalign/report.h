/*
 * libopsalign: the HTML report of a result.
 *
 * One self-contained HTML file (inline CSS and SVG, nothing loaded from
 * elsewhere, works offline): the summary (status, objective, gap,
 * initiatives scheduled and left out, spend against the total budget), the
 * roadmap as a Gantt chart grouped by owner unit (one <rect class="bar">
 * per scheduled initiative), the initiatives left out with a one-line
 * reason each when an explanation is given, a heat map of utilization per
 * unit, resource and period (levers marked), spend against every budget,
 * and the bottlenecks.
 */
#ifndef OPSALIGN_REPORT_H
#define OPSALIGN_REPORT_H

#include "explain.h"
#include "sweep.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of the report. */
typedef struct oa_report_opts {
    unsigned int version;               /**< OA_REPORT_OPTS_VERSION */
    const oa_explanation *explanation;  /**< reasons for what was left out,
                                             or NULL */
    const oa_comparison *comparison;    /**< scenarios side by side (a
                                             page of their own), or NULL */
    const oa_sweep *sweep;              /**< the frontier chart, or NULL */
} oa_report_opts;

#define OA_REPORT_OPTS_VERSION 1
#define OA_REPORT_OPTS_INIT { OA_REPORT_OPTS_VERSION, NULL, NULL, NULL }

/**
 * Writes the report of a result (opts may be NULL).
 * @param[out] out the HTML, freed with oa_free()
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API int oa_report_write(char **out, size_t *size, const oa_result *result,
                           const oa_report_opts *opts);
/**
 * Writes the report to a file atomically.
 * @return OA_OK, OA_EINVAL, OA_EIO (err names the path), OA_ENOMEM
 */
OA_API int oa_report_save(const oa_result *result, const char *path,
                          const oa_report_opts *opts, oa_error *err);

#ifdef __cplusplus
}
#endif

#endif
