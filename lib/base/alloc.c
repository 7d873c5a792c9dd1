/* Allocation through the caller's allocator, plus a bump arena. */
#include "base/alloc.h"

#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *ctx, size_t size) { (void)ctx; return malloc(size); }
static void *std_realloc(void *ctx, void *p, size_t size) { (void)ctx; return realloc(p, size); }
static void std_free(void *ctx, void *p) { (void)ctx; free(p); }

static const retour_allocator std_allocator = { std_malloc, std_realloc, std_free, NULL };

const retour_allocator *retour__allocator(const retour_allocator *a)
{
    return a ? a : &std_allocator;
}

void *retour__malloc(const retour_allocator *a, size_t size)
{
    a = retour__allocator(a);
    return a->malloc(a->ctx, size ? size : 1);
}

void *retour__realloc(const retour_allocator *a, void *ptr, size_t size)
{
    a = retour__allocator(a);
    return a->realloc(a->ctx, ptr, size ? size : 1);
}

void retour__free(const retour_allocator *a, void *ptr)
{
    if (ptr == NULL)
        return;
    a = retour__allocator(a);
    a->free(a->ctx, ptr);
}

int retour__grow(const retour_allocator *a, void **array, size_t *capacity, size_t need,
                 size_t elem_size)
{
    if (need <= *capacity)
        return RETOUR_OK;
    size_t cap = *capacity ? *capacity : 4;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / elem_size)
            return RETOUR_ENOMEM;
        cap *= 2;
    }
    void *p = retour__realloc(a, *array, cap * elem_size);
    if (p == NULL)
        return RETOUR_ENOMEM;
    *array = p;
    *capacity = cap;
    return RETOUR_OK;
}

struct retour__arena_block {
    retour__arena_block *next;
    size_t size;
    /* data follows, aligned to max_align_t by the header size below */
};

#define BLOCK_HEADER ((sizeof(retour__arena_block) + 15u) & ~(size_t)15u)
/* Blocks are BLOCK_MAX bytes (or the size asked for, when larger). A small object's arena
 * (retour__arena_init_small: a one-item request) starts at BLOCK_SMALL and doubles, so that
 * it takes a few hundred bytes rather than a page: thousands of prebuilt requests then sit
 * close together in memory. */
#define BLOCK_SMALL 256u
#define BLOCK_MAX 4096u

void retour__arena_init(retour__arena *arena, const retour_allocator *a)
{
    arena->allocator = a;
    arena->head = NULL;
    arena->used = 0;
    arena->size = 0;
    arena->first = BLOCK_MAX;
}

void retour__arena_init_small(retour__arena *arena, const retour_allocator *a)
{
    retour__arena_init(arena, a);
    arena->first = BLOCK_SMALL;
}

void *retour__arena_alloc(retour__arena *arena, size_t size)
{
    size = (size + 7u) & ~(size_t)7u;
    if (arena->head == NULL || arena->size - arena->used < size) {
        size_t next = arena->head == NULL ? (arena->first ? arena->first : BLOCK_MAX)
                      : arena->size >= BLOCK_MAX / 2 ? BLOCK_MAX : 2 * arena->size;
        size_t want = size > next ? size : next;
        if (want > SIZE_MAX - BLOCK_HEADER)
            return NULL;
        retour__arena_block *b = retour__malloc(arena->allocator, BLOCK_HEADER + want);
        if (b == NULL)
            return NULL;
        b->next = arena->head;
        b->size = want;
        arena->head = b;
        arena->used = 0;
        arena->size = want;
    }
    void *p = (char *)arena->head + BLOCK_HEADER + arena->used;
    arena->used += size;
    return p;
}

char *retour__arena_strndup(retour__arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = retour__arena_alloc(arena, len + 1);
    if (p == NULL)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void retour__arena_clear(retour__arena *arena)
{
    /* Keep the most recent block: a reused request usually fits in it again. */
    retour__arena_block *keep = arena->head;
    if (keep == NULL)
        return;
    retour__arena_block *b = keep->next;
    while (b) {
        retour__arena_block *next = b->next;
        retour__free(arena->allocator, b);
        b = next;
    }
    keep->next = NULL;
    arena->used = 0;
    arena->size = keep->size;
}

void retour__arena_release(retour__arena *arena)
{
    retour__arena_block *b = arena->head;
    while (b) {
        retour__arena_block *next = b->next;
        retour__free(arena->allocator, b);
        b = next;
    }
    arena->head = NULL;
    arena->used = arena->size = 0;
}
