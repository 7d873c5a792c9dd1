/* Goodwill: how far service goes where the law and the normal policy say no. The policy's
 * rules are tried in order; the first whose conditions all hold grants its gesture. */
#include "eval.h"

#include "money.h"

static int in_categories(const retour_policy *p, const retour__goodwill_rule *rule,
                         const retour__category *c)
{
    if (rule->category_count == 0)
        return 1;
    if (c == NULL)
        return 0;
    size_t index = (size_t)(c - p->categories);
    for (size_t k = 0; k < rule->category_count; k++)
        if (rule->categories[k] == index)
            return 1;
    return 0;
}

/* Story 3's factors: a real customer (orders, spend), a small request (amount, days late),
 * and not asking too often (goodwill and claims in the last year). */
static int matches(const retour__eval *ev, const retour__goodwill_rule *rule, size_t i,
                   const retour__category *c, retour__refusal why, int days_late)
{
    const retour_request *r = ev->r;
    const retour__item *it = &r->items[i];
    return (rule->type < 0 || rule->type == (int)r->type) &&
           (why != RETOUR__REFUSED_EXCLUDED || rule->excluded) &&
           r->customer_orders >= rule->min_orders &&
           r->lifetime_spend >= rule->min_lifetime_spend &&
           (rule->max_amount < 0 || ev->d->items[i].value <= rule->max_amount) &&
           (rule->max_days_late < 0 || days_late <= rule->max_days_late) &&
           (rule->max_goodwill_last_year < 0 ||
            r->goodwill_last_year <= rule->max_goodwill_last_year) &&
           (rule->max_claims_last_year < 0 ||
            r->claims_last_year <= rule->max_claims_last_year) &&
           (rule->causes == 0 || (rule->causes & (1u << it->cause))) &&
           (rule->admits_damage < 0 || rule->admits_damage == it->admits_damage) &&
           in_categories(ev->p, rule, c);
}

static int grant(retour__eval *ev, size_t i, const retour__goodwill_rule *rule)
{
    retour__item_result *res = &ev->d->items[i];
    res->outcome = RETOUR_OUTCOME_ACCEPT_GOODWILL;
    res->remedy = rule->grant;
    res->remedy_bp = rule->grant_bp;
    res->deduction = 0;
    switch (rule->grant) {
    case RETOUR_REMEDY_REFUND:
        res->refund = res->value;
        break;
    case RETOUR_REMEDY_PARTIAL_REFUND:
        if (retour__money_mul_bp(&res->refund, res->value, rule->grant_bp))
            return retour__overflow_error(ev, (long)i, "the partial refund");
        break;
    case RETOUR_REMEDY_STORE_CREDIT:
        res->store_credit = res->value;
        break;
    default:
        break; /* exchange, repair, replacement, repair discount: nothing paid back */
    }
    return RETOUR_OK;
}

int retour__apply_goodwill(retour__eval *ev, size_t i, const retour__category *c,
                           retour__refusal why, int days_late)
{
    const retour_policy *p = ev->p;
    for (size_t k = 0; k < p->goodwill_count; k++) {
        const retour__goodwill_rule *rule = &p->goodwill[k];
        if (!matches(ev, rule, i, c, why, days_late))
            continue;
        int rc = grant(ev, i, rule);
        if (rc)
            return rc;
        retour__params prm;
        retour__item_params(ev, i, c, &prm);
        prm.name = rule->name;
        prm.grant = rule->grant;
        prm.basis_points = rule->grant_bp;
        prm.days = days_late;
        return retour__add_reason(ev, RETOUR__R_GOODWILL_RULE, (long)i, NULL, rule->src, &prm);
    }
    return RETOUR_OK;
}
