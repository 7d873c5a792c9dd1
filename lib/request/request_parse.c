/* Requests from YAML or JSON text (JSON is YAML: one parser, one set of errors). */
#include "request/request_parse.h"
#include "policy/policy.h"
#include "policy/policy_read.h"
#include "request/request.h"
#include "policy/schema.h"

#include <string.h>


typedef struct parse_state {
    retour__ctx ctx;
    const retour_policy *policy;
    retour_request *request;
} parse_state;

#define WITH_KEY RETOUR__WITH_KEY
#define opt retour__opt

static int missing(retour__ctx *ctx, const retour__node *map, const char *key, const char *what)
{
    size_t saved = retour__path_push_key(ctx, key);
    int rc = retour__fail_at(ctx, map, RETOUR_ESCHEMA, "missing required key '%s' (%s)", key,
                             what);
    retour__path_pop(ctx, saved);
    return rc;
}

static int read_count(retour__ctx *ctx, const retour__node *map, const char *key, int *out)
{
    return retour__opt_int(ctx, map, key, 0, RETOUR__MAX_COUNT, out, NULL);
}

int retour__read_country(retour__ctx *ctx, const retour__node *n, char country[3])
{
    const char *text;
    int rc = retour__read_string(ctx, n, &text);
    if (rc)
        return rc;
    if (!retour__country_code_valid(n->text, n->len))
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "expected a country code such as ES (ISO 3166-1 alpha-2: two "
                               "capital letters), found '%.*s'",
                               (int)(n->len > 16 ? 16 : n->len), n->text);
    memcpy(country, n->text, 2);
    country[2] = '\0';
    return RETOUR_OK;
}

static int parse_customer(parse_state *st, const retour__node *c)
{
    retour__ctx *ctx = &st->ctx;
    retour_request *r = st->request;
    int rc;
    if ((rc = retour__expect_map(ctx, c)) || (rc = retour__check_keys(ctx, c, retour__customer_keys, RETOUR__CK__COUNT)) ||
        (rc = read_count(ctx, c, "orders", &r->customer_orders)) ||
        (rc = read_count(ctx, c, "claims_last_year", &r->claims_last_year)) ||
        (rc = read_count(ctx, c, "goodwill_last_year", &r->goodwill_last_year)))
        return rc;
    const retour__node *n = opt(c, "lifetime_spend");
    if (n)
        WITH_KEY(ctx, "lifetime_spend", retour__read_money(ctx, n, st->policy->decimals,
                                                           st->policy->currency,
                                                           &r->lifetime_spend));
    if ((n = opt(c, "country")))
        WITH_KEY(ctx, "country", retour__read_country(ctx, n, r->country));
    return RETOUR_OK;
}

/* noticed, cause, customer_admits_damage, remedy, remedy_failed: read for any type, used
 * by complaints. */
static int parse_complaint_fields(parse_state *st, const retour__node *in, retour__item *it)
{
    retour__ctx *ctx = &st->ctx;
    const retour__node *n;
    int v;
    if ((n = opt(in, "noticed"))) {
        WITH_KEY(ctx, "noticed", retour__read_date(ctx, n, &it->noticed));
        if (st->request->notified != RETOUR_DATE_NONE && it->noticed > st->request->notified) {
            size_t saved = retour__path_push_key(ctx, "noticed");
            int rc = retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                                     "noticed is after the notification date");
            retour__path_pop(ctx, saved);
            return rc;
        }
    }
    if ((n = opt(in, "cause"))) {
        WITH_KEY(ctx, "cause", retour__read_enum(ctx, n, retour__cause_names, RETOUR_CAUSE__COUNT,
                                                 &v));
        it->cause = (retour_cause)v;
    }
    if ((n = opt(in, "customer_admits_damage")))
        WITH_KEY(ctx, "customer_admits_damage", retour__read_bool(ctx, n, &it->admits_damage));
    if ((n = opt(in, "remedy"))) {
        /* The four remedies a consumer can ask for ("none" is the unset state). */
        WITH_KEY(ctx, "remedy", retour__read_enum(ctx, n, retour__remedy_names + 1,
                                                  RETOUR_REMEDY_PRICE_REDUCTION, &v));
        it->remedy = (retour_remedy)(v + 1);
    }
    if ((n = opt(in, "remedy_failed")))
        WITH_KEY(ctx, "remedy_failed", retour__read_bool(ctx, n, &it->remedy_failed));
    return RETOUR_OK;
}

static int parse_item(parse_state *st, const retour__node *in, retour__item *it)
{
    retour__ctx *ctx = &st->ctx;
    int rc;
    if ((rc = retour__expect_map(ctx, in)) || (rc = retour__check_keys(ctx, in, retour__item_keys, RETOUR__IK__COUNT)))
        return rc;
    memset(it, 0, sizeof *it);
    it->quantity = 1;
    it->delivered = RETOUR_DATE_NONE;
    it->packaging = RETOUR_PACKAGING_UNKNOWN;
    it->noticed = RETOUR_DATE_NONE;
    it->place = retour__node_place(ctx->doc, in);

    const retour__node *n = opt(in, "sku");
    if (n == NULL)
        return missing(ctx, in, "sku", "the item's article number");
    WITH_KEY(ctx, "sku", retour__read_string(ctx, n, &it->sku));
    if ((n = opt(in, "category")))
        WITH_KEY(ctx, "category", retour__read_string(ctx, n, &it->category));
    if ((n = opt(in, "price")) == NULL)
        return missing(ctx, in, "price", "the unit price paid, e.g. \"49.95\"");
    WITH_KEY(ctx, "price", retour__read_money(ctx, n, st->policy->decimals, st->policy->currency,
                                              &it->price));
    if ((n = opt(in, "quantity"))) {
        long q;
        WITH_KEY(ctx, "quantity", retour__read_int(ctx, n, 1, RETOUR__MAX_QUANTITY, &q));
        it->quantity = (int)q;
    }
    if ((n = opt(in, "delivered")))
        WITH_KEY(ctx, "delivered", retour__read_date(ctx, n, &it->delivered));
    else if (st->request->type == RETOUR_REQUEST_WITHDRAWAL)
        return missing(ctx, in, "delivered", "the day the consumer received the item");
    if ((n = opt(in, "packaging"))) {
        int v;
        /* "unknown" is the unset state, not a value to write. */
        WITH_KEY(ctx, "packaging", retour__read_enum(ctx, n, retour__packaging_names + 1, 4, &v));
        it->packaging = (retour_packaging)(v + 1);
    }
    if ((rc = parse_complaint_fields(st, in, it)))
        return rc;
    /* Strings are copied out of the document, which is freed after parsing. */
    int had_category = it->category != NULL;
    it->sku = retour__request_strdup(st->request, it->sku, strlen(it->sku));
    if (had_category)
        it->category = retour__request_strdup(st->request, it->category, strlen(it->category));
    if (it->sku == NULL || (had_category && it->category == NULL))
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    retour__item_measure(it);
    return RETOUR_OK;
}

static int parse_items(parse_state *st, const retour__node *items)
{
    retour__ctx *ctx = &st->ctx;
    retour_request *r = st->request;
    int rc = retour__expect_seq(ctx, items);
    if (rc)
        return rc;
    if (items->count == 0)
        return retour__fail_at(ctx, items, RETOUR_ESCHEMA, "expected at least one item");
    if (retour__request_reserve_items(r, items->count))
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < items->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        rc = parse_item(st, items->items[i], &r->items[i]);
        retour__path_pop(ctx, saved);
        if (rc)
            return rc;
        r->count = i + 1;
    }
    return RETOUR_OK;
}

/* provided: [form, invoice]: what the consumer provided, in the words of the policy's
 * requirements. */
static int parse_provided(parse_state *st, const retour__node *n)
{
    retour__ctx *ctx = &st->ctx;
    int rc = retour__expect_seq(ctx, n);
    for (size_t i = 0; rc == RETOUR_OK && i < n->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        int v = 0;
        rc = retour__read_enum(ctx, n->items[i], retour__requirement_names, RETOUR__REQ__COUNT,
                               &v);
        retour__path_pop(ctx, saved);
        if (rc == RETOUR_OK)
            st->request->provided |= 1u << v;
    }
    return rc;
}

static int parse_root(parse_state *st, const retour__node *root)
{
    retour__ctx *ctx = &st->ctx;
    retour_request *r = st->request;
    if (root == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ESCHEMA,
                               "empty request: expected type, notified and items");
    int rc;
    if ((rc = retour__expect_map(ctx, root)) ||
        (rc = retour__check_keys(ctx, root, retour__request_keys, RETOUR__RK__COUNT)))
        return rc;
    r->place = retour__node_place(ctx->doc, root);

    const retour__node *n = opt(root, "type");
    int type;
    if (n == NULL)
        return missing(ctx, root, "type", "withdrawal or complaint");
    WITH_KEY(ctx, "type", retour__read_enum(ctx, n, retour__request_types, 2, &type));
    r->type = (retour_request_type)type;
    /* A notified day set before parsing (a test case's `today`) is the default. */
    if ((n = opt(root, "notified")) == NULL && r->notified == RETOUR_DATE_NONE)
        return missing(ctx, root, "notified", "the day the consumer told the shop");
    if (n)
        WITH_KEY(ctx, "notified", retour__read_date(ctx, n, &r->notified));
    if ((n = opt(root, "ordered")))
        WITH_KEY(ctx, "ordered", retour__read_date(ctx, n, &r->ordered));
    if ((n = opt(root, "last_delivered")))
        WITH_KEY(ctx, "last_delivered", retour__read_date(ctx, n, &r->last_delivered));
    if ((n = opt(root, "goods_sent")))
        WITH_KEY(ctx, "goods_sent", retour__read_date(ctx, n, &r->goods_sent));
    if ((n = opt(root, "goods_received")))
        WITH_KEY(ctx, "goods_received", retour__read_date(ctx, n, &r->goods_received));
    if ((n = opt(root, "provided")))
        WITH_KEY(ctx, "provided", parse_provided(st, n));
    if ((n = opt(root, "shipping_paid")))
        WITH_KEY(ctx, "shipping_paid", retour__read_money(ctx, n, st->policy->decimals,
                                                          st->policy->currency,
                                                          &r->shipping_paid));
    if ((n = opt(root, "whole_order")))
        WITH_KEY(ctx, "whole_order", retour__read_bool(ctx, n, &r->whole_order));
    if ((n = opt(root, "customer")))
        WITH_KEY(ctx, "customer", parse_customer(st, n));
    if ((n = opt(root, "items")) == NULL)
        return missing(ctx, root, "items", "a list of the items returned");
    WITH_KEY(ctx, "items", parse_items(st, n));
    if (r->ordered != RETOUR_DATE_NONE && r->notified < r->ordered) {
        size_t saved = retour__path_push_key(ctx, "notified");
        rc = retour__fail_at(ctx, opt(root, "notified"), RETOUR_ESCHEMA,
                             "notified is before the order date");
        retour__path_pop(ctx, saved);
        return rc;
    }
    return RETOUR_OK;
}

int retour__request_parse_node(retour_request *request, const retour_policy *policy,
                               retour__ctx *ctx, const retour__node *root)
{
    parse_state st;
    st.ctx = *ctx;
    st.policy = policy;
    st.request = request;
    int rc = parse_root(&st, root);
    if (rc == RETOUR_OK) {
        request->place.file = retour__request_strdup(request, ctx->doc->file,
                                                     strlen(ctx->doc->file));
        if (request->place.file == NULL)
            return retour__fail(ctx->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        for (size_t i = 0; i < request->count; i++)
            request->items[i].place.file = request->place.file;
    }
    return rc;
}

int retour_request_parse(retour_request **out, const retour_policy *policy, const char *text,
                         size_t len, const char *name, const retour_options *options,
                         retour_error *err)
{
    retour__error_clear(err);
    if (out == NULL || !RETOUR__POLICY_OK(policy) || (text == NULL && len > 0))
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_request_parse: out, policy and text must not be NULL");
    int rc = retour__options_check(options, "retour_request_parse", err);
    if (rc)
        return rc;
    retour_request *r;
    rc = retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, options);
    if (rc)
        return retour__fail(err, rc, NULL, NULL, "%s", retour_strerror(rc));
    retour__limits limits;
    retour__limits_from_options(&limits, options);
    retour__doc doc;
    rc = retour__doc_parse(&doc, text ? text : "", len, name ? name : "<string>", &limits,
                           r->allocator, err);
    if (rc == RETOUR_OK) {
        parse_state st;
        retour__ctx_init(&st.ctx, &doc, err);
        st.policy = policy;
        st.request = r;
        rc = parse_root(&st, doc.root);
        if (rc == RETOUR_OK) {
            r->place.file = retour__request_strdup(r, doc.file, strlen(doc.file));
            if (r->place.file == NULL)
                rc = retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
            for (size_t i = 0; i < r->count; i++)
                r->items[i].place.file = r->place.file;
        }
        retour__doc_free(&doc);
    }
    if (rc) {
        retour_request_free(r);
        return rc;
    }
    *out = r;
    return RETOUR_OK;
}

int retour_request_load_file(retour_request **out, const retour_policy *policy, const char *path,
                             const retour_options *options, retour_error *err)
{
    retour__error_clear(err);
    if (out == NULL || !RETOUR__POLICY_OK(policy) || path == NULL)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_request_load_file: out, policy and path must not be NULL");
    int rc = retour__options_check(options, "retour_request_load_file", err);
    if (rc)
        return rc;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour__limits limits;
    retour__limits_from_options(&limits, options);
    char *text;
    size_t len;
    rc = retour__read_file(&text, &len, path, limits.max_bytes, a, err);
    if (rc)
        return rc;
    rc = retour_request_parse(out, policy, text, len, path, options, err);
    retour__free(a, text);
    return rc;
}
