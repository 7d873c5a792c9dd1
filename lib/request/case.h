/* A case (retour_case) as the plain view of one item of a request: what the plan and the
 * goodwill rules read, whether the caller sent a case or a request. */
#ifndef RETOUR_CASE_H
#define RETOUR_CASE_H

#include "request/request.h"

/* The case item i of r stands for; its category is the caller's to find (by name). */
static inline void retour__case_of_item(retour_case *f, const retour_request *r, size_t i)
{
    const retour__item *it = &r->items[i];
    f->type = (uint8_t)r->type;
    f->packaging = (uint8_t)it->packaging;
    f->cause = (uint8_t)it->cause;
    f->remedy = (uint8_t)it->remedy;
    f->customer_admits_damage = (uint8_t)it->admits_damage;
    f->remedy_failed = (uint8_t)it->remedy_failed;
    f->whole_order = (uint8_t)r->whole_order;
    f->reserved = 0;
    f->notified = r->notified;
    f->delivered = it->delivered;
    f->noticed = it->noticed;
    f->ordered = r->ordered;
    f->quantity = it->quantity;
    f->customer_orders = r->customer_orders;
    f->claims_last_year = r->claims_last_year;
    f->goodwill_last_year = r->goodwill_last_year;
    f->category = RETOUR_CATEGORY_NONE;
    f->price = it->price;
    f->shipping_paid = r->shipping_paid;
    f->lifetime_spend = r->lifetime_spend;
}

#endif
