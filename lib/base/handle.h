/* Magic numbers at the start of the opaque objects. Public functions refuse a NULL, foreign
 * (another type's) or freed handle with RETOUR_EINVAL where it is visible: the magic is set
 * when an object is complete and cleared when it is freed. Best effort against mistakes,
 * not a guarantee: once the memory is reused a freed handle may look valid again. One
 * compare per call, so the hot path does not notice. */
#ifndef RETOUR_HANDLE_H
#define RETOUR_HANDLE_H

#include <stdint.h>

#define RETOUR__POLICY_MAGIC UINT32_C(0x52504f4c)   /* "RPOL" */
#define RETOUR__REQUEST_MAGIC UINT32_C(0x52524551)  /* "RREQ" */
#define RETOUR__DECISION_MAGIC UINT32_C(0x52444543) /* "RDEC" */
#define RETOUR__EVALUATOR_MAGIC UINT32_C(0x5245564c) /* "REVL" */

#define RETOUR__POLICY_OK(p) ((p) != NULL && (p)->magic == RETOUR__POLICY_MAGIC)
#define RETOUR__REQUEST_OK(r) ((r) != NULL && (r)->magic == RETOUR__REQUEST_MAGIC)
#define RETOUR__DECISION_OK(d) ((d) != NULL && (d)->magic == RETOUR__DECISION_MAGIC)
#define RETOUR__EVALUATOR_OK(e) ((e) != NULL && (e)->magic == RETOUR__EVALUATOR_MAGIC)

#endif
