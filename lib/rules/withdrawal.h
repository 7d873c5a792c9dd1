/* Deciding a withdrawal (withdrawal.c). */
#ifndef RETOUR_WITHDRAWAL_H
#define RETOUR_WITHDRAWAL_H

#include "rules/eval.h"

struct retour__holidays;

/* Decides ev's request, a withdrawal, in full. */
int retour__decide_withdrawal(retour__eval *ev);

/* The steps of retour__decide_withdrawal, for the plan to run them at load
 * (plan_build.c). Rule 1 on a request whose items are copied: the period, its reasons,
 * the basis, the clauses a statutory withdrawal sets aside; *expired when it is over;
 * holidays and consumer_holidays (the caller's) count the deadlines. */
int retour__withdrawal_period(retour__eval *ev, struct retour__holidays *holidays,
                              struct retour__holidays *consumer_holidays, int *expired);
/* Rules 2-4 for item i, whose category (or the default) is c, once the period is known:
 * exceptions, packaging and restocking in the period, or the refusal after it. Writes the
 * item's outcome, refund and reasons; goodwill is the caller's (*refusal). */
int retour__withdrawal_item(retour__eval *ev, size_t i, const retour__category *c, int expired,
                            retour__item_refusal *refusal);

/* What a deadline moved to the next working day cites: the regulation on periods for the
 * EU's statutory periods only; the UK's and the shop's own are moved too, as the
 * consumer-friendly reading, without a citation. */
const char *retour__moved_law(const retour__jurisdiction *law, int statutory);

#endif
