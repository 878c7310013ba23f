# What the benchmark scripts share; sourced by run.sh, phases.sh, fetch.sh and bureau-fetch.sh, not run. Plain bash 3 (macOS's /bin/bash too).
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

# release_binary PRODUCT: prints the path of a release build of PRODUCT made now (with SCRATCH_PATH as its
# --scratch-path, when set). The build's output goes to stderr.
release_binary() {
    local product="$1"
    set -- -c release --product "$product"
    [ -n "${SCRATCH_PATH:-}" ] && set -- "$@" --scratch-path "$SCRATCH_PATH"
    echo "building: swift build $*" >&2
    (cd "$root" && swift build "$@" >&2)
    echo "$(cd "$root" && swift build "$@" --show-bin-path)/$product"
}

# installed_binary: prints the path of ledgerlint as scripts/install.sh builds and installs it, into $data/install:
# the Swift runtime and Foundation linked in, as support staff and CI gates run it (a `swift build` binary, which
# links them at start-up, is a few percent slower; docs/performance.md). What install.sh says (the build, and its
# hint to put the folder on PATH, which is not wanted here) goes to $data/install/install.log, and to stderr only if
# it fails.
installed_binary() {
    local prefix="$data/install"
    mkdir -p "$prefix"
    echo "building: PREFIX=$prefix scripts/install.sh (its output in $prefix/install.log)" >&2
    if ! (cd "$root" && PREFIX="$prefix" scripts/install.sh >"$prefix/install.log" 2>&1); then
        cat "$prefix/install.log" >&2
        echo "scripts/install.sh failed" >&2
        exit 2
    fi
    echo "$prefix/bin/ledgerlint"
}

# ledgerlint_binary: prints the path of the ledgerlint to measure: LEDGERLINT_BIN, else the installed one.
ledgerlint_binary() {
    if [ -n "${LEDGERLINT_BIN:-}" ]; then echo "$LEDGERLINT_BIN"; else installed_binary; fi
}

# fake_binary: prints the path of the fake-poweroffice to serve with: FAKE_BIN, else a release build of it.
fake_binary() {
    if [ -n "${FAKE_BIN:-}" ]; then echo "$FAKE_BIN"; else release_binary fake-poweroffice; fi
}

# start_fake FAKE WORK OPTIONS...: starts the fake-poweroffice FAKE with OPTIONS in the background, its stdout in
# WORK/fake.out and its request log in WORK/fake.log (one line a request: "GET /v2/Customers?… -> 200", which is how
# the benchmarks count requests), sets fake_pid, and returns once it has printed its `export` lines (it picks a free
# port). Exits 2 if it does not start. Stop it with stop_fake.
start_fake() {
    local fake="$1" work="$2"
    shift 2
    "$fake" "$@" >"$work/fake.out" 2>"$work/fake.log" &
    fake_pid=$!
    for _ in $(seq 600); do
        grep -q '^export POWEROFFICE_TOKEN_URL=' "$work/fake.out" && return 0
        kill -0 "$fake_pid" 2>/dev/null || { echo "fake-poweroffice stopped:" >&2; cat "$work/fake.log" >&2; exit 2; }
        sleep 0.5
    done
    echo "fake-poweroffice did not start" >&2
    exit 2
}

# fetch_benchmark_setup: what the fetch benchmarks start with: sets bin (ledgerlint_binary), fake (fake_binary) and
# work (a new temporary folder), and on exit stops the fake and removes work; Ctrl-C exits 130.
fetch_benchmark_setup() {
    bin="$(ledgerlint_binary)"
    fake="$(fake_binary)"
    work="$(mktemp -d)"
    trap 'stop_fake; rm -rf "$work"' EXIT
    trap 'exit 130' INT TERM
}

# stop_fake: stops the fake start_fake started, if it did.
stop_fake() {
    if [ -n "${fake_pid:-}" ]; then
        kill "$fake_pid" 2>/dev/null || true
        wait "$fake_pid" 2>/dev/null || true
    fi
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
