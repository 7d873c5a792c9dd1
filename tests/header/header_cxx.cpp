// The public header is usable from C++: extern "C" linkage and no C-only constructs.
#include <retour.h>

int main()
{
    static const char text[] = "retour: 1\njurisdiction: EU\ncurrency: EUR\n";
    retour_options options = RETOUR_OPTIONS_INIT;
    retour_policy *policy = nullptr;
    int rc = retour_policy_load_string(&policy, text, sizeof text - 1, "cxx.yaml", &options,
                                       nullptr);
    retour_policy_free(policy);
    return rc == RETOUR_OK ? 0 : 1;
}
