/* Fuzz target: the `retour test` cases parser (retour_suite_run) on arbitrary bytes,
 * against the example jeweller's policy, which has complaints, goodwill and review rules. */
#include "fuzz.h"

#include <string.h>

#include <retour.h>

static const char policy_text[] =
    "retour: 1\n"
    "jurisdiction: NL\n"
    "currency: EUR\n"
    "withdrawal: { days: 30 }\n"
    "packaging: { damaged: deduct 10%, missing: review }\n"
    "categories:\n"
    "  jewellery: { lifespan_months: 36, inspection: required }\n"
    "  earrings: { exclusion: hygiene_sealed }\n"
    "  engraved: { exclusion: personalised }\n"
    "default_category: jewellery\n"
    "complaints: { guarantee_months: 30, remedy: repair }\n"
    "goodwill:\n"
    "  - { name: late, when: { type: withdrawal, max_days_late: 16 }, grant: refund }\n"
    "  - { name: oops, when: { cause: [accident] }, grant: repair_discount 50% }\n"
    "review: { claims_last_year: 3, amount: \"1000.00\" }\n";

static const retour_policy *fixed_policy(void)
{
    static retour_policy *policy;
    return retour_fuzz_fixed_policy(&policy, policy_text, sizeof policy_text - 1);
}

/* Every report is complete and consistent with its verdict. */
static void check_report(const retour_case_report *c, void *ctx)
{
    size_t *count = ctx;
    FUZZ_CHECK(c->name != NULL && c->failure != NULL && c->index == *count);
    FUZZ_CHECK(c->passed == (c->failure[0] == '\0'));
    FUZZ_CHECK((c->decision == NULL) != (c->error == NULL));
    if (c->decision) {
        long n = retour_decision_to_json(c->decision, RETOUR_LANG_NL, NULL, 0);
        FUZZ_CHECK(n > 0);
    }
    (*count)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t count = 0, failed = 0;
    retour_error err;
    int rc = retour_suite_run(fixed_policy(), (const char *)data, size, "fuzz.yaml",
                              RETOUR_DATE_NONE, check_report, &count, &failed, &err);
    if (rc != RETOUR_OK) {
        retour_fuzz_check_error(rc, &err);
        return 0;
    }
    FUZZ_CHECK(failed <= count);
    return 0;
}
