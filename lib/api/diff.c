/* What a change of terms changes: every request decided under the old and the new policy,
 * the changes counted and grouped by (old outcome, new outcome, new deciding reason) with
 * the money they move. Two decisions are reused for every request and the groups are
 * bounded by outcomes x reason codes, so memory stays flat however many requests pass. */
#include "base/alloc.h"
#include "base/error.h"
#include "base/options.h"
#include "decision/decision.h"
#include "policy/policy.h"

#include <string.h>

/* A group of changed decisions; reason is a static code name. */
typedef struct group {
    retour_diff_group pub;
} group;

struct retour_diff {
    const retour_allocator *allocator;
    const retour_policy *old_policy, *new_policy;
    retour_decision *old_decision, *new_decision;
    uint64_t count[3]; /* by retour_change */
    int64_t refund_difference;
    group *groups;
    size_t group_count, group_cap;
};

int retour_diff_new(retour_diff **out, const retour_policy *old_policy,
                    const retour_policy *new_policy, const retour_options *options)
{
    if (out == NULL || !RETOUR__POLICY_OK(old_policy) || !RETOUR__POLICY_OK(new_policy) ||
        old_policy->decimals != new_policy->decimals ||
        retour__options_check(options, "retour_diff_new", NULL))
        return RETOUR_EINVAL;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour_diff *diff = retour__malloc(a, sizeof *diff);
    if (diff == NULL)
        return RETOUR_ENOMEM;
    memset(diff, 0, sizeof *diff);
    diff->allocator = a;
    diff->old_policy = old_policy;
    diff->new_policy = new_policy;
    if (retour_decision_new(&diff->old_decision, options) != RETOUR_OK ||
        retour_decision_new(&diff->new_decision, options) != RETOUR_OK) {
        retour_diff_free(diff);
        return RETOUR_ENOMEM;
    }
    *out = diff;
    return RETOUR_OK;
}

/* The codes of a decision's reasons, in order, compared with another's. */
static int same_reasons(const retour_decision *a, const retour_decision *b)
{
    if (a->reason_count != b->reason_count)
        return 0;
    for (size_t i = 0; i < a->reason_count; i++)
        if (a->reasons[i].code != b->reasons[i].code || a->reasons[i].pub.item != b->reasons[i].pub.item)
            return 0;
    return 1;
}

static retour_change change_of(const retour_decision *a, const retour_decision *b)
{
    if (a->outcome != b->outcome || a->refund != b->refund)
        return RETOUR_CHANGE_DECISION;
    if (a->withdrawal_deadline != b->withdrawal_deadline || a->return_by != b->return_by ||
        a->refund_by != b->refund_by || !same_reasons(a, b))
        return RETOUR_CHANGE_DETAIL;
    return RETOUR_CHANGE_NONE;
}

/* Moves group i up past the groups with fewer requests: the list stays ordered by count,
 * groups of equal count in the order they were first seen. */
static void keep_order(retour_diff *diff, size_t i)
{
    while (i > 0 && diff->groups[i].pub.count > diff->groups[i - 1].pub.count) {
        group g = diff->groups[i];
        diff->groups[i] = diff->groups[i - 1];
        diff->groups[i - 1] = g;
        i--;
    }
}

/* Counts a changed decision into its group. */
static int count_group(retour_diff *diff, const retour_decision *a, const retour_decision *b)
{
    const retour_reason *why = retour_decision_deciding_reason(b);
    const char *reason = why ? why->code : "";
    int64_t moved = b->refund - a->refund;
    for (size_t i = 0; i < diff->group_count; i++) {
        retour_diff_group *g = &diff->groups[i].pub;
        if (g->old_outcome == a->outcome && g->new_outcome == b->outcome &&
            strcmp(g->reason, reason) == 0) {
            g->count++;
            g->refund_difference += moved;
            keep_order(diff, i);
            return RETOUR_OK;
        }
    }
    if (diff->group_count == diff->group_cap &&
        retour__grow(diff->allocator, (void **)&diff->groups, &diff->group_cap,
                     diff->group_count + 1, sizeof *diff->groups))
        return RETOUR_ENOMEM;
    retour_diff_group *g = &diff->groups[diff->group_count++].pub;
    g->old_outcome = a->outcome;
    g->new_outcome = b->outcome;
    g->reason = reason; /* a code name: static */
    g->count = 1;
    g->refund_difference = moved;
    return RETOUR_OK;
}

int retour_diff_add(retour_diff *diff, const retour_request *request, retour_change *change,
                    retour_error *err)
{
    if (diff == NULL)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL, "retour_diff_add: diff must not be NULL");
    int rc = retour_evaluate(diff->old_decision, diff->old_policy, request, err);
    if (rc == RETOUR_OK)
        rc = retour_evaluate(diff->new_decision, diff->new_policy, request, err);
    if (rc)
        return rc;
    const retour_decision *a = diff->old_decision, *b = diff->new_decision;
    retour_change c = change_of(a, b);
    if (c == RETOUR_CHANGE_DECISION && (rc = count_group(diff, a, b)))
        return retour__fail(err, rc, NULL, NULL, "out of memory");
    diff->count[c]++;
    diff->refund_difference += b->refund - a->refund;
    if (change)
        *change = c;
    return RETOUR_OK;
}

void retour_diff_decisions(const retour_diff *diff, const retour_decision **old_decision,
                           const retour_decision **new_decision)
{
    if (old_decision)
        *old_decision = diff ? diff->old_decision : NULL;
    if (new_decision)
        *new_decision = diff ? diff->new_decision : NULL;
}

uint64_t retour_diff_count(const retour_diff *diff, retour_change change)
{
    return diff && (unsigned)change < 3 ? diff->count[change] : 0;
}

int64_t retour_diff_refund_difference(const retour_diff *diff)
{
    return diff ? diff->refund_difference : 0;
}

size_t retour_diff_group_count(const retour_diff *diff)
{
    return diff ? diff->group_count : 0;
}

int retour_diff_group_at(const retour_diff *diff, size_t index, retour_diff_group *out)
{
    if (diff == NULL || out == NULL || index >= diff->group_count)
        return RETOUR_EINVAL;
    *out = diff->groups[index].pub;
    return RETOUR_OK;
}

void retour_diff_free(retour_diff *diff)
{
    if (diff == NULL)
        return;
    retour_decision_free(diff->old_decision);
    retour_decision_free(diff->new_decision);
    retour__free(diff->allocator, diff->groups);
    retour__free(diff->allocator, diff);
}
