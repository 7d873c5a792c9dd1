/* Compiling a policy's plan (plan.h): which policies are on the common road, and what the
 * item rules of withdrawal.c and complaint.c decide there, cell by cell. Every choice here
 * restates one of those rules for the road's conditions (a statutory withdrawal in the
 * law's own period, the consumer informed, nothing below the law that the rules would
 * name); the sweep test holds the two to the same decisions. */
#include "plan/plan_build.h"
#include "plan/plan.h"
#include "rules/eval_support.h"
#include "rules/withdrawal.h"
#include "law/calendar.h"
#include "base/date.h"

#include <string.h>

/* The policy clauses the plan assumes for a withdrawal: the period is the law's, counted
 * from delivery, and no clause would be set aside or charge anything. */
static int withdrawal_on_road(const retour_policy *p)
{
    const retour__jurisdiction *j = p->jurisdiction;
    return j->statutory && p->closed != NULL && p->informed &&
           p->starts == RETOUR__START_DELIVERY && p->days == j->withdrawal_days &&
           !p->reason_required && p->condition != RETOUR__COND_UNUSED &&
           p->restocking.action == RETOUR__PKG_ACCEPT && p->opened.action == RETOUR__PKG_ACCEPT &&
           p->return_days >= j->return_days && p->refund_days <= j->refund_days;
}

/* A complaint with a legal guarantee, no commercial one, the law's (or a longer)
 * presumption and a policy remedy that respects the consumer's choice. */
static int complaint_on_road(const retour_policy *p)
{
    const retour__guarantee_law *g = p->guarantee;
    return g->months > 0 && p->guarantee_months == 0 &&
           (p->presumption_months == 0 || p->presumption_months >= g->presumption_months) &&
           (p->remedy == RETOUR_REMEDY_REPAIR || p->remedy == RETOUR_REMEDY_REPLACE);
}

static void add(retour__plan_verdict *v, const retour_policy *p, retour__code code,
                const char *law, retour__src src, const retour__params *prm, int with_category)
{
    if (retour__code_decides[code])
        v->deciding = code;
    retour__reason_make(&v->reasons[v->reason_count], p, code, 0, law, src, prm);
    v->with_category[v->reason_count++] = (unsigned char)with_category;
}

/* retour__below_floor's reason for the item. */
static void add_floor(retour__plan_verdict *v, const retour_policy *p, const char *clause,
                      const char *law, retour__src src)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.name = clause;
    add(v, p, RETOUR__R_POLICY_BELOW_LEGAL_FLOOR, law, src, &prm, 0);
}

/* decide_exclusion and decide_packaging of withdrawal.c in the law's period. Returns 0
 * when the cell needs the rules (a deduction depends on the item's value). */
static int verdict_in_time(retour__plan_verdict *v, const retour_policy *p,
                           const retour__category *c, retour_packaging pkg)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    v->outcome = RETOUR_OUTCOME_ACCEPT;
    if (c && c->exclusion != RETOUR__EXCL_NONE) {
        const char *law = p->law_exception[c->exclusion];
        int applies = 1;
        if (retour__exclusion_needs_unsealing(c->exclusion)) {
            if (pkg == RETOUR_PACKAGING_SEALED) {
                applies = 0;
                add(v, p, RETOUR__R_SEAL_INTACT, law, c->src_exclusion, &prm, 1);
            } else if (pkg == RETOUR_PACKAGING_UNKNOWN && !c->waived) {
                v->outcome = RETOUR_OUTCOME_REVIEW;
                add(v, p, RETOUR__R_PACKAGING_STATE_UNKNOWN, law, c->src_exclusion, &prm, 1);
                return 1;
            }
        }
        if (applies && c->waived) {
            add(v, p, RETOUR__R_EXCLUSION_WAIVED, NULL, c->src_waived, &prm, 1);
        } else if (applies) {
            v->outcome = RETOUR_OUTCOME_REJECT;
            v->goodwill = 1 + RETOUR__REFUSED_EXCLUDED;
            add(v, p, retour__exclusion_code(c->exclusion), law, c->src_exclusion, &prm, 1);
            return 1;
        }
    }
    /* A category the shop does not take back: with no days of its own, the law decides. */
    if (c && !c->returnable)
        add(v, p, RETOUR__R_FLOOR_NOT_RETURNABLE, p->law_period, c->src_returnable, &prm, 1);
    if (pkg == RETOUR_PACKAGING_OPENED) {
        add(v, p, RETOUR__R_PACKAGING_OPENED_ALLOWED, p->law_handling, retour__no_src, &prm, 1);
        return 1;
    }
    if (pkg != RETOUR_PACKAGING_DAMAGED && pkg != RETOUR_PACKAGING_MISSING)
        return 1;
    int damaged = pkg == RETOUR_PACKAGING_DAMAGED;
    const retour__pkg_rule *rule = damaged ? &p->damaged : &p->missing;
    switch (rule->action) {
    case RETOUR__PKG_ACCEPT:
        add(v, p, damaged ? RETOUR__R_DAMAGED_ACCEPTED : RETOUR__R_MISSING_PACKAGING_ACCEPTED,
            NULL, rule->src, &prm, 1);
        return 1;
    case RETOUR__PKG_REJECT:
        /* The right stays: a person assesses the diminished value. */
        add_floor(v, p, damaged ? "packaging.damaged" : "packaging.missing", p->law_handling,
                  rule->src);
        /* fall through */
    case RETOUR__PKG_REVIEW:
        v->outcome = RETOUR_OUTCOME_REVIEW;
        add(v, p, damaged ? RETOUR__R_DAMAGED_REVIEW : RETOUR__R_MISSING_PACKAGING_REVIEW,
            p->law_handling, rule->src, &prm, 1);
        return 1;
    default:
        return 0;
    }
}

/* refuse_late of withdrawal.c: an exception that applies regardless of time, else late. */
static void verdict_late(retour__plan_verdict *v, const retour_policy *p,
                         const retour__category *c, retour_packaging pkg)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    v->outcome = RETOUR_OUTCOME_REJECT;
    v->goodwill = 1 + RETOUR__REFUSED_LATE;
    if (retour__exclusion_refuses_late(c, pkg)) {
        v->goodwill = 1 + RETOUR__REFUSED_EXCLUDED;
        add(v, p, retour__exclusion_code(c->exclusion), p->law_exception[c->exclusion],
            c->src_exclusion, &prm, 1);
    }
}

/* measure() and decide_defect() of complaint.c, the parts fixed by the category. */
static void guarantee_of(retour__plan_guarantee *g, const retour_policy *p,
                         const retour__category *c)
{
    const retour__guarantee_law *law = p->guarantee;
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    retour__src legal_src = p->src_jurisdiction;
    g->legal_months = law->months;
    if (law->lifespan_based && c && c->lifespan_months > g->legal_months) {
        g->legal_months = c->lifespan_months;
        legal_src = c->src_lifespan;
    }
    retour__reason_make(&g->expired, p, RETOUR__R_GUARANTEE_EXPIRED, 0, law->law_period,
                        legal_src, &prm);
    int own = c && c->inspection >= 0;
    g->inspect = own ? c->inspection : p->inspection;
    retour__reason_make(&g->inspection, p, RETOUR__R_INSPECTION_REQUIRED, 0, NULL,
                        own ? c->src_inspection : p->src_inspection, &prm);
}

/* Months as whole years, or -1: a complaint's periods are added by years where they can. */
static int whole_years(int months)
{
    return months % 12 == 0 ? months / 12 : -1;
}

/* The request-wide reasons, parameters filled per request. */
static void request_reasons(retour__plan *plan, const retour_policy *p)
{
    const retour__guarantee_law *g = p->guarantee;
    const char *reg = p->jurisdiction->eu ? RETOUR__REG_PERIODS : NULL;
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.days = p->days;
    retour__reason_make(&plan->within, p, RETOUR__R_WITHIN_WITHDRAWAL_PERIOD, -1,
                        p->law_period, p->src_jurisdiction, &prm);
    retour__reason_make(&plan->expired, p, RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED, -1,
                        p->law_period, p->src_jurisdiction, &prm);
    memset(&prm, 0, sizeof prm);
    retour__reason_make(&plan->period_moved, p, RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY, -1, reg,
                        p->src_jurisdiction, &prm);
    retour__reason_make(&plan->return_moved, p, RETOUR__R_RETURN_BY_MOVED_TO_WORKING_DAY, -1,
                        NULL, p->src_jurisdiction, &prm);
    retour__reason_make(&plan->refund_moved, p, RETOUR__R_REFUND_BY_MOVED_TO_WORKING_DAY, -1,
                        NULL, p->src_jurisdiction, &prm);

    /* The presumption: the law's, or the policy's longer one (which cites no law). */
    int own = p->presumption_months > g->presumption_months;
    plan->presumption_months = own ? p->presumption_months : g->presumption_months;
    plan->presumption_years = whole_years(plan->presumption_months);
    retour__src src = own ? p->src_presumption_months : p->src_jurisdiction;
    const char *law = own ? NULL : g->law_presumption;
    retour__reason_make(&plan->evidence, p, RETOUR__R_EVIDENCE_REQUIRED, 0, law, src, &prm);
    retour__reason_make(&plan->presumed, p, RETOUR__R_PRESUMED_DEFECT, 0, law, src, &prm);
    retour__reason_make(&plan->evidence_no_presumption, p,
                        RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION, 0, NULL,
                        p->src_jurisdiction, &prm);
    retour__reason_make(&plan->remedy, p, RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST, 0,
                        g->law_remedy_order, p->src_remedy, &prm);
}

/* The deciding reason is the item's own, or else the period's. */
static void brief_of(retour__plan_brief *b, int planned, const retour__plan_verdict *v,
                     retour__code period)
{
    b->planned = (uint8_t)planned;
    b->outcome = (uint8_t)v->outcome;
    b->goodwill = (uint8_t)v->goodwill;
    b->unused = 0;
    b->deciding = (uint32_t)(v->deciding != RETOUR__R__COUNT ? v->deciding : period);
}

/* The packed copies of the cells and guarantees the answer reads; the plan is p's once
 * they are made. */
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
        plan->terms[s].legal_months = plan->guarantees[s].legal_months;
        plan->terms[s].legal_years = whole_years(plan->terms[s].legal_months);
        plan->terms[s].inspect = plan->guarantees[s].inspect;
    }
    p->plan = plan;
    return RETOUR_OK;
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
    plan->first = p->closed->first;
    plan->last = p->closed->last - margin;
    request_reasons(plan, p);
    for (size_t s = 0; s < slots; s++) {
        const retour__category *c = s < p->category_count ? &p->categories[s] : NULL;
        guarantee_of(&guarantees[s], p, c);
        for (int k = 0; k < RETOUR_PACKAGING__COUNT; k++) {
            retour__plan_cell *cell = &cells[s * RETOUR_PACKAGING__COUNT + (size_t)k];
            cell->in_time.deciding = cell->late.deciding = RETOUR__R__COUNT;
            cell->planned = verdict_in_time(&cell->in_time, p, c, (retour_packaging)k);
            verdict_late(&cell->late, p, c, (retour_packaging)k);
        }
    }
    return briefs_of(plan, p);
}
