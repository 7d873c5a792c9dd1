/* Loading the complaint, goodwill and review sections of a policy. */
#ifndef RETOUR_POLICY_SERVICE_H
#define RETOUR_POLICY_SERVICE_H

#include "policy/policy.h"
#include "policy/schema.h"

int retour__load_complaints(retour__ctx *ctx, retour_policy *p, const retour__node *node);
int retour__load_goodwill(retour__ctx *ctx, retour_policy *p, const retour__node *node);
int retour__load_review(retour__ctx *ctx, retour_policy *p, const retour__node *node);
/* lifespan_months and inspection of one category. */
int retour__load_category_complaints(retour__ctx *ctx, retour__category *c,
                                     const retour__node *body);

#endif
