/* The legal guarantee per jurisdiction: how long the seller answers for a lack of
 * conformity, how long a defect is presumed present at delivery, and national remedies.
 * Figures follow ../shared/law; citations are complete strings (verified or secondary
 * articles only; the directive's article where the national one is unverified). */
#ifndef RETOUR_GUARANTEE_LAW_H
#define RETOUR_GUARANTEE_LAW_H

typedef struct retour__guarantee_law {
    const char *code;
    int months;             /* liability period; 0: no legal guarantee */
    int lifespan_based;     /* a category's expected lifespan extends the period (NL) */
    int presumption_months; /* the defect is presumed present at delivery; 0: none */
    int short_reject_days;  /* a short-term right to reject for a refund (UK); 0: none */
    const char *law_period;
    const char *law_presumption;
    const char *law_remedy_order;  /* repair or replacement first, the consumer's choice */
    const char *law_remedy_failed; /* price reduction or refund once that failed */
    const char *law_short_reject;
} retour__guarantee_law;

/* The guarantee rules for a jurisdiction code from the jurisdiction table; never NULL
 * (an EU member without national figures gets the directive's, "none" gets no guarantee). */
const retour__guarantee_law *retour__guarantee_law_find(const char *code, int eu);

#endif
