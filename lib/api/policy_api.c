/* Loading a policy: the text read into a compiled policy (policy/), then its plan
 * compiled (plan/); and the accessors of a loaded policy. */
#include "policy/policy_load.h"
#include "plan/plan_build.h"

#include <string.h>

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

    retour_policy *p = retour__malloc(a, sizeof *p);
    if (p == NULL)
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    memset(p, 0, sizeof *p);
    p->allocator = a;
    retour__arena_init(&p->arena, a);

    /* Names and texts the policy keeps are copied out of the document tree, so the tree
     * can be dropped after loading. */
    retour__doc doc;
    rc = retour__doc_parse(&doc, text ? text : "", len, name ? name : "<string>", &limits,
                               a, err);
    if (rc) {
        retour__arena_release(&p->arena);
        retour__free(a, p);
        return rc;
    }
    rc = retour__policy_load_doc(p, &doc, err);
    if (rc == RETOUR_OK && retour__plan_build(p) != RETOUR_OK)
        rc = retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    retour__doc_free(&doc);
    if (rc) {
        retour__arena_release(&p->arena);
        retour__free(a, p);
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
    if (!RETOUR__POLICY_OK(policy))
        return;
    policy->magic = 0;
    const retour_allocator *a = policy->allocator;
    retour__arena_release(&policy->arena);
    retour__free(a, policy);
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
