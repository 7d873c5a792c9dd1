/* The public header compiles as strict C99 (see tests/header/meson.build for the flags). */
#include <retour.h>

int main(void)
{
    retour_options options = RETOUR_OPTIONS_INIT;
    return options.version == RETOUR_OPTIONS_VERSION && retour_version_number() > 0 ? 0 : 1;
}
