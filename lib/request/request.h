/* A request's contents. Built through the API or parsed; strings live in its arena. */
#ifndef RETOUR_REQUEST_H
#define RETOUR_REQUEST_H

#include "base/alloc.h"
#include "base/error.h"
#include "base/options.h"
#include "base/handle.h"
#include "base/names.h"

typedef struct retour__item {
    const char *sku;
    const char *category; /* NULL: the policy's default category */
    int64_t price;        /* per unit, minor units */
    int quantity;
    retour_date delivered;
    retour_packaging packaging;
    /* Complaints */
    retour_date noticed;  /* RETOUR_DATE_NONE: the notification day */
    retour_cause cause;
    int admits_damage;
    retour_remedy remedy; /* what the consumer asks for */
    int remedy_failed;
    retour__place place;  /* where the item was written (line 0-based), file NULL if built */
    /* Set by retour__item_measure() once sku and category are final, for evaluation. */
    uint32_t sku_len;
    uint32_t category_len;
    uint32_t category_hash; /* retour__name_hash() of category */
    int measured;           /* 0: not measured yet, evaluation measures */
    /* A case's category, already found by its id in the policy the case is evaluated
     * against (case.c); NULL: found by name. */
    const struct retour__category *found;
    /* A case named a category id the policy does not list (case.c; category is NULL,
     * as only the id is known). */
    int unlisted_id;
} retour__item;

struct retour_request {
    uint32_t magic; /* RETOUR__REQUEST_MAGIC while alive (handle.h) */
    const retour_allocator *allocator;
    retour__arena arena;
    retour_request_type type;
    retour_date ordered;        /* RETOUR_DATE_NONE when absent */
    retour_date notified;       /* RETOUR_DATE_NONE until set */
    retour_date last_delivered; /* RETOUR_DATE_NONE when absent */
    /* The day the consumer sent the goods back and the day the shop received them
     * (RETOUR_DATE_NONE when not given); the policy's timely_when and
     * refund_counted_from may count from them. */
    retour_date goods_sent;
    retour_date goods_received;
    /* What the consumer provided (provided:): bit per retour__requirement (base/names.h). */
    unsigned provided;
    int64_t shipping_paid;
    int whole_order;
    int customer_orders;
    int claims_last_year;
    int goodwill_last_year;
    int64_t lifetime_spend;
    char country[3];            /* the consumer's country (ISO alpha-2), "" when not given */
    retour__item *items; /* first_item until a second item needs room */
    size_t count;
    size_t cap;
    /* Most requests hold one item with a short SKU and category: kept inside the request,
     * they share its memory, so a prebuilt batch of requests is read front to back
     * (retour__request_reserve_items, retour__request_strdup). */
    retour__item first_item;
    char text[48];
    size_t text_used;
    retour__place place; /* the document, for errors found while evaluating */
    retour__limits limits; /* from the options it was created with, for the JSON reader */
};

/* A request in memory the caller owns (retour_request_new() without its allocation;
 * options already checked), and the release of what it holds (not the memory itself). */
void retour__request_init(retour_request *request, retour_request_type type,
                          const retour_options *options);
void retour__request_release(retour_request *request);

/* Room for `need` items: the request's own first_item, then a growing array. 0 or
 * RETOUR_ENOMEM. */
int retour__request_reserve_items(retour_request *request, size_t need);

/* Bounds of a request's whole numbers: an item's quantity, the customer's counts. */
#define RETOUR__MAX_QUANTITY 1000000L
#define RETOUR__MAX_COUNT 1000000L

/* The keys a request may hold, in the order error messages list them; the YAML and the
 * JSON readers share them. */
enum { RETOUR__RK_TYPE, RETOUR__RK_ORDERED, RETOUR__RK_NOTIFIED, RETOUR__RK_SHIPPING_PAID, RETOUR__RK_WHOLE_ORDER, RETOUR__RK_LAST_DELIVERED, RETOUR__RK_ITEMS, RETOUR__RK_CUSTOMER, RETOUR__RK_GOODS_SENT, RETOUR__RK_GOODS_RECEIVED, RETOUR__RK_PROVIDED, RETOUR__RK__COUNT };
enum { RETOUR__IK_SKU, RETOUR__IK_CATEGORY, RETOUR__IK_PRICE, RETOUR__IK_QUANTITY, RETOUR__IK_DELIVERED, RETOUR__IK_PACKAGING, RETOUR__IK_NOTICED, RETOUR__IK_CAUSE, RETOUR__IK_ADMITS, RETOUR__IK_REMEDY, RETOUR__IK_REMEDY_FAILED, RETOUR__IK__COUNT };
enum { RETOUR__CK_ORDERS, RETOUR__CK_CLAIMS, RETOUR__CK_GOODWILL, RETOUR__CK_SPEND, RETOUR__CK_COUNTRY, RETOUR__CK__COUNT };
extern const char *const retour__request_keys[RETOUR__RK__COUNT];
extern const char *const retour__item_keys[RETOUR__IK__COUNT];
extern const char *const retour__customer_keys[RETOUR__CK__COUNT];
extern const char *const retour__request_types[RETOUR_REQUEST_TYPE__COUNT];

/* 1 when text[0..len) is a country code: two capital letters (ISO 3166-1 alpha-2). */
int retour__country_code_valid(const char *text, size_t len);

/* Records the lengths of the item's strings and the hash of its category. */
void retour__item_measure(retour__item *it);

/* Copies a string into the request's own text, or its arena once that is full (NULL
 * stays NULL). */
const char *retour__request_strdup(retour_request *request, const char *s, size_t len);

#endif
