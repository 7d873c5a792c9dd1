/* Shared state and steps of one evaluation. retour_evaluate() (evaluate.c) checks the
 * request and dispatches to the withdrawal or complaint rules; both end with goodwill,
 * review signals and the money (settle). */
#ifndef RETOUR_EVAL_H
#define RETOUR_EVAL_H

#include "decision/decision.h"
#include "policy/policy.h"
#include "request/request.h"

typedef struct retour__eval {
    retour_decision *d;
    const retour_policy *p;
    const retour_request *r;
    retour_error *err;
    int statutory_basis; /* the statutory right of withdrawal decides (its floors apply) */
    int shop_extends;    /* the shop's window ends after the law's (unextended) period */
    /* The deadlines' calendar, set while retour__decide_withdrawal runs. */
    struct retour__holidays *holidays;
    const struct retour__tracer *trace; /* retour_evaluate_traced(); NULL otherwise (trace.h) */
} retour__eval;

/* Why an item was refused, which decides whether goodwill rules may look at it. */
typedef enum retour__refusal {
    RETOUR__REFUSED_LATE,      /* withdrawal period over */
    RETOUR__REFUSED_EXCLUDED,  /* a legal exception or the shop's own exclusion */
    RETOUR__REFUSED_CAUSED,    /* damage the customer caused */
    RETOUR__REFUSED_EXPIRED,   /* guarantee over */
    RETOUR__REFUSED_WORN       /* wear after the expected lifespan */
} retour__refusal;

extern const retour__src retour__no_src;

/* A reason record as retour__add_reason writes it (the plan prepares its own with it). */
static inline void retour__reason_make(retour__reason_rec *rec, const retour_policy *p,
                                       retour__code code, long item, const char *law,
                                       retour__src src, const retour__params *params)
{
    rec->code = code;
    rec->pub.code = (unsigned)code < RETOUR__R__COUNT ? retour__code_names[code] : "";
    rec->pub.item = item;
    rec->pub.law = law;
    rec->pub.source_file = src.line ? p->file : NULL;
    rec->pub.source_line = src.line;
    rec->pub.source_column = src.column;
    rec->params = *params;
}

/* The reason code of a legal exception. */
retour__code retour__exclusion_code(retour__exclusion e);
/* After the period an item is refused for its category's exception rather than for being
 * late when the exception is not waived and applies in this packaging state (a seal-
 * dependent one only once unsealed). */
int retour__exclusion_refuses_late(const retour__category *c, retour_packaging packaging);

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

/* Copies SKUs, categories and values into the decision; every item starts accepted.
 * first_named: the policy's category the first item names, when the caller has found it
 * (the decision shows the policy's copy of the name instead of copying it), else NULL. */
int retour__copy_items(retour__eval *ev, const retour__category *first_named);
/* The policy's category the item names (by name, or a case's by id), NULL if none. */
const retour__category *retour__category_named(const retour_policy *p, const retour__item *it);
/* c, or else the policy's default category (NULL if it has none). */
static inline const retour__category *retour__category_or_default(const retour_policy *p,
                                                                  const retour__category *c)
{
    return c == NULL && p->default_category >= 0 ? &p->categories[p->default_category] : c;
}
/* The item's category in the policy (or the default category), NULL if none. */
const retour__category *retour__category_of(const retour_policy *p, const retour__item *it);
/* Parameters every item message shares: the category name as the decision keeps it. */
void retour__item_params(retour__eval *ev, size_t i, const retour__category *c,
                         retour__params *prm);

int retour__decide_withdrawal(retour__eval *ev);
int retour__decide_complaint(retour__eval *ev);

/* The first goodwill rule that matches the refused item grants something; else no change. */
int retour__apply_goodwill(retour__eval *ev, size_t i, const retour__category *c,
                           retour__refusal why, int days_late);
/* The rule retour__apply_goodwill would grant for an item, seen as the case f, of the
 * given value, or NULL; it writes nothing (the plan's verdicts). */
const retour__goodwill_rule *retour__goodwill_match(const retour_policy *p, const retour_case *f,
                                                    const retour__category *c,
                                                    retour__refusal why, int days_late,
                                                    int64_t value);
/* The policy's review thresholds route a decided request to a person. Most policies set
 * none: that is checked here, so that they pay no call. */
int retour__review_signals_run(retour__eval *ev);
static inline int retour__apply_review_signals(retour__eval *ev)
{
    if (ev->p->review_claims == 0 && ev->p->review_amount < 0)
        return RETOUR_OK;
    return retour__review_signals_run(ev);
}
/* How many items ended in each state; goodwill items are among the accepted ones. */
typedef struct retour__tally {
    size_t accepted, review, rejected, goodwill;
} retour__tally;

/* Sums the items into the decision's totals and sets the overall outcome and basis;
 * the tally is returned for the caller's rules. */
int retour__settle_items(retour__eval *ev, retour__tally *tally);

#endif
