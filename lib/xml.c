/*
 * libxml2 services for the readers and writers: safe parsing from memory,
 * built-in schemas compiled once, errors captured with file and line.
 */
#include "xml.h"

#include <libxml/xmlwriter.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status = OA_OK;
static xmlSchemaPtr schemas[OAP_SCHEMA_COUNT];

static void ignore_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static const char *schema_text(oap_schema_kind kind)
{
    switch (kind) {
    case OAP_SCHEMA_PLAN: return oap_plan_xsd;
    case OAP_SCHEMA_RESULT: return oap_result_xsd;
    case OAP_SCHEMA_SCENARIO: return oap_scenario_xsd;
    case OAP_SCHEMA_ACTUALS: return oap_actuals_xsd;
    default: return NULL;
    }
}

static void init_once_fn(void)
{
    int k;
    xmlInitParser();
    for (k = 0; k < OAP_SCHEMA_COUNT; k++) {
        const char *text = schema_text((oap_schema_kind)k);
        xmlSchemaParserCtxtPtr pc =
            xmlSchemaNewMemParserCtxt(text, (int)strlen(text));
        if (pc == NULL) {
            init_status = OA_ENOMEM;
            return;
        }
        xmlSchemaSetParserStructuredErrors(pc, ignore_error, NULL);
        schemas[k] = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
        if (schemas[k] == NULL) {
            init_status = OA_EINTERNAL;
            return;
        }
    }
}

int oap_xml_init(void)
{
    pthread_once(&init_once, init_once_fn);
    return init_status;
}

OA_API int oa_init(void)
{
    return oap_xml_init();
}

int oap_xml_error(oa_error_list *errs, int code, const char *source,
                  int line, const char *fmt, ...)
{
    oa_error e;
    va_list ap;
    oa_error_clear(&e);
    va_start(ap, fmt);
    oap_error_setv(&e, code, source, line, fmt, ap);
    va_end(ap);
    return oap_error_list_push(errs, &e);
}

int oap_xml_line(const xmlNode *node)
{
    long l = xmlGetLineNo(node);
    return l > 0 && l < 0x7fffffff ? (int)l : -1;
}

int oap_xml_is(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns == NULL &&
           strcmp((const char *)node->name, name) == 0;
}

/* Friendlier words for the schema's patterns (lib/schema/plan.xsd). */
static const struct {
    const char *pattern, *words;
} patterns[] = {
    { "([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?",
      "is not a non-negative decimal number (like 12, 0.5 or 5e1)" },
    { "[\\-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?",
      "is not a decimal number (like -3, 12 or 0.5)" },
    { "[0-9]{1,9}", "is not a whole number" },
    { "[A-Za-z0-9_.\\-]+",
      "is not an id (letters, digits, '_', '.' and '-')" },
};

/*
 * Rewrites "Element 'x', attribute 'y': [facet 'pattern'] The value 'v' is
 * not accepted by the pattern 'p'." as "<x>: y 'v' is not a ...".
 */
static void reword(char *msg, size_t size)
{
    char elem[64], attr[64], value[200], pat[200];
    const char *p = msg, *q;
    size_t i;
    if (strncmp(p, "Element '", 9) != 0)
        return;
    p += 9;
    q = strchr(p, '\'');
    if (q == NULL || (size_t)(q - p) >= sizeof elem)
        return;
    memcpy(elem, p, (size_t)(q - p));
    elem[q - p] = '\0';
    p = q + 1;
    if (strncmp(p, ", attribute '", 13) != 0) {
        /* "Element 'x': ..." becomes "<x>: ..." */
        if (strncmp(p, ": This element is not expected.", 31) == 0) {
            const char *x = strstr(p, "Expected is ");
            char list[300] = "";
            if (x) {
                const char *a = strchr(x, '('), *b = strrchr(x, ')');
                if (a && b && b > a + 2 && (size_t)(b - a) < sizeof list) {
                    memcpy(list, a + 2, (size_t)(b - a - 3));
                    list[b - a - 3] = '\0';
                }
            }
            if (list[0])
                snprintf(msg, size, "<%.60s>: element not allowed here "
                         "(expected %s%.300s)", elem,
                         strstr(x, "one of") ? "one of " : "", list);
            else
                snprintf(msg, size, "<%.60s>: element not allowed here",
                         elem);
        }
        else if (strncmp(p, ": ", 2) == 0) {
            char rest[OA_ERROR_TEXT_LENGTH];
            oap_strlcpy(rest, p + 2, sizeof rest);
            snprintf(msg, size, "<%.60s>: %.400s", elem, rest);
        }
        return;
    }
    p += 13;
    q = strchr(p, '\'');
    if (q == NULL || (size_t)(q - p) >= sizeof attr)
        return;
    memcpy(attr, p, (size_t)(q - p));
    attr[q - p] = '\0';
    p = q + 1;
    if (strncmp(p, ": [facet 'enumeration'] The value '", 35) == 0) {
        p += 35;
        q = strstr(p, "' is not an element of the set {");
        if (q == NULL || (size_t)(q - p) >= sizeof value)
            return;
        memcpy(value, p, (size_t)(q - p));
        value[q - p] = '\0';
        p = q + 32;
        q = strchr(p, '}');
        if (q == NULL || (size_t)(q - p) >= sizeof pat)
            return;
        memcpy(pat, p, (size_t)(q - p));
        pat[q - p] = '\0';
        snprintf(msg, size, "<%.60s>: %.60s '%.150s' is not one of %.150s",
                 elem, attr, value, pat);
        return;
    }
    if (strncmp(p, ": [facet 'pattern'] The value '", 31) != 0) {
        if (strstr(p, "is not allowed.") != NULL)
            snprintf(msg, size, "<%.60s>: unknown attribute '%.60s'", elem,
                     attr);
        else if (strncmp(p, ": ", 2) == 0) {
            char rest[OA_ERROR_TEXT_LENGTH];
            oap_strlcpy(rest, p + 2, sizeof rest);
            snprintf(msg, size, "<%.60s>: attribute '%.60s': %.360s", elem,
                     attr, rest);
        }
        return;
    }
    p += 31;
    q = strstr(p, "' is not accepted by the pattern '");
    if (q == NULL || (size_t)(q - p) >= sizeof value)
        return;
    memcpy(value, p, (size_t)(q - p));
    value[q - p] = '\0';
    p = q + 34;
    q = strrchr(p, '\'');
    if (q == NULL || (size_t)(q - p) >= sizeof pat)
        return;
    memcpy(pat, p, (size_t)(q - p));
    pat[q - p] = '\0';
    for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
        if (strcmp(pat, patterns[i].pattern) == 0) {
            snprintf(msg, size, "<%.60s>: %.60s '%.150s' %s", elem, attr,
                     value, patterns[i].words);
            return;
        }
}

typedef struct capture {
    oa_error_list *errs;
    const char *source;
    int count;
    int oom;
} capture;

static void capture_error(void *ctx, xmlErrorPtr e)
{
    capture *c = ctx;
    char msg[OA_ERROR_TEXT_LENGTH];
    size_t n;
    if (e == NULL || e->level < XML_ERR_ERROR)
        return;
    oap_strlcpy(msg, e->message ? e->message : "unknown XML error",
                sizeof msg);
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (e->domain == XML_FROM_SCHEMASV)
        reword(msg, sizeof msg);
    c->count++;
    /* Keep the list readable: a broken file can raise thousands. */
    if (c->count > 100)
        return;
    if (oap_xml_error(c->errs, e->domain == XML_FROM_SCHEMASV ? OA_EINVALID
                                                              : OA_EPARSE,
                      c->source, e->line > 0 ? e->line : -1, "%s", msg) !=
        OA_OK)
        c->oom = 1;
}

/*
 * libxml2 records an element at the line of its start tag's closing '>'.
 * A start tag spread over several lines should be reported where it
 * begins, so the lines are set again from the text: start tags appear in
 * the text in document order, once comments, processing instructions,
 * CDATA sections and end tags are skipped ('<' cannot occur unescaped in
 * attribute values or text).
 */
typedef struct line_walk {
    const char *data;
    size_t size, pos;
    long line;
} line_walk;

static long next_start_tag(line_walk *w)
{
    const char *d = w->data;
    while (w->pos < w->size) {
        char ch = d[w->pos];
        if (ch == '\n') {
            w->line++;
            w->pos++;
            continue;
        }
        if (ch != '<') {
            w->pos++;
            continue;
        }
        if (w->pos + 1 < w->size && d[w->pos + 1] != '/' &&
            d[w->pos + 1] != '!' && d[w->pos + 1] != '?') {
            w->pos++;
            return w->line;
        }
        {
            const char *end = NULL;
            size_t skip = 2;
            if (w->size - w->pos >= 4 && memcmp(d + w->pos, "<!--", 4) == 0)
                end = "-->";
            else if (w->size - w->pos >= 9 &&
                     memcmp(d + w->pos, "<![CDATA[", 9) == 0)
                end = "]]>";
            else if (d[w->pos + 1] == '?')
                end = "?>";
            else
                end = ">";
            w->pos += skip;
            while (w->pos < w->size &&
                   strncmp(d + w->pos, end, strlen(end)) != 0) {
                if (d[w->pos] == '\n')
                    w->line++;
                w->pos++;
            }
            w->pos += strlen(end);
        }
    }
    return -1;
}

static void fix_lines(xmlNode *n, line_walk *w)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        {
            long line = next_start_tag(w);
            if (line > 0 && line < 65535 && n->line < 65535)
                n->line = (unsigned short)line;
        }
        fix_lines(n->children, w);
    }
}

/* Line of the first "<!DOCTYPE" in the text, for the DTD error. */
static int doctype_line(const char *data, size_t size)
{
    size_t i;
    int line = 1;
    for (i = 0; i + 9 <= size; i++) {
        if (data[i] == '\n')
            line++;
        else if (memcmp(data + i, "<!DOCTYPE", 9) == 0)
            return line;
    }
    return 1;
}

/*
 * Attributes a reader may not take, each an error with its line:
 * attributes in a namespace (xsi:... are unknown attributes too; the
 * schema validator lets them through), and values with control
 * characters (a tab, line break or other given as a character reference
 * such as &#10;), which would break every text, CSV and HTML written from
 * them.  1 when one was found.
 */
static int bad_attributes(const xmlNode *n, oa_error_list *errs,
                          const char *source)
{
    int found = 0;
    for (; n; n = n->next) {
        const xmlAttr *a;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (a = n->properties; a; a = a->next) {
            xmlChar *v;
            if (a->ns != NULL) {
                oap_xml_error(errs, OA_EINVALID, source, oap_xml_line(n),
                              "<%s>: unknown attribute '%s:%s'",
                              (const char *)n->name,
                              a->ns->prefix ? (const char *)a->ns->prefix : "",
                              (const char *)a->name);
                found = 1;
                continue;
            }
            v = xmlNodeListGetString(n->doc, a->children, 1);
            if (v && !oap_text_clean((const char *)v)) {
                oap_xml_error(errs, OA_EINVALID, source, oap_xml_line(n),
                              "<%s>: attribute '%s' holds a control "
                              "character (a tab or line break written as "
                              "&#9;, &#10; or &#13;, or another)",
                              (const char *)n->name, (const char *)a->name);
                found = 1;
            }
            xmlFree(v);
        }
        if (bad_attributes(n->children, errs, source))
            found = 1;
    }
    return found;
}

/* 1 (little-endian) or 2 (big-endian) when data is UTF-16: a byte-order
 * mark, or "<" as its first character; else 0. */
static int utf16_order(const char *data, size_t size)
{
    const unsigned char *d = (const unsigned char *)data;
    if (size < 2)
        return 0;
    if ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == '<' && d[1] == 0))
        return 1;
    if ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0 && d[1] == '<'))
        return 2;
    return 0;
}

/*
 * A UTF-16 document as UTF-8 (a byte-order mark dropped), so that the
 * parser counts its lines as in any other (libxml2 miscounts them in
 * UTF-16).  *out is NULL when the text is not valid UTF-16.
 */
static int utf16_to_utf8(char **out, size_t *n, const char *data,
                         size_t size, int order)
{
    const unsigned char *d = (const unsigned char *)data;
    size_t i = 0, k = 0;
    char *u;
    *out = NULL;
    *n = 0;
    if (size % 2 != 0)
        return OA_OK;
    u = oap_malloc(size / 2 * 3 + 1);
    if (u == NULL)
        return OA_ENOMEM;
    if ((order == 1 && d[0] == 0xFF) || (order == 2 && d[0] == 0xFE))
        i = 2;
    while (i + 1 < size) {
        unsigned long c = order == 1 ? (unsigned long)(d[i] | d[i + 1] << 8)
                                     : (unsigned long)(d[i] << 8 | d[i + 1]);
        i += 2;
        if (c >= 0xD800 && c <= 0xDBFF) {
            unsigned long lo;
            if (i + 1 >= size)
                goto bad;
            lo = order == 1 ? (unsigned long)(d[i] | d[i + 1] << 8)
                            : (unsigned long)(d[i] << 8 | d[i + 1]);
            if (lo < 0xDC00 || lo > 0xDFFF)
                goto bad;
            i += 2;
            c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            goto bad;
        }
        if (c < 0x80) {
            u[k++] = (char)c;
        } else if (c < 0x800) {
            u[k++] = (char)(0xC0 | c >> 6);
            u[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            u[k++] = (char)(0xE0 | c >> 12);
            u[k++] = (char)(0x80 | (c >> 6 & 0x3F));
            u[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            u[k++] = (char)(0xF0 | c >> 18);
            u[k++] = (char)(0x80 | (c >> 12 & 0x3F));
            u[k++] = (char)(0x80 | (c >> 6 & 0x3F));
            u[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    u[k] = '\0';
    *out = u;
    *n = k;
    return OA_OK;
bad:
    oap_free(u);
    return OA_OK;
}

static int parse_doc(xmlDoc **out, const char *data, size_t size,
                     const char *source, const char *root,
                     oa_error_list *errs, const char *encoding);


int oap_xml_parse(xmlDoc **out, const char *data, size_t size,
                  const char *source, const char *root, oa_error_list *errs)
{
    int order = utf16_order(data, size), rc;
    *out = NULL;
    if (order) {
        char *u;
        size_t n;
        rc = utf16_to_utf8(&u, &n, data, size, order);
        if (rc != OA_OK)
            return rc;
        if (u == NULL) {
            oap_xml_error(errs, OA_EPARSE, source, -1,
                          "not valid UTF-16 (an odd number of bytes or a "
                          "broken surrogate pair)");
            return OA_EPARSE;
        }
        /* The declaration still says UTF-16: the bytes are UTF-8 now. */
        rc = parse_doc(out, u, n, source, root, errs, "UTF-8");
        oap_free(u);
        return rc;
    }
    {
        /* A NUL ends the text for some readers: nothing may hide after
         * one. */
        const char *z = memchr(data, '\0', size);
        if (z) {
            int line = 1;
            const char *p;
            for (p = data; p < z; p++)
                line += *p == '\n';
            oap_xml_error(errs, OA_EPARSE, source, line,
                          "a NUL byte, which XML does not allow (%zu bytes "
                          "follow it)", size - (size_t)(z - data) - 1);
            return OA_EPARSE;
        }
    }
    return parse_doc(out, data, size, source, root, errs, NULL);
}

static int crowded_element(const char *data, size_t size, int max);

static int parse_doc(xmlDoc **out, const char *data, size_t size,
                     const char *source, const char *root,
                     oa_error_list *errs, const char *encoding)
{
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;
    xmlNodePtr r;
    capture cap = { errs, source, 0, 0 };
    xmlStructuredErrorFunc old_fn;
    void *old_ctx;
    int wellformed, rc;

    *out = NULL;
    rc = oap_xml_init();
    if (rc != OA_OK)
        return rc;
    if (size > (size_t)0x7fffffff) {
        oap_xml_error(errs, OA_ELIMIT, source, -1, "document too large");
        return OA_ELIMIT;
    }
    /* libxml2 takes time in the square of an element's attributes */
    rc = crowded_element(data, size, OAP_XR_MAX_ATTRS);
    if (rc > 0) {
        oap_xml_error(errs, OA_ELIMIT, source, rc, "an element with more "
                      "than %d attributes", OAP_XR_MAX_ATTRS);
        return OA_ELIMIT;
    }
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return OA_ENOMEM;
    old_fn = xmlStructuredError;
    old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&cap, capture_error);
    /* No NOENT (entity substitution), no DTDLOAD/DTDVALID, no HUGE. */
    doc = xmlCtxtReadMemory(ctxt, data, (int)size, source, encoding,
                            XML_PARSE_NONET | XML_PARSE_BIG_LINES |
                                XML_PARSE_NOCDATA);
    wellformed = ctxt->wellFormed;
    xmlSetStructuredErrorFunc(old_ctx, old_fn);
    xmlFreeParserCtxt(ctxt);
    if (cap.oom) {
        xmlFreeDoc(doc);
        return OA_ENOMEM;
    }
    if (doc == NULL || !wellformed || cap.count > 0) {
        if (cap.count == 0)
            oap_xml_error(errs, OA_EPARSE, source, -1,
                          "not a well-formed XML document");
        xmlFreeDoc(doc);
        return OA_EPARSE;
    }
    if (doc->intSubset != NULL || doc->extSubset != NULL) {
        oap_xml_error(errs, OA_EINVALID, source, doctype_line(data, size),
                      "the document has a DTD (<!DOCTYPE>); a %s may not "
                      "have one", root);
        xmlFreeDoc(doc);
        return OA_EINVALID;
    }
    r = xmlDocGetRootElement(doc);
    if (r == NULL || strcmp((const char *)r->name, root) != 0 ||
        r->ns != NULL) {
        if (r && r->ns)
            oap_xml_error(errs, OA_EINVALID, source, oap_xml_line(r),
                          "<%s> is in the namespace '%s'; the format uses "
                          "no namespace", (const char *)r->name,
                          r->ns->href ? (const char *)r->ns->href : "");
        else
            oap_xml_error(errs, OA_EINVALID, source,
                          r ? oap_xml_line(r) : -1,
                          "the root element is <%s>, expected <%s>",
                          r ? (const char *)r->name : "", root);
        xmlFreeDoc(doc);
        return OA_EINVALID;
    }
    {
        line_walk w = { data, size, 0, 1 };
        fix_lines(r, &w);
    }
    if (bad_attributes(r, errs, source)) {
        xmlFreeDoc(doc);
        return OA_EINVALID;
    }
    *out = doc;
    return OA_OK;
}

int oap_xml_validate(xmlDoc *doc, oap_schema_kind kind, const char *source,
                     oa_error_list *errs)
{
    xmlSchemaValidCtxtPtr v;
    capture cap = { errs, source, 0, 0 };
    int rc = oap_xml_init();
    if (rc != OA_OK)
        return rc;
    v = xmlSchemaNewValidCtxt(schemas[kind]);
    if (v == NULL)
        return OA_ENOMEM;
    xmlSchemaSetValidStructuredErrors(v, capture_error, &cap);
    rc = xmlSchemaValidateDoc(v, doc);
    xmlSchemaFreeValidCtxt(v);
    if (cap.oom)
        return OA_ENOMEM;
    if (rc < 0)
        return OA_EINTERNAL;
    if (rc > 0 || cap.count > 0) {
        if (cap.count == 0)
            oap_xml_error(errs, OA_EINVALID, source, -1,
                          "the document does not match the schema");
        return OA_EINVALID;
    }
    return OA_OK;
}

/* ---- streaming (xr.h) ---- */

struct oap_xr {
    xmlTextReaderPtr r;
    capture cap;
    char *utf8;        /* a UTF-16 document converted (else NULL) */
    int pending_close; /* the CLOSE of an <empty/> element is due */
};

/* libxml2's error handlers while it works for a reader: every error to
 * the reader's list, none printed (a push parser reports some failures,
 * such as "xmlParseChunk: encoder error", through the generic handler
 * alone). */
typedef struct xr_quiet {
    xmlStructuredErrorFunc sfn;
    void *sctx;
    xmlGenericErrorFunc gfn;
    void *gctx;
} xr_quiet;

static void ignore_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void quiet_begin(xr_quiet *q, capture *cap)
{
    q->sfn = xmlStructuredError;
    q->sctx = xmlStructuredErrorContext;
    q->gfn = xmlGenericError;
    q->gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(cap, capture_error);
    xmlSetGenericErrorFunc(NULL, ignore_generic);
}

static void quiet_end(const xr_quiet *q)
{
    xmlSetStructuredErrorFunc(q->sctx, q->sfn);
    xmlSetGenericErrorFunc(q->gctx, q->gfn);
}

/*
 * libxml2 2.9 compares each attribute of an element with every other one
 * (for duplicates), so an element of a million attributes takes hours.
 * Counted on the bytes before parsing ('=' inside tags, quoted values,
 * comments, CDATA and processing instructions skipped): the line of the
 * first element with more than max attributes, or 0.
 */
static int crowded_element(const char *data, size_t size, int max)
{
    const char *p = data, *end = data + size;
    int line = 1, tag_line = 1, n = 0, in_tag = 0;
    char quote = 0;
    for (; p < end; p++) {
        char ch = *p;
        if (ch == '\n')
            line++;
        if (quote) {
            if (ch == quote)
                quote = 0;
        } else if (in_tag) {
            if (ch == '"' || ch == '\'')
                quote = ch;
            else if (ch == '>')
                in_tag = 0;
            else if (ch == '=' && ++n > max)
                return tag_line;
        } else if (ch == '<') {
            const char *close = NULL;
            if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
                close = "-->";
            else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
                close = "]]>";
            else if (end - p >= 2 && p[1] == '?')
                close = "?>";
            if (close) {
                size_t k = strlen(close);
                for (p++; p < end && (end - p < (ptrdiff_t)k ||
                                      memcmp(p, close, k) != 0); p++)
                    line += *p == '\n';
                if (p == end)
                    break;
                p += k - 1;
                continue;
            }
            in_tag = 1;
            n = 0;
            tag_line = line;
        }
    }
    return 0;
}

int oap_xr_open(oap_xr **out, const char *data, size_t size,
                const char *source, oa_error_list *errs)
{
    oap_xr *x;
    xr_quiet q;
    const char *encoding = NULL, *z;
    int rc, line, order;
    *out = NULL;
    rc = oap_xml_init();
    if (rc != OA_OK)
        return rc;
    if (size == 0) {
        oap_xml_error(errs, OA_EPARSE, source, -1,
                      "empty, not an XML document");
        return OA_EPARSE;
    }
    if (size > (size_t)0x7fffffff) {
        oap_xml_error(errs, OA_ELIMIT, source, -1, "document too large");
        return OA_ELIMIT;
    }
    x = oap_calloc(1, sizeof *x);
    if (x == NULL)
        return OA_ENOMEM;
    x->cap.errs = errs;
    x->cap.source = source;
    /* As oap_xml_parse: UTF-16 converted here, where a broken one is a
     * clear error, and then no NUL anywhere. */
    order = utf16_order(data, size);
    if (order) {
        size_t n;
        rc = utf16_to_utf8(&x->utf8, &n, data, size, order);
        if (rc != OA_OK || x->utf8 == NULL) {
            oap_free(x);
            if (rc != OA_OK)
                return rc;
            oap_xml_error(errs, OA_EPARSE, source, -1,
                          "not valid UTF-16 (an odd number of bytes or a "
                          "broken surrogate pair)");
            return OA_EPARSE;
        }
        data = x->utf8;
        size = n;
        encoding = "UTF-8"; /* whatever the declaration says */
    }
    z = memchr(data, '\0', size);
    if (z) {
        const char *p;
        line = 1;
        for (p = data; p < z; p++)
            line += *p == '\n';
        oap_xml_error(errs, OA_EPARSE, source, line, "a NUL byte, which "
                      "XML does not allow");
        oap_xr_free(x);
        return OA_EPARSE;
    }
    line = crowded_element(data, size, OAP_XR_MAX_ATTRS);
    if (line > 0) {
        oap_xml_error(errs, OA_ELIMIT, source, line, "an element with more "
                      "than %d attributes", OAP_XR_MAX_ATTRS);
        oap_xr_free(x);
        return OA_ELIMIT;
    }
    /* The options of parse_doc: no NOENT, no DTDLOAD/DTDVALID, no HUGE
     * (which would lift libxml2's own limits on names and text). */
    quiet_begin(&q, &x->cap);
    x->r = xmlReaderForMemory(data, (int)size, NULL, encoding,
                              XML_PARSE_NONET | XML_PARSE_BIG_LINES |
                                  XML_PARSE_NOCDATA);
    if (x->r)
        xmlTextReaderSetStructuredErrorHandler(x->r, capture_error, &x->cap);
    quiet_end(&q);
    if (x->r == NULL) {
        oap_xr_free(x);
        return OA_ENOMEM;
    }
    *out = x;
    return OA_OK;
}

int oap_xr_line(oap_xr *x)
{
    int l = xmlTextReaderGetParserLineNumber(x->r);
    return l > 0 ? l : -1;
}

int oap_xr_next(oap_xr *x)
{
    for (;;) {
        xr_quiet q;
        int rc, type;
        if (x->pending_close) {
            x->pending_close = 0;
            return OAP_XR_CLOSE;
        }
        quiet_begin(&q, &x->cap);
        rc = xmlTextReaderRead(x->r);
        quiet_end(&q);
        if (x->cap.oom)
            return OA_ENOMEM;
        if (rc < 0 || x->cap.count > 0) {
            if (x->cap.count == 0)
                oap_xml_error(x->cap.errs, OA_EPARSE, x->cap.source,
                              oap_xr_line(x), "not a well-formed XML "
                              "document");
            return OA_EPARSE;
        }
        if (rc == 0)
            return OAP_XR_END;
        if (xmlTextReaderDepth(x->r) > OAP_XR_MAX_DEPTH) {
            oap_xml_error(x->cap.errs, OA_ELIMIT, x->cap.source,
                          oap_xr_line(x), "elements nested more than %d "
                          "deep", OAP_XR_MAX_DEPTH);
            return OA_ELIMIT;
        }
        type = xmlTextReaderNodeType(x->r);
        switch (type) {
        case XML_READER_TYPE_ELEMENT:
            x->pending_close = xmlTextReaderIsEmptyElement(x->r) == 1;
            return OAP_XR_OPEN;
        case XML_READER_TYPE_END_ELEMENT:
            return OAP_XR_CLOSE;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            return OAP_XR_TEXT;
        case XML_READER_TYPE_DOCUMENT_TYPE:
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
            oap_xml_error(x->cap.errs, OA_EINVALID, x->cap.source,
                          oap_xr_line(x), "the document has a DTD "
                          "(<!DOCTYPE>) or entities, which it may not "
                          "have");
            return OA_EINVALID;
        default:
            continue; /* comments, processing instructions */
        }
    }
}

const char *oap_xr_name(oap_xr *x)
{
    const xmlChar *n = xmlTextReaderConstLocalName(x->r);
    return n ? (const char *)n : "";
}

const char *oap_xr_ns(oap_xr *x)
{
    return (const char *)xmlTextReaderConstNamespaceUri(x->r);
}

const char *oap_xr_text(oap_xr *x)
{
    const xmlChar *v = xmlTextReaderConstValue(x->r);
    return v ? (const char *)v : "";
}

int oap_xr_attr(oap_xr *x, const char *ns, const char *name, char *buf,
                size_t size)
{
    int found = 0;
    if (xmlTextReaderMoveToFirstAttribute(x->r) != 1)
        return 0;
    do {
        const char *ln = (const char *)xmlTextReaderConstLocalName(x->r);
        const char *uri = (const char *)xmlTextReaderConstNamespaceUri(x->r);
        if (ln && strcmp(ln, name) == 0 &&
            (ns ? uri && strcmp(uri, ns) == 0 : uri == NULL)) {
            /* Copied at once: the value may live in a buffer the next
             * call reuses. */
            const char *v = (const char *)xmlTextReaderConstValue(x->r);
            size_t n = v ? strlen(v) : 0;
            if (n >= size) {
                found = -1;
            } else {
                memcpy(buf, v ? v : "", n + 1);
                found = 1;
            }
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(x->r) == 1);
    xmlTextReaderMoveToElement(x->r);
    return found;
}

void oap_xr_free(oap_xr *x)
{
    xr_quiet q;
    if (x == NULL)
        return;
    quiet_begin(&q, &x->cap);
    xmlFreeTextReader(x->r);
    quiet_end(&q);
    oap_free(x->utf8);
    oap_free(x);
}

/* ---- writing ---- */

/* Plan texts may come from the API unchecked: make them valid UTF-8
 * without control characters before they reach the writer. */
static char *clean_text(const char *s)
{
    size_t n = strlen(s), i;
    char *d = oap_malloc(n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n + 1);
    for (i = 0; i < n;) {
        unsigned char ch = (unsigned char)d[i];
        int len = 1;
        if (ch < 0x20 && ch != '\t') {
            d[i] = ' ';
        } else if (ch >= 0x80) {
            len = xmlUTF8Size((const xmlChar *)d + i);
            if (len < 2 || (size_t)len > n - i ||
                xmlGetUTF8Char((const xmlChar *)d + i, &len) < 0) {
                d[i] = '?';
                len = 1;
            }
        }
        i += (size_t)len;
    }
    return d;
}

void oap_xw_attr_s(oap_xw *x, const char *name, const char *v)
{
    char *c;
    if (v == NULL || x->rc < 0)
        return;
    c = clean_text(v);
    if (c == NULL) {
        x->rc = -1;
        return;
    }
    if (xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name,
                                    (const xmlChar *)c) < 0)
        x->rc = -1;
    oap_free(c);
}

void oap_xw_attr_d(oap_xw *x, const char *name, double v)
{
    char buf[40];
    if (isnan(v) || x->rc < 0)
        return;
    oap_format_double(buf, sizeof buf, v);
    oap_xw_attr_s(x, name, buf);
}

void oap_xw_attr_i(oap_xw *x, const char *name, int v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%d", v);
    oap_xw_attr_s(x, name, buf);
}

void oap_xw_start(oap_xw *x, const char *name)
{
    if (x->rc >= 0 &&
        xmlTextWriterStartElement(x->w, (const xmlChar *)name) < 0)
        x->rc = -1;
}

void oap_xw_end(oap_xw *x)
{
    if (x->rc >= 0 && xmlTextWriterEndElement(x->w) < 0)
        x->rc = -1;
}

/* A writer into a new buffer, nothing written yet. */
static int xw_create(oap_xw **out, int html)
{
    oap_xw *x;
    *out = NULL;
    if (oap_xml_init() != OA_OK)
        return OA_EINTERNAL;
    x = oap_calloc(1, sizeof *x);
    if (x == NULL)
        return OA_ENOMEM;
    x->html = html;
    x->buf = xmlBufferCreate();
    if (x->buf == NULL) {
        oap_free(x);
        return OA_ENOMEM;
    }
    x->w = xmlNewTextWriterMemory(x->buf, 0);
    if (x->w == NULL) {
        xmlBufferFree(x->buf);
        oap_free(x);
        return OA_ENOMEM;
    }
    *out = x;
    return OA_OK;
}

void oap_xw_fail(oap_xw *x)
{
    x->rc = -1;
}

int oap_xw_failed(const oap_xw *x)
{
    return x->rc < 0;
}

int oap_xw_begin_html(oap_xw **out)
{
    oap_xw *x;
    int rc = xw_create(out, 1);
    if (rc != OA_OK)
        return rc;
    x = *out;
    /* no XML declaration: an HTML5 doctype instead */
    if (xmlTextWriterWriteRaw(x->w, (const xmlChar *)"<!DOCTYPE html>\n") < 0)
        x->rc = -1;
    return OA_OK;
}

void oap_xw_end_full(oap_xw *x)
{
    if (x->rc >= 0 && xmlTextWriterFullEndElement(x->w) < 0)
        x->rc = -1;
}

void oap_xw_raw(oap_xw *x, const char *s)
{
    if (x->rc >= 0 && xmlTextWriterWriteRaw(x->w, (const xmlChar *)s) < 0)
        x->rc = -1;
}

int oap_xw_begin(oap_xw **out, const char *indent)
{
    oap_xw *x;
    int rc = xw_create(out, 0);
    if (rc != OA_OK)
        return rc;
    x = *out;
    xmlTextWriterSetIndent(x->w, 1);
    xmlTextWriterSetIndentString(x->w, (const xmlChar *)indent);
    if (xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0)
        x->rc = -1;
    return OA_OK;
}

int oap_xw_finish(oap_xw *x, oap_buf *b)
{
    int rc;
    if (x == NULL)
        return OA_ENOMEM;
    if (x->html) {
        if (x->rc >= 0 && xmlTextWriterFlush(x->w) < 0)
            x->rc = -1;
    } else if (x->rc >= 0 && xmlTextWriterEndDocument(x->w) < 0) {
        x->rc = -1;
    }
    xmlFreeTextWriter(x->w);
    if (x->rc >= 0)
        oap_buf_putn(b, (const char *)xmlBufferContent(x->buf),
                     (size_t)xmlBufferLength(x->buf));
    xmlBufferFree(x->buf);
    rc = x->rc >= 0 && !b->failed ? OA_OK : OA_ENOMEM;
    oap_free(x);
    return rc;
}

void oap_xw_text(oap_xw *x, const char *s)
{
    /* As attributes: valid UTF-8, no control characters, whatever the
     * caller's buffer cut. */
    char *c;
    if (s == NULL || x->rc < 0)
        return;
    c = clean_text(s);
    if (c == NULL) {
        x->rc = -1;
        return;
    }
    if (xmlTextWriterWriteString(x->w, (const xmlChar *)c) < 0)
        x->rc = -1;
    oap_free(c);
}

/* ---- the read core shared by the plan, scenario and result readers ---- */

/* Copies errs into the caller's list and the first into err. */
void oap_read_end(int rc, oa_error_list *errs, xmlDoc *doc,
                  const char *source, oa_error *err, oa_error_list *all)
{
    size_t i, n;
    if (rc == OA_ENOMEM && oa_error_list_count(errs) == 0)
        oap_xml_error(errs, OA_ENOMEM, source, -1, "out of memory");
    n = oa_error_list_count(errs);
    oap_error_list_sort(errs, 0);
    if (n > 0 && err)
        *err = *oa_error_list_get(errs, 0);
    for (i = 0; i < n; i++)
        if (oap_error_list_push(all, oa_error_list_get(errs, i)) != OA_OK)
            break;
    oa_error_list_free(errs);
    xmlFreeDoc(doc);
}

/* Start tags in data (a '<' not followed by '/', '!' or '?'), counted up
 * to past max. */
static size_t count_elements(const char *data, size_t size, size_t max)
{
    const char *p = data, *end = data + size;
    size_t n = 0;
    while (p < end && n <= max) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (lt == NULL)
            break;
        if (lt + 1 < end && lt[1] != '/' && lt[1] != '!' && lt[1] != '?')
            n++;
        p = lt + 1;
    }
    return n;
}

int oap_read_begin(const char *data, size_t size, const char *source,
                   const oa_read_opts *opts, oa_error *err,
                   oa_error_list *all)
{
    size_t max = OA_READ_DEFAULT_MAX_BYTES;
    size_t max_el = OA_READ_DEFAULT_MAX_ELEMENTS;
    if (opts && !OAP_VERSION_OK(opts->version, OA_READ_OPTS_VERSION))
        return OA_EINVAL;
    if (opts && opts->max_bytes)
        max = opts->max_bytes;
    if (opts && opts->version >= 2 && opts->max_elements)
        max_el = opts->max_elements;
    if (err)
        oa_error_clear(err);
    if (size > max) {
        oap_error_set(err, OA_ELIMIT, source, -1, "document of %zu bytes is "
                      "larger than the limit of %zu bytes", size, max);
        if (all && err)
            oap_error_list_push(all, err);
        return OA_ELIMIT;
    }
    /* UTF-16 documents are counted after their conversion by the
     * parser's own limits; every other is counted here, before a tree of
     * millions of elements is built. */
    if (data && max_el != SIZE_MAX && size >= 2 && data[0] != '\0' &&
        data[1] != '\0' && (unsigned char)data[0] < 0xFE &&
        count_elements(data, size, max_el) > max_el) {
        oap_error_set(err, OA_ELIMIT, source, -1, "document has more than "
                      "%zu elements (oa_read_opts.max_elements)", max_el);
        if (all && err)
            oap_error_list_push(all, err);
        return OA_ELIMIT;
    }
    return OA_OK;
}

int oap_read_input(char **data, size_t *size, const char *path,
                   const oa_read_opts *opts, oa_error *err,
                   oa_error_list *all)
{
    size_t max = OA_READ_DEFAULT_MAX_BYTES;
    oa_error e;
    int rc;
    *data = NULL;
    rc = oap_read_begin(NULL, 0, path, opts, err, all);
    if (rc != OA_OK)
        return rc;
    if (opts && opts->max_bytes)
        max = opts->max_bytes;
    oa_error_clear(&e);
    rc = oap_read_file(data, size, path, max, &e);
    if (rc != OA_OK) {
        if (err)
            *err = e;
        oap_error_list_push(all, &e);
    }
    return rc;
}
