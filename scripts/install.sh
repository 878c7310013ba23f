#!/usr/bin/env bash
# Builds a release `ledgerlint` and installs it to $PREFIX/bin, for people who do not use `swift run`.
#
#   scripts/install.sh                                   # /usr/local/bin/ledgerlint (needs write access there)
#   PREFIX=$HOME/.local scripts/install.sh               # ~/.local/bin/ledgerlint, no root needed
#   DESTDIR=/tmp/stage PREFIX=/usr scripts/install.sh    # packagers: /tmp/stage/usr/bin/ledgerlint
#
# The Swift runtime and Foundation are linked into the binary (--static-swift-stdlib), as are the built-in rules
# and the git commit (`ledgerlint --version`), so the installed binary runs from any directory and needs no Swift
# toolchain: only system libraries (libc, libm, libstdc++, libgcc_s and libcurl, which `ledgerlint fetch` uses).
# When this toolchain cannot link statically, it says so and builds against the shared Swift runtime instead;
# that binary then needs the toolchain's libraries where they are now. LEDGERLINT_STATIC=0 skips the attempt.
#
# Builds into its own scratch path (.build-install), so it never fights another build over .build/.
# See README.md#installing.
set -euo pipefail

caller_dir="$PWD"
cd "$(dirname "$0")/.."
repo="$PWD"

# PREFIX and DESTDIR as the caller meant them: a relative one is relative to where the script was run from.
absolute() { if [[ "$1" == /* ]]; then printf '%s' "$1"; else printf '%s/%s' "$caller_dir" "$1"; fi; }
prefix="$(absolute "${PREFIX:-/usr/local}")"
prefix="${prefix%/}"
destdir="${DESTDIR:+$(absolute "$DESTDIR")}"
destdir="${destdir%/}"
bindir="$destdir$prefix/bin"
target="$bindir/ledgerlint"
scratch="$repo/.build-install"

fail() {
    printf 'install.sh: %s\n' "$1" >&2
    exit 1
}

command -v swift >/dev/null ||
    fail "swift not found on PATH; install Swift 6 (https://www.swift.org/install/) or add its usr/bin to PATH"

# Say so before a two-minute build, not after it: the nearest folder that exists must be writable.
probe="$bindir"
while [[ ! -e "$probe" ]]; do probe="$(dirname "$probe")"; done
if [[ ! -d "$probe" || ! -w "$probe" ]]; then
    fail "cannot write to $bindir ($probe is not writable for you, user $(id -un 2>/dev/null || id -u)).
Install under your home folder instead, no root needed:
    PREFIX=\$HOME/.local scripts/install.sh
or run this as a user who can write to ${probe}."
fi

build=(swift build -c release --product ledgerlint --scratch-path "$scratch")
static_flags=(--static-swift-stdlib)

# Foundation's URLSession (libFoundationNetworking.a) links with -lcurl, which needs libcurl.so, the link that
# libcurl's development package installs (Debian: libcurl4-openssl-dev). Without it, link against the installed
# runtime library libcurl.so.4 through a link of our own in the scratch path; the binary is the same either way.
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
clang="$swift_bin/clang"
[[ -x "$clang" ]] || clang="$(command -v clang || true)"
if [[ -n "$clang" ]]; then
    dev_curl="$("$clang" -print-file-name=libcurl.so)"
    runtime_curl="$("$clang" -print-file-name=libcurl.so.4)"
    if [[ "$dev_curl" != /* && "$runtime_curl" == /* ]]; then
        echo "libcurl.so (libcurl's development link) is missing; linking with $runtime_curl instead."
        mkdir -p "$scratch/link"
        ln -sf "$runtime_curl" "$scratch/link/libcurl.so"
        static_flags+=(-Xlinker -L"$scratch/link")
    fi
fi

linkage=static
if [[ "${LEDGERLINT_STATIC:-1}" == 0 ]]; then
    linkage=shared
    echo "LEDGERLINT_STATIC=0: building against the shared Swift runtime."
    "${build[@]}"
else
    echo "Building ledgerlint (release, static Swift runtime) in ${scratch#"$repo"/}/; this takes a few minutes."
    if "${build[@]}" "${static_flags[@]}"; then
        # The same flags for --show-bin-path: other flags would make the next build relink and recompile.
        build+=("${static_flags[@]}")
    else
        linkage=shared
        echo
        echo "install.sh: linking the Swift runtime statically failed on this toolchain (see above; often a" >&2
        echo "install.sh: missing development library, such as libcurl4-openssl-dev on Debian and Ubuntu)." >&2
        echo "install.sh: Building against the shared Swift runtime instead: the installed binary will need" >&2
        echo "install.sh: this toolchain's runtime libraries, where they are now, to run." >&2
        "${build[@]}"
    fi
fi
binary="$("${build[@]}" --show-bin-path)/ledgerlint"
[[ -x "$binary" ]] || fail "the build did not produce $binary"

# A static binary must not need the Swift runtime's shared libraries.
if command -v ldd >/dev/null; then
    swift_libraries="$(ldd "$binary" | grep -E -o 'lib(swift[A-Za-z_]*|Foundation[A-Za-z]*|dispatch|BlocksRuntime)\.so' |
        sort -u | tr '\n' ' ' || true)"
    if [[ "$linkage" == static && -n "$swift_libraries" ]]; then
        fail "$binary still needs the Swift runtime's shared libraries: $swift_libraries"
    fi
    missing="$(ldd "$binary" | grep 'not found' || true)"
    [[ -z "$missing" ]] || echo "install.sh: warning: $binary needs libraries this machine lacks:
$missing" >&2
fi

install -d "$bindir"
install -m 755 "$binary" "$target"

needs=""
if command -v readelf >/dev/null; then
    needs="$(readelf -d "$target" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
fi

version="$("$target" --version)"
echo
echo "Installed $version to $target"
if [[ "$linkage" == static ]]; then
    echo "  Swift runtime and Foundation: linked in (no Swift toolchain needed to run it)"
else
    runtime="$(ldd "$target" 2>/dev/null | sed -n 's|.*libswiftCore\.so => \(.*\)/libswiftCore\.so.*|\1|p' || true)"
    echo "  Swift runtime: shared, from ${runtime:-the toolchain} (keep that toolchain installed)"
fi
[[ -z "$needs" ]] || echo "  Shared libraries it needs: ${needs% }"
if [[ -n "$destdir" ]]; then
    echo "  Staged under DESTDIR=$destdir: it will run as $prefix/bin/ledgerlint once the files are in place."
    exit 0
fi
echo
echo "Run it:"
case ":$PATH:" in
*":$bindir:"*)
    echo "  ledgerlint --version"
    echo "  ledgerlint check $repo/examples/demo"
    ;;
*)
    echo "  $target --version"
    echo "  $target check $repo/examples/demo"
    echo "$bindir is not on your PATH; to run it as plain 'ledgerlint', add this to your shell profile:"
    echo "  export PATH=\"$bindir:\$PATH\""
    ;;
esac
