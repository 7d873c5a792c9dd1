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
/* The online withdrawal function (Directive (EU) 2023/2673, new art. 11a of Directive
 * 2011/83/EU) is owed for contracts concluded from 19 June 2026 in the member states; its
 * incorporation into the EEA Agreement is unverified, and the UK has no such rule. */
#define FUNCTION_2026 RETOUR__DATE_CONST(2026, 6, 19)
#define NO_FUNCTION RETOUR__DATE_MAX

/* code, name, eu, eea, statutory, withdrawal, extension, refund and return days. */
#define EU_FIGURES 1, 0, 1, 14, 12, 14, 14, FROM_2014, FUNCTION_2026
#define EEA_FIGURES 0, 1, 1, 14, 12, 14, 14, FROM_2014, NO_FUNCTION

/* The citations a decision prints, whole at compile time, so that any jurisdiction's can be
 * used by any evaluation without composing text: C() a national provision, then the
 * directive's article; D() the directive's article alone (the national one unverified). */
#define C(national, art) national "; " RETOUR__CRD " " art
#define D(art) RETOUR__CRD " " art
/* After the exceptions: exercise (art. 11(1)), timeliness (art. 11(2)), withholding (art.
 * 13(3)), the withdrawal function (art. 11a, inserted by Directive (EU) 2023/2673) and the
 * risk of the return shipment (no rule in the directive). */
#define CRD_MORE D("art. 11(1)"), D("art. 11(2)"), D("art. 13(3)"), D("art. 11a"), NULL
#define CRD_CITATIONS                                                                      \
    { D("art. 9"), D("art. 10(1)"), D("art. 13(1)"), D("art. 14(1)"), D("art. 14(2)"),     \
      { NULL, D("art. 16(a)"), D("art. 16(b)"), D("art. 16(c)"), D("art. 16(d)"),          \
        D("art. 16(e)"), D("art. 16(f)"), D("art. 16(g)"), D("art. 16(h)"), D("art. 16(i)"), \
        D("art. 16(j)"), D("art. 16(k)"), D("art. 16(l)"), D("art. 16(m)") },              \
      CRD_MORE }
/* The EEA EFTA states: whether the EEA Agreement incorporates art. 11a is unverified. */
#define EEA_CITATIONS                                                                      \
    { D("art. 9"), D("art. 10(1)"), D("art. 13(1)"), D("art. 14(1)"), D("art. 14(2)"),     \
      { NULL, D("art. 16(a)"), D("art. 16(b)"), D("art. 16(c)"), D("art. 16(d)"),          \
        D("art. 16(e)"), D("art. 16(f)"), D("art. 16(g)"), D("art. 16(h)"), D("art. 16(i)"), \
        D("art. 16(j)"), D("art. 16(k)"), D("art. 16(l)"), D("art. 16(m)") },              \
      D("art. 11(1)"), D("art. 11(2)"), D("art. 13(3)"), NULL, NULL }

/* States whose national articles are unverified: the directive alone. */
#define EU_MEMBER(c, n) { c, n, EU_FIGURES, CRD_CITATIONS }
#define EEA_MEMBER(c, n) { c, n, EEA_FIGURES, EEA_CITATIONS }

/* UK: the Consumer Contracts Regulations 2013; the directive no longer applies. The
 * regulation on how a cancellation is notified is unverified: reg. 29 (cancel without
 * giving any reason, verified) and the period (regs. 29-30) stand for exercise and
 * timeliness; reg. 34 (secondary) holds the refund's wait for the goods or evidence. */
#define UK_ROW(c)                                                                          \
    { c, "United Kingdom", 0, 0, 1, 14, 12, 14, 14, FROM_2014, NO_FUNCTION,                 \
      { "CCR 2013 regs. 29-30", "CCR 2013 reg. 31", "CCR 2013 reg. 34", "CCR 2013 reg. 35", \
        "CCR 2013 reg. 34(9)",                                                             \
        { NULL, "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28",                \
          "CCR 2013 reg. 28", "CCR 2013 reg. 28(3)(a)", "CCR 2013 reg. 28",                \
          "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28",  \
          "CCR 2013 reg. 28", "CCR 2013 reg. 28", "CCR 2013 reg. 28" },                    \
      "CCR 2013 reg. 29", "CCR 2013 regs. 29-30", "CCR 2013 reg. 34", NULL, NULL } }

static const retour__jurisdiction table[] = {
    EU_MEMBER("EU", "European Union (directive baseline)"),
    EU_MEMBER("AT", "Austria"),
    EU_MEMBER("BE", "Belgium"),
    EU_MEMBER("BG", "Bulgaria"),
    EU_MEMBER("CY", "Cyprus"),
    EU_MEMBER("CZ", "Czechia"),
    /* DE: §356(4) (a), §312g(2) Nr. 3 (e) and §356(5) (m) are verified; the other letters
     * cite §312g(2), the paragraph (secondary), without its unverified numbers. */
    { "DE", "Germany", EU_FIGURES,
      { C("BGB §355(2), §356(2)", "art. 9"), C("BGB §356(3)", "art. 10(1)"),
        C("BGB §357", "art. 13(1)"), C("BGB §355(3)", "art. 14(1)"),
        C("BGB §357a(1)", "art. 14(2)"),
        { NULL,
          C("BGB §356(4)", "art. 16(a)"),
          C("BGB §312g(2)", "art. 16(b)"),
          C("BGB §312g(2)", "art. 16(c)"),
          C("BGB §312g(2)", "art. 16(d)"),
          C("BGB §312g(2) Nr. 3", "art. 16(e)"),
          C("BGB §312g(2)", "art. 16(f)"),
          C("BGB §312g(2)", "art. 16(g)"),
          C("BGB §312g(2)", "art. 16(h)"),
          C("BGB §312g(2)", "art. 16(i)"),
          C("BGB §312g(2)", "art. 16(j)"),
          C("BGB §312g(2)", "art. 16(k)"),
          C("BGB §312g(2)", "art. 16(l)"),
          C("BGB §356(5)", "art. 16(m)") },
        D("art. 11(1)"), D("art. 11(2)"), C("BGB §357", "art. 13(3)"),
        C("BGB §356a", "art. 11a"), "BGB §355(3)" } },
    EU_MEMBER("DK", "Denmark"),
    EU_MEMBER("EE", "Estonia"),
    { "ES", "Spain", EU_FIGURES,
      { D("art. 9"), D("art. 10(1)"),
        D("art. 13(1)"), D("art. 14(1)"),
        D("art. 14(2)"),
        { NULL,
          C("TRLGDCU art. 103(a)", "art. 16(a)"),
          C("TRLGDCU art. 103(b)", "art. 16(b)"),
          C("TRLGDCU art. 103(c)", "art. 16(c)"),
          C("TRLGDCU art. 103(d)", "art. 16(d)"),
          C("TRLGDCU art. 103(e)", "art. 16(e)"),
          C("TRLGDCU art. 103(f)", "art. 16(f)"),
          C("TRLGDCU art. 103(g)", "art. 16(g)"),
          C("TRLGDCU art. 103(h)", "art. 16(h)"),
          C("TRLGDCU art. 103(i)", "art. 16(i)"),
          C("TRLGDCU art. 103", "art. 16(j)"),
          C("TRLGDCU art. 103", "art. 16(k)"),
          C("TRLGDCU art. 103", "art. 16(l)"),
          C("TRLGDCU art. 103", "art. 16(m)") },
        CRD_MORE } },
    EU_MEMBER("FI", "Finland"),
    { "FR", "France", EU_FIGURES,
      { C("Code de la consommation art. L221-18", "art. 9"),
        C("Code de la consommation art. L221-20", "art. 10(1)"),
        C("Code de la consommation art. L221-24", "art. 13(1)"),
        C("Code de la consommation art. L221-23", "art. 14(1)"),
        C("Code de la consommation art. L221-23", "art. 14(2)"),
        { NULL,
          C("Code de la consommation art. L221-28", "art. 16(a)"),
          C("Code de la consommation art. L221-28", "art. 16(b)"),
          C("Code de la consommation art. L221-28", "art. 16(c)"),
          C("Code de la consommation art. L221-28", "art. 16(d)"),
          C("Code de la consommation art. L221-28", "art. 16(e)"),
          C("Code de la consommation art. L221-28", "art. 16(f)"),
          C("Code de la consommation art. L221-28", "art. 16(g)"),
          C("Code de la consommation art. L221-28", "art. 16(h)"),
          C("Code de la consommation art. L221-28", "art. 16(i)"),
          C("Code de la consommation art. L221-28", "art. 16(j)"),
          C("Code de la consommation art. L221-28", "art. 16(k)"),
          C("Code de la consommation art. L221-28", "art. 16(l)"),
          C("Code de la consommation art. L221-28", "art. 16(m)") },
        C("Code de la consommation art. L221-21", "art. 11(1)"), D("art. 11(2)"),
        C("Code de la consommation art. L221-24", "art. 13(3)"),
        C("Code de la consommation art. L221-21", "art. 11a"), NULL } },
    EU_MEMBER("GR", "Greece"),
    EU_MEMBER("HR", "Croatia"),
    EU_MEMBER("HU", "Hungary"),
    EU_MEMBER("IE", "Ireland"),
    /* IT: Italian lettering skips j and k: newspapers are (l), auctions (m). */
    { "IT", "Italy", EU_FIGURES,
      { D("art. 9"), D("art. 10(1)"),
        D("art. 13(1)"), D("art. 14(1)"),
        D("art. 14(2)"),
        { NULL,
          C("Codice del consumo art. 59(1)(a)", "art. 16(a)"),
          C("Codice del consumo art. 59(1)(b)", "art. 16(b)"),
          C("Codice del consumo art. 59(1)(c)", "art. 16(c)"),
          C("Codice del consumo art. 59(1)(d)", "art. 16(d)"),
          C("Codice del consumo art. 59(1)(e)", "art. 16(e)"),
          C("Codice del consumo art. 59(1)(f)", "art. 16(f)"),
          C("Codice del consumo art. 59(1)(g)", "art. 16(g)"),
          C("Codice del consumo art. 59(1)(h)", "art. 16(h)"),
          C("Codice del consumo art. 59(1)(i)", "art. 16(i)"),
          C("Codice del consumo art. 59(1)(l)", "art. 16(j)"),
          C("Codice del consumo art. 59(1)(m)", "art. 16(k)"),
          C("Codice del consumo art. 59(1)", "art. 16(l)"),
          C("Codice del consumo art. 59(1)", "art. 16(m)") },
        D("art. 11(1)"), D("art. 11(2)"), D("art. 13(3)"),
        C("Codice del consumo art. 54-bis", "art. 11a"), NULL } },
    EU_MEMBER("LT", "Lithuania"),
    EU_MEMBER("LU", "Luxembourg"),
    EU_MEMBER("LV", "Latvia"),
    EU_MEMBER("MT", "Malta"),
    /* NL: the exceptions article (6:230p) is unverified, so exceptions cite the directive. */
    { "NL", "Netherlands", EU_FIGURES,
      { C("BW 6:230o", "art. 9"), C("BW 6:230o", "art. 10(1)"),
        C("BW 6:230r(1)", "art. 13(1)"), C("BW 6:230s(1)", "art. 14(1)"),
        C("BW 6:230s", "art. 14(2)"),
        { NULL,
          D("art. 16(a)"),
          D("art. 16(b)"),
          D("art. 16(c)"),
          D("art. 16(d)"),
          D("art. 16(e)"),
          D("art. 16(f)"),
          D("art. 16(g)"),
          D("art. 16(h)"),
          D("art. 16(i)"),
          D("art. 16(j)"),
          D("art. 16(k)"),
          D("art. 16(l)"),
          D("art. 16(m)") },
        D("art. 11(1)"), D("art. 11(2)"), C("BW 6:230r", "art. 13(3)"),
        C("BW 6:230oa", "art. 11a"), NULL } },
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
    { "none", "no statutory right of withdrawal", 0, 0, 0, 0, 0, 0, 0, RETOUR__DATE_MIN, NO_FUNCTION,
      { NULL, NULL, NULL, NULL, NULL, { NULL }, NULL, NULL, NULL, NULL, NULL } },
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

const retour__jurisdiction *retour__jurisdiction_find(const char *code)
{
    for (size_t i = 0; i < TABLE_SIZE; i++)
        if (strcmp(table[i].code, code) == 0)
            return &table[i];
    return NULL;
}

static int is_uk(const retour__jurisdiction *j)
{
    return strcmp(j->code, "UK") == 0 || strcmp(j->code, "GB") == 0;
}

int retour__jurisdiction_same_law(const retour__jurisdiction *a, const retour__jurisdiction *b)
{
    return a == b || (is_uk(a) && is_uk(b));
}

int retour__jurisdiction_is_country(const retour__jurisdiction *j)
{
    return j->statutory && strcmp(j->code, "EU") != 0;
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
