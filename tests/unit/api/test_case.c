/* retour_case: story 1 (a EUR 499 phone, opened, withdrawn on day 13 against the Dutch
 * electronics shop, examples/policies/nl-electronics.yaml) as a case, decided in full and
 * as a verdict; category ids; and the errors a case can have, each naming its field.
 * tests/unit/plan/test_fast_path.c holds cases to their requests over every example policy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"

typedef struct fixture {
    retour_policy *policy;
    retour_decision *decision;
    retour_case phone; /* story 1 */
} fixture;

static retour_date day(int y, int m, int d)
{
    retour_date out = RETOUR_DATE_NONE;
    assert_int_equal(retour_date_from_ymd(&out, y, m, d), RETOUR_OK);
    return out;
}

static int setup(void **state)
{
    static fixture f;
    retour_error err;
    if (retour_policy_load_file(&f.policy,
                                RETOUR_SOURCE_ROOT "/examples/policies/nl-electronics.yaml", NULL,
                                &err) ||
        retour_decision_new(&f.decision, NULL))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    retour_decision_free(f->decision);
    retour_policy_free(f->policy);
    return 0;
}

/* Each test starts from story 1 as a case. */
static int reset_phone(void **state)
{
    fixture *f = *state;
    static const retour_case init = RETOUR_CASE_INIT;
    f->phone = init;
    f->phone.type = RETOUR_REQUEST_WITHDRAWAL;
    f->phone.ordered = day(2026, 3, 1);
    f->phone.notified = day(2026, 3, 16);
    f->phone.delivered = day(2026, 3, 3);
    f->phone.shipping_paid = 495;
    f->phone.category = retour_category_id("electronics");
    f->phone.packaging = RETOUR_PACKAGING_OPENED;
    f->phone.price = 49900;
    f->phone.customer_orders = 4;
    return 0;
}

static void test_category_ids(void **state)
{
    (void)state;
    uint64_t phone = retour_category_id("electronics");
    assert_int_not_equal(phone, RETOUR_CATEGORY_NONE);
    assert_true(phone >> 63); /* never NONE, whatever the name */
    assert_true(retour_category_id("electronics") == phone);
    assert_true(retour_category_id("software") != phone);
    assert_true(retour_category_id("Electronics") != phone);
    assert_true(retour_category_id(NULL) == RETOUR_CATEGORY_NONE);
    assert_true(retour_category_id("") != RETOUR_CATEGORY_NONE);
}

static void test_story_one_decided_in_full(void **state)
{
    fixture *f = *state;
    retour_error err;
    assert_int_equal(retour_evaluate_case(f->decision, f->policy, &f->phone, &err), RETOUR_OK);
    assert_int_equal(retour_decision_outcome(f->decision), RETOUR_OUTCOME_ACCEPT);
    assert_int_equal(retour_decision_refund(f->decision), 50395); /* 499.00 + 4.95 */
    assert_int_equal(retour_decision_shipping_refunded(f->decision), 495);
    assert_int_equal(retour_decision_withdrawal_deadline(f->decision), day(2026, 3, 17));
    assert_int_equal(retour_decision_return_by(f->decision), day(2026, 3, 30));
    char json[4096];
    assert_true(retour_decision_to_json(f->decision, RETOUR_LANG_EN, json, sizeof json) > 0);
    assert_non_null(strstr(json, "\"sku\":\"\",\"category\":\"electronics\""));
    const retour_reason *why = retour_decision_deciding_reason(f->decision);
    assert_non_null(why);
    assert_string_equal(why->code, "within_withdrawal_period");
}

static void test_story_one_verdict(void **state)
{
    fixture *f = *state;
    retour_verdict v;
    retour_error err;
    /* Outbound shipping takes the case off the plan; without it the plan answers. */
    for (int shipping = 0; shipping < 2; shipping++) {
        f->phone.shipping_paid = shipping ? 495 : 0;
        assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, &err),
                         RETOUR_OK);
        assert_int_equal(v.outcome, RETOUR_OUTCOME_ACCEPT);
        assert_string_equal(v.reason, "within_withdrawal_period");
        assert_int_equal(v.withdrawal_deadline, day(2026, 3, 17));
        assert_int_equal(retour_decision_outcome(f->decision), RETOUR_OUTCOME_REJECT);
        assert_int_equal(retour_decision_reason_count(f->decision), 0);
    }
}

/* Sealed software is excluded once unsealed; a late phone is past the period. */
static void test_exclusion_and_late(void **state)
{
    fixture *f = *state;
    retour_verdict v;
    f->phone.shipping_paid = 0;
    f->phone.category = retour_category_id("software");
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, NULL),
                     RETOUR_OK);
    assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
    assert_string_equal(v.reason, "excluded_unsealed_media");

    f->phone.category = retour_category_id("electronics");
    f->phone.notified = day(2026, 4, 20);
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, NULL),
                     RETOUR_OK);
    assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
    assert_string_equal(v.reason, "withdrawal_period_expired");
}

/* An id the policy does not list decides like an item without a category: the default
 * category (electronics here) decides, the decision's item names none, and the reason
 * category_not_listed says so (tests/unit/rules/test_category_not_listed.c). */
static void test_unknown_category_is_the_default(void **state)
{
    fixture *f = *state;
    f->phone.category = retour_category_id("phones");
    assert_int_equal(retour_evaluate_case(f->decision, f->policy, &f->phone, NULL), RETOUR_OK);
    assert_int_equal(retour_decision_outcome(f->decision), RETOUR_OUTCOME_ACCEPT);
    char json[4096];
    assert_true(retour_decision_to_json(f->decision, RETOUR_LANG_EN, json, sizeof json) > 0);
    assert_non_null(strstr(json, "\"sku\":\"\",\"category\":null"));
    assert_non_null(strstr(json, "\"reasons\":[{\"code\":\"category_not_listed\",\"message\":"
                                 "\"The policy lists no category with the given category id, so "
                                 "its default category 'electronics' decides.\""));
    const retour_reason *why = retour_decision_deciding_reason(f->decision);
    assert_non_null(why);
    assert_string_equal(why->code, "within_withdrawal_period");
}

static void test_complaint_case(void **state)
{
    fixture *f = *state;
    retour_verdict v;
    f->phone.type = RETOUR_REQUEST_COMPLAINT;
    f->phone.shipping_paid = 0;
    f->phone.notified = day(2026, 9, 1); /* six months on: the defect is presumed */
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, NULL),
                     RETOUR_OK);
    assert_string_equal(v.reason, "presumed_defect");
    assert_int_equal(v.withdrawal_deadline, RETOUR_DATE_NONE);
    f->phone.cause = RETOUR_CAUSE_ACCIDENT; /* off the plan: the rules decide */
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, NULL),
                     RETOUR_OK);
    assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
    assert_string_equal(v.reason, "customer_caused_damage");
}

static void expect_field_error(fixture *f, const char *field, const char *message)
{
    retour_error err;
    retour_verdict v;
    assert_int_equal(retour_evaluate_case(f->decision, f->policy, &f->phone, &err), RETOUR_EINVAL);
    assert_string_equal(err.path, field);
    assert_non_null(strstr(err.message, message));
    assert_int_equal(retour_decision_outcome(f->decision), RETOUR_OUTCOME_REJECT);
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, &err),
                     RETOUR_EINVAL);
    assert_string_equal(err.path, field);
    assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
    assert_string_equal(v.reason, "");
}

static void test_field_errors(void **state)
{
    fixture *f = *state;
    f->phone.quantity = 0;
    expect_field_error(f, "quantity", "retour_evaluate_case: case field quantity must be at least "
                                      "1, not 0");
    reset_phone(state);
    f->phone.packaging = 9;
    expect_field_error(f, "packaging", "must be a retour_packaging (0..4), not 9");
    reset_phone(state);
    f->phone.remedy = RETOUR_REMEDY_STORE_CREDIT; /* a grant, not a remedy one asks for */
    expect_field_error(f, "remedy", "must be a remedy a consumer asks for");
    reset_phone(state);
    f->phone.reserved = 1;
    expect_field_error(f, "reserved", "must be 0, not 1");
    reset_phone(state);
    f->phone.delivered = 4000000;
    expect_field_error(f, "delivered", "must be a day of the years 1..9999");
    /* Each of the four days (checked side by side) one day past either end of years
     * 1..9999: 0001-01-01 is day -719162, 9999-12-31 day 2932896. */
    static const char *const day_fields[] = { "notified", "delivered", "noticed", "ordered" };
    static const retour_date past_ends[] = { -719163, 2932897 };
    for (size_t k = 0; k < 4; k++)
        for (size_t e = 0; e < 2; e++) {
            reset_phone(state);
            retour_date *days[] = { &f->phone.notified, &f->phone.delivered, &f->phone.noticed,
                                    &f->phone.ordered };
            *days[k] = past_ends[e];
            expect_field_error(f, day_fields[k], "must be a day of the years 1..9999");
        }
    reset_phone(state);
    f->phone.price = -1;
    expect_field_error(f, "price", "must be at least 0, not -1");
    reset_phone(state);
    f->phone.claims_last_year = -2;
    expect_field_error(f, "claims_last_year", "must be at least 0, not -2");
}

/* What the request would lack, the evaluation reports, under the case's own field name. */
static void test_missing_days(void **state)
{
    fixture *f = *state;
    retour_error err;
    f->phone.delivered = RETOUR_DATE_NONE;
    assert_int_equal(retour_evaluate_case(f->decision, f->policy, &f->phone, &err),
                     RETOUR_EREQUEST);
    assert_string_equal(err.path, "delivered");
    reset_phone(state);
    f->phone.notified = RETOUR_DATE_NONE;
    retour_verdict v;
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, &err),
                     RETOUR_EREQUEST);
    assert_string_equal(err.path, "notified");
}

/* A day before the order is impossible data: both calls fail with RETOUR_EREQUEST naming the
 * case's field and saying what is wrong, and decide nothing. The day of the order itself,
 * and any day without an order date, is decided. */
static void expect_before_order(fixture *f, const char *field, const char *message)
{
    retour_error err;
    retour_verdict v;
    assert_int_equal(retour_evaluate_case(f->decision, f->policy, &f->phone, &err),
                     RETOUR_EREQUEST);
    assert_int_equal(err.code, RETOUR_EREQUEST);
    assert_string_equal(err.path, field);
    assert_string_equal(err.message, message);
    assert_int_equal(retour_decision_reason_count(f->decision), 0);
    for (int shipping = 0; shipping < 2; shipping++) { /* the plan's road and off it */
        f->phone.shipping_paid = shipping ? 495 : 0;
        assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone,
                                                      &err),
                         RETOUR_EREQUEST);
        assert_int_equal(err.code, RETOUR_EREQUEST);
        assert_string_equal(err.path, field);
        assert_string_equal(err.message, message);
        assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
        assert_string_equal(v.reason, "");
        assert_int_equal(v.withdrawal_deadline, RETOUR_DATE_NONE);
    }
}

static void test_days_before_the_order(void **state)
{
    fixture *f = *state;
    for (int t = 0; t < RETOUR_REQUEST_TYPE__COUNT; t++) {
        reset_phone(state);
        f->phone.type = (uint8_t)t;
        f->phone.ordered = day(2026, 3, 4); /* delivered 03-03 */
        expect_before_order(f, "delivered", "the item was delivered before it was ordered");
        f->phone.ordered = day(2026, 3, 17); /* notified 03-16: named before the delivery */
        expect_before_order(f, "notified", "the request was notified before the order was "
                                           "placed");
    }
    retour_verdict v;
    reset_phone(state);
    f->phone.shipping_paid = 0;
    f->phone.ordered = day(2026, 3, 3);
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, NULL),
                     RETOUR_OK);
    assert_string_equal(v.reason, "within_withdrawal_period");
    f->phone.ordered = RETOUR_DATE_NONE;
    f->phone.delivered = day(2025, 1, 2);
    assert_int_equal(retour_evaluate_case_verdict(&v, f->decision, f->policy, &f->phone, NULL),
                     RETOUR_OK);
    assert_string_equal(v.reason, "withdrawal_period_expired");
}

static void test_null_arguments(void **state)
{
    fixture *f = *state;
    retour_error err;
    retour_verdict v;
    assert_int_equal(retour_evaluate_case(f->decision, NULL, &f->phone, &err), RETOUR_EINVAL);
    assert_non_null(strstr(err.message, "must not be NULL"));
    assert_int_equal(retour_evaluate_case(f->decision, f->policy, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_case(NULL, f->policy, &f->phone, &err), RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_case_verdict(NULL, f->decision, f->policy, &f->phone, &err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_case_verdict(&v, NULL, f->policy, &f->phone, &err),
                     RETOUR_EINVAL);
    assert_string_equal(v.reason, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_category_ids),
        cmocka_unit_test_setup(test_story_one_decided_in_full, reset_phone),
        cmocka_unit_test_setup(test_story_one_verdict, reset_phone),
        cmocka_unit_test_setup(test_exclusion_and_late, reset_phone),
        cmocka_unit_test_setup(test_unknown_category_is_the_default, reset_phone),
        cmocka_unit_test_setup(test_complaint_case, reset_phone),
        cmocka_unit_test_setup(test_field_errors, reset_phone),
        cmocka_unit_test_setup(test_missing_days, reset_phone),
        cmocka_unit_test_setup(test_days_before_the_order, reset_phone),
        cmocka_unit_test_setup(test_null_arguments, reset_phone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
