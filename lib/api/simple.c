/* The one-call API for bindings: request text in, decision JSON out. JSON is read by the
 * direct reader, YAML by libyaml (api/evaluator.c decides which); the decision is written
 * once, into the string handed to the caller. An evaluator (evaluator.c) does the same
 * without allocating per call. */
#include "api/evaluator.h"
#include "base/alloc.h"
#include "decision/decision.h"
#include "base/error.h"
#include "policy/policy.h"

#include <string.h>

/* Strings handed to callers remember their allocator just before the text. */
typedef struct string_header {
    const retour_allocator *allocator;
    size_t pad; /* keeps the text 16-byte aligned on LP64 */
} string_header;

/* The first guess at a decision's size: a one-item decision is about 1.2 KB. */
#define FIRST_GUESS 2048

/* The decision's JSON in a string of its own; NULL when out of memory. */
static char *json_string(const retour_decision *decision, const retour_allocator *a,
                         retour_lang lang, size_t *len)
{
    size_t cap = FIRST_GUESS;
    string_header *h = retour__malloc(a, sizeof *h + cap);
    if (h == NULL)
        return NULL;
    long n = retour_decision_to_json(decision, lang, (char *)(h + 1), cap);
    if (n >= 0 && (size_t)n >= cap) {
        string_header *bigger = retour__realloc(a, h, sizeof *h + (size_t)n + 1);
        if (bigger == NULL) {
            retour__free(a, h);
            return NULL;
        }
        h = bigger;
        n = retour_decision_to_json(decision, lang, (char *)(h + 1), (size_t)n + 1);
    }
    if (n < 0) {
        retour__free(a, h);
        return NULL;
    }
    h->allocator = a;
    *len = (size_t)n;
    return (char *)(h + 1);
}

int retour_evaluate_json(char **out, size_t *len, const retour_policy *policy,
                         const char *request_text, size_t request_len, retour_lang lang,
                         retour_error *err)
{
    retour__error_clear(err);
    if (out == NULL || !RETOUR__POLICY_OK(policy) || (request_text == NULL && request_len) ||
        (unsigned)lang >= RETOUR_LANG__COUNT)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluate_json: out and policy must not be NULL");
    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.allocator = policy->allocator;
    /* The request and the decision live on the stack: only their buffers are allocated. */
    retour_request request;
    retour_decision decision;
    retour_request *yaml = NULL;
    retour__request_init(&request, RETOUR_REQUEST_WITHDRAWAL, &opts);
    retour__decision_init(&decision, policy->allocator);
    int rc = retour__request_read_text(&request, &yaml, policy, request_text, request_len,
                                       &opts, err);
    if (rc == RETOUR_OK)
        rc = retour_evaluate(&decision, policy, yaml ? yaml : &request, err);
    if (rc == RETOUR_OK) {
        size_t n = 0;
        char *text = json_string(&decision, policy->allocator, lang, &n);
        if (text == NULL) {
            rc = retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        } else {
            *out = text;
            if (len)
                *len = n;
        }
    }
    retour__decision_release(&decision);
    retour_request_free(yaml);
    retour__request_release(&request);
    return rc;
}

void retour_string_free(char *str)
{
    if (str == NULL)
        return;
    string_header *h = (string_header *)str - 1;
    retour__free(h->allocator, h);
}
