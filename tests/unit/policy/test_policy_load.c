/* Unit tests for policy loading (lib/policy/policy_load.c on top of lib/policy/yaml_tree.c and
 * lib/policy/schema.c): every kind of bad input must fail with its exact code, place (line,
 * column, byte offset), key path and message, and must leave the out pointer alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"
#include "policy/policy.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif

#define DATA(name) RETOUR_TEST_DATA "/policies/" name

/* The smallest lawful policy: everything else takes the law's value. */
#define HEAD "retour: 1\njurisdiction: NL\ncurrency: EUR\n"

/* ------------------------------------------------------------------------------------
 * Helpers. They report failures at the caller's line (cmocka's _assert_* take one).
 * ---------------------------------------------------------------------------------- */

static void check_phrase(const char *message, const char *phrase, const char *file, int line)
{
    if (phrase && strstr(message, phrase) == NULL) {
        print_error("message \"%s\"\n  lacks \"%s\"\n", message, phrase);
        _fail(file, line);
    }
}

static void check_no_phrase(const char *message, const char *phrase, const char *file, int line)
{
    if (phrase && strstr(message, phrase) != NULL) {
        print_error("message \"%s\"\n  must not contain \"%s\"\n", message, phrase);
        _fail(file, line);
    }
}

/* The byte offset of 1-based (line, column) in text, counting columns in bytes; or
 * (size_t)-1 when text has no such line (libyaml puts end-of-input on a line of its own). */
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

/* Everything one failing load must report. */
typedef struct expected {
    int code;
    int line, column;
    const char *path;
    const char *phrase;  /* must occur in the message */
    const char *phrase2; /* a second one, or NULL */
    const char *absent;  /* must not occur, or NULL */
} expected;

static void check_error(const retour_error *err, int rc, const expected *x, const char *text,
                        size_t len, const char *name, const char *file, int line)
{
    _assert_int_equal((uintmax_t)(intmax_t)rc, (uintmax_t)(intmax_t)x->code, file, line);
    _assert_int_equal((uintmax_t)(intmax_t)err->code, (uintmax_t)(intmax_t)x->code, file, line);
    _assert_int_equal((uintmax_t)err->line, (uintmax_t)x->line, file, line);
    _assert_int_equal((uintmax_t)err->column, (uintmax_t)x->column, file, line);
    _assert_string_equal(err->path, x->path, file, line);
    _assert_string_equal(err->file, name, file, line);
    check_phrase(err->message, x->phrase, file, line);
    check_phrase(err->message, x->phrase2, file, line);
    check_no_phrase(err->message, x->absent, file, line);
    /* One line, no trailing newline. */
    check_no_phrase(err->message, "\n", file, line);
    _assert_true(strlen(err->message) > 0, "message is empty", file, line);
    /* For ASCII text before the error the byte offset agrees with line and column. */
    if (text && x->line > 0) {
        size_t off = offset_of(text, len, x->line, x->column);
        if (off != (size_t)-1)
            _assert_int_equal(err->offset, off, file, line);
    }
}

/* Loads text (the literal's bytes, embedded NULs and all) and checks the failure. */
static void load_fails(const char *text, size_t len, const retour_options *options,
                       const expected *x, const char *file, int line)
{
    retour_policy *p = NULL;
    retour_error err;
    memset(&err, 0x5a, sizeof err); /* no stale field may survive */
    int rc = retour_policy_load_string(&p, text, len, "policy.yaml", options, &err);
    _assert_true(p == NULL, "out was set on failure", file, line);
    if (rc == RETOUR_OK)
        retour_policy_free(p);
    check_error(&err, rc, x, text, len, "policy.yaml", file, line);
    /* The same failure with no error struct. */
    p = NULL;
    int rc2 = retour_policy_load_string(&p, text, len, "policy.yaml", options, NULL);
    _assert_int_equal((uintmax_t)(intmax_t)rc2, (uintmax_t)(intmax_t)x->code, file, line);
    _assert_true(p == NULL, "out was set on failure (err NULL)", file, line);
}

/* FAILS(text, code, line, column, path, phrase[, phrase2[, absent]]): the literal's bytes,
 * embedded NULs and all, must fail exactly so. Unused trailing fields are NULL. */
#define FAILS(text, code, line, column, path, ...)                                       \
    FAILS_WITH(NULL, text, code, line, column, path, __VA_ARGS__)

#define FAILS_WITH(options, text, code, line, column, path, ...)                         \
    do {                                                                                 \
        const char *const phrases_[3] = { __VA_ARGS__ };                                 \
        const expected x_ = { (code), (line), (column), (path), phrases_[0], phrases_[1], \
                              phrases_[2] };                                             \
        load_fails((text), sizeof(text) - 1, (options), &x_, __FILE__, __LINE__);        \
    } while (0)

static retour_policy *load_ok(const char *text, size_t len, const retour_options *options)
{
    retour_policy *p = NULL;
    retour_error err;
    int rc = retour_policy_load_string(&p, text, len, "policy.yaml", options, &err);
    if (rc != RETOUR_OK)
        print_error("unexpected failure: %d %d:%d [%s] %s\n", rc, err.line, err.column,
                    err.path, err.message);
    assert_int_equal(rc, RETOUR_OK);
    assert_non_null(p);
    /* A successful call leaves the error cleared. */
    assert_int_equal(err.code, RETOUR_OK);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "");
    return p;
}

#define LOADS(text) load_ok((text), sizeof(text) - 1, NULL)

/* ------------------------------------------------------------------------------------
 * Successful loads
 * ---------------------------------------------------------------------------------- */

static void test_minimal_policy_has_the_laws_defaults(void **state)
{
    (void)state;
    retour_policy *p = LOADS(HEAD);
    assert_string_equal(retour_policy_jurisdiction(p), "NL");
    assert_string_equal(retour_policy_currency(p), "EUR");
    assert_int_equal(retour_policy_currency_decimals(p), 2);
    assert_string_equal(retour_policy_shop(p), "");
    /* The law's figures: 14 days from delivery, informed, 14 to return, 14 to refund. */
    assert_int_equal(p->days, 14);
    assert_int_equal(p->starts, RETOUR__START_DELIVERY);
    assert_int_equal(p->informed, 1);
    assert_int_equal(p->return_days, 14);
    assert_int_equal(p->refund_days, 14);
    assert_int_equal(p->return_shipping, RETOUR_PAYER_CUSTOMER);
    assert_int_equal(p->refund_outbound, 1);
    assert_int_equal(p->damaged.action, RETOUR__PKG_ACCEPT);
    assert_int_equal(p->missing.action, RETOUR__PKG_ACCEPT);
    assert_int_equal(p->category_count, 0);
    assert_int_equal(p->default_category, -1);
    /* Defaulted values have no place in the file. */
    assert_int_equal(p->src_days.line, 0);
    assert_int_equal(p->src_informed.line, 0);
    /* The jurisdiction's line is kept for reasons. */
    assert_int_equal(p->src_jurisdiction.line, 2);
    assert_int_equal(p->src_jurisdiction.column, 15);
    assert_string_equal(p->file, "policy.yaml");
    /* NL citations: national article first, then the directive. */
    assert_string_equal(p->law_period, "BW 6:230o; Directive 2011/83/EU art. 9");
    assert_string_equal(p->law_refund, "BW 6:230r(1); Directive 2011/83/EU art. 13(1)");
    assert_string_equal(p->law_exception[RETOUR__EXCL_PERSONALISED],
                        "Directive 2011/83/EU art. 16(c)");

    /* And it decides like the law: 14 days from delivery. */
    retour_request *r = NULL;
    retour_decision *d = NULL;
    retour_date delivered, notified, deadline;
    assert_int_equal(retour_date_from_ymd(&delivered, 2026, 3, 3), RETOUR_OK);
    assert_int_equal(retour_date_from_ymd(&notified, 2026, 3, 17), RETOUR_OK);
    assert_int_equal(retour_date_from_ymd(&deadline, 2026, 3, 17), RETOUR_OK);
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(r, notified), RETOUR_OK);
    assert_int_equal(retour_request_add_item(r, NULL, "A1", NULL, 1000, 1, delivered,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluate(d, p, r, NULL), RETOUR_OK);
    assert_int_equal(retour_decision_outcome(d), RETOUR_OUTCOME_ACCEPT);
    assert_int_equal(retour_decision_basis(d), RETOUR_BASIS_WITHDRAWAL_RIGHT);
    assert_int_equal(retour_decision_withdrawal_deadline(d), deadline);
    assert_int_equal(retour_decision_refund(d), 1000);
    retour_decision_free(d);
    retour_request_free(r);
    retour_policy_free(p);
}

static void test_currency_decimals(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *code;
        int decimals;
    } cases[] = {
        { "retour: 1\njurisdiction: NL\ncurrency: JPY\n", "JPY", 0 },
        { "retour: 1\njurisdiction: EU\ncurrency: KWD\n", "KWD", 3 },
        { "retour: 1\njurisdiction: SE\ncurrency: SEK\n", "SEK", 2 },
        { "retour: 1\njurisdiction: UK\ncurrency: GBP\n", "GBP", 2 },
        { "retour: 1\njurisdiction: none\ncurrency: \"USD\"\n", "USD", 2 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        retour_policy *p = load_ok(cases[i].text, strlen(cases[i].text), NULL);
        assert_string_equal(retour_policy_currency(p), cases[i].code);
        assert_int_equal(retour_policy_currency_decimals(p), cases[i].decimals);
        retour_policy_free(p);
    }
    retour_policy *p = load_ok("retour: 1\njurisdiction: none\ncurrency: JPY\n", 42, NULL);
    assert_string_equal(retour_policy_jurisdiction(p), "none");
    /* No statutory right: no citations at all. */
    assert_null(p->law_period);
    assert_null(p->law_exception[RETOUR__EXCL_PERSONALISED]);
    retour_policy_free(p);
    /* Accessors on NULL. */
    assert_int_equal(retour_policy_currency_decimals(NULL), -1);
    assert_string_equal(retour_policy_currency(NULL), "");
    assert_string_equal(retour_policy_jurisdiction(NULL), "");
    assert_string_equal(retour_policy_shop(NULL), "");
    retour_policy_free(NULL);
}

static void test_complete_policy_values(void **state)
{
    (void)state;
    retour_policy *p = LOADS(HEAD "shop: \"Juwelier \\u00e9\"\n"
                                  "withdrawal:\n"
                                  "  days: 30\n"
                                  "  starts: order\n"
                                  "  informed: false\n"
                                  "  return_within_days: 21\n"
                                  "  refund_within_days: 7\n"
                                  "  return_shipping: shop\n"
                                  "  refund_outbound_shipping: false\n"
                                  "packaging:\n"
                                  "  damaged: deduct 12.5%\n"
                                  "  missing: deduct 5.00\n"
                                  "categories:\n"
                                  "  jewellery: {}\n"
                                  "  earrings: { exclusion: hygiene_sealed }\n"
                                  "  engraved:\n"
                                  "    exclusion: personalised\n"
                                  "    exclusion_waived: true\n"
                                  "  sale: { returnable: false }\n"
                                  "  plain:\n"
                                  "default_category: sale\n");
    assert_string_equal(retour_policy_shop(p), "Juwelier \xc3\xa9");
    assert_int_equal(p->days, 30);
    assert_int_equal(p->src_days.line, 6);
    assert_int_equal(p->src_days.column, 9);
    assert_int_equal(p->starts, RETOUR__START_ORDER);
    assert_int_equal(p->informed, 0);
    assert_int_equal(p->return_days, 21);
    assert_int_equal(p->refund_days, 7);
    assert_int_equal(p->return_shipping, RETOUR_PAYER_SHOP);
    assert_int_equal(p->refund_outbound, 0);
    assert_int_equal(p->damaged.action, RETOUR__PKG_DEDUCT_PERCENT);
    assert_int_equal(p->damaged.basis_points, 1250);
    assert_int_equal(p->damaged.src.line, 14);
    assert_int_equal(p->damaged.src.column, 12);
    assert_int_equal(p->missing.action, RETOUR__PKG_DEDUCT_AMOUNT);
    assert_int_equal(p->missing.amount, 500);
    assert_int_equal(p->category_count, 5);
    assert_string_equal(p->categories[0].name, "jewellery");
    assert_int_equal(p->categories[0].exclusion, RETOUR__EXCL_NONE);
    assert_int_equal(p->categories[0].returnable, 1);
    assert_string_equal(p->categories[1].name, "earrings");
    assert_int_equal(p->categories[1].exclusion, RETOUR__EXCL_HYGIENE_SEALED);
    assert_int_equal(p->categories[1].src_exclusion.line, 18);
    assert_int_equal(p->categories[1].src_exclusion.column, 26);
    assert_int_equal(p->categories[2].exclusion, RETOUR__EXCL_PERSONALISED);
    assert_int_equal(p->categories[2].waived, 1);
    assert_int_equal(p->categories[3].returnable, 0);
    assert_string_equal(p->categories[4].name, "plain");
    assert_int_equal(p->categories[4].exclusion, RETOUR__EXCL_NONE);
    assert_int_equal(p->default_category, 3);
    /* Not informed: the extension is cited. */
    assert_string_equal(p->law_extension, "BW 6:230o; Directive 2011/83/EU art. 10(1)");
    retour_policy_free(p);
}

static void test_explicit_nulls_take_defaults(void **state)
{
    (void)state;
    retour_policy *p = LOADS(HEAD "shop: ~\nwithdrawal:\n  days: null\npackaging:\n"
                                  "categories: ~\ndefault_category:\n");
    assert_int_equal(p->days, 14);
    assert_string_equal(retour_policy_shop(p), "");
    assert_int_equal(p->category_count, 0);
    assert_int_equal(p->default_category, -1);
    retour_policy_free(p);
}

static void test_not_nul_terminated(void **state)
{
    (void)state;
    /* Only len bytes are read: the garbage after them is never seen. */
    static const char text[] = HEAD "withdrawal: {days: 20}\n<<<garbage";
    retour_policy *p = load_ok(text, sizeof text - 1 - strlen("<<<garbage"), NULL);
    assert_int_equal(p->days, 20);
    retour_policy_free(p);
    /* Without the final newline too. */
    p = load_ok(HEAD "shop: x", sizeof(HEAD "shop: x") - 1, NULL);
    assert_string_equal(retour_policy_shop(p), "x");
    retour_policy_free(p);
}

static void test_json_policy(void **state)
{
    (void)state;
    retour_policy *p = LOADS("{\"retour\": 1, \"jurisdiction\": \"DE\", \"currency\": \"EUR\",\n"
                             " \"withdrawal\": {\"days\": 30, \"informed\": true}}\n");
    assert_string_equal(retour_policy_jurisdiction(p), "DE");
    assert_int_equal(p->days, 30);
    retour_policy_free(p);
}

/* ------------------------------------------------------------------------------------
 * Unknown keys
 * ---------------------------------------------------------------------------------- */

static void test_unknown_top_level_key(void **state)
{
    (void)state;
    FAILS(HEAD "withdrawl:\n  days: 30\n", RETOUR_ESCHEMA, 4, 1, "withdrawl",
          "unknown key 'withdrawl'; did you mean 'withdrawal'?",
          "(expected one of: retour, shop, jurisdiction, currency, withdrawal, packaging, "
          "categories, default_category, complaints, goodwill, review, sells_to, versions, markets)");
    FAILS(HEAD "default-category: x\n", RETOUR_ESCHEMA, 4, 1, "default-category",
          "did you mean 'default_category'?");
    /* Nothing close: no suggestion, only the list. */
    FAILS(HEAD "colour: red\n", RETOUR_ESCHEMA, 4, 1, "colour",
          "unknown key 'colour' (expected one of: retour, shop,", NULL, "did you mean");
    /* Keys are case-sensitive. */
    FAILS("Retour: 1\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 1, "Retour",
          "did you mean 'retour'?");
}

static void test_unknown_nested_key(void **state)
{
    (void)state;
    FAILS(HEAD "withdrawal:\n  dayz: 30\n", RETOUR_ESCHEMA, 5, 3, "withdrawal.dayz",
          "unknown key 'dayz'; did you mean 'days'?",
          "(expected one of: days, starts, informed, return_within_days, refund_within_days, "
          "return_shipping, refund_outbound_shipping, reason_required, restocking_fee, condition, "
          "counting, refund_counted_from, refund_withheld_until, timely_when, requires, refund_method, return_risk, function)");
    FAILS(HEAD "withdrawal:\n  days: 30\n  refund_within_day: 7\n", RETOUR_ESCHEMA, 6, 3,
          "withdrawal.refund_within_day", "did you mean 'refund_within_days'?");
    /* "opened" exists so that the lint can judge it; a misspelling is still an error. */
    FAILS(HEAD "packaging:\n  openned: deduct 10%\n", RETOUR_ESCHEMA, 5, 3,
          "packaging.openned", "unknown key 'openned'; did you mean 'opened'? (expected one of: "
          "opened, damaged, missing)", NULL, NULL);
    FAILS(HEAD "categories:\n  earrings:\n    exclusoin: hygiene_sealed\n", RETOUR_ESCHEMA, 6,
          5, "categories.earrings.exclusoin", "did you mean 'exclusion'?");
    /* In flow style the column is the key's own. */
    FAILS(HEAD "withdrawal: {days: 30, start: order}\n", RETOUR_ESCHEMA, 4, 24,
          "withdrawal.start", "did you mean 'starts'?");
}

/* ------------------------------------------------------------------------------------
 * Wrong types and ranges
 * ---------------------------------------------------------------------------------- */

static void test_days_wrong_type(void **state)
{
    (void)state;
    FAILS(HEAD "withdrawal:\n  days: \"fourteen\"\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "expected a whole number from 0 to 3650, found 'fourteen'");
    FAILS(HEAD "withdrawal:\n  days: fourteen\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "expected a whole number from 0 to 3650, found 'fourteen'");
    FAILS(HEAD "withdrawal:\n  days: [1]\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "expected a whole number, found a list");
    FAILS(HEAD "withdrawal:\n  days: {n: 1}\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "expected a whole number, found a mapping");
    /* A number in quotes is text, not a number. */
    FAILS(HEAD "withdrawal:\n  days: \"14\"\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "expected a whole number, found the quoted text \"14\"");
    FAILS(HEAD "withdrawal:\n  days: 14.5\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "found '14.5'");
    FAILS(HEAD "withdrawal:\n  days: +14\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "found '+14'");
    FAILS(HEAD "withdrawal:\n  days: 0x10\n", RETOUR_ESCHEMA, 5, 9, "withdrawal.days",
          "found '0x10'");
    FAILS(HEAD "withdrawal: 30\n", RETOUR_ESCHEMA, 4, 13, "withdrawal",
          "expected a mapping of keys, found a single value");
}

static void test_days_out_of_range(void **state)
{
    (void)state;
    FAILS(HEAD "withdrawal:\n  days: -3\n", RETOUR_ERANGE, 5, 9, "withdrawal.days",
          "-3 is out of range: expected a whole number from 0 to 3650");
    FAILS(HEAD "withdrawal:\n  days: 100000\n", RETOUR_ERANGE, 5, 9, "withdrawal.days",
          "100000 is out of range: expected a whole number from 0 to 3650");
    FAILS(HEAD "withdrawal:\n  days: 3651\n", RETOUR_ERANGE, 5, 9, "withdrawal.days",
          "3651 is out of range");
    /* Far beyond long: still a range error, not an overflow. */
    FAILS(HEAD "withdrawal:\n  days: 99999999999999999999999\n", RETOUR_ERANGE, 5, 9,
          "withdrawal.days", "99999999999999999999999 is out of range");
    FAILS(HEAD "withdrawal:\n  return_within_days: 0\n", RETOUR_ERANGE, 5, 23,
          "withdrawal.return_within_days", "from 1 to 365");
    FAILS(HEAD "withdrawal:\n  refund_within_days: 366\n", RETOUR_ERANGE, 5, 23,
          "withdrawal.refund_within_days", "366 is out of range: expected a whole number "
                                           "from 1 to 365");
    /* The bounds themselves are fine. */
    retour_policy *p = LOADS(HEAD "withdrawal:\n  days: 3650\n  return_within_days: 365\n"
                                  "  refund_within_days: 1\n");
    assert_int_equal(p->days, 3650);
    assert_int_equal(p->return_days, 365);
    assert_int_equal(p->refund_days, 1);
    retour_policy_free(p);
    p = LOADS(HEAD "withdrawal:\n  days: 0\n");
    assert_int_equal(p->days, 0);
    retour_policy_free(p);
    p = LOADS(HEAD "withdrawal:\n  days: -0\n");
    assert_int_equal(p->days, 0);
    retour_policy_free(p);
}

static void test_bool_values(void **state)
{
    (void)state;
    FAILS(HEAD "withdrawal:\n  informed: yes\n", RETOUR_ESCHEMA, 5, 13, "withdrawal.informed",
          "expected true or false, found 'yes'");
    FAILS(HEAD "withdrawal:\n  informed: \"true\"\n", RETOUR_ESCHEMA, 5, 13,
          "withdrawal.informed", "expected true or false, found 'true'");
    FAILS(HEAD "withdrawal:\n  informed: True\n", RETOUR_ESCHEMA, 5, 13, "withdrawal.informed",
          "found 'True'");
    FAILS(HEAD "withdrawal:\n  informed: 1\n", RETOUR_ESCHEMA, 5, 13, "withdrawal.informed",
          "found '1'");
    FAILS(HEAD "withdrawal:\n  informed: []\n", RETOUR_ESCHEMA, 5, 13, "withdrawal.informed",
          "expected true or false, found a list");
    FAILS(HEAD "categories:\n  sale: {returnable: no}\n", RETOUR_ESCHEMA, 5, 22,
          "categories.sale.returnable", "expected true or false, found 'no'");
}

static void test_enum_values(void **state)
{
    (void)state;
    FAILS(HEAD "withdrawal:\n  starts: Delivery\n", RETOUR_ESCHEMA, 5, 11, "withdrawal.starts",
          "unknown value 'Delivery'; did you mean 'delivery'? (expected one of: delivery, "
          "order)");
    FAILS(HEAD "withdrawal:\n  return_shipping: merchant\n", RETOUR_ESCHEMA, 5, 20,
          "withdrawal.return_shipping",
          "unknown value 'merchant' (expected one of: customer, shop)", NULL, "did you mean");
    FAILS(HEAD "withdrawal:\n  starts: [delivery]\n", RETOUR_ESCHEMA, 5, 11,
          "withdrawal.starts", "expected one of: delivery, order; found a list");
}

/* The clauses real shops write (issue 19): each value as listed, anything else an error
 * naming the place, the key and the values expected. */
static void test_clause_values(void **state)
{
    (void)state;
    retour_policy *p = LOADS(HEAD "withdrawal:\n  counting: working_days\n"
                                  "  refund_counted_from: goods_received\n"
                                  "  refund_withheld_until: goods_or_proof_of_dispatch\n"
                                  "  timely_when: goods_sent\n");
    retour_policy_free(p);
    FAILS(HEAD "withdrawal:\n  counting: workdays\n", RETOUR_ESCHEMA, 5, 13,
          "withdrawal.counting",
          "unknown value 'workdays' (expected one of: calendar_days, working_days)");
    FAILS(HEAD "withdrawal:\n  refund_counted_from: receipt\n", RETOUR_ESCHEMA, 5, 24,
          "withdrawal.refund_counted_from",
          "(expected one of: notification, goods_received)");
    FAILS(HEAD "withdrawal:\n  refund_withheld_until: goods\n", RETOUR_ESCHEMA, 5, 26,
          "withdrawal.refund_withheld_until",
          "(expected one of: nothing, goods_or_proof_of_dispatch, goods_received)");
    FAILS(HEAD "withdrawal:\n  timely_when: goods_send\n", RETOUR_ESCHEMA, 5, 16,
          "withdrawal.timely_when",
          "unknown value 'goods_send'; did you mean 'goods_sent'? (expected one of: notified, "
          "goods_sent, goods_received)");
    /* Restocking fees: every form, the policy's and a category's. */
    p = LOADS(HEAD "withdrawal:\n  restocking_fee: { percent: 12.5, minimum: 2, maximum: 30 }\n"
                   "categories:\n  a: { restocking_fee: 5% }\n  b: { restocking_fee: \"1.50\" }\n"
                   "  c: { restocking_fee: none }\n");
    retour_policy_free(p);
    FAILS(HEAD "withdrawal:\n  restocking_fee: { percent: 101 }\n", RETOUR_ERANGE, 5, 30,
          "withdrawal.restocking_fee.percent",
          "expected a percentage from 0 to 100 with at most 2 decimals, such as 10 or 12.5");
    FAILS(HEAD "withdrawal:\n  restocking_fee: { minimum: 5 }\n", RETOUR_ESCHEMA, 5, 19,
          "withdrawal.restocking_fee.percent",
          "missing required key 'percent' (the fee's percentage of the item's value, e.g. 10)");
    FAILS(HEAD "withdrawal:\n  restocking_fee: { percent: 10, minimum: 5, maximum: 4 }\n",
          RETOUR_ESCHEMA, 5, 55, "withdrawal.restocking_fee.maximum",
          "the maximum is below the minimum");
    FAILS(HEAD "withdrawal:\n  restocking_fee: { percent: 10, cap: 4 }\n", RETOUR_ESCHEMA, 5,
          34, "withdrawal.restocking_fee.cap",
          "unknown key 'cap' (expected one of: percent, minimum, maximum)");
    FAILS(HEAD "categories:\n  a: { restocking_fee: 5.005 }\n", RETOUR_ERANGE, 5, 24,
          "categories.a.restocking_fee", "restocking fee '5.005' must be a percentage such as "
          "20% or an amount in EUR with at most 2 decimals");
    /* Requirements: the listed words, each once. */
    p = LOADS(HEAD "withdrawal:\n  requires: [form, invoice, original_receipt, return_number,\n"
                   "    registered_post, prior_consent, account, photos, original_packaging]\n");
    retour_policy_free(p);
    FAILS(HEAD "withdrawal:\n  requires: [form, written]\n", RETOUR_ESCHEMA, 5, 20,
          "withdrawal.requires[1]",
          "unknown value 'written' (expected one of: form, invoice, original_receipt, "
          "return_number, registered_post, prior_consent, account, photos, "
          "original_packaging)");
    FAILS(HEAD "withdrawal:\n  requires: [form, form]\n", RETOUR_ESCHEMA, 5, 20,
          "withdrawal.requires[1]", "'form' is listed twice");
    FAILS(HEAD "withdrawal:\n  requires: form\n", RETOUR_ESCHEMA, 5, 13, "withdrawal.requires",
          "expected a list, found a single value");
    /* The refund's method, the outbound delivery, the return risk, the function. */
    p = LOADS(HEAD "withdrawal:\n  refund_method: voucher\n  refund_outbound_shipping: whole_order\n"
                   "  return_risk: consumer\n  function: false\n");
    retour_policy_free(p);
    FAILS(HEAD "withdrawal:\n  refund_method: credit\n", RETOUR_ESCHEMA, 5, 18,
          "withdrawal.refund_method",
          "unknown value 'credit' (expected one of: original_payment, consumer_choice, "
          "store_credit, voucher)");
    FAILS(HEAD "withdrawal:\n  refund_outbound_shipping: partial\n", RETOUR_ESCHEMA, 5, 29,
          "withdrawal.refund_outbound_shipping",
          "expected true, false or whole_order, found 'partial'");
    FAILS(HEAD "withdrawal:\n  refund_outbound_shipping: [true]\n", RETOUR_ESCHEMA, 5, 29,
          "withdrawal.refund_outbound_shipping", "expected true or false, found a list");
    FAILS(HEAD "withdrawal:\n  return_risk: customer\n", RETOUR_ESCHEMA, 5, 16,
          "withdrawal.return_risk", "(expected one of: shop, consumer)");
    FAILS(HEAD "withdrawal:\n  function: no\n", RETOUR_ESCHEMA, 5, 13, "withdrawal.function",
          "expected true or false, found 'no'");
    /* Complaints: the notice's time and form, the remedies' new words. */
    p = LOADS(HEAD "complaints:\n  notice_within_months: 2\n  notice_form: written\n"
                   "  remedy: replace_only\n");
    retour_policy_free(p);
    FAILS(HEAD "complaints:\n  notice_within_months: 0\n", RETOUR_ERANGE, 5, 25,
          "complaints.notice_within_months", "0 is out of range");
    FAILS(HEAD "complaints:\n  notice_form: email\n", RETOUR_ESCHEMA, 5, 16,
          "complaints.notice_form", "(expected one of: any, written, form)");
    FAILS(HEAD "complaints:\n  remedy: repair-only\n", RETOUR_ESCHEMA, 5, 11, "complaints.remedy",
          "did you mean 'repair_only'?");
}

/* ------------------------------------------------------------------------------------
 * Required keys, version, jurisdiction, currency
 * ---------------------------------------------------------------------------------- */

static void test_missing_required_keys(void **state)
{
    (void)state;
    /* A missing key has no node: the error points at the document's start. */
    FAILS("jurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 1, "retour",
          "missing required key 'retour' (the schema version, 1)");
    FAILS("retour: 1\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 1, "jurisdiction",
          "missing required key 'jurisdiction' (EU, an EU member code, UK or none)");
    FAILS("retour: 1\njurisdiction: NL\n", RETOUR_ESCHEMA, 1, 1, "currency",
          "missing required key 'currency' (an ISO 4217 code such as EUR)");
    /* The first missing one is reported, in the order retour, jurisdiction, currency. */
    FAILS("shop: x\n", RETOUR_ESCHEMA, 1, 1, "retour", "missing required key 'retour'");
    FAILS("retour: 1\nshop: x\n", RETOUR_ESCHEMA, 1, 1, "jurisdiction",
          "missing required key 'jurisdiction'");
    /* Present but null: the error points at the empty value. */
    FAILS("retour: 1\njurisdiction:\ncurrency: EUR\n", RETOUR_ESCHEMA, 2, 14, "jurisdiction",
          "missing required key 'jurisdiction'");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: ~\n", RETOUR_ESCHEMA, 3, 11, "currency",
          "missing required key 'currency'");
    FAILS("retour: null\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 9, "retour",
          "missing required key 'retour'");
    /* Unknown keys are found before missing ones. */
    FAILS("retour: 1\njurisdicton: NL\n", RETOUR_ESCHEMA, 2, 1, "jurisdicton",
          "did you mean 'jurisdiction'?");
}

static void test_schema_version(void **state)
{
    (void)state;
    FAILS("retour: 2\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 9, "retour",
          "schema version 2 is not supported; this library reads version 1");
    FAILS("retour: 1000\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 9, "retour",
          "schema version 1000 is not supported");
    FAILS("retour: 0\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ERANGE, 1, 9, "retour",
          "0 is out of range: expected a whole number from 1 to 1000");
    FAILS("retour: 1001\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ERANGE, 1, 9, "retour",
          "1001 is out of range");
    FAILS("retour: \"1\"\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 9, "retour",
          "expected a whole number, found the quoted text \"1\"");
    FAILS("retour: 1.0\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESCHEMA, 1, 9, "retour",
          "found '1.0'");
    /* The version is checked before anything else is read. */
    FAILS("retour: 2\njurisdiction: XX\ncurrency: EURO\n", RETOUR_ESCHEMA, 1, 9, "retour",
          "schema version 2");
}

static void test_unknown_jurisdiction(void **state)
{
    (void)state;
    FAILS("retour: 1\njurisdiction: NLD\ncurrency: EUR\n", RETOUR_ESCHEMA, 2, 15,
          "jurisdiction", "unknown jurisdiction 'NLD'",
          "(known: EU AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO "
          "SE SI SK UK GB IS LI NO none)");
    /* Codes are exact: lower case is not a code; GB (ISO) and UK both are. */
    FAILS("retour: 1\njurisdiction: nl\ncurrency: EUR\n", RETOUR_ESCHEMA, 2, 15,
          "jurisdiction", "unknown jurisdiction 'nl' (known: EU AT");
    FAILS("retour: 1\njurisdiction: gb\ncurrency: GBP\n", RETOUR_ESCHEMA, 2, 15,
          "jurisdiction", "unknown jurisdiction 'gb'", "UK GB IS LI NO none)");
    FAILS("retour: 1\njurisdiction: [NL]\ncurrency: EUR\n", RETOUR_ESCHEMA, 2, 15,
          "jurisdiction", "expected a text value, found a list");
    /* The jurisdiction is checked before the currency. */
    FAILS("retour: 1\njurisdiction: XX\ncurrency: EURO\n", RETOUR_ESCHEMA, 2, 15,
          "jurisdiction", "unknown jurisdiction 'XX'");
}

static void test_invalid_currency(void **state)
{
    (void)state;
    FAILS("retour: 1\njurisdiction: NL\ncurrency: EURO\n", RETOUR_ESCHEMA, 3, 11, "currency",
          "unknown currency 'EURO': expected an upper-case ISO 4217 code such as EUR, GBP or "
          "SEK");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: eur\n", RETOUR_ESCHEMA, 3, 11, "currency",
          "unknown currency 'eur'");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: XYZ\n", RETOUR_ESCHEMA, 3, 11, "currency",
          "unknown currency 'XYZ'");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: \"\u20ac\"\n", RETOUR_ESCHEMA, 3, 11,
          "currency", "unknown currency '\xe2\x82\xac'");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: {code: EUR}\n", RETOUR_ESCHEMA, 3, 11,
          "currency", "expected a text value, found a mapping");
}

/* ------------------------------------------------------------------------------------
 * Document structure: duplicates, anchors, documents, encoding, syntax
 * ---------------------------------------------------------------------------------- */

static void test_duplicate_key(void **state)
{
    (void)state;
    /* Found while reading the YAML: the place is the second occurrence, the path is the
     * duplicated key's own. */
    FAILS(HEAD "withdrawal:\n  days: 30\n  informed: true\n  days: 20\n", RETOUR_ESCHEMA, 7, 3,
          "withdrawal.days", "duplicate key 'days' (first at line 5)");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: EUR\nretour: 1\n", RETOUR_ESCHEMA, 4, 1,
          "retour", "duplicate key 'retour' (first at line 1)");
    /* A quoted key is the same key. */
    FAILS(HEAD "shop: a\n\"shop\": b\n", RETOUR_ESCHEMA, 5, 1, "shop",
          "duplicate key 'shop' (first at line 4)");
    FAILS(HEAD "categories: {a: {}, b: {}, a: {}}\n", RETOUR_ESCHEMA, 4, 28, "categories.a",
          "duplicate key 'a' (first at line 4)");
}

static void test_unknown_exclusion(void **state)
{
    (void)state;
    FAILS(HEAD "categories:\n  earrings:\n    exclusion: hygiene_seal\n", RETOUR_ESCHEMA, 6, 16,
          "categories.earrings.exclusion",
          "unknown value 'hygiene_seal'; did you mean 'hygiene_sealed'?",
          "(expected one of: none, services_performed, price_fluctuation, personalised,");
    FAILS(HEAD "categories:\n  engraved: {exclusion: personalized}\n", RETOUR_ESCHEMA, 5, 25,
          "categories.engraved.exclusion", "did you mean 'personalised'?");
    /* Too far from any id: the list only. */
    FAILS(HEAD "categories:\n  earrings:\n    exclusion: hygiene\n", RETOUR_ESCHEMA, 6, 16,
          "categories.earrings.exclusion", "unknown value 'hygiene' (expected one of: none,",
          NULL, "did you mean");
    /* Sale items are not a legal exception. */
    FAILS(HEAD "categories:\n  sale:\n    exclusion: sale\n", RETOUR_ESCHEMA, 6, 16,
          "categories.sale.exclusion", "unknown value 'sale'");
}

static void test_category_shapes(void **state)
{
    (void)state;
    FAILS(HEAD "categories:\n  sale: []\n", RETOUR_ESCHEMA, 5, 9, "categories.sale",
          "expected a mapping of keys, found a list");
    FAILS(HEAD "categories:\n  sale: yes\n", RETOUR_ESCHEMA, 5, 9, "categories.sale",
          "expected a mapping of keys, found a single value");
    FAILS(HEAD "categories:\n  - sale\n", RETOUR_ESCHEMA, 5, 3, "categories",
          "expected a mapping of keys, found a list");
    FAILS(HEAD "categories:\n  \"\": {}\n", RETOUR_ESCHEMA, 5, 3, "categories",
          "a category needs a name");
    FAILS(HEAD "categories:\n  sale: {colour: red}\n", RETOUR_ESCHEMA, 5, 10,
          "categories.sale.colour",
          "unknown key 'colour' (expected one of: exclusion, exclusion_waived, returnable, "
          "lifespan_months, inspection, restocking_fee)");
}

static void test_default_category(void **state)
{
    (void)state;
    FAILS(HEAD "categories:\n  jewellery: {}\n  earrings: {}\ndefault_category: rings\n",
          RETOUR_ESCHEMA, 7, 19, "default_category",
          "unknown category 'rings'; it must be one of the keys under categories", NULL,
          "did you mean");
    FAILS(HEAD "categories:\n  jewellery: {}\n  earrings: {}\ndefault_category: jewelery\n",
          RETOUR_ESCHEMA, 7, 19, "default_category",
          "unknown category 'jewelery'; did you mean 'jewellery'? It must be one of the keys "
          "under categories");
    FAILS(HEAD "default_category: rings\n", RETOUR_ESCHEMA, 4, 19, "default_category",
          "unknown category 'rings': the policy lists no categories");
    FAILS(HEAD "categories:\n  a: {}\ndefault_category: [a]\n", RETOUR_ESCHEMA, 6, 19,
          "default_category", "expected a text value, found a list");
    /* Default category written before the categories: order does not matter. */
    retour_policy *p = LOADS(HEAD "default_category: b\ncategories:\n  a: {}\n  b: {}\n");
    assert_int_equal(p->default_category, 1);
    retour_policy_free(p);
}

static void test_anchors_and_aliases(void **state)
{
    (void)state;
    FAILS(HEAD "categories:\n  a: &a {}\n  b: *a\n", RETOUR_ESYNTAX, 5, 6, "categories.a",
          "anchors (&a) are not allowed; write the value out");
    FAILS(HEAD "categories:\n  a: {}\n  b: *a\n", RETOUR_ESYNTAX, 6, 6, "categories.b",
          "aliases (*a) are not allowed; write the value out");
    FAILS("retour: 1\njurisdiction: &j NL\ncurrency: EUR\n", RETOUR_ESYNTAX, 2, 15,
          "jurisdiction", "anchors (&j) are not allowed");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: EUR\nwithdrawal: &w\n  days: 30\n",
          RETOUR_ESYNTAX, 4, 13, "withdrawal", "anchors (&w) are not allowed");
    /* A merge key is an alias too. */
    FAILS(HEAD "categories:\n  a: {exclusion: none}\n  b:\n    <<: *base\n", RETOUR_ESYNTAX, 7,
          9, "categories.b.<<", "aliases (*base) are not allowed");
}

static void test_tags(void **state)
{
    (void)state;
    FAILS("retour: 1\njurisdiction: NL\ncurrency: !!str EUR\n", RETOUR_ESYNTAX, 3, 11,
          "currency", "tags (tag:yaml.org,2002:str) are not allowed; write a plain value");
    FAILS(HEAD "categories: !!map\n  a: {}\n", RETOUR_ESYNTAX, 4, 13, "categories",
          "tags (tag:yaml.org,2002:map) are not allowed");
}

static void test_two_documents(void **state)
{
    (void)state;
    FAILS(HEAD "---\nretour: 1\n", RETOUR_ESYNTAX, 4, 1, "",
          "a second YAML document; one file holds exactly one document");
    /* An empty second document is still a second document. */
    FAILS(HEAD "---\n", RETOUR_ESYNTAX, 4, 1, "", "a second YAML document");
    FAILS("---\n" HEAD "...\n---\nshop: x\n", RETOUR_ESYNTAX, 6, 1, "",
          "a second YAML document");
    /* One explicit document is fine. */
    retour_policy *p = LOADS("---\n" HEAD "...\n");
    retour_policy_free(p);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* "shop: Caf" is 9 bytes: the 0xff is the 10th byte of line 2, offset 19. */
    FAILS("retour: 1\nshop: Caf\xff\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESYNTAX, 2, 10,
          "", "invalid leading UTF-8 octet",
          "(the file must be UTF-8 text without control characters)");
    /* A lead byte followed by a non-continuation byte: reported at the bad trailing byte. */
    FAILS("retour: 1\nshop: \xc3(\njurisdiction: NL\ncurrency: EUR\n", RETOUR_ESYNTAX, 2, 8,
          "", "invalid trailing UTF-8 octet");
    /* On the first line, first column. */
    FAILS("\xfe" "retour: 1\n", RETOUR_ESYNTAX, 1, 1, "", "invalid leading UTF-8 octet");
    /* Truncated at the end of the input. */
    FAILS(HEAD "shop: Caf\xc3", RETOUR_ESYNTAX, 4, 10, "", "incomplete UTF-8 octet sequence");
    /* Control characters are not text either. */
    FAILS(HEAD "shop: \"a\x01" "b\"\n", RETOUR_ESYNTAX, 4, 9, "",
          "control characters are not allowed");
    /* An escaped NUL is valid YAML, but not a value this library accepts. */
    FAILS(HEAD "shop: \"a\\0b\"\n", RETOUR_ESYNTAX, 4, 7, "shop", "NUL character in a value");
}

/* libyaml decodes its input in chunks of 16 KiB, ahead of the parser: a bad byte far into
 * a large file is found while some earlier node is being read. The error must still point
 * at the byte and must not carry the path of that unrelated node. */
static void test_invalid_utf8_in_large_input(void **state)
{
    (void)state;
    static char text[32768];
    size_t n = (size_t)snprintf(text, sizeof text, "%s", HEAD "categories:\n");
    for (int i = 0; i < 990; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "  category%04d: {}\n", i);
    assert_true(n > 16384);
    n += (size_t)snprintf(text + n, sizeof text - n, "shop: Caf\xff\n");
    const expected x = { RETOUR_ESYNTAX, 4 + 990 + 1, 10, "", "invalid leading UTF-8 octet",
                         NULL, NULL };
    load_fails(text, n, NULL, &x, __FILE__, __LINE__);
}

/* err.offset is documented as a byte offset: after multi-byte characters it must still
 * count bytes ("\xc3\xa9" is one character, two bytes). */
static void test_offset_counts_bytes(void **state)
{
    (void)state;
    static const char text[] = "retour: 1\nshop: \xc3\xa9\xc3\xa9\njurisdiction: NLD\n"
                               "currency: EUR\n";
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&p, text, sizeof text - 1, "policy.yaml", NULL,
                                               &err),
                     RETOUR_ESCHEMA);
    assert_null(p);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 15);
    assert_string_equal(err.path, "jurisdiction");
    /* "NLD" starts at byte 35 (character 33). */
    assert_int_equal((size_t)(strstr(text, "NLD") - text), 35);
    assert_int_equal(err.offset, 35);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    /* A tab cannot indent YAML. */
    FAILS(HEAD "withdrawal:\n\tdays: 30\n", RETOUR_ESYNTAX, 5, 1, "",
          "YAML syntax: found character that cannot start any token while scanning for the "
          "next token");
    /* Inside a collection, the error carries the collection's path. */
    FAILS(HEAD "withdrawal: [1, 2\n", RETOUR_ESYNTAX, 5, 1, "withdrawal",
          "YAML syntax: did not find expected ',' or ']' while parsing a flow sequence");
    FAILS(HEAD "shop: \"unterminated\n", RETOUR_ESYNTAX, 5, 1, "",
          "YAML syntax: found unexpected end of stream while scanning a quoted scalar");
    FAILS(HEAD "withdrawal:\n  days: 30\n informed: true\n", RETOUR_ESYNTAX, 6, 2, "",
          "YAML syntax: did not find expected key while parsing a block mapping");
    FAILS(HEAD "[a]: 1\n", RETOUR_ESYNTAX, 4, 1, "",
          "a mapping key must be a plain word, not a list or mapping");
}

static void test_packaging_rules(void **state)
{
    (void)state;
    FAILS(HEAD "packaging:\n  damaged: deduct 120%\n", RETOUR_ERANGE, 5, 12,
          "packaging.damaged",
          "deduction '120%' must be a percentage from 0% to 100% with at most 2 decimals");
    FAILS(HEAD "packaging:\n  damaged: deduct 12.345%\n", RETOUR_ERANGE, 5, 12,
          "packaging.damaged", "deduction '12.345%' must be a percentage from 0% to 100%");
    FAILS(HEAD "packaging:\n  damaged: deduct -5%\n", RETOUR_ESCHEMA, 5, 12,
          "packaging.damaged", "deduction '-5%' must be a percentage");
    FAILS(HEAD "packaging:\n  damaged: deduct abc\n", RETOUR_ESCHEMA, 5, 12,
          "packaging.damaged",
          "deduction 'abc' must be a percentage such as 20% or an amount in EUR with at most 2 "
          "decimals");
    FAILS(HEAD "packaging:\n  missing: throw away\n", RETOUR_ESCHEMA, 5, 12,
          "packaging.missing",
          "expected accept, review, reject, 'deduct N%' (e.g. deduct 20%) or 'deduct AMOUNT' (e.g. "
          "deduct 5.00); found 'throw away'");
    FAILS(HEAD "packaging:\n  damaged: Accept\n", RETOUR_ESCHEMA, 5, 12, "packaging.damaged",
          "found 'Accept'");
    FAILS(HEAD "packaging:\n  damaged: deduct\n", RETOUR_ESCHEMA, 5, 12, "packaging.damaged",
          "found 'deduct'");
    FAILS(HEAD "packaging:\n  damaged: [accept]\n", RETOUR_ESCHEMA, 5, 12, "packaging.damaged",
          "expected accept, review, reject, 'deduct N%'", NULL, "found");
    FAILS(HEAD "packaging: accept\n", RETOUR_ESCHEMA, 4, 12, "packaging",
          "expected a mapping of keys, found a single value");
}

static void test_deduction_amount_decimals(void **state)
{
    (void)state;
    FAILS(HEAD "packaging:\n  damaged: deduct 5.555\n", RETOUR_ERANGE, 5, 12,
          "packaging.damaged",
          "deduction '5.555' must be a percentage such as 20% or an amount in EUR with at "
          "most 2 decimals");
    FAILS("retour: 1\njurisdiction: NL\ncurrency: JPY\npackaging:\n  missing: deduct 5.5\n",
          RETOUR_ERANGE, 5, 12, "packaging.missing", "an amount in JPY with at most 0 decimals");
    FAILS(HEAD "packaging:\n  damaged: deduct 99999999999999999999\n", RETOUR_ERANGE, 5, 12,
          "packaging.damaged", "deduction '99999999999999999999'");
    /* The amount is read in the policy's currency, whatever the key order. */
    FAILS("packaging:\n  missing: deduct 5.55\nretour: 1\njurisdiction: NL\ncurrency: JPY\n",
          RETOUR_ERANGE, 2, 12, "packaging.missing", "in JPY with at most 0 decimals");
    retour_policy *p = LOADS(HEAD "packaging:\n  damaged: deduct 5.5\n  missing: deduct 100%\n");
    assert_int_equal(p->damaged.action, RETOUR__PKG_DEDUCT_AMOUNT);
    assert_int_equal(p->damaged.amount, 550);
    assert_int_equal(p->missing.action, RETOUR__PKG_DEDUCT_PERCENT);
    assert_int_equal(p->missing.basis_points, 10000);
    retour_policy_free(p);
    p = LOADS("retour: 1\njurisdiction: NL\ncurrency: KWD\npackaging:\n  damaged: deduct 1.005\n"
              "  missing: review\n");
    assert_int_equal(p->damaged.amount, 1005);
    assert_int_equal(p->missing.action, RETOUR__PKG_REVIEW);
    retour_policy_free(p);
}

static void test_empty_input(void **state)
{
    (void)state;
    FAILS("", RETOUR_ESCHEMA, 1, 1, "",
          "empty policy: expected at least retour: 1, jurisdiction and currency");
    FAILS("# nothing but a comment\n\n", RETOUR_ESCHEMA, 1, 1, "", "empty policy");
    FAILS("   \n\n", RETOUR_ESCHEMA, 1, 1, "", "empty policy");
    /* NULL text with length 0 is an empty input, not an invalid argument. */
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&p, NULL, 0, "policy.yaml", NULL, &err),
                     RETOUR_ESCHEMA);
    assert_null(p);
    assert_string_equal(err.file, "policy.yaml");
    assert_non_null(strstr(err.message, "empty policy"));
    /* A document that is only null is not a policy. */
    FAILS("~\n", RETOUR_ESCHEMA, 1, 1, "", "expected a mapping of keys, found nothing");
}

static void test_policy_not_a_mapping(void **state)
{
    (void)state;
    FAILS("- retour: 1\n- jurisdiction: NL\n- currency: EUR\n", RETOUR_ESCHEMA, 1, 1, "",
          "expected a mapping of keys, found a list");
    FAILS("[1, 2]\n", RETOUR_ESCHEMA, 1, 1, "", "expected a mapping of keys, found a list");
    FAILS("just some text\n", RETOUR_ESCHEMA, 1, 1, "",
          "expected a mapping of keys, found a single value");
    FAILS("\n\n  \"quoted\"\n", RETOUR_ESCHEMA, 3, 3, "", "found a single value");
}

/* ------------------------------------------------------------------------------------
 * Limits
 * ---------------------------------------------------------------------------------- */

static void test_nesting_limit(void **state)
{
    (void)state;
    retour_options o = RETOUR_OPTIONS_INIT;
    o.max_depth = 3;
    /* root (1) > categories (2) > earrings (3) > "exclusion" (4). */
    FAILS_WITH(&o, HEAD "categories:\n  earrings:\n    exclusion: hygiene_sealed\n",
               RETOUR_ELIMIT, 6, 5, "categories.earrings", "nesting deeper than 3 levels");
    /* Three levels are fine. */
    static const char ok[] = HEAD "categories:\n  earrings: {}\n";
    retour_policy *p = load_ok(ok, sizeof ok - 1, &o);
    assert_int_equal(p->category_count, 1);
    retour_policy_free(p);
    o.max_depth = 1;
    FAILS_WITH(&o, HEAD, RETOUR_ELIMIT, 1, 1, "", "nesting deeper than 1 levels");
    /* The default (32) stops a deeply nested flow list before any schema check. */
    char deep[200];
    size_t n = 0;
    n += (size_t)snprintf(deep, sizeof deep, "%s", "shop: ");
    for (int i = 0; i < 40; i++)
        deep[n++] = '[';
    deep[n] = '\0';
    retour_policy *q = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&q, deep, n, "deep.yaml", NULL, &err),
                     RETOUR_ELIMIT);
    assert_null(q);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 7 + 31); /* the 32nd '[' is the 33rd level */
    assert_string_equal(err.message, "nesting deeper than 32 levels");
}

static void test_size_limit(void **state)
{
    (void)state;
    retour_options o = RETOUR_OPTIONS_INIT;
    o.max_input_bytes = 10;
    FAILS_WITH(&o, HEAD, RETOUR_ELIMIT, 1, 1, "",
               "input of 41 bytes exceeds the limit of 10 bytes");
    /* Exactly at the limit is fine. */
    o.max_input_bytes = sizeof HEAD - 1;
    retour_policy *p = load_ok(HEAD, sizeof HEAD - 1, &o);
    retour_policy_free(p);
    o.max_input_bytes = sizeof HEAD - 2;
    FAILS_WITH(&o, HEAD, RETOUR_ELIMIT, 1, 1, "",
               "input of 41 bytes exceeds the limit of 40 bytes");
    /* The file loader applies the same limit. */
    o.max_input_bytes = 10;
    retour_error err;
    p = NULL;
    assert_int_equal(retour_policy_load_file(&p, DATA("jeweller.yaml"), &o, &err),
                     RETOUR_ELIMIT);
    assert_null(p);
    assert_string_equal(err.file, DATA("jeweller.yaml"));
    assert_string_equal(err.message, "file is larger than the limit of 10 bytes");
}

static void test_count_limit(void **state)
{
    (void)state;
    static const char five[] = HEAD "categories:\n  a: {}\n  b: {}\n  c: {}\n  d: {}\n  e: {}\n";
    retour_options o = RETOUR_OPTIONS_INIT;
    /* The root has 4 entries, categories 5: the error is at the categories mapping. */
    o.max_items = 4;
    FAILS_WITH(&o, five, RETOUR_ELIMIT, 5, 3, "categories",
               "more than 4 entries in one list or mapping");
    /* With 2, the root itself is too large already. */
    o.max_items = 2;
    FAILS_WITH(&o, five, RETOUR_ELIMIT, 1, 1, "", "more than 2 entries in one list or mapping");
    o.max_items = 5;
    retour_policy *p = load_ok(five, sizeof five - 1, &o);
    assert_int_equal(p->category_count, 5);
    retour_policy_free(p);
}

/* ------------------------------------------------------------------------------------
 * Arguments
 * ---------------------------------------------------------------------------------- */

static void test_null_arguments(void **state)
{
    (void)state;
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(NULL, HEAD, sizeof HEAD - 1, "policy.yaml", NULL,
                                               &err),
                     RETOUR_EINVAL);
    assert_int_equal(err.code, RETOUR_EINVAL);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.file, "");
    assert_string_equal(err.path, "");
    assert_non_null(strstr(err.message, "must not be NULL"));
    assert_int_equal(retour_policy_load_string(&p, NULL, 5, "policy.yaml", NULL, &err),
                     RETOUR_EINVAL);
    assert_null(p);
    assert_int_equal(err.code, RETOUR_EINVAL);
    /* err may be NULL, on failure and on success. */
    assert_int_equal(retour_policy_load_string(NULL, HEAD, sizeof HEAD - 1, NULL, NULL, NULL),
                     RETOUR_EINVAL);
    assert_int_equal(retour_policy_load_string(&p, "x: [", 4, NULL, NULL, NULL),
                     RETOUR_ESYNTAX);
    assert_null(p);
    assert_int_equal(retour_policy_load_string(&p, HEAD, sizeof HEAD - 1, NULL, NULL, NULL),
                     RETOUR_OK);
    assert_non_null(p);
    retour_policy_free(p);
    /* A NULL name is "<string>" in errors. */
    p = NULL;
    assert_int_equal(retour_policy_load_string(&p, "x: [", 4, NULL, NULL, &err),
                     RETOUR_ESYNTAX);
    assert_string_equal(err.file, "<string>");
    assert_int_equal(err.line, 2); /* libyaml puts the end of input on a line of its own */
    assert_int_equal(err.column, 1);
    /* The file loader. */
    assert_int_equal(retour_policy_load_file(NULL, DATA("jeweller.yaml"), NULL, &err),
                     RETOUR_EINVAL);
    assert_non_null(strstr(err.message, "must not be NULL"));
    assert_int_equal(retour_policy_load_file(&p, NULL, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_policy_load_file(&p, NULL, NULL, NULL), RETOUR_EINVAL);
    assert_null(p);
}

static void test_options_version(void **state)
{
    (void)state;
    retour_options o = RETOUR_OPTIONS_INIT;
    o.version = RETOUR_OPTIONS_VERSION + 1;
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&p, HEAD, sizeof HEAD - 1, "policy.yaml", &o,
                                               &err),
                     RETOUR_EINVAL);
    assert_null(p);
    assert_int_equal(err.code, RETOUR_EINVAL);
    assert_non_null(strstr(err.message, "options.version is 4; expected 1 to "
                                        "RETOUR_OPTIONS_VERSION (3)"));
    assert_int_equal(retour_policy_load_file(&p, DATA("jeweller.yaml"), &o, &err),
                     RETOUR_EINVAL);
    assert_null(p);
    /* The options are checked before the file is touched: a missing file is not the
     * problem reported. */
    assert_int_equal(retour_policy_load_file(&p, DATA("no-such-file.yaml"), &o, &err),
                     RETOUR_EINVAL);
    assert_non_null(strstr(err.message, "retour_policy_load_file: options.version is 4"));
    /* Explicit default options behave like NULL. */
    retour_options d = RETOUR_OPTIONS_INIT;
    p = load_ok(HEAD, sizeof HEAD - 1, &d);
    retour_policy_free(p);
}

/* ------------------------------------------------------------------------------------
 * Files
 * ---------------------------------------------------------------------------------- */

static void test_file_valid(void **state)
{
    (void)state;
    retour_policy *p = NULL;
    retour_error err;
    int rc = retour_policy_load_file(&p, DATA("jeweller.yaml"), NULL, &err);
    if (rc)
        print_error("%s:%d:%d: %s\n", err.file, err.line, err.column, err.message);
    assert_int_equal(rc, RETOUR_OK);
    assert_string_equal(retour_policy_shop(p), "Goudsmid Testdata");
    assert_string_equal(retour_policy_jurisdiction(p), "NL");
    assert_string_equal(p->file, DATA("jeweller.yaml"));
    assert_int_equal(p->days, 30);
    assert_int_equal(p->return_days, 21);
    assert_int_equal(p->refund_days, 7);
    assert_int_equal(p->return_shipping, RETOUR_PAYER_SHOP);
    assert_int_equal(p->refund_outbound, 0);
    assert_int_equal(p->damaged.basis_points, 1250);
    assert_int_equal(p->missing.amount, 500);
    assert_int_equal(p->category_count, 5);
    assert_string_equal(p->categories[4].name, "gift-wrap");
    assert_int_equal(p->categories[1].exclusion, RETOUR__EXCL_HYGIENE_SEALED);
    assert_int_equal(p->categories[1].src_exclusion.line, 20);
    assert_int_equal(p->categories[1].src_exclusion.column, 16);
    assert_int_equal(p->default_category, 0);
    retour_policy_free(p);
}

static void test_file_missing(void **state)
{
    (void)state;
    const char *path = DATA("does-not-exist.yaml");
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_file(&p, path, NULL, &err), RETOUR_EIO);
    assert_null(p);
    assert_int_equal(err.code, RETOUR_EIO);
    /* No line or column: the file itself is the problem. */
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.path, "");
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, "cannot open"));
    assert_non_null(strstr(err.message, "No such file or directory"));
    /* The formatted error names the file. */
    char line[512];
    int n = retour_error_format(line, sizeof line, &err);
    assert_true(n > 0 && (size_t)n < sizeof line);
    assert_non_null(strstr(line, path));
    assert_non_null(strstr(line, "cannot open"));
    assert_int_equal(retour_policy_load_file(&p, path, NULL, NULL), RETOUR_EIO);
    assert_null(p);
}

static void test_file_with_error(void **state)
{
    (void)state;
    const char *path = DATA("bad-exclusion.yaml");
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_file(&p, path, NULL, &err), RETOUR_ESCHEMA);
    assert_null(p);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 11);
    assert_int_equal(err.column, 16);
    assert_string_equal(err.path, "categories.earrings.exclusion");
    assert_non_null(strstr(err.message, "did you mean 'hygiene_sealed'?"));
    char line[512], expected_line[512];
    snprintf(expected_line, sizeof expected_line,
             "%s:11:16: error: categories.earrings.exclusion: unknown value 'hygiene_seal'; "
             "did you mean 'hygiene_sealed'?",
             path);
    retour_error_format(line, sizeof line, &err);
    assert_memory_equal(line, expected_line, strlen(expected_line));

    /* A file that is not UTF-8 (Latin-1 e-acute, 0xe9, at byte 19, then a space). */
    path = DATA("latin1.yaml");
    assert_int_equal(retour_policy_load_file(&p, path, NULL, &err), RETOUR_ESYNTAX);
    assert_null(p);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 11);
    assert_int_equal(err.offset, 20);
    assert_non_null(strstr(err.message, "invalid trailing UTF-8 octet"));
}

static void test_error_format(void **state)
{
    (void)state;
    retour_policy *p = NULL;
    retour_error err;
    static const char text[] = HEAD "withdrawal:\n  dayz: 30\n";
    assert_int_equal(retour_policy_load_string(&p, text, sizeof text - 1, "shop.yaml", NULL,
                                               &err),
                     RETOUR_ESCHEMA);
    char line[512];
    int n = retour_error_format(line, sizeof line, &err);
    static const char prefix[] = "shop.yaml:5:3: error: withdrawal.dayz: unknown key 'dayz'; "
                                 "did you mean 'days'?";
    assert_memory_equal(line, prefix, sizeof prefix - 1);
    assert_int_equal(n, (int)strlen(line));
    /* No path: no empty "path: " part. */
    assert_int_equal(retour_policy_load_string(&p, "x: [", 4, "s.yaml", NULL, &err),
                     RETOUR_ESYNTAX);
    retour_error_format(line, sizeof line, &err);
    assert_string_equal(line, "s.yaml:2:1: error: x: YAML syntax: did not find expected node "
                              "content while parsing a flow node");
    /* A document-level error has no path part. */
    assert_int_equal(retour_policy_load_string(&p, "", 0, "s.yaml", NULL, &err), RETOUR_ESCHEMA);
    retour_error_format(line, sizeof line, &err);
    assert_string_equal(line, "s.yaml:1:1: error: empty policy: expected at least retour: 1, "
                              "jurisdiction and currency");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimal_policy_has_the_laws_defaults),
        cmocka_unit_test(test_currency_decimals),
        cmocka_unit_test(test_complete_policy_values),
        cmocka_unit_test(test_explicit_nulls_take_defaults),
        cmocka_unit_test(test_not_nul_terminated),
        cmocka_unit_test(test_json_policy),
        cmocka_unit_test(test_unknown_top_level_key),
        cmocka_unit_test(test_unknown_nested_key),
        cmocka_unit_test(test_days_wrong_type),
        cmocka_unit_test(test_days_out_of_range),
        cmocka_unit_test(test_bool_values),
        cmocka_unit_test(test_enum_values),
        cmocka_unit_test(test_clause_values),
        cmocka_unit_test(test_missing_required_keys),
        cmocka_unit_test(test_schema_version),
        cmocka_unit_test(test_unknown_jurisdiction),
        cmocka_unit_test(test_invalid_currency),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_unknown_exclusion),
        cmocka_unit_test(test_category_shapes),
        cmocka_unit_test(test_default_category),
        cmocka_unit_test(test_anchors_and_aliases),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_two_documents),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_invalid_utf8_in_large_input),
        cmocka_unit_test(test_offset_counts_bytes),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_packaging_rules),
        cmocka_unit_test(test_deduction_amount_decimals),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_policy_not_a_mapping),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_count_limit),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_options_version),
        cmocka_unit_test(test_file_valid),
        cmocka_unit_test(test_file_missing),
        cmocka_unit_test(test_file_with_error),
        cmocka_unit_test(test_error_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
