/* Compiled legal-guarantee table. Sources: ../shared/law/jurisdictions.yaml (fields
 * legal_guarantee_months, burden_of_proof_presumption_months, short_term_reject_days).
 * Where a national figure is unverified the table keeps the directive's floor and says so. */
#include "law/guarantee_law.h"

#include <string.h>

#define SGD "Directive (EU) 2019/771"
#define SGD_PERIOD SGD " art. 10(1)"
#define SGD_PRESUMPTION SGD " art. 11"
#define SGD_ORDER SGD " art. 13(2)"
#define SGD_FAILED SGD " art. 13"

/* EU members: 2 years liability, 1 year presumption unless listed below. */
static const retour__guarantee_law eu_default = {
    "EU", 24, 0, 12, 0, SGD_PERIOD, SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL
};

static const retour__guarantee_law table[] = {
    /* NL: no fixed period; conformity follows the expected lifespan (at least the
     * directive's two years). The presumption article (7:18(2)) is unverified. */
    { "NL", 24, 1, 12, 0, "BW 7:17; " SGD_PERIOD, SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED,
      NULL },
    { "DE", 24, 0, 12, 0, SGD_PERIOD, "BGB §477(1); " SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED,
      NULL },
    { "BE", 24, 0, 24, 0, "Civil Code (old) art. 1649quater; " SGD_PERIOD, SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL },
    { "FR", 24, 0, 24, 0, SGD_PERIOD, "Code de la consommation art. L217-7; " SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL },
    { "ES", 36, 0, 24, 0, "TRLGDCU art. 120; " SGD_PERIOD, SGD_PRESUMPTION, SGD_ORDER,
      SGD_FAILED, NULL },
    { "PT", 36, 0, 24, 0, "Decreto-Lei 84/2021; " SGD_PERIOD, "Decreto-Lei 84/2021; " SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL },
    { "SE", 36, 0, 24, 0, "Konsumentköplag (2022:260); " SGD_PERIOD,
      "Konsumentköplag (2022:260); " SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL },
    /* IE: the 6-year liability and the 30-day short-term right are unverified figures;
     * the directive's 2 years and no short-term right are kept until they are checked. */
    { "IE", 24, 0, 12, 0, SGD_PERIOD, "Consumer Rights Act 2022 s.22(1); " SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL },
    { "IT", 24, 0, 12, 0, "Codice del consumo art. 133(1); " SGD_PERIOD, SGD_PRESUMPTION,
      SGD_ORDER, SGD_FAILED, NULL },
    /* PL: the 2-year presumption is unverified; the directive's year is kept (after it the
     * outcome is review, never a reject). */
    { "PL", 24, 0, 12, 0, "Ustawa o prawach konsumenta art. 43c(1); " SGD_PERIOD,
      SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED, NULL },
    { "AT", 24, 0, 12, 0, "VGG; " SGD_PERIOD, "VGG; " SGD_PRESUMPTION, SGD_ORDER, SGD_FAILED,
      NULL },
    /* UK: no fixed period; claims are limited to 6 years (an unverified figure), used here
     * as the period, which a category's lifespan does not extend. Remedies are tiered. */
    { "UK", 72, 0, 6, 30, NULL, "Consumer Rights Act 2015 s.19",
      "Consumer Rights Act 2015 s.19(3), s.23", "Consumer Rights Act 2015 s.19(3), s.24",
      "Consumer Rights Act 2015 s.22" },
};

static const retour__guarantee_law no_guarantee = {
    "none", 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL
};

const retour__guarantee_law *retour__guarantee_law_find(const char *code, int eu)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].code, code) == 0)
            return &table[i];
    return eu ? &eu_default : &no_guarantee;
}
