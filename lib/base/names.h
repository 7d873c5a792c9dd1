/* The words for the public enums' values (names.c). */
#ifndef RETOUR_NAMES_H
#define RETOUR_NAMES_H

#include "retour.h"

/* "unknown" first: requests write the other four. */
extern const char *const retour__packaging_names[RETOUR_PACKAGING__COUNT];
extern const char *const retour__cause_names[RETOUR_CAUSE__COUNT];
extern const char *const retour__remedy_names[RETOUR_REMEDY__COUNT];

#endif
