/* Unit tests for the money side of retour_evaluate(): price x quantity, deductions and their
 * rounding, the outbound delivery, the return and refund dates, currencies without decimals,
 * overflow, and the decision as JSON (retour_decision_to_json, retour_evaluate_json). */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluation_support.h"

/* ------------------------------------------------------------------------------------
 * Helpers of this file (the shared ones are in evaluation_support.h)
 * ---------------------------------------------------------------------------------- */

/* Overall money: refund, deductions, shipping refunded. */
static void assert_money(const retour_decision *d, int64_t refund, int64_t deductions,
                         int64_t shipping_refunded)
{
    assert_int_equal(retour_decision_refund(d), refund);
    assert_int_equal(retour_decision_deductions(d), deductions);
    assert_int_equal(retour_decision_shipping_refunded(d), shipping_refunded);
}

static void assert_outcome(const retour_decision *d, retour_outcome outcome)
{
    assert_string_equal(retour_outcome_name(retour_decision_outcome(d)),
                        retour_outcome_name(outcome));
}

/* The decision as JSON in a buffer owned by the caller (free()). */
static char *to_json(const retour_decision *d, retour_lang lang)
{
    long n = retour_decision_to_json(d, lang, NULL, 0);
    assert_true(n > 0);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(retour_decision_to_json(d, lang, buf, (size_t)n + 1), n);
    assert_int_equal(strlen(buf), (size_t)n);
    return buf;
}

/* ------------------------------------------------------------------------------------
 * Items
 * ---------------------------------------------------------------------------------- */

static void test_price_times_quantity(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    reset(f, ymd(2026, 3, 10));
    add(f, "SOCKS", NULL, 1250, 3, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_ACCEPT);
    assert_money(f->d, 3750, 0, 0);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 3750, 0);
    /* No delivery was paid: no shipping reason. */
    assert_reasons(f->d, "within_withdrawal_period");
}

static void test_several_items(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    reset(f, ymd(2026, 3, 10));
    shipping(f, 395);
    add(f, "A", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, 250, 4, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "C", NULL, 99, 3, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_ACCEPT);
    assert_int_equal(retour_decision_item_count(f->d), 3);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 1000, 0);
    assert_item(f->d, 1, RETOUR_OUTCOME_ACCEPT, 1000, 0);
    assert_item(f->d, 2, RETOUR_OUTCOME_ACCEPT, 297, 0);
    assert_money(f->d, 2297 + 395, 0, 395);
    assert_reasons(f->d, "within_withdrawal_period outbound_shipping_refunded");
}

/* ------------------------------------------------------------------------------------
 * Deductions
 * ---------------------------------------------------------------------------------- */

/* Percentages of price x quantity, rounded to the minor unit, halves up. */
static void test_percent_deduction_rounding(void **state)
{
    fx *f = *state;
    static const struct {
        const char *rule;
        int64_t price;
        int quantity;
        int64_t deduction;
    } cases[] = {
        { "deduct 20%", 99, 1, 20 },       /* 19.8 -> 20 */
        { "deduct 12.5%", 100, 1, 13 },    /* 12.5 -> 13: half up */
        { "deduct 12.5%", 99, 1, 12 },     /* 12.375 -> 12 */
        { "deduct 20%", 14900, 1, 2980 },
        { "deduct 20%", 99, 3, 59 },       /* of 2.97, not 3 x 0.20 */
        { "deduct 33.33%", 1000, 1, 333 }, /* 333.3 */
        { "deduct 0.01%", 5000, 1, 1 },    /* 0.5 -> 1 */
        { "deduct 0.01%", 4999, 1, 0 },    /* 0.4999 -> 0 */
        { "deduct 50%", 1, 1, 1 },         /* 0.5 -> 1 */
        { "deduct 100%", 1234, 1, 1234 },
        { "deduct 15%", 333333, 7, 350000 }, /* 2333331 x 0.15 = 349999.65 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char yaml[128];
        snprintf(yaml, sizeof yaml, HEAD("EU") "packaging:\n  damaged: %s\n", cases[i].rule);
        load(f, yaml);
        reset(f, ymd(2026, 3, 10));
        add(f, "X", NULL, cases[i].price, cases[i].quantity, ymd(2026, 3, 3),
            RETOUR_PACKAGING_DAMAGED);
        eval_ok(f);
        int64_t value = cases[i].price * cases[i].quantity;
        /* A deduction that rounds to nothing leaves the item accepted. */
        retour_outcome outcome =
            cases[i].deduction > 0 ? RETOUR_OUTCOME_PARTIAL : RETOUR_OUTCOME_ACCEPT;
        assert_item(f->d, 0, outcome, value - cases[i].deduction, cases[i].deduction);
        assert_money(f->d, value - cases[i].deduction, cases[i].deduction, 0);
        assert_outcome(f->d, outcome);
        assert_reason(f->d, "damaged_deduction", 0, CRD " art. 14(2)", 5, 12);
    }

    /* The message shows the amount and the percentage with its decimals. */
    load(f, HEAD("EU") "packaging:\n  damaged: deduct 12.5%\n");
    eval_one(f, ymd(2026, 3, 10), "X", NULL, 100, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_string_equal(reason_message(f->d, "damaged_deduction", 0, RETOUR_LANG_EN),
                        "The packaging is damaged beyond what trying requires: a deduction of "
                        "EUR 0.13 (12.50%) for diminished value.");

    load(f, HEAD("EU") "packaging:\n  damaged: deduct 7.05%\n");
    eval_one(f, ymd(2026, 3, 10), "X", NULL, 10000, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_contains(reason_message(f->d, "damaged_deduction", 0, RETOUR_LANG_EN),
                    "a deduction of EUR 7.05 (7.05%)");

    /* deduct 0%: nothing deducted, so the item stays accepted. */
    load(f, HEAD("EU") "packaging:\n  damaged: deduct 0%\n");
    eval_one(f, ymd(2026, 3, 10), "X", NULL, 100, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 100, 0);
    assert_outcome(f->d, RETOUR_OUTCOME_ACCEPT);
    assert_reasons(f->d, "within_withdrawal_period damaged_deduction#0");
}

/* deduct AMOUNT: once per item entry, capped at its value. */
static void test_fixed_deduction(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  missing: deduct 5.00\n");
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_MISSING);
    add(f, "B", NULL, 300, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_MISSING);
    add(f, "C", NULL, 1000, 2, ymd(2026, 3, 3), RETOUR_PACKAGING_MISSING);
    add(f, "D", NULL, 700, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 1500, 500);
    assert_item(f->d, 1, RETOUR_OUTCOME_PARTIAL, 0, 300);
    assert_item(f->d, 2, RETOUR_OUTCOME_PARTIAL, 1500, 500);
    assert_item(f->d, 3, RETOUR_OUTCOME_ACCEPT, 700, 0);
    assert_money(f->d, 1500 + 0 + 1500 + 700, 1300, 0);
    assert_outcome(f->d, RETOUR_OUTCOME_PARTIAL);
    assert_reasons(f->d, "within_withdrawal_period missing_packaging_deduction#0 "
                         "missing_packaging_deduction#1 missing_packaging_deduction#2 "
                         "packaging_opened_allowed#3");
    assert_string_equal(reason_message(f->d, "missing_packaging_deduction", 0, RETOUR_LANG_EN),
                        "The original packaging is missing: a deduction of EUR 5.00 (fixed) for "
                        "diminished value.");
    /* The message gives the capped amount. */
    assert_contains(reason_message(f->d, "missing_packaging_deduction", 1, RETOUR_LANG_NL),
                    "een aftrek van EUR 3.00 (fixed)");
}

/* ------------------------------------------------------------------------------------
 * Outbound delivery
 * ---------------------------------------------------------------------------------- */

/* Whole order, every item accepted: the delivery comes back (art. 13(1)), even with a
 * deduction on an item. */
static void test_outbound_refunded(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  damaged: deduct 10%\n");
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    add(f, "B", NULL, 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_PARTIAL);
    assert_money(f->d, 12000 - 1000 + 495, 1000, 495);
    assert_reasons(f->d, "within_withdrawal_period damaged_deduction#0 "
                         "outbound_shipping_refunded");
    assert_reason(f->d, "outbound_shipping_refunded", -1, CRD " art. 13(1)", 0, 0);
    assert_contains(retour_decision_reason(f->d, 2)->law, "art. 13(1)");
    assert_string_equal(reason_message(f->d, "outbound_shipping_refunded", -1, RETOUR_LANG_EN),
                        "The whole order is withdrawn, so the outbound delivery cost of EUR 4.95 "
                        "is refunded too.");

    /* National forms of the citation. */
    load(f, HEAD("NL"));
    eval_ok(f);
    assert_reason(f->d, "outbound_shipping_refunded", -1, "BW 6:230r(1); " CRD " art. 13(1)", 0,
                  0);
    load(f, HEAD("UK"));
    eval_ok(f);
    assert_reason(f->d, "outbound_shipping_refunded", -1, "CCR 2013 reg. 34", 0, 0);
}

/* A rejected item, an item in review, or part of the order: the delivery is not refunded. */
static void test_outbound_not_refunded(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "packaging:\n  damaged: review\n"
            "categories:\n  custom: { exclusion: personalised }\n");

    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", "custom", 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_PARTIAL);
    assert_money(f->d, 10000, 0, 0);
    assert_item(f->d, 1, RETOUR_OUTCOME_REJECT, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#1 "
                         "outbound_shipping_not_refunded");
    assert_reason(f->d, "outbound_shipping_not_refunded", -1, NULL, 0, 0);
    assert_contains(reason_message(f->d, "outbound_shipping_not_refunded", -1, RETOUR_LANG_EN),
                    "EUR 4.95");

    /* Item in review. */
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_REVIEW);
    assert_money(f->d, 10000, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period damaged_review#1 "
                         "outbound_shipping_not_refunded");

    /* Not the whole order. */
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    assert_int_equal(retour_request_set_whole_order(f->r, 0), RETOUR_OK);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_ACCEPT);
    assert_money(f->d, 10000, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period outbound_shipping_not_refunded");
    assert_reason(f->d, "outbound_shipping_not_refunded", -1, NULL, 0, 0);

    /* Nothing accepted: nothing to add the delivery to, no shipping reason. */
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "B", "custom", 2000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_REJECT);
    assert_money(f->d, 0, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0");
}

/* In the shop's window refund_outbound_shipping decides; in the statutory period the law. */
static void test_outbound_policy_flag(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                         /* 1-3 */
            "withdrawal:\n"                    /* 4 */
            "  days: 30\n"                     /* 5 */
            "  refund_outbound_shipping: false\n"); /* 6, value at column 29 */

    reset(f, ymd(2026, 3, 23)); /* day 20 */
    shipping(f, 495);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_string_equal(retour_basis_name(retour_decision_basis(f->d)), "shop_policy");
    assert_outcome(f->d, RETOUR_OUTCOME_ACCEPT);
    assert_money(f->d, 10000, 0, 0);
    assert_reasons(f->d, "within_shop_period outbound_shipping_not_refunded");
    assert_reason(f->d, "outbound_shipping_not_refunded", -1, NULL, 6, 29);

    /* Day 10: the law overrides the policy. */
    reset(f, ymd(2026, 3, 13));
    shipping(f, 495);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_string_equal(retour_basis_name(retour_decision_basis(f->d)), "withdrawal_right");
    assert_money(f->d, 10495, 0, 495);
    assert_reasons(f->d, "within_withdrawal_period outbound_shipping_refunded "
                         "policy_below_legal_floor");
    assert_reason(f->d, "outbound_shipping_refunded", -1, CRD " art. 13(1)", 0, 0);
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 13(1)", 6, 29);

    /* refund_outbound_shipping: true in the shop's window: refunded, the policy decided. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n  refund_outbound_shipping: true\n");
    reset(f, ymd(2026, 3, 23));
    shipping(f, 495);
    add(f, "A", NULL, 10000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_money(f->d, 10495, 0, 495);
    assert_reasons(f->d, "within_shop_period outbound_shipping_refunded");
    assert_reason(f->d, "outbound_shipping_refunded", -1, NULL, 6, 29);

    /* Absent: true by default, no policy line. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n");
    eval_ok(f);
    assert_money(f->d, 10495, 0, 495);
    assert_reason(f->d, "outbound_shipping_refunded", -1, NULL, 0, 0);
}

/* ------------------------------------------------------------------------------------
 * Return and refund dates
 * ---------------------------------------------------------------------------------- */

static void test_refund_by(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_refund_by(f->d), "2026-03-24");
    assert_date(retour_decision_return_by(f->d), "2026-03-24");
    assert_reasons(f->d, "within_withdrawal_period");

    /* Faster than the law: as written. */
    load(f, HEAD("EU") "withdrawal:\n  refund_within_days: 7\n");
    eval_ok(f);
    assert_date(retour_decision_refund_by(f->d), "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period");

    /* Slower than the law: capped at 14. */
    load(f, HEAD("EU")                     /* 1-3 */
            "withdrawal:\n"                /* 4 */
            "  refund_within_days: 30\n"); /* 5, value at column 23 */
    eval_ok(f);
    assert_date(retour_decision_refund_by(f->d), "2026-03-24");
    assert_reasons(f->d, "within_withdrawal_period refund_deadline_capped policy_below_legal_floor");
    assert_reason(f->d, "refund_deadline_capped", -1, CRD " art. 13(1)", 5, 23);
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 13(1)", 5, 23);
    assert_string_equal(reason_message(f->d, "refund_deadline_capped", -1, RETOUR_LANG_EN),
                        "The policy allows 30 days to refund, more than the law's 14; the refund "
                        "is due within 14 days of the notice.");

    /* In the shop's window the policy applies as written. */
    load(f, HEAD("EU") "withdrawal:\n  refund_within_days: 30\n  days: 30\n");
    eval_one(f, ymd(2026, 3, 23), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_refund_by(f->d), "2026-04-22");
    assert_reasons(f->d, "within_shop_period");

    /* UK citation. */
    load(f, HEAD("UK") "withdrawal:\n  refund_within_days: 30\n");
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_refund_by(f->d), "2026-03-24");
    assert_reason(f->d, "refund_deadline_capped", -1, "CCR 2013 reg. 34", 5, 23);
}

static void test_return_by(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                    /* 1-3 */
            "withdrawal:\n"               /* 4 */
            "  return_within_days: 7\n"); /* 5, value at column 23 */
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_return_by(f->d), "2026-03-24");
    assert_reasons(f->d, "within_withdrawal_period return_period_extended policy_below_legal_floor");
    assert_reason(f->d, "return_period_extended", -1, CRD " art. 14(1)", 5, 23);
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 14(1)", 5, 23);
    assert_string_equal(reason_message(f->d, "return_period_extended", -1, RETOUR_LANG_EN),
                        "The policy gives 7 days to send the goods back, fewer than the law's 14; "
                        "the consumer has 14 days.");

    /* More generous than the law: as written. */
    load(f, HEAD("DE") "withdrawal:\n  return_within_days: 30\n");
    eval_ok(f);
    assert_date(retour_decision_return_by(f->d), "2026-04-09");
    assert_reasons(f->d, "within_withdrawal_period");

    /* In the shop's window as written, even when shorter. */
    load(f, HEAD("EU") "withdrawal:\n  return_within_days: 7\n  days: 30\n");
    eval_one(f, ymd(2026, 3, 23), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_return_by(f->d), "2026-03-30");
    assert_reasons(f->d, "within_shop_period");

    /* Both raised and capped at once, in that order. */
    load(f, HEAD("NL") "withdrawal:\n  return_within_days: 3\n  refund_within_days: 20\n");
    eval_one(f, ymd(2026, 3, 10), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period return_period_extended policy_below_legal_floor "
                         "refund_deadline_capped policy_below_legal_floor");
    assert_reason(f->d, "return_period_extended", -1, "BW 6:230s(1); " CRD " art. 14(1)", 5, 23);
    assert_reason(f->d, "refund_deadline_capped", -1, "BW 6:230r(1); " CRD " art. 13(1)", 6, 23);
}

/* Nothing comes back: no return or refund date, and no deadline reasons. */
static void test_all_rejected_has_no_dates(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "withdrawal:\n  return_within_days: 3\n  refund_within_days: 30\n"
            "categories:\n  food: { exclusion: perishable }\n");
    reset(f, ymd(2026, 3, 10));
    shipping(f, 495);
    add(f, "A", "food", 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", "food", 2000, 2, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_outcome(f->d, RETOUR_OUTCOME_REJECT);
    assert_money(f->d, 0, 0, 0);
    assert_date(retour_decision_return_by(f->d), NULL);
    assert_date(retour_decision_refund_by(f->d), NULL);
    assert_date(retour_decision_withdrawal_deadline(f->d), "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period excluded_perishable#0 excluded_perishable#1");

    /* Expired: the same. */
    eval_one(f, ymd(2026, 3, 18), "A", NULL, 1000, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_return_by(f->d), NULL);
    assert_date(retour_decision_refund_by(f->d), NULL);
    assert_reasons(f->d, "withdrawal_period_expired");
}

/* ------------------------------------------------------------------------------------
 * Currencies and limits
 * ---------------------------------------------------------------------------------- */

/* JPY has no minor unit: amounts are whole yen. */
static void test_jpy(void **state)
{
    fx *f = *state;
    load(f, "retour: 1\njurisdiction: EU\ncurrency: JPY\n"
            "packaging:\n  damaged: deduct 12.5%\n  missing: deduct 500\n");
    assert_int_equal(retour_policy_currency_decimals(f->p), 0);
    assert_string_equal(retour_policy_currency(f->p), "JPY");
    reset(f, ymd(2026, 3, 10));
    shipping(f, 800);
    add(f, "A", NULL, 1980, 2, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED); /* 3960 -> 495 */
    add(f, "B", NULL, 1003, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_DAMAGED); /* 125.375 -> 125 */
    add(f, "C", NULL, 300, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_MISSING);  /* capped: 300 */
    eval_ok(f);
    assert_string_equal(retour_decision_currency(f->d), "JPY");
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 3465, 495);
    assert_item(f->d, 1, RETOUR_OUTCOME_PARTIAL, 878, 125);
    assert_item(f->d, 2, RETOUR_OUTCOME_PARTIAL, 0, 300);
    assert_money(f->d, 3465 + 878 + 0 + 800, 920, 800);
    assert_string_equal(reason_message(f->d, "damaged_deduction", 0, RETOUR_LANG_EN),
                        "The packaging is damaged beyond what trying requires: a deduction of "
                        "JPY 495 (12.50%) for diminished value.");
    char *json = to_json(f->d, RETOUR_LANG_EN);
    assert_contains(json, "\"refund\":{\"amount\":\"5143\",\"amount_minor\":5143,"
                          "\"items\":\"5263\",\"deductions\":\"920\","
                          "\"outbound_shipping\":\"800\",\"store_credit\":\"0\",\"currency\":\"JPY\","
                          "\"method\":\"original_payment\"}");
    assert_contains(json, "\"outcome\":\"partial\",\"refund\":\"3465\",\"deduction\":\"495\","
                          "\"remedy\":null,\"remedy_percent\":null");
    free(json);
}

/* Money arithmetic that does not fit in int64_t fails with RETOUR_ERANGE, leaving no result. */
static void test_money_overflow(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    const int64_t half = INT64_MAX / 2 + 1;

    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, half, 2, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_ERANGE);
    assert_int_equal(f->err.code, RETOUR_ERANGE);
    assert_string_equal(f->err.path, "items[0]");
    assert_contains(f->err.message, "price x quantity exceeds the largest amount");
    assert_int_equal(retour_decision_item_count(f->d), 0);
    assert_int_equal(retour_decision_refund(f->d), 0);
    assert_int_equal(retour_decision_reason_count(f->d), 0);

    /* Each item fits, the sum does not. */
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, half, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, half, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_ERANGE);
    assert_int_equal(retour_decision_item_count(f->d), 0);

    /* The delivery tips it over. */
    reset(f, ymd(2026, 3, 10));
    shipping(f, 100);
    add(f, "A", NULL, INT64_MAX - 10, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, NULL), RETOUR_ERANGE);
    assert_int_equal(retour_decision_item_count(f->d), 0);

    /* The largest amount itself is fine, and formats exactly. */
    eval_one(f, ymd(2026, 3, 10), "A", NULL, INT64_MAX, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_money(f->d, INT64_MAX, 0, 0);
    char *json = to_json(f->d, RETOUR_LANG_EN);
    assert_contains(json, "\"amount\":\"92233720368547758.07\",\"amount_minor\":"
                          "9223372036854775807,");
    free(json);

    /* A rejected item still counts: its value is computed before the rules. */
    load(f, HEAD("EU") "categories:\n  x: { exclusion: perishable }\n");
    reset(f, ymd(2026, 3, 10));
    add(f, "A", "x", half, 2, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, NULL), RETOUR_ERANGE);
}

/* ------------------------------------------------------------------------------------
 * JSON
 * ---------------------------------------------------------------------------------- */

/* The phone of the worked example, with characters that need escaping in the SKU; the
 * policy lists no categories, so the item's electronics is category_not_listed. */
static void build_phone(fx *f)
{
    load(f, HEAD("EU") "withdrawal:\n  refund_within_days: 7\n  return_shipping: shop\n");
    reset(f, ymd(2026, 3, 16));
    shipping(f, 495);
    add(f, "PHONE \"S4\"\\1", "electronics", 49900, 1, ymd(2026, 3, 3),
        RETOUR_PACKAGING_OPENED);
    eval_ok(f);
}

static const char phone_json[] =
    "{\"outcome\":\"accept\",\"basis\":\"withdrawal_right\",\"type\":\"withdrawal\","
    "\"refund\":{\"amount\":\"503.95\",\"amount_minor\":50395,\"items\":\"499.00\","
    "\"deductions\":\"0.00\",\"outbound_shipping\":\"4.95\",\"store_credit\":\"0.00\","
    "\"currency\":\"EUR\",\"method\":\"original_payment\"},"
    "\"withdrawal_deadline\":\"2026-03-17\",\"return_by\":\"2026-03-30\","
    "\"refund_by\":\"2026-03-23\",\"calendar\":\"weekends\","
    "\"return_shipping\":\"shop\","
    "\"reasons\":["
    "{\"code\":\"within_withdrawal_period\",\"message\":\"Withdrawal notified on 2026-03-16, "
    "within the statutory withdrawal period that ends on 2026-03-17; no reason is needed.\","
    "\"source\":\"policy.yaml:2:15\",\"law\":\"Directive 2011/83/EU art. 9\"},"
    "{\"code\":\"outbound_shipping_refunded\",\"message\":\"The whole order is withdrawn, so "
    "the outbound delivery cost of EUR 4.95 is refunded too.\",\"source\":null,"
    "\"law\":\"Directive 2011/83/EU art. 13(1)\"}],"
    "\"items\":[{\"index\":0,\"sku\":\"PHONE \\\"S4\\\"\\\\1\",\"category\":\"electronics\","
    "\"outcome\":\"accept\",\"refund\":\"499.00\",\"deduction\":\"0.00\","
    "\"remedy\":null,\"remedy_percent\":null,"
    "\"reasons\":[{\"code\":\"category_not_listed\",\"message\":\"The policy does not list "
    "the category 'electronics' and has no default category, so the item is decided without a "
    "category.\",\"source\":null,\"law\":null},"
    "{\"code\":\"packaging_opened_allowed\",\"message\":\"Opened packaging is no "
    "reason to refuse the return: the consumer may unpack and try the goods as in a shop.\","
    "\"source\":null,\"law\":\"Directive 2011/83/EU art. 14(2)\"}]}]}";

static void test_json_exact(void **state)
{
    fx *f = *state;
    build_phone(f);
    char *json = to_json(f->d, RETOUR_LANG_EN);
    assert_string_equal(json, phone_json);
    free(json);

    /* Dutch messages, same structure. */
    json = to_json(f->d, RETOUR_LANG_NL);
    assert_contains(json, "\"message\":\"Herroeping gemeld op 2026-03-16, binnen de wettelijke "
                          "bedenktijd die eindigt op 2026-03-17; een reden is niet nodig.\"");
    assert_null(strstr(json, "Withdrawal notified"));
    free(json);

    /* An item without a category, a rejected item and dates that do not apply. */
    load(f, HEAD("EU") "categories:\n  x: { exclusion: perishable }\n");
    reset(f, ymd(2026, 3, 10));
    add(f, "A", NULL, 100, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    add(f, "B", "x", 200, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    json = to_json(f->d, RETOUR_LANG_EN);
    assert_contains(json, "\"items\":[{\"index\":0,\"sku\":\"A\",\"category\":null,"
                          "\"outcome\":\"accept\",\"refund\":\"1.00\",\"deduction\":\"0.00\","
                          "\"remedy\":null,\"remedy_percent\":null,"
                          "\"reasons\":[]},{\"index\":1,\"sku\":\"B\",\"category\":\"x\","
                          "\"outcome\":\"reject\",\"refund\":\"0.00\",\"deduction\":\"0.00\","
                          "\"remedy\":null,\"remedy_percent\":null,"
                          "\"reasons\":[{\"code\":\"excluded_perishable\",");
    free(json);
    eval_one(f, ymd(2026, 3, 30), "A", NULL, 100, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    json = to_json(f->d, RETOUR_LANG_EN);
    assert_contains(json, "\"withdrawal_deadline\":\"2026-03-17\",\"return_by\":null,"
                          "\"refund_by\":null,");
    assert_contains(json, "\"outcome\":\"reject\",");
    free(json);
}

/* snprintf contract: (NULL, 0) measures; a small buffer gets a NUL-terminated prefix. */
static void test_json_measure_and_truncate(void **state)
{
    fx *f = *state;
    build_phone(f);
    const long full = (long)strlen(phone_json);
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG_EN, NULL, 0), full);

    char small[24];
    memset(small, '#', sizeof small);
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG_EN, small, 16), full);
    assert_string_equal(small, "{\"outcome\":\"acc");
    for (size_t i = 16; i < sizeof small; i++)
        assert_int_equal(small[i], '#');

    char one[2] = { '#', '#' };
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG_EN, one, 1), full);
    assert_int_equal(one[0], '\0');
    assert_int_equal(one[1], '#');

    /* Exactly one byte short: everything but the last brace. */
    char *buf = malloc((size_t)full + 1);
    assert_non_null(buf);
    memset(buf, '#', (size_t)full + 1);
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG_EN, buf, (size_t)full), full);
    assert_int_equal(strlen(buf), (size_t)full - 1);
    assert_memory_equal(buf, phone_json, (size_t)full - 1);
    assert_int_equal(buf[full], '#');
    free(buf);

    /* Bad arguments. */
    assert_int_equal(retour_decision_to_json(NULL, RETOUR_LANG_EN, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG_EN, NULL, 4), RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG__COUNT, NULL, 0), RETOUR_EINVAL);
}

/* retour_evaluate_json gives the same bytes as the C API, in a string the library owns. */
static void test_evaluate_json_round_trip(void **state)
{
    fx *f = *state;
    build_phone(f);
    static const char request[] =
        "type: withdrawal\n"
        "ordered: 2026-03-01\n"
        "notified: 2026-03-16\n"
        "shipping_paid: \"4.95\"\n"
        "items:\n"
        "  - sku: 'PHONE \"S4\"\\1'\n"
        "    category: electronics\n"
        "    price: \"499.00\"\n"
        "    quantity: 1\n"
        "    delivered: 2026-03-03\n"
        "    packaging: opened\n";
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(retour_evaluate_json(&out, &len, f->p, request, strlen(request),
                                          RETOUR_LANG_EN, &f->err),
                     RETOUR_OK);
    assert_non_null(out);
    assert_int_equal(len, strlen(phone_json));
    assert_string_equal(out, phone_json);
    retour_string_free(out);

    /* The same request in JSON, in Dutch, without the length. */
    static const char json_request[] =
        "{\"type\": \"withdrawal\", \"notified\": \"2026-03-16\", \"shipping_paid\": 4.95,"
        " \"items\": [{\"sku\": \"PHONE \\\"S4\\\"\\\\1\", \"category\": \"electronics\","
        " \"price\": 499, \"delivered\": \"2026-03-03\", \"packaging\": \"opened\"}]}";
    out = NULL;
    assert_int_equal(retour_evaluate_json(&out, NULL, f->p, json_request, strlen(json_request),
                                          RETOUR_LANG_NL, NULL),
                     RETOUR_OK);
    char *expected = to_json(f->d, RETOUR_LANG_NL);
    assert_string_equal(out, expected);
    free(expected);
    retour_string_free(out);

    /* Failures leave *out alone. */
    char *untouched = (char *)&untouched;
    static const char bad[] = "type: withdrawal\nnotified: 2026-03-16\n";
    assert_int_equal(retour_evaluate_json(&untouched, &len, f->p, bad, strlen(bad),
                                          RETOUR_LANG_EN, &f->err),
                     RETOUR_ESCHEMA);
    assert_string_equal(f->err.path, "items");
    assert_ptr_equal(untouched, (char *)&untouched);
    /* A request the policy cannot decide: a complaint needs the delivery date. */
    static const char complaint[] =
        "type: complaint\nnotified: 2026-03-16\n"
        "items: [{sku: A, price: 1}]\n";
    assert_int_equal(retour_evaluate_json(&untouched, NULL, f->p, complaint, strlen(complaint),
                                          RETOUR_LANG_EN, &f->err),
                     RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "items[0].delivered");
    assert_ptr_equal(untouched, (char *)&untouched);
    assert_int_equal(retour_evaluate_json(NULL, NULL, f->p, request, strlen(request),
                                          RETOUR_LANG_EN, NULL),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_json(&untouched, NULL, NULL, request, strlen(request),
                                          RETOUR_LANG_EN, NULL),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_json(&untouched, NULL, f->p, request, strlen(request),
                                          RETOUR_LANG__COUNT, NULL),
                     RETOUR_EINVAL);
    assert_ptr_equal(untouched, (char *)&untouched);
    retour_string_free(NULL);
}

/* A custom allocator is used for the returned string, and retour_string_free returns it. */
typedef struct counting {
    long live;
    long calls;
} counting;

static void *count_malloc(void *ctx, size_t size)
{
    counting *c = ctx;
    void *p = malloc(size);
    if (p) {
        c->live++;
        c->calls++;
    }
    return p;
}

static void *count_realloc(void *ctx, void *ptr, size_t size)
{
    counting *c = ctx;
    void *p = realloc(ptr, size);
    if (p && ptr == NULL) {
        c->live++;
        c->calls++;
    }
    return p;
}

static void count_free(void *ctx, void *ptr)
{
    counting *c = ctx;
    if (ptr)
        c->live--;
    free(ptr);
}

static void test_evaluate_json_allocator(void **state)
{
    (void)state;
    counting c = { 0, 0 };
    retour_allocator a = { count_malloc, count_realloc, count_free, &c };
    retour_options o = RETOUR_OPTIONS_INIT;
    o.allocator = &a;
    static const char yaml[] = HEAD("EU");
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, yaml, strlen(yaml), NULL, &o, NULL),
                     RETOUR_OK);
    long after_load = c.live;
    static const char request[] =
        "{type: withdrawal, notified: 2026-03-10, items: [{sku: A, price: 1.00, "
        "delivered: 2026-03-03}]}";
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(retour_evaluate_json(&out, &len, p, request, strlen(request),
                                          RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_int_equal(c.live, after_load + 1);
    assert_contains(out, "\"amount\":\"1.00\"");
    assert_int_equal(len, strlen(out));
    retour_string_free(out);
    assert_int_equal(c.live, after_load);
    retour_policy_free(p);
    assert_int_equal(c.live, 0);
    assert_true(c.calls > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_price_times_quantity),
        T(test_several_items),
        T(test_percent_deduction_rounding),
        T(test_fixed_deduction),
        T(test_outbound_refunded),
        T(test_outbound_not_refunded),
        T(test_outbound_policy_flag),
        T(test_refund_by),
        T(test_return_by),
        T(test_all_rejected_has_no_dates),
        T(test_jpy),
        T(test_money_overflow),
        T(test_json_exact),
        T(test_json_measure_and_truncate),
        T(test_evaluate_json_round_trip),
        T(test_evaluate_json_allocator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
