/* Deadline calendars: which days are working days in a jurisdiction, so that a period whose
 * last day is a Saturday, Sunday or public holiday can end on the next working day
 * (Regulation (EEC, Euratom) No 1182/71 art. 3(4); docs/decisions.md, "Deadline calendars").
 * Holidays are computed per year from each country's table (law/holidays.c), never listed per
 * year.
 * Nothing here allocates; every function is pure and thread-safe. */
#ifndef RETOUR_CALENDAR_H
#define RETOUR_CALENDAR_H

#include "base/compiler.h"
#include "law/holidays.h"
#include "retour.h"

#include <stdint.h>

/* The citation of a moved deadline in an EU member state. */
#define RETOUR__REG_PERIODS "Regulation (EEC, Euratom) No 1182/71 art. 3(4)"

typedef enum retour__calendar_kind {
    RETOUR__CAL_CALENDAR_DAYS = 0, /* no extension: every day is a working day */
    RETOUR__CAL_WEEKENDS,          /* Saturdays and Sundays; national holidays not known */
    RETOUR__CAL_NATIONAL,          /* weekends and a country's holidays (law/holidays.c) */
} retour__calendar_kind;

typedef struct retour__calendar {
    retour__calendar_kind kind;
    const char *name;        /* "calendar_days", "weekends", "weekends_and_nl_holidays", ... */
    retour__country country; /* RETOUR__CAL_NATIONAL: whose holidays */
} retour__calendar;

/* The calendar of a jurisdiction code: each EU member state, IS, LI, NO and GB (also "UK")
 * has its public holidays ("weekends_and_<code>_holidays", GB and UK both
 * "weekends_and_gb_holidays"; EL is GR); "EU" and any other two capital letters count
 * weekends only; "none" and everything else count calendar days. Never NULL; a static
 * object. */
const retour__calendar *retour__calendar_for(const char *jurisdiction_code);

/* The calendar that moves nothing ("calendar_days"). */
const retour__calendar *retour__calendar_days(void);

/* One year's public holidays of a calendar, listed on first use and again when a date of
 * another year is asked about. A value on the caller's stack (no allocation); one thread. */
typedef struct retour__holidays {
    const retour__calendar *cal;
    int year;
    retour_date first, last; /* 1 January and 31 December of `year` */
    int first_weekday;       /* of 1 January: 0 = Monday */
    uint64_t bits[6];        /* bit n: day first + n is a public holiday or closed day */
} retour__holidays;

/* Starts a view of cal's holidays (NULL: calendar days); no year is listed yet. */
void retour__holidays_init(retour__holidays *h, const retour__calendar *cal);

/* As retour__calendar_is_holiday, retour__calendar_is_working_day and
 * retour__working_day_on_or_after below, reusing h's listed year. */
int retour__holidays_has(retour__holidays *h, retour_date date);
int retour__holidays_is_working_day(retour__holidays *h, retour_date date);
int retour__holidays_next_working_day(retour_date *out, retour__holidays *h, retour_date date);

/* The closed days (weekends and public holidays) of a calendar for the years most decisions
 * fall in, listed once when a policy loads so that an evaluation moves a deadline by bit
 * tests; dates outside the range take the retour__holidays path. Immutable once built. */
#define RETOUR__CLOSED_FIRST_YEAR 2020
#define RETOUR__CLOSED_YEARS 50
/* One spare word: a lookup reads the word after its day's, as a window of 64 days. */
#define RETOUR__CLOSED_WORDS ((RETOUR__CLOSED_YEARS * 366 + 63) / 64 + 1)

typedef struct retour__closed_days {
    retour_date first;  /* 1 January of RETOUR__CLOSED_FIRST_YEAR */
    retour_date last;   /* the last day a lookup may start from (a margin before the end) */
    uint64_t bits[RETOUR__CLOSED_WORDS]; /* bit n: first + n is no working day */
} retour__closed_days;

/* Lists cal's closed days into c (calendar days: none). */
void retour__closed_days_build(retour__closed_days *c, const retour__calendar *cal);

/* Moves *date to the first working day on or after it and returns 1 when c covers the
 * date; returns 0 (nothing changed) when it does not. */
static inline int retour__closed_days_next(const retour__closed_days *c, retour_date *date)
{
    if (*date < c->first || *date > c->last)
        return 0;
    /* The 64 days from date on, as bits; the first clear one is the working day (no run
     * of closed days is as long). Counting instead of looping keeps the weekday of a
     * deadline from steering a branch. */
    uint32_t n = (uint32_t)(*date - c->first), w = n >> 6, b = n & 63;
    uint64_t days = (c->bits[w] >> b) | ((c->bits[w + 1] << 1) << (63 - b));
    *date += (retour_date)retour__ctz64(~days);
    return 1;
}

/* 1 when date is a public holiday or closed day of the calendar (law/holidays.c; weekends
 * as such not included), else 0. */
int retour__calendar_is_holiday(const retour__calendar *cal, retour_date date);

/* 1 when date is a working day of the calendar: not a Saturday, Sunday or holiday. */
int retour__calendar_is_working_day(const retour__calendar *cal, retour_date date);

/* The first working day on or after date into *out (date itself when it is one).
 * RETOUR_ERANGE when that day would fall after 9999-12-31 (*out untouched). */
int retour__working_day_on_or_after(retour_date *out, const retour__calendar *cal,
                                    retour_date date);

#endif
