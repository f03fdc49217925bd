#!/usr/bin/env bash
# A replay as fast as possible against the pairs benchmark (issue 14): records SECONDS of the
# pairs scenario at a rate the recording keeps whole (4 clients, 1 message in flight each) with
# --record, replays it with --replay --timing fast (every client simulated, every frame
# compared), and measures, in the same run, how long pairs at full speed (100 clients, 32 in
# flight) needs for the same number of messages. Prints both times and their ratio.
#
#   scripts/bench-replay.sh [BUILD_DIR] [SECONDS]     (defaults: build, 3)
set -euo pipefail
build=${1:-build}
seconds=${2:-3}
bench="$build/tests/bench/wsmsgbroker-bench"
broker="$build/app/wsmsgbroker"
for f in "$bench" "$broker"; do
    [ -x "$f" ] || { echo "bench-replay.sh: $f is missing: build first (scripts/test.sh builds everything)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

url_of() { # waits for "listening on URL" in a file
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then sed -n 's/^listening on //p' "$1" | head -1; return; fi
        sleep 0.1
    done
    echo "bench-replay.sh: no 'listening on' line in $1" >&2; cat "$1" >&2; exit 1
}

# 1. The recording.
"$broker" --headless --port 0 --record "$work/pairs.wscap" >"$work/record.out" 2>&1 &
recorder=$!
url=$(url_of "$work/record.out")
"$bench" --url "${url}bench" -s pairs -c 4 -w 1 --size 64 -d "$seconds" --warmup 0 >"$work/record-bench.out"
kill -TERM "$recorder"
wait "$recorder" || true
# 2. The replay, as fast as possible.
start=$(date +%s.%N)
"$broker" --lang en --headless --port 0 --replay "$work/pairs.wscap" --timing fast --timeout 600 >"$work/replay.out" 2>&1 ||
    { echo "bench-replay.sh: the replay did not match:" >&2; cat "$work/replay.out" >&2; exit 1; }
end=$(date +%s.%N)
messages=$(sed -n 's/^replay: \([0-9]*\) frames sent by simulated clients in \([0-9.]*\) s$/\1/p' "$work/replay.out")
playing=$(sed -n 's/^replay: \([0-9]*\) frames sent by simulated clients in \([0-9.]*\) s$/\2/p' "$work/replay.out")
# 3. pairs at full speed, for its rate.
"$broker" --headless --port 0 >"$work/pairs.out" 2>&1 &
server=$!
url=$(url_of "$work/pairs.out")
"$bench" --url "${url}bench" -s pairs -c 100 -w 32 --size 64 -d "$seconds" --server-pid "$server" >"$work/pairs-bench.out"
rate=$(sed -n 's/^ *throughput: *\([0-9 ]*\) messages\/s.*/\1/p' "$work/pairs-bench.out" | tr -d ' ')
awk -v n="$messages" -v play="$playing" -v whole="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" -v rate="$rate" 'BEGIN {
    pairs = n / rate
    printf "recorded messages:             %d (%d frames)\n", n, 2 * n
    printf "replay, playing:               %.3f s  (%.1f us per message)\n", play, play / n * 1e6
    printf "replay, process start to exit: %.3f s  (loading the capture included)\n", whole
    printf "pairs at full speed:           %d messages/s -> %.3f s for %d messages\n", rate, pairs, n
    printf "ratio, playing / pairs:        %.2f\n", play / pairs
}'
