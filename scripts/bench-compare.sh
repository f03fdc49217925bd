#!/usr/bin/env bash
# Runs the standard benchmark set against this project's headless broker, a broker of the same
# protocol on Bun's WebSocket server (tests/bench/bun-broker.js: uWebSockets inside, what a
# speed-minded engineer would write instead) and the original Node.js server (wsmsgbroker 1.7.2)
# in the same run, and prints a table with the ratios.
#
#   scripts/bench-compare.sh [options] [BROKER_BINARY]
#
#   BROKER_BINARY        this project's broker (default: $WSMSGBROKER, else build/app/wsmsgbroker)
#   -d, --duration S     measured seconds per scenario (default 10; $BENCH_DURATION)
#   -b, --bench PATH     wsmsgbroker-bench (default: $WSMSGBROKER_BENCH, else found under build*/)
#   -n, --node-dir DIR   where the original is (or gets) installed (default:
#                        $WSMSGBROKER_NODE_DIR, else /tmp/wsmsgbroker-orig); installed with
#                        npm install --ignore-scripts wsmsgbroker@1.7.2 when missing
#   -s, --scenarios LIST space-separated subset of: pairs ask fanout latency connect
#   -c, --connections N  clients of the connect scenario (default 10000, less if ulimit -Hn is low)
#   -o, --output FILE    also append every run's JSON result line (plus case and broker) to FILE
#       --bun-dir DIR    where Bun is (or gets) installed (default: $WSMSGBROKER_BUN_DIR, else
#                        /tmp/wsmsgbroker-bun); installed with npm install bun@1.4.5 when missing
#       --no-bun         skip the Bun broker
#       --original-only  measure only the original (e.g. while our broker is not built)
#       --baseline BIN   also measure a second build of this project's broker (e.g. the one before
#                        a change) in the same run; the table adds a column and ours / baseline
#       --no-original    skip the original Node.js server (saves half the time with --baseline)
#   -r, --rounds N       run every scenario N times per server, the order of the servers turned
#                        round each time, and show the median of each figure (default 1). On a
#                        busy machine one run of the same binary differs from the next by several
#                        per cent; use 5 or more to compare builds within a few per cent.
#
# Each scenario gets a fresh server process, so CPU and memory figures do not carry over.
# The servers are started on free loopback ports; the original serves only one path, so all
# get the same room path, /bench. Exit status: 0 if every run completed with all correctness
# counters at 0.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
duration=${BENCH_DURATION:-10}
bench=${WSMSGBROKER_BENCH:-}
node_dir=${WSMSGBROKER_NODE_DIR:-/tmp/wsmsgbroker-orig}
bun_dir=${WSMSGBROKER_BUN_DIR:-/tmp/wsmsgbroker-bun}
bun_version=1.4.5
with_bun=1
broker=${WSMSGBROKER:-}
scenarios="pairs ask fanout latency connect"
output=
original_only=0
baseline=
with_original=1
rounds=1
room=/bench
connect_clients=10000

die() { echo "bench-compare: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case $1 in
    -d | --duration) duration=${2:?}; shift 2 ;;
    -b | --bench) bench=${2:?}; shift 2 ;;
    -n | --node-dir) node_dir=${2:?}; shift 2 ;;
    -s | --scenarios) scenarios=${2:?}; shift 2 ;;
    -o | --output) output=${2:?}; shift 2 ;;
    -c | --connections) connect_clients=${2:?}; shift 2 ;;
    --bun-dir) bun_dir=${2:?}; shift 2 ;;
    --no-bun) with_bun=0; shift ;;
    --original-only) original_only=1; shift ;;
    --baseline) baseline=${2:?}; shift 2 ;;
    --no-original) with_original=0; shift ;;
    -r | --rounds) rounds=${2:?}; shift 2 ;;
    -h | --help) sed -n '2,/^set -uo/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) broker=$1; shift ;;
    esac
done

command -v jq >/dev/null || die "jq is needed to read the bench's JSON results"
[[ $with_original == 1 ]] && { command -v node >/dev/null || die "node is needed to run the original server"; }
[[ $original_only == 1 && $with_original == 0 ]] && die "--original-only and --no-original exclude each other"
[[ -z $baseline || -x $baseline ]] || die "baseline broker $baseline not found"
[[ $original_only == 1 ]] && with_bun=0

# --- the bench -----------------------------------------------------------------------------
if [[ -z $bench ]]; then
    for candidate in "$root"/build/tests/bench/wsmsgbroker-bench "$root"/build*/tests/bench/wsmsgbroker-bench; do
        [[ -x $candidate ]] && { bench=$candidate; break; }
    done
fi
[[ -n $bench && -x $bench ]] ||
    die "wsmsgbroker-bench not found; build it (cmake --build build --target wsmsgbroker-bench) or pass --bench"

# --- our broker ----------------------------------------------------------------------------
if [[ $original_only == 0 ]]; then
    [[ -n $broker ]] || broker=$root/build/app/wsmsgbroker
    [[ -x $broker ]] || die "broker binary $broker not found; pass it as argument, set \$WSMSGBROKER, or use --original-only"
fi

# --- the original --------------------------------------------------------------------------
module=$node_dir/node_modules/wsmsgbroker
if [[ $with_original == 1 && ! -f $module/lib/Server.js ]]; then
    echo "bench-compare: installing wsmsgbroker@1.7.2 into $node_dir" >&2
    if ! mkdir -p "$node_dir" ||
        ! npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$node_dir" wsmsgbroker@1.7.2 >&2; then
        die "npm install of wsmsgbroker@1.7.2 failed"
    fi
fi

# --- Bun --------------------------------------------------------------------------------------
# Its postinstall script links the real binary in place of a placeholder (so no --ignore-scripts).
bun=$bun_dir/node_modules/.bin/bun
bun_broker=$root/tests/bench/bun-broker.js
if [[ $with_bun == 1 ]] && ! "$bun" --version >/dev/null 2>&1; then
    echo "bench-compare: installing bun@$bun_version into $bun_dir" >&2
    if ! mkdir -p "$bun_dir" ||
        ! npm install --silent --no-audit --no-fund --prefix "$bun_dir" "bun@$bun_version" >&2 ||
        ! "$bun" --version >/dev/null 2>&1; then
        die "npm install of bun@$bun_version failed (or --no-bun)"
    fi
fi

# --- descriptors ---------------------------------------------------------------------------
# Each connection is a descriptor in the bench and one in the server (both inherit this limit).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fd_limit=$(ulimit -n)
if [[ $fd_limit != unlimited ]] && ((fd_limit < connect_clients + 200)); then
    connect_clients=$(((fd_limit - 200) / 1000 * 1000))
    ((connect_clients >= 1000)) || connect_clients=$((fd_limit / 2))
    echo "bench-compare: the descriptor limit is $fd_limit (ulimit -Hn): connect runs with $connect_clients clients" >&2
fi

workdir=$(mktemp -d)
server_pid=
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=
    fi
}
cleanup() {
    stop_server
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a server of kind "ours", "baseline", "bun" or "original"; sets server_pid and server_url.
start_server() {
    local kind=$1 line=
    : >"$workdir/server.out"
    if [[ $kind == ours ]]; then
        "$broker" --headless --port 0 >"$workdir/server.out" 2>"$workdir/server.err" &
    elif [[ $kind == baseline ]]; then
        "$baseline" --headless --port 0 >"$workdir/server.out" 2>"$workdir/server.err" &
    elif [[ $kind == bun ]]; then
        "$bun" "$bun_broker" 0 >"$workdir/server.out" 2>"$workdir/server.err" &
    else
        # Port 0 picks a free port; the error listener keeps the original alive if it logs an
        # error (it would otherwise throw on an unhandled 'error' event).
        WSMSGBROKER_NODE_MODULE=$module ROOM=$room node -e '
            const Server = require(process.env.WSMSGBROKER_NODE_MODULE).Server;
            const server = new Server(0, process.env.ROOM);
            server.on("error", (e) => console.error("server error: " + e.message));
            server.wss.on("listening", () =>
                console.log("listening on ws://127.0.0.1:" + server.wss._server.address().port + "/"));
        ' >"$workdir/server.out" 2>"$workdir/server.err" &
    fi
    server_pid=$!
    for _ in $(seq 100); do
        line=$(head -n 1 "$workdir/server.out")
        [[ $line == "listening on "* ]] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ $line != "listening on "* ]]; then
        echo "bench-compare: the $kind server did not start:" >&2
        cat "$workdir/server.err" >&2
        stop_server
        return 1
    fi
    local base=${line#listening on }
    server_url="${base%/}$room"
}

# run_case NAME KIND BENCH-ARGS...: one fresh server, one bench run; stores the JSON line of
# this round.
declare -A results
failures=0
round=1
run_case() {
    local name=$1 kind=$2
    shift 2
    local json
    if ! start_server "$kind"; then
        results[$name.$kind.$round]='{"ok":false,"error":"server did not start"}'
        failures=$((failures + 1))
        return
    fi
    printf 'bench-compare: %-8s %-8s %s ' "$name" "$kind" "$([[ $rounds -gt 1 ]] && echo "round $round")" >&2
    json=$("$bench" --url "$server_url" --server-pid "$server_pid" --json "$@" 2>"$workdir/bench.err" | tail -n 1)
    if [[ -z $json ]] || ! jq -e . >/dev/null 2>&1 <<<"$json"; then
        json=$(jq -cn --arg e "$(tail -n 3 "$workdir/bench.err")" '{ok:false,error:$e}')
    fi
    if kill -0 "$server_pid" 2>/dev/null; then
        stop_server
    else
        server_pid=
        json=$(jq -c '. + {ok:false,error:"the server died during the run"}' <<<"$json")
    fi
    results[$name.$kind.$round]=$json
    [[ -n $output ]] && jq -c --arg case "$name" --arg server "$kind" '. + {case:$case,broker:$server}' <<<"$json" >>"$output"
    if [[ $(jq -r '.ok' <<<"$json") != true ]]; then
        failures=$((failures + 1))
        echo "FAILED: $(jq -r '.error // .first_problem // "correctness counters not 0"' <<<"$json")" >&2
    else
        jq -r '"\(.rate|floor) \(.unit)/s, saturated: \(.saturated)"' <<<"$json" >&2
    fi
    return 0
}

kinds=ours
[[ -n $baseline ]] && kinds+=" baseline"
[[ $with_bun == 1 ]] && kinds+=" bun"
[[ $with_original == 1 ]] && kinds+=" original"
[[ $original_only == 1 ]] && kinds=original
common=(--duration "$duration" --warmup 1)
# The order of the servers turns each round, so that neither always runs first (or last).
rotate() {
    local -a k=($1)
    local n=${#k[@]} i
    for ((i = 0; i < n; i++)); do printf '%s ' "${k[$(((i + $2) % n))]}"; done
}
for scenario in $scenarios; do
    for ((round = 1; round <= rounds; round++)); do
    for kind in $(rotate "$kinds" $((round - 1))); do
        case $scenario in
        pairs) run_case pairs "$kind" "${common[@]}" --scenario pairs --clients 100 --window 32 --size 64 ;;
        ask) run_case ask "$kind" "${common[@]}" --scenario ask --clients 100 --window 32 --size 64 ;;
        fanout) run_case fanout "$kind" "${common[@]}" --scenario fanout --receivers 1000 --window 32 --size 64 ;;
        latency) run_case latency "$kind" "${common[@]}" --scenario pairs --clients 100 --window 1 --size 64 ;;
        connect) run_case connect "$kind" --scenario connect --clients "$connect_clients" --duration "$duration" ;;
        *) die "unknown scenario $scenario" ;;
        esac
    done
    done
done

# --- the table -----------------------------------------------------------------------------
# value NAME KIND JQ-EXPR: a number from a stored result, or "-".
# The median over the rounds.
value() {
    local r json
    for ((r = 1; r <= rounds; r++)); do
        json=${results[$1.$2.$r]:-}
        [[ -n $json ]] || continue
        jq -r "if .ok == false and (.error != null) then \"-\" else ($3 // \"-\") end" <<<"$json"
    done | awk '$0 != "-" { v[n++] = $0 } END {
        if (n == 0) { print "-"; exit }
        if (v[0] !~ /^-?[0-9.eE+-]+$/) { print v[0]; exit }
        for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
        print (n % 2) ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2 }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2fx", a / b }'
}
fmt() {
    awk -v v="$1" -v d="${2:-0}" 'BEGIN { if (v == "-") print "-"; else printf "%.*f", d, v }'
}
status() {
    local r json failed=0 seen=0 saturated=
    for ((r = 1; r <= rounds; r++)); do
        json=${results[$1.$2.$r]:-}
        [[ -n $json ]] || continue
        seen=1
        [[ $(jq -r '.ok' <<<"$json") == true ]] || failed=$((failed + 1))
        saturated=$(jq -r '.saturated // "?"' <<<"$json")
    done
    ((seen)) || { echo "-"; return; }
    ((failed == 0)) && echo "ok ($saturated)" || echo "FAILED ($failed)"
}
# One row: label, figure, then a value per measured kind and the ratios of ours to the others.
row() {
    local label=$1 figure=$2 expr=$3 digits=${4:-0} kind a
    local -a cells=()
    local -A got=()
    for kind in $kinds; do
        a=$(value "$current" "$kind" "$expr")
        got[$kind]=$a
        cells+=("$(fmt "$a" "$digits")")
    done
    for kind in $kinds; do
        [[ $kind == ours ]] && continue
        [[ $kinds == *ours* ]] && cells+=("$(ratio "${got[ours]}" "${got[$kind]}")")
    done
    line "$label" "$figure" "${cells[@]}"
}
line() {
    printf '%-27s %-31s' "$1" "$2"
    shift 2
    printf ' %14s' "$@"
    printf '\n'
}
status_row() {
    local -a cells=()
    local kind
    for kind in $kinds; do cells+=("$(status "$current" "$kind")"); done
    line "" "$1" "${cells[@]}"
}

headers=()
rules=()
ratios=()
for kind in $kinds; do headers+=("$kind"); rules+=("----"); done
for kind in $kinds; do
    [[ $kind == ours || $kinds != *ours* ]] && continue
    headers+=("ours/$kind"); rules+=("-----"); ratios+=("ours / $kind")
done
echo
echo "wsmsgbroker-bench, ${duration} s per scenario$([[ $rounds -gt 1 ]] && echo ", median of $rounds rounds"), $(nproc) cores${ratios:+; ratio = ${ratios[*]}}"
[[ -n $baseline ]] && echo "baseline: $baseline"
line "scenario" "figure" "${headers[@]}"
line "--------" "------" "${rules[@]}"
for scenario in $scenarios; do
    current=$scenario
    case $scenario in
    pairs | ask | fanout | latency)
        case $scenario in
        pairs) label="pairs N=100 W=32 64 B" ;;
        ask) label="ask N=100 W=32" ;;
        fanout) label="fanout K=1000 W=32" ;;
        latency) label="pairs N=100 W=1 (latency)" ;;
        esac
        unit=-
        for kind in $kinds; do
            [[ $unit == - ]] && unit=$(value "$scenario" "$kind" '.unit')
        done
        row "$label" "$unit/s (higher better)" '.rate'
        row "" "latency p50 ms (lower)" '.latency.p50_us / 1000' 2
        row "" "latency p99 ms (lower)" '.latency.p99_us / 1000' 2
        row "" "server CPU us/op (lower)" '.server.cpu_us_per_op' 2
        status_row "status (saturated side)"
        ;;
    connect)
        row "connect C=$connect_clients" "server KiB/connection (lower)" '.server.rss_kib_per_connection' 1
        row "" "server CPU us/connection (lower)" '.server.cpu_us_per_op' 0
        row "" "connections/s (higher)" '.connect_rate'
        row "" "seconds to connect all (lower)" '.connect_s' 2
        row "" "connect p99 ms (lower)" '.connect_latency.p99_us / 1000' 2
        row "" "sweep p99 ms, 1 msg/conn (lower)" '.latency.p99_us / 1000' 2
        status_row "status"
        ;;
    esac
done
others=$(for k in "${!results[@]}"; do jq -r '.other_cpu_pct // empty' <<<"${results[$k]}"; done | sort -n | tail -n 1)
if [[ -n $others ]] && awk -v o="$others" 'BEGIN { exit !(o >= 15) }'; then
    echo
    echo "note: other processes used up to $(fmt "$others")% of a core during some runs; the figures are disturbed."
fi
[[ $failures == 0 ]] || { echo; echo "bench-compare: $failures run(s) failed"; exit 1; }
