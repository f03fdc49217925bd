#!/usr/bin/env bash
# Smoke test of wsmsgbroker-bench against a real broker: every scenario, briefly, must connect,
# pass its correctness checks (lost, duplicated, misrouted, out-of-order all 0) and exit 0.
#
#   bench-smoke.sh BENCH BROKER_BINARY        # this project's broker, started --headless --port 0
#   bench-smoke.sh BENCH --node MODULE_DIR    # the original (MODULE_DIR/node_modules/wsmsgbroker)
#   bench-smoke.sh BENCH --faulty-node MODULE_DIR
#       the original with injected faults (faulty-original-server.js): the bench must fail and
#       count lost, duplicated, misrouted and out-of-order messages
set -euo pipefail

bench=${1:?usage: bench-smoke.sh BENCH (BROKER_BINARY | --node MODULE_DIR)}
shift
workdir=$(mktemp -d)
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
faulty=0
if [[ ${1:-} == --faulty-node ]]; then
    faulty=1
    WSMSGBROKER_NODE_MODULE=${2:?--faulty-node needs a directory}/node_modules/wsmsgbroker \
        node "$here/faulty-original-server.js" >"$workdir/server.out" 2>"$workdir/server.err" &
elif [[ ${1:-} == --node ]]; then
    module=${2:?--node needs the directory holding node_modules/wsmsgbroker}/node_modules/wsmsgbroker
    WSMSGBROKER_NODE_MODULE=$module node -e '
        const Server = require(process.env.WSMSGBROKER_NODE_MODULE).Server;
        const server = new Server(0, "/bench");
        server.on("error", (e) => console.error("server error: " + e.message));
        server.wss.on("listening", () =>
            console.log("listening on ws://127.0.0.1:" + server.wss._server.address().port + "/"));
    ' >"$workdir/server.out" 2>"$workdir/server.err" &
else
    "${1:?broker binary missing}" --headless --port 0 >"$workdir/server.out" 2>"$workdir/server.err" &
fi
server_pid=$!

# First stdout line: "listening on ws://HOST:PORT/"
for _ in $(seq 100); do
    line=$(head -n 1 "$workdir/server.out" 2>/dev/null || true)
    [[ $line == "listening on "* ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "bench-smoke: the server exited:" >&2
        cat "$workdir/server.err" >&2
        exit 1
    fi
    sleep 0.1
done
[[ ${line:-} == "listening on "* ]] || { echo "bench-smoke: no 'listening on' line" >&2; exit 1; }
base=${line#listening on }
url="${base%/}/bench"

if [[ $faulty == 1 ]]; then
    set +e
    result=$("$bench" --url "$url" --warmup 0 --duration 2 --drain-timeout 2 --json)
    status=$?
    set -e
    echo "$result"
    [[ $status == 1 ]] || { echo "bench-smoke: expected exit status 1, got $status" >&2; exit 1; }
    RESULT=$result node -e '
        const r = JSON.parse(process.env.RESULT);
        const missed = ["lost", "duplicated", "misrouted", "out_of_order"].filter((k) => !(r[k] > 0));
        if (missed.length) { console.error("bench-smoke: faults not counted: " + missed); process.exit(1); }'
    echo "bench-smoke: all injected faults were counted"
    exit 0
fi

run() {
    echo "+ wsmsgbroker-bench $*"
    "$bench" --url "$url" --server-pid "$server_pid" --warmup 0.2 --duration 1 "$@"
}
run --scenario pairs --clients 20 --window 8
run --scenario ask --clients 20 --window 8
run --scenario fanout --receivers 50 --window 4
run --scenario pairs --clients 4 --window 1 --size 2000
run --scenario connect --clients 300 --duration 0.5
echo "bench-smoke: all scenarios correct"
