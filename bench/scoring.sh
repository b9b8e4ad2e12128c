#!/usr/bin/env bash
# Scoring throughput and latency with the local scorer: the pipeline on one thread (1 MP and 12 MP JPEGs), then
# scoring-service as a real process on real Kafka, PostgreSQL and S3Proxy (uploaded → scored at a steady rate,
# and a backlog drained). Prints a Markdown section for docs/benchmarks.md.
#   bench/scoring.sh [seconds-per-row] [uploads-per-second]
set -euo pipefail
PROJECT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
cd "$PROJECT_DIR"
mvn -B -q -ntp install -DskipTests -pl scoring-service -am >/dev/null
mvn -B -q -ntp test-compile dependency:build-classpath -pl scoring-service -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cd scoring-service
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.firsthand.scoring.bench.ScoringBench "${1:-30}" "${2:-4}"
