/* The hash of category names: the policy's category index (category_index.c) and the
 * request items (request.c), which hash their category once when it is set. */
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

#endif
