/* retour eval --batch POLICY [FILE]: decides one JSON request per line, streaming. One
 * request, one decision and one line buffer are reused for every line, and output goes
 * through a large stdio buffer, so memory stays flat however long the input is. */
#include "cmd_batch.h"
#include "line_reader.h"

#include <retour.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_ALL_DECIDED = 0, EXIT_SOME_ERRORS = 1, EXIT_NOT_STARTED = 2 };

/* A progress line on a terminal every this many lines. */
#define PROGRESS_EVERY 262144u

static const char batch_usage[] =
    "usage: retour eval --batch POLICY [FILE] [--compact] [--lang en|nl]\n"
    "\n"
    "Decides one JSON request per line of FILE (or standard input when FILE is absent or -)\n"
    "against POLICY and writes one line per request, in order: the decision exactly as\n"
    "`retour eval --format json` writes it (with --compact, as `--format json --compact`:\n"
    "without the reasons' messages), or {\"line\": N, \"error\": {...}} for a line that\n"
    "could not be decided (the run goes on). Empty lines are skipped. A summary\n"
    "\"N decided, M errors\" goes to standard error.\n"
    "Exit status: 0 every line decided, 1 some lines had errors, 2 the run could not start\n"
    "(bad policy, unreadable file, usage).\n";

int batch_requested(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--batch") == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------------------------
 * Output
 * ---------------------------------------------------------------------------------- */

static const char *code_name(int code)
{
    switch (code) {
    case RETOUR_EINVAL: return "invalid_argument";
    case RETOUR_ENOMEM: return "out_of_memory";
    case RETOUR_EIO: return "io";
    case RETOUR_ESYNTAX: return "syntax";
    case RETOUR_ESCHEMA: return "schema";
    case RETOUR_ELIMIT: return "limit";
    case RETOUR_ERANGE: return "range";
    case RETOUR_EREQUEST: return "request";
    default: return "unknown";
    }
}

static void put_json_string(FILE *out, const char *s)
{
    putc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            putc(c, out);
    }
    putc('"', out);
}

/* {"line":N,"error":{"code":...,"message":...,"line":N,"column":C,"path":...}}: the place
 * is in the input file (the request is that one line). */
static void put_error(FILE *out, size_t line, const retour_error *err)
{
    fprintf(out, "{\"line\":%zu,\"error\":{\"code\":\"%s\",\"message\":", line,
            code_name(err->code));
    put_json_string(out, err->message[0] ? err->message : retour_strerror(err->code));
    fprintf(out, ",\"line\":%zu,\"column\":%d,\"path\":", err->line > 0 ? line : 0,
            err->column);
    put_json_string(out, err->path);
    fputs("}}\n", out);
}

/* ------------------------------------------------------------------------------------
 * The command
 * ---------------------------------------------------------------------------------- */

typedef struct batch {
    const retour_policy *policy;
    retour_request *request;
    retour_decision *decision;
    retour_lang lang;
    retour_json_form form;
    const char *name;
    char *json; /* the decision's JSON, reused */
    size_t json_cap;
    size_t decided, errors;
} batch;

/* Decides one line and writes its output line. Returns 0, or -1 when out of memory. */
static int decide_line(batch *b, size_t number, const char *text, size_t len, size_t full)
{
    retour_error err;
    if (full > MAX_LINE) {
        memset(&err, 0, sizeof err);
        err.code = RETOUR_ELIMIT;
        snprintf(err.message, sizeof err.message,
                 "a line of %zu bytes exceeds the limit of %zu bytes", full, MAX_LINE);
        put_error(stdout, number, &err);
        b->errors++;
        return 0;
    }
    if (retour_request_parse_json(b->request, b->policy, text, len, b->name, &err) != RETOUR_OK ||
        retour_evaluate(b->decision, b->policy, b->request, &err) != RETOUR_OK) {
        put_error(stdout, number, &err);
        b->errors++;
        return 0;
    }
    long n = retour_decision_to_json_form(b->decision, b->form, b->lang, b->json, b->json_cap);
    if (n < 0)
        return -1;
    if ((size_t)n >= b->json_cap) {
        size_t cap = (size_t)n + 1 > 2 * b->json_cap ? (size_t)n + 1 : 2 * b->json_cap;
        char *p = realloc(b->json, cap);
        if (p == NULL)
            return -1;
        b->json = p;
        b->json_cap = cap;
        retour_decision_to_json_form(b->decision, b->form, b->lang, b->json, b->json_cap);
    }
    b->json[n] = '\n';
    fwrite(b->json, 1, (size_t)n + 1, stdout);
    b->decided++;
    return 0;
}

static void print_error(const retour_error *err)
{
    char line[RETOUR_ERROR_FILE_MAX + RETOUR_ERROR_PATH_MAX + RETOUR_ERROR_MESSAGE_MAX + 64];
    retour_error_format(line, sizeof line, err);
    fprintf(stderr, "retour: %s\n", line);
}

int cmd_batch(int argc, char **argv)
{
    const char *files[2] = { NULL, NULL };
    int nfiles = 0;
    retour_lang lang = RETOUR_LANG_EN;
    retour_json_form form = RETOUR_JSON_FULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--batch") == 0) {
            continue;
        } else if (strcmp(a, "--compact") == 0) {
            form = RETOUR_JSON_COMPACT;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(batch_usage, stdout);
            return EXIT_ALL_DECIDED;
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            const char *l = argv[++i];
            if (strcmp(l, "nl") == 0)
                lang = RETOUR_LANG_NL;
            else if (strcmp(l, "en") != 0)
                return fprintf(stderr, "retour: --lang must be en or nl\n"), EXIT_NOT_STARTED;
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            if (strcmp(argv[++i], "json") != 0)
                return fprintf(stderr, "retour: --batch writes JSON only\n"), EXIT_NOT_STARTED;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "retour: unknown option '%s'\n", a);
            fputs(batch_usage, stderr);
            return EXIT_NOT_STARTED;
        } else if (nfiles < 2) {
            files[nfiles++] = a;
        } else {
            fputs(batch_usage, stderr);
            return EXIT_NOT_STARTED;
        }
    }
    if (nfiles < 1) {
        fputs(batch_usage, stderr);
        return EXIT_NOT_STARTED;
    }

    retour_error err;
    retour_policy *policy = NULL;
    if (retour_policy_load_file(&policy, files[0], NULL, &err) != RETOUR_OK) {
        print_error(&err);
        return EXIT_NOT_STARTED;
    }
    int from_stdin = files[1] == NULL || strcmp(files[1], "-") == 0;
    line_reader *lr = calloc(1, sizeof *lr);
    if (lr == NULL) {
        retour_policy_free(policy);
        return fprintf(stderr, "retour: out of memory\n"), EXIT_NOT_STARTED;
    }
    lr->f = from_stdin ? stdin : fopen(files[1], "rb");
    if (lr->f == NULL) {
        fprintf(stderr, "retour: %s: error: cannot open: %s\n", files[1], strerror(errno));
        free(lr);
        retour_policy_free(policy);
        return EXIT_NOT_STARTED;
    }

    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.max_input_bytes = MAX_LINE;
    batch b = { policy, NULL, NULL, lang, form, from_stdin ? "<stdin>" : files[1], NULL, 0, 0,
                0 };
    int status = EXIT_NOT_STARTED;
    if (retour_request_new(&b.request, RETOUR_REQUEST_WITHDRAWAL, &opts) != RETOUR_OK ||
        retour_decision_new(&b.decision, &opts) != RETOUR_OK) {
        fprintf(stderr, "retour: out of memory\n");
        goto out;
    }
    static char out_buffer[1 << 16];
    setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    int progress = isatty(STDERR_FILENO);
    size_t number = 0;
    const char *text;
    size_t len, full;
    int rc;
    while ((rc = next_line(lr, &text, &len, &full)) > 0) {
        number++;
        if (len && text[len - 1] == '\r')
            len--; /* CRLF files */
        if (!line_blank(text, len) && decide_line(&b, number, text, len, full)) {
            rc = -1;
            break;
        }
        if (progress && number % PROGRESS_EVERY == 0)
            fprintf(stderr, "\rretour: %zu lines", number);
    }
    if (progress && number >= PROGRESS_EVERY)
        fputc('\n', stderr);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "retour: cannot write the output: %s\n", strerror(errno));
    } else if (rc < 0) {
        fprintf(stderr, "retour: %s: error: %s after line %zu\n", b.name,
                ferror(lr->f) ? "cannot read" : "out of memory", number);
    } else {
        status = b.errors ? EXIT_SOME_ERRORS : EXIT_ALL_DECIDED;
    }
    fprintf(stderr, "%zu decided, %zu errors\n", b.decided, b.errors);
out:
    if (!from_stdin)
        fclose(lr->f);
    free(lr->buf);
    free(lr);
    free(b.json);
    retour_decision_free(b.decision);
    retour_request_free(b.request);
    retour_policy_free(policy);
    return status;
}
