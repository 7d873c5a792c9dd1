#include "base/options.h"

#include "base/error.h"

#define DEFAULT_MAX_BYTES (1u << 20)
#define DEFAULT_MAX_DEPTH 32u
#define DEFAULT_MAX_ITEMS 1000u
#define DEFAULT_MAX_STRING 4096u

int retour__options_check(const retour_options *options, const char *function,
                          retour_error *err)
{
    /* Every older version is a prefix of the current struct (fields are only appended). */
    if (options == NULL || (options->version >= 1 && options->version <= RETOUR_OPTIONS_VERSION))
        return RETOUR_OK;
    return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                        "%s: options.version is %u; expected 1 to RETOUR_OPTIONS_VERSION (%d)",
                        function, options->version, RETOUR_OPTIONS_VERSION);
}

void retour__limits_from_options(retour__limits *limits, const retour_options *options)
{
    limits->max_bytes = options && options->max_input_bytes ? options->max_input_bytes
                                                            : DEFAULT_MAX_BYTES;
    limits->max_depth = options && options->max_depth ? options->max_depth : DEFAULT_MAX_DEPTH;
    limits->max_items = options && options->max_items ? options->max_items : DEFAULT_MAX_ITEMS;
    /* A version 1 caller's struct ends before max_string_bytes: do not read it. */
    limits->max_string = options && options->version >= 2 && options->max_string_bytes
                             ? options->max_string_bytes
                             : DEFAULT_MAX_STRING;
}
