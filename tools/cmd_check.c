/* retour check POLICY...: every problem in policy files, printed like a compiler's
 * diagnostics (or as JSON) so that editors and CI can annotate them. */
#include "cli_util.h"
#include "commands.h"

#include <retour.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

static const char check_usage[] =
    "usage: retour check POLICY... [--format text|json] [--lang en|nl]\n"
    "\n"
    "Checks policy files and prints every problem, one per line:\n"
    "  FILE:LINE:COL: SEVERITY: KEY.PATH: MESSAGE [CODE]\n"
    "A policy that loads is then judged against its jurisdiction's law: clauses below it are\n"
    "errors, risky ones warnings, others info; each is followed by indented law: and fix:\n"
    "lines (--lang nl: in Dutch).\n"
    "--format json prints one JSON array with an object per file instead.\n"
    "Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.\n";

typedef struct output {
    int json;
    int color;
    retour_lang lang;
    size_t count; /* diagnostics printed for the current file */
} output;

/* The severity word in the colours compilers use: red errors, magenta warnings, cyan notes
 * and information. */
static const char *color_of(retour_severity s)
{
    return s == RETOUR_SEVERITY_ERROR ? "\033[1;31m"
           : s == RETOUR_SEVERITY_WARNING ? "\033[1;35m" : "\033[1;36m";
}

static int print_diagnostic(void *ctx, const retour_diagnostic *d)
{
    output *out = ctx;
    if (out->json) {
        fputs(out->count ? ",\n    " : "\n    ", stdout);
        printf("{\"file\":");
        cli_json_string(stdout, d->file);
        printf(",\"line\":%d,\"column\":%d,\"offset\":%zu,\"severity\":\"%s\",\"code\":", d->line,
               d->column, d->offset, retour_severity_name(d->severity));
        cli_json_string(stdout, d->code);
        fputs(",\"path\":", stdout);
        cli_json_string(stdout, d->path);
        fputs(",\"message\":", stdout);
        cli_json_string(stdout, d->message);
        if (d->law) {
            fputs(",\"law\":", stdout);
            cli_json_string(stdout, d->law);
        }
        if (d->fix) {
            fputs(",\"fix\":", stdout);
            cli_json_string(stdout, d->fix);
        }
        putchar('}');
    } else {
        const char *sev = retour_severity_name(d->severity);
        if (d->line > 0)
            printf("%s:%d:%d: ", d->file, d->line, d->column);
        else
            printf("%s: ", d->file);
        if (out->color)
            printf("%s%s\033[0m: ", color_of(d->severity), sev);
        else
            printf("%s: ", sev);
        printf("%s%s%s [%s]\n", d->path, d->path[0] ? ": " : "", d->message, d->code);
        /* Indented continuation lines: editors' problem matchers read only the first. */
        if (d->law)
            printf("    law: %s\n", d->law);
        if (d->fix)
            printf("    fix: %s\n", d->fix);
    }
    out->count++;
    return 0;
}

/* Checks one file; returns its exit status. */
static int check_one(output *out, const char *path, int first)
{
    retour_error err;
    out->count = 0;
    if (out->json) {
        fputs(first ? "\n  {\"file\":" : ",\n  {\"file\":", stdout);
        cli_json_string(stdout, path);
        fputs(",\"diagnostics\":[", stdout);
    }
    retour_options options = RETOUR_OPTIONS_INIT;
    options.lang = out->lang;
    int rc = retour_policy_check_file(path, &options, print_diagnostic, out, &err);
    if (out->json)
        fputs(out->count ? "\n  ]" : "]", stdout);
    if (rc < 0) {
        char line[RETOUR_ERROR_FILE_MAX + RETOUR_ERROR_PATH_MAX + RETOUR_ERROR_MESSAGE_MAX + 64];
        retour_error_format(line, sizeof line, &err);
        fflush(stdout);
        fprintf(stderr, "retour: %s\n", line);
        if (out->json) {
            fputs(",\"error\":", stdout);
            cli_json_string(stdout, err.message);
        }
    }
    if (out->json)
        printf(",\"errors\":%d}", rc > 0 ? rc : 0);
    return rc < 0 ? EXIT_USAGE : rc > 0 ? EXIT_PROBLEMS : EXIT_CLEAN;
}

int cmd_check(int argc, char **argv)
{
    output out = { 0, 0, RETOUR_LANG_EN, 0 };
    int nfiles = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            const char *l = argv[++i];
            if (strcmp(l, "nl") == 0)
                out.lang = RETOUR_LANG_NL;
            else if (strcmp(l, "en") == 0)
                out.lang = RETOUR_LANG_EN;
            else
                return fprintf(stderr, "retour: --lang must be en or nl\n"), EXIT_USAGE;
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "json") == 0)
                out.json = 1;
            else if (strcmp(f, "text") == 0)
                out.json = 0;
            else
                return fprintf(stderr, "retour: --format must be text or json\n"), EXIT_USAGE;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(check_usage, stdout);
            return EXIT_CLEAN;
        } else if (strcmp(a, "--") == 0) {
            nfiles += argc - i - 1;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "retour: unknown option '%s'\n", a);
            fputs(check_usage, stderr);
            return EXIT_USAGE;
        } else {
            nfiles++;
        }
    }
    if (nfiles == 0) {
        fputs(check_usage, stderr);
        return EXIT_USAGE;
    }
    /* Colour only for a person at a terminal; NO_COLOR (no-color.org) turns it off. */
    const char *no_color = getenv("NO_COLOR");
    out.color = !out.json && isatty(STDOUT_FILENO) && !(no_color && no_color[0]);

    int status = EXIT_CLEAN, first = 1, files_only = 0;
    if (out.json)
        putchar('[');
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!files_only && strcmp(a, "--") == 0) {
            files_only = 1;
            continue;
        }
        if (!files_only && (strcmp(a, "--format") == 0 || strcmp(a, "--lang") == 0)) {
            i++;
            continue;
        }
        int s = check_one(&out, a, first);
        first = 0;
        if (s > status)
            status = s;
    }
    if (out.json)
        fputs("\n]\n", stdout);
    if (fflush(stdout) != 0)
        return EXIT_USAGE;
    return status;
}
