/* Deadline calendars: weekends and national public holidays, computed per year.
 *
 * A holiday check costs a day-number-to-date conversion and a short table scan; Easter is
 * computed only for days in March to June, where every Easter-based holiday falls (Good
 * Friday at the earliest on 20 March, Whit Monday at the latest on 14 June).
 *
 * The holiday lists and the assumptions behind them are in docs/decisions.md, "Deadline
 * calendars". Easter Sunday and Whit Sunday are not listed: they are Sundays. */
#include "calendar.h"

#include "date.h"

#include <stddef.h>

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

/* Dutch King's Day: 27 April (Queen's Day 30 April before 2014); when that is a Sunday it
 * is kept on the Saturday before, a weekend day either way. */
static int is_king_day(int year, int month, int day, retour_date date)
{
    if (month != 4)
        return 0;
    int on = year >= 2014 ? 27 : 30;
    if (day == on)
        return retour__date_weekday(date) != 6;
    return day == on - 1 && retour__date_weekday(date) == 5;
}

int retour__calendar_is_holiday(const retour__calendar *cal, retour_date date)
{
    if (!cal || cal->kind < RETOUR__CAL_NL || cal->kind >= RETOUR__CAL__COUNT ||
        date < retour__date_min() || date > retour__date_max())
        return 0;
    const holiday_set *s = &sets[cal->kind];
    int year, month, day;
    retour__date_to_ymd(date, &year, &month, &day);
    for (const fixed_day *f = s->fixed; f->month; f++)
        if (f->month == month && f->day == day && (!f->from || year >= f->from) &&
            (!f->until || year <= f->until))
            return 1;
    if (s->king_day && is_king_day(year, month, day, date))
        return 1;
    if (month >= 3 && month <= 6 && s->easter) {
        int em, ed;
        retour_date easter;
        retour__easter(year, &em, &ed);
        if (retour_date_from_ymd(&easter, year, em, ed) == RETOUR_OK) {
            retour_date off = date - easter;
            for (size_t i = 0; i < sizeof easter_days / sizeof easter_days[0]; i++)
                if ((s->easter & easter_days[i].bit) && off == easter_days[i].offset)
                    return 1;
        }
    }
    return 0;
}

int retour__calendar_is_working_day(const retour__calendar *cal, retour_date date)
{
    if (!cal || cal->kind == RETOUR__CAL_CALENDAR_DAYS)
        return 1;
    if (retour__date_weekday(date) >= 5)
        return 0;
    return !retour__calendar_is_holiday(cal, date);
}

int retour__working_day_on_or_after(retour_date *out, const retour__calendar *cal,
                                    retour_date date)
{
    if (!out)
        return RETOUR_EINVAL;
    if (date < retour__date_min() || date > retour__date_max())
        return RETOUR_ERANGE;
    retour_date day = date;
    /* At most a weekend plus a few holidays in a row: the loop is short. */
    while (!retour__calendar_is_working_day(cal, day)) {
        if (day == retour__date_max())
            return RETOUR_ERANGE;
        day++;
    }
    *out = day;
    return RETOUR_OK;
}
