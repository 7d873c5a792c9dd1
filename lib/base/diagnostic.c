/* Collecting diagnostics and handing them out in file order. */
#include "base/diagnostic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *retour__diag_code_for(int status)
{
    switch (status) {
    case RETOUR_ESYNTAX: return RETOUR__D_YAML_SYNTAX;
    case RETOUR_ELIMIT: return RETOUR__D_LIMIT_EXCEEDED;
    case RETOUR_ERANGE: return RETOUR__D_OUT_OF_RANGE;
    default: return RETOUR__D_BAD_VALUE;
    }
}

void retour__sink_init(retour__sink *sink, const retour_allocator *allocator)
{
    memset(sink, 0, sizeof *sink);
    retour__arena_init(&sink->strings, allocator);
}

void retour__sink_free(retour__sink *sink)
{
    retour__free(sink->strings.allocator, sink->items);
    retour__arena_release(&sink->strings);
    sink->items = NULL;
    sink->count = sink->cap = 0;
}

static const char *copy(retour__sink *sink, const char *s)
{
    return retour__arena_strndup(&sink->strings, s ? s : "", s ? strlen(s) : 0);
}

/* Findings of the lint carry law and fix and never replace one another (merge 0). */
static int add(retour__sink *sink, retour_severity severity, const char *code, const char *file,
               int line, int column, size_t offset, const char *path, const char *message,
               const char *law, const char *fix, int merge)
{
    path = path ? path : "";
    char scoped[256];
    if (sink->scope) {
        for (size_t i = 0; i < sink->count; i++) {
            const retour_diagnostic *o = &sink->items[i].d;
            if (o->offset == offset && o->line == line && strcmp(o->code, code) == 0 &&
                strcmp(o->message, message ? message : "") == 0)
                return RETOUR_OK; /* the same problem, found in the terms it inherits */
        }
        snprintf(scoped, sizeof scoped, "%s%s%s", sink->scope, path[0] ? "." : "", path);
        path = scoped;
    }
    if (merge && sink->count > 0) {
        retour__diag *last = &sink->items[sink->count - 1];
        if (last->d.offset == offset && last->d.line == line && last->d.column == column &&
            strcmp(last->d.path, path) == 0) {
            const char *m = copy(sink, message);
            if (m == NULL)
                return RETOUR_ENOMEM;
            if (last->d.severity == RETOUR_SEVERITY_ERROR)
                sink->errors--;
            if (severity == RETOUR_SEVERITY_ERROR)
                sink->errors++;
            last->d.severity = severity;
            last->d.code = code;
            last->d.message = m;
            return RETOUR_OK;
        }
    }
    if (retour__grow(sink->strings.allocator, (void **)&sink->items, &sink->cap,
                     sink->count + 1, sizeof *sink->items))
        return RETOUR_ENOMEM;
    retour__diag *x = &sink->items[sink->count];
    x->d.severity = severity;
    x->d.code = code;
    x->d.line = line;
    x->d.column = column;
    x->d.offset = offset;
    x->d.file = copy(sink, file);
    x->d.path = copy(sink, path);
    x->d.message = copy(sink, message);
    x->d.law = law ? copy(sink, law) : NULL;
    x->d.fix = fix ? copy(sink, fix) : NULL;
    if (x->d.file == NULL || x->d.path == NULL || x->d.message == NULL ||
        (law && x->d.law == NULL) || (fix && x->d.fix == NULL))
        return RETOUR_ENOMEM;
    x->seq = sink->seq++;
    sink->count++;
    if (severity == RETOUR_SEVERITY_ERROR)
        sink->errors++;
    return RETOUR_OK;
}

int retour__sink_add(retour__sink *sink, retour_severity severity, const char *code,
                     const retour__place *place, const char *path, const char *message)
{
    if (place == NULL)
        return add(sink, severity, code, "", 0, 0, 0, path, message, NULL, NULL, 1);
    return add(sink, severity, code, place->file, (int)place->line + 1, (int)place->column + 1,
               place->offset, path, message, NULL, NULL, 1);
}

int retour__sink_add_finding(retour__sink *sink, retour_severity severity, const char *code,
                             const retour__place *place, const char *path, const char *message,
                             const char *law, const char *fix)
{
    if (place == NULL)
        return add(sink, severity, code, "", 0, 0, 0, path, message, law, fix, 0);
    return add(sink, severity, code, place->file, (int)place->line + 1, (int)place->column + 1,
               place->offset, path, message, law, fix, 0);
}

int retour__sink_add_error(retour__sink *sink, const retour_error *err, const char *code)
{
    return add(sink, RETOUR_SEVERITY_ERROR, code, err->file, err->line, err->column,
               err->offset, err->path, err->message[0] ? err->message : retour_strerror(err->code),
               NULL, NULL, 1);
}

static int by_place(const void *a, const void *b)
{
    const retour__diag *x = a, *y = b;
    if (x->d.offset != y->d.offset)
        return x->d.offset < y->d.offset ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int retour__sink_deliver(retour__sink *sink, retour_diagnostic_fn fn, void *fn_ctx)
{
    if (sink->count > 1)
        qsort(sink->items, sink->count, sizeof *sink->items, by_place);
    for (size_t i = 0; fn && i < sink->count; i++) {
        int rc = fn(fn_ctx, &sink->items[i].d);
        if (rc)
            return rc;
    }
    return RETOUR_OK;
}

const char *retour_severity_name(retour_severity severity)
{
    switch (severity) {
    case RETOUR_SEVERITY_ERROR: return "error";
    case RETOUR_SEVERITY_WARNING: return "warning";
    case RETOUR_SEVERITY_NOTE: return "note";
    case RETOUR_SEVERITY_INFO: return "info";
    default: return "";
    }
}

int retour_diagnostic_format(char *buf, size_t size, const retour_diagnostic *d)
{
    if (d == NULL)
        return snprintf(buf, size, "error: %s", retour_strerror(RETOUR_EINVAL));
    const char *file = d->file && d->file[0] ? d->file : NULL;
    const char *path = d->path ? d->path : "";
    const char *sep = path[0] ? ": " : "";
    const char *sev = retour_severity_name(d->severity);
    const char *code = d->code ? d->code : "";
    const char *msg = d->message ? d->message : "";
    if (file && d->line > 0)
        return snprintf(buf, size, "%s:%d:%d: %s: %s%s%s [%s]", file, d->line, d->column, sev,
                        path, sep, msg, code);
    if (file)
        return snprintf(buf, size, "%s: %s: %s%s%s [%s]", file, sev, path, sep, msg, code);
    return snprintf(buf, size, "%s: %s%s%s [%s]", sev, path, sep, msg, code);
}
