/* Finding a policy's categories by name, by name hash, or by a case's category id
 * (category_index.c). The index is built once at load; lookups only read it. */
#ifndef RETOUR_CATEGORY_INDEX_H
#define RETOUR_CATEGORY_INDEX_H

#include "policy/policy.h"

/* Finds a category by name; NULL when not listed. */
const retour__category *retour__policy_category(const retour_policy *policy, const char *name);
/* The same, for a name whose retour__name_hash() is known. */
const retour__category *retour__policy_category_hashed(const retour_policy *policy,
                                                      const char *name, uint32_t hash);
/* The category whose retour_category_id() is id; NULL when none is. Inline: a case's
 * category is one probe of the index, or two. */
const retour__category *retour__policy_category_by_id_scan(const retour_policy *policy,
                                                           uint64_t id);
static inline const retour__category *retour__policy_category_by_id(const retour_policy *p,
                                                                    uint64_t id)
{
    if (p->category_slots == NULL)
        return retour__policy_category_by_id_scan(p, id); /* not indexed: checking */
    for (uint32_t k = (uint32_t)id & p->category_mask; p->category_slots[k];
         k = (k + 1) & p->category_mask)
        if (p->category_ids[k] == id)
            return &p->categories[p->category_slots[k] - 1];
    return NULL;
}
/* Builds the hash index of the category names in the policy's arena (after the names are
 * final); 0 or RETOUR_ENOMEM. */
int retour__policy_index_categories(retour_policy *policy);

#endif
