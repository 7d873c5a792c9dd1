/* retour_case: a one-item request as a plain struct. A case is checked field by field and
 * its category found by id; the plan answers its verdict directly (plan_eval.c reads every
 * one-item request as a case). Anything else stands in for its request: one built on the
 * caller's stack, decided by the same code as every request. Nothing is allocated and no
 * text is compared. */
#include "base/compiler.h"
#include "policy/category_index.h"
#include "base/date.h"
#include "decision/decision.h"
#include "base/error.h"
#include "base/handle.h"
#include "base/name_hash.h"
#include "plan/plan_route.h"
#include "policy/policy.h"
#include "policy/terms.h"
#include "decision/reasons.h"
#include "request/request.h"

#include <stddef.h>
#include <string.h>

uint64_t retour_category_id(const char *name)
{
    return name ? retour__category_id_of(name) : RETOUR_CATEGORY_NONE;
}

static int bad_field(retour_error *err, const char *fn, const char *field, const char *expected,
                     long long got)
{
    return retour__fail(err, RETOUR_EINVAL, NULL, field, "%s: case field %s must be %s, not %lld",
                        fn, field, expected, got);
}

static int date_ok(retour_date d, int optional)
{
    return (optional && d == RETOUR_DATE_NONE) || (d >= RETOUR__DATE_MIN && d <= RETOUR__DATE_MAX);
}

/* The ranges retour_request_add_item() and the setters accept, field by field, naming the
 * first field outside its range. A missing notified or delivered day is the evaluation's
 * to report, as for a request. */
static RETOUR__NOINLINE int name_bad_field(const retour_case *c, const char *fn,
                                           retour_error *err)
{
#define RANGE(ok, field, expected, got)                                                     \
    if (!(ok))                                                                               \
        return bad_field(err, fn, field, expected, (long long)(got))
    RANGE(c->type < RETOUR_REQUEST_TYPE__COUNT, "type", "a retour_request_type (0 or 1)", c->type);
    RANGE(c->packaging < RETOUR_PACKAGING__COUNT, "packaging", "a retour_packaging (0..4)",
          c->packaging);
    RANGE(c->cause < RETOUR_CAUSE__COUNT, "cause", "a retour_cause (0..4)", c->cause);
    RANGE(c->remedy <= RETOUR_REMEDY_PRICE_REDUCTION, "remedy",
          "a remedy a consumer asks for (0..4)", c->remedy);
    RANGE(c->customer_admits_damage <= 1, "customer_admits_damage", "0 or 1",
          c->customer_admits_damage);
    RANGE(c->remedy_failed <= 1, "remedy_failed", "0 or 1", c->remedy_failed);
    RANGE(c->whole_order <= 1, "whole_order", "0 or 1", c->whole_order);
    RANGE(c->reserved == 0, "reserved", "0", c->reserved);
    RANGE(date_ok(c->notified, 1), "notified", "a day of the years 1..9999", c->notified);
    RANGE(date_ok(c->delivered, 1), "delivered", "a day of the years 1..9999 or RETOUR_DATE_NONE",
          c->delivered);
    RANGE(date_ok(c->noticed, 1), "noticed", "a day of the years 1..9999 or RETOUR_DATE_NONE",
          c->noticed);
    RANGE(date_ok(c->ordered, 1), "ordered", "a day of the years 1..9999 or RETOUR_DATE_NONE",
          c->ordered);
    RANGE(c->quantity >= 1, "quantity", "at least 1", c->quantity);
    RANGE(c->customer_orders >= 0, "customer_orders", "at least 0", c->customer_orders);
    RANGE(c->claims_last_year >= 0, "claims_last_year", "at least 0", c->claims_last_year);
    RANGE(c->goodwill_last_year >= 0, "goodwill_last_year", "at least 0", c->goodwill_last_year);
    RANGE(c->price >= 0, "price", "at least 0", c->price);
    RANGE(c->shipping_paid >= 0, "shipping_paid", "at least 0", c->shipping_paid);
    RANGE(c->lifetime_spend >= 0, "lifetime_spend", "at least 0", c->lifetime_spend);
#undef RANGE
    return RETOUR_OK;
}

_Static_assert(offsetof(retour_case, ordered) ==
                   offsetof(retour_case, notified) + 3 * sizeof(retour_date),
               "check_case reads the four days of a case as one array");

/* The same ranges tested all at once, as every case pays for it. The eight one-byte
 * fields lead the struct: each byte plus (128 - its limit) reaches the byte's top bit
 * exactly when the byte is past its limit, and no byte below 128 carries into the next. */
static inline int check_case(const retour_case *c, const char *fn, retour_error *err)
{
    static const unsigned char add_bytes[8] = {
        128 - RETOUR_REQUEST_TYPE__COUNT, 128 - RETOUR_PACKAGING__COUNT,
        128 - RETOUR_CAUSE__COUNT, 128 - (RETOUR_REMEDY_PRICE_REDUCTION + 1), 128 - 2,
        128 - 2, 128 - 2, 128 - 1 };
    uint64_t bytes, add;
    memcpy(&bytes, c, sizeof bytes);
    memcpy(&add, add_bytes, sizeof add);
    int bad = ((bytes | (bytes + add)) & UINT64_C(0x8080808080808080)) != 0;
    /* The four days side by side (notified, delivered, noticed, ordered), tested in one
     * loop without branches that a compiler can do in one vector. */
    uint32_t days[4], span = (uint32_t)(RETOUR__DATE_MAX - RETOUR__DATE_MIN), day_bad = 0;
    memcpy(days, &c->notified, sizeof days);
    for (int k = 0; k < 4; k++)
        day_bad |= (uint32_t)(days[k] - (uint32_t)RETOUR__DATE_MIN > span) &
                   (uint32_t)(days[k] != (uint32_t)RETOUR_DATE_NONE);
    bad |= day_bad != 0;
    bad |= (((int64_t)c->quantity - 1) | c->customer_orders | c->claims_last_year |
            c->goodwill_last_year) < 0;
    bad |= (c->price | c->shipping_paid | c->lifetime_spend) < 0;
    return RETOUR__UNLIKELY(bad) ? name_bad_field(c, fn, err) : RETOUR_OK;
}

/* 1 when neither the notification nor the delivery is before the order (always without
 * an order date). A day before the order is impossible data: the case goes through the
 * request it stands for, whose evaluation names the field (evaluate.c), and never reaches
 * the plan. RETOUR_DATE_NONE is below every day: without an order date nothing is early,
 * and an absent delivery is tested apart. */
static inline int case_ordered_first(const retour_case *c)
{
    return !((c->notified < c->ordered) |
             ((c->delivered < c->ordered) & (c->delivered != RETOUR_DATE_NONE)));
}

/* The category c->category names in p into *found (NULL: none listed, the default decides);
 * an error only for an id two categories share. */
static RETOUR__INLINE int find_category(const retour__category **found, const retour_policy *p,
                                        const retour_case *c, const char *fn, retour_error *err)
{
    *found = NULL;
    if (c->category == RETOUR_CATEGORY_NONE)
        return RETOUR_OK;
    if (RETOUR__UNLIKELY(c->category == p->category_id_clash))
        return retour__fail(err, RETOUR_EINVAL, NULL, "category",
                            "%s: two of the policy's categories share the id %llu; name the "
                            "category in a request instead", fn, (unsigned long long)c->category);
    *found = retour__policy_category_by_id(p, c->category);
    return RETOUR_OK;
}

/* The request c stands for, in *r: its one item is the request's own, its category name
 * the policy's (or none: an id the policy does not list decides like an item without a
 * category, its decision saying category_not_listed). */
static void request_of_case(retour_request *r, const retour_case *c,
                            const retour__category *category)
{
    memset(r, 0, sizeof *r);
    r->magic = RETOUR__REQUEST_MAGIC;
    r->type = (retour_request_type)c->type;
    r->ordered = c->ordered;
    r->notified = c->notified;
    r->last_delivered = RETOUR_DATE_NONE;
    r->goods_sent = r->goods_received = RETOUR_DATE_NONE;
    r->shipping_paid = c->shipping_paid;
    r->whole_order = c->whole_order;
    r->customer_orders = c->customer_orders;
    r->claims_last_year = c->claims_last_year;
    r->goodwill_last_year = c->goodwill_last_year;
    r->lifetime_spend = c->lifetime_spend;
    r->items = &r->first_item;
    r->count = r->cap = 1;

    retour__item *it = &r->first_item;
    it->sku = "";
    it->category = category ? category->name : NULL;
    it->found = category;
    it->price = c->price;
    it->quantity = c->quantity;
    it->delivered = c->delivered;
    it->packaging = (retour_packaging)c->packaging;
    it->noticed = c->noticed;
    it->cause = (retour_cause)c->cause;
    it->admits_damage = c->customer_admits_damage;
    it->remedy = (retour_remedy)c->remedy;
    it->remedy_failed = c->remedy_failed;
    if (category) {
        it->category_len = (uint32_t)strlen(category->name);
        it->category_hash = (uint32_t)c->category;
    }
    else
        it->unlisted_id = c->category != RETOUR_CATEGORY_NONE;
    it->measured = 1;
}

/* An error the evaluation found names the request's key; the case's field has the name
 * after "items[0].". */
static int case_error(int rc, retour_error *err)
{
    static const char item[] = "items[0].";
    if (rc && err && strncmp(err->path, item, sizeof item - 1) == 0)
        memmove(err->path, err->path + sizeof item - 1, strlen(err->path) - (sizeof item - 2));
    return rc;
}

/* The terms the case's order date picks (a case names no country); NULL when the policy
 * has versions and the date is missing (the evaluation then names `ordered`). */
static RETOUR__INLINE const retour_policy *case_terms(const retour_policy *p, const retour_case *c)
{
    return retour__terms_for(p, c->ordered, "");
}

int retour_evaluate_case(retour_decision *decision, const retour_policy *policy,
                         const retour_case *c, retour_error *err)
{
    static const char fn[] = "retour_evaluate_case";
    const retour__category *category;
    int rc;
    if (c == NULL || !RETOUR__POLICY_OK(policy)) {
        rc = retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                          "%s: decision, policy and case must not be NULL", fn);
    } else {
        const retour_policy *terms = case_terms(policy, c);
        if (terms == NULL)
            terms = policy; /* retour_evaluate names the missing order date */
        if ((rc = check_case(c, fn, err)) == RETOUR_OK &&
            (rc = find_category(&category, terms, c, fn, err)) == RETOUR_OK) {
            retour_request r;
            request_of_case(&r, c, category);
            return case_error(retour_evaluate(decision, policy, &r, err), err);
        }
    }
    if (RETOUR__DECISION_OK(decision))
        retour__decision_clear(decision); /* no result, as after any failure */
    return rc;
}

/* A case off the plan's road: its verdict through the request it stands for. Out of the
 * caller, so that the caller keeps no request-sized frame. */
static RETOUR__NOINLINE int verdict_of_request(retour_verdict *verdict, retour_decision *decision,
                                               const retour_policy *policy, const retour_case *c,
                                               const retour__category *category,
                                               retour_error *err)
{
    retour_request r;
    request_of_case(&r, c, category);
    return case_error(retour_evaluate_verdict(verdict, decision, policy, &r, err), err);
}

/* A case the verdict refuses to decide: the error, no result. */
static RETOUR__NOINLINE int verdict_failed(int rc, retour_verdict *verdict,
                                           retour_decision *decision)
{
    if (RETOUR__DECISION_OK(decision))
        retour__decision_clear(decision);
    if (verdict) {
        verdict->outcome = RETOUR_OUTCOME_REJECT;
        verdict->reason = "";
        verdict->withdrawal_deadline = RETOUR_DATE_NONE;
    }
    return rc;
}

int retour_evaluate_case_verdict(retour_verdict *verdict, retour_decision *decision,
                                 const retour_policy *policy, const retour_case *c,
                                 retour_error *err)
{
    static const char fn[] = "retour_evaluate_case_verdict";
    const retour__category *category;
    int rc;
    if (RETOUR__UNLIKELY(verdict == NULL || c == NULL || !RETOUR__POLICY_OK(policy) ||
                         !RETOUR__DECISION_OK(decision)))
        return verdict_failed(retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                                           "%s: verdict, decision, policy and case must not "
                                           "be NULL", fn),
                              verdict, decision);
    const retour_policy *terms = case_terms(policy, c);
    if ((rc = check_case(c, fn, err)) ||
        (rc = find_category(&category, terms ? terms : policy, c, fn, err)))
        return verdict_failed(rc, verdict, decision);
    if (RETOUR__UNLIKELY(terms == NULL)) /* versions, no order date: the request names it */
        return verdict_of_request(verdict, decision, policy, c, category, err);
    policy = terms;
    retour__plan_answer a;
    const retour__category *decides = retour__category_or_default(policy, category);
    if (RETOUR__UNLIKELY(!case_ordered_first(c) ||
                         retour__plan_answer_case(policy, c, decides, &a) != RETOUR_OK))
        return verdict_of_request(verdict, decision, policy, c, category, err);
    if (err)
        retour__error_clear(err);
    decision->valid = 0;
    verdict->outcome = a.outcome;
    verdict->reason = retour__code_names[a.deciding];
    verdict->withdrawal_deadline = a.withdrawal_deadline;
    return RETOUR_OK;
}
