#!/bin/sh
# Every example request decided in C (retour eval --format json, and --format json
# --compact) and through each language binding (eval-json, and eval-json --compact) must
# give byte-identical JSON.
#   cross-language.sh RETOUR_BINARY LIBRARY [LANG...]   (LANG: php python node; default all)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
retour=$1 library=$2
shift 2
langs=${*:-php python node}
export RETOUR_LIBRARY="$library"
cd "$root" || exit 2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0 fails=0
while read -r name policy request; do
    case $name in ''|'#'*) continue ;; esac
    for form in full compact; do
        flag=
        [ "$form" = compact ] && flag=--compact
        "$retour" eval "examples/policies/$policy.yaml" "examples/$request" --format json $flag \
            >"$tmp/c" || { echo "not ok - $name ($form): C failed"; fails=$((fails + 1)); continue; }
        for lang in $langs; do
            n=$((n + 1))
            if "bindings/$lang/eval-json" "examples/policies/$policy.yaml" "examples/$request" $flag \
                    >"$tmp/$lang" 2>"$tmp/err" &&
                cmp -s "$tmp/c" "$tmp/$lang"; then
                echo "ok $n - $name ($lang, $form)"
            else
                echo "not ok $n - $name ($lang, $form) differs from C"; cat "$tmp/err"
                diff "$tmp/c" "$tmp/$lang" | head -5
                fails=$((fails + 1))
            fi
        done
    done
done < tests/cli/cases.txt
echo "1..$n"
[ "$fails" -eq 0 ]
