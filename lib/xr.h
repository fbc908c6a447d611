/*
 * The streaming XML reader for documents too large to hold as a tree (a
 * workbook's sheets and shared strings, lib/xlsx_read.c): an opaque handle
 * over libxml2's xmlTextReader (xml.c), so that its users never see
 * libxml2.  As safe as oap_xml_parse: no network, no entity substitution,
 * no DTD loading, a document with a DTD is an error; and elements nest at
 * most OAP_XR_MAX_DEPTH deep and hold at most OAP_XR_MAX_ATTRS
 * attributes.  Memory stays bounded by the node being
 * read, whatever the document's size.
 */
#ifndef OA_XR_H
#define OA_XR_H

#include "private.h"

typedef struct oap_xr oap_xr;

/* Deeper elements are an error (OA_ELIMIT).  SpreadsheetML nests about
 * eight deep. */
#define OAP_XR_MAX_DEPTH 64
/* So is an element with more attributes (namespace declarations count):
 * libxml2 2.9 takes time quadratic in their number.  SpreadsheetML's
 * elements have a few dozen at most. */
#define OAP_XR_MAX_ATTRS 64

typedef enum oap_xr_event {
    OAP_XR_END = 0,  /* the document ended (and was well-formed) */
    OAP_XR_OPEN,     /* an element's start tag */
    OAP_XR_CLOSE,    /* an element's end (right after OPEN for <empty/>) */
    OAP_XR_TEXT      /* character data: text, CDATA, white space */
} oap_xr_event;

/*
 * Starts reading the document in data (size bytes, not copied: it must
 * outlive the reader).  Errors go to errs at source and their line.
 * Returns OA_OK (and *out, freed with oap_xr_free), OA_EPARSE (empty),
 * OA_ELIMIT (over 2 GiB, an element of too many attributes), OA_ENOMEM,
 * OA_EINTERNAL.
 */
int oap_xr_open(oap_xr **out, const char *data, size_t size,
                const char *source, oa_error_list *errs);
/* The next event (an oap_xr_event), or a negative code with the error in
 * errs: OA_EPARSE (not well-formed XML), OA_EINVALID (a DTD), OA_ELIMIT
 * (nested too deep), OA_ENOMEM.  After an error or OAP_XR_END, stop. */
int oap_xr_next(oap_xr *x);
/* OPEN, CLOSE: the element's local name. */
const char *oap_xr_name(oap_xr *x);
/* OPEN, CLOSE: its namespace URI, NULL when it has none. */
const char *oap_xr_ns(oap_xr *x);
/* TEXT: the characters (UTF-8), valid until the next call. */
const char *oap_xr_text(oap_xr *x);
/* OPEN: the attribute name (in namespace ns; ns NULL: in none) copied
 * into buf.  1 found, 0 absent, -1 its value does not fit in size bytes. */
int oap_xr_attr(oap_xr *x, const char *ns, const char *name, char *buf,
                size_t size);
/* The line the reader is at (-1 when unknown). */
int oap_xr_line(oap_xr *x);
/* NULL is allowed. */
void oap_xr_free(oap_xr *x);

#endif
