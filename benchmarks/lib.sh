# What the benchmark scripts share; sourced by run.sh and phases.sh, not run. Plain bash 3 (macOS's /bin/bash too).
# The sourcing script sets `here` (this folder); this file sets the rest the scripts share:
#   root     the package
#   python   PYTHON, else python3
#   data     where generated snapshots are kept: LEDGERLINT_BENCH_DATA, else benchmarks/.data
#   venv     the benchmark's own Python environment for DuckDB: benchmarks/.venv

root="$(dirname "$here")"
python="${PYTHON:-python3}"
data="${LEDGERLINT_BENCH_DATA:-$here/.data}"
venv="$here/.venv"

# duckdb_python: prints the Python of benchmarks/.venv, after installing DuckDB into it with pip unless an earlier
# run did (what pip says goes to stderr). The benchmark depends on DuckDB; LedgerLint never does.
duckdb_python() {
    if ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
        echo "  installing DuckDB ${DUCKDB_VERSION:-2.0.1} into $venv (pip)" >&2
        "$python" -m venv "$venv" >&2
        "$venv/bin/pip" install --quiet "duckdb==${DUCKDB_VERSION:-2.0.1}" >&2
    fi
    echo "$venv/bin/python"
}

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

# tenant CUSTOMERS: prints the folder of a synthetic tenant of CUSTOMERS customers a side, `$data/tenant-CUSTOMERS`,
# after making it with benchmarks/generate.py unless an earlier run left one there (what it says goes to stderr).
tenant() {
    local folder="$data/tenant-$1"
    if [ ! -f "$folder/expected-findings.json" ]; then
        echo "  generating $1 customers into $folder" >&2
        mkdir -p "$data"
        "$python" "$here/generate.py" "$1" "$folder" >&2
    fi
    echo "$folder"
}
