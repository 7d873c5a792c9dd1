/* Fuzz target: the policy loader and the checker (schema and legal lint) on arbitrary
 * bytes. The two must agree: text the loader refuses has check errors; every diagnostic is
 * complete, and a lint finding names its article and a fix. */
#include "fuzz.h"

#include <string.h>

#include <retour.h>

static int inspect(void *ctx, const retour_diagnostic *d)
{
    (void)ctx;
    FUZZ_CHECK(d->code && d->code[0] && d->message && d->message[0] && d->path && d->file);
    FUZZ_CHECK((int)d->severity >= 0 && d->severity < RETOUR_SEVERITY__COUNT);
    FUZZ_CHECK((d->law == NULL) == (d->fix == NULL));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    retour_policy *policy = NULL;
    retour_error err;
    int rc = retour_policy_load_string(&policy, (const char *)data, size, "fuzz.yaml", NULL,
                                       &err);
    retour_options options = RETOUR_OPTIONS_INIT;
    options.lang = size % 2 ? RETOUR_LANG_NL : RETOUR_LANG_EN;
    retour_error cerr;
    int errors = retour_policy_check((const char *)data, size, "fuzz.yaml", &options, inspect,
                                     NULL, &cerr);
    FUZZ_CHECK(errors >= 0);
    if (rc != RETOUR_OK) {
        FUZZ_CHECK(policy == NULL);
        FUZZ_CHECK(errors > 0);
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
