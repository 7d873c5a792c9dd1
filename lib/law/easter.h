/* Easter Sunday, Western and Orthodox: the date every movable feast of the deadline calendars
 * is counted from (law/holidays.c). Pure functions; nothing allocates. */
#ifndef RETOUR_EASTER_H
#define RETOUR_EASTER_H

/* Easter Sunday of a Gregorian year (1583..9999; earlier years proleptic) as month (3 or 4)
 * and day. */
void retour__easter(int year, int *month, int *day);

/* Orthodox Easter Sunday of a year as a Gregorian month and day: the Julian computus, whose
 * date is then converted to the Gregorian calendar. Valid 1900-2199 (where it falls from
 * 4 April to 9 May); other years get the same arithmetic, proleptic. */
void retour__orthodox_easter(int year, int *month, int *day);

#endif
