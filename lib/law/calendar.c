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
/* Deadline calendars: weekends and national public holidays, computed per year.
 *
 * A retour__holidays view lists one year's holidays as a bitmap over the days of the year,
 * computed once from the country's table (law/holidays.c) and reused while the dates asked
 * about stay in that year: an evaluation's deadlines usually do, so a check is a range
 * compare and a bit test. The view lives on the caller's stack. A policy also lists its
 * calendar's closed days for the common years once, at load (retour__closed_days_build), so
 * most evaluations never compute a holiday.
 *
 * The holiday lists and the assumptions behind them are in docs/decisions.md, "Deadline
 * calendars". */
#include "law/calendar.h"

#include "base/date.h"

#include <stddef.h>
#include <string.h>

/* Each country's calendar; its name is a contract ("weekends_and_<code>_holidays"). */
#define NATIONAL(code, lower) \
    [RETOUR__HOL_##code] = { RETOUR__CAL_NATIONAL, "weekends_and_" #lower "_holidays", \
                             RETOUR__HOL_##code }
static const retour__calendar countries[RETOUR__HOL__COUNT] = {
    NATIONAL(AT, at), NATIONAL(BE, be), NATIONAL(BG, bg), NATIONAL(CY, cy), NATIONAL(CZ, cz),
    NATIONAL(DE, de), NATIONAL(DK, dk), NATIONAL(EE, ee), NATIONAL(ES, es), NATIONAL(FI, fi),
    NATIONAL(FR, fr), NATIONAL(GB, gb), NATIONAL(GR, gr), NATIONAL(HR, hr), NATIONAL(HU, hu),
    NATIONAL(IE, ie), NATIONAL(IS, is), NATIONAL(IT, it), NATIONAL(LI, li), NATIONAL(LT, lt),
    NATIONAL(LU, lu), NATIONAL(LV, lv), NATIONAL(MT, mt), NATIONAL(NL, nl), NATIONAL(NO, no),
    NATIONAL(PL, pl), NATIONAL(PT, pt), NATIONAL(RO, ro), NATIONAL(SE, se), NATIONAL(SI, si),
    NATIONAL(SK, sk),
};

static const retour__calendar calendar_days = { RETOUR__CAL_CALENDAR_DAYS, "calendar_days", 0 };
static const retour__calendar weekends = { RETOUR__CAL_WEEKENDS, "weekends", 0 };

const retour__calendar *retour__calendar_for(const char *code)
{
    /* The jurisdiction codes with a country's holidays; UK and GB share England and Wales's
     * bank holidays, EL is the EU's own code for Greece. */
    static const struct {
        char code[3];
        retour__country country;
    } codes[] = {
        { "AT", RETOUR__HOL_AT }, { "BE", RETOUR__HOL_BE }, { "BG", RETOUR__HOL_BG },
        { "CY", RETOUR__HOL_CY }, { "CZ", RETOUR__HOL_CZ }, { "DE", RETOUR__HOL_DE },
        { "DK", RETOUR__HOL_DK }, { "EE", RETOUR__HOL_EE }, { "ES", RETOUR__HOL_ES },
        { "FI", RETOUR__HOL_FI }, { "FR", RETOUR__HOL_FR }, { "GB", RETOUR__HOL_GB },
        { "UK", RETOUR__HOL_GB }, { "GR", RETOUR__HOL_GR }, { "EL", RETOUR__HOL_GR },
        { "HR", RETOUR__HOL_HR }, { "HU", RETOUR__HOL_HU }, { "IE", RETOUR__HOL_IE },
        { "IS", RETOUR__HOL_IS }, { "IT", RETOUR__HOL_IT }, { "LI", RETOUR__HOL_LI },
        { "LT", RETOUR__HOL_LT }, { "LU", RETOUR__HOL_LU }, { "LV", RETOUR__HOL_LV },
        { "MT", RETOUR__HOL_MT }, { "NL", RETOUR__HOL_NL }, { "NO", RETOUR__HOL_NO },
        { "PL", RETOUR__HOL_PL }, { "PT", RETOUR__HOL_PT }, { "RO", RETOUR__HOL_RO },
        { "SE", RETOUR__HOL_SE }, { "SI", RETOUR__HOL_SI }, { "SK", RETOUR__HOL_SK },
    };
    /* Every jurisdiction code but "none" is two capital letters with a statutory period. */
    if (!code || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' || code[2])
        return &calendar_days;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (code[0] == codes[i].code[0] && code[1] == codes[i].code[1])
            return &countries[codes[i].country];
    return &weekends;
}

const retour__calendar *retour__calendar_days(void)
{
    return &calendar_days;
}

static int is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Lists the holidays of the year of `date` (a valid date) in h. */
static void list_year(retour__holidays *h, retour_date date)
{
    int year;
    retour__date_to_ymd(date, &year, NULL, NULL);
    h->year = year;
    if (retour_date_from_ymd(&h->first, year, 1, 1) != RETOUR_OK)
        h->first = date; /* not reached: date is valid, so is its 1 January */
    h->last = h->first + 364 + is_leap(year);
    h->first_weekday = retour__date_weekday(h->first);
    retour__holidays_of_year(h->cal->country, year, h->bits);
}

void retour__holidays_init(retour__holidays *h, const retour__calendar *cal)
{
    h->cal = cal ? cal : &calendar_days;
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
    return h->cal->kind == RETOUR__CAL_NATIONAL;
}

/* The holiday bit of a day of the listed year. */
static int holiday_bit(const retour__holidays *h, int doy)
{
    return (int)((h->bits[doy >> 6] >> (doy & 63)) & 1);
}

int retour__holidays_has(retour__holidays *h, retour_date date)
{
    if (!has_national_holidays(h) || date < retour__date_min() || date > retour__date_max())
        return 0;
    return holiday_bit(h, day_in_view(h, date));
}

int retour__holidays_is_working_day(retour__holidays *h, retour_date date)
{
    if (h->cal->kind == RETOUR__CAL_CALENDAR_DAYS)
        return 1;
    if (!has_national_holidays(h) || date < retour__date_min() || date > retour__date_max())
        return retour__date_weekday(date) < 5;
    int doy = day_in_view(h, date);
    int weekday = (h->first_weekday + doy) % 7;
    return weekday < 5 && !holiday_bit(h, doy);
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
        if (national)
            list_year(&h, jan1);
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
