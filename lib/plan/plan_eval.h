/* Deciding a request along its policy's plan (plan_eval.c). */
#ifndef RETOUR_PLAN_EVAL_H
#define RETOUR_PLAN_EVAL_H

#include "plan/plan.h"
#include "rules/eval.h"

/* Decides ev's request along the plan: RETOUR_OK (or an error) with the decision made,
 * or RETOUR__PLAN_DECLINED, before touching the decision, for a request off the road. */
int retour__plan_evaluate(retour__eval *ev);

/* The answer retour__plan_evaluate would give, without writing any decision;
 * RETOUR__PLAN_DECLINED likewise. (For a case: retour__plan_answer_case in
 * plan_route.h.) */
int retour__plan_answer_of(retour__eval *ev, retour__plan_answer *answer);

#endif
