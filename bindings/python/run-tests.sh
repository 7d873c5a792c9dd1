#!/usr/bin/env bash
# Runs the Python binding's tests (python3 -m unittest discover). Works from any directory.
#   RETOUR_LIBRARY  path to libretour.so (default: build/lib/libretour.so of this tree)
#   RETOUR_CLI      path to the retour program for the byte-equality tests
#                   (default: tools/retour next to the library's lib/ directory)
#   RETOUR_TEST_EVALUATIONS  evaluations in the RSS test (default 100000)
# Extra arguments go to unittest (e.g. -v, or -k memory).
# Installs python3 (and pip/setuptools for the install test) with apt-get on Debian, only
# when missing, through sudo when not root. Exits non-zero when a test fails.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: need root or sudo to run: $*" >&2
        return 1
    fi
}

apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "note: apt-get not found; install these yourself: $*" >&2
        return 0
    fi
    echo "==> installing missing packages: $*"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

if ! command -v python3 >/dev/null 2>&1; then
    apt_install python3 python3-pip python3-setuptools python3-wheel
    command -v python3 >/dev/null 2>&1 || { echo "error: python3 not found" >&2; exit 1; }
fi
# The install test needs pip and setuptools; add them for Debian's own python3 only.
if ! { python3 -c 'import setuptools' && python3 -m pip --version; } >/dev/null 2>&1; then
    if [ "$(command -v python3)" = /usr/bin/python3 ] && command -v dpkg >/dev/null 2>&1; then
        apt_install python3-pip python3-setuptools python3-wheel
    else
        echo "note: pip or setuptools missing for $(command -v python3); the install test is skipped" >&2
    fi
fi

export RETOUR_LIBRARY="${RETOUR_LIBRARY:-$root/build/lib/libretour.so}"
case $RETOUR_LIBRARY in
    /*) ;;
    *) RETOUR_LIBRARY="$PWD/$RETOUR_LIBRARY" ;;
esac
if [ ! -e "$RETOUR_LIBRARY" ]; then
    echo "error: $RETOUR_LIBRARY not found; build libretour first (ninja -C build," >&2
    echo "       or ./scripts/setup-and-run), or set RETOUR_LIBRARY" >&2
    exit 1
fi

echo "==> Python binding tests ($(python3 --version 2>&1), library $RETOUR_LIBRARY)"
cd "$here"
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1
python3 -m unittest discover -s tests -t tests "$@"
