/* Compiling a policy's plan at load (plan_build.c). */
#ifndef RETOUR_PLAN_BUILD_H
#define RETOUR_PLAN_BUILD_H

#include "policy/policy.h"

/* Compiles p's plan into its arena, or leaves p->plan NULL when the policy is off the
 * road; RETOUR_ENOMEM only when the arena fails. */
int retour__plan_build(retour_policy *p);

#endif
