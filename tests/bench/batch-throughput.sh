#!/bin/sh
# Batch throughput: LINES JSON requests (default 1,000,000) decided by `retour eval --batch`,
# in the full form and the compact one (--compact).
# The lines repeat INPUT (default tests/data/cli/batch-jeweller.jsonl: five one-item
# requests and one with two items, against examples/policies/nl-jeweller.yaml) until there
# are LINES of them. Reports lines per second (wall clock and per CPU second, decisions
# written to a file, then the same to /dev/null) and the peak RSS from /usr/bin/time -v.
# Not part of `meson test`; run it by hand or with
# `meson test -C build --benchmark batch-throughput` (or batch-throughput-bench-v1, whose
# input is the bench-v1 workload's 200,000 requests written by `bench_v1 --jsonl-out`).
#   batch-throughput.sh SOURCE_ROOT RETOUR_BINARY [LINES [POLICY INPUT.jsonl]]
set -eu
src=$1 retour=$2 lines=${3:-1000000}
policy=${4:-$src/examples/policies/nl-jeweller.yaml}
input=${5:-$src/tests/data/cli/batch-jeweller.jsonl}
[ -x /usr/bin/time ] || { echo "batch-throughput: needs /usr/bin/time (apt-get install time)"; exit 77; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
awk -v n="$lines" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) print l[i % NR + 1] }' \
    "$input" >"$tmp/requests.jsonl"
bytes=$(wc -c <"$tmp/requests.jsonl")
echo "policy:           $policy"
echo "input:            $input, repeated"

report() { # $1: time -v output, $2: label
    awk -v n="$lines" -v bytes="$bytes" -v label="$2" -F': ' '
        /Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = 0; for (i = 1; i <= k; i++) wall = wall * 60 + t[i] }
        /User time/ { user = $2 } /System time/ { sys = $2 }
        /Maximum resident set size/ { rss = $2 }
        END {
            printf "%s\n", label
            printf "  lines:          %d (%.1f MB of JSON, %.0f bytes a line)\n", n, bytes / 1e6, bytes / n
            printf "  wall clock:     %.2f s  -> %.0f lines/s\n", wall, n / wall
            printf "  CPU (user+sys): %.2f s  -> %.0f lines/s per core (target >= 500000)\n", user + sys, n / (user + sys)
            printf "  peak RSS:       %.1f MiB (target < 32)\n", rss / 1024
        }' "$1"
}

/usr/bin/time -v "$retour" eval --batch "$policy" "$tmp/requests.jsonl" \
    >"$tmp/decisions.jsonl" 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
decided=$(grep -c '^{"outcome"' "$tmp/decisions.jsonl")
[ "$decided" -eq "$lines" ] || { echo "batch-throughput: $decided of $lines decided"; exit 1; }
out_bytes=$(wc -c <"$tmp/decisions.jsonl")
rm -f "$tmp/decisions.jsonl"
report "$tmp/time.txt" "decisions to a file ($(awk -v b="$out_bytes" -v n="$lines" 'BEGIN { printf "%.0f", b / n }') bytes a line):"

/usr/bin/time -v "$retour" eval --batch "$policy" "$tmp/requests.jsonl" \
    >/dev/null 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
report "$tmp/time.txt" "decisions to /dev/null:"

# The compact form (--compact: no messages), the process included (issue 22's targets:
# >= 1,000,000 lines/s compact, >= 600,000 full, wall clock).
/usr/bin/time -v "$retour" eval --batch "$policy" "$tmp/requests.jsonl" --compact \
    >"$tmp/decisions.jsonl" 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
decided=$(grep -c '^{"outcome"' "$tmp/decisions.jsonl")
[ "$decided" -eq "$lines" ] || { echo "batch-throughput: $decided of $lines decided (compact)"; exit 1; }
out_bytes=$(wc -c <"$tmp/decisions.jsonl")
rm -f "$tmp/decisions.jsonl"
report "$tmp/time.txt" "compact decisions to a file ($(awk -v b="$out_bytes" -v n="$lines" 'BEGIN { printf "%.0f", b / n }') bytes a line):"
/usr/bin/time -v "$retour" eval --batch "$policy" "$tmp/requests.jsonl" --compact \
    >/dev/null 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
report "$tmp/time.txt" "compact decisions to /dev/null:"
/usr/bin/time -v sh -c '"$1" eval --batch "$2" "$3" --compact | cat >/dev/null' sh "$retour" \
    "$policy" "$tmp/requests.jsonl" 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
report "$tmp/time.txt" "compact decisions through a pipe (| cat >/dev/null):"
