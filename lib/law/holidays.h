/* National public holidays, and the days a national law on time periods closes, of each
 * country with a deadline calendar: one table per country (law/holidays.c), read into a
 * bitmap of one year. Regional holidays are not known. Sources and assumptions:
 * docs/decisions.md, "Deadline calendars". Pure functions; nothing allocates. */
#ifndef RETOUR_HOLIDAYS_H
#define RETOUR_HOLIDAYS_H

#include <stdint.h>

/* The countries whose holidays are known (GB stands for England and Wales). */
typedef enum retour__country {
    RETOUR__HOL_AT, RETOUR__HOL_BE, RETOUR__HOL_BG, RETOUR__HOL_CY, RETOUR__HOL_CZ,
    RETOUR__HOL_DE, RETOUR__HOL_DK, RETOUR__HOL_EE, RETOUR__HOL_ES, RETOUR__HOL_FI,
    RETOUR__HOL_FR, RETOUR__HOL_GB, RETOUR__HOL_GR, RETOUR__HOL_HR, RETOUR__HOL_HU,
    RETOUR__HOL_IE, RETOUR__HOL_IS, RETOUR__HOL_IT, RETOUR__HOL_LI, RETOUR__HOL_LT,
    RETOUR__HOL_LU, RETOUR__HOL_LV, RETOUR__HOL_MT, RETOUR__HOL_NL, RETOUR__HOL_NO,
    RETOUR__HOL_PL, RETOUR__HOL_PT, RETOUR__HOL_RO, RETOUR__HOL_SE, RETOUR__HOL_SI,
    RETOUR__HOL_SK,
    RETOUR__HOL__COUNT
} retour__country;

/* The days of `year` that are a public holiday or a closed day of `country`, as bits: bit n
 * is day n of the year (0 = 1 January); every other bit is cleared. Holidays that are always
 * Sundays (Easter Sunday, Whit Sunday, ...) are not listed. Any year 1..9999 works; the
 * tables encode the changes since 1990 they know of, and other years get the nearest
 * rules (docs/decisions.md). An unknown country clears every bit. */
void retour__holidays_of_year(retour__country country, int year, uint64_t bits[6]);

#endif
