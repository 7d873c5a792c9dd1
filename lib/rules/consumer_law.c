/* The consumer's country. Under the Rome I Regulation (EC) No 593/2008 art. 6, a shop that
 * directs its activity to the country a consumer lives in cannot take away the protection
 * of that country's mandatory law by choosing another (art. 6(2)). A policy lists the
 * countries it directs its activity to (sells_to); for a consumer living in one of them,
 * each legal figure is taken from whichever law protects the consumer more: the right of
 * withdrawal itself where the policy's jurisdiction has none, the public holidays that
 * move deadlines (a day closed in either country does not end a period), and under the
 * legal guarantee its period, presumption and short-term right (rules/complaint.c). The
 * withdrawal figures are the same in every jurisdiction of the tables. */
#include "rules/consumer_law.h"
#include "rules/eval_support.h"
#include "law/calendar.h"
#include "law/figures.h"

#include <string.h>

#define ROME_I "Regulation (EC) No 593/2008 art. 6(2)"

/* The law of the consumer's country when the policy sells there, else NULL. */
static const retour__jurisdiction *consumer_law(const retour_policy *p, const char *country)
{
    if (country[0] == '\0')
        return NULL;
    for (size_t i = 0; i < p->sells_to_count; i++) {
        const retour__jurisdiction *j = p->sells_to[i];
        if (j->code[0] == country[0] && j->code[1] == country[1])
            return retour__jurisdiction_same_law(j, p->jurisdiction) ? NULL : j;
    }
    return NULL; /* not a country the shop sells to: its jurisdiction alone decides */
}

void retour__law_init(retour__eval *ev)
{
    const retour_policy *p = ev->p;
    ev->law = p->jurisdiction;
    ev->calendar = p->calendar;
    ev->closed = p->closed;
    ev->consumer_calendar = NULL;
    ev->consumer = consumer_law(p, ev->r->country);
    if (ev->consumer == NULL)
        return;
    const retour__calendar *theirs = retour__calendar_for(ev->consumer->code);
    if (!p->jurisdiction->statutory) {
        /* Only the consumer's law gives the right: it decides the withdrawal. */
        ev->law = ev->consumer;
        ev->calendar = theirs;
        ev->closed = NULL;
    } else if (theirs != ev->calendar) {
        ev->consumer_calendar = theirs;
    }
}

int retour__consumer_law_reason(retour__eval *ev, unsigned figures)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.name = ev->consumer->code;
    prm.other = ev->p->jurisdiction->code;
    prm.days2 = (int)figures;
    return retour__add_reason(ev, RETOUR__R_CONSUMER_COUNTRY_LAW, -1, ROME_I,
                              ev->p->src_sells_to, &prm);
}
