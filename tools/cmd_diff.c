/* retour diff OLD NEW REQUESTS: what a change of terms would change. Every request (one
 * JSON request a line, as `retour eval --batch` reads them) is decided under both policies
 * (retour_diff_* in the library); the changed decisions are counted, grouped by old
 * outcome, new outcome and deciding reason, with the refunds they move. Streaming: one
 * request, two decisions and the groups, whatever the length of the input. */
#include "cli_util.h"
#include "commands.h"
#include "line_reader.h"

#include <retour.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_SAME = 0, EXIT_CHANGED = 1, EXIT_NOT_STARTED = 2 };

static const char diff_usage[] =
    "usage: retour diff OLD NEW REQUESTS [--any] [--show N] [--format text|json] "
    "[--lang en|nl]\n"
    "\n"
    "Decides every request of REQUESTS (one JSON request a line, - for standard input) under\n"
    "the OLD and the NEW policy and reports how many decisions change: the outcome or the\n"
    "refund amount differs. --any also counts changes of deadlines or reasons alone, reported\n"
    "apart. The changes are grouped by (old outcome, new outcome, new deciding reason) with\n"
    "the difference in refunds. --show N prints the first N changed requests with both\n"
    "decisions. Lines that cannot be decided are counted as errors and skipped.\n"
    "Exit status: 0 nothing changes, 1 some decisions change (with --any: or details),\n"
    "2 the run could not start (bad policy, unreadable file, usage).\n";

typedef struct options {
    const char *files[3];
    int any;
    long show;
    int json;
    retour_lang lang;
} options;

static int parse_args(options *o, int argc, char **argv)
{
    int nfiles = 0;
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(diff_usage, stdout);
            return 1;
        } else if (strcmp(a, "--any") == 0) {
            o->any = 1;
        } else if (strcmp(a, "--show") == 0 && i + 1 < argc) {
            char *end;
            o->show = strtol(argv[++i], &end, 10);
            if (*end || o->show < 0)
                return fprintf(stderr, "retour: --show takes a count, such as 10\n"), -1;
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "json") != 0 && strcmp(f, "text") != 0)
                return fprintf(stderr, "retour: --format must be text or json\n"), -1;
            o->json = strcmp(f, "json") == 0;
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            if (cli_lang(argv[++i], &o->lang))
                return -1;
        } else if (a[0] == '-' && a[1] != '\0') {
            return fprintf(stderr, "retour: unknown option '%s'\n%s", a, diff_usage), -1;
        } else if (nfiles < 3) {
            o->files[nfiles++] = a;
        } else {
            return fputs(diff_usage, stderr), -1;
        }
    }
    if (nfiles != 3)
        return fputs(diff_usage, stderr), -1;
    return 0;
}

/* A decision as one line of JSON. */
static void put_decision(const retour_decision *d, retour_lang lang)
{
    long n = retour_decision_to_json(d, lang, NULL, 0);
    char *json = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (json && retour_decision_to_json(d, lang, json, (size_t)n + 1) == n)
        fwrite(json, 1, (size_t)n, stdout);
    else
        fputs("null", stdout);
    free(json);
}

/* A changed request, as --show prints it. */
static void show_change(const retour_diff *diff, size_t line, retour_change c, const options *o,
                        size_t shown)
{
    const retour_decision *a, *b;
    retour_diff_decisions(diff, &a, &b);
    if (o->json) {
        printf("%s{\"line\":%zu,\"change\":\"%s\",\"old\":", shown ? "," : "", line,
               c == RETOUR_CHANGE_DECISION ? "decision" : "detail");
        put_decision(a, o->lang);
        fputs(",\"new\":", stdout);
        put_decision(b, o->lang);
        fputs("}", stdout);
        return;
    }
    printf("line %zu: %s -> %s\n  old: ", line, retour_outcome_name(retour_decision_outcome(a)),
           retour_outcome_name(retour_decision_outcome(b)));
    put_decision(a, o->lang);
    fputs("\n  new: ", stdout);
    put_decision(b, o->lang);
    fputs("\n", stdout);
}

static void summary(const retour_diff *diff, const options *o, int decimals,
                    const char *currency, size_t errors)
{
    char money[32];
    uint64_t total = retour_diff_count(diff, RETOUR_CHANGE_NONE) +
                     retour_diff_count(diff, RETOUR_CHANGE_DECISION) +
                     retour_diff_count(diff, RETOUR_CHANGE_DETAIL);
    size_t groups = retour_diff_group_count(diff);
    cli_money(money, sizeof money, retour_diff_refund_difference(diff), decimals);
    if (o->json) {
        printf("\"requests\":%" PRIu64 ",\"changed\":%" PRIu64 ",", total,
               retour_diff_count(diff, RETOUR_CHANGE_DECISION));
        if (o->any)
            printf("\"changed_details\":%" PRIu64 ",", retour_diff_count(diff, RETOUR_CHANGE_DETAIL));
        printf("\"errors\":%zu,\"refund_difference\":", errors);
        cli_json_string(stdout, money);
        printf(",\"currency\":");
        cli_json_string(stdout, currency);
        fputs(",\"groups\":[", stdout);
    } else {
        printf("%" PRIu64 " requests: %" PRIu64 " decisions change (outcome or refund)", total,
               retour_diff_count(diff, RETOUR_CHANGE_DECISION));
        if (o->any)
            printf(", %" PRIu64 " more change only deadlines or reasons",
                   retour_diff_count(diff, RETOUR_CHANGE_DETAIL));
        printf("; %zu errors\nrefunds change by %s %s\n", errors, currency, money);
    }
    for (size_t i = 0; i < groups; i++) {
        retour_diff_group g;
        retour_diff_group_at(diff, i, &g);
        cli_money(money, sizeof money, g.refund_difference, decimals);
        if (o->json) {
            printf("%s{\"old\":\"%s\",\"new\":\"%s\",\"reason\":", i ? "," : "",
                   retour_outcome_name(g.old_outcome), retour_outcome_name(g.new_outcome));
            cli_json_string(stdout, g.reason);
            printf(",\"count\":%" PRIu64 ",\"refund_difference\":", g.count);
            cli_json_string(stdout, money);
            fputs("}", stdout);
        } else {
            printf("  %-15s -> %-15s %-36s %10" PRIu64 "  refunds %s\n",
                   retour_outcome_name(g.old_outcome), retour_outcome_name(g.new_outcome),
                   g.reason[0] ? g.reason : "-", g.count, money);
        }
    }
    if (o->json)
        fputs("]", stdout);
}

int cmd_diff(int argc, char **argv)
{
    options o;
    int rc = parse_args(&o, argc, argv);
    if (rc)
        return rc > 0 ? EXIT_SAME : EXIT_NOT_STARTED;
    retour_error err;
    retour_policy *old_policy = NULL, *new_policy = NULL;
    retour_request *request = NULL;
    retour_diff *diff = NULL;
    line_reader *lr = NULL;
    int status = EXIT_NOT_STARTED;
    if (retour_policy_load_file(&old_policy, o.files[0], NULL, &err) != RETOUR_OK ||
        retour_policy_load_file(&new_policy, o.files[1], NULL, &err) != RETOUR_OK) {
        cli_print_error(&err);
        goto out;
    }
    if (retour_diff_new(&diff, old_policy, new_policy, NULL) != RETOUR_OK) {
        fprintf(stderr, "retour: the two policies' currencies have different decimals\n");
        goto out;
    }
    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.max_input_bytes = MAX_LINE;
    lr = calloc(1, sizeof *lr);
    if (lr == NULL || retour_request_new(&request, RETOUR_REQUEST_WITHDRAWAL, &opts) != RETOUR_OK) {
        fprintf(stderr, "retour: out of memory\n");
        goto out;
    }
    int from_stdin = strcmp(o.files[2], "-") == 0;
    lr->f = from_stdin ? stdin : fopen(o.files[2], "rb");
    if (lr->f == NULL) {
        fprintf(stderr, "retour: %s: error: cannot open: %s\n", o.files[2], strerror(errno));
        goto out;
    }
    static char out_buffer[1 << 16];
    setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    if (o.json)
        fputs("{\"shown\":[", stdout);
    const char *text, *name = from_stdin ? "<stdin>" : o.files[2];
    size_t len, full, number = 0, errors = 0, shown = 0;
    while ((rc = next_line(lr, &text, &len, &full)) > 0) {
        number++;
        if (len && text[len - 1] == '\r')
            len--;
        if (line_blank(text, len))
            continue;
        retour_change c;
        if (full > MAX_LINE ||
            retour_request_parse_json(request, old_policy, text, len, name, &err) != RETOUR_OK ||
            retour_diff_add(diff, request, &c, &err) != RETOUR_OK) {
            errors++;
            continue;
        }
        if ((c == RETOUR_CHANGE_DECISION || (o.any && c == RETOUR_CHANGE_DETAIL)) &&
            shown < (size_t)o.show)
            show_change(diff, number, c, &o, shown++);
    }
    if (o.json)
        fputs("],", stdout);
    summary(diff, &o, retour_policy_currency_decimals(old_policy),
            retour_policy_currency(old_policy), errors);
    if (o.json)
        fputs("}\n", stdout);
    if (fflush(stdout) != 0 || rc < 0) {
        fprintf(stderr, "retour: %s: error: cannot read or write after line %zu\n", name, number);
    } else {
        uint64_t changed = retour_diff_count(diff, RETOUR_CHANGE_DECISION) +
                           (o.any ? retour_diff_count(diff, RETOUR_CHANGE_DETAIL) : 0);
        status = changed ? EXIT_CHANGED : EXIT_SAME;
    }
    if (!from_stdin)
        fclose(lr->f);
out:
    if (lr)
        free(lr->buf);
    free(lr);
    retour_request_free(request);
    retour_diff_free(diff);
    retour_policy_free(new_policy);
    retour_policy_free(old_policy);
    return status;
}
