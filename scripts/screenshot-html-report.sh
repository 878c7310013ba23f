#!/usr/bin/env bash
# Renders the HTML report of a snapshot (examples/demo by default) and screenshots it in headless Chromium, so
# that a person can look at what a customer will get: layout, chart, escaping, the search and filter, print.
#
#   scripts/screenshot-html-report.sh [snapshot] [out-dir]
#
# Writes, for each language (en, nb), into out-dir (default: a fresh temporary folder, printed at the end):
#   report-<lang>.html            the report
#   report-<lang>.png             on screen, 1200 px wide (the first 2000 px of the page)
#   report-<lang>-filtered.png    the same with a search typed and info unticked, as a user would
#   report-<lang>-nojs.png        with JavaScript off: no controls, every finding
#   report-<lang>.pdf             what printing gives (A4, the report's own @page)
#   report-<lang>-print-<n>.png   the PDF's pages at 80 dpi, when pdftoppm is there (Debian: poppler-utils)
#
# LEDGERLINT_BIN: a ledgerlint binary to use instead of building one (into .build-screenshot, so that it never
# fights another build over .build/). LEDGERLINT_NOW passes through to fix the check time in the header.
# Needs Chromium (Debian: `apt-get install -y chromium poppler-utils`). Not part of the tests: CI may not have a
# browser; the golden files in Tests/LedgerLintCoreTests/Fixtures/Golden/html-*.html pin the markup instead.
# See docs/output-formats.md#html.
set -euo pipefail

cd "$(dirname "$0")/.."
snapshot="${1:-examples/demo}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
    echo "Chromium not found; install it (Debian: apt-get install -y chromium poppler-utils)." >&2
    exit 1
fi

bin="${LEDGERLINT_BIN:-}"
if [[ -z "$bin" ]]; then
    swift build --scratch-path .build-screenshot --product ledgerlint >&2
    bin="$(swift build --scratch-path .build-screenshot --show-bin-path)/ledgerlint"
fi

# Chromium's chatter goes to a log; when it fails, the log is what says why (missing libraries, a locked profile).
chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$out/.chromium" "$@" 2>>"$out/chromium.log" ||
        { echo "Chromium failed ($*); see $out/chromium.log" >&2; exit 1; }
}

for lang in en nb; do
    html="$out/report-$lang.html"
    # `check` exits 1 when it finds errors, which the demo snapshot has on purpose; anything else is a failure.
    status=0
    "$bin" check "$snapshot" --format html --lang "$lang" --output "$html" || status=$?
    if [[ $status -gt 1 ]]; then
        echo "ledgerlint check $snapshot failed (exit $status); no report to screenshot" >&2
        exit "$status"
    fi

    chrome --window-size=1200,2000 --screenshot="$out/report-$lang.png" "file://$html"
    # Without JavaScript: a copy whose Content-Security-Policy refuses the report's script, as a locked-down mail
    # viewer would (headless Chromium takes no screenshot with scripting switched off).
    sed "s|script-src 'sha256-[^']*'|script-src 'none'|" "$html" >"$out/.report-$lang-nojs.html"
    chrome --window-size=1200,2000 --screenshot="$out/report-$lang-nojs.png" "file://$out/.report-$lang-nojs.html"

    # A copy that types a search and unticks info once the page has loaded, and hides the summary so that the
    # filtered findings are in the picture. The report's Content-Security-Policy
    # allows only its own script, so the copy drops it; the report itself is not changed.
    if [[ "$lang" == nb ]]; then term="kunde"; else term="customer"; fi
    filtered="$out/.report-$lang-filtered.html"
    grep -v 'http-equiv="Content-Security-Policy"' "$html" | sed "s|</body>|<script>\
addEventListener('load', function () {\
var search = document.querySelector('.filters input[type=search]');\
search.value = '$term'; search.dispatchEvent(new Event('input'));\
var info = document.querySelector('.filters input[value=info]');\
info.checked = false; info.dispatchEvent(new Event('change'));\
document.querySelector('section.summary').hidden = true;\
});</script></body>|" >"$filtered"
    chrome --window-size=1200,1600 --virtual-time-budget=2000 \
        --screenshot="$out/report-$lang-filtered.png" "file://$filtered"

    chrome --no-pdf-header-footer --print-to-pdf="$out/report-$lang.pdf" "file://$html"
    if command -v pdftoppm >/dev/null; then
        rm -f "$out/report-$lang-print-"*.png
        pdftoppm -png -r 80 "$out/report-$lang.pdf" "$out/report-$lang-print"
    fi
done
rm -rf "$out/.chromium" "$out"/.report-*.html
echo "$out"
