/* Policy test suites: a YAML file of named cases, each a request and the decision it must
 * get. A shop keeps one next to its policy so CI fails when a change decides a known case
 * differently. Format: docs/policy-tests.md. */
#include "decision/decision.h"
#include "base/money.h"
#include "policy/policy.h"
#include "policy/policy_read.h"
#include "request/request_parse.h"
#include "policy/schema.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <string.h>

typedef struct suite {
    retour__ctx ctx;
    const retour_policy *policy;
    retour_date today;
    retour_case_fn fn;
    void *fn_ctx;
    size_t failed;
    retour_request *request;
    retour_decision *decision;
    retour__strbuf failure;
    char label[32]; /* prefix of mismatch lines: "" or "items[1]." */
} suite;

static void mismatch_str(suite *s, const char *key, const char *want, const char *got)
{
    if (strcmp(want, got) != 0)
        retour__strbuf_printf(&s->failure, "%s%s: expected %s, got %s\n", s->label, key, want, got);
}

static int expect_name(suite *s, const retour__node *expect, const char *key,
                       const char *actual)
{
    const retour__node *n = retour__opt(expect, key);
    const char *want;
    if (n == NULL)
        return RETOUR_OK;
    RETOUR__WITH_KEY(&s->ctx, key, retour__read_string(&s->ctx, n, &want));
    mismatch_str(s, key, want, actual);
    return RETOUR_OK;
}

/* The terms that decided (policy/terms.h): policy_version names the version by its first
 * day or its name, `none` for the top-level terms; market its country code or `none`. */
static int expect_terms(suite *s, const retour__node *expect, const retour_policy *terms)
{
    const retour__node *n = retour__opt(expect, "policy_version");
    if (n) {
        char from[11] = "none";
        const char *name = NULL, *want;
        if (terms->version >= 0) {
            const retour__terms_version *v = &terms->root->versions[terms->version];
            retour_date_format(from, v->from);
            name = v->name;
        }
        RETOUR__WITH_KEY(&s->ctx, "policy_version", retour__read_string(&s->ctx, n, &want));
        if (!(name && strcmp(want, name) == 0))
            mismatch_str(s, "policy_version", want, from);
    }
    const retour_policy *root = terms->root;
    return expect_name(s, expect, "market",
                       terms->market >= 0 ? root->markets[terms->market].code : "none");
}

static int expect_money(suite *s, const retour__node *expect, const char *key, int64_t actual)
{
    const retour__node *n = retour__opt(expect, key);
    const retour_policy *p = s->policy;
    int64_t want;
    if (n == NULL)
        return RETOUR_OK;
    RETOUR__WITH_KEY(&s->ctx, key, retour__read_money(&s->ctx, n, p->decimals, p->currency,
                                                       &want));
    if (want != actual) {
        char a[32], b[32];
        retour__money_format(a, sizeof a, want, p->decimals);
        retour__money_format(b, sizeof b, actual, p->decimals);
        retour__strbuf_printf(&s->failure, "%s%s: expected %s, got %s\n", s->label, key, a, b);
    }
    return RETOUR_OK;
}

/* A date, or null / none for "does not apply". */
static int expect_date(suite *s, const retour__node *expect, const char *key,
                       retour_date actual)
{
    const retour__node *n = retour__map_get(expect, key);
    retour_date want = RETOUR_DATE_NONE;
    char a[11] = "none", b[11] = "none";
    if (n == NULL)
        return RETOUR_OK;
    if (!retour__is_null(n) && !(n->kind == RETOUR__NODE_SCALAR && strcmp(n->text, "none") == 0))
        RETOUR__WITH_KEY(&s->ctx, key, retour__read_date(&s->ctx, n, &want));
    if (want != actual) {
        retour_date_format(a, want);
        retour_date_format(b, actual);
        retour__strbuf_printf(&s->failure, "%s%s: expected %s, got %s\n", s->label, key, a, b);
    }
    return RETOUR_OK;
}

/* reasons: [code, "code#1"]: each must be among the decision's reasons (a subset). */
static int expect_reasons(suite *s, const retour__node *list)
{
    const retour_decision *d = s->decision;
    int rc = retour__expect_seq(&s->ctx, list);
    if (rc)
        return rc;
    for (size_t i = 0; i < list->count; i++) {
        const char *want;
        size_t saved = retour__path_push_index(&s->ctx, i);
        rc = retour__read_string(&s->ctx, list->items[i], &want);
        retour__path_pop(&s->ctx, saved);
        if (rc)
            return rc;
        const char *hash = strchr(want, '#');
        size_t code_len = hash ? (size_t)(hash - want) : strlen(want);
        int found = 0;
        for (size_t k = 0; k < d->reason_count && !found; k++) {
            const retour_reason *r = &d->reasons[k].pub;
            char item[24] = "";
            if (r->item >= 0)
                snprintf(item, sizeof item, "%ld", r->item);
            found = strlen(r->code) == code_len && strncmp(r->code, want, code_len) == 0 &&
                    (!hash || strcmp(hash + 1, item) == 0);
        }
        if (!found)
            retour__strbuf_printf(&s->failure, "reasons: expected %s, not given\n", want);
    }
    return RETOUR_OK;
}

static int expect_items(suite *s, const retour__node *list)
{
    const retour_decision *d = s->decision;
    static const char *const keys[] = { "outcome", "refund", "deduction", "remedy" };
    int rc = retour__expect_seq(&s->ctx, list);
    if (rc)
        return rc;
    if (list->count != d->item_count)
        retour__strbuf_printf(&s->failure, "items: expected %zu, got %zu\n", list->count,
                              d->item_count);
    for (size_t i = 0; i < list->count && i < d->item_count; i++) {
        const retour__node *e = list->items[i];
        const retour__item_result *it = &d->items[i];
        size_t saved = retour__path_push_index(&s->ctx, i);
        snprintf(s->label, sizeof s->label, "items[%zu].", i);
        if ((rc = retour__expect_map(&s->ctx, e)) == RETOUR_OK &&
            (rc = retour__check_keys(&s->ctx, e, keys, 4)) == RETOUR_OK &&
            (rc = expect_name(s, e, "outcome", retour_outcome_name(it->outcome))) == RETOUR_OK &&
            (rc = expect_money(s, e, "refund", it->refund)) == RETOUR_OK &&
            (rc = expect_money(s, e, "deduction", it->deduction)) == RETOUR_OK)
            rc = expect_name(s, e, "remedy", retour_remedy_name(it->remedy));
        retour__path_pop(&s->ctx, saved);
        s->label[0] = '\0';
        if (rc)
            return rc;
    }
    return RETOUR_OK;
}

static int check_expectations(suite *s, const retour__node *expect)
{
    static const char *const keys[] = { "outcome", "basis", "reasons", "refund", "store_credit",
                                        "withdrawal_deadline", "return_by", "refund_by",
                                        "calendar", "items", "policy_version", "market" };
    const retour_decision *d = s->decision;
    const retour__node *n;
    int rc;
    if ((rc = retour__expect_map(&s->ctx, expect)) ||
        (rc = retour__check_keys(&s->ctx, expect, keys, sizeof keys / sizeof keys[0])) ||
        (rc = expect_name(s, expect, "outcome", retour_outcome_name(d->outcome))) ||
        (rc = expect_name(s, expect, "basis", retour_basis_name(d->basis))) ||
        (rc = expect_money(s, expect, "refund", d->refund)) ||
        (rc = expect_money(s, expect, "store_credit", d->store_credit)) ||
        (rc = expect_date(s, expect, "withdrawal_deadline", d->withdrawal_deadline)) ||
        (rc = expect_date(s, expect, "return_by", d->return_by)) ||
        (rc = expect_date(s, expect, "refund_by", d->refund_by)) ||
        (rc = expect_name(s, expect, "calendar", d->calendar)) ||
        (rc = expect_terms(s, expect, d->policy)))
        return rc;
    if ((n = retour__opt(expect, "reasons")))
        RETOUR__WITH_KEY(&s->ctx, "reasons", expect_reasons(s, n));
    if ((n = retour__opt(expect, "items")))
        RETOUR__WITH_KEY(&s->ctx, "items", expect_items(s, n));
    return RETOUR_OK;
}

static int run_case(suite *s, const retour__node *c, size_t index)
{
    static const char *const keys[] = { "name", "today", "request", "expect" };
    retour__ctx *ctx = &s->ctx;
    retour_case_report report;
    retour_error case_err;
    const retour__node *n;
    int rc;
    memset(&report, 0, sizeof report);
    report.index = index;
    report.line = (int)c->line + 1;
    if ((rc = retour__expect_map(ctx, c)) || (rc = retour__check_keys(ctx, c, keys, 4)))
        return rc;
    if ((n = retour__opt(c, "name")) == NULL)
        return retour__fail_at(ctx, c, RETOUR_ESCHEMA, "missing required key 'name'");
    RETOUR__WITH_KEY(ctx, "name", retour__read_string(ctx, n, &report.name));
    retour_date today = s->today;
    if ((n = retour__opt(c, "today")))
        RETOUR__WITH_KEY(ctx, "today", retour__read_date(ctx, n, &today));
    const retour__node *req = retour__opt(c, "request");
    const retour__node *expect = retour__opt(c, "expect");
    if (req == NULL || expect == NULL)
        return retour__fail_at(ctx, c, RETOUR_ESCHEMA, "missing required key '%s'",
                               req == NULL ? "request" : "expect");

    /* The request: its problems fail the case, not the run. */
    retour__strbuf_clear(&s->failure);
    retour_request_reset(s->request, RETOUR_REQUEST_WITHDRAWAL);
    s->request->notified = today;
    retour__ctx rctx = *ctx;
    rctx.err = &case_err;
    retour__error_clear(&case_err);
    retour__path_push_key(&rctx, "request"); /* a copy of the context: nothing to pop */
    rc = retour__request_parse_node(s->request, s->policy, &rctx, req);
    if (rc == RETOUR_OK)
        rc = retour_evaluate(s->decision, s->policy, s->request, &case_err);
    if (rc == RETOUR_ENOMEM)
        return retour__fail(ctx->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    if (rc) {
        report.error = &case_err;
        retour__strbuf_printf(&s->failure, "request: %s%s%s\n", case_err.path,
                              case_err.path[0] ? ": " : "", case_err.message);
    } else {
        report.decision = s->decision;
        RETOUR__WITH_KEY(ctx, "expect", check_expectations(s, expect));
    }
    if (s->failure.failed)
        return retour__fail(ctx->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    retour__strbuf_putc(&s->failure, '\0');
    report.failure = s->failure.data;
    report.passed = report.failure[0] == '\0';
    s->failed += !report.passed;
    if (s->fn)
        s->fn(&report, s->fn_ctx);
    return RETOUR_OK;
}

static int run_doc(suite *s, const retour__node *root)
{
    static const char *const keys[] = { "description", "cases" };
    retour__ctx *ctx = &s->ctx;
    const retour__node *cases;
    int rc;
    if (root == NULL)
        return retour__fail_at(ctx, NULL, RETOUR_ESCHEMA, "empty file: expected cases:");
    if ((rc = retour__expect_map(ctx, root)) || (rc = retour__check_keys(ctx, root, keys, 2)))
        return rc;
    if ((cases = retour__opt(root, "cases")) == NULL)
        return retour__fail_at(ctx, root, RETOUR_ESCHEMA, "missing required key 'cases'");
    size_t outer = retour__path_push_key(ctx, "cases");
    rc = retour__expect_seq(ctx, cases);
    for (size_t i = 0; rc == RETOUR_OK && i < cases->count; i++) {
        size_t saved = retour__path_push_index(ctx, i);
        rc = run_case(s, cases->items[i], i);
        retour__path_pop(ctx, saved);
    }
    retour__path_pop(ctx, outer);
    return rc;
}

int retour_suite_run(const retour_policy *policy, const char *text, size_t len,
                     const char *name, retour_date today, retour_case_fn fn, void *ctx,
                     size_t *failed, retour_error *err)
{
    retour__error_clear(err);
    if (policy == NULL || (text == NULL && len > 0))
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_suite_run: policy and text must not be NULL");
    const retour_allocator *a = policy->allocator;
    retour__limits limits;
    retour__limits_from_options(&limits, NULL);
    limits.max_bytes *= 16; /* a suite holds many requests */
    limits.max_items *= 10;
    suite s;
    memset(&s, 0, sizeof s);
    s.policy = policy;
    s.today = today;
    s.fn = fn;
    s.fn_ctx = ctx;
    retour__strbuf_init(&s.failure, a);
    retour__doc doc;
    int rc = retour__doc_parse(&doc, text ? text : "", len, name ? name : "<string>", &limits,
                               a, err);
    if (rc)
        return rc;
    if ((rc = retour_request_new(&s.request, RETOUR_REQUEST_WITHDRAWAL, NULL)) ||
        (rc = retour_decision_new(&s.decision, NULL))) {
        rc = retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    } else {
        retour__ctx_init(&s.ctx, &doc, err);
        rc = run_doc(&s, doc.root);
    }
    retour_request_free(s.request);
    retour_decision_free(s.decision);
    retour__strbuf_free(&s.failure);
    retour__doc_free(&doc);
    if (rc == RETOUR_OK && failed)
        *failed = s.failed;
    return rc;
}

int retour_suite_run_file(const retour_policy *policy, const char *path, retour_date today,
                          retour_case_fn fn, void *ctx, size_t *failed, retour_error *err)
{
    retour__error_clear(err);
    if (policy == NULL || path == NULL)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_suite_run_file: policy and path must not be NULL");
    char *text;
    size_t len;
    int rc = retour__read_file(&text, &len, path, (size_t)16 << 20, policy->allocator, err);
    if (rc)
        return rc;
    rc = retour_suite_run(policy, text, len, path, today, fn, ctx, failed, err);
    retour__free(policy->allocator, text);
    return rc;
}
