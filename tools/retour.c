/* retour: the command-line front end of libretour. Uses only the public API. */
#include <retour.h>

#include "cli_util.h"
#include "cmd_batch.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_DECIDED = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: retour eval POLICY REQUEST [--format text|json [--compact]] [--lang en|nl]\n"
    "       retour eval --batch POLICY [FILE] [--compact] [--lang en|nl]   (see --batch --help)\n"
    "       retour --version | --help\n"
    "       retour check POLICY... [--format text|json] [--lang en|nl]\n"
    "       retour test POLICY CASES... [--junit FILE] [--today YYYY-MM-DD] [--lang en|nl]\n"
    "       retour explain POLICY REQUEST [--format text|json] [--lang en|nl]\n"
    "       retour diff OLD NEW REQUESTS [--any] [--show N] [--format text|json]\n"
    "\n"
    "Decides a return REQUEST (YAML or JSON) against a shop's POLICY (YAML).\n"
    "Exit status: 0 decided, 1 invalid policy or request, 2 usage error or unreadable file.\n";

static int usage(FILE *to, int status)
{
    fputs(usage_text, to);
    return status;
}

static int exit_for(int code)
{
    return code == RETOUR_EIO || code == RETOUR_EINVAL ? EXIT_USAGE : EXIT_INVALID;
}

static const char *date_or_dash(char buf[11], retour_date d)
{
    return retour_date_format(buf, d) == RETOUR_OK ? buf : "-";
}

static void print_reason(const retour_decision *d, size_t i, retour_lang lang, const char *indent)
{
    const retour_reason *r = retour_decision_reason(d, i);
    char msg[512];
    retour_decision_reason_message(d, i, lang, msg, sizeof msg);
    printf("%s- %s: %s\n", indent, r->code, msg);
    if (r->law)
        printf("%s    law: %s\n", indent, r->law);
    if (r->source_file)
        printf("%s    policy: %s:%d:%d\n", indent, r->source_file, r->source_line,
               r->source_column);
}

static void print_text(const retour_decision *d, const retour_policy *p, retour_lang lang)
{
    int dec = retour_policy_currency_decimals(p);
    const char *cur = retour_decision_currency(d);
    char a[32], b[32], c[32], e[32], d1[11], d2[11], d3[11];
    printf("outcome:  %s\n", retour_outcome_name(retour_decision_outcome(d)));
    printf("basis:    %s\n", retour_basis_name(retour_decision_basis(d)));
    cli_money(a, sizeof a, retour_decision_refund(d), dec);
    cli_money(b, sizeof b, retour_decision_refund(d) + retour_decision_deductions(d) -
                           retour_decision_shipping_refunded(d), dec);
    cli_money(c, sizeof c, retour_decision_deductions(d), dec);
    cli_money(e, sizeof e, retour_decision_shipping_refunded(d), dec);
    printf("refund:   %s %s (items %s, deductions %s, outbound shipping %s)\n", cur, a, b, c, e);
    if (retour_decision_store_credit(d) > 0) {
        cli_money(a, sizeof a, retour_decision_store_credit(d), dec);
        printf("store credit: %s %s\n", cur, a);
    }
    printf("withdrawal deadline: %s  return by: %s  refund by: %s\n",
           date_or_dash(d1, retour_decision_withdrawal_deadline(d)),
           date_or_dash(d2, retour_decision_return_by(d)),
           date_or_dash(d3, retour_decision_refund_by(d)));
    printf("calendar: %s\n", retour_decision_calendar(d));
    printf("return shipping paid by: %s\n",
           retour_decision_return_shipping(d) == RETOUR_PAYER_SHOP ? "shop" : "customer");
    size_t nr = retour_decision_reason_count(d);
    printf("reasons:\n");
    for (size_t i = 0; i < nr; i++)
        if (retour_decision_reason(d, i)->item < 0)
            print_reason(d, i, lang, "  ");
    size_t ni = retour_decision_item_count(d);
    printf("items:\n");
    for (size_t it = 0; it < ni; it++) {
        cli_money(a, sizeof a, retour_decision_item_refund(d, it), dec);
        cli_money(b, sizeof b, retour_decision_item_deduction(d, it), dec);
        printf("  [%zu] %s: refund %s %s, deduction %s", it,
               retour_outcome_name(retour_decision_item_outcome(d, it)), cur, a, b);
        retour_remedy remedy = retour_decision_item_remedy(d, it);
        int32_t bp = retour_decision_item_remedy_basis_points(d, it);
        if (remedy != RETOUR_REMEDY_NONE && bp > 0)
            printf(", remedy %s %d.%02d%%", retour_remedy_name(remedy), (int)(bp / 100),
                   (int)(bp % 100));
        else if (remedy != RETOUR_REMEDY_NONE)
            printf(", remedy %s", retour_remedy_name(remedy));
        printf("\n");
        for (size_t i = 0; i < nr; i++)
            if (retour_decision_reason(d, i)->item == (long)it)
                print_reason(d, i, lang, "      ");
    }
}

static int cmd_eval(int argc, char **argv)
{
    const char *files[2] = { NULL, NULL };
    int nfiles = 0, json = 0, compact = 0;
    retour_lang lang = RETOUR_LANG_EN;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--compact") == 0) {
            compact = 1;
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "json") == 0)
                json = 1;
            else if (strcmp(f, "text") != 0)
                return fprintf(stderr, "retour: --format must be text or json\n"), EXIT_USAGE;
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            if (cli_lang(argv[++i], &lang))
                return EXIT_USAGE;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            return usage(stdout, EXIT_DECIDED);
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "retour: unknown option '%s'\n", a);
            return usage(stderr, EXIT_USAGE);
        } else if (nfiles < 2) {
            files[nfiles++] = a;
        } else {
            return usage(stderr, EXIT_USAGE);
        }
    }
    if (nfiles != 2)
        return usage(stderr, EXIT_USAGE);
    if (compact && !json)
        return fprintf(stderr, "retour: --compact leaves the messages out of the JSON: it "
                               "needs --format json\n"), EXIT_USAGE;
    retour_json_form form = compact ? RETOUR_JSON_COMPACT : RETOUR_JSON_FULL;

    retour_error err;
    retour_policy *policy = NULL;
    retour_request *request = NULL;
    retour_decision *decision = NULL;
    int status = EXIT_DECIDED;
    int rc = retour_policy_load_file(&policy, files[0], NULL, &err);
    if (rc == RETOUR_OK)
        rc = retour_request_load_file(&request, policy, files[1], NULL, &err);
    if (rc == RETOUR_OK && (rc = retour_decision_new(&decision, NULL)) != RETOUR_OK)
        err.code = rc, strcpy(err.message, "out of memory"), err.file[0] = err.path[0] = 0,
        err.line = 0;
    if (rc == RETOUR_OK)
        rc = retour_evaluate(decision, policy, request, &err);
    if (rc != RETOUR_OK) {
        cli_print_error(&err);
        status = exit_for(rc);
    } else if (json) {
        long n = retour_decision_to_json_form(decision, form, lang, NULL, 0);
        char *buf = malloc((size_t)n + 1);
        if (buf == NULL) {
            fprintf(stderr, "retour: out of memory\n");
            status = EXIT_INVALID;
        } else {
            retour_decision_to_json_form(decision, form, lang, buf, (size_t)n + 1);
            puts(buf);
            free(buf);
        }
    } else {
        print_text(decision, policy, lang);
    }
    retour_decision_free(decision);
    retour_request_free(request);
    retour_policy_free(policy);
    if (fflush(stdout) != 0)
        return EXIT_USAGE;
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(stderr, EXIT_USAGE);
    if (strcmp(argv[1], "--version") == 0) {
        printf("retour %s\n", retour_version());
        return EXIT_DECIDED;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return usage(stdout, EXIT_DECIDED);
    if (strcmp(argv[1], "eval") == 0 && batch_requested(argc - 2, argv + 2))
        return cmd_batch(argc - 2, argv + 2);
    if (strcmp(argv[1], "eval") == 0)
        return cmd_eval(argc - 2, argv + 2);
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "test") == 0)
        return cmd_test(argc - 2, argv + 2);
    if (strcmp(argv[1], "explain") == 0)
        return cmd_explain(argc - 2, argv + 2);
    if (strcmp(argv[1], "diff") == 0)
        return cmd_diff(argc - 2, argv + 2);
    fprintf(stderr, "retour: unknown command '%s'\n", argv[1]);
    return usage(stderr, EXIT_USAGE);
}
