#!/usr/bin/env bash
# Sustained uploads with the local scorer, beside the limits of the parts measured in the same run on the same
# stack: a trivial Quarkus endpoint (wrk), Kafka's own producer/consumer perf tools, and pgbench on the same
# PostgreSQL. Steps the upload rate up, holds the highest rate with p99 upload→webhook < 1 s and no errors, and
# prints a Markdown section for docs/benchmarks.md with each figure as a ratio to its limit.
#   bench/sustained.sh [hold-seconds] [steps, uploads/s comma separated] [seconds-per-step]
# MVN overrides the Maven command (MVN="mvn -B -q -ntp -o" offline).
source "$(dirname "$0")/lib.sh"
HOLD_SECONDS="${1:-300}"
STEPS="${2:-2,4,6,8,10,12}"
STEP_SECONDS="${3:-45}"
LIMIT_SECONDS="${LIMIT_SECONDS:-20}"
MVN="${MVN:-mvn -B -q -ntp}"
# The launcher's fixed infrastructure ports (StackConfig.INFRA_PORTS).
KAFKA="127.0.0.1:19092"
PG_PORT=15432
SUBMISSIONS_DIRECT="http://127.0.0.1:8082"
BENCH_TOPIC="bench.perf"
KAFKA_RECORDS="${KAFKA_RECORDS:-300000}"
SERVICE_DATABASES="'jobs','submissions','scoring','webhooks'"
export PGPASSWORD=firsthand

cd "$PROJECT_DIR"
require_wrk
$MVN install -DskipTests >/dev/null
$MVN test-compile dependency:build-classpath -pl e2e-tests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
$MVN -f bench/kafka-tools/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
KAFKA_CP="$(cat bench/kafka-tools/target/classpath.txt)"

kafka_tool() {
    java -Xmx512m -cp "$KAFKA_CP" "org.apache.kafka.tools.$1" "${@:2}" 2>>"$DATA_DIR/kafka-tools.err"
}

psql_service() {
    psql -h 127.0.0.1 -p "$PG_PORT" -U firsthand -d postgres -At -F ' ' -c "$1"
}

# "db commits" lines: transactions (commits + rollbacks) so far per service database.
db_snapshot() {
    psql_service "SELECT datname, xact_commit + xact_rollback FROM pg_stat_database
        WHERE datname IN ($SERVICE_DATABASES) ORDER BY datname"
}

# "topic messages" lines: the end offsets of the platform's topics, summed over partitions.
kafka_snapshot() {
    kafka_tool GetOffsetShell --bootstrap-server "$KAFKA" --exclude-internal-topics \
        | awk -F: -v skip="$BENCH_TOPIC" '$1 != skip {sum[$1] += $3} END {for (t in sum) print t, sum[t]}' | sort
}

total() {
    awk '{s += $2} END {print s + 0}' <<<"$1"
}

# Per-key difference of two snapshots (a key missing before counts from 0), divided by a count.
per() {
    awk -v n="$3" 'NR == FNR {before[$1] = $2; next} {printf "%s %.2f\n", $1, ($2 - before[$1]) / n}' \
        <(echo "$1") <(echo "$2")
}

start_stack
RUN_AT="$(date -u +%Y-%m-%dT%H:%MZ)"
echo "## Sustained uploads and the limits of the parts (\`bench/sustained.sh $HOLD_SECONDS $STEPS $STEP_SECONDS\`)"
echo
echo "$RUN_AT, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average" \
    "before the run $(cut -d' ' -f1-3 /proc/loadavg). The whole local stack from the launcher (four services" \
    "-Xmx384m SerialGC, Kafka, PostgreSQL 17 with fsync on, S3Proxy, gateway; rate limit off) and every load" \
    "generator share those cores."
echo

# --- Part limits -------------------------------------------------------------------------------------------
wrk -t2 -c32 -d10s "$SUBMISSIONS_DIRECT/q/health/live" >/dev/null
wrk -t2 -c32 -d5s "$GATEWAY/v1/unrouted" >/dev/null
echo "### Limits of the parts, ${LIMIT_SECONDS} s each"
echo
wrk_header
TRIVIAL_LINE=$(wrk_line "GET /q/health/live (submissions-service, direct)" "$SUBMISSIONS_DIRECT/q/health/live" \
    -t2 -c32 -d"${LIMIT_SECONDS}s")
echo "$TRIVIAL_LINE"
GATEWAY_LINE=$(wrk_line "GET /v1/unrouted (gateway alone, its own 404)" "$GATEWAY/v1/unrouted" \
    -t2 -c32 -d"${LIMIT_SECONDS}s")
echo "$GATEWAY_LINE"
TRIVIAL_RPS=$(awk -F'|' '{gsub(/ /, "", $3); print $3}' <<<"$TRIVIAL_LINE")
echo

kafka_tool TopicCommand --bootstrap-server "$KAFKA" --create --topic "$BENCH_TOPIC" --partitions 3 \
    --replication-factor 1 >/dev/null
PRODUCER=$(kafka_tool ProducerPerformance --topic "$BENCH_TOPIC" --num-records "$KAFKA_RECORDS" --record-size 1024 \
    --throughput -1 --producer-props bootstrap.servers="$KAFKA" acks=all | tail -1)
CONSUMER=$(kafka_tool ConsumerPerformance --bootstrap-server "$KAFKA" --topic "$BENCH_TOPIC" \
    --messages "$KAFKA_RECORDS" --timeout 60000 | tail -1)
PRODUCER_RATE=$(awk -F', ' '{split($2, a, " "); print a[1]}' <<<"$PRODUCER")
CONSUMER_RATE=$(awk -F', ' '{printf "%.0f", $6}' <<<"$CONSUMER")
echo "| Kafka perf tool ($KAFKA_RECORDS records of 1 KB, topic of 3 partitions) | messages/s | MB/s | latency |"
echo "|---|---|---|---|"
awk -F', ' '{split($2, r, " "); split($3, l, " "); printf "| ProducerPerformance, acks=all, unthrottled | %.0f | %s | avg %s ms, p50 %s, p99 %s |\n",
    r[1], substr(r[3], 2), l[1], $5, $7}' <<<"$PRODUCER" | sed 's/ ms 50th/ ms/; s/ ms 99th/ ms/'
awk -F', ' '{printf "| ConsumerPerformance, one consumer | %.0f | %.1f | fetch %.0f msg/s |\n", $6, $4, $10}' \
    <<<"$CONSUMER"
echo

createdb -h 127.0.0.1 -p "$PG_PORT" -U firsthand bench
pgbench -h 127.0.0.1 -p "$PG_PORT" -U firsthand -i -s 10 -q bench >"$DATA_DIR/pgbench-init.log" 2>&1
TPCB=$(pgbench -h 127.0.0.1 -p "$PG_PORT" -U firsthand -c 8 -j 2 -T "$LIMIT_SECONDS" bench 2>>"$DATA_DIR/pgbench.err")
SELECTS=$(pgbench -h 127.0.0.1 -p "$PG_PORT" -U firsthand -S -c 8 -j 2 -T "$LIMIT_SECONDS" bench \
    2>>"$DATA_DIR/pgbench.err")
TPCB_TPS=$(awk '/^tps/ {printf "%.0f", $3}' <<<"$TPCB")
echo "| pgbench -s 10, 8 clients, 2 threads (client $(pgbench --version | awk '{print $3}')) | tps | latency average |"
echo "|---|---|---|"
echo "| TPC-B-like (5 statements, 1 commit per transaction) | $TPCB_TPS | $(awk '/latency average/ {print $4, $5}' <<<"$TPCB") |"
echo "| select-only (-S) | $(awk '/^tps/ {printf "%.0f", $3}' <<<"$SELECTS") | $(awk '/latency average/ {print $4, $5}' <<<"$SELECTS") |"
echo

# --- Background activity with no load: pollers, health checks, relays ------------------------------------------
IDLE_SECONDS=30
IDLE_DB_BEFORE=$(db_snapshot)
sleep "$IDLE_SECONDS"
IDLE_DB_AFTER=$(db_snapshot)
IDLE_DB_RATE=$(awk -v a="$(total "$IDLE_DB_BEFORE")" -v b="$(total "$IDLE_DB_AFTER")" -v s="$IDLE_SECONDS" \
    'BEGIN {printf "%.1f", (b - a) / s}')

# --- Sustained uploads ----------------------------------------------------------------------------------------
DB_BEFORE=$(db_snapshot)
KAFKA_BEFORE=$(kafka_snapshot)
DRIVER_START=$SECONDS
java -Xmx2g -cp "e2e-tests/target/test-classes:$(cat e2e-tests/target/bench-classpath.txt)" \
    com.firsthand.e2e.bench.SustainedUploadBench "$GATEWAY" "$DATA_DIR/admin-token" "$STEPS" "$STEP_SECONDS" \
    "$HOLD_SECONDS" 30 | tee "$DATA_DIR/driver.md" | grep -v '^<!--'
DRIVER_SECONDS=$((SECONDS - DRIVER_START))
DB_AFTER=$(db_snapshot)
KAFKA_AFTER=$(kafka_snapshot)

HELD=$(sed -n 's/.*held-rate: \([0-9.]*\).*/\1/p' "$DATA_DIR/driver.md")
UPLOADS=$(sed -n 's/.*uploads-total: \([0-9]*\).*/\1/p' "$DATA_DIR/driver.md")
KAFKA_PER_UPLOAD=$(awk -v a="$(total "$KAFKA_BEFORE")" -v b="$(total "$KAFKA_AFTER")" -v n="$UPLOADS" \
    'BEGIN {printf "%.2f", (b - a) / n}')
DB_PER_UPLOAD=$(awk -v a="$(total "$DB_BEFORE")" -v b="$(total "$DB_AFTER")" -v n="$UPLOADS" \
    -v idle="$IDLE_DB_RATE" -v s="$DRIVER_SECONDS" 'BEGIN {printf "%.1f", (b - a - idle * s) / n}')

echo
echo "### What one upload costs, and the held rate as a fraction of each part's limit"
echo
echo "Counted over the whole upload run ($UPLOADS accept + upload pairs in $DRIVER_SECONDS s, steps and hold" \
    "together). Kafka: growth of the end offsets of the platform's topics (consumer-offset commits not counted)." \
    "PostgreSQL: growth of \`xact_commit + xact_rollback\` of the four service databases, less the idle rate" \
    "measured just before ($IDLE_DB_RATE transactions/s with no load: pollers, relays, health checks)."
echo
echo "| Kafka topic | messages per upload |"
echo "|---|---|"
per "$KAFKA_BEFORE" "$KAFKA_AFTER" "$UPLOADS" | awk '$2 > 0 {printf "| %s | %s |\n", $1, $2}'
echo "| **all** | **$KAFKA_PER_UPLOAD** |"
echo
echo "| database | transactions per upload (gross, idle included) |"
echo "|---|---|"
per "$DB_BEFORE" "$DB_AFTER" "$UPLOADS" | awk '{printf "| %s | %s |\n", $1, $2}'
echo "| **all, net of idle** | **$DB_PER_UPLOAD** |"
echo
awk -v r="$HELD" -v trivial="$TRIVIAL_RPS" -v kp="$KAFKA_PER_UPLOAD" -v prod="$PRODUCER_RATE" \
    -v cons="$CONSUMER_RATE" -v dp="$DB_PER_UPLOAD" -v tps="$TPCB_TPS" 'BEGIN {
    printf "| part | used at %s uploads/s | its limit alone | fraction |\n|---|---|---|---|\n", r
    printf "| HTTP: accept + upload = 2 requests | %.0f req/s | %.0f req/s (trivial endpoint) | %.2f %% |\n",
        2 * r, trivial, 100 * 2 * r / trivial
    printf "| Kafka produce | %.1f msg/s | %.0f msg/s (ProducerPerformance, acks=all) | %.2f %% |\n",
        kp * r, prod, 100 * kp * r / prod
    printf "| Kafka consume (per consumer group) | %.1f msg/s | %.0f msg/s (ConsumerPerformance) | %.2f %% |\n",
        kp * r, cons, 100 * kp * r / cons
    printf "| PostgreSQL | %.0f tx/s | %.0f tx/s (pgbench TPC-B-like) | %.1f %% |\n", dp * r, tps, 100 * dp * r / tps
}'
