/* Stable reason-code names. Never rename one: shops, plugins and CI checks match on them. */
#include "reasons.h"

const char *const retour__code_names[RETOUR__R__COUNT] = {
    [RETOUR__R_WITHIN_WITHDRAWAL_PERIOD] = "within_withdrawal_period",
    [RETOUR__R_WITHDRAWAL_PERIOD_EXTENDED] = "withdrawal_period_extended",
    [RETOUR__R_WITHIN_SHOP_PERIOD] = "within_shop_period",
    [RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED] = "withdrawal_period_expired",
    [RETOUR__R_EXCLUDED_SERVICES_PERFORMED] = "excluded_services_performed",
    [RETOUR__R_EXCLUDED_PRICE_FLUCTUATION] = "excluded_price_fluctuation",
    [RETOUR__R_EXCLUDED_PERSONALISED] = "excluded_personalised",
    [RETOUR__R_EXCLUDED_PERISHABLE] = "excluded_perishable",
    [RETOUR__R_EXCLUDED_UNSEALED_HYGIENE] = "excluded_unsealed_hygiene",
    [RETOUR__R_EXCLUDED_MIXED_GOODS] = "excluded_mixed_goods",
    [RETOUR__R_EXCLUDED_ALCOHOL_FUTURE_DELIVERY] = "excluded_alcohol_future_delivery",
    [RETOUR__R_EXCLUDED_URGENT_REPAIRS] = "excluded_urgent_repairs",
    [RETOUR__R_EXCLUDED_UNSEALED_MEDIA] = "excluded_unsealed_media",
    [RETOUR__R_EXCLUDED_NEWSPAPER] = "excluded_newspaper",
    [RETOUR__R_EXCLUDED_PUBLIC_AUCTION] = "excluded_public_auction",
    [RETOUR__R_EXCLUDED_DATED_SERVICE] = "excluded_dated_service",
    [RETOUR__R_EXCLUDED_DIGITAL_CONTENT] = "excluded_digital_content",
    [RETOUR__R_SEAL_INTACT] = "seal_intact",
    [RETOUR__R_PACKAGING_STATE_UNKNOWN] = "packaging_state_unknown",
    [RETOUR__R_EXCLUSION_WAIVED] = "exclusion_waived",
    [RETOUR__R_EXCLUDED_BY_SHOP] = "excluded_by_shop",
    [RETOUR__R_PACKAGING_OPENED_ALLOWED] = "packaging_opened_allowed",
    [RETOUR__R_DAMAGED_DEDUCTION] = "damaged_deduction",
    [RETOUR__R_DAMAGED_REVIEW] = "damaged_review",
    [RETOUR__R_DAMAGED_ACCEPTED] = "damaged_accepted",
    [RETOUR__R_MISSING_PACKAGING_DEDUCTION] = "missing_packaging_deduction",
    [RETOUR__R_MISSING_PACKAGING_REVIEW] = "missing_packaging_review",
    [RETOUR__R_MISSING_PACKAGING_ACCEPTED] = "missing_packaging_accepted",
    [RETOUR__R_DEDUCTION_WAIVED_NOT_INFORMED] = "deduction_waived_not_informed",
    [RETOUR__R_OUTBOUND_SHIPPING_REFUNDED] = "outbound_shipping_refunded",
    [RETOUR__R_OUTBOUND_SHIPPING_NOT_REFUNDED] = "outbound_shipping_not_refunded",
    [RETOUR__R_REFUND_DEADLINE_CAPPED] = "refund_deadline_capped",
    [RETOUR__R_RETURN_PERIOD_EXTENDED] = "return_period_extended",
    [RETOUR__R_PRESUMED_DEFECT] = "presumed_defect",
    [RETOUR__R_INSPECTION_REQUIRED] = "inspection_required",
    [RETOUR__R_EVIDENCE_REQUIRED] = "evidence_required",
    [RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION] = "evidence_required",
    [RETOUR__R_DEFECT_CONFIRMED] = "defect_confirmed",
    [RETOUR__R_GUARANTEE_EXPIRED] = "guarantee_expired",
    [RETOUR__R_WITHIN_COMMERCIAL_GUARANTEE] = "within_commercial_guarantee",
    [RETOUR__R_CUSTOMER_CAUSED_DAMAGE] = "customer_caused_damage",
    [RETOUR__R_WEAR_WITHIN_LIFESPAN] = "wear_within_lifespan",
    [RETOUR__R_WEAR_BEYOND_LIFESPAN] = "wear_beyond_lifespan",
    [RETOUR__R_REMEDY_CONSUMER_CHOICE] = "remedy_consumer_choice",
    [RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST] = "remedy_repair_or_replace_first",
    [RETOUR__R_REMEDY_AFTER_FAILED_REPAIR] = "remedy_after_failed_repair",
    [RETOUR__R_SHORT_TERM_REJECT] = "short_term_reject",
    [RETOUR__R_PRICE_REDUCTION_TO_AGREE] = "price_reduction_to_agree",
    [RETOUR__R_GOODWILL_RULE] = "goodwill_rule",
    [RETOUR__R_FREQUENT_CLAIMS] = "frequent_claims",
    [RETOUR__R_HIGH_AMOUNT] = "high_amount",
};

const char *retour__code_name(retour__code code)
{
    if ((unsigned)code >= RETOUR__R__COUNT)
        return "";
    return retour__code_names[code];
}
