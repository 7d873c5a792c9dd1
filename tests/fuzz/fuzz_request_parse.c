/* Fuzz target: the request parser on arbitrary bytes, against one fixed policy that knows
 * every category the example requests use. */
#include "fuzz.h"

#include <string.h>

#include <retour.h>

static const char policy_text[] =
    "retour: 1\n"
    "jurisdiction: NL\n"
    "currency: EUR\n"
    "withdrawal: { days: 30, starts: delivery }\n"
    "packaging: { damaged: deduct 20%, missing: review }\n"
    "categories:\n"
    "  electronics: {}\n"
    "  software: { exclusion: sealed_media }\n"
    "  jewellery: {}\n"
    "  earrings: { exclusion: hygiene_sealed }\n"
    "  engraved: { exclusion: personalised }\n"
    "  sale: { returnable: false }\n"
    "default_category: electronics\n";

static const retour_policy *fixed_policy(void)
{
    static retour_policy *policy;
    return retour_fuzz_fixed_policy(&policy, policy_text, sizeof policy_text - 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const retour_policy *policy = fixed_policy();
    retour_request *request = NULL;
    retour_error err;
    int rc = retour_request_parse(&request, policy, (const char *)data, size, "fuzz.yaml", NULL,
                                  &err);
    if (rc != RETOUR_OK) {
        FUZZ_CHECK(request == NULL);
        retour_fuzz_check_error(rc, &err);
        return 0;
    }
    FUZZ_CHECK(request != NULL && err.code == RETOUR_OK);
    FUZZ_CHECK(retour_request_item_count(request) >= 1);
    retour_request_free(request);
    return 0;
}
