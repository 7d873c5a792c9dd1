/* Building requests through the C API. */
#include "request/request.h"
#include "base/options.h"
#include "base/name_hash.h"

#include <string.h>

const char *const retour__request_keys[RETOUR__RK__COUNT] = {
    "type", "ordered", "notified", "shipping_paid", "whole_order", "last_delivered", "items",
    "customer", "goods_sent", "goods_received", "provided"
};
const char *const retour__item_keys[RETOUR__IK__COUNT] = {
    "sku", "category", "price", "quantity", "delivered", "packaging", "noticed", "cause",
    "customer_admits_damage", "remedy", "remedy_failed"
};
const char *const retour__customer_keys[RETOUR__CK__COUNT] = {
    "orders", "claims_last_year", "goodwill_last_year", "lifetime_spend", "country"
};
const char *const retour__request_types[RETOUR_REQUEST_TYPE__COUNT] = {
    "withdrawal", "complaint"
};
static void clear_fields(retour_request *r, retour_request_type type)
{
    r->type = type;
    r->ordered = RETOUR_DATE_NONE;
    r->notified = RETOUR_DATE_NONE;
    r->last_delivered = RETOUR_DATE_NONE;
    r->goods_sent = RETOUR_DATE_NONE;
    r->goods_received = RETOUR_DATE_NONE;
    r->provided = 0;
    r->shipping_paid = 0;
    r->whole_order = 1;
    r->customer_orders = 0;
    r->claims_last_year = 0;
    r->goodwill_last_year = 0;
    r->lifetime_spend = 0;
    r->country[0] = 0;
    r->count = 0;
    r->text_used = 0;
    memset(&r->place, 0, sizeof r->place);
}

int retour_request_new(retour_request **out, retour_request_type type,
                       const retour_options *options)
{
    if (out == NULL || (unsigned)type >= RETOUR_REQUEST_TYPE__COUNT)
        return RETOUR_EINVAL;
    if (retour__options_check(options, "retour_request_new", NULL))
        return RETOUR_EINVAL;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour_request *r = retour__malloc(a, sizeof *r);
    if (r == NULL)
        return RETOUR_ENOMEM;
    retour__request_init(r, type, options);
    *out = r;
    return RETOUR_OK;
}

void retour__request_init(retour_request *r, retour_request_type type,
                          const retour_options *options)
{
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    memset(r, 0, sizeof *r);
    r->allocator = a;
    retour__arena_init_small(&r->arena, a);
    retour__limits_from_options(&r->limits, options);
    clear_fields(r, type);
    r->magic = RETOUR__REQUEST_MAGIC;
}

void retour__request_release(retour_request *request)
{
    request->magic = 0;
    retour__arena_release(&request->arena);
    if (request->items != &request->first_item)
        retour__free(request->allocator, request->items);
}

void retour_request_free(retour_request *request)
{
    if (!RETOUR__REQUEST_OK(request))
        return;
    const retour_allocator *a = request->allocator;
    retour__request_release(request);
    retour__free(a, request);
}

int retour_request_reset(retour_request *request, retour_request_type type)
{
    if (!RETOUR__REQUEST_OK(request) || (unsigned)type >= RETOUR_REQUEST_TYPE__COUNT)
        return RETOUR_EINVAL;
    retour__arena_clear(&request->arena);
    clear_fields(request, type);
    return RETOUR_OK;
}

int retour__request_reserve_items(retour_request *request, size_t need)
{
    if (need <= request->cap)
        return RETOUR_OK;
    if (request->items == NULL && need == 1) {
        request->items = &request->first_item;
        request->cap = 1;
        return RETOUR_OK;
    }
    if (request->items == &request->first_item) {
        /* Out of the request into an array that can grow; the item goes along. */
        retour__item *items = NULL;
        size_t cap = 0;
        if (retour__grow(request->allocator, (void **)&items, &cap, need, sizeof *items))
            return RETOUR_ENOMEM;
        items[0] = request->first_item;
        request->items = items;
        request->cap = cap;
        return RETOUR_OK;
    }
    return retour__grow(request->allocator, (void **)&request->items, &request->cap, need,
                        sizeof *request->items);
}

void retour__item_measure(retour__item *it)
{
    size_t len = strlen(it->sku);
    it->sku_len = (uint32_t)len;
    it->category_len = 0;
    it->category_hash = 0;
    if (it->category) {
        it->category_hash = retour__name_hash(it->category, &len);
        it->category_len = (uint32_t)len;
    }
    it->measured = 1;
}

const char *retour__request_strdup(retour_request *request, const char *s, size_t len)
{
    if (s == NULL)
        return NULL;
    if (len < sizeof request->text - request->text_used) {
        char *p = request->text + request->text_used;
        memcpy(p, s, len);
        p[len] = '\0';
        request->text_used += len + 1;
        return p;
    }
    return retour__arena_strndup(&request->arena, s, len);
}

/* Strings end up in JSON and messages, which must stay valid UTF-8. */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                 : (*p & 0xF8) == 0xF0 ? 3 : 4;
        if (n == 4 || (n == 1 && *p < 0xC2) || (n == 3 && *p > 0xF4))
            return 0;
        uint32_t cp = n ? (uint32_t)(*p & (0x3F >> n)) : *p;
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += n + 1;
    }
    return 1;
}

static int valid_date(retour_date d)
{
    char buf[11];
    return retour_date_format(buf, d) == RETOUR_OK;
}

int retour_request_set_notified(retour_request *request, retour_date notified)
{
    if (!RETOUR__REQUEST_OK(request) || !valid_date(notified))
        return RETOUR_EINVAL;
    request->notified = notified;
    return RETOUR_OK;
}

int retour_request_set_ordered(retour_request *request, retour_date ordered)
{
    if (!RETOUR__REQUEST_OK(request) || (ordered != RETOUR_DATE_NONE && !valid_date(ordered)))
        return RETOUR_EINVAL;
    request->ordered = ordered;
    return RETOUR_OK;
}

int retour_request_set_shipping_paid(retour_request *request, int64_t minor)
{
    if (!RETOUR__REQUEST_OK(request) || minor < 0)
        return RETOUR_EINVAL;
    request->shipping_paid = minor;
    return RETOUR_OK;
}

int retour_request_set_whole_order(retour_request *request, int whole_order)
{
    if (!RETOUR__REQUEST_OK(request))
        return RETOUR_EINVAL;
    request->whole_order = whole_order != 0;
    return RETOUR_OK;
}

int retour_request_set_last_delivered(retour_request *request, retour_date date)
{
    if (!RETOUR__REQUEST_OK(request) || (date != RETOUR_DATE_NONE && !valid_date(date)))
        return RETOUR_EINVAL;
    request->last_delivered = date;
    return RETOUR_OK;
}

int retour_request_set_goods_sent(retour_request *request, retour_date date)
{
    if (!RETOUR__REQUEST_OK(request) || (date != RETOUR_DATE_NONE && !valid_date(date)))
        return RETOUR_EINVAL;
    request->goods_sent = date;
    return RETOUR_OK;
}

int retour_request_set_goods_received(retour_request *request, retour_date date)
{
    if (!RETOUR__REQUEST_OK(request) || (date != RETOUR_DATE_NONE && !valid_date(date)))
        return RETOUR_EINVAL;
    request->goods_received = date;
    return RETOUR_OK;
}

int retour_request_add_provided(retour_request *request, const char *word)
{
    if (!RETOUR__REQUEST_OK(request) || word == NULL)
        return RETOUR_EINVAL;
    for (int i = 0; i < RETOUR__REQ__COUNT; i++) {
        if (strcmp(word, retour__requirement_names[i]) == 0) {
            request->provided |= 1u << i;
            return RETOUR_OK;
        }
    }
    return RETOUR_EINVAL;
}

int retour_request_set_customer(retour_request *request, int orders, int claims_last_year)
{
    if (!RETOUR__REQUEST_OK(request) || orders < 0 || claims_last_year < 0)
        return RETOUR_EINVAL;
    request->customer_orders = orders;
    request->claims_last_year = claims_last_year;
    return RETOUR_OK;
}

int retour_request_set_customer_history(retour_request *request, int goodwill_last_year,
                                        int64_t lifetime_spend)
{
    if (!RETOUR__REQUEST_OK(request) || goodwill_last_year < 0 || lifetime_spend < 0)
        return RETOUR_EINVAL;
    request->goodwill_last_year = goodwill_last_year;
    request->lifetime_spend = lifetime_spend;
    return RETOUR_OK;
}

int retour__country_code_valid(const char *text, size_t len)
{
    return len == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

int retour_request_set_customer_country(retour_request *request, const char *country)
{
    if (!RETOUR__REQUEST_OK(request))
        return RETOUR_EINVAL;
    if (country == NULL || country[0] == '\0') {
        request->country[0] = '\0';
        return RETOUR_OK;
    }
    if (!retour__country_code_valid(country, strlen(country)))
        return RETOUR_EINVAL;
    memcpy(request->country, country, 3);
    return RETOUR_OK;
}

int retour_request_set_item_complaint(retour_request *request, size_t item, retour_date noticed,
                                      retour_cause cause, int customer_admits_damage,
                                      retour_remedy remedy, int remedy_failed)
{
    /* A consumer asks for one of the four legal remedies; the rest are grants. */
    if (!RETOUR__REQUEST_OK(request) || item >= request->count ||
        (unsigned)cause >= RETOUR_CAUSE__COUNT ||
        (unsigned)remedy > RETOUR_REMEDY_PRICE_REDUCTION ||
        (noticed != RETOUR_DATE_NONE && !valid_date(noticed)))
        return RETOUR_EINVAL;
    retour__item *it = &request->items[item];
    it->noticed = noticed;
    it->cause = cause;
    it->admits_damage = customer_admits_damage != 0;
    it->remedy = remedy;
    it->remedy_failed = remedy_failed != 0;
    return RETOUR_OK;
}

int retour_request_add_item(retour_request *request, size_t *index, const char *sku,
                            const char *category, int64_t price, int quantity,
                            retour_date delivered, retour_packaging packaging)
{
    if (!RETOUR__REQUEST_OK(request) || sku == NULL || !valid_utf8(sku) ||
        (category && !valid_utf8(category)) || price < 0 || quantity < 1 ||
        (unsigned)packaging >= RETOUR_PACKAGING__COUNT ||
        (delivered != RETOUR_DATE_NONE && !valid_date(delivered)))
        return RETOUR_EINVAL;
    if (retour__request_reserve_items(request, request->count + 1))
        return RETOUR_ENOMEM;
    retour__item *it = &request->items[request->count];
    memset(it, 0, sizeof *it);
    it->sku = retour__request_strdup(request, sku, strlen(sku));
    it->category = category ? retour__request_strdup(request, category, strlen(category)) : NULL;
    if (it->sku == NULL || (category && it->category == NULL))
        return RETOUR_ENOMEM;
    it->price = price;
    it->quantity = quantity;
    it->delivered = delivered;
    it->packaging = packaging;
    it->noticed = RETOUR_DATE_NONE;
    retour__item_measure(it);
    if (index)
        *index = request->count;
    request->count++;
    return RETOUR_OK;
}

size_t retour_request_item_count(const retour_request *request)
{
    return RETOUR__REQUEST_OK(request) ? request->count : 0;
}
