/* retour_evaluate_traced(): the events the evaluator's hooks report, and their messages.
 * An event is built on the stack inside a record that also keeps what its message needs,
 * so nothing here allocates. */
#include "rules/trace.h"
#include "decision/messages.h"

#include <string.h>

#define RETOUR__TRACE_MAGIC UINT32_C(0x52545243) /* "RTRC" */

/* The public event first, so the pointer the callback gets leads back to the record. */
typedef struct trace_rec {
    retour_trace_event pub;
    uint32_t magic;
    retour__code code;  /* RETOUR__R__COUNT when the step recorded no reason */
    retour__note note;
    const retour__params *params;
    const retour_policy *policy;
} trace_rec;

static void emit(retour__eval *ev, trace_rec *rec, const char *law, retour__src src)
{
    rec->magic = RETOUR__TRACE_MAGIC;
    rec->policy = ev->p;
    rec->pub.law = law;
    rec->pub.source_file = src.line ? ev->p->file : NULL;
    rec->pub.source_line = src.line;
    rec->pub.source_column = src.column;
    ev->trace->fn(ev->trace->ctx, &rec->pub);
    rec->magic = 0;
}

/* Packaging reasons belong to the damaged or missing rule after the item's packaging. */
static const char *packaging_rule(const retour__eval *ev, long item)
{
    if (item >= 0 && ev->r->items[item].packaging == RETOUR_PACKAGING_MISSING)
        return "packaging.missing";
    return "packaging.damaged";
}

void retour__trace_reason(retour__eval *ev, retour__code code, long item, const char *law,
                          retour__src src, const retour__params *params)
{
    trace_rec rec;
    memset(&rec, 0, sizeof rec);
    rec.pub.rule_index = -1;
    rec.pub.item = item;
    rec.pub.matched = 1;
    rec.pub.reason = retour__code_name(code);
    rec.code = code;
    rec.params = params;
    switch (code) {
    case RETOUR__R_WITHIN_WITHDRAWAL_PERIOD: rec.pub.rule = "withdrawal.period"; break;
    case RETOUR__R_WITHDRAWAL_PERIOD_EXTENDED:
    case RETOUR__R_WITHDRAWAL_INFORMATION_WRONG:
    case RETOUR__R_WITHDRAWAL_INFORMATION_WRONG_WORKING_DAYS:
        rec.pub.rule = "withdrawal.extension";
        break;
    case RETOUR__R_WITHIN_SHOP_PERIOD:
    case RETOUR__R_WITHIN_SHOP_PERIOD_WORKING_DAYS:
    case RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_SENT:
    case RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_RECEIVED:
        rec.pub.rule = "withdrawal.shop_period";
        break;
    case RETOUR__R_PERIOD_EXPIRED_GOODS_SENT:
    case RETOUR__R_PERIOD_EXPIRED_GOODS_RECEIVED:
    case RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED:
        rec.pub.rule = "withdrawal.shop_period";
        rec.pub.matched = 0;
        break;
    case RETOUR__R_SEAL_INTACT:
        rec.pub.rule = "exclusion";
        rec.pub.matched = 0;
        break;
    case RETOUR__R_EXCLUSION_WAIVED: rec.pub.rule = "exclusion.waived"; break;
    case RETOUR__R_EXCLUDED_BY_SHOP: rec.pub.rule = "exclusion.shop"; break;
    case RETOUR__R_PACKAGING_OPENED_ALLOWED:
    case RETOUR__R_OPENED_PACKAGING_DEDUCTION:
    case RETOUR__R_OPENED_PACKAGING_REFUSED:
        rec.pub.rule = "packaging.opened";
        break;
    case RETOUR__R_RESTOCKING_FEE_DEDUCTED:
    case RETOUR__R_RESTOCKING_FEE_MINIMUM:
    case RETOUR__R_RESTOCKING_FEE_MAXIMUM:
        rec.pub.rule = "restocking_fee";
        break;
    case RETOUR__R_REQUIREMENT_MISSING:
    case RETOUR__R_REQUIREMENT_MISSING_ITEM:
        rec.pub.rule = "withdrawal.requires";
        break;
    case RETOUR__R_NOTICE_LATE: rec.pub.rule = "complaint.notice"; break;
    case RETOUR__R_REQUIREMENT_MISSING_COMPLAINT: rec.pub.rule = "complaint.notice_form"; break;
    case RETOUR__R_POLICY_BELOW_LEGAL_FLOOR:
        /* The law sets a clause aside; the clause is named like a goodwill rule. */
        rec.pub.rule = "legal_floor";
        rec.pub.rule_name = params->name;
        break;
    case RETOUR__R_FLOOR_NOT_RETURNABLE:
        rec.pub.rule = "exclusion.shop";
        rec.pub.matched = 0;
        break;
    case RETOUR__R_DAMAGED_DEDUCTION:
    case RETOUR__R_DAMAGED_REVIEW:
    case RETOUR__R_DAMAGED_ACCEPTED:
    case RETOUR__R_MISSING_PACKAGING_DEDUCTION:
    case RETOUR__R_MISSING_PACKAGING_REVIEW:
    case RETOUR__R_MISSING_PACKAGING_ACCEPTED:
    case RETOUR__R_DAMAGED_REFUSED:
    case RETOUR__R_MISSING_PACKAGING_REFUSED:
    case RETOUR__R_DEDUCTION_WAIVED_NOT_INFORMED:
        rec.pub.rule = packaging_rule(ev, item);
        break;
    case RETOUR__R_OUTBOUND_SHIPPING_REFUNDED: rec.pub.rule = "refund.outbound_shipping"; break;
    case RETOUR__R_OUTBOUND_SHIPPING_NOT_REFUNDED:
        rec.pub.rule = "refund.outbound_shipping";
        rec.pub.matched = 0;
        break;
    case RETOUR__R_REFUND_DEADLINE_CAPPED:
    case RETOUR__R_REFUND_DEADLINE_CAPPED_WORKING_DAYS:
        rec.pub.rule = "deadline.refund";
        break;
    case RETOUR__R_RETURN_PERIOD_EXTENDED:
    case RETOUR__R_RETURN_PERIOD_EXTENDED_WORKING_DAYS:
        rec.pub.rule = "deadline.return";
        break;
    case RETOUR__R_REFUND_AFTER_GOODS_RECEIVED:
    case RETOUR__R_REFUND_AFTER_GOODS_RECEIVED_UNKNOWN:
        rec.pub.rule = "deadline.refund_counted_from";
        break;
    case RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY: rec.pub.rule = "deadline.calendar"; break;
    case RETOUR__R_RETURN_BY_MOVED_TO_WORKING_DAY: rec.pub.rule = "deadline.calendar"; break;
    case RETOUR__R_REFUND_BY_MOVED_TO_WORKING_DAY: rec.pub.rule = "deadline.calendar"; break;
    case RETOUR__R_PRESUMED_DEFECT: rec.pub.rule = "complaint.presumption"; break;
    case RETOUR__R_CONTRACT_DATE_ASSUMED: rec.pub.rule = "complaint.contract_date"; break;
    case RETOUR__R_CONSUMER_COUNTRY_LAW: rec.pub.rule = "law.consumer_country"; break;
    case RETOUR__R_EVIDENCE_REQUIRED:
    case RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION:
        rec.pub.rule = "complaint.presumption";
        rec.pub.matched = 0;
        break;
    case RETOUR__R_INSPECTION_REQUIRED: rec.pub.rule = "complaint.inspection"; break;
    case RETOUR__R_DEFECT_CONFIRMED: rec.pub.rule = "complaint.defect"; break;
    case RETOUR__R_GUARANTEE_EXPIRED:
        rec.pub.rule = "complaint.guarantee";
        rec.pub.matched = 0;
        break;
    case RETOUR__R_WITHIN_COMMERCIAL_GUARANTEE: rec.pub.rule = "complaint.guarantee"; break;
    case RETOUR__R_CUSTOMER_CAUSED_DAMAGE: rec.pub.rule = "complaint.customer_caused"; break;
    case RETOUR__R_WEAR_WITHIN_LIFESPAN:
    case RETOUR__R_WEAR_BEYOND_LIFESPAN:
        rec.pub.rule = "complaint.wear";
        break;
    case RETOUR__R_REMEDY_CONSUMER_CHOICE:
    case RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST:
    case RETOUR__R_REMEDY_AFTER_FAILED_REPAIR:
    case RETOUR__R_SHORT_TERM_REJECT:
    case RETOUR__R_PRICE_REDUCTION_TO_AGREE:
        rec.pub.rule = "complaint.remedy";
        break;
    case RETOUR__R_GOODWILL_RULE:
        rec.pub.rule = "goodwill";
        rec.pub.rule_name = params->name;
        /* The reason names its rule; its place in the list is found by that name. */
        for (size_t k = 0; k < ev->p->goodwill_count; k++)
            if (ev->p->goodwill[k].name == params->name)
                rec.pub.rule_index = (long)k;
        break;
    case RETOUR__R_FREQUENT_CLAIMS: rec.pub.rule = "review.claims_last_year"; break;
    case RETOUR__R_HIGH_AMOUNT: rec.pub.rule = "review.amount"; break;
    case RETOUR__R_PACKAGING_STATE_UNKNOWN: rec.pub.rule = "exclusion"; break;
    case RETOUR__R_CATEGORY_NOT_LISTED:
    case RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE:
    case RETOUR__R_CATEGORY_ID_NOT_LISTED:
        rec.pub.rule = "default_category";
        break;
    case RETOUR__R_CATEGORY_NOT_LISTED_NO_DEFAULT:
    case RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE_NO_DEFAULT:
    case RETOUR__R_CATEGORY_ID_NOT_LISTED_NO_DEFAULT:
        /* No default category to apply: the item is decided without one. */
        rec.pub.rule = "default_category";
        rec.pub.matched = 0;
        break;
    default:
        /* The legal exceptions (excluded_*); a reason added later is its own rule. */
        rec.pub.rule = code >= RETOUR__R_EXCLUDED_SERVICES_PERFORMED &&
                       code <= RETOUR__R_EXCLUDED_DIGITAL_CONTENT
                           ? "exclusion"
                           : rec.pub.reason;
    }
    emit(ev, &rec, law, src);
}

void retour__trace_note(retour__eval *ev, const char *rule, long item, int matched,
                        retour__note note, const char *law, retour__src src,
                        const retour__params *params)
{
    trace_rec rec;
    memset(&rec, 0, sizeof rec);
    rec.pub.rule = rule;
    rec.pub.rule_index = -1;
    rec.pub.item = item;
    rec.pub.matched = matched;
    rec.code = RETOUR__R__COUNT;
    rec.note = note;
    rec.params = params;
    emit(ev, &rec, law, src);
}

void retour__trace_goodwill_miss(retour__eval *ev, size_t k, size_t i,
                                 const retour__params *item_params, retour__note miss,
                                 int days_late)
{
    const retour__goodwill_rule *rule = &ev->p->goodwill[k];
    const retour_request *r = ev->r;
    retour__params prm = *item_params;
    prm.name = rule->name;
    prm.cause = r->items[i].cause;
    switch (miss) {
    case RETOUR__N_GW_ORDERS:
        prm.days = r->customer_orders;
        prm.days2 = rule->min_orders;
        break;
    case RETOUR__N_GW_SPEND: prm.amount = rule->min_lifetime_spend; break;
    case RETOUR__N_GW_AMOUNT: prm.amount = rule->max_amount; break;
    case RETOUR__N_GW_DAYS_LATE:
        prm.days = days_late;
        prm.days2 = rule->max_days_late;
        break;
    case RETOUR__N_GW_GOODWILL:
        prm.days = r->goodwill_last_year;
        prm.days2 = rule->max_goodwill_last_year;
        break;
    case RETOUR__N_GW_CLAIMS:
        prm.days = r->claims_last_year;
        prm.days2 = rule->max_claims_last_year;
        break;
    default:
        break;
    }
    trace_rec rec;
    memset(&rec, 0, sizeof rec);
    rec.pub.rule = "goodwill";
    rec.pub.rule_index = (long)k;
    rec.pub.rule_name = rule->name;
    rec.pub.item = (long)i;
    rec.pub.matched = 0;
    rec.code = RETOUR__R__COUNT;
    rec.note = miss;
    rec.params = &prm;
    emit(ev, &rec, NULL, rule->src);
}

int retour_trace_event_message(const retour_trace_event *event, retour_lang lang, char *buf,
                               size_t size)
{
    const trace_rec *rec = (const trace_rec *)event;
    if (event == NULL || rec->magic != RETOUR__TRACE_MAGIC || (unsigned)lang >= RETOUR_LANG__COUNT ||
        (buf == NULL && size > 0))
        return RETOUR_EINVAL;
    const retour_policy *p = rec->policy;
    static const retour__params none;
    const retour__params *prm = rec->params ? rec->params : &none;
    int n = rec->code < RETOUR__R__COUNT
                ? retour__message_format(buf, size, rec->code, lang, prm, p->currency, p->decimals)
                : retour__note_format(buf, size, rec->note, lang, prm, p->currency, p->decimals);
    return n < 0 ? RETOUR_EINVAL : n;
}
