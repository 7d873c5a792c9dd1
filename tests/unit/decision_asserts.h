/* Checks shared by the unit tests that look at a decision without a result (test_withdrawal.c,
 * test_api_misuse.c, test_allocfail.c). Call only from a running cmocka test. */
#ifndef DECISION_ASSERTS_H
#define DECISION_ASSERTS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "retour.h"

/* The decision (NULL, new, or after a failed evaluation) holds no result: every accessor
 * gives its default, and the message and JSON writers refuse it without touching the
 * buffer they are given. */
void assert_no_result(const retour_decision *d);

#endif
