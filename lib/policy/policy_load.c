/* Policy files (schema version 1) -> compiled retour_policy. Strict: the first problem
 * stops the load with its place, key path and what was expected; no partial policy. */
#include "policy/policy_load.h"
#include "policy/category_index.h"
#include "policy/terms.h"
#include "law/calendar.h"
#include "base/money.h"
#include "policy/policy_read.h"
#include "policy/policy_service.h"
#include "policy/schema.h"

#include <stdio.h>
#include <string.h>

#define SCHEMA_VERSION 1
#define MAX_DAYS 3650
#define MAX_DEADLINE_DAYS 365

/* Reads an optional child of map under key, with the path extended while reading.
 * When checking, a recorded problem goes on with the next statement (schema.h). */
#define WITH_KEY(ctx, key, stmt) RETOUR__WITH_KEY(ctx, key, stmt)

/* "10%" or "5.00": a charge on an item, as a percentage of its value or a fixed amount. */
static int read_charge(retour__ctx *ctx, const retour_policy *p, const retour__node *n,
                       const char *what, const char *arg, size_t len, retour__pkg_rule *rule)
{
    int rc;
    if (len && arg[len - 1] == '%') {
        rc = retour__percent_parse(&rule->basis_points, arg, len);
        if (rc)
            return retour__fail_at(ctx, n, rc == RETOUR_ERANGE ? RETOUR_ERANGE : RETOUR_ESCHEMA,
                                   "%s '%s' must be a percentage from 0%% to 100%% with at most "
                                   "2 decimals",
                                   what, arg);
        rule->action = RETOUR__PKG_DEDUCT_PERCENT;
        return RETOUR_OK;
    }
    char why[64];
    rc = retour__money_parse(&rule->amount, arg, len, p->decimals, why, sizeof why);
    if (rc)
        return retour__fail_at(ctx, n, rc == RETOUR_ERANGE ? RETOUR_ERANGE : RETOUR_ESCHEMA,
                               "%s '%s' must be a percentage such as 20%% or an amount in %s "
                               "with at most %d decimals",
                               what, arg, p->currency, p->decimals);
    rule->action = RETOUR__PKG_DEDUCT_AMOUNT;
    return RETOUR_OK;
}

/* A percentage written as a number (10, 12.5) or with its sign ("10%"): 0 to 100, at most
 * two decimals. */
static int read_percent(retour__ctx *ctx, const retour__node *n, int32_t *basis_points)
{
    const char *text;
    int rc = retour__read_string(ctx, n, &text);
    char buf[32];
    if (rc == RETOUR_OK && n->len + 2 <= sizeof buf) {
        size_t len = n->len;
        memcpy(buf, text, len);
        if (len == 0 || buf[len - 1] != '%')
            buf[len++] = '%';
        rc = retour__percent_parse(basis_points, buf, len);
        if (rc == RETOUR_OK)
            return RETOUR_OK;
    }
    if (rc == RETOUR__RECORDED || rc == RETOUR_ENOMEM)
        return rc;
    return retour__fail_at(ctx, n, rc == RETOUR_ERANGE ? RETOUR_ERANGE : RETOUR_ESCHEMA,
                           "expected a percentage from 0 to 100 with at most 2 decimals, such "
                           "as 10 or 12.5");
}

/* {percent: 10, minimum: 5.00, maximum: 25.00}: a percentage of the item's value within
 * bounds. */
static int read_fee_map(retour__ctx *ctx, const retour_policy *p, const retour__node *n,
                        retour__pkg_rule *rule)
{
    static const char *const keys[] = { "percent", "minimum", "maximum" };
    const retour__node *v = NULL;
    retour__pkg_rule fee = *rule;
    int rc;
    if ((rc = retour__check_keys(ctx, n, keys, 3)))
        return rc;
    size_t saved = retour__path_push_key(ctx, "percent");
    rc = retour__require(ctx, n, "percent", "the fee's percentage of the item's value, e.g. 10",
                         &v);
    if (rc == RETOUR_OK)
        rc = read_percent(ctx, v, &fee.basis_points);
    retour__path_pop(ctx, saved);
    if (rc)
        return rc;
    fee.action = RETOUR__PKG_DEDUCT_PERCENT;
    fee.minimum = 0;
    fee.capped = 0;
    retour__src max_src = { 0, 0 };
    if ((rc = retour__opt_money(ctx, p, n, "minimum", &fee.minimum, NULL)) ||
        (rc = retour__opt_money(ctx, p, n, "maximum", &fee.maximum, &max_src)))
        return rc;
    fee.capped = max_src.line > 0;
    if (fee.capped && fee.maximum < fee.minimum) {
        saved = retour__path_push_key(ctx, "maximum");
        rc = retour__fail_at(ctx, retour__map_get(n, "maximum"), RETOUR_ESCHEMA,
                             "the maximum is below the minimum");
        retour__path_pop(ctx, saved);
        return rc;
    }
    *rule = fee;
    return RETOUR_OK;
}

/* restocking_fee (of the withdrawal or a category): "10%", "5.00", "none" or a map of
 * percent, minimum and maximum. */
static int read_fee(retour__ctx *ctx, const retour_policy *p, const retour__node *n,
                    retour__pkg_rule *rule)
{
    const char *text;
    rule->src = retour__src_of(n);
    if (n->kind == RETOUR__NODE_MAP)
        return read_fee_map(ctx, p, n, rule);
    int rc = retour__read_string(ctx, n, &text);
    if (rc)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "expected none, a percentage (e.g. 10%%), an amount (e.g. 5.00) "
                               "or {percent: N, minimum: AMOUNT, maximum: AMOUNT}");
    if (strcmp(text, "none") == 0) {
        rule->action = RETOUR__PKG_ACCEPT;
        return RETOUR_OK;
    }
    return read_charge(ctx, p, n, "restocking fee", text, n->len, rule);
}

/* withdrawal.refund_outbound_shipping: true, false, or whole_order (what true does: the
 * outbound delivery comes back with a withdrawal of the whole order). */
static int read_outbound(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    if (n->kind == RETOUR__NODE_SCALAR && !n->quoted && strcmp(n->text, "whole_order") == 0) {
        p->refund_outbound = 2;
    } else {
        int flag = p->refund_outbound != 0;
        if (n->kind == RETOUR__NODE_SCALAR && strcmp(n->text, "true") != 0 &&
            strcmp(n->text, "false") != 0)
            return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                                   "expected true, false or whole_order, found '%.*s'",
                                   (int)(n->len > 40 ? 40 : n->len), n->text);
        int rc = retour__read_bool(ctx, n, &flag);
        if (rc)
            return rc;
        p->refund_outbound = flag;
    }
    p->src_refund_outbound = retour__src_of(n);
    return RETOUR_OK;
}

/* withdrawal.requires: [form, invoice, ...], each once. */
static int read_requires(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    int rc = retour__expect_seq(ctx, n);
    for (size_t i = 0; rc == RETOUR_OK && i < n->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        int v = 0;
        rc = retour__read_enum(ctx, n->items[i], retour__requirement_names,
                               RETOUR__REQ__WITHDRAWAL, &v);
        if (rc == RETOUR_OK && (p->requires & (1u << v)))
            rc = retour__fail_at(ctx, n->items[i], RETOUR_ESCHEMA, "'%s' is listed twice",
                                 retour__requirement_names[v]);
        retour__path_pop(ctx, saved);
        if (rc == RETOUR_OK) {
            p->requires |= 1u << v;
            p->src_require[v] = retour__src_of(n->items[i]);
        }
    }
    return rc;
}

static int load_withdrawal(retour__ctx *ctx, retour_policy *p, const retour__node *w)
{
    static const char *const keys[] = { "days", "starts", "informed", "return_within_days",
                                        "refund_within_days", "return_shipping",
                                        "refund_outbound_shipping", "reason_required",
                                        "restocking_fee", "condition", "counting",
                                        "refund_counted_from", "refund_withheld_until",
                                        "timely_when", "requires", "refund_method",
                                        "return_risk", "function" };
    static const char *const starts[] = { "delivery", "order" };
    static const char *const countings[] = { "calendar_days", "working_days" };
    static const char *const refund_from[] = { "notification", "goods_received" };
    static const char *const withheld[] = { "nothing", "goods_or_proof_of_dispatch",
                                            "goods_received" };
    static const char *const timely[] = { "notified", "goods_sent", "goods_received" };
    static const char *const risks[] = { "shop", "consumer" };
    static const char *const payers[] = { "customer", "shop" };
    static const char *const conditions[] = { "any", "undamaged", "unused" };
    int rc;
    if ((rc = retour__expect_map(ctx, w)) ||
        (rc = retour__check_keys(ctx, w, keys, sizeof keys / sizeof keys[0])) ||
        (rc = retour__opt_int(ctx, w, "days", 0, MAX_DAYS, &p->days, &p->src_days)) ||
        (rc = retour__opt_int(ctx, w, "return_within_days", 1, MAX_DEADLINE_DAYS, &p->return_days,
                        &p->src_return_days)) ||
        (rc = retour__opt_int(ctx, w, "refund_within_days", 1, MAX_DEADLINE_DAYS, &p->refund_days,
                        &p->src_refund_days)) ||
        (rc = retour__opt_flag(ctx, w, "informed", &p->informed, &p->src_informed)) ||
        (rc = retour__opt_flag(ctx, w, "function", &p->function, &p->src_function)) ||
        (rc = retour__opt_flag(ctx, w, "reason_required", &p->reason_required,
                        &p->src_reason_required)))
        return rc;
    int v = (int)p->starts;
    if ((rc = retour__opt_choice(ctx, w, "starts", starts, 2, &v, &p->src_starts)))
        return rc;
    p->starts = (retour__window_start)v;
    v = (int)p->return_shipping;
    if ((rc = retour__opt_choice(ctx, w, "return_shipping", payers, 2, &v, &p->src_return_shipping)))
        return rc;
    p->return_shipping = (retour_payer)v;
    v = (int)p->condition;
    if ((rc = retour__opt_choice(ctx, w, "condition", conditions, 3, &v, &p->src_condition)))
        return rc;
    p->condition = (retour__condition)v;
    v = (int)p->counting;
    if ((rc = retour__opt_choice(ctx, w, "counting", countings, 2, &v, &p->src_counting)))
        return rc;
    p->counting = (retour__counting)v;
    v = (int)p->refund_from;
    if ((rc = retour__opt_choice(ctx, w, "refund_counted_from", refund_from, 2, &v,
                                 &p->src_refund_from)))
        return rc;
    p->refund_from = (retour__refund_from)v;
    v = (int)p->withheld;
    if ((rc = retour__opt_choice(ctx, w, "refund_withheld_until", withheld, 3, &v,
                                 &p->src_withheld)))
        return rc;
    p->withheld = (retour__withheld)v;
    v = (int)p->timely;
    if ((rc = retour__opt_choice(ctx, w, "timely_when", timely, 3, &v, &p->src_timely)))
        return rc;
    p->timely = (retour__timely)v;
    const retour__node *n;
    v = (int)p->refund_method;
    if ((rc = retour__opt_choice(ctx, w, "refund_method", retour__refund_method_names,
                                 RETOUR__METHOD__COUNT, &v, &p->src_refund_method)))
        return rc;
    p->refund_method = (retour__refund_method)v;
    v = p->return_risk_consumer;
    if ((rc = retour__opt_choice(ctx, w, "return_risk", risks, 2, &v, &p->src_return_risk)))
        return rc;
    p->return_risk_consumer = v;
    if ((n = retour__opt(w, "refund_outbound_shipping")))
        WITH_KEY(ctx, "refund_outbound_shipping", read_outbound(ctx, p, n));
    if ((n = retour__opt(w, "restocking_fee")))
        WITH_KEY(ctx, "restocking_fee", read_fee(ctx, p, n, &p->restocking));
    if ((n = retour__opt(w, "requires")))
        WITH_KEY(ctx, "requires", read_requires(ctx, p, n));
    return RETOUR_OK;
}

/* "accept" | "review" | "reject" | "deduct 20%" | "deduct 5.00" */
static int read_pkg_rule(retour__ctx *ctx, const retour_policy *p, const retour__node *n,
                         retour__pkg_rule *rule)
{
    static const char *const expected =
        "expected accept, review, reject, 'deduct N%' (e.g. deduct 20%) or 'deduct AMOUNT' "
        "(e.g. deduct 5.00)";
    const char *text;
    int rc = retour__read_string(ctx, n, &text);
    if (rc)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA, "%s", expected);
    rule->src = retour__src_of(n);
    if (strcmp(text, "accept") == 0) {
        rule->action = RETOUR__PKG_ACCEPT;
        return RETOUR_OK;
    }
    if (strcmp(text, "review") == 0) {
        rule->action = RETOUR__PKG_REVIEW;
        return RETOUR_OK;
    }
    if (strcmp(text, "reject") == 0) {
        rule->action = RETOUR__PKG_REJECT;
        return RETOUR_OK;
    }
    if (strncmp(text, "deduct ", 7) != 0)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA, "%s; found '%s'", expected, text);
    return read_charge(ctx, p, n, "deduction", text + 7, n->len - 7, rule);
}

/* packaging.opened: as the other rules, but nothing about opening needs a person. */
static int read_opened_rule(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    int rc = read_pkg_rule(ctx, p, n, &p->opened);
    if (rc == RETOUR_OK && p->opened.action == RETOUR__PKG_REVIEW) {
        p->opened.action = RETOUR__PKG_ACCEPT;
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "expected accept, reject, 'deduct N%%' or 'deduct AMOUNT' for "
                               "opened packaging; found 'review'");
    }
    return rc;
}

static int load_packaging(retour__ctx *ctx, retour_policy *p, const retour__node *pk)
{
    static const char *const keys[] = { "opened", "damaged", "missing" };
    int rc;
    if ((rc = retour__expect_map(ctx, pk)) || (rc = retour__check_keys(ctx, pk, keys, 3)))
        return rc;
    const retour__node *n = retour__map_get(pk, "opened");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "opened", read_opened_rule(ctx, p, n));
    n = retour__map_get(pk, "damaged");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "damaged", read_pkg_rule(ctx, p, n, &p->damaged));
    n = retour__map_get(pk, "missing");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "missing", read_pkg_rule(ctx, p, n, &p->missing));
    return RETOUR_OK;
}

static int load_category(retour__ctx *ctx, retour_policy *p, retour__category *c,
                         const retour__node *body)
{
    static const char *const keys[] = { "exclusion", "exclusion_waived", "returnable",
                                        "lifespan_months", "inspection", "restocking_fee" };
    c->exclusion = RETOUR__EXCL_NONE;
    c->waived = 0;
    c->returnable = 1;
    c->inspection = -1;
    if (retour__is_null(body))
        return RETOUR_OK; /* "jewellery:" with nothing: ordinary goods */
    int rc;
    if ((rc = retour__expect_map(ctx, body)) || (rc = retour__check_keys(ctx, body, keys, 6)) ||
        (rc = retour__load_category_complaints(ctx, c, body)))
        return rc;
    const retour__node *fee = retour__opt(body, "restocking_fee");
    if (fee) {
        c->restocking.action = RETOUR__PKG_ACCEPT;
        WITH_KEY(ctx, "restocking_fee", read_fee(ctx, p, fee, &c->restocking));
        c->own_fee = 1;
    }
    int excl = RETOUR__EXCL_NONE;
    if ((rc = retour__opt_choice(ctx, body, "exclusion", retour__exclusion_ids, RETOUR__EXCL__COUNT,
                          &excl, &c->src_exclusion)) ||
        (rc = retour__opt_flag(ctx, body, "exclusion_waived", &c->waived, &c->src_waived)) ||
        (rc = retour__opt_flag(ctx, body, "returnable", &c->returnable, &c->src_returnable)))
        return rc;
    c->exclusion = (retour__exclusion)excl;
    return RETOUR_OK;
}

static int load_categories(retour__ctx *ctx, retour_policy *p, const retour__node *cats)
{
    int rc = retour__expect_map(ctx, cats);
    if (rc)
        return rc;
    p->categories = retour__arena_alloc(&p->arena, (cats->count + 1) * sizeof *p->categories);
    if (p->categories == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < cats->count; i++) {
        const retour__node *key = cats->pairs[i].key;
        retour__category *c = &p->categories[i];
        memset(c, 0, sizeof *c);
        c->name = key->text;
        c->src = retour__src_of(key);
        if (key->len == 0 && (rc = retour__skip(retour__fail_at(ctx, key, RETOUR_ESCHEMA,
                                                                "a category needs a name"))))
            return rc;
        WITH_KEY(ctx, key->text, load_category(ctx, p, c, cats->pairs[i].value));
    }
    p->category_count = cats->count;
    return RETOUR_OK;
}

static int load_default_category(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    const char *name;
    int rc = retour__read_string(ctx, n, &name);
    if (rc)
        return rc;
    for (size_t i = 0; i < p->category_count; i++) {
        if (strcmp(p->categories[i].name, name) == 0) {
            p->default_category = (long)i;
            p->src_default_category = retour__src_of(n);
            return RETOUR_OK;
        }
    }
    if (p->category_count == 0)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "unknown category '%s': the policy lists no categories", name);
    const char *names[64];
    size_t count = p->category_count < 64 ? p->category_count : 64;
    for (size_t i = 0; i < count; i++)
        names[i] = p->categories[i].name;
    const char *near = retour__nearest(name, names, count);
    if (near)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "unknown category '%s'; did you mean '%s'? It must be one of the "
                               "keys under categories",
                               name, near);
    return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                           "unknown category '%s'; it must be one of the keys under categories",
                           name);
}

/* The value of a required key, or a missing-key problem. The key's path is pushed. */
/* The required keys: each reader assigns only a valid value, so a checked policy keeps
 * its stand-in (retour__policy_read()) for a key that failed. */
static int read_version(retour__ctx *ctx, const retour__node *root)
{
    const retour__node *n = NULL;
    long version;
    int rc;
    if ((rc = retour__require(ctx, root, "retour", "the schema version, 1", &n)) ||
        (rc = retour__read_int(ctx, n, 1, 1000, &version)))
        return rc;
    if (version != SCHEMA_VERSION)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "schema version %ld is not supported; this library reads version %d",
                               version, SCHEMA_VERSION);
    return RETOUR_OK;
}

static int read_jurisdiction(retour__ctx *ctx, retour_policy *p, const retour__node *root)
{
    const retour__node *n = NULL;
    const char *code;
    int rc;
    if ((rc = retour__require(ctx, root, "jurisdiction", "EU, an EU member code, UK or none", &n)) ||
        (rc = retour__read_string(ctx, n, &code)))
        return rc;
    const retour__jurisdiction *j = retour__jurisdiction_find(code);
    if (j == NULL) {
        const char *const *codes;
        size_t count = retour__jurisdiction_codes(&codes);
        char list[200];
        retour__join_words(list, sizeof list, codes, count, " ");
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA, "unknown jurisdiction '%s' (known: %s)",
                               code, list);
    }
    p->jurisdiction_code = code;
    p->jurisdiction = j;
    p->src_jurisdiction = retour__src_of(n);
    return RETOUR_OK;
}

/* sells_to: the countries the shop directs its activity to (Rome I Regulation art.
 * 6(1)(b)); a consumer living in one keeps the protection of that country's law where it
 * gives more (art. 6(2); rules/consumer_law.c). Each a country code of the law tables. */
static int read_sells_to(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    int rc;
    if ((rc = retour__expect_seq(ctx, n)))
        return rc;
    p->sells_to = retour__arena_alloc(&p->arena, (n->count + 1) * sizeof *p->sells_to);
    if (p->sells_to == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < n->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        const char *code;
        rc = retour__read_string(ctx, n->items[i], &code);
        const retour__jurisdiction *j = rc ? NULL : retour__jurisdiction_find(code);
        if (rc == RETOUR_OK && (j == NULL || !retour__jurisdiction_is_country(j)))
            rc = retour__fail_at(ctx, n->items[i], RETOUR_ESCHEMA,
                                 "unknown country '%s': expected a country code of the law "
                                 "tables, such as NL, BE or DE (EU and none are not countries)",
                                 code);
        for (size_t k = 0; rc == RETOUR_OK && k < p->sells_to_count; k++)
            if (p->sells_to[k] == j)
                rc = retour__fail_at(ctx, n->items[i], RETOUR_ESCHEMA, "'%s' is listed twice",
                                     code);
        retour__path_pop(ctx, saved);
        if (rc)
            return rc;
        p->sells_to[p->sells_to_count++] = j;
    }
    p->src_sells_to = retour__src_of(n);
    return RETOUR_OK;
}

static int read_currency(retour__ctx *ctx, retour_policy *p, const retour__node *root)
{
    const retour__node *n = NULL;
    const char *currency;
    int rc;
    if ((rc = retour__require(ctx, root, "currency", "an ISO 4217 code such as EUR", &n)) ||
        (rc = retour__read_string(ctx, n, &currency)))
        return rc;
    const retour__currency *cur = retour__currency_find(currency, n->len);
    if (cur == NULL)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "unknown currency '%s': expected an upper-case ISO 4217 code "
                               "such as EUR, GBP or SEK",
                               currency);
    memcpy(p->currency, cur->code, 4);
    p->decimals = cur->decimals;
    return RETOUR_OK;
}

/* The citations decisions print: the jurisdiction's, whole in its table. */
static void cite_law(retour_policy *p)
{
    const retour__citations *c = &p->jurisdiction->cite;
    p->law_period = c->period;
    p->law_extension = c->extension;
    p->law_refund = c->refund;
    p->law_return = c->return_goods;
    p->law_handling = c->handling;
    memcpy(p->law_exception, c->exception, sizeof p->law_exception);
}

/* The jurisdiction's deadline calendar (calendar days without a statutory period) and its
 * closed days, listed once here rather than in every evaluation. */
static int build_calendar(retour__ctx *ctx, retour_policy *p)
{
    const retour__jurisdiction *j = p->jurisdiction;
    p->calendar = j->statutory ? retour__calendar_for(j->code) : retour__calendar_days();
    p->closed = NULL;
    if (p->calendar->kind == RETOUR__CAL_CALENDAR_DAYS)
        return RETOUR_OK;
    retour__closed_days *closed = retour__arena_alloc(&p->arena, sizeof *closed);
    if (closed == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    retour__closed_days_build(closed, p->calendar);
    p->closed = closed;
    return RETOUR_OK;
}

static int load_root(retour__ctx *ctx, retour_policy *p, const retour__node *root)
{
    static const char *const keys[] = { "retour", "shop", "jurisdiction", "currency",
                                        "withdrawal", "packaging", "categories",
                                        "default_category", "complaints", "goodwill",
                                        "review", "sells_to", "versions", "markets" };
    if (root == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ESCHEMA,
                               "empty policy: expected at least retour: 1, jurisdiction and "
                               "currency");
    int rc;
    if ((rc = retour__expect_map(ctx, root)) ||
        (rc = retour__check_keys(ctx, root, keys, sizeof keys / sizeof keys[0])))
        return rc;

    const retour__node *n;
    WITH_KEY(ctx, "retour", read_version(ctx, root));
    WITH_KEY(ctx, "jurisdiction", read_jurisdiction(ctx, p, root));
    WITH_KEY(ctx, "currency", read_currency(ctx, p, root));

    n = retour__map_get(root, "shop");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "shop", retour__read_string(ctx, n, &p->shop));
    n = retour__map_get(root, "sells_to");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "sells_to", read_sells_to(ctx, p, n));
    if ((rc = retour__terms_read(ctx, p, root)))
        return rc;
    n = retour__map_get(root, "withdrawal");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "withdrawal", load_withdrawal(ctx, p, n));
    n = retour__map_get(root, "packaging");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "packaging", load_packaging(ctx, p, n));
    n = retour__map_get(root, "categories");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "categories", load_categories(ctx, p, n));
    n = retour__map_get(root, "default_category");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "default_category", load_default_category(ctx, p, n));
    p->guarantee = retour__guarantee_law_latest(p->jurisdiction);
    n = retour__map_get(root, "complaints");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "complaints", retour__load_complaints(ctx, p, n));
    n = retour__map_get(root, "goodwill");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "goodwill", retour__load_goodwill(ctx, p, n));
    n = retour__map_get(root, "review");
    if (n && !retour__is_null(n))
        WITH_KEY(ctx, "review", retour__load_review(ctx, p, n));
    cite_law(p);
    return build_calendar(ctx, p);
}

static void set_defaults(retour_policy *p)
{
    p->root = p;
    p->version = p->market = -1;
    p->shop = "";
    p->days = 14;
    p->starts = RETOUR__START_DELIVERY;
    p->informed = 1;
    p->return_days = 14;
    p->refund_days = 14;
    p->return_shipping = RETOUR_PAYER_CUSTOMER;
    p->refund_outbound = 1;
    p->function = 1;
    p->restocking.action = RETOUR__PKG_ACCEPT;
    p->condition = RETOUR__COND_ANY;
    p->opened.action = RETOUR__PKG_ACCEPT;
    p->damaged.action = RETOUR__PKG_ACCEPT;
    p->missing.action = RETOUR__PKG_ACCEPT;
    p->default_category = -1;
    p->remedy = RETOUR_REMEDY_REPAIR;
    p->review_amount = -1;
}

int retour__policy_read(retour__ctx *ctx, retour_policy *p, const retour__node *root)
{
    set_defaults(p);
    /* Stand-ins for required keys that fail, so that the keys after them are checked
     * without problems that only follow from the first: the EU baseline, and XXX (ISO 4217
     * for "no currency") with 3 decimals, the most any listed currency has. */
    p->jurisdiction_code = "EU";
    p->jurisdiction = retour__jurisdiction_find("EU");
    memcpy(p->currency, "XXX", 4);
    p->decimals = 3;
    return load_root(ctx, p, root);
}

int retour__policy_load_doc(retour_policy *p, const retour__doc *doc, const retour__node *root,
                            const retour_policy *terms_of, long v, long m, retour_error *err)
{
    set_defaults(p);
    retour__ctx ctx;
    retour__ctx_init(&ctx, doc, err);
    /* Errors in a version or market name it: markets.BE.versions[1].withdrawal.days. */
    if (terms_of && m >= 0) {
        retour__path_push_key(&ctx, "markets");
        retour__path_push_key(&ctx, terms_of->markets[m].code);
    }
    if (terms_of && v >= 0) {
        retour__path_push_key(&ctx, "versions");
        retour__path_push_index(&ctx, (size_t)v);
    }
    int rc = load_root(&ctx, p, root);
    if (rc)
        return rc;
    /* Move the strings the policy refers to out of the document. */
    p->file = retour__arena_strndup(&p->arena, doc->file, strlen(doc->file));
    p->shop = retour__arena_strndup(&p->arena, p->shop, strlen(p->shop));
    p->jurisdiction_code =
        retour__arena_strndup(&p->arena, p->jurisdiction_code, strlen(p->jurisdiction_code));
    int ok = p->file && p->shop && p->jurisdiction_code;
    for (size_t i = 0; ok && i < p->category_count; i++) {
        retour__category *c = &p->categories[i];
        c->name = retour__arena_strndup(&p->arena, c->name, strlen(c->name));
        ok = c->name != NULL;
        if (ok && c->own_fee) {
            /* The key path a decision names when the law sets the fee aside. */
            static const char head[] = "categories.", tail[] = ".restocking_fee";
            size_t len = strlen(c->name);
            char *clause = retour__arena_alloc(&p->arena, sizeof head + len + sizeof tail);
            ok = clause != NULL;
            if (ok) {
                memcpy(clause, head, sizeof head - 1);
                memcpy(clause + sizeof head - 1, c->name, len);
                memcpy(clause + sizeof head - 1 + len, tail, sizeof tail);
                c->fee_clause = clause;
            }
        }
    }
    if (!ok || retour__policy_index_categories(p) != RETOUR_OK)
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    return RETOUR_OK;
}
