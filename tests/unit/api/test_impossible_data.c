/* Impossible data is an error, never a decision: a request whose notification, last
 * delivery or item delivery lies before its order date fails every evaluation
 * (retour_evaluate, _traced, _verdict, retour_evaluate_json) with RETOUR_EREQUEST, the
 * field's path, a message saying what is wrong and the place of the request or the item,
 * whichever road (plan or rules) the request would have taken. Without an order date nothing
 * is compared. The same through a retour_case is in test_case.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "decision_asserts.h"
#include "evaluation_support.h"

#define NOTIFIED_EARLY "the request was notified before the order was placed"
#define LAST_DELIVERED_EARLY "the order's last good was delivered before the order was placed"
#define DELIVERED_EARLY "the item was delivered before it was ordered"

/* The policy: the plan takes a one-item request of it (test_fast_path.c), so a check made
 * only by the rules would be missed. */
static void load_shop(fx *f)
{
    load(f, HEAD("NL") "categories:\n  phones: {}\n");
}

/* A withdrawal (or a complaint) notified on 2026-03-16 of one phone delivered on
 * `delivered`, ordered on `ordered` (RETOUR_DATE_NONE: no order date). */
static void phone(fx *f, retour_request_type type, retour_date ordered, retour_date delivered)
{
    assert_int_equal(retour_request_reset(f->r, type), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(f->r, ymd(2026, 3, 16)), RETOUR_OK);
    assert_int_equal(retour_request_set_ordered(f->r, ordered), RETOUR_OK);
    add(f, "P", "phones", 49900, 1, delivered, RETOUR_PACKAGING_OPENED);
}

static void ignore_step(void *ctx, const retour_trace_event *event)
{
    (void)ctx;
    (void)event;
}

/* Every evaluation of the fixture's request fails alike: the code, the path and the message
 * exactly, no place (the request was built, not read), and no result. */
static void fails_everywhere(fx *f, const char *path, const char *msg)
{
    eval_fails(f, RETOUR_EREQUEST, path, msg);
    assert_string_equal(f->err.file, "");
    assert_int_equal(f->err.line, 0);
    assert_no_result(f->d);

    retour_error err;
    assert_int_equal(retour_evaluate_traced(f->d, f->p, f->r, ignore_step, NULL, &err),
                     RETOUR_EREQUEST);
    assert_string_equal(err.path, path);
    assert_string_equal(err.message, msg);
    assert_no_result(f->d);

    retour_verdict v;
    assert_int_equal(retour_evaluate_verdict(&v, f->d, f->p, f->r, &err), RETOUR_EREQUEST);
    assert_int_equal(err.code, RETOUR_EREQUEST);
    assert_string_equal(err.path, path);
    assert_string_equal(err.message, msg);
    assert_int_equal(v.outcome, RETOUR_OUTCOME_REJECT);
    assert_string_equal(v.reason, "");
    assert_int_equal(v.withdrawal_deadline, RETOUR_DATE_NONE);
    assert_no_result(f->d);
}

/* An item delivered before the order, as a withdrawal and as a complaint; one day later,
 * on the order's day, it is decided. */
static void test_delivered_before_ordered(void **state)
{
    fx *f = *state;
    load_shop(f);
    for (int t = 0; t < RETOUR_REQUEST_TYPE__COUNT; t++) {
        retour_request_type type = (retour_request_type)t;
        phone(f, type, ymd(2026, 3, 4), ymd(2026, 3, 3));
        fails_everywhere(f, "items[0].delivered", DELIVERED_EARLY);
        phone(f, type, ymd(2026, 3, 3), ymd(2026, 3, 3));
        eval_ok(f);
    }

    /* The first item delivered before the order is named, whatever comes before it. */
    phone(f, RETOUR_REQUEST_WITHDRAWAL, ymd(2026, 3, 4), ymd(2026, 3, 5));
    add(f, "Q", "phones", 1000, 1, ymd(2026, 3, 5), RETOUR_PACKAGING_SEALED);
    add(f, "R", NULL, 1000, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_SEALED);
    add(f, "S", NULL, 1000, 1, ymd(2026, 2, 1), RETOUR_PACKAGING_SEALED);
    fails_everywhere(f, "items[2].delivered", DELIVERED_EARLY);

    /* An item without a delivery date is the rules' to report, not an early one. */
    phone(f, RETOUR_REQUEST_WITHDRAWAL, ymd(2026, 3, 4), RETOUR_DATE_NONE);
    eval_fails(f, RETOUR_EREQUEST, "items[0].delivered",
               "the delivery date is needed to count the period");
}

/* Notified before the order: the notification is named before any delivery. */
static void test_notified_before_ordered(void **state)
{
    fx *f = *state;
    load_shop(f);
    for (int t = 0; t < RETOUR_REQUEST_TYPE__COUNT; t++) {
        retour_request_type type = (retour_request_type)t;
        phone(f, type, ymd(2026, 3, 17), ymd(2026, 3, 3));
        fails_everywhere(f, "notified", NOTIFIED_EARLY);
        phone(f, type, ymd(2026, 3, 16), ymd(2026, 3, 16));
        eval_ok(f);
    }
}

/* The order's last good delivered before the order. */
static void test_last_delivered_before_ordered(void **state)
{
    fx *f = *state;
    load_shop(f);
    phone(f, RETOUR_REQUEST_WITHDRAWAL, ymd(2026, 3, 2), ymd(2026, 3, 3));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
    fails_everywhere(f, "last_delivered", LAST_DELIVERED_EARLY);
    /* ... before an item that is early too: the request's field comes first. */
    phone(f, RETOUR_REQUEST_WITHDRAWAL, ymd(2026, 3, 2), ymd(2026, 3, 1));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
    fails_everywhere(f, "last_delivered", LAST_DELIVERED_EARLY);
    /* On the order's day it is decided. */
    phone(f, RETOUR_REQUEST_WITHDRAWAL, ymd(2026, 3, 2), ymd(2026, 3, 3));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2026, 3, 2)), RETOUR_OK);
    eval_ok(f);
}

/* Without an order date nothing is compared: the same days are decided. */
static void test_no_order_date_no_check(void **state)
{
    fx *f = *state;
    load_shop(f);
    phone(f, RETOUR_REQUEST_WITHDRAWAL, RETOUR_DATE_NONE, ymd(2026, 3, 3));
    assert_int_equal(retour_request_set_last_delivered(f->r, ymd(2020, 1, 1)), RETOUR_OK);
    eval_ok(f);
    assert_string_equal(retour_outcome_name(retour_decision_outcome(f->d)), "accept");
}

/* A request read from text: the error keeps the place of the item (for its delivery) or of
 * the request (for its own keys), as every error found while evaluating does. */
static void test_parsed_request_keeps_its_place(void **state)
{
    fx *f = *state;
    load_shop(f);
    static const char delivered_early[] = "type: withdrawal\n"
                                          "ordered: 2026-03-04\n"
                                          "notified: 2026-03-16\n"
                                          "items:\n"
                                          "  - sku: A\n"
                                          "    price: \"1.00\"\n"
                                          "    delivered: 2026-03-04\n"
                                          "  - sku: B\n" /* line 8, column 5 */
                                          "    price: \"1.00\"\n"
                                          "    delivered: 2026-03-03\n";
    retour_request *r = NULL;
    assert_int_equal(retour_request_parse(&r, f->p, delivered_early, strlen(delivered_early),
                                          "req.yaml", NULL, &f->err),
                     RETOUR_OK);
    assert_int_equal(retour_evaluate(f->d, f->p, r, &f->err), RETOUR_EREQUEST);
    assert_string_equal(f->err.file, "req.yaml");
    assert_int_equal(f->err.line, 8);
    assert_int_equal(f->err.column, 5);
    assert_string_equal(f->err.path, "items[1].delivered");
    assert_string_equal(f->err.message, DELIVERED_EARLY);
    char line[512];
    retour_error_format(line, sizeof line, &f->err);
    assert_string_equal(line, "req.yaml:8:5: error: items[1].delivered: " DELIVERED_EARLY);
    retour_request_free(r);

    static const char last_early[] = "{\"type\": \"withdrawal\", \"ordered\": \"2026-03-04\",\n"
                                     " \"notified\": \"2026-03-16\", \"last_delivered\": "
                                     "\"2026-03-03\",\n"
                                     " \"items\": [{\"sku\": \"A\", \"price\": \"1.00\", "
                                     "\"delivered\": \"2026-03-05\"}]}";
    r = NULL;
    assert_int_equal(retour_request_parse(&r, f->p, last_early, strlen(last_early), "req.json",
                                          NULL, &f->err),
                     RETOUR_OK);
    assert_int_equal(retour_evaluate(f->d, f->p, r, &f->err), RETOUR_EREQUEST);
    assert_string_equal(f->err.file, "req.json");
    assert_int_equal(f->err.line, 1);
    assert_int_equal(f->err.column, 1);
    assert_string_equal(f->err.path, "last_delivered");
    assert_string_equal(f->err.message, LAST_DELIVERED_EARLY);
    retour_request_free(r);
}

/* The one-call JSON API (what the bindings use) fails alike and hands out no text. */
static void test_evaluate_json(void **state)
{
    fx *f = *state;
    load_shop(f);
    static const char text[] = "{\"type\": \"complaint\", \"ordered\": \"2026-03-04\", "
                               "\"notified\": \"2026-03-16\", \"items\": [{\"sku\": \"A\", "
                               "\"category\": \"phones\", \"price\": \"1.00\", "
                               "\"delivered\": \"2026-03-03\"}]}";
    char *out = NULL;
    size_t len = 7;
    assert_int_equal(retour_evaluate_json(&out, &len, f->p, text, strlen(text), RETOUR_LANG_EN,
                                          &f->err),
                     RETOUR_EREQUEST);
    assert_null(out);
    assert_int_equal(len, 7);
    assert_string_equal(f->err.file, "<request>");
    assert_string_equal(f->err.path, "items[0].delivered");
    assert_string_equal(f->err.message, DELIVERED_EARLY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_delivered_before_ordered),
        T(test_notified_before_ordered),
        T(test_last_delivered_before_ordered),
        T(test_no_order_date_no_check),
        T(test_parsed_request_keeps_its_place),
        T(test_evaluate_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
