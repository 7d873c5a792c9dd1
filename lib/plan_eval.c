/* Deciding a request along its policy's plan (plan.h): count the dates, look up the
 * item's cell, copy its reasons. The steps and their order are those of
 * retour__decide_withdrawal and retour__decide_complaint for a request on the road;
 * goodwill, review signals and the totals are the rules' own functions. */
#include "plan.h"
#include "eval.h"
#include "calendar.h"
#include "compiler.h"
#include "date.h"
#include "money.h"
#include "request.h"

#include <string.h>

/* Reasons a planned decision writes at most: the period and its move, the item's, a
 * goodwill rule, two review signals, the moves of the return and refund days. */
#define MOST_REASONS (2 + RETOUR__PLAN_ITEM_REASONS + 1 + 2 + 2)

/* The road's conditions on the request (plan.h); the policy's were checked at load. */
static int on_road(const retour__plan *plan, const retour_request *r, const retour__item *it)
{
    if (r->count != 1 || !it->measured || r->shipping_paid != 0 ||
        r->last_delivered != RETOUR_DATE_NONE || it->delivered < plan->first ||
        it->delivered > plan->last || r->notified < plan->first || r->notified > plan->last)
        return 0;
    if (r->type == RETOUR_REQUEST_WITHDRAWAL)
        return plan->withdrawal;
    return plan->complaint && it->noticed == RETOUR_DATE_NONE &&
           it->cause == RETOUR_CAUSE_UNKNOWN && !it->admits_damage &&
           it->remedy == RETOUR_REMEDY_NONE && r->notified >= it->delivered;
}

/* Room for every reason the plan may write, so that copying one checks nothing. */
static int reserve_reasons(retour__eval *ev)
{
    retour_decision *d = ev->d;
    if (RETOUR__LIKELY(d->reason_cap >= MOST_REASONS))
        return RETOUR_OK;
    if (retour__grow(d->allocator, (void **)&d->reasons, &d->reason_cap, MOST_REASONS,
                     sizeof *d->reasons))
        return retour__fail(ev->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    return RETOUR_OK;
}

static inline void copy_bytes(char *to, const char *from, size_t n)
{
    /* Names and SKUs are short: a loop beats calling memcpy for them. */
    for (size_t i = 0; i < n; i++)
        to[i] = from[i];
}

/* retour__copy_items for the one item: SKU and category into the decision's strings. */
static int copy_item(retour__eval *ev, const retour__item *it, int64_t value)
{
    retour_decision *d = ev->d;
    retour__strbuf *sb = &d->strings;
    size_t sku = it->sku_len + 1, category = it->category ? it->category_len + 1 : 0;
    if (RETOUR__UNLIKELY(d->item_cap == 0 || sb->cap - sb->len <= sku + category ||
                         sb->failed))
        return retour__copy_items(ev); /* it grows the buffers */
    retour__item_result *res = &d->items[0];
    memset(res, 0, sizeof *res);
    res->outcome = RETOUR_OUTCOME_ACCEPT;
    res->value = value;
    res->sku = sb->len;
    copy_bytes(sb->data + sb->len, it->sku, sku);
    sb->len += sku;
    res->category = (size_t)-1;
    if (category) {
        res->category = sb->len;
        copy_bytes(sb->data + sb->len, it->category, category);
        sb->len += category;
    }
    d->item_count = 1;
    return RETOUR_OK;
}

static inline retour__reason_rec *copy_reason(retour_decision *d, const retour__reason_rec *r)
{
    retour__reason_rec *rec = &d->reasons[d->reason_count++];
    *rec = *r;
    return rec;
}

/* A reason whose parameters are a day and the day it was counted from. */
static inline void copy_dated(retour_decision *d, const retour__reason_rec *r, retour_date date,
                              retour_date date2)
{
    retour__reason_rec *rec = copy_reason(d, r);
    rec->params.date = date;
    rec->params.date2 = date2;
}

static inline retour_date working_day(const retour_policy *p, retour_date date)
{
    retour__closed_days_next(p->closed, &date); /* inside the list: the plan's range */
    return date;
}

/* Most policies set no review thresholds: then there is nothing to call. */
static inline int review_signals(retour__eval *ev)
{
    if (ev->p->review_claims == 0 && ev->p->review_amount < 0)
        return RETOUR_OK;
    return retour__apply_review_signals(ev);
}

/* The return and refund days (shipping_and_deadlines of withdrawal.c, no outbound
 * shipping on the road). */
static void deadlines(retour__eval *ev, int statutory)
{
    const retour_policy *p = ev->p;
    const retour__plan *plan = p->plan;
    retour_decision *d = ev->d;
    retour_date return_day = ev->r->notified + p->return_days;
    retour_date refund_day = ev->r->notified + p->refund_days;
    d->return_by = working_day(p, return_day);
    d->refund_by = refund_day == return_day ? d->return_by : working_day(p, refund_day);
    if (d->return_by != return_day)
        copy_dated(d, statutory ? &plan->return_moved_law : &plan->return_moved, d->return_by,
                   return_day);
    if (d->refund_by != refund_day)
        copy_dated(d, statutory ? &plan->refund_moved_law : &plan->refund_moved, d->refund_by,
                   refund_day);
}

static int withdrawal(retour__eval *ev, const retour__category *c, size_t slot,
                      const char *category)
{
    const retour_policy *p = ev->p;
    const retour__plan *plan = p->plan;
    const retour_request *r = ev->r;
    retour_decision *d = ev->d;
    retour__item_result *res = &d->items[0];
    int rc;

    /* The period: the law's, from delivery; its last day moves to a working day. */
    retour_date law_day = r->items[0].delivered + p->jurisdiction->withdrawal_days;
    retour_date law_end = working_day(p, law_day);
    int in_time = r->notified <= law_end;
    d->calendar = p->calendar->name;
    d->withdrawal_deadline = law_end;
    d->basis = RETOUR_BASIS_WITHDRAWAL_RIGHT;
    ev->statutory_basis = in_time;
    copy_dated(d, in_time ? &plan->within : &plan->expired, law_end, r->notified);
    if (law_end != law_day)
        copy_dated(d, &plan->period_moved, law_end, law_day);

    /* The item: its cell's verdict, then goodwill for a refusal. */
    const retour__plan_cell *cell = &plan->cells[slot * RETOUR_PACKAGING__COUNT +
                                                 (size_t)r->items[0].packaging];
    const retour__plan_verdict *v = in_time ? &cell->in_time : &cell->late;
    res->outcome = v->outcome;
    for (size_t k = 0; k < v->reason_count; k++) {
        retour__reason_rec *rec = copy_reason(d, &v->reasons[k]);
        if (v->with_category[k])
            rec->params.category = category;
    }
    if (v->goodwill &&
        (rc = retour__apply_goodwill(ev, 0, c, (retour__refusal)(v->goodwill - 1),
                                     in_time ? 0 : (int)(r->notified - law_end))))
        return rc;
    if (in_time && v->outcome != RETOUR_OUTCOME_REJECT)
        res->refund = res->value;

    retour__tally tally;
    if ((rc = review_signals(ev)) || (rc = retour__settle_items(ev, &tally)))
        return rc;
    if (tally.accepted + tally.review > 0)
        deadlines(ev, in_time);
    return RETOUR_OK;
}

/* delivered + months, by whole years from the split date where they are whole years. */
static retour_date months_after(const retour__date_years *split, retour_date delivered,
                                int months)
{
    retour_date end = RETOUR_DATE_NONE;
    if (months % 12 == 0)
        retour__date_add_years(&end, split, months / 12);
    else
        retour__date_add_months(&end, delivered, months);
    return end; /* inside the plan's range neither fails */
}

static int complaint(retour__eval *ev, const retour__category *c, size_t slot,
                     const char *category)
{
    const retour_policy *p = ev->p;
    const retour__plan *plan = p->plan;
    const retour__plan_guarantee *g = &plan->guarantees[slot];
    retour_decision *d = ev->d;
    retour__item_result *res = &d->items[0];
    retour_date delivered = ev->r->items[0].delivered, noticed = ev->r->notified;
    retour__date_years split;
    retour__date_split_years(&split, delivered);
    retour_date legal_end = months_after(&split, delivered, g->legal_months);
    retour__reason_rec *rec;
    int rc;

    d->basis = RETOUR_BASIS_LEGAL_GUARANTEE;
    if (noticed > legal_end) {
        res->outcome = RETOUR_OUTCOME_REJECT;
        rec = copy_reason(d, &g->expired);
        rec->params.category = category;
        rec->params.date = legal_end;
        rec->params.date2 = noticed;
        if ((rc = retour__apply_goodwill(ev, 0, c, RETOUR__REFUSED_EXPIRED,
                                         (int)(noticed - legal_end))))
            return rc;
    } else {
        /* Presumed, or for the consumer to show; every reason here has the same
         * parameters: the presumption's months and end, the day the problem appeared. */
        int months = plan->presumption_months;
        retour__params prm = { 0 };
        prm.category = category;
        prm.date2 = noticed;
        prm.days = months;
        prm.date = months ? months_after(&split, delivered, months) : RETOUR_DATE_NONE;
        if (months == 0 || noticed > prm.date) {
            res->outcome = RETOUR_OUTCOME_REVIEW;
            rec = copy_reason(d, months ? &plan->evidence : &plan->evidence_no_presumption);
            rec->params = prm;
        } else {
            copy_reason(d, &plan->presumed)->params = prm;
            if (g->inspect) {
                res->outcome = RETOUR_OUTCOME_REVIEW;
                copy_reason(d, &g->inspection)->params = prm;
            } else {
                res->remedy = prm.grant = p->remedy;
                copy_reason(d, &plan->remedy)->params = prm;
            }
        }
    }
    retour__tally tally;
    if ((rc = review_signals(ev)))
        return rc;
    return retour__settle_items(ev, &tally);
}

/* What every planned request needs first: the road, the item's value and category. */
typedef struct route {
    const retour__item *it;
    int64_t value;
    const retour__category *c;
    size_t slot;                 /* the category's index; category_count: none */
    const retour__plan_cell *cell; /* withdrawals */
} route;

static int find_route(const retour__eval *ev, route *rt)
{
    const retour_policy *p = ev->p;
    const retour_request *r = ev->r;
    rt->it = &r->items[0];
    if (p->plan == NULL || !on_road(p->plan, r, rt->it) ||
        retour__money_mul(&rt->value, rt->it->price, rt->it->quantity))
        return 0; /* the rules decide, or name the overflow */
    rt->c = retour__category_of(p, rt->it);
    rt->slot = rt->c ? (size_t)(rt->c - p->categories) : p->category_count;
    rt->cell = &p->plan->cells[rt->slot * RETOUR_PACKAGING__COUNT + (size_t)rt->it->packaging];
    return r->type != RETOUR_REQUEST_WITHDRAWAL || rt->cell->planned;
}

int retour__plan_evaluate(retour__eval *ev)
{
    route rt;
    if (!find_route(ev, &rt))
        return RETOUR__PLAN_DECLINED;
    int rc;
    if ((rc = reserve_reasons(ev)) || (rc = copy_item(ev, rt.it, rt.value)))
        return rc;
    /* The category as retour__item_params names it. */
    const char *category = rt.it->category ? retour__decision_category(ev->d, 0)
                           : rt.c ? rt.c->name : "uncategorised";
    return ev->r->type == RETOUR_REQUEST_WITHDRAWAL
               ? withdrawal(ev, rt.c, rt.slot, category)
               : complaint(ev, rt.c, rt.slot, category);
}

/* ---- the answer alone: the same steps, nothing written ---------------------------- */

/* Goodwill and the review signals on the item's outcome (retour__apply_goodwill,
 * retour__apply_review_signals and retour__settle_items for one item). */
static void finish_answer(const retour__eval *ev, const route *rt, retour__refusal why,
                          int days_late, int try_goodwill, retour__plan_answer *a)
{
    const retour_policy *p = ev->p;
    if (try_goodwill && retour__goodwill_match(ev, 0, rt->c, why, days_late, rt->value)) {
        a->outcome = RETOUR_OUTCOME_ACCEPT_GOODWILL;
        a->deciding = RETOUR__R_GOODWILL_RULE;
    }
    if (a->outcome == RETOUR_OUTCOME_REJECT)
        return; /* signals never turn a refusal into a review */
    if (p->review_claims > 0 && ev->r->claims_last_year + 1 >= p->review_claims) {
        a->outcome = RETOUR_OUTCOME_REVIEW;
        a->deciding = RETOUR__R_FREQUENT_CLAIMS;
    }
    if (p->review_amount >= 0 && rt->value >= p->review_amount) {
        a->outcome = RETOUR_OUTCOME_REVIEW;
        a->deciding = RETOUR__R_HIGH_AMOUNT;
    }
}

static void withdrawal_answer(const retour__eval *ev, const route *rt, retour__plan_answer *a)
{
    const retour_policy *p = ev->p;
    retour_date law_day = rt->it->delivered + p->jurisdiction->withdrawal_days;
    retour_date law_end = working_day(p, law_day);
    int in_time = ev->r->notified <= law_end;
    const retour__plan_verdict *v = in_time ? &rt->cell->in_time : &rt->cell->late;
    a->withdrawal_deadline = law_end;
    a->outcome = v->outcome;
    a->deciding = v->deciding != RETOUR__R__COUNT ? v->deciding
                  : in_time ? RETOUR__R_WITHIN_WITHDRAWAL_PERIOD
                            : RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED;
    finish_answer(ev, rt, (retour__refusal)(v->goodwill - 1),
                  in_time ? 0 : (int)(ev->r->notified - law_end), v->goodwill != 0, a);
}

static void complaint_answer(const retour__eval *ev, const route *rt, retour__plan_answer *a)
{
    const retour__plan *plan = ev->p->plan;
    const retour__plan_guarantee *g = &plan->guarantees[rt->slot];
    retour_date delivered = rt->it->delivered, noticed = ev->r->notified;
    retour__date_years split;
    retour__date_split_years(&split, delivered);
    retour_date legal_end = months_after(&split, delivered, g->legal_months);
    a->withdrawal_deadline = RETOUR_DATE_NONE;
    if (noticed > legal_end) {
        a->outcome = RETOUR_OUTCOME_REJECT;
        a->deciding = RETOUR__R_GUARANTEE_EXPIRED;
        finish_answer(ev, rt, RETOUR__REFUSED_EXPIRED, (int)(noticed - legal_end), 1, a);
        return;
    }
    int months = plan->presumption_months;
    if (months == 0 || noticed > months_after(&split, delivered, months)) {
        a->outcome = RETOUR_OUTCOME_REVIEW;
        a->deciding = months ? RETOUR__R_EVIDENCE_REQUIRED
                             : RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION;
    } else {
        a->outcome = g->inspect ? RETOUR_OUTCOME_REVIEW : RETOUR_OUTCOME_ACCEPT;
        a->deciding = g->inspect ? RETOUR__R_INSPECTION_REQUIRED : RETOUR__R_PRESUMED_DEFECT;
    }
    finish_answer(ev, rt, RETOUR__REFUSED_EXPIRED, 0, 0, a);
}

int retour__plan_answer_of(retour__eval *ev, retour__plan_answer *answer)
{
    route rt;
    if (!find_route(ev, &rt))
        return RETOUR__PLAN_DECLINED;
    if (ev->r->type == RETOUR_REQUEST_WITHDRAWAL)
        withdrawal_answer(ev, &rt, answer);
    else
        complaint_answer(ev, &rt, answer);
    return RETOUR_OK;
}
