/* The words for the public enums' values, as requests, policies and decisions write them:
 * both the policy reader (goodwill causes) and the request readers use them. */
#include "base/names.h"

const char *const retour__packaging_names[RETOUR_PACKAGING__COUNT] = {
    "unknown", "sealed", "opened", "damaged", "missing"
};
const char *const retour__cause_names[RETOUR_CAUSE__COUNT] = {
    "unknown", "defect", "wear", "misuse", "accident"
};
const char *const retour__remedy_names[RETOUR_REMEDY__COUNT] = {
    "none", "repair", "replace", "refund", "price_reduction", "store_credit", "exchange",
    "partial_refund", "repair_discount"
};

const char *const retour__requirement_names[RETOUR__REQ__COUNT] = {
    "form", "invoice", "original_receipt", "return_number", "registered_post", "prior_consent",
    "account", "photos", "original_packaging", "written"
};

const char *const retour__refund_method_names[RETOUR__METHOD__COUNT] = {
    "original_payment", "consumer_choice", "store_credit", "voucher"
};

const char *retour_cause_name(retour_cause cause)
{
    return (unsigned)cause < RETOUR_CAUSE__COUNT ? retour__cause_names[cause] : "";
}

const char *retour_remedy_name(retour_remedy remedy)
{
    return (unsigned)remedy < RETOUR_REMEDY__COUNT ? retour__remedy_names[remedy] : "";
}
