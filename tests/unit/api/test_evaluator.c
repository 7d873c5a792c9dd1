/* The JSON API of issue 22: retour_decision_to_json_form() (full, compact, verdict),
 * retour_evaluate_json() reading JSON with the direct reader, and the evaluator
 * (retour_evaluator_new/free/evaluate_json/evaluate_many): the exact bytes of each form for
 * story 1 (the opened phone against the Dutch electronics shop), YAML and JSON requests
 * decided alike, errors with their fields, the error lines of a batch, every bad argument,
 * and no allocation once an evaluator is warm. Out-of-memory loops: test_allocfail.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"

/* ------------------------------------------------------------------------------------
 * Inputs and the bytes they must give
 * ---------------------------------------------------------------------------------- */

static const char policy_text[] = "retour: 1\n"
                                  "shop: Telefoonwinkel\n"
                                  "jurisdiction: NL\n"
                                  "currency: EUR\n"
                                  "withdrawal:\n"
                                  "  days: 14\n"
                                  "categories:\n"
                                  "  electronics: {}\n";

/* Story 1 as JSON, as YAML and as a YAML flow mapping (which starts with '{' too). */
static const char phone_json[] =
    "{\"type\":\"withdrawal\",\"ordered\":\"2026-03-01\",\"notified\":\"2026-03-16\","
    "\"shipping_paid\":\"4.95\",\"items\":[{\"sku\":\"PHONE-S4\",\"category\":\"electronics\","
    "\"price\":\"499.00\",\"delivered\":\"2026-03-03\",\"packaging\":\"opened\"}]}";
static const char phone_yaml[] = "type: withdrawal\n"
                                 "ordered: 2026-03-01\n"
                                 "notified: 2026-03-16\n"
                                 "shipping_paid: \"4.95\"\n"
                                 "items:\n"
                                 "  - sku: PHONE-S4\n"
                                 "    category: electronics\n"
                                 "    price: \"499.00\"\n"
                                 "    delivered: 2026-03-03\n"
                                 "    packaging: opened\n";
static const char phone_flow[] =
    "{type: withdrawal, ordered: 2026-03-01, notified: 2026-03-16, shipping_paid: 4.95,\n"
    " items: [{sku: PHONE-S4, category: electronics, price: 499, delivered: 2026-03-03,\n"
    "          packaging: opened}]}";

#define PHONE_HEAD                                                                          \
    "{\"outcome\":\"accept\",\"basis\":\"withdrawal_right\",\"type\":\"withdrawal\","        \
    "\"refund\":{\"amount\":\"503.95\",\"amount_minor\":50395,\"items\":\"499.00\","          \
    "\"deductions\":\"0.00\",\"outbound_shipping\":\"4.95\",\"store_credit\":\"0.00\","       \
    "\"currency\":\"EUR\",\"method\":\"original_payment\"},\"withdrawal_deadline\":\"2026-03-17\",\"return_by\":"            \
    "\"2026-03-30\",\"refund_by\":\"2026-03-30\",\"calendar\":\"weekends_and_nl_holidays\"," \
    "\"return_shipping\":\"customer\",\"reasons\":["

static const char phone_full[] =
    PHONE_HEAD
    "{\"code\":\"within_withdrawal_period\",\"message\":\"Withdrawal notified on 2026-03-16, "
    "within the statutory withdrawal period that ends on 2026-03-17; no reason is needed.\","
    "\"source\":\"shop.yaml:3:15\",\"law\":\"BW 6:230o; Directive 2011/83/EU art. 9\"},"
    "{\"code\":\"outbound_shipping_refunded\",\"message\":\"The whole order is withdrawn, so "
    "the outbound delivery cost of EUR 4.95 is refunded too.\",\"source\":null,\"law\":"
    "\"BW 6:230r(1); Directive 2011/83/EU art. 13(1)\"}],\"items\":[{\"index\":0,\"sku\":"
    "\"PHONE-S4\",\"category\":\"electronics\",\"outcome\":\"accept\",\"refund\":\"499.00\","
    "\"deduction\":\"0.00\",\"remedy\":null,\"remedy_percent\":null,\"reasons\":[{\"code\":"
    "\"packaging_opened_allowed\",\"message\":\"Opened packaging is no reason to refuse the "
    "return: the consumer may unpack and try the goods as in a shop.\",\"source\":null,"
    "\"law\":\"BW 6:230s; Directive 2011/83/EU art. 14(2)\"}]}]}";

/* The same without the messages: codes, sources and citations stay. */
static const char phone_compact[] =
    PHONE_HEAD
    "{\"code\":\"within_withdrawal_period\",\"source\":\"shop.yaml:3:15\",\"law\":"
    "\"BW 6:230o; Directive 2011/83/EU art. 9\"},{\"code\":\"outbound_shipping_refunded\","
    "\"source\":null,\"law\":\"BW 6:230r(1); Directive 2011/83/EU art. 13(1)\"}],\"items\":"
    "[{\"index\":0,\"sku\":\"PHONE-S4\",\"category\":\"electronics\",\"outcome\":\"accept\","
    "\"refund\":\"499.00\",\"deduction\":\"0.00\",\"remedy\":null,\"remedy_percent\":null,"
    "\"reasons\":[{\"code\":\"packaging_opened_allowed\",\"source\":null,\"law\":"
    "\"BW 6:230s; Directive 2011/83/EU art. 14(2)\"}]}]}";

static const char phone_verdict[] =
    "{\"outcome\":\"accept\",\"deciding_reason\":\"within_withdrawal_period\","
    "\"withdrawal_deadline\":\"2026-03-17\"}";

/* A price with three decimals: ERANGE at line 1, column 74, items[0].price. */
static const char bad_price[] =
    "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\","
    "\"price\":\"4.999\",\"delivered\":\"2026-03-03\"}]}";
static const char bad_price_line[] =
    "{\"error\":{\"code\":-7,\"file\":\"<request>\",\"line\":1,\"column\":74,\"offset\":73,"
    "\"path\":\"items[0].price\",\"message\":\"amount '4.999' is invalid: 3 decimals (EUR has "
    "2)\",\"formatted\":\"<request>:1:74: error: items[0].price: amount '4.999' is invalid: 3 "
    "decimals (EUR has 2)\"}}";

/* A complaint without its delivery date: the policy cannot decide it (EREQUEST). */
static const char no_delivery[] = "type: complaint\nnotified: 2026-03-16\n"
                                  "items: [{sku: A, price: 1}]\n";

/* ------------------------------------------------------------------------------------
 * Fixture
 * ---------------------------------------------------------------------------------- */

typedef struct fixture {
    retour_policy *policy;
    retour_evaluator *ev;
    retour_error err;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL ||
        retour_policy_load_string(&f->policy, policy_text, sizeof policy_text - 1, "shop.yaml",
                                  NULL, NULL) ||
        retour_evaluator_new(&f->ev, f->policy, NULL))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    retour_evaluator_free(f->ev);
    retour_policy_free(f->policy);
    free(f);
    return 0;
}

/* A decision of story 1 through the C API, for retour_decision_to_json_form(). */
static retour_decision *phone_decision(const fixture *f)
{
    retour_request *r = NULL;
    retour_decision *d = NULL;
    assert_int_equal(retour_request_parse(&r, f->policy, phone_yaml, sizeof phone_yaml - 1,
                                          NULL, NULL, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluate(d, f->policy, r, NULL), RETOUR_OK);
    retour_request_free(r);
    return d;
}

static void stale(retour_error *err)
{
    memset(err, 0, sizeof *err);
    err->code = 99;
    strcpy(err->message, "stale");
}

/* ------------------------------------------------------------------------------------
 * retour_decision_to_json_form
 * ---------------------------------------------------------------------------------- */

static void test_forms_of_a_decision(void **state)
{
    fixture *f = *state;
    retour_decision *d = phone_decision(f);
    char buf[4096];
    long n = retour_decision_to_json_form(d, RETOUR_JSON_FULL, RETOUR_LANG_EN, buf, sizeof buf);
    assert_int_equal(n, (long)strlen(phone_full));
    assert_string_equal(buf, phone_full);
    /* The full form is retour_decision_to_json(). */
    char old[4096];
    assert_int_equal(retour_decision_to_json(d, RETOUR_LANG_EN, old, sizeof old), n);
    assert_string_equal(old, buf);

    n = retour_decision_to_json_form(d, RETOUR_JSON_COMPACT, RETOUR_LANG_EN, buf, sizeof buf);
    assert_int_equal(n, (long)strlen(phone_compact));
    assert_string_equal(buf, phone_compact);
    /* No message, so no language: Dutch gives the same bytes. */
    assert_int_equal(retour_decision_to_json_form(d, RETOUR_JSON_COMPACT, RETOUR_LANG_NL, buf,
                                                  sizeof buf),
                     n);
    assert_string_equal(buf, phone_compact);

    n = retour_decision_to_json_form(d, RETOUR_JSON_VERDICT, RETOUR_LANG_EN, buf, sizeof buf);
    assert_int_equal(n, (long)strlen(phone_verdict));
    assert_string_equal(buf, phone_verdict);

    /* Measuring, and a buffer too small: cut and terminated, the full length returned. */
    assert_int_equal(retour_decision_to_json_form(d, RETOUR_JSON_COMPACT, RETOUR_LANG_EN, NULL,
                                                  0),
                     (long)strlen(phone_compact));
    memset(buf, '#', sizeof buf);
    assert_int_equal(retour_decision_to_json_form(d, RETOUR_JSON_VERDICT, RETOUR_LANG_EN, buf,
                                                  13),
                     (long)strlen(phone_verdict));
    assert_string_equal(buf, "{\"outcome\":\"");
    assert_int_equal(buf[13], '#');

    /* Bad arguments. */
    assert_int_equal(retour_decision_to_json_form(NULL, RETOUR_JSON_FULL, RETOUR_LANG_EN, buf,
                                                  sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json_form(d, RETOUR_JSON_FORM__COUNT, RETOUR_LANG_EN,
                                                  buf, sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json_form(d, (retour_json_form)-1, RETOUR_LANG_EN, buf,
                                                  sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json_form(d, RETOUR_JSON_COMPACT, RETOUR_LANG__COUNT,
                                                  buf, sizeof buf),
                     RETOUR_EINVAL);
    assert_int_equal(retour_decision_to_json_form(d, RETOUR_JSON_FULL, RETOUR_LANG_EN, NULL, 8),
                     RETOUR_EINVAL);
    retour_decision_free(d);

    /* A decision without a result has no JSON in any form. */
    retour_decision *empty = NULL;
    assert_int_equal(retour_decision_new(&empty, NULL), RETOUR_OK);
    assert_int_equal(retour_decision_to_json_form(empty, RETOUR_JSON_VERDICT, RETOUR_LANG_EN,
                                                  buf, sizeof buf),
                     RETOUR_EINVAL);
    retour_decision_free(empty);
}

/* A verdict without a deadline (a complaint) or without a deciding reason gives nulls. */
static void test_verdict_form_nulls(void **state)
{
    fixture *f = *state;
    static const char complaint[] =
        "{\"type\":\"complaint\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\","
        "\"category\":\"electronics\",\"price\":\"10.00\",\"delivered\":\"2026-01-10\"}]}";
    const char *out = NULL;
    assert_int_equal(retour_evaluator_evaluate_json(&out, NULL, f->ev, complaint,
                                                    sizeof complaint - 1, RETOUR_JSON_VERDICT,
                                                    RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_string_equal(out, "{\"outcome\":\"accept\",\"deciding_reason\":\"presumed_defect\","
                             "\"withdrawal_deadline\":null}");
}

/* ------------------------------------------------------------------------------------
 * retour_evaluate_json: JSON by the direct reader, YAML by libyaml, the same decisions
 * ---------------------------------------------------------------------------------- */

static void test_evaluate_json_reads_both(void **state)
{
    fixture *f = *state;
    const char *inputs[] = { phone_json, phone_yaml, phone_flow };
    for (size_t i = 0; i < 3; i++) {
        char *out = NULL;
        size_t len = 0;
        assert_int_equal(retour_evaluate_json(&out, &len, f->policy, inputs[i],
                                              strlen(inputs[i]), RETOUR_LANG_EN, &f->err),
                         RETOUR_OK);
        assert_string_equal(out, phone_full);
        assert_int_equal(len, strlen(phone_full));
        retour_string_free(out);
    }
    /* A byte order mark and spaces before the '{'. */
    char *out = NULL;
    char text[sizeof phone_json + 8] = "\xEF\xBB\xBF \n\t";
    strcat(text, phone_json);
    assert_int_equal(retour_evaluate_json(&out, NULL, f->policy, text, strlen(text),
                                          RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_string_equal(out, phone_full);
    retour_string_free(out);
    /* A surrogate pair: JSON the YAML parser refused, the direct reader reads. */
    static const char emoji[] =
        "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":"
        "\"\\ud83d\\ude00\",\"price\":\"1.00\",\"delivered\":\"2026-03-03\"}]}";
    assert_int_equal(retour_evaluate_json(&out, NULL, f->policy, emoji, sizeof emoji - 1,
                                          RETOUR_LANG_EN, &f->err),
                     RETOUR_OK);
    assert_non_null(strstr(out, "\"sku\":\"\xF0\x9F\x98\x80\""));
    retour_string_free(out);
}

static void test_evaluate_json_errors(void **state)
{
    fixture *f = *state;
    char *untouched = (char *)&untouched;
    size_t len = 77;
    /* A schema error found by the direct reader: its place, path and message. */
    assert_int_equal(retour_evaluate_json(&untouched, &len, f->policy, bad_price,
                                          sizeof bad_price - 1, RETOUR_LANG_EN, &f->err),
                     RETOUR_ERANGE);
    assert_string_equal(f->err.file, "<request>");
    assert_int_equal(f->err.line, 1);
    assert_int_equal(f->err.column, 74);
    assert_string_equal(f->err.path, "items[0].price");
    assert_string_equal(f->err.message, "amount '4.999' is invalid: 3 decimals (EUR has 2)");
    /* A JSON syntax error is YAML's to report, as before. */
    static const char cut[] = "{\"type\": \"withdrawal\",";
    assert_int_equal(retour_evaluate_json(&untouched, &len, f->policy, cut, sizeof cut - 1,
                                          RETOUR_LANG_EN, &f->err),
                     RETOUR_ESYNTAX);
    assert_string_equal(f->err.file, "<request>");
    assert_non_null(strstr(f->err.message, "YAML syntax"));
    assert_int_equal(retour_evaluate_json(&untouched, &len, f->policy, no_delivery,
                                          sizeof no_delivery - 1, RETOUR_LANG_EN, &f->err),
                     RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "items[0].delivered");
    assert_ptr_equal(untouched, (char *)&untouched);
    assert_int_equal(len, 77);
}

/* ------------------------------------------------------------------------------------
 * The evaluator
 * ---------------------------------------------------------------------------------- */

static void test_evaluator_new_and_free(void **state)
{
    fixture *f = *state;
    retour_evaluator *ev = (retour_evaluator *)&ev;
    assert_int_equal(retour_evaluator_new(NULL, f->policy, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_new(&ev, NULL, NULL), RETOUR_EINVAL);
    assert_ptr_equal(ev, (retour_evaluator *)&ev);
    retour_options bad = RETOUR_OPTIONS_INIT;
    bad.version = RETOUR_OPTIONS_VERSION + 1;
    assert_int_equal(retour_evaluator_new(&ev, f->policy, &bad), RETOUR_EINVAL);
    bad.version = 0;
    assert_int_equal(retour_evaluator_new(&ev, f->policy, &bad), RETOUR_EINVAL);
    /* A foreign handle (a decision) is not a policy. */
    retour_decision *d = NULL;
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluator_new(&ev, (const retour_policy *)d, NULL), RETOUR_EINVAL);
    assert_ptr_equal(ev, (retour_evaluator *)&ev);
    /* Version 1 options (without max_string_bytes and lang) are read as such. */
    retour_options v1 = RETOUR_OPTIONS_INIT;
    v1.version = 1;
    v1.max_input_bytes = 64;
    assert_int_equal(retour_evaluator_new(&ev, f->policy, &v1), RETOUR_OK);
    /* Its limits apply to every request: 64 bytes. */
    const char *out = NULL;
    assert_int_equal(retour_evaluator_evaluate_json(&out, NULL, ev, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_ELIMIT);
    assert_null(out);
    retour_evaluator_free(ev);
    retour_evaluator_free(NULL);
    retour_evaluator_free((retour_evaluator *)d); /* a foreign handle is ignored */
    assert_int_equal(retour_decision_item_count(d), 0);
    retour_decision_free(d);
}

static void test_evaluator_forms(void **state)
{
    fixture *f = *state;
    static const struct {
        retour_json_form form;
        const char *want;
    } forms[] = {
        { RETOUR_JSON_FULL, phone_full },
        { RETOUR_JSON_COMPACT, phone_compact },
        { RETOUR_JSON_VERDICT, phone_verdict },
    };
    const char *inputs[] = { phone_json, phone_yaml, phone_flow };
    for (size_t k = 0; k < 3; k++) {
        for (size_t i = 0; i < 3; i++) {
            const char *out = NULL;
            size_t len = 0;
            stale(&f->err);
            assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, inputs[i],
                                                            strlen(inputs[i]), forms[k].form,
                                                            RETOUR_LANG_EN, &f->err),
                             RETOUR_OK);
            assert_string_equal(out, forms[k].want);
            assert_int_equal(len, strlen(forms[k].want));
            assert_int_equal(f->err.code, RETOUR_OK);
        }
    }
    /* Dutch messages in the full form; len may be NULL. */
    const char *out = NULL;
    assert_int_equal(retour_evaluator_evaluate_json(&out, NULL, f->ev, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_NL, NULL),
                     RETOUR_OK);
    assert_non_null(strstr(out, "\"message\":\"Herroeping gemeld op 2026-03-16"));
}

static void test_evaluator_errors(void **state)
{
    fixture *f = *state;
    const char *out = (const char *)&out;
    size_t len = 77;
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, bad_price,
                                                    sizeof bad_price - 1, RETOUR_JSON_COMPACT,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_ERANGE);
    assert_int_equal(f->err.code, RETOUR_ERANGE);
    assert_int_equal(f->err.line, 1);
    assert_int_equal(f->err.column, 74);
    assert_int_equal(f->err.offset, 73);
    assert_string_equal(f->err.path, "items[0].price");
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, no_delivery,
                                                    sizeof no_delivery - 1, RETOUR_JSON_VERDICT,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "items[0].delivered");
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, "", 0, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_ESCHEMA);
    assert_ptr_equal(out, (const char *)&out);
    assert_int_equal(len, 77);

    /* Bad arguments: RETOUR_EINVAL with a message naming the function. */
    stale(&f->err);
    assert_int_equal(retour_evaluator_evaluate_json(NULL, &len, f->ev, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(f->err.code, RETOUR_EINVAL);
    assert_non_null(strstr(f->err.message, "retour_evaluator_evaluate_json"));
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, NULL, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, NULL, 4,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, phone_json,
                                                    sizeof phone_json - 1,
                                                    RETOUR_JSON_FORM__COUNT, RETOUR_LANG_EN,
                                                    &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG__COUNT, NULL),
                     RETOUR_EINVAL);
    retour_decision *d = NULL;
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, (retour_evaluator *)d,
                                                    phone_json, sizeof phone_json - 1,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, NULL),
                     RETOUR_EINVAL);
    retour_decision_free(d);
    assert_ptr_equal(out, (const char *)&out);
    assert_int_equal(len, 77);
    /* NULL text of length 0 is an empty request: the request's own error. */
    assert_int_equal(retour_evaluator_evaluate_json(&out, &len, f->ev, NULL, 0,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, &f->err),
                     RETOUR_ESCHEMA);
    assert_string_equal(f->err.file, "<request>");
}

/* The output lives in the evaluator until the next call; the next call replaces it. */
static void test_evaluator_output_lifetime(void **state)
{
    fixture *f = *state;
    const char *a = NULL, *b = NULL;
    assert_int_equal(retour_evaluator_evaluate_json(&a, NULL, f->ev, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_VERDICT,
                                                    RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_string_equal(a, phone_verdict);
    assert_int_equal(retour_evaluator_evaluate_json(&b, NULL, f->ev, phone_json,
                                                    sizeof phone_json - 1, RETOUR_JSON_COMPACT,
                                                    RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_string_equal(b, phone_compact);
}

/* ------------------------------------------------------------------------------------
 * evaluate_many
 * ---------------------------------------------------------------------------------- */

static void test_evaluate_many(void **state)
{
    fixture *f = *state;
    /* Four requests one after another: JSON, a bad price, YAML, JSON again. */
    const char *parts[] = { phone_json, bad_price, phone_yaml, phone_json };
    size_t lengths[4];
    char texts[2048] = "";
    for (size_t i = 0; i < 4; i++) {
        lengths[i] = strlen(parts[i]);
        strcat(texts, parts[i]);
    }
    const char *out = NULL;
    size_t len = 0, failed = 99;
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, texts, lengths,
                                                    4, RETOUR_JSON_VERDICT, RETOUR_LANG_EN,
                                                    &f->err),
                     RETOUR_OK);
    assert_int_equal(failed, 1);
    char want[4096];
    strcpy(want, phone_verdict);
    strcat(want, "\n");
    strcat(want, bad_price_line);
    strcat(want, "\n");
    strcat(want, phone_verdict);
    strcat(want, "\n");
    strcat(want, phone_verdict);
    strcat(want, "\n");
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));

    /* The compact form, line by line as evaluate_json writes it. */
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, NULL, f->ev, texts, lengths, 4,
                                                    RETOUR_JSON_COMPACT, RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    strcpy(want, phone_compact);
    strcat(want, "\n");
    strcat(want, bad_price_line);
    strcat(want, "\n");
    strcat(want, phone_compact);
    strcat(want, "\n");
    strcat(want, phone_compact);
    strcat(want, "\n");
    assert_string_equal(out, want);

    /* Many requests: the buffer grows to hold every line (about 1.5 MB here). */
    enum { MANY = 1000 };
    size_t *lens = malloc(MANY * sizeof *lens);
    char *all = malloc(MANY * sizeof phone_json);
    assert_non_null(lens);
    assert_non_null(all);
    for (size_t i = 0; i < MANY; i++) {
        lens[i] = sizeof phone_json - 1;
        memcpy(all + i * lens[i], phone_json, lens[i]);
    }
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, all, lens, MANY,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_int_equal(failed, 0);
    assert_int_equal(len, MANY * (strlen(phone_full) + 1));
    assert_memory_equal(out + (MANY - 1) * (strlen(phone_full) + 1), phone_full,
                        strlen(phone_full));
    free(all);
    free(lens);

    /* No requests: an empty text. */
    failed = 99;
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, NULL, NULL, 0,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, &f->err),
                     RETOUR_OK);
    assert_string_equal(out, "");
    assert_int_equal(len, 0);
    assert_int_equal(failed, 0);
    /* Empty requests (NULL texts, lengths 0) are each an error line. */
    size_t zero[2] = { 0, 0 };
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, NULL, zero, 2,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, &f->err),
                     RETOUR_OK);
    assert_int_equal(failed, 2);
    assert_non_null(strstr(out, "{\"error\":{\"code\":-5,\"file\":\"<request>\""));
}

static void test_evaluate_many_bad_arguments(void **state)
{
    fixture *f = *state;
    const char *out = (const char *)&out;
    size_t len = 77, failed = 77;
    size_t lengths[1] = { sizeof phone_json - 1 };
    stale(&f->err);
    assert_int_equal(retour_evaluator_evaluate_many(NULL, &len, &failed, f->ev, phone_json,
                                                    lengths, 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_EINVAL);
    assert_non_null(strstr(f->err.message, "retour_evaluator_evaluate_many"));
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, NULL, phone_json,
                                                    lengths, 1, RETOUR_JSON_FULL,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, phone_json,
                                                    NULL, 1, RETOUR_JSON_FULL, RETOUR_LANG_EN,
                                                    &f->err),
                     RETOUR_EINVAL);
    assert_string_equal(f->err.message,
                        "retour_evaluator_evaluate_many: lengths must not be NULL");
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, NULL, lengths,
                                                    1, RETOUR_JSON_FULL, RETOUR_LANG_EN,
                                                    &f->err),
                     RETOUR_EINVAL);
    assert_string_equal(f->err.message,
                        "retour_evaluator_evaluate_many: texts must not be NULL");
    size_t huge[2] = { SIZE_MAX, 2 };
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, phone_json, huge,
                                                    2, RETOUR_JSON_FULL, RETOUR_LANG_EN,
                                                    &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, phone_json,
                                                    lengths, 1, (retour_json_form)3,
                                                    RETOUR_LANG_EN, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, f->ev, phone_json,
                                                    lengths, 1, RETOUR_JSON_FULL,
                                                    (retour_lang)2, NULL),
                     RETOUR_EINVAL);
    assert_ptr_equal(out, (const char *)&out);
    assert_int_equal(len, 77);
    assert_int_equal(failed, 77);
}

/* ------------------------------------------------------------------------------------
 * No allocation once warm
 * ---------------------------------------------------------------------------------- */

static long calls;
static void *count_malloc(void *ctx, size_t n) { (void)ctx; calls++; return malloc(n); }
static void *count_realloc(void *ctx, void *p, size_t n) { (void)ctx; calls++; return realloc(p, n); }
static void count_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_warm_evaluator_allocates_nothing(void **state)
{
    fixture *f = *state;
    retour_allocator counting = { count_malloc, count_realloc, count_free, NULL };
    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.allocator = &counting;
    retour_evaluator *ev = NULL;
    assert_int_equal(retour_evaluator_new(&ev, f->policy, &opts), RETOUR_OK);
    const char *out;
    size_t lengths[3] = { sizeof phone_json - 1, sizeof bad_price - 1, sizeof phone_json - 1 };
    char texts[1024];
    strcpy(texts, phone_json);
    strcat(texts, bad_price);
    strcat(texts, phone_json);
    for (int form = 0; form < RETOUR_JSON_FORM__COUNT; form++) {
        /* Warm-up, then not one allocation: one request, a batch, an error. */
        assert_int_equal(retour_evaluator_evaluate_json(&out, NULL, ev, phone_json,
                                                        sizeof phone_json - 1,
                                                        (retour_json_form)form, RETOUR_LANG_EN,
                                                        NULL),
                         RETOUR_OK);
        assert_int_equal(retour_evaluator_evaluate_many(&out, NULL, NULL, ev, texts, lengths, 3,
                                                        (retour_json_form)form, RETOUR_LANG_NL,
                                                        NULL),
                         RETOUR_OK);
        long before = calls;
        for (int i = 0; i < 3; i++) {
            assert_int_equal(retour_evaluator_evaluate_json(&out, NULL, ev, phone_json,
                                                            sizeof phone_json - 1,
                                                            (retour_json_form)form,
                                                            RETOUR_LANG_EN, NULL),
                             RETOUR_OK);
            assert_int_equal(retour_evaluator_evaluate_json(&out, NULL, ev, bad_price,
                                                            sizeof bad_price - 1,
                                                            (retour_json_form)form,
                                                            RETOUR_LANG_EN, NULL),
                             RETOUR_ERANGE);
            assert_int_equal(retour_evaluator_evaluate_many(&out, NULL, NULL, ev, texts,
                                                            lengths, 3, (retour_json_form)form,
                                                            RETOUR_LANG_NL, NULL),
                             RETOUR_OK);
        }
        assert_int_equal(calls, before);
    }
    retour_evaluator_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_of_a_decision),
        cmocka_unit_test(test_verdict_form_nulls),
        cmocka_unit_test(test_evaluate_json_reads_both),
        cmocka_unit_test(test_evaluate_json_errors),
        cmocka_unit_test(test_evaluator_new_and_free),
        cmocka_unit_test(test_evaluator_forms),
        cmocka_unit_test(test_evaluator_errors),
        cmocka_unit_test(test_evaluator_output_lifetime),
        cmocka_unit_test(test_evaluate_many),
        cmocka_unit_test(test_evaluate_many_bad_arguments),
        cmocka_unit_test(test_warm_evaluator_allocates_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
