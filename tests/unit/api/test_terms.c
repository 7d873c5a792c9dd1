/* Unit tests for the terms in force for each order (lib/policy/terms.c, the loading of every
 * combination in lib/api/policy_api.c, the choice in lib/api/evaluate.c and the check in
 * lib/lint/policy_check.c): versions picked by the order date (the terms agreed when the
 * order was placed keep binding it, Directive 2011/83/EU art. 6(5)), markets picked by the
 * consumer's country, a market's sections winning over a version's, the decision naming
 * both, sources pointing into the version, and every error naming its place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evaluation_support.h"

/* Line numbers below are those of this text. */
static const char policy[] =
    "retour: 1\n"                                       /* 1 */
    "jurisdiction: NL\n"                                /* 2 */
    "currency: EUR\n"                                   /* 3 */
    "withdrawal: { days: 30 }\n"                        /* 4 */
    "versions:\n"                                       /* 5 */
    "  - from: 2026-03-01\n"                            /* 6 */
    "    name: spring 2026\n"                           /* 7 */
    "    withdrawal: { days: 14 }\n"                    /* 8 */
    "  - from: 2026-09-01\n"                            /* 9 */
    "    withdrawal: { days: 21 }\n"                    /* 10 */
    "markets:\n"                                        /* 11 */
    "  BE:\n"                                           /* 12 */
    "    withdrawal: { days: 45 }\n"                    /* 13 */
    "  DE:\n"                                           /* 14 */
    "    categories: { sale: { returnable: false } }\n" /* 15 */
    "    default_category: sale\n";                     /* 16 */

/* A withdrawal of one sealed item ordered on `ordered`, delivered two days later, notified
 * `days` after delivery, by a consumer living in country (NULL: not given). */
static void withdraw(fx *f, retour_date ordered, int days, const char *country)
{
    retour_date delivered = (ordered != RETOUR_DATE_NONE ? ordered : ymd(2026, 3, 1)) + 2;
    reset(f, delivered + days);
    if (ordered != RETOUR_DATE_NONE)
        assert_int_equal(retour_request_set_ordered(f->r, ordered), RETOUR_OK);
    assert_int_equal(retour_request_set_customer_country(f->r, country), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, delivered, RETOUR_PACKAGING_SEALED);
}

/* The decision's JSON, which must contain needle. */
static void assert_json_contains(fx *f, const char *needle)
{
    char buf[8192];
    long n = retour_decision_to_json(f->d, RETOUR_LANG_EN, buf, sizeof buf);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    assert_contains(buf, needle);
}

/* Orders on both sides of each version's day get the terms in force that day. */
static void test_versions_by_order_date(void **state)
{
    fx *f = *state;
    load(f, policy);
    /* Before the first version: the top-level 30 days. Day 25 is inside them. */
    withdraw(f, ymd(2026, 2, 28), 25, NULL);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);
    assert_reason(f->d, "within_shop_period", -1, NULL, 4, 21);
    assert_json_contains(f, "\"policy_version\":null,\"market\":null");
    /* From 1 March: 14 days, so day 25 is late; the reason's line is the version's. */
    withdraw(f, ymd(2026, 3, 1), 25, NULL);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_REJECT);
    assert_json_contains(f, "\"policy_version\":{\"from\":\"2026-03-01\",\"name\":\"spring 2026\"}");
    assert_reason(f->d, "withdrawal_period_expired", -1, "BW 6:230o; " CRD " art. 9", 2, 15);
    /* Day 20 is inside the autumn version's 21 days; its source is line 10. */
    withdraw(f, ymd(2026, 9, 1), 20, NULL);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);
    assert_reason(f->d, "within_shop_period", -1, NULL, 10, 25);
    assert_json_contains(f, "\"policy_version\":{\"from\":\"2026-09-01\",\"name\":null}");
}

/* A market's sections win over the version's; countries without a market get the rest. */
static void test_markets(void **state)
{
    fx *f = *state;
    load(f, policy);
    /* A Belgian consumer: 45 days, whichever version. */
    withdraw(f, ymd(2026, 3, 10), 40, "BE");
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);
    assert_reason(f->d, "within_shop_period", -1, NULL, 13, 25);
    assert_json_contains(f, "\"policy_version\":{\"from\":\"2026-03-01\",\"name\":\"spring 2026\"},"
                            "\"market\":\"BE\"");
    /* A German consumer: the DE market's categories (its default is not returnable, which
     * the statutory period sets aside: line 15), the version's 14 days. */
    withdraw(f, ymd(2026, 3, 10), 10, "DE");
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);
    assert_reason(f->d, "policy_below_legal_floor", 0, "BW 6:230o; " CRD " art. 9", 15, 39);
    assert_json_contains(f, "\"market\":\"DE\"");
    withdraw(f, ymd(2026, 3, 10), 20, "DE");
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_REJECT);
    /* A country without a market. */
    withdraw(f, ymd(2026, 3, 10), 20, "FR");
    eval_ok(f);
    assert_json_contains(f, "\"market\":null");
}

/* Without an order date the terms agreed cannot be known: an error naming ordered. */
static void test_versions_need_the_order_date(void **state)
{
    fx *f = *state;
    load(f, policy);
    withdraw(f, RETOUR_DATE_NONE, 5, NULL);
    eval_fails(f, RETOUR_EREQUEST, "ordered",
               "the policy has versions of its terms: the order date is needed to know which "
               "were agreed");
    /* A case without one the same. */
    retour_case c = RETOUR_CASE_INIT;
    c.notified = ymd(2026, 3, 10);
    c.delivered = ymd(2026, 3, 5);
    c.price = 1000;
    assert_int_equal(retour_evaluate_case(f->d, f->p, &c, &f->err), RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "ordered");
    /* With one, the version of its day. */
    c.ordered = ymd(2026, 2, 20);
    retour_verdict v;
    assert_int_equal(retour_evaluate_case_verdict(&v, f->d, f->p, &c, &f->err), RETOUR_OK);
    assert_int_equal(v.outcome, RETOUR_OUTCOME_ACCEPT);
}

/* Every mistake in versions and markets names its place and what was expected. */
static void test_errors(void **state)
{
    fx *f = *state;
    load_fails(f, HEAD("NL") "versions:\n  - from: 2026-03-01\n  - from: 2026-03-01\n",
               RETOUR_ESCHEMA, 6, 11, "versions[1].from",
               "versions must start on strictly increasing days: this one starts on or before "
               "the one above it");
    load_fails(f, HEAD("NL") "versions:\n  - name: x\n", RETOUR_ESCHEMA, 5, 5, "versions[0].from",
               "missing required key 'from' (the first order day of these terms)");
    load_fails(f, HEAD("NL") "versions:\n  - { from: 2026-03-01, jurisdiction: DE }\n",
               RETOUR_ESCHEMA, 5, 25, "versions[0].jurisdiction",
               "unknown key 'jurisdiction' (expected one of: from, name, withdrawal, packaging, "
               "categories, default_category, complaints, goodwill, review)");
    load_fails(f, HEAD("NL") "markets:\n  XX: {}\n", RETOUR_ESCHEMA, 5, 3, "markets.XX",
               "unknown market 'XX': expected a country code of the law tables, such as BE or DE");
    load_fails(f, HEAD("NL") "markets:\n  BE: { currency: JPY }\n", RETOUR_ESCHEMA, 5, 19,
               "markets.BE.currency",
               "a market's currency needs the policy's number of decimals (JPY has 0, EUR 2): "
               "requests are read before their market is known");
    /* A section of a version is read like the top-level one. */
    load_fails(f, HEAD("NL") "versions:\n  - from: 2026-03-01\n    withdrawal: { days: -3 }\n",
               RETOUR_ERANGE, 6, 25, "versions[0].withdrawal.days",
               "-3 is out of range: expected a whole number from 0 to 3650");
    load_fails(f, HEAD("NL") "markets:\n  BE: { currency: GBX }\n", RETOUR_ESCHEMA, 5, 19,
               "markets.BE.currency",
               "unknown currency 'GBX': expected an upper-case ISO 4217 code such as EUR, GBP "
               "or SEK");
}

/* retour_policy_check() judges every version and market, each problem once, named by its
 * scope; a market also under its own country's law. */
static int collect(void *ctx, const retour_diagnostic *d)
{
    char *out = ctx;
    size_t used = strlen(out);
    snprintf(out + used, 4096 - used, "%d:%d %s %s\n", d->line, d->column, d->code, d->path);
    return 0;
}

static void test_check_every_combination(void **state)
{
    (void)state;
    static const char text[] =
        "retour: 1\n"
        "jurisdiction: NL\n"
        "currency: EUR\n"
        "versions:\n"
        "  - from: 2026-03-01\n"
        "    withdrawal: { days: 7 }\n"      /* 6: below the law's 14 */
        "markets:\n"
        "  BE:\n"
        "    withdrawal: { restocking_fee: 10% }\n"; /* 9 */
    char out[4096] = "";
    retour_error err;
    int n = retour_policy_check(text, sizeof text - 1, "p.yaml", NULL, collect, out, &err);
    assert_true(n >= 2);
    assert_contains(out, "6:25 withdrawal-period-too-short versions[0].withdrawal.days\n");
    assert_contains(out, "9:35 restocking-fee markets.BE.withdrawal.restocking_fee\n");
    /* The version's short window is reported once, though the BE market inherits it. */
    const char *first = strstr(out, "6:25");
    assert_null(strstr(first + 1, "6:25"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_versions_by_order_date),
        T(test_markets),
        T(test_versions_need_the_order_date),
        T(test_errors),
        T(test_check_every_combination),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
