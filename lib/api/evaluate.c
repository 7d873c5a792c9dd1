/* retour_evaluate(): checks what every request needs, then the withdrawal or complaint
 * rules decide (withdrawal.c, complaint.c). retour_evaluate_traced() is the same with a
 * trace sink (trace.h). */
#include "rules/eval.h"
#include "plan/plan_eval.h"
#include "rules/complaint.h"
#include "rules/consumer_law.h"
#include "rules/eval_support.h"
#include "rules/withdrawal.h"
#include "rules/trace.h"
#include "policy/terms.h"
#include "base/compiler.h"

#include <stdio.h>

/* 1 when no day of the request lies before its order (always, without an order date):
 * the test every evaluation makes before the plan or the rules see the request. */
static inline int ordered_first(const retour_request *r)
{
    retour_date ordered = r->ordered;
    if (ordered == RETOUR_DATE_NONE)
        return 1;
    int early = (r->notified < ordered) |
                (r->last_delivered != RETOUR_DATE_NONE && r->last_delivered < ordered) |
                (r->goods_sent != RETOUR_DATE_NONE && r->goods_sent < ordered) |
                (r->goods_received != RETOUR_DATE_NONE && r->goods_received < ordered);
    for (size_t i = 0; i < r->count; i++)
        early |= r->items[i].delivered != RETOUR_DATE_NONE && r->items[i].delivered < ordered;
    return !early;
}

/* 1 unless the goods were received back before they were sent. */
static inline int goods_in_order(const retour_request *r)
{
    return r->goods_received == RETOUR_DATE_NONE || r->goods_received >= r->goods_sent;
}

/* Impossible data is an error, never a decision: names the first day before the order. */
static RETOUR__NOINLINE int before_order(retour__eval *ev)
{
    const retour_request *r = ev->r;
    if (r->notified < r->ordered)
        return retour__request_error(ev, -1, "notified",
                                     "the request was notified before the order was placed");
    if (r->last_delivered != RETOUR_DATE_NONE && r->last_delivered < r->ordered)
        return retour__request_error(ev, -1, "last_delivered",
                                     "the order's last good was delivered before the order "
                                     "was placed");
    if (r->goods_sent != RETOUR_DATE_NONE && r->goods_sent < r->ordered)
        return retour__request_error(ev, -1, "goods_sent",
                                     "the goods were sent back before the order was placed");
    if (r->goods_received != RETOUR_DATE_NONE && r->goods_received < r->ordered)
        return retour__request_error(ev, -1, "goods_received",
                                     "the goods were received back before the order was "
                                     "placed");
    for (size_t i = 0; i < r->count; i++) {
        if (r->items[i].delivered != RETOUR_DATE_NONE && r->items[i].delivered < r->ordered) {
            char path[48];
            snprintf(path, sizeof path, "items[%zu].delivered", i);
            return retour__request_error(ev, (long)i, path,
                                         "the item was delivered before it was ordered");
        }
    }
    /* Not reached: ordered_first() found a day before the order. */
    return retour__request_error(ev, -1, "ordered", "a day of the request is before the order");
}

static int evaluate(retour_decision *decision, const retour_policy *policy,
                    const retour_request *request, const retour__tracer *trace,
                    retour_error *err)
{
    retour__error_clear(err);
    if (!RETOUR__DECISION_OK(decision) || !RETOUR__POLICY_OK(policy) ||
        !RETOUR__REQUEST_OK(request))
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluate: decision, policy and request must not be NULL");
    retour__decision_clear(decision);
    /* The terms agreed for this order (its version and market), when the policy has them. */
    const retour_policy *terms = retour__terms_for(policy, request->ordered, request->country);
    retour__eval ev = { .d = decision, .p = terms ? terms : policy, .r = request, .err = err,
                        .trace = trace };
    retour__law_init(&ev);
    int rc;
    if (terms == NULL)
        rc = retour__request_error(&ev, -1, "ordered",
                                   "the policy has versions of its terms: the order date is "
                                   "needed to know which were agreed");
    else if (request->notified == RETOUR_DATE_NONE)
        rc = retour__request_error(&ev, -1, "notified", "the notification date is required");
    else if (request->count == 0)
        rc = retour__request_error(&ev, -1, "items", "at least one item is required");
    else if (RETOUR__UNLIKELY(!ordered_first(request)))
        rc = before_order(&ev);
    else if (RETOUR__UNLIKELY(!goods_in_order(request)))
        rc = retour__request_error(&ev, -1, "goods_received",
                                   "the goods were received back before they were sent");
    else {
        /* The plan decides the common request; the rules the rest and every trace. */
        rc = trace ? RETOUR__PLAN_DECLINED : retour__plan_evaluate(&ev);
        if (rc == RETOUR__PLAN_DECLINED)
            rc = request->type == RETOUR_REQUEST_COMPLAINT ? retour__decide_complaint(&ev)
                                                           : retour__decide_withdrawal(&ev);
    }
    if (rc) {
        retour__decision_clear(decision);
        return rc;
    }
    decision->policy = terms;
    decision->type = request->type;
    /* A remedy under the guarantee is free of charge for the consumer (SGD art. 14). */
    decision->return_shipping = request->type == RETOUR_REQUEST_COMPLAINT ? RETOUR_PAYER_SHOP
                                                                          : terms->return_shipping;
    /* A withdrawal's refund goes by the same means of payment unless the consumer expressly
     * agrees (Directive 2011/83/EU art. 13(1)): the statutory right sets store credit and
     * vouchers aside (rules/withdrawal.c names the clause). */
    if (request->type == RETOUR_REQUEST_WITHDRAWAL) {
        retour__refund_method m = terms->refund_method;
        if (ev.statutory_basis &&
            (m == RETOUR__METHOD_STORE_CREDIT || m == RETOUR__METHOD_VOUCHER))
            m = RETOUR__METHOD_ORIGINAL_PAYMENT;
        decision->refund_method = retour__refund_method_names[m];
    }
    decision->valid = 1;
    return RETOUR_OK;
}

int retour_evaluate(retour_decision *decision, const retour_policy *policy,
                    const retour_request *request, retour_error *err)
{
    return evaluate(decision, policy, request, NULL, err);
}

int retour_evaluate_traced(retour_decision *decision, const retour_policy *policy,
                           const retour_request *request, retour_trace_fn fn, void *fn_ctx,
                           retour_error *err)
{
    retour__tracer trace = { fn, fn_ctx };
    return evaluate(decision, policy, request, fn ? &trace : NULL, err);
}

int retour_evaluate_verdict(retour_verdict *verdict, retour_decision *decision,
                            const retour_policy *policy, const retour_request *request,
                            retour_error *err)
{
    if (verdict == NULL)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluate_verdict: verdict must not be NULL");
    verdict->outcome = RETOUR_OUTCOME_REJECT;
    verdict->reason = "";
    verdict->withdrawal_deadline = RETOUR_DATE_NONE;
    retour__error_clear(err);
    if (!RETOUR__DECISION_OK(decision) || !RETOUR__POLICY_OK(policy) ||
        !RETOUR__REQUEST_OK(request))
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluate_verdict: decision, policy and request must not "
                            "be NULL");
    decision->valid = 0;
    const retour_policy *terms = retour__terms_for(policy, request->ordered, request->country);
    if (terms && request->notified != RETOUR_DATE_NONE && request->count > 0 &&
        ordered_first(request) && goods_in_order(request)) {
        retour__eval ev = { .d = decision, .p = terms, .r = request, .err = err };
        retour__law_init(&ev);
        retour__plan_answer a;
        if (retour__plan_answer_of(&ev, &a) == RETOUR_OK) {
            verdict->outcome = a.outcome;
            verdict->reason = retour__code_name(a.deciding);
            verdict->withdrawal_deadline = a.withdrawal_deadline;
            return RETOUR_OK;
        }
    }
    int rc = evaluate(decision, policy, request, NULL, err);
    if (rc == RETOUR_OK) {
        const retour_reason *why = retour_decision_deciding_reason(decision);
        verdict->outcome = decision->outcome;
        verdict->reason = why ? why->code : "";
        verdict->withdrawal_deadline = decision->withdrawal_deadline;
    }
    retour__decision_clear(decision);
    return rc;
}
