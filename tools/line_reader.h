/* Reading requests one line at a time (line_reader.c). */
#ifndef RETOUR_TOOLS_LINE_READER_H
#define RETOUR_TOOLS_LINE_READER_H

#include <stdio.h>

/* The longest request line; longer lines are reported, not read. */
#define MAX_LINE ((size_t)1 << 20)

typedef struct line_reader {
    FILE *f;
    char chunk[1 << 16];
    size_t pos, end;
    int eof;
    char *buf; /* a line that spans chunks */
    size_t cap, len;
} line_reader;

/* The next line without its '\n' in *line (valid until the next call) and its full
 * length in *full (more than *len when the line is longer than MAX_LINE).
 * Returns 1 with a line, 0 at the end of the input, -1 on a read error or no memory. */
int next_line(line_reader *lr, const char **line, size_t *len, size_t *full);

/* 1 when the line holds only blanks (spaces, tabs, a CR). */
int line_blank(const char *s, size_t len);

#endif
