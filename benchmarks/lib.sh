# What the benchmark scripts share; sourced by run.sh and phases.sh, not run. Plain bash 3 (macOS's /bin/bash too).
# The sourcing script sets `here` (this folder), `root` (the package) and `python`.

# ledgerlint_binary: prints the path of the ledgerlint to measure: LEDGERLINT_BIN, else a release build of it made
# now (with SCRATCH_PATH as its --scratch-path, when set). The build's output goes to stderr.
ledgerlint_binary() {
    if [ -n "${LEDGERLINT_BIN:-}" ]; then
        echo "$LEDGERLINT_BIN"
        return
    fi
    set -- -c release --product ledgerlint
    [ -n "${SCRATCH_PATH:-}" ] && set -- "$@" --scratch-path "$SCRATCH_PATH"
    echo "building: swift build -c release${SCRATCH_PATH:+ --scratch-path $SCRATCH_PATH}" >&2
    (cd "$root" && swift build "$@" >&2)
    echo "$(cd "$root" && swift build "$@" --show-bin-path)/ledgerlint"
}

# tenant FOLDER CUSTOMERS: makes FOLDER a synthetic tenant of CUSTOMERS customers a side (benchmarks/generate.py),
# unless an earlier run left one there.
tenant() {
    if [ ! -f "$1/expected-findings.json" ]; then
        echo "  generating $2 customers into $1" >&2
        mkdir -p "$(dirname "$1")"
        "$python" "$here/generate.py" "$2" "$1" >&2
    fi
}
