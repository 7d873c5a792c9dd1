/* The items of a decision: copied from the request, their categories and message
 * parameters, and the totals they add up to (items.c). */
#ifndef RETOUR_ITEMS_H
#define RETOUR_ITEMS_H

#include "rules/eval.h"

/* Copies SKUs, categories and values into the decision; every item starts accepted.
 * first_named: the policy's category the first item names, when the caller has found it
 * (the decision shows the policy's copy of the name instead of copying it), else NULL. */
int retour__copy_items(retour__eval *ev, const retour__category *first_named);
/* The policy's category the item names (by name, or a case's by id), NULL if none. */
const retour__category *retour__category_named(const retour_policy *p, const retour__item *it);
/* c, or else the policy's default category (NULL if it has none). */
static inline const retour__category *retour__category_or_default(const retour_policy *p,
                                                                  const retour__category *c)
{
    return c == NULL && p->default_category >= 0 ? &p->categories[p->default_category] : c;
}
/* The item's category in the policy (or the default category), NULL if none. */
const retour__category *retour__category_of(const retour_policy *p, const retour__item *it);
/* 1 when the item names a category (by name, or a case's by id) that the policy does not
 * list; named is what retour__category_named() found for it. */
static inline int retour__category_unlisted(const retour__item *it,
                                            const retour__category *named)
{
    return named == NULL && (it->category != NULL || it->unlisted_id);
}
/* The category item i is decided under (retour__category_of) into *c. An item that names
 * a category the policy does not list gets the reason category_not_listed, naming the
 * default category that decides instead (or that none does). */
int retour__item_category(retour__eval *ev, size_t i, const retour__category **c);
/* Parameters every item message shares: the category name as the decision keeps it. */
void retour__item_params(retour__eval *ev, size_t i, const retour__category *c,
                         retour__params *prm);

/* Sums the items into the decision's totals and sets the overall outcome and basis;
 * the tally is returned for the caller's rules. */
int retour__settle_items(retour__eval *ev, retour__tally *tally);

#endif
