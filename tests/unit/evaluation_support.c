/* Fixture and helpers shared by the unit tests of retour_evaluate(); see evaluation_support.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluation_support.h"

int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    if (retour_request_new(&f->r, RETOUR_REQUEST_WITHDRAWAL, NULL) != RETOUR_OK ||
        retour_decision_new(&f->d, NULL) != RETOUR_OK) {
        retour_request_free(f->r);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

int teardown(void **state)
{
    fx *f = *state;
    retour_policy_free(f->p);
    retour_request_free(f->r);
    retour_decision_free(f->d);
    free(f);
    return 0;
}

retour_date ymd(int year, int month, int day)
{
    retour_date out = RETOUR_DATE_NONE;
    assert_int_equal(retour_date_from_ymd(&out, year, month, day), RETOUR_OK);
    return out;
}

void load(fx *f, const char *yaml)
{
    retour_policy_free(f->p);
    f->p = NULL;
    int rc = retour_policy_load_string(&f->p, yaml, strlen(yaml), POLICY_NAME, NULL, &f->err);
    if (rc != RETOUR_OK) {
        char line[512];
        retour_error_format(line, sizeof line, &f->err);
        print_error("policy did not load: %s\n", line);
    }
    assert_int_equal(rc, RETOUR_OK);
}

void reset(fx *f, retour_date notified)
{
    assert_int_equal(retour_request_reset(f->r, RETOUR_REQUEST_WITHDRAWAL), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(f->r, notified), RETOUR_OK);
}

void add(fx *f, const char *sku, const char *category, int64_t price, int quantity,
         retour_date delivered, retour_packaging packaging)
{
    size_t index = (size_t)-1;
    size_t before = retour_request_item_count(f->r);
    assert_int_equal(retour_request_add_item(f->r, &index, sku, category, price, quantity,
                                             delivered, packaging),
                     RETOUR_OK);
    assert_int_equal(index, before);
}

void shipping(fx *f, int64_t minor)
{
    assert_int_equal(retour_request_set_shipping_paid(f->r, minor), RETOUR_OK);
}

void eval_ok(fx *f)
{
    int rc = retour_evaluate(f->d, f->p, f->r, &f->err);
    if (rc != RETOUR_OK)
        print_error("evaluate failed: %d %s: %s\n", rc, f->err.path, f->err.message);
    assert_int_equal(rc, RETOUR_OK);
    assert_int_equal(f->err.code, RETOUR_OK);
}

void eval_one(fx *f, retour_date notified, const char *sku, const char *category, int64_t price,
              retour_date delivered, retour_packaging packaging)
{
    reset(f, notified);
    add(f, sku, category, price, 1, delivered, packaging);
    eval_ok(f);
}

void assert_date(retour_date actual, const char *expected)
{
    if (expected == NULL) {
        assert_int_equal(actual, RETOUR_DATE_NONE);
        return;
    }
    char buf[11];
    assert_int_equal(retour_date_format(buf, actual), RETOUR_OK);
    assert_string_equal(buf, expected);
}

void assert_opt_string(const char *actual, const char *expected)
{
    if (expected == NULL) {
        assert_null(actual);
    } else {
        assert_non_null(actual);
        assert_string_equal(actual, expected);
    }
}

void assert_contains(const char *haystack, const char *needle)
{
    if (strstr(haystack, needle) == NULL)
        fail_msg("\"%s\" does not contain \"%s\"", haystack, needle);
}

void assert_reasons(const retour_decision *d, const char *expected)
{
    char got[1024] = "";
    size_t used = 0;
    size_t count = retour_decision_reason_count(d);
    for (size_t i = 0; i < count; i++) {
        const retour_reason *r = retour_decision_reason(d, i);
        assert_non_null(r);
        if (r->item >= 0)
            used += (size_t)snprintf(got + used, sizeof got - used, "%s%s#%ld", i ? " " : "",
                                     r->code, r->item);
        else
            used += (size_t)snprintf(got + used, sizeof got - used, "%s%s", i ? " " : "",
                                     r->code);
        assert_true(used < sizeof got);
    }
    assert_null(retour_decision_reason(d, count));
    assert_string_equal(got, expected);
}

size_t reason_index(const retour_decision *d, const char *code, long item)
{
    size_t found = (size_t)-1;
    for (size_t i = 0; i < retour_decision_reason_count(d); i++) {
        const retour_reason *r = retour_decision_reason(d, i);
        if (strcmp(r->code, code) == 0 && r->item == item) {
            if (found != (size_t)-1)
                fail_msg("reason %s#%ld appears twice", code, item);
            found = i;
        }
    }
    if (found == (size_t)-1)
        fail_msg("no reason %s#%ld", code, item);
    return found;
}

const retour_reason *assert_reason(const retour_decision *d, const char *code, long item,
                                   const char *law, int line, int column)
{
    const retour_reason *r = retour_decision_reason(d, reason_index(d, code, item));
    assert_string_equal(r->code, code);
    assert_int_equal(r->item, item);
    assert_opt_string(r->law, law);
    assert_int_equal(r->source_line, line);
    assert_int_equal(r->source_column, column);
    assert_opt_string(r->source_file, line ? POLICY_NAME : NULL);
    return r;
}

void assert_item(const retour_decision *d, size_t item, retour_outcome outcome, int64_t refund,
                 int64_t deduction)
{
    assert_true(item < retour_decision_item_count(d));
    assert_string_equal(retour_outcome_name(retour_decision_item_outcome(d, item)),
                        retour_outcome_name(outcome));
    assert_int_equal(retour_decision_item_refund(d, item), refund);
    assert_int_equal(retour_decision_item_deduction(d, item), deduction);
}

const char *message(const retour_decision *d, size_t index, retour_lang lang)
{
    static char buf[512];
    int n = retour_decision_reason_message(d, index, lang, buf, sizeof buf);
    assert_true(n > 0);
    assert_true((size_t)n < sizeof buf);
    assert_int_equal((size_t)n, strlen(buf));
    assert_null(strchr(buf, '{'));
    assert_null(strchr(buf, '}'));
    return buf;
}

void reset_complaint(fx *f, retour_date notified)
{
    assert_int_equal(retour_request_reset(f->r, RETOUR_REQUEST_COMPLAINT), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(f->r, notified), RETOUR_OK);
}

void complain(fx *f, size_t item, retour_date noticed, retour_cause cause, int admits,
              retour_remedy remedy, int remedy_failed)
{
    assert_int_equal(retour_request_set_item_complaint(f->r, item, noticed, cause, admits, remedy,
                                                       remedy_failed),
                     RETOUR_OK);
}

void customer(fx *f, int orders, int claims_last_year, int goodwill_last_year,
              int64_t lifetime_spend)
{
    assert_int_equal(retour_request_set_customer(f->r, orders, claims_last_year), RETOUR_OK);
    assert_int_equal(retour_request_set_customer_history(f->r, goodwill_last_year,
                                                         lifetime_spend),
                     RETOUR_OK);
}

void assert_decided(const retour_decision *d, retour_outcome outcome, retour_basis basis,
                    int64_t refund, int64_t store_credit)
{
    assert_string_equal(retour_outcome_name(retour_decision_outcome(d)),
                        retour_outcome_name(outcome));
    assert_string_equal(retour_basis_name(retour_decision_basis(d)), retour_basis_name(basis));
    assert_int_equal(retour_decision_refund(d), refund);
    assert_int_equal(retour_decision_store_credit(d), store_credit);
}

void assert_remedy(const retour_decision *d, size_t item, retour_remedy remedy,
                   int32_t basis_points)
{
    assert_string_equal(retour_remedy_name(retour_decision_item_remedy(d, item)),
                        retour_remedy_name(remedy));
    assert_int_equal(retour_decision_item_remedy_basis_points(d, item), basis_points);
}

void eval_fails(fx *f, int code, const char *path, const char *msg)
{
    int rc = retour_evaluate(f->d, f->p, f->r, &f->err);
    assert_int_equal(rc, code);
    assert_int_equal(f->err.code, code);
    assert_string_equal(f->err.path, path);
    assert_string_equal(f->err.message, msg);
    assert_int_equal(retour_decision_item_count(f->d), 0);
    assert_int_equal(retour_decision_reason_count(f->d), 0);
    assert_int_equal(retour_decision_refund(f->d), 0);
}

void load_fails(fx *f, const char *yaml, int code, int line, int column, const char *path,
                const char *msg)
{
    retour_policy_free(f->p);
    f->p = NULL;
    retour_policy *p = NULL;
    int rc = retour_policy_load_string(&p, yaml, strlen(yaml), POLICY_NAME, NULL, &f->err);
    if (rc == RETOUR_OK)
        retour_policy_free(p);
    assert_int_equal(rc, code);
    assert_null(p);
    assert_int_equal(f->err.code, code);
    assert_string_equal(f->err.file, POLICY_NAME);
    assert_int_equal(f->err.line, line);
    assert_int_equal(f->err.column, column);
    assert_string_equal(f->err.path, path);
    assert_string_equal(f->err.message, msg);
}

const char *reason_message(const retour_decision *d, const char *code, long item,
                           retour_lang lang)
{
    return message(d, reason_index(d, code, item), lang);
}

void assert_summary(const retour_decision *d, retour_outcome outcome, retour_basis basis,
                    int64_t refund, const char *deadline)
{
    assert_string_equal(retour_outcome_name(retour_decision_outcome(d)),
                        retour_outcome_name(outcome));
    assert_string_equal(retour_basis_name(retour_decision_basis(d)), retour_basis_name(basis));
    assert_int_equal(retour_decision_refund(d), refund);
    assert_date(retour_decision_withdrawal_deadline(d), deadline);
}
