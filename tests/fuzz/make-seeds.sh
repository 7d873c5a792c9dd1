#!/bin/sh
# Writes tests/fuzz/corpus/load_evaluate/seed-* from the CLI cases (tests/cli/cases.txt):
# each example policy and request joined at the fuzz target's separator line. Rerun when
# examples change; the output is committed.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/tests/fuzz/corpus/load_evaluate
grep -v '^#' "$root/tests/cli/cases.txt" | while read -r name policy request; do
    [ -n "$name" ] || continue
    { cat "$root/examples/policies/$policy.yaml"
      printf '%s\n' '--- request ---'
      cat "$root/examples/$request"; } > "$out/seed-$name"
done
