/* The JSON writer's helpers for the other parts (json_out.c): the verdict's JSON, written
 * without a decision, and an error's. The decision's own JSON is public (retour_decision_to_json_form). */
#ifndef RETOUR_JSON_OUT_H
#define RETOUR_JSON_OUT_H

#include <stddef.h>

#include "retour.h"

/* {"outcome":...,"deciding_reason":...,"withdrawal_deadline":...} of a verdict into buf
 * (NUL-terminated, cut to size; NULL with size 0 to measure); returns the length needed,
 * like retour_decision_to_json_form(). */
long retour__verdict_to_json(const retour_verdict *verdict, char *buf, size_t size);

/* {"error":{"code":...,"file":...,"line":...,"column":...,"offset":...,"path":...,
 * "message":...,"formatted":...}}: every field of err, formatted as retour_error_format()
 * writes it; same buffer contract. */
long retour__error_to_json(const retour_error *err, char *buf, size_t size);

#endif
