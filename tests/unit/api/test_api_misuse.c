/* Every public function called with NULL, out-of-range or foreign arguments, and with
 * handles already freed: each must return its documented error code or default, never
 * crash, and leave outputs alone. Freed handles are kept readable by a quarantine
 * allocator (its free only marks blocks), so checking them is defined behaviour. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <retour.h>
#include "decision_asserts.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif

static const char policy_text[] = "retour: 1\n"
                                  "jurisdiction: NL\n"
                                  "currency: EUR\n"
                                  "categories:\n"
                                  "  jewellery: {}\n"
                                  "default_category: jewellery\n";

static const char request_text[] = "type: withdrawal\n"
                                   "notified: 2026-03-12\n"
                                   "items:\n"
                                   "  - sku: RING-1\n"
                                   "    price: \"49.00\"\n"
                                   "    delivered: 2026-03-03\n";

static retour_policy *load_policy(void)
{
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1,
                                               "policy.yaml", NULL, NULL),
                     RETOUR_OK);
    return p;
}

/* An error struct whose every byte is stale, so a test sees what the call wrote. */
static void stale(retour_error *err)
{
    memset(err, 0x5a, sizeof *err);
}

static void assert_einval(int rc, const retour_error *err, const char *phrase)
{
    assert_int_equal(rc, RETOUR_EINVAL);
    assert_int_equal(err->code, RETOUR_EINVAL);
    assert_int_equal(err->line, 0);
    assert_string_equal(err->path, "");
    assert_non_null(strstr(err->message, phrase));
}

/* ------------------------------------------------------------------------------------
 * Functions without handles
 * ---------------------------------------------------------------------------------- */

static void test_version_and_errors(void **state)
{
    (void)state;
    assert_string_equal(retour_version(), RETOUR_VERSION_STRING);
    assert_int_equal(retour_version_number(), RETOUR_VERSION_NUMBER);
    assert_string_equal(retour_strerror(RETOUR_OK), "no error");
    assert_string_equal(retour_strerror(RETOUR_ELIMIT), "resource limit exceeded");
    assert_string_equal(retour_strerror(42), "unknown error code");
    assert_string_equal(retour_strerror(INT32_MIN), "unknown error code");

    retour_error err;
    memset(&err, 0, sizeof err);
    err.code = RETOUR_EIO;
    char buf[64];
    /* Measuring with NULL and 0, like snprintf. */
    int n = retour_error_format(NULL, 0, &err);
    assert_int_equal(n, (int)strlen("error: input/output error"));
    assert_int_equal(retour_error_format(buf, sizeof buf, &err), n);
    assert_string_equal(buf, "error: input/output error");
    /* NULL with a size would be written through: refused. */
    assert_int_equal(retour_error_format(NULL, 10, &err), RETOUR_EINVAL);
    /* A NULL error describes itself. */
    assert_int_equal(retour_error_format(buf, sizeof buf, NULL),
                     (int)strlen("error: invalid argument"));
    assert_string_equal(buf, "error: invalid argument");
    /* Size 0 writes nothing. */
    buf[0] = 'x';
    assert_true(retour_error_format(buf, 0, &err) > 0);
    assert_int_equal(buf[0], 'x');
}

static void test_dates(void **state)
{
    (void)state;
    retour_date d = 12345;
    assert_int_equal(retour_date_from_ymd(NULL, 2026, 3, 3), RETOUR_EINVAL);
    assert_int_equal(retour_date_from_ymd(&d, 2026, 2, 30), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&d, 0, 1, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&d, 10000, 1, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&d, 2026, 13, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&d, 2026, 0, 1), RETOUR_ERANGE);
    assert_int_equal(retour_date_from_ymd(&d, INT32_MIN, INT32_MIN, INT32_MIN), RETOUR_ERANGE);
    assert_int_equal(retour_date_parse(NULL, "2026-03-03", 10), RETOUR_EINVAL);
    assert_int_equal(retour_date_parse(&d, NULL, 10), RETOUR_EINVAL);
    assert_int_equal(retour_date_parse(&d, "2026-02-30", 10), RETOUR_ERANGE);
    assert_int_equal(retour_date_parse(&d, "2026-3-3", 8), RETOUR_ESYNTAX);
    assert_int_equal(retour_date_parse(&d, "2026-03-03", 3), RETOUR_ESYNTAX);
    assert_int_equal(d, 12345); /* untouched by every failure */
    char buf[11] = "unchanged";
    assert_int_equal(retour_date_format(NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_date_format(buf, RETOUR_DATE_NONE), RETOUR_EINVAL);
    assert_int_equal(retour_date_format(buf, INT32_MAX), RETOUR_EINVAL);
    assert_string_equal(buf, "unchanged");
}

static void test_enum_names(void **state)
{
    (void)state;
    assert_string_equal(retour_outcome_name(RETOUR_OUTCOME__COUNT), "");
    assert_string_equal(retour_outcome_name((retour_outcome)-1), "");
    assert_string_equal(retour_basis_name(RETOUR_BASIS__COUNT), "");
    assert_string_equal(retour_basis_name((retour_basis)-1), "");
    assert_string_equal(retour_cause_name(RETOUR_CAUSE__COUNT), "");
    assert_string_equal(retour_cause_name((retour_cause)-1), "");
    assert_string_equal(retour_remedy_name(RETOUR_REMEDY__COUNT), "");
    assert_string_equal(retour_remedy_name((retour_remedy)-1), "");
    assert_string_equal(retour_outcome_name(RETOUR_OUTCOME_REVIEW), "review");
}

/* ------------------------------------------------------------------------------------
 * Options
 * ---------------------------------------------------------------------------------- */

static void test_options_versions(void **state)
{
    (void)state;
    retour_policy *p = NULL;
    retour_error err;
    retour_options o = RETOUR_OPTIONS_INIT;
    assert_int_equal(o.version, 3);
    o.version = 0;
    stale(&err);
    assert_einval(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1, NULL, &o,
                                            &err),
                  &err, "retour_policy_load_string: options.version is 0; expected 1 to "
                        "RETOUR_OPTIONS_VERSION (3)");
    o.version = RETOUR_OPTIONS_VERSION + 1;
    stale(&err);
    assert_einval(retour_policy_load_file(&p, RETOUR_TEST_DATA "/policies/jeweller.yaml", &o,
                                          &err),
                  &err, "retour_policy_load_file: options.version is 4");
    assert_null(p);
    retour_request *r = NULL;
    retour_decision *d = NULL;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, &o), RETOUR_EINVAL);
    assert_int_equal(retour_decision_new(&d, &o), RETOUR_EINVAL);
    assert_null(r);
    assert_null(d);
}

/* What a caller built against version 1 of the header allocates. */
typedef struct options_v1 {
    unsigned int version;
    const retour_allocator *allocator;
    size_t max_input_bytes;
    unsigned int max_depth;
    unsigned int max_items;
} options_v1;

/* A caller built against version 1 passes the shorter struct: nothing past max_items may
 * be read (ASan sees a read past this exact-size block), and the string limit defaults. */
static void test_options_version_1_struct(void **state)
{
    (void)state;
    options_v1 *old = calloc(1, sizeof *old);
    assert_non_null(old);
    old->version = 1;
    old->max_depth = 3;
    const retour_options *v1 = (const retour_options *)(void *)old;
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1, NULL, v1,
                                               &err),
                     RETOUR_OK);
    retour_policy_free(p);
    p = NULL;
    /* Its max_depth applies... */
    static const char deep[] = "a: {b: {c: {}}}\n";
    assert_int_equal(retour_policy_load_string(&p, deep, sizeof deep - 1, NULL, v1, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "nesting deeper than 3 levels");
    /* ...and the string limit is the default. */
    char big[4200];
    memset(big, 'x', sizeof big);
    memcpy(big, "shop: ", 6);
    assert_int_equal(retour_policy_load_string(&p, big, sizeof big, NULL, v1, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "a value of 4194 bytes exceeds the limit of 4096 bytes");
    assert_null(p);
    retour_request *r = NULL;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, v1), RETOUR_OK);
    retour_request_free(r);
    free(old);
}

/* ------------------------------------------------------------------------------------
 * NULL and out-of-range arguments
 * ---------------------------------------------------------------------------------- */

static void test_policy_functions(void **state)
{
    (void)state;
    retour_policy *p = (retour_policy *)&p; /* a sentinel: must stay as it is */
    retour_error err;
    stale(&err);
    assert_einval(retour_policy_load_string(NULL, policy_text, 3, NULL, NULL, &err), &err,
                  "must not be NULL");
    stale(&err);
    assert_einval(retour_policy_load_string(&p, NULL, 3, NULL, NULL, &err), &err,
                  "must not be NULL");
    assert_int_equal(retour_policy_load_string(&p, NULL, 3, NULL, NULL, NULL), RETOUR_EINVAL);
    stale(&err);
    assert_einval(retour_policy_load_file(NULL, "x", NULL, &err), &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_policy_load_file(&p, NULL, NULL, &err), &err, "must not be NULL");
    /* A directory opens but does not read. */
    stale(&err);
    assert_int_equal(retour_policy_load_file(&p, RETOUR_TEST_DATA, NULL, &err), RETOUR_EIO);
    assert_string_equal(err.file, RETOUR_TEST_DATA);
    assert_string_equal(err.message, "cannot read: Is a directory");
    assert_ptr_equal(p, (retour_policy *)&p);
    /* NULL text with length 0 is the empty document. */
    stale(&err);
    assert_int_equal(retour_policy_load_string(&p, NULL, 0, NULL, NULL, &err), RETOUR_ESCHEMA);
    assert_ptr_equal(p, (retour_policy *)&p);

    retour_policy_free(NULL);
    assert_string_equal(retour_policy_shop(NULL), "");
    assert_string_equal(retour_policy_jurisdiction(NULL), "");
    assert_string_equal(retour_policy_currency(NULL), "");
    assert_int_equal(retour_policy_currency_decimals(NULL), -1);
}

static void test_request_functions(void **state)
{
    (void)state;
    retour_policy *policy = load_policy();
    retour_request *r = (retour_request *)&r;
    retour_error err;
    assert_int_equal(retour_request_new(NULL, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_TYPE__COUNT, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_request_new(&r, (retour_request_type)-1, NULL), RETOUR_EINVAL);
    assert_ptr_equal(r, (retour_request *)&r);
    retour_request_free(NULL);
    assert_int_equal(retour_request_reset(NULL, RETOUR_REQUEST_WITHDRAWAL), RETOUR_EINVAL);
    assert_int_equal(retour_request_item_count(NULL), 0);

    stale(&err);
    assert_einval(retour_request_parse(NULL, policy, request_text, sizeof request_text - 1,
                                       NULL, NULL, &err),
                  &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_request_parse(&r, NULL, request_text, sizeof request_text - 1, NULL,
                                       NULL, &err),
                  &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_request_parse(&r, policy, NULL, 5, NULL, NULL, &err), &err,
                  "must not be NULL");
    retour_options bad = RETOUR_OPTIONS_INIT;
    bad.version = 0;
    stale(&err);
    assert_einval(retour_request_parse(&r, policy, request_text, sizeof request_text - 1, NULL,
                                       &bad, &err),
                  &err, "retour_request_parse: options.version is 0");
    stale(&err);
    assert_einval(retour_request_load_file(NULL, policy, "x", NULL, &err), &err,
                  "must not be NULL");
    stale(&err);
    assert_einval(retour_request_load_file(&r, NULL, "x", NULL, &err), &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_request_load_file(&r, policy, NULL, NULL, &err), &err,
                  "must not be NULL");
    assert_ptr_equal(r, (retour_request *)&r);

    retour_date day;
    assert_int_equal(retour_date_from_ymd(&day, 2026, 3, 3), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(NULL, day), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_ordered(NULL, day), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_shipping_paid(NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_whole_order(NULL, 1), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_last_delivered(NULL, day), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer(NULL, 0, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer_history(NULL, 0, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(NULL, NULL, "A", NULL, 1, 1, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(NULL, 0, day, RETOUR_CAUSE_UNKNOWN, 0,
                                                       RETOUR_REMEDY_NONE, 0),
                     RETOUR_EINVAL);

    /* Bad values on a real request leave it as it was. */
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_request_reset(r, RETOUR_REQUEST_TYPE__COUNT), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_notified(r, RETOUR_DATE_NONE), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_notified(r, INT32_MAX), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_ordered(r, INT32_MAX), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_last_delivered(r, INT32_MAX), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_shipping_paid(r, -1), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer(r, -1, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer(r, 0, -1), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer_history(r, -1, 0), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer_history(r, 0, -1), RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, NULL, NULL, 1, 1, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "\xff", NULL, 1, 1, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", "\xc3\x28", 1, 1, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", NULL, -1, 1, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", NULL, 1, 0, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", NULL, 1, 1, day,
                                             RETOUR_PACKAGING__COUNT),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", NULL, 1, 1, day,
                                             (retour_packaging)-1),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_add_item(r, NULL, "A", NULL, 1, 1, INT32_MAX,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_item_count(r), 0);
    size_t index = 99;
    assert_int_equal(retour_request_add_item(r, &index, "A", NULL, 1, 1, day,
                                             RETOUR_PACKAGING_OPENED),
                     RETOUR_OK);
    assert_int_equal(index, 0);
    assert_int_equal(retour_request_set_item_complaint(r, 1, day, RETOUR_CAUSE_UNKNOWN, 0,
                                                       RETOUR_REMEDY_NONE, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(r, 0, day, RETOUR_CAUSE__COUNT, 0,
                                                       RETOUR_REMEDY_NONE, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(r, 0, day, RETOUR_CAUSE_UNKNOWN, 0,
                                                       RETOUR_REMEDY_STORE_CREDIT, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(r, 0, day, RETOUR_CAUSE_UNKNOWN, 0,
                                                       (retour_remedy)-1, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(r, 0, INT32_MAX, RETOUR_CAUSE_UNKNOWN, 0,
                                                       RETOUR_REMEDY_NONE, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_item_count(r), 1);
    retour_request_free(r);
    retour_policy_free(policy);
}

static void test_decision_functions(void **state)
{
    (void)state;
    retour_policy *policy = load_policy();
    retour_request *r = NULL;
    retour_decision *d = (retour_decision *)&d;
    retour_error err;
    assert_int_equal(retour_decision_new(NULL, NULL), RETOUR_EINVAL);
    assert_ptr_equal(d, (retour_decision *)&d);
    retour_decision_free(NULL);
    assert_no_result(NULL);

    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_no_result(d);
    assert_int_equal(retour_request_parse(&r, policy, request_text, sizeof request_text - 1,
                                          NULL, NULL, NULL),
                     RETOUR_OK);
    stale(&err);
    assert_einval(retour_evaluate(NULL, policy, r, &err), &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate(d, NULL, r, &err), &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate(d, policy, NULL, &err), &err, "must not be NULL");
    assert_int_equal(retour_evaluate(d, policy, NULL, NULL), RETOUR_EINVAL);
    assert_no_result(d);

    assert_int_equal(retour_evaluate(d, policy, r, &err), RETOUR_OK);
    assert_int_equal(retour_decision_outcome(d), RETOUR_OUTCOME_ACCEPT);
    size_t items = retour_decision_item_count(d), reasons = retour_decision_reason_count(d);
    assert_int_equal(items, 1);
    assert_true(reasons > 0);
    /* Indexes past the end, bad languages, NULL buffers with a size. */
    assert_int_equal(retour_decision_item_outcome(d, items), RETOUR_OUTCOME_REJECT);
    assert_int_equal(retour_decision_item_outcome(d, SIZE_MAX), RETOUR_OUTCOME_REJECT);
    assert_int_equal(retour_decision_item_refund(d, items), 0);
    assert_int_equal(retour_decision_item_deduction(d, items), 0);
    assert_int_equal(retour_decision_item_remedy(d, items), RETOUR_REMEDY_NONE);
    assert_int_equal(retour_decision_item_remedy_basis_points(d, items), 0);
    assert_null(retour_decision_reason(d, reasons));
    char buf[16];
    assert_int_equal(retour_decision_reason_message(d, reasons, RETOUR_LANG_EN, buf, sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_reason_message(d, 0, RETOUR_LANG__COUNT, buf, sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_reason_message(d, 0, (retour_lang)-1, buf, sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_reason_message(d, 0, RETOUR_LANG_EN, NULL, 5),
                     RETOUR_EINVAL);
    assert_true(retour_decision_reason_message(d, 0, RETOUR_LANG_EN, NULL, 0) > 0);
    assert_int_equal(retour_decision_to_json(NULL, RETOUR_LANG_EN, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json(d, RETOUR_LANG__COUNT, NULL, 0), RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json(d, RETOUR_LANG_EN, NULL, 5), RETOUR_EINVAL);
    assert_true(retour_decision_to_json(d, RETOUR_LANG_EN, NULL, 0) > 0);

    /* A failed evaluation leaves no result behind. */
    retour_request *empty = NULL;
    assert_int_equal(retour_request_new(&empty, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    stale(&err);
    assert_int_equal(retour_evaluate(d, policy, empty, &err), RETOUR_EREQUEST);
    assert_int_equal(err.code, RETOUR_EREQUEST);
    assert_string_equal(err.path, "notified");
    assert_no_result(d);
    retour_request_free(empty);
    retour_request_free(r);
    retour_decision_free(d);
    retour_policy_free(policy);
}

static void test_simple_api(void **state)
{
    (void)state;
    retour_policy *policy = load_policy();
    char *json = (char *)&json;
    size_t len = 77;
    retour_error err;
    stale(&err);
    assert_einval(retour_evaluate_json(NULL, &len, policy, request_text, sizeof request_text - 1,
                                       RETOUR_LANG_EN, &err),
                  &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate_json(&json, &len, NULL, request_text, sizeof request_text - 1,
                                       RETOUR_LANG_EN, &err),
                  &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate_json(&json, &len, policy, NULL, 4, RETOUR_LANG_EN, &err), &err,
                  "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate_json(&json, &len, policy, request_text,
                                       sizeof request_text - 1, RETOUR_LANG__COUNT, &err),
                  &err, "retour_evaluate_json");
    assert_int_equal(retour_evaluate_json(&json, &len, policy, "x: [", 4, RETOUR_LANG_EN, NULL),
                     RETOUR_ESYNTAX);
    assert_ptr_equal(json, (char *)&json);
    assert_int_equal(len, 77);
    /* len may be NULL. */
    assert_int_equal(retour_evaluate_json(&json, NULL, policy, request_text,
                                          sizeof request_text - 1, RETOUR_LANG_NL, NULL),
                     RETOUR_OK);
    assert_non_null(strstr(json, "\"outcome\":\"accept\""));
    retour_string_free(json);
    retour_string_free(NULL);
    retour_policy_free(policy);
}

/* ------------------------------------------------------------------------------------
 * Foreign and freed handles
 * ---------------------------------------------------------------------------------- */

static void test_foreign_handles(void **state)
{
    (void)state;
    retour_policy *policy = load_policy();
    retour_request *r = NULL;
    retour_decision *d = NULL;
    retour_error err;
    assert_int_equal(retour_request_parse(&r, policy, request_text, sizeof request_text - 1,
                                          NULL, NULL, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    /* Handles of the wrong type, as a cast in a binding might pass them. */
    retour_policy *p_as_r = (retour_policy *)(void *)r;
    retour_request *d_as_r = (retour_request *)(void *)d;
    retour_decision *p_as_d = (retour_decision *)(void *)policy;
    stale(&err);
    assert_einval(retour_evaluate(d, p_as_r, r, &err), &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate(d, policy, d_as_r, &err), &err, "must not be NULL");
    stale(&err);
    assert_einval(retour_evaluate(p_as_d, policy, r, &err), &err, "must not be NULL");
    assert_string_equal(retour_policy_currency(p_as_r), "");
    assert_int_equal(retour_policy_currency_decimals(p_as_r), -1);
    assert_int_equal(retour_request_item_count(d_as_r), 0);
    assert_int_equal(retour_request_set_notified(d_as_r, 20000), RETOUR_EINVAL);
    assert_no_result(p_as_d);
    retour_request *r2 = NULL;
    stale(&err);
    assert_einval(retour_request_parse(&r2, p_as_r, request_text, sizeof request_text - 1, NULL,
                                       NULL, &err),
                  &err, "must not be NULL");
    assert_null(r2);
    /* Freeing a handle of the wrong type does nothing: everything still works. */
    retour_policy_free(p_as_r);
    retour_request_free(d_as_r);
    retour_decision_free(p_as_d);
    assert_int_equal(retour_evaluate(d, policy, r, &err), RETOUR_OK);
    assert_int_equal(retour_decision_outcome(d), RETOUR_OUTCOME_ACCEPT);
    assert_string_equal(retour_policy_currency(policy), "EUR");
    retour_decision_free(d);
    retour_request_free(r);
    retour_policy_free(policy);
}

/* An allocator whose free only records the block, so a freed handle stays readable. */
typedef struct quarantine {
    void *held[256];
    size_t count;
} quarantine;

static void *q_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *q_realloc(void *ctx, void *p, size_t size)
{
    (void)ctx;
    return realloc(p, size);
}

static void q_free(void *ctx, void *p)
{
    quarantine *q = ctx;
    if (q->count < sizeof q->held / sizeof q->held[0])
        q->held[q->count++] = p;
    else
        free(p);
}

static void test_freed_handles(void **state)
{
    (void)state;
    quarantine q = { { NULL }, 0 };
    retour_allocator a = { q_malloc, q_realloc, q_free, &q };
    retour_options o = RETOUR_OPTIONS_INIT;
    o.allocator = &a;
    retour_policy *policy = NULL;
    retour_request *r = NULL;
    retour_decision *d = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&policy, policy_text, sizeof policy_text - 1,
                                               NULL, &o, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_request_parse(&r, policy, request_text, sizeof request_text - 1,
                                          NULL, &o, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, &o), RETOUR_OK);
    assert_int_equal(retour_evaluate(d, policy, r, NULL), RETOUR_OK);
    size_t before = q.count;

    retour_decision_free(d);
    assert_no_result(d);
    retour_request_free(r);
    assert_int_equal(retour_request_item_count(r), 0);
    assert_int_equal(retour_request_set_notified(r, 20000), RETOUR_EINVAL);
    assert_int_equal(retour_request_reset(r, RETOUR_REQUEST_WITHDRAWAL), RETOUR_EINVAL);
    retour_policy_free(policy);
    assert_string_equal(retour_policy_shop(policy), "");
    assert_int_equal(retour_policy_currency_decimals(policy), -1);
    stale(&err);
    assert_einval(retour_evaluate(d, policy, r, &err), &err, "must not be NULL");
    retour_request *r2 = NULL;
    assert_int_equal(retour_request_parse(&r2, policy, request_text, sizeof request_text - 1,
                                          NULL, NULL, NULL),
                     RETOUR_EINVAL);
    char *json = NULL;
    assert_int_equal(retour_evaluate_json(&json, NULL, policy, request_text,
                                          sizeof request_text - 1, RETOUR_LANG_EN, NULL),
                     RETOUR_EINVAL);
    /* A second free of each is noticed and frees nothing more. */
    size_t after = q.count;
    assert_true(after > before);
    retour_decision_free(d);
    retour_request_free(r);
    retour_policy_free(policy);
    assert_int_equal(q.count, after);
    for (size_t i = 0; i < q.count; i++)
        free(q.held[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_and_errors),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_enum_names),
        cmocka_unit_test(test_options_versions),
        cmocka_unit_test(test_options_version_1_struct),
        cmocka_unit_test(test_policy_functions),
        cmocka_unit_test(test_request_functions),
        cmocka_unit_test(test_decision_functions),
        cmocka_unit_test(test_simple_api),
        cmocka_unit_test(test_foreign_handles),
        cmocka_unit_test(test_freed_handles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
