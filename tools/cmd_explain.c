/* retour explain POLICY REQUEST: the decision as a readable trace. Every rule the
 * evaluator considered, in order: whether it applied, why, the policy line that decided
 * and the law it rests on, then the decision. What a service agent reads before deviating
 * from a decision knowingly. The trace comes from retour_evaluate_traced(), so it is the
 * evaluation itself, not a second reading of the rules. */
#include "cli_util.h"
#include "commands.h"

#include <retour.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_DECIDED = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char explain_usage[] =
    "usage: retour explain POLICY REQUEST [--format text|json] [--lang en|nl]\n"
    "\n"
    "Decides REQUEST (YAML or JSON) against POLICY and shows every rule considered, in\n"
    "order: whether it applied (matched) or not, why, the policy line that decided\n"
    "(FILE:LINE:COL) and the law it rests on; then the decision.\n"
    "--format json   one JSON object: {\"policy\", \"request\", \"steps\": [...], \"decision\"}\n"
    "--lang en|nl    language of the explanations (default en)\n"
    "Exit status: 0 decided, 1 invalid policy or request, 2 usage error or unreadable file.\n";

/* Words of the text output, per language. */
typedef struct words {
    const char *matched, *not_matched, *item, *policy, *law, *decision, *basis, *refund,
        *store_credit, *policy_head, *request_head, *failed;
} words;

static const words en = { "matched", "not matched", "item", "policy", "law", "Decision",
                          "basis", "refund", "store credit", "Policy", "Request",
                          "The evaluation stopped" };
static const words nl = { "van toepassing", "niet van toepassing", "artikel", "beleid", "wet",
                          "Besluit", "grondslag", "terugbetaling", "tegoed", "Beleid",
                          "Aanvraag", "De beoordeling is gestopt" };

typedef struct explain {
    retour_lang lang;
    const words *w;
    int json;
    int color;
    size_t steps;
    int oom;
} explain;

/* The step's why in the chosen language; a static buffer, or the heap for a long one. */
static char *why_of(explain *x, const retour_trace_event *e, char *small, size_t size)
{
    int n = retour_trace_event_message(e, x->lang, small, size);
    if (n < 0) {
        small[0] = '\0';
        return small;
    }
    if ((size_t)n < size)
        return small;
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        x->oom = 1;
        return small; /* cut short rather than nothing */
    }
    retour_trace_event_message(e, x->lang, big, (size_t)n + 1);
    return big;
}

static void text_step(explain *x, const retour_trace_event *e, const char *why)
{
    const char *mark = e->matched ? "\xe2\x9c\x93" : "\xe2\x9c\x97"; /* ✓ ✗ */
    if (x->color)
        printf("%3zu. %s%s\033[0m %s", x->steps, e->matched ? "\033[1;32m" : "\033[1;31m",
               mark, e->rule);
    else
        printf("%3zu. %s %s", x->steps, mark, e->rule);
    if (e->rule_index >= 0)
        printf("[%ld]", e->rule_index);
    if (e->rule_name)
        printf(" \"%s\"", e->rule_name);
    if (e->item >= 0)
        printf(", %s %ld", x->w->item, e->item);
    printf(": %s", e->matched ? x->w->matched : x->w->not_matched);
    if (e->reason)
        printf(" [%s]", e->reason);
    printf("\n       %s\n", why);
    if (e->source_file)
        printf("       %s: %s:%d:%d\n", x->w->policy, e->source_file, e->source_line,
               e->source_column);
    if (e->law)
        printf("       %s: %s\n", x->w->law, e->law);
}

static void json_step(explain *x, const retour_trace_event *e, const char *why)
{
    printf("%s\n  {\"step\":%zu,\"rule\":", x->steps > 1 ? "," : "", x->steps);
    cli_json_string(stdout, e->rule);
    if (e->rule_index >= 0)
        printf(",\"rule_index\":%ld,\"rule_name\":", e->rule_index);
    if (e->rule_name)
        cli_json_string(stdout, e->rule_name);
    else if (e->rule_index >= 0)
        fputs("null", stdout);
    printf(",\"item\":%ld,\"matched\":%s,\"reason\":", e->item, e->matched ? "true" : "false");
    if (e->reason)
        cli_json_string(stdout, e->reason);
    else
        fputs("null", stdout);
    fputs(",\"why\":", stdout);
    cli_json_string(stdout, why);
    fputs(",\"law\":", stdout);
    if (e->law)
        cli_json_string(stdout, e->law);
    else
        fputs("null", stdout);
    fputs(",\"source\":", stdout);
    if (e->source_file) {
        fputs("{\"file\":", stdout);
        cli_json_string(stdout, e->source_file);
        printf(",\"line\":%d,\"column\":%d}", e->source_line, e->source_column);
    } else {
        fputs("null", stdout);
    }
    putchar('}');
}

static void on_step(void *ctx, const retour_trace_event *e)
{
    explain *x = ctx;
    char small[1024];
    x->steps++;
    char *why = why_of(x, e, small, sizeof small);
    if (x->json)
        json_step(x, e, why);
    else
        text_step(x, e, why);
    if (why != small)
        free(why);
}

static void text_decision(const retour_decision *d, const retour_policy *p, const words *w)
{
    int dec = retour_policy_currency_decimals(p);
    const char *cur = retour_decision_currency(d);
    char a[32];
    cli_money(a, sizeof a, retour_decision_refund(d), dec);
    printf("\n%s: %s (%s: %s), %s %s %s", w->decision,
           retour_outcome_name(retour_decision_outcome(d)), w->basis,
           retour_basis_name(retour_decision_basis(d)), w->refund, cur, a);
    if (retour_decision_store_credit(d) > 0) {
        cli_money(a, sizeof a, retour_decision_store_credit(d), dec);
        printf(", %s %s %s", w->store_credit, cur, a);
    }
    printf("\n");
    size_t n = retour_decision_item_count(d);
    for (size_t i = 0; i < n; i++) {
        cli_money(a, sizeof a, retour_decision_item_refund(d, i), dec);
        printf("  %s %zu: %s, %s %s %s\n", w->item, i,
               retour_outcome_name(retour_decision_item_outcome(d, i)), w->refund, cur, a);
    }
}

static int json_decision(const retour_decision *d, retour_lang lang)
{
    long n = retour_decision_to_json(d, lang, NULL, 0);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf == NULL)
        return -1;
    retour_decision_to_json(d, lang, buf, (size_t)n + 1);
    fputs(buf, stdout);
    free(buf);
    return 0;
}

int cmd_explain(int argc, char **argv)
{
    const char *files[2] = { NULL, NULL };
    int nfiles = 0;
    explain x;
    memset(&x, 0, sizeof x);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "json") == 0)
                x.json = 1;
            else if (strcmp(f, "text") == 0)
                x.json = 0;
            else
                return fprintf(stderr, "retour: --format must be text or json\n"), EXIT_USAGE;
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            if (cli_lang(argv[++i], &x.lang))
                return EXIT_USAGE;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(explain_usage, stdout);
            return EXIT_DECIDED;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "retour: unknown option '%s'\n%s", a, explain_usage);
            return EXIT_USAGE;
        } else if (nfiles < 2) {
            files[nfiles++] = a;
        } else {
            fputs(explain_usage, stderr);
            return EXIT_USAGE;
        }
    }
    if (nfiles != 2) {
        fputs(explain_usage, stderr);
        return EXIT_USAGE;
    }
    x.w = x.lang == RETOUR_LANG_NL ? &nl : &en;
    const char *no_color = getenv("NO_COLOR");
    x.color = !x.json && isatty(STDOUT_FILENO) && !(no_color && no_color[0]);

    retour_error err;
    retour_policy *policy = NULL;
    retour_request *request = NULL;
    retour_decision *decision = NULL;
    int rc = retour_policy_load_file(&policy, files[0], NULL, &err);
    if (rc == RETOUR_OK)
        rc = retour_request_load_file(&request, policy, files[1], NULL, &err);
    if (rc == RETOUR_OK && (rc = retour_decision_new(&decision, NULL)) != RETOUR_OK) {
        memset(&err, 0, sizeof err);
        err.code = rc;
        strcpy(err.message, "out of memory");
    }
    if (rc != RETOUR_OK) {
        cli_print_error(&err);
        retour_decision_free(decision);
        retour_request_free(request);
        retour_policy_free(policy);
        return rc == RETOUR_EIO || rc == RETOUR_EINVAL ? EXIT_USAGE : EXIT_INVALID;
    }

    if (x.json) {
        fputs("{\"policy\":", stdout);
        cli_json_string(stdout, files[0]);
        fputs(",\"request\":", stdout);
        cli_json_string(stdout, files[1]);
        fputs(",\"steps\":[", stdout);
    } else {
        printf("%s: %s\n%s: %s\n\n", x.w->policy_head, files[0], x.w->request_head, files[1]);
    }
    rc = retour_evaluate_traced(decision, policy, request, on_step, &x, &err);
    int status = EXIT_DECIDED;
    if (x.json) {
        fputs(x.steps ? "\n ]," : "],", stdout);
        if (rc == RETOUR_OK) {
            fputs("\"decision\":", stdout);
            if (json_decision(decision, x.lang))
                x.oom = 1;
        } else {
            fputs("\"error\":{\"message\":", stdout);
            cli_json_string(stdout, err.message);
            fputs(",\"path\":", stdout);
            cli_json_string(stdout, err.path);
            printf(",\"line\":%d,\"column\":%d}", err.line, err.column);
        }
        fputs("}\n", stdout);
    } else if (rc == RETOUR_OK) {
        text_decision(decision, policy, x.w);
    } else {
        printf("\n%s.\n", x.w->failed);
    }
    if (rc != RETOUR_OK) {
        fflush(stdout);
        cli_print_error(&err);
        status = rc == RETOUR_EINVAL ? EXIT_USAGE : EXIT_INVALID;
    }
    if (x.oom) {
        fprintf(stderr, "retour: out of memory\n");
        status = EXIT_INVALID;
    }
    retour_decision_free(decision);
    retour_request_free(request);
    retour_policy_free(policy);
    if (fflush(stdout) != 0)
        return EXIT_USAGE;
    return status;
}
