/* Unit tests for retour_evaluate_traced() (lib/rules/trace.c and the evaluator's hooks): the
 * events of a few requests, rule by rule (id, item, matched, reason, policy line and
 * column, law), their messages in English and Dutch, that a traced evaluation decides
 * exactly as retour_evaluate() does, and the misuse answers. Policies are inline YAML;
 * requests are built through the C API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluation_support.h"

/* The events of one evaluation, copied while the callback holds them. */
#define MAX_STEPS 32

typedef struct step {
    char rule[48];
    long rule_index;
    char rule_name[48];
    long item;
    int matched;
    char reason[48];
    int has_law;
    int line, column;
    char en[512], nl[512];
} step;

typedef struct trace {
    step steps[MAX_STEPS];
    size_t count;
} trace;

static void copy(char *to, size_t size, const char *s)
{
    snprintf(to, size, "%s", s ? s : "");
}

static void record(void *ctx, const retour_trace_event *e)
{
    trace *t = ctx;
    assert_true(t->count < MAX_STEPS);
    step *s = &t->steps[t->count++];
    copy(s->rule, sizeof s->rule, e->rule);
    s->rule_index = e->rule_index;
    copy(s->rule_name, sizeof s->rule_name, e->rule_name);
    s->item = e->item;
    s->matched = e->matched;
    copy(s->reason, sizeof s->reason, e->reason);
    s->has_law = e->law != NULL;
    s->line = e->source_line;
    s->column = e->source_column;
    if (e->source_file)
        assert_string_equal(e->source_file, POLICY_NAME);
    else
        assert_int_equal(e->source_line, 0);
    /* Measuring gives the length writing needs; both languages have a message. */
    int n = retour_trace_event_message(e, RETOUR_LANG_EN, NULL, 0);
    assert_true(n > 0);
    assert_int_equal(retour_trace_event_message(e, RETOUR_LANG_EN, s->en, sizeof s->en), n);
    assert_true(retour_trace_event_message(e, RETOUR_LANG_NL, s->nl, sizeof s->nl) > 0);
    assert_null(strchr(s->en, '{'));
    assert_null(strchr(s->nl, '{'));
    assert_int_equal(retour_trace_event_message(e, RETOUR_LANG__COUNT, s->en, sizeof s->en),
                     RETOUR_EINVAL);
    assert_int_equal(retour_trace_event_message(e, RETOUR_LANG_EN, NULL, 5), RETOUR_EINVAL);
}

/* Evaluates traced into t and checks the decision equals the untraced one. */
static void eval_traced(fx *f, trace *t)
{
    memset(t, 0, sizeof *t);
    assert_int_equal(retour_evaluate(f->d, f->p, f->r, &f->err), RETOUR_OK);
    long n = retour_decision_to_json(f->d, RETOUR_LANG_NL, NULL, 0);
    char *plain = malloc((size_t)n + 1);
    assert_non_null(plain);
    retour_decision_to_json(f->d, RETOUR_LANG_NL, plain, (size_t)n + 1);
    assert_int_equal(retour_evaluate_traced(f->d, f->p, f->r, record, t, &f->err), RETOUR_OK);
    char *traced = malloc((size_t)n + 1);
    assert_non_null(traced);
    assert_int_equal(retour_decision_to_json(f->d, RETOUR_LANG_NL, traced, (size_t)n + 1), n);
    assert_string_equal(traced, plain);
    free(plain);
    free(traced);
}

/* Checks step k: rule, item, matched, reason ("" for none) and policy line:column. */
static const step *assert_step(const trace *t, size_t k, const char *rule, long item,
                               int matched, const char *reason, int line, int column)
{
    if (k >= t->count)
        fail_msg("step %zu of %zu", k, t->count);
    const step *s = &t->steps[k];
    assert_string_equal(s->rule, rule);
    assert_int_equal(s->item, item);
    assert_int_equal(s->matched, matched);
    assert_string_equal(s->reason, reason);
    assert_int_equal(s->line, line);
    assert_int_equal(s->column, column);
    return s;
}

/* Lines: 1 retour, 2 jurisdiction (value at column 15), 3 currency, 4 withdrawal, ... */
static const char withdrawal_policy[] =
    HEAD("NL")
    "withdrawal: { days: 30 }\n"                           /* 4 */
    "packaging: { damaged: deduct 10% }\n"                  /* 5 */
    "categories:\n"                                         /* 6 */
    "  jewellery: {}\n"                                     /* 7 */
    "  engraved: { exclusion: personalised }\n"             /* 8 */
    "default_category: jewellery\n"                         /* 9 */
    "goodwill:\n"                                           /* 10 */
    "  - name: tiny\n"                                      /* 11 */
    "    when: { max_amount: \"10.00\" }\n"
    "    grant: refund\n"
    "  - name: loyal\n"                                     /* 14 */
    "    when: { min_orders: 3, max_days_late: 40 }\n"
    "    grant: store_credit\n"
    "review: { claims_last_year: 3 }\n";                    /* 17 */

static void test_within_statutory_period(void **state)
{
    fx *f = *state;
    trace t;
    load(f, withdrawal_policy);
    reset(f, ymd(2026, 3, 10));
    add(f, "RING", "jewellery", 4900, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_OPENED);
    add(f, "NAME", "engraved", 2900, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_SEALED);
    add(f, "BOX", "jewellery", 1000, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_DAMAGED);
    eval_traced(f, &t);
    const step *s = assert_step(&t, 0, "withdrawal.period", -1, 1, "within_withdrawal_period", 2, 15);
    assert_true(s->has_law);
    assert_contains(s->en, "2026-03-16");
    assert_contains(s->nl, "bedenktijd");
    s = assert_step(&t, 1, "exclusion", 0, 0, "", 7, 3);
    assert_string_equal(s->en, "No legal exception to withdrawal applies to jewellery items.");
    assert_step(&t, 2, "packaging.opened", 0, 1, "packaging_opened_allowed", 0, 0);
    assert_step(&t, 3, "exclusion", 1, 1, "excluded_personalised", 8, 26);
    /* The refused item is offered to the goodwill rules: none covers an exclusion. */
    s = assert_step(&t, 4, "goodwill", 1, 0, "", 11, 5);
    assert_int_equal(s->rule_index, 0);
    assert_string_equal(s->rule_name, "tiny");
    assert_contains(s->en, "exclusion");
    s = assert_step(&t, 5, "goodwill", 1, 0, "", 14, 5);
    assert_int_equal(s->rule_index, 1);
    assert_step(&t, 6, "exclusion", 2, 0, "", 7, 3);
    assert_step(&t, 7, "packaging.damaged", 2, 1, "damaged_deduction", 5, 23);
    s = assert_step(&t, 8, "review.claims_last_year", -1, 0, "", 17, 29);
    assert_string_equal(s->en, "This is the customer's claim number 1 in the last 12 months, "
                               "below the policy's review threshold of 3.");
    assert_int_equal(t.count, 9);
}

static void test_late_with_goodwill(void **state)
{
    fx *f = *state;
    trace t;
    load(f, withdrawal_policy);
    reset(f, ymd(2026, 4, 10)); /* 9 days after the shop's 30 days ended on 2026-04-01 */
    add(f, "RING", "jewellery", 4900, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_OPENED);
    customer(f, 5, 0, 0, 0);
    eval_traced(f, &t);
    const step *s = assert_step(&t, 0, "withdrawal.period", -1, 0, "", 2, 15);
    assert_string_equal(s->en, "Notified on 2026-04-10, after the statutory withdrawal period "
                               "ended on 2026-03-16.");
    assert_step(&t, 1, "withdrawal.shop_period", -1, 0, "withdrawal_period_expired", 4, 21);
    s = assert_step(&t, 2, "goodwill", 0, 0, "", 11, 5);
    assert_string_equal(s->en, "Goodwill rule 'tiny' does not apply: the item is worth more "
                               "than EUR 10.00.");
    assert_string_equal(s->nl, "Coulanceregel 'tiny' is niet van toepassing: het artikel is "
                               "meer dan EUR 10.00 waard.");
    s = assert_step(&t, 3, "goodwill", 0, 1, "goodwill_rule", 14, 5);
    assert_int_equal(s->rule_index, 1);
    assert_string_equal(s->rule_name, "loyal");
    assert_false(s->has_law);
    assert_step(&t, 4, "review.claims_last_year", -1, 0, "", 17, 29);
    assert_int_equal(t.count, 5);

    /* A newer customer: the second rule fails on the number of orders. */
    customer(f, 1, 0, 0, 0);
    eval_traced(f, &t);
    s = assert_step(&t, 3, "goodwill", 0, 0, "", 14, 5);
    assert_string_equal(s->en, "Goodwill rule 'loyal' does not apply: it asks for at least 3 "
                               "orders, the customer has 1.");
}

static void test_complaint_presumed_defect(void **state)
{
    fx *f = *state;
    trace t;
    load(f, HEAD("NL")
         "withdrawal: { days: 14 }\n"
         "categories:\n"
         "  jewellery: { lifespan_months: 36 }\n"   /* 6: lifespan value at column 31 */
         "default_category: jewellery\n"
         "review: { amount: \"500.00\" }\n");        /* 8 */
    reset_complaint(f, ymd(2026, 6, 2));
    add(f, "RING", "jewellery", 4900, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REPLACE, 0);
    eval_traced(f, &t);
    /* No order date: the first delivery stands in for the contract's date. */
    const step *s = assert_step(&t, 0, "complaint.contract_date", -1, 1,
                                "contract_date_assumed", 0, 0);
    assert_contains(s->en, "first delivery, 2026-03-02");
    s = assert_step(&t, 1, "complaint.guarantee", 0, 1, "", 6, 33);
    assert_true(s->has_law);
    assert_contains(s->en, "within the legal guarantee that ends on 2029-03-02");
    assert_step(&t, 2, "complaint.customer_caused", 0, 0, "", 0, 0);
    assert_step(&t, 3, "complaint.wear", 0, 0, "", 0, 0);
    assert_step(&t, 4, "complaint.defect", 0, 0, "", 0, 0);
    s = assert_step(&t, 5, "complaint.presumption", 0, 1, "presumed_defect", 2, 15);
    assert_true(s->has_law);
    assert_step(&t, 6, "complaint.inspection", 0, 0, "", 0, 0);
    assert_step(&t, 7, "complaint.remedy", 0, 1, "remedy_consumer_choice", 0, 0);
    s = assert_step(&t, 8, "review.amount", -1, 0, "", 8, 19);
    assert_string_equal(s->en, "The request is worth EUR 49.00, below the policy's review threshold.");
    assert_int_equal(t.count, 9);
}

/* A failing evaluation reports the steps before the failure and keeps no result. */
static void test_failure_part_way(void **state)
{
    fx *f = *state;
    trace t;
    memset(&t, 0, sizeof t);
    load(f, withdrawal_policy);
    reset_complaint(f, ymd(2026, 6, 2));
    add(f, "A", "jewellery", 4900, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_UNKNOWN);
    add(f, "B", "jewellery", 4900, 1, RETOUR_DATE_NONE, RETOUR_PACKAGING_UNKNOWN);
    assert_int_equal(retour_evaluate_traced(f->d, f->p, f->r, record, &t, &f->err),
                     RETOUR_EREQUEST);
    assert_string_equal(f->err.path, "items[1].delivered");
    assert_true(t.count > 1);
    /* The contract's date (taken from the first delivery), then item 0's steps. */
    assert_string_equal(t.steps[0].reason, "contract_date_assumed");
    for (size_t k = 1; k < t.count; k++)
        assert_int_equal(t.steps[k].item, 0);
    assert_int_equal(retour_decision_item_count(f->d), 0);
}

/* No callback: the same as retour_evaluate(). Bad handles: RETOUR_EINVAL, no event. */
static void test_misuse(void **state)
{
    fx *f = *state;
    trace t;
    memset(&t, 0, sizeof t);
    load(f, withdrawal_policy);
    eval_one(f, ymd(2026, 3, 10), "RING", "jewellery", 4900, ymd(2026, 3, 2),
             RETOUR_PACKAGING_OPENED);
    size_t reasons = retour_decision_reason_count(f->d);
    assert_int_equal(retour_evaluate_traced(f->d, f->p, f->r, NULL, NULL, &f->err), RETOUR_OK);
    assert_int_equal(retour_decision_reason_count(f->d), reasons);
    assert_int_equal(retour_evaluate_traced(NULL, f->p, f->r, record, &t, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(retour_evaluate_traced(f->d, NULL, f->r, record, &t, &f->err),
                     RETOUR_EINVAL);
    assert_int_equal(t.count, 0);
    char buf[16];
    assert_int_equal(retour_trace_event_message(NULL, RETOUR_LANG_EN, buf, sizeof buf),
                     RETOUR_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_within_statutory_period),
        T(test_late_with_goodwill),
        T(test_complaint_presumed_defect),
        T(test_failure_part_way),
        T(test_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
