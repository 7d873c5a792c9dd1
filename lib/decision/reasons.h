/* Reason codes: the stable snake_case ids decisions carry, and their message templates. */
#ifndef RETOUR_REASONS_H
#define RETOUR_REASONS_H

#include "retour.h"

typedef enum retour__code {
    RETOUR__R_WITHIN_WITHDRAWAL_PERIOD,
    RETOUR__R_WITHDRAWAL_PERIOD_EXTENDED,
    RETOUR__R_WITHIN_SHOP_PERIOD,
    RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED,
    RETOUR__R_EXCLUDED_SERVICES_PERFORMED,
    RETOUR__R_EXCLUDED_PRICE_FLUCTUATION,
    RETOUR__R_EXCLUDED_PERSONALISED,
    RETOUR__R_EXCLUDED_PERISHABLE,
    RETOUR__R_EXCLUDED_UNSEALED_HYGIENE,
    RETOUR__R_EXCLUDED_MIXED_GOODS,
    RETOUR__R_EXCLUDED_ALCOHOL_FUTURE_DELIVERY,
    RETOUR__R_EXCLUDED_URGENT_REPAIRS,
    RETOUR__R_EXCLUDED_UNSEALED_MEDIA,
    RETOUR__R_EXCLUDED_NEWSPAPER,
    RETOUR__R_EXCLUDED_PUBLIC_AUCTION,
    RETOUR__R_EXCLUDED_DATED_SERVICE,
    RETOUR__R_EXCLUDED_DIGITAL_CONTENT,
    RETOUR__R_SEAL_INTACT,
    RETOUR__R_PACKAGING_STATE_UNKNOWN,
    RETOUR__R_EXCLUSION_WAIVED,
    RETOUR__R_EXCLUDED_BY_SHOP,
    RETOUR__R_PACKAGING_OPENED_ALLOWED,
    RETOUR__R_DAMAGED_DEDUCTION,
    RETOUR__R_DAMAGED_REVIEW,
    RETOUR__R_DAMAGED_ACCEPTED,
    RETOUR__R_MISSING_PACKAGING_DEDUCTION,
    RETOUR__R_MISSING_PACKAGING_REVIEW,
    RETOUR__R_MISSING_PACKAGING_ACCEPTED,
    RETOUR__R_DEDUCTION_WAIVED_NOT_INFORMED,
    RETOUR__R_OUTBOUND_SHIPPING_REFUNDED,
    RETOUR__R_OUTBOUND_SHIPPING_NOT_REFUNDED,
    RETOUR__R_REFUND_DEADLINE_CAPPED,
    RETOUR__R_RETURN_PERIOD_EXTENDED,
    RETOUR__R_PRESUMED_DEFECT,
    RETOUR__R_INSPECTION_REQUIRED,
    RETOUR__R_EVIDENCE_REQUIRED,
    RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION, /* same code, for guarantees without one */
    RETOUR__R_DEFECT_CONFIRMED,
    RETOUR__R_GUARANTEE_EXPIRED,
    RETOUR__R_WITHIN_COMMERCIAL_GUARANTEE,
    RETOUR__R_CUSTOMER_CAUSED_DAMAGE,
    RETOUR__R_WEAR_WITHIN_LIFESPAN,
    RETOUR__R_WEAR_BEYOND_LIFESPAN,
    RETOUR__R_REMEDY_CONSUMER_CHOICE,
    RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST,
    RETOUR__R_REMEDY_AFTER_FAILED_REPAIR,
    RETOUR__R_SHORT_TERM_REJECT,
    RETOUR__R_PRICE_REDUCTION_TO_AGREE,
    RETOUR__R_GOODWILL_RULE,
    RETOUR__R_FREQUENT_CLAIMS,
    RETOUR__R_HIGH_AMOUNT,
    RETOUR__R_POLICY_BELOW_LEGAL_FLOOR,
    RETOUR__R_FLOOR_NOT_RETURNABLE, /* same code, for a category's returnable: false */
    RETOUR__R_RESTOCKING_FEE_DEDUCTED,
    RETOUR__R_OPENED_PACKAGING_DEDUCTION,
    RETOUR__R_OPENED_PACKAGING_REFUSED,
    RETOUR__R_DAMAGED_REFUSED,
    RETOUR__R_MISSING_PACKAGING_REFUSED,
    /* deadline_moved_to_working_day, one template per deadline: {date2} the last day as
     * counted, {date} the working day it moved to */
    RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY,
    RETOUR__R_RETURN_BY_MOVED_TO_WORKING_DAY,
    RETOUR__R_REFUND_BY_MOVED_TO_WORKING_DAY,
    RETOUR__R_CONTRACT_DATE_ASSUMED,   /* {date}: the stand-in day, {name}: the law in force */
    RETOUR__R_CONSUMER_COUNTRY_LAW,    /* {name}: the consumer's country, {other}: the policy's
                                        * jurisdiction, {figures}: what the first gave */
    /* category_not_listed, one template per situation: the item names a category the
     * policy does not list ({category}), and the default category ({name}) decides, or
     * the policy has none; _LETTER_CASE: a listed name differs from it only in letter
     * case; _ID: a case's category id, which has no name to show */
    RETOUR__R_CATEGORY_NOT_LISTED,
    RETOUR__R_CATEGORY_NOT_LISTED_NO_DEFAULT,
    RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE,
    RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE_NO_DEFAULT,
    RETOUR__R_CATEGORY_ID_NOT_LISTED,
    RETOUR__R_CATEGORY_ID_NOT_LISTED_NO_DEFAULT,
    /* The clauses real shops write (issue 19). Variants share their code's name: the
     * shop's window counted in working days, or judged by the day the goods were sent or
     * received (withdrawal.timely_when); return and refund days counted in working days. */
    RETOUR__R_WITHIN_SHOP_PERIOD_WORKING_DAYS,
    RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_SENT,
    RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_RECEIVED,
    RETOUR__R_PERIOD_EXPIRED_GOODS_SENT,
    RETOUR__R_PERIOD_EXPIRED_GOODS_RECEIVED,
    RETOUR__R_RETURN_PERIOD_EXTENDED_WORKING_DAYS, /* {days} {date2}: the policy's; {date} */
    RETOUR__R_REFUND_DEADLINE_CAPPED_WORKING_DAYS, /* {days} {date2}: the policy's; {date} */
    /* refund_after_goods_received: the shop's own window counts the refund from the day it
     * received the goods ({date2}) to {date}; _UNKNOWN: the request does not give that day */
    RETOUR__R_REFUND_AFTER_GOODS_RECEIVED,
    RETOUR__R_REFUND_AFTER_GOODS_RECEIVED_UNKNOWN,
    /* restocking_fee_deducted when a percentage was raised to the fee's minimum or lowered
     * to its maximum ({percent} the percentage, {amount} the fee) */
    RETOUR__R_RESTOCKING_FEE_MINIMUM,
    RETOUR__R_RESTOCKING_FEE_MAXIMUM,
    /* requirement_missing: the shop's terms require {requirement} (withdrawal.requires),
     * which the request does not show; _ITEM: an item came back without it */
    RETOUR__R_REQUIREMENT_MISSING,
    RETOUR__R_REQUIREMENT_MISSING_ITEM,
    /* notice_late: the defect noticed on {date2} was to be reported within {days} months,
     * by {date} (complaints.notice_within_months, where the law allows a duty) */
    RETOUR__R_NOTICE_LATE,
    /* requirement_missing for a complaint: the shop's terms ask for {requirement} under
     * its own guarantee (complaints.notice_form) */
    RETOUR__R_REQUIREMENT_MISSING_COMPLAINT,
    /* withdrawal_information_wrong: the terms state a period of {days} days (_WORKING_DAYS:
     * working days), shorter than the law's {days2}: not informed, the period runs to
     * {date} (art. 6(1)(h), 10) */
    RETOUR__R_WITHDRAWAL_INFORMATION_WRONG,
    RETOUR__R_WITHDRAWAL_INFORMATION_WRONG_WORKING_DAYS,
    RETOUR__R__COUNT
} retour__code;

/* The parameters a message may use. */
typedef struct retour__params {
    retour_date date;       /* {date}: a deadline */
    retour_date date2;      /* {date2}: the notification day */
    int days;               /* {days} */
    int days2;              /* {days2}; for consumer_country_law the RETOUR__FIG_* bits
                             * of {figures} (law/figures.h) */
    int64_t amount;         /* {amount}, in the currency */
    int32_t basis_points;   /* {percent} */
    const char *category;   /* {category} */
    const char *name;       /* {name}: a rule, a remedy or a cause */
    const char *other;      /* {other}: a second name (a jurisdiction) */
    retour_remedy grant;    /* {remedy}: a remedy or grant in words, with {percent} */
    retour_cause cause;     /* {cause}: what caused damage in words (unknown: admitted) */
    int requirement;        /* {requirement}: a retour__requirement in words */
} retour__params;

const char *retour__code_name(retour__code code);
/* The table behind retour__code_name(), for the evaluator's hot path. */
extern const char *const retour__code_names[RETOUR__R__COUNT];

/* 1 for the codes that give or confirm an outcome (retour_decision_deciding_reason). */
extern const unsigned char retour__code_decides[RETOUR__R__COUNT];


#endif
