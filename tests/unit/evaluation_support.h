/* Fixture and helpers shared by the unit tests of retour_evaluate() (test_withdrawal.c,
 * test_refund.c, test_complaint.c, test_goodwill.c). The helpers assert with cmocka, so call them only from a running test. */
#ifndef EVALUATION_SUPPORT_H
#define EVALUATION_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "retour.h"

/* The name every policy is loaded under; reason sources name it. */
#define POLICY_NAME "policy.yaml"
#define CRD "Directive 2011/83/EU"

/* The first three lines of a policy; line 2 is the jurisdiction, its value in column 15. */
#define HEAD(j) "retour: 1\njurisdiction: " j "\ncurrency: EUR\n"

/* One policy, one withdrawal request and one decision per test, and the last error. */
typedef struct fx {
    retour_policy *p;
    retour_request *r;
    retour_decision *d;
    retour_error err;
} fx;

/* cmocka setup: a fixture with an empty withdrawal request and a fresh decision. */
int setup(void **state);

/* cmocka teardown: frees the fixture and everything it holds. */
int teardown(void **state);

/* A test that runs with the fixture. */
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* The date year-month-day; fails the test when it is not a valid date. */
retour_date ymd(int year, int month, int day);

/* Loads the policy under the name POLICY_NAME, replacing the fixture's previous one. */
void load(fx *f, const char *yaml);

/* Empties the request for the next variant of a case and sets its notification date. */
void reset(fx *f, retour_date notified);

/* Appends an item to the request and checks it got the next index. */
void add(fx *f, const char *sku, const char *category, int64_t price, int quantity,
         retour_date delivered, retour_packaging packaging);

/* Sets the outbound delivery cost the consumer paid, in minor units. */
void shipping(fx *f, int64_t minor);

/* Evaluates the request against the policy; fails the test unless it succeeds. */
void eval_ok(fx *f);

/* A fresh request notified on `notified` with one item (quantity 1), evaluated with eval_ok. */
void eval_one(fx *f, retour_date notified, const char *sku, const char *category, int64_t price,
              retour_date delivered, retour_packaging packaging);

/* Checks a date against "YYYY-MM-DD"; expected NULL means RETOUR_DATE_NONE. */
void assert_date(retour_date actual, const char *expected);

/* Checks a string that may be NULL; expected NULL means actual must be NULL too. */
void assert_opt_string(const char *actual, const char *expected);

/* Fails unless haystack contains needle. */
void assert_contains(const char *haystack, const char *needle);

/* All reasons in order, as "code" or "code#item", separated by spaces. */
void assert_reasons(const retour_decision *d, const char *expected);

/* Index of the only reason with this code and item; fails when absent or repeated. */
size_t reason_index(const retour_decision *d, const char *code, long item);

/* Checks a reason's law and source; line 0 means "no policy line decided". */
const retour_reason *assert_reason(const retour_decision *d, const char *code, long item,
                                   const char *law, int line, int column);

/* Checks the outcome, basis, refund and withdrawal deadline ("YYYY-MM-DD" or NULL). */
void assert_summary(const retour_decision *d, retour_outcome outcome, retour_basis basis,
                    int64_t refund, const char *deadline);

/* Checks one item's outcome, refund and deduction. */
void assert_item(const retour_decision *d, size_t item, retour_outcome outcome, int64_t refund,
                 int64_t deduction);

/* The reason's message in lang, checked to be complete and free of placeholders. The buffer is
 * static: the next call overwrites it. */
const char *message(const retour_decision *d, size_t index, retour_lang lang);

/* The message of the only reason with this code and item (see message()). */
const char *reason_message(const retour_decision *d, const char *code, long item,
                           retour_lang lang);

/* ------------------------------------------------------------------------------------
 * Complaints, goodwill and review signals (test_complaint.c, test_goodwill.c)
 * ---------------------------------------------------------------------------------- */

/* Empties the request as a complaint (type complaint) and sets its notification date. */
void reset_complaint(fx *f, retour_date notified);

/* Sets the complaint details of item: noticed (RETOUR_DATE_NONE: the notification day),
 * cause, whether the customer admits the damage, the remedy asked and whether an earlier
 * repair failed. */
void complain(fx *f, size_t item, retour_date noticed, retour_cause cause, int admits,
              retour_remedy remedy, int remedy_failed);

/* Sets the customer's history: orders, claims and goodwill in the last year, lifetime spend. */
void customer(fx *f, int orders, int claims_last_year, int goodwill_last_year,
              int64_t lifetime_spend);

/* Checks the overall outcome, basis, refund and store credit. */
void assert_decided(const retour_decision *d, retour_outcome outcome, retour_basis basis,
                    int64_t refund, int64_t store_credit);

/* Checks one item's remedy and its percentage in basis points. */
void assert_remedy(const retour_decision *d, size_t item, retour_remedy remedy,
                   int32_t basis_points);

/* Evaluation must fail with code; checks the error's path and message exactly and that the
 * decision holds no result afterwards. */
void eval_fails(fx *f, int code, const char *path, const char *msg);

/* Loading yaml must fail with code at line:column, key path and message exactly; the
 * fixture's policy is left NULL. */
void load_fails(fx *f, const char *yaml, int code, int line, int column, const char *path,
                const char *msg);

#endif
