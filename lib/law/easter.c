/* Easter Sunday, Western and Orthodox (see easter.h). */
#include "law/easter.h"

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

void retour__orthodox_easter(int year, int *month, int *day)
{
    /* Meeus's Julian algorithm: the paschal full moon of the 19-year cycle and the Sunday
     * after it, in the Julian calendar. */
    int a = year % 4, b = year % 7, c = year % 19;
    int d = (19 * c + 15) % 30;
    int e = (2 * a + 4 * b - d + 34) % 7;
    int m = (d + e + 114) / 31, dd = (d + e + 114) % 31 + 1;
    /* Julian to Gregorian: the calendars drift apart by a day in every century year that is
     * not a multiple of 400 (13 days in 1900-2099, 14 in 2100-2199). Easter falls after
     * the end of February, so the year's own count applies; it is -2 at least (years 1-99),
     * and the Julian date is 22 March or later, so the day stays positive. */
    dd += year / 100 - year / 400 - 2;
    static const int days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    while (dd > days_in[m - 1]) {
        dd -= days_in[m - 1];
        m++;
    }
    *month = m;
    *day = dd;
}
