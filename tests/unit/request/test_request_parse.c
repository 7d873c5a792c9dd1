/* Unit tests for request parsing (lib/request/request_parse.c): every kind of bad request must fail
 * with its exact code, place, key path and message, leaving the out pointer alone; YAML and
 * JSON spellings of one request must give the same request. The policies requests are read
 * against are loaded once, in the group fixture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"
#include "request/request.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif

typedef struct fixture {
    retour_policy *eur; /* NL, EUR, 30 days, packaging rules, categories */
    retour_policy *jpy; /* NL, JPY: no decimals */
} fixture;

static const char eur_policy[] = "retour: 1\n"
                                 "jurisdiction: NL\n"
                                 "currency: EUR\n"
                                 "withdrawal:\n"
                                 "  days: 30\n"
                                 "packaging:\n"
                                 "  damaged: deduct 10%\n"
                                 "  missing: review\n"
                                 "categories:\n"
                                 "  electronics: {}\n"
                                 "  earrings: { exclusion: hygiene_sealed }\n"
                                 "default_category: electronics\n";

static const char jpy_policy[] = "retour: 1\njurisdiction: NL\ncurrency: JPY\n";

static int group_setup(void **state)
{
    static fixture f;
    retour_error err;
    if (retour_policy_load_string(&f.eur, eur_policy, sizeof eur_policy - 1, "eur.yaml", NULL,
                                  &err) ||
        retour_policy_load_string(&f.jpy, jpy_policy, sizeof jpy_policy - 1, "jpy.yaml", NULL,
                                  &err)) {
        print_error("fixture policy: %s\n", err.message);
        return -1;
    }
    *state = &f;
    return 0;
}

static int group_teardown(void **state)
{
    fixture *f = *state;
    retour_policy_free(f->eur);
    retour_policy_free(f->jpy);
    return 0;
}

#define EUR(state) (((fixture *)*(state))->eur)
#define JPY(state) (((fixture *)*(state))->jpy)

/* A valid request head; items follow. */
#define HEAD "type: withdrawal\nnotified: 2026-03-16\n"
/* One valid item, for requests whose error is elsewhere. */
#define ITEM "items:\n  - sku: A1\n    price: \"10.00\"\n    delivered: 2026-03-03\n"

/* ------------------------------------------------------------------------------------
 * Helpers, reporting at the caller's line.
 * ---------------------------------------------------------------------------------- */

static void check_phrase(const char *message, const char *phrase, int want, const char *file,
                         int line)
{
    if (phrase && (strstr(message, phrase) != NULL) != want) {
        print_error("message \"%s\"\n  %s \"%s\"\n", message, want ? "lacks" : "must not contain",
                    phrase);
        _fail(file, line);
    }
}

/* The byte offset of 1-based (line, column) in ASCII text; (size_t)-1 past the end. */
static size_t offset_of(const char *text, size_t len, int line, int column)
{
    size_t off = 0;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(text + off, '\n', len - off);
        if (nl == NULL)
            return (size_t)-1;
        off = (size_t)(nl - text) + 1;
    }
    return off + (size_t)(column - 1);
}

typedef struct expected {
    int code;
    int line, column;
    const char *path;
    const char *phrase;
    const char *phrase2;
    const char *absent;
} expected;

static void parse_fails(const retour_policy *policy, const char *text, size_t len,
                        const retour_options *options, const expected *x, const char *file,
                        int line)
{
    retour_request *r = NULL;
    retour_error err;
    memset(&err, 0x5a, sizeof err);
    int rc = retour_request_parse(&r, policy, text, len, "request.yaml", options, &err);
    _assert_true(r == NULL, "out was set on failure", file, line);
    if (rc == RETOUR_OK) {
        print_error("parsed, but expected code %d\n", x->code);
        retour_request_free(r);
    }
    _assert_int_equal((uintmax_t)(intmax_t)rc, (uintmax_t)(intmax_t)x->code, file, line);
    _assert_int_equal((uintmax_t)(intmax_t)err.code, (uintmax_t)(intmax_t)x->code, file, line);
    _assert_int_equal((uintmax_t)err.line, (uintmax_t)x->line, file, line);
    _assert_int_equal((uintmax_t)err.column, (uintmax_t)x->column, file, line);
    _assert_string_equal(err.path, x->path, file, line);
    _assert_string_equal(err.file, "request.yaml", file, line);
    check_phrase(err.message, x->phrase, 1, file, line);
    check_phrase(err.message, x->phrase2, 1, file, line);
    check_phrase(err.message, x->absent, 0, file, line);
    check_phrase(err.message, "\n", 0, file, line);
    if (x->line > 0) {
        size_t off = offset_of(text, len, x->line, x->column);
        if (off != (size_t)-1)
            _assert_int_equal(err.offset, off, file, line);
    }
    /* Same result without an error struct. */
    r = NULL;
    rc = retour_request_parse(&r, policy, text, len, "request.yaml", options, NULL);
    _assert_int_equal((uintmax_t)(intmax_t)rc, (uintmax_t)(intmax_t)x->code, file, line);
    _assert_true(r == NULL, "out was set on failure (err NULL)", file, line);
}

/* FAILS(policy, text, code, line, column, path, phrase[, phrase2[, absent]]) */
#define FAILS(policy, text, code, line, column, path, ...)                               \
    FAILS_WITH(policy, NULL, text, code, line, column, path, __VA_ARGS__)

#define FAILS_WITH(policy, options, text, code, line, column, path, ...)                 \
    do {                                                                                 \
        const char *const phrases_[3] = { __VA_ARGS__ };                                 \
        const expected x_ = { (code), (line), (column), (path), phrases_[0], phrases_[1], \
                              phrases_[2] };                                             \
        parse_fails((policy), (text), sizeof(text) - 1, (options), &x_, __FILE__,        \
                    __LINE__);                                                           \
    } while (0)

static retour_request *parse_ok(const retour_policy *policy, const char *text, size_t len)
{
    retour_request *r = NULL;
    retour_error err;
    int rc = retour_request_parse(&r, policy, text, len, "request.yaml", NULL, &err);
    if (rc != RETOUR_OK)
        print_error("unexpected failure %d at %d:%d [%s]: %s\n", rc, err.line, err.column,
                    err.path, err.message);
    assert_int_equal(rc, RETOUR_OK);
    assert_non_null(r);
    assert_int_equal(err.code, RETOUR_OK);
    assert_string_equal(err.message, "");
    return r;
}

#define PARSES(policy, text) parse_ok((policy), (text), sizeof(text) - 1)

static retour_date ymd(int y, int m, int d)
{
    retour_date out = RETOUR_DATE_NONE;
    assert_int_equal(retour_date_from_ymd(&out, y, m, d), RETOUR_OK);
    return out;
}

/* ------------------------------------------------------------------------------------
 * Valid requests
 * ---------------------------------------------------------------------------------- */

static const char yaml_request[] = "type: withdrawal\n"
                                   "ordered: 2026-03-01\n"
                                   "notified: 2026-03-16\n"
                                   "shipping_paid: \"4.95\"\n"
                                   "items:\n"
                                   "  - sku: PHONE-S4\n"
                                   "    category: electronics\n"
                                   "    price: \"499.00\"\n"
                                   "    quantity: 1\n"
                                   "    delivered: 2026-03-03\n"
                                   "    packaging: opened\n"
                                   "  - sku: CASE-1\n"
                                   "    price: 20\n"
                                   "    quantity: 2\n"
                                   "    delivered: 2026-03-04\n"
                                   "    packaging: damaged\n"
                                   "customer: { orders: 4, claims_last_year: 0 }\n";

static const char json_request[] =
    "{\n"
    "  \"type\": \"withdrawal\",\n"
    "  \"ordered\": \"2026-03-01\",\n"
    "  \"notified\": \"2026-03-16\",\n"
    "  \"shipping_paid\": 4.95,\n"
    "  \"items\": [\n"
    "    { \"sku\": \"PHONE-S4\", \"category\": \"electronics\", \"price\": \"499.00\",\n"
    "      \"quantity\": 1, \"delivered\": \"2026-03-03\", \"packaging\": \"opened\" },\n"
    "    { \"sku\": \"CASE-1\", \"price\": 20.00, \"quantity\": 2,\n"
    "      \"delivered\": \"2026-03-04\", \"packaging\": \"damaged\" }\n"
    "  ],\n"
    "  \"customer\": { \"orders\": 4, \"claims_last_year\": 0 }\n"
    "}\n";

static void check_parsed_fields(const retour_request *r)
{
    assert_int_equal(r->type, RETOUR_REQUEST_WITHDRAWAL);
    assert_int_equal(r->ordered, ymd(2026, 3, 1));
    assert_int_equal(r->notified, ymd(2026, 3, 16));
    assert_int_equal(r->last_delivered, RETOUR_DATE_NONE);
    assert_int_equal(r->shipping_paid, 495);
    assert_int_equal(r->whole_order, 1);
    assert_int_equal(r->customer_orders, 4);
    assert_int_equal(r->claims_last_year, 0);
    assert_int_equal(r->count, 2);
    assert_string_equal(r->items[0].sku, "PHONE-S4");
    assert_string_equal(r->items[0].category, "electronics");
    assert_int_equal(r->items[0].price, 49900);
    assert_int_equal(r->items[0].quantity, 1);
    assert_int_equal(r->items[0].delivered, ymd(2026, 3, 3));
    assert_int_equal(r->items[0].packaging, RETOUR_PACKAGING_OPENED);
    assert_string_equal(r->items[1].sku, "CASE-1");
    assert_null(r->items[1].category);
    assert_int_equal(r->items[1].price, 2000);
    assert_int_equal(r->items[1].quantity, 2);
    assert_int_equal(r->items[1].packaging, RETOUR_PACKAGING_DAMAGED);
    assert_string_equal(r->place.file, "request.yaml");
    assert_string_equal(r->items[1].place.file, "request.yaml");
}

/* 499.00 + 2 x 20.00 - 10% of 40.00 + 4.95 shipping (whole order, all accepted). */
#define EXPECTED_REFUND (49900 + 4000 - 400 + 495)

static int64_t evaluate_refund(const retour_policy *policy, const retour_request *r)
{
    retour_decision *d = NULL;
    retour_error err;
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    int rc = retour_evaluate(d, policy, r, &err);
    if (rc)
        print_error("evaluate: %s\n", err.message);
    assert_int_equal(rc, RETOUR_OK);
    assert_int_equal(retour_decision_outcome(d), RETOUR_OUTCOME_PARTIAL);
    assert_int_equal(retour_decision_deductions(d), 400);
    assert_int_equal(retour_decision_shipping_refunded(d), 495);
    int64_t refund = retour_decision_refund(d);
    retour_decision_free(d);
    return refund;
}

static void test_yaml_request(void **state)
{
    retour_request *r = PARSES(EUR(state), yaml_request);
    assert_int_equal(retour_request_item_count(r), 2);
    check_parsed_fields(r);
    assert_int_equal(r->items[0].place.line, 5);   /* 0-based: line 6 */
    assert_int_equal(r->items[0].place.column, 4); /* the item's first key */
    assert_int_equal(evaluate_refund(EUR(state), r), EXPECTED_REFUND);
    retour_request_free(r);
}

static void test_json_request_gives_the_same_request(void **state)
{
    retour_request *r = PARSES(EUR(state), json_request);
    assert_int_equal(retour_request_item_count(r), 2);
    check_parsed_fields(r);
    assert_int_equal(evaluate_refund(EUR(state), r), EXPECTED_REFUND);
    retour_request_free(r);
    /* On one line too. */
    static const char one_line[] =
        "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\","
        "\"price\":\"1.50\",\"delivered\":\"2026-03-10\"},{\"sku\":\"B\",\"price\":3,"
        "\"quantity\":3,\"delivered\":\"2026-03-11\"}]}";
    r = PARSES(EUR(state), one_line);
    assert_int_equal(retour_request_item_count(r), 2);
    retour_decision *d = NULL;
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluate(d, EUR(state), r, NULL), RETOUR_OK);
    assert_int_equal(retour_decision_outcome(d), RETOUR_OUTCOME_ACCEPT);
    assert_int_equal(retour_decision_refund(d), 150 + 900);
    retour_decision_free(d);
    retour_request_free(r);
}

static void test_request_defaults(void **state)
{
    retour_request *r = PARSES(EUR(state), HEAD ITEM);
    assert_int_equal(r->ordered, RETOUR_DATE_NONE);
    assert_int_equal(r->shipping_paid, 0);
    assert_int_equal(r->whole_order, 1);
    assert_int_equal(r->items[0].quantity, 1);
    assert_int_equal(r->items[0].packaging, RETOUR_PACKAGING_UNKNOWN);
    assert_null(r->items[0].category);
    retour_request_free(r);
    /* A complaint needs no delivery date; whole_order and last_delivered are read. */
    r = PARSES(EUR(state), "type: complaint\nnotified: 2026-03-16\nwhole_order: false\n"
                           "last_delivered: 2026-03-05\n"
                           "items:\n  - sku: A1\n    price: 10\n");
    assert_int_equal(r->type, RETOUR_REQUEST_COMPLAINT);
    assert_int_equal(r->whole_order, 0);
    assert_int_equal(r->last_delivered, ymd(2026, 3, 5));
    assert_int_equal(r->items[0].delivered, RETOUR_DATE_NONE);
    retour_request_free(r);
    /* Notified on the order day is fine. */
    r = PARSES(EUR(state), "ordered: 2026-03-16\n" HEAD ITEM);
    assert_int_equal(r->ordered, r->notified);
    retour_request_free(r);
}

static void test_jpy_amounts(void **state)
{
    retour_request *r = PARSES(JPY(state), HEAD "items:\n  - sku: A1\n    price: 1500\n"
                                                "    delivered: 2026-03-03\n");
    assert_int_equal(r->items[0].price, 1500);
    retour_request_free(r);
}

/* ------------------------------------------------------------------------------------
 * Required keys and dates
 * ---------------------------------------------------------------------------------- */

static void test_missing_notified(void **state)
{
    FAILS(EUR(state), "type: withdrawal\n" ITEM, RETOUR_ESCHEMA, 1, 1, "notified",
          "missing required key 'notified' (the day the consumer told the shop)");
    FAILS(EUR(state), "type: withdrawal\nnotified:\n" ITEM, RETOUR_ESCHEMA, 1, 1, "notified",
          "missing required key 'notified'");
    FAILS(EUR(state), "notified: 2026-03-16\n" ITEM, RETOUR_ESCHEMA, 1, 1, "type",
          "missing required key 'type' (withdrawal or complaint)");
    FAILS(EUR(state), HEAD, RETOUR_ESCHEMA, 1, 1, "items",
          "missing required key 'items' (a list of the items returned)");
    FAILS(EUR(state), HEAD "items:\n", RETOUR_ESCHEMA, 1, 1, "items",
          "missing required key 'items'");
}

static void test_bad_dates(void **state)
{
    FAILS(EUR(state), "type: withdrawal\nnotified: 2026-02-30\n" ITEM, RETOUR_ERANGE, 2, 11,
          "notified",
          "'2026-02-30' is not a valid date (years 1 to 9999, real days of the month)");
    FAILS(EUR(state), "type: withdrawal\nnotified: 2025-02-29\n" ITEM, RETOUR_ERANGE, 2, 11,
          "notified", "'2025-02-29' is not a valid date");
    FAILS(EUR(state), "type: withdrawal\nnotified: 2026-13-01\n" ITEM, RETOUR_ERANGE, 2, 11,
          "notified", "'2026-13-01' is not a valid date");
    FAILS(EUR(state), "type: withdrawal\nnotified: 0000-01-01\n" ITEM, RETOUR_ERANGE, 2, 11,
          "notified", "'0000-01-01' is not a valid date");
    /* A leap day is a date. */
    retour_request *r = PARSES(EUR(state), "type: withdrawal\nnotified: 2028-02-29\n"
                                           "items:\n  - sku: A1\n    price: 1\n"
                                           "    delivered: 2028-02-20\n");
    assert_int_equal(r->notified, ymd(2028, 2, 29));
    retour_request_free(r);
}

static void test_dates_in_the_wrong_shape(void **state)
{
    FAILS(EUR(state), "type: withdrawal\nnotified: 16-03-2026\n" ITEM, RETOUR_ESCHEMA, 2, 11,
          "notified", "expected a date YYYY-MM-DD, found '16-03-2026'");
    FAILS(EUR(state), "type: withdrawal\nnotified: 2026-3-16\n" ITEM, RETOUR_ESCHEMA, 2, 11,
          "notified", "expected a date YYYY-MM-DD, found '2026-3-16'");
    FAILS(EUR(state), "type: withdrawal\nnotified: 2026/03/16\n" ITEM, RETOUR_ESCHEMA, 2, 11,
          "notified", "found '2026/03/16'");
    FAILS(EUR(state), "type: withdrawal\nnotified: 2026-03-16T10:00:00\n" ITEM, RETOUR_ESCHEMA,
          2, 11, "notified", "found '2026-03-16T10:00:00'");
    FAILS(EUR(state), "type: withdrawal\nnotified: [2026-03-16]\n" ITEM, RETOUR_ESCHEMA, 2, 11,
          "notified", "expected a date YYYY-MM-DD, found a list");
    FAILS(EUR(state), HEAD "ordered: yesterday\n" ITEM, RETOUR_ESCHEMA, 3, 10, "ordered",
          "expected a date YYYY-MM-DD, found 'yesterday'");
    FAILS(EUR(state), HEAD "last_delivered: 2026-04-31\n" ITEM, RETOUR_ERANGE, 3, 17,
          "last_delivered", "'2026-04-31' is not a valid date");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 3 March\n",
          RETOUR_ESCHEMA, 6, 16, "items[0].delivered", "found '3 March'");
}

static void test_notified_before_ordered(void **state)
{
    FAILS(EUR(state), "type: withdrawal\nordered: 2026-03-20\nnotified: 2026-03-16\n" ITEM,
          RETOUR_ESCHEMA, 3, 11, "notified", "notified is before the order date");
    /* Key order does not matter: the place is still notified's. */
    FAILS(EUR(state), "notified: 2026-03-16\ntype: withdrawal\n" ITEM "ordered: 2026-03-17\n",
          RETOUR_ESCHEMA, 1, 11, "notified", "notified is before the order date");
}

/* ------------------------------------------------------------------------------------
 * Money
 * ---------------------------------------------------------------------------------- */

static void test_price_too_many_decimals(void **state)
{
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: \"4.955\"\n    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 5, 12, "items[0].price",
          "amount '4.955' is invalid: 3 decimals (EUR has 2)");
    /* As a number it is read from its text: the same error. */
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 4.955\n    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 5, 12, "items[0].price", "3 decimals (EUR has 2)");
    /* In the second item. */
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 2026-03-03\n"
                           "  - sku: A2\n    price: 0.001\n    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 8, 12, "items[1].price", "amount '0.001' is invalid: 3 decimals");
    FAILS(JPY(state), HEAD "items:\n  - sku: A1\n    price: 100.5\n    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 5, 12, "items[0].price",
          "amount '100.5' is invalid: 1 decimal (JPY has 0)");
    FAILS(JPY(state), HEAD "items:\n  - sku: A1\n    price: \"100.00\"\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 5, 12, "items[0].price", "2 decimals (JPY has 0)");
    FAILS(EUR(state), HEAD "shipping_paid: \"4.955\"\n" ITEM, RETOUR_ERANGE, 3, 16,
          "shipping_paid", "amount '4.955' is invalid: 3 decimals (EUR has 2)");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 99999999999999999999\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 5, 12, "items[0].price",
          "amount '99999999999999999999' is invalid: too large");
}

static void test_price_not_an_amount(void **state)
{
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: -5.00\n    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price",
          "expected an amount such as \"12.50\" (digits, optional point and up to 2 decimals), "
          "found '-5.00'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: \"\xe2\x82\xac" "5\"\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price", "found '\xe2\x82\xac" "5'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1e3\n    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price", "found '1e3'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1,000.00\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price", "found '1,000.00'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: .5\n    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price", "found '.5'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: [1]\n    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price",
          "expected an amount such as \"12.50\", found a list");
    FAILS(JPY(state), HEAD "items:\n  - sku: A1\n    price: -1\n    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 5, 12, "items[0].price", "up to 0 decimals), found '-1'");
}

/* ------------------------------------------------------------------------------------
 * Items
 * ---------------------------------------------------------------------------------- */

static void test_quantity(void **state)
{
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    quantity: 0\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 6, 15, "items[0].quantity",
          "0 is out of range: expected a whole number from 1 to 1000000");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    quantity: -2\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 6, 15, "items[0].quantity", "-2 is out of range");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    quantity: 1000001\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ERANGE, 6, 15, "items[0].quantity", "1000001 is out of range");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    quantity: 1.5\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 6, 15, "items[0].quantity",
          "expected a whole number from 1 to 1000000, found '1.5'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    quantity: \"2\"\n"
                           "    delivered: 2026-03-03\n",
          RETOUR_ESCHEMA, 6, 15, "items[0].quantity",
          "expected a whole number, found the quoted text \"2\"");
}

static void test_unknown_item_key(void **state)
{
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivred: 2026-03-03\n",
          RETOUR_ESCHEMA, 6, 5, "items[0].delivred",
          "unknown key 'delivred'; did you mean 'delivered'?",
          "(expected one of: sku, category, price, quantity, delivered, packaging, noticed, "
          "cause, customer_admits_damage, remedy, remedy_failed)");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 2026-03-03\n"
                           "  - sku: A2\n    prize: 1\n",
          RETOUR_ESCHEMA, 8, 5, "items[1].prize", "did you mean 'price'?");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    colour: red\n", RETOUR_ESCHEMA, 5, 5,
          "items[0].colour", "unknown key 'colour' (expected one of: sku,", NULL,
          "did you mean");
    /* An unknown key is reported before a missing one. */
    FAILS(EUR(state), HEAD "items:\n  - skus: A1\n", RETOUR_ESCHEMA, 4, 5, "items[0].skus",
          "did you mean 'sku'?");
    /* Keys are case-sensitive; upper case is too far for a suggestion. */
    FAILS(EUR(state), HEAD "items:\n  - SKU: A1\n", RETOUR_ESCHEMA, 4, 5, "items[0].SKU",
          "unknown key 'SKU' (expected one of:", NULL, "did you mean");
}

static void test_missing_item_keys(void **state)
{
    /* A missing key points at the item. */
    FAILS(EUR(state), HEAD "items:\n  - price: 1\n    delivered: 2026-03-03\n", RETOUR_ESCHEMA, 4,
          5, "items[0].sku", "missing required key 'sku' (the item's article number)");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    delivered: 2026-03-03\n", RETOUR_ESCHEMA, 4,
          5, "items[0].price", "missing required key 'price'");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n", RETOUR_ESCHEMA, 4, 5,
          "items[0].delivered",
          "missing required key 'delivered' (the day the consumer received the item)");
    FAILS(EUR(state), HEAD "items:\n  - sku: [A1]\n    price: 1\n", RETOUR_ESCHEMA, 4, 10,
          "items[0].sku", "expected a text value, found a list");
}

static void test_packaging_value(void **state)
{
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 2026-03-03\n"
                           "    packaging: opend\n",
          RETOUR_ESCHEMA, 7, 16, "items[0].packaging",
          "unknown value 'opend'; did you mean 'opened'? (expected one of: sealed, opened, "
          "damaged, missing)");
    /* "unknown" is the unset state, not a value to write. */
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 2026-03-03\n"
                           "    packaging: unknown\n",
          RETOUR_ESCHEMA, 7, 16, "items[0].packaging",
          "unknown value 'unknown' (expected one of: sealed, opened, damaged, missing)", NULL,
          "did you mean");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 2026-03-03\n"
                           "    packaging: Sealed\n",
          RETOUR_ESCHEMA, 7, 16, "items[0].packaging", "did you mean 'sealed'?");
    retour_request *r =
        PARSES(EUR(state), HEAD "items:\n"
                                "  - {sku: A, price: 1, delivered: 2026-03-03, packaging: sealed}\n"
                                "  - {sku: B, price: 1, delivered: 2026-03-03, packaging: missing}\n");
    assert_int_equal(r->items[0].packaging, RETOUR_PACKAGING_SEALED);
    assert_int_equal(r->items[1].packaging, RETOUR_PACKAGING_MISSING);
    retour_request_free(r);
}

static void test_items_shape(void **state)
{
    FAILS(EUR(state), HEAD "items: []\n", RETOUR_ESCHEMA, 3, 8, "items",
          "expected at least one item");
    FAILS(EUR(state), HEAD "items: A1\n", RETOUR_ESCHEMA, 3, 8, "items",
          "expected a list, found a single value");
    FAILS(EUR(state), HEAD "items:\n  sku: A1\n  price: 1\n", RETOUR_ESCHEMA, 4, 3, "items",
          "expected a list, found a mapping");
    FAILS(EUR(state), HEAD "items:\n  - A1\n", RETOUR_ESCHEMA, 4, 5, "items[0]",
          "expected a mapping of keys, found a single value");
    FAILS(EUR(state), HEAD "items:\n  - sku: A1\n    price: 1\n    delivered: 2026-03-03\n"
                           "  - [A2]\n",
          RETOUR_ESCHEMA, 7, 5, "items[1]", "expected a mapping of keys, found a list");
}

static void test_type_and_flags(void **state)
{
    FAILS(EUR(state), "type: withdrawl\nnotified: 2026-03-16\n" ITEM, RETOUR_ESCHEMA, 1, 7,
          "type",
          "unknown value 'withdrawl'; did you mean 'withdrawal'? (expected one of: withdrawal, "
          "complaint)");
    FAILS(EUR(state), "type: return\nnotified: 2026-03-16\n" ITEM, RETOUR_ESCHEMA, 1, 7, "type",
          "unknown value 'return' (expected one of: withdrawal, complaint)");
    FAILS(EUR(state), HEAD "whole_order: yes\n" ITEM, RETOUR_ESCHEMA, 3, 14, "whole_order",
          "expected true or false, found 'yes'");
    FAILS(EUR(state), HEAD "whole_order: \"true\"\n" ITEM, RETOUR_ESCHEMA, 3, 14, "whole_order",
          "expected true or false, found 'true'");
    FAILS(EUR(state), HEAD "notifed: 2026-03-16\n" ITEM, RETOUR_ESCHEMA, 3, 1, "notifed",
          "unknown key 'notifed'; did you mean 'notified'?");
}

static void test_customer(void **state)
{
    FAILS(EUR(state), HEAD "customer:\n  orders: 4\n  claims: 1\n" ITEM, RETOUR_ESCHEMA, 5, 3,
          "customer.claims",
          "unknown key 'claims' (expected one of: orders, claims_last_year, "
          "goodwill_last_year, lifetime_spend, country)");
    FAILS(EUR(state), HEAD "customer:\n  order: 4\n" ITEM, RETOUR_ESCHEMA, 4, 3,
          "customer.order", "unknown key 'order'; did you mean 'orders'?");
    FAILS(EUR(state), HEAD "customer: {orders: -1}\n" ITEM, RETOUR_ERANGE, 3, 20,
          "customer.orders", "-1 is out of range: expected a whole number from 0 to 1000000");
    FAILS(EUR(state), HEAD "customer: {lifetime_spend: 10.001}\n" ITEM, RETOUR_ERANGE, 3, 28,
          "customer.lifetime_spend", "3 decimals (EUR has 2)");
    FAILS(EUR(state), HEAD "customer: 4\n" ITEM, RETOUR_ESCHEMA, 3, 11, "customer",
          "expected a mapping of keys, found a single value");
    retour_request *r = PARSES(EUR(state), HEAD "customer:\n  orders: 7\n  claims_last_year: 2\n"
                                                "  goodwill_last_year: 1\n"
                                                "  lifetime_spend: \"1234.50\"\n" ITEM);
    assert_int_equal(r->customer_orders, 7);
    assert_int_equal(r->claims_last_year, 2);
    assert_int_equal(r->goodwill_last_year, 1);
    assert_int_equal(r->lifetime_spend, 123450);
    retour_request_free(r);
}

/* ------------------------------------------------------------------------------------
 * Document structure and JSON
 * ---------------------------------------------------------------------------------- */

static void test_document_errors(void **state)
{
    FAILS(EUR(state), "", RETOUR_ESCHEMA, 1, 1, "",
          "empty request: expected type, notified and items");
    FAILS(EUR(state), "- a\n- b\n", RETOUR_ESCHEMA, 1, 1, "",
          "expected a mapping of keys, found a list");
    FAILS(EUR(state), HEAD ITEM "notified: 2026-03-17\n", RETOUR_ESCHEMA, 7, 1, "notified",
          "duplicate key 'notified' (first at line 2)");
    FAILS(EUR(state), HEAD "items:\n  - &i {sku: A1, price: 1, delivered: 2026-03-03}\n",
          RETOUR_ESYNTAX, 4, 5, "items[0]", "anchors (&i) are not allowed");
    FAILS(EUR(state), HEAD ITEM "---\n", RETOUR_ESYNTAX, 7, 1, "", "a second YAML document");
    FAILS(EUR(state), "type: withdrawal\nnotified: 2026-03-16\xff\n" ITEM, RETOUR_ESYNTAX, 2,
          21, "", "invalid leading UTF-8 octet");
}

static void test_json_syntax_error(void **state)
{
    /* A missing comma between two members. */
    FAILS(EUR(state),
          "{\"type\": \"withdrawal\",\n \"notified\": \"2026-03-16\",\n \"items\": [\n"
          "  {\"sku\": \"A1\" \"price\": \"10.00\"}\n ]\n}\n",
          RETOUR_ESYNTAX, 4, 16, "items[0]",
          "YAML syntax: did not find expected ',' or '}' while parsing a flow mapping");
    /* An unclosed object: found at the end of the input. */
    FAILS(EUR(state),
          "{\"type\": \"withdrawal\",\n \"notified\": \"2026-03-16\",\n \"items\": [\n"
          "  {\"sku\": \"A1\", \"price\": \"10.00\", \"delivered\": \"2026-03-03\"}\n ]\n",
          RETOUR_ESYNTAX, 6, 1, "",
          "did not find expected ',' or '}' while parsing a flow mapping");
    /* JSON types are checked like YAML's: a quoted bool is text. */
    FAILS(EUR(state),
          "{\"type\": \"withdrawal\", \"notified\": \"2026-03-16\", \"whole_order\": \"true\","
          " \"items\": [{\"sku\": \"A1\", \"price\": 10, \"delivered\": \"2026-03-03\"}]}",
          RETOUR_ESCHEMA, 1, 65, "whole_order", "expected true or false, found 'true'");
    FAILS(EUR(state),
          "{\"type\": \"withdrawal\", \"notified\": \"2026-03-16\", \"items\": [{\"sku\": \"A1\","
          " \"price\": 10, \"quantity\": 0, \"delivered\": \"2026-03-03\"}]}",
          RETOUR_ERANGE, 1, 99, "items[0].quantity", "0 is out of range");
}

/* ------------------------------------------------------------------------------------
 * Limits, arguments, files
 * ---------------------------------------------------------------------------------- */

static void test_limits(void **state)
{
    retour_options o = RETOUR_OPTIONS_INIT;
    /* Three keys at the top, three in each item, four items: only the list is too long. */
    o.max_items = 3;
    FAILS_WITH(EUR(state), &o,
               HEAD "items:\n  - {sku: A, price: 1, delivered: 2026-03-03}\n"
                    "  - {sku: B, price: 1, delivered: 2026-03-03}\n"
                    "  - {sku: C, price: 1, delivered: 2026-03-03}\n"
                    "  - {sku: D, price: 1, delivered: 2026-03-03}\n",
               RETOUR_ELIMIT, 4, 3, "items", "more than 3 entries in one list or mapping");
    /* With 2, the first item's mapping is too large already. */
    o.max_items = 2;
    FAILS_WITH(EUR(state), &o, HEAD "items:\n  - {sku: A, price: 1, delivered: 2026-03-03}\n",
               RETOUR_ELIMIT, 4, 5, "items[0]", "more than 2 entries in one list or mapping");
    o.max_items = 0;
    o.max_depth = 3;
    FAILS_WITH(EUR(state), &o, HEAD ITEM, RETOUR_ELIMIT, 4, 5, "items[0]",
               "nesting deeper than 3 levels");
    o.max_depth = 0;
    o.max_input_bytes = 16;
    FAILS_WITH(EUR(state), &o, HEAD ITEM, RETOUR_ELIMIT, 1, 1, "",
               "input of 102 bytes exceeds the limit of 16 bytes");
}

static void test_null_arguments(void **state)
{
    static const char text[] = HEAD ITEM;
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_parse(NULL, EUR(state), text, sizeof text - 1, NULL, NULL,
                                          &err),
                     RETOUR_EINVAL);
    assert_int_equal(err.code, RETOUR_EINVAL);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.path, "");
    assert_non_null(strstr(err.message, "must not be NULL"));
    assert_int_equal(retour_request_parse(&r, NULL, text, sizeof text - 1, NULL, NULL, &err),
                     RETOUR_EINVAL);
    assert_null(r);
    assert_int_equal(retour_request_parse(&r, EUR(state), NULL, 3, NULL, NULL, &err),
                     RETOUR_EINVAL);
    assert_null(r);
    /* NULL text with length 0 is an empty request. */
    assert_int_equal(retour_request_parse(&r, EUR(state), NULL, 0, NULL, NULL, &err),
                     RETOUR_ESCHEMA);
    assert_null(r);
    assert_string_equal(err.file, "<string>");
    assert_non_null(strstr(err.message, "empty request"));
    /* err may be NULL. */
    assert_int_equal(retour_request_parse(NULL, EUR(state), text, sizeof text - 1, NULL, NULL,
                                          NULL),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_parse(&r, EUR(state), text, sizeof text - 1, NULL, NULL,
                                          NULL),
                     RETOUR_OK);
    assert_non_null(r);
    assert_string_equal(r->place.file, "<string>");
    retour_request_free(r);
    retour_request_free(NULL);
    assert_int_equal(retour_request_item_count(NULL), 0);
    /* Options of another version. */
    retour_options o = RETOUR_OPTIONS_INIT;
    o.version = 99;
    r = NULL;
    assert_int_equal(retour_request_parse(&r, EUR(state), text, sizeof text - 1, NULL, &o,
                                          &err),
                     RETOUR_EINVAL);
    assert_null(r);
    assert_int_equal(err.code, RETOUR_EINVAL);
}

static void test_load_file(void **state)
{
    const char *missing = RETOUR_TEST_DATA "/requests/does-not-exist.yaml";
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_load_file(&r, EUR(state), missing, NULL, &err), RETOUR_EIO);
    assert_null(r);
    assert_int_equal(err.code, RETOUR_EIO);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.file, missing);
    assert_non_null(strstr(err.message, "cannot open"));
    assert_int_equal(retour_request_load_file(&r, EUR(state), NULL, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_request_load_file(&r, NULL, missing, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_request_load_file(NULL, EUR(state), missing, NULL, &err),
                     RETOUR_EINVAL);
    /* A policy is not a request: the error names the file and the first unknown key. */
    const char *policy_file = RETOUR_TEST_DATA "/policies/jeweller.yaml";
    assert_int_equal(retour_request_load_file(&r, EUR(state), policy_file, NULL, &err),
                     RETOUR_ESCHEMA);
    assert_null(r);
    assert_string_equal(err.file, policy_file);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 1);
    assert_string_equal(err.path, "retour");
    assert_non_null(strstr(err.message, "unknown key 'retour'"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yaml_request),
        cmocka_unit_test(test_json_request_gives_the_same_request),
        cmocka_unit_test(test_request_defaults),
        cmocka_unit_test(test_jpy_amounts),
        cmocka_unit_test(test_missing_notified),
        cmocka_unit_test(test_bad_dates),
        cmocka_unit_test(test_dates_in_the_wrong_shape),
        cmocka_unit_test(test_notified_before_ordered),
        cmocka_unit_test(test_price_too_many_decimals),
        cmocka_unit_test(test_price_not_an_amount),
        cmocka_unit_test(test_quantity),
        cmocka_unit_test(test_unknown_item_key),
        cmocka_unit_test(test_missing_item_keys),
        cmocka_unit_test(test_packaging_value),
        cmocka_unit_test(test_items_shape),
        cmocka_unit_test(test_type_and_flags),
        cmocka_unit_test(test_customer),
        cmocka_unit_test(test_document_errors),
        cmocka_unit_test(test_json_syntax_error),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_load_file),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
