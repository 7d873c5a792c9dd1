/* Deciding a complaint under the legal guarantee, law first.
 *
 * Per item, in order (docs/decisions.md explains each):
 *   1. the guarantee: the legal period (the expected lifespan where the law follows it) or
 *      the shop's own longer guarantee must cover the day the problem appeared, else the
 *      item is refused (guarantee_expired);
 *   2. damage the customer caused (misuse, accident, admitted) is no lack of conformity;
 *   3. wear: a person judges it within the expected lifespan; after it, it is no defect;
 *   4. an established defect is accepted; otherwise within the presumption period the
 *      defect is presumed (accept, or review when the policy inspects first), after it
 *      the consumer must show it (review);
 *   5. the remedy: the consumer's choice of repair or replacement; price reduction or
 *      refund only after a failed repair, or within a short-term right to reject;
 *   then goodwill for refused items, the review signals and the totals. */
#include "rules/complaint.h"
#include "rules/consumer_law.h"
#include "rules/eval_support.h"
#include "rules/goodwill.h"
#include "rules/items.h"
#include "rules/review_signals.h"
#include "rules/trace.h"

#include "base/date.h"

#include <stdio.h>
#include <string.h>

typedef struct coverage {
    retour_date noticed;
    retour_date legal_end;       /* RETOUR_DATE_NONE: no legal guarantee */
    retour_date shop_end;        /* RETOUR_DATE_NONE: no commercial guarantee */
    retour_date presumption_end; /* RETOUR_DATE_NONE: no presumption */
    retour_date policy_presumption_end; /* the policy's shorter presumption, if stated */
    int presumption_months;
    retour__src presumption_src;
    int legal_months;
    retour__src legal_src;
    int by_law;                  /* the legal guarantee covers the problem */
} coverage;

int retour__legal_guarantee_months(const retour_policy *p, const retour__guarantee_law *g,
                                   const retour__category *c, retour__src *src)
{
    *src = p->src_jurisdiction;
    if (g->lifespan_based && c && c->lifespan_months > g->months) {
        *src = c->src_lifespan;
        return c->lifespan_months;
    }
    return g->months;
}

int retour__presumption_months(const retour_policy *p, const retour__guarantee_law *g,
                               retour__src *src)
{
    if (p->presumption_months > g->presumption_months) {
        *src = p->src_presumption_months;
        return p->presumption_months;
    }
    *src = p->src_jurisdiction;
    return g->presumption_months;
}

int retour__inspects(const retour_policy *p, const retour__category *c, retour__src *src)
{
    int own = c && c->inspection >= 0;
    *src = own ? c->src_inspection : p->src_inspection;
    return own ? c->inspection : p->inspection;
}

static int item_error(retour__eval *ev, size_t i, const char *key, const char *message)
{
    char path[64];
    snprintf(path, sizeof path, "items[%zu].%s", i, key);
    return retour__request_error(ev, (long)i, path, message);
}

static int measure(retour__eval *ev, size_t i, const retour__category *c, coverage *cv)
{
    const retour_policy *p = ev->p;
    const retour__guarantee_law *g = ev->guarantee;
    const retour__item *it = &ev->r->items[i];
    int rc;
    if (it->delivered == RETOUR_DATE_NONE)
        return item_error(ev, i, "delivered", "the delivery date is needed to count the guarantee");
    cv->noticed = it->noticed != RETOUR_DATE_NONE ? it->noticed : ev->r->notified;
    if (cv->noticed < it->delivered)
        return item_error(ev, i, it->noticed != RETOUR_DATE_NONE ? "noticed" : "delivered",
                          "the problem appeared before the item was delivered");
    cv->legal_end = cv->shop_end = cv->presumption_end = RETOUR_DATE_NONE;
    cv->legal_months = retour__legal_guarantee_months(p, g, c, &cv->legal_src);
    if (cv->legal_months > 0 &&
        (rc = retour__eval_add_months(ev, &cv->legal_end, it->delivered, cv->legal_months)))
        return rc;
    if (p->guarantee_months > 0 &&
        (rc = retour__eval_add_months(ev, &cv->shop_end, it->delivered, p->guarantee_months)))
        return rc;
    /* The law's presumption, or the policy's when it is longer; a shorter one is kept to
     * name it when the law decides a case it would have refused. */
    cv->presumption_months = retour__presumption_months(p, g, &cv->presumption_src);
    cv->policy_presumption_end = RETOUR_DATE_NONE;
    if (p->presumption_months > 0 && p->presumption_months < g->presumption_months &&
        (rc = retour__eval_add_months(ev, &cv->policy_presumption_end, it->delivered,
                                      p->presumption_months)))
        return rc;
    if (cv->presumption_months > 0 &&
        (rc = retour__eval_add_months(ev, &cv->presumption_end, it->delivered,
                                      cv->presumption_months)))
        return rc;
    cv->by_law = cv->legal_end != RETOUR_DATE_NONE && cv->noticed <= cv->legal_end;
    return RETOUR_OK;
}

/* Refuses item i; goodwill is the caller's, told by *refusal. */
static int refuse(retour__eval *ev, size_t i, retour__code code, const char *law,
                  retour__src src, const retour__params *prm, retour__refusal why,
                  int days_late, retour__item_refusal *refusal)
{
    ev->d->items[i].outcome = RETOUR_OUTCOME_REJECT;
    refusal->refused = 1;
    refusal->why = why;
    refusal->days_late = days_late;
    return retour__add_reason(ev, code, (long)i, law, src, prm);
}

static int review(retour__eval *ev, size_t i, retour__code code, const char *law,
                  retour__src src, const retour__params *prm)
{
    ev->d->items[i].outcome = RETOUR_OUTCOME_REVIEW;
    return retour__add_reason(ev, code, (long)i, law, src, prm);
}

/* Rule 5: what the consumer gets for an accepted complaint. */
static int decide_remedy(retour__eval *ev, size_t i, const coverage *cv, retour__params *prm)
{
    const retour_policy *p = ev->p;
    const retour__guarantee_law *g = ev->guarantee;
    const retour__item *it = &ev->r->items[i];
    retour__item_result *res = &ev->d->items[i];
    retour_remedy asked = it->remedy;
    int rc;
    if (g->short_reject_days > 0 && asked == RETOUR_REMEDY_REFUND) {
        retour_date end;
        if ((rc = retour__eval_add_days(ev, &end, it->delivered, g->short_reject_days)))
            return rc;
        if (cv->noticed <= end) {
            res->remedy = RETOUR_REMEDY_REFUND;
            res->refund = res->value;
            prm->date = end;
            return retour__add_reason(ev, RETOUR__R_SHORT_TERM_REJECT, (long)i,
                                      g->law_short_reject, retour__no_src, prm);
        }
    }
    /* A policy remedy of refund, store credit or a credit note denies the consumer's
     * choice of repair or replacement: the law's order decides instead. "Repair only" (or
     * "replacement only") denies the other when the consumer asks for it (art. 13(2)). */
    int policy_denies = p->remedy != RETOUR_REMEDY_REPAIR && p->remedy != RETOUR_REMEDY_REPLACE;
    if (asked == RETOUR_REMEDY_REPAIR || asked == RETOUR_REMEDY_REPLACE) {
        res->remedy = prm->grant = asked;
        rc = retour__add_reason(ev, RETOUR__R_REMEDY_CONSUMER_CHOICE, (long)i,
                                g->law_remedy_order, retour__no_src, prm);
        if (rc == RETOUR_OK && (policy_denies || (p->remedy_only && (int)asked != p->remedy_only)))
            rc = retour__below_floor(ev, (long)i, "complaints.remedy", g->law_remedy_order,
                                     p->src_remedy);
        return rc;
    }
    if (asked != RETOUR_REMEDY_NONE && it->remedy_failed) {
        res->remedy = prm->grant = asked;
        if ((rc = retour__add_reason(ev, RETOUR__R_REMEDY_AFTER_FAILED_REPAIR, (long)i,
                                     g->law_remedy_failed, retour__no_src, prm)))
            return rc;
        if (asked == RETOUR_REMEDY_REFUND) {
            res->refund = res->value;
            return RETOUR_OK;
        }
        return review(ev, i, RETOUR__R_PRICE_REDUCTION_TO_AGREE, g->law_remedy_failed,
                      retour__no_src, prm);
    }
    if (policy_denies) {
        res->remedy = prm->grant = RETOUR_REMEDY_REPAIR;
        rc = retour__add_reason(ev, RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST, (long)i,
                                g->law_remedy_order, retour__no_src, prm);
        return rc ? rc : retour__below_floor(ev, (long)i, "complaints.remedy",
                                             g->law_remedy_order, p->src_remedy);
    }
    res->remedy = prm->grant = p->remedy;
    return retour__add_reason(ev, RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST, (long)i,
                              g->law_remedy_order, p->src_remedy, prm);
}

/* Rule 4: an established or presumed defect, or one the consumer must show. */
static int decide_defect(retour__eval *ev, size_t i, const retour__category *c,
                         const coverage *cv, retour__params *prm)
{
    const retour_policy *p = ev->p;
    const retour__guarantee_law *g = ev->guarantee;
    const retour__item *it = &ev->r->items[i];
    int rc;
    if (it->cause == RETOUR_CAUSE_DEFECT) {
        prm->date = cv->by_law ? cv->legal_end : cv->shop_end;
        if ((rc = retour__add_reason(ev, RETOUR__R_DEFECT_CONFIRMED, (long)i,
                                     cv->by_law ? g->law_period : NULL,
                                     cv->by_law ? cv->legal_src : p->src_guarantee_months, prm)))
            return rc;
        return decide_remedy(ev, i, cv, prm);
    }
    RETOUR__TRACE_NOTE(ev, "complaint.defect", (long)i, 0, RETOUR__N_NO_DEFECT_ESTABLISHED, NULL, retour__no_src, prm);
    prm->days = cv->presumption_months;
    prm->date = cv->presumption_end;
    /* The policy's own longer presumption cites no law. */
    const char *law = cv->presumption_months == g->presumption_months ? g->law_presumption : NULL;
    if (!cv->by_law || cv->presumption_end == RETOUR_DATE_NONE)
        return review(ev, i, RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION, NULL,
                      cv->by_law ? p->src_jurisdiction : p->src_guarantee_months, prm);
    if (cv->noticed > cv->presumption_end)
        return review(ev, i, RETOUR__R_EVIDENCE_REQUIRED, law, cv->presumption_src, prm);
    if ((rc = retour__add_reason(ev, RETOUR__R_PRESUMED_DEFECT, (long)i, law,
                                 cv->presumption_src, prm)))
        return rc;
    if (cv->policy_presumption_end != RETOUR_DATE_NONE &&
        cv->noticed > cv->policy_presumption_end &&
        (rc = retour__below_floor(ev, (long)i, "complaints.presumption_months",
                                  g->law_presumption, p->src_presumption_months)))
        return rc;
    retour__src inspection_src;
    if (retour__inspects(p, c, &inspection_src))
        return review(ev, i, RETOUR__R_INSPECTION_REQUIRED, NULL, inspection_src, prm);
    RETOUR__TRACE_NOTE(ev, "complaint.inspection", (long)i, 0, RETOUR__N_NO_INSPECTION, NULL, inspection_src, prm);
    return decide_remedy(ev, i, cv, prm);
}

/* Rule 1b: how and when the consumer reported the defect. Under the legal guarantee a
 * duty to report within a time holds only where the law has one (Directive (EU) 2019/771
 * art. 12: at least 2 months of detecting it), and no form can be a condition of the
 * right; a term beyond that is set aside. Under the shop's own guarantee alone its terms
 * apply as written. */
static int decide_notice(retour__eval *ev, size_t i, const coverage *cv, retour__params *prm,
                         retour__item_refusal *refusal)
{
    const retour_policy *p = ev->p;
    const retour__guarantee_law *g = ev->guarantee;
    const retour__item *it = &ev->r->items[i];
    int rc;
    if (p->notice_months > 0 && it->noticed != RETOUR_DATE_NONE) {
        int months = p->notice_months;
        if (cv->by_law && g->notice_months > 0 && months < g->notice_months)
            months = g->notice_months; /* the law's own time, at least */
        retour_date by, policy_by;
        if ((rc = retour__eval_add_months(ev, &policy_by, it->noticed, p->notice_months)) ||
            (rc = retour__eval_add_months(ev, &by, it->noticed, months)))
            return rc;
        if (ev->r->notified > policy_by) {
            if (cv->by_law && g->notice_months == 0)
                return retour__below_floor(ev, (long)i, "complaints.notice_within_months",
                                           g->law_notice, p->src_notice_months);
            if (ev->r->notified <= by) {
                if ((rc = retour__below_floor(ev, (long)i, "complaints.notice_within_months",
                                              g->law_notice, p->src_notice_months)))
                    return rc;
            } else {
                retour__params np = *prm;
                np.date2 = it->noticed;
                np.date = by;
                np.days = months;
                return refuse(ev, i, RETOUR__R_NOTICE_LATE, cv->by_law ? g->law_notice : NULL,
                              p->src_notice_months, &np, RETOUR__REFUSED_EXPIRED,
                              (int)(ev->r->notified - by), refusal);
            }
        }
    }
    if (p->notice_form) {
        int k = p->notice_form == 2 ? RETOUR__REQ_FORM : RETOUR__REQ_WRITTEN;
        unsigned given = ev->r->provided;
        int met = (given & (1u << k)) ||
                  (k == RETOUR__REQ_WRITTEN && (given & (1u << RETOUR__REQ_FORM)));
        if (met)
            return RETOUR_OK;
        if (cv->by_law)
            return retour__below_floor(ev, (long)i, "complaints.notice_form", g->law_notice,
                                       p->src_notice_form);
        retour__params fp = *prm;
        fp.requirement = k;
        return refuse(ev, i, RETOUR__R_REQUIREMENT_MISSING_COMPLAINT, NULL, p->src_notice_form,
                      &fp, RETOUR__REFUSED_EXCLUDED, 0, refusal);
    }
    return RETOUR_OK;
}

int retour__complaint_item(retour__eval *ev, size_t i, int *shop_only,
                           retour__item_refusal *refusal)
{
    const retour_policy *p = ev->p;
    const retour__item *it = &ev->r->items[i];
    const retour__category *c = retour__category_of(p, it);
    retour__params prm;
    coverage cv;
    int rc;
    memset(refusal, 0, sizeof *refusal);
    *shop_only = 0;
    retour__item_params(ev, i, c, &prm);
    if ((rc = measure(ev, i, c, &cv)))
        return rc;
    prm.date2 = cv.noticed;

    /* Rule 1: some guarantee must cover the day the problem appeared. */
    int by_shop = cv.shop_end != RETOUR_DATE_NONE && cv.noticed <= cv.shop_end;
    *shop_only = !cv.by_law && by_shop;
    if (!cv.by_law && !by_shop) {
        int shop_later = cv.shop_end != RETOUR_DATE_NONE &&
                         (cv.legal_end == RETOUR_DATE_NONE || cv.shop_end > cv.legal_end);
        prm.date = shop_later ? cv.shop_end
                   : cv.legal_end != RETOUR_DATE_NONE ? cv.legal_end : it->delivered;
        return refuse(ev, i, RETOUR__R_GUARANTEE_EXPIRED,
                      shop_later ? NULL : ev->guarantee->law_period,
                      shop_later ? p->src_guarantee_months : cv.legal_src, &prm,
                      RETOUR__REFUSED_EXPIRED, (int)(cv.noticed - prm.date), refusal);
    }
    if (!cv.by_law) {
        retour__params gp = prm;
        gp.days = p->guarantee_months;
        gp.date = cv.shop_end;
        if ((rc = retour__add_reason(ev, RETOUR__R_WITHIN_COMMERCIAL_GUARANTEE, (long)i, NULL,
                                     p->src_guarantee_months, &gp)))
            return rc;
    } else RETOUR__TRACE_NOTE(ev, "complaint.guarantee", (long)i, 1, RETOUR__N_WITHIN_LEGAL_GUARANTEE, ev->guarantee->law_period, cv.legal_src, &(retour__params){ .date = cv.legal_end, .date2 = cv.noticed });
    if ((rc = decide_notice(ev, i, &cv, &prm, refusal)) || refusal->refused)
        return rc;
    /* Rule 2: damage the customer caused. */
    if (it->admits_damage || it->cause == RETOUR_CAUSE_MISUSE ||
        it->cause == RETOUR_CAUSE_ACCIDENT) {
        prm.cause = it->cause == RETOUR_CAUSE_MISUSE || it->cause == RETOUR_CAUSE_ACCIDENT
                    ? it->cause : RETOUR_CAUSE_UNKNOWN;
        return refuse(ev, i, RETOUR__R_CUSTOMER_CAUSED_DAMAGE, NULL, retour__no_src, &prm,
                      RETOUR__REFUSED_CAUSED, 0, refusal);
    }
    RETOUR__TRACE_NOTE(ev, "complaint.customer_caused", (long)i, 0, RETOUR__N_NOT_CAUSED, NULL, retour__no_src, &prm);
    /* Rule 3: wear, judged against the expected lifespan. */
    if (it->cause == RETOUR_CAUSE_WEAR) {
        int lifespan = c && c->lifespan_months ? c->lifespan_months : cv.legal_months;
        retour__src src = c && c->lifespan_months ? c->src_lifespan : cv.legal_src;
        retour_date end;
        if ((rc = retour__eval_add_months(ev, &end, it->delivered, lifespan)))
            return rc;
        prm.days = lifespan;
        prm.date = end;
        if (cv.noticed > end)
            return refuse(ev, i, RETOUR__R_WEAR_BEYOND_LIFESPAN, NULL, src, &prm,
                          RETOUR__REFUSED_WORN, (int)(cv.noticed - end), refusal);
        return review(ev, i, RETOUR__R_WEAR_WITHIN_LIFESPAN, NULL, src, &prm);
    }
    RETOUR__TRACE_NOTE(ev, "complaint.wear", (long)i, 0, RETOUR__N_NOT_WEAR, NULL, retour__no_src, &prm);
    return decide_defect(ev, i, c, &cv, &prm);
}

int retour__complaint_law(retour__eval *ev)
{
    const retour_policy *p = ev->p;
    const retour_request *r = ev->r;
    retour_date contract = r->ordered;
    long item = -1;
    /* Without an order date the earliest delivery stands in: the contract was concluded
     * by then at the latest. */
    for (size_t i = 0; contract == RETOUR_DATE_NONE && i < r->count; i++)
        if (r->items[i].delivered != RETOUR_DATE_NONE &&
            (item < 0 || r->items[i].delivered < r->items[item].delivered))
            item = (long)i;
    if (item >= 0)
        contract = r->items[item].delivered;
    ev->guarantee = p->guarantee;
    if (contract == RETOUR_DATE_NONE)
        return RETOUR_OK; /* no date at all: the items' own checks name what is missing */
    const retour__guarantee_law *g = retour__guarantee_law_at(p->jurisdiction, contract);
    if (g == NULL) {
        char path[48], day[11], message[128];
        retour_date_format(day, retour__guarantee_law_first_day(p->jurisdiction));
        if (item >= 0)
            snprintf(path, sizeof path, "items[%ld].delivered", item);
        snprintf(message, sizeof message,
                 "the legal guarantee for contracts concluded before %s is not in the law tables",
                 day);
        return retour__request_error(ev, item, item >= 0 ? path : "ordered", message);
    }
    /* The consumer's country's law, where the shop sells there, figure by figure. */
    unsigned figures = 0;
    const retour__guarantee_law *theirs =
        ev->consumer ? retour__guarantee_law_at(ev->consumer, contract) : NULL;
    if (theirs && (figures = retour__guarantee_law_best(&ev->guarantee_mix, g, theirs)))
        g = &ev->guarantee_mix;
    ev->guarantee = g;
    int rc = RETOUR_OK;
    if (item >= 0 && g->months > 0) {
        retour__params prm;
        memset(&prm, 0, sizeof prm);
        prm.date = contract;
        prm.name = g->regime;
        rc = retour__add_reason(ev, RETOUR__R_CONTRACT_DATE_ASSUMED, -1, NULL, retour__no_src,
                                &prm);
    }
    if (rc == RETOUR_OK && ev->consumer)
        rc = retour__consumer_law_reason(ev, figures);
    return rc;
}

int retour__decide_complaint(retour__eval *ev)
{
    retour_decision *d = ev->d;
    retour__tally tally;
    size_t shop_only = 0;
    int rc;
    if ((rc = retour__copy_items(ev, NULL)) || (rc = retour__complaint_law(ev)))
        return rc;
    for (size_t i = 0; i < d->item_count; i++) {
        int only;
        const retour__category *c;
        retour__item_refusal refusal;
        if ((rc = retour__item_category(ev, i, &c)) ||
            (rc = retour__complaint_item(ev, i, &only, &refusal)))
            return rc;
        if (refusal.refused &&
            (rc = retour__apply_goodwill(ev, i, c, refusal.why, refusal.days_late)))
            return rc;
        shop_only += (size_t)only;
    }
    d->basis = shop_only == d->item_count ? RETOUR_BASIS_COMMERCIAL_GUARANTEE
                                          : RETOUR_BASIS_LEGAL_GUARANTEE;
    if ((rc = retour__apply_review_signals(ev)))
        return rc;
    return retour__settle_items(ev, &tally);
}
