/* Invariant checks shared by the fuzz targets. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <retour.h>

void retour_fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
    abort();
}

void retour_fuzz_check_error(int rc, const retour_error *err)
{
    FUZZ_CHECK(rc <= RETOUR_EINVAL && rc >= RETOUR_EREQUEST);
    FUZZ_CHECK(err->code == rc);
    FUZZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
    FUZZ_CHECK(memchr(err->path, '\0', sizeof err->path) != NULL);
    FUZZ_CHECK(memchr(err->file, '\0', sizeof err->file) != NULL);
    FUZZ_CHECK(err->message[0] != '\0');
    FUZZ_CHECK(strchr(err->message, '\n') == NULL);
    FUZZ_CHECK(err->line >= 0 && err->column >= 0);
    char buf[64];
    FUZZ_CHECK(retour_error_format(buf, sizeof buf, err) > 0);
}

const retour_policy *retour_fuzz_fixed_policy(retour_policy **slot, const char *text,
                                              size_t len)
{
    if (*slot == NULL &&
        retour_policy_load_string(slot, text, len, "fixed.yaml", NULL, NULL) != RETOUR_OK)
        retour_fuzz_fail(__FILE__, __LINE__, "the fixed policy loads");
    return *slot;
}
