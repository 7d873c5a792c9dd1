/* A growable output buffer, reused across calls so that warm writers do not allocate. */
#ifndef RETOUR_STRBUF_H
#define RETOUR_STRBUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "base/error.h"
#include "retour.h"

typedef struct retour__strbuf {
    const retour_allocator *allocator;
    char *data;
    size_t len;
    size_t cap;
    int failed; /* an allocation failed: further appends are ignored */
} retour__strbuf;

void retour__strbuf_init(retour__strbuf *sb, const retour_allocator *a);
void retour__strbuf_free(retour__strbuf *sb);
void retour__strbuf_clear(retour__strbuf *sb);
void retour__strbuf_append(retour__strbuf *sb, const char *s, size_t len);
void retour__strbuf_puts(retour__strbuf *sb, const char *s);
void retour__strbuf_putc(retour__strbuf *sb, char c);
/* retour__strbuf_append() for the hot path: copies inline when the buffer has room. */
static inline void retour__strbuf_add(retour__strbuf *sb, const char *s, size_t len)
{
    if (sb->cap - sb->len > len && !sb->failed) {
        memcpy(sb->data + sb->len, s, len);
        sb->len += len;
        sb->data[sb->len] = '\0';
    } else {
        retour__strbuf_append(sb, s, len);
    }
}
void retour__strbuf_printf(retour__strbuf *sb, const char *fmt, ...) RETOUR_PRINTF(2, 3);

#endif
