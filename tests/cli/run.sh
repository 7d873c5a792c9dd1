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
check "complaint text in Dutch" 0 "$e/bracelet-worn-once.nl.txt" \
    "$retour" eval examples/policies/nl-jeweller.yaml examples/requests/bracelet-worn-once.yaml --lang nl
check "goodwill text" 0 "$e/bent-clasp-returning.txt" \
    "$retour" eval examples/policies/nl-jeweller.yaml examples/requests/bent-clasp-returning.yaml
check "goodwill text in Dutch" 0 "$e/late-loyal-small.nl.txt" \
    "$retour" eval examples/policies/nl-jeweller.yaml examples/requests/late-loyal-small.yaml --lang nl
check "unknown key in policy" 1 "$e/typo-policy.err" \
    "$retour" eval tests/data/cli/typo-policy.yaml examples/requests/opened-phone.yaml
check "unknown jurisdiction" 1 "$e/bad-jurisdiction.err" \
    "$retour" eval tests/data/cli/bad-jurisdiction.yaml examples/requests/opened-phone.yaml
check "invalid date in request" 1 "$e/bad-date-request.err" \
    "$retour" eval examples/policies/minimal.yaml tests/data/cli/bad-date-request.yaml
# Impossible data is an error, never a decision: a day before the order date.
check "item delivered before the order" 1 "$e/delivered-before-ordered.err" \
    "$retour" eval examples/policies/de-fashion.yaml tests/data/cli/delivered-before-ordered.yaml
check "last delivery before the order (JSON)" 1 "$e/last-delivered-before-ordered.err" \
    "$retour" eval examples/policies/de-fashion.yaml \
    tests/data/cli/last-delivered-before-ordered.json
check "notified before the order" 1 "$e/notified-before-ordered.err" \
    "$retour" eval examples/policies/de-fashion.yaml tests/data/cli/notified-before-ordered.yaml
check "explain an item delivered before the order" 1 "$e/explain-delivered-before-ordered.txt" \
    "$retour" explain examples/policies/de-fashion.yaml \
    tests/data/cli/delivered-before-ordered.yaml
# An unlisted category is visible: the default decides and the reason says so.
check "unlisted category text in Dutch" 0 "$e/unlisted-category.nl.txt" \
    "$retour" eval examples/policies/de-fashion.yaml examples/requests/unlisted-category.yaml \
    --lang nl
# --compact: the decision without the reasons' messages (codes, sources and citations stay).
check "eval compact" 0 "$e/opened-phone.compact.json" \
    "$retour" eval examples/policies/nl-electronics.yaml examples/requests/opened-phone.yaml \
    --format json --compact
check "eval compact complaint in Dutch" 0 "$e/bracelet-worn-once.compact.json" \
    "$retour" eval examples/policies/nl-jeweller.yaml examples/requests/bracelet-worn-once.yaml \
    --compact --format json --lang nl
check "compact needs json" 2 "$e/compact-text.err" \
    "$retour" eval examples/policies/minimal.yaml examples/requests/opened-phone.yaml --compact
check "missing file" 2 "$e/missing-file.err" \
    "$retour" eval examples/policies/does-not-exist.yaml examples/requests/opened-phone.yaml
check "usage" 2 "$e/usage.err" "$retour" eval examples/policies/minimal.yaml
check "bad format" 2 "$e/bad-format.err" \
    "$retour" eval examples/policies/minimal.yaml examples/requests/opened-phone.yaml --format xml

# retour check: every example policy loads and is lawful (the lint may add warnings and
# info), except the bad-terms example, whose every unlawful clause is an error; problems as
# compiler-style lines or JSON.
for policy in examples/policies/*.yaml; do
    name=$(basename "$policy" .yaml)
    want=0
    case $name in bad-terms-*) want=1 ;; esac
    check "check $policy" "$want" "$e/check-$name.txt" "$retour" check "$policy"
done
check "check bad terms in Dutch" 1 "$e/check-bad-terms-nl.nl.txt" \
    "$retour" check examples/policies/bad-terms-nl.yaml --lang nl
check "check bad terms as JSON" 1 "$e/check-bad-terms-nl.json" \
    "$retour" check --format json examples/policies/bad-terms-nl.yaml
check "check bad --lang" 2 "$e/check-bad-lang.err" \
    "$retour" check examples/policies/minimal.yaml --lang de
check "check several problems" 1 "$e/check-problems.txt" \
    "$retour" check tests/data/cli/check-problems.yaml
check "check several problems as JSON" 1 "$e/check-problems.json" \
    "$retour" check tests/data/cli/check-problems.yaml --format json
check "check two files" 1 "$e/check-two-files.txt" \
    "$retour" check examples/policies/minimal.yaml tests/data/cli/typo-policy.yaml
check "check two files as JSON" 1 "$e/check-two-files.json" \
    "$retour" check --format json examples/policies/minimal.yaml tests/data/cli/typo-policy.yaml
check "check syntax error" 1 "$e/check-syntax.txt" \
    "$retour" check tests/data/cli/check-syntax.yaml
check "check unreadable file" 2 "$e/check-missing-file.err" \
    "$retour" check examples/policies/minimal.yaml examples/policies/does-not-exist.yaml
check "check usage" 2 "$e/check-usage.err" "$retour" check
check "check help" 0 "$e/check-help.txt" "$retour" check --help

for p in nl-jeweller nl-electronics de-fashion minimal bad-terms-nl pl-books nl-toys nl-home-goods; do
    check "policy test suite $p" 0 "$e/test-$p.tap" \
        "$retour" test "examples/policies/$p.yaml" "examples/tests/$p.yaml"
done
check "failing test suite (TAP)" 1 "$e/test-failing.tap" \
    "$retour" test examples/policies/minimal.yaml tests/data/cli/failing-cases.yaml \
    --junit "$tmp/junit.xml"
check "failing test suite (JUnit)" 0 "$e/test-failing.junit.xml" cat "$tmp/junit.xml"
check "broken cases file" 1 "$e/test-broken.tap" \
    "$retour" test examples/policies/minimal.yaml tests/data/cli/broken-cases.yaml
check "test with an unreadable policy" 2 "$e/test-no-policy.err" \
    "$retour" test examples/policies/does-not-exist.yaml examples/tests/minimal.yaml
check "test usage" 2 "$e/test-usage.err" "$retour" test examples/policies/minimal.yaml
check "test --today" 0 "$e/test-today.tap" \
    "$retour" test examples/policies/minimal.yaml tests/data/cli/today-cases.yaml --today 2026-03-16
check "test without --today" 1 "$e/test-no-today.tap" \
    "$retour" test examples/policies/minimal.yaml tests/data/cli/today-cases.yaml
# retour explain: the trace of every rule considered, as text (en, nl) and JSON.
x=examples/policies
check "explain withdrawal accepted" 0 "$e/explain-opened-phone.txt" \
    "$retour" explain $x/nl-electronics.yaml examples/requests/opened-phone.yaml
check "explain exclusion rejected" 0 "$e/explain-engraved-ring.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/engraved-ring.yaml
check "explain late with goodwill" 0 "$e/explain-late-loyal-small.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/late-loyal-small.yaml
check "explain late with goodwill in Dutch" 0 "$e/explain-late-loyal-small.nl.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/late-loyal-small.yaml --lang nl
check "explain presumed defect" 0 "$e/explain-bracelet-worn-once.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/bracelet-worn-once.yaml
check "explain presumed defect in Dutch" 0 "$e/explain-bracelet-worn-once.nl.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/bracelet-worn-once.yaml --lang nl
check "explain review signal" 0 "$e/explain-third-claim.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/third-claim.yaml
check "explain goodwill rules that do not match" 0 "$e/explain-bent-clasp-first-time.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/bent-clasp-first-time.yaml
check "explain shop window and exclusions" 0 "$e/explain-mixed-order.txt" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/mixed-order.yaml
check "explain clauses the law sets aside" 0 "$e/explain-phone-bad-terms.txt" \
    "$retour" explain $x/bad-terms-nl.yaml examples/requests/phone-bad-terms.yaml
check "explain an unlisted category" 0 "$e/explain-unlisted-category.txt" \
    "$retour" explain $x/de-fashion.yaml examples/requests/unlisted-category.yaml
check "explain as JSON" 0 "$e/explain-damaged-box.json" \
    "$retour" explain $x/nl-electronics.yaml examples/requests/damaged-box.yaml --format json
check "explain as JSON in Dutch" 0 "$e/explain-sale-item-late.nl.json" \
    "$retour" explain $x/de-fashion.yaml examples/requests/sale-item-late.yaml --format json --lang nl
check "explain a request that fails part way" 1 "$e/explain-no-delivery.txt" \
    "$retour" explain $x/nl-jeweller.yaml tests/data/cli/explain-no-delivery.yaml
check "explain a request that fails part way (JSON)" 1 "$e/explain-no-delivery.json" \
    "$retour" explain $x/nl-jeweller.yaml tests/data/cli/explain-no-delivery.yaml --format json
check "explain unknown key in policy" 1 "$e/explain-typo-policy.err" \
    "$retour" explain tests/data/cli/typo-policy.yaml examples/requests/opened-phone.yaml
check "explain missing file" 2 "$e/explain-missing-file.err" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/does-not-exist.yaml
check "explain usage" 2 "$e/explain-usage.err" "$retour" explain $x/nl-jeweller.yaml
check "explain bad language" 2 "$e/explain-bad-lang.err" \
    "$retour" explain $x/nl-jeweller.yaml examples/requests/engraved-ring.yaml --lang de
check "explain help" 0 "$e/explain-help.txt" "$retour" explain --help
# --lang for test: validated; test failures give reason messages in that language.
check "failing test suite in Dutch" 1 "$e/test-failing.nl.tap" \
    "$retour" test examples/policies/minimal.yaml tests/data/cli/failing-cases.yaml --lang nl
check "test bad language" 2 "$e/test-bad-lang.err" \
    "$retour" test examples/policies/minimal.yaml examples/tests/minimal.yaml --lang xx
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
check "batch of examples, compact" 0 "$e/batch-jeweller.compact.out" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml tests/data/cli/batch-jeweller.jsonl \
    --compact
check "batch with bad lines, compact" 1 "$e/batch-malformed.compact.out" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml tests/data/cli/batch-malformed.jsonl \
    --compact
check "batch of empty input" 0 "$e/batch-empty.out" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml /dev/null
check "batch missing file" 2 "$e/batch-missing-file.err" \
    "$retour" eval --batch examples/policies/nl-jeweller.yaml tests/data/cli/does-not-exist.jsonl
check "batch bad policy" 2 "$e/batch-bad-policy.err" \
    "$retour" eval --batch tests/data/cli/typo-policy.yaml tests/data/cli/batch-jeweller.jsonl

echo "1..$count"
[ "$fails" -eq 0 ]
