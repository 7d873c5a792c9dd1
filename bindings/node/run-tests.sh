#!/bin/sh
# Runs the Node binding's tests. Works from any directory.
#   RETOUR_LIBRARY  absolute path of libretour.so (default: ../../build/lib/libretour.so
#                   relative to this script)
# Installs Node.js and npm with apt-get, and koffi with npm, only when they are missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

: "${RETOUR_LIBRARY:=$here/../../build/lib/libretour.so}"
case $RETOUR_LIBRARY in
    /*) ;;
    *) RETOUR_LIBRARY=$(pwd)/$RETOUR_LIBRARY ;;
esac
if [ ! -f "$RETOUR_LIBRARY" ]; then
    echo "run-tests.sh: no library at $RETOUR_LIBRARY (build it: meson setup build && ninja -C build)" >&2
    exit 2
fi
export RETOUR_LIBRARY

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "run-tests.sh: installing nodejs and npm" >&2
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
fi

if [ ! -d "$here/node_modules/koffi" ]; then
    echo "run-tests.sh: installing koffi" >&2
    if [ -f "$here/package-lock.json" ]; then
        (cd "$here" && npm ci --no-audit --no-fund)
    else
        (cd "$here" && npm install --no-audit --no-fund)
    fi
fi

cd "$here"
exec node --test test/
