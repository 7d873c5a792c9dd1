/* Reading typed values out of a retour__doc with precise errors: every failure names the
 * file, line, column, key path and what was expected. Shared by the policy loader and
 * the request parser.
 *
 * Two modes, chosen by the context. Strict (sink NULL, the default): the first failure
 * fills err and its negative code travels up, ending the load. Collecting (a sink, for
 * retour_policy_check()): a schema problem (RETOUR_ESCHEMA, RETOUR_ERANGE) is recorded in
 * the sink and reported as RETOUR__RECORDED; the reader that got it stops using the value
 * like after any failure, and the nearest key boundary (RETOUR__WITH_KEY, or an explicit
 * retour__skip()) turns it into RETOUR_OK so reading goes on with the next key, the value
 * keeping its default. Out of memory and anything else stay fatal in both modes. */
#ifndef RETOUR_SCHEMA_H
#define RETOUR_SCHEMA_H

#include <stdint.h>
#include "base/diagnostic.h"
#include "policy/yaml_tree.h"

typedef struct retour__ctx {
    const retour__doc *doc;
    retour_error *err;
    char path[RETOUR_ERROR_PATH_MAX];
    size_t path_len;
    retour__sink *sink; /* NULL: strict; else collecting (see above) */
} retour__ctx;

/* Strict mode; set ctx->sink afterwards to collect. */
void retour__ctx_init(retour__ctx *ctx, const retour__doc *doc, retour_error *err);

/* A problem recorded in collecting mode: positive, never a retour_status. */
#define RETOUR__RECORDED 1

/* At a key boundary: RETOUR__RECORDED becomes RETOUR_OK (go on), other codes pass. */
int retour__skip(int rc);

/* Reads one key's value (stmt) with the path extended; returns from the enclosing
 * function on failure. A recorded problem instead goes on with the next statement, with
 * stmt's outputs untouched: give them their default before (`long v = *out;`). */
#define RETOUR__WITH_KEY(ctx, key, stmt)                         \
    do {                                                         \
        size_t saved_ = retour__path_push_key((ctx), (key));     \
        int rc_ = retour__skip(stmt);                            \
        retour__path_pop((ctx), saved_);                         \
        if (rc_)                                                 \
            return rc_;                                          \
    } while (0)

/* Path handling: push returns the length to restore with pop. */
size_t retour__path_push_key(retour__ctx *ctx, const char *key);
size_t retour__path_push_index(retour__ctx *ctx, size_t index);
void retour__path_pop(retour__ctx *ctx, size_t saved);

/* Fails at node (or the document start when node is NULL) with the current path: fills
 * err and returns code (strict), or records the problem and returns RETOUR__RECORDED
 * (collecting, for RETOUR_ESCHEMA and RETOUR_ERANGE). The diagnostic code follows from
 * code: bad-value, out-of-range. */
int retour__fail_at(retour__ctx *ctx, const retour__node *node, int code, const char *fmt, ...)
    RETOUR_PRINTF(4, 5);
/* The same, naming the diagnostic code (one of RETOUR__D_* in diagnostic.h). */
int retour__fail_as(retour__ctx *ctx, const retour__node *node, int code, const char *diag,
                    const char *fmt, ...) RETOUR_PRINTF(5, 6);

/* A plain null (~, null, empty) as YAML writes an absent value. */
int retour__is_null(const retour__node *node);

const retour__node *retour__map_get(const retour__node *map, const char *key);

int retour__expect_map(retour__ctx *ctx, const retour__node *node);
int retour__expect_seq(retour__ctx *ctx, const retour__node *node);

/* Rejects keys not in allowed[], suggesting the nearest allowed key. Collecting, it
 * records every unknown key and returns RETOUR_OK so the known ones are still read. */
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

/* Writes words into buf separated by separator, cut at the end of buf. */
void retour__join_words(char *buf, size_t size, const char *const *words, size_t count,
                        const char *separator);

/* The allowed word closest to word by edit distance, or NULL when none is close. */
const char *retour__nearest(const char *word, const char *const *words, size_t count);

#endif
