/* The legal lint run by retour_policy_check() on a policy that loads: every clause below
 * the selected jurisdiction's law, with its article and a fix (lint.c). */
#ifndef RETOUR_LINT_H
#define RETOUR_LINT_H

#include "base/diagnostic.h"
#include "policy/policy.h"

/* Adds the findings for p to sink; text and len are the policy's text (for byte offsets).
 * Returns 0 or RETOUR_ENOMEM. */
int retour__lint(retour__sink *sink, const retour_policy *p, const char *text, size_t len,
                 retour_lang lang);

#endif
