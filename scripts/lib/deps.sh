# shellcheck shell=bash
# Shared by scripts/setup-and-run and scripts/test (sourced, not run).
#
# retour_install_deps PKG...  installs the Debian packages that dpkg reports missing;
#                             apt-get runs (update first) only when something is missing.
# retour_build                configures build/ when it is not configured yet, then compiles.
#
# Both expect the current directory to be the repository root.

# The packages every build needs; scripts/test adds valgrind.
# shellcheck disable=SC2034  # used by the scripts that source this file
RETOUR_BUILD_DEPS=(gcc meson ninja-build pkg-config libyaml-dev libcmocka-dev)

retour_install_deps() {
    local missing=() pkg status
    if ! command -v dpkg >/dev/null 2>&1; then
        echo "note: dpkg not found (not Debian?); not installing: $*" >&2
        echo "      install the equivalents of these packages yourself if the build fails." >&2
        return 0
    fi
    for pkg in "$@"; do
        # dpkg -s also describes removed packages whose config files remain: check the state.
        status=$(dpkg -s "$pkg" 2>/dev/null) || status=
        case "$status" in
            *"Status: install ok installed"*) ;;
            *) missing+=("$pkg") ;;
        esac
    done
    [ "${#missing[@]}" -eq 0 ] && return 0

    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            as_root=(sudo)
        else
            echo "error: missing packages: ${missing[*]}" >&2
            echo "       run this script as root, or install sudo, or install them yourself." >&2
            return 1
        fi
    fi

    echo "==> installing missing packages: ${missing[*]}"
    "${as_root[@]}" apt-get update || return 1
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}" || return 1
}

retour_build() {
    if [ ! -f build/meson-private/coredata.dat ]; then
        echo "==> meson setup build"
        meson setup build || return 1
    fi
    echo "==> meson compile -C build"
    meson compile -C build || return 1
}

# retour_configure DIR ARGS...  configures the build directory DIR with the meson ARGS when
#                               it is not configured yet (the sanitizer and fuzz builds;
#                               set CC/CXX in the environment first), then compiles it.
retour_configure() {
    local dir=$1
    shift
    if [ ! -f "$dir/meson-private/coredata.dat" ]; then
        echo "==> meson setup $dir $*"
        meson setup "$dir" "$@" || return 1
    fi
    echo "==> meson compile -C $dir"
    meson compile -C "$dir" || return 1
}
