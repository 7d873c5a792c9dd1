/* Unit tests for the compiled law tables (lib/law/jurisdiction.c, lib/law/guarantee_law.c): every
 * figure and citation a decision or the lint uses, per jurisdiction the issue names, checked
 * against ../shared/law (consumer-law.md, jurisdictions.yaml). A change to a figure must
 * change this file too, with its source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "law/guarantee_law.h"
#include "law/jurisdiction.h"
#include "base/date.h"

#define SGD "Directive (EU) 2019/771"

/* Withdrawal: fully harmonised, so every EU member and the UK (CCR 2013) share the figures. */
static void test_withdrawal_figures(void **state)
{
    (void)state;
    static const char *const statutory[] = { "EU", "NL", "DE", "BE", "FR", "ES", "IT", "AT",
                                             "PL", "SE", "IE", "PT", "UK" };
    for (size_t i = 0; i < sizeof statutory / sizeof statutory[0]; i++) {
        const retour__jurisdiction *j = retour__jurisdiction_find(statutory[i]);
        assert_non_null(j);
        assert_int_equal(j->statutory, 1);
        assert_int_equal(j->withdrawal_days, 14);   /* CRD art. 9(1) */
        assert_int_equal(j->extension_months, 12);  /* art. 10(1) */
        assert_int_equal(j->refund_days, 14);       /* art. 13(1) */
        assert_int_equal(j->return_days, 14);       /* art. 14(1) */
        assert_int_equal(j->eu, strcmp(statutory[i], "UK") != 0);
    }
    const retour__jurisdiction *none = retour__jurisdiction_find("none");
    assert_non_null(none);
    assert_int_equal(none->statutory, 0);
    assert_int_equal(none->eu, 0);
    assert_null(none->cite.period);
    assert_null(none->cite.exception[RETOUR__EXCL_PERSONALISED]);
}

#define CRD "Directive 2011/83/EU "

/* Citations are whole: the national provision where verified or secondary, then the
 * directive's article for EU and EEA states. */
static void test_national_citations(void **state)
{
    (void)state;
    const retour__citations *c = &retour__jurisdiction_find("NL")->cite;
    assert_string_equal(c->period, "BW 6:230o; " CRD "art. 9");
    assert_string_equal(c->refund, "BW 6:230r(1); " CRD "art. 13(1)");
    assert_string_equal(c->return_goods, "BW 6:230s(1); " CRD "art. 14(1)");
    assert_string_equal(c->handling, "BW 6:230s; " CRD "art. 14(2)");
    /* The exceptions article (6:230p) is unverified: the directive is cited alone. */
    assert_string_equal(c->exception[RETOUR__EXCL_HYGIENE_SEALED], CRD "art. 16(e)");
    assert_null(c->exception[RETOUR__EXCL_NONE]);

    c = &retour__jurisdiction_find("DE")->cite;
    assert_string_equal(c->period, "BGB §355(2), §356(2); " CRD "art. 9");
    assert_string_equal(c->extension, "BGB §356(3); " CRD "art. 10(1)");
    assert_string_equal(c->handling, "BGB §357a(1); " CRD "art. 14(2)");
    assert_string_equal(c->exception[RETOUR__EXCL_HYGIENE_SEALED],
                        "BGB §312g(2) Nr. 3; " CRD "art. 16(e)");
    assert_string_equal(c->exception[RETOUR__EXCL_DIGITAL_CONTENT], "BGB §356(5); " CRD "art. 16(m)");

    c = &retour__jurisdiction_find("FR")->cite;
    assert_string_equal(c->period, "Code de la consommation art. L221-18; " CRD "art. 9");
    assert_string_equal(c->refund, "Code de la consommation art. L221-24; " CRD "art. 13(1)");
    assert_string_equal(c->return_goods, "Code de la consommation art. L221-23; " CRD "art. 14(1)");

    /* Italian lettering skips j and k. */
    c = &retour__jurisdiction_find("IT")->cite;
    assert_string_equal(c->exception[RETOUR__EXCL_NEWSPAPER],
                        "Codice del consumo art. 59(1)(l); " CRD "art. 16(j)");
    c = &retour__jurisdiction_find("ES")->cite;
    assert_string_equal(c->exception[RETOUR__EXCL_PERSONALISED], "TRLGDCU art. 103(c); " CRD "art. 16(c)");
    assert_string_equal(c->period, CRD "art. 9");

    /* The UK's regulations alone. */
    c = &retour__jurisdiction_find("UK")->cite;
    assert_string_equal(c->period, "CCR 2013 regs. 29-30");
    assert_string_equal(c->refund, "CCR 2013 reg. 34");
    assert_string_equal(c->return_goods, "CCR 2013 reg. 35");
    assert_string_equal(c->exception[RETOUR__EXCL_HYGIENE_SEALED], "CCR 2013 reg. 28(3)(a)");

    /* States whose national articles are unverified cite the directive alone, the EEA EFTA
     * states too. */
    static const char *const plain[] = { "EU", "BE", "AT", "PL", "SE", "IE", "PT", "NO", "IS" };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        c = &retour__jurisdiction_find(plain[i])->cite;
        assert_string_equal(c->period, CRD "art. 9");
        assert_string_equal(c->exception[RETOUR__EXCL_PERISHABLE], CRD "art. 16(d)");
    }
}

/* The legal guarantee: months, lifespan rule, presumption months, short-term reject days. */
static void test_guarantee_figures(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        int months, lifespan, presumption, reject;
    } want[] = {
        { "EU", 24, 0, 12, 0 }, /* SGD art. 10(1), 11(1) */
        { "NL", 24, 1, 12, 0 }, /* BW 7:17 expected lifespan; 12 months since 2022 */
        { "DE", 24, 0, 12, 0 }, /* BGB §477(1) */
        { "BE", 24, 0, 24, 0 },
        { "FR", 24, 0, 24, 0 }, /* L217-7 */
        { "ES", 36, 0, 24, 0 },
        { "IT", 24, 0, 12, 0 },
        { "AT", 24, 0, 12, 0 },
        { "PL", 24, 0, 12, 0 }, /* 2-year presumption unverified: the directive's year */
        { "SE", 36, 0, 24, 0 },
        { "IE", 24, 0, 12, 0 }, /* 6-year liability unverified: the directive's 2 years */
        { "PT", 36, 0, 24, 0 },
        { "UK", 72, 0, 6, 30 }, /* CRA 2015: 6-month presumption, 30-day short-term reject */
        { "none", 0, 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const retour__jurisdiction *j = retour__jurisdiction_find(want[i].code);
        const retour__guarantee_law *g = retour__guarantee_law_latest(j);
        if (g->months != want[i].months || g->lifespan_based != want[i].lifespan ||
            g->presumption_months != want[i].presumption ||
            g->short_reject_days != want[i].reject)
            fail_msg("%s: %d/%d/%d/%d", want[i].code, g->months, g->lifespan_based,
                     g->presumption_months, g->short_reject_days);
    }
    /* A member without a row of its own gets the directive's figures. */
    const retour__guarantee_law *g = retour__guarantee_law_latest(retour__jurisdiction_find("LU"));
    assert_int_equal(g->months, 24);
    assert_int_equal(g->presumption_months, 12);
    assert_string_equal(g->law_period, SGD " art. 10(1)");
}

/* The regime for new contracts of a jurisdiction code. */
static const retour__guarantee_law *latest(const char *code)
{
    return retour__guarantee_law_latest(retour__jurisdiction_find(code));
}

/* The regime in force for a contract concluded on y-m-d. */
static const retour__guarantee_law *at(const char *code, int y, int m, int d)
{
    return retour__guarantee_law_at(retour__jurisdiction_find(code), RETOUR__DATE_CONST(y, m, d));
}

static void test_guarantee_citations(void **state)
{
    (void)state;
    const retour__guarantee_law *g = latest("NL");
    assert_string_equal(g->law_period, "BW 7:17; " SGD " art. 10(1)");
    assert_string_equal(g->law_presumption, SGD " art. 11");
    assert_string_equal(g->law_remedy_order, SGD " art. 13(2)");
    g = latest("DE");
    assert_string_equal(g->law_presumption, "BGB §477(1); " SGD " art. 11");
    g = latest("FR");
    assert_string_equal(g->law_presumption, "Code de la consommation art. L217-7; " SGD " art. 11");
    g = latest("UK");
    assert_null(g->law_period); /* the 6-year bound is unverified: no citation printed */
    assert_string_equal(g->law_presumption, "Consumer Rights Act 2015 s.19");
    assert_string_equal(g->law_short_reject, "Consumer Rights Act 2015 s.22");
    g = latest("none");
    assert_null(g->law_presumption);
}

/* Every listed code is found; lookups are exact (no case folding, no prefixes). */
static void test_codes(void **state)
{
    (void)state;
    const char *const *codes;
    size_t n = retour__jurisdiction_codes(&codes);
    assert_int_equal(n, 34);
    for (size_t i = 0; i < n; i++) {
        const retour__jurisdiction *j = retour__jurisdiction_find(codes[i]);
        assert_non_null(j);
        assert_string_equal(j->code, codes[i]);
    }
    assert_null(retour__jurisdiction_find("nl"));
    assert_null(retour__jurisdiction_find("NLD"));
    assert_null(retour__jurisdiction_find("gb"));
    assert_null(retour__jurisdiction_find("EL")); /* Greece is GR, its ISO code */
    assert_null(retour__jurisdiction_find(""));
}

/* The EEA EFTA states have the right of withdrawal of Directive 2011/83/EU through the EEA
 * Agreement (EEA Joint Committee Decision No 181/2012; Norway's angrerettloven of 20 June
 * 2014 implements it) and the guarantee floor of Directive 1999/44/EC; GB is the UK. */
static void test_eea_and_gb(void **state)
{
    (void)state;
    static const char *const eea[] = { "IS", "LI", "NO" };
    for (size_t i = 0; i < 3; i++) {
        const retour__jurisdiction *j = retour__jurisdiction_find(eea[i]);
        assert_non_null(j);
        assert_int_equal(j->eu, 0);
        assert_int_equal(j->eea, 1);
        assert_int_equal(j->statutory, 1);
        assert_int_equal(j->withdrawal_days, 14);
        const retour__guarantee_law *g = retour__guarantee_law_latest(j);
        assert_int_equal(g->months, 24);            /* Directive 1999/44/EC art. 5(1) */
        assert_int_equal(g->presumption_months, 6); /* art. 5(3) */
        assert_string_equal(g->law_presumption, "Directive 1999/44/EC art. 5(3)");
    }
    const retour__jurisdiction *gb = retour__jurisdiction_find("GB");
    const retour__jurisdiction *uk = retour__jurisdiction_find("UK");
    assert_non_null(gb);
    assert_string_equal(gb->cite.period, uk->cite.period);
    assert_int_equal(gb->eu, 0);
    assert_ptr_equal(retour__guarantee_law_latest(gb), retour__guarantee_law_latest(uk));
}

/* The law at the date of the contract: Directive (EU) 2019/771 for contracts from
 * 1 January 2022 (art. 24(2)), Directive 1999/44/EC before; national dates where known. */
static void test_guarantee_regimes(void **state)
{
    (void)state;
    /* Germany: one year from 2022 (BGB §477(1)); six months before (old §477, §476 until
     * 2017): the May 2021 contract of the issue. */
    const retour__guarantee_law *g = at("DE", 2021, 5, 10);
    assert_int_equal(g->presumption_months, 6);
    assert_string_equal(g->regime, "Directive 1999/44/EC");
    assert_string_equal(g->law_presumption,
                        "BGB §477 (version until 2021); Directive 1999/44/EC art. 5(3)");
    g = at("DE", 2017, 12, 31);
    assert_string_equal(g->law_presumption,
                        "BGB §476 (version until 2017); Directive 1999/44/EC art. 5(3)");
    g = at("DE", 2022, 1, 1);
    assert_int_equal(g->presumption_months, 12);
    assert_string_equal(g->regime, SGD);
    /* The Netherlands: 12 months for purchases from 27 April 2022, 6 before (shared/law). */
    assert_int_equal(at("NL", 2022, 4, 26)->presumption_months, 6);
    assert_int_equal(at("NL", 2022, 4, 27)->presumption_months, 12);
    assert_int_equal(at("NL", 2022, 4, 26)->lifespan_based, 1);
    /* Sweden from 1 May 2022, Belgium from 1 June 2022: the directive's floor in between. */
    assert_int_equal(at("SE", 2022, 4, 30)->presumption_months, 12);
    assert_int_equal(at("SE", 2022, 5, 1)->presumption_months, 24);
    assert_int_equal(at("BE", 2022, 5, 31)->presumption_months, 12);
    assert_int_equal(at("BE", 2022, 6, 1)->presumption_months, 24);
    assert_int_equal(at("BE", 2021, 12, 31)->presumption_months, 6);
    /* A member without rows: the floor of each directive, none before 2002. */
    assert_int_equal(at("LU", 2021, 12, 31)->presumption_months, 6);
    assert_string_equal(at("LU", 2021, 12, 31)->law_period, "Directive 1999/44/EC art. 5(1)");
    assert_int_equal(at("LU", 2022, 1, 1)->presumption_months, 12);
    assert_null(at("LU", 2001, 12, 31));
    /* The UK: the Consumer Rights Act 2015 for contracts from 1 October 2015 only. */
    assert_non_null(at("UK", 2015, 10, 1));
    assert_null(at("UK", 2015, 9, 30));
    assert_ptr_equal(at("GB", 2020, 1, 1), at("UK", 2020, 1, 1));
    /* "none": no guarantee, whatever the date. */
    assert_int_equal(at("none", 1990, 1, 1)->months, 0);
}

/* The right of withdrawal of Directive 2011/83/EU covers contracts concluded after
 * 13 June 2014 (art. 28(2)); "none" has no such day. */
static void test_withdrawal_from(void **state)
{
    (void)state;
    assert_int_equal(retour__jurisdiction_find("PL")->withdrawal_from, RETOUR__DATE_CONST(2014, 6, 13));
    assert_int_equal(retour__jurisdiction_find("UK")->withdrawal_from, RETOUR__DATE_CONST(2014, 6, 13));
    assert_int_equal(retour__jurisdiction_find("NO")->withdrawal_from, RETOUR__DATE_CONST(2014, 6, 13));
    /* The withdrawal function: member states from 2026-06-19 (Directive (EU) 2023/2673);
     * no rule in the UK, unverified in the EEA EFTA states. */
    assert_int_equal(retour__jurisdiction_find("DE")->function_from, RETOUR__DATE_CONST(2026, 6, 19));
    assert_int_equal(retour__jurisdiction_find("EU")->function_from, RETOUR__DATE_CONST(2026, 6, 19));
    assert_int_equal(retour__jurisdiction_find("UK")->function_from, RETOUR__DATE_MAX);
    assert_int_equal(retour__jurisdiction_find("NO")->function_from, RETOUR__DATE_MAX);
    assert_int_equal(retour__jurisdiction_find("none")->function_from, RETOUR__DATE_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_withdrawal_figures),
        cmocka_unit_test(test_national_citations),
        cmocka_unit_test(test_guarantee_figures),
        cmocka_unit_test(test_guarantee_citations),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_eea_and_gb),
        cmocka_unit_test(test_guarantee_regimes),
        cmocka_unit_test(test_withdrawal_from),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
