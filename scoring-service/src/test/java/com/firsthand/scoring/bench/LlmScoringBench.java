package com.firsthand.scoring.bench;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.SubmissionScored;
import com.firsthand.infra.PostgresServer;
import com.firsthand.scoring.ScoredEvents;
import com.firsthand.scoring.ScoringFixtures;
import com.firsthand.scoring.ScoringFixtures.Job;
import com.firsthand.scoring.ScoringProcess;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.llm.SimulatedProvider;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * bench/llm-scoring.sh runs this: scoring-service (one replica, the packaged jar) on real Kafka, PostgreSQL and
 * S3Proxy with scorer=openai against {@link SimulatedProvider} in this JVM. Uploads are published directly on
 * submission.uploaded (file in the object store first), as {@link ScoringBench} does; upload→scored runs from that
 * publication to the arrival of submission.scored here. Each scenario gets fresh infrastructure, service and
 * provider. Settings come from the environment (see bench/llm-scoring.sh); prints Markdown rows.
 *
 * <p>Argument: scenarios, comma separated (burst, sustained, limited, outage, fairness) or "all".
 */
public final class LlmScoringBench {

    private static final boolean QUICK = "1".equals(System.getenv("LLM_BENCH_QUICK"));
    private static final long MEDIAN_MS = env("LLM_BENCH_MEDIAN_MS", 3000);
    private static final long P99_MS = env("LLM_BENCH_P99_MS", 10_000);
    private static final int BURST = (int) env("LLM_BENCH_BURST", QUICK ? 100 : 1000);
    private static final double RATE = env("LLM_BENCH_RATE", 20);
    private static final int SUSTAINED_S = (int) env("LLM_BENCH_SUSTAINED_S", QUICK ? 30 : 300);
    private static final int LIMITED_RPM = (int) env("LLM_BENCH_LIMITED_RPM", 600);
    private static final int LIMITED_S = (int) env("LLM_BENCH_LIMITED_S", QUICK ? 60 : 300);
    private static final int OUTAGE_RUN_S = (int) env("LLM_BENCH_OUTAGE_RUN_S", QUICK ? 40 : 300);
    private static final int OUTAGE_S = (int) env("LLM_BENCH_OUTAGE_S", QUICK ? 10 : 60);
    private static final int FAIR_A = (int) env("LLM_BENCH_FAIRNESS_A", QUICK ? 300 : 5000);
    private static final int FAIR_B_S = (int) env("LLM_BENCH_FAIRNESS_B_S", QUICK ? 30 : 300);
    private static final long DRAIN_TIMEOUT_S = env("LLM_BENCH_DRAIN_TIMEOUT_S", QUICK ? 300 : 1800);
    private static final int MAX_IN_FLIGHT = (int) env("LLM_BENCH_MAX_IN_FLIGHT", 256);
    private static final long SERVICE_RPM = env("LLM_BENCH_SERVICE_RPM", -1);
    private static final long SERVICE_TPM = env("LLM_BENCH_SERVICE_TPM", 0);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private static final AtomicInteger SEED = new AtomicInteger(5_000_000);
    private static final List<String> SKIPPED = new ArrayList<>();

    /** One scenario's uploads: when each was published and the organisation it belongs to. */
    private record Sent(Map<String, Long> at, Map<String, String> org) {
        Sent() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args.length > 0 ? args[0] : "all");
        } finally {
            System.exit(0);
        }
    }

    private static void run(String which) throws Exception {
        List<String> scenarios = which.equals("all") ? List.of("burst", "sustained", "limited", "outage", "fairness")
                : Arrays.asList(which.split(","));
        System.out.printf(Locale.ROOT, "Provider: SimulatedProvider (OpenAI chat-completions wire format) in the driver's"
                + " JVM, latency log-normal median %d ms, p99 %d ms, 850 prompt + 30 completion tokens per answer. "
                + "scoring-service: one replica (-Xmx384m), scorer=openai, on real Kafka, PostgreSQL and S3Proxy "
                + "(fresh per scenario). Uploads are %dx%d distinct JPEGs published **directly on "
                + "submission.uploaded** (file stored first), not through the gateway: upload→scored is from that "
                + "publication to the arrival of submission.scored; upload→webhook is not measured.%s%n%n",
                MEDIAN_MS, P99_MS, WIDTH, HEIGHT, QUICK ? " **Quick run (LLM_BENCH_QUICK=1): reduced sizes.**" : "");
        System.out.println("| scenario | uploads | scored (openai / local / pre-scoring) | not scored | first upload → last scored "
                + "| upload→scored p50 | p99 | max | scores/s | provider calls (200 / 429 / 503) "
                + "| provider max in flight |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> notes = new ArrayList<>();
        for (String scenario : scenarios) {
            switch (scenario.trim()) {
                case "burst" -> notes.add(burst());
                case "sustained" -> notes.add(sustained());
                case "limited" -> notes.add(limited());
                case "outage" -> notes.add(outage());
                case "fairness" -> notes.add(fairness());
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
        System.out.println();
        notes.stream().filter(n -> !n.isEmpty()).forEach(System.out::println);
        System.out.println();
        System.out.println("Service settings asked for: firsthand.scoring.scorer=openai, llm.max-in-flight=" + MAX_IN_FLIGHT
                + (SERVICE_TPM > 0 ? ", llm.tokens-per-minute=" + SERVICE_TPM : "")
                + " (llm.requests-per-minute = the provider's cap in the limited scenario"
                + (SERVICE_RPM >= 0 ? ", overridden: " + SERVICE_RPM : "") + ")"
                + (SKIPPED.isEmpty() ? "." : "; not declared by this build, so not set: "
                        + String.join(", ", SKIPPED.stream().distinct().toList()) + "."));
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    private static String burst() throws Exception {
        try (Run run = new Run(new SimulatedProvider.Options().latency(MEDIAN_MS, P99_MS), Map.of())) {
            List<byte[]> photos = photos(BURST);
            Job job = Job.photos(Ids.next(Ids.ORGANIZATION));
            long start = System.nanoTime();
            Sent sent = run.publishAll(job, photos, 8);
            long drained = run.awaitScored(sent);
            run.row("burst: " + BURST + " at once, one job", sent, start, drained);
            return "";
        }
    }

    private static String sustained() throws Exception {
        try (Run run = new Run(new SimulatedProvider.Options().latency(MEDIAN_MS, P99_MS), Map.of())) {
            Job job = Job.photos(Ids.next(Ids.ORGANIZATION));
            long start = System.nanoTime();
            Sent sent = run.steady(job, RATE, SUSTAINED_S, () -> { });
            long drained = run.awaitScored(sent);
            run.row(String.format(Locale.ROOT, "sustained: %s/s for %d s", rate(RATE), SUSTAINED_S), sent, start,
                    drained);
            return "";
        }
    }

    private static String limited() throws Exception {
        long serviceRpm = SERVICE_RPM >= 0 ? SERVICE_RPM : LIMITED_RPM;
        Map<String, String> config = serviceRpm > 0 ? Map.of("llm.requests-per-minute", Long.toString(serviceRpm))
                : Map.of();
        try (Run run = new Run(new SimulatedProvider.Options().latency(MEDIAN_MS, P99_MS).rpm(LIMITED_RPM), config)) {
            Job job = Job.photos(Ids.next(Ids.ORGANIZATION));
            long start = System.nanoTime();
            Sent sent = run.steady(job, RATE, LIMITED_S, () -> { });
            long sendEnd = System.nanoTime();
            long drained = run.awaitScored(sent);
            run.row(String.format(Locale.ROOT, "limited: %s/s for %d s, provider cap %d rpm", rate(RATE), LIMITED_S,
                    LIMITED_RPM), sent, start, drained);
            SimulatedProvider.Stats stats = run.provider.stats();
            List<Integer> minutes = stats.acceptedPerMinute();
            // Whole minutes while demand exceeded the cap: skip the first (start-up) and any after the load ended.
            int loadMinutes = (int) ((sendEnd - run.providerStart) / 60_000_000_000L);
            List<Integer> steady = minutes.subList(Math.min(1, minutes.size()), Math.min(loadMinutes, minutes.size()));
            double used = steady.isEmpty() ? Math.min(1.0, stats.maxAcceptedPer60s() / (double) LIMITED_RPM)
                    : steady.stream().mapToInt(Integer::intValue).average().orElse(0) / LIMITED_RPM;
            return String.format(Locale.ROOT, "- **limited** (cap %d rpm, demand %.0f rpm): max accepted in any 60-s "
                    + "window %d (%.1f %% of the cap; goal ≤ 105 %%), max requests of any outcome in any 60-s window "
                    + "%d (%.1f %%), 429 answers %d; accepted per minute %s; cap used %.1f %% (%s; goal ≥ 90 %%).",
                    LIMITED_RPM, RATE * 60, stats.maxAcceptedPer60s(), 100.0 * stats.maxAcceptedPer60s() / LIMITED_RPM,
                    stats.maxRequestsPer60s(), 100.0 * stats.maxRequestsPer60s() / LIMITED_RPM, stats.rateLimited(),
                    minutes, 100 * used, steady.isEmpty() ? "no whole minute under load: max 60-s window / cap"
                            : "mean of minutes 2.." + (steady.size() + 1) + " under load");
        }
    }

    private static String outage() throws Exception {
        try (Run run = new Run(new SimulatedProvider.Options().latency(MEDIAN_MS, P99_MS), Map.of())) {
            Job job = Job.photos(Ids.next(Ids.ORGANIZATION));
            long outageStart = (OUTAGE_RUN_S - OUTAGE_S) / 2L * 1_000_000_000L;
            long[] outageEnd = {0};
            long start = System.nanoTime();
            Sent sent = run.steady(job, RATE, OUTAGE_RUN_S, () -> {
                long elapsed = System.nanoTime() - start;
                if (elapsed >= outageStart && elapsed < outageStart + OUTAGE_S * 1_000_000_000L) {
                    run.provider.setOutage(true);
                } else if (elapsed >= outageStart + OUTAGE_S * 1_000_000_000L && outageEnd[0] == 0) {
                    run.provider.setOutage(false);
                    outageEnd[0] = System.nanoTime();
                }
            });
            run.provider.setOutage(false);
            if (outageEnd[0] == 0) {
                outageEnd[0] = System.nanoTime();
            }
            long drained = run.awaitScored(sent);
            run.row(String.format(Locale.ROOT, "outage: %s/s for %d s, 503 for %d s in the middle", rate(RATE),
                    OUTAGE_RUN_S, OUTAGE_S), sent, start, drained);
            long lost = sent.at().keySet().stream().filter(id -> run.scored.firstSeen(id) == null).count();
            long twice = run.scored.eventIds().values().stream().filter(ids -> ids.size() > 1).count();
            SimulatedProvider.Stats stats = run.provider.stats();
            return String.format(Locale.ROOT, "- **outage** (%d s of 503): lost (never scored within %d s) %d of %d; "
                    + "submission.scored published more than once for %d submissions; credit_ledger: %s; score rows: "
                    + "%s; provider answers 200 per openai-scored submission %.3f; drain after the outage ended %s.",
                    OUTAGE_S, DRAIN_TIMEOUT_S, lost, sent.at().size(), twice, run.sql("SELECT count(*) || ' "
                            + "charges, ' || coalesce(sum(credits), 0) || ' credits, ' || (SELECT count(*) FROM (SELECT "
                            + "submission_id FROM credit_ledger GROUP BY submission_id HAVING sum(credits) > 1) d) "
                            + "|| ' submissions charged more than once' FROM credit_ledger"),
                    run.sql("SELECT count(*) || ', ' || (SELECT count(*) FROM (SELECT submission_id FROM score GROUP BY "
                            + "submission_id HAVING count(*) > 1) d) || ' submissions scored more than once' FROM score"),
                    stats.accepted() / (double) Math.max(1, run.count(sent, "openai")),
                    drained < 0 ? "**not drained**" : seconds(drained - outageEnd[0]));
        }
    }

    private static String fairness() throws Exception {
        try (Run run = new Run(new SimulatedProvider.Options().latency(MEDIAN_MS, P99_MS), Map.of())) {
            Job jobA = Job.photos(Ids.next(Ids.ORGANIZATION));
            Job jobB = Job.photos(Ids.next(Ids.ORGANIZATION));
            List<byte[]> photosA = photos(FAIR_A);
            long start = System.nanoTime();
            ExecutorService burst = Executors.newSingleThreadExecutor();
            Future<Sent> sentA = burst.submit(() -> run.publishAll(jobA, photosA, 8));
            Sent sentB = run.steady(jobB, 1, FAIR_B_S, () -> { });
            Sent all = new Sent();
            all.at().putAll(sentA.get().at());
            all.at().putAll(sentB.at());
            burst.shutdown();
            long drained = run.awaitScored(all);
            run.row(String.format(Locale.ROOT, "fairness: org A %d at once + org B 1/s for %d s", FAIR_A, FAIR_B_S),
                    all, start, drained);
            long[] b = run.latencies(sentB);
            long[] a = run.latencies(new Sent(sentA.get().at(), Map.of()));
            return String.format(Locale.ROOT, "- **fairness**: org B (1/s, %d uploads) upload→scored p50 %s, p99 %s, "
                    + "max %s; org A (%d at once) p50 %s, p99 %s, last scored after %s.", sentB.at().size(),
                    ms(percentile(b, 50)), ms(percentile(b, 99)), ms(max(b)), FAIR_A, ms(percentile(a, 50)),
                    ms(percentile(a, 99)), ms(max(a)));
        }
    }

    // ---------------------------------------------------------------------------------------------- one run

    /** Fresh infrastructure, scoring-service pointed at a fresh simulated provider, and a submission.scored reader. */
    private static final class Run implements AutoCloseable {

        final SimulatedProvider provider;
        final long providerStart = System.nanoTime();
        final Path dir;
        final ScoringProcess process;
        final ScoredEvents scored;
        final ScoringFixtures fixtures;
        private final Thread poller;
        private volatile boolean polling = true;

        Run(SimulatedProvider.Options options, Map<String, String> extra) throws Exception {
            provider = SimulatedProvider.start(options);
            dir = Files.createTempDirectory("llm-scoring-bench");
            process = new ScoringProcess(dir);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("scorer", "openai");
            config.put("llm.url", provider.baseUrl());
            config.put("llm.model", "vision-sim");
            config.put("llm.api-key", "sk-simulated");
            config.put("llm.max-in-flight", Integer.toString(MAX_IN_FLIGHT));
            if (SERVICE_TPM > 0) {
                config.put("llm.tokens-per-minute", Long.toString(SERVICE_TPM));
            }
            config.putAll(extra);
            List<String> options2 = new ArrayList<>();
            config.forEach((key, value) -> {
                if (declared(key)) {
                    options2.add("-Dfirsthand.scoring." + key + "=" + value);
                } else {
                    SKIPPED.add("firsthand.scoring." + key);
                }
            });
            String extraOpts = System.getenv("LLM_BENCH_SERVICE_OPTS");
            if (extraOpts != null && !extraOpts.isBlank()) {
                options2.addAll(Arrays.asList(extraOpts.trim().split("\\s+")));
            }
            process.start(options2.toArray(String[]::new));
            scored = new ScoredEvents(process.kafka());
            fixtures = new ScoringFixtures(process.kafka(), process.minio());
            poller = new Thread(() -> {
                while (polling) {
                    scored.poll();
                }
            }, "scored-poller");
            poller.start();
        }

        /** Publishes every photo as fast as the given number of threads can. */
        Sent publishAll(Job job, List<byte[]> photos, int threads) throws Exception {
            Sent sent = new Sent();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                futures.add(send(pool, sent, job, "wkr_" + i, photos.get(i)));
            }
            awaitAll(pool, futures);
            return sent;
        }

        /** Stores and publishes one upload on the pool, noting when it was published. */
        private Future<?> send(ExecutorService pool, Sent sent, Job job, String worker, byte[] photo) {
            return pool.submit(() -> {
                EventEnvelope upload = fixtures.upload(job, worker, photo, "image/jpeg");
                sent.at().put(upload.aggregateId(), System.nanoTime());
                return null;
            });
        }

        private static void awaitAll(ExecutorService pool, List<Future<?>> futures) throws Exception {
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
        }

        /** Open loop at a fixed rate (late arrivals are sent at once); tick runs between arrivals. */
        Sent steady(Job job, double rate, int seconds, Runnable tick) throws Exception {
            int count = (int) Math.round(rate * seconds);
            List<byte[]> photos = photos(count);
            Sent sent = new Sent();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long arrival = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < arrival) {
                    tick.run();
                    Thread.sleep(Math.max(0, Math.min(20, (arrival - System.nanoTime()) / 1_000_000)));
                }
                futures.add(send(pool, sent, job, "wkr_" + i, photos.get(i)));
            }
            awaitAll(pool, futures);
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                tick.run();
                Thread.sleep(20);
            }
            tick.run();
            return sent;
        }

        /** Waits until every upload is scored; the nanoTime of the last one, or -1 when the timeout passed. */
        long awaitScored(Sent sent) throws InterruptedException {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT_S * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (sent.at().keySet().stream().allMatch(id -> scored.firstSeen(id) != null)) {
                    return sent.at().keySet().stream().mapToLong(id -> nanos(scored.firstSeen(id))).max().orElse(0);
                }
                Thread.sleep(200);
            }
            return -1;
        }

        long[] latencies(Sent sent) {
            return sent.at().entrySet().stream().filter(e -> scored.firstSeen(e.getKey()) != null)
                    .mapToLong(e -> (nanos(scored.firstSeen(e.getKey())) - e.getValue()) / 1_000_000).sorted()
                    .toArray();
        }

        long count(Sent sent, String scorer) {
            return sent.at().keySet().stream().map(scored::event).filter(e -> e != null)
                    .map(e -> e.payloadAs(SubmissionScored.class))
                    .filter(s -> scorer.equals(s.preScoring() ? "pre-scoring" : s.scorer())).count();
        }

        void row(String name, Sent sent, long start, long drained) {
            long[] latencies = latencies(sent);
            SimulatedProvider.Stats stats = provider.stats();
            long scoredCount = latencies.length;
            double took = ((drained < 0 ? System.nanoTime() : drained) - start) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %d | %d (%d / %d / %d) | %d | %s | %s | %s | %s | %.1f | %d / %d / %d "
                    + "| %d |%n", name, sent.at().size(), scoredCount, count(sent, "openai"), count(sent, "local"),
                    count(sent, "pre-scoring"), sent.at().size() - scoredCount,
                    drained < 0 ? "**not drained in " + DRAIN_TIMEOUT_S + " s**" : String.format(Locale.ROOT,
                            "%.1f s", took), ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                    ms(max(latencies)), scoredCount / took, stats.accepted(), stats.rateLimited(),
                    stats.outageRejected(), stats.maxInFlight());
            System.out.flush();
        }

        /** One value from scoring-service's database, or why not (the schema may have changed). */
        String sql(String query) {
            try (Connection c = DriverManager.getConnection(process.jdbcUrl(), PostgresServer.USER,
                    PostgresServer.PASSWORD); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
                return rows.next() ? rows.getString(1) : "no row";
            } catch (Exception e) {
                return "n/a (" + e.getMessage().lines().findFirst().orElse("") + ")";
            }
        }

        private static long nanos(java.time.Instant at) {
            // firstSeen is wall-clock; convert to this JVM's nanoTime scale.
            return System.nanoTime() - java.time.Duration.between(at, java.time.Instant.now()).toNanos();
        }

        @Override
        public void close() {
            polling = false;
            try {
                poller.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scored.close();
            process.close();
            provider.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (java.io.IOException e) {
                // A scratch directory left behind.
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Whether ScoringConfig (as built) declares firsthand.scoring.KEY; Quarkus refuses undeclared ones. */
    static boolean declared(String key) {
        Class<?> type = ScoringConfig.class;
        for (String part : key.split("\\.")) {
            String method = camel(part);
            Method found = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                    .orElse(null);
            if (found == null) {
                return false;
            }
            type = found.getReturnType();
        }
        return true;
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Distinct scenes (no duplicate check fires), made before the load so their CPU is not in the run. */
    private static List<byte[]> photos(int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> SyntheticPhotos.jpeg(
                SyntheticPhotos.scene(SEED.incrementAndGet(), WIDTH, HEIGHT), 0.85f)).toList();
    }

    private static long env(String name, long fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static String ms(long ms) {
        return ms < 0 ? "n/a" : ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? -1
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }
}
