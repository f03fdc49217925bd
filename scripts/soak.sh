#!/usr/bin/env bash
# Soak test (not part of the default test run): the headless broker against 1,000 original
# wsmsgbroker clients (npm wsmsgbroker 1.7.2, run by node) that keep exchanging messages, with
# and without acks, while one of them leaves and comes back every 50 ms. Samples the broker's
# resident memory (VmRSS) every 10 s and prints a table.
#
# usage: scripts/soak.sh [--window] [MINUTES]   (default 10)
#
# --window: the same load against the inspector window's broker, the window open and logging
# under Xvfb (wsmsgbroker-uibench --report-every 10). Samples the window process's VmRSS and
# the UI event loop's lateness (p99 and max per 10 s interval); the memory baseline is the
# first sample with the log full (its ring buffer dropping), and any interval whose p99
# lateness passes SOAK_LATENESS_P99_MS (default 100) fails the run.
#
# Exits non-zero when a message or an answer was lost, duplicated or reordered, when the broker
# died, or when its memory grew by more than SOAK_RSS_GROWTH_MIB (default 32) over the first
# sample taken after all clients connected.
#
# Environment:
#   WSMSGBROKER_BIN      the broker binary (default: the newest build*/app/wsmsgbroker)
#   WSMSGBROKER_UIBENCH  with --window: the window driver (default: the newest
#                        build*/tests/uibench/wsmsgbroker-uibench)
#   SOAK_LATENESS_P99_MS with --window: allowed p99 lateness per interval (default 100)
#   SOAK_CLIENTS         number of clients (default 1000)
#   SOAK_RSS_GROWTH_MIB  allowed growth of the broker's VmRSS (default 32)
#   SOAK_NODE_MODULES    a node_modules holding wsmsgbroker (default: installed once with
#                        npm into ${XDG_CACHE_HOME:-~/.cache}/wsmsgbroker-soak)
set -euo pipefail

window=0
if [[ ${1:-} == --window ]]; then
    window=1
    shift
fi
minutes=${1:-10}
lateness_limit_ms=${SOAK_LATENESS_P99_MS:-100}
clients=${SOAK_CLIENTS:-1000}
growth_limit_mib=${SOAK_RSS_GROWTH_MIB:-32}
repo=$(cd "$(dirname "$0")/.." && pwd)

if ! [[ $minutes =~ ^[0-9]+$ ]] || ((minutes < 1)); then
    echo "usage: $0 [--window] [MINUTES]" >&2
    exit 2
fi

# Two sockets per client (one in node, one in the broker), plus some.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < clients + 256)); then
    echo "soak: ulimit -n is $(ulimit -n); $clients clients need more" >&2
    exit 2
fi

if ((window)); then
    broker_bin=${WSMSGBROKER_UIBENCH:-}
    if [[ -z $broker_bin ]]; then
        # shellcheck disable=SC2012 # build directory names are plain
        broker_bin=$(ls -t "$repo"/build*/tests/uibench/wsmsgbroker-uibench 2>/dev/null | head -n 1 || true)
    fi
    if [[ -z $broker_bin || ! -x $broker_bin ]]; then
        echo "soak: no wsmsgbroker-uibench; build it or set WSMSGBROKER_UIBENCH" >&2
        exit 2
    fi
    command -v xvfb-run >/dev/null || { echo "soak: --window needs xvfb-run" >&2; exit 2; }
else
    broker_bin=${WSMSGBROKER_BIN:-}
    if [[ -z $broker_bin ]]; then
        # shellcheck disable=SC2012 # build directory names are plain
        broker_bin=$(ls -t "$repo"/build*/app/wsmsgbroker 2>/dev/null | head -n 1 || true)
    fi
    if [[ -z $broker_bin || ! -x $broker_bin ]]; then
        echo "soak: no broker binary; build it or set WSMSGBROKER_BIN" >&2
        exit 2
    fi
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
xvfb_pid=
client_pid=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    if [[ -n $client_pid ]]; then kill "$client_pid" 2>/dev/null || true; fi
    if [[ -n $broker_pid ]]; then kill "$broker_pid" 2>/dev/null || true; fi
    # xvfb-run does not pass a signal on to the window: its children are told first.
    if [[ -n $xvfb_pid ]]; then
        pkill -TERM -P "$xvfb_pid" 2>/dev/null || true
        kill "$xvfb_pid" 2>/dev/null || true
    fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if ((window)); then
    # The window's broker runs in the window's process: that process is what is sampled.
    xvfb-run -a -s "-screen 0 1600x1000x24" "$broker_bin" --duration $((minutes * 60 + 30)) \
        --report-every 10 >"$work/broker.out" 2>"$work/broker.err" &
    xvfb_pid=$!
else
    "$broker_bin" --headless --port 0 >"$work/broker.out" 2>"$work/broker.err" &
    broker_pid=$!
fi
for _ in $(seq 300); do
    grep -q '^listening on ' "$work/broker.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/broker.out" | head -n 1)
if [[ -z $url ]]; then
    echo "soak: the broker did not start:" >&2
    cat "$work/broker.err" >&2
    exit 1
fi
if ((window)); then
    broker_pid=$(pgrep -P "$xvfb_pid" -f "$(basename "$broker_bin")" | head -n 1 || true)
    [[ -n $broker_pid ]] || { echo "soak: cannot find the window's process" >&2; exit 1; }
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
# A number from the window's last interval line (key=value).
ui_field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$ui_line"; }
ui_line=
worst_p99=0
worst_max=0
late_intervals=0

NODE_PATH=$node_modules node "$repo/tests/soak/soakclient.js" "$host" "$port" \
    $((minutes * 60)) "$clients" >"$work/client.out" 2>"$work/client.err" &
client_pid=$!

if ((window)); then
    printf '%6s %10s %10s %10s %10s %10s %8s %8s %8s %8s %8s\n' \
        time rss_MiB connected sent received asks answers closes p99_ms max_ms log_rows
else
    printf '%6s %10s %10s %10s %10s %10s %8s %8s\n' \
        time rss_MiB connected sent received asks answers closes
fi
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
    log_full=1
    if ((window)); then
        ui_line=$(grep '^interval ' "$work/broker.out" | tail -n 1 || true)
        p99=$(ui_field lateness_p99_ms)
        max=$(ui_field lateness_max_ms)
        p99=${p99:-0}
        max=${max:-0}
        ((p99 > worst_p99)) && worst_p99=$p99
        ((max > worst_max)) && worst_max=$max
        ((p99 > lateness_limit_ms)) && late_intervals=$((late_intervals + 1))
        # The window's memory is flat only once its log is full (the ring buffer dropping).
        [[ $(ui_field dropped) =~ ^[1-9] ]] || log_full=0
    fi
    # The baseline is the first sample with (nearly) every client connected.
    if [[ -z $baseline && -n $connected ]] && ((connected >= clients * 9 / 10 && log_full)); then
        baseline=$rss
    fi
    [[ -n $baseline ]] && ((rss > peak)) && peak=$rss
    if ((window)); then
        printf '%5ss %10.1f %10s %10s %10s %10s %8s %8s %8s %8s %8s\n' "$elapsed" \
            "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "${connected:--}" "$(field sent)" \
            "$(field received)" "$(field asks)" "$(field answers)" "$(field closes)" \
            "$p99" "$max" "$(ui_field rows)"
    else
        printf '%5ss %10.1f %10s %10s %10s %10s %8s %8s\n' "$elapsed" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" \
            "${connected:--}" "$(field sent)" "$(field received)" "$(field asks)" \
            "$(field answers)" "$(field closes)"
    fi
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
    echo "soak: never saw the clients connected (and, with --window, the log full); no memory baseline" >&2
    status=1
fi

if ((window)); then
    echo "soak: window event loop lateness: worst interval p99 ${worst_p99} ms, max ${worst_max} ms;" \
        "$late_intervals intervals with p99 over ${lateness_limit_ms} ms"
    if ((late_intervals > 0)); then
        echo "soak: the window's event loop was too late" >&2
        status=1
    fi
    # The window stops by itself (its --duration) half a minute after the clients started.
    wait "$xvfb_pid" || { echo "soak: the window did not stop cleanly" >&2; status=1; }
    xvfb_pid=
    grep '^ui event loop lateness\|^log: ' "$work/broker.out" | sed 's/^/soak: window: /' || true
elif kill -0 "$broker_pid" 2>/dev/null; then
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
