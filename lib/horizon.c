/*
 * Generated horizon labels: months (2027-01), quarters (2027-Q1) and ISO
 * weeks (2027-W01; ISO years have 52 or 53 weeks).
 */
#include "plan_int.h"

#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n, int *out)
{
    int v = 0, i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

/* Day of the week, 0 = Sunday (Sakamoto). */
static int weekday(int y, int m, int d)
{
    static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    if (m < 3)
        y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int oap_iso_weeks(int year)
{
    int jan1 = weekday(year, 1, 1);
    /* 53 weeks when the year starts on a Thursday, or on a Wednesday in a
     * leap year. */
    return (jan1 == 4 || (jan1 == 3 && leap(year))) ? 53 : 52;
}

int oap_parse_start(const char *s, oa_step step, int *year, int *sub)
{
    size_t n;
    if (s == NULL)
        return -1;
    n = strlen(s);
    if (n < 7 || digits(s, 4, year) != 0 || s[4] != '-' || *year < 1)
        return -1;
    switch (step) {
    case OA_STEP_MONTH:
        if (n != 7 || digits(s + 5, 2, sub) != 0 || *sub < 1 || *sub > 12)
            return -1;
        return 0;
    case OA_STEP_QUARTER:
        if (n != 7 || s[5] != 'Q' || digits(s + 6, 1, sub) != 0 || *sub < 1 ||
            *sub > 4)
            return -1;
        return 0;
    case OA_STEP_WEEK:
        if (n != 8 || s[5] != 'W' || digits(s + 6, 2, sub) != 0 || *sub < 1 ||
            *sub > oap_iso_weeks(*year))
            return -1;
        return 0;
    }
    return -1;
}

void oap_format_label(char *buf, size_t size, oa_step step, int year, int sub)
{
    switch (step) {
    case OA_STEP_MONTH:
        snprintf(buf, size, "%04d-%02d", year, sub);
        break;
    case OA_STEP_QUARTER:
        snprintf(buf, size, "%04d-Q%d", year, sub);
        break;
    case OA_STEP_WEEK:
        snprintf(buf, size, "%04d-W%02d", year, sub);
        break;
    }
}

void oap_next_label(oa_step step, int *year, int *sub)
{
    int last = step == OA_STEP_MONTH     ? 12
               : step == OA_STEP_QUARTER ? 4
                                         : oap_iso_weeks(*year);
    if (++*sub > last) {
        *sub = 1;
        ++*year;
    }
}
