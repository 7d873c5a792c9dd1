/* Allocation-failure tests through retour_options.allocator.
 *
 * A counting allocator fails the Nth allocation attempt (malloc or realloc). For every N from
 * 1 until the operation no longer reaches an Nth allocation, loading a policy, parsing a
 * request and evaluating must either fail with RETOUR_ENOMEM, leaving nothing allocated and
 * the output untouched, or succeed without having swallowed a failed allocation, with a
 * result identical to one made without failures. A warm evaluation must allocate nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "retour.h"
#include "decision_asserts.h"
#include "decision/decision.h"
#include "policy/policy.h"
#include "request/request.h"

#ifndef RETOUR_TEST_DATA
#error "RETOUR_TEST_DATA must be defined as the absolute path of tests/data"
#endif

/* No operation here needs anywhere near this many allocations; a loop that gets here never
 * stops failing. */
#define MAX_ATTEMPTS 5000

/* ------------------------------------------------------------------------------------
 * The counting allocator
 * ---------------------------------------------------------------------------------- */

typedef struct counter {
    long calls;    /* allocation attempts so far (malloc, and realloc of any pointer) */
    long fail_at;  /* 0: never fail; N: attempt number N returns NULL */
    long failed;   /* attempts that were made to fail */
    long live;     /* blocks allocated and not yet freed */
    int quarantine;          /* keep freed blocks, zero-filled, until counter_drain() */
    void *held[64];
    size_t held_count;
} counter;

/* Each block carries its size in front of it, aligned for any type. */
typedef union header {
    size_t size;
    max_align_t align;
} header;

static int should_fail(counter *c)
{
    c->calls++;
    if (c->fail_at != 0 && c->calls == c->fail_at) {
        c->failed++;
        return 1;
    }
    return 0;
}

static void *counting_malloc(void *ctx, size_t size)
{
    counter *c = ctx;
    if (should_fail(c))
        return NULL;
    header *h = malloc(sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    c->live++;
    return h + 1;
}

static void counting_free(void *ctx, void *ptr)
{
    counter *c = ctx;
    if (ptr == NULL)
        return;
    header *h = (header *)ptr - 1;
    c->live--;
    if (c->quarantine && c->held_count < sizeof c->held / sizeof c->held[0]) {
        /* Whatever still points in here now reads zeros: defined, and visible. */
        memset(ptr, 0, h->size);
        c->held[c->held_count++] = h;
        return;
    }
    free(h);
}

static void *counting_realloc(void *ctx, void *ptr, size_t size)
{
    counter *c = ctx;
    if (ptr == NULL)
        return counting_malloc(ctx, size);
    if (should_fail(c))
        return NULL;
    header *h = realloc((header *)ptr - 1, sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    return h + 1;
}

static void counter_drain(counter *c)
{
    for (size_t i = 0; i < c->held_count; i++)
        free(c->held[i]);
    c->held_count = 0;
}

/* Starts counting afresh; the attempt number `fail_at` (counted from now) will fail. */
static void counter_arm(counter *c, long fail_at)
{
    c->calls = 0;
    c->failed = 0;
    c->fail_at = fail_at;
}

static void counter_disarm(counter *c)
{
    c->fail_at = 0;
}

typedef struct env {
    counter count;
    retour_allocator allocator;
    retour_options options;
} env;

static void env_init(env *e)
{
    memset(e, 0, sizeof *e);
    e->allocator.malloc = counting_malloc;
    e->allocator.realloc = counting_realloc;
    e->allocator.free = counting_free;
    e->allocator.ctx = &e->count;
    retour_options init = RETOUR_OPTIONS_INIT;
    e->options = init;
    e->options.allocator = &e->allocator;
}

/* ------------------------------------------------------------------------------------
 * Inputs
 * ---------------------------------------------------------------------------------- */

static const char policy_text[] = "retour: 1\n"
                                  "shop: Goudsmid Allocfail\n"
                                  "jurisdiction: NL\n"
                                  "currency: EUR\n"
                                  "withdrawal:\n"
                                  "  days: 30\n"
                                  "  starts: delivery\n"
                                  "  return_within_days: 10\n"
                                  "  refund_within_days: 20\n"
                                  "  return_shipping: shop\n"
                                  "packaging:\n"
                                  "  damaged: deduct 12.5%\n"
                                  "  missing: deduct 5.00\n"
                                  "categories:\n"
                                  "  jewellery: {}\n"
                                  "  earrings: { exclusion: hygiene_sealed }\n"
                                  "  engraved:\n"
                                  "    exclusion: personalised\n"
                                  "  sale: { returnable: false }\n"
                                  "  media: { exclusion: sealed_media, exclusion_waived: true }\n"
                                  "default_category: jewellery\n"
                                  "complaints: { guarantee_months: 30, remedy: replace }\n"
                                  "goodwill:\n"
                                  "  - name: late-small\n"
                                  "    when: { type: withdrawal, max_days_late: 30,\n"
                                  "            categories: [jewellery, sale] }\n"
                                  "    grant: refund\n"
                                  "  - { name: oops, when: { cause: [accident, misuse] },\n"
                                  "      grant: repair_discount 50% }\n"
                                  "review: { claims_last_year: 5, amount: \"5000.00\" }\n";

/* A complaint per rule: a presumed defect with the consumer's choice of remedy, admitted
 * accidental damage granted goodwill, an expired guarantee, wear under review. */
static const char complaint_text[] =
    "type: complaint\n"
    "notified: 2026-03-12\n"
    "items:\n"
    "  - { sku: C1, category: jewellery, price: 10, delivered: 2026-01-10, remedy: replace }\n"
    "  - { sku: C2, category: jewellery, price: 20, delivered: 2026-01-10, cause: accident,\n"
    "      customer_admits_damage: true }\n"
    "  - { sku: C3, price: 30, delivered: 2020-01-10, remedy: refund }\n"
    "  - { sku: C4, category: earrings, price: 5, delivered: 2025-01-10, cause: wear }\n"
    "customer: { orders: 2, claims_last_year: 1 }\n";

/* Every rule at once: accepted, sealed, unsealed, personalised, deductions, the shop's
 * category, a waived exclusion, shipping not refunded (items rejected), deadlines raised
 * and capped: many reasons and strings, so every buffer of the decision grows. */
static const char request_text[] =
    "type: withdrawal\n"
    "ordered: 2026-03-01\n"
    "notified: 2026-03-12\n"
    "shipping_paid: \"6.95\"\n"
    "items:\n"
    "  - sku: RING-0001-SILVER-925-WITH-A-VERY-LONG-ARTICLE-NUMBER\n"
    "    category: jewellery\n"
    "    price: \"149.00\"\n"
    "    delivered: 2026-03-03\n"
    "    packaging: opened\n"
    "  - { sku: EAR-1, category: earrings, price: 19.95, delivered: 2026-03-03, packaging: sealed }\n"
    "  - { sku: EAR-2, category: earrings, price: 19.95, delivered: 2026-03-03, packaging: opened }\n"
    "  - { sku: ENG-1, category: engraved, price: \"89.00\", delivered: 2026-03-04 }\n"
    "  - { sku: BOX-1, price: \"40.00\", quantity: 3, delivered: 2026-03-04, packaging: damaged }\n"
    "  - { sku: BOX-2, category: unlisted-category, price: 12, delivered: 2026-03-04, packaging: missing }\n"
    "  - { sku: SALE-1, category: sale, price: \"9.99\", delivered: 2026-03-05 }\n"
    "  - { sku: CD-1, category: media, price: \"14.50\", delivered: 2026-03-05, packaging: opened }\n"
    "customer: { orders: 3, claims_last_year: 1, lifetime_spend: \"1234.56\" }\n";

static const char request_json[] =
    "{\"type\": \"withdrawal\", \"notified\": \"2026-03-12\", \"shipping_paid\": \"6.95\",\n"
    " \"items\": [\n"
    "  {\"sku\": \"RING-1\", \"category\": \"jewellery\", \"price\": \"149.00\",\n"
    "   \"delivered\": \"2026-03-03\", \"packaging\": \"opened\"},\n"
    "  {\"sku\": \"EAR-1\", \"category\": \"earrings\", \"price\": 19.95,\n"
    "   \"delivered\": \"2026-03-03\", \"packaging\": \"sealed\"}\n"
    " ],\n"
    " \"customer\": {\"orders\": 3}}\n";

/* ------------------------------------------------------------------------------------
 * Comparisons with a result made without failures
 * ---------------------------------------------------------------------------------- */

static void assert_same_string(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        if (a != b)
            print_error("one string is NULL: \"%.60s\" vs \"%.60s\"\n", a ? a : "(null)",
                        b ? b : "(null)");
        assert_ptr_equal(a, b);
        return;
    }
    assert_string_equal(a, b);
}

static void assert_same_policy(const retour_policy *a, const retour_policy *b)
{
    assert_string_equal(a->file, b->file);
    assert_string_equal(a->shop, b->shop);
    assert_string_equal(a->jurisdiction_code, b->jurisdiction_code);
    assert_ptr_equal(a->jurisdiction, b->jurisdiction);
    assert_string_equal(a->currency, b->currency);
    assert_int_equal(a->decimals, b->decimals);
    assert_int_equal(a->days, b->days);
    assert_int_equal(a->starts, b->starts);
    assert_int_equal(a->informed, b->informed);
    assert_int_equal(a->return_days, b->return_days);
    assert_int_equal(a->refund_days, b->refund_days);
    assert_int_equal(a->return_shipping, b->return_shipping);
    assert_int_equal(a->refund_outbound, b->refund_outbound);
    assert_int_equal(a->damaged.action, b->damaged.action);
    assert_int_equal(a->damaged.basis_points, b->damaged.basis_points);
    assert_int_equal(a->missing.action, b->missing.action);
    assert_int_equal(a->missing.amount, b->missing.amount);
    assert_int_equal(a->category_count, b->category_count);
    for (size_t i = 0; i < a->category_count; i++) {
        assert_string_equal(a->categories[i].name, b->categories[i].name);
        assert_int_equal(a->categories[i].exclusion, b->categories[i].exclusion);
        assert_int_equal(a->categories[i].waived, b->categories[i].waived);
        assert_int_equal(a->categories[i].returnable, b->categories[i].returnable);
        assert_int_equal(a->categories[i].src_exclusion.line, b->categories[i].src_exclusion.line);
    }
    assert_int_equal(a->default_category, b->default_category);
    assert_same_string(a->law_period, b->law_period);
    assert_same_string(a->law_extension, b->law_extension);
    assert_same_string(a->law_refund, b->law_refund);
    assert_same_string(a->law_return, b->law_return);
    assert_same_string(a->law_handling, b->law_handling);
    for (int e = 0; e < RETOUR__EXCL__COUNT; e++)
        assert_same_string(a->law_exception[e], b->law_exception[e]);
}

static void assert_same_request(const retour_request *a, const retour_request *b)
{
    assert_int_equal(a->type, b->type);
    assert_int_equal(a->ordered, b->ordered);
    assert_int_equal(a->notified, b->notified);
    assert_int_equal(a->last_delivered, b->last_delivered);
    assert_int_equal(a->shipping_paid, b->shipping_paid);
    assert_int_equal(a->whole_order, b->whole_order);
    assert_int_equal(a->customer_orders, b->customer_orders);
    assert_int_equal(a->claims_last_year, b->claims_last_year);
    assert_int_equal(a->lifetime_spend, b->lifetime_spend);
    assert_same_string(a->place.file, b->place.file);
    assert_int_equal(a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        assert_string_equal(a->items[i].sku, b->items[i].sku);
        assert_same_string(a->items[i].category, b->items[i].category);
        assert_int_equal(a->items[i].price, b->items[i].price);
        assert_int_equal(a->items[i].quantity, b->items[i].quantity);
        assert_int_equal(a->items[i].delivered, b->items[i].delivered);
        assert_int_equal(a->items[i].packaging, b->items[i].packaging);
        assert_int_equal(a->items[i].place.line, b->items[i].place.line);
    }
}

/* The decision as JSON, in a buffer the caller frees. */
static char *decision_json(const retour_decision *d)
{
    long n = retour_decision_to_json(d, RETOUR_LANG_EN, NULL, 0);
    assert_true(n > 0);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(retour_decision_to_json(d, RETOUR_LANG_EN, buf, (size_t)n + 1), n);
    return buf;
}

static retour_policy *reference_policy(const char *text, size_t len)
{
    retour_policy *p = NULL;
    retour_error err;
    int rc = retour_policy_load_string(&p, text, len, "policy.yaml", NULL, &err);
    if (rc)
        print_error("reference policy: %s\n", err.message);
    assert_int_equal(rc, RETOUR_OK);
    return p;
}

static retour_request *reference_request(const retour_policy *p, const char *text, size_t len)
{
    retour_request *r = NULL;
    retour_error err;
    int rc = retour_request_parse(&r, p, text, len, "request.yaml", NULL, &err);
    if (rc)
        print_error("reference request: %d:%d %s\n", err.line, err.column, err.message);
    assert_int_equal(rc, RETOUR_OK);
    return r;
}

/* ------------------------------------------------------------------------------------
 * The loops
 * ---------------------------------------------------------------------------------- */

static void check_enomem(int rc, const retour_error *err, const counter *c, long n)
{
    if (rc != RETOUR_ENOMEM || c->live != 0 || c->failed != 1)
        print_error("allocation %ld failed: rc %d, %ld blocks live, %ld failed, \"%s\"\n", n,
                    rc, c->live, c->failed, err->message);
    assert_int_equal(rc, RETOUR_ENOMEM);
    assert_int_equal(err->code, RETOUR_ENOMEM);
    assert_string_equal(err->message, "out of memory");
    assert_int_equal(c->failed, 1);
    assert_int_equal(c->live, 0);
}

static void check_success_swallowed_nothing(const counter *c, long n, const char *what)
{
    if (c->failed != 0)
        print_error("%s: allocation %ld of %ld failed, yet the call succeeded\n", what, n,
                    c->calls);
    assert_int_equal(c->failed, 0);
    assert_true(c->calls < n);
}

/* Loads text failing each allocation in turn; returns the number of allocations a full
 * load makes. what names the input in failure reports. */
static long policy_allocfail_loop(const char *text, size_t len, const char *what)
{
    retour_policy *ref = reference_policy(text, len);
    env e;
    env_init(&e);
    long n;
    for (n = 1; n < MAX_ATTEMPTS; n++) {
        retour_policy *p = NULL;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_policy_load_string(&p, text, len, "policy.yaml", &e.options, &err);
        if (rc == RETOUR_OK) {
            if (e.count.failed)
                print_error("%s: comparing with the reference after a failed allocation\n",
                            what);
            assert_same_policy(p, ref);
            check_success_swallowed_nothing(&e.count, n, what);
            retour_policy_free(p);
            assert_int_equal(e.count.live, 0);
            break;
        }
        assert_null(p);
        check_enomem(rc, &err, &e.count, n);
    }
    assert_true(n < MAX_ATTEMPTS);
    retour_policy_free(ref);
    return n - 1;
}

static void test_policy_load_allocfail(void **state)
{
    (void)state;
    long allocations = policy_allocfail_loop(policy_text, sizeof policy_text - 1, "policy");
    /* The policy, its arena and the document's arena at least: the allocator was used. */
    assert_true(allocations >= 3);
    /* The smallest policy too. */
    static const char minimal[] = "retour: 1\njurisdiction: NL\ncurrency: EUR\n";
    assert_true(policy_allocfail_loop(minimal, sizeof minimal - 1, "minimal policy") >= 3);
    /* A policy with versions and markets: every combination is a policy of its own. */
    static const char terms[] = "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
                                "versions:\n  - { from: 2026-03-01, withdrawal: { days: 20 } }\n"
                                "markets:\n  BE: { withdrawal: { days: 40 } }\n";
    assert_true(policy_allocfail_loop(terms, sizeof terms - 1, "policy with terms") >= 12);
    /* An error found after allocations were made frees them too. */
    env e;
    env_init(&e);
    static const char bad[] = "retour: 1\njurisdiction: NL\ncurrency: EUR\ncategories:\n"
                              "  a: {}\n  b: {exclusion: hygiene_seal}\n";
    for (long n = 0; n < 40; n++) {
        retour_policy *p = NULL;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_policy_load_string(&p, bad, sizeof bad - 1, "policy.yaml", &e.options,
                                           &err);
        assert_null(p);
        assert_true(rc == RETOUR_ESCHEMA || rc == RETOUR_ENOMEM);
        assert_int_equal(e.count.live, 0);
    }
}

static void test_policy_load_file_allocfail(void **state)
{
    (void)state;
    const char *path = RETOUR_TEST_DATA "/policies/jeweller.yaml";
    retour_policy *ref = NULL;
    assert_int_equal(retour_policy_load_file(&ref, path, NULL, NULL), RETOUR_OK);
    env e;
    env_init(&e);
    long n;
    for (n = 1; n < MAX_ATTEMPTS; n++) {
        retour_policy *p = NULL;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_policy_load_file(&p, path, &e.options, &err);
        if (rc == RETOUR_OK) {
            assert_same_policy(p, ref);
            check_success_swallowed_nothing(&e.count, n, path);
            retour_policy_free(p);
            assert_int_equal(e.count.live, 0);
            break;
        }
        assert_null(p);
        check_enomem(rc, &err, &e.count, n);
    }
    assert_true(n > 3 && n < MAX_ATTEMPTS);
    retour_policy_free(ref);
}

/* The legal lint copies message, article and fix of every finding: failing any of those
 * allocations fails the check with RETOUR_ENOMEM, frees everything, and calls nobody. */
static int count_findings(void *ctx, const retour_diagnostic *d)
{
    (void)d;
    ++*(int *)ctx;
    return 0;
}

static void test_policy_check_lint_allocfail(void **state)
{
    (void)state;
    const char *path = RETOUR_TEST_DATA "/../../examples/policies/bad-terms-nl.yaml";
    int want = 0;
    /* 23 errors and a warning. */
    assert_int_equal(retour_policy_check_file(path, NULL, count_findings, &want, NULL), 23);
    assert_int_equal(want, 24);
    env e;
    env_init(&e);
    long n;
    for (n = 1; n < MAX_ATTEMPTS; n++) {
        int seen = 0;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_policy_check_file(path, &e.options, count_findings, &seen, &err);
        assert_int_equal(e.count.live, 0);
        if (rc == 23) {
            assert_int_equal(seen, 24);
            break;
        }
        assert_int_equal(rc, RETOUR_ENOMEM);
        assert_int_equal(err.code, RETOUR_ENOMEM);
        assert_int_equal(seen, 0);
    }
    assert_true(n > 24 && n < MAX_ATTEMPTS);
}

/* The citations are composed into the policy's arena after the categories array. With k
 * categories the arena block fills up at a different citation each time; whichever needs
 * the new block, failing that allocation must fail the load, never leave a citation NULL. */
static void test_policy_citations_allocfail(void **state)
{
    (void)state;
    static char text[16384];
    for (int k = 1; k <= 90; k++) {
        size_t len = (size_t)snprintf(text, sizeof text, "%s",
                                      "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
                                      "withdrawal: {informed: false}\ncategories:\n");
        for (int i = 0; i < k; i++)
            len += (size_t)snprintf(text + len, sizeof text - len, "  c%02d: {}\n", i);
        assert_true(len < sizeof text);
        char what[32];
        snprintf(what, sizeof what, "%d categories", k);
        policy_allocfail_loop(text, len, what);
    }
}

static long request_allocfail_loop(const retour_policy *policy, const char *text, size_t len,
                                   const char *what)
{
    retour_request *ref = reference_request(policy, text, len);
    env e;
    env_init(&e);
    long n;
    for (n = 1; n < MAX_ATTEMPTS; n++) {
        retour_request *r = NULL;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_request_parse(&r, policy, text, len, "request.yaml", &e.options, &err);
        if (rc == RETOUR_OK) {
            if (e.count.failed)
                print_error("%s: comparing with the reference after a failed allocation\n",
                            what);
            assert_same_request(r, ref);
            check_success_swallowed_nothing(&e.count, n, what);
            retour_request_free(r);
            assert_int_equal(e.count.live, 0);
            break;
        }
        assert_null(r);
        check_enomem(rc, &err, &e.count, n);
    }
    assert_true(n < MAX_ATTEMPTS);
    retour_request_free(ref);
    return n - 1;
}

static void test_request_parse_allocfail(void **state)
{
    (void)state;
    retour_policy *p = reference_policy(policy_text, sizeof policy_text - 1);
    assert_true(request_allocfail_loop(p, request_text, sizeof request_text - 1, "YAML request") >= 4);
    assert_true(request_allocfail_loop(p, request_json, sizeof request_json - 1, "JSON request") >= 4);
    /* Many items: the document and the request grow through several blocks. */
    static char many[65536];
    size_t len = (size_t)snprintf(many, sizeof many, "%s",
                                  "type: withdrawal\nnotified: 2026-03-12\nitems:\n");
    for (int i = 0; i < 300; i++)
        len += (size_t)snprintf(many + len, sizeof many - len,
                                "  - { sku: ITEM-%04d-%s, category: cat-%d, price: \"%d.%02d\","
                                " quantity: %d, delivered: 2026-03-0%d, packaging: opened }\n",
                                i, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", i % 7, i, i % 100, 1 + i % 5,
                                1 + i % 9);
    assert_true(len < sizeof many);
    assert_true(request_allocfail_loop(p, many, len, "300 items") >= 20);
    retour_policy_free(p);
}

/* Strings longer than an arena block: each copy needs a block of its own, so a failure can
 * hit the copy of any one string. With no packaging key after the category, the copy of the
 * category must be checked as well. */
static void test_request_parse_allocfail_long_strings(void **state)
{
    (void)state;
    retour_policy *p = reference_policy(policy_text, sizeof policy_text - 1);
    static char text[32768];
    char long_name[4001]; /* within the default 4096-byte string limit, beyond an arena block */
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    size_t len = (size_t)snprintf(text, sizeof text,
                                  "type: withdrawal\nnotified: 2026-03-12\nitems:\n"
                                  "  - sku: A1\n    category: %s\n    price: 1\n"
                                  "    delivered: 2026-03-03\n"
                                  "  - sku: %s\n    category: jewellery\n    price: 1\n"
                                  "    delivered: 2026-03-03\n    packaging: opened\n",
                                  long_name, long_name);
    assert_true(len < sizeof text);
    request_allocfail_loop(p, text, len, "long strings");
    retour_policy_free(p);
}

/* ------------------------------------------------------------------------------------
 * Evaluation
 * ---------------------------------------------------------------------------------- */

/* A trace sink that reads every event and its message in both languages. */
static void count_step(void *ctx, const retour_trace_event *event)
{
    char buf[2048];
    assert_non_null(event->rule);
    assert_true(retour_trace_event_message(event, RETOUR_LANG_EN, buf, sizeof buf) > 0);
    assert_true(retour_trace_event_message(event, RETOUR_LANG_NL, buf, sizeof buf) > 0);
    (*(size_t *)ctx)++;
}

/* retour_evaluate(), or retour_evaluate_traced() into count_step when traced. */
static int evaluate(int traced, retour_decision *d, const retour_policy *p,
                    const retour_request *r, retour_error *err)
{
    size_t steps = 0;
    if (!traced)
        return retour_evaluate(d, p, r, err);
    int rc = retour_evaluate_traced(d, p, r, count_step, &steps, err);
    assert_true(rc != RETOUR_OK || steps > 0);
    return rc;
}

/* Fails every allocation of one evaluation in turn; each failure must leave a clean
 * ENOMEM and a decision that still decides correctly. Traced: the same through
 * retour_evaluate_traced(), whose trace allocates nothing of its own. */
static void evaluate_allocfail(const char *text, size_t len, retour_outcome outcome,
                               size_t min_reasons, size_t items, int traced)
{
    env e;
    env_init(&e);
    /* Policy and request through the counting allocator too, without failures. */
    retour_policy *p = NULL;
    retour_request *r = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1,
                                               "policy.yaml", &e.options, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_request_parse(&r, p, text, len, "request.yaml", &e.options, NULL),
                     RETOUR_OK);
    const long base_live = e.count.live;

    /* The reference decision, with the C allocator. */
    retour_decision *ref = NULL;
    assert_int_equal(retour_decision_new(&ref, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluate(ref, p, r, NULL), RETOUR_OK);
    char *ref_json = decision_json(ref);
    /* The request exercises what it should. */
    assert_int_equal(retour_decision_outcome(ref), outcome);
    assert_true(retour_decision_reason_count(ref) >= min_reasons);
    assert_int_equal(retour_decision_item_count(ref), items);

    long n;
    for (n = 1; n < MAX_ATTEMPTS; n++) {
        retour_decision *d = NULL;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_decision_new(&d, &e.options);
        if (rc != RETOUR_OK) {
            /* The first allocation is the decision itself. */
            assert_int_equal(n, 1);
            assert_int_equal(rc, RETOUR_ENOMEM);
            assert_null(d);
            assert_int_equal(e.count.live, base_live);
            continue;
        }
        rc = evaluate(traced, d, p, r, &err);
        if (rc == RETOUR_OK) {
            check_success_swallowed_nothing(&e.count, n, "evaluation");
            char *json = decision_json(d);
            assert_string_equal(json, ref_json);
            free(json);
            retour_decision_free(d);
            assert_int_equal(e.count.live, base_live);
            break;
        }
        if (rc != RETOUR_ENOMEM || e.count.failed != 1)
            print_error("allocation %ld: rc %d, %ld failed, %s\n", n, rc, e.count.failed,
                        err.message);
        assert_int_equal(rc, RETOUR_ENOMEM);
        assert_int_equal(err.code, RETOUR_ENOMEM);
        assert_int_equal(e.count.failed, 1);
        assert_no_result(d);
        /* The decision is still usable: without failures it gives the reference result. */
        counter_disarm(&e.count);
        assert_int_equal(evaluate(traced, d, p, r, &err), RETOUR_OK);
        char *json = decision_json(d);
        assert_string_equal(json, ref_json);
        free(json);
        retour_decision_free(d);
        assert_int_equal(e.count.live, base_live);
    }
    assert_true(n > 3 && n < MAX_ATTEMPTS);

    free(ref_json);
    retour_decision_free(ref);
    retour_request_free(r);
    retour_policy_free(p);
    assert_int_equal(e.count.live, 0);
}

static void test_evaluate_allocfail(void **state)
{
    (void)state;
    evaluate_allocfail(request_text, sizeof request_text - 1, RETOUR_OUTCOME_PARTIAL, 9, 8, 0);
    evaluate_allocfail(request_text, sizeof request_text - 1, RETOUR_OUTCOME_PARTIAL, 9, 8, 1);
}

static void test_evaluate_complaint_allocfail(void **state)
{
    (void)state;
    evaluate_allocfail(complaint_text, sizeof complaint_text - 1, RETOUR_OUTCOME_REVIEW, 6, 4, 0);
    evaluate_allocfail(complaint_text, sizeof complaint_text - 1, RETOUR_OUTCOME_REVIEW, 6, 4, 1);
}

static void test_warm_evaluate_allocates_nothing(void **state)
{
    (void)state;
    env e;
    env_init(&e);
    retour_policy *p = NULL;
    retour_request *big = NULL, *small = NULL;
    retour_decision *d = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1,
                                               "policy.yaml", &e.options, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_request_parse(&big, p, request_text, sizeof request_text - 1,
                                          "request.yaml", &e.options, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_request_parse(&small, p, request_json, sizeof request_json - 1,
                                          "request.json", &e.options, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, &e.options), RETOUR_OK);

    /* Warm-up: the decision's buffers grow. */
    long before = e.count.calls;
    assert_int_equal(retour_evaluate(d, p, big, NULL), RETOUR_OK);
    assert_true(e.count.calls > before);
    char *first = decision_json(d);

    /* The same evaluation again: not one allocation. */
    before = e.count.calls;
    long live = e.count.live;
    assert_int_equal(retour_evaluate(d, p, big, NULL), RETOUR_OK);
    assert_int_equal(e.count.calls, before);
    assert_int_equal(e.count.live, live);
    char *second = decision_json(d);
    assert_string_equal(second, first);

    /* A smaller request, then the big one again: the buffers fit, still nothing. */
    assert_int_equal(retour_evaluate(d, p, small, NULL), RETOUR_OK);
    assert_int_equal(retour_decision_item_count(d), 2);
    assert_int_equal(retour_evaluate(d, p, big, NULL), RETOUR_OK);
    assert_int_equal(e.count.calls, before);

    /* Reading the decision allocates nothing either. */
    char buf[8192];
    for (size_t i = 0; i < retour_decision_reason_count(d); i++)
        assert_true(retour_decision_reason_message(d, i, RETOUR_LANG_NL, buf, sizeof buf) > 0);
    assert_true(retour_decision_to_json(d, RETOUR_LANG_EN, buf, sizeof buf) > 0);
    assert_int_equal(e.count.calls, before);

    /* A warm traced evaluation allocates nothing either, and decides the same. */
    assert_int_equal(evaluate(1, d, p, big, NULL), RETOUR_OK);
    assert_int_equal(e.count.calls, before);
    char *traced = decision_json(d);
    assert_string_equal(traced, first);
    free(traced);

    /* A failed evaluation (no notification date) neither allocates nor breaks the warm state. */
    retour_request *empty = NULL;
    assert_int_equal(retour_request_new(&empty, RETOUR_REQUEST_WITHDRAWAL, &e.options), RETOUR_OK);
    before = e.count.calls;
    retour_error err;
    assert_int_equal(retour_evaluate(d, p, empty, &err), RETOUR_EREQUEST);
    assert_string_equal(err.path, "notified");
    assert_no_result(d);
    assert_int_equal(retour_evaluate(d, p, big, NULL), RETOUR_OK);
    assert_int_equal(e.count.calls, before);
    char *third = decision_json(d);
    assert_string_equal(third, first);

    free(first);
    free(second);
    free(third);
    retour_request_free(empty);
    retour_decision_free(d);
    retour_request_free(small);
    retour_request_free(big);
    retour_policy_free(p);
    assert_int_equal(e.count.live, 0);
}

/* ------------------------------------------------------------------------------------
 * The JSON API: evaluators and retour_evaluate_json
 * ---------------------------------------------------------------------------------- */

/* Creates an evaluator and decides a batch (JSON, YAML, a bad request) failing each
 * allocation in turn: each failure is a clean ENOMEM with nothing left allocated and the
 * output untouched; the success gives the batch's reference bytes. */
static void test_evaluator_allocfail(void **state)
{
    (void)state;
    env e;
    env_init(&e);
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1,
                                               "policy.yaml", NULL, NULL),
                     RETOUR_OK);
    static const char bad[] = "{\"type\": \"withdrawal\"}";
    const char *parts[] = { request_json, request_text, bad, complaint_text };
    size_t lengths[4];
    char texts[8192] = "";
    for (size_t i = 0; i < 4; i++) {
        lengths[i] = strlen(parts[i]);
        strcat(texts, parts[i]);
    }
    /* The reference, with the C allocator. */
    retour_evaluator *ref = NULL;
    const char *out = NULL;
    size_t len = 0, failed = 0;
    assert_int_equal(retour_evaluator_new(&ref, p, NULL), RETOUR_OK);
    assert_int_equal(retour_evaluator_evaluate_many(&out, &len, &failed, ref, texts, lengths, 4,
                                                    RETOUR_JSON_FULL, RETOUR_LANG_EN, NULL),
                     RETOUR_OK);
    assert_int_equal(failed, 1);
    char *want = strdup(out);
    assert_non_null(want);

    long n;
    for (n = 1; n < MAX_ATTEMPTS; n++) {
        retour_evaluator *ev = NULL;
        retour_error err;
        counter_arm(&e.count, n);
        int rc = retour_evaluator_new(&ev, p, &e.options);
        if (rc != RETOUR_OK) {
            assert_int_equal(rc, RETOUR_ENOMEM);
            assert_null(ev);
            assert_int_equal(e.count.live, 0);
            continue;
        }
        const char *got = (const char *)&got;
        size_t got_len = 77;
        rc = retour_evaluator_evaluate_many(&got, &got_len, NULL, ev, texts, lengths, 4,
                                            RETOUR_JSON_FULL, RETOUR_LANG_EN, &err);
        if (rc == RETOUR_OK) {
            check_success_swallowed_nothing(&e.count, n, "evaluate_many");
            assert_string_equal(got, want);
            assert_int_equal(got_len, len);
            retour_evaluator_free(ev);
            assert_int_equal(e.count.live, 0);
            break;
        }
        assert_int_equal(rc, RETOUR_ENOMEM);
        assert_int_equal(err.code, RETOUR_ENOMEM);
        assert_string_equal(err.message, "out of memory");
        assert_int_equal(e.count.failed, 1);
        assert_ptr_equal(got, (const char *)&got);
        assert_int_equal(got_len, 77);
        /* Still usable: without failures it gives the reference. */
        counter_disarm(&e.count);
        assert_int_equal(retour_evaluator_evaluate_many(&got, NULL, NULL, ev, texts, lengths, 4,
                                                        RETOUR_JSON_FULL, RETOUR_LANG_EN,
                                                        NULL),
                         RETOUR_OK);
        assert_string_equal(got, want);
        retour_evaluator_free(ev);
        assert_int_equal(e.count.live, 0);
    }
    assert_true(n > 5 && n < MAX_ATTEMPTS);
    free(want);
    retour_evaluator_free(ref);
    retour_policy_free(p);
}

/* retour_evaluate_json() with each allocation failing: ENOMEM, *out untouched, nothing
 * left; then the reference string. */
static void test_evaluate_json_allocfail(void **state)
{
    (void)state;
    env e;
    env_init(&e);
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1,
                                               "policy.yaml", &e.options, NULL),
                     RETOUR_OK);
    const long base_live = e.count.live;
    const char *inputs[] = { request_json, request_text };
    for (size_t i = 0; i < 2; i++) {
        char *ref = NULL;
        assert_int_equal(retour_evaluate_json(&ref, NULL, p, inputs[i], strlen(inputs[i]),
                                              RETOUR_LANG_EN, NULL),
                         RETOUR_OK);
        const long with_ref = e.count.live;
        long n;
        for (n = 1; n < MAX_ATTEMPTS; n++) {
            char *out = (char *)&out;
            retour_error err;
            counter_arm(&e.count, n);
            int rc = retour_evaluate_json(&out, NULL, p, inputs[i], strlen(inputs[i]),
                                          RETOUR_LANG_EN, &err);
            if (rc == RETOUR_OK) {
                check_success_swallowed_nothing(&e.count, n, "retour_evaluate_json");
                assert_string_equal(out, ref);
                retour_string_free(out);
                break;
            }
            assert_int_equal(rc, RETOUR_ENOMEM);
            assert_int_equal(err.code, RETOUR_ENOMEM);
            assert_int_equal(e.count.failed, 1);
            assert_int_equal(e.count.live, with_ref);
            assert_ptr_equal(out, (char *)&out);
        }
        counter_disarm(&e.count);
        assert_true(n > 3 && n < MAX_ATTEMPTS);
        retour_string_free(ref);
        assert_int_equal(e.count.live, base_live);
    }
    retour_policy_free(p);
}

/* ------------------------------------------------------------------------------------
 * Lifetimes
 * ---------------------------------------------------------------------------------- */

/* Blocks the quarantining allocator holds; freed by the teardown even when a test fails. */
static env quarantine_env;

static int drain_quarantine(void **state)
{
    (void)state;
    counter_drain(&quarantine_env.count);
    return 0;
}

/* The decision copies what it shows so that it outlives the request: freeing the request
 * (whose memory the allocator zero-fills here) must not change the decision's reasons. */
static void test_decision_outlives_request(void **state)
{
    (void)state;
    env *e = &quarantine_env;
    env_init(e);
    e->count.quarantine = 1;
    retour_policy *p = NULL;
    retour_request *r = NULL;
    retour_decision *d = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1,
                                               "policy.yaml", NULL, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_decision_new(&d, NULL), RETOUR_OK);
    static const char text[] = "type: withdrawal\nnotified: 2026-03-12\nitems:\n"
                               "  - sku: ENG-1\n    category: engraved\n    price: 89\n"
                               "    delivered: 2026-03-04\n";
    assert_int_equal(retour_request_parse(&r, p, text, sizeof text - 1, "request.yaml",
                                          &e->options, NULL),
                     RETOUR_OK);
    assert_int_equal(retour_evaluate(d, p, r, NULL), RETOUR_OK);
    char before[512], after[512];
    size_t excluded = (size_t)-1;
    for (size_t i = 0; i < retour_decision_reason_count(d); i++)
        if (strcmp(retour_decision_reason(d, i)->code, "excluded_personalised") == 0)
            excluded = i;
    assert_true(excluded != (size_t)-1);
    assert_true(retour_decision_reason_message(d, excluded, RETOUR_LANG_EN, before,
                                               sizeof before) > 0);
    /* The category starts the sentence, capitalised. */
    assert_non_null(strstr(before, "Engraved items are made to the consumer's specifications"));
    char *json_before = decision_json(d);

    retour_request_free(r);
    assert_int_equal(e->count.live, 0);

    assert_true(retour_decision_reason_message(d, excluded, RETOUR_LANG_EN, after,
                                               sizeof after) > 0);
    assert_string_equal(after, before);
    char *json_after = decision_json(d);
    assert_string_equal(json_after, json_before);

    free(json_before);
    free(json_after);
    retour_decision_free(d);
    retour_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_policy_load_allocfail),
        cmocka_unit_test(test_policy_load_file_allocfail),
        cmocka_unit_test(test_policy_citations_allocfail),
        cmocka_unit_test(test_policy_check_lint_allocfail),
        cmocka_unit_test(test_request_parse_allocfail),
        cmocka_unit_test(test_request_parse_allocfail_long_strings),
        cmocka_unit_test(test_evaluate_allocfail),
        cmocka_unit_test(test_evaluate_complaint_allocfail),
        cmocka_unit_test(test_warm_evaluate_allocates_nothing),
        cmocka_unit_test(test_evaluator_allocfail),
        cmocka_unit_test(test_evaluate_json_allocfail),
        cmocka_unit_test_teardown(test_decision_outlives_request, drain_quarantine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
