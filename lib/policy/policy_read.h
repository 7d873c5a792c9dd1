/* Helpers for reading optional policy keys: each records where its value was written,
 * because decisions cite the policy line that decided them. */
#ifndef RETOUR_POLICY_READ_H
#define RETOUR_POLICY_READ_H

#include "policy/policy.h"
#include "policy/schema.h"

/* 1-based place of a node; {0, 0} for NULL. */
retour__src retour__src_of(const retour__node *node);

/* The child under key, or NULL when absent or written as null. */
const retour__node *retour__opt(const retour__node *map, const char *key);

/* A required key: its node, or a missing-key failure at the null value or, when absent,
 * at map. The caller has pushed key onto the path. */
int retour__require(retour__ctx *ctx, const retour__node *map, const char *key,
                    const char *what, const retour__node **out);

/* Optional typed values: absent keys leave *out (the default) and *src untouched. */
int retour__opt_int(retour__ctx *ctx, const retour__node *map, const char *key, long min,
                    long max, int *out, retour__src *src);
int retour__opt_flag(retour__ctx *ctx, const retour__node *map, const char *key, int *out,
                     retour__src *src);
int retour__opt_choice(retour__ctx *ctx, const retour__node *map, const char *key,
                       const char *const *names, size_t count, int *out, retour__src *src);
int retour__opt_money(retour__ctx *ctx, const retour_policy *p, const retour__node *map,
                      const char *key, int64_t *out, retour__src *src);

/* "word" or "word N%": *basis_points is 0 for a bare word. */
int retour__read_word_percent(retour__ctx *ctx, const retour__node *node,
                              const char *const *words, size_t count, int *word,
                              int32_t *basis_points);

#endif
