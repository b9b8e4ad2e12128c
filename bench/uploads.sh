#!/usr/bin/env bash
# Upload throughput through the gateway (200 KB and 5 MB files, accept + upload, 8 workers) and the memory of
# submissions-service under 20 simultaneous 50 MB uploads. Prints a Markdown section for docs/benchmarks.md.
#   bench/uploads.sh [seconds-per-row]
source "$(dirname "$0")/lib.sh"
cd "$PROJECT_DIR"
mvn -B -q -ntp install -DskipTests >/dev/null
mvn -B -q -ntp test-compile dependency:build-classpath -pl e2e-tests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
start_stack
java -Xmx4g -cp "e2e-tests/target/test-classes:$(cat e2e-tests/target/bench-classpath.txt)" \
    com.firsthand.e2e.bench.UploadBench "$GATEWAY" "$DATA_DIR/admin-token" "${1:-20}"
