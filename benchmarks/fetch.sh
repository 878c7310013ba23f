#!/usr/bin/env bash
# `ledgerlint fetch` of N customers from the fake PowerOffice with a round-trip latency on every answer, against the
# rate-limit floor: the time the client's limiter alone forces for the requests that fetch needs, plus the last
# answer's round trip. Prints the requests, the floor, the wall time and their ratio, and PASS or FAIL against the
# target (at most 1.20 times the floor), for `fetch` as it is and with other options, measured in turns in one run;
# exits 1 when the first (plain `fetch`) fails. Method and latest figures: docs/performance.md, "The fetch path".
#
#   benchmarks/fetch.sh [N]            default: 100000
#
# Environment:
#   LEDGERLINT_BIN   a ledgerlint binary to measure instead of the installed one (scripts/install.sh, into
#                    the data folder's install/, as lib.sh says)
#   FAKE_BIN         a fake-poweroffice binary to serve with instead of building one
#   SCRATCH_PATH     the --scratch-path for the fake's build (default: SwiftPM's .build)
#   LATENCY_MS       the fake's latency per answer (default 100)
#   PAGE_SIZE        `fetch --page-size` (default: ledgerlint's own, 5000)
#   VARIANTS         `fetch` options to compare, separated by `;` (default: ";--pages-in-flight 1", that is plain
#                    `fetch`, 4 pages of a list in flight, and `fetch --pages-in-flight 1`, one page after another)
#   REPEAT           fetches per variant, best taken (default 3)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=benchmarks/lib.sh
. "$here/lib.sh"
customers="${1:-100000}"
latency="${LATENCY_MS:-100}"
repeat="${REPEAT:-3}"
IFS=';' read -r -a variants <<<"${VARIANTS-;--pages-in-flight 1}"
[ ${#variants[@]} -gt 0 ] || variants=("")
target="1.20"
# The client's limiter (RateLimit.powerOffice): at most 10 requests in any 1.1 s.
limit_requests=10
limit_interval="1.1"
# PowerOfficeConfiguration.defaultPageSize, what `fetch` asks for without --page-size.
page_size="${PAGE_SIZE:-5000}"
page_option=()
[ -n "${PAGE_SIZE:-}" ] && page_option=(--page-size "$PAGE_SIZE")

case "$customers" in '' | *[!0-9]*) echo "usage: benchmarks/fetch.sh [CUSTOMERS]" >&2; exit 2 ;; esac

fetch_benchmark_setup

# The fake logs every request to stderr, one line each ("GET /v2/Customers?PageNumber=1&PageSize=5000 -> 200"):
# that log is how requests are counted. It picks a free port and prints `export` lines pointing at itself.
start_fake "$fake" "$work" --customers "$customers" --latency "$latency"
mapfile -t variables < <(sed -n 's/^export //p' "$work/fake.out")
serving="$(sed -n 's/^Serving: //p' "$work/fake.out")"

# Requests the fetch needs: the token, ClientIntegrationInformation, and per list floor(rows / page size) + 1 pages
# (a list ends at the first page with fewer rows than asked for: a short page, or a 204 after a full last page).
needed=2
while read -r _ rows; do
    needed=$((needed + rows / page_size + 1))
done < <(echo "$serving" | tr ',' '\n' | sed 's/^ *//')
# The limiter lets the first 10 requests go at once and each later one 1.1 s after the one 10 before it, so the
# last of R requests cannot start before floor((R - 1) / 10) × 1.1 s, and its answer takes the latency to come back.
floor_s="$(awk -v r="$needed" -v n="$limit_requests" -v i="$limit_interval" -v l="$latency" \
    'BEGIN { printf "%.2f", int((r - 1) / n) * i + l / 1000 }')"

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)"
echo "LedgerLint fetch benchmark, $(date -u +%Y-%m-%dT%H:%MZ): $cpu, $(nproc) cores"
echo "$bin; $(swift --version 2>/dev/null | head -1)"
echo "fake-poweroffice --customers $customers --latency $latency (serving: $serving); page size $page_size"
echo

# measure OPTIONS...: one `ledgerlint fetch` with OPTIONS; sets ms (wall milliseconds), sent (requests the fake
# logged for it) and limited (how many of those it answered 429).
measure() {
    local before start end status=0 fetched
    before=$(wc -l <"$work/fake.log")
    rm -rf "$work/snapshot"
    start=$(date +%s%N)
    env "${variables[@]}" "$bin" fetch --out "$work/snapshot" --environment demo --quiet "${page_option[@]}" "$@" \
        2>"$work/fetch.err" || status=$?
    end=$(date +%s%N)
    if [ "$status" -ne 0 ]; then
        echo "ledgerlint fetch $* failed with exit code $status:" >&2
        cat "$work/fetch.err" >&2
        exit 2
    fi
    fetched="$(grep -o '"Customers" : [0-9]*' "$work/snapshot/manifest.json" | grep -o '[0-9]*$')"
    [ "$fetched" = "$customers" ] || { echo "ledgerlint fetch $* read $fetched customers, not $customers" >&2; exit 2; }
    # Let the answers to requests cancelled after they were sent come in (the fake logs them too), and the fake's
    # one-second window empty, so that runs do not count against each other.
    sleep 1.5
    ms=$(((end - start) / 1000000))
    sent=$(($(wc -l <"$work/fake.log") - before))
    limited=$(tail -n "+$((before + 1))" "$work/fake.log" | grep -c -- '-> 429$' || true)
}
seconds() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }
label() { echo "fetch${1:+ $1}"; }

best=()
most_sent=()
for run in $(seq "$repeat"); do
    line="run $run:"
    for index in "${!variants[@]}"; do
        read -r -a options <<<"${variants[$index]}"
        measure "${options[@]}"
        line+="  $(label "${variants[$index]}") $(seconds "$ms") s, $sent requests ($limited answered 429);"
        if [ -z "${best[$index]:-}" ] || [ "$ms" -lt "${best[$index]}" ]; then best[$index]=$ms; fi
        if [ -z "${most_sent[$index]:-}" ] || [ "$sent" -gt "${most_sent[$index]}" ]; then most_sent[$index]=$sent; fi
    done
    echo "${line%;}"
done

echo
echo "requests needed:  $needed (token, ClientIntegrationInformation, floor(rows / $page_size) + 1 pages per list)"
echo "rate-limit floor: $floor_s s = floor(($needed - 1) / $limit_requests) × $limit_interval s + $latency ms (the last answer)"
echo "wall time:        the best of $repeat runs of the whole \`ledgerlint fetch\` process, snapshot written"
echo
printf '%-28s %9s %13s %6s   %s\n' "" "wall time" "requests sent" "ratio" "target: ratio at most $target"
status=0
for index in "${!variants[@]}"; do
    ratio="$(awk -v w="${best[$index]}" -v f="$floor_s" 'BEGIN { printf "%.2f", (f == 0 ? 0 : w / 1000 / f) }')"
    verdict="$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r <= t ? "PASS" : "FAIL") }')"
    printf '%-28s %7s s %13s %6s   %s\n' "$(label "${variants[$index]}")" "$(seconds "${best[$index]}")" \
        "at most ${most_sent[$index]}" "$ratio" "$verdict"
    if [ "$index" -eq 0 ] && [ "$verdict" = FAIL ]; then status=1; fi
done
exit "$status"
