/* Versions and markets of a policy's terms. The terms agreed when an order was placed keep
 * binding it (Directive 2011/83/EU art. 6(5)): `versions:` lists the shop's later terms,
 * each from a day on, and the order date picks the one in force; `markets:` lists terms per
 * country the shop sells to, picked by the consumer's country. A version or market replaces
 * whole sections of the top-level terms (a market's win over a version's), so every
 * combination is a complete policy, compiled and checked like any other. */
#include "policy/terms.h"
#include "policy/policy_read.h"
#include "base/money.h"

#include <string.h>

const char *const retour__terms_sections[] = {
    "withdrawal", "packaging", "categories", "default_category", "complaints", "goodwill",
    "review",
};
const size_t retour__terms_section_count =
    sizeof retour__terms_sections / sizeof retour__terms_sections[0];

/* The keys a version may hold: from, name and the sections; a market: currency and them. */
#define MAX_KEYS 10

static size_t keys_with(const char **keys, const char *a, const char *b)
{
    size_t n = 0;
    keys[n++] = a;
    if (b)
        keys[n++] = b;
    for (size_t i = 0; i < retour__terms_section_count; i++)
        keys[n++] = retour__terms_sections[i];
    return n;
}

static int read_versions(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    const char *keys[MAX_KEYS];
    size_t key_count = keys_with(keys, "from", "name");
    int rc;
    if ((rc = retour__expect_seq(ctx, n)))
        return rc;
    if (n->count == 0)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "expected at least one version (or leave versions out)");
    retour__terms_version *versions =
        retour__arena_alloc(&p->arena, n->count * sizeof *versions);
    if (versions == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < n->count; i++) {
        const retour__node *v = n->items[i], *from = NULL, *name;
        size_t saved = retour__path_push_index(ctx, i);
        memset(&versions[i], 0, sizeof versions[i]);
        rc = retour__expect_map(ctx, v);
        if (rc == RETOUR_OK)
            rc = retour__check_keys(ctx, v, keys, key_count);
        if (rc == RETOUR_OK) {
            size_t at = retour__path_push_key(ctx, "from");
            rc = retour__require(ctx, v, "from", "the first order day of these terms", &from);
            if (rc == RETOUR_OK)
                rc = retour__read_date(ctx, from, &versions[i].from);
            if (rc == RETOUR_OK && i > 0 && versions[i].from <= versions[i - 1].from)
                rc = retour__fail_at(ctx, from, RETOUR_ESCHEMA,
                                     "versions must start on strictly increasing days: this one "
                                     "starts on or before the one above it");
            retour__path_pop(ctx, at);
        }
        if (rc == RETOUR_OK && (name = retour__opt(v, "name")) != NULL) {
            size_t at = retour__path_push_key(ctx, "name");
            const char *text;
            rc = retour__read_string(ctx, name, &text);
            if (rc == RETOUR_OK &&
                (versions[i].name = retour__arena_strndup(&p->arena, text, name->len)) == NULL)
                rc = retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
            retour__path_pop(ctx, at);
        }
        versions[i].src = retour__src_of(v);
        retour__path_pop(ctx, saved);
        if (rc)
            return rc;
    }
    p->versions = versions;
    p->version_count = n->count;
    return RETOUR_OK;
}

static int read_markets(retour__ctx *ctx, retour_policy *p, const retour__node *n)
{
    const char *keys[MAX_KEYS];
    size_t key_count = keys_with(keys, "currency", NULL);
    int rc;
    if ((rc = retour__expect_map(ctx, n)))
        return rc;
    retour__terms_market *markets = retour__arena_alloc(&p->arena, (n->count + 1) * sizeof *markets);
    if (markets == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < n->count; i++) {
        const retour__node *code = n->pairs[i].key, *m = n->pairs[i].value;
        size_t saved = retour__path_push_key(ctx, code->text);
        const retour__jurisdiction *j = retour__jurisdiction_find(code->text);
        if (j == NULL || !retour__jurisdiction_is_country(j))
            rc = retour__fail_at(ctx, code, RETOUR_ESCHEMA,
                                 "unknown market '%s': expected a country code of the law tables, "
                                 "such as BE or DE",
                                 code->text);
        else if ((rc = retour__expect_map(ctx, m)) == RETOUR_OK)
            rc = retour__check_keys(ctx, m, keys, key_count);
        /* Requests are read before their market is known: amounts need the same decimals. */
        const retour__node *currency = rc == RETOUR_OK ? retour__opt(m, "currency") : NULL;
        const retour__currency *cur =
            currency && currency->kind == RETOUR__NODE_SCALAR
                ? retour__currency_find(currency->text, currency->len) : NULL;
        if (cur && cur->decimals != p->decimals) {
            size_t at = retour__path_push_key(ctx, "currency");
            rc = retour__fail_at(ctx, currency, RETOUR_ESCHEMA,
                                 "a market's currency needs the policy's number of decimals "
                                 "(%s has %d, %s %d): requests are read before their market "
                                 "is known",
                                 cur->code, cur->decimals, p->currency, p->decimals);
            retour__path_pop(ctx, at);
        }
        memset(&markets[i], 0, sizeof markets[i]);
        if (rc == RETOUR_OK) {
            memcpy(markets[i].code, j->code, 3);
            markets[i].law = j;
            markets[i].src = retour__src_of(code);
        }
        retour__path_pop(ctx, saved);
        if (rc)
            return rc;
    }
    p->markets = markets;
    p->market_count = n->count;
    return RETOUR_OK;
}

int retour__terms_read(retour__ctx *ctx, retour_policy *p, const retour__node *root)
{
    const retour__node *n;
    if ((n = retour__opt(root, "versions")) != NULL)
        RETOUR__WITH_KEY(ctx, "versions", read_versions(ctx, p, n));
    if ((n = retour__opt(root, "markets")) != NULL)
        RETOUR__WITH_KEY(ctx, "markets", read_markets(ctx, p, n));
    return RETOUR_OK;
}

/* 1 when key is one of the sections a version or market replaces. */
static int is_section(const retour__node *key)
{
    for (size_t i = 0; i < retour__terms_section_count; i++)
        if (strcmp(key->text, retour__terms_sections[i]) == 0)
            return 1;
    return 0;
}

/* Sets key's value in the pairs (adding it when absent). */
static void put(retour__pair *pairs, size_t *count, const retour__pair *pair)
{
    for (size_t i = 0; i < *count; i++)
        if (strcmp(pairs[i].key->text, pair->key->text) == 0) {
            pairs[i].value = pair->value;
            return;
        }
    pairs[(*count)++] = *pair;
}

int retour__terms_node(retour__arena *arena, const retour_policy *p, const retour__node *root,
                       long v, long m, const retour__node **out)
{
    const retour__node *versions = retour__opt(root, "versions");
    const retour__node *markets = retour__opt(root, "markets");
    const retour__node *version = v >= 0 ? versions->items[v] : NULL;
    const retour__node *market = m >= 0 ? markets->pairs[m].value : NULL;
    size_t most = root->count + (version ? version->count : 0) + (market ? market->count : 0);
    retour__node *node = retour__arena_alloc(arena, sizeof *node);
    retour__pair *pairs = retour__arena_alloc(arena, (most + 1) * sizeof *pairs);
    *out = NULL;
    if (node == NULL || pairs == NULL)
        return RETOUR_ENOMEM;
    (void)p;
    size_t count = 0;
    for (size_t i = 0; i < root->count; i++) {
        const char *key = root->pairs[i].key->text;
        if (strcmp(key, "versions") != 0 && strcmp(key, "markets") != 0)
            pairs[count++] = root->pairs[i];
    }
    for (size_t i = 0; version && i < version->count; i++)
        if (is_section(version->pairs[i].key))
            put(pairs, &count, &version->pairs[i]);
    for (size_t i = 0; market && i < market->count; i++)
        put(pairs, &count, &market->pairs[i]); /* sections and currency */
    *node = *root;
    node->pairs = pairs;
    node->count = count;
    *out = node;
    return RETOUR_OK;
}

const retour_policy *retour__terms_pick(const retour_policy *p, retour_date ordered,
                                        const char *country)
{
    long v = -1, m = -1;
    if (p->version_count > 0) {
        if (ordered == RETOUR_DATE_NONE)
            return NULL;
        for (size_t i = 0; i < p->version_count && p->versions[i].from <= ordered; i++)
            v = (long)i;
    }
    for (size_t i = 0; country[0] && i < p->market_count; i++)
        if (p->markets[i].code[0] == country[0] && p->markets[i].code[1] == country[1])
            m = (long)i;
    size_t index = (size_t)(m + 1) * (p->version_count + 1) + (size_t)(v + 1);
    return index == 0 ? p : p->combos[index];
}
