/* Unit tests for lib/base/money.c: currency table, exact parsing and formatting, percentages,
 * and checked arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"
#include "base/money.h"

#define SENTINEL INT64_C(-777)

static int parse(int64_t *out, const char *text, int decimals, char *why, size_t why_size)
{
    return retour__money_parse(out, text, strlen(text), decimals, why, why_size);
}

static void assert_parses(const char *text, int decimals, int64_t expected)
{
    int64_t out = SENTINEL;
    char why[64] = "";
    assert_int_equal(parse(&out, text, decimals, why, sizeof why), RETOUR_OK);
    assert_int_equal(out, expected);
}

/* Asserts the code and the reason; the output must stay untouched. */
static void assert_rejects(const char *text, int decimals, int code, const char *why_expected)
{
    int64_t out = SENTINEL;
    char why[64] = "";
    assert_int_equal(parse(&out, text, decimals, why, sizeof why), code);
    assert_int_equal(out, SENTINEL);
    assert_string_equal(why, why_expected);
    /* why may be NULL. */
    assert_int_equal(parse(&out, text, decimals, NULL, 0), code);
    assert_int_equal(out, SENTINEL);
}

static void assert_formats(int64_t minor, int decimals, const char *expected)
{
    char buf[64];
    memset(buf, 'x', sizeof buf);
    int n = retour__money_format(buf, sizeof buf, minor, decimals);
    assert_string_equal(buf, expected);
    assert_int_equal(n, (int)strlen(expected));
}

static int percent(int32_t *out, const char *text)
{
    return retour__percent_parse(out, text, strlen(text));
}

static void assert_percent(const char *text, int32_t expected)
{
    int32_t out = -1;
    assert_int_equal(percent(&out, text), RETOUR_OK);
    assert_int_equal(out, expected);
}

static void assert_percent_rejects(const char *text, int code)
{
    int32_t out = -1;
    assert_int_equal(percent(&out, text), code);
    assert_int_equal(out, -1);
}

static void assert_mul_bp(int64_t amount, int32_t bp, int64_t expected)
{
    int64_t out = SENTINEL;
    assert_int_equal(retour__money_mul_bp(&out, amount, bp), RETOUR_OK);
    assert_int_equal(out, expected);
}

static void test_currency_find(void **state)
{
    (void)state;
    const retour__currency *c = retour__currency_find("EUR", 3);
    assert_non_null(c);
    assert_string_equal(c->code, "EUR");
    assert_int_equal(c->decimals, 2);
    assert_int_equal(retour__currency_find("JPY", 3)->decimals, 0);
    assert_int_equal(retour__currency_find("KWD", 3)->decimals, 3);
    assert_int_equal(retour__currency_find("HUF", 3)->decimals, 2);
    assert_null(retour__currency_find("eur", 3));
    assert_null(retour__currency_find("Eur", 3));
    assert_null(retour__currency_find("XXX", 3));
    assert_null(retour__currency_find("EU", 2));
    assert_null(retour__currency_find("EURO", 4));
    assert_null(retour__currency_find("", 0));
    assert_null(retour__currency_find(NULL, 3));
    /* Only len bytes are read. */
    assert_non_null(retour__currency_find("EURO", 3));
    assert_null(retour__currency_find("EU\0", 3));
}

static void test_currency_table(void **state)
{
    (void)state;
    /* Every code the brief requires, with its ISO 4217 minor units; a binary search over
     * an unsorted table would miss some of these. */
    static const struct {
        const char *code;
        int decimals;
    } expected[] = {
        {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2},
        {"CLP", 0}, {"CNY", 2}, {"CZK", 2}, {"DKK", 2}, {"EUR", 2}, {"GBP", 2},
        {"HUF", 2}, {"INR", 2}, {"IQD", 3}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0},
        {"KRW", 0}, {"KWD", 3}, {"LYD", 3}, {"MXN", 2}, {"NOK", 2}, {"NZD", 2},
        {"OMR", 3}, {"PLN", 2}, {"RON", 2}, {"SEK", 2}, {"TND", 3}, {"TRY", 2},
        {"USD", 2}, {"ZAR", 2}, {"AED", 2}, {"XPF", 0}, {"VND", 0}, {"HKD", 2},
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const retour__currency *c = retour__currency_find(expected[i].code, 3);
        if (!c)
            fail_msg("%s not found", expected[i].code);
        assert_string_equal(c->code, expected[i].code);
        assert_int_equal(c->decimals, expected[i].decimals);
    }
    /* Neighbours of real codes, before the first and after the last. */
    assert_null(retour__currency_find("AAA", 3));
    assert_null(retour__currency_find("EUS", 3));
    assert_null(retour__currency_find("ZZZ", 3));
}

static void test_parse_ok(void **state)
{
    (void)state;
    assert_parses("499", 2, 49900);
    assert_parses("499.00", 2, 49900);
    assert_parses("499.5", 2, 49950);
    assert_parses("4.95", 2, 495);
    assert_parses("0.5", 2, 50);
    assert_parses("0", 2, 0);
    assert_parses("0.00", 2, 0);
    assert_parses("007", 2, 700);
    assert_parses("100", 0, 100);
    assert_parses("1.234", 3, 1234);
    assert_parses("1.2", 3, 1200);
    assert_parses("92233720368547758.07", 2, INT64_MAX);
    assert_parses("9223372036854775807", 0, INT64_MAX);
    assert_parses("0000000000000000000000000001", 0, 1);
    assert_parses("0.000000000000000001", 18, 1);

    /* Only len bytes are read. */
    int64_t out = 0;
    assert_int_equal(retour__money_parse(&out, "12.34abc", 5, 2, NULL, 0), RETOUR_OK);
    assert_int_equal(out, 1234);
}

static void test_parse_syntax(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "abc", "", "-1", "+1", "1e3", ".5", "5.", "1,000", " 5", "5 ", "1.2.3",
        "1..2", ".", "0x10", "4,95", "1_000", "\xd9\xa1", "Infinity", "NaN",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_rejects(bad[i], 2, RETOUR_ESYNTAX, "not a decimal number");
    /* Shape errors win over too many decimals. */
    assert_rejects("4.955x", 2, RETOUR_ESYNTAX, "not a decimal number");
    /* An embedded NUL inside len is not a digit. */
    int64_t out = SENTINEL;
    assert_int_equal(retour__money_parse(&out, "1\0002", 3, 2, NULL, 0), RETOUR_ESYNTAX);
    assert_int_equal(out, SENTINEL);
}

static void test_parse_range(void **state)
{
    (void)state;
    assert_rejects("4.955", 2, RETOUR_ERANGE, "3 decimals");
    assert_rejects("4.950", 2, RETOUR_ERANGE, "3 decimals");
    assert_rejects("100.0", 0, RETOUR_ERANGE, "1 decimal");
    assert_rejects("1.2345", 3, RETOUR_ERANGE, "4 decimals");
    assert_rejects("92233720368547758.08", 2, RETOUR_ERANGE, "too large");
    assert_rejects("92233720368547759", 2, RETOUR_ERANGE, "too large");
    assert_rejects("9223372036854775808", 0, RETOUR_ERANGE, "too large");
    assert_rejects("99999999999999999999999999", 0, RETOUR_ERANGE, "too large");
    assert_rejects("10", 18, RETOUR_ERANGE, "too large");

    /* A short why buffer is truncated, not overrun. */
    int64_t out = SENTINEL;
    char why[4] = "zzz";
    assert_int_equal(parse(&out, "abc", 2, why, sizeof why), RETOUR_ESYNTAX);
    assert_string_equal(why, "not");
    assert_int_equal(parse(&out, "abc", 2, why, 0), RETOUR_ESYNTAX);
    assert_string_equal(why, "not");
}

static void test_parse_invalid(void **state)
{
    (void)state;
    int64_t out = SENTINEL;
    assert_int_equal(retour__money_parse(NULL, "1", 1, 2, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour__money_parse(&out, NULL, 1, 2, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour__money_parse(&out, "1", 1, -1, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour__money_parse(&out, "1", 1, 19, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(out, SENTINEL);
}

static void test_format(void **state)
{
    (void)state;
    assert_formats(-1250, 2, "-12.50");
    assert_formats(49900, 2, "499.00");
    assert_formats(495, 2, "4.95");
    assert_formats(5, 2, "0.05");
    assert_formats(-5, 2, "-0.05");
    assert_formats(0, 2, "0.00");
    assert_formats(5, 0, "5");
    assert_formats(0, 0, "0");
    assert_formats(1000, 0, "1000");
    assert_formats(-1000, 0, "-1000");
    assert_formats(5, 3, "0.005");
    assert_formats(1234, 3, "1.234");
    assert_formats(INT64_MAX, 2, "92233720368547758.07");
    assert_formats(INT64_MIN, 2, "-92233720368547758.08");
    assert_formats(INT64_MIN, 0, "-9223372036854775808");
    assert_formats(INT64_MIN, 18, "-9.223372036854775808");
    assert_formats(1, 18, "0.000000000000000001");
    assert_formats(-1, 18, "-0.000000000000000001");
}

static void test_format_truncation(void **state)
{
    (void)state;
    /* Like snprintf: returns the full length, writes what fits plus a NUL. */
    char buf[5] = "zzzz";
    assert_int_equal(retour__money_format(buf, sizeof buf, -1250, 2), 6);
    assert_string_equal(buf, "-12.");
    assert_int_equal(retour__money_format(NULL, 0, INT64_MIN, 2), 21);
    char one[1] = {'z'};
    assert_int_equal(retour__money_format(one, 1, 5, 0), 1);
    assert_int_equal(one[0], '\0');
    assert_int_equal(retour__money_format(NULL, 4, 5, 0), -1);
    assert_int_equal(retour__money_format(buf, sizeof buf, 5, -1), -1);
    assert_int_equal(retour__money_format(buf, sizeof buf, 5, 19), -1);
}

static void test_format_parse_round_trip(void **state)
{
    (void)state;
    static const int64_t values[] = {
        0, 1, 9, 10, 99, 100, 101, 49900, 123456789, INT64_MAX - 1, INT64_MAX,
    };
    for (int decimals = 0; decimals <= 18; decimals++) {
        for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
            char buf[32];
            int n = retour__money_format(buf, sizeof buf, values[i], decimals);
            int64_t back = SENTINEL;
            assert_int_equal(retour__money_parse(&back, buf, (size_t)n, decimals, NULL, 0),
                             RETOUR_OK);
            assert_int_equal(back, values[i]);
        }
    }
}

static void test_percent(void **state)
{
    (void)state;
    assert_percent("20%", 2000);
    assert_percent("12.5%", 1250);
    assert_percent("0.25%", 25);
    assert_percent("100%", 10000);
    assert_percent("100.00%", 10000);
    assert_percent("0%", 0);
    assert_percent("0.01%", 1);
    assert_percent("99.99%", 9999);

    assert_percent_rejects("101%", RETOUR_ERANGE);
    assert_percent_rejects("100.01%", RETOUR_ERANGE);
    assert_percent_rejects("1.234%", RETOUR_ERANGE);
    assert_percent_rejects("99999999999999999999%", RETOUR_ERANGE);
    assert_percent_rejects("20", RETOUR_ESYNTAX);
    assert_percent_rejects("-5%", RETOUR_ESYNTAX);
    assert_percent_rejects("+5%", RETOUR_ESYNTAX);
    assert_percent_rejects("%", RETOUR_ESYNTAX);
    assert_percent_rejects("", RETOUR_ESYNTAX);
    assert_percent_rejects("20 %", RETOUR_ESYNTAX);
    assert_percent_rejects(" 20%", RETOUR_ESYNTAX);
    assert_percent_rejects("20%%", RETOUR_ESYNTAX);
    assert_percent_rejects("%20", RETOUR_ESYNTAX);
    assert_percent_rejects(".5%", RETOUR_ESYNTAX);
    assert_percent_rejects("5.%", RETOUR_ESYNTAX);
    assert_percent_rejects("abc%", RETOUR_ESYNTAX);

    int32_t out = -1;
    assert_int_equal(retour__percent_parse(NULL, "20%", 3), RETOUR_EINVAL);
    assert_int_equal(retour__percent_parse(&out, NULL, 3), RETOUR_EINVAL);
    /* Only len bytes are read. */
    assert_int_equal(retour__percent_parse(&out, "20%x", 3), RETOUR_OK);
    assert_int_equal(out, 2000);
}

static void test_mul_bp(void **state)
{
    (void)state;
    assert_mul_bp(999, 5000, 500);    /* 499.5 rounds up */
    assert_mul_bp(-999, 5000, -500);  /* away from zero */
    assert_mul_bp(999, -5000, -500);
    assert_mul_bp(-999, -5000, 500);
    assert_mul_bp(997, 5000, 499);    /* 498.5 -> 499 */
    assert_mul_bp(1, 4999, 0);        /* 0.4999 */
    assert_mul_bp(1, 5000, 1);        /* 0.5 */
    assert_mul_bp(-1, 5000, -1);
    assert_mul_bp(-1, 4999, 0);
    assert_mul_bp(49900, 2000, 9980);
    assert_mul_bp(4995, 1250, 624);   /* 624.375 */
    assert_mul_bp(4996, 1250, 625);   /* 624.5 */
    assert_mul_bp(12345, 10000, 12345);
    assert_mul_bp(12345, 0, 0);
    assert_mul_bp(0, 10000, 0);
    assert_mul_bp(10001, 3333, 3333); /* 3333.3333 */
    assert_mul_bp(-10001, 3333, -3333);
    assert_mul_bp(10015, 5000, 5008); /* 5007.5, remainder part carries the half */
    assert_mul_bp(-10015, 5000, -5008);
    assert_mul_bp(INT64_MAX, 10000, INT64_MAX);
    assert_mul_bp(INT64_MIN, 10000, INT64_MIN);
    assert_mul_bp(INT64_MAX, 5000, INT64_C(4611686018427387904)); /* .5 up */
    assert_mul_bp(INT64_MIN, 5000, INT64_C(-4611686018427387904));
    assert_mul_bp(INT64_MIN, -5000, INT64_C(4611686018427387904));
    assert_mul_bp(INT64_MAX, -10000, -INT64_MAX);
    assert_mul_bp(INT64_C(10000000000000), INT32_MAX, INT64_C(2147483647000000000));

    int64_t out = SENTINEL;
    assert_int_equal(retour__money_mul_bp(&out, INT64_MAX, 10001), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul_bp(&out, INT64_MIN, -10000), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul_bp(&out, INT64_MAX, INT32_MAX), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul_bp(&out, INT64_MIN, INT32_MIN), RETOUR_ERANGE);
    assert_int_equal(out, SENTINEL);
    assert_int_equal(retour__money_mul_bp(NULL, 1, 1), RETOUR_EINVAL);
}

static void test_mul_bp_matches_exact(void **state)
{
    (void)state;
    /* Against a direct computation on small amounts, where amount * bp cannot overflow. */
    static const int32_t bps[] = {0, 1, 25, 1250, 2000, 3333, 4999, 5000, 5001, 9999, 10000};
    for (int64_t amount = -30000; amount <= 30000; amount += 7) {
        for (size_t i = 0; i < sizeof bps / sizeof bps[0]; i++) {
            int64_t product = amount * bps[i];
            int64_t magnitude = product < 0 ? -product : product;
            int64_t rounded = (magnitude + 5000) / 10000;
            int64_t expected = product < 0 ? -rounded : rounded;
            int64_t out = SENTINEL;
            assert_int_equal(retour__money_mul_bp(&out, amount, bps[i]), RETOUR_OK);
            assert_int_equal(out, expected);
        }
    }
}

static void test_add(void **state)
{
    (void)state;
    int64_t out = SENTINEL;
    assert_int_equal(retour__money_add(&out, 495, 5), RETOUR_OK);
    assert_int_equal(out, 500);
    assert_int_equal(retour__money_add(&out, -495, 5), RETOUR_OK);
    assert_int_equal(out, -490);
    assert_int_equal(retour__money_add(&out, INT64_MAX, 0), RETOUR_OK);
    assert_int_equal(out, INT64_MAX);
    assert_int_equal(retour__money_add(&out, INT64_MAX, INT64_MIN), RETOUR_OK);
    assert_int_equal(out, -1);
    assert_int_equal(retour__money_add(&out, INT64_MIN, 0), RETOUR_OK);
    assert_int_equal(out, INT64_MIN);

    out = SENTINEL;
    assert_int_equal(retour__money_add(&out, INT64_MAX, 1), RETOUR_ERANGE);
    assert_int_equal(retour__money_add(&out, 1, INT64_MAX), RETOUR_ERANGE);
    assert_int_equal(retour__money_add(&out, INT64_MIN, -1), RETOUR_ERANGE);
    assert_int_equal(retour__money_add(&out, INT64_MIN, INT64_MIN), RETOUR_ERANGE);
    assert_int_equal(out, SENTINEL);
    assert_int_equal(retour__money_add(NULL, 1, 1), RETOUR_EINVAL);
}

static void test_mul(void **state)
{
    (void)state;
    int64_t out = SENTINEL;
    assert_int_equal(retour__money_mul(&out, 495, 3), RETOUR_OK);
    assert_int_equal(out, 1485);
    assert_int_equal(retour__money_mul(&out, -495, 3), RETOUR_OK);
    assert_int_equal(out, -1485);
    assert_int_equal(retour__money_mul(&out, -495, -3), RETOUR_OK);
    assert_int_equal(out, 1485);
    assert_int_equal(retour__money_mul(&out, 0, INT64_MIN), RETOUR_OK);
    assert_int_equal(out, 0);
    assert_int_equal(retour__money_mul(&out, INT64_MIN, 1), RETOUR_OK);
    assert_int_equal(out, INT64_MIN);
    assert_int_equal(retour__money_mul(&out, INT64_MAX, -1), RETOUR_OK);
    assert_int_equal(out, -INT64_MAX);
    assert_int_equal(retour__money_mul(&out, INT64_C(4611686018427387904), -2), RETOUR_OK);
    assert_int_equal(out, INT64_MIN);
    assert_int_equal(retour__money_mul(&out, INT64_C(3037000499), INT64_C(3037000499)),
                     RETOUR_OK);
    assert_int_equal(out, INT64_C(9223372030926249001));

    out = SENTINEL;
    assert_int_equal(retour__money_mul(&out, INT64_MIN, -1), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, -1, INT64_MIN), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, INT64_MAX, 2), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, INT64_MAX, -2), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, INT64_C(4611686018427387904), 2), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, INT64_C(-4611686018427387905), 2), RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, INT64_C(3037000500), INT64_C(3037000500)),
                     RETOUR_ERANGE);
    assert_int_equal(retour__money_mul(&out, INT64_C(-3037000500), INT64_C(-3037000500)),
                     RETOUR_ERANGE);
    assert_int_equal(out, SENTINEL);
    assert_int_equal(retour__money_mul(NULL, 1, 1), RETOUR_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_currency_find),
        cmocka_unit_test(test_currency_table),
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_syntax),
        cmocka_unit_test(test_parse_range),
        cmocka_unit_test(test_parse_invalid),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_truncation),
        cmocka_unit_test(test_format_parse_round_trip),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_mul_bp),
        cmocka_unit_test(test_mul_bp_matches_exact),
        cmocka_unit_test(test_add),
        cmocka_unit_test(test_mul),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
