/* Filling the caller's optional retour_error. */
#ifndef RETOUR_ERROR_H
#define RETOUR_ERROR_H

#include "retour.h"

#if defined(__GNUC__)
#define RETOUR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RETOUR_PRINTF(f, a)
#endif

/* A place in an input file: the file name and a libyaml-style mark (0-based). */
typedef struct retour__place {
    const char *file;
    size_t line;   /* 0-based */
    size_t column; /* 0-based */
    size_t offset;
} retour__place;

/* Sets err (if not NULL) and returns code, so callers can `return retour__fail(...)`. */
int retour__fail(retour_error *err, int code, const retour__place *place, const char *path,
                 const char *fmt, ...) RETOUR_PRINTF(5, 6);

/* Clears err to "no error". */
void retour__error_clear(retour_error *err);

#endif
