/*
 * libopsalign: a unit's briefing (what its roadmap asks of it, its load,
 * its people's plans), as text for an email or as XML.
 */
#ifndef OPSALIGN_BRIEF_H
#define OPSALIGN_BRIEF_H

#include "people.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Writes a unit's briefing: the run work it commits to, its initiatives in
 * the roadmap (with its own share) and those left out, the initiatives
 * owned elsewhere that depend on its work, what its initiatives need from
 * other units, its load per period with the levers used, and, when people
 * is given, its people's plans and the work they do not cover.  Text reads
 * as a page for an email; XML has one element per item.
 * @param[out] out the text, freed with oa_free()
 * @param[out] size its length (may be NULL)
 * @param[in] plan the plan (checked here; not changed)
 * @param[in] roadmap a result of this plan with a roadmap
 * @param[in] people the individual plans of this roadmap, or NULL
 * @param[in] unit the unit's id
 * @param[in] format OA_FORMAT_TEXT or OA_FORMAT_XML
 * @param[out] err what went wrong (may be NULL)
 * @return OA_OK, OA_EINVAL, OA_ENOTFOUND (no such unit: err says so),
 *   OA_ESTATE (no roadmap), OA_EINVALID, OA_ENOMEM
 */
OA_API int oa_brief_write(char **out, size_t *size, const oa_plan *plan,
                          const oa_result *roadmap,
                          const oa_assignment *people, const char *unit,
                          oa_format format, oa_error *err);

/** Writes a unit's briefing to path atomically (see the writer; the
 * path after the objects, as every oa_*_save).
 * @return the codes of oa_brief_write, and OA_EIO */
OA_API int oa_brief_save(const oa_plan *plan, const oa_result *roadmap,
                         const oa_assignment *people, const char *unit,
                         const char *path, oa_format format, oa_error *err);

#ifdef __cplusplus
}
#endif

#endif
