/* The legal floor per jurisdiction: withdrawal figures and the citations a decision prints.
 * Figures and article numbers follow ../shared/law (verified or secondary only; where a
 * national article is unverified the directive's article is cited alone). */
#ifndef RETOUR_JURISDICTION_H
#define RETOUR_JURISDICTION_H

#include "law/exclusion.h"
#include "retour.h"

#include <stddef.h>

typedef struct retour__jurisdiction {
    const char *code;
    const char *name;
    int eu;                /* a member state: the EU directives apply (cite them) */
    int eea;               /* an EEA EFTA state: the directives apply through the EEA
                            * Agreement where it incorporates them (cite them) */
    int statutory;         /* a statutory right of withdrawal exists */
    int withdrawal_days;   /* 14 */
    int extension_months;  /* 12: period extension when the consumer was not informed */
    int refund_days;       /* 14: latest refund after the notice */
    int return_days;       /* 14: the consumer's time to send the goods back */
    retour_date withdrawal_from; /* the first contract day these figures cover */
    /* National provisions (NULL where none is cited); the directive is appended for EU. */
    const char *period;
    const char *extension;
    const char *refund;
    const char *return_goods;
    const char *handling; /* diminished value; opened packaging allowed */
    const char *exception[RETOUR__EXCL__COUNT];
} retour__jurisdiction;

/* Finds a jurisdiction by its exact code ("NL", "EU", "UK", "GB", "NO", "none"); NULL when
 * unknown. */
const retour__jurisdiction *retour__jurisdiction_find(const char *code);

/* All codes, for error messages listing the known ones. */
size_t retour__jurisdiction_codes(const char *const **codes);

/* Directive articles cited for EU jurisdictions. */
#define RETOUR__CRD "Directive 2011/83/EU"

#endif
