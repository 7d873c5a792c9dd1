/* Goodwill: how far service goes where the law and the normal policy say no. The policy's
 * rules are tried in order; the first whose conditions all hold grants its gesture. */
#include "rules/goodwill.h"
#include "rules/eval_support.h"
#include "rules/items.h"
#include "rules/trace.h"
#include "request/case.h"

#include "base/money.h"

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
 * and not asking too often (goodwill and claims in the last year). f is the refused item
 * as a case. Returns 0 when every condition holds, else the first that does not, as the
 * trace's note for it. */
static retour__note matches(const retour_policy *p, const retour__goodwill_rule *rule,
                            const retour_case *f, const retour__category *c,
                            retour__refusal why, int days_late, int64_t value)
{
    if (!(rule->type < 0 || rule->type == (int)f->type)) return RETOUR__N_GW_TYPE;
    if (!(why != RETOUR__REFUSED_EXCLUDED || rule->excluded)) return RETOUR__N_GW_EXCLUDED;
    if (!(f->customer_orders >= rule->min_orders)) return RETOUR__N_GW_ORDERS;
    if (!(f->lifetime_spend >= rule->min_lifetime_spend)) return RETOUR__N_GW_SPEND;
    if (!(rule->max_amount < 0 || value <= rule->max_amount))
        return RETOUR__N_GW_AMOUNT;
    if (!(rule->max_days_late < 0 || days_late <= rule->max_days_late))
        return RETOUR__N_GW_DAYS_LATE;
    if (!(rule->max_goodwill_last_year < 0 ||
          f->goodwill_last_year <= rule->max_goodwill_last_year))
        return RETOUR__N_GW_GOODWILL;
    if (!(rule->max_claims_last_year < 0 || f->claims_last_year <= rule->max_claims_last_year))
        return RETOUR__N_GW_CLAIMS;
    if (!(rule->causes == 0 || (rule->causes & (1u << f->cause))))
        return f->cause == RETOUR_CAUSE_UNKNOWN ? RETOUR__N_GW_CAUSE_UNKNOWN : RETOUR__N_GW_CAUSE;
    if (!(rule->admits_damage < 0 || rule->admits_damage == f->customer_admits_damage))
        return RETOUR__N_GW_ADMITS;
    if (!in_categories(p, rule, c)) return RETOUR__N_GW_CATEGORY;
    return RETOUR__N_NONE;
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
    retour_case f;
    retour__case_of_item(&f, ev->r, i);
    for (size_t k = 0; k < p->goodwill_count; k++) {
        const retour__goodwill_rule *rule = &p->goodwill[k];
        retour__note miss = matches(p, rule, &f, c, why, days_late, ev->d->items[i].value);
        if (miss) {
            if (ev->trace) {
                retour__params prm;
                retour__item_params(ev, i, c, &prm);
                retour__trace_goodwill_miss(ev, k, i, &prm, miss, days_late);
            }
            continue;
        }
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

const retour__goodwill_rule *retour__goodwill_match(const retour_policy *p, const retour_case *f,
                                                    const retour__category *c,
                                                    retour__refusal why, int days_late,
                                                    int64_t value)
{
    for (size_t k = 0; k < p->goodwill_count; k++)
        if (matches(p, &p->goodwill[k], f, c, why, days_late, value) == RETOUR__N_NONE)
            return &p->goodwill[k];
    return NULL;
}
