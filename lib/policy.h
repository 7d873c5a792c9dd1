/* The compiled policy: every value resolved (defaults from the jurisdiction), every
 * citation composed, every deciding key's place kept for reasons. Immutable after load. */
#ifndef RETOUR_POLICY_H
#define RETOUR_POLICY_H

#include "alloc.h"
#include "handle.h"
#include "exclusion.h"
#include "jurisdiction.h"

/* Where a value came from in the policy file (1-based; line 0: not written, defaulted). */
typedef struct retour__src {
    int line;
    int column;
} retour__src;

typedef enum retour__pkg_action {
    RETOUR__PKG_ACCEPT = 0,
    RETOUR__PKG_REVIEW,
    RETOUR__PKG_DEDUCT_PERCENT,
    RETOUR__PKG_DEDUCT_AMOUNT
} retour__pkg_action;

typedef struct retour__pkg_rule {
    retour__pkg_action action;
    int32_t basis_points; /* DEDUCT_PERCENT */
    int64_t amount;       /* DEDUCT_AMOUNT, minor units */
    retour__src src;
} retour__pkg_rule;

typedef struct retour__category {
    const char *name;
    retour__exclusion exclusion;
    int waived;     /* the shop takes excluded items back anyway */
    int returnable; /* 0: the shop's own exclusion, beyond the statutory period only */
    retour__src src;
    retour__src src_exclusion;
    retour__src src_waived;
    retour__src src_returnable;
} retour__category;

typedef enum retour__window_start {
    RETOUR__START_DELIVERY = 0,
    RETOUR__START_ORDER = 1
} retour__window_start;

struct retour_policy {
    uint32_t magic; /* RETOUR__POLICY_MAGIC while alive (handle.h) */
    const retour_allocator *allocator;
    retour__arena arena;
    const char *file;
    const char *shop;
    const char *jurisdiction_code;
    const retour__jurisdiction *jurisdiction;
    char currency[4];
    int decimals;

    int days;                /* the shop's window */
    retour__window_start starts;
    int informed;
    int return_days;
    int refund_days;
    retour_payer return_shipping;
    int refund_outbound;

    retour__src src_jurisdiction;
    retour__src src_days;
    retour__src src_starts;
    retour__src src_informed;
    retour__src src_return_days;
    retour__src src_refund_days;
    retour__src src_return_shipping;
    retour__src src_refund_outbound;

    retour__pkg_rule damaged;
    retour__pkg_rule missing;

    retour__category *categories;
    size_t category_count;
    long default_category; /* index, or -1 */

    /* Citations composed at load (NULL where no law applies). */
    const char *law_period;
    const char *law_extension;
    const char *law_refund;
    const char *law_return;
    const char *law_handling;
    const char *law_exception[RETOUR__EXCL__COUNT];
};

/* Finds a category by name; NULL when not listed. */
const retour__category *retour__policy_category(const retour_policy *policy, const char *name);

#endif
