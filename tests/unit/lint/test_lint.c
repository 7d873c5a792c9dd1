/* Unit tests for the legal lint (lib/lint/lint.c) through retour_policy_check(): every rule with
 * its severity, code, place, key path, article and fix; Dutch messages; lawful policies per
 * jurisdiction give no finding; a policy with schema errors is not linted; the bad-terms
 * example gives each error at its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif

#define CRD "Directive 2011/83/EU"
#define SGD "Directive (EU) 2019/771"
#define MAX_FINDINGS 32

/* Copies of what one check delivered. */
typedef struct found {
    size_t count;
    struct {
        retour_severity severity;
        char code[40];
        int line, column;
        size_t offset;
        char path[96];
        char message[512];
        char law[128];
        char fix[256];
    } d[MAX_FINDINGS];
} found;

static int collect(void *ctx, const retour_diagnostic *d)
{
    found *f = ctx;
    assert_true(f->count < MAX_FINDINGS);
    snprintf(f->d[f->count].code, sizeof f->d[0].code, "%s", d->code);
    snprintf(f->d[f->count].path, sizeof f->d[0].path, "%s", d->path);
    snprintf(f->d[f->count].message, sizeof f->d[0].message, "%s", d->message);
    snprintf(f->d[f->count].law, sizeof f->d[0].law, "%s", d->law ? d->law : "(none)");
    snprintf(f->d[f->count].fix, sizeof f->d[0].fix, "%s", d->fix ? d->fix : "(none)");
    f->d[f->count].severity = d->severity;
    f->d[f->count].line = d->line;
    f->d[f->count].column = d->column;
    f->d[f->count].offset = d->offset;
    f->count++;
    return 0;
}

/* Checks text in lang; returns the error count. */
static int lint_in(const char *text, retour_lang lang, found *f)
{
    retour_options o = RETOUR_OPTIONS_INIT;
    o.lang = lang;
    memset(f, 0, sizeof *f);
    return retour_policy_check(text, strlen(text), "shop.yaml", &o, collect, f, NULL);
}

static int lint(const char *text, found *f)
{
    return lint_in(text, RETOUR_LANG_EN, f);
}

/* The one finding with code; fails when absent or repeated. */
static size_t only(const found *f, const char *code)
{
    size_t at = (size_t)-1;
    for (size_t i = 0; i < f->count; i++) {
        if (strcmp(f->d[i].code, code) == 0) {
            if (at != (size_t)-1)
                fail_msg("%s reported twice", code);
            at = i;
        }
    }
    if (at == (size_t)-1)
        fail_msg("%s not reported (%zu findings)", code, f->count);
    return at;
}

/* Checks the finding with code: severity, place, path, article and part of the fix. */
static void expect(const found *f, const char *code, retour_severity severity, int line,
                   int column, const char *path, const char *law, const char *fix_part)
{
    size_t i = only(f, code);
    assert_string_equal(retour_severity_name(f->d[i].severity), retour_severity_name(severity));
    assert_int_equal(f->d[i].line, line);
    assert_int_equal(f->d[i].column, column);
    assert_string_equal(f->d[i].path, path);
    assert_string_equal(f->d[i].law, law);
    if (strstr(f->d[i].fix, fix_part) == NULL)
        fail_msg("%s: fix \"%s\" lacks \"%s\"", code, f->d[i].fix, fix_part);
}

#define HEAD(j) "retour: 1\njurisdiction: " j "\ncurrency: EUR\n"

/* ---- lawful policies ------------------------------------------------------------------ */

static void test_every_jurisdiction_lawful_by_default(void **state)
{
    (void)state;
    static const char *const codes[] = { "EU", "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE",
                                         "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
                                         "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
                                         "SK", "UK", "none" };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, HEAD("%s") "withdrawal:\n  days: 30\n", codes[i]);
        found f;
        assert_int_equal(lint(text, &f), 0);
        if (f.count)
            fail_msg("%s: %s", codes[i], f.d[0].code);
    }
}

/* Outside the statutory rules every withdrawal clause is the shop's to write. */
static void test_none_allows_shop_terms(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("none") "withdrawal:\n  days: 7\n  reason_required: true\n"
                                       "  restocking_fee: 10%\n  condition: unused\n"
                                       "packaging:\n  opened: reject\n"
                                       "categories:\n  sale: { returnable: false }\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* Schema errors first: the lint does not judge defaults standing in for broken keys. */
static void test_schema_errors_stop_the_lint(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  days: 7\n  dayz: 3\n", &f), 1);
    assert_int_equal(f.count, 1);
    assert_string_equal(f.d[0].code, "unknown-key");
}

/* ---- the withdrawal window and deadlines --------------------------------------------- */

static void test_window_too_short(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  days: 7\n", &f), 1);
    expect(&f, "withdrawal-period-too-short", RETOUR_SEVERITY_ERROR, 5, 9, "withdrawal.days",
           "BW 6:230o; " CRD " art. 9", "days: 14 or more");
    assert_string_equal(f.d[0].message,
                        "a withdrawal window of 7 days is shorter than the law's 14 days from "
                        "delivery; the consumer keeps the 14 days whatever the terms say, and "
                        "terms that state fewer misinform the consumer, whose period then runs "
                        "12 months longer (BW 6:230o; " CRD " art. 10(1))");
    /* The law's own figure is fine. */
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  days: 14\n", &f), 0);
    assert_int_equal(f.count, 0);
}

static void test_window_from_order(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("DE") "withdrawal:\n  days: 14\n  starts: order\n", &f), 1);
    expect(&f, "withdrawal-starts-at-order", RETOUR_SEVERITY_ERROR, 6, 11, "withdrawal.starts",
           "BGB §355(2), §356(2); " CRD " art. 9", "starts: delivery");
    /* 30 days from the order usually cover 14 from delivery, but not always. */
    assert_int_equal(lint(HEAD("DE") "withdrawal:\n  days: 30\n  starts: order\n", &f), 0);
    expect(&f, "withdrawal-starts-at-order", RETOUR_SEVERITY_WARNING, 6, 11, "withdrawal.starts",
           "BGB §355(2), §356(2); " CRD " art. 9", "starts: delivery");
}

static void test_refund_and_return_deadlines(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("FR") "withdrawal:\n  refund_within_days: 30\n"
                                     "  return_within_days: 10\n",
                          &f),
                     2);
    expect(&f, "refund-too-late", RETOUR_SEVERITY_ERROR, 5, 23, "withdrawal.refund_within_days",
           "Code de la consommation art. L221-24; " CRD " art. 13(1)",
           "refund_within_days: 14 or less");
    expect(&f, "return-window-too-short", RETOUR_SEVERITY_ERROR, 6, 23,
           "withdrawal.return_within_days",
           "Code de la consommation art. L221-23; " CRD " art. 14(1)",
           "return_within_days: 14 or more");
    /* Faster refunds and longer return windows are lawful. */
    assert_int_equal(lint(HEAD("FR") "withdrawal:\n  refund_within_days: 3\n"
                                     "  return_within_days: 30\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* Working days (withdrawal.counting): each count is tried from every day of 2020-2069 in
 * the jurisdiction's calendar, against the law's 14 calendar days moved to a working day
 * (Directive 2011/83/EU art. 9, 13(1), 14(1)). Ten working days from a Sunday end on the
 * second Friday, before the law's moved Monday; ten working days of refund can run over
 * Easter past the law's 14 days. */
static void test_working_days(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  counting: working_days\n  days: 10\n"
                                     "  return_within_days: 10\n  refund_within_days: 10\n",
                          &f),
                     3);
    expect(&f, "withdrawal-period-too-short", RETOUR_SEVERITY_ERROR, 6, 9, "withdrawal.days",
           "BW 6:230o; " CRD " art. 9", "days: 11 or more");
    assert_string_equal(f.d[only(&f, "withdrawal-period-too-short")].message,
                        "a withdrawal window of 10 working days can end 12 days after delivery: "
                        "from 2020-01-05 it ends on 2020-01-17, before the law's 14 days, which "
                        "end on 2020-01-20; terms that state it misinform the consumer, whose "
                        "period then runs 12 months longer (BW 6:230o; " CRD " art. 10(1))");
    expect(&f, "return-window-too-short", RETOUR_SEVERITY_ERROR, 7, 23,
           "withdrawal.return_within_days", "BW 6:230s(1); " CRD " art. 14(1)",
           "return_within_days: 11 or more");
    expect(&f, "refund-too-late", RETOUR_SEVERITY_ERROR, 8, 23, "withdrawal.refund_within_days",
           "BW 6:230r(1); " CRD " art. 13(1)", "refund_within_days: 6 or less");
    assert_string_equal(f.d[only(&f, "refund-too-late")].message,
                        "a refund within 10 working days can end 20 days after the notice: from "
                        "2038-04-16, over weekends and public holidays, it ends on 2038-05-06, "
                        "later than the law's 14 days, which end on 2038-04-30");
    /* Eleven working days never end before the law's 14 calendar days; six of refund never
     * after them, in the Dutch calendar. */
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  counting: working_days\n  days: 11\n"
                                     "  return_within_days: 11\n  refund_within_days: 6\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
    /* The default 14 days become 14 working days, which always last longer. */
    assert_int_equal(lint(HEAD("DE") "withdrawal:\n  counting: working_days\n"
                                     "  refund_within_days: 7\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
    /* In Dutch. */
    assert_int_equal(lint_in(HEAD("NL") "withdrawal:\n  counting: working_days\n  days: 9\n",
                             RETOUR_LANG_NL, &f),
                     1);
    assert_string_equal(f.d[0].message,
                        "een bedenktijd van 9 werkdagen kan 11 dagen na levering eindigen: vanaf "
                        "2020-01-05 eindigt die op 2020-01-16, eerder dan de wettelijke 14 dagen, "
                        "die eindigen op 2020-01-20; voorwaarden die dat noemen informeren de "
                        "consument verkeerd, wiens bedenktijd dan 12 maanden langer loopt (BW "
                        "6:230o; " CRD " art. 10(1))");
}

/* When the withdrawal is in time (art. 11(2)) and the refund due (art. 13(1), 13(3)). */
static void test_timing(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  timely_when: goods_received\n"
                                     "  refund_counted_from: goods_received\n"
                                     "  refund_withheld_until: goods_received\n",
                          &f),
                     3);
    expect(&f, "timely-when-goods", RETOUR_SEVERITY_ERROR, 5, 16, "withdrawal.timely_when",
           CRD " art. 11(2)", "timely_when: notified");
    expect(&f, "refund-counted-from-receipt", RETOUR_SEVERITY_ERROR, 6, 24,
           "withdrawal.refund_counted_from", "BW 6:230r(1); " CRD " art. 13(1)",
           "refund_counted_from: notification");
    expect(&f, "refund-withheld-until-received", RETOUR_SEVERITY_ERROR, 7, 26,
           "withdrawal.refund_withheld_until", "BW 6:230r; " CRD " art. 13(3)",
           "goods_or_proof_of_dispatch");
    /* The law's own words are lawful. */
    assert_int_equal(lint(HEAD("DE") "withdrawal:\n  timely_when: notified\n"
                                     "  refund_counted_from: notification\n"
                                     "  refund_withheld_until: goods_or_proof_of_dispatch\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* A restocking fee in any form, the policy's or a category's (art. 13(1)); requirements
 * on the withdrawal (art. 11(1); the packaging: art. 14(2)), one finding per word. */
static void test_fees_and_requirements(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n"
                                     "  restocking_fee: { percent: 10, minimum: 5 }\n"
                                     "  requires: [registered_post, original_packaging]\n"
                                     "categories:\n"
                                     "  sale: { restocking_fee: 2.50 }\n"
                                     "  shoes: { restocking_fee: none }\n",
                          &f),
                     4);
    assert_string_equal(f.d[0].code, "restocking-fee");
    assert_int_equal(f.d[0].line, 5);
    assert_int_equal(f.d[0].column, 19);
    assert_string_equal(f.d[0].path, "withdrawal.restocking_fee");
    assert_string_equal(f.d[0].law, "BW 6:230r(1); " CRD " art. 13(1)");
    assert_string_equal(f.d[3].code, "restocking-fee");
    assert_int_equal(f.d[3].line, 8);
    assert_string_equal(f.d[3].path, "categories.sale.restocking_fee");
    assert_string_equal(f.d[1].code, "withdrawal-requirement");
    assert_int_equal(f.d[1].line, 6);
    assert_int_equal(f.d[1].column, 14);
    assert_string_equal(f.d[1].law, CRD " art. 11(1)");
    assert_string_equal(f.d[1].message,
                        "the consumer may send the notice and the goods any way; registered "
                        "post cannot be required");
    assert_string_equal(f.d[1].fix, "remove registered_post from requires (the shop may ask for "
                                    "it, not make it a condition)");
    assert_string_equal(f.d[2].code, "withdrawal-requirement");
    assert_int_equal(f.d[2].column, 31);
    assert_string_equal(f.d[2].law, "BW 6:230s; " CRD " art. 14(2)");
    /* A category's own none is lawful, and so is a policy that requires nothing. */
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  requires: []\n"
                                     "categories:\n  shoes: { restocking_fee: none }\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* The refund's means (art. 13(1)), the return shipment's risk (DE BGB §355(3); unsettled
 * elsewhere: a warning), the online withdrawal function (art. 11a, from 2026-06-19; the EEA
 * unverified: a warning; the UK has none). */
static void test_refund_risk_function(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("DE") "withdrawal:\n  refund_method: voucher\n"
                                     "  return_risk: consumer\n  function: false\n",
                          &f),
                     3);
    expect(&f, "refund-not-original-payment", RETOUR_SEVERITY_ERROR, 5, 18,
           "withdrawal.refund_method", "BGB §357; " CRD " art. 13(1)",
           "refund_method: original_payment");
    expect(&f, "return-risk-consumer", RETOUR_SEVERITY_ERROR, 6, 16, "withdrawal.return_risk",
           "BGB §355(3)", "return_risk: shop");
    expect(&f, "withdrawal-function-missing", RETOUR_SEVERITY_ERROR, 7, 13,
           "withdrawal.function", "BGB §356a; " CRD " art. 11a", "function: true");
    assert_string_equal(f.d[only(&f, "withdrawal-function-missing")].message,
                        "contracts concluded online from 2026-06-19 must let the consumer "
                        "withdraw through an online withdrawal function ('withdraw from "
                        "contract here'), available throughout the withdrawal period");
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  return_risk: consumer\n", &f), 0);
    expect(&f, "return-risk-consumer", RETOUR_SEVERITY_WARNING, 5, 16, "withdrawal.return_risk",
           "BW 6:230s(1); " CRD " art. 14(1)", "return_risk: shop");
    assert_int_equal(lint("retour: 1\njurisdiction: NO\ncurrency: NOK\n"
                          "withdrawal:\n  function: false\n",
                          &f),
                     0);
    expect(&f, "withdrawal-function-missing", RETOUR_SEVERITY_WARNING, 5, 13,
           "withdrawal.function", CRD " art. 11a", "function: true");
    /* Lawful: the consumer's choice, the shop's risk, no function in the UK. */
    assert_int_equal(lint("retour: 1\njurisdiction: UK\ncurrency: GBP\n"
                          "withdrawal:\n  refund_method: consumer_choice\n  return_risk: shop\n"
                          "  function: false\n  refund_outbound_shipping: whole_order\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

static void test_not_informed(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("EU") "withdrawal:\n  informed: false\n", &f), 0);
    expect(&f, "consumer-not-informed", RETOUR_SEVERITY_WARNING, 5, 13, "withdrawal.informed",
           CRD " art. 10(1)", "informed: true");
}

/* ---- conditions, fees and shipping -------------------------------------------------- */

static void test_reason_fee_condition(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("EU") "withdrawal:\n  reason_required: true\n"
                                     "  restocking_fee: 15%\n  condition: unused\n",
                          &f),
                     3);
    expect(&f, "reason-required", RETOUR_SEVERITY_ERROR, 5, 20, "withdrawal.reason_required",
           CRD " art. 9", "reason_required: false");
    expect(&f, "restocking-fee", RETOUR_SEVERITY_ERROR, 6, 19, "withdrawal.restocking_fee",
           CRD " art. 13(1)", "restocking_fee: none");
    expect(&f, "condition-unused", RETOUR_SEVERITY_ERROR, 7, 14, "withdrawal.condition",
           CRD " art. 14(2)", "condition: any");

    assert_int_equal(lint(HEAD("EU") "withdrawal:\n  condition: undamaged\n"
                                     "  restocking_fee: none\n",
                          &f),
                     0);
    expect(&f, "condition-undamaged", RETOUR_SEVERITY_WARNING, 5, 14, "withdrawal.condition",
           CRD " art. 14(2)", "condition: any");
    assert_int_equal(f.count, 1);
}

static void test_outbound_shipping(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("UK") "withdrawal:\n  refund_outbound_shipping: false\n", &f), 1);
    expect(&f, "outbound-shipping-not-refunded", RETOUR_SEVERITY_ERROR, 5, 29,
           "withdrawal.refund_outbound_shipping", "CCR 2013 reg. 34",
           "refund_outbound_shipping: true");
    /* Lawful as a limit on the days the shop adds: information only. */
    assert_int_equal(lint(HEAD("UK") "withdrawal:\n  days: 30\n  refund_outbound_shipping: false\n",
                          &f),
                     0);
    expect(&f, "outbound-shipping-not-refunded", RETOUR_SEVERITY_INFO, 6, 29,
           "withdrawal.refund_outbound_shipping", "CCR 2013 reg. 34", "extra days only");
}

/* ---- packaging -------------------------------------------------------------------------- */

static void test_packaging_rules(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("BE") "withdrawal:\n  days: 30\n"
                                     "packaging:\n  opened: deduct 5%\n  damaged: reject\n"
                                     "  missing: deduct 60%\n",
                          &f),
                     2);
    expect(&f, "opened-packaging-refused", RETOUR_SEVERITY_ERROR, 7, 11, "packaging.opened",
           CRD " art. 14(2)", "opened: accept");
    expect(&f, "packaging-damage-refused", RETOUR_SEVERITY_ERROR, 8, 12, "packaging.damaged",
           CRD " art. 14(2)", "deduct N%");
    expect(&f, "deduction-above-half", RETOUR_SEVERITY_WARNING, 9, 12, "packaging.missing",
           CRD " art. 14(2)", "lower percentage");
    /* Half is the limit of the warning, not over it. */
    assert_int_equal(lint(HEAD("BE") "withdrawal:\n  days: 30\npackaging:\n  damaged: deduct 50%\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

static void test_strict_minimum_window(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  days: 14\npackaging:\n  damaged: review\n", &f),
                     0);
    expect(&f, "strict-minimum-window", RETOUR_SEVERITY_WARNING, 5, 9, "withdrawal.days",
           "BW 6:230o; " CRD " art. 9", "a few days more");
    /* Without the key written, the warning points at no line. */
    assert_int_equal(lint(HEAD("NL") "packaging:\n  missing: deduct 2.00\n", &f), 0);
    expect(&f, "strict-minimum-window", RETOUR_SEVERITY_WARNING, 0, 0, "withdrawal.days",
           "BW 6:230o; " CRD " art. 9", "a few days more");
    /* More days than the law, or lenient packaging: nothing to warn about. */
    assert_int_equal(lint(HEAD("NL") "withdrawal:\n  days: 21\npackaging:\n  damaged: review\n", &f),
                     0);
    assert_int_equal(f.count, 0);
    assert_int_equal(lint(HEAD("NL") "packaging:\n  damaged: accept\n  missing: deduct 0%\n", &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* ---- categories --------------------------------------------------------------------------- */

static void test_own_exclusions(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("IT") "categories:\n"
                                     "  sale: { returnable: false }\n"          /* 5 */
                                     "  underwear:\n    returnable: false\n"    /* 6-7 */
                                     "  custom-prints:\n    returnable: false\n", /* 8-9 */
                          &f),
                     3);
    assert_string_equal(f.d[0].path, "categories.sale.returnable");
    assert_int_equal(f.d[0].line, 5);
    assert_int_equal(f.d[0].column, 23);
    assert_string_equal(f.d[0].law, CRD " art. 9");
    assert_non_null(strstr(f.d[0].fix, "no legal exception fits"));
    /* The closest real exception is named, with its national citation. */
    assert_string_equal(f.d[1].path, "categories.underwear.returnable");
    assert_string_equal(f.d[1].law, "Codice del consumo art. 59(1)(e); " CRD " art. 16(e)");
    assert_non_null(strstr(f.d[1].fix, "exclusion: hygiene_sealed (art. 16(e))"));
    assert_string_equal(f.d[2].law, "Codice del consumo art. 59(1)(c); " CRD " art. 16(c)");
    assert_non_null(strstr(f.d[2].fix, "exclusion: personalised (art. 16(c))"));

    /* With days added, the restriction is lawful for those days: information. */
    assert_int_equal(lint(HEAD("IT") "withdrawal:\n  days: 30\ncategories:\n"
                                     "  sale: { returnable: false }\n",
                          &f),
                     0);
    expect(&f, "not-a-legal-exception", RETOUR_SEVERITY_INFO, 7, 23, "categories.sale.returnable",
           CRD " art. 9", "extra days only");
    /* A real exception is no finding at all. */
    assert_int_equal(lint(HEAD("IT") "categories:\n  earrings: { exclusion: hygiene_sealed }\n", &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* ---- complaints and review ---------------------------------------------------------------- */

static void test_complaint_clauses(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("ES") "complaints:\n  guarantee_months: 12\n"
                                     "  presumption_months: 6\n  remedy: refund\n",
                          &f),
                     2);
    expect(&f, "guarantee-shorter-than-law", RETOUR_SEVERITY_WARNING, 5, 21,
           "complaints.guarantee_months", "TRLGDCU art. 120; " SGD " art. 10(1)",
           "leave guarantee_months out");
    expect(&f, "presumption-too-short", RETOUR_SEVERITY_ERROR, 6, 23,
           "complaints.presumption_months", SGD " art. 11", "presumption_months: 24");
    expect(&f, "remedy-denies-repair", RETOUR_SEVERITY_ERROR, 7, 11, "complaints.remedy",
           SGD " art. 13(2)", "remedy: repair");
    size_t i = only(&f, "presumption-too-short");
    assert_string_equal(f.d[i].message,
                        "a presumption of 6 months is shorter than the law's 24: within them the "
                        "shop must prove the goods were fine at delivery");
    /* More than the law is the shop's generosity. */
    assert_int_equal(lint(HEAD("DE") "complaints:\n  guarantee_months: 36\n"
                                     "  presumption_months: 18\n  remedy: replace\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* Issue 19's complaint clauses: a duty to report a defect only where the law has one, and
 * not shorter than it (Directive (EU) 2019/771 art. 12); no form as a condition; the
 * consumer's choice of repair or replacement (art. 13(2)); a credit note is no remedy. */
static void test_complaint_notice_and_remedy(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("DE") "complaints:\n  notice_within_months: 2\n"
                                     "  notice_form: form\n  remedy: repair_only\n",
                          &f),
                     3);
    expect(&f, "notice-duty-not-in-law", RETOUR_SEVERITY_ERROR, 5, 25,
           "complaints.notice_within_months", SGD " art. 12", "remove notice_within_months");
    expect(&f, "notice-form-required", RETOUR_SEVERITY_ERROR, 6, 16, "complaints.notice_form",
           SGD " art. 12", "notice_form: any");
    expect(&f, "remedy-denies-choice", RETOUR_SEVERITY_ERROR, 7, 11, "complaints.remedy",
           SGD " art. 13(2)", "remedy: repair or remedy: replace");
    /* NL has a duty of two months: one is too short, two or more lawful; written notice is
     * a warning only. */
    assert_int_equal(lint(HEAD("NL") "complaints:\n  notice_within_months: 1\n"
                                     "  notice_form: written\n",
                          &f),
                     1);
    expect(&f, "notice-period-too-short", RETOUR_SEVERITY_ERROR, 5, 25,
           "complaints.notice_within_months", SGD " art. 12", "notice_within_months: 2 or more");
    expect(&f, "notice-form-required", RETOUR_SEVERITY_WARNING, 6, 16, "complaints.notice_form",
           SGD " art. 12", "notice_form: any");
    assert_int_equal(lint(HEAD("SE") "complaints:\n  notice_within_months: 2\n"
                                     "  notice_form: any\n  remedy: replace\n",
                          &f),
                     0);
    assert_int_equal(f.count, 0);
    assert_int_equal(lint(HEAD("BE") "complaints:\n  remedy: credit_note\n", &f), 1);
    expect(&f, "remedy-denies-repair", RETOUR_SEVERITY_ERROR, 5, 11, "complaints.remedy",
           SGD " art. 13(2)", "remedy: repair");
    assert_string_equal(f.d[0].message,
                        "a credit note is no remedy the consumer must accept: the consumer "
                        "chooses repair or replacement first, then a price reduction or a "
                        "refund");
}

static void test_review_everything(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint(HEAD("NL") "review:\n  claims_last_year: 1\n", &f), 0);
    expect(&f, "review-holds-every-request", RETOUR_SEVERITY_WARNING, 5, 21,
           "review.claims_last_year", "BW 6:230r(1); " CRD " art. 13(1)", "raise the threshold");
    assert_int_equal(lint(HEAD("NL") "review:\n  claims_last_year: 3\n  amount: \"0.00\"\n", &f), 0);
    expect(&f, "review-holds-every-request", RETOUR_SEVERITY_WARNING, 6, 11, "review.amount",
           "BW 6:230r(1); " CRD " art. 13(1)", "raise the threshold");
    assert_int_equal(lint(HEAD("NL") "review:\n  claims_last_year: 3\n  amount: \"500.00\"\n", &f),
                     0);
    assert_int_equal(f.count, 0);
}

/* ---- language, order and the example ----------------------------------------------------- */

static void test_dutch(void **state)
{
    (void)state;
    found f;
    assert_int_equal(lint_in(HEAD("NL") "withdrawal:\n  reason_required: true\n", RETOUR_LANG_NL,
                             &f),
                     1);
    assert_string_equal(f.d[0].message,
                        "een consument mag herroepen zonder opgave van redenen; een winkel mag "
                        "ernaar vragen, maar het niet als voorwaarde stellen");
    assert_string_equal(f.d[0].fix,
                        "schrijf reason_required: false (een veld voor de reden mag optioneel "
                        "blijven)");
    /* A version 2 options struct has no language: English. */
    retour_options o = RETOUR_OPTIONS_INIT;
    o.version = 2;
    o.lang = RETOUR_LANG_NL; /* not read */
    memset(&f, 0, sizeof f);
    const char *text = HEAD("NL") "withdrawal:\n  reason_required: true\n";
    assert_int_equal(retour_policy_check(text, strlen(text), "shop.yaml", &o, collect, &f, NULL),
                     1);
    assert_non_null(strstr(f.d[0].message, "without giving any reason"));
}

/* The findings of the example of story 1's terms, in file order, each at its byte offset. */
static void test_bad_terms_example(void **state)
{
    (void)state;
    static const struct { const char *code; int line; retour_severity severity; } want[] = {
        { "withdrawal-period-too-short", 12, RETOUR_SEVERITY_ERROR },
        { "reason-required", 13, RETOUR_SEVERITY_ERROR },
        { "restocking-fee", 14, RETOUR_SEVERITY_ERROR },
        { "condition-unused", 15, RETOUR_SEVERITY_ERROR },
        { "return-window-too-short", 16, RETOUR_SEVERITY_ERROR },
        { "refund-too-late", 17, RETOUR_SEVERITY_ERROR },
        { "outbound-shipping-not-refunded", 18, RETOUR_SEVERITY_ERROR },
        { "refund-counted-from-receipt", 19, RETOUR_SEVERITY_ERROR },
        { "refund-withheld-until-received", 20, RETOUR_SEVERITY_ERROR },
        { "timely-when-goods", 21, RETOUR_SEVERITY_ERROR },
        { "withdrawal-requirement", 22, RETOUR_SEVERITY_ERROR }, /* form */
        { "withdrawal-requirement", 22, RETOUR_SEVERITY_ERROR }, /* invoice */
        { "withdrawal-requirement", 22, RETOUR_SEVERITY_ERROR }, /* original_packaging */
        { "refund-not-original-payment", 23, RETOUR_SEVERITY_ERROR },
        { "return-risk-consumer", 24, RETOUR_SEVERITY_WARNING }, /* unsettled in NL */
        { "withdrawal-function-missing", 25, RETOUR_SEVERITY_ERROR },
        { "opened-packaging-refused", 28, RETOUR_SEVERITY_ERROR },
        { "packaging-damage-refused", 29, RETOUR_SEVERITY_ERROR },
        { "not-a-legal-exception", 34, RETOUR_SEVERITY_ERROR },
        { "restocking-fee", 35, RETOUR_SEVERITY_ERROR },
        { "remedy-denies-repair", 38, RETOUR_SEVERITY_ERROR },
        { "presumption-too-short", 39, RETOUR_SEVERITY_ERROR },
        { "notice-period-too-short", 40, RETOUR_SEVERITY_ERROR },
        { "notice-form-required", 41, RETOUR_SEVERITY_ERROR },
    };
    found f;
    memset(&f, 0, sizeof f);
    assert_int_equal(retour_policy_check_file(RETOUR_TEST_DATA
                                              "/../../examples/policies/bad-terms-nl.yaml",
                                              NULL, collect, &f, NULL),
                     23);
    assert_int_equal(f.count, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < f.count; i++) {
        assert_string_equal(f.d[i].code, want[i].code);
        assert_int_equal(f.d[i].line, want[i].line);
        assert_int_equal(f.d[i].severity, want[i].severity);
        assert_string_not_equal(f.d[i].law, "(none)");
        if (i > 0)
            assert_true(f.d[i].offset > f.d[i - 1].offset);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_jurisdiction_lawful_by_default),
        cmocka_unit_test(test_none_allows_shop_terms),
        cmocka_unit_test(test_schema_errors_stop_the_lint),
        cmocka_unit_test(test_window_too_short),
        cmocka_unit_test(test_window_from_order),
        cmocka_unit_test(test_refund_and_return_deadlines),
        cmocka_unit_test(test_working_days),
        cmocka_unit_test(test_timing),
        cmocka_unit_test(test_fees_and_requirements),
        cmocka_unit_test(test_refund_risk_function),
        cmocka_unit_test(test_not_informed),
        cmocka_unit_test(test_reason_fee_condition),
        cmocka_unit_test(test_outbound_shipping),
        cmocka_unit_test(test_packaging_rules),
        cmocka_unit_test(test_strict_minimum_window),
        cmocka_unit_test(test_own_exclusions),
        cmocka_unit_test(test_complaint_clauses),
        cmocka_unit_test(test_complaint_notice_and_remedy),
        cmocka_unit_test(test_review_everything),
        cmocka_unit_test(test_dutch),
        cmocka_unit_test(test_bad_terms_example),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
