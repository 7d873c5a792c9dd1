/* Exception ids as policies write them; the order follows the directive's letters. */
#include "law/exclusion.h"

const char *const retour__exclusion_ids[RETOUR__EXCL__COUNT] = {
    "none",
    "services_performed",
    "price_fluctuation",
    "personalised",
    "perishable",
    "hygiene_sealed",
    "mixed_goods",
    "alcohol_future_delivery",
    "urgent_repairs",
    "sealed_media",
    "newspaper",
    "public_auction",
    "dated_service",
    "digital_content",
};

char retour__exclusion_letter(retour__exclusion e)
{
    if (e <= RETOUR__EXCL_NONE || e >= RETOUR__EXCL__COUNT)
        return 0;
    return (char)('a' + (e - RETOUR__EXCL_SERVICES_PERFORMED));
}

int retour__exclusion_needs_unsealing(retour__exclusion e)
{
    return e == RETOUR__EXCL_HYGIENE_SEALED || e == RETOUR__EXCL_SEALED_MEDIA;
}
