/* retour_options, read once at each entry point: version check and effective limits. */
#ifndef RETOUR_OPTIONS_H
#define RETOUR_OPTIONS_H

#include <stddef.h>

#include "retour.h"

/* Limits applied while reading; zero option fields take the documented defaults. */
typedef struct retour__limits {
    size_t max_bytes;
    unsigned int max_depth;
    unsigned int max_items;
    size_t max_string;
} retour__limits;

/* RETOUR_OK, or RETOUR_EINVAL with a message naming `function` when options come from a
 * newer header or carry no version. NULL options are valid (all defaults). */
int retour__options_check(const retour_options *options, const char *function,
                          retour_error *err);

void retour__limits_from_options(retour__limits *limits, const retour_options *options);

#endif
