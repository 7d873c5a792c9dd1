/* Civil-date arithmetic on retour_date day numbers (days since 1970-01-01). */
#ifndef RETOUR_DATE_H
#define RETOUR_DATE_H

#include "retour.h"

/* Smallest and largest representable days: 0001-01-01 and 9999-12-31. */
retour_date retour__date_min(void);
retour_date retour__date_max(void);

void retour__date_to_ymd(retour_date date, int *year, int *month, int *day);

/* date + days; RETOUR_ERANGE when the result leaves years 1..9999. */
int retour__date_add_days(retour_date *out, retour_date date, int days);

/* Same day of the month, months later; a day that does not exist in the target month
 * becomes that month's last day (31 January + 1 month = 28/29 February).
 * RETOUR_ERANGE when the result leaves years 1..9999. */
int retour__date_add_months(retour_date *out, retour_date date, int months);

/* 0 = Monday ... 6 = Sunday. */
int retour__date_weekday(retour_date date);

#endif
