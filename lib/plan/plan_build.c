/* Compiling a policy's plan (plan.h): which policies are on the common road, and, for
 * each situation on it, what the rules decide. The rules are not restated here: every
 * cell is what rules/withdrawal.c or rules/complaint.c wrote when they decided a stand-in
 * request for that situation at load (a rehearsal). The sweep test holds the plan and the
 * rules to the same decisions. */
#include "plan/plan_build.h"
#include "plan/plan.h"
#include "rules/complaint.h"
#include "rules/consumer_law.h"
#include "rules/eval_support.h"
#include "rules/items.h"
#include "rules/withdrawal.h"
#include "law/calendar.h"
#include "base/date.h"

#include <string.h>

/* The policy clauses the plan assumes for a withdrawal: the period is the law's, counted
 * from delivery, and no clause of the request as a whole would be set aside or charge
 * anything (the plan copies the period's reasons and the item's, nothing else). */
static int withdrawal_on_road(const retour_policy *p)
{
    const retour__jurisdiction *j = p->jurisdiction;
    return j->statutory && p->closed != NULL && p->informed &&
           p->starts == RETOUR__START_DELIVERY && p->days == j->withdrawal_days &&
           !p->reason_required && p->condition != RETOUR__COND_UNUSED &&
           p->restocking.action == RETOUR__PKG_ACCEPT && p->opened.action == RETOUR__PKG_ACCEPT &&
           p->return_days >= j->return_days && p->refund_days <= j->refund_days &&
           p->counting == RETOUR__COUNTING_CALENDAR_DAYS && p->timely == RETOUR__TIMELY_NOTIFIED &&
           p->refund_from == RETOUR__REFUND_FROM_NOTIFICATION &&
           p->withheld != RETOUR__WITHHELD_GOODS_RECEIVED && p->requires == 0 &&
           p->refund_method != RETOUR__METHOD_STORE_CREDIT &&
           p->refund_method != RETOUR__METHOD_VOUCHER && !p->return_risk_consumer &&
           p->function;
}

/* A complaint with a legal guarantee, no commercial one, the law's (or a longer)
 * presumption and a policy remedy that respects the consumer's choice. */
static int complaint_on_road(const retour_policy *p)
{
    const retour__guarantee_law *g = p->guarantee;
    return g->months > 0 && p->guarantee_months == 0 &&
           (p->presumption_months == 0 || p->presumption_months >= g->presumption_months) &&
           (p->remedy == RETOUR_REMEDY_REPAIR || p->remedy == RETOUR_REMEDY_REPLACE) &&
           p->notice_form == 0;
}

/* ---- rehearsals: the rules deciding a stand-in request at load ---------------------- */

/* A one-item request of the policy's, a decision for it and the evaluation joining them. */
typedef struct rehearsal {
    retour_request r;
    retour_decision d;
    retour__eval ev;
    retour_error err;
    retour__holidays holidays, consumer_holidays;
} rehearsal;

static void rehearsal_init(rehearsal *h, const retour_policy *p)
{
    memset(h, 0, sizeof *h);
    h->r.ordered = h->r.last_delivered = h->r.goods_sent = h->r.goods_received = RETOUR_DATE_NONE;
    h->r.items = &h->r.first_item;
    h->r.count = h->r.cap = 1;
    h->r.first_item.sku = "";
    h->r.first_item.quantity = 1;
    h->r.first_item.noticed = RETOUR_DATE_NONE;
    h->d.allocator = p->allocator;
    retour__strbuf_init(&h->d.strings, p->allocator);
}

static void rehearsal_free(rehearsal *h)
{
    retour__free(h->d.allocator, h->d.items);
    retour__free(h->d.allocator, h->d.reasons);
    retour__strbuf_free(&h->d.strings);
}

/* Sets up the stand-in: one item of category c (NULL: none) in packaging pkg, delivered and
 * notified on the days given; its items copied into the decision. */
static int rehearsal_start(rehearsal *h, const retour_policy *p, retour_request_type type,
                           const retour__category *c, retour_packaging pkg,
                           retour_date delivered, retour_date notified)
{
    retour__decision_clear(&h->d);
    h->r.type = type;
    h->r.notified = notified;
    h->r.first_item.found = c;
    h->r.first_item.packaging = pkg;
    h->r.first_item.delivered = delivered;
    memset(&h->ev, 0, sizeof h->ev);
    h->ev.d = &h->d;
    h->ev.p = p;
    h->ev.r = &h->r;
    h->ev.err = &h->err;
    h->ev.guarantee = p->guarantee;
    retour__law_init(&h->ev);
    return retour__copy_items(&h->ev, NULL);
}

/* Keeps what the rules wrote for the item from reason `first` on, with its refusal, as
 * v; 0 when it does not fit a cell (the rules then decide such requests). */
static int keep(retour__plan_verdict *v, rehearsal *h, size_t first,
                const retour__item_refusal *refusal)
{
    const retour_decision *d = &h->d;
    retour__params item;
    retour__item_params(&h->ev, 0, h->r.first_item.found, &item);
    memset(v, 0, sizeof *v);
    v->outcome = d->items[0].outcome;
    v->remedy = d->items[0].remedy;
    v->goodwill = refusal->refused ? 1 + (int)refusal->why : 0;
    v->deciding = RETOUR__R__COUNT;
    if (d->reason_count - first > RETOUR__PLAN_ITEM_REASONS)
        return 0;
    for (size_t k = first; k < d->reason_count; k++) {
        const retour__reason_rec *rec = &d->reasons[k];
        if (rec->pub.item != 0)
            return 0; /* a reason of the whole request: not the item's to keep */
        if (retour__code_decides[rec->code])
            v->deciding = rec->code;
        v->with_category[v->reason_count] =
            (unsigned char)(rec->params.category != NULL && rec->params.category == item.category);
        v->reasons[v->reason_count++] = *rec;
    }
    return 1;
}

/* The rehearsal's outcome: RETOUR_OK, RETOUR_ENOMEM, or 1 when the rules refused the
 * stand-in (a date out of range): the plan then stays off. */
static int rehearsal_result(int rc)
{
    return rc == RETOUR_OK || rc == RETOUR_ENOMEM ? rc : 1;
}

/* A withdrawal of one item of category c in packaging pkg, notified on `notified`: the
 * cell's verdict v, and *planned 0 when the rules charged the item's value. *period gets
 * the period's first reason (within or expired) when not NULL. */
static int rehearse_withdrawal(rehearsal *h, const retour_policy *p, const retour__category *c,
                               retour_packaging pkg, retour_date delivered, retour_date notified,
                               retour__plan_verdict *v, int *planned, retour__reason_rec *period)
{
    int expired = 0, rc;
    retour__item_refusal refusal;
    if ((rc = rehearsal_start(h, p, RETOUR_REQUEST_WITHDRAWAL, c, pkg, delivered, notified)) ||
        (rc = retour__withdrawal_period(&h->ev, &h->holidays, &h->consumer_holidays,
                                        &expired)))
        return rehearsal_result(rc);
    size_t first = h->d.reason_count;
    retour__code expected = expired ? RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED
                                    : RETOUR__R_WITHIN_WITHDRAWAL_PERIOD;
    if (first == 0 || h->d.reasons[0].code != expected)
        return 1; /* not the road's period */
    if (period)
        *period = h->d.reasons[0];
    if ((rc = retour__withdrawal_item(&h->ev, 0, c, expired, &refusal)))
        return rehearsal_result(rc);
    *planned = keep(v, h, first, &refusal) && !h->ev.charged;
    return RETOUR_OK;
}

/* A complaint about one item of category c that appeared on `notified`: the stage's
 * verdict v; *planned 0 when it does not fit a cell. */
static int rehearse_complaint(rehearsal *h, const retour_policy *p, const retour__category *c,
                              retour_date delivered, retour_date notified,
                              retour__plan_verdict *v, int *planned)
{
    int shop_only, rc;
    retour__item_refusal refusal;
    if ((rc = rehearsal_start(h, p, RETOUR_REQUEST_COMPLAINT, c, RETOUR_PACKAGING_UNKNOWN,
                              delivered, notified)) ||
        (rc = retour__complaint_item(&h->ev, 0, &shop_only, &refusal)))
        return rehearsal_result(rc);
    *planned = keep(v, h, 0, &refusal) && !shop_only;
    return RETOUR_OK;
}

/* ---- the plan --------------------------------------------------------------------- */

/* Months as whole years, or -1: a complaint's periods are added by years where they can. */
static int whole_years(int months)
{
    return months % 12 == 0 ? months / 12 : -1;
}

/* The withdrawal cells of category c (slot s): in time and late, per packaging state,
 * and the period's reasons (the same for every slot: kept from the first). */
static int plan_withdrawals(retour__plan *plan, const retour_policy *p, rehearsal *h,
                            const retour__category *c, size_t s)
{
    retour_date delivered = plan->first;
    /* Any day after the period (which ends on a working day within a few weeks). */
    retour_date late = delivered + p->jurisdiction->withdrawal_days + 60;
    for (int k = 0; k < RETOUR_PACKAGING__COUNT; k++) {
        retour__plan_cell *cell = &plan->cells[s * RETOUR_PACKAGING__COUNT + (size_t)k];
        int in_time_planned = 0, late_planned = 0, rc;
        if ((rc = rehearse_withdrawal(h, p, c, (retour_packaging)k, delivered, delivered,
                                      &cell->in_time, &in_time_planned,
                                      s == 0 && k == 0 ? &plan->within : NULL)) ||
            (rc = rehearse_withdrawal(h, p, c, (retour_packaging)k, delivered, late,
                                      &cell->late, &late_planned,
                                      s == 0 && k == 0 ? &plan->expired : NULL)))
            return rc;
        cell->planned = in_time_planned && late_planned;
    }
    return RETOUR_OK;
}

/* The complaint stages of category c (slot s), each from a complaint on a day inside it. */
static int plan_complaints(retour__plan *plan, const retour_policy *p, rehearsal *h,
                           const retour__category *c, size_t s)
{
    retour__plan_guarantee *g = &plan->guarantees[s];
    retour__src src;
    retour_date delivered = plan->first, legal_end, presumption_end = RETOUR_DATE_NONE;
    g->legal_months = retour__legal_guarantee_months(p, p->guarantee, c, &src);
    if (retour__date_add_months(&legal_end, delivered, g->legal_months) ||
        (plan->presumption_months > 0 &&
         retour__date_add_months(&presumption_end, delivered, plan->presumption_months)))
        return 1;
    /* A day in each stage the road can reach; RETOUR_DATE_NONE: none. */
    retour_date day[RETOUR__STAGE__COUNT];
    day[RETOUR__STAGE_EXPIRED] = legal_end + 1;
    day[RETOUR__STAGE_NO_PRESUMPTION] = plan->presumption_months == 0 ? delivered
                                                                      : RETOUR_DATE_NONE;
    day[RETOUR__STAGE_EVIDENCE] = plan->presumption_months > 0 && presumption_end < legal_end
                                      ? presumption_end + 1 : RETOUR_DATE_NONE;
    day[RETOUR__STAGE_PRESUMED] = plan->presumption_months > 0 ? delivered : RETOUR_DATE_NONE;
    for (int k = 0; k < RETOUR__STAGE__COUNT; k++) {
        int rc;
        if (day[k] == RETOUR_DATE_NONE)
            continue;
        if ((rc = rehearse_complaint(h, p, c, delivered, day[k], &g->stages[k], &g->planned[k])))
            return rc;
    }
    return RETOUR_OK;
}

/* The reasons of a request as a whole that no rehearsal shows every time (a deadline
 * moves only when it falls on a closed day; the contract date is assumed only without an
 * order date); dates and a return or refund day's citation are filled per request. */
static void moved_reasons(retour__plan *plan, const retour_policy *p)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    retour__reason_make(&plan->period_moved, p, RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY, -1,
                        retour__moved_law(p->jurisdiction, 1), p->src_jurisdiction, &prm);
    retour__reason_make(&plan->return_moved, p, RETOUR__R_RETURN_BY_MOVED_TO_WORKING_DAY, -1,
                        NULL, p->src_jurisdiction, &prm);
    retour__reason_make(&plan->refund_moved, p, RETOUR__R_REFUND_BY_MOVED_TO_WORKING_DAY, -1,
                        NULL, p->src_jurisdiction, &prm);
    /* retour__complaint_law's reason for a complaint without an order date. */
    prm.name = p->guarantee->regime;
    retour__reason_make(&plan->contract_assumed, p, RETOUR__R_CONTRACT_DATE_ASSUMED, -1, NULL,
                        retour__no_src, &prm);
}

/* The deciding reason is the verdict's own, or else the given one (the period's). */
static void brief_of(retour__plan_brief *b, int planned, const retour__plan_verdict *v,
                     retour__code otherwise)
{
    b->planned = (uint8_t)planned;
    b->outcome = (uint8_t)v->outcome;
    b->goodwill = (uint8_t)v->goodwill;
    b->unused = 0;
    b->deciding = (uint32_t)(v->deciding != RETOUR__R__COUNT ? v->deciding : otherwise);
}

/* The packed copies of the cells and guarantees the answer reads. */
static int briefs_of(retour__plan *plan, retour_policy *p)
{
    size_t cells = plan->slots * RETOUR_PACKAGING__COUNT;
    plan->briefs = retour__arena_alloc(&p->arena, 2 * cells * sizeof *plan->briefs);
    plan->terms = retour__arena_alloc(&p->arena, plan->slots * sizeof *plan->terms);
    if (!plan->briefs || !plan->terms)
        return RETOUR_ENOMEM;
    for (size_t k = 0; k < cells; k++) {
        brief_of(&plan->briefs[2 * k], plan->cells[k].planned, &plan->cells[k].in_time,
                 RETOUR__R_WITHIN_WITHDRAWAL_PERIOD);
        brief_of(&plan->briefs[2 * k + 1], plan->cells[k].planned, &plan->cells[k].late,
                 RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED);
    }
    for (size_t s = 0; s < plan->slots; s++) {
        const retour__plan_guarantee *g = &plan->guarantees[s];
        plan->terms[s].legal_months = g->legal_months;
        plan->terms[s].legal_years = whole_years(g->legal_months);
        for (int k = 0; k < RETOUR__STAGE__COUNT; k++)
            brief_of(&plan->terms[s].stages[k], g->planned[k], &g->stages[k], RETOUR__R__COUNT);
    }
    return RETOUR_OK;
}

/* Every cell of the plan, from the rules; RETOUR_OK, RETOUR_ENOMEM, or 1: plan nothing. */
static int plan_cells(retour__plan *plan, const retour_policy *p)
{
    rehearsal h;
    int rc = RETOUR_OK;
    rehearsal_init(&h, p);
    for (size_t s = 0; rc == RETOUR_OK && s < plan->slots; s++) {
        const retour__category *c = s < p->category_count ? &p->categories[s] : NULL;
        if (plan->withdrawal)
            rc = plan_withdrawals(plan, p, &h, c, s);
        if (rc == RETOUR_OK && plan->complaint)
            rc = plan_complaints(plan, p, &h, c, s);
    }
    rehearsal_free(&h);
    return rc;
}

int retour__plan_build(retour_policy *p)
{
    p->plan = NULL;
    if (p->closed == NULL)
        return RETOUR_OK; /* no statutory period: the rules decide */
    retour__plan *plan = retour__arena_alloc(&p->arena, sizeof *plan);
    size_t slots = p->category_count + 1;
    retour__plan_cell *cells =
        retour__arena_alloc(&p->arena, slots * RETOUR_PACKAGING__COUNT * sizeof *cells);
    retour__plan_guarantee *guarantees = retour__arena_alloc(&p->arena, slots * sizeof *guarantees);
    if (!plan || !cells || !guarantees)
        return RETOUR_ENOMEM;
    memset(plan, 0, sizeof *plan);
    memset(cells, 0, slots * RETOUR_PACKAGING__COUNT * sizeof *cells);
    memset(guarantees, 0, slots * sizeof *guarantees);
    plan->withdrawal = withdrawal_on_road(p);
    plan->complaint = complaint_on_road(p);
    plan->slots = slots;
    plan->cells = cells;
    plan->guarantees = guarantees;
    /* Every day the plan moves to a working day lies a period after a covered day: the
     * longest of them as a margin keeps each lookup inside the list. */
    int margin = p->jurisdiction->withdrawal_days;
    margin = p->return_days > margin ? p->return_days : margin;
    margin = p->refund_days > margin ? p->refund_days : margin;
    /* Deliveries before the law's first contract day are the rules' to refuse. */
    plan->first = p->closed->first > p->jurisdiction->withdrawal_from
                      ? p->closed->first : p->jurisdiction->withdrawal_from;
    plan->contracts_from = p->guarantee->from > p->jurisdiction->withdrawal_from
                               ? p->guarantee->from : p->jurisdiction->withdrawal_from;
    plan->last = p->closed->last - margin;
    retour__src src;
    plan->presumption_months = retour__presumption_months(p, p->guarantee, &src);
    plan->presumption_years = whole_years(plan->presumption_months);
    moved_reasons(plan, p);
    int rc = plan_cells(plan, p);
    if (rc == RETOUR_ENOMEM)
        return rc;
    if (rc != RETOUR_OK)
        return RETOUR_OK; /* the rules refused a stand-in: they decide every request */
    if ((rc = briefs_of(plan, p)))
        return rc;
    p->plan = plan;
    return RETOUR_OK;
}
