/* The legal figures a consumer's own law may improve on the policy's jurisdiction (Rome I
 * Regulation art. 6(2)), as bits: the rules record which ones the consumer's law gave, the
 * reason consumer_country_law names them. */
#ifndef RETOUR_FIGURES_H
#define RETOUR_FIGURES_H

enum {
    RETOUR__FIG_RIGHT = 1u << 0,        /* the right of withdrawal itself */
    RETOUR__FIG_CALENDAR = 1u << 1,     /* public holidays that move deadlines */
    RETOUR__FIG_GUARANTEE = 1u << 2,    /* the legal guarantee period */
    RETOUR__FIG_LIFESPAN = 1u << 3,     /* conformity judged over the expected lifespan */
    RETOUR__FIG_PRESUMPTION = 1u << 4,  /* the presumption period */
    RETOUR__FIG_SHORT_REJECT = 1u << 5, /* the short-term right to reject */
    RETOUR__FIG_NOTICE = 1u << 6,       /* no (or a longer) time to notify a defect */
    RETOUR__FIG__COUNT = 7
};

#endif
