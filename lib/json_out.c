/* The decision as canonical JSON: fixed key order, one line, no floating point. The same
 * bytes in every language binding, so they can be compared. Writes into the caller's
 * buffer and counts what does not fit, like snprintf; allocates nothing. */
#include "decision.h"
#include "money.h"
#include "policy.h"

#include <stdio.h>
#include <string.h>

typedef struct writer {
    char *buf;
    size_t size;
    size_t len;
} writer;

static void put(writer *w, const char *s, size_t n)
{
    if (w->len < w->size) {
        size_t room = w->size - w->len;
        memcpy(w->buf + w->len, s, n < room ? n : room);
    }
    w->len += n;
}

static void puts_(writer *w, const char *s) { put(w, s, strlen(s)); }

static void put_string(writer *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    put(w, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
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
    put(w, "\"", 1);
}

static void put_key(writer *w, const char *key, int first)
{
    if (!first)
        put(w, ",", 1);
    put_string(w, key);
    put(w, ":", 1);
}

static void put_money(writer *w, const char *key, int64_t minor, int decimals, int first)
{
    char m[32];
    put_key(w, key, first);
    retour__money_format(m, sizeof m, minor, decimals);
    put_string(w, m);
}

static void put_date(writer *w, const char *key, retour_date date)
{
    char d[11];
    put_key(w, key, 0);
    if (retour_date_format(d, date) == RETOUR_OK)
        put_string(w, d);
    else
        puts_(w, "null");
}

static void put_reason(writer *w, const retour_decision *d, const retour__reason_rec *r,
                       retour_lang lang)
{
    char msg[512];
    put(w, "{", 1);
    put_key(w, "code", 1);
    put_string(w, r->pub.code);
    put_key(w, "message", 0);
    retour__message_format(msg, sizeof msg, r->code, lang, &r->params, d->policy->currency,
                           d->policy->decimals);
    put_string(w, msg);
    put_key(w, "source", 0);
    if (r->pub.source_file) {
        char src[RETOUR_ERROR_FILE_MAX + 32];
        snprintf(src, sizeof src, "%s:%d:%d", r->pub.source_file, r->pub.source_line,
                 r->pub.source_column);
        put_string(w, src);
    } else {
        puts_(w, "null");
    }
    put_key(w, "law", 0);
    if (r->pub.law)
        put_string(w, r->pub.law);
    else
        puts_(w, "null");
    put(w, "}", 1);
}

static void put_reasons(writer *w, const retour_decision *d, long item, retour_lang lang)
{
    int first = 1;
    put_key(w, "reasons", 0);
    put(w, "[", 1);
    for (size_t i = 0; i < d->reason_count; i++) {
        if (d->reasons[i].pub.item != item)
            continue;
        if (!first)
            put(w, ",", 1);
        first = 0;
        put_reason(w, d, &d->reasons[i], lang);
    }
    put(w, "]", 1);
}

static void put_items(writer *w, const retour_decision *d, retour_lang lang)
{
    int dec = d->policy->decimals;
    put_key(w, "items", 0);
    put(w, "[", 1);
    for (size_t i = 0; i < d->item_count; i++) {
        const retour__item_result *it = &d->items[i];
        char num[24];
        if (i)
            put(w, ",", 1);
        put(w, "{", 1);
        put_key(w, "index", 1);
        snprintf(num, sizeof num, "%zu", i);
        puts_(w, num);
        put_key(w, "sku", 0);
        put_string(w, retour__decision_sku(d, i));
        put_key(w, "category", 0);
        if (it->category == (size_t)-1)
            puts_(w, "null");
        else
            put_string(w, retour__decision_category(d, i));
        put_key(w, "outcome", 0);
        put_string(w, retour_outcome_name(it->outcome));
        put_money(w, "refund", it->refund, dec, 0);
        put_money(w, "deduction", it->deduction, dec, 0);
        put_key(w, "remedy", 0);
        if (it->remedy == RETOUR_REMEDY_NONE)
            puts_(w, "null");
        else
            put_string(w, retour_remedy_name(it->remedy));
        put_key(w, "remedy_percent", 0);
        if (it->remedy_bp > 0) {
            char pct[16];
            retour__money_format(pct, sizeof pct, it->remedy_bp, 2);
            put_string(w, pct);
        } else {
            puts_(w, "null");
        }
        put_reasons(w, d, (long)i, lang);
        put(w, "}", 1);
    }
    put(w, "]", 1);
}

long retour_decision_to_json(const retour_decision *d, retour_lang lang, char *buf, size_t size)
{
    if (!RETOUR__DECISION_OK(d) || !d->valid || (unsigned)lang >= RETOUR_LANG__COUNT || (buf == NULL && size))
        return RETOUR_EINVAL;
    writer w = { buf, size, 0 };
    int dec = d->policy->decimals;
    char num[24];
    put(&w, "{", 1);
    put_key(&w, "outcome", 1);
    put_string(&w, retour_outcome_name(d->outcome));
    put_key(&w, "basis", 0);
    put_string(&w, retour_basis_name(d->basis));
    put_key(&w, "type", 0);
    put_string(&w, d->type == RETOUR_REQUEST_COMPLAINT ? "complaint" : "withdrawal");
    put_key(&w, "refund", 0);
    put(&w, "{", 1);
    put_money(&w, "amount", d->refund, dec, 1);
    put_key(&w, "amount_minor", 0);
    snprintf(num, sizeof num, "%lld", (long long)d->refund);
    puts_(&w, num);
    put_money(&w, "items", d->items_total, dec, 0);
    put_money(&w, "deductions", d->deductions, dec, 0);
    put_money(&w, "outbound_shipping", d->shipping, dec, 0);
    put_money(&w, "store_credit", d->store_credit, dec, 0);
    put_key(&w, "currency", 0);
    put_string(&w, d->policy->currency);
    put(&w, "}", 1);
    put_date(&w, "withdrawal_deadline", d->withdrawal_deadline);
    put_date(&w, "return_by", d->return_by);
    put_date(&w, "refund_by", d->refund_by);
    put_key(&w, "calendar", 0);
    put_string(&w, d->calendar);
    put_key(&w, "return_shipping", 0);
    put_string(&w, d->return_shipping == RETOUR_PAYER_SHOP ? "shop" : "customer");
    put_reasons(&w, d, -1, lang);
    put_items(&w, d, lang);
    put(&w, "}", 1);
    if (size)
        buf[w.len < size ? w.len : size - 1] = '\0';
    return (long)w.len;
}
