/* Civil dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar,
 * limited to years 1..9999 so that every date has a four-digit "YYYY-MM-DD" form. */
#include "retour.h"
#include "base/date.h"

#include <stdint.h>

enum {
    YEAR_MIN = 1,
    YEAR_MAX = 9999,
    /* Days from 0001-01-01 to 1970-01-01: the epoch offset between the two counts. */
    EPOCH_ORDINAL = 719162
};

#define DATE_MIN RETOUR__DATE_MIN
#define DATE_MAX RETOUR__DATE_MAX

/* Days before the first of each month in a common year. */
static const int days_before_month[12] = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
};

static int is_leap(int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int64_t year, int month)
{
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

/* Day number of a valid year (1..9999), month and day. Counts whole years since
 * 0001-01-01 with the leap rules, then whole months, then days. */
static retour_date days_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - 1;
    int64_t n = y * 365 + y / 4 - y / 100 + y / 400;
    n += days_before_month[month - 1] + (month > 2 && is_leap(year));
    n += day - 1;
    return (retour_date)(n - EPOCH_ORDINAL);
}

retour_date retour__date_min(void)
{
    return DATE_MIN;
}

retour_date retour__date_max(void)
{
    return DATE_MAX;
}

void retour__date_to_ymd(retour_date date, int *year, int *month, int *day)
{
    /* H. Hinnant's civil_from_days: count in 400-year eras of years that start on 1 March,
     * so that the leap day is the last day of its year; then the month follows from the
     * day of the year by one multiply (March-based months have a 153-day period every five
     * months). No loops; the divisions are by constants. Day numbers of years 1..9999
     * (and any date callers pass is one) give a non-negative z, so unsigned arithmetic is
     * exact; other inputs are clamped into that range first (callers check the range). */
    int64_t v = date < DATE_MIN ? DATE_MIN : date > DATE_MAX ? DATE_MAX : date;
    uint32_t z = (uint32_t)(v + 719468);        /* days since 0000-03-01 */
    uint32_t era = z / 146097;
    uint32_t doe = z - era * 146097;            /* day of the era, 0..146096 */
    uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
    uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              /* 0..365 */
    uint32_t mp = (5 * doy + 2) / 153;          /* month from March, 0..11 */
    uint32_t d = doy - (153 * mp + 2) / 5 + 1;
    uint32_t m = mp < 10 ? mp + 3 : mp - 9;
    uint32_t y = yoe + era * 400 + (m <= 2);

    if (year)
        *year = (int)y;
    if (month)
        *month = (int)m;
    if (day)
        *day = (int)d;
}

int retour__date_add_months(retour_date *out, retour_date date, int months)
{
    if (!out)
        return RETOUR_EINVAL;
    if (date < DATE_MIN || date > DATE_MAX)
        return RETOUR_ERANGE;
    if (months % 12 == 0 && months >= -120000 && months <= 120000) {
        retour__date_years split;
        retour__date_split_years(&split, date);
        return retour__date_add_years(out, &split, months / 12);
    }
    int year, month, day;
    retour__date_to_ymd(date, &year, &month, &day);

    /* Count in months since year 0 in 64 bits so that any int `months` is safe. */
    int64_t total = (int64_t)year * 12 + (month - 1) + months;
    if (total < (int64_t)YEAR_MIN * 12 || total > (int64_t)YEAR_MAX * 12 + 11)
        return RETOUR_ERANGE;
    int new_year = (int)(total / 12);
    int new_month = (int)(total % 12) + 1;
    int last = days_in_month(new_year, new_month);
    *out = days_from_civil(new_year, new_month, day < last ? day : last);
    return RETOUR_OK;
}

int retour__date_weekday(retour_date date)
{
    /* 1970-01-01 was a Thursday (3); reduce first so that date + 3 cannot overflow. */
    int r = (int)(date % 7);
    if (r < 0)
        r += 7;
    return (r + 3) % 7;
}

int retour_date_from_ymd(retour_date *out, int year, int month, int day)
{
    if (!out)
        return RETOUR_EINVAL;
    if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return RETOUR_ERANGE;
    *out = days_from_civil(year, month, day);
    return RETOUR_OK;
}

/* Value of n ASCII digits at text, or -1 when one of them is not a digit. */
static int read_digits(const char *text, int n)
{
    int value = 0;
    for (int i = 0; i < n; i++) {
        /* Compare explicitly: isdigit() depends on the locale. */
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

int retour_date_parse(retour_date *out, const char *text, size_t len)
{
    if (!out || !text)
        return RETOUR_EINVAL;
    if (len != 10 || text[4] != '-' || text[7] != '-')
        return RETOUR_ESYNTAX;
    int year = read_digits(text, 4);
    int month = read_digits(text + 5, 2);
    int day = read_digits(text + 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return RETOUR_ESYNTAX;
    return retour_date_from_ymd(out, year, month, day);
}

/* Writes value as exactly n digits, zero-padded. */
static void write_digits(char *buf, int value, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        buf[i] = (char)('0' + value % 10);
        value /= 10;
    }
}

int retour_date_format(char buf[11], retour_date date)
{
    if (!buf || date < DATE_MIN || date > DATE_MAX)
        return RETOUR_EINVAL;
    int year, month, day;
    retour__date_to_ymd(date, &year, &month, &day);
    write_digits(buf, year, 4);
    buf[4] = '-';
    write_digits(buf + 5, month, 2);
    buf[7] = '-';
    write_digits(buf + 8, day, 2);
    buf[10] = '\0';
    return RETOUR_OK;
}
