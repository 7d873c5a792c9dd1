/* Deciding a withdrawal (withdrawal.c). */
#ifndef RETOUR_WITHDRAWAL_H
#define RETOUR_WITHDRAWAL_H

#include "rules/eval.h"

/* The reason code of a legal exception. */
retour__code retour__exclusion_code(retour__exclusion e);
/* After the period an item is refused for its category's exception rather than for being
 * late when the exception is not waived and applies in this packaging state (a seal-
 * dependent one only once unsealed). */
int retour__exclusion_refuses_late(const retour__category *c, retour_packaging packaging);

int retour__decide_withdrawal(retour__eval *ev);

#endif
