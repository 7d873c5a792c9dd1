/* Allocation through the caller's retour_allocator, and a bump arena for objects that
 * are built once and freed at once (a compiled policy, a parsed document). */
#ifndef RETOUR_ALLOC_H
#define RETOUR_ALLOC_H

#include "retour.h"

/* Resolves NULL to the C library's allocator. Never returns NULL. */
const retour_allocator *retour__allocator(const retour_allocator *a);

void *retour__malloc(const retour_allocator *a, size_t size);
void *retour__realloc(const retour_allocator *a, void *ptr, size_t size);
void retour__free(const retour_allocator *a, void *ptr);

/* Grows an array to hold at least need elements; doubles; returns 0 or RETOUR_ENOMEM. */
int retour__grow(const retour_allocator *a, void **array, size_t *capacity, size_t need,
                 size_t elem_size);

typedef struct retour__arena_block retour__arena_block;

typedef struct retour__arena {
    const retour_allocator *allocator;
    retour__arena_block *head;
    size_t used;  /* bytes used in head */
    size_t size;  /* bytes available in head */
    size_t first; /* size of the first block */
} retour__arena;

void retour__arena_init(retour__arena *arena, const retour_allocator *a);
/* The same for a small object (a request): blocks start at 256 bytes and double. */
void retour__arena_init_small(retour__arena *arena, const retour_allocator *a);
/* 8-byte aligned memory that lives until retour__arena_release(); NULL when out of memory. */
void *retour__arena_alloc(retour__arena *arena, size_t size);
/* Copies len bytes and appends a NUL. */
char *retour__arena_strndup(retour__arena *arena, const char *s, size_t len);
/* Forgets all allocations but keeps the first block for reuse. */
void retour__arena_clear(retour__arena *arena);
void retour__arena_release(retour__arena *arena);

#endif
