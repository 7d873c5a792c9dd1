/* The legal floor per jurisdiction: withdrawal figures and the citations a decision prints.
 * Figures and article numbers follow ../shared/law (verified or secondary only; where a
 * national article is unverified the directive's article is cited alone). */
#ifndef RETOUR_JURISDICTION_H
#define RETOUR_JURISDICTION_H

#include "law/exclusion.h"
#include "retour.h"

/* The directive whose articles EU and EEA jurisdictions cite. */
#define RETOUR__CRD "Directive 2011/83/EU"

#include <stddef.h>

/* The citation of each withdrawal rule, whole ("BW 6:230o; Directive 2011/83/EU art. 9"). */
typedef struct retour__citations {
    const char *period;       /* art. 9 */
    const char *extension;    /* art. 10(1) */
    const char *refund;       /* art. 13(1) */
    const char *return_goods; /* art. 14(1) */
    const char *handling;     /* art. 14(2): diminished value; opened packaging allowed */
    const char *exception[RETOUR__EXCL__COUNT]; /* art. 16(a)-(m) */
    const char *exercise;     /* art. 11(1): any unequivocal statement; the form optional */
    const char *timely;       /* art. 11(2): sending the notice in time suffices */
    const char *withhold;     /* art. 13(3): withheld until the goods or proof of dispatch */
    const char *function;     /* art. 11a: the online withdrawal function (NULL: none) */
    const char *return_risk;  /* the trader bears the risk of the return shipment (DE BGB
                               * §355(3)); NULL where the tables hold no such rule */
} retour__citations;

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
    /* The first contract day the online withdrawal function is owed for (Directive (EU)
     * 2023/2673); RETOUR__DATE_MAX where no rule of the tables requires one. */
    retour_date function_from;
    /* What decisions cite for each rule: the national provision where it is verified or
     * secondary, then the directive's article (EU, EEA); NULL where nothing is cited. */
    retour__citations cite;
} retour__jurisdiction;

/* Finds a jurisdiction by its exact code ("NL", "EU", "UK", "GB", "NO", "none"); NULL when
 * unknown. */
const retour__jurisdiction *retour__jurisdiction_find(const char *code);

/* 1 when a and b are the same law (the same code; UK and GB are one). */
int retour__jurisdiction_same_law(const retour__jurisdiction *a, const retour__jurisdiction *b);

/* 1 for a country's law (every code but "EU" and "none"). */
int retour__jurisdiction_is_country(const retour__jurisdiction *j);

/* All codes, for error messages listing the known ones. */
size_t retour__jurisdiction_codes(const char *const **codes);


#endif
