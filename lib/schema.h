/* Reading typed values out of a retour__doc with precise errors: every failure names the
 * file, line, column, key path and what was expected. Shared by the policy loader and
 * the request parser. */
#ifndef RETOUR_SCHEMA_H
#define RETOUR_SCHEMA_H

#include <stdint.h>
#include "yaml_tree.h"

typedef struct retour__ctx {
    const retour__doc *doc;
    retour_error *err;
    char path[RETOUR_ERROR_PATH_MAX];
    size_t path_len;
} retour__ctx;

void retour__ctx_init(retour__ctx *ctx, const retour__doc *doc, retour_error *err);

/* Path handling: push returns the length to restore with pop. */
size_t retour__path_push_key(retour__ctx *ctx, const char *key);
size_t retour__path_push_index(retour__ctx *ctx, size_t index);
void retour__path_pop(retour__ctx *ctx, size_t saved);

/* Fails at node (or the document start when node is NULL) with the current path. */
int retour__fail_at(retour__ctx *ctx, const retour__node *node, int code, const char *fmt, ...)
    RETOUR_PRINTF(4, 5);

/* A plain null (~, null, empty) as YAML writes an absent value. */
int retour__is_null(const retour__node *node);

const retour__node *retour__map_get(const retour__node *map, const char *key);

int retour__expect_map(retour__ctx *ctx, const retour__node *node);
int retour__expect_seq(retour__ctx *ctx, const retour__node *node);

/* Rejects keys not in allowed[], suggesting the nearest allowed key. */
int retour__check_keys(retour__ctx *ctx, const retour__node *map, const char *const *allowed,
                       size_t count);

int retour__read_string(retour__ctx *ctx, const retour__node *node, const char **out);
int retour__read_int(retour__ctx *ctx, const retour__node *node, long min, long max, long *out);
int retour__read_bool(retour__ctx *ctx, const retour__node *node, int *out);
/* One of names[]; *out is its index. */
int retour__read_enum(retour__ctx *ctx, const retour__node *node, const char *const *names,
                      size_t count, int *out);
int retour__read_date(retour__ctx *ctx, const retour__node *node, retour_date *out);
int retour__read_money(retour__ctx *ctx, const retour__node *node, int decimals,
                       const char *currency, int64_t *out);

/* The allowed word closest to word by edit distance, or NULL when none is close. */
const char *retour__nearest(const char *word, const char *const *words, size_t count);

#endif
