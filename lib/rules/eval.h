/* The state of one evaluation, which every rule reads and writes: the decision being
 * made, the policy, the request. retour_evaluate() (api/evaluate.c) checks the request
 * and hands it to the plan or to the withdrawal or complaint rules; both end with
 * goodwill, review signals and the totals (items.h). */
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
    /* A rule computed a charge from an item's value: the plan cannot keep that result for
     * every request of the item's category (plan_build.c). */
    int charged;
    /* In the shop's own window the request lacks what withdrawal.requires asks for: every
     * item is refused (requirement_missing). */
    int requirement_missing;
    /* The consumer counts as not informed of the right of withdrawal: the policy says so
     * (withdrawal.informed: false), or its terms state a shorter period than the law's
     * (withdrawal_information_wrong); not_informed_src is the clause. */
    int not_informed;
    retour__src not_informed_src;
    /* The law that decides (retour__law_init, consumer_law.h): the withdrawal law and its
     * citations, the calendar deadlines move in and its closed days listed at load (NULL:
     * computed), and, when the consumer's country keeps its protection, its law and the
     * calendar whose holidays also move deadlines (else NULL). */
    const retour__jurisdiction *law;
    const struct retour__calendar *calendar;
    const struct retour__closed_days *closed;
    const retour__jurisdiction *consumer;
    const struct retour__calendar *consumer_calendar;
    /* The legal guarantee in force at the contract's date, set by retour__complaint_law;
     * guarantee_mix holds it when the consumer's law gives more. */
    const retour__guarantee_law *guarantee;
    retour__guarantee_law guarantee_mix;
    /* The deadlines' calendar, set while retour__decide_withdrawal runs. */
    struct retour__holidays *holidays;
    struct retour__holidays *consumer_holidays; /* of consumer_calendar */
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

/* What an item rule decided that goodwill may look at: refused (0 or 1), why, and how
 * many days past the period or guarantee the request came. The caller applies goodwill
 * (retour__apply_goodwill); the plan keeps the refusal in its cells. */
typedef struct retour__item_refusal {
    int refused;
    retour__refusal why;
    int days_late;
} retour__item_refusal;

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

/* How many items ended in each state; goodwill items are among the accepted ones. */
typedef struct retour__tally {
    size_t accepted, review, rejected, goodwill;
} retour__tally;

#endif
