/* Unit tests for goodwill rules and review signals (lib/rules/goodwill.c, lib/rules/review_signals.c,
 * lib/policy/policy_service.c): which rule applies (the first that matches), every condition on its
 * boundary, every grant and what it pays, the reason naming the rule and its policy line, the
 * review thresholds, and the policy errors of the goodwill, review and complaints sections.
 * Policies are inline YAML; requests are built through the C API.
 *
 * Tests marked "Regression" pin library bugs these suites found (now fixed); the comment at
 * each says what was wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "evaluation_support.h"

#define ACCEPT RETOUR_OUTCOME_ACCEPT
#define GOODWILL RETOUR_OUTCOME_ACCEPT_GOODWILL
#define PARTIAL RETOUR_OUTCOME_PARTIAL
#define REVIEW RETOUR_OUTCOME_REVIEW
#define REJECT RETOUR_OUTCOME_REJECT

/* A goodwill list right after HEAD: "goodwill:" is line 4, the first rule's "- name" line 5;
 * a rule's source is its mapping, which starts at "name" in column 5. */
#define RULE_COL 5

/* Late withdrawals: delivered 2026-03-02, the statutory 14 days end on 2026-03-16. */
#define DELIVERED ymd(2026, 3, 2)
#define DEADLINE ymd(2026, 3, 16)

/* ------------------------------------------------------------------------------------
 * Helpers of this file
 * ---------------------------------------------------------------------------------- */

/* The customer of the next requests: retour_request_reset() forgets the customer, so the
 * request builders below set it again after each reset (apply_history). */
static struct {
    int orders, claims, goodwill;
    int64_t spend;
} who;

static void history(int orders, int claims_last_year, int goodwill_last_year, int64_t spend)
{
    who.orders = orders;
    who.claims = claims_last_year;
    who.goodwill = goodwill_last_year;
    who.spend = spend;
}

static void apply_history(fx *f)
{
    customer(f, who.orders, who.claims, who.goodwill, who.spend);
}

/* The fixture of evaluation_support with a customer who has no history. */
static int setup_gw(void **state)
{
    history(0, 0, 0, 0);
    return setup(state);
}

#define TG(name) cmocka_unit_test_setup_teardown(name, setup_gw, teardown)

/* A withdrawal notified `days_late` days after DEADLINE for one item. */
static void late(fx *f, int days_late, const char *category, int64_t price, int quantity)
{
    reset(f, DEADLINE + days_late);
    apply_history(f);
    add(f, "ITEM", category, price, quantity, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
}

/* A complaint about one item delivered on `delivered`, the problem noticed on `noticed` (also
 * the notification day). */
static void complaint_about(fx *f, const char *category, int64_t price, retour_date delivered,
                            retour_date noticed, retour_cause cause, int admits)
{
    reset_complaint(f, noticed);
    apply_history(f);
    add(f, "ITEM", category, price, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, cause, admits, RETOUR_REMEDY_REPAIR, 0);
    eval_ok(f);
}

/* The only goodwill reason of item 0 names the rule and its line; en and nl messages. */
static void assert_rule(const retour_decision *d, const char *name, int line, const char *en,
                        const char *nl)
{
    assert_reason(d, "goodwill_rule", 0, NULL, line, RULE_COL);
    size_t at = reason_index(d, "goodwill_rule", 0);
    const char *msg = message(d, at, RETOUR_LANG_EN);
    char quoted[80];
    snprintf(quoted, sizeof quoted, "'%s'", name);
    assert_contains(msg, quoted);
    if (en)
        assert_string_equal(msg, en);
    if (nl)
        assert_string_equal(message(d, at, RETOUR_LANG_NL), nl);
}

/* The late withdrawal of item 0 was granted a full refund of `value`. */
static void assert_granted_refund(const retour_decision *d, int64_t value)
{
    assert_decided(d, GOODWILL, RETOUR_BASIS_GOODWILL, value, 0);
    assert_reasons(d, "withdrawal_period_expired goodwill_rule#0");
    assert_item(d, 0, GOODWILL, value, 0);
    assert_remedy(d, 0, RETOUR_REMEDY_REFUND, 0);
}

/* The late withdrawal of item 0 was refused and no rule applied. */
static void assert_refused_late(const retour_decision *d)
{
    assert_decided(d, REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(d, "withdrawal_period_expired");
    assert_item(d, 0, REJECT, 0, 0);
    assert_remedy(d, 0, RETOUR_REMEDY_NONE, 0);
}

/* A policy with one goodwill rule named "gesture": `when` is the flow mapping of its
 * conditions (NULL: none), `grant` its grant; extra is appended after the rule. */
static void load_rule(fx *f, const char *jurisdiction, const char *when, const char *grant,
                      const char *extra)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "retour: 1\njurisdiction: %s\ncurrency: EUR\n"
             "goodwill:\n"
             "  - name: gesture\n"
             "%s%s%s"
             "    grant: %s\n"
             "%s",
             jurisdiction, when ? "    when: " : "", when ? when : "", when ? "\n" : "", grant,
             extra ? extra : "");
    load(f, yaml);
}

/* ------------------------------------------------------------------------------------
 * 1. Which rule applies
 * ---------------------------------------------------------------------------------- */

static void test_first_matching_rule_wins(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "goodwill:\n"                     /* 4 */
            "  - name: loyal\n"               /* 5 */
            "    when: { min_orders: 3 }\n"   /* 6 */
            "    grant: refund\n"             /* 7 */
            "  - name: anyone\n"              /* 8 */
            "    grant: store_credit\n");     /* 9 */

    history(3, 0, 0, 0);
    late(f, 4, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    assert_reason(f->d, "withdrawal_period_expired", -1, CRD " art. 9", 2, 15);
    assert_rule(f->d, "loyal", 5, "Goodwill rule 'loyal' applies: a refund.",
                "Coulanceregel 'loyal' is van toepassing: terugbetaling.");

    /* The first does not match: the second does. */
    history(2, 0, 0, 0);
    late(f, 4, NULL, 1000, 1);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 1000);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0");
    assert_item(f->d, 0, GOODWILL, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_STORE_CREDIT, 0);
    assert_rule(f->d, "anyone", 8, "Goodwill rule 'anyone' applies: store credit.",
                "Coulanceregel 'anyone' is van toepassing: tegoed.");

    /* Order matters: the unconditional rule first wins even for a loyal customer. */
    load(f, HEAD("EU")
            "goodwill:\n"
            "  - name: anyone\n"              /* 5 */
            "    grant: store_credit\n"
            "  - name: loyal\n"               /* 7 */
            "    when: { min_orders: 3 }\n"
            "    grant: refund\n");
    history(3, 0, 0, 0);
    late(f, 4, NULL, 1000, 1);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 1000);
    assert_rule(f->d, "anyone", 5, NULL, NULL);

    /* No rule matches: the refusal stands. */
    load(f, HEAD("EU")
            "goodwill:\n"
            "  - name: loyal\n"
            "    when: { min_orders: 3 }\n"
            "    grant: refund\n");
    history(2, 0, 0, 0);
    late(f, 4, NULL, 1000, 1);
    assert_refused_late(f->d);

    /* Goodwill never touches what the law or the policy already accepts. */
    history(3, 0, 0, 0);
    late(f, 0, NULL, 1000, 1);
    assert_decided(f->d, ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, 0);
    assert_reasons(f->d, "within_withdrawal_period");
    assert_remedy(f->d, 0, RETOUR_REMEDY_NONE, 0);
}

/* ------------------------------------------------------------------------------------
 * 2. Conditions, each on its boundary
 * ---------------------------------------------------------------------------------- */

static void test_condition_customer(void **state)
{
    fx *f = *state;

    load_rule(f, "EU", "{ min_orders: 3 }", "refund", NULL);
    history(2, 0, 0, 0);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);
    history(3, 0, 0, 0);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);

    load_rule(f, "EU", "{ min_lifetime_spend: \"100.00\" }", "refund", NULL);
    history(0, 0, 0, 9999);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);
    history(0, 0, 0, 10000);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);

    load_rule(f, "EU", "{ max_goodwill_last_year: 1 }", "refund", NULL);
    history(0, 0, 1, 0);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    history(0, 0, 2, 0);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);
    /* 0 means "never granted before". */
    load_rule(f, "EU", "{ max_goodwill_last_year: 0 }", "refund", NULL);
    history(0, 0, 0, 0);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    history(0, 0, 1, 0);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);

    load_rule(f, "EU", "{ max_claims_last_year: 2 }", "refund", NULL);
    history(0, 2, 0, 0);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    history(0, 3, 0, 0);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);

    /* All conditions must hold (story 3: the loyal-small-late-return rule). */
    load_rule(f, "EU",
              "{ min_orders: 3, max_amount: \"50.00\", max_days_late: 16, "
              "max_goodwill_last_year: 1 }",
              "refund", NULL);
    history(7, 0, 0, 42000);
    late(f, 16, NULL, 3450, 1);
    assert_granted_refund(f->d, 3450);
    late(f, 17, NULL, 3450, 1);
    assert_refused_late(f->d);
    late(f, 16, NULL, 5001, 1);
    assert_refused_late(f->d);
    history(2, 0, 0, 42000);
    late(f, 16, NULL, 3450, 1);
    assert_refused_late(f->d);
    history(7, 0, 2, 42000);
    late(f, 16, NULL, 3450, 1);
    assert_refused_late(f->d);
}

/* max_amount is on the item's value, price x quantity. */
static void test_condition_max_amount(void **state)
{
    fx *f = *state;
    load_rule(f, "EU", "{ max_amount: \"50.00\" }", "refund", NULL);
    late(f, 1, NULL, 5000, 1);
    assert_granted_refund(f->d, 5000);
    late(f, 1, NULL, 5001, 1);
    assert_refused_late(f->d);
    late(f, 1, NULL, 2500, 2);
    assert_granted_refund(f->d, 5000);
    late(f, 1, NULL, 2501, 2);
    assert_refused_late(f->d);

    /* Per item: the small one of two late items is granted, the large one is not. */
    reset(f, DEADLINE + 1);
    apply_history(f);
    add(f, "SMALL", NULL, 1000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "LARGE", NULL, 6000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    /* Only goodwill gives anything back, so it is the basis. */
    assert_decided(f->d, PARTIAL, RETOUR_BASIS_GOODWILL, 1000, 0);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0");
    assert_item(f->d, 0, GOODWILL, 1000, 0);
    assert_item(f->d, 1, REJECT, 0, 0);
}

/* max_days_late: from the withdrawal deadline (the later of the law's and the shop's) for a
 * late withdrawal; from the end of the guarantee for an expired complaint; from the end of
 * the lifespan for worn goods. */
static void test_condition_max_days_late(void **state)
{
    fx *f = *state;
    load_rule(f, "EU", "{ max_days_late: 5 }", "refund", NULL);
    late(f, 5, NULL, 1000, 1);
    /* Notified on Saturday 2026-03-21: the return and refund deadlines 14 days later are a
     * Saturday too and move to Monday 2026-04-06. */
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 1000, 0);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0 "
                         "deadline_moved_to_working_day deadline_moved_to_working_day");
    assert_date(retour_decision_return_by(f->d), "2026-04-06");
    assert_date(retour_decision_refund_by(f->d), "2026-04-06");
    late(f, 4, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    late(f, 6, NULL, 1000, 1);
    assert_refused_late(f->d);

    /* A 30-day shop window: delivered 2026-03-02, the deadline is 2026-04-01. */
    load_rule(f, "NL", "{ max_days_late: 5 }", "refund", "withdrawal:\n  days: 30\n");
    eval_one(f, ymd(2026, 4, 6), "ITEM", NULL, 1000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_date(retour_decision_withdrawal_deadline(f->d), "2026-04-01");
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 1000, 0);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0");
    eval_one(f, ymd(2026, 4, 7), "ITEM", NULL, 1000, DELIVERED, RETOUR_PACKAGING_SEALED);
    assert_decided(f->d, REJECT, RETOUR_BASIS_SHOP_POLICY, 0, 0);
    assert_reasons(f->d, "withdrawal_period_expired");

    /* Expired complaints: the EU guarantee of an item delivered 2026-01-31 ends 2028-01-31. */
    load_rule(f, "EU", "{ max_days_late: 5 }", "repair", NULL);
    retour_date delivered = ymd(2026, 1, 31);
    complaint_about(f, NULL, 1000, delivered, ymd(2028, 2, 5), RETOUR_CAUSE_UNKNOWN, 0);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0 goodwill_rule#0");
    assert_item(f->d, 0, GOODWILL, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    complaint_about(f, NULL, 1000, delivered, ymd(2028, 2, 6), RETOUR_CAUSE_UNKNOWN, 0);
    assert_decided(f->d, REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* The shop's own longer guarantee (36 months, to 2029-01-31) is the end that counts. */
    load_rule(f, "EU", "{ max_days_late: 5 }", "repair",
              "complaints:\n  guarantee_months: 36\n");
    complaint_about(f, NULL, 1000, delivered, ymd(2029, 2, 5), RETOUR_CAUSE_UNKNOWN, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0 goodwill_rule#0");
    complaint_about(f, NULL, 1000, delivered, ymd(2029, 2, 6), RETOUR_CAUSE_UNKNOWN, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* Worn goods: from the end of the lifespan (12 months: 2027-01-31). */
    load_rule(f, "EU", "{ max_days_late: 5 }", "repair",
              "categories:\n  belts:\n    lifespan_months: 12\n");
    complaint_about(f, "belts", 1000, delivered, ymd(2027, 2, 5), RETOUR_CAUSE_WEAR, 0);
    assert_reasons(f->d, "contract_date_assumed wear_beyond_lifespan#0 goodwill_rule#0");
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 0);
    complaint_about(f, "belts", 1000, delivered, ymd(2027, 2, 6), RETOUR_CAUSE_WEAR, 0);
    assert_reasons(f->d, "contract_date_assumed wear_beyond_lifespan#0");
}

static void test_condition_type(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 1, 31), expired = ymd(2028, 2, 1);

    load_rule(f, "EU", "{ type: complaint }", "repair", NULL);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);
    complaint_about(f, NULL, 1000, delivered, expired, RETOUR_CAUSE_UNKNOWN, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0 goodwill_rule#0");

    load_rule(f, "EU", "{ type: withdrawal }", "refund", NULL);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    complaint_about(f, NULL, 1000, delivered, expired, RETOUR_CAUSE_UNKNOWN, 0);
    assert_decided(f->d, REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
}

static void test_condition_cause(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 3, 1), noticed = ymd(2026, 4, 1);

    load_rule(f, "EU", "{ cause: [misuse, accident] }", "repair_discount 50%", NULL);
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_MISUSE, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0");
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_ACCIDENT, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0");
    /* Admitted damage of unknown cause, an expired complaint: no cause in the list. */
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_UNKNOWN, 1);
    assert_decided(f->d, REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0");
    complaint_about(f, NULL, 1000, delivered, ymd(2028, 3, 2), RETOUR_CAUSE_DEFECT, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* A single cause may be written without brackets. */
    load_rule(f, "EU", "{ cause: accident }", "repair_discount 50%", NULL);
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_ACCIDENT, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0");
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_MISUSE, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0");

    /* Expired complaints of unknown cause can be singled out. */
    load_rule(f, "EU", "{ cause: [unknown] }", "store_credit", NULL);
    complaint_about(f, NULL, 1000, delivered, ymd(2028, 3, 2), RETOUR_CAUSE_UNKNOWN, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0 goodwill_rule#0");
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 1000);
    complaint_about(f, NULL, 1000, delivered, ymd(2028, 3, 2), RETOUR_CAUSE_DEFECT, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
}

/* The customer admits the damage: the story's honest customer. */
static void test_condition_customer_admits_damage(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 3, 1), noticed = ymd(2026, 4, 1);
    load_rule(f, "EU", "{ customer_admits_damage: true }", "repair_discount 50%", NULL);
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_ACCIDENT, 1);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0");
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_UNKNOWN, 1);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0");
    /* A late withdrawal admits nothing. */
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);
}

/* Regression: the condition customer_admits_damage matches "the damage was caused by the
 * customer" (admitted OR cause misuse/accident) instead of the request's own
 * customer_admits_damage flag. An accident the customer does not admit (found by inspection)
 * is granted the "honest customer" gesture, and a rule for customers who do NOT admit never
 * matches misuse or an accident. */
static void test_customer_admits_damage_means_admitted(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 3, 1), noticed = ymd(2026, 4, 1);
    load_rule(f, "EU", "{ customer_admits_damage: true }", "repair_discount 50%", NULL);
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_ACCIDENT, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0"); /* actual: ... goodwill_rule#0 */
    assert_decided(f->d, REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);

    load_rule(f, "EU", "{ customer_admits_damage: false }", "store_credit", NULL);
    complaint_about(f, NULL, 1000, delivered, noticed, RETOUR_CAUSE_MISUSE, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0"); /* actual: no rule */
}

static void test_condition_categories(void **state)
{
    fx *f = *state;
    static const char *const cats = "categories:\n  jewellery:\n  watches:\n  rings:\n";
    load_rule(f, "EU", "{ categories: [jewellery, rings] }", "refund", cats);
    late(f, 1, "jewellery", 1000, 1);
    assert_granted_refund(f->d, 1000);
    late(f, 1, "rings", 1000, 1);
    assert_granted_refund(f->d, 1000);
    late(f, 1, "watches", 1000, 1);
    assert_refused_late(f->d);
    late(f, 1, NULL, 1000, 1);
    assert_refused_late(f->d);
    late(f, 1, "unlisted", 1000, 1);
    assert_decided(f->d, REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "withdrawal_period_expired category_not_listed#0");

    /* The default category stands in for items without one. */
    char extra[200];
    snprintf(extra, sizeof extra, "%sdefault_category: rings\n", cats);
    load_rule(f, "EU", "{ categories: [rings] }", "refund", extra);
    late(f, 1, NULL, 1000, 1);
    assert_granted_refund(f->d, 1000);
    late(f, 1, "watches", 1000, 1);
    assert_refused_late(f->d);
}

/* Legally excluded items only with excluded: true. */
static void test_condition_excluded(void **state)
{
    fx *f = *state;
    static const char *const cats = "categories:\n  engraved:\n    exclusion: personalised\n";
    retour_date in_period = DEADLINE;

    load_rule(f, "EU", NULL, "store_credit", cats);
    eval_one(f, in_period, "RING", "engraved", 6400, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_decided(f->d, REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0");
    /* The same unconditional rule still serves an ordinary late item. */
    late(f, 1, NULL, 1000, 1);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 1000);
    /* Late and excluded: the exception is the refusal, still no goodwill. */
    late(f, 1, "engraved", 6400, 1);
    assert_decided(f->d, REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "withdrawal_period_expired excluded_personalised#0");

    load_rule(f, "EU", "{ excluded: false }", "store_credit", cats);
    eval_one(f, in_period, "RING", "engraved", 6400, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0");

    load_rule(f, "EU", "{ excluded: true }", "store_credit", cats);
    eval_one(f, in_period, "RING", "engraved", 6400, DELIVERED, RETOUR_PACKAGING_OPENED);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 6400);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0 goodwill_rule#0");
    assert_item(f->d, 0, GOODWILL, 0, 0);
    late(f, 1, "engraved", 6400, 1);
    assert_reasons(f->d, "withdrawal_period_expired excluded_personalised#0 goodwill_rule#0");
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 6400);

    /* An excluded item next to an ordinary one: the law accepts one, goodwill the other;
     * the basis stays the law. */
    reset(f, in_period);
    add(f, "RING", "engraved", 6400, 1, DELIVERED, RETOUR_PACKAGING_OPENED);
    add(f, "CHAIN", NULL, 3000, 1, DELIVERED, RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_WITHDRAWAL_RIGHT, 3000, 6400);
    assert_reasons(f->d, "within_withdrawal_period excluded_personalised#0 goodwill_rule#0 "
                         "packaging_opened_allowed#1");
    assert_item(f->d, 0, GOODWILL, 0, 0);
    assert_item(f->d, 1, ACCEPT, 3000, 0);
}

/* ------------------------------------------------------------------------------------
 * 3. Grants
 * ---------------------------------------------------------------------------------- */

static void test_grants(void **state)
{
    fx *f = *state;
    static const struct {
        const char *grant;
        int64_t price;
        int quantity;
        int64_t refund, credit;
        retour_remedy remedy;
        int32_t bp;
        const char *en, *nl;
    } cases[] = {
        { "refund", 1001, 2, 2002, 0, RETOUR_REMEDY_REFUND, 0, "a refund", "terugbetaling" },
        { "partial_refund 50%", 1000, 1, 500, 0, RETOUR_REMEDY_PARTIAL_REFUND, 5000,
          "a refund of 50%", "terugbetaling van 50%" },
        /* 10.01 x 50% = 5.005: half a cent rounds away from zero. */
        { "partial_refund 50%", 1001, 1, 501, 0, RETOUR_REMEDY_PARTIAL_REFUND, 5000,
          "a refund of 50%", "terugbetaling van 50%" },
        { "partial_refund 50%", 1001, 2, 1001, 0, RETOUR_REMEDY_PARTIAL_REFUND, 5000,
          "a refund of 50%", "terugbetaling van 50%" },
        /* 9.99 x 50% = 4.995 -> 5.00; 10.00 x 33.33% = 3.333 -> 3.33. */
        { "partial_refund 50%", 999, 1, 500, 0, RETOUR_REMEDY_PARTIAL_REFUND, 5000,
          "a refund of 50%", "terugbetaling van 50%" },
        { "partial_refund 33.33%", 1000, 1, 333, 0, RETOUR_REMEDY_PARTIAL_REFUND, 3333,
          "a refund of 33.33%", "terugbetaling van 33.33%" },
        { "partial_refund 100%", 1001, 1, 1001, 0, RETOUR_REMEDY_PARTIAL_REFUND, 10000,
          "a refund of 100%", "terugbetaling van 100%" },
        { "store_credit", 1001, 2, 0, 2002, RETOUR_REMEDY_STORE_CREDIT, 0, "store credit",
          "tegoed" },
        { "exchange", 1001, 1, 0, 0, RETOUR_REMEDY_EXCHANGE, 0, "an exchange", "een ruil" },
        { "repair", 1001, 1, 0, 0, RETOUR_REMEDY_REPAIR, 0, "repair", "herstel" },
        { "replace", 1001, 1, 0, 0, RETOUR_REMEDY_REPLACE, 0, "replacement", "vervanging" },
        { "repair_discount 25%", 1001, 1, 0, 0, RETOUR_REMEDY_REPAIR_DISCOUNT, 2500,
          "a repair at 25% off", "herstel met 25% korting" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load_rule(f, "EU", NULL, cases[i].grant, NULL);
        late(f, 3, NULL, cases[i].price, cases[i].quantity);
        assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, cases[i].refund, cases[i].credit);
        assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0");
        assert_item(f->d, 0, GOODWILL, cases[i].refund, 0);
        assert_remedy(f->d, 0, cases[i].remedy, cases[i].bp);
        char en[120], nl[120];
        snprintf(en, sizeof en, "Goodwill rule 'gesture' applies: %s.", cases[i].en);
        snprintf(nl, sizeof nl, "Coulanceregel 'gesture' is van toepassing: %s.", cases[i].nl);
        assert_rule(f->d, "gesture", 5, en, nl);
    }
}

/* Regression: a goodwill gesture gives what its grant says and nothing else. A late
 * withdrawal granted store credit or an exchange gets no money back, but the library refunds
 * the outbound delivery cost in cash (withdrawal.refund_outbound_shipping, default true,
 * is meant for the shop's own longer window), so the decision's refund is 4.95, not 0. */
static void test_goodwill_pays_no_outbound_shipping(void **state)
{
    fx *f = *state;
    static const char *const grants[] = { "store_credit", "exchange" };
    for (size_t i = 0; i < 2; i++) {
        load_rule(f, "EU", NULL, grants[i], NULL);
        reset(f, DEADLINE + 3);
        add(f, "ITEM", NULL, 1000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
        shipping(f, 495);
        eval_ok(f);
        assert_item(f->d, 0, GOODWILL, 0, 0);
        assert_int_equal(retour_decision_shipping_refunded(f->d), 0);
        assert_int_equal(retour_decision_refund(f->d), 0);
    }
}

/* The bent-clasp story: an admitted accident, a repair at half price for a returning
 * customer, the refusal for a first-time one (examples/policies/nl-jeweller.yaml). */
static void test_honest_accident_story(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")
            "categories:\n"                                      /* 4 */
            "  jewellery:\n"                                     /* 5 */
            "    lifespan_months: 36\n"                          /* 6 */
            "goodwill:\n"                                        /* 7 */
            "  - name: loyal-small-late-return\n"                /* 8 */
            "    when: { type: withdrawal, min_orders: 3, max_amount: \"50.00\",\n"
            "            max_days_late: 16, max_goodwill_last_year: 1 }\n"
            "    grant: refund\n"                                /* 11 */
            "  - name: honest-accident-repair\n"                 /* 12 */
            "    when: { cause: [accident], customer_admits_damage: true, min_orders: 2,\n"
            "            categories: [jewellery] }\n"
            "    grant: repair_discount 50%\n");
    reset_complaint(f, ymd(2026, 6, 2));
    add(f, "NECK-ANCHOR-50", "jewellery", 12900, 1, ymd(2026, 1, 15), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_ACCIDENT, 1, RETOUR_REMEDY_REPAIR, 0);
    history(5, 0, 0, 61250);
    apply_history(f);
    eval_ok(f);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0 goodwill_rule#0");
    assert_item(f->d, 0, GOODWILL, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR_DISCOUNT, 5000);
    assert_rule(f->d, "honest-accident-repair", 12,
                "Goodwill rule 'honest-accident-repair' applies: a repair at 50% off.",
                "Coulanceregel 'honest-accident-repair' is van toepassing: herstel met 50% "
                "korting.");
    assert_int_equal(retour_decision_return_shipping(f->d), RETOUR_PAYER_SHOP);

    history(1, 0, 0, 0);
    apply_history(f);
    eval_ok(f);
    assert_decided(f->d, REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0");
    assert_remedy(f->d, 0, RETOUR_REMEDY_NONE, 0);
}

/* ------------------------------------------------------------------------------------
 * 4. Review signals
 * ---------------------------------------------------------------------------------- */

static void test_review_frequent_claims(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "review:\n"                 /* 4 */
            "  claims_last_year: 3\n"); /* 5, value column 21 */
    retour_date delivered = ymd(2026, 3, 1), notified = ymd(2026, 4, 1);

    /* Two earlier claims and this one make three. */
    history(4, 2, 0, 0);
    complaint_about(f, NULL, 6400, delivered, notified, RETOUR_CAUSE_UNKNOWN, 0);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0 frequent_claims");
    assert_reason(f->d, "frequent_claims", -1, NULL, 5, 21);
    assert_item(f->d, 0, REVIEW, 0, 0);
    size_t at = reason_index(f->d, "frequent_claims", -1);
    assert_string_equal(message(f->d, at, RETOUR_LANG_EN),
                        "This is the customer's claim number 3 in the last 12 months, at or "
                        "above the policy's review threshold of 3: a person decides; no legal "
                        "right is refused for it.");
    assert_string_equal(message(f->d, at, RETOUR_LANG_NL),
                        "Dit is claim nummer 3 van de klant in de afgelopen 12 maanden, op of "
                        "boven de drempel van 3 in het beleid: een medewerker beslist; geen "
                        "wettelijk recht wordt daarom geweigerd.");

    /* One earlier claim: this is the second, below the threshold. */
    history(4, 1, 0, 0);
    complaint_about(f, NULL, 6400, delivered, notified, RETOUR_CAUSE_UNKNOWN, 0);
    assert_decided(f->d, ACCEPT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");

    /* Far above: the number counts this request. */
    history(4, 7, 0, 0);
    complaint_about(f, NULL, 6400, delivered, notified, RETOUR_CAUSE_UNKNOWN, 0);
    assert_contains(message(f->d, reason_index(f->d, "frequent_claims", -1), RETOUR_LANG_EN),
                    "claim number 8 in the last 12 months");

    /* Withdrawals too: an accepted refund waits for the person. */
    history(4, 2, 0, 0);
    late(f, 0, NULL, 1000, 1);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period frequent_claims");
    assert_item(f->d, 0, REVIEW, 0, 0);
    history(4, 1, 0, 0);
    late(f, 0, NULL, 1000, 1);
    assert_decided(f->d, ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1000, 0);
    assert_reasons(f->d, "within_withdrawal_period");

    /* A threshold of 1: every request. */
    load(f, HEAD("EU") "review:\n  claims_last_year: 1\n");
    history(0, 0, 0, 0);
    late(f, 0, NULL, 1000, 1);
    assert_reasons(f->d, "within_withdrawal_period frequent_claims");
}

static void test_review_high_amount(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "review:\n"                 /* 4 */
            "  amount: \"1000.00\"\n"); /* 5, value column 11 */

    late(f, 0, NULL, 100000, 1);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period high_amount");
    assert_reason(f->d, "high_amount", -1, NULL, 5, 11);
    assert_item(f->d, 0, REVIEW, 0, 0);
    size_t at = reason_index(f->d, "high_amount", -1);
    assert_string_equal(message(f->d, at, RETOUR_LANG_EN),
                        "The request is worth EUR 1000.00, at or above the policy's review "
                        "threshold: a person decides; no legal right is refused for it.");
    assert_string_equal(message(f->d, at, RETOUR_LANG_NL),
                        "De aanvraag is EUR 1000.00 waard, op of boven de drempel in het beleid: "
                        "een medewerker beslist; geen wettelijk recht wordt daarom geweigerd.");

    /* One cent below. */
    late(f, 0, NULL, 99999, 1);
    assert_decided(f->d, ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 99999, 0);
    assert_reasons(f->d, "within_withdrawal_period");

    /* The request's worth: price x quantity, summed over the items. */
    late(f, 0, NULL, 50000, 2);
    assert_reasons(f->d, "within_withdrawal_period high_amount");
    reset(f, DEADLINE);
    add(f, "A", NULL, 60000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    add(f, "B", NULL, 40000, 1, DELIVERED, RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "within_withdrawal_period high_amount");
    assert_contains(message(f->d, reason_index(f->d, "high_amount", -1), RETOUR_LANG_EN),
                    "worth EUR 1000.00");

    /* A complaint as well. */
    complaint_about(f, NULL, 120000, ymd(2026, 3, 1), ymd(2026, 4, 1), RETOUR_CAUSE_DEFECT, 0);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_consumer_choice#0 high_amount");
}

/* Signals hold what would be given back; they never turn a refusal into anything else. */
static void test_review_signals_hold_never_refuse(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "goodwill:\n"
            "  - name: gesture\n"
            "    when: { type: withdrawal, max_days_late: 5 }\n"
            "    grant: refund\n"
            "review:\n"
            "  claims_last_year: 3\n"
            "  amount: \"1000.00\"\n");

    /* Goodwill is held for review, nothing is paid yet. */
    history(0, 2, 0, 0);
    late(f, 3, NULL, 1000, 1);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0 frequent_claims");
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REFUND, 0);

    /* Both signals at once. */
    late(f, 3, NULL, 100000, 1);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0 frequent_claims "
                         "high_amount");
    assert_decided(f->d, REVIEW, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);

    /* Only refusals: no signal, the refusal stands. */
    late(f, 9, NULL, 100000, 1);
    assert_decided(f->d, REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, 0);
    assert_reasons(f->d, "withdrawal_period_expired");
    assert_item(f->d, 0, REJECT, 0, 0);
    complaint_about(f, NULL, 100000, ymd(2026, 3, 1), ymd(2026, 4, 1), RETOUR_CAUSE_MISUSE, 0);
    assert_decided(f->d, REJECT, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0");

    /* A refused item next to an accepted one stays refused; the other is held. */
    reset_complaint(f, ymd(2026, 4, 1));
    apply_history(f);
    add(f, "OK", NULL, 1000, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    add(f, "BENT", NULL, 1000, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REFUND, 1);
    complain(f, 1, RETOUR_DATE_NONE, RETOUR_CAUSE_MISUSE, 0, RETOUR_REMEDY_REFUND, 0);
    eval_ok(f);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_after_failed_repair#0 "
                         "customer_caused_damage#1 frequent_claims");
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_item(f->d, 1, REJECT, 0, 0);

    /* An item already in review gets the signal too; it was never a refusal. */
    complaint_about(f, NULL, 1000, ymd(2026, 3, 1), ymd(2027, 4, 1), RETOUR_CAUSE_UNKNOWN, 0);
    assert_decided(f->d, REVIEW, RETOUR_BASIS_LEGAL_GUARANTEE, 0, 0);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0 frequent_claims");

    /* Below both thresholds: decided automatically. */
    history(0, 1, 0, 0);
    late(f, 3, NULL, 99999, 1);
    assert_decided(f->d, GOODWILL, RETOUR_BASIS_GOODWILL, 99999, 0);
    assert_reasons(f->d, "withdrawal_period_expired goodwill_rule#0");
}

/* ------------------------------------------------------------------------------------
 * 5. Policy errors
 * ---------------------------------------------------------------------------------- */

#define GRANTS "refund, store_credit, exchange, repair, replace, partial_refund, repair_discount"

static void test_policy_errors_grant(void **state)
{
    fx *f = *state;
    /* "    grant: " is 11 characters: the value starts in column 12 of line 6. */
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: gift\n", RETOUR_ESCHEMA, 6,
               12, "goodwill[0].grant", "unknown value 'gift' (expected one of: " GRANTS ")");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: gift 50%\n", RETOUR_ESCHEMA,
               6, 12, "goodwill[0].grant",
               "unknown value 'gift 50%' (expected one of: " GRANTS ")");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: partial_refund\n",
               RETOUR_ESCHEMA, 6, 12, "goodwill[0].grant",
               "'partial_refund' needs a percentage, e.g. 'partial_refund 50%'");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: repair_discount\n",
               RETOUR_ESCHEMA, 6, 12, "goodwill[0].grant",
               "'repair_discount' needs a percentage, e.g. 'repair_discount 50%'");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: refund 50%\n", RETOUR_ESCHEMA,
               6, 12, "goodwill[0].grant",
               "'refund' takes no percentage; only partial_refund and repair_discount do");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: store_credit 10%\n",
               RETOUR_ESCHEMA, 6, 12, "goodwill[0].grant",
               "'store_credit' takes no percentage; only partial_refund and repair_discount do");
    static const char *const bad[] = { "0%", "150%", "fifty", "50", "12.345%" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char yaml[200], msg[200];
        snprintf(yaml, sizeof yaml, HEAD("EU") "goodwill:\n  - name: a\n    grant: "
                 "partial_refund %s\n", bad[i]);
        snprintf(msg, sizeof msg, "'partial_refund' must be followed by a percentage above 0%% "
                 "and up to 100%%, e.g. 'partial_refund 50%%'; found '%s'", bad[i]);
        load_fails(f, yaml, RETOUR_ESCHEMA, 6, 12, "goodwill[0].grant", msg);
    }
    /* The second rule's grant. */
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: refund\n"
               "  - name: b\n    grant: partial_refund\n", RETOUR_ESCHEMA, 8, 12,
               "goodwill[1].grant",
               "'partial_refund' needs a percentage, e.g. 'partial_refund 50%'");
}

static void test_policy_errors_rules(void **state)
{
    fx *f = *state;
    /* Duplicate names: the second one's value, "  - name: " is 10 characters. */
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    grant: refund\n"
               "  - name: a\n    grant: store_credit\n", RETOUR_ESCHEMA, 7, 11,
               "goodwill[1].name",
               "rule name 'a' is used twice; decisions name the rule, so names must be unique");
    /* Categories must exist: "    when: { categories: [jewellery, " puts watchs at 37. */
    load_fails(f, HEAD("EU") "categories:\n  jewellery:\ngoodwill:\n  - name: a\n"
               "    when: { categories: [jewellery, watchs] }\n    grant: refund\n",
               RETOUR_ESCHEMA, 8, 37, "goodwill[0].when.categories[1]",
               "unknown category 'watchs'; it must be one of the keys under categories");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n"
               "    when: { categories: [jewellery] }\n    grant: refund\n",
               RETOUR_ESCHEMA, 6, 26, "goodwill[0].when.categories[0]",
               "unknown category 'jewellery'; it must be one of the keys under categories");
    /* Conditions. */
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    when: { cause: [misuse, acident] }\n"
               "    grant: refund\n", RETOUR_ESCHEMA, 6, 29, "goodwill[0].when.cause[1]",
               "unknown value 'acident'; did you mean 'accident'? (expected one of: unknown, "
               "defect, wear, misuse, accident)");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    when: { type: exchange }\n"
               "    grant: refund\n", RETOUR_ESCHEMA, 6, 19, "goodwill[0].when.type",
               "unknown value 'exchange' (expected one of: withdrawal, complaint)");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    when: { max_amount: \"5.001\" }\n"
               "    grant: refund\n", RETOUR_ERANGE, 6, 25, "goodwill[0].when.max_amount",
               "amount '5.001' is invalid: 3 decimals (EUR has 2)");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    when: { min_orders: -1 }\n"
               "    grant: refund\n", RETOUR_ERANGE, 6, 25, "goodwill[0].when.min_orders",
               "-1 is out of range: expected a whole number from 0 to 1000000");
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n    when: { min_order: 3 }\n"
               "    grant: refund\n", RETOUR_ESCHEMA, 6, 13, "goodwill[0].when.min_order",
               "unknown key 'min_order'; did you mean 'min_orders'? (expected one of: type, "
               "min_orders, min_lifetime_spend, max_amount, max_days_late, "
               "max_goodwill_last_year, max_claims_last_year, cause, customer_admits_damage, "
               "categories, excluded)");
}

/* The new keys of the complaints section and of categories. */
static void test_policy_errors_other_sections(void **state)
{
    fx *f = *state;
    load_fails(f, HEAD("EU") "complaints:\n  remedy: credit\n", RETOUR_ESCHEMA, 5, 11,
               "complaints.remedy",
               "unknown value 'credit' (expected one of: repair, replace, refund, store_credit, "
               "repair_only, replace_only, credit_note)");
    load_fails(f, HEAD("EU") "complaints:\n  inspection: yes\n", RETOUR_ESCHEMA, 5, 15,
               "complaints.inspection",
               "unknown value 'yes' (expected one of: not_required, required)");
    load_fails(f, HEAD("EU") "categories:\n  rings:\n    inspection: maybe\n", RETOUR_ESCHEMA,
               6, 17, "categories.rings.inspection",
               "unknown value 'maybe' (expected one of: not_required, required)");
    load_fails(f, HEAD("EU") "categories:\n  rings:\n    lifespan_months: 0\n", RETOUR_ERANGE,
               6, 22, "categories.rings.lifespan_months",
               "0 is out of range: expected a whole number from 1 to 1200");
    load_fails(f, HEAD("EU") "review:\n  claims_last_year: 0\n", RETOUR_ERANGE, 5, 21,
               "review.claims_last_year",
               "0 is out of range: expected a whole number from 1 to 1000000");
    load_fails(f, HEAD("EU") "review:\n  amount: \"1000.001\"\n", RETOUR_ERANGE, 5, 11,
               "review.amount", "amount '1000.001' is invalid: 3 decimals (EUR has 2)");
}

/* Required keys of a rule. The library's convention for a missing required key (see
 * test_policy_load.c, test_missing_required_keys) is a path that ends in the key itself and,
 * for a key present but null, the place of the null value.
 * Regression: a rule without name or grant reports the path of the rule ("goodwill[0]"),
 * not "goodwill[0].name" / "goodwill[0].grant"; "name: ~" points at the rule (5:5), not at
 * the null value (5:11). Line and column of a missing key are the rule's start (5:5). */
static void test_policy_errors_missing_name(void **state)
{
    fx *f = *state;
    load_fails(f, HEAD("EU") "goodwill:\n  - grant: refund\n", RETOUR_ESCHEMA, 5, RULE_COL,
               "goodwill[0].name",
               "missing required key 'name' (a name for the rule, shown in decisions)");
}

static void test_policy_errors_missing_grant(void **state)
{
    fx *f = *state;
    load_fails(f, HEAD("EU") "goodwill:\n  - name: a\n", RETOUR_ESCHEMA, 5, RULE_COL,
               "goodwill[0].grant",
               "missing required key 'grant' (refund, store_credit, exchange, repair, replace, "
               "'partial_refund N%' or 'repair_discount N%')");
}

static void test_policy_errors_null_name(void **state)
{
    fx *f = *state;
    load_fails(f, HEAD("EU") "goodwill:\n  - name: ~\n    grant: refund\n", RETOUR_ESCHEMA, 5,
               11, "goodwill[0].name",
               "missing required key 'name' (a name for the rule, shown in decisions)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TG(test_first_matching_rule_wins),
        TG(test_condition_customer),
        TG(test_condition_max_amount),
        TG(test_condition_max_days_late),
        TG(test_condition_type),
        TG(test_condition_cause),
        TG(test_condition_customer_admits_damage),
        TG(test_customer_admits_damage_means_admitted),
        TG(test_condition_categories),
        TG(test_condition_excluded),
        TG(test_grants),
        TG(test_goodwill_pays_no_outbound_shipping),
        TG(test_honest_accident_story),
        TG(test_review_frequent_claims),
        TG(test_review_high_amount),
        TG(test_review_signals_hold_never_refuse),
        TG(test_policy_errors_grant),
        TG(test_policy_errors_rules),
        TG(test_policy_errors_other_sections),
        TG(test_policy_errors_missing_name),
        TG(test_policy_errors_missing_grant),
        TG(test_policy_errors_null_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
