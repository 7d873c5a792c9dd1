/* Runtime version, for programs built against one header and run with another library. */
#include "retour.h"

const char *retour_version(void) { return RETOUR_VERSION_STRING; }

int retour_version_number(void) { return RETOUR_VERSION_NUMBER; }
