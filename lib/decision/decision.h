/* The decision object: results, reasons and the strings it shows, in buffers that grow
 * once and are reused, so a warm evaluation allocates nothing. */
#ifndef RETOUR_DECISION_H
#define RETOUR_DECISION_H

#include "decision/reasons.h"
#include "base/strbuf.h"
#include "base/handle.h"

typedef struct retour__reason_rec {
    retour_reason pub;
    retour__code code;
    retour__params params;
} retour__reason_rec;

typedef struct retour__item_result {
    retour_outcome outcome;
    int64_t value;     /* price x quantity */
    int64_t refund;    /* value - deduction when accepted, else 0 */
    int64_t deduction;
    int64_t store_credit;  /* goodwill store credit */
    retour_remedy remedy;  /* granted remedy (complaints, goodwill) */
    int32_t remedy_bp;     /* partial refund / repair discount, basis points */
    size_t sku;        /* offsets into strings */
    size_t category;   /* (size_t)-1: none */
    /* The policy's own copy of the category's name when the item named one of the
     * policy's categories (the same text; the decision refers to the policy anyway), so
     * that it is not copied; NULL: see category. */
    const char *category_name;
} retour__item_result;

struct retour_decision {
    uint32_t magic; /* RETOUR__DECISION_MAGIC while alive (handle.h) */
    const retour_allocator *allocator;
    const retour_policy *policy; /* the policy of the last evaluation */
    int valid;
    retour_request_type type;
    retour_outcome outcome;
    retour_basis basis;
    int64_t items_total;
    int64_t deductions;
    int64_t shipping;
    int64_t refund;
    int64_t store_credit;
    retour_payer return_shipping;
    retour_date withdrawal_deadline;
    retour_date return_by;
    retour_date refund_by;
    const char *calendar;  /* how the deadlines were counted (a static name) */
    const char *refund_method; /* the refund's means of payment (a static name); NULL for a
                                * complaint */
    retour__item_result *items;
    size_t item_count, item_cap;
    retour__reason_rec *reasons;
    size_t reason_count, reason_cap;
    retour__strbuf strings;
};

/* A decision in memory the caller owns (retour_decision_new() without its allocation),
 * and the release of the buffers it holds (not the memory itself). */
void retour__decision_init(retour_decision *d, const retour_allocator *a);
void retour__decision_release(retour_decision *d);

/* Empties d for a new evaluation, keeping its buffers. */
void retour__decision_clear(retour_decision *d);

/* 1 when the item named a category (its own, or one of the policy's). */
static inline int retour__item_has_category(const retour__item_result *res)
{
    return res->category_name != NULL || res->category != (size_t)-1;
}

/* The item's SKU and category ("" when none), valid until the next evaluation. */
const char *retour__decision_sku(const retour_decision *d, size_t item);
const char *retour__decision_category(const retour_decision *d, size_t item);

#endif
