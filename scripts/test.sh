#!/usr/bin/env bash
# Builds WSMsgBroker with warnings as errors into ./build, or $BUILD_DIR, and runs every test.
# On a fresh Debian 12 machine, run as root: it installs what is missing first. The exit code
# is CTest's.
#
# SANITIZE=address,undefined (or SANITIZE=thread) builds and runs the whole suite under those
# sanitizers instead, in a build directory of its own (build-asan, build-tsan) so that a normal
# build is not clobbered; per-test timeouts are scaled there (tests/CMakeLists.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh

SANITIZE=${SANITIZE:-}
case "$SANITIZE" in
"") default_dir=build ;;
*thread*) default_dir=build-tsan ;;
*) default_dir=build-asan ;;
esac
BUILD_DIR=${BUILD_DIR:-$default_dir}
JOBS=${JOBS:-2}
generator=()
# A build directory made earlier keeps its generator; a new one uses Ninja.
[[ -f "$BUILD_DIR/CMakeCache.txt" ]] || generator=(-G Ninja)
cmake -S . -B "$BUILD_DIR" "${generator[@]}" -DWSMSGBROKER_WERROR=ON \
    -DWSMSGBROKER_SANITIZE="$SANITIZE"
cmake --build "$BUILD_DIR" --parallel "$JOBS"

timeout=300
if [[ -n $SANITIZE ]]; then
    timeout=1200
    suppressions="$PWD/scripts/sanitizer"
    # Leaks are checked (our own get fixed); the few one-off allocations of Qt and fontconfig
    # that live until exit are suppressed, each with its reason, in lsan.supp.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
    export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$suppressions/lsan.supp:print_suppressions=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp}
fi

# GUI tests draw offscreen; --timeout bounds any test that has no TIMEOUT of its own.
QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure \
    --parallel "$JOBS" --timeout "$timeout"
