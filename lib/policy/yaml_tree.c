/* libyaml events -> retour__node tree. */
#include "policy/yaml_tree.h"
#include "policy/parse_messages.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

typedef struct builder {
    yaml_parser_t parser;
    retour__doc *doc;
    const retour__limits *limits;
    const char *text;
    size_t len;
    retour_error *err;
    char path[RETOUR_ERROR_PATH_MAX]; /* key path of the node being read, for errors */
    size_t path_len;
    size_t cursor_char, cursor_byte; /* last index -> byte conversion, reused going forward */
} builder;

/* Appends ".key" or "[index]" to the builder's path; returns the length to restore. */
static size_t push_path(builder *b, const char *key, size_t index)
{
    size_t saved = b->path_len;
    size_t room = sizeof b->path - b->path_len;
    int n = key ? snprintf(b->path + b->path_len, room, "%s%s", b->path_len ? "." : "", key)
                : snprintf(b->path + b->path_len, room, "[%zu]", index);
    if (n > 0)
        b->path_len += (size_t)n < room ? (size_t)n : room - 1;
    return saved;
}

static void pop_path(builder *b, size_t saved)
{
    b->path_len = saved;
    b->path[saved] = '\0';
}

/* libyaml's mark.index counts characters; errors promise a byte offset. Marks arrive
 * mostly in increasing order, so the conversion resumes from the last one. */
static size_t byte_of_index(builder *b, size_t index)
{
    if (index < b->cursor_char)
        b->cursor_char = b->cursor_byte = 0;
    while (b->cursor_char < index && b->cursor_byte < b->len) {
        b->cursor_byte++;
        while (b->cursor_byte < b->len && ((unsigned char)b->text[b->cursor_byte] & 0xC0) == 0x80)
            b->cursor_byte++;
        b->cursor_char++;
    }
    return b->cursor_byte;
}

static retour__place place_of_mark(builder *b, yaml_mark_t mark)
{
    retour__place p = { b->doc->file, mark.line, mark.column, byte_of_index(b, mark.index) };
    return p;
}

/* Reader errors (bad UTF-8, control characters) come as a byte offset only; the column is
 * counted in characters like libyaml's. */
static retour__place place_of_offset(const builder *b, size_t offset)
{
    retour__place p = { b->doc->file, 0, 0, offset };
    for (size_t i = 0; i < offset && i < b->len; i++) {
        unsigned char c = (unsigned char)b->text[i];
        if (c == '\n') {
            p.line++;
            p.column = 0;
        } else if ((c & 0xC0) != 0x80) {
            p.column++;
        }
    }
    return p;
}

static int parser_error(builder *b)
{
    const yaml_parser_t *ps = &b->parser;
    if (ps->error == YAML_MEMORY_ERROR)
        return retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    if (ps->error == YAML_READER_ERROR) {
        /* The reader decodes ahead of the parser: the node being read is elsewhere. */
        retour__place p = place_of_offset(b, ps->problem_offset);
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, "",
                            "%s" RETOUR__MSG_READER_HINT,
                            ps->problem ? ps->problem : "unreadable input");
    }
    retour__place p = place_of_mark(b, ps->problem_mark);
    if (ps->context)
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path, "YAML syntax: %s %s",
                            ps->problem ? ps->problem : "error", ps->context);
    return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path, "YAML syntax: %s",
                        ps->problem ? ps->problem : "error");
}

static int next_event(builder *b, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&b->parser, ev))
        return parser_error(b);
    return RETOUR_OK;
}

static int refuse_anchor_and_tag(builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
                                 const yaml_char_t *tag)
{
    retour__place p = place_of_mark(b, ev->start_mark);
    if (anchor)
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path,
                            "anchors (&%s) are not allowed; write the value out", anchor);
    if (tag)
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path,
                            "tags (%s) are not allowed; write a plain value", tag);
    return RETOUR_OK;
}

static retour__node *new_node(builder *b, retour__node_kind kind, const yaml_event_t *ev)
{
    retour__node *n = retour__arena_alloc(&b->doc->arena, sizeof *n);
    if (n == NULL)
        return NULL;
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = ev->start_mark.line;
    n->column = ev->start_mark.column;
    n->offset = byte_of_index(b, ev->start_mark.index);
    return n;
}

static int build_node(builder *b, yaml_event_t *ev, unsigned depth, const retour__node **out);

/* Collects child nodes in a growable scratch array, then moves them into the arena. */
typedef struct scratch {
    const retour__node **nodes;
    size_t count, cap;
} scratch;

static int scratch_push(builder *b, scratch *s, const retour__node *n)
{
    if (retour__grow(b->doc->arena.allocator, (void **)&s->nodes, &s->cap, s->count + 1,
                     sizeof *s->nodes))
        return retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    s->nodes[s->count++] = n;
    return RETOUR_OK;
}

static int check_count(builder *b, const retour__node *n, size_t count)
{
    if (count <= b->limits->max_items)
        return RETOUR_OK;
    retour__place p = retour__node_place(b->doc, n);
    return retour__fail(b->err, RETOUR_ELIMIT, &p, b->path,
                        RETOUR__MSG_TOO_MANY, b->limits->max_items);
}

static int build_collection(builder *b, retour__node *n, unsigned depth, yaml_event_type_t end)
{
    scratch s = { NULL, 0, 0 };
    int rc = RETOUR_OK;
    for (;;) {
        yaml_event_t ev;
        if ((rc = next_event(b, &ev)))
            break;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            break;
        }
        const retour__node *child;
        /* A mapping value is read under its key; a list entry under its index. */
        size_t saved = b->path_len;
        if (n->kind == RETOUR__NODE_MAP && s.count % 2 == 1)
            push_path(b, s.nodes[s.count - 1]->text, 0);
        else if (n->kind == RETOUR__NODE_SEQ)
            push_path(b, NULL, s.count);
        rc = build_node(b, &ev, depth + 1, &child);
        pop_path(b, saved);
        yaml_event_delete(&ev);
        if (rc)
            break;
        if (n->kind == RETOUR__NODE_MAP && s.count % 2 == 0 && child->kind != RETOUR__NODE_SCALAR) {
            retour__place p = retour__node_place(b->doc, child);
            rc = retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path,
                              "a mapping key must be a plain word, not a list or mapping");
            break;
        }
        if ((rc = scratch_push(b, &s, child)))
            break;
        if ((rc = check_count(b, n, n->kind == RETOUR__NODE_MAP ? s.count / 2 : s.count)))
            break;
    }
    if (rc == RETOUR_OK) {
        if (n->kind == RETOUR__NODE_MAP) {
            size_t pairs = s.count / 2;
            retour__pair *pv = retour__arena_alloc(&b->doc->arena, pairs * sizeof *pv);
            if (pv == NULL && pairs)
                rc = retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
            for (size_t i = 0; rc == RETOUR_OK && i < pairs; i++) {
                pv[i].key = s.nodes[2 * i];
                pv[i].value = s.nodes[2 * i + 1];
                for (size_t j = 0; j < i; j++) {
                    if (strcmp(pv[j].key->text, pv[i].key->text) == 0) {
                        retour__place p = retour__node_place(b->doc, pv[i].key);
                        push_path(b, pv[i].key->text, 0);
                        rc = retour__fail(b->err, RETOUR_ESCHEMA, &p, b->path,
                                          RETOUR__MSG_DUPLICATE_KEY,
                                          pv[i].key->text, pv[j].key->line + 1);
                        break;
                    }
                }
            }
            n->pairs = pv;
            n->count = pairs;
        } else {
            const retour__node **iv =
                retour__arena_alloc(&b->doc->arena, s.count * sizeof *iv + 1);
            if (iv == NULL)
                rc = retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
            else if (s.count)
                memcpy(iv, s.nodes, s.count * sizeof *iv);
            n->items = iv;
            n->count = s.count;
        }
    }
    retour__free(b->doc->arena.allocator, s.nodes);
    return rc;
}

static int build_node(builder *b, yaml_event_t *ev, unsigned depth, const retour__node **out)
{
    if (depth > b->limits->max_depth) {
        retour__place p = place_of_mark(b, ev->start_mark);
        return retour__fail(b->err, RETOUR_ELIMIT, &p, b->path,
                            RETOUR__MSG_TOO_DEEP, b->limits->max_depth);
    }
    retour__node *n;
    int rc;
    switch (ev->type) {
    case YAML_ALIAS_EVENT: {
        retour__place p = place_of_mark(b, ev->start_mark);
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path,
                            "aliases (*%s) are not allowed; write the value out",
                            ev->data.alias.anchor);
    }
    case YAML_SCALAR_EVENT:
        if ((rc = refuse_anchor_and_tag(b, ev, ev->data.scalar.anchor,
                                        ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit
                                            ? NULL : ev->data.scalar.tag)))
            return rc;
        n = new_node(b, RETOUR__NODE_SCALAR, ev);
        if (n == NULL)
            return retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        if (ev->data.scalar.length > b->limits->max_string) {
            retour__place p = place_of_mark(b, ev->start_mark);
            return retour__fail(b->err, RETOUR_ELIMIT, &p, b->path,
                                "a value of %zu bytes exceeds the limit of %zu bytes",
                                ev->data.scalar.length, b->limits->max_string);
        }
        n->len = ev->data.scalar.length;
        n->text = retour__arena_strndup(&b->doc->arena, (const char *)ev->data.scalar.value, n->len);
        if (n->text == NULL)
            return retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        if (memchr(n->text, '\0', n->len)) {
            retour__place p = retour__node_place(b->doc, n);
            return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path, RETOUR__MSG_NUL);
        }
        n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        *out = n;
        return RETOUR_OK;
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT: {
        int is_map = ev->type == YAML_MAPPING_START_EVENT;
        const yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor
                                           : ev->data.sequence_start.anchor;
        int implicit = is_map ? ev->data.mapping_start.implicit : ev->data.sequence_start.implicit;
        const yaml_char_t *tag = is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
        if ((rc = refuse_anchor_and_tag(b, ev, anchor, implicit ? NULL : tag)))
            return rc;
        n = new_node(b, is_map ? RETOUR__NODE_MAP : RETOUR__NODE_SEQ, ev);
        if (n == NULL)
            return retour__fail(b->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        if ((rc = build_collection(b, n, depth,
                                   is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT)))
            return rc;
        *out = n;
        return RETOUR_OK;
    }
    default: {
        retour__place p = place_of_mark(b, ev->start_mark);
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path, "unexpected YAML event");
    }
    }
}

static int build_stream(builder *b)
{
    yaml_event_t ev;
    int rc;
    if ((rc = next_event(b, &ev)))
        return rc;
    yaml_event_delete(&ev); /* STREAM-START */
    if ((rc = next_event(b, &ev)))
        return rc;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        return RETOUR_OK; /* empty input */
    }
    yaml_event_delete(&ev); /* DOCUMENT-START */
    if ((rc = next_event(b, &ev)))
        return rc;
    rc = build_node(b, &ev, 1, &b->doc->root);
    yaml_event_delete(&ev);
    if (rc)
        return rc;
    if ((rc = next_event(b, &ev)))
        return rc;
    yaml_event_delete(&ev); /* DOCUMENT-END */
    if ((rc = next_event(b, &ev)))
        return rc;
    int more = ev.type != YAML_STREAM_END_EVENT;
    retour__place p = place_of_mark(b, ev.start_mark);
    yaml_event_delete(&ev);
    if (more)
        return retour__fail(b->err, RETOUR_ESYNTAX, &p, b->path,
                            "a second YAML document; one file holds exactly one document");
    return RETOUR_OK;
}

int retour__doc_parse(retour__doc *doc, const char *text, size_t len, const char *file,
                      const retour__limits *limits, const retour_allocator *allocator,
                      retour_error *err)
{
    retour__arena_init(&doc->arena, allocator);
    doc->root = NULL;
    doc->file = retour__arena_strndup(&doc->arena, file, strlen(file));
    if (doc->file == NULL)
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    if (len > limits->max_bytes) {
        retour__place p = { doc->file, 0, 0, 0 };
        int rc = retour__fail(err, RETOUR_ELIMIT, &p, NULL,
                              RETOUR__MSG_TOO_LARGE, len,
                              limits->max_bytes);
        retour__doc_free(doc);
        return rc;
    }
    builder b;
    memset(&b, 0, sizeof b);
    b.doc = doc;
    b.limits = limits;
    b.text = text;
    b.len = len;
    b.err = err;
    if (!yaml_parser_initialize(&b.parser)) {
        retour__doc_free(doc);
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    }
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
    /* UTF-8 only: no UTF-16 guessing, so byte offsets stay meaningful. */
    yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
    int rc = build_stream(&b);
    yaml_parser_delete(&b.parser);
    if (rc)
        retour__doc_free(doc);
    return rc;
}

void retour__doc_free(retour__doc *doc)
{
    retour__arena_release(&doc->arena);
    doc->root = NULL;
    doc->file = NULL;
}

retour__place retour__node_place(const retour__doc *doc, const retour__node *node)
{
    retour__place p = { doc->file, node->line, node->column, node->offset };
    return p;
}

/* Refuses a regular file over the limit before reading it (fstat), and reads anything
 * else (pipes, devices) at most one byte past the limit, so memory stays bounded. */
int retour__read_file(char **out, size_t *len, const char *path, size_t max_bytes,
                      const retour_allocator *allocator, retour_error *err)
{
    retour__place where = { path, 0, 0, 0 };
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int rc = retour__fail(err, RETOUR_EIO, NULL, NULL, "cannot open: %s", strerror(errno));
        if (err) /* no line or column: the file itself is the problem */
            snprintf(err->file, sizeof err->file, "%s", path);
        return rc;
    }
    struct stat st;
    int regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    if (regular && (uintmax_t)st.st_size > max_bytes) {
        fclose(f);
        return retour__fail(err, RETOUR_ELIMIT, &where, NULL,
                            "file is larger than the limit of %zu bytes", max_bytes);
    }
    /* A regular file gets one exact buffer (plus the byte that notices it grew). */
    size_t cap = regular ? (size_t)st.st_size + 2 : 0, n = 0;
    char *buf = cap ? retour__malloc(allocator, cap) : NULL;
    int rc = cap && buf == NULL ? retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory")
                                : RETOUR_OK;
    while (rc == RETOUR_OK) {
        size_t limit = max_bytes < SIZE_MAX - 2 ? max_bytes + 2 : SIZE_MAX;
        if (n + 1 >= cap &&
            retour__grow(allocator, (void **)&buf, &cap, n + 4096 < limit ? n + 4096 : limit, 1)) {
            rc = retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
            break;
        }
        size_t room = cap - n - 1, left = max_bytes - n; /* n <= max_bytes here */
        if (left < SIZE_MAX)
            left++; /* one byte past the limit tells a file that is too large */
        if (room > left)
            room = left;
        size_t got = fread(buf + n, 1, room, f);
        n += got;
        if (n > max_bytes) {
            rc = retour__fail(err, RETOUR_ELIMIT, &where, NULL,
                              "file is larger than the limit of %zu bytes", max_bytes);
            break;
        }
        if (got == 0) {
            if (ferror(f)) {
                rc = retour__fail(err, RETOUR_EIO, NULL, NULL, "cannot read: %s",
                                  strerror(errno));
                if (err)
                    snprintf(err->file, sizeof err->file, "%s", path);
            }
            break;
        }
    }
    fclose(f);
    if (rc) {
        retour__free(allocator, buf);
        return rc;
    }
    if (buf == NULL && (buf = retour__malloc(allocator, 1)) == NULL)
        return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return RETOUR_OK;
}
