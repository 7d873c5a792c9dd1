/* Goodwill rules for refused items (goodwill.c). */
#ifndef RETOUR_GOODWILL_H
#define RETOUR_GOODWILL_H

#include "rules/eval.h"

/* The first goodwill rule that matches the refused item grants something; else no change. */
int retour__apply_goodwill(retour__eval *ev, size_t i, const retour__category *c,
                           retour__refusal why, int days_late);
/* The rule retour__apply_goodwill would grant for an item, seen as the case f, of the
 * given value, or NULL; it writes nothing (the plan's verdicts). */
const retour__goodwill_rule *retour__goodwill_match(const retour_policy *p, const retour_case *f,
                                                    const retour__category *c,
                                                    retour__refusal why, int days_late,
                                                    int64_t value);

#endif
