/* Unit tests for retour_policy_check() (lib/lint/policy_check.c, the collecting mode of
 * lib/policy/schema.c and lib/base/diagnostic.c): every independent problem reported once, in file
 * order, with its exact place, key path, code and message; syntax errors end the check
 * with one diagnostic; clean policies give none; strict loading is not affected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif

#define HEAD "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
#define MAX_DIAGS 16

/* Copies of the diagnostics one check delivered. */
typedef struct seen {
    size_t count;
    struct {
        retour_severity severity;
        char code[32];
        char file[64];
        int line, column;
        size_t offset;
        char path[128];
        char message[512];
    } d[MAX_DIAGS];
    int stop_after; /* 0: never; N: return -42 from the Nth call */
} seen;

static int collect(void *ctx, const retour_diagnostic *d)
{
    seen *s = ctx;
    assert_true(s->count < MAX_DIAGS);
    snprintf(s->d[s->count].code, sizeof s->d[0].code, "%s", d->code);
    snprintf(s->d[s->count].file, sizeof s->d[0].file, "%s", d->file);
    snprintf(s->d[s->count].path, sizeof s->d[0].path, "%s", d->path);
    snprintf(s->d[s->count].message, sizeof s->d[0].message, "%s", d->message);
    s->d[s->count].severity = d->severity;
    s->d[s->count].line = d->line;
    s->d[s->count].column = d->column;
    s->d[s->count].offset = d->offset;
    s->count++;
    return s->stop_after && (int)s->count == s->stop_after ? -42 : 0;
}

static int check(const char *text, seen *s)
{
    memset(s, 0, sizeof *s);
    return retour_policy_check(text, strlen(text), "shop.yaml", NULL, collect, s, NULL);
}

/* The diagnostic at index i must be exactly this (offset: -1 to skip). */
#define EXPECT(s, i, line_, col_, off_, path_, code_, msg_)                      \
    do {                                                                         \
        assert_true((i) < (s).count);                                            \
        assert_int_equal((s).d[i].severity, RETOUR_SEVERITY_ERROR);              \
        assert_string_equal((s).d[i].file, "shop.yaml");                         \
        assert_int_equal((s).d[i].line, (line_));                                \
        assert_int_equal((s).d[i].column, (col_));                               \
        if ((off_) >= 0)                                                         \
            assert_int_equal((s).d[i].offset, (size_t)(off_));                   \
        assert_string_equal((s).d[i].path, (path_));                             \
        assert_string_equal((s).d[i].code, (code_));                             \
        assert_string_equal((s).d[i].message, (msg_));                           \
    } while (0)

static const char independent[] =
    HEAD                                 /* lines 1-3 */
    "withdrawal:\n"                      /* 4 */
    "  dayz: 30\n"                       /* 5 */
    "  informed: yes\n"                  /* 6 */
    "  return_within_days: 400\n"        /* 7 */
    "  starts: delivery\n"               /* 8 */
    "packaging:\n"                       /* 9 */
    "  damaged: deduct 5.005\n"          /* 10 */
    "categories:\n"                      /* 11 */
    "  earrings: { exclusion: hygiene }\n" /* 12 */
    "  rings: [1]\n"                     /* 13 */
    "  sale: { returnable: false }\n"    /* 14 */
    "default_category: jewelery\n";      /* 15 */

static void test_independent_problems_all_reported_in_order(void **state)
{
    (void)state;
    seen s;
    int rc = check(independent, &s);
    assert_int_equal(rc, 7);
    assert_int_equal(s.count, 7);
    EXPECT(s, 0, 5, 3, 55, "withdrawal.dayz", "unknown-key",
           "unknown key 'dayz'; did you mean 'days'? (expected one of: days, starts, informed, "
           "return_within_days, refund_within_days, return_shipping, refund_outbound_shipping, reason_required, restocking_fee, condition, "
          "counting, refund_counted_from, refund_withheld_until, timely_when, requires, refund_method, return_risk, function)");
    EXPECT(s, 1, 6, 13, 76, "withdrawal.informed", "wrong-type",
           "expected true or false, found 'yes'");
    EXPECT(s, 2, 7, 23, 102, "withdrawal.return_within_days", "out-of-range",
           "400 is out of range: expected a whole number from 1 to 365");
    EXPECT(s, 3, 10, 12, 147, "packaging.damaged", "out-of-range",
           "deduction '5.005' must be a percentage such as 20% or an amount in EUR with at "
           "most 2 decimals");
    EXPECT(s, 4, 12, 26, -1, "categories.earrings.exclusion", "bad-value",
           "unknown value 'hygiene' (expected one of: none, services_performed, "
           "price_fluctuation, personalised, perishable, hygiene_sealed, mixed_goods, "
           "alcohol_future_delivery, urgent_repairs, sealed_media, newspaper, public_auction, "
           "dated_service, digital_content)");
    EXPECT(s, 5, 13, 10, -1, "categories.rings", "wrong-type",
           "expected a mapping of keys, found a list");
    /* The categories read after the failed ones still count: no cascade. */
    EXPECT(s, 6, 15, 19, -1, "default_category", "bad-value",
           "unknown category 'jewelery'; it must be one of the keys under categories");
}

/* The strict loader still stops at the first of them, with the same text. */
static void test_strict_load_unchanged(void **state)
{
    (void)state;
    retour_policy *p = NULL;
    retour_error err;
    int rc = retour_policy_load_string(&p, independent, strlen(independent), "shop.yaml", NULL,
                                       &err);
    assert_int_equal(rc, RETOUR_ESCHEMA);
    assert_null(p);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.column, 3);
    assert_string_equal(err.path, "withdrawal.dayz");
    seen s;
    check(independent, &s);
    assert_string_equal(err.message, s.d[0].message);
}

static void test_required_keys_all_missing(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(check("shop: Example\nwithdrawal: { days: -1 }\n", &s), 4);
    /* All three at the mapping that lacks them, in the order the loader asks for them. */
    EXPECT(s, 0, 1, 1, 0, "retour", "missing-key",
           "missing required key 'retour' (the schema version, 1)");
    EXPECT(s, 1, 1, 1, 0, "jurisdiction", "missing-key",
           "missing required key 'jurisdiction' (EU, an EU member code, UK or none)");
    EXPECT(s, 2, 1, 1, 0, "currency", "missing-key",
           "missing required key 'currency' (an ISO 4217 code such as EUR)");
    EXPECT(s, 3, 2, 21, 34, "withdrawal.days", "out-of-range",
           "-1 is out of range: expected a whole number from 0 to 3650");
}

/* A failed currency leaves a stand-in that accepts any amount valid in some currency:
 * no error follows from the first. */
static void test_bad_currency_does_not_cascade(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(check("retour: 1\njurisdiction: XX\ncurrency: EURO\n"
                           "packaging: { damaged: deduct 5.125 }\n", &s), 2);
    EXPECT(s, 0, 2, 15, 24, "jurisdiction", "bad-value",
           "unknown jurisdiction 'XX' (known: EU AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE "
           "IT LT LU LV MT NL PL PT RO SE SI SK UK GB IS LI NO none)");
    EXPECT(s, 1, 3, 11, 37, "currency", "bad-value",
           "unknown currency 'EURO': expected an upper-case ISO 4217 code such as EUR, GBP or "
           "SEK");
}

/* A reader that fails a value twice (a generic then a better message) reports it once,
 * with the later message, as strict loading keeps the last. */
static void test_one_diagnostic_per_value(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(check(HEAD "packaging:\n  damaged: [deduct 5%]\n", &s), 1);
    EXPECT(s, 0, 5, 12, -1, "packaging.damaged", "bad-value",
           "expected accept, review, reject, 'deduct N%' (e.g. deduct 20%) or 'deduct AMOUNT' "
           "(e.g. deduct 5.00)");
}

static void test_several_unknown_keys_in_one_mapping(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(check(HEAD "withdrawal: { dayz: 1, informd: true, days: 99999 }\n"
                                "shops: x\n", &s), 4);
    assert_string_equal(s.d[0].path, "withdrawal.dayz");
    assert_string_equal(s.d[1].path, "withdrawal.informd");
    assert_string_equal(s.d[2].path, "withdrawal.days");
    assert_string_equal(s.d[2].code, "out-of-range");
    EXPECT(s, 3, 5, 1, -1, "shops", "unknown-key",
           "unknown key 'shops'; did you mean 'shop'? (expected one of: retour, shop, "
           "jurisdiction, currency, withdrawal, packaging, categories, default_category, "
           "complaints, goodwill, review, sells_to, versions, markets)");
}

static void test_syntax_error_is_one_diagnostic(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(check(HEAD "withdrawal:\n  days: [14\n  informed: yes\n", &s), 1);
    assert_int_equal(s.count, 1);
    assert_string_equal(s.d[0].code, "yaml-syntax");
    assert_int_equal(s.d[0].severity, RETOUR_SEVERITY_ERROR);
    assert_int_equal(s.d[0].line, 6);
    assert_int_equal(s.d[0].column, 11);
    assert_string_equal(s.d[0].path, "withdrawal.days");
    assert_non_null(strstr(s.d[0].message, "YAML syntax"));

    assert_int_equal(check(HEAD "withdrawal:\n  days: 1\n  days: 2\n", &s), 1);
    EXPECT(s, 0, 6, 3, -1, "withdrawal.days", "duplicate-key",
           "duplicate key 'days' (first at line 5)");
}

static void test_whole_document_problems(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(check("", &s), 1);
    EXPECT(s, 0, 1, 1, 0, "", "bad-value",
           "empty policy: expected at least retour: 1, jurisdiction and currency");
    assert_int_equal(check("- 1\n- 2\n", &s), 1);
    EXPECT(s, 0, 1, 1, 0, "", "wrong-type", "expected a mapping of keys, found a list");
}

static void test_clean_policies_have_no_diagnostics(void **state)
{
    (void)state;
    static const char *const files[] = { "/policies/jeweller.yaml",
                                         "/../../examples/policies/minimal.yaml",
                                         "/../../examples/policies/nl-jeweller.yaml",
                                         "/../../examples/policies/nl-electronics.yaml",
                                         "/../../examples/policies/de-fashion.yaml" };
    seen s;
    assert_int_equal(check(HEAD, &s), 0);
    assert_int_equal(s.count, 0);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s%s", RETOUR_TEST_DATA, files[i]);
        memset(&s, 0, sizeof s);
        retour_error err;
        int rc = retour_policy_check_file(path, NULL, collect, &s, &err);
        if (rc != 0)
            fail_msg("%s: %d (%s)", path, rc, s.count ? s.d[0].message : err.message);
        /* Lawful: the lint may still add warnings and information, never an error. */
        for (size_t k = 0; k < s.count; k++)
            assert_int_not_equal(s.d[k].severity, RETOUR_SEVERITY_ERROR);
    }
}

static void test_callback_stops_the_check(void **state)
{
    (void)state;
    seen s;
    memset(&s, 0, sizeof s);
    s.stop_after = 2;
    int rc = retour_policy_check(independent, strlen(independent), "shop.yaml", NULL, collect,
                                 &s, NULL);
    assert_int_equal(rc, -42);
    assert_int_equal(s.count, 2);
    /* No callback: only the count. */
    assert_int_equal(retour_policy_check(independent, strlen(independent), NULL, NULL, NULL,
                                         NULL, NULL), 7);
}

static void test_could_not_run(void **state)
{
    (void)state;
    retour_error err;
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(retour_policy_check(NULL, 3, NULL, NULL, collect, &s, &err), RETOUR_EINVAL);
    assert_int_equal(err.code, RETOUR_EINVAL);
    assert_int_equal(retour_policy_check_file(NULL, NULL, collect, &s, &err), RETOUR_EINVAL);
    retour_options old = RETOUR_OPTIONS_INIT;
    old.version = 99;
    assert_int_equal(retour_policy_check(HEAD, 3, NULL, &old, collect, &s, &err), RETOUR_EINVAL);
    assert_int_equal(retour_policy_check_file(RETOUR_TEST_DATA "/nope.yaml", NULL, collect, &s,
                                              &err), RETOUR_EIO);
    assert_int_equal(err.code, RETOUR_EIO);
    assert_string_equal(err.file, RETOUR_TEST_DATA "/nope.yaml");
    assert_int_equal(s.count, 0);
}

static void test_limits_are_diagnostics(void **state)
{
    (void)state;
    retour_options o = RETOUR_OPTIONS_INIT;
    o.max_input_bytes = 10;
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(retour_policy_check(HEAD, strlen(HEAD), "shop.yaml", &o, collect, &s, NULL),
                     1);
    assert_string_equal(s.d[0].code, "limit-exceeded");
    memset(&s, 0, sizeof s);
    assert_int_equal(retour_policy_check_file(RETOUR_TEST_DATA "/policies/jeweller.yaml", &o,
                                              collect, &s, NULL), 1);
    assert_string_equal(s.d[0].code, "limit-exceeded");
}

static void test_format(void **state)
{
    (void)state;
    retour_diagnostic d = { RETOUR_SEVERITY_WARNING, "bad-value", "shop.yaml", 3, 7, 20,
                            "withdrawal.days", "too short", NULL, NULL };
    char buf[128];
    int n = retour_diagnostic_format(buf, sizeof buf, &d);
    assert_string_equal(buf, "shop.yaml:3:7: warning: withdrawal.days: too short [bad-value]");
    assert_int_equal(n, (int)strlen(buf));
    d.path = "";
    d.line = 0;
    retour_diagnostic_format(buf, sizeof buf, &d);
    assert_string_equal(buf, "shop.yaml: warning: too short [bad-value]");
    assert_string_equal(retour_severity_name(RETOUR_SEVERITY_NOTE), "note");
    assert_string_equal(retour_severity_name(RETOUR_SEVERITY__COUNT), "");
}

/* ------------------------------------------------------------------------------------
 * Out of memory: every failed allocation gives RETOUR_ENOMEM, no callback, no leak.
 * ---------------------------------------------------------------------------------- */

typedef struct counter {
    long calls, fail_at, live;
} counter;

static void *c_malloc(void *ctx, size_t size)
{
    counter *c = ctx;
    if (++c->calls == c->fail_at)
        return NULL;
    void *p = malloc(size);
    c->live += p != NULL;
    return p;
}

static void *c_realloc(void *ctx, void *ptr, size_t size)
{
    counter *c = ctx;
    if (++c->calls == c->fail_at)
        return NULL;
    void *p = realloc(ptr, size);
    c->live += p != NULL && ptr == NULL;
    return p;
}

static void c_free(void *ctx, void *ptr)
{
    counter *c = ctx;
    c->live -= ptr != NULL;
    free(ptr);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    counter c = { 0, 0, 0 };
    retour_allocator a = { c_malloc, c_realloc, c_free, &c };
    retour_options o = RETOUR_OPTIONS_INIT;
    o.allocator = &a;
    long n;
    for (n = 1; n < 5000; n++) {
        c.calls = 0;
        c.fail_at = n;
        seen s;
        memset(&s, 0, sizeof s);
        retour_error err;
        int rc = retour_policy_check(independent, strlen(independent), "shop.yaml", &o, collect,
                                     &s, &err);
        assert_int_equal(c.live, 0);
        if (rc == 7) {
            assert_int_equal(s.count, 7);
            break;
        }
        assert_int_equal(rc, RETOUR_ENOMEM);
        assert_int_equal(err.code, RETOUR_ENOMEM);
        assert_int_equal(s.count, 0);
    }
    assert_true(n > 1 && n < 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_independent_problems_all_reported_in_order),
        cmocka_unit_test(test_strict_load_unchanged),
        cmocka_unit_test(test_required_keys_all_missing),
        cmocka_unit_test(test_bad_currency_does_not_cascade),
        cmocka_unit_test(test_one_diagnostic_per_value),
        cmocka_unit_test(test_several_unknown_keys_in_one_mapping),
        cmocka_unit_test(test_syntax_error_is_one_diagnostic),
        cmocka_unit_test(test_whole_document_problems),
        cmocka_unit_test(test_clean_policies_have_no_diagnostics),
        cmocka_unit_test(test_callback_stops_the_check),
        cmocka_unit_test(test_could_not_run),
        cmocka_unit_test(test_limits_are_diagnostics),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
