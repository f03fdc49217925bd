#!/usr/bin/env bash
# Installs what building, running and testing WSMsgBroker needs on Debian 12, and only what is
# missing. Safe to run again: with everything present it installs nothing and prints nothing.
# Needs root (or sudo-less root, as in CI) only when something is missing.
set -euo pipefail

# Everything the build, the app and the tests need, in one place.
PACKAGES=(
    # build (libsqlite3-dev: the capture runs its per-frame statements on SQLite's own API)
    cmake ninja-build g++
    qt6-base-dev qt6-websockets-dev qt6-svg-dev libsqlite3-dev
    # build: Qt Qml's QJSEngine runs the peer scripts (JavaScript clients; no QML is used)
    qt6-declarative-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # contracts: valijson validates JSON Schema (header-only, has a Qt JSON adapter); yaml-cpp
    # reads AsyncAPI documents in YAML (a run-time library too)
    libvalijson-dev libyaml-cpp-dev
    # run: Qt's own translations, the SVG plugin for the icons, and Qt SQL's SQLite driver (the
    # capture file is an SQLite database)
    qt6-translations-l10n libqt6svg6 libqt6sql6-sqlite
    # tests: the interop test runs the original npm client; GUI tests may use a virtual display;
    # the capture tests query a capture with the sqlite3 command, as the README shows
    nodejs npm ca-certificates xvfb xauth fonts-dejavu-core sqlite3
    # tests: the JSON-Schema-Test-Suite the contract validator is measured against
    json-schema-test-suite
    # tests: promtool (in prometheus) checks that GET /metrics is valid Prometheus text
    prometheus
    # checks: formatting, desktop entry, AppStream metadata, the Debian package, translations
    clang-format desktop-file-utils appstream dpkg-dev file python3
)

installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# Some machines get Node.js from another repository whose nodejs package bundles npm and
# conflicts with Debian's npm package: a working npm command counts as npm being there.
present() {
    case "$1" in
    nodejs) installed nodejs || command -v node >/dev/null 2>&1 ;;
    npm) installed npm || command -v npm >/dev/null 2>&1 ;;
    *) installed "$1" ;;
    esac
}

missing_packages() {
    local package
    for package in "${PACKAGES[@]}"; do
        present "$package" || echo "$package"
    done
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
    exit 0
fi

if ((EUID != 0)); then
    echo "bootstrap: missing Debian packages: ${missing[*]}" >&2
    echo "bootstrap: run this script as root, or install them: apt-get install ${missing[*]}" >&2
    exit 1
fi

echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# npm goes last and only if still missing: installing nodejs may already have brought it.
mapfile -t first < <(printf '%s\n' "${missing[@]}" | grep -vx npm || true)
if ((${#first[@]} > 0)); then
    apt-get install -y -q --no-install-recommends "${first[@]}"
fi
if ! present npm; then
    apt-get install -y -q --no-install-recommends npm
fi

mapfile -t still < <(missing_packages)
if ((${#still[@]} > 0)); then
    echo "bootstrap: still missing after apt-get install: ${still[*]}" >&2
    exit 1
fi
