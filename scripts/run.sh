#!/usr/bin/env bash
# Builds WSMsgBroker (Release) into ./build, or $BUILD_DIR, and starts it with the given
# arguments. On a fresh Debian 12 machine, run as root: it installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh

BUILD_DIR=${BUILD_DIR:-build}
first_configure=()
# A new build directory uses Ninja and a Release build; one made earlier (by this script or by
# scripts/test.sh) keeps its settings, so that the two never rebuild everything for each other.
[[ -f "$BUILD_DIR/CMakeCache.txt" ]] || first_configure=(-G Ninja -DCMAKE_BUILD_TYPE=Release)
cmake -S . -B "$BUILD_DIR" "${first_configure[@]}"
cmake --build "$BUILD_DIR" --parallel "${JOBS:-$(nproc)}" --target wsmsgbroker

headless=false
for argument in "$@"; do
    [[ "$argument" == --headless ]] && headless=true
done
if [[ $headless == false && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are empty), starting the broker headless" >&2
    set -- --headless "$@"
fi
exec "$BUILD_DIR/app/wsmsgbroker" "$@"
