/*
 * The XML and HTML writer every output module uses: an opaque handle over
 * libxml2's xmlTextWriter (xml.c), so that writers never see libxml2.
 */
#ifndef OA_XW_H
#define OA_XW_H

#include "fileio.h"

/* Writing with xmlTextWriter: rc goes negative on the first failure and
 * the calls after it do nothing.  Texts are made valid UTF-8 without
 * control characters; NULL texts and NaN numbers write no attribute. */
typedef struct oap_xw oap_xw;

/* Marks the writer failed (the calls after it do nothing); the state. */
void oap_xw_fail(oap_xw *x);
int oap_xw_failed(const oap_xw *x);

/* Starts an HTML5 document (a doctype, no XML declaration). */
int oap_xw_begin_html(oap_xw **x);
/* Ends an element with an end tag even when empty (HTML elements). */
void oap_xw_end_full(oap_xw *x);
/* Writes markup as it is (trusted text only: no plan text). */
void oap_xw_raw(oap_xw *x, const char *s);

/* Starts a document in memory (indent: the indentation string): *x is
 * the new writer.  Returns OA_OK, OA_ENOMEM, OA_EINTERNAL. */
int oap_xw_begin(oap_xw **x, const char *indent);
/* Ends the document, appends it to b and frees the writer (NULL gives
 * OA_ENOMEM); OA_OK or OA_ENOMEM. */
int oap_xw_finish(oap_xw *x, oap_buf *b);
/* Writes text content (escaped). */
void oap_xw_text(oap_xw *x, const char *s);

void oap_xw_start(oap_xw *x, const char *name);
void oap_xw_end(oap_xw *x);
void oap_xw_attr_s(oap_xw *x, const char *name, const char *v);
void oap_xw_attr_d(oap_xw *x, const char *name, double v);
void oap_xw_attr_i(oap_xw *x, const char *name, int v);

/* Pieces other documents embed (the HTML report): a sweep's chart as an
 * <svg> element, a comparison as an HTML table and lists of changes. */
void oap_sweep_svg(oap_xw *x, const oa_sweep *sw);
void oap_comparison_html(oap_xw *x, const oa_comparison *cmp);

#endif
