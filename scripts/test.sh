#!/usr/bin/env bash
# Builds WSMsgBroker with warnings as errors into ./build, or $BUILD_DIR, and runs every test.
# On a fresh Debian 12 machine, run as root: it installs what is missing first. The exit code
# is CTest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-2}
generator=()
# A build directory made earlier keeps its generator; a new one uses Ninja.
[[ -f "$BUILD_DIR/CMakeCache.txt" ]] || generator=(-G Ninja)
cmake -S . -B "$BUILD_DIR" "${generator[@]}" -DWSMSGBROKER_WERROR=ON
cmake --build "$BUILD_DIR" --parallel "$JOBS"

# GUI tests draw offscreen; --timeout bounds any test that has no TIMEOUT of its own.
QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure \
    --parallel "$JOBS" --timeout 300
