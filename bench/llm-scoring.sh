#!/usr/bin/env bash
# AI scoring at scale against a simulated vision provider (issue 13): scoring-service (one replica, the packaged
# jar, scorer=openai) on real Kafka, PostgreSQL and S3Proxy, against SimulatedProvider (OpenAI chat-completions
# wire format, log-normal latency, RPM limit, outage window). Prints a Markdown section for docs/benchmarks.md.
#   bench/llm-scoring.sh [scenarios]      burst,sustained,limited,outage,fairness (comma separated; default all)
# Environment (defaults in brackets):
#   LLM_BENCH_QUICK=1                      smoke sizes: 100-upload burst, 30 s sustained, 60 s limited, 40 s outage
#                                          run with 10 s of 503, 300 + 30 s fairness, 300 s drain timeout
#   LLM_BENCH_MEDIAN_MS [3000] LLM_BENCH_P99_MS [10000]   provider latency (p99 <= median: fixed)
#   LLM_BENCH_BURST [1000] LLM_BENCH_RATE [20] LLM_BENCH_SUSTAINED_S [300]
#   LLM_BENCH_LIMITED_RPM [600] LLM_BENCH_LIMITED_S [300] LLM_BENCH_OUTAGE_RUN_S [300] LLM_BENCH_OUTAGE_S [60]
#   LLM_BENCH_FAIRNESS_A [5000] LLM_BENCH_FAIRNESS_B_S [300] LLM_BENCH_DRAIN_TIMEOUT_S [1800]
#   LLM_BENCH_MAX_IN_FLIGHT [256]          firsthand.scoring.llm.max-in-flight
#   LLM_BENCH_SERVICE_RPM [the cap]        firsthand.scoring.llm.requests-per-minute in the limited scenario
#                                          (0: not set, the service must find the limit from 429s)
#   LLM_BENCH_SERVICE_TPM [unset]          firsthand.scoring.llm.tokens-per-minute
#   LLM_BENCH_SERVICE_OPTS                 more JVM options for scoring-service, e.g. -Dfirsthand.scoring.concurrency=8
# Settings scoring-service's ScoringConfig does not declare are left out (Quarkus refuses unknown firsthand.*
# properties) and listed under the table. MVN overrides the Maven command (MVN="mvn -B -q -o" offline).
set -euo pipefail
PROJECT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
SCENARIOS="${1:-all}"
MVN="${MVN:-mvn -B -q -ntp}"
cd "$PROJECT_DIR"
# One build: the packaged service (target/quarkus-app), its test classes, and the test classpath.
$MVN -pl scoring-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

echo "## AI scoring against a simulated provider (\`bench/llm-scoring.sh $SCENARIOS\`)"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, load average before the run" \
    "$(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)." \
    "Everything (infrastructure, service, provider, load generator) shares those cores."
echo
cd scoring-service
java -Xmx1500m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.firsthand.scoring.bench.LlmScoringBench "$SCENARIOS"
