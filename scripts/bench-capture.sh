#!/usr/bin/env bash
# Recording costs routing little (issue 12): the pairs scenario against the headless broker
# without, then with --record into a temporary capture, in the same run. Prints both rates,
# their ratio, the frames the capture holds (and those over the broker's recording limit,
# only counted) and the capture's bytes per frame (file and -wal together).
#
#   scripts/bench-capture.sh [BUILD_DIR] [SECONDS]      (defaults: build, 30)
set -euo pipefail
build=${1:-build}
seconds=${2:-30}
bench="$build/tests/bench/wsmsgbroker-bench"
broker="$build/app/wsmsgbroker"
for f in "$bench" "$broker"; do
    [ -x "$f" ] || { echo "bench-capture.sh: $f is missing: build first (scripts/test.sh builds everything)" >&2; exit 2; }
done
command -v sqlite3 > /dev/null || { echo "bench-capture.sh: needs the sqlite3 command (scripts/bootstrap.sh installs it)" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

url_of() { # waits for "listening on URL" in a file
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then sed -n 's/^listening on //p' "$1" | head -1; return; fi
        sleep 0.1
    done
    echo "bench-capture.sh: no 'listening on' line in $1" >&2; cat "$1" >&2; exit 1
}

run() { # run NAME [broker options...]: pairs against a headless broker started with the options
    local name=$1; shift
    echo "== headless broker $*, pairs, ${seconds} s"
    "$broker" --headless --port 0 "$@" > "$work/$name.out" 2> "$work/$name.err" &
    local pid=$!
    local url
    url=$(url_of "$work/$name.out")
    "$bench" --url "${url}bench" -s pairs -d "$seconds" --server-pid "$pid" | tee "$work/$name.bench"
    # SIGTERM: the broker stops and the capture is flushed and closed before it exits.
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    cat "$work/$name.err" >&2
}

capture="$work/bench.wscap"
run plain
run recording --record "$capture"

rate() { sed -n 's/^ *throughput: *\([0-9 ]*\) messages.*/\1/p' "$1" | tr -d ' '; }
p=$(rate "$work/plain.bench"); r=$(rate "$work/recording.bench")
frames=$(sqlite3 "file:$capture?mode=ro" 'SELECT count(*) FROM frames')
unrecorded=$(sqlite3 "file:$capture?mode=ro" "SELECT ifnull((SELECT value FROM meta WHERE key = 'unrecorded_frames'), 0)")
unwritten=$(sqlite3 "file:$capture?mode=ro" "SELECT ifnull((SELECT value FROM meta WHERE key = 'unwritten_frames'), 0)")
bytes=$(cat "$capture" "$capture-wal" 2> /dev/null | wc -c)
echo "capture: $frames frames recorded, $unrecorded over the recording limit (counted only), $unwritten not written (writer behind)"
awk -v b="$bytes" -v f="$frames" 'BEGIN { if (f > 0) printf "capture: %d bytes, %.0f bytes per frame\n", b, b / f }'
if [ -n "$p" ] && [ -n "$r" ]; then
    awk -v p="$p" -v r="$r" 'BEGIN { printf "recording/plain rate: %d / %d messages/s = %.0f%%\n", r, p, 100 * r / p }'
fi
