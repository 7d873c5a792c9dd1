/* Fuzz target: the policy loader on arbitrary bytes. */
#include "fuzz.h"

#include <string.h>

#include <retour.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    retour_policy *policy = NULL;
    retour_error err;
    int rc = retour_policy_load_string(&policy, (const char *)data, size, "fuzz.yaml", NULL,
                                       &err);
    if (rc != RETOUR_OK) {
        FUZZ_CHECK(policy == NULL);
        retour_fuzz_check_error(rc, &err);
        return 0;
    }
    FUZZ_CHECK(policy != NULL && err.code == RETOUR_OK);
    FUZZ_CHECK(strlen(retour_policy_currency(policy)) == 3);
    FUZZ_CHECK(retour_policy_currency_decimals(policy) >= 0);
    (void)strlen(retour_policy_shop(policy));
    (void)strlen(retour_policy_jurisdiction(policy));
    retour_policy_free(policy);
    return 0;
}
