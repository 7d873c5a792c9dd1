#!/bin/sh
# Runs the PHP binding's tests. Works from any directory.
#   bindings/php/run-tests.sh [FILTER]
# Installs php-cli with apt-get when php is missing (through sudo when not root).
# RETOUR_LIBRARY: absolute path to libretour.so; default ../../build/lib/libretour.so
# relative to this script. RETOUR_CLI: the retour program (default: build/tools/retour next
# to the library), for the json() comparison.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v php >/dev/null 2>&1; then
    echo "run-tests.sh: php not found, installing php-cli" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli >/dev/null
fi
if ! php -m | grep -qx FFI; then
    echo "run-tests.sh: the PHP FFI extension is missing (Debian's php-cli ships it)" >&2
    exit 1
fi

if [ -z "${RETOUR_LIBRARY:-}" ]; then
    RETOUR_LIBRARY=$here/../../build/lib/libretour.so
fi
case $RETOUR_LIBRARY in
    /*) ;;
    *) RETOUR_LIBRARY=$(pwd)/$RETOUR_LIBRARY ;;
esac
if [ ! -f "$RETOUR_LIBRARY" ]; then
    echo "run-tests.sh: $RETOUR_LIBRARY not found; build the library first (ninja -C build)" >&2
    exit 1
fi
RETOUR_LIBRARY=$(CDPATH= cd -- "$(dirname -- "$RETOUR_LIBRARY")" && pwd)/$(basename -- "$RETOUR_LIBRARY")
export RETOUR_LIBRARY

exec php -d ffi.enable=1 -d zend.assertions=1 -d memory_limit=512M "$here/tests/run.php" "$@"
