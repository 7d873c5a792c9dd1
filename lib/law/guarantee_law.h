/* The legal guarantee per jurisdiction: how long the seller answers for a lack of
 * conformity, how long a defect is presumed present at delivery, and national remedies.
 * Figures follow ../shared/law; citations are complete strings (verified or secondary
 * articles only; the directive's article where the national one is unverified). */
#ifndef RETOUR_GUARANTEE_LAW_H
#define RETOUR_GUARANTEE_LAW_H

#include "law/jurisdiction.h"
#include "retour.h"

typedef struct retour__guarantee_law {
    const char *code;
    retour_date from;       /* the first day of contracts this regime covers */
    const char *regime;     /* the instrument: "Directive (EU) 2019/771", ... ("" for none) */
    int months;             /* liability period; 0: no legal guarantee */
    int lifespan_based;     /* a category's expected lifespan extends the period (NL) */
    int presumption_months; /* the defect is presumed present at delivery; 0: none */
    int short_reject_days;  /* a short-term right to reject for a refund (UK); 0: none */
    const char *law_period;
    const char *law_presumption;
    const char *law_remedy_order;  /* repair or replacement first, the consumer's choice */
    const char *law_remedy_failed; /* price reduction or refund once that failed */
    const char *law_short_reject;
    /* The consumer must notify a lack of conformity within this many months of detecting
     * it (Directive (EU) 2019/771 art. 12, a member state option: at least 2); 0: the
     * tables hold no such duty. law_notice cites the rule (the directive's article). */
    int notice_months;
    const char *law_notice;
} retour__guarantee_law;

/* The guarantee law of jurisdiction j for a contract concluded on `contract`: a member or
 * EEA state without national figures gets the directive's floor, "none" no guarantee.
 * NULL when the contract predates every regime the tables hold (EU and EEA: 2002; UK:
 * 1 October 2015): the caller reports it, never guesses. */
const retour__guarantee_law *retour__guarantee_law_at(const retour__jurisdiction *j,
                                                      retour_date contract);
/* The first contract day any regime of j covers (RETOUR__DATE_MIN for "none"). */
retour_date retour__guarantee_law_first_day(const retour__jurisdiction *j);
/* Into out, figure by figure, the more protective of a (the policy's) and b (the
 * consumer's country's), each with its citation; a's where they are equal. Returns the
 * RETOUR__FIG_* bits (law/figures.h) that b gave. */
unsigned retour__guarantee_law_best(retour__guarantee_law *out, const retour__guarantee_law *a,
                                    const retour__guarantee_law *b);
/* The regime for contracts concluded now and later (the newest); never NULL. */
const retour__guarantee_law *retour__guarantee_law_latest(const retour__jurisdiction *j);

#endif
