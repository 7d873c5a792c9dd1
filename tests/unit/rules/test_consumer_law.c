/* Unit tests for the consumer's country (lib/rules/consumer_law.c, the guarantee's mix in
 * lib/law/guarantee_law.c): under the Rome I Regulation art. 6(2) a shop that directs its
 * activity to the consumer's country (sells_to) cannot take away the protection of that
 * country's mandatory law. Each test asserts which law decided, the reason
 * consumer_country_law with its figures, and the citations of the law that gave them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "evaluation_support.h"

#define PRICE 10000
#define SGD "Directive (EU) 2019/771"
#define REVIEW RETOUR_OUTCOME_REVIEW
#define LEGAL RETOUR_BASIS_LEGAL_GUARANTEE

/* A complaint about one item, ordered two days before delivery, the problem on `noticed`,
 * by a consumer living in country (NULL: not given). */
static void claim(fx *f, const char *country, retour_date delivered, retour_date noticed)
{
    reset_complaint(f, noticed);
    assert_int_equal(retour_request_set_ordered(f->r, delivered - 2), RETOUR_OK);
    assert_int_equal(retour_request_set_customer_country(f->r, country), RETOUR_OK);
    add(f, "ITEM", NULL, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, noticed, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
}

/* A German shop selling to Spain: a Spanish consumer keeps the three-year guarantee and the
 * two-year presumption of Spanish law (TRLGDCU art. 120; Directive (EU) 2019/771 art. 10(1),
 * 11); a German one, or one from a country the shop does not sell to, gets German law. */
static void test_spanish_consumer_german_shop(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE") "sells_to: [ES, FR]\n");
    retour_date delivered = ymd(2024, 3, 4);
    /* 30 months after delivery: past the German 24, inside the Spanish 36. */
    claim(f, "ES", delivered, ymd(2026, 9, 4));
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "consumer_country_law evidence_required#0");
    const retour_reason *r = assert_reason(f->d, "consumer_country_law", -1,
                                           "Regulation (EC) No 593/2008 art. 6(2)", 4, 11);
    (void)r;
    const char *en = message(f->d, 0, RETOUR_LANG_EN);
    assert_string_equal(en, "The consumer lives in ES, a country the shop sells to: where the law of "
                            "ES protects the consumer more than that of DE, it applies. From the "
                            "law of ES: the legal guarantee period and the presumption period.");
    assert_contains(message(f->d, 0, RETOUR_LANG_NL),
                    "Uit het recht van ES: de wettelijke garantietermijn en de termijn van het "
                    "vermoeden.");
    assert_reason(f->d, "evidence_required", 0, SGD " art. 11", 2, 15);
    /* 18 months: presumed under Spanish law (24 months), not German (12). */
    claim(f, "ES", delivered, ymd(2025, 9, 4));
    assert_reasons(f->d, "consumer_country_law presumed_defect#0 remedy_repair_or_replace_first#0");
    /* The same for a German consumer: German law alone, no reason about it. */
    claim(f, "DE", delivered, ymd(2026, 9, 4));
    assert_reasons(f->d, "guarantee_expired#0");
    /* A country the shop does not sell to: its jurisdiction alone decides. */
    claim(f, "PT", delivered, ymd(2026, 9, 4));
    assert_reasons(f->d, "guarantee_expired#0");
    /* No country given: the same. */
    claim(f, NULL, delivered, ymd(2026, 9, 4));
    assert_reasons(f->d, "guarantee_expired#0");
}

/* A French consumer of the same shop: French law presumes for 24 months (L217-7), the
 * period is the same: only the presumption comes from France. */
static void test_one_figure_from_the_consumer(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE") "sells_to: [ES, FR]\n");
    claim(f, "FR", ymd(2024, 3, 4), ymd(2025, 9, 4));
    assert_reasons(f->d, "consumer_country_law presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_contains(message(f->d, 0, RETOUR_LANG_EN), "From the law of FR: the presumption period.");
    assert_reason(f->d, "presumed_defect", 0, "Code de la consommation art. L217-7; " SGD " art. 11",
                  2, 15);
}

/* A Spanish shop selling to Germany: Spanish law already gives more, so the German
 * consumer's law adds nothing and the reason says so. */
static void test_policy_law_protects_as_much(void **state)
{
    fx *f = *state;
    load(f, HEAD("ES") "sells_to: [DE]\n");
    claim(f, "DE", ymd(2024, 3, 4), ymd(2026, 9, 4));
    assert_reasons(f->d, "consumer_country_law evidence_required#0");
    assert_contains(message(f->d, 0, RETOUR_LANG_EN), "Here the law of ES protects as much: it decides.");
    assert_contains(message(f->d, 0, RETOUR_LANG_NL), "Hier beschermt het recht van ES even veel");
}

/* A shop without a statutory right of its own (jurisdiction none) that sells to Belgium:
 * a Belgian consumer has the right of withdrawal of Belgian law, with its calendar. */
static void test_right_from_the_consumer(void **state)
{
    fx *f = *state;
    load(f, HEAD("none") "sells_to: [BE]\nwithdrawal: { days: 10 }\n");
    /* Day 12 after delivery: past the shop's 10 days, inside the law's 14. */
    reset(f, ymd(2026, 3, 14));
    assert_int_equal(retour_request_set_customer_country(f->r, "BE"), RETOUR_OK);
    add(f, "A", NULL, PRICE, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    /* The shop's 10 days are below the law's 14: set aside; and terms stating them do not
     * inform the consumer as Belgian law requires (Directive 2011/83/EU art. 6(1)(h), 10):
     * the period runs 12 months longer (withdrawal_information_wrong). */
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, PRICE, "2027-03-16");
    assert_reasons(f->d, "consumer_country_law within_withdrawal_period policy_below_legal_floor "
                         "withdrawal_information_wrong packaging_opened_allowed#0 "
                         "deadline_moved_to_working_day deadline_moved_to_working_day");
    assert_reason(f->d, "withdrawal_information_wrong", -1, CRD " art. 10(1)", 5, 21);
    assert_contains(message(f->d, 0, RETOUR_LANG_EN), "From the law of BE: the right of withdrawal itself.");
    assert_reason(f->d, "within_withdrawal_period", -1, CRD " art. 9", 2, 15);
    assert_string_equal(retour_decision_calendar(f->d), "weekends_and_be_holidays");
    /* Without the country the shop's own 10 days decide: late. */
    reset(f, ymd(2026, 3, 14));
    add(f, "A", NULL, PRICE, 1, ymd(2026, 3, 2), RETOUR_PACKAGING_OPENED);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_REJECT);
}

/* A Dutch shop selling to Belgium: the period of a Belgian consumer ends on 21 July 2026, the
 * Belgian national day (a Tuesday, no Dutch holiday), so it runs to 22 July. */
static void test_consumer_holidays_move_deadlines(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL") "sells_to: [BE]\n");
    reset(f, ymd(2026, 7, 22));
    assert_int_equal(retour_request_set_customer_country(f->r, "BE"), RETOUR_OK);
    add(f, "A", NULL, PRICE, 1, ymd(2026, 7, 7), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, PRICE, "2026-07-22");
    assert_reasons(f->d, "consumer_country_law within_withdrawal_period deadline_moved_to_working_day");
    assert_contains(message(f->d, 0, RETOUR_LANG_EN),
                    "From the law of BE: its public holidays, which also move deadlines.");
    /* A Dutch consumer's period ends on the 21st: the 22nd is late. */
    reset(f, ymd(2026, 7, 22));
    add(f, "A", NULL, PRICE, 1, ymd(2026, 7, 7), RETOUR_PACKAGING_SEALED);
    eval_ok(f);
    assert_int_equal(retour_decision_outcome(f->d), RETOUR_OUTCOME_REJECT);
    assert_date(retour_decision_withdrawal_deadline(f->d), "2026-07-21");
}

/* sells_to takes the law tables' country codes, each once. */
static void test_sells_to_errors(void **state)
{
    fx *f = *state;
    load_fails(f, HEAD("NL") "sells_to: [BE, XX]\n", RETOUR_ESCHEMA, 4, 16, "sells_to[1]",
               "unknown country 'XX': expected a country code of the law tables, such as NL, "
               "BE or DE (EU and none are not countries)");
    load_fails(f, HEAD("NL") "sells_to: [EU]\n", RETOUR_ESCHEMA, 4, 12, "sells_to[0]",
               "unknown country 'EU': expected a country code of the law tables, such as NL, "
               "BE or DE (EU and none are not countries)");
    load_fails(f, HEAD("NL") "sells_to: [BE, DE, BE]\n", RETOUR_ESCHEMA, 4, 20, "sells_to[2]",
               "'BE' is listed twice");
    load_fails(f, HEAD("NL") "sells_to: BE\n", RETOUR_ESCHEMA, 4, 11, "sells_to",
               "expected a list, found a single value");
}

/* The country is two capital letters; anything else is refused where it is set. */
static void test_country_values(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL"));
    assert_int_equal(retour_request_set_customer_country(f->r, "es"), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer_country(f->r, "ESP"), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer_country(NULL, "ES"), RETOUR_EINVAL);
    assert_int_equal(retour_request_set_customer_country(f->r, "ES"), RETOUR_OK);
    assert_int_equal(retour_request_set_customer_country(f->r, ""), RETOUR_OK);

    static const char yaml[] = "type: withdrawal\nnotified: 2026-03-10\n"
                               "items: [{ sku: A, price: \"1.00\", delivered: 2026-03-02 }]\n"
                               "customer: { country: es }\n";
    retour_request *q = NULL;
    assert_int_equal(retour_request_parse(&q, f->p, yaml, sizeof yaml - 1, "req.yaml", NULL,
                                          &f->err),
                     RETOUR_ESCHEMA);
    assert_null(q);
    assert_string_equal(f->err.path, "customer.country");
    assert_string_equal(f->err.message, "expected a country code such as ES (ISO 3166-1 "
                                        "alpha-2: two capital letters), found 'es'");
    static const char json[] = "{\"type\": \"withdrawal\", \"notified\": \"2026-03-10\", "
                               "\"items\": [{\"sku\": \"A\", \"price\": \"1.00\", "
                               "\"delivered\": \"2026-03-02\"}], "
                               "\"customer\": {\"country\": \"E1\"}}";
    assert_int_equal(retour_request_parse_json(f->r, f->p, json, sizeof json - 1, "req.json",
                                               &f->err),
                     RETOUR_ESCHEMA);
    assert_string_equal(f->err.path, "customer.country");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_spanish_consumer_german_shop),
        T(test_one_figure_from_the_consumer),
        T(test_policy_law_protects_as_much),
        T(test_right_from_the_consumer),
        T(test_consumer_holidays_move_deadlines),
        T(test_sells_to_errors),
        T(test_country_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
