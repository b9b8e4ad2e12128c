#!/usr/bin/env bash
# Jobs API throughput and latency, through the gateway and directly, beside /q/health/live of the same
# service in the same run; then how many long-polls one jobs-service instance holds, and its memory.
#   bench/jobs-api.sh [duration-seconds] [connections] [long-polls]
source "$(dirname "$0")/lib.sh"
DURATION="${1:-15}"
CONNECTIONS="${2:-32}"
LONG_POLLS="${3:-10000}"
JOBS_DIRECT="http://127.0.0.1:8081"

require_wrk
start_stack
KEY=$(demo_api_key)
AUTH="Authorization: Bearer $KEY"
for i in $(seq 1 40); do
    curl -sf -X POST "$GATEWAY/v1/jobs" -H "$AUTH" -H "Idempotency-Key: seed-$i" -H "Content-Type: application/json" \
        -d '{"type":"data_collection","description":"Seed","files_needed":5,"accepted_formats":["image/jpeg"],"price_per_file_cents":50}' >/dev/null
done
JOB=$(curl -sf "$GATEWAY/v1/jobs?limit=1" -H "$AUTH" | sed -n 's/.*"id":"\(job_[^"]*\)".*/\1/p' | head -1)

# Warm-up: let the JIT compile every path before anything is measured.
for url in "$JOBS_DIRECT/q/health/live" "$JOBS_DIRECT/v1/jobs/$JOB" "$GATEWAY/v1/jobs/$JOB" "$JOBS_DIRECT/v1/jobs?limit=20"; do
    wrk -t2 -c"$CONNECTIONS" -d10s -H "$AUTH" "$url" >/dev/null
done
wrk -t2 -c"$CONNECTIONS" -d10s -H "$AUTH" -s "$BENCH_DIR/post-job.lua" "$JOBS_DIRECT/v1/jobs" >/dev/null

echo "## Jobs API — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), ${DURATION}s per row, $CONNECTIONS connections"
echo
wrk_header
for base in "$JOBS_DIRECT" "$GATEWAY"; do
    via=$([ "$base" = "$GATEWAY" ] && echo "gateway" || echo "direct")
    if [ "$via" = "direct" ]; then
        wrk_line "GET /q/health/live (direct, trivial)" "$base/q/health/live" -t2 -c"$CONNECTIONS" -d"${DURATION}s"
    else
        # The gateway alone: a path no service owns is answered by the gateway itself (404 by design).
        wrk_line "GET /v1/unrouted (gateway alone, 404)" "$base/v1/unrouted" -t2 -c"$CONNECTIONS" -d"${DURATION}s"
    fi
    wrk_line "GET /v1/jobs/{id} ($via)" "$base/v1/jobs/$JOB" -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "$AUTH"
    wrk_line "GET /v1/jobs?limit=20 ($via)" "$base/v1/jobs?limit=20" -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "$AUTH"
    wrk_line "POST /v1/jobs ($via)" "$base/v1/jobs" -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "$AUTH" \
        -s "$BENCH_DIR/post-job.lua"
done
echo

PID=$(service_pid jobs-service)
ulimit -n 65536 2>/dev/null || true
BEFORE=$(rss_mb "$PID")
wrk -t2 -c"$LONG_POLLS" -d40s --timeout 35s -H "$AUTH" -H "Prefer: wait=30" "$JOBS_DIRECT/v1/jobs/$JOB" \
    > "$DATA_DIR/long-poll.txt" 2>&1 &
WRK=$!
HELD=0
for _ in $(seq 1 25); do
    sleep 1
    HELD=$(curl -s "$JOBS_DIRECT/q/metrics" | awk '/^firsthand_jobs_long_polls_waiting / {printf "%d", $2}')
done
DURING=$(rss_mb "$PID")
wait "$WRK" || true
echo "## Long-polls (Prefer: wait=30) held by one jobs-service instance (-Xmx384m)"
echo
echo "| long-poll connections opened | waiting at once (server gauge) | RSS before | RSS while holding |"
echo "|---|---|---|---|"
echo "| $LONG_POLLS | $HELD | ${BEFORE} MB | ${DURING} MB |"
