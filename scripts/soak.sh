#!/usr/bin/env bash
# Soak test (not part of the default test run): the headless broker against 1,000 original
# wsmsgbroker clients (npm wsmsgbroker 1.7.2, run by node) that keep exchanging messages, with
# and without acks, while one of them leaves and comes back every 50 ms. Samples the broker's
# resident memory (VmRSS) every 10 s and prints a table.
#
# usage: scripts/soak.sh [MINUTES]   (default 10)
#
# Exits non-zero when a message or an answer was lost, duplicated or reordered, when the broker
# died, or when its memory grew by more than SOAK_RSS_GROWTH_MIB (default 32) over the first
# sample taken after all clients connected.
#
# Environment:
#   WSMSGBROKER_BIN      the broker binary (default: the newest build*/app/wsmsgbroker)
#   SOAK_CLIENTS         number of clients (default 1000)
#   SOAK_RSS_GROWTH_MIB  allowed growth of the broker's VmRSS (default 32)
#   SOAK_NODE_MODULES    a node_modules holding wsmsgbroker (default: installed once with
#                        npm into ${XDG_CACHE_HOME:-~/.cache}/wsmsgbroker-soak)
set -euo pipefail

minutes=${1:-10}
clients=${SOAK_CLIENTS:-1000}
growth_limit_mib=${SOAK_RSS_GROWTH_MIB:-32}
repo=$(cd "$(dirname "$0")/.." && pwd)

if ! [[ $minutes =~ ^[0-9]+$ ]] || ((minutes < 1)); then
    echo "usage: $0 [MINUTES]" >&2
    exit 2
fi

# Two sockets per client (one in node, one in the broker), plus some.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < clients + 256)); then
    echo "soak: ulimit -n is $(ulimit -n); $clients clients need more" >&2
    exit 2
fi

broker_bin=${WSMSGBROKER_BIN:-}
if [[ -z $broker_bin ]]; then
    # shellcheck disable=SC2012 # build directory names are plain
    broker_bin=$(ls -t "$repo"/build*/app/wsmsgbroker 2>/dev/null | head -n 1 || true)
fi
if [[ -z $broker_bin || ! -x $broker_bin ]]; then
    echo "soak: no broker binary; build it or set WSMSGBROKER_BIN" >&2
    exit 2
fi
command -v node >/dev/null || { echo "soak: node is needed" >&2; exit 2; }

node_modules=${SOAK_NODE_MODULES:-}
if [[ -z $node_modules ]]; then
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/wsmsgbroker-soak
    if [[ ! -d $cache/node_modules/wsmsgbroker ]]; then
        echo "soak: installing wsmsgbroker@1.7.2 into $cache"
        mkdir -p "$cache"
        # --ignore-scripts: its optional native add-ons do not build on current node, and the
        # package runs on plain JavaScript without them.
        (cd "$cache" && npm install --silent --ignore-scripts --no-audit --no-fund \
            wsmsgbroker@1.7.2 >/dev/null)
    fi
    node_modules=$cache/node_modules
fi

work=$(mktemp -d)
broker_pid=
client_pid=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    if [[ -n $client_pid ]]; then kill "$client_pid" 2>/dev/null || true; fi
    if [[ -n $broker_pid ]]; then kill "$broker_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$broker_bin" --headless --port 0 >"$work/broker.out" 2>"$work/broker.err" &
broker_pid=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$work/broker.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/broker.out" | head -n 1)
if [[ -z $url ]]; then
    echo "soak: the broker did not start:" >&2
    cat "$work/broker.err" >&2
    exit 1
fi
hostport=${url#ws://}
hostport=${hostport%%/*}
host=${hostport%:*}
port=${hostport##*:}
echo "soak: $broker_bin (pid $broker_pid) at $url; $clients clients for $minutes min"

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$broker_pid/status" 2>/dev/null || echo 0; }
# A number from the client's last JSON line.
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$line"; }
line=

NODE_PATH=$node_modules node "$repo/tests/soak/soakclient.js" "$host" "$port" \
    $((minutes * 60)) "$clients" >"$work/client.out" 2>"$work/client.err" &
client_pid=$!

printf '%6s %10s %10s %10s %10s %10s %8s %8s\n' \
    time rss_MiB connected sent received asks answers closes
baseline=
peak=0
elapsed=0
status=0
while kill -0 "$client_pid" 2>/dev/null; do
    sleep 10
    elapsed=$((elapsed + 10))
    if ! kill -0 "$broker_pid" 2>/dev/null; then
        echo "soak: the broker died" >&2
        cat "$work/broker.err" >&2
        status=1
        break
    fi
    rss=$(rss_kib)
    line=$(grep '^{' "$work/client.out" | tail -n 1 || true)
    connected=$(field connected)
    # The baseline is the first sample with (nearly) every client connected.
    if [[ -z $baseline && -n $connected ]] && ((connected >= clients * 9 / 10)); then
        baseline=$rss
    fi
    [[ -n $baseline ]] && ((rss > peak)) && peak=$rss
    printf '%5ss %10.1f %10s %10s %10s %10s %8s %8s\n' "$elapsed" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" \
        "${connected:--}" "$(field sent)" "$(field received)" "$(field asks)" \
        "$(field answers)" "$(field closes)"
done

if [[ $status -eq 0 ]]; then
    wait "$client_pid" || status=$?
    client_pid=
    final=$(grep '"final":true' "$work/client.out" || true)
    echo "soak: client summary: ${final:-none}"
    [[ -s $work/client.err ]] && cat "$work/client.err" >&2
    if [[ -z $final ]]; then
        echo "soak: the client did not finish" >&2
        status=1
    fi
fi

if [[ -n $baseline ]]; then
    growth=$(((peak - baseline) / 1024))
    echo "soak: broker RSS baseline $((baseline / 1024)) MiB, peak $((peak / 1024)) MiB," \
        "growth ${growth} MiB (limit ${growth_limit_mib} MiB)"
    if ((growth > growth_limit_mib)); then
        echo "soak: the broker's memory grew too much" >&2
        status=1
    fi
else
    echo "soak: never saw the clients connected; no memory baseline" >&2
    status=1
fi

if kill -0 "$broker_pid" 2>/dev/null; then
    kill -TERM "$broker_pid"
    wait "$broker_pid" || { echo "soak: the broker did not stop cleanly" >&2; status=1; }
fi
broker_pid=
if [[ $status -eq 0 ]]; then
    echo "soak: PASS"
else
    echo "soak: FAIL" >&2
fi
exit "$status"
