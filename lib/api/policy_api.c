/* Loading a policy: the text read into a compiled policy (policy/), then its plan
 * compiled (plan/), and the same for every combination of its versions and markets
 * (policy/terms.h); and the accessors of a loaded policy. */
#include "policy/policy_load.h"
#include "plan/plan_build.h"
#include "policy/terms.h"

#include <string.h>

/* A new empty policy with its arena; NULL when out of memory. */
static retour_policy *policy_new(const retour_allocator *a)
{
    retour_policy *p = retour__malloc(a, sizeof *p);
    if (p == NULL)
        return NULL;
    memset(p, 0, sizeof *p);
    p->allocator = a;
    retour__arena_init(&p->arena, a);
    return p;
}

static void policy_release(retour_policy *p)
{
    const retour_allocator *a = p->allocator;
    for (size_t i = 1; p->combos && i < (p->market_count + 1) * (p->version_count + 1); i++)
        if (p->combos[i])
            policy_release(p->combos[i]);
    retour__arena_release(&p->arena);
    retour__free(a, p);
}

/* Reads node (the root or one combination of its terms) into p and compiles its plan. */
static int compile(retour_policy *p, retour__doc *doc, const retour__node *node,
                   const retour_policy *terms_of, long v, long m, retour_error *err)
{
    int rc = retour__policy_load_doc(p, doc, node, terms_of, v, m, err);
    if (rc == RETOUR_OK && retour__plan_build(p) != RETOUR_OK)
        rc = retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    return rc;
}

/* Every combination of p's versions and markets, each compiled as a policy of its own that
 * points back at p (policy/terms.h). */
static int compile_terms(retour_policy *p, retour__doc *doc, retour_error *err)
{
    size_t versions = p->version_count + 1, count = (p->market_count + 1) * versions;
    if (count == 1)
        return RETOUR_OK;
    p->combos = retour__arena_alloc(&p->arena, count * sizeof *p->combos);
    if (p->combos == NULL)
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    memset(p->combos, 0, count * sizeof *p->combos);
    p->combos[0] = p;
    for (size_t k = 1; k < count; k++) {
        long v = (long)(k % versions) - 1, m = (long)(k / versions) - 1;
        const retour__node *node;
        retour_policy *c = policy_new(p->allocator);
        if (c == NULL || retour__terms_node(&doc->arena, p, doc->root, v, m, &node)) {
            if (c)
                policy_release(c);
            return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        }
        p->combos[k] = c;
        int rc = compile(c, doc, node, p, v, m, err);
        if (rc)
            return rc;
        c->root = p;
        c->version = v;
        c->market = m;
        c->magic = RETOUR__POLICY_MAGIC;
    }
    return RETOUR_OK;
}

int retour_policy_load_string(retour_policy **out, const char *text, size_t len,
                              const char *name, const retour_options *options, retour_error *err)
{
    retour__error_clear(err);
    if (out == NULL || (text == NULL && len > 0))
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_policy_load_string: out and text must not be NULL");
    int rc = retour__options_check(options, "retour_policy_load_string", err);
    if (rc)
        return rc;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour__limits limits;
    retour__limits_from_options(&limits, options);

    retour_policy *p = policy_new(a);
    if (p == NULL)
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    /* Names and texts the policy keeps are copied out of the document tree, so the tree
     * can be dropped after loading. */
    retour__doc doc;
    rc = retour__doc_parse(&doc, text ? text : "", len, name ? name : "<string>", &limits,
                               a, err);
    if (rc) {
        policy_release(p);
        return rc;
    }
    rc = compile(p, &doc, doc.root, NULL, -1, -1, err);
    if (rc == RETOUR_OK)
        rc = compile_terms(p, &doc, err);
    retour__doc_free(&doc);
    if (rc) {
        policy_release(p);
        return rc;
    }
    p->magic = RETOUR__POLICY_MAGIC;
    *out = p;
    return RETOUR_OK;
}

int retour_policy_load_file(retour_policy **out, const char *path, const retour_options *options,
                            retour_error *err)
{
    retour__error_clear(err);
    if (out == NULL || path == NULL)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_policy_load_file: out and path must not be NULL");
    int rc = retour__options_check(options, "retour_policy_load_file", err);
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
    rc = retour_policy_load_string(out, text, len, path, options, err);
    retour__free(a, text);
    return rc;
}

void retour_policy_free(retour_policy *policy)
{
    /* A combination belongs to the policy loaded from the file and goes with it. */
    if (!RETOUR__POLICY_OK(policy) || policy->root != policy)
        return;
    policy->magic = 0;
    for (size_t i = 1; policy->combos && i < (policy->market_count + 1) * (policy->version_count + 1); i++)
        policy->combos[i]->magic = 0;
    policy_release(policy);
}

const char *retour_policy_shop(const retour_policy *policy)
{
    return RETOUR__POLICY_OK(policy) ? policy->shop : "";
}

const char *retour_policy_jurisdiction(const retour_policy *policy)
{
    return RETOUR__POLICY_OK(policy) ? policy->jurisdiction_code : "";
}

const char *retour_policy_currency(const retour_policy *policy)
{
    return RETOUR__POLICY_OK(policy) ? policy->currency : "";
}

int retour_policy_currency_decimals(const retour_policy *policy)
{
    return RETOUR__POLICY_OK(policy) ? policy->decimals : -1;
}
