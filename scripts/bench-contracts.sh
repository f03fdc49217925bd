#!/usr/bin/env bash
# What checking contracts costs (issue 15): the pairs scenario against the headless broker
# without schemas, then with --schemas holding a schema for every message of the bench's room
# (its sends: sender, sequence, destination, time and padding, each typed and bounded), in the
# same run, ROUNDS times alternating. The checker runs on its own thread of the same process,
# so the server's CPU per message counts it; the messages/s say whether routing slowed.
#
#   scripts/bench-contracts.sh [BUILD_DIR] [SECONDS] [ROUNDS]     (defaults: build, 10, 3)
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
rounds=${3:-3}
bench="$build/tests/bench/wsmsgbroker-bench"
broker="$build/app/wsmsgbroker"
for f in "$bench" "$broker"; do
    [ -x "$f" ] || { echo "bench-contracts.sh: $f is missing: build first (scripts/test.sh builds everything)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/schemas/bench"
cat > "$work/schemas/bench/send.schema.json" <<'JSON'
{"type": "object", "required": ["s", "q", "d", "t"], "additionalProperties": false,
 "properties": {"s": {"type": "integer", "minimum": 0}, "q": {"type": "integer", "minimum": 0},
                "d": {"type": "integer", "minimum": -1}, "t": {"type": "number"},
                "p": {"type": "string", "maxLength": 65536}}}
JSON
# The same schema for another room: the broker hands its events to the checker, which finds
# nothing to check; the difference to the run above is what validating costs.
mkdir -p "$work/elsewhere/elsewhere"
cp "$work/schemas/bench/send.schema.json" "$work/elsewhere/elsewhere/"

url_of() { # waits for "listening on URL" in a file
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then sed -n 's/^listening on //p' "$1" | head -1; return; fi
        sleep 0.1
    done
    echo "bench-contracts.sh: no 'listening on' line in $1" >&2; cat "$1" >&2; exit 1
}

run() { # run NAME [broker options...]: pairs against a headless broker started with the options
    local name=$1; shift
    echo "== headless broker $*, pairs, ${seconds} s"
    "$broker" --headless --port 0 "$@" > "$work/$name.out" 2> "$work/$name.err" &
    local pid=$!
    local url
    url=$(url_of "$work/$name.out")
    "$bench" --url "${url}bench" -s pairs -d "$seconds" --server-pid "$pid" | tee "$work/$name.bench"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    cat "$work/$name.err" >&2
    # A violation would mean the schema is wrong for the bench: its figures would not count.
    if grep -q '^violation ' "$work/$name.out"; then
        echo "bench-contracts.sh: the bench's messages violate the schema:" >&2
        grep -m3 '^violation ' "$work/$name.out" >&2; exit 1
    fi
}

for round in $(seq "$rounds"); do
    run "plain-$round"
    run "observed-$round" --schemas "$work/elsewhere"
    run "schemas-$round" --schemas "$work/schemas"
done

# The server's CPU per message of each run of a kind, and their mean.
cpu() { sed -n 's/.* \([0-9.]*\) µs CPU per message.*/\1/p' "$1" | head -1; }
mean() { # mean KIND
    for round in $(seq "$rounds"); do cpu "$work/$1-$round.bench"; done |
        awk '{ s += $1; n++ } END { if (n > 0) printf "%.3f", s / n }'
}
p=$(mean plain); o=$(mean observed); r=$(mean schemas)
[ -n "$p" ] && [ -n "$o" ] && [ -n "$r" ] || { echo "bench-contracts.sh: no server CPU figures (was --server-pid measured?)" >&2; exit 1; }
echo "server CPU per message, mean of $rounds rounds: no schemas $p µs, a schema for another room $o µs, a schema on every message $r µs"
awk -v p="$p" -v o="$o" -v r="$r" 'BEGIN {
    printf "every message/no schemas: %.3f (%+.1f%%); every message/another room: %.3f (%+.1f%%)\n",
           r / p, 100 * (r / p - 1), r / o, 100 * (r / o - 1) }'
