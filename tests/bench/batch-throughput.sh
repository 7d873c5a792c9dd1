#!/bin/sh
# Batch throughput: LINES JSON requests (default 1,000,000), made by repeating the example
# requests of tests/data/cli/batch-jeweller.jsonl, decided by `retour eval --batch`.
# Reports lines per second (wall clock and per CPU second) and the peak RSS from
# /usr/bin/time -v. Not part of `meson test`; run it by hand or with
# `meson test -C build --benchmark batch-throughput`.
#   batch-throughput.sh SOURCE_ROOT RETOUR_BINARY [LINES]
set -eu
src=$1 retour=$2 lines=${3:-1000000}
[ -x /usr/bin/time ] || { echo "batch-throughput: needs /usr/bin/time (apt-get install time)"; exit 77; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
policy=$src/examples/policies/nl-jeweller.yaml
awk -v n="$lines" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) print l[i % NR + 1] }' \
    "$src/tests/data/cli/batch-jeweller.jsonl" >"$tmp/requests.jsonl"
bytes=$(wc -c <"$tmp/requests.jsonl")
/usr/bin/time -v "$retour" eval --batch "$policy" "$tmp/requests.jsonl" \
    >"$tmp/decisions.jsonl" 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
decided=$(grep -c '^{"outcome"' "$tmp/decisions.jsonl")
[ "$decided" -eq "$lines" ] || { echo "batch-throughput: $decided of $lines decided"; exit 1; }
awk -v n="$lines" -v bytes="$bytes" -F': ' '
    /Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = 0; for (i = 1; i <= k; i++) wall = wall * 60 + t[i] }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 }
    END {
        printf "lines:            %d (%.1f MB of JSON, %.0f bytes a line)\n", n, bytes / 1e6, bytes / n
        printf "wall clock:       %.2f s  -> %.0f lines/s\n", wall, n / wall
        printf "CPU (user+sys):   %.2f s  -> %.0f lines/s per core\n", user + sys, n / (user + sys)
        printf "peak RSS:         %.1f MiB\n", rss / 1024
    }' "$tmp/time.txt"
