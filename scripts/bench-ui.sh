#!/usr/bin/env bash
# The inspector under load (issues 4 and 7): the pairs scenario against the headless broker,
# then against the window's broker (in its own thread) with the window open and logging,
# measuring how late the window's event loop answers. Prints both rates and their ratio.
#
#   scripts/bench-ui.sh [BUILD_DIR] [SECONDS]      (defaults: build, 30)
set -euo pipefail
build=${1:-build}
seconds=${2:-30}
bench="$build/tests/bench/wsmsgbroker-bench"
broker="$build/app/wsmsgbroker"
uibench="$build/tests/uibench/wsmsgbroker-uibench"
for f in "$bench" "$broker" "$uibench"; do
    [ -x "$f" ] || { echo "bench-ui.sh: $f is missing: build first (scripts/test.sh builds everything)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

url_of() { # waits for "listening on URL" in a file
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then sed -n 's/^listening on //p' "$1" | head -1; return; fi
        sleep 0.1
    done
    echo "bench-ui.sh: no 'listening on' line in $1" >&2; cat "$1" >&2; exit 1
}

echo "== headless broker, pairs, ${seconds} s"
"$broker" --headless --port 0 > "$work/headless.out" 2>&1 &
hpid=$!
hurl=$(url_of "$work/headless.out")
"$bench" --url "${hurl}bench" -s pairs -d "$seconds" --server-pid "$hpid" | tee "$work/headless.bench"
kill "$hpid"; wait "$hpid" 2>/dev/null || true

echo "== inspector window open and logging, pairs, ${seconds} s"
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run > /dev/null; then
    run=(xvfb-run -a -s "-screen 0 1600x1000x24")
else
    run=()
fi
"${run[@]}" "$uibench" --duration $((seconds + 4)) > "$work/ui.out" 2>&1 &
uurl=$(url_of "$work/ui.out")
upid=$(pgrep -n -f wsmsgbroker-uibench)
sleep 1
"$bench" --url "${uurl}bench" -s pairs -d "$seconds" --server-pid "$upid" | tee "$work/ui.bench"
wait || true
grep -v '^listening on' "$work/ui.out" | grep -v XDG_RUNTIME || true

rate() { sed -n 's/^ *throughput: *\([0-9 ]*\) messages.*/\1/p' "$1" | tr -d ' '; }
h=$(rate "$work/headless.bench"); u=$(rate "$work/ui.bench")
if [ -n "$h" ] && [ -n "$u" ]; then
    awk -v h="$h" -v u="$u" 'BEGIN { printf "window/headless rate: %d / %d messages/s = %.0f%%\n", u, h, 100 * u / h }'
fi
