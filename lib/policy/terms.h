/* The terms in force for an order (terms.c): a policy's versions (`versions:`, picked by the
 * order date) and markets (`markets:`, picked by the consumer's country). Each version and
 * market replaces whole sections of the top-level terms; every combination is compiled as a
 * policy of its own (api/policy_api.c), which a request's order date and country select. */
#ifndef RETOUR_TERMS_H
#define RETOUR_TERMS_H

#include "policy/policy.h"
#include "policy/schema.h"

/* The sections a version or a market may replace. */
extern const char *const retour__terms_sections[];
extern const size_t retour__terms_section_count;

/* Reads and checks root's `versions` (each `from`, strictly increasing, an optional
 * `name`, sections) and `markets` (country codes of the law tables, each with an optional
 * `currency` and sections) into p->versions and p->markets. Sections are read later, in
 * each combination's own policy. */
int retour__terms_read(retour__ctx *ctx, retour_policy *p, const retour__node *root);

/* The terms of version v (-1: the top-level terms) in market m (-1: none) as one document
 * map: the top-level keys, each section replaced by the version's, then by the market's
 * (a market's sections win), the market's currency. Built in arena; *out NULL only when
 * the arena fails. */
int retour__terms_node(retour__arena *arena, const retour_policy *p, const retour__node *root,
                       long v, long m, const retour__node **out);

/* The compiled terms of p for an order concluded on `ordered` by a consumer living in
 * `country` ("" none): p itself without versions and markets. NULL when p has versions and
 * the order date is missing (the terms agreed cannot be known). */
const retour_policy *retour__terms_pick(const retour_policy *p, retour_date ordered,
                                        const char *country);
/* The same, inline for the policies without versions and markets (most). */
static inline const retour_policy *retour__terms_for(const retour_policy *p,
                                                     retour_date ordered, const char *country)
{
    return p->combos == NULL ? p : retour__terms_pick(p, ordered, country);
}

#endif
