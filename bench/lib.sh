#!/usr/bin/env bash
# Shared helpers for the benchmark scripts: start the local stack on a scratch data directory, provision a
# buyer, and summarise wrk output. Every load goes to 127.0.0.1 only.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
DATA_DIR="${BENCH_DATA_DIR:-$(mktemp -d /tmp/fh-bench.XXXXXX)}"

require_wrk() {
    if ! command -v wrk >/dev/null 2>&1; then
        if [ "$(id -u)" = "0" ]; then
            apt-get update -qq && apt-get install -y -qq wrk >/dev/null
        else
            echo "wrk is needed: sudo apt-get install wrk" >&2
            exit 1
        fi
    fi
}

start_stack() {
    if [ ! -f "$PROJECT_DIR/launcher/target/fh-launcher.jar" ]; then
        (cd "$PROJECT_DIR" && mvn -B -q install -DskipTests)
    fi
    # Benchmarks measure the service, not the per-credential rate limit.
    FIRSTHAND_RATE_LIMIT_ENABLED=false java -Xmx256m -jar "$PROJECT_DIR/launcher/target/fh-launcher.jar" --data-dir "$DATA_DIR" \
        --port "$GATEWAY_PORT" > "$DATA_DIR/launcher-output.log" 2>&1 &
    LAUNCHER_PID=$!
    trap stop_stack EXIT
    for _ in $(seq 1 240); do
        if grep -q "FirstHand is running" "$DATA_DIR/launcher-output.log" 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
            cat "$DATA_DIR/launcher-output.log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "stack did not start" >&2
    exit 1
}

stop_stack() {
    if [ -n "${LAUNCHER_PID:-}" ] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
        kill -TERM "$LAUNCHER_PID"
        wait "$LAUNCHER_PID" 2>/dev/null || true
    fi
    [ -z "${BENCH_DATA_DIR:-}" ] && rm -rf "$DATA_DIR"
}

admin_token() {
    cat "$DATA_DIR/admin-token"
}

demo_api_key() {
    sed -n 's/^api\.key=//p' "$DATA_DIR/demo-credentials.properties"
}

service_pid() {
    pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1
}

rss_mb() {
    awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

# wrk_line NAME URL [wrk options...]: one table row: requests/s, p50, p99, errors.
wrk_line() {
    local name="$1" url="$2"
    shift 2
    local out
    out=$(wrk --latency "$@" "$url")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
    printf '| %-44s | %10s | %8s | %8s | %6s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

wrk_header() {
    printf '| %-44s | %10s | %8s | %8s | %6s |\n' "endpoint" "req/s" "p50" "p99" "non-2xx"
    printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "------------" "----------" \
        "----------" "--------"
}
