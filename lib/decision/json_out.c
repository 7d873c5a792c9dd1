/* The decision as canonical JSON: fixed key order, one line, no floating point. The same
 * bytes in every language binding, so they can be compared. Writes into the caller's
 * buffer and counts what does not fit, like snprintf; allocates nothing. */
#include "decision/json_out.h"
#include "decision/decision.h"
#include "decision/messages.h"
#include "base/compiler.h"
#include "policy/policy.h"

#include <stdint.h>
#include <string.h>

/* Where the next byte goes, the room left in the caller's buffer, and the bytes that did
 * not fit (counted, like snprintf, so that the caller learns the size it needs). The
 * buffer keeps one byte for the NUL that finish() writes. */
typedef struct writer {
    char *p;
    size_t room;
    size_t over;
    char *start;
    char none;
    /* The last reason source written, as JSON, for the next reason with the same source
     * (a decision's reasons mostly cite one or two policy lines). */
    const char *src_file;
    int src_line, src_column;
    size_t src_len;
    char src[RETOUR_ERROR_FILE_MAX + 40];
} writer;

static void writer_init(writer *w, char *buf, size_t size)
{
    /* Measuring (no buffer): p points at a byte of the writer's own, never written, so that
     * copying nothing (an empty string) copies to a valid place. */
    w->start = w->p = buf ? buf : &w->none;
    w->room = size ? size - 1 : 0;
    w->over = 0;
    w->src_file = NULL;
}

/* The part of a piece that does not fit: copies what does, counts the rest. */
static RETOUR__NOINLINE void put_cut(writer *w, const char *s, size_t n)
{
    memcpy(w->p, s, w->room);
    w->p += w->room;
    w->over += n - w->room;
    w->room = 0;
}

/* Appends n bytes. Inlined with a constant n (every key and literal), the copy is a few
 * moves, not a call. */
static inline void put(writer *w, const char *s, size_t n)
{
    if (RETOUR__LIKELY(n <= w->room)) {
        memcpy(w->p, s, n);
        w->p += n;
        w->room -= n;
    } else {
        put_cut(w, s, n);
    }
}

/* A string literal: keys with their quotes, colon and leading comma, "null", brackets. */
#define PUT_LIT(w, lit) put((w), (lit), sizeof(lit) - 1)

static void put_escaped(writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s, *end = s + n;
    for (; s < end; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, run, (size_t)(s - run));
        char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
        if (c == '"' || c == '\\') {
            esc[1] = (char)c;
            put(w, esc, 2);
        } else if (c == '\n') {
            put(w, "\\n", 2);
        } else {
            put(w, esc, 6);
        }
        run = s + 1;
    }
    put(w, run, (size_t)(s - run));
}

/* Nonzero when one of the 8 bytes in v is below 0x20, '"' or '\\' (bytes from 0x80 up,
 * the UTF-8 sequences, never are): the "has a byte less than n" and "has a zero byte"
 * tricks, exact as to whether any byte matches. */
static inline uint64_t needs_escape8(uint64_t v)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    uint64_t quote = v ^ (ones * '"'), backslash = v ^ (ones * '\\');
    uint64_t below = (v - ones * 0x20) & ~v;
    uint64_t is_quote = (quote - ones) & ~quote;
    uint64_t is_backslash = (backslash - ones) & ~backslash;
    return (below | is_quote | is_backslash) & high;
}

/* A JSON string of n bytes: most strings need no escape, so they are scanned eight bytes
 * at a time and copied at once; the first that needs one continues byte by byte. */
static size_t clean_prefix(const char *s, size_t n);

static void put_string_n(writer *w, const char *s, size_t n)
{
    size_t i = clean_prefix(s, n);
    put(w, "\"", 1);
    put(w, s, i);
    if (i < n)
        put_escaped(w, s + i, n - i);
    put(w, "\"", 1);
}

/* The length of the longest prefix of s[0..n) that needs no escape. */
static size_t clean_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (needs_escape8(v))
            break;
    }
    if (i < n && n >= 8) {
        /* The last few bytes: the last eight, overlapping what was scanned. */
        uint64_t v;
        memcpy(&v, s + n - 8, 8);
        if (!needs_escape8(v))
            i = n;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            break;
    }
    return i;
}

static void put_string(writer *w, const char *s)
{
    put_string_n(w, s, strlen(s));
}

/* A string of the library's own that needs no escape: the names of outcomes, bases,
 * remedies and calendars, reason codes, a currency code (three capital letters). */
static void put_name(writer *w, const char *s)
{
    size_t n = strlen(s);
    if (RETOUR__LIKELY(n + 2 <= w->room)) {
        w->p[0] = '"';
        memcpy(w->p + 1, s, n);
        w->p[n + 1] = '"';
        w->p += n + 2;
        w->room -= n + 2;
    } else {
        put_string_n(w, s, n);
    }
}

/* Decimal digits of v into the end of buf (at least 20 bytes); returns the first. */
static char *format_u64(char *end, uint64_t v)
{
    char *p = end;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return p;
}

static void put_int(writer *w, int64_t v)
{
    char buf[24], *end = buf + sizeof buf;
    char *p = format_u64(end, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
    if (v < 0)
        *--p = '-';
    put(w, p, (size_t)(end - p));
}

/* Money and dates never need escaping: their quotes go around the digits directly.
 * The digits as retour__money_format() writes them: at least one before the point, the
 * currency's decimals after it, a '-' in front of a negative amount. */
static void put_money(writer *w, int64_t minor, int decimals)
{
    if (minor == 0 && decimals == 2) {
        PUT_LIT(w, "\"0.00\""); /* most amounts of most decisions */
        return;
    }
    if (RETOUR__UNLIKELY(decimals < 0 || decimals > 18)) {
        PUT_LIT(w, "\"\"");
        return;
    }
    char m[48], *end = m + sizeof m, *p = end;
    uint64_t v = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    *--p = '"';
    for (int i = 0; i < decimals; i++) {
        *--p = (char)('0' + v % 10);
        v /= 10;
    }
    if (decimals > 0)
        *--p = '.';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (minor < 0)
        *--p = '-';
    *--p = '"';
    put(w, p, (size_t)(end - p));
}

static void put_date(writer *w, retour_date date)
{
    char d[12];
    if (retour_date_format(d + 1, date) == RETOUR_OK) {
        d[0] = '"';
        d[11] = '"';
        put(w, d, 12);
    } else {
        PUT_LIT(w, "null");
    }
}

static void put_or_null(writer *w, const char *s)
{
    if (s)
        put_string(w, s);
    else
        PUT_LIT(w, "null");
}

/* Appends the decimal digits of v (with its sign) to src at *n, keeping at most cap bytes
 * in all, as snprintf would cut them. */
static void cut_int(char *src, size_t *n, size_t cap, int v)
{
    char num[24], *end = num + sizeof num;
    char *p = format_u64(end, v < 0 ? (uint64_t)0 - (uint64_t)(int64_t)v : (uint64_t)v);
    if (v < 0)
        *--p = '-';
    size_t k = (size_t)(end - p);
    if (k > cap - *n)
        k = cap - *n;
    memcpy(src + *n, p, k);
    *n += k;
}

/* "file:line:column", as snprintf into a buffer of RETOUR_ERROR_FILE_MAX + 32 bytes gave
 * it before (the bytes are part of the output's contract): a longer text is cut there. */
static void put_source_new(writer *w, const char *file, int line, int column)
{
    char src[RETOUR_ERROR_FILE_MAX + 32];
    const size_t cap = sizeof src - 1;
    size_t flen = strlen(file), n = flen < cap ? flen : cap;
    memcpy(src, file, n);
    if (n < cap)
        src[n++] = ':';
    cut_int(src, &n, cap, line);
    if (n < cap)
        src[n++] = ':';
    cut_int(src, &n, cap, column);
    /* Written escaped into the cache (a writer of its own), then copied out. */
    writer c;
    writer_init(&c, w->src, sizeof w->src);
    put_string_n(&c, src, n);
    if (c.over == 0) {
        w->src_file = file;
        w->src_line = line;
        w->src_column = column;
        w->src_len = (size_t)(c.p - c.start);
        put(w, w->src, w->src_len);
    } else {
        w->src_file = NULL;
        put_string_n(w, src, n);
    }
}

static void put_source(writer *w, const char *file, int line, int column)
{
    if (file == w->src_file && line == w->src_line && column == w->src_column)
        put(w, w->src, w->src_len);
    else
        put_source_new(w, file, line, column);
}

/* A reason; the compact form leaves its message out (code, source and law stay). */
static void put_reason(writer *w, const retour_decision *d, const retour__reason_rec *r,
                       retour_json_form form, retour_lang lang)
{
    PUT_LIT(w, "{\"code\":");
    put_name(w, r->pub.code);
    if (form == RETOUR_JSON_FULL) {
        /* A message is cut at 511 bytes, as it always was. Most need no escape: they are
         * written straight into the output between their quotes. */
        enum { MSG_MAX = 512 };
        PUT_LIT(w, ",\"message\":");
        size_t size = w->room > MSG_MAX + 1 ? MSG_MAX : w->room > 2 ? w->room - 1 : 0;
        int n = size ? retour__message_format(w->p + 1, size, r->code, lang, &r->params,
                                              d->policy->currency, d->policy->decimals)
                     : -1;
        size_t k = n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
        if (n >= 0 && ((size_t)n < size || size == MSG_MAX) && clean_prefix(w->p + 1, k) == k) {
            w->p[0] = '"';
            w->p[k + 1] = '"';
            w->p += k + 2;
            w->room -= k + 2;
        } else {
            char msg[MSG_MAX];
            retour__message_format(msg, sizeof msg, r->code, lang, &r->params,
                                   d->policy->currency, d->policy->decimals);
            put_string(w, msg);
        }
    }
    PUT_LIT(w, ",\"source\":");
    if (r->pub.source_file)
        put_source(w, r->pub.source_file, r->pub.source_line, r->pub.source_column);
    else
        PUT_LIT(w, "null");
    PUT_LIT(w, ",\"law\":");
    put_or_null(w, r->pub.law);
    put(w, "}", 1);
}

static void put_reasons(writer *w, const retour_decision *d, long item, retour_json_form form,
                        retour_lang lang)
{
    int first = 1;
    PUT_LIT(w, ",\"reasons\":[");
    for (size_t i = 0; i < d->reason_count; i++) {
        if (d->reasons[i].pub.item != item)
            continue;
        if (!first)
            put(w, ",", 1);
        first = 0;
        put_reason(w, d, &d->reasons[i], form, lang);
    }
    put(w, "]", 1);
}

static void put_items(writer *w, const retour_decision *d, retour_json_form form,
                      retour_lang lang)
{
    int dec = d->policy->decimals;
    PUT_LIT(w, ",\"items\":[");
    for (size_t i = 0; i < d->item_count; i++) {
        const retour__item_result *it = &d->items[i];
        if (i)
            put(w, ",", 1);
        PUT_LIT(w, "{\"index\":");
        put_int(w, (int64_t)i);
        PUT_LIT(w, ",\"sku\":");
        put_string(w, retour__decision_sku(d, i));
        PUT_LIT(w, ",\"category\":");
        if (!retour__item_has_category(it))
            PUT_LIT(w, "null");
        else
            put_string(w, retour__decision_category(d, i));
        PUT_LIT(w, ",\"outcome\":");
        put_name(w, retour_outcome_name(it->outcome));
        PUT_LIT(w, ",\"refund\":");
        put_money(w, it->refund, dec);
        PUT_LIT(w, ",\"deduction\":");
        put_money(w, it->deduction, dec);
        PUT_LIT(w, ",\"remedy\":");
        if (it->remedy == RETOUR_REMEDY_NONE)
            PUT_LIT(w, "null");
        else
            put_name(w, retour_remedy_name(it->remedy));
        PUT_LIT(w, ",\"remedy_percent\":");
        if (it->remedy_bp > 0)
            put_money(w, it->remedy_bp, 2);
        else
            PUT_LIT(w, "null");
        put_reasons(w, d, (long)i, form, lang);
        put(w, "}", 1);
    }
    put(w, "]", 1);
}

/* The terms that decided, for a policy with versions or markets: "policy_version"
 * ({"from", "name"}, null for the top-level terms) and "market" (null for none). */
static void put_terms(writer *w, const retour_policy *p)
{
    const retour_policy *root = p->root;
    if (root->version_count > 0) {
        PUT_LIT(w, ",\"policy_version\":");
        if (p->version < 0) {
            PUT_LIT(w, "null");
        } else {
            const retour__terms_version *v = &root->versions[p->version];
            PUT_LIT(w, "{\"from\":");
            put_date(w, v->from);
            PUT_LIT(w, ",\"name\":");
            put_or_null(w, v->name);
            put(w, "}", 1);
        }
    }
    if (root->market_count > 0) {
        PUT_LIT(w, ",\"market\":");
        put_or_null(w, p->market >= 0 ? root->markets[p->market].code : NULL);
    }
}

/* {"outcome":...,"deciding_reason":...,"withdrawal_deadline":...}; reason "" is null. */
static void put_verdict(writer *w, retour_outcome outcome, const char *reason,
                        retour_date withdrawal_deadline)
{
    PUT_LIT(w, "{\"outcome\":");
    put_name(w, retour_outcome_name(outcome));
    PUT_LIT(w, ",\"deciding_reason\":");
    if (reason && reason[0])
        put_name(w, reason);
    else
        PUT_LIT(w, "null");
    PUT_LIT(w, ",\"withdrawal_deadline\":");
    put_date(w, withdrawal_deadline);
    put(w, "}", 1);
}

/* NUL-terminates what was written (when there was a buffer); the full length. */
static long finish(writer *w, size_t size)
{
    if (size)
        *w->p = '\0';
    return (long)((size_t)(w->p - w->start) + w->over);
}

long retour__verdict_to_json(const retour_verdict *v, char *buf, size_t size)
{
    writer w;
    writer_init(&w, buf, size);
    put_verdict(&w, v->outcome, v->reason, v->withdrawal_deadline);
    return finish(&w, size);
}

long retour_decision_to_json(const retour_decision *d, retour_lang lang, char *buf, size_t size)
{
    return retour_decision_to_json_form(d, RETOUR_JSON_FULL, lang, buf, size);
}

long retour_decision_to_json_form(const retour_decision *d, retour_json_form form,
                                  retour_lang lang, char *buf, size_t size)
{
    if (!RETOUR__DECISION_OK(d) || !d->valid || (unsigned)lang >= RETOUR_LANG__COUNT ||
        (unsigned)form >= RETOUR_JSON_FORM__COUNT || (buf == NULL && size))
        return RETOUR_EINVAL;
    writer w;
    writer_init(&w, buf, size);
    if (form == RETOUR_JSON_VERDICT) {
        const retour_reason *why = retour_decision_deciding_reason(d);
        put_verdict(&w, d->outcome, why ? why->code : NULL, d->withdrawal_deadline);
        return finish(&w, size);
    }
    int dec = d->policy->decimals;
    PUT_LIT(&w, "{\"outcome\":");
    put_name(&w, retour_outcome_name(d->outcome));
    PUT_LIT(&w, ",\"basis\":");
    put_name(&w, retour_basis_name(d->basis));
    if (d->type == RETOUR_REQUEST_COMPLAINT)
        PUT_LIT(&w, ",\"type\":\"complaint\",\"refund\":{\"amount\":");
    else
        PUT_LIT(&w, ",\"type\":\"withdrawal\",\"refund\":{\"amount\":");
    put_money(&w, d->refund, dec);
    PUT_LIT(&w, ",\"amount_minor\":");
    put_int(&w, d->refund);
    PUT_LIT(&w, ",\"items\":");
    put_money(&w, d->items_total, dec);
    PUT_LIT(&w, ",\"deductions\":");
    put_money(&w, d->deductions, dec);
    PUT_LIT(&w, ",\"outbound_shipping\":");
    put_money(&w, d->shipping, dec);
    PUT_LIT(&w, ",\"store_credit\":");
    put_money(&w, d->store_credit, dec);
    PUT_LIT(&w, ",\"currency\":");
    put_name(&w, d->policy->currency);
    PUT_LIT(&w, ",\"method\":");
    put_or_null(&w, d->refund_method);
    PUT_LIT(&w, "},\"withdrawal_deadline\":");
    put_date(&w, d->withdrawal_deadline);
    PUT_LIT(&w, ",\"return_by\":");
    put_date(&w, d->return_by);
    PUT_LIT(&w, ",\"refund_by\":");
    put_date(&w, d->refund_by);
    PUT_LIT(&w, ",\"calendar\":");
    put_name(&w, d->calendar);
    PUT_LIT(&w, ",\"return_shipping\":");
    if (d->return_shipping == RETOUR_PAYER_SHOP)
        PUT_LIT(&w, "\"shop\"");
    else
        PUT_LIT(&w, "\"customer\"");
    put_terms(&w, d->policy);
    put_reasons(&w, d, -1, form, lang);
    put_items(&w, d, form, lang);
    put(&w, "}", 1);
    return finish(&w, size);
}

long retour__error_to_json(const retour_error *err, char *buf, size_t size)
{
    char formatted[RETOUR_ERROR_FILE_MAX + RETOUR_ERROR_PATH_MAX + RETOUR_ERROR_MESSAGE_MAX + 64];
    retour_error_format(formatted, sizeof formatted, err);
    writer w;
    writer_init(&w, buf, size);
    PUT_LIT(&w, "{\"error\":{\"code\":");
    put_int(&w, err->code);
    PUT_LIT(&w, ",\"file\":");
    put_string(&w, err->file);
    PUT_LIT(&w, ",\"line\":");
    put_int(&w, err->line);
    PUT_LIT(&w, ",\"column\":");
    put_int(&w, err->column);
    PUT_LIT(&w, ",\"offset\":");
    put_int(&w, (int64_t)err->offset);
    PUT_LIT(&w, ",\"path\":");
    put_string(&w, err->path);
    PUT_LIT(&w, ",\"message\":");
    put_string(&w, err->message[0] ? err->message : retour_strerror(err->code));
    PUT_LIT(&w, ",\"formatted\":");
    put_string(&w, formatted);
    PUT_LIT(&w, "}}");
    return finish(&w, size);
}
