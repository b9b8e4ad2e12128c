#!/usr/bin/env bash
# The AI path through the whole local stack (issue 13, sustained): the launcher's stack with scoring-service on
# scorer=openai against SimulatedProvider (a separate process: OpenAI wire format, log-normal latency), and the
# uploads sent through the gateway as workers send them (accept + upload of distinct JPEGs, open-loop at a fixed
# rate), each timed to its verified submission.scored webhook. Prints Markdown for docs/benchmarks.md.
#   bench/llm-gateway.sh [rate, uploads/s] [seconds]       defaults: 20 uploads/s for 300 s
# LLM_BENCH_MEDIAN_MS [3000] LLM_BENCH_P99_MS [10000]: provider latency. MVN overrides the Maven command.
source "$(dirname "$0")/lib.sh"
RATE="${1:-20}"
SECONDS_AT_RATE="${2:-300}"
MEDIAN_MS="${LLM_BENCH_MEDIAN_MS:-3000}"
P99_MS="${LLM_BENCH_P99_MS:-10000}"
PROVIDER_PORT="${PROVIDER_PORT:-18099}"
MVN="${MVN:-mvn -B -q -ntp}"

cd "$PROJECT_DIR"
$MVN install -DskipTests >/dev/null
$MVN test-compile -pl scoring-service >/dev/null
$MVN test-compile dependency:build-classpath -pl e2e-tests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

java -Xmx256m -cp scoring-service/target/test-classes com.firsthand.scoring.llm.SimulatedProvider \
    --port "$PROVIDER_PORT" --latency-median-ms "$MEDIAN_MS" --latency-p99-ms "$P99_MS" \
    > "$DATA_DIR/provider.log" 2>&1 &
PROVIDER_PID=$!
trap 'kill $PROVIDER_PID 2>/dev/null || true; stop_stack' EXIT
export FIRSTHAND_SCORING_SCORER=openai FIRSTHAND_SCORING_LLM_URL="http://127.0.0.1:$PROVIDER_PORT/v1"
export FIRSTHAND_SCORING_LLM_MODEL=vision-sim FIRSTHAND_SCORING_LLM_API_KEY=sk-simulated
start_stack
trap 'kill $PROVIDER_PID 2>/dev/null || true; stop_stack' EXIT

echo "## AI scoring through the gateway (\`bench/llm-gateway.sh $RATE $SECONDS_AT_RATE\`)"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, load average before the run" \
    "$(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown). The" \
    "launcher's whole stack (four services, Kafka, PostgreSQL, S3Proxy, gateway; rate limit off), SimulatedProvider" \
    "(median ${MEDIAN_MS} ms, p99 ${P99_MS} ms) and the load generator share those cores. Webhook deliveries go" \
    "to a receiver in the generator, which verifies each signature."
echo
java -Xmx2g -Dbench.target.p99.ms=8000 -cp "e2e-tests/target/test-classes:$(cat e2e-tests/target/bench-classpath.txt)" \
    com.firsthand.e2e.bench.SustainedUploadBench "$GATEWAY" "$DATA_DIR/admin-token" "$RATE" "$SECONDS_AT_RATE" \
    "$SECONDS_AT_RATE" 60 | grep -v '^<!--'
echo
echo "Provider: $(curl -s "http://127.0.0.1:$PROVIDER_PORT/stats")"
