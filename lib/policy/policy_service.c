/* The policy's complaint, goodwill and review sections: how the shop handles defects
 * and how far its service goes beyond the law. */
#include "policy/policy_service.h"
#include "policy/category_index.h"

#include "policy/policy_read.h"
#include "base/names.h"

#include <string.h>

#define MAX_MONTHS 1200
#define MAX_COUNT 1000000L

int retour__load_complaints(retour__ctx *ctx, retour_policy *p, const retour__node *c)
{
    static const char *const keys[] = { "guarantee_months", "presumption_months", "inspection",
                                        "remedy", "notice_within_months", "notice_form" };
    static const char *const inspection[] = { "not_required", "required" };
    /* refund, store_credit and credit_note are below the law (the consumer chooses repair
     * or replacement), so are repair_only and replace_only (the consumer may choose the
     * other); they are accepted so that the lint can point at them and decisions set them
     * aside. */
    static const char *const remedies[] = { "repair", "replace", "refund", "store_credit",
                                            "repair_only", "replace_only", "credit_note" };
    static const retour_remedy remedy_values[] = { RETOUR_REMEDY_REPAIR, RETOUR_REMEDY_REPLACE,
                                                   RETOUR_REMEDY_REFUND,
                                                   RETOUR_REMEDY_STORE_CREDIT,
                                                   RETOUR_REMEDY_REPAIR, RETOUR_REMEDY_REPLACE,
                                                   RETOUR_REMEDY_STORE_CREDIT };
    static const char *const forms[] = { "any", "written", "form" };
    int rc, remedy = 0;
    for (int i = 0; i < 4; i++)
        if (remedy_values[i] == p->remedy)
            remedy = i;
    if ((rc = retour__expect_map(ctx, c)) || (rc = retour__check_keys(ctx, c, keys, 6)) ||
        (rc = retour__opt_int(ctx, c, "guarantee_months", 0, MAX_MONTHS, &p->guarantee_months,
                              &p->src_guarantee_months)) ||
        (rc = retour__opt_int(ctx, c, "presumption_months", 0, MAX_MONTHS,
                              &p->presumption_months, &p->src_presumption_months)) ||
        (rc = retour__opt_choice(ctx, c, "inspection", inspection, 2, &p->inspection,
                                 &p->src_inspection)) ||
        (rc = retour__opt_choice(ctx, c, "remedy", remedies, 7, &remedy, &p->src_remedy)) ||
        (rc = retour__opt_int(ctx, c, "notice_within_months", 1, MAX_MONTHS, &p->notice_months,
                              &p->src_notice_months)) ||
        (rc = retour__opt_choice(ctx, c, "notice_form", forms, 3, &p->notice_form,
                                 &p->src_notice_form)))
        return rc;
    p->remedy = remedy_values[remedy];
    p->remedy_only = remedy == 4 || remedy == 5 ? (int)remedy_values[remedy] : 0;
    p->credit_note = remedy == 6;
    return RETOUR_OK;
}

int retour__load_category_complaints(retour__ctx *ctx, retour__category *c,
                                     const retour__node *body)
{
    static const char *const inspection[] = { "not_required", "required" };
    int rc = retour__opt_int(ctx, body, "lifespan_months", 1, MAX_MONTHS, &c->lifespan_months,
                             &c->src_lifespan);
    if (rc == RETOUR_OK)
        rc = retour__opt_choice(ctx, body, "inspection", inspection, 2, &c->inspection,
                                &c->src_inspection);
    return rc;
}

int retour__load_review(retour__ctx *ctx, retour_policy *p, const retour__node *r)
{
    static const char *const keys[] = { "claims_last_year", "amount" };
    int rc;
    if ((rc = retour__expect_map(ctx, r)) || (rc = retour__check_keys(ctx, r, keys, 2)) ||
        (rc = retour__opt_int(ctx, r, "claims_last_year", 1, MAX_COUNT, &p->review_claims,
                              &p->src_review_claims)) ||
        (rc = retour__opt_money(ctx, p, r, "amount", &p->review_amount, &p->src_review_amount)))
        return rc;
    return RETOUR_OK;
}

/* cause: accident, or cause: [misuse, accident] */
static int read_causes(retour__ctx *ctx, const retour__node *n, unsigned *causes)
{
    size_t count = n->kind == RETOUR__NODE_SEQ ? n->count : 1;
    for (size_t i = 0; i < count; i++) {
        const retour__node *item = n->kind == RETOUR__NODE_SEQ ? n->items[i] : n;
        size_t saved = n->kind == RETOUR__NODE_SEQ ? retour__path_push_index(ctx, i) : 0;
        int v = 0;
        int rc = retour__read_enum(ctx, item, retour__cause_names, RETOUR_CAUSE__COUNT, &v);
        if (n->kind == RETOUR__NODE_SEQ)
            retour__path_pop(ctx, saved);
        if (rc)
            return rc;
        *causes |= 1u << v;
    }
    return RETOUR_OK;
}

/* categories: [jewellery, watches]: each must be a category of the policy. */
static int read_categories(retour__ctx *ctx, retour_policy *p, const retour__node *n,
                           retour__goodwill_rule *rule)
{
    int rc = retour__expect_seq(ctx, n);
    if (rc)
        return rc;
    rule->categories = retour__arena_alloc(&p->arena, (n->count + 1) * sizeof *rule->categories);
    if (rule->categories == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < n->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        const char *name;
        rc = retour__read_string(ctx, n->items[i], &name);
        if (rc == RETOUR_OK && retour__policy_category(p, name) == NULL)
            rc = retour__fail_at(ctx, n->items[i], RETOUR_ESCHEMA,
                                 "unknown category '%s'; it must be one of the keys under "
                                 "categories",
                                 name);
        retour__path_pop(ctx, saved);
        if (rc)
            return rc;
        rule->categories[i] = (size_t)(retour__policy_category(p, name) - p->categories);
    }
    rule->category_count = n->count;
    return RETOUR_OK;
}

static int load_when(retour__ctx *ctx, retour_policy *p, const retour__node *w,
                     retour__goodwill_rule *rule)
{
    static const char *const keys[] = {
        "type", "min_orders", "min_lifetime_spend", "max_amount", "max_days_late",
        "max_goodwill_last_year", "max_claims_last_year", "cause", "customer_admits_damage",
        "categories", "excluded"
    };
    static const char *const types[] = { "withdrawal", "complaint" };
    const retour__node *n;
    int rc;
    if ((rc = retour__expect_map(ctx, w)) ||
        (rc = retour__check_keys(ctx, w, keys, sizeof keys / sizeof keys[0])) ||
        (rc = retour__opt_choice(ctx, w, "type", types, 2, &rule->type, NULL)) ||
        (rc = retour__opt_int(ctx, w, "min_orders", 0, MAX_COUNT, &rule->min_orders, NULL)) ||
        (rc = retour__opt_money(ctx, p, w, "min_lifetime_spend", &rule->min_lifetime_spend,
                                NULL)) ||
        (rc = retour__opt_money(ctx, p, w, "max_amount", &rule->max_amount, NULL)) ||
        (rc = retour__opt_int(ctx, w, "max_days_late", 0, 36500, &rule->max_days_late, NULL)) ||
        (rc = retour__opt_int(ctx, w, "max_goodwill_last_year", 0, MAX_COUNT,
                              &rule->max_goodwill_last_year, NULL)) ||
        (rc = retour__opt_int(ctx, w, "max_claims_last_year", 0, MAX_COUNT,
                              &rule->max_claims_last_year, NULL)) ||
        (rc = retour__opt_flag(ctx, w, "customer_admits_damage", &rule->admits_damage, NULL)) ||
        (rc = retour__opt_flag(ctx, w, "excluded", &rule->excluded, NULL)))
        return rc;
    if ((n = retour__opt(w, "cause")))
        RETOUR__WITH_KEY(ctx, "cause", read_causes(ctx, n, &rule->causes));
    if ((n = retour__opt(w, "categories")))
        RETOUR__WITH_KEY(ctx, "categories", read_categories(ctx, p, n, rule));
    return RETOUR_OK;
}

/* refund | store_credit | exchange | repair | replace | partial_refund N% | repair_discount N% */
static int read_grant(retour__ctx *ctx, const retour__node *n, retour__goodwill_rule *rule)
{
    static const char *const words[] = { "refund", "store_credit", "exchange", "repair",
                                         "replace", "partial_refund", "repair_discount" };
    static const retour_remedy remedies[] = {
        RETOUR_REMEDY_REFUND, RETOUR_REMEDY_STORE_CREDIT, RETOUR_REMEDY_EXCHANGE,
        RETOUR_REMEDY_REPAIR, RETOUR_REMEDY_REPLACE, RETOUR_REMEDY_PARTIAL_REFUND,
        RETOUR_REMEDY_REPAIR_DISCOUNT
    };
    int word;
    int rc = retour__read_word_percent(ctx, n, words, 7, &word, &rule->grant_bp);
    if (rc)
        return rc;
    rule->grant = remedies[word];
    rule->src_grant = retour__src_of(n);
    int needs_percent = rule->grant == RETOUR_REMEDY_PARTIAL_REFUND ||
                        rule->grant == RETOUR_REMEDY_REPAIR_DISCOUNT;
    if (needs_percent && rule->grant_bp == 0)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "'%s' needs a percentage, e.g. '%s 50%%'", words[word],
                               words[word]);
    if (!needs_percent && rule->grant_bp != 0)
        return retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                               "'%s' takes no percentage; only partial_refund and "
                               "repair_discount do",
                               words[word]);
    return RETOUR_OK;
}

static int load_rule(retour__ctx *ctx, retour_policy *p, const retour__node *r,
                     retour__goodwill_rule *rule)
{
    static const char *const keys[] = { "name", "when", "grant" };
    const retour__node *n;
    int rc;
    memset(rule, 0, sizeof *rule);
    rule->type = -1;
    rule->max_amount = -1;
    rule->max_days_late = -1;
    rule->max_goodwill_last_year = -1;
    rule->max_claims_last_year = -1;
    rule->admits_damage = -1;
    rule->src = retour__src_of(r);
    if ((rc = retour__expect_map(ctx, r)) || (rc = retour__check_keys(ctx, r, keys, 3)))
        return rc;
    size_t saved = retour__path_push_key(ctx, "name");
    rc = retour__require(ctx, r, "name", "a name for the rule, shown in decisions", &n);
    if (rc == RETOUR_OK)
        rc = retour__read_string(ctx, n, &rule->name);
    retour__path_pop(ctx, saved);
    if (rc)
        return rc; /* the rule cannot be told apart without its name */
    for (const retour__goodwill_rule *o = p->goodwill; o < rule; o++)
        if (strcmp(o->name, rule->name) == 0) {
            saved = retour__path_push_key(ctx, "name");
            rc = retour__fail_at(ctx, n, RETOUR_ESCHEMA,
                                 "rule name '%s' is used twice; decisions name the rule, so "
                                 "names must be unique",
                                 rule->name);
            retour__path_pop(ctx, saved);
            return rc;
        }
    rule->name = retour__arena_strndup(&p->arena, rule->name, n->len);
    if (rule->name == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    if ((n = retour__opt(r, "when")))
        RETOUR__WITH_KEY(ctx, "when", load_when(ctx, p, n, rule));
    saved = retour__path_push_key(ctx, "grant");
    rc = retour__require(ctx, r, "grant",
                         "refund, store_credit, exchange, repair, replace, 'partial_refund N%' "
                         "or 'repair_discount N%'", &n);
    if (rc == RETOUR_OK)
        rc = read_grant(ctx, n, rule);
    retour__path_pop(ctx, saved);
    if (rc)
        return rc;
    return RETOUR_OK;
}

int retour__load_goodwill(retour__ctx *ctx, retour_policy *p, const retour__node *list)
{
    int rc = retour__expect_seq(ctx, list);
    if (rc)
        return rc;
    p->goodwill = retour__arena_alloc(&p->arena, (list->count + 1) * sizeof *p->goodwill);
    if (p->goodwill == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ENOMEM, "out of memory");
    for (size_t i = 0; i < list->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        p->goodwill_count = i; /* earlier rules, for the duplicate-name check */
        rc = load_rule(ctx, p, list->items[i], &p->goodwill[i]);
        retour__path_pop(ctx, saved);
        if (rc)
            return rc;
    }
    p->goodwill_count = list->count;
    return RETOUR_OK;
}
