/* Unit tests for lib/base/date.c: civil-date conversion, parsing, formatting, arithmetic. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"
#include "base/date.h"

/* Parses a NUL-terminated literal; fails the test on anything but success. */
static retour_date d(const char *text)
{
    retour_date out = RETOUR_DATE_NONE;
    assert_int_equal(retour_date_parse(&out, text, strlen(text)), RETOUR_OK);
    return out;
}

static int parse_rc(const char *text)
{
    retour_date out = 12345;
    int rc = retour_date_parse(&out, text, strlen(text));
    if (rc != RETOUR_OK)
        assert_int_equal(out, 12345); /* untouched on failure */
    return rc;
}

static void assert_formats(retour_date date, const char *expected)
{
    char buf[11];
    memset(buf, 'x', sizeof buf);
    assert_int_equal(retour_date_format(buf, date), RETOUR_OK);
    assert_string_equal(buf, expected);
}

static void test_epoch(void **state)
{
    (void)state;
    retour_date out = -1;
    assert_int_equal(retour_date_from_ymd(&out, 1970, 1, 1), RETOUR_OK);
    assert_int_equal(out, 0);
    assert_int_equal(d("1970-01-01"), 0);
    assert_int_equal(d("1970-01-02"), 1);
    assert_int_equal(d("1969-12-31"), -1);
    assert_int_equal(d("2000-01-01"), 10957);
    assert_int_equal(d("2026-11-23"), 20780);
    assert_formats(0, "1970-01-01");
    assert_formats(-1, "1969-12-31");
    assert_formats(10957, "2000-01-01");
}

static void test_limits(void **state)
{
    (void)state;
    assert_int_equal(retour__date_min(), -719162);
    assert_int_equal(retour__date_max(), 2932896);
    assert_int_equal(d("0001-01-01"), retour__date_min());
    assert_int_equal(d("9999-12-31"), retour__date_max());
    assert_formats(retour__date_min(), "0001-01-01");
    assert_formats(retour__date_max(), "9999-12-31");

    int y = 0, m = 0, dd = 0;
    retour__date_to_ymd(retour__date_min(), &y, &m, &dd);
    assert_int_equal(y, 1);
    assert_int_equal(m, 1);
    assert_int_equal(dd, 1);
    retour__date_to_ymd(retour__date_max(), &y, &m, &dd);
    assert_int_equal(y, 9999);
    assert_int_equal(m, 12);
    assert_int_equal(dd, 31);
}

static void test_leap_years(void **state)
{
    (void)state;
    assert_int_equal(d("2024-02-29") + 1, d("2024-03-01"));
    assert_int_equal(d("2000-02-29") + 1, d("2000-03-01"));
    assert_int_equal(d("1600-02-29") + 1, d("1600-03-01"));
    assert_int_equal(parse_rc("2100-02-29"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("1900-02-29"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2023-02-29"), RETOUR_ERANGE);
    assert_int_equal(d("2023-02-28") + 1, d("2023-03-01"));
    assert_int_equal(d("2100-02-28") + 1, d("2100-03-01"));
    /* Year lengths across the leap rules. */
    assert_int_equal(d("2025-01-01") - d("2024-01-01"), 366);
    assert_int_equal(d("2101-01-01") - d("2100-01-01"), 365);
    assert_int_equal(d("2001-01-01") - d("2000-01-01"), 366);
    assert_int_equal(d("0401-01-01") - d("0001-01-01"), 146097);
}

static void test_from_ymd_range(void **state)
{
    (void)state;
    retour_date out = 777;
    assert_int_equal(retour_date_from_ymd(&out, 0, 1, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 10000, 1, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, -1, 1, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 0, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 13, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 1, 0), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 1, 32), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 4, 31), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 2, 30), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, INT_MIN, INT_MIN, INT_MIN), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&out, INT_MAX, INT_MAX, INT_MAX), RETOUR_ERANGE);
    assert_int_equal(out, 777);
    assert_int_equal(retour_date_from_ymd(NULL, 2026, 1, 1), RETOUR_EINVAL);
    assert_int_equal(retour_date_from_ymd(&out, 2026, 4, 30), RETOUR_OK);
    assert_int_equal(out, d("2026-04-30"));
}

static void test_parse_syntax(void **state)
{
    (void)state;
    assert_int_equal(parse_rc(""), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026-1-01"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026-01-1"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026-01-011"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("26-01-01"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("20260101"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026/01/01"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026-01-0a"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc(" 2026-01-1"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026-01-01 "), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("+026-01-01"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("-026-01-01"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026--1-01"), RETOUR_ESYNTAX);
    assert_int_equal(parse_rc("2026-01-01T00:00:00Z"), RETOUR_ESYNTAX);
    /* Well formed but not a date. */
    assert_int_equal(parse_rc("0000-01-01"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2026-13-01"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2026-00-01"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2026-01-00"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2026-02-30"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2026-06-31"), RETOUR_ERANGE);
    assert_int_equal(parse_rc("2026-12-32"), RETOUR_ERANGE);
}

static void test_parse_not_terminated(void **state)
{
    (void)state;
    /* Only len bytes are read: the text need not end after the date. */
    const char text[] = "2026-11-23trailing";
    retour_date out = 0;
    assert_int_equal(retour_date_parse(&out, text, 10), RETOUR_OK);
    assert_int_equal(out, 20780);
    const char exact[10] = {'2', '0', '2', '4', '-', '0', '2', '-', '2', '9'};
    assert_int_equal(retour_date_parse(&out, exact, sizeof exact), RETOUR_OK);
    assert_int_equal(out, d("2024-02-29"));
    assert_int_equal(retour_date_parse(&out, text, 9), RETOUR_ESYNTAX);
}

static void test_invalid_arguments(void **state)
{
    (void)state;
    retour_date out = 5;
    char buf[11] = "unchanged";
    assert_int_equal(retour_date_parse(NULL, "2026-01-01", 10), RETOUR_EINVAL);
    assert_int_equal(retour_date_parse(&out, NULL, 10), RETOUR_EINVAL);
    assert_int_equal(out, 5);
    assert_int_equal(retour_date_format(NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_date_format(buf, retour__date_min() - 1), RETOUR_EINVAL);
    assert_int_equal(retour_date_format(buf, retour__date_max() + 1), RETOUR_EINVAL);
    assert_int_equal(retour_date_format(buf, RETOUR_DATE_NONE), RETOUR_EINVAL);
    assert_int_equal(retour_date_format(buf, INT32_MAX), RETOUR_EINVAL);
    assert_string_equal(buf, "unchanged");
    assert_int_equal(retour__date_add_days(NULL, 0, 1), RETOUR_EINVAL);
    assert_int_equal(retour__date_add_months(NULL, 0, 1), RETOUR_EINVAL);
}

static void test_round_trip_1900_2100(void **state)
{
    (void)state;
    retour_date first = d("1900-01-01");
    retour_date last = d("2100-12-31");
    assert_int_equal(last - first + 1, 201 * 365 + 49); /* 1900 and 2100 are not leap */

    int prev_y = 1899, prev_m = 12, prev_d = 31;
    for (retour_date date = first; date <= last; date++) {
        char buf[11];
        assert_int_equal(retour_date_format(buf, date), RETOUR_OK);
        retour_date back = RETOUR_DATE_NONE;
        assert_int_equal(retour_date_parse(&back, buf, strlen(buf)), RETOUR_OK);
        assert_int_equal(back, date);

        /* Each day follows the previous one in the calendar. */
        int y, m, dd;
        retour__date_to_ymd(date, &y, &m, &dd);
        if (dd != 1) {
            assert_int_equal(y, prev_y);
            assert_int_equal(m, prev_m);
            assert_int_equal(dd, prev_d + 1);
        } else if (m != 1) {
            assert_int_equal(y, prev_y);
            assert_int_equal(m, prev_m + 1);
        } else {
            assert_int_equal(y, prev_y + 1);
            assert_int_equal(prev_m, 12);
            assert_int_equal(prev_d, 31);
        }
        retour_date again;
        assert_int_equal(retour_date_from_ymd(&again, y, m, dd), RETOUR_OK);
        assert_int_equal(again, date);
        prev_y = y;
        prev_m = m;
        prev_d = dd;
    }
}

static void test_round_trip_full_range(void **state)
{
    (void)state;
    /* Every representable day, via the internal conversion (cheaper than text). */
    for (retour_date date = retour__date_min(); date <= retour__date_max(); date++) {
        int y, m, dd;
        retour__date_to_ymd(date, &y, &m, &dd);
        retour_date back;
        if (retour_date_from_ymd(&back, y, m, dd) != RETOUR_OK || back != date)
            fail_msg("day %ld -> %04d-%02d-%02d does not round-trip", (long)date, y, m, dd);
    }
}

static void test_add_days(void **state)
{
    (void)state;
    retour_date out = 0;
    assert_int_equal(retour__date_add_days(&out, d("2026-01-31"), 14), RETOUR_OK);
    assert_int_equal(out, d("2026-02-14"));
    assert_int_equal(retour__date_add_days(&out, d("2024-02-28"), 1), RETOUR_OK);
    assert_int_equal(out, d("2024-02-29"));
    assert_int_equal(retour__date_add_days(&out, d("2026-03-01"), -1), RETOUR_OK);
    assert_int_equal(out, d("2026-02-28"));
    assert_int_equal(retour__date_add_days(&out, d("2026-05-05"), 0), RETOUR_OK);
    assert_int_equal(out, d("2026-05-05"));

    assert_int_equal(retour__date_add_days(&out, retour__date_max(), 0), RETOUR_OK);
    assert_int_equal(out, retour__date_max());
    assert_int_equal(retour__date_add_days(&out, retour__date_min(), 0), RETOUR_OK);
    assert_int_equal(out, retour__date_min());

    out = 42;
    assert_int_equal(retour__date_add_days(&out, retour__date_max(), 1), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_days(&out, retour__date_min(), -1), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_days(&out, 0, INT_MAX), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_days(&out, 0, INT_MIN), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_days(&out, INT32_MAX, INT_MAX), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_days(&out, RETOUR_DATE_NONE, 1), RETOUR_ERANGE);
    assert_int_equal(out, 42);
}

static void test_add_months(void **state)
{
    (void)state;
    retour_date out = 0;
    assert_int_equal(retour__date_add_months(&out, d("2026-01-31"), 1), RETOUR_OK);
    assert_int_equal(out, d("2026-02-28"));
    assert_int_equal(retour__date_add_months(&out, d("2024-01-31"), 1), RETOUR_OK);
    assert_int_equal(out, d("2024-02-29"));
    assert_int_equal(retour__date_add_months(&out, d("2025-03-14"), 12), RETOUR_OK);
    assert_int_equal(out, d("2026-03-14"));
    assert_int_equal(retour__date_add_months(&out, d("2026-03-31"), 1), RETOUR_OK);
    assert_int_equal(out, d("2026-04-30"));
    assert_int_equal(retour__date_add_months(&out, d("2026-11-30"), 2), RETOUR_OK);
    assert_int_equal(out, d("2027-01-30"));
    assert_int_equal(retour__date_add_months(&out, d("2026-03-31"), -1), RETOUR_OK);
    assert_int_equal(out, d("2026-02-28"));
    assert_int_equal(retour__date_add_months(&out, d("2026-01-15"), -13), RETOUR_OK);
    assert_int_equal(out, d("2024-12-15"));
    assert_int_equal(retour__date_add_months(&out, d("2024-02-29"), 24), RETOUR_OK);
    assert_int_equal(out, d("2026-02-28"));
    assert_int_equal(retour__date_add_months(&out, d("2024-02-29"), 48), RETOUR_OK);
    assert_int_equal(out, d("2028-02-29"));
    assert_int_equal(retour__date_add_months(&out, d("2026-06-15"), 0), RETOUR_OK);
    assert_int_equal(out, d("2026-06-15"));

    assert_int_equal(retour__date_add_months(&out, d("9999-11-30"), 1), RETOUR_OK);
    assert_int_equal(out, d("9999-12-30"));
    assert_int_equal(retour__date_add_months(&out, d("0001-02-28"), -1), RETOUR_OK);
    assert_int_equal(out, d("0001-01-28"));

    out = 42;
    assert_int_equal(retour__date_add_months(&out, d("9999-12-01"), 1), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_months(&out, d("0001-01-31"), -1), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_months(&out, d("2026-01-01"), INT_MAX), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_months(&out, d("2026-01-01"), INT_MIN), RETOUR_ERANGE);
    assert_int_equal(retour__date_add_months(&out, RETOUR_DATE_NONE, 1), RETOUR_ERANGE);
    assert_int_equal(out, 42);
}

/* Whole years from every day of 1890..2110 (the 2000s' short path and the general one,
 * and the seams between them) against the same move made on year, month and day. */
static void test_add_years_split(void **state)
{
    (void)state;
    retour_date first, last;
    assert_int_equal(retour_date_from_ymd(&first, 1890, 1, 1), RETOUR_OK);
    assert_int_equal(retour_date_from_ymd(&last, 2110, 12, 31), RETOUR_OK);
    for (retour_date d = first; d <= last; d++) {
        int y, m, day;
        retour__date_to_ymd(d, &y, &m, &day);
        retour__date_years split;
        retour__date_split_years(&split, d);
        for (int years = -12; years <= 40; years += 1) {
            int ty = y + years;
            int leap = (ty % 4 == 0 && ty % 100 != 0) || ty % 400 == 0;
            int td = m == 2 && day == 29 && !leap ? 28 : day;
            retour_date want, got;
            assert_int_equal(retour_date_from_ymd(&want, ty, m, td), RETOUR_OK);
            assert_int_equal(retour__date_add_years(&got, &split, years), RETOUR_OK);
            if (got != want)
                fail_msg("%04d-%02d-%02d + %d years: got day %d, want %d", y, m, day, years,
                         (int)got, (int)want);
        }
    }
}

static void test_weekday(void **state)
{
    (void)state;
    assert_int_equal(retour__date_weekday(d("2026-11-23")), 0); /* Monday */
    assert_int_equal(retour__date_weekday(d("2026-11-29")), 6); /* Sunday */
    assert_int_equal(retour__date_weekday(d("1970-01-01")), 3); /* Thursday */
    assert_int_equal(retour__date_weekday(d("1969-12-31")), 2); /* Wednesday */
    assert_int_equal(retour__date_weekday(d("2000-01-01")), 5); /* Saturday */
    assert_int_equal(retour__date_weekday(d("0001-01-01")), 0); /* Monday */
    assert_int_equal(retour__date_weekday(d("9999-12-31")), 4); /* Friday */
    for (retour_date date = d("1960-01-01"); date < d("1980-01-01"); date++)
        assert_int_equal(retour__date_weekday(date + 1), (retour__date_weekday(date) + 1) % 7);
    /* Defined for any day number, not only valid dates. */
    assert_in_range(retour__date_weekday(INT32_MIN), 0, 6);
    assert_in_range(retour__date_weekday(INT32_MAX), 0, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_from_ymd_range),
        cmocka_unit_test(test_parse_syntax),
        cmocka_unit_test(test_parse_not_terminated),
        cmocka_unit_test(test_invalid_arguments),
        cmocka_unit_test(test_round_trip_1900_2100),
        cmocka_unit_test(test_round_trip_full_range),
        cmocka_unit_test(test_add_days),
        cmocka_unit_test(test_add_months),
        cmocka_unit_test(test_add_years_split),
        cmocka_unit_test(test_weekday),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
