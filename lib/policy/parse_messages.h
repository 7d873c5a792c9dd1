/* Error texts that both request readers (libyaml's tree in yaml_tree.c, the direct JSON
 * reader in request_json.c) write for the same mistake, so that the two cannot drift. */
#ifndef RETOUR_PARSE_MESSAGES_H
#define RETOUR_PARSE_MESSAGES_H

/* key, line of the first occurrence (1-based, size_t) */
#define RETOUR__MSG_DUPLICATE_KEY "duplicate key '%s' (first at line %zu)"
/* max_items (unsigned) */
#define RETOUR__MSG_TOO_MANY "more than %u entries in one list or mapping"
/* max_depth (unsigned) */
#define RETOUR__MSG_TOO_DEEP "nesting deeper than %u levels"
/* input length, max_bytes (size_t) */
#define RETOUR__MSG_TOO_LARGE "input of %zu bytes exceeds the limit of %zu bytes"
#define RETOUR__MSG_NUL "NUL character in a value"
/* Appended to reader errors (bad UTF-8, control characters). */
#define RETOUR__MSG_READER_HINT " (the file must be UTF-8 text without control characters)"

#endif
