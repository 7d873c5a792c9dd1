/* The route of a one-item request along its policy's plan (plan.h): what the rules would
 * count for it (the withdrawal's last day and cell, the complaint's periods and stage)
 * and the answer that follows, before anything is written. plan_eval.c builds the full
 * decision on it; case.c answers a case's verdict with it inline, so that the verdict of
 * a case is one call. */
#ifndef RETOUR_PLAN_ROUTE_H
#define RETOUR_PLAN_ROUTE_H

#include "plan/plan.h"
#include "law/calendar.h"
#include "base/compiler.h"
#include "base/date.h"
#include "rules/eval.h"
#include "rules/goodwill.h"
#include "rules/items.h"
#include "base/money.h"

/* The road's conditions on a one-item request, seen as a case; the policy's were checked
 * at load. */
static RETOUR__INLINE int retour__route_on_road(const retour__plan *plan, const retour_case *f)
{
    return f->shipping_paid == 0 && f->delivered >= plan->first && f->delivered <= plan->last &&
           f->notified >= plan->first && f->notified <= plan->last &&
           (f->ordered == RETOUR_DATE_NONE || f->ordered >= plan->first);
}

/* What a complaint on the road asks besides: nothing but the law's presumption. */
static RETOUR__INLINE int retour__route_complaint_on_road(const retour__plan *plan,
                                                          const retour_case *f)
{
    /* The contract date picks the guarantee law: the cells hold the newest. */
    retour_date contract = f->ordered != RETOUR_DATE_NONE ? f->ordered : f->delivered;
    return plan->complaint && f->noticed == RETOUR_DATE_NONE &&
           f->cause == RETOUR_CAUSE_UNKNOWN && !f->customer_admits_damage &&
           f->remedy == RETOUR_REMEDY_NONE && f->notified >= f->delivered &&
           contract >= plan->contracts_from;
}

/* The first working day on or after date, which lies inside the plan's range (and so
 * inside the closed days listed at load). */
static RETOUR__INLINE retour_date retour__plan_working_day(const retour_policy *p,
                                                          retour_date date)
{
    retour__closed_days_next(p->closed, &date);
    return date;
}

/* delivered + months, by whole years (years >= 0) from the split date where they are. */
static RETOUR__INLINE retour_date retour__plan_months_after(const retour__date_years *split,
                                                           retour_date delivered, int months,
                                                           int years)
{
    retour_date end = RETOUR_DATE_NONE;
    if (RETOUR__LIKELY(years >= 0))
        retour__date_add_years(&end, split, years);
    else
        retour__date_add_months(&end, delivered, months);
    return end; /* inside the plan's range neither fails */
}

/* Everything the rules would count for a request on the road, before anything is written:
 * the full decision (retour__plan_evaluate) and the answers read it. */
typedef struct retour__route {
    const retour_case *f;          /* the request's one item as a case, or the case */
    const retour__item *it;        /* that item when a request was sent; NULL for a case */
    int64_t value;
    const retour__category *c;
    size_t slot;                   /* the category's index; category_count: none */
    /* The verdict's brief: the cell's (a withdrawal) or the stage's (a complaint); days
     * past the period or the guarantee, for goodwill (0 in time). */
    const retour__plan_brief *brief;
    int days_late;
    /* A withdrawal: the law's last day as counted and as moved, the item's cell. */
    retour_date law_day, law_end;
    int in_time;
    size_t cell;
    /* A complaint: the guarantee's and the presumption's end, and the stage reached. */
    retour_date legal_end, presumption_end;
    retour__complaint_stage stage;
} retour__route;

static RETOUR__INLINE void retour__route_withdrawal(const retour_policy *p, retour__route *rt)
{
    rt->cell = rt->slot * RETOUR_PACKAGING__COUNT + (size_t)rt->f->packaging;
    rt->law_day = rt->f->delivered + p->jurisdiction->withdrawal_days;
    rt->law_end = retour__plan_working_day(p, rt->law_day);
    rt->in_time = rt->f->notified <= rt->law_end;
    rt->brief = &p->plan->briefs[2 * rt->cell + (size_t)!rt->in_time];
    rt->days_late = rt->in_time ? 0 : (int)(rt->f->notified - rt->law_end);
}

static RETOUR__INLINE void retour__route_complaint(const retour_policy *p, retour__route *rt)
{
    const retour__plan *plan = p->plan;
    const retour__plan_term *g = &plan->terms[rt->slot];
    retour_date delivered = rt->f->delivered, noticed = rt->f->notified;
    int months = plan->presumption_months;
    retour__date_years split;
    retour__date_split_years(&split, delivered);
    rt->legal_end = retour__plan_months_after(&split, delivered, g->legal_months, g->legal_years);
    rt->presumption_end = RETOUR_DATE_NONE;
    rt->in_time = 0; /* no withdrawal period */
    rt->days_late = 0;
    if (noticed > rt->legal_end) {
        rt->stage = RETOUR__STAGE_EXPIRED;
        rt->days_late = (int)(noticed - rt->legal_end);
    }
    else if (months == 0)
        rt->stage = RETOUR__STAGE_NO_PRESUMPTION;
    else {
        rt->presumption_end =
            retour__plan_months_after(&split, delivered, months, plan->presumption_years);
        rt->stage = noticed > rt->presumption_end ? RETOUR__STAGE_EVIDENCE
                                                  : RETOUR__STAGE_PRESUMED;
    }
    rt->brief = &g->stages[rt->stage];
}

/* Where the plan takes the one item f, whose category is c: off the road (the rules
 * decide), or along it as a withdrawal or a complaint, with rt holding what the rules
 * would count. */
typedef enum retour__road {
    RETOUR__OFF_ROAD,
    RETOUR__ROAD_WITHDRAWAL,
    RETOUR__ROAD_COMPLAINT
} retour__road;

static RETOUR__INLINE retour__road retour__route_count(const retour_policy *p,
                                                       const retour_case *f,
                                                       const retour__category *c,
                                                       retour__route *rt)
{
    const retour__plan *plan = p->plan;
    rt->f = f;
    if (plan == NULL || !retour__route_on_road(plan, f) ||
        retour__money_mul(&rt->value, f->price, f->quantity))
        return RETOUR__OFF_ROAD; /* the rules decide, or name the overflow */
    rt->c = c;
    rt->slot = c ? (size_t)(c - p->categories) : p->category_count;
    if (f->type == RETOUR_REQUEST_COMPLAINT) {
        if (!retour__route_complaint_on_road(plan, f))
            return RETOUR__OFF_ROAD;
        retour__route_complaint(p, rt);
        return rt->brief->planned ? RETOUR__ROAD_COMPLAINT : RETOUR__OFF_ROAD;
    }
    if (!plan->withdrawal)
        return RETOUR__OFF_ROAD;
    retour__route_withdrawal(p, rt);
    return rt->brief->planned ? RETOUR__ROAD_WITHDRAWAL
                              : RETOUR__OFF_ROAD; /* else a deduction to compute */
}

/* ---- the answer alone: the route's outcome and deciding reason, nothing written ------- */

/* Goodwill and the review signals on the item's outcome (retour__apply_goodwill,
 * retour__apply_review_signals and retour__settle_items for one item). */
static RETOUR__INLINE void retour__route_finish_answer(const retour_policy *p,
                                                       const retour__route *rt,
                                                       retour__refusal why, int days_late,
                                                       int try_goodwill, retour__plan_answer *a)
{
    if (try_goodwill && retour__goodwill_match(p, rt->f, rt->c, why, days_late, rt->value)) {
        a->outcome = RETOUR_OUTCOME_ACCEPT_GOODWILL;
        a->deciding = RETOUR__R_GOODWILL_RULE;
    }
    if (a->outcome == RETOUR_OUTCOME_REJECT)
        return; /* signals never turn a refusal into a review */
    if (p->review_claims > 0 && rt->f->claims_last_year + 1 >= p->review_claims) {
        a->outcome = RETOUR_OUTCOME_REVIEW;
        a->deciding = RETOUR__R_FREQUENT_CLAIMS;
    }
    if (p->review_amount >= 0 && rt->value >= p->review_amount) {
        a->outcome = RETOUR_OUTCOME_REVIEW;
        a->deciding = RETOUR__R_HIGH_AMOUNT;
    }
}

/* The verdict's brief with goodwill and the review signals: the answer of a route. */
static RETOUR__INLINE void retour__route_brief_answer(const retour_policy *p,
                                                      const retour__route *rt,
                                                      retour__plan_answer *a)
{
    const retour__plan_brief *v = rt->brief;
    a->outcome = (retour_outcome)v->outcome;
    a->deciding = (retour__code)v->deciding;
    retour__route_finish_answer(p, rt, (retour__refusal)(v->goodwill - 1), rt->days_late,
                                v->goodwill != 0, a);
}

/* The answer of a counted route: RETOUR_OK, or RETOUR__PLAN_DECLINED off the road. */
static RETOUR__INLINE int retour__route_answer(const retour_policy *p, retour__road road,
                                               const retour__route *rt, retour__plan_answer *a)
{
    if (road == RETOUR__OFF_ROAD)
        return RETOUR__PLAN_DECLINED;
    a->withdrawal_deadline = road == RETOUR__ROAD_WITHDRAWAL ? rt->law_end : RETOUR_DATE_NONE;
    retour__route_brief_answer(p, rt, a);
    return RETOUR_OK;
}

/* The answer for the case f, whose category (or the default, or none) is c. */
static RETOUR__INLINE int retour__plan_answer_case(const retour_policy *p, const retour_case *f,
                                                   const retour__category *c,
                                                   retour__plan_answer *a)
{
    retour__route rt;
    rt.it = NULL;
    return retour__route_answer(p, retour__route_count(p, f, c, &rt), &rt, a);
}

#endif
