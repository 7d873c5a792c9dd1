/* Policy files (schema version 1) read into a retour_policy (policy_load.c). */
#ifndef RETOUR_POLICY_LOAD_H
#define RETOUR_POLICY_LOAD_H

#include "policy/policy.h"
#include "policy/schema.h"

/* Reads root, doc's root map or one combination of its terms (policy/terms.h), into p
 * (zeroed, allocator and arena set): defaults, every key, the strings the policy keeps
 * copied out of the document, the category index. For a combination, terms_of is the
 * policy whose version v and market m it is (-1: none), and errors name them. Strict: the first problem fails with
 * its place, key path and what was expected (RETOUR_ESCHEMA...). The plan is not built
 * here (plan/plan_build.h). */
int retour__policy_load_doc(retour_policy *p, const retour__doc *doc, const retour__node *root,
                            const retour_policy *terms_of, long v, long m, retour_error *err);

/* Reads root into p (zeroed, allocator and arena set) with defaults and stand-ins for the
 * required keys; with a collecting ctx every schema problem goes to its sink. Returns
 * RETOUR_OK, RETOUR__RECORDED (a problem ended the reading early) or a fatal code. The
 * policy is for inspection only (a later lint pass), never handed out when it has errors. */
int retour__policy_read(retour__ctx *ctx, retour_policy *p, const retour__node *root);

#endif
