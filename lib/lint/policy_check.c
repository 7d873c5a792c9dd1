/* retour_policy_check(): the loader run in collecting mode, every problem reported. */
#include "policy/policy_load.h"
#include "policy/terms.h"
#include "base/diagnostic.h"
#include "lint/lint.h"
#include "base/options.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* A document that could not be read into a tree ends the check with one diagnostic.
 * yaml_tree.c reports only syntax, limits and duplicate keys as RETOUR_ESCHEMA. */
static const char *parse_code(int rc)
{
    return rc == RETOUR_ESCHEMA ? RETOUR__D_DUPLICATE_KEY : retour__diag_code_for(rc);
}

/* Reads one combination of the terms (node) into a policy of its own and, when it loads,
 * lints it. Problems are scoped (sink->scope); ones the sink has are not repeated. */
static int check_node(retour__sink *sink, retour__doc *doc, const retour__node *node,
                      const char *text, size_t len, retour_lang lang, retour_error *err)
{
    retour_policy q;
    memset(&q, 0, sizeof q);
    q.allocator = doc->arena.allocator;
    q.file = doc->file;
    retour__arena_init(&q.arena, q.allocator);
    retour__ctx ctx;
    retour__ctx_init(&ctx, doc, err);
    ctx.sink = sink;
    size_t errors = sink->errors;
    int rc = retour__skip(retour__policy_read(&ctx, &q, node));
    if (rc == RETOUR_OK && sink->errors == errors)
        rc = retour__lint(sink, &q, text, len, lang);
    retour__arena_release(&q.arena);
    return rc;
}

/* Every version and market of the terms, each as the policy an order gets; a market is
 * judged under its own country's law as well as the policy's jurisdiction. */
static int check_terms(retour__sink *sink, retour__doc *doc, const retour_policy *p,
                       const char *text, size_t len, retour_lang lang, retour_error *err)
{
    size_t versions = p->version_count + 1, count = (p->market_count + 1) * versions;
    const retour__node *markets = retour__map_get(doc->root, "markets");
    int rc = RETOUR_OK;
    for (size_t k = 1; rc == RETOUR_OK && k < count; k++) {
        long v = (long)(k % versions) - 1, m = (long)(k / versions) - 1;
        char scope[64];
        int n = m >= 0 ? snprintf(scope, sizeof scope, "markets.%s", p->markets[m].code) : 0;
        if (v >= 0)
            snprintf(scope + n, sizeof scope - (size_t)n, "%sversions[%ld]", n ? "." : "", v);
        const retour__node *node;
        if (retour__terms_node(&doc->arena, p, doc->root, v, m, &node))
            return RETOUR_ENOMEM;
        sink->scope = scope;
        rc = check_node(sink, doc, node, text, len, lang, err);
        if (rc == RETOUR_OK && m >= 0) {
            /* The same terms under the market country's law: its key names the country. */
            retour__pair *pairs = retour__arena_alloc(&doc->arena, node->count * sizeof *pairs);
            retour__node *local = retour__arena_alloc(&doc->arena, sizeof *local);
            if (pairs == NULL || local == NULL) {
                sink->scope = NULL;
                return RETOUR_ENOMEM;
            }
            memcpy(pairs, node->pairs, node->count * sizeof *pairs);
            for (size_t i = 0; i < node->count; i++)
                if (strcmp(pairs[i].key->text, "jurisdiction") == 0)
                    pairs[i].value = markets->pairs[m].key;
            *local = *node;
            local->pairs = pairs;
            rc = check_node(sink, doc, local, text, len, lang, err);
        }
        sink->scope = NULL;
    }
    return rc;
}

/* Checks text into sink: RETOUR_OK (whatever was found) or a fatal negative code. */
static int check_text(retour__sink *sink, const char *text, size_t len, const char *name,
                      const retour__limits *limits, const retour_allocator *a,
                      retour_lang lang, retour_error *err)
{
    retour_error perr;
    retour__doc doc;
    int rc = retour__doc_parse(&doc, text, len, name, limits, a, &perr);
    if (rc == RETOUR_ENOMEM) {
        if (err)
            *err = perr;
        return rc;
    }
    if (rc)
        return retour__sink_add_error(sink, &perr, parse_code(rc)) ? RETOUR_ENOMEM : RETOUR_OK;

    retour_policy p;
    memset(&p, 0, sizeof p);
    p.allocator = a;
    p.file = name;
    retour__arena_init(&p.arena, a);
    retour__ctx ctx;
    retour__ctx_init(&ctx, &doc, err);
    ctx.sink = sink;
    rc = retour__skip(retour__policy_read(&ctx, &p, doc.root));
    /* The law is judged only on a policy that loads: defaults standing in for failed keys
     * would give findings that only follow from the schema errors. */
    if (rc == RETOUR_OK && sink->errors == 0)
        rc = retour__lint(sink, &p, text, len, lang);
    if (rc == RETOUR_OK && sink->errors == 0)
        rc = check_terms(sink, &doc, &p, text, len, lang, err);
    retour__arena_release(&p.arena);
    retour__doc_free(&doc);
    return rc;
}

/* The lint's language: options version 3 and later carry one. */
static retour_lang lang_of(const retour_options *options)
{
    if (options && options->version >= 3 && options->lang < RETOUR_LANG__COUNT)
        return (retour_lang)options->lang;
    return RETOUR_LANG_EN;
}

/* Delivers what sink holds: the error count, or the callback's stop value. */
static int deliver(retour__sink *sink, retour_diagnostic_fn fn, void *fn_ctx)
{
    int rc = retour__sink_deliver(sink, fn, fn_ctx);
    size_t errors = sink->errors;
    retour__sink_free(sink);
    if (rc)
        return rc;
    return errors > INT_MAX ? INT_MAX : (int)errors;
}

int retour_policy_check(const char *text, size_t len, const char *name,
                        const retour_options *options, retour_diagnostic_fn fn, void *fn_ctx,
                        retour_error *err)
{
    retour__error_clear(err);
    if (text == NULL && len > 0)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_policy_check: text must not be NULL");
    int rc = retour__options_check(options, "retour_policy_check", err);
    if (rc)
        return rc;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour__limits limits;
    retour__limits_from_options(&limits, options);
    retour__sink sink;
    retour__sink_init(&sink, a);
    rc = check_text(&sink, text ? text : "", len, name ? name : "<string>", &limits, a,
                    lang_of(options), err);
    if (rc) {
        retour__sink_free(&sink);
        if (rc == RETOUR_ENOMEM)
            retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        return rc;
    }
    return deliver(&sink, fn, fn_ctx);
}

int retour_policy_check_file(const char *path, const retour_options *options,
                             retour_diagnostic_fn fn, void *fn_ctx, retour_error *err)
{
    retour__error_clear(err);
    if (path == NULL)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_policy_check_file: path must not be NULL");
    int rc = retour__options_check(options, "retour_policy_check_file", err);
    if (rc)
        return rc;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour__limits limits;
    retour__limits_from_options(&limits, options);
    retour__sink sink;
    retour__sink_init(&sink, a);
    char *text;
    size_t len;
    retour_error ferr;
    rc = retour__read_file(&text, &len, path, limits.max_bytes, a, &ferr);
    if (rc == RETOUR_OK) {
        rc = check_text(&sink, text, len, path, &limits, a, lang_of(options), err);
        retour__free(a, text);
    } else if (rc == RETOUR_ELIMIT) {
        /* Too large is a property of the policy, not a failure to run. */
        rc = retour__sink_add_error(&sink, &ferr, RETOUR__D_LIMIT_EXCEEDED);
    } else if (err) {
        *err = ferr;
    }
    if (rc) {
        retour__sink_free(&sink);
        if (rc == RETOUR_ENOMEM)
            retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        return rc;
    }
    return deliver(&sink, fn, fn_ctx);
}
