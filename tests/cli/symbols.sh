#!/bin/sh
# The shared library exports retour_* functions and nothing else.
#   symbols.sh LIBRARY
set -u
lib=$1
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ { print $3 }' | sed 's/@.*//')
[ -n "$exported" ] || { echo "no exported symbols found in $lib"; exit 1; }
leaks=$(printf '%s\n' "$exported" | grep -v '^retour_[a-z]' || true)
internal=$(printf '%s\n' "$exported" | grep '^retour__' || true)
if [ -n "$leaks$internal" ]; then
    echo "symbols exported beyond the public API:"; printf '%s\n' $leaks $internal; exit 1
fi
echo "ok: $(printf '%s\n' "$exported" | wc -l) symbols, all retour_*"
