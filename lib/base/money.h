/* Money as int64_t minor units: exact decimal parsing, formatting, checked arithmetic,
 * and the ISO 4217 table of minor-unit digits. Never goes through double. */
#ifndef RETOUR_MONEY_H
#define RETOUR_MONEY_H

#include <stdint.h>
#include <stddef.h>

#include "retour.h"

typedef struct retour__currency {
    char code[4];  /* "EUR" */
    int decimals;  /* minor-unit digits: EUR 2, JPY 0, KWD 3 */
} retour__currency;

/* Looks up an upper-case ISO 4217 code; NULL when unknown. */
const retour__currency *retour__currency_find(const char *code, size_t len);

/*
 * Parses a non-negative decimal such as "499", "499.5", "499.00" into minor units with
 * the given number of decimals. No sign, exponent, grouping, leading '.', or spaces.
 * Returns 0; RETOUR_ESYNTAX when the text is not such a decimal; RETOUR_ERANGE when it
 * has more decimals than `decimals` or exceeds INT64_MAX minor units.
 * On failure writes a one-line reason into why (may be NULL), e.g.
 * "has 3 decimals, but EUR has 2" is the caller's wording; this writes "3 decimals".
 */
int retour__money_parse(int64_t *out, const char *text, size_t len, int decimals,
                        char *why, size_t why_size);

/* Writes minor units as a decimal with exactly `decimals` digits ("-12.50", "1000");
 * returns the length like snprintf. */
int retour__money_format(char *buf, size_t size, int64_t minor, int decimals);

/*
 * Parses a percentage "20%", "12.5%", "0.25%" (at most 2 decimals, 0..100) into basis
 * points (1% = 100). Returns 0, RETOUR_ESYNTAX or RETOUR_ERANGE.
 */
int retour__percent_parse(int32_t *basis_points, const char *text, size_t len);

/* amount * basis_points / 10000, rounded half away from zero; RETOUR_ERANGE on overflow. */
int retour__money_mul_bp(int64_t *out, int64_t amount, int32_t basis_points);
/* Checked a + b and a * b; RETOUR_ERANGE on overflow. Inline: every evaluation sums and
 * multiplies amounts. The compiler's overflow checks where they exist;
 * RETOUR_NO_OVERFLOW_BUILTINS forces the portable code. */
#if !defined(RETOUR_NO_OVERFLOW_BUILTINS)
#if defined(__has_builtin)
#if __has_builtin(__builtin_add_overflow) && __has_builtin(__builtin_mul_overflow)
#define RETOUR__OVERFLOW_BUILTINS 1
#endif
#elif defined(__GNUC__) && __GNUC__ >= 5
#define RETOUR__OVERFLOW_BUILTINS 1
#endif
#endif

static inline int retour__money_add(int64_t *out, int64_t a, int64_t b)
{
    if (!out)
        return RETOUR_EINVAL;
    int64_t sum;
#ifdef RETOUR__OVERFLOW_BUILTINS
    if (__builtin_add_overflow(a, b, &sum))
        return RETOUR_ERANGE;
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return RETOUR_ERANGE;
    sum = a + b;
#endif
    *out = sum;
    return RETOUR_OK;
}

static inline int retour__money_mul(int64_t *out, int64_t a, int64_t b)
{
    if (!out)
        return RETOUR_EINVAL;
    int64_t product;
#ifdef RETOUR__OVERFLOW_BUILTINS
    if (__builtin_mul_overflow(a, b, &product))
        return RETOUR_ERANGE;
#else
    /* Compare against the limit divided by one factor, by sign, so nothing overflows. */
    if (a > 0) {
        if (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
            return RETOUR_ERANGE;
    } else if (a < 0) {
        if (b > 0 ? a < INT64_MIN / b : b < 0 && a < INT64_MAX / b)
            return RETOUR_ERANGE;
    }
    product = a * b;
#endif
    *out = product;
    return RETOUR_OK;
}

#endif
