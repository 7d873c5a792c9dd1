/* Unit tests for the complaint rules of retour_evaluate() (lib/rules/complaint.c with the figures of
 * lib/law/guarantee_law.c): the legal guarantee per jurisdiction, the shop's own guarantee, the
 * presumption period, customer-caused damage, wear, inspection, remedies in legal order, the
 * UK short-term right to reject, request errors, citations, policy sources and messages.
 * Policies are inline YAML; requests are built through the C API. Every period is tested on
 * its last day in and its first day out.
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

/* Line 2 of every policy (HEAD) is the jurisdiction; its value starts in column 15. */
#define JUR_LINE 2
#define JUR_COL 15

#define SGD "Directive (EU) 2019/771"
#define SGD_PERIOD SGD " art. 10(1)"
#define SGD_PRESUMPTION SGD " art. 11"
#define SGD_ORDER SGD " art. 13(2)"
#define SGD_FAILED SGD " art. 13"
#define CRA "Consumer Rights Act 2015"

#define ACCEPT RETOUR_OUTCOME_ACCEPT
#define REVIEW RETOUR_OUTCOME_REVIEW
#define REJECT RETOUR_OUTCOME_REJECT
#define PARTIAL RETOUR_OUTCOME_PARTIAL
#define LEGAL RETOUR_BASIS_LEGAL_GUARANTEE
#define COMMERCIAL RETOUR_BASIS_COMMERCIAL_GUARANTEE

#define PRICE 8900

/* ------------------------------------------------------------------------------------
 * Helpers of this file
 * ---------------------------------------------------------------------------------- */

/* A fresh complaint notified on `notified` about one item (price 89.00, quantity 1) of
 * category (NULL: none) delivered on `delivered`, with the given complaint details (the
 * customer admits nothing, no earlier repair failed), evaluated with eval_ok. */
static void claim(fx *f, retour_date notified, const char *category, retour_date delivered,
                  retour_date noticed, retour_cause cause, retour_remedy remedy)
{
    reset_complaint(f, notified);
    add(f, "ITEM", category, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, noticed, cause, 0, remedy, 0);
    eval_ok(f);
}

/* The problem appeared on `noticed` (also the notification day). */
static void claim_on(fx *f, retour_date noticed, const char *category, retour_date delivered,
                     retour_cause cause, retour_remedy remedy)
{
    claim(f, noticed, category, delivered, noticed, cause, remedy);
}

/* The message of the only reason with this code and item. */
static const char *msg_of(const retour_decision *d, const char *code, long item,
                          retour_lang lang)
{
    return message(d, reason_index(d, code, item), lang);
}

/* ------------------------------------------------------------------------------------
 * 1. The presumption period
 * ---------------------------------------------------------------------------------- */

/* EU: 12 months. Delivered 2026-01-31: the last day in is 2027-01-31. */
static void test_presumption_eu_boundary(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    retour_date delivered = ymd(2026, 1, 31);

    claim_on(f, ymd(2027, 1, 31), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "presumed_defect", 0, SGD_PRESUMPTION, JUR_LINE, JUR_COL);
    /* No complaints section: the shop's first remedy is the default, repair, from no line. */
    assert_reason(f->d, "remedy_repair_or_replace_first", 0, SGD_ORDER, 0, 0);
    assert_item(f->d, 0, ACCEPT, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);
    assert_string_equal(msg_of(f->d, "presumed_defect", 0, RETOUR_LANG_EN),
                        "The problem appeared on 2027-01-31, within 12 months of delivery: the "
                        "law presumes the defect was there at delivery, so the shop may not "
                        "refuse without proof otherwise.");
    assert_string_equal(msg_of(f->d, "presumed_defect", 0, RETOUR_LANG_NL),
                        "Het probleem ontstond op 2027-01-31, binnen 12 maanden na levering: de "
                        "wet neemt aan dat het gebrek er bij levering al was, dus de winkel mag "
                        "niet weigeren zonder tegenbewijs.");
    assert_string_equal(msg_of(f->d, "remedy_repair_or_replace_first", 0, RETOUR_LANG_EN),
                        "Repair or replacement comes first; a price reduction or refund only "
                        "when that is impossible, disproportionate or has failed. The shop "
                        "offers repair.");
    assert_string_equal(msg_of(f->d, "remedy_repair_or_replace_first", 0, RETOUR_LANG_NL),
                        "Eerst herstel of vervanging; prijsverlaging of terugbetaling alleen als "
                        "dat onmogelijk of onevenredig is of is mislukt. De winkel biedt herstel "
                        "aan.");

    claim_on(f, ymd(2027, 2, 1), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");
    assert_reason(f->d, "evidence_required", 0, SGD_PRESUMPTION, JUR_LINE, JUR_COL);
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_NONE, 0);
    assert_string_equal(msg_of(f->d, "evidence_required", 0, RETOUR_LANG_EN),
                        "The problem appeared on 2027-02-01, after the 12-month presumption "
                        "period: the consumer must show that the defect was there at delivery; "
                        "a person assesses the evidence.");
    assert_string_equal(msg_of(f->d, "evidence_required", 0, RETOUR_LANG_NL),
                        "Het probleem ontstond op 2027-02-01, na de vermoedenstermijn van 12 "
                        "maanden: de consument moet aantonen dat het gebrek er bij levering al "
                        "was; een medewerker beoordeelt het bewijs.");
}

/* Month-end clamping: 2024-02-29 + 12 months is 2025-02-28 (no 29th that year). */
static void test_presumption_month_end_clamping(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    retour_date delivered = ymd(2024, 2, 29);
    claim_on(f, ymd(2025, 2, 28), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    claim_on(f, ymd(2025, 3, 1), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");

    /* The guarantee clamps the same way: 2024-02-29 + 24 months is 2026-02-28. */
    claim_on(f, ymd(2026, 2, 28), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");
    assert_contains(msg_of(f->d, "defect_confirmed", 0, RETOUR_LANG_EN), "ends on 2026-02-28");
    claim_on(f, ymd(2026, 3, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* UK, 6 months: 2026-03-31 + 6 months is 2026-09-30. */
    load(f, HEAD("UK"));
    delivered = ymd(2026, 3, 31);
    claim_on(f, ymd(2026, 9, 30), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    claim_on(f, ymd(2026, 10, 1), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");
}

/* Each jurisdiction's presumption: length, citation, and what the first day after it gives
 * (evidence_required while the guarantee still runs; guarantee_expired where both end
 * together, BE and FR). Delivered 2026-01-31. */
static void test_presumption_per_jurisdiction(void **state)
{
    fx *f = *state;
    static const struct {
        const char *policy;
        int months;
        const char *law;
        const char *after;
    } cases[] = {
        { HEAD("EU"), 12, SGD_PRESUMPTION, "contract_date_assumed evidence_required#0" },
        { HEAD("FI"), 12, SGD_PRESUMPTION, "contract_date_assumed evidence_required#0" },
        { HEAD("NL"), 12, SGD_PRESUMPTION, "contract_date_assumed evidence_required#0" },
        { HEAD("DE"), 12, "BGB §477(1); " SGD_PRESUMPTION, "contract_date_assumed evidence_required#0" },
        { HEAD("BE"), 24, SGD_PRESUMPTION, "contract_date_assumed guarantee_expired#0" },
        { HEAD("FR"), 24, "Code de la consommation art. L217-7; " SGD_PRESUMPTION,
          "contract_date_assumed guarantee_expired#0" },
        { HEAD("ES"), 24, SGD_PRESUMPTION, "contract_date_assumed evidence_required#0" },
        { HEAD("PT"), 24, "Decreto-Lei 84/2021; " SGD_PRESUMPTION, "contract_date_assumed evidence_required#0" },
        { HEAD("SE"), 24, "Konsumentköplag (2022:260); " SGD_PRESUMPTION,
          "contract_date_assumed evidence_required#0" },
        { HEAD("UK"), 6, CRA " s.19", "contract_date_assumed evidence_required#0" },
    };
    retour_date delivered = ymd(2026, 1, 31);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load(f, cases[i].policy);
        int total = 2026 * 12 + cases[i].months; /* months since year 0, January = 0 */
        retour_date last = ymd(total / 12, total % 12 + 1, 31); /* all land on a 31st */
        claim_on(f, last, NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
        assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
        assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
        assert_reason(f->d, "presumed_defect", 0, cases[i].law, JUR_LINE, JUR_COL);
        char months[40];
        snprintf(months, sizeof months, "within %d months of delivery", cases[i].months);
        assert_contains(msg_of(f->d, "presumed_defect", 0, RETOUR_LANG_EN), months);

        claim_on(f, last + 1, NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
        assert_reasons(f->d, cases[i].after);
        if (strcmp(cases[i].after, "contract_date_assumed evidence_required#0") == 0) {
            assert_decided(f->d, REVIEW, LEGAL, 0, 0);
            assert_reason(f->d, "evidence_required", 0, cases[i].law, JUR_LINE, JUR_COL);
        } else {
            assert_decided(f->d, REJECT, LEGAL, 0, 0);
        }
    }
}

/* ------------------------------------------------------------------------------------
 * 2. The legal guarantee
 * ---------------------------------------------------------------------------------- */

/* Each jurisdiction's guarantee: on its last day an established defect is covered, the
 * next day the item is refused (guarantee_expired), citing the period. Delivered 2026-01-31. */
static void test_guarantee_per_jurisdiction(void **state)
{
    fx *f = *state;
    static const struct {
        const char *policy;
        const char *last, *first_out;
        const char *law;
        int y, m, d;
    } cases[] = {
        { HEAD("EU"), "2028-01-31", "2028-02-01", SGD_PERIOD, 2028, 1, 31 },
        { HEAD("DE"), "2028-01-31", "2028-02-01", SGD_PERIOD, 2028, 1, 31 },
        { HEAD("FI"), "2028-01-31", "2028-02-01", SGD_PERIOD, 2028, 1, 31 },
        { HEAD("NL"), "2028-01-31", "2028-02-01", "BW 7:17; " SGD_PERIOD, 2028, 1, 31 },
        { HEAD("BE"), "2028-01-31", "2028-02-01",
          "Civil Code (old) art. 1649quater; " SGD_PERIOD, 2028, 1, 31 },
        { HEAD("ES"), "2029-01-31", "2029-02-01", "TRLGDCU art. 120; " SGD_PERIOD, 2029, 1, 31 },
        { HEAD("PT"), "2029-01-31", "2029-02-01", "Decreto-Lei 84/2021; " SGD_PERIOD, 2029, 1,
          31 },
        { HEAD("SE"), "2029-01-31", "2029-02-01", "Konsumentköplag (2022:260); " SGD_PERIOD,
          2029, 1, 31 },
    };
    retour_date delivered = ymd(2026, 1, 31);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load(f, cases[i].policy);
        retour_date last = ymd(cases[i].y, cases[i].m, cases[i].d);
        claim_on(f, last, NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
        assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
        assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");
        assert_reason(f->d, "defect_confirmed", 0, cases[i].law, JUR_LINE, JUR_COL);
        char text[300];
        snprintf(text, sizeof text,
                 "A defect was established and the complaint falls within the guarantee, "
                 "which ends on %s: the consumer is entitled to a remedy.", cases[i].last);
        assert_string_equal(msg_of(f->d, "defect_confirmed", 0, RETOUR_LANG_EN), text);

        claim_on(f, last + 1, NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
        assert_decided(f->d, REJECT, LEGAL, 0, 0);
        assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
        assert_reason(f->d, "guarantee_expired", 0, cases[i].law, JUR_LINE, JUR_COL);
        assert_item(f->d, 0, REJECT, 0, 0);
        assert_remedy(f->d, 0, RETOUR_REMEDY_NONE, 0);
        snprintf(text, sizeof text, "The problem appeared on %s, after the guarantee ended on %s.",
                 cases[i].first_out, cases[i].last);
        assert_string_equal(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_EN), text);
        snprintf(text, sizeof text, "Het probleem ontstond op %s, nadat de garantie op %s was "
                 "geëindigd.", cases[i].first_out, cases[i].last);
        assert_string_equal(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_NL), text);

        /* An unknown cause on the last day: inside the guarantee, never refused. */
        claim_on(f, last, NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
        assert_int_not_equal(retour_decision_outcome(f->d), REJECT);
    }
}

/* NL follows the category's expected lifespan (at least 24 months); other EU countries keep
 * their fixed period whatever the lifespan. */
static void test_nl_lifespan(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL")
            "categories:\n"               /* 4 */
            "  jewellery:\n"              /* 5 */
            "    lifespan_months: 36\n"   /* 6, value column 22 */
            "  watches:\n"                /* 7 */
            "    lifespan_months: 12\n"   /* 8: shorter than the legal floor */
            "  apparel:\n");              /* 9: no lifespan */
    retour_date delivered = ymd(2026, 1, 31);
    const char *nl_law = "BW 7:17; " SGD_PERIOD;

    claim_on(f, ymd(2029, 1, 31), "jewellery", delivered, RETOUR_CAUSE_DEFECT,
             RETOUR_REMEDY_NONE);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "defect_confirmed", 0, nl_law, 6, 22);
    assert_contains(msg_of(f->d, "defect_confirmed", 0, RETOUR_LANG_EN), "ends on 2029-01-31");
    assert_string_equal(msg_of(f->d, "defect_confirmed", 0, RETOUR_LANG_NL),
                        "Er is een gebrek vastgesteld en de klacht valt binnen de garantie, die "
                        "eindigt op 2029-01-31: de consument heeft recht op herstel.");
    /* An unknown cause after the presumption but within the lifespan: the consumer shows it. */
    claim_on(f, ymd(2029, 1, 31), "jewellery", delivered, RETOUR_CAUSE_UNKNOWN,
             RETOUR_REMEDY_NONE);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");
    assert_reason(f->d, "evidence_required", 0, SGD_PRESUMPTION, JUR_LINE, JUR_COL);

    claim_on(f, ymd(2029, 2, 1), "jewellery", delivered, RETOUR_CAUSE_DEFECT,
             RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, nl_law, 6, 22);
    assert_string_equal(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_EN),
                        "The problem appeared on 2029-02-01, after the guarantee ended on "
                        "2029-01-31.");

    /* A lifespan under 24 months, no lifespan, an unlisted category (which says so), no
     * category: 24. */
    static const struct {
        const char *category, *confirmed, *expired;
    } others[] = {
        { "watches", "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0",
          "contract_date_assumed guarantee_expired#0" },
        { "apparel", "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0",
          "contract_date_assumed guarantee_expired#0" },
        { "rings",
          "contract_date_assumed category_not_listed#0 defect_confirmed#0 "
          "remedy_repair_or_replace_first#0",
          "contract_date_assumed category_not_listed#0 guarantee_expired#0" },
        { NULL, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0",
          "contract_date_assumed guarantee_expired#0" },
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        claim_on(f, ymd(2028, 1, 31), others[i].category, delivered, RETOUR_CAUSE_DEFECT,
                 RETOUR_REMEDY_NONE);
        assert_reasons(f->d, others[i].confirmed);
        assert_reason(f->d, "defect_confirmed", 0, nl_law, JUR_LINE, JUR_COL);
        claim_on(f, ymd(2028, 2, 1), others[i].category, delivered, RETOUR_CAUSE_DEFECT,
                 RETOUR_REMEDY_NONE);
        assert_reasons(f->d, others[i].expired);
        assert_reason(f->d, "guarantee_expired", 0, nl_law, JUR_LINE, JUR_COL);
        assert_contains(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_EN),
                        "ended on 2028-01-31");
    }

    /* The default category lends its lifespan to items without a category. */
    load(f, HEAD("NL")
            "categories:\n"
            "  jewellery:\n"
            "    lifespan_months: 36\n"   /* 6:22 */
            "default_category: jewellery\n");
    claim_on(f, ymd(2029, 1, 31), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "defect_confirmed", 0, nl_law, 6, 22);
    claim_on(f, ymd(2029, 2, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* DE is not lifespan-based: 36 months of lifespan leave the 24-month period alone. */
    load(f, HEAD("DE")
            "categories:\n"
            "  jewellery:\n"
            "    lifespan_months: 36\n");
    claim_on(f, ymd(2028, 2, 1), "jewellery", delivered, RETOUR_CAUSE_DEFECT,
             RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, SGD_PERIOD, JUR_LINE, JUR_COL);
}

/* ------------------------------------------------------------------------------------
 * 3. The shop's commercial guarantee
 * ---------------------------------------------------------------------------------- */

static void test_commercial_guarantee(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "complaints:\n"
            "  guarantee_months: 36\n"); /* 5, value column 21 */
    retour_date delivered = ymd(2026, 1, 31);

    /* Still inside the legal guarantee: the law decides, no word of the shop's. */
    claim_on(f, ymd(2028, 1, 31), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");
    assert_reason(f->d, "evidence_required", 0, SGD_PRESUMPTION, JUR_LINE, JUR_COL);

    /* The first day after the legal guarantee: only the shop's covers it. */
    claim_on(f, ymd(2028, 2, 1), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REVIEW, COMMERCIAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed within_commercial_guarantee#0 evidence_required#0");
    assert_reason(f->d, "within_commercial_guarantee", 0, NULL, 5, 21);
    /* No law decided: only the shop's guarantee covers the item, without a presumption. */
    assert_reason(f->d, "evidence_required", 0, NULL, 5, 21);
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_string_equal(msg_of(f->d, "within_commercial_guarantee", 0, RETOUR_LANG_EN),
                        "The legal guarantee has ended, but the shop's own 36-month guarantee "
                        "covers the item until 2029-01-31.");
    assert_string_equal(msg_of(f->d, "within_commercial_guarantee", 0, RETOUR_LANG_NL),
                        "De wettelijke garantie is voorbij, maar de eigen garantie van 36 "
                        "maanden van de winkel dekt het artikel tot 2029-01-31.");

    /* An established defect on the shop's last day: accepted under the shop's guarantee. */
    claim_on(f, ymd(2029, 1, 31), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_REPLACE);
    assert_decided(f->d, ACCEPT, COMMERCIAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed within_commercial_guarantee#0 defect_confirmed#0 "
                         "remedy_consumer_choice#0");
    assert_reason(f->d, "defect_confirmed", 0, NULL, 5, 21);
    assert_contains(msg_of(f->d, "defect_confirmed", 0, RETOUR_LANG_EN), "ends on 2029-01-31");
    assert_item(f->d, 0, ACCEPT, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);

    /* The day after: refused, the shop's guarantee decided. */
    claim_on(f, ymd(2029, 2, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, NULL, 5, 21);
    assert_string_equal(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_EN),
                        "The problem appeared on 2029-02-01, after the guarantee ended on "
                        "2029-01-31.");

    /* Customer-caused damage is no defect under the shop's guarantee either. */
    claim_on(f, ymd(2028, 6, 1), NULL, delivered, RETOUR_CAUSE_MISUSE, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, COMMERCIAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed within_commercial_guarantee#0 customer_caused_damage#0");

    /* One item under the law and one under the shop's guarantee: the basis is the law. */
    reset_complaint(f, ymd(2028, 6, 1));
    add(f, "OLD", NULL, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    add(f, "NEW", NULL, PRICE, 1, ymd(2027, 1, 31), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT, 0, RETOUR_REMEDY_NONE, 0);
    complain(f, 1, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed within_commercial_guarantee#0 defect_confirmed#0 "
                         "remedy_repair_or_replace_first#0 defect_confirmed#1 "
                         "remedy_repair_or_replace_first#1");
    assert_reason(f->d, "defect_confirmed", 1, SGD_PERIOD, JUR_LINE, JUR_COL);

    /* A shop guarantee shorter than the law's adds nothing. */
    load(f, HEAD("EU")
            "complaints:\n"
            "  guarantee_months: 12\n");
    claim_on(f, ymd(2028, 1, 31), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");
    claim_on(f, ymd(2028, 2, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, SGD_PERIOD, JUR_LINE, JUR_COL);

    /* guarantee_months: 0 is "none". */
    load(f, HEAD("EU")
            "complaints:\n"
            "  guarantee_months: 0\n");
    claim_on(f, ymd(2028, 2, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, SGD_PERIOD, JUR_LINE, JUR_COL);
}

/* No legal guarantee at all: refused unless the shop's own guarantee covers it. */
static void test_jurisdiction_none(void **state)
{
    fx *f = *state;
    load(f, HEAD("none"));
    retour_date delivered = ymd(2026, 3, 1);

    claim_on(f, ymd(2026, 3, 2), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, NULL, JUR_LINE, JUR_COL);
    /* Even on the day of delivery. */
    claim_on(f, delivered, NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "guarantee_expired#0");

    load(f, HEAD("none")
            "complaints:\n"
            "  guarantee_months: 12\n"); /* 5:21 */
    /* No presumption without the law: the consumer shows the defect. */
    claim_on(f, ymd(2026, 3, 2), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REVIEW, COMMERCIAL, 0, 0);
    assert_reasons(f->d, "within_commercial_guarantee#0 evidence_required#0");
    assert_reason(f->d, "within_commercial_guarantee", 0, NULL, 5, 21);
    assert_reason(f->d, "evidence_required", 0, NULL, 5, 21);

    claim_on(f, ymd(2027, 3, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, ACCEPT, COMMERCIAL, 0, 0);
    assert_reasons(f->d, "within_commercial_guarantee#0 defect_confirmed#0 "
                         "remedy_consumer_choice#0");
    assert_reason(f->d, "defect_confirmed", 0, NULL, 5, 21);
    assert_reason(f->d, "remedy_consumer_choice", 0, NULL, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);

    claim_on(f, ymd(2027, 3, 2), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, NULL, 5, 21);
    assert_contains(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_EN),
                    "after the guarantee ended on 2027-03-01");
}

/* Regression (message): with no legal presumption (jurisdiction none) the evidence message
 * speaks of a "0-month presumption period", a period that does not exist. */
static void test_jurisdiction_none_evidence_message(void **state)
{
    fx *f = *state;
    load(f, HEAD("none")
            "complaints:\n"
            "  guarantee_months: 12\n");
    claim_on(f, ymd(2026, 3, 2), NULL, ymd(2026, 3, 1), RETOUR_CAUSE_UNKNOWN,
             RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "within_commercial_guarantee#0 evidence_required#0");
    const char *en = msg_of(f->d, "evidence_required", 0, RETOUR_LANG_EN);
    if (strstr(en, "0-month") != NULL)
        fail_msg("Regression: evidence_required without a presumption period says: %s", en);
    const char *nl = msg_of(f->d, "evidence_required", 0, RETOUR_LANG_NL);
    if (strstr(nl, "van 0 maanden") != NULL)
        fail_msg("Regression: evidence_required without a presumption period says: %s", nl);
}

/* ------------------------------------------------------------------------------------
 * 4. UK: the 30-day short-term right to reject, 6-month presumption, 72-month outer bound
 * ---------------------------------------------------------------------------------- */

static void test_uk_short_term_reject(void **state)
{
    fx *f = *state;
    load(f, HEAD("UK"));
    retour_date delivered = ymd(2026, 3, 1);

    /* Day 30 (2026-03-31): reject for a full refund. */
    claim_on(f, ymd(2026, 3, 31), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_REFUND);
    assert_decided(f->d, ACCEPT, LEGAL, PRICE, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 short_term_reject#0");
    assert_reason(f->d, "presumed_defect", 0, CRA " s.19", JUR_LINE, JUR_COL);
    assert_reason(f->d, "short_term_reject", 0, CRA " s.22", 0, 0);
    assert_item(f->d, 0, ACCEPT, PRICE, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REFUND, 0);
    assert_string_equal(msg_of(f->d, "short_term_reject", 0, RETOUR_LANG_EN),
                        "The problem appeared within the short-term right to reject, which ends "
                        "on 2026-03-31: the consumer may reject the goods for a full refund.");
    assert_string_equal(msg_of(f->d, "short_term_reject", 0, RETOUR_LANG_NL),
                        "Het probleem ontstond binnen het kortetermijnrecht om af te wijzen, dat "
                        "eindigt op 2026-03-31: de consument mag de zaak weigeren tegen volledige "
                        "terugbetaling.");
    assert_string_equal(msg_of(f->d, "presumed_defect", 0, RETOUR_LANG_EN),
                        "The problem appeared on 2026-03-31, within 6 months of delivery: the "
                        "law presumes the defect was there at delivery, so the shop may not "
                        "refuse without proof otherwise.");

    /* Day 31: repair or replacement first. */
    claim_on(f, ymd(2026, 4, 1), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_REFUND);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "remedy_repair_or_replace_first", 0, CRA " s.19(3), s.23", 0, 0);
    assert_item(f->d, 0, ACCEPT, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);

    /* The day the problem appeared counts, not the day the shop heard of it. */
    claim(f, ymd(2026, 4, 20), NULL, delivered, ymd(2026, 3, 31), RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REFUND);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 short_term_reject#0");
    assert_decided(f->d, ACCEPT, LEGAL, PRICE, 0);

    /* An established defect within the 30 days: the same right. */
    claim_on(f, ymd(2026, 3, 10), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_REFUND);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 short_term_reject#0");
    assert_reason(f->d, "defect_confirmed", 0, NULL, JUR_LINE, JUR_COL);
    assert_decided(f->d, ACCEPT, LEGAL, PRICE, 0);

    /* Asking repair within the 30 days: the consumer's choice, no refund. */
    claim_on(f, ymd(2026, 3, 10), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");
    assert_reason(f->d, "remedy_consumer_choice", 0, CRA " s.19(3), s.23", 0, 0);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);

    /* After a failed repair, a refund under s.24. */
    reset_complaint(f, ymd(2026, 6, 1));
    add(f, "ITEM", NULL, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REFUND, 1);
    eval_ok(f);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_after_failed_repair#0");
    assert_reason(f->d, "remedy_after_failed_repair", 0, CRA " s.19(3), s.24", 0, 0);
    assert_decided(f->d, ACCEPT, LEGAL, PRICE, 0);

    /* No short-term right in the EU. */
    load(f, HEAD("EU"));
    claim_on(f, ymd(2026, 3, 5), NULL, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_REFUND);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
}

/* The UK's 72-month outer bound (no category lifespan): last day in, first day out. */
static void test_uk_outer_bound(void **state)
{
    fx *f = *state;
    load(f, HEAD("UK"));
    retour_date delivered = ymd(2026, 1, 31);
    claim_on(f, ymd(2032, 1, 31), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "defect_confirmed", 0, NULL, JUR_LINE, JUR_COL);
    assert_contains(msg_of(f->d, "defect_confirmed", 0, RETOUR_LANG_EN), "ends on 2032-01-31");
    claim_on(f, ymd(2032, 2, 1), NULL, delivered, RETOUR_CAUSE_DEFECT, RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_reason(f->d, "guarantee_expired", 0, NULL, JUR_LINE, JUR_COL);
    assert_contains(msg_of(f->d, "guarantee_expired", 0, RETOUR_LANG_EN),
                    "after the guarantee ended on 2032-01-31");
}

/* Regression: the UK's 72 months are an outer bound ("claims are limited to 6 years ... used
 * as the outer bound; the expected lifespan decides within it", guarantee_law.c). A category
 * lifespan of 84 months must not carry the guarantee past 72 months, but the library takes
 * max(72, lifespan) as for NL's floor and accepts a defect in month 84. */
static void test_uk_lifespan_stays_within_outer_bound(void **state)
{
    fx *f = *state;
    load(f, HEAD("UK")
            "categories:\n"
            "  furniture:\n"
            "    lifespan_months: 84\n");
    retour_date delivered = ymd(2026, 1, 31);
    claim_on(f, ymd(2032, 2, 1), "furniture", delivered, RETOUR_CAUSE_DEFECT,
             RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
}

/* ------------------------------------------------------------------------------------
 * 5. Remedies in legal order
 * ---------------------------------------------------------------------------------- */

static void test_remedies(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 3, 1), notified = ymd(2026, 4, 1);
    load(f, HEAD("EU"));

    /* Nothing asked: the shop's remedy, by default repair. */
    claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);

    /* The consumer's choice between repair and replacement. */
    static const struct {
        retour_remedy asked;
        const char *en, *nl;
    } choices[] = {
        { RETOUR_REMEDY_REPAIR,
          "The consumer chooses between repair and replacement and asked for repair.",
          "De consument kiest tussen herstel en vervanging en vroeg om herstel." },
        { RETOUR_REMEDY_REPLACE,
          "The consumer chooses between repair and replacement and asked for replacement.",
          "De consument kiest tussen herstel en vervanging en vroeg om vervanging." },
    };
    for (size_t i = 0; i < 2; i++) {
        claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
              choices[i].asked);
        assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
        assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");
        assert_reason(f->d, "remedy_consumer_choice", 0, SGD_ORDER, 0, 0);
        assert_item(f->d, 0, ACCEPT, 0, 0);
        assert_remedy(f->d, 0, choices[i].asked, 0);
        assert_string_equal(msg_of(f->d, "remedy_consumer_choice", 0, RETOUR_LANG_EN),
                            choices[i].en);
        assert_string_equal(msg_of(f->d, "remedy_consumer_choice", 0, RETOUR_LANG_NL),
                            choices[i].nl);
    }

    /* The shop prefers replacement: asked refund or price reduction, it offers that. */
    load(f, HEAD("EU")
            "complaints:\n"
            "  remedy: replace\n"); /* 5, value column 11 */
    static const retour_remedy premature[] = { RETOUR_REMEDY_REFUND,
                                               RETOUR_REMEDY_PRICE_REDUCTION,
                                               RETOUR_REMEDY_NONE };
    for (size_t i = 0; i < 3; i++) {
        claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, premature[i]);
        assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
        assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
        assert_reason(f->d, "remedy_repair_or_replace_first", 0, SGD_ORDER, 5, 11);
        assert_item(f->d, 0, ACCEPT, 0, 0);
        assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);
        assert_contains(msg_of(f->d, "remedy_repair_or_replace_first", 0, RETOUR_LANG_EN),
                        "The shop offers replacement.");
        assert_contains(msg_of(f->d, "remedy_repair_or_replace_first", 0, RETOUR_LANG_NL),
                        "De winkel biedt vervanging aan.");
    }
    /* remedy: repair written out is cited too. */
    load(f, HEAD("EU")
            "complaints:\n"
            "  remedy: repair\n");
    claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REFUND);
    assert_reason(f->d, "remedy_repair_or_replace_first", 0, SGD_ORDER, 5, 11);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPAIR, 0);

    /* After a failed repair: a refund is paid ... */
    reset_complaint(f, notified);
    add(f, "ITEM", NULL, PRICE, 2, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REFUND, 1);
    eval_ok(f);
    assert_decided(f->d, ACCEPT, LEGAL, 2 * PRICE, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_after_failed_repair#0");
    assert_reason(f->d, "remedy_after_failed_repair", 0, SGD_FAILED, 0, 0);
    assert_item(f->d, 0, ACCEPT, 2 * PRICE, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_REFUND, 0);
    assert_string_equal(msg_of(f->d, "remedy_after_failed_repair", 0, RETOUR_LANG_EN),
                        "An earlier repair or replacement failed or was refused, so the consumer "
                        "may have a refund as asked.");
    assert_string_equal(msg_of(f->d, "remedy_after_failed_repair", 0, RETOUR_LANG_NL),
                        "Een eerder herstel of vervanging is mislukt of geweigerd, dus de "
                        "consument krijgt terugbetaling zoals gevraagd.");

    /* ... a price reduction is agreed by a person. */
    reset_complaint(f, notified);
    add(f, "ITEM", NULL, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_PRICE_REDUCTION, 1);
    eval_ok(f);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_after_failed_repair#0 "
                         "price_reduction_to_agree#0");
    assert_reason(f->d, "price_reduction_to_agree", 0, SGD_FAILED, 0, 0);
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_PRICE_REDUCTION, 0);
    assert_string_equal(msg_of(f->d, "remedy_after_failed_repair", 0, RETOUR_LANG_EN),
                        "An earlier repair or replacement failed or was refused, so the consumer "
                        "may have a price reduction as asked.");
    assert_string_equal(msg_of(f->d, "price_reduction_to_agree", 0, RETOUR_LANG_EN),
                        "A price reduction must be proportionate to the defect: a person agrees "
                        "the amount with the consumer.");

    /* A failed repair and a new request for repair or replacement: still the choice. */
    reset_complaint(f, notified);
    add(f, "ITEM", NULL, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REPLACE, 1);
    eval_ok(f);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);

    /* The remedy follows an established defect after the presumption as well. */
    claim(f, ymd(2027, 6, 1), NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT,
          RETOUR_REMEDY_REPLACE);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_consumer_choice#0");
    assert_remedy(f->d, 0, RETOUR_REMEDY_REPLACE, 0);
}

/* ------------------------------------------------------------------------------------
 * 6. Inspection before deciding a presumed defect
 * ---------------------------------------------------------------------------------- */

static void test_inspection(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 3, 1), notified = ymd(2026, 4, 1);
    load(f, HEAD("EU")
            "complaints:\n"
            "  inspection: required\n"     /* 5, value column 15 */
            "categories:\n"                /* 6 */
            "  jewellery:\n"               /* 7 */
            "    inspection: not_required\n" /* 8, value column 17 */
            "  watches:\n"                 /* 9 */
            "    lifespan_months: 24\n");  /* 10 */

    /* The policy's inspection. */
    claim(f, notified, "watches", delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 inspection_required#0");
    assert_reason(f->d, "inspection_required", 0, NULL, 5, 15);
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_remedy(f->d, 0, RETOUR_REMEDY_NONE, 0);
    assert_string_equal(msg_of(f->d, "inspection_required", 0, RETOUR_LANG_EN),
                        "The policy asks to inspect watches items before deciding a presumed "
                        "defect: a person decides after inspection.");
    assert_string_equal(msg_of(f->d, "inspection_required", 0, RETOUR_LANG_NL),
                        "Het beleid vraagt watches-artikelen te onderzoeken voordat over een "
                        "vermoed gebrek wordt beslist: een medewerker beslist na onderzoek.");
    claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 inspection_required#0");
    assert_reason(f->d, "inspection_required", 0, NULL, 5, 15);
    assert_contains(msg_of(f->d, "inspection_required", 0, RETOUR_LANG_EN),
                    "inspect uncategorised items");

    /* The category's not_required beats the policy's required. */
    claim(f, notified, "jewellery", delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");

    /* Inspection is for presumed defects only: not for an established defect, not after
     * the presumption, not for customer-caused damage. */
    claim(f, notified, "watches", delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT,
          RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_consumer_choice#0");
    claim(f, ymd(2027, 3, 2), "watches", delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");
    claim(f, notified, "watches", delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_ACCIDENT,
          RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed customer_caused_damage#0");

    /* A category asks for inspection where the policy does not. */
    load(f, HEAD("EU")
            "categories:\n"                /* 4 */
            "  jewellery:\n"               /* 5 */
            "    lifespan_months: 36\n"    /* 6 */
            "    inspection: required\n"); /* 7, value column 17 */
    claim(f, notified, "jewellery", delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 inspection_required#0");
    assert_reason(f->d, "inspection_required", 0, NULL, 7, 17);
    claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");

    /* The policy's inspection: not_required written out. */
    load(f, HEAD("EU")
            "complaints:\n"
            "  inspection: not_required\n");
    claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_consumer_choice#0");
}

/* ------------------------------------------------------------------------------------
 * 7. Damage the customer caused, wear
 * ---------------------------------------------------------------------------------- */

static void test_customer_caused_damage(void **state)
{
    fx *f = *state;
    retour_date delivered = ymd(2026, 3, 1), notified = ymd(2026, 4, 1);
    load(f, HEAD("EU")
            "complaints:\n"
            "  inspection: required\n");
    static const struct {
        retour_cause cause;
        int admits;
        const char *en, *nl;
    } cases[] = {
        { RETOUR_CAUSE_MISUSE, 0,
          "The damage was caused by the customer (misuse), which is no lack of conformity: the "
          "guarantee does not cover it.",
          "De schade is door de klant veroorzaakt (verkeerd gebruik); dat is geen gebrek: de "
          "garantie dekt het niet." },
        { RETOUR_CAUSE_ACCIDENT, 0,
          "The damage was caused by the customer (an accident), which is no lack of "
          "conformity: the guarantee does not cover it.",
          "De schade is door de klant veroorzaakt (een ongeluk); dat is geen gebrek: de "
          "garantie dekt het niet." },
        { RETOUR_CAUSE_UNKNOWN, 1,
          "The damage was caused by the customer (admitted by the customer), which is no lack "
          "of conformity: the guarantee does not cover it.",
          "De schade is door de klant veroorzaakt (door de klant erkend); dat is geen gebrek: "
          "de garantie dekt het niet." },
        { RETOUR_CAUSE_WEAR, 1,
          "The damage was caused by the customer (admitted by the customer), which is no lack "
          "of conformity: the guarantee does not cover it.",
          "De schade is door de klant veroorzaakt (door de klant erkend); dat is geen gebrek: "
          "de garantie dekt het niet." },
        { RETOUR_CAUSE_ACCIDENT, 1,
          "The damage was caused by the customer (an accident), which is no lack of "
          "conformity: the guarantee does not cover it.",
          "De schade is door de klant veroorzaakt (een ongeluk); dat is geen gebrek: de "
          "garantie dekt het niet." },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        reset_complaint(f, notified);
        add(f, "BELT", "belts", PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
        complain(f, 0, RETOUR_DATE_NONE, cases[i].cause, cases[i].admits, RETOUR_REMEDY_REFUND,
                 0);
        eval_ok(f);
        assert_decided(f->d, REJECT, LEGAL, 0, 0);
        /* The policy lists no categories: belts says so, and decides nothing. */
        assert_reasons(f->d, "contract_date_assumed category_not_listed#0 customer_caused_damage#0");
        assert_reason(f->d, "customer_caused_damage", 0, NULL, 0, 0);
        assert_item(f->d, 0, REJECT, 0, 0);
        assert_remedy(f->d, 0, RETOUR_REMEDY_NONE, 0);
        assert_string_equal(msg_of(f->d, "customer_caused_damage", 0, RETOUR_LANG_EN),
                            cases[i].en);
        assert_string_equal(msg_of(f->d, "customer_caused_damage", 0, RETOUR_LANG_NL),
                            cases[i].nl);
    }

    /* After the guarantee the period decides first. */
    claim(f, ymd(2028, 3, 2), NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_MISUSE,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* The customer admits nothing and the cause is unknown or a defect: no refusal. */
    claim(f, notified, NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT,
          RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_consumer_choice#0");
}

static void test_wear(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "categories:\n"              /* 4 */
            "  belts:\n"                 /* 5 */
            "    lifespan_months: 12\n"); /* 6, value column 22 */
    retour_date delivered = ymd(2026, 1, 31);

    claim_on(f, ymd(2027, 1, 31), "belts", delivered, RETOUR_CAUSE_WEAR, RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed wear_within_lifespan#0");
    assert_reason(f->d, "wear_within_lifespan", 0, NULL, 6, 22);
    assert_item(f->d, 0, REVIEW, 0, 0);
    assert_string_equal(msg_of(f->d, "wear_within_lifespan", 0, RETOUR_LANG_EN),
                        "Wear on a belts item within its expected lifespan of 12 months: a "
                        "person must judge whether it is normal wear or a defect.");
    assert_string_equal(msg_of(f->d, "wear_within_lifespan", 0, RETOUR_LANG_NL),
                        "Slijtage aan een belts-artikel binnen de verwachte levensduur van 12 "
                        "maanden: een medewerker beoordeelt of het normale slijtage of een "
                        "gebrek is.");

    claim_on(f, ymd(2027, 2, 1), "belts", delivered, RETOUR_CAUSE_WEAR, RETOUR_REMEDY_REPAIR);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed wear_beyond_lifespan#0");
    assert_reason(f->d, "wear_beyond_lifespan", 0, NULL, 6, 22);
    assert_item(f->d, 0, REJECT, 0, 0);
    assert_string_equal(msg_of(f->d, "wear_beyond_lifespan", 0, RETOUR_LANG_EN),
                        "Wear on a belts item after its expected lifespan of 12 months ended on "
                        "2027-01-31: normal wear is no defect.");
    assert_string_equal(msg_of(f->d, "wear_beyond_lifespan", 0, RETOUR_LANG_NL),
                        "Slijtage aan een belts-artikel na de verwachte levensduur van 12 "
                        "maanden, die eindigde op 2027-01-31: normale slijtage is geen gebrek.");

    /* Without a lifespan the legal period stands in for it; after that the period decides. */
    claim_on(f, ymd(2028, 1, 31), NULL, delivered, RETOUR_CAUSE_WEAR, RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed wear_within_lifespan#0");
    assert_reason(f->d, "wear_within_lifespan", 0, NULL, JUR_LINE, JUR_COL);
    assert_contains(msg_of(f->d, "wear_within_lifespan", 0, RETOUR_LANG_EN),
                    "Wear on a uncategorised item within its expected lifespan of 24 months");
    claim_on(f, ymd(2028, 2, 1), NULL, delivered, RETOUR_CAUSE_WEAR, RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed guarantee_expired#0");

    /* NL: the lifespan that extends the guarantee also measures wear. */
    load(f, HEAD("NL")
            "categories:\n"
            "  jewellery:\n"
            "    lifespan_months: 36\n");
    claim_on(f, ymd(2029, 1, 31), "jewellery", delivered, RETOUR_CAUSE_WEAR,
             RETOUR_REMEDY_REPAIR);
    assert_reasons(f->d, "contract_date_assumed wear_within_lifespan#0");
    assert_reason(f->d, "wear_within_lifespan", 0, NULL, 6, 22);
    assert_contains(msg_of(f->d, "wear_within_lifespan", 0, RETOUR_LANG_EN),
                    "lifespan of 36 months");
}

/* ------------------------------------------------------------------------------------
 * 8. Dates, request errors, return shipping, several items
 * ---------------------------------------------------------------------------------- */

/* Without `noticed` the notification day is when the problem appeared. */
static void test_noticed_defaults_to_notified(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    retour_date delivered = ymd(2026, 1, 31);
    claim(f, ymd(2027, 1, 31), NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_contains(msg_of(f->d, "presumed_defect", 0, RETOUR_LANG_EN),
                    "appeared on 2027-01-31");
    claim(f, ymd(2027, 2, 1), NULL, delivered, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");

    /* With it, the notification day does not matter. */
    claim(f, ymd(2027, 3, 15), NULL, delivered, ymd(2027, 1, 31), RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_contains(msg_of(f->d, "presumed_defect", 0, RETOUR_LANG_EN),
                    "appeared on 2027-01-31");
    claim(f, ymd(2028, 3, 15), NULL, delivered, ymd(2028, 1, 31), RETOUR_CAUSE_DEFECT,
          RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed defect_confirmed#0 remedy_repair_or_replace_first#0");

    /* The problem may appear on the day of delivery. */
    claim(f, delivered, NULL, delivered, delivered, RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0");
}

static void test_request_errors(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));

    reset_complaint(f, ymd(2026, 4, 1));
    add(f, "A", NULL, PRICE, 1, RETOUR_DATE_NONE, RETOUR_PACKAGING_UNKNOWN);
    eval_fails(f, RETOUR_EREQUEST, "items[0].delivered",
               "the delivery date is needed to count the guarantee");
    assert_int_equal(f->err.line, 0);

    reset_complaint(f, ymd(2026, 4, 1));
    add(f, "A", NULL, PRICE, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    add(f, "B", NULL, PRICE, 1, RETOUR_DATE_NONE, RETOUR_PACKAGING_UNKNOWN);
    eval_fails(f, RETOUR_EREQUEST, "items[1].delivered",
               "the delivery date is needed to count the guarantee");

    /* The problem cannot appear before delivery. */
    reset_complaint(f, ymd(2026, 4, 1));
    add(f, "A", NULL, PRICE, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, ymd(2026, 2, 28), RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_fails(f, RETOUR_EREQUEST, "items[0].noticed",
               "the problem appeared before the item was delivered");
    /* Without noticed, a notification before delivery points at the delivery date. */
    reset_complaint(f, ymd(2026, 2, 28));
    add(f, "A", NULL, PRICE, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    eval_fails(f, RETOUR_EREQUEST, "items[0].delivered",
               "the problem appeared before the item was delivered");

    /* What every request needs. */
    reset_complaint(f, ymd(2026, 4, 1));
    eval_fails(f, RETOUR_EREQUEST, "items", "at least one item is required");
    assert_int_equal(retour_request_reset(f->r, RETOUR_REQUEST_COMPLAINT), RETOUR_OK);
    add(f, "A", NULL, PRICE, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    eval_fails(f, RETOUR_EREQUEST, "notified", "the notification date is required");

    /* A failure leaves no result behind, and the next good request decides normally. */
    claim(f, ymd(2026, 4, 1), NULL, ymd(2026, 3, 1), RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_decided(f->d, ACCEPT, LEGAL, 0, 0);

    /* set_item_complaint refuses what a consumer cannot ask or a bad index. */
    assert_int_equal(retour_request_set_item_complaint(f->r, 1, RETOUR_DATE_NONE,
                                                       RETOUR_CAUSE_UNKNOWN, 0,
                                                       RETOUR_REMEDY_NONE, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(f->r, 0, RETOUR_DATE_NONE,
                                                       RETOUR_CAUSE_UNKNOWN, 0,
                                                       RETOUR_REMEDY_STORE_CREDIT, 0),
                     RETOUR_EINVAL);
    assert_int_equal(retour_request_set_item_complaint(f->r, 0, RETOUR_DATE_NONE,
                                                       RETOUR_CAUSE__COUNT, 0,
                                                       RETOUR_REMEDY_NONE, 0),
                     RETOUR_EINVAL);
}

/* A remedy under the guarantee is free for the consumer: the shop pays the return,
 * whatever the policy says for withdrawals, and whatever the outcome. */
static void test_return_shipping_shop(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU")
            "withdrawal:\n"
            "  return_shipping: customer\n");
    claim(f, ymd(2026, 4, 1), NULL, ymd(2026, 3, 1), RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_int_equal(retour_decision_return_shipping(f->d), RETOUR_PAYER_SHOP);
    claim(f, ymd(2030, 4, 1), NULL, ymd(2026, 3, 1), RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_decided(f->d, REJECT, LEGAL, 0, 0);
    assert_int_equal(retour_decision_return_shipping(f->d), RETOUR_PAYER_SHOP);
    /* The same policy for a withdrawal: the customer pays. */
    eval_one(f, ymd(2026, 3, 5), "A", NULL, PRICE, ymd(2026, 3, 1), RETOUR_PACKAGING_OPENED);
    assert_int_equal(retour_decision_return_shipping(f->d), RETOUR_PAYER_CUSTOMER);
    /* Complaints carry no withdrawal deadlines. */
    claim(f, ymd(2026, 4, 1), NULL, ymd(2026, 3, 1), RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN,
          RETOUR_REMEDY_NONE);
    assert_date(retour_decision_withdrawal_deadline(f->d), NULL);
}

/* Several items are decided one by one; the overall outcome follows the usual order. */
static void test_several_items(void **state)
{
    fx *f = *state;
    load(f, HEAD("EU"));
    reset_complaint(f, ymd(2026, 4, 1));
    add(f, "GOOD", NULL, PRICE, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    add(f, "BENT", NULL, 1500, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_REFUND, 1);
    complain(f, 1, RETOUR_DATE_NONE, RETOUR_CAUSE_ACCIDENT, 1, RETOUR_REMEDY_REFUND, 0);
    eval_ok(f);
    assert_decided(f->d, PARTIAL, LEGAL, PRICE, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_after_failed_repair#0 "
                         "customer_caused_damage#1");
    assert_item(f->d, 0, ACCEPT, PRICE, 0);
    assert_item(f->d, 1, REJECT, 0, 0);
    assert_remedy(f->d, 1, RETOUR_REMEDY_NONE, 0);

    /* One in review: the whole request is reviewed, nothing is paid yet. */
    reset_complaint(f, ymd(2027, 4, 1));
    add(f, "NEW", NULL, PRICE, 1, ymd(2026, 6, 1), RETOUR_PACKAGING_UNKNOWN);
    add(f, "OLD", NULL, PRICE, 1, ymd(2026, 3, 1), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    complain(f, 1, RETOUR_DATE_NONE, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
    eval_ok(f);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "contract_date_assumed presumed_defect#0 remedy_repair_or_replace_first#0 "
                         "evidence_required#1");
    assert_item(f->d, 0, ACCEPT, 0, 0);
    assert_item(f->d, 1, REVIEW, 0, 0);
}

/* ------------------------------------------------------------------------------------
 * The law at the date of the contract
 * ---------------------------------------------------------------------------------- */

/* An ordered complaint: ordered, delivered, the problem on `noticed` (also notified). */
static void claim_ordered(fx *f, retour_date ordered, retour_date delivered, retour_date noticed)
{
    reset_complaint(f, noticed);
    assert_int_equal(retour_request_set_ordered(f->r, ordered), RETOUR_OK);
    add(f, "ITEM", NULL, PRICE, 1, delivered, RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, noticed, RETOUR_CAUSE_UNKNOWN, 0, RETOUR_REMEDY_NONE, 0);
}

/* The German case: a contract of May 2021 is under Directive 1999/44/EC and the
 * old BGB §477 (6 months), not the one-year presumption of Directive (EU) 2019/771, which
 * covers contracts from 1 January 2022 (its art. 24(2)). */
static void test_contract_before_2022_de(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE"));
    /* Seven months after delivery: after the old 6 months, inside the new year. */
    claim_ordered(f, ymd(2021, 5, 10), ymd(2021, 5, 12), ymd(2021, 12, 15));
    eval_ok(f);
    assert_decided(f->d, REVIEW, LEGAL, 0, 0);
    assert_reasons(f->d, "evidence_required#0");
    assert_reason(f->d, "evidence_required", 0,
                  "BGB §477 (version until 2021); Directive 1999/44/EC art. 5(3)", JUR_LINE,
                  JUR_COL);
    assert_contains(msg_of(f->d, "evidence_required", 0, RETOUR_LANG_EN),
                    "after the 6-month presumption period");
    /* Four months after delivery: presumed under the old law too. */
    claim_ordered(f, ymd(2021, 5, 10), ymd(2021, 5, 12), ymd(2021, 9, 1));
    eval_ok(f);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "remedy_repair_or_replace_first", 0, "Directive 1999/44/EC art. 3(3)",
                  0, 0);
    /* The same dates for a contract of 2022: the year's presumption. */
    claim_ordered(f, ymd(2022, 1, 3), ymd(2022, 1, 5), ymd(2022, 8, 8));
    eval_ok(f);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0");
    assert_reason(f->d, "presumed_defect", 0, "BGB §477(1); " SGD " art. 11", JUR_LINE, JUR_COL);
    /* Ordered on the last day of 2021, delivered in 2022: the order decides. */
    claim_ordered(f, ymd(2021, 12, 31), ymd(2022, 1, 5), ymd(2022, 8, 8));
    eval_ok(f);
    assert_reasons(f->d, "evidence_required#0");
}

/* Without an order date the first delivery stands in, and the decision says so. */
static void test_contract_date_assumed(void **state)
{
    fx *f = *state;
    load(f, HEAD("DE"));
    claim_on(f, ymd(2021, 12, 15), NULL, ymd(2021, 5, 12), RETOUR_CAUSE_UNKNOWN,
             RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "contract_date_assumed evidence_required#0");
    assert_reason(f->d, "contract_date_assumed", -1, NULL, 0, 0);
    const char *en = message(f->d, 0, RETOUR_LANG_EN);
    assert_contains(en, "first delivery, 2021-05-12");
    assert_contains(en, "(Directive 1999/44/EC)");
    assert_contains(message(f->d, 0, RETOUR_LANG_NL), "eerste levering, 2021-05-12");
    /* Two deliveries: the earlier one stands in. */
    reset_complaint(f, ymd(2022, 8, 8));
    add(f, "A", NULL, PRICE, 1, ymd(2022, 1, 5), RETOUR_PACKAGING_UNKNOWN);
    add(f, "B", NULL, PRICE, 1, ymd(2021, 12, 20), RETOUR_PACKAGING_UNKNOWN);
    eval_ok(f);
    assert_contains(message(f->d, 0, RETOUR_LANG_EN), "first delivery, 2021-12-20");
    assert_reasons(f->d, "contract_date_assumed evidence_required#0 evidence_required#1");
    /* No legal guarantee at all: nothing to choose, nothing assumed. */
    load(f, HEAD("none") "complaints:\n  guarantee_months: 12\n");
    claim_on(f, ymd(2026, 3, 2), NULL, ymd(2026, 3, 1), RETOUR_CAUSE_UNKNOWN, RETOUR_REMEDY_NONE);
    assert_reasons(f->d, "within_commercial_guarantee#0 evidence_required#0");
}

/* A contract older than the tables is an error naming the date used, never a guess. */
static void test_contract_before_tables(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL"));
    claim_ordered(f, ymd(2001, 12, 31), ymd(2002, 1, 2), ymd(2002, 3, 1));
    eval_fails(f, RETOUR_EREQUEST, "ordered",
               "the legal guarantee for contracts concluded before 2002-01-01 is not in the "
               "law tables");
    reset_complaint(f, ymd(2002, 3, 1));
    add(f, "ITEM", NULL, PRICE, 1, ymd(2001, 12, 30), RETOUR_PACKAGING_UNKNOWN);
    eval_fails(f, RETOUR_EREQUEST, "items[0].delivered",
               "the legal guarantee for contracts concluded before 2002-01-01 is not in the "
               "law tables");
    /* The UK's Consumer Rights Act 2015 applies from 1 October 2015. */
    load(f, HEAD("UK"));
    claim_ordered(f, ymd(2015, 9, 30), ymd(2015, 10, 2), ymd(2016, 1, 4));
    eval_fails(f, RETOUR_EREQUEST, "ordered",
               "the legal guarantee for contracts concluded before 2015-10-01 is not in the "
               "law tables");
}

/* The Netherlands: 12 months for purchases from 27 April 2022, 6 months before. */
static void test_contract_nl_april_2022(void **state)
{
    fx *f = *state;
    load(f, HEAD("NL"));
    claim_ordered(f, ymd(2022, 4, 26), ymd(2022, 4, 28), ymd(2022, 12, 1));
    eval_ok(f);
    assert_reasons(f->d, "evidence_required#0");
    claim_ordered(f, ymd(2022, 4, 27), ymd(2022, 4, 28), ymd(2022, 12, 1));
    eval_ok(f);
    assert_reasons(f->d, "presumed_defect#0 remedy_repair_or_replace_first#0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_presumption_eu_boundary),
        T(test_presumption_month_end_clamping),
        T(test_presumption_per_jurisdiction),
        T(test_guarantee_per_jurisdiction),
        T(test_nl_lifespan),
        T(test_commercial_guarantee),
        T(test_jurisdiction_none),
        T(test_jurisdiction_none_evidence_message),
        T(test_uk_short_term_reject),
        T(test_uk_outer_bound),
        T(test_uk_lifespan_stays_within_outer_bound),
        T(test_remedies),
        T(test_inspection),
        T(test_customer_caused_damage),
        T(test_wear),
        T(test_noticed_defaults_to_notified),
        T(test_request_errors),
        T(test_return_shipping_shop),
        T(test_several_items),
        T(test_contract_before_2022_de),
        T(test_contract_date_assumed),
        T(test_contract_before_tables),
        T(test_contract_nl_april_2022),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
