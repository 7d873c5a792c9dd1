/* Diagnostics: the problems a check collects, kept until the whole text has been read and
 * then delivered in file order. The codes below are a fixed, documented set (docs/cli.md):
 * add new ones, never rename or reuse one. */
#ifndef RETOUR_DIAGNOSTIC_H
#define RETOUR_DIAGNOSTIC_H

#include "base/alloc.h"
#include "base/error.h"

#define RETOUR__D_YAML_SYNTAX "yaml-syntax"       /* not readable YAML, or YAML we refuse */
#define RETOUR__D_DUPLICATE_KEY "duplicate-key"   /* a key twice in one mapping */
#define RETOUR__D_LIMIT_EXCEEDED "limit-exceeded" /* size, nesting or entry count */
#define RETOUR__D_UNKNOWN_KEY "unknown-key"       /* a key the schema does not have */
#define RETOUR__D_MISSING_KEY "missing-key"       /* a required key is absent or empty */
#define RETOUR__D_WRONG_TYPE "wrong-type"         /* a list, mapping, text... of the wrong kind */
#define RETOUR__D_BAD_VALUE "bad-value"           /* right kind, but not an allowed value */
#define RETOUR__D_OUT_OF_RANGE "out-of-range"     /* a number, date or amount out of bounds */

/* The code of a failure that names none: the kind a retour_status stands for. */
const char *retour__diag_code_for(int status);

typedef struct retour__diag {
    retour_diagnostic d;
    size_t seq; /* order found, to keep it among diagnostics at one place */
} retour__diag;

typedef struct retour__sink {
    retour__arena strings; /* file, path and message texts */
    retour__diag *items;
    size_t count, cap;
    size_t errors; /* items of severity error */
    size_t seq;
    /* While set ("versions[1]", "markets.BE"), problems are those of one version or market
     * of the terms: their paths start with it, and one the sink holds already, at the same
     * place with the same code and message, is not added again. */
    const char *scope;
} retour__sink;

void retour__sink_init(retour__sink *sink, const retour_allocator *allocator);
void retour__sink_free(retour__sink *sink);

/* Records a problem at place (NULL: not tied to a place). A problem at the same place and
 * path as the previous one replaces it: a reader that fails a value and then fails it
 * again with a better message (as strict loading overwrites its error) says it once.
 * Returns 0 or RETOUR_ENOMEM. code must be static. */
int retour__sink_add(retour__sink *sink, retour_severity severity, const char *code,
                     const retour__place *place, const char *path, const char *message);

/* Records a finding of the legal lint: like retour__sink_add(), with the article it rests
 * on and a fix (both copied; NULL for none), and never merged with the one before. */
int retour__sink_add_finding(retour__sink *sink, retour_severity severity, const char *code,
                             const retour__place *place, const char *path, const char *message,
                             const char *law, const char *fix);

/* Records the failure a strict step left in err (line and column 1-based, 0 unknown). */
int retour__sink_add_error(retour__sink *sink, const retour_error *err, const char *code);

/* Sorts by byte offset (stable) and calls fn for each; 0, or fn's nonzero value. */
int retour__sink_deliver(retour__sink *sink, retour_diagnostic_fn fn, void *fn_ctx);

#endif
