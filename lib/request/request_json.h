/* The direct JSON reader's helpers that tests reach (request_json.c); the reader itself is
 * public: retour_request_parse_json(). */
#ifndef RETOUR_REQUEST_JSON_H
#define RETOUR_REQUEST_JSON_H

#include <stddef.h>

/* The index in names (retour__request_keys, retour__item_keys or retour__customer_keys, of
 * count names) of the key text[0..len), or -1: the fast path's key lookup, by constants for
 * the keys it knows and by the list for any other. */
int retour__json_key(const char *const *names, size_t count, const char *text, size_t len);

#endif
