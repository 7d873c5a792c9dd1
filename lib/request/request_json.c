/* Requests from JSON text, read straight into a reusable retour_request: no libyaml, no
 * tree, and no allocation once the request's arena and item array have grown.
 *
 * It accepts what request_parse.c accepts. Every value is checked by the same schema
 * readers (schema.c), given a node built on the stack that looks like the one libyaml
 * would have produced (strings are quoted scalars; numbers, true, false and null plain
 * ones), so values, limits and messages match the YAML parser's. The readers run quietly
 * (no error written, no key path built); only a failing one runs again with both, so the
 * common case pays for neither.
 *
 * Differences, all on purpose: JSON syntax is strict (RFC 8259: no comments, no trailing
 * commas, control characters in strings escaped), \u escapes may form surrogate pairs,
 * and with several mistakes in one request the first in reading order is reported. */
#include "base/date.h"
#include "base/money.h"
#include "policy/parse_messages.h"
#include "policy/policy.h"
#include "request/request.h"
#include "request/request_json.h"
#include "request/request_parse.h"
#include "policy/schema.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* parse() asks for a second pass (see retour_request_parse_json). */
#define AGAIN 1

typedef struct reader {
    const char *s;
    size_t len, pos;
    /* Line of pos (0-based), where it starts, and the UTF-8 continuation bytes between
     * there and pos: a column counts characters, as libyaml's do. */
    size_t line, line_start, line_extra;
    retour__doc doc;  /* only its file name: schema readers take places from it */
    retour__ctx ctx;  /* ctx.err stays NULL until an error is reported */
    retour_error *err;
    const retour_policy *policy;
    retour_request *r;
    unsigned max_depth, max_items;
    /* Where the reader is, kept as pointers and turned into a key path only for an error. */
    const char *at_key;   /* key of the root being read, or NULL */
    long at_index;        /* index in items, or -1 */
    const char *at_sub;   /* key inside an item or the customer, or NULL */
    /* Keys that other keys' checks depend on, wherever they are written. */
    int type_known, notified_known;
    int deferred;         /* an item was read before type or notified */
    retour__node notified_node;
    char key[64];         /* decoded keys and short values; longer ones go to the arena */
    char val[128];
} reader;

/* An object being read: which keys were seen (duplicates) and had a value (not null). */
typedef struct object {
    retour__node node;
    const char *const *names;
    size_t count;
    const char **slot; /* rd->at_key or rd->at_sub */
    unsigned depth;    /* of the object; its keys and values are one deeper */
    unsigned seen, have;
    size_t pairs;
    /* Sized for the longest list of keys (items' or the request's). */
    size_t first_line[(int)RETOUR__IK__COUNT > (int)RETOUR__RK__COUNT ? (int)RETOUR__IK__COUNT
                                                                      : (int)RETOUR__RK__COUNT];
    int started;
} object;

/* ------------------------------------------------------------------------------------
 * Places and errors
 * ---------------------------------------------------------------------------------- */

static void mark(const reader *rd, retour__node *n)
{
    n->line = rd->line;
    n->column = rd->pos - rd->line_start - rd->line_extra;
    n->offset = rd->pos;
}

static void scalar(retour__node *n, const char *text, size_t len, int quoted)
{
    n->kind = RETOUR__NODE_SCALAR;
    n->text = text;
    n->len = len;
    n->quoted = quoted;
    n->pairs = NULL;
    n->items = NULL;
    n->count = 0;
}

/* Switches errors on, with the key path of where the reader is. */
static void loud(reader *rd)
{
    retour__path_pop(&rd->ctx, 0);
    if (rd->at_key)
        retour__path_push_key(&rd->ctx, rd->at_key);
    if (rd->at_index >= 0)
        retour__path_push_index(&rd->ctx, (size_t)rd->at_index);
    if (rd->at_sub)
        retour__path_push_key(&rd->ctx, rd->at_sub);
    rd->ctx.err = rd->err;
}

/* Runs a schema reader quietly; when it fails, runs it again loudly for the error. */
#define CHECK(rd, call)                 \
    do {                                \
        if ((call) != RETOUR_OK) {      \
            loud(rd);                   \
            return (call);              \
        }                               \
    } while (0)

static int fail_at(reader *rd, const retour__node *n, int code, const char *fmt, ...)
    RETOUR_PRINTF(4, 5);

static int fail_at(reader *rd, const retour__node *n, int code, const char *fmt, ...)
{
    char msg[RETOUR_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    loud(rd);
    return retour__fail_at(&rd->ctx, n, code, "%s", msg);
}

/* A syntax error at pos. */
static int syntax(reader *rd, const char *fmt, ...) RETOUR_PRINTF(2, 3);

static int syntax(reader *rd, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    retour__node n;
    mark(rd, &n);
    return fail_at(rd, &n, RETOUR_ESYNTAX, "JSON syntax: %s", msg);
}

/* Bad UTF-8 or a character YAML refuses too, at byte offset `at` on the current line. */
static int reader_error(reader *rd, size_t at, const char *problem)
{
    rd->pos = at;
    retour__node n;
    mark(rd, &n);
    return fail_at(rd, &n, RETOUR_ESYNTAX, "%s" RETOUR__MSG_READER_HINT, problem);
}

static int no_memory(reader *rd)
{
    return retour__fail(rd->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
}

/* What follows pos, for syntax errors. */
static int unexpected(reader *rd, const char *wanted)
{
    if (rd->pos >= rd->len)
        return syntax(rd, "the text ends where %s was expected", wanted);
    unsigned char c = (unsigned char)rd->s[rd->pos];
    if (c > 0x20 && c < 0x7F)
        return syntax(rd, "expected %s, found '%c'", wanted, c);
    return syntax(rd, "expected %s, found the byte 0x%02X", wanted, c);
}

/* ------------------------------------------------------------------------------------
 * Tokens
 * ---------------------------------------------------------------------------------- */

static void skip_ws(reader *rd)
{
    const char *s = rd->s;
    size_t p = rd->pos, n = rd->len;
    while (p < n) {
        char c = s[p];
        if (c == ' ' || c == '\t') {
            p++;
        } else if (c == '\n' || c == '\r') {
            p++;
            if (c == '\r' && p < n && s[p] == '\n')
                continue; /* CR LF is one line break, counted at the LF */
            rd->line++;
            rd->line_start = p;
            rd->line_extra = 0;
        } else {
            break;
        }
    }
    rd->pos = p;
}

static int hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Checks one multi-byte UTF-8 character at i the way libyaml's reader does (same
 * problems, same characters refused); *n receives its length. */
static int utf8_char(reader *rd, size_t i, size_t *n)
{
    const unsigned char *p = (const unsigned char *)rd->s + i;
    size_t k = (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (k == 0)
        return reader_error(rd, i, "invalid leading UTF-8 octet");
    if (rd->len - i < k)
        return reader_error(rd, i, "incomplete UTF-8 octet sequence");
    uint32_t cp = p[0] & (0x7F >> k);
    for (size_t j = 1; j < k; j++) {
        if ((p[j] & 0xC0) != 0x80)
            return reader_error(rd, i + j, "invalid trailing UTF-8 octet");
        cp = (cp << 6) | (p[j] & 0x3F);
    }
    if ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000))
        return reader_error(rd, i, "invalid length of a UTF-8 sequence");
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return reader_error(rd, i, "invalid Unicode character");
    if (!(cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
          cp >= 0x10000))
        return reader_error(rd, i, "control characters are not allowed");
    *n = k;
    return RETOUR_OK;
}

/* Reads the \u escape at i (one, or a surrogate pair of two) into *cp; *used gets its
 * length in bytes. end is where the string's raw text ends. */
static int unicode_escape(reader *rd, size_t i, size_t end, uint32_t *cp, size_t *used)
{
    const char *s = rd->s;
    if (end - i < 6 || hex4(s + i + 2, cp)) {
        rd->pos = i;
        return syntax(rd, "\\u must be followed by four hexadecimal digits");
    }
    *used = 6;
    if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
        rd->pos = i;
        return syntax(rd, "\\u%.4s is the second half of a surrogate pair without a first",
                      s + i + 2);
    }
    if (*cp >= 0xD800 && *cp <= 0xDBFF) {
        uint32_t low;
        if (end - i < 12 || s[i + 6] != '\\' || s[i + 7] != 'u' || hex4(s + i + 8, &low) ||
            low < 0xDC00 || low > 0xDFFF) {
            rd->pos = i;
            return syntax(rd, "\\u%.4s is the first half of a surrogate pair without a second",
                          s + i + 2);
        }
        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (low - 0xDC00);
        *used = 12;
    }
    return RETOUR_OK;
}

/* Reads the string at pos (on its '"') into n, decoded into buf when it fits in cap bytes,
 * else into the request's arena. */
static int read_string(reader *rd, retour__node *n, char *buf, size_t cap)
{
    const char *s = rd->s;
    size_t len = rd->len;
    mark(rd, n);
    /* Find the end first, to know the room the text needs; stop at a control character. */
    size_t start = rd->pos + 1, end = start;
    /* Fast path: printable ASCII up to the closing quote, eight bytes at a time, copied
     * whole. Anything else (an escape, UTF-8, a control character) takes the loops below
     * from the first string byte on. */
    {
        const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
        size_t i = start;
        for (; i + 8 <= len; i += 8) {
            uint64_t v, q, b, del, hit;
            memcpy(&v, s + i, 8);
            q = v ^ (ones * '"');
            b = v ^ (ones * '\\');
            del = v ^ (ones * 0x7F);
            hit = (((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((b - ones) & ~b) |
                   ((del - ones) & ~del) | v) & high;
            if (hit) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__) || \
    (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__))
                /* The lowest flagged byte is exact (a borrow only runs upwards): the
                 * first byte that is not plain ASCII, in memory order. */
                i += (size_t)__builtin_ctzll(hit) / 8;
#endif
                break;
            }
        }
        while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F &&
               s[i] != '"' && s[i] != '\\')
            i++;
        if (i < len && s[i] == '"' && i - start < cap) {
            memcpy(buf, s + start, i - start);
            buf[i - start] = '\0';
            scalar(n, buf, i - start, 1);
            rd->pos = i + 1;
            return RETOUR_OK;
        }
    }
    while (end < len) {
        unsigned char c = (unsigned char)s[end];
        if (c == '"' || c < 0x20)
            break;
        end += c == '\\' && end + 1 < len ? 2 : 1;
    }
    if (end > len)
        end = len;
    char *out = buf;
    if (end - start >= cap) {
        out = retour__arena_alloc(&rd->r->arena, end - start + 1);
        if (out == NULL)
            return no_memory(rd);
    }
    size_t o = 0;
    for (size_t i = start; i < end;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out[o++] = (char)c;
            i++;
        } else if (c == '\\') {
            if (i + 1 >= end)
                break; /* the text ends after the backslash: reported below */
            char e = s[i + 1];
            static const char plain[] = "\"\\/bfnrt";
            static const char value[] = "\"\\/\b\f\n\r\t";
            const char *hit = e ? strchr(plain, e) : NULL;
            if (hit) {
                out[o++] = value[hit - plain];
                i += 2;
            } else if (e == 'u') {
                uint32_t cp;
                size_t used;
                int rc = unicode_escape(rd, i, end, &cp, &used);
                if (rc)
                    return rc;
                if (cp == 0) {
                    rd->pos = n->offset;
                    return fail_at(rd, n, RETOUR_ESYNTAX, RETOUR__MSG_NUL);
                }
                o += put_utf8(out + o, cp); /* never longer than the escape */
                i += used;
            } else {
                rd->pos = i;
                if ((unsigned char)e > 0x20 && (unsigned char)e < 0x7F)
                    return syntax(rd, "'\\%c' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f "
                                      "\\n \\r \\t or \\uXXXX)", e);
                return syntax(rd, "a backslash must start an escape such as \\n or \\uXXXX");
            }
        } else if (c == 0x7F) {
            return reader_error(rd, i, "control characters are not allowed");
        } else {
            size_t k = 0;
            int rc = utf8_char(rd, i, &k);
            if (rc)
                return rc;
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
            rd->line_extra += k - 1;
        }
    }
    if (end >= len) {
        rd->pos = n->offset;
        return syntax(rd, "a string without its closing quote");
    }
    if (s[end] != '"') {
        rd->pos = end;
        if (s[end] == '\n' || s[end] == '\r' || s[end] == '\t')
            return syntax(rd, "a line break or tab inside a string (write \\n, \\r or \\t)");
        return reader_error(rd, end, "control characters are not allowed");
    }
    out[o] = '\0';
    scalar(n, out, o, 1);
    rd->pos = end + 1;
    return RETOUR_OK;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A number is kept as its text, as libyaml keeps a plain scalar: the schema readers parse
 * it exactly (money never goes through double). */
static int read_number(reader *rd, retour__node *n)
{
    const char *s = rd->s;
    size_t len = rd->len, p = rd->pos;
    mark(rd, n);
    if (s[p] == '-')
        p++;
    if (p < len && s[p] == '0') {
        p++;
        if (p < len && is_digit(s[p])) {
            rd->pos = p;
            return syntax(rd, "a number must not start with 0");
        }
    } else if (p < len && is_digit(s[p])) {
        while (p < len && is_digit(s[p]))
            p++;
    } else {
        rd->pos = p;
        return unexpected(rd, "a digit");
    }
    if (p < len && s[p] == '.') {
        p++;
        if (p >= len || !is_digit(s[p])) {
            rd->pos = p;
            return unexpected(rd, "a digit after the decimal point");
        }
        while (p < len && is_digit(s[p]))
            p++;
    }
    if (p < len && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < len && (s[p] == '+' || s[p] == '-'))
            p++;
        if (p >= len || !is_digit(s[p])) {
            rd->pos = p;
            return unexpected(rd, "a digit in the exponent");
        }
        while (p < len && is_digit(s[p]))
            p++;
    }
    size_t k = p - rd->pos;
    char *out = rd->val;
    if (k >= sizeof rd->val && (out = retour__arena_alloc(&rd->r->arena, k + 1)) == NULL)
        return no_memory(rd);
    memcpy(out, s + rd->pos, k);
    out[k] = '\0';
    scalar(n, out, k, 0);
    rd->pos = p;
    return RETOUR_OK;
}

/* Reads the value at pos into n. A list or mapping is only marked, not read: where this
 * is called, the schema reader refuses it next. */
static int read_value(reader *rd, retour__node *n)
{
    static const char *const words[] = { "true", "false", "null" };
    if (rd->pos >= rd->len)
        return unexpected(rd, "a value");
    char c = rd->s[rd->pos];
    if (c == '"')
        return read_string(rd, n, rd->val, sizeof rd->val);
    if (c == '-' || is_digit(c))
        return read_number(rd, n);
    if (c == '{' || c == '[') {
        mark(rd, n);
        scalar(n, "", 0, 0);
        n->kind = c == '{' ? RETOUR__NODE_MAP : RETOUR__NODE_SEQ;
        return RETOUR_OK;
    }
    for (size_t i = 0; i < 3; i++) {
        size_t k = strlen(words[i]);
        if (rd->len - rd->pos >= k && memcmp(rd->s + rd->pos, words[i], k) == 0) {
            mark(rd, n);
            scalar(n, words[i], k, 0);
            rd->pos += k;
            return RETOUR_OK;
        }
    }
    return unexpected(rd, "a value (a string, number, true, false, null, list or object)");
}

/* JSON null is YAML's plain null: the key counts as absent. */
static int is_null(const retour__node *n)
{
    return n->kind == RETOUR__NODE_SCALAR && !n->quoted && n->len == 4 &&
           memcmp(n->text, "null", 4) == 0;
}

/* ------------------------------------------------------------------------------------
 * Objects
 * ---------------------------------------------------------------------------------- */

/* Starts the object at pos (on its '{'). */
static void object_open(reader *rd, object *o, const char *const *names, size_t count,
                        const char **slot, unsigned depth)
{
    mark(rd, &o->node);
    scalar(&o->node, "", 0, 0);
    o->node.kind = RETOUR__NODE_MAP;
    o->names = names;
    o->count = count;
    o->slot = slot;
    o->depth = depth;
    o->seen = o->have = 0;
    o->pairs = 0;
    o->started = 0;
    *slot = NULL;
    rd->pos++;
}

static int key_id(const object *o, const retour__node *key)
{
    for (size_t i = 0; i < o->count; i++)
        if (key->text[0] == o->names[i][0] && strcmp(key->text, o->names[i]) == 0)
            return (int)i;
    return -1;
}

/* Moves to the next key and its ':', and to the value behind it; *id receives the key's
 * index in o->names, or -1 after the closing '}'. */
static int object_next(reader *rd, object *o, int *id)
{
    *o->slot = NULL;
    /* Counted once the value is read, where libyaml's tree counts it. */
    if (o->pairs > rd->max_items)
        return fail_at(rd, &o->node, RETOUR_ELIMIT, RETOUR__MSG_TOO_MANY, rd->max_items);
    skip_ws(rd);
    if (o->started) {
        if (rd->pos < rd->len && rd->s[rd->pos] == ',') {
            rd->pos++;
            skip_ws(rd);
            if (rd->pos >= rd->len || rd->s[rd->pos] != '"')
                return unexpected(rd, "a key in double quotes after ','");
        } else if (rd->pos < rd->len && rd->s[rd->pos] == '}') {
            rd->pos++;
            *id = -1;
            return RETOUR_OK;
        } else {
            return unexpected(rd, "',' or '}' after a value");
        }
    } else {
        o->started = 1;
        if (rd->pos < rd->len && rd->s[rd->pos] == '}') {
            rd->pos++;
            *id = -1;
            return RETOUR_OK;
        }
        if (rd->pos >= rd->len || rd->s[rd->pos] != '"')
            return unexpected(rd, "a key in double quotes or '}'");
    }
    retour__node key;
    int rc = read_string(rd, &key, rd->key, sizeof rd->key);
    if (rc)
        return rc;
    if (o->depth + 1 > rd->max_depth)
        return fail_at(rd, &key, RETOUR_ELIMIT, RETOUR__MSG_TOO_DEEP, rd->max_depth);
    o->pairs++;
    int k = key_id(o, &key);
    if (k < 0) {
        /* The schema's own check words the error (nearest key, the list of keys). */
        retour__pair pair = { &key, NULL };
        retour__node map = o->node;
        map.pairs = &pair;
        map.count = 1;
        loud(rd);
        return retour__check_keys(&rd->ctx, &map, o->names, o->count);
    }
    *o->slot = o->names[k];
    if (o->seen & (1u << k))
        return fail_at(rd, &key, RETOUR_ESCHEMA, RETOUR__MSG_DUPLICATE_KEY, key.text,
                       o->first_line[k] + 1);
    o->seen |= 1u << k;
    o->first_line[k] = key.line;
    skip_ws(rd);
    if (rd->pos >= rd->len || rd->s[rd->pos] != ':')
        return unexpected(rd, "':' after the key");
    rd->pos++;
    skip_ws(rd);
    *id = k;
    return RETOUR_OK;
}

/* After a value of o's key id: a null leaves the key absent. */
static void note_value(object *o, int id, const retour__node *v)
{
    if (!is_null(v))
        o->have |= 1u << id;
}

static int missing(reader *rd, object *o, int id, const char *what)
{
    *o->slot = o->names[id];
    return fail_at(rd, &o->node, RETOUR_ESCHEMA, "missing required key '%s' (%s)",
                   o->names[id], what);
}

/* One of names[0..count), without the schema reader's cost on the common path. */
static int read_enum(reader *rd, const retour__node *v, const char *const *names, size_t count,
                     int *out)
{
    if (v->kind == RETOUR__NODE_SCALAR) {
        for (size_t i = 0; i < count; i++) {
            if (strcmp(v->text, names[i]) == 0) {
                *out = (int)i;
                return RETOUR_OK;
            }
        }
    }
    loud(rd);
    return retour__read_enum(&rd->ctx, v, names, count, out);
}

/* ------------------------------------------------------------------------------------
 * The request's parts
 * ---------------------------------------------------------------------------------- */

static int parse_customer(reader *rd, unsigned depth)
{
    retour_request *r = rd->r;
    object o;
    int id, rc;
    object_open(rd, &o, retour__customer_keys, RETOUR__CK__COUNT, &rd->at_sub, depth);
    while ((rc = object_next(rd, &o, &id)) == RETOUR_OK && id >= 0) {
        retour__node v;
        long n;
        if ((rc = read_value(rd, &v)))
            return rc;
        note_value(&o, id, &v);
        if (is_null(&v))
            continue;
        switch (id) {
        case RETOUR__CK_ORDERS:
            CHECK(rd, retour__read_int(&rd->ctx, &v, 0, RETOUR__MAX_COUNT, &n));
            r->customer_orders = (int)n;
            break;
        case RETOUR__CK_CLAIMS:
            CHECK(rd, retour__read_int(&rd->ctx, &v, 0, RETOUR__MAX_COUNT, &n));
            r->claims_last_year = (int)n;
            break;
        case RETOUR__CK_GOODWILL:
            CHECK(rd, retour__read_int(&rd->ctx, &v, 0, RETOUR__MAX_COUNT, &n));
            r->goodwill_last_year = (int)n;
            break;
        case RETOUR__CK_COUNTRY:
            CHECK(rd, retour__read_country(&rd->ctx, &v, r->country));
            break;
        default:
            CHECK(rd, retour__read_money(&rd->ctx, &v, rd->policy->decimals,
                                         rd->policy->currency, &r->lifetime_spend));
            break;
        }
    }
    return rc;
}

static int item_value(reader *rd, int id, const retour__node *v, retour__item *it)
{
    const retour_policy *p = rd->policy;
    long n;
    int e, rc;
    switch (id) {
    case RETOUR__IK_SKU:
    case RETOUR__IK_CATEGORY: {
        const char *text;
        CHECK(rd, retour__read_string(&rd->ctx, v, &text));
        text = retour__request_strdup(rd->r, v->text, v->len);
        if (text == NULL)
            return no_memory(rd);
        *(id == RETOUR__IK_SKU ? &it->sku : &it->category) = text;
        return RETOUR_OK;
    }
    case RETOUR__IK_PRICE:
        CHECK(rd, retour__read_money(&rd->ctx, v, p->decimals, p->currency, &it->price));
        return RETOUR_OK;
    case RETOUR__IK_QUANTITY:
        CHECK(rd, retour__read_int(&rd->ctx, v, 1, RETOUR__MAX_QUANTITY, &n));
        it->quantity = (int)n;
        return RETOUR_OK;
    case RETOUR__IK_DELIVERED:
        CHECK(rd, retour__read_date(&rd->ctx, v, &it->delivered));
        return RETOUR_OK;
    case RETOUR__IK_PACKAGING:
        if ((rc = read_enum(rd, v, retour__packaging_names + 1, 4, &e)))
            return rc;
        it->packaging = (retour_packaging)(e + 1);
        return RETOUR_OK;
    case RETOUR__IK_NOTICED:
        CHECK(rd, retour__read_date(&rd->ctx, v, &it->noticed));
        if (!rd->notified_known)
            rd->deferred = 1;
        else if (it->noticed > rd->r->notified)
            return fail_at(rd, v, RETOUR_ESCHEMA, "noticed is after the notification date");
        return RETOUR_OK;
    case RETOUR__IK_CAUSE:
        if ((rc = read_enum(rd, v, retour__cause_names, RETOUR_CAUSE__COUNT, &e)))
            return rc;
        it->cause = (retour_cause)e;
        return RETOUR_OK;
    case RETOUR__IK_REMEDY:
        /* The four remedies a consumer can ask for ("none" is the unset state). */
        if ((rc = read_enum(rd, v, retour__remedy_names + 1, RETOUR_REMEDY_PRICE_REDUCTION, &e)))
            return rc;
        it->remedy = (retour_remedy)(e + 1);
        return RETOUR_OK;
    case RETOUR__IK_ADMITS:
        CHECK(rd, retour__read_bool(&rd->ctx, v, &it->admits_damage));
        return RETOUR_OK;
    default:
        CHECK(rd, retour__read_bool(&rd->ctx, v, &it->remedy_failed));
        return RETOUR_OK;
    }
}

static int parse_item(reader *rd, retour__item *it, unsigned depth)
{
    object o;
    int id, rc;
    memset(it, 0, sizeof *it);
    it->quantity = 1;
    it->delivered = RETOUR_DATE_NONE;
    it->packaging = RETOUR_PACKAGING_UNKNOWN;
    it->noticed = RETOUR_DATE_NONE;
    object_open(rd, &o, retour__item_keys, RETOUR__IK__COUNT, &rd->at_sub, depth);
    it->place.line = o.node.line;
    it->place.column = o.node.column;
    it->place.offset = o.node.offset;
    while ((rc = object_next(rd, &o, &id)) == RETOUR_OK && id >= 0) {
        retour__node v;
        if ((rc = read_value(rd, &v)))
            return rc;
        note_value(&o, id, &v);
        if (!is_null(&v) && (rc = item_value(rd, id, &v, it)))
            return rc;
    }
    if (rc)
        return rc;
    if (!(o.have & (1u << RETOUR__IK_SKU)))
        return missing(rd, &o, RETOUR__IK_SKU, "the item's article number");
    if (!(o.have & (1u << RETOUR__IK_PRICE)))
        return missing(rd, &o, RETOUR__IK_PRICE, "the unit price paid, e.g. \"49.95\"");
    if (!(o.have & (1u << RETOUR__IK_DELIVERED))) {
        if (!rd->type_known)
            rd->deferred = 1;
        else if (rd->r->type == RETOUR_REQUEST_WITHDRAWAL)
            return missing(rd, &o, RETOUR__IK_DELIVERED, "the day the consumer received the item");
    }
    return RETOUR_OK;
}

static int parse_items(reader *rd, unsigned depth)
{
    retour_request *r = rd->r;
    retour__node list;
    mark(rd, &list);
    scalar(&list, "", 0, 0);
    list.kind = RETOUR__NODE_SEQ;
    rd->pos++;
    skip_ws(rd);
    if (rd->pos < rd->len && rd->s[rd->pos] == ']') {
        rd->pos++;
        return fail_at(rd, &list, RETOUR_ESCHEMA, "expected at least one item");
    }
    for (size_t i = 0;; i++) {
        rd->at_index = (long)i;
        skip_ws(rd);
        retour__node v;
        mark(rd, &v);
        if (depth + 1 > rd->max_depth)
            return fail_at(rd, &v, RETOUR_ELIMIT, RETOUR__MSG_TOO_DEEP, rd->max_depth);
        if (i + 1 > rd->max_items) {
            rd->at_index = -1;
            return fail_at(rd, &list, RETOUR_ELIMIT, RETOUR__MSG_TOO_MANY, rd->max_items);
        }
        if (rd->pos >= rd->len || rd->s[rd->pos] != '{') {
            int rc = read_value(rd, &v);
            if (rc)
                return rc;
            loud(rd);
            return retour__expect_map(&rd->ctx, &v);
        }
        if (retour__request_reserve_items(r, i + 1))
            return no_memory(rd);
        int rc = parse_item(rd, &r->items[i], depth + 1);
        if (rc)
            return rc;
        retour__item_measure(&r->items[i]);
        r->count = i + 1;
        rd->at_sub = NULL;
        skip_ws(rd);
        if (rd->pos < rd->len && rd->s[rd->pos] == ',') {
            rd->pos++;
        } else if (rd->pos < rd->len && rd->s[rd->pos] == ']') {
            rd->pos++;
            rd->at_index = -1;
            return RETOUR_OK;
        } else {
            return unexpected(rd, "',' or ']' after an item");
        }
    }
}

/* provided: a list of requirement words (at '['), as parse_provided in request_parse.c. */
static int parse_provided(reader *rd)
{
    retour__node list;
    mark(rd, &list);
    scalar(&list, "", 0, 0);
    list.kind = RETOUR__NODE_SEQ;
    rd->pos++;
    skip_ws(rd);
    if (rd->pos < rd->len && rd->s[rd->pos] == ']') {
        rd->pos++;
        return RETOUR_OK;
    }
    for (size_t i = 0;; i++) {
        rd->at_index = (long)i;
        skip_ws(rd);
        retour__node v;
        int e, rc;
        if ((rc = read_value(rd, &v)))
            return rc;
        if (i + 1 > rd->max_items) {
            rd->at_index = -1;
            return fail_at(rd, &list, RETOUR_ELIMIT, RETOUR__MSG_TOO_MANY, rd->max_items);
        }
        if ((rc = read_enum(rd, &v, retour__requirement_names, RETOUR__REQ__COUNT, &e)))
            return rc;
        rd->r->provided |= 1u << e;
        skip_ws(rd);
        if (rd->pos < rd->len && rd->s[rd->pos] == ',') {
            rd->pos++;
        } else if (rd->pos < rd->len && rd->s[rd->pos] == ']') {
            rd->pos++;
            rd->at_index = -1;
            return RETOUR_OK;
        } else {
            return unexpected(rd, "',' or ']' after a value");
        }
    }
}

static int root_value(reader *rd, int id, const retour__node *v)
{
    retour_request *r = rd->r;
    const retour_policy *p = rd->policy;
    int e, rc;
    switch (id) {
    case RETOUR__RK_TYPE:
        if ((rc = read_enum(rd, v, retour__request_types, 2, &e)))
            return rc;
        r->type = (retour_request_type)e;
        rd->type_known = 1;
        return RETOUR_OK;
    case RETOUR__RK_NOTIFIED:
        CHECK(rd, retour__read_date(&rd->ctx, v, &r->notified));
        rd->notified_known = 1;
        rd->notified_node = *v;
        return RETOUR_OK;
    case RETOUR__RK_ORDERED:
        CHECK(rd, retour__read_date(&rd->ctx, v, &r->ordered));
        return RETOUR_OK;
    case RETOUR__RK_LAST_DELIVERED:
        CHECK(rd, retour__read_date(&rd->ctx, v, &r->last_delivered));
        return RETOUR_OK;
    case RETOUR__RK_GOODS_SENT:
        CHECK(rd, retour__read_date(&rd->ctx, v, &r->goods_sent));
        return RETOUR_OK;
    case RETOUR__RK_GOODS_RECEIVED:
        CHECK(rd, retour__read_date(&rd->ctx, v, &r->goods_received));
        return RETOUR_OK;
    case RETOUR__RK_SHIPPING_PAID:
        CHECK(rd, retour__read_money(&rd->ctx, v, p->decimals, p->currency, &r->shipping_paid));
        return RETOUR_OK;
    default: /* RETOUR__RK_WHOLE_ORDER */
        CHECK(rd, retour__read_bool(&rd->ctx, v, &r->whole_order));
        return RETOUR_OK;
    }
}

/* Whether an item read before type or notified breaks a rule that needs them. */
static int deferred_fails(const retour_request *r)
{
    for (size_t i = 0; i < r->count; i++) {
        const retour__item *it = &r->items[i];
        if ((r->type == RETOUR_REQUEST_WITHDRAWAL && it->delivered == RETOUR_DATE_NONE) ||
            (it->noticed != RETOUR_DATE_NONE && it->noticed > r->notified))
            return 1;
    }
    return 0;
}

static int parse(reader *rd)
{
    retour_request *r = rd->r;
    /* A byte order mark is allowed at the start, as libyaml allows it; a column counts it. */
    if (rd->len >= 3 && memcmp(rd->s, "\xEF\xBB\xBF", 3) == 0) {
        rd->pos = 3;
        rd->line_extra = 2;
    }
    skip_ws(rd);
    if (rd->pos >= rd->len)
        return fail_at(rd, NULL, RETOUR_ESCHEMA,
                       "empty request: expected type, notified and items");
    if (rd->s[rd->pos] != '{') {
        retour__node v;
        int rc = read_value(rd, &v);
        if (rc)
            return rc;
        loud(rd);
        return retour__expect_map(&rd->ctx, &v);
    }
    object o;
    int id, rc;
    object_open(rd, &o, retour__request_keys, RETOUR__RK__COUNT, &rd->at_key, 1);
    r->place.line = o.node.line;
    r->place.column = o.node.column;
    r->place.offset = o.node.offset;
    while ((rc = object_next(rd, &o, &id)) == RETOUR_OK && id >= 0) {
        char c = rd->pos < rd->len ? rd->s[rd->pos] : '\0';
        if ((id == RETOUR__RK_ITEMS && c == '[') || (id == RETOUR__RK_CUSTOMER && c == '{') ||
            (id == RETOUR__RK_PROVIDED && c == '[')) {
            o.have |= 1u << id;
            rc = id == RETOUR__RK_ITEMS      ? parse_items(rd, 2)
                 : id == RETOUR__RK_PROVIDED ? parse_provided(rd)
                                             : parse_customer(rd, 2);
            if (rc)
                return rc;
            continue;
        }
        retour__node v;
        if ((rc = read_value(rd, &v)))
            return rc;
        note_value(&o, id, &v);
        if (is_null(&v))
            continue;
        if (id == RETOUR__RK_ITEMS) {
            loud(rd);
            return retour__expect_seq(&rd->ctx, &v);
        }
        if (id == RETOUR__RK_CUSTOMER) {
            loud(rd);
            return retour__expect_map(&rd->ctx, &v);
        }
        if (id == RETOUR__RK_PROVIDED) {
            loud(rd);
            return retour__expect_seq(&rd->ctx, &v);
        }
        if ((rc = root_value(rd, id, &v)))
            return rc;
    }
    if (rc)
        return rc;
    skip_ws(rd);
    if (rd->pos < rd->len)
        return unexpected(rd, "the end of the text after the request's '}'");
    if (!(o.have & (1u << RETOUR__RK_TYPE)))
        return missing(rd, &o, RETOUR__RK_TYPE, "withdrawal or complaint");
    if (!(o.have & (1u << RETOUR__RK_NOTIFIED)))
        return missing(rd, &o, RETOUR__RK_NOTIFIED, "the day the consumer told the shop");
    if (!(o.have & (1u << RETOUR__RK_ITEMS)))
        return missing(rd, &o, RETOUR__RK_ITEMS, "a list of the items returned");
    if (rd->deferred && deferred_fails(r))
        return AGAIN;
    if (r->ordered != RETOUR_DATE_NONE && r->notified < r->ordered) {
        rd->at_key = "notified";
        return fail_at(rd, &rd->notified_node, RETOUR_ESCHEMA,
                       "notified is before the order date");
    }
    return RETOUR_OK;
}

/* ------------------------------------------------------------------------------------
 * The fast path: the common request, read in one pass without nodes or schema readers
 * ------------------------------------------------------------------------------------
 * Most requests a program sends are plain: known keys once each, strings of printable
 * ASCII without escapes, values that are valid. fast_parse() reads exactly those and fills
 * the request as parse() would. Anything else (a null, an escape, a byte outside printable
 * ASCII, an unknown or repeated key, a value parse() would refuse, a carriage return, a
 * byte order mark, limits below what a request can reach) makes it decline, and the
 * request is read again by parse() from the start, which then finds the same decision or
 * reports the error with its place, path and message. So the fast path only ever accepts
 * what parse() accepts, with the same result; tests/unit/request/test_request_json.c
 * compares the two over every kind of input. */

#define DECLINE 1

typedef struct fast {
    const char *s;
    size_t len, pos;
    size_t line, line_start; /* as reader's; no character here is wider than a byte */
    retour_request *r;
    const retour_policy *policy;
} fast;

/* A scalar value: its text, and whether it was a string (quoted) or a number or word. */
typedef struct fast_value {
    const char *text;
    size_t len;
    int quoted;
} fast_value;

static inline void fast_ws(fast *f)
{
    const char *s = f->s;
    size_t p = f->pos, n = f->len;
    if (RETOUR__LIKELY(p < n && (unsigned char)s[p] > ' '))
        return; /* JSON from a program: no space between tokens */
    while (p < n) {
        char c = s[p];
        if (c == ' ' || c == '\t') {
            p++;
        } else if (c == '\n') {
            p++;
            f->line++;
            f->line_start = p;
        } else {
            break;
        }
    }
    f->pos = p;
}

/* 1 when the next byte (after spaces) is c, which is then passed. */
static inline int fast_take(fast *f, char c)
{
    fast_ws(f);
    if (f->pos < f->len && f->s[f->pos] == c) {
        f->pos++;
        return 1;
    }
    return 0;
}

/* The string at pos (on its '"') when it is printable ASCII without escapes. */
static inline int fast_string(fast *f, fast_value *v)
{
    const char *s = f->s;
    size_t len = f->len, start = f->pos + 1, i = start;
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__) || \
    (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__))
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    for (; i + 8 <= len; i += 8) {
        uint64_t w, q, b, del, hit;
        memcpy(&w, s + i, 8);
        q = w ^ (ones * '"');
        b = w ^ (ones * '\\');
        del = w ^ (ones * 0x7F);
        hit = (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) |
               ((del - ones) & ~del) | w) & high;
        if (hit) {
            i += (size_t)__builtin_ctzll(hit) / 8;
            goto found;
        }
    }
#endif
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F &&
           s[i] != '"' && s[i] != '\\')
        i++;
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__) || \
    (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__))
found:
#endif
    if (i >= len || s[i] != '"')
        return DECLINE;
    v->text = s + start;
    v->len = i - start;
    v->quoted = 1;
    f->pos = i + 1;
    return RETOUR_OK;
}

/* A scalar value at pos (after spaces): a plain string, a number (as JSON writes it),
 * true or false. A null, a list or an object declines. */
static int fast_value_at(fast *f, fast_value *v)
{
    fast_ws(f);
    if (f->pos >= f->len)
        return DECLINE;
    const char *s = f->s;
    size_t p = f->pos, n = f->len;
    char c = s[p];
    if (c == '"')
        return fast_string(f, v);
    if (c == '-' || is_digit(c)) {
        if (c == '-')
            p++;
        if (p < n && s[p] == '0') {
            p++;
        } else if (p < n && is_digit(s[p])) {
            while (p < n && is_digit(s[p]))
                p++;
        } else {
            return DECLINE;
        }
        if (p < n && s[p] == '.') {
            p++;
            if (p >= n || !is_digit(s[p]))
                return DECLINE;
            while (p < n && is_digit(s[p]))
                p++;
        }
        if (p < n && (is_digit(s[p]) || s[p] == 'e' || s[p] == 'E'))
            return DECLINE; /* a leading zero, or an exponent: parse() says what it thinks */
    } else if (n - p >= 4 && memcmp(s + p, "true", 4) == 0) {
        p += 4;
    } else if (n - p >= 5 && memcmp(s + p, "false", 5) == 0) {
        p += 5;
    } else {
        return DECLINE;
    }
    v->text = s + f->pos;
    v->len = p - f->pos;
    v->quoted = 0;
    f->pos = p;
    return RETOUR_OK;
}

/* The index of the key text[0..n) in names, or -1. Keys are printable ASCII, names end in
 * a NUL, so the compare stops at the first difference without reading past a name. */
static inline int fast_name(const char *text, size_t n, const char *const *names, size_t count)
{
    if (n == 0)
        return -1;
    for (size_t i = 0; i < count; i++) {
        const char *m = names[i];
        if (m[0] != text[0])
            continue;
        size_t j = 1;
        while (j < n && m[j] == text[j])
            j++;
        if (j == n && m[n] == '\0')
            return (int)i;
    }
    return -1;
}

/* The request's keys by length and letters, compared as constants: the common keys of
 * retour__request_keys, retour__item_keys and retour__customer_keys (a key it does not
 * know goes to fast_name(), which reads the lists themselves). */
#define IS_KEY(lit) (n == sizeof(lit) - 1 && memcmp(k, lit, sizeof(lit) - 1) == 0)
static inline int fast_known_key(const char *k, size_t n, const char *const *names)
{
    if (names == retour__item_keys) {
        switch (k[0]) {
        case 's': return IS_KEY("sku") ? RETOUR__IK_SKU : -1;
        case 'c': return IS_KEY("category") ? RETOUR__IK_CATEGORY
                         : IS_KEY("cause") ? RETOUR__IK_CAUSE
                         : IS_KEY("customer_admits_damage") ? RETOUR__IK_ADMITS : -1;
        case 'p': return IS_KEY("price") ? RETOUR__IK_PRICE
                         : IS_KEY("packaging") ? RETOUR__IK_PACKAGING : -1;
        case 'q': return IS_KEY("quantity") ? RETOUR__IK_QUANTITY : -1;
        case 'd': return IS_KEY("delivered") ? RETOUR__IK_DELIVERED : -1;
        case 'n': return IS_KEY("noticed") ? RETOUR__IK_NOTICED : -1;
        case 'r': return IS_KEY("remedy") ? RETOUR__IK_REMEDY
                         : IS_KEY("remedy_failed") ? RETOUR__IK_REMEDY_FAILED : -1;
        default: return -1;
        }
    }
    if (names == retour__request_keys) {
        switch (k[0]) {
        case 't': return IS_KEY("type") ? RETOUR__RK_TYPE : -1;
        case 'n': return IS_KEY("notified") ? RETOUR__RK_NOTIFIED : -1;
        case 'o': return IS_KEY("ordered") ? RETOUR__RK_ORDERED : -1;
        case 'i': return IS_KEY("items") ? RETOUR__RK_ITEMS : -1;
        case 'c': return IS_KEY("customer") ? RETOUR__RK_CUSTOMER : -1;
        case 's': return IS_KEY("shipping_paid") ? RETOUR__RK_SHIPPING_PAID : -1;
        case 'w': return IS_KEY("whole_order") ? RETOUR__RK_WHOLE_ORDER : -1;
        case 'l': return IS_KEY("last_delivered") ? RETOUR__RK_LAST_DELIVERED : -1;
        default: return -1;
        }
    }
    switch (k[0]) {
    case 'o': return IS_KEY("orders") ? RETOUR__CK_ORDERS : -1;
    case 'c': return IS_KEY("claims_last_year") ? RETOUR__CK_CLAIMS
                     : IS_KEY("country") ? RETOUR__CK_COUNTRY : -1;
    case 'g': return IS_KEY("goodwill_last_year") ? RETOUR__CK_GOODWILL : -1;
    case 'l': return IS_KEY("lifetime_spend") ? RETOUR__CK_SPEND : -1;
    default: return -1;
    }
}
#undef IS_KEY

static inline int json_key(const char *const *names, size_t count, const char *text,
                           size_t len)
{
    if (len == 0)
        return -1;
    int i = fast_known_key(text, len, names);
    /* A name added to a list after the constants above is found in the list itself. */
    return i >= 0 ? i : fast_name(text, len, names, count);
}

int retour__json_key(const char *const *names, size_t count, const char *text, size_t len)
{
    return json_key(names, count, text, len);
}

/* The next key of an object whose '{' or last value was read: its index in names (each
 * at most once: seen), or -1 at the closing '}'. */
static int fast_key(fast *f, const char *const *names, size_t count, unsigned *seen, int first,
                    int *id)
{
    if (fast_take(f, '}')) {
        *id = -1;
        return RETOUR_OK;
    }
    if (!first && !fast_take(f, ','))
        return DECLINE;
    fast_ws(f);
    fast_value k;
    if (f->pos >= f->len || f->s[f->pos] != '"' || fast_string(f, &k))
        return DECLINE;
    int i = json_key(names, count, k.text, k.len);
    if (i < 0 || (*seen & (1u << i)) || !fast_take(f, ':'))
        return DECLINE;
    *seen |= 1u << i;
    *id = i;
    return RETOUR_OK;
}

/* "YYYY-MM-DD" of a real day, as retour_date_parse() reads it. */
static int fast_date(const fast_value *v, retour_date *out)
{
    const unsigned char *t = (const unsigned char *)v->text;
    if (!v->quoted || v->len != 10 || t[4] != '-' || t[7] != '-')
        return DECLINE;
    unsigned d[8] = { t[0] - 48u, t[1] - 48u, t[2] - 48u, t[3] - 48u,
                      t[5] - 48u, t[6] - 48u, t[8] - 48u, t[9] - 48u };
    unsigned bad = 0;
    for (int i = 0; i < 8; i++)
        bad |= d[i] > 9;
    if (bad)
        return DECLINE;
    int y = (int)(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]);
    int m = (int)(d[4] * 10 + d[5]), day = (int)(d[6] * 10 + d[7]);
    static const unsigned char month_days[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
                                                  30, 31 };
    if (y < 1 || m < 1 || m > 12 || day < 1 || day > month_days[m] ||
        (m == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
        return DECLINE;
    *out = RETOUR__DATE_CONST(y, m, day);
    return RETOUR_OK;
}

/* An amount as retour__money_parse() reads it: digits, then a point and up to the
 * currency's decimals. Other shapes, and amounts of more than 13 digits before the point,
 * go to retour__money_parse() itself. */
static int fast_money(const fast *f, const fast_value *v, int64_t *out)
{
    const char *t = v->text;
    size_t n = v->len, i = 0;
    int decimals = f->policy->decimals, frac = 0;
    int64_t value = 0;
    if (decimals > 4)
        goto general;
    while (i < n && i < 13 && is_digit(t[i])) {
        value = value * 10 + (t[i] - '0');
        i++;
    }
    if (i == 0)
        goto general;
    if (i < n && t[i] == '.') {
        size_t j = i + 1;
        while (j < n && frac < decimals && is_digit(t[j])) {
            value = value * 10 + (t[j] - '0');
            j++;
            frac++;
        }
        if (frac == 0)
            goto general;
        i = j;
    }
    if (i != n)
        goto general;
    for (; frac < decimals; frac++)
        value *= 10;
    *out = value;
    return RETOUR_OK;
general:
    if (n == 0 || retour__money_parse(out, t, n, decimals, NULL, 0) != RETOUR_OK)
        return DECLINE;
    return RETOUR_OK;
}

/* A whole number from min to max, written as a JSON number (a quoted one is an error). */
static int fast_int(const fast_value *v, long min, long max, long *out)
{
    if (v->quoted || v->len == 0 || v->len > 12)
        return DECLINE;
    long n = 0;
    for (size_t i = 0; i < v->len; i++) {
        if (!is_digit(v->text[i]))
            return DECLINE;
        n = n * 10 + (v->text[i] - '0');
    }
    if (n < min || n > max)
        return DECLINE;
    *out = n;
    return RETOUR_OK;
}

static int fast_bool(const fast_value *v, int *out)
{
    if (v->quoted || !(v->text[0] == 't' || v->text[0] == 'f'))
        return DECLINE; /* fast_value_at() read the word: true or false */
    *out = v->text[0] == 't';
    return RETOUR_OK;
}

/* One of names[0..count) as a string. */
static int fast_enum(const fast_value *v, const char *const *names, size_t count, int *out)
{
    int i = v->quoted ? fast_name(v->text, v->len, names, count) : -1;
    if (i < 0)
        return DECLINE;
    *out = i;
    return RETOUR_OK;
}

static int fast_mark(const fast *f, retour__place *place)
{
    place->line = f->line;
    place->column = f->pos - f->line_start;
    place->offset = f->pos;
    return RETOUR_OK;
}

/* The item at pos (on its '{'). */
static int fast_item(fast *f, retour__item *it, unsigned *have)
{
    retour_request *r = f->r;
    memset(it, 0, sizeof *it);
    it->quantity = 1;
    it->delivered = RETOUR_DATE_NONE;
    it->packaging = RETOUR_PACKAGING_UNKNOWN;
    it->noticed = RETOUR_DATE_NONE;
    fast_mark(f, &it->place);
    f->pos++;
    unsigned seen = 0;
    for (int first = 1;; first = 0) {
        int id, e;
        long n;
        fast_value v;
        if (fast_key(f, retour__item_keys, RETOUR__IK__COUNT, &seen, first, &id))
            return DECLINE;
        if (id < 0)
            break;
        if (fast_value_at(f, &v))
            return DECLINE;
        switch (id) {
        case RETOUR__IK_SKU:
        case RETOUR__IK_CATEGORY: {
            if (!v.quoted)
                return DECLINE;
            const char *text = retour__request_strdup(r, v.text, v.len);
            if (text == NULL)
                return RETOUR_ENOMEM;
            *(id == RETOUR__IK_SKU ? &it->sku : &it->category) = text;
            break;
        }
        case RETOUR__IK_PRICE:
            if (fast_money(f, &v, &it->price))
                return DECLINE;
            break;
        case RETOUR__IK_QUANTITY:
            if (fast_int(&v, 1, RETOUR__MAX_QUANTITY, &n))
                return DECLINE;
            it->quantity = (int)n;
            break;
        case RETOUR__IK_DELIVERED:
            if (fast_date(&v, &it->delivered))
                return DECLINE;
            break;
        case RETOUR__IK_PACKAGING:
            if (fast_enum(&v, retour__packaging_names + 1, 4, &e))
                return DECLINE;
            it->packaging = (retour_packaging)(e + 1);
            break;
        case RETOUR__IK_NOTICED:
            if (fast_date(&v, &it->noticed))
                return DECLINE;
            break;
        case RETOUR__IK_CAUSE:
            if (fast_enum(&v, retour__cause_names, RETOUR_CAUSE__COUNT, &e))
                return DECLINE;
            it->cause = (retour_cause)e;
            break;
        case RETOUR__IK_REMEDY:
            if (fast_enum(&v, retour__remedy_names + 1, RETOUR_REMEDY_PRICE_REDUCTION, &e))
                return DECLINE;
            it->remedy = (retour_remedy)(e + 1);
            break;
        case RETOUR__IK_ADMITS:
            if (fast_bool(&v, &it->admits_damage))
                return DECLINE;
            break;
        case RETOUR__IK_REMEDY_FAILED:
            if (fast_bool(&v, &it->remedy_failed))
                return DECLINE;
            break;
        default: /* a key added to the list later: the full reader knows it */
            return DECLINE;
        }
    }
    *have = seen;
    /* parse_item()'s required keys; the delivery date is checked once the type is known. */
    if (!(seen & (1u << RETOUR__IK_SKU)) || !(seen & (1u << RETOUR__IK_PRICE)))
        return DECLINE;
    return RETOUR_OK;
}

static int fast_items(fast *f, size_t max_items)
{
    retour_request *r = f->r;
    f->pos++; /* '[' */
    for (size_t i = 0;; i++) {
        if (i + 1 > max_items || !fast_take(f, '{'))
            return DECLINE;
        f->pos--;
        if (retour__request_reserve_items(r, i + 1))
            return RETOUR_ENOMEM;
        unsigned have;
        int rc = fast_item(f, &r->items[i], &have);
        if (rc)
            return rc;
        retour__item_measure(&r->items[i]);
        r->count = i + 1;
        if (fast_take(f, ']'))
            return RETOUR_OK;
        if (!fast_take(f, ','))
            return DECLINE;
    }
}

static int fast_customer(fast *f)
{
    retour_request *r = f->r;
    f->pos++; /* '{' */
    unsigned seen = 0;
    for (int first = 1;; first = 0) {
        int id;
        long n;
        fast_value v;
        if (fast_key(f, retour__customer_keys, RETOUR__CK__COUNT, &seen, first, &id))
            return DECLINE;
        if (id < 0)
            return RETOUR_OK;
        if (fast_value_at(f, &v))
            return DECLINE;
        switch (id) {
        case RETOUR__CK_ORDERS:
        case RETOUR__CK_CLAIMS:
        case RETOUR__CK_GOODWILL:
            if (fast_int(&v, 0, RETOUR__MAX_COUNT, &n))
                return DECLINE;
            *(id == RETOUR__CK_ORDERS ? &r->customer_orders
              : id == RETOUR__CK_CLAIMS ? &r->claims_last_year : &r->goodwill_last_year) =
                (int)n;
            break;
        case RETOUR__CK_COUNTRY:
            if (!v.quoted || !retour__country_code_valid(v.text, v.len))
                return DECLINE;
            memcpy(r->country, v.text, 2);
            r->country[2] = '\0';
            break;
        case RETOUR__CK_SPEND:
            if (fast_money(f, &v, &r->lifetime_spend))
                return DECLINE;
            break;
        default: /* a key added to the list later: the full reader knows it */
            return DECLINE;
        }
    }
}

/* The whole request, or DECLINE (the request then holds part of it: the caller resets
 * it), or RETOUR_ENOMEM. */
static int fast_parse(fast *f, const retour__limits *limits)
{
    retour_request *r = f->r;
    /* Every object and list of a request fits these; below them, parse() words the limit. */
    if (limits->max_depth < 4 || limits->max_items < RETOUR__IK__COUNT)
        return DECLINE;
    fast_ws(f);
    if (f->pos >= f->len || f->s[f->pos] != '{')
        return DECLINE;
    fast_mark(f, &r->place);
    f->pos++;
    unsigned seen = 0;
    for (int first = 1;; first = 0) {
        int id, e, rc;
        fast_value v;
        if (fast_key(f, retour__request_keys, RETOUR__RK__COUNT, &seen, first, &id))
            return DECLINE;
        if (id < 0)
            break;
        fast_ws(f);
        char c = f->pos < f->len ? f->s[f->pos] : '\0';
        if (id == RETOUR__RK_ITEMS || id == RETOUR__RK_CUSTOMER) {
            if (c != (id == RETOUR__RK_ITEMS ? '[' : '{'))
                return DECLINE;
            rc = id == RETOUR__RK_ITEMS ? fast_items(f, limits->max_items) : fast_customer(f);
            if (rc)
                return rc;
            continue;
        }
        if (fast_value_at(f, &v))
            return DECLINE;
        switch (id) {
        case RETOUR__RK_TYPE:
            if (fast_enum(&v, retour__request_types, 2, &e))
                return DECLINE;
            r->type = (retour_request_type)e;
            break;
        case RETOUR__RK_NOTIFIED:
            if (fast_date(&v, &r->notified))
                return DECLINE;
            break;
        case RETOUR__RK_ORDERED:
            if (fast_date(&v, &r->ordered))
                return DECLINE;
            break;
        case RETOUR__RK_LAST_DELIVERED:
            if (fast_date(&v, &r->last_delivered))
                return DECLINE;
            break;
        case RETOUR__RK_SHIPPING_PAID:
            if (fast_money(f, &v, &r->shipping_paid))
                return DECLINE;
            break;
        case RETOUR__RK_WHOLE_ORDER:
            if (fast_bool(&v, &r->whole_order))
                return DECLINE;
            break;
        default: /* a key added to the list later: the full reader knows it */
            return DECLINE;
        }
    }
    fast_ws(f);
    if (f->pos != f->len)
        return DECLINE;
    const unsigned need = (1u << RETOUR__RK_TYPE) | (1u << RETOUR__RK_NOTIFIED) |
                          (1u << RETOUR__RK_ITEMS);
    if ((seen & need) != need)
        return DECLINE;
    /* The checks parse() makes once it knows the type and the notification day. */
    if (r->ordered != RETOUR_DATE_NONE && r->notified < r->ordered)
        return DECLINE;
    for (size_t i = 0; i < r->count; i++) {
        const retour__item *it = &r->items[i];
        if ((r->type == RETOUR_REQUEST_WITHDRAWAL && it->delivered == RETOUR_DATE_NONE) ||
            (it->noticed != RETOUR_DATE_NONE && it->noticed > r->notified))
            return DECLINE;
    }
    return RETOUR_OK;
}

static void reader_init(reader *rd, retour_request *r, const retour_policy *policy,
                        const char *text, size_t len, const char *name, retour_error *err)
{
    rd->s = text;
    rd->len = len;
    rd->pos = rd->line = rd->line_start = rd->line_extra = 0;
    memset(&rd->doc, 0, sizeof rd->doc);
    rd->doc.file = name;
    retour__ctx_init(&rd->ctx, &rd->doc, NULL);
    rd->err = err;
    rd->policy = policy;
    rd->r = r;
    rd->max_depth = r->limits.max_depth;
    rd->max_items = r->limits.max_items;
    rd->at_key = rd->at_sub = NULL;
    rd->at_index = -1;
    rd->type_known = rd->notified_known = rd->deferred = 0;
}

int retour_request_parse_json(retour_request *request, const retour_policy *policy,
                              const char *text, size_t len, const char *name, retour_error *err)
{
    retour__error_clear(err);
    if (request == NULL || policy == NULL || (text == NULL && len > 0)) {
        if (request)
            retour_request_reset(request, RETOUR_REQUEST_WITHDRAWAL);
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_request_parse_json: request, policy and text must not be "
                            "NULL");
    }
    retour_request_reset(request, RETOUR_REQUEST_WITHDRAWAL);
    name = name ? name : "<string>";
    if (len > request->limits.max_bytes) {
        retour__place p = { name, 0, 0, 0 };
        return retour__fail(err, RETOUR_ELIMIT, &p, NULL, RETOUR__MSG_TOO_LARGE, len,
                            request->limits.max_bytes);
    }
    reader rd;
    int rc = DECLINE;
    if (text != NULL) {
        fast f = { text, len, 0, 0, 0, request, policy };
        rc = fast_parse(&f, &request->limits);
        if (rc == DECLINE)
            retour_request_reset(request, RETOUR_REQUEST_WITHDRAWAL);
    }
    reader_init(&rd, request, policy, text ? text : "", len, name, err);
    if (rc == RETOUR_ENOMEM)
        rc = no_memory(&rd);
    else if (rc == DECLINE)
        rc = parse(&rd);
    if (rc == AGAIN) {
        /* An item came before type or notified and breaks a rule that needs them. Read
         * again knowing both, so that the error is found where it is, as in YAML. */
        retour_request_type type = request->type;
        retour_date notified = request->notified;
        retour_request_reset(request, type);
        request->notified = notified;
        reader_init(&rd, request, policy, text ? text : "", len, name, err);
        rd.type_known = rd.notified_known = 1;
        rc = parse(&rd);
        if (rc == RETOUR_OK || rc == AGAIN) /* cannot happen: the same text, more known */
            rc = retour__fail(err, RETOUR_EINVAL, NULL, NULL, "internal error in the JSON reader");
    }
    if (rc == RETOUR_OK) {
        const char *file = retour__request_strdup(request, name, strlen(name));
        if (file == NULL) {
            rc = no_memory(&rd);
        } else {
            request->place.file = file;
            for (size_t i = 0; i < request->count; i++)
                request->items[i].place.file = file;
        }
    }
    if (rc)
        retour_request_reset(request, RETOUR_REQUEST_WITHDRAWAL);
    return rc;
}
