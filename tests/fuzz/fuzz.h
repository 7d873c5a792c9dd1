/* The libFuzzer entry point every target defines. The same function runs under libFuzzer
 * (-Dfuzz=true) and under replay.c, which feeds it the corpus in every build. */
#ifndef RETOUR_FUZZ_H
#define RETOUR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fails loudly (abort: libFuzzer and the replay driver both report it) when an invariant
 * of the library's contract does not hold; a plain assert() would vanish with NDEBUG. */
#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond))                                                                       \
            retour_fuzz_fail(__FILE__, __LINE__, #cond);                                   \
    } while (0)

void retour_fuzz_fail(const char *file, int line, const char *what);

/* Checks a failed call's error: a known code, the same in err, and a one-line message. */
struct retour_error;
void retour_fuzz_check_error(int rc, const struct retour_error *err);

/* Loads a fixed policy into *slot on the first call and keeps it for the process (inputs
 * never change a policy); fails loudly when it does not load. */
struct retour_policy;
const struct retour_policy *retour_fuzz_fixed_policy(struct retour_policy **slot,
                                                     const char *text, size_t len);

#endif
