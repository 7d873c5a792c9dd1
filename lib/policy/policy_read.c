#include "policy/policy_read.h"

#include "base/money.h"

#include <stdio.h>
#include <string.h>

retour__src retour__src_of(const retour__node *node)
{
    retour__src s = { 0, 0 };
    if (node) {
        s.line = (int)node->line + 1;
        s.column = (int)node->column + 1;
    }
    return s;
}

const retour__node *retour__opt(const retour__node *map, const char *key)
{
    const retour__node *n = retour__map_get(map, key);
    return retour__is_null(n) ? NULL : n;
}

int retour__require(retour__ctx *ctx, const retour__node *map, const char *key,
                    const char *what, const retour__node **out)
{
    const retour__node *n = retour__map_get(map, key);
    if (n == NULL || retour__is_null(n))
        return retour__fail_as(ctx, n ? n : map, RETOUR_ESCHEMA, RETOUR__D_MISSING_KEY,
                               "missing required key '%s' (%s)", key, what);
    *out = n;
    return RETOUR_OK;
}

int retour__opt_int(retour__ctx *ctx, const retour__node *map, const char *key, long min,
                    long max, int *out, retour__src *src)
{
    const retour__node *n = retour__opt(map, key);
    long v = *out; /* kept when checking records a problem and reading goes on */
    if (n == NULL)
        return RETOUR_OK;
    RETOUR__WITH_KEY(ctx, key, retour__read_int(ctx, n, min, max, &v));
    *out = (int)v;
    if (src)
        *src = retour__src_of(n);
    return RETOUR_OK;
}

int retour__opt_flag(retour__ctx *ctx, const retour__node *map, const char *key, int *out,
                     retour__src *src)
{
    const retour__node *n = retour__opt(map, key);
    if (n == NULL)
        return RETOUR_OK;
    RETOUR__WITH_KEY(ctx, key, retour__read_bool(ctx, n, out));
    if (src)
        *src = retour__src_of(n);
    return RETOUR_OK;
}

int retour__opt_choice(retour__ctx *ctx, const retour__node *map, const char *key,
                       const char *const *names, size_t count, int *out, retour__src *src)
{
    const retour__node *n = retour__opt(map, key);
    if (n == NULL)
        return RETOUR_OK;
    RETOUR__WITH_KEY(ctx, key, retour__read_enum(ctx, n, names, count, out));
    if (src)
        *src = retour__src_of(n);
    return RETOUR_OK;
}

int retour__opt_money(retour__ctx *ctx, const retour_policy *p, const retour__node *map,
                      const char *key, int64_t *out, retour__src *src)
{
    const retour__node *n = retour__opt(map, key);
    if (n == NULL)
        return RETOUR_OK;
    RETOUR__WITH_KEY(ctx, key, retour__read_money(ctx, n, p->decimals, p->currency, out));
    if (src)
        *src = retour__src_of(n);
    return RETOUR_OK;
}

int retour__read_word_percent(retour__ctx *ctx, const retour__node *node,
                              const char *const *words, size_t count, int *word,
                              int32_t *basis_points)
{
    const char *text;
    int rc = retour__read_string(ctx, node, &text);
    if (rc)
        return rc;
    const char *space = strchr(text, ' ');
    size_t len = space ? (size_t)(space - text) : node->len;
    for (size_t i = 0; i < count; i++) {
        if (strlen(words[i]) != len || strncmp(words[i], text, len) != 0)
            continue;
        *word = (int)i;
        *basis_points = 0;
        if (space == NULL)
            return RETOUR_OK;
        const char *arg = space + 1;
        size_t arg_len = node->len - len - 1;
        if (arg_len == 0 || arg[arg_len - 1] != '%' ||
            retour__percent_parse(basis_points, arg, arg_len) || *basis_points == 0)
            return retour__fail_at(ctx, node, RETOUR_ESCHEMA,
                                   "'%s' must be followed by a percentage above 0%% and up to "
                                   "100%%, e.g. '%s 50%%'; found '%s'",
                                   words[i], words[i], arg);
        return RETOUR_OK;
    }
    char list[256];
    retour__join_words(list, sizeof list, words, count, ", ");
    return retour__fail_at(ctx, node, RETOUR_ESCHEMA, "unknown value '%s' (expected one of: %s)",
                           text, list);
}
