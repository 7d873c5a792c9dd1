/* Small helpers the subcommands share. */
#ifndef RETOUR_TOOLS_CLI_UTIL_H
#define RETOUR_TOOLS_CLI_UTIL_H

#include <retour.h>

#include <stdio.h>

/* Reads a --lang value ("en" or "nl"); 0, or -1 after printing the usage error. */
int cli_lang(const char *value, retour_lang *out);

/* Prints err on standard error as "retour: file:line:col: error: path: message". */
void cli_print_error(const retour_error *err);

/* Writes s as a JSON string, quotes included. */
void cli_json_string(FILE *out, const char *s);

/* Formats minor units with the currency's decimals ("12.50", "-3", "1234.000"). */
void cli_money(char *buf, size_t size, int64_t minor, int decimals);

#endif
