/* retour_decision_deciding_reason() and retour_evaluate_verdict() on the bench-v1 policy
 * (tests/bench/bench-v1-policy.yaml: DE, 14 days, hygiene/media sealed exceptions, damaged
 * packaging reviewed, goodwill for loyal customers up to 16 days late), notified on
 * 2027-01-15: each case asserts the outcome and the one reason that decided it, through the
 * full decision and through the verdict, and for a request off the plan (two items) too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"

typedef struct fixture {
    retour_policy *policy;
    retour_request *request;
    retour_decision *decision;
    retour_date notified;
} fixture;

static int setup(void **state)
{
    static fixture f;
    retour_error err;
    if (retour_policy_load_file(&f.policy, RETOUR_SOURCE_ROOT "/tests/bench/bench-v1-policy.yaml",
                                NULL, &err) ||
        retour_request_new(&f.request, RETOUR_REQUEST_WITHDRAWAL, NULL) ||
        retour_decision_new(&f.decision, NULL) ||
        retour_date_from_ymd(&f.notified, 2027, 1, 15))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    retour_decision_free(f->decision);
    retour_request_free(f->request);
    retour_policy_free(f->policy);
    return 0;
}

/* One item (or two, off the plan) delivered `days` before the notification. */
static void build(fixture *f, retour_request_type type, int days, const char *category,
                  retour_packaging packaging, int64_t price, int orders, int items)
{
    assert_int_equal(retour_request_reset(f->request, type), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(f->request, f->notified), RETOUR_OK);
    assert_int_equal(retour_request_set_customer(f->request, orders, 0), RETOUR_OK);
    for (int i = 0; i < items; i++)
        assert_int_equal(retour_request_add_item(f->request, NULL, "SKU-1", category, price, 1,
                                                 f->notified - days, packaging),
                         RETOUR_OK);
}

/* Both entry points give `outcome` for the deciding reason `code`. */
static void expect(fixture *f, retour_outcome outcome, const char *code)
{
    assert_int_equal(retour_evaluate(f->decision, f->policy, f->request, NULL), RETOUR_OK);
    assert_string_equal(retour_outcome_name(retour_decision_outcome(f->decision)),
                        retour_outcome_name(outcome));
    const retour_reason *why = retour_decision_deciding_reason(f->decision);
    assert_non_null(why);
    assert_string_equal(why->code, code);
    retour_date deadline = retour_decision_withdrawal_deadline(f->decision);

    retour_verdict v;
    assert_int_equal(retour_evaluate_verdict(&v, f->decision, f->policy, f->request, NULL),
                     RETOUR_OK);
    assert_string_equal(retour_outcome_name(v.outcome), retour_outcome_name(outcome));
    assert_string_equal(v.reason, code);
    assert_int_equal(v.withdrawal_deadline, deadline);
    /* The decision was working space: no result afterwards. */
    assert_int_equal(retour_decision_reason_count(f->decision), 0);
    assert_null(retour_decision_deciding_reason(f->decision));
}

/* A sealed hygiene item in time: the period decides; seal_intact only adds to it. */
static void test_seal_intact_does_not_decide(void **state)
{
    fixture *f = *state;
    for (int items = 1; items <= 2; items++) {
        build(f, RETOUR_REQUEST_WITHDRAWAL, 3, "hygiene", RETOUR_PACKAGING_SEALED, 1999, 0, items);
        expect(f, RETOUR_OUTCOME_ACCEPT, "within_withdrawal_period");
    }
}

static void test_exception_and_packaging_decide(void **state)
{
    fixture *f = *state;
    for (int items = 1; items <= 2; items++) {
        build(f, RETOUR_REQUEST_WITHDRAWAL, 3, "media", RETOUR_PACKAGING_OPENED, 1999, 0, items);
        expect(f, RETOUR_OUTCOME_REJECT, "excluded_unsealed_media");
        build(f, RETOUR_REQUEST_WITHDRAWAL, 3, "apparel", RETOUR_PACKAGING_DAMAGED, 1999, 0, items);
        expect(f, RETOUR_OUTCOME_REVIEW, "damaged_review");
    }
}

/* 20 days after delivery: late; a loyal customer's small item gets goodwill, a big one
 * does not, and an excluded one keeps its exception. */
static void test_late_goodwill_and_exclusion(void **state)
{
    fixture *f = *state;
    build(f, RETOUR_REQUEST_WITHDRAWAL, 20, "apparel", RETOUR_PACKAGING_OPENED, 4999, 3, 1);
    expect(f, RETOUR_OUTCOME_ACCEPT_GOODWILL, "goodwill_rule");
    build(f, RETOUR_REQUEST_WITHDRAWAL, 20, "apparel", RETOUR_PACKAGING_OPENED, 5001, 3, 1);
    expect(f, RETOUR_OUTCOME_REJECT, "withdrawal_period_expired");
    build(f, RETOUR_REQUEST_WITHDRAWAL, 20, "custom", RETOUR_PACKAGING_SEALED, 4999, 3, 1);
    expect(f, RETOUR_OUTCOME_REJECT, "excluded_personalised");
}

/* Complaints: presumed within 12 months (the remedy offered only adds to it), then for the
 * consumer to show, then over after 24 months. */
static void test_complaint_stages(void **state)
{
    fixture *f = *state;
    for (int items = 1; items <= 2; items++) {
        build(f, RETOUR_REQUEST_COMPLAINT, 365, "electronics", RETOUR_PACKAGING_OPENED, 50000, 0,
              items);
        expect(f, RETOUR_OUTCOME_ACCEPT, "presumed_defect");
        build(f, RETOUR_REQUEST_COMPLAINT, 366, "electronics", RETOUR_PACKAGING_OPENED, 50000, 0,
              items);
        expect(f, RETOUR_OUTCOME_REVIEW, "evidence_required");
        build(f, RETOUR_REQUEST_COMPLAINT, 731, "electronics", RETOUR_PACKAGING_OPENED, 50000, 0,
              items);
        expect(f, RETOUR_OUTCOME_REJECT, "guarantee_expired");
    }
}

static void test_verdict_refuses_bad_calls(void **state)
{
    fixture *f = *state;
    retour_verdict v;
    retour_error err;
    assert_int_equal(retour_evaluate_verdict(NULL, f->decision, f->policy, f->request, &err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_verdict(&v, NULL, f->policy, f->request, &err),
                     RETOUR_EINVAL);
    assert_string_equal(v.reason, "");
    assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
    /* A request without a notification day fails as in retour_evaluate(). */
    assert_int_equal(retour_request_reset(f->request, RETOUR_REQUEST_WITHDRAWAL), RETOUR_OK);
    assert_int_equal(retour_request_add_item(f->request, NULL, "A", NULL, 100, 1, f->notified,
                                             RETOUR_PACKAGING_SEALED),
                     RETOUR_OK);
    assert_int_equal(retour_evaluate_verdict(&v, f->decision, f->policy, f->request, &err),
                     RETOUR_EREQUEST);
    assert_string_equal(err.message, "the notification date is required");
    assert_string_equal(v.reason, "");
    assert_null(retour_decision_deciding_reason(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seal_intact_does_not_decide),
        cmocka_unit_test(test_exception_and_packaging_decide),
        cmocka_unit_test(test_late_goodwill_and_exclusion),
        cmocka_unit_test(test_complaint_stages),
        cmocka_unit_test(test_verdict_refuses_bad_calls),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
