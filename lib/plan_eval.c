/* Deciding a request along its policy's plan (plan.h): count the dates, look up the
 * item's cell, copy its reasons. The steps and their order are those of
 * retour__decide_withdrawal and retour__decide_complaint for a request on the road;
 * goodwill, review signals and the totals are the rules' own functions. */
#include "plan.h"
#include "eval.h"
#include "calendar.h"
#include "case.h"
#include "compiler.h"
#include "date.h"
#include "money.h"
#include "request.h"

#include <string.h>

/* Reasons a planned decision writes at most: the period and its move, the item's, a
 * goodwill rule, two review signals, the moves of the return and refund days. */
#define MOST_REASONS (2 + RETOUR__PLAN_ITEM_REASONS + 1 + 2 + 2)

/* The road's conditions on a one-item request, seen as a case (plan.h); the policy's
 * were checked at load. */
static RETOUR__INLINE int on_road(const retour__plan *plan, const retour_case *f)
{
    return f->shipping_paid == 0 && f->delivered >= plan->first && f->delivered <= plan->last &&
           f->notified >= plan->first && f->notified <= plan->last;
}

/* What a complaint on the road asks besides: nothing but the law's presumption. */
static RETOUR__INLINE int complaint_on_road(const retour__plan *plan, const retour_case *f)
{
    return plan->complaint && f->noticed == RETOUR_DATE_NONE &&
           f->cause == RETOUR_CAUSE_UNKNOWN && !f->customer_admits_damage &&
           f->remedy == RETOUR_REMEDY_NONE && f->notified >= f->delivered;
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

static inline retour_date working_day(const retour_policy *p, retour_date date)
{
    retour__closed_days_next(p->closed, &date); /* inside the list: the plan's range */
    return date;
}

/* delivered + months, by whole years from the split date where they are whole years. */
static RETOUR__INLINE retour_date months_after(const retour__date_years *split,
                                               retour_date delivered,
                                               int months)
{
    retour_date end = RETOUR_DATE_NONE;
    if (months % 12 == 0)
        retour__date_add_years(&end, split, months / 12);
    else
        retour__date_add_months(&end, delivered, months);
    return end; /* inside the plan's range neither fails */
}

/* Where a complaint on the road ends up (decide_item and decide_defect of complaint.c). */
typedef enum complaint_stage {
    STAGE_EXPIRED,        /* guarantee_expired, then goodwill */
    STAGE_NO_PRESUMPTION, /* evidence_required: the law presumes nothing */
    STAGE_EVIDENCE,       /* evidence_required: after the presumption */
    STAGE_INSPECTION,     /* presumed_defect, inspection_required */
    STAGE_PRESUMED        /* presumed_defect, then the remedy */
} complaint_stage;

/* Everything the rules would count for a request on the road, before anything is written:
 * the full decision (plan_evaluate) and the answer alone (plan_answer_of) read it. */
typedef struct route {
    const retour_case *f;          /* the request's one item as a case, or the case */
    const retour__item *it;        /* that item when a request was sent; NULL for a case */
    int64_t value;
    const retour__category *c;
    size_t slot;                   /* the category's index; category_count: none */
    /* A withdrawal: the law's last day as counted and as moved, the item's cell and its
     * verdict's brief. */
    retour_date law_day, law_end;
    int in_time;
    size_t cell;
    const retour__plan_brief *brief;
    /* A complaint: the guarantee's and the presumption's end, and the stage reached. */
    retour_date legal_end, presumption_end;
    complaint_stage stage;
} route;

static RETOUR__INLINE void count_withdrawal(const retour_policy *p, route *rt)
{
    rt->cell = rt->slot * RETOUR_PACKAGING__COUNT + (size_t)rt->f->packaging;
    rt->law_day = rt->f->delivered + p->jurisdiction->withdrawal_days;
    rt->law_end = working_day(p, rt->law_day);
    rt->in_time = rt->f->notified <= rt->law_end;
    rt->brief = &p->plan->briefs[2 * rt->cell + (size_t)!rt->in_time];
}

static RETOUR__INLINE void count_complaint(const retour_policy *p, route *rt)
{
    const retour__plan *plan = p->plan;
    const retour__plan_term *g = &plan->terms[rt->slot];
    retour_date delivered = rt->f->delivered, noticed = rt->f->notified;
    int months = plan->presumption_months;
    retour__date_years split;
    retour__date_split_years(&split, delivered);
    rt->legal_end = months_after(&split, delivered, g->legal_months);
    rt->presumption_end = RETOUR_DATE_NONE;
    rt->in_time = 0; /* no withdrawal period */
    if (noticed > rt->legal_end) {
        rt->stage = STAGE_EXPIRED;
        return;
    }
    if (months == 0) {
        rt->stage = STAGE_NO_PRESUMPTION;
        return;
    }
    rt->presumption_end = months_after(&split, delivered, months);
    rt->stage = noticed > rt->presumption_end ? STAGE_EVIDENCE
                : g->inspect                  ? STAGE_INSPECTION
                                              : STAGE_PRESUMED;
}

/* Where the plan takes the one item f, whose category is c: off the road (the rules
 * decide), or along it as a withdrawal or a complaint, with rt holding what the rules
 * would count. */
typedef enum road_kind { OFF_ROAD, ROAD_WITHDRAWAL, ROAD_COMPLAINT } road_kind;
static RETOUR__INLINE road_kind count_route(const retour_policy *p, const retour_case *f,
                                            const retour__category *c, route *rt)
{
    const retour__plan *plan = p->plan;
    rt->f = f;
    if (plan == NULL || !on_road(plan, f) || retour__money_mul(&rt->value, f->price, f->quantity))
        return OFF_ROAD; /* the rules decide, or name the overflow */
    rt->c = c;
    rt->slot = c ? (size_t)(c - p->categories) : p->category_count;
    if (f->type == RETOUR_REQUEST_COMPLAINT) {
        if (!complaint_on_road(plan, f))
            return OFF_ROAD;
        count_complaint(p, rt);
        return ROAD_COMPLAINT;
    }
    if (!plan->withdrawal)
        return OFF_ROAD;
    count_withdrawal(p, rt);
    return rt->brief->planned ? ROAD_WITHDRAWAL : OFF_ROAD; /* else a deduction to compute */
}

/* The route of a request: one item in one delivery, seen as the case f. */
static RETOUR__INLINE road_kind find_route(const retour__eval *ev, retour_case *f, route *rt)
{
    const retour_request *r = ev->r;
    if (r->count != 1 || r->last_delivered != RETOUR_DATE_NONE || !r->items[0].measured)
        return OFF_ROAD;
    retour__case_of_item(f, r, 0);
    rt->it = &r->items[0];
    return count_route(ev->p, f, retour__category_of(ev->p, rt->it), rt);
}

/* ---- the full decision ------------------------------------------------------------- */

/* The return and refund days (shipping_and_deadlines of withdrawal.c, no outbound
 * shipping on the road); the regulation is cited on the statutory basis only. */
static void deadlines(retour__eval *ev, int statutory)
{
    const retour_policy *p = ev->p;
    retour_decision *d = ev->d;
    const char *law = statutory && p->jurisdiction->eu ? RETOUR__REG_PERIODS : NULL;
    retour_date return_day = ev->r->notified + p->return_days;
    retour_date refund_day = ev->r->notified + p->refund_days;
    d->return_by = working_day(p, return_day);
    d->refund_by = refund_day == return_day ? d->return_by : working_day(p, refund_day);
    if (d->return_by != return_day)
        copy_dated(d, &p->plan->return_moved, d->return_by, return_day)->pub.law = law;
    if (d->refund_by != refund_day)
        copy_dated(d, &p->plan->refund_moved, d->refund_by, refund_day)->pub.law = law;
}

static int withdrawal(retour__eval *ev, const route *rt, const char *category)
{
    const retour__plan *plan = ev->p->plan;
    const retour__plan_cell *cell = &plan->cells[rt->cell];
    const retour__plan_verdict *v = rt->in_time ? &cell->in_time : &cell->late;
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

    /* The item: its cell's verdict, then goodwill for a refusal. */
    res->outcome = v->outcome;
    for (size_t k = 0; k < v->reason_count; k++) {
        retour__reason_rec *rec = copy_reason(d, &v->reasons[k]);
        if (v->with_category[k])
            rec->params.category = category;
    }
    if (v->goodwill &&
        (rc = retour__apply_goodwill(ev, 0, rt->c, (retour__refusal)(v->goodwill - 1),
                                     rt->in_time ? 0 : (int)(ev->r->notified - rt->law_end))))
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

static int complaint(retour__eval *ev, const route *rt, const char *category)
{
    const retour_policy *p = ev->p;
    const retour__plan *plan = p->plan;
    retour_decision *d = ev->d;
    retour__item_result *res = &d->items[0];
    retour_date noticed = ev->r->notified;
    int rc;

    d->basis = RETOUR_BASIS_LEGAL_GUARANTEE;
    if (rt->stage == STAGE_EXPIRED) {
        res->outcome = RETOUR_OUTCOME_REJECT;
        copy_dated(d, &plan->guarantees[rt->slot].expired, rt->legal_end, noticed)
            ->params.category = category;
        if ((rc = retour__apply_goodwill(ev, 0, rt->c, RETOUR__REFUSED_EXPIRED,
                                         (int)(noticed - rt->legal_end))))
            return rc;
    } else {
        /* Every reason here has the same parameters: the presumption's months and end,
         * the day the problem appeared. */
        retour__params prm = { 0 };
        prm.category = category;
        prm.date2 = noticed;
        prm.days = plan->presumption_months;
        prm.date = rt->presumption_end;
        res->outcome = RETOUR_OUTCOME_REVIEW;
        switch (rt->stage) {
        case STAGE_NO_PRESUMPTION:
            copy_reason(d, &plan->evidence_no_presumption)->params = prm;
            break;
        case STAGE_EVIDENCE:
            copy_reason(d, &plan->evidence)->params = prm;
            break;
        case STAGE_INSPECTION:
            copy_reason(d, &plan->presumed)->params = prm;
            copy_reason(d, &plan->guarantees[rt->slot].inspection)->params = prm;
            break;
        default:
            res->outcome = RETOUR_OUTCOME_ACCEPT;
            res->remedy = prm.grant = p->remedy;
            copy_reason(d, &plan->presumed)->params = prm;
            copy_reason(d, &plan->remedy)->params = prm;
        }
    }
    retour__tally tally;
    if ((rc = retour__apply_review_signals(ev)))
        return rc;
    return retour__settle_items(ev, &tally);
}

int retour__plan_evaluate(retour__eval *ev)
{
    retour_case f;
    route rt;
    road_kind road = find_route(ev, &f, &rt);
    if (road == OFF_ROAD)
        return RETOUR__PLAN_DECLINED;
    int rc;
    if ((rc = reserve_reasons(ev)) || (rc = retour__copy_items(ev)))
        return rc;
    /* The category as retour__item_params names it. */
    const char *category = rt.it->category ? retour__decision_category(ev->d, 0)
                           : rt.c ? rt.c->name : "uncategorised";
    return road == ROAD_WITHDRAWAL ? withdrawal(ev, &rt, category) : complaint(ev, &rt, category);
}

/* ---- the answer alone: the same route, nothing written ----------------------------- */

/* Goodwill and the review signals on the item's outcome (retour__apply_goodwill,
 * retour__apply_review_signals and retour__settle_items for one item). */
static RETOUR__INLINE void finish_answer(const retour_policy *p, const route *rt,
                                         retour__refusal why, int days_late, int try_goodwill,
                                         retour__plan_answer *a)
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

static RETOUR__INLINE void withdrawal_answer(const retour_policy *p, const route *rt,
                                             retour__plan_answer *a)
{
    const retour__plan_brief *v = rt->brief;
    a->withdrawal_deadline = rt->law_end;
    a->outcome = (retour_outcome)v->outcome;
    a->deciding = (retour__code)v->deciding;
    finish_answer(p, rt, (retour__refusal)(v->goodwill - 1),
                  rt->in_time ? 0 : (int)(rt->f->notified - rt->law_end), v->goodwill != 0, a);
}

static RETOUR__INLINE void complaint_answer(const retour_policy *p, const route *rt,
                                            retour__plan_answer *a)
{
    static const retour__code deciding[] = {
        [STAGE_EXPIRED] = RETOUR__R_GUARANTEE_EXPIRED,
        [STAGE_NO_PRESUMPTION] = RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION,
        [STAGE_EVIDENCE] = RETOUR__R_EVIDENCE_REQUIRED,
        [STAGE_INSPECTION] = RETOUR__R_INSPECTION_REQUIRED,
        [STAGE_PRESUMED] = RETOUR__R_PRESUMED_DEFECT,
    };
    a->withdrawal_deadline = RETOUR_DATE_NONE;
    a->deciding = deciding[rt->stage];
    a->outcome = rt->stage == STAGE_EXPIRED    ? RETOUR_OUTCOME_REJECT
                 : rt->stage == STAGE_PRESUMED ? RETOUR_OUTCOME_ACCEPT
                                               : RETOUR_OUTCOME_REVIEW;
    int expired = rt->stage == STAGE_EXPIRED;
    finish_answer(p, rt, RETOUR__REFUSED_EXPIRED,
                  expired ? (int)(rt->f->notified - rt->legal_end) : 0, expired, a);
}

static RETOUR__INLINE int answer(const retour_policy *p, road_kind road, const route *rt,
                                  retour__plan_answer *a)
{
    if (road == ROAD_WITHDRAWAL)
        withdrawal_answer(p, rt, a);
    else if (road == ROAD_COMPLAINT)
        complaint_answer(p, rt, a);
    else
        return RETOUR__PLAN_DECLINED;
    return RETOUR_OK;
}

int retour__plan_answer_of(retour__eval *ev, retour__plan_answer *a)
{
    retour_case f;
    route rt;
    return answer(ev->p, find_route(ev, &f, &rt), &rt, a);
}

int retour__plan_answer_case(const retour_policy *p, const retour_case *f,
                             const retour__category *c, retour__plan_answer *a)
{
    route rt;
    rt.it = NULL;
    return answer(p, count_route(p, f, c, &rt), &rt, a);
}
