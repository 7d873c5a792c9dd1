/* An unlisted category is visible: an item that names a category the policy does not list
 * gets the reason category_not_listed (item-level, deciding nothing), with the category it
 * named and the default category that decides instead, or saying that none does. A listed
 * category, or none, gets no such reason; a name that differs from a listed one only in
 * letter case is not listed, and the message says so. A case naming an unlisted id gets the
 * reason too. The reason's parameters are read from the decision's internals
 * (decision/decision.h); everything else through the public API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "decision/decision.h"
#include "evaluation_support.h"

/* Lines of the policies below: the default category's value is on line 8, column 19. */
#define CATEGORIES                                                                        \
    "categories:\n"                          /* 4 */                                      \
    "  apparel: {}\n"                        /* 5 */                                      \
    "  underwear: { exclusion: hygiene_sealed }\n" /* 6 */                               \
    "  custom: { exclusion: personalised }\n" /* 7 */
#define WITH_DEFAULT HEAD("DE") CATEGORIES "default_category: apparel\n" /* 8, column 19 */
#define WITHOUT_DEFAULT HEAD("DE") CATEGORIES

#define EN_DEFAULT(cat, def)                                                              \
    "The policy does not list the category '" cat "', so its default category '" def      \
    "' decides."
#define NL_DEFAULT(cat, def)                                                              \
    "Het beleid noemt de categorie '" cat "' niet, dus de standaardcategorie '" def        \
    "' beslist."
#define EN_NONE(cat)                                                                      \
    "The policy does not list the category '" cat "' and has no default category, so the " \
    "item is decided without a category."
#define NL_NONE(cat)                                                                      \
    "Het beleid noemt de categorie '" cat "' niet en heeft geen standaardcategorie, dus "  \
    "het artikel wordt zonder categorie beoordeeld."

/* The reason's record (code, item, parameters), by its index in the decision. */
static const retour__reason_rec *rec_at(const retour_decision *d, size_t index)
{
    assert_true(index < d->reason_count);
    return &d->reasons[index];
}

/* The only category_not_listed of item i: its place in the policy (line 0: none), its
 * parameters (category NULL: a case's id) and its messages in English and Dutch. */
static void assert_not_listed(const retour_decision *d, long item, int line, int column,
                              const char *category, const char *default_category,
                              const char *en, const char *nl)
{
    size_t k = reason_index(d, "category_not_listed", item);
    assert_reason(d, "category_not_listed", item, NULL, line, column);
    const retour__reason_rec *rec = rec_at(d, k);
    assert_opt_string(rec->params.category, category);
    assert_opt_string(rec->params.name, default_category);
    assert_string_equal(message(d, k, RETOUR_LANG_EN), en);
    assert_string_equal(message(d, k, RETOUR_LANG_NL), nl);
}

/* An unlisted name with a default category: the default decides (here an ordinary item
 * accepted in time), the reason names both, cites the default_category line and decides
 * nothing. */
static void test_unlisted_with_default(void **state)
{
    fx *f = *state;
    load(f, WITH_DEFAULT);
    eval_one(f, ymd(2026, 3, 16), "A", "gadgets", 2500, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 2500, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0");
    assert_not_listed(f->d, 0, 8, 19, "gadgets", "apparel", EN_DEFAULT("gadgets", "apparel"),
                      NL_DEFAULT("gadgets", "apparel"));
    assert_string_equal(retour_decision_deciding_reason(f->d)->code, "within_withdrawal_period");

    /* The default decides what it says: here an exclusion. */
    load(f, HEAD("DE") CATEGORIES "default_category: custom\n");
    eval_one(f, ymd(2026, 3, 16), "A", "gadgets", 2500, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0 "
                         "excluded_personalised#0");
    assert_not_listed(f->d, 0, 8, 19, "gadgets", "custom", EN_DEFAULT("gadgets", "custom"),
                      NL_DEFAULT("gadgets", "custom"));
    assert_string_equal(retour_decision_deciding_reason(f->d)->code, "excluded_personalised");
}

/* Without a default category the item is decided without one, and the reason says so. */
static void test_unlisted_without_default(void **state)
{
    fx *f = *state;
    load(f, WITHOUT_DEFAULT);
    eval_one(f, ymd(2026, 3, 16), "A", "gadgets", 2500, ymd(2026, 3, 3), RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 2500, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0 "
                         "packaging_opened_allowed#0");
    assert_not_listed(f->d, 0, 0, 0, "gadgets", NULL, EN_NONE("gadgets"), NL_NONE("gadgets"));

    /* A policy without categories at all. */
    load(f, HEAD("NL"));
    eval_one(f, ymd(2026, 3, 16), "A", "gadgets", 2500, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0");
    assert_not_listed(f->d, 0, 0, 0, "gadgets", NULL, EN_NONE("gadgets"), NL_NONE("gadgets"));
}

/* A listed category, or none, gets no such reason; in a request of several items only the
 * unlisted one does, with its own index. */
static void test_listed_or_none_is_silent(void **state)
{
    fx *f = *state;
    for (int with_default = 0; with_default < 2; with_default++) {
        load(f, with_default ? WITH_DEFAULT : WITHOUT_DEFAULT);
        static const char *const quiet[] = { "apparel", "underwear", "custom", NULL };
        for (size_t k = 0; k < sizeof quiet / sizeof quiet[0]; k++) {
            eval_one(f, ymd(2026, 3, 16), "A", quiet[k], 2500, ymd(2026, 3, 3),
                     RETOUR_PACKAGING_SEALED);
            for (size_t i = 0; i < retour_decision_reason_count(f->d); i++)
                assert_string_not_equal(retour_decision_reason(f->d, i)->code,
                                        "category_not_listed");
        }
        reset(f, ymd(2026, 3, 16));
        add(f, "A", "apparel", 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
        add(f, "B", "hats", 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
        add(f, "C", NULL, 1000, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
        eval_ok(f);
        assert_reasons(f->d, "within_withdrawal_period category_not_listed#1");
    }
}

/* Underwear is not underwear: names match exactly, so the hygiene exception of the listed
 * category does not apply to the item, and the message points at the letter case. */
static void test_letter_case_is_not_listed(void **state)
{
    fx *f = *state;
    load(f, WITH_DEFAULT);
    eval_one(f, ymd(2026, 3, 16), "A", "Underwear", 1500, ymd(2026, 3, 3),
             RETOUR_PACKAGING_OPENED);
    assert_summary(f->d, RETOUR_OUTCOME_ACCEPT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 1500, "2026-03-17");
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0 "
                         "packaging_opened_allowed#0");
    assert_not_listed(f->d, 0, 8, 19, "Underwear", "apparel",
                      "The policy does not list the category 'Underwear': a listed category "
                      "differs from it only in upper and lower case, and names must match "
                      "exactly. The default category 'apparel' decides.",
                      "Het beleid noemt de categorie 'Underwear' niet: een genoemde categorie "
                      "verschilt er alleen in hoofd- en kleine letters van, en namen moeten "
                      "precies overeenkomen. De standaardcategorie 'apparel' beslist.");
    /* The listed name itself is refused once unsealed. */
    eval_one(f, ymd(2026, 3, 16), "A", "underwear", 1500, ymd(2026, 3, 3),
             RETOUR_PACKAGING_OPENED);
    assert_reasons(f->d, "within_withdrawal_period excluded_unsealed_hygiene#0");

    load(f, WITHOUT_DEFAULT);
    eval_one(f, ymd(2026, 3, 16), "A", "CUSTOM", 1500, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0");
    assert_not_listed(f->d, 0, 0, 0, "CUSTOM", NULL,
                      "The policy does not list the category 'CUSTOM': a listed category "
                      "differs from it only in upper and lower case, and names must match "
                      "exactly. The policy has no default category, so the item is decided "
                      "without a category.",
                      "Het beleid noemt de categorie 'CUSTOM' niet: een genoemde categorie "
                      "verschilt er alleen in hoofd- en kleine letters van, en namen moeten "
                      "precies overeenkomen. Het beleid heeft geen standaardcategorie, dus het "
                      "artikel wordt zonder categorie beoordeeld.");

    /* Only letters fold: a longer or shorter name, or other characters, get no hint. */
    static const char *const other[] = { "Underwea", "Underwears", "underwear ", "cust0m" };
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
        eval_one(f, ymd(2026, 3, 16), "A", other[k], 1500, ymd(2026, 3, 3),
                 RETOUR_PACKAGING_SEALED);
        char en[256], nl[256];
        snprintf(en, sizeof en, EN_NONE("%s"), other[k]);
        snprintf(nl, sizeof nl, NL_NONE("%s"), other[k]);
        assert_not_listed(f->d, 0, 0, 0, other[k], NULL, en, nl);
    }
}

/* A complaint says it as well, before the guarantee's reasons. */
static void test_complaint(void **state)
{
    fx *f = *state;
    load(f, WITH_DEFAULT);
    reset_complaint(f, ymd(2026, 9, 1));
    assert_int_equal(retour_request_set_ordered(f->r, ymd(2026, 3, 1)), RETOUR_OK);
    add(f, "A", "gadgets", 2500, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_UNKNOWN);
    complain(f, 0, RETOUR_DATE_NONE, RETOUR_CAUSE_DEFECT, 0, RETOUR_REMEDY_REPAIR, 0);
    eval_ok(f);
    assert_reasons(f->d, "category_not_listed#0 defect_confirmed#0 remedy_consumer_choice#0");
    assert_not_listed(f->d, 0, 8, 19, "gadgets", "apparel", EN_DEFAULT("gadgets", "apparel"),
                      NL_DEFAULT("gadgets", "apparel"));
    assert_string_equal(retour_decision_deciding_reason(f->d)->code, "defect_confirmed");
}

/* A case names its category by id; an id the policy does not list has no name to show, and
 * the reason says the given id is not listed. */
static void test_case_id(void **state)
{
    fx *f = *state;
    retour_case c = RETOUR_CASE_INIT;
    c.type = RETOUR_REQUEST_WITHDRAWAL;
    c.notified = ymd(2026, 3, 16);
    c.delivered = ymd(2026, 3, 3);
    c.price = 2500;
    c.packaging = RETOUR_PACKAGING_SEALED;
    c.category = retour_category_id("Underwear");

    load(f, WITH_DEFAULT);
    assert_int_equal(retour_evaluate_case(f->d, f->p, &c, &f->err), RETOUR_OK);
    assert_reasons(f->d, "within_withdrawal_period category_not_listed#0");
    assert_not_listed(f->d, 0, 8, 19, NULL, "apparel",
                      "The policy lists no category with the given category id, so its default "
                      "category 'apparel' decides.",
                      "Het beleid noemt geen categorie met de opgegeven categorie-id, dus de "
                      "standaardcategorie 'apparel' beslist.");
    retour_verdict v;
    assert_int_equal(retour_evaluate_case_verdict(&v, f->d, f->p, &c, &f->err), RETOUR_OK);
    assert_string_equal(v.reason, "within_withdrawal_period");

    load(f, WITHOUT_DEFAULT);
    assert_int_equal(retour_evaluate_case(f->d, f->p, &c, &f->err), RETOUR_OK);
    assert_not_listed(f->d, 0, 0, 0, NULL, NULL,
                      "The policy lists no category with the given category id and has no "
                      "default category, so the item is decided without a category.",
                      "Het beleid noemt geen categorie met de opgegeven categorie-id en heeft "
                      "geen standaardcategorie, dus het artikel wordt zonder categorie "
                      "beoordeeld.");

    /* A listed id, or none, is silent. */
    c.category = retour_category_id("apparel");
    assert_int_equal(retour_evaluate_case(f->d, f->p, &c, &f->err), RETOUR_OK);
    assert_reasons(f->d, "within_withdrawal_period");
    c.category = RETOUR_CATEGORY_NONE;
    assert_int_equal(retour_evaluate_case(f->d, f->p, &c, &f->err), RETOUR_OK);
    assert_reasons(f->d, "within_withdrawal_period");
}

typedef struct step_log {
    char text[512];
    size_t used;
} step_log;

/* The trace's steps as "rule#item:matched[reason]", separated by spaces. */
static void log_step(void *ctx, const retour_trace_event *e)
{
    step_log *log = ctx;
    log->used += (size_t)snprintf(log->text + log->used, sizeof log->text - log->used,
                                  "%s%s#%ld:%d[%s]", log->used ? " " : "", e->rule, e->item,
                                  e->matched, e->reason ? e->reason : "");
    assert_true(log->used < sizeof log->text);
}

/* retour explain shows it: the default_category rule applied (or, without a default
 * category, did not), and the traced decision is the one retour_evaluate() makes (which
 * the plan would otherwise have copied from its cells). */
static void test_trace_and_plan(void **state)
{
    fx *f = *state;
    static const struct {
        const char *policy, *steps;
    } cases[] = {
        { WITH_DEFAULT,
          "withdrawal.period#-1:1[within_withdrawal_period] "
          "default_category#0:1[category_not_listed]" },
        { WITHOUT_DEFAULT,
          "withdrawal.period#-1:1[within_withdrawal_period] "
          "default_category#0:0[category_not_listed]" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        load(f, cases[k].policy);
        reset(f, ymd(2026, 3, 16));
        add(f, "A", "gadgets", 2500, 1, ymd(2026, 3, 3), RETOUR_PACKAGING_SEALED);
        eval_ok(f);
        char fast[2048], traced[2048];
        assert_true(retour_decision_to_json(f->d, RETOUR_LANG_NL, fast, sizeof fast) > 0);
        step_log log = { "", 0 };
        assert_int_equal(retour_evaluate_traced(f->d, f->p, f->r, log_step, &log, &f->err),
                         RETOUR_OK);
        assert_true(retour_decision_to_json(f->d, RETOUR_LANG_NL, traced, sizeof traced) > 0);
        assert_string_equal(fast, traced);
        assert_contains(log.text, cases[k].steps);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_unlisted_with_default),
        T(test_unlisted_without_default),
        T(test_listed_or_none_is_silent),
        T(test_letter_case_is_not_listed),
        T(test_complaint),
        T(test_case_id),
        T(test_trace_and_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
