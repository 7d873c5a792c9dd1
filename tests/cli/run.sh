#!/bin/sh
# CLI golden tests: JSON and text decisions for every example, error output and exit codes.
#   run.sh SOURCE_ROOT RETOUR_BINARY [--update]
set -u
src=$1 retour=$2 update=${3:-}
cd "$src" || exit 2
fails=0 count=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

# check NAME EXPECTED_EXIT GOLDEN_FILE COMMAND...: stdout+stderr and the exit code must match.
check() {
    name=$1 want=$2 golden=$3
    shift 3
    count=$((count + 1))
    # RETOUR_WRAPPER (e.g. valgrind) wraps only the retour binary, never the shell.
    if [ -n "${RETOUR_WRAPPER:-}" ] && [ "$1" = "$retour" ]; then set -- $RETOUR_WRAPPER "$@"; fi
    "$@" >"$tmp/out" 2>&1
    got=$?
    if [ -n "$update" ]; then cp "$tmp/out" "$golden"; fi
    if [ "$got" -ne "$want" ]; then
        echo "not ok $count - $name: exit $got, expected $want"; cat "$tmp/out"; fails=$((fails + 1))
    elif ! diff -u "$golden" "$tmp/out" >"$tmp/diff"; then
        echo "not ok $count - $name: output differs"; cat "$tmp/diff"; fails=$((fails + 1))
    else
        echo "ok $count - $name"
    fi
}

while read -r name policy request; do
    case $name in ''|'#'*) continue ;; esac
    check "eval $name" 0 "tests/cli/expected/$name.json" \
        "$retour" eval "examples/policies/$policy.yaml" "examples/$request" --format json
done < tests/cli/cases.txt

e=tests/cli/expected
check "text output" 0 "$e/opened-phone.txt" \
    "$retour" eval examples/policies/nl-electronics.yaml examples/requests/opened-phone.yaml
check "text output in Dutch" 0 "$e/mixed-order.nl.txt" \
    "$retour" eval examples/policies/nl-jeweller.yaml examples/requests/mixed-order.yaml --lang nl
check "unknown key in policy" 1 "$e/typo-policy.err" \
    "$retour" eval tests/data/cli/typo-policy.yaml examples/requests/opened-phone.yaml
check "unknown jurisdiction" 1 "$e/bad-jurisdiction.err" \
    "$retour" eval tests/data/cli/bad-jurisdiction.yaml examples/requests/opened-phone.yaml
check "invalid date in request" 1 "$e/bad-date-request.err" \
    "$retour" eval examples/policies/minimal.yaml tests/data/cli/bad-date-request.yaml
check "missing file" 2 "$e/missing-file.err" \
    "$retour" eval examples/policies/does-not-exist.yaml examples/requests/opened-phone.yaml
check "usage" 2 "$e/usage.err" "$retour" eval examples/policies/minimal.yaml
check "bad format" 2 "$e/bad-format.err" \
    "$retour" eval examples/policies/minimal.yaml examples/requests/opened-phone.yaml --format xml

# Batch: one JSON request per line; each decision line is the eval --format json golden.
for r in unsealed-earrings sealed-earrings engraved-ring late-return shop-window mixed-order; do
    cat "$e/$r-yaml.json"
done >"$tmp/batch-jeweller.out"
echo "6 decided, 0 errors" >>"$tmp/batch-jeweller.out"
check "batch of examples" 0 "$tmp/batch-jeweller.out" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml tests/data/cli/batch-jeweller.jsonl
check "batch from standard input" 0 "$tmp/batch-jeweller.out" \
    sh -c '"$1" eval --batch "$2" <"$3"' sh "$retour" examples/policies/nl-jeweller.yaml \
    tests/data/cli/batch-jeweller.jsonl
check "batch with bad lines" 1 "$e/batch-malformed.out" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml tests/data/cli/batch-malformed.jsonl
check "batch of empty input" 0 "$e/batch-empty.out" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml /dev/null
check "batch missing file" 2 "$e/batch-missing-file.err" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml tests/data/cli/does-not-exist.jsonl
check "batch bad policy" 2 "$e/batch-bad-policy.err" \
    "$retour" eval --batch tests/data/cli/typo-policy.yaml tests/data/cli/batch-jeweller.jsonl

echo "1..$count"
[ "$fails" -eq 0 ]
