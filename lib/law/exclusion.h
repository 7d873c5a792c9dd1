/* The legal exceptions to the right of withdrawal (Directive 2011/83/EU art. 16). */
#ifndef RETOUR_EXCLUSION_H
#define RETOUR_EXCLUSION_H

typedef enum retour__exclusion {
    RETOUR__EXCL_NONE = 0,
    RETOUR__EXCL_SERVICES_PERFORMED,      /* 16(a) */
    RETOUR__EXCL_PRICE_FLUCTUATION,       /* 16(b) */
    RETOUR__EXCL_PERSONALISED,            /* 16(c) */
    RETOUR__EXCL_PERISHABLE,              /* 16(d) */
    RETOUR__EXCL_HYGIENE_SEALED,          /* 16(e), once unsealed */
    RETOUR__EXCL_MIXED_GOODS,             /* 16(f) */
    RETOUR__EXCL_ALCOHOL_FUTURE_DELIVERY, /* 16(g) */
    RETOUR__EXCL_URGENT_REPAIRS,          /* 16(h) */
    RETOUR__EXCL_SEALED_MEDIA,            /* 16(i), once unsealed */
    RETOUR__EXCL_NEWSPAPER,               /* 16(j) */
    RETOUR__EXCL_PUBLIC_AUCTION,          /* 16(k) */
    RETOUR__EXCL_DATED_SERVICE,           /* 16(l) */
    RETOUR__EXCL_DIGITAL_CONTENT,         /* 16(m) */
    RETOUR__EXCL__COUNT
} retour__exclusion;

/* Policy ids ("personalised"), indexed by retour__exclusion. */
extern const char *const retour__exclusion_ids[RETOUR__EXCL__COUNT];

/* The letter of Directive 2011/83/EU art. 16 ('c'), 0 for none. */
char retour__exclusion_letter(retour__exclusion e);

/* Only applies once the seal is broken (hygiene goods, sealed media). */
int retour__exclusion_needs_unsealing(retour__exclusion e);

#endif
