#!/usr/bin/env bash
# Renders the HTML report of a snapshot (examples/demo by default) and screenshots it in headless Chromium, so
# that a person can look at what a customer will get: layout, chart, escaping, print styles.
#
#   scripts/screenshot-html-report.sh [snapshot] [out-dir]
#
# Writes <out-dir>/report-<lang>.html, report-<lang>.png (screen, 1200 px wide) and report-<lang>.pdf (what
# printing gives) for both languages; out-dir defaults to a fresh temporary folder, printed at the end.
# Needs Chromium (Debian: `apt-get install -y chromium`). Not part of the tests: CI may not have a browser; the
# golden files in Tests/LedgerLintCoreTests/Fixtures/Golden/html-*.html pin the markup instead.
# See docs/output-formats.md#html.
set -euo pipefail

cd "$(dirname "$0")/.."
snapshot="${1:-examples/demo}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
    echo "Chromium not found; install it (Debian: apt-get install -y chromium)." >&2
    exit 1
fi

# Its own scratch path, so that it never fights another build over .build/.
swift build --scratch-path .build-screenshot --product ledgerlint >&2

for lang in en nb; do
    html="$out/report-$lang.html"
    # `check` exits non-zero when it finds errors, which the demo snapshot has on purpose.
    swift run --skip-build --scratch-path .build-screenshot ledgerlint check "$snapshot" \
        --format html --lang "$lang" --output "$html" || [[ -s "$html" ]]
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --screenshot="$out/report-$lang.png" --window-size=1200,1600 "file://$html" 2>/dev/null
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/report-$lang.pdf" "file://$html" 2>/dev/null
done
echo "$out"
