/* Deciding a complaint under the legal guarantee (complaint.c). */
#ifndef RETOUR_COMPLAINT_H
#define RETOUR_COMPLAINT_H

#include "rules/eval.h"

/* Decides ev's request, a complaint, in full. */
int retour__decide_complaint(retour__eval *ev);

/* The legal guarantee in force for ev's request (ev->guarantee): the regime at the contract
 * date, which is `ordered`, or else the earliest delivery with the reason
 * contract_date_assumed. A contract older than the tables is a request error. */
int retour__complaint_law(retour__eval *ev);

/* Rules 1-5 for item i of a request whose items are copied: the guarantee, customer-caused
 * damage, wear, the defect and the remedy. Writes the item's outcome, remedy and reasons;
 * goodwill is the caller's (*refusal); *shop_only when only the shop's own guarantee
 * covers it. The plan runs it at load (plan_build.c). */
int retour__complaint_item(retour__eval *ev, size_t i, int *shop_only,
                           retour__item_refusal *refusal);

/* The terms the rules count with under the guarantee law g, for the plan to count the
 * same. The legal guarantee's months for an item of category c (the law's, or the
 * category's longer expected lifespan where the law follows it) and where that figure
 * comes from. */
int retour__legal_guarantee_months(const retour_policy *p, const retour__guarantee_law *g,
                                   const retour__category *c, retour__src *src);
/* The presumption's months (the law's, or the policy's longer one; 0: none) and where it
 * is written. */
int retour__presumption_months(const retour_policy *p, const retour__guarantee_law *g,
                               retour__src *src);
/* Whether a presumed defect of category c goes to a person first, and the line saying so. */
int retour__inspects(const retour_policy *p, const retour__category *c, retour__src *src);

#endif
