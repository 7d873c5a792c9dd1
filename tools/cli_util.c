/* Small helpers the subcommands share. */
#include "cli_util.h"

#include <string.h>

int cli_lang(const char *value, retour_lang *out)
{
    if (strcmp(value, "en") == 0)
        *out = RETOUR_LANG_EN;
    else if (strcmp(value, "nl") == 0)
        *out = RETOUR_LANG_NL;
    else {
        fprintf(stderr, "retour: --lang must be en or nl, not '%s'\n", value);
        return -1;
    }
    return 0;
}

void cli_print_error(const retour_error *err)
{
    char line[RETOUR_ERROR_FILE_MAX + RETOUR_ERROR_PATH_MAX + RETOUR_ERROR_MESSAGE_MAX + 64];
    retour_error_format(line, sizeof line, err);
    fprintf(stderr, "retour: %s\n", line);
}

void cli_json_string(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else
            putc(*p, out);
    }
    putc('"', out);
}

void cli_money(char *buf, size_t size, int64_t minor, int decimals)
{
    if (decimals > 18)
        decimals = 18; /* no currency has more; keeps the scale in 64 bits */
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    const char *sign = minor < 0 ? "-" : "";
    uint64_t v = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    if (decimals <= 0)
        snprintf(buf, size, "%s%llu", sign, (unsigned long long)v);
    else
        snprintf(buf, size, "%s%llu.%0*llu", sign, (unsigned long long)(v / scale), decimals,
                 (unsigned long long)(v % scale));
}
