/* Request text in, decision JSON out, many times: an evaluator keeps the request, the
 * decision and the output buffer from call to call, so that a warm call on a JSON request
 * allocates nothing (retour_evaluator_*). It also holds the reading of request text that
 * retour_evaluate_json() shares: JSON through the direct reader, YAML through libyaml. */
#include "api/evaluator.h"
#include "base/alloc.h"
#include "base/error.h"
#include "base/options.h"
#include "decision/json_out.h"
#include "policy/policy.h"

#include <string.h>

/* The output buffer's first size: a full one-item decision is about 1.2 KB. */
#define FIRST_CAP 4096

struct retour_evaluator {
    uint32_t magic; /* RETOUR__EVALUATOR_MAGIC while alive (handle.h) */
    const retour_allocator *allocator;
    const retour_policy *policy;
    retour_options options; /* the caller's, for requests read from YAML */
    retour_request *request;
    retour_decision *decision;
    char *buf;
    size_t cap;
};

/* The name requests read from text have in errors and reasons. */
static const char request_name[] = "<request>";

/* 1 when the text is for the direct JSON reader: its first character after spaces, tabs,
 * line breaks and a byte order mark is '{'. */
static int is_json(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i < n && s[i] == '{';
}

int retour__request_read_text(retour_request *json_request, retour_request **yaml_request,
                              const retour_policy *policy, const char *text, size_t len,
                              const retour_options *options, retour_error *err)
{
    *yaml_request = NULL;
    if (text != NULL && is_json(text, len)) {
        int rc = retour_request_parse_json(json_request, policy, text, len, request_name, err);
        if (rc != RETOUR_ESYNTAX)
            return rc;
        /* Not JSON after all (a YAML flow mapping, or a mistake): YAML decides, and its
         * error is the one reported, as before the direct reader was used here. */
    }
    return retour_request_parse(yaml_request, policy, text, len, request_name, options, err);
}

int retour_evaluator_new(retour_evaluator **out, const retour_policy *policy,
                         const retour_options *options)
{
    if (out == NULL || !RETOUR__POLICY_OK(policy) ||
        retour__options_check(options, "retour_evaluator_new", NULL))
        return RETOUR_EINVAL;
    const retour_allocator *a = retour__allocator(options ? options->allocator : NULL);
    retour_evaluator *ev = retour__malloc(a, sizeof *ev);
    if (ev == NULL)
        return RETOUR_ENOMEM;
    memset(ev, 0, sizeof *ev);
    ev->allocator = a;
    ev->policy = policy;
    /* A caller's options of an older version are shorter: copy only what they hold. */
    retour_options o = RETOUR_OPTIONS_INIT;
    if (options) {
        o.allocator = options->allocator;
        o.max_input_bytes = options->max_input_bytes;
        o.max_depth = options->max_depth;
        o.max_items = options->max_items;
        if (options->version >= 2)
            o.max_string_bytes = options->max_string_bytes;
    }
    ev->options = o;
    int rc = retour_request_new(&ev->request, RETOUR_REQUEST_WITHDRAWAL, &ev->options);
    if (rc == RETOUR_OK)
        rc = retour_decision_new(&ev->decision, &ev->options);
    if (rc == RETOUR_OK && (ev->buf = retour__malloc(a, FIRST_CAP)) == NULL)
        rc = RETOUR_ENOMEM;
    if (rc != RETOUR_OK) {
        retour_decision_free(ev->decision);
        retour_request_free(ev->request);
        retour__free(a, ev);
        return rc;
    }
    ev->cap = FIRST_CAP;
    ev->buf[0] = '\0';
    ev->magic = RETOUR__EVALUATOR_MAGIC;
    *out = ev;
    return RETOUR_OK;
}

void retour_evaluator_free(retour_evaluator *evaluator)
{
    if (!RETOUR__EVALUATOR_OK(evaluator))
        return;
    evaluator->magic = 0;
    const retour_allocator *a = evaluator->allocator;
    retour_decision_free(evaluator->decision);
    retour_request_free(evaluator->request);
    retour__free(a, evaluator->buf);
    retour__free(a, evaluator);
}

/* Room for need bytes in the output buffer, keeping what it holds. */
static int reserve(retour_evaluator *ev, size_t need)
{
    if (need <= ev->cap)
        return RETOUR_OK;
    size_t cap = ev->cap;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return RETOUR_ENOMEM;
        cap *= 2;
    }
    char *p = retour__realloc(ev->allocator, ev->buf, cap);
    if (p == NULL)
        return RETOUR_ENOMEM;
    ev->buf = p;
    ev->cap = cap;
    return RETOUR_OK;
}

/* What a write below writes: a decision in a form, a verdict or an error. */
typedef struct piece {
    const retour_decision *decision;
    const retour_verdict *verdict;
    const retour_error *error;
    retour_json_form form;
    retour_lang lang;
} piece;

static long write_piece(const piece *p, char *buf, size_t size)
{
    if (p->error)
        return retour__error_to_json(p->error, buf, size);
    if (p->verdict)
        return retour__verdict_to_json(p->verdict, buf, size);
    return retour_decision_to_json_form(p->decision, p->form, p->lang, buf, size);
}

/* Writes the piece at ev->buf + at, growing the buffer until it fits with `extra` bytes
 * to spare; *n receives its length. */
static int put_piece(retour_evaluator *ev, size_t at, size_t extra, const piece *p, size_t *n)
{
    for (;;) {
        long k = write_piece(p, ev->buf + at, ev->cap - at);
        if (k < 0)
            return (int)k;
        if ((size_t)k + extra < ev->cap - at) {
            *n = (size_t)k;
            return RETOUR_OK;
        }
        int rc = reserve(ev, at + (size_t)k + extra + 1);
        if (rc)
            return rc;
    }
}

/* Decides one request text and writes its JSON at ev->buf + at, with `extra` bytes to
 * spare. Returns 0 (*n its length) or an error code with err filled: the request's own
 * error (nothing written), or RETOUR_ENOMEM from the writing (*decided is then 1). */
static int decide(retour_evaluator *ev, size_t at, size_t extra, const char *text, size_t len,
                  retour_json_form form, retour_lang lang, retour_error *err, size_t *n,
                  int *decided)
{
    *decided = 0;
    retour_request *yaml = NULL;
    int rc = retour__request_read_text(ev->request, &yaml, ev->policy, text, len, &ev->options,
                                       err);
    if (rc != RETOUR_OK)
        return rc;
    const retour_request *request = yaml ? yaml : ev->request;
    retour_verdict verdict;
    piece p = { ev->decision, NULL, NULL, form, lang };
    if (form == RETOUR_JSON_VERDICT) {
        rc = retour_evaluate_verdict(&verdict, ev->decision, ev->policy, request, err);
        p.verdict = &verdict;
    } else {
        rc = retour_evaluate(ev->decision, ev->policy, request, err);
    }
    retour_request_free(yaml);
    if (rc != RETOUR_OK)
        return rc;
    *decided = 1;
    rc = put_piece(ev, at, extra, &p, n);
    if (rc != RETOUR_OK)
        retour__fail(err, rc, NULL, NULL, "out of memory");
    return rc;
}

static int check_call(const char *fn, const void *out, const retour_evaluator *ev,
                      retour_json_form form, retour_lang lang, retour_error *err)
{
    if (out == NULL || !RETOUR__EVALUATOR_OK(ev) || !RETOUR__POLICY_OK(ev->policy))
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "%s: out and evaluator must not be NULL", fn);
    if ((unsigned)form >= RETOUR_JSON_FORM__COUNT || (unsigned)lang >= RETOUR_LANG__COUNT)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL, "%s: no such form or language",
                            fn);
    return RETOUR_OK;
}

int retour_evaluator_evaluate_json(const char **out, size_t *len, retour_evaluator *evaluator,
                                   const char *request_text, size_t request_len,
                                   retour_json_form form, retour_lang lang, retour_error *err)
{
    retour__error_clear(err);
    int rc = check_call("retour_evaluator_evaluate_json", out, evaluator, form, lang, err);
    if (rc)
        return rc;
    if (request_text == NULL && request_len)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluator_evaluate_json: request_text must not be NULL");
    size_t n;
    int decided;
    rc = decide(evaluator, 0, 0, request_text, request_len, form, lang, err, &n, &decided);
    if (rc != RETOUR_OK)
        return rc;
    *out = evaluator->buf;
    if (len)
        *len = n;
    return RETOUR_OK;
}

int retour_evaluator_evaluate_many(const char **out, size_t *len, size_t *failed,
                                   retour_evaluator *evaluator, const char *texts,
                                   const size_t *lengths, size_t count, retour_json_form form,
                                   retour_lang lang, retour_error *err)
{
    retour__error_clear(err);
    int rc = check_call("retour_evaluator_evaluate_many", out, evaluator, form, lang, err);
    if (rc)
        return rc;
    if (lengths == NULL && count)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluator_evaluate_many: lengths must not be NULL");
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        if (lengths[i] > SIZE_MAX - total)
            return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                                "retour_evaluator_evaluate_many: the lengths overflow");
        total += lengths[i];
    }
    if (texts == NULL && total)
        return retour__fail(err, RETOUR_EINVAL, NULL, NULL,
                            "retour_evaluator_evaluate_many: texts must not be NULL");
    retour_evaluator *ev = evaluator;
    size_t at = 0, bad = 0, offset = 0;
    for (size_t i = 0; i < count; i++) {
        const char *text = texts ? texts + offset : NULL;
        offset += lengths[i];
        retour_error one;
        retour__error_clear(&one);
        size_t n = 0;
        int decided;
        rc = decide(ev, at, 1, text, lengths[i], form, lang, &one, &n, &decided);
        if (rc == RETOUR_ENOMEM) {
            /* Out of memory, whether reading, deciding or writing: the call fails. */
            ev->buf[0] = '\0';
            return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
        }
        if (rc != RETOUR_OK) {
            piece p = { NULL, NULL, &one, form, lang };
            if (put_piece(ev, at, 1, &p, &n) != RETOUR_OK) {
                ev->buf[0] = '\0';
                return retour__fail(err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
            }
            bad++;
        }
        at += n;
        ev->buf[at++] = '\n';
    }
    ev->buf[at] = '\0';
    *out = ev->buf;
    if (len)
        *len = at;
    if (failed)
        *failed = bad;
    return RETOUR_OK;
}
