/* Unit tests for the clauses real shops write (issue 19): each key decided by the law where
 * it is below the floor in a statutory withdrawal (policy_below_legal_floor at the clause's
 * line, with the article), and applied as written in the shop's own extra window.
 *
 * Delivered 2026-03-03 (a Tuesday): the statutory period ends on 2026-03-17 (Directive
 * 2011/83/EU art. 9); with days: 30 the shop's own window runs on to 2026-04-02. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "evaluation_support.h"

#define DELIVERED ymd(2026, 3, 3)
#define DAY10 ymd(2026, 3, 13)
#define DAY20 ymd(2026, 3, 23)

/* NL's citations (BW and the directive's article). */
#define NL_REFUND "BW 6:230r(1); " CRD " art. 13(1)"
#define NL_RETURN "BW 6:230s(1); " CRD " art. 14(1)"
#define NL_WITHHOLD "BW 6:230r; " CRD " art. 13(3)"

static void goods_sent(fx *f, retour_date day)
{
    assert_int_equal(retour_request_set_goods_sent(f->r, day), RETOUR_OK);
}

static void goods_received(fx *f, retour_date day)
{
    assert_int_equal(retour_request_set_goods_received(f->r, day), RETOUR_OK);
}

/* ---- withdrawal.counting -------------------------------------------------------------- */

/* The shop's window in working days of the Dutch calendar: 20 working days from Tuesday
 * 3 March 2026 end on Tuesday 31 March (four weekends in between, no holiday). */
static void test_working_days_window(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                      /* 1-3 */
            "withdrawal:\n"                 /* 4 */
            "  days: 20\n"                  /* 5, value at column 9 */
            "  counting: working_days\n");  /* 6 */
    eval_one(f, ymd(2026, 3, 31), "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8000, "2026-03-31");
    /* A count of working days ends on one: nothing moves. */
    assert_reasons(f->d, "within_shop_period");
    assert_reason(f->d, "within_shop_period", -1, NULL, 5, 9);
    assert_string_equal(reason_message(f->d, "within_shop_period", -1, RETOUR_LANG_EN),
                        "Notified on 2026-03-31, within the shop's own return window of 20 "
                        "working days that ends on 2026-03-31.");
    assert_string_equal(reason_message(f->d, "within_shop_period", -1, RETOUR_LANG_NL),
                        "Gemeld op 2026-03-31, binnen de eigen retourtermijn van 20 werkdagen "
                        "van de winkel, die eindigt op 2026-03-31.");
    /* The return and refund days are not written: they keep the law's 14 calendar days. */
    assert_date(retour_decision_return_by(f->d), "2026-04-14");
    assert_date(retour_decision_refund_by(f->d), "2026-04-14");
    /* Written, they count working days too: 14 from Tuesday 31 March end on Wednesday 22
     * April (Good Friday 3 April and Easter Monday 6 April skipped); on the shop's basis
     * they apply as written. */
    load(f, HEAD("NL") "withdrawal:\n  days: 20\n  counting: working_days\n"
                       "  return_within_days: 14\n  refund_within_days: 14\n");
    eval_one(f, ymd(2026, 3, 31), "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_return_by(f->d), "2026-04-22");
    assert_date(retour_decision_refund_by(f->d), "2026-04-22");

    eval_one(f, ymd(2026, 4, 1), "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-03-31");
    assert_reasons(f->d, "withdrawal_period_expired");
}

/* Ten working days from a Sunday delivery end on the second Friday, 12 days on: before
 * the law's 14 days (to Sunday 15 March, moved to Monday 16 March). The law decides and
 * names the clause (art. 9). */
static void test_working_days_below_the_law(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                      /* 1-3 */
            "withdrawal:\n"                 /* 4 */
            "  counting: working_days\n"    /* 5, value at column 13 */
            "  days: 11\n"                  /* 6 */
            "  return_within_days: 10\n"    /* 7, value at column 23 */
            "  refund_within_days: 10\n");  /* 8, value at column 23 */
    /* Eleven working days never end before the law's 14 calendar days: delivered Sunday 1
     * March, they end on Monday 16 March, the law's moved day. */
    eval_one(f, ymd(2026, 3, 16), "LAMP", NULL, 8000, ymd(2026, 3, 1), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2026-03-16");

    /* Ten working days to send the goods back from a notice on Sunday 1 March end on Friday
     * 13 March; the law's 14 days end on Monday 16 March (art. 14(1)). The refund's ten
     * working days end the same Friday, well inside the law's 14 days (art. 13(1)). */
    reset(f, ymd(2026, 3, 1));
    add(f, "LAMP", NULL, 8000, 1, ymd(2026, 2, 27), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_reasons(f->d, "within_withdrawal_period return_period_extended "
                         "policy_below_legal_floor deadline_moved_to_working_day");
    assert_date(retour_decision_return_by(f->d), "2026-03-16");
    assert_date(retour_decision_refund_by(f->d), "2026-03-13");
    assert_reason(f->d, "return_period_extended", -1, CRD " art. 14(1)", 7, 23);
    assert_string_equal(reason_message(f->d, "return_period_extended", -1, RETOUR_LANG_EN),
                        "The policy gives 10 working days to send the goods back, which end on "
                        "2026-03-13, before the law's 14 days from the notice; the consumer has "
                        "until 2026-03-16.");
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", -1, RETOUR_LANG_EN),
                        "The policy's withdrawal.return_within_days gives the consumer less "
                        "than the law; it does not apply here and the law decides.");
}

/* A refund within 10 working days over Easter: notified on Friday 27 March 2026, ten
 * working days of the Dutch calendar end on Tuesday 14 April (Good Friday and Easter
 * Monday skipped), later than the law's 14 days (Friday 10 April, art. 13(1)). */
static void test_working_days_refund_capped(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                      /* 1-3 */
            "withdrawal:\n"                 /* 4 */
            "  counting: working_days\n"    /* 5 */
            "  days: 11\n"                  /* 6 */
            "  return_within_days: 11\n"    /* 7 */
            "  refund_within_days: 10\n");  /* 8, value at column 23 */
    eval_one(f, ymd(2026, 3, 27), "LAMP", NULL, 8000, ymd(2026, 3, 20), RETOUR_PACKAGING_SEALED);
    /* The period's 14th day is Good Friday (3 April): it ends on Tuesday 7 April. */
    assert_reasons(f->d, "within_withdrawal_period deadline_moved_to_working_day "
                         "refund_deadline_capped policy_below_legal_floor");
    assert_date(retour_decision_refund_by(f->d), "2026-04-10");
    assert_reason(f->d, "refund_deadline_capped", -1, NL_REFUND, 8, 23);
    assert_string_equal(reason_message(f->d, "refund_deadline_capped", -1, RETOUR_LANG_NL),
                        "Het beleid noemt 10 werkdagen om terug te betalen, die eindigen op "
                        "2026-04-14, later dan de wettelijke 14 dagen na de melding; "
                        "terugbetaling uiterlijk op 2026-04-10.");
}

/* Without a statutory right (none) working days are weekdays. */
static void test_working_days_without_a_calendar(void **state)
{
    fx *f = *state;
    load(f, HEAD("none") "withdrawal:\n  days: 5\n  counting: working_days\n");
    /* Five weekdays from Friday 6 March 2026 end on Friday 13 March. */
    eval_one(f, ymd(2026, 3, 13), "LAMP", NULL, 8000, ymd(2026, 3, 6), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8000, "2026-03-13");
    eval_one(f, ymd(2026, 3, 14), "LAMP", NULL, 8000, ymd(2026, 3, 6), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-03-13");
}

/* ---- withdrawal.refund_counted_from, refund_withheld_until --------------------------- */

/* "Refund within 14 days after we receive the goods": art. 13(1) counts from the notice. */
static void test_refund_counted_from_goods_received(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                                 /* 1-3 */
            "withdrawal:\n"                            /* 4 */
            "  days: 30\n"                             /* 5 */
            "  refund_counted_from: goods_received\n"  /* 6, value at column 24 */
            "  refund_withheld_until: goods_received\n"/* 7, value at column 26 */
            "  refund_within_days: 14\n");             /* 8 */
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "policy_below_legal_floor");
    assert_date(retour_decision_refund_by(f->d), "2026-03-27");
    const retour_reason *r = retour_decision_reason(f->d, 1);
    assert_string_equal(r->law, NL_REFUND);
    assert_int_equal(r->source_line, 6);
    assert_int_equal(r->source_column, 24);
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The policy's withdrawal.refund_counted_from gives the consumer less "
                        "than the law; it does not apply here and the law decides.");
    r = retour_decision_reason(f->d, 2);
    assert_string_equal(r->law, NL_WITHHOLD);
    assert_int_equal(r->source_line, 7);

    /* In the shop's own window the refund counts from the day the goods came back, the
     * request's goods_received (Monday 30 March): 14 days on, Monday 13 April. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    goods_received(f, ymd(2026, 3, 30));
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8000, "2026-04-02");
    /* The goods go back within 14 days of the notice: 6 April is Easter Monday. */
    assert_reasons(f->d, "within_shop_period deadline_moved_to_working_day "
                         "refund_after_goods_received");
    assert_date(retour_decision_refund_by(f->d), "2026-04-13");
    assert_reason(f->d, "refund_after_goods_received", -1, NULL, 6, 24);
    assert_string_equal(reason_message(f->d, "refund_after_goods_received", -1, RETOUR_LANG_EN),
                        "Outside the statutory period the shop's terms count the refund from "
                        "the day it received the goods back, 2026-03-30: it is due by "
                        "2026-04-13.");

    /* Not back yet: no refund date, and the decision says why. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_reasons(f->d, "within_shop_period deadline_moved_to_working_day "
                         "refund_after_goods_received");
    assert_date(retour_decision_refund_by(f->d), NULL);
    assert_date(retour_decision_return_by(f->d), "2026-04-07");
}

/* Withholding until the goods or the proof of dispatch, whichever comes first, is what
 * art. 13(3) allows: nothing is set aside. */
static void test_refund_withheld_lawful(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE") "withdrawal:\n  refund_withheld_until: goods_or_proof_of_dispatch\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");

    load(f, HEAD("DE") "withdrawal:\n  refund_withheld_until: goods_received\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, "BGB §357; " CRD " art. 13(3)", 5, 26);
}

/* ---- withdrawal.timely_when ------------------------------------------------------------ */

/* "The return is in time when the parcel is sent within 30 days": in the statutory period
 * the notice decides (art. 11(2)); in the shop's own window its terms judge by the day the
 * goods were sent. */
static void test_timely_when_goods_sent(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                      /* 1-3 */
            "withdrawal:\n"                 /* 4 */
            "  days: 30\n"                  /* 5, value at column 9 */
            "  timely_when: goods_sent\n"); /* 6, value at column 16 */
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 11(2)", 6, 16);

    /* Notified on day 20, the goods sent on 2 April, the window's last day. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    goods_sent(f, ymd(2026, 4, 2));
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8000, "2026-04-02");
    /* Return and refund by 6 April, Easter Monday: both move to the Tuesday. */
    assert_reasons(f->d, "within_shop_period deadline_moved_to_working_day "
                         "deadline_moved_to_working_day");
    assert_reason(f->d, "within_shop_period", -1, NULL, 5, 9);
    assert_string_equal(reason_message(f->d, "within_shop_period", -1, RETOUR_LANG_EN),
                        "The goods were sent back on 2026-04-02, within the shop's own return "
                        "window that ends on 2026-04-02; its terms count the day the goods are "
                        "sent.");

    /* Sent the day after: late by the shop's terms, although notified in its window. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    goods_sent(f, ymd(2026, 4, 3));
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "withdrawal_period_expired");
    assert_string_equal(reason_message(f->d, "withdrawal_period_expired", -1, RETOUR_LANG_NL),
                        "De goederen zijn op 2026-04-03 teruggestuurd, nadat de eigen "
                        "retourtermijn van de winkel op 2026-04-02 was verlopen; de voorwaarden "
                        "tellen de dag van verzending.");

    /* Without the day the goods were sent the shop's window cannot be judged. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_fails(f, RETOUR_EREQUEST, "goods_sent",
               "the policy's window counts the day the goods were sent back "
               "(withdrawal.timely_when: goods_sent), so the request needs goods_sent");
}

static void test_timely_when_goods_received(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n  timely_when: goods_received\n");
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    goods_sent(f, ymd(2026, 3, 30));
    goods_received(f, ymd(2026, 4, 1));
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8000, "2026-04-02");
    assert_string_equal(reason_message(f->d, "within_shop_period", -1, RETOUR_LANG_EN),
                        "The shop received the goods back on 2026-04-01, within its own return "
                        "window that ends on 2026-04-02; its terms count the day the goods "
                        "arrive.");
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_fails(f, RETOUR_EREQUEST, "goods_received",
               "the policy's window counts the day the shop received the goods back "
               "(withdrawal.timely_when: goods_received), so the request needs goods_received");
}

/* Impossible data is an error: goods back before they were sent, or sent before the order. */
static void test_goods_days_impossible(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    reset(f, DAY10);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    goods_sent(f, ymd(2026, 3, 12));
    goods_received(f, ymd(2026, 3, 11));
    eval_fails(f, RETOUR_EREQUEST, "goods_received",
               "the goods were received back before they were sent");
    reset(f, DAY10);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
    goods_sent(f, ymd(2026, 2, 28));
    eval_fails(f, RETOUR_EREQUEST, "goods_sent",
               "the goods were sent back before the order was placed");
    assert_int_equal(retour_request_set_goods_sent(f->r, (retour_date)4000000), RETOUR_EINVAL);
}

/* ---- restocking_fee forms, per category ------------------------------------------------ */

/* "10% restocking fee, at least EUR 5, at most EUR 25": set aside in the statutory period
 * (art. 13(1)), charged within its bounds in the shop's own window. A category's own fee
 * replaces the policy's, and its own `none` takes it away. */
static void test_restocking_fee_forms(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                                                          /* 1-3 */
            "withdrawal:\n"                                                     /* 4 */
            "  days: 30\n"                                                      /* 5 */
            "  restocking_fee: { percent: 10, minimum: \"5.00\", maximum: 25 }\n" /* 6, col 19 */
            "categories:\n"                                                     /* 7 */
            "  shoes: {}\n"                                                     /* 8 */
            "  sale: { restocking_fee: 15% }\n"                                 /* 9, col 27 */
            "  gifts: { restocking_fee: none }\n");                             /* 10 */
    reset(f, DAY20);
    add(f, "CHEAP", "shoes", 2000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "DEAR", "shoes", 40000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "MID", "shoes", 10000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "SALE", "sale", 10000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "GIFT", "gifts", 10000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY,
                   1500 + 37500 + 9000 + 8500 + 10000, "2026-04-02");
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 1500, 500);   /* 10% = 2.00: the minimum */
    assert_item(f->d, 1, RETOUR_OUTCOME_PARTIAL, 37500, 2500); /* 10% = 40.00: the maximum */
    assert_item(f->d, 2, RETOUR_OUTCOME_PARTIAL, 9000, 1000);  /* 10% within the bounds */
    assert_item(f->d, 3, RETOUR_OUTCOME_PARTIAL, 8500, 1500);  /* the category's 15% */
    assert_item(f->d, 4, RETOUR_OUTCOME_ACCEPT, 10000, 0);     /* the category's none */
    assert_string_equal(reason_message(f->d, "restocking_fee_deducted", 0, RETOUR_LANG_EN),
                        "Outside the statutory period the shop's restocking fee applies: 10% of "
                        "the item's value is less than the fee's minimum, so EUR 5.00 is "
                        "deducted.");
    assert_string_equal(reason_message(f->d, "restocking_fee_deducted", 1, RETOUR_LANG_NL),
                        "Buiten de wettelijke bedenktijd gelden de verwerkingskosten van de "
                        "winkel: 10% van de waarde is meer dan het maximum, dus EUR 25.00 wordt "
                        "afgetrokken.");
    assert_reason(f->d, "restocking_fee_deducted", 1, NULL, 6, 19);
    assert_reason(f->d, "restocking_fee_deducted", 3, NULL, 9, 27);

    /* In the statutory period no fee at all: the policy's is named for the request, the
     * category's at its item. */
    reset(f, DAY10);
    add(f, "DEAR", "shoes", 40000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "SALE", "sale", 10000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 50000, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "policy_below_legal_floor#1");
    assert_reason(f->d, "policy_below_legal_floor", -1, NL_REFUND, 6, 19);
    assert_reason(f->d, "policy_below_legal_floor", 1, NL_REFUND, 9, 27);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", 1, RETOUR_LANG_EN),
                        "The policy's categories.sale.restocking_fee gives the consumer less "
                        "than the law; it does not apply here and the law decides.");
}

/* ---- withdrawal.requires and the request's provided ------------------------------------ */

/* "Returns only with the return form and the invoice": any unequivocal statement withdraws
 * (art. 11(1)). */
static void test_requires(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                                          /* 1-3 */
            "withdrawal:\n"                                     /* 4 */
            "  days: 30\n"                                      /* 5 */
            "  requires: [form, invoice, original_packaging]\n"); /* 6: columns 14, 20, 29 */
    /* The statutory period: the form is set aside, named once at its place in the list;
     * the item without its packaging keeps the right (art. 14(2)). */
    reset(f, DAY10);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_MISSING);
    assert_int_equal(retour_request_add_provided(f->r, "invoice"), RETOUR_OK);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "policy_below_legal_floor#0 missing_packaging_accepted#0");
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 11(1)", 6, 14);
    assert_reason(f->d, "policy_below_legal_floor", 0, "BW 6:230s; " CRD " art. 14(2)", 6, 29);

    /* The shop's own window: without the form every item is refused, each missing
     * requirement named. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "BULB", NULL, 500, 2, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "within_shop_period requirement_missing requirement_missing");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "Outside the statutory period the shop's terms take a return only with "
                        "its return form, and the request does not show it.");
    assert_string_equal(message(f->d, 2, RETOUR_LANG_NL),
                        "Buiten de wettelijke bedenktijd neemt de winkel een retour alleen aan "
                        "met de factuur, en de aanvraag laat dat niet zien.");
    assert_string_equal(retour_decision_deciding_reason(f->d)->code, "requirement_missing");
    const retour_reason *r = retour_decision_reason(f->d, 2);
    assert_int_equal(r->source_line, 6);
    assert_int_equal(r->source_column, 20);

    /* With both provided, the item without its packaging is the one refused. */
    reset(f, DAY20);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_MISSING);
    add(f, "BULB", NULL, 500, 2, DELIVERED, RETOUR_PACKAGING_OPENED);
    add(f, "CORD", NULL, 700, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    assert_int_equal(retour_request_add_provided(f->r, "form"), RETOUR_OK);
    assert_int_equal(retour_request_add_provided(f->r, "invoice"), RETOUR_OK);
    assert_int_equal(retour_request_add_provided(f->r, "receipt"), RETOUR_EINVAL);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY, 1000, "2026-04-02");
    /* Return and refund by Easter Monday (6 April): both move to the Tuesday. */
    assert_reasons(f->d, "within_shop_period requirement_missing#0 "
                         "packaging_opened_allowed#1 requirement_missing#2 "
                         "deadline_moved_to_working_day deadline_moved_to_working_day");
    assert_string_equal(reason_message(f->d, "requirement_missing", 0, RETOUR_LANG_EN),
                        "Outside the statutory period the shop's terms take goods back only "
                        "with the original packaging, and this item comes back without it.");
    /* A packaging not stated counts when the request says it came back in it. */
    assert_int_equal(retour_request_add_provided(f->r, "original_packaging"), RETOUR_OK);
    eval_ok(f);
    assert_reasons(f->d, "within_shop_period requirement_missing#0 packaging_opened_allowed#1 "
                         "deadline_moved_to_working_day deadline_moved_to_working_day");
}

/* ---- refund_method, refund_outbound_shipping, return_risk, function ------------------- */

/* "Refunds as store credit": the same means of payment unless the consumer expressly
 * agrees (art. 13(1)); the decision's refund names its method. */
static void test_refund_method(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                          /* 1-3 */
            "withdrawal:\n"                     /* 4 */
            "  days: 30\n"                      /* 5 */
            "  refund_method: store_credit\n"); /* 6, value at column 18 */
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, NL_REFUND, 6, 18);
    assert_string_equal(retour_decision_refund_method(f->d), "original_payment");
    char buf[2048];
    assert_true(retour_decision_to_json(f->d, RETOUR_LANG_EN, buf, sizeof buf) > 0);
    assert_contains(buf, "\"currency\":\"EUR\",\"method\":\"original_payment\"}");

    /* In the shop's own window the terms apply: store credit. */
    eval_one(f, DAY20, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_string_equal(retour_decision_refund_method(f->d), "store_credit");
    assert_true(retour_decision_to_json(f->d, RETOUR_LANG_EN, buf, sizeof buf) > 0);
    assert_contains(buf, "\"method\":\"store_credit\"}");

    /* Nothing refunded, nothing set aside; the method is still the law's. */
    load(f, HEAD("NL") "withdrawal:\n  refund_method: voucher\n"
                       "categories:\n  custom: { exclusion: personalised }\n");
    eval_one(f, DAY10, "RING", "custom", 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0");
    assert_string_equal(retour_decision_refund_method(f->d), "original_payment");

    /* The consumer's choice is lawful; a complaint's refund names no method. */
    load(f, HEAD("NL") "withdrawal:\n  refund_method: consumer_choice\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");
    assert_string_equal(retour_decision_refund_method(f->d), "consumer_choice");
    reset_complaint(f, ymd(2026, 5, 4));
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_null(retour_decision_refund_method(f->d));
    assert_true(retour_decision_to_json(f->d, RETOUR_LANG_EN, buf, sizeof buf) > 0);
    assert_contains(buf, "\"currency\":\"EUR\",\"method\":null}");
}

/* "Shipping costs are refunded only when the whole order is returned": what the library
 * applies anyway (a partial withdrawal's delivery served the goods kept too); written
 * down, the clause is named when it decides. */
static void test_outbound_whole_order(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE")                                /* 1-3 */
            "withdrawal:\n"                           /* 4 */
            "  days: 30\n"                            /* 5 */
            "  refund_outbound_shipping: whole_order\n"); /* 6, value at column 29 */
    reset(f, DAY20);
    shipping(f, 495);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8495, "2026-04-02");
    assert_reason(f->d, "outbound_shipping_refunded", -1, NULL, 6, 29);
    reset(f, DAY20);
    shipping(f, 495);
    assert_int_equal(retour_request_set_whole_order(f->r, 0), RETOUR_OK);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 8000, "2026-04-02");
    assert_reason(f->d, "outbound_shipping_not_refunded", -1, NULL, 6, 29);
    /* In the statutory period a whole order gets the delivery back (art. 13(1)). */
    reset(f, DAY10);
    shipping(f, 495);
    add(f, "LAMP", NULL, 8000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8495, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period outbound_shipping_refunded");
}

/* "Returns travel at the customer's risk": in Germany the trader bears that risk (BGB
 * §355(3)); elsewhere the tables hold no rule, and nothing is set aside. */
static void test_return_risk(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE") "withdrawal:\n  return_risk: consumer\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, "BGB §355(3)", 5, 16);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", -1, RETOUR_LANG_EN),
                        "The policy's withdrawal.return_risk gives the consumer less than the "
                        "law; it does not apply here and the law decides.");
    load(f, HEAD("NL") "withdrawal:\n  return_risk: consumer\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");
}

/* No online withdrawal function: owed for contracts concluded from 19 June 2026 (Directive
 * (EU) 2023/2673, art. 11a); any unequivocal statement still withdraws. */
static void test_withdrawal_function(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE") "withdrawal:\n  function: false\n");
    eval_one(f, ymd(2026, 7, 1), "LAMP", NULL, 8000, ymd(2026, 6, 22), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, "BGB §356a; " CRD " art. 11a", 5, 13);
    /* Ordered before the day: no function owed. */
    reset(f, ymd(2026, 7, 1));
    add(f, "LAMP", NULL, 8000, 1, ymd(2026, 6, 22), RETOUR_PACKAGING_SEALED);
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2026, 6, 18)), RETOUR_OK);
    eval_ok(f);
    assert_reasons(f->d, "within_withdrawal_period");
    /* Delivered before the day, so concluded before it too. */
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");
    /* The UK has no such rule. */
    load(f, "retour: 1\njurisdiction: UK\ncurrency: GBP\nwithdrawal:\n  function: false\n");
    eval_one(f, ymd(2026, 7, 1), "LAMP", NULL, 8000, ymd(2026, 6, 22), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");
}

/* ---- complaints: notice_within_months, notice_form, remedy ---------------------------- */

#define SGD "Directive (EU) 2019/771"

/* A complaint notified on `notified` about an order of 1 March 2026 (the law in force then
 * decides; no contract_date_assumed). */
static void complaint_on(fx *f, retour_date notified)
{
    reset_complaint(f, notified);
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
}

/* "Defects must be reported within two months of discovery": member states may require it
 * (Directive (EU) 2019/771 art. 12, at least 2 months); NL does (BW 7:23, 2 months timely),
 * so a complaint after that is late. */
static void test_notice_within_months_nl(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                       /* 1-3 */
            "complaints:\n"                  /* 4 */
            "  notice_within_months: 2\n");  /* 5, value at column 25 */
    /* Delivered 3 March 2026, noticed 1 May, reported 2 July: a day past the two months. */
    complaint_on(f, ymd(2026, 7, 2));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2026, 5, 1), RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_decided(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "notice_late#0");
    assert_reason(f->d, "notice_late", 0, SGD " art. 12", 5, 25);
    assert_string_equal(reason_message(f->d, "notice_late", 0, RETOUR_LANG_EN),
                        "The problem was noticed on 2026-05-01 and had to be reported within 2 "
                        "months, by 2026-07-01; the complaint came later, so the right to a "
                        "remedy is lost.");
    assert_string_equal(reason_message(f->d, "notice_late", 0, RETOUR_LANG_NL),
                        "Het probleem is op 2026-05-01 ontdekt en moest binnen 2 maanden worden "
                        "gemeld, uiterlijk op 2026-07-01; de klacht kwam later, dus het recht "
                        "op herstel is vervallen.");
    /* In time: presumed, as always. */
    complaint_on(f, ymd(2026, 7, 1));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2026, 5, 1), RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0");

    /* One month is shorter than the law's two: between them the law decides. */
    load(f, HEAD("NL") "complaints:\n  notice_within_months: 1\n");
    complaint_on(f, ymd(2026, 6, 15));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2026, 5, 1), RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_reasons(f->d, "policy_below_legal_floor#0 presumed_defect#0 "
                         "remedy_repair_or_replace_first#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 12", 5, 25);
    complaint_on(f, ymd(2026, 7, 2));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2026, 5, 1), RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_reasons(f->d, "notice_late#0");
}

/* Where the law has no duty to report within a time (DE, as far as the tables know) the
 * term is set aside; under the shop's own guarantee alone it applies as written. */
static void test_notice_within_months_no_duty(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE")                        /* 1-3 */
            "complaints:\n"                   /* 4 */
            "  notice_within_months: 2\n"     /* 5, value at column 25 */
            "  guarantee_months: 36\n");      /* 6 */
    complaint_on(f, ymd(2026, 9, 1));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2026, 5, 1), RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_decided(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "policy_below_legal_floor#0 presumed_defect#0 "
                         "remedy_repair_or_replace_first#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 12", 5, 25);
    /* After the legal two years, under the shop's third year: late by its own terms. */
    complaint_on(f, ymd(2028, 9, 1));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2028, 5, 1), RETOUR_CAUSE_DEFECT, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_decided(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_COMMERCIAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "within_commercial_guarantee#0 notice_late#0");
    assert_reason(f->d, "notice_late", 0, NULL, 5, 25);
}

/* "Complaints only with our complaint form": no form can be a condition of the legal
 * guarantee; under the shop's own guarantee its terms apply. */
static void test_notice_form(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                   /* 1-3 */
            "complaints:\n"              /* 4 */
            "  notice_form: form\n"      /* 5, value at column 16 */
            "  guarantee_months: 36\n"); /* 6 */
    complaint_on(f, ymd(2026, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_reasons(f->d, "policy_below_legal_floor#0 presumed_defect#0 "
                         "remedy_repair_or_replace_first#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 12", 5, 16);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", 0, RETOUR_LANG_EN),
                        "The policy's complaints.notice_form gives the consumer less than the "
                        "law; it does not apply here and the law decides.");
    /* Under the shop's third year alone: refused without the form, decided with it. */
    complaint_on(f, ymd(2028, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_decided(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_COMMERCIAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "within_commercial_guarantee#0 requirement_missing#0");
    assert_string_equal(reason_message(f->d, "requirement_missing", 0, RETOUR_LANG_EN),
                        "Only the shop's own guarantee covers the item, and its terms take a "
                        "complaint only with its return form, which the request does not show.");
    assert_int_equal(retour_request_add_provided(f->r, "form"), RETOUR_OK);
    eval_ok(f);
    assert_decided(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_COMMERCIAL_GUARANTEE, 0, 0);
    /* Written notice: a form is written too. */
    load(f, HEAD("NL") "complaints:\n  notice_form: written\n");
    complaint_on(f, ymd(2026, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    assert_int_equal(retour_request_add_provided(f->r, "form"), RETOUR_OK);
    eval_ok(f);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0");
}

/* "Repairs only", "replacement only", "a credit note": the consumer chooses between repair
 * and replacement (art. 13(2)); a credit note is no remedy they must accept. */
static void test_remedy_clauses(void **state)
{
    fx *f = *state;
    load(f, HEAD("FR")                      /* 1-3 */
            "complaints:\n"                 /* 4 */
            "  remedy: repair_only\n");     /* 5, value at column 11 */
    complaint_on(f, ymd(2026, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REPLACE, 0);
    eval_ok(f);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);
    assert_reasons(f->d, "presumed_defect#0 remedy_consumer_choice#0 policy_below_legal_floor#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 13(2)", 5, 11);
    /* Asked for nothing: repair is what the shop offers, and lawfully so. */
    complaint_on(f, ymd(2026, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0");
    /* Replacement only, asked for repair. */
    load(f, HEAD("FR") "complaints:\n  remedy: replace_only\n");
    complaint_on(f, ymd(2026, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REPAIR, 0);
    eval_ok(f);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    assert_reasons(f->d, "presumed_defect#0 remedy_consumer_choice#0 policy_below_legal_floor#0");
    /* A credit note: repair is offered instead, the clause named. */
    load(f, HEAD("FR") "complaints:\n  remedy: credit_note\n");
    complaint_on(f, ymd(2026, 5, 4));
    add(f, "KETTLE", NULL, 5995, 1, DELIVERED, RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0 "
                         "policy_below_legal_floor#0");
}

/* ---- withdrawal_information_wrong ------------------------------------------------------ */

/* Terms that state a shorter period than the law's do not inform the consumer as art.
 * 6(1)(h) requires: decided as not informed, the period extended by 12 months (art. 10;
 * DE BGB §356(3)), and nothing owed for diminished value (art. 14(2)). */
static void test_withdrawal_information_wrong(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE")                      /* 1-3 */
            "withdrawal:\n"                 /* 4 */
            "  days: 7\n"                   /* 5, value at column 9 */
            "packaging:\n"                  /* 6 */
            "  damaged: deduct 20%\n");     /* 7 */
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2027-03-17");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "withdrawal_information_wrong deduction_waived_not_informed#0");
    assert_reason(f->d, "withdrawal_information_wrong", -1, "BGB §356(3); " CRD " art. 10(1)", 5,
                  9);
    assert_reason(f->d, "deduction_waived_not_informed", 0, "BGB §357a(1); " CRD " art. 14(2)",
                  5, 9);
    assert_string_equal(reason_message(f->d, "withdrawal_information_wrong", -1, RETOUR_LANG_EN),
                        "The terms state a withdrawal period of 7 days, shorter than the law's "
                        "14: the consumer was not properly informed of the right of withdrawal, "
                        "so the period is extended by 12 months, to 2027-03-17.");
    assert_string_equal(reason_message(f->d, "withdrawal_information_wrong", -1, RETOUR_LANG_NL),
                        "De voorwaarden noemen een bedenktijd van 7 dagen, korter dan de "
                        "wettelijke 14: de consument is niet juist over het herroepingsrecht "
                        "geïnformeerd, dus de bedenktijd is met 12 maanden verlengd, tot "
                        "2027-03-17.");
    /* Eleven months on, still in time. */
    eval_one(f, ymd(2027, 2, 1), "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2027-03-17");

    /* Not informed at all: the policy's own word, one reason. */
    load(f, HEAD("DE") "withdrawal:\n  days: 7\n  informed: false\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "withdrawal_period_extended");

    /* Ten working days can end before the law's 14 days; eleven never do. */
    load(f, HEAD("DE") "withdrawal:\n  days: 10\n  counting: working_days\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2027-03-17");
    assert_string_equal(reason_message(f->d, "withdrawal_information_wrong", -1, RETOUR_LANG_EN),
                        "The terms state a withdrawal period of 10 working days, which can end "
                        "before the law's 14 days: the consumer was not properly informed of the "
                        "right of withdrawal, so the period is extended by 12 months, to "
                        "2027-03-17.");
    load(f, HEAD("DE") "withdrawal:\n  days: 11\n  counting: working_days\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");
    /* The law's own days, and more, inform. */
    load(f, HEAD("DE") "withdrawal:\n  days: 14\n");
    eval_one(f, DAY10, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_working_days_window),
        T(test_working_days_below_the_law),
        T(test_working_days_refund_capped),
        T(test_working_days_without_a_calendar),
        T(test_refund_counted_from_goods_received),
        T(test_refund_withheld_lawful),
        T(test_timely_when_goods_sent),
        T(test_timely_when_goods_received),
        T(test_goods_days_impossible),
        T(test_restocking_fee_forms),
        T(test_requires),
        T(test_refund_method),
        T(test_outbound_whole_order),
        T(test_return_risk),
        T(test_withdrawal_function),
        T(test_notice_within_months_nl),
        T(test_notice_within_months_no_duty),
        T(test_notice_form),
        T(test_remedy_clauses),
        T(test_withdrawal_information_wrong),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
