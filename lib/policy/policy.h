/* The compiled policy: every value resolved (defaults from the jurisdiction), every
 * citation composed, every deciding key's place kept for reasons. Immutable after load. */
#ifndef RETOUR_POLICY_H
#define RETOUR_POLICY_H

#include "base/alloc.h"
#include "base/handle.h"
#include "base/names.h"
#include "law/exclusion.h"
#include "law/guarantee_law.h"
#include "law/jurisdiction.h"

/* Where a value came from in the policy file (1-based; line 0: not written, defaulted). */
typedef struct retour__src {
    int line;
    int column;
} retour__src;

typedef enum retour__pkg_action {
    RETOUR__PKG_ACCEPT = 0,
    RETOUR__PKG_REVIEW,
    RETOUR__PKG_DEDUCT_PERCENT,
    RETOUR__PKG_DEDUCT_AMOUNT,
    RETOUR__PKG_REJECT /* below the law for a statutory withdrawal: the lint flags it */
} retour__pkg_action;

/* withdrawal.condition: what state the shop's terms demand the goods back in. */
typedef enum retour__condition {
    RETOUR__COND_ANY = 0,
    RETOUR__COND_UNDAMAGED,
    RETOUR__COND_UNUSED
} retour__condition;

typedef struct retour__pkg_rule {
    retour__pkg_action action;
    int32_t basis_points; /* DEDUCT_PERCENT */
    int64_t amount;       /* DEDUCT_AMOUNT, minor units */
    /* A percentage's bounds (restocking_fee: {percent, minimum, maximum}), minor units:
     * minimum 0 is none; maximum applies when capped. */
    int64_t minimum;
    int64_t maximum;
    int capped;
    retour__src src;
} retour__pkg_rule;

typedef struct retour__category {
    const char *name;
    retour__exclusion exclusion;
    int waived;     /* the shop takes excluded items back anyway */
    int returnable; /* 0: the shop's own exclusion, beyond the statutory period only */
    int lifespan_months; /* expected lifespan for complaints; 0: not stated */
    int inspection;      /* -1: as complaints.inspection; 0 or 1 */
    /* categories.NAME.restocking_fee, instead of withdrawal.restocking_fee when own_fee;
     * fee_clause is that key path, for the reason that sets it aside. */
    int own_fee;
    retour__pkg_rule restocking;
    const char *fee_clause;
    retour__src src;
    retour__src src_exclusion;
    retour__src src_waived;
    retour__src src_returnable;
    retour__src src_lifespan;
    retour__src src_inspection;
} retour__category;

/* A goodwill rule: conditions (all must hold; unset ones always do) and a grant. */
typedef struct retour__goodwill_rule {
    const char *name;
    retour__src src;      /* the rule's list entry */
    int type;             /* -1: any; else a retour_request_type */
    int min_orders;
    int64_t min_lifetime_spend;
    int64_t max_amount;   /* -1: no limit; the item's value (price x quantity) */
    int max_days_late;    /* -1: no limit */
    int max_goodwill_last_year; /* -1: no limit */
    int max_claims_last_year;   /* -1: no limit */
    unsigned causes;      /* bit per retour_cause; 0: any */
    int admits_damage;    /* -1: any */
    int excluded;         /* 1: also for items under a legal or shop exclusion */
    size_t *categories;   /* indexes into the policy's categories */
    size_t category_count; /* 0: any */
    retour_remedy grant;
    int32_t grant_bp;     /* partial_refund / repair_discount */
    retour__src src_grant;
} retour__goodwill_rule;

/* withdrawal.counting: how days, return_within_days and refund_within_days count. */
typedef enum retour__counting {
    RETOUR__COUNTING_CALENDAR_DAYS = 0,
    RETOUR__COUNTING_WORKING_DAYS /* working days of the jurisdiction's calendar */
} retour__counting;

/* withdrawal.refund_counted_from */
typedef enum retour__refund_from {
    RETOUR__REFUND_FROM_NOTIFICATION = 0,
    RETOUR__REFUND_FROM_GOODS_RECEIVED /* below the law: art. 13(1) counts from the notice */
} retour__refund_from;

/* withdrawal.refund_withheld_until */
typedef enum retour__withheld {
    RETOUR__WITHHELD_NOTHING = 0,
    RETOUR__WITHHELD_GOODS_OR_PROOF, /* art. 13(3): whichever comes first */
    RETOUR__WITHHELD_GOODS_RECEIVED  /* below the law: proof of dispatch is enough */
} retour__withheld;

/* withdrawal.timely_when: the day that must fall in the window. */
typedef enum retour__timely {
    RETOUR__TIMELY_NOTIFIED = 0, /* art. 11(2): sending the notice in time suffices */
    RETOUR__TIMELY_GOODS_SENT,
    RETOUR__TIMELY_GOODS_RECEIVED
} retour__timely;

typedef enum retour__window_start {
    RETOUR__START_DELIVERY = 0,
    RETOUR__START_ORDER = 1
} retour__window_start;

/* A version of the terms (`versions:`): orders from `from` on; name NULL when none. */
typedef struct retour__terms_version {
    retour_date from;
    const char *name;
    retour__src src;
} retour__terms_version;

/* A market (`markets:`): terms for consumers living in one country. */
typedef struct retour__terms_market {
    char code[3];
    const retour__jurisdiction *law;
    retour__src src;
} retour__terms_market;

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
    int refund_outbound; /* 0 false, 1 true, 2 whole_order (refunded with a whole order) */
    /* Clauses real terms contain, some below the law (the lint judges them; a statutory
     * withdrawal sets them aside). */
    int reason_required;
    retour__pkg_rule restocking; /* ACCEPT: no fee */
    retour__condition condition;
    /* withdrawal.requires: bit per retour__requirement (base/names.h); each word's place. */
    unsigned requires;
    retour__src src_require[RETOUR__REQ__COUNT];
    retour__counting counting;
    retour__refund_from refund_from;
    retour__withheld withheld;
    retour__timely timely;
    retour__refund_method refund_method;
    int return_risk_consumer; /* withdrawal.return_risk: consumer */
    int function;             /* withdrawal.function: the online withdrawal function */

    retour__src src_jurisdiction;
    /* The countries the shop directs its activity to (sells_to), NULL when not given. */
    /* Versions and markets of the terms (policy/terms.h). The policy loaded from the file
     * owns every combination, compiled as a policy of its own: combos[(m + 1) *
     * (version_count + 1) + v + 1] for version v and market m (-1: the top-level terms, no
     * market); combos[0] is the policy itself. A combination points back at it (root) and
     * says which version and market it is. */
    const retour__terms_version *versions;
    size_t version_count;
    const retour__terms_market *markets;
    size_t market_count;
    struct retour_policy **combos;
    const struct retour_policy *root;
    long version, market;
    const retour__jurisdiction **sells_to;
    size_t sells_to_count;
    retour__src src_sells_to;
    retour__src src_days;
    retour__src src_starts;
    retour__src src_informed;
    retour__src src_return_days;
    retour__src src_refund_days;
    retour__src src_return_shipping;
    retour__src src_refund_outbound;
    retour__src src_reason_required;
    retour__src src_condition;
    retour__src src_counting;
    retour__src src_refund_from;
    retour__src src_withheld;
    retour__src src_timely;
    retour__src src_refund_method;
    retour__src src_return_risk;
    retour__src src_function;

    retour__pkg_rule opened;  /* ACCEPT unless the policy says otherwise */
    retour__pkg_rule damaged;
    retour__pkg_rule missing;

    retour__category *categories;
    size_t category_count;
    long default_category; /* index, or -1 */
    retour__src src_default_category;
    /* Hash index of the category names (category_index.c); NULL: not built (a policy
     * being checked), looked up one by one. */
    uint32_t *category_slots;  /* mask + 1 slots: category index + 1, 0 empty */
    uint64_t *category_ids;    /* the name's id per slot; its low 32 bits: the name's hash */
    uint32_t category_mask;
    uint64_t category_id_clash; /* an id two categories share (never seen); 0: none */

    /* Complaints */
    const retour__guarantee_law *guarantee;
    int guarantee_months;       /* the shop's commercial guarantee; 0: none */
    int inspection;             /* inspect before deciding a presumed defect */
    retour_remedy remedy;       /* the shop's first remedy: repair or replace; refund and
                                   store_credit deny the consumer's choice (lint, floor) */
    int presumption_months;     /* as the policy states it; 0: not stated */
    /* complaints.remedy's own words beyond the first remedy: repair_only, replace_only
     * (the other is refused: below the law), credit_note (like store_credit). */
    int remedy_only;            /* 0; RETOUR_REMEDY_REPAIR or _REPLACE for *_only */
    int credit_note;
    int notice_months;          /* complaints.notice_within_months; 0: none */
    int notice_form;            /* complaints.notice_form: 0 any, 1 written, 2 form */
    retour__src src_notice_months;
    retour__src src_notice_form;
    retour__src src_presumption_months;
    retour__src src_guarantee_months;
    retour__src src_inspection;
    retour__src src_remedy;

    /* Service generosity */
    retour__goodwill_rule *goodwill;
    size_t goodwill_count;
    int review_claims;          /* 0: no signal */
    int64_t review_amount;      /* -1: no signal */
    retour__src src_review_claims;
    retour__src src_review_amount;

    /* The deadline calendar, and its closed days for the common years (NULL for calendar
     * days), listed at load so that evaluation moves deadlines by bit tests. */
    const struct retour__calendar *calendar;
    const struct retour__closed_days *closed;
    /* The common request's decisions prepared at load (plan.h); NULL: the rules decide
     * every request. */
    const struct retour__plan *plan;

    /* Citations composed at load (NULL where no law applies). */
    const char *law_period;
    const char *law_extension;
    const char *law_refund;
    const char *law_return;
    const char *law_handling;
    const char *law_exception[RETOUR__EXCL__COUNT];
};

#endif
