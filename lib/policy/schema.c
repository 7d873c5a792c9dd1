/* Typed, located reading of document nodes. */
#include "policy/schema.h"
#include "base/money.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void retour__ctx_init(retour__ctx *ctx, const retour__doc *doc, retour_error *err)
{
    ctx->doc = doc;
    ctx->err = err;
    ctx->path[0] = '\0';
    ctx->path_len = 0;
    ctx->sink = NULL;
}

int retour__skip(int rc)
{
    return rc == RETOUR__RECORDED ? RETOUR_OK : rc;
}

/* Appends an already formatted segment, truncating at the buffer's end. */
static size_t path_append(retour__ctx *ctx, const char *segment)
{
    size_t saved = ctx->path_len;
    size_t room = sizeof ctx->path - ctx->path_len;
    int n = snprintf(ctx->path + ctx->path_len, room, "%s", segment);
    if (n > 0)
        ctx->path_len += (size_t)n < room ? (size_t)n : room - 1;
    return saved;
}

size_t retour__path_push_key(retour__ctx *ctx, const char *key)
{
    size_t saved = ctx->path_len;
    if (ctx->path_len)
        path_append(ctx, ".");
    path_append(ctx, key);
    return saved;
}

size_t retour__path_push_index(retour__ctx *ctx, size_t index)
{
    char seg[32];
    snprintf(seg, sizeof seg, "[%zu]", index);
    return path_append(ctx, seg);
}

void retour__path_pop(retour__ctx *ctx, size_t saved)
{
    ctx->path_len = saved;
    ctx->path[saved] = '\0';
}

/* The one place where a failure becomes fatal or a recorded problem. */
static int fail_v(retour__ctx *ctx, const retour__node *node, int code, const char *diag,
                  const char *fmt, va_list ap) RETOUR_PRINTF(5, 0);
static int fail_v(retour__ctx *ctx, const retour__node *node, int code, const char *diag,
                  const char *fmt, va_list ap)
{
    char msg[RETOUR_ERROR_MESSAGE_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    retour__place p = { ctx->doc->file, 0, 0, 0 };
    if (node)
        p = retour__node_place(ctx->doc, node);
    if (ctx->sink && (code == RETOUR_ESCHEMA || code == RETOUR_ERANGE)) {
        if (retour__sink_add(ctx->sink, RETOUR_SEVERITY_ERROR,
                             diag ? diag : retour__diag_code_for(code), &p, ctx->path, msg))
            return retour__fail(ctx->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        return RETOUR__RECORDED;
    }
    return retour__fail(ctx->err, code, &p, ctx->path, "%s", msg);
}

int retour__fail_at(retour__ctx *ctx, const retour__node *node, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fail_v(ctx, node, code, NULL, fmt, ap);
    va_end(ap);
    return rc;
}

int retour__fail_as(retour__ctx *ctx, const retour__node *node, int code, const char *diag,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fail_v(ctx, node, code, diag, fmt, ap);
    va_end(ap);
    return rc;
}

int retour__is_null(const retour__node *node)
{
    if (node == NULL)
        return 1;
    if (node->kind != RETOUR__NODE_SCALAR || node->quoted)
        return 0;
    return node->len == 0 || strcmp(node->text, "~") == 0 || strcmp(node->text, "null") == 0 ||
           strcmp(node->text, "Null") == 0 || strcmp(node->text, "NULL") == 0;
}

const retour__node *retour__map_get(const retour__node *map, const char *key)
{
    for (size_t i = 0; i < map->count; i++)
        if (strcmp(map->pairs[i].key->text, key) == 0)
            return map->pairs[i].value;
    return NULL;
}

static const char *kind_name(const retour__node *node)
{
    if (node->kind == RETOUR__NODE_MAP)
        return "a mapping";
    if (node->kind == RETOUR__NODE_SEQ)
        return "a list";
    if (retour__is_null(node))
        return "nothing";
    return "a single value";
}

int retour__expect_map(retour__ctx *ctx, const retour__node *node)
{
    if (node->kind == RETOUR__NODE_MAP)
        return RETOUR_OK;
    return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                           "expected a mapping of keys, found %s", kind_name(node));
}

int retour__expect_seq(retour__ctx *ctx, const retour__node *node)
{
    if (node->kind == RETOUR__NODE_SEQ)
        return RETOUR_OK;
    return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                           "expected a list, found %s", kind_name(node));
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 64;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *retour__nearest(const char *word, const char *const *words, size_t count)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < count; i++) {
        size_t d = edit_distance(word, words[i]);
        if (d < best_d) {
            best_d = d;
            best = words[i];
        }
    }
    size_t len = strlen(word);
    size_t limit = len > 6 ? len / 3 : 2;
    return best_d <= limit ? best : NULL;
}

void retour__join_words(char *buf, size_t size, const char *const *words, size_t count,
                        const char *separator)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? separator : "", words[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

int retour__check_keys(retour__ctx *ctx, const retour__node *map, const char *const *allowed,
                       size_t count)
{
    for (size_t i = 0; i < map->count; i++) {
        const retour__node *key = map->pairs[i].key;
        size_t j = 0;
        while (j < count && strcmp(key->text, allowed[j]) != 0)
            j++;
        if (j < count)
            continue;
        char list[320];
        retour__join_words(list, sizeof list, allowed, count, ", ");
        const char *near = retour__nearest(key->text, allowed, count);
        size_t saved = retour__path_push_key(ctx, key->text);
        int rc = near ? retour__fail_as(ctx, key, RETOUR_ESCHEMA, RETOUR__D_UNKNOWN_KEY,
                                        "unknown key '%s'; did you mean '%s'? (expected one of: %s)",
                                        key->text, near, list)
                      : retour__fail_as(ctx, key, RETOUR_ESCHEMA, RETOUR__D_UNKNOWN_KEY,
                                        "unknown key '%s' (expected one of: %s)", key->text, list);
        retour__path_pop(ctx, saved);
        if (rc != RETOUR__RECORDED)
            return rc;
    }
    return RETOUR_OK;
}

static int expect_scalar(retour__ctx *ctx, const retour__node *node, const char *what)
{
    if (node->kind == RETOUR__NODE_SCALAR && !retour__is_null(node))
        return RETOUR_OK;
    return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE, "expected %s, found %s",
                           what, kind_name(node));
}

int retour__read_string(retour__ctx *ctx, const retour__node *node, const char **out)
{
    int rc = expect_scalar(ctx, node, "a text value");
    if (rc)
        return rc;
    *out = node->text;
    return RETOUR_OK;
}

int retour__read_int(retour__ctx *ctx, const retour__node *node, long min, long max, long *out)
{
    int rc = expect_scalar(ctx, node, "a whole number");
    if (rc)
        return rc;
    const char *s = node->text;
    size_t i = 0;
    int neg = 0;
    if (s[0] == '-' && node->len > 1) {
        neg = 1;
        i = 1;
    }
    long v = 0;
    int overflow = 0;
    for (; i < node->len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                                   "expected a whole number from %ld to %ld, found '%s'", min, max,
                                   s);
        if (v > (1L << 40))
            overflow = 1;
        else
            v = v * 10 + (s[i] - '0');
    }
    if (node->quoted)
        return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                               "expected a whole number, found the quoted text \"%s\"", s);
    if (neg)
        v = -v;
    if (overflow || v < min || v > max)
        return retour__fail_at(ctx, node, RETOUR_ERANGE,
                               "%s is out of range: expected a whole number from %ld to %ld", s,
                               min, max);
    *out = v;
    return RETOUR_OK;
}

int retour__read_bool(retour__ctx *ctx, const retour__node *node, int *out)
{
    int rc = expect_scalar(ctx, node, "true or false");
    if (rc)
        return rc;
    if (!node->quoted && strcmp(node->text, "true") == 0) {
        *out = 1;
        return RETOUR_OK;
    }
    if (!node->quoted && strcmp(node->text, "false") == 0) {
        *out = 0;
        return RETOUR_OK;
    }
    return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                           "expected true or false, found '%s'", node->text);
}

int retour__read_enum(retour__ctx *ctx, const retour__node *node, const char *const *names,
                      size_t count, int *out)
{
    char list[320];
    retour__join_words(list, sizeof list, names, count, ", ");
    if (node->kind != RETOUR__NODE_SCALAR || retour__is_null(node))
        return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                               "expected one of: %s; found %s", list, kind_name(node));
    for (size_t i = 0; i < count; i++) {
        if (strcmp(node->text, names[i]) == 0) {
            *out = (int)i;
            return RETOUR_OK;
        }
    }
    const char *near = retour__nearest(node->text, names, count);
    if (near)
        return retour__fail_at(ctx, node, RETOUR_ESCHEMA,
                               "unknown value '%s'; did you mean '%s'? (expected one of: %s)",
                               node->text, near, list);
    return retour__fail_at(ctx, node, RETOUR_ESCHEMA, "unknown value '%s' (expected one of: %s)",
                           node->text, list);
}

int retour__read_date(retour__ctx *ctx, const retour__node *node, retour_date *out)
{
    int rc = expect_scalar(ctx, node, "a date YYYY-MM-DD");
    if (rc)
        return rc;
    rc = retour_date_parse(out, node->text, node->len);
    if (rc == RETOUR_ESYNTAX)
        return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                               "expected a date YYYY-MM-DD, found '%s'", node->text);
    if (rc)
        return retour__fail_at(ctx, node, RETOUR_ERANGE,
                               "'%s' is not a valid date (years 1 to 9999, real days of the month)",
                               node->text);
    return RETOUR_OK;
}

int retour__read_money(retour__ctx *ctx, const retour__node *node, int decimals,
                       const char *currency, int64_t *out)
{
    int rc = expect_scalar(ctx, node, "an amount such as \"12.50\"");
    if (rc)
        return rc;
    char why[64];
    rc = retour__money_parse(out, node->text, node->len, decimals, why, sizeof why);
    if (rc == RETOUR_ESYNTAX)
        return retour__fail_as(ctx, node, RETOUR_ESCHEMA, RETOUR__D_WRONG_TYPE,
                               "expected an amount such as \"12.50\" (digits, optional point "
                               "and up to %d decimals), found '%s'",
                               decimals, node->text);
    if (rc)
        return retour__fail_at(ctx, node, RETOUR_ERANGE, "amount '%s' is invalid: %s (%s has %d)",
                               node->text, why, currency, decimals);
    return RETOUR_OK;
}
