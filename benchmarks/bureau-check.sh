#!/usr/bin/env bash
# A bureau's check: `ledgerlint check DIR` over many client folders against the check of one of them, to show that
# the run needs the memory of the largest client, not of all (ClientsRun checks them one after another).
#
#   benchmarks/bureau-check.sh [CLIENTS] [CUSTOMERS]      # default: 200 clients of 5000 customers
#
# One tenant is generated (benchmarks/generate.py), then CLIENTS folders link to its files, so that the bureau takes
# no more disk than one client. Prints wall time and peak memory of both runs (GNU time), taking turns, 3 rounds.
# FORMAT: the report format (default json). LEDGERLINT_BIN: a ledgerlint to measure instead of the one
# scripts/install.sh installs (as lib.sh says). See docs/performance.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
clients="${1:-200}"
customers="${2:-5000}"
format="${FORMAT:-json}"
ledgerlint="$(ledgerlint_binary)"
tenant="$data/tenant-$customers"
[ -d "$tenant" ] || "$python" "$here/generate.py" "$customers" "$tenant" >&2
bureau="$data/bureau-$clients-$customers"
if [ ! -d "$bureau" ]; then
    mkdir -p "$bureau"
    for i in $(seq 1 "$clients"); do
        folder="$bureau/client-$(printf %03d "$i")"
        mkdir -p "$folder/assist" "$folder/poweroffice"
        for file in "$tenant"/assist/* "$tenant"/poweroffice/*; do
            ln -s "$file" "$folder/${file#$tenant/}"
        done
    done
fi
gnu_time="$(command -v /usr/bin/time || true)"
[ -n "$gnu_time" ] || { echo "needs GNU time (Debian: apt-get install -y time)" >&2; exit 2; }
measure() {
    local out
    out="$( { "$gnu_time" -f "%e %M" "$ledgerlint" check "$1" --format "$format" --output /dev/null --fail-on never; } 2>&1 | tail -1)"
    echo "$out"
}
echo "one client: $tenant; the bureau: $clients clients of $customers customers in $bureau; --format $format"
printf '%-8s %12s %14s %12s %14s\n' round "one s" "one MB" "bureau s" "bureau MB"
for round in 1 2 3; do
    read -r one_s one_kb <<<"$(measure "$bureau/client-001")"
    read -r all_s all_kb <<<"$(measure "$bureau")"
    printf '%-8s %12s %14s %12s %14s\n' "$round" "$one_s" "$((one_kb / 1024))" "$all_s" "$((all_kb / 1024))"
done
