/* Review signals: thresholds on the customer's claims and the request's worth that send a
 * case to a person. They never refuse anything: accepted items wait for the person, and
 * refused items stay refused. */
#include "rules/review_signals.h"
#include "rules/eval_support.h"
#include "rules/trace.h"

#include "base/money.h"

/* Turns every item that would give something back into a review; returns how many. */
static size_t hold_for_review(retour_decision *d)
{
    size_t held = 0;
    for (size_t i = 0; i < d->item_count; i++) {
        retour_outcome *o = &d->items[i].outcome;
        if (*o == RETOUR_OUTCOME_ACCEPT || *o == RETOUR_OUTCOME_PARTIAL ||
            *o == RETOUR_OUTCOME_ACCEPT_GOODWILL) {
            *o = RETOUR_OUTCOME_REVIEW;
            held++;
        }
    }
    return held;
}

static int pending(const retour_decision *d)
{
    for (size_t i = 0; i < d->item_count; i++)
        if (d->items[i].outcome != RETOUR_OUTCOME_REJECT)
            return 1;
    return 0;
}

int retour__review_signals_run(retour__eval *ev)
{
    const retour_policy *p = ev->p;
    const retour_request *r = ev->r;
    retour_decision *d = ev->d;
    retour__params prm = { 0 };
    int rc;
    if (!pending(d))
        return RETOUR_OK; /* nothing to hold back */
    /* claims_last_year counts the earlier ones; this request is one more. */
    if (p->review_claims > 0 && r->claims_last_year + 1 >= p->review_claims) {
        prm.days = r->claims_last_year + 1;
        prm.days2 = p->review_claims;
        if ((rc = retour__add_reason(ev, RETOUR__R_FREQUENT_CLAIMS, -1, NULL,
                                     p->src_review_claims, &prm)))
            return rc;
        hold_for_review(d);
    } else if (p->review_claims > 0)
        RETOUR__TRACE_NOTE(ev, "review.claims_last_year", -1, 0, RETOUR__N_CLAIMS_BELOW, NULL, p->src_review_claims, &(retour__params){ .days = r->claims_last_year + 1, .days2 = p->review_claims });
    if (p->review_amount >= 0) {
        int64_t total = 0;
        for (size_t i = 0; i < d->item_count; i++)
            if (retour__money_add(&total, total, d->items[i].value))
                return retour__overflow_error(ev, (long)i, "the request's worth");
        if (total >= p->review_amount) {
            prm.amount = total;
            if ((rc = retour__add_reason(ev, RETOUR__R_HIGH_AMOUNT, -1, NULL,
                                         p->src_review_amount, &prm)))
                return rc;
            hold_for_review(d);
        } else RETOUR__TRACE_NOTE(ev, "review.amount", -1, 0, RETOUR__N_AMOUNT_BELOW, NULL, p->src_review_amount, &(retour__params){ .amount = total });
    }
    return RETOUR_OK;
}
