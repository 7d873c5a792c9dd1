/* Fuzz target: a policy and a request from one input, split at the first separator line
 * (FUZZ_SEPARATOR), then evaluation and the decision's JSON and messages. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include <retour.h>

#define FUZZ_SEPARATOR "\n--- request ---\n"

/* Every output of a decision, in both languages, checked against its measured length. */
static void render(const retour_decision *decision)
{
    for (int lang = 0; lang < RETOUR_LANG__COUNT; lang++) {
        long n = retour_decision_to_json(decision, (retour_lang)lang, NULL, 0);
        FUZZ_CHECK(n > 0);
        char *json = malloc((size_t)n + 1);
        FUZZ_CHECK(json != NULL);
        FUZZ_CHECK(retour_decision_to_json(decision, (retour_lang)lang, json, (size_t)n + 1) == n);
        FUZZ_CHECK(strlen(json) == (size_t)n && json[0] == '{' && json[n - 1] == '}');
        /* Truncation writes a NUL-terminated prefix and still reports the full length. */
        char small[8];
        FUZZ_CHECK(retour_decision_to_json(decision, (retour_lang)lang, small, sizeof small) == n);
        FUZZ_CHECK(memcmp(small, json, strlen(small)) == 0);
        free(json);
        for (size_t i = 0; i < retour_decision_reason_count(decision); i++) {
            char msg[64];
            FUZZ_CHECK(retour_decision_reason(decision, i) != NULL);
            FUZZ_CHECK(retour_decision_reason_message(decision, i, (retour_lang)lang, msg,
                                                      sizeof msg) >= 0);
        }
    }
}

/* Two decisions write the same JSON, in both languages. */
static void same_json(const retour_decision *a, const retour_decision *b)
{
    for (int lang = 0; lang < RETOUR_LANG__COUNT; lang++) {
        long n = retour_decision_to_json(a, (retour_lang)lang, NULL, 0);
        FUZZ_CHECK(n > 0);
        char *x = malloc((size_t)n + 1), *y = malloc((size_t)n + 1);
        FUZZ_CHECK(x != NULL && y != NULL);
        retour_decision_to_json(a, (retour_lang)lang, x, (size_t)n + 1);
        FUZZ_CHECK(retour_decision_to_json(b, (retour_lang)lang, y, (size_t)n + 1) == n);
        FUZZ_CHECK(strcmp(x, y) == 0);
        free(x);
        free(y);
    }
}

/* Each traced step: a rule, a known item, a policy line only with the policy's file, and a
 * message in both languages that fits the length measured. */
static void check_step(void *ctx, const retour_trace_event *e)
{
    size_t items = *(const size_t *)ctx;
    FUZZ_CHECK(e->rule != NULL && e->rule[0] != '\0');
    FUZZ_CHECK(e->item >= -1 && (e->item < 0 || (size_t)e->item < items));
    FUZZ_CHECK(e->matched == 0 || e->matched == 1);
    FUZZ_CHECK((e->source_file != NULL) == (e->source_line > 0));
    for (int lang = 0; lang < RETOUR_LANG__COUNT; lang++) {
        char msg[32];
        int n = retour_trace_event_message(e, (retour_lang)lang, NULL, 0);
        FUZZ_CHECK(n > 0);
        FUZZ_CHECK(retour_trace_event_message(e, (retour_lang)lang, msg, sizeof msg) == n);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *sep = NULL;
    size_t seplen = sizeof FUZZ_SEPARATOR - 1;
    for (size_t i = 0; size >= seplen && i <= size - seplen && sep == NULL; i++)
        if (memcmp(text + i, FUZZ_SEPARATOR, seplen) == 0)
            sep = text + i;
    if (sep == NULL)
        return 0;
    size_t policy_len = (size_t)(sep - text) + 1; /* keep the policy's last newline */
    const char *request_text = sep + seplen;
    size_t request_len = size - (size_t)(request_text - text);

    retour_policy *policy = NULL;
    retour_request *request = NULL;
    retour_decision *decision = NULL;
    retour_error err;
    int rc = retour_policy_load_string(&policy, text, policy_len, "policy.yaml", NULL, &err);
    if (rc != RETOUR_OK) {
        retour_fuzz_check_error(rc, &err);
        return 0;
    }
    rc = retour_request_parse(&request, policy, request_text, request_len, "request.yaml", NULL,
                              &err);
    if (rc != RETOUR_OK) {
        retour_fuzz_check_error(rc, &err);
        retour_policy_free(policy);
        return 0;
    }
    FUZZ_CHECK(retour_decision_new(&decision, NULL) == RETOUR_OK);
    rc = retour_evaluate(decision, policy, request, &err);
    /* A traced evaluation runs the reference evaluator, which any fast path in
     * retour_evaluate() must match: the same code, error and decision. */
    retour_decision *traced = NULL;
    retour_error traced_err;
    FUZZ_CHECK(retour_decision_new(&traced, NULL) == RETOUR_OK);
    size_t items = retour_request_item_count(request);
    FUZZ_CHECK(retour_evaluate_traced(traced, policy, request, check_step, &items,
                                      &traced_err) == rc);
    if (rc == RETOUR_OK) {
        same_json(decision, traced);
    } else {
        FUZZ_CHECK(traced_err.code == err.code);
        FUZZ_CHECK(strcmp(traced_err.path, err.path) == 0);
        FUZZ_CHECK(strcmp(traced_err.message, err.message) == 0);
    }
    retour_decision_free(traced);
    /* The request may go first: the decision keeps what it shows. */
    retour_request_free(request);
    if (rc != RETOUR_OK) {
        retour_fuzz_check_error(rc, &err);
        FUZZ_CHECK(retour_decision_item_count(decision) == 0);
    } else {
        FUZZ_CHECK((unsigned)retour_decision_outcome(decision) < RETOUR_OUTCOME__COUNT);
        FUZZ_CHECK(retour_decision_refund(decision) >= 0);
        render(decision);
    }
    /* The simple API must agree with the step-by-step one. */
    char *json = NULL;
    size_t len = 0;
    int rc2 = retour_evaluate_json(&json, &len, policy, request_text, request_len, RETOUR_LANG_EN,
                                   NULL);
    FUZZ_CHECK(rc2 == rc);
    if (rc2 == RETOUR_OK) {
        long n = retour_decision_to_json(decision, RETOUR_LANG_EN, NULL, 0);
        FUZZ_CHECK(n >= 0 && (size_t)n == len);
        retour_string_free(json);
    }
    retour_decision_free(decision);
    retour_policy_free(policy);
    return 0;
}
