/* Lines of any length from a stream, in a buffer that grows to the longest line (up to
 * MAX_LINE): what `retour eval --batch` and `retour diff` read their requests with. */
#include "line_reader.h"

#include <stdlib.h>
#include <string.h>

/* Appends what fits under MAX_LINE + 1 bytes: enough to know a line is too long. */
static int keep(line_reader *lr, const char *s, size_t n)
{
    size_t room = MAX_LINE + 1 - lr->len;
    if (n > room)
        n = room;
    if (lr->len + n > lr->cap) {
        size_t cap = lr->cap ? lr->cap : 4096;
        while (cap < lr->len + n)
            cap *= 2;
        char *p = realloc(lr->buf, cap);
        if (p == NULL)
            return -1;
        lr->buf = p;
        lr->cap = cap;
    }
    memcpy(lr->buf + lr->len, s, n);
    lr->len += n;
    return 0;
}

int next_line(line_reader *lr, const char **line, size_t *len, size_t *full)
{
    size_t total = 0;
    int any = 0;
    lr->len = 0;
    for (;;) {
        if (lr->pos == lr->end) {
            if (lr->eof)
                break;
            lr->end = fread(lr->chunk, 1, sizeof lr->chunk, lr->f);
            lr->pos = 0;
            if (lr->end == 0) {
                lr->eof = 1;
                if (ferror(lr->f))
                    return -1;
                break;
            }
        }
        any = 1;
        const char *start = lr->chunk + lr->pos;
        size_t avail = lr->end - lr->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        lr->pos += take + (nl != NULL);
        if (nl && total == 0) { /* the common case: the whole line is in the chunk */
            *line = start;
            *len = *full = take;
            return 1;
        }
        if (keep(lr, start, take))
            return -1;
        total += take;
        if (nl)
            break;
    }
    if (!any)
        return 0;
    *line = lr->buf ? lr->buf : "";
    *len = lr->len;
    *full = total;
    return 1;
}

int line_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}
