/* Deciding a complaint under the legal guarantee (complaint.c). */
#ifndef RETOUR_COMPLAINT_H
#define RETOUR_COMPLAINT_H

#include "rules/eval.h"

int retour__decide_complaint(retour__eval *ev);

#endif
