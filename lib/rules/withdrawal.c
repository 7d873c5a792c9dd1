/* Deciding a withdrawal: the law's floor first, then the shop's policy on top.
 *
 * Order of the rules (docs/decisions.md explains each):
 *   1. the period: statutory (from receipt of the last good, extended when the consumer
 *      was not informed) or the shop's longer window; after it every item is refused, for
 *      a legal exception when one applies, else for being late;
 *   2. per item: legal exceptions (seal-dependent ones only once unsealed), unless waived;
 *      the shop's own exclusions only beyond the statutory period;
 *   3. per item: packaging (opened is always fine; damaged or missing costs the policy's
 *      deduction or goes to review, never the right itself); in the shop's own window its
 *      terms on opened packaging and its restocking fee apply;
 *   4. goodwill rules for refused items, then the policy's review signals;
 *   5. refund, outbound shipping, deadlines; the overall outcome.
 * A clause below the law that a statutory withdrawal sets aside is named with the reason
 * policy_below_legal_floor and its line. */
#include "rules/withdrawal.h"
#include "rules/consumer_law.h"
#include "rules/eval_support.h"
#include "rules/goodwill.h"
#include "rules/items.h"
#include "rules/review_signals.h"
#include "rules/trace.h"

#include "law/calendar.h"
#include "law/figures.h"
#include "base/date.h"
#include "base/money.h"

#include <stdio.h>
#include <string.h>

/* The reason code of a legal exception. */
static retour__code exclusion_code(retour__exclusion e)
{
    switch (e) {
    case RETOUR__EXCL_SERVICES_PERFORMED: return RETOUR__R_EXCLUDED_SERVICES_PERFORMED;
    case RETOUR__EXCL_PRICE_FLUCTUATION: return RETOUR__R_EXCLUDED_PRICE_FLUCTUATION;
    case RETOUR__EXCL_PERSONALISED: return RETOUR__R_EXCLUDED_PERSONALISED;
    case RETOUR__EXCL_PERISHABLE: return RETOUR__R_EXCLUDED_PERISHABLE;
    case RETOUR__EXCL_HYGIENE_SEALED: return RETOUR__R_EXCLUDED_UNSEALED_HYGIENE;
    case RETOUR__EXCL_MIXED_GOODS: return RETOUR__R_EXCLUDED_MIXED_GOODS;
    case RETOUR__EXCL_ALCOHOL_FUTURE_DELIVERY: return RETOUR__R_EXCLUDED_ALCOHOL_FUTURE_DELIVERY;
    case RETOUR__EXCL_URGENT_REPAIRS: return RETOUR__R_EXCLUDED_URGENT_REPAIRS;
    case RETOUR__EXCL_SEALED_MEDIA: return RETOUR__R_EXCLUDED_UNSEALED_MEDIA;
    case RETOUR__EXCL_NEWSPAPER: return RETOUR__R_EXCLUDED_NEWSPAPER;
    case RETOUR__EXCL_PUBLIC_AUCTION: return RETOUR__R_EXCLUDED_PUBLIC_AUCTION;
    case RETOUR__EXCL_DATED_SERVICE: return RETOUR__R_EXCLUDED_DATED_SERVICE;
    case RETOUR__EXCL_DIGITAL_CONTENT: return RETOUR__R_EXCLUDED_DIGITAL_CONTENT;
    default: return RETOUR__R__COUNT;
    }
}

/* After the period an item is refused for its category's exception rather than for being
 * late when the exception is not waived and applies in this packaging state (a seal-
 * dependent one only once unsealed). */
static int refuses_late(const retour__category *c, retour_packaging packaging)
{
    return c && c->exclusion != RETOUR__EXCL_NONE && !c->waived &&
           (!retour__exclusion_needs_unsealing(c->exclusion) ||
            (packaging != RETOUR_PACKAGING_SEALED && packaging != RETOUR_PACKAGING_UNKNOWN));
}

/* A last day on a Saturday, Sunday or public holiday moves to the next working day: by the
 * closed days the policy listed at load, or by computing the year's holidays for a date
 * outside them. The calendar is the deciding law's, and a consumer's country the shop sells
 * to closes its own holidays too (docs/decisions.md, "Deadline calendars", "The consumer's
 * country"). */
static int to_working_day(retour__eval *ev, retour_date *date)
{
    if (ev->calendar->kind == RETOUR__CAL_CALENDAR_DAYS)
        return RETOUR_OK; /* nothing moves */
    for (;;) {
        retour_date day = *date;
        if (!(ev->closed && retour__closed_days_next(ev->closed, &day)) &&
            retour__holidays_next_working_day(&day, ev->holidays, day))
            return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL,
                                "a deadline falls after 9999-12-31");
        *date = day;
        if (ev->consumer_calendar == NULL)
            return RETOUR_OK;
        /* A day closed in the consumer's country does not end the period either: move on
         * until a day is open in both. */
        if (retour__holidays_next_working_day(&day, ev->consumer_holidays, day))
            return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL,
                                "a deadline falls after 9999-12-31");
        if (day == *date)
            return RETOUR_OK;
        *date = day;
    }
}

/* The n-th working day after start (withdrawal.counting: working_days): a day counts when
 * the deadline calendar has it open; a jurisdiction counting calendar days (none) counts
 * weekdays. */
static int add_working_days(retour__eval *ev, retour_date *out, retour_date start, int n)
{
    retour__holidays weekdays;
    retour__holidays *h = ev->holidays;
    if (ev->calendar->kind == RETOUR__CAL_CALENDAR_DAYS) {
        retour__holidays_init(&weekdays, retour__calendar_for("EU"));
        h = &weekdays;
    }
    retour_date day = start;
    for (int k = 0; k < n;) {
        if (day >= RETOUR__DATE_MAX)
            return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL,
                                "a deadline falls after 9999-12-31");
        day++;
        k += retour__holidays_is_working_day(h, day);
    }
    *out = day;
    return RETOUR_OK;
}

/* 1 when the policy counts the key written at src in working days: withdrawal.counting
 * applies to the days the policy writes; a key left out keeps the law's calendar days. */
static int in_working_days(const retour_policy *p, retour__src src)
{
    return p->counting == RETOUR__COUNTING_WORKING_DAYS && src.line > 0;
}

/* start + days, in working days or calendar days. */
static int count_days(retour__eval *ev, retour_date *out, retour_date start, int days,
                      int working)
{
    if (working)
        return add_working_days(ev, out, start, days);
    return retour__eval_add_days(ev, out, start, days);
}

const char *retour__moved_law(const retour__jurisdiction *law, int statutory)
{
    return statutory && law->eu ? RETOUR__REG_PERIODS : NULL;
}

/* deadline_moved_to_working_day when `moved` differs from the day counted. The regulation is
 * cited for the EU's statutory periods only; the UK's and the shop's own are moved too, as
 * the consumer-friendly reading, without a citation. */
static int moved_reason(retour__eval *ev, retour__code code, retour_date counted,
                        retour_date moved, int statutory)
{
    if (moved == counted)
        return RETOUR_OK;
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.date = moved;
    prm.date2 = counted;
    return retour__add_reason(ev, code, -1, retour__moved_law(ev->law, statutory),
                              ev->p->src_jurisdiction, &prm);
}

/* The statutory figures cover contracts from the law's first day (Directive 2011/83/EU:
 * after 13 June 2014); an older contract is not in the tables, which is said rather than
 * guessed. The contract's date is `ordered`, or else no later than the first delivery. */
static int check_contract_date(retour__eval *ev)
{
    const retour__jurisdiction *j = ev->law;
    const retour_request *r = ev->r;
    long item = -1;
    retour_date contract = r->ordered;
    for (size_t i = 0; contract == RETOUR_DATE_NONE && i < r->count; i++)
        if (item < 0 || r->items[i].delivered < r->items[item].delivered)
            item = (long)i;
    if (item >= 0)
        contract = r->items[item].delivered;
    if (contract >= j->withdrawal_from)
        return RETOUR_OK;
    char path[48] = "ordered", day[11], message[128];
    if (item >= 0)
        snprintf(path, sizeof path, "items[%ld].delivered", item);
    retour_date_format(day, j->withdrawal_from);
    snprintf(message, sizeof message,
             "the right of withdrawal for contracts concluded before %s is not in the law tables",
             day);
    return retour__request_error(ev, item, path, message);
}

/* The fewest calendar days n working days can last from any weekday, counting weekends
 * only (holidays only lengthen them). */
static int shortest_working_days(int n)
{
    int shortest = -1;
    for (int start = 0; start < 7; start++) { /* 0 = Monday */
        int days = 0;
        for (int k = 0; k < n;) {
            days++;
            k += (start + days) % 7 < 5;
        }
        if (shortest < 0 || days < shortest)
            shortest = days;
    }
    return shortest;
}

/* Terms that state a withdrawal period shorter than the law's do not give the information
 * art. 6(1)(h) requires: the consumer counts as not informed (art. 10). A period counted
 * in working days is shorter when it can end before the law's days. */
static int states_shorter_period(const retour_policy *p, const retour__jurisdiction *j)
{
    if (!j->statutory || p->days >= j->withdrawal_days * 2)
        return 0;
    if (in_working_days(p, p->src_days))
        return shortest_working_days(p->days) < j->withdrawal_days;
    return p->days < j->withdrawal_days;
}

/* Rule 1: which window covers the notification, and until when; *expired when it is
 * over. */
static int decide_period(retour__eval *ev, int *expired)
{
    const retour_policy *p = ev->p;
    const retour_request *r = ev->r;
    const retour__jurisdiction *j = ev->law;
    retour_decision *d = ev->d;
    int rc;

    /* The period runs from receipt of the last good of the order. */
    retour_date start = r->last_delivered;
    for (size_t i = 0; i < r->count; i++) {
        if (r->items[i].delivered == RETOUR_DATE_NONE) {
            char path[48];
            snprintf(path, sizeof path, "items[%zu].delivered", i);
            return retour__request_error(ev, (long)i, path, "the delivery date is needed to count the period");
        }
        if (start == RETOUR_DATE_NONE || r->items[i].delivered > start)
            start = r->items[i].delivered;
    }
    if (j->statutory && (rc = check_contract_date(ev)))
        return rc;

    /* Each end is counted (law_day, shop_day), then moved to a working day. The extension
     * runs 12 months from the end of the initial period, so from its moved end. */
    d->calendar = ev->holidays->cal->name;
    retour_date law_end = RETOUR_DATE_NONE, law_day = RETOUR_DATE_NONE;
    retour_date plain_end = RETOUR_DATE_NONE; /* the law's initial period, moved */
    int misinformed = p->informed && states_shorter_period(p, j);
    ev->not_informed = !p->informed || misinformed;
    ev->not_informed_src = misinformed ? p->src_days : p->src_informed;
    if (j->statutory) {
        if ((rc = retour__eval_add_days(ev, &law_day, start, j->withdrawal_days)))
            return rc;
        plain_end = law_day;
        if ((rc = to_working_day(ev, &plain_end)))
            return rc;
        if (ev->not_informed &&
            (rc = retour__eval_add_months(ev, &law_day, plain_end, j->extension_months)))
            return rc;
        law_end = law_day;
        if ((rc = to_working_day(ev, &law_end)))
            return rc;
    }

    retour_date shop_start = start;
    if (p->starts == RETOUR__START_ORDER) {
        if (r->ordered == RETOUR_DATE_NONE)
            return retour__request_error(ev, -1, "ordered",
                                 "the policy's window starts at the order (withdrawal.starts: "
                                 "order), so the request needs the order date");
        shop_start = r->ordered;
    }
    retour_date shop_end, shop_day;
    if ((rc = count_days(ev, &shop_day, shop_start, p->days, in_working_days(p, p->src_days))))
        return rc;
    shop_end = shop_day;
    if (shop_day == law_day)
        shop_end = law_end; /* the same last day (the default policy): moved already */
    else if ((rc = to_working_day(ev, &shop_end)))
        return rc;

    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.date2 = r->notified;
    prm.days = p->days;
    d->withdrawal_deadline = law_end != RETOUR_DATE_NONE && law_end > shop_end ? law_end : shop_end;
    ev->shop_extends = shop_end > plain_end;

    if (j->statutory && r->notified <= law_end) {
        d->basis = RETOUR_BASIS_WITHDRAWAL_RIGHT;
        ev->statutory_basis = 1;
        prm.date = law_end;
        if ((rc = retour__add_reason(ev, RETOUR__R_WITHIN_WITHDRAWAL_PERIOD, -1, ev->law->cite.period,
                             p->src_jurisdiction, &prm)))
            return rc;
        /* The shop's own window alone would have refused: a shorter window, or one that
         * counts from the order. */
        if (r->notified > shop_end && shop_end < plain_end) {
            /* The clause that shortens it: the days, else counting from the order, else
             * counting working days. */
            int by_days = p->days < j->withdrawal_days;
            int by_start = !by_days && p->starts == RETOUR__START_ORDER;
            if ((rc = retour__below_floor(ev, -1,
                                          by_days ? "withdrawal.days"
                                          : by_start ? "withdrawal.starts"
                                                     : "withdrawal.counting",
                                          ev->law->cite.period,
                                          by_days ? p->src_days
                                          : by_start ? p->src_starts : p->src_counting)))
                return rc;
        }
        if (!p->informed) {
            retour__params ext = prm;
            ext.days = j->extension_months;
            if ((rc = retour__add_reason(ev, RETOUR__R_WITHDRAWAL_PERIOD_EXTENDED, -1, ev->law->cite.extension,
                                 p->src_informed, &ext)))
                return rc;
        } else if (misinformed) {
            retour__params ext = prm;
            ext.days = p->days;
            ext.days2 = j->withdrawal_days;
            if ((rc = retour__add_reason(ev, in_working_days(p, p->src_days)
                                                 ? RETOUR__R_WITHDRAWAL_INFORMATION_WRONG_WORKING_DAYS
                                                 : RETOUR__R_WITHDRAWAL_INFORMATION_WRONG,
                                         -1, ev->law->cite.extension, p->src_days, &ext)))
                return rc;
        }
        *expired = 0;
        if ((rc = moved_reason(ev, RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY, law_day, law_end, 1)))
            return rc;
        /* The shop's longer window is the decision's deadline: it may have moved too. */
        return d->withdrawal_deadline == law_end
                   ? RETOUR_OK
                   : moved_reason(ev, RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY, shop_day, shop_end, 0);
    }
    RETOUR__TRACE_NOTE(ev, "withdrawal.period", -1, 0, j->statutory ? RETOUR__N_STATUTORY_PERIOD_OVER : RETOUR__N_NO_STATUTORY_RIGHT, ev->law->cite.period, p->src_jurisdiction, &(retour__params){ .date = law_end, .date2 = r->notified });
    /* The shop's own window as its terms judge it: by the notice, or by the day the goods
     * were sent or received (withdrawal.timely_when). */
    retour_date timely_day = r->notified;
    retour__code within = in_working_days(p, p->src_days)
                              ? RETOUR__R_WITHIN_SHOP_PERIOD_WORKING_DAYS
                              : RETOUR__R_WITHIN_SHOP_PERIOD;
    retour__code late = RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED;
    int shop_longer = law_end == RETOUR_DATE_NONE || shop_end > law_end;
    /* Only a window that outlasts the law's needs the goods' day: a shorter one ended
     * before the notice anyway. */
    if (p->timely != RETOUR__TIMELY_NOTIFIED && shop_longer) {
        int sent = p->timely == RETOUR__TIMELY_GOODS_SENT;
        timely_day = sent ? r->goods_sent : r->goods_received;
        if (timely_day == RETOUR_DATE_NONE)
            return retour__request_error(
                ev, -1, sent ? "goods_sent" : "goods_received",
                sent ? "the policy's window counts the day the goods were sent back "
                       "(withdrawal.timely_when: goods_sent), so the request needs goods_sent"
                     : "the policy's window counts the day the shop received the goods back "
                       "(withdrawal.timely_when: goods_received), so the request needs "
                       "goods_received");
        within = sent ? RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_SENT
                      : RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_RECEIVED;
        late = sent ? RETOUR__R_PERIOD_EXPIRED_GOODS_SENT : RETOUR__R_PERIOD_EXPIRED_GOODS_RECEIVED;
    }
    if (timely_day <= shop_end) {
        d->basis = RETOUR_BASIS_SHOP_POLICY;
        prm.date = shop_end;
        prm.date2 = timely_day;
        *expired = 0;
        if ((rc = retour__add_reason(ev, within, -1, NULL, p->src_days, &prm)))
            return rc;
        return moved_reason(ev, RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY, shop_day, shop_end, 0);
    }
    d->basis = shop_longer ? RETOUR_BASIS_SHOP_POLICY : RETOUR_BASIS_WITHDRAWAL_RIGHT;
    prm.date = d->withdrawal_deadline;
    if (shop_longer)
        prm.date2 = timely_day;
    *expired = 1;
    if ((rc = retour__add_reason(ev, shop_longer ? late : RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED, -1,
                                 shop_longer ? NULL : ev->law->cite.period,
                                 shop_longer ? p->src_days : p->src_jurisdiction, &prm)))
        return rc;
    return moved_reason(ev, RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY,
                        shop_longer ? shop_day : law_day, d->withdrawal_deadline, !shop_longer);
}

/* Rule 2: legal exceptions and the shop's own exclusions. */
static int decide_exclusion(retour__eval *ev, size_t i, const retour__category *c,
                            retour__params *prm)
{
    retour__item_result *res = &ev->d->items[i];
    retour_packaging pkg = ev->r->items[i].packaging;
    int rc;
    if (ev->trace && (!c || c->exclusion == RETOUR__EXCL_NONE))
        retour__trace_note(ev, "exclusion", (long)i, 0, RETOUR__N_NO_EXCLUSION, NULL, c ? c->src : retour__no_src, prm);
    if (c && c->exclusion != RETOUR__EXCL_NONE) {
        const char *law = ev->law->cite.exception[c->exclusion];
        int applies = 1;
        if (retour__exclusion_needs_unsealing(c->exclusion)) {
            if (pkg == RETOUR_PACKAGING_SEALED) {
                applies = 0;
                if ((rc = retour__add_reason(ev, RETOUR__R_SEAL_INTACT, (long)i, law, c->src_exclusion, prm)))
                    return rc;
            } else if (pkg == RETOUR_PACKAGING_UNKNOWN && !c->waived) {
                res->outcome = RETOUR_OUTCOME_REVIEW;
                return retour__add_reason(ev, RETOUR__R_PACKAGING_STATE_UNKNOWN, (long)i, law,
                                  c->src_exclusion, prm);
            }
        }
        if (applies && c->waived) {
            if ((rc = retour__add_reason(ev, RETOUR__R_EXCLUSION_WAIVED, (long)i, NULL, c->src_waived, prm)))
                return rc;
        } else if (applies) {
            res->outcome = RETOUR_OUTCOME_REJECT;
            return retour__add_reason(ev, exclusion_code(c->exclusion), (long)i, law, c->src_exclusion, prm);
        }
    }
    if (c && !c->returnable) {
        /* Lawful as a limit on the days the shop adds; with none added it can only mean
         * refusing the statutory right, which the law sets aside. */
        if (ev->statutory_basis)
            return ev->shop_extends ? (RETOUR__TRACE_NOTE(ev, "exclusion.shop", (long)i, 0, RETOUR__N_SHOP_EXCLUSION_STATUTORY, NULL, c->src_returnable, prm), RETOUR_OK)
                   : retour__add_reason(ev, RETOUR__R_FLOOR_NOT_RETURNABLE, (long)i,
                                        ev->law->cite.period, c->src_returnable, prm);
        res->outcome = RETOUR_OUTCOME_REJECT;
        return retour__add_reason(ev, RETOUR__R_EXCLUDED_BY_SHOP, (long)i, NULL, c->src_returnable, prm);
    }
    return RETOUR_OK;
}

/* A charge on the item: a percentage of its value (within the rule's minimum and maximum)
 * or a fixed amount, never more than what is left of the value. Returns the cut into *cut
 * and into *bound -1 or 1 when the minimum or the maximum decided it, else 0. */
static int charge(retour__eval *ev, size_t i, const retour__pkg_rule *rule, int64_t *cut,
                  int *bound)
{
    const retour__item_result *res = &ev->d->items[i];
    ev->charged = 1;
    *cut = rule->amount;
    *bound = 0;
    if (rule->action == RETOUR__PKG_DEDUCT_PERCENT) {
        if (retour__money_mul_bp(cut, res->value, rule->basis_points))
            return retour__overflow_error(ev, (long)i, "the deduction");
        if (rule->minimum > 0 && *cut < rule->minimum) {
            *cut = rule->minimum;
            *bound = -1;
        } else if (rule->capped && *cut > rule->maximum) {
            *cut = rule->maximum;
            *bound = 1;
        }
    }
    if (*cut > res->value - res->deduction)
        *cut = res->value - res->deduction;
    return RETOUR_OK;
}

/* Deducts rule's charge from item i with reason code (a restocking fee's own when its
 * minimum or maximum decided). */
static int deduct(retour__eval *ev, size_t i, const retour__pkg_rule *rule, retour__code code,
                  const char *law, const retour__params *prm)
{
    retour__item_result *res = &ev->d->items[i];
    int64_t cut;
    int bound;
    int rc = charge(ev, i, rule, &cut, &bound);
    if (rc)
        return rc;
    if (bound && code == RETOUR__R_RESTOCKING_FEE_DEDUCTED)
        code = bound < 0 ? RETOUR__R_RESTOCKING_FEE_MINIMUM : RETOUR__R_RESTOCKING_FEE_MAXIMUM;
    res->deduction += cut;
    if (cut > 0)
        res->outcome = RETOUR_OUTCOME_PARTIAL;
    retour__params dp = *prm;
    dp.amount = cut;
    dp.basis_points = rule->action == RETOUR__PKG_DEDUCT_PERCENT ? rule->basis_points : 0;
    return retour__add_reason(ev, code, (long)i, law, rule->src, &dp);
}

/* Opened packaging: always fine in the statutory period (trying the goods needs it); in
 * the shop's own window its terms may refuse or charge. */
static int decide_opened(retour__eval *ev, size_t i, retour__params *prm)
{
    const retour_policy *p = ev->p;
    const retour__pkg_rule *rule = &p->opened;
    int rc;
    if (rule->action == RETOUR__PKG_ACCEPT || ev->statutory_basis) {
        rc = retour__add_reason(ev, RETOUR__R_PACKAGING_OPENED_ALLOWED, (long)i, ev->law->cite.handling,
                                retour__no_src, prm);
        if (rc == RETOUR_OK && rule->action != RETOUR__PKG_ACCEPT)
            rc = retour__below_floor(ev, (long)i, "packaging.opened", ev->law->cite.handling, rule->src);
        return rc;
    }
    if (rule->action == RETOUR__PKG_REJECT) {
        ev->d->items[i].outcome = RETOUR_OUTCOME_REJECT;
        return retour__add_reason(ev, RETOUR__R_OPENED_PACKAGING_REFUSED, (long)i, NULL, rule->src,
                                  prm);
    }
    return deduct(ev, i, rule, RETOUR__R_OPENED_PACKAGING_DEDUCTION, NULL, prm);
}

/* Rule 3: packaging beyond opening costs a deduction or a review, never the right. */
static int decide_packaging(retour__eval *ev, size_t i, retour__params *prm)
{
    const retour_policy *p = ev->p;
    retour__item_result *res = &ev->d->items[i];
    retour_packaging pkg = ev->r->items[i].packaging;
    if (pkg == RETOUR_PACKAGING_OPENED)
        return decide_opened(ev, i, prm);
    if (pkg != RETOUR_PACKAGING_DAMAGED && pkg != RETOUR_PACKAGING_MISSING)
        return RETOUR__TRACE_NOTE(ev, "packaging", (long)i, 0, RETOUR__N_PACKAGING_INTACT, NULL, retour__no_src, prm), RETOUR_OK;

    int damaged = pkg == RETOUR_PACKAGING_DAMAGED;
    const retour__pkg_rule *rule = damaged ? &p->damaged : &p->missing;
    const char *clause = damaged ? "packaging.damaged" : "packaging.missing";
    int rc;
    /* Art. 14(2): a consumer who was not informed of the right owes nothing for diminished
     * value, so there is nothing to deduct and nothing to review. */
    if (rule->action != RETOUR__PKG_ACCEPT && ev->statutory_basis && ev->not_informed)
        return retour__add_reason(ev, RETOUR__R_DEDUCTION_WAIVED_NOT_INFORMED, (long)i, ev->law->cite.handling,
                          ev->not_informed_src, prm);
    switch (rule->action) {
    case RETOUR__PKG_ACCEPT:
        return retour__add_reason(ev, damaged ? RETOUR__R_DAMAGED_ACCEPTED : RETOUR__R_MISSING_PACKAGING_ACCEPTED,
                          (long)i, NULL, rule->src, prm);
    case RETOUR__PKG_REJECT:
        if (!ev->statutory_basis) {
            res->outcome = RETOUR_OUTCOME_REJECT;
            return retour__add_reason(ev, damaged ? RETOUR__R_DAMAGED_REFUSED
                                                  : RETOUR__R_MISSING_PACKAGING_REFUSED,
                                      (long)i, NULL, rule->src, prm);
        }
        /* The right stays: what the damage costs is diminished value, for a person to
         * assess. */
        if ((rc = retour__below_floor(ev, (long)i, clause, ev->law->cite.handling, rule->src)))
            return rc;
        /* fall through */
    case RETOUR__PKG_REVIEW:
        res->outcome = RETOUR_OUTCOME_REVIEW;
        return retour__add_reason(ev, damaged ? RETOUR__R_DAMAGED_REVIEW : RETOUR__R_MISSING_PACKAGING_REVIEW,
                          (long)i, ev->law->cite.handling, rule->src, prm);
    case RETOUR__PKG_DEDUCT_PERCENT:
    case RETOUR__PKG_DEDUCT_AMOUNT:
        break;
    }
    return deduct(ev, i, rule, damaged ? RETOUR__R_DAMAGED_DEDUCTION : RETOUR__R_MISSING_PACKAGING_DEDUCTION,
                  ev->law->cite.handling, prm);
}

/* Rule 4: the shop's restocking fee (the category's own, else the policy's), only in its
 * own window (art. 13(1) leaves no room for fees on a statutory withdrawal). A category's
 * fee set aside is named at the item; the policy's for the request (set_aside_clauses). */
static int decide_restocking(retour__eval *ev, size_t i, const retour__category *c,
                             retour__params *prm)
{
    int own = c && c->own_fee;
    const retour__pkg_rule *rule = own ? &c->restocking : &ev->p->restocking;
    retour_outcome o = ev->d->items[i].outcome;
    if (rule->action == RETOUR__PKG_ACCEPT)
        return RETOUR_OK;
    if (ev->statutory_basis)
        return own ? retour__below_floor(ev, (long)i, c->fee_clause, ev->law->cite.refund,
                                         rule->src)
                   : RETOUR_OK;
    if (o != RETOUR_OUTCOME_ACCEPT && o != RETOUR_OUTCOME_PARTIAL)
        return RETOUR_OK;
    return deduct(ev, i, rule, RETOUR__R_RESTOCKING_FEE_DEDUCTED, NULL, prm);
}

/* withdrawal.requires, for the request as a whole: the law takes any unequivocal statement
 * (art. 11(1)), so in a statutory withdrawal a requirement the request does not show is
 * set aside, once; in the shop's own window each one refuses the request. The original
 * packaging is the item's (decide_packaging_required). */
static int decide_requirements(retour__eval *ev)
{
    const retour_policy *p = ev->p;
    unsigned unmet = p->requires & ~ev->r->provided & ~(1u << RETOUR__REQ_ORIGINAL_PACKAGING);
    if (unmet == 0)
        return RETOUR_OK;
    int first = retour__ctz64(unmet);
    if (ev->statutory_basis)
        return retour__below_floor(ev, -1, "withdrawal.requires", ev->law->cite.exercise,
                                   p->src_require[first]);
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    ev->requirement_missing = 1;
    for (int k = first; k < RETOUR__REQ__COUNT; k++) {
        if (!(unmet & (1u << k)))
            continue;
        prm.requirement = k;
        int rc = retour__add_reason(ev, RETOUR__R_REQUIREMENT_MISSING, -1, NULL,
                                    p->src_require[k], &prm);
        if (rc)
            return rc;
    }
    return RETOUR_OK;
}

/* "Returns only in the original packaging": the item that comes back without it (missing,
 * or not stated and not among what the request provided) keeps the statutory right, the
 * packaging costing at most diminished value (art. 14(2)); in the shop's own window it is
 * refused. */
static int decide_packaging_required(retour__eval *ev, size_t i, retour__params *prm,
                                     retour__item_refusal *refusal)
{
    const retour_policy *p = ev->p;
    const int k = RETOUR__REQ_ORIGINAL_PACKAGING;
    if (!(p->requires & (1u << k)))
        return RETOUR_OK;
    retour_packaging pkg = ev->r->items[i].packaging;
    if (pkg == RETOUR_PACKAGING_SEALED || pkg == RETOUR_PACKAGING_OPENED ||
        pkg == RETOUR_PACKAGING_DAMAGED ||
        (pkg == RETOUR_PACKAGING_UNKNOWN && (ev->r->provided & (1u << k))))
        return RETOUR_OK;
    if (ev->statutory_basis)
        return retour__below_floor(ev, (long)i, "withdrawal.requires", ev->law->cite.handling,
                                   p->src_require[k]);
    ev->d->items[i].outcome = RETOUR_OUTCOME_REJECT;
    refusal->refused = 1;
    refusal->why = RETOUR__REFUSED_EXCLUDED;
    retour__params rp = *prm;
    rp.requirement = k;
    return retour__add_reason(ev, RETOUR__R_REQUIREMENT_MISSING_ITEM, (long)i, NULL,
                              p->src_require[k], &rp);
}

/* Clauses of the whole policy that a statutory withdrawal sets aside, named once. */
static int set_aside_clauses(retour__eval *ev)
{
    const retour_policy *p = ev->p;
    int rc = RETOUR_OK;
    if (p->reason_required)
        rc = retour__below_floor(ev, -1, "withdrawal.reason_required", ev->law->cite.period,
                                 p->src_reason_required);
    if (rc == RETOUR_OK && p->condition == RETOUR__COND_UNUSED)
        rc = retour__below_floor(ev, -1, "withdrawal.condition", ev->law->cite.handling,
                                 p->src_condition);
    if (rc == RETOUR_OK && p->restocking.action != RETOUR__PKG_ACCEPT)
        rc = retour__below_floor(ev, -1, "withdrawal.restocking_fee", ev->law->cite.refund,
                                 p->restocking.src);
    if (rc == RETOUR_OK && p->timely != RETOUR__TIMELY_NOTIFIED)
        rc = retour__below_floor(ev, -1, "withdrawal.timely_when", ev->law->cite.timely,
                                 p->src_timely);
    /* Where the law puts the return shipment's risk on the trader (DE BGB §355(3)). */
    if (rc == RETOUR_OK && p->return_risk_consumer && ev->law->cite.return_risk)
        rc = retour__below_floor(ev, -1, "withdrawal.return_risk", ev->law->cite.return_risk,
                                 p->src_return_risk);
    /* The online withdrawal function, owed for contracts from the law's day (Directive (EU)
     * 2023/2673, art. 11a): the contract's day is `ordered`, or at the latest the first
     * delivery. */
    if (rc == RETOUR_OK && !p->function && ev->law->cite.function) {
        const retour_request *r = ev->r;
        retour_date contract = r->ordered;
        for (size_t i = 0; r->ordered == RETOUR_DATE_NONE && i < r->count; i++)
            if (contract == RETOUR_DATE_NONE || r->items[i].delivered < contract)
                contract = r->items[i].delivered;
        if (contract >= ev->law->function_from)
            rc = retour__below_floor(ev, -1, "withdrawal.function", ev->law->cite.function,
                                     p->src_function);
    }
    return rc;
}

/* withdrawal.refund_counted_from and refund_withheld_until: in a statutory withdrawal the
 * refund is due within the law's days of the notice (art. 13(1)), and may wait only until
 * the goods or the proof that they were sent, whichever comes first (art. 13(3)). In the
 * shop's own window a refund counted from the goods' receipt starts on the day the request
 * gives (*start), or has no date yet (*unknown). */
static int refund_start(retour__eval *ev, retour_date *start, int *unknown)
{
    const retour_policy *p = ev->p;
    int rc = RETOUR_OK;
    *start = ev->r->notified;
    *unknown = 0;
    if (p->refund_from == RETOUR__REFUND_FROM_GOODS_RECEIVED) {
        if (ev->statutory_basis)
            rc = retour__below_floor(ev, -1, "withdrawal.refund_counted_from",
                                     ev->law->cite.refund, p->src_refund_from);
        else if (ev->r->goods_received != RETOUR_DATE_NONE)
            *start = ev->r->goods_received;
        else
            *unknown = 1;
    }
    if (rc == RETOUR_OK && ev->statutory_basis && p->withheld == RETOUR__WITHHELD_GOODS_RECEIVED)
        rc = retour__below_floor(ev, -1, "withdrawal.refund_withheld_until",
                                 ev->law->cite.withhold, p->src_withheld);
    return rc;
}

/* In a statutory withdrawal counted in working days: the day the policy's count gives,
 * against the law's (the notice + its days, on a working day). *day and *moved become
 * the law's when the policy's gives less; the reason code, with {days} the policy's count
 * and {date2} its day, says so. */
static int working_days_floor(retour__eval *ev, retour_date *day, retour_date *moved,
                              int law_days, int policy_days, int later_is_less,
                              retour__code code, const char *clause, const char *law,
                              retour__src src)
{
    retour_date law_day, law_moved;
    int rc;
    if ((rc = retour__eval_add_days(ev, &law_day, ev->r->notified, law_days)))
        return rc;
    law_moved = law_day;
    if ((rc = to_working_day(ev, &law_moved)))
        return rc;
    if (later_is_less ? *moved >= law_moved : *moved <= law_moved)
        return RETOUR_OK;
    retour__params dp;
    memset(&dp, 0, sizeof dp);
    dp.days = policy_days;
    dp.date2 = *moved;
    dp.date = law_moved;
    *day = law_day;
    *moved = law_moved;
    if ((rc = retour__add_reason(ev, code, -1, law, src, &dp)))
        return rc;
    return retour__below_floor(ev, -1, clause, law, src);
}

/* Rule 5: outbound shipping and the deadlines to return and refund. */
static int shipping_and_deadlines(retour__eval *ev, const retour__tally *t)
{
    retour_decision *d = ev->d;
    const retour_policy *p = ev->p;
    const retour_request *r = ev->r;
    const retour__jurisdiction *j = ev->law;
    int rc;
    /* Outbound delivery: refunded with a whole-order withdrawal (art. 13(1)); in the shop's
     * own window only when the policy says so. */
    if (r->shipping_paid > 0 && t->accepted > 0) {
        retour__params sp;
        memset(&sp, 0, sizeof sp);
        sp.amount = r->shipping_paid;
        /* A goodwill gesture gives what its grant says, no delivery cost on top. */
        int whole = r->whole_order && t->rejected == 0 && t->review == 0 && t->goodwill == 0;
        if (whole && (ev->statutory_basis || p->refund_outbound)) {
            d->shipping = r->shipping_paid;
            rc = retour__add_reason(ev, RETOUR__R_OUTBOUND_SHIPPING_REFUNDED, -1,
                                    ev->statutory_basis ? ev->law->cite.refund : NULL,
                                    ev->statutory_basis ? retour__no_src : p->src_refund_outbound,
                                    &sp);
            if (rc == RETOUR_OK && ev->statutory_basis && !p->refund_outbound)
                rc = retour__below_floor(ev, -1, "withdrawal.refund_outbound_shipping",
                                         ev->law->cite.refund, p->src_refund_outbound);
        } else {
            /* Part of the order: the delivery served the goods kept too, so nothing of it
             * comes back, on either basis (docs/decisions.md); `whole_order` writes that
             * down and is named. */
            rc = retour__add_reason(ev, RETOUR__R_OUTBOUND_SHIPPING_NOT_REFUNDED, -1, NULL,
                                    whole || p->refund_outbound == 2 ? p->src_refund_outbound
                                                                     : retour__no_src,
                                    &sp);
        }
        if (rc)
            return rc;
    }
    /* The same means of payment unless the consumer expressly agrees (art. 13(1)): store
     * credit and vouchers are set aside in a statutory withdrawal (api/evaluate.c names
     * the method). */
    if (t->accepted > 0 && ev->statutory_basis &&
        (p->refund_method == RETOUR__METHOD_STORE_CREDIT ||
         p->refund_method == RETOUR__METHOD_VOUCHER) &&
        (rc = retour__below_floor(ev, -1, "withdrawal.refund_method", ev->law->cite.refund,
                                  p->src_refund_method)))
        return rc;
    if (retour__money_add(&d->refund, d->refund, d->shipping))
        return retour__overflow_error(ev, -1, "the refund with outbound shipping");

    if (t->accepted + t->review == 0)
        return RETOUR_OK; /* nothing comes back: no return or refund deadline */
    int return_days = p->return_days, refund_days = p->refund_days;
    int return_working = in_working_days(p, p->src_return_days);
    int refund_working = in_working_days(p, p->src_refund_days);
    retour_date refund_from;
    int refund_unknown;
    if ((rc = refund_start(ev, &refund_from, &refund_unknown)))
        return rc;
    retour__params dp;
    memset(&dp, 0, sizeof dp);
    if (!return_working && ev->statutory_basis && return_days < j->return_days) {
        dp.days = return_days;
        dp.days2 = j->return_days;
        return_days = j->return_days;
        if ((rc = retour__add_reason(ev, RETOUR__R_RETURN_PERIOD_EXTENDED, -1, ev->law->cite.return_goods,
                             p->src_return_days, &dp)) ||
            (rc = retour__below_floor(ev, -1, "withdrawal.return_within_days", ev->law->cite.return_goods,
                                      p->src_return_days)))
            return rc;
    }
    if (!refund_working && ev->statutory_basis && refund_days > j->refund_days) {
        dp.days = refund_days;
        dp.days2 = j->refund_days;
        refund_days = j->refund_days;
        if ((rc = retour__add_reason(ev, RETOUR__R_REFUND_DEADLINE_CAPPED, -1, ev->law->cite.refund,
                             p->src_refund_days, &dp)) ||
            (rc = retour__below_floor(ev, -1, "withdrawal.refund_within_days", ev->law->cite.refund,
                                      p->src_refund_days)))
            return rc;
    }
    retour_date return_day, refund_day;
    if ((rc = count_days(ev, &return_day, r->notified, return_days, return_working)) ||
        (rc = count_days(ev, &refund_day, refund_from, refund_days, refund_working)))
        return rc;
    d->return_by = return_day;
    d->refund_by = refund_day;
    if ((rc = to_working_day(ev, &d->return_by)))
        return rc;
    if (refund_day == return_day)
        d->refund_by = d->return_by; /* the same day (the default policy): moved already */
    else if ((rc = to_working_day(ev, &d->refund_by)))
        return rc;
    /* Working days give a day, not a number of days, to hold against the law's. */
    if (return_working && ev->statutory_basis &&
        (rc = working_days_floor(ev, &return_day, &d->return_by, j->return_days, return_days,
                                 1, RETOUR__R_RETURN_PERIOD_EXTENDED_WORKING_DAYS,
                                 "withdrawal.return_within_days", ev->law->cite.return_goods,
                                 p->src_return_days)))
        return rc;
    if (refund_working && ev->statutory_basis &&
        (rc = working_days_floor(ev, &refund_day, &d->refund_by, j->refund_days, refund_days,
                                 0, RETOUR__R_REFUND_DEADLINE_CAPPED_WORKING_DAYS,
                                 "withdrawal.refund_within_days", ev->law->cite.refund,
                                 p->src_refund_days)))
        return rc;
    if ((rc = moved_reason(ev, RETOUR__R_RETURN_BY_MOVED_TO_WORKING_DAY, return_day, d->return_by,
                           ev->statutory_basis)))
        return rc;
    if (refund_unknown) {
        d->refund_by = RETOUR_DATE_NONE;
        dp.days = refund_days;
        return retour__add_reason(ev, RETOUR__R_REFUND_AFTER_GOODS_RECEIVED_UNKNOWN, -1, NULL,
                                  p->src_refund_from, &dp);
    }
    if (!ev->statutory_basis && p->refund_from == RETOUR__REFUND_FROM_GOODS_RECEIVED) {
        dp.days = refund_days;
        dp.date = d->refund_by;
        dp.date2 = refund_from;
        if ((rc = retour__add_reason(ev, RETOUR__R_REFUND_AFTER_GOODS_RECEIVED, -1, NULL,
                                     p->src_refund_from, &dp)))
            return rc;
    }
    return moved_reason(ev, RETOUR__R_REFUND_BY_MOVED_TO_WORKING_DAY, refund_day, d->refund_by,
                        ev->statutory_basis);
}

/* After the period: every item is refused, for an exception that applies regardless of
 * time when there is one (it tells the shop more), else for being late. */
static int refuse_late(retour__eval *ev, size_t i, const retour__category *c,
                       retour__params *prm, retour__item_refusal *refusal)
{
    retour__item_result *res = &ev->d->items[i];
    res->outcome = RETOUR_OUTCOME_REJECT;
    refusal->refused = 1;
    if (refuses_late(c, ev->r->items[i].packaging)) {
        refusal->why = RETOUR__REFUSED_EXCLUDED;
        return retour__add_reason(ev, exclusion_code(c->exclusion), (long)i,
                                  ev->law->cite.exception[c->exclusion], c->src_exclusion, prm);
    }
    refusal->why = RETOUR__REFUSED_LATE;
    refusal->days_late = (int)(ev->r->notified - ev->d->withdrawal_deadline);
    return RETOUR_OK;
}

int retour__withdrawal_period(retour__eval *ev, retour__holidays *holidays,
                              retour__holidays *consumer_holidays, int *expired)
{
    int rc;
    retour__holidays_init(holidays, ev->calendar);
    retour__holidays_init(consumer_holidays, ev->consumer_calendar);
    ev->holidays = holidays;
    ev->consumer_holidays = consumer_holidays;
    if (ev->consumer) {
        unsigned figures = (ev->law == ev->consumer ? RETOUR__FIG_RIGHT : 0) |
                           (ev->consumer_calendar ? RETOUR__FIG_CALENDAR : 0);
        if ((rc = retour__consumer_law_reason(ev, figures)))
            return rc;
    }
    if ((rc = decide_period(ev, expired)))
        return rc;
    if (ev->statutory_basis && (rc = set_aside_clauses(ev)))
        return rc;
    return *expired ? RETOUR_OK : decide_requirements(ev);
}

int retour__withdrawal_item(retour__eval *ev, size_t i, const retour__category *c, int expired,
                            retour__item_refusal *refusal)
{
    retour__item_result *res = &ev->d->items[i];
    retour__params prm;
    int rc;
    retour__item_params(ev, i, c, &prm);
    memset(refusal, 0, sizeof *refusal);
    if (expired)
        return refuse_late(ev, i, c, &prm, refusal);
    if (ev->requirement_missing) {
        /* The request lacks what the shop's terms require (decide_requirements). */
        res->outcome = RETOUR_OUTCOME_REJECT;
        refusal->refused = 1;
        refusal->why = RETOUR__REFUSED_EXCLUDED;
        return RETOUR_OK;
    }
    if ((rc = decide_exclusion(ev, i, c, &prm)))
        return rc;
    if (res->outcome == RETOUR_OUTCOME_REJECT) {
        refusal->refused = 1;
        refusal->why = RETOUR__REFUSED_EXCLUDED;
        return RETOUR_OK;
    }
    if (res->outcome == RETOUR_OUTCOME_ACCEPT &&
        (rc = decide_packaging_required(ev, i, &prm, refusal)))
        return rc;
    if (res->outcome == RETOUR_OUTCOME_ACCEPT &&
        ((rc = decide_packaging(ev, i, &prm)) || (rc = decide_restocking(ev, i, c, &prm))))
        return rc;
    res->refund = res->value - res->deduction;
    return RETOUR_OK;
}

int retour__decide_withdrawal(retour__eval *ev)
{
    retour_decision *d = ev->d;
    retour__tally tally;
    retour__holidays holidays, consumer_holidays;
    int rc, expired = 0;
    if ((rc = retour__copy_items(ev, NULL)) ||
        (rc = retour__withdrawal_period(ev, &holidays, &consumer_holidays, &expired)))
        return rc;
    for (size_t i = 0; i < d->item_count; i++) {
        const retour__category *c;
        retour__item_refusal refusal;
        if ((rc = retour__item_category(ev, i, &c)) ||
            (rc = retour__withdrawal_item(ev, i, c, expired, &refusal)))
            return rc;
        if (refusal.refused &&
            (rc = retour__apply_goodwill(ev, i, c, refusal.why, refusal.days_late)))
            return rc;
    }
    if ((rc = retour__apply_review_signals(ev)) ||
        (rc = retour__settle_items(ev, &tally)))
        return rc;
    return shipping_and_deadlines(ev, &tally);
}
