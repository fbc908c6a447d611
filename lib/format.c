/*
 * Numbers and CSV cells as every writer prints them (text, CSV, XML,
 * HTML): one module, so that a figure reads the same wherever it
 * appears.
 */
#include "private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shortest text that reads back as the same double; whole numbers below
 * 1e15 in full (1840000, not 1.84e+06: money and FTE are read by people
 * and spreadsheets too). */
void oap_format_double(char *buf, size_t size, double v)
{
    int prec;
    if (isnan(v)) {
        snprintf(buf, size, "NaN");
        return;
    }
    if (v == 0) {
        snprintf(buf, size, "0");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, size, "%.0f", v);
        return;
    }
    for (prec = 6; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* 1234567.8 -> "1,234,567.80" with 2 decimals, "1,234,568" with none. */
void oap_format_money_dec(char *buf, size_t size, double v, int decimals)
{
    char digits[400];
    int n, i, j = 0, neg = v < 0;
    const char *dot;
    if (size == 0)
        return;
    if (isnan(v) || fabs(v) > 1e300) {
        snprintf(buf, size, isnan(v) ? "-" : v < 0 ? "-inf" : "inf");
        return;
    }
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    dot = strchr(digits, '.');
    n = dot ? (int)(dot - digits) : (int)strlen(digits);
    if (neg && strspn(digits, "0.") != strlen(digits) && j + 1 < (int)size)
        buf[j++] = '-';
    for (i = 0; i < n && j + 2 < (int)size; i++) {
        buf[j++] = digits[i];
        if ((n - i - 1) % 3 == 0 && i != n - 1)
            buf[j++] = ',';
    }
    for (i = n; digits[i] && j + 1 < (int)size; i++)
        buf[j++] = digits[i];
    buf[j] = '\0';
}

/* 1234567.8 -> "1,234,568" (rounded to whole units). */
void oap_format_money(char *buf, size_t size, double v)
{
    oap_format_money_dec(buf, size, v, 0);
}

/* CSV: RFC 4180 quoting; a text a spreadsheet would read as a formula
 * (it starts with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP recommends against CSV injection. */
void oap_csv_str(oap_buf *b, const char *s)
{
    int formula;
    if (s == NULL)
        return;
    formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
    if (strpbrk(s, ",\"\r\n") == NULL) {
        if (formula)
            oap_buf_putn(b, "'", 1);
        oap_buf_puts(b, s);
        return;
    }
    oap_buf_putn(b, "\"", 1);
    if (formula)
        oap_buf_putn(b, "'", 1);
    for (; *s; s++) {
        if (*s == '"')
            oap_buf_putn(b, "\"", 1);
        oap_buf_putn(b, s, 1);
    }
    oap_buf_putn(b, "\"", 1);
}

void oap_csv_num(oap_buf *b, double v)
{
    char buf[40];
    if (isnan(v))
        return;
    oap_format_double(buf, sizeof buf, v);
    oap_buf_puts(b, buf);
}

void oap_format_money_cur(char *buf, size_t size, double v, const char *cur)
{
    size_t n;
    oap_format_money(buf, size, v);
    n = strlen(buf);
    if (cur && cur[0] && !isnan(v) && n + 1 < size)
        snprintf(buf + n, size - n, " %s", cur);
}

void oap_format_amount(char *buf, size_t size, double v)
{
    if (fabs(v - floor(v + 0.5)) < 1e-6)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.2f", v);
}





void oap_buf_put_col(oap_buf *b, const char *s, int width)
{
    size_t n = oap_utf8_prefix(s ? s : "", width > 0 ? (size_t)width : 0);
    size_t cols = 0, i;
    for (i = 0; i < n; i++)
        cols += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (n > 0)
        oap_buf_putn(b, s, n);
    for (; (int)cols < width; cols++)
        oap_buf_putn(b, " ", 1);
}

