#!/usr/bin/env bash
# A bureau's fetch: `ledgerlint fetch --clients` of N clients of C customers each from the fake PowerOffice, with the
# fake's rate limit on (10 requests per second per subscription key) and a round-trip latency on every answer, against
# the floor the rate limit allows: the requests the fake logged for the run ÷ 10 per second. Prints the clients,
# the requests, the floors (PowerOffice's 10 per second, and the client's own 10 per 1.1 s), the wall time and its
# ratio to each, and how many answers were 429. Method and latest figures: docs/performance.md, "A bureau's fetch".
#
#   benchmarks/bureau-fetch.sh [CLIENTS [CUSTOMERS]]      default: 200 clients of 5000 customers
#
# Environment:
#   LEDGERLINT_BIN   a ledgerlint binary to measure instead of the installed one (scripts/install.sh, into
#                    the data folder's install/, as lib.sh says)
#   FAKE_BIN         a fake-poweroffice binary to serve with instead of building one
#   SCRATCH_PATH     the --scratch-path for the fake's build (default: SwiftPM's .build)
#   LATENCY_MS       the fake's latency per answer (default 100)
#   FETCH_OPTIONS    more options for `fetch --clients`, such as "--pages-in-flight 1" (default none)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=benchmarks/lib.sh
. "$here/lib.sh"
clients="${1:-200}"
customers="${2:-5000}"
latency="${LATENCY_MS:-100}"
read -r -a fetch_options <<<"${FETCH_OPTIONS:-}"
# PowerOffice's limit, and the client's limiter (RateLimit.powerOffice: at most 10 requests in any 1.1 s).
limit_requests=10
limit_interval="1.1"

for number in "$clients" "$customers"; do
    case "$number" in '' | *[!0-9]*) echo "usage: benchmarks/bureau-fetch.sh [CLIENTS [CUSTOMERS]]" >&2; exit 2 ;; esac
done

fetch_benchmark_setup

# The fake serves its own client and `--clients N` more with the same lists, under one subscription key, with the
# client keys demo-client-key-1 … demo-client-key-N; the run fetches those N. It logs every request to stderr, one
# line each ("GET /v2/Customers?PageNumber=1&PageSize=5000 -> 200"): that log is how requests are counted.
start_fake "$fake" "$work" --customers "$customers" --clients "$clients" --latency "$latency"
# The API and token URLs and the integration's two keys; each client's key comes from the clients file.
mapfile -t variables < <(sed -n 's/^export //p' "$work/fake.out" | grep -v '^POWEROFFICE_CLIENT_KEY=')
serving="$(sed -n 's/^Serving: //p' "$work/fake.out")"

# The clients file: each client's key in a private key file beside it, as a bureau would keep them.
mkdir -p "$work/keys"
{
    echo '{"clients": ['
    for number in $(seq "$clients"); do
        printf 'demo-client-key-%s\n' "$number" >"$work/keys/$number.key"
        chmod 600 "$work/keys/$number.key"
        separator=","
        [ "$number" -eq "$clients" ] && separator=""
        printf '  {"name": "Klient %s AS", "folder": "klient-%s", "clientKeyFile": "keys/%s.key"}%s\n' \
            "$number" "$number" "$number" "$separator"
    done
    echo ']}'
} >"$work/clients.json"

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)"
echo "LedgerLint bureau fetch benchmark, $(date -u +%Y-%m-%dT%H:%MZ): $cpu, $(nproc) cores"
echo "$bin; $(swift --version 2>/dev/null | head -1)"
echo "fake-poweroffice --customers $customers --clients $clients --latency $latency (each client: $serving)"
echo "ledgerlint fetch --clients CLIENTS.json --out DIR --environment demo --quiet${FETCH_OPTIONS:+ $FETCH_OPTIONS}"
echo

before=$(wc -l <"$work/fake.log")
start=$(date +%s%N)
status=0
env "${variables[@]}" "$bin" fetch --clients "$work/clients.json" --out "$work/bureau" --environment demo --quiet \
    ${fetch_options[@]+"${fetch_options[@]}"} 2>"$work/fetch.err" || status=$?
end=$(date +%s%N)
if [ "$status" -ne 0 ]; then
    echo "ledgerlint fetch --clients failed with exit code $status:" >&2
    cat "$work/fetch.err" >&2
    exit 2
fi
for number in $(seq "$clients"); do
    fetched="$(grep -o '"Customers" : [0-9]*' "$work/bureau/klient-$number/manifest.json" | grep -o '[0-9]*$')"
    [ "$fetched" = "$customers" ] || { echo "klient-$number: read $fetched customers, not $customers" >&2; exit 2; }
done
# Let the answers to requests cancelled after they were sent come in (the fake logs them too).
sleep 1.5
sent=$(($(wc -l <"$work/fake.log") - before))
limited=$(tail -n "+$((before + 1))" "$work/fake.log" | grep -c -- '-> 429$' || true)
tokens=$(tail -n "+$((before + 1))" "$work/fake.log" | grep -c '^POST /OAuth/Token' || true)

ms=$(((end - start) / 1000000))
# R requests at 10 per second: the last cannot start before (R - 1) / 10 s; the client's own limiter, 10 in any 1.1 s,
# lets the last go no sooner than floor((R - 1) / 10) × 1.1 s. Either way its answer takes the latency to come back.
floor_s="$(awk -v r="$sent" -v n="$limit_requests" -v l="$latency" 'BEGIN { printf "%.1f", (r - 1) / n + l / 1000 }')"
limiter_s="$(awk -v r="$sent" -v n="$limit_requests" -v i="$limit_interval" -v l="$latency" \
    'BEGIN { printf "%.1f", int((r - 1) / n) * i + l / 1000 }')"
wall_s="$(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }')"
ratio() { awk -v w="$ms" -v f="$1" 'BEGIN { printf "%.2f", (f == 0 ? 0 : w / 1000 / f) }'; }

echo "clients fetched:   $clients of $customers customers each, every one checked in its manifest"
echo "requests sent:     $sent ($tokens token requests; $limited answered 429), counted in the fake's log"
echo "floor, 10/s:       $floor_s s = ($sent - 1) / $limit_requests per second + $latency ms (the last answer)"
echo "floor, limiter:    $limiter_s s = floor(($sent - 1) / $limit_requests) × $limit_interval s + $latency ms"
echo "wall time:         $wall_s s, the whole \`ledgerlint fetch --clients\` process, every snapshot written"
echo "ratio:             $(ratio "$floor_s") to the 10/s floor, $(ratio "$limiter_s") to the limiter's"
