/* The items of a decision: copied from the request (SKU, category, value), the category
 * each falls under, the parameters their messages share, and the totals and overall
 * outcome they add up to once every rule has run. */
#include "rules/items.h"
#include "rules/eval_support.h"
#include "policy/category_index.h"

#include "base/money.h"

#include <string.h>

static int copy_item(retour__eval *ev, size_t i, const retour__category *named)
{
    retour_decision *d = ev->d;
    retour__item_result *res = &d->items[i];
    const retour__item *it = &ev->r->items[i];
    size_t sku_len = it->measured ? it->sku_len : strlen(it->sku);
    memset(res, 0, sizeof *res);
    res->outcome = RETOUR_OUTCOME_ACCEPT;
    res->sku = d->strings.len;
    retour__strbuf_add(&d->strings, it->sku, sku_len + 1);
    res->category = (size_t)-1;
    if (named)
        res->category_name = named->name;
    else if (it->category) {
        size_t len = it->measured ? it->category_len : strlen(it->category);
        res->category = d->strings.len;
        retour__strbuf_add(&d->strings, it->category, len + 1);
    }
    if (retour__money_mul(&res->value, it->price, it->quantity))
        return retour__overflow_error(ev, (long)i, "price x quantity");
    return RETOUR_OK;
}

int retour__copy_items(retour__eval *ev, const retour__category *first_named)
{
    retour_decision *d = ev->d;
    const retour_request *r = ev->r;
    int rc;
    if (r->count > d->item_cap &&
        retour__grow(d->allocator, (void **)&d->items, &d->item_cap, r->count, sizeof *d->items))
        return retour__fail(ev->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; i < r->count; i++)
        if ((rc = copy_item(ev, i, i == 0 ? first_named : NULL)))
            return rc;
    if (d->strings.failed)
        return retour__fail(ev->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    d->item_count = r->count;
    return RETOUR_OK;
}

const retour__category *retour__category_named(const retour_policy *p, const retour__item *it)
{
    if (it->found || !it->category)
        return it->found;
    return it->measured ? retour__policy_category_hashed(p, it->category, it->category_hash)
                        : retour__policy_category(p, it->category);
}

const retour__category *retour__category_of(const retour_policy *p, const retour__item *it)
{
    return retour__category_or_default(p, retour__category_named(p, it));
}

/* c with A-Z as a-z: names compared as a person might misread them. */
static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* 1 when a listed category's name equals name but for the letter case of A-Z. */
static int listed_but_for_case(const retour_policy *p, const char *name)
{
    for (size_t k = 0; k < p->category_count; k++) {
        const unsigned char *a = (const unsigned char *)p->categories[k].name;
        const unsigned char *b = (const unsigned char *)name;
        while (*a && ascii_lower(*a) == ascii_lower(*b))
            a++, b++;
        if (*a == '\0' && *b == '\0')
            return 1;
    }
    return 0;
}

int retour__item_category(retour__eval *ev, size_t i, const retour__category **c)
{
    const retour_policy *p = ev->p;
    const retour__item *it = &ev->r->items[i];
    const retour__category *named = retour__category_named(p, it);
    *c = retour__category_or_default(p, named);
    if (!retour__category_unlisted(it, named))
        return RETOUR_OK;
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.name = *c ? (*c)->name : NULL;
    retour__code code;
    if (it->category == NULL) /* a case's id: no name to show */
        code = *c ? RETOUR__R_CATEGORY_ID_NOT_LISTED : RETOUR__R_CATEGORY_ID_NOT_LISTED_NO_DEFAULT;
    else {
        prm.category = retour__decision_category(ev->d, i);
        int letter_case = listed_but_for_case(p, it->category);
        code = *c ? (letter_case ? RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE
                                 : RETOUR__R_CATEGORY_NOT_LISTED)
                  : (letter_case ? RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE_NO_DEFAULT
                                 : RETOUR__R_CATEGORY_NOT_LISTED_NO_DEFAULT);
    }
    return retour__add_reason(ev, code, (long)i, NULL,
                              *c ? p->src_default_category : retour__no_src, &prm);
}

void retour__item_params(retour__eval *ev, size_t i, const retour__category *c,
                         retour__params *prm)
{
    memset(prm, 0, sizeof *prm);
    /* The decision's own copy: the request may be freed before the decision is read. */
    prm->category = ev->r->items[i].category ? retour__decision_category(ev->d, i)
                    : c ? c->name : "uncategorised";
}

int retour__settle_items(retour__eval *ev, retour__tally *t)
{
    retour_decision *d = ev->d;
    size_t deducted = 0;
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < d->item_count; i++) {
        retour__item_result *res = &d->items[i];
        switch (res->outcome) {
        case RETOUR_OUTCOME_REVIEW:
            t->review++;
            res->refund = 0;
            break;
        case RETOUR_OUTCOME_REJECT:
            t->rejected++;
            res->refund = 0;
            break;
        default:
            t->accepted++;
            deducted += res->deduction > 0;
            t->goodwill += res->outcome == RETOUR_OUTCOME_ACCEPT_GOODWILL;
            if (retour__money_add(&d->items_total, d->items_total, res->refund + res->deduction) ||
                retour__money_add(&d->store_credit, d->store_credit, res->store_credit))
                return retour__overflow_error(ev, (long)i, "the refund");
            d->deductions += res->deduction;
        }
    }
    if (t->review)
        d->outcome = RETOUR_OUTCOME_REVIEW;
    else if (t->accepted == 0)
        d->outcome = RETOUR_OUTCOME_REJECT;
    else if (t->rejected == 0 && deducted == 0)
        d->outcome = t->goodwill ? RETOUR_OUTCOME_ACCEPT_GOODWILL : RETOUR_OUTCOME_ACCEPT;
    else
        d->outcome = RETOUR_OUTCOME_PARTIAL;
    /* Goodwill is the basis when nothing else gives anything back. */
    if (t->goodwill && t->goodwill == t->accepted && t->review == 0)
        d->basis = RETOUR_BASIS_GOODWILL;
    d->refund = d->items_total - d->deductions; /* deductions never exceed the items */
    return RETOUR_OK;
}
