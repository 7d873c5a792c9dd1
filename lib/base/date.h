/* Civil-date arithmetic on retour_date day numbers (days since 1970-01-01). */
#ifndef RETOUR_DATE_H
#define RETOUR_DATE_H

#include "base/compiler.h"
#include "retour.h"

#include <stdint.h>

/* Smallest and largest representable days: 0001-01-01 and 9999-12-31 (719162 days lie
 * between 0001-01-01 and 1970-01-01; years 1..9999 hold 3652059 days). */
#define RETOUR__DATE_MIN ((retour_date)-719162)
#define RETOUR__DATE_MAX ((retour_date)(3652059 - 1 - 719162))
/* The day number of a civil date as a constant expression, for tables of dates (the law's
 * dates of application). Years 1..9999; the arguments are evaluated more than once. After
 * the days-from-civil algorithm: years counted from 1 March, eras of 400 years. */
#define RETOUR__DATE_Y(y, m) ((y) - ((m) <= 2))
#define RETOUR__DATE_DOY(m, d) ((153 * ((m) > 2 ? (m) - 3 : (m) + 9) + 2) / 5 + (d) - 1)
#define RETOUR__DATE_YOE(y, m) (RETOUR__DATE_Y(y, m) % 400)
#define RETOUR__DATE_CONST(y, m, d)                                                         \
    ((retour_date)((RETOUR__DATE_Y(y, m) / 400) * 146097 + RETOUR__DATE_YOE(y, m) * 365 +   \
                   RETOUR__DATE_YOE(y, m) / 4 - RETOUR__DATE_YOE(y, m) / 100 +              \
                   RETOUR__DATE_DOY(m, d) - 719468))
retour_date retour__date_min(void);
retour_date retour__date_max(void);

void retour__date_to_ymd(retour_date date, int *year, int *month, int *day);

/* date + days; RETOUR_ERANGE when the result leaves years 1..9999. Inline: every
 * deadline is one. */
static inline int retour__date_add_days(retour_date *out, retour_date date, int days)
{
    if (!out)
        return RETOUR_EINVAL;
    int64_t sum = (int64_t)date + days;
    if (date < RETOUR__DATE_MIN || date > RETOUR__DATE_MAX || sum < RETOUR__DATE_MIN ||
        sum > RETOUR__DATE_MAX)
        return RETOUR_ERANGE;
    *out = (retour_date)sum;
    return RETOUR_OK;
}

/* Same day of the month, months later; a day that does not exist in the target month
 * becomes that month's last day (31 January + 1 month = 28/29 February).
 * RETOUR_ERANGE when the result leaves years 1..9999. */
int retour__date_add_months(retour_date *out, retour_date date, int months);

/* A date as its year counted from 1 March and its day in that year, so that whole years
 * can be added to one date several times at the price of one split (a complaint measures
 * its guarantee and its presumption from the same delivery day). In years that start on
 * 1 March the day of the year stays the same when whole years are added, except 29
 * February, which becomes the 28th in a common year. Inline: the plan counts a
 * complaint's periods with them. */
typedef struct retour__date_years {
    uint32_t year; /* years since 0000-03-01 */
    uint32_t doy;  /* 0..365 from 1 March; 365 is 29 February */
} retour__date_years;

/* Between 2000-03-01 and 2100-02-28 every fourth year is a leap year (2000 is one, 2100
 * is not), so years there are counted in cycles of 1461 days with no century rule: the
 * dates most decisions see split and move with a few multiplications less. */
#define RETOUR__CENTURY_START ((retour_date)11017)  /* 2000-03-01 */
#define RETOUR__CENTURY_DAYS ((uint32_t)36524)      /* to 2100-02-28 inclusive */

/* Splits a date of years 1..9999 (the steps of retour__date_to_ymd, without month and
 * day). */
static RETOUR__INLINE void retour__date_split_years(retour__date_years *split, retour_date date)
{
    uint32_t m = (uint32_t)date - (uint32_t)RETOUR__CENTURY_START;
    if (m < RETOUR__CENTURY_DAYS) {
        uint32_t r = m % 1461, y = r / 365;
        y -= y >> 2; /* the cycle's last day, 29 February, belongs to its fourth year */
        split->doy = r - 365 * y;
        split->year = 2000 + 4 * (m / 1461) + y;
        return;
    }
    int64_t v = date < RETOUR__DATE_MIN ? RETOUR__DATE_MIN
                : date > RETOUR__DATE_MAX ? RETOUR__DATE_MAX : date;
    uint32_t z = (uint32_t)(v + 719468);
    uint32_t era = z / 146097, doe = z - era * 146097;
    uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    split->doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    split->year = era * 400 + yoe;
}

/* The split date `years` years later (29 February becomes the 28th in a common year);
 * RETOUR_ERANGE when that leaves years 1..9999. Equals retour__date_add_months with
 * 12 * years months. */
static RETOUR__INLINE int retour__date_add_years(retour_date *out,
                                                 const retour__date_years *split, int years)
{
    int64_t y = (int64_t)split->year + years; /* March-based year */
    if (y >= 2000 && y <= 2098) { /* March-based 2099 ends in February 2100: no 29th */
        uint32_t c = (uint32_t)(y - 2000), doy = split->doy;
        if (doy == 365 && (c & 3) != 3)
            doy = 364; /* 29 February in a common year */
        *out = RETOUR__CENTURY_START + (retour_date)((c >> 2) * 1461 + (c & 3) * 365 + doy);
        return RETOUR_OK;
    }
    /* The civil year is y, or y + 1 for January and February (doy >= 306). */
    int64_t civil = y + (split->doy >= 306);
    if (civil < 1 || civil > 9999)
        return RETOUR_ERANGE;
    uint32_t uy = (uint32_t)y; /* 0..9999 here */
    uint32_t e = uy / 400, ye = uy - e * 400, doy = split->doy, next = uy + 1;
    if (doy == 365 && !(next % 4 == 0 && (next % 100 != 0 || next % 400 == 0)))
        doy = 364; /* 29 February in a common year */
    *out = (retour_date)((int64_t)(e * 146097 + ye * 365 + ye / 4 - ye / 100 + doy) - 719468);
    return RETOUR_OK;
}

/* 0 = Monday ... 6 = Sunday. */
int retour__date_weekday(retour_date date);

#endif
