/* The policy loader's schema pass on its own, for retour_policy_check(). */
#ifndef RETOUR_POLICY_CHECK_H
#define RETOUR_POLICY_CHECK_H

#include "policy/policy.h"
#include "policy/schema.h"

/* Reads root into p (zeroed, allocator and arena set) with defaults and stand-ins for the
 * required keys; with a collecting ctx every schema problem goes to its sink. Returns
 * RETOUR_OK, RETOUR__RECORDED (a problem ended the reading early) or a fatal code. The
 * policy is for inspection only (a later lint pass), never handed out when it has errors. */
int retour__policy_read(retour__ctx *ctx, retour_policy *p, const retour__node *root);

#endif
