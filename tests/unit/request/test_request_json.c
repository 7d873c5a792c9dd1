/* Unit tests for the direct JSON request reader (lib/request/request_json.c): every example request
 * read as JSON must give the request the YAML parser gives and a byte-identical decision;
 * complaint fields too; each mistake must fail with its exact code, place, key path and
 * message (the YAML parser's wherever the text is also YAML); a warm re-read must not
 * allocate; a failed read must leave the request empty. The fast path for plain requests
 * must read exactly what the full reader reads: 40,000 generated requests, valid and not,
 * each compared with the same text made to take the full reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"
#include "request/request.h"
#include "request/request_json.h"
#include "policy/yaml_tree.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif
#define SOURCE_ROOT RETOUR_TEST_DATA "/../.."

/* ------------------------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void put_str(text *t, const char *s) { put(t, s, strlen(s)); }

static void put_json_string(text *t, const char *s)
{
    put_str(t, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            put_str(t, "\\");
            put(t, s, 1);
        } else if ((unsigned char)*s < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned char)*s);
            put_str(t, esc);
        } else {
            put(t, s, 1);
        }
    }
    put_str(t, "\"");
}

/* Whether s is a JSON number, as a plain YAML scalar such as `price: 45` would be. */
static int json_number(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (*p >= '0' && *p <= '9')
            p++;
    else
        return 0;
    if (*p == '.') {
        if (!(*++p >= '0' && *p <= '9'))
            return 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

/* The same document as JSON: plain scalars that JSON can write bare stay bare (numbers,
 * true, false, null); dates and words become strings, as a shop's JSON would write them. */
static void to_json(text *t, const retour__node *n)
{
    if (n->kind == RETOUR__NODE_MAP) {
        put_str(t, "{");
        for (size_t i = 0; i < n->count; i++) {
            if (i)
                put_str(t, ", ");
            put_json_string(t, n->pairs[i].key->text);
            put_str(t, ": ");
            to_json(t, n->pairs[i].value);
        }
        put_str(t, "}");
    } else if (n->kind == RETOUR__NODE_SEQ) {
        put_str(t, "[");
        for (size_t i = 0; i < n->count; i++) {
            if (i)
                put_str(t, ", ");
            to_json(t, n->items[i]);
        }
        put_str(t, "]");
    } else if (!n->quoted && (n->len == 0 || strcmp(n->text, "~") == 0 ||
                              strcmp(n->text, "null") == 0)) {
        put_str(t, "null");
    } else if (!n->quoted && (strcmp(n->text, "true") == 0 || strcmp(n->text, "false") == 0 ||
                              json_number(n->text))) {
        put_str(t, n->text);
    } else {
        put_json_string(t, n->text);
    }
}

static char *yaml_file_as_json(const char *yaml, size_t len)
{
    retour__doc doc;
    retour__limits limits;
    retour__limits_from_options(&limits, NULL);
    if (retour__doc_parse(&doc, yaml, len, "example", &limits, NULL, NULL))
        return NULL;
    text t = { NULL, 0, 0 };
    to_json(&t, doc.root);
    put_str(&t, "\n");
    retour__doc_free(&doc);
    return t.s;
}

static int same_string(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Field by field; places too when both requests were read from the same text. */
static void assert_same_request(const retour_request *a, const retour_request *b, int places)
{
    assert_int_equal(a->type, b->type);
    assert_int_equal(a->ordered, b->ordered);
    assert_int_equal(a->notified, b->notified);
    assert_int_equal(a->last_delivered, b->last_delivered);
    assert_int_equal(a->goods_sent, b->goods_sent);
    assert_int_equal(a->goods_received, b->goods_received);
    assert_int_equal(a->provided, b->provided);
    assert_int_equal(a->shipping_paid, b->shipping_paid);
    assert_int_equal(a->whole_order, b->whole_order);
    assert_int_equal(a->customer_orders, b->customer_orders);
    assert_int_equal(a->claims_last_year, b->claims_last_year);
    assert_int_equal(a->goodwill_last_year, b->goodwill_last_year);
    assert_int_equal(a->lifetime_spend, b->lifetime_spend);
    assert_int_equal(a->count, b->count);
    if (places) {
        assert_int_equal(a->place.line, b->place.line);
        assert_int_equal(a->place.column, b->place.column);
        assert_int_equal(a->place.offset, b->place.offset);
        assert_string_equal(a->place.file, b->place.file);
    }
    for (size_t i = 0; i < a->count; i++) {
        const retour__item *x = &a->items[i], *y = &b->items[i];
        assert_string_equal(x->sku, y->sku);
        assert_true(same_string(x->category, y->category));
        assert_int_equal(x->price, y->price);
        assert_int_equal(x->quantity, y->quantity);
        assert_int_equal(x->delivered, y->delivered);
        assert_int_equal(x->packaging, y->packaging);
        assert_int_equal(x->noticed, y->noticed);
        assert_int_equal(x->cause, y->cause);
        assert_int_equal(x->admits_damage, y->admits_damage);
        assert_int_equal(x->remedy, y->remedy);
        assert_int_equal(x->remedy_failed, y->remedy_failed);
        if (places) {
            assert_int_equal(x->place.line, y->place.line);
            assert_int_equal(x->place.column, y->place.column);
            assert_int_equal(x->place.offset, y->place.offset);
            assert_string_equal(x->place.file, y->place.file);
        }
    }
}

/* The decision JSON, or the error as one line: either way a string to compare. */
static char *decide(const retour_policy *policy, const retour_request *request)
{
    retour_decision *d = NULL;
    retour_error err;
    char *out;
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    if (retour_evaluate(d, policy, request, &err) == RETOUR_OK) {
        long n = retour_decision_to_json(d, RETOUR_LANG_EN, NULL, 0);
        assert_true(n > 0);
        out = malloc((size_t)n + 1);
        retour_decision_to_json(d, RETOUR_LANG_EN, out, (size_t)n + 1);
    } else {
        out = malloc(1024);
        snprintf(out, 1024, "error %d %d:%d@%zu [%s] %s", err.code, err.line, err.column,
                 err.offset, err.path, err.message);
    }
    retour_decision_free(d);
    return out;
}

static retour_policy *load_policy(const char *name)
{
    char path[512];
    retour_policy *p = NULL;
    retour_error err;
    snprintf(path, sizeof path, "%s/examples/policies/%s.yaml", SOURCE_ROOT, name);
    if (retour_policy_load_file(&p, path, NULL, &err)) {
        print_error("%s: %s\n", path, err.message);
        fail();
    }
    return p;
}

/* ------------------------------------------------------------------------------------
 * Fixture: one test policy (EUR, 30 days, a default category)
 * ---------------------------------------------------------------------------------- */

static const char eur_policy[] = "retour: 1\n"
                                 "jurisdiction: NL\n"
                                 "currency: EUR\n"
                                 "withdrawal:\n"
                                 "  days: 30\n"
                                 "categories:\n"
                                 "  electronics: {}\n"
                                 "default_category: electronics\n";

static int group_setup(void **state)
{
    retour_policy *p = NULL;
    retour_error err;
    if (retour_policy_load_string(&p, eur_policy, sizeof eur_policy - 1, "eur.yaml", NULL,
                                  &err)) {
        print_error("fixture policy: %s\n", err.message);
        return -1;
    }
    *state = p;
    return 0;
}

static int group_teardown(void **state)
{
    retour_policy_free(*state);
    return 0;
}

/* ------------------------------------------------------------------------------------
 * Same requests, same decisions
 * ---------------------------------------------------------------------------------- */

/* Reads text with both parsers and checks that they agree on everything. */
static void check_both(const retour_policy *policy, const char *json, const char *name)
{
    retour_request *y = NULL, *j = NULL;
    retour_error ey, ej;
    size_t len = strlen(json);
    assert_int_equal(retour_request_new(&j, RETOUR_REQUEST_COMPLAINT, NULL), RETOUR_OK);
    int ry = retour_request_parse(&y, policy, json, len, name, NULL, &ey);
    int rj = retour_request_parse_json(j, policy, json, len, name, &ej);
    if (ry != RETOUR_OK)
        print_error("%s: YAML parser: %s\n", name, ey.message);
    if (rj != RETOUR_OK)
        print_error("%s: JSON reader: %d:%d %s: %s\n", name, ej.line, ej.column, ej.path,
                    ej.message);
    assert_int_equal(ry, RETOUR_OK);
    assert_int_equal(rj, RETOUR_OK);
    assert_int_equal(ej.code, RETOUR_OK);
    assert_same_request(y, j, 1);
    char *dy = decide(policy, y), *dj = decide(policy, j);
    assert_string_equal(dj, dy);
    free(dy);
    free(dj);
    retour_request_free(y);
    retour_request_free(j);
}

/* Every example in tests/cli/cases.txt: the YAML file (or the .json file as it is) read
 * by the YAML parser, and its JSON form read by the JSON reader, decide byte-identically. */
static void test_examples(void **state)
{
    (void)state;
    size_t len, examples = 0, json_files = 0;
    char *cases = slurp(SOURCE_ROOT "/tests/cli/cases.txt", &len);
    assert_non_null(cases);
    retour_request *j = NULL;
    assert_int_equal(retour_request_new(&j, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    for (char *line = strtok(cases, "\n"); line; line = strtok(NULL, "\n")) {
        char name[128], policy_name[64], request[256], path[512];
        if (line[0] == '#' || sscanf(line, "%127s %63s %255s", name, policy_name, request) != 3)
            continue;
        retour_policy *policy = load_policy(policy_name);
        snprintf(path, sizeof path, "%s/examples/%s", SOURCE_ROOT, request);
        size_t n;
        char *original = slurp(path, &n);
        assert_non_null(original);
        int is_json = strstr(request, ".json") != NULL;
        char *json = is_json ? original : yaml_file_as_json(original, n);
        assert_non_null(json);
        json_files += is_json;

        retour_request *y = NULL;
        retour_error err;
        assert_int_equal(retour_request_parse(&y, policy, original, n, path, NULL, &err),
                         RETOUR_OK);
        if (retour_request_parse_json(j, policy, json, strlen(json), path, &err) != RETOUR_OK)
            print_error("%s: %d:%d %s: %s\n%s", name, err.line, err.column, err.path,
                        err.message, json);
        assert_int_equal(err.code, RETOUR_OK);
        assert_same_request(y, j, is_json);
        char *dy = decide(policy, y), *dj = decide(policy, j);
        assert_string_equal(dj, dy);
        assert_string_equal(dj, dy);
        assert_non_null(strstr(dj, "\"outcome\":")); /* a decision, not an error */
        /* The JSON form read by the YAML parser too: the same places as well. */
        check_both(policy, json, path);
        free(dy);
        free(dj);
        retour_request_free(y);
        if (!is_json)
            free(json);
        free(original);
        retour_policy_free(policy);
        examples++;
    }
    retour_request_free(j);
    free(cases);
    assert_true(examples >= 14);
    assert_true(json_files >= 1);
}

/* Complaint details, the customer's history and keys in any order (items before type and
 * notified), with escapes: both parsers agree. */
static void test_complaints_and_key_order(void **state)
{
    const retour_policy *p = *state;
    check_both(p,
               "{\"type\": \"complaint\", \"notified\": \"2026-05-10\",\n"
               " \"customer\": {\"orders\": 12, \"claims_last_year\": 1, "
               "\"goodwill_last_year\": 2, \"lifetime_spend\": \"1234.50\"},\n"
               " \"items\": [\n"
               "  {\"sku\": \"KETTLE-1\", \"price\": \"59.95\", \"delivered\": \"2026-01-10\",\n"
               "   \"noticed\": \"2026-05-01\", \"cause\": \"defect\", \"remedy\": \"repair\",\n"
               "   \"remedy_failed\": true, \"customer_admits_damage\": false},\n"
               "  {\"sku\": \"MUG-2\", \"price\": 7, \"quantity\": 3, \"cause\": \"accident\",\n"
               "   \"customer_admits_damage\": true, \"remedy\": \"price_reduction\"}\n"
               " ]}\n",
               "complaint.json");
    check_both(p,
               "{\"items\": [{\"noticed\": \"2026-05-09\", \"remedy\": \"refund\", "
               "\"sku\": \"A\\u00e9\", \"price\": \"10\", \"cause\": \"wear\"}],"
               " \"notified\": \"2026-05-10\", \"type\": \"complaint\","
               " \"ordered\": \"2026-01-02\", \"shipping_paid\": 4.95, \"whole_order\": false,"
               " \"last_delivered\": \"2026-01-05\", \"customer\": null}",
               "order.json");
    check_both(p,
               "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\","
               "\"category\":null,\"price\":\"1.5\",\"delivered\":\"2026-03-03\","
               "\"packaging\":\"damaged\",\"quantity\":null}]}",
               "nulls.json");
    /* The goods' days and what the consumer provided (issue 19). */
    check_both(p,
               "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"goods_sent\":\"2026-03-18\","
               "\"goods_received\":\"2026-03-20\",\"provided\":[\"form\", \"invoice\",\"photos\"],"
               "\"items\":[" "{\"sku\":\"A\",\"price\":\"1\",\"delivered\":\"2026-03-03\"}]}",
               "goods.json");
    check_both(p,
               "{\"provided\":[],\"type\":\"withdrawal\",\"notified\":\"2026-03-16\","
               "\"items\":[{\"sku\":\"A\",\"price\":\"1\",\"delivered\":\"2026-03-03\"}],"
               "\"goods_sent\":null}",
               "empty-provided.json");
}

/* ------------------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------------------- */

typedef struct error_case {
    const char *json;
    int code;
    int line, column;
    size_t offset;
    const char *path;
    const char *message;
    int as_yaml; /* the text is YAML too, and the YAML parser says exactly the same */
} error_case;

#define HEAD "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\","
#define GOOD_ITEM "{\"sku\":\"A\",\"price\":\"1\",\"delivered\":\"2026-03-03\"}"

static const error_case error_cases[] = {
    { HEAD "\"price\":\"1.005\",\"delivered\":\"2026-03-03\"}]}", RETOUR_ERANGE, 1, 74, 73,
      "items[0].price", "amount '1.005' is invalid: 3 decimals (EUR has 2)", 1 },
    { HEAD "\"price\":-1,\"delivered\":\"2026-03-03\"}]}", RETOUR_ESCHEMA, 1, 74, 73,
      "items[0].price",
      "expected an amount such as \"12.50\" (digits, optional point and up to 2 decimals), "
      "found '-1'", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-02-30\",\"items\":[" GOOD_ITEM "]}",
      RETOUR_ERANGE, 1, 33, 32, "notified",
      "'2026-02-30' is not a valid date (years 1 to 9999, real days of the month)", 1 },
    { HEAD "\"price\":\"1\",\"delivered\":\"2026-03-03\",\"quantity\":\"2\"}]}", RETOUR_ESCHEMA,
      1, 114, 113, "items[0].quantity", "expected a whole number, found the quoted text \"2\"",
      1 },
    { HEAD "\"price\":\"1\",\"delivered\":\"2026-03-03\",\"packaging\":\"open\"}]}",
      RETOUR_ESCHEMA, 1, 115, 114, "items[0].packaging",
      "unknown value 'open'; did you mean 'opened'? (expected one of: sealed, opened, damaged, "
      "missing)", 1 },
    { HEAD "\"price\":\"1\",\"delivred\":\"2026-03-03\"}]}", RETOUR_ESCHEMA, 1, 78, 77,
      "items[0].delivred",
      "unknown key 'delivred'; did you mean 'delivered'? (expected one of: sku, category, price, "
      "quantity, delivered, packaging, noticed, cause, customer_admits_damage, remedy, "
      "remedy_failed)", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[]}", RETOUR_ESCHEMA, 1,
      54, 53, "items", "expected at least one item", 1 },
    { "{\"type\":\"withdrawal\",\"items\":[" GOOD_ITEM "]}", RETOUR_ESCHEMA, 1, 1, 0, "notified",
      "missing required key 'notified' (the day the consumer told the shop)", 1 },
    /* Items before type: the missing delivery date is still found at the item. */
    { "{\"items\":[{\"sku\":\"A\",\"price\":\"1\"}],\"type\":\"withdrawal\","
      "\"notified\":\"2026-03-16\"}", RETOUR_ESCHEMA, 1, 11, 10, "items[0].delivered",
      "missing required key 'delivered' (the day the consumer received the item)", 1 },
    /* Items before notified: the late noticed date is still found at its value. */
    { "{\"items\":[{\"sku\":\"A\",\"price\":\"1\",\"noticed\":\"2026-03-17\"}],"
      "\"type\":\"complaint\",\"notified\":\"2026-03-16\"}", RETOUR_ESCHEMA, 1, 44, 43,
      "items[0].noticed", "noticed is after the notification date", 1 },
    { "{\"type\":\"complaint\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\",\"price\":"
      "\"1\",\"remedy\":\"none\"}]}", RETOUR_ESCHEMA, 1, 86, 85, "items[0].remedy",
      "unknown value 'none' (expected one of: repair, replace, refund, price_reduction)", 1 },
    { "{\"type\":\"complaint\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":\"A\",\"price\":"
      "\"1\",\"customer_admits_damage\":1}]}", RETOUR_ESCHEMA, 1, 102, 101,
      "items[0].customer_admits_damage", "expected true or false, found '1'", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"ordered\":\"2026-03-17\",\"items\":["
      GOOD_ITEM "]}", RETOUR_ESCHEMA, 1, 33, 32, "notified", "notified is before the order date",
      1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"type\":\"complaint\",\"items\":["
      GOOD_ITEM "]}", RETOUR_ESCHEMA, 1, 46, 45, "type", "duplicate key 'type' (first at line 1)",
      1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"customer\":{\"order\":1},\"items\":["
      GOOD_ITEM "]}", RETOUR_ESCHEMA, 1, 58, 57, "customer.order",
      "unknown key 'order'; did you mean 'orders'? (expected one of: orders, claims_last_year, "
      "goodwill_last_year, lifetime_spend, country)", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[null]}", RETOUR_ESCHEMA, 1,
      55, 54, "items[0]", "expected a mapping of keys, found nothing", 1 },
    { HEAD "\"sku\":[\"A\"]}]}", RETOUR_ESCHEMA, 1, 66, 65, "items[0].sku",
      "duplicate key 'sku' (first at line 1)", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":{},\"price\":\"1\"}]}",
      RETOUR_ESCHEMA, 1, 62, 61, "items[0].sku", "expected a text value, found a mapping", 1 },
    { HEAD "\"price\":\"1\",\"delivered\":\"2026-03-03\",\"category\":\"\\u0000\"}]}",
      RETOUR_ESYNTAX, 1, 114, 113, "items[0].category", "NUL character in a value", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"provided\":[\"form\",\"receipt\"],"
      "\"items\":[" GOOD_ITEM "]}", RETOUR_ESCHEMA, 1, 65, 64, "provided[1]",
      "unknown value 'receipt' (expected one of: form, invoice, original_receipt, return_number, "
      "registered_post, prior_consent, account, photos, original_packaging, written)", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"provided\":\"form\","
      "\"items\":[" GOOD_ITEM "]}", RETOUR_ESCHEMA, 1, 57, 56, "provided",
      "expected a list, found a single value", 1 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"goods_sent\":\"2026-13-01\","
      "\"items\":[" GOOD_ITEM "]}", RETOUR_ERANGE, 1, 59, 58, "goods_sent",
      "'2026-13-01' is not a valid date (years 1 to 9999, real days of the month)", 1 },
    { "[1,2]", RETOUR_ESCHEMA, 1, 1, 0, "", "expected a mapping of keys, found a list", 1 },
    { " \n ", RETOUR_ESCHEMA, 1, 1, 0, "", "empty request: expected type, notified and items", 1 },
    /* A multi-line request with a two-byte character before the mistake: the column counts
     * characters, the offset bytes. */
    { "{\n  \"type\": \"withdrawal\",\n  \"notified\": \"2026-03-16\",\n  \"items\": [\n"
      "    {\"sku\": \"\xC3\x84\", \"price\": \"1.001\", \"delivered\": \"2026-03-03\"}\n  ]\n}",
      RETOUR_ERANGE, 5, 27, 94, "items[0].price",
      "amount '1.001' is invalid: 3 decimals (EUR has 2)", 1 },
    /* JSON's own syntax, with messages of its own. */
    { "{\"type\":\"withdrawal\",}", RETOUR_ESYNTAX, 1, 22, 21, "",
      "JSON syntax: expected a key in double quotes after ',', found '}'", 0 },
    { "{\"type\":\"withdrawal\" \"notified\":\"2026-03-16\"}", RETOUR_ESYNTAX, 1, 22, 21, "",
      "JSON syntax: expected ',' or '}' after a value, found '\"'", 0 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[" GOOD_ITEM "]} x",
      RETOUR_ESYNTAX, 1, 106, 105, "",
      "JSON syntax: expected the end of the text after the request's '}', found 'x'", 0 },
    { "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[" GOOD_ITEM,
      RETOUR_ESYNTAX, 1, 103, 102, "items[0]",
      "JSON syntax: the text ends where ',' or ']' after an item was expected", 0 },
    { HEAD "\"price\":01}]}", RETOUR_ESYNTAX, 1, 75, 74, "items[0].price",
      "JSON syntax: a number must not start with 0", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"a\\qb\"}]}", RETOUR_ESYNTAX, 1, 91, 90,
      "items[0].category",
      "JSON syntax: '\\q' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or "
      "\\uXXXX)", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"\\ud83d\"}]}", RETOUR_ESYNTAX, 1, 90, 89,
      "items[0].category",
      "JSON syntax: \\ud83d is the first half of a surrogate pair without a second", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"\\ude00x\"}]}", RETOUR_ESYNTAX, 1, 90, 89,
      "items[0].category",
      "JSON syntax: \\ude00 is the second half of a surrogate pair without a first", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"a\tb\"}]}", RETOUR_ESYNTAX, 1, 91, 90,
      "items[0].category",
      "JSON syntax: a line break or tab inside a string (write \\n, \\r or \\t)", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"a\x01\"}]}", RETOUR_ESYNTAX, 1, 91, 90,
      "items[0].category",
      "control characters are not allowed (the file must be UTF-8 text without control "
      "characters)", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"a\xC3(\"}]}", RETOUR_ESYNTAX, 1, 92, 91,
      "items[0].category",
      "invalid trailing UTF-8 octet (the file must be UTF-8 text without control characters)",
      0 },
    { HEAD "\"price\":\"1\",\"category\":\"\xC0\xAF\"}]}", RETOUR_ESYNTAX, 1, 90, 89,
      "items[0].category",
      "invalid length of a UTF-8 sequence (the file must be UTF-8 text without control "
      "characters)", 0 },
    { HEAD "\"price\":\"1\",\"category\":\"\xED\xA0\x80\"}]}", RETOUR_ESYNTAX, 1, 90, 89,
      "items[0].category",
      "invalid Unicode character (the file must be UTF-8 text without control characters)",
      0 },
    { HEAD "\"price\":\"1\",\"category\":\"abc", RETOUR_ESYNTAX, 1, 89, 88, "items[0].category",
      "JSON syntax: a string without its closing quote", 0 },
    { HEAD "\"price\":tru}]}", RETOUR_ESYNTAX, 1, 74, 73, "items[0].price",
      "JSON syntax: expected a value (a string, number, true, false, null, list or object), "
      "found 't'", 0 },
};

static void test_errors(void **state)
{
    const retour_policy *p = *state;
    retour_request *r = NULL;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const error_case *c = &error_cases[i];
        retour_error err;
        memset(&err, 0x55, sizeof err);
        int rc = retour_request_parse_json(r, p, c->json, strlen(c->json), "req.json", &err);
        if (rc != c->code || err.line != c->line || err.column != c->column ||
            err.offset != c->offset || strcmp(err.path, c->path) != 0 ||
            strcmp(err.message, c->message) != 0)
            print_error("case %zu: got %d %d:%d@%zu [%s] %s\n", i, rc, err.line, err.column,
                        err.offset, err.path, err.message);
        assert_int_equal(rc, c->code);
        assert_int_equal(err.code, c->code);
        assert_int_equal(err.line, c->line);
        assert_int_equal(err.column, c->column);
        assert_int_equal(err.offset, c->offset);
        assert_string_equal(err.path, c->path);
        assert_string_equal(err.message, c->message);
        assert_string_equal(err.file, "req.json");
        /* Left empty, ready for the next line. */
        assert_int_equal(retour_request_item_count(r), 0);
        assert_int_equal(r->notified, RETOUR_DATE_NONE);
        if (c->as_yaml) {
            retour_request *y = NULL;
            retour_error ey;
            assert_int_equal(retour_request_parse(&y, p, c->json, strlen(c->json), "req.json",
                                                  NULL, &ey), c->code);
            assert_int_equal(ey.line, err.line);
            assert_int_equal(ey.column, err.column);
            assert_int_equal(ey.offset, err.offset);
            assert_string_equal(ey.path, err.path);
            assert_string_equal(ey.message, err.message);
            assert_null(y);
        }
    }
    retour_request_free(r);
}

static void test_arguments(void **state)
{
    const retour_policy *p = *state;
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_request_parse_json(NULL, p, "{}", 2, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_request_parse_json(r, NULL, "{}", 2, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_request_parse_json(r, p, NULL, 2, NULL, &err), RETOUR_EINVAL);
    /* NULL text with length 0 is the empty text; the name defaults to "<string>". */
    assert_int_equal(retour_request_parse_json(r, p, NULL, 0, NULL, &err), RETOUR_ESCHEMA);
    assert_string_equal(err.file, "<string>");
    /* No retour_error at all is fine. */
    assert_int_equal(retour_request_parse_json(r, p, "[", 1, NULL, NULL), RETOUR_ESCHEMA);
    retour_request_free(r);
}

/* Escapes decode to UTF-8; the text need not end in NUL; the name lands in places. */
static void test_strings(void **state)
{
    const retour_policy *p = *state;
    retour_request *r = NULL;
    retour_error err;
    static const char json[] =
        "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":[{\"sku\":"
        "\"\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\n\\t\xC3\xA4\",\"price\":\"1\","
        "\"delivered\":\"2026-03-03\",\"category\":\"elec\\u0074ronics\"}]}GARBAGE";
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_request_parse_json(r, p, json, sizeof json - 1 - 7, "s.json", &err),
                     RETOUR_OK);
    assert_int_equal(r->count, 1);
    assert_string_equal(r->items[0].sku, "\xC3\xA9\xF0\x9F\x98\x80\"\\/\n\t\xC3\xA4");
    assert_string_equal(r->items[0].category, "electronics");
    assert_string_equal(r->items[0].place.file, "s.json");
    assert_int_equal(r->items[0].place.offset, 54);
    assert_int_equal(r->place.offset, 0);
    assert_int_equal(r->items[0].price, 100);
    /* A byte order mark is skipped, and counted in columns as libyaml counts it. */
    static const char bom[] = "\xEF\xBB\xBF{\"type\":1}";
    assert_int_equal(retour_request_parse_json(r, p, bom, sizeof bom - 1, "b.json", &err),
                     RETOUR_ESCHEMA);
    assert_int_equal(err.column, 10);
    assert_int_equal(err.offset, 11);
    assert_string_equal(err.message, "unknown value '1' (expected one of: withdrawal, complaint)");
    retour_request_free(r);
}

/* ------------------------------------------------------------------------------------
 * Limits and allocations
 * ---------------------------------------------------------------------------------- */

static size_t allocations;
static void *count_malloc(void *ctx, size_t n) { (void)ctx; allocations++; return malloc(n); }
static void *count_realloc(void *ctx, void *q, size_t n)
{
    (void)ctx;
    allocations++;
    return realloc(q, n);
}
static void count_free(void *ctx, void *q) { (void)ctx; free(q); }
static const retour_allocator counting = { count_malloc, count_realloc, count_free, NULL };

static void test_limits(void **state)
{
    const retour_policy *p = *state;
    retour_options opts = RETOUR_OPTIONS_INIT;
    retour_request *r = NULL;
    retour_error err;
    /* Depth 3 admits the item objects but not their keys. */
    opts.max_depth = 3;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, &opts), RETOUR_OK);
    static const char deep[] = "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":"
                               "[{\"sku\":\"A\"}]}";
    assert_int_equal(retour_request_parse_json(r, p, deep, sizeof deep - 1, NULL, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "nesting deeper than 3 levels");
    assert_string_equal(err.path, "items[0]");
    assert_int_equal(err.column, 56);
    retour_request_free(r);

    opts.max_depth = 0;
    opts.max_items = 3;
    opts.max_input_bytes = 300;
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, &opts), RETOUR_OK);
    static const char many[] = "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":["
        "{\"sku\":\"A\",\"price\":1,\"delivered\":\"2026-03-03\"},"
        "{\"sku\":\"B\",\"price\":1,\"delivered\":\"2026-03-03\"},"
        "{\"sku\":\"C\",\"price\":1,\"delivered\":\"2026-03-03\"},"
        "{\"sku\":\"D\",\"price\":1,\"delivered\":\"2026-03-03\"}]}";
    assert_int_equal(retour_request_parse_json(r, p, many, sizeof many - 1, NULL, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "more than 3 entries in one list or mapping");
    assert_string_equal(err.path, "items");
    assert_int_equal(err.column, 54);
    /* Four keys at the root are one too many as well. */
    static const char keys[] = "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\","
                               "\"whole_order\":true,\"items\":null}";
    assert_int_equal(retour_request_parse_json(r, p, keys, sizeof keys - 1, NULL, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.path, "");
    assert_int_equal(err.column, 1);
    char big[400];
    memset(big, ' ', sizeof big);
    assert_int_equal(retour_request_parse_json(r, p, big, sizeof big, "big.json", &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "input of 400 bytes exceeds the limit of 300 bytes");
    assert_int_equal(err.line, 1);
    retour_request_free(r);
}

/* Once warm, reading (and deciding) a request allocates nothing: the batch loop's promise. */
static void test_warm_reparse_allocates_nothing(void **state)
{
    const retour_policy *p = *state;
    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.allocator = &counting;
    retour_request *r = NULL;
    retour_decision *d = NULL;
    retour_error err;
    static const char json[] =
        "{\"type\":\"withdrawal\",\"ordered\":\"2026-03-01\",\"notified\":\"2026-03-16\","
        "\"shipping_paid\":\"4.95\",\"items\":[{\"sku\":\"PHONE-S4\",\"category\":\"electronics\","
        "\"price\":\"499.00\",\"quantity\":1,\"delivered\":\"2026-03-03\",\"packaging\":"
        "\"opened\"},{\"sku\":\"CASE\",\"price\":\"19.00\",\"delivered\":\"2026-03-03\"}],"
        "\"customer\":{\"orders\":4,\"claims_last_year\":0}}";
    static const char bad[] = "{\"type\":\"withdrawal\",\"notified\":\"2026-03-16\",\"items\":"
                              "[{\"sku\":\"A\",\"price\":\"1.001\"}]}";
    assert_int_equal(retour_request_new(&r, RETOUR_REQUEST_WITHDRAWAL, &opts), RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, &opts), RETOUR_OK);
    assert_int_equal(retour_request_parse_json(r, p, json, sizeof json - 1, "w.json", &err),
                     RETOUR_OK);
    assert_int_equal(retour_evaluate(d, p, r, &err), RETOUR_OK);
    size_t before = allocations;
    for (int i = 0; i < 100; i++) {
        assert_int_equal(retour_request_parse_json(r, p, json, sizeof json - 1, "w.json", &err),
                         RETOUR_OK);
        assert_int_equal(retour_evaluate(d, p, r, &err), RETOUR_OK);
        assert_int_equal(retour_request_parse_json(r, p, bad, sizeof bad - 1, "w.json", &err),
                         RETOUR_ERANGE);
    }
    assert_int_equal(allocations - before, 0);
    assert_int_equal(retour_decision_item_count(d), 2);
    assert_int_equal(retour_decision_refund(d), 49900 + 1900 + 495);
    retour_decision_free(d);
    retour_request_free(r);
}

/* ------------------------------------------------------------------------------------
 * The fast path and the full reader agree
 * ---------------------------------------------------------------------------------- */

/* The fast path's key lookup finds every key of the three lists at its index, and
 * nothing else. */
static void test_key_lookup(void **state)
{
    (void)state;
    const struct { const char *const *names; size_t count; } lists[] = {
        { retour__request_keys, RETOUR__RK__COUNT },
        { retour__item_keys, RETOUR__IK__COUNT },
        { retour__customer_keys, RETOUR__CK__COUNT },
    };
    for (size_t l = 0; l < 3; l++) {
        for (size_t i = 0; i < lists[l].count; i++) {
            const char *name = lists[l].names[i];
            size_t n = strlen(name);
            assert_int_equal(retour__json_key(lists[l].names, lists[l].count, name, n), (int)i);
            /* A prefix, a longer key, another letter: not found. */
            assert_int_equal(retour__json_key(lists[l].names, lists[l].count, name, n - 1), -1);
            char longer[64];
            snprintf(longer, sizeof longer, "%sx", name);
            assert_int_equal(retour__json_key(lists[l].names, lists[l].count, longer, n + 1),
                             -1);
            snprintf(longer, sizeof longer, "%s", name);
            longer[n - 1] = longer[n - 1] == 'z' ? 'y' : 'z';
            assert_int_equal(retour__json_key(lists[l].names, lists[l].count, longer, n), -1);
        }
        assert_int_equal(retour__json_key(lists[l].names, lists[l].count, "", 0), -1);
    }
}

typedef struct rng {
    uint32_t s;
} rng;

static uint32_t next(rng *r)
{
    uint32_t t = r->s += 0x6D2B79F5u; /* mulberry32 */
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return t ^ (t >> 14);
}

static const char *pick(rng *r, const char *const *list, size_t n)
{
    return list[next(r) % n];
}
#define PICK(r, list) pick((r), (list), sizeof(list) / sizeof((list)[0]))
/* Mostly one of the first `good` values of the list (valid ones), sometimes any. */
#define VALUE(r, list, good) \
    (next(r) % 24 ? pick((r), (list), (good)) : PICK((r), (list)))

/* Spaces between tokens: mostly none (what programs write), sometimes blanks and line
 * breaks (which the fast path reads too), rarely a carriage return (which it leaves). */
static void gap(rng *r, text *t)
{
    static const char *const gaps[] = { " ", "\n  ", "\t", "  \n" };
    uint32_t x = next(r);
    if (x % 256 == 0)
        put_str(t, "\r\n");
    else if (x % 8 == 0)
        put_str(t, PICK(r, gaps));
}

static void key_value(rng *r, text *t, int *first, const char *key, const char *value)
{
    if (!*first) {
        gap(r, t);
        put_str(t, ",");
    }
    *first = 0;
    gap(r, t);
    put_str(t, "\"");
    put_str(t, key);
    put_str(t, "\":");
    gap(r, t);
    put_str(t, value);
}

/* A shuffled subset of n keys: order[0..*count). Required ones are mostly kept. */
static size_t choose_keys(rng *r, int *order, size_t n, unsigned required)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((required >> i) & 1) ? next(r) % 50 != 0 : next(r) % 3 == 0)
            order[count++] = (int)i;
    for (size_t i = count; i > 1; i--) {
        size_t j = next(r) % i;
        int x = order[i - 1];
        order[i - 1] = order[j];
        order[j] = x;
    }
    return count;
}

static const char *const dates[] = {
    "\"2026-03-03\"", "\"2026-03-16\"", "\"2024-02-29\"", "\"2025-02-29\"", "\"2026-13-01\"",
    "\"2026-04-31\"", "\"0000-01-01\"", "\"2026-3-3\"", "\"2025-12-31\"", "20260316",
    "\"2026-01-10\"", "\"2026-03-16\"", "null", "\"2026-03-0x\"",
};
static const char *const amounts[] = {
    "\"499.00\"", "\"4.95\"", "12", "12.5", "\"0012.30\"", "\"4.999\"", "1e3", "\"\"",
    "\"5.\"", "\".5\"", "\"-5\"", "\"12345678901234.00\"", "\"99999999999999999999\"",
    "0", "\"0.1\"", "true", "null", "\"1 000\"",
};
static const char *const counts[] = { "1", "3", "12", "1000000", "0", "1000001", "-1", "2.0",
                                      "\"2\"", "007", "true", "null" };
static const char *const bools[] = { "true", "false", "\"true\"", "1", "null" };

static void gen_item(rng *r, text *t)
{
    static const char *const skus[] = { "\"PHONE-S4\"", "\"A\"", "\"\"", "\"caf\\u00e9\"",
                                        "\"tab\\tbed\"", "\"\xC3\xA9t\xC3\xA9\"", "42",
                                        "\"a-much-longer-article-number-with-48-characters\"" };
    static const char *const categories[] = { "\"electronics\"", "\"unlisted\"", "null",
                                              "\"electronics\"" };
    static const char *const packagings[] = { "\"sealed\"", "\"opened\"", "\"damaged\"",
                                              "\"missing\"", "\"unknown\"", "\"Sealed\"" };
    static const char *const causes[] = { "\"unknown\"", "\"defect\"", "\"wear\"",
                                          "\"misuse\"", "\"accident\"", "\"weather\"" };
    static const char *const remedies[] = { "\"repair\"", "\"replace\"", "\"refund\"",
                                            "\"price_reduction\"", "\"none\"", "\"store_credit\"" };
    int order[RETOUR__IK__COUNT], first = 1;
    unsigned required = (1u << RETOUR__IK_SKU) | (1u << RETOUR__IK_PRICE) |
                        (1u << RETOUR__IK_DELIVERED);
    size_t n = choose_keys(r, order, RETOUR__IK__COUNT, required);
    put_str(t, "{");
    for (size_t k = 0; k < n; k++) {
        const char *v;
        switch (order[k]) {
        case RETOUR__IK_SKU: v = VALUE(r, skus, 2); break;
        case RETOUR__IK_CATEGORY: v = PICK(r, categories); break;
        case RETOUR__IK_PRICE: v = VALUE(r, amounts, 5); break;
        case RETOUR__IK_QUANTITY: v = VALUE(r, counts, 4); break;
        case RETOUR__IK_DELIVERED: case RETOUR__IK_NOTICED: v = VALUE(r, dates, 3); break;
        case RETOUR__IK_PACKAGING: v = VALUE(r, packagings, 4); break;
        case RETOUR__IK_CAUSE: v = VALUE(r, causes, 5); break;
        case RETOUR__IK_REMEDY: v = VALUE(r, remedies, 4); break;
        default: v = VALUE(r, bools, 2); break;
        }
        key_value(r, t, &first, retour__item_keys[order[k]], v);
    }
    gap(r, t);
    put_str(t, "}");
}

/* One request, valid or not, always with at least one key and never last_delivered (the
 * key the comparison adds). */
static void gen_request(rng *r, text *t)
{
    static const char *const types[] = { "\"withdrawal\"", "\"complaint\"", "\"return\"" };
    static const char *const countries[] = { "\"ES\"", "\"es\"", "\"ESP\"", "\"BE\"" };
    int order[RETOUR__RK__COUNT], first = 1;
    unsigned required = (1u << RETOUR__RK_TYPE) | (1u << RETOUR__RK_NOTIFIED) |
                        (1u << RETOUR__RK_ITEMS);
    size_t n;
    do
        n = choose_keys(r, order, RETOUR__RK__COUNT, required);
    while (n == 0);
    gap(r, t);
    put_str(t, "{");
    for (size_t k = 0; k < n; k++) {
        int id = order[k];
        if (id == RETOUR__RK_LAST_DELIVERED)
            continue;
        text v = { NULL, 0, 0 };
        switch (id) {
        case RETOUR__RK_TYPE: put_str(&v, VALUE(r, types, 2)); break;
        case RETOUR__RK_ORDERED: put_str(&v, VALUE(r, dates, 1)); break;
        case RETOUR__RK_NOTIFIED: put_str(&v, VALUE(r, dates, 2)); break;
        case RETOUR__RK_SHIPPING_PAID: put_str(&v, VALUE(r, amounts, 5)); break;
        case RETOUR__RK_WHOLE_ORDER: put_str(&v, VALUE(r, bools, 2)); break;
        case RETOUR__RK_ITEMS: {
            size_t items = next(r) % 32 == 0 ? 0 : 1 + next(r) % 3;
            put_str(&v, "[");
            for (size_t i = 0; i < items; i++) {
                if (i)
                    put_str(&v, ",");
                gap(r, &v);
                gen_item(r, &v);
            }
            put_str(&v, "]");
            break;
        }
        default: { /* customer */
            int co[RETOUR__CK__COUNT], cf = 1;
            size_t cn = choose_keys(r, co, RETOUR__CK__COUNT, 0);
            put_str(&v, "{");
            for (size_t c = 0; c < cn; c++) {
                const char *cv = co[c] == RETOUR__CK_SPEND     ? VALUE(r, amounts, 5)
                                 : co[c] == RETOUR__CK_COUNTRY ? VALUE(r, countries, 1)
                                                               : VALUE(r, counts, 5);
                key_value(r, &v, &cf, retour__customer_keys[co[c]], cv);
            }
            put_str(&v, "}");
            break;
        }
        }
        key_value(r, t, &first, retour__request_keys[id], v.s);
        free(v.s);
        if (first)
            first = 0;
    }
    if (first) /* only last_delivered was chosen */
        key_value(r, t, &first, "type", "\"withdrawal\"");
    gap(r, t);
    put_str(t, "}");
    gap(r, t);
}

/* The same request read twice: as written (plain ones take the fast path) and with
 * "last_delivered": null added before the last '}' (a null the fast path leaves to the
 * full reader, which treats it as absent). The results must be the same: the same fields
 * and places, or the same error at the same place with the same path and message. */
static void test_fast_path_matches_reader(void **state)
{
    const retour_policy *p = *state;
    retour_policy *jpy = NULL;
    static const char jpy_policy[] = "retour: 1\njurisdiction: NL\ncurrency: JPY\n";
    assert_int_equal(retour_policy_load_string(&jpy, jpy_policy, sizeof jpy_policy - 1,
                                               "jpy.yaml", NULL, NULL),
                     RETOUR_OK);
    retour_request *a = NULL, *b = NULL;
    assert_int_equal(retour_request_new(&a, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_request_new(&b, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    rng r = { 42 };
    size_t ok = 0, failed = 0;
    for (int i = 0; i < 40000; i++) {
        const retour_policy *policy = i % 10 == 9 ? jpy : p;
        text t = { NULL, 0, 0 };
        gen_request(&r, &t);
        char *end = strrchr(t.s, '}');
        assert_non_null(end);
        text u = { NULL, 0, 0 };
        put_str(&u, ""); /* t up to its last '}', the null key, then the rest */
        char *rest = end;
        char saved = *rest;
        *rest = '\0';
        put_str(&u, t.s);
        *rest = saved;
        put_str(&u, ",\"last_delivered\":null");
        put_str(&u, rest);
        retour_error ea, eb;
        int ra = retour_request_parse_json(a, policy, t.s, strlen(t.s), "r.json", &ea);
        int rb = retour_request_parse_json(b, policy, u.s, strlen(u.s), "r.json", &eb);
        if (ra != rb || ea.line != eb.line || ea.column != eb.column ||
            strcmp(ea.message, eb.message) != 0)
            print_error("request %d:\n%s\n%s\nfast: %d %d:%d [%s] %s\nfull: %d %d:%d [%s] %s\n",
                        i, t.s, u.s, ra, ea.line, ea.column, ea.path, ea.message, rb, eb.line,
                        eb.column, eb.path, eb.message);
        assert_int_equal(ra, rb);
        if (ra == RETOUR_OK) {
            assert_same_request(a, b, 1);
            assert_string_equal(a->country, b->country);
            ok++;
        } else {
            assert_int_equal(ea.code, eb.code);
            assert_int_equal(ea.line, eb.line);
            assert_int_equal(ea.column, eb.column);
            assert_int_equal(ea.offset, eb.offset);
            assert_string_equal(ea.path, eb.path);
            assert_string_equal(ea.message, eb.message);
            failed++;
        }
        free(t.s);
        free(u.s);
    }
    /* Both kinds are well represented. */
    print_message("fast path and full reader: %zu requests read alike, %zu errors alike\n", ok,
                  failed);
    assert_true(ok > 2000);
    assert_true(failed > 2000);
    retour_request_free(a);
    retour_request_free(b);
    retour_policy_free(jpy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_complaints_and_key_order),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_warm_reparse_allocates_nothing),
        cmocka_unit_test(test_key_lookup),
        cmocka_unit_test(test_fast_path_matches_reader),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
