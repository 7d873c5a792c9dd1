/* National public holidays as tables, one per country, and the closed days a national law on
 * time periods adds (see holidays.h).
 *
 * A table lists rules: a fixed day, a day counted from Easter (Western or Orthodox), or the
 * first given weekday on or after a day (the n-th or last weekday of a month, Midsummer's
 * Saturday). A rule may hold from or until a year, be a one-off, cancel a day in one year (a
 * holiday moved by decree), or have a substitute (UK, Bulgaria, Latvia: a holiday on a
 * Saturday or Sunday gives the next weekday that is not a holiday already). Holidays that
 * are always Sundays are left out: a Sunday is closed anyway.
 *
 * Years: changes from 1990 on are encoded where known, with their source in
 * docs/decisions.md; other years get the rules nearest to them. Each country's list was
 * checked against published lists for 2025 and 2026 (tests/unit/law/test_calendar.c). */
#include "law/holidays.h"

#include "law/easter.h"

#include <string.h>

enum kind {
    END = 0,
    FIXED,        /* month, day */
    EASTER,       /* days after Western Easter Sunday (negative: before) */
    ORTHODOX,     /* days after Orthodox Easter Sunday */
    WEEKDAY_FROM, /* the first `weekday` on or after month/day */
    LAST_WEEKDAY, /* the last `weekday` of the month */
};

enum flags {
    SUBSTITUTE = 1, /* on a Saturday or Sunday: also the next weekday not yet a holiday */
    SUN_TO_SAT = 2, /* on a Sunday: the Saturday before instead */
    FRI_ITSELF = 4, /* WEEKDAY_FROM: when month/day is a Friday, that day instead */
    CANCEL = 8,     /* not a holiday that year (moved by decree); applied after the others */
    CLOSED = 16,    /* not a public holiday: a day a national law on periods closes */
};

typedef struct rule {
    unsigned char kind, month;
    signed char day;       /* day of the month, or days after Easter */
    unsigned char weekday; /* 0 = Monday .. 6 = Sunday */
    unsigned char flags;
    short from, until; /* the years it holds (0: no bound) */
} rule;

enum { MON, TUE, WED, THU, FRI, SAT, SUN };

#define DAY(m, d) { FIXED, m, d, 0, 0, 0, 0 }
#define DAY_IN(m, d, from, until) { FIXED, m, d, 0, 0, from, until }
#define DAY_F(m, d, flags) { FIXED, m, d, 0, flags, 0, 0 }
#define ONCE(y, m, d) { FIXED, m, d, 0, 0, y, y }
#define NOT(y, m, d) { FIXED, m, d, 0, CANCEL, y, y } /* a holiday moved that year */
#define EAST(o) { EASTER, 0, o, 0, 0, 0, 0 }
#define EAST_IN(o, from, until) { EASTER, 0, o, 0, 0, from, until }
#define ORTH(o) { ORTHODOX, 0, o, 0, 0, 0, 0 }
#define ORTH_IN(o, from, until) { ORTHODOX, 0, o, 0, 0, from, until }
#define FROM(wd, m, d) { WEEKDAY_FROM, m, d, wd, 0, 0, 0 }
#define FIRST(wd, m) FROM(wd, m, 1)
#define LAST(wd, m) { LAST_WEEKDAY, m, 0, wd, 0, 0, 0 }
#define LAST_IN(wd, m, from, until) { LAST_WEEKDAY, m, 0, wd, 0, from, until }
#define STOP { END, 0, 0, 0, 0, 0, 0 }

/* Days counted from Easter Sunday. */
#define GOOD_FRIDAY EAST(-2)
#define MAUNDY_THURSDAY EAST(-3)
#define EASTER_MONDAY EAST(1)
#define ASCENSION EAST(39)
#define WHIT_MONDAY EAST(50)
#define CORPUS_CHRISTI EAST(60)

/* Austria: Feiertagsruhegesetz 1957 §1; the days Austria notified under the European
 * Convention on the Calculation of Time-Limits (BGBl. Nr. 254/1983), which adds Good Friday. */
static const rule at[] = {
    DAY(1, 1), DAY(1, 6), { EASTER, 0, -2, 0, CLOSED, 0, 0 } /* Good Friday */,
    EASTER_MONDAY, DAY(5, 1), ASCENSION, WHIT_MONDAY, CORPUS_CHRISTI, DAY(8, 15),
    DAY(10, 26), DAY(11, 1), DAY(12, 8), DAY(12, 25), DAY(12, 26), STOP,
};
/* Belgium: the ten legal public holidays. */
static const rule be[] = {
    DAY(1, 1), EASTER_MONDAY, DAY(5, 1), ASCENSION, WHIT_MONDAY, DAY(7, 21), DAY(8, 15),
    DAY(11, 1), DAY(11, 11), DAY(12, 25), STOP,
};
/* Bulgaria: Labour Code art. 154, Orthodox Easter: St George's Day from 1999, Unification
 * and Independence Days from 1998, Christmas Eve from 1996, Good Friday and Holy Saturday
 * from 2010. From 2017 a fixed holiday on a Saturday or Sunday gives the next working day
 * (art. 154(2)); Easter's days give none. The government's yearly swaps of working days
 * (bridge days) are not modelled. */
#define BG_DAY(m, d, since) DAY_IN(m, d, since, 2016), { FIXED, m, d, 0, SUBSTITUTE, 2017, 0 }
static const rule bg[] = {
    BG_DAY(1, 1, 0), BG_DAY(3, 3, 0), ORTH_IN(-2, 2010, 0), ORTH_IN(-1, 2010, 0), ORTH(1),
    BG_DAY(5, 1, 0), BG_DAY(5, 6, 1999), BG_DAY(5, 24, 0), BG_DAY(9, 6, 1998),
    BG_DAY(9, 22, 1998), BG_DAY(12, 24, 1996), BG_DAY(12, 25, 0), BG_DAY(12, 26, 0), STOP,
};
/* Cyprus: Orthodox Easter; Green Monday is 48 days before it, Kataklysmos (Whit Monday) 50
 * after. Easter Tuesday and Christmas Eve close banks and the public service only. */
static const rule cy[] = {
    DAY(1, 1), DAY(1, 6), ORTH(-48), DAY(3, 25), DAY(4, 1), ORTH(-2), ORTH(1), DAY(5, 1),
    ORTH(50), DAY(8, 15), DAY(10, 1), DAY(10, 28), DAY(12, 25), DAY(12, 26), STOP,
};
/* Czechia: zákon č. 245/2000 Sb.; Victory Day on 8 May from 1992 (9 May before), Statehood
 * Day from 2000, Good Friday from 2016. */
static const rule cz[] = {
    DAY(1, 1), EAST_IN(-2, 2016, 0), EASTER_MONDAY, DAY(5, 1), DAY_IN(5, 9, 0, 1991),
    DAY_IN(5, 8, 1992, 0), DAY(7, 5),
    DAY(7, 6), DAY_IN(9, 28, 2000, 0), DAY(10, 28), DAY(11, 17), DAY(12, 24), DAY(12, 25),
    DAY(12, 26), STOP,
};
/* Germany: the nationwide holidays only; German Unity Day from 1990; the Day of Prayer and
 * Repentance (the Wednesday of 16-22 November) was one in every state until 1994; the
 * 500th anniversary of the Reformation (31 October 2017) was a one-off in every state. */
static const rule de[] = {
    DAY(1, 1), GOOD_FRIDAY, EASTER_MONDAY, DAY(5, 1), ASCENSION, WHIT_MONDAY,
    DAY_IN(10, 3, 1990, 0), ONCE(2017, 10, 31), { WEEKDAY_FROM, 11, 16, WED, 0, 1990, 1994 },
    DAY(12, 25), DAY(12, 26), STOP,
};
/* Denmark: the helligdage; Great Prayer Day (Easter + 26) until 2023. */
static const rule dk[] = {
    DAY(1, 1), MAUNDY_THURSDAY, GOOD_FRIDAY, EASTER_MONDAY, EAST_IN(26, 0, 2023), ASCENSION,
    WHIT_MONDAY, DAY(12, 25), DAY(12, 26), STOP,
};
/* Estonia: Public Holidays and Days of National Importance Act; Good Friday from 1994,
 * Restoration of Independence Day from 1998 (16 November until 1993), Christmas Eve from
 * 2005. */
static const rule ee[] = {
    DAY(1, 1), DAY(2, 24), EAST_IN(-2, 1994, 0), DAY(5, 1), DAY(6, 23), DAY(6, 24),
    DAY_IN(8, 20, 1998, 0), DAY_IN(11, 16, 0, 1993), DAY_IN(12, 24, 2005, 0), DAY(12, 25),
    DAY(12, 26), STOP,
};
/* Spain: the national holidays of the annual BOE resolution (regions may move a Sunday's
 * holiday or replace some: regional). */
static const rule es[] = {
    DAY(1, 1), DAY(1, 6), GOOD_FRIDAY, DAY(5, 1), DAY(8, 15), DAY(10, 12), DAY(11, 1),
    DAY(12, 6), DAY(12, 8), DAY(12, 25), STOP,
};
/* Finland: Midsummer Day is the Saturday of 20-26 June, All Saints' Day the Saturday of
 * 31 October - 6 November; until 1990 Epiphany and Ascension Day were kept on Saturdays
 * (the Saturday of 6-12 January; Easter + 34). Midsummer Eve and Christmas Eve are no
 * public holidays. */
static const rule fi[] = {
    DAY(1, 1), DAY_IN(1, 6, 1991, 0), { WEEKDAY_FROM, 1, 6, SAT, 0, 0, 1990 }, GOOD_FRIDAY,
    EASTER_MONDAY, DAY(5, 1), EAST_IN(34, 0, 1990), EAST_IN(39, 1991, 0), FROM(SAT, 6, 20),
    FROM(SAT, 10, 31), DAY(12, 6), DAY(12, 25), DAY(12, 26), STOP,
};
/* France: the eleven jours fériés (Alsace-Moselle's extra days are regional). */
static const rule fr[] = {
    DAY(1, 1), EASTER_MONDAY, DAY(5, 1), DAY(5, 8), ASCENSION, WHIT_MONDAY, DAY(7, 14),
    DAY(8, 15), DAY(11, 1), DAY(11, 11), DAY(12, 25), STOP,
};
/* United Kingdom: the bank holidays of England and Wales (gov.uk/bank-holidays). New Year's
 * Day, Christmas Day and Boxing Day on a Saturday or Sunday give a substitute day. Moved
 * and extra days: early May 1995 and 2020 on 8 May; the spring holiday of 2002, 2012 and
 * 2022 in June, with the jubilees; the millennium, two royal weddings, a state funeral and
 * a coronation. */
static const rule gb[] = {
    DAY_F(1, 1, SUBSTITUTE), GOOD_FRIDAY, EASTER_MONDAY, FIRST(MON, 5), NOT(1995, 5, 1),
    ONCE(1995, 5, 8), NOT(2020, 5, 4), ONCE(2020, 5, 8), ONCE(2011, 4, 29), ONCE(2023, 5, 8),
    LAST(MON, 5), NOT(2002, 5, 27), ONCE(2002, 6, 3), ONCE(2002, 6, 4), NOT(2012, 5, 28),
    ONCE(2012, 6, 4), ONCE(2012, 6, 5), NOT(2022, 5, 30), ONCE(2022, 6, 2), ONCE(2022, 6, 3),
    LAST(MON, 8), ONCE(2022, 9, 19), ONCE(1999, 12, 31), DAY_F(12, 25, SUBSTITUTE),
    DAY_F(12, 26, SUBSTITUTE), STOP,
};
/* Greece: Orthodox Easter; Clean Monday is 48 days before it, Whit Monday (Agiou Pnevmatos)
 * 50 after. Labour Day 2024 was moved to 7 May by ministerial decision. */
static const rule gr[] = {
    DAY(1, 1), DAY(1, 6), ORTH(-48), DAY(3, 25), ORTH(-2), ORTH(1), DAY(5, 1),
    NOT(2024, 5, 1), ONCE(2024, 5, 7), ORTH(50), DAY(8, 15), DAY(10, 28), DAY(12, 25),
    DAY(12, 26), STOP,
};
/* Croatia: Zakon o blagdanima (NN 110/2019 from 2020): Statehood Day 30 May (from 1996;
 * 25 June 2002-2019), Independence Day 8 October 2002-2019, Remembrance Day 18 November from 2020;
 * Corpus Christi from 2002. */
static const rule hr[] = {
    DAY(1, 1), DAY(1, 6), EASTER_MONDAY, DAY(5, 1), DAY_IN(5, 30, 1996, 2001),
    DAY_IN(5, 30, 2020, 0), EAST_IN(60, 2002, 0), DAY(6, 22), DAY_IN(6, 25, 2002, 2019),
    DAY(8, 5), DAY(8, 15), DAY_IN(10, 8, 2002, 2019), DAY(11, 1), DAY_IN(11, 18, 2020, 0),
    DAY(12, 25), DAY(12, 26), STOP,
};
/* Hungary: Munka törvénykönyve §102; 23 October from 1991, Whit Monday from 1992, All
 * Saints' Day from 1999, Good Friday from 2017. The government's yearly swaps of working
 * days (bridge days) are not modelled. */
static const rule hu[] = {
    DAY(1, 1), DAY(3, 15), EAST_IN(-2, 2017, 0), EASTER_MONDAY, DAY(5, 1),
    EAST_IN(50, 1992, 0), DAY(8, 20), DAY_IN(10, 23, 1991, 0), DAY_IN(11, 1, 1999, 0),
    DAY(12, 25), DAY(12, 26), STOP,
};
/* Ireland: Organisation of Working Time Act 1997, Schedule 2. A public holiday on a weekend
 * stays there (no substitute day). St Brigid's Day from 2023: the first Monday of February,
 * or 1 February when that is a Friday; 18 March 2022 was a one-off. The May holiday from
 * 1994 (8 May in 1995); 31 December 1999 was a one-off. Good Friday is none. */
static const rule ie[] = {
    DAY(1, 1), { WEEKDAY_FROM, 2, 1, MON, FRI_ITSELF, 2023, 0 }, DAY(3, 17),
    ONCE(2022, 3, 18), EASTER_MONDAY, { WEEKDAY_FROM, 5, 1, MON, 0, 1994, 0 },
    NOT(1995, 5, 1), ONCE(1995, 5, 8), FIRST(MON, 6), FIRST(MON, 8), LAST(MON, 10),
    DAY(12, 25), DAY(12, 26), ONCE(1999, 12, 31), STOP,
};
/* Iceland: the First Day of Summer is the Thursday of 19-25 April, Commerce Day the first
 * Monday of August; 24 and 31 December are holidays from 13:00 only, so not counted. */
static const rule is[] = {
    DAY(1, 1), MAUNDY_THURSDAY, GOOD_FRIDAY, EASTER_MONDAY, FROM(THU, 4, 19), DAY(5, 1),
    ASCENSION, WHIT_MONDAY, DAY(6, 17), FIRST(MON, 8), DAY(12, 25), DAY(12, 26), STOP,
};
/* Italy: legge 260/1949 as amended; Republic Day on 2 June again from 2001 (the first
 * Sunday of June before); St Francis's Day, 4 October, from 2026; 17 March 2011 (150 years
 * of unity) was a one-off. */
static const rule it[] = {
    DAY(1, 1), DAY(1, 6), ONCE(2011, 3, 17), EASTER_MONDAY, DAY(4, 25), DAY(5, 1),
    DAY_IN(6, 2, 2001, 0),
    DAY(8, 15), DAY_IN(10, 4, 2026, 0), DAY(11, 1), DAY(12, 8), DAY(12, 25), DAY(12, 26),
    STOP,
};
/* Liechtenstein: the days it notified under the European Convention on the Calculation of
 * Time-Limits, art. 11: the list of 1983 (with Annunciation, 25 March), replaced from
 * 1 March 2021 (BGBl. III Nr. 58/2021) by one with 2 January, Shrove Tuesday (Easter - 47),
 * 8 September, 24 and 31 December. 15 August is Assumption and the national day. */
static const rule li[] = {
    DAY(1, 1), DAY_IN(1, 2, 2022, 0), DAY(1, 6), DAY(2, 2), EAST_IN(-47, 2022, 0), DAY(3, 19),
    DAY_IN(3, 25, 0, 2020), GOOD_FRIDAY, EASTER_MONDAY, DAY(5, 1), ASCENSION, WHIT_MONDAY,
    CORPUS_CHRISTI, DAY(8, 15), DAY_IN(9, 8, 2021, 0), DAY(11, 1), DAY(12, 8),
    DAY_IN(12, 24, 2021, 0), DAY(12, 25), DAY(12, 26), DAY_IN(12, 31, 2021, 0), STOP,
};
/* Lithuania: Labour Code art. 123; Statehood Day from 1991, Midsummer (24 June) from 2003,
 * All Souls' Day from 2020. Mother's and Father's Days are Sundays. */
static const rule lt[] = {
    DAY(1, 1), DAY(2, 16), DAY(3, 11), EASTER_MONDAY, DAY(5, 1), DAY_IN(6, 24, 2003, 0),
    DAY_IN(7, 6, 1991, 0), DAY(8, 15), DAY(11, 1), DAY_IN(11, 2, 2020, 0), DAY(12, 24), DAY(12, 25),
    DAY(12, 26), STOP,
};
/* Luxembourg: the legal public holidays; Europe Day (9 May) from 2019. */
static const rule lu[] = {
    DAY(1, 1), EASTER_MONDAY, DAY(5, 1), DAY_IN(5, 9, 2019, 0), ASCENSION, WHIT_MONDAY,
    DAY(6, 23), DAY(8, 15), DAY(11, 1), DAY(12, 25), DAY(12, 26), STOP,
};
/* Latvia: law "On Public Holidays, Commemoration Days and Celebration Days": Easter Monday
 * from 1997, 4 May from 2002, Christmas Eve from 2007; from 2007, 4 May and 18 November on
 * a Saturday or Sunday give the next Monday. One-off days off: 9 July and 24 September
 * 2018, 29 May and 10 July 2023. The government's yearly swaps of working days are not
 * modelled. */
static const rule lv[] = {
    DAY(1, 1), GOOD_FRIDAY, EAST_IN(1, 1997, 0), DAY(5, 1), DAY_IN(5, 4, 2002, 2006),
    { FIXED, 5, 4, 0, SUBSTITUTE, 2007, 0 }, ONCE(2023, 5, 29), DAY(6, 23), DAY(6, 24),
    ONCE(2018, 7, 9), ONCE(2023, 7, 10), ONCE(2018, 9, 24), DAY_IN(11, 18, 0, 2006),
    { FIXED, 11, 18, 0, SUBSTITUTE, 2007, 0 }, DAY_IN(12, 24, 2007, 0), DAY(12, 25),
    DAY(12, 26), DAY(12, 31), STOP,
};
/* Malta: the fourteen national and public holidays (a holiday on a weekend is not moved). */
static const rule mt[] = {
    DAY(1, 1), DAY(2, 10), DAY(3, 19), DAY(3, 31), GOOD_FRIDAY, DAY(5, 1), DAY(6, 7),
    DAY(6, 29), DAY(8, 15), DAY(9, 8), DAY(9, 21), DAY(12, 8), DAY(12, 13), DAY(12, 25), STOP,
};
/* Netherlands: the "algemeen erkende feestdagen" of the Algemene termijnenwet art. 3, Good
 * Friday treated alike; King's Day 27 April (Queen's Day 30 April before 2014), kept on the
 * Saturday before when it is a Sunday. */
static const rule nl[] = {
    DAY(1, 1), { EASTER, 0, -2, 0, CLOSED, 0, 0 } /* Good Friday */, EASTER_MONDAY,
    { FIXED, 4, 30, 0, SUN_TO_SAT, 0, 2013 }, { FIXED, 4, 27, 0, SUN_TO_SAT, 2014, 0 },
    DAY(5, 5), ASCENSION, WHIT_MONDAY, DAY(12, 25), DAY(12, 26), STOP,
};
/* Norway: lov om helligdager og helligdagsfred, with 1 and 17 May. */
static const rule no[] = {
    DAY(1, 1), MAUNDY_THURSDAY, GOOD_FRIDAY, EASTER_MONDAY, DAY(5, 1), DAY(5, 17), ASCENSION,
    WHIT_MONDAY, DAY(12, 25), DAY(12, 26), STOP,
};
/* Poland: ustawa o dniach wolnych od pracy; Epiphany from 2011, Christmas Eve from 2025;
 * 12 November 2018 (100 years of independence) was a one-off. */
static const rule pl[] = {
    DAY(1, 1), DAY_IN(1, 6, 2011, 0), EASTER_MONDAY, DAY(5, 1), DAY(5, 3), CORPUS_CHRISTI,
    DAY(8, 15), DAY(11, 1), DAY(11, 11), ONCE(2018, 11, 12), DAY_IN(12, 24, 2025, 0),
    DAY(12, 25), DAY(12, 26), STOP,
};
/* Portugal: Código do Trabalho art. 234; Corpus Christi, 5 October, 1 November and
 * 1 December were suspended 2013-2015. Carnival is optional, not a holiday. */
static const rule pt[] = {
    DAY(1, 1), GOOD_FRIDAY, DAY(4, 25), DAY(5, 1), EAST_IN(60, 0, 2012), EAST_IN(60, 2016, 0),
    DAY(6, 10), DAY(8, 15), DAY_IN(10, 5, 0, 2012), DAY_IN(10, 5, 2016, 0),
    DAY_IN(11, 1, 0, 2012), DAY_IN(11, 1, 2016, 0), DAY_IN(12, 1, 0, 2012),
    DAY_IN(12, 1, 2016, 0), DAY(12, 8), DAY(12, 25), STOP,
};
/* Romania: Codul muncii art. 139, Orthodox Easter: Whit Monday and 15 August from 2009,
 * 30 November from 2012, 24 January and 1 June from 2017, Good Friday from 2018, 6 and
 * 7 January from 2024. */
static const rule ro[] = {
    DAY(1, 1), DAY(1, 2), DAY_IN(1, 6, 2024, 0), DAY_IN(1, 7, 2024, 0),
    DAY_IN(1, 24, 2017, 0), ORTH_IN(-2, 2018, 0), ORTH(1), DAY(5, 1), DAY_IN(6, 1, 2017, 0),
    ORTH_IN(50, 2009, 0), DAY_IN(8, 15, 2009, 0), DAY_IN(11, 30, 2012, 0), DAY(12, 1),
    DAY(12, 25), DAY(12, 26), STOP,
};
/* Sweden: lag (1989:253) om allmänna helgdagar: National Day from 2005, Whit Monday until
 * 2004; Midsummer Day is the Saturday of 20-26 June, All Saints' Day the Saturday of
 * 31 October - 6 November. Closed by lag (1930:173) om beräkning av lagstadgad tid §2:
 * Midsummer Eve (the Friday before), Christmas Eve and New Year's Eve (from 2005). */
static const rule se[] = {
    DAY(1, 1), DAY(1, 6), GOOD_FRIDAY, EASTER_MONDAY, DAY(5, 1), ASCENSION,
    EAST_IN(50, 0, 2004), DAY_IN(6, 6, 2005, 0), { WEEKDAY_FROM, 6, 19, FRI, CLOSED, 0, 0 },
    FROM(SAT, 6, 20), FROM(SAT, 10, 31), { FIXED, 12, 24, 0, CLOSED, 0, 0 }, DAY(12, 25),
    DAY(12, 26), { FIXED, 12, 31, 0, CLOSED, 2005, 0 }, STOP,
};
/* Slovenia: Zakon o praznikih in dela prostih dnevih; 2 January not 2013-2016; 14 August
 * 2023 (solidarity day after the floods) was a one-off. */
static const rule si[] = {
    DAY(1, 1), DAY_IN(1, 2, 0, 2012), DAY_IN(1, 2, 2017, 0), DAY(2, 8), EASTER_MONDAY,
    DAY(4, 27), DAY(5, 1), DAY(5, 2), DAY(6, 25), ONCE(2023, 8, 14), DAY(8, 15), DAY(10, 31),
    DAY(11, 1), DAY(12, 25), DAY(12, 26), STOP,
};
/* Slovakia: zákon č. 241/1993 Z. z., days of rest: 8 May from 1997, 1 September until 2023,
 * 17 November 2001-2024; 8 May and 15 September are working days in 2026 (zákon
 * č. 261/2025 Z. z.); 30 October 2018 was a one-off. */
static const rule sk[] = {
    DAY(1, 1), DAY(1, 6), GOOD_FRIDAY, EASTER_MONDAY, DAY(5, 1), DAY_IN(5, 8, 1997, 0),
    NOT(2026, 5, 8), DAY(7, 5), DAY(8, 29), DAY_IN(9, 1, 0, 2023), DAY(9, 15),
    NOT(2026, 9, 15), ONCE(2018, 10, 30), DAY(11, 1), DAY_IN(11, 17, 2001, 2024), DAY(12, 24),
    DAY(12, 25),
    DAY(12, 26), STOP,
};

static const rule *const tables[RETOUR__HOL__COUNT] = {
    [RETOUR__HOL_AT] = at, [RETOUR__HOL_BE] = be, [RETOUR__HOL_BG] = bg,
    [RETOUR__HOL_CY] = cy, [RETOUR__HOL_CZ] = cz, [RETOUR__HOL_DE] = de,
    [RETOUR__HOL_DK] = dk, [RETOUR__HOL_EE] = ee, [RETOUR__HOL_ES] = es,
    [RETOUR__HOL_FI] = fi, [RETOUR__HOL_FR] = fr, [RETOUR__HOL_GB] = gb,
    [RETOUR__HOL_GR] = gr, [RETOUR__HOL_HR] = hr, [RETOUR__HOL_HU] = hu,
    [RETOUR__HOL_IE] = ie, [RETOUR__HOL_IS] = is, [RETOUR__HOL_IT] = it,
    [RETOUR__HOL_LI] = li, [RETOUR__HOL_LT] = lt, [RETOUR__HOL_LU] = lu,
    [RETOUR__HOL_LV] = lv, [RETOUR__HOL_MT] = mt, [RETOUR__HOL_NL] = nl,
    [RETOUR__HOL_NO] = no, [RETOUR__HOL_PL] = pl, [RETOUR__HOL_PT] = pt,
    [RETOUR__HOL_RO] = ro, [RETOUR__HOL_SE] = se, [RETOUR__HOL_SI] = si,
    [RETOUR__HOL_SK] = sk,
};

/* One year's calendar: what the rules are read against. */
typedef struct year_view {
    int year, leap, days;
    int jan1;            /* weekday of 1 January, 0 = Monday */
    int easter, orthodox; /* day of the year of each Easter Sunday; -1 until computed */
} year_view;

static const short before_month[13] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
                                        365 };

/* 0-based day of the year of a valid month and day. */
static int day_of_year(const year_view *y, int month, int day)
{
    return before_month[month - 1] + (month > 2 && y->leap) + day - 1;
}

static int weekday(const year_view *y, int doy)
{
    return (y->jan1 + doy) % 7;
}

/* The day of the year a rule gives, or -1 when it does not hold that year. */
static int rule_day(year_view *y, const rule *r)
{
    if ((r->from && y->year < r->from) || (r->until && y->year > r->until))
        return -1;
    int m, d, doy;
    switch (r->kind) {
    case FIXED:
        doy = day_of_year(y, r->month, r->day);
        if ((r->flags & SUN_TO_SAT) && weekday(y, doy) == SUN)
            doy--;
        return doy;
    case EASTER:
        if (y->easter < 0) {
            retour__easter(y->year, &m, &d);
            y->easter = day_of_year(y, m, d);
        }
        return y->easter + r->day;
    case ORTHODOX:
        if (y->orthodox < 0) {
            retour__orthodox_easter(y->year, &m, &d);
            y->orthodox = day_of_year(y, m, d);
        }
        return y->orthodox + r->day;
    case WEEKDAY_FROM:
        doy = day_of_year(y, r->month, r->day);
        if ((r->flags & FRI_ITSELF) && weekday(y, doy) == FRI)
            return doy;
        return doy + (r->weekday - weekday(y, doy) + 7) % 7;
    case LAST_WEEKDAY:
        doy = before_month[r->month] + (r->month >= 2 && y->leap) - 1; /* the month's last */
        return doy - (weekday(y, doy) - r->weekday + 7) % 7;
    default:
        return -1;
    }
}

static int has(const uint64_t bits[6], int doy)
{
    return (int)((bits[doy >> 6] >> (doy & 63)) & 1);
}

void retour__holidays_of_year(retour__country country, int year, uint64_t bits[6])
{
    memset(bits, 0, 6 * sizeof bits[0]);
    if ((unsigned)country >= RETOUR__HOL__COUNT)
        return;
    year_view y = { year, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0, 0, 0, -1, -1 };
    y.days = 365 + y.leap;
    /* Gauss's weekday of 1 January (0 = Sunday), turned to 0 = Monday. */
    int p = year - 1;
    y.jan1 = (1 + 5 * (p % 4) + 4 * (p % 100) + 6 * (p % 400) + 6) % 7;
    const rule *table = tables[country];
    /* The holidays, then the days moved away by decree, then the substitutes, in the table's
     * order (which is the order of the days in the year). */
    for (int pass = 0; pass < 3; pass++) {
        for (const rule *r = table; r->kind != END; r++) {
            int want = pass == 0 ? !(r->flags & CANCEL)
                       : pass == 1 ? (r->flags & CANCEL) != 0
                                   : (r->flags & SUBSTITUTE) != 0;
            if (!want)
                continue;
            int doy = rule_day(&y, r);
            if (doy < 0 || doy >= y.days)
                continue;
            if (pass == 1) {
                bits[doy >> 6] &= ~((uint64_t)1 << (doy & 63));
                continue;
            }
            if (pass == 2) {
                if (weekday(&y, doy) < SAT)
                    continue;
                do
                    doy++;
                while (doy < y.days && (weekday(&y, doy) >= SAT || has(bits, doy)));
                if (doy >= y.days)
                    continue;
            }
            bits[doy >> 6] |= (uint64_t)1 << (doy & 63);
        }
    }
}
