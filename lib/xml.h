/*
 * The libxml2 wrapper shared by the XML readers (plan, scenario, result)
 * and xml.c.  Only files that include this header see libxml2; writers
 * use the opaque handle of xw.h, streaming readers that of xr.h.
 */
#ifndef OA_XML_H
#define OA_XML_H

#include "fileio.h"
#include "xw.h"
#include "xr.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

typedef enum oap_schema_kind {
    OAP_SCHEMA_PLAN = 0,
    OAP_SCHEMA_RESULT,
    OAP_SCHEMA_SCENARIO,
    OAP_SCHEMA_ACTUALS,
    OAP_SCHEMA_COUNT
} oap_schema_kind;

/* The built-in schema texts (generated from lib/schema/). */
extern const char oap_plan_xsd[];
extern const char oap_result_xsd[];
extern const char oap_scenario_xsd[];
extern const char oap_actuals_xsd[];

/* Initializes libxml2 and compiles the built-in schemas, once. */
int oap_xml_init(void);

/*
 * Parses a document from memory, safely for untrusted input: no network,
 * no entity substitution, no DTD loading; a DTD in the document is an
 * error.  Every error is appended to errs with source and line.  root is
 * the expected root element name.
 * Returns OA_OK (and *out), OA_EPARSE, OA_EINVALID (a DTD, a namespace,
 * the wrong root), OA_ENOMEM.
 */
int oap_xml_parse(xmlDoc **out, const char *data, size_t size,
                  const char *source, const char *root, oa_error_list *errs);

/*
 * Validates a document against a built-in schema; appends every error.
 * Returns OA_OK, OA_EINVALID, OA_ENOMEM, OA_EINTERNAL.
 */
int oap_xml_validate(xmlDoc *doc, oap_schema_kind kind, const char *source,
                     oa_error_list *errs);

/* Appends an error with source and line to errs (OA_OK or OA_ENOMEM). */
int oap_xml_error(oa_error_list *errs, int code, const char *source,
                  int line, const char *fmt, ...) OAP_PRINTF(5, 6);

/* Line of a node (exact with XML_PARSE_BIG_LINES up to 65535, close above). */
int oap_xml_line(const xmlNode *node);
/* Reads an <initiative> element of the plan format into plan (as the plan
 * reader does; lib/read.c).  OA_OK, OA_EINVALID (errors in errs, at
 * source's lines), OA_ENOMEM. */
int oap_read_initiative(oa_plan *plan, const xmlNode *node,
                        const char *source, oa_error_list *errs);

/* Is the element named name (no namespace)? */
int oap_xml_is(const xmlNode *node, const char *name);

/* The start of every reader: the options checked, err cleared, size
 * against the cap and (when data is given) the elements of data against
 * theirs (OA_ELIMIT, also appended to all).  OA_OK, OA_EINVAL,
 * OA_ELIMIT. */
int oap_read_begin(const char *data, size_t size, const char *source,
                   const oa_read_opts *opts, oa_error *err,
                   oa_error_list *all);
/* Reading an input file for a reader (read.c): the options checked, the
 * size cap applied, an error also appended to all. */
int oap_read_input(char **data, size_t *size, const char *path,
                   const oa_read_opts *opts, oa_error *err,
                   oa_error_list *all);
/* Ends a reader: notes running out of memory (rc OA_ENOMEM) when no error
 * says so, sorts the errors by line, copies them into all and the first
 * into err, and frees errs and doc (either may be NULL). */
void oap_read_end(int rc, oa_error_list *errs, xmlDoc *doc,
                  const char *source, oa_error *err, oa_error_list *all);

struct oap_xw {
    xmlTextWriterPtr w;
    xmlBufferPtr buf;
    int rc;
    int html;
};

#endif
