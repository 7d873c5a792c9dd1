/* Hints for the evaluation's hot path, empty where the compiler has no such attribute. */
#ifndef RETOUR_COMPILER_H
#define RETOUR_COMPILER_H

#if defined(__GNUC__) || defined(__clang__)
/* Keeps a rare path (growing a buffer, tracing) out of its caller, so that the caller's
 * common path saves no registers and calls nothing. */
#define RETOUR__NOINLINE __attribute__((noinline))
/* Folds a step of the plan into each caller, so that what a route counted stays in
 * registers instead of passing through memory. */
#define RETOUR__INLINE inline __attribute__((always_inline))
#define RETOUR__LIKELY(x) __builtin_expect(!!(x), 1)
#define RETOUR__UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define RETOUR__NOINLINE
#define RETOUR__INLINE inline
#define RETOUR__LIKELY(x) (x)
#define RETOUR__UNLIKELY(x) (x)
#endif

/* The number of trailing zero bits of x, which is not 0. */
static inline unsigned retour__ctz64(unsigned long long x)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned n = 0;
    for (; !(x & 1); x >>= 1)
        n++;
    return n;
#endif
}

#endif
