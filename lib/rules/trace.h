/* Tracing an evaluation: what retour_evaluate_traced() reports, rule by rule. The
 * evaluator calls the hooks below; each costs one pointer test when nothing traces
 * (ev->trace is NULL in retour_evaluate()). Events live on the stack: nothing allocates. */
#ifndef RETOUR_TRACE_H
#define RETOUR_TRACE_H

#include "rules/eval.h"
#include "decision/notes.h"


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

/* Goodwill rule k did not match item i, whose messages share item_params
 * (retour__item_params); miss is the first condition that failed. */
void retour__trace_goodwill_miss(retour__eval *ev, size_t k, size_t i,
                                 const retour__params *item_params, retour__note miss,
                                 int days_late);


#endif
