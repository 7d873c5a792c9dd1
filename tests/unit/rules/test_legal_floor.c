/* Unit tests for clauses below the law (issue 6, "Evaluation respects the floor"): each
 * clause the lint calls an error is written into a policy, and the evaluation is shown to
 * decide by the law inside the statutory period, naming the clause with the reason
 * policy_below_legal_floor at its line, and to apply the clause as written in the shop's own
 * window (or outside the EU) where the law leaves it to the shop.
 *
 * The window, refund, return and outbound-shipping clauses are also covered where their
 * other reasons are tested (test_withdrawal.c, test_refund.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "evaluation_support.h"

#define SGD "Directive (EU) 2019/771"
#define HANDLING CRD " art. 14(2)"

/* Delivered 2026-03-03: day 14 (03-17) is statutory; with days: 30, day 20 (03-23) is the
 * shop's own window. */
#define DELIVERED ymd(2026, 3, 3)
#define DAY14 ymd(2026, 3, 17)
#define DAY20 ymd(2026, 3, 23)

static void test_opened_reject(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")             /* 1-3 */
            "withdrawal:\n"        /* 4 */
            "  days: 30\n"         /* 5 */
            "packaging:\n"         /* 6 */
            "  opened: reject\n"); /* 7, value at column 11 */
    eval_one(f, DAY14, "PHONE", NULL, 49900, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 49900, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period packaging_opened_allowed#0 "
                         "policy_below_legal_floor#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, HANDLING, 7, 11);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", 0, RETOUR_LANG_EN),
                        "The policy's packaging.opened gives the consumer less than the law; it "
                        "does not apply here and the law decides.");

    /* In the shop's own 16 extra days its terms apply as written. */
    eval_one(f, DAY20, "PHONE", NULL, 49900, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "within_shop_period opened_packaging_refused#0");
    assert_reason(f->d, "opened_packaging_refused", 0, NULL, 7, 11);

    /* A sealed item is not touched by the clause. */
    eval_one(f, DAY20, "PHONE", NULL, 49900, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 49900, "2026-04-02");
    assert_reasons(f->d, "within_shop_period");
}

static void test_opened_deduct(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")                  /* 1-3 */
            "withdrawal:\n"             /* 4 */
            "  days: 30\n"              /* 5 */
            "packaging:\n"              /* 6 */
            "  opened: deduct 10%\n");  /* 7, value at column 11 */
    eval_one(f, DAY14, "PHONE", NULL, 50000, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 50000, "2026-04-02");
    assert_item(f->d, 0, RETOUR_OUTCOME_ACCEPT, 50000, 0);
    assert_reason(f->d, "policy_below_legal_floor", 0, "BW 6:230s; " HANDLING, 7, 11);

    eval_one(f, DAY20, "PHONE", NULL, 50000, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY, 45000, "2026-04-02");
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 45000, 5000);
    /* Return and refund by 2026-04-06, Easter Monday in NL: both move a day. */
    assert_reasons(f->d, "within_shop_period opened_packaging_deduction#0 "
                         "deadline_moved_to_working_day deadline_moved_to_working_day");
    assert_date(retour_decision_refund_by(f->d), "2026-04-07");
    assert_reason(f->d, "opened_packaging_deduction", 0, NULL, 7, 11);
    assert_string_equal(reason_message(f->d, "opened_packaging_deduction", 0, RETOUR_LANG_EN),
                        "Outside the statutory period the shop's terms charge for opened "
                        "packaging: EUR 50.00 (10%) is deducted.");
}

/* Damage beyond trying costs diminished value, never the right: a refusing clause becomes a
 * person's assessment of that value. */
static void test_damaged_and_missing_reject(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")             /* 1-3 */
            "withdrawal:\n"        /* 4 */
            "  days: 30\n"         /* 5 */
            "packaging:\n"         /* 6 */
            "  damaged: reject\n"  /* 7, value at column 12 */
            "  missing: reject\n");/* 8, value at column 12 */
    eval_one(f, DAY14, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor#0 damaged_review#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, HANDLING, 7, 12);

    eval_one(f, DAY14, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_MISSING);
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor#0 "
                         "missing_packaging_review#0");
    assert_reason(f->d, "policy_below_legal_floor", 0, HANDLING, 8, 12);
    assert_string_equal(reason_message(f->d, "policy_below_legal_floor", 0, RETOUR_LANG_NL),
                        "De bepaling packaging.missing in het beleid geeft de consument minder "
                        "dan de wet; die geldt hier niet en de wet beslist.");

    eval_one(f, DAY20, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-04-02");
    assert_reasons(f->d, "within_shop_period damaged_refused#0");
    eval_one(f, DAY20, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_MISSING);
    assert_reasons(f->d, "within_shop_period missing_packaging_refused#0");
    assert_reason(f->d, "missing_packaging_refused", 0, NULL, 8, 12);

    /* Not informed of the right: nothing to deduct, so nothing to assess either. */
    load(f, HEAD("EU") "withdrawal:\n  informed: false\npackaging:\n  damaged: reject\n");
    eval_one(f, DAY14, "LAMP", NULL, 8000, DELIVERED, RETOUR_PACKAGING_DAMAGED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 8000, "2027-03-17");
    assert_reasons(f->d, "within_withdrawal_period withdrawal_period_extended "
                         "deduction_waived_not_informed#0");
}

static void test_restocking_fee(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                 /* 1-3 */
            "withdrawal:\n"            /* 4 */
            "  days: 30\n"             /* 5 */
            "  restocking_fee: 15%\n");/* 6, value at column 19 */
    /* Statutory: no fee, the clause named once for the whole request. */
    reset(f, DAY14);
    add(f, "A", NULL, 10000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, 2000, 2, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 14000, "2026-04-02");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor");
    assert_reason(f->d, "policy_below_legal_floor", -1, CRD " art. 13(1)", 6, 19);

    /* The shop's window: 15% of each item's value. */
    reset(f, DAY20);
    add(f, "A", NULL, 10000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, 2000, 2, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY, 11900, "2026-04-02");
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 8500, 1500);
    assert_item(f->d, 1, RETOUR_OUTCOME_PARTIAL, 3400, 600);
    assert_reasons(f->d, "within_shop_period restocking_fee_deducted#0 restocking_fee_deducted#1");
    assert_reason(f->d, "restocking_fee_deducted", 1, NULL, 6, 19);
    assert_string_equal(reason_message(f->d, "restocking_fee_deducted", 1, RETOUR_LANG_EN),
                        "Outside the statutory period the shop's restocking fee applies: EUR 6.00 "
                        "(15%) is deducted.");

    /* A fixed fee never takes more than what is left after a packaging deduction. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n  restocking_fee: 9.00\n"
                       "packaging:\n  damaged: deduct 5.00\n");
    eval_one(f, DAY20, "C", NULL, 1200, DELIVERED, RETOUR_PACKAGING_DAMAGED);
    assert_item(f->d, 0, RETOUR_OUTCOME_PARTIAL, 0, 1200);
    assert_reasons(f->d, "within_shop_period damaged_deduction#0 restocking_fee_deducted#0");

    /* "none" is no fee at all. */
    load(f, HEAD("EU") "withdrawal:\n  days: 30\n  restocking_fee: none\n");
    eval_one(f, DAY20, "A", NULL, 10000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_SHOP_POLICY, 10000, "2026-04-02");
    assert_reasons(f->d, "within_shop_period");
}

static void test_reason_required_and_condition(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                  /* 1-3 */
            "withdrawal:\n"             /* 4 */
            "  reason_required: true\n" /* 5, value at column 20 */
            "  condition: unused\n");   /* 6, value at column 14 */
    eval_one(f, DAY14, "A", NULL, 1000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period policy_below_legal_floor "
                         "policy_below_legal_floor");
    const retour_reason *r = retour_decision_reason(f->d, 1);
    assert_int_equal(r->source_line, 5);
    assert_int_equal(r->source_column, 20);
    assert_string_equal(r->law, CRD " art. 9");
    assert_string_equal(message(f->d, 1, RETOUR_LANG_EN),
                        "The policy's withdrawal.reason_required gives the consumer less than "
                        "the law; it does not apply here and the law decides.");
    r = retour_decision_reason(f->d, 2);
    assert_int_equal(r->source_line, 6);
    assert_int_equal(r->source_column, 14);
    assert_string_equal(r->law, HANDLING);

    /* "undamaged" is lawful read as a deduction for diminished value: nothing set aside. */
    load(f, HEAD("EU") "withdrawal:\n  condition: undamaged\n");
    eval_one(f, DAY14, "A", NULL, 1000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period");

    /* After the period nothing was set aside: the item is late whatever the clauses say. */
    load(f, HEAD("EU") "withdrawal:\n  reason_required: true\n");
    eval_one(f, DAY20, "A", NULL, 1000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "withdrawal_period_expired");
}

/* Without a statutory right (jurisdiction none) every clause is the shop's to apply. */
static void test_no_statutory_right(void **state)
{
    fx *f = *state;
    load(f, HEAD("none") "withdrawal:\n  days: 14\n  restocking_fee: 5.00\n"
                         "packaging:\n  opened: reject\n");
    eval_one(f, DAY14, "A", NULL, 1000, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_REJECT, RETOUR_BASIS_SHOP_POLICY, 0, "2026-03-17");
    assert_reasons(f->d, "within_shop_period opened_packaging_refused#0");
    eval_one(f, DAY14, "A", NULL, 1000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_PARTIAL, RETOUR_BASIS_SHOP_POLICY, 500, "2026-03-17");
    assert_reasons(f->d, "within_shop_period restocking_fee_deducted#0");
}

/* A complaint on 2026-09-01 about an item delivered on 2026-01-15 (7.5 months). */
static void complaint_after_months(fx *f, retour_remedy asked)
{
    reset_complaint(f, ymd(2026, 9, 1));
    add(f, "RING", NULL, 8900, 1, ymd(2026, 1, 15), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, asked, 0);
    eval_ok(f);
}

static void test_presumption_shorter(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                  /* 1-3 */
            "complaints:\n"             /* 4 */
            "  presumption_months: 6\n");/* 5, value at column 23 */
    complaint_after_months(f, RETOUR_REMEDY_NONE);
    assert_decided(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 policy_below_legal_floor#0 "
                         "remedy_repair_or_replace_first#0");
    assert_reason(f->d, "presumed_defect", 0, SGD " art. 11", 2, 15);
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 11", 5, 23);

    /* Inside the policy's 6 months the clause decided nothing. */
    reset_complaint(f, ymd(2026, 5, 1));
    add(f, "RING", NULL, 8900, 1, ymd(2026, 1, 15), RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
}

static void test_presumption_longer(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")                   /* 1-3 */
            "complaints:\n"              /* 4 */
            "  presumption_months: 24\n");/* 5, value at column 23 */
    reset_complaint(f, ymd(2027, 7, 1)); /* 17.5 months after delivery */
    add(f, "RING", NULL, 8900, 1, ymd(2026, 1, 15), RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_decided(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    /* The shop's own longer presumption decided: its line, no article. */
    assert_reason(f->d, "presumed_defect", 0, NULL, 5, 23);
    assert_contains(reason_message(f->d, "presumed_defect", 0, RETOUR_LANG_EN), "within 24 months");
}

static void test_remedy_refund_or_credit(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")           /* 1-3 */
            "complaints:\n"      /* 4 */
            "  remedy: refund\n");/* 5, value at column 11 */
    /* Nothing asked: the law's order (repair first), the clause named. */
    complaint_after_months(f, RETOUR_REMEDY_NONE);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0 "
                         "policy_below_legal_floor#0");
    assert_reason(f->d, "remedy_repair_or_replace_first", 0, SGD " art. 13(2)", 0, 0);
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 13(2)", 5, 11);

    /* The consumer asks a replacement: theirs to choose. */
    complaint_after_months(f, RETOUR_REMEDY_REPLACE);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0 policy_below_legal_floor#0");

    load(f, HEAD("EU") "complaints:\n  remedy: store_credit\n");
    complaint_after_months(f, RETOUR_REMEDY_NONE);
    assert_decided(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    assert_reason(f->d, "policy_below_legal_floor", 0, SGD " art. 13(2)", 5, 11);

    /* A lawful first remedy is no floor matter. */
    load(f, HEAD("EU") "complaints:\n  remedy: replace\n");
    complaint_after_months(f, RETOUR_REMEDY_NONE);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_opened_reject),
        T(test_opened_deduct),
        T(test_damaged_and_missing_reject),
        T(test_restocking_fee),
        T(test_reason_required_and_condition),
        T(test_no_statutory_right),
        T(test_presumption_shorter),
        T(test_presumption_longer),
        T(test_remedy_refund_or_credit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
