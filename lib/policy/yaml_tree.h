/* A YAML (or JSON) document read with libyaml into a small tree whose every node keeps
 * its place in the file. Strict by design: one document, no anchors, aliases or tags,
 * no duplicate keys, bounded size and depth. */
#ifndef RETOUR_YAML_TREE_H
#define RETOUR_YAML_TREE_H

#include "base/alloc.h"
#include "base/error.h"
#include "base/options.h"

typedef enum retour__node_kind {
    RETOUR__NODE_SCALAR,
    RETOUR__NODE_MAP,
    RETOUR__NODE_SEQ
} retour__node_kind;

typedef struct retour__node retour__node;

typedef struct retour__pair {
    const retour__node *key; /* always a scalar */
    const retour__node *value;
} retour__pair;

struct retour__node {
    retour__node_kind kind;
    size_t line, column, offset; /* 0-based, from libyaml's start mark */
    /* scalar */
    const char *text; /* NUL-terminated copy */
    size_t len;
    int quoted;       /* written in quotes or as a block: never null, bool or a number */
    /* map and sequence */
    const retour__pair *pairs;
    const retour__node *const *items;
    size_t count;
};

typedef struct retour__doc {
    retour__arena arena;
    const char *file;
    const retour__node *root; /* NULL for an empty document */
} retour__doc;

/* Parses text into doc. On failure nothing is left allocated and err says where. */
int retour__doc_parse(retour__doc *doc, const char *text, size_t len, const char *file,
                      const retour__limits *limits, const retour_allocator *allocator,
                      retour_error *err);
void retour__doc_free(retour__doc *doc);

/* The place of a node, for error messages. */
retour__place retour__node_place(const retour__doc *doc, const retour__node *node);

/* Reads a whole file into memory allocated with `allocator` (max bytes enforced). */
int retour__read_file(char **out, size_t *len, const char *path, size_t max_bytes,
                      const retour_allocator *allocator, retour_error *err);

#endif
