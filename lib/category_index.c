/* Category lookup by name in a compiled policy: a small open-addressing hash table built
 * once at load, so that evaluating an item costs one hash of its category name and one
 * string compare, however many categories the policy lists. */
#include "policy.h"
#include "name_hash.h"

#include <string.h>

int retour__policy_index_categories(retour_policy *p)
{
    p->category_slots = NULL;
    p->category_hashes = NULL;
    p->category_mask = 0;
    if (p->category_count == 0)
        return RETOUR_OK;
    /* At most half full: a miss ends at an empty slot after a probe or two. */
    uint32_t size = 4;
    while (size < 2 * p->category_count)
        size *= 2;
    uint32_t *slots = retour__arena_alloc(&p->arena, size * sizeof *slots);
    uint32_t *hashes = retour__arena_alloc(&p->arena, size * sizeof *hashes);
    if (slots == NULL || hashes == NULL)
        return RETOUR_ENOMEM;
    memset(slots, 0, size * sizeof *slots);
    for (size_t i = 0; i < p->category_count; i++) {
        size_t len;
        uint32_t h = retour__name_hash(p->categories[i].name, &len), k = h & (size - 1);
        while (slots[k])
            k = (k + 1) & (size - 1);
        slots[k] = (uint32_t)i + 1;
        hashes[k] = h;
    }
    p->category_slots = slots;
    p->category_hashes = hashes;
    p->category_mask = size - 1;
    return RETOUR_OK;
}

const retour__category *retour__policy_category_hashed(const retour_policy *p,
                                                      const char *name, uint32_t hash)
{
    if (p->category_slots == NULL) {
        for (size_t i = 0; i < p->category_count; i++)
            if (strcmp(p->categories[i].name, name) == 0)
                return &p->categories[i];
        return NULL;
    }
    for (uint32_t k = hash & p->category_mask; p->category_slots[k];
         k = (k + 1) & p->category_mask) {
        const retour__category *c = &p->categories[p->category_slots[k] - 1];
        if (p->category_hashes[k] == hash && strcmp(c->name, name) == 0)
            return c;
    }
    return NULL;
}

const retour__category *retour__policy_category(const retour_policy *p, const char *name)
{
    size_t len;
    return retour__policy_category_hashed(p, name, retour__name_hash(name, &len));
}
