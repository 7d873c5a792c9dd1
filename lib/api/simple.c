/* The one-call API for bindings: request text in, decision JSON out. */
#include "base/alloc.h"
#include "base/error.h"
#include "policy/policy.h"

#include <string.h>

/* Strings handed to callers remember their allocator just before the text. */
typedef struct string_header {
    const retour_allocator *allocator;
    size_t pad; /* keeps the text 16-byte aligned on LP64 */
} string_header;

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
    retour_request *request = NULL;
    retour_decision *decision = NULL;
    int rc = retour_request_parse(&request, policy, request_text, request_len, "<request>",
                                  &opts, err);
    if (rc == RETOUR_OK && (rc = retour_decision_new(&decision, &opts)))
        retour__fail(err, rc, NULL, NULL, "%s", retour_strerror(rc));
    if (rc == RETOUR_OK)
        rc = retour_evaluate(decision, policy, request, err);
    if (rc == RETOUR_OK) {
        long n = retour_decision_to_json(decision, lang, NULL, 0);
        string_header *h = n < 0 ? NULL
                                 : retour__malloc(policy->allocator, sizeof *h + (size_t)n + 1);
        if (h == NULL) {
            rc = retour__fail(err, n < 0 ? (int)n : RETOUR_ENOMEM, NULL, NULL, "out of memory");
        } else {
            h->allocator = policy->allocator;
            char *text = (char *)(h + 1);
            retour_decision_to_json(decision, lang, text, (size_t)n + 1);
            *out = text;
            if (len)
                *len = (size_t)n;
        }
    }
    retour_decision_free(decision);
    retour_request_free(request);
    return rc;
}

void retour_string_free(char *str)
{
    if (str == NULL)
        return;
    string_header *h = (string_header *)str - 1;
    retour__free(h->allocator, h);
}
