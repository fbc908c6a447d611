/*
 * libopsalign: plans as workbooks.
 *
 * A plan can live in a spreadsheet: an .xlsx workbook, or a folder of CSV
 * files (one NAME.csv per sheet, the same columns), with one sheet per
 * table of the plan (doc/plan-format.md "Workbooks": horizon, resources,
 * objectives, units, capacity, levers, budget, operating-plans, run-work,
 * targets, initiatives, demands, contributions, dependencies, effects,
 * loans, people, away), each with a header row, after a README sheet
 * that says what every column means.  Writing then reading gives an equal
 * plan (oa_plan_write() gives the same XML), numbers kept to the 16
 * significant digits a workbook holds.
 *
 * The reader is as safe for untrusted files as the XML reader: caps on
 * every part of the archive and on the whole, compression ratios that
 * catch zip bombs, nothing outside the workbook followed.  Every error
 * names the sheet, row and column ("plan.xlsx:initiatives!C14: error:
 * unknown unit 'enginering' (did you mean 'engineering'?)"; in a folder
 * of CSV files "DIR/initiatives.csv:14: error: owner: ...").  The rules
 * of the format are then applied by oa_plan_validate(), whose errors name
 * the sheet and row ("plan.xlsx:initiatives:14: error: ...").  Element
 * lines (oa_initiative_line(), ...) of a plan read from a workbook number
 * its rows in the order they were read; errors translate them.
 */
#ifndef OPSALIGN_WORKBOOK_H
#define OPSALIGN_WORKBOOK_H

#include "read.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reads and validates a plan in any of its forms: a folder, or a file
 * that starts as a zip archive does, with oa_plan_read_workbook(); any
 * other file with oa_plan_read_file().  What every opsalign command
 * does with the plan it is given.
 * @return as those two
 */
OA_API OA_WARN_UNUSED int oa_plan_load(oa_plan **out, const char *path,
                                       const oa_read_opts *opts,
                                       oa_error *err, oa_error_list *all);

/** What oa_plan_save_workbook() writes. */
typedef enum oa_workbook_kind {
    OA_WORKBOOK_XLSX = 1, /**< an .xlsx file */
    OA_WORKBOOK_CSV = 2   /**< a folder of CSV files (made when missing) */
} oa_workbook_kind;

/**
 * Reads and validates a plan from a workbook: an .xlsx file, or a folder
 * of CSV files.
 * Sheets are found by name (case, and ' ', '_' and '-', ignored), columns
 * by their header in the first row; a sheet or column that is not the
 * format's is left alone unless its name is one typed wrong ("did you
 * mean").  Empty rows are skipped.  A formula counts for the value last
 * saved with it; one without a saved value, an error value (#N/A) and
 * merged cells in a column the format reads are errors.
 * @param[out] out the plan, owned by the caller (oa_plan_free); NULL on
 *   failure
 * @param[in] path the workbook or the folder
 * @param[in] opts options, or NULL (max_bytes caps the .xlsx file;
 *   no_validate skips oa_plan_validate())
 * @param[out] err the first error (may be NULL)
 * @param[out] all every error, sheet by sheet and row by row (may be NULL)
 * @return OA_OK; OA_EIO (cannot read), OA_ELIMIT (a cap), OA_EPARSE (not
 *   a workbook), OA_EINVALID (a cell, or the plan's rules), OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_plan_read_workbook(oa_plan **out,
                                                const char *path,
                                                const oa_read_opts *opts,
                                                oa_error *err,
                                                oa_error_list *all);

/**
 * Reads a plan from an .xlsx workbook in memory, as
 * oa_plan_read_workbook() does.
 * @param[in] source the name errors carry (may be NULL)
 */
OA_API OA_WARN_UNUSED int oa_plan_read_workbook_memory(
    oa_plan **out, const char *data, size_t size, const char *source,
    const oa_read_opts *opts, oa_error *err, oa_error_list *all);

/**
 * Writes a plan as an .xlsx workbook: the README sheet, then every sheet
 * of the format (empty ones with their header), frozen header rows,
 * drop-down lists of the plan's ids and of the choices a column takes.
 * What XML cannot hold is refused as oa_plan_write() refuses it; so are
 * two operating plans of a unit with the same name (the workbook tells
 * them apart by unit and name).
 * @param[out] out the workbook's bytes, freed with oa_free()
 * @param[out] size their number
 * @param[out] err why it was refused (may be NULL)
 * @return OA_OK, OA_EINVAL, OA_EINVALID, OA_EIO (the temporary file the
 *   workbook is built in, under $TMPDIR), OA_ENOMEM
 */
OA_API int oa_plan_write_workbook(char **out, size_t *size,
                                  const oa_plan *plan, oa_error *err);

/**
 * Saves a plan as an .xlsx file (atomically, as oa_file_save()) or as a
 * folder of CSV files, one per sheet, each saved atomically (a CSV folder
 * holds no README: doc/plan-format.md says what the columns mean).
 * @return what oa_plan_write_workbook() does; OA_EIO names the path
 */
OA_API int oa_plan_save_workbook(const oa_plan *plan, const char *path,
                                 oa_workbook_kind kind, oa_error *err);

/**
 * The plan a template holds (opsalign template): a year by month, two
 * units, three initiatives, and a row of example in every sheet, which
 * solves.
 * @param[out] out the plan, owned by the caller
 * @return OA_OK, OA_EINVAL, OA_ENOMEM
 */
OA_API OA_WARN_UNUSED int oa_plan_template(oa_plan **out);

#ifdef __cplusplus
}
#endif

#endif
