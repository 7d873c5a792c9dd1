/* What a trace says of a rule that recorded no reason: the notes, each a template in
 * messages.c beside the reasons' own. */
#ifndef RETOUR_NOTES_H
#define RETOUR_NOTES_H

/* Why a rule did not apply (or a fact a rule checked), for steps that record no reason.
 * Templates in messages.c; params as for reasons. Add new ones, never reorder. */
typedef enum retour__note {
    RETOUR__N_NONE = 0,
    RETOUR__N_STATUTORY_PERIOD_OVER,   /* {date2} after {date} */
    RETOUR__N_NO_STATUTORY_RIGHT,
    RETOUR__N_NO_EXCLUSION,            /* {category} */
    RETOUR__N_SHOP_EXCLUSION_STATUTORY,/* {category} */
    RETOUR__N_PACKAGING_INTACT,
    RETOUR__N_WITHIN_LEGAL_GUARANTEE,  /* {date2} {date} */
    RETOUR__N_NOT_CAUSED,
    RETOUR__N_NOT_WEAR,
    RETOUR__N_NO_DEFECT_ESTABLISHED,
    RETOUR__N_NO_INSPECTION,           /* {category} */
    RETOUR__N_CLAIMS_BELOW,            /* {days} {days2} */
    RETOUR__N_AMOUNT_BELOW,            /* {amount} */
    RETOUR__N_GW_TYPE,                 /* goodwill misses: {name} and as below */
    RETOUR__N_GW_EXCLUDED,
    RETOUR__N_GW_ORDERS,               /* {days} {days2} */
    RETOUR__N_GW_SPEND,                /* {amount} */
    RETOUR__N_GW_AMOUNT,               /* {amount} */
    RETOUR__N_GW_DAYS_LATE,            /* {days} {days2} */
    RETOUR__N_GW_GOODWILL,             /* {days} {days2} */
    RETOUR__N_GW_CLAIMS,               /* {days} {days2} */
    RETOUR__N_GW_CAUSE,                /* {cause} */
    RETOUR__N_GW_CAUSE_UNKNOWN,
    RETOUR__N_GW_ADMITS,
    RETOUR__N_GW_CATEGORY,             /* {category} */
    RETOUR__N__COUNT
} retour__note;

#endif
