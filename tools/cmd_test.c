/* retour test POLICY CASES...: runs policy test suites for CI. TAP on standard output;
 * --junit FILE also writes a JUnit XML report. A failing case shows what was expected,
 * what the policy decided, and the policy lines and laws that decided it. */
#include "cli_util.h"
#include "commands.h"

#include <retour.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_PASSED = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static const char test_usage[] =
    "usage: retour test POLICY CASES... [--junit FILE] [--today YYYY-MM-DD] [--lang en|nl]\n"
    "\n"
    "Runs each cases file (docs/policy-tests.md) against the policy and prints TAP.\n"
    "--junit FILE   also write a JUnit XML report (for CI systems)\n"
    "--today DATE   the notification day for cases whose request names none\n"
    "--lang en|nl   language of the reason messages of a failing case (default en)\n"
    "Exit status: 0 all cases passed, 1 a case failed or a cases file is invalid,\n"
    "2 usage error or unreadable policy.\n";

/* One collected result, kept for the JUnit report. */
typedef struct result {
    char *suite;
    char *name;
    char *failure; /* NULL when passed */
} result;

typedef struct run {
    const char *suite;
    size_t number; /* TAP test number */
    result *results;
    size_t count, cap;
    int keep;      /* collect results for --junit */
    retour_lang lang; /* of the reason messages */
    int oom;
} run;

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

static void keep_result(run *r, const char *name, const char *failure)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        result *grown = realloc(r->results, cap * sizeof *grown);
        if (grown == NULL) {
            r->oom = 1;
            return;
        }
        r->results = grown;
        r->cap = cap;
    }
    result *x = &r->results[r->count++];
    x->suite = dup(r->suite);
    x->name = dup(name);
    x->failure = failure ? dup(failure) : NULL;
    if (!x->suite || !x->name || (failure && !x->failure))
        r->oom = 1;
}

/* A YAML double-quoted scalar on standard output. */
static void yaml_quoted(const char *s, size_t n)
{
    putchar('"');
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '"' || s[k] == '\\')
            putchar('\\');
        putchar(s[k]);
    }
    putchar('"');
}

/* TAP diagnostics: the mismatches, then the reasons that decided (with their messages in
 * lang), as a YAML block. */
static void print_failure(const retour_case_report *c, retour_lang lang)
{
    printf("  ---\n  line: %d\n  mismatches:\n", c->line);
    for (const char *p = c->failure; *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        fputs("    - ", stdout);
        yaml_quoted(p, n);
        putchar('\n');
        p += n + (end != NULL);
    }
    if (c->decision) {
        size_t n = retour_decision_reason_count(c->decision);
        printf("  decided by:\n");
        for (size_t i = 0; i < n; i++) {
            const retour_reason *r = retour_decision_reason(c->decision, i);
            printf("    - %s", r->code);
            if (r->item >= 0)
                printf("#%ld", r->item);
            if (r->source_file)
                printf(" (%s:%d:%d)", r->source_file, r->source_line, r->source_column);
            if (r->law)
                printf(" [%s]", r->law);
            char msg[1024];
            int len = retour_decision_reason_message(c->decision, i, lang, msg, sizeof msg);
            if (len > 0) {
                fputs(": ", stdout);
                yaml_quoted(msg, (size_t)len < sizeof msg ? (size_t)len : strlen(msg));
            }
            printf("\n");
        }
    }
    printf("  ...\n");
}

static void on_case(const retour_case_report *c, void *ctx)
{
    run *r = ctx;
    r->number++;
    printf("%s %zu - %s: %s\n", c->passed ? "ok" : "not ok", r->number, r->suite, c->name);
    if (!c->passed)
        print_failure(c, r->lang);
    if (r->keep)
        keep_result(r, c->name, c->passed ? NULL : c->failure);
}

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

static int write_junit(const char *path, const run *r, size_t failures)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<testsuites name=\"retour test\" tests=\"%zu\" failures=\"%zu\">\n", r->count,
            failures);
    for (size_t i = 0; i < r->count; i++) {
        const result *x = &r->results[i];
        fputs("  <testcase classname=\"", f);
        xml_text(f, x->suite);
        fputs("\" name=\"", f);
        xml_text(f, x->name);
        if (x->failure == NULL) {
            fputs("\"/>\n", f);
            continue;
        }
        fputs("\">\n    <failure message=\"decision differs\">", f);
        xml_text(f, x->failure);
        fputs("</failure>\n  </testcase>\n", f);
    }
    fputs("</testsuites>\n", f);
    return fclose(f) == 0 ? 0 : -1;
}

static void print_error(const retour_error *e)
{
    if (e->line > 0)
        fprintf(stderr, "%s:%d:%d: error: %s%s%s\n", e->file, e->line, e->column, e->path,
                e->path[0] ? ": " : "", e->message);
    else
        fprintf(stderr, "%s: error: %s\n", e->file[0] ? e->file : "retour", e->message);
}

int cmd_test(int argc, char **argv)
{
    const char *files[64];
    int nfiles = 0;
    const char *junit = NULL;
    retour_date today = RETOUR_DATE_NONE;
    retour_lang lang = RETOUR_LANG_EN;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--junit") == 0 && i + 1 < argc) {
            junit = argv[++i];
        } else if (strcmp(a, "--today") == 0 && i + 1 < argc) {
            const char *d = argv[++i];
            if (retour_date_parse(&today, d, strlen(d)) != RETOUR_OK)
                return fprintf(stderr, "retour: --today needs a date YYYY-MM-DD\n"), EXIT_USAGE;
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            if (cli_lang(argv[++i], &lang))
                return EXIT_USAGE;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(test_usage, stdout);
            return EXIT_PASSED;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "retour: unknown option '%s'\n%s", a, test_usage);
            return EXIT_USAGE;
        } else if (nfiles < 64) {
            files[nfiles++] = a;
        } else {
            return fprintf(stderr, "retour: at most 63 cases files\n"), EXIT_USAGE;
        }
    }
    if (nfiles < 2) {
        fputs(test_usage, stderr);
        return EXIT_USAGE;
    }
    retour_error err;
    retour_policy *policy = NULL;
    if (retour_policy_load_file(&policy, files[0], NULL, &err) != RETOUR_OK) {
        print_error(&err);
        return EXIT_USAGE;
    }
    run r;
    memset(&r, 0, sizeof r);
    r.keep = junit != NULL;
    r.lang = lang;
    size_t failures = 0;
    int broken = 0;
    for (int i = 1; i < nfiles; i++) {
        size_t failed = 0;
        r.suite = files[i];
        if (retour_suite_run_file(policy, files[i], today, on_case, &r, &failed, &err)) {
            /* A broken cases file fails the run, with the place of the problem. */
            fflush(stdout);
            print_error(&err);
            r.number++;
            printf("not ok %zu - %s: the cases file could not be read\n", r.number, files[i]);
            if (r.keep)
                keep_result(&r, "(cases file)", err.message);
            broken = 1;
        }
        failures += failed;
    }
    printf("1..%zu\n", r.number);
    fflush(stdout); /* the summary comes after the TAP stream, also when both are captured */
    fprintf(stderr, "%zu cases, %zu failed%s\n", r.number - (size_t)broken, failures,
            broken ? ", a cases file could not be read" : "");
    int status = failures || broken ? EXIT_FAILED : EXIT_PASSED;
    if (junit && (r.oom || write_junit(junit, &r, failures + (size_t)broken) != 0)) {
        fprintf(stderr, "retour: cannot write %s\n", junit);
        status = EXIT_USAGE;
    }
    for (size_t i = 0; i < r.count; i++) {
        free(r.results[i].suite);
        free(r.results[i].name);
        free(r.results[i].failure);
    }
    free(r.results);
    retour_policy_free(policy);
    return status;
}
