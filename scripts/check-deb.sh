#!/usr/bin/env bash
# Builds the Debian package of WSMsgBroker from a configured build tree, checks its control data
# and contents, validates the desktop integration files inside it, then installs it on this
# machine with apt and runs the installed `wsmsgbroker --version`.
#
# Usage: scripts/check-deb.sh BUILD_DIR [--keep]
#   BUILD_DIR  a build tree configured from this repository (it is built first)
#   --keep     leave the package installed; by default it is removed again unless it was
#              installed before the check
#
# Needs root (or sudo) for apt. Installs dpkg-dev, desktop-file-utils and appstream when missing.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [--keep]" >&2
    exit 2
}

build_dir=""
keep=0
for arg in "$@"; do
    case "$arg" in
    --keep) keep=1 ;;
    -h | --help) usage ;;
    -*) usage ;;
    *) [[ -z "$build_dir" ]] || usage; build_dir="$arg" ;;
    esac
done
[[ -n "$build_dir" ]] || usage
[[ -f "$build_dir/CMakeCache.txt" ]] || { echo "check-deb: $build_dir is not a CMake build tree" >&2; exit 2; }
build_dir="$(cd "$build_dir" && pwd)"

app_id="io.github.wsmsgbroker.WSMsgBroker"
step() { echo "check-deb: $*"; }
fail() {
    echo "check-deb: FAILED: $*" >&2
    exit 1
}

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null; then
    as_root=(sudo)
else
    fail "needs root or sudo to install packages"
fi
export DEBIAN_FRONTEND=noninteractive

# Installs the Debian package providing a tool when the tool is missing.
need() {
    local tool="$1" package="$2"
    if ! command -v "$tool" >/dev/null; then
        step "installing $package for $tool"
        "${as_root[@]}" apt-get install -y --no-install-recommends "$package" >/dev/null
    fi
}
need dpkg-shlibdeps dpkg-dev
need desktop-file-validate desktop-file-utils
need appstreamcli appstream

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
[[ -n "$version" ]] || fail "no CMAKE_PROJECT_VERSION in $build_dir/CMakeCache.txt"

# Runs a command quietly; shows its output only when it fails.
quietly() {
    local log
    log="$(mktemp)"
    if ! "$@" >"$log" 2>&1; then
        tail -n 60 "$log" >&2
        rm -f "$log"
        fail "$*"
    fi
    rm -f "$log"
}

step "building $build_dir"
quietly cmake --build "$build_dir" -j2

step "packaging with cpack -G DEB"
rm -f "$build_dir"/wsmsgbroker_*.deb
quietly cpack -G DEB -B "$build_dir" --config "$build_dir/CPackConfig.cmake"
shopt -s nullglob
debs=("$build_dir"/wsmsgbroker_*.deb)
shopt -u nullglob
[[ ${#debs[@]} -eq 1 ]] || fail "expected one wsmsgbroker_*.deb in $build_dir, found ${#debs[@]}"
deb="${debs[0]}"
step "built $(basename "$deb")"

# --- control data --------------------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[[ "$(field Package)" == wsmsgbroker ]] || fail "Package is '$(field Package)'"
[[ "$(field Version)" == "$version"-* ]] || fail "Version '$(field Version)' does not start with $version-"
[[ -n "$(field Maintainer)" ]] || fail "no Maintainer"
[[ -n "$(field Description)" ]] || fail "no Description"
depends="$(field Depends)"
# libqt6network6 comes with libqt6websockets6, whether or not the binary links it directly.
for package in libqt6core6 libqt6websockets6 libqt6gui6 libqt6widgets6 libqt6svg6 libc6; do
    grep -Eq "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends lacks $package: $depends"
done
dpkg-deb --info "$deb"

# --- contents ------------------------------------------------------------------------------------
contents="$(dpkg-deb --contents "$deb" | awk '{print $6}')"
expected=(
    ./usr/bin/wsmsgbroker
    "./usr/share/applications/$app_id.desktop"
    "./usr/share/metainfo/$app_id.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    "./usr/share/icons/hicolor/16x16/apps/$app_id.png"
    "./usr/share/icons/hicolor/48x48/apps/$app_id.png"
    "./usr/share/icons/hicolor/256x256/apps/$app_id.png"
    ./usr/share/man/man1/wsmsgbroker.1.gz
)
for path in "${expected[@]}"; do
    grep -qxF "$path" <<<"$contents" || fail "package lacks $path"
done
# Nothing but the program and its desktop data: no static libraries, headers or build helpers.
unexpected="$(grep -v '/$' <<<"$contents" |
    grep -Ev '^\./usr/(bin/wsmsgbroker|share/(applications|metainfo|icons/hicolor|man/man1|doc/wsmsgbroker)/)' || true)"
[[ -z "$unexpected" ]] || fail "unexpected files in the package:"$'\n'"$unexpected"
dpkg-deb --contents "$deb"

# --- the files inside, before installing ---------------------------------------------------------
unpacked="$(mktemp -d)"
cleanup_unpacked() { rm -rf "$unpacked"; }
trap cleanup_unpacked EXIT
dpkg-deb --extract "$deb" "$unpacked"
desktop-file-validate "$unpacked/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate-tree --no-net "$unpacked" || fail "appstreamcli validate-tree"
man_version="$(zcat "$unpacked/usr/share/man/man1/wsmsgbroker.1.gz" | sed -n 's/^\.TH .*"wsmsgbroker \([^"]*\)".*/\1/p')"
[[ "$man_version" == "$version" ]] || fail "man page says version '$man_version', the project $version"
release_version="$(grep -o '<release version="[^"]*"' "$unpacked/usr/share/metainfo/$app_id.metainfo.xml" |
    head -n1 | cut -d'"' -f2)"
[[ "$release_version" == "$version" ]] || fail "metainfo's newest release is '$release_version', the project $version"
if readelf -d "$unpacked/usr/bin/wsmsgbroker" | grep -Eq '(RPATH|RUNPATH)'; then
    fail "the installed binary keeps an RPATH: $(readelf -d "$unpacked/usr/bin/wsmsgbroker" | grep -E 'RPATH|RUNPATH')"
fi

# --- install and run -----------------------------------------------------------------------------
was_installed=0
if dpkg-query -W -f='${Status}' wsmsgbroker 2>/dev/null | grep -q 'install ok installed'; then
    was_installed=1
fi
remove_package() {
    if [[ $keep -eq 0 && $was_installed -eq 0 ]]; then
        step "removing the package again"
        "${as_root[@]}" apt-get purge -y wsmsgbroker >/dev/null || true
    fi
}
trap 'remove_package; cleanup_unpacked' EXIT

step "installing with apt-get"
"${as_root[@]}" apt-get install -y --no-install-recommends "$deb" || fail "apt-get install $deb"
dpkg-query -W -f='${Status}\n' wsmsgbroker | grep -q 'install ok installed' || fail "not installed"
[[ -x /usr/bin/wsmsgbroker ]] || fail "/usr/bin/wsmsgbroker missing after install"
if ldd /usr/bin/wsmsgbroker | grep -q 'not found'; then
    fail "unresolved libraries: $(ldd /usr/bin/wsmsgbroker | grep 'not found')"
fi

# A clean environment, so the installed binary and the system's Qt are what runs. No display is
# needed for --version, but use the offscreen platform in case the app builds a QApplication first.
output="$(cd / && env -i PATH=/usr/bin:/bin HOME="${HOME:-/root}" QT_QPA_PLATFORM=offscreen \
    /usr/bin/wsmsgbroker --version 2>&1)" || fail "wsmsgbroker --version failed: $output"
grep -qF "$version" <<<"$output" || fail "wsmsgbroker --version printed '$output', expected $version"
step "installed wsmsgbroker --version: $output"
step "OK $(basename "$deb")"
