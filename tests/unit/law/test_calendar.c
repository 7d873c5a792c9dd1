/* Unit tests for the deadline calendars (lib/law/calendar.c, holidays.c, easter.c): weekdays,
 * Easter (Western and Orthodox), the public holidays and closed days of every country with a
 * calendar for 2025 and 2026 against published lists, substitute days, the next working day,
 * and which jurisdiction gets which calendar. Western Easter is checked against known dates
 * and, for every Gregorian year the library accepts, against a second, independent algorithm
 * (Gauss, with his two exceptions and Lichtenberg's correction of the lunar term); Orthodox
 * Easter against known dates and, for 1900-2199, against Gauss's Julian formula converted
 * through Julian day numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "law/calendar.h"
#include "law/easter.h"
#include "law/holidays.h"
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

/* Orthodox Easter by Gauss's formula for the Julian calendar (M = 15, N = 6), turned into a
 * Gregorian date through the Julian day number: independent of the library's Meeus
 * computus and its century correction. */
static retour_date gauss_orthodox(int year)
{
    int a = year % 19, b = year % 4, c = year % 7;
    int d = (19 * a + 15) % 30;
    int e = (2 * b + 4 * c + 6 * d + 6) % 7;
    int march = 22 + d + e; /* a Julian date in March, or April when past 31 */
    int m = march > 31 ? 4 : 3, day = march > 31 ? march - 31 : march;
    /* Julian calendar date to Julian day number (Fliegel and Van Flandern's form). */
    long jdn = 367L * year - (7L * (year + 5001 + (m - 9) / 7)) / 4 + (275L * m) / 9 + day +
               1729777L;
    /* 2000-01-01 is Julian day 2451545. */
    return ymd(2000, 1, 1) + (retour_date)(jdn - 2451545L);
}

static void test_orthodox_easter(void **state)
{
    (void)state;
    /* Published Orthodox Easter Sundays (Gregorian). */
    static const char *const known[] = {
        "2016-05-01", "2017-04-16", "2018-04-08", "2019-04-28", "2020-04-19", "2021-05-02",
        "2022-04-24", "2023-04-16", "2024-05-05", "2025-04-20", "2026-04-12", "2027-05-02",
        "2028-04-16", "2029-04-08", "2030-04-28", "1900-04-22", "2000-04-30",
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        int y, m, d, om, od;
        retour__date_to_ymd(parse(known[i]), &y, &m, &d);
        retour__orthodox_easter(y, &om, &od);
        print_message("%s\n", known[i]);
        assert_int_equal(om, m);
        assert_int_equal(od, d);
        assert_int_equal(gauss_orthodox(y), parse(known[i]));
    }
    /* Every year 1900-2199 against Gauss: a Sunday from 4 April to 9 May, never before the
     * Western Easter. */
    for (int y = 1900; y <= 2199; y++) {
        int om, od, wm, wd;
        retour__orthodox_easter(y, &om, &od);
        retour__easter(y, &wm, &wd);
        retour_date o = ymd(y, om, od);
        if (o != gauss_orthodox(y))
            print_error("year %d: %d-%d\n", y, om, od);
        assert_int_equal(o, gauss_orthodox(y));
        assert_int_equal(retour__date_weekday(o), 6);
        assert_true(o >= ymd(y, 4, 4) && o <= ymd(y, 5, 9));
        assert_true(o >= ymd(y, wm, wd));
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
    assert_holidays("CH", 2026, none); /* two capital letters, no calendar: weekends */
    assert_holidays("none", 2026, none);
    /* Calendar days: every day works, weekends included. */
    const retour__calendar *days = retour__calendar_for("none");
    assert_true(retour__calendar_is_working_day(days, parse("2026-12-26")));
    assert_true(retour__calendar_is_working_day(days, parse("2026-12-25")));
    assert_false(retour__calendar_is_working_day(retour__calendar_for("EU"), parse("2026-12-26")));
    assert_true(retour__calendar_is_working_day(retour__calendar_for("EU"), parse("2026-12-25")));
}

/* ------------------------------------------------------------------------------------
 * Every country's holidays in 2025 and 2026, as published
 *
 * Each list is every day the calendar closes besides Saturdays and Sundays as such: the
 * public holidays (a holiday on a weekend included, a holiday that is always a Sunday left
 * out) and the closed days of a national law on periods. Sources, per country; "secondary"
 * marks a list read in a published secondary source, not the government's own page (the
 * full account is in docs/decisions.md, "Deadline calendars"):
 *   AT  RIS, BGBl. Nr. 254/1983 (European Convention on the Calculation of Time-Limits):
 *       the days Austria notified, Good Friday among them
 *   BE, FR, NL, DE  the lists of docs/decisions.md (unchanged)
 *   BG  Labour Code art. 154; substitute days per novinite.com, "Bulgarian Public Holidays
 *       and Non Working Days For 2018" (secondary)
 *   CY  qppstudio.net "Cyprus public holidays" 2024 and 2026 (secondary); Easter Tuesday
 *       and Christmas Eve close banks or the public service only
 *   CZ, DK, EE, HR, HU, IS, LT, LU, MT, NO, PT, SI  python-holidays (vacanza/holidays, which
 *       cites each country's statute) and the statutes named in lib/law/holidays.c;
 *       no government list found (secondary)
 *   ES  BOE resolution of the Dirección General de Trabajo for 2026, as reported by Europa
 *       Press, 28 October 2025 (secondary); 6 December 2026 is a Sunday
 *   FI  python-holidays; Midsummer Eve and Christmas Eve are no public holidays
 *   GB  gov.uk "UK bank holidays", England and Wales (as quoted by several sources:
 *       secondary); Boxing Day 2026 is a Saturday, its substitute Monday 28 December
 *   GR  calendarworld.online "Greece holidays 2026", thraki-business.com "Επίσημες Αργίες"
 *       (secondary)
 *   IE  Citizens Information "Public holidays in Ireland" (as quoted: secondary)
 *   IT  legge 260/1949 as amended; 4 October from 2026 (Senate, 1 October 2025, as
 *       reported by iqnotizie.it: secondary)
 *   LI  RIS, BGBl. III Nr. 58/2021: the days Liechtenstein notified from 1 March 2021
 *   LV  likumi.lv law "On Public Holidays..." via python-holidays (secondary)
 *   PL  ustawa o dniach wolnych od pracy, Christmas Eve from 2025 (rp.pl, 27 December 2025:
 *       secondary)
 *   RO  Codul muncii art. 139 as listed by hotnews.ro, 29 December 2025 (secondary)
 *   SE  lag (1989:253) om allmänna helgdagar (SFS 2004:1320, read at lagboken.se) and lag
 *       (1930:173) §2 (lagen.nu): Midsummer Eve, Christmas Eve, New Year's Eve
 *   SK  zákon č. 241/1993 Z. z. as changed for 2026 (felvidek.ma, 3 January 2026;
 *       refresher.sk, 10 January 2026: secondary)
 * ---------------------------------------------------------------------------------- */

typedef struct country_year {
    const char *code;
    int year;
    const char *days; /* "MM-DD MM-DD ..." */
} country_year;

static const country_year published[] = {
    { "AT", 2025, "01-01 01-06 04-18 04-21 05-01 05-29 06-09 06-19 08-15 10-26 11-01 12-08 12-25 "
      "12-26" },
    { "AT", 2026, "01-01 01-06 04-03 04-06 05-01 05-14 05-25 06-04 08-15 10-26 11-01 12-08 12-25 "
      "12-26" },
    { "BE", 2025, "01-01 04-21 05-01 05-29 06-09 07-21 08-15 11-01 11-11 12-25" },
    { "BE", 2026, "01-01 04-06 05-01 05-14 05-25 07-21 08-15 11-01 11-11 12-25" },
    /* 24 May and 6 September 2025 are Saturdays: Mondays 26 May and 8 September; Holy
     * Saturday counts, Easter's days give no substitute. */
    { "BG", 2025, "01-01 03-03 04-18 04-19 04-21 05-01 05-06 05-24 05-26 09-06 09-08 09-22 12-24 "
      "12-25 12-26" },
    { "BG", 2026, "01-01 03-03 04-10 04-11 04-13 05-01 05-06 05-24 05-25 09-06 09-07 09-22 12-24 "
      "12-25 12-26 12-28" },
    { "CY", 2025, "01-01 01-06 03-03 03-25 04-01 04-18 04-21 05-01 06-09 08-15 10-01 10-28 12-25 "
      "12-26" },
    { "CY", 2026, "01-01 01-06 02-23 03-25 04-01 04-10 04-13 05-01 06-01 08-15 10-01 10-28 12-25 "
      "12-26" },
    { "CZ", 2025, "01-01 04-18 04-21 05-01 05-08 07-05 07-06 09-28 10-28 11-17 12-24 12-25 12-26" },
    { "CZ", 2026, "01-01 04-03 04-06 05-01 05-08 07-05 07-06 09-28 10-28 11-17 12-24 12-25 12-26" },
    { "DE", 2025, "01-01 04-18 04-21 05-01 05-29 06-09 10-03 12-25 12-26" },
    { "DE", 2026, "01-01 04-03 04-06 05-01 05-14 05-25 10-03 12-25 12-26" },
    /* No Great Prayer Day since 2024. */
    { "DK", 2025, "01-01 04-17 04-18 04-21 05-29 06-09 12-25 12-26" },
    { "DK", 2026, "01-01 04-02 04-03 04-06 05-14 05-25 12-25 12-26" },
    { "EE", 2025, "01-01 02-24 04-18 05-01 06-23 06-24 08-20 12-24 12-25 12-26" },
    { "EE", 2026, "01-01 02-24 04-03 05-01 06-23 06-24 08-20 12-24 12-25 12-26" },
    { "ES", 2025, "01-01 01-06 04-18 05-01 08-15 10-12 11-01 12-06 12-08 12-25" },
    { "ES", 2026, "01-01 01-06 04-03 05-01 08-15 10-12 11-01 12-06 12-08 12-25" },
    /* Midsummer Day and All Saints' Day are Saturdays. */
    { "FI", 2025, "01-01 01-06 04-18 04-21 05-01 05-29 06-21 11-01 12-06 12-25 12-26" },
    { "FI", 2026, "01-01 01-06 04-03 04-06 05-01 05-14 06-20 10-31 12-06 12-25 12-26" },
    { "FR", 2025, "01-01 04-21 05-01 05-08 05-29 06-09 07-14 08-15 11-01 11-11 12-25" },
    { "FR", 2026, "01-01 04-06 05-01 05-08 05-14 05-25 07-14 08-15 11-01 11-11 12-25" },
    { "GB", 2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26" },
    { "GB", 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-26 12-28" },
    { "GR", 2025, "01-01 01-06 03-03 03-25 04-18 04-21 05-01 06-09 08-15 10-28 12-25 12-26" },
    { "GR", 2026, "01-01 01-06 02-23 03-25 04-10 04-13 05-01 06-01 08-15 10-28 12-25 12-26" },
    { "HR", 2025, "01-01 01-06 04-21 05-01 05-30 06-19 06-22 08-05 08-15 11-01 11-18 12-25 12-26" },
    { "HR", 2026, "01-01 01-06 04-06 05-01 05-30 06-04 06-22 08-05 08-15 11-01 11-18 12-25 12-26" },
    { "HU", 2025, "01-01 03-15 04-18 04-21 05-01 06-09 08-20 10-23 11-01 12-25 12-26" },
    { "HU", 2026, "01-01 03-15 04-03 04-06 05-01 05-25 08-20 10-23 11-01 12-25 12-26" },
    /* St Brigid's Day: the first Monday of February; St Stephen's Day 2026 is a Saturday and
     * stays there. */
    { "IE", 2025, "01-01 02-03 03-17 04-21 05-05 06-02 08-04 10-27 12-25 12-26" },
    { "IE", 2026, "01-01 02-02 03-17 04-06 05-04 06-01 08-03 10-26 12-25 12-26" },
    { "IS", 2025, "01-01 04-17 04-18 04-21 04-24 05-01 05-29 06-09 06-17 08-04 12-25 12-26" },
    { "IS", 2026, "01-01 04-02 04-03 04-06 04-23 05-01 05-14 05-25 06-17 08-03 12-25 12-26" },
    { "IT", 2025, "01-01 01-06 04-21 04-25 05-01 06-02 08-15 11-01 12-08 12-25 12-26" },
    { "IT", 2026, "01-01 01-06 04-06 04-25 05-01 06-02 08-15 10-04 11-01 12-08 12-25 12-26" },
    { "LI", 2025, "01-01 01-02 01-06 02-02 03-04 03-19 04-18 04-21 05-01 05-29 06-09 06-19 08-15 "
      "09-08 11-01 12-08 12-24 12-25 12-26 12-31" },
    { "LI", 2026, "01-01 01-02 01-06 02-02 02-17 03-19 04-03 04-06 05-01 05-14 05-25 06-04 08-15 "
      "09-08 11-01 12-08 12-24 12-25 12-26 12-31" },
    { "LT", 2025, "01-01 02-16 03-11 04-21 05-01 06-24 07-06 08-15 11-01 11-02 12-24 12-25 12-26" },
    { "LT", 2026, "01-01 02-16 03-11 04-06 05-01 06-24 07-06 08-15 11-01 11-02 12-24 12-25 12-26" },
    { "LU", 2025, "01-01 04-21 05-01 05-09 05-29 06-09 06-23 08-15 11-01 12-25 12-26" },
    { "LU", 2026, "01-01 04-06 05-01 05-09 05-14 05-25 06-23 08-15 11-01 12-25 12-26" },
    /* 4 May 2025 is a Sunday: Monday 5 May. */
    { "LV", 2025, "01-01 04-18 04-21 05-01 05-04 05-05 06-23 06-24 11-18 12-24 12-25 12-26 12-31" },
    { "LV", 2026, "01-01 04-03 04-06 05-01 05-04 06-23 06-24 11-18 12-24 12-25 12-26 12-31" },
    { "MT", 2025, "01-01 02-10 03-19 03-31 04-18 05-01 06-07 06-29 08-15 09-08 09-21 12-08 12-13 "
      "12-25" },
    { "MT", 2026, "01-01 02-10 03-19 03-31 04-03 05-01 06-07 06-29 08-15 09-08 09-21 12-08 12-13 "
      "12-25" },
    { "NL", 2025, "01-01 04-18 04-21 04-26 05-05 05-29 06-09 12-25 12-26" },
    { "NL", 2026, "01-01 04-03 04-06 04-27 05-05 05-14 05-25 12-25 12-26" },
    { "NO", 2025, "01-01 04-17 04-18 04-21 05-01 05-17 05-29 06-09 12-25 12-26" },
    { "NO", 2026, "01-01 04-02 04-03 04-06 05-01 05-14 05-17 05-25 12-25 12-26" },
    { "PL", 2025, "01-01 01-06 04-21 05-01 05-03 06-19 08-15 11-01 11-11 12-24 12-25 12-26" },
    { "PL", 2026, "01-01 01-06 04-06 05-01 05-03 06-04 08-15 11-01 11-11 12-24 12-25 12-26" },
    { "PT", 2025, "01-01 04-18 04-25 05-01 06-10 06-19 08-15 10-05 11-01 12-01 12-08 12-25" },
    { "PT", 2026, "01-01 04-03 04-25 05-01 06-04 06-10 08-15 10-05 11-01 12-01 12-08 12-25" },
    /* 1 June 2026 is both Children's Day and Whit Monday. */
    { "RO", 2025, "01-01 01-02 01-06 01-07 01-24 04-18 04-21 05-01 06-01 06-09 08-15 11-30 12-01 "
      "12-25 12-26" },
    { "RO", 2026, "01-01 01-02 01-06 01-07 01-24 04-10 04-13 05-01 06-01 08-15 11-30 12-01 12-25 "
      "12-26" },
    { "SE", 2025, "01-01 01-06 04-18 04-21 05-01 05-29 06-06 06-20 06-21 11-01 12-24 12-25 12-26 "
      "12-31" },
    { "SE", 2026, "01-01 01-06 04-03 04-06 05-01 05-14 06-06 06-19 06-20 10-31 12-24 12-25 12-26 "
      "12-31" },
    { "SI", 2025, "01-01 01-02 02-08 04-21 04-27 05-01 05-02 06-25 08-15 10-31 11-01 12-25 12-26" },
    { "SI", 2026, "01-01 01-02 02-08 04-06 04-27 05-01 05-02 06-25 08-15 10-31 11-01 12-25 12-26" },
    /* 17 November no longer from 2025; 8 May and 15 September working days in 2026. */
    { "SK", 2025, "01-01 01-06 04-18 04-21 05-01 05-08 07-05 08-29 09-15 11-01 12-24 12-25 12-26" },
    { "SK", 2026, "01-01 01-06 04-03 04-06 05-01 07-05 08-29 11-01 12-24 12-25 12-26" },
    /* UK shares England and Wales's calendar; EL is Greece. */
    { "UK", 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-26 12-28" },
    { "EL", 2026, "01-01 01-06 02-23 03-25 04-10 04-13 05-01 06-01 08-15 10-28 12-25 12-26" },
};

static void test_holidays_published(void **state)
{
    (void)state;
    size_t covered = 0;
    for (size_t i = 0; i < sizeof published / sizeof published[0]; i++) {
        const country_year *c = &published[i];
        char dates[40][11];
        const char *list[41];
        size_t n = 0;
        for (const char *p = c->days; *p; p += p[5] == ' ' ? 6 : 5) {
            assert_true(n < 40);
            snprintf(dates[n], sizeof dates[n], "%04d-%.5s", c->year, p);
            list[n] = dates[n];
            n++;
        }
        list[n] = NULL;
        print_message("%s %d\n", c->code, c->year);
        assert_holidays(c->code, c->year, list);
        covered += strcmp(c->code, "UK") != 0 && strcmp(c->code, "EL") != 0;
    }
    /* Two years for each of the 31 countries. */
    assert_int_equal(covered, 2 * RETOUR__HOL__COUNT);
}

/* Substitute days: UK bank holidays on a weekend move to the next weekday that is not a
 * holiday already; Ireland's public holidays stay where they fall. */
static void test_substitute_days(void **state)
{
    (void)state;
    static const struct {
        const char *code, *day;
        int holiday;
    } cases[] = {
        /* Christmas 2022 a Sunday, Boxing Day Monday: the substitute is Tuesday 27. */
        { "GB", "2022-12-25", 1 }, { "GB", "2022-12-26", 1 }, { "GB", "2022-12-27", 1 },
        { "GB", "2022-12-28", 0 },
        /* Christmas 2021 a Saturday, Boxing Day Sunday: Monday 27 and Tuesday 28. */
        { "GB", "2021-12-27", 1 }, { "GB", "2021-12-28", 1 }, { "GB", "2021-12-29", 0 },
        /* New Year's Day 2022 a Saturday, 2023 a Sunday. */
        { "GB", "2022-01-03", 1 }, { "GB", "2023-01-02", 1 }, { "GB", "2023-01-03", 0 },
        /* Moved and extra days: VE Day 2020, the Platinum Jubilee, the state funeral, the
         * coronation. */
        { "GB", "2020-05-04", 0 }, { "GB", "2020-05-08", 1 }, { "GB", "2022-05-30", 0 },
        { "GB", "2022-06-02", 1 }, { "GB", "2022-06-03", 1 }, { "GB", "2022-09-19", 1 },
        { "GB", "2023-05-08", 1 }, { "UK", "2022-12-27", 1 },
        /* Ireland: Christmas 2022 on a Sunday, no substitute day. */
        { "IE", "2022-12-26", 1 }, { "IE", "2022-12-27", 0 },
        /* St Brigid's Day 2030: 1 February is a Friday. */
        { "IE", "2030-02-01", 1 }, { "IE", "2030-02-04", 0 },
        /* Bulgaria: Christmas Eve 2022 a Saturday, Christmas a Sunday: 27 and 28. */
        { "BG", "2022-12-27", 1 }, { "BG", "2022-12-28", 1 }, { "BG", "2022-12-29", 0 },
        /* Latvia: 18 November 2023 a Saturday: Monday 20. */
        { "LV", "2023-11-20", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("%s %s\n", cases[i].code, cases[i].day);
        assert_int_equal(retour__calendar_is_holiday(retour__calendar_for(cases[i].code),
                                                     parse(cases[i].day)),
                         cases[i].holiday);
    }
}

/* Closed days of a national law on periods: Sweden's eves, Austria's Good Friday. */
static void test_closed_days_by_law(void **state)
{
    (void)state;
    retour_date out;
    /* Midsummer Eve 2026 (Friday 19 June), then Midsummer Day and Sunday: Monday 22. */
    assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for("SE"),
                                                     parse("2026-06-19")), RETOUR_OK);
    assert_day(out, "2026-06-22");
    /* Christmas Eve 2025 (Wednesday) to Boxing Day: Monday 29; New Year's Eve 2025 and New
     * Year's Day: Friday 2 January. */
    assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for("SE"),
                                                     parse("2025-12-24")), RETOUR_OK);
    assert_day(out, "2025-12-29");
    assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for("SE"),
                                                     parse("2025-12-31")), RETOUR_OK);
    assert_day(out, "2026-01-02");
    /* Before 2005 New Year's Eve was not in the law's list. */
    assert_false(retour__calendar_is_holiday(retour__calendar_for("SE"), parse("2004-12-31")));
    /* Austria: Good Friday 2026 and the Easter weekend: Tuesday 7 April. */
    assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for("AT"),
                                                     parse("2026-04-03")), RETOUR_OK);
    assert_day(out, "2026-04-07");
    /* Denmark's 5 June and Finland's eves are not applied (docs/decisions.md). */
    assert_true(retour__calendar_is_working_day(retour__calendar_for("DK"), parse("2026-06-05")));
    assert_true(retour__calendar_is_working_day(retour__calendar_for("FI"), parse("2026-06-19")));
}

/* Poland, 11 November 2026 (a Wednesday): a deadline on it moves to Thursday 12 November. */
static void test_pl_independence_day(void **state)
{
    (void)state;
    const retour__calendar *pl = retour__calendar_for("PL");
    retour_date out;
    assert_int_equal(retour__date_weekday(parse("2026-11-11")), 2);
    assert_true(retour__calendar_is_holiday(pl, parse("2026-11-11")));
    assert_int_equal(retour__working_day_on_or_after(&out, pl, parse("2026-11-11")), RETOUR_OK);
    assert_day(out, "2026-11-12");
}

/* The ends of the range the tables are meant for: 1900 and 2199 compute in every calendar,
 * with the days expected of them. */
static void test_range_ends(void **state)
{
    (void)state;
    for (int c = 0; c < RETOUR__HOL__COUNT; c++) {
        uint64_t bits[6];
        for (int y = 1900; y <= 2199; y += 299) {
            retour__holidays_of_year((retour__country)c, y, bits);
            /* No bit past the year's last day (neither is a leap year), and New Year's Day. */
            assert_int_equal(bits[5] >> (365 - 320), 0);
            assert_true(bits[0] & 1);
        }
    }
    retour_date out;
    /* 1 January 1900 a Monday: Tuesday 2 January. */
    assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for("GR"),
                                                     parse("1900-01-01")), RETOUR_OK);
    assert_day(out, "1900-01-02");
    assert_int_equal(retour__working_day_on_or_after(&out, retour__calendar_for("GB"),
                                                     parse("2199-12-25")), RETOUR_OK);
    assert_day(out, "2199-12-27"); /* Wednesday 25, Thursday 26 */
    /* Orthodox Easter Monday 1900 (22 April Gregorian) and 2199 in Greece. */
    assert_true(retour__calendar_is_holiday(retour__calendar_for("GR"), parse("1900-04-23")));
    int m, d;
    retour__orthodox_easter(2199, &m, &d);
    assert_true(retour__calendar_is_holiday(retour__calendar_for("GR"), ymd(2199, m, d) + 1));
    /* An unknown country marks nothing. */
    uint64_t bits[6] = { 1, 1, 1, 1, 1, 1 };
    retour__holidays_of_year(RETOUR__HOL__COUNT, 2026, bits);
    for (int i = 0; i < 6; i++)
        assert_int_equal(bits[i], 0);
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
        { "UK", "2026-12-25", "2026-12-29" }, /* Boxing Day's substitute Monday 28 */
        { "UK", "2026-12-24", "2026-12-24" },
        { "GB", "2026-12-26", "2026-12-29" },
        { "IE", "2026-12-26", "2026-12-28" }, /* St Stephen's Day stays on the Saturday */
        { "GR", "2026-04-10", "2026-04-14" }, /* Orthodox Good Friday to Easter Monday */
        { "BG", "2026-04-10", "2026-04-14" },
        { "RO", "2026-05-30", "2026-06-02" }, /* Saturday; Whit Monday, Children's Day */
        { "SE", "2026-06-19", "2026-06-22" }, /* Midsummer Eve */
        { "FI", "2026-12-24", "2026-12-24" }, /* Christmas Eve is no holiday in Finland */
        { "FI", "2026-12-25", "2026-12-28" },
        { "ES", "2026-10-12", "2026-10-13" },
        { "IT", "2027-10-04", "2027-10-05" }, /* St Francis's Day, a Monday in 2027 */
        { "PL", "2026-11-11", "2026-11-12" },
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
        { "AT", "weekends_and_at_holidays" }, { "BG", "weekends_and_bg_holidays" },
        { "CY", "weekends_and_cy_holidays" }, { "CZ", "weekends_and_cz_holidays" },
        { "DK", "weekends_and_dk_holidays" }, { "EE", "weekends_and_ee_holidays" },
        { "ES", "weekends_and_es_holidays" }, { "FI", "weekends_and_fi_holidays" },
        { "GR", "weekends_and_gr_holidays" }, { "EL", "weekends_and_gr_holidays" },
        { "HR", "weekends_and_hr_holidays" }, { "HU", "weekends_and_hu_holidays" },
        { "IE", "weekends_and_ie_holidays" }, { "IT", "weekends_and_it_holidays" },
        { "LT", "weekends_and_lt_holidays" }, { "LU", "weekends_and_lu_holidays" },
        { "LV", "weekends_and_lv_holidays" }, { "MT", "weekends_and_mt_holidays" },
        { "PL", "weekends_and_pl_holidays" }, { "PT", "weekends_and_pt_holidays" },
        { "RO", "weekends_and_ro_holidays" }, { "SE", "weekends_and_se_holidays" },
        { "SI", "weekends_and_si_holidays" }, { "SK", "weekends_and_sk_holidays" },
        { "IS", "weekends_and_is_holidays" }, { "LI", "weekends_and_li_holidays" },
        { "NO", "weekends_and_no_holidays" }, { "GB", "weekends_and_gb_holidays" },
        { "UK", "weekends_and_gb_holidays" }, { "EU", "weekends" }, { "CH", "weekends" },
        { "none", "calendar_days" }, { "nl", "calendar_days" },
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
    static const char *const codes[] = { "NL", "DE", "BE", "FR", "UK", "GR", "SE", "BG", "IE",
                                         "LI", "EU", "none" };
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
        cmocka_unit_test(test_orthodox_easter),
        cmocka_unit_test(test_holidays_nl),
        cmocka_unit_test(test_holidays_de),
        cmocka_unit_test(test_holidays_be),
        cmocka_unit_test(test_holidays_fr),
        cmocka_unit_test(test_easter_holidays_every_year),
        cmocka_unit_test(test_holidays_view_reuse),
        cmocka_unit_test(test_no_holidays_elsewhere),
        cmocka_unit_test(test_holidays_published),
        cmocka_unit_test(test_substitute_days),
        cmocka_unit_test(test_closed_days_by_law),
        cmocka_unit_test(test_pl_independence_day),
        cmocka_unit_test(test_range_ends),
        cmocka_unit_test(test_working_day_on_or_after),
        cmocka_unit_test(test_working_day_limits),
        cmocka_unit_test(test_calendar_for),
        cmocka_unit_test(test_closed_days_match_calendar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
