/* Hostile sizes: a 100 MB request (in memory, as a file, from an endless device) and
 * 10,000 levels of nesting are refused with RETOUR_ELIMIT at once, the library's own
 * allocations staying small (a counting allocator measures the peak); long strings meet
 * max_string_bytes; hostile values (int64 overflow, impossible dates, bad UTF-8, NUL, line
 * breaks) get precise errors. libyaml's internal buffers use the C allocator and are not counted;
 * they stay bounded because parsing stops at the first level past max_depth. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>
#include <retour.h>

#define MB (1024u * 1024u)

/* ------------------------------------------------------------------------------------
 * An allocator that knows its peak
 * ---------------------------------------------------------------------------------- */

typedef struct meter {
    size_t live, peak;
} meter;

typedef union header {
    size_t size;
    max_align_t align;
} header;

static void *m_malloc(void *ctx, size_t size)
{
    meter *m = ctx;
    header *h = malloc(sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    m->live += size;
    if (m->live > m->peak)
        m->peak = m->live;
    return h + 1;
}

static void m_free(void *ctx, void *p)
{
    meter *m = ctx;
    if (p == NULL)
        return;
    header *h = (header *)p - 1;
    m->live -= h->size;
    free(h);
}

static void *m_realloc(void *ctx, void *p, size_t size)
{
    meter *m = ctx;
    if (p == NULL)
        return m_malloc(ctx, size);
    header *old = (header *)p - 1;
    size_t was = old->size;
    header *h = realloc(old, sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    m->live = m->live - was + size;
    if (m->live > m->peak)
        m->peak = m->live;
    return h + 1;
}

typedef struct fixture {
    meter m;
    retour_allocator allocator;
    retour_options options;
    retour_policy *policy;
} fixture;

static const char policy_text[] = "retour: 1\njurisdiction: NL\ncurrency: EUR\n";

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    f->allocator = (retour_allocator){ m_malloc, m_realloc, m_free, &f->m };
    retour_options init = RETOUR_OPTIONS_INIT;
    f->options = init;
    f->options.allocator = &f->allocator;
    if (retour_policy_load_string(&f->policy, policy_text, sizeof policy_text - 1, NULL, NULL,
                                  NULL))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    retour_policy_free(f->policy);
    assert_int_equal(f->m.live, 0);
    free(f);
    return 0;
}

/* ------------------------------------------------------------------------------------
 * Size
 * ---------------------------------------------------------------------------------- */

static void test_100mb_request_in_memory(void **state)
{
    fixture *f = *state;
    size_t size = 100u * MB;
    /* Untouched anonymous pages: the test itself costs no memory either. */
    char *text = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(text != MAP_FAILED);
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_parse(&r, f->policy, text, size, "big.yaml", &f->options,
                                          &err),
                     RETOUR_ELIMIT);
    assert_null(r);
    assert_int_equal(err.code, RETOUR_ELIMIT);
    assert_string_equal(err.file, "big.yaml");
    assert_string_equal(err.message,
                        "input of 104857600 bytes exceeds the limit of 1048576 bytes");
    assert_true(f->m.peak < 16 * 1024);
    /* The same through the policy loader and the simple API. */
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, text, size, NULL, &f->options, &err),
                     RETOUR_ELIMIT);
    assert_null(p);
    char *json = NULL;
    assert_int_equal(retour_evaluate_json(&json, NULL, f->policy, text, size, RETOUR_LANG_EN,
                                          &err),
                     RETOUR_ELIMIT);
    assert_null(json);
    assert_true(f->m.peak < 16 * 1024);
    munmap(text, size);
}

static void test_100mb_request_file(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/retour-limits-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* A sparse file: 100 MB long, no disk used. */
    assert_int_equal(ftruncate(fd, (off_t)100 * MB), 0);
    close(fd);
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_load_file(&r, f->policy, path, &f->options, &err),
                     RETOUR_ELIMIT);
    assert_null(r);
    assert_string_equal(err.file, path);
    assert_string_equal(err.message, "file is larger than the limit of 1048576 bytes");
    /* Refused on its size alone: not a byte was read into memory. */
    assert_int_equal(f->m.peak, 0);
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_file(&p, path, &f->options, &err), RETOUR_ELIMIT);
    assert_null(p);
    assert_int_equal(f->m.peak, 0);
    unlink(path);
}

static void test_endless_device(void **state)
{
    fixture *f = *state;
    /* No size to check in advance: reading stops one byte past the limit. */
    retour_request *r = NULL;
    retour_error err;
    f->options.max_input_bytes = 100000;
    assert_int_equal(retour_request_load_file(&r, f->policy, "/dev/zero", &f->options, &err),
                     RETOUR_ELIMIT);
    assert_null(r);
    assert_string_equal(err.message, "file is larger than the limit of 100000 bytes");
    assert_true(f->m.peak <= 2 * 100002);
    f->options.max_input_bytes = 0; /* the default, 1 MiB */
    f->m.peak = 0;
    assert_int_equal(retour_request_load_file(&r, f->policy, "/dev/zero", &f->options, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "file is larger than the limit of 1048576 bytes");
    assert_true(f->m.peak <= 2 * (MB + 2));
}

/* ------------------------------------------------------------------------------------
 * Nesting
 * ---------------------------------------------------------------------------------- */

/* prefix, then `unit` repeated n times. */
static char *repeat(const char *prefix, const char *unit, size_t n, size_t *len)
{
    size_t p = strlen(prefix), u = strlen(unit);
    char *s = malloc(p + u * n + 1);
    assert_non_null(s);
    memcpy(s, prefix, p);
    for (size_t i = 0; i < n; i++)
        memcpy(s + p + i * u, unit, u);
    s[p + u * n] = '\0';
    *len = p + u * n;
    return s;
}

static void check_deep(fixture *f, const char *prefix, const char *unit, int line, int column,
                       const char *path)
{
    size_t len;
    char *text = repeat(prefix, unit, 10000, &len);
    retour_request *r = NULL;
    retour_error err;
    f->m.peak = 0;
    assert_int_equal(retour_request_parse(&r, f->policy, text, len, "deep.yaml", &f->options,
                                          &err),
                     RETOUR_ELIMIT);
    assert_null(r);
    assert_string_equal(err.message, "nesting deeper than 32 levels");
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_string_equal(err.path, path);
    /* 33 levels of nodes and scratch arrays, not 10,000. */
    assert_true(f->m.peak < 64 * 1024);
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, text, len, "deep.yaml", &f->options, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "nesting deeper than 32 levels");
    free(text);
}

static void test_10000_levels(void **state)
{
    fixture *f = *state;
    size_t len;
    char *lists = repeat("items", "[0]", 31, &len);
    char *maps = repeat("items", ".a", 30, &len);
    char *block = repeat("", "[0]", 32, &len);
    /* Flow lists: the root mapping is level 1, "items: [" level 2, the 32nd '[' level 33. */
    check_deep(f, "items: ", "[", 1, 8 + 31, lists);
    /* Flow mappings: a key is a level too, the one in the 31st '{' is the 33rd. */
    check_deep(f, "items: ", "{a: ", 1, 8 + 30 * 4 + 1, maps);
    /* Block lists on one line ("- - - x"): the root list is level 1. */
    check_deep(f, "", "- ", 1, 1 + 32 * 2, block);
    free(lists);
    free(maps);
    free(block);
}

/* ------------------------------------------------------------------------------------
 * Strings
 * ---------------------------------------------------------------------------------- */

static void test_string_limit(void **state)
{
    fixture *f = *state;
    char text[6000];
    char sku[4098];
    memset(sku, 'S', sizeof sku - 1);
    sku[sizeof sku - 1] = '\0';
    int n = snprintf(text, sizeof text,
                     "type: withdrawal\nnotified: 2026-03-12\nitems:\n"
                     "  - sku: %s\n    price: 1\n    delivered: 2026-03-03\n", sku);
    assert_true(n > 0 && (size_t)n < sizeof text);
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_parse(&r, f->policy, text, (size_t)n, "long.yaml",
                                          &f->options, &err),
                     RETOUR_ELIMIT);
    assert_null(r);
    assert_string_equal(err.message, "a value of 4097 bytes exceeds the limit of 4096 bytes");
    assert_string_equal(err.path, "items[0].sku");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 10);
    /* 4096 bytes are fine. */
    sku[4096] = '\0';
    n = snprintf(text, sizeof text,
                 "type: withdrawal\nnotified: 2026-03-12\nitems:\n"
                 "  - sku: %s\n    price: 1\n    delivered: 2026-03-03\n", sku);
    assert_int_equal(retour_request_parse(&r, f->policy, text, (size_t)n, "long.yaml",
                                          &f->options, &err),
                     RETOUR_OK);
    retour_request_free(r);
    r = NULL;
    /* A lower limit applies to keys as well as values. */
    f->options.max_string_bytes = 5;
    assert_int_equal(retour_request_parse(&r, f->policy, text, (size_t)n, "long.yaml",
                                          &f->options, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "a value of 10 bytes exceeds the limit of 5 bytes");
    assert_int_equal(err.line, 1); /* "withdrawal", the first string longer than 5 bytes */
    assert_int_equal(err.column, 7);
    assert_string_equal(err.path, "type");
    retour_policy *p = NULL;
    assert_int_equal(retour_policy_load_string(&p, policy_text, sizeof policy_text - 1, NULL,
                                               &f->options, &err),
                     RETOUR_ELIMIT);
    assert_string_equal(err.message, "a value of 6 bytes exceeds the limit of 5 bytes");
    assert_null(p);
}

/* ------------------------------------------------------------------------------------
 * Hostile values
 * ---------------------------------------------------------------------------------- */

static void fails(fixture *f, const char *text, size_t len, int code, int line, int column,
                  const char *path, const char *message)
{
    retour_request *r = NULL;
    retour_error err;
    assert_int_equal(retour_request_parse(&r, f->policy, text, len, "r.yaml", NULL, &err), code);
    assert_null(r);
    assert_int_equal(err.code, code);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_string_equal(err.path, path);
    assert_string_equal(err.message, message);
}

#define REQ(sku, price, delivered)                                                         \
    "type: withdrawal\nnotified: 2026-03-12\nitems:\n  - sku: " sku "\n    price: " price \
    "\n    delivered: " delivered "\n"
#define FAILS(text, ...) fails(f, (text), sizeof(text) - 1, __VA_ARGS__)

static void test_hostile_values(void **state)
{
    fixture *f = *state;
    /* INT64_MAX cents is the largest amount; one cent more overflows. */
    static const char max[] = REQ("A", "\"92233720368547758.07\"", "2026-03-03");
    retour_request *r = NULL;
    assert_int_equal(retour_request_parse(&r, f->policy, max, sizeof max - 1, NULL, NULL, NULL),
                     RETOUR_OK);
    retour_request_free(r);
    FAILS(REQ("A", "\"92233720368547758.08\"", "2026-03-03"), RETOUR_ERANGE, 5, 12,
          "items[0].price", "amount '92233720368547758.08' is invalid: too large (EUR has 2)");
    FAILS(REQ("A", "99999999999999999999999", "2026-03-03"), RETOUR_ERANGE, 5, 12,
          "items[0].price", "amount '99999999999999999999999' is invalid: too large (EUR has 2)");
    /* Dates outside years 1..9999 and days that do not exist. */
    FAILS(REQ("A", "1", "2026-02-30"), RETOUR_ERANGE, 6, 16, "items[0].delivered",
          "'2026-02-30' is not a valid date (years 1 to 9999, real days of the month)");
    FAILS(REQ("A", "1", "0000-12-31"), RETOUR_ERANGE, 6, 16, "items[0].delivered",
          "'0000-12-31' is not a valid date (years 1 to 9999, real days of the month)");
    FAILS(REQ("A", "1", "10000-01-01"), RETOUR_ESCHEMA, 6, 16, "items[0].delivered",
          "expected a date YYYY-MM-DD, found '10000-01-01'");
    /* NUL: escaped in a quoted value, or a raw byte. */
    FAILS(REQ("\"A\\0B\"", "1", "2026-03-03"), RETOUR_ESYNTAX, 4, 10, "items[0].sku",
          "NUL character in a value");
    FAILS(REQ("A\0B", "1", "2026-03-03"), RETOUR_ESYNTAX, 4, 11, "",
          "control characters are not allowed (the file must be UTF-8 text without control "
          "characters)");
    /* Invalid UTF-8: a bad continuation byte, an encoded surrogate. */
    FAILS(REQ("\xc3\x28", "1", "2026-03-03"), RETOUR_ESYNTAX, 4, 11, "",
          "invalid trailing UTF-8 octet (the file must be UTF-8 text without control "
          "characters)");
    FAILS(REQ("\xed\xa0\x80", "1", "2026-03-03"), RETOUR_ESYNTAX, 4, 10, "",
          "invalid Unicode character (the file must be UTF-8 text without control characters)");
    /* A value with line breaks and an escape character stays one line in the message
     * (found by fuzzing: the message used to carry the raw line break). */
    FAILS("type: \"with\\ndrawal\\e\"\n", RETOUR_ESCHEMA, 1, 7, "type",
          "unknown value 'with\\ndrawal\\x1b'; did you mean 'withdrawal'? (expected one of: "
          "withdrawal, complaint)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_100mb_request_in_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_100mb_request_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_endless_device, setup, teardown),
        cmocka_unit_test_setup_teardown(test_10000_levels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_values, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
