/* The consumer's country (consumer_law.c): which law decides a request when the consumer
 * lives in a country the shop sells to. */
#ifndef RETOUR_CONSUMER_LAW_H
#define RETOUR_CONSUMER_LAW_H

#include "rules/eval.h"

/* Sets ev's law from its policy and request: the policy's jurisdiction, its calendar and
 * closed days; and, when the request's customer.country is one the policy sells to
 * (sells_to) with a law of its own, that law (ev->consumer): it gives the right of
 * withdrawal where the policy's jurisdiction has none, and its public holidays move
 * deadlines too. Every evaluation starts with it; it writes nothing. */
void retour__law_init(retour__eval *ev);

/* The reason consumer_country_law, naming both laws and the RETOUR__FIG_* figures the
 * consumer's gave (none: the policy's protects as much). */
int retour__consumer_law_reason(retour__eval *ev, unsigned figures);

#endif
