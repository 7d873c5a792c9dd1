/* Deadline calendars: weekends and national public holidays, computed per year.
 *
 * A retour__holidays view lists one year's holidays as a bitmap over the days of the year,
 * computed once (the fixed dates, King's Day and Easter with its offsets) and reused while
 * the dates asked about stay in that year: an evaluation's deadlines usually do, so a check
 * is a range compare and a bit test. The view lives on the caller's stack. A policy also
 * lists its calendar's closed days for the common years once, at load
 * (retour__closed_days_build), so most evaluations never compute a holiday.
 *
 * The holiday lists and the assumptions behind them are in docs/decisions.md, "Deadline
 * calendars". Easter Sunday and Whit Sunday are not listed: they are Sundays. */
#include "law/calendar.h"

#include "base/date.h"

#include <stddef.h>
#include <string.h>

/* Easter-based holidays as offsets from Easter Sunday, one bit each. */
enum {
    GOOD_FRIDAY = 1u << 0,   /* -2 */
    EASTER_MONDAY = 1u << 1, /* +1 */
    ASCENSION = 1u << 2,     /* +39 */
    WHIT_MONDAY = 1u << 3    /* +50 */
};

static const struct {
    unsigned bit;
    int offset;
} easter_days[] = {
    { GOOD_FRIDAY, -2 }, { EASTER_MONDAY, 1 }, { ASCENSION, 39 }, { WHIT_MONDAY, 50 },
};

/* A holiday on a fixed day of the month, from a year on (0: always), up to a year (0: on). */
typedef struct fixed_day {
    short month, day;
    short from, until;
} fixed_day;

#define END { 0, 0, 0, 0 }

/* Netherlands: the "algemeen erkende feestdagen" with Good Friday treated alike; King's Day
 * is computed (king_day) because it moves when 27 April is a Sunday. */
static const fixed_day nl_days[] = {
    { 1, 1, 0, 0 }, { 5, 5, 0, 0 }, { 12, 25, 0, 0 }, { 12, 26, 0, 0 }, END,
};
/* Germany: the nationwide holidays only; German Unity Day from 1990; the 500th anniversary
 * of the Reformation (31 October 2017) was a one-off holiday in every state. */
static const fixed_day de_days[] = {
    { 1, 1, 0, 0 }, { 5, 1, 0, 0 }, { 10, 3, 1990, 0 }, { 10, 31, 2017, 2017 },
    { 12, 25, 0, 0 }, { 12, 26, 0, 0 }, END,
};
/* Belgium: the ten legal public holidays. */
static const fixed_day be_days[] = {
    { 1, 1, 0, 0 }, { 5, 1, 0, 0 }, { 7, 21, 0, 0 }, { 8, 15, 0, 0 }, { 11, 1, 0, 0 },
    { 11, 11, 0, 0 }, { 12, 25, 0, 0 }, END,
};
/* France: the eleven legal public holidays (Alsace-Moselle's extra days are regional). */
static const fixed_day fr_days[] = {
    { 1, 1, 0, 0 }, { 5, 1, 0, 0 }, { 5, 8, 0, 0 }, { 7, 14, 0, 0 }, { 8, 15, 0, 0 },
    { 11, 1, 0, 0 }, { 11, 11, 0, 0 }, { 12, 25, 0, 0 }, END,
};

typedef struct holiday_set {
    const fixed_day *fixed;
    unsigned easter;
    int king_day;
} holiday_set;

static const holiday_set sets[RETOUR__CAL__COUNT] = {
    [RETOUR__CAL_NL] = { nl_days, GOOD_FRIDAY | EASTER_MONDAY | ASCENSION | WHIT_MONDAY, 1 },
    [RETOUR__CAL_DE] = { de_days, GOOD_FRIDAY | EASTER_MONDAY | ASCENSION | WHIT_MONDAY, 0 },
    [RETOUR__CAL_BE] = { be_days, EASTER_MONDAY | ASCENSION | WHIT_MONDAY, 0 },
    [RETOUR__CAL_FR] = { fr_days, EASTER_MONDAY | ASCENSION | WHIT_MONDAY, 0 },
};

static const retour__calendar calendars[RETOUR__CAL__COUNT] = {
    { RETOUR__CAL_CALENDAR_DAYS, "calendar_days" },
    { RETOUR__CAL_WEEKENDS, "weekends" },
    { RETOUR__CAL_NL, "weekends_and_nl_holidays" },
    { RETOUR__CAL_DE, "weekends_and_de_holidays" },
    { RETOUR__CAL_BE, "weekends_and_be_holidays" },
    { RETOUR__CAL_FR, "weekends_and_fr_holidays" },
};

const retour__calendar *retour__calendar_for(const char *code)
{
    static const struct {
        char code[3];
        retour__calendar_kind kind;
    } national[] = {
        { "NL", RETOUR__CAL_NL }, { "DE", RETOUR__CAL_DE },
        { "BE", RETOUR__CAL_BE }, { "FR", RETOUR__CAL_FR },
    };
    /* Every jurisdiction code but "none" is two capital letters with a statutory period. */
    if (!code || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' || code[2])
        return &calendars[RETOUR__CAL_CALENDAR_DAYS];
    for (size_t i = 0; i < sizeof national / sizeof national[0]; i++)
        if (code[0] == national[i].code[0] && code[1] == national[i].code[1])
            return &calendars[national[i].kind];
    return &calendars[RETOUR__CAL_WEEKENDS];
}

const retour__calendar *retour__calendar_days(void)
{
    return &calendars[RETOUR__CAL_CALENDAR_DAYS];
}

void retour__easter(int year, int *month, int *day)
{
    /* The anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms", after the 1876
     * Nature letter; also known as Meeus/Jones/Butcher): golden number, century corrections,
     * epact, then the Sunday after the paschal full moon. */
    int a = year % 19;
    int b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    *month = n / 31;
    *day = n % 31 + 1;
}

static int is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* 0-based day of the year of a valid date. */
static int day_of_year(int year, int month, int day)
{
    static const short before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    return before[month - 1] + (month > 2 && is_leap(year)) + day - 1;
}

static void mark(retour__holidays *h, int doy)
{
    if (doy >= 0 && doy <= (int)(h->last - h->first))
        h->bits[doy >> 6] |= (uint64_t)1 << (doy & 63);
}

/* Lists the holidays of the year of `date` (a valid date) in h: day-of-year arithmetic from
 * 1 January, no per-holiday date conversion. */
static void list_year(retour__holidays *h, retour_date date)
{
    int year;
    retour__date_to_ymd(date, &year, NULL, NULL);
    memset(h->bits, 0, sizeof h->bits);
    h->year = year;
    if (retour_date_from_ymd(&h->first, year, 1, 1) != RETOUR_OK)
        h->first = date; /* not reached: date is valid, so is its 1 January */
    h->last = h->first + 364 + is_leap(year);
    h->first_weekday = retour__date_weekday(h->first);
    const holiday_set *s = &sets[h->cal->kind];
    for (const fixed_day *f = s->fixed; f->month; f++)
        if ((!f->from || year >= f->from) && (!f->until || year <= f->until))
            mark(h, day_of_year(year, f->month, f->day));
    if (s->king_day) {
        /* Dutch King's Day: 27 April (Queen's Day 30 April before 2014); when that is a
         * Sunday it is kept on the Saturday before, a weekend day either way. */
        int doy = day_of_year(year, 4, year >= 2014 ? 27 : 30);
        mark(h, (h->first_weekday + doy) % 7 == 6 ? doy - 1 : doy);
    }
    h->easter_listed = !s->easter; /* on demand: list_easter */
}

/* Adds the Easter-based holidays of the listed year. */
static void list_easter(retour__holidays *h)
{
    const holiday_set *s = &sets[h->cal->kind];
    int em, ed;
    retour__easter(h->year, &em, &ed);
    int easter = day_of_year(h->year, em, ed);
    for (size_t i = 0; i < sizeof easter_days / sizeof easter_days[0]; i++)
        if (s->easter & easter_days[i].bit)
            mark(h, easter + easter_days[i].offset);
    h->easter_listed = 1;
}

/* Easter Sunday falls from 22 March to 25 April, so Good Friday (a Friday) from 20 March to
 * 23 April, Easter Monday from 23 March to 26 April, Ascension Day (a Thursday) from 30 April
 * to 3 June and Whit Monday from 11 May to 14 June: only such a day needs the computus. */
static int may_follow_easter(const retour__holidays *h, int doy, int weekday)
{
    int y = h->year;
    switch (weekday) {
    case 0: return (doy >= day_of_year(y, 3, 23) && doy <= day_of_year(y, 4, 26)) ||
                   (doy >= day_of_year(y, 5, 11) && doy <= day_of_year(y, 6, 14));
    case 3: return doy >= day_of_year(y, 4, 30) && doy <= day_of_year(y, 6, 3);
    case 4: return doy >= day_of_year(y, 3, 20) && doy <= day_of_year(y, 4, 23);
    default: return 0;
    }
}

void retour__holidays_init(retour__holidays *h, const retour__calendar *cal)
{
    h->cal = cal ? cal : &calendars[RETOUR__CAL_CALENDAR_DAYS];
    h->year = 0;
    h->first = 1;
    h->last = 0; /* an empty range: the first lookup lists a year */
    h->first_weekday = 0;
}

/* Lists date's year in h unless it is listed; returns date's day of that year. */
static int day_in_view(retour__holidays *h, retour_date date)
{
    if (date < h->first || date > h->last)
        list_year(h, date);
    return (int)(date - h->first);
}

static int has_national_holidays(const retour__holidays *h)
{
    return h->cal->kind >= RETOUR__CAL_NL && h->cal->kind < RETOUR__CAL__COUNT;
}

/* The holiday bit of a day of the listed year, listing Easter's holidays when needed. */
static int holiday_bit(retour__holidays *h, int doy, int weekday)
{
    if (!h->easter_listed && may_follow_easter(h, doy, weekday))
        list_easter(h);
    return (int)((h->bits[doy >> 6] >> (doy & 63)) & 1);
}

int retour__holidays_has(retour__holidays *h, retour_date date)
{
    if (!has_national_holidays(h) || date < retour__date_min() || date > retour__date_max())
        return 0;
    int doy = day_in_view(h, date);
    return holiday_bit(h, doy, (h->first_weekday + doy) % 7);
}

int retour__holidays_is_working_day(retour__holidays *h, retour_date date)
{
    if (h->cal->kind == RETOUR__CAL_CALENDAR_DAYS)
        return 1;
    if (!has_national_holidays(h) || date < retour__date_min() || date > retour__date_max())
        return retour__date_weekday(date) < 5;
    int doy = day_in_view(h, date);
    int weekday = (h->first_weekday + doy) % 7;
    return weekday < 5 && !holiday_bit(h, doy, weekday);
}

int retour__holidays_next_working_day(retour_date *out, retour__holidays *h, retour_date date)
{
    if (!out)
        return RETOUR_EINVAL;
    if (date < retour__date_min() || date > retour__date_max())
        return RETOUR_ERANGE;
    retour_date day = date;
    /* At most a weekend plus a few holidays in a row: the loop is short. */
    while (!retour__holidays_is_working_day(h, day)) {
        if (day == retour__date_max())
            return RETOUR_ERANGE;
        day++;
    }
    *out = day;
    return RETOUR_OK;
}

int retour__calendar_is_holiday(const retour__calendar *cal, retour_date date)
{
    retour__holidays h;
    if (!cal)
        return 0;
    retour__holidays_init(&h, cal);
    return retour__holidays_has(&h, date);
}

int retour__calendar_is_working_day(const retour__calendar *cal, retour_date date)
{
    retour__holidays h;
    retour__holidays_init(&h, cal);
    return retour__holidays_is_working_day(&h, date);
}

int retour__working_day_on_or_after(retour_date *out, const retour__calendar *cal,
                                    retour_date date)
{
    retour__holidays h;
    retour__holidays_init(&h, cal);
    return retour__holidays_next_working_day(out, &h, date);
}

void retour__closed_days_build(retour__closed_days *c, const retour__calendar *cal)
{
    memset(c->bits, 0, sizeof c->bits);
    retour_date_from_ymd(&c->first, RETOUR__CLOSED_FIRST_YEAR, 1, 1);
    retour_date end; /* the day after the last listed one */
    retour_date_from_ymd(&end, RETOUR__CLOSED_FIRST_YEAR + RETOUR__CLOSED_YEARS, 1, 1);
    /* No run of closed days is this long, so a lookup from `last` stays inside. */
    c->last = end - 31;
    if (cal == NULL || cal->kind == RETOUR__CAL_CALENDAR_DAYS)
        return;
    retour__holidays h;
    retour__holidays_init(&h, cal);
    int national = has_national_holidays(&h);
    for (int y = 0; y < RETOUR__CLOSED_YEARS; y++) {
        retour_date jan1;
        retour_date_from_ymd(&jan1, RETOUR__CLOSED_FIRST_YEAR + y, 1, 1);
        if (national) {
            list_year(&h, jan1);
            if (!h.easter_listed)
                list_easter(&h);
        }
        int weekday = retour__date_weekday(jan1);
        int days = 365 + is_leap(RETOUR__CLOSED_FIRST_YEAR + y);
        uint32_t base = (uint32_t)(jan1 - c->first);
        for (int doy = 0; doy < days; doy++, weekday = weekday == 6 ? 0 : weekday + 1) {
            int closed = weekday >= 5 ||
                         (national && ((h.bits[doy >> 6] >> (doy & 63)) & 1));
            if (closed) {
                uint32_t n = base + (uint32_t)doy;
                c->bits[n >> 6] |= (uint64_t)1 << (n & 63);
            }
        }
    }
}
