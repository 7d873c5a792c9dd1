/* Growable output buffer. */
#include "base/strbuf.h"
#include "base/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void retour__strbuf_init(retour__strbuf *sb, const retour_allocator *a)
{
    sb->allocator = a;
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->failed = 0;
}

void retour__strbuf_free(retour__strbuf *sb)
{
    retour__free(sb->allocator, sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

void retour__strbuf_clear(retour__strbuf *sb)
{
    sb->len = 0;
    sb->failed = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

static int reserve(retour__strbuf *sb, size_t extra)
{
    if (sb->failed)
        return -1;
    if (extra > SIZE_MAX - sb->len - 1 ||
        retour__grow(sb->allocator, (void **)&sb->data, &sb->cap, sb->len + extra + 1, 1)) {
        sb->failed = 1;
        return -1;
    }
    return 0;
}

void retour__strbuf_append(retour__strbuf *sb, const char *s, size_t len)
{
    if (reserve(sb, len))
        return;
    memcpy(sb->data + sb->len, s, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
}

void retour__strbuf_puts(retour__strbuf *sb, const char *s)
{
    retour__strbuf_append(sb, s, strlen(s));
}

void retour__strbuf_putc(retour__strbuf *sb, char c)
{
    retour__strbuf_append(sb, &c, 1);
}

void retour__strbuf_printf(retour__strbuf *sb, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        retour__strbuf_append(sb, small, (size_t)n);
        return;
    }
    if (reserve(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}
