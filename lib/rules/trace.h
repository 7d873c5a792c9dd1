/* Tracing an evaluation: what retour_evaluate_traced() reports, rule by rule. The
 * evaluator calls the hooks below; each costs one pointer test when nothing traces
 * (ev->trace is NULL in retour_evaluate()). Events live on the stack: nothing allocates. */
#ifndef RETOUR_TRACE_H
#define RETOUR_TRACE_H

#include "rules/eval.h"

/* Why a rule did not apply (or a fact a rule checked), for steps that record no reason.
 * Templates in messages.c; params as for reasons. Add new ones, never reorder. */
typedef enum retour__note {
    RETOUR__N_NONE = 0,
    RETOUR__N_STATUTORY_PERIOD_OVER,   /* {date2} after {date} */
    RETOUR__N_NO_STATUTORY_RIGHT,
    RETOUR__N_NO_EXCLUSION,            /* {category} */
    RETOUR__N_SHOP_EXCLUSION_STATUTORY,/* {category} */
    RETOUR__N_PACKAGING_INTACT,
    RETOUR__N_WITHIN_LEGAL_GUARANTEE,  /* {date2} {date} */
    RETOUR__N_NOT_CAUSED,
    RETOUR__N_NOT_WEAR,
    RETOUR__N_NO_DEFECT_ESTABLISHED,
    RETOUR__N_NO_INSPECTION,           /* {category} */
    RETOUR__N_CLAIMS_BELOW,            /* {days} {days2} */
    RETOUR__N_AMOUNT_BELOW,            /* {amount} */
    RETOUR__N_GW_TYPE,                 /* goodwill misses: {name} and as below */
    RETOUR__N_GW_EXCLUDED,
    RETOUR__N_GW_ORDERS,               /* {days} {days2} */
    RETOUR__N_GW_SPEND,                /* {amount} */
    RETOUR__N_GW_AMOUNT,               /* {amount} */
    RETOUR__N_GW_DAYS_LATE,            /* {days} {days2} */
    RETOUR__N_GW_GOODWILL,             /* {days} {days2} */
    RETOUR__N_GW_CLAIMS,               /* {days} {days2} */
    RETOUR__N_GW_CAUSE,                /* {cause} */
    RETOUR__N_GW_CAUSE_UNKNOWN,
    RETOUR__N_GW_ADMITS,
    RETOUR__N_GW_CATEGORY,             /* {category} */
    RETOUR__N__COUNT
} retour__note;

/* The caller's sink: a callback and its context. */
typedef struct retour__tracer {
    retour_trace_fn fn;
    void *ctx;
} retour__tracer;

/* A reason was recorded (eval_support.c): the rule it belongs to applied, or for codes
 * that say a rule did not apply (seal_intact, withdrawal_period_expired...) did not. */
void retour__trace_reason(retour__eval *ev, retour__code code, long item, const char *law,
                          retour__src src, const retour__params *params);

/* A rule was considered and recorded no reason: note says why. */
void retour__trace_note(retour__eval *ev, const char *rule, long item, int matched,
                        retour__note note, const char *law, retour__src src,
                        const retour__params *params);
#define RETOUR__TRACE_NOTE(ev, ...) \
    ((ev)->trace ? retour__trace_note((ev), __VA_ARGS__) : (void)0)

/* Goodwill rule k did not match item i; miss is the first condition that failed. */
void retour__trace_goodwill_miss(retour__eval *ev, size_t k, size_t i,
                                 const retour__category *c, retour__note miss, int days_late);

/* The note's template in lang into buf; the length needed (snprintf), -1 for a bad note. */
int retour__note_format(char *buf, size_t size, retour__note note, retour_lang lang,
                        const retour__params *params, const char *currency, int decimals);

#endif
