/* Compiled legal-guarantee table, regime by regime. Sources: ../shared/law/jurisdictions.yaml
 * (legal_guarantee_months, burden_of_proof_presumption_months, applies_from,
 * previous_value_months, short_term_reject_days) and docs/decisions.md, "Jurisdictions".
 *
 * Each row holds the law for contracts concluded from its `from` day until the next row of
 * the same code. Where a national figure or date is unverified the row keeps the
 * directive's floor and cites the directive alone: Directive (EU) 2019/771 for contracts
 * from 1 January 2022 (its art. 24(2)), Directive 1999/44/EC before (from 1 January 2002,
 * its transposition date, art. 11). */
#include "law/guarantee_law.h"
#include "law/figures.h"
#include "base/date.h"

#include <string.h>

#define SGD "Directive (EU) 2019/771"
#define SGD_PERIOD SGD " art. 10(1)"
#define SGD_PRESUMPTION SGD " art. 11"
#define SGD_ORDER SGD " art. 13(2)"
#define SGD_FAILED SGD " art. 13"
#define SGD_NOTICE SGD " art. 12"
/* No notification duty in the tables; with one, its months (art. 12: at least 2). */
#define NO_DUTY 0, SGD_NOTICE
#define DUTY_2 2, SGD_NOTICE

/* Directive 1999/44/EC: 2 years (art. 5(1)), 6-month presumption (art. 5(3)), repair or
 * replacement first (art. 3(3)), then price reduction or rescission (art. 3(5)). */
#define CSD "Directive 1999/44/EC"
#define CSD_PERIOD CSD " art. 5(1)"
#define CSD_PRESUMPTION CSD " art. 5(3)"
#define CSD_ORDER CSD " art. 3(3)"
#define CSD_FAILED CSD " art. 3(5)"

#define FROM_2002 RETOUR__DATE_CONST(2002, 1, 1)
#define FROM_2022 RETOUR__DATE_CONST(2022, 1, 1)

/* The directive's floor under each regime. */
#define SGD_FLOOR(code, from) \
    { code, from, SGD, 24, 0, 12, 0, SGD_PERIOD, SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL, \
      NO_DUTY }
/* Directive 1999/44/EC's own option (art. 5(2)) is not in the reference: no duty, no
 * citation. */
#define CSD_FLOOR(code) \
    { code, FROM_2002, CSD, 24, 0, 6, 0, CSD_PERIOD, CSD_PRESUMPTION, CSD_ORDER, CSD_FAILED, NULL, \
      0, NULL }

/* EU members without national rows: the floor of each regime (newest first). */
static const retour__guarantee_law eu_floor[] = {
    SGD_FLOOR("EU", FROM_2022),
    CSD_FLOOR("EU"),
};

/* The EEA EFTA states: Directive 1999/44/EC applies through the EEA Agreement; whether
 * Directive (EU) 2019/771 has been incorporated, and the national figures (longer periods
 * in IS and NO), are unverified, so its floor stands for every contract from 2002. */
static const retour__guarantee_law eea_floor[] = {
    CSD_FLOOR("EEA"),
};

/* National rows, newest first within a code. A duty to notify a defect (art. 12) is held
 * where ../shared/law has one for consumers: NL (BW 7:23, notice within 2 months of
 * discovery is timely), BE (report within 2 months), SE (2 months always timely), all
 * secondary and cited by the directive's article; IT and PT abolished theirs; elsewhere
 * none is known. Regimes before 2019/771 hold none. */
static const retour__guarantee_law table[] = {
    /* NL: no fixed period; conformity follows the expected lifespan (at least the
     * directive's two years). The 12-month presumption applies to purchases from 27 April
     * 2022 (Stb. 2022, 164), 6 months before; the article (7:18(2)) is unverified. */
    { "NL", RETOUR__DATE_CONST(2022, 4, 27), SGD, 24, 1, 12, 0, "BW 7:17; " SGD_PERIOD,
      SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL, DUTY_2 },
    { "NL", FROM_2002, CSD, 24, 1, 6, 0, "BW 7:17; " CSD_PERIOD, CSD_PRESUMPTION, CSD_ORDER,
      CSD_FAILED, NULL, 0, NULL },
    /* DE: one year from 2022 (BGB §477(1)); six months before, in §477 from 2018 and in
     * §476 until the renumbering of 1 January 2018. */
    { "DE", FROM_2022, SGD, 24, 0, 12, 0, SGD_PERIOD, "BGB §477(1); " SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL, NO_DUTY },
    { "DE", RETOUR__DATE_CONST(2018, 1, 1), CSD, 24, 0, 6, 0, CSD_PERIOD,
      "BGB §477 (version until 2021); " CSD_PRESUMPTION, CSD_ORDER, CSD_FAILED, NULL, 0, NULL },
    { "DE", FROM_2002, CSD, 24, 0, 6, 0, CSD_PERIOD,
      "BGB §476 (version until 2017); " CSD_PRESUMPTION, CSD_ORDER, CSD_FAILED, NULL, 0, NULL },
    /* BE: the new regime (Act of 20 March 2022) for contracts from 1 June 2022, with a
     * two-year presumption; before, the directive's floors. */
    { "BE", RETOUR__DATE_CONST(2022, 6, 1), SGD, 24, 0, 24, 0,
      "Civil Code (old) art. 1649quater; " SGD_PERIOD, SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED,
      NULL, DUTY_2 },
    SGD_FLOOR("BE", FROM_2022),
    CSD_FLOOR("BE"),
    { "FR", FROM_2022, SGD, 24, 0, 24, 0, SGD_PERIOD,
      "Code de la consommation art. L217-7; " SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL,
      NO_DUTY },
    CSD_FLOOR("FR"),
    /* ES: three years and a two-year presumption from 1 January 2022 (RDL 7/2021). */
    { "ES", FROM_2022, SGD, 36, 0, 24, 0, "TRLGDCU art. 120; " SGD_PERIOD, SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL, NO_DUTY },
    CSD_FLOOR("ES"),
    { "PT", FROM_2022, SGD, 36, 0, 24, 0, "Decreto-Lei 84/2021; " SGD_PERIOD,
      "Decreto-Lei 84/2021; " SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL, NO_DUTY },
    CSD_FLOOR("PT"),
    /* SE: konsumentköplag (2022:260) for contracts from 1 May 2022. */
    { "SE", RETOUR__DATE_CONST(2022, 5, 1), SGD, 36, 0, 24, 0,
      "Konsumentköplag (2022:260); " SGD_PERIOD, "Konsumentköplag (2022:260); " SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL, DUTY_2 },
    SGD_FLOOR("SE", FROM_2022),
    CSD_FLOOR("SE"),
    /* IE: the Consumer Rights Act 2022 is cited for contracts from 2023, by which it was
     * certainly in force (its commencement day is unverified); the 6-year liability and
     * the 30-day short-term right are unverified figures, so the directive's 2 years and no
     * short-term right are kept. */
    { "IE", RETOUR__DATE_CONST(2023, 1, 1), SGD, 24, 0, 12, 0, SGD_PERIOD,
      "Consumer Rights Act 2022 s.22(1); " SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL,
      NO_DUTY },
    SGD_FLOOR("IE", FROM_2022),
    CSD_FLOOR("IE"),
    { "IT", FROM_2022, SGD, 24, 0, 12, 0, "Codice del consumo art. 133(1); " SGD_PERIOD,
      SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL, NO_DUTY },
    CSD_FLOOR("IT"),
    /* PL: the new chapter of the consumer rights act applies from 1 January 2023; its
     * 2-year presumption is unverified, so the directive's year is kept (after it the
     * outcome is review, never a reject). */
    { "PL", RETOUR__DATE_CONST(2023, 1, 1), SGD, 24, 0, 12, 0,
      "Ustawa o prawach konsumenta art. 43c(1); " SGD_PERIOD, SGD_PRESUMPTION, SGD_ORDER,
      SGD_FAILED, NULL, NO_DUTY },
    SGD_FLOOR("PL", FROM_2022),
    CSD_FLOOR("PL"),
    { "AT", FROM_2022, SGD, 24, 0, 12, 0, "VGG; " SGD_PERIOD, "VGG; " SGD_PRESUMPTION, SGD_ORDER,
      SGD_FAILED, NULL, NO_DUTY },
    CSD_FLOOR("AT"),
    /* UK (and GB): the Consumer Rights Act 2015 for contracts from 1 October 2015; no
     * fixed period: claims are limited to 6 years (an unverified figure), used here as the
     * period, which a category's lifespan does not extend. Remedies are tiered. Earlier
     * contracts are not in the tables. */
    { "UK", RETOUR__DATE_CONST(2015, 10, 1), "Consumer Rights Act 2015", 72, 0, 6, 30, NULL,
      "Consumer Rights Act 2015 s.19", "Consumer Rights Act 2015 s.19(3), s.23",
      "Consumer Rights Act 2015 s.19(3), s.24", "Consumer Rights Act 2015 s.22", 0, NULL },
};

static const retour__guarantee_law no_guarantee = {
    "none", RETOUR__DATE_MIN, "", 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, 0, NULL
};

/* The first row of rows[0..n) (newest first) in force on `contract`, NULL if none is. */
static const retour__guarantee_law *in_force(const retour__guarantee_law *rows, size_t n,
                                             retour_date contract)
{
    for (size_t i = 0; i < n; i++)
        if (contract >= rows[i].from)
            return &rows[i];
    return NULL;
}

const retour__guarantee_law *retour__guarantee_law_at(const retour__jurisdiction *j,
                                                      retour_date contract)
{
    /* GB is the UK's ISO code: one row serves both. */
    const char *code = strcmp(j->code, "GB") == 0 ? "UK" : j->code;
    size_t first = 0, n = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(table[i].code, code) != 0)
            continue;
        if (n++ == 0)
            first = i;
    }
    if (n > 0)
        return in_force(&table[first], n, contract);
    if (j->eu)
        return in_force(eu_floor, sizeof eu_floor / sizeof eu_floor[0], contract);
    if (j->eea)
        return in_force(eea_floor, sizeof eea_floor / sizeof eea_floor[0], contract);
    return &no_guarantee;
}

unsigned retour__guarantee_law_best(retour__guarantee_law *out, const retour__guarantee_law *a,
                                    const retour__guarantee_law *b)
{
    unsigned from_b = 0;
    if (a->months == 0 && b->months > 0) {
        /* No legal guarantee on a's side: b's law gives it whole. */
        *out = *b;
        return RETOUR__FIG_GUARANTEE | (b->lifespan_based ? RETOUR__FIG_LIFESPAN : 0) |
               (b->presumption_months ? RETOUR__FIG_PRESUMPTION : 0) |
               (b->short_reject_days ? RETOUR__FIG_SHORT_REJECT : 0);
    }
    *out = *a;
    /* Conformity over the lifespan is at least the fixed period it extends. */
    if (b->lifespan_based && !a->lifespan_based) {
        out->lifespan_based = 1;
        from_b |= RETOUR__FIG_LIFESPAN;
    }
    if (b->months > a->months || (b->lifespan_based && !a->lifespan_based)) {
        out->months = b->months > a->months ? b->months : a->months;
        out->law_period = b->law_period;
        from_b |= b->months > a->months ? RETOUR__FIG_GUARANTEE : 0;
    }
    if (b->presumption_months > a->presumption_months) {
        out->presumption_months = b->presumption_months;
        out->law_presumption = b->law_presumption;
        from_b |= RETOUR__FIG_PRESUMPTION;
    }
    if (b->short_reject_days > a->short_reject_days) {
        out->short_reject_days = b->short_reject_days;
        out->law_short_reject = b->law_short_reject;
        from_b |= RETOUR__FIG_SHORT_REJECT;
    }
    /* A duty to notify a defect protects less than none, and less than a longer one. */
    if (a->notice_months > 0 && (b->notice_months == 0 || b->notice_months > a->notice_months)) {
        out->notice_months = b->notice_months;
        out->law_notice = b->law_notice ? b->law_notice : a->law_notice;
        from_b |= RETOUR__FIG_NOTICE;
    }
    return from_b;
}

retour_date retour__guarantee_law_first_day(const retour__jurisdiction *j)
{
    /* The oldest regime is the last one in force on a day before it. */
    retour_date day = RETOUR__DATE_MAX;
    const retour__guarantee_law *g;
    while ((g = retour__guarantee_law_at(j, day)) != NULL && g->from > RETOUR__DATE_MIN)
        day = g->from - 1;
    return g ? g->from : day + 1;
}

const retour__guarantee_law *retour__guarantee_law_latest(const retour__jurisdiction *j)
{
    return retour__guarantee_law_at(j, RETOUR__DATE_MAX);
}
