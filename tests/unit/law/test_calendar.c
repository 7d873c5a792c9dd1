/* Unit tests for the deadline calendars (lib/law/calendar.c): weekdays, Easter, the public
 * holidays of NL, DE, BE and FR, the next working day, and which jurisdiction gets which
 * calendar. Easter is checked against a list of known dates and, for every Gregorian year
 * the library accepts, against a second, independent algorithm (Gauss, with his two
 * exceptions and Lichtenberg's correction of the lunar term). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "law/calendar.h"
#include "base/date.h"
#include "retour.h"

static retour_date ymd(int y, int m, int d)
{
    retour_date out;
    assert_int_equal(retour_date_from_ymd(&out, y, m, d), RETOUR_OK);
    return out;
}

static retour_date parse(const char *s)
{
    retour_date out;
    assert_int_equal(retour_date_parse(&out, s, strlen(s)), RETOUR_OK);
    return out;
}

static void assert_day(retour_date actual, const char *expected)
{
    char buf[11];
    assert_int_equal(retour_date_format(buf, actual), RETOUR_OK);
    assert_string_equal(buf, expected);
}

/* ------------------------------------------------------------------------------------
 * Weekdays (lib/base/date.c, reused by the calendars)
 * ---------------------------------------------------------------------------------- */

static void test_weekday(void **state)
{
    (void)state;
    static const struct {
        const char *day;
        int weekday; /* 0 = Monday */
    } known[] = {
        { "1970-01-01", 3 }, { "2000-01-01", 5 }, { "2000-02-29", 1 }, { "1969-12-31", 2 },
        { "2026-11-23", 0 }, { "2026-12-25", 4 }, { "2027-02-20", 5 }, { "2027-03-06", 5 },
        { "0001-01-01", 0 }, { "9999-12-31", 4 }, { "1900-03-01", 3 }, { "2100-03-01", 0 },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        print_message("%s\n", known[i].day);
        assert_int_equal(retour__date_weekday(parse(known[i].day)), known[i].weekday);
    }
}

/* ------------------------------------------------------------------------------------
 * Easter
 * ---------------------------------------------------------------------------------- */

/* Gauss's Easter formula for the Gregorian calendar, with Lichtenberg's form of the lunar
 * correction p and Gauss's two exceptions; an algorithm independent of the library's. */
static void gauss_easter(int year, int *month, int *day)
{
    int a = year % 19, b = year % 4, c = year % 7;
    int k = year / 100;
    int p = (13 + 8 * k) / 25;
    int q = k / 4;
    int M = (15 - p + k - q) % 30;
    int N = (4 + k - q) % 7;
    int d = (19 * a + M) % 30;
    int e = (2 * b + 4 * c + 6 * d + N) % 7;
    int march = 22 + d + e;
    if (d == 29 && e == 6) {
        *month = 4;
        *day = 19;
    } else if (d == 28 && e == 6 && (11 * M + 11) % 30 < 19) {
        *month = 4;
        *day = 18;
    } else if (march <= 31) {
        *month = 3;
        *day = march;
    } else {
        *month = 4;
        *day = march - 31;
    }
}

static void test_easter_known_dates(void **state)
{
    (void)state;
    /* Easter Sunday 2000-2030, plus the earliest and latest possible dates in recent use. */
    static const char *const known[] = {
        "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27",
        "2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24",
        "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16",
        "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
        "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
        "2030-04-21",
        "1818-03-22", "2285-03-22", /* 22 March: the earliest */
        "1943-04-25", "2038-04-25", /* 25 April: the latest */
        "1954-04-18", "1981-04-19", /* the dates Gauss's exceptions are for */
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        int y, m, d, em, ed, gm, gd;
        retour__date_to_ymd(parse(known[i]), &y, &m, &d);
        retour__easter(y, &em, &ed);
        gauss_easter(y, &gm, &gd);
        print_message("%s\n", known[i]);
        assert_int_equal(em, m);
        assert_int_equal(ed, d);
        assert_int_equal(gm, m);
        assert_int_equal(gd, d);
        /* Always a Sunday. */
        assert_int_equal(retour__date_weekday(ymd(y, em, ed)), 6);
    }
}

static void test_easter_two_algorithms_agree(void **state)
{
    (void)state;
    for (int y = 1583; y <= 9999; y++) {
        int em, ed, gm, gd;
        retour__easter(y, &em, &ed);
        gauss_easter(y, &gm, &gd);
        if (em != gm || ed != gd)
            print_error("year %d: %d-%d against %d-%d\n", y, em, ed, gm, gd);
        assert_int_equal(em, gm);
        assert_int_equal(ed, gd);
        assert_true(em == 3 ? ed >= 22 : em == 4 && ed <= 25);
        assert_int_equal(retour__date_weekday(ymd(y, em, ed)), 6);
    }
}

/* ------------------------------------------------------------------------------------
 * Public holidays: every day of a year is a holiday exactly when it is listed
 * ---------------------------------------------------------------------------------- */

static void assert_holidays(const char *code, int year, const char *const *list)
{
    const retour__calendar *cal = retour__calendar_for(code);
    size_t listed = 0;
    while (list[listed])
        listed++;
    size_t found = 0;
    for (retour_date day = ymd(year, 1, 1); day <= ymd(year, 12, 31); day++) {
        char buf[11];
        retour_date_format(buf, day);
        int expected = 0;
        for (size_t i = 0; i < listed; i++)
            expected |= strcmp(list[i], buf) == 0;
        if (retour__calendar_is_holiday(cal, day) != expected)
            print_error("%s %s: expected %s\n", code, buf, expected ? "a holiday" : "no holiday");
        assert_int_equal(retour__calendar_is_holiday(cal, day), expected);
        /* A working day is neither a weekend day nor a holiday; calendar days all work. */
        assert_int_equal(retour__calendar_is_working_day(cal, day),
                         cal->kind == RETOUR__CAL_CALENDAR_DAYS ||
                             (!expected && retour__date_weekday(day) < 5));
        found += (size_t)expected;
    }
    assert_int_equal(found, listed);
}

static void test_holidays_nl(void **state)
{
    (void)state;
    /* New Year, Good Friday, Easter Monday, King's Day, 5 May, Ascension, Whit Monday,
     * Christmas and Boxing Day. King's Day 2025: 27 April is a Sunday, so Saturday 26. */
    static const char *const y2024[] = { "2024-01-01", "2024-03-29", "2024-04-01", "2024-04-27",
        "2024-05-05", "2024-05-09", "2024-05-20", "2024-12-25", "2024-12-26", NULL };
    static const char *const y2025[] = { "2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26",
        "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26", NULL };
    static const char *const y2026[] = { "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27",
        "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26", NULL };
    /* Queen's Day before 2014: 30 April (a Sunday in 2006, kept on Saturday 29 April). */
    static const char *const y2006[] = { "2006-01-01", "2006-04-14", "2006-04-17", "2006-04-29",
        "2006-05-05", "2006-05-25", "2006-06-05", "2006-12-25", "2006-12-26", NULL };
    /* 2014: the first King's Day, 27 April a Sunday, kept on Saturday 26 April. */
    static const char *const y2014[] = { "2014-01-01", "2014-04-18", "2014-04-21", "2014-04-26",
        "2014-05-05", "2014-05-29", "2014-06-09", "2014-12-25", "2014-12-26", NULL };
    assert_holidays("NL", 2024, y2024);
    assert_holidays("NL", 2025, y2025);
    assert_holidays("NL", 2026, y2026);
    assert_holidays("NL", 2006, y2006);
    assert_holidays("NL", 2014, y2014);
}

static void test_holidays_de(void **state)
{
    (void)state;
    /* Nationwide: New Year, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday,
     * German Unity Day, Christmas and the second day of Christmas. */
    static const char *const y2025[] = { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01",
        "2025-05-29", "2025-06-09", "2025-10-03", "2025-12-25", "2025-12-26", NULL };
    static const char *const y2026[] = { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
        "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26", NULL };
    /* 2017: Reformation Day, a one-off nationwide holiday. */
    static const char *const y2017[] = { "2017-01-01", "2017-04-14", "2017-04-17", "2017-05-01",
        "2017-05-25", "2017-06-05", "2017-10-03", "2017-10-31", "2017-12-25", "2017-12-26",
        NULL };
    /* 1989: before German Unity Day. */
    static const char *const y1989[] = { "1989-01-01", "1989-03-24", "1989-03-27", "1989-05-01",
        "1989-05-04", "1989-05-15", "1989-12-25", "1989-12-26", NULL };
    assert_holidays("DE", 2025, y2025);
    assert_holidays("DE", 2026, y2026);
    assert_holidays("DE", 2017, y2017);
    assert_holidays("DE", 1989, y1989);
}

static void test_holidays_be(void **state)
{
    (void)state;
    /* New Year, Easter Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August,
     * 1 November, 11 November, Christmas; no Good Friday, no Boxing Day. */
    static const char *const y2025[] = { "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29",
        "2025-06-09", "2025-07-21", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
        NULL };
    static const char *const y2026[] = { "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14",
        "2026-05-25", "2026-07-21", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
        NULL };
    assert_holidays("BE", 2025, y2025);
    assert_holidays("BE", 2026, y2026);
}

static void test_holidays_fr(void **state)
{
    (void)state;
    /* New Year, Easter Monday, 1 May, 8 May, Ascension, Whit Monday (kept although it may
     * be the journée de solidarité), 14 July, 15 August, 1 November, 11 November,
     * Christmas. */
    static const char *const y2025[] = { "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08",
        "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11",
        "2025-12-25", NULL };
    static const char *const y2026[] = { "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08",
        "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11",
        "2026-12-25", NULL };
    assert_holidays("FR", 2025, y2025);
    assert_holidays("FR", 2026, y2026);
}

/* The Easter-based holidays of every year from 1583 to 9999, against Gauss's Easter: the
 * library only computes Easter for days that may be one (Monday, Thursday or Friday in their
 * windows), so this proves the windows never skip one. */
static void test_easter_holidays_every_year(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        int good_friday;
    } cals[] = { { "NL", 1 }, { "DE", 1 }, { "BE", 0 }, { "FR", 0 } };
    for (size_t c = 0; c < sizeof cals / sizeof cals[0]; c++) {
        const retour__calendar *cal = retour__calendar_for(cals[c].code);
        for (int y = 1583; y <= 9999; y++) {
            int gm, gd;
            gauss_easter(y, &gm, &gd);
            retour_date easter = ymd(y, gm, gd);
            if (retour__calendar_is_holiday(cal, easter - 2) != cals[c].good_friday ||
                !retour__calendar_is_holiday(cal, easter + 1) ||
                !retour__calendar_is_holiday(cal, easter + 39) ||
                !retour__calendar_is_holiday(cal, easter + 50))
                print_error("%s %d\n", cals[c].code, y);
            assert_int_equal(retour__calendar_is_holiday(cal, easter - 2), cals[c].good_friday);
            assert_true(retour__calendar_is_holiday(cal, easter + 1));
            assert_true(retour__calendar_is_holiday(cal, easter + 39));
            assert_true(retour__calendar_is_holiday(cal, easter + 50));
        }
    }
}

/* A view reused across years and across calls gives the same answers as a fresh one. */
static void test_holidays_view_reuse(void **state)
{
    (void)state;
    const retour__calendar *cal = retour__calendar_for("NL");
    retour__holidays h;
    retour__holidays_init(&h, cal);
    /* Back and forth over a year end and across years. */
    for (retour_date day = ymd(2025, 12, 1); day <= ymd(2027, 6, 30); day += 3) {
        retour_date a, b;
        assert_int_equal(retour__holidays_has(&h, day), retour__calendar_is_holiday(cal, day));
        assert_int_equal(retour__holidays_next_working_day(&a, &h, day), RETOUR_OK);
        assert_int_equal(retour__working_day_on_or_after(&b, cal, day), RETOUR_OK);
        assert_int_equal(a, b);
        assert_int_equal(retour__holidays_has(&h, day - 400), retour__calendar_is_holiday(cal, day - 400));
    }
}

/* Weekend-only and calendar-day calendars know no holidays. */
static void test_no_holidays_elsewhere(void **state)
{
    (void)state;
    static const char *const none[] = { NULL };
    assert_holidays("EU", 2026, none);
    assert_holidays("UK", 2026, none);
    assert_holidays("ES", 2026, none);
    assert_holidays("none", 2026, none);
    /* Calendar days: every day works, weekends included. */
    const retour__calendar *days = retour__calendar_for("none");
    assert_true(retour__calendar_is_working_day(days, parse("2026-12-26")));
    assert_true(retour__calendar_is_working_day(days, parse("2026-12-25")));
    assert_false(retour__calendar_is_working_day(retour__calendar_for("UK"), parse("2026-12-26")));
    assert_true(retour__calendar_is_working_day(retour__calendar_for("UK"), parse("2026-12-25")));
}

/* ------------------------------------------------------------------------------------
 * The next working day
 * ---------------------------------------------------------------------------------- */

static void test_working_day_on_or_after(void **state)
{
    (void)state;
    static const struct {
        const char *code, *day, *expected;
    } cases[] = {
        { "NL", "2026-03-18", "2026-03-18" }, /* a Wednesday stays */
        { "NL", "2026-03-21", "2026-03-23" }, /* Saturday -> Monday */
        { "NL", "2026-03-22", "2026-03-23" }, /* Sunday -> Monday */
        { "NL", "2026-04-03", "2026-04-07" }, /* Good Friday, Easter weekend and Monday */
        { "DE", "2026-04-03", "2026-04-07" },
        { "BE", "2026-04-03", "2026-04-03" }, /* Good Friday works in Belgium */
        { "FR", "2026-04-03", "2026-04-03" },
        { "BE", "2026-04-04", "2026-04-07" }, /* Saturday, Sunday, Easter Monday */
        { "FR", "2026-04-06", "2026-04-07" }, /* Easter Monday -> Tuesday */
        { "NL", "2026-12-25", "2026-12-28" }, /* Christmas Friday, Boxing Day Saturday */
        { "BE", "2026-12-25", "2026-12-28" },
        { "DE", "2027-12-24", "2027-12-24" }, /* Christmas Eve is no holiday */
        { "DE", "2027-12-25", "2027-12-27" }, /* 25 Saturday, 26 Sunday */
        { "NL", "2026-05-05", "2026-05-06" }, /* Liberation Day */
        { "DE", "2026-05-05", "2026-05-05" },
        { "FR", "2026-05-08", "2026-05-11" }, /* 8 May Friday, then the weekend */
        { "FR", "2026-05-14", "2026-05-15" }, /* Ascension */
        { "DE", "2026-05-25", "2026-05-26" }, /* Whit Monday */
        { "BE", "2026-07-21", "2026-07-22" },
        { "FR", "2026-07-14", "2026-07-15" },
        { "FR", "2026-11-11", "2026-11-12" },
        { "NL", "2026-04-27", "2026-04-28" }, /* King's Day */
        { "NL", "2025-12-24", "2025-12-24" },
        { "NL", "2025-12-25", "2025-12-29" }, /* Thu, Fri, Sat, Sun */
        { "UK", "2026-12-25", "2026-12-25" }, /* holidays not known: Friday works */
        { "UK", "2026-12-26", "2026-12-28" },
        { "EU", "2026-04-06", "2026-04-06" },
        { "none", "2026-03-21", "2026-03-21" }, /* calendar days: nothing moves */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        retour_date out = 0;
        print_message("%s %s\n", cases[i].code, cases[i].day);
        assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for(cases[i].code),
                                                         parse(cases[i].day)),
                         RETOUR_OK);
        assert_day(out, cases[i].expected);
    }
}

static void test_working_day_limits(void **state)
{
    (void)state;
    const retour__calendar *nl = retour__calendar_for("NL");
    retour_date out = 42;
    /* 9999-12-31 is a Friday: the last day works. */
    assert_int_equal(retour__working_day_on_or_after(&out, nl, retour__date_max()), RETOUR_OK);
    assert_int_equal(out, retour__date_max());
    out = 42;
    assert_int_equal(retour__working_day_on_or_after(&out, nl, retour__date_max() + 1),
                     RETOUR_ERANGE);
    assert_int_equal(retour__working_day_on_or_after(&out, nl, RETOUR_DATE_NONE), RETOUR_ERANGE);
    assert_int_equal(out, 42); /* untouched on failure */
    assert_int_equal(retour__working_day_on_or_after(NULL, nl, parse("2026-03-21")), RETOUR_EINVAL);
    assert_false(retour__calendar_is_holiday(nl, RETOUR_DATE_NONE));
    assert_false(retour__calendar_is_holiday(NULL, parse("2026-12-25")));
    /* Year 1: Easter-based days are computed without trouble. */
    assert_int_equal(retour__working_day_on_or_after(&out, nl, retour__date_min()), RETOUR_OK);
    assert_day(out, "0001-01-02"); /* New Year (a Monday) */
}

/* ------------------------------------------------------------------------------------
 * The calendar of each jurisdiction
 * ---------------------------------------------------------------------------------- */

static void test_calendar_for(void **state)
{
    (void)state;
    static const struct {
        const char *code, *name;
    } cases[] = {
        { "NL", "weekends_and_nl_holidays" }, { "DE", "weekends_and_de_holidays" },
        { "BE", "weekends_and_be_holidays" }, { "FR", "weekends_and_fr_holidays" },
        { "EU", "weekends" }, { "AT", "weekends" }, { "ES", "weekends" }, { "IT", "weekends" },
        { "PL", "weekends" }, { "SE", "weekends" }, { "IE", "weekends" }, { "PT", "weekends" },
        { "UK", "weekends" }, { "none", "calendar_days" }, { "nl", "calendar_days" },
        { "", "calendar_days" }, { "NLD", "calendar_days" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(retour__calendar_for(cases[i].code)->name, cases[i].name);
    assert_string_equal(retour__calendar_for(NULL)->name, "calendar_days");
    assert_string_equal(retour__calendar_days()->name, "calendar_days");
}

/* The closed days a policy lists at load give the same next working day as the computed
 * calendar, for every day they cover, in every calendar; outside them they decline. */
static void test_closed_days_match_calendar(void **state)
{
    (void)state;
    static retour__closed_days c; /* 2.3 KiB: kept off the stack */
    static const char *const codes[] = { "NL", "DE", "BE", "FR", "UK", "none" };
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        const retour__calendar *cal = retour__calendar_for(codes[k]);
        retour__closed_days_build(&c, cal);
        for (retour_date d = c.first; d <= c.last; d++) {
            retour_date fast = d, slow;
            assert_int_equal(retour__closed_days_next(&c, &fast), 1);
            assert_int_equal(retour__working_day_on_or_after(&slow, cal, d), RETOUR_OK);
            if (fast != slow)
                fail_msg("%s: day %d: %d != %d", codes[k], (int)d, (int)fast, (int)slow);
        }
        retour_date before = c.first - 1, after = c.last + 1;
        assert_int_equal(retour__closed_days_next(&c, &before), 0);
        assert_int_equal(before, c.first - 1);
        assert_int_equal(retour__closed_days_next(&c, &after), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_easter_known_dates),
        cmocka_unit_test(test_easter_two_algorithms_agree),
        cmocka_unit_test(test_holidays_nl),
        cmocka_unit_test(test_holidays_de),
        cmocka_unit_test(test_holidays_be),
        cmocka_unit_test(test_holidays_fr),
        cmocka_unit_test(test_easter_holidays_every_year),
        cmocka_unit_test(test_holidays_view_reuse),
        cmocka_unit_test(test_no_holidays_elsewhere),
        cmocka_unit_test(test_working_day_on_or_after),
        cmocka_unit_test(test_working_day_limits),
        cmocka_unit_test(test_calendar_for),
        cmocka_unit_test(test_closed_days_match_calendar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
