/* The words for the public enums' values (names.c). */
#ifndef RETOUR_NAMES_H
#define RETOUR_NAMES_H

#include "retour.h"

/* "unknown" first: requests write the other four. */
extern const char *const retour__packaging_names[RETOUR_PACKAGING__COUNT];
extern const char *const retour__cause_names[RETOUR_CAUSE__COUNT];
extern const char *const retour__remedy_names[RETOUR_REMEDY__COUNT];

/* What a shop's terms may require of a withdrawal or a complaint (withdrawal.requires,
 * complaints.notice_form) and a request may say it provided (provided:), one bit each. */
typedef enum retour__requirement {
    RETOUR__REQ_FORM = 0,
    RETOUR__REQ_INVOICE,
    RETOUR__REQ_ORIGINAL_RECEIPT,
    RETOUR__REQ_RETURN_NUMBER,
    RETOUR__REQ_REGISTERED_POST,
    RETOUR__REQ_PRIOR_CONSENT,
    RETOUR__REQ_ACCOUNT,
    RETOUR__REQ_PHOTOS,
    RETOUR__REQ_ORIGINAL_PACKAGING,
    RETOUR__REQ_WRITTEN, /* a written notice (complaints.notice_form: written) */
    RETOUR__REQ__COUNT
} retour__requirement;
/* The words of withdrawal.requires: every requirement but `written`. */
#define RETOUR__REQ__WITHDRAWAL RETOUR__REQ_WRITTEN
extern const char *const retour__requirement_names[RETOUR__REQ__COUNT];

/* withdrawal.refund_method, and the method a decision's refund names. */
typedef enum retour__refund_method {
    RETOUR__METHOD_ORIGINAL_PAYMENT = 0, /* art. 13(1): the same means of payment */
    RETOUR__METHOD_CONSUMER_CHOICE,
    RETOUR__METHOD_STORE_CREDIT, /* only with the consumer's express agreement */
    RETOUR__METHOD_VOUCHER,
    RETOUR__METHOD__COUNT
} retour__refund_method;
extern const char *const retour__refund_method_names[RETOUR__METHOD__COUNT];

#endif
