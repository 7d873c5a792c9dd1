/* Category lookup by name in a compiled policy: a small open-addressing hash table built
 * once at load, so that evaluating an item costs one hash of its category name and one
 * string compare, however many categories the policy lists. A case's category id (the
 * name's hash extended to 64 bits) is found in the same table without any compare of
 * text. */
#include "policy/policy.h"
#include "policy/category_index.h"
#include "base/name_hash.h"

#include <string.h>

/* A lookup takes one probe, and the same path for every category, when no two names start
 * in one slot: a small policy (the usual) gets a table up to 8 times larger until none
 * does. */
#define SPREAD_MAX_CATEGORIES 64
#define SPREAD_MAX_SLOTS (8 * 2 * SPREAD_MAX_CATEGORIES)
static uint32_t spread(const retour_policy *p, uint32_t size)
{
    if (p->category_count > SPREAD_MAX_CATEGORIES)
        return size;
    for (int doubled = 0; doubled < 3; doubled++, size *= 2) {
        uint64_t used[SPREAD_MAX_SLOTS / 64] = { 0 };
        size_t i = 0;
        for (; i < p->category_count; i++) {
            uint32_t k = (uint32_t)retour__category_id_of(p->categories[i].name) & (size - 1);
            if ((used[k >> 6] >> (k & 63)) & 1)
                break;
            used[k >> 6] |= (uint64_t)1 << (k & 63);
        }
        if (i == p->category_count)
            return size;
    }
    return size;
}

int retour__policy_index_categories(retour_policy *p)
{
    p->category_slots = NULL;
    p->category_ids = NULL;
    p->category_mask = 0;
    p->category_id_clash = 0;
    if (p->category_count == 0)
        return RETOUR_OK;
    /* At most half full: a miss ends at an empty slot after a probe or two. */
    uint32_t size = 4;
    while (size < 2 * p->category_count)
        size *= 2;
    size = spread(p, size);
    uint32_t *slots = retour__arena_alloc(&p->arena, size * sizeof *slots);
    uint64_t *ids = retour__arena_alloc(&p->arena, size * sizeof *ids);
    if (slots == NULL || ids == NULL)
        return RETOUR_ENOMEM;
    memset(slots, 0, size * sizeof *slots);
    for (size_t i = 0; i < p->category_count; i++) {
        uint64_t id = retour__category_id_of(p->categories[i].name);
        uint32_t k = (uint32_t)id & (size - 1);
        for (; slots[k]; k = (k + 1) & (size - 1))
            if (ids[k] == id)
                p->category_id_clash = id; /* equal ids start their probe in one place */
        slots[k] = (uint32_t)i + 1;
        ids[k] = id;
    }
    p->category_slots = slots;
    p->category_ids = ids;
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
        if ((uint32_t)p->category_ids[k] == hash && strcmp(c->name, name) == 0)
            return c;
    }
    return NULL;
}

const retour__category *retour__policy_category(const retour_policy *p, const char *name)
{
    size_t len;
    return retour__policy_category_hashed(p, name, retour__name_hash(name, &len));
}

const retour__category *retour__policy_category_by_id_scan(const retour_policy *p, uint64_t id)
{
    for (size_t i = 0; i < p->category_count; i++)
        if (retour__category_id_of(p->categories[i].name) == id)
            return &p->categories[i];
    return NULL;
}
