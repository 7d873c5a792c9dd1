/* Unit tests for retour_diff_* (lib/api/diff.c): a request decided under two policies, each
 * kind of change counted (the decision, or only its details), the groups of changed
 * decisions with their refund difference, most requests first, and bad calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "evaluation_support.h"

static retour_policy *policy_of(const char *yaml)
{
    retour_policy *p = NULL;
    retour_error err;
    assert_int_equal(retour_policy_load_string(&p, yaml, strlen(yaml), "p.yaml", NULL, &err),
                     RETOUR_OK);
    return p;
}

/* One sealed item of 50.00 delivered on 2026-03-02, notified `days` later. */
static void request_on(fx *f, int days)
{
    reset(f, ymd(2026, 3, 2) + days);
    add(f, "A", NULL, 5000, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_SEALED);
}

static void test_changes_counted_and_grouped(void **state)
{
    fx *f = *state;
    retour_policy *old_p = policy_of(HEAD("NL") "withdrawal: { days: 30 }\n");
    retour_policy *new_p = policy_of(HEAD("NL") "withdrawal: { days: 30, return_within_days: 20 }\n"
                                     "packaging: { damaged: deduct 10% }\n");
    retour_policy *strict = policy_of(HEAD("NL"));
    retour_diff *diff = NULL;
    assert_int_equal(retour_diff_new(&diff, old_p, strict, NULL), RETOUR_OK);
    retour_change c;
    retour_error err;
    /* Day 10: accepted under both, but the deadline is the law's 14th day instead of the
     * shop's 30th: a detail. */
    request_on(f, 10);
    assert_int_equal(retour_diff_add(diff, f->r, &c, &err), RETOUR_OK);
    assert_int_equal(c, RETOUR_CHANGE_DETAIL);
    /* Day 20 and 25: inside 30 days, after the law's 14: accept -> reject, 50.00 each. */
    request_on(f, 20);
    assert_int_equal(retour_diff_add(diff, f->r, &c, &err), RETOUR_OK);
    assert_int_equal(c, RETOUR_CHANGE_DECISION);
    const retour_decision *a, *b;
    retour_diff_decisions(diff, &a, &b);
    assert_int_equal(retour_decision_outcome(a), RETOUR_OUTCOME_ACCEPT);
    assert_int_equal(retour_decision_outcome(b), RETOUR_OUTCOME_REJECT);
    request_on(f, 25);
    assert_int_equal(retour_diff_add(diff, f->r, NULL, &err), RETOUR_OK);
    assert_int_equal(retour_diff_count(diff, RETOUR_CHANGE_NONE), 0);
    assert_int_equal(retour_diff_count(diff, RETOUR_CHANGE_DETAIL), 1);
    assert_int_equal(retour_diff_count(diff, RETOUR_CHANGE_DECISION), 2);
    assert_int_equal(retour_diff_refund_difference(diff), -10000);
    assert_int_equal(retour_diff_group_count(diff), 1);
    retour_diff_group g;
    assert_int_equal(retour_diff_group_at(diff, 0, &g), RETOUR_OK);
    assert_int_equal(g.old_outcome, RETOUR_OUTCOME_ACCEPT);
    assert_int_equal(g.new_outcome, RETOUR_OUTCOME_REJECT);
    assert_string_equal(g.reason, "withdrawal_period_expired");
    assert_int_equal(g.count, 2);
    assert_int_equal(g.refund_difference, -10000);
    assert_int_equal(retour_diff_group_at(diff, 1, &g), RETOUR_EINVAL);
    retour_diff_free(diff);

    /* The same terms: nothing changes. */
    assert_int_equal(retour_diff_new(&diff, old_p, old_p, NULL), RETOUR_OK);
    request_on(f, 5);
    assert_int_equal(retour_diff_add(diff, f->r, &c, &err), RETOUR_OK);
    assert_int_equal(c, RETOUR_CHANGE_NONE);
    retour_diff_free(diff);
    /* A longer time to send the goods back changes only a deadline: a detail. */
    assert_int_equal(retour_diff_new(&diff, old_p, new_p, NULL), RETOUR_OK);
    request_on(f, 5);
    assert_int_equal(retour_diff_add(diff, f->r, &c, &err), RETOUR_OK);
    assert_int_equal(c, RETOUR_CHANGE_DETAIL);
    assert_int_equal(retour_diff_group_count(diff), 0);
    /* Damaged packaging now costs 10%: the refund changes, the outcome too (partial). */
    reset(f, ymd(2026, 3, 7));
    add(f, "A", NULL, 5000, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_DAMAGED);
    assert_int_equal(retour_diff_add(diff, f->r, &c, &err), RETOUR_OK);
    assert_int_equal(c, RETOUR_CHANGE_DECISION);
    assert_int_equal(retour_diff_refund_difference(diff), -500);
    retour_diff_free(diff);
    retour_policy_free(new_p);
    retour_policy_free(strict);
    retour_policy_free(old_p);
}

/* The groups are ordered by count: a later, larger group moves ahead. */
static void test_groups_most_first(void **state)
{
    fx *f = *state;
    retour_policy *old_p = policy_of(HEAD("NL") "withdrawal: { days: 30 }\n");
    retour_policy *new_p = policy_of(HEAD("NL") "packaging: { damaged: deduct 10% }\n");
    retour_diff *diff = NULL;
    retour_error err;
    assert_int_equal(retour_diff_new(&diff, old_p, new_p, NULL), RETOUR_OK);
    reset(f, ymd(2026, 3, 7)); /* damaged: accept -> partial, once */
    add(f, "A", NULL, 5000, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_DAMAGED);
    assert_int_equal(retour_diff_add(diff, f->r, NULL, &err), RETOUR_OK);
    for (int k = 0; k < 2; k++) { /* late: accept -> reject, twice */
        request_on(f, 20 + k);
        assert_int_equal(retour_diff_add(diff, f->r, NULL, &err), RETOUR_OK);
    }
    retour_diff_group g;
    assert_int_equal(retour_diff_group_count(diff), 2);
    assert_int_equal(retour_diff_group_at(diff, 0, &g), RETOUR_OK);
    assert_int_equal(g.count, 2);
    assert_int_equal(g.new_outcome, RETOUR_OUTCOME_REJECT);
    assert_int_equal(retour_diff_group_at(diff, 1, &g), RETOUR_OK);
    assert_int_equal(g.new_outcome, RETOUR_OUTCOME_PARTIAL);
    retour_diff_free(diff);
    retour_policy_free(new_p);
    retour_policy_free(old_p);
}

static void test_bad_calls(void **state)
{
    fx *f = *state;
    retour_policy *eur = policy_of(HEAD("NL"));
    static const char jpy_text[] = "retour: 1\njurisdiction: NL\ncurrency: JPY\n";
    retour_policy *jpy = policy_of(jpy_text);
    retour_diff *diff = NULL;
    retour_error err;
    assert_int_equal(retour_diff_new(NULL, eur, eur, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_diff_new(&diff, NULL, eur, NULL), RETOUR_EINVAL);
    assert_int_equal(retour_diff_new(&diff, eur, jpy, NULL), RETOUR_EINVAL);
    assert_null(diff);
    assert_int_equal(retour_diff_add(NULL, f->r, NULL, &err), RETOUR_EINVAL);
    assert_int_equal(retour_diff_count(NULL, RETOUR_CHANGE_NONE), 0);
    assert_int_equal(retour_diff_group_count(NULL), 0);
    retour_diff_group g;
    assert_int_equal(retour_diff_group_at(NULL, 0, &g), RETOUR_EINVAL);
    /* A request that cannot be decided is the evaluation's error; nothing is counted. */
    assert_int_equal(retour_diff_new(&diff, eur, eur, NULL), RETOUR_OK);
    reset(f, ymd(2026, 3, 7));
    assert_int_equal(retour_diff_add(diff, f->r, NULL, &err), RETOUR_EREQUEST);
    assert_string_equal(err.path, "items");
    assert_int_equal(retour_diff_count(diff, RETOUR_CHANGE_NONE), 0);
    retour_diff_free(diff);
    retour_diff_free(NULL);
    retour_policy_free(jpy);
    retour_policy_free(eur);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_changes_counted_and_grouped),
        T(test_groups_most_first),
        T(test_bad_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
