#!/usr/bin/env bash
# LedgerLint against what a user would write instead, on synthetic tenants of N customers a side, side by side in
# one run: `ledgerlint check`; DuckDB pointed at the files with the ten customer checks in SQL
# (benchmarks/duckdb_baseline.py, in benchmarks/.venv, installed here when missing); the obvious script
# (benchmarks/baseline.py, plain Python); and the floor, reading the same files with `cat`. Wall time and peak memory
# (maximum resident set size), the ratios, how time grows with ten times the data, and the demo's check time.
# Method and latest figures: docs/performance.md.
#
#   benchmarks/run.sh [N ...]          default: 10000 100000 1000000
#
# Environment:
#   LEDGERLINT_BENCH_DATA   where generated snapshots are kept (default benchmarks/.data; about 2 GB for 1 000 000)
#   LEDGERLINT_BIN          a ledgerlint binary to measure instead of the installed one (scripts/install.sh, into
#                           the data folder's install/, as lib.sh says)
#   REPEAT                  runs per N of LedgerLint, DuckDB and cat, in turns, best taken (default 3)
#   PYTHON                  the Python to run the baseline with (default python3)
#   DUCKDB_THREADS          DuckDB's threads (default: every core)
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
duckdb_py="$(duckdb_python)"

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
echo "$bin; $(swift --version 2>/dev/null | head -1); $("$python" --version); DuckDB $("$duckdb_py" -c 'import duckdb; print(duckdb.__version__)')"
echo
printf '%10s %9s | %10s %7s | %10s %7s | %10s %7s | %8s | %9s %9s %9s %9s | %s\n' \
    "customers" "input" "ledgerlint" "peak" "duckdb" "peak" "python" "peak" "cat" "/duckdb" "/python" "/cat" "memory" \
    "findings"
printf '%10s %9s | %10s %7s | %10s %7s | %10s %7s | %8s | %9s %9s %9s %9s | %s\n' \
    "" "" "" "" "" "" "" "" "floor" "time" "time" "time" "/duckdb" ""

declare -A ours theirs
for n in "${sizes[@]}"; do
    snapshot="$(tenant "$n")"
    repeat="${REPEAT:-3}"
    best_ms=""; best_mb=""; dd_ms=""; dd_mb=""; cat_ms=""
    # The files the checks read, for the floor: what it costs to read them at all.
    inputs=("$snapshot"/assist/* "$snapshot"/poweroffice/*.json)
    cat "${inputs[@]}" >/dev/null   # into the page cache, for every competitor alike
    # In turns, so that a change in the machine's speed falls on all three alike.
    for _ in $(seq "$repeat"); do
        read -r ms mb < <(measure "$work/ll" "$bin" check "$snapshot" --format json --output "$work/report.json")
        if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
        if [ -z "$best_mb" ] || [ "$mb" -lt "$best_mb" ]; then best_mb=$mb; fi
        read -r ms mb < <(measure "$work/dd" "$duckdb_py" "$here/duckdb_baseline.py" "$snapshot" ${DUCKDB_THREADS:+"$DUCKDB_THREADS"})
        if [ -z "$dd_ms" ] || [ "$ms" -lt "$dd_ms" ]; then dd_ms=$ms; fi
        if [ -z "$dd_mb" ] || [ "$mb" -lt "$dd_mb" ]; then dd_mb=$mb; fi
        # To /dev/null, not into measure's output file: the floor is reading, not writing a copy.
        read -r ms _ < <(measure "$work/cat" sh -c 'exec cat "$@" >/dev/null' cat "${inputs[@]}")
        if [ -z "$cat_ms" ] || [ "$ms" -lt "$cat_ms" ]; then cat_ms=$ms; fi
    done
    read -r py_ms py_mb < <(measure "$work/py" "$python" "$here/baseline.py" "$snapshot")
    ours[$n]=$best_ms
    theirs[$n]=$py_ms

    expected="$("$python" -c 'import json, sys; print(json.dumps({k: v for k, v in json.load(open(sys.argv[1]))["findings"].items() if v}, sort_keys=True))' "$snapshot/expected-findings.json")"
    ledgerlint_counts="$(counts "$work/report.json")"
    python_counts="$("$python" -c 'import json, sys; print(json.dumps({k: v for k, v in json.load(open(sys.argv[1])).items() if v}, sort_keys=True))' "$work/py.out")"
    # DuckDB runs the customer checks only: compared with what was planted for those.
    duckdb_counts="$("$python" -c 'import json, sys; print(json.dumps({k: v for k, v in json.load(open(sys.argv[1])).items() if v}, sort_keys=True))' "$work/dd.out" 2>/dev/null || echo "(no output: $(tail -1 "$work/dd.err"))")"
    expected_customers="$("$python" -c 'import json, sys; planted = json.loads(sys.argv[1])
print(json.dumps({k: v for k, v in planted.items() if k.startswith("customer-") or k == "organization-number-invalid"}, sort_keys=True))' "$expected")"
    if [ "$ledgerlint_counts" = "$expected" ] && [ "$python_counts" = "$expected" ] && [ "$duckdb_counts" = "$expected_customers" ]; then
        agreement="same as planted ($("$python" -c 'import json, sys; print(sum(json.loads(sys.argv[1]).values()))' "$expected"); duckdb: the customer checks' $("$python" -c 'import json, sys; print(sum(json.loads(sys.argv[1]).values()))' "$expected_customers"))"
    else
        agreement="DIFFERENT: ledgerlint $ledgerlint_counts python $python_counts duckdb $duckdb_counts planted $expected"
    fi
    size_mb=$(du -smL "$snapshot" | cut -f1)
    printf '%10s %6s MB | %8.2f s %4s MB | %8.2f s %4s MB | %8.2f s %4s MB | %6.2f s | %9.3f %9.3f %9.1f %9.3f | %s\n' \
        "$n" "$size_mb" "$(div "$best_ms" 1000)" "$best_mb" "$(div "$dd_ms" 1000)" "$dd_mb" "$(div "$py_ms" 1000)" "$py_mb" \
        "$(div "$cat_ms" 1000)" "$(div "$best_ms" "$dd_ms")" "$(div "$best_ms" "$py_ms")" "$(div "$best_ms" "$cat_ms")" \
        "$(div "$best_mb" "$dd_mb")" "$agreement"
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
