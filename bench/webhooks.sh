#!/usr/bin/env bash
# Webhook delivery: deliveries per second to one fast local receiver, and latency from publishing the
# triggering Kafka event (submission.status_changed) to the receiver getting the signed webhook (p50/p99).
# Starts its own PostgreSQL and Kafka on free loopback ports and webhook-service as its packaged jar; every
# request goes to 127.0.0.1.
#   bench/webhooks.sh [burst-events] [paced-events] [paced-rate-per-second]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
BURST="${1:-5000}"
PACED="${2:-1000}"
RATE="${3:-50}"
MODULE="$PROJECT_DIR/webhook-service"

cd "$PROJECT_DIR"
if [ ! -f "$MODULE/target/quarkus-app/quarkus-run.jar" ] || [ ! -d "$MODULE/target/test-classes" ]; then
    flock /tmp/mvn.lock mvn -B -q -ntp -o package -pl webhook-service -DskipTests
fi
CP_FILE="$MODULE/target/bench-classpath.txt"
flock /tmp/mvn.lock mvn -B -q -ntp -o dependency:build-classpath -pl webhook-service -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE" >/dev/null

echo "## Webhook delivery — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo
cd "$MODULE"
java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
    com.firsthand.webhook.bench.WebhookBenchmark "$BURST" "$PACED" "$RATE"
