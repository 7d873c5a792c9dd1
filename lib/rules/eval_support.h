/* What every rule uses to write its result: reasons, errors, date sums (eval_support.c). */
#ifndef RETOUR_EVAL_SUPPORT_H
#define RETOUR_EVAL_SUPPORT_H

#include "rules/eval.h"

/* The place of a reason that no policy line decided. */
extern const retour__src retour__no_src;

int retour__add_reason(retour__eval *ev, retour__code code, long item, const char *law,
                       retour__src src, const retour__params *params);
/* policy_below_legal_floor: the policy's clause (its key path, static) was set aside for
 * the law, whose article law cites; src is where the clause is written. */
int retour__below_floor(retour__eval *ev, long item, const char *clause, const char *law,
                        retour__src src);
/* RETOUR_EREQUEST at the request (or its item) with path and message. */
int retour__request_error(retour__eval *ev, long item, const char *path, const char *message);
/* RETOUR_ERANGE: money that no longer fits in 64 bits. */
int retour__overflow_error(retour__eval *ev, long item, const char *what);
/* Date arithmetic that fails past 9999-12-31. */
int retour__eval_add_days(retour__eval *ev, retour_date *out, retour_date date, int days);
int retour__eval_add_months(retour__eval *ev, retour_date *out, retour_date date, int months);

#endif
