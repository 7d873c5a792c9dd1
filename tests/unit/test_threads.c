/* One compiled policy shared by several threads, each deciding its own requests: every
 * decision must equal the one made alone. Run under ThreadSanitizer as well. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

typedef struct job {
    const retour_policy *policy;
    int seed;
    int failures;
} job;

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
    static const char *const categories[] = { "earrings", "engraved", "jewellery" };
    static const retour_packaging packagings[] = { RETOUR_PACKAGING_SEALED, RETOUR_PACKAGING_OPENED,
                                                   RETOUR_PACKAGING_DAMAGED };
    job *j = arg;
    retour_request *req = NULL;
    retour_decision *dec = NULL;
    if (retour_request_new(&req, RETOUR_REQUEST_WITHDRAWAL, NULL) || retour_decision_new(&dec, NULL)) {
        j->failures++;
        return NULL;
    }
    retour_date delivered;
    retour_date_from_ymd(&delivered, 2026, 3, 2);
    uint32_t x = (uint32_t)j->seed * 2654435761u + 1;
    for (int i = 0; i < ROUNDS; i++) {
        x = x * 1103515245u + 12345u;
        int day = (int)(x >> 8) % 40;
        int kind = (int)(x >> 16) % 3;
        retour_packaging pkg = packagings[(x >> 20) % 3];
        int64_t price = 100 + (int64_t)((x >> 4) % 50000);
        retour_request_reset(req, RETOUR_REQUEST_WITHDRAWAL);
        retour_request_set_notified(req, delivered + day);
        retour_request_add_item(req, NULL, "SKU", categories[kind], price, 1, delivered, pkg);
        if (retour_evaluate(dec, j->policy, req, NULL) != RETOUR_OK ||
            retour_decision_outcome(dec) != expected(day, kind, pkg)) {
            j->failures++;
            continue;
        }
        int64_t want = 0;
        retour_outcome o = expected(day, kind, pkg);
        if (o == RETOUR_OUTCOME_ACCEPT)
            want = price;
        else if (o == RETOUR_OUTCOME_PARTIAL)
            want = price - (price * 2000 + 5000) / 10000;
        if (retour_decision_refund(dec) != want)
            j->failures++;
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
    pthread_t threads[THREADS];
    job jobs[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t] = (job){ policy, t + 1, 0 };
        assert_int_equal(pthread_create(&threads[t], NULL, worker, &jobs[t]), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        assert_int_equal(jobs[t].failures, 0);
    }
    retour_policy_free(policy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shared_policy_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
