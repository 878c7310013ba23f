#!/usr/bin/env bash
# LedgerLint against the obvious script: `ledgerlint check` and benchmarks/baseline.py (plain Python, `json` and
# `csv`) on synthetic tenants of N customers a side, side by side, with wall time and peak memory (maximum resident
# set size), the ratios, how time grows with ten times the data, and the demo's check time. Method and latest
# figures: docs/performance.md.
#
#   benchmarks/run.sh [N ...]          default: 10000 100000 1000000
#
# Environment:
#   LEDGERLINT_BENCH_DATA   where generated snapshots are kept (default benchmarks/.data; about 2 GB for 1 000 000)
#   LEDGERLINT_BIN          a ledgerlint binary to measure instead of building one with `swift build -c release`
#   SCRATCH_PATH            the --scratch-path for that build (default: SwiftPM's .build)
#   REPEAT                  runs per N for LedgerLint, best taken (default 3; 1 for N of 1 000 000 or more)
#   PYTHON                  the Python to run the baseline with (default python3)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=benchmarks/lib.sh
. "$here/lib.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

if [ ! -x /usr/bin/time ]; then
    echo "GNU time (/usr/bin/time) is missing; it measures peak memory. Installing it: apt-get install -y time" >&2
    if command -v apt-get >/dev/null; then
        apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null; }
    fi
    [ -x /usr/bin/time ] || { echo "could not install GNU time; install it (package 'time') and run again" >&2; exit 2; }
fi

bin="$(ledgerlint_binary)"

now_ns() { date +%s%N; }

# measure OUT_PREFIX COMMAND...: wall seconds (from the clock) and peak RSS in MB (from GNU time) of one run.
measure() {
    local prefix="$1"
    shift
    local start end
    start=$(now_ns)
    /usr/bin/time -f "%M" -o "$prefix.rss" "$@" >"$prefix.out" 2>"$prefix.err" || true
    end=$(now_ns)
    echo "$(( (end - start) / 1000000 )) $(( $(tail -1 "$prefix.rss") / 1024 ))"
}

# counts FILE: the findings per rule of a LedgerLint JSON report, as sorted JSON.
counts() {
    "$python" -c 'import json, sys, collections
report = json.load(open(sys.argv[1]))
print(json.dumps(collections.Counter(f["rule"] for f in report["findings"]), sort_keys=True))' "$1"
}
# div A B: A / B as a decimal number.
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b == 0 ? 0 : a / b) }'; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)"
echo "LedgerLint benchmark, $(date -u +%Y-%m-%dT%H:%MZ): $cpu, $(nproc) cores, $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB"}')"
echo "$bin; $(swift --version 2>/dev/null | head -1); $("$python" --version)"
echo
printf '%10s %9s | %10s %9s | %10s %9s | %8s %8s | %s\n' \
    "customers" "input" "ledgerlint" "peak" "python" "peak" "time" "memory" "findings"
printf '%10s %9s | %10s %9s | %10s %9s | %8s %8s | %s\n' "" "" "" "" "" "" "ratio" "ratio" ""

declare -A ours theirs
for n in "${sizes[@]}"; do
    snapshot="$(tenant "$n")"
    repeat="${REPEAT:-$([ "$n" -ge 1000000 ] && echo 1 || echo 3)}"
    best_ms=""; best_mb=""
    for _ in $(seq "$repeat"); do
        read -r ms mb < <(measure "$work/ll" "$bin" check "$snapshot" --format json --output "$work/report.json")
        if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
        if [ -z "$best_mb" ] || [ "$mb" -lt "$best_mb" ]; then best_mb=$mb; fi
    done
    read -r py_ms py_mb < <(measure "$work/py" "$python" "$here/baseline.py" "$snapshot")
    ours[$n]=$best_ms
    theirs[$n]=$py_ms

    expected="$("$python" -c 'import json, sys; print(json.dumps({k: v for k, v in json.load(open(sys.argv[1]))["findings"].items() if v}, sort_keys=True))' "$snapshot/expected-findings.json")"
    ledgerlint_counts="$(counts "$work/report.json")"
    python_counts="$("$python" -c 'import json, sys; print(json.dumps({k: v for k, v in json.load(open(sys.argv[1])).items() if v}, sort_keys=True))' "$work/py.out")"
    if [ "$ledgerlint_counts" = "$expected" ] && [ "$python_counts" = "$expected" ]; then
        agreement="same as planted ($("$python" -c 'import json, sys; print(sum(json.loads(sys.argv[1]).values()))' "$expected"))"
    else
        agreement="DIFFERENT: ledgerlint $ledgerlint_counts python $python_counts planted $expected"
    fi
    size_mb=$(du -smL "$snapshot" | cut -f1)
    printf '%10s %7s MB | %8.2f s %6s MB | %8.2f s %6s MB | %8.3f %8.3f | %s\n' \
        "$n" "$size_mb" "$(div "$best_ms" 1000)" "$best_mb" "$(div "$py_ms" 1000)" "$py_mb" \
        "$(div "$best_ms" "$py_ms")" "$(div "$best_mb" "$py_mb")" "$agreement"
done

echo
for n in "${sizes[@]}"; do
    big=$((n * 10))
    if [ -n "${ours[$big]:-}" ]; then
        printf 'ten times the data (%s -> %s customers): ledgerlint takes %.1f times as long, python %.1f times\n' \
            "$n" "$big" "$(div "${ours[$big]}" "${ours[$n]}")" "$(div "${theirs[$big]}" "${theirs[$n]}")"
    fi
done

demo_runs=20
total=0
best=""
for _ in $(seq $demo_runs); do
    start=$(now_ns)
    "$bin" check "$root/examples/demo" >/dev/null 2>&1 || true
    end=$(now_ns)
    ms=$(( (end - start) / 1000000 ))
    total=$((total + ms))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "ledgerlint check examples/demo: $((total / demo_runs)) ms on average over $demo_runs runs, best $best ms"
