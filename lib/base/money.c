/* Money as int64_t minor units. Parsing and formatting work on the decimal digits
 * directly so that no amount ever passes through floating point. */
#include "retour.h"
#include "base/money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 10^18 is the largest power of ten in an int64_t; ISO 4217 itself never exceeds 4. */
#define MAX_DECIMALS 18

/* ISO 4217 codes with their minor-unit digits, sorted by code for bsearch(). Covers the
 * EU/EEA, the UK and Switzerland, and the currencies shops commonly sell in. */
static const retour__currency currencies[] = {
    {"AED", 2}, {"ALL", 2}, {"ARS", 2}, {"AUD", 2}, {"BAM", 2},
    {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2},
    {"EGP", 2}, {"EUR", 2}, {"GBP", 2}, {"GEL", 2}, {"HKD", 2},
    {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0}, {"KWD", 3},
    {"KZT", 2}, {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MKD", 2},
    {"MXN", 2}, {"MYR", 2}, {"NGN", 2}, {"NOK", 2}, {"NZD", 2},
    {"OMR", 3}, {"PEN", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2},
    {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"SAR", 2},
    {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3}, {"TRY", 2},
    {"TWD", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"UYU", 2},
    {"VND", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0}, {"ZAR", 2},
};

static int compare_code(const void *key, const void *elem)
{
    const retour__currency *c = elem;
    return memcmp(key, c->code, 3);
}

const retour__currency *retour__currency_find(const char *code, size_t len)
{
    if (!code || len != 3)
        return NULL;
    /* Codes are upper case only: "eur" is not a currency code. memcmp orders like the
     * table because all the bytes compared are ASCII upper-case letters. */
    for (size_t i = 0; i < 3; i++) {
        if (code[i] < 'A' || code[i] > 'Z')
            return NULL;
    }
    return bsearch(code, currencies, sizeof currencies / sizeof currencies[0],
                   sizeof currencies[0], compare_code);
}

static int is_digit(char c)
{
    /* Not isdigit(): that one depends on the locale. */
    return c >= '0' && c <= '9';
}

/* *value = *value * 10 + digit; -1 when that would exceed INT64_MAX. */
static int push_digit(int64_t *value, int digit)
{
    if (*value > (INT64_MAX - digit) / 10)
        return -1;
    *value = *value * 10 + digit;
    return 0;
}

static void set_why(char *why, size_t why_size, const char *message)
{
    if (why && why_size > 0)
        snprintf(why, why_size, "%s", message);
}

int retour__money_parse(int64_t *out, const char *text, size_t len, int decimals,
                        char *why, size_t why_size)
{
    if (!out || !text || decimals < 0 || decimals > MAX_DECIMALS) {
        set_why(why, why_size, "invalid argument");
        return RETOUR_EINVAL;
    }

    /* Shape first: digits, then optionally '.' and at least one digit, nothing else. */
    size_t i = 0;
    while (i < len && is_digit(text[i]))
        i++;
    int shape_ok = i > 0; /* ".5" has no integer part */
    size_t frac_digits = 0;
    if (i < len && text[i] == '.') {
        size_t start = ++i;
        while (i < len && is_digit(text[i]))
            i++;
        frac_digits = i - start;
        shape_ok = shape_ok && frac_digits > 0; /* "5." has no fraction */
    }
    if (!shape_ok || i != len) {
        set_why(why, why_size, "not a decimal number");
        return RETOUR_ESYNTAX;
    }

    if (frac_digits > (size_t)decimals) {
        if (why && why_size > 0)
            snprintf(why, why_size, "%zu decimal%s", frac_digits, frac_digits == 1 ? "" : "s");
        return RETOUR_ERANGE;
    }

    /* Digits left to right, skipping the '.', then pad the fraction to `decimals`. Each
     * step only grows the value, so an overflow at any step means the amount is too large. */
    int64_t value = 0;
    int overflow = 0;
    for (size_t k = 0; k < len && !overflow; k++) {
        if (text[k] != '.')
            overflow = push_digit(&value, text[k] - '0');
    }
    for (size_t k = frac_digits; k < (size_t)decimals && !overflow; k++)
        overflow = push_digit(&value, 0);
    if (overflow) {
        set_why(why, why_size, "too large");
        return RETOUR_ERANGE;
    }
    *out = value;
    return RETOUR_OK;
}

int retour__money_format(char *buf, size_t size, int64_t minor, int decimals)
{
    if ((!buf && size > 0) || decimals < 0 || decimals > MAX_DECIMALS)
        return -1;

    /* Magnitude in unsigned arithmetic, where -INT64_MIN is representable. */
    uint64_t magnitude = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;

    /* Build the text backwards: at least decimals + 1 digits so that 5 with 3 decimals
     * comes out as "0.005". Longest: '-', 19 digits, '.'. */
    char reversed[32];
    size_t n = 0;
    int digits = 0;
    while (magnitude > 0 || digits <= decimals) {
        if (decimals > 0 && digits == decimals)
            reversed[n++] = '.';
        reversed[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
        digits++;
    }
    if (minor < 0)
        reversed[n++] = '-';

    if (size > 0) {
        size_t copy = n < size - 1 ? n : size - 1;
        for (size_t k = 0; k < copy; k++)
            buf[k] = reversed[n - 1 - k];
        buf[copy] = '\0';
    }
    return (int)n;
}

int retour__percent_parse(int32_t *basis_points, const char *text, size_t len)
{
    if (!basis_points || !text)
        return RETOUR_EINVAL;
    if (len == 0 || text[len - 1] != '%')
        return RETOUR_ESYNTAX;
    /* A percentage is a decimal with two places counted in hundredths of a percent. */
    int64_t value;
    int rc = retour__money_parse(&value, text, len - 1, 2, NULL, 0);
    if (rc != RETOUR_OK)
        return rc;
    if (value > 10000)
        return RETOUR_ERANGE;
    *basis_points = (int32_t)value;
    return RETOUR_OK;
}


int retour__money_mul_bp(int64_t *out, int64_t amount, int32_t basis_points)
{
    if (!out)
        return RETOUR_EINVAL;
    /* amount = q * 10000 + r with q, r of amount's sign, so
     * amount * bp / 10000 = q * bp + r * bp / 10000. q * bp is whole and of the same sign
     * as r * bp, so rounding the second term half away from zero rounds the total the same
     * way. |r * bp| < 10^4 * 2^31 cannot overflow; q * bp and the sum are checked. */
    int64_t q = amount / 10000;
    int64_t r = amount % 10000;
    int64_t whole;
    if (retour__money_mul(&whole, q, basis_points) != RETOUR_OK)
        return RETOUR_ERANGE;
    int64_t t = r * basis_points;
    int64_t part = t >= 0 ? (t + 5000) / 10000 : -((-t + 5000) / 10000);
    int64_t result;
    if (retour__money_add(&result, whole, part) != RETOUR_OK)
        return RETOUR_ERANGE;
    *out = result;
    return RETOUR_OK;
}
