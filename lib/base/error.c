/* Error reporting: one caller-owned struct, never global state. */
#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Copies src, cutting at a UTF-8 character boundary when it does not fit. */
static void copy_trunc(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Messages and paths quote values from the input, which may hold line breaks (a quoted
 * "\n", a folded blank line) or escape characters: write control characters as escapes so
 * the promise "one line" holds and nothing reaches a terminal raw. */
static void escape_controls(char *dst, size_t size, const char *src)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    for (; *src && n + 1 < size; src++) {
        unsigned char c = (unsigned char)*src;
        if (c >= 0x20 && c != 0x7f) {
            dst[n++] = (char)c;
            continue;
        }
        if (n + 4 >= size)
            break;
        dst[n++] = '\\';
        if (c == '\n' || c == '\t' || c == '\r') {
            dst[n++] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r';
        } else {
            dst[n++] = 'x';
            dst[n++] = hex[c >> 4];
            dst[n++] = hex[c & 15];
        }
    }
    dst[n] = '\0';
}

void retour__error_clear(retour_error *err)
{
    if (err == NULL)
        return;
    /* Every field reads as empty; the rest of the text buffers is not touched, so that a
     * call that succeeds (the common case) does not pay for clearing 900 bytes. */
    err->code = 0;
    err->line = 0;
    err->column = 0;
    err->offset = 0;
    err->file[0] = '\0';
    err->path[0] = '\0';
    err->message[0] = '\0';
}

int retour__fail(retour_error *err, int code, const retour__place *place, const char *path,
                 const char *fmt, ...)
{
    if (err == NULL)
        return code;
    retour__error_clear(err);
    err->code = code;
    if (place) {
        copy_trunc(err->file, sizeof err->file, place->file ? place->file : "");
        err->line = (int)place->line + 1;
        err->column = (int)place->column + 1;
        err->offset = place->offset;
    }
    char msg[2 * RETOUR_ERROR_MESSAGE_MAX], safe[2 * RETOUR_ERROR_MESSAGE_MAX];
    escape_controls(safe, sizeof safe, path ? path : "");
    copy_trunc(err->path, sizeof err->path, safe);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    escape_controls(safe, sizeof safe, msg);
    copy_trunc(err->message, sizeof err->message, safe);
    return code;
}

const char *retour_strerror(int code)
{
    switch (code) {
    case RETOUR_OK: return "no error";
    case RETOUR_EINVAL: return "invalid argument";
    case RETOUR_ENOMEM: return "out of memory";
    case RETOUR_EIO: return "input/output error";
    case RETOUR_ESYNTAX: return "syntax error";
    case RETOUR_ESCHEMA: return "schema error";
    case RETOUR_ELIMIT: return "resource limit exceeded";
    case RETOUR_ERANGE: return "value out of range";
    case RETOUR_EREQUEST: return "request does not fit the policy";
    default: return "unknown error code";
    }
}

int retour_error_format(char *buf, size_t size, const retour_error *err)
{
    if (buf == NULL && size > 0)
        return RETOUR_EINVAL; /* snprintf would write through NULL */
    if (err == NULL)
        return snprintf(buf, size, "error: %s", retour_strerror(RETOUR_EINVAL));
    const char *msg = err->message[0] ? err->message : retour_strerror(err->code);
    const char *file = err->file[0] ? err->file : NULL;
    const char *sep = err->path[0] ? ": " : "";
    if (file && err->line > 0)
        return snprintf(buf, size, "%s:%d:%d: error: %s%s%s", file, err->line, err->column,
                        err->path, sep, msg);
    if (file)
        return snprintf(buf, size, "%s: error: %s%s%s", file, err->path, sep, msg);
    return snprintf(buf, size, "error: %s%s%s", err->path, sep, msg);
}
