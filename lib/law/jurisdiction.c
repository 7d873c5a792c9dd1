/* Compiled jurisdiction table: the 27 member states, the EEA EFTA states (IS, LI, NO), the
 * United Kingdom (UK, or GB by its ISO code), the EU baseline and "none". Withdrawal is
 * fully harmonised by Directive 2011/83/EU (14 days, 12-month extension, 14-day refund and
 * return), in the EEA EFTA states through the EEA Agreement (EEA Joint Committee Decision
 * No 181/2012, Annex XIX), so the figures are shared; only the national provisions cited
 * differ, and only verified or secondary ones are cited. Sources: ../shared/law and
 * docs/decisions.md, "Jurisdictions". */
#include "law/jurisdiction.h"
#include "base/date.h"

#include <string.h>

/* The first day of contracts the withdrawal figures cover: Directive 2011/83/EU applies to
 * contracts concluded after 13 June 2014 (art. 28(2)), as do the UK's Consumer Contracts
 * Regulations 2013. */
#define FROM_2014 RETOUR__DATE_CONST(2014, 6, 13)

/* code, name, eu, eea, statutory, withdrawal, extension, refund and return days. */
#define EU_FIGURES 1, 0, 1, 14, 12, 14, 14, FROM_2014
#define EEA_FIGURES 0, 1, 1, 14, 12, 14, 14, FROM_2014

/* States whose national articles are unverified: cite the directive alone. */
#define EU_MEMBER(c, n) { c, n, EU_FIGURES, NULL, NULL, NULL, NULL, NULL, { NULL } }
#define EEA_MEMBER(c, n) { c, n, EEA_FIGURES, NULL, NULL, NULL, NULL, NULL, { NULL } }

/* UK: the Consumer Contracts Regulations 2013; the directive no longer applies. */
#define UK_ROW(c)                                                                          \
    { c, "United Kingdom", 0, 0, 1, 14, 12, 14, 14, FROM_2014,                              \
      "CCR 2013 regs. 29-30", "CCR 2013 reg. 31", "CCR 2013 reg. 34", "CCR 2013 reg. 35", \
      "CCR 2013 reg. 34(9)",                                                               \
      { NULL, "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28",                  \
        "CCR 2013 reg. 28", "CCR 2013 reg. 28(3)(a)", "CCR 2013 reg. 28",                  \
        "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28",    \
        "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28" } }

static const retour__jurisdiction table[] = {
    EU_MEMBER("EU", "European Union (directive baseline)"),
    EU_MEMBER("AT", "Austria"),
    EU_MEMBER("BE", "Belgium"),
    EU_MEMBER("BG", "Bulgaria"),
    EU_MEMBER("CY", "Cyprus"),
    EU_MEMBER("CZ", "Czechia"),
    { "DE", "Germany", EU_FIGURES,
      "BGB §355(2), §356(2)", "BGB §356(3)", "BGB §357", "BGB §355(3)", "BGB §357a(1)",
      { NULL,
        "BGB §356(4)",            /* a: services fully performed (verified) */
        "BGB §312g(2)",           /* b..m: the paragraph is secondary, numbers unverified */
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §312g(2) Nr. 3",     /* e: hygiene goods (verified) */
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §312g(2)",
        "BGB §356(5)" } },        /* m: digital content (verified) */
    EU_MEMBER("DK", "Denmark"),
    EU_MEMBER("EE", "Estonia"),
    { "ES", "Spain", EU_FIGURES, NULL, NULL, NULL, NULL, NULL,
      { NULL, "TRLGDCU art. 103(a)", "TRLGDCU art. 103(b)", "TRLGDCU art. 103(c)",
        "TRLGDCU art. 103(d)", "TRLGDCU art. 103(e)", "TRLGDCU art. 103(f)",
        "TRLGDCU art. 103(g)", "TRLGDCU art. 103(h)", "TRLGDCU art. 103(i)",
        "TRLGDCU art. 103", "TRLGDCU art. 103", "TRLGDCU art. 103", "TRLGDCU art. 103" } },
    EU_MEMBER("FI", "Finland"),
    { "FR", "France", EU_FIGURES,
      "Code de la consommation art. L221-18", "Code de la consommation art. L221-20",
      "Code de la consommation art. L221-24", "Code de la consommation art. L221-23",
      "Code de la consommation art. L221-23",
      { NULL, "Code de la consommation art. L221-28", "Code de la consommation art. L221-28",
        "Code de la consommation art. L221-28", "Code de la consommation art. L221-28",
        "Code de la consommation art. L221-28", "Code de la consommation art. L221-28",
        "Code de la consommation art. L221-28", "Code de la consommation art. L221-28",
        "Code de la consommation art. L221-28", "Code de la consommation art. L221-28",
        "Code de la consommation art. L221-28", "Code de la consommation art. L221-28",
        "Code de la consommation art. L221-28" } },
    EU_MEMBER("GR", "Greece"),
    EU_MEMBER("HR", "Croatia"),
    EU_MEMBER("HU", "Hungary"),
    EU_MEMBER("IE", "Ireland"),
    { "IT", "Italy", EU_FIGURES, NULL, NULL, NULL, NULL, NULL,
      /* Italian lettering skips j and k: newspapers are (l), auctions (m). */
      { NULL, "Codice del consumo art. 59(1)(a)", "Codice del consumo art. 59(1)(b)",
        "Codice del consumo art. 59(1)(c)", "Codice del consumo art. 59(1)(d)",
        "Codice del consumo art. 59(1)(e)", "Codice del consumo art. 59(1)(f)",
        "Codice del consumo art. 59(1)(g)", "Codice del consumo art. 59(1)(h)",
        "Codice del consumo art. 59(1)(i)", "Codice del consumo art. 59(1)(l)",
        "Codice del consumo art. 59(1)(m)", "Codice del consumo art. 59(1)",
        "Codice del consumo art. 59(1)" } },
    EU_MEMBER("LT", "Lithuania"),
    EU_MEMBER("LU", "Luxembourg"),
    EU_MEMBER("LV", "Latvia"),
    EU_MEMBER("MT", "Malta"),
    /* NL: the exceptions article (6:230p) is unverified, so exceptions cite the directive. */
    { "NL", "Netherlands", EU_FIGURES,
      "BW 6:230o", "BW 6:230o", "BW 6:230r(1)", "BW 6:230s(1)", "BW 6:230s",
      { NULL } },
    EU_MEMBER("PL", "Poland"),
    EU_MEMBER("PT", "Portugal"),
    EU_MEMBER("RO", "Romania"),
    EU_MEMBER("SE", "Sweden"),
    EU_MEMBER("SI", "Slovenia"),
    EU_MEMBER("SK", "Slovakia"),
    UK_ROW("UK"),
    UK_ROW("GB"),
    EEA_MEMBER("IS", "Iceland"),
    EEA_MEMBER("LI", "Liechtenstein"),
    EEA_MEMBER("NO", "Norway"),
    /* Outside these rules: the shop's policy alone decides. */
    { "none", "no statutory right of withdrawal", 0, 0, 0, 0, 0, 0, 0, RETOUR__DATE_MIN,
      NULL, NULL, NULL, NULL, NULL, { NULL } },
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

const retour__jurisdiction *retour__jurisdiction_find(const char *code)
{
    for (size_t i = 0; i < TABLE_SIZE; i++)
        if (strcmp(table[i].code, code) == 0)
            return &table[i];
    return NULL;
}

size_t retour__jurisdiction_codes(const char *const **codes)
{
    static const char *const list[TABLE_SIZE] = {
        "EU", "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
        "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        "UK", "GB", "IS", "LI", "NO", "none",
    };
    *codes = list;
    return TABLE_SIZE;
}
