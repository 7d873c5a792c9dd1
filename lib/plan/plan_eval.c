/* Deciding a request along its policy's plan (plan.h): count the dates, look up the
 * item's cell, copy its reasons. The steps and their order are those of
 * retour__decide_withdrawal and retour__decide_complaint for a request on the road;
 * goodwill, review signals and the totals are the rules' own functions. */
#include "plan/plan_eval.h"
#include "plan/plan_route.h"
#include "rules/items.h"
#include "rules/review_signals.h"
#include "rules/withdrawal.h"
#include "request/case.h"
#include "request/request.h"

#include <string.h>

/* Reasons a planned decision writes at most: the period and its move, the item's, a
 * goodwill rule, two review signals, the moves of the return and refund days. */
#define MOST_REASONS (2 + RETOUR__PLAN_ITEM_REASONS + 1 + 2 + 2)

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

static inline retour__reason_rec *copy_reason(retour_decision *d, const retour__reason_rec *r)
{
    retour__reason_rec *rec = &d->reasons[d->reason_count++];
    *rec = *r;
    return rec;
}

/* A reason whose parameters are a day and the day it was counted from. */
static inline retour__reason_rec *copy_dated(retour_decision *d, const retour__reason_rec *r,
                                             retour_date date, retour_date date2)
{
    retour__reason_rec *rec = copy_reason(d, r);
    rec->params.date = date;
    rec->params.date2 = date2;
    return rec;
}

/* The route of a request: one item in one delivery, seen as the case f, whose category
 * is *named (NULL: it names none of the policy's). */
static RETOUR__INLINE retour__road find_route(const retour__eval *ev, retour_case *f,
                                              retour__route *rt, const retour__category **named)
{
    const retour_policy *p = ev->p;
    const retour_request *r = ev->r;
    if (r->count != 1 || r->last_delivered != RETOUR_DATE_NONE || !r->items[0].measured ||
        ev->consumer != NULL)
        return RETOUR__OFF_ROAD; /* the consumer's law is the rules' to weigh */
    retour__case_of_item(f, r, 0);
    rt->it = &r->items[0];
    *named = retour__category_named(p, rt->it);
    return retour__route_count(p, f, retour__category_or_default(p, *named), rt);
}

/* ---- the full decision ------------------------------------------------------------- */

/* The return and refund days (shipping_and_deadlines of withdrawal.c, no outbound
 * shipping on the road); the regulation is cited on the statutory basis only. */
static void deadlines(retour__eval *ev, int statutory)
{
    const retour_policy *p = ev->p;
    retour_decision *d = ev->d;
    const char *law = retour__moved_law(p->jurisdiction, statutory);
    retour_date return_day = ev->r->notified + p->return_days;
    retour_date refund_day = ev->r->notified + p->refund_days;
    d->return_by = retour__plan_working_day(p, return_day);
    d->refund_by =
        refund_day == return_day ? d->return_by : retour__plan_working_day(p, refund_day);
    if (d->return_by != return_day)
        copy_dated(d, &p->plan->return_moved, d->return_by, return_day)->pub.law = law;
    if (d->refund_by != refund_day)
        copy_dated(d, &p->plan->refund_moved, d->refund_by, refund_day)->pub.law = law;
}

/* Goodwill for the refused item: the rules' own step, entered only when a rule matches
 * (matching reads the route's case view; most refusals match no rule). */
static int goodwill(retour__eval *ev, const retour__route *rt, retour__refusal why,
                    int days_late)
{
    if (!retour__goodwill_match(ev->p, rt->f, rt->c, why, days_late, rt->value))
        return RETOUR_OK;
    return retour__apply_goodwill(ev, 0, rt->c, why, days_late);
}

/* The item's verdict, copied: its outcome and reasons (the category and, for a complaint,
 * the stage's dates filled in), then goodwill for a refusal. */
static RETOUR__INLINE int item_verdict(retour__eval *ev, const retour__route *rt,
                                        const retour__plan_verdict *v, const char *category,
                                        int dated, retour_date date)
{
    retour_decision *d = ev->d;
    d->items[0].outcome = v->outcome;
    d->items[0].remedy = v->remedy;
    for (size_t k = 0; k < v->reason_count; k++) {
        retour__reason_rec *rec = copy_reason(d, &v->reasons[k]);
        if (v->with_category[k])
            rec->params.category = category;
        if (dated) {
            rec->params.date = date;
            rec->params.date2 = ev->r->notified;
        }
    }
    if (v->goodwill)
        return goodwill(ev, rt, (retour__refusal)(v->goodwill - 1), rt->days_late);
    return RETOUR_OK;
}

static int withdrawal(retour__eval *ev, const retour__route *rt, const char *category)
{
    const retour__plan *plan = ev->p->plan;
    const retour__plan_cell *cell = &plan->cells[rt->cell];
    retour_decision *d = ev->d;
    retour__item_result *res = &d->items[0];
    int rc;

    d->calendar = ev->p->calendar->name;
    d->withdrawal_deadline = rt->law_end;
    d->basis = RETOUR_BASIS_WITHDRAWAL_RIGHT;
    ev->statutory_basis = rt->in_time;
    copy_dated(d, rt->in_time ? &plan->within : &plan->expired, rt->law_end, ev->r->notified);
    if (rt->law_end != rt->law_day)
        copy_dated(d, &plan->period_moved, rt->law_end, rt->law_day);

    const retour__plan_verdict *v = rt->in_time ? &cell->in_time : &cell->late;
    if ((rc = item_verdict(ev, rt, v, category, 0, RETOUR_DATE_NONE)))
        return rc;
    if (rt->in_time && v->outcome != RETOUR_OUTCOME_REJECT)
        res->refund = res->value;

    retour__tally tally;
    if ((rc = retour__apply_review_signals(ev)) || (rc = retour__settle_items(ev, &tally)))
        return rc;
    if (tally.accepted + tally.review > 0)
        deadlines(ev, rt->in_time);
    return RETOUR_OK;
}

static int complaint(retour__eval *ev, const retour__route *rt, const char *category)
{
    const retour__plan_guarantee *g = &ev->p->plan->guarantees[rt->slot];
    retour__tally tally;
    int rc;
    ev->d->basis = RETOUR_BASIS_LEGAL_GUARANTEE;
    if (rt->f->ordered == RETOUR_DATE_NONE) {
        retour__reason_rec *rec = copy_reason(ev->d, &ev->p->plan->contract_assumed);
        rec->params.date = rt->f->delivered;
    }
    /* Every reason of a stage is dated by its end: the guarantee's, else the
     * presumption's. */
    retour_date end = rt->stage == RETOUR__STAGE_EXPIRED ? rt->legal_end : rt->presumption_end;
    if ((rc = item_verdict(ev, rt, &g->stages[rt->stage], category, 1, end)) ||
        (rc = retour__apply_review_signals(ev)))
        return rc;
    return retour__settle_items(ev, &tally);
}

int retour__plan_evaluate(retour__eval *ev)
{
    retour_case f;
    retour__route rt;
    const retour__category *named;
    retour__road road = find_route(ev, &f, &rt, &named);
    /* A cell holds no category_not_listed: an item naming a category the policy does not
     * list is the rules' (its answer alone, below, is the same either way). */
    if (road == RETOUR__OFF_ROAD || RETOUR__UNLIKELY(retour__category_unlisted(rt.it, named)))
        return RETOUR__PLAN_DECLINED;
    int rc;
    if ((rc = reserve_reasons(ev)) || (rc = retour__copy_items(ev, named)))
        return rc;
    /* The category as retour__item_params names it. */
    const char *category = rt.it->category ? retour__decision_category(ev->d, 0)
                           : rt.c ? rt.c->name : "uncategorised";
    return road == RETOUR__ROAD_WITHDRAWAL ? withdrawal(ev, &rt, category)
                                           : complaint(ev, &rt, category);
}

/* ---- the answer alone: the same route, nothing written (plan_route.h) --------------- */

int retour__plan_answer_of(retour__eval *ev, retour__plan_answer *a)
{
    retour_case f;
    retour__route rt;
    const retour__category *named;
    return retour__route_answer(ev->p, find_route(ev, &f, &rt, &named), &rt, a);
}

