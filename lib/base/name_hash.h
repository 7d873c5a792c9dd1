/* The hash of category names: the policy's category index (category_index.c) and the
 * request items (request.c), which hash their category once when it is set; and the
 * public category id (retour_category_id) of a case, which extends that hash. */
#ifndef RETOUR_NAME_HASH_H
#define RETOUR_NAME_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a, 32 bits, of a NUL-terminated string; its length goes to *len. */
static inline uint32_t retour__name_hash(const char *name, size_t *len)
{
    uint32_t h = 2166136261u;
    const unsigned char *s = (const unsigned char *)name;
    for (; *s; s++)
        h = (h ^ *s) * 16777619u;
    *len = (size_t)(s - (const unsigned char *)name);
    return h;
}

/* A category's id: 32 more bits of FNV-1a (64 bits) above the 32-bit hash, so that the
 * policy's index finds an id where it finds the name; the top bit set keeps it apart from
 * RETOUR_CATEGORY_NONE (0). */
static inline uint64_t retour__category_id_of(const char *name)
{
    uint32_t h32 = 2166136261u;
    uint64_t h64 = 14695981039346656037u;
    for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
        h32 = (h32 ^ *s) * 16777619u;
        h64 = (h64 ^ *s) * 1099511628211u;
    }
    return ((h64 >> 32 | 0x80000000u) << 32) | h32;
}

#endif
