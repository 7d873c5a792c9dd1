/* The words of reasons and notes, in every language the library speaks (messages.c). */
#ifndef RETOUR_MESSAGES_H
#define RETOUR_MESSAGES_H

#include "decision/notes.h"
#include "decision/reasons.h"

/* Expands the code's template in lang into buf; returns the length needed (snprintf). */
int retour__message_format(char *buf, size_t size, retour__code code, retour_lang lang,
                           const retour__params *params, const char *currency, int decimals);

/* The note's template in lang into buf; the length needed (snprintf), -1 for a bad note. */
int retour__note_format(char *buf, size_t size, retour__note note, retour_lang lang,
                        const retour__params *params, const char *currency, int decimals);

#endif
