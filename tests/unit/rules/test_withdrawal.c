/* Unit tests for the withdrawal rules of retour_evaluate(): the period, the legal exceptions,
 * the shop's own restrictions, packaging, the overall outcome, reason sources, citations and
 * messages. Policies are inline YAML; requests are built through the C API. One test per rule. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decision_asserts.h"
#include "evaluation_support.h"

/* ------------------------------------------------------------------------------------
 * Helpers of this file (the shared ones are in evaluation_support.h)
 * ---------------------------------------------------------------------------------- */

/* A message names the category, capitalised when it opens the sentence. */
static void assert_names_category(const char *msg, const char *category)
{
    size_t n = strlen(category);
    if (strncmp(msg + 1, category + 1, n - 1) == 0 && msg[0] == category[0] - 'a' + 'A')
        return;
    assert_contains(msg, category);
}

/* Line 2 of every policy below (HEAD) is the jurisdiction; its value starts in column 15. */
#define JUR_LINE 2
#define JUR_COL 15

/* ------------------------------------------------------------------------------------
 * 1. The period
 * ---------------------------------------------------------------------------------- */

/* Delivered 2026-03-03: the 14 days start the next day, the deadline is 2026-03-17. */
static void test_period_from_delivery(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));

    eval_one(f, ymd(2026, 3, 17), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period");
    assert_reason(f->d, "within_withdrawal_period", -1, CRD " art. 9", JUR_LINE, JUR_COL);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 1000, 0);
    assert_date(retour_decision_return_by(f->d), "2026-03-31");
    assert_date(retour_decision_refund_by(f->d), "2026-03-31");
    assert_string_equal(retour_decision_currency(f->d), "EUR");

    eval_one(f, ymd(2026, 3, 18), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-17");
    assert_reasons(f->d, "withdrawal_period_expired");
    assert_reason(f->d, "withdrawal_period_expired", -1, CRD " art. 9", JUR_LINE, JUR_COL);
    assert_item(f->d, 0, RETOUR_OUTCOME_REJECT, 0, 0);
    assert_date(retour_decision_return_by(f->d), NULL);
    assert_date(retour_decision_refund_by(f->d), NULL);

    /* Calendar days across a year end and a leap day; a last day on a weekend moves to
     * the Monday (the EU baseline's calendar is "weekends"; test_calendar_deadlines). */
    static const struct {
        int y, m, d;
        const char *deadline;
    } ends[] = {
        { 2026, 12, 19, "2027-01-02" }, /* day 14 on a Saturday: Monday 2027-01-04 */
        { 2026, 12, 21, "2027-01-04" },
        { 2028, 2, 16, "2028-03-01" },  /* across 29 February */
        { 2027, 2, 17, "2027-03-03" },
    };
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        retour_date delivered = ymd(ends[i].y, ends[i].m, ends[i].d);
        retour_date end = delivered + 14;
        if (i == 0)
            end += 2;
        eval_one(f, end, "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
        assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000,
                       i == 0 ? "2027-01-04" : ends[i].deadline);
        assert_int_equal(retour_decision_withdrawal_deadline(f->d), end);
        eval_one(f, end + 1, "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
        assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0,
                       i == 0 ? "2027-01-04" : ends[i].deadline);
    }
}

/* Split delivery: the period runs from the last good, whether it is among the items or
 * only named by retour_request_set_last_delivered(). */
static void test_split_delivery(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));

    /* 03-03 alone would end on 03-17; the second parcel on 03-06 moves it to 03-20. */
    reset(f, ymd(2026, 3, 20));
    add(f, "EARLY", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    add(f, "LATE", NULL, 2000, 1, ymd(2026, 3, 6), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 3000, "2026-03-20");
    assert_reasons(f->d, "within_withdrawal_period packaging_opened_allowed#0 "
                         "packaging_opened_allowed#1");

    /* Order independent: the later item first. */
    reset(f, ymd(2026, 3, 21));
    add(f, "LATE", NULL, 2000, 1, ymd(2026, 3, 6), RETOUR_PACKAGING_OPENED);
    add(f, "EARLY", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-20");
    assert_reasons(f->d, "withdrawal_period_expired");

    /* The last good is kept by the consumer and only named. */
    reset(f, ymd(2026, 3, 24));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 10)), RETOUR_OK);
    assert_int_equal(retour_request_set_whole_order(f->r, 0), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-24");
    assert_reasons(f->d, "within_withdrawal_period");

    reset(f, ymd(2026, 3, 25));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 10)), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-24");

    /* An earlier last_delivered never shortens the period of the items' own deliveries. */
    reset(f, ymd(2026, 3, 17));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-17");

    /* RETOUR_DATE_NONE clears it again. */
    reset(f, ymd(2026, 3, 18));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 10)), RETOUR_OK);
    assert_int_equal(retour_request_set_last_delivered(f->r, RETOUR_DATE_NONE), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-17");
}

/* The shop's longer window: after the legal 14 days, basis shop_policy until day 30. */
static void test_shop_window(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")          /* 1-3 */
            "withdrawal:\n"     /* 4 */
            "  days: 30\n");    /* 5, value at column 9 */

    eval_one(f, ymd(2026, 3, 23), "A", NULL, 2500, ymd(2026, 3, 3), /* day 20 */
             RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 2500, "2026-04-02");
    assert_reasons(f->d, "within_shop_period");
    assert_reason(f->d, "within_shop_period", -1, NULL, 5, 9);
    assert_string_equal(message(f->d, 0, RETOUR_LANG_EN),
                        "Notified on 2026-03-23, within the shop's own 30-day return window "
                        "that ends on 2026-04-02.");
    assert_date(retour_decision_return_by(f->d), "2026-04-06");
    assert_date(retour_decision_refund_by(f->d), "2026-04-06");

    eval_one(f, ymd(2026, 3, 17), "A", NULL, 2500, ymd(2026, 3, 3), /* day 14: still the law */
             RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 2500, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period");

    eval_one(f, ymd(2026, 4, 2), "A", NULL, 2500, ymd(2026, 3, 3), /* day 30: the last day */
             RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 2500, "2026-04-02");

    eval_one(f, ymd(2026, 4, 3), "A", NULL, 2500, ymd(2026, 3, 3), /* day 31 */
             RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "withdrawal_period_expired");
    /* The shop's window ended last, so its line decided and no law is cited. */
    assert_reason(f->d, "withdrawal_period_expired", -1, NULL, 5, 9);
    assert_item(f->d, 0, RETOUR_OUTCOME_REJECT, 0, 0);
    assert_date(retour_decision_return_by(f->d), NULL);
    assert_date(retour_decision_refund_by(f->d), NULL);
}

/* A window shorter than the law (days: 7) changes nothing: the legal 14 days remain. */
static void test_shorter_shop_window_is_harmless(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "withdrawal:\n  days: 7\n");
    eval_one(f, ymd(2026, 3, 17), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    /* Terms that state 7 days do not inform the consumer of the law's 14 (art. 6(1)(h)): the
     * period is extended by 12 months (art. 10(1), issue 19). */
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2027-03-17");
    /* Day 14 is after the policy's 7 days: the clause is named as set aside, at its line. */
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "withdrawal_information_wrong");
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 9", 5, 9);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", -1, RETOUR_LANG_EN),
                        "The policy's withdrawal.days gives the consumer less than the law; it "
                        "does not apply here and the law decides.");
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", -1, RETOUR_LANG_NL),
                        "De bepaling withdrawal.days in het beleid geeft de consument minder dan "
                        "de wet; die geldt hier niet en de wet beslist.");

    /* Inside the policy's own 7 days the clause decided nothing: no floor reason. */
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period withdrawal_information_wrong");
}

/* Evaluates one item (A, 10.00) ordered on 2026-03-01 and delivered on 2026-03-10. */
static void eval_ordered(fx *f, retour_date notified)
{
    reset(f, notified);
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 10), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
}

/* starts: order moves the shop's window to the order date but never the legal period. */
static void test_starts_order(void **state)
{
    fx *f = *state;
    /* 30 days from the order 03-01 end 03-31; the law's 14 from delivery 03-10 end 03-24. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n  starts: order\n");
    eval_ordered(f, ymd(2026, 3, 24));
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-31");
    assert_reasons(f->d, "within_withdrawal_period");

    eval_ordered(f, ymd(2026, 3, 31));
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 1000, "2026-03-31");
    assert_reason(f->d, "within_shop_period", -1, NULL, 5, 9);

    eval_ordered(f, ymd(2026, 4, 1));
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-03-31");

    /* 14 days from the order (03-15) are shorter than the law (03-24): the law wins. */
    load(f, HEAD("EU") "withdrawal:\n  days: 14\n  starts: order\n");
    eval_ordered(f, ymd(2026, 3, 24));
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-24");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 9", 6, 11);

    eval_ordered(f, ymd(2026, 3, 25));
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-24");
    assert_reason(f->d, "withdrawal_period_expired", -1, CRD " art. 9", JUR_LINE, JUR_COL);
}

/* starts: order without an order date: RETOUR_EREQUEST naming "ordered". */
static void test_starts_order_needs_ordered(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n  starts: order\n");
    /* A previous result must not survive the failure. */
    eval_ordered(f, ymd(2026, 3, 12));
    assert_int_equal(retour_decision_item_count(f->d), 1);

    reset(f, ymd(2026, 3, 12));
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 10), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_EREQUEST);
    assert_int_equal(f->err.code, RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "ordered");
    assert_int_equal(f->err.line, 0);
    assert_string_equal(f->err.file, "");
    assert_contains(f->err.message, "starts: order");
    assert_no_result(f->d);

    /* With starts: delivery the order date is not needed. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n");
    eval_ok(f);
}

/* informed: false adds 12 months to the end of the 14 days (art. 10(1)). */
static void test_not_informed_extension(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")             /* 1-3 */
            "withdrawal:\n"        /* 4 */
            "  informed: false\n"); /* 5, value at column 13 */

    eval_one(f, ymd(2027, 3, 17), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2027-03-17");
    assert_reasons(f->d, "within_withdrawal_period withdrawal_period_extended");
    assert_reason(f->d, "within_withdrawal_period", -1, CRD " art. 9", JUR_LINE, JUR_COL);
    assert_reason(f->d, "withdrawal_period_extended", -1, CRD " art. 10(1)", 5, 13);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The consumer was not informed of the right of withdrawal, so the period "
                        "is extended by 12 months, to 2027-03-17.");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_NL),
                        "De consument is niet over het herroepingsrecht geïnformeerd, dus de "
                        "bedenktijd is met 12 maanden verlengd, tot 2027-03-17.");

    eval_one(f, ymd(2027, 3, 18), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2027-03-17");
    assert_reasons(f->d, "withdrawal_period_expired");

    /* National citations: DE §356(3), UK reg. 31 without the directive. */
    load(f, HEAD("DE") "withdrawal:\n  informed: false\n");
    eval_one(f, ymd(2026, 9, 1), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_reason(f->d, "withdrawal_period_extended", -1, "BGB §356(3); " CRD " art. 10(1)", 5,
                  13);
    load(f, HEAD("UK") "withdrawal:\n  informed: false\n");
    eval_ok(f);
    assert_reason(f->d, "withdrawal_period_extended", -1, "CCR 2013 reg. 31", 5, 13);
    assert_date(retour_decision_withdrawal_deadline(f->d), "2027-03-17");

    /* 12 months from the end of the 14 days; a missing day becomes the month's last. */
    load(f, HEAD("EU") "withdrawal:\n  informed: false\n");
    static const struct {
        int y, m, d;
        const char *deadline;
    } ends[] = {
        /* 14 days end on Sunday 2027-02-28, so on Monday 03-01; 12 months from then. */
        { 2027, 2, 14, "2028-03-01" },
        { 2028, 2, 15, "2029-02-28" }, /* 14 days end Tuesday 2028-02-29 */
        { 2026, 12, 21, "2028-01-04" },
    };
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        retour_date day = ymd(ends[i].y, ends[i].m, ends[i].d);
        eval_one(f, day, "A", NULL, 1000, day, RETOUR_PACKAGING_SEALED);
        assert_date(retour_decision_withdrawal_deadline(f->d), ends[i].deadline);
    }
}

/* ------------------------------------------------------------------------------------
 * 2. Legal exceptions
 * ---------------------------------------------------------------------------------- */

typedef struct exclusion_case {
    const char *id;
    const char *code;
    char letter;
} exclusion_case;

static const exclusion_case exclusions[] = {
    { "services_performed", "excluded_services_performed", 'a' },
    { "price_fluctuation", "excluded_price_fluctuation", 'b' },
    { "personalised", "excluded_personalised", 'c' },
    { "perishable", "excluded_perishable", 'd' },
    { "hygiene_sealed", "excluded_unsealed_hygiene", 'e' },
    { "mixed_goods", "excluded_mixed_goods", 'f' },
    { "alcohol_future_delivery", "excluded_alcohol_future_delivery", 'g' },
    { "urgent_repairs", "excluded_urgent_repairs", 'h' },
    { "sealed_media", "excluded_unsealed_media", 'i' },
    { "newspaper", "excluded_newspaper", 'j' },
    { "public_auction", "excluded_public_auction", 'k' },
    { "dated_service", "excluded_dated_service", 'l' },
    { "digital_content", "excluded_digital_content", 'm' },
};

#define EXCLUSION_COUNT (sizeof exclusions / sizeof exclusions[0])

/* A policy with one category "goods" whose exclusion value is on line 6, column 16. */
static void load_exclusion(fx *f, const char *jurisdiction, const char *id, const char *extra)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml,
             "retour: 1\n"               /* 1 */
             "jurisdiction: %s\n"        /* 2 */
             "currency: EUR\n"           /* 3 */
             "categories:\n"             /* 4 */
             "  goods:\n"                /* 5 */
             "    exclusion: %s\n"       /* 6, value at column 16 */
             "%s",                       /* 7...: more keys of "goods" */
             jurisdiction, id, extra ? extra : "");
    load(f, yaml);
}

#define EXCL_LINE 6
#define EXCL_COL 16

/* The period's reason and then `code` for item 0 alone, citing `law` and the exclusion line. */
static void assert_excluded(const retour_decision *d, const char *code, const char *law)
{
    char expected[128];
    snprintf(expected, sizeof expected, "within_withdrawal_period %s#0", code);
    assert_reasons(d, expected);
    assert_reason(d, code, 0, law, EXCL_LINE, EXCL_COL);
}

/* Each exclusion id rejects with its code and cites its letter of art. 16 (EU). */
static void test_each_exclusion_eu(void **state)
{
    fx *f = *state;
    for (size_t i = 0; i < EXCLUSION_COUNT; i++) {
        char law[64];
        snprintf(law, sizeof law, CRD " art. 16(%c)", exclusions[i].letter);
        load_exclusion(f, "EU", exclusions[i].id, NULL);
        reset(f, ymd(2026, 3, 10));
        shipping(f, 495);
        add(f, "X", "goods", 4999, 2, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
        eval_ok(f);
        assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0,
                       "2026-03-17");
        assert_excluded(f->d, exclusions[i].code, law);
        assert_item(f->d, 0, RETOUR_OUTCOME_REJECT, 0, 0);
        assert_int_equal(retour_decision_shipping_refunded(f->d), 0);
        assert_date(retour_decision_return_by(f->d), NULL);
        assert_date(retour_decision_refund_by(f->d), NULL);
        /* The category name reaches the message. */
        assert_names_category(message(f->d, 1, RETOUR_LANG_EN), "goods");
        assert_names_category(message(f->d, 1, RETOUR_LANG_NL), "goods");
    }
}

/* Legal exceptions also apply in the shop's extra window. */
static void test_exclusion_in_shop_window(void **state)
{
    fx *f = *state;
    load_exclusion(f, "EU", "personalised", "withdrawal:\n  days: 30\n");
    eval_one(f, ymd(2026, 3, 25), "X", "goods", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "within_shop_period excluded_personalised#0");
    assert_reason(f->d, "excluded_personalised", 0, CRD " art. 16(c)", EXCL_LINE, EXCL_COL);
}

/* National citations come first; NL cites only the directive for exceptions; the UK cites
 * its regulations without the directive. */
static void test_exclusion_citations(void **state)
{
    fx *f = *state;
    static const struct {
        const char *jurisdiction, *id, *code, *law, *period_law;
    } cases[] = {
        { "DE", "hygiene_sealed", "excluded_unsealed_hygiene",
          "BGB §312g(2) Nr. 3; " CRD " art. 16(e)", "BGB §355(2), §356(2); " CRD " art. 9" },
        { "DE", "personalised", "excluded_personalised", "BGB §312g(2); " CRD " art. 16(c)",
          "BGB §355(2), §356(2); " CRD " art. 9" },
        { "DE", "services_performed", "excluded_services_performed",
          "BGB §356(4); " CRD " art. 16(a)", "BGB §355(2), §356(2); " CRD " art. 9" },
        { "DE", "digital_content", "excluded_digital_content", "BGB §356(5); " CRD " art. 16(m)",
          "BGB §355(2), §356(2); " CRD " art. 9" },
        { "NL", "hygiene_sealed", "excluded_unsealed_hygiene", CRD " art. 16(e)",
          "BW 6:230o; " CRD " art. 9" },
        { "NL", "personalised", "excluded_personalised", CRD " art. 16(c)",
          "BW 6:230o; " CRD " art. 9" },
        { "NL", "sealed_media", "excluded_unsealed_media", CRD " art. 16(i)",
          "BW 6:230o; " CRD " art. 9" },
        { "FR", "perishable", "excluded_perishable",
          "Code de la consommation art. L221-28; " CRD " art. 16(d)",
          "Code de la consommation art. L221-18; " CRD " art. 9" },
        { "UK", "hygiene_sealed", "excluded_unsealed_hygiene", "CCR 2013 reg. 28(3)(a)",
          "CCR 2013 regs. 29-30" },
        { "UK", "personalised", "excluded_personalised", "CCR 2013 reg. 28",
          "CCR 2013 regs. 29-30" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load_exclusion(f, cases[i].jurisdiction, cases[i].id, NULL);
        eval_one(f, ymd(2026, 3, 10), "X", "goods", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
        assert_excluded(f->d, cases[i].code, cases[i].law);
        assert_reason(f->d, "within_withdrawal_period", -1, cases[i].period_law, JUR_LINE,
                      JUR_COL);
        /* The UK left the directive: it is never cited there. */
        if (strcmp(cases[i].jurisdiction, "UK") == 0)
            assert_null(strstr(retour_decision_reason(f->d, 1)->law, "Directive"));
    }
}

static void assert_seal_rule(fx *f, const char *id, const char *code, char letter)
{
    char law[64];
    snprintf(law, sizeof law, CRD " art. 16(%c)", letter);
    load_exclusion(f, "EU", id, NULL);

    /* Sealed: the exception does not apply. */
    eval_one(f, ymd(2026, 3, 10), "X", "goods", 1500, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1500, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period seal_intact#0");
    assert_reason(f->d, "seal_intact", 0, law, EXCL_LINE, EXCL_COL);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 1500, 0);

    /* Unsealed in any way: rejected. */
    static const retour_packaging unsealed[] = { RETOUR_PACKAGING_OPENED,
                                                 RETOUR_PACKAGING_DAMAGED,
                                                 RETOUR_PACKAGING_MISSING };
    for (size_t i = 0; i < 3; i++) {
        eval_one(f, ymd(2026, 3, 10), "X", "goods", 1500, ymd(2026, 3, 3), unsealed[i]);
        assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0,
                       "2026-03-17");
        assert_excluded(f->d, code, law);
        assert_item(f->d, 0, RETOUR_OUTCOME_REJECT, 0, 0);
    }

    /* Unknown: a person checks the seal. Nothing refunded yet, but the goods come back. */
    eval_one(f, ymd(2026, 3, 10), "X", "goods", 1500, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    assert_summary(f->d, RETOUR_OUTCOME_REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period packaging_state_unknown#0");
    assert_reason(f->d, "packaging_state_unknown", 0, law, EXCL_LINE, EXCL_COL);
    assert_item(f->d, 0, RETOUR_OUTCOME_REVIEW, 0, 0);
    assert_date(retour_decision_return_by(f->d), "2026-03-24");
    assert_date(retour_decision_refund_by(f->d), "2026-03-24");
}

static void test_hygiene_sealed(void **state)
{
    assert_seal_rule(*state, "hygiene_sealed", "excluded_unsealed_hygiene", 'e');
}

static void test_sealed_media(void **state)
{
    assert_seal_rule(*state, "sealed_media", "excluded_unsealed_media", 'i');
}

/* Exclusions other than the two seal ones do not care about the seal. */
static void test_non_seal_exclusion_ignores_packaging(void **state)
{
    fx *f = *state;
    load_exclusion(f, "EU", "perishable", NULL);
    static const retour_packaging all[] = { RETOUR_PACKAGING_UNKNOWN, RETOUR_PACKAGING_SEALED,
                                            RETOUR_PACKAGING_OPENED, RETOUR_PACKAGING_DAMAGED,
                                            RETOUR_PACKAGING_MISSING };
    for (size_t i = 0; i < 5; i++) {
        eval_one(f, ymd(2026, 3, 10), "X", "goods", 1000, ymd(2026, 3, 3), all[i]);
        assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0,
                       "2026-03-17");
        assert_reasons(f->d, "within_withdrawal_period excluded_perishable#0");
    }
}

/* exclusion_waived: true: the shop takes the items back like ordinary goods. */
static void test_exclusion_waived(void **state)
{
    fx *f = *state;
    /* Line 7: "    exclusion_waived: true", value at column 23. */
    load_exclusion(f, "EU", "personalised",
                   "    exclusion_waived: true\n"
                   "packaging:\n"
                   "  damaged: deduct 20%\n");
    eval_one(f, ymd(2026, 3, 10), "X", "goods", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-17");
    assert_reasons(f->d,
                   "within_withdrawal_period exclusion_waived#0 packaging_opened_allowed#0");
    assert_reason(f->d, "exclusion_waived", 0, NULL, 7, 23);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 1000, 0);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The shop takes goods items back although the law would let it refuse "
                        "them.");

    /* The packaging rules still apply to a waived category. */
    eval_one(f, ymd(2026, 3, 10), "X", "goods", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_WITHDRAWAL_RIGHT, 800, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period exclusion_waived#0 damaged_deduction#0");

    /* A waived seal exclusion needs no seal check: unknown packaging is accepted. */
    load_exclusion(f, "EU", "hygiene_sealed", "    exclusion_waived: true\n");
    eval_one(f, ymd(2026, 3, 10), "X", "goods", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period exclusion_waived#0");
    assert_reason(f->d, "exclusion_waived", 0, NULL, 7, 23);

    /* exclusion_waived: false is the default: still excluded. */
    load_exclusion(f, "EU", "personalised", "    exclusion_waived: false\n");
    eval_one(f, ymd(2026, 3, 10), "X", "goods", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0");
}

/* ------------------------------------------------------------------------------------
 * 3. The shop's own restriction
 * ---------------------------------------------------------------------------------- */

/* returnable: false only takes away the shop's extra days, never the statutory 14. */
static void test_returnable_false(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                /* 1-3 */
            "withdrawal:\n"           /* 4 */
            "  days: 30\n"            /* 5 */
            "categories:\n"           /* 6 */
            "  sale:\n"               /* 7 */
            "    returnable: false\n"); /* 8, value at column 17 */

    eval_one(f, ymd(2026, 3, 17), "S", "sale", 1999, ymd(2026, 3, 3), /* day 14 */
             RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1999, "2026-04-02");
    /* A limit on the 16 days the shop adds is lawful: nothing is set aside. */
    assert_reasons(f->d, "within_withdrawal_period");
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 1999, 0);

    eval_one(f, ymd(2026, 3, 23), "S", "sale", 1999, ymd(2026, 3, 3), /* day 20 */
             RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "within_shop_period excluded_by_shop#0");
    assert_reason(f->d, "excluded_by_shop", 0, NULL, 8, 17);
    assert_item(f->d, 0, RETOUR_OUTCOME_REJECT, 0, 0);
    assert_date(retour_decision_return_by(f->d), NULL);

    /* Other categories keep the shop's window (tops, not listed, as ordinary goods). */
    reset(f, ymd(2026, 3, 23));
    add(f, "S", "sale", 1999, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "T", "tops", 3000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY, 3000, "2026-04-02");
    assert_reasons(f->d, "within_shop_period excluded_by_shop#0 category_not_listed#1");
    assert_item(f->d, 1, RETOUR_OUTCOME_ACCEPT, 3000, 0);
}

/* With no days added, returnable: false can only refuse the statutory right: the law sets
 * the clause aside and says so at its line. */
static void test_returnable_false_without_extra_days(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                  /* 1-3 */
            "categories:\n"             /* 4 */
            "  sale:\n"                 /* 5 */
            "    returnable: false\n"); /* 6, value at column 17 */
    eval_one(f, ymd(2026, 3, 17), "S", "sale", 1999, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1999, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, CRD " art. 9", 6, 17);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", 0, RETOUR_LANG_EN),
                        "The policy makes sale items non-returnable, but that is no legal "
                        "exception: within the statutory period they may be withdrawn like any "
                        "other goods.");
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 1999, 0);

    /* Outside any window the item is late like any other. */
    eval_one(f, ymd(2026, 3, 18), "S", "sale", 1999, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-17");
}

/* An unlisted or absent category takes default_category. */
static void test_default_category(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "categories:\n"                             /* 4 */
            "  plain: {}\n"                             /* 5 */
            "  custom: { exclusion: personalised }\n"   /* 6, value at column 24 */
            "default_category: custom\n");              /* 7 */
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", "gadgets", 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "C", "plain", 3000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_WITHDRAWAL_RIGHT, 3000, "2026-03-17");
    /* The unlisted name says so (test_category_not_listed has the details). */
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0 "
                         "category_not_listed#1 excluded_personalised#1");
    assert_reason(f->d, "excluded_personalised", 0, CRD " art. 16(c)", 6, 24);
    assert_reason(f->d, "excluded_personalised", 1, CRD " art. 16(c)", 6, 24);
    /* The message names the category the item gave, or the default's name. */
    assert_contains(message(f->d, 1, RETOUR_LANG_EN), "Custom items are made");
    assert_contains(message(f->d, 3, RETOUR_LANG_EN), "Gadgets items are made");

    /* Without default_category, unlisted items are ordinary goods. */
    load(f, HEAD("EU") "categories:\n  custom: { exclusion: personalised }\n");
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 6000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#1 category_not_listed#2");
}

/* ------------------------------------------------------------------------------------
 * 4. Packaging
 * ---------------------------------------------------------------------------------- */

/* Opened packaging never blocks and never costs anything, whatever the policy says. */
static void test_opened_never_blocks(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL") "packaging:\n  damaged: review\n  missing: deduct 50%\n");
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "PHONE", NULL, 49900, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 50395, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period packaging_opened_allowed#0 "
                         "outbound_shipping_refunded");
    assert_reason(f->d, "packaging_opened_allowed", 0, "BW 6:230s; " CRD " art. 14(2)", 0, 0);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 49900, 0);
    assert_int_equal(retour_decision_deductions(f->d), 0);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "Opened packaging is no reason to refuse the return: the consumer "
                        "may unpack and try the goods as in a shop.");

    /* In the shop's window too. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\npackaging:\n  damaged: review\n");
    eval_one(f, ymd(2026, 3, 25), "PHONE", NULL, 49900, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 49900, "2026-04-02");
    assert_reasons(f->d, "within_shop_period packaging_opened_allowed#0");
}

/* Sealed or unknown packaging of ordinary goods: accepted, no packaging reason. */
static void test_sealed_or_unknown_ordinary_goods(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  damaged: review\n  missing: review\n");
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 3000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period");
}

/* packaging.damaged: deduct 20% costs 20% of the value; the item and the request are partial. */
static void test_damaged_deduction(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")              /* 1-3 */
            "packaging:\n"          /* 4 */
            "  damaged: deduct 20%\n"); /* 5, value at column 12 */
    eval_one(f, ymd(2026, 3, 10), "BOX", NULL, 14900, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_WITHDRAWAL_RIGHT, 11920, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period damaged_deduction#0");
    assert_reason(f->d, "damaged_deduction", 0, CRD " art. 14(2)", 5, 12);
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 11920, 2980);
    assert_int_equal(retour_decision_deductions(f->d), 2980);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The packaging is damaged beyond what trying requires: a deduction of "
                        "EUR 29.80 (20%) for diminished value.");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_NL),
                        "De verpakking is verder beschadigd dan nodig om te proberen: een aftrek "
                        "van EUR 29.80 (20%) voor waardevermindering.");
}

static void test_damaged_review(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  damaged: review\n");
    eval_one(f, ymd(2026, 3, 10), "BOX", NULL, 14900, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period damaged_review#0");
    assert_reason(f->d, "damaged_review", 0, CRD " art. 14(2)", 5, 12);
    assert_item(f->d, 0, RETOUR_OUTCOME_REVIEW, 0, 0);
    assert_date(retour_decision_return_by(f->d), "2026-03-24");
}

/* packaging.damaged: accept (the default): accepted in full. */
static void test_damaged_accept(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  damaged: accept\n");
    eval_one(f, ymd(2026, 3, 10), "BOX", NULL, 14900, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 14900, "2026-03-17");
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 14900, 0);
    /* The library records the shop's choice with a reason that cites no law. */
    assert_reasons(f->d, "within_withdrawal_period damaged_accepted#0");
    assert_reason(f->d, "damaged_accepted", 0, NULL, 5, 12);
}

/* packaging.missing: deduct 10% / review / accept. */
static void test_missing_packaging(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  damaged: review\n  missing: deduct 10%\n"); /* 6:12 */
    eval_one(f, ymd(2026, 3, 10), "M", NULL, 8000, ymd(2026, 3, 3), RETOUR_PACKAGING_MISSING);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_WITHDRAWAL_RIGHT, 7200, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period missing_packaging_deduction#0");
    assert_reason(f->d, "missing_packaging_deduction", 0, CRD " art. 14(2)", 6, 12);
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 7200, 800);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The original packaging is missing: a deduction of EUR 8.00 (10%) for "
                        "diminished value.");

    load(f, HEAD("EU") "packaging:\n  damaged: deduct 10%\n  missing: review\n");
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period missing_packaging_review#0");
    assert_reason(f->d, "missing_packaging_review", 0, CRD " art. 14(2)", 6, 12);
    assert_item(f->d, 0, RETOUR_OUTCOME_REVIEW, 0, 0);

    load(f, HEAD("EU") "packaging:\n  damaged: review\n  missing: accept\n");
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period missing_packaging_accepted#0");
    assert_reason(f->d, "missing_packaging_accepted", 0, NULL, 6, 12);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 8000, 0);

    /* Without a packaging section a missing box is simply accepted. */
    load(f, HEAD("EU"));
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period missing_packaging_accepted#0");
    assert_reason(f->d, "missing_packaging_accepted", 0, NULL, 0, 0);
}

/* A damaged item (A, 100.00) and one without its box (B, 20.00) under an NL policy with
 * informed: false: both refunded in full, each with a waived deduction. */
static void eval_not_informed_pair(fx *f)
{
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    add(f, "B", NULL, 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_MISSING);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 12000, "2027-03-17");
    assert_reasons(f->d, "within_withdrawal_period withdrawal_period_extended "
                         "deduction_waived_not_informed#0 deduction_waived_not_informed#1");
}

/* informed: false: no deduction for diminished value (art. 14(2), last sentence). */
static void test_not_informed_waives_deduction(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")              /* 1-3 */
            "withdrawal:\n"         /* 4 */
            "  informed: false\n"   /* 5, value at column 13 */
            "packaging:\n"          /* 6 */
            "  damaged: deduct 20%\n"
            "  missing: deduct 5.00\n");
    eval_not_informed_pair(f);
    assert_reason(f->d, "deduction_waived_not_informed", 0, "BW 6:230s; " CRD " art. 14(2)", 5,
                  13);
    assert_reason(f->d, "deduction_waived_not_informed", 1, "BW 6:230s; " CRD " art. 14(2)", 5,
                  13);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 10000, 0);
    assert_item(f->d, 1, RETOUR_OUTCOME_ACCEPT, 2000, 0);
    assert_int_equal(retour_decision_deductions(f->d), 0);
    assert_string_equal(message(f->d, 2, RETOUR_LANG_EN),
                        "No deduction for diminished value: the consumer was not informed of the "
                        "right of withdrawal.");

    /* A review exists only to assess diminished value: not owed, so nothing to review. */
    load(f, HEAD("NL") "withdrawal:\n  informed: false\npackaging:\n  damaged: review\n"
                       "  missing: review\n");
    eval_not_informed_pair(f);
}

/* ------------------------------------------------------------------------------------
 * 5. No statutory right
 * ---------------------------------------------------------------------------------- */

static void test_jurisdiction_none(void **state)
{
    fx *f = *state;
    load(f, HEAD("none")                   /* 1-3 */
            "withdrawal:\n"                /* 4 */
            "  days: 30\n"                 /* 5, value at column 9 */
            "  informed: false\n"          /* 6 */
            "  return_within_days: 7\n"    /* 7 */
            "  refund_within_days: 30\n"   /* 8 */
            "packaging:\n"                 /* 9 */
            "  damaged: deduct 10%\n"      /* 10, value at column 12 */
            "categories:\n"                /* 11 */
            "  sale: { returnable: false }\n"); /* 12, value at column 23 */

    /* Day 5: still only the shop's window; no extension, no law. */
    reset(f, ymd(2026, 3, 8));
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    add(f, "B", NULL, 5000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY, 14000, "2026-04-02");
    assert_reasons(f->d, "within_shop_period damaged_deduction#0 packaging_opened_allowed#1");
    assert_reason(f->d, "within_shop_period", -1, NULL, 5, 9);
    /* informed: false does not waive a deduction without the statutory right. */
    assert_reason(f->d, "damaged_deduction", 0, NULL, 10, 12);
    assert_reason(f->d, "packaging_opened_allowed", 1, NULL, 0, 0);
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 9000, 1000);
    /* The policy's deadlines as written: no legal floor or cap. */
    assert_date(retour_decision_return_by(f->d), "2026-03-15");
    assert_date(retour_decision_refund_by(f->d), "2026-04-07");
    for (size_t i = 0; i < retour_decision_reason_count(f->d); i++)
        assert_null(retour_decision_reason(f->d, i)->law);

    /* returnable: false rejects from the first day. */
    eval_one(f, ymd(2026, 3, 4), "S", "sale", 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "within_shop_period excluded_by_shop#0");
    assert_reason(f->d, "excluded_by_shop", 0, NULL, 12, 23);

    /* Day 31: expired, no law. */
    eval_one(f, ymd(2026, 4, 3), "A", NULL, 10000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "withdrawal_period_expired");
    assert_reason(f->d, "withdrawal_period_expired", -1, NULL, 5, 9);

    /* Without days, the window is the default 14 days. */
    load(f, HEAD("none"));
    eval_one(f, ymd(2026, 3, 17), "A", NULL, 10000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 10000, "2026-03-17");
    assert_reason(f->d, "within_shop_period", -1, NULL, 0, 0);
    eval_one(f, ymd(2026, 3, 18), "A", NULL, 10000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-03-17");
    assert_reason(f->d, "withdrawal_period_expired", -1, NULL, 0, 0);
}

/* ------------------------------------------------------------------------------------
 * 6. Overall outcome
 * ---------------------------------------------------------------------------------- */

static void test_overall_outcome(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "packaging:\n  damaged: review\n  missing: deduct 50%\n"
            "categories:\n  no: { exclusion: personalised }\n");
    static const struct {
        const char *a_cat, *b_cat;
        retour_packaging a_pkg, b_pkg;
        retour_outcome a, b, overall;
        int64_t refund;
    } cases[] = {
        /* accept + accept -> accept */
        { NULL, NULL, RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_OPENED, RETOUR_OUTCOME_ACCEPT,
          RETOUR_OUTCOME_ACCEPT, RETOUR_OUTCOME_ACCEPT, 3000 },
        /* accept + review -> review */
        { NULL, NULL, RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_DAMAGED, RETOUR_OUTCOME_ACCEPT,
          RETOUR_OUTCOME_REVIEW, RETOUR_OUTCOME_REVIEW, 1000 },
        /* reject + review -> review */
        { "no", NULL, RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_DAMAGED, RETOUR_OUTCOME_REJECT,
          RETOUR_OUTCOME_REVIEW, RETOUR_OUTCOME_REVIEW, 0 },
        /* accept + reject -> partial */
        { NULL, "no", RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_SEALED, RETOUR_OUTCOME_ACCEPT,
          RETOUR_OUTCOME_REJECT, RETOUR_OUTCOME_PARTIAL, 1000 },
        /* reject + reject -> reject */
        { "no", "no", RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_SEALED, RETOUR_OUTCOME_REJECT,
          RETOUR_OUTCOME_REJECT, RETOUR_OUTCOME_REJECT, 0 },
        /* accept + accept with a deduction -> partial */
        { NULL, NULL, RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_MISSING, RETOUR_OUTCOME_ACCEPT,
          RETOUR_OUTCOME_PARTIAL, RETOUR_OUTCOME_PARTIAL, 2000 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        reset(f, ymd(2026, 3, 10));
        add(f, "A", cases[i].a_cat, 1000, 1, ymd(2026, 3, 3), cases[i].a_pkg);
        add(f, "B", cases[i].b_cat, 2000, 1, ymd(2026, 3, 3), cases[i].b_pkg);
        eval_ok(f);
        assert_int_equal(retour_decision_item_count(f->d), 2);
        assert_string_equal(retour_outcome_name(retour_decision_item_outcome(f->d, 0)),
                            retour_outcome_name(cases[i].a));
        assert_string_equal(retour_outcome_name(retour_decision_item_outcome(f->d, 1)),
                            retour_outcome_name(cases[i].b));
        assert_string_equal(retour_outcome_name(retour_decision_outcome(f->d)),
                            retour_outcome_name(cases[i].overall));
        assert_int_equal(retour_decision_refund(f->d), cases[i].refund);
        /* Out of range: reject, nothing refunded. */
        assert_int_equal(retour_decision_item_outcome(f->d, 2), RETOUR_OUTCOME_REJECT);
        assert_int_equal(retour_decision_item_refund(f->d, 2), 0);
    }
    /* Stable names. */
    assert_string_equal(retour_outcome_name(RETOUR_OUTCOME_ACCEPT_GOODWILL), "accept_goodwill");
    assert_string_equal(retour_outcome_name(RETOUR_OUTCOME__COUNT), "");
    assert_string_equal(retour_basis_name(RETOUR_BASIS_LEGAL_GUARANTEE), "legal_guarantee");
    assert_string_equal(retour_basis_name(RETOUR_BASIS__COUNT), "");
}

/* ------------------------------------------------------------------------------------
 * 7. Sources, messages, errors, defaults
 * ---------------------------------------------------------------------------------- */

/* Sources name the file as given at load (or "<string>") and the value's line and column. */
static void test_reason_sources(void **state)
{
    fx *f = *state;
    static const char yaml[] =
        "# a comment line\n"                      /* 1 */
        "retour: 1\n"                             /* 2 */
        "jurisdiction:    EU\n"                   /* 3, value at column 18 */
        "currency: EUR\n"                         /* 4 */
        "categories:\n"                           /* 5 */
        "  earrings:\n"                           /* 6 */
        "    returnable: true\n"                  /* 7 */
        "    exclusion:   hygiene_sealed\n";      /* 8, value at column 18 */
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, yaml, strlen(yaml), "shops/nl/juwelier.yaml",
                                               NULL, NULL),
                     RETOUR_OK);
    reset(f, ymd(2026, 3, 10));
    add(f, "E", "earrings", 3900, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_int_equal(retour_evaluate(f->d, p, f->r, NULL), RETOUR_OK);
    const retour_reason *r = retour_decision_reason(f->d, 1);
    assert_string_equal(r->code, "excluded_unsealed_hygiene");
    assert_string_equal(r->source_file, "shops/nl/juwelier.yaml");
    assert_int_equal(r->source_line, 8);
    assert_int_equal(r->source_column, 18);
    r = retour_decision_reason(f->d, 0);
    assert_string_equal(r->source_file, "shops/nl/juwelier.yaml");
    assert_int_equal(r->source_line, 3);
    assert_int_equal(r->source_column, 18);
    retour_policy_free(p);

    /* No name: "<string>". The text need not be NUL-terminated. */
    char text[sizeof yaml + 8];
    memcpy(text, yaml, sizeof yaml - 1);
    memset(text + sizeof yaml - 1, '!', 9);
    p = NULL;
    assert_int_equal(retour_policy_load_string(&p, text, sizeof yaml - 1, NULL, NULL, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_evaluate(f->d, p, f->r, NULL), RETOUR_OK);
    r = retour_decision_reason(f->d, 1);
    assert_string_equal(r->source_file, "<string>");
    assert_int_equal(r->source_line, 8);
    assert_int_equal(r->source_column, 18);
    retour_policy_free(p);
}

/* Messages in English and Dutch with every placeholder expanded. */
static void test_messages(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL") "categories:\n  engraved: { exclusion: personalised }\n");
    reset(f, ymd(2026, 3, 16));
    add(f, "RING", "engraved", 12900, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    add(f, "CHAIN", NULL, 4900, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    shipping(f, 395);
    eval_ok(f);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0 "
                         "packaging_opened_allowed#1 outbound_shipping_not_refunded");

    assert_string_equal(message(f->d, 0, RETOUR_LANG_EN),
                        "Withdrawal notified on 2026-03-16, within the statutory withdrawal "
                        "period that ends on 2026-03-17; no reason is needed.");
    assert_string_equal(message(f->d, 0, RETOUR_LANG_NL),
                        "Herroeping gemeld op 2026-03-16, binnen de wettelijke bedenktijd die "
                        "eindigt op 2026-03-17; een reden is niet nodig.");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "Engraved items are made to the consumer's specifications or clearly "
                        "personalised, a legal exception to withdrawal.");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_NL),
                        "Engraved-artikelen zijn volgens specificaties van de consument gemaakt "
                        "of duidelijk persoonlijk, een wettelijke uitzondering op herroeping.");
    assert_contains(message(f->d, 2, RETOUR_LANG_NL), "geopende verpakking");
    assert_string_equal(message(f->d, 3, RETOUR_LANG_EN),
                        "The outbound delivery cost of EUR 3.95 is not refunded: only a "
                        "withdrawal of the whole order gets it back, and in the shop's own "
                        "window only when the policy says so.");
    assert_contains(message(f->d, 3, RETOUR_LANG_NL), "verzendkosten van EUR 3.95");

    /* snprintf contract: measure, truncate, bad arguments. */
    const char *full = "Withdrawal notified on 2026-03-16, within the statutory withdrawal "
                       "period that ends on 2026-03-17; no reason is needed.";
    int need = (int)strlen(full);
    assert_int_equal(retour_decision_reason_message(f->d, 0, RETOUR_LANG_EN, NULL, 0), need);
    char small[12];
    memset(small, '#', sizeof small);
    assert_int_equal(retour_decision_reason_message(f->d, 0, RETOUR_LANG_EN, small, 11), need);
    assert_string_equal(small, "Withdrawal");
    assert_int_equal(small[11], '#');
    /* Truncated inside an expanded placeholder. */
    char cut[30];
    assert_int_equal(retour_decision_reason_message(f->d, 0, RETOUR_LANG_EN, cut, 28), need);
    assert_string_equal(cut, "Withdrawal notified on 2026");
    assert_int_equal(retour_decision_reason_message(f->d, 4, RETOUR_LANG_EN, cut, sizeof cut),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_reason_message(f->d, 0, RETOUR_LANG__COUNT, cut, sizeof cut),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_reason_message(f->d, 0, RETOUR_LANG_EN, NULL, 5),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_reason_message(NULL, 0, RETOUR_LANG_EN, cut, sizeof cut),
                     RETOUR_EINVAL);
}

/* Every reason's message, in both languages, has its placeholders filled in. */
static void test_messages_expand_all_placeholders(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "withdrawal:\n  informed: false\n  return_within_days: 3\n  refund_within_days: 60\n"
            "packaging:\n  damaged: deduct 12.5%\n  missing: deduct 5.00\n"
            "categories:\n  h: { exclusion: hygiene_sealed }\n  m: { exclusion: sealed_media }\n");
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "A", "h", 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", "m", 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    add(f, "C", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    eval_ok(f);
    assert_reasons(f->d, "within_withdrawal_period withdrawal_period_extended seal_intact#0 "
                         "packaging_state_unknown#1 deduction_waived_not_informed#2 "
                         "outbound_shipping_not_refunded return_period_extended "
                         "policy_below_legal_floor refund_deadline_capped "
                         "policy_below_legal_floor");
    for (size_t i = 0; i < retour_decision_reason_count(f->d); i++) {
        (void)message(f->d, i, RETOUR_LANG_EN);
        (void)message(f->d, i, RETOUR_LANG_NL);
    }
    assert_string_equal(message(f->d, 6, RETOUR_LANG_EN),
                        "The policy gives 3 days to send the goods back, fewer than the law's "
                        "14; the consumer has 14 days.");
    assert_string_equal(message(f->d, 8, RETOUR_LANG_NL),
                        "Het beleid noemt 60 dagen om terug te betalen, meer dan de wettelijke "
                        "14; terugbetaling binnen 14 dagen na de melding.");
    assert_string_equal(message(f->d, 2, RETOUR_LANG_EN),
                        "The seal of the h item is intact, so the exception for unsealed goods "
                        "does not apply.");
}

/* What the request lacks is named in err.path. */
static void test_incomplete_requests(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));

    assert_int_equal(retour_request_reset(f->r, RETOUR_REQUEST_WITHDRAWAL), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "notified");

    reset(f, ymd(2026, 3, 10));
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "items");

    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    add(f, "B", NULL, 1000, 1, RETOUR_DATE_NONE, RETOUR_PACKAGING_OPENED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_EREQUEST);
    assert_int_equal(f->err.code, RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "items[1].delivered");
    assert_no_result(f->d);
}

/* NULL and out-of-range arguments: RETOUR_EINVAL, outputs untouched. */
static void test_invalid_arguments(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);

    assert_int_equal(retour_evaluate(NULL, f->p, f->r, &f->err), RETOUR_EINVAL);
    assert_int_equal(f->err.code, RETOUR_EINVAL);
    assert_int_equal(retour_evaluate(f->d, NULL, f->r, &f->err), RETOUR_EINVAL);
    assert_int_equal(retour_evaluate(f->d, f->p, NULL, &f->err), RETOUR_EINVAL);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluate(f->d, NULL, f->r, NULL), RETOUR_EINVAL);

    retour_policy *p = (retour_policy *)&p;
    assert_int_equal(retour_policy_load_string(NULL, "x", 1, NULL, NULL, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_policy_load_string(&p, NULL, 3, NULL, NULL, NULL), RETOUR_EINVAL);
    assert_ptr_equal(p, (retour_policy *)&p);

    retour_request *r = (retour_request *)&r;
    assert_int_equal(retour_request_new(NULL, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_TYPE__COUNT, NULL), RETOUR_EINVAL);
    assert_ptr_equal(r, (retour_request *)&r);
    retour_options bad = RETOUR_OPTIONS_INIT;
    bad.version = 99;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, &bad), RETOUR_EINVAL);
    assert_int_equal(retour_decision_new(NULL, NULL), RETOUR_EINVAL);

    retour_date day = ymd(2026, 3, 3);
    assert_int_equal(retour_request_set_notified(NULL, day), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_notified(f->r, RETOUR_DATE_NONE), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_ordered(NULL, day), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_shipping_paid(NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_shipping_paid(f->r, -1), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_whole_order(NULL, 1), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_last_delivered(NULL, day), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer(NULL, 0, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer(f->r, -1, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_reset(NULL, RETOUR_REQUEST_WITHDRAWAL), RETOUR_EINVAL);

    size_t index = 77;
    assert_int_equal(retour_request_add_item(NULL, &index, "A", NULL, 1, 1, day,
                                             RETOUR_PACKAGING_SEALED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(f->r, &index, NULL, NULL, 1, 1, day,
                                             RETOUR_PACKAGING_SEALED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(f->r, &index, "A", NULL, -1, 1, day,
                                             RETOUR_PACKAGING_SEALED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(f->r, &index, "A", NULL, 1, 0, day,
                                             RETOUR_PACKAGING_SEALED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(f->r, &index, "A", NULL, 1, 1, day,
                                             RETOUR_PACKAGING__COUNT),
                     RETOUR_EINVAL);
    assert_int_equal(index, 77);
    assert_int_equal(retour_request_item_count(f->r), 1);
    assert_int_equal(retour_request_item_count(NULL), 0);

    /* The earlier result is still intact after the failed calls above. */
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);

    /* Freeing NULL is allowed. */
    retour_policy_free(NULL);
    retour_request_free(NULL);
    retour_decision_free(NULL);
}

/* A fresh decision, and one whose evaluation failed, return defaults everywhere. */
static void test_fresh_decision_defaults(void **state)
{
    fx *f = *state;
    retour_decision *d = NULL;
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_no_result(d);
    retour_decision_free(d);
    assert_no_result(NULL);

    /* A decision that held a result, then failed, holds none. */
    load(f, HEAD("EU"));
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_int_equal(retour_decision_reason_count(f->d), 2);
    assert_int_equal(retour_request_reset(f->r, RETOUR_REQUEST_WITHDRAWAL), RETOUR_OK);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, NULL), RETOUR_EREQUEST);
    assert_no_result(f->d);
}

/* A decision is reusable: a second evaluation replaces the first entirely. */
static void test_decision_reuse(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "categories:\n  no: { exclusion: perishable }\n");
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    add(f, "B", "no", 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    add(f, "C", NULL, 3000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_int_equal(retour_decision_item_count(f->d), 3);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_WITHDRAWAL_RIGHT, 4000, "2026-03-17");

    eval_one(f, ymd(2026, 3, 11), "D", NULL, 500, ymd(2026, 3, 4), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_decision_item_count(f->d), 1);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 500, "2026-03-18");
    assert_reasons(f->d, "within_withdrawal_period");
    assert_int_equal(retour_decision_item_refund(f->d, 1), 0);

    /* The decision outlives the request it came from. */
    retour_request_free(f->r);
    f->r = NULL;
    assert_int_equal(retour_request_new(&f->r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 500, "2026-03-18");
    assert_contains(message(f->d, 0, RETOUR_LANG_EN), "2026-03-11");
}

/* The customer's history never takes the right away. */
static void test_customer_history_ignored(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    reset(f, ymd(2026, 3, 10));
    assert_int_equal(retour_request_set_customer(f->r, 1, 40), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period packaging_opened_allowed#0");
}

/* ------------------------------------------------------------------------------------
 * Deadline calendars: a last day on a weekend or public holiday moves to the next
 * working day (docs/decisions.md, "Deadline calendars")
 * ---------------------------------------------------------------------------------- */

#define REG_1182 "Regulation (EEC, Euratom) No 1182/71 art. 3(4)"

/* One item delivered on `delivered`: the notice on the moved last day is in time with the
 * reason, the day after is late; the deadline and the calendar are checked both times. */
static void assert_moved_period(fx *f, const char *jurisdiction, retour_date delivered,
                                const char *counted, const char *deadline, const char *law)
{
    char yaml[128];
    snprintf(yaml, sizeof yaml, HEAD("%s"), jurisdiction);
    load(f, yaml);
    retour_date end;
    assert_int_equal(retour_date_parse(&end, deadline, 10), RETOUR_OK);
    print_message("%s: delivered, last day %s, moved to %s\n", jurisdiction, counted, deadline);

    eval_one(f, end, "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, deadline);
    /* The period's reasons come first; the return and refund deadlines may move as well. */
    assert_string_equal(retour_decision_reason(f->d, 0)->code, "within_withdrawal_period");
    const retour_reason *r = retour_decision_reason(f->d, 1);
    assert_string_equal(r->code, "deadline_moved_to_working_day");
    assert_opt_string(r->law, law);
    assert_string_equal(r->source_file, POLICY_NAME);
    assert_int_equal(r->source_line, JUR_LINE);
    assert_int_equal(r->source_column, JUR_COL);
    char en[512];
    snprintf(en, sizeof en,
             "The period's last day, %s, is a Saturday, Sunday or public holiday, so the period "
             "ends at the end of the next working day, %s; a notice on that day is in time.",
             counted, deadline);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN), en);
    assert_contains(message(f->d, 1, RETOUR_LANG_NL), "eerstvolgende werkdag");

    eval_one(f, end + 1, "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, deadline);
    assert_reasons(f->d, "withdrawal_period_expired deadline_moved_to_working_day");
    assert_reason(f->d, "deadline_moved_to_working_day", -1, law, JUR_LINE, JUR_COL);
}

/* Reason `index` is a deadline_moved_to_working_day citing `law` (NULL: none), from the
 * jurisdiction line. */
static void assert_reason_at(const retour_decision *d, size_t index, const char *law)
{
    const retour_reason *r = retour_decision_reason(d, index);
    assert_non_null(r);
    assert_string_equal(r->code, "deadline_moved_to_working_day");
    assert_opt_string(r->law, law);
    assert_int_equal(r->source_line, JUR_LINE);
    assert_int_equal(r->source_column, JUR_COL);
}

/* The period's last day is not moved: a notice the day after is late. */
static void assert_unmoved_period(fx *f, const char *jurisdiction, retour_date delivered,
                                  const char *deadline)
{
    char yaml[128];
    snprintf(yaml, sizeof yaml, HEAD("%s"), jurisdiction);
    load(f, yaml);
    eval_one(f, delivered + 14, "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, deadline);
    assert_reasons(f->d, "within_withdrawal_period");
    eval_one(f, delivered + 15, "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, deadline);
    assert_reasons(f->d, "withdrawal_period_expired");
}

static void test_calendar_weekend(void **state)
{
    fx *f = *state;
    /* Delivered Saturday 2026-03-07: day 14 is Saturday 03-21, the period ends Monday 03-23. */
    retour_date delivered = ymd(2026, 3, 7);
    assert_moved_period(f, "NL", delivered, "2026-03-21", "2026-03-23", REG_1182);
    assert_string_equal(retour_decision_calendar(f->d), "weekends_and_nl_holidays");
    assert_moved_period(f, "DE", delivered, "2026-03-21", "2026-03-23", REG_1182);
    assert_string_equal(retour_decision_calendar(f->d), "weekends_and_de_holidays");
    assert_moved_period(f, "ES", delivered, "2026-03-21", "2026-03-23", REG_1182);
    assert_string_equal(retour_decision_calendar(f->d), "weekends_and_es_holidays");
    assert_moved_period(f, "EU", delivered, "2026-03-21", "2026-03-23", REG_1182);
    /* Sunday too. */
    assert_moved_period(f, "FR", delivered + 1, "2026-03-22", "2026-03-23", REG_1182);
    assert_string_equal(retour_decision_calendar(f->d), "weekends_and_fr_holidays");
    /* The UK moves it as well, without citing the EU regulation. */
    assert_moved_period(f, "UK", delivered, "2026-03-21", "2026-03-23", NULL);
    assert_string_equal(retour_decision_calendar(f->d), "weekends_and_gb_holidays");

    /* Outside the statutory rules nothing moves: the shop's 14 days end on the Saturday. */
    load(f, HEAD("none") "withdrawal:\n  days: 14\n");
    eval_one(f, ymd(2026, 3, 21), "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 1000, "2026-03-21");
    assert_reasons(f->d, "within_shop_period");
    assert_string_equal(retour_decision_calendar(f->d), "calendar_days");
    assert_date(retour_decision_return_by(f->d), "2026-04-04"); /* a Saturday, kept */
    eval_one(f, ymd(2026, 3, 23), "A", NULL, 1000, delivered, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-03-21");
    assert_reasons(f->d, "withdrawal_period_expired");

    /* A working day stays: delivered 2026-03-03, the period ends Tuesday 03-17. */
    assert_unmoved_period(f, "NL", ymd(2026, 3, 3), "2026-03-17");
}

static void test_calendar_easter(void **state)
{
    fx *f = *state;
    /* Day 14 on Easter Monday 2026-04-06: Tuesday 04-07 where Easter Monday is a holiday. */
    retour_date delivered = ymd(2026, 3, 23);
    assert_moved_period(f, "NL", delivered, "2026-04-06", "2026-04-07", REG_1182);
    assert_moved_period(f, "DE", delivered, "2026-04-06", "2026-04-07", REG_1182);
    assert_moved_period(f, "BE", delivered, "2026-04-06", "2026-04-07", REG_1182);
    assert_moved_period(f, "FR", delivered, "2026-04-06", "2026-04-07", REG_1182);
    /* Weekends only: holidays not known, Easter Monday counts as a working day. */
    assert_unmoved_period(f, "EU", delivered, "2026-04-06");
    /* England and Wales's bank holiday moves the UK's period too, citing nothing. */
    assert_moved_period(f, "UK", delivered, "2026-04-06", "2026-04-07", NULL);

    /* Day 14 on Good Friday 2026-04-03: in NL and DE the whole Easter weekend follows. */
    delivered = ymd(2026, 3, 20);
    assert_moved_period(f, "NL", delivered, "2026-04-03", "2026-04-07", REG_1182);
    assert_moved_period(f, "DE", delivered, "2026-04-03", "2026-04-07", REG_1182);
    assert_unmoved_period(f, "BE", delivered, "2026-04-03");
    assert_unmoved_period(f, "FR", delivered, "2026-04-03");

    /* Ascension (2026-05-14) and Whit Monday (2026-05-25). */
    assert_moved_period(f, "FR", ymd(2026, 4, 30), "2026-05-14", "2026-05-15", REG_1182);
    assert_moved_period(f, "BE", ymd(2026, 5, 11), "2026-05-25", "2026-05-26", REG_1182);
}

static void test_calendar_fixed_holidays(void **state)
{
    fx *f = *state;
    /* Christmas 2026 is a Friday: NL, DE, BE and FR all move to Monday 12-28. */
    retour_date delivered = ymd(2026, 12, 11);
    assert_moved_period(f, "NL", delivered, "2026-12-25", "2026-12-28", REG_1182);
    assert_moved_period(f, "DE", delivered, "2026-12-25", "2026-12-28", REG_1182);
    assert_moved_period(f, "BE", delivered, "2026-12-25", "2026-12-28", REG_1182);
    assert_moved_period(f, "FR", delivered, "2026-12-25", "2026-12-28", REG_1182);
    /* UK: Boxing Day is a Saturday, its substitute Monday 12-28, so Tuesday 12-29. */
    assert_moved_period(f, "UK", delivered, "2026-12-25", "2026-12-29", NULL);
    /* Boxing Day 2025 (Friday): a holiday in NL and DE, not in BE and FR. */
    delivered = ymd(2025, 12, 12);
    assert_moved_period(f, "NL", delivered, "2025-12-26", "2025-12-29", REG_1182);
    assert_moved_period(f, "DE", delivered, "2025-12-26", "2025-12-29", REG_1182);
    assert_unmoved_period(f, "BE", delivered, "2025-12-26");
    assert_unmoved_period(f, "FR", delivered, "2025-12-26");
    /* New Year's Day 2027 (Friday). */
    assert_moved_period(f, "BE", ymd(2026, 12, 18), "2027-01-01", "2027-01-04", REG_1182);
    /* King's Day (Monday 2026-04-27) and Liberation Day (Tuesday 2026-05-05) in NL. */
    assert_moved_period(f, "NL", ymd(2026, 4, 13), "2026-04-27", "2026-04-28", REG_1182);
    assert_moved_period(f, "NL", ymd(2026, 4, 21), "2026-05-05", "2026-05-06", REG_1182);
    assert_unmoved_period(f, "DE", ymd(2026, 4, 21), "2026-05-05");
    /* German Unity Day 2025 (Friday), 14 July 2026 (Tuesday), 21 July 2026 (Tuesday),
     * 11 November 2026 (Wednesday). */
    assert_moved_period(f, "DE", ymd(2025, 9, 19), "2025-10-03", "2025-10-06", REG_1182);
    assert_moved_period(f, "FR", ymd(2026, 6, 30), "2026-07-14", "2026-07-15", REG_1182);
    assert_moved_period(f, "BE", ymd(2026, 7, 7), "2026-07-21", "2026-07-22", REG_1182);
    assert_moved_period(f, "FR", ymd(2026, 10, 28), "2026-11-11", "2026-11-12", REG_1182);
    assert_unmoved_period(f, "NL", ymd(2026, 10, 28), "2026-11-11");
}

/* The consumer's return-by and the shop's refund-by move too, each with its reason. */
static void test_calendar_return_and_refund(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL"));
    /* Notified Saturday 2026-03-21: 14 days later is Saturday 04-04, then Easter Sunday and
     * Easter Monday: both deadlines move to Tuesday 04-07. */
    eval_one(f, ymd(2026, 3, 21), "A", NULL, 1000, ymd(2026, 3, 17), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-31");
    assert_date(retour_decision_return_by(f->d), "2026-04-07");
    assert_date(retour_decision_refund_by(f->d), "2026-04-07");
    assert_reasons(f->d, "within_withdrawal_period deadline_moved_to_working_day "
                         "deadline_moved_to_working_day");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The last day to send the goods back, 2026-04-04, is a Saturday, Sunday "
                        "or public holiday, so it moves to the next working day, 2026-04-07.");
    assert_string_equal(message(f->d, 2, RETOUR_LANG_EN),
                        "The shop's last day to refund, 2026-04-04, is a Saturday, Sunday or "
                        "public holiday, so it moves to the next working day, 2026-04-07.");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_NL),
                        "De laatste dag om de goederen terug te sturen, 2026-04-04, is een "
                        "zaterdag, zondag of feestdag, dus die schuift op naar de eerstvolgende "
                        "werkdag, 2026-04-07.");
    assert_string_equal(message(f->d, 2, RETOUR_LANG_NL),
                        "De laatste dag voor de winkel om terug te betalen, 2026-04-04, is een "
                        "zaterdag, zondag of feestdag, dus die schuift op naar de eerstvolgende "
                        "werkdag, 2026-04-07.");
    for (size_t i = 1; i <= 2; i++) {
        const retour_reason *r = retour_decision_reason(f->d, i);
        assert_string_equal(r->law, REG_1182);
        assert_int_equal(r->source_line, JUR_LINE);
    }

    /* Different periods: the refund's 7 days end on Saturday 03-28, the return's 30 days on
     * Monday 04-20; only the refund moves. */
    load(f, HEAD("NL") "withdrawal:\n  refund_within_days: 7\n  return_within_days: 30\n");
    eval_one(f, ymd(2026, 3, 21), "A", NULL, 1000, ymd(2026, 3, 17), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_return_by(f->d), "2026-04-20");
    assert_date(retour_decision_refund_by(f->d), "2026-03-30");
    assert_reasons(f->d, "within_withdrawal_period deadline_moved_to_working_day");
    assert_contains(message(f->d, 1, RETOUR_LANG_EN), "The shop's last day to refund, 2026-03-28");

    /* In the shop's own window the deadlines move too, without a citation. */
    load(f, HEAD("NL") "withdrawal:\n  days: 30\n");
    eval_one(f, ymd(2026, 4, 4), "A", NULL, 1000, ymd(2026, 3, 10), RETOUR_PACKAGING_SEALED);
    /* Notified Saturday 2026-04-04, after the law's 14 days (to 03-24): 14 days later is
     * Saturday 04-18, moved to Monday 04-20. */
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 1000, "2026-04-09");
    assert_date(retour_decision_return_by(f->d), "2026-04-20");
    assert_date(retour_decision_refund_by(f->d), "2026-04-20");
    assert_reasons(f->d, "within_shop_period deadline_moved_to_working_day "
                         "deadline_moved_to_working_day");
    assert_reason_at(f->d, 1, NULL);
    assert_reason_at(f->d, 2, NULL);
    /* Notified Wednesday 2026-04-08: 14 days later is Wednesday 04-22, nothing moves. */
    eval_one(f, ymd(2026, 4, 8), "A", NULL, 1000, ymd(2026, 3, 10), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_return_by(f->d), "2026-04-22");
    assert_reasons(f->d, "within_shop_period");
}

/* The shop's own window moves like the law's, citing nothing. */
static void test_calendar_shop_window(void **state)
{
    fx *f = *state;
    /* 30 days from 2026-04-14 end on Ascension Day (Thursday 2026-05-14): Friday 05-15. */
    load(f, HEAD("NL") "withdrawal:\n  days: 30\n");
    eval_one(f, ymd(2026, 5, 15), "A", NULL, 1000, ymd(2026, 4, 14), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 1000, "2026-05-15");
    assert_reasons(f->d, "within_shop_period deadline_moved_to_working_day");
    assert_reason(f->d, "deadline_moved_to_working_day", -1, NULL, JUR_LINE, JUR_COL);
    eval_one(f, ymd(2026, 5, 16), "A", NULL, 1000, ymd(2026, 4, 14), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-05-15");
    assert_reasons(f->d, "withdrawal_period_expired deadline_moved_to_working_day");
    assert_reason(f->d, "deadline_moved_to_working_day", -1, NULL, JUR_LINE, JUR_COL);
    /* Within the law's 14 days, the shop's moved deadline is reported as well. */
    eval_one(f, ymd(2026, 4, 20), "A", NULL, 1000, ymd(2026, 4, 14), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-05-15");
    assert_reasons(f->d, "within_withdrawal_period deadline_moved_to_working_day");
    assert_reason(f->d, "deadline_moved_to_working_day", -1, NULL, JUR_LINE, JUR_COL);
}

/* Complaints count calendar months: nothing moves and the decision says calendar_days. */
/* Directive 2011/83/EU covers contracts concluded after 13 June 2014 (art. 28(2)): an older
 * contract, or without an order date an older first delivery, is an error naming the field. */
static void test_contract_before_crd(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE"));
    reset(f, ymd(2014, 6, 20));
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2014, 6, 12)), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2014, 6, 16), RETOUR_PACKAGING_SEALED);
    eval_fails(f, RETOUR_EREQUEST, "ordered",
               "the right of withdrawal for contracts concluded before 2014-06-13 is not in the "
               "law tables");
    reset(f, ymd(2014, 6, 20));
    add(f, "A", NULL, 1000, 1, ymd(2014, 6, 12), RETOUR_PACKAGING_SEALED);
    eval_fails(f, RETOUR_EREQUEST, "items[0].delivered",
               "the right of withdrawal for contracts concluded before 2014-06-13 is not in the "
               "law tables");
    /* On the day itself the law applies. */
    reset(f, ymd(2014, 6, 20));
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2014, 6, 13)), RETOUR_OK);
    add(f, "A", NULL, 1000, 1, ymd(2014, 6, 16), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);
    /* Without a statutory right the shop's window alone decides, whatever the date. */
    load(f, HEAD("none") "withdrawal: { days: 30 }\n");
    reset(f, ymd(2010, 6, 20));
    add(f, "A", NULL, 1000, 1, ymd(2010, 6, 12), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_ACCEPT);
}

static void test_calendar_complaints(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    /* Delivered 2024-03-21: the 24 months end on Saturday 2026-03-21. A problem that
     * appears on Monday 03-23 is outside them: the end is not moved. */
    reset_complaint(f, ymd(2026, 3, 23));
    add(f, "A", NULL, 1000, 1, ymd(2024, 3, 21), RETOUR_PACKAGING_OPENED);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT, 0, RETOUR_REMEDY_REPAIR, 0);
    eval_ok(f);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_contains(message(f->d, 1, RETOUR_LANG_EN), "2026-03-21");
    assert_string_equal(retour_decision_calendar(f->d), "calendar_days");
    assert_date(retour_decision_withdrawal_deadline(f->d), NULL);
}

/* Who pays the return comes from the policy. */
static void test_return_shipping_payer(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE") "withdrawal:\n  return_shipping: shop\n");
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_decision_return_shipping(f->d), RETOUR_PAYER_SHOP);
    load(f, HEAD("DE"));
    eval_ok(f);
    assert_int_equal(retour_decision_return_shipping(f->d), RETOUR_PAYER_CUSTOMER);
}

/* SKUs and categories reach JSON and messages, so they must be valid UTF-8. */
static void test_add_item_rejects_invalid_utf8(void **state)
{
    (void)state;
    retour_request *r = NULL;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_request_add_item(r, NULL, "A\xff", NULL, 100, 1, 0,
                                             RETOUR_PACKAGING_SEALED), RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", "\xed\xa0\x80", 100, 1, 0,
                                             RETOUR_PACKAGING_SEALED), RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "caf\xc3\xa9", "\xf0\x9f\x92\x8d", 100, 1,
                                             0, RETOUR_PACKAGING_SEALED), RETOUR_OK);
    assert_int_equal(retour_request_item_count(r), 1);
    retour_request_free(r);
}

/* A decision shows the SKU and category it was asked about after the request is freed:
 * a category the policy lists (shown from the policy's own copy of the name), one it does
 * not list (copied into the decision) and none. */
static void test_item_names_outlive_request(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL") "categories:\n  phones:\n    exclusion: none\n");
    static const struct {
        const char *category, *shown;
    } cases[] = {
        { "phones", "\"sku\":\"SKU-7\",\"category\":\"phones\"" },
        { "gadgets", "\"sku\":\"SKU-7\",\"category\":\"gadgets\"" },
        { NULL, "\"sku\":\"SKU-7\",\"category\":null" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        retour_request_free(f->r);
        assert_int_equal(retour_request_new(&f->r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
        eval_one(f, ymd(2026, 3, 10), "SKU-7", cases[k].category, 2500, ymd(2026, 3, 2),
                 RETOUR_PACKAGING_OPENED);
        retour_request_free(f->r);
        f->r = NULL;
        char json[4096];
        assert_true(retour_decision_to_json(f->d, RETOUR_LANG_EN, json, sizeof json) > 0);
        assert_contains(json, cases[k].shown);
        assert_int_equal(retour_decision_item_outcome(f->d, 0), RETOUR_OUTCOME_ACCEPT);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_period_from_delivery),
        T(test_split_delivery),
        T(test_shop_window),
        T(test_shorter_shop_window_is_harmless),
        T(test_starts_order),
        T(test_starts_order_needs_ordered),
        T(test_not_informed_extension),
        T(test_each_exclusion_eu),
        T(test_exclusion_in_shop_window),
        T(test_exclusion_citations),
        T(test_hygiene_sealed),
        T(test_sealed_media),
        T(test_non_seal_exclusion_ignores_packaging),
        T(test_exclusion_waived),
        T(test_returnable_false),
        T(test_returnable_false_without_extra_days),
        T(test_default_category),
        T(test_opened_never_blocks),
        T(test_sealed_or_unknown_ordinary_goods),
        T(test_damaged_deduction),
        T(test_damaged_review),
        T(test_damaged_accept),
        T(test_missing_packaging),
        T(test_not_informed_waives_deduction),
        cmocka_unit_test(test_add_item_rejects_invalid_utf8),
        T(test_jurisdiction_none),
        T(test_overall_outcome),
        T(test_reason_sources),
        T(test_messages),
        T(test_messages_expand_all_placeholders),
        T(test_incomplete_requests),
        T(test_invalid_arguments),
        T(test_fresh_decision_defaults),
        T(test_decision_reuse),
        T(test_customer_history_ignored),
        T(test_return_shipping_payer),
        T(test_calendar_weekend),
        T(test_calendar_easter),
        T(test_calendar_fixed_holidays),
        T(test_calendar_return_and_refund),
        T(test_calendar_shop_window),
        T(test_calendar_complaints),
        T(test_contract_before_crd),
        T(test_item_names_outlive_request),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
