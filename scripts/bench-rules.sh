#!/usr/bin/env bash
# Traffic rules that match nothing cost routing little (issue 13): the pairs scenario against
# the headless broker with no rules, then with 10 rules installed that match no delivery (four
# for other rooms, six in the bench's room that fail on the receiver, sender, action or ack,
# two of them with a regex or a JSON path that is never reached), in the same run, ROUNDS
# times alternating. Prints the server's CPU per message for both, and their ratio.
#
#   scripts/bench-rules.sh [BUILD_DIR] [SECONDS] [ROUNDS]     (defaults: build, 10, 3)
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
rounds=${3:-3}
bench="$build/tests/bench/wsmsgbroker-bench"
broker="$build/app/wsmsgbroker"
for f in "$bench" "$broker"; do
    [ -x "$f" ] || { echo "bench-rules.sh: $f is missing: build first (scripts/test.sh builds everything)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/rules.json" <<'JSON'
[{"name": "other-1", "match": {"room": "/elsewhere"}, "effect": "hold"},
 {"name": "other-2", "match": {"room": "/r"}, "effect": "drop"},
 {"name": "other-3", "match": {"room": "/s", "from": "a"}, "effect": "delay", "ms": 300},
 {"name": "other-4", "match": {"room": "/c", "to": "b"}, "effect": "close", "closeCode": 1011, "after": 3},
 {"name": "to-nobody", "match": {"room": "/bench", "to": "nobody"}, "effect": "hold"},
 {"name": "from-nobody", "match": {"room": "/bench", "from": "nobody"}, "effect": "drop"},
 {"name": "errors", "match": {"room": "/bench", "action": "error"}, "effect": "hold"},
 {"name": "one-ack", "match": {"action": "answer", "ack": "never-asked"}, "effect": "drop"},
 {"name": "regex", "match": {"to": "nobody", "regex": "secret-\\d+"}, "effect": "drop"},
 {"name": "path", "match": {"from": "nobody", "path": "message.kind", "equals": "x"}, "effect": "duplicate"}]
JSON

url_of() { # waits for "listening on URL" in a file
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then sed -n 's/^listening on //p' "$1" | head -1; return; fi
        sleep 0.1
    done
    echo "bench-rules.sh: no 'listening on' line in $1" >&2; cat "$1" >&2; exit 1
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
}

for round in $(seq "$rounds"); do
    run "plain-$round"
    run "rules-$round" --rules "$work/rules.json"
done

# The server's CPU per message of each run of a kind, and their mean.
cpu() { sed -n 's/.* \([0-9.]*\) µs CPU per message.*/\1/p' "$1" | head -1; }
mean() { # mean KIND
    for round in $(seq "$rounds"); do cpu "$work/$1-$round.bench"; done |
        awk '{ s += $1; n++ } END { if (n > 0) printf "%.3f", s / n }'
}
p=$(mean plain); r=$(mean rules)
[ -n "$p" ] && [ -n "$r" ] || { echo "bench-rules.sh: no server CPU figures (was --server-pid measured?)" >&2; exit 1; }
echo "server CPU per message, mean of $rounds rounds: no rules $p µs, 10 rules matching nothing $r µs"
awk -v p="$p" -v r="$r" 'BEGIN { printf "rules/no rules: %.3f (%+.1f%%)\n", r / p, 100 * (r / p - 1) }'
