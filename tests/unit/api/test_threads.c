/* One compiled policy shared by several threads, each deciding its own requests: every
 * decision must equal the one made alone, outcome, refund and the whole JSON (reasons,
 * deadlines, messages) alike, with half the threads tracing their evaluations. Run under
 * ThreadSanitizer too (scripts/sanitizers). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <retour.h>

#define THREADS 4
#define ROUNDS 2000

static const char policy_yaml[] =
    "retour: 1\n"
    "jurisdiction: NL\n"
    "currency: EUR\n"
    "withdrawal: { days: 30 }\n"
    "packaging: { damaged: deduct 20% }\n"
    "categories:\n"
    "  earrings: { exclusion: hygiene_sealed }\n"
    "  engraved: { exclusion: personalised }\n"
    "  jewellery: {}\n"
    "default_category: jewellery\n";

/* Requests vary by day (40), category (3), packaging (3) and price (5): the JSON of every
 * combination is computed once, alone, before the threads start. */
#define DAYS 40
#define PRICES 5
#define COMBINATIONS (DAYS * 3 * 3 * PRICES)

static char *reference[COMBINATIONS];

typedef struct job {
    const retour_policy *policy;
    int seed;
    int failures;
    int checked;
} job;

static const char *const categories[] = { "earrings", "engraved", "jewellery" };
static const retour_packaging packagings[] = { RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_OPENED,
                                               RETOUR_PACKAGING_DAMAGED };

static int64_t price_of(int p)
{
    return 100 + (int64_t)p * 12345;
}

static int combination(int day, int kind, int pkg, int price)
{
    return ((day * 3 + kind) * 3 + pkg) * PRICES + price;
}

/* A trace sink: counts the steps and writes each message, on the thread that decides. */
static void count_step(void *ctx, const retour_trace_event *event)
{
    char buf[512];
    if (retour_trace_event_message(event, RETOUR_LANG_NL, buf, sizeof buf) > 0)
        (*(int *)ctx)++;
}

/* Builds the request into req and decides it, traced into *steps unless steps is NULL;
 * 0 on success. */
static int decide(retour_decision *dec, retour_request *req, const retour_policy *policy,
                  int day, int kind, int pkg, int price, int *steps)
{
    retour_date delivered;
    if (retour_date_from_ymd(&delivered, 2026, 3, 2) ||
        retour_request_reset(req, RETOUR_REQUEST_WITHDRAWAL) ||
        retour_request_set_notified(req, delivered + day) ||
        retour_request_add_item(req, NULL, "SKU", categories[kind], price_of(price), 1,
                                delivered, packagings[pkg]))
        return -1;
    if (steps)
        return retour_evaluate_traced(dec, policy, req, count_step, steps, NULL);
    return retour_evaluate(dec, policy, req, NULL);
}

static char *json_of(const retour_decision *dec)
{
    long n = retour_decision_to_json(dec, RETOUR_LANG_NL, NULL, 0);
    char *s = n > 0 ? malloc((size_t)n + 1) : NULL;
    if (s && retour_decision_to_json(dec, RETOUR_LANG_NL, s, (size_t)n + 1) != n) {
        free(s);
        s = NULL;
    }
    return s;
}

/* The decision a request must get, derived independently of the library. */
static retour_outcome expected(int day, int kind, retour_packaging pkg)
{
    if (day > 30)
        return RETOUR_OUTCOME_REJECT;
    if (kind == 1)
        return RETOUR_OUTCOME_REJECT; /* engraved */
    if (kind == 0 && pkg != RETOUR_PACKAGING_SEALED)
        return RETOUR_OUTCOME_REJECT; /* unsealed earrings */
    if (kind == 2 && pkg == RETOUR_PACKAGING_DAMAGED)
        return RETOUR_OUTCOME_PARTIAL;
    return RETOUR_OUTCOME_ACCEPT;
}

static void *worker(void *arg)
{
    job *j = arg;
    retour_request *req = NULL;
    retour_decision *dec = NULL;
    if (retour_request_new(&req, RETOUR_REQUEST_WITHDRAWAL, NULL) || retour_decision_new(&dec, NULL)) {
        j->failures++;
        return NULL;
    }
    uint32_t x = (uint32_t)j->seed * 2654435761u + 1;
    for (int i = 0; i < ROUNDS; i++) {
        x = x * 1103515245u + 12345u;
        int day = (int)(x >> 8) % DAYS;
        int kind = (int)(x >> 16) % 3;
        int pkg = (int)(x >> 20) % 3;
        int price = (int)(x >> 4) % PRICES;
        j->checked++;
        /* Odd threads decide traced: the same decisions, the trace on their own stack. */
        int steps = 0;
        if (decide(dec, req, j->policy, day, kind, pkg, price, j->seed % 2 ? &steps : NULL) !=
                RETOUR_OK ||
            (j->seed % 2 && steps == 0) ||
            retour_decision_outcome(dec) != expected(day, kind, packagings[pkg])) {
            j->failures++;
            continue;
        }
        int64_t want = 0, value = price_of(price);
        retour_outcome o = expected(day, kind, packagings[pkg]);
        if (o == RETOUR_OUTCOME_ACCEPT)
            want = value;
        else if (o == RETOUR_OUTCOME_PARTIAL)
            want = value - (value * 2000 + 5000) / 10000;
        char *json = json_of(dec);
        if (retour_decision_refund(dec) != want || json == NULL ||
            strcmp(json, reference[combination(day, kind, pkg, price)]) != 0)
            j->failures++;
        free(json);
    }
    retour_decision_free(dec);
    retour_request_free(req);
    return NULL;
}

static void shared_policy_across_threads(void **state)
{
    (void)state;
    retour_policy *policy = NULL;
    assert_int_equal(retour_policy_load_string(&policy, policy_yaml, sizeof policy_yaml - 1,
                                               "threads.yaml", NULL, NULL),
                     RETOUR_OK);
    retour_request *req = NULL;
    retour_decision *dec = NULL;
    assert_int_equal(retour_request_new(&req, RETOUR_REQUEST_WITHDRAWAL, NULL), RETOUR_OK);
    assert_int_equal(retour_decision_new(&dec, NULL), RETOUR_OK);
    for (int day = 0; day < DAYS; day++)
        for (int kind = 0; kind < 3; kind++)
            for (int pkg = 0; pkg < 3; pkg++)
                for (int price = 0; price < PRICES; price++) {
                    int c = combination(day, kind, pkg, price);
                    assert_int_equal(decide(dec, req, policy, day, kind, pkg, price, NULL), RETOUR_OK);
                    reference[c] = json_of(dec);
                    assert_non_null(reference[c]);
                }
    retour_decision_free(dec);
    retour_request_free(req);

    pthread_t threads[THREADS];
    job jobs[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t] = (job){ policy, t + 1, 0, 0 };
        assert_int_equal(pthread_create(&threads[t], NULL, worker, &jobs[t]), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        assert_int_equal(jobs[t].failures, 0);
        assert_int_equal(jobs[t].checked, ROUNDS); /* every round was decided and compared */
    }
    for (int c = 0; c < COMBINATIONS; c++)
        free(reference[c]);
    retour_policy_free(policy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shared_policy_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
