/* Steps shared by the withdrawal and complaint rules: reasons, errors, items, totals. */
#include "rules/eval.h"
#include "rules/trace.h"

#include "base/compiler.h"
#include "base/date.h"
#include "base/money.h"

#include <stdio.h>
#include <string.h>

const retour__src retour__no_src = { 0, 0 };

static inline void fill_reason(retour__eval *ev, retour__code code, long item,
                               const char *law, retour__src src, const retour__params *params)
{
    retour_decision *d = ev->d;
    retour__reason_make(&d->reasons[d->reason_count++], ev->p, code, item, law, src, params);
}

/* A full buffer (a decision's first evaluations) or a trace: kept out of the common path
 * so that it calls nothing. */
RETOUR__NOINLINE static int add_reason_slow(retour__eval *ev, retour__code code, long item,
                                            const char *law, retour__src src,
                                            const retour__params *params)
{
    retour_decision *d = ev->d;
    if (d->reason_count == d->reason_cap &&
        retour__grow(d->allocator, (void **)&d->reasons, &d->reason_cap, d->reason_count + 1,
                     sizeof *d->reasons))
        return retour__fail(ev->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    fill_reason(ev, code, item, law, src, params);
    if (ev->trace)
        retour__trace_reason(ev, code, item, law, src, &d->reasons[d->reason_count - 1].params);
    return RETOUR_OK;
}

int retour__add_reason(retour__eval *ev, retour__code code, long item, const char *law,
                       retour__src src, const retour__params *params)
{
    if (RETOUR__UNLIKELY(ev->d->reason_count == ev->d->reason_cap || ev->trace))
        return add_reason_slow(ev, code, item, law, src, params);
    fill_reason(ev, code, item, law, src, params);
    return RETOUR_OK;
}

retour__code retour__exclusion_code(retour__exclusion e)
{
    switch (e) {
    case RETOUR__EXCL_SERVICES_PERFORMED: return RETOUR__R_EXCLUDED_SERVICES_PERFORMED;
    case RETOUR__EXCL_PRICE_FLUCTUATION: return RETOUR__R_EXCLUDED_PRICE_FLUCTUATION;
    case RETOUR__EXCL_PERSONALISED: return RETOUR__R_EXCLUDED_PERSONALISED;
    case RETOUR__EXCL_PERISHABLE: return RETOUR__R_EXCLUDED_PERISHABLE;
    case RETOUR__EXCL_HYGIENE_SEALED: return RETOUR__R_EXCLUDED_UNSEALED_HYGIENE;
    case RETOUR__EXCL_MIXED_GOODS: return RETOUR__R_EXCLUDED_MIXED_GOODS;
    case RETOUR__EXCL_ALCOHOL_FUTURE_DELIVERY: return RETOUR__R_EXCLUDED_ALCOHOL_FUTURE_DELIVERY;
    case RETOUR__EXCL_URGENT_REPAIRS: return RETOUR__R_EXCLUDED_URGENT_REPAIRS;
    case RETOUR__EXCL_SEALED_MEDIA: return RETOUR__R_EXCLUDED_UNSEALED_MEDIA;
    case RETOUR__EXCL_NEWSPAPER: return RETOUR__R_EXCLUDED_NEWSPAPER;
    case RETOUR__EXCL_PUBLIC_AUCTION: return RETOUR__R_EXCLUDED_PUBLIC_AUCTION;
    case RETOUR__EXCL_DATED_SERVICE: return RETOUR__R_EXCLUDED_DATED_SERVICE;
    case RETOUR__EXCL_DIGITAL_CONTENT: return RETOUR__R_EXCLUDED_DIGITAL_CONTENT;
    default: return RETOUR__R__COUNT;
    }
}

int retour__exclusion_refuses_late(const retour__category *c, retour_packaging packaging)
{
    return c && c->exclusion != RETOUR__EXCL_NONE && !c->waived &&
           (!retour__exclusion_needs_unsealing(c->exclusion) ||
            (packaging != RETOUR_PACKAGING_SEALED && packaging != RETOUR_PACKAGING_UNKNOWN));
}

int retour__below_floor(retour__eval *ev, long item, const char *clause, const char *law,
                        retour__src src)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.name = clause;
    return retour__add_reason(ev, RETOUR__R_POLICY_BELOW_LEGAL_FLOOR, item, law, src, &prm);
}

/* The place of the item (or the request) for errors found while deciding. */
static const retour__place *place_of(const retour__eval *ev, long item)
{
    if (item >= 0 && ev->r->items[item].place.file)
        return &ev->r->items[item].place;
    return ev->r->place.file ? &ev->r->place : NULL;
}

int retour__request_error(retour__eval *ev, long item, const char *path, const char *message)
{
    return retour__fail(ev->err, RETOUR_EREQUEST, place_of(ev, item), path, "%s", message);
}

int retour__overflow_error(retour__eval *ev, long item, const char *what)
{
    char path[48] = "";
    if (item >= 0)
        snprintf(path, sizeof path, "items[%ld]", item);
    return retour__fail(ev->err, RETOUR_ERANGE, place_of(ev, item), path,
                        "%s exceeds the largest amount", what);
}

int retour__eval_add_days(retour__eval *ev, retour_date *out, retour_date date, int days)
{
    if (retour__date_add_days(out, date, days))
        return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL, "a deadline falls after 9999-12-31");
    return RETOUR_OK;
}

int retour__eval_add_months(retour__eval *ev, retour_date *out, retour_date date, int months)
{
    if (retour__date_add_months(out, date, months))
        return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL, "a deadline falls after 9999-12-31");
    return RETOUR_OK;
}

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
