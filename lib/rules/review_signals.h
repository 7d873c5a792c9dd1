/* Review signals: thresholds that route a decided request to a person (review_signals.c). */
#ifndef RETOUR_REVIEW_SIGNALS_H
#define RETOUR_REVIEW_SIGNALS_H

#include "rules/eval.h"

/* The policy's review thresholds route a decided request to a person. Most policies set
 * none: that is checked here, so that they pay no call. */
int retour__review_signals_run(retour__eval *ev);
static inline int retour__apply_review_signals(retour__eval *ev)
{
    if (ev->p->review_claims == 0 && ev->p->review_amount < 0)
        return RETOUR_OK;
    return retour__review_signals_run(ev);
}

#endif
