/* Civil-date arithmetic on retour_date day numbers (days since 1970-01-01). */
#ifndef RETOUR_DATE_H
#define RETOUR_DATE_H

#include "retour.h"

#include <stdint.h>

/* Smallest and largest representable days: 0001-01-01 and 9999-12-31 (719162 days lie
 * between 0001-01-01 and 1970-01-01; years 1..9999 hold 3652059 days). */
#define RETOUR__DATE_MIN ((retour_date)-719162)
#define RETOUR__DATE_MAX ((retour_date)(3652059 - 1 - 719162))
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
 * its guarantee and its presumption from the same delivery day). */
typedef struct retour__date_years {
    uint32_t year; /* years since 0000-03-01 */
    uint32_t doy;  /* 0..365 from 1 March; 365 is 29 February */
} retour__date_years;
/* Splits a date of years 1..9999. */
void retour__date_split_years(retour__date_years *split, retour_date date);
/* The split date `years` years later (29 February becomes the 28th in a common year);
 * RETOUR_ERANGE when that leaves years 1..9999. Equals retour__date_add_months with
 * 12 * years months. */
int retour__date_add_years(retour_date *out, const retour__date_years *split, int years);

/* 0 = Monday ... 6 = Sunday. */
int retour__date_weekday(retour_date date);

#endif
