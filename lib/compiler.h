/* Hints for the evaluation's hot path, empty where the compiler has no such attribute. */
#ifndef RETOUR_COMPILER_H
#define RETOUR_COMPILER_H

#if defined(__GNUC__) || defined(__clang__)
/* Keeps a rare path (growing a buffer, tracing) out of its caller, so that the caller's
 * common path saves no registers and calls nothing. */
#define RETOUR__NOINLINE __attribute__((noinline))
#define RETOUR__LIKELY(x) __builtin_expect(!!(x), 1)
#define RETOUR__UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define RETOUR__NOINLINE
#define RETOUR__LIKELY(x) (x)
#define RETOUR__UNLIKELY(x) (x)
#endif

#endif
