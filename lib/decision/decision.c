/* The decision object and its read accessors. */
#include "decision/decision.h"
#include "decision/messages.h"
#include "policy/policy.h"
#include "base/options.h"

#include <string.h>

static const char *const outcome_names[RETOUR_OUTCOME__COUNT] = {
    "accept", "accept_goodwill", "partial", "review", "reject"
};
static const char *const basis_names[RETOUR_BASIS__COUNT] = {
    "withdrawal_right", "shop_policy", "goodwill", "legal_guarantee", "commercial_guarantee"
};

const char *retour_outcome_name(retour_outcome outcome)
{
    return (unsigned)outcome < RETOUR_OUTCOME__COUNT ? outcome_names[outcome] : "";
}

const char *retour_basis_name(retour_basis basis)
{
    return (unsigned)basis < RETOUR_BASIS__COUNT ? basis_names[basis] : "";
}

int retour_decision_new(retour_decision **out, const retour_options *options)
{
    if (out == NULL || retour__options_check(options, "retour_decision_new", NULL))
        return RETOUR_EINVAL;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour_decision *d = retour__malloc(a, sizeof *d);
    if (d == NULL)
        return RETOUR_ENOMEM;
    retour__decision_init(d, a);
    *out = d;
    return RETOUR_OK;
}

void retour__decision_init(retour_decision *d, const retour_allocator *a)
{
    memset(d, 0, sizeof *d);
    d->allocator = retour__allocator(a);
    retour__strbuf_init(&d->strings, d->allocator);
    retour__decision_clear(d);
    d->magic = RETOUR__DECISION_MAGIC;
}

void retour__decision_release(retour_decision *d)
{
    d->magic = 0;
    retour__free(d->allocator, d->items);
    retour__free(d->allocator, d->reasons);
    retour__strbuf_free(&d->strings);
}

void retour_decision_free(retour_decision *decision)
{
    if (!RETOUR__DECISION_OK(decision))
        return;
    const retour_allocator *a = decision->allocator;
    retour__decision_release(decision);
    retour__free(a, decision);
}

void retour__decision_clear(retour_decision *d)
{
    d->policy = NULL;
    d->valid = 0;
    d->outcome = RETOUR_OUTCOME_REJECT;
    d->basis = RETOUR_BASIS_WITHDRAWAL_RIGHT;
    d->items_total = d->deductions = d->shipping = d->refund = d->store_credit = 0;
    d->return_shipping = RETOUR_PAYER_CUSTOMER;
    d->withdrawal_deadline = d->return_by = d->refund_by = RETOUR_DATE_NONE;
    d->calendar = "calendar_days";
    d->refund_method = NULL;
    d->item_count = 0;
    d->reason_count = 0;
    retour__strbuf_clear(&d->strings);
}

const char *retour__decision_sku(const retour_decision *d, size_t item)
{
    return d->strings.data + d->items[item].sku;
}

const char *retour__decision_category(const retour_decision *d, size_t item)
{
    const retour__item_result *res = &d->items[item];
    if (res->category_name)
        return res->category_name;
    return res->category == (size_t)-1 ? "" : d->strings.data + res->category;
}

#define VALID(d) (RETOUR__DECISION_OK(d) && (d)->valid)

retour_outcome retour_decision_outcome(const retour_decision *d)
{
    return VALID(d) ? d->outcome : RETOUR_OUTCOME_REJECT;
}

retour_basis retour_decision_basis(const retour_decision *d)
{
    return VALID(d) ? d->basis : RETOUR_BASIS_WITHDRAWAL_RIGHT;
}

int64_t retour_decision_refund(const retour_decision *d) { return VALID(d) ? d->refund : 0; }
int64_t retour_decision_deductions(const retour_decision *d) { return VALID(d) ? d->deductions : 0; }
int64_t retour_decision_shipping_refunded(const retour_decision *d) { return VALID(d) ? d->shipping : 0; }

const char *retour_decision_currency(const retour_decision *d)
{
    return VALID(d) ? d->policy->currency : "";
}

retour_payer retour_decision_return_shipping(const retour_decision *d)
{
    return VALID(d) ? d->return_shipping : RETOUR_PAYER_CUSTOMER;
}

retour_date retour_decision_withdrawal_deadline(const retour_decision *d)
{
    return VALID(d) ? d->withdrawal_deadline : RETOUR_DATE_NONE;
}

retour_date retour_decision_return_by(const retour_decision *d)
{
    return VALID(d) ? d->return_by : RETOUR_DATE_NONE;
}

const char *retour_decision_refund_method(const retour_decision *d)
{
    return VALID(d) ? d->refund_method : NULL;
}

retour_date retour_decision_refund_by(const retour_decision *d)
{
    return VALID(d) ? d->refund_by : RETOUR_DATE_NONE;
}

const char *retour_decision_calendar(const retour_decision *d)
{
    return VALID(d) ? d->calendar : "";
}

size_t retour_decision_item_count(const retour_decision *d)
{
    return VALID(d) ? d->item_count : 0;
}

retour_outcome retour_decision_item_outcome(const retour_decision *d, size_t item)
{
    return VALID(d) && item < d->item_count ? d->items[item].outcome : RETOUR_OUTCOME_REJECT;
}

int64_t retour_decision_item_refund(const retour_decision *d, size_t item)
{
    return VALID(d) && item < d->item_count ? d->items[item].refund : 0;
}

int64_t retour_decision_item_deduction(const retour_decision *d, size_t item)
{
    return VALID(d) && item < d->item_count ? d->items[item].deduction : 0;
}

retour_remedy retour_decision_item_remedy(const retour_decision *d, size_t item)
{
    return VALID(d) && item < d->item_count ? d->items[item].remedy : RETOUR_REMEDY_NONE;
}

int32_t retour_decision_item_remedy_basis_points(const retour_decision *d, size_t item)
{
    return VALID(d) && item < d->item_count ? d->items[item].remedy_bp : 0;
}

int64_t retour_decision_store_credit(const retour_decision *d)
{
    return VALID(d) ? d->store_credit : 0;
}

size_t retour_decision_reason_count(const retour_decision *d)
{
    return VALID(d) ? d->reason_count : 0;
}

const retour_reason *retour_decision_reason(const retour_decision *d, size_t index)
{
    return VALID(d) && index < d->reason_count ? &d->reasons[index].pub : NULL;
}

const retour_reason *retour_decision_deciding_reason(const retour_decision *d)
{
    if (!VALID(d))
        return NULL;
    for (size_t i = d->reason_count; i > 0; i--)
        if (retour__code_decides[d->reasons[i - 1].code])
            return &d->reasons[i - 1].pub;
    return NULL;
}

int retour_decision_reason_message(const retour_decision *d, size_t index, retour_lang lang,
                                   char *buf, size_t size)
{
    if (!VALID(d) || index >= d->reason_count || (unsigned)lang >= RETOUR_LANG__COUNT ||
        (buf == NULL && size > 0))
        return RETOUR_EINVAL;
    const retour__reason_rec *r = &d->reasons[index];
    return retour__message_format(buf, size, r->code, lang, &r->params, d->policy->currency,
                                  d->policy->decimals);
}
