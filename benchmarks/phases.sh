#!/usr/bin/env bash
# Where the time of one `ledgerlint check` goes: the phases of a whole run (`LEDGERLINT_TIMINGS`: configuration,
# snapshot, model, evaluation, report, each with the memory in use after it and its peak), then each built-in rule
# evaluated alone (a configuration that turns every other rule off). Prints the figures; asserts nothing. Method and
# latest figures: docs/performance.md, "Where the time goes".
#
#   benchmarks/phases.sh SNAPSHOT      a snapshot folder, e.g. one benchmarks/generate.py wrote
#   benchmarks/phases.sh N             a synthetic tenant of N customers, generated as benchmarks/run.sh does
#
# Environment:
#   LEDGERLINT_BENCH_DATA   where generated snapshots are kept (default benchmarks/.data)
#   LEDGERLINT_BIN          a ledgerlint binary to measure instead of the installed one (scripts/install.sh, into
#                           the data folder's install/, as lib.sh says)
#   FORMAT                  the report written in the run, to /dev/null (default json)
#   PYTHON                  the Python that generates tenants and writes the configurations (default python3)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=benchmarks/lib.sh
. "$here/lib.sh"
format="${FORMAT:-json}"
[ $# -eq 1 ] || { echo "usage: benchmarks/phases.sh SNAPSHOT|CUSTOMERS" >&2; exit 2; }

case "$1" in
    '' | *[!0-9]*) snapshot="$1" ;;
    *) snapshot="$(tenant "$1")" ;;
esac
[ -d "$snapshot" ] || { echo "no snapshot folder at $snapshot" >&2; exit 2; }

bin="$(ledgerlint_binary)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# timings OUT_FILE ARGS...: the `timing:` lines of one check run, without the prefix.
timings() {
    local out="$1"
    shift
    LEDGERLINT_TIMINGS=1 "$bin" check "$snapshot" --format "$format" --output /dev/null "$@" 2>"$out" || true
    if ! grep -q '^timing:' "$out"; then
        echo "ledgerlint printed no timings:" >&2
        cat "$out" >&2
        exit 1
    fi
    sed -n 's/^timing: *//p' "$out"
}

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)"
echo "LedgerLint phases, $(date -u +%Y-%m-%dT%H:%MZ): $cpu, $(nproc) cores; $bin"
echo "snapshot: $snapshot ($(du -smL "$snapshot" | cut -f1) MB)"
echo
echo "a whole check (--format $format):"
timings "$work/all.err" | sed 's/^/  /'

echo
echo "each rule alone (every other rule off; the other phases as above):"
# Rule ids are single words, so the list splits on white space (bash 3 has no mapfile).
ids="$("$bin" rules --lang en | awk '{print $1}')"
for id in $ids; do
    # shellcheck disable=SC2086 # one argument per id
    "$python" -c 'import json, sys
keep, ids = sys.argv[1], sys.argv[2:]
print(json.dumps({"rules": {i: "off" for i in ids if i != keep}}))' "$id" $ids >"$work/config.json"
    line="$(timings "$work/$id.err" --config "$work/config.json" | grep -m1 ' evaluate ' || true)"
    printf '  %-34s %s\n' "$id" "${line:-(no evaluate line)}"
done
